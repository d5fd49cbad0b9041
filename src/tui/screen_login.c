/* screen_login.c - username and PIN (masked); the service checks them and
 * counts wrong PINs toward the lockout. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

enum { A_NEXT, A_SUBMIT, A_QUIT };

static const struct tui_key screen_login_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Next / Log in"),
        N_("move to the PIN; on the PIN, log in"), A_SUBMIT},
    {TUI_KEY_TAB, "Tab", N_("Switch field"),
        N_("move between username and PIN"), A_NEXT},
    {KEY_F(10), "F10", N_("Quit"), N_("leave paydesk"), A_QUIT},
    {TUI_KEY_ESC, "Esc", NULL, N_("leave paydesk"), A_QUIT},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct login {
	struct tui_screen sc;
	struct tui_field user, pin;
	int focus; /* 0 user, 1 PIN */
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct login *l = (struct login *)sc;
	const char *user = _("Username"), *pin = _("PIN");
	int y = LINES / 2 - 4, x = COLS / 2 - 20, lw;

	/* the fields start after the longer label, 10 columns at least */
	lw = utf8_columns(user, strlen(user));
	if (utf8_columns(pin, strlen(pin)) > lw)
		lw = utf8_columns(pin, strlen(pin));
	lw = lw + 2 > 10 ? lw + 2 : 10;

	if (y < 2)
		y = 2;
	if (x < 1)
		x = 1;
	attron(A_BOLD);
	tui_text(y, x, t->svc->cfg.org_name, COLS - x - 1);
	attroff(A_BOLD);
	tui_text(y + 1, x, _("Log in to take payments"), COLS - x - 1);
	tui_text(y + 3, x, user, lw);
	tui_field_draw(t, &l->user, y + 3, x + lw, 24, l->focus == 0);
	tui_text(y + 5, x, pin, lw);
	tui_field_draw(t, &l->pin, y + 5, x + lw, 24, l->focus == 1);
}

static int
submit(struct login *l, struct tui *t)
{
	struct pd_err err;

	if (l->focus == 0 || l->pin.len == 0) {
		l->focus = 1;
		return TUI_HANDLED;
	}
	/* a PIN with no name: the service's answer names the CLI's
	 * --user, not this form */
	if (l->user.len == 0) {
		memset(l->pin.buf, 0, sizeof l->pin.buf);
		l->pin.len = 0;
		l->focus = 0;
		tui_message(t, 1, "%s", _("Type your user name, then the PIN"));
		return TUI_HANDLED;
	}
	/* settings the background sync brought from the central node take
	 * effect at a sign-in or at a refresh key that reads the figures
	 * again (tui_settings_reread), never in the middle of someone's
	 * work */
	if (svc_settings_load(t->svc, &err) != 0 ||
	    svc_login(t->svc, l->user.buf, l->pin.buf, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		memset(l->pin.buf, 0, sizeof l->pin.buf);
		l->pin.len = 0;
		return TUI_HANDLED;
	}
	/* the next person to log in starts from an empty form */
	memset(l->pin.buf, 0, sizeof l->pin.buf);
	l->pin.len = 0;
	l->user.buf[0] = '\0';
	l->user.len = 0;
	l->focus = 0;
	tui_message(t, 0, _("Welcome, %s"), t->svc->actor.full_name);
	/* the figures of a sign-in start unfiltered (the dashboard's v) */
	dash_filter_reset(t);
	/* supervisors and admins land on the back office */
	tui_push(t, t->svc->actor.role >= ROLE_SUPERVISOR
	                ? screen_dashboard_new(t)
	                : screen_home_new(t));
	return TUI_HANDLED;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct login *l = (struct login *)sc;

	switch (a) {
	case A_NEXT:
		l->focus = !l->focus;
		return TUI_HANDLED;
	case A_SUBMIT:
		return submit(l, t);
	case A_QUIT:
		return TUI_QUIT;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct login *l = (struct login *)sc;

	(void)t;
	return tui_field_input(l->focus ? &l->pin : &l->user, key, ch) > 0
	           ? TUI_HANDLED
	           : 0;
}

static void
destroy(struct tui_screen *sc)
{
	struct login *l = (struct login *)sc;

	memset(l->pin.buf, 0, sizeof l->pin.buf);
}

const struct tui_screen_class screen_login_class = {
    .name = "Login",
    .title = N_("Login"),
    .keys = screen_login_keys,
    .nkeys = TUI_NKEYS(screen_login_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = destroy,
    .fields = 1,
};

struct tui_screen *
screen_login_new(void)
{
	struct login *l = xcalloc(1, sizeof *l);

	l->sc.cls = &screen_login_class;
	l->sc.typing = 1;
	l->user.max = 32;
	l->pin.max = 32;
	l->pin.masked = 1;
	return &l->sc;
}
