/* document.c - receipts and credit notes: what they say (from the ledger,
 * after the commit that made them), and issuing them: written atomically,
 * logged with an audit entry, copies marked, printing never part of a
 * money transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"
#include "paydesk/doc.h"
#include "paydesk/file.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

/* What kind of document, for the log, the audit trail and file names. */
struct doc_kind {
	const char *kind;   /* documents.kind */
	const char *entity; /* audit entity */
	const char *what;   /* for messages */
};
static const struct doc_kind RECEIPT = {"receipt", "receipt", "a receipt"};
static const struct doc_kind CREDIT = {
    "credit_note", "credit_note", "a credit note"};

static void
field_money(struct svc *s, struct doc *d, const char *label, int64_t v)
{
	char m[MONEY_BUFSZ];

	doc_field(d, label, svc_money(s, m, sizeof m, v));
}

static void
stamp(struct svc *s, struct doc *d)
{
	char now[TS_BUFSZ], *f;

	svc_now(now);
	f = xasprintf("%s \xc2\xb7 terminal %s, branch %s \xc2\xb7 generated "
	              "%s by paydesk",
	    s->cfg.org_name, s->cfg.terminal_id, s->cfg.branch_id, now);
	doc_footer(d, f);
	free(f);
}

/* COPY banner: the nth copy (0: the original, no banner), when and by
 * whom. */
static void
mark_copy(struct svc *s, struct doc *d, int copy)
{
	char now[TS_BUFSZ], *detail;

	if (copy <= 0)
		return;
	svc_now(now);
	detail = xasprintf("Copy %d, reprinted %s by %s at terminal %s", copy,
	    now, s->actor.full_name[0] ? s->actor.full_name : "system",
	    s->cfg.terminal_id);
	doc_mark(d, "COPY", detail);
	free(detail);
}

/* One paid item: what it is, and the detail that identifies it. */
static void
item_line(struct svc *s, struct doc *d, const struct allocation *a)
{
	const struct item *it = &a->item;
	char due[MONEY_BUFSZ], paid[MONEY_BUFSZ], *text, *detail;

	switch (it->kind) {
	case PAY_BILL:
		text = xasprintf("Bill %s", it->ref);
		detail = xasprintf("Period %s, due %s", it->period, it->due_on);
		break;
	case PAY_SERVICE:
		text = xstrdup(it->description[0] ? it->description : it->ref);
		detail = xasprintf("Service %s, date %s", it->ref, it->due_on);
		break;
	default:
		text = xasprintf("Plan %s #%d", it->plan_no, it->inst_no);
		detail = xasprintf(
		    "Installment %d, due %s", it->inst_no, it->due_on);
		break;
	}
	doc_line(d, text, detail, svc_money(s, due, sizeof due, a->due_before),
	    svc_money(s, paid, sizeof paid, a->amount));
	free(text);
	free(detail);
}

static void
receipt_doc(struct svc *s, const struct payment_view *v, struct doc *d)
{
	const struct payment *p = &v->p;
	char m[MONEY_BUFSZ], *t;
	size_t i;

	doc_init(
	    d, s->cfg.org_name, s->cfg.org_address, "RECEIPT", p->receipt_no);
	doc_badge(d, pay_status_name(p->status));
	if (p->status == PS_VOIDED) {
		t = xasprintf("Voided %s by %s. Reason: %s", p->voided_at,
		    p->voided_by, p->void_reason);
		doc_mark(d, "VOID", t);
		free(t);
	}

	doc_heading(d, "Payment");
	doc_field(d, "Receipt number", p->receipt_no);
	doc_field(d, "Payment ID", p->payment_no);
	doc_field(d, "Transaction ID", p->txn_no);
	doc_field(d, "Payment date", p->paid_on);
	doc_field(d, "Recorded at", p->created_at);
	doc_field(d, "Payment type", pay_type_name(p->type));
	doc_field(d, "Channel", p->channel);

	doc_heading(d, "Consumer");
	doc_field(d, "Name", v->c.name);
	doc_field(d, "Account number", v->c.account_no);
	doc_field(d, "Service address", v->c.address[0] ? v->c.address : "-");
	doc_field(d, "Phone", v->c.phone[0] ? v->c.phone : "-");

	doc_heading(d, "Items paid");
	doc_columns(d, "Amount due", "Applied");
	for (i = 0; i < v->nallocs; i++)
		if (v->allocs[i].reverses == 0 && v->allocs[i].amount > 0)
			item_line(s, d, &v->allocs[i]);
	if (p->overpaid > 0)
		doc_line(d, "Credit (overpayment)", "Kept as a credit note", "",
		    svc_money(s, m, sizeof m, p->overpaid));

	doc_heading(d, "Totals");
	doc_total(d, "Total paid", svc_money(s, m, sizeof m, p->amount));
	doc_field(d, "Payment method", p->method);
	if (p->method_kind == METHOD_CASH) {
		field_money(s, d, "Amount received", p->tendered);
		field_money(s, d, "Change given", p->change);
	}
	if (p->has_balance)
		field_money(
		    s, d, "Outstanding after payment", p->balance_after);
	else
		doc_field(d, "Outstanding after payment", "not recorded");
	for (i = 0; i < v->ncredits; i++)
		if (v->credits[i].automatic) {
			t = xasprintf("%s, %s", v->credits[i].cn_no,
			    svc_money(s, m, sizeof m, v->credits[i].amount));
			doc_field(d, "Overpayment credit note", t);
			free(t);
		}
	doc_para(d, "Notes", p->notes);

	doc_heading(d, "Processing");
	doc_field(
	    d, "Received by", p->received_by[0] ? p->received_by : "System");
	doc_field(d, "Terminal", p->terminal);
	doc_field(d, "Status", pay_status_name(p->status));
	doc_field(d, "Verification", p->verified ? "Verified" : "Pending");
	doc_field(d, "Processing time", v->processing);
	stamp(s, d);
}

static void
credit_doc(struct svc *s, const struct credit_view *v, struct doc *d)
{
	const struct credit_note *cn = &v->cn;
	char m[MONEY_BUFSZ], pct[32], *t;
	size_t i;

	doc_init(
	    d, s->cfg.org_name, s->cfg.org_address, "CREDIT NOTE", cn->cn_no);
	doc_badge(d, credit_status_name(v->status));
	if (cn->voided)
		doc_mark(d, "VOID",
		    "The payment this credit note came from was voided.");

	doc_heading(d, "Consumer");
	doc_field(d, "Name", cn->consumer_name);
	doc_field(d, "Account number", cn->account_no);

	doc_heading(d, "Credit");
	doc_field(d, "Credit note number", cn->cn_no);
	doc_field(d, "Status", credit_status_name(v->status));
	doc_field(d, "Created", cn->created_at);
	doc_field(d, "Expires", cn->expires_on);
	field_money(s, d, "Original amount", cn->amount);
	field_money(s, d, "Applied amount", cn->applied);
	doc_total(
	    d, "Remaining balance", svc_money(s, m, sizeof m, v->remaining));
	money_tenths(pct, sizeof pct - 2, v->usage_tenths);
	strcat(pct, " %");
	doc_field(d, "Usage", pct);
	doc_field(d, "Reason", cn->reason);
	doc_field(d, "Created by", cn->created_by);
	doc_field(d, "Linked receipt number", cn->receipt_no);
	doc_para(d, "Remarks", cn->remarks);

	if (v->napps > 0) {
		doc_heading(d, "Applied to");
		doc_columns(d, "", "Applied");
		for (i = 0; i < v->napps; i++) {
			t = xasprintf("Applied %s at terminal %s",
			    v->apps[i].applied_on, v->apps[i].terminal);
			doc_line(d, v->apps[i].item_ref, t, "",
			    svc_money(s, m, sizeof m, v->apps[i].amount));
			free(t);
		}
	}
	stamp(s, d);
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

/* Mark a copy, render, stage, publish and log; then print if asked. */
static int
issue(struct svc *s, const struct doc_kind *k, struct doc *d,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	char tmp[PATH_MAX + 16], at[TS_BUFSZ], detail[PATH_MAX + 64];
	struct doc_issue di;
	int copy, rc;

	if (store_doc_issued(s->st, k->kind, d->number, &copy, err) != 0)
		return -1;
	mark_copy(s, d, copy);
	if (r->text) {
		buf = (unsigned char *)doc_text(d, s->cfg.text_width);
		len = strlen((char *)buf);
	} else if (doc_pdf(d, (enum doc_paper)doc_paper_parse(s->cfg.paper),
	               s->cfg.font_path, &buf, &len, err) != 0)
		return -1;
	rc = target(s, r, d->number, copy, res->path, sizeof res->path, err);
	if (rc == 0)
		rc = file_stage(res->path, buf, len, tmp, sizeof tmp, err);
	free(buf);
	if (rc != 0) {
		res->path[0] = '\0';
		return -1;
	}
	svc_now(at);
	memset(&di, 0, sizeof di);
	di.kind = k->kind;
	di.number = d->number;
	di.copy = copy;
	di.format = r->text ? "text" : "pdf";
	di.issued_at = at;
	di.user_id = s->actor.user_id;
	di.issued_by = s->actor.full_name;
	di.terminal = s->cfg.terminal_id;
	di.path = res->path;
	snprintf(detail, sizeof detail, "%s %s to %s",
	    copy ? "copy" : "original", di.format, res->path);
	/* published before the log commits: a crash in between leaves a
	 * file nobody logged, which the next issue of the same copy number
	 * replaces; never a logged document without its file */
	if (file_publish(tmp, res->path, err) != 0) {
		res->path[0] = '\0';
		return -1;
	}
	rc = store_begin(s->st, err);
	if (rc == 0)
		rc = store_doc_insert(s->st, &di, err);
	if (rc == 0)
		rc = svc_audit(s, at, copy ? "reprint" : "issue", k->entity,
		    d->number, detail, err);
	if (svc_finish(s, rc, err) != 0) {
		unlink(res->path);
		res->path[0] = '\0';
		return -1;
	}
	res->copy = copy;
	res->bytes = len;
	if (!r->print || s->cfg.print_command[0] == '\0')
		return 0;
	if (doc_print(s->cfg.print_command, res->path, err) != 0)
		return -1;
	res->printed = 1;
	return 0;
}

int
svc_receipt_issue(struct svc *s, const char *number,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err)
{
	struct payment_view v;
	struct doc d;
	int rc;

	memset(res, 0, sizeof *res);
	if (svc_require(s, ROLE_CASHIER, "printing a receipt", err) != 0 ||
	    svc_payment_show(s, number, &v, err) != 0)
		return -1;
	receipt_doc(s, &v, &d);
	svc_payment_view_free(&v);
	rc = issue(s, &RECEIPT, &d, r, res, err);
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
	if (svc_require(s, ROLE_CASHIER, "printing a credit note", err) != 0 ||
	    svc_credit_show(s, cn_no, &v, err) != 0)
		return -1;
	credit_doc(s, &v, &d);
	svc_credit_view_free(&v);
	rc = issue(s, &CREDIT, &d, r, res, err);
	doc_free(&d);
	return rc;
}

char *
svc_receipt_preview(
    struct svc *s, const char *number, int width, struct pd_err *err)
{
	struct payment_view v;
	struct doc d;
	char *text;

	if (svc_payment_show(s, number, &v, err) != 0)
		return NULL;
	receipt_doc(s, &v, &d);
	svc_payment_view_free(&v);
	text = doc_text(&d, width ? width : s->cfg.text_width);
	doc_free(&d);
	return text;
}

char *
svc_credit_preview(
    struct svc *s, const char *cn_no, int width, struct pd_err *err)
{
	struct credit_view v;
	struct doc d;
	char *text;

	if (svc_credit_show(s, cn_no, &v, err) != 0)
		return NULL;
	credit_doc(s, &v, &d);
	svc_credit_view_free(&v);
	text = doc_text(&d, width ? width : s->cfg.text_width);
	doc_free(&d);
	return text;
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

/* Receipts i, i + step, ... of ns into dir; 0 or -1 with err. */
static int
export_share(struct svc *s, const struct numbers *ns, size_t first, size_t step,
    const char *dir, size_t *count, struct pd_err *err)
{
	struct doc_request r = {0};
	struct doc_result res;
	char path[PATH_MAX];
	size_t i;
	int rc = 0;

	r.out = path;
	for (i = first; i < ns->n; i += step) {
		snprintf(path, sizeof path, "%s/%s.pdf", dir, ns->v[i]);
		if (svc_receipt_issue(s, ns->v[i], &r, &res, err) != 0)
			rc = -1;
		else
			(*count)++;
	}
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
	if (svc_require(s, ROLE_SUPERVISOR, "exporting receipts", err) != 0 ||
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
		rc = pd_fail(err, PD_EDOC, "cannot start export workers: %s",
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
