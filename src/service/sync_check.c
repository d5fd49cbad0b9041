/* sync_check.c - what a sync record may say, before it is applied
 * (issue 18, parts 1 and 2; DESIGN.md rule 6).
 *
 * On the central node a terminal's record must be one the terminal could
 * have posted itself: the same core rules as local posting (money bounds
 * and the overpayment threshold, cash change, the status a new payment
 * takes, credit amounts and expiries, text limits), numbers of the
 * sending terminal's own series rendered from the organisation's
 * formats, reasons, methods and channels from the organisation's
 * settings, people who are users of the terminal's branch with the role
 * the act needs (a void, a verification or a credit note: supervisor),
 * items that are the consumer's and of the payment's type, a void, a
 * verification or a credit note that agrees with the payment it names
 * and is not dated before it, dates no later than tomorrow, the
 * organisation's currency and the terminal's own branch. Unknown fields
 * are refused when the record is decoded (src/sync/record.c).
 * On a terminal a pulled record must be in its currency and must not
 * claim to be the terminal's own (made on it, or a number of its own
 * series) when the terminal does not have it: its own records it knows by
 * uuid. A refused pulled record is set aside (sync_round.c).
 *
 * Here: the checks the kinds share (dates, amounts, numbers, people), the
 * records about a payment (a void, a verification, a credit note or its
 * application) and the other kinds, and the table of checks by kind. The
 * checks of a payment itself are in sync_check_pay.c, what a terminal
 * pulls in sync_check_pull.c.
 *
 * One table of checks by record kind: TO ADD A KIND, a row in
 * push_rules[] (and in pull_rules[] of sync_check_pull.c if it carries
 * document numbers).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/credit.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/numfmt.h"
#include "sync_check_int.h"

/* How far a terminal's clock may be ahead of the central node's: dates
 * up to tomorrow are accepted. */
#define SKEW_DAYS 1

/* A date (YYYY-MM-DD or the day of a timestamp) no later than tomorrow.
 * what, here as in sck_money and sck_number, is the message id (N_()),
 * translated only for a refusal: a push's payments take a dozen of them
 * each, and a lookup in the catalogue for every one cost the central
 * node 2% of its push (issue 22). */
int
sck_day(const char *what, const char *s, struct pd_err *err)
{
	char today[11], day[11], last[DATE_BUFSZ];
	int32_t d, t;

	snprintf(day, sizeof day, "%.10s", s);
	if (date_parse(day, NULL, &d, NULL) != 0 &&
	    date_parse(day, _(what), &d, err) != 0)
		return -1;
	svc_today(today);
	date_parse(today, NULL, &t, NULL);
	if (d > t + SKEW_DAYS)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is in the future (the latest accepted is %s)"),
		    _(what), day, date_format(last, t + SKEW_DAYS));
	return 0;
}

/* A time a terminal sent (ts, a timestamp or a date) is not before its
 * organisation was added on the central node, less the clock skew
 * allowed: no terminal of it could have recorded anything earlier. */
int
sck_since(const char *what, const char *ts, const struct sync_sender *f,
    struct pd_err *err)
{
	char day[11], oday[11], first[DATE_BUFSZ];
	int32_t d, o;

	if (f->org_created_at == NULL || ts[0] == '\0')
		return 0;
	snprintf(day, sizeof day, "%.10s", ts);
	snprintf(oday, sizeof oday, "%.10s", f->org_created_at);
	/* (the record's format was checked when it was decoded) */
	if (date_parse(day, NULL, &d, NULL) != 0 ||
	    date_parse(oday, NULL, &o, NULL) != 0 || d >= o - SKEW_DAYS)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("%s %s is before the organisation existed (the earliest "
	      "accepted is %s)"),
	    what, ts, date_format(first, o - SKEW_DAYS));
}

/* 0 <= v <= MONEY_MAX (or -MONEY_MAX <= v with negative). */
int
sck_allocs(
    struct svc *s, const struct syncrec *r, int64_t *sum, struct pd_err *err)
{
	int64_t total = 0;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];
	size_t i;

	for (i = 0; i < r->nallocs; i++) {
		const struct allocation *a = &r->allocs[i];

		if (a->amount < 1 || a->amount > a->due_before ||
		    a->due_before > MONEY_MAX)
			return pd_fail(err, PD_EINVAL,
			    _("Allocation %zu: %s of %s due is not between "
			      "%s and what was due"),
			    i + 1, sck_amount(s, m1, a->amount),
			    sck_amount(s, m2, a->due_before),
			    sck_amount(s, m3, 1));
		total += a->amount; /* each at most MONEY_MAX: no overflow */
	}
	if (sum != NULL)
		*sum = total;
	return 0;
}

const char *
sck_amount(const struct svc *s, char *buf, int64_t v)
{
	return money_plain(buf, MONEY_BUFSZ, v, s->cfg.minor_digits);
}

int
sck_money(const struct svc *s, const char *what, int64_t v, int negative,
    struct pd_err *err)
{
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];

	/* money as money (fault 11) */
	if (v > MONEY_MAX || v < (negative ? -MONEY_MAX : 0))
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is not between %s and %s"), _(what),
		    sck_amount(s, m1, v),
		    sck_amount(s, m2, negative ? -MONEY_MAX : 0),
		    sck_amount(s, m3, MONEY_MAX));
	return 0;
}

/* number is of the series fmt of the sending terminal (t, branch b), for
 * a document dated date. */
int
sck_number(const char *what, const char *fmt, const char *number, const char *t,
    const char *b, const char *date, struct pd_err *err)
{
	struct numfmt_ctx ctx = {date, t, b};

	if (numfmt_match(fmt, &ctx, number, NULL, err) != 0) {
		pd_err_prefix(err, "%s: ", _(what));
		return -1;
	}
	return 0;
}

/* svc_sync_user_unsealed, the user read kept in *u (*found 0: none). */
static int
user_unsealed(struct svc *s, const char *name, int by_username,
    const char *branch, struct user *found_u, int *found, struct pd_err *err)
{
	struct user u;
	struct pd_err e = {0};
	int i, rc,
	    kept = s->push_reads && !by_username && s->push_user.id != 0 &&
	           strcmp(s->push_user_name, name) == 0 &&
	           strcmp(s->push_user_branch, branch) == 0;

	if (kept) {
		u = s->push_user;
		rc = 0;
	} else
		rc = by_username
		         ? store_user_by_name(s->st, name, &u, &e)
		         : store_user_by_full_name(s->st, name, branch, &u, &e);
	/* (read once a push: see push_reads) */
	if (rc == 0 && !kept && s->push_reads && !by_username) {
		s->push_user = u;
		xstrlcpy(s->push_user_name, name, sizeof s->push_user_name);
		xstrlcpy(
		    s->push_user_branch, branch, sizeof s->push_user_branch);
		s->push_role_since = -1;
	}
	*found = 0;
	if (rc != 0) {
		if (e.code == PD_ENOTFOUND)
			return 0;
		*err = e;
		return -1;
	}
	*found = 1;
	*found_u = u;
	/* (found sealed already in this push: the push holds the
	 * organisation's store, no use case changes a user meanwhile) */
	for (i = 0; i < s->npush_sealed; i++)
		if (s->push_sealed[i] == u.id)
			return 0;
	rc = store_user_sealed(s->st, u.id, err);
	if (rc == 0 && s->npush_sealed < (int)(sizeof s->push_sealed /
	                                       sizeof s->push_sealed[0]))
		s->push_sealed[s->npush_sealed++] = u.id;
	return rc;
}

int
svc_sync_user_unsealed(struct svc *s, const char *name, int by_username,
    const char *branch, struct pd_err *err)
{
	struct user u;
	int found;

	return user_unsealed(s, name, by_username, branch, &u, &found, err);
}

/* sck_user, the role name had (as judged) in *role. */
static int
user_role(struct svc *s, const struct sync_sender *f, const char *what,
    const char *name, enum role need, const char *doing, enum role *role,
    struct pd_err *err)
{
	struct user u;
	struct pd_err e = {0};
	int rc, found;

	/* a user whose row was changed around paydesk is nobody's */
	if ((rc = user_unsealed(s, name, 0, f->branch, &u, &found, err)) != 0) {
		if (rc < 0)
			return -1;
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\" is not a user of branch %s"), what, name,
		    f->branch);
	}
	/* judged by older rules: any version of the users in force from
	 * the last change the terminal had (sync_judge.c). The push's kept
	 * role is of a user found now (u is unset otherwise: valgrind) */
	if (f->past && found && s->push_reads && s->push_role_since >= 0 &&
	    s->push_role_since == f->rules_since && s->push_user.id == u.id &&
	    strcmp(s->push_user_name, name) == 0 &&
	    strcmp(s->push_user_branch, f->branch) == 0) {
		u.role = s->push_role; /* (read once a push) */
		rc = 0;
	} else if (f->past) {
		rc = store_user_role_since(
		    s->st, name, 0, f->branch, f->rules_since, &u.role, &e);
		if (rc == 0 && found && s->push_reads &&
		    s->push_user.id == u.id &&
		    strcmp(s->push_user_name, name) == 0 &&
		    strcmp(s->push_user_branch, f->branch) == 0) {
			s->push_role_since = f->rules_since;
			s->push_role = u.role;
		}
	} else if (found) /* as read just above, in the same transaction */
		rc = 0;
	else
		rc = pd_fail(&e, PD_ENOTFOUND, "%s", name);
	if (rc != 0) {
		if (e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\" is not a user of branch %s"), what, name,
		    f->branch);
	}
	if (u.role < need)
		return pd_fail(err, PD_EINVAL,
		    _("%s %s is a %s; %s needs a %s"), what, name,
		    role_noun(u.role), doing, role_noun(need));
	*role = u.role;
	return 0;
}

/* name (who did what, as records name people) is a user of the sending
 * terminal's branch, with at least role need for doing what. */
int
sck_user(struct svc *s, const struct sync_sender *f, const char *what,
    const char *name, enum role need, const char *doing, struct pd_err *err)
{
	enum role role;

	return user_role(s, f, what, name, need, doing, &role, err);
}

/* user_role's reads kept for the push (svc_sync_judge_warm). */
int
svc_sync_user_warm(struct svc *s, const struct sync_sender *f, const char *name,
    struct pd_err *err)
{
	enum role role;
	struct pd_err e = {0};

	/* a refusal is the record's, given when it is judged */
	if (user_role(s, f, "", name, ROLE_CASHIER, "", &role, &e) != 0 &&
	    e.code == PD_ESTORE) {
		*err = e;
		return -1;
	}
	return 0;
}

/* The payment a record names by uuid: *found 0 when the store does not
 * have it (the apply then says so). */
static int
named_payment(struct svc *s, const struct syncrec *r, struct payment *p,
    int *found, struct pd_err *err)
{
	int64_t id;

	*found = 0;
	if (store_id_of(s->st, TBL_PAYMENTS, r->payment_uuid, &id, err) != 0)
		return -1;
	if (id == 0)
		return 0;
	*found = 1;
	return store_payment_by_id(s->st, id, p, err);
}

/* A record about payment p (a void, a verification, a credit note): the
 * payment number it gives (no_) is p's, and its day is not before the
 * day p was recorded (less the clock skew allowed). */
static int
check_about(const char *what, const char *no_, const char *day,
    const struct payment *p, struct pd_err *err)
{
	int32_t d, made;
	char pday[11], dday[11];

	if (no_[0] != '\0' && strcmp(no_, p->payment_no) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s names payment %s, but its payment uuid is payment "
		      "%s's"),
		    what, no_, p->payment_no);
	snprintf(pday, sizeof pday, "%.10s", p->created_at);
	snprintf(dday, sizeof dday, "%.10s", day);
	if (date_parse(dday, NULL, &d, NULL) == 0 &&
	    date_parse(pday, NULL, &made, NULL) == 0 && d < made - SKEW_DAYS)
		return pd_fail(err, PD_EINVAL,
		    _("%s is dated %s, before payment %s was recorded on %s"),
		    what, dday, p->payment_no, pday);
	return 0;
}

/* A credit note's own fields: reason, remarks, dates, number. */
int
sck_note(struct svc *s, const struct sync_sender *from,
    const struct credit_note *cn, struct pd_err *err)
{
	char list[800];
	int32_t c, e;

	if (config_reason(&s->cfg, cn->reason) == NULL) {
		config_join(s->cfg.reasons, s->cfg.nreasons, list, sizeof list);
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s: reason \"%s\" is not one of the "
		      "organisation's (%s)"),
		    cn->cn_no, cn->reason, list);
	}
	if (svc_check_text(
	        _("Remarks"), cn->remarks, s->cfg.remarks_max, 0, err) != 0 ||
	    sck_day(N_("Credit note date"), cn->created_on, err) != 0 ||
	    (cn->created_at[0] != '\0' &&
	        sck_day(N_("Credit note time"), cn->created_at, err) != 0) ||
	    date_parse(cn->expires_on, _("Expiry date"), &e, err) != 0)
		return -1;
	date_parse(cn->created_on, NULL, &c, NULL);
	if (credit_check_expiry(c, e, err) != 0 ||
	    sck_number(N_("Credit note number"), s->cfg.fmt_credit_note,
	        cn->cn_no, from->terminal, from->branch, cn->created_on, err) ||
	    svc_sync_check_ahead(s, from, DOC_SERIES_CREDIT_NOTE,
	        N_("Credit note number"), s->cfg.fmt_credit_note, cn->cn_no,
	        cn->created_on,
	        cn->created_at[0] ? cn->created_at : cn->created_on, err))
		return -1;
	return 0;
}

/* The consumer a credit note names, when it names one, is its
 * payment's. */
static int
check_consumer_of(struct svc *s, const struct syncrec *r,
    const struct payment *p, struct pd_err *err)
{
	int64_t cid;

	if (r->consumer_uuid[0] == '\0')
		return 0;
	if (store_id_of(s->st, TBL_CONSUMERS, r->consumer_uuid, &cid, err))
		return -1;
	if (cid != p->consumer_id)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s names consumer %s; its payment %s is "
		      "another consumer's"),
		    r->cn.cn_no, r->consumer_uuid, p->payment_no);
	return 0;
}

static int
push_credit_note(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	struct payment p;
	int found;

	if (r->cn.automatic)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s: an automatic credit note comes with "
		      "its payment"),
		    r->cn.cn_no);
	if (sck_money(s, N_("Credit amount"), r->cn.amount, 0, err) != 0 ||
	    sck_note(s, f, &r->cn, err) != 0 ||
	    sck_user(s, f, _("created by"), r->cn.created_by, ROLE_SUPERVISOR,
	        _("creating a credit note"), err) != 0 ||
	    named_payment(s, r, &p, &found, err) != 0)
		return -1;
	if (!found) /* the apply says it is unknown */
		return 0;
	if (check_about(_("the credit note"), "", r->cn.created_on, &p, err))
		return -1;
	if (r->cn.receipt_no[0] != '\0' &&
	    strcmp(r->cn.receipt_no, p.receipt_no) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s is linked to receipt %s; its payment's "
		      "receipt is %s"),
		    r->cn.cn_no, r->cn.receipt_no, p.receipt_no);
	if (check_consumer_of(s, r, &p, err) != 0)
		return -1;
	if (p.status != PS_POSTED)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s is %s; credit notes are issued against "
		      "Posted payments only"),
		    p.receipt_no, pay_status_name(p.status));
	return 0;
}

/* A void or a verification (what): by a supervisor (doing), of the
 * payment it names, not dated before it. The apply checks the rest as
 * local voiding and verifying do (svc_void_check, a Pending payment).
 * The payment in *p (*found 0: not known here), the doer's role in
 * *role. */
static int
push_act(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    const char *what, const char *who, const char *doing, struct payment *p,
    int *found, enum role *role, struct pd_err *err)
{
	if (user_role(s, f, who, r->by, ROLE_SUPERVISOR, doing, role, err) !=
	        0 ||
	    named_payment(s, r, p, found, err) != 0)
		return -1;
	if (!*found)
		return sck_since(_("Record time"), r->at, f, err);
	if (check_about(what, r->p.payment_no, r->at, p, err) != 0 ||
	    sck_since(_("Record time"), r->at, f, err) != 0)
		return -1;
	/* to the second: an act is not before the payment it is about (its
	 * day may be, by the clock skew allowed, when the payment is not
	 * of the same terminal) */
	if (strcmp(r->at, p->created_at) < 0 &&
	    strcmp(r->terminal, p->terminal) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s is at %s, before payment %s was recorded at %s"),
		    what, r->at, p->payment_no, p->created_at);
	return 0;
}

/* The shift a void names (shift_uuid, issue 20), as the void names it:
 * the shift open at the drawer of the sending terminal when it was made
 * (its opening received before it, the push sends it first), whoever
 * voided it (a void hands a cash payment's cash back out of the drawer
 * it was made at, whichever shift took the payment), opened at or
 * before the void's time and closed, if it is, at or after it. A void
 * that names none (a terminal of before it, or none open) is read by the
 * shifts' times, as before. payment_no: the payment's, for the
 * message. */
static int
check_void_shift(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, const char *payment_no, struct pd_err *err)
{
	struct shift sh;
	struct pd_err e = {0};

	if (r->shift_uuid[0] == '\0')
		return 0;
	/* (store_shift_find takes a Z number too: none is a uuid) */
	if (store_shift_find(s->st, r->shift_uuid, &sh, &e) != 0 ||
	    strcmp(sh.uuid, r->shift_uuid) != 0) {
		if (e.code != 0 && e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("The void of payment %s: its shift %s is not known here: "
		      "its opening was not received"),
		    payment_no, r->shift_uuid);
	}
	if (strcmp(sh.terminal, f->terminal) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The void of payment %s: its shift %s is terminal %s's, "
		      "not %s's"),
		    payment_no, r->shift_uuid, sh.terminal, f->terminal);
	if (sh.status == SHIFT_CLOSED && (strcmp(r->at, sh.opened_at) < 0 ||
	                                     strcmp(r->at, sh.closed_at) > 0))
		return pd_fail(err, PD_EINVAL,
		    _("The void of payment %s: made at %s, outside its shift "
		      "%s (opened at %s, closed at %s)"),
		    payment_no, r->at, r->shift_uuid, sh.opened_at,
		    sh.closed_at);
	if (strcmp(r->at, sh.opened_at) < 0)
		return pd_fail(err, PD_EINVAL,
		    _("The void of payment %s: made at %s, before its shift %s "
		      "opened (at %s)"),
		    payment_no, r->at, r->shift_uuid, sh.opened_at);
	return 0;
}

/* A void of a payment of another branch than the sending terminal's is
 * an admin's (review R23 fault 5, as svc_void_reach at the terminal,
 * which an older or a modified terminal does not ask): by the user the
 * record names, as this node's users say. Not an uphold's, which comes
 * with its dispute step (push_pair, push_uphold_void): a dispute is
 * worked at any terminal of the organisation, as at a counter
 * (dispute.c). The organisation's own payments (a gateway's, branch
 * "") stay a supervisor's. The terminal undoes a void refused, so or
 * otherwise (sync_round.c refused). */
static int
push_void(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    struct pd_err *err)
{
	struct payment p;
	enum role role = ROLE_CASHIER;
	int found;

	if (svc_check_text(
	        _("Void reason"), r->reason, s->cfg.remarks_max, 1, err) != 0 ||
	    push_act(s, f, r, _("The void"), _("voided by"),
	        _("voiding a payment"), &p, &found, &role, err) != 0 ||
	    check_void_shift(
	        s, f, r, found ? p.payment_no : r->p.payment_no, err) != 0)
		return -1;
	if (!found || s->push_uphold_void || role >= ROLE_ADMIN ||
	    p.branch[0] == '\0' || strcmp(p.branch, f->branch) == 0)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("Payment %s was taken at terminal %s of branch %s; voided by "
	      "%s, a %s, at terminal %s of branch %s: only an admin voids a "
	      "payment of another branch than the voiding terminal's"),
	    p.payment_no, p.terminal, p.branch, r->by, _(role_noun(role)),
	    f->terminal, f->branch);
}

static int
push_verify(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    struct pd_err *err)
{
	struct payment p;
	enum role role;
	int found;

	return push_act(s, f, r, _("The verification"), _("verified by"),
	    _("verifying a payment"), &p, &found, &role, err);
}

/* The item a credit application names: known, under its reference, and
 * of the credit note's consumer (svc_credit_apply's rule). */
static int
check_applied_item(struct svc *s, const struct syncrec *r,
    const struct credit_note *cn, struct pd_err *err)
{
	struct item it;
	struct pd_err e = {0};
	int64_t id = 0;

	if (r->item_uuid[0] != '\0' &&
	    store_id_of(s->st, TBL_ITEMS, r->item_uuid, &id, err) != 0)
		return -1;
	if (id != 0 ? store_item_by_id(s->st, id, &it, &e)
	            : store_item_by_ref(s->st, r->ca.item_ref, &it, &e)) {
		if (e.code == PD_ESTORE) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("The credit application's item %s is not known here"),
		    r->ca.item_ref);
	}
	if (strcmp(it.ref, r->ca.item_ref) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The credit application's item %s is %s here"),
		    r->ca.item_ref, it.ref);
	if (it.consumer_id != cn->consumer_id)
		return pd_fail(err, PD_EINVAL,
		    _("Item %s belongs to another consumer; credit note %s is "
		      "for %s"),
		    it.ref, cn->cn_no, cn->account_no);
	return 0;
}

static int
push_credit_apply(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	struct credit_note cn;
	int64_t id;
	int32_t on, e, c;

	(void)f;
	if (sck_money(s, N_("Amount"), r->ca.amount, 0, err) != 0 ||
	    sck_day(N_("Date applied"), r->ca.applied_on, err) != 0 ||
	    store_id_of(s->st, TBL_CREDIT_NOTES, r->cn_uuid, &id, err) != 0)
		return -1;
	if (id == 0) /* the apply says it is unknown */
		return 0;
	if (store_credit_by_id(s->st, id, &cn, err) != 0)
		return -1;
	if (r->cn.cn_no[0] != '\0' && strcmp(r->cn.cn_no, cn.cn_no) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The credit application names credit note %s, but its "
		      "credit note uuid is %s's"),
		    r->cn.cn_no, cn.cn_no);
	if (check_applied_item(s, r, &cn, err) != 0)
		return -1;
	date_parse(r->ca.applied_on, NULL, &on, NULL);
	date_parse(cn.expires_on, NULL, &e, NULL);
	date_parse(cn.created_on, NULL, &c, NULL);
	if (on < c - SKEW_DAYS)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s was made on %s, after it was applied on "
		      "%s"),
		    cn.cn_no, cn.created_on, r->ca.applied_on);
	if (on > e)
		return pd_fail(err, PD_EINVAL,
		    _("Credit note %s expired on %s, before it was applied on "
		      "%s"),
		    cn.cn_no, cn.expires_on, r->ca.applied_on);
	return 0;
}

static int
push_reference(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	(void)s;
	(void)f;
	return pd_fail(err, PD_EINVAL,
	    _("%s records are reference data, mastered by the central node; a "
	      "terminal cannot send them"),
	    syncrec_kind_name(r->kind));
}

/* An arrangement event: the rules are arrange.c's, next to the use
 * cases that make them. */
static int
push_arrangement(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err)
{
	return svc_arr_check_push(s, from->branch, r, err);
}

/* A gateway association (issue 19): an action of the two, the consumer
 * named for an association and only then, a reason, by a supervisor of
 * the sending terminal's branch. The apply checks the payment. */
static int
push_gw_assoc(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	int assoc = strcmp(r->action, "associate") == 0;

	if (!assoc && strcmp(r->action, "disassociate") != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Field \"action\" must be associate or disassociate, "
		      "not \"%s\""),
		    r->action);
	if (assoc && (r->consumer_uuid[0] == '\0' || r->account_no[0] == '\0'))
		return pd_fail(err, PD_EINVAL,
		    _("An association names the consumer (consumer_uuid and "
		      "account_no)"));
	if (!assoc && r->consumer_uuid[0] != '\0')
		return pd_fail(
		    err, PD_EINVAL, _("A disassociation names no consumer"));
	if (svc_check_text(
	        _("Reason"), r->reason, s->cfg.remarks_max, 1, err) != 0 ||
	    sck_user(s, f, _("By"), r->by, ROLE_SUPERVISOR,
	        assoc ? _("associating a gateway payment")
	              : _("disassociating a gateway payment"),
	        err) != 0)
		return -1;
	return sck_since(_("Record time"), r->at, f, err);
}

/* A step of a payment's dispute (issue 21): by a user of the sending
 * terminal's branch with the recovery role (a supervisor to uphold, as
 * voids and credit notes need), the rest as dispute.c's use cases. */
static int
push_dispute(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	int up = strcmp(r->op, "uphold") == 0;

	if (sck_user(s, f, _("By"), r->by, up ? ROLE_SUPERVISOR : ROLE_RECOVERY,
	        up ? _("upholding a dispute") : _("working a dispute"),
	        err) != 0 ||
	    sck_since(_("Record time"), r->at, f, err) != 0)
		return -1;
	return svc_dispute_check_push(s, f->terminal, f->branch, r, err);
}

/* A step of an organisation's alert (issue 21): by a user of the sending
 * terminal's branch with the recovery role, or a close or raise by
 * "system" (the terminal's pass: its cause ended there; the raise of its
 * pass sent when a later one was pulled, alert_sync.c), the rest
 * alert_check.c's. */
static int
push_alert(struct svc *s, const struct sync_sender *f, const struct syncrec *r,
    struct pd_err *err)
{
	int sys =
	    (strcmp(r->op, "close") == 0 || strcmp(r->op, "raise") == 0) &&
	    strcmp(r->by_user, "system") == 0 && strcmp(r->by, "system") == 0;

	if ((!sys && sck_user(s, f, _("By"), r->by, ROLE_RECOVERY,
	                 _("working an alert"), err) != 0) ||
	    sck_since(_("Record time"), r->at, f, err) != 0)
		return -1;
	return svc_alert_check_push(s, r, err);
}

typedef int (*check_fn)(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err);

/* What a terminal may push, by kind. */
static const check_fn push_rules[SR_KINDS] = {
    [SR_PAYMENT] = sck_push_payment,
    [SR_VOID] = push_void,
    [SR_VERIFY] = push_verify,
    [SR_CREDIT_NOTE] = push_credit_note,
    [SR_CREDIT_APPLY] = push_credit_apply,
    [SR_CONSUMER] = push_reference,
    [SR_ITEM] = push_reference,
    [SR_USER] = push_reference,
    [SR_SETTING] = push_reference,
    [SR_SHIFT_OPEN] = svc_sync_check_shift,
    [SR_SHIFT_MOVE] = svc_sync_check_shift,
    [SR_SHIFT_CLOSE] = svc_sync_check_shift,
    [SR_ARRANGEMENT] = push_arrangement,
    [SR_GW_PAYMENT] = push_reference,
    [SR_GW_ASSOC] = push_gw_assoc,
    [SR_DEPOSIT] = svc_sync_check_deposit,
    [SR_STATEMENT] = svc_sync_check_stmt,
    [SR_STMT_MATCH] = svc_sync_check_stmt,
    [SR_DISPUTE] = push_dispute,
    [SR_ALERT] = push_alert,
    [SR_RECON_RESOLVE] = svc_sync_check_resolution,
};

int
svc_sync_check_push(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err)
{
	if ((unsigned)r->kind >= SR_KINDS)
		return pd_fail(err, PD_EINVAL, _("Unknown record kind"));
	if (strcmp(r->currency, s->cfg.currency_code) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The record is in %s; the organisation's currency is "
		      "%s"),
		    r->currency[0] ? r->currency : "\"\"",
		    s->cfg.currency_code);
	if (strcmp(r->branch, from->branch) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("The record names branch %s; terminal %s is of branch "
		      "%s"),
		    r->branch[0] ? r->branch : "\"\"", from->terminal,
		    from->branch);
	if (sck_day(N_("Record time"), r->at, err) != 0)
		return -1;
	return push_rules[r->kind](s, from, r, err);
}
