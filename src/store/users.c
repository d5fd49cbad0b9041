/* users.c - users, roles and login state. */
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

#define USER_COLS                                                              \
	"id, username, full_name, role, pin_hash, active, "                    \
	"failed_logins, locked_until, branch, team"

static int
user_one(struct store *st, struct db_stmt *s, struct user *u, const char *what,
    struct pd_err *err)
{
	int rc = db_step(s);
	char role[16];

	if (rc == DB_ROW) {
		memset(u, 0, sizeof *u);
		u->id = db_column_int64(s, 0);
		st_col(s, 1, u->username, sizeof u->username);
		st_col(s, 2, u->full_name, sizeof u->full_name);
		st_col(s, 3, role, sizeof role);
		u->role = (enum role)role_parse(role);
		st_col(s, 4, u->pin_hash, sizeof u->pin_hash);
		u->active = db_column_int(s, 5);
		u->failed_logins = db_column_int(s, 6);
		st_col(s, 7, u->locked_until, sizeof u->locked_until);
		st_col(s, 8, u->branch, sizeof u->branch);
		st_col(s, 9, u->team, sizeof u->team);
	}
	db_reset(s);
	if (rc == DB_ROW)
		return 0;
	if (rc == DB_DONE)
		return pd_fail(err, PD_ENOTFOUND, _("No user \"%s\""), what);
	return st_fail(st, err, _("Reading a user"));
}

int
store_user_by_name(
    struct store *st, const char *username, struct user *u, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " USER_COLS " FROM users WHERE "
	    "username = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "s", username);
	return user_one(st, s, u, username, err);
}

int
store_user_by_full_name(struct store *st, const char *full_name,
    const char *branch, struct user *u, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " USER_COLS " FROM users WHERE full_name = ? AND "
	    "(branch = '' OR branch = ?) ORDER BY CASE role WHEN 'admin' "
	    "THEN 4 WHEN 'supervisor' THEN 3 WHEN 'recovery' THEN 2 ELSE 1 "
	    "END DESC, id LIMIT 1",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ss", full_name, branch);
	return user_one(st, s, u, full_name, err);
}

int
store_user_by_id(
    struct store *st, int64_t id, struct user *u, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " USER_COLS " FROM users WHERE "
	    "id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	return user_one(st, s, u, "(by id)", err);
}

int
store_user_insert(struct store *st, struct user *u, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO users (username, "
	    "full_name, role, pin_hash, active, branch, team, created_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, datetime('now', 'localtime'))",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssssdss", u->username, u->full_name, role_name(u->role),
	    u->pin_hash, u->active, u->branch, u->team);
	if (st_done(st, s, err) != 0)
		return -1;
	u->id = db_last_insert_rowid(st->db);
	return 0;
}

int
store_user_login_state(struct store *st, int64_t id, int failed,
    const char *locked_until, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE users SET failed_logins = ?, "
	    "locked_until = ? WHERE id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "dsi", failed, locked_until, id);
	return st_done(st, s, err);
}

int
store_user_login_reset(
    struct store *st, int64_t id, int counted, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE users SET failed_logins = 0, "
	    "locked_until = '' WHERE id = ? AND failed_logins = ? AND "
	    "(failed_logins <> 0 OR locked_until <> '')",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "id", id, counted);
	return st_done(st, s, err);
}

int
store_login_misses(struct store *st, const char *username, int *failed,
    char *locked_until, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT failed, locked_until FROM "
	    "login_misses WHERE username = ?",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", username);
	*failed = 0;
	locked_until[0] = '\0';
	rc = db_step(s);
	if (rc == DB_ROW) {
		*failed = db_column_int(s, 0);
		st_col(s, 1, locked_until, TS_BUFSZ);
	}
	db_reset(s);
	if (rc == DB_ROW || rc == DB_DONE)
		return 0;
	return st_fail(st, err, _("Reading a user"));
}

int
store_login_misses_set(struct store *st, const char *username, int failed,
    const char *locked_until, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO login_misses (username, "
	    "failed, locked_until) VALUES (?1, ?2, ?3) ON CONFLICT (username) "
	    "DO UPDATE SET failed = ?2, locked_until = ?3",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sds", username, failed, locked_until);
	return st_done(st, s, err);
}

int64_t
store_user_count(struct store *st)
{
	return st_count(st, "SELECT count(*) FROM users");
}

int64_t
store_held_rows(struct store *st)
{
	return st_count(st,
	    "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM "
	    "consumers) + (SELECT count(*) FROM items) + (SELECT count(*) "
	    "FROM payments) + (SELECT count(*) FROM credit_notes) + (SELECT "
	    "count(*) FROM settings)");
}

int
store_series_next(struct store *st, const char *series, const char *scope,
    int64_t *seq, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO number_series (series, "
	    "scope, next) VALUES (?1, ?2, 2) ON CONFLICT (series, scope) DO "
	    "UPDATE SET next = number_series.next + 1 RETURNING next - 1",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ss", series, scope);
	rc = db_step(s);
	if (rc == DB_ROW)
		*seq = db_column_int64(s, 0);
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Numbering"));
}

int
store_user_team(
    struct store *st, int64_t id, const char *team, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "UPDATE users SET team = ? WHERE id = ?", err);

	if (s == NULL)
		return -1;
	st_bind(s, "si", team, id);
	return st_done(st, s, err);
}

int
store_user_tiles(
    struct store *st, int64_t id, char *tiles, size_t n, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT tiles FROM user_tiles WHERE user_id = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	*tiles = '\0';
	st_bind(s, "i", id);
	rc = db_step(s);
	if (rc == DB_ROW)
		st_col(s, 0, tiles, n);
	db_reset(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return st_fail(st, err, _("Reading a user's tiles"));
	return 0;
}

int
store_user_tiles_set(
    struct store *st, int64_t id, const char *tiles, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO user_tiles (user_id, tiles) VALUES (?, ?) ON CONFLICT "
	    "(user_id) DO UPDATE SET tiles = excluded.tiles",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "is", id, tiles);
	return st_done(st, s, err);
}
