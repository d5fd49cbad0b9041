/* screen_aging.c - the aging report: outstanding open items by days past
 * their due date (Current, 1-30, 31-60, 61-90, 90+) as amounts and
 * counts in total, then per consumer, most outstanding first. Enter
 * drills into a consumer's items; / searches, o keeps only consumers with
 * something older than 30, 60 or 90 days. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_OPEN, A_SEARCH, A_OLDER, A_FILTER, A_EXPORT, A_BACK };

static const struct tui_key screen_aging_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Items"), N_("the consumer's open items"),
        A_OPEN},
    {'/', "/", N_("Search"),
        N_("search consumers as you type ({Enter} ends it)"), A_SEARCH},
    {'o', "o", N_("Older"),
        N_("only consumers with items older than 30/60/90 days"), A_OLDER},
    /* the dashboard's filters: of them, the segment holds for items
     * (R23 fault 11; report aging --segment) */
    {'v', "v", NULL,
        N_("the dashboard's filters: their segment holds here"), A_FILTER},
    {'x', "x", N_("Export"), N_("export the report as CSV or Excel"), A_EXPORT},
    TUI_LIST_KEYS,
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the dashboard"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

#define AGING_SHOWN 1000

struct agingv {
	struct tui_screen sc;
	struct aging total;
	struct aging_row *rows;
	size_t n;
	int min_bucket;
	struct tui_list list; /* its search: the consumer's name */
	unsigned gen;         /* t->list_gen when read */
};

static void
filter_of(struct agingv *a, struct tui *t, struct aging_filter *f)
{
	memset(f, 0, sizeof *f);
	/* the segment of the dashboard's filters (items belong to no
	 * branch, user, method or channel) */
	f->segment = t->svc->narrow.segment;
	f->search = a->list.search.len ? a->list.search.buf : NULL;
	f->min_bucket = a->min_bucket;
}

static int
add(const struct aging_row *r, void *arg)
{
	struct agingv *a = arg;

	a->rows[a->n++] = *r;
	return 0;
}

static void
load(struct agingv *a, struct tui *t)
{
	struct aging_filter f;
	struct pd_err err;

	filter_of(a, t, &f);
	a->gen = t->list_gen;
	f.limit = AGING_SHOWN;
	a->n = 0;
	a->list.sel = 0;
	if (svc_aging_total(t->svc, &f, &a->total, &err) != 0 ||
	    svc_aging_each(t->svc, &f, add, a, &err) != 0)
		tui_message(t, 1, "%s", err.msg);
	tui_list_set(&a->list, a->n);
}

/* The search changed: read again. */
static void
search_changed(struct tui *t, void *arg)
{
	load(arg, t);
}

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	struct agingv *a = arg;

	(void)t;
	(void)buf;
	svc_aging_cells(&a->rows[row], c);
}

/* The three lines of bucket b: its days, its amount, its count. */
static void
bucket_text(struct agingv *a, struct tui *t, int b, char text[3][96])
{
	char num[SVC_COUNT_BUFSZ];

	if (b == AGE_CURRENT)
		snprintf(
		    text[0], 96, "%s", list_age_bucket((enum age_bucket)b));
	else
		snprintf(text[0], 96, _("%s days"),
		    list_age_bucket((enum age_bucket)b));
	svc_money(t->svc, text[1], 96, a->total.amount[b]);
	snprintf(text[2], 96,
	    ngettext("%s item", "%s items", (unsigned long)a->total.count[b]),
	    svc_count(t->svc, num, sizeof num, a->total.count[b]));
}

/* The buckets from y on, each as wide as the fifth of the screen or,
 * where one shows more, as its widest line: on one row while they fit,
 * else on as many rows as it takes, so that no amount is cut (issue
 * 25). Returns the rows of buckets drawn. */
static int
buckets(struct agingv *a, struct tui *t, int y)
{
	char text[AGE_BUCKETS][3][96];
	int need[AGE_BUCKETS], b, i, c, x = 2, rows = 1, hot, sum = 0;
	int share = (COLS - 4) / AGE_BUCKETS;

	for (b = 0; b < AGE_BUCKETS; b++) {
		bucket_text(a, t, b, text[b]);
		need[b] = share;
		for (i = 0; i < 3; i++) {
			c = utf8_columns(text[b][i], strlen(text[b][i])) + 1;
			if (c > need[b])
				need[b] = c;
		}
		sum += need[b];
	}
	/* wider than the screen: each as wide as it needs, more rows */
	if (sum > COLS - 4)
		for (b = 0; b < AGE_BUCKETS; b++)
			for (i = 0; i < 3; i++) {
				c = utf8_columns(
				        text[b][i], strlen(text[b][i])) +
				    1;
				need[b] = i == 0 || c > need[b] ? c : need[b];
			}
	for (b = 0; b < AGE_BUCKETS; b++) {
		if (x > 2 && x + need[b] > COLS - 2) {
			x = 2;
			y += 3;
			rows++;
		}
		attron(A_DIM);
		tui_text(y, x, text[b][0], need[b] - 1);
		attroff(A_DIM);
		hot = b >= AGE_60 ? tui_attr(t, TUI_C_ERROR, A_BOLD)
		                  : (int)A_BOLD;
		attron(hot);
		tui_text(y + 1, x, text[b][1], need[b] - 1);
		attroff(hot);
		tui_text(y + 2, x, text[b][2], need[b] - 1);
		x += need[b];
	}
	return rows;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct agingv *a = (struct agingv *)sc;
	static const char *const older[] = {"", N_("consumers past due"),
	    N_("consumers over 30 days"), N_("consumers over 60 days"),
	    N_("consumers over 90 days")};
	const char *search = _("Search:");
	char line[320], m[MONEY_BUFSZ], items[96], who[96],
	    num[SVC_COUNT_BUFSZ];
	int y = 2, sx;

	if (a->gen != t->list_gen) /* the filters changed (v) */
		load(a, t);
	/* the field after its label (at 10 while the label fits) */
	sx = 2 + utf8_columns(search, strlen(search)) + 1;
	if (sx < 10)
		sx = 10;
	tui_text(y, 2, search, sx - 2);
	tui_field_draw(t, &a->list.search, y, sx, 30, a->list.searching);
	attron(A_DIM);
	if (a->min_bucket)
		tui_text(y, sx + 32, _(older[a->min_bucket]), COLS - sx - 33);
	attroff(A_DIM);
	if (t->svc->narrow.segment != NULL) {
		struct svc_filters fs;
		char title[160];

		memset(&fs, 0, sizeof fs);
		fs.text[SVC_FILTER_SEGMENT] = t->svc->narrow.segment;
		snprintf(line, sizeof line, _("Filters: %s (v to change)"),
		    svc_filters_title(&fs, title, sizeof title));
		tui_text(++y, 2, line, COLS - 4);
	}
	y += 2;
	y += 3 * buckets(a, t, y);
	snprintf(items, sizeof items,
	    ngettext("%s item", "%s items", (unsigned long)a->total.items),
	    svc_count(t->svc, num, sizeof num, a->total.items));
	snprintf(who, sizeof who,
	    ngettext("%s consumer", "%s consumers", (unsigned long)a->n),
	    svc_count(t->svc, num, sizeof num, (int64_t)a->n));
	snprintf(line, sizeof line, _("Total outstanding %s in %s, %s%s"),
	    svc_money(t->svc, m, sizeof m, a->total.total), items, who,
	    a->n == AGING_SHOWN ? _(" (the first)") : "");
	/* no scope: an item is its consumer's (issue 23) */
	tui_org_suffix(line, sizeof line);
	tui_text(y, 2, line, COLS - 4);
	if (a->total.arranged_items > 0) {
		/* counted once, in the buckets too (issue 21) */
		snprintf(items, sizeof items,
		    ngettext("%s installment", "%s installments",
		        (unsigned long)a->total.arranged_items),
		    svc_count(t->svc, num, sizeof num,
		        a->total.arranged_items));
		snprintf(line, sizeof line, _("Of which under arrangement %s in %s"),
		    svc_money(t->svc, m, sizeof m, a->total.arranged), items);
		tui_text(++y, 2, line, COLS - 4);
	}
	y += 2;
	tui_list_draw(t, &a->list, y, 2, COLS - 3, LINES - 3 - y);
	if (a->n == 0)
		tui_text(y + 1, 3, _("No open item matches"), COLS - 4);
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct agingv *a = (struct agingv *)sc;
	struct aging_filter f;
	struct tui_screen *next;

	if (a->list.searching &&
	    (act == A_OPEN || act == A_BACK || act == TUI_A_LIST_DOWN))
		return tui_list_search_stop(&a->list, sc);
	if (tui_list_action(&a->list, act))
		return TUI_HANDLED;
	switch (act) {
	case A_SEARCH:
		tui_list_search_start(&a->list, sc);
		return TUI_HANDLED;
	case A_OLDER:
		a->min_bucket = (a->min_bucket + 1) % AGE_BUCKETS;
		load(a, t);
		return TUI_HANDLED;
	case A_FILTER:
		tui_push(t, screen_dash_filter_new(t, NULL));
		return TUI_HANDLED;
	case A_EXPORT:
		filter_of(a, t, &f);
		tui_push(t, screen_export_new(
		                t, LIST_AGING, NULL, NULL, &f, 0, NULL, 0));
		return TUI_HANDLED;
	case A_OPEN:
		if (a->n == 0)
			return TUI_HANDLED;
		next = screen_aging_items_new(t, &a->rows[a->list.sel]);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case A_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	return tui_list_search_input(&((struct agingv *)sc)->list, t, key, ch);
}

static void
free_aging(struct tui_screen *sc)
{
	struct agingv *a = (struct agingv *)sc;

	free(a->rows);
	tui_list_free(&a->list);
}

const struct tui_screen_class screen_aging_class = {
    .name = "Aging report",
    .title = N_("Aging report"),
    .keys = screen_aging_keys,
    .nkeys = TUI_NKEYS(screen_aging_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_aging,
    .fields = 1,
};

struct tui_screen *
screen_aging_new(struct tui *t)
{
	struct agingv *a = xcalloc(1, sizeof *a);
	const struct xcol *cols;
	int ncols;

	a->rows = xcalloc(AGING_SHOWN, sizeof *a->rows);
	cols = svc_listing_cols(LIST_AGING, &ncols);
	/* the consumers' debt under arrangement is the line above the
	 * list (and the export's last column): the buckets keep the
	 * screen's width */
	tui_list_init(&a->list, cols, ncols - 1, cells, a);
	a->list.changed = search_changed;
	a->list.sorted = 2;
	a->sc.cls = &screen_aging_class;
	load(a, t);
	return &a->sc;
}
