/* screen_payers.c - the payers report: one row per consumer with total
 * paid, payments, last payment and the amount per method, for a filter
 * (date range, method, operator, channel, consumer name), sorted by any
 * of total, count, last payment or name. Rows are marked with Space; the
 * export writes the marked rows or the whole filtered result, in the
 * order shown. d shows the method distribution of the filter. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_SORT, A_FILTER, A_SPLIT, A_GATEWAYS, A_EXPORT, A_OPEN, A_BACK };

static const struct tui_key screen_payers_keys[] = {
    TUI_LIST_MARK_KEYS,
    {'s', "s", N_("Sort"),
        N_("sort by total, count, last payment, name, account, methods"),
        A_SORT},
    {'f', "f", N_("Filter"), N_("edit the filters ({Enter} applies)"),
        A_FILTER},
    {'d', "d", N_("Methods"), N_("the method distribution of the filter"),
        A_SPLIT},
    {'g', "g", N_("Gateways"),
        N_("the filter's payments by the gateway that took them"),
        A_GATEWAYS},
    {'x', "x", N_("Export"), N_("export the marked rows, or all of them"),
        A_EXPORT},
    {TUI_KEY_ENTER, "Enter", NULL, N_("apply the filters (while editing)"),
        A_OPEN},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"),
        N_("stop editing, or back to the dashboard"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

#define PAYERS_SHOWN 1000

enum {
	F_RANGE,
	F_FROM,
	F_TO,
	F_METHOD,
	F_OPERATOR,
	F_CHANNEL,
	F_GATEWAY,
	/* the command line's report payers' filters too (R23 fault 11) */
	F_SEGMENT,
	F_PERIOD,
	F_BRANCH,
	F_NAME,
	F_N
};

static const char *const sort_names[PAYERS_SORTS] = {N_("total paid"),
    N_("payments"), N_("last payment"), N_("name"), N_("account"),
    N_("methods")};

struct payers {
	struct tui_screen sc;
	struct payer_row *rows;
	size_t n;
	enum payers_sort sort;
	struct tui_list list; /* marks: the consumers to export */
	struct tui_form fm;
	struct tui_form_item items[F_N];
	const char *methods[CFG_LIST_MAX + 1];
	const char *channels[CFG_LIST_MAX + 1];
	const char *ranges[R_COUNT];
	int editing;
	int split; /* a distribution is shown: by method or by gateway */
	enum split_by by;
	struct {
		char name[48];
		int64_t amount, count, payers;
	} dist[CFG_LIST_MAX + 4];
	int ndist;
	char from[11], to[11];
	char pfrom[11], pto[11]; /* the Period applied, its days; "": none */
	char pname[16]; /* and as typed (FY2026-P08), for an export's heading */
	char puser[33]; /* the User applied as stored (KIM: kim); "": none */
};

/* The form's dates (the organisation's format or ISO) as ISO into lf;
 * 0, or -1 with err naming the field and the format. */
static int
form_dates(struct payers *p, struct tui *t, struct list_filters *lf,
    struct pd_err *err)
{
	const struct tui_form_item *it = p->items;

	lf->from[0] = lf->to[0] = '\0';
	if (it[F_FROM].f.buf[0] && svc_date_parse(t->svc, it[F_FROM].f.buf,
	                               _("From"), lf->from, err) != 0)
		return -1;
	if (it[F_TO].f.buf[0] &&
	    svc_date_parse(t->svc, it[F_TO].f.buf, _("To"), lf->to, err) != 0)
		return -1;
	return 0;
}

static void
filter_of(struct payers *p, struct tui *t, struct payment_filter *f)
{
	struct list_filters lf;
	struct pd_err err;
	const struct tui_form_item *it = p->items;

	memset(f, 0, sizeof *f);
	f->status = f->type = -1;
	memset(&lf, 0, sizeof lf);
	lf.range = it[F_RANGE].choice;
	/* a date the form refused (action) is open here */
	if (form_dates(p, t, &lf, &err) != 0)
		lf.from[0] = lf.to[0] = '\0';
	if (list_range(&lf, p->from, p->to)) {
		f->from = p->from;
		f->to = p->to;
	}
	if (it[F_METHOD].choice > 0)
		f->method = t->svc->cfg.methods[it[F_METHOD].choice - 1].name;
	if (it[F_OPERATOR].f.len)
		f->recorded_by =
		    p->puser[0] != '\0' ? p->puser : it[F_OPERATOR].f.buf;
	if (it[F_CHANNEL].choice > 0)
		f->channel = t->svc->cfg.channels[it[F_CHANNEL].choice - 1];
	if (it[F_GATEWAY].f.len)
		f->gateway = it[F_GATEWAY].f.buf;
	if (it[F_NAME].f.len)
		f->search = it[F_NAME].f.buf;
	/* the period in place of the date range (checked when applied) */
	if (p->pfrom[0] != '\0') {
		f->from = p->pfrom;
		f->to = p->pto;
		f->period = p->pname;
	}
	if (it[F_SEGMENT].f.len)
		f->segment = it[F_SEGMENT].f.buf;
	if (it[F_BRANCH].f.len)
		f->branch = it[F_BRANCH].f.buf;
}

/* The segment, period, branch and operator typed, checked as report
 * payers checks them; the period's days kept. Non-zero (said) when one is wrong. */
static int
report_filters(struct payers *p, struct tui *t)
{
	const struct tui_form_item *it = p->items;
	struct svc_filters fs;
	struct payment_filter f;
	struct pd_err err;

	memset(&fs, 0, sizeof fs);
	memset(&f, 0, sizeof f);
	if (it[F_SEGMENT].f.len)
		fs.text[SVC_FILTER_SEGMENT] = it[F_SEGMENT].f.buf;
	if (it[F_PERIOD].f.len)
		fs.text[SVC_FILTER_PERIOD] = it[F_PERIOD].f.buf;
	if (it[F_BRANCH].f.len)
		fs.text[SVC_FILTER_BRANCH] = it[F_BRANCH].f.buf;
	/* the operator too, as report payers --user checks it (review R23:
	 * a user nobody is listed nothing, unsaid) */
	if (it[F_OPERATOR].f.len)
		fs.text[SVC_FILTER_USER] = it[F_OPERATOR].f.buf;
	if (fs.text[SVC_FILTER_PERIOD] != NULL &&
	    it[F_RANGE].choice != R_ANY) {
		tui_message(t, 1,
		    _("Period %s replaces the date range: set it to %s"),
		    it[F_PERIOD].f.buf, _(range_names[R_ANY]));
		return -1;
	}
	if (svc_filters_parse(t->svc, &fs,
	        SVC_FILTER_BIT(SVC_FILTER_SEGMENT) |
	            SVC_FILTER_BIT(SVC_FILTER_PERIOD) |
	            SVC_FILTER_BIT(SVC_FILTER_BRANCH) |
	            SVC_FILTER_BIT(SVC_FILTER_USER),
	        &f, &err) != 0 ||
	    svc_payment_filter_check(t->svc, &f, &err) != 0) {
		tui_filter_refused(t, err.msg);
		return -1;
	}
	/* the segment as its consumers have it, as the period's name: the
	 * Filters line and the file's heading echo it (issue 23) */
	if (fs.text[SVC_FILTER_SEGMENT] != NULL &&
	    fs.text[SVC_FILTER_SEGMENT] != p->items[F_SEGMENT].f.buf) {
		snprintf(p->items[F_SEGMENT].f.buf,
		    sizeof p->items[F_SEGMENT].f.buf, "%s",
		    fs.text[SVC_FILTER_SEGMENT]);
		p->items[F_SEGMENT].f.len = strlen(p->items[F_SEGMENT].f.buf);
	}
	snprintf(p->pfrom, sizeof p->pfrom, "%s", fs.from);
	snprintf(p->puser, sizeof p->puser, "%s",
	    f.recorded_by != NULL ? f.recorded_by : "");
	snprintf(p->pto, sizeof p->pto, "%s", fs.to);
	snprintf(p->pname, sizeof p->pname, "%s",
	    fs.text[SVC_FILTER_PERIOD] ? fs.text[SVC_FILTER_PERIOD] : "");
	return 0;
}

static int
add(const struct payer_row *r, void *arg)
{
	struct payers *p = arg;

	p->rows[p->n++] = *r;
	return 0;
}

static void
load(struct payers *p, struct tui *t)
{
	struct payment_filter f;
	struct pd_err err;

	filter_of(p, t, &f);
	f.limit = PAYERS_SHOWN;
	p->n = 0;
	p->list.sel = 0;
	if (svc_payers_each(t->svc, &f, p->sort, add, p, &err) != 0)
		tui_message(t, 1, "%s", err.msg);
	tui_list_set(&p->list, p->n);
}

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	struct payers *p = arg;

	/* the names: their amounts show whole under the list */
	svc_payer_cells(t->svc, &p->rows[row], SVC_METHODS_NAMES, buf, c);
}

/* The selected consumer's amount per method on the rows from y to
 * last, entries never split: "Methods of NAME: Cash $1.00; Card ..." */
static void
draw_methods(struct payers *p, struct tui *t, int y, int last)
{
	char buf[LISTING_BUFSZ], line[LISTING_BUFSZ + 200], *save = NULL, *e;
	struct xcell c[8];
	size_t len;
	int w = COLS - 4, used;

	if (p->n == 0 || p->list.sel >= p->n)
		return;
	svc_payer_cells(
	    t->svc, &p->rows[p->list.sel], SVC_METHODS_SHOWN, buf, c);
	len = (size_t)snprintf(
	    line, sizeof line, _("Methods of %s:"), p->rows[p->list.sel].name);
	if (len >= sizeof line)
		len = sizeof line - 1;
	used = utf8_columns(line, len);
	for (e = strtok_r(buf, ";", &save); e != NULL && y <= last;
	     e = strtok_r(NULL, ";", &save)) {
		int ew;

		while (*e == ' ')
			e++;
		ew = utf8_columns(e, strlen(e));
		if (used + 1 + ew + 1 > w && used > 4) {
			tui_text(y++, 2, line, w);
			len = (size_t)snprintf(line, sizeof line, "   ");
			used = 3;
			if (y > last)
				break;
		}
		len += (size_t)snprintf(line + len, sizeof line - len, " %s%s",
		    e, save != NULL && *save != '\0' ? ";" : "");
		if (len >= sizeof line)
			len = sizeof line - 1;
		used += 1 + ew + (save != NULL && *save != '\0');
	}
	if (y <= last)
		tui_text(y, 2, line, w);
}

static int
add_dist(const struct split_row *r, void *arg)
{
	struct payers *p = arg;

	if (p->ndist < (int)(sizeof p->dist / sizeof p->dist[0])) {
		snprintf(p->dist[p->ndist].name, sizeof p->dist[0].name, "%s",
		    svc_split_name(r->key, p->by));
		p->dist[p->ndist].amount = r->amount;
		p->dist[p->ndist].count = r->count;
		p->dist[p->ndist].payers = r->payers;
		p->ndist++;
	}
	return 0;
}

/* Show the distribution by: the first time, again for the other key,
 * and closed by its own key. */
static void
split(struct payers *p, struct tui *t, enum split_by by)
{
	struct payment_filter f;
	struct pd_err err;

	if (p->split && p->by == by) {
		p->split = 0;
		return;
	}
	p->split = 1;
	p->by = by;
	p->ndist = 0;
	filter_of(p, t, &f);
	if (svc_split(t->svc, &f, by, add_dist, p, &err) != 0)
		tui_message(t, 1, "%s", err.msg);
}

/* The distribution's columns by display width, never bytes (issue 25:
 * "1 234,50 €" has narrow no-break spaces, ৳ is three bytes): names in
 * 14 or the widest, amounts and counts (payments, payers) in the widest
 * shown or their header, shares in the widest share (100 %) of the
 * screens' language; w[5]: the bar's x. */
static void
split_widths(struct payers *p, struct tui *t, const char *const head[5],
    int w[6])
{
	char m[MONEY_BUFSZ];
	int i, k, c;
	int64_t n;

	w[0] = 14;
	w[1] = 14;
	w[2] = w[3] = 7;
	w[4] = svc_percent_columns(t->svc, 1000);
	for (k = 0; k < 5; k++) {
		c = utf8_columns(head[k], strlen(head[k]));
		w[k] = c > w[k] ? c : w[k];
	}
	for (i = 0; i < p->ndist; i++) {
		c = utf8_columns(p->dist[i].name, strlen(p->dist[i].name));
		w[0] = c > w[0] ? c : w[0];
		svc_money(t->svc, m, sizeof m, p->dist[i].amount);
		c = utf8_columns(m, strlen(m));
		w[1] = c > w[1] ? c : w[1];
		for (k = 2; k < 4; k++) {
			n = k == 2 ? p->dist[i].count : p->dist[i].payers;
			svc_count(t->svc, m, sizeof m, n);
			c = utf8_columns(m, strlen(m));
			w[k] = c > w[k] ? c : w[k];
		}
	}
	/* the name gives way first, to what fits before the bar */
	c = COLS - 6 - w[1] - w[2] - w[3] - w[4] - 5;
	if (w[0] > c)
		w[0] = c > 4 ? c : 4;
	w[5] = 4 + w[0] + 1 + w[1] + 1 + w[2] + 1 + w[3] + 1 + w[4] + 1;
	if (w[5] < 4 + 54)
		w[5] = 4 + 54;
}

static void
draw_split(struct payers *p, struct tui *t, int y)
{
	const char *const head[5] = {
	    p->by == SPLIT_GATEWAY ? _("Gateway") : _("Method"), _("Amount"),
	    _("Payments"), _("Payers"), _("Share")};
	char line[160], m[MONEY_BUFSZ];
	int64_t total = 0, share, n;
	int i, k, x, w[6], bw;

	attron(A_BOLD);
	tui_text(y++, 2,
	    p->by == SPLIT_GATEWAY
	        ? _("Gateway distribution for the filter (g closes)")
	        : _("Method distribution for the filter (d closes)"),
	    COLS - 4);
	attroff(A_BOLD);
	for (i = 0; i < p->ndist; i++)
		total += p->dist[i].amount;
	split_widths(p, t, head, w);
	if (p->ndist == 0)
		tui_text(y, 4, _("No Posted payment matches"), COLS - 6);
	else {
		attron(A_DIM);
		for (k = 0, x = 4; k < 5; x += w[k] + 1, k++)
			tui_cell(y, x, head[k], w[k], k > 0);
		attroff(A_DIM);
		y++;
	}
	bw = COLS - 4 - w[5];
	for (i = 0; i < p->ndist && y < LINES - 3; i++, y++) {
		share = money_ratio_tenths(p->dist[i].amount, total);
		x = 4;
		tui_cell(y, x, p->dist[i].name, w[0], 0);
		x += w[0] + 1;
		svc_money(t->svc, m, sizeof m, p->dist[i].amount);
		tui_cell(y, x, m, w[1], 1);
		x += w[1] + 1;
		for (k = 2; k < 4; x += w[k] + 1, k++) {
			n = k == 2 ? p->dist[i].count : p->dist[i].payers;
			svc_count(t->svc, m, sizeof m, n);
			tui_cell(y, x, m, w[k], 1);
		}
		svc_percent(t->svc, m, sizeof m, share);
		tui_cell(y, x, m, w[4], 1);
		if (bw > 0) {
			attron(tui_attr(t, TUI_C_KEY, A_REVERSE));
			mvhline(y, w[5], ' ', (int)(share * bw / 1000));
			attroff(tui_attr(t, TUI_C_KEY, A_REVERSE));
		}
	}
	snprintf(line, sizeof line, _("Total %s"),
	    svc_money(t->svc, m, sizeof m, total));
	tui_text(y + 1, 4, line, COLS - 6);
}

/* "12 consumers, by total paid; 0 marked; filter: none" */
static void
summary(struct payers *p, struct tui *t, char *line, size_t n)
{
	struct payment_filter f;
	char fl[200] = "", who[192], by[80], d1[SVC_DATE_BUFSZ],
	     d2[SVC_DATE_BUFSZ], num[SVC_COUNT_BUFSZ], marked[SVC_COUNT_BUFSZ];

	filter_of(p, t, &f);
	if (f.recorded_by)
		snprintf(by, sizeof by, _(" by %s"), f.recorded_by);
	snprintf(fl, sizeof fl, "%s%s%s%s%s%s%s%s%s",
	    f.from ? svc_date(t->svc, d1, sizeof d1, f.from) : "",
	    f.from ? ".." : "",
	    f.to ? svc_date(t->svc, d2, sizeof d2, f.to) : "",
	    f.method ? " " : "", f.method ? f.method : "",
	    f.recorded_by ? by : "", f.channel ? " " : "",
	    f.channel ? f.channel : "", f.search ? _(" name") : "");
	/* the segment and branch by name ("segment Residential") */
	if (f.segment || f.branch) {
		struct svc_filters fs;
		char title[160];
		size_t len = strlen(fl);

		memset(&fs, 0, sizeof fs);
		fs.text[SVC_FILTER_SEGMENT] = f.segment;
		fs.text[SVC_FILTER_BRANCH] = f.branch;
		snprintf(fl + len, sizeof fl - len, " %s",
		    svc_filters_title(&fs, title, sizeof title));
	}
	snprintf(who, sizeof who,
	    ngettext("%s consumer", "%s consumers", (unsigned long)p->n),
	    svc_count(t->svc, num, sizeof num, (int64_t)p->n));
	/* whose payments, as every list's count line says (review R23) */
	tui_scope_suffix(t, who, sizeof who, f.search);
	snprintf(line, n, _("%s%s, by %s; %s marked; filter:%s"), who,
	    p->n == PAYERS_SHOWN ? _(" (the first)") : "",
	    _(sort_names[p->sort]),
	    svc_count(t->svc, marked, sizeof marked, (int64_t)p->list.nmarked),
	    fl[0] ? fl : _(" none"));
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct payers *p = (struct payers *)sc;
	char line[256];

	p->items[F_FROM].hidden = p->items[F_TO].hidden =
	    p->items[F_RANGE].choice != R_CUSTOM;
	if (p->editing) {
		tui_form_draw(
		    t, &p->fm, 2, 2, list_form_width(&p->fm, 12), COLS - 4);
		sc->typing = tui_form_typing(&p->fm);
		attron(A_DIM);
		tui_text(LINES - 4, 2,
		    tui_keys(_("{Enter} applies, {Esc} leaves the filters")),
		    COLS - 4);
		attroff(A_DIM);
		return;
	}
	sc->typing = 0;
	summary(p, t, line, sizeof line);
	/* over the blank row under it where one is too narrow (issue 23
	 * fault 6: "filter: none" cut off under a team's scope, in Spanish
	 * and French at 80 columns) */
	tui_wrap(2, 2, line, COLS - 4, 2);
	if (p->split) {
		draw_split(p, t, 4);
		return;
	}
	p->list.sorted = p->sort == PAYERS_BY_TOTAL     ? 2
	                 : p->sort == PAYERS_BY_COUNT   ? 3
	                 : p->sort == PAYERS_BY_LAST    ? 4
	                 : p->sort == PAYERS_BY_ACCOUNT ? 1
	                 : p->sort == PAYERS_BY_METHODS ? 5
	                                                : 0;
	p->list.asc = p->sort >= PAYERS_BY_NAME;
	tui_list_draw(t, &p->list, 4, 2, COLS - 3, LINES - 11);
	if (p->n == 0)
		tui_text(5, 3, _("No payment matches the filter"), COLS - 4);
	draw_methods(p, t, LINES - 6, LINES - 4);
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static int export(struct payers *p, struct tui *t)
{
	struct payment_filter f;
	int64_t *ids = NULL;
	size_t i, k = 0;
	struct tui_screen *x;

	filter_of(p, t, &f);
	if (p->list.nmarked > 0) {
		ids = xcalloc(p->list.nmarked, sizeof *ids);
		for (i = 0; i < p->n; i++)
			if (p->list.marked[i])
				ids[k++] = p->rows[i].consumer_id;
		qsort(ids, k, sizeof *ids, cmp_id);
		/* the marked rows are among those shown */
		f.limit = PAYERS_SHOWN;
	}
	x = screen_export_new(t, LIST_PAYERS, &f, NULL, NULL, p->sort, ids, k);
	free(ids);
	tui_push(t, x);
	return TUI_HANDLED;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct payers *p = (struct payers *)sc;
	struct pd_err err;

	if (p->editing) {
		/* the list's keys that move in the form */
		static const int keys[] = {
		    KEY_UP, KEY_DOWN, 0, 0, 0, 0, KEY_LEFT, KEY_RIGHT};

		if (a == A_OPEN) {
			struct list_filters lf;

			if (form_dates(p, t, &lf, &err) != 0) {
				tui_message(t, 1, "%s", err.msg);
				return TUI_HANDLED;
			}
			if (report_filters(p, t) != 0)
				return TUI_HANDLED;
			p->editing = 0;
			load(p, t);
			return TUI_HANDLED;
		}
		if (a == A_BACK) {
			p->editing = 0;
			return TUI_HANDLED;
		}
		if (a >= TUI_A_LIST_UP && a <= TUI_A_LIST_RIGHT &&
		    keys[a - TUI_A_LIST_UP])
			tui_form_input(&p->fm, keys[a - TUI_A_LIST_UP], 0);
		return TUI_HANDLED;
	}
	if (tui_list_action(&p->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_SORT:
		p->sort = (enum payers_sort)((p->sort + 1) % PAYERS_SORTS);
		load(p, t);
		tui_message(t, 0, _("Sorted by %s"), _(sort_names[p->sort]));
		return TUI_HANDLED;
	case A_FILTER:
		p->editing = 1;
		p->split = 0;
		return TUI_HANDLED;
	case A_SPLIT:
	case A_GATEWAYS:
		split(p, t, a == A_SPLIT ? SPLIT_METHOD : SPLIT_GATEWAY);
		return TUI_HANDLED;
	case A_EXPORT:
		return export(p, t);
	case A_OPEN:
		return TUI_HANDLED;
	case A_BACK:
		if (p->split) {
			p->split = 0;
			return TUI_HANDLED;
		}
		return TUI_CLOSE;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct payers *p = (struct payers *)sc;

	if (!p->editing)
		return 0;
	if (tui_form_input(&p->fm, key, ch) < 0)
		tui_message(t, 1, "%s", _("Only digits and - / . in a date"));
	return TUI_HANDLED;
}

static void
free_payers(struct tui_screen *sc)
{
	struct payers *p = (struct payers *)sc;

	free(p->rows);
	tui_list_free(&p->list);
}

const struct tui_screen_class screen_payers_class = {
    .name = "Payers report",
    .title = N_("Payers report"),
    .keys = screen_payers_keys,
    .nkeys = TUI_NKEYS(screen_payers_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_payers,
    .fields = 1,
};

struct tui_screen *
screen_payers_new(struct tui *t)
{
	struct payers *p = xcalloc(1, sizeof *p);
	const struct config *cfg = &t->svc->cfg;
	const struct xcol *cols;
	int i, ncols;

	p->rows = xcalloc(PAYERS_SHOWN, sizeof *p->rows);
	p->methods[0] = _("Any");
	for (i = 0; i < cfg->nmethods; i++)
		p->methods[i + 1] = cfg->methods[i].name;
	p->channels[0] = _("Any");
	for (i = 0; i < cfg->nchannels; i++)
		p->channels[i + 1] = cfg->channels[i];
	list_translate(p->ranges, range_names, R_COUNT);
	tui_form_choice(
	    &p->items[F_RANGE], _("Date range"), p->ranges, R_COUNT, R_ANY);
	tui_form_text(&p->items[F_FROM], _("From"), 10, NULL);
	p->items[F_FROM].kind = FORM_DATE;
	tui_form_text(&p->items[F_TO], _("To"), 10, NULL);
	p->items[F_TO].kind = FORM_DATE;
	tui_form_choice(
	    &p->items[F_METHOD], _("Method"), p->methods, cfg->nmethods + 1, 0);
	tui_form_text(&p->items[F_OPERATOR], _("User"), 32, NULL);
	p->items[F_OPERATOR].hint = _("username of who recorded");
	tui_form_choice(&p->items[F_CHANNEL], _("Channel"), p->channels,
	    cfg->nchannels + 1, 0);
	tui_form_text(&p->items[F_GATEWAY], _("Gateway"), 47, NULL);
	p->items[F_GATEWAY].hint = _("the payments one gateway took");
	tui_form_text(&p->items[F_SEGMENT], _("Segment"), 64, NULL);
	p->items[F_SEGMENT].hint = _("the consumers' segment");
	tui_form_text(&p->items[F_PERIOD], _("Period"), 10, NULL);
	p->items[F_PERIOD].hint = strcmp(cfg->period_calendar, "fiscal") == 0
	                              ? _("YYYY-MM, FYyyyy-Pnn or FYyyyy")
	                              : _("YYYY-MM");
	tui_form_text(&p->items[F_BRANCH], _("Branch"), 47, NULL);
	p->items[F_BRANCH].hint = _("the payments taken at a branch");
	tui_form_text(&p->items[F_NAME], _("Consumer"), 64, NULL);
	p->items[F_NAME].hint = _("name or account, partial");
	p->fm.items = p->items;
	p->fm.n = F_N;
	cols = svc_listing_cols(LIST_PAYERS, &ncols);
	tui_list_init(&p->list, cols, ncols, cells, p);
	p->list.marks = 1;
	p->sc.cls = &screen_payers_class;
	load(p, t);
	return &p->sc;
}
