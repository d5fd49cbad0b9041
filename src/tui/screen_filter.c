/* screen_filter.c - the filters of a back office tab as a form: date
 * range (presets or custom From/To), and per tab method, status, type
 * and the command line's report filters (segment, period, branch, user,
 * channel, gateway: payments) or status, reasons, consumer, remaining, linked payment,
 * a credit amount range and the report filters `credit-notes` takes
 * (segment, period, branch, user: credit notes). Checked when applied; a wrong
 * value names its field and changes nothing. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

const char *const range_names[R_COUNT] = {N_("Any date"), N_("Today"),
    N_("This Week"), N_("This Month"), N_("Custom")};

/* What a person reads for the names the ledger stores in English. */
#define NPAY_STATUS (PS_VOIDED + 1)
#define NPAY_TYPE PAY_TYPES
#define NCN_STATUS (CN_VOIDED + 1)
static const char *const pay_status_shown[NPAY_STATUS] = {
    N_("Posted"), N_("Pending"), N_("Failed"), N_("Cancelled"), N_("Voided")};
static const char *const pay_type_shown[NPAY_TYPE] = {
    N_("Bill"), N_("Service"), N_("Installment"), N_("Mixed")};

#define SHOWN(table, i)                                                        \
	((unsigned)(i) < sizeof(table) / sizeof((table)[0]) ? _(table[i]) : "?")

const char *
list_pay_status(enum pay_status s)
{
	return SHOWN(pay_status_shown, s);
}

const char *
list_pay_type(enum pay_type t)
{
	return SHOWN(pay_type_shown, t);
}

const char *
list_credit_status(enum cn_status s)
{
	return i18n_term(credit_status_term(s)); /* "?" out of range */
}

const char *
list_age_bucket(enum age_bucket b)
{
	/* the day ranges read the same in every language */
	return b == AGE_CURRENT ? _("Current") : age_bucket_name(b);
}

void
list_translate(const char **out, const char *const *in, int n)
{
	int i;

	for (i = 0; i < n; i++)
		out[i] = *in[i] != '\0' ? _(in[i]) : in[i];
}

int
list_form_width(const struct tui_form *fm, int least)
{
	int i, w;

	for (i = 0; i < fm->n; i++) {
		w = utf8_columns(
		    fm->items[i].label, strlen(fm->items[i].label));
		if (w > least)
			least = w;
	}
	return least;
}

enum { A_APPLY, A_RESET, A_BACK, A_NEXT, A_PREV, A_KLEFT, A_KRIGHT };

static const struct tui_key screen_filter_keys[] = {
    {TUI_KEY_ENTER, "Enter", KC_("filter", "Apply"), N_("apply the filters"),
        A_APPLY},
    {KEY_DOWN, "Down", NULL, N_("the next filter (also {Tab})"), A_NEXT},
    {KEY_UP, "Up", NULL, N_("the filter above"), A_PREV},
    {KEY_LEFT, "Left", NULL, N_("the choice before / the option before"),
        A_KLEFT},
    {KEY_RIGHT, "Right", NULL, N_("the next choice / the next option"),
        A_KRIGHT},
    {KEY_F(5), "F5", N_("Reset"), N_("every filter back to all"), A_RESET},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without changing anything"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help; {Space} toggles a reason"), -1},
};

void
list_filters_reset(struct list_filters *lf, int credits)
{
	memset(lf, 0, sizeof *lf);
	lf->credits = credits;
	lf->status = lf->type = -1;
	lf->cn_status = lf->remaining = -1;
	lf->min_amount = lf->max_amount = -1;
	lf->changed = 0;
}

int
list_range(const struct list_filters *lf, char from[11], char to[11])
{
	char today[11];
	int32_t d;

	svc_today(today);
	date_parse(today, NULL, &d, NULL);
	switch (lf->range) {
	case R_TODAY:
		date_format(from, d);
		date_format(to, d);
		return 1;
	case R_WEEK:
		date_format(from, week_first_day(d));
		date_format(to, week_first_day(d) + 6);
		return 1;
	case R_MONTH:
		date_format(from, month_first_day(d));
		date_format(to, month_last_day(d));
		return 1;
	case R_CUSTOM:
		snprintf(from, 11, "%s", lf->from[0] ? lf->from : "1900-01-01");
		snprintf(to, 11, "%s", lf->to[0] ? lf->to : "9999-12-31");
		return 1;
	}
	return 0;
}

static void
add(char *buf, size_t n, const char *fmt, const char *v)
{
	size_t len = strlen(buf);

	snprintf(buf + len, n - len, "%s", len ? ", " : "");
	len = strlen(buf);
	snprintf(buf + len, n - len, fmt, v);
}

/* The report filters of lf (payments) after what buf has. */
static void
report_title(const struct list_filters *lf, char *buf, size_t n)
{
	struct svc_filters fs;
	char title[320];
	int k;

	memset(&fs, 0, sizeof fs);
	for (k = 0; k < SVC_FILTERS; k++)
		if (lf->text[k][0] != '\0')
			fs.text[k] = lf->text[k];
	if (svc_filters_title(&fs, title, sizeof title)[0] != '\0')
		add(buf, n, "%s", title);
}

void
list_filters_text(
    const struct tui *t, const struct list_filters *lf, char *buf, size_t n)
{
	const struct config *cfg = &t->svc->cfg;
	static const char *const rem[] = {
	    N_("fully used"), N_("partial"), N_("full")};
	char range[2 * SVC_DATE_BUFSZ + 4], d1[SVC_DATE_BUFSZ],
	    d2[SVC_DATE_BUFSZ];
	int i;

	buf[0] = '\0';
	if (lf->range == R_CUSTOM) {
		snprintf(range, sizeof range, "%s..%s",
		    lf->from[0] ? svc_date(t->svc, d1, sizeof d1, lf->from)
		                : "",
		    lf->to[0] ? svc_date(t->svc, d2, sizeof d2, lf->to) : "");
		add(buf, n, "%s", range);
	} else if (lf->range != R_ANY)
		add(buf, n, "%s", _(range_names[lf->range]));
	if (!lf->credits) {
		if (lf->method > 0)
			add(buf, n, "%s", cfg->methods[lf->method - 1].name);
		if (lf->status >= 0)
			add(buf, n, "%s",
			    list_pay_status((enum pay_status)lf->status));
		if (lf->type >= 0)
			add(buf, n, "%s",
			    list_pay_type((enum pay_type)lf->type));
		/* one consumer's (the Deteriorating payers' Enter) */
		if (lf->consumer[0])
			add(buf, n, _("consumer %s"), lf->consumer);
		report_title(lf, buf, n);
	} else {
		if (lf->cn_status >= 0)
			add(buf, n, "%s",
			    list_credit_status((enum cn_status)lf->cn_status));
		for (i = 0; i < cfg->nreasons; i++)
			if ((lf->reasons >> i) & 1) {
				char w[128];

				add(buf, n, "%s",
				    svc_word(cfg->reasons[i], w, sizeof w));
			}
		if (lf->consumer[0])
			add(buf, n, _("consumer %s"), lf->consumer);
		if (lf->remaining >= 0)
			add(buf, n, "%s", _(rem[lf->remaining]));
		if (lf->receipt[0])
			add(buf, n, _("payment %s"), lf->receipt);
		if (lf->min[0])
			add(buf, n, _("from %s"), lf->min);
		if (lf->max[0])
			add(buf, n, _("up to %s"), lf->max);
		report_title(lf, buf, n);
	}
	if (buf[0] == '\0')
		snprintf(buf, n, "%s", _("no filter (f to set)"));
}

/* The form's items, in order. */
enum {
	F_RANGE,
	F_FROM,
	F_TO,
	F_METHOD, /* payments */
	F_STATUS,
	F_TYPE,
	/* the report filters (payments), in reports[]'s order */
	F_REPORT,
	F_CN_STATUS = F_METHOD, /* credit notes */
	F_REASONS,
	F_CONSUMER,
	F_REMAINING,
	F_RECEIPT,
	F_MIN,
	F_MAX,
	/* the report filters (credit notes): reports[]'s first NCREPORTS */
	F_CREPORT,
	F_MAXITEMS
};

/* The payments' report filters on the form, as the command line's
 * payments takes them (the method is the Method choice). */
static const enum svc_filter reports[] = {SVC_FILTER_SEGMENT,
    SVC_FILTER_PERIOD, SVC_FILTER_BRANCH, SVC_FILTER_USER,
    SVC_FILTER_CHANNEL, SVC_FILTER_GATEWAY};
#define NREPORTS ((int)(sizeof reports / sizeof reports[0]))
/* those `credit-notes` takes (a note has no method, channel or gateway:
 * its consumer's segment, its day's period, its payment's branch and
 * user) */
#define NCREPORTS 4
static const char *const report_labels[NREPORTS] = {N_("Segment"),
    N_("Period"), N_("Branch"), N_("User"), N_("Channel"), N_("Gateway")};
/* the items of the longer of the two forms */
#define F_ITEMS                                                               \
	(F_REPORT + NREPORTS > F_CREPORT + NCREPORTS ? F_REPORT + NREPORTS     \
	                                             : F_CREPORT + NCREPORTS)

struct filt {
	struct tui_screen sc;
	struct list_filters *lf;
	struct tui_form fm;
	struct tui_form_item items[F_ITEMS];
	const char *methods[CFG_LIST_MAX + 1];
	const char *reasons[CFG_LIST_MAX]; /* as the operator reads them */
	char shown[CFG_LIST_MAX][128];     /* their svc_word */
	/* the choices as shown: "Any" (or "All") and the names, translated */
	const char *ranges[R_COUNT];
	const char *statuses[NPAY_STATUS + 1];
	const char *types[NPAY_TYPE + 1];
	const char *cn_statuses[NCN_STATUS + 1];
	const char *remainings[4];
	char date_hint[32]; /* the date fields' hint: svc_date_hint */
};

static const char *const remainings[] = {
    N_("Any"), N_("Fully used"), N_("Partial"), N_("Full")};

/* The form's choices in the language shown. */
static void
choices(struct filt *f)
{
	int i;

	list_translate(f->ranges, range_names, R_COUNT);
	f->statuses[0] = f->types[0] = _("Any");
	for (i = 0; i < NPAY_STATUS; i++)
		f->statuses[i + 1] = list_pay_status((enum pay_status)i);
	for (i = 0; i < NPAY_TYPE; i++)
		f->types[i + 1] = list_pay_type((enum pay_type)i);
	f->cn_statuses[0] = _("All");
	for (i = 0; i < NCN_STATUS; i++)
		f->cn_statuses[i + 1] = list_credit_status((enum cn_status)i);
	list_translate(f->remainings, remainings, 4);
}

/* The report filters' fields from item base, the first n of reports[];
 * the last of the form. */
static void
report_items(struct filt *f, const struct list_filters *lf,
    const struct config *cfg, int base, int n)
{
	struct tui_form_item *it = f->items;
	int i;

	for (i = 0; i < n; i++)
		tui_form_text(&it[base + i], _(report_labels[i]),
		    sizeof lf->text[0] - 1, lf->text[reports[i]]);
	it[base + 1].hint = strcmp(cfg->period_calendar, "fiscal") == 0
	                        ? _("YYYY-MM, FYyyyy-Pnn or FYyyyy")
	                        : _("YYYY-MM");
	f->fm.n = base + n;
}

static void
build(struct filt *f, struct tui *t)
{
	const struct list_filters *lf = f->lf;
	const struct config *cfg = &t->svc->cfg;
	struct tui_form_item *it = f->items;
	/* the dates as the organisation writes them (ISO typed is taken),
	 * in the reader's letters */
	const char *hint =
	    svc_date_hint(t->svc, f->date_hint, sizeof f->date_hint);
	char from[SVC_DATE_BUFSZ], to[SVC_DATE_BUFSZ];
	int i;

	choices(f);
	tui_form_choice(
	    &it[F_RANGE], _("Date range"), f->ranges, R_COUNT, lf->range);
	tui_form_text(&it[F_FROM], _("From"), 10,
	    lf->from[0] ? svc_date(t->svc, from, sizeof from, lf->from) : "");
	it[F_FROM].kind = FORM_DATE;
	it[F_FROM].hint = hint;
	tui_form_text(&it[F_TO], _("To"), 10,
	    lf->to[0] ? svc_date(t->svc, to, sizeof to, lf->to) : "");
	it[F_TO].kind = FORM_DATE;
	it[F_TO].hint = hint;
	if (!lf->credits) {
		f->methods[0] = _("Any");
		for (i = 0; i < cfg->nmethods; i++)
			f->methods[i + 1] = cfg->methods[i].name;
		tui_form_choice(&it[F_METHOD], _("Method"), f->methods,
		    cfg->nmethods + 1, lf->method);
		tui_form_choice(&it[F_STATUS], _("Status"), f->statuses,
		    NPAY_STATUS + 1, lf->status + 1);
		tui_form_choice(&it[F_TYPE], _("Type"), f->types, NPAY_TYPE + 1,
		    lf->type + 1);
		report_items(f, lf, cfg, F_REPORT, NREPORTS);
	} else {
		tui_form_choice(&it[F_CN_STATUS], _("Status"), f->cn_statuses,
		    NCN_STATUS + 1, lf->cn_status + 1);
		for (i = 0; i < cfg->nreasons; i++)
			f->reasons[i] = svc_word(
			    cfg->reasons[i], f->shown[i], sizeof f->shown[i]);
		memset(&it[F_REASONS], 0, sizeof it[F_REASONS]);
		it[F_REASONS].label = _("Reasons");
		it[F_REASONS].kind = FORM_MULTI;
		it[F_REASONS].options = f->reasons;
		it[F_REASONS].nopts = cfg->nreasons;
		it[F_REASONS].set = lf->reasons;
		tui_form_text(&it[F_CONSUMER], _("Consumer"), 32, lf->consumer);
		it[F_CONSUMER].hint = _("account; {Tab} completes");
		tui_form_choice(&it[F_REMAINING], _("Remaining"), f->remainings,
		    4, lf->remaining + 1);
		tui_form_text(
		    &it[F_RECEIPT], _("Linked payment"), 40, lf->receipt);
		tui_form_text(&it[F_MIN], _("Credit amount from"), 16, lf->min);
		it[F_MIN].kind = FORM_MONEY;
		tui_form_text(&it[F_MAX], _("Credit amount to"), 16, lf->max);
		it[F_MAX].kind = FORM_MONEY;
		report_items(f, lf, cfg, F_CREPORT, NCREPORTS);
	}
	f->fm.items = f->items;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct filt *f = (struct filt *)sc;
	int custom = f->items[F_RANGE].choice == R_CUSTOM;

	f->items[F_FROM].hidden = f->items[F_TO].hidden = !custom;
	attron(A_BOLD);
	tui_text(2, 2,
	    f->lf->credits ? _("Filter the credit notes")
	                   : _("Filter the payments"),
	    COLS - 4);
	attroff(A_BOLD);
	/* the labels' column: 20, or the widest translated label */
	tui_form_draw(t, &f->fm, 4, 4, list_form_width(&f->fm, 20), COLS - 8);
	sc->typing = tui_form_typing(&f->fm);
}

/* A typed date (the organisation's format or ISO) into iso, "" for
 * open; 0 if bad (err names the field and the format). */
static int
check_date(struct tui *t, const char *label, const char *s, char iso[11],
    struct pd_err *err)
{
	iso[0] = '\0';
	return *s == '\0' || svc_date_parse(t->svc, s, label, iso, err) == 0;
}

static int
check_amount(struct tui *t, const char *label, const char *s, int64_t *v,
    struct pd_err *err)
{
	if (*s == '\0') {
		*v = -1;
		return 1;
	}
	if (svc_money_parse(t->svc, s, label, v, err) != 0)
		return 0;
	return 1;
}

/* Resolve the consumer typed: an account number, exactly. */
static int
check_consumer(struct tui *t, const char *s, int64_t *id, struct pd_err *err)
{
	struct consumer_view v;

	*id = 0;
	if (*s == '\0')
		return 1;
	if (svc_consumer_show(t->svc, s, &v, err) != 0) {
		pd_err_prefix(err, _("Consumer: "));
		return 0;
	}
	*id = v.c.id;
	svc_consumer_view_free(&v);
	return 1;
}

/* The report filters typed into n (the fields from item base, the
 * first nr of reports[]), checked as the command line checks them (a
 * method or channel as configured, in any case; a period of the
 * configured calendar); non-zero (said) when one is wrong. */
static int
report_apply(struct list_filters *n, struct tui_form_item *it, int base,
    int nr, struct tui *t)
{
	char typed[SVC_FILTERS][65];
	struct svc_filters fs;
	struct payment_filter pf;
	struct pd_err err;
	int i, k;

	memset(typed, 0, sizeof typed);
	memset(&fs, 0, sizeof fs);
	for (i = 0; i < nr; i++) {
		k = (int)reports[i];
		snprintf(typed[k], sizeof typed[k], "%s", it[base + i].f.buf);
		if (typed[k][0] != '\0')
			fs.text[k] = typed[k];
	}
	if (fs.text[SVC_FILTER_PERIOD] != NULL && n->range != R_ANY) {
		tui_message(t, 1,
		    _("Period %s replaces the date range: set it to %s"),
		    typed[SVC_FILTER_PERIOD], _(range_names[R_ANY]));
		return -1;
	}
	memset(&pf, 0, sizeof pf);
	if (svc_filters_parse(t->svc, &fs,
	        SVC_FILTER_ALL & ~SVC_FILTER_BIT(SVC_FILTER_METHOD), &pf,
	        &err) != 0 ||
	    svc_payment_filter_check(t->svc, &pf, &err) != 0) {
		tui_filter_refused(t, err.msg);
		return -1;
	}
	memset(n->text, 0, sizeof n->text);
	n->pfrom[0] = n->pto[0] = '\0';
#define KEEP(k, v)                                                            \
	snprintf(n->text[k], sizeof n->text[k], "%s", (v) != NULL ? (v) : "")
	KEEP(SVC_FILTER_SEGMENT, pf.segment);
	KEEP(SVC_FILTER_BRANCH, pf.branch);
	KEEP(SVC_FILTER_USER, pf.recorded_by);
	KEEP(SVC_FILTER_CHANNEL, pf.channel);
	KEEP(SVC_FILTER_GATEWAY, pf.gateway);
#undef KEEP
	if (fs.text[SVC_FILTER_PERIOD] != NULL) {
		snprintf(n->text[SVC_FILTER_PERIOD],
		    sizeof n->text[SVC_FILTER_PERIOD], "%s",
		    fs.text[SVC_FILTER_PERIOD]); /* its canonical name */
		snprintf(n->pfrom, sizeof n->pfrom, "%s", fs.from);
		snprintf(n->pto, sizeof n->pto, "%s", fs.to);
	}
	return 0;
}

static int
apply(struct filt *f, struct tui *t)
{
	struct tui_form_item *it = f->items;
	struct list_filters n = *f->lf;
	struct pd_err err;
	int custom = it[F_RANGE].choice == R_CUSTOM;

	n.range = it[F_RANGE].choice;
	if (custom) {
		if (!check_date(t, _("From"), it[F_FROM].f.buf, n.from, &err) ||
		    !check_date(t, _("To"), it[F_TO].f.buf, n.to, &err)) {
			tui_message(t, 1, "%s", err.msg);
			return TUI_HANDLED;
		}
		if (n.from[0] && n.to[0] && strcmp(n.from, n.to) > 0) {
			tui_message(t, 1, _("From %s is after To %s"),
			    it[F_FROM].f.buf, it[F_TO].f.buf);
			return TUI_HANDLED;
		}
	}
	if (!n.credits) {
		n.method = it[F_METHOD].choice;
		n.status = it[F_STATUS].choice - 1;
		n.type = it[F_TYPE].choice - 1;
		if (report_apply(&n, it, F_REPORT, NREPORTS, t) != 0)
			return TUI_HANDLED;
	} else {
		if (!check_amount(t, _("Credit amount from"), it[F_MIN].f.buf,
		        &n.min_amount, &err) ||
		    !check_amount(t, _("Credit amount to"), it[F_MAX].f.buf,
		        &n.max_amount, &err) ||
		    !check_consumer(
		        t, it[F_CONSUMER].f.buf, &n.consumer_id, &err)) {
			tui_message(t, 1, "%s", err.msg);
			return TUI_HANDLED;
		}
		if (n.min_amount >= 0 && n.max_amount >= 0 &&
		    n.min_amount > n.max_amount) {
			tui_message(t, 1,
			    _("Credit amount from %s is above the amount to "
			      "%s"),
			    it[F_MIN].f.buf, it[F_MAX].f.buf);
			return TUI_HANDLED;
		}
		if (report_apply(&n, it, F_CREPORT, NCREPORTS, t) != 0)
			return TUI_HANDLED;
		n.cn_status = it[F_CN_STATUS].choice - 1;
		n.reasons = it[F_REASONS].set;
		n.remaining = it[F_REMAINING].choice - 1;
		snprintf(
		    n.consumer, sizeof n.consumer, "%s", it[F_CONSUMER].f.buf);
		snprintf(
		    n.receipt, sizeof n.receipt, "%s", it[F_RECEIPT].f.buf);
		snprintf(n.min, sizeof n.min, "%s", it[F_MIN].f.buf);
		snprintf(n.max, sizeof n.max, "%s", it[F_MAX].f.buf);
	}
	n.changed = 1;
	*f->lf = n;
	return TUI_CLOSE;
}

/* Tab on the consumer field: complete the account from a search. */
static int
complete(struct filt *f, struct tui *t)
{
	struct tui_form_item *it = &f->items[F_CONSUMER];
	struct consumer *c;
	struct pd_err err;
	size_t n;

	c = svc_consumer_search(t->svc, it->f.buf, 2, &n, &err);
	if (c == NULL) {
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	if (n == 0)
		tui_message(t, 1, _("No consumer matches \"%s\""), it->f.buf);
	else {
		snprintf(it->f.buf, sizeof it->f.buf, "%s", c[0].account_no);
		it->f.len = strlen(it->f.buf);
		tui_message(t, 0, "%s %s%s", c[0].account_no, c[0].name,
		    n > 1 ? _(" (more match: type more)") : "");
	}
	free(c);
	return TUI_HANDLED;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct filt *f = (struct filt *)sc;

	switch (a) {
	case A_APPLY:
		return apply(f, t);
	case A_RESET: {
		struct list_filters keep = *f->lf;

		list_filters_reset(f->lf, keep.credits);
		build(f, t);
		*f->lf = keep;
		return TUI_HANDLED;
	}
	case A_BACK:
		return TUI_CLOSE;
	case A_NEXT:
	case A_PREV:
	case A_KLEFT:
	case A_KRIGHT:
		tui_form_move(&f->fm, a - A_NEXT);
		return TUI_HANDLED;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct filt *f = (struct filt *)sc;

	if (key == TUI_KEY_TAB && f->lf->credits && f->fm.focus == F_CONSUMER &&
	    f->items[F_CONSUMER].f.len > 0)
		return complete(f, t);
	tui_form_key(t, &f->fm, key, ch);
	return TUI_HANDLED;
}

const struct tui_screen_class screen_filter_class = {
    .name = "Filter",
    .title = N_("Filter"),
    .keys = screen_filter_keys,
    .nkeys = TUI_NKEYS(screen_filter_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .fields = 1,
};

struct tui_screen *
screen_filter_new(struct tui *t, struct list_filters *lf)
{
	struct filt *f = xcalloc(1, sizeof *f);

	f->lf = lf;
	build(f, t);
	f->sc.cls = &screen_filter_class;
	return &f->sc;
}
