/* screen_home.c - the cashier's home: what this terminal took today and
 * the tasks of the role logged in. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "drawer.h"

enum { A_OPEN, A_LOGOUT, A_QUIT };

static const struct tui_key screen_home_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Open"), N_("open the task selected"), A_OPEN},
    TUI_LIST_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Log out"),
        N_("log out (asks first: {Esc} again logs out)"), A_LOGOUT},
    {KEY_F(10), "F10", N_("Quit"), N_("log out and leave paydesk"), A_QUIT},
    {KEY_F(1), "F1", N_("Help"), N_("this help (also ?)"), -1},
};

/* The tasks, in menu order, with the least role that sees them. */
enum task {
	T_PAY,
	T_FIND,
	T_TODAY,
	T_REPRINT,
	T_SYNC,
	T_ALERTS,
	T_DISPUTES,
	T_PLANS,
	T_OPEN_SHIFT,
	T_SHIFT,
	T_LOGOUT
};
static const struct {
	enum task task;
	const char *label;
	enum role min;
} tasks[] = {
    {T_PAY, N_("Record Payment"), ROLE_CASHIER},
    {T_FIND, N_("Find Consumer"), ROLE_CASHIER},
    {T_TODAY, N_("Today's payments"), ROLE_CASHIER},
    {T_REPRINT, N_("Reprint a receipt"), ROLE_CASHIER},
    /* the debts being worked (issue 21) */
    {T_ALERTS, N_("Alerts"), ROLE_RECOVERY},
    {T_DISPUTES, N_("Disputes"), ROLE_RECOVERY},
    {T_PLANS, N_("Payment arrangements"), ROLE_RECOVERY},
    {T_SYNC, N_("Sync with the central node"), ROLE_CASHIER},
    /* one of the two: without a shift, or with one open (issue 20) */
    {T_OPEN_SHIFT, N_("Open shift"), ROLE_CASHIER},
    {T_SHIFT, N_("Shift"), ROLE_CASHIER},
    {T_LOGOUT, N_("Log out"), ROLE_CASHIER},
};
#define NTASKS (sizeof tasks / sizeof tasks[0])

struct today {
	int64_t count, total;
};

struct home {
	struct tui_screen sc;
	int esc_asked; /* Esc asked "log out?": Esc again logs out */
	struct tui_list list; /* of the tasks the role sees: tasks[idx[i]] */
	size_t idx[NTASKS];
	struct today td; /* read at most every REFRESH_S seconds */
	int shift;       /* the cashier's shift: 1 open, 0 none, -1 unread */
	struct shift sh;
	time_t read_at;
	char error[sizeof(((struct pd_err *)0)->msg)];
	/* what the last sync round found of the audit head against the
	 * central node's ("" nothing; review 18, point 6) */
	char anchor[640];
};

#define REFRESH_S 3

static const struct xcol cols[] = {{NULL, "task", X_TEXT, 28, 0}};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	(void)t;
	(void)buf;
	c[0].s = _(tasks[((struct home *)arg)->idx[row]].label);
}

/* The tasks the role logged in sees. */
static void
visible(struct home *h, struct tui *t)
{
	size_t i, n = 0;

	for (i = 0; i < NTASKS; i++)
		if (t->svc->actor.role >= tasks[i].min &&
		    !(tasks[i].task == T_OPEN_SHIFT && h->shift != 0) &&
		    !(tasks[i].task == T_SHIFT && h->shift != 1))
			h->idx[n++] = i;
	tui_list_set(&h->list, n);
}

static int
add_payment(const struct payment_row *row, void *arg)
{
	struct today *td = arg;

	if (row->p.status == PS_POSTED) {
		td->count++;
		td->total += row->p.amount;
	}
	return 0;
}

/* Whether cash needs an open shift ([shifts] required). */
static int
required(const struct tui *t)
{
	return strcmp(t->svc->cfg.shifts_required, "yes") == 0;
}

/* Today's payments at this terminal, read again when the figures are
 * older than REFRESH_S (the screen redraws every second for the clock). */
static void
read_today(struct home *h, struct tui *t)
{
	struct payment_filter f;
	struct pd_err err;
	char today[11];
	size_t i;
	int first;

	if (h->read_at != 0 && time(NULL) - h->read_at < REFRESH_S)
		return;
	svc_today(today);
	memset(&f, 0, sizeof f);
	f.from = f.to = today;
	f.status = -1;
	f.type = -1;
	f.terminal = t->svc->cfg.terminal_id;
	memset(&h->td, 0, sizeof h->td);
	h->error[0] = '\0';
	if (svc_payments_each(t->svc, &f, add_payment, &h->td, &err) != 0)
		snprintf(h->error, sizeof h->error, "%s", err.msg);
	svc_audit_anchor_error(t->svc, h->anchor, sizeof h->anchor);
	first = h->shift == -1;
	h->shift = svc_shift_current(t->svc, &h->sh, &err);
	if (h->shift < 0 && h->error[0] == '\0')
		snprintf(h->error, sizeof h->error, "%s", err.msg);
	/* cash needs a shift: the day starts on Open shift */
	if (first && h->shift == 0 && required(t)) {
		visible(h, t);
		for (i = 0; i < h->list.n; i++)
			if (tasks[h->idx[i]].task == T_OPEN_SHIFT)
				h->list.sel = i;
	}
	h->read_at = time(NULL);
}

/* The tasks' column: as wide as the longest label in the language shown
 * (30 at least, as in English), within the screen. */
static int
menu_width(void)
{
	size_t i;
	int w = 30;

	for (i = 0; i < NTASKS; i++) {
		const char *s = _(tasks[i].label);
		int c = utf8_columns(s, strlen(s)) + 2;

		w = c > w ? c : w;
	}
	if (w > 30 && w > COLS - 6)
		w = COLS - 6 > 30 ? COLS - 6 : 30;
	return w;
}

/* The cashier's shift: since when, and flagged when open too long or
 * across midnight ([shifts] max_hours); the row after it. */
static int
shift_line(struct home *h, struct tui *t, int y)
{
	char line[512], fl[256], a[SVC_DATE_BUFSZ];

	if (h->shift != 1) {
		if (h->shift == 0 && required(t)) {
			attron(A_DIM);
			tui_text(y++, 4, _("No shift open"), COLS - 6);
			attroff(A_DIM);
		}
		return y;
	}
	snprintf(line, sizeof line, _("Shift open since %s"),
	    svc_datetime(t->svc, a, sizeof a, h->sh.opened_at));
	tui_text(y++, 4, line, COLS - 6);
	if (h->sh.flagged) {
		attron(tui_attr(t, TUI_C_ERROR, A_BOLD) | A_BOLD);
		/* TRANSLATORS: which flags a shift has, as a list's cell
		 * says them: "over midnight, past 12 h" */
		snprintf(line, sizeof line, _("Flagged (%s): close it"),
		    shift_flag_text(h->sh.flagged, t->svc->cfg.shift_max_hours,
		        0, fl, sizeof fl));
		tui_wrap(y++, 4, line, COLS - 6, 1);
		attroff(tui_attr(t, TUI_C_ERROR, A_BOLD) | A_BOLD);
	}
	return y;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct home *h = (struct home *)sc;
	const struct today *td = &h->td;
	char line[160], m[64], num[SVC_COUNT_BUFSZ];
	int y = 2;

	read_today(h, t);
	attron(A_BOLD);
	tui_text(y++, 2, _("Today at this terminal"), COLS - 4);
	attroff(A_BOLD);
	if (h->error[0] != '\0')
		tui_text(y++, 4, h->error, COLS - 6);
	else {
		snprintf(line, sizeof line,
		    ngettext("%s payment posted, %s", "%s payments posted, %s",
		        (unsigned long)td->count),
		    svc_count(t->svc, num, sizeof num, td->count),
		    svc_money(t->svc, m, sizeof m, td->total));
		tui_text(y++, 4, line, COLS - 6);
	}
	y = shift_line(h, t, y);
	if (h->anchor[0] != '\0') {
		attron(tui_attr(t, TUI_C_ERROR, A_BOLD) | A_BOLD);
		y += tui_wrap(y, 4,
		    _("The audit log is behind the central node's."), COLS - 6,
		    1);
		y += tui_wrap(y, 4, _("Run paydesk doctor."), COLS - 6, 1);
		y += tui_wrap(y, 4,
		    _("After a restore: paydesk audit reanchor (supervisor)."),
		    COLS - 6, 1);
		attroff(tui_attr(t, TUI_C_ERROR, A_BOLD) | A_BOLD);
	}
	y++;
	attron(A_BOLD);
	tui_text(y++, 2, _("Tasks"), COLS - 4);
	attroff(A_BOLD);
	visible(h, t);
	tui_list_draw(t, &h->list, y, 4, menu_width(), (int)NTASKS);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct home *h = (struct home *)sc;
	struct tui_screen *next;

	visible(h, t);
	if (a != A_LOGOUT)
		h->esc_asked = 0;
	if (tui_list_action(&h->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_LOGOUT:
		if (!tui_logout_asked(t, &h->esc_asked))
			return TUI_HANDLED;
		tui_logout(t);
		return TUI_CLOSE;
	case A_QUIT:
		tui_logout(t);
		return TUI_QUIT;
	case A_OPEN:
		h->read_at = 0; /* back here, the figures are read again */
		switch (tasks[h->idx[h->list.sel]].task) {
		case T_OPEN_SHIFT:
			next = screen_shift_open_new(t);
			if (next != NULL)
				tui_push(t, next);
			return TUI_HANDLED;
		case T_SHIFT:
			tui_push(t, screen_shift_menu_new(t, sc));
			return TUI_HANDLED;
		case T_PAY:
		case T_FIND:
			tui_push(
			    t, screen_pay_search_new(
			           tasks[h->idx[h->list.sel]].task == T_FIND));
			return TUI_HANDLED;
		case T_TODAY:
			tui_push(t, screen_today_new(t));
			return TUI_HANDLED;
		case T_REPRINT:
			tui_push(t, screen_reprint_new());
			return TUI_HANDLED;
		case T_SYNC:
			tui_push(t, screen_sync_new(t));
			return TUI_HANDLED;
		case T_ALERTS:
			next = screen_alerts_new(t, -1);
			if (next != NULL)
				tui_push(t, next);
			return TUI_HANDLED;
		case T_PLANS:
			tui_push(t, screen_arrangements_new(t, NULL));
			return TUI_HANDLED;
		case T_DISPUTES:
			next = screen_disputes_new(t);
			if (next != NULL)
				tui_push(t, next);
			return TUI_HANDLED;
		case T_LOGOUT:
			tui_logout(t);
			return TUI_CLOSE;
		}
	}
	return 0;
}

/* On top (after sign-in, back from each task): the alerts' pass of the
 * first use of the day and the delivery of those waiting; what failed
 * on the status line (issue 21). */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	(void)sc;
	svc_alerts_tick(t->svc);
	/* the organisation's keys the file sets that are not in force: the
	 * first of them on the status line, the rest in paydesk config */
	if (t->svc->org_note_fresh[0] != '\0') {
		char *nl = strchr(t->svc->org_note_fresh, '\n');

		if (nl != NULL)
			*nl = '\0';
		tui_message(t, 1, "%s", t->svc->org_note_fresh);
		t->svc->org_note_fresh[0] = '\0';
		return;
	}
	if (t->svc->alert_note[0] != '\0') {
		tui_message(t, 1, "%s", t->svc->alert_note);
		t->svc->alert_note[0] = '\0';
	}
}

const struct tui_screen_class screen_home_class = {
    .name = "Home",
    .title = N_("Home"),
    .keys = screen_home_keys,
    .nkeys = TUI_NKEYS(screen_home_keys),
    .draw = draw,
    .action = action,
    .enter = enter,
};

struct tui_screen *
screen_home_new(struct tui *t)
{
	struct home *h = xcalloc(1, sizeof *h);

	(void)t;
	tui_list_init(&h->list, cols, 1, cells, h);
	h->list.header = 0;
	h->shift = -1;
	h->sc.cls = &screen_home_class;
	return &h->sc;
}
