/* ledger.c - the ledger's records, each made by one constructor that
 * every use case calls: local posting, void, credit notes and their
 * application, and sync apply on either side. Beside them the rows every
 * use case writes: numbers, the audit entry and the outbox record, and
 * the outgoing sync record of each kind (written to the outbox here, and
 * served from the central node's feed).
 *
 * TO ADD A LEDGER RECORD: its constructor here (what it writes, what it
 * checks, that it runs inside the caller's transaction), its outgoing
 * sync record beside the others, and a unit test in
 * tests/unit/test_service.c that builds one and breaks each invariant.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/numfmt.h"
#include "paydesk/os.h"
#include "paydesk/uuid.h"

int
svc_next_number(struct svc *s, const char *series, const char *fmt,
    const char *date, char *out, size_t n, struct pd_err *err)
{
	char scope[16];
	int64_t seq, top = 1;
	int width = numfmt_seq_width(fmt), i;
	struct numfmt_ctx ctx = {date, s->cfg.terminal_id, s->cfg.branch_id};

	numfmt_scope(fmt, date, scope, sizeof scope);
	if (store_series_next(s->st, series, scope, &seq, err) != 0)
		return -1;
	/* {SEQ:n} past n digits renders a longer number, which another
	 * series could have made: refused (review R18) */
	for (i = 0; i < width; i++)
		top *= 10;
	if (width > 0 && seq >= top)
		return pd_fail(err, PD_EINVAL,
		    _("The number format \"%s\" holds %d digits of sequence "
		      "and this is number %lld: widen {SEQ:%d} in the "
		      "organisation's settings"),
		    fmt, width, (long long)seq, width);
	return numfmt_render(fmt, &ctx, seq, out, n, err);
}

int
svc_audit(struct svc *s, const char *at, const char *action, const char *entity,
    const char *ref, const char *detail, struct pd_err *err)
{
	return store_audit_append(s->st, at,
	    s->actor.user_id ? s->actor.username : "system", s->cfg.terminal_id,
	    action, entity, ref, detail, err);
}

int
svc_outbox(
    struct svc *s, const struct syncrec *r, const char *ref, struct pd_err *err)
{
	char *payload = syncrec_encode(r);
	int rc = store_outbox_insert(s->st, r->uuid, syncrec_kind_name(r->kind),
	    ref, payload, r->at, err);

	free(payload);
	return rc;
}

int
svc_finish(struct svc *s, int rc, struct pd_err *err)
{
	if (rc == 0 && store_commit(s->st, err) == 0)
		return 0;
	store_rollback(s->st);
	return -1;
}

/* ---- the constructors ---- */

int
ledger_credit_note(struct svc *s, const struct payment *p,
    struct credit_note *cn, const char *audit_at, const char *audit_note,
    struct pd_err *err)
{
	int64_t issued;
	int32_t d;
	char exp[DATE_BUFSZ];

	if (store_credit_issued(s->st, p->id, &issued, err) != 0 ||
	    credit_check_amount(cn->amount, p->amount, issued,
	        svc_style(s, &(struct money_style){0}), err) != 0)
		return -1;
	if (date_parse(cn->created_on, _("Credit note date"), &d, err) != 0)
		return -1;
	if (cn->cn_no[0] == '\0' &&
	    svc_next_number(s, "credit_note", s->cfg.fmt_credit_note,
	        cn->created_on, cn->cn_no, sizeof cn->cn_no, err) != 0)
		return -1;
	if (cn->expires_on[0] == '\0')
		xstrlcpy(cn->expires_on,
		    date_format(exp, d + s->cfg.cn_expiry_days),
		    sizeof cn->expires_on);
	cn->consumer_id = p->consumer_id;
	cn->payment_id = p->id;
	xstrlcpy(cn->receipt_no, p->receipt_no, sizeof cn->receipt_no);
	cn->applied = 0;
	cn->voided = 0;
	if (store_credit_insert(s->st, cn, err) != 0)
		return -1;
	if (audit_at == NULL)
		return 0;
	return ledger_credit_audit(s, p, cn, audit_at, audit_note, err);
}

int
ledger_credit_audit(struct svc *s, const struct payment *p,
    const struct credit_note *cn, const char *audit_at, const char *audit_note,
    struct pd_err *err)
{
	char detail[512], m[MONEY_BUFSZ];

	snprintf(detail, sizeof detail, "amount=%s payment=%s reason=%s%s",
	    money_plain(m, sizeof m, cn->amount, s->cfg.minor_digits),
	    p->payment_no, cn->reason, audit_note ? audit_note : "");
	return svc_audit(
	    s, audit_at, "create", "credit_note", cn->cn_no, detail, err);
}

int
ledger_payment(struct svc *s, struct payment *p, struct pd_err *err)
{
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], m3[MONEY_BUFSZ];

	if (p->amount <= 0 || p->amount > MONEY_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s: amount %s is not between %s and %s"),
		    p->payment_no,
		    money_plain(m1, sizeof m1, p->amount, s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, 1, s->cfg.minor_digits),
		    money_plain(m3, sizeof m3, MONEY_MAX, s->cfg.minor_digits));
	if (p->overpaid < 0 || p->overpaid > p->amount)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s: overpaid %s is not between 0 and the "
		      "amount %s"),
		    p->payment_no,
		    money_plain(
		        m1, sizeof m1, p->overpaid, s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, p->amount, s->cfg.minor_digits));
	return store_payment_insert(s->st, p, err);
}

static int
allocate(struct svc *s, int64_t payment_id, struct item *it, int64_t amount,
    int64_t reverses, int64_t due_before, struct allocation *out,
    struct pd_err *err)
{
	struct allocation a;
	int64_t open = it->amount - it->settled;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	/* above zero with reverses: a reversal taken back (a void this
	 * terminal undid, dispute_undo.c) */
	if (amount == 0 || (amount < 0 && reverses == 0))
		return pd_fail(err, PD_EINVAL,
		    _("An allocation to %s must be above zero, or a reversal "
		      "below zero"),
		    it->ref);
	if (amount > open)
		return pd_fail(err, PD_EINVAL,
		    _("An allocation of %s to %s is more than its open %s"),
		    money_plain(m1, sizeof m1, amount, s->cfg.minor_digits),
		    it->ref,
		    money_plain(m2, sizeof m2, open, s->cfg.minor_digits));
	if (-amount > it->settled)
		return pd_fail(err, PD_EINVAL,
		    _("A reversal of %s on %s is more than it settled %s"),
		    money_plain(m1, sizeof m1, -amount, s->cfg.minor_digits),
		    it->ref,
		    money_plain(
		        m2, sizeof m2, it->settled, s->cfg.minor_digits));
	memset(&a, 0, sizeof a);
	a.payment_id = payment_id;
	a.item_id = it->id;
	a.amount = amount;
	a.due_before = due_before > 0 ? due_before : open;
	a.reverses = reverses;
	if (store_allocation_insert(s->st, &a, err) != 0 ||
	    store_item_settle(s->st, it->id, amount, err) != 0)
		return -1;
	it->settled += amount;
	a.item = *it;
	if (out != NULL)
		*out = a;
	return 0;
}

int
ledger_allocate(struct svc *s, int64_t payment_id, struct item *it,
    int64_t amount, int64_t reverses, struct allocation *out,
    struct pd_err *err)
{
	return allocate(s, payment_id, it, amount, reverses, 0, out, err);
}

int
ledger_allocate_due(struct svc *s, int64_t payment_id, struct item *it,
    int64_t amount, int64_t due_before, struct pd_err *err)
{
	return allocate(s, payment_id, it, amount, 0, due_before, NULL, err);
}

int
ledger_credit_apply(struct svc *s, struct credit_note *cn, struct item *it,
    struct credit_application *a, struct pd_err *err)
{
	if (it->consumer_id != cn->consumer_id)
		return pd_fail(err, PD_EINVAL,
		    _("Item %s belongs to another consumer than credit note "
		      "%s"),
		    it->ref, cn->cn_no);
	if (credit_check_apply(a->amount, cn->amount - cn->applied,
	        it->amount - it->settled,
	        svc_style(s, &(struct money_style){0}), err) != 0)
		return -1;
	a->id = 0;
	a->credit_note_id = cn->id;
	a->item_id = it->id;
	xstrlcpy(a->item_ref, it->ref, sizeof a->item_ref);
	if (store_credit_apply_insert(s->st, a, err) != 0 ||
	    store_item_settle(s->st, it->id, a->amount, err) != 0 ||
	    store_credit_add_applied(s->st, cn->id, a->amount, err) != 0)
		return -1;
	it->settled += a->amount;
	cn->applied += a->amount;
	return 0;
}

int
ledger_void(struct svc *s, const struct payment *p, const char *uuid,
    const char *reason, int64_t user_id, const char *by, const char *at,
    const char *terminal, const char *shift_uuid, struct pd_err *err)
{
	struct allocation *al;
	struct item it;
	struct credit_note *cns;
	size_t n, ncn, i;
	int rc = -1;

	cns = store_credits_of_payment(s->st, p->id, &ncn, err);
	if (cns == NULL)
		return -1;
	al = store_allocations_of(s->st, p->id, &n, err);
	if (al == NULL) {
		free(cns);
		return -1;
	}
	for (i = 0; i < n; i++) {
		/* one reversal per item, of what is left of the payment's
		 * allocations to it (a sync may have given part back), by
		 * the item's first row, whatever it is: one the payment was
		 * carried to (its plan refused, arrange_sync.c) has none but
		 * rows that name what they were carried from (helper-254,
		 * fault 1: such a payment's void gave nothing back here,
		 * its installments paid, the store failing doctor) */
		int64_t net = ledger_item_held(al, n, i);

		if (net <= 0)
			continue;
		it = al[i].item;
		if (ledger_allocate(s, p->id, &it, -net, al[i].id, NULL, err) !=
		        0 ||
		    svc_arr_unpaid(s, &it, net, err) != 0)
			goto out;
	}
	for (i = 0; i < ncn; i++)
		if (!cns[i].voided &&
		    (store_credit_set_voided(s->st, cns[i].id, err) != 0 ||
		        svc_audit(s, at, "void", "credit_note", cns[i].cn_no,
		            p->payment_no, err) != 0))
			goto out;
	/* a payment voided here before, the void undone after the central
	 * node refused it (dispute_undo.c), is voided again in that row */
	if ((p->voided_at[0] != '\0'
	            ? store_void_again(s->st, uuid, p->id, reason, user_id, by,
	                  at, terminal, err)
	            : store_void_insert(s->st, uuid, p->id, reason, user_id, by,
	                  at, terminal, err)) != 0 ||
	    store_payment_set_status(s->st, p->id, PS_VOIDED, p->verified,
	        p->verified_at, p->verified_by, err) != 0)
		goto out;
	/* its shift (issue 20), which every node reads before its time */
	if (shift_uuid != NULL && shift_uuid[0] != '\0' &&
	    store_void_shift_add(s->st, p->id, uuid, shift_uuid, err) != 0)
		goto out;
	rc = 0;
out:
	free(al);
	free(cns);
	return rc;
}

int64_t
ledger_item_held(const struct allocation *al, size_t n, size_t i)
{
	int64_t held = 0;
	size_t j;

	for (j = 0; j < i; j++)
		if (al[j].item_id == al[i].item_id)
			return -1;
	for (j = 0; j < n; j++)
		if (al[j].item_id == al[i].item_id)
			held += al[j].amount;
	return held;
}

/* ---- the outgoing sync records ---- */

void
ledger_rec_head(const struct svc *s, struct syncrec *r, enum syncrec_kind kind,
    const char *uuid, const char *terminal, const char *branch, const char *at)
{
	memset(r, 0, sizeof *r);
	ledger_rec_head_set(s, r, kind, uuid, terminal, branch, at);
}

void
ledger_rec_head_set(const struct svc *s, struct syncrec *r,
    enum syncrec_kind kind, const char *uuid, const char *terminal,
    const char *branch, const char *at)
{
	char now[TS_BUFSZ];

	r->kind = kind;
	if (uuid != NULL && *uuid != '\0')
		xstrlcpy(r->uuid, uuid, sizeof r->uuid);
	else
		os_uuid_new(r->uuid);
	xstrlcpy(r->terminal,
	    terminal != NULL && *terminal ? terminal : s->cfg.terminal_id,
	    sizeof r->terminal);
	xstrlcpy(r->branch, branch ? branch : "", sizeof r->branch);
	if (at == NULL || *at == '\0') {
		svc_now(now);
		at = now;
	}
	xstrlcpy(r->at, at, sizeof r->at);
	xstrlcpy(r->currency, s->cfg.currency_code, sizeof r->currency);
}

void
ledger_rec_payment(const struct svc *s, struct syncrec *r,
    const struct payment *p, const struct consumer *c,
    const struct allocation *al, size_t n, const struct credit_note *cn)
{
	size_t i;

	ledger_rec_head(
	    s, r, SR_PAYMENT, p->uuid, p->terminal, p->branch, p->created_at);
	r->p = *p;
	/* the payment as it was recorded: a later void comes as its own
	 * record, after this one */
	if (p->status == PS_VOIDED)
		r->p.status = p->verified ? PS_POSTED : PS_PENDING;
	xstrlcpy(r->consumer_uuid, c->uuid, sizeof r->consumer_uuid);
	xstrlcpy(r->account_no, c->account_no, sizeof r->account_no);
	r->allocs = xcalloc(n + 1, sizeof *r->allocs);
	for (i = 0; i < n; i++)
		if (al[i].reverses == 0 && al[i].amount > 0)
			r->allocs[r->nallocs++] = al[i];
	if (cn != NULL) {
		r->has_cn = 1;
		r->cn = *cn;
		xstrlcpy(r->payment_uuid, p->uuid, sizeof r->payment_uuid);
	}
}

void
ledger_rec_void(const struct svc *s, struct syncrec *r, const struct payment *p,
    const struct void_row *v, const char *branch)
{
	ledger_rec_head(
	    s, r, SR_VOID, v->uuid, v->terminal, branch, v->voided_at);
	xstrlcpy(r->payment_uuid, p->uuid, sizeof r->payment_uuid);
	xstrlcpy(r->p.payment_no, p->payment_no, sizeof r->p.payment_no);
	xstrlcpy(r->reason, v->reason, sizeof r->reason);
	xstrlcpy(r->by, v->voided_by, sizeof r->by);
	xstrlcpy(r->shift_uuid, v->shift_uuid, sizeof r->shift_uuid);
}

void
ledger_rec_verify(const struct svc *s, struct syncrec *r, const char *uuid,
    const struct payment *p, const char *terminal, const char *branch)
{
	ledger_rec_head(
	    s, r, SR_VERIFY, uuid, terminal, branch, p->verified_at);
	xstrlcpy(r->payment_uuid, p->uuid, sizeof r->payment_uuid);
	xstrlcpy(r->p.payment_no, p->payment_no, sizeof r->p.payment_no);
	xstrlcpy(r->by, p->verified_by, sizeof r->by);
}

void
ledger_rec_credit_note(const struct svc *s, struct syncrec *r,
    const struct credit_note *cn, const char *payment_uuid,
    const char *consumer_uuid, const char *branch)
{
	ledger_rec_head(s, r, SR_CREDIT_NOTE, cn->uuid, cn->terminal, branch,
	    cn->created_at);
	r->cn = *cn;
	xstrlcpy(r->payment_uuid, payment_uuid, sizeof r->payment_uuid);
	xstrlcpy(r->consumer_uuid, consumer_uuid, sizeof r->consumer_uuid);
}

void
ledger_rec_credit_apply(const struct svc *s, struct syncrec *r,
    const struct credit_application *a, const struct credit_note *cn,
    const char *item_uuid, const char *branch)
{
	ledger_rec_head(
	    s, r, SR_CREDIT_APPLY, a->uuid, a->terminal, branch, a->created_at);
	r->ca = *a;
	xstrlcpy(r->cn_uuid, cn->uuid, sizeof r->cn_uuid);
	xstrlcpy(r->cn.cn_no, cn->cn_no, sizeof r->cn.cn_no);
	xstrlcpy(r->item_uuid, item_uuid, sizeof r->item_uuid);
}

int
svc_item_insert(struct svc *s, struct item *it, struct pd_err *err)
{
	if (it->entered_on[0] == '\0')
		svc_today(it->entered_on);
	return store_item_insert(s->st, it, err);
}
