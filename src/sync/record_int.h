/* record_int.h - what record.c and record_field.c share: the type of a
 * field and a kind's field table, and the table-driven codec of one
 * table's fields; not a public header. */
#ifndef PAYDESK_SYNC_RECORD_INT_H
#define PAYDESK_SYNC_RECORD_INT_H
#include <stddef.h>

#include <jansson.h>

#include "paydesk/syncrec.h"

/* Field types. */
enum ftype {
	F_STR,      /* text, at most size - 1 bytes, no control characters */
	F_TEXT,     /* like F_STR, newlines and tabs allowed */
	F_DATE,     /* YYYY-MM-DD */
	F_TS,       /* YYYY-MM-DD HH:MM:SS */
	F_INT,      /* int64_t */
	F_SMALL,    /* int, 0..1000000 */
	F_BOOL,     /* int 0/1 */
	F_PAYTYPE,  /* enum pay_type as "Bill" */
	F_ITEMKIND, /* enum pay_type as "bill" */
	F_STATUS,   /* enum pay_status */
	F_MKIND,    /* enum method_kind */
	F_ROLE,     /* enum role */
	F_REF,      /* a payment reference (payref_check), left out if "" */
	F_MOVEKIND, /* enum shift_move_kind */
	F_GWSTATUS, /* enum gw_status as "succeeded" (never "unknown") */
	F_ALLOC,    /* an allocation rule's name (alloc_rule_name), left out
	               if "" (a payment of before the rules: oldest) */
	F_DAY,      /* YYYY-MM-DD, left out if "" (an item's entry day: a
	               record of a node of before it has none) */
	F_UUID      /* another record's uuid (uuid_valid), left out if ""
	               (a payment's or a void's shift: none, or a node of
	               before it) */
};

struct field {
	const char *name;
	enum ftype type;
	size_t off;
	size_t size;
	/* 0 may be left out; 1 present and (a string) not empty; 2 present,
	 * a string that may be empty (a setting's value: "" is a rule off,
	 * paydesk.ini(5)) */
	int required;
};

/* A growing buffer of text (p NUL-terminated, n bytes; free p). */
struct sync_wbuf {
	char *p;
	size_t n, cap;
};
/* A member written beside a table's fields: its name and its value as
 * JSON text (len bytes). */
struct sync_extra {
	const char *name;
	const char *text;
	size_t len;
};
void sync_wb_put(struct sync_wbuf *b, const char *s, size_t n);
void sync_wb_lit(struct sync_wbuf *b, const char *s);
void sync_wb_int(struct sync_wbuf *b, long long v);
/* s as a JSON string, escaped as jansson's dump escapes it. */
void sync_wb_str(struct sync_wbuf *b, const char *s);
/* The fields of table f in r and the nx extras x as one JSON object,
 * the bytes of sync_dump(sync_encode_fields(f, r)) with the extras set
 * in it (record_write.c). */
void sync_write_fields(struct sync_wbuf *b, const struct field *f,
    const struct syncrec *r, const struct sync_extra *x, size_t nx);
/* o's canonical JSON (JSON_COMPACT | JSON_SORT_KEYS's bytes) appended
 * to b by a walk of the document (canon.c); -1, b as it was, when o is
 * not an object or holds what the walk leaves to jansson (a real). */
int sync_canon_write(struct sync_wbuf *b, const json_t *o);
/* An enum field's stored name. */
const char *sync_enum_name(enum ftype t, int v);
/* The fields of table f in r as a new JSON object. */
json_t *sync_encode_fields(const struct field *f, const struct syncrec *r);
/* A "YYYY-MM-DD HH:MM:SS" time checked, named what in the message. */
int sync_check_ts(const char *what, const char *s, struct pd_err *err);
/* Strict decoding: every member of o is a field of table f (NULL: none)
 * or one of the extra names (NULL-terminated, or NULL). where names o in
 * the message; NULL: the record itself, "record" in the user's language
 * (translated only when it is said: a pull decodes a million records). */
int sync_only_known(const struct field *f, const char *const *extra, json_t *o,
    const char *where, struct pd_err *err);
/* The fields of table f from object o into r, each typed and checked,
 * the required ones present; where names o in the messages. */
int sync_decode_fields(const struct field *f, const char *const *extra,
    json_t *o, const char *where, struct syncrec *r, struct pd_err *err);

#endif
