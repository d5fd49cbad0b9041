/* sync_ahead.c - a document number far ahead of its terminal's series is
 * refused at the central node (review 18, point 1).
 *
 * A terminal takes its numbers one by one, one series per kind of
 * document and scope (numfmt_scope: the year or month of a format that
 * restarts), and pushes its outbox oldest first; a record the central
 * node refuses has used its number all the same. So a terminal's next
 * number, as the node sees it, is at most one past the count of that
 * series' documents the node holds from it plus the records of it the
 * node refused: an offline backlog of any length comes in that order and
 * stays within it. A number more than [central] series_window past that
 * is refused, unless the terminal could have issued the numbers in
 * between since it last synced: one a second at most, from when the node
 * last heard from it to the record's time (that time no later than the
 * node's clock and the skew allowed). The count is by the document's
 * date, whatever the format was: after a change of format the series
 * goes on from the one before. Z numbers are judged once the node has a
 * close of the terminal (those before shifts were synced never came). A forged
 * record numbered PAY-T01-999999 would otherwise be applied: paydesk-central
 * gaps shows a range of a million missing, and the terminal's own numbers may
 * meet it one day. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/numfmt.h"

/* How far ahead of the central node's clock a record's time may be for
 * the time it gives (seconds; as sync_judge.c's rules). */
#define AHEAD_SKEW_SECS 600
/* The least time a terminal takes to issue one document (seconds). */
#define SECS_PER_NUMBER 1

/* The first and last day of scope ("", "YYYY" or "YYYY-MM"). */
static void
scope_days(const char *scope, char from[11], char to[11])
{
	if (strlen(scope) == 7) {
		snprintf(from, 11, "%.7s-01", scope);
		snprintf(to, 11, "%.7s-31", scope);
	} else if (strlen(scope) == 4) {
		snprintf(from, 11, "%.4s-01-01", scope);
		snprintf(to, 11, "%.4s-12-31", scope);
	} else {
		snprintf(from, 11, "0000-01-01");
		snprintf(to, 11, "9999-12-31");
	}
}

/* Seconds the terminal has had to issue numbers since it last synced,
 * up to the record's time at (0 when that cannot be said). */
static int64_t
time_since_sync(const struct sync_sender *f, const char *at)
{
	char now[TS_BUFSZ];
	const char *last = f->last_synced != NULL && f->last_synced[0]
	                       ? f->last_synced
	                       : f->terminal_created_at;
	int64_t t = date_ts_secs(at), from = date_ts_secs(last), lim;

	svc_now(now);
	lim = date_ts_secs(now) + AHEAD_SKEW_SECS;
	if (t < 0 || from < 0)
		return 0;
	if (t > lim)
		t = lim;
	return t > from ? t - from : 0;
}

int
svc_sync_check_ahead(struct svc *s, const struct sync_sender *f, int kind,
    const char *what, const char *fmt, const char *number, const char *date,
    const char *at, struct pd_err *err)
{
	return svc_sync_check_ahead_m(
	    s, f, kind, what, fmt, number, date, at, NULL, err);
}

/* The count of kind's documents from f dated from to to, as m has it or
 * read (and kept in m). Receipts and payment numbers count the same
 * documents (payments: store_doc_count). */
static int
held_count(struct svc *s, const struct sync_sender *f, int kind,
    const char *from, const char *to, struct ahead_memo *m, int64_t *held,
    struct pd_err *err)
{
	int i, k = kind == DOC_SERIES_RECEIPT ? DOC_SERIES_PAYMENT : kind;

	for (i = 0; m != NULL && i < m->nheld; i++)
		if (m->held[i].kind == k &&
		    strcmp(m->held[i].from, from) == 0 &&
		    strcmp(m->held[i].to, to) == 0) {
			*held = m->held[i].held;
			return 0;
		}
	if (store_doc_count(s->st, kind, f->terminal, from, to, held, err))
		return -1;
	if (m != NULL && m->nheld < 3) {
		m->held[m->nheld].kind = k;
		strcpy(m->held[m->nheld].from, from);
		strcpy(m->held[m->nheld].to, to);
		m->held[m->nheld++].held = *held;
	}
	return 0;
}

int
svc_sync_check_ahead_m(struct svc *s, const struct sync_sender *f, int kind,
    const char *what, const char *fmt, const char *number, const char *date,
    const char *at, struct ahead_memo *m, struct pd_err *err)
{
	struct numfmt_ctx ctx = {date, f->terminal, f->branch};
	char scope[16], from[11], to[11];
	char far[NUMFMT_BUFSZ];
	int64_t seq, held, refused, spent, most;
	int64_t window = s->cfg.central_series_window;

	/* (a number of another series is check_number's to refuse) */
	if (window <= 0 || numfmt_match(fmt, &ctx, number, &seq, NULL) != 0 ||
	    seq <= window)
		return 0;
	numfmt_scope(fmt, date, scope, sizeof scope);
	scope_days(scope, from, to);
	if (held_count(s, f, kind, from, to, m, &held, err) != 0)
		return -1;
	/* shifts closed before shifts were synced used Z numbers this node
	 * never saw (issue 20, point 4): the first close it has of a
	 * terminal starts its series here */
	if (kind == DOC_SERIES_Z_REPORT && held == 0)
		return 0;
	if (m != NULL && m->has_refused)
		refused = m->refused;
	else
		refused = store_sync_refused(s->st, f->terminal);
	if (m != NULL) {
		m->refused = refused;
		m->has_refused = 1;
	}
	/* (what the time since the last sync adds is read only when the
	 * rest does not already cover the number: most pushes) */
	if (seq <= held + refused + window)
		return 0;
	spent = time_since_sync(f, at) / SECS_PER_NUMBER;
	most = held + refused + window + spent;
	if (seq <= most)
		return 0;
	if (numfmt_render(fmt, &ctx, most, far, sizeof far, NULL) != 0)
		snprintf(far, sizeof far, "%lld", (long long)most);
	return pd_fail(err, PD_EINVAL,
	    _("%s %s is too far ahead of terminal %s's series: this node has "
	      "had %lld of its numbers there (%lld held, %lld refused), and "
	      "the furthest it may be is %s ([central] series_window %lld, "
	      "and %lld for the time since the terminal last synced at %s)"),
	    _(what), number, f->terminal, (long long)(held + refused),
	    (long long)held, (long long)refused, far, (long long)window,
	    (long long)spent,
	    f->last_synced != NULL && f->last_synced[0] ? f->last_synced
	                                                : _("never"));
}
