/* screen_void.c - void a payment: what it is, and the reason, which is
 * required. The service checks the role and the payment's state again. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_VOID, A_BACK };

static const struct tui_key screen_void_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Void"),
        N_("void the payment with this reason"), A_VOID},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without voiding"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct voidd {
	struct tui_screen sc;
	struct payment_view v;
	struct tui_field reason;
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct voidd *d = (struct voidd *)sc;
	char m[64], n[32];
	int y = 2;

	attron(A_BOLD);
	tui_text(y++, 2, "Void this payment", COLS - 4);
	attroff(A_BOLD);
	y++;
	tui_pair(y++, 4, 16, "Receipt #", d->v.p.receipt_no);
	tui_pair(y++, 4, 16, "Consumer", d->v.c.name);
	tui_pair(y++, 4, 16, "Account", d->v.c.account_no);
	tui_pair(y++, 4, 16, "Amount",
	    svc_money(t->svc, m, sizeof m, d->v.p.amount));
	tui_pair(y++, 4, 16, "Date", d->v.p.paid_on);
	tui_pair(y++, 4, 16, "Method", d->v.p.method);
	tui_pair(y++, 4, 16, "Status", pay_status_name(d->v.p.status));
	y++;
	tui_text(y, 4, "Reason", 16);
	tui_field_draw(
	    t, &d->reason, y, 22, COLS - 26 > 60 ? 60 : COLS - 26, 1);
	snprintf(n, sizeof n, "%zu/%d",
	    utf8_chars(d->reason.buf, d->reason.len), d->reason.max);
	attron(A_DIM);
	tui_text(y + 1, 22, n, 12);
	tui_wrap(y + 3, 4,
	    "The payment stays in the ledger marked Voided; its allocations "
	    "are reversed and its items are open again.",
	    COLS - 8, 2);
	attroff(A_DIM);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct voidd *d = (struct voidd *)sc;
	struct pd_err err;

	if (a == A_BACK)
		return TUI_CLOSE;
	if (d->reason.len == 0) {
		tui_message(t, 1, "A reason is required to void a payment");
		return TUI_HANDLED;
	}
	if (svc_payment_void(t->svc, d->v.p.receipt_no, d->reason.buf, &err) !=
	    0) {
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	tui_message(t, 0, "Payment %s voided", d->v.p.receipt_no);
	t->list_gen++;
	return TUI_CLOSE;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct voidd *d = (struct voidd *)sc;

	(void)t;
	tui_field_input(&d->reason, key, ch);
	return TUI_HANDLED;
}

static void
free_void(struct tui_screen *sc)
{
	svc_payment_view_free(&((struct voidd *)sc)->v);
}

const struct tui_screen_class screen_void_class = {
    .name = "Void payment",
    .title = N_("Void payment"),
    .keys = screen_void_keys,
    .nkeys = TUI_NKEYS(screen_void_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_void,
};

struct tui_screen *
screen_void_new(struct tui *t, const char *receipt)
{
	struct voidd *d = xcalloc(1, sizeof *d);
	struct pd_err err;

	if (svc_payment_show(t->svc, receipt, &d->v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		free(d);
		return NULL;
	}
	d->reason.max = t->svc->cfg.remarks_max;
	d->sc.cls = &screen_void_class;
	d->sc.typing = 1;
	return &d->sc;
}
