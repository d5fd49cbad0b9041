/* fuzz_record.c - libFuzzer harness for syncrec_decode, the decoder of
 * one sync record (a push's records at the central node, a pull's at a
 * terminal, an outbox payload read back from the store).
 *
 * Invariants: a refusal says why; a record that decodes encodes to JSON
 * that decodes again, to the same encoding (decode -> encode -> decode
 * is stable) and the same identity; the encoding written straight is
 * the bytes of the record's jansson document (issue 24); a head field
 * never decodes to a string cut at a NUL byte the JSON text carried. */
#include <jansson.h>

#include "fuzz.h"
#include "paydesk/syncrec.h"
/* sync_encode_dom */
#include "../../src/sync/internal.h"

/* Whether the record's head field name is a JSON string holding NUL. */
static int
head_has_nul(const uint8_t *data, size_t size)
{
	static const char *const head[] = {
	    "uuid", "kind", "terminal", "branch", "at", "currency"};
	json_t *o = json_loadb((const char *)data, size, JSON_ALLOW_NUL, NULL);
	json_t *v;
	size_t i;
	int nul = 0;

	for (i = 0; o != NULL && i < sizeof head / sizeof head[0]; i++) {
		v = json_object_get(o, head[i]);
		if (json_is_string(v) &&
		    strlen(json_string_value(v)) != json_string_length(v))
			nul = 1;
	}
	json_decref(o);
	return nul;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct syncrec r, back;
	struct pd_err err;
	char *enc, *again;

	fuzz_err_init(&err);
	if (syncrec_decode((const char *)data, size, &r, &err) != 0) {
		fuzz_assert_err(&err);
		fuzz_assert(r.allocs == NULL);
		return 0;
	}
	fuzz_assert(!head_has_nul(data, size));
	fuzz_assert((int)r.kind >= 0 && r.kind < SR_KINDS);
	fuzz_assert(strlen(r.uuid) == 36);
	fuzz_assert(strlen(r.hash) == 64);
	enc = syncrec_encode(&r);
	fuzz_assert(enc != NULL);
	again = sync_encode_dom(&r);
	if (strcmp(again, enc) != 0) {
		fprintf(stderr, "written: %s\ndocument: %s\n", enc, again);
		fuzz_assert(!"the record written straight is its document");
	}
	free(again);
	fuzz_err_init(&err);
	if (syncrec_decode(enc, strlen(enc), &back, &err) != 0) {
		fprintf(stderr, "re-encoded record refused: %s\n%s\n", err.msg,
		    enc);
		fuzz_assert(!"a record's encoding decodes");
	}
	fuzz_assert(back.kind == r.kind);
	fuzz_assert(strcmp(back.uuid, r.uuid) == 0);
	fuzz_assert(back.nallocs == r.nallocs);
	again = syncrec_encode(&back);
	if (strcmp(again, enc) != 0) {
		fprintf(stderr, "first:  %s\nsecond: %s\n", enc, again);
		fuzz_assert(!"encode -> decode -> encode is stable");
	}
	free(again);
	free(enc);
	syncrec_free(&back);
	syncrec_free(&r);
	return 0;
}
