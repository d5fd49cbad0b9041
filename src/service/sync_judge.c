/* sync_judge.c - a terminal's record is judged on the central node by the
 * rules the terminal could have had when it made it, not by today's
 * (issue 18, review point 5; DESIGN.md rule 6: sync never rejects money
 * that was taken).
 *
 * A terminal works by the settings and users it last pulled. A receipt
 * format changed at the central node, a user moved to another branch or a
 * payment method removed must not turn a payment it took before it
 * pulled the change into a refusal for good. The central node keeps every
 * value the settings took and every name, branch and role of each user,
 * with the feed entry that carried it (schema_central.c), and when it
 * handed each terminal a change (the terminal's marks, taken at its
 * pulls). A record is judged by the versions in force from the last
 * change its terminal had been handed by the record's time, less the
 * clock skew allowed, on: by any of them, since the central node cannot
 * know which one the terminal had in between. The record's time is
 * itself bounded: not after tomorrow (sync_check.c) and not before its
 * terminal was added. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* How far ahead of the central node's clock a terminal's may be for the
 * rules (seconds): a change handed over less than this before a record's
 * time may not have been had when the record was made. */
#define RULE_SKEW_SECS 600
/* How far ahead a terminal's day may be (as sync_check.c's). */
#define SKEW_DAYS 1
/* Versions of the settings tried at most, the newest first. */
#define MAX_VERSIONS 64

/* The newest change of the rules the terminal had been handed by the
 * record's time less the skew (0: none); -1 when its time is not one
 * (today's rules). A round pushes before it pulls: a record made before
 * the terminal's last pull went up before it, so one that says so and
 * comes now is a record refused then (sync_log has it from before that
 * pull) and sent again, or a record dated back: judged by the rules from
 * the last pull on (refused once now, it is not a retry either). */
static int64_t
rules_known(struct svc *s, const struct sync_sender *f, const struct syncrec *r)
{
	int64_t t = date_ts_secs(r->at), best = 0, last = 0, last_at = 0, m;
	const char *pulled = "";
	size_t i;

	if (t < 0)
		return -1;
	for (i = 0; i < f->nmarks; i++) {
		m = date_ts_secs(f->marks[i].at);
		if (m >= 0 && m <= t - RULE_SKEW_SECS && f->marks[i].seq > best)
			best = f->marks[i].seq;
		if (f->marks[i].seq > last) {
			last = f->marks[i].seq;
			last_at = m;
			pulled = f->marks[i].at;
		}
	}
	/* (within the skew of the last pull: made while the round ran) */
	if (best < last && t < last_at - RULE_SKEW_SECS &&
	    !store_sync_log_has(s->st, f->terminal, r->uuid, pulled))
		return last;
	return best;
}

/* A record's time is not before the day its terminal was first added,
 * less the clock skew allowed. */
static int
check_terminal_since(
    const struct sync_sender *f, const struct syncrec *r, struct pd_err *err)
{
	char first[DATE_BUFSZ];
	int64_t t = date_ts_secs(r->at), made;

	if (f->terminal_created_at == NULL || t < 0)
		return 0;
	made = date_ts_secs(f->terminal_created_at);
	if (made < 0 || t / 86400 >= made / 86400 - SKEW_DAYS)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("Record time %s is before terminal %s was added (the earliest "
	      "accepted is %s)"),
	    r->at, f->terminal,
	    date_format(first, (int32_t)(made / 86400 - SKEW_DAYS)));
}

/* The check under the settings cfg (the users of f). */
static int
check_under(struct svc *s, const struct config *cfg,
    const struct sync_sender *f, const struct syncrec *r, struct pd_err *err)
{
	struct config *saved = xmalloc(sizeof *saved);
	int rc;

	*saved = s->cfg;
	s->cfg = *cfg;
	rc = svc_sync_check_push(s, f, r, err);
	s->cfg = *saved;
	free(saved);
	return rc;
}

/* The record under the versions of the settings in force from feed entry
 * since on (the one in force then, then one after each later change; at
 * most MAX_VERSIONS, the newest): 0 when one of them takes it, 1 when
 * none does, -1 when the store failed (err). */
static int
older_settings(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, int64_t since, struct pd_err *err)
{
	struct setting_change *h;
	struct config *v = xmalloc(sizeof *v);
	struct pd_err e = {0};
	size_t n, i, from, skip;
	int rc = 1;

	h = store_setting_history(s->st, &n, err);
	if (h == NULL) {
		free(v);
		return -1;
	}
	*v = *s->base_cfg;
	xstrlcpy(v->store_path, s->cfg.store_path, sizeof v->store_path);
	for (from = 0; from < n && h[from].seq <= since; from++)
		/* a value no longer valid here is left out */
		config_set_central(v, h[from].key, h[from].value, NULL);
	skip = n - from >= MAX_VERSIONS ? n - from - MAX_VERSIONS + 1 : 0;
	for (i = from; rc == 1; i++) {
		if (i == from || i - from > skip) {
			rc = check_under(s, v, f, r, &e) == 0 ? 0
			     : e.code == PD_ESTORE            ? -1
			                                      : 1;
			if (rc < 0)
				*err = e;
		}
		if (i == n)
			break;
		config_set_central(v, h[i].key, h[i].value, NULL);
	}
	free(v);
	free(h);
	return rc;
}

/* The check by the rules the terminal could have had (see the top). */
static int
judge_rules(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err)
{
	struct sync_sender f = *from;
	struct pd_err today = {0};
	int64_t known = rules_known(s, from, r);
	int rc;

	f.past = 0;
	if (!s->push_reads || s->push_rules_head < 0)
		s->push_rules_head = store_rules_head(s->st);
	if (known < 0 || s->base_cfg == NULL || known >= s->push_rules_head)
		return svc_sync_check_push(s, &f, r, err);
	/* the terminal may not have had every change: any version from
	 * the last one it had on */
	f.past = 1;
	f.rules_since = known;
	if (svc_sync_check_push(s, &f, r, &today) == 0)
		return 0;
	if (today.code == PD_ESTORE) {
		*err = today;
		return -1;
	}
	rc = older_settings(s, &f, r, known, err);
	if (rc <= 0)
		return rc;
	/* refused by every version: today's reason */
	*err = today;
	return -1;
}

int
svc_sync_judge_warm(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err)
{
	struct sync_sender f = *from;
	int64_t known;

	if (!s->push_reads || r->kind != SR_PAYMENT)
		return 0;
	known = rules_known(s, from, r);
	s->push_rules_head = store_rules_head(s->st);
	f.past =
	    known >= 0 && s->base_cfg != NULL && known < s->push_rules_head;
	f.rules_since = known;
	return svc_sync_user_warm(s, &f, r->p.received_by, err);
}

int
svc_sync_judge(struct svc *s, const struct sync_sender *from,
    const struct syncrec *r, struct pd_err *err)
{
	/* what the record says is judged first, its own reasons given */
	if (judge_rules(s, from, r, err) != 0)
		return -1;
	return check_terminal_since(from, r, err);
}
