/* backend_move.c - the central node's storage adapter (backend_sq.h):
 * an organisation's store moved to another (paydesk-central move),
 * copied and verified under its write lock, then switched in the
 * directory; the copy that differs is set aside. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend_sq.h"

/* The location (store_org_location) `move --to` names: sqlite,
 * postgresql (the node's [central] database) or a postgresql:// URI. */
static int
move_target(const struct backend *b, const char *to, char *loc, size_t n,
    struct pd_err *err)
{
	if (strcmp(to, "sqlite") == 0)
		snprintf(loc, n, "sqlite");
	else if (strcmp(to, "postgresql") == 0)
		snprintf(loc, n, "postgresql %s", b->cfg.central_database);
	else if (strncmp(to, "postgresql://", 13) == 0 ||
	         strncmp(to, "postgres://", 11) == 0)
		snprintf(loc, n, "postgresql %s", to);
	else
		return pd_fail(err, PD_EUSAGE,
		    _("Move --to: \"%s\" is not sqlite, postgresql or a "
		      "postgresql:// URI"),
		    to);
	return 0;
}

/* Each table of src and its copy dst summed (cb gets both); a table that
 * differs, or an audit chain that does not verify or ends elsewhere, is
 * PD_ETAMPER naming it. */
static int
move_verify(struct store *src, struct store *dst, move_cb cb, void *arg,
    struct pd_err *err)
{
	char(*t)[64], ha[65], hb[65];
	struct table_sum a, c;
	int64_t sa, sb, checked;
	struct pd_err e;
	size_t i, n;
	int rc = 0, same;

	if (store_org_tables(src, dst, &t, &n, err) != 0)
		return -1;
	/* every table shown; the first that differs named */
	for (i = 0; i < n; i++) {
		if (store_table_sum(src, dst, t[i], &a, &e) != 0 ||
		    store_table_sum(dst, src, t[i], &c, &e) != 0) {
			*err = e;
			rc = -1;
			break;
		}
		same = a.rows == c.rows && a.money == c.money &&
		       a.digest == c.digest;
		cb(t[i], (int64_t[2]){a.rows, a.money},
		    (int64_t[2]){c.rows, c.money}, same, arg);
		if (!same && rc == 0)
			rc = pd_fail(err, PD_ETAMPER,
			    _("The copy differs from the store in table %s "
			      "(%lld rows, money %lld here; %lld rows, money "
			      "%lld in the copy)"),
			    t[i], (long long)a.rows, (long long)a.money,
			    (long long)c.rows, (long long)c.money);
	}
	free(t);
	if (rc != 0)
		return -1;
	if (store_audit_verify(dst, &checked, err) != 0) {
		err->code = PD_ETAMPER;
		return -1;
	}
	if (store_audit_head(src, &sa, ha, err) != 0 ||
	    store_audit_head(dst, &sb, hb, err) != 0)
		return -1;
	if (sa != sb || strcmp(ha, hb) != 0)
		return pd_fail(err, PD_ETAMPER,
		    _("The copy's audit chain ends at entry %lld, the store's "
		      "at %lld"),
		    (long long)sb, (long long)sa);
	return 0;
}

/* A store set aside with suffix: a schema renamed in its open
 * transaction, or a file renamed once closed (st NULL). */
static void
set_aside(struct store *st, const char *path, const char *suffix)
{
	static const char *const ext[] = {"", "-wal", "-shm"};
	char from[4300], to[4400];
	struct pd_err e;
	size_t i;

	if (st != NULL) {
		store_retire(st, suffix, &e);
		return;
	}
	for (i = 0; i < 3; i++) {
		snprintf(from, sizeof from, "%s%s", path, ext[i]);
		snprintf(to, sizeof to, "%.*s%s.db%s", (int)(strlen(path) - 3),
		    path, suffix, ext[i]);
		rename(from, to);
	}
}

/* Copy and verify under the source's write lock (src's transaction):
 * 0 with the directory switched, or -1 with the copy set aside. */
static int
move_copy(struct backend *b, const char *org, const char *loc,
    struct store *src, struct store *dst, const char *dpath, int forge,
    move_cb cb, void *arg, struct pd_err *err)
{
	char at[TS_BUFSZ], suffix[40];
	int rc;

	svc_now(at);
	snprintf(suffix, sizeof suffix, "_refused_%.4s%.2s%.2s%.2s%.2s%.2s", at,
	    at + 5, at + 8, at + 11, at + 14, at + 17);
	rc = store_org_copy(src, dst, err);
	/* a test's forged difference (PAYDESK_CENTRAL_HOOK=move-forge) */
	if (rc == 0 && forge)
		store_forge_item(dst);
	if (rc == 0)
		rc = move_verify(src, dst, cb, arg, err);
	if (rc == 0) {
		pthread_mutex_lock(&SB(b)->dir_lock);
		rc = store_org_set_location(SB(b)->dir, org, loc, at, err);
		pthread_mutex_unlock(&SB(b)->dir_lock);
	}
	if (rc == 0)
		return 0;
	if (strncmp(dpath, "pg:", 3) == 0)
		set_aside(dst, dpath, suffix);
	return -1;
}

/* A PostgreSQL database moved to has the schema paydesk (the SQLite
 * functions and citext an organisation's schema uses) migrated first. */
static int
move_database(struct backend *b, const char *loc, struct pd_err *err)
{
	char path[4200];
	struct store *d;

	if (strncmp(loc, "postgresql", 10) != 0)
		return 0;
	snprintf(path, sizeof path, "pg:paydesk %s",
	    loc[10] == ' ' ? loc + 11 : b->cfg.central_database);
	if (store_open_directory(path, 1, &d, err) != 0)
		return -1;
	store_close(d);
	return 0;
}

int
sq_move(struct backend *b, const char *org, const char *to, int forge,
    move_cb cb, void *arg, struct pd_err *err)
{
	char loc[4096], spath[4200], dpath[4200], at[TS_BUFSZ], suffix[40];
	struct store *src = NULL, *dst = NULL;
	int rc;

	if (move_target(b, to, loc, sizeof loc, err) != 0 ||
	    sq_org_known(b, org, err) != 0 ||
	    sq_org_where(b, org, spath, sizeof spath, NULL, err) != 0)
		return -1;
	sq_loc_path(b, org, loc, dpath, sizeof dpath);
	if (strcmp(spath, dpath) == 0)
		return pd_fail(
		    err, PD_EINVAL, _("Organisation %s is there already"), org);
	if (store_open_central(spath, 0, &src, err) != 0 ||
	    move_database(b, loc, err) != 0 ||
	    store_open_central(dpath, 1, &dst, err) != 0) {
		store_close(src);
		return -1;
	}
	if (!store_org_empty(dst)) {
		store_close(src);
		store_close(dst);
		return pd_fail(err, PD_EINVAL,
		    _("The store %s is there already and holds data; nothing "
		      "was moved"),
		    dpath);
	}
	/* writers wait from here until the switch (or the refusal) */
	if (store_begin(src, err) != 0 || store_move_guard(src, 1, err) != 0) {
		store_close(src);
		store_close(dst);
		return -1;
	}
	rc = move_copy(b, org, loc, src, dst, dpath, forge, cb, arg, err);
	svc_now(at);
	snprintf(suffix, sizeof suffix, "_%s_%.4s%.2s%.2s%.2s%.2s%.2s",
	    rc == 0 ? "moved" : "refused", at, at + 5, at + 8, at + 11, at + 14,
	    at + 17);
	if (rc == 0 && strncmp(spath, "pg:", 3) == 0)
		set_aside(src, spath, suffix);
	if (rc == 0)
		store_commit(src, err);
	else
		store_abort(src);
	store_close(src);
	store_close(dst);
	if (rc == 0 && strncmp(spath, "pg:", 3) != 0)
		set_aside(NULL, spath, suffix);
	if (rc != 0 && strncmp(dpath, "pg:", 3) != 0)
		set_aside(NULL, dpath, suffix);
	return rc;
}
