/* bench_debts.h - what bench_debts.c (an arrangement made, the daily
 * alert pass) and bench_lists.c (the disconnection and reconnection
 * lists) share. */
#ifndef PAYDESK_BENCH_DEBTS_H
#define PAYDESK_BENCH_DEBTS_H
#include <sqlite3.h>
#include <stdint.h>

#include "paydesk/service.h"

/* Every plan's installments as paydesk reads them (store_arr_items): the
 * day each was paid in full, what later events closed of it and what
 * its own event took off it. */
#define RAW_INSTALLMENTS                                                       \
	"SELECT a.id, a.consumer_id, a.cancelled, a.grace_days,"               \
	" a.misses_allowed, i.due_on, i.amount, i.settled, coalesce((SELECT"   \
	" sum(amount) FROM arrangement_moves WHERE item_id = i.id AND"         \
	" event_id IS NOT i.arr_event), 0), CASE WHEN i.settled = i.amount"    \
	" AND i.settled > (SELECT coalesce(sum(amount), 0) FROM"               \
	" arrangement_moves WHERE item_id = i.id) THEN coalesce((SELECT"       \
	" max(u.d) FROM (SELECT y.paid_on AS d FROM allocations x JOIN"        \
	" payments y ON y.id = x.payment_id WHERE x.item_id = i.id AND"        \
	" x.amount > 0 UNION ALL SELECT applied_on FROM credit_applications"   \
	" WHERE item_id = i.id) AS u), '') ELSE '' END, coalesce((SELECT"      \
	" sum(amount) FROM arrangement_moves WHERE item_id = i.id AND"         \
	" event_id = i.arr_event), 0) FROM arrangements a JOIN items i ON"     \
	" i.plan_id = a.plan_id"

/* A credit the bank took back since (store/internal.h's LINE_REVERSED). */
#define RAW_LINE_REVERSED                                                          \
	"l.id IN (SELECT cl.id FROM bank_statement_lines rv JOIN "             \
	"bank_statements rb ON rb.id = rv.statement_id JOIN "                  \
	"bank_statement_lines cl ON cl.amount = -rv.amount AND cl.amount > 0 " \
	"AND cl.reversal = 0 AND cl.dup_of IS NULL AND cl.booking_date <= "    \
	"rv.booking_date JOIN bank_statements cb ON cb.id = cl.statement_id "  \
	"AND cb.account = rb.account WHERE rv.reversal = 1 AND rv.dup_of IS "  \
	"NULL AND rv.reference = cl.reference AND (cl.reference <> '' OR "     \
	"rv.text = cl.text))"
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

/* The disconnection and reconnection lists' figures, as of day d (the
 * consumers' ids up to top); 0, or 1 (said) if paydesk failed. */
int bench_lists(struct svc *s, sqlite3 *raw, int32_t d, long top);

#endif
