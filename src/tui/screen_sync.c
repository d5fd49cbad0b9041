/* screen_sync.c - the sync with the central node: where it goes, whether
 * it is reached, what waits to be sent, how the last round went, and the
 * records the central node rejected (quarantined: they never block the
 * queue); a supervisor queues one again with r. The figures come from the
 * background worker; s asks it for a round now. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

enum { A_NOW, A_RETRY, A_BACK };

static const struct tui_key screen_sync_keys[] = {
    {'s', "s", N_("Sync now"), N_("a sync round now"), A_NOW},
    {'r', "r", N_("Retry"),
        N_("queue the rejected record selected again "
           "(supervisor)"),
        A_RETRY},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {'g', "g", N_("Reload"),
        N_("read the settings and the rejected records again"), TUI_A_RELOAD},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct sync_screen {
	struct tui_screen sc;
	struct outbox_rec *q; /* the quarantine */
	size_t n;
	struct tui_list list;        /* of q */
	int64_t rounds, quarantined; /* when q was read */
	unsigned gen;
};

static const char *
link_word(const struct sync_status *st)
{
	switch (st->link) {
	case LINK_ONLINE:
		return _("Online");
	case LINK_OFFLINE:
		return _("Offline");
	case LINK_REFUSED:
		return _("Refused");
	case LINK_BAD_ANSWER:
		return _("Bad answer");
	case LINK_FAILED:
		return _("Round failed");
	case LINK_UNKNOWN:
		break;
	}
	return _("Connecting");
}

void
tui_sync_words(const struct svc *s, const struct sync_status *st, int lng,
    char *buf, size_t n)
{
	char rej[96] = "", num[SVC_COUNT_BUFSZ];

	if (!st->configured) {
		buf[0] = '\0';
		return;
	}
	svc_count(s, num, sizeof num, st->pending);
	if (!lng) {
		snprintf(buf, n, _("%s, %s to send"),
		    st->running ? _("Syncing") : link_word(st), num);
		return;
	}
	if (st->quarantined > 0) {
		char q[SVC_COUNT_BUFSZ];

		snprintf(rej, sizeof rej, _(", %s rejected"),
		    svc_count(s, q, sizeof q, st->quarantined));
	}
	snprintf(buf, n, _("%s%s, %s to send%s, %s%.5s"), link_word(st),
	    st->running ? _(" (syncing)") : "", num, rej,
	    st->last_ok[0] ? _("synced ") : _("never synced"),
	    st->last_ok[0] ? st->last_ok + 11 : "");
}

static const struct xcol cols[] = {
    {N_("Rejected at"), "rejected_at", X_TIME, 19, 0},
    {N_("Kind"), "kind", X_TEXT, 12, 8},
    {N_("Record"), "record", X_TEXT, 22, 12},
    {N_("Reason"), "reason", X_TEXT, 0, 16},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct outbox_rec *q = &((struct sync_screen *)arg)->q[row];

	(void)t;
	(void)buf;
	c[0].s = q->rejected_at;
	c[1].s = q->kind;
	c[2].s = q->ref[0] ? q->ref : q->uuid;
	c[3].s = q->reason;
}

static void
load(struct sync_screen *d, struct tui *t, const struct sync_status *st)
{
	struct pd_err err;

	svc_outbox_free(d->q, d->n);
	d->q = svc_sync_quarantine(t->svc, &d->n, &err);
	if (d->q == NULL) {
		d->n = 0;
		tui_message(t, 1, "%s", err.msg);
	}
	tui_list_set(&d->list, d->n);
	d->rounds = st->rounds;
	d->quarantined = st->quarantined;
	d->gen = t->list_gen;
}

/* The labels of the state block, in order of the rows. */
static const char *const labels[] = {N_("Central node"), N_("State"),
    N_("To send"), N_("Last sync"), N_("Last round"), N_("Last error")};

/* Their column: 16, or the widest translated label and a gap. */
static int
label_width(void)
{
	size_t i;
	int w, lw = 16;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		w = utf8_columns(_(labels[i]), strlen(_(labels[i]))) + 2;
		if (w > lw)
			lw = w;
	}
	return lw;
}

/* A label and a value wrapped over up to rows lines; the lines used. */
static int
wrapped_pair(int y, int lw, const char *label, const char *value, int rows)
{
	tui_pair(y, 2, lw, label, "");
	return tui_wrap(y, 2 + lw, value, COLS - 3 - lw, rows);
}

/* "sent 3 (3 applied, 0 duplicate, 0 rejected) in 1 batch; pulled 0 in
 * 1 page, 0 conflicts" */
static void
round_text(const struct sync_report *r, char *line, size_t n)
{
	char sent[160], batches[48], pulled[48], pages[48], conflicts[48];

	snprintf(sent, sizeof sent,
	    _("sent %lld (%lld applied, %lld duplicate, %lld rejected)"),
	    (long long)r->sent, (long long)r->applied, (long long)r->duplicates,
	    (long long)r->rejected);
	snprintf(batches, sizeof batches,
	    ngettext(
	        "in %lld batch", "in %lld batches", (unsigned long)r->batches),
	    (long long)r->batches);
	snprintf(pulled, sizeof pulled, _("pulled %lld"), (long long)r->pulled);
	snprintf(pages, sizeof pages,
	    ngettext("in %lld page", "in %lld pages", (unsigned long)r->pages),
	    (long long)r->pages);
	snprintf(conflicts, sizeof conflicts,
	    ngettext(
	        "%lld conflict", "%lld conflicts", (unsigned long)r->conflicts),
	    (long long)r->conflicts);
	snprintf(line, n, _("%s %s; %s %s, %s"), sent, batches, pulled, pages,
	    conflicts);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct sync_screen *d = (struct sync_screen *)sc;
	const struct config *c = &t->svc->cfg;
	struct sync_status st;
	char line[640], num[SVC_COUNT_BUFSZ];
	int y = 2, lw = label_width();
	size_t i, pulled;

	svc_sync_worker_status(t->sync, &st);
	if (!st.configured) {
		y += tui_wrap(y, 2,
		    _("No central node is configured: this terminal "
		      "works on its own."),
		    COLS - 4, 2);
		tui_wrap(y, 2,
		    _("Set [sync] url and token in the config file to "
		      "sync with one."),
		    COLS - 4, 2);
		return;
	}
	if (d->gen != t->list_gen || st.rounds != d->rounds ||
	    st.quarantined != d->quarantined)
		load(d, t, &st);
	tui_pair(y++, 2, lw, _(labels[0]), c->sync_url);
	if (st.running && st.total > 0)
		snprintf(line, sizeof line, _("%s, syncing: %s %lld of %lld"),
		    link_word(&st), st.phase, (long long)st.done,
		    (long long)st.total);
	else if (st.running)
		snprintf(line, sizeof line, _("%s, syncing: %s %lld"),
		    link_word(&st), st.phase[0] ? st.phase : "push",
		    (long long)st.done);
	else
		snprintf(line, sizeof line, _("%s, every %d s"), link_word(&st),
		    c->sync_interval);
	tui_pair(y++, 2, lw, _(labels[1]), line);
	snprintf(line, sizeof line,
	    ngettext("%s record", "%s records", (unsigned long)st.pending),
	    svc_count(t->svc, num, sizeof num, st.pending));
	tui_pair(y++, 2, lw, _(labels[2]), line);
	tui_pair(y++, 2, lw, _(labels[3]),
	    st.last_ok[0] ? svc_timestamp(t->svc, line, sizeof line, st.last_ok)
	                  : _("never"));
	if (st.rounds > 0) {
		round_text(&st.last, line, sizeof line);
		y += wrapped_pair(y, lw, _(labels[4]), line, 2);
	}
	if (st.last_error[0] != '\0') {
		attron(tui_attr(t, TUI_C_ERROR, A_BOLD));
		/* whole: a refusal's reason is what the operator acts on
		 * (issue 17), and a French one takes five rows at 80 */
		y += wrapped_pair(y, lw, _(labels[5]), st.last_error, 8);
		attroff(tui_attr(t, TUI_C_ERROR, A_BOLD));
	}
	y++;
	attron(A_BOLD);
	/* pulled records this terminal set aside come after the rejected
	 * ones, without an outbox id */
	for (i = 0, pulled = 0; i < d->n; i++)
		pulled += d->q[i].id == 0;
	if (pulled == 0)
		snprintf(line, sizeof line,
		    _("Rejected by the central node (%zu)"), d->n);
	else
		snprintf(line, sizeof line,
		    _("Rejected by the central node (%zu), refused here "
		      "(%zu)"),
		    d->n - pulled, pulled);
	tui_text(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	if (d->n == 0) {
		tui_text(y, 4, _("None: every record was taken."), COLS - 6);
		return;
	}
	tui_list_draw(t, &d->list, y, 2, COLS - 4, LINES - 3 - y);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct sync_screen *d = (struct sync_screen *)sc;
	struct sync_status st;
	struct pd_err err;

	if (tui_list_action(&d->list, a))
		return TUI_HANDLED;
	svc_sync_worker_status(t->sync, &st);
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case TUI_A_RELOAD: /* (the settings read again first: app.c) */
		if (st.configured)
			load(d, t, &st);
		return TUI_HANDLED;
	case A_NOW:
		if (!st.configured) {
			tui_message(
			    t, 1, "%s", _("No central node is configured"));
			return TUI_HANDLED;
		}
		svc_sync_worker_kick(t->sync);
		tui_message(t, 0, "%s", _("Sync started"));
		return TUI_HANDLED;
	case A_RETRY:
		if (d->n == 0) {
			tui_message(
			    t, 1, "%s", _("No rejected record to queue again"));
			return TUI_HANDLED;
		}
		if (svc_sync_retry(t->svc, d->q[d->list.sel].uuid, &err) != 0) {
			tui_message(t, 1, "%s", err.msg);
			return TUI_HANDLED;
		}
		tui_message(t, 0,
		    _("%s %s queued again; it goes with the next "
		      "sync"),
		    d->q[d->list.sel].kind,
		    d->q[d->list.sel].ref[0] ? d->q[d->list.sel].ref
		                             : d->q[d->list.sel].uuid);
		load(d, t, &st);
		svc_sync_worker_kick(t->sync);
		return TUI_HANDLED;
	}
	return 0;
}

static void
free_sync(struct tui_screen *sc)
{
	struct sync_screen *d = (struct sync_screen *)sc;

	svc_outbox_free(d->q, d->n);
}

const struct tui_screen_class screen_sync_class = {
    .name = "Sync",
    .title = N_("Sync"),
    .keys = screen_sync_keys,
    .nkeys = TUI_NKEYS(screen_sync_keys),
    .draw = draw,
    .action = action,
    .free = free_sync,
};

struct tui_screen *
screen_sync_new(struct tui *t)
{
	struct sync_screen *d = xcalloc(1, sizeof *d);

	d->sc.cls = &screen_sync_class;
	tui_list_init(&d->list, cols, TUI_NCOLS(cols), cells, d);
	d->gen = t->list_gen - 1; /* read on the first draw */
	return &d->sc;
}
