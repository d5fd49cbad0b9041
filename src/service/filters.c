/* filters.c - the report filters (issue 23, seeds 002 and 003: the
 * billing manager filters by consumer segment, accounting period,
 * branch, team member, channel, method and gateway): one parser for
 * every report and list that has them, and their title line. Currency
 * is no filter on a terminal: a terminal's store holds one currency
 * ([organisation] currency_code, its minor units in every amount), so
 * its figures never sum two. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/utf8.h"

/* Each filter: its option, the title's noun, and the store's kind of
 * name it must be (STORE_NAMES: none checked here). */
static const struct {
	const char *option;
	const char *noun;
	enum store_name names;
} filters[SVC_FILTERS] = {
    [SVC_FILTER_SEGMENT] = {"segment", N_("segment"), STORE_NAMES},
    [SVC_FILTER_PERIOD] = {"period", N_("period"), STORE_NAMES},
    [SVC_FILTER_BRANCH] = {"branch", N_("branch"), STORE_NAME_BRANCH},
    [SVC_FILTER_USER] = {"user", N_("user"), STORE_NAME_USER},
    [SVC_FILTER_CHANNEL] = {"channel", N_("channel"), STORE_NAME_CHANNEL},
    [SVC_FILTER_METHOD] = {"method", N_("method"), STORE_NAME_METHOD},
    [SVC_FILTER_GATEWAY] = {"gateway", N_("gateway"), STORE_NAMES},
};

const char *
svc_filter_option(enum svc_filter k)
{
	return filters[k].option;
}

/* n digits at s, as a number; -1 if any is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The first and last days of months months from month m (1-12, may run
 * past 12) of year y. */
static void
period_days(struct svc_filters *fs, int y, int m, int months)
{
	int32_t first, next;

	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	first = date_days(y, m, 1);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	next = date_days(y, m, 1);
	date_format(fs->from, first);
	date_format(fs->to, next - 1);
	fs->months = months;
}

/* --period: YYYY-MM, and with a fiscal calendar FYyyyy-Pnn or FYyyyy.
 * One rule (paydesk(1) EXIT STATUS): a value of none of these forms is
 * PD_EUSAGE; one of a form that names no period the ledger can hold
 * (month 13, P13, year 0001 or 9999 of a fiscal year) PD_EINVAL, saying
 * what is wrong. */
static int
period_parse(
    struct svc *s, struct svc_filters *fs, const char *t, struct pd_err *err)
{
	int fiscal = strcmp(s->cfg.period_calendar, "fiscal") == 0;
	size_t n = strlen(t);
	int y, m, p;

	if (n == 7 && t[4] == '-' && (y = digits(t, 4)) >= 0 &&
	    (m = digits(t + 5, 2)) >= 0) {
		if (y < 1900)
			return pd_fail(err, PD_EINVAL,
			    _("--period \"%s\": the year is out of range "
			      "(1900 to 9999)"),
			    t);
		if (m < 1 || m > 12)
			return pd_fail(err, PD_EINVAL,
			    _("--period \"%s\": no such month (01 to 12)"), t);
		period_days(fs, y, m, 1);
		return 0;
	}
	if (fiscal && (n == 6 || n == 10) && (t[0] == 'F' || t[0] == 'f') &&
	    (t[1] == 'Y' || t[1] == 'y') && (y = digits(t + 2, 4)) >= 0 &&
	    (n == 6 || (t[6] == '-' && (t[7] == 'P' || t[7] == 'p') &&
	                   (p = digits(t + 8, 2)) >= 0))) {
		/* a fiscal year not begun in January ends in the next
		 * calendar year: 9999's would end in year 10000 */
		if (y < 1900 || y > 9998)
			return pd_fail(err, PD_EINVAL,
			    _("--period \"%s\": the fiscal year is out of "
			      "range (FY1900 to FY9998)"),
			    t);
		if (n == 6) {
			period_days(fs, y, s->cfg.fiscal_start, 12);
			return 0;
		}
		if (p < 1 || p > 12)
			return pd_fail(err, PD_EINVAL,
			    _("--period \"%s\": no such fiscal period (P01 to "
			      "P12)"),
			    t);
		period_days(fs, y, s->cfg.fiscal_start + p - 1, 1);
		return 0;
	}
	if (!fiscal && (t[0] == 'F' || t[0] == 'f'))
		return pd_fail(err, PD_EUSAGE,
		    _("--period \"%s\": the periods here are calendar months "
		      "([periods] calendar = months): YYYY-MM, e.g. 2026-11"),
		    t);
	if (!fiscal)
		return pd_fail(err, PD_EUSAGE,
		    _("--period \"%s\": not a period: a calendar month as "
		      "YYYY-MM, e.g. 2026-11"),
		    t);
	return pd_fail(err, PD_EUSAGE,
	    _("--period \"%s\": not a period: a calendar month (YYYY-MM, "
	      "e.g. 2026-11), a fiscal period (FYyyyy-Pnn, nn 01-12, e.g. "
	      "FY2026-P03) or a fiscal year (FYyyyy)"),
	    t);
}

/* The names a method or channel may be: the configured ones. */
static void
configured(const struct svc *s, enum svc_filter k, char *buf, size_t size)
{
	int i, n = k == SVC_FILTER_METHOD ? s->cfg.nmethods : s->cfg.nchannels;
	size_t at = 0;

	*buf = '\0';
	for (i = 0; i < n && at < size; i++)
		at +=
		    (size_t)snprintf(buf + at, size - at, "%s%s", i ? ", " : "",
		        k == SVC_FILTER_METHOD ? s->cfg.methods[i].name
		                               : s->cfg.channels[i]);
}

/* A branch, user, method or channel the terminal knows: configured (a
 * method or channel in any case, or this terminal's branch) or on the
 * store; else PD_EUSAGE naming the option and the names it takes. */
static int
name_known(struct svc *s, enum svc_filter k, const char *t, struct pd_err *err)
{
	char known[512];
	int rc;

	/* longer than any name: one the terminal does not know, refused as
	 * such (status 2, the option named; review R23 s41: status 3,
	 * "branch is 300 characters long") */
	if (strlen(t) > 47)
		return pd_fail(err, PD_EUSAGE,
		    _("--%s: %zu characters, longer than any %s (at most 47)"),
		    filters[k].option, strlen(t), _(filters[k].noun));
	if (svc_check_text(_(filters[k].noun), t, 47, 1, err) != 0)
		return -1;
	if ((k == SVC_FILTER_METHOD && config_method_typed(&s->cfg, t) != NULL) ||
	    (k == SVC_FILTER_CHANNEL && config_channel_typed(&s->cfg, t) != NULL) ||
	    (k == SVC_FILTER_BRANCH && strcmp(t, s->cfg.branch_id) == 0))
		return 0;
	rc = store_name_known(
	    s->st, filters[k].names, t, known, sizeof known, err);
	if (rc <= 0)
		return rc;
	if (k == SVC_FILTER_METHOD || k == SVC_FILTER_CHANNEL)
		configured(s, k, known, sizeof known);
	if (k == SVC_FILTER_BRANCH && strstr(known, s->cfg.branch_id) == NULL)
		snprintf(known + strlen(known), sizeof known - strlen(known),
		    "%s%s", *known ? ", " : "", s->cfg.branch_id);
	return pd_fail(err, PD_EUSAGE, _("--%s \"%s\": not one of %s"),
	    filters[k].option, t, known);
}

/* --branch of another branch than this terminal's reads other branches'
 * payments: the organisation's scope (an admin's). */
static int
branch_allowed(struct svc *s, const char *b, struct pd_err *err)
{
	char title[64];

	if (strcmp(b, s->cfg.branch_id) == 0 ||
	    svc_scope_now(s) == SVC_SCOPE_ORG)
		return 0;
	/* TRANSLATORS: the first %s is how the front end chooses the scope
	 * ("--scope org", or the screens' "o on the dashboard") */
	return pd_fail(err, PD_ESCOPE,
	    _("--branch %s: the payments of another branch than this "
	      "terminal's (%s) need the organisation's scope (%s, an "
	      "admin's); the scope in force is %s"),
	    b, s->cfg.branch_id,
	    s->scope_how != NULL ? _(s->scope_how) : "--scope org",
	    svc_scope_title(s, title, sizeof title));
}

/* --user of a user whose payments the reader may not see: one of
 * another team under team visibility who took none of the team's
 * payments, or one who works at another
 * branch than this terminal's below the organisation's scope, refused
 * with the scope refusals' status, PD_ESCOPE (s72: a supervisor of team
 * North read $0.00 for a user of team South, as though nothing were
 * taken; and one of branch B02 for a user of B01, the users pulled from
 * the central node having come without their branch). A user of every
 * branch ("") is of this one. */
static int
user_allowed(struct svc *s, const char *name, struct pd_err *err)
{
	const char *team = svc_scope_team(s);
	char mine[64], theirs[64], title[64];
	struct user u;

	int other = 0;

	if (store_user_by_name(s->st, name, &u, NULL) != 0)
		return 0; /* name_known said it is one */
	/* one who moved to another team and took payments for this one,
	 * kept in its figures (payment_teams), is read with --user, the
	 * rows still the team's alone (issue 23 fault 3: refused, though
	 * her payments were in the team's figures) */
	if (team != NULL && !utf8_same_folded(u.team, team)) {
		other = store_user_took_for_team(s->st, u.username, team, err);
		if (other < 0)
			return -1;
	}
	if (other == 1) {
		if (*team != '\0')
			snprintf(mine, sizeof mine, _("team %s"), team);
		else
			snprintf(mine, sizeof mine, "%s", _("no team"));
		if (u.team[0] != '\0')
			snprintf(theirs, sizeof theirs, _("team %s"), u.team);
		else
			snprintf(theirs, sizeof theirs, "%s", _("no team"));
		return pd_fail(err, PD_ESCOPE,
		    _("--user %s: the user is not in your team (%s) but in "
		      "%s; team visibility limits your lists and reports to "
		      "your team's payments"),
		    name, mine, theirs);
	}
	if (svc_scope_now(s) != SVC_SCOPE_ORG && u.branch[0] != '\0' &&
	    strcmp(u.branch, s->cfg.branch_id) != 0)
		/* TRANSLATORS: the third %s is how the front end chooses the
		 * scope ("--scope org", or the screens' "o on the
		 * dashboard") */
		return pd_fail(err, PD_ESCOPE,
		    _("--user %s: the user is not of your branch (%s) but of "
		      "branch %s; another branch's payments need the "
		      "organisation's scope (%s, an admin's); the scope in "
		      "force is %s"),
		    name, s->cfg.branch_id, u.branch,
		    s->scope_how != NULL ? _(s->scope_how) : "--scope org",
		    svc_scope_title(s, title, sizeof title));
	return 0;
}

/* One filter's value into f. */
static int
filter_set(struct svc *s, struct svc_filters *fs, enum svc_filter k,
    struct payment_filter *f, struct pd_err *err)
{
	const char *t = fs->text[k];
	int rc;

	/* a user in any case and accents alike, as segments, methods and
	 * teams (s72: --user KIM read nothing, as one nobody is) */
	if (k == SVC_FILTER_USER && strlen(t) < sizeof fs->user) {
		rc =
		    store_user_folded(s->st, t, fs->user, sizeof fs->user, err);
		if (rc < 0)
			return -1;
		if (rc == 0)
			t = fs->text[k] = fs->user;
	}
	if (filters[k].names != STORE_NAMES && name_known(s, k, t, err) != 0)
		return -1;
	switch (k) {
	case SVC_FILTER_SEGMENT:
		f->segment = t;
		break;
	case SVC_FILTER_PERIOD:
		if (f->from != NULL || f->to != NULL)
			return pd_fail(err, PD_EUSAGE,
			    _("--period \"%s\" takes the place of --from and "
			      "--to: give one or the other"),
			    t);
		if (period_parse(s, fs, t, err) != 0)
			return -1;
		f->from = fs->from;
		f->to = fs->to;
		f->period = t;
		break;
	case SVC_FILTER_BRANCH:
		if (branch_allowed(s, t, err) != 0)
			return -1;
		f->branch = t;
		break;
	case SVC_FILTER_USER:
		if (user_allowed(s, t, err) != 0)
			return -1;
		f->recorded_by = t;
		break;
	case SVC_FILTER_CHANNEL:
		/* as configured, in any case (the store compares exactly) */
		f->channel = config_channel_typed(&s->cfg, t) != NULL
		                 ? config_channel_typed(&s->cfg, t)
		                 : t;
		break;
	case SVC_FILTER_METHOD:
		f->method = config_method_typed(&s->cfg, t) != NULL
		                ? config_method_typed(&s->cfg, t)->name
		                : t;
		break;
	default:
		f->gateway = t;
	}
	return 0;
}

/* Filter k accepted into f: its value in its canonical spelling, when
 * another was typed, in fs->canon[k], fs->text[k] and f's field (a
 * fresh tester's, issue 23: "Period fy2026-p07" and "Segment
 * residential" echoed as typed). A method or channel is already the
 * configured one in f; a segment no consumer has is the check's to
 * refuse, and stays as typed here. */
static void
filter_canon(struct svc *s, struct svc_filters *fs, enum svc_filter k,
    struct payment_filter *f)
{
	char *c = fs->canon[k], known[8];
	struct pd_err err;
	size_t i;

	switch (k) {
	case SVC_FILTER_PERIOD: /* FYyyyy-Pnn, FYyyyy: the letters capital */
		snprintf(c, sizeof fs->canon[k], "%s", fs->text[k]);
		for (i = 0; c[i] != '\0'; i++)
			c[i] = (char)toupper((unsigned char)c[i]);
		if (strcmp(c, fs->text[k]) == 0)
			return; /* as typed: f keeps pointing at the caller's */
		f->period = c;
		break;
	case SVC_FILTER_SEGMENT:
		if (store_segment_known(s->st, fs->text[k], c,
		        sizeof fs->canon[k], known, sizeof known, &err) != 0 ||
		    strcmp(c, fs->text[k]) == 0)
			return;
		f->segment = c;
		break;
	case SVC_FILTER_CHANNEL:
		fs->text[k] = f->channel;
		return;
	case SVC_FILTER_METHOD:
		fs->text[k] = f->method;
		return;
	default:
		return;
	}
	fs->text[k] = c;
}

/* The white space around filter k's value taken off, as the imports
 * take it off the names they load (s72 fault 12: --segment " Residential "
 * was refused, the import having loaded "Residential"); the trimmed copy
 * kept in fs. A value too long for it stays as typed (refused as such). */
static void
filter_trim(struct svc_filters *fs, int k)
{
	const char *t = fs->text[k];
	size_t n;

	while (isspace((unsigned char)*t))
		t++;
	n = strlen(t);
	while (n > 0 && isspace((unsigned char)t[n - 1]))
		n--;
	if (n == strlen(fs->text[k]) || n >= sizeof fs->trimmed[k])
		return;
	memcpy(fs->trimmed[k], t, n);
	fs->trimmed[k][n] = '\0';
	fs->text[k] = fs->trimmed[k];
}

int
svc_filters_parse(struct svc *s, struct svc_filters *fs, unsigned allowed,
    struct payment_filter *f, struct pd_err *err)
{
	int k;

	fs->from[0] = fs->to[0] = '\0';
	fs->months = 0;
	for (k = 0; k < SVC_FILTERS; k++) {
		if (fs->text[k] == NULL)
			continue;
		if (!(allowed & SVC_FILTER_BIT(k)))
			return pd_fail(err, PD_EUSAGE,
			    _("--%s: this report has no such filter"),
			    filters[k].option);
		/* blank as empty (review s50: --segment " " was status 3) */
		if (utf8_blank(fs->text[k]))
			return pd_fail(err, PD_EUSAGE, _("--%s needs a value"),
			    filters[k].option);
		filter_trim(fs, k);
		if (filter_set(s, fs, (enum svc_filter)k, f, err) != 0)
			return -1;
		filter_canon(s, fs, (enum svc_filter)k, f);
	}
	return 0;
}

/* The title in the reader's language (doc 0) or in the document's. */
static const char *
filters_title(const struct svc_filters *fs, int doc,
    const struct i18n_lang *lang, char *buf, size_t n)
{
	size_t at = 0;
	int k;

	*buf = '\0';
	for (k = 0; k < SVC_FILTERS && at < n; k++)
		if (fs->text[k] != NULL)
			at += (size_t)snprintf(buf + at, n - at, "%s%s %s",
			    at ? ", " : "",
			    doc ? L_(lang, filters[k].noun)
			        : gettext(filters[k].noun),
			    fs->text[k]);
	/* the first word a capital, as every message (its noun in the
	 * reader's language may start with a letter of any width) */
	if (*buf != '\0' && (unsigned char)*buf < 0x80)
		*buf = (char)toupper((unsigned char)*buf);
	return buf;
}

const char *
svc_filters_title(const struct svc_filters *fs, char *buf, size_t n)
{
	return filters_title(fs, 0, NULL, buf, n);
}

const char *
svc_filters_title_in(const struct svc_filters *fs, const struct i18n_lang *lang,
    char *buf, size_t n)
{
	return filters_title(fs, 1, lang, buf, n);
}

const char *
svc_period_name(
    const struct svc *s, const char *month, int back, char *buf, size_t n)
{
	int y = digits(month, 4), m = digits(month + 5, 2), k;

	if (y < 0 || m < 1 || m > 12) {
		snprintf(buf, n, "%s", month);
		return buf;
	}
	k = y * 12 + (m - 1) - back; /* months since year 0 */
	y = k / 12;
	m = k % 12 + 1;
	if (strcmp(s->cfg.period_calendar, "fiscal") != 0) {
		snprintf(buf, n, "%04d-%02d", y, m);
		return buf;
	}
	/* the fiscal year begun in its start month at or before m */
	if (m < s->cfg.fiscal_start)
		snprintf(buf, n, "FY%04d-P%02d", y - 1,
		    m + 12 - s->cfg.fiscal_start + 1);
	else
		snprintf(
		    buf, n, "FY%04d-P%02d", y, m - s->cfg.fiscal_start + 1);
	return buf;
}
