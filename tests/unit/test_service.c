/* test_service.c - use cases against a real SQLite store in a temp dir. */
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

#include "paydesk/service.h"
#include "paydesk/sha256.h"
#include "paydesk/store.h"
#include "paydesk/xmalloc.h"
/* the ledger's constructors are the service's own (not a public API) */
#include "../../src/service/internal.h"
#include "../../src/service/sync_round_int.h"

struct fx {
	char dir[64];
	char db[128];
	struct svc s;
};

static int64_t
count(struct fx *f, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n = -1;

	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static void
add_items(struct fx *f)
{
	struct pd_err err;
	struct consumer c;
	struct item it;
	static const struct {
		enum pay_type k;
		const char *ref, *text;
		int64_t amount;
		const char *issued, *due;
	} items[] = {
	    {PAY_BILL, "INV-2025-001234", "Mar 2025", 14550, "2025-04-01",
	        "2025-04-15"},
	    {PAY_BILL, "INV-2025-001567", "Apr 2025", 15225, "2025-05-01",
	        "2025-05-15"},
	    {PAY_SERVICE, "SRV-1", "Reconnection Fee", 7500, "2025-04-18",
	        "2025-04-18"},
	    {PAY_INSTALLMENT, "PP-1#1", NULL, 6750, "2025-04-15", "2025-04-15"},
	};
	size_t i;

	memset(&c, 0, sizeof c);
	strcpy(c.account_no, "WU-10001");
	strcpy(c.name, "John Doe");
	strcpy(c.phone, "(555) 123-4567");
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(store_consumer_insert(f->s.st, &c, &err), 0);
	memset(&c, 0, sizeof c);
	strcpy(c.account_no, "WU-20002");
	strcpy(c.name, "José Núñez");
	assert_int_equal(store_consumer_insert(f->s.st, &c, &err), 0);
	assert_int_equal(store_plan_ensure(f->s.st, "PP-1", 1, &err), 0);
	for (i = 0; i < sizeof items / sizeof items[0]; i++) {
		memset(&it, 0, sizeof it);
		it.consumer_id = 1;
		it.kind = items[i].k;
		strcpy(it.ref, items[i].ref);
		if (it.kind == PAY_BILL)
			strcpy(it.period, items[i].text);
		if (it.kind == PAY_SERVICE)
			strcpy(it.description, items[i].text);
		if (it.kind == PAY_INSTALLMENT) {
			strcpy(it.plan_no, "PP-1");
			it.inst_no = 1;
		}
		it.amount = items[i].amount;
		strcpy(it.issued_on, items[i].issued);
		strcpy(it.due_on, items[i].due);
		assert_int_equal(store_item_insert(f->s.st, &it, &err), 0);
	}
	assert_int_equal(svc_user_add(&f->s, "jane", "Jane Smith", "cashier",
	                     "1234", NULL, &err),
	    0);
	assert_int_equal(svc_user_add(&f->s, "mary", "Mary Johnson",
	                     "supervisor", "2222", NULL, &err),
	    0);
	/* as every use case that adds users does: the audit entry that
	 * seals their rows (sign-in checks the seal) */
	assert_int_equal(svc_audit(&f->s, "2025-01-01 00:00:00", "user_add",
	                     "user", "jane,mary", "", &err),
	    0);
	assert_int_equal(store_commit(f->s.st, &err), 0);
}

static void
put_setting(struct fx *f, const char *key, const char *value)
{
	struct pd_err err;

	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(
	    store_setting_put(f->s.st, key, value, "2025-04-20 10:00:00", &err),
	    0);
	assert_int_equal(store_commit(f->s.st, &err), 0);
}

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct pd_err err;

	strcpy(f->dir, "/tmp/pd-unit-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
	setenv("PAYDESK_NOW", "2025-04-20 10:00:00", 1);
	assert_int_equal(config_defaults(&f->s.cfg, &err), 0);
	/* cash without a shift, as the CLI tests' config has it (issue 20) */
	xstrlcpy(f->s.cfg.shifts_required, "no",
	    sizeof f->s.cfg.shifts_required);
	/* PINs hashed at the lowest cost, as the CLI tests' config has
	 * it: the default's yescrypt was most of this program's time */
	f->s.cfg.pin_hash_cost = 1;
	assert_int_equal(store_open(f->db, 1, &f->s.st, &err), 0);
	add_items(f);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char cmd[160];

	svc_close(&f->s);
	snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

/* store_consumer_find, what a pulled consumer's check asks: the uuid's
 * row first, else the row under the account (trimmed, any case), in
 * and out of a transaction (where uuids found are kept). */
static void
consumer_find(void **state)
{
	struct fx *f = *state;
	struct consumer c1, c2;
	struct pd_err err;
	const char *other = "0a0b0c0d-1111-4222-8333-444455556666";
	int64_t id, acc;
	int pass;

	assert_int_equal(store_consumer_by_id(f->s.st, 1, &c1, &err), 0);
	assert_int_equal(store_consumer_by_id(f->s.st, 2, &c2, &err), 0);
	for (pass = 0; pass < 3; pass++) {
		if (pass == 1)
			assert_int_equal(store_begin(f->s.st, &err), 0);
		id = acc = -1;
		assert_int_equal(store_consumer_find(f->s.st, c1.uuid,
		                     "WU-10001", &id, &acc, &err),
		    0);
		assert_true(id == 1 && acc == 0);
		/* known by uuid: another's account is not looked at */
		id = acc = -1;
		assert_int_equal(store_consumer_find(f->s.st, c1.uuid,
		                     "WU-20002", &id, &acc, &err),
		    0);
		assert_true(id == 1 && acc == 0);
		id = acc = -1;
		assert_int_equal(store_consumer_find(f->s.st, c2.uuid, "NONE-1",
		                     &id, &acc, &err),
		    0);
		assert_true(id == 2 && acc == 0);
		id = acc = -1;
		assert_int_equal(store_consumer_find(f->s.st, other, "WU-20002",
		                     &id, &acc, &err),
		    0);
		assert_true(id == 0 && acc == 2);
		id = acc = -1;
		assert_int_equal(store_consumer_find(f->s.st, other,
		                     "  wu-10001 ", &id, &acc, &err),
		    0);
		assert_true(id == 0 && acc == 1);
		id = acc = -1;
		assert_int_equal(store_consumer_find(f->s.st, other, "WU-99999",
		                     &id, &acc, &err),
		    0);
		assert_true(id == 0 && acc == 0);
		if (pass == 2)
			store_rollback(f->s.st);
	}
}

static void
login(struct fx *f, const char *user, const char *pin)
{
	struct pd_err err;

	assert_int_equal(svc_login(&f->s, user, pin, &err), 0);
}

static void
req_init(struct pay_request *q, int type, const char *method, int64_t amount)
{
	memset(q, 0, sizeof *q);
	q->account = "WU-10001";
	q->type = type;
	q->method = method;
	q->amount = amount;
}

static void
cash_with_change(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;
	const char *items[] = {"INV-2025-001234"};
	struct payment_view v;

	login(f, "jane", "1234");
	req_init(&q, PAY_BILL, "cash", 14550);
	q.items = items;
	q.nitems = 1;
	q.tendered = 15000;
	q.notes = "Customer paid in full";
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	assert_string_equal(r.p.payment_no, "PAY-T01-2025-000001");
	assert_string_equal(r.p.txn_no, "TXN-T01-2025-000001");
	assert_string_equal(r.p.receipt_no, "R-T01-000001");
	assert_int_equal(r.p.change, 450);
	assert_int_equal(r.p.status, PS_POSTED);
	assert_string_equal(r.cn_no, "");
	assert_int_equal(svc_payment_show(&f->s, "R-T01-000001", &v, &err), 0);
	assert_int_equal(v.nallocs, 1);
	assert_int_equal(v.allocs[0].amount, 14550);
	assert_int_equal(v.allocs[0].due_before, 14550);
	assert_string_equal(v.processing, "Immediate");
	assert_string_equal(v.p.received_by, "Jane Smith");
	assert_string_equal(v.p.method, "Cash"); /* configured spelling */
	svc_payment_view_free(&v);
	assert_int_equal(count(f, "SELECT settled FROM items WHERE ref = "
	                          "'INV-2025-001234'"),
	    14550);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox WHERE kind = "
	                          "'payment'"),
	    1);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_log WHERE "
	                          "action = 'post'"),
	    1);
}

static void
partial_over_two_bills(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pay_quote qt;
	struct pd_err err;

	login(f, "jane", "1234");
	req_init(&q, PAY_BILL, "Credit Card", 20000);
	assert_int_equal(svc_pay_quote(&f->s, &q, &qt, &err), 0);
	assert_int_equal(qt.due_total, 14550 + 15225);
	assert_int_equal(qt.analysis, ANALYSIS_UNDER);
	assert_int_equal(qt.difference, 20000 - 29775);
	assert_int_equal(qt.items[0].applied, 14550);
	assert_int_equal(qt.items[1].applied, 5450);
	/* only the first bill is due by 2025-04-20 */
	assert_int_equal(qt.before.due_now, 14550 + 7500 + 6750);
	assert_int_equal(qt.balance_after, 7500 + 6750);
	svc_pay_quote_free(&qt);
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	assert_int_equal(r.p.tendered, 0);
	assert_int_equal(count(f, "SELECT settled FROM items WHERE ref = "
	                          "'INV-2025-001567'"),
	    5450);
	assert_int_equal(count(f, "SELECT count(*) FROM allocations"), 2);
}

static void
overpayment_credit_note(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;
	struct credit_view v;
	const char *items[] = {"SRV-1"};

	login(f, "jane", "1234");
	req_init(&q, PAY_SERVICE, "Cash", 8000);
	q.items = items;
	q.nitems = 1;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	assert_string_equal(r.cn_no, "CN-T01-00001");
	assert_int_equal(r.cn_amount, 500);
	assert_int_equal(r.p.overpaid, 500);
	assert_int_equal(svc_credit_show(&f->s, "CN-T01-00001", &v, &err), 0);
	assert_string_equal(v.cn.reason, "Overpayment");
	assert_string_equal(v.cn.expires_on, "2026-04-20");
	assert_string_equal(v.cn.receipt_no, r.p.receipt_no);
	assert_int_equal(v.status, CN_ACTIVE);
	svc_credit_view_free(&v);
	/* apply 3.00 of it to the installment, then the rest */
	login(f, "jane", "1234");
	{
		struct credit_application a;

		assert_int_equal(svc_credit_apply(&f->s, "CN-T01-00001",
		                     "PP-1#1", 300, &a, &err),
		    0);
		assert_int_equal(svc_credit_apply(&f->s, "CN-T01-00001",
		                     "PP-1#1", 201, &a, &err),
		    -1);
		assert_non_null(strstr(err.msg, "remaining balance $2.00"));
		assert_int_equal(svc_credit_apply(&f->s, "CN-T01-00001",
		                     "PP-1#1", 200, &a, &err),
		    0);
	}
	assert_int_equal(svc_credit_show(&f->s, "CN-T01-00001", &v, &err), 0);
	assert_int_equal(v.status, CN_APPLIED);
	assert_int_equal(v.usage_tenths, 1000);
	assert_int_equal(v.napps, 2);
	svc_credit_view_free(&v);
	assert_int_equal(count(f, "SELECT settled FROM items WHERE ref = "
	                          "'PP-1#1'"),
	    500);
	/* the payment with applied credit can no longer be voided */
	login(f, "mary", "2222");
	assert_int_equal(
	    svc_payment_void(&f->s, r.p.receipt_no, "mistake", &err), -1);
	assert_non_null(strstr(err.msg, "has been applied"));
}

static void
threshold_and_bad_input_change_nothing(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;
	const char *items[] = {"INV-2025-001234"};
	const char *wrong_kind[] = {"SRV-1"};
	const char *unknown[] = {"NOPE"};
	int64_t before = count(f, "SELECT total_changes()");

	(void)before;
	login(f, "jane", "1234");
	req_init(&q, PAY_BILL, "Cash", 14550 + 50001);
	q.items = items;
	q.nitems = 1;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_int_equal(err.code, PD_EINVAL);
	assert_non_null(strstr(err.msg, "maximum $645.50"));
	q.amount = 14550;
	q.tendered = 14000;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_non_null(strstr(err.msg, "less than"));
	q.tendered = 0;
	q.method = "Bitcoin";
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_non_null(strstr(err.msg, "not configured"));
	q.method = "Credit Card";
	q.tendered = 20000;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_non_null(strstr(err.msg, "cash payments only"));
	q.tendered = 0;
	q.channel = "Drone";
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	q.channel = NULL;
	q.date = "2025-04-21";
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_non_null(strstr(err.msg, "future"));
	q.date = "2025-02-30";
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	q.date = NULL;
	q.items = wrong_kind;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_non_null(strstr(err.msg, "choose --type service"));
	q.items = unknown;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_int_equal(err.code, PD_ENOTFOUND);
	q.items = items;
	q.account = "WU-99999";
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_int_equal(err.code, PD_ENOTFOUND);
	q.account = "WU-10001";
	{
		char notes[400];

		memset(notes, 'x', sizeof notes - 1);
		notes[sizeof notes - 1] = '\0';
		q.notes = notes;
		assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
		assert_non_null(strstr(err.msg, "limit is 250"));
	}
	assert_int_equal(count(f, "SELECT count(*) FROM payments"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM number_series"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox"), 0);
	assert_int_equal(count(f, "SELECT sum(settled) FROM items"), 0);
	/* nobody logged in */
	memset(&f->s.actor, 0, sizeof f->s.actor);
	q.notes = NULL;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_int_equal(err.code, PD_EPERM);
}

static void
void_reverses(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;
	struct payment_view v;

	login(f, "jane", "1234");
	req_init(&q, PAY_BILL, "Cash", 30000);
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	assert_int_equal(r.cn_amount, 225);
	/* cashiers may not void */
	assert_int_equal(
	    svc_payment_void(&f->s, r.p.payment_no, "typo", &err), -1);
	assert_int_equal(err.code, PD_EPERM);
	login(f, "mary", "2222");
	assert_int_equal(svc_payment_void(&f->s, r.p.payment_no, "", &err), -1);
	assert_int_equal(svc_payment_void(&f->s, r.p.payment_no,
	                     "Posted to the wrong account", &err),
	    0);
	assert_int_equal(
	    svc_payment_void(&f->s, r.p.payment_no, "again", &err), -1);
	assert_non_null(strstr(err.msg, "already voided"));
	assert_int_equal(svc_payment_show(&f->s, r.p.receipt_no, &v, &err), 0);
	assert_int_equal(v.p.status, PS_VOIDED);
	assert_string_equal(v.p.void_reason, "Posted to the wrong account");
	assert_int_equal(v.nallocs, 4); /* two allocations, two reversals */
	assert_int_equal(v.ncredits, 1);
	assert_true(v.credits[0].voided);
	svc_payment_view_free(&v);
	assert_int_equal(count(f, "SELECT sum(settled) FROM items"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM voids"), 1);
	/* the ledger refuses edits and deletes */
	{
		sqlite3 *db;

		sqlite3_open(f->db, &db);
		assert_int_not_equal(sqlite3_exec(db,
		                         "UPDATE payments SET "
		                         "amount = 1",
		                         NULL, NULL, NULL),
		    SQLITE_OK);
		assert_int_not_equal(sqlite3_exec(db, "DELETE FROM allocations",
		                         NULL, NULL, NULL),
		    SQLITE_OK);
		assert_int_not_equal(
		    sqlite3_exec(db, "DELETE FROM audit_log", NULL, NULL, NULL),
		    SQLITE_OK);
		sqlite3_close(db);
	}
	assert_int_equal(store_doctor(f->s.st, NULL, NULL, &err), 0);
}

static void
online_pending_then_verified(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;
	struct payment_view v;
	struct kpi k;

	login(f, "jane", "1234");
	req_init(&q, PAY_INSTALLMENT, "Online", 6750);
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	assert_int_equal(r.p.status, PS_PENDING);
	assert_int_equal(svc_kpi(&f->s, "2025-04", NULL, &k, &err), 0);
	assert_int_equal(k.cur.collected, 0); /* pending is not collected */
	assert_int_equal(svc_payment_verify(&f->s, r.p.payment_no, &err), -1);
	login(f, "mary", "2222");
	setenv("PAYDESK_NOW", "2025-04-22 09:00:00", 1);
	assert_int_equal(svc_payment_verify(&f->s, r.p.payment_no, &err), 0);
	assert_int_equal(svc_payment_verify(&f->s, r.p.payment_no, &err), -1);
	assert_int_equal(svc_payment_show(&f->s, r.p.payment_no, &v, &err), 0);
	assert_int_equal(v.p.status, PS_POSTED);
	assert_string_equal(v.processing, "2 days");
	assert_string_equal(v.p.verified_by, "Mary Johnson");
	svc_payment_view_free(&v);
	assert_int_equal(svc_kpi(&f->s, "2025-04", "2025-04-20", &k, &err), 0);
	assert_int_equal(k.cur.collected, 6750);
	setenv("PAYDESK_NOW", "2025-04-20 10:00:00", 1);
}

static void
credit_note_rules(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;
	struct credit_note cn;

	login(f, "jane", "1234");
	req_init(&q, PAY_BILL, "Cash", 14550);
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	assert_int_equal(svc_credit_create(&f->s, r.p.receipt_no, 100,
	                     "Billing Error", NULL, &cn, &err),
	    -1);
	assert_int_equal(err.code, PD_EPERM);
	login(f, "mary", "2222");
	assert_int_equal(svc_credit_create(&f->s, r.p.receipt_no, 100,
	                     "Because", NULL, &cn, &err),
	    -1);
	assert_non_null(strstr(err.msg, "Duplicate Payment"));
	assert_int_equal(
	    svc_credit_create(&f->s, r.p.receipt_no, 100, "", NULL, &cn, &err),
	    -1);
	assert_int_equal(svc_credit_create(&f->s, r.p.receipt_no, 10000,
	                     "billing error", "half of it", &cn, &err),
	    0);
	assert_string_equal(cn.reason, "Billing Error");
	assert_int_equal(svc_credit_create(&f->s, r.p.receipt_no, 4551, "Other",
	                     NULL, &cn, &err),
	    -1);
	assert_non_null(strstr(err.msg, "maximum $45.50"));
	assert_int_equal(svc_credit_create(&f->s, r.p.receipt_no, 4550, "Other",
	                     NULL, &cn, &err),
	    0);
	{
		char remarks[600];

		memset(remarks, 'r', 501);
		remarks[501] = '\0';
		assert_int_equal(svc_credit_create(&f->s, r.p.receipt_no, 1,
		                     "Other", remarks, &cn, &err),
		    -1);
		assert_non_null(strstr(err.msg, "limit is 500"));
	}
	assert_int_equal(count(f, "SELECT count(*) FROM credit_notes"), 2);
	/* a credit note past its expiry cannot be applied */
	setenv("PAYDESK_NOW", "2026-04-21 10:00:00", 1);
	{
		struct credit_application a;

		assert_int_equal(svc_credit_apply(&f->s, cn.cn_no,
		                     "INV-2025-001567", 100, &a, &err),
		    -1);
		assert_non_null(strstr(err.msg, "Expired"));
	}
	setenv("PAYDESK_NOW", "2025-04-20 10:00:00", 1);
}

static void
numbering_and_audit_chain(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;
	int i;
	int64_t n;

	login(f, "jane", "1234");
	for (i = 0; i < 5; i++) {
		req_init(&q, PAY_BILL, "Cash", 100);
		assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	}
	assert_string_equal(r.p.payment_no, "PAY-T01-2025-000005");
	setenv("PAYDESK_NOW", "2026-01-02 10:00:00", 1);
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	assert_string_equal(r.p.payment_no, "PAY-T01-2026-000001");
	assert_string_equal(r.p.receipt_no, "R-T01-000006");
	setenv("PAYDESK_NOW", "2025-04-20 10:00:00", 1);
	assert_int_equal(store_audit_verify(f->s.st, &n, &err), 0);
	assert_int_equal(n, 7); /* the fixture's users, six payments */
	{
		sqlite3 *db;

		sqlite3_open(f->db, &db);
		assert_int_equal(
		    sqlite3_exec(db,
		        "DROP TRIGGER "
		        "audit_log_no_update; UPDATE audit_log SET detail = "
		        "'amount=0.01' WHERE id = 3",
		        NULL, NULL, NULL),
		    SQLITE_OK);
		sqlite3_close(db);
	}
	assert_int_equal(store_audit_verify(f->s.st, &n, &err), -1);
	assert_non_null(strstr(err.msg, "entry 3"));
}

static void
login_lockout(void **state)
{
	struct fx *f = *state;
	struct pd_err err;
	int i;

	for (i = 1; i < 5; i++) {
		assert_int_equal(svc_login(&f->s, "jane", "0000", &err), -1);
		assert_int_equal(err.code, PD_EPERM);
		assert_non_null(strstr(err.msg, "Wrong"));
	}
	assert_int_equal(svc_login(&f->s, "jane", "0000", &err), -1);
	assert_non_null(strstr(err.msg, "locked out"));
	assert_int_equal(svc_login(&f->s, "jane", "1234", &err), -1);
	assert_non_null(strstr(err.msg, "until 2025-04-20 10:15:00"));
	setenv("PAYDESK_NOW", "2025-04-20 10:16:00", 1);
	assert_int_equal(svc_login(&f->s, "jane", "1234", &err), 0);
	setenv("PAYDESK_NOW", "2025-04-20 10:00:00", 1);
	assert_int_equal(svc_login(&f->s, "nobody", "1234", &err), -1);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_log WHERE action "
	                          "= 'lockout'"),
	    1);
	assert_null(strstr(f->s.actor.username, "x"));
	assert_int_equal(count(f, "SELECT count(*) FROM users WHERE pin_hash "
	                          "LIKE '$y$%'"),
	    2);
}

static void
kpis(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;
	struct kpi k;
	const char *bill1[] = {"INV-2025-001234"};

	login(f, "jane", "1234");
	req_init(&q, PAY_BILL, "Cash", 14550);
	q.items = bill1;
	q.nitems = 1;
	q.date = "2025-04-10"; /* 9 days after the bill was issued */
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	req_init(&q, PAY_SERVICE, "Cash", 7500);
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0); /* day 2 */
	assert_int_equal(svc_kpi(&f->s, "2025-04", NULL, &k, &err), 0);
	assert_int_equal(k.cur.collected, 22050);
	assert_int_equal(k.cur.collected_count, 2);
	assert_int_equal(k.cur.day_total, 7500); /* today is 2025-04-20 */
	assert_int_equal(k.cur.day_count, 1);
	/* due in April: bill 1, service, installment */
	assert_int_equal(k.cur.due_total, 14550 + 7500 + 6750);
	assert_int_equal(k.rate_tenths, 766); /* 22050 / 28800 = 76.5625 % */
	assert_int_equal(k.avg_tenths, 55);   /* (9 + 2) / 2 = 5.5 days */
	assert_string_equal(k.prev_from, "2025-03-01");
	assert_int_equal(svc_kpi(&f->s, "2025-13", NULL, &k, &err), -1);
	assert_int_equal(svc_change_tenths(150, 100), 500);
	assert_int_equal(svc_change_tenths(50, 100), -500);
	assert_true(svc_change_tenths(50, 0) == KPI_NONE);
	assert_true(svc_change_tenths(-50, 0) == KPI_NONE);
	assert_int_equal(svc_change_tenths(0, 0), 0);
	assert_true(svc_change_tenths(KPI_NONE, 100) == KPI_NONE);
	assert_true(svc_change_tenths(100, KPI_NONE) == KPI_NONE);
}

static void
config_errors(void **state)
{
	struct fx *f = *state;
	struct config cfg;
	struct pd_err err;
	char path[160];
	FILE *fp;

	snprintf(path, sizeof path, "%s/c.ini", f->dir);
	fp = fopen(path, "w");
	fputs("[payments]\nmethods = Cash:cash, Card:plastic\n", fp);
	fclose(fp);
	assert_int_equal(config_load(path, &cfg, &err), -1);
	assert_non_null(strstr(err.msg, "[payments] methods"));
	assert_non_null(strstr(err.msg, "plastic"));
	fp = fopen(path, "w");
	fputs("[payments]\ncolour = red\n", fp);
	fclose(fp);
	assert_int_equal(config_load(path, &cfg, &err), -1);
	assert_non_null(strstr(err.msg, "unknown key \"colour\""));
	fp = fopen(path, "w");
	fputs("[credit_notes]\nexpiry_days = 0\n", fp);
	fclose(fp);
	assert_int_equal(config_load(path, &cfg, &err), -1);
	assert_non_null(strstr(err.msg, "[credit_notes] expiry_days"));
	fp = fopen(path, "w");
	fputs("[organisation]\nminor_digits = 3\n[payments]\n"
	      "overpayment_threshold = 1.005\nchannels = Counter, Walk-in\n",
	    fp);
	fclose(fp);
	assert_int_equal(config_load(path, &cfg, &err), 0);
	assert_int_equal(cfg.overpay_threshold, 1005);
	assert_string_equal(cfg.channels[0], "Counter");
	fp = fopen(path, "w");
	fputs("[numbers]\nreceipt = R-{SEQ}\n", fp);
	fclose(fp);
	assert_int_equal(config_load(path, &cfg, &err), -1);
	assert_non_null(strstr(err.msg, "[numbers] receipt"));
	fp = fopen(path, "w");
	fputs("[nowhere]\nx = 1\n", fp);
	fclose(fp);
	assert_int_equal(config_load(path, &cfg, &err), -1);
	assert_non_null(strstr(err.msg, "unknown section [nowhere]"));
}

static void
search(void **state)
{
	struct fx *f = *state;
	struct pd_err err;
	struct consumer *c;
	size_t n;

	c = svc_consumer_search(&f->s, "john", 10, &n, &err);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].account_no, "WU-10001");
	free(c);
	c = svc_consumer_search(&f->s, "NÚÑ", 10, &n, &err); /* trigram */
	free(c);
	c = svc_consumer_search(&f->s, "5551234", 10, &n, &err);
	assert_int_equal(n, 1); /* digits match the formatted phone */
	free(c);
	c = svc_consumer_search(&f->s, "wu-2", 10, &n, &err);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].name, "José Núñez");
	free(c);
	c = svc_consumer_search(&f->s, "Jo", 10, &n, &err);
	assert_int_equal(n, 2);
	free(c);
	c = svc_consumer_search(&f->s, "zzz", 10, &n, &err);
	assert_int_equal(n, 0);
	free(c);
	c = svc_consumer_search(&f->s, "100%", 10, &n, &err);
	assert_int_equal(n, 0);
	free(c);
}

/* A writer whose checkpoints another connection does: its commits only
 * grow the WAL; once the other has copied it, the next commit starts it
 * over, and the copied rows are in the store (read by a connection of
 * SQLite's own VFS, not the stores' one). */
static void
checkpoint_apart(void **state)
{
	struct fx *f = *state;
	struct store *other;
	struct pd_err err;
	int grown, again;

	store_wal_manual(f->s.st);
	put_setting(f, "organisation.name", "One");
	grown = store_wal_frames(f->s.st);
	assert_true(grown > 0);
	put_setting(f, "organisation.name", "Two");
	/* no checkpoint in the commit: the WAL only grew */
	assert_true(store_wal_frames(f->s.st) > grown);
	grown = store_wal_frames(f->s.st);
	assert_int_equal(store_open(f->db, 0, &other, &err), 0);
	assert_int_equal(store_checkpoint(other, &err), 0);
	store_close(other);
	put_setting(f, "organisation.name", "Three");
	again = store_wal_frames(f->s.st);
	assert_true(again > 0 && again < grown);
	assert_int_equal(count(f, "SELECT count(*) FROM settings WHERE "
	                          "value = 'Three'"),
	    1);
	/* without a sync at the commit (a bulk load), the WAL's gathered
	 * writes still reach the file by the commit: another connection
	 * (SQLite's own VFS) reads them */
	store_bulk(f->s.st, 1);
	put_setting(f, "organisation.name", "Four");
	assert_int_equal(count(f, "SELECT count(*) FROM settings WHERE "
	                          "value = 'Four'"),
	    1);
	store_bulk(f->s.st, 0);
}

/* A payment of 14550 on INV-2025-001234 to build records against. */
static void
posted(struct fx *f, struct pay_result *r)
{
	struct pay_request q;
	struct pd_err err;
	const char *items[] = {"INV-2025-001234"};

	req_init(&q, PAY_BILL, "Cash", 14550);
	q.items = items;
	q.nitems = 1;
	assert_int_equal(svc_pay_post(&f->s, &q, r, &err), 0);
}

static void
ledger_credit_note_built(void **state)
{
	struct fx *f = *state;
	struct pay_result r;
	struct credit_note cn, back;
	struct pd_err err;

	login(f, "mary", "2222");
	posted(f, &r);
	memset(&cn, 0, sizeof cn);
	cn.amount = 4000;
	strcpy(cn.reason, "Other");
	strcpy(cn.created_on, "2025-04-20");
	strcpy(cn.created_at, "2025-04-20 10:00:00");
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(ledger_credit_note(&f->s, &r.p, &cn,
	                     "2025-04-20 10:00:00", NULL, &err),
	    0);
	assert_int_equal(store_commit(f->s.st, &err), 0);
	/* numbered, dated, linked, and all of it left to apply */
	assert_string_equal(cn.cn_no, "CN-T01-00001");
	assert_string_equal(cn.expires_on, "2026-04-20");
	assert_int_equal(store_credit_find(f->s.st, cn.cn_no, &back, &err), 0);
	assert_int_equal(back.payment_id, r.p.id);
	assert_int_equal(back.consumer_id, r.p.consumer_id);
	assert_string_equal(back.receipt_no, r.p.receipt_no);
	assert_int_equal(back.amount - back.applied, 4000);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_log WHERE "
	                          "entity = 'credit_note'"),
	    1);
	/* over what the payment has left: refused, nothing written */
	memset(&cn, 0, sizeof cn);
	cn.amount = 14550 - 4000 + 1;
	strcpy(cn.reason, "Other");
	strcpy(cn.created_on, "2025-04-20");
	strcpy(cn.created_at, "2025-04-20 10:00:00");
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(
	    ledger_credit_note(&f->s, &r.p, &cn, NULL, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "maximum $105.50"));
	store_rollback(f->s.st);
	cn.amount = 0;
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(
	    ledger_credit_note(&f->s, &r.p, &cn, NULL, NULL, &err), -1);
	store_rollback(f->s.st);
	assert_int_equal(count(f, "SELECT count(*) FROM credit_notes"), 1);
}

static void
ledger_payment_invariants(void **state)
{
	struct fx *f = *state;
	struct pay_result r;
	struct payment p;
	struct pd_err err;
	static const int64_t amount[] = {
	    0, -1, MONEY_MAX + 1, INT64_MAX, 100, 100};
	static const int64_t over[] = {0, 0, 0, 0, -1, 101};
	size_t i;

	login(f, "jane", "1234");
	posted(f, &r);
	/* a payment row that breaks an invariant is refused, whoever built
	 * it (local posting or sync apply), and writes nothing */
	for (i = 0; i < sizeof amount / sizeof amount[0]; i++) {
		p = r.p;
		p.id = 0;
		snprintf(
		    p.uuid, sizeof p.uuid, "00000000-0000-4000-8000-%012zu", i);
		snprintf(p.payment_no, sizeof p.payment_no, "PAY-X-%zu", i);
		snprintf(p.txn_no, sizeof p.txn_no, "TXN-X-%zu", i);
		snprintf(p.receipt_no, sizeof p.receipt_no, "R-X-%zu", i);
		p.amount = amount[i];
		p.overpaid = over[i];
		assert_int_equal(store_begin(f->s.st, &err), 0);
		assert_int_equal(ledger_payment(&f->s, &p, &err), -1);
		assert_int_equal(err.code, PD_EINVAL);
		assert_non_null(strstr(err.msg, p.payment_no));
		store_rollback(f->s.st);
	}
	assert_int_equal(count(f, "SELECT count(*) FROM payments"), 1);
	/* the same row within the bounds is written */
	p.amount = 100;
	p.overpaid = 100;
	p.tendered = 100;
	p.change = 0;
	assert_int_equal(store_begin(f->s.st, &err), 0);
	if (ledger_payment(&f->s, &p, &err) != 0)
		fail_msg("%s", err.msg);
	assert_true(p.id > 0);
	assert_int_equal(store_commit(f->s.st, &err), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM payments"), 2);
}

static void
ledger_allocation_settles(void **state)
{
	struct fx *f = *state;
	struct pay_result r;
	struct allocation a, rv;
	struct item it;
	struct pd_err err;

	login(f, "jane", "1234");
	posted(f, &r);
	assert_int_equal(
	    store_item_by_ref(f->s.st, "INV-2025-001567", &it, &err), 0);
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(
	    ledger_allocate(&f->s, r.p.id, &it, 5000, 0, &a, &err), 0);
	assert_int_equal(a.due_before, 15225);
	assert_int_equal(it.settled, 5000);
	/* more than the item has open */
	assert_int_equal(
	    ledger_allocate(&f->s, r.p.id, &it, 10226, 0, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "more than its open 102.25"));
	/* a reversal names what it reverses, and gives back no more than
	 * the item settled */
	assert_int_equal(
	    ledger_allocate(&f->s, r.p.id, &it, -100, 0, NULL, &err), -1);
	assert_int_equal(
	    ledger_allocate(&f->s, r.p.id, &it, -5001, a.id, NULL, &err), -1);
	assert_int_equal(
	    ledger_allocate(&f->s, r.p.id, &it, 0, 0, NULL, &err), -1);
	assert_int_equal(
	    ledger_allocate(&f->s, r.p.id, &it, -2000, a.id, &rv, &err), 0);
	/* a reversal taken back (a void undone after the central node
	 * refused it, dispute_undo.c): above zero, naming the reversal,
	 * no more than the item has open */
	assert_int_equal(ledger_allocate(&f->s, r.p.id, &it, 12226, rv.id,
	                     NULL, &err),
	    -1);
	assert_int_equal(
	    ledger_allocate(&f->s, r.p.id, &it, 500, rv.id, NULL, &err), 0);
	assert_int_equal(store_commit(f->s.st, &err), 0);
	assert_int_equal(count(f, "SELECT settled FROM items WHERE ref = "
	                          "'INV-2025-001567'"),
	    3500);
	assert_int_equal(count(f, "SELECT count(*) FROM allocations WHERE "
	                          "item_id = (SELECT id FROM items WHERE ref = "
	                          "'INV-2025-001567')"),
	    3);
}

static void
ledger_credit_application(void **state)
{
	struct fx *f = *state;
	struct pay_result r;
	struct credit_note cn;
	struct credit_application a;
	struct item it;
	struct pd_err err;

	login(f, "mary", "2222");
	posted(f, &r);
	assert_int_equal(svc_credit_create(&f->s, r.p.receipt_no, 3000, "Other",
	                     NULL, &cn, &err),
	    0);
	assert_int_equal(
	    store_item_by_ref(f->s.st, "INV-2025-001567", &it, &err), 0);
	memset(&a, 0, sizeof a);
	a.amount = 3001;
	strcpy(a.applied_on, "2025-04-20");
	strcpy(a.created_at, "2025-04-20 10:00:00");
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(ledger_credit_apply(&f->s, &cn, &it, &a, &err), -1);
	assert_non_null(strstr(err.msg, "remaining balance $30.00"));
	a.amount = 2500;
	assert_int_equal(ledger_credit_apply(&f->s, &cn, &it, &a, &err), 0);
	assert_int_equal(store_commit(f->s.st, &err), 0);
	assert_int_equal(cn.applied, 2500);
	assert_int_equal(it.settled, 2500);
	assert_string_equal(a.item_ref, "INV-2025-001567");
	assert_int_equal(count(f, "SELECT applied FROM credit_notes"), 2500);
	assert_int_equal(count(f, "SELECT settled FROM items WHERE ref = "
	                          "'INV-2025-001567'"),
	    2500);
}

static void
credit_quote_refusals(void **state)
{
	struct fx *f = *state;
	struct pay_result r;
	struct credit_request q = {NULL, 0, NULL, NULL};
	struct credit_quote cq;
	struct credit_note cn;
	struct pd_err err;
	char remarks[600];

	login(f, "jane", "1234");
	posted(f, &r);
	q.receipt = r.p.receipt_no;
	q.amount = 100;
	q.reason = "Other";
	assert_int_equal(svc_credit_quote(&f->s, &q, &cq, &err), -1);
	assert_int_equal(err.code, PD_EPERM);
	login(f, "mary", "2222");
	q.receipt = "R-NOPE";
	assert_int_equal(svc_credit_quote(&f->s, &q, &cq, &err), -1);
	assert_int_equal(cq.bad, CREDIT_PAYMENT);
	/* amount 0: refused, and the limit is there for the dialog */
	q.receipt = r.p.receipt_no;
	q.amount = 0;
	assert_int_equal(svc_credit_quote(&f->s, &q, &cq, &err), -1);
	assert_int_equal(cq.bad, CREDIT_AMOUNT);
	assert_int_equal(cq.limit, 14550);
	assert_non_null(strstr(err.msg, "greater than zero"));
	q.amount = 14551;
	assert_int_equal(svc_credit_quote(&f->s, &q, &cq, &err), -1);
	assert_int_equal(cq.bad, CREDIT_AMOUNT);
	assert_non_null(strstr(err.msg, "maximum $145.50"));
	q.amount = 4550;
	q.reason = NULL;
	assert_int_equal(svc_credit_quote(&f->s, &q, &cq, &err), -1);
	assert_int_equal(cq.bad, CREDIT_REASON);
	q.reason = "Because";
	assert_int_equal(svc_credit_quote(&f->s, &q, &cq, &err), -1);
	assert_int_equal(cq.bad, CREDIT_REASON);
	q.reason = "other";
	memset(remarks, 'r', 501);
	remarks[501] = '\0';
	q.remarks = remarks;
	assert_int_equal(svc_credit_quote(&f->s, &q, &cq, &err), -1);
	assert_int_equal(cq.bad, CREDIT_REMARKS);
	q.remarks = NULL;
	assert_int_equal(svc_credit_quote(&f->s, &q, &cq, &err), 0);
	assert_int_equal(cq.bad, CREDIT_NONE);
	assert_int_equal(cq.remaining, 10000);
	assert_string_equal(cq.reason, "Other");
	/* the limit follows what was issued */
	assert_int_equal(svc_credit_create(&f->s, r.p.receipt_no, 4550, "Other",
	                     NULL, &cn, &err),
	    0);
	q.amount = 0;
	svc_credit_quote(&f->s, &q, &cq, &err);
	assert_int_equal(cq.limit, 10000);
	assert_int_equal(cq.issued, 4550);
	/* create refuses what the quote refuses, and writes nothing */
	assert_int_equal(svc_credit_create(&f->s, r.p.receipt_no, 0, "Other",
	                     NULL, &cn, &err),
	    -1);
	assert_int_equal(count(f, "SELECT count(*) FROM credit_notes"), 1);
	/* a voided payment takes no credit note */
	assert_int_equal(
	    svc_payment_void(&f->s, r.p.receipt_no, "wrong account", &err), 0);
	q.amount = 100;
	assert_int_equal(svc_credit_quote(&f->s, &q, &cq, &err), -1);
	assert_int_equal(cq.bad, CREDIT_PAYMENT);
	assert_non_null(strstr(err.msg, "Posted payments only"));
}

static void
received_zero_refused(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;

	login(f, "jane", "1234");
	req_init(&q, PAY_BILL, "Cash", 14550);
	q.has_tendered = 1;
	q.tendered = 0;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_non_null(strstr(err.msg, "Amount received must be greater"));
	req_init(&q, PAY_BILL, "Credit Card", 14550);
	q.has_tendered = 1;
	q.tendered = 0;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_non_null(strstr(err.msg, "Amount received must be greater"));
	assert_int_equal(count(f, "SELECT count(*) FROM payments"), 0);
}

/* The organisation's formats for what people read and type (issue 25):
 * timestamps, typed dates, months, tenths, the ambiguity hint. */
static void
local_formats(void **state)
{
	struct fx *f = *state;
	struct pd_err err;
	char buf[SVC_DATE_BUFSZ], iso[11];
	int64_t v = 0;

	/* the defaults: what the tests of English output read */
	assert_string_equal(
	    svc_timestamp(&f->s, buf, sizeof buf, "2025-04-20 10:00:00"),
	    "2025-04-20 10:00:00");
	assert_string_equal(svc_tenths(&f->s, buf, sizeof buf, 682), "68.2");
	assert_string_equal(svc_tenths(&f->s, buf, sizeof buf, -5), "-0.5");
	assert_string_equal(
	    svc_month_name(&f->s, buf, sizeof buf, "2026-11"), "November 2026");
	assert_string_equal(svc_month_name(&f->s, buf, sizeof buf, "2026-13"),
	    "2026-13"); /* not a month: as it is */
	strcpy(f->s.cfg.date_format, "DD.MM.YYYY");
	strcpy(f->s.cfg.decimal_sep, "comma");
	assert_string_equal(
	    svc_timestamp(&f->s, buf, sizeof buf, "2025-04-20 10:00:00"),
	    "20.04.2025 10:00:00");
	assert_string_equal(
	    svc_timestamp(&f->s, buf, sizeof buf, "2025-04-20T10:00:00Z"),
	    "20.04.2025 10:00:00Z");
	assert_string_equal(svc_timestamp(&f->s, buf, sizeof buf, ""), "");
	assert_string_equal(
	    svc_timestamp(&f->s, buf, sizeof buf, "never"), "never");
	assert_string_equal(svc_tenths(&f->s, buf, sizeof buf, 682), "68,2");
	/* grouped as amounts are (issue 25: 12345,6 % was not) */
	assert_string_equal(
	    svc_tenths(&f->s, buf, sizeof buf, 123456), "12.345,6");
	assert_string_equal(
	    svc_tenths(&f->s, buf, sizeof buf, -123456), "-12.345,6");
	strcpy(f->s.cfg.group_sep, "nnbsp");
	assert_string_equal(svc_tenths(&f->s, buf, sizeof buf, 12345),
	    "1\xe2\x80\xaf"
	    "234,5");
	strcpy(f->s.cfg.group_sep, "auto");
	/* a month in the date format without its day, or YYYY-MM */
	assert_int_equal(
	    svc_month_parse(&f->s, "4.2025", "--month", iso, &err), 0);
	assert_string_equal(iso, "2025-04");
	assert_int_equal(
	    svc_month_parse(&f->s, "2025-11", "--month", iso, &err), 0);
	assert_string_equal(iso, "2025-11");
	assert_int_equal(
	    svc_month_parse(&f->s, "13.2025", "--month", iso, &err), -1);
	/* of the month's form, but no month: said so (status 3 on the
	 * command line), another shape names the format (status 2) */
	assert_non_null(
	    strstr(err.msg, "--month \"13.2025\": no such month (01 to 12)"));
	assert_int_equal(month_form_status("13.2025", "DD.MM.YYYY"), PD_EINVAL);
	assert_int_equal(
	    svc_month_parse(&f->s, "04/2025", "--month", iso, &err), -1);
	assert_non_null(strstr(err.msg, "--month \"04/2025\": not a month, "
	                                "write MM.YYYY (e.g. 04.2025)"));
	assert_int_equal(month_form_status("04/2025", "DD.MM.YYYY"), PD_EUSAGE);
	assert_int_equal(
	    date_form_status("31.04.2025", "DD.MM.YYYY"), PD_EINVAL);
	assert_int_equal(date_form_status("01.04.25", "DD.MM.YYYY"), PD_EUSAGE);
	assert_int_equal(
	    date_form_status("2025-02-30", "DD.MM.YYYY"), PD_EINVAL);
	assert_int_equal(date_form_status("2025-2-3", NULL), PD_EUSAGE);
	assert_int_equal(
	    svc_date_parse(&f->s, "1.4.2025", "From", iso, &err), 0);
	assert_string_equal(iso, "2025-04-01");
	assert_int_equal(
	    svc_date_parse(&f->s, "2025-04-01", "From", iso, &err), 0);
	assert_string_equal(iso, "2025-04-01");
	assert_int_equal(
	    svc_date_parse(&f->s, "01/04/2025", "From", iso, &err), -1);
	assert_non_null(strstr(err.msg, "write DD.MM.YYYY or YYYY-MM-DD"));
	/* three decimals, a dot grouping: "1.500" has every decimal of the
	 * machine format, so the hint is each reading as the organisation
	 * writes it (issue 25; it said "write every decimal, as 1234.500"
	 * before, which "1.500" already did) */
	f->s.cfg.minor_digits = 3;
	assert_int_equal(svc_money_arg(&f->s, "1.500", "--min", &v, &err), -1);
	assert_non_null(strstr(err.msg, "write 1,500 or 1.500,000, with the "
	                                "organisation's decimal mark"));
	assert_int_equal(svc_money_arg(&f->s, "1,5", "--min", &v, &err), 0);
	assert_int_equal(v, 1500);
	/* "0.500" cannot be a grouped number: half, not five hundred */
	assert_int_equal(svc_money_arg(&f->s, "0.500", "--min", &v, &err), 0);
	assert_int_equal(v, 500);
	assert_int_equal(svc_money_arg(&f->s, "0,250", "--min", &v, &err), 0);
	assert_int_equal(v, 250);
	assert_int_equal(
	    svc_money_parse(&f->s, "0.500", "Amount", &v, &err), -1);
	assert_non_null(strstr(err.msg, "use , for decimals: 0,500"));
	/* no decimals (JPY): a dot that groups is not a decimal point */
	f->s.cfg.minor_digits = 0;
	assert_int_equal(svc_money_arg(&f->s, "1.000", "--min", &v, &err), 0);
	assert_int_equal(v, 1000);
	assert_int_equal(svc_money_arg(&f->s, "1,5", "--min", &v, &err), -1);
	assert_non_null(strstr(err.msg, "this currency has no decimals"));
	f->s.cfg.minor_digits = 3;
}

/* Counts a person reads in the organisation's grouping (issue 25): its
 * separator, 3 or 3,2 groups, never decimals nor the symbol. */
static void
count_formats(void **state)
{
	struct fx *f = *state;
	char buf[SVC_COUNT_BUFSZ];

	assert_string_equal(svc_count(&f->s, buf, sizeof buf, 999), "999");
	assert_string_equal(svc_count(&f->s, buf, sizeof buf, 12345), "12,345");
	assert_string_equal(
	    svc_count(&f->s, buf, sizeof buf, -1234567), "-1,234,567");
	assert_string_equal(svc_count(&f->s, buf, sizeof buf, 0), "0");
	f->s.cfg.minor_digits = 3; /* the currency's decimals: none here */
	strcpy(f->s.cfg.group_sep, "dot");
	strcpy(f->s.cfg.decimal_sep, "comma");
	assert_string_equal(svc_count(&f->s, buf, sizeof buf, 12345), "12.345");
	strcpy(f->s.cfg.group_sep, "auto");
	strcpy(f->s.cfg.decimal_sep, "dot");
	strcpy(f->s.cfg.grouping, "3,2");
	assert_string_equal(
	    svc_count(&f->s, buf, sizeof buf, 1234567), "12,34,567");
	assert_string_equal(svc_count(&f->s, buf, sizeof buf, INT64_MAX),
	    "92,23,37,20,36,85,47,75,807");
	strcpy(f->s.cfg.group_sep, "nnbsp");
	strcpy(f->s.cfg.grouping, "3");
	assert_string_equal(svc_count(&f->s, buf, sizeof buf, 12345),
	    "12\xe2\x80\xaf"
	    "345");
}

/* Issue 18, section 7: a sealed row changed around the service is seen,
 * naming it; posting is refused until doctor passes again. */
static void
note_problem(const char *what, void *arg)
{
	char *seen = arg;

	if (strstr(what, "items row") != NULL)
		strncpy(seen, what, 255);
}

static void
tamper_seen(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;
	char seen[256] = "";
	sqlite3 *db;

	login(f, "jane", "1234");
	req_init(&q, PAY_BILL, "Cash", 1000);
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	assert_int_equal(svc_doctor(&f->s, NULL, NULL, &err), 0);
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db, "UPDATE items SET amount = 1 WHERE ref = 'SRV-1'",
	        NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	/* the row against its seal, and the change outside any use case */
	assert_int_equal(svc_doctor(&f->s, note_problem, seen, &err), 2);
	assert_non_null(
	    strstr(seen, "(SRV-1): amount is 1 but its audit entry says 7500"));
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), -1);
	assert_int_equal(err.code, PD_ESTORE);
	assert_non_null(strstr(err.msg, "Restore it from a backup"));
	assert_int_equal(count(f, "SELECT count(*) FROM payments"), 1);
}

/* in's links from entry kept + 1 to in->seq (each "\x1f<id>\x1fx") and
 * the hash they arrive at from a kept hash of 64 fill characters. */
static void
anchor_chain(struct sync_anchor *in, int64_t kept, char fill)
{
	struct sha256 c;
	uint8_t d[32];
	char buf[32];
	size_t i;
	int k;

	in->nlinks = (size_t)(in->seq - kept);
	in->links = xcalloc(in->nlinks, sizeof *in->links);
	memset(in->hash, fill, 64);
	in->hash[64] = '\0';
	for (i = 0; i < in->nlinks; i++) {
		snprintf(buf, sizeof buf, "\x1f%lld\x1fx",
		    (long long)(kept + 1 + (int64_t)i));
		in->links[i] = xstrdup(buf);
		sha256_init(&c);
		sha256_update(&c, in->hash, 64);
		sha256_update(&c, buf, strlen(buf));
		sha256_final(&c, d);
		for (k = 0; k < 32; k++)
			snprintf(in->hash + k * 2, 3, "%02x", d[k]);
	}
}

/* The central node keeps a terminal's audit head only when it extends
 * the one kept. */
static void
anchor_kept_only_forward(void **state)
{
	struct fx *f = *state;
	struct svc c;
	struct sync_anchor in, out;
	struct pd_err err;
	char path[192];

	memset(&c, 0, sizeof c);
	assert_int_equal(config_defaults(&c.cfg, &err), 0);
	snprintf(path, sizeof path, "%s/central.db", f->dir);
	assert_int_equal(store_open_central(path, 1, &c.st, &err), 0);
	memset(&in, 0, sizeof in);
	strcpy(in.terminal, "T01");
	assert_int_equal(svc_central_anchor(&c, &in, &out, &err), 0);
	assert_int_equal(out.has_head, 0);
	in.has_head = 1;
	in.seq = 5;
	memset(in.hash, 'a', 64);
	assert_int_equal(svc_central_anchor(&c, &in, &out, &err), 0);
	assert_int_equal(out.seq, 5);
	in.seq = 4;
	assert_int_equal(svc_central_anchor(&c, &in, &out, &err), -1);
	assert_int_equal(err.code, PD_ETAMPER);
	in.seq = 5;
	memset(in.hash, 'b', 64);
	assert_int_equal(svc_central_anchor(&c, &in, &out, &err), -1);
	assert_int_equal(err.code, PD_ETAMPER);
	/* a longer head without links, or with links that do not chain
	 * from the head kept, is not kept (review 18, point 2) */
	in.seq = 9;
	assert_int_equal(svc_central_anchor(&c, &in, &out, &err), -1);
	assert_int_equal(err.code, PD_ETAMPER);
	anchor_chain(&in, 5, 'a');
	in.hash[0] = in.hash[0] == '0' ? '1' : '0';
	assert_int_equal(svc_central_anchor(&c, &in, &out, &err), -1);
	assert_int_equal(err.code, PD_ETAMPER);
	sync_anchor_free(&in);
	anchor_chain(&in, 5, 'a');
	assert_int_equal(svc_central_anchor(&c, &in, &out, &err), 0);
	sync_anchor_free(&in);
	in.has_head = 0;
	assert_int_equal(svc_central_anchor(&c, &in, &out, &err), 0);
	assert_int_equal(out.seq, 9);
	assert_string_equal(out.hash, in.hash);
	svc_close(&c);
}

/* Run sql on the fixture's store with the sqlite3 library. */
static void
exec_sql(struct fx *f, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

struct ids {
	int64_t id[300];
	int n, page;
	struct payment_row last;
};

static int
keep_id(const struct payment_row *r, void *arg)
{
	struct ids *p = arg;

	assert_true(p->n < 300);
	p->id[p->n++] = r->p.id;
	p->last = *r;
	p->page++;
	return 0;
}

static void pages_after(struct fx *f, const char *text, int asc,
    void (*change)(struct fx *), int at, const char *sql);

/* Every page of search text, 7 rows a page, in date order (asc or not),
 * against the same payments read whole in one SQL query. */
static void
pages_match(struct fx *f, const char *text, int asc, const char *sql)
{
	pages_after(f, text, asc, NULL, 0, sql);
}

/* A page of a search then its count, as the payments screen reads
 * them (the count reuses the page's ids while the data is unchanged). */
static int64_t
page_count(struct fx *f, const char *text)
{
	struct payment_filter pf;
	static struct ids got;
	struct pd_err err;
	int64_t n = -1;

	memset(&got, 0, sizeof got);
	memset(&pf, 0, sizeof pf);
	pf.status = pf.type = -1;
	pf.limit = 7;
	pf.search = text;
	assert_int_equal(svc_payments_each(&f->s, &pf, keep_id, &got, &err), 0);
	pf.limit = 100000;
	assert_int_equal(svc_payments_count(&f->s, &pf, &n, &err), 0);
	return n;
}

/* A payment numbered receipt (uuid, payment and transaction numbers of
 * it) of consumer id, by another connection. */
static void
late_payment(struct fx *f, const char *uuid, const char *receipt, int id)
{
	char *sql = xasprintf(
	    "INSERT INTO payments (uuid, payment_no, txn_no, receipt_no, "
	    "consumer_id, type, channel, method, method_kind, amount, "
	    "tendered, change_given, due_total, overpaid, paid_on, "
	    "created_at, notes, user_id, received_by, terminal, branch, "
	    "status, reference) VALUES ('%s', 'PAY-%s', 'TXN-%s', '%s', %d, "
	    "'Bill', 'Walk-in', 'Cash', 'cash', 100, 100, 0, 100, 0, "
	    "'2025-03-01', '2025-03-01 00:00:00', '', 1, 'Jane Smith', 'T01', "
	    "'B01', 'Posted', '')",
	    uuid, uuid, uuid, receipt, id);

	exec_sql(f, sql);
	free(sql);
}

/* The count after a page of the same search, with the data changed
 * between the two (issue 24: the count takes the page's consumers and
 * numbers, never when they may have changed): by another connection,
 * then by the store's own. */
static void
search_counts(struct fx *f)
{
	struct payment_filter pf;
	struct consumer c;
	struct pd_err err;
	int64_t n = -1;

	assert_int_equal(page_count(f, "john doe"), 41);
	assert_int_equal(page_count(f, "R-4"), 11);
	/* a payment whose consumer comes later (id 104, by this store) */
	late_payment(f, "u-late", "R-L", 104);
	assert_int_equal(page_count(f, "john doe"), 41);
	/* another connection: a consumer of that name and a payment of it,
	 * a payment numbered R-4..., after the page, before the count */
	memset(&pf, 0, sizeof pf);
	pf.status = pf.type = -1;
	pf.limit = 100000;
	pf.search = "john doe";
	assert_int_equal(page_count(f, "john doe"), 41);
	exec_sql(f,
	    "INSERT INTO consumers (uuid, account_no, name, name_fold, "
	    "created_at) VALUES ('c-jd', 'JD-2', 'John Doe', 'john doe', "
	    "'2025-01-01 00:00:00')");
	late_payment(f, "u-jd", "R-JD", 103);
	assert_int_equal(svc_payments_count(&f->s, &pf, &n, &err), 0);
	assert_int_equal(n, 42);
	pf.search = "R-4";
	assert_int_equal(page_count(f, "R-4"), 11);
	late_payment(f, "u-r4", "R-4000", 5);
	assert_int_equal(svc_payments_count(&f->s, &pf, &n, &err), 0);
	assert_int_equal(n, 12);
	/* this store's own: the consumer the late payment was waiting for,
	 * named John Doe too */
	assert_int_equal(page_count(f, "john doe"), 42);
	memset(&c, 0, sizeof c);
	strcpy(c.account_no, "JD-3");
	strcpy(c.name, "John Doe");
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(store_consumer_insert(f->s.st, &c, &err), 0);
	assert_int_equal(store_commit(f->s.st, &err), 0);
	assert_int_equal(c.id, 104);
	pf.search = "john doe";
	assert_int_equal(svc_payments_count(&f->s, &pf, &n, &err), 0);
	assert_int_equal(n, 43);
	assert_int_equal(page_count(f, "john doe"), 43);
}

/* The pages of text after the first (7 rows a page, date order asc or
 * not) with change() run after page at + 1 (NULL: no change, every
 * page), against sql read after them all (issue 24: a next page takes the
 * consumers and numbers the first read, never when they may have changed). */
static void
pages_after(struct fx *f, const char *text, int asc,
    void (*change)(struct fx *), int at, const char *sql)
{
	struct payment_filter pf;
	struct page_key k;
	static struct ids got;
	struct pd_err err;
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = 0, pages = 0;

	memset(&got, 0, sizeof got);
	memset(&pf, 0, sizeof pf);
	pf.status = pf.type = -1;
	pf.limit = 7;
	pf.search = text;
	pf.asc = asc;
	do {
		got.page = 0;
		assert_int_equal(
		    svc_payments_each(&f->s, &pf, keep_id, &got, &err), 0);
		store_payment_key(&got.last, PAY_BY_DATE, &k);
		pf.after = &k;
		if (pages++ == at && change != NULL)
			change(f);
	} while (got.page == 7);
	if (change != NULL)
		assert_true(pages > at + 2);
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		assert_true(n < got.n);
		assert_int_equal(got.id[n], sqlite3_column_int64(st, 0));
		n++;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_int_equal(n, got.n);
}

/* this store's own change: the consumer a payment was waiting for
 * (id 105, late_payment before the first page), named John Doe */
static void
own_consumer(struct fx *f)
{
	struct consumer c;
	struct pd_err err;

	memset(&c, 0, sizeof c);
	strcpy(c.account_no, "JD-5");
	strcpy(c.name, "John Doe");
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(store_consumer_insert(f->s.st, &c, &err), 0);
	assert_int_equal(store_commit(f->s.st, &err), 0);
	assert_int_equal(c.id, 105);
}

/* another connection's: a payment older than every other whose
 * reference holds "john doe" */
static void
other_reference(struct fx *f)
{
	exec_sql(f,
	    "INSERT INTO payments (uuid, payment_no, txn_no, receipt_no, "
	    "consumer_id, type, channel, method, method_kind, amount, "
	    "tendered, change_given, due_total, overpaid, paid_on, "
	    "created_at, notes, user_id, received_by, terminal, branch, "
	    "status, reference) VALUES ('u-o1', 'PAY-O1', 'TXN-O1', 'R-O1', "
	    "5, 'Bill', 'Walk-in', 'Cash', 'cash', 100, 100, 0, 100, 0, "
	    "'2024-01-01', '2024-01-01 00:00:00', '', 1, 'Jane Smith', 'T01', "
	    "'B01', 'Posted', 'for john doe')");
}

/* A search's next pages with the data changed after the first, by this
 * store and by another connection: the ids the first page read are read
 * again (search_pages' data and search_counts' after it). */
static void
search_next_pages(struct fx *f)
{
	late_payment(f, "u-jd5", "R-JD5", 105);
	pages_after(f, "john doe", 1, own_consumer, 0,
	    "SELECT id FROM payments WHERE consumer_id IN (SELECT id FROM "
	    "consumers WHERE name_fold = 'john doe') OR reference LIKE "
	    "'%john doe%' ORDER BY paid_on, id");
	pages_after(f, "john doe", 0, other_reference, 0,
	    "SELECT id FROM payments WHERE consumer_id IN (SELECT id FROM "
	    "consumers WHERE name_fold = 'john doe') OR reference LIKE "
	    "'%john doe%' ORDER BY paid_on DESC, id DESC");
}

/* another connection's: two payments of José Núñez's dated before the
 * page read last, one before all of his and one among those not read */
static void
other_nunez(struct fx *f)
{
	exec_sql(f,
	    "INSERT INTO payments (uuid, payment_no, txn_no, receipt_no, "
	    "consumer_id, type, channel, method, method_kind, amount, "
	    "tendered, change_given, due_total, overpaid, paid_on, "
	    "created_at, notes, user_id, received_by, terminal, branch, "
	    "status, reference) SELECT 'u-n' || d, 'PAY-N' || d, 'TXN-N' || "
	    "d, 'R-N' || d, 2, 'Bill', 'Walk-in', 'Cash', 'cash', 100, 100, "
	    "0, 100, 0, '2025-' || d, '2025-01-01 00:00:00', '', 1, 'Jane "
	    "Smith', 'T01', 'B01', 'Posted', '' FROM (SELECT '01-02' AS d "
	    "UNION ALL SELECT '01-20')");
}

/* The page of 7 of text (date order, newest first) after key k (NULL:
 * the first) against sql's rows from row at; the page's last key into
 * next. */
static void
page_from(struct fx *f, const char *text, const struct page_key *k,
    const char *sql, int at, struct page_key *next)
{
	struct payment_filter pf;
	static struct ids got;
	struct pd_err err;
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = 0;

	memset(&got, 0, sizeof got);
	memset(&pf, 0, sizeof pf);
	pf.status = pf.type = -1;
	pf.limit = 7;
	pf.search = text;
	pf.after = k;
	assert_int_equal(svc_payments_each(&f->s, &pf, keep_id, &got, &err), 0);
	store_payment_key(&got.last, PAY_BY_DATE, next);
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n >= at && n < at + 7) {
			assert_true(n - at < got.n);
			assert_int_equal(
			    got.id[n - at], sqlite3_column_int64(st, 0));
		}
		n++;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_int_equal(got.n, n - at < 7 ? n - at : 7);
}

/* A search whose payments run past the pages read at a time (issue 24:
 * ten pages, 70 here, read into the search's run, a next page a slice
 * of it): 130 of José Núñez's, every page in both orders; the data
 * changed after the eleventh page, by another connection (two payments
 * among the pages not read yet); a page back,
 * which the run does not hold, and the pages after it. */
static void
search_long_run(struct fx *f)
{
	static const char nunez[] =
	    "SELECT id FROM payments WHERE consumer_id = 2 ORDER BY paid_on "
	    "DESC, id DESC";
	struct page_key k[20];
	int i;

	exec_sql(f,
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
	    "WHERE i < 120) INSERT INTO payments (uuid, payment_no, txn_no, "
	    "receipt_no, consumer_id, type, channel, method, method_kind, "
	    "amount, tendered, change_given, due_total, overpaid, paid_on, "
	    "created_at, notes, user_id, received_by, terminal, branch, "
	    "status, reference) SELECT 'un' || i, 'PAY-JN' || i, 'TXN-JN' || "
	    "i, 'R-JN' || i, 2, 'Bill', 'Walk-in', 'Cash', 'cash', 100, 100, "
	    "0, 100, 0, date('2025-02-01', '+' || (i / 4) || ' days'), "
	    "'2025-01-01 00:00:00', '', 1, 'Jane Smith', 'T01', 'B01', "
	    "'Posted', '' FROM n");
	pages_match(f, "Núñez", 0, nunez);
	pages_match(f, "Núñez", 1,
	    "SELECT id FROM payments WHERE consumer_id = 2 ORDER BY paid_on, "
	    "id");
	pages_after(f, "Núñez", 0, other_nunez, 10, nunez);
	/* pages 1 to 15, then 3 (after 2's key) and on to 13 */
	for (i = 0; i < 15; i++)
		page_from(
		    f, "Núñez", i ? &k[i - 1] : NULL, nunez, 7 * i, &k[i]);
	for (i = 2; i < 13; i++)
		page_from(f, "Núñez", &k[i - 1], nunez, 7 * i, &k[19]);
}

/* A search's pages in date order (issue 24: each source's own page, the
 * consumers of a name estimated, not counted): a name's payments and a
 * payment whose reference holds the name, over several days and several
 * on one day, both orders, both after a key; the dense walk too. */
static void
search_pages(void **state)
{
	struct fx *f = *state;

	login(f, "mary", "2222");
	/* 40 payments of John Doe's, 10 of José's, one of them referenced
	 * "john doe", 2 each of 100 others, three a day: 250 payments of
	 * 102 consumers, 2 each on the mean, so that a page of 7 reads the
	 * matches of a name (2 consumers * 2 < sqrt(7 * 250)) and walks the
	 * order for "R-" (250 numbers) */
	exec_sql(f,
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
	    "WHERE i < 100) INSERT INTO consumers (uuid, account_no, name, "
	    "name_fold, created_at) SELECT 'c' || i, 'OT-' || i, 'Other ' || "
	    "i, 'other ' || i, '2025-01-01 00:00:00' FROM n");
	exec_sql(f,
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
	    "WHERE i < 250) INSERT INTO payments (uuid, payment_no, txn_no, "
	    "receipt_no, consumer_id, type, channel, method, method_kind, "
	    "amount, tendered, change_given, due_total, overpaid, paid_on, "
	    "created_at, notes, user_id, received_by, terminal, branch, "
	    "status, reference) SELECT 'u' || i, 'PAY-' || i, 'TXN-' || i, "
	    "'R-' || i, CASE WHEN i > 50 THEN 3 + (i - 51) / 2 WHEN i > 40 "
	    "THEN 2 ELSE 1 END, 'Bill', 'Walk-in', 'Cash', 'cash', 100 * i, "
	    "100 * i, 0, 100 * i, 0, date('2025-01-01', '+' || (i / 3) || ' "
	    "days'), '2025-01-01 00:00:00', '', 1, 'Jane Smith', 'T01', "
	    "'B01', 'Posted', CASE i WHEN 45 THEN 'paid for John Doe' ELSE '' "
	    "END FROM n");
	pages_match(f, "john doe", 0,
	    "SELECT id FROM payments WHERE consumer_id = 1 OR id = 45 ORDER BY "
	    "paid_on DESC, id DESC");
	pages_match(f, "john doe", 1,
	    "SELECT id FROM payments WHERE consumer_id = 1 OR id = 45 ORDER BY "
	    "paid_on, id");
	pages_match(f, "Núñez", 0,
	    "SELECT id FROM payments WHERE consumer_id = 2 ORDER BY paid_on "
	    "DESC, id DESC");
	/* "R-" names every payment: the walk of the order (dense) */
	pages_match(f, "R-", 0,
	    "SELECT id FROM payments ORDER BY paid_on DESC, id DESC");
	pages_match(f, "R-4", 1,
	    "SELECT id FROM payments WHERE receipt_no LIKE 'R-4%' ORDER BY "
	    "paid_on, id");
	pages_match(f, "other 1", 0,
	    "SELECT id FROM payments WHERE consumer_id IN (SELECT id FROM "
	    "consumers WHERE name LIKE 'Other 1%') ORDER BY paid_on DESC, id "
	    "DESC");
	search_counts(f);
	search_next_pages(f);
	search_long_run(f);
}

/* A transaction that wrote sealed rows and no audit entry (a fixture's
 * item) leaves its seals to this connection's next entry (issue 24: the
 * count of them made before its COMMIT, in its transaction): the next
 * post's entry claims them with its own, none is left unclaimed, and
 * doctor passes. */
static void
seals_carried(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;
	struct item it;
	const char *items[] = {"INV-2025-001234"};
	int64_t before = count(f, "SELECT coalesce(max(id), 0) FROM seals");
	char sql[160];

	login(f, "jane", "1234");
	memset(&it, 0, sizeof it);
	strcpy(it.uuid, "0190a000-0000-7000-8000-00000000c0de");
	it.consumer_id = 1;
	it.kind = PAY_BILL;
	strcpy(it.ref, "INV-CARRIED-1");
	strcpy(it.period, "2025-03");
	it.amount = 1000;
	strcpy(it.issued_on, "2025-03-01");
	strcpy(it.due_on, "2025-03-15");
	strcpy(it.entered_on, "2025-03-01");
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(store_item_insert(f->s.st, &it, &err), 0);
	assert_int_equal(store_commit(f->s.st, &err), 0);
	snprintf(sql, sizeof sql,
	    "SELECT count(*) FROM seals WHERE audit_id IS NULL AND id > %lld",
	    (long long)before);
	assert_true(count(f, sql) >= 1);
	req_init(&q, PAY_BILL, "cash", 14550);
	q.items = items;
	q.nitems = 1;
	q.tendered = 15000;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	assert_int_equal(
	    count(f, "SELECT count(*) FROM seals WHERE audit_id IS NULL"), 0);
	snprintf(sql, sizeof sql,
	    "SELECT count(*) FROM seals s JOIN items i ON i.id = s.row_id "
	    "WHERE s.tbl = 'items' AND i.ref = 'INV-CARRIED-1' AND s.audit_id "
	    "= (SELECT max(id) FROM audit_log)");
	assert_int_equal(count(f, sql), 1);
	assert_int_equal(svc_doctor(&f->s, NULL, NULL, &err), 0);
}

/* every problem doctor notes, one a line */
static void
all_problems(const char *what, void *arg)
{
	char *seen = arg;

	snprintf(seen + strlen(seen), 2048 - strlen(seen), "%s\n", what);
}

struct payers_got {
	char rows[2048];
};

static int
keep_payer(const struct payer_row *r, void *arg)
{
	struct payers_got *g = arg;

	snprintf(g->rows + strlen(g->rows), sizeof g->rows - strlen(g->rows),
	    "%lld|%lld|%lld|%s\n", (long long)r->consumer_id,
	    (long long)r->total, (long long)r->count, r->last_paid);
	return 0;
}

/* The payers of no filter against the ledger, and doctor (issue 24:
 * the organisation's payer totals kept as payer_scope's 'o:' rows since
 * migration 97, beside the consumer's terminal and branch rows): posts
 * of two consumers on two days, one voided (its totals and last day
 * taken back), then a rollup row changed behind the ledger's back. */
static void
payers_org(void **state)
{
	struct fx *f = *state;
	struct pay_request q;
	struct pay_result r, first;
	struct payment_filter pf;
	struct payers_got got;
	struct pd_err err;
	sqlite3 *db;
	sqlite3_stmt *st;
	char want[2048] = "";

	login(f, "jane", "1234");
	req_init(&q, PAY_BILL, "cash", 1000);
	q.tendered = 1000;
	if (svc_pay_post(&f->s, &q, &first, &err) != 0)
		fail_msg("%s", err.msg);
	setenv("PAYDESK_NOW", "2025-04-22 10:00:00", 1);
	req_init(&q, PAY_BILL, "cash", 2500);
	q.tendered = 2500;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	q.account = "WU-20002";
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	req_init(&q, PAY_BILL, "cash", 700);
	q.tendered = 700;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	login(f, "mary", "2222");
	assert_int_equal(
	    svc_payment_void(&f->s, r.p.receipt_no, "keyed twice", &err), 0);
	setenv("PAYDESK_NOW", "2025-04-20 10:00:00", 1);
	memset(&pf, 0, sizeof pf);
	pf.status = pf.type = -1;
	pf.limit = 50;
	memset(&got, 0, sizeof got);
	assert_int_equal(store_payers_each(f->s.st, &pf, PAYERS_BY_TOTAL,
	                     keep_payer, &got, &err),
	    0);
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_prepare_v2(db,
	        "SELECT consumer_id, sum(amount), count(*), max(paid_on) FROM "
	        "payments WHERE status = 'Posted' GROUP BY consumer_id ORDER "
	        "BY "
	        "2 DESC",
	        -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		snprintf(want + strlen(want), sizeof want - strlen(want),
		    "%lld|%lld|%lld|%s\n",
		    (long long)sqlite3_column_int64(st, 0),
		    (long long)sqlite3_column_int64(st, 1),
		    (long long)sqlite3_column_int64(st, 2),
		    (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_string_equal(got.rows, want);
	/* two consumers, the first's 1000 + 2500 on the 22nd */
	assert_non_null(strstr(got.rows, "|3500|2|2025-04-22\n"));
	assert_int_equal(svc_doctor(&f->s, NULL, NULL, &err), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM payer_totals"), 0);
	exec_sql(f, "UPDATE payer_scope SET total = total + 1 WHERE scope = "
	            "'o:' AND consumer_id = (SELECT consumer_id FROM payments "
	            "WHERE receipt_no = 'R-T01-000001')");
	/* the organisation's row against the ledger's, both ways (one
	 * check) */
	memset(&got, 0, sizeof got);
	assert_int_equal(svc_doctor(&f->s, all_problems, got.rows, &err), 2);
	assert_non_null(strstr(got.rows, " at o:: the rollup says 3501 in 2"));
	assert_non_null(strstr(got.rows, " at o:: the ledger says 3500 in 2"));
	(void)first;
}

/* Every page of the payments sorted by sort (7 a page, asc or not,
 * each after the last one's key), with method as the filter if not
 * NULL, against sql. */
static void
sorted_pages(struct fx *f, enum pay_sort sort, int asc, const char *method,
    const char *sql)
{
	struct payment_filter pf;
	struct page_key k;
	static struct ids got;
	struct pd_err err;
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = 0;

	memset(&got, 0, sizeof got);
	memset(&pf, 0, sizeof pf);
	pf.status = pf.type = -1;
	pf.limit = 7;
	pf.sort = sort;
	pf.asc = asc;
	pf.method = method;
	do {
		got.page = 0;
		assert_int_equal(
		    svc_payments_each(&f->s, &pf, keep_id, &got, &err), 0);
		store_payment_key(&got.last, sort, &k);
		pf.after = &k;
	} while (got.page == 7);
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		assert_true(n < got.n);
		assert_int_equal(got.id[n], sqlite3_column_int64(st, 0));
		n++;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_int_equal(n, got.n);
}

/* The payments sorted by method, page after page (issue 24: one index,
 * payments_method (method, paid_on, id, ...), walked in the list's
 * order since migration 96, where payments_method_day was): three
 * methods, several payments a day inserted out of id order within a
 * day and a method, both orders; a method's payments by date; and
 * that index is what the walk reads. */
static void
method_pages(void **state)
{
	struct fx *f = *state;
	sqlite3 *db;
	sqlite3_stmt *st;
	char plan[4096] = "";

	login(f, "mary", "2222");
	/* 120 payments over 10 days, 3 methods: ids and days interleaved,
	 * so that (method, day) holds several ids and a later id can be on
	 * an earlier day */
	exec_sql(f,
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
	    "WHERE i < 120) INSERT INTO payments (uuid, payment_no, txn_no, "
	    "receipt_no, consumer_id, type, channel, method, method_kind, "
	    "amount, tendered, change_given, due_total, overpaid, paid_on, "
	    "created_at, notes, user_id, received_by, terminal, branch, "
	    "status) SELECT 'm' || i, 'PAY-M' || i, 'TXN-M' || i, 'R-M' || i, "
	    "1, 'Bill', 'Walk-in', CASE i % 3 WHEN 0 THEN 'Cash' WHEN 1 THEN "
	    "'Card' ELSE 'Bank transfer' END, CASE i % 3 WHEN 0 THEN 'cash' "
	    "WHEN 1 THEN 'card' ELSE 'bank' END, 100 + i, CASE i % 3 WHEN 0 "
	    "THEN 100 + i ELSE 0 END, 0, 100 + i, 0, date('2025-02-01', '+' "
	    "|| ((i * 7) % 10) || ' days'), '2025-02-01 00:00:00', '', 1, "
	    "'Jane Smith', 'T01', 'B01', CASE WHEN i % 11 = 0 THEN 'Pending' "
	    "ELSE 'Posted' END FROM n");
	sorted_pages(f, PAY_BY_METHOD, 1, NULL,
	    "SELECT id FROM payments ORDER BY method, paid_on, id");
	sorted_pages(f, PAY_BY_METHOD, 0, NULL,
	    "SELECT id FROM payments ORDER BY method DESC, paid_on DESC, id "
	    "DESC");
	sorted_pages(f, PAY_BY_DATE, 0, "Card",
	    "SELECT id FROM payments WHERE method = 'Card' ORDER BY paid_on "
	    "DESC, id DESC");
	sorted_pages(f, PAY_BY_DATE, 1, "Cash",
	    "SELECT id FROM payments WHERE method = 'Cash' ORDER BY paid_on, "
	    "id");
	/* the order is the index's: no sort of its own */
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_prepare_v2(db,
	        "EXPLAIN QUERY PLAN SELECT p.id, p.receipt_no FROM payments p "
	        "WHERE (p.method, p.paid_on, p.id) > ('Card', '2025-02-03', 5) "
	        "ORDER BY p.method, p.paid_on, p.id LIMIT 7",
	        -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		snprintf(plan + strlen(plan), sizeof plan - strlen(plan),
		    "%s\n", (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_non_null(strstr(plan, "payments_method "));
	assert_null(strstr(plan, "TEMP B-TREE"));
	assert_int_equal(count(f, "SELECT count(*) FROM sqlite_master WHERE "
	                          "name = 'payments_method_day'"),
	    0);
}

/* A statement's match records are written 50 to a statement
 * (store_outbox_insert_set): every row in the order given, sealed as one
 * by one, and a bad row in a set of 50 writes none of the set. */
static void
outbox_set_in_order(void **state)
{
	struct fx *f = *state;
	struct outbox_row rows[123];
	struct pd_err err;
	char p[123][32];
	size_t i;

	login(f, "jane", "1234");
	for (i = 0; i < 123; i++) {
		snprintf(rows[i].uuid, sizeof rows[i].uuid,
		    "0190a000-0000-7000-8000-%012zu", i);
		snprintf(rows[i].ref, sizeof rows[i].ref, "1:%zu", i);
		snprintf(p[i], sizeof p[i], "{\"n\":%zu}", i);
		rows[i].kind = "stmt_match";
		rows[i].payload = p[i];
		snprintf(rows[i].at, sizeof rows[i].at, "2026-01-02 03:04:05");
	}
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(store_outbox_insert_set(f->s.st, rows, 123, &err), 0);
	assert_int_equal(svc_audit(&f->s, rows[0].at, "test", "outbox", "set",
	                     "", &err),
	    0);
	assert_int_equal(store_commit(f->s.st, &err), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox o WHERE ref = "
	                          "'1:' || (o.id - (SELECT min(id) FROM outbox "
	                          "WHERE kind = 'stmt_match')) AND payload = "
	                          "'{\"n\":' || (o.id - (SELECT min(id) FROM "
	                          "outbox WHERE kind = 'stmt_match')) || '}'"),
	    123);
	assert_int_equal(count(f, "SELECT count(*) FROM seals WHERE tbl = "
	                          "'outbox' AND audit_id IS NOT NULL"),
	    count(f, "SELECT count(*) FROM outbox"));
	assert_int_equal(svc_doctor(&f->s, NULL, NULL, &err), 0);
	/* the 50th row of a set is one the outbox holds: none of the set */
	snprintf(rows[49].uuid, sizeof rows[49].uuid, "%s", rows[0].uuid);
	for (i = 0; i < 49; i++)
		rows[i].uuid[9] = 'b';
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(store_outbox_insert_set(f->s.st, rows, 50, &err), -1);
	store_rollback(f->s.st);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox WHERE kind = "
	                          "'stmt_match'"),
	    123);
}

/* A pull page's records decoded ahead of the applying thread
 * (sync_decode.c): every entry taken in order, each as sync_page_entry
 * decodes it (its own seq and verifier), a record that does not decode
 * refused at its place with its entry named, and an apply ended early
 * freeing what was decoded ahead (valgrind: no leak). */
static void
pull_decode_ahead(void **state)
{
	size_t n = 1000, i, stop;
	const char **recs = xcalloc(n, sizeof *recs);
	int64_t *seqs = xcalloc(n, sizeof *seqs), seq;
	char(*text)[256] = xcalloc(n, sizeof *text);
	struct sync_page pg;
	struct sync_decode *d;
	struct syncrec *r;
	struct pd_err err;
	char *body, want[32];

	(void)state;
	for (i = 0; i < n; i++) {
		snprintf(text[i], sizeof text[i],
		    "{\"v\":1,\"kind\":\"verify\",\"uuid\":"
		    "\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"terminal\":"
		    "\"T01\",\"at\":\"2026-11-23 10:00:00\",\"data\":{"
		    "\"payment_uuid\":\"p\",\"verified_by\":\"U%zu\"}}",
		    i);
		/* entry 700 does not decode */
		if (i == 700)
			strcpy(text[i], "{\"v\":1,\"kind\":\"verify\"}");
		recs[i] = text[i];
		seqs[i] = 10 + (int64_t)i;
	}
	body = sync_page_encode(10 + (int64_t)n, 0, seqs, recs, n);
	assert_int_equal(sync_page_decode(body, strlen(body), &pg, &err), 0);
	/* to the record that does not decode, twice (a careful apply
	 * decodes the page again), then ended early at 3 points */
	for (stop = 0; stop < 5; stop++) {
		size_t last = stop < 2 ? n : (size_t[]){0, 15, 300}[stop - 2];

		d = sync_decode_start(&pg);
		for (i = 0; i < last; i++) {
			if (sync_decode_next(d, i, &seq, &r, &err) != 0)
				break;
			assert_int_equal(seq, 10 + (int64_t)i);
			snprintf(want, sizeof want, "U%zu", i);
			assert_string_equal(r->by, want);
			syncrec_free(r);
			sync_decode_taken(d);
		}
		if (stop < 2) {
			assert_int_equal(i, 700);
			assert_non_null(strstr(err.msg, "Entry 710"));
		} else
			assert_int_equal(i, last);
		sync_decode_end(d);
	}
	sync_page_free(&pg);
	free(body);
	/* a page of one record: decoded where it is taken */
	body = sync_page_encode(11, 0, seqs, recs, 1);
	assert_int_equal(sync_page_decode(body, strlen(body), &pg, &err), 0);
	d = sync_decode_start(&pg);
	assert_int_equal(sync_decode_next(d, 0, &seq, &r, &err), 0);
	assert_string_equal(r->by, "U0");
	syncrec_free(r);
	sync_decode_taken(d);
	sync_decode_end(d);
	sync_page_free(&pg);
	free(body);
	free(text);
	free(seqs);
	free(recs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(pull_decode_ahead),
	    cmocka_unit_test_setup_teardown(cash_with_change, setup, teardown),
	    cmocka_unit_test_setup_teardown(consumer_find, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        partial_over_two_bills, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        overpayment_credit_note, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        threshold_and_bad_input_change_nothing, setup, teardown),
	    cmocka_unit_test_setup_teardown(void_reverses, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        online_pending_then_verified, setup, teardown),
	    cmocka_unit_test_setup_teardown(credit_note_rules, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        numbering_and_audit_chain, setup, teardown),
	    cmocka_unit_test_setup_teardown(login_lockout, setup, teardown),
	    cmocka_unit_test_setup_teardown(kpis, setup, teardown),
	    cmocka_unit_test_setup_teardown(config_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(search, setup, teardown),
	    cmocka_unit_test_setup_teardown(checkpoint_apart, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        ledger_credit_note_built, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        ledger_payment_invariants, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        ledger_allocation_settles, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        ledger_credit_application, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        credit_quote_refusals, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        received_zero_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(count_formats, setup, teardown),
	    cmocka_unit_test_setup_teardown(local_formats, setup, teardown),
	    cmocka_unit_test_setup_teardown(tamper_seen, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        anchor_kept_only_forward, setup, teardown),
	    cmocka_unit_test_setup_teardown(search_pages, setup, teardown),
	    cmocka_unit_test_setup_teardown(method_pages, setup, teardown),
	    cmocka_unit_test_setup_teardown(seals_carried, setup, teardown),
	    cmocka_unit_test_setup_teardown(payers_org, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        outbox_set_in_order, setup, teardown),
	};

	return cmocka_run_group_tests_name("service", tests, NULL, NULL);
}
