/* screen_aging_items.c - the drill-down of the aging report: one
 * consumer's open items, oldest due first, with days past due, the
 * bucket and what is still open. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

static const struct tui_key screen_aging_items_keys[] = {
    TUI_LINES_KEYS,
    {TUI_KEY_ESC, "Esc", "Back", "back to the aging report", TUI_A_CLOSE},
    {KEY_F(1), "F1", "Help", "this help", -1},
};

const struct tui_screen_class screen_aging_items_class = {
    .name = "Aging open items",
    .title = "Aging: open items",
    .keys = screen_aging_items_keys,
    .nkeys = TUI_NKEYS(screen_aging_items_keys),
    .draw = tui_lines_screen_draw,
    .action = tui_lines_screen_action,
    .free = tui_lines_screen_free,
};

struct tui_screen *
screen_aging_items_new(struct tui *t, const struct aging_row *r)
{
	static const char *const kinds[] = {"Bill", "Service", "Installment"};
	struct tui_lines l = {0};
	struct item *it;
	int64_t *days;
	struct pd_err err;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ], age[16];
	size_t n, i;
	int b;

	it = svc_aging_items(t->svc, r->consumer_id, &days, &n, &err);
	if (it == NULL) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	tui_lines_add(&l, 1, "%s  %s", r->name, r->account_no);
	tui_lines_add(&l, 0, "%s", "");
	for (b = 0; b < AGE_BUCKETS; b++)
		tui_lines_add(&l, 0, "  %-8s %14s  %lld item%s",
		    age_bucket_name((enum age_bucket)b),
		    svc_money(t->svc, m1, sizeof m1, r->a.amount[b]),
		    (long long)r->a.count[b], r->a.count[b] == 1 ? "" : "s");
	tui_lines_add(&l, 1, "  %-8s %14s  %lld items", "Total",
	    svc_money(t->svc, m1, sizeof m1, r->a.total),
	    (long long)r->a.items);
	tui_lines_add(&l, 0, "%s", "");
	tui_lines_add(&l, 1, "%-20s %-11s %-10s %5s %-7s %12s %12s", "Item",
	    "Kind", "Due", "Days", "Age", "Amount", "Open");
	for (i = 0; i < n; i++) {
		snprintf(age, sizeof age, "%s",
		    age_bucket_name(age_bucket(days[i])));
		tui_lines_add(&l, 0,
		    "%-20.20s %-11s %-10s %5lld %-7s %12s %12s", it[i].ref,
		    kinds[it[i].kind % 3], it[i].due_on, (long long)days[i],
		    age, svc_money(t->svc, m1, sizeof m1, it[i].amount),
		    svc_money(
		        t->svc, m2, sizeof m2, it[i].amount - it[i].settled));
	}
	free(it);
	free(days);
	return tui_lines_screen(&screen_aging_items_class, NULL, &l);
}
