/* deposit_left.c - what closed shifts have left to deposit (issue 20):
 * the methods deposited (cash and cheques), what a shift's tender leaves
 * to bank (cash counted less the float kept, with the safe's movements;
 * cheques counted less those given back), and the list of what is to
 * deposit, a row per tender with something left and per cheque. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deposit_int.h"
#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

/* Whether method's takings are deposited (deposit_int.h). */
int
svc_dep_depositable(const struct svc *s, const char *method)
{
	const struct pay_method *m = config_method(&s->cfg, method);

	return m != NULL && (m->kind == METHOD_CASH ||
	                        (m->kind == METHOD_BANK && m->cheque));
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

/* What closed shift sh leaves to deposit of tender t (deposit_int.h). */
int
svc_dep_available(struct svc *s, const struct shift *sh,
    const struct shift_tender *t, int64_t *out, struct pd_err *err)
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

/* Whether method is the shift's cash (deposit_int.h). */
int
svc_dep_is_cash(struct svc *s, const char *method)
{
	const struct pay_method *cash = svc_shift_cash(s);

	return cash != NULL && strcmp(cash->name, method) == 0;
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
		if (!svc_dep_depositable(a->s, t[i].method))
			continue;
		if (store_deposit_done(
		        a->s->st, sh->id, t[i].method, &done, a->err) != 0 ||
		    svc_dep_available(a->s, sh, &t[i], &avail, a->err) != 0) {
			a->failed = 1;
			break;
		}
		if (avail - done <= 0)
			continue;
		/* a cheque method's: each cheque not deposited (issue 20),
		 * one listed with no number too, in place of the tender's
		 * row (s72 h8 fault 2: its row came on top of theirs) */
		rows = a->n;
		if (!svc_dep_is_cash(a->s, t[i].method) &&
		    pending_cheques(a, sh, &t[i]) != 0)
			break;
		if (!svc_dep_is_cash(a->s, t[i].method) && a->n > rows)
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

	if (svc_require(
	        s, ROLE_SUPERVISOR, _("Listing what is to deposit"), err) != 0)
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
