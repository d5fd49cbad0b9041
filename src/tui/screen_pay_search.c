/* screen_pay_search.c - step 1 of Record Payment, and Find Consumer: the
 * results follow each keystroke (name, account number or phone; partial,
 * any case); Enter takes the consumer selected to the account view. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "wizard.h"

enum { A_SELECT, A_BACK };

static const struct tui_key screen_pay_search_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Select"), N_("take the consumer selected"),
        A_SELECT},
    TUI_LIST_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the home screen"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

#define RESULTS_MAX 200

struct search {
	struct tui_screen sc;
	struct wizard *w;
	struct tui_list list; /* the consumers found: its selection is w->sel */
};

/* The address is a column when the terminal is wide enough. */
static const struct xcol cols[] = {
    {N_("Name"), "name", X_TEXT, 31, 16},
    {N_("Account"), "account_no", X_ID, 13, 10},
    {N_("Phone"), "phone", X_ID, 17, 10},
    {N_("Service address"), "address", X_TEXT, 0, 16},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct consumer *cn = &((struct search *)arg)->w->found[row];

	(void)t;
	(void)buf;
	c[0].s = cn->name;
	c[1].s = cn->account_no;
	c[2].s = cn->phone;
	c[3].s = cn->address;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct search *s = (struct search *)sc;
	struct wizard *w = s->w;
	char line[512], num[SVC_COUNT_BUFSZ];
	const char *label = N_("Search");
	int wide = COLS >= 110; /* room for the address as a column */
	int fx = 2 + tui_label_width(&label, 1, 8), cw;

	if (w->find) {
		attron(A_BOLD);
		tui_text(2, 2, _("Find a consumer"), COLS - 4);
		attroff(A_BOLD);
	} else
		wizard_band(w, 1, N_("Consumer"));
	tui_text(4, 2, _(label), fx - 2);
	tui_field_draw(
	    t, &w->search, 4, fx, COLS - fx - 2 > 50 ? 50 : COLS - fx - 2, 1);
	if (w->search_err[0] != '\0') {
		attron(tui_attr(t, TUI_C_ERROR, A_BOLD));
		tui_text(6, 2, w->search_err, COLS - 4);
		attroff(tui_attr(t, TUI_C_ERROR, A_BOLD));
		return;
	}
	if (w->search.len == 0) {
		tui_wrap(6, 2, _("Type a name, account number or phone number"),
		    COLS - 4, 2);
		return;
	}
	if (w->nfound == 0) {
		snprintf(line, sizeof line, _("No consumer matches \"%s\""),
		    w->search.buf);
		tui_wrap(6, 2, line, COLS - 4, 2);
		return;
	}
	if (w->nfound == RESULTS_MAX)
		snprintf(line, sizeof line,
		    ngettext(
		        "%s or more match", "%s or more matches", w->nfound),
		    svc_count(t->svc, num, sizeof num, (int64_t)w->nfound));
	else
		snprintf(line, sizeof line,
		    ngettext("%s match", "%s matches", w->nfound),
		    svc_count(t->svc, num, sizeof num, (int64_t)w->nfound));
	/* at column 62, or further left when the words are longer */
	cw = utf8_columns(line, strlen(line));
	tui_text(5, 62 < COLS - 2 - cw ? 62 : COLS - 2 - cw, line, cw);
	s->list.ncols = wide ? 4 : 3;
	tui_list_set(&s->list, w->nfound);
	s->list.sel = w->sel;
	tui_list_draw(t, &s->list, 6, 2, COLS - 4, LINES - 9);
	if (!wide && w->sel < w->nfound &&
	    w->found[w->sel].address[0] != '\0') {
		attron(A_DIM);
		tui_text(LINES - 3, 2, w->found[w->sel].address, COLS - 4);
		attroff(A_DIM);
	}
}

static void
search(struct wizard *w, struct tui *t)
{
	struct pd_err err;

	free(w->found);
	w->found = NULL;
	w->nfound = w->sel = 0;
	w->search_err[0] = '\0';
	if (w->search.len == 0)
		return;
	w->found = svc_consumer_search(
	    t->svc, w->search.buf, RESULTS_MAX, &w->nfound, &err);
	if (w->found == NULL)
		snprintf(w->search_err, sizeof w->search_err, "%s", err.msg);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct search *s = (struct search *)sc;
	struct wizard *w = s->w;

	tui_list_set(&s->list, w->nfound);
	s->list.sel = w->sel;
	if (tui_list_action(&s->list, a)) {
		w->sel = s->list.sel;
		return TUI_HANDLED;
	}
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_SELECT:
		if (w->nfound == 0) {
			tui_message(t, 1, "%s",
			    w->search.len
			        ? _("No consumer to select")
			        : _("Type a name, account or phone first"));
			return TUI_HANDLED;
		}
		if (wizard_choose(w, t, w->found[w->sel].account_no) == 0)
			tui_push(t, screen_pay_account_new(w, t));
		return TUI_HANDLED;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct wizard *w = ((struct search *)sc)->w;

	if (!tui_field_input(&w->search, key, ch))
		return 0;
	search(w, t);
	return TUI_HANDLED;
}

static void
free_search(struct tui_screen *sc)
{
	wizard_free(((struct search *)sc)->w);
}

const struct tui_screen_class screen_pay_search_class = {
    .name = "Record Payment 1 Consumer",
    .title = N_("Record Payment"),
    .keys = screen_pay_search_keys,
    .nkeys = TUI_NKEYS(screen_pay_search_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_search,
    .fields = 1,
};

struct tui_screen *
screen_pay_search_new(int find)
{
	struct search *s = xcalloc(1, sizeof *s);

	s->w = wizard_new(find);
	s->w->first = &s->sc;
	tui_list_init(&s->list, cols, 4, cells, s);
	s->sc.cls = &screen_pay_search_class;
	s->sc.title = find ? N_("Find Consumer") : N_("Record Payment");
	s->sc.typing = 1;
	return &s->sc;
}
