/* screen_gateway.c - the back office's queue of gateway payments (issue
 * 19, seed 004): the ones this terminal pulled from the central node,
 * the unassociated first (F2 shows every one), with their candidates;
 * a search typed as you go (a part of the code, phone, reference,
 * candidates or account, or an amount); Enter associates the payment
 * selected with a consumer (a candidate, or any account), F8
 * disassociates an associated one, each with a reason, in a dialog of
 * this file. The central node applies them at the next sync; the queue
 * shows one waiting, and one it refused with its reason. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_ASSOC = 1, A_DISASSOC, A_ALL, A_BACK };

static const struct tui_key screen_gateway_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Associate"),
        N_("associate the payment selected with a consumer"), A_ASSOC},
    {KEY_F(8), "F8", N_("Disassociate"),
        N_("disassociate the payment selected from its consumer"), A_DISASSOC},
    {KEY_F(2), "F2", N_("All"),
        N_("every gateway payment, or the unassociated ones only"), A_ALL},
    TUI_LIST_KEYS,
    /* the candidates and the state, hidden at 80 columns beside long
     * codes (helper-258, fault 3: a ">" and no key to reach them) */
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the dashboard"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct queue {
	struct tui_screen sc;
	struct tui_list list;
	struct tui_field search;
	struct gw_payment *rows;
	size_t n;
	int all; /* every payment, not only the unassociated */
	unsigned gen;
};

/* the code is never cut at its end, where two processors' ids differ
 * (pi_3MtwBw...a3tqPa, pi_3MtwBw...b9XyZq): shown whole, or as its start
 * and its end (tui_code_fit) */
#define CODE_COLS 16
static const struct xcol cols[] = {
    {N_("#"), "id", X_NUMBER, 3, 0},
    {N_("Account"), "account", X_ID, 10, 8},
    {N_("Code"), "code", X_ID, CODE_COLS, -1},
    {N_("Phone"), "phone", X_ID, 12, 0},
    {N_("Amount"), "amount", X_MONEY, 10, 0},
    {N_("Date paid"), "paid_on", X_DATE, 10, 0},
    {N_("Candidates"), "candidates", X_TEXT, 20, 10},
    {NC_("column", "Sync"), "sync", X_TERM, 8, 0},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct gw_payment *g = &((struct queue *)arg)->rows[row];

	(void)t;
	snprintf(buf, 11, "%.10s", g->paid_at);
	c[0].n = (int64_t)row + 1;
	c[1].s = g->account_no[0] ? g->account_no : g->account_ref;
	c[2].s = tui_code_fit(g->code, CODE_COLS, buf + 11, 300);
	c[3].s = g->phone;
	c[4].n = g->amount;
	c[5].s = buf;
	c[6].s = g->candidates;
	c[7].s = g->assoc_state;
}

static void
load(struct queue *q, struct tui *t)
{
	struct pd_err err;

	free(q->rows);
	q->n = 0;
	q->gen = t->list_gen;
	q->rows = svc_gateway_local(t->svc, !q->all, 0,
	    q->search.len ? q->search.buf : NULL, &q->n, &err);
	if (q->rows == NULL)
		tui_message(t, 1, "%s", err.msg);
	tui_list_set(&q->list, q->n);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct queue *q = (struct queue *)sc;
	const struct gw_payment *g;
	char line[1024], num[SVC_COUNT_BUFSZ];
	int y = 2, lw;

	if (q->gen != t->list_gen)
		load(q, t);
	snprintf(line, sizeof line,
	    q->all
	        ? ngettext("%s gateway payment", "%s gateway payments",
	              (unsigned long)q->n)
	        : ngettext("%s unassociated gateway payment",
	              "%s unassociated gateway payments", (unsigned long)q->n),
	    svc_count(t->svc, num, sizeof num, (int64_t)q->n));
	/* the organisation's, whichever terminal looks (review R23) */
	tui_org_suffix(line, sizeof line);
	attron(A_BOLD);
	tui_text(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	lw = utf8_columns(_("Search"), strlen(_("Search")));
	tui_text(y, 2, _("Search"), lw);
	tui_field_draw(t, &q->search, y, 4 + lw, COLS - 8 - lw, 1);
	y += 2;
	if (q->n == 0) {
		tui_text(y, 3, _("No gateway payments"), COLS - 4);
		return;
	}
	tui_list_draw(t, &q->list, y, 2, COLS - 4, LINES - y - 4);
	g = &q->rows[q->list.sel < q->n ? q->list.sel : 0];
	if (strcmp(g->assoc_state, "refused") == 0)
		snprintf(line, sizeof line,
		    strcmp(g->assoc_action, "disassociate") == 0
		        ? _("Disassociation refused by the central node: %s")
		        : _("Association refused by the central node: %s"),
		    g->assoc_reason);
	else if (g->review[0] != '\0')
		snprintf(line, sizeof line, "%s %s  %s", g->gateway, g->code,
		    svc_gateway_review(g->review));
	else
		snprintf(line, sizeof line, "%s %s  %s", g->gateway,
		    _(gw_status_name(g->status)), g->settlement_status);
	attron(A_DIM);
	tui_text(LINES - 3, 2, line, COLS - 4);
	attroff(A_DIM);
}

static struct tui_screen *screen_gateway_assoc_new(
    struct tui *t, const struct gw_payment *g, int on);

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct queue *q = (struct queue *)sc;
	struct pd_err err;

	if (tui_list_action(&q->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_ALL:
		q->all = !q->all;
		load(q, t);
		return TUI_HANDLED;
	case A_ASSOC:
	case A_DISASSOC:
		if (q->n == 0) {
			tui_message(
			    t, 1, "%s", _("No gateway payment selected"));
			return TUI_HANDLED;
		}
		/* what cannot be done is said at once, in the status line,
		 * before a dialog asks for a reason (issue 19 review) */
		if (svc_gateway_assoc_check(t->svc, &q->rows[q->list.sel],
		        a == A_ASSOC, &err) != 0) {
			tui_message(t, 1, "%s", err.msg);
			return TUI_HANDLED;
		}
		tui_push(t, screen_gateway_assoc_new(
		                t, &q->rows[q->list.sel], a == A_ASSOC));
		return TUI_HANDLED;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct queue *q = (struct queue *)sc;

	if (!tui_field_input(&q->search, key, ch))
		return 0;
	load(q, t);
	return TUI_HANDLED;
}

static void
free_queue(struct tui_screen *sc)
{
	free(((struct queue *)sc)->rows);
}

const struct tui_screen_class screen_gateway_class = {
    .name = "Gateway payments",
    .title = N_("Gateway payments"),
    .keys = screen_gateway_keys,
    .nkeys = TUI_NKEYS(screen_gateway_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_queue,
};

struct tui_screen *
screen_gateway_new(struct tui *t)
{
	struct queue *q = xcalloc(1, sizeof *q);

	tui_list_init(&q->list, cols, TUI_NCOLS(cols), cells, q);
	q->list.keep = 1u << 2; /* the code: never hidden */
	q->search.max = 64;
	q->sc.cls = &screen_gateway_class;
	q->sc.typing = 1;
	load(q, t);
	return &q->sc;
}

/* ---- the dialog: associate (an account, a reason) or disassociate (a
 * reason) ---- */

enum { D_SAVE = 1, D_BACK, D_DOWN, D_UP };

static const struct tui_key screen_gateway_assoc_keys[] = {
    {TUI_KEY_ENTER, "Enter", KC_("gateway", "Record"),
        N_("record the association, sent at the next sync"), D_SAVE},
    {KEY_DOWN, "Down", NULL, N_("the next field (also {Tab})"), D_DOWN},
    {KEY_UP, "Up", NULL, N_("the field above"), D_UP},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without recording"), D_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { F_ACCOUNT, F_REASON, F_COUNT };

struct assoc {
	struct tui_screen sc;
	struct gw_payment g;
	int on; /* associate; 0: disassociate */
	struct tui_form fm;
	struct tui_form_item items[F_COUNT];
};

static void
assoc_draw(struct tui_screen *sc, struct tui *t)
{
	struct assoc *d = (struct assoc *)sc;
	const struct tui_form_item *it = &d->fm.items[d->fm.focus];
	char m[MONEY_BUFSZ], line[1024];
	int y = 2, lw = list_form_width(&d->fm, 14);

	attron(A_BOLD);
	tui_text(y++, 2,
	    d->on ? _("Associate a gateway payment with a consumer")
	          : _("Disassociate a gateway payment from its consumer"),
	    COLS - 4);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "%s %s  %s  %s  %s", d->g.gateway,
	    d->g.code, svc_money(t->svc, m, sizeof m, d->g.amount), d->g.phone,
	    d->g.account_ref);
	tui_text(y++, 2, line, COLS - 4);
	if (d->on && d->g.candidates[0] != '\0') {
		snprintf(
		    line, sizeof line, _("Candidates: %s"), d->g.candidates);
		tui_text(y++, 2, line, COLS - 4);
	}
	if (!d->on) {
		snprintf(line, sizeof line, _("Associated with account %s"),
		    d->g.account_no);
		tui_text(y++, 2, line, COLS - 4);
	}
	y++;
	tui_form_draw(t, &d->fm, y, 4, lw, COLS - 8 > 70 ? 70 : COLS - 8);
	if (tui_form_typing(&d->fm)) {
		t->cur_y = y + d->fm.focus - (d->on ? 0 : 1);
		t->cur_x = 4 + lw + 2 + utf8_columns(it->f.buf, it->f.len);
	}
	/* two clauses, each short enough for any screen's help width */
	snprintf(line, sizeof line, "%s %s",
	    _("The central node applies it at the next sync;"),
	    _("the first association of a payment wins."));
	attron(A_DIM);
	tui_wrap(y + 3, 4, line, COLS - 8, 2);
	attroff(A_DIM);
}

static int
assoc_action(struct tui_screen *sc, struct tui *t, int a)
{
	struct assoc *d = (struct assoc *)sc;
	struct pd_err err;

	switch (a) {
	case D_BACK:
		return TUI_CLOSE;
	case D_DOWN:
	case D_UP:
		tui_form_input(&d->fm, a == D_DOWN ? KEY_DOWN : KEY_UP, 0);
		return TUI_HANDLED;
	case D_SAVE:
		if (svc_gateway_associate(t->svc, d->g.gateway, d->g.code,
		        d->on ? d->items[F_ACCOUNT].f.buf : NULL,
		        d->items[F_REASON].f.buf, NULL, &err) != 0) {
			tui_message(t, 1, "%s", err.msg);
			return TUI_HANDLED;
		}
		tui_message(t, 0,
		    _("Payment %s: recorded; the central node applies it at "
		      "the next sync"),
		    d->g.code);
		t->list_gen++;
		return TUI_CLOSE;
	}
	return 0;
}

static int
assoc_input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct assoc *d = (struct assoc *)sc;

	return tui_form_key(t, &d->fm, key, ch) != 0 ? TUI_HANDLED : 0;
}

const struct tui_screen_class screen_gateway_assoc_class = {
    .name = "Gateway association",
    .title = N_("Gateway payments"),
    .keys = screen_gateway_assoc_keys,
    .nkeys = TUI_NKEYS(screen_gateway_assoc_keys),
    .draw = assoc_draw,
    .action = assoc_action,
    .input = assoc_input,
};

static struct tui_screen *
screen_gateway_assoc_new(struct tui *t, const struct gw_payment *g, int on)
{
	struct assoc *d = xcalloc(1, sizeof *d);
	char first[33];

	(void)t;
	d->g = *g;
	d->on = on;
	/* the first candidate, ready to take or to type over */
	snprintf(first, sizeof first, "%.*s", (int)strcspn(g->candidates, ","),
	    g->candidates);
	tui_form_text(&d->items[F_ACCOUNT], _("Account"), 32, first);
	d->items[F_ACCOUNT].hidden = !on;
	tui_form_text(
	    &d->items[F_REASON], _("Reason"), t->svc->cfg.remarks_max, NULL);
	d->fm.items = d->items;
	d->fm.n = F_COUNT;
	d->fm.focus = on ? F_ACCOUNT : F_REASON;
	d->sc.cls = &screen_gateway_assoc_class;
	d->sc.typing = 1;
	return &d->sc;
}
