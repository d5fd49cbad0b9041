/* screen_aging_items.c - the drill-down of the aging report: one
 * consumer's open items, oldest due first, with days past due, the
 * bucket and what is still open. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_BACK };

static const struct tui_key screen_aging_items_keys[] = {
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the aging report"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct aging_items {
	struct tui_screen sc;
	struct aging_row r; /* the consumer's line of the report */
	struct item *it;
	int64_t *days; /* past due, per item */
	struct tui_list list;
};

static const struct xcol cols[] = {
    {N_("Item"), "ref", X_ID, 20, 10},
    {N_("Kind"), "kind", X_TEXT, 11, 0},
    {N_("Due"), "due_on", X_DATE, 10, 0},
    {N_("Days"), "days", X_INT, 5, 0},
    /* the bucket ("61-90"): "Age" in the context "column" is the
     * exceptions' days, which this list showed twice (issue 25 review) */
    {KC_("aging", "Age"), "age", X_TEXT, 7, 0},
    {N_("Amount"), "amount", X_MONEY, 12, 0},
    {NC_("column", "Open"), "open", X_MONEY, 12, 0},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	struct aging_items *a = arg;
	const struct item *it = &a->it[row];

	(void)t;
	(void)buf;
	c[0].s = it->ref;
	c[1].s = list_pay_type(it->kind);
	c[2].s = it->due_on;
	c[3].n = a->days[row];
	c[4].s = list_age_bucket(age_bucket(a->days[row]));
	c[5].n = it->amount;
	c[6].n = it->amount - it->settled;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct aging_items *a = (struct aging_items *)sc;
	const struct aging_row *r = &a->r;
	char line[256], m[MONEY_BUFSZ], num[SVC_COUNT_BUFSZ];
	int b, y = 1, lw = 8, w;

	snprintf(line, sizeof line, "%s  %s", r->name, r->account_no);
	attron(A_BOLD);
	tui_text(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	y++;
	/* the names' column: 8, or the widest translated name */
	for (b = 0; b <= AGE_BUCKETS; b++) {
		const char *s = b == AGE_BUCKETS
		                    ? _("Total")
		                    : list_age_bucket((enum age_bucket)b);

		w = utf8_columns(s, strlen(s));
		if (w > lw)
			lw = w;
	}
	for (b = 0; b <= AGE_BUCKETS; b++, y++) {
		int total = b == AGE_BUCKETS;
		int64_t count = total ? r->a.items : r->a.count[b];

		if (total)
			attron(A_BOLD);
		tui_text(y, 4,
		    total ? _("Total") : list_age_bucket((enum age_bucket)b),
		    lw);
		tui_cell(y, 4 + lw + 1,
		    svc_money(t->svc, m, sizeof m,
		        total ? r->a.total : r->a.amount[b]),
		    14, 1);
		snprintf(line, sizeof line,
		    ngettext("%s item", "%s items", (unsigned long)count),
		    svc_count(t->svc, num, sizeof num, count));
		tui_text(y, 4 + lw + 17, line, COLS - lw - 22);
		if (total)
			attroff(A_BOLD);
	}
	y++;
	tui_list_draw(t, &a->list, y, 1, COLS - 2, LINES - 3 - y);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	(void)t;
	if (tui_list_action(&((struct aging_items *)sc)->list, act))
		return TUI_HANDLED;
	return act == A_BACK ? TUI_CLOSE : 0;
}

static void
free_items(struct tui_screen *sc)
{
	struct aging_items *a = (struct aging_items *)sc;

	free(a->it);
	free(a->days);
	tui_list_free(&a->list);
}

const struct tui_screen_class screen_aging_items_class = {
    .name = "Aging open items",
    .title = N_("Aging: open items"),
    .keys = screen_aging_items_keys,
    .nkeys = TUI_NKEYS(screen_aging_items_keys),
    .draw = draw,
    .action = action,
    .free = free_items,
};

struct tui_screen *
screen_aging_items_new(struct tui *t, const struct aging_row *r)
{
	struct aging_items *a = xcalloc(1, sizeof *a);
	struct pd_err err;
	size_t n;

	a->it = svc_aging_items(t->svc, r->consumer_id, &a->days, &n, &err);
	if (a->it == NULL) {
		tui_message(t, 1, "%s", err.msg);
		free(a);
		return NULL;
	}
	a->r = *r;
	tui_list_init(&a->list, cols, TUI_NCOLS(cols), cells, a);
	tui_list_set(&a->list, n);
	a->sc.cls = &screen_aging_items_class;
	return &a->sc;
}
