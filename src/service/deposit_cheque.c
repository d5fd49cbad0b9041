/* deposit_cheque.c - cheques deposited by number (issue 20: the cheques a
 * blind close lists by number and amount go to the bank one, several or
 * all of a shift's at a time, of several shifts in one deposit; one held
 * back, post-dated or refused by the branch, waits for another): a
 * cheque named at this terminal found among the closes' counts; what the
 * central node checks of a deposit record's cheques, and the cheques it
 * writes with the deposit (an older terminal's record, without them,
 * takes all its shifts' cheques left, as before: deposit_cheque_check.c).
 * A cheque is in at most one deposit that is not void; a void gives it
 * back. The deposit's use cases are deposit.c's, its record
 * deposit_sync.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

/* Where cheque c's number (any case) and amount stand among k (nd): nd
 * if nowhere. */
static size_t
cheque_at(
    const struct shift_cheque *k, size_t nd, const struct deposit_cheque *c)
{
	size_t j;

	for (j = 0; j < nd; j++)
		if (k[j].amount == c->amount &&
		    strcasecmp(k[j].ref, c->number) == 0)
			break;
	return j;
}

/* The cheques given back by the voids after the close of payments of
 * shift_id's method taken with no number (issue 20). Such a payment took,
 * by the close's rule (core's shift_cheques_unnumbered, which the close's
 * cheques not matched read), any listed cheque of its amount that no
 * numbered payment took: first one listed with no number (the store gives
 * those back as it gives back its own number's), then one of another
 * number left over by its numbered payments. The voids of an amount give
 * back as many of the latter as they are (less those the cheques listed
 * with no number took), never more than the unnumbered payments took of
 * them, and never one in a live deposit (its cheque is not given back
 * twice: the deposit is taken to hold the cheques that stand, review R20
 * faults 4 and 6). w (nw): shift_id's cheques of method as the store reads
 * them; those given back so get released 2. pool (nw, or NULL): 1 for
 * each cheque a payment with no number may have taken. */
static int
unnumbered_back(struct svc *s, int64_t shift_id, const char *method,
    struct deposit_cheque *w, size_t nw, char *pool, struct pd_err *err)
{
	struct shift_cheque_fate *f;
	struct shift_cheque *k;
	int64_t *before, rem, took;
	size_t nf, nd = 0, i, j, u;

	f = store_shift_cheque_fates(s->st, shift_id, method, &nf, err);
	if (f == NULL)
		return -1;
	/* as the close met them: the taken of each number and amount, then
	 * the listed counted against them */
	k = xcalloc(nf + nw + 1, sizeof *k);
	for (i = 0; i < nf; i++) {
		if (f[i].taken == 0)
			continue;
		xstrlcpy(k[nd].ref, f[i].ref, sizeof k[nd].ref);
		k[nd].amount = f[i].amount;
		k[nd++].n = -f[i].taken;
	}
	for (i = 0; i < nw; i++) {
		j = cheque_at(k, nd, &w[i]);
		if (j == nd) {
			xstrlcpy(k[nd].ref, w[i].number, sizeof k[nd].ref);
			k[nd].amount = w[i].amount;
			k[nd++].n = 0;
		}
		k[j].n++;
	}
	before = xcalloc(nd + 1, sizeof *before);
	for (j = 0; j < nd; j++)
		before[j] = k[j].n;
	shift_cheques_unnumbered(k, nd);
	for (u = 0; u < nf; u++) {
		if (f[u].ref[0] != '\0' || f[u].voided == 0)
			continue;
		rem = f[u].voided;
		for (i = 0; i < nw; i++)
			if (w[i].number[0] == '\0' &&
			    w[i].amount == f[u].amount && w[i].released)
				rem--;
		for (j = 0; j < nd && rem > 0; j++) {
			if (k[j].ref[0] == '\0' || k[j].amount != f[u].amount)
				continue;
			took = before[j] - k[j].n;
			for (i = 0; i < nw && took > 0 && rem > 0; i++)
				if (w[i].amount == k[j].amount &&
				    strcasecmp(w[i].number, k[j].ref) == 0 &&
				    !w[i].in_slip[0] && !w[i].released) {
					w[i].released = 2;
					took--;
					rem--;
				}
		}
	}
	for (i = 0; pool != NULL && i < nw; i++) {
		j = cheque_at(k, nd, &w[i]);
		pool[i] =
		    w[i].number[0] == '\0' || (j < nd && before[j] > k[j].n);
	}
	free(before);
	free(k);
	free(f);
	return 0;
}

/* v (n), cheques as the store reads them, with those given back by
 * unnumbered payments' voids (unnumbered_back) released too: each
 * shift's and method's read whole, as the rule needs all of them. */
static int
given_back_too(
    struct svc *s, struct deposit_cheque *v, size_t n, struct pd_err *err)
{
	struct deposit_cheque *w;
	size_t i, j, l, nw;

	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (v[j].shift_id == v[i].shift_id &&
			    strcmp(v[j].method, v[i].method) == 0)
				break;
		if (j < i) /* read with an earlier one */
			continue;
		w = store_cheques_of_shift(
		    s->st, v[i].shift_id, v[i].method, &nw, err);
		if (w == NULL)
			return -1;
		if (unnumbered_back(
		        s, v[i].shift_id, v[i].method, w, nw, NULL, err) != 0) {
			free(w);
			return -1;
		}
		for (l = 0; l < nw; l++)
			for (j = i; j < n && w[l].released == 2; j++)
				if (v[j].count_id == w[l].count_id)
					v[j].released = 2;
		free(w);
	}
	return 0;
}

struct deposit_cheque *
svc_cheques_of_shift(struct svc *s, int64_t shift_id, const char *method,
    size_t *n, struct pd_err *err)
{
	struct deposit_cheque *v =
	    store_cheques_of_shift(s->st, shift_id, method, n, err);

	if (v != NULL && given_back_too(s, v, *n, err) != 0) {
		free(v);
		return NULL;
	}
	return v;
}

/* The cheques counted of number (any case), given back as
 * svc_cheques_of_shift says; the caller frees. */
static struct deposit_cheque *
cheques_numbered(
    struct svc *s, const char *number, size_t *n, struct pd_err *err)
{
	struct deposit_cheque *v =
	    store_cheques_numbered(s->st, number, n, err);

	if (v != NULL && given_back_too(s, v, *n, err) != 0) {
		free(v);
		return NULL;
	}
	return v;
}

struct deposit_cheque *
svc_dep_cheques_free(struct svc *s, int64_t shift_id, const char *method,
    size_t *n, struct pd_err *err)
{
	struct deposit_cheque *v =
	    svc_cheques_of_shift(s, shift_id, method, n, err);
	size_t i, k = 0;

	if (v == NULL)
		return NULL;
	for (i = 0; i < *n; i++)
		if (v[i].in_slip[0] == '\0' && !v[i].released)
			v[k++] = v[i];
	*n = k;
	return v;
}

/* The cheques of v (n) of this terminal's branch (its own, and those of
 * the branch's other terminals: one bag of the branch, review R20b,
 * fault 10): those of others dropped; 0 left and one of another
 * branch's terminal: refused naming it. */
static int
own_only(struct svc *s, const char *spec, struct deposit_cheque *v, size_t *n,
    struct pd_err *err)
{
	struct shift sh;
	size_t i, k = 0;
	char of[17];
	int rc;

	for (i = 0; i < *n; i++) {
		memset(&sh, 0, sizeof sh);
		xstrlcpy(sh.terminal, v[i].terminal, sizeof sh.terminal);
		/* (a cheque's terminal took its payment: by that) */
		rc = svc_shift_of_branch(s, &sh, s->cfg.terminal_id,
		    s->cfg.branch_id, of, err);
		if (rc < 0)
			return -1;
		if (rc == 1)
			v[k++] = v[i];
	}
	if (k == 0 && *n > 0)
		return pd_fail(err, PD_EINVAL,
		    _("Cheque %s is shift %s's, terminal %s's, not of branch "
		      "%s: its cheques are deposited in that terminal's "
		      "branch"),
		    spec, v[0].z_no, v[0].terminal, s->cfg.branch_id);
	*n = k;
	return 0;
}

/* Of v (*n > 1), those not in a deposit, when there are any: 1 (their
 * count in *n), else 0 (v as it was). */
static int
free_one(struct deposit_cheque *v, size_t *n)
{
	size_t i, k = 0;

	for (i = 0; i < *n; i++)
		k += v[i].in_slip[0] == '\0';
	if (k == 0)
		return 0;
	for (i = 0, k = 0; i < *n; i++)
		if (v[i].in_slip[0] == '\0')
			v[k++] = v[i];
	*n = k;
	return 1;
}

/* Whether cheques a and b are alike: one shift's, method's, number's (in
 * any case) and amount's, so that either is the other's as well. */
static int
alike(const struct deposit_cheque *a, const struct deposit_cheque *b)
{
	return a->shift_id == b->shift_id && a->amount == b->amount &&
	       strcmp(a->method, b->method) == 0 &&
	       strcasecmp(a->number, b->number) == 0;
}

/* The cheques counted of number (any case), or of SHIFT:NUMBER. */
static struct deposit_cheque *
by_number(struct svc *s, const char *spec, size_t *n, struct pd_err *err)
{
	struct deposit_cheque *v = cheques_numbered(s, spec, n, err);
	const char *colon = strchr(spec, ':');
	struct shift sh;
	struct pd_err e = {0};
	char *key;
	size_t i, k = 0;

	if (v == NULL || *n > 0 || colon == NULL)
		return v;
	free(v);
	key = xstrdup(spec);
	key[colon - spec] = '\0';
	if (store_shift_find(s->st, key, &sh, &e) != 0) {
		free(key);
		if (e.code != PD_ENOTFOUND) {
			*err = e;
			return NULL;
		}
		*n = 0;
		return xcalloc(1, sizeof *v);
	}
	free(key);
	v = cheques_numbered(s, colon + 1, n, err);
	if (v == NULL)
		return NULL;
	for (i = 0; i < *n; i++)
		if (v[i].shift_id == sh.id)
			v[k++] = v[i];
	*n = k;
	return v;
}

/* The cheques counted of spec: NUMBER or SHIFT:NUMBER as by_number, and
 * either with :AMOUNT after it (two cheques of one number told apart,
 * review R20 fault 4), the cheques of that amount. The number may be
 * empty: :AMOUNT, SHIFT: or SHIFT::AMOUNT name a cheque the close listed
 * with no number (as shift close --cheque ":AMOUNT" lists it; s72 h11
 * fault 1). */
static struct deposit_cheque *
numbered(struct svc *s, const char *spec, size_t *n, struct pd_err *err)
{
	struct deposit_cheque *v = by_number(s, spec, n, err), *w;
	const char *colon = strrchr(spec, ':');
	struct pd_err e = {0};
	int64_t amount;
	char *key;
	size_t i, k = 0;

	if (v == NULL || *n > 0 || colon == NULL ||
	    svc_money_parse(s, colon + 1, _("Amount"), &amount, &e) != 0)
		return v;
	key = xstrdup(spec);
	key[colon - spec] = '\0';
	w = by_number(s, key, &k, err);
	free(key);
	if (w == NULL) {
		free(v);
		return NULL;
	}
	for (i = 0, *n = 0; i < k; i++)
		if (w[i].amount == amount)
			w[(*n)++] = w[i];
	if (*n == 0) {
		free(w);
		return v;
	}
	free(v);
	return w;
}

/* A cheque's number as said to the reader: "(no number)" for one the
 * close listed with none. */
static const char *
shown(const struct deposit_cheque *c)
{
	return c->number[0] ? c->number : _("(no number)");
}

/* A cheque's name that tells it from others of its number: SHIFT:NUMBER
 * :AMOUNT, the amount as typed at the close. */
static void
full_name(struct svc *s, const struct deposit_cheque *c, char *buf, size_t sz)
{
	char a[MONEY_BUFSZ];

	snprintf(buf, sz, "%s:%s:%s", c->z_no[0] ? c->z_no : c->shift_uuid,
	    c->number, money_plain(a, sizeof a, c->amount, s->cfg.minor_digits));
}

/* Refused: spec names the cheques of v (n > 1 not alike), each listed by
 * the name that tells it from the others. */
static int
ambiguous(struct svc *s, const char *spec, const struct deposit_cheque *v,
    size_t n, struct pd_err *err)
{
	char list[1024], one[160];
	size_t i, j, len = 0;

	/* of two shifts, one cheque each: their shifts tell them apart */
	if (n == 2 && v[0].shift_id != v[1].shift_id)
		return pd_fail(err, PD_EUSAGE,
		    _("Cheque %s was counted in shifts %s and %s: name it "
		      "with its shift, %s:%s"),
		    spec, v[0].z_no, v[1].z_no, v[0].z_no, spec);
	list[0] = '\0';
	for (i = 0; i < n && len + 3 < sizeof list; i++) {
		for (j = 0; j < i && !alike(&v[i], &v[j]); j++)
			;
		if (j < i) /* named once */
			continue;
		full_name(s, &v[i], one, sizeof one);
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    len ? ", " : "", one);
	}
	return pd_fail(err, PD_EUSAGE,
	    _("Cheque %s names %zu cheques not deposited: %s; name one "
	      "as SHIFT:NUMBER:AMOUNT, or NUMBER:AMOUNT when its number and "
	      "amount are the only ones"),
	    spec, n, list);
}

int
svc_dep_cheque_taken(const struct deposit_cheque *c,
    const struct deposit_cheque *taken, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (taken[i].count_id == c->count_id)
			return 1;
	return 0;
}

int
svc_dep_cheque_find(struct svc *s, const char *spec, const char *day,
    const struct deposit_cheque *taken, size_t ntaken,
    struct deposit_cheque *out, struct pd_err *err)
{
	struct deposit_cheque *v;
	char a[MONEY_BUFSZ], open[37];
	size_t n, i, k;
	int rc;

	if (*spec == '\0' ||
	    strlen(spec) >= SHIFT_REF_BUFSZ + SHIFT_NO_BUFSZ + MONEY_BUFSZ)
		return pd_fail(err, PD_EUSAGE,
		    _("Cheque \"%s\": a cheque's number as the close listed "
		      "it, or SHIFT:NUMBER, either with :AMOUNT after it"),
		    spec);
	v = numbered(s, spec, &n, err);
	if (v == NULL)
		return -1;
	if (n == 0) {
		free(v);
		rc = store_cheque_open_shift(
		    s->st, s->cfg.terminal_id, spec, open, err);
		if (rc < 0)
			return -1;
		if (rc == 1)
			return pd_fail(err, PD_EINVAL,
			    _("Cheque %s was taken in shift %s, which is "
			      "open: only a closed shift's cheques are "
			      "deposited"),
			    spec, open);
		return pd_fail(err, PD_ENOTFOUND,
		    _("Cheque %s: no closed shift counted a cheque of that "
		      "number"),
		    spec);
	}
	if (own_only(s, spec, v, &n, err) != 0) {
		free(v);
		return -1;
	}
	/* a cheque given back with its payment's void is not deposited
	 * (review R20, fault 6) */
	for (i = 0, k = 0; i < n; i++)
		if (!v[i].released)
			v[k++] = v[i];
	if (k == 0) {
		rc = pd_fail(err, PD_EINVAL,
		    _("Cheque %s (shift %s, %s) was given back: its payment "
		      "was voided after the close, so it is not deposited"),
		    shown(&v[0]), v[0].z_no,
		    svc_money(s, a, sizeof a, v[0].amount));
		free(v);
		return rc;
	}
	n = k;
	/* those this deposit takes already are not named again */
	for (i = 0, k = 0; i < n; i++)
		if (!svc_dep_cheque_taken(&v[i], taken, ntaken))
			v[k++] = v[i];
	if (k == 0) {
		rc = pd_fail(err, PD_EUSAGE,
		    _("Cheque %s is named twice: shift %s's cheques are "
		      "taken whole, or by number"),
		    spec, v[0].z_no);
		free(v);
		return rc;
	}
	n = k;
	/* of a number two shifts counted, the one not deposited yet is the
	 * one meant; of cheques alike, the first */
	if (n > 1 && free_one(v, &n) && n > 1) {
		for (i = 1; i < n && alike(&v[i], &v[0]); i++)
			;
		if (i < n) {
			rc = ambiguous(s, spec, v, n, err);
			free(v);
			return rc;
		}
	}
	*out = v[0];
	free(v);
	if (out->in_slip[0])
		return pd_fail(err, PD_EINVAL,
		    _("Cheque %s (shift %s, %s) is in deposit %s already "
		      "(%s): void that deposit first, or leave the cheque out"),
		    shown(out), out->z_no,
		    svc_money(s, a, sizeof a, out->amount), out->in_slip,
		    out->in_on);
	if (strncmp(day, out->closed_at, 10) < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Cheque %s: shift %s was closed on %.10s; it cannot be "
		      "deposited on %s, a day before"),
		    shown(out), out->z_no, out->closed_at, day);
	return 0;
}

static int held_in(struct svc *s, int64_t shift_id, const char *method,
    const struct deposit_cheque *w, size_t nw, const char *pool,
    struct cheque_held **held, size_t *n, struct pd_err *err);

/* svc_void_cheque_note of p, voided, taken with no number (issue 20):
 * the cheques its shift's close listed of its amount that a payment
 * with no number took, those given back by such voids named (any of
 * them is the payer's), else one in a deposit. */
static int
unnumbered_note(struct svc *s, const struct payment *p, char *buf, size_t n,
    struct pd_err *err)
{
	struct deposit_cheque *w;
	struct cheque_held *h;
	char a[MONEY_BUFSZ], names[512], *pool;
	size_t nw, nh = 0, i, k, len = 0, held = 0, gone = 0, mine = 0;
	int64_t shift_id;
	int rc;

	rc = store_payment_closed_shift(s->st, p->id, &shift_id, err);
	if (rc <= 0)
		return rc;
	w = store_cheques_of_shift(s->st, shift_id, p->method, &nw, err);
	if (w == NULL)
		return -1;
	/* voided before the close (its cheque not counted: by the shift the
	 * void names, issue 20, else by its time), or none listed */
	rc = nw == 0 ? 0 : store_void_after_close(s->st, p->id, shift_id, err);
	if (rc <= 0) {
		free(w);
		return rc;
	}
	pool = xcalloc(nw + 1, 1);
	h = xcalloc(1, sizeof *h);
	if (unnumbered_back(s, shift_id, p->method, w, nw, pool, err) != 0 ||
	    held_in(s, shift_id, p->method, w, nw, pool, &h, &nh, err) != 0) {
		free(h);
		free(pool);
		free(w);
		return -1;
	}
	/* its cheque is one a deposit holds, by the rule report exceptions
	 * reads, when no cheque was left to give back for it */
	for (k = 0; k < nh && h[k].payment_id != p->id; k++)
		;
	for (i = 0; k < nh && i < nw && !mine; i++)
		if (w[i].dep_cheque_id == h[k].cheque_id)
			mine = i + 1;
	free(h);
	names[0] = '\0';
	for (i = 0; !mine && i < nw; i++) {
		if (!pool[i] || w[i].amount != p->amount)
			continue;
		if ((w[i].released == 2 ||
		        (w[i].released && w[i].number[0] == '\0')) &&
		    len + 3 < sizeof names) {
			len += (size_t)snprintf(names + len, sizeof names - len,
			    "%s%s", gone++ ? ", " : "",
			    w[i].number[0] ? w[i].number : _("(no number)"));
			if (len >= sizeof names)
				len = sizeof names - 1;
		} else if (w[i].in_slip[0] && !held)
			held = i + 1;
	}
	if (mine)
		held = mine;
	svc_money(s, a, sizeof a, p->amount);
	if (gone)
		snprintf(buf, n,
		    _("The payment was taken with no cheque number: a cheque "
		      "of "
		      "%s listed at shift %s's close that no numbered payment "
		      "took is given back with it (%s): it is no longer to "
		      "deposit; the shift's over or short stands, as the "
		      "cheque "
		      "was counted"),
		    a, w[0].z_no, names);
	else if (held)
		snprintf(buf, n,
		    _("The payment was taken with no cheque number: cheque %s "
		      "of %s, listed at shift %s's close and taken by no "
		      "numbered payment, is in deposit %s of %s: the bank "
		      "holds "
		      "a cheque of a void payment"),
		    w[held - 1].number[0] ? w[held - 1].number
		                          : _("(no number)"),
		    a, w[held - 1].z_no, w[held - 1].in_slip,
		    w[held - 1].in_on);
	free(pool);
	free(w);
	return buf[0] != '\0';
}

int
svc_void_cheque_note(struct svc *s, const char *number, char *buf, size_t n,
    struct pd_err *err)
{
	const struct pay_method *m;
	struct deposit_cheque *v;
	struct payment p;
	char a[MONEY_BUFSZ];
	size_t k = 0, i, held = 0, gone = 0;

	buf[0] = '\0';
	if (store_payment_lookup(s->st, number, &p, err) != 0)
		return -1;
	m = config_method(&s->cfg, p.method);
	if (p.status != PS_VOIDED || m == NULL || !m->cheque)
		return 0;
	if (p.reference[0] == '\0')
		return unnumbered_note(s, &p, buf, n, err);
	v = cheques_numbered(s, p.reference, &k, err);
	if (v == NULL)
		return -1;
	/* its shift's: the cashier's terminal's, open when it was taken */
	for (i = 0; i < k; i++) {
		if (strcmp(v[i].method, p.method) != 0 ||
		    v[i].amount != p.amount ||
		    strcmp(v[i].terminal, p.terminal) != 0 ||
		    strcmp(v[i].closed_at, p.created_at) < 0)
			continue;
		if (v[i].released && !gone)
			gone = i + 1;
		else if (v[i].in_slip[0] && !held)
			held = i + 1;
	}
	svc_money(s, a, sizeof a, p.amount);
	if (gone)
		snprintf(buf, n,
		    _("Cheque %s (shift %s, %s) is given back with the "
		      "payment: it is no longer to deposit; the shift's over or "
		      "short stands, as the cheque was counted"),
		    v[gone - 1].number, v[gone - 1].z_no, a);
	else if (held)
		snprintf(buf, n,
		    _("Cheque %s (shift %s, %s) is in deposit %s of %s: the "
		      "bank holds a cheque of a void payment; see report "
		      "exceptions"),
		    v[held - 1].number, v[held - 1].z_no, a,
		    v[held - 1].in_slip, v[held - 1].in_on);
	free(v);
	return buf[0] != '\0';
}

/* The first of w (nw) not used, of amount and, where pool is NULL, of
 * number ref (any case), else in pool: one given back (released) when
 * back, else one in a live deposit; nw if none. */
static size_t
void_cheque(const struct deposit_cheque *w, size_t nw, const char *pool,
    const char *used, const char *ref, int64_t amount, int back)
{
	size_t i;

	for (i = 0; i < nw; i++)
		if (!used[i] && w[i].amount == amount &&
		    (pool != NULL ? pool[i] != 0
		                  : strcasecmp(w[i].number, ref) == 0) &&
		    (back ? w[i].released && !w[i].in_slip[0]
		          : w[i].dep_cheque_id != 0))
			break;
	return i;
}

/* The cheques of shift_id's method in live deposits that are those of
 * payments voided after its close, appended to *held (*n), of w (nw, as
 * store_cheques_of_shift reads them) and pool (unnumbered_back's): each
 * void takes its cheque as the close matched it, one given back first (as
 * the store and unnumbered_back give back those in no deposit), else one
 * a deposit holds. A numbered payment's is a cheque of its number and
 * amount; one taken with no number's, one the close's rule let such a
 * payment take (pool), after the numbered took theirs. */
static int
held_in(struct svc *s, int64_t shift_id, const char *method,
    const struct deposit_cheque *w, size_t nw, const char *pool,
    struct cheque_held **held, size_t *n, struct pd_err *err)
{
	struct shift_cheque_void *pv;
	char *used;
	size_t np, i, k;
	int pass;

	pv = store_shift_cheque_voids(s->st, shift_id, method, &np, err);
	if (pv == NULL)
		return -1;
	used = xcalloc(nw + 1, 1);
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < np; i++) {
			const char *p = pass ? pool : NULL;

			if ((pv[i].ref[0] == '\0') != pass)
				continue;
			k = void_cheque(
			    w, nw, p, used, pv[i].ref, pv[i].amount, 1);
			if (k == nw)
				k = void_cheque(
				    w, nw, p, used, pv[i].ref, pv[i].amount, 0);
			if (k == nw)
				continue;
			used[k] = 1;
			if (!w[k].dep_cheque_id)
				continue;
			*held = xrealloc(*held, *n + 1, sizeof **held);
			(*held)[*n].cheque_id = w[k].dep_cheque_id;
			(*held)[(*n)++].payment_id = pv[i].payment_id;
		}
	free(used);
	free(pv);
	return 0;
}

/* held_in of shift_id's method, its cheques and pool read here. */
static int
held_of_shift(struct svc *s, int64_t shift_id, const char *method,
    struct cheque_held **held, size_t *n, struct pd_err *err)
{
	struct deposit_cheque *w;
	char *pool;
	size_t nw;
	int rc;

	w = store_cheques_of_shift(s->st, shift_id, method, &nw, err);
	if (w == NULL)
		return -1;
	pool = xcalloc(nw + 1, 1);
	rc =
	    unnumbered_back(s, shift_id, method, w, nw, pool, err) != 0 ||
	            held_in(s, shift_id, method, w, nw, pool, held, n, err) != 0
	        ? -1
	        : 0;
	free(pool);
	free(w);
	return rc;
}

struct cheque_held *
svc_cheques_held(struct svc *s, size_t *n, struct pd_err *err)
{
	struct shift_method *v;
	struct cheque_held *held = xcalloc(1, sizeof *held);
	size_t nv, i;

	*n = 0;
	v = store_held_shifts(s->st, &nv, err);
	for (i = 0; v != NULL && i < nv; i++)
		if (held_of_shift(
		        s, v[i].shift_id, v[i].method, &held, n, err) != 0)
			break;
	if (v == NULL || i < nv) {
		free(v);
		free(held);
		return NULL;
	}
	free(v);
	return held;
}

struct deposit_cheque *
svc_deposit_cheques(
    struct svc *s, const struct deposit *dep, size_t *n, struct pd_err *err)
{
	return store_deposit_cheques(s->st, dep->id, n, err);
}
