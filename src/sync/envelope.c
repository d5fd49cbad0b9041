/* envelope.c - the sync protocol's bodies around records: a push and
 * its results, a pull page, an error. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/syncrec.h"
#include "paydesk/xmalloc.h"

const char *
sync_outcome_name(enum sync_outcome o)
{
	static const char *const n[] = {"applied", "duplicate", "rejected"};

	return (unsigned)o < 3 ? n[o] : "?";
}

/* Parse body as an object with "v" equal to the protocol version. */
static json_t *
load_body(const char *body, size_t len, struct pd_err *err)
{
	json_error_t je;
	json_t *o = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je), *v;

	if (o == NULL) {
		pd_fail(err, PD_EINVAL,
		    _("Malformed JSON at line %d, column %d: %s"), je.line,
		    je.column, je.text);
		return NULL;
	}
	if (!json_is_object(o)) {
		json_decref(o);
		pd_fail(err, PD_EINVAL, _("The body must be a JSON object"));
		return NULL;
	}
	v = json_object_get(o, "v");
	if (!json_is_integer(v) ||
	    json_integer_value(v) != SYNC_PROTOCOL_VERSION) {
		if (json_is_integer(v))
			pd_fail(err, PD_EINVAL,
			    _("Protocol version %lld is not supported (this "
			      "node speaks %d)"),
			    (long long)json_integer_value(v),
			    SYNC_PROTOCOL_VERSION);
		else if (v != NULL)
			pd_fail(err, PD_EINVAL,
			    _("Field \"v\" (the protocol version) must be an "
			      "integer"));
		else
			pd_fail(err, PD_EINVAL,
			    _("Field \"v\" (the protocol version) is missing"));
		json_decref(o);
		return NULL;
	}
	return o;
}

char *
sync_push_encode(const char *terminal, int64_t pending,
    const char *const *payloads, size_t n)
{
	/* the payloads are already canonical JSON: paste them in */
	size_t i, len = 128 + strlen(terminal);
	char *out, *p;

	for (i = 0; i < n; i++)
		len += strlen(payloads[i]) + 1;
	out = xmalloc(len);
	p = out + sprintf(out,
	              "{\"v\":%d,\"terminal\":\"%s\",\"pending\":%lld,"
	              "\"records\":[",
	              SYNC_PROTOCOL_VERSION, terminal, (long long)pending);
	for (i = 0; i < n; i++) {
		size_t l = strlen(payloads[i]);

		if (i > 0)
			*p++ = ',';
		memcpy(p, payloads[i], l);
		p += l;
	}
	strcpy(p, "]}");
	return out;
}

static int
push_decode(
    const char *body, size_t len, struct sync_push *out, struct pd_err *err)
{
	json_t *o = load_body(body, len, err), *recs, *x;

	memset(out, 0, sizeof *out);
	if (o == NULL)
		return -1;
	out->version = SYNC_PROTOCOL_VERSION;
	recs = json_object_get(o, "records");
	x = json_object_get(o, "pending");
	if (sync_head_str(o, "terminal", out->terminal, sizeof out->terminal, 1,
	        err) != 0) {
		json_decref(o);
		return -1;
	}
	if (!json_is_array(recs) || (x != NULL && !json_is_integer(x))) {
		json_decref(o);
		return pd_fail(err, PD_EINVAL,
		    _("A push needs a \"records\" array (and \"pending\", if "
		      "given, an integer)"));
	}
	if (json_array_size(recs) > SYNC_PUSH_MAX) {
		/* the size read before the document (and its array) is freed */
		size_t n = json_array_size(recs);

		json_decref(o);
		return pd_fail(err, PD_EINVAL,
		    ngettext("%zu record in one push; the limit is %d",
		        "%zu records in one push; the limit is %d",
		        (unsigned long)n),
		    n, SYNC_PUSH_MAX);
	}
	out->pending = x ? (int64_t)json_integer_value(x) : 0;
	if (out->pending < 0 || out->pending > SYNC_PENDING_MAX) {
		long long v = (long long)out->pending;

		json_decref(o);
		return pd_fail(err, PD_EINVAL,
		    _("\"pending\": %lld is not a count of records 0-%d"), v,
		    SYNC_PENDING_MAX);
	}
	out->nrecs = json_array_size(recs);
	out->doc = json_incref(recs);
	json_decref(o);
	return 0;
}

/* Each record's hash is worked out on a thread of its own (the hasher)
 * while the push's handler goes on to the store: its transaction begun,
 * what was applied before and the rows the payments name read
 * (sync_central.c), none of which needs a hash. The central node's work
 * on a push is one thread's otherwise, and the hashes were 5% of it in a
 * push of 100,000 payments (issue 22: 0.5 s; the second core mostly
 * idle, the terminal's work aside). The hasher only reads the document
 * (jansson's gets and iterators change nothing), allocates with malloc
 * (no arena is filling on its thread: arena.c) and writes only hashes;
 * the handler reads a hash (sync_push_record) or frees the document
 * (sync_push_free) only after hasher_wait. Without a thread the hashes
 * are worked out at once, as before. */
struct hasher {
	pthread_t th;
	const json_t *doc;
	size_t n;
	char (*hashes)[65];
};

static void *
hasher_run(void *arg)
{
	struct hasher *h = arg;

	for (size_t i = 0; i < h->n; i++)
		sync_record_hash(json_array_get(h->doc, i), h->hashes[i]);
	return NULL;
}

static void
hasher_start(struct sync_push *p)
{
	struct hasher *h = xmalloc(sizeof *h);

	h->doc = p->doc;
	h->n = p->nrecs;
	h->hashes = p->hashes;
	if (h->n > 1 && pthread_create(&h->th, NULL, hasher_run, h) == 0) {
		p->hasher = h;
		return;
	}
	hasher_run(h);
	free(h);
}

/* (p is the handler's; its hasher's pointer is cleared through a cast,
 * once, by the one thread that reads the push) */
static void
hasher_wait(const struct sync_push *p)
{
	struct hasher *h = p->hasher;

	if (h == NULL)
		return;
	pthread_join(h->th, NULL);
	free(h);
	((struct sync_push *)p)->hasher = NULL;
}

int
sync_push_decode(
    const char *body, size_t len, struct sync_push *out, struct pd_err *err)
{
	/* the document in an arena of its own (arena.c), freed whole by
	 * sync_push_free; a refused body's at once */
	struct sync_arena *a = sync_arena_new();

	sync_arena_fill(a);
	if (push_decode(body, len, out, err) != 0) {
		sync_arena_free(a);
		return -1;
	}
	sync_arena_fill(NULL);
	out->arena = a;
	out->hashes = xcalloc(out->nrecs + 1, sizeof *out->hashes);
	hasher_start(out);
	return 0;
}

const char *
sync_push_uuid(const struct sync_push *p, size_t i)
{
	const char *u = json_string_value(
	    json_object_get(json_array_get(p->doc, i), "uuid"));

	return u != NULL && strlen(u) == 36 ? u : NULL;
}

int
sync_push_record(
    const struct sync_push *p, size_t i, struct syncrec *r, struct pd_err *err)
{
	json_t *x = json_array_get(p->doc, i);
	const char *u;

	hasher_wait(p);
	if (sync_decode_json(x, r, 0, err) == 0) {
		memcpy(r->hash, p->hashes[i], sizeof r->hash);
		return 0;
	}
	syncrec_free(r);
	/* what decoded of the head is not the record's uuid unless it is
	 * one: a "uuid" of another length is none (found by fuzz_push) */
	r->uuid[0] = '\0';
	u = json_string_value(json_object_get(x, "uuid"));
	if (u != NULL && strlen(u) == 36)
		xstrlcpy(r->uuid, u, sizeof r->uuid);
	return -1;
}

size_t
sync_push_payment_keys(const struct sync_push *p, size_t i,
    const char **consumer, const char **items, size_t max)
{
	json_t *x = json_array_get(p->doc, i), *d, *al;
	const char *k = json_string_value(json_object_get(x, "kind")), *u;
	size_t j, n = 0;

	*consumer = NULL;
	if (k == NULL || strcmp(k, syncrec_kind_name(SR_PAYMENT)) != 0 ||
	    (d = json_object_get(x, "data")) == NULL)
		return 0;
	*consumer = json_string_value(json_object_get(d, "consumer_uuid"));
	al = json_object_get(d, "allocations");
	/* (past decode_allocs' limit the record is refused, unread) */
	for (j = 0; j < json_array_size(al) && j < 10000; j++)
		if ((u = json_string_value(json_object_get(
		         json_array_get(al, j), "item_uuid"))) != NULL &&
		    n++ < max)
			items[n - 1] = u;
	return n;
}

size_t
sync_push_payment_numbers(
    const struct sync_push *p, size_t i, const char *nums[4])
{
	json_t *x = json_array_get(p->doc, i), *d;
	const char *k = json_string_value(json_object_get(x, "kind"));
	static const char *const names[] = {
	    "payment_no", "txn_no", "receipt_no"};
	size_t j, n = 0;

	if (k == NULL || strcmp(k, syncrec_kind_name(SR_PAYMENT)) != 0 ||
	    (d = json_object_get(x, "data")) == NULL)
		return 0;
	for (j = 0; j < 3; j++)
		if ((nums[n] = json_string_value(
		         json_object_get(d, names[j]))) != NULL)
			n++;
	if ((nums[n] = json_string_value(json_object_get(
	         json_object_get(d, "credit_note"), "number"))) != NULL)
		n++;
	return n;
}

void
sync_push_free(struct sync_push *p)
{
	hasher_wait(p);
	json_decref(p->doc);
	sync_arena_free(p->arena);
	free(p->hashes);
	memset(p, 0, sizeof *p);
}

char *
sync_results_encode(const struct sync_result *r, size_t n)
{
	json_t *o = json_object(), *a = json_array();
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *x = json_pack("{s:s, s:s}", "uuid", r[i].uuid, "status",
		    sync_outcome_name(r[i].status));

		if (r[i].status == SYNC_REJECTED)
			json_object_set_new(
			    x, "reason", json_string(r[i].reason));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "v", json_integer(SYNC_PROTOCOL_VERSION));
	json_object_set_new(o, "results", a);
	return sync_dump(o);
}

int
sync_results_decode(const char *body, size_t len, const char *const *uuids,
    size_t n, struct sync_result *out, struct pd_err *err)
{
	json_t *o = load_body(body, len, err), *a, *x;
	size_t i;
	int rc = -1;

	if (o == NULL)
		return -1;
	a = json_object_get(o, "results");
	if (!json_is_array(a) || json_array_size(a) != n) {
		pd_fail(err, PD_EINVAL,
		    ngettext("The answer has %zu results for %zu record",
		        "The answer has %zu results for %zu records",
		        (unsigned long)n),
		    json_is_array(a) ? json_array_size(a) : 0, n);
		goto out;
	}
	json_array_foreach(a, i, x)
	{
		const char *u = NULL, *st = NULL, *why = "";

		if (json_unpack(x, "{s:s, s:s, s?s}", "uuid", &u, "status", &st,
		        "reason", &why) != 0 ||
		    strcmp(u, uuids[i]) != 0) {
			pd_fail(err, PD_EINVAL,
			    _("Result %zu does not answer record %s"), i + 1,
			    uuids[i]);
			goto out;
		}
		xstrlcpy(out[i].uuid, u, sizeof out[i].uuid);
		if (strcmp(st, "applied") == 0)
			out[i].status = SYNC_APPLIED;
		else if (strcmp(st, "duplicate") == 0)
			out[i].status = SYNC_DUPLICATE;
		else if (strcmp(st, "rejected") == 0)
			out[i].status = SYNC_REJECTED;
		else {
			pd_fail(err, PD_EINVAL,
			    _("Result %zu: unknown status %s"), i + 1, st);
			goto out;
		}
		xstrlcpy(out[i].reason, why, sizeof out[i].reason);
	}
	rc = 0;
out:
	json_decref(o);
	return rc;
}

char *
sync_page_encode(int64_t cursor, int more, const int64_t *seqs,
    const char *const *records, size_t n)
{
	size_t i, len = 96;
	char *out, *p;

	for (i = 0; i < n; i++)
		len += strlen(records[i]) + 48;
	out = xmalloc(len);
	p = out + sprintf(out,
	              "{\"v\":%d,\"cursor\":%lld,\"more\":%s,"
	              "\"entries\":[",
	              SYNC_PROTOCOL_VERSION, (long long)cursor,
	              more ? "true" : "false");
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s{\"seq\":%lld,\"record\":%s}", i ? "," : "",
		    (long long)seqs[i], records[i]);
	strcpy(p, "]}");
	return out;
}

static int
page_decode(
    const char *body, size_t len, struct sync_page *out, struct pd_err *err)
{
	json_t *o = load_body(body, len, err), *a, *x, *c, *m;
	size_t i, want;
	int64_t prev = 0;

	memset(out, 0, sizeof *out);
	if (o == NULL)
		return -1;
	a = json_object_get(o, "entries");
	c = json_object_get(o, "cursor");
	m = json_object_get(o, "more");
	if (!json_is_array(a) || !json_is_integer(c) || !json_is_boolean(m)) {
		json_decref(o);
		return pd_fail(err, PD_EINVAL,
		    _("A pull page needs \"cursor\", \"more\" and "
		      "\"entries\""));
	}
	out->cursor = (int64_t)json_integer_value(c);
	out->more = json_is_true(m);
	want = json_array_size(a);
	if (out->cursor < 0 || out->cursor > SYNC_CURSOR_MAX ||
	    want > SYNC_PULL_MAX) {
		json_decref(o);
		return pd_fail(err, PD_EINVAL,
		    _("Cursor %lld with %zu entries: a cursor is 0 to %lld, "
		      "a page holds at most %d entries"),
		    (long long)out->cursor, want, (long long)SYNC_CURSOR_MAX,
		    SYNC_PULL_MAX);
	}
	json_array_foreach(a, i, x)
	{
		json_t *q = json_object_get(x, "seq");
		int64_t seq = json_is_integer(q) ? json_integer_value(q) : 0;

		if (!json_is_integer(q) || !json_is_object(x) ||
		    json_object_get(x, "record") == NULL) {
			json_decref(o);
			return pd_fail(err, PD_EINVAL,
			    _("Entry %zu has no seq or no record"), i + 1);
		}
		if (seq < 1 || seq > out->cursor || seq <= prev) {
			json_decref(o);
			return pd_fail(err, PD_EINVAL,
			    _("Entry %zu: seq %lld is not above the one before "
			      "(%lld) and at most the cursor (%lld)"),
			    i + 1, (long long)seq, (long long)prev,
			    (long long)out->cursor);
		}
		if (i == 0)
			out->first = seq;
		prev = seq;
	}
	out->n = want;
	out->doc = json_incref(a);
	json_decref(o);
	return 0;
}

int
sync_page_decode(
    const char *body, size_t len, struct sync_page *out, struct pd_err *err)
{
	/* the document in an arena of its own (arena.c): the thread that
	 * fetched the page parses it, the applying thread reads it, and it
	 * is freed whole by sync_page_free, in whichever thread; a refused
	 * body's at once. jansson's malloc of each value and its free of
	 * them were a third of the fetching thread's CPU in a fresh
	 * terminal's pull of 1,000,000 consumers, glibc's consolidation
	 * with them (perf: json_delete 11.2% of the terminal's samples) */
	struct sync_arena *a = sync_arena_new();
	int rc;

	sync_arena_fill(a);
	rc = page_decode(body, len, out, err);
	sync_arena_fill(NULL);
	if (rc != 0) {
		sync_arena_free(a);
		return rc;
	}
	sync_arena_detach(a);
	out->arena = a;
	return 0;
}

int
sync_page_entry(const struct sync_page *p, size_t i, int64_t *seq,
    struct syncrec *r, struct pd_err *err)
{
	json_t *x = json_array_get(p->doc, i);

	*seq = (int64_t)json_integer_value(json_object_get(x, "seq"));
	/* a pulled record is applied by content: no hash needed */
	if (sync_decode_json(json_object_get(x, "record"), r, 0, err) == 0)
		return 0;
	pd_err_prefix(err, _("Entry %lld: "), (long long)*seq);
	syncrec_free(r);
	return -1;
}

void
sync_page_free(struct sync_page *p)
{
	/* in an arena: never json_decref'd, which would free its values
	 * in a thread that does not know the arena is theirs */
	if (p->arena != NULL)
		sync_arena_free(p->arena);
	else
		json_decref(p->doc);
	memset(p, 0, sizeof *p);
}

char *
sync_error_encode(const char *msg)
{
	return sync_dump(
	    json_pack("{s:i, s:s}", "v", SYNC_PROTOCOL_VERSION, "error", msg));
}

void
sync_error_decode(const char *body, size_t len, char *out, size_t n)
{
	json_t *o = json_loadb(body, len, 0, NULL);
	const char *e = json_string_value(json_object_get(o, "error"));

	xstrlcpy(out, e ? e : "", n);
	json_decref(o);
}

char *
sync_anchor_encode(const struct sync_anchor *a)
{
	json_t *o = json_pack(
	    "{s:i, s:s}", "v", SYNC_PROTOCOL_VERSION, "terminal", a->terminal);

	if (a->has_head) {
		json_object_set_new(o, "seq", json_integer(a->seq));
		json_object_set_new(o, "hash", json_string(a->hash));
	}
	if (a->reanchor && !a->has_head)
		json_object_set_new(o, "reanchor",
		    json_pack("{s:I}", "upto", (json_int_t)a->upto));
	else if (a->reanchor)
		json_object_set_new(o, "reanchor",
		    json_pack("{s:I, s:s, s:s}", "base", (json_int_t)a->base,
		        "by", a->by, "reason", a->reason));
	if (a->has_head && a->nlinks > 0) {
		json_t *l = json_array();
		size_t i;

		for (i = 0; i < a->nlinks; i++)
			json_array_append_new(l, json_string(a->links[i]));
		json_object_set_new(o, "links", l);
	}
	return sync_dump(o);
}

void
sync_anchor_free(struct sync_anchor *a)
{
	size_t i;

	for (i = 0; i < a->nlinks; i++)
		free(a->links[i]);
	free(a->links);
	a->links = NULL;
	a->nlinks = 0;
}

/* The "links" of an anchor request (sync_anchor): an array of at most
 * SYNC_ANCHOR_MAX_LINKS strings without NUL bytes, with a head only. */
static int
anchor_links(json_t *l, struct sync_anchor *out, struct pd_err *err)
{
	size_t i, n;

	if (l == NULL)
		return 0;
	if (!json_is_array(l) || !out->has_head ||
	    json_array_size(l) > SYNC_ANCHOR_MAX_LINKS)
		return pd_fail(err, PD_EINVAL,
		    _("Field \"links\" must be an array of at most %d "
		      "strings, beside \"seq\" and \"hash\""),
		    SYNC_ANCHOR_MAX_LINKS);
	n = json_array_size(l);
	for (i = 0; i < n; i++) {
		json_t *e = json_array_get(l, i);

		if (!json_is_string(e) ||
		    strlen(json_string_value(e)) != json_string_length(e))
			return pd_fail(err, PD_EINVAL,
			    _("Link %zu of \"links\" is not a string "
			      "without NUL bytes"),
			    i + 1);
	}
	out->links = xcalloc(n ? n : 1, sizeof *out->links);
	for (i = 0; i < n; i++)
		out->links[i] =
		    xstrdup(json_string_value(json_array_get(l, i)));
	out->nlinks = n;
	return 0;
}

/* A chain head's hash: 64 lowercase hex digits, or "" at sequence 0. */
static int
anchor_hash(const char *h, int64_t seq)
{
	size_t i;

	if (seq == 0)
		return h[0] == '\0';
	if (strlen(h) != 64)
		return 0;
	for (i = 0; i < 64; i++)
		if (!((h[i] >= '0' && h[i] <= '9') ||
		        (h[i] >= 'a' && h[i] <= 'f')))
			return 0;
	return 1;
}

/* "reanchor" (sync_anchor): {"upto": N} without a head, {"base": B,
 * "by", "reason"} with one (B below its seq). */
static int
anchor_reanchor(json_t *o, struct sync_anchor *out, struct pd_err *err)
{
	json_t *r = json_object_get(o, "reanchor"), *n;
	const char *key = out->has_head ? "base" : "upto";

	if (r == NULL)
		return 0;
	n = json_object_get(r, key);
	if (!json_is_object(r) || !json_is_integer(n) ||
	    json_integer_value(n) < 0 ||
	    json_object_size(r) != (out->has_head ? 3u : 1u) ||
	    (out->has_head && json_integer_value(n) >= out->seq))
		return pd_fail(err, PD_EINVAL,
		    _("Field \"reanchor\" must be {\"upto\": N} without a "
		      "head, or {\"base\": B, \"by\", \"reason\"} with one, B "
		      "below its \"seq\""));
	out->reanchor = 1;
	if (!out->has_head) {
		out->upto = (int64_t)json_integer_value(n);
		return 0;
	}
	out->base = (int64_t)json_integer_value(n);
	return sync_head_str(r, "by", out->by, sizeof out->by, 1, err) != 0 ||
	               sync_head_str(r, "reason", out->reason,
	                   sizeof out->reason, 1, err) != 0
	           ? -1
	           : 0;
}

static int
anchor_decode(
    const char *body, size_t len, struct sync_anchor *out, struct pd_err *err)
{
	json_t *o = load_body(body, len, err), *seq, *hash;
	int rc;

	memset(out, 0, sizeof *out);
	if (o == NULL)
		return -1;
	if (sync_head_str(o, "terminal", out->terminal, sizeof out->terminal, 1,
	        err) != 0) {
		json_decref(o);
		return -1;
	}
	seq = json_object_get(o, "seq");
	hash = json_object_get(o, "hash");
	if (seq == NULL && hash == NULL) {
		rc = anchor_links(json_object_get(o, "links"), out, err);
		if (rc == 0)
			rc = anchor_reanchor(o, out, err);
		json_decref(o);
		return rc;
	}
	if (!json_is_integer(seq) || json_integer_value(seq) < 0 ||
	    !json_is_string(hash) ||
	    !anchor_hash(json_string_value(hash), json_integer_value(seq))) {
		json_decref(o);
		return pd_fail(err, PD_EINVAL,
		    _("An audit head needs \"seq\", an integer of 0 or more, "
		      "and \"hash\", 64 lowercase hex digits (\"\" at 0)"));
	}
	out->has_head = 1;
	out->seq = (int64_t)json_integer_value(seq);
	xstrlcpy(out->hash, json_string_value(hash), sizeof out->hash);
	rc = anchor_links(json_object_get(o, "links"), out, err);
	if (rc == 0)
		rc = anchor_reanchor(o, out, err);
	json_decref(o);
	return rc;
}

int
sync_anchor_decode(
    const char *body, size_t len, struct sync_anchor *out, struct pd_err *err)
{
	/* its document (the push's audit links) in an arena, freed whole
	 * here with it (arena.c) */
	struct sync_arena *a = sync_arena_new();
	int rc;

	sync_arena_fill(a);
	rc = anchor_decode(body, len, out, err);
	sync_arena_free(a);
	return rc;
}

int
sync_status_currency(const char *body, size_t len, char code[4], int *digits,
    struct pd_err *err)
{
	json_t *o = load_body(body, len, err), *c, *d;
	int rc = 0;

	code[0] = '\0';
	*digits = -1;
	if (o == NULL)
		return -1;
	c = json_object_get(o, "currency");
	d = json_object_get(o, "minor_digits");
	if (c == NULL && d == NULL) {
		json_decref(o);
		return 0; /* a central node from before currencies */
	}
	if (!json_is_string(c) || strlen(json_string_value(c)) != 3 ||
	    !json_is_integer(d) || json_integer_value(d) < 0 ||
	    json_integer_value(d) > 3)
		rc = pd_fail(err, PD_EINVAL,
		    _("The central node's status needs \"currency\", three "
		      "letters, and \"minor_digits\", 0 to 3"));
	else {
		memcpy(code, json_string_value(c), 4);
		*digits = (int)json_integer_value(d);
	}
	json_decref(o);
	return rc;
}

int
sync_status_name(
    const char *body, size_t len, char *name, size_t n, struct pd_err *err)
{
	json_t *o = load_body(body, len, err), *v;
	int rc = 0;

	name[0] = '\0';
	if (o == NULL)
		return -1;
	v = json_object_get(o, "name");
	if (v != NULL &&
	    (!json_is_string(v) || json_string_length(v) == 0 ||
	        json_string_length(v) >= n ||
	        strlen(json_string_value(v)) != json_string_length(v)))
		rc = pd_fail(err, PD_EINVAL,
		    _("The central node's status needs \"name\", the "
		      "organisation's name, of 1 to %zu bytes"),
		    n - 1);
	else if (v != NULL)
		xstrlcpy(name, json_string_value(v), n);
	json_decref(o);
	return rc;
}
