/* auth.c - users, PINs (yescrypt via crypt(3)), login and lockout. */
#include <crypt.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/date.h"
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

/* yescrypt hash of pin into out. */
static int
hash_pin(const char *pin, char *out, size_t n, struct pd_err *err)
{
	char *salt = crypt_gensalt_ra("$y$", 0, NULL, 0);
	struct crypt_data *cd;
	const char *h;

	if (salt == NULL)
		return pd_fail(err, PD_ESTORE, _("cannot make a PIN salt"));
	cd = xcalloc(1, sizeof *cd);
	h = crypt_r(pin, salt, cd);
	free(salt);
	if (h == NULL || h[0] == '*') {
		free(cd);
		return pd_fail(err, PD_ESTORE, _("cannot hash the PIN"));
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

int
svc_user_put(struct svc *s, const struct user_put *in, enum put_outcome *out,
    int *bad, struct pd_err *err)
{
	struct user u, old;
	struct pd_err e2;
	size_t i, n = in->username ? strlen(in->username) : 0;
	int r, dummy, same_pin;

	if (bad == NULL)
		bad = &dummy;
	memset(&u, 0, sizeof u);
	*bad = USER_USERNAME;
	if (n == 0 || n > 32)
		return pd_fail(
		    err, PD_EINVAL, _("username must be 1 to 32 characters"));
	for (i = 0; i < n; i++)
		if (!islower((unsigned char)in->username[i]) &&
		    !isdigit((unsigned char)in->username[i]) &&
		    strchr("._-", in->username[i]) == NULL)
			return pd_fail(err, PD_EINVAL,
			    _("username \"%s\": use lower-case letters, "
			      "digits, "
			      "'.', '_' and '-'"),
			    in->username);
	*bad = USER_FULL_NAME;
	if (svc_check_text(_("full name"), in->full_name, 128, 1, err) != 0)
		return -1;
	*bad = USER_ROLE;
	r = role_parse(in->role);
	if (r < ROLE_CASHIER)
		return pd_fail(err, PD_EINVAL,
		    _("role \"%s\": must be cashier, supervisor or admin"),
		    in->role ? in->role : "");
	*bad = USER_PIN;
	if (check_pin(in->pin, err) != 0)
		return -1;
	xstrlcpy(u.username, in->username, sizeof u.username);
	xstrlcpy(u.full_name, in->full_name, sizeof u.full_name);
	u.role = (enum role)r;
	u.active = 1;
	*bad = USER_USERNAME;
	if (store_user_by_name(s->st, u.username, &old, &e2) == 0) {
		if (!in->update)
			return pd_fail(err, PD_EINVAL,
			    _("username \"%s\" is already taken"), u.username);
		same_pin = pin_matches(in->pin, old.pin_hash);
		if (same_pin && old.role == u.role &&
		    strcmp(old.full_name, u.full_name) == 0) {
			*out = PUT_UNCHANGED;
			return 0;
		}
		u.active = old.active;
		if (same_pin)
			xstrlcpy(u.pin_hash, old.pin_hash, sizeof u.pin_hash);
		else if (hash_pin(in->pin, u.pin_hash, sizeof u.pin_hash, err))
			return -1;
		*out = PUT_UPDATED;
		return store_user_upsert(s->st, &u, err);
	}
	if (hash_pin(in->pin, u.pin_hash, sizeof u.pin_hash, err) != 0)
		return -1;
	if (store_user_insert(s->st, &u, err) != 0) {
		if (err && err->code == PD_EINVAL)
			return pd_fail(err, PD_EINVAL,
			    _("username \"%s\" is already taken"), u.username);
		return -1;
	}
	*out = PUT_ADDED;
	return 0;
}

int
svc_user_add(struct svc *s, const char *username, const char *full_name,
    const char *role, const char *pin, int *bad, struct pd_err *err)
{
	struct user_put in = {username, full_name, role, pin, 0};
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

int
svc_login(
    struct svc *s, const char *username, const char *pin, struct pd_err *err)
{
	struct user u;
	struct pd_err e2;
	char now[TS_BUFSZ], until[TS_BUFSZ] = "";
	int failed;

	memset(&s->actor, 0, sizeof s->actor);
	if (username == NULL || *username == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("no user given: use --user NAME "
		      "(PIN from $PAYDESK_PIN or the prompt)"));
	if (store_user_by_name(s->st, username, &u, &e2) != 0) {
		if (e2.code == PD_ENOTFOUND)
			return pd_fail(err, PD_EPERM,
			    _("wrong user name or PIN "
			      "for \"%s\""),
			    username);
		*err = e2;
		return -1;
	}
	if (!u.active)
		return pd_fail(
		    err, PD_EPERM, _("user \"%s\" is disabled"), username);
	svc_now(now);
	if (u.locked_until[0] != '\0' && strcmp(now, u.locked_until) < 0)
		return pd_fail(err, PD_EPERM,
		    _("user \"%s\" is locked out after "
		      "%d wrong PINs until %s"),
		    username, u.failed_logins, u.locked_until);
	if (pin == NULL || !pin_matches(pin, u.pin_hash)) {
		failed = u.failed_logins + 1;
		if (u.locked_until[0] != '\0')
			failed = 1; /* a lock that ran out starts afresh */
		if (failed >= s->cfg.login_max_attempts)
			minutes_later(s->cfg.login_lockout_minutes, until);
		if (store_begin(s->st, err) != 0)
			return -1;
		if (store_user_login_state(s->st, u.id, failed, until, err) ||
		    store_audit_append(s->st, now, username, s->cfg.terminal_id,
		        until[0] ? "lockout" : "login_failed", "user", username,
		        "", err) ||
		    store_commit(s->st, err)) {
			store_rollback(s->st);
			return -1;
		}
		if (until[0] != '\0')
			return pd_fail(err, PD_EPERM,
			    _("wrong PIN for \"%s\"; "
			      "%d wrong PINs in a row: locked out until %s"),
			    username, failed, until);
		return pd_fail(err, PD_EPERM,
		    _("wrong user name or PIN for "
		      "\"%s\" (%d of %d tries before a lockout)"),
		    username, failed, s->cfg.login_max_attempts);
	}
	if (u.failed_logins != 0 || u.locked_until[0] != '\0') {
		if (store_user_login_state(s->st, u.id, 0, "", err) != 0)
			return -1;
	}
	s->actor.user_id = u.id;
	xstrlcpy(s->actor.username, u.username, sizeof s->actor.username);
	xstrlcpy(s->actor.full_name, u.full_name, sizeof s->actor.full_name);
	s->actor.role = u.role;
	return 0;
}

/* The role's name in the reader's language ("" stays ""). */
static const char *
role_text(enum role r)
{
	const char *name = role_name(r);

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
		    role_text(s->actor.role));
	return 0;
}
