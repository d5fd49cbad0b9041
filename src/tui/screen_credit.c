/* screen_credit.c - the credit note details view: number and status,
 * consumer, created and expiry dates, original, applied and remaining
 * amounts with the usage, reason, created by, the linked payment (o opens
 * it), remarks and the applications; print, view, download and apply. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_PRINT, A_VIEW, A_DOWNLOAD, A_APPLY, A_PAYMENT, A_BACK };

static const struct tui_key screen_credit_keys[] = {
    TUI_LINES_KEYS,
    {'p', "p", N_("Print"), N_("print the credit note"), A_PRINT},
    {'v', "v", N_("View"), N_("the credit note as it prints"), A_VIEW},
    {'d', "d", N_("Download"), N_("write its PDF to the exports directory"),
        A_DOWNLOAD},
    {'a', "a", N_("Apply"), N_("apply the credit to an open item"), A_APPLY},
    {'o', "o", N_("Payment"), N_("open the linked payment"), A_PAYMENT},
    {TUI_KEY_ESC, "Esc", N_("Close"), N_("back to where it was opened"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

/* The labels' column: 24, or wider for a longer translated label. */
#define LW 24

struct cdetails {
	struct tui_screen sc;
	char number[64];
	char receipt[64];
	int active;
	unsigned gen; /* t->list_gen when read */
	struct tui_lines l;
	int lw, widest; /* the labels' column; the widest label added */
};

/* "label   value" in the labels' column. */
static void
pair(struct cdetails *d, const char *label, const char *value)
{
	int w = utf8_columns(label, strlen(label));

	if (w > d->widest)
		d->widest = w;
	tui_lines_pair(&d->l, d->lw, label, value);
}

static void
money_pair(struct cdetails *d, struct tui *t, const char *label, int64_t v)
{
	char m[MONEY_BUFSZ];

	pair(d, label, svc_money(t->svc, m, sizeof m, v));
}

/* The spaces that bring s to w display columns (a name with "á" or a
 * wide character counts by what it shows, not its bytes). */
static int
pad(const char *s, int w)
{
	int c = utf8_columns(s, strlen(s));

	return c < w ? w - c : 0;
}

/* The credit note as lines, labels in a column of d->lw. */
static void
lines(struct cdetails *d, struct tui *t, const struct credit_view *v)
{
	char buf[160], m[MONEY_BUFSZ], day[SVC_DATE_BUFSZ], w[512];
	size_t i;

	tui_lines_add(&d->l, 1, _("Credit Note %s   [%s]"), v->cn.cn_no,
	    list_credit_status(v->status));
	tui_lines_add(&d->l, 0, "%s", "");
	tui_lines_add(&d->l, 1, "%s", _("Consumer"));
	pair(d, _("Name"), v->cn.consumer_name);
	pair(d, _("Account number"), v->cn.account_no);
	tui_lines_add(&d->l, 1, "%s", _("Dates"));
	pair(d, _("Created"),
	    svc_timestamp(t->svc, buf, sizeof buf, v->cn.created_at));
	pair(d, _("Expires"),
	    svc_date(t->svc, day, sizeof day, v->cn.expires_on));
	tui_lines_add(&d->l, 1, "%s", _("Financial details"));
	money_pair(d, t, _("Original credit amount"), v->cn.amount);
	money_pair(d, t, _("Applied amount"), v->cn.applied);
	money_pair(d, t, _("Remaining balance"), v->remaining);
	svc_percent(t->svc, buf, sizeof buf, v->usage_tenths);
	pair(d, _("Usage"), buf);
	tui_lines_add(&d->l, 1, "%s", _("Credit note information"));
	pair(d, _("Reason"), svc_word(v->cn.reason, w, sizeof w));
	pair(d, _("Created by"), svc_word(v->cn.created_by, w, sizeof w));
	snprintf(buf, sizeof buf, _("%s  (o opens it)"), v->cn.receipt_no);
	pair(d, _("Linked payment"), buf);
	pair(d, _("Remarks"),
	    v->cn.remarks[0] ? svc_word(v->cn.remarks, w, sizeof w) : "-");
	pair(d, _("Terminal"), v->cn.terminal);
	tui_lines_add(&d->l, 1, "%s", _("Applications"));
	if (v->napps == 0)
		tui_lines_add(&d->l, 0, "  %s", _("none yet"));
	for (i = 0; i < v->napps; i++)
		tui_lines_add(&d->l, 0, "  %s  %s%*s %s",
		    svc_date(t->svc, day, sizeof day, v->apps[i].applied_on),
		    v->apps[i].item_ref, pad(v->apps[i].item_ref, 20), "",
		    svc_money(t->svc, m, sizeof m, v->apps[i].amount));
}

/* Read the credit note into lines; 0 or -1 with a message. */
static int
fill(struct cdetails *d, struct tui *t)
{
	struct credit_view v;
	struct pd_err err;

	if (svc_credit_show(t->svc, d->number, &v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return -1;
	}
	snprintf(d->receipt, sizeof d->receipt, "%s", v.cn.receipt_no);
	d->active = v.status == CN_ACTIVE;
	if (d->lw < LW)
		d->lw = LW;
	do {
		/* again in a wider column when a translated label is longer */
		if (d->widest + 2 > d->lw)
			d->lw = d->widest + 2;
		tui_lines_free(&d->l);
		lines(d, t, &v);
	} while (d->widest + 2 > d->lw);
	svc_credit_view_free(&v);
	return 0;
}

static int
rows(void)
{
	return LINES - 4;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct cdetails *d = (struct cdetails *)sc;

	if (d->gen != t->list_gen) {
		d->gen = t->list_gen;
		fill(d, t); /* back from applying: the figures moved */
	}
	tui_lines_scroll(&d->l, 0, rows());
	tui_lines_draw(&d->l, 1, 2, rows());
}

void
tui_credit_doc(struct tui *t, const char *cn_no, int print)
{
	struct doc_request r = {0};
	struct doc_result res;
	struct pd_err err;

	r.print = print;
	r.exports = !print;
	if (svc_credit_doc_issue(t->svc, cn_no, &r, &res, &err) != 0)
		tui_message(
		    t, 1, "%s%s%s", err.msg, res.path[0] ? ": " : "", res.path);
	else if (print && res.printed)
		tui_message(t, 0, _("%s sent to the printer"), cn_no);
	else
		tui_message(t, 0, _("%s written to %s"), cn_no, res.path);
	if (res.path[0] != '\0' &&
	    tui_doc_gaps(cn_no, &res, t->msg, sizeof t->msg))
		t->msg_error = 1;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct cdetails *d = (struct cdetails *)sc;
	struct tui_screen *next = NULL;

	if (tui_lines_action(&d->l, a, rows()))
		return TUI_HANDLED;
	switch (a) {
	case A_PRINT:
	case A_DOWNLOAD:
		tui_credit_doc(t, d->number, a == A_PRINT);
		return TUI_HANDLED;
	case A_VIEW:
		next = screen_credit_text_new(t, d->number);
		break;
	case A_APPLY:
		if (!d->active) {
			tui_message(t, 1, "%s",
			    _("Only an Active credit note can be applied"));
			return TUI_HANDLED;
		}
		next = screen_credit_apply_new(t, d->number);
		break;
	case A_PAYMENT:
		next = screen_payment_new(t, d->receipt);
		break;
	case A_BACK:
		return TUI_CLOSE;
	default:
		return 0;
	}
	if (next != NULL)
		tui_push(t, next);
	return TUI_HANDLED;
}

static void
free_credit(struct tui_screen *sc)
{
	tui_lines_free(&((struct cdetails *)sc)->l);
}

const struct tui_screen_class screen_credit_class = {
    .name = "Credit note details",
    .title = N_("Credit note details"),
    .keys = screen_credit_keys,
    .nkeys = TUI_NKEYS(screen_credit_keys),
    .draw = draw,
    .action = action,
    .free = free_credit,
};

struct tui_screen *
screen_credit_new(struct tui *t, const char *cn_no)
{
	struct cdetails *d = xcalloc(1, sizeof *d);

	snprintf(d->number, sizeof d->number, "%s", cn_no);
	if (fill(d, t) != 0) {
		free(d);
		return NULL;
	}
	d->gen = t->list_gen;
	d->sc.cls = &screen_credit_class;
	return &d->sc;
}
