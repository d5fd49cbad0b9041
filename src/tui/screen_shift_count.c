/* screen_shift_count.c - cash counted by denomination (issue 20): one row
 * per configured denomination with the quantity typed and the line's
 * total, and the total. Two uses: the opening float (Open shift: the
 * float expected from the drawer's last close and the difference shown,
 * Enter opens the shift), and the first step of the blind close (nothing
 * expected shown, Enter goes on to the card slips). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

enum { A_DONE, A_BACK, A_CLEAR };

static const struct tui_key screen_shift_open_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Open shift"),
        N_("open the shift with the float counted"), A_DONE},
    TUI_LIST_KEYS,
    {KEY_DC, "Del", NULL, N_("the quantity of the row back to 0"), A_CLEAR},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without opening"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help; digits type the quantity"), -1},
};

static const struct tui_key screen_shift_count_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Next"), N_("the card slips"), A_DONE},
    TUI_LIST_KEYS,
    {KEY_DC, "Del", NULL, N_("the quantity of the row back to 0"), A_CLEAR},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without closing the shift"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help; digits type the quantity"), -1},
};

#define QTY_DIGITS 7

struct count {
	struct tui_screen sc;
	int open; /* the opening float; else the close's first step */
	struct drawer_close *close;
	const int64_t *denoms;
	int n;
	char qty[SHIFT_DENOMS_MAX][QTY_DIGITS + 1];
	struct tui_list list;
	int64_t expected;   /* open: the float the drawer's last close kept */
	int first;          /* open: the drawer's first shift, no close before
	                     * it: expected not known (s72 h11 fault 2) */
	int64_t confirmed;  /* open: the float off the expected one the
	                     * cashier confirmed (-1 none) */
};

static const struct xcol cols[] = {
    {N_("Denomination"), "denomination", X_MONEY, 12, 0},
    {N_("Quantity"), "qty", X_TEXT, 8, 0},
    {N_("Line total"), "line_total", X_MONEY, 14, 0},
};

static int64_t
qty_of(const struct count *c, int i)
{
	return c->qty[i][0] ? strtoll(c->qty[i], NULL, 10) : 0;
}

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *cl, char *buf)
{
	struct count *c = arg;

	(void)t;
	(void)buf;
	cl[0].n = c->denoms[row];
	cl[1].s = c->qty[row][0] ? c->qty[row] : "0";
	cl[2].n = c->denoms[row] * qty_of(c, (int)row);
}

static int64_t
total(const struct count *c)
{
	int64_t sum = 0;
	int i;

	for (i = 0; i < c->n; i++)
		sum += c->denoms[i] * qty_of(c, i);
	return sum;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct count *c = (struct count *)sc;
	static const char *const labels[] = {
	    N_("Total counted"), N_("Expected float"), N_("Difference")};
	char m[MONEY_BUFSZ], line[256];
	int y = 2, rows = LINES - (c->open ? 10 : 8),
	    lw = tui_label_width(labels, 3, 16);
	int64_t sum = total(c);

	attron(A_BOLD);
	snprintf(line, sizeof line,
	    c->open ? _("Count the opening float (%s)")
	            : _("Count the cash in the drawer (%s)"),
	    c->open ? drawer_cash_method(t) : c->close->cash);
	tui_text(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	/* another cashier's shift (a supervisor's close of a drawer left
	 * open): whose, at which terminal, before anything is counted */
	if (!c->open &&
	    strcmp(c->close->sh.cashier, t->svc->actor.username) != 0) {
		snprintf(line, sizeof line,
		    _("The shift of %s (%s) at terminal %s, opened %s"),
		    c->close->sh.cashier_name[0] ? c->close->sh.cashier_name
		                                 : c->close->sh.cashier,
		    c->close->sh.cashier, c->close->sh.terminal,
		    svc_datetime(t->svc, m, sizeof m, c->close->sh.opened_at));
		tui_text(y++, 2, line, COLS - 4);
		rows--;
	}
	y++;
	if (rows < 2)
		rows = 2;
	y += tui_list_draw(t, &c->list, y, 4, COLS - 8 > 40 ? 40 : COLS - 8,
	    rows > c->n + 1 ? c->n + 1 : rows);
	y++;
	attron(A_BOLD);
	tui_pair(y++, 4, lw, _(labels[0]), svc_money(t->svc, m, sizeof m, sum));
	attroff(A_BOLD);
	if (!c->open)
		return;
	/* the drawer's first shift: no figure to count against, as shift
	 * show and its Z report say (s72 h11 fault 2) */
	if (c->first) {
		tui_pair(y++, 4, lw, _(labels[1]), _("no previous close"));
		return;
	}
	tui_pair(y++, 4, lw, _(labels[1]),
	    svc_money(t->svc, m, sizeof m, c->expected));
	tui_pair(y++, 4, lw, _(labels[2]),
	    svc_money(t->svc, m, sizeof m, sum - c->expected));
}

/* The counted lines (a line per denomination, 0 included: the count
 * says what was counted), into out (c->n of them). */
static void
lines(const struct count *c, const char *method, struct shift_count *out)
{
	int i;

	memset(out, 0, (size_t)c->n * sizeof *out);
	for (i = 0; i < c->n; i++) {
		snprintf(out[i].method, sizeof out[i].method, "%s", method);
		out[i].kind = SHIFT_COUNT_DENOM;
		out[i].denomination = c->denoms[i];
		out[i].qty = qty_of(c, i);
		out[i].amount = c->denoms[i] * out[i].qty;
	}
}

/* A float off the expected one by more than [shifts] tolerance: the
 * cashier checks the count and presses Enter again (helper-240 of issue
 * 21: "WU-10001" typed into the count by mistake opened a shift with a
 * float of $1,000,100.00 at one Enter). The service records the
 * difference either way. */
static int
float_confirmed(struct count *c, struct tui *t)
{
	char f[MONEY_BUFSZ], d[MONEY_BUFSZ], e[MONEY_BUFSZ];
	int64_t sum = total(c), diff = sum - c->expected;

	if (c->first ||
	    (diff < 0 ? -diff : diff) <= t->svc->cfg.shift_tolerance ||
	    c->confirmed == sum)
		return 1;
	c->confirmed = sum;
	tui_message(t, 1,
	    _("Float %s is %s off the %s expected: {Enter} again to open"),
	    svc_money(t->svc, f, sizeof f, sum),
	    svc_money(t->svc, d, sizeof d, diff < 0 ? -diff : diff),
	    svc_money(t->svc, e, sizeof e, c->expected));
	return 0;
}

static int
open_shift(struct count *c, struct tui *t)
{
	struct shift_count *l;
	struct shift sh;
	struct pd_err err;
	char m[MONEY_BUFSZ];
	int rc;

	if (!float_confirmed(c, t))
		return TUI_HANDLED;
	l = xcalloc((size_t)c->n + 1, sizeof *l);
	lines(c, drawer_cash_method(t), l);
	rc = svc_shift_open(t->svc, l, (size_t)c->n, &sh, &err);
	free(l);
	if (rc != 0) {
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	tui_message(t, 0, _("Shift opened with a float of %s"),
	    svc_money(t->svc, m, sizeof m, sh.float_counted));
	return TUI_CLOSE;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct count *c = (struct count *)sc;
	struct drawer_close *d = c->close;

	if (tui_list_action(&c->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_CLEAR:
		c->qty[c->list.sel][0] = '\0';
		return TUI_HANDLED;
	case A_DONE:
		if (c->open)
			return open_shift(c, t);
		free(d->cash_lines);
		d->cash_lines =
		    xcalloc((size_t)c->n + 1, sizeof *d->cash_lines);
		d->ncash = (size_t)c->n;
		lines(c, d->cash, d->cash_lines);
		tui_push(t, d->ncards > 0     ? screen_shift_slips_new(t, d)
		            : d->ncheques > 0 ? screen_shift_cheques_new(t, d)
		                              : screen_shift_result_new(t, d));
		return TUI_HANDLED;
	}
	return 0;
}

/* Digits type the selected row's quantity; Backspace takes one back. */
static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct count *c = (struct count *)sc;
	char *q = c->qty[c->list.sel];
	size_t len = strlen(q);

	if (key == TUI_KEY_BACKSPACE) {
		if (len > 0)
			q[len - 1] = '\0';
		return TUI_HANDLED;
	}
	if (key != 0)
		return 0;
	if (ch < '0' || ch > '9') {
		tui_message(t, 1, "%s", _("Quantity: digits only"));
		return TUI_HANDLED;
	}
	if (len >= QTY_DIGITS) {
		tui_message(t, 1, _("Quantity: at most %d digits"), QTY_DIGITS);
		return TUI_HANDLED;
	}
	if (len == 1 && q[0] == '0')
		len = 0; /* no leading zero */
	q[len] = (char)ch;
	q[len + 1] = '\0';
	return TUI_HANDLED;
}

static void
free_count(struct tui_screen *sc)
{
	struct count *c = (struct count *)sc;

	if (c->close != NULL) {
		drawer_close_free(c->close);
		free(c->close);
	}
}

const struct tui_screen_class screen_shift_open_class = {
    .name = "Opening float",
    .title = N_("Open shift"),
    .keys = screen_shift_open_keys,
    .nkeys = TUI_NKEYS(screen_shift_open_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_count,
};

const struct tui_screen_class screen_shift_count_class = {
    .name = "Close shift 1 Cash",
    .title = N_("Close shift"),
    .keys = screen_shift_count_keys,
    .nkeys = TUI_NKEYS(screen_shift_count_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_count,
};

static struct count *
count_new(struct tui *t, const struct tui_screen_class *cls)
{
	struct count *c = xcalloc(1, sizeof *c);

	c->denoms = drawer_denoms(t, &c->n);
	tui_list_init(&c->list, cols, TUI_NCOLS(cols), cells, c);
	tui_list_set(&c->list, (size_t)c->n);
	c->sc.cls = cls;
	return c;
}

struct tui_screen *
screen_shift_open_new(struct tui *t)
{
	struct count *c;
	struct pd_err err;

	if (drawer_cash_method(t) == NULL) {
		tui_message(t, 1, "%s", _("No cash method is configured"));
		return NULL;
	}
	c = count_new(t, &screen_shift_open_class);
	c->open = 1;
	c->expected = -1;
	c->confirmed = -1;
	/* the drawer's last close, whoever's shift it was: the figure the
	 * open records the count against */
	switch (svc_shift_float_expected(t->svc, &c->expected, &err)) {
	case -1:
		tui_message(t, 1, "%s", err.msg);
		c->expected = 0;
		break;
	case 0: /* no previous close */
		c->first = 1;
		break;
	}
	return &c->sc;
}

/* The close's first step of shift uuid (NULL: the cashier's own). */
static struct tui_screen *
close_of(struct tui *t, struct tui_screen *home, const char *uuid)
{
	struct drawer_close *d = xcalloc(1, sizeof *d);
	struct shift_report x;
	struct pd_err err;
	struct count *c;
	int k;

	if ((uuid ? svc_shift_show(t->svc, uuid, &x, &err)
	          : svc_shift_x(t->svc, &x, &err)) != 0) {
		tui_message(t, 1, "%s", err.msg);
		free(d);
		return NULL;
	}
	d->home = home;
	d->sh = x.sh;
	/* the tenders by kind: cash counted, card slips, cheques: every
	 * one the organisation takes, whatever the shift took (the close
	 * is blind: a fresh tester's, s73, the cheque step shown only when
	 * the shift had taken a cheque told the cashier one was expected) */
	snprintf(d->cash, sizeof d->cash, "%s",
	    drawer_cash_method(t) ? drawer_cash_method(t) : "");
	for (k = 0; k < t->svc->cfg.nmethods; k++)
		if (t->svc->cfg.methods[k].kind == METHOD_CARD)
			snprintf(d->cards[d->ncards++], SHIFT_METHOD_BUFSZ,
			    "%s", t->svc->cfg.methods[k].name);
	for (k = 0; k < t->svc->cfg.nmethods; k++)
		if (t->svc->cfg.methods[k].kind == METHOD_BANK &&
		    t->svc->cfg.methods[k].cheque && d->ncheques < CFG_LIST_MAX)
			snprintf(d->cheques[d->ncheques++], SHIFT_METHOD_BUFSZ,
			    "%s", t->svc->cfg.methods[k].name);
	svc_shift_report_free(&x);
	c = count_new(t, &screen_shift_count_class);
	c->close = d;
	return &c->sc;
}

struct tui_screen *
screen_shift_close_new(struct tui *t, struct tui_screen *home)
{
	return close_of(t, home, NULL);
}

struct tui_screen *
screen_shift_close_of(
    struct tui *t, struct tui_screen *home, const struct shift *sh)
{
	if (sh->status != SHIFT_OPEN ||
	    strcmp(sh->terminal, t->svc->cfg.terminal_id) != 0) {
		tui_message(t, 1,
		    _("Only an open shift of terminal %s is closed here"),
		    t->svc->cfg.terminal_id);
		return NULL;
	}
	return close_of(t, home, sh->uuid);
}
