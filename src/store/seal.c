/* seal.c - rows that carry money or rights, sealed into the audit chain
 * (issue 18, section 7: tampering is seen).
 *
 * A trigger of each sealed table (schema.c, migration 9) writes a pending
 * seal, the row's SEAL_* columns as a JSON array, whenever one of them
 * changes. The audit entry of the use case claims the seals its
 * transaction wrote and chains their SHA-256 (audit.c); doctor compares
 * each row with its latest claimed seal. A change made around the
 * program (the sqlite3 shell, with or without the triggers) is then a row
 * that differs from its seal, a seal no audit entry claims, or a chain
 * that no longer verifies.
 *
 * The seals of one entry or one row (claimed, hashed, checked at sign-in
 * and push) are seal_row.c's.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/sha256.h"

/* The sealed tables: the columns sealed, what names a row (an SQL
 * expression over the row t, and one over its latest seal g when the
 * row is gone) and whether the table is the ledger's or the outbox's,
 * which a central node's store does not seal (schema_central.c). */
static const struct {
	const char *table;
	const char *cols;
	const char *label;      /* over t */
	const char *gone_label; /* over g */
	int ledger;             /* 1: not at a central node; 2: only there */
} sealed[] = {
    {"items", SEAL_ITEMS, "t.ref", "json_extract(g.fields, '$[2]')", 0},
    {"credit_notes", SEAL_CREDIT_NOTES, "t.cn_no",
        "json_extract(g.fields, '$[0]')", 0},
    {"users", SEAL_USERS, "t.username", "json_extract(g.fields, '$[0]')", 0},
    {"settings", SEAL_SETTINGS, "t.key", "json_extract(g.fields, '$[0]')", 0},
    /* the log of documents issued: which was the original, which each
     * copy (a later migration) */
    {"documents", SEAL_DOCUMENTS, "t.kind || ' ' || t.number || ' #' || t.copy",
        "json_extract(g.fields, '$[0]') || ' ' || json_extract(g.fields, "
        "'$[1]') || ' #' || json_extract(g.fields, '$[2]')",
        1},
    /* the central node's history of the rules (schema_central.c):
     * named by the user or the setting and the feed entry */
    {"user_history", SEAL_USER_HISTORY,
        "(SELECT username FROM users WHERE id = t.user_id) || ' #' || t.seq",
        "(SELECT username FROM users WHERE id = CAST(json_extract(g.fields, "
        "'$[1]') AS bigint)) || ' #' || json_extract(g.fields, '$[0]')",
        2},
    {"setting_history", SEAL_SETTING_HISTORY, "t.key || ' #' || t.seq",
        "json_extract(g.fields, '$[1]') || ' #' || json_extract(g.fields, "
        "'$[0]')",
        2},
    {"payments", SEAL_PAYMENTS, "t.payment_no",
        "json_extract(g.fields, '$[1]')", 1},
    {"allocations", SEAL_ALLOCATIONS,
        "(SELECT payment_no FROM payments WHERE id = t.payment_id)",
        "(SELECT payment_no FROM payments WHERE id = json_extract(g.fields, "
        "'$[0]'))",
        1},
    {"voids", SEAL_VOIDS,
        "(SELECT payment_no FROM payments WHERE id = t.payment_id)",
        "(SELECT payment_no FROM payments WHERE id = json_extract(g.fields, "
        "'$[1]'))",
        1},
    {"outbox", SEAL_OUTBOX, "t.kind || ' ' || t.ref",
        "json_extract(g.fields, '$[1]') || ' ' || json_extract(g.fields, "
        "'$[2]')",
        1},
    /* applied from their records at a central node, not sealed there
     * (schema_central.c): counted with the ledger */
    {"shifts", SEAL_SHIFTS, "t.uuid", "json_extract(g.fields, '$[0]')", 1},
    /* a later migration (review 18, points 3 and 4); a central node's
     * store drops their triggers like the ledger's */
    {"credit_applications", SEAL_CREDIT_APPS, "t.uuid",
        "json_extract(g.fields, '$[0]')", 1},
    {"shift_counts", SEAL_SHIFT_COUNTS,
        "(SELECT uuid FROM shifts WHERE id = t.shift_id) || ' ' || t.phase "
        "|| ' ' || t.method",
        "(SELECT uuid FROM shifts WHERE id = json_extract(g.fields, '$[0]'))"
        " || ' ' || json_extract(g.fields, '$[1]') || ' ' || "
        "json_extract(g.fields, '$[2]')",
        1},
    {"shift_movements", SEAL_SHIFT_MOVEMENTS, "t.uuid",
        "json_extract(g.fields, '$[0]')", 1},
    {"shift_tenders", SEAL_SHIFT_TENDERS,
        "(SELECT uuid FROM shifts WHERE id = t.shift_id) || ' ' || t.method",
        "(SELECT uuid FROM shifts WHERE id = json_extract(g.fields, '$[0]'))"
        " || ' ' || json_extract(g.fields, '$[1]')",
        1},
    /* the first count shown of a tender counted again (a later
     * migration, issue 20) */
    {"shift_first_counts", SEAL_SHIFT_FIRST,
        "(SELECT uuid FROM shifts WHERE id = t.shift_id) || ' ' || t.method",
        "(SELECT uuid FROM shifts WHERE id = json_extract(g.fields, '$[0]'))"
        " || ' ' || json_extract(g.fields, '$[1]')",
        1},
    /* the cheques not matched at a close (a later migration, issue 20) */
    {"shift_unmatched", SEAL_SHIFT_UNMATCHED,
        "(SELECT uuid FROM shifts WHERE id = t.shift_id) || ' ' || t.method",
        "(SELECT uuid FROM shifts WHERE id = json_extract(g.fields, '$[0]'))"
        " || ' ' || json_extract(g.fields, '$[1]')",
        1},
    /* the shift a payment belongs to (a later migration, issue 20) */
    {"payment_shifts", SEAL_PAYMENT_SHIFTS,
        "(SELECT payment_no FROM payments WHERE id = t.payment_id)",
        "(SELECT payment_no FROM payments WHERE id = json_extract(g.fields, "
        "'$[0]'))",
        1},
    /* the team a payment was taken for (migration 94, issue 23) */
    {"payment_teams", SEAL_PAYMENT_TEAMS,
        "(SELECT payment_no FROM payments WHERE id = t.payment_id)",
        "(SELECT payment_no FROM payments WHERE id = json_extract(g.fields, "
        "'$[0]'))",
        1},
    /* the shift a void belongs to (a later migration, issue 20) */
    {"void_shifts", SEAL_VOID_SHIFTS,
        "(SELECT p.payment_no FROM voids v JOIN payments p ON p.id = "
        "v.payment_id WHERE v.id = t.void_id)",
        "(SELECT p.payment_no FROM voids v JOIN payments p ON p.id = "
        "v.payment_id WHERE v.id = json_extract(g.fields, '$[0]'))",
        1},
    {"bank_statements", SEAL_BANK_STATEMENTS, "t.stmt_id",
        "json_extract(g.fields, '$[1]')", 1},
    {"bank_statement_lines", SEAL_BANK_LINES,
        "(SELECT stmt_id FROM bank_statements WHERE id = t.statement_id) "
        "|| ' #' || t.seq",
        "(SELECT stmt_id FROM bank_statements WHERE id = "
        "json_extract(g.fields, '$[0]')) || ' #' || json_extract(g.fields, "
        "'$[1]')",
        1},
    /* deposits (issue 20) */
    {"deposits", SEAL_DEPOSITS, "t.slip_no", "json_extract(g.fields, '$[1]')",
        1},
    {"deposit_lines", SEAL_DEPOSIT_LINES,
        "(SELECT slip_no FROM deposits WHERE id = t.deposit_id) || ' ' || "
        "t.method",
        "(SELECT slip_no FROM deposits WHERE id = json_extract(g.fields, "
        "'$[0]')) || ' ' || json_extract(g.fields, '$[2]')",
        1},
    /* a deposit's cheques by number (a later migration) */
    {"deposit_cheques", SEAL_DEPOSIT_CHEQUES,
        "(SELECT slip_no FROM deposits WHERE id = t.deposit_id) || ' ' || "
        "t.method || ' ' || t.number",
        "(SELECT slip_no FROM deposits WHERE id = json_extract(g.fields, "
        "'$[0]')) || ' ' || json_extract(g.fields, '$[2]') || ' ' || "
        "json_extract(g.fields, '$[3]')",
        1},
    /* a deposit handed to the bank (a later migration) */
    {"deposit_hands", SEAL_DEPOSIT_HANDS,
        "(SELECT slip_no FROM deposits WHERE id = t.deposit_id)",
        "(SELECT slip_no FROM deposits WHERE id = json_extract(g.fields, "
        "'$[0]'))",
        1},
    {"statement_matches", SEAL_STMT_MATCHES, "'line ' || t.line_id",
        "'line ' || json_extract(g.fields, '$[0]')", 1},
    {"statement_match_payments", SEAL_MATCH_PAYMENTS, "'match ' || t.match_id",
        "'match ' || json_extract(g.fields, '$[0]')", 1},
    /* an arrangement and its moves (review R18, session 37) */
    {"arrangements", SEAL_ARRANGEMENTS,
        "(SELECT plan_no FROM plans WHERE id = t.plan_id)",
        "(SELECT plan_no FROM plans WHERE id = json_extract(g.fields, "
        "'$[1]'))",
        1},
    {"arrangement_moves", SEAL_ARR_MOVES,
        "(SELECT p.plan_no FROM arrangement_events e JOIN arrangements a ON "
        "a.id = e.arrangement_id JOIN plans p ON p.id = a.plan_id WHERE "
        "e.id = t.event_id) || ' ' || (SELECT ref FROM items WHERE id = "
        "t.item_id)",
        "(SELECT p.plan_no FROM arrangement_events e JOIN arrangements a ON "
        "a.id = e.arrangement_id JOIN plans p ON p.id = a.plan_id WHERE "
        "e.id = json_extract(g.fields, '$[0]')) || ' ' || (SELECT ref FROM "
        "items WHERE id = json_extract(g.fields, '$[1]'))",
        1},
    {"recon_resolutions", SEAL_RESOLUTIONS, "t.kind || ' ' || t.ref",
        "json_extract(g.fields, '$[1]') || ' ' || json_extract(g.fields, "
        "'$[3]')",
        1},
};

/* The expression of a row's seal over columns cols of the row named
 * alias, as the engine's triggers write it: SQLite's json_array, or
 * PostgreSQL's seal_fields (schema_pg.c), which writes the same text. */
static void
fields_sql(
    struct store *st, const char *alias, const char *cols, char *out, size_t n)
{
	if (db_is_pg(st->db))
		snprintf(out, n, "seal_fields(to_json(%s), '%s')", alias, cols);
	else
		snprintf(out, n, "json_array(%s)", cols);
}

static void
report(problem_cb cb, void *arg, int *problems, const char *line)
{
	char buf[1024];

	snprintf(buf, sizeof buf, "%s: %s", _("seals"), line);
	if (cb != NULL)
		cb(buf, arg);
	(*problems)++;
}

/* The name of column k of a comma-separated list, into out. */
static void
col_name(const char *cols, int k, char *out, size_t n)
{
	const char *p = cols, *e;
	int at = k;

	while (k-- > 0 && (p = strchr(p, ',')) != NULL)
		p += 2;
	if (p == NULL) {
		snprintf(out, n, "#%d", at);
		return;
	}
	e = strchr(p, ',');
	snprintf(out, n, "%.*s", (int)(e ? (size_t)(e - p) : strlen(p)), p);
	/* a column sealed by its digest: pd_sha256(payload) */
	if ((p = strchr(out, '(')) != NULL && (e = strchr(p, ')')) != NULL)
		memmove(out, p + 1, (size_t)(e - p - 1)), out[e - p - 1] = '\0';
}

/* The members of outbox record id's payload that differ from the
 * payment it was made from (a payment record's: its payload is sealed by
 * its digest, which says that it changed, not where), each reported
 * after head; how many. */
/* (a payload leaves an empty text member out) */
#define PAYLOAD_MEMBER(m, col)                                                 \
	"json_array('$.data." m "', coalesce(json_extract(o.payload, "         \
	"'$.data." m "'), CASE p." col " WHEN '' THEN '' END), p." col ")"
/* clang-format off */
#define PAYLOAD_MEMBERS                                                        \
	PAYLOAD_MEMBER("payment_no", "payment_no")                             \
	", " PAYLOAD_MEMBER("txn_no", "txn_no")                                \
	", " PAYLOAD_MEMBER("receipt_no", "receipt_no")                        \
	", " PAYLOAD_MEMBER("type", "type")                                    \
	", " PAYLOAD_MEMBER("channel", "channel")                              \
	", " PAYLOAD_MEMBER("method", "method")                                \
	", " PAYLOAD_MEMBER("method_kind", "method_kind")                      \
	", " PAYLOAD_MEMBER("amount", "amount")                                \
	", " PAYLOAD_MEMBER("tendered", "tendered")                            \
	", " PAYLOAD_MEMBER("change", "change_given")                          \
	", " PAYLOAD_MEMBER("due_total", "due_total")                          \
	", " PAYLOAD_MEMBER("overpaid", "overpaid")                            \
	", " PAYLOAD_MEMBER("paid_on", "paid_on")                              \
	", " PAYLOAD_MEMBER("notes", "notes")                                  \
	", " PAYLOAD_MEMBER("received_by", "received_by")                      \
	", " PAYLOAD_MEMBER("reference", "reference")
/* clang-format on */
static int
payload_differs(struct store *st, const char *head, int64_t id, problem_cb cb,
    void *arg, int *problems)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT json_extract(m.value, '$[0]'), coalesce(json_extract("
	    "m.value, '$[1]'), 'null'), coalesce(json_extract(m.value, "
	    "'$[2]'), 'null') FROM outbox o JOIN payments p ON p.uuid = "
	    "o.uuid, json_each(json_array(" PAYLOAD_MEMBERS
	    ")) m WHERE o.id = ? AND o.kind = 'payment' AND json_valid("
	    "o.payload) AND json_extract(m.value, '$[1]') IS NOT "
	    "json_extract(m.value, '$[2]')",
	    NULL);
	char line[1024];
	int n = 0;

	if (s == NULL)
		return 0;
	st_bind(s, "i", id);
	while (db_step(s) == DB_ROW) {
		snprintf(line, sizeof line,
		    _("%s: payload %s is %s but the payment it was made from "
		      "says %s"),
		    head, (const char *)db_column_text(s, 0),
		    (const char *)db_column_text(s, 1),
		    (const char *)db_column_text(s, 2));
		report(cb, arg, problems, line);
		n++;
	}
	db_reset(s);
	return n;
}

/* Each row of sql (an outbox record whose payload differs from the row it
 * was made from: its id, and four texts) reported as fmt says ("%s row
 * %lld" then the four texts), for apply_payloads and shift_payloads. */
static int
payload_problems(struct store *st, const char *sql, const char *fmt,
    problem_cb cb, void *arg, int *problems, struct pd_err *err)
{
	struct db_stmt *s;
	char line[1024];
	int rc;

	if (db_prepare_v2(st->db, sql, -1, &s, NULL) != DB_OK)
		return st_fail(st, err, _("Reading the seals"));
	while ((rc = db_step(s)) == DB_ROW) {
		snprintf(line, sizeof line, fmt, "outbox",
		    (long long)db_column_int64(s, 0),
		    (const char *)db_column_text(s, 1),
		    (const char *)db_column_text(s, 2),
		    (const char *)db_column_text(s, 3),
		    (const char *)db_column_text(s, 4));
		report(cb, arg, problems, line);
	}
	db_finalize(s);
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading the seals"));
	return 0;
}

/* Each credit_apply outbox record whose payload says another amount,
 * date, credit note or item than the application it was made from (review
 * 18, point 3): the row and its record are sealed apart, so a row and
 * its seal forged together still differ from what was sent. */
static int
apply_payloads(struct store *st, problem_cb cb, void *arg, int *problems,
    struct pd_err *err)
{
	return payload_problems(st,
	    "SELECT o.id, o.uuid, json_extract(m.value, '$[0]'), "
	    "coalesce(json_extract(m.value, '$[1]'), 'null'), "
	    "coalesce(json_extract(m.value, '$[2]'), 'null') FROM outbox o "
	    "JOIN credit_applications a ON a.uuid = o.uuid "
	    "JOIN credit_notes c ON c.id = a.credit_note_id "
	    "JOIN items i ON i.id = a.item_id, json_each(json_array("
	    "json_array('amount', json_extract(o.payload, "
	    "'$.data.amount'), "
	    "a.amount), json_array('applied_on', json_extract(o.payload, "
	    "'$.data.applied_on'), a.applied_on), json_array("
	    "'credit_note_uuid', json_extract(o.payload, "
	    "'$.data.credit_note_uuid'), c.uuid), json_array('item_ref', "
	    "json_extract(o.payload, '$.data.item_ref'), i.ref))) m "
	    "WHERE o.kind = 'credit_apply' AND json_valid(o.payload) AND "
	    "json_extract(m.value, '$[1]') IS NOT json_extract(m.value, "
	    "'$[2]') ORDER BY o.id",
	    _("%s row %lld (credit_apply %s): payload %s is %s but the "
	      "credit application it was made from says %s"),
	    cb, arg, problems, err);
}

/* Each payment or void outbox record whose payload names another shift
 * than the one kept with its payment or void (payment_shifts,
 * void_shifts: issue 20), or names one where none is kept, or none where
 * one is: as apply_payloads, a row and its seal forged together still
 * differ from what was sent. By the payments and voids made here (their
 * outbox record by uuid), a payload read once each. */
static int
shift_payloads(struct store *st, problem_cb cb, void *arg, int *problems,
    struct pd_err *err)
{
	return payload_problems(st,
	    "SELECT o.id, o.kind, o.ref, x.sent, x.kept FROM (SELECT o.id "
	    "AS oid, coalesce(json_extract(o.payload, "
	    "'$.data.shift_uuid'), 'null') AS sent, coalesce(k.shift_uuid, "
	    "'null') AS kept FROM payments p JOIN outbox o ON o.uuid = "
	    "p.uuid AND o.kind = 'payment' LEFT JOIN payment_shifts k ON "
	    "k.payment_id = p.id WHERE json_valid(o.payload) UNION ALL "
	    "SELECT o.id, coalesce(json_extract(o.payload, "
	    "'$.data.shift_uuid'), 'null'), coalesce(k.shift_uuid, 'null') "
	    "FROM voids v JOIN outbox o ON o.uuid = v.uuid AND o.kind = "
	    "'void' LEFT JOIN void_shifts k ON k.void_uuid = v.uuid WHERE "
	    "json_valid(o.payload)) x JOIN outbox o ON o.id = x.oid WHERE "
	    "x.sent <> x.kept ORDER BY o.id",
	    _("%s row %lld (%s %s): payload shift_uuid is %s but the "
	      "shift kept with it is %s"),
	    cb, arg, problems, err);
}

/* Say which columns of row differ between now and sealed (JSON arrays). */
static int
row_differs(struct store *st, int i, struct db_stmt *r, problem_cb cb,
    void *arg, int *problems, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    db_is_pg(st->db)
	        /* a member's json text says both its value and its type */
	        ? "SELECT a.k - 1, coalesce(a.v #>> '{}', 'null'), "
	          "coalesce(b.v #>> '{}', 'null') FROM json_array_elements("
	          "?1::json) WITH ORDINALITY a (v, k) LEFT JOIN "
	          "json_array_elements(?2::json) WITH ORDINALITY b (v, k) ON "
	          "b.k = a.k WHERE b.v::text IS DISTINCT FROM a.v::text "
	          "ORDER BY a.k"
	        : "SELECT a.key, coalesce(a.value, 'null'), coalesce(b.value, "
	          "'null') FROM "
	          "json_each(?1) a LEFT JOIN json_each(?2) b ON b.key = a.key "
	          "WHERE b.value IS NOT a.value OR b.type IS NOT a.type",
	    err);
	const char *sealed_f = (const char *)db_column_text(r, 3);
	char line[1024], col[64];
	int rc, n = 0;

	if (s == NULL)
		return -1;
	if (sealed_f == NULL) {
		snprintf(line, sizeof line,
		    _("%s row %lld (%s) has no audited seal: it was added "
		      "outside any use case"),
		    sealed[i].table, (long long)db_column_int64(r, 0),
		    (const char *)db_column_text(r, 1));
		report(cb, arg, problems, line);
		return 0;
	}
	st_bind(s, "ss", (const char *)db_column_text(r, 2), sealed_f);
	while ((rc = db_step(s)) == DB_ROW) {
		col_name(sealed[i].cols, db_column_int(s, 0), col, sizeof col);
		n++;
		if (strcmp(col, "payload") == 0) {
			char head[256];

			snprintf(head, sizeof head, "%s row %lld (%s)",
			    sealed[i].table, (long long)db_column_int64(r, 0),
			    (const char *)db_column_text(r, 1));
			snprintf(line, sizeof line,
			    _("%s: payload is not what its audit entry "
			      "says (SHA-256 %.12s..., recorded %.12s...)"),
			    head, (const char *)db_column_text(s, 1),
			    (const char *)db_column_text(s, 2));
			report(cb, arg, problems, line);
			payload_differs(
			    st, head, db_column_int64(r, 0), cb, arg, problems);
			continue;
		}
		snprintf(line, sizeof line,
		    _("%s row %lld (%s): %s is %s but its audit entry "
		      "says %s"),
		    sealed[i].table, (long long)db_column_int64(r, 0),
		    (const char *)db_column_text(r, 1), col,
		    (const char *)db_column_text(s, 1),
		    (const char *)db_column_text(s, 2));
		report(cb, arg, problems, line);
	}
	db_reset(s);
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading the seals"));
	if (n == 0) {
		snprintf(line, sizeof line,
		    _("%s row %lld (%s) differs from its audit entry"),
		    sealed[i].table, (long long)db_column_int64(r, 0),
		    (const char *)db_column_text(r, 1));
		report(cb, arg, problems, line);
	}
	return 0;
}

/* Rows of table i that differ from their latest claimed seal. */
static int
check_rows(struct store *st, int i, problem_cb cb, void *arg, int *problems,
    struct pd_err *err)
{
	char sql[2048], f[512];
	struct db_stmt *r;
	int rc;

	fields_sql(st, "t", sealed[i].cols, f, sizeof f);
	/* the row's seal now (f) and its latest claimed one (g) */
	snprintf(sql, sizeof sql,
	    "SELECT * FROM (SELECT t.id, coalesce(%s, '') AS label, %s AS f, "
	    "(SELECT fields FROM seals WHERE tbl = '%s' AND row_id = t.id AND "
	    "audit_id IS NOT NULL ORDER BY id DESC LIMIT 1) AS g FROM %s t) "
	    "x WHERE g IS NOT f ORDER BY id",
	    sealed[i].label, f, sealed[i].table, sealed[i].table);
	if (db_prepare_v2(st->db, sql, -1, &r, NULL) != DB_OK)
		return st_fail(st, err, _("Reading the seals"));
	while ((rc = db_step(r)) == DB_ROW)
		if (row_differs(st, i, r, cb, arg, problems, err) != 0) {
			db_finalize(r);
			return -1;
		}
	db_finalize(r);
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading the seals"));
	return 0;
}

/* Sealed rows of table i that are gone. */
static int
check_gone(struct store *st, int i, problem_cb cb, void *arg, int *problems,
    struct pd_err *err)
{
	char sql[2048], line[1024];
	struct db_stmt *r;
	int rc;

	snprintf(sql, sizeof sql,
	    "SELECT s.row_id, coalesce((SELECT %s FROM seals g WHERE g.tbl = "
	    "'%s' AND g.row_id = s.row_id ORDER BY g.id DESC LIMIT 1), '') "
	    "FROM (SELECT DISTINCT row_id FROM seals WHERE tbl = '%s') s "
	    "WHERE NOT EXISTS (SELECT 1 FROM %s WHERE id = s.row_id)",
	    sealed[i].gone_label, sealed[i].table, sealed[i].table,
	    sealed[i].table);
	if (db_prepare_v2(st->db, sql, -1, &r, NULL) != DB_OK)
		return st_fail(st, err, _("Reading the seals"));
	while ((rc = db_step(r)) == DB_ROW) {
		snprintf(line, sizeof line, _("%s row %lld (%s) was deleted"),
		    sealed[i].table, (long long)db_column_int64(r, 0),
		    (const char *)db_column_text(r, 1));
		report(cb, arg, problems, line);
	}
	db_finalize(r);
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading the seals"));
	return 0;
}

/* Seals no audit entry claimed: changes made outside any use case
 * (the triggers wrote them, no use case's audit entry took them). */
static void
check_pending(struct store *st, problem_cb cb, void *arg, int *problems)
{
	char line[512];
	/* every seal less the claimed: two scans of indexes, the claimed
	 * alone in seals_entry (migration 66) */
	int64_t n = st_count(st,
	    "SELECT (SELECT count(*) FROM seals) - (SELECT count(*) FROM "
	    "seals WHERE audit_id IS NOT NULL)");

	if (n == 0)
		return;
	snprintf(line, sizeof line,
	    ngettext("%lld change of a row of money or rights was made "
	             "outside any use case",
	        "%lld changes of rows of money or rights were made outside "
	        "any use case",
	        (unsigned long)n),
	    (long long)n);
	report(cb, arg, problems, line);
}

/* Which use cases may change a sealed column of a row already sealed
 * (review 18, point 1): the audit entry claiming the change must be one
 * of them, "action entity" as audit_log records them; "" is none (the
 * column never changes). A column a later migration began to seal
 * (users' branch and team) first appears in a seal claimed by the store's
 * own "seal store" entry, which is not a change of it. An "import users" must
 * be an admin's. A forged entry still hides a change when it names a use case
 * of the row: what doctor cannot see is said in paydesk(1). */
static const struct {
	const char *table;
	const char *cols; /* watched, each a column of the table's SEAL_* */
	const char *may;  /* "action entity" pairs, each between '|' */
} changers[] = {
    {"users", "username, full_name, role, pin_hash, active, branch",
        "|import users|pull sync|"},
    /* `user set --team` (svc_user_team) changes the team alone */
    {"users", "team", "|import users|pull sync|team user|"},
    {"settings", "key, value", "|import settings|pull sync|"},
    {"credit_notes",
        "cn_no, consumer_id, payment_id, amount, reason, created_on, "
        "expires_on, user_id, terminal, automatic",
        ""},
    {"items", "consumer_id, kind, amount, issued_on, due_on",
        "|import bills|import services|import installments|"
        "import consumers|pull sync|"},
    /* a refused reschedule's installments leave the plan's numbering
     * (REF~tag) when it is undone (arrange_undo.c, review R21b fault 1) */
    {"items", "ref",
        "|import bills|import services|import installments|"
        "import consumers|pull sync|undo arrangement|"},
};

/* Whether column name is one of the comma-separated list cols. */
static int
col_in(const char *cols, const char *name)
{
	size_t n = strlen(name);
	const char *p = cols;

	while ((p = strstr(p, name)) != NULL) {
		if ((p == cols || p[-1] == ' ') && (p[n] == ',' || !p[n]))
			return 1;
		p += n;
	}
	return 0;
}

/* One changed column of a claimed seal (the query of check_changers)
 * against rule i: reported when its audit entry may not change it. */
static void
changer_one(
    int i, int t, struct db_stmt *r, problem_cb cb, void *arg, int *problems)
{
	char col[64], pair[160], line[1024];
	const char *action = (const char *)db_column_text(r, 3);
	const char *entity = (const char *)db_column_text(r, 4);
	int ok;

	col_name(sealed[t].cols, db_column_int(r, 6), col, sizeof col);
	if (!col_in(changers[i].cols, col))
		return;
	snprintf(pair, sizeof pair, "|%s %s|", action ? action : "",
	    entity ? entity : "");
	ok = strstr(changers[i].may, pair) != NULL;
	if (ok && strcmp(pair, "|import users|") == 0)
		ok = db_column_int(r, 7);
	if (ok)
		return;
	snprintf(line, sizeof line,
	    _("%s row %lld (%s): %s was changed by audit entry %lld (%s %s "
	      "by %s), which is not a use case that may change it"),
	    changers[i].table, (long long)db_column_int64(r, 0),
	    (const char *)db_column_text(r, 1), col,
	    (long long)db_column_int64(r, 2), action, entity,
	    (const char *)db_column_text(r, 5));
	report(cb, arg, problems, line);
}

static int
check_changers(struct store *st, problem_cb cb, void *arg, int *problems,
    struct pd_err *err)
{
	char sql[2048];
	struct db_stmt *r;
	size_t i, t;
	int rc;

	for (i = 0; i < sizeof changers / sizeof changers[0]; i++) {
		for (t = 0; strcmp(sealed[t].table, changers[i].table) != 0;
		     t++)
			;
		snprintf(sql, sizeof sql,
		    "SELECT g.row_id, coalesce((SELECT %s FROM %s t WHERE "
		    "t.id = g.row_id), ''), a.id, a.action, a.entity, a.user, "
		    "k.key, coalesce((SELECT role = 'admin' FROM users WHERE "
		    "username = a.user), 0) FROM seals g JOIN audit_log a ON "
		    "a.id = g.audit_id JOIN seals p ON p.id = (SELECT max(id) "
		    "FROM seals WHERE tbl = g.tbl AND row_id = g.row_id AND "
		    "id < g.id AND +audit_id IS NOT NULL), json_each(g.fields) "
		    "k "
		    "LEFT JOIN json_each(p.fields) q ON q.key = k.key WHERE "
		    "g.tbl = '%s' AND (q.value IS NOT k.value OR q.type IS NOT "
		    "k.type) AND NOT (q.key IS NULL AND a.action = 'seal' AND "
		    "a.entity = 'store') ORDER BY g.id, k.key",
		    sealed[t].label, sealed[t].table, sealed[t].table);
		if (db_prepare_v2(st->db, sql, -1, &r, NULL) != DB_OK)
			return st_fail(st, err, _("Reading the seals"));
		while ((rc = db_step(r)) == DB_ROW)
			changer_one((int)i, (int)t, r, cb, arg, problems);
		db_finalize(r);
		if (rc != DB_DONE)
			return st_fail(st, err, _("Reading the seals"));
	}
	return 0;
}

/* The first problem a check reports, kept. */
static void
first_problem(const char *line, void *arg)
{
	char *keep = arg;

	if (keep[0] == '\0')
		snprintf(keep, 512, "%s", line);
}

int
seal_check_arrangements(struct store *st, struct pd_err *err)
{
	char first[512] = "";
	int problems = 0;
	size_t i;

	for (i = 0; i < sizeof sealed / sizeof sealed[0]; i++) {
		if (strncmp(sealed[i].table, "arrangement", 11) != 0)
			continue;
		if (check_rows(st, (int)i, first_problem, first, &problems,
		        err) != 0 ||
		    check_gone(
		        st, (int)i, first_problem, first, &problems, err) != 0)
			return -1;
	}
	if (problems > 0)
		return pd_fail(err, PD_ESTORE, "%s", first);
	return 0;
}

int
seal_check(struct store *st, problem_cb cb, void *arg, struct pd_err *err)
{
	int problems = 0;
	size_t i;
	/* a central node's store (every PostgreSQL one): its ledger is not
	 * sealed */
	int central =
	    db_is_pg(st->db) ||
	    st_count(st, "SELECT count(*) FROM sqlite_master WHERE type = "
	                 "'table' AND name = 'feed'") > 0;

	for (i = 0; i < sizeof sealed / sizeof sealed[0]; i++) {
		if (central ? sealed[i].ledger == 1 : sealed[i].ledger == 2)
			continue;
		if (check_rows(st, (int)i, cb, arg, &problems, err) != 0 ||
		    check_gone(st, (int)i, cb, arg, &problems, err) != 0)
			return -1;
	}
	if (!central && (apply_payloads(st, cb, arg, &problems, err) != 0 ||
	                    shift_payloads(st, cb, arg, &problems, err) != 0 ||
	                    check_changers(st, cb, arg, &problems, err) != 0))
		return -1;
	check_pending(st, cb, arg, &problems);
	return problems;
}
