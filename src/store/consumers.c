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

void
st_read_consumer(struct db_stmt *s, void *elem)
{
	struct consumer *c = elem;

	memset(c, 0, sizeof *c);
	c->id = db_column_int64(s, 0);
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
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO consumers (uuid, "
	    "account_no, name, service_address, phone, phone_digits, email, "
	    "segment, language, name_fold, created_at) VALUES (?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, datetime('now', 'localtime'))",
	    err);
	char digits[33], *fold;
	int rc;

	st_push_rows_forget(st);
	if (s == NULL)
		return -1;
	if (c->uuid[0] == '\0')
		os_uuid_new(c->uuid);
	digits_of(c->phone, digits, sizeof digits);
	fold = utf8_fold(c->name, strlen(c->name));
	st_bind(s, "ssssssssss", c->uuid, c->account_no, c->name, c->address,
	    c->phone, digits, c->email, c->segment, c->language, fold);
	rc = st_done(st, s, err);
	free(fold);
	if (rc != 0)
		return -1;
	c->id = db_last_insert_rowid(st->db);
	return 0;
}

int
store_consumer_update(
    struct store *st, const struct consumer *c, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE consumers SET uuid = ?, account_no = ?, name = ?, "
	    "service_address = ?, phone = ?, phone_digits = ?, email = ?, "
	    "segment = ?, language = ?, name_fold = ? WHERE id = ?",
	    err);
	char digits[33], *fold;
	int rc;

	st->nids = 0; /* its uuid may change (store_id_of) */
	st_push_rows_forget(st);
	if (s == NULL)
		return -1;
	digits_of(c->phone, digits, sizeof digits);
	fold = utf8_fold(c->name, strlen(c->name));
	st_bind(s, "ssssssssssi", c->uuid, c->account_no, c->name, c->address,
	    c->phone, digits, c->email, c->segment, c->language, fold, c->id);
	rc = st_done(st, s, err);
	free(fold);
	return rc;
}

static int
consumer_one(struct store *st, struct db_stmt *s, struct consumer *c,
    const char *what, struct pd_err *err)
{
	int rc = db_step(s);

	if (rc == DB_ROW) {
		st_read_consumer(s, c);
		db_reset(s);
		return 0;
	}
	db_reset(s);
	if (rc == DB_DONE)
		return pd_fail(err, PD_ENOTFOUND,
		    _("No consumer with account "
		      "number \"%s\""),
		    what);
	return st_fail(st, err, _("Reading a consumer"));
}

int
store_consumer_by_account(struct store *st, const char *account,
    struct consumer *c, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " CONSUMER_COLS " FROM "
	    "consumers c WHERE c.account_no = ?",
	    err);
	/* an account pasted with white space around it */
	char *t = search_trim(account);
	int rc;

	if (s == NULL) {
		free(t);
		return -1;
	}
	st_bind(s, "s", t);
	rc = consumer_one(st, s, c, t, err);
	free(t);
	return rc;
}

int
store_consumer_by_id(
    struct store *st, int64_t id, struct consumer *c, struct pd_err *err)
{
	struct db_stmt *s;
	char what[32];

	/* one a push read with its batch's (push_rows.c) */
	if (st_push_rows_consumer(st, id, c))
		return 0;
	s = st_stmt(st,
	    "SELECT " CONSUMER_COLS " FROM "
	    "consumers c WHERE c.id = ?",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	snprintf(what, sizeof what, "#%lld", (long long)id);
	return consumer_one(st, s, c, what, err);
}

struct consumer *
store_consumers_between(struct store *st, int64_t lo, int64_t hi, size_t *n,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " CONSUMER_COLS " FROM consumers c WHERE c.id BETWEEN "
	    "? AND ? ORDER BY c.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "ii", lo, hi);
	return st_collect(st, s, sizeof(struct consumer), st_read_consumer, n,
	    "reading consumers", err);
}

/* The consumers' AFTER INSERT triggers (the search indexes') are
 * dropped while fts_defer holds a row, and made again from their own
 * SQL (st->fts_triggers) before the commit, in the same transaction: a
 * consumer inserted then has an id above after_id, so their WHEN was
 * false for every one of them, but a statement that has triggers runs
 * in a statement journal of its own (SQLite journals each page it
 * touches, should a trigger fail half way): a fresh terminal's pull of
 * 1,000,000 consumers spent a quarter of its applying thread there
 * (perf: sqlite3VdbeHalt, sqlite3PagerSavepoint). The UPDATE and DELETE
 * triggers stay: a consumer the store had before the pull is still
 * indexed row by row. A crash or a rollback leaves the triggers as they
 * were, with the rows. */
int
store_fts_defer_begin(struct store *st, struct pd_err *err)
{
	free(st->fts_triggers);
	st->fts_triggers = NULL;
	if (db_is_pg(st->db))
		return 0; /* no search index: the central node searches none */
	if (st_exec(st,
	        "INSERT INTO fts_defer (after_id) SELECT coalesce(max(id), "
	        "0) FROM consumers",
	        err) != 0)
		return -1;
	if (st_triggers_sql(st, "consumers",
	        "('consumers_ai', 'consumers_words_ai')", &st->fts_triggers,
	        _("Reading the search index's triggers"), err) != 0)
		return -1;
	if (st->fts_triggers == NULL)
		return 0;
	return st_exec(st,
	    "DROP TRIGGER IF EXISTS consumers_ai; DROP TRIGGER IF EXISTS "
	    "consumers_words_ai",
	    err);
}

/* FTS5 keeps the entries of a transaction in memory until they pass
 * its hashsize (1 MiB by default), then writes them as a segment; at 16
 * segments of a level it merges them (crisismerge), reading them back.
 * A pull's commit of 100,000 consumers wrote ~40 segments an index that
 * way and merged them as it went: 8.45 s of CPU for 1,000,000 consumers
 * (6.37 user, 2.08 system: half of it the merges' reads and the freed
 * pages written again as zeros), the largest part of a fresh terminal's
 * applying thread (perf: store_fts_defer_end 38.8% of it). With the
 * hash at 32 MiB for the deferred build alone the commit writes
 * one segment an index, merged by svc_fts_idle later: 4.60 s (4.15 user,
 * 0.45 system), 21 MB more at the peak. The default is set again in the
 * same statement list, so any other transaction flushes as before. */
static const char fts_build[] =
    "INSERT INTO consumers_fts (consumers_fts, rank) VALUES ('hashsize', "
    "33554432); "
    "INSERT INTO consumers_words (consumers_words, rank) VALUES "
    "('hashsize', 33554432); "
    "INSERT INTO consumers_fts (rowid, name_fold, account_no, phone, "
    "phone_digits) SELECT id, name_fold, account_no, phone, phone_digits "
    "FROM consumers WHERE id > (SELECT min(after_id) FROM fts_defer); "
    "INSERT INTO consumers_words (rowid, name_fold) SELECT id, name_fold "
    "FROM consumers WHERE id > (SELECT min(after_id) FROM fts_defer); "
    "INSERT INTO consumers_fts (consumers_fts, rank) VALUES ('hashsize', "
    "1048576); "
    "INSERT INTO consumers_words (consumers_words, rank) VALUES "
    "('hashsize', 1048576); "
    "DELETE FROM fts_defer";

int
store_fts_defer_end(struct store *st, struct pd_err *err)
{
	char *trig = st->fts_triggers;
	int rc;

	st->fts_triggers = NULL;
	if (db_is_pg(st->db))
		return 0;
	rc = st_exec(st, fts_build, err);
	if (rc == 0 && trig != NULL)
		rc = st_exec(st, trig, err);
	free(trig);
	return rc;
}

int64_t
store_consumer_count(struct store *st)
{
	return st_count(st, "SELECT count(*) FROM consumers");
}

/* The short query's word starts (consumers_words: the words unicode61
 * splits, letters, digits and marks) and whether it has a wide
 * character. The rule, in paydesk(1): one or two characters match the
 * start of the name, of any word of it, or of the account; in a name of
 * wide characters (Chinese, Japanese, Korean: no space between family
 * and given name) any character is the start of a part of it. */
static void
short_words(struct consumer_q *c)
{
	size_t i = 0, n = strlen(c->fold), k;
	uint32_t cp;
	int word = 0;
	char *phrase;

	while (i < n) {
		k = utf8_decode(c->fold + i, n - i, &cp);
		if (utf8_cp_columns(cp) == 2)
			c->wide = 1;
		if (utf8_word_char(cp))
			word = 1;
		i += k;
	}
	if (!word)
		return;
	phrase = fts_phrase(c->fold);
	c->words = xasprintf("%s *", phrase);
	free(phrase);
}

void
consumer_q_init(struct store *st, const char *text, struct consumer_q *c)
{
	char digits[33];
	char *phrase, *trimmed = search_trim(text);

	memset(c, 0, sizeof *c);
	/* what was pasted with white space around it is searched without */
	text = trimmed;
	c->fold = utf8_fold(text, strlen(text));
	/* trigrams are of characters, not bytes, and of the folded text:
	 * "山田" is two, "ß" folds to "ss" */
	c->short_q = utf8_chars(c->fold, strlen(c->fold)) < 3;
	if (c->short_q) {
		/* the end of the range: the prefix then U+10FFFF; a short
		 * text is at most 2 characters but may fold longer */
		xstrlcpy(c->lo, c->fold, sizeof c->lo);
		snprintf(c->hi, sizeof c->hi, "%s\xf4\x8f\xbf\xbf", c->lo);
		short_words(c);
		free(trimmed);
		return;
	}
	phrase = fts_phrase(c->fold);
	search_phone_digits(text, st->phone_cc, digits, sizeof digits);
	if (strlen(digits) >= 3)
		c->match =
		    xasprintf("%s OR phone_digits : \"%s\"", phrase, digits);
	else
		c->match = xstrdup(phrase);
	free(phrase);
	free(trimmed);
}

void
consumer_q_free(struct consumer_q *c)
{
	free(c->fold);
	free(c->match);
	free(c->words);
	c->fold = c->match = c->words = NULL;
}

void
consumer_q_ids(struct qb *q, const struct consumer_q *c)
{
	if (!c->short_q) {
		qb_add(q,
		    "SELECT rowid FROM consumers_fts WHERE consumers_fts "
		    "MATCH ?",
		    "s", c->match);
		return;
	}
	/* account_no compares without regard to ASCII case (NOCASE) */
	qb_add(q,
	    "SELECT id FROM consumers WHERE name_fold >= ? AND name_fold < ? "
	    "UNION SELECT id FROM consumers WHERE account_no >= ? AND "
	    "account_no < ?",
	    "ssss", c->lo, c->hi, c->lo, c->hi);
	if (c->words != NULL)
		qb_add(q,
		    " UNION SELECT rowid FROM consumers_words WHERE "
		    "consumers_words MATCH ?",
		    "s", c->words);
	if (c->wide)
		qb_add(q,
		    " UNION SELECT id FROM consumers WHERE instr(name_fold, ?) "
		    "> 0",
		    "s", c->fold);
}

/* The short search (consumer_q short_q) in the order names, accounts,
 * words: [whether it has word starts][whether a wide character]; ?1 ?2
 * the range, ?3 the limit, ?4 the words' query, ?5 the folded text. */
#define SHORT_NAMES                                                    \
	"SELECT * FROM (SELECT " CONSUMER_COLS                         \
	" FROM consumers c WHERE c.name_fold >= ?1 AND "               \
	"c.name_fold < ?2 ORDER BY c.name_fold LIMIT ?3) UNION ALL "   \
	"SELECT * FROM (SELECT " CONSUMER_COLS                         \
	" FROM consumers c WHERE c.account_no >= ?1 AND "              \
	"c.account_no < ?2 AND NOT (c.name_fold >= ?1 AND "            \
	"c.name_fold < ?2) ORDER BY c.account_no LIMIT ?3)"
#define SHORT_REST(ids)                                                \
	" UNION ALL SELECT * FROM (SELECT " CONSUMER_COLS              \
	" FROM consumers c WHERE c.id IN (" ids ") AND NOT "           \
	"(c.name_fold >= ?1 AND c.name_fold < ?2) AND NOT "            \
	"(c.account_no >= ?1 AND c.account_no < ?2) ORDER BY "         \
	"c.name_fold LIMIT ?3)"
#define SHORT_WORDS                                                    \
	"SELECT rowid FROM consumers_words WHERE consumers_words MATCH ?4"
#define SHORT_WIDE "SELECT id FROM consumers WHERE instr(name_fold, ?5) > 0"
static const char *const short_sql[2][2] = {
    {SHORT_NAMES " LIMIT ?3", SHORT_NAMES SHORT_REST(SHORT_WIDE) " LIMIT ?3"},
    {SHORT_NAMES SHORT_REST(SHORT_WORDS) " LIMIT ?3",
        SHORT_NAMES SHORT_REST(SHORT_WORDS " UNION " SHORT_WIDE) " LIMIT ?3"},
};

struct consumer *
store_consumer_search(struct store *st, const char *text, size_t limit,
    size_t *n, struct pd_err *err)
{
	struct db_stmt *s;
	struct consumer *out;
	struct consumer_q cq;

	*n = 0;
	consumer_q_init(st, text, &cq);
	if (!cq.short_q) {
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
		if (s == NULL) {
			consumer_q_free(&cq);
			return NULL;
		}
		st_bind(s, "ssi", cq.match, text, (int64_t)limit);
	} else {
		/* one or two characters: folded names that start with them
		 * in that order, then account numbers that do (the column
		 * is NOCASE: one range holds both cases), each an index
		 * range, then the names with a word that starts so (and
		 * with a wide character anywhere), each consumer once */
		s = st_stmt(st, short_sql[!!cq.words][cq.wide], err);
		if (s == NULL) {
			consumer_q_free(&cq);
			return NULL;
		}
		st_bind(s, "ssiss", cq.lo, cq.hi, (int64_t)limit,
		    cq.words ? cq.words : "", cq.fold);
	}
	out = st_collect(
	    st, s, sizeof *out, st_read_consumer, n, "searching consumers", err);
	consumer_q_free(&cq);
	return out;
}

int64_t
store_consumer_history(struct store *st, int64_t id)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT (SELECT count(*) FROM payments WHERE consumer_id = ?1) + "
	    "(SELECT count(*) FROM items WHERE consumer_id = ?1)",
	    NULL);
	int64_t n = 0;

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	if (db_step(s) == DB_ROW)
		n = db_column_int64(s, 0);
	db_reset(s);
	return n;
}
