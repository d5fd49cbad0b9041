/* fuzz_results.c - libFuzzer harness for the answer to a push as a
 * terminal reads it (sync_results_decode): the results must answer
 * exactly the uuids sent, in order. The uuids sent are taken from the
 * input itself (so that matching answers reach the deeper checks), and
 * once more as an empty push and a push of one unrelated uuid.
 *
 * Invariants: a refusal says why; an answer that decodes has a known
 * status and a NUL-terminated reason for each uuid, and encoded again
 * (sync_results_encode) decodes to the same results. */
#include <jansson.h>

#include "fuzz.h"
#include "paydesk/syncrec.h"

/* Decode body against uuids; check what came out. */
static void
decode_against(
    const uint8_t *data, size_t size, const char *const *uuids, size_t n)
{
	struct sync_result *out = calloc(n + 1, sizeof *out), *back;
	struct pd_err err;
	char *enc;
	size_t i;

	fuzz_err_init(&err);
	if (sync_results_decode(
	        (const char *)data, size, uuids, n, out, &err) != 0) {
		fuzz_assert_err(&err);
		free(out);
		return;
	}
	for (i = 0; i < n; i++) {
		fuzz_assert(strncmp(out[i].uuid, uuids[i],
		                sizeof out[i].uuid - 1) == 0);
		fuzz_assert(out[i].status == SYNC_APPLIED ||
		            out[i].status == SYNC_DUPLICATE ||
		            out[i].status == SYNC_REJECTED);
		fuzz_assert(
		    memchr(out[i].reason, '\0', sizeof out[i].reason) != NULL);
	}
	for (i = 0; i < n; i++)
		if (strlen(uuids[i]) >= sizeof out[i].uuid) {
			/* a terminal's uuids are 36 characters: no more */
			free(out);
			return;
		}
	enc = sync_results_encode(out, n);
	back = calloc(n + 1, sizeof *back);
	fuzz_err_init(&err);
	if (sync_results_decode(enc, strlen(enc), uuids, n, back, &err) != 0)
		fprintf(stderr, "re-encoded results refused: %s\n", err.msg);
	/* an answer that decodes against these uuids names them exactly, so
	 * encoded again it answers them too */
	fuzz_assert(err.msg[0] == '\0');
	for (i = 0; i < n; i++) {
		fuzz_assert(back[i].status == out[i].status);
		fuzz_assert(out[i].status != SYNC_REJECTED ||
		            strcmp(back[i].reason, out[i].reason) == 0);
	}
	free(enc);
	free(back);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const one[] = {
	    "00000000-0000-7000-8000-000000000000"};
	json_t *o = json_loadb((const char *)data, size, 0, NULL), *a, *x;
	const char **uuids = NULL;
	size_t i, n = 0;

	decode_against(data, size, NULL, 0);
	decode_against(data, size, one, 1);
	a = json_object_get(o, "results");
	if (json_is_array(a) && json_array_size(a) <= 100000) {
		uuids = calloc(json_array_size(a) + 1, sizeof *uuids);
		json_array_foreach(a, i, x)
		{
			const char *u =
			    json_string_value(json_object_get(x, "uuid"));

			uuids[n++] = u != NULL ? u : "";
		}
		decode_against(data, size, uuids, n);
		free(uuids);
	}
	json_decref(o);
	return 0;
}
