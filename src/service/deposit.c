/* deposit.c - bank deposits of closed shifts' cash and cheques (issue 20;
 * deposit.h): create and void, each one transaction with its lines,
 * audit entry and outbox record; what each shift has left to deposit.
 * Matching to statements and the exceptions are deposit_match.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

/* Whether method's takings are deposited: cash, and cheques (card
 * slips are settled by the card processor). */
static int
depositable(const struct svc *s, const char *method)
{
	const struct pay_method *m = config_method(&s->cfg, method);

	return m != NULL &&
	       (m->kind == METHOD_CASH || (m->kind == METHOD_BANK && m->cheque));
}

int
svc_shift_safe_net(
    struct svc *s, int64_t shift_id, int64_t *sum, struct pd_err *err)
{
	struct shift_movement *m;
	size_t n, i;

	*sum = 0;
	m = store_shift_moves(s->st, shift_id, &n, err);
	if (m == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (m[i].kind == SHIFT_SAFE_DROP)
			*sum += m[i].amount;
		else if (m[i].kind == SHIFT_PAY_IN)
			*sum -= m[i].amount;
	free(m);
	return 0;
}

/* Cheques of tender t of closed shift sh given back with their
 * payments' voids after the close (review R20, fault 6) taken off *out:
 * not to deposit. */
static int
given_back(struct svc *s, const struct shift *sh, const struct shift_tender *t,
    int64_t *out, struct pd_err *err)
{
	struct deposit_cheque *v;
	size_t n, i;

	v = svc_cheques_of_shift(s, sh->id, t->method, &n, err);
	if (v == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (v[i].released)
			*out -= v[i].amount;
	free(v);
	return 0;
}

/* What closed shift sh leaves to deposit of tender t in all: cash
 * counted less the float kept, plus the cash its safe drops took to the
 * safe to be banked (review R20), less the cash its pay-ins brought
 * from the safe (review R20c: counted in the drawer, not to bank twice),
 * never below 0; cheques counted, less those given back. -1 on error. */
static int
available(struct svc *s, const struct shift *sh, const struct shift_tender *t,
    int64_t *out, struct pd_err *err)
{
	const struct pay_method *cash = svc_shift_cash(s);
	int64_t safe;

	*out = t->counted;
	if (cash == NULL || strcmp(cash->name, t->method) != 0)
		return given_back(s, sh, t, out, err);
	if (svc_shift_safe_net(s, sh->id, &safe, err) != 0)
		return -1;
	*out = t->counted - sh->float_kept + safe;
	if (*out < 0)
		*out = 0;
	return 0;
}

/* Lines of the request so far of shift_id and method. */
static int64_t
taken_here(const struct deposit_line *l, const int64_t *ids, size_t n,
    int64_t shift_id, const char *method)
{
	int64_t sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (ids[i] == shift_id && strcmp(l[i].method, method) == 0)
			sum += l[i].amount;
	return sum;
}

/* Whether method is the shift's cash (else a cheque method). */
static int
is_cash(struct svc *s, const char *method)
{
	const struct pay_method *cash = svc_shift_cash(s);

	return cash != NULL && strcmp(cash->name, method) == 0;
}

struct build {
	struct deposit_line *lines;
	int64_t *ids; /* each line's shift id */
	size_t n;
	struct deposit_cheque *ch; /* the cheques its cheque lines take */
	size_t nch;
};

/* Cheque c into b: its line's (shift, method) added to or made. */
static int
take_cheque(struct build *b, const struct deposit_cheque *c, struct pd_err *err)
{
	size_t i;

	if (b->nch == DEPOSIT_CHEQUES_MAX)
		return pd_fail(err, PD_EUSAGE,
		    _("A deposit takes at most %d cheques"),
		    DEPOSIT_CHEQUES_MAX);
	b->ch = xrealloc(b->ch, b->nch + 1, sizeof *b->ch);
	b->ch[b->nch++] = *c;
	for (i = 0; i < b->n; i++)
		if (b->ids[i] == c->shift_id &&
		    strcmp(b->lines[i].method, c->method) == 0) {
			b->lines[i].amount += c->amount;
			return 0;
		}
	if (b->n == DEPOSIT_LINES_MAX)
		return pd_fail(err, PD_EUSAGE,
		    _("A deposit takes at most %d lines"), DEPOSIT_LINES_MAX);
	b->lines = xrealloc(b->lines, b->n + 1, sizeof *b->lines);
	b->ids = xrealloc(b->ids, b->n + 1, sizeof *b->ids);
	memset(&b->lines[b->n], 0, sizeof *b->lines);
	xstrlcpy(b->lines[b->n].shift_uuid, c->shift_uuid,
	    sizeof b->lines[b->n].shift_uuid);
	xstrlcpy(b->lines[b->n].z_no, c->z_no, sizeof b->lines[b->n].z_no);
	xstrlcpy(
	    b->lines[b->n].method, c->method, sizeof b->lines[b->n].method);
	b->lines[b->n].amount = c->amount;
	b->ids[b->n++] = c->shift_id;
	return 0;
}

/* Whether b takes cheque c already. */
static int
has_cheque(const struct build *b, const struct deposit_cheque *c)
{
	size_t i;

	for (i = 0; i < b->nch; i++)
		if (b->ch[i].count_id == c->count_id)
			return 1;
	return 0;
}

/* A shift's cheques of tender t not deposited and not in b yet, all of
 * them (p names the shift alone, or t's method with their total), each
 * on the deposit by number. */
static int
shift_cheques(struct svc *s, struct build *b, const struct shift *sh,
    const struct shift_tender *t, const struct deposit_part *p, int64_t left,
    struct pd_err *err)
{
	struct deposit_cheque *v;
	char a[MONEY_BUFSZ], l[MONEY_BUFSZ];
	int64_t sum = 0;
	size_t n, i, k = 0;
	int rc = 0;

	v = svc_dep_cheques_free(s, sh->id, t->method, &n, err);
	if (v == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (!has_cheque(b, &v[i])) {
			v[k++] = v[i];
			sum += v[i].amount;
		}
	if (p->method != NULL && k > 0 && p->amount != sum)
		rc = pd_fail(err, PD_EINVAL,
		    _("Shift %s: cheques are deposited by number: %s has %s "
		      "left in %zu cheques, not %s (name the shift alone for "
		      "all of them, or each cheque with --cheque)"),
		    sh->z_no, t->method, svc_money(s, l, sizeof l, sum), k,
		    svc_money(s, a, sizeof a, p->amount));
	else if (p->method != NULL && (k == 0 || sum > left))
		rc = pd_fail(err, PD_EINVAL,
		    _("Shift %s: %s has %s left to deposit; %s is more"),
		    sh->z_no, t->method,
		    svc_money(s, l, sizeof l, left < 0 ? 0 : left),
		    svc_money(s, a, sizeof a, p->amount));
	else if (sum > left)
		rc = pd_fail(err, PD_EINVAL,
		    _("Shift %s: %s has %s left to deposit; %s is more"),
		    sh->z_no, t->method,
		    svc_money(s, l, sizeof l, left < 0 ? 0 : left),
		    svc_money(s, a, sizeof a, sum));
	for (i = 0; i < k && rc == 0; i++)
		rc = take_cheque(b, &v[i], err);
	free(v);
	return rc;
}

static int
add_line(struct svc *s, struct build *b, const struct shift *sh,
    const struct shift_tender *t, const struct deposit_part *p,
    struct pd_err *err)
{
	char a[MONEY_BUFSZ], l[MONEY_BUFSZ];
	int64_t done, left, amount, avail;

	if (store_deposit_done(s->st, sh->id, t->method, &done, err) != 0 ||
	    available(s, sh, t, &avail, err) != 0)
		return -1;
	left = avail - done -
	       taken_here(b->lines, b->ids, b->n, sh->id, t->method);
	if (p->method != NULL && taken_here(b->lines, b->ids, b->n, sh->id,
	                             t->method) != 0)
		return pd_fail(err, PD_EUSAGE,
		    _("Shift %s: %s is named twice"), sh->z_no, t->method);
	/* a bank takes a cheque whole (review R20), and each is deposited
	 * by its number (issue 20): the cheques not deposited yet */
	if (!is_cash(s, t->method))
		return shift_cheques(s, b, sh, t, p, left, err);
	if (p->method == NULL && left <= 0)
		return 0;
	amount = p->method == NULL ? left : p->amount;
	if (amount > left || left <= 0)
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s: %s has %s left to deposit; %s is more"),
		    sh->z_no, t->method,
		    svc_money(s, l, sizeof l, left < 0 ? 0 : left),
		    svc_money(s, a, sizeof a, amount));
	if (b->n == DEPOSIT_LINES_MAX)
		return pd_fail(err, PD_EUSAGE,
		    _("A deposit takes at most %d lines"), DEPOSIT_LINES_MAX);
	b->lines = xrealloc(b->lines, b->n + 1, sizeof *b->lines);
	b->ids = xrealloc(b->ids, b->n + 1, sizeof *b->ids);
	memset(&b->lines[b->n], 0, sizeof *b->lines);
	xstrlcpy(b->lines[b->n].shift_uuid, sh->uuid,
	    sizeof b->lines[b->n].shift_uuid);
	xstrlcpy(b->lines[b->n].z_no, sh->z_no, sizeof b->lines[b->n].z_no);
	xstrlcpy(b->lines[b->n].method, t->method,
	    sizeof b->lines[b->n].method);
	b->lines[b->n].amount = amount;
	b->ids[b->n++] = sh->id;
	return 0;
}

int
svc_shift_of_branch(struct svc *s, const struct shift *sh, const char *here,
    const char *branch, char of[17], struct pd_err *err)
{
	of[0] = '\0';
	if (here != NULL && strcmp(sh->terminal, here) == 0) {
		xstrlcpy(of, branch, 17);
		return 1;
	}
	if (store_terminal_branch(
	        s->st, sh->terminal, sh->cashier_id, of, 17, err) != 0)
		return -1;
	return of[0] != '\0' && strcmp(of, branch) == 0;
}

/* The lines of one part: every tender of its shift with something left,
 * or the one tender it names. */
static int
part_lines(struct svc *s, struct build *b, const struct deposit_part *p,
    const char *day, struct pd_err *err)
{
	struct shift_tender *t;
	struct shift sh;
	size_t n, i, before = b->n;
	int rc = 0, named = 0;
	char of[17];

	if (store_shift_find(s->st, p->shift, &sh, err) != 0)
		return -1;
	/* another terminal's shift (fed from the central node) is of the
	 * branch's one bag when that terminal is of this branch (review
	 * R20b, fault 10: a supervisor gathers the branch's drawers into
	 * one deposit); two terminals depositing it offline: the central
	 * node keeps the deposit it receives first (what each shift has
	 * left, deposit_sync.c), the other is undone at its terminal */
	if ((rc = svc_shift_of_branch(s, &sh, s->cfg.terminal_id,
	         s->cfg.branch_id, of, err)) < 0)
		return -1;
	if (rc == 0 && of[0] != '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s is terminal %s's, of branch %s: its cash is "
		      "deposited in that branch, not in %s"),
		    sh.z_no[0] ? sh.z_no : sh.uuid, sh.terminal, of,
		    s->cfg.branch_id);
	if (rc == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s is terminal %s's, whose branch is not known "
		      "here: its cash is deposited at that terminal"),
		    sh.z_no[0] ? sh.z_no : sh.uuid, sh.terminal);
	rc = 0;
	if (sh.status != SHIFT_CLOSED)
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s is open: only a closed shift's cash is "
		      "deposited"),
		    sh.uuid);
	/* cash counted at a close is handed to the bank that day or after:
	 * a day before it would move the deposit rule's window back */
	if (strncmp(day, sh.closed_at, 10) < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s was closed on %.10s: its cash cannot be "
		      "deposited on %s, a day before"),
		    sh.z_no, sh.closed_at, day);
	if (p->method != NULL && !depositable(s, p->method))
		return pd_fail(err, PD_EINVAL,
		    _("%s is not deposited: only cash and cheques are"),
		    p->method);
	t = store_shift_tenders(s->st, sh.id, &n, err);
	if (t == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		if (!depositable(s, t[i].method) ||
		    (p->method != NULL && strcmp(p->method, t[i].method) != 0))
			continue;
		named = 1;
		rc = add_line(s, b, &sh, &t[i], p, err);
	}
	free(t);
	if (rc == 0 && p->method != NULL && !named)
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s counted no %s at its close"), sh.z_no,
		    p->method);
	if (rc == 0 && b->n == before)
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s has nothing left to deposit"), sh.z_no);
	return rc;
}

/* Cheque i of r, named by number: found, not named twice, within what
 * its shift has left of its method (a part deposited by an older
 * terminal counts). */
static int
named_cheque(struct svc *s, struct build *b, const struct deposit_request *r,
    size_t i, const char *day, struct pd_err *err)
{
	struct deposit_cheque c;
	struct shift_tender *t;
	char a[MONEY_BUFSZ], l[MONEY_BUFSZ];
	int64_t done, counted = 0, left;
	size_t n, j;

	/* (one named twice: refused unless another alike is left) */
	if (svc_dep_cheque_find(
	        s, r->cheques[i], day, b->ch, b->nch, &c, err) != 0)
		return -1;
	t = store_shift_tenders(s->st, c.shift_id, &n, err);
	if (t == NULL)
		return -1;
	for (j = 0; j < n; j++)
		if (strcmp(t[j].method, c.method) == 0)
			counted = t[j].counted;
	free(t);
	if (!depositable(s, c.method))
		return pd_fail(err, PD_EINVAL,
		    _("%s is not deposited: only cash and cheques are"),
		    c.method);
	if (store_deposit_done(s->st, c.shift_id, c.method, &done, err) != 0)
		return -1;
	left = counted - done -
	       taken_here(b->lines, b->ids, b->n, c.shift_id, c.method);
	if (c.amount > left)
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s: %s has %s left to deposit; %s is more"),
		    c.z_no, c.method,
		    svc_money(s, l, sizeof l, left < 0 ? 0 : left),
		    svc_money(s, a, sizeof a, c.amount));
	return take_cheque(b, &c, err);
}

/* The deposit's lines and cheques built into b, each checked as the
 * deposit takes it, and its slip not another live deposit's: all that
 * refuses a deposit, writing nothing (create_in_tx, svc_deposit_check). */
static int
build_in_tx(struct svc *s, const struct deposit_request *r, struct deposit *d,
    struct build *b, struct pd_err *err)
{
	struct deposit used;
	size_t i;
	int rc;

	for (i = 0; i < r->nparts; i++)
		if (part_lines(s, b, &r->parts[i], d->deposited_on, err) != 0)
			return -1;
	for (i = 0; i < r->ncheques; i++)
		if (named_cheque(s, b, r, i, d->deposited_on, err) != 0)
			return -1;
	rc = store_deposit_slip_used(s->st, d->slip_no, &used, err);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return pd_fail(err, PD_EINVAL,
		    _("Slip %s is deposit %s's already (slip %s, %s, %s, "
		      "terminal %s, by %s): a bank takes a slip or bag number "
		      "once, whatever the day; void that deposit first or give "
		      "another slip number"),
		    d->slip_no, used.uuid, used.slip_no, used.account,
		    used.deposited_on, used.terminal, used.created_by);
	return 0;
}

static int
create_in_tx(struct svc *s, const struct deposit_request *r, struct deposit *d,
    struct build *b, struct pd_err *err)
{
	struct syncrec rec;
	char detail[256], m[MONEY_BUFSZ];
	size_t i;

	if (build_in_tx(s, r, d, b, err) != 0)
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
	struct build b = {NULL, NULL, 0, NULL, 0};
	struct deposit d;
	int rc;

	if (check_first(s, r, &d, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	rc = build_in_tx(s, r, &d, &b, err);
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
	struct build b = {NULL, NULL, 0, NULL, 0};
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

struct pending_arg {
	struct svc *s;
	struct deposit_pending *v;
	size_t n;
	struct pd_err *err;
	int failed;
};

/* A row of shift sh's at the end of a->v, its age in days as of today. */
static struct deposit_pending *
pending_row(struct pending_arg *a, const struct shift *sh)
{
	struct deposit_pending *p;
	char today[11], closed[11];

	a->v = xrealloc(a->v, a->n + 1, sizeof *a->v);
	p = &a->v[a->n++];
	memset(p, 0, sizeof *p);
	xstrlcpy(p->shift_uuid, sh->uuid, sizeof p->shift_uuid);
	xstrlcpy(p->z_no, sh->z_no, sizeof p->z_no);
	xstrlcpy(p->closed_at, sh->closed_at, sizeof p->closed_at);
	xstrlcpy(p->cashier, sh->cashier, sizeof p->cashier);
	svc_today(today);
	xstrlcpy(closed, sh->closed_at, sizeof closed);
	p->age = (date_ts_secs(today) - date_ts_secs(closed)) / 86400;
	if (p->age < 0)
		p->age = 0;
	return p;
}

/* Each cheque of tender t of sh not deposited, a row. */
static int
pending_cheques(
    struct pending_arg *a, const struct shift *sh, const struct shift_tender *t)
{
	struct deposit_cheque *v;
	struct deposit_pending *p;
	size_t n, i;

	v = svc_dep_cheques_free(a->s, sh->id, t->method, &n, a->err);
	if (v == NULL) {
		a->failed = 1;
		return -1;
	}
	for (i = 0; i < n; i++) {
		p = pending_row(a, sh);
		xstrlcpy(p->method, t->method, sizeof p->method);
		xstrlcpy(p->cheque, v[i].number, sizeof p->cheque);
		p->is_cheque = 1;
		p->available = p->left = v[i].amount;
	}
	free(v);
	return 0;
}

static int
pending_one(const struct shift *sh, void *arg)
{
	struct pending_arg *a = arg;
	struct shift_tender *t;
	struct deposit_pending *p;
	int64_t done, avail;
	size_t n, i, first, rows;
	char of[17];
	int rc;

	if (sh->status != SHIFT_CLOSED)
		return 0;
	/* the branch's drawers, this terminal's and the others' pulled
	 * (fault 12): a supervisor deposits the branch's closed shifts */
	rc = svc_shift_of_branch(
	    a->s, sh, a->s->cfg.terminal_id, a->s->cfg.branch_id, of, a->err);
	if (rc < 0) {
		a->failed = 1;
		return 1;
	}
	if (rc == 0)
		return 0;
	t = store_shift_tenders(a->s->st, sh->id, &n, a->err);
	if (t == NULL) {
		a->failed = 1;
		return 1;
	}
	first = a->n;
	for (i = 0; i < n; i++) {
		if (!depositable(a->s, t[i].method))
			continue;
		if (store_deposit_done(
		        a->s->st, sh->id, t[i].method, &done, a->err) != 0 ||
		    available(a->s, sh, &t[i], &avail, a->err) != 0) {
			a->failed = 1;
			break;
		}
		if (avail - done <= 0)
			continue;
		/* a cheque method's: each cheque not deposited (issue 20),
		 * one listed with no number too, in place of the tender's
		 * row (s72 h8 fault 2: its row came on top of theirs) */
		rows = a->n;
		if (!is_cash(a->s, t[i].method) &&
		    pending_cheques(a, sh, &t[i]) != 0)
			break;
		if (!is_cash(a->s, t[i].method) && a->n > rows)
			continue;
		p = pending_row(a, sh);
		xstrlcpy(p->method, t[i].method, sizeof p->method);
		p->available = avail;
		p->deposited = done;
		p->left = p->available - done;
	}
	free(t);
	/* the store gives the newest shift first: its lines go before the
	 * others', in the order of its tenders */
	if (a->n > first && first > 0) {
		size_t k = a->n - first;
		struct deposit_pending *blk = xcalloc(k, sizeof *blk);

		memcpy(blk, a->v + first, k * sizeof *blk);
		memmove(a->v + k, a->v, first * sizeof *blk);
		memcpy(a->v, blk, k * sizeof *blk);
		free(blk);
	}
	return a->failed;
}

struct deposit_pending *
svc_deposit_pending(struct svc *s, size_t *n, struct pd_err *err)
{
	struct shift_query q = {0};
	struct pending_arg a = {s, NULL, 0, err, 0};

	if (svc_require(s, ROLE_SUPERVISOR, _("Listing what is to deposit"),
	        err) != 0)
		return NULL;
	/* every drawer's shift, kept to the branch's by pending_one */
	if (store_shift_each(s->st, &q, pending_one, &a, err) != 0 ||
	    a.failed) {
		free(a.v);
		return NULL;
	}
	*n = a.n;
	return a.v != NULL ? a.v : xcalloc(1, sizeof *a.v);
}
