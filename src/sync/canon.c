/* canon.c - a parsed record's canonical JSON text (compact, keys sorted:
 * the bytes of json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS)) written by
 * walking the document, for its hash (sync_record_hash). The central
 * node hashes every record a push carries; jansson's sorted dump was a
 * tenth of its CPU in a push (issue 24: 9.3% of paydesk-central's
 * samples, a key array sorted and a callback per token), and the walk
 * writes with record_write.c's writers, which a unit test holds to
 * jansson's bytes. What it does not write as jansson does (a real, a
 * string or key holding a NUL, nesting past CANON_DEPTH) it declines,
 * and the caller dumps with jansson.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "paydesk/xmalloc.h"
#include "internal.h"
#include "record_int.h"

/* Deeper than a record nests (its data, an array, an element's object):
 * past it jansson writes the whole record. */
#define CANON_DEPTH 32
/* Members of an object sorted on the stack; more on the heap. */
#define CANON_STACK 64

struct member {
	const char *key;
	json_t *v;
};

static int
cmp_member(const void *a, const void *b)
{
	return strcmp(
	    ((const struct member *)a)->key, ((const struct member *)b)->key);
}

static int canon_value(struct sync_wbuf *b, const json_t *v, int depth);

/* An object's members in strcmp order (JSON_SORT_KEYS: jansson 2.14
 * compares the bytes, then the lengths; no key holds a NUL here). */
static int
canon_object(struct sync_wbuf *b, const json_t *o, int depth)
{
	struct member stack[CANON_STACK], *m = stack, t;
	size_t n = json_object_size(o), i = 0, j;
	void *it;
	int rc = 0;

	if (n > CANON_STACK)
		m = xcalloc(n, sizeof *m);
	for (it = json_object_iter((json_t *)o); it != NULL && i < n;
	     it = json_object_iter_next((json_t *)o, it), i++) {
		m[i].key = json_object_iter_key(it);
		m[i].v = json_object_iter_value(it);
		if (strlen(m[i].key) != json_object_iter_key_len(it))
			rc = -1;
	}
	if (rc != 0 || i != n || it != NULL) {
		if (m != stack)
			free(m);
		return -1;
	}
	if (n > 16)
		qsort(m, n, sizeof *m, cmp_member);
	else
		for (i = 1; i < n; i++) {
			t = m[i];
			for (j = i; j > 0 && strcmp(m[j - 1].key, t.key) > 0;
			     j--)
				m[j] = m[j - 1];
			m[j] = t;
		}
	sync_wb_put(b, "{", 1);
	for (i = 0; i < n && rc == 0; i++) {
		if (i)
			sync_wb_put(b, ",", 1);
		sync_wb_str(b, m[i].key);
		sync_wb_put(b, ":", 1);
		rc = canon_value(b, m[i].v, depth + 1);
	}
	sync_wb_put(b, "}", 1);
	if (m != stack)
		free(m);
	return rc;
}

static int
canon_value(struct sync_wbuf *b, const json_t *v, int depth)
{
	size_t i, n;
	const char *s;

	if (depth > CANON_DEPTH)
		return -1;
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return canon_object(b, v, depth);
	case JSON_ARRAY:
		sync_wb_put(b, "[", 1);
		n = json_array_size(v);
		for (i = 0; i < n; i++) {
			if (i)
				sync_wb_put(b, ",", 1);
			if (canon_value(b, json_array_get(v, i), depth + 1) !=
			    0)
				return -1;
		}
		sync_wb_put(b, "]", 1);
		return 0;
	case JSON_STRING:
		s = json_string_value(v);
		if (strlen(s) != json_string_length(v))
			return -1; /* a NUL inside (JSON_ALLOW_NUL: never here)
			            */
		sync_wb_str(b, s);
		return 0;
	case JSON_INTEGER:
		sync_wb_int(b, (long long)json_integer_value(v));
		return 0;
	case JSON_TRUE:
		sync_wb_lit(b, "true");
		return 0;
	case JSON_FALSE:
		sync_wb_lit(b, "false");
		return 0;
	case JSON_NULL:
		sync_wb_lit(b, "null");
		return 0;
	default: /* a real: jansson's "%.17g" and its own rules */
		return -1;
	}
}

int
sync_canon_write(struct sync_wbuf *b, const json_t *o)
{
	size_t at = b->n;

	if (!json_is_object(o) || canon_value(b, o, 0) != 0) {
		b->n = at;
		if (b->p != NULL)
			b->p[at] = '\0';
		return -1;
	}
	return 0;
}
