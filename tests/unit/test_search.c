/* test_search.c - unit tests of the search rules (src/core/search.c: phone
 * digits, the payment reference) and of the store migration that folds
 * the consumer search index, run over a store left at the version before
 * it (found by content, so the order of migrations may change). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "paydesk/search.h"
#include "paydesk/store.h"
#include "paydesk/syncrec.h"
#include "paydesk/xmalloc.h"

/* the store's migrations (src/store/schema.c) */
extern const char *const store_migrations[];
extern const int store_nmigrations;

static void
phone(const char *text, const char *cc, const char *want)
{
	char out[33];

	search_phone_digits(text, cc, out, sizeof out);
	assert_string_equal(out, want);
}

static void
test_phone_digits(void **state)
{
	(void)state;
	phone("+1 555 123 4567", "1", "5551234567");
	phone("+15551234567", "1", "5551234567");
	phone("001 (555) 123-4567", "1", "5551234567");
	phone("  +1-555-123-4567", "1", "5551234567");
	/* another code, no code, no international prefix: digits only */
	phone("+44 555 123 4567", "1", "445551234567");
	phone("+1 555 123 4567", "", "15551234567");
	/* the calling code as the first group of digits, no + (issue 17
	 * review: "a country code without + is not accepted") */
	phone("1 555 123 4567", "1", "5551234567");
	phone("(555) 123-4567", "1", "5551234567");
	phone("+351 21 000 0000", "351", "210000000");
	phone("+", "1", "");
	phone("abc", "1", "");
}

static void
ref_bad(const char *ref, const char *needle)
{
	struct pd_err err;

	assert_int_equal(payref_check(ref, &err), -1);
	assert_int_equal(err.code, PD_EINVAL);
	if (strstr(err.msg, needle) == NULL)
		fail_msg("\"%s\": %s lacks %s", ref, err.msg, needle);
}

static void
test_payref(void **state)
{
	struct pd_err err;
	char long_ref[PAYREF_MAX + 2];

	(void)state;
	assert_int_equal(payref_check("AUTH 123456", &err), 0);
	assert_int_equal(payref_check("CHQ-000481/B", &err), 0);
	memset(long_ref, 'x', PAYREF_MAX);
	long_ref[PAYREF_MAX] = '\0';
	assert_int_equal(payref_check(long_ref, &err), 0);
	long_ref[PAYREF_MAX] = 'x';
	long_ref[PAYREF_MAX + 1] = '\0';
	ref_bad(long_ref, "65 characters");
	ref_bad("", "empty");
	ref_bad("AB\tC", "position 3");
	ref_bad("caf\xc3\xa9", "position 4");
	ref_bad(" AUTH", "space");
	ref_bad("AUTH ", "space");
	ref_bad("A\x7f", "position 2");
	assert_int_equal(payref_rule_parse("required"), PAYREF_REQUIRED);
	assert_int_equal(payref_rule_parse("optional"), PAYREF_OPTIONAL);
	assert_int_equal(payref_rule_parse("none"), PAYREF_NONE);
	assert_int_equal(payref_rule_parse("Required"), -1);
	assert_int_equal(payref_default(METHOD_CASH), PAYREF_NONE);
	assert_int_equal(payref_default(METHOD_CARD), PAYREF_OPTIONAL);
	assert_int_equal(payref_default(METHOD_BANK), PAYREF_OPTIONAL);
	assert_int_equal(payref_default(METHOD_ONLINE), PAYREF_OPTIONAL);
}

/* A payment record with reference ref, encoded (caller frees). */
static char *
payment_json(const char *ref)
{
	struct syncrec r;
	char *json;

	memset(&r, 0, sizeof r);
	r.kind = SR_PAYMENT;
	strcpy(r.uuid, "0f8fad5b-d9cb-469f-a165-70867728950e");
	strcpy(r.terminal, "T01");
	strcpy(r.branch, "B01");
	strcpy(r.at, "2026-11-23 10:00:00");
	strcpy(r.currency, "USD");
	strcpy(r.p.payment_no, "PAY-T01-2026-000001");
	strcpy(r.p.txn_no, "TXN-T01-2026-000001");
	strcpy(r.p.receipt_no, "R-T01-000001");
	strcpy(r.consumer_uuid, "1f8fad5b-d9cb-469f-a165-70867728950e");
	r.p.type = PAY_BILL;
	strcpy(r.p.channel, "Walk-in");
	strcpy(r.p.method, "Credit Card");
	r.p.method_kind = METHOD_CARD;
	r.p.amount = 14550;
	strcpy(r.p.paid_on, "2026-11-23");
	strcpy(r.p.received_by, "Jane Smith");
	r.p.status = PS_POSTED;
	strcpy(r.p.created_at, "2026-11-23 10:00:00");
	strcpy(r.p.reference, ref);
	json = syncrec_encode(&r);
	syncrec_free(&r);
	return json;
}

/* What replaces the first "from" in s, newly allocated. */
static char *
replaced(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	char *out;

	assert_non_null(at);
	out = xmalloc(strlen(s) + strlen(to) + 1);
	memcpy(out, s, (size_t)(at - s));
	strcpy(out + (at - s), to);
	strcat(out, at + strlen(from));
	return out;
}

static void
test_reference_synced(void **state)
{
	struct syncrec d;
	struct pd_err err;
	char *json = payment_json("AUTH 123456"), *bad;

	(void)state;
	assert_non_null(strstr(json, "\"reference\":\"AUTH 123456\""));
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_string_equal(d.p.reference, "AUTH 123456");
	syncrec_free(&d);
	/* a pushed reference is checked like a typed one */
	bad = replaced(json, "AUTH 123456", "AUTH\\u00e9");
	assert_int_equal(syncrec_decode(bad, strlen(bad), &d, &err), -1);
	assert_non_null(strstr(err.msg, "reference"));
	assert_non_null(strstr(err.msg, "position 5"));
	free(bad);
	bad = replaced(json, "\"AUTH 123456\"", "12");
	assert_int_equal(syncrec_decode(bad, strlen(bad), &d, &err), -1);
	assert_non_null(strstr(err.msg, "must be a string"));
	free(bad);
	free(json);
	/* none: the field is left out, as an older terminal sends it */
	json = payment_json("");
	assert_null(strstr(json, "reference"));
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_string_equal(d.p.reference, "");
	syncrec_free(&d);
	free(json);
}

/* The migration that adds consumers.name_fold. */
static int
fold_migration(void)
{
	int i;

	for (i = 0; i < store_nmigrations; i++)
		if (strstr(store_migrations[i], "ADD COLUMN name_fold") != NULL)
			return i;
	fail_msg("no migration adds name_fold");
	return -1;
}

static void
test_migration_folds(void **state)
{
	char dir[] = "/tmp/pd-unit-XXXXXX", path[64], sql[64];
	sqlite3 *db;
	struct store *st;
	struct consumer *c;
	struct pd_err err;
	size_t n;
	int i, k = fold_migration();

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/old.db", dir);
	/* a store as a paydesk before it left it, with consumers indexed
	 * by their names as typed */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (i = 0; i < k; i++)
		assert_int_equal(
		    sqlite3_exec(db, store_migrations[i], NULL, NULL, NULL),
		    SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", k);
	assert_int_equal(sqlite3_exec(db,
	                     "INSERT INTO consumers (uuid, account_no, name,"
	                     " phone, phone_digits, created_at) VALUES"
	                     " ('u1', 'AC-1', 'Jos\xc3\xa9 N\xc3\xba\xc3\xb1"
	                     "ez', '(555) 123-4567', '5551234567', ''),"
	                     " ('u2', 'AC-2', '\xc3\x89mile Durand', '', '',"
	                     " '')",
	                     NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	/* opening it migrates: the index is rebuilt over the folded names */
	assert_int_equal(store_open(path, 0, &st, &err), 0);
	c = store_consumer_search(st, "jose nunez", 10, &n, &err);
	assert_non_null(c);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].account_no, "AC-1");
	free(c);
	c = store_consumer_search(st, "\xc3\xa9", 10, &n, &err);
	assert_non_null(c);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].account_no, "AC-2");
	free(c);
	store_set_phone_cc(st, "1");
	c = store_consumer_search(st, "+1 555 123 4567", 10, &n, &err);
	assert_non_null(c);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].account_no, "AC-1");
	free(c);
	store_close(st);
	snprintf(sql, sizeof sql, "rm -rf %s", dir);
	assert_int_equal(system(sql), 0);
}

/* The migration that keeps a document's language fills the rows of
 * before by the rule (issue 25 review): a receipt's or credit
 * note's consumer's language where the import gave one, NULL (the
 * organisation's at the copy) otherwise; the log is append-only again
 * after it. Run on the tables it reads, as a store before it had them. */
static void
test_migration_doc_language(void **state)
{
	sqlite3 *db;
	sqlite3_stmt *q;
	const char *want[] = {"fr", NULL, "es", NULL, NULL};
	int i, k = -1;

	(void)state;
	for (i = 0; i < store_nmigrations; i++)
		if (strstr(store_migrations[i],
		        "documents ADD COLUMN language") != NULL)
			k = i;
	assert_true(k >= 0);
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db,
	        "CREATE TABLE consumers (id INTEGER PRIMARY KEY, language "
	        "TEXT);"
	        "CREATE TABLE payments (receipt_no TEXT, consumer_id INTEGER);"
	        "CREATE TABLE credit_notes (cn_no TEXT, consumer_id INTEGER);"
	        "CREATE TABLE documents (id INTEGER PRIMARY KEY, kind TEXT,"
	        " number TEXT, copy INTEGER);"
	        "CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents"
	        " BEGIN SELECT RAISE(ABORT, 'documents is append-only'); END;"
	        "INSERT INTO consumers VALUES (1, 'fr'), (2, ''), (3, 'es');"
	        "INSERT INTO payments VALUES ('R-1', 1), ('R-2', 2);"
	        "INSERT INTO credit_notes VALUES ('CN-1', 3), ('CN-2', 2);"
	        "INSERT INTO documents VALUES (1, 'receipt', 'R-1', 0),"
	        " (2, 'receipt', 'R-2', 0), (3, 'credit_note', 'CN-1', 0),"
	        " (4, 'credit_note', 'CN-2', 0), (5, 'z_report', 'Z-1', 0);",
	        NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db, store_migrations[k], NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(
	    sqlite3_prepare_v2(
	        db, "SELECT language FROM documents ORDER BY id", -1, &q, NULL),
	    SQLITE_OK);
	for (i = 0; i < 5; i++) {
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		if (want[i] == NULL)
			assert_int_equal(
			    sqlite3_column_type(q, 0), SQLITE_NULL);
		else
			assert_string_equal(
			    (const char *)sqlite3_column_text(q, 0), want[i]);
	}
	sqlite3_finalize(q);
	assert_int_not_equal(
	    sqlite3_exec(
	        db, "UPDATE documents SET language = 'en'", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
}

/* The rowids of payments_docs matching q, in order, as one string. */
static char *
docs_rows(sqlite3 *db, const char *q)
{
	sqlite3_stmt *s;
	char *out = NULL;

	assert_int_equal(sqlite3_prepare_v2(db,
	                     "SELECT coalesce(group_concat(rowid), '') FROM"
	                     " (SELECT rowid FROM payments_docs WHERE"
	                     " payments_docs MATCH ? ORDER BY rowid)",
	                     -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	out = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

static int
count_of(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	int n;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* The search indexes' merging (issue 24): FTS5's automerge is off
 * (migration 61), a commit per payment leaves a segment each, and
 * store_fts_merge merges them a few pages a step. Segments stay bounded
 * with no step at all (crisismerge: under 16 a level), and every search
 * finds the same rows before, between and after the steps. */
static void
test_fts_merge_steps(void **state)
{
	static const char *const q[] = {"\"T01-000\"", "\"0042\"",
	    "\"R-T02\"", "\"AUTH 17\"", "\"TXN\" AND \"-0001\"", "\"zzz\""};
	enum { NQ = sizeof q / sizeof q[0], N = 300 };
	char dir[] = "/tmp/pd-unit-XXXXXX", path[64], sql[320], ref[32];
	char *want[NQ], *got;
	sqlite3 *db;
	struct store *st;
	struct pd_err err;
	int i, k, steps = 0, work = 0, segs, rc;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/s.db", dir);
	assert_int_equal(store_open(path, 1, &st, &err), 0);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	/* automerge off on the three indexes */
	assert_int_equal(count_of(db,
	                     "SELECT count(*) FROM (SELECT v FROM"
	                     " payments_docs_config WHERE k = 'automerge'"
	                     " UNION ALL SELECT v FROM consumers_fts_config"
	                     " WHERE k = 'automerge' UNION ALL SELECT v FROM"
	                     " consumers_words_config WHERE k = 'automerge')"
	                     " WHERE v = 0"),
	    3);
	/* commits that need not be durable here (no fsync each) */
	assert_int_equal(
	    sqlite3_exec(db, "PRAGMA synchronous=OFF", NULL, NULL, NULL),
	    SQLITE_OK);
	/* nothing due on an empty store: no step writes */
	assert_int_equal(store_fts_merge(st, 8, &err), 0);
	/* a commit each, as posts are (the index alone: its content
	 * table is only read for a match's columns) */
	for (i = 1; i <= N; i++) {
		snprintf(ref, sizeof ref, i % 5 ? "NULL" : "'AUTH 17%d'", i);
		snprintf(sql, sizeof sql,
		    "INSERT INTO payments_docs (rowid, receipt_no, payment_no,"
		    " txn_no, reference) VALUES (%d, 'R-T0%d-%06d',"
		    " 'PAY-T0%d-2026-%06d', 'TXN-T0%d-2026-%06d', %s)",
		    i, 1 + i % 3, i, 1 + i % 3, i, 1 + i % 3, i, ref);
		assert_int_equal(
		    sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	}
	segs = count_of(db, "SELECT count(DISTINCT segid) FROM payments_docs_idx");
	/* 300 commits and no merge step: crisismerge bounds the segments
	 * (under 16 on each of the 3 levels 300 one-page segments make) */
	assert_true(segs > 4 && segs < 48);
	for (k = 0; k < NQ; k++)
		want[k] = docs_rows(db, q[k]);
	assert_true(strlen(want[0]) > 0 && strlen(want[1]) > 0);
	assert_string_equal(want[5], "");
	/* small steps until none is due, the same rows after each */
	while ((rc = store_fts_merge(st, 2, &err)) > 0 && steps < 1000) {
		steps++;
		work += rc;
		for (k = 0; k < NQ; k++) {
			got = docs_rows(db, q[k]);
			assert_string_equal(got, want[k]);
			free(got);
		}
	}
	assert_int_equal(rc, 0);
	assert_true(steps > 1 && work > steps);
	assert_true(count_of(db, "SELECT count(DISTINCT segid) FROM"
	                         " payments_docs_idx") < segs);
	/* and rows added after the merging are found beside the others */
	assert_int_equal(sqlite3_exec(db,
	                     "INSERT INTO payments_docs (rowid, receipt_no)"
	                     " VALUES (1000, 'R-T01-0042xx')",
	                     NULL, NULL, NULL),
	    SQLITE_OK);
	got = docs_rows(db, q[1]);
	assert_true(strlen(got) == strlen(want[1]) + 5);
	assert_int_equal(strncmp(got, want[1], strlen(want[1])), 0);
	free(got);
	for (k = 0; k < NQ; k++)
		free(want[k]);
	sqlite3_close(db);
	store_close(st);
	/* a central node's organisation store has no quiet moments: FTS5
	 * merges the consumers' indexes as before (central migration); the
	 * payments' index is a counter's, kept empty and unfilled there
	 * (central migration 39) */
	snprintf(path, sizeof path, "%s/org.db", dir);
	assert_int_equal(store_open_central(path, 1, &st, &err), 0);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(count_of(db,
	                     "SELECT count(*) FROM (SELECT v FROM"
	                     " consumers_fts_config WHERE k = 'automerge'"
	                     " UNION ALL SELECT v FROM"
	                     " consumers_words_config WHERE k = 'automerge')"
	                     " WHERE v = 4"),
	    2);
	assert_int_equal(count_of(db,
	                     "SELECT count(*) FROM sqlite_master WHERE name ="
	                     " 'payments_docs_ai'"),
	    0);
	assert_int_equal(
	    count_of(db, "SELECT count(*) FROM sqlite_master WHERE name ="
	                 " 'payments_docs'"),
	    1);
	sqlite3_close(db);
	store_close(st);
	snprintf(sql, sizeof sql, "rm -rf %s", dir);
	assert_int_equal(system(sql), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_phone_digits),
	    cmocka_unit_test(test_payref),
	    cmocka_unit_test(test_reference_synced),
	    cmocka_unit_test(test_migration_folds),
	    cmocka_unit_test(test_migration_doc_language),
	    cmocka_unit_test(test_fts_merge_steps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
