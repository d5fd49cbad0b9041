/* recon_exc.c - the reconciliation's exceptions and days (issue 20,
 * "Reconciliation"; deposit.h): the exceptions left open by the matching
 * (deposit_match.c), each with its age and a key a supervisor names it
 * by, resolved with a note (audited, a sync record), and the figures of
 * each bank account and day (expected, credited, difference, exceptions
 * open) for the reconciliation screen and report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/os.h"
#include "paydesk/xmalloc.h"

/* The characters of a shift's id that name an open shift in the
 * exceptions (review R20b, fault 11): its first 13, "01a236a4-bf4f",
 * within the Reference column's 14; the whole id where another listed
 * shift's begins alike. */
#define SHIFT_REF_SHORT 13

/* Whether ref is a shift's id (an open shift's over_short names it so,
 * having no Z number yet). */
static int
is_shift_id(const char *ref)
{
	return strlen(ref) == 36 && ref[8] == '-' && ref[13] == '-' &&
	       ref[18] == '-' && ref[23] == '-';
}

/* The open shifts' over_short of v (n) named by their id cut to
 * SHIFT_REF_SHORT, as the text listing and the Exceptions screen show
 * it whole (the reference was its 36 characters, cut to 14 with "~",
 * which reconcile resolve refused: review R20b, fault 11); their keys
 * again. An id whose beginning another listed one shares stays whole. */
static void
short_refs(struct recon_exception *v, size_t n)
{
	size_t i, j;
	int shared;

	for (i = 0; i < n; i++) {
		if (v[i].kind != RECON_OVER_SHORT || !is_shift_id(v[i].ref))
			continue;
		shared = 0;
		for (j = 0; j < n && !shared; j++)
			shared =
			    j != i && v[j].kind == RECON_OVER_SHORT &&
			    is_shift_id(v[j].ref) &&
			    strncmp(v[j].ref, v[i].ref, SHIFT_REF_SHORT) == 0 &&
			    strcmp(v[j].ref, v[i].ref) != 0;
		if (shared)
			continue;
		v[i].ref[SHIFT_REF_SHORT] = '\0';
		recon_key(&v[i], v[i].key, sizeof v[i].key);
	}
}

struct recon_exception *
svc_recon_exc(struct svc *s, const char *today, int min_age, size_t *n,
    struct pd_err *err)
{
	struct cheque_held *held;
	struct recon_exception *v;
	size_t nheld;

	held = svc_cheques_held(s, &nheld, err);
	if (held == NULL)
		return NULL;
	v = store_recon_exceptions_aged(s->st, today, s->cfg.overdue_days,
	    s->cfg.over_short_above, min_age, held, nheld, n, err);
	free(held);
	return v;
}

/* The open exceptions as listed (short_refs), their keys told apart
 * (recon_keys_apart). */
static struct recon_exception *
exceptions_listed(struct svc *s, size_t *n, struct pd_err *err)
{
	struct recon_exception *v;
	char today[11];

	svc_today(today);
	v = svc_recon_exc(s, today, 0, n, err);
	if (v != NULL) {
		short_refs(v, *n);
		recon_keys_apart(v, *n);
	}
	return v;
}

struct recon_exception *
svc_recon_exceptions(struct svc *s, size_t *n, struct pd_err *err)
{
	if (svc_require(s, ROLE_SUPERVISOR, _("Listing the exceptions"), err) !=
	    0)
		return NULL;
	return exceptions_listed(s, n, err);
}

/* Whether key names e as name does (a key of e's): name itself, or its
 * kind in the organisation's language, without regard to ASCII case. */
static int
key_is(const char *key, const struct recon_exception *e, const char *name)
{
	const char *kind = recon_kind_name(e->kind);
	const char *rest = strchr(name, ':');
	const char *krest = strchr(key, ':');
	size_t n;

	if (strcasecmp(key, name) == 0)
		return 1;
	if (rest == NULL || krest == NULL)
		return 0;
	n = (size_t)(krest - key);
	return strlen(_(kind)) == n && strncasecmp(key, _(kind), n) == 0 &&
	       strcasecmp(krest, rest) == 0;
}

/* Whether key names e: its key as listed or its long key
 * (KIND:REFERENCE:DETAIL, recon_key_long), its kind in English or in the
 * organisation's language, without regard to ASCII case. */
static int
key_names(const char *key, const struct recon_exception *e)
{
	char whole[RECON_KEY_BUFSZ];
	const char *slash;

	if (key_is(key, e, e->key))
		return 1;
	recon_key_long(e, whole, sizeof whole);
	if (key_is(key, e, whole))
		return 1;
	/* an open shift's by its whole id too (as --csv listed it before
	 * short_refs): KIND:UUID:TENDER of its target UUID/TENDER */
	slash = strchr(e->target, '/');
	if (e->kind != RECON_OVER_SHORT || slash == NULL)
		return 0;
	snprintf(whole, sizeof whole, "%s:%.*s:%s", recon_kind_name(e->kind),
	    (int)(slash - e->target), e->target, slash + 1);
	return key_is(key, e, whole);
}

/* Whether key names e, an exception resolved: as key_names, or by its
 * key and a detail after it (KIND:REFERENCE:DETAIL, a resolution keeping
 * no detail: the long key its exception had while open). */
static int
key_names_resolved(const char *key, const struct recon_exception *e)
{
	char head[RECON_KEY_BUFSZ];
	const char *p;

	if (key_names(key, e))
		return 1;
	for (p = strchr(key, ':'); p != NULL; p = strchr(p + 1, ':')) {
		if ((size_t)(p - key) >= sizeof head)
			break;
		memcpy(head, key, (size_t)(p - key));
		head[p - key] = '\0';
		if (key_is(head, e, e->key))
			return 1;
	}
	return 0;
}

/* The exceptions of v (n) that key names by their short key (recon_key)
 * but no longer by the key listed, told apart from another's
 * (recon_keys_apart): their keys as listed into out, ", " between;
 * how many. */
static size_t
keys_shared(const char *key, const struct recon_exception *v, size_t n,
    char *out, size_t size)
{
	char name[RECON_KEY_BUFSZ];
	size_t i, k = 0, len;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		recon_key(&v[i], name, sizeof name);
		if (!key_is(key, &v[i], name))
			continue;
		len = strlen(out);
		snprintf(
		    out + len, size - len, "%s%s", k++ ? ", " : "", v[i].key);
	}
	return k;
}

static int
resolve_in_tx(struct svc *s, const char *key, const char *note,
    struct recon_resolution *out, struct pd_err *err)
{
	struct recon_exception *v;
	struct recon_resolution *done, prev;
	char detail[320], lkey[RECON_KEY_BUFSZ], names[1024];
	size_t n, i;
	int found = -1, rc;

	v = exceptions_listed(s, &n, err);
	if (v == NULL)
		return -1;
	for (i = 0; i < n && found < 0; i++)
		if (key_names(key, &v[i]))
			found = (int)i;
	/* a line named otherwise than as listed (its name in another case,
	 * #N, an old number where one is taken): the key as listed */
	if (found < 0 &&
	    (rc = svc_line_key(s, key, lkey, sizeof lkey, err)) != 1) {
		if (rc < 0) {
			free(v);
			return -1;
		}
		key = lkey;
		for (i = 0; i < n && found < 0; i++)
			if (key_names(key, &v[i]))
				found = (int)i;
	}
	/* a key two listed exceptions shared, each named apart now */
	if (found < 0 && keys_shared(key, v, n, names, sizeof names) > 1) {
		free(v);
		return pd_fail(err, PD_EUSAGE,
		    _("Exception %s names several open exceptions: name one "
		      "by its detail too, as KIND:REFERENCE:DETAIL: %s"),
		    key, names);
	}
	memset(out, 0, sizeof *out);
	if (found >= 0)
		out->e = v[found];
	free(v);
	if (found < 0) {
		done = store_recon_resolutions(s->st, &n, err);
		if (done == NULL)
			return -1;
		for (i = 0; i < n && found < 0; i++)
			if (key_names_resolved(key, &done[i].e))
				found = (int)i;
		if (found >= 0)
			pd_fail(err, PD_EINVAL,
			    _("Exception %s was resolved already, by %s at "
			      "%s: %s"),
			    key, done[found].by, done[found].at,
			    done[found].note);
		else
			pd_fail(err, PD_ENOTFOUND,
			    _("No open exception %s: give KIND:REFERENCE as "
			      "report exceptions lists them; an over_short "
			      "names its tender too: over_short:Z "
			      "NUMBER:TENDER "
			      "(over_short:Z-T01-000002:Cash), or an open "
			      "shift's float over_short:SHIFT:Opening float"),
			    key);
		free(done);
		return -1;
	}
	os_uuid_new(out->uuid);
	xstrlcpy(out->note, note, sizeof out->note);
	svc_now(out->at);
	xstrlcpy(out->by, s->actor.username, sizeof out->by);
	xstrlcpy(out->terminal, s->cfg.terminal_id, sizeof out->terminal);
	/* open again after the central node refused this terminal's
	 * resolution of it (undone, recon_sync.c): in that one's row */
	rc = store_recon_resolution(
	    s->st, recon_kind_name(out->e.kind), out->e.target, &prev, err);
	if (rc < 0 ||
	    (rc == 0 ? store_recon_replace(s->st, out, s->actor.user_id, err)
	             : store_recon_resolve(
	                   s->st, out, s->actor.user_id, err)) != 0 ||
	    svc_resolution_outbox(s, out, err) != 0)
		return -1;
	snprintf(
	    detail, sizeof detail, "key=%.100s note=%.180s", out->e.key, note);
	if (svc_audit(s, out->at, "resolve", "exception", out->uuid, detail,
	        err) != 0)
		return -1;
	/* its alert, if one was raised, closed now */
	return svc_alert_recon_resolved(s, &out->e, out->at, err);
}

int
svc_recon_check_note(const char *note, struct pd_err *err)
{
	return svc_check_text_fits(_("Note"), note ? note : "",
	    DEPOSIT_NOTE_BUFSZ - 1, DEPOSIT_NOTE_BUFSZ, 1, err);
}

int
svc_recon_resolve(struct svc *s, const char *key, const char *note,
    struct recon_resolution *out, struct pd_err *err)
{
	if (svc_require(s, ROLE_SUPERVISOR, _("Resolving exceptions"), err) !=
	        0 ||
	    svc_recon_check_note(note, err) != 0)
		return -1;
	if (key == NULL || strchr(key, ':') == NULL || key[0] == ':')
		return pd_fail(err, PD_EUSAGE,
		    _("Exception \"%s\": give KIND:REFERENCE as report "
		      "exceptions lists them; an over_short names its tender "
		      "too: over_short:Z NUMBER:TENDER "
		      "(over_short:Z-T01-000002:Cash), or an open shift's "
		      "float over_short:SHIFT:Opening float"),
		    key ? key : "");
	if (svc_check_sound(s, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	return svc_finish(s, resolve_in_tx(s, key, note, out, err), err);
}

struct recon_resolution *
svc_recon_resolved(struct svc *s, size_t *n, struct pd_err *err)
{
	if (svc_require(s, ROLE_SUPERVISOR, _("Listing the exceptions"), err) !=
	    0)
		return NULL;
	return store_recon_resolutions(s->st, n, err);
}

/* Whether exception e is of account: a deposit's, or a line's. */
static int
exc_of(struct svc *s, const struct recon_exception *e, const char *account)
{
	const char *t = e->target;
	size_t n = strlen(account);
	struct deposit d;
	struct pd_err err;
	char uuid[sizeof d.uuid];

	switch (e->kind) {
	case RECON_NOT_CREDITED:
		return strcmp(e->detail, account) == 0;
	case RECON_DIFFERS:
		t = strchr(t, ' ');
		if (t == NULL)
			return 0;
		t++;
		/* a deposit holding a voided payment's cheque, "DEPOSIT-UUID
		 * cheque:PAYMENT-UUID": of the deposit's account (s72 fault
		 * 2: it was of none, and no day's Open counted it) */
		if (strncmp(t, "cheque:", 7) == 0) {
			snprintf(uuid, sizeof uuid, "%.*s",
			    (int)(t - 1 - e->target), e->target);
			return store_deposit_find(s->st, uuid, &d, &err) == 0 &&
			       strcmp(d.account, account) == 0;
		}
		/* fall through */
	case RECON_UNEXPECTED:
	case RECON_TWICE:
		return strncmp(t, account, n) == 0 && t[n] == '/';
	default:
		return 0; /* a shift's, of no account */
	}
}

int
svc_recon_account_check(struct svc *s, const char *account, struct pd_err *err)
{
	struct recon_account *v;
	char known[512] = "";
	size_t n, i, at = 0;
	int found = 0;

	if (store_recon_account_known(s->st, account, &found, err) != 0)
		return -1;
	if (found)
		return 0;
	if ((v = store_recon_accounts(s->st, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n && at < sizeof known; i++)
		at += (size_t)snprintf(known + at, sizeof known - at, "%s%s",
		    i ? ", " : "", v[i].account);
	free(v);
	if (n == 0)
		return pd_fail(err, PD_EUSAGE,
		    _("--account \"%s\": no deposit or bank statement names "
		      "an account yet"),
		    account);
	return pd_fail(err, PD_EUSAGE,
	    _("--account \"%s\": not one of the accounts deposits and bank "
	      "statements name (%s)"),
	    account, known);
}

const char *
svc_trim_into(const char *t, char *buf, size_t n)
{
	size_t len;

	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
		t++;
	len = strlen(t);
	while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\t' ||
	                      t[len - 1] == '\n' || t[len - 1] == '\r'))
		len--;
	if (len >= n)
		return t;
	memcpy(buf, t, len);
	buf[len] = '\0';
	return buf;
}

struct recon_day *
svc_recon_days(struct svc *s, const char *account, const char *from,
    const char *to, size_t *n, struct pd_err *err)
{
	struct recon_day *d;
	struct recon_exception *v;
	struct cheque_held *held;
	char today[11], acct[DEPOSIT_ACCOUNT_BUFSZ];
	size_t nv = 0, nheld = 0, i, k;

	*n = 0;
	if (svc_require(
	        s, ROLE_SUPERVISOR, _("Reading the reconciliation"), err) != 0)
		return NULL;
	if (account == NULL || *account == '\0')
		account = s->cfg.deposit_account;
	else /* as every filter's value (s72 fault 9) */
		account = svc_trim_into(account, acct, sizeof acct);
	if (*account == '\0') {
		pd_fail(err, PD_EUSAGE,
		    _("Give --account, or set [deposits] account"));
		return NULL;
	}
	svc_today(today);
	if (to == NULL)
		to = today;
	if (from == NULL)
		from = "";
	if (strcmp(from, to) > 0) {
		pd_fail(
		    err, PD_EINVAL, _("--from %s is after --to %s"), from, to);
		return NULL;
	}
	if (svc_recon_account_check(s, account, err) != 0)
		return NULL;
	v = svc_recon_exc(s, today, 0, &nv, err);
	if (v == NULL)
		return NULL;
	/* the deposits' cheques the ledger no longer backs, less in each
	 * day's Expected as in the exceptions' (s72 fault 2) */
	held = svc_cheques_held(s, &nheld, err);
	if (held == NULL) {
		free(v);
		return NULL;
	}
	d = store_recon_days(s->st, account, from, to, held, nheld, n, err);
	free(held);
	for (i = 0; d != NULL && i < *n; i++)
		for (k = 0; k < nv; k++)
			d[i].exceptions += strcmp(v[k].rday, d[i].day) == 0 &&
			                   exc_of(s, &v[k], account);
	free(v);
	return d;
}

struct recon_line *
svc_recon_day(struct svc *s, const char *account, const char *day,
    struct recon_exception **exc, size_t *nexc, size_t *n, struct pd_err *err)
{
	struct recon_exception *v;
	struct recon_line *m, *out;
	char today[11];
	size_t nv = 0, nm = 0, i, k = 0;

	*n = *nexc = 0;
	*exc = NULL;
	if (account == NULL || *account == '\0')
		account = s->cfg.deposit_account;
	if (svc_require(
	        s, ROLE_SUPERVISOR, _("Reading the reconciliation"), err) != 0)
		return NULL;
	svc_today(today);
	v = svc_recon_exc(s, today, 0, &nv, err);
	if (v == NULL)
		return NULL;
	m = store_recon_day_matches(s->st, account, day, &nm, err);
	if (m == NULL) {
		free(v);
		return NULL;
	}
	/* the day's exceptions of the account, kept in v's first places:
	 * those shown on that day (a credit of another amount on the day of
	 * the deposit it was matched to, as the day's figures) */
	for (i = 0; i < nv; i++)
		if (strcmp(v[i].rday, day) == 0 && exc_of(s, &v[i], account))
			v[k++] = v[i];
	out = xcalloc(k + nm + 1, sizeof *out);
	for (i = 0; i < k; i++) {
		out[i].exc = (int)i;
		xstrlcpy(out[i].kind, recon_kind_name(v[i].kind),
		    sizeof out[i].kind);
		xstrlcpy(out[i].ref, v[i].ref, sizeof out[i].ref);
		out[i].amount = v[i].actual ? v[i].actual : v[i].expected;
		/* a credit's own booking day, where it is one */
		if (v[i].kind == RECON_UNEXPECTED || v[i].kind == RECON_TWICE ||
		    (v[i].kind == RECON_DIFFERS && strchr(v[i].target, '#')))
			xstrlcpy(out[i].booked, v[i].on, sizeof out[i].booked);
		xstrlcpy(out[i].detail, v[i].detail, sizeof out[i].detail);
	}
	if (nm > 0) /* m is NULL when there is none */
		memcpy(out + k, m, nm * sizeof *m);
	free(m);
	*exc = v;
	*nexc = k;
	*n = k + nm;
	return out;
}

struct recon_account *
svc_recon_accounts(struct svc *s, size_t *n, struct pd_err *err)
{
	struct recon_account *v, first;
	size_t i;

	*n = 0;
	if (svc_require(
	        s, ROLE_SUPERVISOR, _("Reading the reconciliation"), err) != 0)
		return NULL;
	v = store_recon_accounts(s->st, n, err);
	if (v == NULL || s->cfg.deposit_account[0] == '\0')
		return v;
	/* the configured account first (review R20, fault 9: named by a
	 * statement, it kept its place among the others, and the screen
	 * opened on the first of them), the others in their order after */
	for (i = 0; i < *n; i++)
		if (strcmp(v[i].account, s->cfg.deposit_account) == 0) {
			first = v[i];
			memmove(v + 1, v, i * sizeof *v);
			v[0] = first;
			return v;
		}
	/* the configured account first, though nothing names it yet */
	v = xrealloc(v, *n + 1, sizeof *v);
	memmove(v + 1, v, *n * sizeof *v);
	xstrlcpy(v[0].account, s->cfg.deposit_account, sizeof v[0].account);
	(*n)++;
	return v;
}
