/* screen_shift_slips.c - the blind close's second step (issue 20): the
 * card slips counted, per card method how many and their total, without
 * what is expected. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

enum { A_NEXT, A_BACK, A_DOWN, A_UP };

static const struct tui_key screen_shift_slips_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Next"), N_("the cheques, or the result"),
        A_NEXT},
    {KEY_DOWN, "Down", NULL, N_("the next field (also {Tab})"), A_DOWN},
    {KEY_UP, "Up", NULL, N_("the field above"), A_UP},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the cash count"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct slips {
	struct tui_screen sc;
	struct drawer_close *d;
	struct tui_form fm;
	struct tui_form_item items[2 * CFG_LIST_MAX];
	char labels[2 * CFG_LIST_MAX][96];
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct slips *s = (struct slips *)sc;
	int y = 2, lw = list_form_width(&s->fm, 16), w = COLS - 8;
	const struct tui_form_item *it = &s->fm.items[s->fm.focus];

	attron(A_BOLD);
	tui_text(y++, 2, _("Count the card slips"), COLS - 4);
	attroff(A_BOLD);
	attron(A_DIM);
	tui_text(y++, 2,
	    _("For each card method: how many slips, and their total"),
	    COLS - 4);
	attroff(A_DIM);
	y++;
	tui_form_draw(t, &s->fm, y, 4, lw, w > 70 ? 70 : w);
	if (tui_form_typing(&s->fm)) {
		int fx = 4 + lw + 2;

		t->cur_y = y + s->fm.focus;
		t->cur_x = fx + utf8_columns(it->f.buf, it->f.len);
	}
}

/* The slips as count lines: one per method with slips (qty the number of
 * slips, amount their total); 0 and a message when a field is wrong. */
static int
collect(struct slips *s, struct tui *t)
{
	struct drawer_close *d = s->d;
	struct pd_err err;
	int k;

	free(d->slips);
	d->slips = xcalloc((size_t)d->ncards + 1, sizeof *d->slips);
	d->nslips = 0;
	for (k = 0; k < d->ncards; k++) {
		const struct tui_field *nf = &s->items[2 * k].f,
		                       *af = &s->items[2 * k + 1].f;
		struct shift_count *c = &d->slips[d->nslips];
		char *end;
		long long qty = nf->len ? strtoll(nf->buf, &end, 10) : 0;

		if (nf->len && (*end != '\0' || qty < 0 || qty > 9999999)) {
			tui_message(t, 1, _("%s: a number of slips, as in 12"),
			    s->items[2 * k].label);
			s->fm.focus = 2 * k;
			return 0;
		}
		if (af->len == 0 && qty == 0)
			continue;
		if (svc_money_parse(t->svc, af->buf, s->items[2 * k + 1].label,
		        &c->amount, &err) != 0) {
			tui_message(t, 1, "%s", err.msg);
			s->fm.focus = 2 * k + 1;
			return 0;
		}
		snprintf(c->method, sizeof c->method, "%s", d->cards[k]);
		c->kind = SHIFT_COUNT_SLIP;
		c->qty = qty > 0 ? qty : 1;
		d->nslips++;
	}
	return 1;
}

/* What was typed, kept in the close for the step's next screen. */
static void
keep(struct slips *s)
{
	int k;

	for (k = 0; k < s->fm.n; k++)
		snprintf(s->d->slips_typed[k], sizeof s->d->slips_typed[k],
		    "%s", s->items[k].f.buf);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct slips *s = (struct slips *)sc;

	switch (a) {
	case A_BACK:
		keep(s);
		return TUI_CLOSE;
	case A_DOWN:
	case A_UP:
		tui_form_input(&s->fm, a == A_DOWN ? KEY_DOWN : KEY_UP, 0);
		return TUI_HANDLED;
	case A_NEXT:
		if (!collect(s, t))
			return TUI_HANDLED;
		tui_push(t, s->d->ncheques > 0
		                ? screen_shift_cheques_new(t, s->d)
		                : screen_shift_result_new(t, s->d));
		return TUI_HANDLED;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct slips *s = (struct slips *)sc;

	return tui_form_key(t, &s->fm, key, ch) != 0 ? TUI_HANDLED : 0;
}

const struct tui_screen_class screen_shift_slips_class = {
    .name = "Close shift 2 Card slips",
    .title = N_("Close shift"),
    .keys = screen_shift_slips_keys,
    .nkeys = TUI_NKEYS(screen_shift_slips_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .fields = 1,
};

struct tui_screen *
screen_shift_slips_new(struct tui *t, struct drawer_close *d)
{
	struct slips *s = xcalloc(1, sizeof *s);
	int k;

	(void)t;
	for (k = 0; k < d->ncards; k++) {
		snprintf(s->labels[2 * k], sizeof s->labels[0], _("%s slips"),
		    d->cards[k]);
		snprintf(s->labels[2 * k + 1], sizeof s->labels[0],
		    _("%s total"), d->cards[k]);
		/* as typed before Esc went back from here */
		tui_form_text(&s->items[2 * k], s->labels[2 * k], 7,
		    d->slips_typed[2 * k]);
		s->items[2 * k].kind = FORM_COUNT;
		tui_form_text(&s->items[2 * k + 1], s->labels[2 * k + 1], 16,
		    d->slips_typed[2 * k + 1]);
		s->items[2 * k + 1].kind = FORM_MONEY;
	}
	s->fm.items = s->items;
	s->fm.n = 2 * d->ncards;
	s->d = d;
	s->sc.cls = &screen_shift_slips_class;
	s->sc.typing = 1;
	return &s->sc;
}
