/* screen_credit_create.c - the Create Credit Note dialog: the payment as
 * a read-only block, the credit amount (the full payment by default, the
 * maximum as a hint), a reason from the configured list, remarks with a
 * counter, and a live summary. Create works only when the amount and
 * the reason are valid; the service checks everything again. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_CREATE, A_NEXT, A_PREV, A_KLEFT, A_KRIGHT, A_BACK };

static const struct tui_key screen_credit_create_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Create"),
        N_("create the credit note (when valid)"), A_CREATE},
    {KEY_DOWN, "Down", NULL, N_("the next field (also {Tab})"), A_NEXT},
    {KEY_UP, "Up", NULL, N_("the field above"), A_PREV},
    {KEY_LEFT, "Left", NULL, N_("the reason before"), A_KLEFT},
    {KEY_RIGHT, "Right", NULL, N_("the next reason"), A_KRIGHT},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close; nothing is saved"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { F_AMOUNT, F_REASON, F_REMARKS, F_N };

struct ccreate {
	struct tui_screen sc;
	struct payment_view v;
	int64_t max;    /* the service's limit (svc_credit_quote) */
	int64_t issued; /* credit notes already on the payment, not voided */
	int64_t charged; /* its chargebacks charged again */
	struct tui_form fm;
	struct tui_form_item items[F_N];
	const char *reasons[CFG_LIST_MAX + 1]; /* as the operator reads them */
	char shown[CFG_LIST_MAX][128];         /* their svc_word */
	char hint[64];
	char count[32]; /* the remarks' characters of their most: their hint */
	int64_t asked;  /* the amount asked about (-1: none): Enter again */
};

/* The amount typed, the service's quote of it (q->remaining -1 when the
 * amount is refused), and why Create is not possible ("" when it is). */
static int64_t
check(struct ccreate *c, struct tui *t, struct credit_quote *q, char *why,
    size_t n)
{
	struct credit_request r;
	struct pd_err err;
	int64_t amount = 0;
	char m[MONEY_BUFSZ];

	why[0] = '\0';
	memset(q, 0, sizeof *q);
	q->remaining = -1;
	if (svc_money_parse(t->svc, c->items[F_AMOUNT].f.buf,
	        _("Credit amount"), &amount, &err) != 0) {
		snprintf(why, n, "%s", err.msg);
		return amount;
	}
	r.receipt = c->v.p.receipt_no;
	r.amount = amount;
	r.reason = c->items[F_REASON].choice == 0
	               ? NULL
	               : t->svc->cfg.reasons[c->items[F_REASON].choice - 1];
	r.remarks = c->items[F_REMARKS].f.buf;
	if (svc_credit_quote(t->svc, &r, q, &err) == 0)
		return amount;
	/* the service refuses; the dialog says it in a few words where the
	 * field is the amount or the reason */
	if (q->bad == CREDIT_AMOUNT && amount <= 0)
		snprintf(
		    why, n, "%s", _("The credit amount must be above zero"));
	else if (q->bad == CREDIT_AMOUNT)
		snprintf(why, n,
		    _("The credit amount is above the maximum, %s"),
		    svc_money(t->svc, m, sizeof m, q->limit));
	else if (q->bad == CREDIT_REASON)
		snprintf(why, n, "%s", _("Choose a reason"));
	else
		snprintf(why, n, "%s", err.msg);
	return amount;
}

/* The widest of n translated labels plus a gap, or least. */
static int
column(const char *const *labels, int n, int least)
{
	int i, w;

	for (i = 0; i < n; i++) {
		w = utf8_columns(_(labels[i]), strlen(_(labels[i]))) + 2;
		if (w > least)
			least = w;
	}
	return least;
}

/* The payment block's labels, in order, and the summary's. */
static const char *const pay_labels[] = {N_("Consumer"), N_("Account"),
    N_("Receipt #"), N_("Payment amount"), N_("Payment date"), N_("Method")};
static const char *const sum_labels[] = {N_("Original payment amount"),
    N_("Credit note amount"), N_("Remaining payment value"),
    N_("Already credited"), N_("Charged back")};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct ccreate *c = (struct ccreate *)sc;
	const struct payment *p = &c->v.p;
	char m[MONEY_BUFSZ], why[640], day[SVC_DATE_BUFSZ];
	const char *vals[6];
	struct credit_quote q;
	int64_t amount;
	int i, y = 2, lw = column(sum_labels, 4, 26), pw, rows;

	/* the payment's labels and the form's in one column: 16, or wider
	 * for a longer translated label */
	pw = column(pay_labels, 6, 16);
	if (list_form_width(&c->fm, 0) + 2 > pw)
		pw = list_form_width(&c->fm, 0) + 2;
	vals[0] = c->v.c.name;
	vals[1] = c->v.c.account_no;
	vals[2] = p->receipt_no;
	vals[3] = svc_money(t->svc, m, sizeof m, p->amount);
	vals[4] = svc_date(t->svc, day, sizeof day, p->paid_on);
	vals[5] = p->method;
	attron(A_BOLD);
	tui_text(y++, 2, _("Payment"), COLS - 4);
	attroff(A_BOLD);
	for (i = 0; i < 6; i++)
		tui_pair(y++, 4, pw, _(pay_labels[i]), vals[i]);
	y++;
	attron(A_BOLD);
	tui_text(y++, 2, _("Credit note"), COLS - 4);
	attroff(A_BOLD);
	/* the remarks' count is their hint; a hint that does not fit
	 * beside its field wraps under it and the rest moves down */
	snprintf(c->count, sizeof c->count, "%zu/%d",
	    utf8_chars(c->items[F_REMARKS].f.buf, c->items[F_REMARKS].f.len),
	    c->items[F_REMARKS].f.max);
	y += tui_form_draw(t, &c->fm, y, 4, pw, COLS - 8) + 1;
	sc->typing = tui_form_typing(&c->fm);
	amount = check(c, t, &q, why, sizeof why);
	attron(A_BOLD);
	tui_text(y++, 2, _("Summary"), COLS - 4);
	attroff(A_BOLD);
	tui_pair(y++, 4, lw, _(sum_labels[0]),
	    svc_money(t->svc, m, sizeof m, p->amount));
	/* what earlier notes took, so that the lines add up: original less
	 * already credited less this note is what remains (issue 17) */
	if (c->issued > 0) {
		char less[MONEY_BUFSZ + 2];

		snprintf(less, sizeof less, "-%s",
		    svc_money(t->svc, m, sizeof m, c->issued));
		tui_pair(y++, 4, lw, _(sum_labels[3]), less);
	}
	/* a chargeback charged again: the bank gave that back (review s48) */
	if (c->charged > 0) {
		char less[MONEY_BUFSZ + 2];

		snprintf(less, sizeof less, "-%s",
		    svc_money(t->svc, m, sizeof m, c->charged));
		tui_pair(y++, 4, lw, _(sum_labels[4]), less);
	}
	tui_pair(y++, 4, lw, _(sum_labels[1]),
	    svc_money(t->svc, m, sizeof m, why[0] && amount <= 0 ? 0 : amount));
	if (q.remaining >= 0) {
		char rest[MONEY_BUFSZ + 64];

		svc_money(t->svc, m, sizeof m, q.remaining);
		snprintf(rest, sizeof rest, "%s%s", m,
		    amount == p->amount ? _(" (full reversal)") : "");
		tui_pair(y++, 4, lw, _(sum_labels[2]), rest);
	} else
		tui_pair(y++, 4, lw, _(sum_labels[2]), "-");
	/* the reason under the summary, a blank row before it where the
	 * screen has room, down to the message line */
	rows = LINES - 2 - y;
	if (rows > 2 && (int)utf8_columns(why, strlen(why)) <= COLS - 8)
		y++, rows--;
	if (why[0])
		tui_form_reason(t, y, 4, why, COLS - 8, rows > 1 ? rows : 1);
	else {
		attron(tui_attr(t, TUI_C_OK, A_BOLD));
		tui_text(y, 4, tui_keys(_("{Enter} creates the credit note")),
		    COLS - 8);
		attroff(tui_attr(t, TUI_C_OK, A_BOLD));
	}
}

static int
create(struct ccreate *c, struct tui *t)
{
	struct credit_note cn;
	struct pd_err err;
	char why[640], m[MONEY_BUFSZ];
	struct credit_quote q;
	int64_t amount = check(c, t, &q, why, sizeof why);

	if (why[0]) {
		tui_message(t, 1, _("Not created: %s"), why);
		return TUI_HANDLED;
	}
	if (c->asked != amount) { /* are you sure, with the amount */
		c->asked = amount;
		tui_message(t, 1,
		    _("Credit note of %s on %s? {Enter} again to create"),
		    svc_money(t->svc, m, sizeof m, amount), c->v.p.receipt_no);
		return TUI_HANDLED;
	}
	/* stored as configured; the form shows the operator's words */
	if (svc_credit_create(t->svc, c->v.p.receipt_no, amount,
	        c->items[F_REASON].choice == 0
	            ? NULL
	            : t->svc->cfg.reasons[c->items[F_REASON].choice - 1],
	        c->items[F_REMARKS].f.buf, &cn, &err) != 0) {
		tui_message(t, 1, _("Not created: %s"), err.msg);
		return TUI_HANDLED;
	}
	tui_message(t, 0, _("Credit note %s created for %s"), cn.cn_no,
	    svc_money(t->svc, m, sizeof m, cn.amount));
	t->list_gen++;
	return TUI_CLOSE;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct ccreate *c = (struct ccreate *)sc;

	switch (a) {
	case A_CREATE:
		return create(c, t);
	case A_BACK:
		return TUI_CLOSE;
	default:
		c->asked = -1; /* a change is asked about again */
		tui_form_move(&c->fm, a - A_NEXT);
		return TUI_HANDLED;
	}
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct ccreate *c = (struct ccreate *)sc;

	c->asked = -1; /* a change is asked about again */
	if (tui_form_input(&c->fm, key, ch) < 0)
		tui_money_refused(t, _("Credit amount"), ch);
	return TUI_HANDLED;
}

static void
free_create(struct tui_screen *sc)
{
	svc_payment_view_free(&((struct ccreate *)sc)->v);
}

const struct tui_screen_class screen_credit_create_class = {
    .name = "Create Credit Note",
    .title = N_("Create Credit Note"),
    .keys = screen_credit_create_keys,
    .nkeys = TUI_NKEYS(screen_credit_create_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_create,
    .fields = 1,
};

struct tui_screen *
screen_credit_create_new(struct tui *t, const char *receipt)
{
	struct ccreate *c = xcalloc(1, sizeof *c);
	const struct config *cfg = &t->svc->cfg;
	struct pd_err err;
	char m[MONEY_BUFSZ];
	int k;

	c->asked = -1;
	if (svc_payment_show(t->svc, receipt, &c->v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		free(c);
		return NULL;
	}
	{
		struct credit_request r = {c->v.p.receipt_no, 0, NULL, NULL};
		struct credit_quote q;

		svc_credit_quote(t->svc, &r, &q, &err);
		c->max = q.limit; /* amount 0 is refused; the limit is set */
		c->issued = q.issued;
		c->charged = q.charged;
	}
	svc_money_bare(t->svc, m, sizeof m, c->max, 0);
	tui_form_text(&c->items[F_AMOUNT], _("Credit amount"), 16, m);
	c->items[F_AMOUNT].kind = FORM_MONEY;
	snprintf(c->hint, sizeof c->hint, _("Maximum: %s"),
	    svc_money(t->svc, m, sizeof m, c->max));
	c->items[F_AMOUNT].hint = c->hint;
	c->reasons[0] = _("(choose a reason)");
	for (k = 0; k < cfg->nreasons; k++)
		c->reasons[k + 1] =
		    svc_word(cfg->reasons[k], c->shown[k], sizeof c->shown[k]);
	tui_form_choice(
	    &c->items[F_REASON], _("Reason"), c->reasons, cfg->nreasons + 1, 0);
	tui_form_text(&c->items[F_REMARKS], _("Remarks"), cfg->remarks_max, "");
	c->items[F_REMARKS].hint = c->count;
	c->fm.items = c->items;
	c->fm.n = F_N;
	c->sc.cls = &screen_credit_create_class;
	return &c->sc;
}
