/* fuzz_push.c - libFuzzer harness for the push envelope: the body of
 * POST /v1/push as the central node reads it (sync_push_decode, then
 * sync_push_record for each record), and an error body as a terminal
 * reads it (sync_error_decode).
 *
 * Invariants: a refusal says why; a record refused alone says why and
 * keeps at most a 36-byte uuid; the records that decode, encoded again
 * into a push (sync_push_encode), give a push of as many records, each
 * decoding to the same encoding and hash; the keys a batch's rows are
 * read by are a payment's as it decodes; an error message is always a
 * NUL-terminated string within its buffer. */
#include "fuzz.h"
#include "paydesk/syncrec.h"

/* Decode push body of len bytes again and compare with the encodings. */
static void
check_again(const char *body, const char *terminal, int64_t pending,
    char *const *enc, size_t n)
{
	struct sync_push p;
	struct syncrec r;
	struct pd_err err;
	char *e;
	size_t i;

	fuzz_err_init(&err);
	if (sync_push_decode(body, strlen(body), &p, &err) != 0) {
		fprintf(stderr, "re-encoded push refused: %s\n", err.msg);
		fuzz_assert(!"a push's encoding decodes");
	}
	fuzz_assert(p.nrecs == n);
	fuzz_assert(strcmp(p.terminal, terminal) == 0);
	fuzz_assert(p.pending == pending);
	for (i = 0; i < n; i++) {
		fuzz_assert(sync_push_record(&p, i, &r, &err) == 0);
		fuzz_assert(strlen(r.hash) == 64);
		e = syncrec_encode(&r);
		fuzz_assert(strcmp(e, enc[i]) == 0);
		free(e);
		syncrec_free(&r);
	}
	sync_push_free(&p);
}

/* The keys the central node reads a batch's rows by (the consumer and
 * items, the numbers: sync_push_payment_keys, sync_push_payment_numbers)
 * are record i's as it decodes into r (ok: it did), for a payment. */
static void
check_keys(const struct sync_push *p, size_t i, const struct syncrec *r, int ok)
{
	const char *c, *nums[4], **it;
	size_t n, k, j;

	k = sync_push_payment_numbers(p, i, nums);
	fuzz_assert(k <= 4);
	n = sync_push_payment_keys(p, i, &c, NULL, 0);
	it = calloc(n + 1, sizeof *it);
	fuzz_assert(sync_push_payment_keys(p, i, &c, it, n) == n);
	if (ok && r->kind == SR_PAYMENT) {
		fuzz_assert(c != NULL && strcmp(c, r->consumer_uuid) == 0);
		fuzz_assert(n == r->nallocs);
		for (j = 0; j < n; j++)
			fuzz_assert(strcmp(it[j], r->allocs[j].item.uuid) == 0);
		fuzz_assert(k == 3 + (r->has_cn != 0));
		fuzz_assert(strcmp(nums[0], r->p.payment_no) == 0 &&
		            strcmp(nums[1], r->p.txn_no) == 0 &&
		            strcmp(nums[2], r->p.receipt_no) == 0);
		fuzz_assert(!r->has_cn || strcmp(nums[3], r->cn.cn_no) == 0);
	} else if (ok)
		fuzz_assert(c == NULL && n == 0 && k == 0);
	free(it);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sync_push p;
	struct syncrec r;
	struct pd_err err;
	char **enc, msg[64], *body;
	size_t i, n = 0;

	memset(msg, 'x', sizeof msg);
	sync_error_decode((const char *)data, size, msg, sizeof msg);
	fuzz_assert(memchr(msg, '\0', sizeof msg) != NULL);

	fuzz_err_init(&err);
	if (sync_push_decode((const char *)data, size, &p, &err) != 0) {
		fuzz_assert_err(&err);
		return 0;
	}
	fuzz_assert(p.nrecs <= SYNC_PUSH_MAX);
	enc = calloc(p.nrecs + 1, sizeof *enc);
	for (i = 0; i < p.nrecs; i++) {
		fuzz_err_init(&err);
		if (sync_push_record(&p, i, &r, &err) != 0) {
			check_keys(&p, i, &r, 0);
			fuzz_assert_err(&err);
			fuzz_assert(r.allocs == NULL);
			fuzz_assert(
			    strlen(r.uuid) == 0 || strlen(r.uuid) == 36);
			continue;
		}
		fuzz_assert(strlen(r.hash) == 64);
		check_keys(&p, i, &r, 1);
		enc[n++] = syncrec_encode(&r);
		syncrec_free(&r);
	}
	body = sync_push_encode(
	    p.terminal, p.pending, (const char *const *)enc, n);
	check_again(body, p.terminal, p.pending, enc, n);
	free(body);
	for (i = 0; i < n; i++)
		free(enc[i]);
	free(enc);
	sync_push_free(&p);
	return 0;
}
