/* directory.c - the central node's directory: organisations, their
 * terminals and the hashes of the terminals' tokens. */
#include <string.h>

#include "internal.h"
#include "paydesk/xmalloc.h"

int
store_org_add(struct store *st, const char *code, const char *name,
    const char *currency, int digits, const char *at, struct pd_err *err)
{
	struct db_stmt *s;

	if (store_begin(st, err) != 0)
		return -1;
	s = st_stmt(st,
	    "INSERT INTO orgs (code, name, created_at) VALUES (?, ?, ?)", err);
	if (s == NULL)
		goto fail;
	st_bind(s, "sss", code, name, at);
	if (st_done(st, s, err) != 0) {
		if (db_extended_errcode(st->db) == DB_CONSTRAINT_PRIMARYKEY)
			pd_fail(err, PD_EINVAL,
			    "Organisation \"%s\" already exists", code);
		goto fail;
	}
	s = st_stmt(st,
	    "INSERT INTO org_currencies (org, currency, minor_digits) VALUES "
	    "(?, ?, ?)",
	    err);
	if (s == NULL)
		goto fail;
	st_bind(s, "ssi", code, currency, (int64_t)digits);
	if (st_done(st, s, err) != 0)
		goto fail;
	return store_commit(st, err);
fail:
	store_abort(st);
	return -1;
}

/* How reading organisation code's row ended (rc of its step): 0 read,
 * PD_ENOTFOUND when there is none, else the store's error. */
static int
org_read(struct store *st, int rc, const char *code, struct pd_err *err)
{
	if (rc == DB_ROW)
		return 0;
	if (rc == DB_DONE)
		return pd_fail(err, PD_ENOTFOUND,
		    "No organisation \"%s\"; add it with `paydesk-central org "
		    "add`",
		    code);
	return st_fail(st, err, "Reading organisations");
}

int
store_org_currency(struct store *st, const char *code, char currency[4],
    int *digits, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT currency, minor_digits FROM org_currencies WHERE org = ?",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", code);
	rc = db_step(s);
	if (rc == DB_ROW) {
		st_col(s, 0, currency, 4);
		*digits = (int)db_column_int64(s, 1);
	}
	db_reset(s);
	return org_read(st, rc, code, err);
}

int
store_org_currency_fill(struct store *st, const char *currency, int digits,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO org_currencies (org, currency, minor_digits) SELECT "
	    "code, ?, ? FROM orgs WHERE code NOT IN (SELECT org FROM "
	    "org_currencies)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "si", currency, (int64_t)digits);
	return st_done(st, s, err);
}

int
store_org_get(struct store *st, const char *code, char *name, size_t n,
    struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT name FROM orgs WHERE code = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", code);
	rc = db_step(s);
	if (rc == DB_ROW && name != NULL)
		st_col(s, 0, name, n);
	db_reset(s);
	return org_read(st, rc, code, err);
}

int
store_org_rename(
    struct store *st, const char *code, const char *name, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "UPDATE orgs SET name = ? WHERE code = ?", err);

	if (s == NULL)
		return -1;
	st_bind(s, "ss", name, code);
	if (st_done(st, s, err) != 0)
		return -1;
	return store_org_get(st, code, NULL, 0, err);
}

static void
read_code(struct db_stmt *s, void *elem)
{
	st_col(s, 0, elem, 33);
}

char (*store_orgs(struct store *st, size_t *n, struct pd_err *err))[33]
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT code FROM orgs ORDER BY code", err);

	if (s == NULL)
		return NULL;
	return st_collect(
	    st, s, 33, read_code, n, "Reading organisations", err);
}

#define TERM_COLS                                                              \
	"org, branch, terminal, created_at, revoked_at, last_seen, "           \
	"last_route, last_cursor, pending, (SELECT o.created_at FROM orgs o "  \
	"WHERE o.code = terminals.org)"

static void
read_term(struct db_stmt *s, void *elem)
{
	struct terminal_row *t = elem;

	memset(t, 0, sizeof *t);
	st_col(s, 0, t->org, sizeof t->org);
	st_col(s, 1, t->branch, sizeof t->branch);
	st_col(s, 2, t->terminal, sizeof t->terminal);
	st_col(s, 3, t->created_at, sizeof t->created_at);
	st_col(s, 4, t->revoked_at, sizeof t->revoked_at);
	st_col(s, 5, t->last_seen, sizeof t->last_seen);
	st_col(s, 6, t->last_route, sizeof t->last_route);
	t->last_cursor = db_column_int64(s, 7);
	t->pending = db_column_int64(s, 8);
	st_col(s, 9, t->org_created_at, sizeof t->org_created_at);
}

int
store_terminal_add(struct store *st, const struct terminal_row *t,
    const char *token_hash, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO terminals (org, branch, terminal, token_hash, "
	    "created_at) VALUES (?, ?, ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssss", t->org, t->branch, t->terminal, token_hash,
	    t->created_at);
	if (st_done(st, s, err) != 0) {
		if (db_extended_errcode(st->db) == DB_CONSTRAINT_UNIQUE)
			return pd_fail(err, PD_EINVAL,
			    "Terminal %s is already registered in %s; revoke "
			    "it first to issue a new token",
			    t->terminal, t->org);
		if (strstr(err->msg, "terminal id case") != NULL)
			return pd_fail(err, PD_EINVAL,
			    "Terminal %s differs only by case from a terminal "
			    "of %s; give it another id",
			    t->terminal, t->org);
		return -1;
	}
	return 0;
}

int
store_terminal_revoke(struct store *st, const char *org, const char *terminal,
    const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE terminals SET revoked_at = ? WHERE org = ? AND terminal = "
	    "? AND revoked_at = ''",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sss", at, org, terminal);
	if (st_done(st, s, err) != 0)
		return -1;
	if (db_changes(st->db) == 0)
		return pd_fail(err, PD_ENOTFOUND, "No active terminal %s in %s",
		    terminal, org);
	return 0;
}

int
store_terminal_by_token(struct store *st, const char *token_hash,
    struct terminal_row *t, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " TERM_COLS " FROM terminals WHERE token_hash = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", token_hash);
	rc = db_step(s);
	if (rc == DB_ROW)
		read_term(s, t);
	db_reset(s);
	if (rc == DB_ROW)
		return 0;
	if (rc == DB_DONE)
		return pd_fail(err, PD_ENOTFOUND, "Unknown token");
	return st_fail(st, err, "Reading terminals");
}

struct terminal_row *
store_terminals(
    struct store *st, const char *org, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " TERM_COLS " FROM terminals WHERE ?1 IS NULL OR org = ?1 "
	    "ORDER BY org, terminal, id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "s", org);
	return st_collect(st, s, sizeof(struct terminal_row), read_term, n,
	    "reading terminals", err);
}

int
store_terminal_seen(struct store *st, const char *org, const char *terminal,
    const char *at, const char *route, int64_t cursor, int64_t pending,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE terminals SET last_seen = ?1, last_route = ?2, "
	    "last_cursor = CASE WHEN ?3 < 0 THEN last_cursor ELSE ?3 END, "
	    "pending = CASE WHEN ?4 < 0 THEN pending ELSE ?4 END WHERE "
	    "org = ?5 AND terminal = ?6 AND revoked_at = ''",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssiiss", at, route, cursor, pending, org, terminal);
	return st_done(st, s, err);
}

int
store_org_location(struct store *st, const char *code, char *out, size_t n,
    char *moved_at, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT store, moved_at FROM orgs WHERE code = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", code);
	rc = db_step(s);
	if (rc == DB_ROW)
		st_col(s, 0, out, n);
	if (rc == DB_ROW && moved_at != NULL)
		st_col(s, 1, moved_at, TS_BUFSZ);
	db_reset(s);
	return org_read(st, rc, code, err);
}

int
store_org_set_location(struct store *st, const char *code, const char *loc,
    const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "UPDATE orgs SET store = ?, moved_at = ? WHERE code = ?", err);

	if (s == NULL)
		return -1;
	st_bind(s, "sss", loc, at, code);
	return st_done(st, s, err);
}
