/* date.c - civil date arithmetic (days since 1970-01-01), strict parsing. */
#include <stdio.h>
#include <string.h>

#include "paydesk/date.h"
#include "paydesk/i18n.h"

int
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_len(int y, int m)
{
	static const int len[] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && date_is_leap(y) ? 29 : len[m - 1];
}

/* Howard Hinnant's days_from_civil. */
int32_t
date_days(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_civil(int32_t z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

char *
date_format(char *buf, int32_t days)
{
	int y, m, d;

	date_civil(days, &y, &m, &d);
	y = y < 0 ? 0 : y % 10000;
	m = m < 1 || m > 12 ? 1 : m;
	d = d < 1 || d > 31 ? 1 : d;
	snprintf(buf, DATE_BUFSZ, "%04u-%02u-%02u", (unsigned)y & 0x3fff,
	    (unsigned)m & 0xf, (unsigned)d & 0x1f);
	return buf;
}

static int
digits_at(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

#define WHAT (what != NULL ? what : _("Date"))
int
date_parse(const char *s, const char *what, int32_t *days, struct pd_err *err)
{
	int y, m, d;

	/* the messages' word (WHAT) looked up only for a message: a
	 * catalogue look-up per date read was 240,000 of them for the
	 * disconnection list's 120,000 installments at 10M */
	if (s == NULL || *s == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("%s is empty: give a date as "
		      "YYYY-MM-DD"),
		    WHAT);
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    digits_at(s, 4, &y) || digits_at(s + 5, 2, &m) ||
	    digits_at(s + 8, 2, &d))
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": not a date, use "
		      "YYYY-MM-DD (e.g. 2025-04-20)"),
		    WHAT, s);
	/* a year the calendar has, but not the ledger's (one before any
	 * payment): said as such, not as a day that is none */
	if (y < 1900)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": the year is out of range (1900 to 9999)"),
		    WHAT, s);
	if (m < 1 || m > 12 || d < 1 || d > month_len(y, m))
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": no such day in "
		      "the calendar"),
		    WHAT, s);
	*days = date_days(y, m, d);
	return 0;
}
#undef WHAT

/* Month m of year y, read from s (named what in the messages), as its
 * first and last days: a real month of a year the ledger can hold. */
static int
month_range(const char *s, const char *what, int y, int m, int32_t *first,
    int32_t *last, struct pd_err *err)
{
	if (y < 1900)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": the year is out of range (1900 to 9999)"),
		    what, s);
	if (m < 1 || m > 12)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": no such month (01 to 12)"), what, s);
	*first = date_days(y, m, 1);
	*last = date_days(y, m, month_len(y, m));
	return 0;
}

int
month_parse(const char *s, const char *what, int32_t *first, int32_t *last,
    struct pd_err *err)
{
	int y, m;

	if (what == NULL)
		what = _("Month");
	if (s == NULL || strlen(s) != 7 || s[4] != '-' || digits_at(s, 4, &y) ||
	    digits_at(s + 5, 2, &m))
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": not a month, use "
		      "YYYY-MM (e.g. 2025-04)"),
		    what, s ? s : "");
	return month_range(s, what, y, m, first, last, err);
}

int32_t
month_first_day(int32_t day)
{
	int y, m, d;

	date_civil(day, &y, &m, &d);
	return date_days(y, m, 1);
}

int32_t
month_last_day(int32_t day)
{
	int y, m, d;

	date_civil(day, &y, &m, &d);
	return date_days(y, m, month_len(y, m));
}

int32_t
week_first_day(int32_t day)
{
	/* 1970-01-01 was a Thursday: day 0 has weekday 3 counting Monday 0 */
	int wd = (int)((day % 7 + 7 + 3) % 7);

	return day - wd;
}

int
date_weekday(int32_t day)
{
	/* 1970-01-01 was a Thursday */
	return (int)((day % 7 + 7 + 4) % 7);
}

int32_t
week_start_day(int32_t day, int first)
{
	return day - (date_weekday(day) - first + 7) % 7;
}

const char *const date_patterns[] = {"YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY",
    "DD.MM.YYYY", "DD-MM-YYYY", "YYYY/MM/DD", NULL};

int
date_pattern_ok(const char *pattern)
{
	size_t i;

	for (i = 0; pattern != NULL && date_patterns[i] != NULL; i++)
		if (strcmp(pattern, date_patterns[i]) == 0)
			return 1;
	return 0;
}

char *
date_format_pattern(char *buf, size_t n, int32_t days, const char *pattern)
{
	const char *p = pattern ? pattern : "YYYY-MM-DD";
	size_t o = 0;
	int y, m, d;
	char part[8];

	date_civil(days, &y, &m, &d);
	while (*p != '\0' && o + 1 < n) {
		part[0] = '\0';
		if (strncmp(p, "YYYY", 4) == 0) {
			snprintf(part, sizeof part, "%04d", y);
			p += 4;
		} else if (strncmp(p, "MM", 2) == 0) {
			snprintf(part, sizeof part, "%02d", m);
			p += 2;
		} else if (strncmp(p, "DD", 2) == 0) {
			snprintf(part, sizeof part, "%02d", d);
			p += 2;
		} else {
			buf[o++] = *p++;
			continue;
		}
		o += (size_t)snprintf(buf + o, n - o, "%s", part);
		if (o >= n)
			o = n - 1;
	}
	buf[o] = '\0';
	return buf;
}

/* The shape of s in pattern: 0 and y, m, d when it is the pattern's
 * (day and month one or two digits, the year four); 1 when it is, but
 * with a two-digit year; -1 otherwise. */
static int
pattern_shape(const char *s, const char *p, int *y, int *m, int *d)
{
	int n, *v, two_digit_year = 0;

	while (*p != '\0') {
		if (strncmp(p, "YYYY", 4) == 0 || strncmp(p, "MM", 2) == 0 ||
		    strncmp(p, "DD", 2) == 0) {
			v = *p == 'Y' ? y : *p == 'M' ? m : d;
			for (n = 0, *v = 0; s[n] >= '0' && s[n] <= '9'; n++)
				if (n < 5)
					*v = *v * 10 + (s[n] - '0');
			if (*p == 'Y' && n == 2)
				two_digit_year = 1;
			else if (*p == 'Y' ? n != 4 : n < 1 || n > 2)
				return -1;
			s += n;
			p += *p == 'Y' ? 4 : 2;
		} else if (*s++ != *p++)
			return -1;
	}
	return *s != '\0' ? -1 : two_digit_year;
}

/* The placeholders of a pattern, with their words (context "date"). */
static const char *const pattern_words[] = {
    NC_("date", "YYYY"), NC_("date", "MM"), NC_("date", "DD")};

char *
date_pattern_words(char *buf, size_t n, const char *pattern)
{
	char key[16];
	const char *p = pattern != NULL ? pattern : "YYYY-MM-DD", *tr;
	size_t len = 0, i, k;

	buf[0] = '\0';
	while (*p != '\0') {
		for (i = 0; i < sizeof pattern_words / sizeof pattern_words[0];
		     i++)
			if (strncmp(p, pattern_words[i],
			        strlen(pattern_words[i])) == 0)
				break;
		if (i < sizeof pattern_words / sizeof pattern_words[0]) {
			snprintf(
			    key, sizeof key, "date%c%s", 4, pattern_words[i]);
			tr = gettext(key);
			tr = tr != key ? tr : pattern_words[i];
			p += strlen(pattern_words[i]);
		} else
			tr = NULL;
		k = tr != NULL ? strlen(tr) : 1;
		if (len + k >= n)
			break;
		memcpy(buf + len, tr != NULL ? tr : p++, k);
		buf[len += k] = '\0';
	}
	return buf;
}

int
date_parse_pattern(const char *s, const char *pattern, const char *what,
    int32_t *days, struct pd_err *err)
{
	char example[DATE_BUFSZ * 2], words[32];
	int y, m, d, shape;

	if (!date_pattern_ok(pattern) || strcmp(pattern, "YYYY-MM-DD") == 0)
		return date_parse(s, what, days, err);
	if (what == NULL)
		what = _("Date");
	date_format_pattern(
	    example, sizeof example, date_days(2025, 4, 20), pattern);
	date_pattern_words(words, sizeof words, pattern); /* messages only */
	if (s == NULL || *s == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("%s is empty: give a date as %s (e.g. %s)"), what, words,
		    example);
	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	    digits_at(s, 4, &y) == 0)
		return date_parse(s, what, days, err);
	shape = pattern_shape(s, pattern, &y, &m, &d);
	if (shape == 1)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": ambiguous year; write it in full, as %s"),
		    what, s, words);
	if (shape != 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": not a date, write %s or YYYY-MM-DD"), what, s,
		    words);
	if (y < 1900)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": the year is out of range (1900 to 9999)"),
		    what, s);
	if (m < 1 || m > 12 || d < 1 || d > month_len(y, m))
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": no such day in the calendar (%s)"), what, s,
		    words);
	*days = date_days(y, m, d);
	return 0;
}

/* The month part of a date pattern: DD and the separator beside it
 * dropped ("DD/MM/YYYY": "MM/YYYY", "YYYY-MM-DD": "YYYY-MM"). */
static void
month_pattern(const char *pattern, char *out, size_t n)
{
	const char *dd = strstr(pattern, "DD");
	size_t at;

	snprintf(out, n, "%s", pattern);
	if (dd == NULL)
		return;
	at = (size_t)(dd - pattern);
	if (dd[2] != '\0') /* DD first or in the middle: its separator after */
		memmove(out + at, out + at + 3, strlen(out + at + 3) + 1);
	else if (at > 0) /* DD last: the separator before it */
		out[at - 1] = '\0';
}

char *
date_format_day_month(char *buf, size_t n, int32_t days, const char *pattern)
{
	const char *p = date_pattern_ok(pattern) ? pattern : "YYYY-MM-DD";
	const char *yy = strstr(p, "YYYY");
	char dm[16];
	size_t at;

	snprintf(dm, sizeof dm, "%s", p);
	at = (size_t)(yy - p);
	if (at == 0) /* YYYY first: its separator after it */
		memmove(dm, dm + 5, strlen(dm + 5) + 1);
	else /* YYYY last: the separator before it */
		dm[at - 1] = '\0';
	return date_format_pattern(buf, n, days, dm);
}

int
month_parse_pattern(const char *s, const char *pattern, const char *what,
    int32_t *first, int32_t *last, struct pd_err *err)
{
	char mp[16], words[32], example[16];
	int y = 0, m = 0, d = 1, shape;

	if (!date_pattern_ok(pattern) || strcmp(pattern, "YYYY-MM-DD") == 0)
		return month_parse(s, what, first, last, err);
	if (what == NULL)
		what = _("Month");
	month_pattern(pattern, mp, sizeof mp);
	date_pattern_words(words, sizeof words, mp); /* messages only */
	/* April 2025 in the pattern, for the messages */
	date_format_pattern(example, sizeof example, date_days(2025, 4, 1), mp);
	if (s != NULL && strlen(s) == 7 && s[4] == '-')
		return month_parse(s, what, first, last, err);
	shape = s != NULL ? pattern_shape(s, mp, &y, &m, &d) : -1;
	if (shape == 1)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": ambiguous year; write it in full, as %s"),
		    what, s, words);
	if (shape != 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s \"%s\": not a month, write %s (e.g. %s) or YYYY-MM"),
		    what, s ? s : "", words, example);
	return month_range(s, what, y, m, first, last, err);
}

enum pd_status
date_form_status(const char *s, const char *pattern)
{
	int y, m, d;

	if (s == NULL || *s == '\0')
		return PD_EUSAGE;
	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	    digits_at(s, 4, &y) == 0 && digits_at(s + 5, 2, &m) == 0 &&
	    digits_at(s + 8, 2, &d) == 0)
		return PD_EINVAL;
	if (date_pattern_ok(pattern) && strcmp(pattern, "YYYY-MM-DD") != 0 &&
	    pattern_shape(s, pattern, &y, &m, &d) == 0)
		return PD_EINVAL;
	return PD_EUSAGE;
}

enum pd_status
month_form_status(const char *s, const char *pattern)
{
	char mp[16];
	int y, m, d = 1;

	if (s == NULL || *s == '\0')
		return PD_EUSAGE;
	if (strlen(s) == 7 && s[4] == '-' && digits_at(s, 4, &y) == 0 &&
	    digits_at(s + 5, 2, &m) == 0)
		return PD_EINVAL;
	if (date_pattern_ok(pattern) && strcmp(pattern, "YYYY-MM-DD") != 0) {
		month_pattern(pattern, mp, sizeof mp);
		if (pattern_shape(s, mp, &y, &m, &d) == 0)
			return PD_EINVAL;
	}
	return PD_EUSAGE;
}

int64_t
date_ts_secs(const char *ts)
{
	char day[DATE_BUFSZ];
	int32_t d;
	int h = 0, m = 0, sec = 0;

	if (ts == NULL || strlen(ts) < 10)
		return -1;
	snprintf(day, sizeof day, "%.10s", ts);
	if (date_parse(day, NULL, &d, NULL) != 0)
		return -1;
	if (ts[10] != '\0' &&
	    sscanf(ts + 10, " %2d:%2d:%2d", &h, &m, &sec) != 3)
		return -1;
	return (int64_t)d * 86400 + h * 3600 + m * 60 + sec;
}
