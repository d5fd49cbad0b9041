/* screen_arr_filter.c - the filters of the plans list and of their
 * performance (issue 21; helper-251, fault 1: `report arrangements` had
 * --from, --to and --segment, its screen none): the plans made from a day
 * to a day, of the consumers of a segment. Checked when applied as the
 * command line checks them (a date of the organisation's format, From
 * not after To, a segment some consumer has, in any case); a wrong one
 * names its field and changes nothing. The screen below
 * (screen_arrangements.c, screen_arr_report.c) reads its rows again when
 * the filters change. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_APPLY = 1, A_CLEAR, A_BACK, A_DOWN, A_UP };

static const struct tui_key screen_arr_filter_keys[] = {
    {TUI_KEY_ENTER, "Enter", KC_("filter", "Apply"), N_("apply the filters"),
        A_APPLY},
    {KEY_F(8), "F8", N_("Clear"), N_("clear every filter"), A_CLEAR},
    {KEY_DOWN, "Down", NULL, N_("the next filter (also {Tab})"), A_DOWN},
    {KEY_UP, "Up", NULL, N_("the filter above"), A_UP},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without changing anything"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help; Ctrl-U clears a field"), -1},
};

enum { G_FROM, G_TO, G_SEGMENT, G_COUNT };

struct afilter {
	struct tui_screen sc;
	struct plans_filter *f;
	const char *title;
	struct tui_form fm;
	struct tui_form_item items[G_COUNT];
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct afilter *g = (struct afilter *)sc;
	const struct tui_form_item *it = &g->fm.items[g->fm.focus];
	int lw = list_form_width(&g->fm, 12), y = 2;

	attron(A_BOLD);
	tui_text(y++, 2, g->title, COLS - 4);
	attroff(A_BOLD);
	attron(A_DIM);
	y += tui_wrap(y, 2,
	    _("Empty: no filter. From, To: the days the plans were made."),
	    COLS - 4, 2);
	attroff(A_DIM);
	y++;
	tui_form_draw(t, &g->fm, y, 4, lw, COLS - 8 > 60 ? 60 : COLS - 8);
	t->cur_y = y + g->fm.focus;
	t->cur_x = 4 + lw + 2 + utf8_columns(it->f.buf, it->f.len);
}

/* Check the form as `report arrangements` checks its options; in force
 * only when every one is good. */
static int
apply(struct afilter *g, struct tui *t)
{
	struct plans_filter nf;
	const char *seg = g->items[G_SEGMENT].f.buf;
	struct pd_err err;

	memset(&nf, 0, sizeof nf);
	if (tui_form_period(t, &g->fm, G_FROM, nf.from, nf.to) != 0)
		return TUI_HANDLED;
	/* named as its consumers have it (helper-252: "RESIDENTIAL") */
	if (*seg != '\0' && svc_segment_as_stored(t->svc, seg, nf.segment,
	                        sizeof nf.segment, &err) != 0) {
		tui_filter_refused(t, err.msg);
		g->fm.focus = G_SEGMENT;
		return TUI_HANDLED;
	}
	nf.changed = 1;
	*g->f = nf;
	return TUI_CLOSE;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct afilter *g = (struct afilter *)sc;
	int k;

	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_APPLY:
		return apply(g, t);
	case A_CLEAR:
		for (k = 0; k < G_COUNT; k++) {
			g->items[k].f.buf[0] = '\0';
			g->items[k].f.len = 0;
		}
		return TUI_HANDLED;
	case A_DOWN:
	case A_UP:
		tui_form_input(&g->fm, a == A_DOWN ? KEY_DOWN : KEY_UP, 0);
		return TUI_HANDLED;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct afilter *g = (struct afilter *)sc;

	return tui_form_key(t, &g->fm, key, ch) != 0 ? TUI_HANDLED : 0;
}

const struct tui_screen_class screen_arr_filter_class = {
    .name = "Plan filters",
    .title = N_("Filter"),
    .keys = screen_arr_filter_keys,
    .nkeys = TUI_NKEYS(screen_arr_filter_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .fields = 1,
};

struct tui_screen *
screen_arr_filter_new(struct tui *t, struct plans_filter *f, const char *title)
{
	struct afilter *g = xcalloc(1, sizeof *g);
	char d[SVC_DATE_BUFSZ];

	/* the days as the organisation writes them, as they are typed */
	tui_form_text(&g->items[G_FROM], _("From"), 10,
	    f->from[0] ? svc_date(t->svc, d, sizeof d, f->from) : "");
	g->items[G_FROM].kind = FORM_DATE;
	tui_form_text(&g->items[G_TO], _("To"), 10,
	    f->to[0] ? svc_date(t->svc, d, sizeof d, f->to) : "");
	g->items[G_TO].kind = FORM_DATE;
	tui_form_text(&g->items[G_SEGMENT], _("Segment"),
	    (int)sizeof f->segment - 1, f->segment);
	g->fm.items = g->items;
	g->fm.n = G_COUNT;
	g->f = f;
	g->title = title;
	g->sc.cls = &screen_arr_filter_class;
	g->sc.typing = 1;
	return &g->sc;
}

void
plans_filter_text(
    struct tui *t, const struct plans_filter *f, char *buf, size_t n)
{
	char d[SVC_DATE_BUFSZ];
	size_t len;

	buf[0] = '\0';
	if (f->from[0])
		snprintf(buf, n, _("Made from %s"),
		    svc_date(t->svc, d, sizeof d, f->from));
	if (f->to[0]) {
		len = strlen(buf);
		snprintf(buf + len, n - len,
		    len ? _(", to %s") : _("Made to %s"),
		    svc_date(t->svc, d, sizeof d, f->to));
	}
	if (f->segment[0]) {
		len = strlen(buf);
		snprintf(buf + len, n - len,
		    len ? _(", segment %s") : _("Segment %s"), f->segment);
	}
}
