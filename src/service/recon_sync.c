/* recon_sync.c - a reconciliation exception resolved by hand as a sync
 * record (issue 20, "Exceptions ... a supervisor ... resolves it; all of
 * it audited"): written by the terminal in the resolution's transaction,
 * checked and kept at the central node, so that the organisation sees
 * which exceptions were closed by hand, by whom and why.
 *
 * A resolution names its exception as every store names it (deposit_match.c
 * and deposits.c): a deposit's uuid (not_credited), a statement line as
 * ACCOUNT/STATEMENT-KEY#LINE (unexpected_credit, matched_twice), both
 * for an amount that differs ("UUID ACCOUNT/KEY#LINE"), a shift's
 * uuid/TENDER (over_short). The central node refuses one by a cashier,
 * with no note, naming what it does not have, or of an exception
 * another resolution closed already (naming who and when); the same
 * resolution from the same terminal again is nothing new. Resolutions
 * are fed to every terminal (recon_feed.c); a refusal names the
 * exception as a terminal lists it (a line NAME:LINE, res_name). A
 * terminal whose resolution the central node refused (another came
 * first) undoes it, audited, and takes the one the central node kept in
 * its place when it is pulled (review R20, fault 5). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/xmalloc.h"

/* ---- at the terminal ---- */

int
svc_resolution_outbox(
    struct svc *s, const struct recon_resolution *res, struct pd_err *err)
{
	struct syncrec rec;

	ledger_rec_head(s, &rec, SR_RECON_RESOLVE, res->uuid, NULL,
	    s->cfg.branch_id, res->at);
	rec.res = *res;
	xstrlcpy(
	    rec.exc_kind, recon_kind_name(res->e.kind), sizeof rec.exc_kind);
	xstrlcpy(rec.by, res->by, sizeof rec.by);
	return svc_outbox(s, &rec, res->e.key, err);
}

/* The exception of res as every terminal lists it, without its kind: a
 * statement line NAME:LINE (not ACCOUNT/KEY#LINE, as the stores keep
 * it), a deposit's slip, a shift's Z number and tender. */
static void
res_name(const struct recon_resolution *res, char *out, size_t size)
{
	const char *t = res->e.target, *slash = strrchr(t, '/');

	if (res->e.kind == RECON_OVER_SHORT && slash != NULL)
		snprintf(out, size, "%s:%s", res->e.ref, slash + 1);
	else if (res->e.kind == RECON_NOT_CREDITED ||
	         (res->e.kind == RECON_DIFFERS && strncmp(t, "void:", 5) != 0) ||
	         recon_target_line_ref(t, out, size) != 0)
		snprintf(out, size, "%s", res->e.ref[0] != '\0' ? res->e.ref : t);
}

/* Line "ACCOUNT/KEY#SEQ" into its parts: 0, or -1 when it is not one. */
static int
line_parts(const char *line, char account[64], char key[80], long long *seq)
{
	const char *slash = strchr(line, '/'), *hash = strrchr(line, '#');
	char *end;

	if (slash == NULL || hash == NULL || hash < slash ||
	    (size_t)(slash - line) >= 64 || (size_t)(hash - slash - 1) >= 80)
		return -1;
	memcpy(account, line, (size_t)(slash - line));
	account[slash - line] = '\0';
	memcpy(key, slash + 1, (size_t)(hash - slash - 1));
	key[hash - slash - 1] = '\0';
	*seq = strtoll(hash + 1, &end, 10);
	return *end != '\0' || *seq <= 0 ? -1 : 0;
}

/* A resolution of a statement line named by a copy that duplicates
 * another statement's line here: named by that line, the one this node
 * lists the exception on (store_stmt_line_id; review R20c,
 * r20c_overlap_two_nodes: T02 resolved the credit on its copy, T01 kept
 * listing it open on its own). Other targets are left as they are. 0, -1
 * err. */
static int
live_target(struct svc *s, struct recon_resolution *res, struct pd_err *err)
{
	char account[64], key[80], place[2][FEED_KEY_BUFSZ];
	struct statement st, live;
	long long seq;
	int64_t id = 0;

	if (line_parts(res->e.target, account, key, &seq) != 0)
		return 0;
	switch (store_stmt_by_key(s->st, account, key, &st, err)) {
	case 1:
		break;
	case 0:
		return 0;
	default:
		return -1;
	}
	if (store_stmt_line_id(s->st, st.id, seq, &id, err) != 0)
		return -1;
	if (id == 0)
		return 0;
	if (store_feed_row_key(s->st,
	        "SELECT CAST(statement_id AS TEXT), CAST(seq AS TEXT) FROM "
	        "bank_statement_lines WHERE id = ?",
	        id, place, err) != 0 ||
	    store_stmt_get(s->st, strtoll(place[0], NULL, 10), &live, err) != 0)
		return -1;
	if (live.id == st.id && strtoll(place[1], NULL, 10) == seq)
		return 0;
	snprintf(res->e.target, sizeof res->e.target, "%s/%s#%s", live.account,
	    live.stmt_key, place[1]);
	if (recon_target_line_ref(res->e.target, key, sizeof key) == 0)
		xstrlcpy(res->e.ref, key, sizeof res->e.ref);
	recon_key(&res->e, res->e.key, sizeof res->e.key);
	return 0;
}

/* ---- at the central node ---- */

/* Line "ACCOUNT/KEY#SEQ" known here: 0, or PD_EINVAL naming it. */
static int
line_known(struct svc *s, const char *line, struct pd_err *err)
{
	struct statement have;
	char account[64], key[80];
	long long seq;
	int64_t id = 0;
	int rc;

	if (line_parts(line, account, key, &seq) != 0)
		goto unknown;
	rc = store_stmt_by_key(s->st, account, key, &have, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		goto unknown;
	if (store_stmt_line_id(s->st, have.id, seq, &id, err) != 0)
		return -1;
	if (id != 0)
		return 0;
unknown:
	/* named as people name it, NAME:LINE, where it can be */
	if (recon_target_line_ref(line, key, sizeof key) == 0)
		line = key;
	return pd_fail(
	    err, PD_EINVAL, _("Statement line %s is not known here"), line);
}

/* Deposit uuid known here (handed: and handed to the bank here, as a
 * deposit not credited or credited otherwise is, issue 20): 0, or
 * PD_EINVAL naming it. */
static int
deposit_known(struct svc *s, const char *uuid, int handed, struct pd_err *err)
{
	struct deposit d;
	struct pd_err e = {0};

	if (store_deposit_find(s->st, uuid, &d, &e) == 0 &&
	    strcmp(d.uuid, uuid) == 0) {
		if (handed && d.handed_at[0] == '\0')
			return pd_fail(err, PD_EINVAL,
			    _("Deposit %s is prepared here, not handed to the "
			      "bank: it has no exception to resolve"),
			    d.slip_no);
		return 0;
	}
	if (e.code == PD_ESTORE) {
		*err = e;
		return -1;
	}
	return pd_fail(err, PD_EINVAL, _("Deposit %s is not known here"), uuid);
}

/* What the exception names is here. */
static int
target_known(
    struct svc *s, const struct recon_resolution *res, struct pd_err *err)
{
	const char *t = res->e.target;
	char uuid[64];
	struct shift sh;
	struct pd_err e = {0};
	const char *cut;

	switch (res->e.kind) {
	case RECON_NOT_CREDITED:
		return deposit_known(s, t, 1, err);
	case RECON_UNEXPECTED:
	case RECON_TWICE:
		return line_known(s, t, err);
	case RECON_DIFFERS:
		cut = strchr(t, ' ');
		if (cut == NULL || (size_t)(cut - t) >= sizeof uuid)
			break;
		/* "void:N:UUID LINE": a credit matched to payments voided
		 * since (review R20); its line names it */
		if (strncmp(t, "void:", 5) == 0)
			return line_known(s, cut + 1, err);
		memcpy(uuid, t, (size_t)(cut - t));
		uuid[cut - t] = '\0';
		/* "UUID cheque:PAYMENT": a deposit holding a cheque of a
		 * payment voided since (review R20, fault 6); else the line
		 * it is matched to, a handed deposit's */
		if (deposit_known(
		        s, uuid, strncmp(cut + 1, "cheque:", 7) != 0, err) != 0)
			return -1;
		if (strncmp(cut + 1, "cheque:", 7) == 0)
			return 0;
		return line_known(s, cut + 1, err);
	case RECON_OVER_SHORT:
		cut = strchr(t, '/');
		if (cut == NULL || (size_t)(cut - t) >= sizeof uuid)
			break;
		memcpy(uuid, t, (size_t)(cut - t));
		uuid[cut - t] = '\0';
		if (store_shift_find(s->st, uuid, &sh, &e) == 0 &&
		    strcmp(sh.uuid, uuid) == 0)
			return 0;
		if (e.code == PD_ESTORE) {
			*err = e;
			return -1;
		}
		return pd_fail(
		    err, PD_EINVAL, _("Shift %s is not known here"), uuid);
	default:
		break;
	}
	return pd_fail(err, PD_EINVAL,
	    _("Exception %s names no %s as every store names one"), t,
	    recon_kind_name(res->e.kind));
}

/* 1: r is a resolution kept here already (the same one again), 0 none,
 * -1 refused (another closed the exception) or an error. */
static int
resolved_here(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct recon_resolution have, res = r->res;
	char name[RECON_KEY_BUFSZ];
	int rc = live_target(s, &res, err);

	if (rc == 0)
		rc = store_recon_resolution(
		    s->st, recon_kind_name(res.e.kind), res.e.target, &have, err);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return 0;
	if (strcmp(have.uuid, r->res.uuid) == 0)
		return 1;
	res_name(&have, name, sizeof name);
	return pd_fail(err, PD_EINVAL,
	    _("Exception %s was resolved already, by %s at %s: %s"), name,
	    have.by, have.at, have.note);
}

int
svc_sync_check_resolution(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err)
{
	if (svc_sync_supervisor(
	        s, f, r->by, _("resolving an exception"), NULL, err) != 0 ||
	    svc_check_text(
	        _("Note"), r->res.note, DEPOSIT_NOTE_BUFSZ - 1, 1, err) != 0)
		return -1;
	switch (resolved_here(s, r, err)) {
	case 1:
		return 0;
	case 0:
		return target_known(s, &r->res, err);
	default:
		return -1;
	}
}

int
svc_apply_resolution(struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct user u;
	int rc = resolved_here(s, r, err);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	struct recon_resolution res = r->res;

	if (store_user_by_name(s->st, r->by, &u, err) != 0 ||
	    live_target(s, &res, err) != 0)
		return -1;
	return store_recon_resolve(s->st, &res, u.id, err);
}

/* ---- at a terminal: one of its own the central node refused ---- */

/* Undo this terminal's resolution have (the central node kept another,
 * or refused it for why): it no longer closes its exception nor is
 * listed; audited. */
static int
undo_own(struct svc *s, const struct recon_resolution *have, const char *why,
    const char *at, struct pd_err *err)
{
	char detail[320];
	int rc = store_recon_undone(s->st, have->uuid, err);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	snprintf(detail, sizeof detail, "key=%.100s refused=%.180s",
	    have->e.key, why);
	if (store_recon_undo(s->st, have->uuid, at, why, err) != 0)
		return -1;
	return svc_audit(s, at, "undo", "exception", have->uuid, detail, err);
}

int
svc_resolution_refused(struct svc *s, const char *payload, const char *reason,
    const char *at, struct pd_err *err)
{
	struct syncrec r;
	struct recon_resolution have;
	struct pd_err e = {0};
	int rc = 0;

	if (syncrec_decode(payload, strlen(payload), &r, &e) != 0)
		return 0;
	/* named by a copy this terminal's pull made a duplicate since:
	 * the resolution moved to the line it duplicates (stmt_word.c) */
	if (r.kind == SR_RECON_RESOLVE && live_target(s, &r.res, err) != 0)
		rc = -1;
	else if (r.kind == SR_RECON_RESOLVE) {
		rc = store_recon_resolution(s->st,
		    recon_kind_name(r.res.e.kind), r.res.e.target, &have, err);
		if (rc == 0 && strcmp(have.uuid, r.res.uuid) == 0)
			rc = undo_own(s, &have, reason, at, err) != 0 ? -1 : 1;
		else
			rc = rc < 0 ? -1 : 0;
	}
	syncrec_free(&r);
	return rc;
}

int
svc_resolution_was_refused(
    struct svc *s, const char *payload, struct pd_err *err)
{
	struct syncrec r;
	struct pd_err e = {0};
	int rc = 0;

	if (syncrec_decode(payload, strlen(payload), &r, &e) != 0)
		return 0;
	if (r.kind == SR_RECON_RESOLVE)
		rc = store_recon_undone(s->st, r.res.uuid, err);
	syncrec_free(&r);
	return rc;
}

int
svc_pulled_resolution(
    struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct recon_resolution have, res = r->res;
	struct user u;
	char at[TS_BUFSZ];
	int rc = live_target(s, &res, err);

	if (rc == 0)
		rc = store_recon_resolution(
		    s->st, recon_kind_name(res.e.kind), res.e.target, &have, err);
	if (rc < 0)
		return -1;
	/* this terminal's own, of the same exception: the central node kept
	 * the one it feeds, so it refuses (or refused) this one: undone, if
	 * the refusal did not undo it yet, and the central node's in its
	 * place */
	if (rc == 0 && strcmp(have.uuid, r->res.uuid) != 0 &&
	    strcmp(have.terminal, s->cfg.terminal_id) == 0) {
		svc_now(at);
		if (undo_own(s, &have,
		        _("the central node kept another resolution"), at,
		        err) != 0 ||
		    store_user_by_name(s->st, r->by, &u, err) != 0 ||
		    store_recon_replace(s->st, &res, u.id, err) != 0)
			return -1;
		return 0;
	}
	return svc_apply_resolution(s, r, err);
}
