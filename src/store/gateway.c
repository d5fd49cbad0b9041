/* gateway.c - payment gateways (issue 19): their registry in the central
 * node's directory, and in an organisation's store the notifications
 * they send, kept as received, and the payments those report. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/xmalloc.h"

#define GW_COLS                                                                \
	"org, name, profile, secret, old_secret, path_hash, old_path_hash, "   \
	"old_until, created_at, revoked_at, method, statuses, time_zone, "     \
	"account"

static void
read_gw(struct db_stmt *s, void *elem)
{
	struct gateway_row *g = elem;

	memset(g, 0, sizeof *g);
	st_col(s, 0, g->org, sizeof g->org);
	st_col(s, 1, g->name, sizeof g->name);
	st_col(s, 2, g->profile, sizeof g->profile);
	st_col(s, 3, g->secret, sizeof g->secret);
	st_col(s, 4, g->old_secret, sizeof g->old_secret);
	st_col(s, 5, g->path_hash, sizeof g->path_hash);
	st_col(s, 6, g->old_path_hash, sizeof g->old_path_hash);
	st_col(s, 7, g->old_until, sizeof g->old_until);
	st_col(s, 8, g->created_at, sizeof g->created_at);
	st_col(s, 9, g->revoked_at, sizeof g->revoked_at);
	st_col(s, 10, g->method, sizeof g->method);
	st_col(s, 11, g->statuses, sizeof g->statuses);
	st_col(s, 12, g->time_zone, sizeof g->time_zone);
	st_col(s, 13, g->account, sizeof g->account);
}

int
store_gateway_add(
    struct store *st, const struct gateway_row *g, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO gateways (org, name, profile, secret, path_hash, "
	    "created_at) VALUES (?, ?, ?, ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssssss", g->org, g->name, g->profile, g->secret,
	    g->path_hash, g->created_at);
	if (st_done(st, s, err) != 0) {
		if (db_extended_errcode(st->db) == DB_CONSTRAINT_UNIQUE)
			return pd_fail(err, PD_EINVAL,
			    "Gateway %s is already registered in %s; revoke "
			    "it first, or rotate its secret",
			    g->name, g->org);
		return -1;
	}
	return 0;
}

int
store_gateway_get(struct store *st, const char *org, const char *name,
    struct gateway_row *g, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " GW_COLS " FROM gateways WHERE org = ? AND name = ? "
	    "ORDER BY revoked_at = '' DESC, id DESC LIMIT 1",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ss", org, name);
	rc = db_step(s);
	if (rc == DB_ROW)
		read_gw(s, g);
	db_reset(s);
	if (rc == DB_ROW)
		return 0;
	if (rc == DB_DONE)
		return pd_fail(
		    err, PD_ENOTFOUND, "No gateway %s in %s", name, org);
	return st_fail(st, err, "Reading gateways");
}

/* Run s, an update of the active (not revoked) gateway NAME of ORG:
 * PD_ENOTFOUND when there is none. */
static int
active_done(struct store *st, struct db_stmt *s, const char *org,
    const char *name, struct pd_err *err)
{
	if (st_done(st, s, err) != 0)
		return -1;
	if (db_changes(st->db) == 0)
		return pd_fail(
		    err, PD_ENOTFOUND, "No active gateway %s in %s", name, org);
	return 0;
}

int
store_gateway_rotate(struct store *st, const char *org, const char *name,
    const char *secret, const char *path_hash, const char *old_until,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE gateways SET old_secret = secret, old_path_hash = "
	    "path_hash, secret = ?1, path_hash = CASE WHEN path_hash = '' "
	    "THEN '' ELSE ?2 END, old_until = ?3 WHERE org = ?4 AND name = ?5 "
	    "AND revoked_at = ''",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssss", secret, path_hash, old_until, org, name);
	return active_done(st, s, org, name, err);
}

int
store_gateway_revoke(struct store *st, const char *org, const char *name,
    const char *at, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE gateways SET revoked_at = ? WHERE org = ? AND name = ? "
	    "AND revoked_at = ''",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sss", at, org, name);
	return active_done(st, s, org, name, err);
}

int
store_gateway_set(struct store *st, const char *org, const char *name,
    const char *method, const char *statuses, const char *time_zone,
    const char *account, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE gateways SET method = coalesce(?1, method), statuses = "
	    "coalesce(?2, statuses), time_zone = coalesce(?5, time_zone), "
	    "account = coalesce(?6, account) "
	    "WHERE org = ?3 AND name = ?4 AND revoked_at = ''",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssssss", method, statuses, org, name, time_zone, account);
	return active_done(st, s, org, name, err);
}

struct gateway_row *
store_gateways(struct store *st, const char *org, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " GW_COLS " FROM gateways WHERE ?1 IS NULL OR org = ?1 "
	    "ORDER BY org, name, id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "s", org);
	return st_collect(st, s, sizeof(struct gateway_row), read_gw, n,
	    "reading gateways", err);
}

int
store_gw_notification_put(struct store *st, const char *gateway,
    const struct gw_event *ev, const char *at, const char *source,
    const char *headers, const char *body, size_t len, int64_t *id,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO gateway_notifications (gateway, event_id, kind, "
	    "status, received_at, source, headers, body) VALUES (?, ?, ?, ?, "
	    "?, ?, ?, ?) ON CONFLICT (gateway, event_id) DO NOTHING",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssssss", gateway, ev->event_id, ev->kind,
	    gw_status_name(ev->status), at, source, headers);
	db_bind_blob(s, 8, len ? body : "", (int)len, DB_TRANSIENT);
	if (st_done(st, s, err) != 0)
		return -1;
	if (db_changes(st->db) == 0)
		return 0;
	*id = db_last_insert_rowid(st->db);
	return 1;
}

/* The payment's amount once this event is applied: its own once in the
 * ledger or disputed, else the event's. */
#define AMOUNT                                                                 \
	"CASE WHEN ?16 <> 0 OR gateway_payments.payment_id <> 0 THEN "         \
	"gateway_payments.amount ELSE excluded.amount END"
/* A refund event correcting a total of more than the amount (held "over
 * refund") with one of part of it: the payment succeeded again, that
 * part refunded. */
#define FIXED                                                                  \
	"(?17 <> 0 AND gateway_payments.refunded > " AMOUNT " AND "            \
	"excluded.refunded < " AMOUNT ")"

int
store_gw_payment_apply(struct store *st, const char *gateway,
    const struct gw_event *ev, int64_t notification, const char *at,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO gateway_payments (gateway, code, status, "
	    "account_ref, phone, payer, short_code, amount, currency, paid_at, "
	    "event_time, notification_id, received_at, updated_at, refunded) "
	    "VALUES (?1, ?2, CASE WHEN ?14 <> 0 THEN 'succeeded' ELSE ?3 END, ?4, "
	    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?15) ON CONFLICT "
	    "(gateway, code) DO UPDATE SET status = CASE WHEN " FIXED
	    " AND gateway_payments.status = 'refunded' THEN 'succeeded' WHEN "
	    "?14 <> 0 OR (excluded.status = 'refunded' AND excluded.refunded "
	    "< " AMOUNT
	    ") THEN gateway_payments.status ELSE excluded.status END, "
	    "refunded = CASE WHEN ?17 <> 0 AND gateway_payments.refunded "
	    "> " AMOUNT " AND excluded.refunded <= " AMOUNT
	    " THEN excluded.refunded "
	    "ELSE max(gateway_payments.refunded, excluded.refunded) END, "
	    "account_ref = "
	    "CASE WHEN gateway_payments.payment_id <> 0 THEN "
	    "gateway_payments.account_ref ELSE coalesce(nullif("
	    "excluded.account_ref, ''), gateway_payments.account_ref) END, "
	    "amount = CASE WHEN ?16 <> 0 OR gateway_payments.payment_id <> 0 "
	    "THEN gateway_payments.amount ELSE "
	    "excluded.amount END, event_time = excluded.event_time, "
	    "notification_id = excluded.notification_id, updated_at = "
	    "excluded.updated_at WHERE excluded.event_time >= "
	    "gateway_payments.event_time",
	    err);

	if (s == NULL)
		return -1;
	/* a refund of part of the amount leaves the payment succeeded (or
	 * as it was), with what was refunded so far; a dispute's amount is
	 * what the payer disputes, maybe part of the payment: it leaves the
	 * payment's amount as it was (B19 review: a dispute of 5.00 of a
	 * 15.00 payment made it 5.00, and its full refund after, 15.00,
	 * "more refunded than paid"). Once in the ledger, its amount and
	 * account reference are the ledger payment's: a later event saying
	 * otherwise (a second succeeded of 50.00 for a 15.00 payment) moves
	 * its status only, so that no settlement file settles the ledger's
	 * 15.00 as 50.00 (issue 19, R19); and a refund is in part against
	 * that amount, not the event's (a refund event of 10.00 "of 10.00"
	 * for a payment of 15.00 made it refunded, its 5.00 left never to
	 * settle). Refunded totals only grow, but for one of more than the
	 * amount, held as "over refund": a later refund event's total that
	 * is not replaces it, and the service judges the refund again
	 * (issue 19 review: the hold stayed, the larger total kept) */
	st_bind(s, "sssssssissiisdidd", gateway, ev->code,
	    gw_status_name(ev->status), ev->account_ref, ev->phone, ev->payer,
	    ev->short_code, ev->amount, ev->currency, ev->paid_at,
	    ev->event_time, notification, at,
	    ev->status == GW_REFUNDED && ev->refunded < ev->amount,
	    ev->refunded, ev->status == GW_DISPUTED, ev->status == GW_REFUNDED);
	if (st_done(st, s, err) != 0)
		return -1;
	/* an event older than the payment's latest moves nothing back, but
	 * the account reference the payment lacks it gives (R19: a card
	 * processor's charge.succeeded, its metadata empty, a second after
	 * the payment_intent.succeeded carrying the account left the
	 * payment unassociated for good); not once in the ledger */
	if (ev->account_ref[0] == '\0')
		return 0;
	s = st_stmt(st,
	    "UPDATE gateway_payments SET account_ref = ?3 WHERE gateway = ?1 "
	    "AND code = ?2 AND account_ref = '' AND payment_id = 0",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "sss", gateway, ev->code, ev->account_ref);
	return st_done(st, s, err);
}
#undef FIXED
#undef AMOUNT

/* ref as payers' account numbers are matched: upper case, without
 * spaces and dashes. */
static void
norm_ref(const char *ref, char *norm, size_t n)
{
	size_t i, j = 0;

	for (i = 0; ref[i] != '\0' && j + 1 < n; i++)
		if (ref[i] != ' ' && ref[i] != '-')
			norm[j++] = (char)toupper((unsigned char)ref[i]);
	norm[j] = '\0';
}

int
store_gw_consumer_by_ref(struct store *st, const char *ref, int64_t *id,
    char *accounts, size_t n, struct pd_err *err)
{
	/* the account written as typed but for case first: "AB1" is AB1's
	 * even when AB-1 is also a consumer's (R19: it went to AB-1, the
	 * first by id); by the index whatever the statistics say (a store
	 * counted at 3 consumers planned this as a scan of them all) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, account_no, CASE WHEN upper(account_no) = "
	    "upper(CAST(?2 AS TEXT)) THEN 1 ELSE 0 END FROM consumers "
	    "INDEXED BY consumers_account_norm WHERE "
	    "upper(replace(replace(account_no, ' ', ''), '-', '')) = ?1 "
	    "ORDER BY 3 DESC, account_no, id",
	    err);
	char norm[130], acc[33];
	int rc, count = 0, exact = 0;

	*id = 0;
	accounts[0] = '\0';
	if (s == NULL)
		return -1;
	norm_ref(ref, norm, sizeof norm);
	if (norm[0] == '\0')
		return 0;
	st_bind(s, "ss", norm, ref);
	while ((rc = db_step(s)) == DB_ROW) {
		if (count++ == 0) {
			*id = db_column_int64(s, 0);
			exact = db_column_int64(s, 2) != 0;
		}
		st_col(s, 1, acc, sizeof acc);
		if (strlen(accounts) + strlen(acc) + 3 < n)
			snprintf(accounts + strlen(accounts),
			    n - strlen(accounts), "%s%s",
			    accounts[0] ? ", " : "", acc);
	}
	db_reset(s);
	if (rc != DB_DONE)
		return st_fail(st, err, "Reading consumers");
	if (count == 1 || exact) {
		accounts[0] = '\0';
		return 1;
	}
	if (count == 0)
		return 0;
	*id = 0;
	return count;
}

int
store_gw_phone_owners(struct store *st, const char *national, const char *cc,
    int64_t *id, char *accounts, size_t n, struct pd_err *err)
{
	/* by the phone's index whatever the statistics say: its count of
	 * consumers a phone is an average over the distinct phones, and
	 * where most consumers have none ('') a few phones' thousands of
	 * consumers each made the planner read every consumer in account
	 * order for each payment (the bench's re-match after an import of
	 * 10,000 consumers with no phone: 3 minutes, s72) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, account_no FROM consumers INDEXED BY "
	    "consumers_phone_digits WHERE phone_digits IN (?1, '0' || ?1, "
	    "?2 || ?1, '00' || ?2 || ?1) ORDER BY account_no, id",
	    err);
	char acc[33];
	int rc, count = 0;

	*id = 0;
	accounts[0] = '\0';
	if (s == NULL)
		return -1;
	st_bind(s, "ss", national, cc);
	while ((rc = db_step(s)) == DB_ROW) {
		if (count++ == 0)
			*id = db_column_int64(s, 0);
		st_col(s, 1, acc, sizeof acc);
		if (strlen(accounts) + strlen(acc) + 3 < n)
			snprintf(accounts + strlen(accounts),
			    n - strlen(accounts), "%s%s",
			    accounts[0] ? ", " : "", acc);
	}
	db_reset(s);
	if (rc != DB_DONE)
		return st_fail(st, err, "Reading consumers");
	return count;
}

/* What the payer of a gateway payment disputes (g.disputed): the
 * amount of the dispute the gateway's disputed event opened of its
 * ledger payment p (by "System"), the whole payment for one without an
 * amount of its own; 0 none. */
#define GW_DISPUTED_COL                                                        \
	"coalesce((SELECT coalesce(da.amount, p.amount) FROM disputes d LEFT " \
	"JOIN dispute_amounts da ON da.dispute_id = d.id WHERE d.payment_id "  \
	"= p.id AND d.opened_by = 'System' ORDER BY d.id DESC LIMIT 1), 0)"

#define GWP_COLS                                                               \
	"g.id, g.gateway, g.code, g.status, g.webhook_status, "                \
	"g.settlement_status, g.account_ref, g.phone, g.amount, g.paid_at, "   \
	"g.consumer_id, coalesce(c.account_no, ''), g.candidates, "            \
	"g.payment_id, coalesce(p.payment_no, ''), g.fee, g.settled_on, "      \
	"g.processing_tenths, g.manual, g.refunded, "                          \
	"g.review, " GW_DISPUTED_COL ", coalesce((SELECT x.payout FROM "       \
	"gateway_payouts x WHERE x.gw_id = g.id), ''), coalesce((SELECT "      \
	"a.account FROM gateway_pay_accounts a WHERE a.gw_id = g.id), '') "    \
	"FROM gateway_payments g LEFT JOIN "                                   \
	"consumers c ON c.id = g.consumer_id LEFT JOIN payments p ON p.id = "  \
	"g.payment_id "

static void
read_gwp(struct db_stmt *s, void *elem)
{
	struct gw_payment *g = elem;
	char status[16];

	memset(g, 0, sizeof *g);
	g->id = db_column_int64(s, 0);
	st_col(s, 1, g->gateway, sizeof g->gateway);
	st_col(s, 2, g->code, sizeof g->code);
	st_col(s, 3, status, sizeof status);
	g->status = gw_status_parse(status);
	st_col(s, 4, g->webhook_status, sizeof g->webhook_status);
	st_col(s, 5, g->settlement_status, sizeof g->settlement_status);
	st_col(s, 6, g->account_ref, sizeof g->account_ref);
	st_col(s, 7, g->phone, sizeof g->phone);
	g->amount = db_column_int64(s, 8);
	st_col(s, 9, g->paid_at, sizeof g->paid_at);
	g->consumer_id = db_column_int64(s, 10);
	st_col(s, 11, g->account_no, sizeof g->account_no);
	st_col(s, 12, g->candidates, sizeof g->candidates);
	g->payment_id = db_column_int64(s, 13);
	st_col(s, 14, g->payment_no, sizeof g->payment_no);
	g->fee = db_column_int64(s, 15);
	st_col(s, 16, g->settled_on, sizeof g->settled_on);
	g->processing_tenths = db_column_int64(s, 17);
	g->manual = db_column_int(s, 18);
	g->refunded = db_column_int64(s, 19);
	st_col(s, 20, g->review, sizeof g->review);
	g->disputed = db_column_int64(s, 21);
	st_col(s, 22, g->payout, sizeof g->payout);
	st_col(s, 23, g->settle_account, sizeof g->settle_account);
}

int
store_gw_payment_get(struct store *st, const char *gateway, const char *code,
    struct gw_payment *g, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT " GWP_COLS "WHERE g.gateway = ? AND g.code = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ss", gateway, code);
	rc = st_one(st, s, read_gwp, g, "Reading gateway payments", err);
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND,
		    "Gateway %s has no payment %s", gateway, code);
	return rc;
}

int
store_gw_payment_by_id(
    struct store *st, int64_t id, struct gw_payment *g, struct pd_err *err)
{
	struct db_stmt *s =
	    st_stmt(st, "SELECT " GWP_COLS "WHERE g.id = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	rc = st_one(st, s, read_gwp, g, "Reading gateway payments", err);
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND, "No gateway payment %lld",
		    (long long)id);
	return rc;
}

/* Gateway payment id's payout at the central node (gateway_payouts) or,
 * local, at a terminal (gw_payouts): kept, or taken away for "". The
 * statements are literals: st_stmt keeps them by their text's address. */
static int
payout_put(struct store *st, int local, int64_t id, const char *payout,
    struct pd_err *err)
{
	struct db_stmt *s;

	if (payout[0] == '\0')
		s = st_stmt(st,
		    local ? "DELETE FROM gw_payouts WHERE gw_id = ?"
		          : "DELETE FROM gateway_payouts WHERE gw_id = ?",
		    err);
	else
		s = st_stmt(st,
		    local ? "INSERT INTO gw_payouts (gw_id, payout) VALUES "
		            "(?1, ?2) ON CONFLICT (gw_id) DO UPDATE SET "
		            "payout = excluded.payout"
		          : "INSERT INTO gateway_payouts (gw_id, payout) "
		            "VALUES (?1, ?2) ON CONFLICT (gw_id) DO UPDATE SET "
		            "payout = excluded.payout",
		    err);
	if (s == NULL)
		return -1;
	if (payout[0] == '\0')
		st_bind(s, "i", id);
	else
		st_bind(s, "is", id, payout);
	return st_done(st, s, err);
}

/* Gateway payment id's settlement account (gateway_pay_accounts at the
 * central node, gw_pay_accounts at a terminal), as payout_put. */
static int
settle_account_put(struct store *st, int local, int64_t id, const char *account,
    struct pd_err *err)
{
	struct db_stmt *s;

	if (account[0] == '\0')
		s = st_stmt(st,
		    local ? "DELETE FROM gw_pay_accounts WHERE gw_id = ?"
		          : "DELETE FROM gateway_pay_accounts WHERE gw_id = ?",
		    err);
	else
		s = st_stmt(st,
		    local ? "INSERT INTO gw_pay_accounts (gw_id, account) "
		            "VALUES (?1, ?2) ON CONFLICT (gw_id) DO UPDATE SET "
		            "account = excluded.account"
		          : "INSERT INTO gateway_pay_accounts (gw_id, account) "
		            "VALUES (?1, ?2) ON CONFLICT (gw_id) DO UPDATE SET "
		            "account = excluded.account",
		    err);
	if (s == NULL)
		return -1;
	if (account[0] == '\0')
		st_bind(s, "i", id);
	else
		st_bind(s, "is", id, account);
	return st_done(st, s, err);
}

int
store_gw_payment_save(
    struct store *st, const struct gw_payment *g, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE gateway_payments SET webhook_status = ?, "
	    "settlement_status = ?, consumer_id = ?, candidates = ?, "
	    "payment_id = ?, fee = ?, settled_on = ?, processing_tenths = ?, "
	    "manual = ?, review = ? WHERE id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssisiisidsi", g->webhook_status, g->settlement_status,
	    g->consumer_id, g->candidates, g->payment_id, g->fee, g->settled_on,
	    g->processing_tenths, g->manual, g->review, g->id);
	if (st_done(st, s, err) != 0)
		return -1;
	return payout_put(st, 0, g->id, g->payout, err) != 0 ||
	               settle_account_put(
	                   st, 0, g->id, g->settle_account, err) != 0
	           ? -1
	           : 0;
}

struct gw_payment *
store_gw_unmatched(struct store *st, int64_t after, size_t limit, size_t *n,
    struct pd_err *err)
{
	/* by id, whatever the statistics say (+: not by the consumer's
	 * index): the backlog grows from none to 100,000 in a day of
	 * notifications, and a store's statistics are kept once a day
	 * (store_stats_keep), so the planner met this with none for the
	 * gateway payments and 3 consumers for the import's 10,000: each
	 * page read all of the backlog by the consumer's index and sorted
	 * it, and looked the consumer up by scanning the consumers; the
	 * bench's re-match of 100,000 took 6,997 s (s71), 2.6 s by id */
	struct db_stmt *s = st_stmt(st,
	    "SELECT " GWP_COLS "WHERE +g.consumer_id = 0 AND g.manual = 0 "
	    "AND g.id > ? ORDER BY g.id LIMIT ?",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "ii", after, (int64_t)limit);
	return st_collect(st, s, sizeof(struct gw_payment), read_gwp, n,
	    "reading gateway payments", err);
}

struct gw_payment *
store_gw_payments(struct store *st, const char *gateway, int unassociated,
    size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " GWP_COLS "WHERE (?1 IS NULL OR g.gateway = ?1) AND "
	    "(?2 = 0 OR g.consumer_id = 0) ORDER BY g.paid_at, g.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "sd", gateway, unassociated);
	return st_collect(st, s, sizeof(struct gw_payment), read_gwp, n,
	    "reading gateway payments", err);
}

/* ---- at a terminal: the gateway payments pulled ---- */

/* Pulled gateway payment g's payout, by its gateway and code. */
static int
payout_id_put(struct store *st, const struct gw_payment *g, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT id FROM gw_payments WHERE gateway = ? AND code = ?", err);
	int64_t id = 0;
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ss", g->gateway, g->code);
	rc = db_step(s);
	if (rc == DB_ROW)
		id = db_column_int64(s, 0);
	db_reset(s);
	if (rc != DB_ROW)
		return st_fail(st, err, "Reading gateway payments");
	return payout_put(st, 1, id, g->payout, err) != 0 ||
	               settle_account_put(st, 1, id, g->settle_account, err) !=
	                   0
	           ? -1
	           : 0;
}

int
store_gw_payout_central(struct store *st, const char *gateway,
    const char *payout, int64_t *rep, int64_t *n, int64_t *net, int *taken,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT coalesce(min(g.id), 0), count(*), coalesce(sum(g.amount "
	    "- g.fee), 0), coalesce(max(CASE WHEN EXISTS (SELECT 1 FROM "
	    "statement_matches m WHERE m.gw_id = g.id AND m.unmatched_at = "
	    "'') THEN 1 ELSE 0 END), 0) FROM gateway_payouts x JOIN "
	    "gateway_payments g ON g.id "
	    "= x.gw_id WHERE g.gateway = ? AND x.payout = ?",
	    err);
	int rc;

	*rep = *n = *net = 0;
	*taken = 0;
	if (s == NULL)
		return -1;
	st_bind(s, "ss", gateway, payout);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*rep = db_column_int64(s, 0);
		*n = db_column_int64(s, 1);
		*net = db_column_int64(s, 2);
		*taken = db_column_int(s, 3);
	}
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, "Reading gateway payments");
}

static void
read_payout_row(struct db_stmt *s, void *elem)
{
	struct payout_row *p = elem;

	memset(p, 0, sizeof *p);
	st_col(s, 0, p->gateway, sizeof p->gateway);
	st_col(s, 1, p->payout, sizeof p->payout);
	p->n = db_column_int64(s, 2);
	p->net = db_column_int64(s, 3);
	st_col(s, 4, p->account, sizeof p->account);
	st_col(s, 5, p->stmt_key, sizeof p->stmt_key);
	p->seq = db_column_int64(s, 6);
	st_col(s, 7, p->rule, sizeof p->rule);
	st_col(s, 8, p->by, sizeof p->by);
}

struct payout_row *
store_gw_payouts_central(
    struct store *st, const char *gateway, size_t *n, struct pd_err *err)
{
	/* a payout's match holds its first payment: the one match of any
	 * of its payments is the payout's */
	struct db_stmt *s = st_stmt(st,
	    "SELECT g.gateway, x.payout, count(*), sum(g.amount - g.fee), "
	    "coalesce(max(b.account), ''), coalesce(max(b.stmt_key), ''), "
	    "coalesce(max(l.seq), 0), coalesce(max(m.rule), ''), "
	    "coalesce(max(m.matched_by), '') FROM gateway_payouts x JOIN "
	    "gateway_payments g ON g.id = x.gw_id LEFT JOIN statement_matches "
	    "m ON m.gw_id = g.id AND m.unmatched_at = '' LEFT JOIN "
	    "bank_statement_lines l ON l.id = m.line_id LEFT JOIN "
	    "bank_statements b ON b.id = l.statement_id WHERE g.gateway = ?1 "
	    "OR ?1 = '' GROUP BY g.gateway, x.payout ORDER BY g.gateway, "
	    "x.payout",
	    err);

	*n = 0;
	if (s == NULL)
		return NULL;
	st_bind(s, "s", gateway);
	return st_collect(st, s, sizeof(struct payout_row), read_payout_row, n,
	    "Reading gateway payments", err);
}

int
store_gwl_payout(struct store *st, const char *gateway, const char *code,
    char *out, size_t size, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    st->central
	        ? "SELECT x.payout FROM gateway_payments g JOIN "
	          "gateway_payouts x ON x.gw_id = g.id WHERE g.gateway "
	          "= ? AND g.code = ?"
	        : "SELECT x.payout FROM gw_payments g JOIN gw_payouts x "
	          "ON x.gw_id = g.id WHERE g.gateway = ? AND g.code = ?",
	    err);
	int rc;

	out[0] = '\0';
	if (s == NULL)
		return -1;
	st_bind(s, "ss", gateway, code);
	rc = db_step(s);
	if (rc == DB_ROW)
		st_col(s, 0, out, size);
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, "Reading gateway payments");
}

int
store_gwl_put(struct store *st, const struct gw_payment *g, const char *at,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO gw_payments (gateway, code, status, webhook_status, "
	    "settlement_status, account_ref, phone, amount, paid_at, "
	    "candidates, consumer_id, payment_uuid, fee, settled_on, "
	    "processing_tenths, pulled_at, refunded, review) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
	    "?17, ?18) ON CONFLICT (gateway, "
	    "code) DO UPDATE SET status = ?3, webhook_status = ?4, "
	    "settlement_status = ?5, account_ref = ?6, phone = ?7, amount = "
	    "?8, paid_at = ?9, candidates = ?10, consumer_id = ?11, "
	    "payment_uuid = ?12, fee = ?13, settled_on = ?14, "
	    "processing_tenths = ?15, pulled_at = ?16, refunded = ?17, "
	    "review = ?18",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssssssissisisisis", g->gateway, g->code,
	    gw_status_name(g->status), g->webhook_status, g->settlement_status,
	    g->account_ref, g->phone, g->amount, g->paid_at, g->candidates,
	    g->consumer_id, g->payment_uuid, g->fee, g->settled_on,
	    g->processing_tenths, at, g->refunded, g->review);
	if (st_done(st, s, err) != 0)
		return -1;
	return payout_id_put(st, g, err);
}

static void
read_name(struct db_stmt *s, void *elem)
{
	st_col(s, 0, elem, 48);
}

int
store_gwl_gateway(struct store *st, const char *name, char out[48],
    char *known, size_t size, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT gateway FROM gw_payments WHERE gateway = ?1 COLLATE "
	    "NOCASE ORDER BY gateway = ?1 DESC LIMIT 1",
	    err);
	struct db_stmt *all;
	int rc;

	if (s == NULL || st_bind(s, "s", name) != 0)
		return -1;
	rc = st_one(st, s, read_name, out, "reading gateway payments", err);
	if (rc != 1)
		return rc;
	*known = '\0';
	all = st_stmt(st,
	    "SELECT group_concat(gateway, ', ') FROM (SELECT DISTINCT gateway "
	    "FROM gw_payments ORDER BY gateway)",
	    err);
	if (all == NULL)
		return -1;
	if (db_step(all) == DB_ROW)
		st_col(all, 0, known, size);
	db_reset(all);
	return 1;
}

/* The columns of a pulled gateway payment (read_gwl), with its
 * consumer's account, its ledger payment's number and the newest
 * association made here (the outbox record, by ref "GATEWAY:CODE"). */
#define GWL_COLS                                                               \
	"g.id, g.gateway, g.code, g.status, g.webhook_status, "                \
	"g.settlement_status, g.account_ref, g.phone, g.amount, g.paid_at, "   \
	"g.consumer_id, coalesce(c.account_no, ''), g.candidates, "            \
	"coalesce(p.id, 0), coalesce(p.payment_no, ''), g.fee, g.settled_on, " \
	"g.processing_tenths, 0, g.refunded, g.review, " GW_DISPUTED_COL       \
	", coalesce((SELECT x.payout FROM gw_payouts x WHERE x.gw_id = "       \
	"g.id), ''), coalesce((SELECT a.account FROM gw_pay_accounts a WHERE " \
	"a.gw_id = g.id), ''), g.payment_uuid, coalesce((SELECT CASE WHEN "    \
	"o.rejected_at IS NOT NULL THEN 'refused' WHEN o.sent_at IS NULL "     \
	"THEN 'waiting' ELSE '' END || char(9) || coalesce(json_extract("      \
	"o.payload, '$.data.action'), '') || char(9) || o.reject_reason FROM " \
	"outbox o WHERE o.kind = 'gateway_association' AND o.ref = "           \
	"g.gateway || ':' || g.code ORDER BY o.id DESC LIMIT 1), '') FROM "    \
	"gw_payments g LEFT JOIN consumers c ON c.id = g.consumer_id LEFT "    \
	"JOIN payments p ON p.uuid = g.payment_uuid AND g.payment_uuid <> '' "

static void
read_gwl(struct db_stmt *s, void *elem)
{
	struct gw_payment *g = elem;
	char state[600], *tab;

	read_gwp(s, g);
	g->manual = 0;
	st_col(s, 24, g->payment_uuid, sizeof g->payment_uuid);
	st_col(s, 25, state, sizeof state);
	tab = strchr(state, '\t');
	if (tab != NULL) {
		*tab++ = '\0';
		xstrlcpy(g->assoc_action, tab, sizeof g->assoc_action);
		g->assoc_action[strcspn(g->assoc_action, "\t")] = '\0';
		tab = strchr(tab, '\t');
		if (tab != NULL)
			xstrlcpy(g->assoc_reason, tab + 1,
			    sizeof g->assoc_reason);
	}
	xstrlcpy(g->assoc_state, state, sizeof g->assoc_state);
}

int
store_gwl_get(struct store *st, const char *gateway, const char *code,
    struct gw_payment *g, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT " GWL_COLS "WHERE g.gateway = ? AND g.code = ?", err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ss", gateway, code);
	rc = st_one(st, s, read_gwl, g, "Reading gateway payments", err);
	if (rc == 1)
		return pd_fail(err, PD_ENOTFOUND, "No such gateway payment");
	return rc;
}

struct gw_payment *
store_gwl_list(
    struct store *st, const struct gwl_filter *f, size_t *n, struct pd_err *err)
{
	/* only what the filter sets is in the query, so that a consumer's
	 * (every consumer show, issue 24) reads gw_payments_consumer: a
	 * "?2 = 0 OR g.consumer_id = ?2" could use no index and read every
	 * gateway payment with its outbox row (0.7 s a show with 45,000 of
	 * them) */
	struct gw_payment *out;
	struct db_stmt *s;
	struct qb q;
	char like[300], phone[40];

	qb_init(&q, "SELECT " GWL_COLS "WHERE 1");
	if (f->unassociated)
		qb_add(&q, " AND g.consumer_id = 0", "");
	if (f->consumer_id != 0)
		qb_add(&q, " AND g.consumer_id = ?", "i", f->consumer_id);
	if (f->gateway != NULL)
		qb_add(&q, " AND g.gateway = ?", "s", f->gateway);
	if (f->code != NULL)
		qb_add(&q, " AND g.code = ?", "s", f->code);
	if (f->search != NULL) {
		snprintf(like, sizeof like, "%%%s%%", f->search);
		qb_add(&q,
		    " AND (g.code LIKE ? OR g.phone LIKE ? OR g.account_ref LIKE ? "
		    "OR g.candidates LIKE ? OR c.account_no LIKE ? OR g.amount = ?",
		    "sssssi", like, like, like, like, like, f->amount);
		if (f->phone != NULL) {
			snprintf(phone, sizeof phone, "%%%s%%", f->phone);
			qb_add(&q, " OR g.phone LIKE ?", "s", phone);
		}
		qb_add(&q, ")", "");
	}
	if (f->payment_uuid != NULL)
		/* "<> ''": the partial index gw_payments_payment (mig 63) */
		qb_add(&q, " AND g.payment_uuid = ? AND g.payment_uuid <> ''",
		    "s", f->payment_uuid);
	qb_add(&q, " ORDER BY g.paid_at, g.id", "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return NULL;
	out = st_collect(st, s, sizeof(struct gw_payment), read_gwl, n,
	    "reading gateway payments", err);
	db_finalize(s);
	return out;
}
