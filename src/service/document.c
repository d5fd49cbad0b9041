/* document.c - receipts and credit notes: what they say (from the ledger,
 * after the commit that made them), in the consumer's language, and
 * their text previews; the fields and footer stamp other use cases'
 * documents share. Issuing them (written atomically, logged with an
 * audit entry, copies marked, printing never part of a money
 * transaction) is document_issue.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/doc.h"
#include "paydesk/file.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"
#include "document_int.h"

const struct doc_kind svc_receipt_kind = {"receipt", "receipt", "a receipt"};
const struct doc_kind svc_credit_kind = {
    "credit_note", "credit_note", "a credit note"};

/* The words of the ledger as stored (pay_status_name, pay_type_name,
 * English, they are data; a credit note's status is a term, TC_) that a
 * document shows in its language. */
static const char *const ledger_words[] = {N_("Posted"), N_("Pending"),
    N_("Failed"), N_("Cancelled"), N_("Voided"), N_("Bill"), N_("Service"),
    N_("Installment"), N_("Mixed")};

/* A stored word in the document's language; a word not of the ledger as
 * it is. */
static const char *
word(const struct i18n_lang *L, const char *w)
{
	size_t i;

	for (i = 0; i < sizeof ledger_words / sizeof ledger_words[0]; i++)
		if (strcmp(ledger_words[i], w) == 0)
			return L_(L, ledger_words[i]);
	return w;
}

const struct i18n_lang *
svc_doc_lang(const struct svc *s, const char *consumer_lang)
{
	const struct i18n_lang *l;

	if (consumer_lang != NULL && *consumer_lang != '\0') {
		l = i18n_lang(consumer_lang);
		/* English, or a language this terminal has a catalogue for;
		 * one it lacks (pulled from a newer central node) gives way
		 * to the organisation's */
		if (l != NULL || i18n_lang_known(consumer_lang))
			return l;
	}
	return i18n_lang(s->cfg.language);
}

/* The language of document kind/number for its consumer's language
 * (consumer_lang, "" for none): the consumer's (svc_doc_lang); when the
 * consumer has none, the consumer's language the log kept for its first
 * copy written in one, where this terminal can write it; else the
 * organisation's. A copy made after the consumer's language was cleared
 * read in the organisation's (issue 25 review). kept gets the consumer's
 * language the document is written in, for the log ("" when it follows
 * the organisation's). */
static const struct i18n_lang *
doc_lang(struct svc *s, const char *kind, const char *number,
    const char *consumer_lang, char kept[16])
{
	const struct i18n_lang *L = svc_doc_lang(s, consumer_lang);
	struct pd_err e;

	kept[0] = '\0';
	if (consumer_lang != NULL && *consumer_lang != '\0') {
		if (L != NULL || i18n_lang_known(consumer_lang))
			xstrlcpy(kept, i18n_lang_code(L), 16);
		return L;
	}
	if (store_doc_language(s->st, kind, number, kept, 16, &e) == 0 &&
	    kept[0] != '\0' && i18n_lang_known(kept))
		return i18n_lang(kept);
	kept[0] = '\0';
	return L;
}

void
svc_doc_money(struct svc *s, struct doc *d, const char *label, int64_t v)
{
	char m[MONEY_BUFSZ];

	doc_field(d, label, svc_money(s, m, sizeof m, v));
}

static void
field_date(struct svc *s, struct doc *d, const char *label, const char *iso)
{
	char t[SVC_DATE_BUFSZ];

	doc_field(d, label, svc_date(s, t, sizeof t, iso));
}

void
svc_doc_time(struct svc *s, struct doc *d, const char *label, const char *ts)
{
	char t[SVC_DATE_BUFSZ];

	doc_field(d, label, svc_timestamp(s, t, sizeof t, ts));
}

void
svc_doc_stamp(struct svc *s, struct doc *d)
{
	char ts[TS_BUFSZ], now[SVC_DATE_BUFSZ], *where, *when, *f;

	svc_now(ts);
	svc_timestamp(s, now, sizeof now, ts);
	where = xasprintf(L_(d->lang, "terminal %s, branch %s"),
	    s->cfg.terminal_id, s->cfg.branch_id);
	when = xasprintf(L_(d->lang, "generated %s by paydesk"), now);
	f = xasprintf(
	    "%s \xc2\xb7 %s \xc2\xb7 %s", s->cfg.org_name, where, when);
	doc_footer(d, f);
	free(where);
	free(when);
	free(f);
}

/* Whether plan plan_no is an arrangement made with a down payment (its
 * #1 is that); an imported plan is none. */
static int
is_down(struct svc *s, const char *plan_no)
{
	struct arrangement a;
	struct pd_err err = {0};

	return store_arr_find(s->st, plan_no, &a, &err) == 0 && a.down > 0;
}

/* One paid item: what it is, and the detail that identifies it. */
static void
item_line(struct svc *s, struct doc *d, const struct allocation *a)
{
	const struct i18n_lang *L = d->lang;
	const struct item *it = &a->item;
	char due[MONEY_BUFSZ], paid[MONEY_BUFSZ], on[SVC_DATE_BUFSZ];
	char *text, *detail, period[64];

	svc_date(s, on, sizeof on, it->due_on);
	switch (it->kind) {
	case PAY_BILL:
		text = xasprintf(L_(L, "Bill %s"), it->ref);
		detail = xasprintf(L_(L, "Period %s, due %s"),
		    svc_period_in(s, L, period, sizeof period, it->period), on);
		break;
	case PAY_SERVICE:
		text = xstrdup(it->description[0] ? it->description : it->ref);
		detail = xasprintf(L_(L, "Service %s, date %s"), it->ref, on);
		break;
	default:
		text =
		    xasprintf(L_(L, "Plan %s #%d"), it->plan_no, it->inst_no);
		/* an arrangement's #1 with a down payment is that (the
		 * preview's and the plan's word; review 21) */
		if (it->inst_no == 1 && is_down(s, it->plan_no))
			detail = xasprintf(L_(L, "Down payment, due %s"), on);
		else
			detail = xasprintf(
			    L_(L, "Installment %d, due %s"), it->inst_no, on);
		break;
	}
	doc_line(d, text, detail, svc_money(s, due, sizeof due, a->due_before),
	    svc_money(s, paid, sizeof paid, a->amount));
	free(text);
	free(detail);
}

/* How long the payment took to be verified, in the document's language:
 * pending, immediate (not online), or the days from record to
 * verification. */
static void
processing(
    const struct payment *p, const struct i18n_lang *L, char *buf, size_t n)
{
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];
	int32_t a, b;

	buf[0] = '\0';
	if (!p->verified) {
		snprintf(buf, n, "%s", L_(L, "Pending"));
		return;
	}
	if (p->method_kind != METHOD_ONLINE) {
		snprintf(buf, n, "%s", L_(L, "Immediate"));
		return;
	}
	snprintf(d1, sizeof d1, "%.10s", p->created_at);
	snprintf(d2, sizeof d2, "%.10s", p->verified_at);
	if (date_parse(d1, NULL, &a, NULL) == 0 &&
	    date_parse(d2, NULL, &b, NULL) == 0)
		snprintf(buf, n,
		    LN_(L, "%d day", "%d days", (unsigned long)(b - a)),
		    (int)(b - a));
}

/* The receipt's header, its VOID mark and the payment section. */
static void
receipt_head(struct svc *s, const struct payment *p, struct doc *d)
{
	const struct i18n_lang *L = d->lang;
	char at[SVC_DATE_BUFSZ], by[512], why[512], *t;
	int rule;

	doc_badge(d, word(L, pay_status_name(p->status)));
	if (p->status == PS_VOIDED) {
		t = xasprintf(L_(L, "Voided %s by %s. Reason: %s"),
		    svc_timestamp(s, at, sizeof at, p->voided_at),
		    svc_word_in(L, p->voided_by, by, sizeof by),
		    svc_word_in(L, p->void_reason, why, sizeof why));
		doc_alert(d, L_(L, "VOID"), t);
		free(t);
	}

	doc_heading(d, L_(L, "Payment"));
	doc_field(d, L_(L, "Receipt number"), p->receipt_no);
	doc_field(d, L_(L, "Payment ID"), p->payment_no);
	doc_field(d, L_(L, "Transaction ID"), p->txn_no);
	field_date(s, d, L_(L, "Payment date"), p->paid_on);
	svc_doc_time(s, d, L_(L, "Recorded at"), p->created_at);
	doc_field(d, L_(L, "Payment type"), word(L, pay_type_name(p->type)));
	doc_field(d, L_(L, "Channel"), p->channel);
	/* the rule that split it among its items (issue 21): "by hand"
	 * when the cashier gave the order */
	rule = alloc_rule_parse(p->alloc_rule);
	if (rule >= 0 && alloc_rule_first(p->alloc_rule)) {
		char *both = xasprintf("%s; %s",
		    L_(L, alloc_rule_text((enum alloc_rule)rule)),
		    L_(L, alloc_first_text()));

		doc_field(d, L_(L, "Allocation rule"), both);
		free(both);
	} else
		doc_field(d, L_(L, "Allocation rule"),
		    rule < 0 ? p->alloc_rule
		             : L_(L, alloc_rule_text((enum alloc_rule)rule)));
}

/* What the consumer still owes on each live arrangement, as the
 * receipt is written: "Outstanding after payment" is what is due
 * today, the plan's later installments are owed too (issue 21). */
static void
receipt_plans(struct svc *s, const struct payment_view *v, struct doc *d)
{
	const struct i18n_lang *L = d->lang;
	struct plan_left pl[4];
	struct pd_err err;
	char m[MONEY_BUFSZ], *label, *text;
	int n, i;

	if (v->p.status != PS_POSTED ||
	    (n = svc_plans_left(s, v->c.account_no, NULL, 0, pl, 4, &err)) <= 0)
		return;
	for (i = 0; i < n; i++) {
		label = xasprintf(L_(L, "Arrangement %s"), pl[i].plan_no);
		text = xasprintf(LN_(L, "%s left in %d installment",
		                     "%s left in %d installments",
		                     (unsigned long)pl[i].n),
		    svc_money(s, m, sizeof m, pl[i].left), pl[i].n);
		doc_field(d, label, text);
		free(text);
		free(label);
	}
}

/* The totals: what was paid, received, given back, still owed. */
static void
receipt_totals(struct svc *s, const struct payment_view *v, struct doc *d)
{
	const struct i18n_lang *L = d->lang;
	const struct payment *p = &v->p;
	char m[MONEY_BUFSZ], w[512], *t;
	size_t i;

	doc_heading(d, L_(L, "Totals"));
	doc_total(d, L_(L, "Total paid"), svc_money(s, m, sizeof m, p->amount));
	doc_field(d, L_(L, "Payment method"), p->method);
	if (p->reference[0] != '\0')
		doc_field(d, L_(L, "Payment reference"), p->reference);
	if (p->method_kind == METHOD_CASH) {
		svc_doc_money(s, d, L_(L, "Amount received"), p->tendered);
		svc_doc_money(s, d, L_(L, "Change given"), p->change);
	}
	if (p->has_balance)
		svc_doc_money(
		    s, d, L_(L, "Outstanding after payment"), p->balance_after);
	else
		doc_field(d, L_(L, "Outstanding after payment"),
		    L_(L, "not recorded"));
	receipt_plans(s, v, d);
	for (i = 0; i < v->ncredits; i++)
		if (v->credits[i].automatic) {
			t = xasprintf("%s, %s", v->credits[i].cn_no,
			    svc_money(s, m, sizeof m, v->credits[i].amount));
			doc_field(d, L_(L, "Overpayment credit note"), t);
			free(t);
		}
	doc_para(d, L_(L, "Notes"), svc_word_in(L, p->notes, w, sizeof w));
}

/* The receipt of v in *d; kept as doc_lang's. */
static void
receipt_doc(
    struct svc *s, const struct payment_view *v, struct doc *d, char kept[16])
{
	const struct i18n_lang *L = doc_lang(
	    s, svc_receipt_kind.kind, v->p.receipt_no, v->c.language, kept);
	const struct payment *p = &v->p;
	char m[MONEY_BUFSZ], took[64], w[512];
	size_t i;

	doc_init(d, s->cfg.org_name, s->cfg.org_address, L_(L, "RECEIPT"),
	    p->receipt_no);
	d->lang = L;
	receipt_head(s, p, d);

	doc_heading(d, L_(L, "Consumer"));
	doc_field(d, L_(L, "Name"), v->c.name);
	doc_field(d, L_(L, "Account number"), v->c.account_no);
	doc_field(
	    d, L_(L, "Service address"), v->c.address[0] ? v->c.address : "-");
	doc_field(d, L_(L, "Phone"), v->c.phone[0] ? v->c.phone : "-");

	doc_heading(d, L_(L, "Items paid"));
	doc_columns(d, L_(L, "Amount due"), LP_(L, "amount", "Applied"));
	/* a voided payment's as it was (the receipt is marked VOID); a
	 * Posted one's as it holds its items now (svc_payment_fold, the
	 * caller's), the same at every terminal */
	for (i = 0; i < v->nallocs; i++)
		if (v->allocs[i].amount > 0 &&
		    (v->p.status != PS_VOIDED || v->allocs[i].reverses == 0))
			item_line(s, d, &v->allocs[i]);
	if (p->overpaid > 0)
		doc_line(d, L_(L, "Credit (overpayment)"),
		    L_(L, "Kept as a credit note"), "",
		    svc_money(s, m, sizeof m, p->overpaid));

	receipt_totals(s, v, d);

	doc_heading(d, L_(L, "Processing"));
	doc_field(d, L_(L, "Received by"),
	    svc_word_in(
	        L, p->received_by[0] ? p->received_by : "System", w, sizeof w));
	doc_field(d, L_(L, "Terminal"), p->terminal);
	doc_field(d, L_(L, "Status"), word(L, pay_status_name(p->status)));
	doc_field(d, L_(L, "Verification"),
	    p->verified ? L_(L, "Verified") : L_(L, "Pending"));
	processing(p, L, took, sizeof took);
	doc_field(d, L_(L, "Processing time"), took);
	svc_doc_stamp(s, d);
}

/* Where the credit note was applied, one line each. */
static void
credit_apps(struct svc *s, const struct credit_view *v, struct doc *d)
{
	const struct i18n_lang *L = d->lang;
	char m[MONEY_BUFSZ], on[SVC_DATE_BUFSZ], *t;
	size_t i;

	if (v->napps == 0)
		return;
	doc_heading(d, L_(L, "Applied to"));
	doc_columns(d, "", LP_(L, "amount", "Applied"));
	for (i = 0; i < v->napps; i++) {
		t = xasprintf(L_(L, "Applied %s at terminal %s"),
		    svc_date(s, on, sizeof on, v->apps[i].applied_on),
		    v->apps[i].terminal);
		doc_line(d, v->apps[i].item_ref, t, "",
		    svc_money(s, m, sizeof m, v->apps[i].amount));
		free(t);
	}
}

/* The credit note of v in *d; kept as doc_lang's. */
void
svc_credit_doc(
    struct svc *s, const struct credit_view *v, struct doc *d, char kept[16])
{
	const struct credit_note *cn = &v->cn;
	struct consumer c;
	struct pd_err e;
	const struct i18n_lang *L;
	char m[MONEY_BUFSZ], pct[48], w[512];

	/* the consumer's language, when the credit note's account has one */
	if (store_consumer_by_account(s->st, cn->account_no, &c, &e) != 0)
		c.language[0] = '\0';
	L = doc_lang(s, svc_credit_kind.kind, cn->cn_no, c.language, kept);
	doc_init(d, s->cfg.org_name, s->cfg.org_address, L_(L, "CREDIT NOTE"),
	    cn->cn_no);
	d->lang = L;
	doc_badge(d, i18n_term_in(L, credit_status_term(v->status)));
	if (cn->voided) {
		struct payment p;

		/* the stamp agrees with the credit note (es ANULADA); its
		 * payment may stand (an undone uphold's credit note, review
		 * 21, session 40) */
		if (store_payment_by_id(s->st, cn->payment_id, &p, &e) != 0)
			p.status = PS_VOIDED;
		doc_alert(d, LP_(L, "credit note", "VOID"),
		    p.status == PS_VOIDED
		        ? L_(L, "The payment this credit note came from was "
		                "voided.")
		        : L_(L, "This credit note was voided."));
	}

	doc_heading(d, L_(L, "Consumer"));
	doc_field(d, L_(L, "Name"), cn->consumer_name);
	doc_field(d, L_(L, "Account number"), cn->account_no);

	doc_heading(d, L_(L, "Credit"));
	doc_field(d, L_(L, "Credit note number"), cn->cn_no);
	doc_field(
	    d, L_(L, "Status"), i18n_term_in(L, credit_status_term(v->status)));
	svc_doc_time(s, d, L_(L, "Created"), cn->created_at);
	field_date(s, d, L_(L, "Expires"), cn->expires_on);
	svc_doc_money(s, d, L_(L, "Original amount"), cn->amount);
	svc_doc_money(s, d, L_(L, "Applied amount"), cn->applied);
	doc_total(d, L_(L, "Remaining balance"),
	    svc_money(s, m, sizeof m, v->remaining));
	svc_doc_percent(s, L, pct, sizeof pct, v->usage_tenths);
	doc_field(d, L_(L, "Usage"), pct);
	doc_field(d, L_(L, "Reason"), svc_word_in(L, cn->reason, w, sizeof w));
	doc_field(d, L_(L, "Created by"),
	    svc_word_in(L, cn->created_by, w, sizeof w));
	doc_field(d, L_(L, "Linked receipt number"), cn->receipt_no);
	doc_para(d, L_(L, "Remarks"), svc_word_in(L, cn->remarks, w, sizeof w));
	credit_apps(s, v, d);
	svc_doc_stamp(s, d);
}

/* The receipt of a payment (number: receipt number, payment id or
 * transaction id) as a document in *d (doc_free it); res cleared, with
 * the receipt's number. */
int
svc_receipt_of(struct svc *s, const char *number, struct doc *d,
    struct doc_result *res, struct pd_err *err)
{
	struct payment_view v;

	memset(res, 0, sizeof *res);
	if (svc_require(s, ROLE_CASHIER, _("Printing a receipt"), err) != 0 ||
	    svc_payment_show(s, number, &v, err) != 0)
		return -1;
	svc_payment_fold(&v);
	receipt_doc(s, &v, d, res->language);
	snprintf(res->number, sizeof res->number, "%s", v.p.receipt_no);
	xstrlcpy(res->origin, v.p.terminal, sizeof res->origin);
	svc_payment_view_free(&v);
	return 0;
}

char *
svc_receipt_preview(
    struct svc *s, const char *number, int width, struct pd_err *err)
{
	struct payment_view v;
	struct doc d;
	char *text, kept[16];

	if (svc_payment_show(s, number, &v, err) != 0)
		return NULL;
	svc_payment_fold(&v);
	receipt_doc(s, &v, &d, kept);
	svc_payment_view_free(&v);
	text = doc_text(&d, width ? width : s->cfg.text_width);
	doc_free(&d);
	return text;
}

char *
svc_credit_preview(
    struct svc *s, const char *cn_no, int width, struct pd_err *err)
{
	struct credit_view v;
	struct doc d;
	char *text, kept[16];

	if (svc_credit_show(s, cn_no, &v, err) != 0)
		return NULL;
	svc_credit_doc(s, &v, &d, kept);
	svc_credit_view_free(&v);
	text = doc_text(&d, width ? width : s->cfg.text_width);
	doc_free(&d);
	return text;
}
