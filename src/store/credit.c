/* credit.c - credit notes and their applications to open items. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

#define CN_COLS                                                                \
	"n.id, n.uuid, n.cn_no, n.consumer_id, n.payment_id, "                 \
	"p.receipt_no, n.amount, n.applied, n.reason, n.remarks, "             \
	"n.created_on, n.created_at, n.expires_on, coalesce(n.user_id, 0), "   \
	"n.created_by, n.terminal, n.voided, n.automatic, c.name, "            \
	"c.account_no, p.status"
#define CN_FROM                                                                \
	"credit_notes n JOIN payments p ON p.id = n.payment_id "               \
	"JOIN consumers c ON c.id = n.consumer_id"

static void
read_cn(struct db_stmt *s, void *elem)
{
	struct credit_note *n = elem;
	char status[16];

	memset(n, 0, sizeof *n);
	n->id = db_column_int64(s, 0);
	st_col(s, 1, n->uuid, sizeof n->uuid);
	st_col(s, 2, n->cn_no, sizeof n->cn_no);
	n->consumer_id = db_column_int64(s, 3);
	n->payment_id = db_column_int64(s, 4);
	st_col(s, 5, n->receipt_no, sizeof n->receipt_no);
	n->amount = db_column_int64(s, 6);
	n->applied = db_column_int64(s, 7);
	st_col(s, 8, n->reason, sizeof n->reason);
	st_col(s, 9, n->remarks, sizeof n->remarks);
	st_col(s, 10, n->created_on, sizeof n->created_on);
	st_col(s, 11, n->created_at, sizeof n->created_at);
	st_col(s, 12, n->expires_on, sizeof n->expires_on);
	n->user_id = db_column_int64(s, 13);
	st_col(s, 14, n->created_by, sizeof n->created_by);
	st_col(s, 15, n->terminal, sizeof n->terminal);
	n->voided = db_column_int(s, 16);
	n->automatic = db_column_int(s, 17);
	st_col(s, 18, n->consumer_name, sizeof n->consumer_name);
	st_col(s, 19, n->account_no, sizeof n->account_no);
	st_col(s, 20, status, sizeof status);
	n->payment_status = (enum pay_status)pay_status_parse(status);
}

static void
read_app(struct db_stmt *s, void *elem)
{
	struct credit_application *a = elem;

	a->id = db_column_int64(s, 0);
	st_col(s, 1, a->uuid, sizeof a->uuid);
	a->credit_note_id = db_column_int64(s, 2);
	a->item_id = db_column_int64(s, 3);
	a->amount = db_column_int64(s, 4);
	st_col(s, 5, a->applied_on, sizeof a->applied_on);
	st_col(s, 6, a->created_at, sizeof a->created_at);
	st_col(s, 7, a->item_ref, sizeof a->item_ref);
	st_col(s, 8, a->terminal, sizeof a->terminal);
	a->user_id = db_column_int64(s, 9);
}

int
store_credit_insert(struct store *st, struct credit_note *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO credit_notes (uuid, cn_no, "
	    "consumer_id, payment_id, amount, reason, remarks, created_on, "
	    "created_at, expires_on, user_id, created_by, terminal, automatic) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif(?, 0), ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st->seal_maybe = 1; /* (sealed: audit.c) */
	if (n->uuid[0] == '\0')
		os_uuid_new(n->uuid);
	st_bind(s, "ssiiisssssissd", n->uuid, n->cn_no, n->consumer_id,
	    n->payment_id, n->amount, n->reason, n->remarks, n->created_on,
	    n->created_at, n->expires_on, n->user_id, n->created_by,
	    n->terminal, n->automatic);
	if (st_done(st, s, err) != 0)
		return -1;
	n->id = db_last_insert_rowid(st->db);
	st_push_numbers_cn(st, n->cn_no);
	return 0;
}

/* Step a statement of one credit note: 0 with it in n, PD_ENOTFOUND
 * (naming what) without. */
static int
credit_one(struct store *st, struct db_stmt *s, struct credit_note *n,
    const char *what, struct pd_err *err)
{
	int rc = db_step(s);

	if (rc == DB_ROW)
		read_cn(s, n);
	db_reset(s);
	if (rc == DB_ROW)
		return 0;
	if (rc == DB_DONE)
		return pd_fail(err, PD_ENOTFOUND, _("No credit note %s"), what);
	return st_fail(st, err, _("Reading a credit note"));
}

int
store_credit_by_id(
    struct store *st, int64_t id, struct credit_note *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT " CN_COLS " FROM " CN_FROM " WHERE n.id = ?", err);
	char what[32];

	if (s == NULL)
		return -1;
	st_bind(s, "i", id);
	snprintf(what, sizeof what, "#%lld", (long long)id);
	return credit_one(st, s, n, what, err);
}

/* The credit notes whose number ends with text (tail) or holds it, up to
 * LOOKUP_NAMED + 1: the first in *n, their numbers ", "-joined in
 * names (st_holding). Returns how many, or -1. The rule of the payments' lookup
 * (store_payment_lookup): LIKE ignores ASCII case. */
static int
credits_holding(struct store *st, const char *text, int tail,
    struct credit_note *n, char *names, size_t size, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " CN_COLS " FROM " CN_FROM
	    " WHERE n.cn_no LIKE ?1 ESCAPE '\\' ORDER BY n.cn_no LIMIT ?2",
	    err);
	struct credit_note other;

	if (s == NULL)
		return -1;
	return st_holding(st, s, text, tail, read_cn, n, &other,
	    offsetof(struct credit_note, cn_no), names, size,
	    _("Reading a credit note"), err);
}

/* The lookup of text (white space taken out): exactly, in any case, then
 * the unambiguous end of a number, then the one number holding it, as
 * receipts are looked up (issue 17: one rule for document numbers). */
static int
credit_lookup(struct store *st, const char *text, struct credit_note *n,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " CN_COLS " FROM " CN_FROM
	    " WHERE n.cn_no = ?1 OR n.cn_no = ?2",
	    err);
	char up[132], names[LOOKUP_NAMED * 40], what[80];
	int k;

	if (s == NULL)
		return -1;
	search_upper(text, up, sizeof up);
	st_bind(s, "ss", text, up);
	snprintf(what, sizeof what, "\"%s\"", text);
	if ((k = credit_one(st, s, n, what, err)) == 0 || *text == '\0' ||
	    err == NULL || err->code != PD_ENOTFOUND)
		return k;
	if ((k = credits_holding(st, text, 1, n, names, sizeof names, err)) < 0)
		return -1;
	if (k == 1)
		return 0;
	if (k > 1)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" is the end of more than one credit note's number "
		      "(%s): type more of it"),
		    text, names);
	if ((k = credits_holding(st, text, 0, n, names, sizeof names, err)) < 0)
		return -1;
	if (k == 1)
		return 0;
	if (k > 1)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" is ambiguous: it is part of more than one credit "
		      "note's number (%s); type more of it, or the whole "
		      "number"),
		    text, names);
	return pd_fail(err, PD_ENOTFOUND, _("No credit note %s"), what);
}

int
store_credit_find(struct store *st, const char *cn_no, struct credit_note *n,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(
	    st, "SELECT " CN_COLS " FROM " CN_FROM " WHERE n.cn_no = ?", err);
	char what[80];
	/* a number pasted with white space around or inside it */
	char *sq = search_squeeze(cn_no);

	if (s == NULL) {
		free(sq);
		return -1;
	}
	st_bind(s, "s", sq);
	snprintf(what, sizeof what, "\"%s\"", sq);
	free(sq);
	return credit_one(st, s, n, what, err);
}

int
store_numbers_free(
    struct store *st, const char *const nums[4], int *free_, struct pd_err *err)
{
	/* each column by its own unique index (an OR of IN lists) */
	struct db_stmt *s = st_stmt(st,
	    "SELECT EXISTS (SELECT 1 FROM payments WHERE payment_no IN (?1, "
	    "?2, ?3, ?4) OR receipt_no IN (?1, ?2, ?3, ?4) OR txn_no IN (?1, "
	    "?2, ?3, ?4)) OR EXISTS (SELECT 1 FROM credit_notes WHERE cn_no "
	    "IN (?5, ?6, ?7, ?8))",
	    err);
	char *sq[4] = {NULL, NULL, NULL, NULL};
	int i, rc;

	*free_ = 0;
	/* a push's numbers read with its batch's (push_rows.c) */
	if (st_push_numbers_free(st, nums)) {
		*free_ = 1;
		return 0;
	}
	if (s == NULL)
		return -1;
	for (i = 0; i < 4; i++)
		if (nums[i] != NULL)
			sq[i] = search_squeeze(nums[i]);
	st_bind(s, "ssssssss", nums[0], nums[1], nums[2], nums[3], sq[0], sq[1],
	    sq[2], sq[3]);
	rc = db_step(s);
	if (rc == DB_ROW)
		*free_ = db_column_int64(s, 0) == 0;
	db_reset(s);
	for (i = 0; i < 4; i++)
		free(sq[i]);
	if (rc != DB_ROW)
		return st_fail(st, err, _("Reading a payment"));
	return 0;
}

int
store_credit_lookup(struct store *st, const char *text, struct credit_note *n,
    struct pd_err *err)
{
	/* a number pasted with white space around or inside it */
	char *sq = search_squeeze(text);
	int rc = credit_lookup(st, sq, n, err);

	free(sq);
	return rc;
}

/* The non-voided credit notes of a payment, summed into *sum; with
 * refunds, not its overpayment note (its own money held as credit, not
 * given back: svc_post_overpayment's reason). */
static int
credit_sum(struct store *st, int64_t payment_id, int refunds, int64_t *sum,
    struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT coalesce(sum(amount), 0) FROM credit_notes WHERE "
	    "payment_id = ?1 AND voided = 0 AND (?2 = 0 OR reason <> "
	    "'Overpayment')",
	    err);

	*sum = 0;
	if (s == NULL)
		return -1;
	st_bind(s, "ii", payment_id, (int64_t)refunds);
	return st_one(st, s, st_read_int64, sum, _("Reading credit"), err) < 0
	           ? -1
	           : 0;
}

int
store_credit_issued(
    struct store *st, int64_t payment_id, int64_t *sum, struct pd_err *err)
{
	return credit_sum(st, payment_id, 0, sum, err);
}

int
store_credit_refunded(
    struct store *st, int64_t payment_id, int64_t *sum, struct pd_err *err)
{
	return credit_sum(st, payment_id, 1, sum, err);
}

struct credit_note *
store_credits_of_payment(
    struct store *st, int64_t payment_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT " CN_COLS " FROM " CN_FROM
	    " WHERE n.payment_id = ? ORDER BY n.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", payment_id);
	return st_collect(st, s, sizeof(struct credit_note), read_cn, n,
	    "reading credit notes", err);
}

int
store_credit_add_applied(
    struct store *st, int64_t id, int64_t delta, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE credit_notes SET applied = "
	    "applied + ? WHERE id = ?",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ii", delta, id);
	return st_done(st, s, err);
}

int
store_credit_set_voided(struct store *st, int64_t id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE credit_notes SET voided = 1 "
	    "WHERE id = ?",
	    err);

	if (s == NULL)
		return -1;
	st->seal_maybe = 1; /* (sealed: audit.c) */
	st_bind(s, "i", id);
	return st_done(st, s, err);
}

/* A credit note the void of its payment voided, live again once that void
 * is undone (dispute_undo.c); one the central node refused stays voided. */
int
store_credit_unvoid(struct store *st, int64_t id, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "UPDATE credit_notes SET voided = 0 "
	    "WHERE id = ? AND voided = 1 AND NOT EXISTS (SELECT 1 FROM "
	    "outbox o WHERE o.uuid = credit_notes.uuid AND "
	    "o.rejected_at IS NOT NULL)",
	    err);

	if (s == NULL)
		return -1;
	st->seal_maybe = 1; /* (sealed: audit.c) */
	st_bind(s, "i", id);
	return st_done(st, s, err);
}

int
store_credit_apply_insert(
    struct store *st, struct credit_application *a, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO credit_applications (uuid, "
	    "credit_note_id, item_id, amount, applied_on, created_at, "
	    "terminal, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, nullif(?, 0))",
	    err);

	if (s == NULL)
		return -1;
	if (a->uuid[0] == '\0')
		os_uuid_new(a->uuid);
	st_bind(s, "siiisssi", a->uuid, a->credit_note_id, a->item_id,
	    a->amount, a->applied_on, a->created_at, a->terminal, a->user_id);
	if (st_done(st, s, err) != 0)
		return -1;
	a->id = db_last_insert_rowid(st->db);
	return 0;
}

struct credit_application *
store_credit_applications(
    struct store *st, int64_t credit_note_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT a.id, a.uuid, a.credit_note_id, "
	    "a.item_id, a.amount, a.applied_on, a.created_at, i.ref, "
	    "a.terminal, coalesce(a.user_id, 0) FROM credit_applications a "
	    "JOIN items i ON i.id = a.item_id WHERE a.credit_note_id = ? "
	    "AND a.uuid NOT IN (SELECT uuid FROM sync_undone) ORDER BY a.id",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", credit_note_id);
	return st_collect(st, s, sizeof(struct credit_application), read_app, n,
	    "reading credit applications", err);
}

struct credit_application *
store_credit_apps_unsent(
    struct store *st, int64_t item_id, size_t *n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT a.id, a.uuid, a.credit_note_id, "
	    "a.item_id, a.amount, a.applied_on, a.created_at, i.ref, "
	    "a.terminal, coalesce(a.user_id, 0) FROM credit_applications a "
	    "JOIN items i ON i.id = a.item_id JOIN outbox o ON o.uuid = "
	    "a.uuid WHERE a.item_id = ? AND o.sent_at IS NULL AND a.uuid NOT "
	    "IN (SELECT uuid FROM sync_undone) ORDER BY a.id DESC",
	    err);

	if (s == NULL)
		return NULL;
	st_bind(s, "i", item_id);
	return st_collect(st, s, sizeof(struct credit_application), read_app, n,
	    "reading credit applications", err);
}

void
store_credit_key(const struct credit_note *cn, struct page_key *k)
{
	memset(k, 0, sizeof *k);
	k->set = 1;
	xstrlcpy(k->text, cn->created_on, sizeof k->text);
	k->id = cn->id;
}

/* The WHERE conditions of a credit filter (the query has "WHERE 1"). */
static void
credit_where(struct store *st, struct qb *q, const struct credit_filter *f)
{
	struct consumer_q cq;
	char *pat, *sq;
	int i;

	if (f->from != NULL)
		qb_add(q, " AND n.created_on >= ?", "s", f->from);
	if (f->to != NULL)
		qb_add(q, " AND n.created_on <= ?", "s", f->to);
	switch (f->status) {
	case 0: /* Active */
		qb_add(q,
		    " AND n.voided = 0 AND n.applied < n.amount AND "
		    "n.expires_on >= ?",
		    "s", f->today);
		break;
	case 1: /* Applied */
		qb_add(q, " AND n.voided = 0 AND n.applied = n.amount", "");
		break;
	case 2: /* Expired */
		qb_add(q,
		    " AND n.voided = 0 AND n.applied < n.amount AND "
		    "n.expires_on < ?",
		    "s", f->today);
		break;
	case 3: /* Voided */
		qb_add(q, " AND n.voided = 1", "");
		break;
	}
	if (f->nreasons > 0) {
		qb_add(q, " AND n.reason IN (", "");
		for (i = 0; i < f->nreasons; i++)
			qb_add(q, i ? ", ? COLLATE NOCASE" : "? COLLATE NOCASE",
			    "s", f->reasons[i]);
		qb_add(q, ")", "");
	}
	if (f->remaining == 0)
		qb_add(q, " AND n.applied = n.amount", "");
	else if (f->remaining == 1)
		qb_add(q, " AND n.applied > 0 AND n.applied < n.amount", "");
	else if (f->remaining == 2)
		qb_add(q, " AND n.applied = 0", "");
	if (f->min_amount >= 0)
		qb_add(q, " AND n.amount >= ?", "i", f->min_amount);
	if (f->max_amount >= 0)
		qb_add(q, " AND n.amount <= ?", "i", f->max_amount);
	if (f->search != NULL && *f->search != '\0') {
		/* numbers as typed (LIKE ignores ASCII case), the
		 * consumer by the consumer search's own rule (consumer_q:
		 * one or two characters the start of a name or an account,
		 * as every other list's search; issue 17 review) */
		consumer_q_init(st, f->search, &cq);
		sq = search_squeeze(f->search); /* a number pasted */
		/* a part of a number from 3 characters, its start under 3,
		 * as the payments' search (doc_match) */
		pat = like_pattern(sq, utf8_chars(sq, strlen(sq)) >= 3);
		free(sq);
		qb_add(q,
		    " AND (n.cn_no LIKE ? ESCAPE '\\' OR p.receipt_no LIKE ? "
		    "ESCAPE '\\' OR n.consumer_id IN (",
		    "ss", pat, pat);
		consumer_q_ids(q, &cq);
		qb_add(q, "))", "");
		free(pat);
		consumer_q_free(&cq);
	}
	if (f->consumer_id > 0)
		qb_add(q, " AND n.consumer_id = ?", "i", f->consumer_id);
	if (f->receipt != NULL && *f->receipt != '\0')
		qb_add(q, " AND p.receipt_no = ?", "s", f->receipt);
	/* a note is of the payment it gives back: its scope's */
	if (f->terminal != NULL)
		qb_add(q, " AND p.terminal = ?", "s", f->terminal);
	if (f->branch != NULL)
		qb_add(q, " AND p.branch = ?", "s", f->branch);
	/* a team's notes: those of its payments, and those its users made
	 * of another team's payments (a fresh tester's, issue 23: the
	 * anomalies name a team's user's round credit notes, of payments
	 * another team took, that this list did not show), as the
	 * anomalies read a note as its maker's */
	if (f->team != NULL)
		qb_add(q,
		    " AND (" PAY_TEAM_IS(
		        "p.id") " OR n.user_id IN (SELECT id "
		                "FROM users WHERE pd_fold(team) = pd_fold(?)))",
		    "ss", f->team, f->team);
	/* the report filters (review R23) */
	if (f->segment != NULL)
		qb_add(q,
		    " AND n.consumer_id IN (SELECT id FROM consumers WHERE "
		    "segment = ? COLLATE NOCASE)",
		    "s", f->segment);
	if (f->recorded_by != NULL)
		qb_add(q,
		    " AND p.user_id = (SELECT id FROM users WHERE username = ?)",
		    "s", f->recorded_by);
}

int
store_credits_count(struct store *st, const struct credit_filter *f, int64_t *n,
    struct pd_err *err)
{
	struct qb q;

	qb_init(&q, "SELECT count(*) FROM (SELECT 1 FROM " CN_FROM " WHERE 1");
	credit_where(st, &q, f);
	if (f->limit > 0)
		qb_add(&q, " LIMIT ?", "i", (int64_t)f->limit);
	qb_add(&q, ")", "");
	return qb_count(st, &q, n, "Counting credit notes", err);
}

int
store_credits_each(struct store *st, const struct credit_filter *f,
    credit_cb cb, void *arg, struct pd_err *err)
{
	struct qb q;
	struct db_stmt *s;
	struct credit_note *n = xmalloc(sizeof *n);
	int rc;

	qb_init(&q, "SELECT " CN_COLS " FROM " CN_FROM " WHERE 1");
	credit_where(st, &q, f);
	if (f->after != NULL && f->after->set)
		qb_add(&q,
		    f->asc ? " AND (n.created_on, n.id) > (?, ?)"
		           : " AND (n.created_on, n.id) < (?, ?)",
		    "si", f->after->text, f->after->id);
	qb_add(&q,
	    f->asc ? " ORDER BY n.created_on ASC, n.id ASC"
	           : " ORDER BY n.created_on DESC, n.id DESC",
	    "");
	if (f->limit > 0)
		qb_add(&q, " LIMIT ?", "i", (int64_t)f->limit);
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL) {
		free(n);
		return -1;
	}
	while ((rc = db_step(s)) == DB_ROW) {
		read_cn(s, n);
		if (cb(n, arg) != 0) {
			rc = DB_DONE;
			break;
		}
	}
	free(n);
	if (rc != DB_DONE)
		st_fail(st, err, _("Listing credit notes"));
	db_finalize(s);
	return rc == DB_DONE ? 0 : -1;
}
