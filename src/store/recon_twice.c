/* recon_twice.c - which credit lines no active match took hold the slip
 * number of a deposit of their account matched to another line (a second
 * credit of it: recon.c's kinds 1 and 4, issue 20), found in one read of
 * each instead of each line against each deposit. The matched deposits'
 * slips are indexed by their key (deposit_word_key: the longest run of
 * letters and digits, in capitals); a line holds a slip only where one
 * of its own runs is that key, so each run of a line is looked up and
 * the few deposits found are checked by deposit_ref_has, as pd_has_word
 * did in the query: the same pairs. A slip without a key that fits is
 * checked against every line. The pairs go to the connection's temporary
 * table recon_twice, read by the exceptions' query. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/deposit.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* a key longer than any slip's (deposit_word_check: 32 bytes) */
#define KEY_MAX 64

struct slip {
	int64_t id, line_id;
	char *account, *slip;
	char key[KEY_MAX];
	size_t next; /* the next of its bucket, + 1; 0 none */
};

struct slips {
	struct slip *v;
	size_t n, cap;
	size_t *bucket, nbucket; /* a slip's index + 1; 0 none */
	size_t *bare, nbare;     /* the slips without a key */
	int64_t *pair;           /* line, deposit, line, deposit... */
	size_t npair, cappair;
};

static uint64_t
key_hash(const char *k, size_t n)
{
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 1099511628211u;
	return h;
}

static void
slips_free(struct slips *x)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		free(x->v[i].account);
		free(x->v[i].slip);
	}
	free(x->v);
	free(x->bucket);
	free(x->bare);
	free(x->pair);
}

static void
slips_index(struct slips *x)
{
	size_t i, b, nb = 0;

	x->nbucket = 64;
	while (x->nbucket < 2 * x->n)
		x->nbucket *= 2;
	x->bucket = xcalloc(x->nbucket, sizeof *x->bucket);
	x->bare = xcalloc(x->n + 1, sizeof *x->bare);
	for (i = 0; i < x->n; i++) {
		size_t len = strlen(x->v[i].key);

		if (len == 0) {
			x->bare[nb++] = i;
			continue;
		}
		b = key_hash(x->v[i].key, len) & (x->nbucket - 1);
		x->v[i].next = x->bucket[b];
		x->bucket[b] = i + 1;
	}
	x->nbare = nb;
}

static void
pair_add(struct slips *x, int64_t line_id, int64_t deposit_id)
{
	size_t i;

	/* a line's pairs are added together: a deposit found by two of
	 * its runs is one pair */
	for (i = x->npair; i >= 2 && x->pair[i - 2] == line_id; i -= 2)
		if (x->pair[i - 1] == deposit_id)
			return;
	if (x->npair + 2 > x->cappair) {
		x->cappair = x->cappair ? 2 * x->cappair : 256;
		x->pair = xrealloc(x->pair, x->cappair, sizeof *x->pair);
	}
	x->pair[x->npair++] = line_id;
	x->pair[x->npair++] = deposit_id;
}

static void
check(struct slips *x, const struct slip *d, int64_t line_id,
    const char *account, const char *text)
{
	/* TWICE_FROM's conditions but the deposit's voided_at and its
	 * active match, which the deposits read had */
	if (d->line_id != line_id &&
	    (d->id < 0 || strcmp(d->account, account) == 0) &&
	    deposit_ref_has(text, d->slip))
		pair_add(x, line_id, d->id);
}

static void
line_pairs(struct slips *x, int64_t line_id, const char *account,
    const char *text)
{
	const char *p = text, *r;
	char up[KEY_MAX];
	size_t len, i, k;

	while ((r = deposit_run(&p, &len)) != NULL) {
		if (len >= KEY_MAX)
			continue;
		for (i = 0; i < len; i++)
			up[i] = (char)toupper((unsigned char)r[i]);
		up[len] = '\0';
		for (k = x->bucket[key_hash(up, len) & (x->nbucket - 1)];
		     k != 0; k = x->v[k - 1].next)
			if (strcmp(x->v[k - 1].key, up) == 0)
				check(x, &x->v[k - 1], line_id, account, text);
	}
	for (i = 0; i < x->nbare; i++)
		check(x, &x->v[x->bare[i]], line_id, account, text);
}

static int
read_slips(struct store *st, struct slips *x, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT d2.id, m2.line_id, d2.account, d2.slip_no FROM deposits "
	    "d2 JOIN statement_matches m2 ON m2.deposit_id = d2.id AND "
	    "m2.unmatched_at = '' WHERE d2.voided_at = '' "
	    /* and the gateway payments' and payouts' matches, each as the
	     * match's id less than 0 (recon.c's kind 4 tells them apart),
	     * of no account, the word its credit names: the code, or the
	     * payout id */
	    "UNION ALL SELECT -m2.id, m2.line_id, '', CASE WHEN m2.rule = "
	    "'payout' THEN " PAYOUT_OF(
	        "g") " ELSE g.code END FROM "
	             "statement_matches m2 JOIN gw_payments g ON g.id = "
	             "m2.gw_id WHERE "
	             "m2.unmatched_at = ''",
	    err);
	const unsigned char *a, *w;
	struct slip *d;
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		a = db_column_text(s, 2);
		w = db_column_text(s, 3);
		if (a == NULL || w == NULL)
			continue; /* pd_has_word and = never hold for NULL */
		if (x->n == x->cap) {
			x->cap = x->cap ? 2 * x->cap : 256;
			x->v = xrealloc(x->v, x->cap, sizeof *x->v);
		}
		d = &x->v[x->n++];
		memset(d, 0, sizeof *d);
		d->id = db_column_int64(s, 0);
		d->line_id = db_column_int64(s, 1);
		d->account = xstrdup((const char *)a);
		d->slip = xstrdup((const char *)w);
		deposit_word_key(d->slip, d->key, sizeof d->key);
	}
	db_reset(s);
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Reading the exceptions"));
}

static int
read_lines(struct store *st, struct slips *x, struct pd_err *err)
{
	/* kind 1's lines (temp.recon_lines): their text, by their ids */
	struct db_stmt *s = st_stmt(st,
	    "SELECT l.id, b.account, l.reference || ' ' || l.text FROM "
	    "temp.recon_lines t CROSS JOIN bank_statement_lines l ON l.id = "
	    "t.line_id JOIN bank_statements b ON b.id = l.statement_id",
	    err);
	const unsigned char *a, *t;
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		a = db_column_text(s, 1);
		t = db_column_text(s, 2);
		if (a != NULL && t != NULL)
			line_pairs(x, db_column_int64(s, 0), (const char *)a,
			    (const char *)t);
	}
	db_reset(s);
	return rc == DB_DONE ? 0 : st_fail(st, err, _("Reading the exceptions"));
}

/* Kind 1's lines, a credit no active match took, as old as min_age days
 * or older (recon.c's AGE), into temp.recon_lines: read once, here and
 * by the exceptions' query (each scanned every line: two reads of
 * 500,000 lines, most of the daily alert pass at 10M, issue 21). The
 * credits and the active matches' lines each read in their index's
 * order and told apart in C (st_free_credits, as the matching's rules
 * find them): a probe of each credit's match was 0.57 s of CPU with
 * 500,000 lines, the two reads 0.13 s. A line min_age days old or older
 * is one booked on today less min_age days or before (julianday's
 * whole days between two dates). */
static int
lines_fill(struct store *st, const char *today, int min_age,
    struct pd_err *err)
{
	char upto[11];
	int64_t *ids;
	int32_t t;
	size_t n = 0;
	int rc;

	if (st_exec(st,
	        "CREATE TEMP TABLE IF NOT EXISTS recon_lines (line_id INTEGER "
	        "PRIMARY KEY); DELETE FROM temp.recon_lines",
	        err) != 0)
		return -1;
	if (min_age > 0) {
		if (date_parse(today, NULL, &t, NULL) != 0)
			return pd_fail(err, PD_EINVAL, "%s",
			    _("Reading the exceptions"));
		date_format(upto, t - min_age);
	}
	ids = st_free_credits(st, min_age > 0 ? upto : NULL, &n, NULL, err);
	if (ids == NULL)
		return -1;
	rc = st_ids_insert(st,
	    "INSERT INTO temp.recon_lines (line_id) SELECT value FROM "
	    "json_each(?1)",
	    ids, n, err);
	free(ids);
	return rc;
}

int
st_recon_twice(
    struct store *st, const char *today, int min_age, struct pd_err *err)
{
	struct slips x;
	struct db_stmt *s;
	size_t i;
	int rc;

	memset(&x, 0, sizeof x);
	if (st_exec(st,
	        "CREATE TEMP TABLE IF NOT EXISTS recon_twice (line_id INTEGER "
	        "NOT NULL, deposit_id INTEGER NOT NULL, PRIMARY KEY (line_id, "
	        "deposit_id)) WITHOUT ROWID; DELETE FROM temp.recon_twice",
	        err) != 0)
		return -1;
	rc = lines_fill(st, today, min_age, err);
	if (rc == 0)
		rc = read_slips(st, &x, err);
	if (rc == 0 && x.n > 0) {
		slips_index(&x);
		rc = read_lines(st, &x, err);
	}
	s = rc == 0 && x.npair > 0
	        ? st_stmt(st,
	              "INSERT OR IGNORE INTO temp.recon_twice (line_id, "
	              "deposit_id) VALUES (?, ?)",
	              err)
	        : NULL;
	if (rc == 0 && x.npair > 0 && s == NULL)
		rc = -1;
	for (i = 0; s != NULL && rc == 0 && i < x.npair; i += 2) {
		st_bind(s, "ii", x.pair[i], x.pair[i + 1]);
		rc = st_done(st, s, err);
	}
	slips_free(&x);
	return rc;
}
