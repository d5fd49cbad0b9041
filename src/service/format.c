/* format.c - money and dates as the organisation writes them for people
 * (the [organisation] local formats), and money people type. Machine
 * formats (CSV, JSON, xlsx) use money_plain and ISO dates instead. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/alloc.h"
#include "paydesk/i18n.h"
#include "paydesk/date.h"
#include "paydesk/utf8.h"

const struct money_style *
svc_style(const struct svc *s, struct money_style *st)
{
	config_money_style(&s->cfg, st);
	return st;
}

const struct alloc_ranks *
svc_alloc_ranks(const struct svc *s, struct alloc_ranks *rk)
{
	memcpy(rk->rank, s->cfg.alloc_rank, sizeof rk->rank);
	return rk;
}

const struct alloc_policy *
svc_alloc_policy(const struct svc *s, enum alloc_rule rule, const char *today,
    struct alloc_ranks *rk, struct alloc_policy *p)
{
	p->rule = rule;
	p->ranks = svc_alloc_ranks(s, rk);
	p->installments_first = strcmp(s->cfg.installments_first, "yes") == 0;
	p->today = today;
	return p;
}

void
svc_alloc_rule_name(int rule, int first, char *buf, size_t n)
{
	const char *name = alloc_rule_name((enum alloc_rule)rule);

	snprintf(buf, n, "%s%s", name != NULL ? name : "oldest",
	    first && alloc_rule_takes_first((enum alloc_rule)rule) ? "+" : "");
}

const char *
svc_alloc_rule_words(const char *name, char *buf, size_t n)
{
	int rule = alloc_rule_parse(name);

	if (rule < 0)
		snprintf(buf, n, "%s", name);
	else if (alloc_rule_first(name))
		snprintf(buf, n, "%s; %s", _(alloc_rule_text(rule)),
		    _(alloc_first_text()));
	else
		snprintf(buf, n, "%s", _(alloc_rule_text(rule)));
	return buf;
}

const char *
svc_column_header(const char *h)
{
	char key[160];
	const char *tr;

	if (*h == '\0')
		return h; /* _("") would be the catalogue's header */
	if ((tr = strchr(h, '\004')) != NULL) {
		const char *in = gettext(h);

		return in != h ? in : tr + 1;
	}
	snprintf(key, sizeof key, "column%c%s", 4, h); /* msgctxt EOT msgid */
	tr = gettext(key);
	return tr != key ? tr : _(h);
}

char *
svc_money(const struct svc *s, char *buf, size_t n, int64_t v)
{
	struct money_style st;

	config_money_style(&s->cfg, &st);
	return money_format_style(buf, n, v, &st);
}

char *
svc_money_bare(const struct svc *s, char *buf, size_t n, int64_t v, int grouped)
{
	struct money_style st;

	config_money_style(&s->cfg, &st);
	st.symbol = "";
	if (!grouped)
		st.group = "";
	return money_format_style(buf, n, v, &st);
}

char *
svc_count(const struct svc *s, char *buf, size_t n, int64_t v)
{
	struct money_style st;

	config_money_style(&s->cfg, &st);
	st.symbol = "";
	st.digits = 0;
	return money_format_style(buf, n, v, &st);
}

int
svc_money_parse(const struct svc *s, const char *text, const char *what,
    int64_t *out, struct pd_err *err)
{
	struct money_style st;

	config_money_style(&s->cfg, &st);
	return money_parse_style(text, &st, what, out, err);
}

/* The examples of a money hint: 1234 and a half in the currency's
 * decimals, in the machine format and as the organisation writes it
 * (each MONEY_BUFSZ). */
static void
example_pair(const struct svc *s, char *plain, char *local)
{
	int64_t unit = 1;
	int i;

	for (i = 0; i < s->cfg.minor_digits; i++)
		unit *= 10;
	money_plain(
	    plain, MONEY_BUFSZ, 1234 * unit + unit / 2, s->cfg.minor_digits);
	svc_money_bare(s, local, MONEY_BUFSZ, 1234 * unit + unit / 2, 1);
}

/* Text whose one dot the organisation reads as grouping ("1.000" where
 * the decimal is a comma) while a command line's machine format would
 * read a decimal point there: no decimal mark of the organisation, one
 * dot, the organisation's grouping a dot. The screens take only the
 * organisation's format; a command line takes both (issue 17). A
 * currency without decimals (JPY) has no decimal point: its dot only
 * groups (issue 25). */
static int
dot_groups(const struct svc *s, const char *text)
{
	struct money_style st;
	const char *dot = strchr(text, '.');

	config_money_style(&s->cfg, &st);
	return s->cfg.minor_digits > 0 && dot != NULL &&
	       strchr(dot + 1, '.') == NULL && strcmp(st.group, ".") == 0 &&
	       strchr(text, st.decimal) == NULL;
}

int
svc_money_arg(const struct svc *s, const char *text, const char *what,
    int64_t *out, struct pd_err *err)
{
	struct pd_err merr, serr;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], plain[MONEY_BUFSZ],
	    local[MONEY_BUFSZ];
	int64_t mv = 0, sv = 0;
	int m, l;

	/* spaces around it are a malformed amount, as in an import's
	 * column (review s50: --amount " 12" was 12.00); a screen's field
	 * is read by svc_money_parse, which lets them pass */
	if (text != NULL && money_space_around(text))
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": spaces before or after the amount; write "
		      "it without them"),
		    what, text);
	m = money_parse(text, s->cfg.minor_digits, what, &mv, &merr);
	l = svc_money_parse(s, text, what, &sv, &serr);

	if (m == 0 && l == 0 && mv != sv) {
		/* a currency of three decimals: "1.234" has every decimal
		 * of the machine format and is a grouped number too; each
		 * reading as the organisation writes it, with its decimal
		 * mark, reads one way only (issue 25) */
		svc_money_bare(s, plain, MONEY_BUFSZ, mv, 1);
		svc_money_bare(s, local, MONEY_BUFSZ, sv, 1);
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": ambiguous, it could be %s or %s; write "
		      "%s or %s, with the organisation's decimal mark"),
		    what, text, svc_money(s, a, sizeof a, mv),
		    svc_money(s, b, sizeof b, sv), plain, local);
	}
	if (m != 0 && l == 0 && dot_groups(s, text)) {
		example_pair(s, plain, local);
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": ambiguous, the dot could group thousands "
		      "(%s) or be a decimal point; write every decimal, as %s "
		      "or %s"),
		    what, text, svc_money(s, a, sizeof a, sv), plain, local);
	}
	if (m == 0 || l == 0) {
		*out = m == 0 ? mv : sv;
		return 0;
	}
	/* both refused: the organisation's reason says what to write */
	*err = serr;
	return -1;
}

char *
svc_date(const struct svc *s, char *buf, size_t n, const char *iso)
{
	struct pd_err err;
	char day[11];
	int32_t d;

	snprintf(day, sizeof day, "%.10s", iso ? iso : "");
	if (date_parse(day, NULL, &d, &err) != 0) {
		snprintf(buf, n, "%s", day);
		return buf;
	}
	return date_format_pattern(buf, n, d, s->cfg.date_format);
}

char *
svc_datetime(const struct svc *s, char *buf, size_t n, const char *ts)
{
	char d[SVC_DATE_BUFSZ];

	if (ts == NULL || strlen(ts) < 16) {
		snprintf(buf, n, "%s", ts ? ts : "");
		return buf;
	}
	snprintf(buf, n, "%s %.5s", svc_date(s, d, sizeof d, ts), ts + 11);
	return buf;
}

char *
svc_datetime_short(const struct svc *s, char *buf, size_t n, const char *ts)
{
	char d[SVC_DATE_BUFSZ];
	int32_t day;

	if (ts == NULL || strlen(ts) < 16)
		return svc_datetime(s, buf, n, ts);
	snprintf(d, sizeof d, "%.10s", ts);
	if (date_parse(d, NULL, &day, NULL) != 0)
		return svc_datetime(s, buf, n, ts);
	snprintf(buf, n, "%s %.5s",
	    date_format_day_month(d, sizeof d, day, s->cfg.date_format),
	    ts + 11);
	return buf;
}

char *
svc_timestamp(const struct svc *s, char *buf, size_t n, const char *ts)
{
	char d[SVC_DATE_BUFSZ];

	if (ts == NULL || strlen(ts) < 16 || (ts[10] != ' ' && ts[10] != 'T')) {
		snprintf(buf, n, "%s", ts ? ts : "");
		return buf;
	}
	snprintf(buf, n, "%s %s", svc_date(s, d, sizeof d, ts), ts + 11);
	return buf;
}

int
svc_date_parse(const struct svc *s, const char *text, const char *what,
    char iso[11], struct pd_err *err)
{
	int32_t d;

	if (date_parse_pattern(text, s->cfg.date_format, what, &d, err) != 0)
		return -1;
	date_format(iso, d);
	return 0;
}

int
svc_month_parse(const struct svc *s, const char *text, const char *what,
    char iso[8], struct pd_err *err)
{
	int32_t first, last;
	int y, m, d;

	if (month_parse_pattern(
	        text, s->cfg.date_format, what, &first, &last, err) != 0)
		return -1;
	date_civil(first, &y, &m, &d);
	snprintf(iso, 8, "%04d-%02d", y % 10000, m % 100);
	return 0;
}

/* The months' names, for the dashboard's month. */
static const char *const month_names[] = {N_("January"), N_("February"),
    N_("March"), N_("April"), N_("May"), N_("June"), N_("July"), N_("August"),
    N_("September"), N_("October"), N_("November"), N_("December")};

char *
svc_month_name(const struct svc *s, char *buf, size_t n, const char *month)
{
	struct pd_err err;
	int32_t first, last;
	int y, m, d;

	(void)s;
	if (month_parse(month, NULL, &first, &last, &err) != 0) {
		snprintf(buf, n, "%s", month ? month : "");
		return buf;
	}
	date_civil(first, &y, &m, &d);
	/* TRANSLATORS: a month's name and its year, "April 2025" */
	snprintf(buf, n, _("%1$s %2$d"), _(month_names[m - 1]), y);
	return buf;
}

/* The months' short names, for a bill's period stored YYYY-MM ("Mar"
 * also a verb elsewhere, "May" the month's whole name: a context). */
static const char *const month_abbr[] = {TC_("month", "Jan"),
    TC_("month", "Feb"), TC_("month", "Mar"), TC_("month", "Apr"),
    TC_("month", "May"), TC_("month", "Jun"), TC_("month", "Jul"),
    TC_("month", "Aug"), TC_("month", "Sep"), TC_("month", "Oct"),
    TC_("month", "Nov"), TC_("month", "Dec")};

char *
svc_period_in(const struct svc *s, const struct i18n_lang *L, char *buf,
    size_t n, const char *period)
{
	struct pd_err err;
	int32_t first, last;
	int y, m, d;

	(void)s;
	if (period == NULL || strlen(period) != 7 ||
	    month_parse(period, NULL, &first, &last, &err) != 0) {
		snprintf(buf, n, "%s", period ? period : "");
		return buf;
	}
	date_civil(first, &y, &m, &d);
	snprintf(
	    buf, n, L_(L, "%1$s %2$d"), i18n_term_in(L, month_abbr[m - 1]), y);
	return buf;
}

char *
svc_period(const struct svc *s, char *buf, size_t n, const char *period)
{
	struct pd_err err;
	int32_t first, last;
	int y, m, d;

	(void)s;
	if (period == NULL || strlen(period) != 7 ||
	    month_parse(period, NULL, &first, &last, &err) != 0) {
		snprintf(buf, n, "%s", period ? period : "");
		return buf;
	}
	date_civil(first, &y, &m, &d);
	snprintf(buf, n, _("%1$s %2$d"), i18n_term(month_abbr[m - 1]), y);
	return buf;
}

char *
svc_tenths(const struct svc *s, char *buf, size_t n, int64_t tenths)
{
	struct money_style st;

	/* one decimal, grouped as the organisation groups amounts
	 * ("1 234,5 %", "12,34,567.8"): a number people read is grouped
	 * alike wherever it is (issue 25) */
	config_money_style(&s->cfg, &st);
	st.symbol = "";
	st.digits = 1;
	return money_format_style(buf, n, tenths, &st);
}

int
svc_percent_columns(const struct svc *s, int64_t max_tenths)
{
	char buf[64];

	svc_percent(s, buf, sizeof buf, max_tenths);
	return (int)utf8_columns(buf, strlen(buf));
}

/* The number of tenths put in fmt, the catalogue's "%s%%" (one %s, the
 * % doubled: msgfmt --check holds a translation to it). */
static char *
percent(
    const struct svc *s, const char *fmt, char *buf, size_t n, int64_t tenths)
{
	char num[32];

	svc_tenths(s, num, sizeof num, tenths);
	snprintf(buf, n, fmt, num);
	return buf;
}

char *
svc_date_hint(const struct svc *s, char *buf, size_t n)
{
	return date_pattern_words(buf, n, s->cfg.date_format);
}

char *
svc_percent(const struct svc *s, char *buf, size_t n, int64_t tenths)
{
	/* LP_'s entry, looked up as pgettext does in the screens' language */
	static const char key[] = "percent\004%s%%";
	const char *fmt = gettext(key);

	return percent(s, fmt != key ? fmt : key + 8, buf, n, tenths);
}

char *
svc_doc_percent(const struct svc *s, const struct i18n_lang *L, char *buf,
    size_t n, int64_t tenths)
{
	return percent(s, LP_(L, "percent", "%s%%"), buf, n, tenths);
}
