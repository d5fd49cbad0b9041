/* screen_payments.c - the back office lists, two tabs: All Payments and
 * Credit Notes. Search as you type, filters, sort by any payment column,
 * a page at a time from the store (keyset paging: the key of the last
 * row shown, never an offset, never every row), a menu of actions per
 * row, and exports of exactly what the tab shows. End reads the last
 * page as the first page of the reversed order, shown in order; from
 * there the pages are counted from the end until Home. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "payments.h"

enum {
	A_UP,
	A_DOWN,
	A_PGUP,
	A_PGDN,
	A_HOME,
	A_END,
	A_TAB,
	A_SEARCH,
	A_FILTER,
	A_CLEAR,
	A_SORT,
	A_FLIP,
	A_OPEN,
	A_MENU,
	A_EXPORT,
	A_BACK
};

static const struct tui_key screen_payments_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Details"),
        N_("the details of the row selected"), A_OPEN},
    {'m', "m", N_("Actions"), N_("the actions of the row selected"), A_MENU},
    {'/', "/", N_("Search"),
        N_("search as you type ({Enter} or {Esc} ends it)"), A_SEARCH},
    {'f', "f", N_("Filter"), N_("the filters of the tab"), A_FILTER},
    {'F', "F", NULL, N_("clear the search and every filter"), A_CLEAR},
    {'s', "s", N_("Sort"), N_("sort payments by the next column"), A_SORT},
    {'r', "r", NULL, N_("reverse the order"), A_FLIP},
    {TUI_KEY_TAB, "Tab", N_("Tab"), N_("All Payments / Credit Notes"), A_TAB},
    {'x', "x", N_("Export"), N_("export the tab as CSV or Excel"), A_EXPORT},
    {KEY_UP, "Up", NULL, N_("the row above (the page before at the top)"),
        A_UP},
    {KEY_DOWN, "Down", NULL, N_("the row below (the next page at the end)"),
        A_DOWN},
    {KEY_PPAGE, "PgUp", NULL, N_("the page before"), A_PGUP},
    {KEY_NPAGE, "PgDn", NULL, N_("the next page"), A_PGDN},
    {KEY_HOME, "Home", NULL, N_("back to the first page"), A_HOME},
    {KEY_END, "End", NULL, N_("the last page"), A_END},
    TUI_LIST_SCROLL_KEYS,
    {'g', "g", NULL, N_("read the page again"), TUI_A_RELOAD},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the dashboard"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

static const char *const tab_names[2] = {
    N_("All Payments"), N_("Credit Notes")};
/* The orders as the message line names them (enum pay_sort). */
static const char *const sort_shown[PAY_SORTS] = {N_("date"), N_("receipt"),
    N_("consumer"), N_("amount"), N_("method"), N_("type"), N_("status")};

/* The listing's cells, with the type and status as a person reads them
 * (the listing's are the stored names, for exports). */
static void
pay_cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct payment_row *r = &((struct tab *)arg)->pay[row];

	(void)t;
	(void)buf;
	svc_payment_cells(r, c); /* type and status: X_TERM, translated */
}

static void
credit_cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct credit_note *cn = &((struct tab *)arg)->cn[row];

	(void)buf;
	svc_credit_cells(t->svc, cn, c); /* status: X_TERM, translated */
}

/* "12 payments", "100000+ credit notes": the count above the list, and
 * in sc (of scn) the scope it is of. */
static void
count_text(struct tui *t, const struct plist *p, const struct tab *tb,
    char *buf, size_t n, char *sc, size_t scn)
{
	char num[SVC_COUNT_BUFSZ + 1];
	unsigned long c = tb->count > 0 ? (unsigned long)tb->count : 0;

	svc_count(t->svc, num, sizeof num - 1, tb->count);
	if (tb->count >= COUNT_MAX)
		strcat(num, "+");
	if (p->cur)
		snprintf(buf, n,
		    ngettext("%s credit note", "%s credit notes", c), num);
	else
		snprintf(buf, n, ngettext("%s payment", "%s payments", c), num);
	/* whose payments or credit notes (issue 23; those of the scope's
	 * payments: a search finds them wherever taken unless a scope was
	 * chosen, and says so) */
	svc_scope_list_title(t->svc, tb->list.search.buf, sc, scn);
}

/* Where the list is among its pages, at the right of the row under it:
 * at COLS - 24 as long as it fits, else as far left as it needs. */
static void
page_text(struct tab *tb, int y)
{
	char line[128];
	int w;

	if (!tb->tail)
		snprintf(line, sizeof line,
		    tb->more ? _("page %zu, more below") : _("page %zu"),
		    tb->page + 1);
	else if (tb->page == 0)
		snprintf(line, sizeof line, "%s",
		    tb->more ? _("last page, more above") : _("last page"));
	else
		snprintf(line, sizeof line, _("page %zu from the end"),
		    tb->page + 1);
	w = utf8_columns(line, strlen(line));
	attron(A_DIM);
	tui_text(y, w <= 22 ? COLS - 24 : COLS - 2 - w, line, w);
	attroff(A_DIM);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct plist *p = (struct plist *)sc;
	struct tab *tb = &p->tabs[p->cur];
	char line[512], scope[128];
	const char *search = _("Search:");
	int k, x = 2, y = 2, sx;
	size_t len;

	if (plist_rows() != p->page_rows)
		plist_load(
		    p, t, 0); /* resized: the page holds as many as fit */
	for (k = 0; k < 2; k++) {
		int attr = k == p->cur ? tui_attr(t, TUI_C_SELECT, A_REVERSE)
		                       : (int)A_DIM;

		snprintf(line, sizeof line, " %s ", _(tab_names[k]));
		attron(attr);
		tui_text(y, x, line, COLS - x - 1);
		attroff(attr);
		x += utf8_columns(line, strlen(line)) + 1;
	}
	count_text(t, p, tb, line, sizeof line, scope, sizeof scope);
	len = strlen(line);
	snprintf(line + len, sizeof line - len, " \xc2\xb7 %s", scope);
	/* the scope on the blank row above the list where the tabs leave it
	 * no room (issue 23 fault 6: "0 notas de crédito · Sucursal B01,
	 * equ" at 80 columns) */
	if (utf8_columns(line, strlen(line)) > COLS - x - 3) {
		line[len] = '\0';
		attron(A_DIM);
		tui_text_cut(y + 2, 2, scope, COLS - 4);
		attroff(A_DIM);
	}
	tui_text(y, x + 2, line, COLS - x - 3);
	y++;
	/* the field after its label (at 10 while the label fits) */
	sx = 2 + utf8_columns(search, strlen(search)) + 1;
	if (sx < 10)
		sx = 10;
	tui_text(y, 2, search, sx - 2);
	tui_field_draw(t, &tb->list.search, y, sx, 30, tb->list.searching);
	list_filters_text(t, &tb->lf, line, sizeof line);
	attron(A_DIM);
	tui_text(y, sx + 32, line, COLS - sx - 33);
	attroff(A_DIM);
	y += 2;
	tb->list.sorted = p->cur == 0 ? -1 : 7;
	tb->list.asc = p->cur == 0 ? tb->asc : 0;
	if (p->cur == 0) {
		/* the sorted column: listing columns in enum pay_sort terms */
		static const int col_of[PAY_SORTS] = {5, 0, 1, 3, 4, 6, 7};

		tb->list.sorted = col_of[tb->sort];
	}
	tui_list_draw(t, &tb->list, y++, 2, COLS - 3, (int)tb->n + 1);
	if (tb->n == 0) {
		tui_text(y, 3,
		    tb->list.search.len || tb->count == 0 ? _("Nothing matches")
		                                          : _("No rows"),
		    COLS - 4);
		return;
	}
	page_text(tb, y + (int)tb->n);
}

/* The row action menu: what the role may do with this row. */
enum {
	M_DETAILS,
	M_RECEIPT,
	M_REPRINT,
	M_CREDIT,
	M_VERIFY,
	M_VOID,
	M_CN_DETAILS,
	M_CN_PRINT,
	M_CN_VIEW,
	M_CN_DOWNLOAD,
	M_CN_APPLY,
	M_OPEN_PAYMENT,
	M_VERIFY_YES, /* the question's answers */
	M_CANCEL
};

static struct tui_screen *
run(struct tui *t, void *arg, int id)
{
	struct plist *p = arg;
	struct tab *tb = &p->tabs[p->cur];
	const struct payment_row *pr =
	    p->cur == 0 ? &tb->pay[tb->list.sel] : NULL;
	const struct credit_note *cn =
	    p->cur == 1 ? &tb->cn[tb->list.sel] : NULL;
	struct pd_err err;

	switch (id) {
	case M_DETAILS:
		return screen_payment_new(t, pr->p.receipt_no);
	case M_RECEIPT:
		return screen_receipt_new(t, pr->p.receipt_no);
	case M_REPRINT:
		tui_reprint(t, pr->p.receipt_no, NULL, 0);
		return NULL;
	case M_CREDIT:
		return screen_credit_create_new(t, pr->p.receipt_no);
	case M_VERIFY: {
		/* are you sure, with the amount (issue 17 section 4) */
		struct tui_menu_item items[2] = {
		    {_("Verify"), M_VERIFY_YES}, {_("Cancel"), M_CANCEL}};
		char title[200], m[MONEY_BUFSZ];

		snprintf(title, sizeof title, _("Verify payment %s of %s?"),
		    pr->p.receipt_no,
		    svc_money(t->svc, m, sizeof m, pr->p.amount));
		return screen_menu_new(title, items, 2, run, arg);
	}
	case M_CANCEL:
		return NULL;
	case M_VERIFY_YES:
		if (svc_payment_verify(t->svc, pr->p.receipt_no, &err) != 0)
			tui_message(t, 1, "%s", err.msg);
		else {
			tui_message(t, 0, _("%s verified: %s"),
			    pr->p.receipt_no, list_pay_status(PS_POSTED));
			t->list_gen++;
		}
		return NULL;
	case M_VOID:
		return screen_void_new(t, pr->p.receipt_no);
	case M_CN_DETAILS:
		return screen_credit_new(t, cn->cn_no);
	case M_CN_PRINT:
	case M_CN_DOWNLOAD:
		tui_credit_doc(t, cn->cn_no, id == M_CN_PRINT);
		return NULL;
	case M_CN_VIEW:
		return screen_credit_text_new(t, cn->cn_no);
	case M_CN_APPLY:
		return screen_credit_apply_new(t, cn->cn_no);
	case M_OPEN_PAYMENT:
		return screen_payment_new(t, cn->receipt_no);
	}
	return NULL;
}

static struct tui_screen *
menu(struct plist *p, struct tui *t)
{
	struct tab *tb = &p->tabs[p->cur];
	struct tui_menu_item items[8];
	int n = 0, sup = t->svc->actor.role >= ROLE_SUPERVISOR;
	char title[96];

	if (p->cur == 0) {
		const struct payment *pay = &tb->pay[tb->list.sel].p;

		items[n++] =
		    (struct tui_menu_item){_("View Details"), M_DETAILS};
		items[n++] =
		    (struct tui_menu_item){_("View Receipt"), M_RECEIPT};
		items[n++] =
		    (struct tui_menu_item){_("Reprint Receipt"), M_REPRINT};
		if (sup && pay->status == PS_POSTED)
			items[n++] = (struct tui_menu_item){
			    _("Create Credit Note"), M_CREDIT};
		if (sup && pay->status == PS_PENDING)
			items[n++] =
			    (struct tui_menu_item){_("Verify"), M_VERIFY};
		if (sup && pay->status != PS_VOIDED)
			items[n++] = (struct tui_menu_item){_("Void"), M_VOID};
		snprintf(title, sizeof title, _("Payment %s"), pay->receipt_no);
	} else {
		const struct credit_note *cn = &tb->cn[tb->list.sel];

		items[n++] =
		    (struct tui_menu_item){_("View Details"), M_CN_DETAILS};
		items[n++] = (struct tui_menu_item){_("Print"), M_CN_PRINT};
		items[n++] = (struct tui_menu_item){_("View"), M_CN_VIEW};
		items[n++] =
		    (struct tui_menu_item){_("Download PDF"), M_CN_DOWNLOAD};
		if (svc_credit_status(t->svc, cn) == CN_ACTIVE &&
		    cn->payment_status == PS_POSTED)
			items[n++] = (struct tui_menu_item){
			    _("Apply to an open item"), M_CN_APPLY};
		items[n++] = (struct tui_menu_item){
		    _("Open the linked payment"), M_OPEN_PAYMENT};
		snprintf(title, sizeof title, _("Credit note %s"), cn->cn_no);
	}
	return screen_menu_new(title, items, n, run, p);
}

/* Up/Down/PgUp/PgDn/Home/End: the rows of the page, then the pages. */
static int
page_action(struct plist *p, struct tui *t, int a)
{
	struct tab *tb = &p->tabs[p->cur];

	switch (a) {
	case A_UP:
		if (tb->list.sel > 0)
			tb->list.sel--;
		else
			plist_prev_page(p, t, 1);
		return TUI_HANDLED;
	case A_DOWN:
		if (tb->list.sel + 1 < tb->n)
			tb->list.sel++;
		else
			plist_next_page(p, t);
		return TUI_HANDLED;
	case A_PGDN:
		if (plist_page_below(tb))
			plist_next_page(p, t);
		else if (tb->n)
			tb->list.sel = tb->n - 1;
		return TUI_HANDLED;
	case A_PGUP:
		if (plist_page_above(tb))
			plist_prev_page(p, t, 0);
		else
			tb->list.sel = 0;
		return TUI_HANDLED;
	case A_HOME:
		plist_restart(p, t);
		return TUI_HANDLED;
	case A_END:
		plist_last_page(p, t);
		return TUI_HANDLED;
	}
	return tui_list_action(&tb->list, a);
}

/* s: the next order (one the service refuses for a long list is
 * skipped, its reason kept on the message line). */
static int
next_sort(struct plist *p, struct tui *t)
{
	struct tab *tb = &p->tabs[p->cur];

	if (p->cur == 1) {
		tui_message(
		    t, 0, "%s", _("Credit notes are listed newest first"));
		return TUI_HANDLED;
	}
	tb->sort = (enum pay_sort)((tb->sort + 1) % PAY_SORTS);
	tb->asc = pay_sort_default_asc(tb->sort);
	plist_restart(p, t);
	if (t->msg[0] && t->msg_error) {
		char why[sizeof t->msg];

		snprintf(why, sizeof why, "%s", t->msg);
		tb->sort = (enum pay_sort)((tb->sort + 1) % PAY_SORTS);
		tb->asc = pay_sort_default_asc(tb->sort);
		plist_restart(p, t);
		tui_message(t, 1, "%s", why);
		return TUI_HANDLED;
	}
	tui_message(t, 0, _("Sorted by %s, %s"), _(sort_shown[tb->sort]),
	    tb->asc ? _("ascending") : _("descending"));
	return TUI_HANDLED;
}

/* x: the export of exactly what the tab shows. */
static int export(struct plist *p, struct tui *t)
{
	struct tab *tb = &p->tabs[p->cur];
	char from[11], to[11];

	if (p->cur == 0) {
		struct payment_filter f;

		struct tui_screen *x;

		plist_pay_filter(t, tb, &f, from, to);
		/* a drill-down's period named while its days are shown */
		if (p->drill && p->drill_period[0] != '\0' && f.from != NULL &&
		    f.to != NULL && strcmp(f.from, p->drill_from) == 0 &&
		    strcmp(f.to, p->drill_to) == 0)
			f.period = p->drill_period;
		x = screen_export_new(
		    t, LIST_PAYMENTS, &f, NULL, NULL, 0, 0, 0);
		if (p->drill)
			screen_export_drill(x);
		tui_push(t, x);
	} else {
		struct credit_filter f;

		plist_credit_filter(t, tb, &f, from, to);
		tui_push(t, screen_export_new(
		                t, LIST_CREDITS, NULL, &f, NULL, 0, 0, 0));
	}
	return TUI_HANDLED;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct plist *p = (struct plist *)sc;
	struct tab *tb = &p->tabs[p->cur];
	struct tui_screen *next;

	/* Enter, Esc, Down and Tab end the search, keeping the text */
	if (tb->list.searching &&
	    (a == A_OPEN || a == A_BACK || a == A_DOWN || a == A_TAB))
		return tui_list_search_stop(&tb->list, sc);
	if (page_action(p, t, a))
		return TUI_HANDLED;
	switch (a) {
	case A_TAB:
		p->cur = !p->cur;
		plist_load(p, t, 1);
		return TUI_HANDLED;
	case A_SEARCH:
		tui_list_search_start(&tb->list, sc);
		return TUI_HANDLED;
	case A_FILTER:
		tui_push(t, screen_filter_new(t, &tb->lf));
		return TUI_HANDLED;
	case A_CLEAR:
		memset(&tb->list.search, 0, sizeof tb->list.search);
		tb->list.search.max = 128;
		list_filters_reset(&tb->lf, p->cur);
		plist_restart(p, t);
		return TUI_HANDLED;
	case A_SORT:
		return next_sort(p, t);
	case A_FLIP:
		if (p->cur == 1)
			return TUI_HANDLED;
		tb->asc = !tb->asc;
		plist_restart(p, t);
		return TUI_HANDLED;
	case TUI_A_RELOAD:
		plist_load(p, t, 1);
		return TUI_HANDLED;
	case A_OPEN:
		if (tb->n == 0)
			return TUI_HANDLED;
		next = p->cur == 0
		           ? screen_payment_new(
		                 t, tb->pay[tb->list.sel].p.receipt_no)
		           : screen_credit_new(t, tb->cn[tb->list.sel].cn_no);
		if (next != NULL)
			tui_push(t, next);
		return TUI_HANDLED;
	case A_MENU:
		if (tb->n > 0)
			tui_push(t, menu(p, t));
		return TUI_HANDLED;
	case A_EXPORT:
		return export(p, t);
	case A_BACK:
		return TUI_CLOSE;
	}
	return 0;
}

/* The search changed: from the first page again. */
static void
search_changed(struct tui *t, void *arg)
{
	struct tab *tb = arg;

	plist_restart(tb->owner, t);
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct plist *p = (struct plist *)sc;

	return tui_list_search_input(&p->tabs[p->cur].list, t, key, ch);
}

/* Back from a dialog: a filter applied or a row changed reads again. */
static void
draw_checked(struct tui_screen *sc, struct tui *t)
{
	struct plist *p = (struct plist *)sc;
	struct tab *tb = &p->tabs[p->cur];

	if (tb->lf.changed) {
		tb->lf.changed = 0;
		plist_restart(p, t);
	} else if (p->gen != t->list_gen) {
		p->gen = t->list_gen;
		plist_load(p, t, 1);
	}
	draw(sc, t);
}

static void
free_list(struct tui_screen *sc)
{
	struct plist *p = (struct plist *)sc;
	int k;

	for (k = 0; k < 2; k++) {
		free(p->tabs[k].starts);
		free(p->tabs[k].pay);
		free(p->tabs[k].cn);
	}
}

const struct tui_screen_class screen_payments_class = {
    .name = "Payments",
    .title = N_("Payments"),
    .keys = screen_payments_keys,
    .nkeys = TUI_NKEYS(screen_payments_keys),
    .draw = draw_checked,
    .action = action,
    .input = input,
    .free = free_list,
    .fields = 1,
};

/* The status column is cut no narrower than its longest name as shown
 * (a translated status is often longer than its column). */
static void
status_least(struct xcol *c, int credits)
{
	const char *s;
	int i, w;

	for (i = 0; i < (credits ? CN_VOIDED : PS_VOIDED) + 1; i++) {
		s = credits ? list_credit_status((enum cn_status)i)
		            : list_pay_status((enum pay_status)i);
		w = utf8_columns(s, strlen(s));
		if (w > c->min)
			c->min = w;
	}
}

struct tui_screen *
screen_payments_new(struct tui *t, int credits)
{
	struct plist *p = xcalloc(1, sizeof *p);
	const struct xcol *cols;
	int k, ncols;

	p->sc.cls = &screen_payments_class;
	for (k = 0; k < 2; k++) {
		struct tab *tb = &p->tabs[k];

		cols =
		    svc_listing_cols(k ? LIST_CREDITS : LIST_PAYMENTS, &ncols);
		if (ncols > TUI_LIST_COLS)
			ncols = TUI_LIST_COLS;
		memcpy(tb->cols, cols, (size_t)ncols * sizeof *cols);
		status_least(&tb->cols[k ? 6 : 7], k);
		tui_list_init(&tb->list, tb->cols, ncols,
		    k ? credit_cells : pay_cells, tb);
		/* first the payments' reference (empty for most), then the
		 * account (the name says who) */
		tb->list.give = k ? 1u << 2 : 1u << 8 | 1u << 2;
		tb->owner = p;
		tb->list.search.max = 128;
		tb->list.changed = search_changed;
		list_filters_reset(&tb->lf, k);
		tb->sort = PAY_BY_DATE;
		tb->nstarts = 1;
		tb->starts = xcalloc(1, sizeof *tb->starts);
		tb->pay =
		    k == 0 ? xcalloc(PAGE_MAX + 1, sizeof *tb->pay) : NULL;
		tb->cn = k == 1 ? xcalloc(PAGE_MAX + 1, sizeof *tb->cn) : NULL;
	}
	p->cur = credits ? 1 : 0;
	p->gen = t->list_gen;
	plist_load(p, t, 1);
	return &p->sc;
}

/* The figures' filters in force (svc->narrow: the dashboard's, as the
 * parser gave them) as lf's. */
static void
narrowed(struct tui *t, struct list_filters *lf)
{
	const struct payment_filter *n = &t->svc->narrow;
	const struct config *cfg = &t->svc->cfg;
	int i;

#define KEEP(k, v)                                                            \
	snprintf(lf->text[k], sizeof lf->text[k], "%s", (v) != NULL ? (v) : "")
	KEEP(SVC_FILTER_SEGMENT, n->segment);
	KEEP(SVC_FILTER_BRANCH, n->branch);
	KEEP(SVC_FILTER_USER, n->recorded_by);
	KEEP(SVC_FILTER_CHANNEL, n->channel);
	KEEP(SVC_FILTER_GATEWAY, n->gateway);
#undef KEEP
	for (i = 0; n->method != NULL && i < cfg->nmethods; i++)
		if (strcasecmp(cfg->methods[i].name, n->method) == 0)
			lf->method = i + 1;
}

struct tui_screen *
screen_payments_posted(struct tui *t, const char *from, const char *to)
{
	struct plist *p = (struct plist *)screen_payments_new(t, 0);
	struct list_filters *lf = &p->tabs[0].lf;

	/* the filter line says what was counted: "Posted, from..to" */
	lf->range = R_CUSTOM;
	snprintf(lf->from, sizeof lf->from, "%s", from);
	snprintf(lf->to, sizeof lf->to, "%s", to);
	lf->status = PS_POSTED;
	/* and the dashboard's filters in force: the rows the tile or bar
	 * counts (R23 fault 10), named on the filter line */
	narrowed(t, lf);
	/* its export headed as the figure's rows: its days, and the
	 * accounting period whose days they are (not a day of it) */
	p->drill = 1;
	snprintf(p->drill_from, sizeof p->drill_from, "%s", from);
	snprintf(p->drill_to, sizeof p->drill_to, "%s", to);
	if (t->svc->narrow.period != NULL && strcmp(from, to) != 0)
		snprintf(p->drill_period, sizeof p->drill_period, "%s",
		    t->svc->narrow.period);
	plist_restart(p, t);
	return &p->sc;
}

struct tui_screen *
screen_payments_of(struct tui *t, const char *account_no)
{
	struct plist *p;
	struct list_filters *lf;
	struct consumer_view v;
	struct pd_err err;

	/* the consumer's payments, that consumer's only: by its id, not a
	 * search of the account number, which matches a part of any other
	 * (review R23b: A-1's listed A-10's), named on the filter line;
	 * within the report's filters in force, as the rows it counted */
	if (svc_consumer_show(t->svc, account_no, &v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	p = (struct plist *)screen_payments_new(t, 0);
	lf = &p->tabs[0].lf;
	lf->consumer_id = v.c.id;
	snprintf(lf->consumer, sizeof lf->consumer, "%s", account_no);
	svc_consumer_view_free(&v);
	narrowed(t, lf);
	plist_restart(p, t);
	return &p->sc;
}
