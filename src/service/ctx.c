/* ctx.c - opening the service context, the clock, shared text checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/csv.h"
#include "paydesk/date.h"
#include "paydesk/file.h"
#include "paydesk/os.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

int
svc_open(struct svc *s, const char *config_path, const char *db, int create,
    struct pd_err *err)
{
	memset(s, 0, sizeof *s);
	if (svc_config_load(config_path, &s->cfg, err) != 0)
		return -1;
	if (db != NULL)
		xstrlcpy(s->cfg.store_path, db, sizeof s->cfg.store_path);
	if (store_open(s->cfg.store_path, create, &s->st, err) != 0)
		return -1;
	/* no document or export is ever written over these (file.c) */
	file_protect(s->cfg.store_path, 0);
	if (s->cfg.source[0] != '\0')
		file_protect(s->cfg.source, 1);
	if (svc_settings_load(s, err) != 0) {
		svc_close(s);
		return -1;
	}
	return 0;
}

int
svc_checkpoints_behind(struct svc *s, struct pd_err *err)
{
	return store_checkpoints_behind(s->st, err);
}

void
svc_close(struct svc *s)
{
	/* a command that posted: a step of the merging it made due */
	if (s->st != NULL)
		(void)svc_fts_idle(s);
	store_close(s->st);
	s->st = NULL;
}

int
svc_fts_idle(struct svc *s)
{
	struct pd_err e;

	if (!s->fts_due || s->st == NULL)
		return 0;
	if (store_fts_merge(s->st, SVC_FTS_STEP, &e) <= 0)
		s->fts_due = 0; /* none due, or the index cannot be merged */
	return s->fts_due;
}

/* $PAYDESK_NOW if it is a valid date or timestamp. */
static int
fixed_now(char ts[TS_BUFSZ])
{
	const char *env = getenv("PAYDESK_NOW");
	char day[11];
	int32_t d;

	if (env == NULL || strlen(env) < 10)
		return 0;
	memcpy(day, env, 10);
	day[10] = '\0';
	if (date_parse(day, NULL, &d, NULL) != 0)
		return 0;
	if (strlen(env) == 19) {
		/* its time as every stored one: "T" read as the space
		 * (review s48: "2026-12-04T10:00:00" was kept so, and the
		 * alerts' backoff could not read its time) */
		snprintf(ts, TS_BUFSZ, "%s", env);
		if (ts[10] == 'T')
			ts[10] = ' ';
	} else
		snprintf(ts, TS_BUFSZ, "%s 12:00:00", day);
	return 1;
}

void
svc_now(char ts[TS_BUFSZ])
{
	time_t t;
	struct tm tm;

	if (fixed_now(ts))
		return;
	t = (time_t)(os_clock_ms() / 1000);
	localtime_r(&t, &tm);
	strftime(ts, TS_BUFSZ, "%Y-%m-%d %H:%M:%S", &tm);
}

int64_t
svc_now_unix(void)
{
	char ts[TS_BUFSZ];
	struct tm tm;

	if (!fixed_now(ts))
		return (int64_t)(os_clock_ms() / 1000);
	memset(&tm, 0, sizeof tm);
	if (sscanf(ts, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon,
	        &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return (int64_t)(os_clock_ms() / 1000);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

void
svc_today(char day[11])
{
	char ts[TS_BUFSZ];

	svc_now(ts);
	memcpy(day, ts, 10);
	day[10] = '\0';
}

int
svc_check_ref_list(const char *list, struct pd_err *err)
{
	const char *tok, *next;
	int k = 1;

	for (tok = list;; tok = next + 1, k++) {
		next = strchr(tok, ',');
		if (next == tok || *tok == '\0')
			return pd_fail(err, PD_EINVAL,
			    _("Items \"%s\": reference %d is empty; give item "
			      "references separated by commas"),
			    list, k);
		if (next == NULL)
			return 0;
	}
}

int
svc_check_text(const char *what, const char *text, int max, int required,
    struct pd_err *err)
{
	const unsigned char *p;
	size_t n;

	/* spaces only say nothing either (review 21b, fault 10: a plan was
	 * made, cancelled, a dispute rejected with a reason of "   ") */
	if (utf8_blank(text)) {
		/* one given of blanks only is said so, not as if none were
		 * given (helper-258, fault 7: --reason "  " was "Reason is
		 * required"); status 3 alike */
		if (required && text != NULL && text[0] != '\0')
			return pd_fail(err, PD_EINVAL,
			    _("%s is blank (spaces only): write one"), what);
		if (required)
			return pd_fail(
			    err, PD_EINVAL, _("%s is required"), what);
		return 0;
	}
	if (!utf8_valid(text, strlen(text)))
		return pd_fail(
		    err, PD_EINVAL, _("%s is not valid UTF-8 text"), what);
	for (p = (const unsigned char *)text; *p != '\0'; p++)
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			return pd_fail(err, PD_EINVAL,
			    _("%s contains a control "
			      "character at byte %d"),
			    what, (int)(p - (const unsigned char *)text) + 1);
	n = utf8_chars(text, strlen(text));
	if ((int)n > max)
		return pd_fail(err, PD_EINVAL,
		    _("%s is %zu characters long; the "
		      "limit is %d"),
		    what, n, max);
	return 0;
}

int
svc_check_text_fits(const char *what, const char *text, int max, size_t bufsz,
    int required, struct pd_err *err)
{
	size_t n;

	if (svc_check_text(what, text, max, required, err) != 0)
		return -1;
	n = text ? strlen(text) : 0;
	if (n >= bufsz)
		return pd_fail(err, PD_EINVAL,
		    _("%s is %zu bytes long in UTF-8; the limit is %zu bytes "
		      "(a letter outside ASCII takes 2 to 4)"),
		    what, n, bufsz - 1);
	return 0;
}
