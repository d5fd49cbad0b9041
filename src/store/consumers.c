/* consumers.c - consumers and their search (FTS5 trigram index). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

#define CONSUMER_COLS                                                          \
	"c.id, c.uuid, c.account_no, c.name, "                                 \
	"c.service_address, c.phone, c.email, c.segment, c.language"

static void
read_consumer(sqlite3_stmt *s, void *elem)
{
	struct consumer *c = elem;

	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(s, 0);
	st_col(s, 1, c->uuid, sizeof c->uuid);
	st_col(s, 2, c->account_no, sizeof c->account_no);
	st_col(s, 3, c->name, sizeof c->name);
	st_col(s, 4, c->address, sizeof c->address);
	st_col(s, 5, c->phone, sizeof c->phone);
	st_col(s, 6, c->email, sizeof c->email);
	st_col(s, 7, c->segment, sizeof c->segment);
	st_col(s, 8, c->language, sizeof c->language);
}

static void
digits_of(const char *s, char *out, size_t n)
{
	size_t o = 0;

	for (; *s != '\0' && o + 1 < n; s++)
		if (isdigit((unsigned char)*s))
			out[o++] = *s;
	out[o] = '\0';
}

int
store_consumer_insert(struct store *st, struct consumer *c, struct pd_err *err)
{
	sqlite3_stmt *s = st_stmt(st,
	    "INSERT INTO consumers (uuid, "
	    "account_no, name, service_address, phone, phone_digits, email, "
	    "segment, language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, datetime('now', 'localtime'))",
	    err);
	char digits[33];

	if (s == NULL)
		return -1;
	if (c->uuid[0] == '\0')
		os_uuid_new(c->uuid);
	digits_of(c->phone, digits, sizeof digits);
	st_bind(s, "sssssssss", c->uuid, c->account_no, c->name, c->address,
	    c->phone, digits, c->email, c->segment, c->language);
	if (st_done(st, s, err) != 0)
		return -1;
	c->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int
store_consumer_update(
    struct store *st, const struct consumer *c, struct pd_err *err)
{
	sqlite3_stmt *s = st_stmt(st,
	    "UPDATE consumers SET uuid = ?, account_no = ?, name = ?, "
	    "service_address = ?, phone = ?, phone_digits = ?, email = ?, "
	    "segment = ?, language = ? WHERE id = ?",
	    err);
	char digits[33];

	if (s == NULL)
		return -1;
	digits_of(c->phone, digits, sizeof digits);
	st_bind(s, "sssssssssi", c->uuid, c->account_no, c->name, c->address,
	    c->phone, digits, c->email, c->segment, c->language, c->id);
	return st_done(st, s, err);
}

static int
consumer_one(struct store *st, sqlite3_stmt *s, struct consumer *c,
    const char *what, struct pd_err *err)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		read_consumer(s, c);
		sqlite3_reset(s);
		return 0;
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return pd_fail(err, PD_ENOTFOUND,
		    _("no consumer with account "
		      "number \"%s\""),
		    what);
	return st_fail(st, err, _("reading a consumer"));
}

int
store_consumer_by_account(struct store *st, const char *account,
    struct consumer *c, struct pd_err *err)
{
	sqlite3_stmt *s = st_stmt(st,
	    "SELECT " CONSUMER_COLS " FROM "
	    "consumers c WHERE c.account_no = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "s", account);
	return consumer_one(st, s, c, account, err);
}

int
store_consumer_by_id(
    struct store *st, int64_t id, struct consumer *c, struct pd_err *err)
{
	sqlite3_stmt *s = st_stmt(st,
	    "SELECT " CONSUMER_COLS " FROM "
	    "consumers c WHERE c.id = ?",
	    err);
	char what[32];

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	snprintf(what, sizeof what, "#%lld", (long long)id);
	return consumer_one(st, s, c, what, err);
}

int
store_fts_defer_begin(struct store *st, struct pd_err *err)
{
	return st_exec(st,
	    "INSERT INTO fts_defer (after_id) SELECT coalesce(max(id), 0) "
	    "FROM consumers",
	    err);
}

int
store_fts_defer_end(struct store *st, struct pd_err *err)
{
	return st_exec(st,
	    "INSERT INTO consumers_fts (rowid, name, account_no, phone, "
	    "phone_digits) SELECT id, name, account_no, phone, phone_digits "
	    "FROM consumers WHERE id > (SELECT min(after_id) FROM fts_defer); "
	    "DELETE FROM fts_defer",
	    err);
}

int64_t
store_consumer_count(struct store *st)
{
	return st_count(st, "SELECT count(*) FROM consumers");
}

struct consumer *
store_consumer_search(struct store *st, const char *text, size_t limit,
    size_t *n, struct pd_err *err)
{
	sqlite3_stmt *s;
	struct consumer *out;
	char digits[33], *q = NULL, *phone = NULL;

	*n = 0;
	digits_of(text, digits, sizeof digits);
	/* trigrams are of characters, not bytes: "山田" is two */
	if (utf8_chars(text, strlen(text)) >= 3) {
		/* an exact account number first, then the index's matches in
		 * rowid order: no sort over every match, so a common name
		 * costs no more than a rare one */
		s = st_stmt(st,
		    "SELECT " CONSUMER_COLS " FROM consumers c "
		    "WHERE c.account_no = ?2 UNION ALL SELECT * FROM "
		    "(SELECT " CONSUMER_COLS
		    " FROM consumers_fts f JOIN consumers c ON "
		    "c.id = f.rowid WHERE consumers_fts MATCH ?1 AND "
		    "c.account_no <> ?2 LIMIT ?3) LIMIT ?3",
		    err);
		if (s == NULL)
			return NULL;
		q = fts_phrase(text);
		if (strlen(digits) >= 3) {
			phone =
			    xasprintf("%s OR phone_digits : \"%s\"", q, digits);
			free(q);
			q = phone;
		}
		st_bind(s, "ssi", q, text, (int64_t)limit);
	} else {
		/* one or two characters: names that start with them in name
		 * order, then account numbers that do, each an index range
		 * (a LIKE over both columns at once sorts every match) */
		char up[16], low[16], uphi[24], lowhi[24];
		size_t i;

		s = st_stmt(st,
		    "SELECT * FROM (SELECT " CONSUMER_COLS
		    " FROM consumers c WHERE c.name LIKE ?1 ESCAPE '\\' "
		    "ORDER BY c.name COLLATE NOCASE LIMIT ?2) UNION ALL "
		    "SELECT * FROM (SELECT " CONSUMER_COLS
		    " FROM consumers c WHERE c.account_no >= ?3 AND "
		    "c.account_no < ?4 AND NOT c.name LIKE ?1 ESCAPE '\\' "
		    "ORDER BY c.account_no LIMIT ?2) UNION ALL "
		    "SELECT * FROM (SELECT " CONSUMER_COLS
		    " FROM consumers c WHERE ?5 <> ?3 AND c.account_no >= ?5 "
		    "AND c.account_no < ?6 AND NOT c.name LIKE ?1 ESCAPE '\\' "
		    "ORDER BY c.account_no LIMIT ?2) LIMIT ?2",
		    err);
		if (s == NULL)
			return NULL;
		q = like_pattern(text, 0);
		for (i = 0; text[i] != '\0' && i < sizeof up - 1; i++) {
			up[i] = (char)toupper((unsigned char)text[i]);
			low[i] = (char)tolower((unsigned char)text[i]);
		}
		up[i] = low[i] = '\0';
		/* the end of each range: the prefix then U+10FFFF */
		snprintf(uphi, sizeof uphi, "%s\xf4\x8f\xbf\xbf", up);
		snprintf(lowhi, sizeof lowhi, "%s\xf4\x8f\xbf\xbf", low);
		st_bind(s, "sissss", q, (int64_t)limit, up, uphi, low, lowhi);
	}
	out = st_collect(
	    st, s, sizeof *out, read_consumer, n, "searching consumers", err);
	free(q);
	return out;
}
