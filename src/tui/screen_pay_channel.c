/* screen_pay_channel.c - step 3: where the payment is taken, from the
 * configured channels; Walk-in is selected when the step first shows. */
#include <curses.h>
#include <stdlib.h>

#include "wizard.h"

enum { A_NEXT, A_BACK };

static const struct tui_key screen_pay_channel_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Next"), N_("take the channel selected"),
        A_NEXT},
    TUI_LIST_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the account details"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct channel {
	struct tui_screen sc;
	struct wizard *w;
	struct tui_list list; /* its selection is w->channel */
};

static const struct xcol cols[] = {{NULL, "channel", X_TEXT, 0, 0}};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	struct wizard *w = ((struct channel *)arg)->w;

	snprintf(buf, LISTING_BUFSZ, "(%s) %s",
	    (int)row == w->channel ? "*" : " ", t->svc->cfg.channels[row]);
	c[0].s = buf;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct channel *c = (struct channel *)sc;
	int y = wizard_band(c->w, 3, N_("Payment channel"));

	tui_text(y++, 2, _("Where is the payment taken?"), COLS - 4);
	y++;
	tui_list_set(&c->list, (size_t)t->svc->cfg.nchannels);
	c->list.sel = (size_t)c->w->channel;
	tui_list_draw(
	    t, &c->list, y, 2, COLS - 4 < 40 ? COLS - 4 : 40, LINES - 3 - y);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct channel *c = (struct channel *)sc;
	struct wizard *w = c->w;

	tui_list_set(&c->list, (size_t)t->svc->cfg.nchannels);
	c->list.sel = (size_t)w->channel;
	if (tui_list_action(&c->list, a)) {
		w->channel = (int)c->list.sel;
		return TUI_HANDLED;
	}
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_NEXT:
		tui_push(t, screen_pay_items_new(w));
		return TUI_HANDLED;
	}
	return 0;
}

const struct tui_screen_class screen_pay_channel_class = {
    .name = "Record Payment 3 Channel",
    .title = N_("Record Payment"),
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
	tui_list_init(&c->list, cols, 1, cells, c);
	c->list.header = 0;
	c->sc.cls = &screen_pay_channel_class;
	return &c->sc;
}
