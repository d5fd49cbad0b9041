/* fuzz_pull.c - libFuzzer harness for the pull envelope: the body of a
 * GET /v1/pull answer as a terminal reads it (sync_page_decode, then
 * sync_page_entry for each entry).
 *
 * Invariants: a refusal says why; a page taken has a cursor of 0 to
 * SYNC_CURSOR_MAX and seqs rising from first, from 1 to the cursor (issue
 * 18, part 2); an entry refused alone says why and
 * leaves nothing allocated; the entries that decode, encoded again into
 * a page (sync_page_encode) with their seqs, cursor and more, give a
 * page that decodes to the same seqs and record encodings. */
#include "fuzz.h"
#include "paydesk/syncrec.h"

/* Decode the re-encoded page and compare. */
static void
check_again(const char *body, const struct sync_page *first,
    const int64_t *seqs, char *const *enc, size_t n)
{
	struct sync_page p;
	struct syncrec r;
	struct pd_err err;
	int64_t seq;
	char *e;
	size_t i;

	fuzz_err_init(&err);
	if (sync_page_decode(body, strlen(body), &p, &err) != 0) {
		fprintf(stderr, "re-encoded page refused: %s\n", err.msg);
		fuzz_assert(!"a page's encoding decodes");
	}
	fuzz_assert(p.n == n);
	fuzz_assert(p.cursor == first->cursor);
	fuzz_assert(p.more == first->more);
	for (i = 0; i < n; i++) {
		fuzz_assert(sync_page_entry(&p, i, &seq, &r, &err) == 0);
		fuzz_assert(seq == seqs[i]);
		e = syncrec_encode(&r);
		fuzz_assert(strcmp(e, enc[i]) == 0);
		free(e);
		syncrec_free(&r);
	}
	sync_page_free(&p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sync_page p;
	struct syncrec r;
	struct pd_err err;
	int64_t seq = 0, *seqs;
	char **enc, *body;
	size_t i, n = 0;

	fuzz_err_init(&err);
	if (sync_page_decode((const char *)data, size, &p, &err) != 0) {
		fuzz_assert_err(&err);
		return 0;
	}
	fuzz_assert(p.cursor >= 0 && p.cursor <= SYNC_CURSOR_MAX);
	fuzz_assert(p.n <= SYNC_PULL_MAX);
	fuzz_assert(p.n == 0 ? p.first == 0 : p.first >= 1);
	enc = calloc(p.n + 1, sizeof *enc);
	seqs = calloc(p.n + 1, sizeof *seqs);
	for (i = 0; i < p.n; i++) {
		int64_t prev = i == 0 ? p.first - 1 : seq;

		fuzz_err_init(&err);
		if (sync_page_entry(&p, i, &seq, &r, &err) != 0) {
			fuzz_assert(seq > prev && seq <= p.cursor);
			fuzz_assert_err(&err);
			fuzz_assert(r.allocs == NULL);
			continue;
		}
		fuzz_assert(seq > prev && seq <= p.cursor);
		seqs[n] = seq;
		enc[n++] = syncrec_encode(&r);
		syncrec_free(&r);
	}
	body = sync_page_encode(
	    p.cursor, p.more, seqs, (const char *const *)enc, n);
	check_again(body, &p, seqs, enc, n);
	free(body);
	for (i = 0; i < n; i++)
		free(enc[i]);
	free(enc);
	free(seqs);
	sync_page_free(&p);
	return 0;
}
