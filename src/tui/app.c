/* app.c - the registry of screens, the screen stack and the one loop:
 * read a key, hand it to the top screen (its key table first), redraw
 * header, body, message and key bar; resize redraws; F1 or '?' shows the
 * screen's keys (scrolled when they do not fit). Text is drawn, and the
 * message line, by draw.c; keys are named and the key bar drawn by
 * keybar.c.
 *
 * TO ADD A NEW SCREEN:
 *   1. src/tui/screen_x.c: its key table (static const struct tui_key[],
 *      with TUI_LIST_KEYS or TUI_LINES_KEYS if it shows a list or lines),
 *      its handlers, `const struct tui_screen_class screen_x_class` and a
 *      constructor that sets sc.cls = &screen_x_class; a list screen
 *      keeps a struct tui_list (list.c) and lets it handle the keys;
 *      its "read again" key (g) takes the action TUI_A_RELOAD, before
 *      which this loop reads the settings again;
 *   2. its line X(x) in TUI_SCREENS below (the registry: the F-key bar,
 *      F1 help and `paydesk keys` come from it);
 *   3. its keys in INTERACTIVE COMMANDS of man/paydesk.1, under the
 *      class's name (tests/cli/test_docs.sh checks them against
 *      `paydesk keys`);
 *   4. a tmux test in tests/tui/ (see tests/tui/lib.sh).
 * The screen that opens it declares and calls its constructor (tui.h,
 * backoffice.h or wizard.h); nothing else changes. */
#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "app_int.h"

void
tui_push(struct tui *t, struct tui_screen *sc)
{
	sc->below = t->top;
	t->top = sc;
	t->stack_gen++;
}

static void
pop(struct tui *t)
{
	struct tui_screen *sc = t->top;

	t->top = sc->below;
	t->stack_gen++;
	if (sc->cls->free != NULL)
		sc->cls->free(sc);
	free(sc);
}

void
tui_message(struct tui *t, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, tui_keys(fmt), ap);
	va_end(ap);
	t->msg_error = error;
}

int
tui_message_says(const struct tui *t, const char *text)
{
	return text[0] && t->msg_error && strstr(t->msg, text) != NULL;
}

/* The least room between the screen's title and the user in the header:
 * with one space "Panel Mary Johnson" read as one title (issue 25). */
#define HEADER_GAP 3

/* The header's right part, fullest first: the first that fits beside the
 * title is drawn. What gives way, in order: the sync state's long form,
 * the date's year, the role (the full date back if it then fits), the
 * year again, the date, the name, the sync state. The date outranks the
 * role, which the person signed in knows: in French "Tableau de bord"
 * left no room for the date beside "Mary Johnson" (issue 25 review);
 * the time is always shown. */
enum {
	HD_LONG = 1,
	HD_ROLE = 2,
	HD_NAME = 4,
	HD_DATE = 8,
	HD_YEAR = 16,
	HD_SYNC = 32
};
static const unsigned header_forms[] = {
    HD_SYNC | HD_LONG | HD_NAME | HD_ROLE | HD_DATE | HD_YEAR,
    HD_SYNC | HD_NAME | HD_ROLE | HD_DATE | HD_YEAR,
    HD_SYNC | HD_NAME | HD_ROLE | HD_DATE,
    HD_SYNC | HD_NAME | HD_DATE | HD_YEAR,
    HD_SYNC | HD_NAME | HD_DATE,
    HD_SYNC | HD_NAME,
    HD_SYNC,
    0,
};

/* The right part of the header in form f into buf: sync state, user,
 * date and time, each part as f says. */
static void
header_right(const struct svc *s, unsigned f, char sy[2][160], const char *ts,
    char *buf, size_t n)
{
	char clock[SVC_DATE_BUFSZ], who[200] = "";
	const char *syn = (f & HD_SYNC) ? sy[(f & HD_LONG) == 0] : "";

	if (!(f & HD_DATE))
		snprintf(clock, sizeof clock, "%.5s", ts + 11);
	else if (f & HD_YEAR)
		svc_datetime(s, clock, sizeof clock, ts);
	else
		svc_datetime_short(s, clock, sizeof clock, ts);
	if (s->actor.user_id != 0 && (f & HD_ROLE))
		snprintf(who, sizeof who, "%s (%s) \xe2\x94\x82 ",
		    s->actor.full_name, _(role_name(s->actor.role)));
	else if (s->actor.user_id != 0 && (f & HD_NAME))
		snprintf(
		    who, sizeof who, "%s \xe2\x94\x82 ", s->actor.full_name);
	snprintf(
	    buf, n, "%s%s%s%s ", syn, *syn ? " \xe2\x94\x82 " : "", who, clock);
}

/* The left part of the header into buf: the organisation's name (level
 * 0 only), the terminal (levels 0 and 1), the top screen's title and,
 * for those who work alerts, the open alerts' count nal (num, its
 * digits as the locale writes them). */
static void
header_left(const struct tui *t, int level, int64_t nal, const char *num,
    char *buf, size_t n)
{
	const struct svc *s = t->svc;
	const char *title = t->top ? tui_screen_title(t->top) : "";

	if (level == 0)
		snprintf(buf, n, " %s \xe2\x94\x82 %s \xe2\x94\x82 %s",
		    s->cfg.org_name, s->cfg.terminal_id, title);
	else if (level == 1)
		snprintf(buf, n, " %s \xe2\x94\x82 %s", s->cfg.terminal_id,
		    title);
	else
		snprintf(buf, n, " %s", title);
	/* the open alerts for those who work them (issue 21) */
	if (nal > 0) {
		snprintf(buf + strlen(buf), n - strlen(buf), " \xe2\x94\x82 ");
		snprintf(buf + strlen(buf), n - strlen(buf),
		    ngettext("%s open alert", "%s open alerts",
		        (unsigned long)nal),
		    num);
	}
}

static void
header(struct tui *t)
{
	const struct svc *s = t->svc;
	struct sync_status ss;
	char left[256], right[400], ts[TS_BUFSZ], sy[2][160],
	    num[SVC_COUNT_BUFSZ] = "";
	int64_t nal;
	int attr = tui_attr(t, TUI_C_HEADER, A_REVERSE), lw, rw = 0, level;
	size_t form;

	svc_now(ts);
	nal = svc_alerts_open(t->svc);
	if (nal > 0)
		svc_count(s, num, sizeof num, nal);
	header_left(t, 0, nal, num, left, sizeof left);
	lw = utf8_columns(left, strlen(left));
	svc_sync_worker_status(t->sync, &ss);
	/* a round that took the organisation's currency (a fresh store's
	 * first): in effect at once, not at the next sign-in, or an amount
	 * typed now would be read in the file's minor units */
	if (ss.rounds != t->sync_rounds) {
		t->sync_rounds = ss.rounds;
		if (svc_currency_follow(t->svc))
			tui_message(t, 0,
			    _("Now in the organisation's currency: %s"),
			    t->svc->cfg.currency_code);
	}
	tui_sync_words(s, &ss, 1, sy[0], sizeof sy[0]);
	tui_sync_words(s, &ss, 0, sy[1], sizeof sy[1]);
	/* the screen's title is never cut for the right part: "Inicio de
	 * sesión" lost its end at 80 columns */
	/* then, where even the time alone leaves no room, the organisation's
	 * name and the terminal give way before the title and the open
	 * alerts' count are cut: "3 open alert" at 80 columns (review R21d) */
	for (level = 0; level < 3; level++) {
		if (level > 0) {
			header_left(t, level, nal, num, left, sizeof left);
			lw = utf8_columns(left, strlen(left));
		}
		for (form = 0;
		     form < sizeof header_forms / sizeof header_forms[0];
		     form++) {
			header_right(s, header_forms[form], sy, ts, right,
			    sizeof right);
			rw = utf8_columns(right, strlen(right));
			if (lw + rw + HEADER_GAP <= COLS)
				break;
		}
		if (lw + rw + HEADER_GAP <= COLS)
			break;
	}
	if (rw > COLS / 2 && lw + rw + HEADER_GAP > COLS)
		rw = 0; /* a narrow terminal: the left part only */
	attron(attr | A_BOLD);
	move(0, 0);
	hline(' ', COLS);
	tui_text(0, 0, left, rw > 0 ? COLS - rw - HEADER_GAP : COLS - 1);
	if (rw > 0)
		tui_text(0, COLS - rw, right, rw);
	attroff(attr | A_BOLD);
}

/* The keys F1 lists: the screen's, then, where it has text fields,
 * the fields' own (Ctrl-U). */
static size_t
help_nkeys(const struct tui_screen_class *c)
{
	return c->nkeys + (c->fields ? tui_field_nkeys : 0);
}

static const struct tui_key *
help_key(const struct tui_screen_class *c, size_t i)
{
	return i < c->nkeys ? &c->keys[i] : &tui_field_keys[i - c->nkeys];
}

/* The help screen: every key of the top screen, from its table, from
 * the top-th on. */
static void
help_draw(struct tui *t, size_t top, int rows)
{
	const struct tui_screen_class *c = t->top->cls;
	size_t i;
	int y = 4;
	char title[160];

	erase();
	header(t);
	attron(A_BOLD);
	/* cut to the screen, never wrapped onto the keys */
	snprintf(title, sizeof title, _("Keys of this screen: %s"),
	    tui_screen_title(t->top));
	tui_text(2, 2, title, COLS - 4);
	attroff(A_BOLD);
	for (i = top; i < help_nkeys(c) && y < 4 + rows; i++, y++) {
		const struct tui_key *k = help_key(c, i);

		attron(A_BOLD);
		tui_text(y, 4, tui_key_name(k->name), 11);
		attroff(A_BOLD);
		tui_text(y, 16, tui_keys(_(k->help)), COLS - 18);
	}
	if (help_nkeys(c) > (size_t)rows) {
		/* where it is: the keys shown of how many */
		snprintf(title, sizeof title, _("keys %zu-%zu of %zu"), top + 1,
		    i, help_nkeys(c));
		y = utf8_columns(title, strlen(title));
		tui_text(LINES - 2, COLS - 2 - y > 0 ? COLS - 2 - y : 0, title,
		    COLS);
		tui_text(LINES - 1, 0,
		    tui_keys(_("{Up}/{Down}/{PgUp}/{PgDn}/{Home}/{End} scroll, "
		               "any other key goes back")),
		    COLS);
	} else
		tui_text(LINES - 1, 0, _("Press any key to go back"), COLS);
	refresh();
}

static int next_key(wint_t *ch);

/* The screens have ended while [alerts] command still has an alert:
 * said on the terminal, which waits for it (svc_alert_worker_stop). */
static void
say_waiting(void *arg, int secs)
{
	(void)arg;
	printf(
	    _("Waiting for [alerts] command to end (at most %d s)...\n"), secs);
	fflush(stdout);
}

/* Show the help until a key that does not scroll it. */
static void
help(struct tui *t)
{
	size_t top = 0, n = help_nkeys(t->top->cls);
	wint_t ch;
	int key, rows;

	for (;;) {
		rows = LINES - 6 > 1 ? LINES - 6 : 1;
		if (n <= (size_t)rows)
			top = 0;
		else if (top > n - (size_t)rows)
			top = n - (size_t)rows;
		help_draw(t, top, rows);
		key = next_key(&ch);
		if (key == ERR || key == KEY_RESIZE)
			continue;
		if (n <= (size_t)rows)
			return;
		switch (key) {
		case KEY_UP:
			top -= top > 0;
			break;
		case KEY_DOWN:
			top++;
			break;
		case KEY_PPAGE:
			top = top > (size_t)rows ? top - (size_t)rows : 0;
			break;
		case KEY_NPAGE:
			top += (size_t)rows;
			break;
		case KEY_HOME:
			top = 0;
			break;
		case KEY_END:
			top = n;
			break;
		default:
			return;
		}
	}
}

void
tui_redraw(struct tui *t)
{
	erase();
	t->cur_y = t->cur_x = -1;
	header(t);
	if (t->top != NULL)
		t->top->cls->draw(t->top, t);
	tui_draw_message(t);
	tui_draw_keybar(t);
	if (t->cur_y >= 0) {
		move(t->cur_y, t->cur_x);
		curs_set(1);
	} else
		curs_set(0);
	refresh();
}

/* How long the rest of an escape sequence may take after its ESC (ms):
 * what the terminal sends for one key comes at once. */
#define SEQ_WAIT 50

/* The curses keys of keyseq's (keyseq.h). */
static const int seq_keys[] = {
    [KEYSEQ_UP] = KEY_UP,
    [KEYSEQ_DOWN] = KEY_DOWN,
    [KEYSEQ_RIGHT] = KEY_RIGHT,
    [KEYSEQ_LEFT] = KEY_LEFT,
    [KEYSEQ_HOME] = KEY_HOME,
    [KEYSEQ_END] = KEY_END,
    [KEYSEQ_INSERT] = KEY_IC,
    [KEYSEQ_DELETE] = KEY_DC,
    [KEYSEQ_PGUP] = KEY_PPAGE,
    [KEYSEQ_PGDN] = KEY_NPAGE,
    [KEYSEQ_BTAB] = KEY_BTAB,
    [KEYSEQ_ENTER] = TUI_KEY_ENTER,
};

/* After an ESC: the rest of an escape sequence read whole (keyseq.h)
 * and the key it stands for, or ERR for one not known or cut short (read
 * and ignored, never taken as Esc and characters). A lone ESC, or one
 * followed by what starts no sequence (put back), is Esc. */
static int
escape_key(void)
{
	struct keyseq k;
	wint_t c;
	int r, key;

	keyseq_start(&k);
	timeout(SEQ_WAIT);
	do {
		r = get_wch(&c);
		key = r == OK ? keyseq_feed(&k, (unsigned)c) : KEYSEQ_NOT;
	} while (key == KEYSEQ_MORE);
	timeout(1000);
	if (key >= KEYSEQ_F1)
		return KEY_F(key - KEYSEQ_F1 + 1);
	if (key > KEYSEQ_UNKNOWN)
		return seq_keys[key];
	if (key == KEYSEQ_UNKNOWN || k.n > 0)
		return ERR; /* a sequence not known, or cut short */
	if (r == KEY_CODE_YES)
		ungetch((int)c); /* Esc, then a key the terminal knows */
	else if (r == OK)
		unget_wch(c); /* Esc, then a character */
	return TUI_KEY_ESC;
}

/* The next key, with Enter, Esc, Tab and Backspace made uniform, and
 * escape sequences read whole; ERR: nothing (or a key to ignore). */
static int
next_key(wint_t *ch)
{
	int r = get_wch(ch);

	if (r == ERR)
		return ERR;
	if (r == KEY_CODE_YES) {
		if (*ch == KEY_ENTER)
			return TUI_KEY_ENTER;
		if (*ch == KEY_BACKSPACE)
			return TUI_KEY_BACKSPACE;
		return (int)*ch;
	}
	switch (*ch) {
	case '\r':
	case '\n':
		return TUI_KEY_ENTER;
	case 27:
		return escape_key();
	case '\t':
		return TUI_KEY_TAB;
	case 127:
	case 8:
		return TUI_KEY_BACKSPACE;
	}
	return 0; /* a character, in *ch */
}

void
tui_settings_reread(struct tui *t)
{
	struct pd_err err = {0};

	if (svc_settings_load(t->svc, &err) != 0)
		tui_message(t, 1, "%s", err.msg);
}

void
tui_colours(struct tui *t)
{
	const char *nc = getenv("NO_COLOR");

	t->colour = has_colors() && (nc == NULL || *nc == '\0');
	if (!t->colour)
		return;
	start_color();
	use_default_colors();
	init_pair(TUI_C_HEADER, COLOR_WHITE, COLOR_BLUE);
	init_pair(TUI_C_KEY, COLOR_BLACK, COLOR_CYAN);
	init_pair(TUI_C_ERROR, COLOR_RED, -1);
	init_pair(TUI_C_OK, COLOR_GREEN, -1);
	init_pair(TUI_C_SELECT, COLOR_BLACK, COLOR_YELLOW);
}

int
tui_dispatch(struct tui *t, int key, wint_t ch)
{
	struct tui_screen *sc = t->top;
	unsigned gen = t->stack_gen;
	const struct tui_key *keys;
	char was[sizeof t->msg];
	int r = 0, was_error = t->msg_error;
	size_t i, nkeys;

	memcpy(was, t->msg, sizeof was);
	t->msg[0] = '\0';
	t->unwind_to = NULL;
	t->push_after = NULL;
	if (t->ask_sc != NULL && key != KEY_RESIZE) {
		/* a pending question: its answer key goes on to the screen,
		 * any other answers "no" and is consumed by it */
		struct tui_screen *asker = t->ask_sc;

		t->ask_sc = NULL;
		if (asker == sc && key != t->ask_key) {
			*t->ask_flag = 0;
			return 0;
		}
	}
	/* the table read before the action, which may change the screen's
	 * class (the alert inbox's prompt, screen_alerts.c): the key it
	 * took is not input too */
	keys = sc->cls->keys;
	nkeys = sc->cls->nkeys;
	for (i = 0; i < nkeys; i++) {
		if ((key != 0 && keys[i].key == key) ||
		    (key == 0 && keys[i].key == (int)ch && !sc->typing)) {
			/* the shared read again: the settings first, on every
			 * screen that has it */
			if (keys[i].action == TUI_A_RELOAD)
				tui_settings_reread(t);
			r = sc->cls->action(sc, t, keys[i].action);
			break;
		}
	}
	if (i == nkeys && sc->cls->input != NULL)
		r = sc->cls->input(sc, t, key, ch);
	if (i == nkeys && r == 0 && t->msg[0] == '\0') {
		/* a key the screen has no use for changes nothing, the
		 * message line neither: a question put ("c again to close
		 * it") stays in sight while its answer is still taken
		 * (helper-252, fault 1: hidden by z, then closed by c) */
		memcpy(t->msg, was, sizeof t->msg);
		t->msg_error = was_error;
	}
	if (r & TUI_QUIT)
		return TUI_QUIT;
	if (t->unwind_to != NULL) {
		while (t->top != NULL && t->top != t->unwind_to)
			pop(t);
		t->unwind_to = NULL;
	} else if (r & TUI_CLOSE)
		pop(t);
	if (t->push_after != NULL) {
		tui_push(t, t->push_after);
		t->push_after = NULL;
	}
	if (t->stack_gen != gen && t->top != NULL && t->top->cls->enter != NULL)
		t->top->cls->enter(t->top, t);
	return 0;
}

int
tui_main(struct svc *svc)
{
	struct tui t;
	struct pd_err err;
	int key;
	wint_t ch;

	memset(&t, 0, sizeof t);
	t.svc = svc;
	/* a refusal that needs the organisation's scope says how to choose
	 * it here, not the command line's --scope org */
	svc->scope_how = N_("o on the dashboard");
	/* a locale that is not installed (es_ES.UTF-8 here, C.UTF-8
	 * elsewhere), or one that is not UTF-8 (C, POSIX, unset: the
	 * README's `LANGUAGE=es paydesk` with no LANG), leaves C:
	 * characters stay UTF-8 all the same, or ncurses would draw
	 * every accented letter and box line as bytes */
	if (setlocale(LC_ALL, "") == NULL ||
	    strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* numbers for machines stay "1.5" (see i18n_init) */
	setlocale(LC_NUMERIC, "C");
	svc_language(&svc->cfg);
	if (initscr() == NULL)
		return 1;
	set_escdelay(25);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	tui_colours(&t);
	timeout(1000); /* the clock in the header moves */
	if (svc_checkpoints_behind(svc, &err) != 0)
		tui_message(&t, 1, "%s", err.msg);
	/* the alerts go to [alerts] command from a thread: no screen waits
	 * for it, and the background sync's rounds hand it theirs, so that
	 * a failure comes to the status line; without it, in the call, as a
	 * command gives them */
	if (svc_alert_worker_start(svc, &err) == NULL)
		tui_message(&t, 1, "%s", err.msg);
	t.sync = svc_sync_worker_start(svc, &err);
	if (t.sync == NULL && err.code != 0)
		tui_message(&t, 1, _("Background sync is off: %s"), err.msg);
	tui_push(&t, screen_login_new());
	while (t.top != NULL) {
		/* a delivery that failed, on the status line (it is in the
		 * alert's history and the audit log too) */
		if (svc_alert_worker_note(svc->deliverer, &t.alert_failures,
		        t.svc->alert_note, sizeof t.svc->alert_note)) {
			tui_message(&t, 1, "%s", t.svc->alert_note);
			t.svc->alert_note[0] = '\0';
		}
		tui_redraw(&t);
		key = next_key(&ch);
		/* a second with no key: a quiet moment (issue 24) */
		if (key == ERR)
			(void)svc_fts_idle(svc);
		if (key == ERR || key == KEY_RESIZE)
			continue;
		if (key == KEY_F(1) ||
		    (key == 0 && ch == '?' && !t.top->typing)) {
			help(&t);
			continue;
		}
		if (tui_dispatch(&t, key, ch) == TUI_QUIT)
			break;
	}
	while (t.top != NULL)
		pop(&t);
	endwin();
	svc_sync_worker_stop(t.sync); /* it may hand the alerts' thread some */
	svc_alert_worker_stop(svc, say_waiting, NULL);
	return 0;
}

/* The registry: every screen's class, one line each, in the order
 * `paydesk keys` (and the man page) lists them. */
#define TUI_SCREENS(X)                                                         \
	X(login)                                                               \
	X(home)                                                                \
	X(pay_search)                                                          \
	X(pay_account)                                                         \
	X(pay_channel)                                                         \
	X(pay_items)                                                           \
	X(pay_method)                                                          \
	X(pay_summary)                                                         \
	X(pay_review)                                                          \
	X(pay_done)                                                            \
	X(payment)                                                             \
	X(receipt)                                                             \
	X(today)                                                               \
	X(reprint)                                                             \
	X(sync)                                                                \
	X(dashboard)                                                           \
	X(payments)                                                            \
	X(menu)                                                                \
	X(filter)                                                              \
	X(void)                                                                \
	X(credit_create)                                                       \
	X(credit)                                                              \
	X(credit_apply)                                                        \
	X(export)                                                              \
	X(payers)                                                              \
	X(aging)                                                               \
	X(aging_items)                                                         \
	X(forecast)                                                            \
	X(anomalies)                                                           \
	X(deteriorating)                                                       \
	X(dash_filter)                                                         \
	X(tiles)                                                               \
	X(shift_open)                                                          \
	X(shift_count)                                                         \
	X(shift_slips)                                                         \
	X(shift_cheques)                                                       \
	X(shift_result)                                                        \
	X(shift_move)                                                          \
	X(shift_report)                                                        \
	X(shift_x_sign)                                                        \
	X(shifts)                                                              \
	X(shift_filter)                                                        \
	X(shift_force)                                                         \
	X(deposits)                                                            \
	X(deposit_create)                                                      \
	X(deposit_hand)                                                        \
	X(gateway)                                                             \
	X(gateway_assoc)                                                       \
	X(arrangements)                                                        \
	X(arr_report)                                                          \
	X(arr_filter)                                                          \
	X(arrangement)                                                         \
	X(arr_create)                                                          \
	X(arr_reschedule)                                                      \
	X(arr_cancel)                                                          \
	X(crews)                                                               \
	X(alerts)                                                              \
	X(alert)                                                               \
	X(exceptions)                                                          \
	X(rate_items)                                                          \
	X(time_rows)                                                           \
	X(open_rows)                                                           \
	X(recon)                                                               \
	X(recon_resolve)                                                       \
	X(recon_hand)                                                          \
	X(recon_unmatch)                                                       \
	X(recon_day)                                                           \
	X(disputes)                                                            \
	X(dispute)                                                             \
	X(dispute_open)                                                        \
	X(dispute_uphold)                                                      \
	X(dispute_reject)

#define DECLARE(x) extern const struct tui_screen_class screen_##x##_class;
TUI_SCREENS(DECLARE)
#undef DECLARE
#define ENTRY(x) &screen_##x##_class,
static const struct tui_screen_class *const registry[] = {TUI_SCREENS(ENTRY)};
#undef ENTRY

const struct tui_keymap *
tui_keymaps(size_t *n)
{
	static struct tui_keymap maps[TUI_NKEYS(registry) + 1];
	size_t i;

	*n = TUI_NKEYS(registry) + 1;
	for (i = 0; i < TUI_NKEYS(registry); i++) {
		maps[i].screen = registry[i]->name;
		maps[i].keys = registry[i]->keys;
		maps[i].nkeys = registry[i]->nkeys;
	}
	/* the keys of every text field, last: F1 adds them where a screen
	 * has fields (issue 17: Ctrl-U was in paydesk(1) only) */
	maps[i].screen = "Text fields";
	maps[i].keys = tui_field_keys;
	maps[i].nkeys = tui_field_nkeys;
	return maps;
}
