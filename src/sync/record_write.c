/* record_write.c - a record's fields written straight to JSON text: the
 * bytes jansson's compact dump with sorted keys gives of the same
 * fields (sync_encode_fields, sync_dump), with no document built (issue
 * 24: building and dumping the document of each record was most of a
 * pull page's time at the central node). record.c writes the record
 * around them; a unit test holds the two ways to the same bytes.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paydesk/syncrec.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"
#include "record_int.h"

/* The most members an object written here has: the largest field table
 * and its extras. */
#define MEMBERS_MAX 64

void
sync_wb_put(struct sync_wbuf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (b->n + n + 1 > cap)
			cap *= 2;
		b->p = xrealloc(b->p, cap, 1);
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void
sync_wb_lit(struct sync_wbuf *b, const char *s)
{
	sync_wb_put(b, s, strlen(s));
}

void
sync_wb_int(struct sync_wbuf *b, long long v)
{
	/* snprintf's "%lld" by hand: a statement's match records write
	 * some 20 numbers each, 100,000 records (F20) */
	char t[24], *p = t + sizeof t;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
	                             : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	sync_wb_put(b, p, (size_t)(t + sizeof t - p));
}

/* s as a JSON string, escaped as jansson escapes it: the quote, the
 * backslash and the control characters only (as \b \f \n \r \t, or
 * \u00XX in capitals), everything else as it is (UTF-8). Text that is
 * not UTF-8 is a bug, as for json_string (sync_encode_fields). */
void
sync_wb_str(struct sync_wbuf *b, const char *s)
{
	size_t len = strlen(s), i, run = 0;
	unsigned high = 0;
	char esc[8];

	sync_wb_put(b, "\"", 1);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *e = NULL;

		high |= c;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		sync_wb_put(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"':
			e = "\\\"";
			break;
		case '\\':
			e = "\\\\";
			break;
		case '\b':
			e = "\\b";
			break;
		case '\f':
			e = "\\f";
			break;
		case '\n':
			e = "\\n";
			break;
		case '\r':
			e = "\\r";
			break;
		case '\t':
			e = "\\t";
			break;
		default:
			snprintf(esc, sizeof esc, "\\u%04X", c);
			e = esc;
			break;
		}
		sync_wb_lit(b, e);
	}
	sync_wb_put(b, s + run, len - run);
	sync_wb_put(b, "\"", 1);
	/* ASCII is UTF-8: the full check only for text beyond it */
	if ((high & 0x80) && !utf8_valid(s, len))
		abort();
}

/* One field's value. */
static void
field_value(struct sync_wbuf *b, const struct field *f, const void *p)
{
	switch (f->type) {
	case F_REF:
	case F_ALLOC:
	case F_STR:
	case F_TEXT:
	case F_DATE:
	case F_DAY:
	case F_UUID:
	case F_TS:
		sync_wb_str(b, (const char *)p);
		break;
	case F_INT:
		sync_wb_int(b, (long long)*(const int64_t *)p);
		break;
	case F_SMALL:
		sync_wb_int(b, *(const int *)p);
		break;
	case F_BOOL:
		sync_wb_lit(b, *(const int *)p ? "true" : "false");
		break;
	default:
		sync_wb_str(b, sync_enum_name(f->type, *(const int *)p));
		break;
	}
}

void
sync_write_fields(struct sync_wbuf *b, const struct field *f,
    const struct syncrec *r, const struct sync_extra *x, size_t nx)
{
	struct {
		const char *name;
		const struct field *f;
		const struct sync_extra *x;
	} m[MEMBERS_MAX], t;
	const char *base = (const char *)r;
	size_t n = 0, i, j;

	for (; f->name != NULL; f++) {
		/* none: left out, as sync_encode_fields leaves it */
		if ((f->type == F_REF || f->type == F_ALLOC ||
		        f->type == F_DAY || f->type == F_UUID) &&
		    *(base + f->off) == '\0')
			continue;
		if (n == MEMBERS_MAX)
			abort();
		m[n].name = f->name;
		m[n].f = f;
		m[n++].x = NULL;
	}
	for (i = 0; i < nx; i++) {
		if (n == MEMBERS_MAX)
			abort();
		m[n].name = x[i].name;
		m[n].f = NULL;
		m[n++].x = &x[i];
	}
	/* the keys in strcmp order, as JSON_SORT_KEYS dumps them */
	for (i = 1; i < n; i++) {
		t = m[i];
		for (j = i; j > 0 && strcmp(m[j - 1].name, t.name) > 0; j--)
			m[j] = m[j - 1];
		m[j] = t;
	}
	sync_wb_put(b, "{", 1);
	for (i = 0; i < n; i++) {
		if (i)
			sync_wb_put(b, ",", 1);
		sync_wb_str(b, m[i].name);
		sync_wb_put(b, ":", 1);
		if (m[i].f != NULL)
			field_value(b, m[i].f, base + m[i].f->off);
		else
			sync_wb_put(b, m[i].x->text, m[i].x->len);
	}
	sync_wb_put(b, "}", 1);
}
