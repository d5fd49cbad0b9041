/* screen_credit_apply.c - apply a credit note to one open item of the
 * same consumer: pick the item, the amount defaults to what the credit
 * and the item both allow; the service checks it again. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_APPLY, A_BACK };

static const struct tui_key screen_credit_apply_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Apply"),
        N_("apply the amount to the item selected"), A_APPLY},
    TUI_LIST_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close without applying"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help; type the amount to change it"),
        -1},
};

struct capply {
	struct tui_screen sc;
	struct credit_view cv;
	struct consumer_view v;
	struct tui_list list; /* the open items */
	struct tui_field amount;
};

static const struct xcol cols[] = {
    {N_("Item"), "item", X_ID, 22, 10},
    {N_("Due"), "due", X_DATE, 10, 0},
    {N_("Amount"), "amount", X_MONEY, 12, 0},
    {NC_("column", "Open"), "open", X_MONEY, 12, 0},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct item *it = &((struct capply *)arg)->v.items[row];

	(void)t;
	(void)buf;
	c[0].s = it->ref;
	c[1].s = it->due_on;
	c[2].n = it->amount;
	c[3].n = it->amount - it->settled;
}

/* The most this credit can put on the item selected. */
static int64_t
allowed(const struct capply *a)
{
	const struct item *it = &a->v.items[a->list.sel];
	int64_t open = it->amount - it->settled;

	return open < a->cv.remaining ? open : a->cv.remaining;
}

static void
set_default(struct capply *a, struct tui *t)
{
	char m[MONEY_BUFSZ];

	if (a->v.nitems == 0)
		return;
	/* prefilled and selected: typing replaces it (issue 17) */
	tui_field_set(
	    &a->amount, svc_money_bare(t->svc, m, sizeof m, allowed(a), 0));
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct capply *a = (struct capply *)sc;
	char line[256], m1[MONEY_BUFSZ];
	const char *label = _("Amount to apply");
	int y = 2, rows = LINES - 12, fx;

	snprintf(line, sizeof line, _("Credit note %s, %s: %s remaining"),
	    a->cv.cn.cn_no, a->cv.cn.consumer_name,
	    svc_money(t->svc, m1, sizeof m1, a->cv.remaining));
	attron(A_BOLD);
	tui_text(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	y++;
	if (a->v.nitems == 0) {
		tui_text(y, 4, _("The consumer has no open item"), COLS - 6);
		return;
	}
	tui_list_draw(t, &a->list, y, 3, COLS - 6, rows + 1);
	y = LINES - 6;
	/* the field at 22, or after a longer translated label */
	fx = 4 + utf8_columns(label, strlen(label)) + 2;
	if (fx < 22)
		fx = 22;
	tui_text(y, 4, label, fx - 6);
	tui_field_draw(t, &a->amount, y, fx, 16, 1);
	snprintf(line, sizeof line, _("at most %s"),
	    svc_money(t->svc, m1, sizeof m1, allowed(a)));
	attron(A_DIM);
	tui_text(y, fx + 18, line, COLS - fx - 20);
	attroff(A_DIM);
}

static int
apply(struct capply *a, struct tui *t)
{
	struct credit_application app;
	struct pd_err err;
	char m[MONEY_BUFSZ];
	int64_t amount;

	if (a->v.nitems == 0)
		return TUI_HANDLED;
	if (svc_money_parse(t->svc, a->amount.buf, _("Amount to apply"),
	        &amount, &err) != 0 ||
	    svc_credit_apply(t->svc, a->cv.cn.cn_no,
	        a->v.items[a->list.sel].ref, amount, &app, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	tui_message(t, 0, _("%s applied to %s"),
	    svc_money(t->svc, m, sizeof m, app.amount), app.item_ref);
	t->list_gen++;
	return TUI_CLOSE;
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct capply *a = (struct capply *)sc;

	if (tui_list_action(&a->list, act)) {
		set_default(a, t);
		return TUI_HANDLED;
	}
	switch (act) {
	case A_APPLY:
		return apply(a, t);
	case A_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct capply *a = (struct capply *)sc;

	int r = tui_field_input(&a->amount, key, ch);

	if (r < 0)
		tui_money_refused(t, _("Amount to apply"), ch);
	else if (r > 0)
		tui_money_typed(t, &a->amount, _("Amount to apply"));
	return TUI_HANDLED;
}

static void
free_apply(struct tui_screen *sc)
{
	struct capply *a = (struct capply *)sc;

	svc_credit_view_free(&a->cv);
	svc_consumer_view_free(&a->v);
}

const struct tui_screen_class screen_credit_apply_class = {
    .name = "Apply credit",
    .title = N_("Apply credit"),
    .keys = screen_credit_apply_keys,
    .nkeys = TUI_NKEYS(screen_credit_apply_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_apply,
    .fields = 1,
};

struct tui_screen *
screen_credit_apply_new(struct tui *t, const char *cn_no)
{
	struct capply *a = xcalloc(1, sizeof *a);
	struct pd_err err;

	if (svc_credit_show(t->svc, cn_no, &a->cv, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		free(a);
		return NULL;
	}
	if (svc_consumer_show(t->svc, a->cv.cn.account_no, &a->v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		svc_credit_view_free(&a->cv);
		free(a);
		return NULL;
	}
	tui_list_init(&a->list, cols, TUI_NCOLS(cols), cells, a);
	tui_list_set(&a->list, a->v.nitems);
	a->amount.money = 1;
	a->amount.max = 15;
	set_default(a, t);
	a->sc.cls = &screen_credit_apply_class;
	a->sc.typing = 1;
	return &a->sc;
}
