/* importer.c - CSV imports of reference data, all or nothing.
 *
 * TO ADD AN IMPORT KIND: a column list and a row function in kinds[]
 * below, the header in README.md and man/paydesk.1.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/csv.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

#define IMPORT_MAX_BYTES (512L * 1024 * 1024)

struct row_ctx {
	struct svc *s;
	const struct csv_row *row;
	const int *map; /* column index in the file of each expected field */
	const char *const *cols;
	int field;  /* field being checked, for the error position */
	int update; /* rows whose key exists update it, or must equal it */
	struct import_counts *n;
};

typedef int (*row_fn)(struct row_ctx *r, struct pd_err *err);

/* Field i of the row as the kind's columns are numbered ("" for an
 * optional column the file does not have). */
static const char *
F(struct row_ctx *r, int i)
{
	r->field = i;
	return r->map[i] >= 0 ? r->row->fields[r->map[i]] : "";
}

static int
need(struct row_ctx *r, int i, int maxlen, struct pd_err *err)
{
	const char *v = F(r, i);

	if (*v == '\0')
		return pd_fail(err, PD_EINVAL, _("A value is required"));
	return svc_check_text(_("Value"), v, maxlen, 1, err);
}

static int
opt(struct row_ctx *r, int i, int maxlen, struct pd_err *err)
{
	return svc_check_text(_("Value"), F(r, i), maxlen, 0, err);
}

static int
ref_chars(struct row_ctx *r, int i, int maxlen, struct pd_err *err)
{
	const char *v = F(r, i), *p;

	if (*v == '\0')
		return pd_fail(err, PD_EINVAL, _("A value is required"));
	if ((int)strlen(v) > maxlen)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" is longer than %d "
		      "characters"),
		    v, maxlen);
	for (p = v; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && strchr("-_/.#", *p) == NULL)
			return pd_fail(err, PD_EINVAL,
			    _("\"%s\": only letters, "
			      "digits and - _ / . # are allowed"),
			    v);
	return 0;
}

static int
amount(struct row_ctx *r, int i, int64_t *out, struct pd_err *err)
{
	if (money_parse(
	        F(r, i), r->s->cfg.minor_digits, _("Amount"), out, err) != 0)
		return -1;
	if (*out <= 0)
		return pd_fail(err, PD_EINVAL,
		    _("Amount must be greater than "
		      "zero"));
	return 0;
}

static int
date(struct row_ctx *r, int i, char out[11], struct pd_err *err)
{
	int32_t d;

	if (date_parse(F(r, i), _("Date"), &d, err) != 0)
		return -1;
	xstrlcpy(out, F(r, i), 11);
	return 0;
}

static int
consumer_of(struct row_ctx *r, int i, int64_t *id, struct pd_err *err)
{
	struct consumer c;

	if (ref_chars(r, i, 32, err) != 0)
		return -1;
	if (store_consumer_by_account(r->s->st, F(r, i), &c, err) != 0) {
		err->code = PD_EINVAL;
		return -1;
	}
	*id = c.id;
	return 0;
}

/* The first field of an issued item that the row would change, or
 * NULL. */
static const char *
item_differs(
    const struct item *a, const struct item *b, char *was, size_t n, int digits)
{
	if (a->consumer_id != b->consumer_id)
		return snprintf(was, n, "%s", _("another account")),
		       "account_no";
	if (a->amount != b->amount)
		return money_plain(was, n, b->amount, digits), "amount";
	if (strcmp(a->period, b->period) != 0)
		return snprintf(was, n, "\"%s\"", b->period), "period";
	if (strcmp(a->description, b->description) != 0)
		return snprintf(was, n, "\"%s\"", b->description),
		       "description";
	if (strcmp(a->issued_on, b->issued_on) != 0)
		return snprintf(was, n, "%s", b->issued_on), "issued_on";
	if (strcmp(a->due_on, b->due_on) != 0)
		return snprintf(was, n, "%s", b->due_on), "due_on";
	return NULL;
}

/* An item is a fact once issued: a row for one that exists is refused,
 * or with update skipped when it says the same (a credit note corrects an
 * issued bill, an import does not). */
static int
insert_item(
    struct row_ctx *r, struct item *it, int ref_field, struct pd_err *err)
{
	struct item old;
	struct pd_err e2;
	const char *what;
	char was[160];

	if (store_item_by_ref(r->s->st, it->ref, &old, &e2) != 0) {
		r->n->added++;
		return svc_item_insert(r->s, it, err);
	}
	r->field = ref_field;
	if (!r->update)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" already exists (--update skips rows equal to "
		      "what is stored)"),
		    it->ref);
	what = item_differs(it, &old, was, sizeof was, r->s->cfg.minor_digits);
	if (what != NULL)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" exists with %s %s; an issued item is not changed "
		      "by import (a credit note corrects it)"),
		    it->ref, what, was);
	r->n->unchanged++;
	return 0;
}

/* language is optional (the last column): see consumer_language */
static const char *const consumer_cols[] = {"account_no", "name",
    "service_address", "phone", "email", "segment", "language", NULL};

/* The language of the consumer's documents: "" (the organisation's), or
 * one paydesk has a catalogue for, or English, by the one rule of
 * i18n_lang_norm (ES, es-MX, es_MX.UTF-8 are kept as es). */
static int
consumer_language(struct row_ctx *r, char *out, size_t n, struct pd_err *err)
{
	const char *v = F(r, 6);
	char *known;

	if (*v == '\0')
		out[0] = '\0';
	else if (i18n_lang_norm(v, out, n) != 0) {
		known = i18n_langs();
		pd_fail(err, PD_EINVAL,
		    _("\"%s\" is not a language documents can be written in; "
		      "use one of %s (as ll, ll_CC, ll-CC or ll_CC.UTF-8, in "
		      "any case), or leave it empty for the organisation's"),
		    v, known);
		free(known);
		return -1;
	}
	return 0;
}

static int
row_consumer(struct row_ctx *r, struct pd_err *err)
{
	struct consumer c, old;
	struct pd_err e2;
	const char *p;

	memset(&c, 0, sizeof c);
	if (ref_chars(r, 0, 32, err) || need(r, 1, 128, err) ||
	    opt(r, 2, 256, err) || opt(r, 3, 32, err) || opt(r, 4, 128, err) ||
	    opt(r, 5, 32, err))
		return -1;
	for (p = F(r, 3); *p != '\0'; p++)
		if (!isdigit((unsigned char)*p) && strchr(" ()+-.", *p) == NULL)
			return pd_fail(err, PD_EINVAL,
			    _("Phone \"%s\": only "
			      "digits, spaces and ( ) + - . are allowed"),
			    F(r, 3));
	if (*F(r, 4) != '\0' &&
	    (strchr(F(r, 4), '@') == NULL || strchr(F(r, 4), ' ') != NULL))
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" is not an e-mail "
		      "address"),
		    F(r, 4));
	xstrlcpy(c.account_no, F(r, 0), sizeof c.account_no);
	xstrlcpy(c.name, F(r, 1), sizeof c.name);
	xstrlcpy(c.address, F(r, 2), sizeof c.address);
	xstrlcpy(c.phone, F(r, 3), sizeof c.phone);
	xstrlcpy(c.email, F(r, 4), sizeof c.email);
	xstrlcpy(c.segment, F(r, 5), sizeof c.segment);
	/* a segment is a name the filters compare (--segment Residential):
	 * "Residential " is that one, its spaces around dropped (R23) */
	{
		size_t n = strlen(c.segment), lead = 0;

		while (n > 0 && isspace((unsigned char)c.segment[n - 1]))
			c.segment[--n] = '\0';
		while (isspace((unsigned char)c.segment[lead]))
			lead++;
		memmove(c.segment, c.segment + lead, n - lead + 1);
	}
	if (consumer_language(r, c.language, sizeof c.language, err) != 0)
		return -1;
	if (store_consumer_by_account(r->s->st, c.account_no, &old, &e2) != 0) {
		r->n->added++;
		return store_consumer_insert(r->s->st, &c, err);
	}
	r->field = 0;
	if (!r->update)
		return pd_fail(err, PD_EINVAL,
		    _("Account \"%s\" already exists (--update changes it)"),
		    c.account_no);
	if (r->map[6] < 0) /* a file without the column keeps the language */
		xstrlcpy(c.language, old.language, sizeof c.language);
	c.id = old.id;
	xstrlcpy(c.uuid, old.uuid, sizeof c.uuid);
	if (strcmp(c.name, old.name) == 0 &&
	    strcmp(c.address, old.address) == 0 &&
	    strcmp(c.phone, old.phone) == 0 &&
	    strcmp(c.email, old.email) == 0 &&
	    strcmp(c.segment, old.segment) == 0 &&
	    strcmp(c.language, old.language) == 0) {
		r->n->unchanged++;
		return 0;
	}
	r->n->updated++;
	return store_consumer_update(r->s->st, &c, err);
}

static const char *const bill_cols[] = {"invoice_no", "account_no", "period",
    "amount", "issued_on", "due_on", NULL};

static int
row_bill(struct row_ctx *r, struct pd_err *err)
{
	struct item it;

	memset(&it, 0, sizeof it);
	it.kind = PAY_BILL;
	if (ref_chars(r, 0, 63, err) ||
	    consumer_of(r, 1, &it.consumer_id, err) || need(r, 2, 32, err) ||
	    amount(r, 3, &it.amount, err) || date(r, 4, it.issued_on, err) ||
	    date(r, 5, it.due_on, err))
		return -1;
	if (strcmp(it.due_on, it.issued_on) < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Due date %s is before the "
		      "issue date %s"),
		    it.due_on, it.issued_on);
	xstrlcpy(it.ref, F(r, 0), sizeof it.ref);
	xstrlcpy(it.period, F(r, 2), sizeof it.period);
	return insert_item(r, &it, 0, err);
}

static const char *const service_cols[] = {
    "ref", "account_no", "description", "amount", "service_date", NULL};

static int
row_service(struct row_ctx *r, struct pd_err *err)
{
	struct item it;

	memset(&it, 0, sizeof it);
	it.kind = PAY_SERVICE;
	if (ref_chars(r, 0, 63, err) ||
	    consumer_of(r, 1, &it.consumer_id, err) || need(r, 2, 128, err) ||
	    amount(r, 3, &it.amount, err) || date(r, 4, it.issued_on, err))
		return -1;
	/* a service charge is due on its service date */
	xstrlcpy(it.due_on, it.issued_on, sizeof it.due_on);
	xstrlcpy(it.ref, F(r, 0), sizeof it.ref);
	xstrlcpy(it.description, F(r, 2), sizeof it.description);
	return insert_item(r, &it, 0, err);
}

static const char *const installment_cols[] = {
    "plan_id", "account_no", "number", "amount", "due_on", NULL};

static int
row_installment(struct row_ctx *r, struct pd_err *err)
{
	struct item it;
	char *end;
	long n;

	memset(&it, 0, sizeof it);
	it.kind = PAY_INSTALLMENT;
	if (ref_chars(r, 0, 30, err) || consumer_of(r, 1, &it.consumer_id, err))
		return -1;
	errno = 0;
	n = strtol(F(r, 2), &end, 10);
	if (*F(r, 2) == '\0' || *end != '\0' || errno != 0 || n < 1 || n > 999)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" is not an installment "
		      "number from 1 to 999"),
		    F(r, 2));
	if (amount(r, 3, &it.amount, err) || date(r, 4, it.due_on, err))
		return -1;
	/* an installment is issued when it falls due */
	xstrlcpy(it.issued_on, it.due_on, sizeof it.issued_on);
	xstrlcpy(it.plan_no, F(r, 0), sizeof it.plan_no);
	it.inst_no = (int)n;
	snprintf(it.ref, sizeof it.ref, "%s#%d", it.plan_no, it.inst_no);
	r->field = 0;
	if (store_plan_ensure(r->s->st, it.plan_no, it.consumer_id, err) != 0)
		return -1;
	return insert_item(r, &it, 2, err);
}

static const char *const user_cols[] = {
    "username", "full_name", "role", "pin", "branch", "team", NULL};

static int
row_user(struct row_ctx *r, struct pd_err *err)
{
	struct user_put put = {F(r, USER_USERNAME), F(r, USER_FULL_NAME),
	    F(r, USER_ROLE), F(r, USER_PIN), F(r, USER_BRANCH), r->update, 1,
	    /* a file without the column keeps each user's team */
	    r->map[USER_TEAM] >= 0 ? F(r, USER_TEAM) : NULL};
	enum put_outcome o;

	/* user_cols[] are in the order of enum user_field */
	if (svc_user_put(r->s, &put, &o, &r->field, err) != 0)
		return -1;
	if (o == PUT_ADDED)
		r->n->added++;
	else if (o == PUT_UPDATED)
		r->n->updated++;
	else
		r->n->unchanged++;
	return 0;
}

static const char *const setting_cols[] = {"key", "value", NULL};

/* An unknown setting's key: its name, as the file has it, and the
 * nearest setting of the organisation when one is near (a typo). */
#define UNKNOWN_KEY                                                            \
	N_("\"%s\" is not a setting the central node masters (see "            \
	   "paydesk.ini(5))")
#define UNKNOWN_KEY_NEAR                                                       \
	N_("\"%s\" is not a setting the central node masters (see "            \
	   "paydesk.ini(5)); the nearest is %s")

/* The edits (a byte put in, left out or changed) from a to b, at most
 * 63 bytes each; more: 99. */
static int
edits(const char *a, const char *b)
{
	int d[2][64], i, j, la = (int)strlen(a), lb = (int)strlen(b), c;

	if (la > 63 || lb > 63)
		return 99;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		d[i % 2][0] = i;
		for (j = 1; j <= lb; j++) {
			c = d[(i - 1) % 2][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[(i - 1) % 2][j] + 1 < c)
				c = d[(i - 1) % 2][j] + 1;
			if (d[i % 2][j - 1] + 1 < c)
				c = d[i % 2][j - 1] + 1;
			d[i % 2][j] = c;
		}
	}
	return d[la % 2][lb];
}

/* The organisation's setting nearest to key into out (n bytes): at most
 * 2 edits, or a third of its length, away; 0 none (helper-261, fault 5). */
static int
nearest_setting(const char *key, char *out, size_t n)
{
	const struct config_row *rows;
	char name[80];
	int k, i, nrows, e, best = 99, most = (int)strlen(key) / 3;

	if (most < 2)
		most = 2;
	rows = svc_config_rows(&nrows);
	for (k = 0; (i = config_org_row(k)) >= 0; k++) {
		snprintf(
		    name, sizeof name, "%s.%s", rows[i].section, rows[i].key);
		if ((e = edits(key, name)) < best && e <= most) {
			best = e;
			xstrlcpy(out, name, n);
		}
	}
	return best < 99;
}

int
svc_setting_name_shaped(const char *k, size_t n)
{
	size_t i, dots = 0;

	if (n == 0 || n > 63 || k[0] == '.' || k[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++) {
		if (k[i] == '.')
			dots++;
		else if (!((k[i] >= 'a' && k[i] <= 'z') ||
		             (k[i] >= '0' && k[i] <= '9') || k[i] == '_'))
			return 0;
	}
	return dots == 1;
}

static int
row_setting(struct row_ctx *r, struct pd_err *err)
{
	struct setting old;
	char at[TS_BUFSZ];
	const char *key, *value;
	char v[1024], k[64];
	size_t n;
	int found;

	if (need(r, 0, 63, err) != 0 || opt(r, 1, 1023, err) != 0)
		return -1;
	/* blanks around the value go, as around one in paydesk.ini: " 2"
	 * and "oldest " are 2 and oldest alike (helper-249, fault 4) */
	value = F(r, 1);
	value += strspn(value, " \t");
	xstrlcpy(v, value, sizeof v);
	for (n = strlen(v); n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t');)
		v[--n] = '\0';
	/* and around the key (helper-264, fault 4: " alerts.missed" was
	 * refused as no setting, the nearest being alerts.missed) */
	key = F(r, 0);
	key += strspn(key, " \t");
	xstrlcpy(k, key, sizeof k);
	for (n = strlen(k); n > 0 && (k[n - 1] == ' ' || k[n - 1] == '\t');)
		k[--n] = '\0';
	key = k;
	r->field = 0;
	/* named, as it is in the file (the central node shows it, escaped,
	 * in a setting name's shape: svc_setting_name_shaped), with the
	 * nearest setting if one is near */
	if (config_central_row(key) < 0) {
		char near[80];

		return nearest_setting(key, near, sizeof near)
		           ? pd_fail(
		                 err, PD_EINVAL, _(UNKNOWN_KEY_NEAR), key, near)
		           : pd_fail(err, PD_EINVAL, _(UNKNOWN_KEY), key);
	}
	found = store_setting_get(r->s->st, key, &old, err);
	if (found < 0)
		return -1;
	if (found && !r->update)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" is already set (--update changes it)"), key);
	if (found && strcmp(old.value, v) == 0) {
		r->n->unchanged++;
		return 0;
	}
	svc_now(at);
	r->field = 1; /* from here on, an error is the value's */
	value = v;
	if (svc_setting_put(r->s, key, value, at, err) != 0)
		return -1;
	if (found)
		r->n->updated++;
	else
		r->n->added++;
	return 0;
}

static const struct {
	const char *kind;
	const char *const *cols;
	row_fn fn;
	enum role role; /* who may import it */
	int optional;   /* the last cols that a file may leave out */
	int items;      /* it brings items (the overdue alert rule) */
} kinds[] = {
    {"consumers", consumer_cols, row_consumer, ROLE_SUPERVISOR, 1, 0},
    {"bills", bill_cols, row_bill, ROLE_SUPERVISOR, 0, 1},
    {"services", service_cols, row_service, ROLE_SUPERVISOR, 0, 1},
    {"installments", installment_cols, row_installment, ROLE_SUPERVISOR, 0, 1},
    {"users", user_cols, row_user, ROLE_ADMIN, 2, 0},
    {"settings", setting_cols, row_setting, ROLE_ADMIN, 0, 0},
};

char *
svc_read_file(const char *path, size_t *len, struct pd_err *err)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	char *buf;

	if (f == NULL)
		return pd_fail(
		           err, PD_ENOTFOUND, "%s: %s", path, strerror(errno)),
		       NULL;
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		return pd_fail(
		           err, PD_EINVAL, _("%s: not a regular file"), path),
		       NULL;
	}
	if (sb.st_size > IMPORT_MAX_BYTES) {
		fclose(f);
		return pd_fail(err, PD_EINVAL, _("%s: larger than %ld MB"),
		           path, IMPORT_MAX_BYTES / 1024 / 1024),
		       NULL;
	}
	buf = xmalloc((size_t)sb.st_size + 1);
	*len = fread(buf, 1, (size_t)sb.st_size, f);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return pd_fail(err, PD_ESTORE, _("%s: read error"), path), NULL;
	}
	fclose(f);
	buf[*len] = '\0';
	return buf;
}

/* Map the header row onto the kind's columns (the last optional of them
 * may be left out); returns the number of columns the file has. */
static int
map_header(const char *path, const struct csv_row *h, const char *const *cols,
    int optional, int *map, struct pd_err *err)
{
	size_t i;
	int c, ncols = 0, required;
	char want[256] = "";

	for (c = 0; cols[c] != NULL; c++)
		ncols++;
	required = ncols - optional;
	for (c = 0; c < ncols; c++) {
		map[c] = -1;
		strncat(want,
		    c == required ? "[,"
		    : c           ? ","
		                  : "",
		    sizeof want - strlen(want) - 1);
		strncat(want, cols[c], sizeof want - strlen(want) - 1);
	}
	if (optional > 0)
		strncat(want, "]", sizeof want - strlen(want) - 1);
	for (i = 0; i < h->n; i++) {
		for (c = 0; c < ncols; c++)
			if (strcmp(h->fields[i], cols[c]) == 0)
				break;
		if (c == ncols)
			return pd_fail(err, PD_EINVAL,
			    _("%s:%d:%d: unknown "
			      "column \"%s\" (expected header: %s)"),
			    path, h->line, h->cols[i], h->fields[i], want);
		if (map[c] != -1)
			return pd_fail(err, PD_EINVAL,
			    _("%s:%d:%d: column "
			      "\"%s\" appears twice"),
			    path, h->line, h->cols[i], h->fields[i]);
		map[c] = (int)i;
	}
	for (c = 0; c < required; c++)
		if (map[c] == -1)
			return pd_fail(err, PD_EINVAL,
			    _("%s:%d: column \"%s\" "
			      "is missing (expected header: %s)"),
			    path, h->line, cols[c], want);
	return (int)h->n;
}

static int
import_rows(struct svc *s, const char *path, const char *buf, size_t len, int k,
    int update, struct import_counts *count, struct pd_err *err)
{
	struct csv_reader rd;
	struct csv_row row;
	struct row_ctx rc;
	int map[16], ncols, r, bad = 0;
	char at[TS_BUFSZ], detail[64];

	memset(&row, 0, sizeof row);
	csv_init(&rd, buf, len);
	r = csv_next(&rd, &row, err);
	if (r <= 0) {
		if (r == 0)
			pd_fail(err, PD_EINVAL,
			    _("%s: the file is empty; the "
			      "first line must be the header"),
			    path);
		else /* the reader's LINE:COL: (s74 fault 3) */
			pd_err_prefix(err, "%s:", path);
		csv_row_free(&row);
		return -1;
	}
	ncols =
	    map_header(path, &row, kinds[k].cols, kinds[k].optional, map, err);
	if (ncols < 0) {
		csv_row_free(&row);
		return -1;
	}
	while ((r = csv_next(&rd, &row, err)) == 1) {
		if ((int)row.n != ncols) {
			pd_fail(err, PD_EINVAL,
			    ngettext("%s:%d: %zu field where the header has %d",
			        "%s:%d: %zu fields where the header has %d",
			        (unsigned long)row.n),
			    path, row.line, row.n, ncols);
			r = -1;
			bad = 1;
			break;
		}
		memset(&rc, 0, sizeof rc);
		rc.s = s;
		rc.row = &row;
		rc.map = map;
		rc.cols = kinds[k].cols;
		rc.update = update;
		rc.n = count;
		if (kinds[k].fn(&rc, err) != 0) {
			/* a column the file lacks (an optional one) has no
			 * place in the row: column 0 */
			pd_err_prefix(err, "%s:%d:%d: %s: ", path, row.line,
			    map[rc.field] >= 0 ? row.cols[map[rc.field]] : 0,
			    kinds[k].cols[rc.field]);
			if (err->code != PD_ESTORE)
				err->code = PD_EINVAL;
			r = -1;
			bad = 1;
			break;
		}
	}
	csv_row_free(&row);
	if (r < 0) {
		if (!bad) /* the reader's LINE:COL: (s74 fault 3) */
			pd_err_prefix(err, "%s:", path);
		else if (strncmp(err->msg, path, strlen(path)) != 0)
			pd_err_prefix(err, "%s: ", path);
		return -1;
	}
	svc_now(at);
	snprintf(detail, sizeof detail, "added=%zu updated=%zu unchanged=%zu",
	    count->added, count->updated, count->unchanged);
	return svc_audit(s, at, "import", kinds[k].kind, path, detail, err);
}

int
svc_import(struct svc *s, const char *kind, const char *path, int update,
    struct import_counts *count, struct pd_err *err)
{
	size_t i, len;
	char *buf;
	int k = -1, rc, defer;

	memset(count, 0, sizeof *count);
	store_stats_due(s->st); /* a load: counted at the close if it wrote */
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i].kind) == 0)
			k = (int)i;
	if (k < 0)
		return pd_fail(err, PD_EUSAGE,
		    _("Unknown import \"%s\": "
		      "consumers, bills, services, installments, users or "
		      "settings"),
		    kind);
	/* the first users may be imported by anyone who holds the store,
	 * as demo data: only into a store empty of users and data (review
	 * R18: a terminal that pulled consumers before any user took an
	 * admin of anyone's making) */
	if (!(strcmp(kind, "users") == 0 && store_held_rows(s->st) == 0) &&
	    svc_require(s, kinds[k].role, _("Importing"), err) != 0)
		return -1;
	/* a terminal that syncs takes the organisation's settings from its
	 * central node: one set here would hold until the central node
	 * changed that key, which may be never (review R23: team
	 * visibility lifted at one terminal for good) */
	if (strcmp(kind, "settings") == 0 && s->base_cfg == NULL &&
	    s->cfg.sync_url[0] != '\0')
		return pd_fail(err, PD_EINVAL,
		    _("This terminal syncs with a central node, whose settings "
		      "are the organisation's: import them there "
		      "(paydesk-central import ORG settings FILE.csv)"));
	/* and its users (their branch and team) likewise, but for the first
	 * ones of a store that holds nothing yet (a fresh tester's, issue
	 * 23: a team set here held at this terminal alone) */
	if (strcmp(kind, "users") == 0 && s->base_cfg == NULL &&
	    s->cfg.sync_url[0] != '\0' && store_held_rows(s->st) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("This terminal syncs with a central node, whose users "
		      "are the organisation's: import them there "
		      "(paydesk-central import ORG users FILE.csv)"));
	buf = svc_read_file(path, &len, err);
	if (buf == NULL)
		return -1;
	if (store_begin(s->st, err) != 0) {
		free(buf);
		return -1;
	}
	/* the consumers added are put in the search indexes at the end, in
	 * one statement each (store_fts_defer_begin), as a pull does: row by
	 * row, each insert ran the indexes' triggers in a statement journal
	 * of its own and FTS5 merged its segments as it went (a central
	 * import of 100,000 consumers: 21.7 of its 23 s in the inserts,
	 * their triggers' writes within them, growing with the rows; 3.5 s
	 * deferred). Done before the gateway payments are matched again,
	 * which then find the consumers as any search does */
	defer = strcmp(kind, "consumers") == 0;
	rc = defer ? store_fts_defer_begin(s->st, err) : 0;
	if (rc == 0)
		rc = import_rows(s, path, buf, len, k, update, count, err);
	if (rc == 0 && defer)
		rc = store_fts_defer_end(s->st, err);
	/* consumers came or changed: the gateway payments nobody could be
	 * found for are matched again, in the import's transaction */
	if (rc == 0 && strcmp(kind, "consumers") == 0) {
		char at[TS_BUFSZ];

		svc_now(at);
		rc = svc_gateway_rematch(
		    s, at, &count->matched, &count->unassociated, err);
	}
	/* bills, services or installments came already overdue: their
	 * alerts now, not at the next day's pass (review 21, helper-228
	 * fault 3) */
	if (rc == 0 && kinds[k].items) {
		char at[TS_BUFSZ];

		svc_now(at);
		rc = svc_alerts_items_came(s, "import", at, err);
	}
	rc = svc_finish(s, rc, err);
	free(buf);
	if (rc != 0)
		memset(count, 0, sizeof *count);
	else if (kinds[k].items)
		svc_alerts_tick(s); /* delivered after the commit */
	return rc;
}
