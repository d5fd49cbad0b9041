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
	int asked; /* the question was put: Enter again voids */
};

/* The labels of the payment and the reason, in the order shown. */
enum {
	L_RECEIPT,
	L_CONSUMER,
	L_ACCOUNT,
	L_AMOUNT,
	L_DATE,
	L_METHOD,
	L_STATUS,
	L_REASON
};
static const char *const labels[] = {
    [L_RECEIPT] = N_("Receipt #"),
    [L_CONSUMER] = N_("Consumer"),
    [L_ACCOUNT] = N_("Account"),
    [L_AMOUNT] = N_("Amount"),
    [L_DATE] = N_("Date"),
    [L_METHOD] = N_("Method"),
    [L_STATUS] = N_("Status"),
    [L_REASON] = N_("Reason"),
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct voidd *d = (struct voidd *)sc;
	char m[64], n[32], day[SVC_DATE_BUFSZ], note[512];
	int y = 2,
	    lw = tui_label_width(labels, sizeof labels / sizeof *labels, 16);
	int fx = 4 + lw + 2; /* the reason's field */

	attron(A_BOLD);
	tui_text(y++, 2, _("Void this payment"), COLS - 4);
	attroff(A_BOLD);
	y++;
	tui_pair(y++, 4, lw, _(labels[L_RECEIPT]), d->v.p.receipt_no);
	tui_pair(y++, 4, lw, _(labels[L_CONSUMER]), d->v.c.name);
	tui_pair(y++, 4, lw, _(labels[L_ACCOUNT]), d->v.c.account_no);
	tui_pair(y++, 4, lw, _(labels[L_AMOUNT]),
	    svc_money(t->svc, m, sizeof m, d->v.p.amount));
	tui_pair(y++, 4, lw, _(labels[L_DATE]),
	    svc_date(t->svc, day, sizeof day, d->v.p.paid_on));
	tui_pair(y++, 4, lw, _(labels[L_METHOD]), d->v.p.method);
	tui_pair(
	    y++, 4, lw, _(labels[L_STATUS]), _(pay_status_name(d->v.p.status)));
	y++;
	tui_text(y, 4, _(labels[L_REASON]), lw);
	tui_field_draw(
	    t, &d->reason, y, fx, COLS - fx - 4 > 60 ? 60 : COLS - fx - 4, 1);
	snprintf(n, sizeof n, "%zu/%d",
	    utf8_chars(d->reason.buf, d->reason.len), d->reason.max);
	attron(A_DIM);
	tui_text(y + 1, fx, n, 12);
	/* two clauses, each short enough for any screen's help width */
	snprintf(note, sizeof note, "%s %s",
	    _("The payment stays in the ledger marked Voided;"),
	    _("its allocations are reversed and its items are open again."));
	tui_wrap(y + 3, 4, note, COLS - 8, 3);
	attroff(A_DIM);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct voidd *d = (struct voidd *)sc;
	struct pd_err err;
	char note[512];

	if (a == A_BACK)
		return TUI_CLOSE;
	/* the service's words for a reason empty or blank, before the
	 * question (helper-261, fault 6: spaces were asked to confirm) */
	if (svc_payment_void_check_reason(t->svc, d->reason.buf, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	if (!d->asked) { /* are you sure, with the amount */
		char m[MONEY_BUFSZ];

		d->asked = 1;
		tui_message(t, 1,
		    _("Void payment %s of %s? {Enter} again to void"),
		    d->v.p.receipt_no,
		    svc_money(t->svc, m, sizeof m, d->v.p.amount));
		return TUI_HANDLED;
	}
	if (svc_payment_void(t->svc, d->v.p.receipt_no, d->reason.buf, &err) !=
	    0) {
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	/* its cheque counted at a close: given back, or in a deposit
	 * (review R20, fault 6) */
	if (svc_void_cheque_note(
	        t->svc, d->v.p.receipt_no, note, sizeof note, &err) == 1)
		tui_message(t, 0, _("Payment %s voided. %s"),
		    d->v.p.receipt_no, note);
	else
		tui_message(t, 0, _("Payment %s voided"), d->v.p.receipt_no);
	t->list_gen++;
	return TUI_CLOSE;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct voidd *d = (struct voidd *)sc;

	(void)t;
	if (tui_field_input(&d->reason, key, ch) <= 0)
		return 0; /* no use for it: the question stays as it was */
	d->asked = 0;     /* a new reason is asked about again */
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
    .fields = 1,
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
