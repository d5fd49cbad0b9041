/* settings.c - the settings an organisation's central node masters, as
 * "section.key" and the text a config file would hold. */
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

#define SETTING_COLS "id, key, value, updated_at"

static void
read_setting(struct db_stmt *s, void *elem)
{
	struct setting *x = elem;

	x->id = db_column_int64(s, 0);
	st_col(s, 1, x->key, sizeof x->key);
	st_col(s, 2, x->value, sizeof x->value);
	st_col(s, 3, x->updated_at, sizeof x->updated_at);
}

/* The one row of s, bound: 1 read into out, 0 none, -1 error. */
static int
setting_one(struct store *st, struct db_stmt *s, struct setting *out,
    struct pd_err *err)
{
	int rc = db_step(s);

	if (rc == DB_ROW)
		read_setting(s, out);
	else if (rc != DB_DONE)
		st_fail(st, err, _("Reading a setting"));
	db_reset(s);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int
store_setting_get(
    struct store *st, const char *key, struct setting *out, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT " SETTING_COLS " FROM settings WHERE key = ?", err);

	if (s == NULL)
		return -1;
	st_bind(s, "s", key);
	return setting_one(st, s, out, err);
}

int
store_setting_by_id(
    struct store *st, int64_t id, struct setting *out, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT " SETTING_COLS " FROM settings WHERE id = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	rc = setting_one(st, s, out, err);
	if (rc == 0)
		return pd_fail(err, PD_ESTORE, _("Setting %lld: not found"),
		    (long long)id);
	return rc == 1 ? 0 : -1;
}

int
store_setting_put(struct store *st, const char *key, const char *value,
    const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
	    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
	    "updated_at = excluded.updated_at WHERE settings.value <> "
	    "excluded.value",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sss", key, value, at);
	return st_done(st, s, err);
}

struct setting *
store_settings(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT " SETTING_COLS " FROM settings ORDER BY key", err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct setting), read_setting, n,
	    "reading the settings", err);
}

int
store_holds_amounts(struct store *st, struct pd_err *err)
{
	/* every table a person's amount is first written to (the rollups
	 * and allocations follow them) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT EXISTS (SELECT 1 FROM items) OR EXISTS (SELECT 1 FROM "
	    "payments) OR EXISTS (SELECT 1 FROM credit_notes) OR EXISTS "
	    "(SELECT 1 FROM shift_counts) OR EXISTS (SELECT 1 FROM "
	    "shift_movements) OR EXISTS (SELECT 1 FROM deposits) OR EXISTS "
	    "(SELECT 1 FROM bank_statement_lines) OR EXISTS (SELECT 1 FROM "
	    "gw_payments)",
	    err);
	int rc, yes = 0;

	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		yes = db_column_int64(s, 0) != 0;
	db_reset(s);
	return rc == DB_ROW ? yes : st_fail(st, err, _("Reading the store"));
}
