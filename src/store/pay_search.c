/* pay_search.c - what a search of payments matches (payments.c lists
 * them): consumers by name, phone or account, document numbers
 * (receipt, payment, transaction, reference, a paid item's), ids; and
 * the ids of a search read once (store_search_dense) when they are few
 * enough to list by. */
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "internal.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"
#include "payments_int.h"

/* Whether text looks like a document number (it holds a digit) and some
 * payment's number, reference or paid item's number matches it: then
 * the search lists those payments only, not also every payment of a
 * consumer whose phone or account holds the digits (issue 17 review:
 * INV-006-A listed the consumer's other payments). */
static int
has_digit(const char *text)
{
	char *t = search_number(text); /* fullwidth digits are digits */
	int digit = strpbrk(t, "0123456789") != NULL;

	free(t);
	return digit;
}

static int
names_documents(struct store *st, const char *text)
{
	struct qb q;
	int64_t n = 0;

	if (!has_digit(text))
		return 0;
	qb_init(&q, "SELECT count(*) FROM (");
	psearch_doc_ids(st, &q, text);
	qb_add(&q, " LIMIT 1)", "");
	/* on an error the listing's own query will say what it is */
	qb_count(st, &q, &n, "Probing a search", NULL);
	return n > 0;
}

/* The consumers a search names, as a SELECT of ids appended to q (the
 * consumer search's rule, consumer_q); none when the text names
 * documents (names_documents). */
void
psearch_consumers(struct store *st, struct qb *q, const char *text)
{
	struct consumer_q cq;

	if (st->named_ids != NULL && psearch_named(st, text)) {
		/* store_search_dense's ids of this very text */
		qb_add(q, st->named_ids, "");
		return;
	}
	if (names_documents(st, text)) {
		qb_add(q, "SELECT NULL WHERE 0", "");
		return;
	}
	consumer_q_init(st, text, &cq);
	consumer_q_ids(q, &cq);
	consumer_q_free(&cq);
}

/* The document numbers a search reads: receipt, payment and transaction
 * ids (their formats write capitals), the reference (any case). */
static const struct {
	const char *col;
	const char *collate;
	const char *extra;
} doc_cols[] = {
    {"receipt_no", "", ""},
    {"payment_no", "", ""},
    {"txn_no", "", ""},
    {"reference", " COLLATE NOCASE", " AND reference <> ''"},
};

/* The range [lo, hi) of the numbers that start with text, in capitals,
 * the text without white space (a number pasted with some). */
static void
doc_range(const char *text, char lo[132], char hi[136])
{
	char *sq = search_squeeze(text);

	search_upper(sq, lo, 132);
	snprintf(hi, 136, "%s\xff", lo);
	free(sq);
}

/* Whether the text, without white space and in capitals, is a whole
 * receipt, payment or transaction id: three reads of their unique
 * indexes (issue 24: the trigram search of R-B-000123456 read the
 * trigrams every number shares, R-B, -B-, 000, ~0.8 s at 10M). */
static int
names_one_document(struct store *st, const char *text)
{
	char lo[132], hi[136];
	struct qb q;
	int64_t n = 0;

	doc_range(text, lo, hi);
	qb_init(&q, "SELECT count(*) FROM (SELECT 1 FROM payments WHERE "
	            "receipt_no = ?1 UNION ALL SELECT 1 FROM payments WHERE "
	            "payment_no = ?1 UNION ALL SELECT 1 FROM payments WHERE "
	            "txn_no = ?1 LIMIT 1)");
	qb_add(&q, "", "s", lo);
	/* on an error the listing's own query will say what it is */
	qb_count(st, &q, &n, "Probing a search", NULL);
	return n > 0;
}

/* From 3 characters (without white space) the numbers are searched by
 * any part of them, through the trigram index payments_docs (any case):
 * its FTS5 query, the text without white space and, when it had some
 * inside, as typed too (a reference may hold spaces). NULL under 3
 * characters, and for a whole receipt, payment or transaction id
 * (names_one_document): prefixes (doc_range), each read from its index.
 * Caller frees. */
static char *
doc_match(struct store *st, const char *text)
{
	char *sq = search_squeeze(text), *tr = search_trim(text), *a, *b;
	char *m = NULL;

	if (utf8_chars(sq, strlen(sq)) >= 3 && !names_one_document(st, text)) {
		m = fts_phrase(sq);
		if (strcmp(sq, tr) != 0) {
			a = m;
			b = fts_phrase(tr);
			m = xasprintf("%s OR %s", a, b);
			free(a);
			free(b);
		}
	}
	free(sq);
	free(tr);
	return m;
}

/* Payments whose receipt, payment id, transaction id or reference hold
 * the text (doc_match; start with it, under 3 characters), or that paid
 * an item (invoice) whose number starts with it: one condition over
 * payments p tested row by row ('+' keeps these terms from choosing the
 * index walked). */
void
psearch_docs(struct store *st, struct qb *q, const char *text)
{
	const char *pre = "+p.";
	char lo[132], hi[136], sql[200], *m = doc_match(st, text);
	size_t i;

	doc_range(text, lo, hi);
	qb_add(q, "(", "");
	if (m != NULL)
		qb_add(q,
		    "+p.id IN (SELECT rowid FROM payments_docs WHERE "
		    "payments_docs MATCH ?)",
		    "s", m);
	for (i = 0; m == NULL && i < sizeof doc_cols / sizeof doc_cols[0];
	     i++) {
		snprintf(sql, sizeof sql, "%s(%s%s >= ?%s AND %s%s < ?%s%s)",
		    i ? " OR " : "", pre, doc_cols[i].col, doc_cols[i].collate,
		    pre, doc_cols[i].col, doc_cols[i].collate,
		    doc_cols[i].extra);
		qb_add(q, sql, "ss", lo, hi);
	}
	free(m);
	/* per row, not a set: "INV" may name every item */
	qb_add(q,
	    " OR EXISTS (SELECT 1 FROM allocations a JOIN items i ON i.id = "
	    "a.item_id WHERE a.payment_id = p.id AND i.ref >= ? AND i.ref < "
	    "?))",
	    "ss", lo, hi);
}

/* The payments whose numbers hold the text (search_docs) as a set of
 * ids, each source read from its own index. */
void
psearch_doc_ids(struct store *st, struct qb *q, const char *text)
{
	char lo[132], hi[136], sql[160], *m;
	size_t i;

	if (st->named_docs != NULL && psearch_named(st, text)) {
		/* store_search_dense's ids of this very text */
		qb_add(q, st->named_docs, "");
		return;
	}
	m = doc_match(st, text);

	doc_range(text, lo, hi);
	if (m != NULL)
		qb_add(q,
		    "SELECT rowid FROM payments_docs WHERE payments_docs "
		    "MATCH ?",
		    "s", m);
	for (i = 0; m == NULL && i < sizeof doc_cols / sizeof doc_cols[0];
	     i++) {
		snprintf(sql, sizeof sql,
		    "%sSELECT id FROM payments WHERE %s >= ?%s AND %s < ?%s%s",
		    i ? " UNION ALL " : "", doc_cols[i].col,
		    doc_cols[i].collate, doc_cols[i].col, doc_cols[i].collate,
		    doc_cols[i].extra);
		qb_add(q, sql, "ss", lo, hi);
	}
	free(m);
	qb_add(q,
	    " UNION ALL SELECT payment_id FROM allocations WHERE item_id IN "
	    "(SELECT id FROM items WHERE ref >= ? AND ref < ?)",
	    "ss", lo, hi);
}

/* The search as a set of payment ids. */
void
psearch_ids(struct store *st, struct qb *q, const char *text)
{
	qb_add(q, "SELECT id FROM payments WHERE consumer_id IN (", "");
	psearch_consumers(st, q, text);
	qb_add(q, ") UNION ALL ", "");
	psearch_doc_ids(st, q, text);
}

/* The integer square root of v (v >= 0). */
static int64_t
isqrt(int64_t v)
{
	int64_t x = v, y = (x + 1) / 2;

	if (v < 2)
		return v;
	while (y < x) {
		x = y;
		y = (x + v / x) / 2;
	}
	return x;
}

/* The largest id of table (a literal): its rows, near enough. */
static int64_t
max_id(struct store *st, const char *sql)
{
	struct db_stmt *s = st_stmt(st, sql, NULL);
	int64_t n = 0;

	if (s == NULL)
		return 0;
	if (db_step(s) == DB_ROW)
		n = db_column_int64(s, 0);
	db_reset(s);
	return n;
}

/* What named_ids keeps for no ids; the most ids it keeps (a page of 20
 * on the 10M-payment store reads up to 1,415 consumers: the cut). */
#define NAMED_MAX 5000

/* The search's run emptied, its start the newest; named_ordered
 * state: 0 not begun, 1 begun, -1 not to be read (an error). */
static void
order_clear(struct store *st, int state)
{
	free(st->named_order);
	st->named_order = NULL;
	st->named_norder = st->named_ocap = 0;
	st->named_whole = 0;
	memset(&st->named_ostart, 0, sizeof st->named_ostart);
	st->named_ordered = state;
}

void
store_search_forget(struct store *st)
{
	free(st->named_ids);
	free(st->named_docs);
	free(st->named_text);
	st->named_ids = st->named_docs = NULL;
	st->named_text = NULL;
	order_clear(st, 0);
}

/* What tells a change of the data: this connection's rows changed
 * (triggers' included; data_version does not count them) and the
 * file's data_version (another connection's commits). Both 0 on
 * PostgreSQL, whose ids are forgotten at the end of each listing. */
static void
data_stamp(struct store *st, int64_t *changes, int64_t *version)
{
	*changes = *version = 0;
	if (db_is_pg(st->db))
		return;
	*changes = db_total_changes(st->db);
	*version = max_id(st, "PRAGMA data_version");
}

int
psearch_named(struct store *st, const char *text)
{
	int64_t changes, version;

	if (st->named_text == NULL || text == NULL ||
	    strcmp(st->named_text, text) != 0)
		return 0;
	data_stamp(st, &changes, &version);
	if (changes == st->named_changes && version == st->named_version)
		return 1;
	store_search_forget(st);
	return 0;
}

/* Read the ids q selects into *slot: st->named_ids as an IN
 * list ("1,2"), named_docs as a SELECT ("VALUES (1),(2)"), either as a
 * SELECT of none when there are none; returns how many, -1 on an error
 * (the listing's own query will say what it is). */
int64_t
psearch_named_ids(struct store *st, struct qb *q, char **slot)
{
	/* the payments' ids are a SELECT's rows (doc_ids is one) */
	int rows = slot == &st->named_docs;
	struct db_stmt *s = qb_prepare(st, q, NULL);
	size_t len = 0, cap = 256;
	char *buf;
	int64_t n = 0;
	int rc;

	qb_free(q);
	if (s == NULL)
		return -1;
	buf = xmalloc(cap);
	buf[0] = '\0';
	while ((rc = db_step(s)) == DB_ROW) {
		if (len + 24 > cap) {
			cap *= 2;
			buf = xrealloc(buf, cap, 1);
		}
		len += (size_t)snprintf(buf + len, cap - len,
		    rows ? "%s(%lld)" : "%s%lld", n ? "," : rows ? "VALUES " : "",
		    (long long)db_column_int64(s, 0));
		n++;
	}
	db_finalize(s);
	if (rc != DB_DONE) {
		free(buf);
		return -1;
	}
	if (n > NAMED_MAX) {
		/* a list too long to parse cheaply (an export's search): the
		 * listing's query reads the index itself */
		free(buf);
		return n;
	}
	if (n == 0) {
		free(buf);
		buf = xstrdup(NAMED_NONE);
	}
	*slot = buf;
	return n;
}

/* How many pages of a search's order are read at a time: the page
 * after the first ten reads the next ten. */
#define ORDER_PAGES 10

/* Where a's key stands to b's in date order, newest first: < 0 newer,
 * 0 the same payment, > 0 older. */
static int
key_vs(const char *a_day, int64_t a_id, const char *b_day, int64_t b_id)
{
	int c = strcmp(b_day, a_day);

	return c != 0 ? c : (b_id > a_id) - (b_id < a_id);
}

/* The next n payments of the search's run (of text), after its last or
 * its start, as a page of n of search_page (psearch_sources); fewer
 * than n: the run reaches the oldest. -1 on an error. */
static int
order_more(struct store *st, const char *text, size_t n)
{
	struct payment_filter g;
	struct page_key after;
	struct db_stmt *s;
	struct qb q;
	size_t got = 0;
	int rc;

	memset(&g, 0, sizeof g);
	g.limit = n;
	if (st->named_norder > 0) {
		const struct named_pay *x =
		    &st->named_order[st->named_norder - 1];

		memset(&after, 0, sizeof after);
		after.set = 1;
		xstrlcpy(after.text, x->paid_on, sizeof after.text);
		after.id = x->id;
		g.after = &after;
	} else if (st->named_ostart.set)
		g.after = &st->named_ostart;
	qb_init(&q, "SELECT paid_on, id FROM (");
	psearch_sources(st, &q, text, &g);
	qb_add(&q, ") WHERE 1", "");
	psearch_page_tail(&q, &g);
	s = qb_prepare(st, &q, NULL);
	qb_free(&q);
	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		struct named_pay *x;

		if (st->named_norder == st->named_ocap) {
			st->named_ocap =
			    st->named_ocap ? st->named_ocap * 2 : 64;
			st->named_order = xrealloc(st->named_order,
			    st->named_ocap, sizeof *st->named_order);
		}
		x = &st->named_order[st->named_norder++];
		st_col(s, 0, x->paid_on, sizeof x->paid_on);
		x->id = db_column_int64(s, 1);
		got++;
	}
	db_finalize(s);
	if (rc != DB_DONE)
		return -1;
	st->named_whole = got < n;
	return 0;
}

/* Where the page after key k (none: the first) starts in the search's
 * run: the first payment older than k; -1 when the run does not hold
 * that place (k newer than its start, or no k and a start). */
static ssize_t
order_after(const struct store *st, const struct page_key *k)
{
	size_t lo = 0, hi = st->named_norder, mid;
	const struct named_pay *x;

	if (k == NULL || !k->set)
		return st->named_ostart.set ? -1 : 0;
	if (st->named_ostart.set &&
	    key_vs(k->text, k->id, st->named_ostart.text, st->named_ostart.id) <
	        0)
		return -1;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		x = &st->named_order[mid];
		if (key_vs(x->paid_on, x->id, k->text, k->id) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (ssize_t)lo;
}

int
psearch_order_page(
    struct store *st, struct qb *q, const struct payment_filter *f)
{
	ssize_t at;
	size_t i;
	char id[24];

	if (db_is_pg(st->db) || f->limit == 0 || f->asc || f->from != NULL ||
	    f->to != NULL || st->named_ordered < 0)
		return 0;
	/* the page's place in the run, and its payments read as far as
	 * they go; a page the run does not hold (a page back) starts the
	 * run again at it */
	at = st->named_ordered ? order_after(st, f->after) : -1;
	if (at < 0) {
		order_clear(st, 1);
		if (f->after != NULL && f->after->set)
			st->named_ostart = *f->after;
		at = 0;
	}
	while (!st->named_whole && st->named_norder - (size_t)at < f->limit)
		if (order_more(st, f->search, f->limit * ORDER_PAGES) != 0) {
			/* the listing's own query will say what it is */
			order_clear(st, -1);
			return 0;
		}
	qb_add(q, " AND p.id IN (", "");
	for (i = (size_t)at; i < st->named_norder && i < (size_t)at + f->limit;
	     i++) {
		snprintf(id, sizeof id, "%s%lld", i > (size_t)at ? "," : "",
		    (long long)st->named_order[i].id);
		qb_add(q, id, "");
	}
	qb_add(q, i > (size_t)at ? ")" : "SELECT NULL WHERE 0)", "");
	return 1;
}

int
store_search_dense(struct store *st, const char *text, size_t limit)
{
	struct qb q;
	int64_t nc = 0, nd = 0, total, people, each, page, cut;

	/* the next page of the same search, the data unchanged: what the
	 * first page read and chose (issue 24: each page read the
	 * consumers and the numbers again, the most of a next page) */
	if (text != NULL && st->named_limit == limit && psearch_named(st, text))
		return st->named_dense;
	store_search_forget(st);
	if (text == NULL || *text == '\0')
		return 0;
	/* before the ids are read: a change while they are read shows */
	data_stamp(st, &st->named_changes, &st->named_version);
	st->named_text = xstrdup(text);
	st->named_limit = limit;
	/* reading the n matches then sorting them costs about n rows; walking
	 * the order until a page is found about page * total / n: the walk
	 * wins above sqrt(page * total) */
	total = max_id(st, "SELECT coalesce(max(id), 0) FROM payments");
	page = limit > 0 && (int64_t)limit < total ? (int64_t)limit : total;
	cut = isqrt(page * total);
	/* n is estimated from the consumers the text names, each with the
	 * store's mean of payments, and counted among the numbers: counting
	 * the consumers' payments read every one of them, as many rows as
	 * the page itself (issue 24) */
	people = max_id(st, "SELECT coalesce(max(id), 0) FROM consumers");
	each = people > 0 && total > people ? total / people : 1;
	/* the numbers first: a text of numbers that names some names no
	 * consumer (names_documents), which their ids tell without
	 * searching them again */
	qb_init(&q, "");
	psearch_doc_ids(st, &q, text);
	qb_add(&q, " LIMIT ?", "i", cut + 1);
	nd = psearch_named_ids(st, &q, &st->named_docs);
	if (nd < 0) {
		store_search_forget(st);
		return 0;
	}
	/* the consumers are read once, here: the listing's query gets their
	 * ids, not the text search again (issue 24: the trigram search of
	 * a name was half of a name search's page, done twice) */
	if (nd > 0 && has_digit(text))
		st->named_ids = xstrdup(NAMED_NONE);
	else {
		qb_init(&q, "");
		psearch_consumers(st, &q, text);
		qb_add(&q, " LIMIT ?", "i", cut / each + 1);
		nc = psearch_named_ids(st, &q, &st->named_ids);
	}
	if (nc < 0) {
		store_search_forget(st);
		return 0;
	}
	st->named_dense = nc * each + nd > cut;
	if (st->named_dense) {
		/* walked, not listed by their ids: the choice alone is kept */
		free(st->named_ids);
		free(st->named_docs);
		st->named_ids = st->named_docs = NULL;
	}
	return st->named_dense;
}
