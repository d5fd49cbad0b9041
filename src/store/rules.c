/* rules.c - the history of the rules a terminal's record is judged by on
 * the central node (issue 18, review point 5): the values the settings
 * took and the names, branches and roles users had, each with the feed
 * entry that carried it to the terminals (schema_central.c keeps them),
 * and in the directory, when each terminal was handed a change. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

int64_t
store_rules_head(struct store *st)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT max(coalesce((SELECT max(seq) FROM setting_history), 0), "
	    "coalesce((SELECT max(seq) FROM user_history), 0))",
	    NULL);
	int64_t head = 0;

	if (s == NULL)
		return 0;
	if (db_step(s) == DB_ROW)
		head = db_column_int64(s, 0);
	db_reset(s);
	return head;
}

int64_t
store_feed_rules_in(struct store *st, int64_t since, int64_t cursor)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT coalesce(max(seq), 0) FROM feed WHERE seq > ? AND seq <= ? "
	    "AND entity IN ('setting', 'user')",
	    NULL);
	int64_t seq = 0;

	if (s == NULL)
		return 0;
	st_bind(s, "ii", since, cursor);
	if (db_step(s) == DB_ROW)
		seq = db_column_int64(s, 0);
	db_reset(s);
	return seq;
}

static void
read_change(struct db_stmt *s, void *elem)
{
	struct setting_change *c = elem;

	c->seq = db_column_int64(s, 0);
	st_col(s, 1, c->key, sizeof c->key);
	st_col(s, 2, c->value, sizeof c->value);
}

/* A history row (alias a of table t) a record may be judged by (review
 * of issue 18): its latest claimed seal is the row as it is. A row added
 * or changed around paydesk (a branch or a role set by hand and set back
 * leaves one) judges nothing; doctor reports it (seal.c). */
#define H_SEALED(t, a, fields)                                                 \
	" EXISTS (SELECT 1 FROM seals g WHERE g.tbl = '" t "' AND g.row_id ="  \
	" " a ".id AND g.id = (SELECT max(id) FROM seals WHERE tbl = '" t      \
	"' AND row_id = " a ".id AND +audit_id IS NOT NULL) AND g.fields = "    \
	fields ")"
#define USER_H_SEALED(a)                                                       \
	H_SEALED("user_history", a,                                            \
	    "json_array(" a ".seq, " a ".user_id, " a ".full_name, " a         \
	    ".branch, " a ".role)")
#define USER_H_SEALED_PG(a)                                                    \
	H_SEALED("user_history", a,                                            \
	    "seal_fields(to_json(" a "), '" SEAL_USER_HISTORY "')")

struct setting_change *
store_setting_history(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    db_is_pg(st->db)
	        ? "SELECT seq, key, value FROM setting_history h WHERE" H_SEALED(
	              "setting_history", "h",
	              "seal_fields(to_json(h), '" SEAL_SETTING_HISTORY "')")
	          " ORDER BY seq, key"
	        : "SELECT seq, key, value FROM setting_history h WHERE" H_SEALED(
	              "setting_history", "h",
	              "json_array(h.seq, h.key, h.value)") " ORDER BY seq, key",
	    err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct setting_change), read_change, n,
	    "reading the settings' history", err);
}

static void
read_role(struct db_stmt *s, void *elem)
{
	char buf[16];

	st_col(s, 0, buf, sizeof buf);
	*(int *)elem = role_parse(buf);
}

/* The versions of the users in force at feed entry ?3 or after it, of
 * branch ?2 or of every branch, the highest role first; sealed ones only
 * (sealed over an alias: USER_H_SEALED or USER_H_SEALED_PG). */
#define ROLE_SINCE(who, sealed)                                                \
	"SELECT role FROM user_history h WHERE " who " AND" sealed("h")        \
	" AND (branch = '' OR branch = ?2) AND (seq > ?3 OR seq = (SELECT "    \
	"max(x.seq) FROM user_history x WHERE x.user_id = h.user_id AND "      \
	"x.seq <= ?3 AND" sealed("x") ")) ORDER BY CASE role WHEN 'admin' "    \
	"THEN 4 WHEN 'supervisor' THEN 3 WHEN 'recovery' THEN 2 ELSE 1 END "   \
	"DESC LIMIT 1"
#define BY_USERNAME "user_id = (SELECT id FROM users WHERE username = ?1)"

int
store_user_role_since(struct store *st, const char *name, int by_username,
    const char *branch, int64_t since, enum role *role, struct pd_err *err)
{
	int pg = db_is_pg(st->db);
	struct db_stmt *s =
	    by_username
	        ? st_stmt(st,
	              pg ? ROLE_SINCE(BY_USERNAME, USER_H_SEALED_PG)
	                 : ROLE_SINCE(BY_USERNAME, USER_H_SEALED),
	              err)
	        : st_stmt(st,
	              pg ? ROLE_SINCE("full_name = ?1", USER_H_SEALED_PG)
	                 : ROLE_SINCE("full_name = ?1", USER_H_SEALED),
	              err);
	int r = 0, rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ssi", name, branch, since);
	rc = st_one(st, s, read_role, &r, _("Reading the users' history"), err);
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND, "%s", name);
	if (rc == 0)
		*role = r > 0 ? (enum role)r : ROLE_CASHIER;
	return rc;
}
#undef ROLE_SINCE
#undef BY_USERNAME

int
store_terminal_mark(struct store *st, const char *org, const char *terminal,
    int64_t seq, const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO terminal_marks (org, terminal, seq, at) SELECT ?1, "
	    "?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM terminal_marks WHERE "
	    "org = ?1 AND terminal = ?2 AND seq >= ?3)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssis", org, terminal, seq, at);
	return st_done(st, s, err);
}

int
store_terminal_marks_prune(struct store *st, const char *org,
    const char *terminal, const char *before, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "DELETE FROM terminal_marks WHERE org = ?1 AND terminal = ?2 AND "
	    "at < (SELECT max(at) FROM terminal_marks WHERE org = ?1 AND "
	    "terminal = ?2 AND at < ?3)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sss", org, terminal, before);
	return st_done(st, s, err);
}

static void
read_mark(struct db_stmt *s, void *elem)
{
	struct rule_mark *m = elem;

	m->seq = db_column_int64(s, 0);
	st_col(s, 1, m->at, sizeof m->at);
}

struct rule_mark *
store_terminal_marks(struct store *st, const char *org, const char *terminal,
    char first[TS_BUFSZ], size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT coalesce(min(created_at), '') FROM terminals WHERE org = ? "
	    "AND terminal = ?",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "ss", org, terminal);
	first[0] = '\0';
	if (db_step(s) == DB_ROW)
		st_col(s, 0, first, TS_BUFSZ);
	db_reset(s);
	s = st_stmt(st,
	    "SELECT seq, at FROM terminal_marks WHERE org = ? AND terminal = ? "
	    "ORDER BY at, seq",
	    err);
	if (s == NULL)
		return NULL;
	st_bind(s, "ss", org, terminal);
	return st_collect(st, s, sizeof(struct rule_mark), read_mark, n,
	    "reading the terminal's marks", err);
}

static void
read_doc_number(struct db_stmt *s, void *elem)
{
	struct doc_number *d = elem;

	st_col(s, 0, d->terminal, sizeof d->terminal);
	st_col(s, 1, d->branch, sizeof d->branch);
	st_col(s, 2, d->number, sizeof d->number);
	st_col(s, 3, d->date, sizeof d->date);
}

/* The query of each kind of document number (enum doc_series). */
static const char *const doc_number_sql[] = {
    "SELECT terminal, branch, receipt_no, paid_on FROM payments ORDER BY "
    "terminal, id",
    "SELECT c.terminal, coalesce(p.branch, ''), c.cn_no, c.created_on FROM "
    "credit_notes c LEFT JOIN payments p ON p.id = c.payment_id ORDER BY "
    "c.terminal, c.id",
    "SELECT terminal, branch, payment_no, paid_on FROM payments ORDER BY "
    "terminal, id",
    /* a closed shift's Z number by its close's day (its branch that of
     * the terminal's payments: a shift row has none) */
    "SELECT s.terminal, coalesce((SELECT min(p.branch) FROM payments p "
    "WHERE p.terminal = s.terminal), ''), s.z_no, substr(s.closed_at, 1, "
    "10) FROM shifts s WHERE s.z_no IS NOT NULL ORDER BY s.terminal, "
    "s.id",
};

struct doc_number *
store_doc_numbers(struct store *st, int kind, size_t *n, struct pd_err *err)
{
	struct db_stmt *s;

	if (kind < 0 || kind > DOC_SERIES_Z_REPORT) {
		pd_fail(err, PD_EINVAL, "No document series %d", kind);
		return NULL;
	}
	s = st_stmt(st, doc_number_sql[kind], err);
	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct doc_number), read_doc_number, n,
	    "reading document numbers", err);
}

static void
read_voided_doc(struct db_stmt *s, void *elem)
{
	struct voided_doc *d = elem;

	st_col(s, 0, d->terminal, sizeof d->terminal);
	st_col(s, 1, d->number, sizeof d->number);
	st_col(s, 2, d->payment_no, sizeof d->payment_no);
	st_col(s, 3, d->reason, sizeof d->reason);
	st_col(s, 4, d->by, sizeof d->by);
	st_col(s, 5, d->at, sizeof d->at);
	d->credit = (int)db_column_int64(s, 6);
}

struct voided_doc *
store_voided_docs(
    struct store *st, const char *terminal, size_t *n, struct pd_err *err)
{
	/* a credit note is voided with its payment (svc_payment_void): the
	 * payment's void says who, when and why */
	struct db_stmt *s = st_stmt(st,
	    "SELECT p.terminal, p.receipt_no, p.payment_no, v.reason, "
	    "v.voided_by, v.voided_at, 0 FROM voids v JOIN payments p ON p.id "
	    "= "
	    "v.payment_id WHERE p.terminal = ? UNION ALL SELECT c.terminal, "
	    "c.cn_no, p.payment_no, coalesce(v.reason, ''), "
	    "coalesce(v.voided_by, ''), coalesce(v.voided_at, ''), 1 FROM "
	    "credit_notes c JOIN payments p ON p.id = c.payment_id LEFT JOIN "
	    "voids v ON v.payment_id = c.payment_id WHERE c.voided = 1 AND "
	    "c.terminal = ? ORDER BY 6, 7, 2",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "ss", terminal, terminal);
	return st_collect(st, s, sizeof(struct voided_doc), read_voided_doc, n,
	    "reading voided documents", err);
}

int64_t
store_sync_refused(struct store *st, const char *terminal)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT count(DISTINCT uuid) FROM sync_log WHERE terminal = ? AND "
	    "event = 'rejected'",
	    NULL);
	int64_t n = 0;

	/* read once a transaction: a push asks it for each payment */
	if (st->depth > 0 && st->refused_of[0] != '\0' &&
	    strcmp(st->refused_of, terminal) == 0)
		return st->refused;
	if (s == NULL)
		return 0;
	st_bind(s, "s", terminal);
	if (db_step(s) == DB_ROW) {
		n = db_column_int64(s, 0);
		if (st->depth > 0 && strlen(terminal) < sizeof st->refused_of) {
			strcpy(st->refused_of, terminal);
			st->refused = n;
		}
	}
	db_reset(s);
	return n;
}

/* The carried count for terminal's payments from from to to (NULL none). */
static struct pay_carry *
carry_find(
    struct store *st, const char *terminal, const char *from, const char *to)
{
	int i;

	for (i = 0; i < st->pay_carries; i++)
		if (strcmp(st->pay_carry[i].terminal, terminal) == 0 &&
		    strcmp(st->pay_carry[i].from, from) == 0 &&
		    strcmp(st->pay_carry[i].to, to) == 0)
			return &st->pay_carry[i];
	return NULL;
}

/* Carry count n, exact as of feed entry feed, to the next transactions
 * (the keys fit: payments_count). */
static void
carry_keep(struct store *st, const char *terminal, const char *from,
    const char *to, int64_t n, int64_t feed)
{
	struct pay_carry *c = carry_find(st, terminal, from, to);

	if (c == NULL && st->pay_carries < 4)
		c = &st->pay_carry[st->pay_carries++];
	else if (c == NULL) {
		c = &st->pay_carry[st->pay_carry_next];
		st->pay_carry_next = (st->pay_carry_next + 1) % 4;
	}
	strcpy(c->terminal, terminal);
	strcpy(c->from, from);
	strcpy(c->to, to);
	c->n = n;
	c->feed = feed;
}

/* Carried count c brought up to date from the feed entries after its
 * own: the payments they enter (every payment is entered once, at its
 * insert: schema_central.c, schema_pg_m03.c; the feed is numbered in
 * commit order, so none can still appear below the last entry read),
 * read in one statement with the feed's last entry and the payments'
 * last id (one snapshot on PostgreSQL). 1 with *n and *max_id; 0 when
 * counting anew is the cheaper (more entries since than the count has
 * payments) or the feed is behind c (not the store c was read from);
 * -1 when the store failed. */
static int
carry_read(struct store *st, struct pay_carry *c, int64_t *n, int64_t *max_id,
    struct pd_err *err)
{
	int64_t head = st_count(st, "SELECT coalesce(max(seq), 0) FROM feed");
	struct db_stmt *s;
	int rc;

	if (head < c->feed || head - c->feed > c->n)
		return 0;
	/* the entries first, by their numbers (MATERIALIZED: not the
	 * terminal's payments first, which is the count's cost anew), then
	 * each one's payment by its id: a subquery in the WHERE, run for
	 * each entry on both engines. As a join, PostgreSQL hashed the
	 * terminal's payments (read whole) for the batch's few entries: a
	 * push of 100,000 took its server's CPU from 12.3 s to 43.8 s */
	s = st_stmt(st,
	    "WITH e AS MATERIALIZED (SELECT row_id FROM feed WHERE seq > ? "
	    "AND entity = 'payment') SELECT (SELECT count(*) FROM e WHERE "
	    "(SELECT p.terminal = ? AND p.paid_on BETWEEN ? AND ? FROM "
	    "payments p WHERE p.id = e.row_id)), (SELECT coalesce(max(seq), "
	    "0) FROM feed), (SELECT coalesce(max(id), 0) FROM payments)",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "isss", c->feed, c->terminal, c->from, c->to);
	rc = db_step(s);
	if (rc == DB_ROW) {
		c->n += db_column_int64(s, 0);
		c->feed = db_column_int64(s, 1);
		*max_id = db_column_int64(s, 2);
		*n = c->n;
	}
	db_reset(s);
	if (rc != DB_ROW)
		return st_fail(st, err, "Counting documents");
	return 1;
}

/* payments_count's count anew: the terminal's payments of the window
 * and the payments' last id; count_fed with the feed's last entry too,
 * for the carry (a central node's store alone has a feed) */
#define COUNT_SQL(fed)                                                         \
	"SELECT count(*), (SELECT coalesce(max(id), 0) FROM payments)" fed     \
	" FROM payments WHERE terminal = ? AND paid_on BETWEEN ? AND ?"
static const char count_sql[] = COUNT_SQL("");
static const char count_fed[] =
    COUNT_SQL(", (SELECT coalesce(max(seq), 0) FROM feed)");

/* The payments of terminal paid from from to to, for store_doc_count. A
 * push checks each payment's number against this count (sync_ahead.c):
 * counted whole for each of a backlog's payments it grew with the
 * backlog, every payment of the terminal read again for each one. So it
 * is counted once a transaction and then brought up to date from the
 * payments added since (by id, a few rows): payments are append-only and
 * their terminal and date frozen (schema.c's triggers), and a rollback or
 * the transaction's end forgets the count (db.c). Counted whole at each
 * push, it still grew with the backlog (each batch's first count read
 * the terminal's payments sent before: 2.4% of a central node's CPU at
 * the end of a push of 100,000, more for a longer one; on PostgreSQL
 * 1.2 s of its server's 12.3 s, 12 ms a batch at the end): a central
 * node carries it to its next transactions, brought up to date from the
 * feed (carry_read), a batch's worth of entries. */
static int
payments_count(struct store *st, const char *terminal, const char *from,
    const char *to, int64_t *n, struct pd_err *err)
{
	struct pay_count *m = NULL;
	char t[64], d[32];
	struct db_stmt *s;
	int i, rc, rows;

	for (i = 0; i < st->pay_counts && m == NULL; i++)
		if (strcmp(st->pay_count[i].terminal, terminal) == 0 &&
		    strcmp(st->pay_count[i].from, from) == 0 &&
		    strcmp(st->pay_count[i].to, to) == 0)
			m = &st->pay_count[i];
	if (m == NULL) {
		int64_t max_id = 0, head = 0;
		/* kept inside a transaction only, for keys that fit */
		int keep =
		    st->depth > 0 && strlen(terminal) < sizeof m->terminal &&
		    strlen(from) < sizeof m->from && strlen(to) < sizeof m->to;
		int carry = st->central;
		struct pay_carry *c =
		    keep && carry ? carry_find(st, terminal, from, to) : NULL;

		rc = c != NULL ? carry_read(st, c, n, &max_id, err) : 0;
		if (rc < 0)
			return -1;
		if (rc == 0) {
			s = st_stmt(st, carry ? count_fed : count_sql, err);
			if (s == NULL)
				return -1;
			st_bind(s, "sss", terminal, from, to);
			rc = db_step(s);
			*n = rc == DB_ROW ? db_column_int64(s, 0) : 0;
			max_id = rc == DB_ROW ? db_column_int64(s, 1) : 0;
			if (rc == DB_ROW && carry)
				head = db_column_int64(s, 2);
			db_reset(s);
			if (rc != DB_ROW)
				return st_fail(st, err, "Counting documents");
			if (keep && carry)
				carry_keep(st, terminal, from, to, *n, head);
		}
		if (!keep)
			return 0;
		if (st->pay_counts < 4)
			m = &st->pay_count[st->pay_counts++];
		else {
			m = &st->pay_count[st->pay_next];
			st->pay_next = (st->pay_next + 1) % 4;
		}
		strcpy(m->terminal, terminal);
		strcpy(m->from, from);
		strcpy(m->to, to);
		m->n = *n;
		m->max_id = max_id;
		m->live = 0;
		return 0;
	}
	if (m->live) {
		*n = m->n;
		return 0;
	}
	do {
		s = st_stmt(st,
		    "SELECT id, terminal, paid_on FROM payments WHERE id > ? "
		    "ORDER BY id LIMIT 256",
		    err);
		if (s == NULL)
			return -1;
		st_bind(s, "i", m->max_id);
		rows = 0;
		while ((rc = db_step(s)) == DB_ROW) {
			rows++;
			m->max_id = db_column_int64(s, 0);
			st_col(s, 1, t, sizeof t);
			st_col(s, 2, d, sizeof d);
			/* as BETWEEN compares text */
			if (strcmp(t, terminal) == 0 && strcmp(d, from) >= 0 &&
			    strcmp(d, to) <= 0)
				m->n++;
		}
		db_reset(s);
		if (rc != DB_DONE) {
			st->pay_counts = 0;
			return st_fail(st, err, "Counting documents");
		}
	} while (rows == 256);
	*n = m->n;
	return 0;
}

/* A push's own payments, counted as they are inserted: a count read has
 * its max_id, and a payment whose id follows it is the next row (a
 * payment of this transaction: on SQLite it holds the write lock; on
 * PostgreSQL its first payment's feed entry holds the feed head's row,
 * so no other writer of the organisation commits a payment before it
 * ends). A payment whose id does not follow (another's ids between, a
 * sequence's values rolled back) leaves the count to be read from
 * max_id on, as above. */
void
st_pay_count_insert(
    struct store *st, int64_t id, const char *terminal, const char *paid_on)
{
	struct pay_count *m;
	int i;

	for (i = 0; i < st->pay_counts; i++) {
		m = &st->pay_count[i];
		if (id != m->max_id + 1) {
			m->live = 0;
			continue;
		}
		m->max_id = id;
		m->live = 1;
		/* as BETWEEN compares text */
		if (strcmp(m->terminal, terminal) == 0 &&
		    strcmp(paid_on, m->from) >= 0 && strcmp(paid_on, m->to) <= 0)
			m->n++;
	}
}

int
store_doc_count(struct store *st, int kind, const char *terminal,
    const char *from, const char *to, int64_t *n, struct pd_err *err)
{
	/* by the date a document's number takes its scope from (the
	 * payment's paid_on, the credit note's created_on) */
	static const char *const sql[] = {
	    /* receipts and payments: payments_count */
	    [DOC_SERIES_CREDIT_NOTE] =
	        "SELECT count(*) FROM credit_notes WHERE terminal = ? AND "
	        "created_on BETWEEN ? AND ?",
	    [DOC_SERIES_Z_REPORT] =
	        "SELECT count(*) FROM shifts WHERE terminal = ? AND z_no IS "
	        "NOT NULL AND substr(closed_at, 1, 10) BETWEEN ? AND ?",
	};
	struct db_stmt *s;
	int rc;

	if (kind < 0 || kind > DOC_SERIES_Z_REPORT)
		return pd_fail(err, PD_EINVAL, "No document series %d", kind);
	if (kind == DOC_SERIES_RECEIPT || kind == DOC_SERIES_PAYMENT)
		return payments_count(st, terminal, from, to, n, err);
	s = st_stmt(st, sql[kind], err);
	if (s == NULL)
		return -1;
	st_bind(s, "sss", terminal, from, to);
	rc = db_step(s);
	*n = rc == DB_ROW ? db_column_int64(s, 0) : 0;
	db_reset(s);
	if (rc != DB_ROW)
		return st_fail(st, err, "Counting documents");
	return 0;
}

int64_t
store_series_peek(struct store *st, const char *series, const char *scope)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT next FROM number_series WHERE series = ? AND scope = ?",
	    NULL);
	int64_t next = 1;

	if (s == NULL)
		return 1;
	st_bind(s, "ss", series, scope);
	if (db_step(s) == DB_ROW)
		next = db_column_int64(s, 0);
	db_reset(s);
	return next;
}

int
store_is_central(struct store *st)
{
	if (st->central)
		return 1;
	return st_count(st, "SELECT count(*) FROM sqlite_master WHERE type = "
	                    "'table' AND name = 'feed'") > 0;
}

int
store_sync_log_has(struct store *st, const char *terminal, const char *uuid,
    const char *before)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT 1 FROM sync_log WHERE terminal = ? AND uuid = ? AND at < ? "
	    "LIMIT 1",
	    NULL);
	int rc;

	if (s == NULL)
		return 0;
	st_bind(s, "sss", terminal, uuid, before);
	rc = db_step(s);
	db_reset(s);
	return rc == DB_ROW;
}
