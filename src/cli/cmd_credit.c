/* cmd_credit.c - credit-note create|apply|void|show, credit-notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "opts.h"

int
cmd_credit_create(struct cli *c, int argc, char **argv)
{
	const char *amount = NULL, *reason = NULL, *remarks = NULL;
	struct opt o[] = {{"amount", 0, &amount}, {"reason", 0, &reason},
	    {"remarks", 0, &remarks}, {NULL, 0, NULL}};
	struct credit_note cn;
	struct rec *r;
	int64_t amt;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (amount == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("credit-note create: "
		      "--amount is required"));
	if (cli_money(c, "--amount", amount, &amt) != 0 ||
	    svc_credit_create(
	        &c->svc, pos[0], amt, reason, remarks, &cn, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_str(r, _("Credit note"), "number", cn.cn_no);
	rec_money(r, _("Amount"), "amount", cn.amount);
	rec_word(r, _("Reason"), "reason", cn.reason);
	rec_str(r, _("Linked receipt"), "linked_receipt", cn.receipt_no);
	rec_date(r, _("Expires"), "expires_on", cn.expires_on);
	rec_print(r);
	return 0;
}

int
cmd_credit_apply(struct cli *c, int argc, char **argv)
{
	const char *to = NULL, *amount = NULL;
	struct opt o[] = {
	    {"to", 0, &to}, {"amount", 0, &amount}, {NULL, 0, NULL}};
	struct credit_application a;
	struct credit_view v;
	struct rec *r;
	int64_t amt;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (to == NULL || amount == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("credit-note apply: --to "
		      "REF and --amount X are required"));
	if (cli_money(c, "--amount", amount, &amt) != 0 ||
	    svc_credit_apply(&c->svc, pos[0], to, amt, &a, &c->err) != 0 ||
	    svc_credit_show(&c->svc, pos[0], &v, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_str(r, _("Credit note"), "number", v.cn.cn_no);
	rec_str(r, _("Applied to"), "item_ref", a.item_ref);
	rec_money(r, _("Amount applied"), "amount", a.amount);
	rec_money(r, _("Remaining balance"), "remaining", v.remaining);
	rec_term(r, _("Status"), "status", credit_status_term(v.status));
	rec_print(r);
	svc_credit_view_free(&v);
	return 0;
}

int
cmd_credit_void(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL;
	struct opt o[] = {{"reason", 0, &reason}, {NULL, 0, NULL}};
	struct credit_view v;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (reason == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("credit-note void: --reason is required"));
	if (svc_credit_void(&c->svc, pos[0], reason, &c->err) != 0 ||
	    svc_credit_show(&c->svc, pos[0], &v, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_str(r, _("Credit note"), "number", v.cn.cn_no);
	rec_term(r, _("Status"), "status", credit_status_term(v.status));
	rec_money(r, _("Applied"), "applied", v.cn.applied);
	rec_print(r);
	svc_credit_view_free(&v);
	return 0;
}

int
cmd_credit_show(struct cli *c, int argc, char **argv)
{
	struct credit_view v;
	struct rec *r;
	char **pos;
	int npos;
	size_t i;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    cli_personal_data(c) != 0 ||
	    svc_credit_show(&c->svc, pos[0], &v, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_str(r, _("Credit note"), "number", v.cn.cn_no);
	rec_term(r, _("Status"), "status", credit_status_term(v.status));
	rec_section(r, _("Consumer"), "consumer");
	rec_str(r, _("Name"), "name", v.cn.consumer_name);
	rec_str(r, _("Account number"), "account_no", v.cn.account_no);
	rec_end(r);
	rec_section(r, _("Dates"), "dates");
	rec_time(r, _("Created"), "created_at", v.cn.created_at);
	rec_date(r, _("Expires"), "expires_on", v.cn.expires_on);
	rec_end(r);
	rec_section(r, _("Financial details"), "financial");
	rec_money(r, _("Original credit amount"), "amount", v.cn.amount);
	rec_money(r, _("Applied amount"), "applied", v.cn.applied);
	rec_money(r, _("Remaining balance"), "remaining", v.remaining);
	rec_tenths(r, _("Usage"), "usage_percent", v.usage_tenths, "%");
	rec_end(r);
	rec_section(r, _("Credit note information"), "info");
	rec_word(r, _("Reason"), "reason", v.cn.reason);
	rec_word(r, _("Created by"), "created_by", v.cn.created_by);
	rec_str(r, _("Linked payment"), "linked_receipt", v.cn.receipt_no);
	rec_word(r, _("Remarks"), "remarks", v.cn.remarks);
	rec_str(r, _("Terminal"), "terminal", v.cn.terminal);
	rec_end(r);
	rec_list(r, _("Applications (date, item, amount)"), "applications");
	for (i = 0; i < v.napps; i++) {
		rec_item(r);
		rec_date(r, _("Date"), "applied_on", v.apps[i].applied_on);
		rec_str(r, _("Item"), "item_ref", v.apps[i].item_ref);
		rec_money(r, _("Amount"), "amount", v.apps[i].amount);
		rec_end(r);
	}
	rec_end(r);
	rec_print(r);
	svc_credit_view_free(&v);
	return 0;
}

struct cn_ctx {
	struct cli *c;
	struct table *t;
};

static int
cn_row(const struct credit_note *n, void *arg)
{
	struct cn_ctx *x = arg;
	struct xcell cells[16];

	svc_credit_cells(&x->c->svc, n, cells);
	table_cells(x->t, cells);
	return 0;
}

int
cmd_credit_notes(struct cli *c, int argc, char **argv)
{
	const char *status = NULL, *from = NULL, *to = NULL, *reason = NULL,
	           *search = NULL, *remaining = NULL, *min = NULL, *max = NULL,
	           *limit = NULL, *consumer = NULL, *receipt = NULL,
	           *scope = NULL;
	struct opt o[24] = {{"status", OPT_FILTER, &status}, {"from", 0, &from},
	    {"to", 0, &to}, {"reason", OPT_FILTER, &reason},
	    {"search", 0, &search}, {"remaining", 0, &remaining},
	    {"min", 0, &min}, {"max", 0, &max}, {"limit", 0, &limit},
	    {"consumer", OPT_FILTER, &consumer},
	    {"receipt", OPT_FILTER, &receipt}, {"scope", OPT_FILTER, &scope}};
	/* the report filters that a note has (review R23): its consumer's
	 * segment, its creation day's period, its payment's branch and
	 * user; no method, channel or gateway */
	const unsigned rf = SVC_FILTER_BIT(SVC_FILTER_SEGMENT) |
	    SVC_FILTER_BIT(SVC_FILTER_PERIOD) |
	    SVC_FILTER_BIT(SVC_FILTER_BRANCH) | SVC_FILTER_BIT(SVC_FILTER_USER);
	struct svc_filters fs;
	struct payment_filter pf;
	int no = 12;
	struct credit_filter f;
	struct export_job j;
	struct consumer_view v;
	struct cn_ctx x;
	const struct xcol *cols;
	int64_t rows = 0;
	char **pos, *reasons = NULL, *p, d1[SVC_DATE_BUFSZ], d2[SVC_DATE_BUFSZ];
	int npos, rc, ncols;

	memset(&f, 0, sizeof f);
	memset(&pf, 0, sizeof pf);
	f.status = -1;
	f.remaining = -1;
	f.min_amount = f.max_amount = -1;
	f.limit = c->mode == OUT_XLSX || c->mode == OUT_CSV ? 0 : 100;
	cli_filter_opts(o, &no, &fs, rf);
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    (from && (from = cli_from(c, from)) == NULL) ||
	    (to && (to = cli_to(c, to)) == NULL) ||
	    (min && cli_money(c, "--min", min, &f.min_amount) != 0) ||
	    (max && cli_money(c, "--max", max, &f.max_amount) != 0) ||
	    (limit && cli_limit(c, limit, &f.limit) != 0) ||
	    cli_scope(c, scope) != 0)
		return -1;
	if (from && to && strcmp(from, to) > 0)
		return pd_fail(&c->err, PD_EINVAL,
		    _("--from %s is after --to %s"),
		    svc_date(&c->svc, d1, sizeof d1, from),
		    svc_date(&c->svc, d2, sizeof d2, to));
	/* the period in place of --from and --to (refused beside them) */
	pf.from = from;
	pf.to = to;
	if (svc_filters_parse(&c->svc, &fs, rf, &pf, &c->err) != 0)
		return -1;
	f.from = pf.from;
	f.to = pf.to;
	f.segment = pf.segment;
	f.branch = pf.branch;
	f.recorded_by = pf.recorded_by;
	f.search = search;
	if (status && strcasecmp(status, "all") != 0 &&
	    (f.status = credit_status_parse(status)) < 0)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--status \"%s\": one of "
		      "All, Active, Applied, Expired, Voided"),
		    status);
	if (remaining) {
		f.remaining = strcmp(remaining, "used") == 0      ? 0
		              : strcmp(remaining, "partial") == 0 ? 1
		              : strcmp(remaining, "full") == 0    ? 2
		                                                  : -2;
		if (f.remaining == -2)
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--remaining \"%s\": "
			      "one of used, partial, full"),
			    remaining);
	}
	if (reason) {
		reasons = xstrdup(reason);
		for (p = strtok(reasons, ","); p && f.nreasons < 16;
		     p = strtok(NULL, ",")) {
			/* typed as the operator reads it or as stored;
			 * filtered by the stored term */
			const char *r = svc_credit_reason(&c->svc.cfg, p);

			if (r == NULL) {
				char list[800];

				svc_credit_reasons(
				    &c->svc.cfg, list, sizeof list);
				pd_fail(&c->err, PD_EUSAGE,
				    _("--reason \"%s\" is "
				      "not a configured reason; choose "
				      "one of: %s"),
				    p, list);
				free(reasons);
				return -1;
			}
			f.reasons[f.nreasons++] = r;
		}
	}
	f.receipt = receipt;
	if (consumer) {
		if (svc_consumer_show(&c->svc, consumer, &v, &c->err) != 0) {
			pd_err_prefix(&c->err, "--consumer: ");
			free(reasons);
			return -1;
		}
		f.consumer_id = v.c.id;
		svc_consumer_view_free(&v);
	}
	if (cli_export_job(c, &j)) {
		rc = svc_export_credits(&c->svc, &f, &j, &rows, &c->err);
		free(reasons);
		return cli_export_end(c, rc, rows);
	}
	/* JSON is an export too; the text listing is the counter's, for a
	 * signed-in user (cli_personal_data) */
	if (cli_personal_data(c) != 0) {
		free(reasons);
		return -1;
	}
	x.c = c;
	cols = svc_listing_cols(LIST_CREDITS, &ncols);
	/* whose credit notes: those of the scope's payments (issue 23) */
	cli_list_scope_line(c, search);
	cli_kpi_rows_filters(c, &fs); /* named under the scope (review R23 s41) */
	x.t = table_new(c, cols, ncols);
	rc = svc_credits_each(&c->svc, &f, cn_row, &x, &c->err);
	free(reasons);
	return table_done(x.t, rc);
}
