/* alert_inbox.c - the alerts as they are worked (issue 21): the inbox
 * read (open ones first, each kind's days as of today), one alert shown
 * with its history, and acknowledged, assigned, noted or closed, each
 * change in its transaction with its history, audit and outbox rows; and
 * the disconnection list (overdue consumers no kept plan protects).
 * alerts.c raises and delivers them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/date.h"
#include "paydesk/os.h"
#include "paydesk/say.h"
#include "alerts_int.h"

/* The days of an alert counted from its day as of today (the figure it
 * was raised with is its first): past due for a miss or an overdue
 * item, ahead for what falls due or a credit note expiring; a gateway
 * payment's hours as of now. */
/* Now in seconds, today's day into *today: read once for every alert. */
static int64_t
clock_now(int32_t *today)
{
	char now[TS_BUFSZ];

	svc_now(now);
	now[10] = '\0';
	date_parse(now, NULL, today, NULL);
	now[10] = ' ';
	return date_ts_secs(now);
}

static void
as_of(struct alert *a, int32_t today, int64_t now)
{
	int64_t from;
	int32_t d;

	/* a gateway payment's hours unassociated as of now: those it was
	 * raised with and the hours since (helper-236, fault 6: they
	 * stayed what they were raised with) */
	if (a->kind == ALERT_GATEWAY) {
		if ((from = date_ts_secs(a->raised_at)) >= 0 && now >= from)
			a->days = a->raised_days + (int)((now - from) / 3600);
		return;
	}
	if (a->due_on[0] == '\0' || date_parse(a->due_on, NULL, &d, NULL) != 0)
		return;
	/* a reconciliation exception's age from its day (helper-235, fault
	 * 2: it stayed the age it was raised with) */
	if (a->kind == ALERT_MISSED || a->kind == ALERT_OVERDUE ||
	    a->kind == ALERT_RECON)
		a->days = today - d;
	else if (a->kind == ALERT_DUE || a->kind == ALERT_CREDIT)
		a->days = d - today;
}

/* A broken plan's misses as of now, while its alert is not closed
 * (helper-241: the alert kept the 1 it was raised with while the plan
 * missed a second; its amount, what the plan has left, was already
 * now's): the plan as every terminal has it. The figure it was raised
 * with stays in raised_days. Left as it is when the plan cannot be read. */
static void
misses_now(struct svc *s, struct alert *a)
{
	struct arrangement ar;
	struct arr_view v;
	struct pd_err e = {0};

	if (a->kind != ALERT_BROKEN || a->status == ALERT_CLOSED ||
	    a->plan_no[0] == '\0' ||
	    store_arr_find(s->st, a->plan_no, &ar, &e) != 0)
		return;
	memset(&v, 0, sizeof v);
	if (svc_arr_view_bare_of(s, &ar, &v, &e) == 0)
		a->days = arr_tally_misses(&v.tally);
	svc_arr_view_free(&v);
}

/* Open ones first, then by kind (the order of enum alert_kind: broken
 * plans, misses, what falls due, ...); the oldest past due first, what
 * falls due soonest first; then in the order raised. */
static int
by_kind(const void *x, const void *y)
{
	const struct alert *a = x, *b = y;
	int ahead = a->kind == ALERT_DUE || a->kind == ALERT_CREDIT;

	if ((a->status == ALERT_CLOSED) != (b->status == ALERT_CLOSED))
		return a->status == ALERT_CLOSED ? 1 : -1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->days != b->days && a->kind != ALERT_BROKEN)
		return ahead ? (a->days < b->days ? -1 : 1)
		             : (a->days > b->days ? -1 : 1);
	return a->id < b->id ? -1 : a->id > b->id;
}

struct alert *
svc_alerts(struct svc *s, int kind, int all, size_t *n, struct pd_err *err)
{
	struct alert_row *r;
	struct alert *a;
	size_t i, k;
	int64_t now;
	int32_t today;

	*n = 0;
	if (svc_require(s, ROLE_RECOVERY, _("Reading the alerts"), err) != 0)
		return NULL;
	svc_alerts_tick(s);
	if ((r = store_alerts_list(s->st, all,
	         kind >= 0 && kind < ALERT_NKINDS
	             ? alerts_kind_code((enum alert_kind)kind)
	             : NULL,
	         0, 0, n, err)) == NULL)
		return NULL;
	a = xcalloc(*n ? *n : 1, sizeof *a);
	now = clock_now(&today);
	for (i = k = 0; i < *n; i++) {
		alerts_from_row(&a[k], &r[i]);
		if (kind == ALERT_PLAN_KINDS && a[k].kind != ALERT_BROKEN &&
		    a[k].kind != ALERT_MISSED && a[k].kind != ALERT_DUE)
			continue;
		misses_now(s, &a[k]);
		as_of(&a[k++], today, now);
	}
	*n = k;
	free(r);
	qsort(a, *n, sizeof *a, by_kind);
	return a;
}

int64_t
svc_alerts_open(struct svc *s)
{
	int64_t n;
	struct pd_err err;

	if (s->actor.user_id == 0 || s->actor.role < ROLE_RECOVERY ||
	    store_alerts_open_count(s->st, &n, &err) != 0)
		return -1;
	return n;
}

/* Alert id as it is now, for action (its name for people): a change
 * (closed 0: a Closed one refused) or a reading (closed 1). */
static int
get(struct svc *s, int64_t id, const char *action, int closed, struct alert *a,
    struct pd_err *err)
{
	struct alert_row *r;
	char kept[512];
	size_t n;

	if (svc_require(s, ROLE_RECOVERY, action, err) != 0)
		return -1;
	if (id <= 0)
		return pd_fail(err, PD_EINVAL,
		    _("\"%lld\" is not an alert number: the ID column of "
		      "paydesk alerts"),
		    (long long)id);
	if ((r = store_alerts_list(s->st, 1, NULL, id, 0, &n, err)) == NULL)
		return -1;
	if (n == 1)
		alerts_from_row(a, &r[0]);
	/* a refused record's alert says why (s66's observation: the view
	 * named the record, not the refusal) */
	if (n == 1 && a->kind == ALERT_REFUSED) {
		const char *uuid = strchr(r[0].cause, ':');

		if (store_sync_refusal(s->st, uuid ? uuid + 1 : "", kept,
		        sizeof kept, err) != 0) {
			free(r);
			return -1;
		}
		/* kept as said (say.h), as the quarantine's reasons */
		say_render(a->refused_why, sizeof a->refused_why, kept);
		say_render_en(
		    a->refused_why_en, sizeof a->refused_why_en, kept);
	}
	free(r);
	if (n != 1)
		return pd_fail(
		    err, PD_ENOTFOUND, _("No alert %lld"), (long long)id);
	if (a->status == ALERT_CLOSED && !closed)
		return pd_fail(err, PD_EINVAL,
		    _("Alert %lld is Closed: it cannot be changed"),
		    (long long)id);
	return 0;
}

struct alert_entry *
svc_alert_show(
    struct svc *s, int64_t id, struct alert *a, size_t *n, struct pd_err *err)
{
	struct alert_note *nt;
	struct alert_entry *e;
	size_t i;

	int64_t now;
	int32_t today;

	*n = 0;
	if (get(s, id, _("Reading the alerts"), 1, a, err) != 0)
		return NULL;
	/* its days as of today, as the list gives them (review of issue
	 * 21); raised_days keeps the figure it was raised with */
	now = clock_now(&today);
	misses_now(s, a);
	as_of(a, today, now);
	/* the steps taken back too, each saying why (helper-250, fault 3) */
	if ((nt = store_alert_history(s->st, id, n, err)) == NULL)
		return NULL;
	e = xcalloc(*n ? *n : 1, sizeof *e);
	for (i = 0; i < *n; i++) {
		xstrlcpy(e[i].at, nt[i].at, sizeof e[i].at);
		xstrlcpy(e[i].user, nt[i].user, sizeof e[i].user);
		xstrlcpy(e[i].action, nt[i].action, sizeof e[i].action);
		say_render(e[i].text, sizeof e[i].text, nt[i].text);
		say_render(
		    e[i].taken_back, sizeof e[i].taken_back, nt[i].undone);
		say_render_en(e[i].taken_back_en, sizeof e[i].taken_back_en,
		    nt[i].undone);
	}
	free(nt);
	return e;
}

const char *
svc_alert_action_name(const char *action, const char *text)
{
	static const struct {
		const char *code, *name;
	} actions[] = {
	    {"raised", N_("Raised")},
	    {"acknowledged", N_("Acknowledged")},
	    {"assigned", N_("Assigned")},
	    {"note", N_("Note")},
	    {"closed", N_("Closed")},
	    {"ended", N_("Closed: its cause ended")},
	    {"delivery", N_("Not delivered")},
	};
	size_t i;

	/* an assignment to no one (alerts assign ID -; review s48: it
	 * read "Assigned", to nobody) */
	if (strcmp(action, "assigned") == 0 && (text == NULL || *text == '\0'))
		return N_("Unassigned");
	for (i = 0; i < sizeof actions / sizeof actions[0]; i++)
		if (strcmp(action, actions[i].code) == 0)
			return actions[i].name;
	return action;
}

/* Change alert id (status code or NULL, assignee: -1 kept) with its
 * history entry (action, text) and audit entry; one transaction. */
static int
change(struct svc *s, int64_t id, const char *status, int64_t assignee,
    const char *action, const char *text, struct pd_err *err)
{
	char at[TS_BUFSZ], ref[24], uuid[37];
	int rc;

	svc_now(at);
	snprintf(ref, sizeof ref, "%lld", (long long)id);
	if (store_begin(s->st, err) != 0)
		return -1;
	rc = store_alert_set(s->st, id, status, assignee, err);
	/* an organisation's alert: its step synced (alert_sync.c), the
	 * outbox record before the audit entry, which claims its seal */
	if (rc == 0)
		rc = svc_alert_outbox(s, id, action, text, at, uuid, err);
	if (rc == 0)
		rc = store_alert_step_put(s->st, id, uuid[0] ? uuid : NULL,
		    uuid[0] ? s->cfg.terminal_id : "", at, s->actor.user_id,
		    s->actor.username, action, text, err);
	if (rc == 0)
		rc = svc_audit(s, at, action, "alert", ref, text, err);
	return svc_finish(s, rc, err);
}

int
svc_alert_ack(struct svc *s, int64_t id, struct pd_err *err)
{
	struct alert a;

	if (get(s, id, _("Acknowledging an alert"), 0, &a, err) != 0)
		return -1;
	if (a.status != ALERT_OPEN)
		return pd_fail(err, PD_EINVAL,
		    _("Alert %lld is Acknowledged already"), (long long)id);
	return change(s, id, "acknowledged", -1, "acknowledged", "", err);
}

int
svc_alert_assign(
    struct svc *s, int64_t id, const char *user, struct pd_err *err)
{
	struct alert a;
	struct user u;

	if (get(s, id, _("Assigning an alert"), 0, &a, err) != 0)
		return -1;
	/* an assignment that changes nothing is refused, as an ack of an
	 * acknowledged alert is (tester's fault 7: a second step said so) */
	if (user == NULL || *user == '\0' || strcmp(user, "-") == 0) {
		if (a.assigned[0] == '\0')
			return pd_fail(err, PD_EINVAL,
			    _("Alert %lld is assigned to nobody already"),
			    (long long)id);
		return change(s, id, NULL, 0, "assigned", "", err);
	}
	if (store_user_by_name(s->st, user, &u, err) != 0) {
		if (err->code == PD_ENOTFOUND)
			return pd_fail(err, PD_ENOTFOUND,
			    _("No user \"%s\" to assign alert %lld to"), user,
			    (long long)id);
		return -1;
	}
	/* a user of another branch signs in at none of this branch's
	 * terminals (helper-239: "cannot work alerts" of an active
	 * recovery officer of B02) */
	if (u.branch[0] != '\0' && strcmp(u.branch, s->cfg.branch_id) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s is a user of branch %s, who signs in at none of this "
		      "branch's terminals: assign the alert to a recovery user "
		      "of branch %s"),
		    user, u.branch, s->cfg.branch_id);
	/* a synced terminal knows another branch's users disabled (their
	 * branch is the central node's): said as what it is, not as a
	 * role that cannot work alerts (helper-239) */
	if (!u.active)
		return pd_fail(err, PD_EINVAL,
		    _("%s is not active at this terminal (disabled, or a user "
		      "of another branch, who signs in at none of its "
		      "terminals): assign the alert to an active user of the "
		      "recovery role or above"),
		    user);
	if (u.role < ROLE_RECOVERY)
		return pd_fail(err, PD_EINVAL,
		    _("%s cannot work alerts: an active user of the recovery "
		      "role or above is needed"),
		    user);
	if (strcmp(a.assigned, u.username) == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Alert %lld is assigned to %s already"), (long long)id,
		    u.username);
	return change(s, id, NULL, u.id, "assigned", u.username, err);
}

int
svc_alert_note(struct svc *s, int64_t id, const char *text, struct pd_err *err)
{
	struct alert a;

	if (get(s, id, _("A note on an alert"), 0, &a, err) != 0 ||
	    svc_check_text_fits(_("The note"), text, 500, SVC_TEXT_BUFSZ, 1, err) != 0)
		return -1;
	return change(s, id, NULL, -1, "note", text, err);
}

int
svc_alert_close(struct svc *s, int64_t id, struct pd_err *err)
{
	struct alert a;

	if (get(s, id, _("Closing an alert"), 0, &a, err) != 0)
		return -1;
	return change(s, id, "closed", -1, "closed", "", err);
}

/* ---- the disconnection list ---- */

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* id is in the ascending ids[n]. */
static int
among_ids(int64_t id, const int64_t *ids, size_t n)
{
	return n > 0 && bsearch(&id, ids, n, sizeof *ids, cmp_id) != NULL;
}

struct overdue_row *
svc_disconnections(struct svc *s, size_t *n, struct pd_err *err)
{
	struct overdue_row *r;
	struct svc_kept_inst ki, mi = {NULL, 0};
	char iso[11], cutoff[11], *broken, *among, *inst, *w;
	int64_t min, *kept, *cand, *more;
	int32_t today;
	size_t i, k = 0, nk, nc, nm = 0;
	int rc = 0;

	*n = 0;
	if (svc_require(s, ROLE_RECOVERY, _("The disconnection list"), err) !=
	    0)
		return NULL;
	svc_today(iso);
	date_parse(iso, NULL, &today, NULL);
	date_format(cutoff, today - s->cfg.disc_days);
	min = s->cfg.disc_amount > 0 ? s->cfg.disc_amount : 1;
	/* a Broken plan protects no one and its debt is overdue from its
	 * items' dates, so that a consumer whose plan broke before his
	 * installments were due is listed again (review 21, fault 6): the
	 * plans of those with one that adds to their debt if Broken (open
	 * due after cutoff) read first, each such consumer's every plan,
	 * then those of the others listed who have one (a look-up per
	 * consumer cost seconds). (The plans that might be Broken found in
	 * SQL first, their consumers' read then, and the others listed
	 * after the list: at 10M nearly every plan was read twice, 0.24 s
	 * of the list's 1.05 s) */
	kept = svc_kept_open(s, cutoff, &ki, &nk, &broken, &cand, &nc, err);
	if (kept == NULL)
		return NULL;
	r = store_overdue(s->st, cutoff, min, broken, 0, n, err);
	free(broken);
	if (r == NULL) {
		free(kept);
		free(cand);
		free(ki.inst);
		*n = 0;
		return NULL;
	}
	w = among = xcalloc(*n * 21 + 3, 1);
	*w++ = '[';
	for (i = 0; i < *n; i++)
		if (r[i].has_plan && !among_ids(r[i].consumer_id, cand, nc))
			w = svc_json_id(w, r[i].consumer_id);
	strcpy(w, "]");
	more = strcmp(among, "[]") == 0
	           ? xcalloc(1, sizeof *more)
	           : svc_kept_overdue(s, among, cutoff, &mi, &nm, err);
	free(among);
	free(cand);
	if (more == NULL) {
		free(kept);
		free(ki.inst);
		free(r);
		*n = 0;
		return NULL;
	}
	/* a plan kept protects the debt it holds, not its consumer's
	 * other debt (review R21d, r21d_partial_plan_shield: one small item
	 * arranged took its consumer off the list with all his arrears):
	 * those keeping one are listed by what is overdue outside their
	 * plans' installments (those read with the plans: ki, mi) */
	w = among = xcalloc(*n * 21 + 3, 1);
	*w++ = '[';
	for (i = 0; i < *n; i++)
		if (r[i].has_plan && (among_ids(r[i].consumer_id, kept, nk) ||
		                         among_ids(r[i].consumer_id, more, nm)))
			w = svc_json_id(w, r[i].consumer_id);
	strcpy(w, "]");
	free(kept);
	free(more);
	w = inst = xcalloc((ki.ninst + mi.ninst) * 21 + 3, 1);
	*w++ = '[';
	for (i = 0; i < ki.ninst; i++)
		w = svc_json_id(w, ki.inst[i]);
	for (i = 0; i < mi.ninst; i++)
		w = svc_json_id(w, mi.inst[i]);
	strcpy(w, "]");
	free(ki.inst);
	free(mi.inst);
	if (strcmp(among, "[]") != 0)
		rc = store_overdue_outside(
		    s->st, cutoff, among, inst, r, *n, err);
	free(among);
	free(inst);
	if (rc != 0) {
		free(r);
		*n = 0;
		return NULL;
	}
	for (i = 0; i < *n; i++)
		if (r[i].overdue >= min && r[i].items > 0)
			r[k++] = r[i];
	*n = k;
	return r;
}
