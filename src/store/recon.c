/* recon.c - the reconciliation of deposits and statements (issue 20),
 * read from the store: its exceptions (what is unmatched, overdue or
 * matched twice), the resolutions a supervisor recorded, and the
 * reconciliation of an account by day. Deposits and matches are
 * deposits.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

static void
read_exc(struct db_stmt *q, void *elem)
{
	struct recon_exception *e = elem;

	memset(e, 0, sizeof *e);
	e->kind = (enum recon_kind)db_column_int(q, 0);
	e->age = db_column_int64(q, 1);
	st_col(q, 2, e->on, sizeof e->on);
	st_col(q, 3, e->ref, sizeof e->ref);
	st_col(q, 4, e->detail, sizeof e->detail);
	e->expected = db_column_int64(q, 5);
	e->actual = db_column_int64(q, 6);
	e->difference = e->actual - e->expected;
	st_col(q, 7, e->target, sizeof e->target);
	st_col(q, 8, e->rday, sizeof e->rday);
	recon_key(e, e->key, sizeof e->key);
}

/* A statement line named where every store names it alike (its account,
 * statement key and place), l over b. */
#define LINE_TARGET "b.account || '/' || b.stmt_key || '#' || l.seq"
/* and as people name it, NAME:LINE (deposit.h, stmt_name) */
#define LINE_REF "pd_stmt_name(b.account, b.stmt_key) || ':' || l.seq"
/* A deposit of l's account, matched to another line, whose slip number
 * l's reference holds: l is a second credit of it. Which deposits' slips
 * a line holds is st_recon_twice's table (recon_twice.c), made first in
 * the same transaction with every condition here: pd_has_word here tried
 * every line against every matched deposit of its account (8 CPU-minutes
 * at 10M after the bench's statements). The table drives kind 4's joins
 * (CROSS JOIN: it has no statistics, and the planner took the deposits
 * of the account first, each probed in it: quadratic again at 10M). */
#define TWICE_WHERE                                                            \
	"d2.account = b.account AND d2.voided_at = '' AND m2.line_id <> l.id"
#define AGE(day) "max(0, CAST(julianday(?1) - julianday(" day ") AS INTEGER))"

/* The connection's table temp.recon_cheques: held (n). */
static int
held_fill(struct store *st, const struct cheque_held *held, size_t n,
    struct pd_err *err)
{
	struct db_stmt *s;
	size_t i;

	if (st_exec(st,
	        "CREATE TEMP TABLE IF NOT EXISTS recon_cheques (cheque_id "
	        "INTEGER NOT NULL, payment_id INTEGER NOT NULL, PRIMARY KEY "
	        "(cheque_id, payment_id)) WITHOUT ROWID; DELETE FROM "
	        "temp.recon_cheques",
	        err) != 0)
		return -1;
	if (n == 0)
		return 0;
	s = st_stmt(st,
	    "INSERT OR IGNORE INTO temp.recon_cheques (cheque_id, payment_id) "
	    "VALUES (?, ?)",
	    err);
	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		st_bind(s, "ii", held[i].cheque_id, held[i].payment_id);
		if (st_done(st, s, err) != 0)
			return -1;
	}
	return 0;
}

struct recon_exception *
store_recon_exceptions_aged(struct store *st, const char *today, int overdue,
    int64_t over_short, int min_age, const struct cheque_held *held,
    size_t nheld, size_t *n, struct pd_err *err)
{
	/* kinds as enum recon_kind: 0 a deposit not credited after overdue
	 * days, 1 a credit matched to nothing, 2 a match of another amount
	 * (a deposit's, or payments' of which one was voided since),
	 * 3 a shift's tender beyond over_short, 4 a second credit of a
	 * deposit credited already; each with its target, and left out
	 * once resolved */
	struct db_stmt *s;
	struct recon_exception *v;

	/* the table and the query read one state of the store: a
	 * transaction of their own unless in the caller's */
	if (st_exec(st, "SAVEPOINT pd_recon", err) != 0)
		return NULL;
	if (st_recon_twice(st, today, min_age, err) != 0 ||
	    held_fill(st, held, nheld, err) != 0)
		goto fail;
	/* clang-format off: one clause a line, as the query reads */
	s = st_stmt(st,
	    "SELECT k, age, day, ref, detail, expected, actual, target, rday "
	    "FROM ("
	    /* a deposit handed to the bank, not credited: its age from the
	     * handing (a prepared one is the branch's still) */
	    "SELECT 0 AS k, " AGE("substr(h.handed_at, 1, 10)") " AS age, "
	    "d.deposited_on AS day, d.slip_no AS ref, d.account AS detail, "
	    "d.amount AS expected, 0 AS actual, d.uuid AS target, "
	    "d.deposited_on AS rday FROM deposits d JOIN deposit_hands h ON "
	    "h.deposit_id = d.id WHERE "
	    "d.voided_at = '' AND NOT EXISTS (SELECT 1 FROM statement_matches "
	    "m WHERE m.deposit_id = d.id AND m.unmatched_at = '') AND "
	    "julianday(?1) - julianday(substr(h.handed_at, 1, 10)) > ?2 "
	    "UNION ALL SELECT 1, " AGE("l.booking_date") ", l.booking_date, "
	    LINE_REF ", substr(l.reference, 1, 79), 0, "
	    /* the credits no active match took, min_age days old or more
	     * (?4; all if none), read by st_recon_twice */
	    "l.amount, " LINE_TARGET ", l.booking_date FROM temp.recon_lines r "
	    "CROSS JOIN "
	    "bank_statement_lines l ON l.id = r.line_id JOIN "
	    "bank_statements b ON b.id = l.statement_id WHERE NOT "
	    LINE_REVERSED " AND NOT EXISTS (SELECT 1 FROM temp.recon_twice "
	    "t WHERE t.line_id = l.id) "
	    "UNION ALL SELECT 2, " AGE("l.booking_date") ", l.booking_date, "
	    /* a credit the bank took back since is credited nothing */
	    "d.slip_no, " LINE_REF ", d.amount, CASE WHEN "
	    LINE_REVERSED " THEN 0 ELSE l.amount END AS got, "
	    "d.uuid || ' ' || " LINE_TARGET ", d.deposited_on FROM "
	    "statement_matches m JOIN "
	    "deposits d ON d.id = m.deposit_id JOIN bank_statement_lines l ON "
	    "l.id = m.line_id JOIN bank_statements b ON b.id = l.statement_id "
	    "WHERE m.unmatched_at = '' AND got <> d.amount AND "
	    "d.voided_at = '' "
	    /* a credit matched to a deposit voided since (its void made
	     * where the match had not arrived, review R20): what it holds
	     * is to deposit again, the bank's credit backs nothing */
	    "UNION ALL SELECT 2, " AGE("l.booking_date") ", l.booking_date, "
	    "d.slip_no, " LINE_REF ", 0, l.amount, "
	    "d.uuid || ' ' || " LINE_TARGET ", d.deposited_on FROM "
	    "statement_matches m JOIN "
	    "deposits d ON d.id = m.deposit_id JOIN bank_statement_lines l ON "
	    "l.id = m.line_id JOIN bank_statements b ON b.id = l.statement_id "
	    "WHERE m.unmatched_at = '' AND d.voided_at <> '' "
	    /* a credit matched to payments of which one was voided since:
	     * no longer backed by what the ledger holds (review R20); its
	     * expected what the match's payments still posted make, its
	     * target "void:N:UUID LINE" (how many are void and the last of
	     * them: another void is another exception). The matches are
	     * found from the voided payments (payments_status, then
	     * statement_match_payments_payment): an EXISTS probed every
	     * active match's payments, the most of the daily alert pass's
	     * reconciliation rule once the bench's statements were in
	     * (issue 21) */
	    "UNION ALL SELECT 2, " AGE("l.booking_date") ", l.booking_date, "
	    LINE_REF ", substr((SELECT group_concat("
	    "p.payment_no, ' ') FROM (SELECT p.payment_no FROM "
	    "statement_match_payments mp JOIN payments p ON p.id = "
	    "mp.payment_id WHERE mp.match_id = m.id AND p.status = 'Voided' "
	    "ORDER BY p.payment_no) p), 1, 79), (SELECT coalesce(sum("
	    "p.amount), 0) FROM statement_match_payments mp JOIN payments p ON "
	    "p.id = mp.payment_id WHERE mp.match_id = m.id AND p.status <> "
	    "'Voided'), l.amount, 'void:' || (SELECT count(*) || ':' || "
	    "max(p.uuid) FROM statement_match_payments mp JOIN payments p ON "
	    "p.id = mp.payment_id WHERE mp.match_id = m.id AND p.status = "
	    "'Voided') || ' ' || " LINE_TARGET ", coalesce((SELECT "
	    "min(p.paid_on) FROM statement_match_payments mp JOIN payments p "
	    "ON p.id = mp.payment_id WHERE mp.match_id = m.id), "
	    "l.booking_date) FROM statement_matches m "
	    "JOIN bank_statement_lines l ON l.id = m.line_id JOIN "
	    "bank_statements b ON b.id = l.statement_id WHERE m.unmatched_at = "
	    "'' AND m.id IN "
	    "(SELECT mp.match_id FROM payments p CROSS JOIN "
	    "statement_match_payments mp ON mp.payment_id = p.id WHERE "
	    "p.status = 'Voided') "
	    /* a deposit holding a cheque whose payment was voided after its
	     * shift's close (review R20, fault 6): the bank got a cheque the
	     * ledger no longer backs; ref SLIP:NUMBER, expected the deposit
	     * less the cheque, target "DEPOSIT-UUID cheque:PAYMENT-UUID".
	     * Which cheque each such payment's is, by the close's rule, the
	     * service says (temp.recon_cheques, held_fill) */
	    "UNION ALL SELECT 2, " AGE("d.deposited_on") ", d.deposited_on, "
	    "d.slip_no || ':' || q.number, substr(p.payment_no, 1, 79), "
	    "d.amount - q.amount, d.amount, d.uuid || ' cheque:' || p.uuid, "
	    "d.deposited_on FROM temp.recon_cheques r JOIN deposit_cheques q "
	    "ON q.id = "
	    "r.cheque_id JOIN deposits d ON d.id = q.deposit_id AND "
	    "d.voided_at = '' JOIN payments p ON p.id = r.payment_id "
	    "UNION ALL SELECT 3, " AGE("substr(s.closed_at, 1, 10)") ", "
	    "substr(s.closed_at, 1, 10), s.z_no, t.method, t.expected, "
	    "t.counted, s.uuid || '/' || t.method, substr(s.closed_at, 1, 10) "
	    "FROM shift_tenders t JOIN "
	    "shifts s ON s.id = t.shift_id WHERE abs(t.over_short) > ?3 "
	    /* the float counted at an open against what the drawer's last
	     * close kept (review R20): cash gone, or come, between two
	     * shifts; not a drawer's first float */
	    "UNION ALL SELECT 3, " AGE("substr(s.opened_at, 1, 10)") ", "
	    "substr(s.opened_at, 1, 10), coalesce(nullif(s.z_no, ''), "
	    "s.uuid), 'Opening float', s.float_expected, s.float_counted, "
	    "s.uuid || '/Opening float', substr(s.opened_at, 1, 10) FROM "
	    "shifts s WHERE abs(s.float_counted "
	    "- s.float_expected) > ?3 AND EXISTS (SELECT 1 FROM shifts p WHERE "
	    "p.terminal = s.terminal AND p.drawer = s.drawer AND p.id < s.id) "
	    /* a void's refund out of a drawer of this terminal, the void
	     * refused by the central node or undone since (review R20b 2):
	     * the drawer's expected took the refund, the ledger no longer
	     * backs it. Each such void once, of the shift whose range holds
	     * it, while that shift's figure still counts it (refused and not
	     * undone; undone after the shift closed: one closed after the
	     * undo, or still open, leaves it out of expected, its close
	     * shows the difference); expected the refund, counted none,
	     * ref the Z number (the shift's uuid while open), detail
	     * "TENDER void PAYMENT", target "SHIFT-UUID/void:VOID-UUID" */
	    "UNION ALL SELECT 3, " AGE("substr(v.voided_at, 1, 10)") ", "
	    "substr(v.voided_at, 1, 10), coalesce(nullif(s.z_no, ''), "
	    "s.uuid), substr(p.method || ' void ' || p.payment_no, 1, 79), "
	    "p.amount, 0, s.uuid || '/void:' || v.uuid, substr(v.voided_at, 1, "
	    "10) FROM voids v JOIN "
	    "payments p ON p.id = v.payment_id JOIN shifts s ON s.terminal = "
	    "v.terminal AND v.id > s.void_after AND v.id <= "
	    "coalesce(s.void_upto, 9223372036854775807) LEFT JOIN sync_undone "
	    "u ON u.uuid = v.uuid WHERE (u.uuid IS NOT NULL OR EXISTS (SELECT "
	    "1 FROM outbox o WHERE o.uuid = v.uuid AND o.rejected_at IS NOT "
	    "NULL)) AND (u.uuid IS NULL OR (s.closed_at <> '' AND s.closed_at "
	    "< u.at)) "
	    "UNION ALL SELECT 4, " AGE("l.booking_date") ", l.booking_date, "
	    LINE_REF ", d2.slip_no, d2.amount, l.amount, "
	    LINE_TARGET ", l.booking_date FROM temp.recon_twice t CROSS JOIN "
	    "bank_statement_lines l ON l.id = t.line_id CROSS JOIN "
	    "bank_statements b ON b.id = l.statement_id CROSS JOIN deposits d2 "
	    "ON d2.id = t.deposit_id CROSS JOIN statement_matches m2 ON "
	    "m2.deposit_id = d2.id AND m2.unmatched_at = '' WHERE "
	    TWICE_WHERE " AND l.amount > 0 AND "
	    "l.reversal = 0 AND l.dup_of IS NULL AND NOT EXISTS (SELECT 1 FROM "
	    "statement_matches m WHERE m.line_id = l.id AND m.unmatched_at = "
	    "'') "
	    /* a second credit naming a gateway payment's code or a payout
	     * matched to another line (the match's id less than 0 in
	     * temp.recon_twice, recon_twice.c) */
	    "UNION ALL SELECT 4, " AGE("l.booking_date") ", l.booking_date, "
	    LINE_REF ", g2.gateway || ' ' || CASE WHEN m2.rule = 'payout' "
	    "THEN " PAYOUT_OF("g2") " ELSE g2.code END, CASE WHEN m2.rule = "
	    "'payout' THEN " PAYOUT_NET("g2") " ELSE g2.amount - g2.fee END, "
	    "l.amount, " LINE_TARGET ", l.booking_date FROM temp.recon_twice "
	    "t CROSS JOIN bank_statement_lines l ON l.id = t.line_id CROSS "
	    "JOIN bank_statements b ON b.id = l.statement_id CROSS JOIN "
	    "statement_matches m2 ON m2.id = -t.deposit_id AND m2.unmatched_at "
	    "= '' CROSS JOIN gw_payments g2 ON g2.id = m2.gw_id WHERE "
	    "t.deposit_id < 0 AND m2.line_id <> l.id AND l.amount > 0 AND "
	    "l.reversal = 0 AND l.dup_of IS NULL AND NOT EXISTS (SELECT 1 FROM "
	    "statement_matches m WHERE m.line_id = l.id AND m.unmatched_at = "
	    "'') "
	    /* a payout's credit of another amount than its payments less
	     * their fees; target "payout:GATEWAY:PAYOUT LINE"; on the day of
	     * its payments (MATCH_DAY) */
	    "UNION ALL SELECT 2, " AGE("l.booking_date") ", l.booking_date, "
	    "g.gateway || ' ' || " PAYOUT_OF("g") ", " LINE_REF ", "
	    PAYOUT_NET("g") ", l.amount, 'payout:' || g.gateway || ':' || "
	    PAYOUT_OF("g") " || ' ' || " LINE_TARGET ", substr(g.paid_at, 1, "
	    "10) FROM statement_matches m JOIN gw_payments g ON g.id = m.gw_id "
	    "JOIN bank_statement_lines l ON l.id = m.line_id JOIN "
	    "bank_statements b ON b.id = l.statement_id WHERE m.unmatched_at = "
	    "'' AND m.rule = 'payout' AND l.amount <> " PAYOUT_NET("g") ") x "
	    "WHERE (?4 <= 0 OR x.age >= ?4) AND NOT EXISTS (SELECT 1 "
	    "FROM recon_resolutions r WHERE r.target = x.target AND r.uuid NOT "
	    "IN (SELECT uuid FROM recon_undone) AND r.kind = CASE x.k WHEN 0 THEN "
	    "'not_credited' WHEN 1 THEN 'unexpected_credit' WHEN 2 THEN "
	    "'amount_differs' WHEN 3 THEN 'over_short' ELSE 'matched_twice' "
	    "END) ORDER BY day, k, ref, detail, target",
	    err);
	/* clang-format on */
	if (s == NULL)
		goto fail;
	st_bind(s, "sdid", today, overdue, over_short, min_age);
	v = st_collect(st, s, sizeof(struct recon_exception), read_exc, n,
	    _("Reading the exceptions"), err);
	st_exec(st, "RELEASE pd_recon", NULL);
	return v;
fail:
	st_exec(st, "ROLLBACK TO pd_recon; RELEASE pd_recon", NULL);
	return NULL;
}

int
store_recon_resolve(struct store *st, const struct recon_resolution *r,
    int64_t user_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO recon_resolutions (uuid, kind, target, ref, day, age, "
	    "expected, actual, note, resolved_at, user_id, resolved_by, "
	    "terminal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif(?, 0), ?, "
	    "?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssssiiississ", r->uuid, recon_kind_name(r->e.kind),
	    r->e.target, r->e.ref, r->e.on, r->e.age, r->e.expected,
	    r->e.actual, r->note, r->at, user_id, r->by, r->terminal);
	return st_done(st, s, err);
}

static void
read_res(struct db_stmt *q, void *elem)
{
	struct recon_resolution *r = elem;
	const char *slash;
	char kind[24];
	int k;

	memset(r, 0, sizeof *r);
	st_col(q, 0, r->uuid, sizeof r->uuid);
	st_col(q, 1, kind, sizeof kind);
	for (k = 0; k < RECON_KINDS; k++)
		if (strcmp(kind, recon_kind_name((enum recon_kind)k)) == 0)
			r->e.kind = (enum recon_kind)k;
	st_col(q, 2, r->e.target, sizeof r->e.target);
	st_col(q, 3, r->e.ref, sizeof r->e.ref);
	st_col(q, 4, r->e.on, sizeof r->e.on);
	r->e.age = db_column_int64(q, 5);
	r->e.expected = db_column_int64(q, 6);
	r->e.actual = db_column_int64(q, 7);
	r->e.difference = r->e.actual - r->e.expected;
	st_col(q, 8, r->note, sizeof r->note);
	st_col(q, 9, r->at, sizeof r->at);
	st_col(q, 10, r->by, sizeof r->by);
	st_col(q, 11, r->terminal, sizeof r->terminal);
	/* a line by its name, whatever the resolving terminal wrote (one
	 * before statements had names wrote its own number, which names
	 * another line at another terminal) */
	if (r->e.kind != RECON_OVER_SHORT && r->e.kind != RECON_NOT_CREDITED &&
	    (r->e.kind != RECON_DIFFERS || strncmp(r->e.target, "void:", 5) == 0))
		recon_target_line_ref(r->e.target, r->e.ref, sizeof r->e.ref);
	/* an over_short's tender, which its key names, from its target
	 * SHIFT/TENDER (s72 h8 fault 4: resolved again, it was "no open
	 * exception" where it is "resolved already") */
	if (r->e.kind == RECON_OVER_SHORT && r->e.detail[0] == '\0' &&
	    (slash = strchr(r->e.target, '/')) != NULL)
		snprintf(r->e.detail, sizeof r->e.detail, "%s", slash + 1);
	recon_key(&r->e, r->e.key, sizeof r->e.key);
}

#define RES_COLS                                                               \
	"uuid, kind, target, ref, day, age, expected, actual, note, "          \
	"resolved_at, resolved_by, terminal"

struct recon_resolution *
store_recon_resolutions(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " RES_COLS " FROM recon_resolutions WHERE uuid NOT IN "
	    "(SELECT uuid FROM recon_undone) ORDER BY id DESC",
	    err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct recon_resolution), read_res, n,
	    _("Reading the resolved exceptions"), err);
}

int
store_recon_resolution(struct store *st, const char *kind, const char *target,
    struct recon_resolution *out, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " RES_COLS " FROM recon_resolutions WHERE kind = ? AND "
	    "target = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ss", kind, target);
	return st_one(st, s, read_res, out, _("Reading the resolved exceptions"),
	    err);
}

static void
read_rday(struct db_stmt *q, void *elem)
{
	struct recon_day *d = elem;

	memset(d, 0, sizeof *d);
	st_col(q, 0, d->day, sizeof d->day);
	d->expected = db_column_int64(q, 1);
	d->deposits = db_column_int(q, 2);
	d->credited = db_column_int64(q, 3);
	d->credits = db_column_int(q, 4);
	d->matched = db_column_int64(q, 5);
	d->difference = d->credited - d->expected;
}

/* store_recon_days' query, the deposits' day expected as held says: the
 * deposit's amount less its cheques held in temp.recon_cheques, or whole
 * where none is held (a central node's: no temporary table there) */
#define RECON_DAYS(dep_amount)                                                 \
	"WITH dep AS (SELECT deposited_on AS day, sum(" dep_amount ") AS exp, " \
	"count(*) AS nd FROM deposits WHERE account = ?1 AND voided_at = " \
	"'' AND deposited_on BETWEEN ?2 AND ?3 AND id IN (SELECT " \
	"deposit_id FROM deposit_hands) GROUP BY deposited_on), cl " \
	"AS (SELECT CASE WHEN m.id IS NULL THEN l.booking_date " \
	"ELSE " MATCH_DAY \
	" END AS day, l.amount AS amount, m.id IS NOT NULL AS " \
	"took, CASE WHEN m.id IS NOT NULL AND m.deposit_id IS NULL " \
	"THEN " MATCH_EXPECTED \
	" ELSE 0 END AS mexp FROM bank_statement_lines l " \
	"JOIN bank_statements b ON b.id = l.statement_id LEFT JOIN " \
	"statement_matches m ON m.line_id = l.id AND m.unmatched_at = '' " \
	"LEFT JOIN deposits d ON d.id = m.deposit_id LEFT JOIN " \
	"gw_payments g ON g.id = m.gw_id WHERE b.account = ?1 AND " \
	"l.amount > 0 AND l.reversal = 0 AND l.dup_of IS NULL AND " \
	"NOT " LINE_REVERSED "), c AS (SELECT day, sum(amount) AS cred, " \
	"count(*) AS nc, sum(CASE WHEN took THEN amount ELSE 0 END) AS " \
	"matched, sum(mexp) AS mexp FROM cl WHERE day BETWEEN ?2 AND ?3 " \
	"GROUP BY day), days AS (SELECT day FROM dep UNION SELECT day " \
	"FROM c) SELECT days.day, coalesce(dep.exp, 0) + coalesce(c.mexp, " \
	"0), coalesce(dep.nd, 0), coalesce(c.cred, 0), coalesce(c.nc, 0), " \
	"coalesce(c.matched, 0) FROM days LEFT JOIN dep ON dep.day = " \
	"days.day LEFT JOIN c ON c.day = days.day ORDER BY days.day"

struct recon_day *
store_recon_days(struct store *st, const char *account, const char *from,
    const char *to, const struct cheque_held *held, size_t nheld, size_t *n,
    struct pd_err *err)
{
	/* the days with a deposit handed to the bank or a credit counted:
	 * what was expected (the deposits of that day handed to the bank
	 * since, on their day as made: one prepared is expected nowhere
	 * until handed; and what the
	 * ledger held of the payments of that day a credit was matched to,
	 * a gateway payment's, a transfer's or a card day's: review R20b,
	 * fault 9, where a matched transfer read as a difference of its
	 * whole amount) against what the bank credited for it: each credit
	 * once (neither a reversal nor a line an earlier statement had, nor
	 * one the bank took back since: review s50, helper-216), a matched
	 * one on the day of what it matched (MATCH_DAY: a bag handed on the
	 * 15th and credited on the 16th is no difference on either day,
	 * tester fault 11), one nobody matched on its booking day; and how
	 * much of it is matched. The credits' day is known after the join,
	 * so the account's credits are read whole and their days kept. A
	 * deposit is expected less its cheques whose payments were voided
	 * since (temp.recon_cheques, held_fill): what the ledger backs, as
	 * the exceptions' amount_differs of each says (s72 fault 2). */
	struct db_stmt *s;
	struct recon_day *v;

	if (nheld == 0) {
		s = st_stmt(st, RECON_DAYS("amount"), err);
		if (s == NULL)
			return NULL;
		st_bind(s, "sss", account, from, to);
		return st_collect(st, s, sizeof(struct recon_day), read_rday,
		    n, _("Reading the reconciliation"), err);
	}
	if (st_exec(st, "SAVEPOINT pd_recon_days", err) != 0)
		return NULL;
	if (held_fill(st, held, nheld, err) != 0)
		goto fail;
	s = st_stmt(st,
	    RECON_DAYS("amount - coalesce((SELECT sum(q.amount) FROM "
	               "temp.recon_cheques r JOIN deposit_cheques q ON q.id = "
	               "r.cheque_id WHERE q.deposit_id = deposits.id), 0)"),
	    err);
	if (s == NULL)
		goto fail;
	st_bind(s, "sss", account, from, to);
	v = st_collect(st, s, sizeof(struct recon_day), read_rday, n,
	    _("Reading the reconciliation"), err);
	st_exec(st, "RELEASE pd_recon_days", NULL);
	return v;
fail:
	st_exec(st, "ROLLBACK TO pd_recon_days; RELEASE pd_recon_days", NULL);
	return NULL;
}

int
store_recon_account_known(
    struct store *st, const char *account, int *known, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT EXISTS (SELECT 1 FROM deposits WHERE account = ?1) OR "
	    "EXISTS (SELECT 1 FROM bank_statements WHERE account = ?1)",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", account);
	rc = db_step(s);
	*known = rc == DB_ROW && db_column_int(s, 0);
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading the reconciliation"));
}

static void
read_racct(struct db_stmt *q, void *elem)
{
	struct recon_account *a = elem;

	memset(a, 0, sizeof *a);
	st_col(q, 0, a->account, sizeof a->account);
}

struct recon_account *
store_recon_accounts(struct store *st, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT account FROM deposits WHERE account <> '' UNION "
	    "SELECT account FROM bank_statements WHERE account <> '' "
	    "ORDER BY 1",
	    err);

	if (s == NULL)
		return NULL;
	return st_collect(st, s, sizeof(struct recon_account), read_racct, n,
	    _("Reading the reconciliation"), err);
}

/* ---- a resolution the central node refused, at its terminal ---- */

int
store_recon_undo(struct store *st, const char *uuid, const char *at,
    const char *reason, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO recon_undone (uuid, at, reason) VALUES (?, ?, ?) ON "
	    "CONFLICT (uuid) DO NOTHING",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sss", uuid, at, reason);
	return st_done(st, s, err);
}

static void
read_one(struct db_stmt *q, void *elem)
{
	*(int *)elem = db_column_int(q, 0);
}

int
store_recon_undone(struct store *st, const char *uuid, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT 1 FROM recon_undone WHERE uuid = ?", err);
	int has = 0, rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	rc = st_one(st, s, read_one, &has, _("Reading the resolved exceptions"),
	    err);
	return rc < 0 ? -1 : rc == 0;
}

int
store_recon_replace(struct store *st, const struct recon_resolution *r,
    int64_t user_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE recon_resolutions SET uuid = ?, ref = ?, day = ?, age = ?, "
	    "expected = ?, actual = ?, note = ?, resolved_at = ?, user_id = "
	    "nullif(?, 0), resolved_by = ?, terminal = ? WHERE kind = ? AND "
	    "target = ? AND uuid IN (SELECT uuid FROM recon_undone)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssiiississss", r->uuid, r->e.ref, r->e.on, r->e.age,
	    r->e.expected, r->e.actual, r->note, r->at, user_id, r->by,
	    r->terminal, recon_kind_name(r->e.kind), r->e.target);
	if (st_done(st, s, err) != 0)
		return -1;
	if (db_changes(st->db) != 1)
		return pd_fail(err, PD_ESTORE,
		    "Resolution of %s is not undone here", r->e.target);
	return 0;
}
