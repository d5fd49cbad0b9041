/* recon_central.c - the reconciliation as the central node sees it
 * (issue 20: "the central node and the back office see every drawer of
 * the organisation"; paydesk-central statements, exceptions and
 * reconciliation): the statements its terminals imported with their
 * lines' matches, the exceptions left open, and each bank account by
 * day, the same figures a terminal holding the same records reads
 * (recon_exc.c). The central node runs on SQLite or PostgreSQL: the
 * terminal's exceptions query is SQLite's own (temporary tables, join
 * hints, the store's SQL functions), so the exceptions are put together
 * here from rows both engines read alike (store/recon_central.c), kind
 * by kind as that query makes them, and ordered as it orders them; the
 * deposits' cheques whose payments were voided since are found as a
 * terminal finds them (svc_cheques_held), and its days expect each such
 * deposit less those cheques (s73 fault 1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/xmalloc.h"

/* ---- statements ---- */

/* f's account is one deposits or statements name: 0, or -1 with
 * PD_EUSAGE (as svc_recon_days says it). */
static int
account_known(
    struct svc *s, const struct central_recon_filter *f, struct pd_err *err)
{
	if (f->account == NULL)
		return 0;
	return svc_recon_account_check(s, f->account, err);
}

static void
lines_free(struct statement_line *v, size_t n)
{
	struct statement_view w = {0};

	w.lines = v;
	w.nlines = n;
	svc_statement_view_free(&w);
}

/* Whether statement st's period meets from..to (an unknown end meets
 * any). */
static int
period_meets(const struct statement *st, const char *from, const char *to)
{
	if (from != NULL && st->period_to[0] && strcmp(st->period_to, from) < 0)
		return 0;
	if (to != NULL && st->period_from[0] && strcmp(st->period_from, to) > 0)
		return 0;
	return 1;
}

struct central_stmt_row *
svc_central_statements(struct svc *s, const struct central_recon_filter *f,
    size_t *n, struct pd_err *err)
{
	struct statement *v;
	struct statement_line *l;
	struct central_stmt_row *out;
	size_t nv, nl, i, j;

	*n = 0;
	if (account_known(s, f, err) != 0)
		return NULL;
	v = store_stmt_list(s->st, &nv, err);
	if (v == NULL)
		return NULL;
	out = xcalloc(nv + 1, sizeof *out);
	for (i = 0; i < nv; i++) {
		if ((f->account != NULL && strcmp(v[i].account, f->account)) ||
		    (f->terminal != NULL &&
		        strcmp(v[i].terminal, f->terminal)) ||
		    !period_meets(&v[i], f->from, f->to))
			continue;
		/* each line's word as statement show reads it */
		l = store_stmt_lines(s->st, v[i].id, &nl, err);
		if (l == NULL ||
		    store_stmt_lines_recon(s->st, v[i].id, l, nl, err) != 0) {
			if (l != NULL)
				lines_free(l, nl);
			free(v);
			free(out);
			return NULL;
		}
		out[*n].st = v[i];
		for (j = 0; j < nl; j++) {
			out[*n].matched +=
			    strcmp(l[j].status, STMT_LINE_MATCHED) == 0 ||
			    strcmp(l[j].status, STMT_LINE_DIFFERS) == 0;
			out[*n].unmatched +=
			    strcmp(l[j].status, STMT_LINE_UNMATCHED) == 0;
		}
		lines_free(l, nl);
		(*n)++;
	}
	free(v);
	return out;
}

int
svc_central_statement_show(struct svc *s, const char *name,
    struct statement_view *v, struct pd_err *err)
{
	struct statement *all;
	char want[STMT_NAME_BUFSZ];
	int64_t id = 0;
	size_t n, i;
	char *end;

	memset(v, 0, sizeof *v);
	/* a name in any case, 0 and 1 for O and I or L (stmt_name_read);
	 * or this node's own number */
	if (!stmt_name_read(name, strlen(name), want)) {
		want[0] = '\0';
		id = strtoll(name, &end, 10);
		if (*name == '\0' || *end != '\0' || id <= 0)
			return pd_fail(err, PD_EUSAGE,
			    _("Statement \"%s\": not a statement's name (such "
			      "as K7QM2X4B) or number"),
			    name);
	}
	all = store_stmt_list(s->st, &n, err);
	if (all == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (want[0] ? strcmp(all[i].name, want) == 0 : all[i].id == id)
			break;
	if (i == n) {
		free(all);
		return pd_fail(
		    err, PD_ENOTFOUND, _("No statement %s here"), name);
	}
	v->st = all[i];
	free(all);
	v->lines = store_stmt_lines(s->st, v->st.id, &v->nlines, err);
	if (v->lines == NULL)
		return -1;
	v->st.ndup = 0;
	for (i = 0; i < v->nlines; i++)
		v->st.ndup += v->lines[i].dup_of != 0;
	if (store_stmt_lines_recon(s->st, v->st.id, v->lines, v->nlines, err) !=
	    0) {
		svc_statement_view_free(v);
		return -1;
	}
	v->past = store_past_matches(s->st, v->st.id, 0, &v->npast, err);
	if (v->past == NULL) {
		svc_statement_view_free(v);
		return -1;
	}
	return 0;
}

/* ---- exceptions ---- */

struct slip_row {
	char account[64], slip[80];
	int64_t amount;
};

struct exc_build {
	struct svc *s;
	int32_t today;
	struct central_exception *v;
	size_t n, cap;
	struct slip_row *slips;
	size_t nslips, capslips;
	/* the match whose payments are being read (CENTRAL_MATCH_PAYMENT) */
	int64_t match;
	struct central_row head;
	char (*voided)[80];
	size_t nvoided, capvoided;
	char last_uuid[37];
	int64_t posted;
	char first_day[11];
	/* the resolutions: kind (stored word) and target of each */
	struct central_row *res;
	size_t nres, capres;
};

/* Days from day (YYYY-MM-DD) to today, or 0 when day is none. */
static int64_t
days_to(const struct exc_build *b, const char *day)
{
	int32_t d;

	if (date_parse(day, NULL, &d, NULL) != 0)
		return 0;
	return (int64_t)b->today - d;
}

/* A line's name as people read it, NAME:SEQ, of row r. */
static void
line_ref(const struct central_row *r, char *out, size_t size)
{
	char name[STMT_NAME_BUFSZ];

	stmt_name(r->account, r->stmt_key, name);
	snprintf(out, size, "%s:%d", name, r->seq);
}

static struct central_exception *
add(struct exc_build *b, const struct central_row *r)
{
	struct central_exception *x;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->v = xrealloc(b->v, b->cap, sizeof *b->v);
	}
	x = &b->v[b->n++];
	memset(x, 0, sizeof *x);
	x->e.kind = (enum recon_kind)r->kind;
	xstrlcpy(x->e.on, r->on, sizeof x->e.on);
	xstrlcpy(x->e.ref, r->ref, sizeof x->e.ref);
	xstrlcpy(x->e.detail, r->detail, sizeof x->e.detail);
	x->e.expected = r->expected;
	x->e.actual = r->actual;
	x->e.difference = r->actual - r->expected;
	xstrlcpy(x->e.target, r->target, sizeof x->e.target);
	xstrlcpy(x->e.rday, r->rday, sizeof x->e.rday);
	xstrlcpy(x->account, r->account, sizeof x->account);
	xstrlcpy(x->terminal, r->terminal, sizeof x->terminal);
	return x;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* The match being read ended: its exception, amount_differs (recon.c's
 * credit matched to payments of which one was voided since). */
static void
match_done(struct exc_build *b)
{
	struct central_row r;
	char detail[80] = "";
	size_t i, k;

	if (b->match == 0)
		return;
	r = b->head;
	r.text = "";
	line_ref(&b->head, r.ref, sizeof r.ref);
	qsort(b->voided, b->nvoided, sizeof *b->voided, cmp_str);
	for (i = 0; i < b->nvoided; i++) {
		k = strlen(detail);
		snprintf(detail + k, sizeof detail - k, "%s%s", i ? " " : "",
		    b->voided[i]);
	}
	xstrlcpy(r.detail, detail, sizeof r.detail);
	r.expected = b->posted;
	r.actual = b->head.actual;
	snprintf(r.target, sizeof r.target, "void:%zu:%s %s", b->nvoided,
	    b->last_uuid, b->head.target);
	xstrlcpy(r.on, b->head.rday, sizeof r.on); /* the credit's day */
	xstrlcpy(r.rday, b->first_day[0] ? b->first_day : b->head.rday,
	    sizeof r.rday);
	add(b, &r);
	b->match = 0;
	b->nvoided = 0;
}

static int
one_row(const struct central_row *r, void *arg)
{
	struct exc_build *b = arg;
	struct central_row x;
	struct slip_row *sl;
	size_t i;
	int twice = 0;

	switch (r->type) {
	case CENTRAL_NOT_CREDITED:
		/* overdue: more than [deposits] overdue_days old */
		if (days_to(b, r->on) > b->s->cfg.overdue_days)
			add(b, r);
		return 0;
	case CENTRAL_SLIP:
		if (b->nslips == b->capslips) {
			b->capslips = b->capslips ? 2 * b->capslips : 64;
			b->slips =
			    xrealloc(b->slips, b->capslips, sizeof *b->slips);
		}
		sl = &b->slips[b->nslips++];
		xstrlcpy(sl->account, r->account, sizeof sl->account);
		xstrlcpy(sl->slip, r->text, sizeof sl->slip);
		sl->amount = r->expected;
		return 0;
	case CENTRAL_FREE_CREDIT:
		/* a second credit of each matched deposit of its account
		 * whose slip it holds (matched_twice), else one nobody
		 * expected unless the bank took it back */
		x = *r;
		line_ref(r, x.ref, sizeof x.ref);
		for (i = 0; i < b->nslips; i++) {
			if (strcmp(b->slips[i].account, r->account) != 0 ||
			    !deposit_ref_has(r->text, b->slips[i].slip))
				continue;
			twice = 1;
			x.kind = RECON_TWICE;
			xstrlcpy(x.detail, b->slips[i].slip, sizeof x.detail);
			x.expected = b->slips[i].amount;
			add(b, &x);
		}
		if (!twice && !r->flag)
			add(b, &x);
		return 0;
	case CENTRAL_DEPOSIT_MATCH:
		if (r->expected == r->actual)
			return 0;
		x = *r;
		line_ref(r, x.detail, sizeof x.detail);
		add(b, &x);
		return 0;
	case CENTRAL_RESOLVED:
		if (b->nres == b->capres) {
			b->capres = b->capres ? 2 * b->capres : 32;
			b->res = xrealloc(b->res, b->capres, sizeof *b->res);
		}
		b->res[b->nres] = *r;
		b->res[b->nres++].text = NULL;
		return 0;
	case CENTRAL_MATCH_PAYMENT:
		if (r->id != b->match) {
			match_done(b);
			b->match = r->id;
			b->head = *r;
			b->posted = 0;
			b->last_uuid[0] = '\0';
			b->first_day[0] = '\0';
		}
		if (r->flag) {
			if (b->nvoided == b->capvoided) {
				b->capvoided =
				    b->capvoided ? 2 * b->capvoided : 8;
				b->voided = xrealloc(
				    b->voided, b->capvoided, sizeof *b->voided);
			}
			xstrlcpy(b->voided[b->nvoided++], r->detail,
			    sizeof *b->voided);
			if (strcmp(r->text, b->last_uuid) > 0)
				xstrlcpy(
				    b->last_uuid, r->text, sizeof b->last_uuid);
		} else
			b->posted += r->expected;
		if (r->on[0] &&
		    (!b->first_day[0] || strcmp(r->on, b->first_day) < 0))
			xstrlcpy(b->first_day, r->on, sizeof b->first_day);
		return 0;
	default:
		add(b, r);
		return 0;
	}
}

/* The rows of the live deposits' cheques whose payments were voided
 * after their shifts' close (CENTRAL_HELD_CHEQUE), by the close's rule as
 * a terminal reads them (svc_cheques_held), each given to cb. */
static int
held_rows(struct svc *s, central_row_cb cb, void *arg, struct pd_err *err)
{
	struct cheque_held *held;
	size_t nheld;
	int rc;

	held = svc_cheques_held(s, &nheld, err);
	if (held == NULL)
		return -1;
	rc = store_central_held_rows(s->st, held, nheld, cb, arg, err);
	free(held);
	return rc;
}

/* recon.c's order: by day, kind, reference, detail, target. */
static int
exc_order(const void *pa, const void *pb)
{
	const struct recon_exception *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->on, b->on)) != 0)
		return c;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if ((c = strcmp(a->ref, b->ref)) != 0)
		return c;
	if ((c = strcmp(a->detail, b->detail)) != 0)
		return c;
	return strcmp(a->target, b->target);
}

/* Every open exception, ordered and keyed; *n of them. */
static struct central_exception *
exceptions_all(struct svc *s, size_t *n, struct pd_err *err)
{
	static const enum central_row_type order[] = {CENTRAL_NOT_CREDITED,
	    CENTRAL_SLIP, CENTRAL_FREE_CREDIT, CENTRAL_DEPOSIT_MATCH,
	    CENTRAL_MATCH_PAYMENT, CENTRAL_OVER_SHORT, CENTRAL_FLOAT,
	    CENTRAL_RESOLVED};
	struct exc_build b;
	struct recon_exception *e;
	char today[11];
	size_t i, j, k;
	int rc = 0;

	memset(&b, 0, sizeof b);
	b.s = s;
	svc_today(today);
	if (date_parse(today, NULL, &b.today, err) != 0)
		return NULL;
	for (i = 0; i < sizeof order / sizeof order[0] && rc == 0; i++) {
		rc = store_central_exc_rows(
		    s->st, order[i], s->cfg.over_short_above, one_row, &b, err);
		if (order[i] == CENTRAL_MATCH_PAYMENT)
			match_done(&b);
	}
	/* a deposit holding a voided payment's cheque (recon.c) */
	if (rc == 0)
		rc = held_rows(s, one_row, &b, err);
	free(b.slips);
	free(b.voided);
	if (rc != 0) {
		free(b.res);
		free(b.v);
		return NULL;
	}
	/* those resolved by hand are left out */
	for (i = k = 0; i < b.n; i++) {
		for (j = 0; j < b.nres; j++)
			if (strcmp(b.res[j].ref,
			        recon_kind_name(b.v[i].e.kind)) == 0 &&
			    strcmp(b.res[j].target, b.v[i].e.target) == 0)
				break;
		if (j == b.nres)
			b.v[k++] = b.v[i];
	}
	free(b.res);
	b.n = k;
	/* their age and key, in the terminal's order */
	e = xcalloc(b.n + 1, sizeof *e);
	for (i = 0; i < b.n; i++) {
		int64_t age = days_to(&b, b.v[i].e.on);

		b.v[i].e.age = age > 0 ? age : 0;
		recon_key(&b.v[i].e, b.v[i].e.key, sizeof b.v[i].e.key);
	}
	/* the exceptions ordered with their account and terminal */
	qsort(b.v, b.n, sizeof *b.v, exc_order);
	for (i = 0; i < b.n; i++)
		e[i] = b.v[i].e;
	recon_keys_apart(e, b.n);
	for (i = 0; i < b.n; i++)
		xstrlcpy(b.v[i].e.key, e[i].key, sizeof b.v[i].e.key);
	free(e);
	*n = b.n;
	if (b.v == NULL)
		b.v = xcalloc(1, sizeof *b.v);
	return b.v;
}

struct central_exception *
svc_central_exceptions(struct svc *s, const struct central_recon_filter *f,
    size_t *n, struct pd_err *err)
{
	struct central_exception *v;
	size_t i, k, all;

	*n = 0;
	if (account_known(s, f, err) != 0)
		return NULL;
	v = exceptions_all(s, &all, err);
	if (v == NULL)
		return NULL;
	for (i = k = 0; i < all; i++) {
		if ((f->account != NULL && strcmp(v[i].account, f->account)) ||
		    (f->terminal != NULL &&
		        strcmp(v[i].terminal, f->terminal)) ||
		    (f->from != NULL && strcmp(v[i].e.on, f->from) < 0) ||
		    (f->to != NULL && strcmp(v[i].e.on, f->to) > 0))
			continue;
		v[k++] = v[i];
	}
	*n = k;
	return v;
}

/* ---- the reconciliation by day ---- */

struct held_set {
	struct central_row *v;
	size_t n;
};

static int
held_one(const struct central_row *r, void *arg)
{
	struct held_set *h = arg;

	h->v = xrealloc(h->v, h->n + 1, sizeof *h->v);
	h->v[h->n] = *r;
	h->v[h->n++].text = NULL;
	return 0;
}

/* Days d (nd) of account expect what the ledger backs, as a terminal's
 * (store_recon_days with its held cheques): a deposit handed to the bank
 * less its cheques of payments voided since (h). */
static void
held_less(const struct held_set *h, const char *account, struct recon_day *d,
    size_t nd)
{
	size_t i, j;

	for (i = 0; i < h->n; i++) {
		if (!h->v[i].flag || strcmp(h->v[i].account, account) != 0)
			continue;
		for (j = 0; j < nd; j++)
			if (strcmp(d[j].day, h->v[i].rday) == 0) {
				/* actual less expected: the cheque */
				d[j].expected -=
				    h->v[i].actual - h->v[i].expected;
				d[j].difference = d[j].credited - d[j].expected;
			}
	}
}

struct central_recon_day *
svc_central_recon(struct svc *s, const struct central_recon_filter *f,
    size_t *n, struct pd_err *err)
{
	struct recon_account *acc;
	struct central_exception *v;
	struct central_recon_day *out = NULL;
	struct recon_day *d;
	struct held_set held = {0};
	char today[11];
	const char *from = f->from != NULL ? f->from : "", *to = f->to;
	size_t nacc, nv, nd, i, j, k, cap = 0;

	*n = 0;
	svc_today(today);
	if (to == NULL)
		to = today;
	if (strcmp(from, to) > 0) {
		pd_fail(
		    err, PD_EINVAL, _("--from %s is after --to %s"), from, to);
		return NULL;
	}
	if (f->account != NULL) {
		if (account_known(s, f, err) != 0)
			return NULL;
		nacc = 1;
		acc = xcalloc(1, sizeof *acc);
		xstrlcpy(acc->account, f->account, sizeof acc->account);
	} else if ((acc = store_recon_accounts(s->st, &nacc, err)) == NULL)
		return NULL;
	v = exceptions_all(s, &nv, err);
	if (v == NULL || held_rows(s, held_one, &held, err) != 0) {
		free(held.v);
		free(v);
		free(acc);
		return NULL;
	}
	for (i = 0; i < nacc; i++) {
		d = store_recon_days(
		    s->st, acc[i].account, from, to, NULL, 0, &nd, err);
		if (d == NULL) {
			free(out);
			out = NULL;
			break;
		}
		held_less(&held, acc[i].account, d, nd);
		for (j = 0; j < nd; j++) {
			/* the exceptions of the account shown on that day */
			for (k = 0; k < nv; k++)
				d[j].exceptions +=
				    strcmp(v[k].e.rday, d[j].day) == 0 &&
				    strcmp(v[k].account, acc[i].account) == 0;
			if (*n == cap) {
				cap = cap ? 2 * cap : 32;
				out = xrealloc(out, cap, sizeof *out);
			}
			xstrlcpy(out[*n].account, acc[i].account,
			    sizeof out[*n].account);
			out[(*n)++].d = d[j];
		}
		free(d);
	}
	free(held.v);
	free(v);
	free(acc);
	if (out == NULL && i == nacc)
		out = xcalloc(1, sizeof *out);
	return out;
}
