/* screen_pay_channel.c - step 3: where the payment is taken, from the
 * configured channels; Walk-in is selected when the step first shows. */
#include <curses.h>
#include <stdlib.h>

#include "wizard.h"
#include "paydesk/xmalloc.h"

enum { A_NEXT, A_UP, A_DOWN, A_BACK };

static const struct tui_key screen_pay_channel_keys[] = {
    {TUI_KEY_ENTER, "Enter", "Next", "take the channel selected", A_NEXT},
    {KEY_UP, "Up", NULL, "select the channel above", A_UP},
    {KEY_DOWN, "Down", NULL, "select the channel below", A_DOWN},
    {TUI_KEY_ESC, "Esc", "Back", "back to the account details", A_BACK},
    {KEY_F(1), "F1", "Help", "this help", -1},
};

struct channel {
	struct tui_screen sc;
	struct wizard *w;
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct wizard *w = ((struct channel *)sc)->w;
	const struct config *cfg = &t->svc->cfg;
	int y = wizard_band(w, 3, "Payment channel"), i;

	tui_text(y++, 2, "Where is the payment taken?", COLS - 4);
	y++;
	for (i = 0; i < cfg->nchannels && y < LINES - 3; i++, y++) {
		char line[CFG_NAME_MAX + 8];

		snprintf(line, sizeof line, "(%s) %s",
		    i == w->channel ? "*" : " ", cfg->channels[i]);
		tui_row(t, y, 2, 40, i == w->channel, line);
	}
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct wizard *w = ((struct channel *)sc)->w;
	size_t sel = (size_t)w->channel;

	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_UP:
	case A_DOWN:
		tui_list_move(
		    &sel, (size_t)t->svc->cfg.nchannels, a == A_UP ? -1 : 1);
		w->channel = (int)sel;
		return TUI_HANDLED;
	case A_NEXT:
		tui_push(t, screen_pay_items_new(w));
		return TUI_HANDLED;
	}
	return 0;
}

const struct tui_screen_class screen_pay_channel_class = {
    .name = "Record Payment 3 Channel",
    .title = "Record Payment",
    .keys = screen_pay_channel_keys,
    .nkeys = TUI_NKEYS(screen_pay_channel_keys),
    .draw = draw,
    .action = action,
};

struct tui_screen *
screen_pay_channel_new(struct wizard *w)
{
	struct channel *c = xcalloc(1, sizeof *c);

	c->w = w;
	c->sc.cls = &screen_pay_channel_class;
	return &c->sc;
}
