/* payments_pages.c - the pages of the back office's payment and
 * credit-note lists (screen_payments.c): the tab's filters as the
 * service takes them, and keyset paging. A page is read from the store
 * with the key of the row it starts after (starts[]); End reads the last
 * page as the first of the reversed order and shows it in order, and the
 * pages are then counted from the end until Home. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "payments.h"

int
plist_rows(void)
{
	int r = LINES - 9;

	if (r < 1)
		r = 1;
	return r > PAGE_MAX ? PAGE_MAX : r;
}

/* The service filter of a tab; the strings point into the tab. */
void
plist_pay_filter(struct tui *t, struct tab *tb, struct payment_filter *f,
    char from[11], char to[11])
{
	memset(f, 0, sizeof *f);
	f->status = tb->lf.status;
	f->type = tb->lf.type;
	if (list_range(&tb->lf, from, to)) {
		f->from = from;
		f->to = to;
	}
	if (tb->lf.method > 0)
		f->method = t->svc->cfg.methods[tb->lf.method - 1].name;
	/* the report filters (screen_filter.c), as the command line's */
	if (tb->lf.pfrom[0] != '\0') {
		f->from = tb->lf.pfrom;
		f->to = tb->lf.pto;
	}
#define LF_TEXT(k) (tb->lf.text[k][0] != '\0' ? tb->lf.text[k] : NULL)
	f->segment = LF_TEXT(SVC_FILTER_SEGMENT);
	f->branch = LF_TEXT(SVC_FILTER_BRANCH);
	f->recorded_by = LF_TEXT(SVC_FILTER_USER);
	f->channel = LF_TEXT(SVC_FILTER_CHANNEL);
	f->gateway = LF_TEXT(SVC_FILTER_GATEWAY);
#undef LF_TEXT
	f->search = tb->list.search.len ? tb->list.search.buf : NULL;
	f->consumer_id = tb->lf.consumer_id; /* 0: any */
	f->sort = tb->sort;
	f->asc = tb->asc;
}

void
plist_credit_filter(struct tui *t, struct tab *tb, struct credit_filter *f,
    char from[11], char to[11])
{
	int i;

	memset(f, 0, sizeof *f);
	f->status = tb->lf.cn_status;
	f->remaining = tb->lf.remaining;
	f->min_amount = tb->lf.min[0] ? tb->lf.min_amount : -1;
	f->max_amount = tb->lf.max[0] ? tb->lf.max_amount : -1;
	f->consumer_id = tb->lf.consumer_id;
	f->receipt = tb->lf.receipt[0] ? tb->lf.receipt : NULL;
	if (list_range(&tb->lf, from, to)) {
		f->from = from;
		f->to = to;
	}
	for (i = 0; i < t->svc->cfg.nreasons && f->nreasons < 16; i++)
		if ((tb->lf.reasons >> i) & 1)
			f->reasons[f->nreasons++] = t->svc->cfg.reasons[i];
	/* the report filters `credit-notes` takes (screen_filter.c) */
	if (tb->lf.pfrom[0] != '\0') {
		f->from = tb->lf.pfrom;
		f->to = tb->lf.pto;
	}
#define LF_TEXT(k) (tb->lf.text[k][0] != '\0' ? tb->lf.text[k] : NULL)
	f->segment = LF_TEXT(SVC_FILTER_SEGMENT);
	f->branch = LF_TEXT(SVC_FILTER_BRANCH);
	f->recorded_by = LF_TEXT(SVC_FILTER_USER);
#undef LF_TEXT
	f->search = tb->list.search.len ? tb->list.search.buf : NULL;
}

static int
add_pay(const struct payment_row *r, void *arg)
{
	struct tab *tb = arg;

	tb->pay[tb->n++] = *r;
	return 0;
}

static int
add_cn(const struct credit_note *cn, void *arg)
{
	struct tab *tb = arg;

	tb->cn[tb->n++] = *cn;
	return 0;
}

/* The page read from the end, in the tab's order again. */
static void
reverse(struct tab *tb)
{
	size_t i, j;

	for (i = 0, j = tb->n; j-- > i + 1; i++) {
		if (tb->pay != NULL) {
			struct payment_row r = tb->pay[i];

			tb->pay[i] = tb->pay[j];
			tb->pay[j] = r;
		} else {
			struct credit_note c = tb->cn[i];

			tb->cn[i] = tb->cn[j];
			tb->cn[j] = c;
		}
	}
}

/* Read the current page of the tab (and the count when first is set). */
void
plist_load(struct plist *p, struct tui *t, int count)
{
	struct tab *tb = &p->tabs[p->cur];
	struct payment_filter pf;
	struct credit_filter cf;
	struct pd_err err;
	char from[11], to[11];
	int rc;

	p->page_rows = plist_rows();
	tb->n = 0;
	if (p->cur == 0) {
		plist_pay_filter(t, tb, &pf, from, to);
		pf.after = tb->page > 0 ? &tb->starts[tb->page] : NULL;
		pf.limit = (size_t)p->page_rows + 1;
		pf.asc = tb->tail ? !tb->asc : tb->asc;
		rc = svc_payments_each(t->svc, &pf, add_pay, tb, &err);
		pf.asc = tb->asc;
		pf.after = NULL;
		pf.limit = COUNT_MAX;
		if (rc == 0 && count)
			rc = svc_payments_count(t->svc, &pf, &tb->count, &err);
	} else {
		plist_credit_filter(t, tb, &cf, from, to);
		cf.after = tb->page > 0 ? &tb->starts[tb->page] : NULL;
		cf.limit = (size_t)p->page_rows + 1;
		cf.asc = tb->tail;
		rc = svc_credits_each(t->svc, &cf, add_cn, tb, &err);
		cf.asc = 0;
		cf.after = NULL;
		cf.limit = COUNT_MAX;
		if (rc == 0 && count)
			rc = svc_credits_count(t->svc, &cf, &tb->count, &err);
	}
	if (rc != 0) {
		tui_message(t, 1, "%s", err.msg);
		tb->n = 0;
	}
	tb->more = tb->n > (size_t)p->page_rows;
	if (tb->more)
		tb->n = (size_t)p->page_rows;
	if (tb->tail)
		reverse(tb);
	tui_list_set(&tb->list, tb->n);
}

/* From the first page again (a new search, filter or order). */
void
plist_restart(struct plist *p, struct tui *t)
{
	struct tab *tb = &p->tabs[p->cur];

	tb->page = 0;
	tb->tail = 0;
	tb->list.sel = 0;
	plist_load(p, t, 1);
}

/* End: the last page, read as the first of the reversed order. */
void
plist_last_page(struct plist *p, struct tui *t)
{
	struct tab *tb = &p->tabs[p->cur];

	tb->page = 0;
	tb->tail = 1;
	plist_load(p, t, 0);
	tb->list.sel = tb->n ? tb->n - 1 : 0;
}

/* Is there a page after (below) the one shown, or before (above)? */
int
plist_page_below(const struct tab *tb)
{
	return tb->tail ? tb->page > 0 : tb->more;
}

int
plist_page_above(const struct tab *tb)
{
	return tb->tail ? tb->more : tb->page > 0;
}

/* One page further from the first (forward) or from the last (tail):
 * the key of the row at the far end of the page. */
static void
page_away(struct plist *p, struct tui *t, size_t row)
{
	struct tab *tb = &p->tabs[p->cur];
	struct page_key k;

	if (p->cur == 0)
		svc_payment_key(&tb->pay[row], tb->sort, &k);
	else
		svc_credit_key(&tb->cn[row], &k);
	if (tb->page + 1 >= tb->nstarts) {
		tb->nstarts = tb->page + 2;
		tb->starts = xrealloc(tb->starts, tb->nstarts, sizeof k);
	}
	tb->starts[++tb->page] = k;
	plist_load(p, t, 0);
}

void
plist_next_page(struct plist *p, struct tui *t)
{
	struct tab *tb = &p->tabs[p->cur];

	if (!plist_page_below(tb) || tb->n == 0)
		return;
	if (tb->tail) {
		tb->page--;
		plist_load(p, t, 0);
	} else
		page_away(p, t, tb->n - 1);
	tb->list.sel = 0;
}

void
plist_prev_page(struct plist *p, struct tui *t, int to_last)
{
	struct tab *tb = &p->tabs[p->cur];

	if (!plist_page_above(tb) || (tb->tail && tb->n == 0))
		return;
	if (tb->tail)
		page_away(p, t, 0);
	else {
		tb->page--;
		plist_load(p, t, 0);
	}
	tb->list.sel = to_last && tb->n ? tb->n - 1 : 0;
}
