/* screen_shifts.c - the back office's Shifts tab (issue 20): every
 * drawer's shifts the store holds (its own, and the other terminals'
 * that sync brought), open and closed, newest first; filters (opened
 * from/to, cashier, terminal, status) in a form over the list; Enter
 * opens a shift's details (counts, tenders, movements, Z number), where
 * p reprints its Z report as a COPY; c counts and closes an open shift
 * of this terminal, C closes by force one left open at another
 * (screen_shift_force.c). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

enum { A_OPEN = 1, A_FILTER, A_CLEAR, A_BACK, A_CLOSE, A_FORCE, A_DEPOSIT };

static const struct tui_key screen_shifts_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Details"),
        N_("the shift's details; open at this terminal: its X report"), A_OPEN},
    {'f', "f", N_("Filter"), N_("the filters of the list"), A_FILTER},
    {'F', "F", NULL, N_("clear every filter"), A_CLEAR},
    {'g', "g", NULL, N_("read the list again"), TUI_A_RELOAD},
    {'c', "c", NULL, N_("close an open shift of a cashier who has gone"),
        A_CLOSE},
    {'C', "C", NULL, N_("close by force a shift left open at another terminal"),
        A_FORCE},
    {'d', "d", N_("Deposit"),
        N_("the cash and cheques to deposit, each cheque by number"),
        A_DEPOSIT},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the dashboard"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

/* What the supervisor filters on. */
enum { ST_ANY, ST_OPEN, ST_CLOSED };
struct shifts_filter {
	char from[11], to[11]; /* "" open */
	char cashier[SHIFT_USER_BUFSZ];
	char terminal[17];
	int status;
	int changed;
};

#define SHIFTS_MAX 5000

struct shifts {
	struct tui_screen sc;
	struct tui_list list;
	struct shifts_filter f;
	struct shift *rows;
	size_t n, cap;
	int more; /* stopped at SHIFTS_MAX */
	unsigned gen;
};

static const struct xcol cols[] = {
    {N_("Z number"), "z_no", X_ID, 12, 0},
    {N_("Terminal"), "terminal", X_ID, 8, 0},
    {N_("Cashier"), "cashier", X_ID, 12, 6},
    {N_("Opened"), "opened_at", X_TEXT, 16, 0},
    {N_("Closed"), "closed_at", X_TEXT, 16, 0},
    {N_("Status"), "status", X_TEXT, 8, 0},
    /* the close's over (+) or short (-), none while open */
    {N_("Over/short"), "over_short", X_MONEY, 10, 0},
    /* which flag: over midnight, past [shifts] max_hours */
    {N_("Flag"), "flag", X_TEXT, 14, 5},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct shift *sh = &((struct shifts *)arg)->rows[row];

	/* the times to the minute, in the organisation's date format */
	c[0].s = sh->z_no[0] ? sh->z_no : "-";
	c[1].s = sh->terminal;
	c[2].s = sh->cashier;
	c[3].s = svc_datetime(t->svc, buf, SVC_DATE_BUFSZ, sh->opened_at);
	c[4].s = sh->closed_at[0] ? svc_datetime(t->svc, buf + SVC_DATE_BUFSZ,
	                                SVC_DATE_BUFSZ, sh->closed_at)
	                          : "";
	c[5].s = drawer_status_name(sh->status);
	c[6].s = sh->status == SHIFT_CLOSED ? NULL : "";
	c[6].n = sh->over_short;
	c[7].s = shift_flag_text(sh->flagged, t->svc->cfg.shift_max_hours, 0,
	    buf + 2 * SVC_DATE_BUFSZ, LISTING_BUFSZ - 2 * SVC_DATE_BUFSZ);
}

static int
add(const struct shift *sh, void *arg)
{
	struct shifts *s = arg;

	if (s->f.terminal[0] && strcmp(sh->terminal, s->f.terminal) != 0)
		return 0;
	if (s->f.status == ST_CLOSED && sh->status != SHIFT_CLOSED)
		return 0;
	if (s->n == SHIFTS_MAX) {
		s->more = 1;
		return 1; /* enough: stop */
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->rows = xrealloc(s->rows, s->cap, sizeof *s->rows);
	}
	s->rows[s->n++] = *sh;
	return 0;
}

static void
load(struct shifts *s, struct tui *t)
{
	struct shift_filter f;
	struct pd_err err;

	memset(&f, 0, sizeof f);
	f.open_only = s->f.status == ST_OPEN;
	f.from = s->f.from[0] ? s->f.from : NULL;
	f.to = s->f.to[0] ? s->f.to : NULL;
	f.cashier = s->f.cashier[0] ? s->f.cashier : NULL;
	f.scoped = 1;
	s->n = 0;
	s->more = 0;
	s->gen = t->list_gen;
	if (svc_shift_list(t->svc, &f, add, s, &err) != 0)
		tui_message(t, 1, "%s", err.msg);
	tui_list_set(&s->list, s->n);
}

/* "From 01/04/2025, Cashier john, Closed": the filters set. */
static void
filter_text(struct tui *t, const struct shifts *s, char *buf, size_t n)
{
	char d[SVC_DATE_BUFSZ];
	size_t len;

	buf[0] = '\0';
#define ADD(label, v)                                                          \
	do {                                                                   \
		len = strlen(buf);                                             \
		snprintf(                                                      \
		    buf + len, n - len, "%s%s %s", len ? ", " : "", label, v); \
	} while (0)
	if (s->f.from[0])
		ADD(_("From"), svc_date(t->svc, d, sizeof d, s->f.from));
	if (s->f.to[0])
		ADD(_("To"), svc_date(t->svc, d, sizeof d, s->f.to));
	if (s->f.cashier[0])
		ADD(_("Cashier"), s->f.cashier);
	if (s->f.terminal[0])
		ADD(_("Terminal"), s->f.terminal);
	if (s->f.status != ST_ANY)
		ADD(_("Status"),
		    drawer_status_name(
		        s->f.status == ST_OPEN ? SHIFT_OPEN : SHIFT_CLOSED));
#undef ADD
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct shifts *s = (struct shifts *)sc;
	char line[512], num[SVC_COUNT_BUFSZ];
	int y = 2;

	if (s->f.changed || s->gen != t->list_gen) {
		s->f.changed = 0;
		load(s, t);
	}
	snprintf(line, sizeof line,
	    ngettext("%s shift", "%s shifts", (unsigned long)s->n),
	    svc_count(t->svc, num, sizeof num, (int64_t)s->n));
	if (s->more)
		strncat(line, "+", sizeof line - strlen(line) - 1);
	/* the drawers of the scope (issue 23) */
	tui_scope_suffix(t, line, sizeof line, NULL);
	attron(A_BOLD);
	tui_text(y, 2, line, COLS - 4);
	attroff(A_BOLD);
	filter_text(t, s, line, sizeof line);
	attron(A_DIM);
	tui_text(y + 1, 2, line, COLS - 4);
	attroff(A_DIM);
	y += 3;
	if (s->n == 0) {
		tui_text(y, 3, _("No shifts"), COLS - 4);
		return;
	}
	tui_list_draw(t, &s->list, y, 2, COLS - 3, LINES - y - 2);
}

static struct tui_screen *screen_shift_filter_new(struct shifts_filter *f);

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct shifts *s = (struct shifts *)sc;
	struct tui_screen *next;
	const struct shift *sh;

	if (tui_list_action(&s->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case TUI_A_RELOAD:
		load(s, t);
		return TUI_HANDLED;
	case A_CLEAR:
		memset(&s->f, 0, sizeof s->f);
		load(s, t);
		return TUI_HANDLED;
	case A_FILTER:
		tui_push(t, screen_shift_filter_new(&s->f));
		return TUI_HANDLED;
	case A_CLOSE:
		if (s->n == 0)
			return TUI_HANDLED;
		next = screen_shift_close_of(t, sc, &s->rows[s->list.sel]);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case A_FORCE:
		if (s->n == 0)
			return TUI_HANDLED;
		next = screen_shift_force_new(t, &s->rows[s->list.sel]);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case A_DEPOSIT:
		next = screen_deposits_new(t);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case A_OPEN:
		if (s->n == 0)
			return TUI_HANDLED;
		sh = &s->rows[s->list.sel];
		/* an open shift of this drawer: its cashier's X report, which
		 * p prints (a Z report it has not) */
		if (sh->status != SHIFT_CLOSED &&
		    strcmp(sh->terminal, t->svc->cfg.terminal_id) == 0 &&
		    t->svc->actor.role >= ROLE_SUPERVISOR)
			next = screen_shift_x_of(t, sh->cashier);
		else
			next = screen_shift_report_new(
			    t, s->rows[s->list.sel].z_no[0]
			           ? s->rows[s->list.sel].z_no
			           : s->rows[s->list.sel].uuid);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	}
	return 0;
}

static void
free_shifts(struct tui_screen *sc)
{
	free(((struct shifts *)sc)->rows);
}

const struct tui_screen_class screen_shifts_class = {
    .name = "Shifts",
    .title = N_("Shifts"),
    .keys = screen_shifts_keys,
    .nkeys = TUI_NKEYS(screen_shifts_keys),
    .draw = draw,
    .action = action,
    .free = free_shifts,
};

struct tui_screen *
screen_shifts_new(struct tui *t)
{
	struct shifts *s = xcalloc(1, sizeof *s);

	tui_list_init(&s->list, cols, TUI_NCOLS(cols), cells, s);
	s->sc.cls = &screen_shifts_class;
	load(s, t);
	return &s->sc;
}

/* The filter form: checked when applied, a wrong date names its field
 * and changes nothing. */
enum { FA_APPLY = 1, FA_BACK, FA_DOWN, FA_UP, FA_LEFT, FA_RIGHT };

static const struct tui_key screen_shift_filter_keys[] = {
    {TUI_KEY_ENTER, "Enter", KC_("filter", "Apply"), N_("apply the filters"),
        FA_APPLY},
    {KEY_DOWN, "Down", NULL, N_("the next filter (also {Tab})"), FA_DOWN},
    {KEY_UP, "Up", NULL, N_("the filter above"), FA_UP},
    {KEY_LEFT, "Left", NULL, N_("the choice before"), FA_LEFT},
    {KEY_RIGHT, "Right", NULL, N_("the next choice"), FA_RIGHT},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without changing anything"),
        FA_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { G_FROM, G_TO, G_CASHIER, G_TERMINAL, G_STATUS, G_COUNT };

struct sfilter {
	struct tui_screen sc;
	struct shifts_filter *f;
	struct tui_form fm;
	struct tui_form_item items[G_COUNT];
	const char *status_shown[3];
};

static void
filter_draw(struct tui_screen *sc, struct tui *t)
{
	struct sfilter *g = (struct sfilter *)sc;
	const struct tui_form_item *it = &g->fm.items[g->fm.focus];
	int lw = list_form_width(&g->fm, 12), y = 4;

	attron(A_BOLD);
	tui_text(2, 2, _("Filter the shifts"), COLS - 4);
	attroff(A_BOLD);
	tui_form_draw(t, &g->fm, y, 4, lw, COLS - 8);
	if (tui_form_typing(&g->fm)) {
		t->cur_y = y + g->fm.focus;
		t->cur_x = 4 + lw + 2 + utf8_columns(it->f.buf, it->f.len);
	}
}

static int
apply(struct sfilter *g, struct tui *t)
{
	struct shifts_filter nf;

	memset(&nf, 0, sizeof nf);
	if (tui_form_period(t, &g->fm, G_FROM, nf.from, nf.to) != 0)
		return TUI_HANDLED;
	snprintf(
	    nf.cashier, sizeof nf.cashier, "%s", g->items[G_CASHIER].f.buf);
	snprintf(
	    nf.terminal, sizeof nf.terminal, "%s", g->items[G_TERMINAL].f.buf);
	nf.status = g->items[G_STATUS].choice;
	nf.changed = 1;
	*g->f = nf;
	return TUI_CLOSE;
}

static int
filter_action(struct tui_screen *sc, struct tui *t, int a)
{
	struct sfilter *g = (struct sfilter *)sc;
	static const int keys[] = {[FA_DOWN] = KEY_DOWN,
	    [FA_UP] = KEY_UP,
	    [FA_LEFT] = KEY_LEFT,
	    [FA_RIGHT] = KEY_RIGHT};

	switch (a) {
	case FA_BACK:
		return TUI_CLOSE;
	case FA_APPLY:
		return apply(g, t);
	case FA_DOWN:
	case FA_UP:
	case FA_LEFT:
	case FA_RIGHT:
		tui_form_input(&g->fm, keys[a], 0);
		return TUI_HANDLED;
	}
	return 0;
}

static int
filter_input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct sfilter *g = (struct sfilter *)sc;
	int rc = tui_form_input(&g->fm, key, ch);

	if (rc < 0)
		tui_message(t, 1,
		    _("%s: digits and the date's separators only"),
		    g->fm.items[g->fm.focus].label);
	return rc != 0 ? TUI_HANDLED : 0;
}

const struct tui_screen_class screen_shift_filter_class = {
    .name = "Shift filter",
    .title = N_("Shifts"),
    .keys = screen_shift_filter_keys,
    .nkeys = TUI_NKEYS(screen_shift_filter_keys),
    .draw = filter_draw,
    .action = filter_action,
    .input = filter_input,
    .fields = 1,
};

static struct tui_screen *
screen_shift_filter_new(struct shifts_filter *f)
{
	struct sfilter *g = xcalloc(1, sizeof *g);

	g->status_shown[ST_ANY] = _("Any");
	g->status_shown[ST_OPEN] = drawer_status_name(SHIFT_OPEN);
	g->status_shown[ST_CLOSED] = drawer_status_name(SHIFT_CLOSED);
	tui_form_text(&g->items[G_FROM], _("From"), 10, f->from);
	g->items[G_FROM].kind = FORM_DATE;
	tui_form_text(&g->items[G_TO], _("To"), 10, f->to);
	g->items[G_TO].kind = FORM_DATE;
	tui_form_text(&g->items[G_CASHIER], _("Cashier"), SHIFT_USER_BUFSZ - 1,
	    f->cashier);
	tui_form_text(&g->items[G_TERMINAL], _("Terminal"), 16, f->terminal);
	tui_form_choice(
	    &g->items[G_STATUS], _("Status"), g->status_shown, 3, f->status);
	g->fm.items = g->items;
	g->fm.n = G_COUNT;
	g->f = f;
	g->sc.cls = &screen_shift_filter_class;
	g->sc.typing = 1;
	return &g->sc;
}
