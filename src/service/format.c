/* format.c - money and dates as the organisation writes them for people
 * (the [organisation] local formats), and money people type. Machine
 * formats (CSV, JSON, xlsx) use money_plain and ISO dates instead. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/date.h"

const struct money_style *
svc_style(const struct svc *s, struct money_style *st)
{
	config_money_style(&s->cfg, st);
	return st;
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

int
svc_money_parse(const struct svc *s, const char *text, const char *what,
    int64_t *out, struct pd_err *err)
{
	struct money_style st;

	config_money_style(&s->cfg, &st);
	return money_parse_style(text, &st, what, out, err);
}

int
svc_money_arg(const struct svc *s, const char *text, const char *what,
    int64_t *out, struct pd_err *err)
{
	struct pd_err merr, serr;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];
	int64_t mv = 0, sv = 0;
	int m = money_parse(text, s->cfg.minor_digits, what, &mv, &merr),
	    l = svc_money_parse(s, text, what, &sv, &serr);

	if (m == 0 && l == 0 && mv != sv)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": ambiguous, it could be %s or %s; write "
		      "digits, a dot and the decimals (e.g. 1234.50)"),
		    what, text, svc_money(s, a, sizeof a, mv),
		    svc_money(s, b, sizeof b, sv));
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
