/* deposit_build.c - a deposit's lines built from its request (issue 20):
 * each part's shift and tender (or every tender with something left),
 * the cheques of a cheque line or named by number, each within what its
 * shift has left (deposit_left.c), and the slip number not another live
 * deposit's. All that refuses a deposit, in its transaction, writing
 * nothing; deposit.c writes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deposit_int.h"
#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

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

/* Cheque c into b: its line's (shift, method) added to or made. */
static int
take_cheque(
    struct dep_build *b, const struct deposit_cheque *c, struct pd_err *err)
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
has_cheque(const struct dep_build *b, const struct deposit_cheque *c)
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
shift_cheques(struct svc *s, struct dep_build *b, const struct shift *sh,
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
add_line(struct svc *s, struct dep_build *b, const struct shift *sh,
    const struct shift_tender *t, const struct deposit_part *p,
    struct pd_err *err)
{
	char a[MONEY_BUFSZ], l[MONEY_BUFSZ];
	int64_t done, left, amount, avail;

	if (store_deposit_done(s->st, sh->id, t->method, &done, err) != 0 ||
	    svc_dep_available(s, sh, t, &avail, err) != 0)
		return -1;
	left = avail - done -
	       taken_here(b->lines, b->ids, b->n, sh->id, t->method);
	if (p->method != NULL &&
	    taken_here(b->lines, b->ids, b->n, sh->id, t->method) != 0)
		return pd_fail(err, PD_EUSAGE, _("Shift %s: %s is named twice"),
		    sh->z_no, t->method);
	/* a bank takes a cheque whole (review R20), and each is deposited
	 * by its number (issue 20): the cheques not deposited yet */
	if (!svc_dep_is_cash(s, t->method))
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
	xstrlcpy(
	    b->lines[b->n].method, t->method, sizeof b->lines[b->n].method);
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
part_lines(struct svc *s, struct dep_build *b, const struct deposit_part *p,
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
	if ((rc = svc_shift_of_branch(
	         s, &sh, s->cfg.terminal_id, s->cfg.branch_id, of, err)) < 0)
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
	if (p->method != NULL && !svc_dep_depositable(s, p->method))
		return pd_fail(err, PD_EINVAL,
		    _("%s is not deposited: only cash and cheques are"),
		    p->method);
	t = store_shift_tenders(s->st, sh.id, &n, err);
	if (t == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		if (!svc_dep_depositable(s, t[i].method) ||
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
named_cheque(struct svc *s, struct dep_build *b,
    const struct deposit_request *r, size_t i, const char *day,
    struct pd_err *err)
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
	if (!svc_dep_depositable(s, c.method))
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

/* A deposit's lines and cheques built (deposit_int.h). */
int
svc_dep_build_in_tx(struct svc *s, const struct deposit_request *r,
    struct deposit *d, struct dep_build *b, struct pd_err *err)
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
