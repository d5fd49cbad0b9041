/* alert_check.c - the central node's check of a pushed step of an
 * organisation's alert (issue 21; alert_sync.c applies it): its op and
 * kind, who made it, a raise's figures and consumer, and a step against
 * the alert's history in the order the steps were made. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/uuid.h"

/* The largest figure (days, hours, misses) a raise may carry. */
#define FIGURE_MAX 1000000

/* How a step r of alert id stands against the history the central node
 * holds, both in the order steps were made (store_alert_notes), not in
 * the order they came (helper-233, fault 6: a close that came after work
 * made later than it, at another terminal, read "Closed" then
 * "Acknowledged"; a note made before a close that came first was
 * refused). */
struct standing {
	char closed_at[TS_BUFSZ]; /* its close or end made before r, "" none */
	/* the first step of a user made after r ("" none): what, by whom */
	char later_at[TS_BUFSZ], later_what[16], later_by[33];
	int acked, user_closed; /* acknowledged, closed by a user, ever */
};

/* Whether note nt was made after the time at, ms the millisecond in its
 * record's UUID (within one second, the history's own order). */
static int
made_after(const struct alert_note *nt, const char *at, uint64_t ms)
{
	int c = strcmp(nt->at, at);

	return c > 0 || (c == 0 && nt->made_ms > ms);
}

static int
standing(struct svc *s, int64_t id, const struct syncrec *r, struct standing *w,
    struct pd_err *err)
{
	struct alert_note *h;
	uint64_t ms = uuid_v7_ms(r->uuid);
	size_t n, i;

	memset(w, 0, sizeof *w);
	if ((h = store_alert_notes(s->st, id, &n, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		int user = strcmp(h[i].user, "system") != 0,
		    close = strcmp(h[i].action, "closed") == 0 ||
		            strcmp(h[i].action, "ended") == 0,
		    after = made_after(&h[i], r->at, ms);

		if (close && !after && w->closed_at[0] == '\0')
			xstrlcpy(w->closed_at, h[i].at, sizeof w->closed_at);
		if (user && after && w->later_at[0] == '\0' &&
		    strcmp(h[i].action, "raised") != 0) {
			xstrlcpy(w->later_at, h[i].at, sizeof w->later_at);
			xstrlcpy(
			    w->later_what, h[i].action, sizeof w->later_what);
			xstrlcpy(w->later_by, h[i].user, sizeof w->later_by);
		}
		w->acked |= strcmp(h[i].action, "acknowledged") == 0;
		w->user_closed |= user && strcmp(h[i].action, "closed") == 0;
	}
	free(h);
	return 0;
}

int
svc_alert_check_push(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct alert_row a;
	struct standing w;
	struct user u;
	struct pd_err ue = {0};
	size_t kl = strlen(r->alert_kind);
	int k = svc_alert_op_index(r->op, 0), rc;

	if (k < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Field \"op\" must be raise, acknowledge, assign, "
		      "note or close, not \"%s\""),
		    r->op);
	if (!svc_alert_org_kind(r->alert_kind))
		return pd_fail(err, PD_EINVAL,
		    _("Alert kind \"%s\" is not one of an organisation's "
		      "alerts: a terminal's own alerts are not synced"),
		    r->alert_kind);
	if (strncmp(r->alert_cause, r->alert_kind, kl) != 0 ||
	    r->alert_cause[kl] != ':' || r->alert_cause[kl + 1] == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Alert cause \"%s\" is not one of kind %s"),
		    r->alert_cause, r->alert_kind);
	/* a terminal's pass closing an alert whose cause ended there
	 * (svc_alert_ended), or the raise of its pass sent when a later
	 * one was pulled (alert_sync.c, send_own_raise) */
	if ((k == 4 || k == 0) && strcmp(r->by_user, "system") == 0 &&
	    strcmp(r->by, "system") == 0)
		;
	else if (store_user_by_name(s->st, r->by_user, &u, &ue) != 0 ||
	         strcmp(u.full_name, r->by) != 0) {
		if (ue.code == PD_ESTORE) {
			*err = ue;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("By \"%s\" is not the user \"%s\""), r->by, r->by_user);
	}
	if (k == 0) {
		int64_t id;

		if (r->alert_amount > MONEY_MAX ||
		    r->alert_amount < -MONEY_MAX ||
		    r->alert_figure > FIGURE_MAX ||
		    r->alert_figure < -FIGURE_MAX || r->alert_allowed < 0 ||
		    r->alert_allowed > FIGURE_MAX)
			return pd_fail(err, PD_EINVAL,
			    _("Alert %s: its amount, figure or misses allowed "
			      "are out of bounds"),
			    r->alert_cause);
		if (r->consumer_uuid[0] == '\0')
			return 0;
		if (store_id_of(
		        s->st, TBL_CONSUMERS, r->consumer_uuid, &id, err) != 0)
			return -1;
		if (id == 0)
			return pd_fail(err, PD_EINVAL,
			    _("Alert %s names consumer %s, which the "
			      "organisation does not have"),
			    r->alert_cause, r->consumer_uuid);
		return 0;
	}
	if ((rc = store_alert_by_cause(s->st, r->alert_cause, &a, err)) < 0)
		return -1;
	if (rc == 1)
		return pd_fail(err, PD_EINVAL,
		    _("Alert %s is not known to the organisation: its raise "
		      "comes first"),
		    r->alert_cause);
	/* the end of its cause, from the synced data, is taken whenever it
	 * came, unless the change of a plan or the void that ended it is one
	 * the organisation did not take (helper-233, fault 2: a cancel
	 * refused, undone at its terminal, dated the alert's close) */
	if (k == 4 && strcmp(r->by_user, "system") == 0) {
		int64_t ev = 1, vd = 0;

		if (r->alert_ended_by[0] != '\0' &&
		    (store_id_of(s->st, TBL_ARR_EVENTS, r->alert_ended_by, &ev,
		         err) != 0 ||
		        (ev == 0 && store_id_of(s->st, TBL_VOIDS,
		                        r->alert_ended_by, &vd, err) != 0)))
			return -1;
		return ev != 0 || vd != 0
		           ? 0
		           : pd_fail(err, PD_EINVAL,
		                 _("Alert %s: the change that ended its cause "
		                   "(%s, of an arrangement or a void) is not "
		                   "one the organisation took"),
		                 r->alert_cause, r->alert_ended_by);
	}
	if (standing(s, a.id, r, &w, err) != 0)
		return -1;
	if (k == 4 && w.user_closed)
		return pd_fail(err, PD_EINVAL,
		    _("Alert %s is Closed already: it cannot be closed again"),
		    r->alert_cause);
	if (w.closed_at[0] != '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Alert %s is Closed: it cannot be changed by a step made "
		      "at %s, after its close at %s"),
		    r->alert_cause, r->at, w.closed_at);
	if (k == 4 && w.later_at[0] != '\0')
		return pd_fail(err, PD_EINVAL,
		    _("Alert %s was worked after this close was made (%s by %s "
		      "at %s): the close is not taken"),
		    r->alert_cause, w.later_what, w.later_by, w.later_at);
	if (k == 1 && w.acked)
		return pd_fail(err, PD_EINVAL,
		    _("Alert %s is Acknowledged already"), r->alert_cause);
	if (k == 2 && r->assignee[0] != '\0') {
		if (store_user_by_name(s->st, r->assignee, &u, err) != 0) {
			if (err->code != PD_ENOTFOUND)
				return -1;
			return pd_fail(err, PD_EINVAL,
			    _("No user \"%s\" to assign alert %s to"),
			    r->assignee, r->alert_cause);
		}
		if (!u.active || u.role < ROLE_RECOVERY)
			return pd_fail(err, PD_EINVAL,
			    _("%s cannot work alerts: an active user of the "
			      "recovery role or above is needed"),
			    r->assignee);
	}
	if (k == 3)
		return svc_check_text(_("The note"), r->reason, 500, 1, err);
	return 0;
}
