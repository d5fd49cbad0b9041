/* recon_central.c - the rows the central node makes the reconciliation's
 * exceptions of (issue 20; paydesk-central exceptions and
 * reconciliation, src/service/recon_central.c), in SQL that both of the
 * central node's engines read alike: no temporary table, no SQL function
 * of the store's own (a statement's name is made in C), no join hint.
 * The exceptions' own query (recon.c) is the terminal's, over SQLite
 * only; these rows are what it reads, kind by kind, left for the service
 * to put together and order the same way. What only a terminal holds
 * (its outbox, the voids undone there) is not read. The deposits'
 * cheques of payments voided since are found by the service
 * (svc_cheques_held, the close's rule) and read here one by one: the
 * terminal's temporary table is SQLite's. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

/* A statement line named where every store names it alike, l over b. */
#define LINE_TARGET "b.account || '/' || b.stmt_key || '#' || l.seq"
/* No active match holds line l. */
#define LINE_FREE                                                              \
	"NOT EXISTS (SELECT 1 FROM statement_matches m WHERE m.line_id = "     \
	"l.id AND m.unmatched_at = '')"

/* Step q to its end, each row read into a row of type and given to cb. */
static int
rows(struct store *st, struct db_stmt *q, enum central_row_type type,
    central_row_cb cb, void *arg, struct pd_err *err)
{
	struct central_row r;
	int rc, stop = 0;

	while (!stop && (rc = db_step(q)) == DB_ROW) {
		memset(&r, 0, sizeof r);
		r.type = type;
		r.kind = db_column_int(q, 0);
		st_col(q, 1, r.on, sizeof r.on);
		st_col(q, 2, r.ref, sizeof r.ref);
		st_col(q, 3, r.detail, sizeof r.detail);
		r.expected = db_column_int64(q, 4);
		r.actual = db_column_int64(q, 5);
		st_col(q, 6, r.target, sizeof r.target);
		st_col(q, 7, r.rday, sizeof r.rday);
		st_col(q, 8, r.terminal, sizeof r.terminal);
		st_col(q, 9, r.account, sizeof r.account);
		st_col(q, 10, r.stmt_key, sizeof r.stmt_key);
		r.seq = db_column_int(q, 11);
		r.id = db_column_int64(q, 12);
		r.flag = db_column_int(q, 13);
		r.text = (const char *)db_column_text(q, 14);
		if (r.text == NULL)
			r.text = "";
		stop = cb(&r, arg);
	}
	db_reset(q);
	if (stop)
		return stop < 0 ? -1 : 0;
	return rc == DB_DONE ? 0
	                     : st_fail(st, err, _("Reading the exceptions"));
}

/* The queries, in the order of the row types; each gives the 15 columns
 * rows() reads. */
static const char *const central_sql[] = {
    /* CENTRAL_NOT_CREDITED: the deposits not void that no active match
     * took (their age is the service's to judge) */
    "SELECT 0, d.deposited_on, d.slip_no, d.account, d.amount, 0, d.uuid, "
    "d.deposited_on, d.terminal, d.account, '', 0, d.id, 0, '' FROM "
    "deposits d WHERE d.voided_at = '' AND NOT EXISTS (SELECT 1 FROM "
    "statement_matches m WHERE m.deposit_id = d.id AND m.unmatched_at = "
    "'')",
    /* CENTRAL_FREE_CREDIT: the live credits no active match took, with
     * the text their slips are looked for in and whether the bank took
     * each back since (flag) */
    "SELECT 1, l.booking_date, '', substr(l.reference, 1, 79), 0, "
    "l.amount, " LINE_TARGET ", l.booking_date, b.terminal, b.account, "
    "b.stmt_key, l.seq, l.id, CASE WHEN " LINE_REVERSED " THEN 1 ELSE 0 "
    "END, l.reference || ' ' || l.text FROM bank_statement_lines l JOIN "
    "bank_statements b ON b.id = l.statement_id WHERE l.amount > 0 AND "
    "l.reversal = 0 AND l.dup_of IS NULL AND " LINE_FREE,
    /* CENTRAL_SLIP: the deposits not void an active match took: a free
     * credit that names one is a second credit of it */
    "SELECT 4, d.deposited_on, d.slip_no, '', d.amount, 0, d.uuid, "
    "d.deposited_on, d.terminal, d.account, '', 0, m.line_id, 0, "
    "d.slip_no FROM deposits d JOIN statement_matches m ON m.deposit_id "
    "= d.id AND m.unmatched_at = '' WHERE d.voided_at = ''",
    /* CENTRAL_DEPOSIT_MATCH: each active match of a deposit, its
     * expected the deposit's amount (0 once void), its actual the
     * credit (0 once the bank took it back, while the deposit is not
     * void); the service keeps those that differ */
    "SELECT 2, l.booking_date, d.slip_no, '', CASE WHEN d.voided_at = '' "
    "THEN d.amount ELSE 0 END, CASE WHEN d.voided_at = '' AND "
    "" LINE_REVERSED " THEN 0 ELSE l.amount END, d.uuid || ' ' "
    "|| " LINE_TARGET ", d.deposited_on, d.terminal, b.account, "
    "b.stmt_key, l.seq, m.id, 0, '' FROM statement_matches m JOIN "
    "deposits d ON d.id = m.deposit_id JOIN bank_statement_lines l ON "
    "l.id = m.line_id JOIN bank_statements b ON b.id = l.statement_id "
    "WHERE m.unmatched_at = ''",
    /* CENTRAL_MATCH_PAYMENT: every payment of each active match of which
     * a payment was voided since, by match (flag: voided; text: its
     * uuid; detail: its number; on: its day) */
    "SELECT 2, p.paid_on, '', p.payment_no, p.amount, l.amount, "
    "" LINE_TARGET ", l.booking_date, b.terminal, b.account, b.stmt_key, "
    "l.seq, m.id, CASE WHEN p.status = 'Voided' THEN 1 ELSE 0 END, "
    "p.uuid FROM statement_matches m JOIN bank_statement_lines l ON l.id "
    "= m.line_id JOIN bank_statements b ON b.id = l.statement_id JOIN "
    "statement_match_payments mp ON mp.match_id = m.id JOIN payments p "
    "ON p.id = mp.payment_id WHERE m.unmatched_at = '' AND m.id IN "
    "(SELECT mv.match_id FROM statement_match_payments mv JOIN payments "
    "pv ON pv.id = mv.payment_id WHERE pv.status = 'Voided') ORDER BY "
    "m.id",
    /* CENTRAL_OVER_SHORT: a closed shift's tender beyond ?1 */
    "SELECT 3, substr(s.closed_at, 1, 10), s.z_no, t.method, t.expected, "
    "t.counted, s.uuid || '/' || t.method, substr(s.closed_at, 1, 10), "
    "s.terminal, '', '', 0, s.id, 0, '' FROM shift_tenders t JOIN shifts "
    "s ON s.id = t.shift_id WHERE abs(t.over_short) > ?1",
    /* CENTRAL_FLOAT: a float counted at an open that far from what the
     * drawer's last close kept (not a drawer's first float); ref the Z
     * number, the shift's id while open */
    "SELECT 3, substr(s.opened_at, 1, 10), coalesce(nullif(s.z_no, ''), "
    "s.uuid), 'Opening float', s.float_expected, s.float_counted, s.uuid "
    "|| '/Opening float', substr(s.opened_at, 1, 10), s.terminal, '', '', "
    "0, s.id, 0, '' FROM shifts s WHERE abs(s.float_counted - "
    "s.float_expected) > ?1 AND EXISTS (SELECT 1 FROM shifts p WHERE "
    "p.terminal = s.terminal AND p.drawer = s.drawer AND p.id < s.id)",
    /* CENTRAL_RESOLVED */
    "SELECT 0, '', kind, '', 0, 0, target, '', '', '', '', 0, id, 0, '' "
    "FROM recon_resolutions",
};

int
store_central_exc_rows(struct store *st, enum central_row_type type,
    int64_t over_short, central_row_cb cb, void *arg, struct pd_err *err)
{
	struct db_stmt *q;

	if ((size_t)type >= sizeof central_sql / sizeof central_sql[0])
		return pd_fail(
		    err, PD_EINVAL, "%s", _("Reading the exceptions"));
	if ((q = st_stmt(st, central_sql[type], err)) == NULL)
		return -1;
	if (type == CENTRAL_OVER_SHORT || type == CENTRAL_FLOAT)
		st_bind(q, "i", over_short);
	return rows(st, q, type, cb, arg, err);
}

int
store_central_held_rows(struct store *st, const struct cheque_held *held,
    size_t nheld, central_row_cb cb, void *arg, struct pd_err *err)
{
	/* recon.c's kind 2 of temp.recon_cheques, a row per cheque */
	struct db_stmt *q = st_stmt(st,
	    "SELECT 2, d.deposited_on, d.slip_no || ':' || q.number, "
	    "substr(p.payment_no, 1, 79), d.amount - q.amount, d.amount, "
	    "d.uuid || ' cheque:' || p.uuid, d.deposited_on, d.terminal, "
	    "d.account, '', 0, d.id, CASE WHEN EXISTS (SELECT 1 FROM "
	    "deposit_hands h WHERE h.deposit_id = d.id) THEN 1 ELSE 0 END, "
	    "'' FROM deposit_cheques q JOIN deposits d ON d.id = "
	    "q.deposit_id AND d.voided_at = '' JOIN payments p ON p.id = ?2 "
	    "WHERE q.id = ?1",
	    err);
	size_t i, j;

	if (q == NULL)
		return -1;
	for (i = 0; i < nheld; i++) {
		/* each cheque and payment once, as the terminal's table
		 * keeps them */
		for (j = 0; j < i; j++)
			if (held[j].cheque_id == held[i].cheque_id &&
			    held[j].payment_id == held[i].payment_id)
				break;
		if (j < i)
			continue;
		st_bind(q, "ii", held[i].cheque_id, held[i].payment_id);
		if (rows(st, q, CENTRAL_HELD_CHEQUE, cb, arg, err) != 0)
			return -1;
	}
	return 0;
}
