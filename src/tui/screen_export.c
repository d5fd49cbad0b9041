/* screen_export.c - export what a back office list shows: CSV or Excel,
 * a file in the exports directory named after the list and the time.
 * The export runs with a progress bar; Esc cancels it and no file is
 * left. The filter, order and marks are the list's, copied here. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backoffice.h"

enum { A_START, A_NEXT, A_PREV, A_KLEFT, A_KRIGHT, A_BACK };

static const struct tui_key screen_export_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Export"),
        N_("write the file ({Esc} cancels it)"), A_START},
    {KEY_DOWN, "Down", NULL, N_("the next field (also {Tab})"), A_NEXT},
    {KEY_UP, "Up", NULL, N_("the field above"), A_PREV},
    {KEY_LEFT, "Left", NULL, N_("the format before"), A_KLEFT},
    {KEY_RIGHT, "Right", NULL, N_("the next format"), A_KRIGHT},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without exporting"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

static const char *const formats[] = {"CSV", "Excel (.xlsx)"};
/* The listings in file names, and as the heading names them. */
static const char *const list_names[LISTINGS] = {"payments", "credit-notes",
    "payers", "aging", "forecast",
    "forecast-past", [LIST_ANOMALIES] = "anomalies",
    [LIST_DETERIORATING] = "deteriorating", [LIST_EXCEPTIONS] = "exceptions",
    [LIST_RECON] = "reconciliation", [LIST_RATE_ITEMS] = "rate-items",
    [LIST_TIME_ROWS] = "time-payments", [LIST_OPEN_ITEMS] = "outstanding-items",
    [LIST_DISCONNECT] = "disconnections", [LIST_RECONNECT] = "reconnections",
    [LIST_PLANS] = "arrangements", [LIST_PLAN_PERF] = "plan-performance",
    [LIST_DISPUTES] = "disputes", [LIST_ALERTS] = "alerts"};
static const char *const headings[LISTINGS] = {
    N_("Export the payments as shown (%s)"),
    N_("Export the credit notes as shown (%s)"),
    N_("Export the payers as shown (%s)"), N_("Export the aging as shown (%s)"),
    N_("Export the forecast's weeks ahead (%s)"),
    N_("Export the forecast's past weeks (%s)"),
    [LIST_ANOMALIES] = N_("Export the anomalies shown (%s)"),
    [LIST_DETERIORATING] = N_("Export the deteriorating payers (%s)"),
    [LIST_EXCEPTIONS] = N_("Export the exceptions open (%s)"),
    [LIST_RECON] = N_("Export the account's reconciliation by day (%s)"),
    /* the rows behind the dashboard's tiles 3, 4, 5 (review R23 11) */
    [LIST_RATE_ITEMS] = N_("Export the collection rate's items (%s)"),
    [LIST_TIME_ROWS] = N_("Export the collection time's payments (%s)"),
    [LIST_OPEN_ITEMS] = N_("Export the open items (%s)"),
    /* for the field crews (issue 21) */
    [LIST_DISCONNECT] = N_("Export the disconnection list (%s)"),
    [LIST_RECONNECT] = N_("Export the reconnection list (%s)"),
    [LIST_PLANS] = N_("Export the arrangements as shown (%s)"),
    [LIST_PLAN_PERF] = N_("Export the plans' performance as shown (%s)"),
    [LIST_DISPUTES] = N_("Export the disputes as shown (%s)"),
    [LIST_ALERTS] = N_("Export the alerts as shown (%s)")};

enum { F_FORMAT, F_FILE, F_N };

struct xport {
	struct tui_screen sc;
	struct tui *t;
	enum listing l;
	struct payment_filter pf;
	struct credit_filter cf;
	struct aging_filter af;
	enum payers_sort sort;
	int64_t *marked;
	size_t nmarked;
	char *strs[12]; /* the copied filter strings */
	int nstrs;
	struct tui_form fm;
	struct tui_form_item items[F_N];
	char stamp[32];
	int last_fmt;
	int64_t shown; /* progress drawn at this many rows */
	char account[DEPOSIT_ACCOUNT_BUFSZ]; /* LIST_RECON's; "" [deposits] */
	struct arr_filter plans;             /* LIST_PLANS' (its texts kept) */
	const char *word; /* LIST_DISPUTES' status filter (NULL every one) */
	int kind, all;    /* LIST_ALERTS' (svc_alerts') */
	int last, months; /* LIST_DETERIORATING's (0: the defaults) */
	struct kpi k; /* LIST_RATE_ITEMS' and LIST_TIME_ROWS' figures */
	int drill;    /* LIST_PAYMENTS of a drill-down: headed */
};

static const char *
keep(struct xport *x, const char *s)
{
	if (s == NULL || x->nstrs >= 12)
		return s == NULL ? NULL : "";
	return x->strs[x->nstrs++] = xstrdup(s);
}

/* The default file name for the format chosen. */
static void
file_name(struct xport *x)
{
	struct tui_form_item *it = &x->items[F_FILE];

	snprintf(it->f.buf, sizeof it->f.buf, "%s/%s-%s.%s",
	    x->t->svc->cfg.exports_dir, list_names[x->l], x->stamp,
	    x->items[F_FORMAT].choice ? "xlsx" : "csv");
	it->f.len = strlen(it->f.buf);
	x->last_fmt = x->items[F_FORMAT].choice;
}

static void
bar(struct xport *x, int64_t done, int64_t total)
{
	char line[128], a[SVC_COUNT_BUFSZ], b[SVC_COUNT_BUFSZ];
	int y = 9, w = COLS - 20, fill;

	if (w < 10)
		w = 10;
	fill = total > 0 ? (int)(done * w / (total ? total : 1)) : 0;
	if (fill > w)
		fill = w;
	move(y, 4);
	clrtoeol();
	addch('[');
	attron(tui_attr(x->t, TUI_C_OK, A_REVERSE));
	hline(' ', fill);
	attroff(tui_attr(x->t, TUI_C_OK, A_REVERSE));
	mvaddch(y, 5 + w, ']');
	if (total > 0)
		snprintf(line, sizeof line,
		    ngettext("%s of %s row (%d%%), {Esc} cancels",
		        "%s of %s rows (%d%%), {Esc} cancels",
		        (unsigned long)total),
		    svc_count(x->t->svc, a, sizeof a, done),
		    svc_count(x->t->svc, b, sizeof b, total),
		    (int)(done * 100 / total));
	else
		snprintf(line, sizeof line,
		    ngettext("%s row, {Esc} cancels", "%s rows, {Esc} cancels",
		        (unsigned long)done),
		    svc_count(x->t->svc, a, sizeof a, done));
	move(y + 1, 4);
	clrtoeol();
	tui_text(y + 1, 4, tui_keys(line), COLS - 8);
	refresh();
}

/* Progress from the export: draw, and read a key without waiting. */
static int
progress(int64_t done, int64_t total, void *arg)
{
	struct xport *x = arg;
	int c, cancel = 0;

	if (done != 0 && done != total && done - x->shown < 2048)
		return 0;
	x->shown = done;
	bar(x, done, total);
	timeout(0);
	while ((c = getch()) != ERR)
		if (c == 27)
			cancel = 1;
	timeout(1000);
	return cancel;
}

static int
start(struct xport *x, struct tui *t)
{
	struct export_job j;
	struct payment_filter was;
	struct pd_err err;
	char num[SVC_COUNT_BUFSZ];
	int64_t rows = 0;
	int rc = -1, fmt;
	const char *path = x->items[F_FILE].f.buf;

	if (*path == '\0') {
		tui_message(t, 1, "%s", _("File: give a file name"));
		return TUI_HANDLED;
	}
	fmt = svc_export_format_of(path);
	if (fmt < 0 || fmt != x->items[F_FORMAT].choice) {
		tui_message(t, 1, _("File: %s should end in .%s"), path,
		    x->items[F_FORMAT].choice ? "xlsx" : "csv");
		return TUI_HANDLED;
	}
	memset(&j, 0, sizeof j);
	j.path = path;
	j.format = (enum export_format)fmt;
	/* one CSV, the machine's: the command line's --csv, keys for its
	 * header in every language (issue 25); the workbook is for people */
	j.key_headers = j.format == EXPORT_CSV;
	j.progress = progress;
	j.arg = x;
	j.marked = x->marked;
	j.nmarked = x->nmarked;
	x->shown = 0;
	attron(A_BOLD);
	tui_text(8, 4, _("Exporting..."), COLS - 8);
	attroff(A_BOLD);
	if (svc_export_mkdir(t->svc, path, &err) == 0) {
		switch (x->l) {
		case LIST_PAYMENTS:
			rc = x->drill ? svc_export_payments_headed(
			                    t->svc, &x->pf, &j, &rows, &err)
			              : svc_export_payments(
			                    t->svc, &x->pf, &j, &rows, &err);
			break;
		case LIST_CREDITS:
			rc =
			    svc_export_credits(t->svc, &x->cf, &j, &rows, &err);
			break;
		case LIST_PAYERS:
			rc = svc_export_payers(
			    t->svc, &x->pf, x->sort, &j, &rows, &err);
			break;
		case LIST_FORECAST:
			rc = svc_export_forecast(t->svc, 13,
			    t->svc->narrow.segment, &j, &rows, &err);
			break;
		case LIST_ANOMALIES:
			/* of the dashboard's filters those the screen reads */
			was = tui_narrow_only(t, TUI_ANOMALY_FILTERS);
			rc = svc_export_anomalies(
			    t->svc, x->pf.from, x->pf.to, &j, &rows, &err);
			t->svc->narrow = was;
			break;
		case LIST_DETERIORATING:
			/* the payments and month ends the screen shows, of the
			 * filters it reads (the gateway is none of them) */
			was = tui_narrow_only(t, TUI_DETERIORATING_FILTERS);
			rc = svc_export_deteriorating(t->svc,
			    x->last ? x->last : DETERIORATING_LAST,
			    x->months ? x->months : DETERIORATING_MONTHS, &j,
			    &rows, &err);
			t->svc->narrow = was;
			break;
		case LIST_EXCEPTIONS:
			rc = svc_export_exceptions(t->svc, &j, &rows, &err);
			break;
		case LIST_DISCONNECT:
			rc = svc_export_disconnections(t->svc, &j, &rows, &err);
			break;
		case LIST_RECONNECT:
			rc = svc_export_reconnections(t->svc, &j, &rows, &err);
			break;
		case LIST_PLANS:
			rc = svc_export_plans(
			    t->svc, &x->plans, &j, &rows, &err);
			break;
		case LIST_PLAN_PERF:
			rc = svc_export_plan_perf(t->svc, x->pf.from, x->pf.to,
			    x->pf.segment, &j, &rows, &err);
			break;
		case LIST_ALERTS:
			rc = svc_export_alerts(
			    t->svc, x->kind, x->all, &j, &rows, &err);
			break;
		case LIST_DISPUTES:
			rc = svc_export_disputes(
			    t->svc, x->word, NULL, &j, &rows, &err);
			break;
		case LIST_RATE_ITEMS:
		case LIST_TIME_ROWS:
		case LIST_OPEN_ITEMS:
			rc = svc_export_kpi_rows(
			    t->svc, x->l, &x->k, &j, &rows, &err);
			break;
		case LIST_RECON:
			rc = svc_export_recon(t->svc,
			    x->account[0] ? x->account : NULL, NULL, NULL, &j,
			    &rows, &err);
			break;
		default:
			rc = svc_export_aging(t->svc, &x->af, &j, &rows, &err);
		}
	}
	if (rc != 0) {
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	tui_message(t, 0,
	    ngettext("Exported %s row to %s", "Exported %s rows to %s",
	        (unsigned long)rows),
	    svc_count(t->svc, num, sizeof num, rows), path);
	return TUI_CLOSE;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct xport *x = (struct xport *)sc;
	char line[128];

	if (x->items[F_FORMAT].choice != x->last_fmt)
		file_name(x);
	snprintf(line, sizeof line, _(headings[x->l]),
	    x->nmarked ? _("the marked rows") : _("every row of the filter"));
	attron(A_BOLD);
	tui_wrap(2, 2, line, COLS - 4, 2);
	attroff(A_BOLD);
	tui_form_draw(t, &x->fm, 4, 4, list_form_width(&x->fm, 10), COLS - 8);
	sc->typing = tui_form_typing(&x->fm);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct xport *x = (struct xport *)sc;

	switch (a) {
	case A_START:
		return start(x, t);
	case A_BACK:
		return TUI_CLOSE;
	default:
		tui_form_move(&x->fm, a - A_NEXT);
		return TUI_HANDLED;
	}
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct xport *x = (struct xport *)sc;

	(void)t;
	tui_form_input(&x->fm, key, ch);
	return TUI_HANDLED;
}

static void
free_export(struct tui_screen *sc)
{
	struct xport *x = (struct xport *)sc;
	int i;

	for (i = 0; i < x->nstrs; i++)
		free(x->strs[i]);
	free(x->marked);
}

const struct tui_screen_class screen_export_class = {
    .name = "Export",
    .title = N_("Export"),
    .keys = screen_export_keys,
    .nkeys = TUI_NKEYS(screen_export_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_export,
    .fields = 1,
};

struct tui_screen *
screen_export_new(struct tui *t, enum listing l,
    const struct payment_filter *pf, const struct credit_filter *cf,
    const struct aging_filter *af, enum payers_sort sort, const int64_t *marked,
    size_t nmarked)
{
	struct xport *x = xcalloc(1, sizeof *x);
	time_t now = time(NULL);
	struct tm tm;

	x->t = t;
	x->l = l;
	x->plans.status = -1;
	x->kind = -1;
	x->sort = sort;
	if (pf != NULL) {
		x->pf = *pf;
		x->pf.after = NULL;
		x->pf.from = keep(x, pf->from);
		x->pf.to = keep(x, pf->to);
		x->pf.method = keep(x, pf->method);
		x->pf.channel = keep(x, pf->channel);
		x->pf.recorded_by = keep(x, pf->recorded_by);
		x->pf.terminal = keep(x, pf->terminal);
		x->pf.search = keep(x, pf->search);
		x->pf.segment = keep(x, pf->segment);
		x->pf.period = keep(x, pf->period);
	}
	if (cf != NULL) {
		x->cf = *cf;
		x->cf.after = NULL;
		x->cf.from = keep(x, cf->from);
		x->cf.to = keep(x, cf->to);
		x->cf.search = keep(x, cf->search);
		x->cf.receipt = keep(x, cf->receipt);
		x->cf.segment = keep(x, cf->segment);
		x->cf.branch = keep(x, cf->branch);
		x->cf.recorded_by = keep(x, cf->recorded_by);
	}
	if (af != NULL) {
		x->af = *af;
		x->af.search = keep(x, af->search);
	}
	if (nmarked > 0) {
		x->marked = xcalloc(nmarked, sizeof *marked);
		memcpy(x->marked, marked, nmarked * sizeof *marked);
		x->nmarked = nmarked;
	}
	localtime_r(&now, &tm);
	strftime(x->stamp, sizeof x->stamp, "%Y%m%d-%H%M%S", &tm);
	tui_form_choice(&x->items[F_FORMAT], _("Format"), formats, 2, 0);
	tui_form_text(&x->items[F_FILE], _("File"), 400, NULL);
	x->fm.items = x->items;
	x->fm.n = F_N;
	file_name(x);
	x->sc.cls = &screen_export_class;
	return &x->sc;
}

void
screen_export_account(struct tui_screen *sc, const char *account)
{
	struct xport *x = (struct xport *)sc;

	xstrlcpy(x->account, account ? account : "", sizeof x->account);
}

void
screen_export_counts(struct tui_screen *sc, int last, int months)
{
	struct xport *x = (struct xport *)sc;

	x->last = last;
	x->months = months;
}

void
screen_export_kpi(struct tui_screen *sc, const struct kpi *k)
{
	struct xport *x = (struct xport *)sc;

	x->k = *k;
}

void
screen_export_drill(struct tui_screen *sc)
{
	((struct xport *)sc)->drill = 1;
}

void
screen_export_plans(struct tui_screen *sc, const struct arr_filter *f)
{
	struct xport *x = (struct xport *)sc;

	x->plans.account = keep(x, f->account);
	x->plans.status = f->status;
	x->plans.from = keep(x, f->from);
	x->plans.to = keep(x, f->to);
	x->plans.segment = keep(x, f->segment);
}

void
screen_export_status(struct tui_screen *sc, const char *word)
{
	((struct xport *)sc)->word = word;
}

void
screen_export_alerts(struct tui_screen *sc, int kind, int all)
{
	struct xport *x = (struct xport *)sc;

	x->kind = kind;
	x->all = all;
}
