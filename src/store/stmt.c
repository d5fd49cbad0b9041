/* stmt.c - the statement layer of a store (DESIGN.md: store): a query
 * prepared once per connection and cached (st_stmt; in a central node's
 * store, rewritten by central_prepare first), its binding (st_bind), its
 * rows read into a vector or one element (st_collect, st_one), and the
 * error of a failed step told in the operator's words (st_fail). The
 * engine, the opening, migration and transactions are db.c's. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

int
st_fail(struct store *st, struct pd_err *err, const char *what)
{
	int code = db_extended_errcode(st->db);
	const char *msg = db_errmsg(st->db);

	if ((code & 0xff) == DB_BUSY || (code & 0xff) == DB_LOCKED)
		return pd_fail(err, PD_ESTORE,
		    _("%s: the store is busy (another "
		      "process holds it): %s"),
		    what, msg);
	if ((code & 0xff) == DB_CONSTRAINT)
		return pd_fail(err, PD_EINVAL, "%s: %s", what, msg);
	return pd_fail(err, PD_ESTORE, "%s: %s (%s)", what, msg, st->path);
}

/* sql prepared for st: in a central node's store, the gateway payments
 * and payouts a terminal pulls (gw_payments, gw_payouts, empty there)
 * read as the central node's own (gateway_payments, gateway_payouts),
 * whose columns a reconciliation's reads share: its statements, their
 * lines, matches, exceptions and days read the same queries as a
 * terminal's, and at the central node saw no gateway payment, so every
 * gateway or payout match read as a credit of nothing (s72, helper-287:
 * paydesk-central reconciliation 142.10 apart from its terminals'). */
static int
central_prepare(struct store *st, const char *sql, struct db_stmt **s)
{
	static const struct {
		const char *from, *to;
	} names[] = {{"gw_payments", "gateway_payments"},
	    {"gw_payouts", "gateway_payouts"},
	    {"gw_pay_accounts", "gateway_pay_accounts"}};
	char *out, *o;
	const char *p, *hit;
	size_t i, n, len;
	int rc;

	if (!st->central || strstr(sql, "gw_pay") == NULL)
		return db_prepare_v3(
		    st->db, sql, -1, DB_PREPARE_PERSISTENT, s, NULL);
	len = strlen(sql);
	out = o = xmalloc(len * 2 + 1);
	for (p = sql; *p != '\0';) {
		hit = NULL;
		for (i = 0; i < sizeof names / sizeof names[0]; i++) {
			n = strlen(names[i].from);
			if (strncmp(p, names[i].from, n) == 0 &&
			    (p == sql || !(isalnum((unsigned char)p[-1]) ||
			                     p[-1] == '_')) &&
			    !(isalnum((unsigned char)p[n]) || p[n] == '_')) {
				hit = names[i].to;
				break;
			}
		}
		if (hit != NULL) {
			o += sprintf(o, "%s", hit);
			p += n;
		} else
			*o++ = *p++;
	}
	*o = '\0';
	rc = db_prepare_v3(st->db, out, -1, DB_PREPARE_PERSISTENT, s, NULL);
	free(out);
	return rc;
}

struct db_stmt *
st_stmt(struct store *st, const char *sql, struct pd_err *err)
{
	struct db_stmt *s;
	int i;

	/* the newest last, a hit made the newest: a full cache drops the
	 * one used longest ago, never one a caller holds while it asks for
	 * others (seal_claim holds three: with the oldest dropped first, a
	 * hit on the oldest was finalized by the next miss, and a pull
	 * crashed binding it) */
	for (i = st->ncache - 1; i >= 0; i--)
		if (st->cache[i].sql == sql) {
			s = st->cache[i].stmt;
			if (i < st->ncache - 1) {
				memmove(&st->cache[i], &st->cache[i + 1],
				    sizeof st->cache[0] *
				        (size_t)(st->ncache - 1 - i));
				st->cache[st->ncache - 1].sql = sql;
				st->cache[st->ncache - 1].stmt = s;
			}
			db_reset(s);
			db_clear_bindings(s);
			return s;
		}
	if (central_prepare(st, sql, &s) != DB_OK) {
		st_fail(st, err, _("Preparing a query"));
		return NULL;
	}
	if (st->ncache == STMT_CACHE) {
		/* full: drop the oldest, keep the rest */
		db_finalize(st->cache[0].stmt);
		memmove(&st->cache[0], &st->cache[1],
		    sizeof st->cache[0] * (STMT_CACHE - 1));
		st->ncache--;
	}
	st->cache[st->ncache].sql = sql;
	st->cache[st->ncache].stmt = s;
	st->ncache++;
	return s;
}

int
st_bind(struct db_stmt *s, const char *fmt, ...)
{
	va_list ap;
	int i, rc = DB_OK;
	const char *t;

	va_start(ap, fmt);
	for (i = 0; fmt[i] != '\0' && rc == DB_OK; i++) {
		switch (fmt[i]) {
		case 's':
			t = va_arg(ap, const char *);
			rc = t ? db_bind_text(s, i + 1, t, -1, DB_TRANSIENT)
			       : db_bind_null(s, i + 1);
			break;
		case 'i':
			rc = db_bind_int64(s, i + 1, va_arg(ap, int64_t));
			break;
		case 'd':
			rc = db_bind_int(s, i + 1, va_arg(ap, int));
			break;
		}
	}
	va_end(ap);
	return rc == DB_OK ? 0 : -1;
}

int
st_done(struct store *st, struct db_stmt *s, struct pd_err *err)
{
	int rc = db_step(s);

	if (rc != DB_DONE && rc != DB_ROW) {
		st_fail(st, err, _("Writing to the store"));
		db_reset(s);
		return -1;
	}
	db_reset(s);
	return 0;
}

void
st_col(struct db_stmt *s, int i, char *buf, size_t n)
{
	const unsigned char *t = db_column_text(s, i);

	xstrlcpy(buf, t ? (const char *)t : "", n);
}

void *
st_collect(struct store *st, struct db_stmt *s, size_t size, row_reader read,
    size_t *n, const char *what, struct pd_err *err)
{
	char *out = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	while ((rc = db_step(s)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			out = xrealloc(out, cap, size);
		}
		memset(out + *n * size, 0, size);
		read(s, out + *n * size);
		(*n)++;
	}
	db_reset(s);
	if (rc != DB_DONE) {
		free(out);
		*n = 0;
		st_fail(st, err, what);
		return NULL;
	}
	return out ? out : xcalloc(1, size);
}

int
st_holding(struct store *st, struct db_stmt *s, const char *text, int tail,
    row_reader read, void *first, void *scratch, size_t name_off, char *names,
    size_t size, const char *what, struct pd_err *err)
{
	char *pat = like_pattern(text, 1);
	size_t used = 0;
	int rc, count = 0;

	if (tail)
		pat[strlen(pat) - 1] = '\0'; /* "%text": the end only */
	st_bind(s, "si", pat, (int64_t)LOOKUP_NAMED + 1);
	free(pat);
	names[0] = '\0';
	while ((rc = db_step(s)) == DB_ROW) {
		char *into = count == 0 ? first : scratch;

		read(s, into);
		if (++count <= LOOKUP_NAMED && used < size)
			used += (size_t)snprintf(names + used, size - used,
			    "%s%s", count > 1 ? ", " : "", into + name_off);
		else if (used < size)
			used += (size_t)snprintf(
			    names + used, size - used, ", ...");
	}
	db_reset(s);
	if (rc != DB_DONE)
		return st_fail(st, err, what);
	return count;
}

void
st_read_int64(struct db_stmt *s, void *elem)
{
	*(int64_t *)elem = db_column_int64(s, 0);
}

int
st_one(struct store *st, struct db_stmt *s, row_reader read, void *elem,
    const char *what, struct pd_err *err)
{
	int rc = db_step(s);

	if (rc == DB_ROW)
		read(s, elem);
	db_reset(s);
	if (rc == DB_ROW)
		return 0;
	if (rc == DB_DONE)
		return 1;
	return st_fail(st, err, what);
}

int
st_exec(struct store *st, const char *sql, struct pd_err *err)
{
	char *msg = NULL;

	if (db_exec(st->db, sql, NULL, NULL, &msg) != DB_OK) {
		pd_fail(err, PD_ESTORE, "%s (%s)", msg ? msg : "query failed",
		    st->path);
		db_free(msg);
		return -1;
	}
	return 0;
}

int
st_triggers_sql(struct store *st, const char *table, const char *names,
    char **sql, const char *what, struct pd_err *err)
{
	/* a statement of its own (st_stmt keeps statements by their
	 * text's address, a literal's) */
	struct qb q;
	struct db_stmt *s;
	const unsigned char *t;
	int rc;

	*sql = NULL;
	qb_init(&q, "SELECT group_concat(sql, '; ') FROM sqlite_master WHERE "
	            "type = 'trigger' AND tbl_name = ? AND name IN ");
	qb_add(&q, "", "s", table);
	qb_add(&q, names, "");
	s = qb_prepare(st, &q, err);
	qb_free(&q);
	if (s == NULL)
		return -1;
	rc = db_step(s);
	t = rc == DB_ROW ? db_column_text(s, 0) : NULL;
	if (t != NULL)
		*sql = xstrdup((const char *)t);
	db_finalize(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, what);
}
