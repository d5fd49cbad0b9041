/* qb.c - building a query from optional filters, with its bindings. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

void
qb_init(struct qb *q, const char *sql)
{
	memset(q, 0, sizeof *q);
	q->cap = strlen(sql) + 512;
	q->sql = xmalloc(q->cap);
	strcpy(q->sql, sql);
	q->len = strlen(sql);
}

void
qb_add(struct qb *q, const char *sql, const char *fmt, ...)
{
	size_t n = strlen(sql);
	va_list ap;
	int i;

	if (q->len + n + 1 > q->cap) {
		q->cap = (q->len + n + 1) * 2;
		q->sql = xrealloc(q->sql, q->cap, 1);
	}
	memcpy(q->sql + q->len, sql, n + 1);
	q->len += n;
	va_start(ap, fmt);
	for (i = 0; fmt[i] != '\0'; i++) {
		if (q->nargs == q->capargs) {
			q->capargs = q->capargs ? q->capargs * 2 : 16;
			q->args = xrealloc(
			    q->args, (size_t)q->capargs, sizeof *q->args);
		}
		q->args[q->nargs].type = fmt[i];
		q->args[q->nargs].s = NULL;
		q->args[q->nargs].i = 0;
		if (fmt[i] == 's')
			q->args[q->nargs].s = xstrdup(va_arg(ap, const char *));
		else
			q->args[q->nargs].i = va_arg(ap, int64_t);
		q->nargs++;
	}
	va_end(ap);
}

void
qb_bind(struct qb *q, struct db_stmt *s)
{
	int i;

	for (i = 0; i < q->nargs; i++) {
		if (q->args[i].type == 's')
			db_bind_text(s, i + 1, q->args[i].s, -1, DB_TRANSIENT);
		else
			db_bind_int64(s, i + 1, q->args[i].i);
	}
}

struct db_stmt *
qb_prepare(struct store *st, struct qb *q, struct pd_err *err)
{
	struct db_stmt *s;

	if (db_prepare_v2(st->db, q->sql, -1, &s, NULL) != DB_OK) {
		st_fail(st, err, _("Preparing a query"));
		return NULL;
	}
	qb_bind(q, s);
	return s;
}

void
qb_free(struct qb *q)
{
	int i;

	for (i = 0; i < q->nargs; i++)
		free(q->args[i].s);
	free(q->args);
	free(q->sql);
	memset(q, 0, sizeof *q);
}

char *
like_pattern(const char *text, int anywhere)
{
	size_t n = strlen(text), i, o = 0;
	char *p = xmalloc(n * 2 + 3);

	if (anywhere)
		p[o++] = '%';
	for (i = 0; i < n; i++) {
		if (text[i] == '%' || text[i] == '_' || text[i] == '\\')
			p[o++] = '\\';
		p[o++] = text[i];
	}
	p[o++] = '%';
	p[o] = '\0';
	return p;
}

char *
fts_phrase(const char *text)
{
	size_t n = strlen(text), i, o = 0;
	char *q = xmalloc(n * 2 + 3);

	q[o++] = '"';
	for (i = 0; i < n; i++) {
		if (text[i] == '"')
			q[o++] = '"';
		q[o++] = text[i];
	}
	q[o++] = '"';
	q[o] = '\0';
	return q;
}

int
qb_count(struct store *st, struct qb *q, int64_t *n, const char *what,
    struct pd_err *err)
{
	struct db_stmt *s = qb_prepare(st, q, err);
	int rc;

	qb_free(q);
	*n = 0;
	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc == DB_ROW)
		*n = db_column_int64(s, 0);
	else
		st_fail(st, err, what);
	db_finalize(s);
	return rc == DB_ROW ? 0 : -1;
}
