/* documents.c - the log of receipts and credit notes written or printed. */
#include "internal.h"
#include "paydesk/i18n.h"
#include <stdio.h>

int
store_doc_issued(struct store *st, const char *kind, const char *number,
    int *count, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT count(*) FROM documents WHERE kind = ? AND number = ?",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ss", kind, number);
	rc = db_step(s);
	*count = rc == DB_ROW ? db_column_int(s, 0) : 0;
	db_reset(s);
	return rc == DB_ROW ? 0 : st_fail(st, err, _("Reading documents"));
}

int
store_doc_insert(
    struct store *st, const struct doc_issue *d, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "INSERT INTO documents (kind, number, copy, format, issued_at, "
	    "user_id, issued_by, terminal, path, language) VALUES (?, ?, ?, "
	    "?, ?, nullif(?, 0), ?, ?, ?, nullif(?, ''))",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "ssdssissss", d->kind, d->number, d->copy, d->format,
	    d->issued_at, d->user_id, d->issued_by, d->terminal, d->path,
	    d->language ? d->language : "");
	return st_done(st, s, err);
}

int
store_doc_language(struct store *st, const char *kind, const char *number,
    char *lang, size_t n, struct pd_err *err)
{
	struct db_stmt *s = st_stmt(st,
	    "SELECT language FROM documents WHERE kind = ? AND number = ? "
	    "AND language IS NOT NULL ORDER BY copy LIMIT 1",
	    err);
	int rc;

	if (s == NULL)
		return -1;
	st_bind(s, "ss", kind, number);
	rc = db_step(s);
	lang[0] = '\0';
	if (rc == DB_ROW && db_column_text(s, 0) != NULL)
		snprintf(lang, n, "%s", db_column_text(s, 0));
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE
	           ? 0
	           : st_fail(st, err, _("Reading documents"));
}
