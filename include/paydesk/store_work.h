/* store_work.h - stored alerts, the disconnection list, and the
 * central node's feed of reconciliation (issues 20 and 21).
 *
 * Part of store.h: include store.h, never this file (it holds only
 * declarations that follow those before it there). */
#ifndef PAYDESK_STORE_WORK_H
#define PAYDESK_STORE_WORK_H

/* Stored alerts (issue 21; src/store/alerts.c; an organisation's synced
 * by service/alert_sync.c).
 * One row per cause: raising a cause already stored does nothing. kind,
 * status and the history's action are fixed English codes ("open",
 * "acknowledged", "closed"; "raised", "assigned", "note", ...). */
struct alert_row {
	int64_t id;
	char cause[160]; /* e.g. "item-overdue:<item uuid>:<days>" */
	char kind[24];   /* "plan-broken", "item-overdue", ... */
	/* what it points at (raise: by id, 0 none; read: their numbers) */
	int64_t consumer_id, payment_id, arrangement_id;
	char account_no[33], consumer[129], plan_no[33], payment_no[33];
	char ref[80];    /* the item, credit note, record or gateway payment */
	char due_on[11]; /* the day that matters to the rule, or "" */
	int64_t amount;  /* the figure that raised it (minor units) */
	int figure;      /* days (or hours) past or ahead, misses */
	int allowed;     /* a broken plan: the misses it allows */
	char raised_at[TS_BUFSZ];
	char status[16];
	char assigned[33]; /* username, "" for none */
	int deliver;       /* 1: waits for [alerts] command */
	int tries;
	char delivered_at[TS_BUFSZ];
	char delivery_error[256];
	/* read: the uuids of what it points at ("" none); synced 1 once
	 * its raise went to the central node or came from it */
	char consumer_uuid[37], payment_uuid[37], arr_uuid[37];
	int synced;
	/* read: what is open now of the item or installment it is about,
	 * or of a broken plan's installments (minor units), -1 for another
	 * kind */
	int64_t open_now;
};
/* An alert's history entry. */
struct alert_note {
	int64_t id;        /* its row here */
	char terminal[17]; /* the terminal that made its record ("" none) */
	char uuid[37];     /* its record's ("" none: a note of this store's) */
	char at[TS_BUFSZ];
	char user[33];
	char action[16];
	char text[512];
	/* its place within a second of the history (store_alert_notes):
	 * the millisecond in its record's UUID, or that of the step stored
	 * before it here */
	uint64_t made_ms;
	size_t seq; /* stored order here */
	int synced; /* a sync record's step (it has a UUID): sent or pulled */
	/* store_alert_history only: why this terminal undid it ("" it
	 * stands): the central node's refusal of the step, or of the change
	 * whose end of the cause it was (kept as said, say.h) */
	char undone[512];
};
/* Raise alert a (cause, kind, ids, ref, due_on, amount, figure, allowed,
 * raised_at) unless its cause is stored: *raised 1 when it was new. In
 * the caller's transaction. deliver 1: it waits for [alerts] command. */
/* As store_alert_raise, a->cause the base of its alerts: raised when
 * none of them is open and either there is none yet (the base) or the
 * newest ended, its cause held again (the base and "#<n>"); one a user
 * closed while its cause held is not raised again. The rules' raise
 * (alerts_raise_one); a pulled alert keeps its own cause. */
int store_alert_raise_anew(struct store *st, const struct alert_row *a,
    int deliver, int *raised, struct pd_err *err);
int store_alert_raise(struct store *st, const struct alert_row *a, int deliver,
    int *raised, struct pd_err *err);
/* What the overdue rule's pass before saw: the highest item,
 * allocation and arrangement move ids (items -1: nothing, all read). */
struct overdue_mark {
	int64_t items, allocs, moves;
};
/* The bulk rules; each adds to *n how many it raised. Open items (not an
 * arrangement's installments) due after `after` and by `upto`, and those
 * due by `upto` that came in or were opened again (a void, a cancelled
 * plan) since mark (items < 0: all of them instead, none raised before
 * at other days), cause "item-overdue:<uuid>:<days>"; *top the mark of
 * the next pass. */
int store_alerts_raise_overdue(struct store *st, const char *after,
    const char *upto, const struct overdue_mark *mark, int days,
    const char *at, int deliver, int64_t *n, struct overdue_mark *top,
    struct pd_err *err);
/* Credit notes with credit left that expire from today to until (of
 * consumer consumer_id; 0 every consumer's), cause
 * "credit-expiring:<uuid>"; a note whose alert ended (used, voided,
 * expired: closed by the pass) that holds again raises a new alert,
 * "credit-expiring:<uuid>#<n>" (alerts.c, review 21b fault 8b). */
int store_alerts_raise_credit(struct store *st, int64_t consumer_id,
    const char *today, const char *until, const char *at, int deliver,
    int64_t *n, struct pd_err *err);
/* Consumer consumer_id's alerts whose cause holds again after their
 * alert ended (none open, the newest closed by the pass), each a new
 * alert whose cause is the first's and "#<n>": its items open past the
 * overdue rule's days (due by upto; NULL: the rule is off; days its
 * figure) and its payments Posted above large (minor units; -1 off).
 * In the caller's transaction; adds to *n how many it raised. */
int store_alerts_raise_again(struct store *st, int64_t consumer_id,
    const char *upto, int days, int64_t large, const char *at, int deliver,
    int64_t *n, struct pd_err *err);
/* An open alert of the rules of items, credit notes and payments whose
 * cause no longer holds: why is "settled" (the item paid or credited in
 * full), "arranged" (its debt taken over by an arrangement), "cn-voided"
 * (the note voided), "voided" (the payment voided), "used" (the note applied in full),
 * "expired" (the note expired before today), "uncleared" (the payment
 * no longer Posted); ref and on the alert's (the item, note or receipt;
 * its due or expiry date). */
struct alert_stale {
	int64_t id;
	char cause[160];
	char why[16];
	char ref[80];
	char on[11];
	int closed; /* closed by a user while its cause held: its end noted */
	/* the record that ended it: the change of a plan that took its item
	 * over, the void of its payment ("" none; svc_alert_ended) */
	char change[37];
};
/* What a pass that closed the alerts that no longer hold saw: the
 * highest allocation, credit application, arrangement move and void ids
 * (the caller's transaction). */
struct alert_stale_mark {
	int64_t allocs, credits, moves, voids;
};
void store_alert_stale_top(struct store *st, struct alert_stale_mark *top);
/* The open (or acknowledged) alerts of kinds item-overdue,
 * credit-expiring and large-payment that no longer hold as of today, and
 * (of a consumer, or since mark) those a user closed while they held
 * whose end is not noted yet (closed set)
 * (YYYY-MM-DD), oldest first; free(): of consumer consumer_id; or, 0,
 * of every consumer: those whose item was paid, credited or taken over
 * by a plan or whose payment was voided since mark, and every
 * credit-expiring one (mark NULL: every open one of the kinds). back
 * (a pass by hand under a clock set back, svc_alerts_pass): every open
 * one of the kinds, mark unread, and the item-overdue ones whose item is
 * not overdue today by the alert's days (figure), why "not-overdue": an
 * alert raised by a pass under a clock ahead (helper-252, fault 9). */
struct alert_stale *store_alerts_stale(struct store *st, int64_t consumer_id,
    const struct alert_stale_mark *mark, const char *today, int back, size_t *n,
    struct pd_err *err);
/* Succeeded gateway payments with no payment, paid hours before now:
 * of those paid on day or after or pulled at pulled or after (day "":
 * every one). */
int store_alerts_raise_gateway(struct store *st, const char *now, int hours,
    const char *day, const char *pulled, const char *at, int deliver,
    int64_t *n, struct pd_err *err);
/* Records refused by the central node (outbox) or at the pull (the
 * quarantine). */
int store_alerts_raise_refused(struct store *st, const char *at, int deliver,
    int64_t *n, struct pd_err *err);
/* An alert as the arrangement rules close it: its id and cause. */
struct alert_cause {
	int64_t id;
	char cause[160];
	int open; /* not closed */
};
/* What became of the cause of an alert of the arrangement rules: its
 * kind, ref and plan, the plan cancelled, its installment (of a missed
 * or due one) paid in full, replaced by a change of the plan or made by a
 * change undone here (sync_undone), and when that installment falls
 * due. */
struct alert_arr_end {
	char kind[24], ref[80], plan_no[40], due_on[11];
	int cancelled, paid, replaced, undone;
	/* the change of its plan that ended it, its event's uuid: the
	 * cancel when cancelled, else the plan's latest change ("" none) */
	char change[37];
};
/* Alert id's struct alert_arr_end into *e: 0, 1 no such alert, -1 err. */
int store_alert_arr_end(
    struct store *st, int64_t id, struct alert_arr_end *e, struct pd_err *err);
/* The alerts not closed of the arrangement rules' kinds (plan-broken,
 * installment-missed, installment-due) of the arrangements the JSON
 * array among names (NULL: of every one), oldest first; free(). */
struct alert_cause *store_alerts_open_arr(
    struct store *st, const char *among, size_t *n, struct pd_err *err);
/* Every alert whose cause starts with prefix (any status), in the order
 * of their causes (bsearch by cause, strcmp); free(). */
struct alert_cause *store_alert_causes(
    struct store *st, const char *prefix, size_t *n, struct pd_err *err);
/* Every alert of arrangement arr_id (any status), in the order of their
 * causes; free(). */
struct alert_cause *store_alerts_of_arr(
    struct store *st, int64_t arr_id, size_t *n, struct pd_err *err);
/* The newest alert's id (0: none). */
int store_alerts_max_id(struct store *st, int64_t *id, struct pd_err *err);
/* A "raised" history entry by user for every alert after id after. */
int store_alerts_raised_since(struct store *st, int64_t after, const char *at,
    const char *user, struct pd_err *err);
/* Alerts oldest first: all 0 those not closed; kind NULL or "" every
 * kind; id 0 every one; only those after id after. free(). */
struct alert_row *store_alerts_list(struct store *st, int all,
    const char *kind, int64_t id, int64_t after, size_t *n,
    struct pd_err *err);
/* The alerts waiting for [alerts] command, oldest first; free(). */
struct alert_row *store_alerts_undelivered(
    struct store *st, size_t *n, struct pd_err *err);
/* How many alerts are open (not acknowledged, not closed). */
int store_alerts_open_count(struct store *st, int64_t *n, struct pd_err *err);
/* Set an alert's status (NULL: kept) and assignee (-1 kept, 0 none). */
int store_alert_set(struct store *st, int64_t id, const char *status,
    int64_t assigned_id, struct pd_err *err);
/* Append to an alert's history. */
int store_alert_note_add(struct store *st, int64_t id, const char *at,
    int64_t user_id, const char *user, const char *action, const char *text,
    struct pd_err *err);
/* Whether note nt is the end of its alert's cause: a pass's close
 * ("ended" here, "closed" by "system" at the central node). */
int store_alert_note_is_end(const struct alert_note *nt);
/* Note note_id (an end of its cause this terminal's pass noted alone)
 * taken back at at, for reason: store_alert_notes reads it no more
 * (migration 84). Taken back already: nothing. */
int store_alert_note_undone(struct store *st, int64_t note_id, const char *at,
    const char *reason, struct pd_err *err);
/* The history of alert id, oldest first, less the steps this terminal
 * undid (sync_undone: a step the central node refused, review R21d);
 * caller frees. The raise first, then in the order the steps were made,
 * the same at every terminal (helper-228 fault 2: a step pulled was put
 * after the local ones, which read "acknowledged after it was closed"
 * at one terminal and not the other): by their time (at, the one shown,
 * helper-233 fault 4), within one second by the millisecond their
 * records' UUIDs (version 7) begin with; a step of this store's own with
 * no record (a failed delivery, a local raise) after the one stored
 * before it in the same second. Its raise
 * and the end of its cause once each: the earliest of those synced (every
 * node has them all, svc_alert_apply), else the one stored first. */
struct alert_note *store_alert_notes(
    struct store *st, int64_t id, size_t *n, struct pd_err *err);
/* As store_alert_notes, with the steps this terminal undid among them in
 * their places, each with why (undone): the history as shown, which
 * keeps what was done and taken back (helper-250, fault 3: an end taken
 * back left no trace). */
struct alert_note *store_alert_history(
    struct store *st, int64_t id, size_t *n, struct pd_err *err);
/* One try of delivery: error NULL delivered at at, else kept waiting with
 * the error. */
int store_alert_delivered(struct store *st, int64_t id, const char *at,
    const char *error, struct pd_err *err);
/* An organisation's alerts synced (issue 21; alert_sync.c). The alert
 * of cause into *a: 0 read, 1 none, -1 err. */
int store_alert_by_cause(struct store *st, const char *cause,
    struct alert_row *a, struct pd_err *err);
/* Alert id's raise went to the central node or came from it. */
int store_alert_synced(struct store *st, int64_t id, struct pd_err *err);
/* The alert of cause's raise was refused by the central node: the next
 * step worked on it sends its raise again first. */
int store_alert_unsynced(
    struct store *st, const char *cause, struct pd_err *err);
/* A step of alert id's history that is a sync record's (uuid) made on
 * terminal. */
int store_alert_step_put(struct store *st, int64_t id, const char *uuid,
    const char *terminal, const char *at, int64_t user_id, const char *user,
    const char *action, const char *text, struct pd_err *err);
/* A synced step of the history, by its id (note_id) or uuid. */
struct alert_step {
	int64_t id;
	char cause[160];
	char at[TS_BUFSZ];
	char user[33];
	char action[16];
	char text[512];
	char uuid[37];
	char terminal[17];
};
/* 0 read, 1 none, -1 err. */
int store_alert_step_find(struct store *st, int64_t note_id, const char *uuid,
    struct alert_step *e, struct pd_err *err);
/* A pulled step (its record's JSON) of an alert not here yet, kept until
 * it comes (a step held already is kept once). */
int store_alert_hold(struct store *st, const char *uuid, const char *cause,
    const char *payload, const char *at, struct pd_err *err);
struct alert_held {
	int64_t id;
	char *payload; /* owned */
};
/* The held steps whose alert is here now, oldest first; the caller frees
 * each payload and the array (NULL: err). */
struct alert_held *store_alerts_held_ready(
    struct store *st, size_t *n, struct pd_err *err);
int store_alert_held_drop(struct store *st, int64_t id, struct pd_err *err);
/* The id of the arrangement of uuid (0: none, or uuid ""). */
int store_alert_arr_id(
    struct store *st, const char *uuid, int64_t *id, struct pd_err *err);
/* ---- disputes of payments (issue 21; dispute.h, disputes.c) ---- */
struct dispute;
struct dispute_event;
/* A new dispute: every field of d but id and what is read with it (its
 * payment's and consumer's numbers); status open. d->id is set, d->uuid
 * made when "". user_id 0: none (a gateway's, a pulled one). Its
 * disputed amount kept (dispute_amounts): d->disputed, or the whole
 * payment's when 0; more than the payment is the store's error. */
int store_dsp_insert(
    struct store *st, struct dispute *d, int64_t user_id, struct pd_err *err);
/* Keep d's status, resolution and links in step (a resolved one is
 * final: the store refuses). */
int store_dsp_update(
    struct store *st, const struct dispute *d, struct pd_err *err);
/* A step of dispute dispute_id's timeline; e->id set, e->uuid made when
 * "". */
int store_dsp_event(struct store *st, int64_t dispute_id,
    struct dispute_event *e, int64_t user_id, struct pd_err *err);
/* The dispute numbered number (PD_ENOTFOUND says so). */
int store_dsp_find(struct store *st, const char *number, struct dispute *d,
    struct pd_err *err);
/* The dispute of id (or, id 0, of uuid): 0 read, 1 none, -1 err. */
int store_dsp_by_key(struct store *st, int64_t id, const char *uuid,
    struct dispute *d, struct pd_err *err);
/* Which disputes store_dsp_list reads: status a stored name, "unresolved"
 * (open or under review) or NULL/"" any; 0: any consumer, any payment. */
struct dsp_filter {
	const char *status;
	int64_t consumer_id;
	int64_t payment_id;
	/* of this scope's payments (issue 23); NULL: every one */
	const struct row_scope *scope;
};
/* The disputes f selects, unresolved first, soonest due first; *n of
 * them, the caller frees (NULL: err). */
struct dispute *store_dsp_list(struct store *st, const struct dsp_filter *f,
    size_t *n, struct pd_err *err);
/* A dispute's timeline, oldest first (by time, then the status
 * path's order, then as recorded); the caller frees (NULL: err). */
struct dispute_event *store_dsp_events(
    struct store *st, int64_t dispute_id, size_t *n, struct pd_err *err);
/* The uphold (not undone) of the dispute credit note cn_uuid was made
 * by: 0 found, 1 none, -1 err. */
int store_dsp_credit_uphold(struct store *st, const char *cn_uuid,
    struct dispute_event *e, struct pd_err *err);
/* The event of id (or, id 0, of uuid) and its dispute's id (may be
 * NULL): 0 read, 1 none, -1 err. */
int store_dsp_event_read(struct store *st, int64_t id, const char *uuid,
    struct dispute_event *e, int64_t *dispute_id, struct pd_err *err);
/* Record uuid (kind "void" or "dispute", a step's event) undone at at for
 * reason: this terminal's record that the central node refused (review
 * 21, fault 3); again, nothing. An undone void voids its payment no
 * more, an undone step is out of its dispute's timeline (an undone
 * opening: the dispute is listed and found no more). */
int store_undone_add(struct store *st, const char *uuid, const char *kind,
    const char *at, const char *reason, struct pd_err *err);
/* Whether record uuid was undone here: 1, 0, -1 err. */
int store_undone_has(struct store *st, const char *uuid, struct pd_err *err);

/* The days the reconnection list reads (issue 21; reconnect.c): of a
 * consumer, a day after since up to today on which a payment of theirs
 * was taken or an arrangement of theirs made or rescheduled, and what
 * their items due days before it owed before that day (owed > 0 only). */
struct was_day {
	int64_t consumer_id;
	char day[11];
	int64_t owed;
};
/* The days on which what a consumer's items due days before owed came to
 * more than nothing, by consumer and day, of every consumer but those the
 * JSON array of ids still names (on the list today); caller frees (NULL:
 * err). */
struct was_day *store_was_days(struct store *st, const char *since,
    const char *today, int days, const char *still, size_t *n,
    struct pd_err *err);
/* On each such day (of every consumer with an arrangement but those
 * still names, whatever he owed) on which one of his plans can weigh,
 * the installments of his plans made before it and not cancelled before
 * it, each as it stood before that day (settled, moved, paid in
 * full, in force: read as store_arr_items_overdue reads them today), day
 * and held_from filled; by consumer, day, plan and installment; caller
 * frees (NULL: err). */
struct arr_item_of *store_was_plans(struct store *st, const char *since,
    const char *today, const char *still, size_t *n, struct pd_err *err);
/* The account, name, address and phone of the consumers the JSON array
 * of ids names, by account (the rest zero); caller frees (NULL: err). */
struct reconnect_row *store_reconnect_contacts(
    struct store *st, const char *ids, size_t *n, struct pd_err *err);

/* The central node's feed of reconciliation (issue 20; recon_feed.c). */
#define FEED_KEY_BUFSZ 256
/* The two text columns of the one row sql (one ? for id) reads. */
int store_feed_row_key(struct store *st, const char *sql, int64_t id,
    char key[2][FEED_KEY_BUFSZ], struct pd_err *err);
/* A match row, active or not: what store_line_match says of it, and the
 * rest of the row. */
struct match_row {
	int64_t line_id;
	char note[256], unmatched_at[20], unmatched_by[33], unmatch_note[256];
};
int store_match_row(struct store *st, int64_t match_id, struct line_match *m,
    struct match_row *x, struct pd_err *err);
/* The uuids (37 bytes each) of the payments match match_id took;
 * free(). */
char *store_match_row_payments(
    struct store *st, int64_t match_id, size_t *n, struct pd_err *err);
/* Lines first .. first + count - 1 of statement stmt, in order (strings
 * owned); *n of them. */
struct statement_line *store_stmt_lines_part(struct store *st, int64_t stmt,
    int64_t first, int64_t count, size_t *n, struct pd_err *err);
/* *seen: whether line line_id has the match w names (w's deposit or
 * gateway payment, rule, matched_at and matched_by) made, active or not,
 * or (undone) undone at matched_at by matched_by; a match undone here
 * when the central node refused it (MATCH_REFUSED_BY) is never it. */
int store_match_seen(struct store *st, int64_t line_id, int undone,
    const struct line_match *w, int *seen, struct pd_err *err);
/* A pulled match held until the statement line and the deposit it names
 * are here (recon_feed.c): held once by key; the held ones in the order
 * they came (payloads owned; free each and the array); one dropped. */
struct recon_held {
	int64_t id;
	char *payload;
};
int store_recon_hold(struct store *st, const char *key, const char *payload,
    const char *at, struct pd_err *err);
struct recon_held *store_recon_held(
    struct store *st, size_t *n, struct pd_err *err);
int store_recon_held_drop(struct store *st, int64_t id, struct pd_err *err);
/* The pulled records of kind set aside here (pull_quarantine), in the
 * order they came, as recon_held; one that applied since dropped. */
struct recon_held *store_pull_set_aside_of(
    struct store *st, const char *kind, size_t *n, struct pd_err *err);
int store_pull_set_aside_drop(struct store *st, int64_t id, struct pd_err *err);
/* Who undid a match the central node refused (svc_match_refused), and
 * *seen: line_id has the match made at `at` undone so. */
#define MATCH_REFUSED_BY "paydesk-central"
int store_match_refused(struct store *st, int64_t line_id, const char *at,
    int *seen, struct pd_err *err);

#endif
