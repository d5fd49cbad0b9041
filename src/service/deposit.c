/* deposit.c - bank deposits of closed shifts' cash and cheques (issue 20;
 * deposit.h): create and void, each one transaction with its lines,
 * audit entry and outbox record; handed to the bank, shown and listed.
 * A deposit's lines are built by deposit_build.c, what each shift has
 * left to deposit is deposit_left.c's (deposit_int.h). Matching to
 * statements and the exceptions are deposit_match.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deposit_int.h"
#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

static int
create_in_tx(struct svc *s, const struct deposit_request *r, struct deposit *d,
    struct dep_build *b, struct pd_err *err)
{
	struct syncrec rec;
	char detail[256], m[MONEY_BUFSZ];
	size_t i;

	if (svc_dep_build_in_tx(s, r, d, b, err) != 0)
		return -1;
	for (i = 0; i < b->n; i++)
		d->amount += b->lines[i].amount;
	if (store_deposit_insert(s->st, d, s->actor.user_id, err) != 0)
		return -1;
	for (i = 0; i < b->n; i++)
		if (store_deposit_line_insert(s->st, d->id, b->ids[i],
		        b->lines[i].method, b->lines[i].amount, err) != 0)
			return -1;
	if (svc_dep_cheques_write(s, d->id, b->ch, b->nch, err) != 0)
		return -1;
	ledger_rec_head(s, &rec, SR_DEPOSIT, d->uuid, NULL, s->cfg.branch_id,
	    d->created_at);
	xstrlcpy(rec.op, "create", sizeof rec.op);
	rec.dep = *d;
	xstrlcpy(rec.by, d->created_by, sizeof rec.by);
	rec.dlines = b->lines;
	rec.ndlines = b->n;
	rec.dcheques = b->ch;
	rec.ndcheques = b->nch;
	if (svc_outbox(s, &rec, d->slip_no, err) != 0)
		return -1;
	snprintf(detail, sizeof detail,
	    "slip=%s account=%s on=%s amount=%s lines=%zu cheques=%zu",
	    d->slip_no, d->account, d->deposited_on,
	    money_plain(m, sizeof m, d->amount, s->cfg.minor_digits), b->n,
	    b->nch);
	return svc_audit(
	    s, d->created_at, "create", "deposit", d->uuid, detail, err);
}

/* The request's words: account, slip, day (not in the future). */
static int
check_request(struct svc *s, const struct deposit_request *r,
    struct deposit *d, struct pd_err *err)
{
	const char *acct = r->account ? r->account : s->cfg.deposit_account;
	char today[11];
	int32_t day;

	if (*acct == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("Which bank account: give --account ACCOUNT or set "
		      "[deposits] account"));
	if (deposit_word_check(
	        _("Account"), acct, DEPOSIT_ACCOUNT_BUFSZ, err) != 0 ||
	    deposit_word_check(_("Slip number"), r->slip_no ? r->slip_no : "",
	        DEPOSIT_SLIP_BUFSZ, err) != 0)
		return -1;
	if (r->nparts == 0 && r->ncheques == 0)
		return pd_fail(err, PD_EUSAGE,
		    _("Which shifts: name at least one closed shift by its Z "
		      "number, or a cheque with --cheque"));
	svc_today(today);
	if (r->date != NULL && date_parse(r->date, "--date", &day, err) != 0)
		return -1;
	if (r->date != NULL && strcmp(r->date, today) > 0)
		return pd_fail(err, PD_EINVAL,
		    _("The deposit's day, %s, is after today"), r->date);
	memset(d, 0, sizeof *d);
	xstrlcpy(d->account, acct, sizeof d->account);
	xstrlcpy(d->slip_no, r->slip_no, sizeof d->slip_no);
	xstrlcpy(d->deposited_on, r->date ? r->date : today,
	    sizeof d->deposited_on);
	svc_now(d->created_at);
	xstrlcpy(d->created_by, s->actor.username, sizeof d->created_by);
	xstrlcpy(d->terminal, s->cfg.terminal_id, sizeof d->terminal);
	d->status = "prepared";
	return 0;
}

/* What svc_deposit_create checks before its transaction. */
static int
check_first(struct svc *s, const struct deposit_request *r, struct deposit *out,
    struct pd_err *err)
{
	size_t i;

	if (svc_require(s, ROLE_SUPERVISOR, _("Recording a deposit"), err) !=
	        0 ||
	    check_request(s, r, out, err) != 0 || svc_check_sound(s, err) != 0)
		return -1;
	for (i = 0; i < r->nparts; i++)
		if (r->parts[i].method != NULL && r->parts[i].amount <= 0)
			return pd_fail(err, PD_EINVAL,
			    _("Shift %s: the amount of %s must be more than "
			      "zero"),
			    r->parts[i].shift, r->parts[i].method);
	return 0;
}

int
svc_deposit_check(
    struct svc *s, const struct deposit_request *r, struct pd_err *err)
{
	struct dep_build b = {NULL, NULL, 0, NULL, 0};
	struct deposit d;
	int rc;

	if (check_first(s, r, &d, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	rc = svc_dep_build_in_tx(s, r, &d, &b, err);
	store_rollback(s->st);
	free(b.ids);
	free(b.ch);
	free(b.lines);
	return rc;
}

int
svc_deposit_create(struct svc *s, const struct deposit_request *r,
    struct deposit *out, struct deposit_line **lines, size_t *nlines,
    struct pd_err *err)
{
	struct dep_build b = {NULL, NULL, 0, NULL, 0};
	int rc;

	if (lines != NULL)
		*lines = NULL;
	if (check_first(s, r, out, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	rc = svc_finish(s, create_in_tx(s, r, out, &b, err), err);
	free(b.ids);
	free(b.ch);
	if (rc == 0 && lines != NULL) {
		*lines = b.lines;
		*nlines = b.n;
	} else
		free(b.lines);
	return rc;
}

static int
void_in_tx(struct svc *s, const char *key, const char *reason,
    struct deposit *d, struct pd_err *err)
{
	struct syncrec rec;
	char at[TS_BUFSZ];

	if (store_deposit_find(s->st, key, d, err) != 0)
		return -1;
	if (d->voided_at[0])
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is void already (%s, by %s)"), d->slip_no,
		    d->voided_at, d->voided_by);
	/* another terminal's deposit, pulled (reconciliation is fed to
	 * every terminal): the central node takes its void only from the
	 * terminal that made it, so it is refused here at once */
	if (strcmp(d->terminal, s->cfg.terminal_id) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is terminal %s's, not %s's"), d->slip_no,
		    d->terminal, s->cfg.terminal_id);
	if (d->line_id != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is matched to statement line %s:%d: "
		      "unmatch it first (paydesk deposit unmatch)"),
		    d->slip_no, d->line_name, d->line_seq);
	/* a bag handed to the bank is the bank's: what it credits, or
	 * does not, is an exception resolved with a note (paydesk(1),
	 * deposit void), never a void that makes its cash to deposit
	 * again while the bank holds it */
	if (d->handed_at[0])
		return pd_fail(err, PD_EHANDED,
		    _("Deposit %s was handed to the bank (%s, by %s): it "
		      "cannot be voided; what the bank credits otherwise, or "
		      "not at all, is an exception to resolve with a note "
		      "(paydesk reconcile resolve)"),
		    d->slip_no, d->handed_at, d->handed_by);
	svc_now(at);
	if (store_deposit_void(
	        s->st, d->id, at, s->actor.username, reason, err) != 0)
		return -1;
	xstrlcpy(d->voided_at, at, sizeof d->voided_at);
	xstrlcpy(d->voided_by, s->actor.username, sizeof d->voided_by);
	xstrlcpy(d->void_reason, reason, sizeof d->void_reason);
	d->status = "void";
	ledger_rec_head(s, &rec, SR_DEPOSIT, NULL, NULL, s->cfg.branch_id, at);
	xstrlcpy(rec.op, "void", sizeof rec.op);
	rec.dep = *d;
	xstrlcpy(rec.by, s->actor.username, sizeof rec.by);
	xstrlcpy(rec.reason, reason, sizeof rec.reason);
	if (svc_outbox(s, &rec, d->slip_no, err) != 0)
		return -1;
	return svc_audit(s, at, "void", "deposit", d->uuid, reason, err);
}

int
svc_deposit_void(struct svc *s, const char *key, const char *reason,
    struct deposit *out, struct pd_err *err)
{
	if (svc_require(s, ROLE_SUPERVISOR, _("Voiding a deposit"), err) != 0 ||
	    svc_check_text_fits(_("Reason"), reason ? reason : "",
	        DEPOSIT_NOTE_BUFSZ - 1, DEPOSIT_NOTE_BUFSZ, 1, err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s, void_in_tx(s, key, reason, out, err), err);
}

static int
hand_in_tx(
    struct svc *s, const char *key, struct deposit *d, struct pd_err *err)
{
	struct syncrec rec;
	char at[TS_BUFSZ], detail[160];

	if (store_deposit_find(s->st, key, d, err) != 0)
		return -1;
	if (d->voided_at[0])
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is void (%s, by %s): a void deposit is not "
		      "handed to the bank"),
		    d->slip_no, d->voided_at, d->voided_by);
	if (d->handed_at[0])
		return pd_fail(err, PD_EHANDED,
		    _("Deposit %s was handed to the bank already (%s, by %s)"),
		    d->slip_no, d->handed_at, d->handed_by);
	/* the bag is at the terminal that made it, as its void is: the
	 * central node takes its hand from that terminal only */
	if (strcmp(d->terminal, s->cfg.terminal_id) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Deposit %s is terminal %s's, not %s's"), d->slip_no,
		    d->terminal, s->cfg.terminal_id);
	svc_now(at);
	if (store_deposit_hand(s->st, d->id, at, s->actor.username,
	        s->actor.user_id, err) != 0)
		return -1;
	xstrlcpy(d->handed_at, at, sizeof d->handed_at);
	xstrlcpy(d->handed_by, s->actor.username, sizeof d->handed_by);
	d->status = "handed";
	ledger_rec_head(s, &rec, SR_DEPOSIT, NULL, NULL, s->cfg.branch_id, at);
	xstrlcpy(rec.op, "hand", sizeof rec.op);
	rec.dep = *d;
	xstrlcpy(rec.by, s->actor.username, sizeof rec.by);
	if (svc_outbox(s, &rec, d->slip_no, err) != 0)
		return -1;
	snprintf(detail, sizeof detail, "slip=%s account=%s on=%s", d->slip_no,
	    d->account, d->deposited_on);
	return svc_audit(s, at, "hand", "deposit", d->uuid, detail, err);
}

int
svc_deposit_hand(
    struct svc *s, const char *key, struct deposit *out, struct pd_err *err)
{
	if (svc_require(s, ROLE_SUPERVISOR, _("Handing a deposit to the bank"),
	        err) != 0 ||
	    svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s, hand_in_tx(s, key, out, err), err);
}

int
svc_deposit_show(struct svc *s, const char *key, struct deposit *out,
    struct deposit_line **lines, size_t *nlines, struct pd_err *err)
{
	if (svc_require(s, ROLE_SUPERVISOR, _("Viewing a deposit"), err) != 0 ||
	    store_deposit_find(s->st, key, out, err) != 0)
		return -1;
	*lines = store_deposit_lines(s->st, out->id, nlines, err);
	return *lines != NULL ? 0 : -1;
}

struct past_match *
svc_deposit_past_matches(
    struct svc *s, const struct deposit *dep, size_t *n, struct pd_err *err)
{
	return store_past_matches(s->st, 0, dep->id, n, err);
}

struct deposit *
svc_deposit_list(struct svc *s, size_t *n, struct pd_err *err)
{
	struct row_scope sc;

	if (svc_require(s, ROLE_SUPERVISOR, _("Listing deposits"), err) != 0)
		return NULL;
	/* the deposits made at the scope's terminals (issue 23) */
	svc_row_scope(s, NULL, &sc);
	return store_deposit_list(s->st, &sc, n, err);
}
