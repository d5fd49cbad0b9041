/* push_rows.c - the consumers and items a push's payments name, read in
 * one go for the batch (issue 22): a payment's checks and its apply read
 * its consumer's row, each item's id and row (twice) and the consumer's
 * billed sums, each a statement (a round trip on PostgreSQL) for every
 * record. store_push_rows reads them for the whole batch, a statement
 * for PUSH_ROWS_MANY keys, and store_id_of, store_consumer_by_id,
 * store_item_by_id and store_items_billed answer from them.
 *
 * They are kept for the push's transaction only: forgotten at its end,
 * at any rollback (a savepoint's too) and by any write of a consumer or
 * an item, but an item's settled amount, which store_item_settle keeps in
 * step (the triggers write neither table). Nothing is kept from one push
 * to the next, so nothing can go stale there.
 *
 * On PostgreSQL another node's writer may commit between the batch's
 * read and the push's first feed entry (from which on it holds the feed
 * head's row: schema_pg.c, and no other writer commits before it ends):
 * what the push does is then judged by rows as they were a moment
 * earlier, as if it had come first, and an allocation past what an item
 * has left fails its CHECK (settled <= amount), a number taken meanwhile
 * its unique index, so that the push is applied again record by record,
 * its rows read again (sync_central.c). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

#define Q8 "?, ?, ?, ?, ?, ?, ?, ?"
#define Q64 Q8 ", " Q8 ", " Q8 ", " Q8 ", " Q8 ", " Q8 ", " Q8 ", " Q8
#define Q256 Q64 ", " Q64 ", " Q64 ", " Q64
#define IN256 " IN (" Q256 ")"
/* the 256 keys as rows u(k), PostgreSQL's */
#define KEYS256 "SELECT u.k FROM unnest(ARRAY[" Q256 "]::text[]) AS u(k)"
/* keys bound to a statement (the rest of the last NULL) */
#define PUSH_ROWS_MANY 256
/* the item kinds' sums and all of them (store_items_billed) */
#define KINDS 3

struct push_rows {
	struct consumer *c; /* by id */
	size_t nc;
	int64_t (*billed)[KINDS + 1]; /* c[i]'s */
	struct item *it;              /* by id */
	size_t nit;
	size_t *c_uuid, *it_uuid; /* indexes of c and it, by uuid */
};

/* (qsort_r is not everywhere: the arrays sorted by uuid are sorted with
 * their base in a static, under the store's single thread) */
static const struct consumer *sort_c;
static const struct item *sort_it;

static int
by_id_c(const void *a, const void *b)
{
	const struct consumer *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int
by_id_it(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int
by_uuid_c(const void *a, const void *b)
{
	return strcmp(
	    sort_c[*(const size_t *)a].uuid, sort_c[*(const size_t *)b].uuid);
}

static int
by_uuid_it(const void *a, const void *b)
{
	return strcmp(
	    sort_it[*(const size_t *)a].uuid, sort_it[*(const size_t *)b].uuid);
}

void
st_push_rows_forget(struct store *st)
{
	struct push_rows *p = st->push_rows;

	if (p == NULL)
		return;
	free(p->c);
	free(p->billed);
	free(p->it);
	free(p->c_uuid);
	free(p->it_uuid);
	free(p);
	st->push_rows = NULL;
}

static void
read_item(struct db_stmt *s, void *elem)
{
	store_read_item_entered(s, 0, elem);
}

/* The rows of sql (its keys a Q256 list of unique keys, so at most one
 * row each) for the n keys (NULLs skipped), read into *out, made for n
 * rows of size bytes (*nout read): read in place, not collected and
 * copied, as a push's 2,000 consumers and their items were grown and
 * copied 256 rows at a time (perf: 3% of the central node's time in a
 * push, the copies and the page faults of their new memory). */
static int
read_in(struct store *st, const char *sql, const char *const *keys, size_t n,
    size_t size, row_reader read, void **out, size_t *nout, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st, sql, err);
	size_t at, i, k;
	char *rows;
	int rc = DB_DONE;

	if (s == NULL)
		return -1;
	*out = rows = xcalloc(n + 1, size);
	for (at = 0; at < n; at += PUSH_ROWS_MANY) {
		k = n - at < PUSH_ROWS_MANY ? n - at : PUSH_ROWS_MANY;
		for (i = 0; i < PUSH_ROWS_MANY; i++)
			if (i < k && keys[at + i] != NULL)
				db_bind_text(s, (int)i + 1, keys[at + i], -1,
				    DB_TRANSIENT);
			else
				db_bind_null(s, (int)i + 1);
		while (*nout < n && (rc = db_step(s)) == DB_ROW)
			read(s, rows + (*nout)++ * size);
		db_reset(s);
		if (*nout < n && rc != DB_DONE)
			return st_fail(st, err, _("Reading the store"));
	}
	return 0;
}

/* The billed sums of p's consumers (store_items_billed's), by kind. */
static int
read_billed(struct store *st, struct push_rows *p, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT consumer_id, kind, coalesce(sum(amount), 0) FROM items "
	    "WHERE consumer_id" IN256 " GROUP BY consumer_id, kind",
	    err);
	struct consumer key, *c;
	char kind[16];
	size_t at, i, k;
	int rc = DB_DONE, j;

	if (s == NULL)
		return -1;
	p->billed = xcalloc(p->nc + 1, sizeof *p->billed);
	for (at = 0; at < p->nc && rc == DB_DONE; at += PUSH_ROWS_MANY) {
		k = p->nc - at < PUSH_ROWS_MANY ? p->nc - at : PUSH_ROWS_MANY;
		for (i = 0; i < PUSH_ROWS_MANY; i++)
			if (i < k)
				db_bind_int64(s, (int)i + 1, p->c[at + i].id);
			else
				db_bind_null(s, (int)i + 1);
		while ((rc = db_step(s)) == DB_ROW) {
			key.id = db_column_int64(s, 0);
			c = bsearch(&key, p->c, p->nc, sizeof *p->c, by_id_c);
			if (c == NULL)
				continue;
			st_col(s, 1, kind, sizeof kind);
			for (j = 0; j < KINDS; j++)
				if (strcmp(kind, pay_type_kind(j)) == 0)
					p->billed[c - p->c][j] +=
					    db_column_int64(s, 2);
			p->billed[c - p->c][KINDS] += db_column_int64(s, 2);
		}
		db_reset(s);
	}
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading an item"));
	return 0;
}

int
store_push_rows(struct store *st, const char *const *consumers, size_t nc,
    const char *const *items, size_t ni, struct pd_err *err)
{
	struct push_rows *p;
	size_t i, k;
	void *c = NULL, *it = NULL;

	st_push_rows_forget(st);
	if (st->depth == 0 || (nc == 0 && ni == 0))
		return 0;
	p = xcalloc(1, sizeof *p);
	if (read_in(st,
	        "SELECT " CONSUMER_COLS " FROM consumers c WHERE c.uuid" IN256,
	        consumers, nc, sizeof(struct consumer), st_read_consumer, &c,
	        &p->nc, err) != 0 ||
	    read_in(st,
	        "SELECT " ITEM_COLS ITEM_ENTERED " FROM " ITEM_FROM
	        " WHERE i.uuid" IN256,
	        items, ni, sizeof(struct item), read_item, &it, &p->nit,
	        err) != 0) {
		free(c);
		free(it);
		free(p);
		return -1;
	}
	p->c = c;
	p->it = it;
	/* (a key sent twice is read twice: one of each kept) */
	/* (none read: NULL, which qsort may not be given) */
	if (p->nc > 1)
		qsort(p->c, p->nc, sizeof *p->c, by_id_c);
	for (i = k = 0; i < p->nc; i++)
		if (k == 0 || p->c[i].id != p->c[k - 1].id)
			p->c[k++] = p->c[i];
	p->nc = k;
	if (p->nit > 1)
		qsort(p->it, p->nit, sizeof *p->it, by_id_it);
	for (i = k = 0; i < p->nit; i++)
		if (k == 0 || p->it[i].id != p->it[k - 1].id)
			p->it[k++] = p->it[i];
	p->nit = k;
	st->push_rows = p;
	if (read_billed(st, p, err) != 0) {
		st_push_rows_forget(st);
		return -1;
	}
	p->c_uuid = xcalloc(p->nc + 1, sizeof *p->c_uuid);
	p->it_uuid = xcalloc(p->nit + 1, sizeof *p->it_uuid);
	for (i = 0; i < p->nc; i++)
		p->c_uuid[i] = i;
	for (i = 0; i < p->nit; i++)
		p->it_uuid[i] = i;
	sort_c = p->c;
	qsort(p->c_uuid, p->nc, sizeof *p->c_uuid, by_uuid_c);
	sort_it = p->it;
	qsort(p->it_uuid, p->nit, sizeof *p->it_uuid, by_uuid_it);
	return 0;
}

static struct consumer *
find_c(struct store *st, int64_t id)
{
	struct push_rows *p = st->push_rows;
	struct consumer key;

	if (p == NULL || p->nc == 0)
		return NULL;
	key.id = id;
	return bsearch(&key, p->c, p->nc, sizeof *p->c, by_id_c);
}

static struct item *
find_it(struct store *st, int64_t id)
{
	struct push_rows *p = st->push_rows;
	struct item key;

	if (p == NULL || p->nit == 0)
		return NULL;
	key.id = id;
	return bsearch(&key, p->it, p->nit, sizeof *p->it, by_id_it);
}

int
st_push_rows_id(struct store *st, int items, const char *uuid, int64_t *id)
{
	struct push_rows *p = st->push_rows;
	size_t lo = 0, hi, mid;
	const char *u;
	int c;

	if (p == NULL)
		return 0;
	hi = items ? p->nit : p->nc;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		u = items ? p->it[p->it_uuid[mid]].uuid
		          : p->c[p->c_uuid[mid]].uuid;
		if ((c = strcmp(uuid, u)) == 0) {
			*id = items ? p->it[p->it_uuid[mid]].id
			            : p->c[p->c_uuid[mid]].id;
			return 1;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

int
st_push_rows_consumer(struct store *st, int64_t id, struct consumer *c)
{
	const struct consumer *f = find_c(st, id);

	if (f == NULL)
		return 0;
	*c = *f;
	return 1;
}

int
st_push_rows_item(struct store *st, int64_t id, struct item *it)
{
	const struct item *f = find_it(st, id);

	if (f == NULL)
		return 0;
	*it = *f;
	return 1;
}

int
st_push_rows_billed(struct store *st, int64_t consumer_id, int kind,
    int64_t *of_kind, int64_t *all)
{
	const struct consumer *f = find_c(st, consumer_id);
	const int64_t *b;

	if (f == NULL || kind >= KINDS)
		return 0;
	b = st->push_rows->billed[f - st->push_rows->c];
	*all = b[KINDS];
	*of_kind = kind < 0 ? b[KINDS] : b[kind];
	return 1;
}

void
st_push_rows_settle(struct store *st, int64_t item_id, int64_t delta)
{
	struct item *f = find_it(st, item_id);

	if (f != NULL)
		f->settled += delta;
}

/* ---- the document numbers of a push's payments ---- */

/* A number of the push's, squeezed as credit notes' are compared
 * (store_numbers_free), and whether a payment or a credit note holds it. */
struct push_num {
	char *key, *sq;
	int taken;
};

struct push_nums {
	struct push_num *v; /* by key */
	size_t n;
};

static int
by_key(const void *a, const void *b)
{
	return strcmp(((const struct push_num *)a)->key,
	    ((const struct push_num *)b)->key);
}

static int
by_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
nums_forget(struct store *st)
{
	struct push_nums *p = st->push_nums;
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++) {
		free(p->v[i].key);
		free(p->v[i].sq);
	}
	free(p->v);
	free(p);
	st->push_nums = NULL;
}

/* ids drawn ahead (store_push_ids): of payments (0) and allocations (1),
 * each table's taken in order from next */
struct push_ids {
	int64_t *v[2];
	size_t n[2], next[2];
};

static void
ids_forget(struct store *st)
{
	if (st->push_ids == NULL)
		return;
	free(st->push_ids->v[0]);
	free(st->push_ids->v[1]);
	free(st->push_ids);
	st->push_ids = NULL;
}

void
st_push_forget(struct store *st)
{
	st_push_rows_forget(st);
	nums_forget(st);
	ids_forget(st);
	st->audit_known = 0;
	st->origin_known = 0;
	st->seal_maybe = 0;
}

static int
by_value(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int
store_push_ids(struct store *st, size_t npay, size_t nalloc, struct pd_err *err)
{
	struct db_stmt *s;
	struct push_ids *p;
	int rc, t;

	ids_forget(st);
	if (!db_is_pg(st->db) || npay + nalloc == 0)
		return 0;
	/* the identity columns' sequences, as their default would take
	 * them (an id another writer takes meanwhile is never one of
	 * these); each sequence found once, not once a row (a CTE named
	 * twice is materialised: a quarter of the time) */
	s = st_stmt(st,
	    "WITH q AS (SELECT pg_get_serial_sequence('payments', "
	    "'id')::regclass AS p, pg_get_serial_sequence('allocations', "
	    "'id')::regclass AS a) SELECT 0, nextval(q.p) FROM q, "
	    "generate_series(1, ?) UNION ALL SELECT 1, nextval(q.a) FROM q, "
	    "generate_series(1, ?)",
	    err);
	if (s == NULL)
		return -1;
	p = xcalloc(1, sizeof *p);
	p->v[0] = xcalloc(npay + 1, sizeof *p->v[0]);
	p->v[1] = xcalloc(nalloc + 1, sizeof *p->v[1]);
	st_bind(s, "ii", (int64_t)npay, (int64_t)nalloc);
	while ((rc = db_step(s)) == DB_ROW) {
		t = db_column_int(s, 0) != 0;
		if (p->n[t] < (t ? nalloc : npay))
			p->v[t][p->n[t]++] = db_column_int64(s, 1);
	}
	db_reset(s);
	if (rc != DB_DONE) {
		free(p->v[0]);
		free(p->v[1]);
		free(p);
		return st_fail(st, err, _("Reading the store"));
	}
	/* in order, as the default would take them (a payment's id that
	 * follows the last keeps store_doc_count's counts: rules.c) */
	for (t = 0; t < 2; t++)
		qsort(p->v[t], p->n[t], sizeof *p->v[t], by_value);
	st->push_ids = p;
	return 0;
}

int
st_push_id_take(struct store *st, int t, int64_t *id)
{
	struct push_ids *p = st->push_ids;

	if (p == NULL || p->next[t] >= p->n[t])
		return 0;
	*id = p->v[t][p->next[t]++];
	return 1;
}

/* Mark those of v[0..n) that sql (reps Q256 lists of their keys, or of
 * their squeezed keys with sq) finds taken. */
static int
nums_read(struct store *st, const char *sql, int reps, struct push_num *v,
    size_t n, int sq, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st, sql, err);
	const char *got;
	size_t i;
	int rc, r;

	if (s == NULL)
		return -1;
	for (r = 0; r < reps; r++)
		for (i = 0; i < PUSH_ROWS_MANY; i++)
			if (i < n)
				db_bind_text(s,
				    r * PUSH_ROWS_MANY + (int)i + 1,
				    sq ? v[i].sq : v[i].key, -1, DB_TRANSIENT);
			else
				db_bind_null(s, r * PUSH_ROWS_MANY + (int)i + 1);
	while ((rc = db_step(s)) == DB_ROW)
		for (i = 0;
		     (got = (const char *)db_column_text(s, 0)) != NULL &&
		     i < n;
		     i++)
			if (strcmp(sq ? v[i].sq : v[i].key, got) == 0)
				v[i].taken = 1;
	db_reset(s);
	if (rc != DB_DONE)
		return st_fail(st, err, _("Reading a payment"));
	return 0;
}

int
store_push_numbers(
    struct store *st, const char *const *nums, size_t n, struct pd_err *err)
{
	struct push_nums *p;
	const char **k;
	size_t i, at, m;
	int pg = db_is_pg(st->db);

	nums_forget(st);
	if (st->depth == 0 || n == 0)
		return 0;
	k = xcalloc(n + 1, sizeof *k);
	for (i = m = 0; i < n; i++)
		if (nums[i] != NULL)
			k[m++] = nums[i];
	qsort(k, m, sizeof *k, by_str);
	p = xcalloc(1, sizeof *p);
	p->v = xcalloc(m + 1, sizeof *p->v);
	for (i = 0; i < m; i++)
		if (p->n == 0 || strcmp(k[i], p->v[p->n - 1].key) != 0) {
			p->v[p->n].key = xstrdup(k[i]);
			p->v[p->n++].sq = search_squeeze(k[i]);
		}
	free(k);
	st->push_nums = p;
	/* each column by its own unique index, as store_numbers_free's;
	 * the payments' three in one statement (one round trip on
	 * PostgreSQL, the keys bound once for each). On PostgreSQL each key
	 * looked up by a subquery of its own: an IN list there was a
	 * sequential scan of the payments while the planner held the table
	 * small (a new organisation's, not yet analysed: 4.5 ms a statement
	 * at 20,000 payments, a third of the server's CPU in the bench's 8
	 * terminals), and a subquery in a WHERE is run for each key */
	for (at = 0; at < p->n; at += PUSH_ROWS_MANY) {
		m = p->n - at < PUSH_ROWS_MANY ? p->n - at : PUSH_ROWS_MANY;
		if (nums_read(st,
		        pg ? KEYS256
		            " WHERE (SELECT 1 FROM payments WHERE "
		            "payment_no = u.k) = 1 OR (SELECT 1 FROM payments "
		            "WHERE receipt_no = u.k) = 1 OR (SELECT 1 FROM "
		            "payments WHERE txn_no = u.k) = 1"
		           : "SELECT payment_no FROM payments WHERE "
		             "payment_no" IN256 " UNION ALL SELECT receipt_no "
		             "FROM payments WHERE receipt_no" IN256
		             " UNION ALL "
		             "SELECT txn_no FROM payments WHERE txn_no" IN256,
		        pg ? 1 : 3, p->v + at, m, 0, err) != 0 ||
		    nums_read(st,
		        pg ? KEYS256 " WHERE (SELECT 1 FROM credit_notes WHERE "
		                     "cn_no = u.k) = 1"
		           : "SELECT cn_no FROM credit_notes WHERE cn_no" IN256,
		        1, p->v + at, m, 1, err) != 0) {
			nums_forget(st);
			return -1;
		}
	}
	return 0;
}

static struct push_num *
num_of(struct store *st, const char *key)
{
	struct push_num k;

	if (st->push_nums == NULL || st->push_nums->n == 0)
		return NULL;
	k.key = (char *)key;
	return bsearch(
	    &k, st->push_nums->v, st->push_nums->n, sizeof k, by_key);
}

int
st_push_numbers_free(struct store *st, const char *const nums[4])
{
	const struct push_num *f;
	int i;

	if (st->push_nums == NULL)
		return 0;
	for (i = 0; i < 4; i++)
		if (nums[i] != NULL &&
		    ((f = num_of(st, nums[i])) == NULL || f->taken))
			return 0;
	return 1;
}

void
st_push_numbers_taken(struct store *st, const char *const nums[3])
{
	struct push_num *f;
	int i;

	for (i = 0; i < 3; i++)
		if (nums[i] != NULL && (f = num_of(st, nums[i])) != NULL)
			f->taken = 1;
}

void
st_push_numbers_cn(struct store *st, const char *cn_no)
{
	struct push_nums *p = st->push_nums;
	size_t i;

	/* (compared squeezed: a few a push, each over the push's) */
	for (i = 0; p != NULL && cn_no != NULL && i < p->n; i++)
		if (strcmp(p->v[i].sq, cn_no) == 0)
			p->v[i].taken = 1;
}
