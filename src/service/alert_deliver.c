/* alert_deliver.c - the alerts given to [alerts] command (issue 21,
 * "Optional delivery"): each new alert waits (deliver = 1) and is given
 * to the command as one JSON object on its standard input after the
 * commit; a command that fails leaves it waiting with the error (the
 * row, its history, an audit entry) and is tried again at a later use,
 * after a backoff; it is never lost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "alerts_int.h"
#include "paydesk/date.h"
#include "paydesk/os.h"

/* a delivery that failed or was stopped for the time ([alerts]
 * command_timeout): none tried again before "<failures in a row> <epoch
 * seconds>", a wait of a minute doubled at each failure, an hour at most
 * (review of issue 21: a hanging command cost its time at every use;
 * review s48: a command that failed at once was run for each of 700
 * waiting alerts at every use, seconds each time) */
#define META_BACKOFF "alerts_backoff"
#define BACKOFF_FIRST 60
#define BACKOFF_MAX 3600

int
alerts_delivers(const struct svc *s)
{
	return s->cfg.alert_command[0] != '\0';
}

/* s JSON-quoted onto the end of buf (n bytes). */
static void
json_str(char *buf, size_t n, const char *key, const char *s, int comma)
{
	size_t o = strlen(buf);

	o += (size_t)snprintf(
	    buf + o, o < n ? n - o : 0, "%s\"%s\":\"", comma ? "," : "", key);
	for (; *s != '\0' && o + 8 < n; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			o += (size_t)snprintf(buf + o, n - o, "\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			o += (size_t)snprintf(buf + o, n - o, "\\u%04x", c);
		else
			buf[o++] = (char)c;
	}
	snprintf(buf + o, o < n ? n - o : 0, "\"");
}

/* Alert a as the one JSON object [alerts] command reads (paydesk(1)):
 * money in minor units (amount) and as the screens show it, with the
 * organisation's sign (amount_text); the figure the rule is about, its
 * unit in figure_is (review s50: a large payment's was 0, the text had
 * no sign). */
static void
alert_json(const struct svc *s, const struct alert_row *r, char *buf, size_t n)
{
	char money[MONEY_BUFSZ];
	const struct alert *a;
	struct alert al;

	alerts_from_row(&al, r);
	a = &al;
	snprintf(buf, n, "{\"id\":%lld", (long long)a->id);
	json_str(buf, n, "kind", svc_alert_kind_word(a->kind), 1);
	json_str(buf, n, "title", svc_alert_kind_name(a->kind), 1);
	json_str(buf, n, "cause", r->cause, 1);
	json_str(buf, n, "raised_at", a->raised_at, 1);
	json_str(buf, n, "terminal", s->cfg.terminal_id, 1);
	json_str(buf, n, "account_no", a->account_no, 1);
	json_str(buf, n, "consumer", a->consumer, 1);
	json_str(buf, n, "plan_no", a->plan_no, 1);
	json_str(buf, n, "payment_no", a->payment_no, 1);
	json_str(buf, n, "ref", a->ref, 1);
	json_str(buf, n, "date", a->due_on, 1);
	/* none for a refused record, as alerts --json gives it (null; the
	 * text empty, as the list's; helper-241: 0 and "$0.00" here) */
	if (svc_alert_has_amount(a)) {
		snprintf(buf + strlen(buf), n - strlen(buf), ",\"amount\":%lld",
		    (long long)a->amount);
		json_str(buf, n, "amount_text",
		    svc_money(s, money, sizeof money, a->amount), 1);
	} else
		snprintf(buf + strlen(buf), n - strlen(buf),
		    ",\"amount\":null,\"amount_text\":\"\"");
	/* a large payment's rule is about its amount (its stored figure,
	 * synced, stays 0) */
	snprintf(buf + strlen(buf), n - strlen(buf), ",\"figure\":%lld",
	    a->kind == ALERT_LARGE ? (long long)a->amount : (long long)a->days);
	json_str(buf, n, "figure_is", alerts_kind_figure(a->kind), 1);
	snprintf(buf + strlen(buf), n - strlen(buf), ",\"allowed\":%d}\n",
	    a->allowed);
}

/* The wait after stops stops in a row (0: none). */
static int64_t
backoff_secs(int stops)
{
	int64_t w = BACKOFF_FIRST;

	if (stops <= 0)
		return 0;
	while (--stops > 0 && w < BACKOFF_MAX)
		w *= 2;
	return w < BACKOFF_MAX ? w : BACKOFF_MAX;
}

/* Who delivers (helper-240: the counter's screens and their background
 * sync each gave every waiting alert to the command, twice, at once):
 * one round at a time per store, whatever the thread or process, by a
 * lease kept in the store, "<round's uuid> <epoch seconds it ends>",
 * taken before the alerts are read, renewed at each alert, given back
 * at the end; one left by a round that died ends by itself. */
#define META_LEASE "alerts_delivering"

/* The lease of round tok (take 1: taken unless another round's holds;
 * take 0: given back if still tok's): 0 done, 1 another round delivers,
 * -1 err. */
static int
lease(struct svc *s, const char *tok, int take, struct pd_err *err)
{
	char mark[80] = "", held[40] = "", now[TS_BUFSZ];
	long long until = 0;
	int rc = 0;

	if (store_begin(s->st, err) != 0)
		return -1;
	svc_now(now);
	store_meta_get(s->st, META_LEASE, mark, sizeof mark);
	if (sscanf(mark, "%39s %lld", held, &until) != 2)
		held[0] = '\0';
	if (take && held[0] != '\0' && strcmp(held, tok) != 0 &&
	    date_ts_secs(now) < until) {
		store_rollback(s->st);
		return 1;
	}
	if (take)
		snprintf(mark, sizeof mark, "%s %lld", tok,
		    (long long)(date_ts_secs(now) +
		                s->cfg.alert_command_timeout + 60));
	else
		mark[0] = '\0';
	if (take || strcmp(held, tok) == 0)
		rc = store_meta_set(s->st, META_LEASE, mark, err);
	return svc_finish(s, rc, err);
}

/* One try of delivering r: the outcome into the row, and a failure into
 * the audit log and *failed (the first one's message); *halted 1 when
 * the command failed or was stopped for the time (the backoff then
 * noted: failures in a row so far, after the try). */
static int
deliver_one(struct svc *s, const struct alert_row *r, int stops, int *halted,
    struct pd_err *failed, struct pd_err *err)
{
	char json[2048], at[TS_BUFSZ], ref[24], mark[48];
	struct pd_err e = {0};
	struct alert_row cur;
	const char *kept;
	int ok, rc, stopped = 0;

	/* still waiting, as read now: another program may have given it
	 * since this round read the list (helper-242: with the programs'
	 * clocks far apart, a lease seemed over; one was given twice, and
	 * one given was then tried again and noted as not delivered) */
	*halted = 0;
	if ((rc = store_alert_by_cause(s->st, r->cause, &cur, err)) < 0)
		return -1;
	if (rc == 1 || !cur.deliver || strcmp(cur.status, "closed") == 0)
		return 0;
	alert_json(s, r, json, sizeof json);
	ok = os_run_input(s->cfg.alert_command, json, strlen(json),
	         s->cfg.alert_command_timeout * 1000, &stopped, &e) == 0;
	*halted = !ok || stopped;
	svc_now(at);
	snprintf(ref, sizeof ref, "%lld", (long long)r->id);
	if (store_begin(s->st, err) != 0)
		return -1;
	/* the command answered (or not): the backoff starts again, or
	 * waits longer */
	mark[0] = '\0';
	if (*halted)
		snprintf(mark, sizeof mark, "%d %lld", stops + 1,
		    (long long)(date_ts_secs(at) + backoff_secs(stops + 1)));
	if (store_meta_set(s->st, META_BACKOFF, mark, err) != 0) {
		store_rollback(s->st);
		return -1;
	}
	/* the row and the history keep the message to say it again in the
	 * reader's language (say.h); the audit log is a record, as said */
	kept = e.said[0] ? e.said : e.msg;
	rc = store_alert_delivered(s->st, r->id, at, ok ? NULL : kept, err);
	if (rc == 0 && !ok)
		rc = store_alert_note_add(
		    s->st, r->id, at, 0, "system", "delivery", kept, err);
	if (rc == 0 && !ok)
		rc = svc_audit(
		    s, at, "deliver-failed", "alert", ref, e.msg, err);
	if (!ok && failed->code == 0)
		*failed = e;
	return svc_finish(s, rc, err);
}

int
alerts_deliver(struct svc *s, struct pd_err *err)
{
	struct alert_row *r;
	struct pd_err failed = {0};
	char mark[48] = "", now[TS_BUFSZ];
	long long until = 0;
	size_t n, i;
	char tok[UUID_BUFSZ];
	int rc = 0, stops = 0, halted = 0;

	if (!alerts_delivers(s))
		return 0;
	/* the UI's: its thread delivers (alert_worker.c) */
	if (s->deliverer != NULL) {
		svc_alert_worker_kick(s->deliverer, &s->cfg);
		return 0;
	}
	/* a command that failed or was stopped waits out its backoff */
	store_meta_get(s->st, META_BACKOFF, mark, sizeof mark);
	if (sscanf(mark, "%d %lld", &stops, &until) != 2)
		stops = 0;
	svc_now(now);
	if (stops > 0 && date_ts_secs(now) < until)
		return 0;
	os_uuid_new(tok);
	if ((rc = lease(s, tok, 1, err)) != 0)
		return rc < 0 ? -1 : 0;
	if ((r = store_alerts_undelivered(s->st, &n, err)) == NULL) {
		lease(s, tok, 0, &(struct pd_err){0});
		return -1;
	}
	/* the first that failed or was stopped ends the round: the others
	 * would most likely fail as well, or wait as long each; the lease
	 * renewed before each; the UI's end stops it after the one being
	 * given (svc_alert_worker_stop) */
	for (i = 0; i < n && rc == 0 && !halted &&
	            !__atomic_load_n(&s->deliver_halt, __ATOMIC_RELAXED);
	     i++)
		if ((rc = lease(s, tok, 1, err)) == 0)
			rc =
			    deliver_one(s, &r[i], stops, &halted, &failed, err);
	free(r);
	if (rc > 0) {
		rc = 0; /* another round took it over: it delivers the rest */
	} else {
		/* given back; a failure to is this round's error only when
		 * it had none (the lease ends by itself anyway) */
		struct pd_err e = {0};

		if (lease(s, tok, 0, &e) != 0 && rc == 0) {
			*err = e;
			rc = -1;
		}
	}
	if (rc == 0 && failed.code != 0) {
		*err = failed;
		pd_err_prefix(err, _("An alert was not delivered: "));
		return -1;
	}
	return rc;
}
