/* wizard.h - what the Record Payment steps share. The first step owns it;
 * each later step is a screen on top of the one before, so Esc goes back
 * one step and everything typed so far is still here until the payment is
 * confirmed. The rules (amount, threshold, change, overpayment) are the
 * service's: the steps ask svc_pay_quote and show what it says. */
#ifndef PAYDESK_TUI_WIZARD_H
#define PAYDESK_TUI_WIZARD_H
#include "tui.h"

#define WIZARD_STEPS 8

struct wizard {
	int find;                 /* Find Consumer: the account view first */
	struct tui_screen *first; /* step 1, for Record Another Payment */

	/* 1: the search */
	struct tui_field search;
	struct consumer *found;
	size_t nfound, sel;
	char search_err[256];

	/* 2: the consumer chosen */
	int have;
	struct consumer_view cv;
	struct payment_row *recent; /* Find Consumer: latest payments */
	size_t nrecent;

	/* 3 */
	int channel; /* index in cfg.channels */

	/* 4 */
	enum pay_type type;
	/* per cv.items: 0 not to be paid, else the order it was picked in
	 * (1, 2, ...: next_pick numbers them) */
	unsigned *picked;
	unsigned next_pick;
	int hand; /* split in the order picked (rule "hand"), not by
	             payments.allocation */
	size_t item_sel;       /* cursor among the items of type */

	/* 5 */
	int method; /* index in cfg.methods */
	int focus;  /* 0 method, 1 amount, 2 received (cash) or reference */
	struct tui_field amount, received;
	struct tui_field reference; /* methods that take one (rule) */
	int amount_typed; /* the cashier changed the amount */

	/* 6 */
	struct tui_field notes;

	/* the last quote of the request as it stands */
	int quoted; /* 1 ok, 0 refused (qerr says why) */
	struct pay_quote q;
	struct pd_err qerr;

	/* 8 */
	struct pay_result res;
	struct payment_view pv;
	struct doc_result doc;
	char doc_msg[PATH_MAX + 160];
	int doc_failed;
};

struct wizard *wizard_new(int find);
void wizard_free(struct wizard *w);
/* Choose the consumer with this account number: read its account view
 * and open items (those due this month: overdue or due by its end, selected:
 * issue 17 section 4); a
 * different consumer starts the later steps afresh, the same one is read
 * again (wizard_refresh). 0 or -1 with a message. */
int wizard_choose(struct wizard *w, struct tui *t, const char *account);
/* Read the chosen consumer's account, open items and latest payments
 * again (another terminal or a sync may have paid since): the choices
 * made stay for the items still open, a new item is selected if due this month;
 * the quote is asked again if there was one. Each step calls it when it
 * comes on top, and a refused posting does. 0 or -1 with a message. */
int wizard_refresh(struct wizard *w, struct tui *t);
/* Forget everything after step 1 (Record Another Payment). */
void wizard_reset(struct wizard *w);

/* Whether step 4 shows items of kind: those of the type chosen, all
 * with PAY_MIXED (issue 21: one payment for bills and services). */
int wizard_shows(const struct wizard *w, enum pay_type kind);
/* Open items of the chosen type as indexes in cv.items (malloc'd). */
size_t *wizard_items(const struct wizard *w, size_t *n);
/* Pick item i of cv.items (numbered after the last one picked) or leave
 * it (on 0). */
void wizard_pick(struct wizard *w, size_t i, int on);
/* Outstanding of the picked items of the type, and how many. */
int64_t wizard_picked_total(const struct wizard *w, size_t *count);

/* Ask the service about the request as it stands; sets quoted/qerr. */
void wizard_quote(struct wizard *w, struct tui *t);
/* Post the request: one transaction; then the receipt. 0 or -1. */
int wizard_post(struct wizard *w, struct tui *t);

/* The band at the top of each step: the step and the consumer; returns
 * the first row free below it. what: the step's name, marked N_(). */
int wizard_band(const struct wizard *w, int step, const char *what);
/* "2 Bills": n items of the type, translated with its plural; in buf
 * (size bytes), returned. */
const char *wizard_items_text(
    enum pay_type type, size_t n, char *buf, size_t size);

/* What names one item being paid (issue 17 section 4): "Invoice
 * INV-1, Mar 2025", "Late Fee, SRV-1", "Plan PP-1, installment 2"; in
 * buf (size bytes), returned. */
const char *wizard_item_name(
    const struct svc *s, const struct item *it, char *buf, size_t size);
/* What the quote pays against what is due: "$60.00 of $100.00 on 2
 * services" (the part paid is at most what is due; the rest is extra),
 * of the items it reaches only, and how many selected it does not
 * ("$60.00 of $70.00 on 2 services; 1 more item selected is not
 * reached"); in buf (size bytes), returned. Needs w->quoted. */
const char *wizard_paid_text(
    const struct wizard *w, struct tui *t, char *buf, size_t size);
/* The items of q that its amount pays something (all of them when it
 * pays none): those the receipt lists. */
size_t wizard_items_reached(const struct pay_quote *q);
/* Whether item i of q is one the payment pays (reached: what
 * wizard_items_reached says of q), as the receipt lists them. */
int wizard_item_paid(const struct pay_quote *q, size_t i, size_t reached);

/* The steps after the first, each on top of the one before. */
struct tui_screen *screen_pay_account_new(struct wizard *w, struct tui *t);
struct tui_screen *screen_pay_channel_new(struct wizard *w);
struct tui_screen *screen_pay_items_new(struct wizard *w);
struct tui_screen *screen_pay_method_new(struct wizard *w, struct tui *t);
struct tui_screen *screen_pay_summary_new(struct wizard *w);
struct tui_screen *screen_pay_review_new(struct wizard *w);
struct tui_screen *screen_pay_done_new(struct wizard *w);

#endif
