/* shift_close.c - the blind close of an open shift (shift.c opens it,
 * shift_move.c moves cash in and out of it): the counts against what was
 * expected, a reason and a supervisor's sign-off beyond the tolerance,
 * the Z number. The counts shown before the close are kept by
 * shift_shown.c. A sign-off is checked inside the close's transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/i18n.h"

/* ---- the close ---- */

void
svc_shift_close_result_free(struct shift_close_result *r)
{
	free(r->tenders);
	memset(r, 0, sizeof *r);
}

/* The reason given for method; "" when none. */
static const char *
reason_for(const struct shift_close_request *r, const char *method)
{
	size_t i;

	for (i = 0; i < r->nreasons; i++)
		if (r->reasons[i].method != NULL &&
		    strcasecmp(r->reasons[i].method, method) == 0)
			return r->reasons[i].text ? r->reasons[i].text : "";
	return "";
}

/* Each reason names a tender of the close and is text. */
static int
check_reasons(const struct shift_close_request *r,
    const struct shift_close_result *res, struct pd_err *err)
{
	size_t i, j;

	for (i = 0; i < r->nreasons; i++) {
		for (j = 0; j < res->ntenders; j++)
			if (r->reasons[i].method != NULL &&
			    strcasecmp(r->reasons[i].method,
			        res->tenders[j].method) == 0)
				break;
		if (j == res->ntenders)
			return pd_fail(err, PD_EINVAL,
			    _("A reason is given for \"%s\", which is not a "
			      "tender of this shift"),
			    r->reasons[i].method ? r->reasons[i].method : "");
		if (svc_check_text(_("Reason"), r->reasons[i].text,
		        SHIFT_REASON_BUFSZ / 4 - 1, 1, err) != 0)
			return -1;
	}
	return 0;
}

/* The float kept when none is given: the opening float, or the cash
 * counted where that is less (a drawer cannot keep cash it has not). */
static int64_t
float_default(const struct svc *s, const struct shift *sh,
    const struct shift_count *c, size_t n)
{
	const struct pay_method *cash = svc_shift_cash(s);
	int64_t counted = cash ? svc_shift_total(c, n, cash->name) : 0;

	return sh->float_counted < counted ? sh->float_counted : counted;
}

/* The shift a close counts: the signed-in cashier's, or r->cashier's
 * open shift at this terminal, which only a supervisor closes (a shift
 * left open by a cashier who has gone holds the drawer otherwise). */
static int
close_target(struct svc *s, const struct shift_close_request *r,
    struct shift *sh, struct pd_err *err)
{
	return svc_shift_of(
	    s, r->cashier, _("Closing another cashier's shift"), sh, err);
}

/* The shift sh found (rc 0 from close_target) closed now: not before it
 * opened, as a clock set back would date it (helper-265 of issue 20: a
 * close at 09:00 of a shift opened at 10:00 was taken). */
static int
close_after_open(const struct shift *sh, struct pd_err *err)
{
	char now[TS_BUFSZ];

	svc_now(now);
	if (strcmp(now, sh->opened_at) >= 0)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("The clock reads %s, before the shift opened (%s): a close is "
	      "not dated before its opening; set the clock right, then close"),
	    now, sh->opened_at);
}

/* One side of the cheques not matched into out (size sz): those of k
 * (n: the listed less the taken of each) on side sign, after label;
 * nothing when there is none. */
/* A tender's cheques not matched are kept in these words, whatever the
 * language of who closed (a fresh tester's, s73: "Cheques sin
 * coincidencia: taken, not listed: 105 $12.00" in Spanish, the text
 * having been made in English; one made in Spanish would read so in
 * English), and said in the reader's by svc_shift_unmatched_words. */
#define UNMATCHED_LISTED N_("listed, not taken: ")
#define UNMATCHED_TAKEN N_("taken, not listed: ")
#define UNMATCHED_NO_NUMBER N_("(no number)")

void
svc_shift_unmatched_words(const char *kept, int doc,
    const struct i18n_lang *lang, char *out, size_t n)
{
	static const char *const words[] = {
	    UNMATCHED_LISTED, UNMATCHED_TAKEN, UNMATCHED_NO_NUMBER};
	size_t len = 0, i, w;
	const char *p = kept;

	if (n == 0)
		return;
	out[0] = '\0';
	while (*p != '\0' && len + 1 < n) {
		for (i = 0; i < sizeof words / sizeof words[0]; i++) {
			w = strlen(words[i]);
			if (strncmp(p, words[i], w) == 0)
				break;
		}
		if (i < sizeof words / sizeof words[0]) {
			len += (size_t)snprintf(out + len, n - len, "%s",
			    doc ? L_(lang, words[i]) : _(words[i]));
			p += w;
		} else
			out[len++] = *p++;
		if (len >= n)
			len = n - 1;
		out[len] = '\0';
	}
}

static void
unmatched_side(struct svc *s, const struct shift_cheque *k, size_t n, int sign,
    const char *label, char *out, size_t sz)
{
	char m[MONEY_BUFSZ], one[SHIFT_REF_BUFSZ + MONEY_BUFSZ + 32];
	const char *ref;
	size_t i, len;
	int first = 1;

	for (i = 0; i < n; i++) {
		int64_t q = sign > 0 ? k[i].n : -k[i].n;

		if (q <= 0)
			continue;
		svc_money(s, m, sizeof m, k[i].amount);
		/* kept in the store's words (English), put in the reader's
		 * as it is shown: svc_shift_unmatched_words */
		ref = k[i].ref[0] != '\0' ? k[i].ref : UNMATCHED_NO_NUMBER;
		if (q > 1)
			snprintf(one, sizeof one, "%s %s \xc3\x97%lld", ref, m,
			    (long long)q);
		else
			snprintf(one, sizeof one, "%s %s", ref, m);
		len = strlen(out);
		snprintf(out + len, sz - len, "%s%s%s",
		    first ? (len > 0 ? " / " : "") : ", ", first ? label : "",
		    one);
		first = 0;
	}
}

/* By number (any case), then amount: the cheques not matched said in
 * one order whatever the order listed (a relist in another order or
 * case is the same list: review s50, helper-217). */
static int
cmp_cheque(const void *a, const void *b)
{
	const struct shift_cheque *x = a, *y = b;
	int c = strcasecmp(x->ref, y->ref);

	if (c != 0)
		return c;
	return x->amount < y->amount ? -1 : x->amount > y->amount;
}

/* Tender t of a cheque method: the cheques listed in c (n counts)
 * against those the shift took (store_shift_cheques), what differs in
 * t->unmatched, by number (any case) and amount. */
static int
match_cheques(struct svc *s, const struct shift *sh,
    const struct shift_count *c, size_t n, struct shift_tender *t,
    struct pd_err *err)
{
	struct shift_cheque *k;
	size_t nk, i, j, nd;

	t->unmatched[0] = '\0';
	if ((k = store_shift_cheques(s->st, sh->id, t->method, &nk, err)) ==
	    NULL)
		return -1;
	/* room for every cheque taken and every one listed; n: the listed
	 * less the taken */
	k = xrealloc(k, nk + n + 1, sizeof *k);
	for (i = 0; i < nk; i++)
		k[i].n = -k[i].n;
	nd = nk;
	for (i = 0; i < n; i++) {
		if (c[i].kind != SHIFT_COUNT_CHEQUE ||
		    strcmp(c[i].method, t->method) != 0)
			continue;
		for (j = 0; j < nd; j++)
			if (k[j].amount == c[i].amount &&
			    strcasecmp(k[j].ref, c[i].ref) == 0)
				break;
		if (j == nd) {
			xstrlcpy(k[nd].ref, c[i].ref, sizeof k[nd].ref);
			k[nd].amount = c[i].amount;
			k[nd].n = 0;
			nd++;
		}
		k[j].n++;
	}
	/* a cheque taken with no number (its method asks none) is any
	 * listed one of its amount that no numbered payment took (core's
	 * rule, the one a void after the close gives back by too) */
	shift_cheques_unnumbered(k, nd);
	if (nd > 1)
		qsort(k, nd, sizeof *k, cmp_cheque);
	unmatched_side(
	    s, k, nd, 1, UNMATCHED_LISTED, t->unmatched, sizeof t->unmatched);
	unmatched_side(
	    s, k, nd, -1, UNMATCHED_TAKEN, t->unmatched, sizeof t->unmatched);
	free(k);
	return 0;
}

/* The counts against the shift's tenders, into res (its shift's
 * float_kept the default the close would keep); c already checked. */
static int
compare(struct svc *s, const struct shift *sh, const struct shift_count *c,
    size_t n, const struct shift_close_request *r,
    struct shift_close_result *res, struct pd_err *err)
{
	struct shift_report rep;
	const struct pay_method *m;
	struct shift_tender *t;
	size_t i;

	if (svc_shift_report_of(s, sh, &rep, err) != 0) {
		svc_shift_report_free(&rep);
		return -1;
	}
	for (i = 0; i < n; i++) {
		m = config_method(&s->cfg, c[i].method);
		svc_shift_tender(&rep, c[i].method, m ? m->kind : METHOD_BANK);
	}
	res->sh = rep.sh;
	res->sh.float_kept = float_default(s, &rep.sh, c, n);
	res->nbeyond = 0;
	for (i = 0; i < rep.ntenders; i++) {
		t = &rep.tenders[i];
		t->counted = svc_shift_total(c, n, t->method);
		t->items = svc_shift_items(c, n, t->method);
		t->over_short = t->counted - t->expected;
		t->beyond = shift_beyond(t->over_short, s->cfg.shift_tolerance);
		m = config_method(&s->cfg, t->method);
		if (m != NULL && m->cheque &&
		    match_cheques(s, sh, c, n, t, err) != 0) {
			svc_shift_report_free(&rep);
			return -1;
		}
		t->beyond |= t->unmatched[0] != '\0';
		res->nbeyond += t->beyond;
		xstrlcpy(t->reason, reason_for(r, t->method), sizeof t->reason);
	}
	res->tenders = rep.tenders;
	res->ntenders = rep.ntenders;
	rep.tenders = NULL;
	svc_shift_report_free(&rep);
	if (check_reasons(r, res, err) != 0 ||
	    svc_shift_first_counts(s, res->sh.uuid, &res->tenders,
	        &res->ntenders, &res->recount, err) != 0) {
		/* bad input: nothing shown */
		svc_shift_close_result_free(res);
		return -1;
	}
	return 0;
}

/* The sign-off of a recount: what it is asked for. */
static const char *
recount_why(void)
{
	return _("A count other than the one whose over or short was shown");
}

/* What a close needs a sign-off for, or NULL: none. */
static const char *
signoff_for(const struct shift_close_result *res)
{
	if (res->nbeyond == 0 && !res->recount)
		return NULL;
	return res->nbeyond > 0 ? _("A close beyond the tolerance")
	                        : recount_why();
}

/* Whether counts c (n) of shift sh are a count other than the one whose
 * over or short was shown (a recount): 1, 0, -1 with err. Worked out
 * and dropped, nothing of it kept or shown. */
static int
is_recount(struct svc *s, const struct shift *sh, const struct shift_count *c,
    size_t n, const struct shift_close_request *r, struct pd_err *err)
{
	struct shift_close_request q = *r;
	struct shift_close_result tmp;
	int rc = svc_shift_counted(s, sh->uuid, err);

	if (rc <= 0)
		return rc;
	q.nreasons = 0; /* the reasons are checked after */
	memset(&tmp, 0, sizeof tmp);
	if (compare(s, sh, c, n, &q, &tmp, err) != 0)
		return -1;
	rc = tmp.recount;
	svc_shift_close_result_free(&tmp);
	return rc;
}

/* A recount signed off before anything else of the count is checked or
 * worked out, and nothing of it shown without (s72 h13, fault 3: one
 * with no --approver was refused for a tender's reason, status 3, its
 * new over and short printed): the supervisor named (named_only), or
 * their PIN checked too, inside the caller's transaction (*miss as
 * svc_signoff's); *recount (may be NULL) 1 when it is a recount. */
static int
recount_signoff(struct svc *s, const struct shift *sh,
    const struct shift_count *c, size_t n, const struct shift_close_request *r,
    int named_only, int *miss, int *recount, struct pd_err *err)
{
	char by[SHIFT_USER_BUFSZ];
	int rc = is_recount(s, sh, c, n, r, err);

	if (recount != NULL)
		*recount = rc > 0;
	if (rc <= 0)
		return rc;
	if (named_only)
		return svc_signoff_named(s, &r->approval, recount_why(), err);
	return svc_signoff(s, &r->approval, recount_why(), by, miss, err);
}

/* A recount's sign-off (recount_signoff) in a transaction of its own
 * that writes nothing, a wrong PIN counted toward the lockout. */
static int
recount_signed(struct svc *s, const struct shift *sh,
    const struct shift_count *c, size_t n, const struct shift_close_request *r,
    int *recount, struct pd_err *err)
{
	int miss = 0, rc;

	if (store_begin(s->st, err) != 0)
		return -1;
	rc = recount_signoff(s, sh, c, n, r, 0, &miss, recount, err);
	return svc_shift_finish_signed(s, rc, miss, r->approval.user, err);
}

int
svc_shift_close_check(struct svc *s, const struct shift_close_request *r,
    struct shift_close_result *res, struct pd_err *err)
{
	struct shift_count *c;
	struct shift sh;
	int rc;

	memset(res, 0, sizeof *res);
	if (svc_require(s, ROLE_CASHIER, _("Closing a shift"), err) != 0 ||
	    close_target(s, r, &sh, err) != 0 ||
	    close_after_open(&sh, err) != 0)
		return -1;
	c = svc_shift_counts_checked(s, r->counts, r->ncounts, 0, err);
	if (c == NULL)
		return -1;
	/* a recount: its figures only once a supervisor signed it off
	 * (named, and their PIN checked here; res->recount set for the
	 * screen to ask them) */
	rc = recount_signed(s, &sh, c, r->ncounts, r, &res->recount, err);
	if (rc == 0)
		rc = compare(s, &sh, c, r->ncounts, r, res, err);
	free(c);
	if (rc == 0 && svc_shift_keep_shown(s, res, err) != 0) {
		svc_shift_close_result_free(res);
		return -1;
	}
	return rc;
}

/* Beyond the tolerance: a reason for each such tender. */
static int
reasons_given(
    struct svc *s, const struct shift_close_result *res, struct pd_err *err)
{
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];
	size_t i;

	for (i = 0; i < res->ntenders; i++) {
		struct shift_tender *t = &res->tenders[i];

		if (!t->beyond || t->reason[0] != '\0')
			continue;
		if (!shift_beyond(t->over_short, s->cfg.shift_tolerance))
			return pd_fail(err, PD_EINVAL,
			    _("%s: the cheques listed are not those the shift "
			      "took (%s): give a reason"),
			    t->method, t->unmatched);
		svc_money(s, a, sizeof a,
		    t->over_short < 0 ? -t->over_short : t->over_short);
		svc_money(s, b, sizeof b, s->cfg.shift_tolerance);
		return pd_fail(err, PD_EINVAL,
		    t->over_short < 0
		        ? _("%s is short by %s, beyond the tolerance of %s: "
		            "give a reason")
		        : _("%s is over by %s, beyond the tolerance of %s: "
		            "give a reason"),
		    t->method, a, b);
	}
	return 0;
}

/* Beyond the tolerance: a reason for each such tender, and a
 * supervisor's sign-off (in the transaction). */
static int
check_beyond(struct svc *s, const struct shift_close_request *r,
    struct shift_close_result *res, int *miss, struct pd_err *err)
{
	size_t i;

	if (reasons_given(s, res, err) != 0)
		return -1;
	if (signoff_for(res) == NULL)
		return 0;
	if (svc_signoff(s, &r->approval, signoff_for(res),
	        res->sh.signed_off_by, miss, err) != 0)
		return -1;
	for (i = 0; i < res->ntenders; i++)
		if (res->tenders[i].beyond || res->tenders[i].recounted)
			xstrlcpy(res->tenders[i].approved_by,
			    res->sh.signed_off_by,
			    sizeof res->tenders[i].approved_by);
	return 0;
}

/* The Z number, the shift closed, its counts and tenders, the audit. */
static int
write_close(struct svc *s, const struct shift_count *c, size_t n,
    const struct shift_close_request *r, struct shift_close_result *res,
    struct pd_err *err)
{
	struct shift *sh = &res->sh;
	struct syncrec rec;
	char day[11], detail[720], m[MONEY_BUFSZ];
	size_t i;
	int forced = sh->forced_reason[0] != '\0';

	sh->float_kept = r->has_keep ? r->keep : float_default(s, sh, c, n);
	svc_now(sh->closed_at);
	memcpy(day, sh->closed_at, 10);
	day[10] = '\0';
	if (svc_next_number(s, "z_report", s->cfg.fmt_z_report, day, sh->z_no,
	        sizeof sh->z_no, err) != 0)
		return -1;
	/* closed by force: by the supervisor who signed it off, whoever is
	 * signed in */
	xstrlcpy(sh->closed_by, forced ? sh->signed_off_by : s->actor.username,
	    sizeof sh->closed_by);
	sh->status = SHIFT_CLOSED;
	/* kept with the shift, synced with its close (review R20, fault 7) */
	sh->flagged = shift_flagged(
	    sh->opened_at, sh->closed_at, s->cfg.shift_max_hours);
	if (store_shift_close(s->st, sh, err) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (store_shift_count_insert(
		        s->st, sh->id, "close", &c[i], err))
			return -1;
	for (i = 0; i < res->ntenders; i++)
		if (store_shift_tender_insert(
		        s->st, sh->id, &res->tenders[i], err) != 0)
			return -1;
	/* the close as a record: its counts, expected and over/short per
	 * tender, reasons and sign-off (its own uuid: the shift's is its
	 * open's), after the opening's if the shift has none */
	if (strcmp(sh->terminal, s->cfg.terminal_id) == 0 &&
	    svc_shift_open_rec(s, sh, err) != 0)
		return -1;
	ledger_rec_head(s, &rec, SR_SHIFT_CLOSE, NULL, NULL, s->cfg.branch_id,
	    sh->closed_at);
	rec.sh = *sh;
	xstrlcpy(rec.shift_uuid, sh->uuid, sizeof rec.shift_uuid);
	rec.counts = (struct shift_count *)c;
	rec.ncounts = n;
	rec.tenders = res->tenders;
	rec.ntenders = res->ntenders;
	if (svc_outbox(s, &rec, sh->z_no, err) != 0)
		return -1;
	snprintf(detail, sizeof detail,
	    "z=%s kept=%s beyond=%d%s%s%s%s%s%s%s%s%s", sh->z_no,
	    money_plain(m, sizeof m, sh->float_kept, s->cfg.minor_digits),
	    res->nbeyond, res->recount ? " recount=1" : "",
	    sh->signed_off_by[0] ? " signed_off_by=" : "", sh->signed_off_by,
	    sh->cashier_id != s->actor.user_id ? " cashier=" : "",
	    sh->cashier_id != s->actor.user_id ? sh->cashier : "",
	    forced ? " forced=1 terminal=" : "", forced ? sh->terminal : "",
	    forced ? " reason=" : "", forced ? sh->forced_reason : "");
	return svc_audit(
	    s, sh->closed_at, "close", "shift", sh->uuid, detail, err);
}

/* The float kept r asks for, between zero and the cash counted. */
static int
check_keep(struct svc *s, const struct shift_count *c, size_t n,
    const struct shift_close_request *r, struct pd_err *err)
{
	const struct pay_method *cash = svc_shift_cash(s);
	int64_t counted = cash ? svc_shift_total(c, n, cash->name) : 0;
	char m[MONEY_BUFSZ];

	if (r->has_keep && (r->keep < 0 || r->keep > counted))
		return pd_fail(err, PD_EINVAL,
		    _("The float kept, %s, must be between zero and the cash "
		      "counted"),
		    svc_money(s, m, sizeof m, r->keep));
	return 0;
}

static int
close_in_tx(struct svc *s, const struct shift_count *c, size_t n,
    const struct shift_close_request *r, struct shift_close_result *res,
    int *miss, struct pd_err *err)
{
	struct shift sh;
	char at[TS_BUFSZ];

	/* before the over or short is worked out (and shown: the count
	 * would stand, review s50, helper-216) */
	if (close_target(s, r, &sh, err) != 0 ||
	    close_after_open(&sh, err) != 0 ||
	    recount_signoff(s, &sh, c, n, r, 0, miss, NULL, err) != 0 ||
	    check_keep(s, c, n, r, err) != 0 ||
	    compare(s, &sh, c, n, r, res, err) != 0 ||
	    check_beyond(s, r, res, miss, err) != 0 ||
	    write_close(s, c, n, r, res, err) != 0)
		return -1;
	/* its over or short, an exception of the reconciliation */
	svc_now(at);
	return svc_alerts_recon_came(s, "shift", at, err);
}

/* A close's counts checked (free()), its user a cashier's and the store
 * sound; NULL with err set. */
static struct shift_count *
close_counts(
    struct svc *s, const struct shift_close_request *r, struct pd_err *err)
{
	if (svc_require(s, ROLE_CASHIER, _("Closing a shift"), err) != 0 ||
	    svc_check_sound(s, err) != 0)
		return NULL;
	return svc_shift_counts_checked(s, r->counts, r->ncounts, 0, err);
}

int
svc_shift_close_ready(
    struct svc *s, const struct shift_close_request *r, struct pd_err *err)
{
	struct shift_close_result res;
	struct shift_count *c;
	struct shift sh;
	const char *why;
	int rc;

	memset(&res, 0, sizeof res);
	if ((c = close_counts(s, r, err)) == NULL)
		return -1;
	rc = close_target(s, r, &sh, err) != 0 ||
	             close_after_open(&sh, err) != 0 ||
	             recount_signoff(
	                 s, &sh, c, r->ncounts, r, 1, NULL, NULL, err) != 0 ||
	             check_keep(s, c, r->ncounts, r, err) != 0 ||
	             compare(s, &sh, c, r->ncounts, r, &res, err) != 0 ||
	             reasons_given(s, &res, err) != 0
	         ? -1
	         : 0;
	/* the sign-off's supervisor named (the PIN is checked, and a wrong
	 * one counted, by the close itself) */
	why = rc == 0 ? signoff_for(&res) : NULL;
	if (why != NULL && svc_signoff_named(s, &r->approval, why, err) != 0)
		rc = -1;
	free(c);
	svc_shift_close_result_free(&res);
	return rc;
}

int
svc_shift_close(struct svc *s, const struct shift_close_request *r,
    struct shift_close_result *res, struct pd_err *err)
{
	struct shift_count *c;
	int miss = 0, rc;

	memset(res, 0, sizeof *res);
	if ((c = close_counts(s, r, err)) == NULL)
		return -1;
	if (store_begin(s->st, err) != 0) {
		free(c);
		return -1;
	}
	rc = close_in_tx(s, c, r->ncounts, r, res, &miss, err);
	rc = svc_shift_finish_signed(s, rc, miss, r->approval.user, err);
	if (rc == 0)
		svc_alerts_tick(s); /* its alerts delivered after the commit */
	free(c);
	/* refused once the over or short was worked out (and shown): that
	 * count stands */
	if (rc != 0 && res->ntenders > 0) {
		struct pd_err e2;

		memset(&e2, 0, sizeof e2);
		if (svc_shift_keep_shown(s, res, &e2) != 0)
			*err = e2;
	}
	return rc;
}

/* ---- the forced close (s72 fault d) ---- */

/* Shift key found for a forced close here: open, another terminal's. */
static int
force_target(
    struct svc *s, const char *key, struct shift *sh, struct pd_err *err)
{
	if (key == NULL || key[0] == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("Which shift: its id (paydesk shift list --open)"));
	if (store_shift_find(s->st, key, sh, err) != 0)
		return -1;
	if (sh->status != SHIFT_OPEN)
		return pd_fail(err, PD_ESHIFT,
		    _("Shift %s is closed already (%s, Z number %s)"), key,
		    sh->closed_at, sh->z_no);
	if (strcmp(sh->terminal, s->cfg.terminal_id) == 0)
		return pd_fail(err, PD_ESHIFT,
		    _("Shift %s is this terminal's: its drawer is here to be "
		      "counted (paydesk shift close --cashier %s); --force "
		      "closes a shift left open at another terminal"),
		    key, sh->cashier);
	return close_after_open(sh, err);
}

static int
force_in_tx(struct svc *s, const char *key, const char *reason,
    const struct shift_approval *a, struct shift_close_result *res, int *miss,
    struct pd_err *err)
{
	struct shift_close_request r;
	struct shift sh;
	char by[SHIFT_USER_BUFSZ];
	size_t i;

	memset(&r, 0, sizeof r);
	r.has_keep = 1; /* nothing counted, nothing kept */
	if (force_target(s, key, &sh, err) != 0)
		return -1;
	/* a supervisor's user name and PIN, checked whoever is signed in
	 * (a cashier's session; the Shifts screen's form, which asks them
	 * of a supervisor too: s73 fault 2), else the signed-in
	 * supervisor's */
	if (s->actor.role >= ROLE_SUPERVISOR &&
	    (a == NULL || a->user == NULL || a->user[0] == '\0'))
		xstrlcpy(by, s->actor.username, sizeof by);
	else if (svc_signoff(s, a,
	             _("Closing by force another terminal's shift"), by, miss,
	             err) != 0)
		return -1;
	/* reckoned here, from the payments that name it */
	xstrlcpy(sh.forced_on, s->cfg.terminal_id, sizeof sh.forced_on);
	if (compare(s, &sh, NULL, 0, &r, res, err) != 0)
		return -1;
	/* every tender's whole expected amount short, the cash of the
	 * drawer unaccounted for until found; the reason and sign-off
	 * with each tender, as a close beyond the tolerance keeps them */
	res->nbeyond = 0;
	res->recount = 0;
	for (i = 0; i < res->ntenders; i++) {
		struct shift_tender *t = &res->tenders[i];

		t->counted = t->items = 0;
		t->over_short = -t->expected;
		t->recounted = 0;
		t->first_counted = 0;
		t->beyond =
		    shift_beyond(t->over_short, s->cfg.shift_tolerance) ||
		    t->unmatched[0] != '\0';
		res->nbeyond += t->beyond;
		xstrlcpy(t->reason, reason, sizeof t->reason);
		xstrlcpy(t->approved_by, by, sizeof t->approved_by);
	}
	xstrlcpy(res->sh.signed_off_by, by, sizeof res->sh.signed_off_by);
	xstrlcpy(res->sh.forced_reason, reason, sizeof res->sh.forced_reason);
	xstrlcpy(
	    res->sh.forced_on, s->cfg.terminal_id, sizeof res->sh.forced_on);
	if (write_close(s, NULL, 0, &r, res, err) != 0)
		return -1;
	return svc_alerts_recon_came(s, "shift", res->sh.closed_at, err);
}

int
svc_shift_force_close(struct svc *s, const char *key, const char *reason,
    const struct shift_approval *a, struct shift_close_result *res,
    struct pd_err *err)
{
	int miss = 0, rc;

	memset(res, 0, sizeof *res);
	if (svc_require(s, ROLE_CASHIER, _("Closing a shift"), err) != 0 ||
	    svc_check_sound(s, err) != 0)
		return -1;
	/* a cashier alone is refused before anything is read */
	if (s->actor.role < ROLE_SUPERVISOR &&
	    (a == NULL || a->user == NULL || a->user[0] == '\0'))
		return pd_fail(err, PD_EPERM,
		    _("Closing by force another terminal's shift needs a "
		      "supervisor: signed in, or their user name and PIN "
		      "given here (--approver)"));
	if (reason == NULL || reason[0] == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("A forced close needs a reason (--reason TEXT): why the "
		      "shift was left open and where its cash is"));
	if (svc_check_text_fits(_("Reason"), reason, SHIFT_REASON_BUFSZ / 4 - 1,
	        SHIFT_REASON_BUFSZ, 1, err) != 0)
		return -1;
	if (store_begin(s->st, err) != 0)
		return -1;
	rc = force_in_tx(s, key, reason, a, res, &miss, err);
	rc = svc_shift_finish_signed(
	    s, rc, miss, a != NULL ? a->user : NULL, err);
	if (rc == 0)
		svc_alerts_tick(s);
	else
		svc_shift_close_result_free(res);
	return rc;
}
