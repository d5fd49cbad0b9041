/* internal.h - what the store's files share; not a public header. */
#ifndef PAYDESK_STORE_INTERNAL_H
#define PAYDESK_STORE_INTERNAL_H
#include <limits.h>
#include "db.h"

#include "paydesk/search.h"
#include "paydesk/store.h"

#define STMT_CACHE 64

struct store {
	struct db *db;
	int central; /* a central node's organisation store (its gateway
	                payments in gateway_payments, not gw_payments) */
	char path[PATH_MAX];
	struct {
		const char *sql; /* a string literal: compared by address */
		struct db_stmt *stmt;
	} cache[STMT_CACHE];
	int ncache;
	int depth; /* open transactions; inner ones are savepoints */
	int wal_frames; /* after the last commit (store_wal_manual) */
	int committed;  /* rows changed and committed since open */
	int64_t changes_seen; /* store_stats_watch's count of them */
	char stats_day[11];   /* store_set_today's, "" unknown */
	int stats_due; /* counted at close whatever the day (bulk, migration) */
	int sealing; /* the store has seals (schema.c, migration 9) */
	int64_t seal_floor; /* seals up to this id are older than the
	                       transaction: never its to claim (seal.c) */
	int seal_carry; /* seals above seal_floor wait for this connection's
	                   next audit entry (a use case without one) */
	int64_t seal_claimed; /* seals up to this id (above seal_floor) are
	                         claimed by an entry of this transaction:
	                         the next claim starts past them while
	                         seal seal_claimed is still entry
	                         seal_claimed_by's (0: from the floor;
	                         reset by begin and rollbacks) */
	int64_t seal_claimed_by;
	/* the organisation's calling code, dropped from a searched phone
	 * number (store_set_phone_cc) */
	char phone_cc[PHONE_CC_MAX + 1];
	/* store_doc_count's counts of a terminal's payments in a range
	 * (rules.c; one for each series' scope), each as of the payment
	 * max_id, kept for the rest of the transaction: forgotten at its
	 * end and at any rollback (pay_counts 0) */
	struct pay_count {
		char terminal[64], from[11], to[11];
		int64_t n, max_id;
		/* brought up to date by this connection's inserts alone
		 * (st_pay_count_insert): no read needed */
		int live;
	} pay_count[4];
	int pay_counts, pay_next;
	/* on a central node on SQLite, the same counts carried from one
	 * transaction to the next (rules.c): each exact as of feed entry
	 * feed (the feed is numbered in commit order, and each payment has
	 * an entry of its own), so a later transaction adds the payments
	 * of the entries after it; forgotten at any rollback, kept at a
	 * commit */
	struct pay_carry {
		char terminal[64], from[11], to[11];
		int64_t n, feed;
	} pay_carry[4];
	int pay_carries, pay_carry_next;
	/* store_sync_refused's count for terminal refused_of ("" none),
	 * kept as pay_count is, and forgotten by a write of sync_log */
	char refused_of[64];
	int64_t refused;
	/* store_id_of's answers for consumers and items found in this
	 * transaction (a push's record looks its consumer and items up in
	 * its checks and again in its apply): rows never deleted, their
	 * uuid changed only by store_consumer_update and store_item_update,
	 * which forget them; forgotten at the transaction's end and at any
	 * rollback, as pay_count */
	struct id_memo {
		int t;
		char key[37];
		int64_t id;
	} ids[8];
	int nids, ids_next;
	/* the consumers and items a push's payments name, read in one go
	 * (push_rows.c), kept as ids, and forgotten by a write of either
	 * table but an item's settled (st_push_rows_settle); NULL none */
	struct push_rows *push_rows;
	/* the document numbers of a push's payments, and which are taken
	 * (push_rows.c, store_push_numbers); NULL none */
	struct push_nums *push_nums;
	/* ids a push's payments and allocations take, drawn ahead from
	 * their sequences on PostgreSQL (push_rows.c, store_push_ids);
	 * NULL none */
	struct push_ids *push_ids;
	/* the audit log's last entry as this transaction's last append
	 * wrote it (audit.c), so that the next need not read it: kept on
	 * SQLite (the writer holds the lock) and in a push's guarded pass
	 * on PostgreSQL (store_push_guard: an entry another writer
	 * appended meanwhile fails the append's unique id, and the pass),
	 * forgotten as push_rows is */
	int audit_known;
	int64_t audit_id;
	char audit_hash[65];
	/* the log's head read at a push's guarded pass's start, for its
	 * first entry (st_audit_prefetch) */
	int audit_pre;
	int64_t audit_pre_id;
	char audit_pre_hash[65];
	/* a push's first pass on PostgreSQL (store_push_guard), and
	 * whether a row of a sealed table was written since the last
	 * claim of seals (an item, a credit note: its seal may wait), when
	 * the audit entry's reads are made, not checked (audit.c) */
	int push_guard, seal_maybe;
	/* sync_origin's row as this transaction last set it
	 * (store_sync_origin), forgotten as push_rows is: a push's records
	 * set the same for each; origin_known 0 none */
	int origin_known, origin_altered;
	char origin[64];
	/* run after a transaction begins (store_set_begin_check) */
	int (*begin_check)(struct store *st, void *arg, struct pd_err *err);
	void *begin_arg;
	/* the consumers' insert triggers store_fts_defer_begin dropped,
	 * as their SQL, made again by store_fts_defer_end */
	char *fts_triggers;
	/* the items' insert triggers store_items_defer_begin dropped, as
	 * their SQL, made again by store_items_defer_end (item_defer.c) */
	char *item_triggers;
	/* the consumers a payments search names, read once by
	 * store_search_dense as a list of ids ("1,2,3") for the listing's
	 * query being built (search_consumers), and kept for its count
	 * while the data is as it was when they were read: this
	 * connection's total of changes and the file's data_version
	 * (psearch_named; issue 24) */
	char *named_text;
	char *named_ids, *named_docs; /* the payments its numbers name */
	int64_t named_changes, named_version;
	/* the page size it was read for and whether the listing walks
	 * the order (then no ids are kept): the next page's choice */
	size_t named_limit;
	int named_dense;
	/* a run of the payments the search names in date order, newest
	 * first, the ones after named_ostart (all from the newest while it
	 * is not set), read a few pages at a time by the pages listed in
	 * that order by its ids (psearch_order_page) and kept with them: a
	 * next page is a slice of it (issue 24); named_ordered once begun
	 * (-1 after an error), named_whole once it runs to the oldest */
	struct named_pay *named_order;
	size_t named_norder, named_ocap;
	struct page_key named_ostart;
	int named_ordered, named_whole;
	/* the payments list's last query (store_payments_each), kept
	 * prepared and reset for the next page of the same SQL (a page
	 * after the second: the same text, other bindings); in_list while
	 * its rows are being read, when a nested listing prepares its own */
	char *list_sql;
	struct db_stmt *list_stmt;
	int in_list;
	/* store_checkpoints_behind's thread, or NULL */
	struct bg_ckpt *bg_ckpt;
};

/* A prepared, reset statement for sql (a string literal), cached. */
struct db_stmt *st_stmt(struct store *st, const char *sql, struct pd_err *err);
/* Bind by format: 's' text (NULL binds NULL), 'i' int64_t, 'd' int. */
int st_bind(struct db_stmt *s, const char *fmt, ...);
/* Step a statement that returns no rows; maps SQLite errors to err. */
int st_done(struct store *st, struct db_stmt *s, struct pd_err *err);
/* The stores' VFS (vfs.c): the system's, with a WAL's writes gathered
 * into large ones; NULL (the default VFS) if it could not be made. */
const char *store_vfs(void);
/* Fail with the database's current error. */
int st_fail(struct store *st, struct pd_err *err, const char *what);
/* Copy column i as text into buf (n bytes). */
void st_col(struct db_stmt *s, int i, char *buf, size_t n);
/* Step s to the end, reading each row with read into a new array of
 * elements of size bytes; *n gets the count. The array (never NULL on
 * success, even when empty) is the caller's to free; NULL on error. */
typedef void (*row_reader)(struct db_stmt *s, void *elem);
void *st_collect(struct store *st, struct db_stmt *s, size_t size,
    row_reader read, size_t *n, const char *what, struct pd_err *err);
int st_exec(struct store *st, const char *sql, struct pd_err *err);
/* The CREATE statements of table's triggers named in names (an SQL list,
 * "('a', 'b')"), joined by "; " into *sql (the caller's to free; NULL
 * when none exists) so that a bulk write may drop them and put them back
 * after; what names the read in an error. 0, or -1 with err. SQLite's
 * catalogue only: the caller skips PostgreSQL. */
int st_triggers_sql(struct store *st, const char *table, const char *names,
    char **sql, const char *what, struct pd_err *err);
/* How many candidates a document lookup names before "...". */
#define LOOKUP_NAMED 5
/* The candidates of a document lookup (issue 17: one rule for document
 * numbers): s selects rows whose numbers are LIKE ?1 (text's LIKE
 * pattern, its end only when tail) up to ?2 rows, which this binds to
 * LOOKUP_NAMED + 1. The first row is read into first, the others into
 * scratch; names gets their numbers (the char array at name_off in a
 * row) ", "-joined, then "...". Returns how many, or -1 (what failed). */
int st_holding(struct store *st, struct db_stmt *s, const char *text, int tail,
    row_reader read, void *first, void *scratch, size_t name_off, char *names,
    size_t size, const char *what, struct pd_err *err);
/* Step a statement of at most one row, reading it with read into elem:
 * 0 read, 1 no row (the caller says what was not found), -1 an error
 * (what failed, in err). The statement is reset. */
/* A row_reader of one int64_t: the row's first column into *elem. */
void st_read_int64(struct db_stmt *s, void *elem);
/* A row_reader of an installment with its plan's terms (struct
 * arr_item_of; arrange.c): amount, settled, due day, moved, the day paid
 * in full, absorbed, arrangement, consumer, grace days, misses allowed,
 * in force, item id, in that order. */
void st_read_arr_item_of(struct db_stmt *s, void *elem);
int st_one(struct store *st, struct db_stmt *s, row_reader read, void *elem,
    const char *what, struct pd_err *err);

/* The items that are not the organisation's (review R23b): what only
 * this terminal holds, undone here when the central node refused what
 * made it, whose uuid or whose making event's is in sync_undone: the
 * service charge of an uphold undone (cancelled), the installments of a
 * plan undone and those a reschedule undone retired ("~" in their
 * reference). The forecast leaves them out, wherever it reads them, so
 * that every terminal of the organisation forecasts alike (test_dispute,
 * dispute_after: terminal 1's histories held its cancelled charges and
 * terminal 2 never had them): forecast.c, and what came in for a past
 * week's items (store_forecast_unknown_paid, scope.c). A few rows
 * (sync_undone holds only what was refused); an id set, read once by
 * each statement. */
#define NOT_ORG_IDS                                                            \
	"SELECT j.id FROM sync_undone u CROSS JOIN items j WHERE j.uuid = "    \
	"u.uuid UNION SELECT j.id FROM sync_undone u CROSS JOIN "              \
	"arrangement_events x CROSS JOIN items j WHERE x.uuid = u.uuid AND "   \
	"j.arr_event = x.id"

/* Item columns (13, starting at c0) as read by store_read_item. */
#define ITEM_COLS                                                              \
	"i.id, i.uuid, i.consumer_id, i.kind, i.ref, i.period, "               \
	"i.description, coalesce(p.plan_no, ''), coalesce(i.inst_no, 0), "     \
	"i.amount, i.settled, i.issued_on, i.due_on"
/* The columns of each sealed table (seal.c) that carry money or rights,
 * in the order of their json_array in a seal's fields. The triggers of
 * schema.c (migration 9) and the doctor's check read the same lists: a
 * change to one is a new migration that seals every row again. */
#define SEAL_ITEMS                                                             \
	"consumer_id, kind, ref, plan_id, inst_no, amount, issued_on, due_on"
#define SEAL_CREDIT_NOTES                                                      \
	"cn_no, consumer_id, payment_id, amount, reason, created_on, "         \
	"expires_on, user_id, terminal, voided, automatic"
/* users: every column of rights or reach (review of issue 18: a branch
 * or team changed by hand handed a user's PIN hash and acts to another
 * branch); branch and team from a later migration on, SEAL_USERS_V1
 * the columns of the migrations that shipped before it */
/* Credit line l that a later reversal of the same account took back: a
 * debit of its amount, marked a reversal (camt.053 RvslInd, MT940 RC),
 * booked that day or after, naming the same reference (its text where
 * the bank gave none). The automatic rule matches no such credit, and a
 * deposit matched to one is credited nothing (review R20, fault 24).
 * Not correlated: read once from the reversals (few) to the credits of
 * their amount (bank_lines_amount), not a search of the reversals for
 * each line of a statement. */
#define LINE_REVERSED                                                          \
	"l.id IN (SELECT cl.id FROM bank_statement_lines rv JOIN "             \
	"bank_statements rb ON rb.id = rv.statement_id JOIN "                  \
	"bank_statement_lines cl ON cl.amount = -rv.amount AND cl.amount > 0 " \
	"AND cl.reversal = 0 AND cl.dup_of IS NULL AND cl.booking_date <= "    \
	"rv.booking_date JOIN bank_statements cb ON cb.id = cl.statement_id "  \
	"AND cb.account = rb.account WHERE rv.reversal = 1 AND rv.dup_of IS "  \
	"NULL AND rv.reference = cl.reference AND (cl.reference <> '' OR "     \
	"rv.text = cl.text))"
/* What the ledger expects of the credit of active match m (its deposit
 * d and gateway payment g LEFT JOINed): the deposit's amount (0 once
 * void), the gateway payment's amount less its fee, or the posted
 * payments the match took (a transfer's one, a card day's, gross of the
 * card fee). Review R20b, fault 9. */
/* The payout of gateway payment g (a terminal's gw_payments row; ""
 * none), and what its payout's payments make less their fees: what the
 * bank credits for it (the rule payout, issue 20). */
#define PAYOUT_OF(g)                                                           \
	"coalesce((SELECT xo.payout FROM gw_payouts xo WHERE xo.gw_id = " g    \
	".id), '')"
#define PAYOUT_NET(g)                                                          \
	"(SELECT coalesce(sum(gn.amount - gn.fee), 0) FROM gw_payouts xa "     \
	"JOIN gw_payouts xb ON xb.payout = xa.payout JOIN gw_payments gn ON "  \
	"gn.id = xb.gw_id AND gn.gateway = " g ".gateway WHERE xa.gw_id = " g  \
	".id)"
#define PAYOUT_COUNT(g)                                                        \
	"(SELECT count(*) FROM gw_payouts xa JOIN gw_payouts xb ON xb.payout " \
	"= xa.payout JOIN gw_payments gn ON gn.id = xb.gw_id AND gn.gateway "  \
	"= " g ".gateway WHERE xa.gw_id = " g ".id)"
#define MATCH_EXPECTED                                                         \
	"CASE WHEN m.rule = 'payout' AND g.id IS NOT NULL THEN " PAYOUT_NET(   \
	    "g") " WHEN d.id IS NOT NULL THEN CASE WHEN d.voided_at = '' THEN " \
	"d.amount ELSE 0 END WHEN g.id IS NOT NULL THEN g.amount - g.fee "     \
	"ELSE (SELECT coalesce(sum(p.amount), 0) FROM "                        \
	"statement_match_payments mp JOIN payments p ON p.id = "              \
	"mp.payment_id WHERE mp.match_id = m.id AND p.status <> 'Voided') END"
/* The day the reconciliation by day counts active match m's credit l on
 * (its deposit d and gateway payment g LEFT JOINed): the day of what it
 * matched, the deposit's day, the gateway payment's, the first day of
 * the payments it took (a transfer's, a card day's); the credit's own
 * booking day when none is known. A bag credited the day after it was
 * handed is no difference on either day (tester fault 11, where it read
 * -X on the deposit's day and +X on the next). */
#define MATCH_DAY                                                              \
	"coalesce(CASE WHEN d.id IS NOT NULL THEN d.deposited_on WHEN g.id "   \
	"IS NOT NULL THEN substr(g.paid_at, 1, 10) ELSE (SELECT "              \
	"min(p.paid_on) FROM statement_match_payments mp JOIN payments p ON "  \
	"p.id = mp.payment_id WHERE mp.match_id = m.id) END, l.booking_date)"
/* What match m (its deposit d and gateway payment g LEFT JOINed) took,
 * as people read it: the slip number, "GATEWAY CODE", a payout's
 * "GATEWAY PAYOUT (N)", a transfer's
 * payment number or a card day's "TERMINAL YYYY-MM-DD (N)". */
#define MATCH_TO                                                               \
	"CASE WHEN m.rule = 'payout' AND g.id IS NOT NULL THEN g.gateway || "  \
	"' ' || " PAYOUT_OF("g") " || ' (' || " PAYOUT_COUNT("g") " || ')' "   \
	"WHEN d.id IS NOT NULL THEN d.slip_no WHEN g.id IS NOT NULL THEN "     \
	"g.gateway || ' ' || g.code WHEN m.rule = 'transfer' THEN (SELECT "    \
	"min(p.payment_no) FROM statement_match_payments mp JOIN payments p "  \
	"ON p.id = mp.payment_id WHERE mp.match_id = m.id) ELSE (SELECT "      \
	"min(p.terminal) || ' ' || min(p.paid_on) || ' (' || count(*) || "    \
	"')' FROM statement_match_payments mp JOIN payments p ON p.id = "      \
	"mp.payment_id WHERE mp.match_id = m.id) END"
/* Whether match m was made by hand: a deposit's by a supervisor (rule
 * manual), or a transfer or card match by a supervisor, whose note is
 * required (svc_line_match); a rule's match has no note, and its sync
 * record says none (the record's rule word stays the rule's). */
#define MATCH_BY_HAND "(m.rule = 'manual' OR m.note <> '')"
#define SEAL_USERS_V1 "username, full_name, role, pin_hash, active"
#define SEAL_USERS                                                             \
	"username, full_name, role, pin_hash, active, branch, team"
#define SEAL_SETTINGS "key, value"
/* A row's seal: what it holds of money and rights, written as a pending
 * seal by the row's change; the use case's audit entry claims it
 * (SQLite's triggers: schema.c, schema_central.c). */
#define SEAL_ROW(t, cols)                                                      \
	" INSERT INTO seals (tbl, row_id, fields) SELECT '" t "', NEW.id, f"   \
	" FROM (SELECT json_array(" cols ") AS f FROM " t " WHERE id ="      \
	" NEW.id) WHERE f IS NOT (SELECT fields FROM seals WHERE tbl = '" t  \
	"' AND row_id = NEW.id ORDER BY id DESC LIMIT 1);"
/* the log of documents issued (a later migration, review of issue 18):
 * which receipt, credit note or report was issued as the original and
 * which as each copy, by whom and when */
#define SEAL_DOCUMENTS                                                         \
	"kind, number, copy, format, issued_at, user_id, issued_by, terminal, " \
	"path, language"
/* the central node's history of the rules a record is judged by
 * (schema_central.c, rules.c): append-only, each row sealed as it is
 * added (review of issue 18) */
#define SEAL_USER_HISTORY "seq, user_id, full_name, branch, role"
#define SEAL_SETTING_HISTORY "seq, key, value"
/* At the upgrade that sealed the histories (schema_central.c,
 * schema_pg.c), a seal g that counts: claimed by an audit entry, or
 * written by an earlier migration of the same upgrade, at or above the
 * floor its waiting baseline keeps in meta (db.c, seal_baseline); never a
 * change made by hand that waited unclaimed below it. */
#define SEAL_COUNTS(g)                                                         \
	" (" g ".audit_id IS NOT NULL OR " g ".id >= (SELECT CAST(value AS"    \
	" bigint) FROM meta WHERE key = 'seal_baseline'))"
/* A user_history row h borne out by a seal of its user that counts: the
 * same name and role, and the same branch, or one sealed before the
 * users' branch was (SEAL_USERS_V1, 5 members) when h is older than the
 * first history row that is the user's first seal with a branch. len is
 * SQL that opens json_array_length of a seal's fields, len_end closes it. */
#define USER_HISTORY_BORNE_OUT(len, len_end)                                   \
	" EXISTS (SELECT 1 FROM seals g WHERE g.tbl = 'users' AND g.row_id ="  \
	" h.user_id AND" SEAL_COUNTS("g") " AND json_extract(g.fields,"       \
	" '$[1]') = h.full_name AND json_extract(g.fields, '$[2]') = h.role"   \
	" AND (json_extract(g.fields, '$[5]') = h.branch OR (" len             \
	"g.fields" len_end " < 7 AND h.seq < coalesce((SELECT min(x.seq) FROM" \
	" user_history x JOIN seals f ON f.id = (SELECT min(id) FROM seals e"  \
	" WHERE e.tbl = 'users' AND e.row_id = h.user_id AND " len "e.fields"  \
	len_end " >= 7 AND" SEAL_COUNTS("e") ") WHERE x.user_id = h.user_id"   \
	" AND json_extract(f.fields, '$[1]') = x.full_name AND"                \
	" json_extract(f.fields, '$[2]') = x.role AND json_extract(f.fields,"  \
	" '$[5]') = x.branch), 9223372036854775807))))"
/* A setting_history row h borne out by a seal of the setting that
 * counts: the same key and value. */
#define SETTING_HISTORY_BORNE_OUT                                              \
	" EXISTS (SELECT 1 FROM seals g WHERE g.tbl = 'settings' AND"          \
	SEAL_COUNTS("g") " AND json_extract(g.fields, '$[0]') = h.key AND"     \
	" json_extract(g.fields, '$[1]') = h.value)"
#define SEAL_SHIFTS                                                            \
	"uuid, user_id, status, z_no, float_expected, float_counted, "         \
	"float_kept, closed_at, closed_by, signed_off_by, pay_upto, void_upto"
/* The ledger's and the outbox's (a later migration): everything a payment
 * record carries that a person reads or that moves money, its
 * allocations and its void; what an outbox record sends and whether it
 * was sent or refused. */
#define SEAL_PAYMENTS                                                          \
	"uuid, payment_no, txn_no, receipt_no, consumer_id, type, channel, "   \
	"method, method_kind, amount, tendered, change_given, due_total, "     \
	"overpaid, paid_on, created_at, notes, user_id, received_by, "         \
	"terminal, branch, status, verified, verified_at, verified_by, "       \
	"balance_after, reference"
#define SEAL_ALLOCATIONS "payment_id, item_id, amount, due_before, reverses"
#define SEAL_VOIDS                                                             \
	"uuid, payment_id, reason, user_id, voided_by, voided_at, terminal"
#define SEAL_OUTBOX                                                            \
	"uuid, kind, ref, pd_sha256(payload), sent_at, rejected_at, "          \
	"reject_reason"
/* Money outside the payments (a later migration, review 18 points 3
 * and 4): a credit note's application to an item, a shift's counts,
 * movements and tenders, an imported bank statement's totals and its
 * lines. */
/* An arrangement's terms, consumer and debt, and what each of its events
 * moved of an item (review R18, session 37: changed in the shell, they
 * passed doctor). */
#define SEAL_ARRANGEMENTS                                                      \
	"uuid, plan_id, consumer_id, debt, down_payment, n_inst, frequency, "  \
	"first_due, grace_days, misses_allowed, reason, created_on, user_id, " \
	"terminal, cancelled, changes"
#define SEAL_ARR_MOVES "event_id, item_id, amount"
#define SEAL_CREDIT_APPS                                                       \
	"uuid, credit_note_id, item_id, amount, applied_on, created_at, "      \
	"user_id, terminal"
#define SEAL_SHIFT_COUNTS                                                      \
	"shift_id, phase, method, kind, denomination, qty, amount, ref"
#define SEAL_SHIFT_MOVEMENTS                                                   \
	"uuid, shift_id, kind, method, amount, reason, approved_by, user_id, " \
	"at"
#define SEAL_SHIFT_TENDERS                                                     \
	"shift_id, method, npayments, taken, expected, counted, over_short, "  \
	"reason, approved_by"
#define SEAL_SHIFT_FIRST "shift_id, method, counted"
#define SEAL_SHIFT_UNMATCHED "shift_id, method, cheques"
/* the shift a payment belongs to (issue 20, a later migration) */
#define SEAL_PAYMENT_SHIFTS "payment_id, shift_uuid"
/* the team a payment was taken for (issue 23, migration 94) */
#define SEAL_PAYMENT_TEAMS "payment_id, team"
/* the shift a void belongs to (issue 20, a later migration) */
#define SEAL_VOID_SHIFTS "void_id, void_uuid, shift_uuid"
#define SEAL_BANK_STATEMENTS                                                   \
	"account, stmt_id, stmt_key, currency, period_from, period_to, "       \
	"opening, closing, line_count, credits, debits, dup_count, user_id"
#define SEAL_BANK_LINES                                                        \
	"statement_id, seq, booking_date, value_date, amount, reference, "     \
	"counterparty, bank_id, reversal, dup_of"
/* A bank deposit (issue 20), its lines and its matches to statement
 * credits. */
#define SEAL_DEPOSITS                                                          \
	"uuid, slip_no, account, deposited_on, amount, user_id, voided_at, "   \
	"void_reason"
#define SEAL_DEPOSIT_LINES "deposit_id, shift_id, method, amount"
/* a deposit's cheques, each by number (issue 20, a later migration) */
#define SEAL_DEPOSIT_CHEQUES "deposit_id, shift_id, method, number, amount"
/* The last day a credit of deposit d handed at h (deposit_hands) is
 * matched to it by the rule: days (an SQL parameter) after the later of
 * its day and the day it was handed (issue 20: a bag prepared on Monday
 * and handed on Friday is credited after Friday). */
#define DEP_MATCH_UNTIL(days)                                                  \
	"date(max(d.deposited_on, substr(h.handed_at, 1, 10)), '+' || " days   \
	" || ' days')"
/* a deposit handed to the bank, when and by whom (issue 20, migration 91) */
#define SEAL_DEPOSIT_HANDS "deposit_id, handed_at, handed_by, user_id"
#define SEAL_STMT_MATCHES                                                      \
	"line_id, deposit_id, gw_id, rule, note, user_id, unmatched_at, "      \
	"unmatch_note"
/* The payments of a card or transfer match. */
#define SEAL_MATCH_PAYMENTS "match_id, payment_id"
/* A reconciliation exception resolved by hand. */
#define SEAL_RESOLUTIONS                                                       \
	"uuid, kind, target, ref, expected, actual, note, user_id, "           \
	"resolved_at"
/* the outbox columns whose change writes a seal (its payload is sealed
 * by its SHA-256: a copy would double what each posting writes) */
#define SEAL_OUTBOX_COLS                                                       \
	"uuid, kind, ref, payload, sent_at, rejected_at, reject_reason"
/* Seal the claimed rows of the transaction into the audit entry being
 * written (audit.c): claim the pending seals for audit entry id and put
 * the hex SHA-256 over them in hex ("" and 0 when there were none). */
int seal_claim(struct store *st, int64_t id, char hex[65], struct pd_err *err);
/* The hex SHA-256 over the seals of audit entry id, in seal order. */
int seal_digest(struct store *st, int64_t id, char hex[65], struct pd_err *err);
/* How many seals above seal_floor no audit entry claimed yet. */
int64_t seal_unclaimed(struct store *st);
/* Claim the transaction's seals that no audit entry claimed with an
 * entry "seal store ref" (audit.c); 0 when there were none. */
int store_seal_pending(struct store *st, const char *ref, struct pd_err *err);
/* Once after the store's seals were claimed in a big group (the
 * baseline, a migration): each user whose latest seal lies in a group
 * of more than 64 seals, and whose row and group are still what the
 * group's audit entry recorded, is sealed again by an entry "seal store
 * users", so that a sign-in hashes a small group whatever the store's
 * size (issue 24). Run when meta seal_users is set; clears it. */
int seal_users_apart(struct store *st, struct pd_err *err);
/* Report each sealed row that differs from its audited seal (doctor). */
int seal_check(struct store *st, problem_cb cb, void *arg, struct pd_err *err);
/* The arrangements' and their moves' rows against their seals (audit
 * verify: they carry money no audit entry details item by item): the
 * first that differs, or is gone, as a PD_ESTORE failure. */
int seal_check_arrangements(struct store *st, struct pd_err *err);
/* Whether audit entry id hashes to its recorded hash from its recorded
 * previous hash, and its seals to its recorded digest: 0 yes, 1 no, -1
 * on error (audit.c). */
int store_audit_entry_sound(struct store *st, int64_t id, struct pd_err *err);

#define ITEM_FROM "items i LEFT JOIN plans p ON p.id = i.plan_id"
void store_read_item(struct db_stmt *s, int c0, struct item *it);
/* An item's entry day (item_entries, "" with none), the column after
 * ITEM_COLS where an item is read to travel in a sync record (review
 * R23b: the organisation's day, set where the item was first recorded);
 * store_read_item_entered reads both. */
#define ITEM_ENTERED                                                           \
	", coalesce((SELECT entered_on FROM item_entries WHERE item_id = "     \
	"i.id), '')"
void store_read_item_entered(struct db_stmt *s, int c0, struct item *it);
/* Consumer columns as read by st_read_consumer (an st_collect reader). */
#define CONSUMER_COLS                                                          \
	"c.id, c.uuid, c.account_no, c.name, "                                 \
	"c.service_address, c.phone, c.email, c.segment, c.language"
void st_read_consumer(struct db_stmt *s, void *elem);

/* A push's rows (push_rows.c, store_push_rows): 1 with the answer when
 * they have it, 0 when the store is to be read. */
int st_push_rows_id(struct store *st, int items, const char *uuid, int64_t *id);
int st_push_rows_consumer(struct store *st, int64_t id, struct consumer *c);
int st_push_rows_item(struct store *st, int64_t id, struct item *it);
int st_push_rows_billed(struct store *st, int64_t consumer_id, int kind,
    int64_t *of_kind, int64_t *all);
/* An item's settled amount moved by delta (store_item_settle). */
void st_push_rows_settle(struct store *st, int64_t item_id, int64_t delta);
/* A payment inserted (id, its terminal and day), for store_doc_count's
 * counts (rules.c). */
/* A push's guarded pass (store_push_guard, PostgreSQL): the audit log's
 * head read now, before the pass's first record, and taken by its first
 * append instead of a read there: that read came after the first
 * record's writes, which the batch (db_pg_batch.c) then sent apart from
 * the other records' (five statements more a push, 1.5 ms of the 20 ms
 * a batch of 100 held the organisation's row in the bench's 8
 * terminals, issue 22). An entry another writer appended meanwhile
 * fails the pass by its id, as the head read later would have. */
int st_audit_prefetch(struct store *st, struct pd_err *err);
void st_pay_count_insert(struct store *st, int64_t id, const char *terminal,
    const char *paid_on);
/* Forget them (a write of a consumer or an item). */
void st_push_rows_forget(struct store *st);
/* 1 when every one of the four numbers (NULLs skipped) is a push's and
 * free (store_numbers_free), 0 when the store is to be read. */
int st_push_numbers_free(struct store *st, const char *const nums[4]);
/* A payment's numbers and a credit note's taken (their inserts). */
void st_push_numbers_taken(struct store *st, const char *const nums[3]);
void st_push_numbers_cn(struct store *st, const char *cn_no);
/* An id drawn ahead for the next row of a push's payments (t 0) or
 * allocations (t 1): 1 and *id, or 0 when none is left (the row takes
 * its table's default). */
int st_push_id_take(struct store *st, int t, int64_t *id);
/* Forget the push's rows, numbers, ids and the audit log's last entry
 * (a transaction's end, a rollback). */
void st_push_forget(struct store *st);

/* A query built from optional filters: text appended with its bindings. */
/* A query built from optional filters and its bindings, as many as the
 * filters add (a payers report with a search binds the search twice). */
struct qb {
	char *sql; /* owned */
	size_t len, cap;
	int nargs, capargs;
	struct qb_arg {
		char type; /* 's' or 'i' */
		char *s;   /* owned */
		int64_t i;
	} *args; /* owned, nargs of capargs */
};
void qb_init(struct qb *q, const char *sql);
/* Append text; each '?' in it consumes one argument of fmt ('s' or 'i'). */
void qb_add(struct qb *q, const char *sql, const char *fmt, ...);
/* Prepare and bind; NULL on error (err filled). */
struct db_stmt *qb_prepare(struct store *st, struct qb *q, struct pd_err *err);
/* Run q (freed) for its one row of n integers into v (scope.c); a
 * failure is "Computing KPIs". */
int qb_one_row(struct store *st, struct qb *q, int64_t *v, int n,
    struct pd_err *err);
/* Bind q's arguments to s (prepared from q's SQL). */
void qb_bind(struct qb *q, struct db_stmt *s);
void qb_free(struct qb *q);
/* The running totals of the filtered dashboards (facts.c): whether they
 * hold sc's figures (not a gateway's), the KPIs read from them, and the
 * query of the days and methods (paid_on, method, amount, count). */
int store_facts_cover(struct store *st, const struct payment_filter *sc);
int store_kpi_facts(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, const char *due_to, const char *day,
    struct kpi_raw *k, struct pd_err *err);
void store_daily_facts(struct qb *q, const struct payment_filter *sc,
    const char *from, const char *to);
/* A forecast's week from..to in them (the forecast's past weeks,
 * scope.c): v[0] what the Posted payments of sc allocated in [from,
 * end) to the items due from..to, their reversals included, v[1] the
 * same of every payment, v[2] what the Posted payments of sc took
 * from..to. */
int store_facts_week(struct store *st, const struct payment_filter *sc,
    const char *from, const char *to, const char *end, int64_t v[3],
    struct pd_err *err);
/* The condition of sc (scope and report filters, scope.c) on the
 * payments p appended to q's WHERE; nothing when sc narrows nothing. */
void store_scope_where(struct qb *q, const struct payment_filter *sc);
/* Whether an arrangement event that cond (on the events ue) names was
 * undone here, when the central node refused it (arrange_undo.c): the
 * plan or reschedule it made never was the organisation's, and no other
 * node has it */
/* SQL: arrangement event alias e is not one the central node refused and
 * this terminal undid (sync_undone): the plan's schedule in force and
 * the change that closed an installment are read among these alone
 * (helper-253, fault 1: a reschedule undone here was read as closing
 * installments missed after it, "Replaced" here and "Missed, replaced"
 * at every other node) */
#define ARR_EVENT_LIVE(e)                                                      \
	" NOT EXISTS (SELECT 1 FROM sync_undone u WHERE u.uuid = " e ".uuid)"
#define ARR_EVENT_UNDONE(cond)                                                 \
	"EXISTS (SELECT 1 FROM arrangement_events ue JOIN sync_undone u ON"    \
	" u.uuid = ue.uuid WHERE " cond ")"
/* SQL: the branch of the terminal named by the SQL expression t, as
 * store_terminal_branch reads it but for the cashier's (NULL: none) */
/* Whether payment pid (SQL) was taken for team ? (issue 23): the team
 * kept with it at posting (payment_teams; none: of no team), compared
 * folded as teams are, not its user's team now, which moves its closed
 * periods with the user. */
#define PAY_TEAM_IS(pid)                                                       \
	"coalesce((SELECT pd_fold(t.team) FROM payment_teams t WHERE "         \
	"t.payment_id = " pid "), '') = pd_fold(?)"
#define TERMINAL_BRANCH_OF(t)                                                  \
	"coalesce((SELECT tb.branch FROM terminal_branches tb WHERE"           \
	" tb.terminal = " t "), (SELECT bp.branch FROM payments bp WHERE"      \
	" bp.terminal = " t " LIMIT 1))"
/* The rows of sc (issue 23) appended to q's WHERE: made at the terminal
 * in column tcol by the user in column ucol (a row made at a terminal),
 * or, with pay set, of the payment p or, when tcol is given, made at
 * the scope's terminals; of the team, the payment's user's or, when ucol
 * is given, the row's maker's. */
void store_row_scope(struct qb *q, const struct row_scope *sc, const char *tcol,
    const char *ucol, int pay);
/* Run q (then freed), a query of one integer: *n gets it (0 on error). */
/* The one integer a cached query returns (0 if it fails). */
int64_t st_count(struct store *st, const char *sql);
/* Days (YYYY-MM-DD), each once, in order; v to free(). */
struct day_set {
	char (*v)[11];
	size_t n, cap;
};
/* The credit lines (not a reversal nor a duplicate) no active match
 * took, booked on upto or before (any day if NULL), by id in no order;
 * *n of them, and the days they were booked added to *days (unless
 * NULL); free() (match_set.c). */
int64_t *st_free_credits(struct store *st, const char *upto, size_t *n,
    struct day_set *days, struct pd_err *err);
/* sql, an insert of the ids of its ?1 (a JSON array: json_each), run
 * with n ids (nothing if none). */
int st_ids_insert(struct store *st, const char *sql, const int64_t *ids,
    size_t n, struct pd_err *err);
/* Fill the connection's temporary tables recon_lines (line_id) with each
 * credit line no active match took (not a reversal nor a duplicate),
 * booked min_age days before today or earlier (any day if min_age <= 0),
 * and recon_twice (line_id, deposit_id) with each of them and each
 * deposit of its account matched to another line whose slip number it
 * holds (recon_twice.c). */
int st_recon_twice(
    struct store *st, const char *today, int min_age, struct pd_err *err);
int qb_count(struct store *st, struct qb *q, int64_t *n, const char *what,
    struct pd_err *err);
/* "%text%" or "text%" with LIKE wildcards escaped by backslash; caller
 * frees. */
char *like_pattern(const char *text, int anywhere);
/* An FTS5 phrase for text: double-quoted, quotes doubled; caller frees. */
char *fts_phrase(const char *text);

/* Consumer searches (consumers.c), one rule for the consumer search,
 * the payments search and the reports' and credit notes' searches: the
 * text folded like the index's name_fold column (utf8_fold), matched
 * by the trigram index from 3 folded characters, else as a prefix of
 * the folded name or of the account number. */
struct consumer_q {
	char *fold;  /* the folded text (owned) */
	int short_q; /* under 3 folded characters: prefixes */
	char *match; /* the FTS5 query (3+), or NULL (owned) */
	char lo[64]; /* the prefix range (short), the folded text */
	char hi[68]; /* and its end */
	char *words; /* short: the FTS5 query of the starts of words in
	              * consumers_words, or NULL when it has no letter or
	              * digit (owned) */
	int wide;    /* short with a wide (CJK) character: also anywhere in
	              * the name, as those names have no spaces */
};
void consumer_q_init(struct store *st, const char *text, struct consumer_q *c);
void consumer_q_free(struct consumer_q *c);
/* Append to q a SELECT of the ids of the consumers c names. */
void consumer_q_ids(struct qb *q, const struct consumer_q *c);

/* Add the WHERE conditions of a payment filter over payments p (the query
 * already has "WHERE 1"). A search (consumer name, account, receipt
 * number prefix) is a set of ids read first, or when it matches many
 * payments (dense) a test of each row while the order is walked. */
void store_payment_where(
    struct store *st, struct qb *q, const struct payment_filter *f, int dense);
/* Whether a search matches so many payments that walking the order for
 * a page of limit rows (0: all) is cheaper than reading them all. */
int store_search_dense(struct store *st, const char *text, size_t limit);
/* Forget the consumers and payments store_search_dense read. */
void store_search_forget(struct store *st);
/* A statement line from its row (statements.c): id, seq, booking and
 * value dates, amount, reference, counterparty, text, bank id, reversal,
 * dup_of, the statement of dup_of, its account and key, and the line
 * dup_of there; an st_collect reader. */
void stmt_line_read(struct db_stmt *q, void *elem);
/* Stop and free store_checkpoints_behind's thread (store_close). */
void store_checkpoints_stop(struct store *st);
/* The planner's statistics (sqlite_stat1), kept by the store itself:
 * store_stats_watch notes each commit of the connection (st->committed);
 * store_stats_keep, at its close when it wrote, counts again what its
 * rule asks (an index without statistics, a table grown 25 times:
 * db_sqlite.c), whole (no analysis_limit), never waiting for another
 * writer; once a day (meta stats_day), or after a bulk load or a
 * migration (st->stats_due).
 * No-ops on PostgreSQL, which keeps its own (autovacuum's analyze). */
void store_stats_watch(struct store *st);
void store_stats_keep(struct store *st);

/* Schema migrations, applied in order; index + 1 is the user_version. */
extern const char *const store_migrations[];
extern const int store_nmigrations;
/* The central node's: an organisation's store (tracked by the meta key
 * central_version) and the directory (its own user_version). */
extern const char *const store_central_migrations[];
extern const int store_central_nmigrations;
extern const char *const store_admin_migrations[];
extern const int store_admin_nmigrations;
/* The same on PostgreSQL (schema_pg.c): the directory's (schema
 * "paydesk") and an organisation's (its own schema). */
extern const char *const store_pg_admin_migrations[];
extern const int store_pg_admin_nmigrations;
extern const char *const store_pg_central_migrations[];
extern const int store_pg_central_nmigrations;
/* Row q of store_line_match's columns into m (deposits.c). */
struct line_match;
void store_read_line_match(struct db_stmt *q, struct line_match *m);

#endif
