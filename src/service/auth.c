/* auth.c - users, PINs (yescrypt via crypt(3)), login and lockout. */
#include <crypt.h>
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/date.h"
#include "paydesk/pin.h"
#include "paydesk/xmalloc.h"

static int
check_pin(const char *pin, struct pd_err *err)
{
	size_t n = pin ? strlen(pin) : 0, i;

	if (n < 4 || n > 12)
		return pd_fail(err, PD_EINVAL, _("PIN must be 4 to 12 digits"));
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)pin[i]))
			return pd_fail(err, PD_EINVAL,
			    _("PIN must be 4 to 12 "
			      "digits"));
	return 0;
}

/* What a weak PIN is told, by kind (paydesk/pin.h). The PIN itself is
 * never shown; the examples are. */
static const struct {
	enum pin_weak kind;
	const char *msg;
} weak_msgs[] = {
    {PIN_REPEAT, N_("The PIN is one digit repeated or a run of digits "
                    "(like 1111, 1234 or 9876), the first a guesser tries: "
                    "choose another")},
    {PIN_RUN, N_("The PIN is one digit repeated or a run of digits (like "
                 "1111, 1234 or 9876), the first a guesser tries: choose "
                 "another")},
    {PIN_STEP, N_("The PIN's digits go up or down by the same step (like "
                  "1357 or 8642), among the first a guesser tries: choose "
                  "another")},
    {PIN_GROUP, N_("The PIN repeats a group of digits (like 1212 or "
                   "123123), among the first a guesser tries: choose "
                   "another")},
    {PIN_DOUBLED, N_("The PIN is digits each doubled (like 1122 or "
                     "112233), among the first a guesser tries: choose "
                     "another")},
    {PIN_KEYPAD, N_("The PIN is a line on the keypad (like 2580 or 0852), "
                    "among the first a guesser tries: choose another")},
    {PIN_YEAR, N_("The PIN is a year (like 1998 or 2024), among the first "
                  "a guesser tries: choose another")},
    {PIN_COMMON, N_("The PIN is one of the most common PINs (like 1004 or "
                    "159753, listed in paydesk.ini(5)): choose another")},
    {PIN_NEARLY, N_("The PIN is one digit but for one (like 0007 or 1000), "
                    "among the first a guesser tries: choose another")},
    {PIN_MIRROR, N_("The PIN reads the same backwards (like 1221 or "
                    "123321), among the first a guesser tries: choose "
                    "another")},
    {PIN_LINE, N_("The PIN follows a line of the keypad (like 0258, 1470 "
                  "or 3690), among the first a guesser tries: choose "
                  "another")},
    {PIN_DATE, N_("The PIN is a date (like 2512, 0704 or 19840312), among "
                  "the first a guesser tries: choose another")},
};

/* 0, or -1 with the message of pin's kind of weakness. */
static int
check_weak(const char *pin, struct pd_err *err)
{
	enum pin_weak k = pin_weakness(pin);
	size_t i;

	for (i = 0; k != PIN_STRONG && i < sizeof weak_msgs / sizeof weak_msgs[0];
	     i++)
		if (weak_msgs[i].kind == k)
			return pd_fail(err, PD_EINVAL, "%s", _(weak_msgs[i].msg));
	return 0;
}

/* The organisation's PIN policy for a new or changed user of role r
 * (issue 18 section 5): supervisors and admins may be held to longer
 * PINs than cashiers, and the few PINs everyone tries first are refused.
 * The PIN itself never appears in the message. */
static int
check_policy(
    const struct svc *s, enum role r, const char *pin, struct pd_err *err)
{
	static const struct {
		enum role role;
		const char *key;
		size_t off;
	} mins[] = {
	    {ROLE_CASHIER, "pin_min_cashier",
	        offsetof(struct config, pin_min_cashier)},
	    /* a cashier who also works debts: a cashier's minimum */
	    {ROLE_RECOVERY, "pin_min_cashier",
	        offsetof(struct config, pin_min_cashier)},
	    {ROLE_SUPERVISOR, "pin_min_supervisor",
	        offsetof(struct config, pin_min_supervisor)},
	    {ROLE_ADMIN, "pin_min_admin",
	        offsetof(struct config, pin_min_admin)},
	};
	size_t i;
	int min;

	for (i = 0; i < sizeof mins / sizeof mins[0]; i++) {
		if (mins[i].role != r)
			continue;
		memcpy(&min, (const char *)&s->cfg + mins[i].off, sizeof min);
		if (strlen(pin) < (size_t)min)
			return pd_fail(err, PD_EINVAL,
			    _("A PIN of %zu digits is too short for the %s "
			      "role: %d digits at least ([security] %s)"),
			    strlen(pin), _(role_name(r)), min, mins[i].key);
	}
	if (strcmp(s->cfg.weak_pins, "allow") != 0)
		return check_weak(pin, err);
	return 0;
}

/* A user's branch: "" (every branch) or what `paydesk-central terminal
 * add` accepts for one, 1 to 16 letters, digits and '-'. */
static int
check_branch(const char *b, struct pd_err *err)
{
	size_t n = strlen(b), i;

	for (i = 0; i < n && n <= 16; i++)
		if (!isalnum((unsigned char)b[i]) && b[i] != '-')
			break;
	if (i < n || n > 16)
		return pd_fail(err, PD_EINVAL,
		    _("Branch \"%s\": 1 to 16 letters, digits and '-', or "
		      "empty for every branch"),
		    b);
	return 0;
}

/* yescrypt hash of pin into out, of [security] pin_hash_cost. */
static int
hash_pin(struct svc *s, const char *pin, char *out, size_t n,
    struct pd_err *err)
{
	char *salt =
	    crypt_gensalt_ra("$y$", (unsigned long)s->cfg.pin_hash_cost, NULL, 0);
	struct crypt_data *cd;
	const char *h;

	if (salt == NULL)
		return pd_fail(err, PD_ESTORE, _("Cannot make a PIN salt"));
	cd = xcalloc(1, sizeof *cd);
	h = crypt_r(pin, salt, cd);
	free(salt);
	if (h == NULL || h[0] == '*') {
		free(cd);
		return pd_fail(err, PD_ESTORE, _("Cannot hash the PIN"));
	}
	xstrlcpy(out, h, n);
	free(cd);
	return 0;
}

static int
pin_matches(const char *pin, const char *hash)
{
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	const char *h = crypt_r(pin, hash, cd);
	int ok = h != NULL && h[0] != '*' && strcmp(h, hash) == 0;

	free(cd);
	return ok;
}

/* A team as typed, without the white space around it (review R23: "North "
 * was a team of its own); teams are compared in any case where they
 * select payments. */
static const char *
team_trimmed(const char *in, char *out, size_t n)
{
	size_t len;

	if (in == NULL)
		return NULL;
	while (isspace((unsigned char)*in))
		in++;
	len = strlen(in);
	while (len > 0 && isspace((unsigned char)in[len - 1]))
		len--;
	snprintf(out, n, "%.*s", (int)len, in);
	/* one too long for out is still refused as too long */
	return strlen(out) == len ? out : in;
}

int
svc_user_put(struct svc *s, const struct user_put *in, enum put_outcome *out,
    int *bad, struct pd_err *err)
{
	struct user u, old;
	struct pd_err e2;
	size_t i, n = in->username ? strlen(in->username) : 0;
	int r, dummy, same_pin;
	char tbuf[160];
	const char *team;

	if (bad == NULL)
		bad = &dummy;
	memset(&u, 0, sizeof u);
	*bad = USER_USERNAME;
	if (n == 0 || n > 32)
		return pd_fail(
		    err, PD_EINVAL, _("Username must be 1 to 32 characters"));
	for (i = 0; i < n; i++)
		if (!islower((unsigned char)in->username[i]) &&
		    !isdigit((unsigned char)in->username[i]) &&
		    strchr("._-", in->username[i]) == NULL)
			return pd_fail(err, PD_EINVAL,
			    _("Username \"%s\": use lower-case letters, "
			      "digits, "
			      "'.', '_' and '-'"),
			    in->username);
	*bad = USER_FULL_NAME;
	if (svc_check_text(_("Full name"), in->full_name, 128, 1, err) != 0)
		return -1;
	*bad = USER_ROLE;
	r = role_parse(in->role);
	if (r < ROLE_CASHIER)
		return pd_fail(err, PD_EINVAL,
		    _("Role \"%s\": must be cashier, recovery, supervisor or "
		      "admin"),
		    in->role ? in->role : "");
	*bad = USER_PIN;
	if (check_pin(in->pin, err) != 0 ||
	    (in->policy && check_policy(s, (enum role)r, in->pin, err) != 0))
		return -1;
	*bad = USER_BRANCH;
	if (check_branch(in->branch ? in->branch : "", err) != 0)
		return -1;
	xstrlcpy(u.branch, in->branch ? in->branch : "", sizeof u.branch);
	*bad = USER_TEAM;
	team = team_trimmed(in->team, tbuf, sizeof tbuf);
	if (team != NULL && svc_check_text(_("Team"), team, 32, 0, err) != 0)
		return -1;
	xstrlcpy(u.team, team ? team : "", sizeof u.team);
	xstrlcpy(u.username, in->username, sizeof u.username);
	xstrlcpy(u.full_name, in->full_name, sizeof u.full_name);
	u.role = (enum role)r;
	u.active = 1;
	*bad = USER_USERNAME;
	if (store_user_by_name(s->st, u.username, &old, &e2) == 0) {
		if (!in->update)
			return pd_fail(err, PD_EINVAL,
			    _("Username \"%s\" is already taken"), u.username);
		same_pin = pin_matches(in->pin, old.pin_hash);
		if (team == NULL)
			xstrlcpy(u.team, old.team, sizeof u.team);
		if (same_pin && old.role == u.role &&
		    strcmp(old.full_name, u.full_name) == 0 &&
		    strcmp(old.branch, u.branch) == 0 &&
		    strcmp(old.team, u.team) == 0) {
			*out = PUT_UNCHANGED;
			return 0;
		}
		u.active = old.active;
		if (same_pin)
			xstrlcpy(u.pin_hash, old.pin_hash, sizeof u.pin_hash);
		else if (hash_pin(s, in->pin, u.pin_hash, sizeof u.pin_hash, err))
			return -1;
		*out = PUT_UPDATED;
		return store_user_upsert(s->st, &u, err);
	}
	if (hash_pin(s, in->pin, u.pin_hash, sizeof u.pin_hash, err) != 0)
		return -1;
	if (store_user_insert(s->st, &u, err) != 0) {
		if (err && err->code == PD_EINVAL)
			return pd_fail(err, PD_EINVAL,
			    _("Username \"%s\" is already taken"), u.username);
		return -1;
	}
	*out = PUT_ADDED;
	return 0;
}

int
svc_user_add(struct svc *s, const char *username, const char *full_name,
    const char *role, const char *pin, int *bad, struct pd_err *err)
{
	/* no PIN policy: the demo's users, whose PINs are printed anyway */
	struct user_put in = {username, full_name, role, pin, NULL, 0, 0, NULL};
	enum put_outcome o;

	return svc_user_put(s, &in, &o, bad, err);
}

/* "YYYY-MM-DD HH:MM:SS" minutes from now (by the service clock). */
static void
minutes_later(int minutes, char out[TS_BUFSZ])
{
	char now[TS_BUFSZ];
	struct tm tm;
	time_t t;

	svc_now(now);
	memset(&tm, 0, sizeof tm);
	sscanf(now, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	    &tm.tm_hour, &tm.tm_min, &tm.tm_sec);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	t = mktime(&tm) + (time_t)minutes * 60;
	localtime_r(&t, &tm);
	strftime(out, TS_BUFSZ, "%Y-%m-%d %H:%M:%S", &tm);
}

/* What a name's PIN is checked against when the store has no such user:
 * a hash of a PIN nobody was given, of each yescrypt cost 1-11 that
 * [security] pin_hash_cost allows, so that the answer for an unknown
 * name takes as long as a wrong PIN's hashed here (issue 18 section 5). */
static const char *const dummy_hashes[] = {
    "$y$j75$70EnYaLDWweTNjYSwOxgZ1$8Vgn9fx0ZD1v9ouG8FOClWP97WkDSJ05k/AlaDTbROC",
    "$y$j85$6QGhwqwgtA3cQPo1UO0UG0$Sa4YBpNZ6bdK45VCaVTIzLrJ/F4oH0X6PJhL4puD70.",
    "$y$j7T$wXZZDsLsLWSU8DQo85Png.$TxT8miRCSDMdsl2rN1pkF7BoPDbC6uUjygYNClLhf89",
    "$y$j8T$Gew0U68k64Yx8DKmSeji2.$WkJfdBrORxsUXzXt0SwfNf7krScJLTOEPjoSC7m.AI5",
    "$y$j9T$yd6IkQyN4tnESu5eF6/eH.$lo/3bovqAPTQewEjip67.KeTf.tOz9P7tXVrrJNn3a0",
    "$y$jAT$3pNJoQBZAbbWBU7UuTg.U.$Qk4K8NzjVjT3NpfFCdtfW/aD82vGqL7oG9cLwHmHAD2",
    "$y$jBT$Ng1p9WM2ldfiMulldN9Qz/$6nM7JNA.mLflunUBqmYY4I23Ko3GoYEPAjBS2p/9f77",
    "$y$jCT$2Gn2cfzyvvJX3NxXXJQIo/$G1Qi2vD2wn6sevpI1vNTkdeCcVy7WirsL1Ne8Tjzv9B",
    "$y$jDT$TYFAtOj.GzbVCdq3mAWn/0$eOXIaP7sNVx81OTY2me5l.cy0/V4EwpZVon/PUe3pkB",
    "$y$jET$YYhIVKmN4kXxMOqUAvbdr0$E5GgmJsO7EW9uZRBojLcsGhtrDY4fTeuRHDu9wLN5b8",
    "$y$jFT$/eUaVGPJZmLOmOe7LW63d/$mf3tdLd3ow/CEEFWMz2AYgG.asNtTD1l/7/ml4Mzyh.",
};

/* The hash a PIN is checked against: the user's, or for a name the store
 * does not know (or a user without a PIN) the dummy of this machine's
 * cost. */
static const char *
pin_hash_of(const struct svc *s, const struct user *u, int found)
{
	int c = s->cfg.pin_hash_cost;

	if (found && u->pin_hash[0] == '$')
		return u->pin_hash;
	if (c < 1 || c > (int)(sizeof dummy_hashes / sizeof *dummy_hashes))
		c = 5;
	return dummy_hashes[c - 1];
}

/* A sign-in's try: the state read in the try's transaction. */
struct login_try {
	struct user u;        /* u.id 0: no such user in this store */
	int before;           /* wrong PINs in a row before this try */
	int failed;           /* with this try, if its PIN is wrong */
	char until[TS_BUFSZ]; /* the lock (this try's, or found) or "" */
	int locked;           /* locked already: nothing was counted */
};

/* How long (ms) a sign-in try waits for the tries before it. */
#define LOGIN_WAIT_MS 60000

/* Open the try's BEGIN IMMEDIATE transaction and read the user's tries
 * (a name the store does not know: login_misses). The PIN is checked and
 * the try counted in this one transaction, so that of any number of
 * tries at once no more than [security] login_max_attempts are answered
 * before the lock holds, and a try killed before its answer counts for
 * nothing. A lock found closes the transaction (t->locked). */
static int
begin_try(struct svc *s, const char *name, const char *now,
    struct login_try *t, struct pd_err *err)
{
	struct pd_err e2;
	char until[TS_BUFSZ];

	memset(t, 0, sizeof *t);
	/* tries at once queue for the lock, each holding it for a PIN's
	 * hash (tens of ms): 40 of them must not run out of the usual wait */
	if (store_begin_wait(s->st, LOGIN_WAIT_MS, err) != 0)
		return -1;
	if (store_user_by_name(s->st, name, &t->u, &e2) == 0) {
		t->before = t->u.failed_logins;
		xstrlcpy(until, t->u.locked_until, sizeof until);
	} else if (e2.code != PD_ENOTFOUND) {
		if (err)
			*err = e2;
		store_rollback(s->st);
		return -1;
	} else {
		memset(&t->u, 0, sizeof t->u);
		if (store_login_misses(s->st, name, &t->before, until, err) != 0) {
			store_rollback(s->st);
			return -1;
		}
	}
	if (until[0] != '\0' && strcmp(now, until) < 0) {
		t->locked = 1;
		t->failed = t->before;
		xstrlcpy(t->until, until, sizeof t->until);
		store_rollback(s->st);
		return 0;
	}
	/* a lock that ran out starts afresh */
	t->failed = until[0] != '\0' ? 1 : t->before + 1;
	if (t->failed >= s->cfg.login_max_attempts)
		minutes_later(s->cfg.login_lockout_minutes, t->until);
	return 0;
}

/* The answer to a wrong PIN, the same for a name the store does not
 * know: counted and audited in the try's transaction, then the tries
 * counted so far or the lock. */
static int
wrong_pin(struct svc *s, const char *username, const char *now,
    const struct login_try *t, struct pd_err *err)
{
	int rc = t->u.id != 0 ? store_user_login_state(s->st, t->u.id,
	                            t->failed, t->until, err)
	                      : store_login_misses_set(s->st, username,
	                            t->failed, t->until, err);

	if (rc != 0 ||
	    store_audit_append(s->st, now, username, s->cfg.terminal_id,
	        t->until[0] ? "lockout" : "login_failed", "user", username, "",
	        err) ||
	    store_commit(s->st, err)) {
		store_rollback(s->st);
		return -1;
	}
	if (t->until[0] != '\0')
		return pd_fail(err, PD_EPERM,
		    _("Wrong PIN for \"%s\"; "
		      "%d wrong PINs in a row: locked out until %s"),
		    username, t->failed, t->until);
	return pd_fail(err, PD_EPERM,
	    _("Wrong user name or PIN for "
	      "\"%s\" (%d of %d tries before a lockout)"),
	    username, t->failed, s->cfg.login_max_attempts);
}

/* A user whose row is not what the use cases made it (a user added, a
 * role raised or a PIN hash replaced with the sqlite3 shell) does not
 * sign in, whatever doctor last found (issue 18, section 7): the refusal
 * is audited and closes the try's transaction. */
static int
signin_sealed(struct svc *s, const char *username, const char *now,
    const struct login_try *t, struct pd_err *err)
{
	int rc = store_user_sealed(s->st, t->u.id, err);

	if (rc == 0)
		return 0;
	if (rc > 0 && (store_audit_append(s->st, now, username,
	                   s->cfg.terminal_id, "login_refused", "user",
	                   username, "seal", err) != 0 ||
	                  store_commit(s->st, err) != 0))
		rc = -1;
	if (rc < 0) {
		store_rollback(s->st);
		return -1;
	}
	return pd_fail(err, PD_ETAMPER,
	    _("User \"%s\" cannot sign in: the store's row for this user "
	      "(name, role, PIN or active flag) is not what paydesk's own "
	      "use cases made it, so it was changed around paydesk. Run "
	      "paydesk doctor, and restore the store from a backup "
	      "(paydesk backup FILE makes one)"),
	    username);
}

int
svc_login(
    struct svc *s, const char *username, const char *pin, struct pd_err *err)
{
	struct login_try t;
	char now[TS_BUFSZ];
	int good;

	memset(&s->actor, 0, sizeof s->actor);
	if (username == NULL || *username == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("No user given: use --user NAME "
		      "(PIN from $PAYDESK_PIN or the prompt)"));
	svc_now(now);
	if (begin_try(s, username, now, &t, err) != 0)
		return -1;
	if (t.locked)
		return pd_fail(err, PD_EPERM,
		    _("User \"%s\" is locked out after "
		      "%d wrong PINs until %s"),
		    username, t.failed, t.until);
	/* an unknown name costs one hash too: no answer comes sooner */
	good = pin_matches(pin ? pin : "", pin_hash_of(s, &t.u, t.u.id != 0));
	if (!good || t.u.id == 0)
		return wrong_pin(s, username, now, &t, err);
	/* a disabled user does not sign in either way: it is told so */
	if (t.u.active && signin_sealed(s, username, now, &t, err) != 0)
		return -1;
	if (store_user_login_reset(s->st, t.u.id, t.before, err) != 0 ||
	    store_commit(s->st, err) != 0) {
		store_rollback(s->st);
		return -1;
	}
	/* only the holder of the right PIN learns that the user is disabled */
	if (!t.u.active)
		return pd_fail(
		    err, PD_EPERM, _("User \"%s\" is disabled"), username);
	s->actor.user_id = t.u.id;
	xstrlcpy(s->actor.username, t.u.username, sizeof s->actor.username);
	xstrlcpy(s->actor.full_name, t.u.full_name, sizeof s->actor.full_name);
	s->actor.role = t.u.role;
	xstrlcpy(s->actor.team, t.u.team, sizeof s->actor.team);
	s->scope = SVC_SCOPE_AUTO; /* the new user's own (issue 23) */
	return 0;
}

/* The role's name in the reader's language ("" stays ""). */
static const char *
role_text(enum role r)
{
	const char *name = role_name(r);

	return *name != '\0' ? _(name) : name;
}

/* A person of the role in the reader's language ("" stays ""). */
static const char *
noun_text(enum role r)
{
	const char *name = role_noun(r);

	return *name != '\0' ? _(name) : name;
}

int
svc_require(
    const struct svc *s, enum role min, const char *action, struct pd_err *err)
{
	/* the central node acts as its own admin (role set, no user) */
	if (s->actor.user_id == 0 && s->actor.role == 0)
		return pd_fail(err, PD_EPERM,
		    _("%s needs a logged-in user: use "
		      "--user NAME with $PAYDESK_PIN or the PIN prompt"),
		    action);
	if (s->actor.role < min)
		return pd_fail(err, PD_EPERM,
		    _("%s needs the %s role; %s is a "
		      "%s"),
		    action, role_text(min), s->actor.username,
		    noun_text(s->actor.role));
	return 0;
}

int
svc_signoff_named(struct svc *s, const struct shift_approval *a,
    const char *action, struct pd_err *err)
{
	/* a supervisor does not sign off their own act: the sign-off
	 * asked of them is a second supervisor's (s72 h8 fault 7) */
	if ((a == NULL || a->user == NULL || a->user[0] == '\0') &&
	    s->actor.role >= ROLE_SUPERVISOR)
		return pd_fail(err, PD_EPERM,
		    _("%s needs the sign-off of a second supervisor, another "
		      "user than %s: their user name and PIN (--approver "
		      "USER)"),
		    action, s->actor.username);
	if (a == NULL || a->user == NULL || a->user[0] == '\0')
		return pd_fail(err, PD_EPERM,
		    _("%s needs a supervisor's sign-off: the supervisor's "
		      "user name and PIN (--approver USER)"),
		    action);
	if (strcmp(a->user, s->actor.username) == 0)
		return pd_fail(err, PD_EPERM,
		    _("%s needs the sign-off of a supervisor other than %s"),
		    action, s->actor.username);
	return 0;
}

int
svc_signoff(struct svc *s, const struct shift_approval *a, const char *action,
    char name[SHIFT_USER_BUFSZ], int *miss, struct pd_err *err)
{
	struct user u;
	struct pd_err e2;
	char now[TS_BUFSZ];
	int found;

	*miss = 0;
	if (svc_signoff_named(s, a, action, err) != 0)
		return -1;
	found = store_user_by_name(s->st, a->user, &u, &e2) == 0;
	if (!found && e2.code != PD_ENOTFOUND) {
		if (err)
			*err = e2;
		return -1;
	}
	svc_now(now);
	if (found && u.locked_until[0] != '\0' &&
	    strcmp(now, u.locked_until) < 0)
		return pd_fail(err, PD_EPERM,
		    _("User \"%s\" is locked out after "
		      "%d wrong PINs until %s"),
		    a->user, u.failed_logins, u.locked_until);
	/* an unknown name costs one hash too, like a sign-in's */
	if (!pin_matches(a->pin ? a->pin : "", pin_hash_of(s, &u, found)) ||
	    !found) {
		*miss = 1;
		return pd_fail(err, PD_EPERM,
		    _("Wrong user name or PIN for \"%s\""), a->user);
	}
	if (!u.active)
		return pd_fail(
		    err, PD_EPERM, _("User \"%s\" is disabled"), a->user);
	if (u.role < ROLE_SUPERVISOR)
		return pd_fail(err, PD_EPERM,
		    _("%s needs the %s role; %s is a "
		      "%s"),
		    action, role_text(ROLE_SUPERVISOR), a->user,
		    noun_text(u.role));
	if ((found = store_user_sealed(s->st, u.id, err)) < 0)
		return -1;
	if (found > 0)
		return pd_fail(err, PD_ETAMPER,
		    _("User \"%s\" cannot sign off: the store's row for this "
		      "user is not what paydesk's own use cases made it. Run "
		      "paydesk doctor"),
		    a->user);
	xstrlcpy(name, u.username, SHIFT_USER_BUFSZ);
	return 0;
}

int
svc_signoff_miss(struct svc *s, const char *user, struct pd_err *err)
{
	struct login_try t;
	char now[TS_BUFSZ];

	svc_now(now);
	if (begin_try(s, user, now, &t, err) != 0)
		return -1;
	if (t.locked)
		return pd_fail(err, PD_EPERM,
		    _("User \"%s\" is locked out after "
		      "%d wrong PINs until %s"),
		    user, t.failed, t.until);
	return wrong_pin(s, user, now, &t, err);
}

int
svc_user_team(
    struct svc *s, const char *username, const char *team, struct pd_err *err)
{
	struct user u;
	char at[TS_BUFSZ], tbuf[160];

	if (svc_require(s, ROLE_ADMIN, _("Setting a user's team"), err) != 0)
		return -1;
	/* a terminal that syncs takes its users, their branch and team, from
	 * its central node, as its settings (svc_import): one set here held
	 * at this terminal alone until the central node changed that user,
	 * which may be never (a fresh tester's, issue 23) */
	if (s->base_cfg == NULL && s->cfg.sync_url[0] != '\0')
		return pd_fail(err, PD_EINVAL,
		    _("This terminal syncs with a central node, whose users "
		      "are the organisation's: set %s's team there "
		      "(paydesk-central import ORG users FILE.csv --update, "
		      "its team column)"),
		    username);
	/* blanks only are no team's name; none is --team "" */
	if (team != NULL && team[0] != '\0' && utf8_blank(team))
		return pd_fail(err, PD_EINVAL,
		    _("Team is blank (spaces only): write one, or --team \"\" "
		      "for none"));
	team = team_trimmed(team, tbuf, sizeof tbuf);
	if (svc_check_text(_("Team"), team, 32, 0, err) != 0)
		return -1;
	if (store_begin(s->st, err) != 0)
		return -1;
	svc_now(at);
	if (store_user_by_name(s->st, username, &u, err) != 0 ||
	    store_user_team(s->st, u.id, team, err) != 0 ||
	    svc_audit(s, at, "team", "user", username, team, err) != 0 ||
	    store_commit(s->st, err) != 0) {
		store_rollback(s->st);
		return -1;
	}
	return 0;
}
