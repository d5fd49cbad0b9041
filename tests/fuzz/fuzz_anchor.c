/* fuzz_anchor.c - libFuzzer harness for the audit head a terminal and the
 * central node exchange (POST /v1/anchor, sync_anchor_decode), read by
 * the central node from a terminal and by a terminal from the central
 * node (issue 18, section 7).
 *
 * Invariants: a refusal says why; a head that decodes has a terminal
 * name, a sequence of 0 or more and a hash of 64 lowercase hex digits
 * ("" at 0), all NUL-terminated, at most SYNC_ANCHOR_MAX_LINKS links
 * (with a head only), and encoded again (sync_anchor_encode)
 * decodes to the same head. */
#include "fuzz.h"
#include "paydesk/syncrec.h"

static void
check_head(const struct sync_anchor *a)
{
	size_t i, n;

	fuzz_assert(memchr(a->terminal, '\0', sizeof a->terminal) != NULL);
	fuzz_assert(a->terminal[0] != '\0');
	fuzz_assert(memchr(a->hash, '\0', sizeof a->hash) != NULL);
	if (!a->has_head)
		return;
	fuzz_assert(a->seq >= 0);
	n = strlen(a->hash);
	fuzz_assert(a->seq == 0 ? n == 0 : n == 64);
	for (i = 0; i < n; i++)
		fuzz_assert((a->hash[i] >= '0' && a->hash[i] <= '9') ||
		            (a->hash[i] >= 'a' && a->hash[i] <= 'f'));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sync_anchor a, back;
	struct pd_err err;
	size_t i;
	char *enc;

	fuzz_err_init(&err);
	if (sync_anchor_decode((const char *)data, size, &a, &err) != 0) {
		fuzz_assert_err(&err);
		sync_anchor_free(&a);
		return 0;
	}
	check_head(&a);
	enc = sync_anchor_encode(&a);
	fuzz_err_init(&err);
	if (sync_anchor_decode(enc, strlen(enc), &back, &err) != 0)
		fprintf(stderr, "re-encoded head refused: %s\n", err.msg);
	fuzz_assert(err.msg[0] == '\0');
	fuzz_assert(strcmp(back.terminal, a.terminal) == 0);
	fuzz_assert(back.has_head == a.has_head);
	fuzz_assert(back.seq == a.seq);
	fuzz_assert(strcmp(back.hash, a.hash) == 0);
	fuzz_assert(back.nlinks == a.nlinks);
	fuzz_assert(a.nlinks <= SYNC_ANCHOR_MAX_LINKS);
	for (i = 0; i < a.nlinks; i++)
		fuzz_assert(strcmp(back.links[i], a.links[i]) == 0);
	sync_anchor_free(&a);
	sync_anchor_free(&back);
	free(enc);
	return 0;
}
