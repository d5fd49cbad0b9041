/* screen_crews.c - the disconnection and reconnection lists (issue 21;
 * recovery and up), as `paydesk disconnections` and `reconnections` list
 * them, for the field crews: Tab shows the other list, x exports the one
 * shown as CSV or Excel, Enter opens the chosen consumer's payment
 * arrangements, a a New Arrangement of the consumer's debt; under the
 * list the chosen row's address and phone whole (helper-251, fault 1: the
 * lists could be had from the command line only). Read again when it
 * comes back on top (helper-258, fault 2: a consumer who had just made an
 * arrangement here stayed on the disconnection list, and in its count,
 * until Tab or g). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_OPEN, A_ARRANGE, A_OTHER, A_EXPORT, A_BACK };

static const struct tui_key screen_crews_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Plans"),
        N_("the chosen consumer's payment arrangements"), A_OPEN},
    {'a', "a", N_("Arrange"),
        N_("a payment arrangement of the chosen consumer's debt"), A_ARRANGE},
    {TUI_KEY_TAB, "Tab", N_("Other list"),
        N_("the reconnection list, or the disconnection list"), A_OTHER},
    {'x', "x", N_("Export"), N_("export the list shown as CSV or Excel"),
        A_EXPORT},
    {'g', "g", NULL, N_("read the list again"), TUI_A_RELOAD},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the arrangements"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct crews {
	struct tui_screen sc;
	int re; /* 1: the reconnection list */
	struct overdue_row *off;
	struct reconnect_row *on;
	size_t n;
	struct tui_list list[2];
};

static void
load(struct crews *v, struct tui *t)
{
	struct pd_err err;

	free(v->off);
	free(v->on);
	v->off = NULL;
	v->on = NULL;
	v->n = 0;
	if (v->re)
		v->on = svc_reconnections(t->svc, &v->n, &err);
	else
		v->off = svc_disconnections(t->svc, &v->n, &err);
	if (v->re ? v->on == NULL : v->off == NULL) {
		v->n = 0;
		tui_message(t, 1, "%s", err.msg);
	}
	tui_list_set(&v->list[v->re], v->n);
}

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	struct crews *v = arg;

	(void)buf;
	if (v->re) {
		svc_reconnect_cells(&v->on[row], c);
		c[5].s = _(c[5].s); /* a term: the reader's words */
	} else
		svc_disconnect_cells(&v->off[row], c);
	(void)t;
}

/* The chosen row's account, NULL for none. */
static const char *
chosen(const struct crews *v)
{
	size_t i = v->list[v->re].sel;

	if (v->n == 0 || i >= v->n)
		return NULL;
	return v->re ? v->on[i].account_no : v->off[i].account_no;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct crews *v = (struct crews *)sc;
	char line[400], m[MONEY_BUFSZ];
	size_t i = v->list[v->re].sel;
	int y = 2, below = 2;

	snprintf(line, sizeof line,
	    v->re ? ngettext("%zu consumer to reconnect",
	                "%zu consumers to reconnect", (unsigned long)v->n)
	          : ngettext("%zu consumer to disconnect",
	                "%zu consumers to disconnect", (unsigned long)v->n),
	    v->n);
	attron(A_BOLD);
	tui_text(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	attron(A_DIM);
	/* the rule, as paydesk.ini(5) sets it */
	snprintf(line, sizeof line,
	    _("Overdue %d days or more, %s or more in all ([disconnection])"),
	    t->svc->cfg.disc_days,
	    svc_money(t->svc, m, sizeof m, t->svc->cfg.disc_amount));
	y += tui_wrap(y, 2, line, COLS - 4, 2);
	attroff(A_DIM);
	y++;
	tui_list_draw(
	    t, &v->list[v->re], y, 2, COLS - 3, LINES - 3 - y - below);
	if (v->n == 0) {
		tui_text(y + 2, 4,
		    v->re ? _("Nobody to reconnect.")
		          : _("Nobody to disconnect."),
		    COLS - 8);
		return;
	}
	if (i >= v->n)
		i = 0;
	/* where the crew goes, and whom it calls, whole: on two rows
	 * when one does not hold them (helper-253, fault 4: a long
	 * address was cut, the phone after it never shown) */
	snprintf(line, sizeof line, "%s  %s",
	    v->re ? v->on[i].address : v->off[i].address,
	    v->re ? v->on[i].phone : v->off[i].phone);
	attron(A_BOLD);
	tui_wrap(LINES - 2 - below, 2, line, COLS - 4, 2);
	attroff(A_BOLD);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct crews *v = (struct crews *)sc;
	struct tui_screen *x;
	const char *acct;

	if (tui_list_action(&v->list[v->re], act))
		return TUI_HANDLED;
	switch (act) {
	case A_OPEN:
	case A_ARRANGE:
		if ((acct = chosen(v)) == NULL)
			return TUI_HANDLED;
		x = act == A_OPEN ? screen_arrangements_new(t, acct)
		                  : screen_arr_create_new(t, acct);
		if (x != NULL)
			tui_push(t, x);
		return TUI_HANDLED;
	case A_OTHER:
		v->re = !v->re;
		load(v, t);
		return TUI_HANDLED;
	case A_EXPORT:
		tui_push(t, screen_export_new(t,
		                v->re ? LIST_RECONNECT : LIST_DISCONNECT, NULL,
		                NULL, NULL, 0, NULL, 0));
		return TUI_HANDLED;
	case TUI_A_RELOAD:
		load(v, t);
		return TUI_HANDLED;
	case A_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

/* On top again: a plan made (a) or changed (Enter) since, a payment, a
 * sync may have taken a consumer off the list shown or put one on. */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	load((struct crews *)sc, t);
}

static void
free_crews(struct tui_screen *sc)
{
	struct crews *v = (struct crews *)sc;

	tui_list_free(&v->list[0]);
	tui_list_free(&v->list[1]);
	free(v->off);
	free(v->on);
}

const struct tui_screen_class screen_crews_class = {
    .name = "Disconnections",
    .title = N_("Disconnections and reconnections"),
    .keys = screen_crews_keys,
    .nkeys = TUI_NKEYS(screen_crews_keys),
    .draw = draw,
    .action = action,
    .enter = enter,
    .free = free_crews,
};

struct tui_screen *
screen_crews_new(struct tui *t)
{
	struct crews *v;
	struct pd_err err;
	const struct xcol *cols;
	int ncols, k;

	if (svc_require(t->svc, ROLE_RECOVERY, _("The disconnection list"),
	        &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	v = xcalloc(1, sizeof *v);
	for (k = 0; k < 2; k++) {
		cols = svc_listing_cols(
		    k ? LIST_RECONNECT : LIST_DISCONNECT, &ncols);
		tui_list_init(&v->list[k], cols, ncols, cells, v);
		v->list[k].sorted = -1;
	}
	v->sc.cls = &screen_crews_class;
	load(v, t);
	return &v->sc;
}
