/* shift_feed.c - every drawer's shifts seen by the whole organisation
 * (issue 20: "the central node and the back office see every drawer of
 * the organisation"): the central node feeds the shift openings,
 * movements and closes its terminals sent (schema_central.c's feed
 * triggers) to the other terminals, as the records the terminals sent,
 * and a terminal applies each with the central node's own store code
 * (shift_sync.c's svc_apply_shift), queuing nothing back. Each is
 * applied once: an opening by its shift's uuid, a movement by its own,
 * a close by its shift being closed here. A shift of another terminal
 * is read here (lists, reports, its over/short an exception); its cash
 * is deposited at its own terminal (deposit.c).
 *
 * Order: the feed is in the central node's commit order, and the central
 * node applies a movement or a close only of a shift it has, so a
 * terminal pulls the opening first; one whose shift is not here is set
 * aside with the reason, as any refused record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* ---- at the central node ---- */

static int
feed_shift(struct svc *s, int64_t id, struct shift *sh, struct pd_err *err)
{
	char key[2][FEED_KEY_BUFSZ];

	if (store_feed_row_key(s->st,
	        "SELECT uuid, '' FROM shifts WHERE id = ?", id, key, err) != 0)
		return -1;
	return store_shift_find(s->st, key[0], sh, err);
}

static int
open_record(struct svc *s, int64_t id, struct syncrec *r, struct pd_err *err)
{
	struct shift sh;

	if (feed_shift(s, id, &sh, err) != 0)
		return -1;
	ledger_rec_head(
	    s, r, SR_SHIFT_OPEN, sh.uuid, sh.terminal, NULL, sh.opened_at);
	r->sh = sh;
	r->sh.status = SHIFT_OPEN;
	r->sh.closed_at[0] = r->sh.z_no[0] = '\0';
	r->counts = store_shift_counts(s->st, sh.id, "open", &r->ncounts, err);
	return r->counts != NULL ? 0 : -1;
}

static int
close_record(struct svc *s, int64_t id, struct syncrec *r, struct pd_err *err)
{
	struct shift sh;

	if (feed_shift(s, id, &sh, err) != 0)
		return -1;
	/* closed by force: made at the terminal that closed it */
	ledger_rec_head(s, r, SR_SHIFT_CLOSE, NULL,
	    sh.forced_on[0] ? sh.forced_on : sh.terminal, NULL, sh.closed_at);
	r->sh = sh;
	xstrlcpy(r->shift_uuid, sh.uuid, sizeof r->shift_uuid);
	r->counts = store_shift_counts(s->st, sh.id, "close", &r->ncounts, err);
	if (r->counts == NULL)
		return -1;
	r->tenders = store_shift_tenders(s->st, sh.id, &r->ntenders, err);
	return r->tenders != NULL ? 0 : -1;
}

static int
move_record(struct svc *s, int64_t id, struct syncrec *r, struct pd_err *err)
{
	char key[2][FEED_KEY_BUFSZ];
	struct shift_movement *m;
	struct shift sh;
	size_t n, i;

	if (store_feed_row_key(s->st,
	        "SELECT s.uuid, m.uuid FROM shift_movements m JOIN shifts s "
	        "ON s.id = m.shift_id WHERE m.id = ?",
	        id, key, err) != 0 ||
	    store_shift_find(s->st, key[0], &sh, err) != 0)
		return -1;
	m = store_shift_moves(s->st, sh.id, &n, err);
	if (m == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(m[i].uuid, key[1]) == 0)
			break;
	if (i == n) {
		free(m);
		return pd_fail(
		    err, PD_ESTORE, "Feed row %lld is gone", (long long)id);
	}
	ledger_rec_head(
	    s, r, SR_SHIFT_MOVE, m[i].uuid, sh.terminal, NULL, m[i].at);
	r->mv = m[i];
	xstrlcpy(r->shift_uuid, sh.uuid, sizeof r->shift_uuid);
	free(m);
	return 0;
}

int
svc_shift_feed_record(struct svc *s, const struct feed_entry *e,
    struct syncrec *r, struct pd_err *err)
{
	if (strcmp(e->entity, "shift_open") == 0)
		return open_record(s, e->row_id, r, err);
	if (strcmp(e->entity, "shift_move") == 0)
		return move_record(s, e->row_id, r, err);
	if (strcmp(e->entity, "shift_close") == 0)
		return close_record(s, e->row_id, r, err);
	return 1;
}

/* ---- at a terminal ---- */

/* Whether what r records is here: 1 yes, 0 no, -1 the store failed;
 * *sh the shift it names when that is here (have 1). */
static int
shift_here(struct svc *s, const struct syncrec *r, struct shift *sh, int *have,
    struct pd_err *err)
{
	struct pd_err e = {0};
	int seen = 0;

	*have = 0;
	if (store_shift_find(s->st,
	        r->kind == SR_SHIFT_OPEN ? r->uuid : r->shift_uuid, sh,
	        &e) == 0)
		*have = 1;
	else if (e.code != PD_ENOTFOUND) {
		*err = e;
		return -1;
	}
	switch (r->kind) {
	case SR_SHIFT_OPEN:
		return *have;
	case SR_SHIFT_CLOSE:
		return *have && sh->status == SHIFT_CLOSED;
	default:
		if (store_shift_move_seen(s->st, r->uuid, &seen, err) != 0)
			return -1;
		return seen;
	}
}

int
svc_shift_pulled(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct shift sh;
	int have, rc = shift_here(s, r, &sh, &have, err);

	if (rc != 0)
		return rc < 0 ? -1 : 1; /* here already (a replay) */
	if (r->kind != SR_SHIFT_OPEN && !have)
		return pd_fail(err, PD_EINVAL,
		    _("Shift %s is not known here: its opening was not "
		      "received"),
		    r->shift_uuid);
	if (r->kind == SR_SHIFT_CLOSE && sh.status != SHIFT_OPEN)
		return pd_fail(err, PD_EINVAL, _("Shift %s is closed already"),
		    r->shift_uuid);
	return svc_apply_shift(s, r, err);
}

/* A pulled shift record that says it was made here is one this terminal
 * has (its own, fed back): one it does not have is refused. */
int
svc_shift_pull_check(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct shift sh;
	int have, rc;

	if (strcmp(r->terminal, s->cfg.terminal_id) != 0)
		return 0;
	rc = shift_here(s, r, &sh, &have, err);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return 0;
	return pd_fail(err, PD_EINVAL,
	    _("It says it was made on this terminal, and this terminal never "
	      "made it"));
}
