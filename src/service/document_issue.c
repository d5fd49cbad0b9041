/* document_issue.c - issuing receipts, credit notes and the documents
 * of other use cases (svc_doc_issue): the target file, COPY marked on a
 * reprint, rendered (PDF or text), written atomically, logged with an
 * audit entry, then printed if asked (printing never part of a money
 * transaction); and the export of many receipts, shared among worker
 * processes. What the documents say is document.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/doc.h"
#include "paydesk/file.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"
#include "document_int.h"

#define EXPORT_BATCH 128 /* receipts of an export logged in one commit */

/* What to do with an output path that is a symbolic link (--force). */
static enum file_links
links(const struct svc *s)
{
	return s->replace_links ? FILE_LINKS_REPLACE : FILE_LINKS_REFUSE;
}

/* COPY banner: the nth copy (0: the original, no banner), when and by
 * whom. */
static void
mark_copy(struct svc *s, struct doc *d, int copy)
{
	char ts[TS_BUFSZ], now[SVC_DATE_BUFSZ], *detail;

	if (copy <= 0)
		return;
	svc_now(ts);
	svc_timestamp(s, now, sizeof now, ts);
	detail = xasprintf(
	    L_(d->lang, "Copy %d, reprinted %s by %s at terminal %s"), copy,
	    now,
	    s->actor.full_name[0] ? s->actor.full_name : L_(d->lang, "system"),
	    s->cfg.terminal_id);
	doc_mark(d, L_(d->lang, "COPY"), detail);
	free(detail);
}

/* The one rule of original and COPY, for every kind of document (fault
 * 8): at the terminal where its record was made (res->origin, "" for
 * this one) the first issue is the original and each later one a COPY;
 * at any other terminal (a record pulled from the central node) the
 * original was issued where the record was made, so every issue here is
 * a COPY. *copy: 0 the original, n the nth copy. */
static int
copy_number(struct svc *s, const struct doc_kind *k, const char *number,
    const struct doc_result *res, int *copy, struct pd_err *err)
{
	if (store_doc_issued(s->st, k->kind, number, copy, err) != 0)
		return -1;
	if (res->origin[0] != '\0' &&
	    strcmp(res->origin, s->cfg.terminal_id) != 0)
		++*copy;
	return 0;
}

/* The file a document goes to: out, or the receipts directory. */
static int
target(struct svc *s, const struct doc_request *r, const char *number, int copy,
    char *path, size_t n, struct pd_err *err)
{
	char name[96], *p;
	const char *dir;
	int len;

	if (r->out != NULL) {
		if (*r->out == '\0')
			return pd_fail(err, PD_EINVAL, "--out is empty");
		if ((size_t)snprintf(path, n, "%s", r->out) >= n)
			return pd_fail(
			    err, PD_EINVAL, "%s: path too long", r->out);
		return 0;
	}
	/* number formats are configurable: keep the name a plain one */
	xstrlcpy(name, number, sizeof name);
	for (p = name; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		        (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		        *p == '.'))
			*p = '_';
	dir = r->exports ? s->cfg.exports_dir : s->cfg.receipts_dir;
	if (file_mkdirs(dir, err) != 0)
		return -1;
	if (copy > 0)
		len = snprintf(path, n, "%s/%s-COPY-%d.%s", dir, name, copy,
		    r->text ? "txt" : "pdf");
	else
		len = snprintf(
		    path, n, "%s/%s.%s", dir, name, r->text ? "txt" : "pdf");
	if ((size_t)len >= n)
		return pd_fail(err, PD_EINVAL, "%s: path too long", dir);
	return 0;
}

/* The PDF, and in res->gaps what no font could draw. */
static int
pdf(struct svc *s, const struct doc *d, unsigned char **buf, size_t *len,
    struct doc_result *res, struct pd_err *err)
{
	char *gaps = NULL;

	if (doc_pdf_gaps(d, (enum doc_paper)doc_paper_parse(s->cfg.paper),
	        s->cfg.font_path, buf, len, &gaps, err) != 0)
		return -1;
	if (gaps != NULL) {
		if (strlen(gaps) >= sizeof res->gaps)
			memcpy(gaps + sizeof res->gaps - 4, "...", 4);
		xstrlcpy(res->gaps, gaps, sizeof res->gaps);
		free(gaps);
	}
	return 0;
}

/* Mark a copy, render and stage (tmp, tn bytes: its temporary name;
 * batch: its data left to file_batch_sync): the file is in place under
 * that name, to be published; res has its path, copy number and size. */
static int
issue_stage(struct svc *s, const struct doc_kind *k, struct doc *d,
    const struct doc_request *r, struct doc_result *res, char *tmp, size_t tn,
    int batch, struct pd_err *err)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	int copy, rc;

	if (copy_number(s, k, d->number, res, &copy, err) != 0)
		return -1;
	mark_copy(s, d, copy);
	if (r->text) {
		buf = (unsigned char *)doc_text(d, s->cfg.text_width);
		len = strlen((char *)buf);
	} else if (pdf(s, d, &buf, &len, res, err) != 0)
		return -1;
	rc = target(s, r, d->number, copy, res->path, sizeof res->path, err);
	if (rc == 0)
		rc = (batch ? file_stage_batch : file_stage)(
		    res->path, links(s), buf, len, tmp, tn, err);
	free(buf);
	if (rc != 0) {
		res->path[0] = '\0';
		return -1;
	}
	res->copy = copy;
	res->bytes = len;
	return 0;
}

/* Mark a copy, render, stage and publish: the file is in place, its log
 * entry (issue_log) to come; res has its path, copy number and size. */
static int
issue_file(struct svc *s, const struct doc_kind *k, struct doc *d,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err)
{
	char tmp[PATH_MAX + 16];

	if (issue_stage(s, k, d, r, res, tmp, sizeof tmp, 0, err) != 0)
		return -1;
	/* published before the log commits: a crash in between leaves a
	 * file nobody logged, which the next issue of the same copy number
	 * replaces; never a logged document without its file */
	if (file_publish(tmp, res->path, links(s), err) != 0) {
		res->path[0] = '\0';
		return -1;
	}
	return 0;
}

/* The log entries and audit entries of n documents issue_file wrote
 * (numbers[i]'s in res[i]), in one transaction; their files removed if it
 * fails. */
static int
issue_log(struct svc *s, const struct doc_kind *k, int text,
    const char *const *numbers, struct doc_result *res, size_t n,
    struct pd_err *err)
{
	char at[TS_BUFSZ], detail[PATH_MAX + 64];
	struct doc_issue di;
	size_t i;
	int rc;

	svc_now(at);
	memset(&di, 0, sizeof di);
	di.kind = k->kind;
	di.format = text ? "text" : "pdf";
	di.issued_at = at;
	di.user_id = s->actor.user_id;
	di.issued_by = s->actor.full_name;
	di.terminal = s->cfg.terminal_id;
	rc = store_begin(s->st, err);
	for (i = 0; i < n && rc == 0; i++) {
		di.number = numbers[i];
		di.copy = res[i].copy;
		di.path = res[i].path;
		di.language = res[i].language;
		snprintf(detail, sizeof detail, "%s %s to %s",
		    di.copy ? "copy" : "original", di.format, di.path);
		rc = store_doc_insert(s->st, &di, err);
		if (rc == 0)
			rc = svc_audit(s, at, di.copy ? "reprint" : "issue",
			    k->entity, numbers[i], detail, err);
	}
	if (svc_finish(s, rc, err) == 0)
		return 0;
	for (i = 0; i < n; i++) {
		unlink(res[i].path);
		res[i].path[0] = '\0';
	}
	return -1;
}

/* Mark a copy, render, stage, publish and log; then print if asked. */
static int
issue(struct svc *s, const struct doc_kind *k, struct doc *d,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err)
{
	const char *number = d->number;

	if (r->preview != NULL) {
		*r->preview = doc_text(d, s->cfg.text_width);
		return 0;
	}
	if (issue_file(s, k, d, r, res, err) != 0 ||
	    issue_log(s, k, r->text, &number, res, 1, err) != 0)
		return -1;
	if (!r->print || s->cfg.print_command[0] == '\0')
		return 0;
	if (doc_print(s->cfg.print_command, res->path, err) != 0)
		return -1;
	res->printed = 1;
	return 0;
}

int
svc_doc_issue(struct svc *s, const char *kind, struct doc *d,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err)
{
	const struct doc_kind k = {kind, kind, kind};

	return issue(s, &k, d, r, res, err);
}

int
svc_receipt_issue(struct svc *s, const char *number,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err)
{
	struct doc d;
	int rc;

	if (svc_receipt_of(s, number, &d, res, err) != 0)
		return -1;
	rc = issue(s, &svc_receipt_kind, &d, r, res, err);
	doc_free(&d);
	return rc;
}

int
svc_credit_doc_issue(struct svc *s, const char *cn_no,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err)
{
	struct credit_view v;
	struct doc d;
	int rc;

	memset(res, 0, sizeof *res);
	if (svc_require(s, ROLE_CASHIER, _("Printing a credit note"), err) !=
	        0 ||
	    svc_credit_show(s, cn_no, &v, err) != 0)
		return -1;
	svc_credit_doc(s, &v, &d, res->language);
	snprintf(res->number, sizeof res->number, "%s", v.cn.cn_no);
	xstrlcpy(res->origin, v.cn.terminal, sizeof res->origin);
	svc_credit_view_free(&v);
	rc = issue(s, &svc_credit_kind, &d, r, res, err);
	doc_free(&d);
	return rc;
}

struct numbers {
	char (*v)[64];
	size_t n, cap;
};

static int
collect_number(const struct payment_row *row, void *arg)
{
	struct numbers *ns = arg;

	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 256;
		ns->v = xrealloc(ns->v, ns->cap, sizeof *ns->v);
	}
	xstrlcpy(ns->v[ns->n++], row->p.receipt_no, sizeof ns->v[0]);
	return 0;
}

/* The k receipts an export staged (tmp[i] each, res[i] its result) made
 * durable, published and logged, counted in *count: their data flushed
 * at once, then their names, then their log entries committed (as one
 * issued alone, never a logged receipt without its file). One that
 * cannot be published is left out of the log. */
static int
log_batch(struct svc *s, const char *dir, char (*tmp)[PATH_MAX + 16],
    struct doc_result *res, size_t k, size_t *count, struct pd_err *err)
{
	const char *numbers[EXPORT_BATCH];
	size_t i, m = 0;
	int rc = 0;

	if (k == 0)
		return 0;
	if (file_batch_sync(dir, 0, err) != 0) {
		for (i = 0; i < k; i++)
			unlink(tmp[i]);
		return -1;
	}
	for (i = 0; i < k; i++) {
		if (file_publish_batch(tmp[i], res[i].path, links(s), err) !=
		    0) {
			rc = -1;
			continue;
		}
		if (m != i)
			res[m] = res[i];
		numbers[m] = res[m].number;
		m++;
	}
	if (m > 0 &&
	    (file_batch_sync(dir, 1, err) != 0 ||
	        issue_log(s, &svc_receipt_kind, 0, numbers, res, m, err) != 0))
		return -1;
	*count += m;
	return rc;
}

/* Receipts i, i + step, ... of ns into dir; 0 or -1 with err. Each is
 * written as one issued alone is, but EXPORT_BATCH of them are made
 * durable together (file_batch_sync: two disk flushes a batch, not two a
 * receipt) and their log and audit entries go in one transaction (one
 * commit and its sync, not one a receipt, issue 24). */
static int
export_share(struct svc *s, const struct numbers *ns, size_t first, size_t step,
    const char *dir, size_t *count, struct pd_err *err)
{
	struct doc_request r = {0};
	struct doc_result *res = xcalloc(EXPORT_BATCH, sizeof *res);
	char(*tmp)[PATH_MAX + 16] = xcalloc(EXPORT_BATCH, sizeof *tmp);
	char path[PATH_MAX];
	struct doc d;
	size_t i, k = 0;
	int rc = 0;

	r.out = path;
	for (i = first; i < ns->n; i += step) {
		snprintf(path, sizeof path, "%s/%s.pdf", dir, ns->v[i]);
		if (svc_receipt_of(s, ns->v[i], &d, &res[k], err) != 0) {
			rc = -1;
			continue;
		}
		if (issue_stage(s, &svc_receipt_kind, &d, &r, &res[k], tmp[k],
		        sizeof tmp[k], 1, err) != 0)
			rc = -1;
		else
			k++;
		doc_free(&d);
		if (k == EXPORT_BATCH || i + step >= ns->n) {
			if (log_batch(s, dir, tmp, res, k, count, err) != 0)
				rc = -1;
			k = 0;
		}
	}
	/* the last one failed to render: the batch before it is logged */
	if (log_batch(s, dir, tmp, res, k, count, err) != 0)
		rc = -1;
	free(tmp);
	free(res);
	return rc;
}

/* A worker: its own store connection (never the parent's), its share of
 * the receipts, then its count or its first error on the pipe. */
static void
export_worker(struct svc *parent, const struct numbers *ns, size_t first,
    size_t step, const char *dir, int fd)
{
	struct svc w = *parent;
	struct pd_err err;
	size_t count = 0;
	char line[sizeof err.msg + 32];
	int rc;

	w.st = NULL;
	pd_err_clear(&err);
	rc = store_open(store_file(parent->st), 0, &w.st, &err);
	if (rc == 0)
		rc = export_share(&w, ns, first, step, dir, &count, &err);
	snprintf(line, sizeof line, "%zu %d %s\n", count, rc ? err.code : 0,
	    rc ? err.msg : "");
	if (write(fd, line, strlen(line)) < 0)
		rc = -1;
	if (w.st != NULL)
		store_close(w.st);
	_exit(rc ? 1 : 0);
}

int
svc_receipts_export(struct svc *s, const struct payment_filter *f,
    const char *dir, int jobs, size_t *count, struct pd_err *err)
{
	struct numbers ns = {0};
	pid_t pids[16];
	int fds[16][2], k, started = 0, rc = 0;

	*count = 0;
	if (svc_require(s, ROLE_SUPERVISOR, _("Exporting receipts"), err) !=
	        0 ||
	    file_mkdirs(dir, err) != 0 ||
	    svc_payments_each(s, f, collect_number, &ns, err) != 0) {
		free(ns.v);
		return -1;
	}
	if (jobs <= 0)
		jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (jobs > 16)
		jobs = 16;
	if ((size_t)jobs > ns.n)
		jobs = (int)ns.n;
	if (jobs <= 1) {
		rc = export_share(s, &ns, 0, 1, dir, count, err);
		free(ns.v);
		return rc;
	}
	fflush(NULL); /* or the workers repeat buffered output */
	for (k = 0; k < jobs; k++) {
		if (pipe(fds[k]) != 0)
			break;
		pids[k] = fork();
		if (pids[k] < 0) {
			close(fds[k][0]);
			close(fds[k][1]);
			break;
		}
		if (pids[k] == 0) {
			close(fds[k][0]);
			export_worker(
			    s, &ns, (size_t)k, (size_t)jobs, dir, fds[k][1]);
		}
		close(fds[k][1]);
		started++;
	}
	if (started < jobs) {
		rc = pd_fail(err, PD_EDOC, "Cannot start export workers: %s",
		    strerror(errno));
	}
	for (k = 0; k < started; k++) {
		char line[800] = "";
		ssize_t got = read(fds[k][0], line, sizeof line - 1);
		size_t n = 0;
		int code = PD_EDOC, off = 0;

		close(fds[k][0]);
		while (waitpid(pids[k], NULL, 0) < 0 && errno == EINTR)
			;
		if (got > 0) {
			line[got] = '\0';
			line[strcspn(line, "\n")] = '\0';
			if (sscanf(line, "%zu %d %n", &n, &code, &off) >= 2)
				*count += n;
		}
		if (got > 0 && code == 0)
			continue;
		if (rc == 0)
			rc = pd_fail(err, code ? (enum pd_status)code : PD_EDOC,
			    "%s",
			    got > 0 && off > 0 ? line + off
			                       : "an export worker died");
	}
	free(ns.v);
	return rc;
}
