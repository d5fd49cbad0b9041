/* disputes.c - disputes of payments and their timelines (issue 21;
 * schema.c has the tables and why, dispute.h the shapes). */
#include <string.h>

#include "internal.h"
#include "paydesk/dispute.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"

#define DSP_COLS                                                               \
	"d.id, d.uuid, d.dispute_no, d.payment_id, p.uuid, p.payment_no, "     \
	"p.receipt_no, p.amount, p.consumer_id, c.account_no, c.name, "        \
	"d.reason, d.opened_on, d.due_on, d.opened_at, d.opened_by, "          \
	"d.terminal, d.status, d.resolution, d.void_uuid, d.credit_uuid, "     \
	"d.charge_uuid, coalesce((SELECT substr(max(at), 1, 10) FROM "         \
	"dispute_events WHERE dispute_id = d.id AND kind IN ('uphold', "       \
	"'reject') AND uuid NOT IN (SELECT uuid FROM sync_undone)), ''), "     \
	"coalesce(da.amount, p.amount)"
/* a dispute with no amount of its own (opened before migration 75, or
 * pulled from an older terminal) disputes its whole payment */
#define DSP_FROM                                                               \
	"disputes d JOIN payments p ON p.id = d.payment_id JOIN consumers c "  \
	"ON c.id = p.consumer_id LEFT JOIN dispute_amounts da ON "             \
	"da.dispute_id = d.id"
/* a dispute whose opening this terminal undid (the central node refused
 * it, store_undone_add) is none: listed and found no more */
#define DSP_LIVE                                                               \
	"NOT EXISTS (SELECT 1 FROM dispute_events o JOIN sync_undone u ON "    \
	"u.uuid = o.uuid WHERE o.dispute_id = d.id AND o.kind = 'open')"

static void
read_dsp(struct db_stmt *s, void *elem)
{
	struct dispute *d = elem;
	char st[16];
	int k;

	memset(d, 0, sizeof *d);
	d->id = db_column_int64(s, 0);
	st_col(s, 1, d->uuid, sizeof d->uuid);
	st_col(s, 2, d->dispute_no, sizeof d->dispute_no);
	d->payment_id = db_column_int64(s, 3);
	st_col(s, 4, d->payment_uuid, sizeof d->payment_uuid);
	st_col(s, 5, d->payment_no, sizeof d->payment_no);
	st_col(s, 6, d->receipt_no, sizeof d->receipt_no);
	d->amount = db_column_int64(s, 7);
	d->consumer_id = db_column_int64(s, 8);
	st_col(s, 9, d->account_no, sizeof d->account_no);
	st_col(s, 10, d->consumer_name, sizeof d->consumer_name);
	st_col(s, 11, d->reason, sizeof d->reason);
	st_col(s, 12, d->opened_on, sizeof d->opened_on);
	st_col(s, 13, d->due_on, sizeof d->due_on);
	st_col(s, 14, d->opened_at, sizeof d->opened_at);
	st_col(s, 15, d->opened_by, sizeof d->opened_by);
	st_col(s, 16, d->terminal, sizeof d->terminal);
	st_col(s, 17, st, sizeof st);
	k = dsp_status_parse(st);
	d->status = k < 0 ? DSP_OPEN : (enum dsp_status)k;
	st_col(s, 18, d->resolution, sizeof d->resolution);
	st_col(s, 19, d->void_uuid, sizeof d->void_uuid);
	st_col(s, 20, d->credit_uuid, sizeof d->credit_uuid);
	st_col(s, 21, d->charge_uuid, sizeof d->charge_uuid);
	st_col(s, 22, d->resolved_on, sizeof d->resolved_on);
	d->disputed = db_column_int64(s, 23);
}

int
store_dsp_insert(
    struct store *st, struct dispute *d, int64_t user_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO disputes (uuid, dispute_no, payment_id, reason, "
	    "opened_on, due_on, opened_at, user_id, opened_by, terminal) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, nullif(?, 0), ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	if (d->uuid[0] == '\0')
		os_uuid_new(d->uuid);
	st_bind(s, "ssissssiss", d->uuid, d->dispute_no, d->payment_id,
	    d->reason, d->opened_on, d->due_on, d->opened_at, user_id,
	    d->opened_by, d->terminal);
	if (st_done(st, s, err) != 0)
		return -1;
	d->id = db_last_insert_rowid(st->db);
	/* what it disputes: d->disputed, 0 the whole payment (a synced
	 * step of an older terminal's) */
	s = st_stmt(st,
	    "INSERT INTO dispute_amounts (dispute_id, amount) SELECT ?1, CASE "
	    "WHEN ?2 > 0 THEN ?2 ELSE amount END FROM payments WHERE id = ?3",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "iii", d->id, d->disputed, d->payment_id);
	return st_done(st, s, err);
}

int
store_dsp_update(struct store *st, const struct dispute *d, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE disputes SET status = ?, resolution = ?, void_uuid = ?, "
	    "credit_uuid = ?, charge_uuid = ? WHERE id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssssi", dsp_status_name(d->status), d->resolution,
	    d->void_uuid, d->credit_uuid, d->charge_uuid, d->id);
	return st_done(st, s, err);
}

int
store_dsp_event(struct store *st, int64_t dispute_id, struct dispute_event *e,
    int64_t user_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO dispute_events (uuid, dispute_id, kind, note, at, "
	    "user_id, by, terminal) VALUES (?, ?, ?, ?, ?, nullif(?, 0), ?, "
	    "?)",
	    err);

	if (s == NULL)
		return -1;
	if (e->uuid[0] == '\0')
		os_uuid_new(e->uuid);
	st_bind(s, "sisssiss", e->uuid, dispute_id, e->kind, e->note, e->at,
	    user_id, e->by, e->terminal);
	if (st_done(st, s, err) != 0)
		return -1;
	e->id = db_last_insert_rowid(st->db);
	return 0;
}

int
store_dsp_find(
    struct store *st, const char *number, struct dispute *d, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " DSP_COLS " FROM " DSP_FROM " WHERE d.dispute_no = ? AND " DSP_LIVE,
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", number);
	rc = st_one(st, s, read_dsp, d, _("Reading a dispute"), err);
	if (rc == 1)
		return pd_fail(
		    err, PD_ENOTFOUND, _("No dispute \"%s\""), number);
	return rc;
}

int
store_dsp_by_key(struct store *st, int64_t id, const char *uuid,
    struct dispute *d, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " DSP_COLS " FROM " DSP_FROM
	    " WHERE d.id = ?1 OR d.uuid = ?2",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "is", id, uuid ? uuid : "");
	return st_one(st, s, read_dsp, d, _("Reading a dispute"), err);
}

struct dispute *
store_dsp_list(
    struct store *st, const struct dsp_filter *f, size_t *n, struct pd_err *err)
{
	struct dispute *out;
	struct db_stmt *s;
	struct qb q;
	const char *st_ = f->status ? f->status : "";

	/* a status, "" any, "unresolved" open or under review */
	qb_init(&q, "SELECT " DSP_COLS " FROM " DSP_FROM);
	qb_add(&q,
	    " WHERE " DSP_LIVE " AND (? = '' OR d.status = ? OR (? = "
	    "'unresolved' AND d.status IN ('open', 'review')))",
	    "sss", st_, st_, st_);
	if (f->consumer_id != 0)
		qb_add(&q, " AND p.consumer_id = ?", "i", f->consumer_id);
	if (f->payment_id != 0)
		qb_add(&q, " AND d.payment_id = ?", "i", f->payment_id);
	/* a dispute of the organisation's own payment (a card gateway's,
	 * of no branch: its chargeback, opened by the central node) is in
	 * every scope: the recovery officers and supervisors who work it
	 * wherever it was taken found it in no list (review 21b, fault 6) */
	if (f->scope != NULL) {
		qb_add(&q, " AND (COALESCE(p.branch, '') = '' OR (1", "");
		store_row_scope(&q, f->scope, "d.terminal", "d.user_id", 1);
		qb_add(&q, "))", "");
	}
	/* ties by number, the same at every terminal (helper-234, fault 7:
	 * by the row's id, each terminal's own order) */
	qb_add(&q,
	    " ORDER BY d.status IN ('upheld', 'rejected'), d.due_on,"
	    " d.dispute_no",
	    "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return NULL;
	out = st_collect(st, s, sizeof(struct dispute), read_dsp, n,
	    "reading disputes", err);
	db_finalize(s);
	return out;
}

static void
read_event(struct db_stmt *s, void *elem)
{
	struct dispute_event *e = elem;

	memset(e, 0, sizeof *e);
	e->id = db_column_int64(s, 0);
	st_col(s, 1, e->uuid, sizeof e->uuid);
	st_col(s, 2, e->kind, sizeof e->kind);
	st_col(s, 3, e->note, sizeof e->note);
	st_col(s, 4, e->at, sizeof e->at);
	st_col(s, 5, e->by, sizeof e->by);
	st_col(s, 6, e->terminal, sizeof e->terminal);
}

struct dispute_event *
store_dsp_events(
    struct store *st, int64_t dispute_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, uuid, kind, note, at, by, terminal FROM "
	    "dispute_events WHERE dispute_id = ? AND uuid NOT IN (SELECT uuid "
	    "FROM sync_undone) ORDER BY at, CASE kind WHEN "
	    "'open' THEN 0 WHEN 'review' THEN 1 ELSE 2 END, id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", dispute_id);
	return st_collect(st, s, sizeof(struct dispute_event), read_event, n,
	    "reading a dispute's timeline", err);
}

/* An event and its dispute's id (the reader of store_dsp_event_read). */
struct event_at {
	struct dispute_event *e;
	int64_t dispute_id;
};

static void
read_event_at(struct db_stmt *s, void *elem)
{
	struct event_at *a = elem;

	read_event(s, a->e);
	a->dispute_id = db_column_int64(s, 7);
}

int
store_dsp_credit_uphold(struct store *st, const char *cn_uuid,
    struct dispute_event *e, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT e.id, e.uuid, e.kind, e.note, e.at, e.by, e.terminal, "
	    "e.dispute_id FROM dispute_events e JOIN disputes d ON d.id = "
	    "e.dispute_id WHERE d.credit_uuid = ? AND e.kind = 'uphold' AND "
	    "e.uuid NOT IN (SELECT uuid FROM sync_undone) ORDER BY e.id DESC "
	    "LIMIT 1",
	    err);
	struct event_at a = {e, 0};

	if (s == NULL)
		return -1;
	st_bind(s, "s", cn_uuid);
	return st_one(st, s, read_event_at, &a, "reading a dispute event", err);
}

int
store_dsp_event_read(struct store *st, int64_t id, const char *uuid,
    struct dispute_event *e, int64_t *dispute_id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT id, uuid, kind, note, at, by, terminal, dispute_id FROM "
	    "dispute_events WHERE id = ?1 OR uuid = ?2",
	    err);
	struct event_at a = {e, 0};
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "is", id, uuid ? uuid : "");
	rc = st_one(st, s, read_event_at, &a, "reading a dispute event", err);
	if (rc == 0 && dispute_id != NULL)
		*dispute_id = a.dispute_id;
	return rc;
}

int
store_undone_add(struct store *st, const char *uuid, const char *kind,
    const char *at, const char *reason, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO sync_undone (uuid, kind, at, reason) VALUES (?, ?, "
	    "?, ?) ON CONFLICT (uuid) DO NOTHING",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssss", uuid, kind, at, reason);
	return st_done(st, s, err);
}

static void
read_flag(struct db_stmt *s, void *elem)
{
	*(int *)elem = db_column_int(s, 0);
}

int
store_undone_has(struct store *st, const char *uuid, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT 1 FROM sync_undone WHERE uuid = ?", err);
	int has = 0, rc;

	if (s == NULL)
		return -1;
	st_bind(s, "s", uuid);
	rc = st_one(st, s, read_flag, &has, "reading what was undone", err);
	return rc < 0 ? -1 : rc == 0;
}
