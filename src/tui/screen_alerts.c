/* screen_alerts.c - the alert inbox (issue 21; recovery and up): the
 * stored alerts, raised when their cause happened (svc_alerts), as
 * `paydesk alerts` lists them: each with its status, consumer, the
 * figure that raised it and who it is assigned to. a acknowledges, g
 * assigns to a user (typed on the line below the list), n adds a note
 * (typed there too), c closes; F2 shows one kind in turn, F3 the closed
 * ones too; x exports the list as shown, every column of `paydesk
 * alerts`; Enter opens the alert with its history (screen_alert.c).
 * While a user or a note is typed the key bar is the prompt's (Enter
 * saves, Esc drops it; helper-228: the list's keys stayed on the bar
 * and were typed into the field); a user or a note refused keeps its
 * text to be put right (Esc drops it). Reached from
 * Home (Alerts: every kind) and from the Arrangements list (F3: broken
 * plans, missed and due installments; F2 then every kind, then each);
 * read again when it comes back on top. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum {
	A_OPEN = 1,
	A_KIND,
	A_BACK,
	A_ALL,
	A_ACK,
	A_ASSIGN,
	A_NOTE,
	A_CLOSE,
	A_EXPORT
};

static const struct tui_key screen_alerts_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Open"),
        N_("the alert with its history, or what is typed saved"), A_OPEN},
    {'a', "a", N_("Acknowledge"), N_("acknowledge the open alert selected"),
        A_ACK},
    /* u for the user: g reads a list again on every screen (helper-252,
     * fault 6) */
    {'u', "u", N_("Assign"),
        N_("assign the alert: type a user (- none), {Enter}"), A_ASSIGN},
    {'n', "n", N_("Note"), N_("add a note to the alert: type it, {Enter}"),
        A_NOTE},
    /* the word of its status Closed (fr Clôturer, Clôturée; a view's
     * Close is Fermer: helper-252, fault 4) */
    {'c', "c", KC_("alert", "Close"), N_("close the alert selected"), A_CLOSE},
    {KEY_F(2), "F2", N_("Kind"),
        N_("every alert, or those of one kind in turn"), A_KIND},
    {KEY_F(3), "F3", N_("Closed"), N_("the closed alerts too, or not"), A_ALL},
    {'x', "x", N_("Export"), N_("export the list as shown as CSV or Excel"),
        A_EXPORT},
    {'g', "g", NULL, N_("read the list again"), TUI_A_RELOAD},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("drop what is typed, or back"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

/* the keys while a user or a note is typed (the list's class otherwise;
 * paydesk keys lists that one, whose Enter and Esc these are) */
static const struct tui_key typing_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Save"), N_("save what is typed"), A_OPEN},
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("drop what is typed"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct alerts {
	struct tui_screen sc;
	struct tui_list list;
	struct alert *rows;
	size_t n;
	size_t nopen; /* of them, Open (the header's count) */
	int kind;     /* -1: every kind; ALERT_PLAN_KINDS: arrangements' */
	int all;    /* the closed ones too */
	int asking; /* A_ASSIGN or A_NOTE while a text is typed, else 0 */
	struct tui_field text;
	int over; /* a letter typed did not fit the field: Enter refuses it
	             (review 21: the text was cut without a word) */
	int64_t close_asked; /* the alert c was pressed on once, 0 none */
};

static const struct xcol cols[] = {
    {NC_("column", "ID"), "id", X_NUMBER, 3, 0},
    {NC_("column", "Alert"), "alert", X_TERM, 18, 0},
    {NC_("column", "Account"), "account_no", X_ID, 10, 8},
    {NC_("column", "Reference"), "ref", X_ID, 17, 0},
    {NC_("column", "Amount"), "amount", X_MONEY, 10, 0},
    {NC_("column", "Days"), "days", X_TEXT, 5, 0},
    {NC_("column", "Status"), "status", X_TERM, 12, 0},
    {NC_("column", "Assigned"), "assigned", X_ID, 10, 6},
    {NC_("column", "Consumer"), "consumer", X_TEXT, 0, 8},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct alert *a = &((struct alerts *)arg)->rows[row];

	(void)t;
	c[0].n = a->id;
	c[1].s = svc_alert_kind_name(a->kind);
	c[2].s = a->account_no;
	/* a broken plan: its number, and its misses against those allowed
	 * where an installment's days are */
	c[3].s = a->ref[0] ? a->ref : a->plan_no;
	c[4].n = a->amount;
	c[4].s = svc_alert_has_amount(a) ? NULL : "";
	if (a->kind == ALERT_BROKEN)
		snprintf(buf, LISTING_BUFSZ, "%d/%d", a->days, a->allowed);
	else if (!svc_alert_days_now(a))
		buf[0] = '\0';
	else
		snprintf(buf, LISTING_BUFSZ, "%d", a->days);
	c[5].s = buf;
	c[6].s = svc_alert_status_name(a->status);
	c[7].s = a->assigned;
	c[8].s = a->consumer;
}

static void
load(struct alerts *al, struct tui *t)
{
	struct pd_err err;
	size_t i;

	free(al->rows);
	al->n = al->nopen = 0;
	char behind[512];

	if ((al->rows = svc_alerts(t->svc, al->kind, al->all, &al->n, &err)) ==
	    NULL)
		tui_message(t, 1, "%s", err.msg);
	/* a clock far before the last pass (helper-243, fault 1) */
	else if (svc_alerts_behind(t->svc, behind, sizeof behind))
		tui_message(t, 1, "%s", behind);
	for (i = 0; i < al->n; i++)
		al->nopen += al->rows[i].status == ALERT_OPEN;
	tui_list_set(&al->list, al->n);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct alerts *al = (struct alerts *)sc;
	char line[256], num[SVC_COUNT_BUFSZ], open[SVC_COUNT_BUFSZ + 64];
	int y = 2, rows;

	svc_count(t->svc, num, sizeof num, (int64_t)al->n);
	if (al->kind == ALERT_PLAN_KINDS)
		snprintf(line, sizeof line,
		    al->all
		        ? ngettext("%s alert of arrangements",
		              "%s alerts of arrangements", (unsigned long)al->n)
		        : ngettext("%s alert of arrangements not closed",
		              "%s alerts of arrangements not closed",
		              (unsigned long)al->n),
		    num);
	else if (al->kind < 0)
		snprintf(line, sizeof line,
		    al->all ? ngettext(
		                  "%s alert", "%s alerts", (unsigned long)al->n)
		            : ngettext("%s alert not closed",
		                  "%s alerts not closed", (unsigned long)al->n),
		    num);
	else
		/* one kind, of those not closed or of all (tester's fault 8:
		 * "alerts: KIND" either way) */
		snprintf(line, sizeof line,
		    al->all
		        ? ngettext("%s alert: %s", "%s alerts: %s",
		              (unsigned long)al->n)
		        : ngettext("%s alert not closed: %s",
		              "%s alerts not closed: %s", (unsigned long)al->n),
		    num, _(svc_alert_kind_name((enum alert_kind)al->kind)));
	/* how many of them are Open (not acknowledged yet), always, 0 and
	 * all of them too, as paydesk(1) says (tester's fault 8; helper-228:
	 * the two counts read as one) */
	svc_count(t->svc, num, sizeof num, (int64_t)al->nopen);
	/* agreeing with its count (helper-252, fault 4: "0 ouvertes") */
	snprintf(open, sizeof open,
	    ngettext(", %s Open", ", %s Open", (unsigned long)al->nopen), num);
	snprintf(line + strlen(line), sizeof line - strlen(line), "%s", open);
	/* no scope: one inbox of the organisation's (issue 23) */
	tui_org_suffix(line, sizeof line);
	attron(A_BOLD);
	tui_text(y, 2, line, COLS - 4);
	attroff(A_BOLD);
	y += 2;
	rows = LINES - y - 3 - (al->asking ? 2 : 0);
	if (al->n == 0)
		tui_text(y, 3, _("No alerts"), COLS - 4);
	else
		tui_list_draw(t, &al->list, y, 2, COLS - 4, rows);
	if (al->asking) {
		const char *label =
		    al->asking == A_ASSIGN ? _("Assign to:") : _("Note:");
		int lw = (int)utf8_columns(label, strlen(label)) + 1;

		tui_text(LINES - 4, 2, label, COLS - 4);
		tui_field_draw(
		    t, &al->text, LINES - 4, 2 + lw, COLS - 4 - lw, 1);
	}
}

/* The alert selected, or NULL (said on the message line). */
static const struct alert *
selected(struct alerts *al, struct tui *t)
{
	if (al->n == 0) {
		tui_message(t, 1, "%s", _("No alert selected"));
		return NULL;
	}
	return &al->rows[al->list.sel < al->n ? al->list.sel : 0];
}

extern const struct tui_screen_class screen_alerts_class;
static const struct tui_screen_class typing_class;

/* Typing a user or a note for the alert selected (what: A_ASSIGN,
 * A_NOTE); 0 to stop. */
static void
ask(struct alerts *al, int what)
{
	al->asking = what;
	al->sc.typing = what != 0;
	al->sc.cls = what != 0 ? &typing_class : &screen_alerts_class;
	al->over = 0;
	tui_field_set(&al->text, NULL);
	al->text.max = what == A_NOTE ? 500 : 32;
}

/* The text typed is longer than the field holds: said, nothing done (as
 * the CLI's svc_check_text_fits refuses it). */
static void
too_long(struct alerts *al, struct tui *t)
{
	tui_message(t, 1,
	    _("Too long: %d characters or %zu bytes in UTF-8 at most"),
	    al->text.max, sizeof al->text.buf - 1);
}

/* A change to alert a by action; the list read again, the outcome said. */
static int
work(struct alerts *al, struct tui *t, const struct alert *a, int action)
{
	struct pd_err err;
	int64_t id = a->id;
	const char *who = NULL;
	size_t i;
	int rc, none;

	switch (action) {
	case A_ACK:
		rc = svc_alert_ack(t->svc, id, &err);
		break;
	case A_CLOSE:
		rc = svc_alert_close(t->svc, id, &err);
		break;
	case A_ASSIGN:
		/* nothing typed is no user (tester's fault 7: it wrote an
		 * Unassigned step); - is none */
		if (utf8_blank(al->text.buf)) {
			ask(al, 0);
			tui_message(
			    t, 1, "%s", _("Type a user, or - for none"));
			return TUI_HANDLED;
		}
		rc = svc_alert_assign(t->svc, id, al->text.buf, &err);
		break;
	default:
		rc = svc_alert_note(t->svc, id, al->text.buf, &err);
		break;
	}
	if (rc != 0) {
		/* a user refused, as a note, keeps its text to be put right
		 * (helper-236, fault 5: closed, the name typed again went to
		 * the list's keys, whose a acknowledged the alert) */
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	none = action == A_ASSIGN && strcmp(al->text.buf, "-") == 0;
	ask(al, 0);
	load(al, t);
	/* the user it is assigned to now (helper-233, fault 7: "assigned"
	 * alone) */
	for (i = 0; action == A_ASSIGN && !none && i < al->n; i++)
		if (al->rows[i].id == id)
			who = al->rows[i].assigned;
	if (who != NULL)
		tui_message(
		    t, 0, _("Alert %lld assigned to %s"), (long long)id, who);
	else
		tui_message(t, 0,
		    action == A_ACK      ? _("Alert %lld acknowledged")
		    : action == A_CLOSE  ? _("Alert %lld closed")
		    : none               ? _("Alert %lld unassigned")
		    : action == A_ASSIGN ? _("Alert %lld assigned")
		                         : _("Note added to alert %lld"),
		    (long long)id);
	return TUI_HANDLED;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct alerts *al = (struct alerts *)sc;
	const struct alert *sel;
	struct tui_screen *open;

	if (a != A_CLOSE)
		al->close_asked = 0;
	if (tui_list_action(&al->list, a))
		return TUI_HANDLED;
	if (al->asking && a != A_OPEN && a != A_BACK)
		return TUI_HANDLED; /* a letter key is typed text meanwhile */
	switch (a) {
	case A_BACK:
		if (al->asking) {
			ask(al, 0);
			return TUI_HANDLED;
		}
		return TUI_CLOSE;
	case A_KIND:
		al->kind = al->kind + 1 >= ALERT_NKINDS ? -1 : al->kind + 1;
		load(al, t);
		return TUI_HANDLED;
	case A_ALL:
		al->all = !al->all;
		load(al, t);
		return TUI_HANDLED;
	case TUI_A_RELOAD:
		/* what another terminal or the daily pass did since */
		load(al, t);
		return TUI_HANDLED;
	case A_EXPORT:
		/* every column of `paydesk alerts` (listing.c), of the kind
		 * and the closed ones shown (helper-252, fault 5) */
		open = screen_export_new(
		    t, LIST_ALERTS, NULL, NULL, NULL, 0, NULL, 0);
		screen_export_alerts(open, al->kind, al->all);
		tui_push(t, open);
		return TUI_HANDLED;
	case A_CLOSE:
		/* asked once (helper-247: one c closed it without a word,
		 * and a user's close is not taken back): c again closes it;
		 * any other key, or another alert, asks again */
		if ((sel = selected(al, t)) == NULL)
			return TUI_HANDLED;
		if (sel->status != ALERT_CLOSED && al->close_asked != sel->id) {
			al->close_asked = sel->id;
			if (sel->ref[0] != '\0')
				tui_message(t, 1,
				    _("Close alert %lld (%s) for good? c "
				      "again to close it"),
				    (long long)sel->id, sel->ref);
			else
				tui_message(t, 1,
				    _("Close alert %lld for good? c again to "
				      "close it"),
				    (long long)sel->id);
			return TUI_HANDLED;
		}
		al->close_asked = 0;
		return work(al, t, sel, a);
	case A_ACK:
		if ((sel = selected(al, t)) != NULL)
			return work(al, t, sel, a);
		return TUI_HANDLED;
	case A_ASSIGN:
	case A_NOTE:
		if ((sel = selected(al, t)) == NULL)
			return TUI_HANDLED;
		/* refused at once, as a and c are (tester's fault 9: the
		 * prompt opened, and refused only at Enter) */
		if (sel->status == ALERT_CLOSED)
			tui_message(t, 1,
			    _("Alert %lld is Closed: it cannot be changed"),
			    (long long)sel->id);
		else
			ask(al, a);
		return TUI_HANDLED;
	case A_OPEN:
		if ((sel = selected(al, t)) == NULL)
			return TUI_HANDLED;
		if (al->asking && al->over) {
			too_long(al, t);
			return TUI_HANDLED;
		}
		if (al->asking)
			return work(al, t, sel, al->asking);
		open = screen_alert_new(t, sel->id);
		if (open != NULL)
			tui_push(t, open);
		return TUI_HANDLED;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct alerts *al = (struct alerts *)sc;

	if (!al->asking)
		return 0;
	if (key == TUI_KEY_BACKSPACE || (key == 0 && ch == 0x15))
		al->over = 0; /* shortened (or cleared): Enter may take it */
	if (tui_field_input(&al->text, key, ch) != 0)
		return TUI_HANDLED;
	if (key == 0 && ch >= 0x20 && ch != 0x7f) {
		/* a letter the field had no room for: said, not dropped
		 * without a word */
		al->over = 1;
		too_long(al, t);
		return TUI_HANDLED;
	}
	return 0;
}

/* On top again: a payment, reschedule or cancel, or a sync, may have
 * raised some. */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	load((struct alerts *)sc, t);
}

static void
free_alerts(struct tui_screen *sc)
{
	free(((struct alerts *)sc)->rows);
}

/* the inbox's class with key table k: the list's, and the same screen's
 * while a user or a note is typed (ask) */
#define ALERTS_CLASS(k)                                                        \
	{                                                                      \
		.name = "Alerts", .title = N_("Alerts"), .keys = k,            \
		.nkeys = TUI_NKEYS(k), .draw = draw, .action = action,         \
		.input = input, .enter = enter, .free = free_alerts,           \
		.fields = 1,                                                   \
	}
const struct tui_screen_class screen_alerts_class =
    ALERTS_CLASS(screen_alerts_keys);
static const struct tui_screen_class typing_class = ALERTS_CLASS(typing_keys);

struct tui_screen *
screen_alerts_new(struct tui *t, int kind)
{
	struct alerts *al = xcalloc(1, sizeof *al);
	struct pd_err err;

	if (svc_require(t->svc, ROLE_RECOVERY, _("Reading the alerts"), &err) !=
	    0) {
		tui_message(t, 1, "%s", err.msg);
		free(al);
		return NULL;
	}
	tui_list_init(&al->list, cols, TUI_NCOLS(cols), cells, al);
	al->kind = kind;
	al->sc.cls = &screen_alerts_class;
	load(al, t);
	return &al->sc;
}
