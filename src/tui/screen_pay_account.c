/* screen_pay_account.c - step 2: the consumer's account (contact, current
 * balance, available credit, what is open), its gateway payments when it
 * has any, and the latest payments, each of which opens its details
 * view. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wizard.h"

enum { A_NEXT, A_DETAILS, A_BACK, A_ARRANGEMENTS, A_ARRANGE };

/* The keys; r and a labelled on the key bar of the recovery role and up
 * (review 21: F1 alone told them), in F1 only for a cashier. */
#define ACCOUNT_KEYS(plans, arrange)                                           \
	{TUI_KEY_ENTER, "Enter", N_("Take payment"),                           \
	    N_("go on to take a payment from this consumer"), A_NEXT},         \
	TUI_LIST_KEYS,                                                         \
	{'d', "d", N_("Details"), N_("the details of the payment selected"),   \
	    A_DETAILS},                                                        \
	{'r', "r", plans, N_("this consumer's payment arrangements"),          \
	    A_ARRANGEMENTS},                                                   \
	{'a', "a", arrange, N_("make a payment arrangement (recovery)"),       \
	    A_ARRANGE},                                                        \
	{TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the search"), A_BACK},    \
	{KEY_F(1), "F1", N_("Help"), N_("this help"), -1}

static const struct tui_key screen_pay_account_keys[] = {
    ACCOUNT_KEYS(NULL, NULL)};
static const struct tui_key recovery_keys[] = {
    ACCOUNT_KEYS(N_("Plans"), N_("Arrange"))};
#undef ACCOUNT_KEYS

struct account {
	struct tui_screen sc;
	struct wizard *w;
	struct tui_list list; /* the latest payments */
};

static const struct xcol cols[] = {
    {N_("Date"), "paid_on", X_DATE, 10, 0},
    {N_("Receipt"), "receipt_no", X_ID, 16, 0},
    {N_("Amount"), "amount", X_MONEY, 14, 0},
    {N_("Method"), "method", X_TEXT, 14, 6},
    {N_("Status"), "status", X_TEXT, 0, 0},
};

/* The labels of the account, in the order shown. */
enum {
	L_NAME,
	L_ACCOUNT,
	L_ADDRESS,
	L_PHONE,
	L_EMAIL,
	L_BALANCE,
	L_CREDIT,
	L_BILLS,
	L_SERVICES,
	L_INSTALLMENTS
};
static const char *const labels[] = {
    [L_NAME] = N_("Name"),
    [L_ACCOUNT] = N_("Account number"),
    [L_ADDRESS] = N_("Service address"),
    [L_PHONE] = N_("Phone"),
    [L_EMAIL] = N_("Email"),
    [L_BALANCE] = N_("Current balance"),
    [L_CREDIT] = N_("Available credit"),
    [L_BILLS] = N_("Bills"),
    [L_SERVICES] = N_("Services"),
    [L_INSTALLMENTS] = N_("Installments"),
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct payment *p = &((struct account *)arg)->w->recent[row].p;

	(void)t;
	(void)buf;
	c[0].s = p->paid_on;
	c[1].s = p->receipt_no;
	c[2].n = p->amount;
	c[3].s = p->method;
	c[4].s = _(pay_status_name(p->status));
}

/* "2 bills $250.00" for the open items of one kind. */
static void
open_of(
    const struct wizard *w, struct tui *t, enum pay_type k, char *buf, size_t n)
{
	int64_t sum = 0;
	size_t i, count = 0;
	char m[MONEY_BUFSZ];

	for (i = 0; i < w->cv.nitems; i++)
		if (w->cv.items[i].kind == k) {
			sum += w->cv.items[i].amount - w->cv.items[i].settled;
			count++;
		}
	snprintf(buf, n, ngettext("%zu open, %s", "%zu open, %s", count), count,
	    svc_money(t->svc, m, sizeof m, sum));
}

/* The consumer's gateway payments (issue 19), newest first, at most
 * GW_LINES of them, from line y: gateway, code, status, amount, the
 * settlement status. The line after them. */
#define GW_LINES 3
static int
gateway_lines(const struct wizard *w, struct tui *t, int y)
{
	/* the columns' widths: paid, gateway, code, status, amount, and the
	 * settlement status in what is left */
	static const int cw[] = {10, 9, 15, 12, 13};
	char m[MONEY_BUFSZ], day[11];
	size_t i, n = w->cv.ngw;

	attron(A_BOLD);
	tui_text(y++, 2, _("Gateway payments"), COLS - 4);
	attroff(A_BOLD);
	for (i = 0; i < n && i < GW_LINES; i++) {
		const struct gw_payment *g = &w->cv.gw[n - 1 - i];
		int x = 4;

		char code[300];
		const char *v[] = {day, g->gateway,
		    tui_code_fit(g->code, cw[2] - 1, code, sizeof code),
		    _(gw_status_name(g->status)),
		    svc_money(t->svc, m, sizeof m, g->amount)};
		size_t k;

		snprintf(day, sizeof day, "%.10s", g->paid_at);
		for (k = 0; k < sizeof cw / sizeof cw[0]; k++) {
			tui_cell(y, x, v[k], cw[k] - 1, k == 4);
			x += cw[k];
		}
		x++;
		if (COLS - 2 - x > 0)
			tui_cell(y, x, g->settlement_status, COLS - 2 - x, 0);
		y++;
	}
	return y + 1;
}

/* The latest payments' heading (none: what is said for none) in the
 * scope the role reads them in. */
static const char *
recent_words(const struct tui *t, int none)
{
	switch (svc_scope_now(t->svc)) {
	case SVC_SCOPE_TERMINAL:
		return none ? _("none at this terminal")
		            : _("Latest payments at this terminal");
	case SVC_SCOPE_BRANCH:
		return none ? _("none at this branch")
		            : _("Latest payments at this branch");
	default:
		return none ? _("none recorded") : _("Latest payments");
	}
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct account *a = (struct account *)sc;
	const struct wizard *w = a->w;
	const struct consumer *c = &w->cv.c;
	char m[MONEY_BUFSZ], line[256];
	int y = wizard_band(w, 2, N_("Account details"));
	int lw = tui_label_width(labels, sizeof labels / sizeof *labels, 22);
	int x2 = COLS >= 100 ? COLS / 2 : 0; /* a second column when wide */

	int top = y;

	/* the name and the address are the point here: shown whole,
	 * wrapped (issue 17: a 60-character one was cut without a sign) */
	y += tui_pair_wrap(y, 2, lw, _(labels[L_NAME]), c->name, 2);
	tui_pair(y++, 2, lw, _(labels[L_ACCOUNT]), c->account_no);
	y += tui_pair_wrap(y, 2, lw, _(labels[L_ADDRESS]), c->address, 2);
	tui_pair(y++, 2, lw, _(labels[L_PHONE]), c->phone[0] ? c->phone : "-");
	tui_pair(y++, 2, lw, _(labels[L_EMAIL]), c->email[0] ? c->email : "-");
	if (x2)
		y = top;
	attron(A_BOLD);
	tui_pair(y++, 2 + x2, lw, _(labels[L_BALANCE]),
	    svc_money(t->svc, m, sizeof m, w->cv.b.due_now));
	attroff(A_BOLD);
	tui_pair(y++, 2 + x2, lw, _(labels[L_CREDIT]),
	    svc_money(t->svc, m, sizeof m, w->cv.b.credit));
	open_of(w, t, PAY_BILL, line, sizeof line);
	tui_pair(y++, 2 + x2, lw, _(labels[L_BILLS]), line);
	open_of(w, t, PAY_SERVICE, line, sizeof line);
	tui_pair(y++, 2 + x2, lw, _(labels[L_SERVICES]), line);
	open_of(w, t, PAY_INSTALLMENT, line, sizeof line);
	tui_pair(y++, 2 + x2, lw, _(labels[L_INSTALLMENTS]), line);
	y++;
	if (w->cv.ngw > 0)
		y = gateway_lines(w, t, y);
	/* of the role's scope, which the service reads them in, said so: a
	 * cashier's are this terminal's, and "none recorded" read as never
	 * paid of one who paid at another (helper-261, fault 6) */
	attron(A_BOLD);
	tui_text(y++, 2, recent_words(t, 0), COLS - 4);
	attroff(A_BOLD);
	if (w->nrecent == 0) {
		tui_text(y, 4, recent_words(t, 1), COLS - 6);
		return;
	}
	tui_list_set(&a->list, w->nrecent); /* read again on the way */
	tui_list_draw(t, &a->list, y, 2, COLS - 4, LINES - 3 - y);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct account *a = (struct account *)sc;
	struct wizard *w = a->w;
	struct tui_screen *next;

	if (tui_list_action(&a->list, act))
		return TUI_HANDLED;
	switch (act) {
	case A_BACK:
		return TUI_CLOSE;
	case A_ARRANGEMENTS:
		tui_push(t, screen_arrangements_new(t, w->cv.c.account_no));
		return TUI_HANDLED;
	case A_ARRANGE:
		next = screen_arr_create_new(t, w->cv.c.account_no);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case A_DETAILS:
		if (w->nrecent == 0) {
			tui_message(t, 1, "%s", _("No payment to show"));
			return TUI_HANDLED;
		}
		next =
		    screen_payment_new(t, w->recent[a->list.sel].p.receipt_no);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case A_NEXT:
		tui_push(t, screen_pay_channel_new(w));
		return TUI_HANDLED;
	}
	return 0;
}

/* On top again: the account as it is now (another terminal may have
 * paid meanwhile). */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	wizard_refresh(((struct account *)sc)->w, t);
}

const struct tui_screen_class screen_pay_account_class = {
    .name = "Record Payment 2 Account",
    .title = N_("Record Payment"),
    .keys = screen_pay_account_keys,
    .nkeys = TUI_NKEYS(screen_pay_account_keys),
    .draw = draw,
    .action = action,
    .enter = enter,
};

/* the same screen with r and a on its key bar (paydesk keys lists the
 * one above) */
static const struct tui_screen_class recovery_class = {
    .name = "Record Payment 2 Account",
    .title = N_("Record Payment"),
    .keys = recovery_keys,
    .nkeys = TUI_NKEYS(recovery_keys),
    .draw = draw,
    .action = action,
    .enter = enter,
};

struct tui_screen *
screen_pay_account_new(struct wizard *w, struct tui *t)
{
	struct account *a = xcalloc(1, sizeof *a);

	a->w = w;
	tui_list_init(&a->list, cols, TUI_NCOLS(cols), cells, a);
	tui_list_set(&a->list, w->nrecent);
	a->sc.cls = t->svc->actor.role >= ROLE_RECOVERY
	                ? &recovery_class
	                : &screen_pay_account_class;
	a->sc.title = w->find ? N_("Find Consumer") : N_("Record Payment");
	return &a->sc;
}
