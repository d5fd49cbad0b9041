/* shift_doc.c - the Z report of a closed shift and the X report of an open
 * one (issue 20; design20 "Documents"): header (organisation, terminal,
 * drawer, cashier, opened, closed, Z number), per tender expected,
 * counted and over/short, the counts by denomination, the slips and
 * cheques listed, the movements, reasons and sign-off. PDF on [receipts]
 * paper or text, in the organisation's language and formats; a Z
 * report's reprint is marked COPY like a receipt's (document.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/doc.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* The movement kinds as a document names them. */
static const char *const move_words[] = {
    [SHIFT_PAY_IN] = N_("Pay-in"),
    [SHIFT_PAY_OUT] = N_("Pay-out"),
    [SHIFT_SAFE_DROP] = N_("Safe drop"),
};

/* Which flags the shift has, in the document's language (as
 * shift_flag_text's long form says them). */
static void
flag(struct svc *s, int flags, struct doc *d)
{
	const struct i18n_lang *L = d->lang;
	char len[160], both[400];

	snprintf(len, sizeof len,
	    L_(L, "open past the configured length (%d h)"),
	    s->cfg.shift_max_hours);
	snprintf(both, sizeof both, L_(L, "%s; %s"),
	    L_(L, "left open over midnight"), len);
	if ((flags & SHIFT_FLAG_OVERNIGHT) && (flags & SHIFT_FLAG_LONG))
		doc_field(d, L_(L, "Flag"), both);
	else if (flags & SHIFT_FLAG_OVERNIGHT)
		doc_field(d, L_(L, "Flag"), L_(L, "left open over midnight"));
	else if (flags & SHIFT_FLAG_LONG)
		doc_field(d, L_(L, "Flag"), len);
}

static void
head(struct svc *s, const struct shift *sh, struct doc *d)
{
	const struct i18n_lang *L = d->lang;
	char who[200], by[200];

	doc_field(d, L_(L, "Terminal"), sh->terminal);
	doc_field(d, L_(L, "Drawer"), sh->drawer);
	snprintf(who, sizeof who, "%s (%s)",
	    sh->cashier_name[0] ? sh->cashier_name : sh->cashier, sh->cashier);
	doc_field(d, L_(L, "Cashier"), who);
	svc_doc_time(s, d, L_(L, "Opened"), sh->opened_at);
	if (sh->status == SHIFT_CLOSED) {
		svc_doc_time(s, d, L_(L, "Closed"), sh->closed_at);
		doc_field(d, L_(L, "Closed by"), sh->closed_by);
		/* a supervisor's close of another's shift: who counted is
		 * not whose shift it is (issue 20 review) */
		if (strcmp(sh->closed_by, sh->cashier) != 0) {
			snprintf(by, sizeof by,
			    L_(L, "%s, not the shift's cashier %s"),
			    sh->closed_by, sh->cashier);
			doc_field(d, L_(L, "Counted by"), by);
		}
	}
	/* the drawer's first shift: no previous close, no difference (s72
	 * h11 fault 2) */
	if (sh->first)
		doc_field(d, L_(L, "Opening float expected"),
		    L_(L, "no previous close"));
	else
		svc_doc_money(
		    s, d, L_(L, "Opening float expected"), sh->float_expected);
	svc_doc_money(s, d, L_(L, "Opening float counted"), sh->float_counted);
	if (!sh->first)
		svc_doc_money(s, d, L_(L, "Opening float difference"),
		    sh->float_counted - sh->float_expected);
	flag(s, sh->flagged, d);
}

static void
tenders(struct svc *s, const struct shift_report *r, struct doc *d)
{
	const struct i18n_lang *L = d->lang;
	int closed = r->sh.status == SHIFT_CLOSED;
	char e[MONEY_BUFSZ], c[MONEY_BUFSZ], o[MONEY_BUFSZ], *detail;
	size_t i;

	doc_heading(d, L_(L, "Tenders"));
	/* open (the X report): Expected alone, in the last column, over
	 * its amounts as every other table's one column */
	doc_columns(d, closed ? L_(L, "Expected") : "",
	    closed ? L_(L, "Counted") : L_(L, "Expected"));
	for (i = 0; i < r->ntenders; i++) {
		const struct shift_tender *t = &r->tenders[i];

		svc_money(s, o, sizeof o, t->over_short);
		detail = closed
		             ? xasprintf(L_(L, "Over (+) or short (-): %s"), o)
		             : xasprintf(LN_(L, "%lld payment", "%lld payments",
		                             (unsigned long)t->npayments),
		                   (long long)t->npayments);
		svc_money(s, e, sizeof e, t->expected);
		doc_line(d, t->method, detail, closed ? e : "",
		    closed ? svc_money(s, c, sizeof c, t->counted) : e);
		free(detail);
		/* the voids made in the shift, which Expected is less of
		 * (review R20b) */
		if (t->nvoids > 0) {
			detail = xasprintf(LN_(L, "%lld void", "%lld voids",
			                       (unsigned long)t->nvoids),
			    (long long)t->nvoids);
			svc_money(s, e, sizeof e, -t->voided);
			/* in the Expected column, which it is part of */
			doc_line(d, L_(L, "Refunded by voids"), detail,
			    closed ? e : "", closed ? "" : e);
			free(detail);
		}
		if (closed && t->items > 0) {
			detail = xasprintf("%lld", (long long)t->items);
			doc_field(d,
			    t->kind == METHOD_CARD   ? L_(L, "Slips counted")
			    : t->kind == METHOD_CASH ? L_(L, "Notes and coins")
			                             : L_(L, "Cheques counted"),
			    detail);
			free(detail);
		}
		if (closed && t->recounted)
			svc_doc_money(s, d,
			    L_(L, "Counted first (shown short or over)"),
			    t->first_counted);
		/* the cheques listed and taken that differ, kept with the
		 * close (review s50, helper-217) */
		if (closed && t->unmatched[0]) {
			char said[SHIFT_UNMATCHED_BUFSZ * 2];

			svc_shift_unmatched_words(
			    t->unmatched, 1, L, said, sizeof said);
			doc_para(d, L_(L, "Cheques not matched"), said);
		}
		if (t->reason[0])
			doc_para(d, L_(L, "Reason"), t->reason);
		if (t->approved_by[0])
			doc_field(d, L_(L, "Signed off by"), t->approved_by);
	}
}

/* The lines of a count: notes and coins, slips, cheques, totals. */
static void
counts(struct svc *s, const struct shift_count *c, size_t n, const char *title,
    struct doc *d)
{
	const struct i18n_lang *L = d->lang;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], *detail;
	size_t i;

	if (n == 0)
		return;
	doc_heading(d, title);
	doc_columns(d, "", L_(L, "Amount"));
	for (i = 0; i < n; i++) {
		/* a denomination counted none of (the screen's count keeps
		 * a line of each) is not printed, as the screens show it:
		 * the Z report of a count on the screen read as the same
		 * count typed at the command line (review s50, helper-217) */
		if (c[i].kind == SHIFT_COUNT_DENOM && c[i].qty == 0)
			continue;
		if (c[i].kind == SHIFT_COUNT_DENOM) {
			detail = xasprintf("%s \xc3\x97 %lld",
			    svc_money(s, b, sizeof b, c[i].denomination),
			    (long long)c[i].qty);
			doc_line(d, c[i].method, detail, "",
			    svc_money(s, a, sizeof a, c[i].amount));
			free(detail);
			continue;
		}
		if (c[i].kind == SHIFT_COUNT_SLIP && c[i].qty > 1)
			detail =
			    xasprintf(LN_(L, "%lld slip %s", "%lld slips %s",
			                  (unsigned long)c[i].qty),
			        (long long)c[i].qty, c[i].ref);
		else
			detail = xasprintf("%s %s",
			    c[i].kind == SHIFT_COUNT_CHEQUE ? L_(L, "Cheque")
			    : c[i].kind == SHIFT_COUNT_SLIP ? L_(L, "Slip")
			                                    : L_(L, "Total"),
			    c[i].ref);
		doc_line(d, c[i].method, detail, "",
		    svc_money(s, a, sizeof a, c[i].amount));
		free(detail);
	}
}

static void
moves(struct svc *s, const struct shift_report *r, struct doc *d)
{
	const struct i18n_lang *L = d->lang;
	char a[MONEY_BUFSZ], t[SVC_DATE_BUFSZ], *detail;
	size_t i;

	if (r->nmoves == 0)
		return;
	doc_heading(d, L_(L, "Movements"));
	doc_columns(d, "", L_(L, "Amount"));
	for (i = 0; i < r->nmoves; i++) {
		const struct shift_movement *m = &r->moves[i];

		detail =
		    m->approved_by[0]
		        ? xasprintf(L_(L, "%s, %s, approved by %s"), m->reason,
		              svc_datetime(s, t, sizeof t, m->at),
		              m->approved_by)
		        : xasprintf("%s, %s", m->reason,
		              svc_datetime(s, t, sizeof t, m->at));
		doc_line(d, L_(L, move_words[m->kind]), detail, "",
		    svc_money(s, a, sizeof a, m->amount));
		free(detail);
	}
	svc_doc_money(s, d, L_(L, "Pay-ins"), r->pay_ins);
	svc_doc_money(s, d, L_(L, "Pay-outs"), r->pay_outs);
	svc_doc_money(s, d, L_(L, "Safe drops"), r->drops);
}

/* The document of report r: a Z report when its shift is closed. */
static void
shift_doc(struct svc *s, const struct shift_report *r, const char *number,
    struct doc *d)
{
	const struct i18n_lang *L = svc_doc_lang(s, NULL);
	int closed = r->sh.status == SHIFT_CLOSED;

	doc_init(d, s->cfg.org_name, s->cfg.org_address,
	    closed ? L_(L, "Z REPORT") : L_(L, "X REPORT"), number);
	d->lang = L;
	if (!closed)
		doc_mark(d, L_(L, "X REPORT"),
		    L_(L, "Not a close: what each tender expects so far"));
	/* closed by force at another terminal (s72 fault d): nothing
	 * counted, the drawer's cash unaccounted for until found */
	if (closed && r->sh.forced_reason[0] != '\0') {
		char *why = xasprintf(
		    L_(L, "Closed by force at terminal %s by %s, nothing "
		          "counted: every tender is short by what it expected "
		          "until the drawer is found. Reason: %s"),
		    r->sh.forced_on, r->sh.closed_by, r->sh.forced_reason);

		doc_mark(d, L_(L, "FORCED"), why);
		free(why);
	}
	head(s, &r->sh, d);
	tenders(s, r, d);
	counts(s, r->open_counts, r->nopen, L_(L, "Opening float"), d);
	if (closed) {
		counts(
		    s, r->counts, r->ncounts, L_(L, "Counted at the close"), d);
		svc_doc_money(
		    s, d, L_(L, "Float kept in the drawer"), r->sh.float_kept);
		if (r->sh.signed_off_by[0])
			doc_total(
			    d, L_(L, "Signed off by"), r->sh.signed_off_by);
	}
	moves(s, r, d);
	svc_doc_stamp(s, d);
}

int
svc_shift_z_issue(struct svc *s, const char *key, const struct doc_request *r,
    struct doc_result *res, struct pd_err *err)
{
	struct shift_report z;
	struct doc d;
	int rc;

	memset(res, 0, sizeof *res);
	if (svc_shift_report_by(s, key, &z, 0, err) != 0)
		return -1;
	if (z.sh.status != SHIFT_CLOSED) {
		svc_shift_report_free(&z);
		return pd_fail(err, PD_ESHIFT,
		    _("Shift \"%s\" is open: it has an X report, and its Z "
		      "report comes with its close"),
		    key);
	}
	shift_doc(s, &z, z.sh.z_no, &d);
	xstrlcpy(res->origin, z.sh.terminal, sizeof res->origin);
	svc_shift_report_free(&z);
	rc = svc_doc_issue(s, "z_report", &d, r, res, err);
	/* the Z number as stored, whatever was typed (z-t01-000001) */
	snprintf(res->number, sizeof res->number, "%s", d.number);
	doc_free(&d);
	return rc;
}

int
svc_shift_x_issue(struct svc *s, const char *cashier,
    const struct shift_approval *a, const struct doc_request *r,
    struct doc_result *res, struct pd_err *err)
{
	struct shift_report x;
	struct doc d;
	char number[64], now[TS_BUFSZ];
	int rc;

	memset(res, 0, sizeof *res);
	if (svc_shift_x_report(s, cashier, a, &x, err) != 0)
		return -1;
	/* an X report is a snapshot: each one its own name, never a copy */
	svc_now(now);
	snprintf(number, sizeof number, "X-%s-%.4s%.2s%.2s-%.2s%.2s%.2s",
	    x.sh.terminal, now, now + 5, now + 8, now + 11, now + 14, now + 17);
	shift_doc(s, &x, number, &d);
	xstrlcpy(res->origin, x.sh.terminal, sizeof res->origin);
	svc_shift_report_free(&x);
	rc = svc_doc_issue(s, "x_report", &d, r, res, err);
	doc_free(&d);
	return rc;
}
