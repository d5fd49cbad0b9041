/* payments.h - the back office's payment and credit-note lists
 * (screen_payments.c) and their pages read from the store
 * (payments_pages.c): keyset paging, a page at a time, never an offset.
 * Private to those two files. */
#ifndef PAYDESK_TUI_PAYMENTS_H
#define PAYDESK_TUI_PAYMENTS_H

#include "backoffice.h"

#define PAGE_MAX 256
/* The count above the list stops here ("100000+ payments"): counting
 * millions would cost more than the page. */
#define COUNT_MAX 100000

struct plist;
struct tab {
	struct plist *owner;
	struct list_filters lf;
	struct tui_list list;            /* the page; its search is the tab's */
	struct xcol cols[TUI_LIST_COLS]; /* the listing's, status never cut */
	enum pay_sort sort;
	int asc;
	/* starts[i]: the key after which page i begins (starts[0] unset);
	 * from the end (tail): page i counts back from the last page, and
	 * the key is the one before which it ends, in the reversed order */
	struct page_key *starts;
	size_t nstarts, page;
	int tail;
	struct payment_row *pay; /* the page, one row more when there is */
	struct credit_note *cn;  /* a next one */
	size_t n, sel;
	int more;      /* tail: more rows above the page, else below */
	int64_t count; /* rows the filter matches */
};

struct plist {
	struct tui_screen sc;
	struct tab tabs[2];
	int cur;       /* 0 payments, 1 credit notes */
	int page_rows; /* the rows a page had when read */
	unsigned gen;  /* t->list_gen when read */
	/* a drill-down's (screen_payments_posted): its days, and the
	 * dashboard's accounting period when they are its days ("" none):
	 * its export headed as the figure's rows (issue 23) */
	int drill;
	char drill_from[11], drill_to[11], drill_period[16];
};

/* The rows a page has on this screen (1..PAGE_MAX). */
int plist_rows(void);
/* The service filters of a tab; the strings point into the tab, from and
 * to are its date range as text. */
void plist_pay_filter(struct tui *t, struct tab *tb, struct payment_filter *f,
    char from[11], char to[11]);
void plist_credit_filter(struct tui *t, struct tab *tb, struct credit_filter *f,
    char from[11], char to[11]);
/* Read the current tab's page (and its count when count is set); a
 * failure is shown on the message line and leaves the page empty. */
void plist_load(struct plist *p, struct tui *t, int count);
/* From the first page again (a new search, filter or order). */
void plist_restart(struct plist *p, struct tui *t);
/* End: the last page, read as the first of the reversed order. */
void plist_last_page(struct plist *p, struct tui *t);
/* Is there a page below the one shown, or above? */
int plist_page_below(const struct tab *tb);
int plist_page_above(const struct tab *tb);
/* The page below or above; to_last selects its last row. */
void plist_next_page(struct plist *p, struct tui *t);
void plist_prev_page(struct plist *p, struct tui *t, int to_last);

#endif
