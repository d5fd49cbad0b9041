/* cmd_kpi_rows.c - kpi --rows beside cmd_kpi.c: the rows behind each
 * figure, the line naming the rows' filters, and the open items behind
 * Outstanding (review R23: "from each KPI tile to the rows behind it"). */
#include <stdio.h>
#include <string.h>

#include "opts.h"

void
cli_kpi_rows_filters(struct cli *c, const struct svc_filters *fs)
{
	char title[160], line[200];

	/* under the scope line: the rows of a filtered figure said only
	 * their scope */
	if (c->mode != OUT_TEXT ||
	    svc_filters_title(fs, title, sizeof title)[0] == '\0')
		return;
	snprintf(line, sizeof line, _("Filters: %s"), title);
	puts(line);
}

/* The workbook's heading block of the figure's rows: its days, the
 * figure's filters (its accounting period named, narrow.period). */
static void
kpi_heading(struct table *t, const char *from, const char *to)
{
	table_heading(t, from, to, SVC_FILTER_ALL);
}

static int
open_row(const struct open_row *row, void *arg)
{
	struct xcell cells[16];

	svc_open_cells(row, cells);
	table_cells(arg, cells);
	return 0;
}

int
cli_kpi_open_rows(struct cli *c, const struct svc_filters *fs)
{
	struct svc_filters seg;
	const struct xcol *cols;
	struct table *t;
	int ncols, k;

	/* refused before a line is printed */
	if (svc_require(&c->svc, ROLE_SUPERVISOR,
	        _("The list of the outstanding items"), &c->err) != 0)
		return -1;
	/* a filter of payments is none of an open item's: refused, as
	 * credit-notes refuses one a note has not (review R23 s41: taken
	 * without a word, every open item listed) */
	for (k = 0; k < SVC_FILTERS; k++)
		if (k != SVC_FILTER_SEGMENT && fs->text[k] != NULL)
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--%s is not a filter of the open items of kpi "
			      "--rows outstanding (an open item is of no "
			      "branch, user, channel, method, gateway or "
			      "period); --segment is"),
			    svc_filter_option((enum svc_filter)k));
	/* an open item is the organisation's, of no terminal, branch, user
	 * or period: the segment alone narrows them, as it does the figure */
	memset(&seg, 0, sizeof seg);
	seg.text[SVC_FILTER_SEGMENT] = fs->text[SVC_FILTER_SEGMENT];
	cli_fixed_scope_line(c, 0);
	cli_kpi_rows_filters(c, &seg);
	cols = svc_listing_cols(LIST_OPEN_ITEMS, &ncols);
	t = table_new(c, cols, ncols);
	table_sheet(t, N_("Outstanding items"));
	{
		char today[11];

		svc_today(today);
		table_heading(t, today, NULL, SVC_ITEM_FILTERS | SVC_HEAD_ORG);
	}
	return table_done(t, svc_open_rows(&c->svc, open_row, t, &c->err));
}

static int
time_row(const struct time_row *row, void *arg)
{
	struct xcell cells[16];

	svc_time_cells(row, cells);
	table_cells(arg, cells);
	return 0;
}

/* `kpi --rows time`: the allocations behind the Average Collection Time
 * of the month, of the scope and filters; their days' mean is it. */
int
cli_kpi_time_rows(struct cli *c, const struct kpi *k,
    const struct svc_filters *fs)
{
	const struct xcol *cols;
	struct table *t;
	int ncols;

	/* refused before a line is printed */
	if (svc_require(&c->svc, ROLE_SUPERVISOR,
	        _("The list of the collection time's payments"), &c->err) != 0)
		return -1;
	cli_scope_line(c);
	cli_kpi_rows_filters(c, fs);
	cols = svc_listing_cols(LIST_TIME_ROWS, &ncols);
	t = table_new(c, cols, ncols);
	table_sheet(t, N_("Collection time"));
	kpi_heading(t, k->from, k->to);
	return table_done(t, svc_time_rows(&c->svc, k, time_row, t, &c->err));
}

static int
rate_row(const struct rate_row *row, void *arg)
{
	struct xcell cells[16];

	svc_rate_cells(row, cells);
	table_cells(arg, cells);
	return 0;
}

static int
kpi_payment_row(const struct payment_row *row, void *arg)
{
	struct xcell cells[16];

	svc_payment_cells(row, cells);
	table_cells(arg, cells);
	return 0;
}

/* `kpi --rows collected|day|rate|outstanding|time`: the rows behind a figure
 * of k (issue 23's drill-down), of the scope in force: the Posted
 * payments Total Collected counts (the month's), those of Received Today
 * (the --day's, a day of the chart), the items Collection Rate counts
 * with what paid them, or the open items of Outstanding (review R23). */
int
cli_kpi_rows(struct cli *c, const char *rows, const struct kpi *k,
    const struct svc_filters *fs)
{
	static const char *const names[] = {
	    "collected", "day", "rate", "outstanding", "time"};
	struct payment_filter f;
	const struct xcol *cols;
	struct table *t;
	int i, ncols, rc;

	for (i = 0; i < 5 && strcmp(rows, names[i]) != 0; i++)
		;
	if (i == 5) /* a word of none: status 2 (review s52) */
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--rows \"%s\": collected (the payments Total Collected "
		      "counts), day (those of Received Today, or of --day), "
		      "rate (the items Collection Rate counts), outstanding "
		      "(the open items today) or time (the payments the "
		      "Average Collection Time counts)"),
		    rows);
	if (i == 3)
		return cli_kpi_open_rows(c, fs);
	if (i == 4)
		return cli_kpi_time_rows(c, k, fs);
	/* kpi --rows is a supervisor's (paydesk(1), the role table): the
	 * payments' rows name their consumers, in every mode (review
	 * R23b: with no user, or a cashier's, they were printed) */
	if (i < 2 && svc_require(&c->svc, ROLE_SUPERVISOR,
	                 _("The list of the payments a figure counts"),
	                 &c->err) != 0)
		return -1;
	cols =
	    svc_listing_cols(i == 2 ? LIST_RATE_ITEMS : LIST_PAYMENTS, &ncols);
	if (i == 2) {
		/* refused before a line is printed */
		if (svc_require(&c->svc, ROLE_SUPERVISOR,
		        _("The list of the collection rate's items"), &c->err) != 0)
			return -1;
		cli_scope_line(c);
		cli_kpi_rows_filters(c, fs);
		t = table_new(c, cols, ncols);
		table_sheet(t, N_("Collection rate items"));
		kpi_heading(t, k->from, k->to);
		return table_done(
		    t, svc_rate_rows(&c->svc, k, rate_row, t, &c->err));
	}
	/* the rows of the figure's filters too */
	f = c->svc.narrow;
	f.status = PS_POSTED;
	f.type = -1;
	f.from = i == 0 ? k->from : k->day;
	f.to = i == 0 ? k->to : k->day;
	cli_scope_line(c);
	cli_kpi_rows_filters(c, fs);
	t = table_new(c, cols, ncols);
	table_sheet(t, i == 0 ? N_("Payments") : N_("Received"));
	kpi_heading(t, f.from, f.to);
	rc = svc_payments_each(&c->svc, &f, kpi_payment_row, t, &c->err);
	return table_done(t, rc);
}
