/* cmd_report.c - report payers (the consumers who paid in the filters'
 * period, ranked; or their payments split by method or gateway) and
 * report aging (the open items by age). The kpi figures are cmd_kpi.c's;
 * the forecast, deteriorating payers and anomalies cmd_analysis.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"

struct payer_ctx {
	struct cli *c;
	struct table *t;
};

static int
payer_row(const struct payer_row *row, void *arg)
{
	struct payer_ctx *x = arg;
	char buf[LISTING_BUFSZ];
	struct xcell cells[16];

	svc_payer_cells(&x->c->svc, row,
	    x->c->mode != OUT_TEXT ? SVC_METHODS_PLAIN : SVC_METHODS_SHOWN, buf,
	    cells);
	table_cells(x->t, cells);
	return 0;
}

/* A distribution's rows, kept: a row's share needs the total first. */
struct split_ctx {
	struct split_row *rows;
	char (*keys)[48];
	size_t n, cap;
	int64_t total;
};

static int
split_keep(const struct split_row *r, void *arg)
{
	struct split_ctx *x = arg;

	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 16;
		x->rows = xrealloc(x->rows, x->cap, sizeof *x->rows);
		x->keys = xrealloc(x->keys, x->cap, sizeof *x->keys);
	}
	x->rows[x->n] = *r;
	snprintf(x->keys[x->n], sizeof x->keys[0], "%s", r->key);
	x->total += r->amount;
	x->n++;
	return 0;
}

/* `report payers --split method|gateway`: the filter's Posted payments
 * per method or per gateway (issue 19, seed 000's gateway visibility);
 * a gateway's key in JSON and CSV is its name, "" the counters'. */
static int
payers_split(struct cli *c, const struct payment_filter *f,
    const struct svc_filters *fs, enum split_by by)
{
	static const struct xcol cols[2][5] = {
	    {{NC_("column", "Method"), "method", X_TEXT, 16, 0},
	        {NC_("column", "Amount"), "amount", X_MONEY, 14, 0},
	        {NC_("column", "Payments"), "payments", X_INT, 9, 0},
	        {NC_("column", "Payers"), "payers", X_INT, 8, 0},
	        {NC_("column", "Share %"), "share_pct", X_TENTHS, 8, 0}},
	    {{NC_("column", "Gateway"), "gateway", X_ID, 16, 0},
	        {NC_("column", "Amount"), "amount", X_MONEY, 14, 0},
	        {NC_("column", "Payments"), "payments", X_INT, 9, 0},
	        {NC_("column", "Payers"), "payers", X_INT, 8, 0},
	        {NC_("column", "Share %"), "share_pct", X_TENTHS, 8, 0}}};
	struct split_ctx x = {0};
	struct xcell cell[5];
	struct table *t;
	size_t i;
	int rc;

	rc = svc_split(&c->svc, f, by, split_keep, &x, &c->err);
	if (rc == 0) {
		cli_scope_line(c);
		/* named under the scope, as the report's (review s51,
		 * helper-218: the split's text named none) */
		cli_kpi_rows_filters(c, fs);
	}
	t = table_new(c, cols[by == SPLIT_GATEWAY], 5);
	for (i = 0; rc == 0 && i < x.n; i++) {
		memset(cell, 0, sizeof cell);
		cell[0].s = c->mode == OUT_TEXT ? svc_split_name(x.keys[i], by)
		                                : x.keys[i];
		cell[1].n = x.rows[i].amount;
		cell[2].n = x.rows[i].count;
		cell[3].n = x.rows[i].payers;
		cell[4].n = money_ratio_tenths(x.rows[i].amount, x.total);
		table_cells(t, cell);
	}
	free(x.rows);
	free(x.keys);
	return table_done(t, rc);
}

int
cmd_report_payers(struct cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *search = NULL, *sort = NULL,
	           *limit = NULL, *split = NULL, *scope = NULL;
	struct opt o[24] = {{"from", 0, &from}, {"to", 0, &to},
	    {"search", 0, &search}, {"sort", 0, &sort}, {"limit", 0, &limit},
	    {"split", OPT_FILTER, &split}, {"scope", OPT_FILTER, &scope}};
	struct svc_filters fs;
	static const char *const sorts[PAYERS_SORTS] = {
	    "total", "count", "last", "name", "account", "methods"};
	struct payment_filter f;
	struct payer_ctx x;
	struct export_job j;
	enum payers_sort by = PAYERS_BY_TOTAL;
	const struct xcol *cols;
	int64_t rows = 0;
	char **pos;
	int npos, rc, i, ncols, no = 7;

	memset(&f, 0, sizeof f);
	cli_filter_opts(o, &no, &fs, SVC_FILTER_ALL);
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    cli_payment_filter(c, &f, from, to, NULL, NULL, limit) != 0 ||
	    cli_scope(c, scope) != 0 ||
	    svc_filters_parse(&c->svc, &fs, SVC_FILTER_ALL, &f, &c->err) != 0)
		return -1;
	if (limit == NULL && c->mode != OUT_XLSX && c->mode != OUT_CSV)
		f.limit = 50;
	if (sort) {
		for (i = 0; i < PAYERS_SORTS && strcmp(sort, sorts[i]) != 0;
		     i++)
			;
		if (i == PAYERS_SORTS)
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--sort \"%s\": one "
			      "of total, count, last, name, account, methods"),
			    sort);
		by = (enum payers_sort)i;
	}
	f.search = search;
	if (split != NULL) {
		/* a word of neither, and options that do not go together:
		 * usage errors, status 2, as a filter's value of no accepted
		 * form and kpi's --xlsx without --rows (review s52: both
		 * were status 3) */
		if (strcmp(split, "method") != 0 && strcmp(split, "gateway") != 0)
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--split \"%s\": method or gateway"), split);
		if (sort != NULL || limit != NULL || c->mode == OUT_XLSX)
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--split prints the distribution as a table "
			      "(text, --json or --csv): it takes no --sort, "
			      "--limit or workbook"));
		return payers_split(c, &f, &fs,
		    strcmp(split, "gateway") == 0 ? SPLIT_GATEWAY
		                                  : SPLIT_METHOD);
	}
	if (cli_export_job(c, &j)) {
		rc = svc_export_payers(&c->svc, &f, by, &j, &rows, &c->err);
		return cli_export_end(c, rc, rows);
	}
	x.c = c;
	cols = svc_listing_cols(LIST_PAYERS, &ncols);
	/* the scope's line only above a report that is read */
	if (svc_require(&c->svc, ROLE_SUPERVISOR, _("The payers report"),
	        &c->err) != 0 ||
	    svc_payment_filter_check(&c->svc, &f, &c->err) != 0)
		return -1;
	cli_scope_line(c);
	cli_kpi_rows_filters(c, &fs); /* named under the scope (review R23 s41) */
	x.t = table_new(c, cols, ncols);
	rc = svc_payers_each(&c->svc, &f, by, payer_row, &x, &c->err);
	return table_done(x.t, rc);
}

static int
aging_row(const struct aging_row *row, void *arg)
{
	struct table *t = arg;
	struct xcell cells[16];

	svc_aging_cells(row, cells);
	table_cells(t, cells);
	return 0;
}

int
cmd_report_aging(struct cli *c, int argc, char **argv)
{
	const char *search = NULL, *consumer = NULL, *older = NULL,
	           *limit = NULL;
	struct opt o[8] = {{"search", 0, &search},
	    {"consumer", OPT_FILTER, &consumer},
	    {"older-than", OPT_FILTER, &older}, {"limit", 0, &limit}};
	struct svc_filters fs;
	struct payment_filter pf;
	static const char *const olders[] = {"0", "30", "60", "90"};
	struct aging_filter f;
	struct consumer_view v;
	struct export_job j;
	struct aging a;
	struct table *t;
	struct rec *r;
	const struct xcol *cols;
	int64_t rows = 0;
	char **pos, label[96], num[SVC_COUNT_BUFSZ];
	int npos, rc, ncols, b, no = 4;

	memset(&f, 0, sizeof f);
	memset(&pf, 0, sizeof pf);
	/* of the filters, the segment: items belong to no branch, user,
	 * method or period */
	cli_filter_opts(o, &no, &fs, SVC_FILTER_BIT(SVC_FILTER_SEGMENT));
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    (limit && cli_limit(c, limit, &f.limit) != 0) ||
	    svc_filters_parse(&c->svc, &fs, SVC_FILTER_BIT(SVC_FILTER_SEGMENT),
	        &pf, &c->err) != 0)
		return -1;
	f.segment = pf.segment;
	if (limit == NULL && c->mode != OUT_XLSX && c->mode != OUT_CSV)
		f.limit = 50;
	if (older) {
		for (b = 0; b < 4 && strcmp(older, olders[b]) != 0; b++)
			;
		if (b == 4) /* a word of none: status 2 (review s52) */
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--older-than \"%s\": one of 0, 30, 60, 90 (days "
			      "past due)"),
			    older);
		f.min_bucket = b + 1;
	}
	f.search = search;
	if (consumer) {
		if (svc_consumer_show(&c->svc, consumer, &v, &c->err) != 0) {
			pd_err_prefix(&c->err, "--consumer: ");
			return -1;
		}
		f.consumer_id = v.c.id;
		svc_consumer_view_free(&v);
	}
	if (cli_export_job(c, &j)) {
		rc = svc_export_aging(&c->svc, &f, &j, &rows, &c->err);
		return cli_export_end(c, rc, rows);
	}
	if (svc_aging_total(&c->svc, &f, &a, &c->err) != 0)
		return -1;
	/* no scope: see paydesk(1) SCOPES (issue 23) */
	cli_fixed_scope_line(c, 0);
	cli_kpi_rows_filters(c, &fs); /* named under the scope (review R23 s41) */
	if (c->mode == OUT_JSON)
		fputs("{\"totals\": ", stdout);
	r = rec_new(c);
	rec_section(r, _("Outstanding by days past due"), "buckets");
	for (b = 0; b < AGE_BUCKETS; b++) {
		snprintf(label, sizeof label,
		    ngettext("%s (%s item)", "%s (%s items)",
		        (unsigned long)a.count[b]),
		    _(age_bucket_name((enum age_bucket)b)),
		    svc_count(&c->svc, num, sizeof num, a.count[b]));
		rec_money(
		    r, label, age_bucket_name((enum age_bucket)b), a.amount[b]);
	}
	rec_end(r);
	rec_money(r, _("Total outstanding"), "total", a.total);
	rec_int(r, _("Open items"), "items", a.items);
	/* of the total, in the buckets too: counted once (issue 21) */
	rec_money(r, _("Of which under arrangement"), "under_arrangement",
	    a.arranged);
	rec_int(r, _("Installments under arrangement"),
	    "under_arrangement_items", a.arranged_items);
	rec_print(r);
	if (c->mode == OUT_JSON)
		fputs(", \"consumers\": ", stdout);
	else
		fputc('\n', stdout);
	cols = svc_listing_cols(LIST_AGING, &ncols);
	t = table_new(c, cols, ncols);
	rc = svc_aging_each(&c->svc, &f, aging_row, t, &c->err);
	table_end(t);
	if (c->mode == OUT_JSON)
		fputs("}\n", stdout);
	return rc;
}
