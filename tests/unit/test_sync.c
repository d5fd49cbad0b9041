/* test_sync.c - unit tests of the sync protocol (src/sync/record.c): every
 * kind encodes and decodes to the same fields, and bad records and bodies
 * are refused with a reason that names the field. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "paydesk/sha256.h"
#include "paydesk/syncrec.h"
#include "paydesk/xmalloc.h"
/* sync_encode_dom: the record through its jansson document */
#include "../../src/sync/internal.h"
/* sync_canon_write and its buffer */
#include "../../src/sync/record_int.h"

/* A record encoded, the text written straight equal to its document's
 * dump (issue 24: the pull writes records without the document). */
static char *
enc(const struct syncrec *r)
{
	char *direct = syncrec_encode(r), *dom = sync_encode_dom(r);

	assert_string_equal(direct, dom);
	free(dom);
	return direct;
}

static void
head(struct syncrec *r, enum syncrec_kind k)
{
	memset(r, 0, sizeof *r);
	r->kind = k;
	strcpy(r->uuid, "0f8fad5b-d9cb-469f-a165-70867728950e");
	strcpy(r->terminal, "T01");
	strcpy(r->branch, "B01");
	strcpy(r->at, "2026-11-23 10:00:00");
	strcpy(r->currency, "USD");
}

/* Text jansson escapes and text it leaves as it is, in a record of
 * every kind: the bytes written straight equal the document's (enc),
 * the payment with two allocations and a credit note, none, and
 * negative figures. */
static void
direct_bytes(void **state)
{
	static const char odd[] = "\x01\b\t\n\f\r\x1f \"q\" a\\b /x\x7f "
	                          "Jos\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x98\x80";
	struct syncrec r;
	char *json;
	int k;

	(void)state;
	for (k = 0; k < SR_KINDS; k++) {
		head(&r, (enum syncrec_kind)k);
		strcpy(r.terminal, odd);
		strcpy(r.consumer_uuid, odd);
		strcpy(r.c.name, odd);
		strcpy(r.c.account_no, "AC-1");
		strcpy(r.p.notes, odd);
		strcpy(r.p.reference, k % 2 ? odd : "");
		strcpy(r.it.ref, odd);
		r.it.amount = -5;
		r.p.amount = INT64_MIN;
		r.p.tendered = INT64_MAX;
		json = enc(&r);
		assert_non_null(strstr(json, "\\u0001\\b\\t\\n\\f\\r\\u001F"));
		free(json);
		if (k != SR_PAYMENT)
			continue;
		r.allocs = xcalloc(2, sizeof *r.allocs);
		r.nallocs = 2;
		strcpy(r.allocs[0].item.ref, odd);
		r.allocs[1].amount = -1;
		r.has_cn = 1;
		strcpy(r.cn.remarks, odd);
		r.cn.amount = 7;
		json = enc(&r);
		assert_non_null(strstr(json, "\"credit_note\":{"));
		free(json);
		r.has_cn = 0;
		r.nallocs = 0;
		json = enc(&r);
		assert_non_null(strstr(json, "\"allocations\":[]"));
		free(json);
		free(r.allocs);
	}
}

/* The canonical text of a parsed document, written by the walk
 * (sync_canon_write), is jansson's compact sorted dump of it, byte for
 * byte, and sync_record_hash its SHA-256 whichever writes it (issue 24:
 * the central node hashes every record of a push by the walk). want_walk
 * 0: the walk declines it (a real, nesting past its depth), jansson
 * writes it. */
static void
canon_check(json_t *o, int want_walk)
{
	struct sync_wbuf b = {NULL, 0, 0};
	char *dump = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	char want[65], got[65];

	assert_non_null(dump);
	sync_wb_lit(&b, "x"); /* appended after what the buffer holds */
	if (want_walk) {
		assert_int_equal(sync_canon_write(&b, o), 0);
		assert_string_equal(b.p + 1, dump);
	} else {
		assert_int_equal(sync_canon_write(&b, o), -1);
		assert_string_equal(b.p, "x");
	}
	sha256_hex(dump, strlen(dump), want);
	sync_record_hash(o, got);
	assert_string_equal(got, want);
	free(b.p);
	free(dump);
}

static json_t *
rand_value(unsigned *seed, int depth)
{
	static const char *const bits[] = {"a", "B", "\xc3\xa9", "\xe2\x80\xa8",
	    "\xf0\x9f\x98\x80", "\"", "\\", "/", "\x01", "\x1f", "\x7f", "\t",
	    "\n", " ", "z", "aa", "0", "_", "~", ""};
	char text[64] = "";
	json_t *v;
	int i, n, k = rand_r(seed) % (depth > 3 ? 4 : 7);

	switch (k) {
	case 0:
		return json_integer(
		    rand_r(seed) % 3 == 0
		        ? (json_int_t)rand_r(seed) * -977
		        : (rand_r(seed) % 2 ? INT64_MIN : INT64_MAX));
	case 1:
		return rand_r(seed) % 3
		           ? json_true()
		           : (rand_r(seed) % 2 ? json_false() : json_null());
	case 2:
	case 3:
		for (i = rand_r(seed) % 6; i > 0; i--)
			strcat(text, bits[rand_r(seed) % 20]);
		return json_string(text);
	case 4:
	case 5:
		v = json_object();
		/* past the walk's insertion sort (16) and stack (64) too */
		n = rand_r(seed) % 5 == 0 ? 70 + rand_r(seed) % 20
		                          : rand_r(seed) % 20;
		for (i = 0; i < n; i++) {
			text[0] = '\0';
			for (k = 1 + rand_r(seed) % 4; k > 0; k--)
				strcat(text, bits[rand_r(seed) % 20]);
			json_object_set_new(
			    v, text, rand_value(seed, depth + 1));
		}
		return v;
	default:
		v = json_array();
		for (i = rand_r(seed) % 5; i > 0; i--)
			json_array_append_new(v, rand_value(seed, depth + 1));
		return v;
	}
}

static void
canonical_walk(void **state)
{
	static const char *const docs[] = {"{}", "{\"a\":[]}",
	    "{\"b\":1,\"a\":{\"d\":[1,{\"z\":null,\"y\":true}],\"c\":false}}",
	    "{\"ab\":1,\"a\":2,\"a0\":\"x\\u0000y\"}",
	    "{\"\\u00e9\":\"\\u2028\",\"e\":\"\\ud83d\\ude00\",\"E\":\"/\"}",
	    "{\"n\":-9223372036854775808,\"m\":9223372036854775807,\"z\":0}"};
	unsigned seed = 24;
	json_t *o, *deep;
	size_t i;
	int d;

	(void)state;
	for (i = 0; i < sizeof docs / sizeof *docs; i++) {
		o = json_loads(docs[i], JSON_ALLOW_NUL, NULL);
		assert_non_null(o);
		/* a string holding a NUL (JSON_ALLOW_NUL; a push's
		 * parse refuses it): left to jansson */
		canon_check(o, i != 3);
		json_decref(o);
	}
	for (i = 0; i < 400; i++) {
		o = json_object();
		json_object_set_new(o, "data", rand_value(&seed, 0));
		json_object_set_new(o, "uuid", rand_value(&seed, 2));
		canon_check(o, 1);
		json_decref(o);
	}
	/* a real anywhere, nesting past the walk's depth: jansson's */
	o = json_pack("{s:[i,{s:f}]}", "a", 1, "r", 2.5);
	canon_check(o, 0);
	json_decref(o);
	o = json_object();
	deep = o;
	for (d = 0; d < 40; d++) {
		json_t *x = json_object();

		json_object_set_new(deep, "k", x);
		deep = x;
	}
	canon_check(o, 0);
	json_decref(o);
	/* not an object: no hash (its decode refuses it) */
	o = json_pack("[i]", 1);
	{
		struct sync_wbuf b = {NULL, 0, 0};
		char h[65];

		assert_int_equal(sync_canon_write(&b, o), -1);
		sync_record_hash(o, h);
		free(b.p);
	}
	json_decref(o);
}

static void
payment_round_trip(void **state)
{
	struct syncrec r, d;
	struct pd_err err;
	char *json, *again;

	(void)state;
	head(&r, SR_PAYMENT);
	strcpy(r.p.payment_no, "PAY-T01-2026-000001");
	strcpy(r.p.txn_no, "TXN-T01-2026-000001");
	strcpy(r.p.receipt_no, "R-T01-000001");
	strcpy(r.consumer_uuid, "1f8fad5b-d9cb-469f-a165-70867728950e");
	r.p.type = PAY_INSTALLMENT;
	strcpy(r.p.channel, "Walk-in");
	strcpy(r.p.method, "Cash");
	r.p.method_kind = METHOD_CASH;
	r.p.amount = 14550;
	r.p.tendered = 15000;
	r.p.change = 450;
	strcpy(r.p.paid_on, "2026-11-23");
	strcpy(r.p.notes, "line one\nJosé Núñez");
	strcpy(r.p.received_by, "Jane Smith");
	r.p.status = PS_PENDING;
	strcpy(r.p.created_at, "2026-11-23 10:00:00");
	strcpy(r.p.alloc_rule, "installments");
	r.allocs = xcalloc(1, sizeof *r.allocs);
	r.nallocs = 1;
	strcpy(r.allocs[0].item.uuid, "2f8fad5b-d9cb-469f-a165-70867728950e");
	strcpy(r.allocs[0].item.ref, "PP-1#2");
	r.allocs[0].amount = 14550;
	r.allocs[0].due_before = 20000;
	/* an allocation rule no terminal has is refused, naming it */
	strcpy(r.p.alloc_rule, "newest");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(
	    strstr(err.msg, "\"newest\" is not an allocation rule"));
	free(json);
	strcpy(r.p.alloc_rule, "installments");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.kind, SR_PAYMENT);
	assert_string_equal(d.p.alloc_rule, "installments");
	assert_string_equal(d.p.receipt_no, "R-T01-000001");
	assert_int_equal(d.p.type, PAY_INSTALLMENT);
	assert_int_equal(d.p.status, PS_PENDING);
	assert_int_equal(d.p.tendered, 15000);
	assert_string_equal(d.p.notes, "line one\nJosé Núñez");
	assert_int_equal(d.nallocs, 1);
	assert_int_equal(d.allocs[0].due_before, 20000);
	assert_string_equal(d.p.uuid, r.uuid);
	/* the decoded record encodes to the same text, and its hash is
	 * stable */
	again = enc(&d);
	assert_string_equal(again, json);
	assert_int_equal(strlen(d.hash), 64);
	{ /* the hash is SHA-256 of the canonical text (keys sorted,
	   * compact), as the central node has always kept it */
		json_t *o = json_loads(json, 0, NULL);
		char *canon = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
		char want[65];

		sha256_hex(canon, strlen(canon), want);
		assert_string_equal(d.hash, want);
		free(canon);
		json_decref(o);
	}
	syncrec_free(&d);
	assert_int_equal(syncrec_decode(again, strlen(again), &d, &err), 0);
	syncrec_free(&d);
	free(again);
	free(json);
	syncrec_free(&r);
}

static void
reference_round_trip(void **state)
{
	struct syncrec r, d;
	struct pd_err err;
	char *json;

	(void)state;
	head(&r, SR_ITEM);
	r.it.kind = PAY_SERVICE;
	strcpy(r.it.ref, "SRV-1");
	strcpy(r.consumer_uuid, "1f8fad5b-d9cb-469f-a165-70867728950e");
	r.it.amount = 7500;
	strcpy(r.it.issued_on, "2025-04-18");
	strcpy(r.it.due_on, "2025-04-18");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.it.kind, PAY_SERVICE);
	assert_string_equal(d.it.uuid, r.uuid);
	assert_int_equal(d.it.amount, 7500);
	/* no entry day (a node of before them): none sent, none read */
	assert_null(strstr(json, "entered_on"));
	assert_string_equal(d.it.entered_on, "");
	free(json);
	/* its entry day travels with it (review R23b); a malformed one is
	 * refused, naming the field */
	strcpy(r.it.entered_on, "2025-04-02");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_string_equal(d.it.entered_on, "2025-04-02");
	{
		static const char *const bad[] = {"2025-4-02", "2025-02-30",
		    "", "2025-04-02 10:00:00"};
		char *at = strstr(json, "\"2025-04-02\""), *b;
		size_t i;

		assert_non_null(at);
		for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			b = xasprintf("%.*s\"%s\"%s", (int)(at - json), json,
			    bad[i], at + strlen("\"2025-04-02\""));
			assert_int_equal(
			    syncrec_decode(b, strlen(b), &d, &err), -1);
			assert_non_null(strstr(err.msg, "entered_on"));
			free(b);
		}
	}
	free(json);
	head(&r, SR_USER);
	strcpy(r.u.username, "jane");
	strcpy(r.u.full_name, "Jane Smith");
	r.u.role = ROLE_SUPERVISOR;
	strcpy(r.u.pin_hash, "$y$j9T$x");
	r.u.active = 1;
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.u.role, ROLE_SUPERVISOR);
	assert_int_equal(d.u.active, 1);
	free(json);
}

/* A shift's close round-trips with its counts and tenders; its open and
 * a movement with theirs (issue 20). */
static void
shift_round_trip(void **state)
{
	struct shift_count c[2] = {
	    {"Cash", SHIFT_COUNT_DENOM, 5000, 3, 15000, ""},
	    {"Credit Card", SHIFT_COUNT_SLIP, 0, 4, 2500, "A1"}};
	struct shift_tender t = {.method = "Cash",
	    .kind = METHOD_CASH,
	    .npayments = 2,
	    .taken = 900,
	    .expected = 15500,
	    .counted = 15000,
	    .over_short = -500,
	    .reason = "Miscounted",
	    .approved_by = "mary"};
	struct syncrec r, d;
	struct pd_err err;
	char *json, *again;

	(void)state;
	head(&r, SR_SHIFT_CLOSE);
	strcpy(r.shift_uuid, "1f8fad5b-d9cb-469f-a165-70867728950e");
	strcpy(r.sh.z_no, "Z-T01-000001");
	strcpy(r.sh.closed_at, "2026-11-23 18:00:00");
	strcpy(r.sh.closed_by, "jane");
	strcpy(r.sh.signed_off_by, "mary");
	r.sh.float_kept = 10000;
	r.counts = c;
	r.ncounts = 2;
	r.tenders = &t;
	r.ntenders = 1;
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.kind, SR_SHIFT_CLOSE);
	assert_string_equal(d.sh.uuid, r.shift_uuid);
	assert_int_equal(d.ncounts, 2);
	assert_int_equal(d.counts[1].kind, SHIFT_COUNT_SLIP);
	assert_int_equal(d.counts[1].qty, 4);
	assert_string_equal(d.counts[1].ref, "A1");
	assert_int_equal(d.ntenders, 1);
	assert_int_equal(d.tenders[0].over_short, -500);
	assert_string_equal(d.tenders[0].approved_by, "mary");
	again = enc(&d);
	assert_string_equal(again, json);
	syncrec_free(&d);
	free(again);
	free(json);
	head(&r, SR_SHIFT_MOVE);
	strcpy(r.shift_uuid, "1f8fad5b-d9cb-469f-a165-70867728950e");
	r.mv.kind = SHIFT_SAFE_DROP;
	strcpy(r.mv.method, "Cash");
	r.mv.amount = 5000;
	strcpy(r.mv.reason, "Safe drop");
	strcpy(r.mv.at, "2026-11-23 12:00:00");
	json = enc(&r);
	assert_non_null(strstr(json, "\"kind\":\"safe_drop\""));
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.mv.kind, SHIFT_SAFE_DROP);
	assert_string_equal(d.mv.uuid, r.uuid);
	syncrec_free(&d);
	free(json);
}

/* The gateway kinds (issue 19): a pulled gateway payment and a pushed
 * association keep every field; a status the decoder does not know, or
 * "unknown" (kept at the central node only), is refused. */
static void
gateway_round_trip(void **state)
{
	struct syncrec r, d;
	struct pd_err err;
	char *json;

	(void)state;
	head(&r, SR_GW_PAYMENT);
	strcpy(r.gp.gateway, "mpesa");
	strcpy(r.gp.code, "QK1ABC");
	r.gp.status = GW_REFUNDED;
	strcpy(r.gp.webhook_status, "Refunded");
	strcpy(r.gp.candidates, "WU-1, WU-2");
	strcpy(r.gp.paid_at, "2026-11-30 14:30:00");
	r.gp.amount = 150050;
	r.gp.processing_tenths = 23;
	strcpy(r.payment_uuid, "2f8fad5b-d9cb-469f-a165-70867728950e");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.kind, SR_GW_PAYMENT);
	assert_int_equal(d.gp.status, GW_REFUNDED);
	assert_int_equal(d.gp.amount, 150050);
	assert_int_equal(d.gp.processing_tenths, 23);
	assert_string_equal(d.gp.candidates, "WU-1, WU-2");
	assert_string_equal(d.payment_uuid, r.payment_uuid);
	free(json);
	head(&r, SR_GW_ASSOC);
	strcpy(r.action, "associate");
	strcpy(r.gp.gateway, "mpesa");
	strcpy(r.gp.code, "QK1ABC");
	strcpy(r.consumer_uuid, "1f8fad5b-d9cb-469f-a165-70867728950e");
	strcpy(r.account_no, "WU-2");
	strcpy(r.reason, "Called in");
	strcpy(r.by, "Mary Johnson");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_string_equal(d.action, "associate");
	assert_string_equal(d.account_no, "WU-2");
	assert_string_equal(d.reason, "Called in");
	free(json);
}

/* A dispute's step (issue 21) survives the trip whole, its charge item
 * with it; a bad date is refused naming the field. */
static void
dispute_round_trip(void **state)
{
	struct syncrec r, d;
	struct pd_err err;
	char *json, *again, *p;

	(void)state;
	head(&r, SR_DISPUTE);
	strcpy(r.op, "uphold");
	strcpy(r.dsp.uuid, "1f8fad5b-d9cb-469f-a165-70867728950e");
	strcpy(r.dsp.dispute_no, "DP-T01-000003");
	strcpy(r.payment_uuid, "1f8fad5b-d9cb-469f-a165-70867728950f");
	strcpy(r.dsp.reason, "bounced-cheque");
	strcpy(r.dsp.opened_on, "2025-05-02");
	strcpy(r.dsp.due_on, "2025-06-01");
	strcpy(r.dsp.resolution, "void");
	strcpy(r.dsp.void_uuid, "1f8fad5b-d9cb-469f-a165-708677289510");
	strcpy(r.it.uuid, "1f8fad5b-d9cb-469f-a165-708677289511");
	strcpy(r.it.ref, "DP-T01-000003-CHG");
	strcpy(r.it.due_on, "2025-05-02");
	r.it.amount = 1500;
	r.dsp.disputed = 1234;
	strcpy(r.by, "Mary Johnson");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.kind, SR_DISPUTE);
	assert_string_equal(d.op, "uphold");
	assert_string_equal(d.dsp.dispute_no, "DP-T01-000003");
	assert_string_equal(d.dsp.void_uuid, r.dsp.void_uuid);
	assert_string_equal(d.it.ref, "DP-T01-000003-CHG");
	assert_int_equal(d.it.amount, 1500);
	/* what it disputes (review R21d, fault 3) */
	assert_int_equal(d.dsp.disputed, 1234);
	again = enc(&d);
	assert_string_equal(again, json);
	syncrec_free(&d);
	free(again);
	/* an older terminal's step says nothing of it: 0, the whole
	 * payment; a string where the amount goes is refused */
	p = strstr(json, ",\"disputed\":1234");
	assert_non_null(p);
	memmove(p, p + strlen(",\"disputed\":1234"),
	    strlen(p + strlen(",\"disputed\":1234")) + 1);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.dsp.disputed, 0);
	syncrec_free(&d);
	free(json);
	json = enc(&r);
	p = strstr(json, "\"disputed\":1234");
	memcpy(p, "\"disputed\":\"12\"", 15);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "disputed"));
	free(json);
	json = enc(&r);
	p = strstr(json, "\"due_on\":\"2025-06-01\"") + 10;
	memcpy(p, "2025-06-31", 10);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "due_on"));
	free(json);
}

/* An alert's step (issue 21): a raise with its terms, a note; the
 * cause and who are required, a bad raised_at refused naming it. */
static void
alert_round_trip(void **state)
{
	struct syncrec r, d;
	struct pd_err err;
	char *json, *again, *p;

	(void)state;
	head(&r, SR_ALERT);
	strcpy(r.op, "raise");
	strcpy(r.alert_cause,
	    "large-payment:1f8fad5b-d9cb-469f-a165-70867728950f");
	strcpy(r.alert_kind, "large-payment");
	strcpy(r.alert_ref, "R-T01-000007");
	strcpy(r.alert_due, "2025-07-02");
	r.alert_amount = 60000;
	r.alert_figure = -3;
	strcpy(r.alert_raised_at, "2025-07-02 12:00:00");
	strcpy(r.payment_uuid, "1f8fad5b-d9cb-469f-a165-70867728950f");
	strcpy(r.by, "Rita Ochoa");
	strcpy(r.by_user, "rita");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.kind, SR_ALERT);
	assert_string_equal(d.op, "raise");
	assert_string_equal(d.alert_cause, r.alert_cause);
	assert_int_equal(d.alert_amount, 60000);
	assert_int_equal(d.alert_figure, -3);
	assert_string_equal(d.by_user, "rita");
	again = enc(&d);
	assert_string_equal(again, json);
	syncrec_free(&d);
	free(again);
	p = strstr(json, "\"raised_at\":\"2025-07-02 12:00:00\"") + 13;
	memcpy(p, "2025-07-32", 10);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "raised_at"));
	free(json);
	head(&r, SR_ALERT);
	strcpy(r.op, "note");
	strcpy(r.alert_kind, "large-payment");
	strcpy(r.by, "Rita Ochoa");
	strcpy(r.by_user, "rita");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "cause"));
	free(json);
}

/* A deposit (issue 20): created with its lines, voided with none; a
 * create without lines, a void with some, an op that is none, a created
 * deposit whose uuid is not the record's, are refused. */
static void
deposit_round_trip(void **state)
{
	struct deposit_line l[2] = {
	    {"1f8fad5b-d9cb-469f-a165-70867728950e", "", "Cash", 5000},
	    {"1f8fad5b-d9cb-469f-a165-70867728950e", "", "Cheque", 3000}};
	struct deposit_cheque c;
	struct syncrec r, d;
	struct pd_err err;
	char *json, *again, *p;

	(void)state;
	head(&r, SR_DEPOSIT);
	strcpy(r.op, "create");
	strcpy(r.dep.uuid, r.uuid);
	strcpy(r.dep.slip_no, "BAG-1");
	strcpy(r.dep.account, "DE89");
	strcpy(r.dep.deposited_on, "2026-11-23");
	r.dep.amount = 8000;
	strcpy(r.by, "mary");
	r.dlines = l;
	r.ndlines = 2;
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.kind, SR_DEPOSIT);
	assert_int_equal(d.ndlines, 2);
	assert_string_equal(d.dlines[1].method, "Cheque");
	assert_int_equal(d.dlines[1].amount, 3000);
	assert_int_equal(d.dep.amount, 8000);
	again = enc(&d);
	assert_string_equal(again, json);
	syncrec_free(&d);
	free(again);
	/* and its cheques by number (issue 20), back as they went */
	memset(&c, 0, sizeof c);
	strcpy(c.shift_uuid, l[1].shift_uuid);
	strcpy(c.method, "Cheque");
	strcpy(c.number, "000777");
	c.amount = 3000;
	r.dcheques = &c;
	r.ndcheques = 1;
	again = enc(&r);
	assert_int_equal(syncrec_decode(again, strlen(again), &d, &err), 0);
	assert_int_equal(d.ndcheques, 1);
	assert_string_equal(d.dcheques[0].number, "000777");
	assert_int_equal(d.dcheques[0].amount, 3000);
	p = enc(&d);
	assert_string_equal(p, again);
	free(p);
	syncrec_free(&d);
	free(again);
	r.ndcheques = 0;
	/* the deposit's uuid is the record's */
	p = strstr(json, "\"deposit_uuid\":\"") + 16;
	*p = *p == 'a' ? 'b' : 'a';
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "deposit_uuid differs"));
	free(json);
	r.ndlines = 0;
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "\"lines\" must be an array of 1"));
	free(json);
	strcpy(r.op, "void");
	r.ndlines = 1;
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "must be empty"));
	free(json);
	/* a void's cheques too */
	r.ndlines = 0;
	r.ndcheques = 1;
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "\"cheques\" must be empty"));
	free(json);
	r.ndcheques = 0;
	r.ndlines = 0;
	strcpy(r.reason, "Wrong bag");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_string_equal(d.reason, "Wrong bag");
	syncrec_free(&d);
	free(json);
	/* a hand to the bank (issue 20): no lines, no cheques, by whom */
	strcpy(r.op, "hand");
	r.reason[0] = '\0';
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_string_equal(d.op, "hand");
	assert_int_equal(d.ndlines, 0);
	syncrec_free(&d);
	free(json);
	r.ndlines = 1;
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(
	    strstr(err.msg, "a void's or a hand's \"lines\" must be empty"));
	free(json);
	r.ndlines = 0;
	strcpy(r.op, "lose");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "create, hand or void"));
	free(json);
}

/* A bank statement (issue 20): a part of its lines round trip, a line
 * text that is not UTF-8 goes escaped; lines out of order, beyond
 * line_count or without their fields, and a match naming a deposit and
 * a gateway payment, or of another rule, are refused. */
static void
statement_round_trip(void **state)
{
	char r1[] = "DEPOSIT BAG-9", c1[] = "", t1[] = "Cash \xff", b1[] = "X1";
	char r2[] = "FEES", c2[] = "Bank", t2[] = "", b2[] = "";
	struct statement_line l[2] = {
	    {0, 3, "2026-11-23", "", 4000, r1, c1, t1, b1, 0, 0, 0, 0, "", NULL,
	        "", "", "", "", 0, 0, NULL, "", "", "", NULL, 0, 0, ""},
	    {0, 4, "2026-11-24", "2026-11-25", -500, r2, c2, t2, b2, 1, 0, 0, 0,
	        "", NULL, "", "", "", "", 0, 0, NULL, "", "", "", NULL, 0, 0,
	        ""}};
	struct syncrec r, d;
	struct pd_err err;
	char *json, *again, *p;

	(void)state;
	head(&r, SR_STATEMENT);
	strcpy(r.stmt.account, "DE89");
	strcpy(r.stmt.stmt_key, "id:S-1");
	strcpy(r.stmt.format, "camt053");
	strcpy(r.stmt.imported_by, "mary");
	r.stmt.nlines = 4;
	r.stmt.credits = 9000;
	r.stmt.debits = -500;
	r.stmt_first = 3;
	r.slines = l;
	r.nslines = 2;
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.kind, SR_STATEMENT);
	assert_int_equal(d.nslines, 2);
	assert_int_equal(d.slines[1].seq, 4);
	assert_int_equal(d.slines[1].amount, -500);
	assert_int_equal(d.slines[1].reversal, 1);
	assert_string_equal(d.slines[1].value, "2026-11-25");
	assert_string_equal(d.slines[0].text, "Cash \\xff");
	again = enc(&d);
	assert_string_equal(again, json);
	syncrec_free(&d);
	free(again);
	free(json);
	r.stmt_first = 4; /* lines 4 and 5 of 4 */
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "within line_count"));
	free(json);
	r.stmt_first = 2; /* line 3 where 2 is due */
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "it must be 2"));
	free(json);
	r.stmt_first = 3;
	json = enc(&r);
	p = strstr(json, "\"booking\"");
	memcpy(p, "\"bookinh\"", 9);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "needs seq, booking"));
	free(json);
	/* the central node's word on which copy is live (review R20c):
	 * round-trips; a line named without its statement's key, a key
	 * without a line, a line of its own statement refused */
	l[0].said = l[1].said = 1;
	l[1].dup_seq = 7;
	strcpy(l[1].dup_key, "id:S-0");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.slines[0].said, 1);
	assert_int_equal(d.slines[0].dup_seq, 0);
	assert_int_equal(d.slines[1].dup_seq, 7);
	assert_string_equal(d.slines[1].dup_key, "id:S-0");
	again = enc(&d);
	assert_string_equal(again, json);
	syncrec_free(&d);
	free(again);
	free(json);
	l[1].dup_key[0] = '\0'; /* a line without its statement's key */
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "dup_seq is 0"));
	free(json);
	strcpy(l[1].dup_key, "id:S-1"); /* its own statement's */
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "not of its own"));
	free(json);
	strcpy(l[1].dup_key, "S-0"); /* not a key */
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "dup_seq is 0"));
	free(json);
	l[1].dup_seq = 0; /* a key, and the line live */
	json = enc(&r);
	p = strstr(json, "\"dup_seq\":0");
	assert_non_null(p);
	again = xasprintf("%.*s\"dup_key\":\"id:S-0\",%s", (int)(p - json),
	    json, p);
	assert_int_equal(syncrec_decode(again, strlen(again), &d, &err), -1);
	assert_non_null(strstr(err.msg, "dup_seq is 0"));
	free(again);
	free(json);
	l[0].said = l[1].said = 0;
	/* a statement of no lines (a camt.053 of a day of no movement,
	 * helper bt5c): its header alone, lines [], round-trips; with
	 * totals, or from a line but 1, refused */
	r.stmt.nlines = 0;
	r.stmt.credits = r.stmt.debits = 0;
	r.stmt_first = 1;
	r.nslines = 0;
	json = enc(&r);
	assert_non_null(strstr(json, "\"lines\":[]"));
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.stmt.nlines, 0);
	assert_int_equal(d.nslines, 0);
	again = enc(&d);
	assert_string_equal(again, json);
	syncrec_free(&d);
	free(again);
	free(json);
	r.stmt.credits = 100;
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "a statement of no lines"));
	free(json);
	r.stmt.credits = 0;
	r.stmt_first = 2;
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "a statement of no lines"));
	free(json);

	head(&r, SR_STMT_MATCH);
	strcpy(r.op, "match");
	strcpy(r.stmt.account, "DE89");
	strcpy(r.stmt.stmt_key, "id:S-1");
	r.stmt_first = 3;
	strcpy(r.dep.uuid, "1f8fad5b-d9cb-469f-a165-70867728950e");
	strcpy(r.match_rule, "auto");
	strcpy(r.by, "mary");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.stmt_first, 3);
	assert_string_equal(d.match_rule, "auto");
	syncrec_free(&d);
	free(json);
	strcpy(r.gp.gateway, "mpesa");
	strcpy(r.gp.code, "QK1");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "names one deposit"));
	free(json);
	r.dep.uuid[0] = '\0'; /* a gateway payment by the deposits' rule */
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_non_null(strstr(err.msg, "rule \"auto\""));
	free(json);
	/* a gateway payment's unmatch decodes: the central node refuses
	 * it unless a supervisor made the match by hand (stmt_check.c) */
	strcpy(r.match_rule, "gateway");
	strcpy(r.op, "unmatch");
	json = enc(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_string_equal(d.op, "unmatch");
	syncrec_free(&d);
	free(json);
	/* a card day's match: its payments' uuids written straight too */
	{
		char pays[2][37] = {"2f8fad5b-d9cb-469f-a165-70867728950e",
		    "3f8fad5b-d9cb-469f-a165-70867728950e"};

		memset(r.gp.gateway, 0, sizeof r.gp.gateway);
		memset(r.gp.code, 0, sizeof r.gp.code);
		strcpy(r.op, "match");
		strcpy(r.match_rule, "card");
		strcpy(r.card_terminal, "T01");
		strcpy(r.card_day, "2026-11-22");
		r.card_count = 2;
		r.card_gross = 5000;
		r.card_payments = pays;
		r.ncard_payments = 2;
		json = enc(&r);
		assert_non_null(strstr(json, "\"payments\":[\"2f8fad5b-"));
		assert_int_equal(
		    syncrec_decode(json, strlen(json), &d, &err), 0);
		assert_int_equal(d.ncard_payments, 2);
		assert_string_equal(d.card_payments[1], pays[1]);
		syncrec_free(&d);
		free(json);
		r.card_payments = NULL;
		r.ncard_payments = 0;
	}
}

static void
bad(const char *json, const char *needle)
{
	struct syncrec d;
	struct pd_err err;

	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), -1);
	assert_int_equal(err.code, PD_EINVAL);
	if (strstr(err.msg, needle) == NULL)
		fail_msg("\"%s\" lacks \"%s\"", err.msg, needle);
}

#define HEAD                                                                   \
	"\"uuid\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"terminal\":"      \
	"\"T01\",\"at\":\"2026-11-23 10:00:00\""

static void
bad_records(void **state)
{
	(void)state;
	bad("{\"v\":1,", "Malformed JSON");
	bad("[]", "must be an object");
	bad("{\"kind\":\"void\"," HEAD "}", "protocol version");
	bad("{\"v\":7,\"kind\":\"void\"," HEAD "}", "version 7");
	bad("{\"v\":1,\"kind\":\"gateway_payment\"," HEAD
	    ",\"data\":{\"gateway\":\"g\",\"code\":\"c\",\"status\":"
	    "\"unknown\",\"amount\":1,\"paid_at\":\"2026-11-30 14:30:00\"}}",
	    "Field \"status\" has an unknown value");
	bad("{\"v\":1,\"kind\":\"gateway_payment\"," HEAD
	    ",\"data\":{\"gateway\":\"g\",\"code\":\"c\",\"status\":"
	    "\"Succeeded\",\"amount\":1,\"paid_at\":\"2026-11-30 14:30:00\"}}",
	    "Field \"status\" has an unknown value");
	bad("{\"v\":1,\"kind\":\"gateway_association\"," HEAD
	    ",\"data\":{\"action\":\"associate\",\"gateway\":\"g\","
	    "\"code\":\"c\",\"by\":\"Mary\"}}",
	    "field \"reason\" is missing");
	bad("{\"v\":1,\"kind\":\"gateway_association\"," HEAD
	    ",\"data\":{\"action\":\"associate\",\"gateway\":\"g\","
	    "\"code\":\"c\",\"by\":\"Mary\",\"reason\":\"r\","
	    "\"amount\":5}}",
	    "\"amount\" is not a field of this kind of record");
	/* a member of the record itself, not of its data, is named as
	 * the record's (sync_only_known's where NULL); one of data as
	 * data's */
	bad("{\"v\":1,\"kind\":\"void\"," HEAD ",\"tip\":1,\"data\":{}}",
	    "record: \"tip\" is not a field of this kind of record");
	bad("{\"v\":1,\"kind\":\"consumer\"," HEAD
	    ",\"extra\":\"x\",\"data\":{\"account_no\":\"A-1\"}}",
	    "record: \"extra\" is not a field of this kind of record");
	bad("{\"v\":1,\"kind\":\"void\"," HEAD ",\"data\":{\"tip\":1}}",
	    "data: \"tip\" is not a field of this kind of record");
	bad("{\"v\":1,\"kind\":\"planet\"," HEAD ",\"data\":{}}",
	    "Unknown record kind");
	bad("{\"v\":1,\"kind\":\"void\"," HEAD ",\"data\":{}}",
	    "\"payment_uuid\" is missing");
	bad("{\"v\":1,\"kind\":\"void\"," HEAD
	    ",\"data\":{\"payment_uuid\":5,\"reason\":\"x\",\"voided_by\":"
	    "\"y\"}}",
	    "\"payment_uuid\" must be a string");
	bad("{\"v\":1,\"kind\":\"credit_apply\"," HEAD
	    ",\"data\":{\"credit_note_uuid\":\"a\",\"item_ref\":\"b\","
	    "\"amount\":\"12\",\"applied_on\":\"2026-11-23\"}}",
	    "\"amount\" must be an integer");
	bad("{\"v\":1,\"kind\":\"credit_apply\"," HEAD
	    ",\"data\":{\"credit_note_uuid\":\"a\",\"item_ref\":\"b\","
	    "\"amount\":12,\"applied_on\":\"2026-02-30\"}}",
	    "not a YYYY-MM-DD date");
	bad("{\"v\":1,\"kind\":\"void\",\"uuid\":\"short\",\"terminal\":"
	    "\"T01\",\"at\":\"2026-11-23 10:00:00\",\"data\":{}}",
	    "not a UUID");
	bad("{\"v\":1,\"kind\":\"void\"," HEAD
	    ",\"data\":{\"payment_uuid\":\"a\\u0001\",\"reason\":\"x\","
	    "\"voided_by\":\"y\"}}",
	    "control character");
	bad("{\"v\":1,\"kind\":\"void\"," HEAD ",\"data\":{\"payment_uuid\":"
	    "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaa\",\"reason\":\"x\",\"voided_by\":\"y\"}}",
	    "the limit is 36");
	bad("{\"v\":1,\"v\":1}", "duplicate");
	/* shift records (issue 20): their arrays strict like allocations */
#define CLOSE_DATA                                                             \
	"\"shift_uuid\":\"a\",\"z_no\":\"Z-1\",\"closed_at\":"                 \
	"\"2026-11-23 18:00:00\",\"closed_by\":\"jane\",\"float_kept\":0"
	bad("{\"v\":1,\"kind\":\"shift_close\"," HEAD ",\"data\":{" CLOSE_DATA
	    ",\"counts\":[]}}",
	    "\"tenders\" is missing");
	bad("{\"v\":1,\"kind\":\"shift_close\"," HEAD ",\"data\":{" CLOSE_DATA
	    ",\"counts\":[{\"method\":\"Cash\",\"kind\":\"coin\","
	    "\"denomination\":1,\"qty\":1,\"amount\":1,\"ref\":\"\"}],"
	    "\"tenders\":[]}}",
	    "count line 1: unknown kind");
	bad("{\"v\":1,\"kind\":\"shift_close\"," HEAD ",\"data\":{" CLOSE_DATA
	    ",\"counts\":[],\"tenders\":[{\"method\":\"Cash\"}]}}",
	    "tender 1 needs method");
	bad("{\"v\":1,\"kind\":\"shift_close\"," HEAD ",\"data\":{" CLOSE_DATA
	    ",\"counts\":{},\"tenders\":[]}}",
	    "\"counts\" must be an array");
	bad("{\"v\":1,\"kind\":\"shift_movement\"," HEAD
	    ",\"data\":{\"shift_uuid\":\"a\",\"kind\":\"pay-in\",\"method\":"
	    "\"Cash\",\"amount\":1,\"reason\":\"x\",\"at\":"
	    "\"2026-11-23 10:00:00\"}}",
	    "\"kind\" has an unknown value");
#undef CLOSE_DATA
}

static void
push_envelope(void **state)
{
	const char *recs[2] = {
	    "{\"v\":1,\"kind\":\"verify\"," HEAD
	    ",\"data\":{\"payment_uuid\":\"p\",\"verified_by\":\"Mary\"}}",
	    "{\"v\":1,\"kind\":\"verify\"}"};
	struct sync_push p;
	static struct syncrec r, d;
	struct sync_result res[2];
	struct pd_err err;
	const char *uuids[2] = {"0f8fad5b-d9cb-469f-a165-70867728950e", ""};
	struct sync_result back[2];
	char *body, *ans;
	const char *bad_body = "{\"v\":1,\"terminal\":\"T01\"}";

	(void)state;
	body = sync_push_encode("T01", 7, recs, 2);
	assert_int_equal(sync_push_decode(body, strlen(body), &p, &err), 0);
	assert_string_equal(p.terminal, "T01");
	assert_int_equal(p.pending, 7);
	assert_int_equal(p.nrecs, 2);
	assert_int_equal(sync_push_record(&p, 0, &r, &err), 0);
	assert_int_equal(r.kind, SR_VERIFY);
	/* its hash, worked out with the envelope, is the record's own */
	assert_int_equal(strlen(r.hash), 64);
	assert_int_equal(syncrec_decode(recs[0], strlen(recs[0]), &d, &err), 0);
	assert_string_equal(r.hash, d.hash);
	syncrec_free(&d);
	syncrec_free(&r);
	/* the broken one fails alone, with why */
	assert_int_equal(sync_push_record(&p, 1, &r, &err), -1);
	assert_non_null(strstr(err.msg, "\"uuid\" is missing"));
	memset(res, 0, sizeof res);
	strcpy(res[0].uuid, uuids[0]);
	res[1].status = SYNC_REJECTED;
	strcpy(res[1].reason, err.msg);
	ans = sync_results_encode(res, 2);
	assert_int_equal(
	    sync_results_decode(ans, strlen(ans), uuids, 2, back, &err), 0);
	assert_int_equal(back[1].status, SYNC_REJECTED);
	/* an answer to other records is not taken */
	uuids[0] = "something else";
	assert_int_equal(
	    sync_results_decode(ans, strlen(ans), uuids, 2, back, &err), -1);
	free(ans);
	free(body);
	sync_push_free(&p);
	assert_int_equal(
	    sync_push_decode(bad_body, strlen(bad_body), &p, &err), -1);
	assert_non_null(strstr(err.msg, "records"));
}

static void
push_too_many(void **state)
{
	/* SYNC_PUSH_MAX + 1 and far more records: refused, and the count in
	 * the message is the push's (it was read from freed memory: the
	 * sanitizers and valgrind saw it, the message said 0) */
	const size_t counts[] = {SYNC_PUSH_MAX + 1, 3 * SYNC_PUSH_MAX};
	struct sync_push p;
	struct pd_err err;
	char want[64];

	(void)state;
	for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
		size_t n = counts[k], len = 64 + n * 3, at;
		char *body = xmalloc(len);

		at = (size_t)snprintf(
		    body, len, "{\"v\":1,\"terminal\":\"T01\",\"records\":[");
		for (size_t i = 0; i < n; i++)
			at += (size_t)snprintf(
			    body + at, len - at, "%s{}", i ? "," : "");
		snprintf(body + at, len - at, "]}");
		memset(&p, 0, sizeof p);
		assert_int_equal(
		    sync_push_decode(body, strlen(body), &p, &err), -1);
		snprintf(want, sizeof want, "%zu records in one push", n);
		assert_non_null(strstr(err.msg, want));
		free(body);
	}
}

static void page_envelope(void **state);

/* A pull page parsed into an arena by one thread (the terminal's
 * fetching thread, sync_pull.c), its entries read by another and the
 * page freed whole by a third (the next fetch), never json_decref'd. */
struct page_job {
	const char *body;
	struct sync_page pg;
	int rc;
};

static void *
page_parse(void *arg)
{
	struct page_job *j = arg;
	struct pd_err err;

	j->rc = sync_page_decode(j->body, strlen(j->body), &j->pg, &err);
	return NULL;
}

static void *
page_drop(void *arg)
{
	sync_page_free(arg);
	return NULL;
}

static void
page_arena(void)
{
	const char *one = "{\"v\":1,\"kind\":\"verify\"," HEAD
	                  ",\"data\":{\"payment_uuid\":\"p\","
	                  "\"verified_by\":\"Mary\"}}";
	size_t n = 3000, i;
	const char **recs = xcalloc(n, sizeof *recs);
	int64_t *seqs = xcalloc(n, sizeof *seqs), seq;
	static struct syncrec r;
	struct page_job j[2];
	struct pd_err err;
	pthread_t th;
	json_t *other;
	char *body;
	size_t spare;

	for (i = 0; i < n; i++) {
		recs[i] = one;
		seqs[i] = (int64_t)i + 1;
	}
	body = sync_page_encode((int64_t)n, 0, seqs, recs, n);
	for (i = 0; i < 2; i++) {
		memset(&j[i], 0, sizeof j[i]);
		j[i].body = body;
		assert_int_equal(
		    pthread_create(&th, NULL, page_parse, &j[i]), 0);
		assert_int_equal(pthread_join(th, NULL), 0);
		assert_int_equal(j[i].rc, 0);
		assert_non_null(j[i].pg.arena);
	}
	/* this thread's own jansson documents malloc'd and freed beside
	 * them, then every entry of the first read here */
	other = json_pack("{s:s}", "a", "b");
	json_decref(other);
	assert_int_equal(j[0].pg.n, n);
	for (i = 0; i < n; i++) {
		assert_int_equal(
		    sync_page_entry(&j[0].pg, i, &seq, &r, &err), 0);
		assert_int_equal(seq, (int64_t)i + 1);
		assert_string_equal(r.by, "Mary");
		syncrec_free(&r);
	}
	/* the first freed by another thread, the second here: their blocks
	 * kept for the next */
	spare = sync_arena_spare();
	assert_int_equal(pthread_create(&th, NULL, page_drop, &j[0].pg), 0);
	assert_int_equal(pthread_join(th, NULL), 0);
	assert_null(j[0].pg.doc);
	assert_true(sync_arena_spare() > spare);
	assert_int_equal(sync_page_entry(&j[1].pg, n - 1, &seq, &r, &err), 0);
	assert_int_equal(seq, (int64_t)n);
	syncrec_free(&r);
	sync_page_free(&j[1].pg);
	/* and a page parsed where the last was freed takes their blocks */
	spare = sync_arena_spare();
	page_parse(&j[0]);
	assert_int_equal(j[0].rc, 0);
	assert_true(sync_arena_spare() < spare);
	sync_page_free(&j[0].pg);
	assert_int_equal(sync_arena_spare(), spare);
	/* the refused pages again, each freed with its arena at once */
	page_envelope(NULL);
	assert_int_equal(sync_arena_spare(), spare);
	free(body);
	free(seqs);
	free(recs);
}

/* Pushes parsed into arenas (sync_json_arena_install, as the central
 * node's serve does; issue 24): the push tests again, two pushes' arenas
 * alive at once and freed in either order, a push of many blocks (each
 * record read back, its hash its text's), and jansson's other documents
 * malloc'd and freed as before beside them; then pull pages (as the
 * terminal's pull, page_arena). Run last: the install is for the
 * process. */
static void
push_arena(void **state)
{
	const char *one = "{\"v\":1,\"kind\":\"verify\"," HEAD
	                  ",\"data\":{\"payment_uuid\":\"p\","
	                  "\"verified_by\":\"Mary\"}}";
	size_t n = 3000, i;
	const char **recs = xcalloc(n, sizeof *recs);
	struct sync_push p, q;
	static struct syncrec r, d;
	struct pd_err err;
	json_t *other;
	char *body, *small, *big, *big1;
	size_t spare;

	sync_json_arena_install();
	sync_json_arena_install(); /* (once is enough; again is nothing) */
	push_envelope(state);
	push_too_many(state);
	for (i = 0; i < n; i++)
		recs[i] = one;
	body = sync_push_encode("T01", 0, recs, n);
	small = sync_push_encode("T02", 1, recs, 1);
	other = json_pack("{s:s}", "a", "b");
	assert_int_equal(sync_push_decode(body, strlen(body), &p, &err), 0);
	assert_non_null(p.arena);
	assert_int_equal(sync_push_decode(small, strlen(small), &q, &err), 0);
	json_decref(other);
	assert_int_equal(syncrec_decode(one, strlen(one), &d, &err), 0);
	/* the first freed first, then the second read whole */
	for (i = 0; i < n; i += 997) {
		assert_int_equal(sync_push_record(&p, i, &r, &err), 0);
		assert_string_equal(r.hash, d.hash);
		syncrec_free(&r);
	}
	sync_push_free(&p);
	assert_null(p.doc);
	assert_string_equal(q.terminal, "T02");
	assert_int_equal(sync_push_record(&q, 0, &r, &err), 0);
	assert_string_equal(r.hash, d.hash);
	syncrec_free(&r);
	/* and the other order */
	assert_int_equal(sync_push_decode(body, strlen(body), &p, &err), 0);
	sync_push_free(&q);
	assert_int_equal(sync_push_record(&p, n - 1, &r, &err), 0);
	assert_string_equal(r.hash, d.hash);
	syncrec_free(&r);
	sync_push_free(&p);
	/* their blocks kept, and the next push's parse takes them */
	spare = sync_arena_spare();
	assert_true(spare >= 2 * 256 * 1024);
	assert_int_equal(sync_push_decode(body, strlen(body), &p, &err), 0);
	assert_true(sync_arena_spare() < spare);
	assert_int_equal(sync_push_record(&p, n / 2, &r, &err), 0);
	assert_string_equal(r.hash, d.hash);
	syncrec_free(&r);
	sync_push_free(&p);
	assert_int_equal(sync_arena_spare(), spare);
	/* never more than 64 MiB kept: a push of a 20 MiB note twice over
	 * the limit of records parses into blocks larger than that */
	big = xmalloc(20u << 20);
	memset(big, 'x', (20u << 20) - 1);
	big[(20u << 20) - 1] = '\0';
	other = json_pack("{s:s}", "note", big);
	free(big);
	big = json_dumps(other, 0);
	json_decref(other);
	big1 = xmalloc(3 * strlen(big) + 64);
	sprintf(big1, "{\"v\":1,\"terminal\":\"T01\",\"records\":[%s,%s,%s]}",
	    big, big, big);
	free(big);
	assert_int_equal(sync_push_decode(big1, strlen(big1), &p, &err), 0);
	sync_push_free(&p);
	assert_true(sync_arena_spare() <= 64u << 20);
	assert_true(sync_arena_spare() >= spare);
	free(big1);
	syncrec_free(&d);
	free(body);
	free(small);
	free(recs);
	{ /* an anchor's links, decoded in an arena, are the node's own */
		struct sync_anchor in, out;
		char l0[] = "\x1f"
		            "1\x1f"
		            "a",
		     l1[] = "\x1f"
		            "2\x1f"
		            "b\xc3\xa9";
		char *links[2] = {l0, l1};
		char *text;

		memset(&in, 0, sizeof in);
		strcpy(in.terminal, "T01");
		in.has_head = 1;
		in.seq = 2;
		memset(in.hash, 'a', 64);
		in.nlinks = 2;
		in.links = links;
		text = sync_anchor_encode(&in);
		assert_int_equal(
		    sync_anchor_decode(text, strlen(text), &out, &err), 0);
		assert_int_equal(out.nlinks, 2);
		assert_string_equal(out.links[1], links[1]);
		assert_string_equal(out.hash, in.hash);
		sync_anchor_free(&out);
		/* refused, its document freed with its arena */
		text[strlen(text) - 1] = ',';
		assert_int_equal(
		    sync_anchor_decode(text, strlen(text), &out, &err), -1);
		sync_anchor_free(&out);
		free(text);
	}
	page_arena();
}

static void
page_envelope(void **state)
{
	const char *recs[1] = {"{\"v\":1,\"kind\":\"verify\"," HEAD
	                       ",\"data\":{\"payment_uuid\":\"p\","
	                       "\"verified_by\":\"Mary\"}}"};
	int64_t seqs[1] = {41}, seq;
	static struct syncrec r;
	struct sync_page pg;
	struct pd_err err;
	char *body;
	/* (the cursor was 1 before issue 18 part 2: a seq past the cursor
	 * is now refused with the page, not with its entry) */
	const char *broken =
	    "{\"v\":1,\"cursor\":2,\"more\":false,\"entries\":[{\"seq\":2,"
	    "\"record\":{\"v\":1}}]}";
	/* pages no central node sends: each refused whole, saying why */
	static const struct {
		const char *body, *why;
	} bad[] = {
	    {"{\"v\":1,\"cursor\":-1,\"more\":false,\"entries\":[]}",
	        "Cursor -1"},
	    {"{\"v\":1,\"cursor\":9007199254740992,\"more\":false,"
	     "\"entries\":[]}",
	        "Cursor 9007199254740992"},
	    {"{\"v\":1,\"cursor\":\"7\",\"more\":false,\"entries\":[]}",
	        "needs \"cursor\""},
	    {"{\"v\":1,\"cursor\":1,\"more\":false,\"entries\":[{\"seq\":2,"
	     "\"record\":{}}]}",
	        "seq 2 is not above"},
	    {"{\"v\":1,\"cursor\":9,\"more\":false,\"entries\":[{\"seq\":5,"
	     "\"record\":{}},{\"seq\":5,\"record\":{}}]}",
	        "Entry 2: seq 5"},
	    {"{\"v\":1,\"cursor\":9,\"more\":false,\"entries\":[{\"seq\":0,"
	     "\"record\":{}}]}",
	        "Entry 1: seq 0"},
	    {"{\"v\":1,\"cursor\":9,\"more\":false,\"entries\":[{\"seq\":3}]}",
	        "no record"},
	    {"<html><body>200 OK</body></html>", "Malformed JSON"},
	};
	size_t i;

	(void)state;
	body = sync_page_encode(42, 1, seqs, recs, 1);
	assert_int_equal(sync_page_decode(body, strlen(body), &pg, &err), 0);
	assert_int_equal(pg.cursor, 42);
	assert_int_equal(pg.more, 1);
	assert_int_equal(pg.n, 1);
	assert_int_equal(sync_page_entry(&pg, 0, &seq, &r, &err), 0);
	assert_int_equal(seq, 41);
	assert_string_equal(r.by, "Mary");
	syncrec_free(&r);
	sync_page_free(&pg);
	free(body);
	assert_int_equal(
	    sync_page_decode(broken, strlen(broken), &pg, &err), 0);
	assert_int_equal(sync_page_entry(&pg, 0, &seq, &r, &err), -1);
	assert_non_null(strstr(err.msg, "Entry 2"));
	sync_page_free(&pg);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(sync_page_decode(bad[i].body,
		                     strlen(bad[i].body), &pg, &err),
		    -1);
		if (strstr(err.msg, bad[i].why) == NULL)
			fail_msg("%s: %s", bad[i].body, err.msg);
		assert_null(pg.doc);
	}
}

/* An arrangement event (issue 21): its terms, moves and installments
 * come back the same; a move of 0, an installment without its due date,
 * a member the kind does not have and an unknown frequency are refused,
 * naming what was wrong. */
static void
arrangement_round_trip(void **state)
{
	struct syncrec r, d;
	struct pd_err err;
	char *json, *again, *bad;

	(void)state;
	head(&r, SR_ARRANGEMENT);
	strcpy(r.op, "create");
	strcpy(r.arr.uuid, "3f8fad5b-d9cb-469f-a165-70867728950e");
	strcpy(r.arr.plan_no, "AR-T01-000001");
	strcpy(r.consumer_uuid, "1f8fad5b-d9cb-469f-a165-70867728950e");
	r.arr.debt = 60034;
	r.arr.down = 10000;
	r.arr.n = 1;
	strcpy(r.arr_freq, "monthly");
	strcpy(r.arr.first_due, "2026-01-31");
	r.arr.grace_days = 3;
	r.arr.misses_allowed = 1;
	strcpy(r.reason, "Hardship: José");
	strcpy(r.by, "rita");
	strcpy(r.arr.created_on, "2026-11-23");
	strcpy(r.arr.created_at, "2026-11-23 10:00:00");
	r.moves = xcalloc(1, sizeof *r.moves);
	r.nmoves = 1;
	strcpy(r.moves[0].item_uuid, "2f8fad5b-d9cb-469f-a165-70867728950e");
	strcpy(r.moves[0].item_ref, "INV-A1");
	r.moves[0].amount = 60034;
	r.insts = xcalloc(1, sizeof *r.insts);
	r.ninsts = 1;
	strcpy(r.insts[0].uuid, "4f8fad5b-d9cb-469f-a165-70867728950e");
	strcpy(r.insts[0].ref, "AR-T01-000001#1");
	r.insts[0].inst_no = 1;
	r.insts[0].amount = 50034;
	strcpy(r.insts[0].due_on, "2026-01-31");
	json = enc(&r);
	syncrec_free(&r);
	assert_int_equal(syncrec_decode(json, strlen(json), &d, &err), 0);
	assert_int_equal(d.kind, SR_ARRANGEMENT);
	assert_string_equal(d.op, "create");
	assert_int_equal(d.arr.freq, ARR_MONTHLY);
	assert_int_equal(d.arr.debt, 60034);
	assert_int_equal(d.nmoves, 1);
	assert_int_equal(d.moves[0].amount, 60034);
	assert_int_equal(d.ninsts, 1);
	assert_string_equal(d.insts[0].plan_no, "AR-T01-000001");
	assert_string_equal(d.insts[0].due_on, "2026-01-31");
	assert_string_equal(d.insts[0].entered_on, "");
	assert_string_equal(d.arr.reason, "Hardship: José");
	again = enc(&d);
	assert_string_equal(again, json);
	/* an installment's entry day travels with it (review R23b) */
	assert_null(strstr(json, "entered_on"));
	strcpy(d.insts[0].entered_on, "2026-11-23");
	free(again);
	again = enc(&d);
	syncrec_free(&d);
	assert_int_equal(syncrec_decode(again, strlen(again), &d, &err), 0);
	assert_string_equal(d.insts[0].entered_on, "2026-11-23");
	syncrec_free(&d);
	{
		char *at = strstr(again, "\"2026-11-23\",\"inst_no\"");

		assert_non_null(at);
		bad = xasprintf("%.*s\"2026-11-31\"%s", (int)(at - again), again,
		    at + strlen("\"2026-11-23\""));
		assert_int_equal(syncrec_decode(bad, strlen(bad), &d, &err), -1);
		if (strstr(err.msg, "installment 1: entered_on \"2026-11-31\"") ==
		    NULL)
			fail_msg("\"%s\" lacks the entry day", err.msg);
		free(bad);
	}
	free(again);
	{
		static const struct {
			const char *from, *to, *needle;
		} cases[] = {
		    {"\"amount\":60034,\"item_ref\"",
		        "\"amount\":0,\"item_ref\"", "move 1"},
		    {"\"due_on\":\"2026-01-31\",", "", "installment 1"},
		    {"\"op\":", "\"extra\":1,\"op\":", "extra"},
		    {"\"monthly\"", "\"daily\"", "frequency"},
		};
		size_t i;

		for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			char *at = strstr(json, cases[i].from);

			assert_non_null(at);
			bad = xasprintf("%.*s%s%s", (int)(at - json), json,
			    cases[i].to, at + strlen(cases[i].from));
			assert_int_equal(
			    syncrec_decode(bad, strlen(bad), &d, &err), -1);
			if (strstr(err.msg, cases[i].needle) == NULL)
				fail_msg("\"%s\" lacks \"%s\"", err.msg,
				    cases[i].needle);
			free(bad);
		}
	}
	free(json);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(direct_bytes), cmocka_unit_test(canonical_walk),
	    cmocka_unit_test(payment_round_trip),
	    cmocka_unit_test(reference_round_trip),
	    cmocka_unit_test(shift_round_trip),
	    cmocka_unit_test(arrangement_round_trip),
	    cmocka_unit_test(gateway_round_trip),
	    cmocka_unit_test(deposit_round_trip),
	    cmocka_unit_test(dispute_round_trip),
	    cmocka_unit_test(alert_round_trip),
	    cmocka_unit_test(statement_round_trip),
	    cmocka_unit_test(bad_records), cmocka_unit_test(push_envelope),
	    cmocka_unit_test(push_too_many), cmocka_unit_test(page_envelope),
	    cmocka_unit_test(
	        push_arena), /* last: the install is for the process */
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
