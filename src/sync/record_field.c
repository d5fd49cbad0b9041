/* record_field.c - one kind's field table to JSON and back: each field
 * encoded by its type, and decoded with its checks (text size, UTF-8 and
 * control characters, dates and times, integers, enums by their stored
 * names), a member no field names refused. record.c holds the tables and
 * the record around them (its head, its kind's extras).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "paydesk/alloc.h"
#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/sha256.h"
#include "paydesk/search.h"
#include "paydesk/syncrec.h"
#include "paydesk/csv.h"
#include "paydesk/utf8.h"
#include "paydesk/uuid.h"
#include "paydesk/xmalloc.h"
#include "internal.h"
#include "record_int.h"
#include "paydesk/i18n.h"

/* ---- encoding ---- */

const char *
sync_enum_name(enum ftype t, int v)
{
	switch (t) {
	case F_PAYTYPE:
		return pay_type_name((enum pay_type)v);
	case F_ITEMKIND:
		return pay_type_kind((enum pay_type)v);
	case F_STATUS:
		return pay_status_name((enum pay_status)v);
	case F_MKIND:
		return method_kind_name((enum method_kind)v);
	case F_MOVEKIND:
		return shift_move_kind_name((enum shift_move_kind)v);
	case F_GWSTATUS:
		return gw_status_name((enum gw_status)v);
	default:
		return role_name((enum role)v);
	}
}

static json_t *
enum_json(enum ftype t, int v)
{
	return json_string(sync_enum_name(t, v));
}

json_t *
sync_encode_fields(const struct field *f, const struct syncrec *r)
{
	json_t *o = json_object();
	const char *base = (const char *)r;

	for (; f->name != NULL; f++) {
		const void *p = base + f->off;
		json_t *v;

		switch (f->type) {
		case F_REF:
		case F_ALLOC:
		case F_DAY:
		case F_UUID:
			/* none: the record a terminal without references
			 * (or rules, or entry days) would send */
			if (*(const char *)p == '\0')
				continue;
			/* fall through */
		case F_STR:
		case F_TEXT:
		case F_DATE:
		case F_TS:
			v = json_string((const char *)p);
			break;
		case F_INT:
			v = json_integer((json_int_t) * (const int64_t *)p);
			break;
		case F_SMALL:
			v = json_integer(*(const int *)p);
			break;
		case F_BOOL:
			v = json_boolean(*(const int *)p);
			break;
		default:
			v = enum_json(f->type, *(const int *)p);
			break;
		}
		/* a string that is not UTF-8 would make json_string NULL;
		 * the store keeps only checked text, so this is a bug */
		if (v == NULL)
			abort();
		json_object_set_new(o, f->name, v);
	}
	return o;
}

/* ---- decoding ---- */

int
sync_check_text(const char *what, const char *s, size_t size, int multiline,
    struct pd_err *err)
{
	const unsigned char *p;
	size_t len = strlen(s);

	if (len >= size)
		return pd_fail(err, PD_EINVAL,
		    _("Field \"%s\" is %zu bytes long; the limit is %zu"), what,
		    len, size - 1);
	if (!utf8_valid(s, len))
		return pd_fail(
		    err, PD_EINVAL, _("Field \"%s\" is not valid UTF-8"), what);
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if ((*p < 0x20 && !(multiline && (*p == '\n' || *p == '\t'))) ||
		    *p == 0x7f)
			return pd_fail(err, PD_EINVAL,
			    _("Field \"%s\" contains a control character"),
			    what);
	return 0;
}

int
sync_check_ts(const char *what, const char *s, struct pd_err *err)
{
	char day[11];
	int32_t d;
	int h, m, sec;
	char tail;

	if (strlen(s) != 19 || s[10] != ' ' ||
	    sscanf(s + 11, "%2d:%2d:%2d%c", &h, &m, &sec, &tail) != 3 ||
	    h > 23 || m > 59 || sec > 59 || h < 0 || m < 0 || sec < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Field \"%s\": \"%s\" is not a YYYY-MM-DD HH:MM:SS time"),
		    what, s);
	memcpy(day, s, 10);
	day[10] = '\0';
	if (date_parse(day, NULL, &d, NULL) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Field \"%s\": \"%s\" is not a valid date"), what, s);
	return 0;
}

static int
parse_enum(enum ftype t, const char *s)
{
	switch (t) {
	case F_PAYTYPE: {
		int v = pay_type_parse(s);

		/* the name, not the lower-case kind */
		return v >= 0 && strcmp(s, pay_type_name((enum pay_type)v)) == 0
		           ? v
		           : -1;
	}
	case F_ITEMKIND: {
		int v = pay_type_parse(s);

		/* an item is never "mixed": only a payment is */
		return v >= 0 && v != PAY_MIXED &&
		               strcmp(s, pay_type_kind((enum pay_type)v)) == 0
		           ? v
		           : -1;
	}
	case F_STATUS:
		return pay_status_parse(s);
	case F_MKIND:
		return method_kind_parse(s);
	case F_MOVEKIND: {
		int v = shift_move_kind_parse(s);

		/* the stored name, not the command line's spelling */
		return v >= 0 && strcmp(s, shift_move_kind_name(
		                               (enum shift_move_kind)v)) == 0
		           ? v
		           : -1;
	}
	case F_GWSTATUS: {
		enum gw_status g = gw_status_parse(s);

		return g != GW_UNKNOWN ? (int)g : -1;
	}
	default:
		return role_parse(s);
	}
}

/* A string field's value: a JSON string without NUL bytes. */
static int
field_string(
    const struct field *f, json_t *v, const char **s, struct pd_err *err)
{
	if (!json_is_string(v))
		return pd_fail(err, PD_EINVAL,
		    _("Field \"%s\" must be a string"), f->name);
	*s = json_string_value(v);
	if (strlen(*s) != json_string_length(v))
		return pd_fail(err, PD_EINVAL,
		    _("Field \"%s\" contains a NUL byte"), f->name);
	return 0;
}

static int
decode_field(
    const struct field *f, json_t *v, struct syncrec *r, struct pd_err *err)
{
	char *p = (char *)r + f->off;
	const char *s;
	int32_t d;
	int e;

	switch (f->type) {
	case F_STR:
	case F_TEXT:
	case F_DATE:
	case F_DAY:
	case F_TS:
	case F_UUID:
		if (field_string(f, v, &s, err) != 0)
			return -1;
		if (sync_check_text(
		        f->name, s, f->size, f->type == F_TEXT, err))
			return -1;
		if ((f->type == F_DATE || f->type == F_DAY) &&
		    (strlen(s) != 10 || date_parse(s, NULL, &d, NULL) != 0))
			return pd_fail(err, PD_EINVAL,
			    _("Field \"%s\": \"%s\" is not a YYYY-MM-DD date"),
			    f->name, s);
		if (f->type == F_TS && *s != '\0' &&
		    sync_check_ts(f->name, s, err))
			return -1;
		if (f->type == F_UUID && *s != '\0' && !uuid_valid(s))
			return pd_fail(err, PD_EINVAL,
			    _("Field \"%s\": \"%.40s\" is not a record's id"),
			    f->name, s);
		if (f->required == 1 && *s == '\0')
			return pd_fail(err, PD_EINVAL,
			    _("Field \"%s\" must not be empty"), f->name);
		memcpy(p, s, strlen(s) + 1);
		return 0;
	case F_REF:
		if (field_string(f, v, &s, err) != 0)
			return -1;
		if (*s != '\0' && payref_check(s, err) != 0) {
			pd_err_prefix(err, _("Field \"%s\": "), f->name);
			return -1;
		}
		xstrlcpy(p, s, f->size);
		return 0;
	case F_ALLOC:
		if (field_string(f, v, &s, err) != 0)
			return -1;
		if (alloc_rule_parse(s) < 0)
			return pd_fail(err, PD_EINVAL,
			    _("Field \"%s\": \"%.40s\" is not an allocation "
			      "rule (one of oldest, proportional, priority, "
			      "installments, bills, largest, hand; each but "
			      "installments and hand also with +)"),
			    f->name, s);
		xstrlcpy(p, s, f->size);
		return 0;
	case F_INT:
		if (!json_is_integer(v))
			return pd_fail(err, PD_EINVAL,
			    _("Field \"%s\" must be an integer (minor units)"),
			    f->name);
		*(int64_t *)p = (int64_t)json_integer_value(v);
		return 0;
	case F_SMALL:
		if (!json_is_integer(v) || json_integer_value(v) < 0 ||
		    json_integer_value(v) > 1000000)
			return pd_fail(err, PD_EINVAL,
			    _("Field \"%s\" must be an integer 0-1000000"),
			    f->name);
		*(int *)p = (int)json_integer_value(v);
		return 0;
	case F_BOOL:
		if (!json_is_boolean(v))
			return pd_fail(err, PD_EINVAL,
			    _("Field \"%s\" must be true or false"), f->name);
		*(int *)p = json_is_true(v);
		return 0;
	default:
		if (!json_is_string(v) ||
		    (e = parse_enum(f->type, json_string_value(v))) < 0)
			return pd_fail(err, PD_EINVAL,
			    _("Field \"%s\" has an unknown value"), f->name);
		*(int *)p = e;
		return 0;
	}
}

/* Whether name is a field of table f or one of the extra names. */
static int
known_field(const struct field *f, const char *const *extra, const char *name)
{
	for (; f != NULL && f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return 1;
	for (; extra != NULL && *extra != NULL; extra++)
		if (strcmp(*extra, name) == 0)
			return 1;
	return 0;
}

/* Strict decoding: every member of o is a field of its kind (a record
 * with a field its kind does not have is refused, naming it; issue 18,
 * part 1). */
int
sync_only_known(const struct field *f, const char *const *extra, json_t *o,
    const char *where, struct pd_err *err)
{
	const struct field *g;
	const char *const *x;
	const char *key;
	json_t *v;
	size_t n = 0;

	/* each name looked up in o (a hash) rather than each member of o
	 * compared with every name (a payment's 30 members with its 29
	 * names: 1.5% of the central node's CPU in a push): as many names
	 * in o as o has members, and o has no other (the names of a table
	 * and its extra are distinct) */
	for (g = f; g != NULL && g->name != NULL; g++)
		n += json_object_get(o, g->name) != NULL;
	for (x = extra; x != NULL && *x != NULL; x++)
		n += json_object_get(o, *x) != NULL;
	if (n == json_object_size(o))
		return 0;
	json_object_foreach(o, key, v)
	{
		if (!known_field(f, extra, key))
			return pd_fail(err, PD_EINVAL,
			    _("%s: \"%.40s\" is not a field of this kind of "
			      "record"),
			    where != NULL ? where : _("record"), key);
	}
	return 0;
}

int
sync_decode_fields(const struct field *f, const char *const *extra, json_t *o,
    const char *where, struct syncrec *r, struct pd_err *err)
{
	if (!json_is_object(o))
		return pd_fail(
		    err, PD_EINVAL, _("\"%s\" must be an object"), where);
	if (sync_only_known(f, extra, o, where, err) != 0)
		return -1;
	for (; f->name != NULL; f++) {
		json_t *v = json_object_get(o, f->name);

		if (v == NULL || json_is_null(v)) {
			if (f->required)
				return pd_fail(err, PD_EINVAL,
				    _("%s: field \"%s\" is missing"), where,
				    f->name);
			continue;
		}
		if (decode_field(f, v, r, err) != 0) {
			pd_err_prefix(err, "%s: ", where);
			return -1;
		}
	}
	return 0;
}
