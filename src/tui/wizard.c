/* wizard.c - the state of one Record Payment, from the consumer search to
 * the receipt, and the calls to the service that check and post it. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "wizard.h"

#define RECENT_MAX 20

struct wizard *
wizard_new(int find)
{
	struct wizard *w = xcalloc(1, sizeof *w);

	w->find = find;
	w->search.max = 64;
	w->amount.max = 20;
	w->received.max = 20;
	w->reference.max = PAYREF_MAX;
	w->amount.money = w->received.money = 1;
	return w;
}

static void
forget_quote(struct wizard *w)
{
	if (w->quoted)
		svc_pay_quote_free(&w->q);
	w->quoted = 0;
	w->qerr.msg[0] = '\0';
}

static void
forget_consumer(struct wizard *w)
{
	forget_quote(w);
	if (w->have)
		svc_consumer_view_free(&w->cv);
	free(w->picked);
	free(w->recent);
	w->picked = NULL;
	w->recent = NULL;
	w->nrecent = 0;
	w->have = 0;
}

static void
forget_posting(struct wizard *w)
{
	if (w->pv.p.id != 0)
		svc_payment_view_free(&w->pv);
	memset(&w->pv, 0, sizeof w->pv);
	memset(&w->res, 0, sizeof w->res);
	memset(&w->doc, 0, sizeof w->doc);
	w->doc_msg[0] = '\0';
	w->doc_failed = 0;
}

void
wizard_free(struct wizard *w)
{
	wizard_reset(w);
	free(w);
}

void
wizard_reset(struct wizard *w)
{
	forget_consumer(w);
	forget_posting(w);
	free(w->found);
	w->found = NULL;
	w->nfound = w->sel = 0;
	w->search.len = 0;
	w->search.buf[0] = '\0';
	w->search_err[0] = '\0';
}

static int
add_recent(const struct payment_row *row, void *arg)
{
	struct wizard *w = arg;

	w->recent[w->nrecent++] = *row;
	return w->nrecent == RECENT_MAX;
}

/* An item due this month (issue 17 section 4): overdue, or current (due
 * in this month); one due in a later month is paid ahead, and step 4
 * does not select it of itself. Not "due now": that names the balance,
 * what is due by today (issue 17 review: one term per meaning). Dates are "YYYY-MM-DD": the month is the
 * first 7 bytes. */
static int
due_this_month(const struct item *it, const char *today)
{
	return strncmp(it->due_on, today, 7) <= 0;
}

/* The consumer's latest payments, read again. */
static void
read_recent(struct wizard *w, struct tui *t)
{
	struct payment_filter f;
	struct pd_err err;

	free(w->recent);
	w->nrecent = 0;
	memset(&f, 0, sizeof f);
	f.status = f.type = -1;
	f.consumer_id = w->cv.c.id;
	f.limit = RECENT_MAX;
	w->recent = xcalloc(RECENT_MAX, sizeof *w->recent);
	if (svc_payments_each(t->svc, &f, add_recent, w, &err) != 0)
		tui_message(t, 1, "%s", err.msg);
}

int
wizard_refresh(struct wizard *w, struct tui *t)
{
	struct consumer_view cv;
	struct pd_err err;
	unsigned *picked;
	char today[11];
	size_t i, j, n;
	int quoted = w->quoted;

	if (!w->have)
		return 0;
	if (svc_consumer_show(t->svc, w->cv.c.account_no, &cv, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return -1;
	}
	svc_today(today);
	picked = xcalloc(cv.nitems + 1, sizeof *picked);
	for (i = 0; i < cv.nitems; i++) {
		for (j = 0; j < w->cv.nitems; j++)
			if (w->cv.items[j].id == cv.items[i].id)
				break;
		if (j < w->cv.nitems)
			picked[i] = w->picked[j];
		else if (due_this_month(&cv.items[i], today))
			picked[i] = ++w->next_pick;
	}
	forget_quote(w);
	svc_consumer_view_free(&w->cv);
	free(w->picked);
	w->cv = cv;
	w->picked = picked;
	free(wizard_items(w, &n));
	if (w->item_sel >= n)
		w->item_sel = n > 0 ? n - 1 : 0;
	read_recent(w, t);
	if (quoted)
		wizard_quote(w, t);
	return 0;
}

int
wizard_choose(struct wizard *w, struct tui *t, const char *account)
{
	const struct config *cfg = &t->svc->cfg;
	struct pd_err err;
	const char *walkin;
	char today[11];
	size_t i;
	int k;

	if (w->have && strcmp(w->cv.c.account_no, account) == 0)
		return wizard_refresh(w, t); /* the same consumer: keep what
		                               * was chosen, read afresh */
	forget_consumer(w);
	if (svc_consumer_show(t->svc, account, &w->cv, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return -1;
	}
	w->have = 1;
	svc_today(today);
	w->picked = xcalloc(w->cv.nitems + 1, sizeof *w->picked);
	w->next_pick = 0;
	w->hand = 0;
	for (i = 0; i < w->cv.nitems; i++)
		if (due_this_month(&w->cv.items[i], today))
			w->picked[i] = ++w->next_pick;
	/* the first type that has something open, bills when none has */
	w->type = PAY_BILL;
	for (k = PAY_INSTALLMENT; k >= PAY_BILL; k--)
		for (i = 0; i < w->cv.nitems; i++)
			if ((int)w->cv.items[i].kind == k)
				w->type = k;
	w->item_sel = 0;
	walkin = svc_channel(cfg, "Walk-in");
	w->channel = 0;
	for (k = 0; walkin != NULL && k < cfg->nchannels; k++)
		if (cfg->channels[k] == walkin)
			w->channel = k;
	w->method = 0;
	w->focus = 0;
	w->amount.len = w->received.len = w->notes.len = 0;
	w->amount.buf[0] = w->received.buf[0] = w->notes.buf[0] = '\0';
	w->reference.len = 0;
	w->reference.buf[0] = '\0';
	w->amount_typed = 0;
	w->notes.max = cfg->notes_max;
	read_recent(w, t);
	return 0;
}

int
wizard_shows(const struct wizard *w, enum pay_type kind)
{
	return w->type == PAY_MIXED || kind == w->type;
}

size_t *
wizard_items(const struct wizard *w, size_t *n)
{
	size_t *idx = xcalloc(w->cv.nitems + 1, sizeof *idx), i;

	*n = 0;
	for (i = 0; w->have && i < w->cv.nitems; i++)
		if (wizard_shows(w, w->cv.items[i].kind))
			idx[(*n)++] = i;
	return idx;
}

void
wizard_pick(struct wizard *w, size_t i, int on)
{
	if (!on)
		w->picked[i] = 0;
	else if (!w->picked[i])
		w->picked[i] = ++w->next_pick;
}

int64_t
wizard_picked_total(const struct wizard *w, size_t *count)
{
	int64_t sum = 0;
	size_t i;

	*count = 0;
	for (i = 0; w->have && i < w->cv.nitems; i++)
		if (wizard_shows(w, w->cv.items[i].kind) && w->picked[i]) {
			sum += w->cv.items[i].amount - w->cv.items[i].settled;
			(*count)++;
		}
	return sum;
}

/* The order item ref (of cv.items) was picked in. */
static unsigned
pick_of(const struct wizard *w, const char *ref)
{
	size_t i;

	for (i = 0; i < w->cv.nitems; i++)
		if (strcmp(w->cv.items[i].ref, ref) == 0)
			return w->picked[i];
	return 0;
}

/* The request as the steps have it; refs must hold cv.nitems. */
static int
request(struct wizard *w, struct tui *t, struct pay_request *r,
    const char **refs, struct pd_err *err)
{
	const struct config *cfg = &t->svc->cfg;
	const struct pay_method *m = &cfg->methods[w->method];
	size_t i;

	memset(r, 0, sizeof *r);
	r->account = w->cv.c.account_no;
	r->type = w->type;
	r->items = refs;
	r->hand = w->hand;
	for (i = 0; i < w->cv.nitems; i++)
		if (wizard_shows(w, w->cv.items[i].kind) && w->picked[i])
			refs[r->nitems++] = w->cv.items[i].ref;
	/* by hand: in the order picked (an insertion sort: a counter's
	 * handful of items) */
	for (i = 1; w->hand && i < r->nitems; i++) {
		const char *ref = refs[i];
		unsigned no = pick_of(w, ref);
		size_t j = i;

		for (; j > 0 && pick_of(w, refs[j - 1]) > no; j--)
			refs[j] = refs[j - 1];
		refs[j] = ref;
	}
	/* asked for on steps 5 to 7 too (after a refusal the account is
	 * read again and what was selected may be paid): the hint says what
	 * works there, not step 4's Space (issue 17) */
	if (r->nitems == 0)
		return pd_fail(err, PD_EINVAL, "%s",
		    tui_keys(_("No item selected: go back ({Esc}) to step 4 "
		               "and select one")));
	r->method = m->name;
	r->channel = cfg->channels[w->channel];
	if (w->amount.len == 0)
		return pd_fail(err, PD_EINVAL, "%s",
		    _("Type the amount to pay (step 5)"));
	if (svc_money_parse(
	        t->svc, w->amount.buf, _("Amount"), &r->amount, err) != 0)
		return -1;
	if (m->kind == METHOD_CASH && w->received.len > 0) {
		if (svc_money_parse(t->svc, w->received.buf,
		        _("Amount received"), &r->tendered, err) != 0)
			return -1;
		r->has_tendered = 1;
	}
	r->notes = w->notes.len > 0 ? w->notes.buf : NULL;
	/* what was typed for another method stays in the field, unsent */
	if (m->reference != PAYREF_NONE && w->reference.len > 0)
		r->reference = w->reference.buf;
	return 0;
}

void
wizard_quote(struct wizard *w, struct tui *t)
{
	struct pay_request r;
	const char **refs = xcalloc(w->cv.nitems + 1, sizeof *refs);

	forget_quote(w);
	if (request(w, t, &r, refs, &w->qerr) == 0 &&
	    svc_pay_quote(t->svc, &r, &w->q, &w->qerr) == 0)
		w->quoted = 1;
	free(refs);
}

int
wizard_post(struct wizard *w, struct tui *t)
{
	struct pay_request r;
	struct doc_request dq = {0};
	struct pd_err err;
	const char **refs = xcalloc(w->cv.nitems + 1, sizeof *refs);
	int rc;

	forget_posting(w);
	rc = request(w, t, &r, refs, &err);
	if (rc == 0)
		rc = svc_pay_post(t->svc, &r, &w->res, &err);
	free(refs);
	if (rc != 0) {
		/* what made it refuse may be another terminal's payment: the
		 * steps show the account as it is now */
		wizard_refresh(w, t);
		tui_message(t, 1, _("Not posted: %s"), err.msg);
		return -1;
	}
	/* the screens under the wizard that read before (the Dashboard's
	 * figures, a payments list) read again (helper-258, fault 2) */
	t->list_gen++;
	if (svc_payment_show(t->svc, w->res.p.receipt_no, &w->pv, &err) != 0)
		memset(&w->pv, 0, sizeof w->pv);
	/* the receipt comes after the commit; failing it posts nothing less */
	dq.print = t->svc->cfg.print_command[0] != '\0';
	if (svc_receipt_issue(
	        t->svc, w->res.p.receipt_no, &dq, &w->doc, &err) != 0) {
		w->doc_failed = 1;
		snprintf(
		    w->doc_msg, sizeof w->doc_msg, _("Receipt: %s"), err.msg);
	} else if (w->doc.printed)
		snprintf(w->doc_msg, sizeof w->doc_msg,
		    _("Receipt printed; the PDF is %s"), w->doc.path);
	else
		snprintf(w->doc_msg, sizeof w->doc_msg,
		    _("Receipt written to %s"), w->doc.path);
	if (tui_doc_gaps(
	        w->res.p.receipt_no, &w->doc, w->doc_msg, sizeof w->doc_msg))
		w->doc_failed = 1; /* in the error colour, to be seen */
	return 0;
}

int
wizard_band(const struct wizard *w, int step, const char *what)
{
	char left[256], right[200];
	int rw;

	if (w->find && step <= 2) /* Find Consumer: not yet in the wizard */
		snprintf(left, sizeof left, "%s", _(what));
	else
		snprintf(left, sizeof left, _("Step %d of %d  %s"), step,
		    WIZARD_STEPS, _(what));
	attron(A_BOLD);
	tui_text(2, 2, left, COLS - 4);
	attroff(A_BOLD);
	if (w->have && step > 1) {
		int x, room, aw = utf8_columns(
		                 w->cv.c.account_no, strlen(w->cv.c.account_no));
		char name[256];

		rw = utf8_columns(left, strlen(left)) + 4;
		x = COLS / 2 > rw ? COLS / 2 : rw;
		room = COLS - x - 2;
		/* the account number whole, the name cut with "…" before it
		 * (issue 17: a long name was cut without a sign) */
		if (room > aw + 4) {
			snprintf(right, sizeof right, "%s  %s",
			    tui_fit(w->cv.c.name, room - aw - 2, name,
			        sizeof name),
			    w->cv.c.account_no);
			tui_text(2, x, right, room);
		}
	}
	return 4;
}

const char *
wizard_items_text(enum pay_type type, size_t n, char *buf, size_t size)
{
	switch (type) {
	case PAY_BILL:
		snprintf(buf, size, ngettext("%zu Bill", "%zu Bills", n), n);
		break;
	case PAY_SERVICE:
		snprintf(
		    buf, size, ngettext("%zu Service", "%zu Services", n), n);
		break;
	case PAY_INSTALLMENT:
		snprintf(buf, size,
		    ngettext("%zu Installment", "%zu Installments", n), n);
		break;
	case PAY_MIXED:
		snprintf(buf, size, ngettext("%zu Item", "%zu Items", n), n);
		break;
	}
	return buf;
}

const char *
wizard_item_name(
    const struct svc *s, const struct item *it, char *buf, size_t size)
{
	char period[64];

	switch (it->kind) {
	case PAY_BILL:
		snprintf(buf, size, _("Invoice %s, %s"), it->ref,
		    svc_period(s, period, sizeof period, it->period));
		break;
	case PAY_SERVICE:
		snprintf(buf, size, _("%s, %s"), it->description, it->ref);
		break;
	case PAY_INSTALLMENT:
		snprintf(buf, size, _("Plan %s, installment %d"), it->plan_no,
		    it->inst_no);
		break;
	case PAY_MIXED: /* never an item's kind */
		xstrlcpy(buf, it->ref, size);
		break;
	}
	return buf;
}

const char *
wizard_paid_text(const struct wizard *w, struct tui *t, char *buf, size_t size)
{
	const struct pay_quote *q = &w->q;
	char paid[MONEY_BUFSZ], due[MONEY_BUFSZ];
	size_t n = wizard_items_reached(q), i, len;
	int64_t owed = 0;

	/* the items the amount reaches, what they owe: one selected that
	 * gets nothing is no item paid, as the receipt lists none (h1,
	 * fault C: "on 4 items", the fourth paid $0.00) */
	for (i = 0; i < q->nitems; i++)
		if (q->items[i].applied > 0 || n == q->nitems)
			owed += q->items[i].outstanding;
	svc_money(
	    t->svc, paid, sizeof paid, q->amount < owed ? q->amount : owed);
	svc_money(t->svc, due, sizeof due, owed);
	/* the quote's type: the Mixed tab's items may all be of one kind */
	switch (q->type) {
	case PAY_BILL:
		snprintf(buf, size,
		    ngettext("%s of %s on %zu bill", "%s of %s on %zu bills", n),
		    paid, due, n);
		break;
	case PAY_SERVICE:
		snprintf(buf, size,
		    ngettext("%s of %s on %zu service",
		        "%s of %s on %zu services", n),
		    paid, due, n);
		break;
	case PAY_INSTALLMENT:
		snprintf(buf, size,
		    ngettext("%s of %s on %zu installment",
		        "%s of %s on %zu installments", n),
		    paid, due, n);
		break;
	case PAY_MIXED:
		snprintf(buf, size,
		    ngettext("%s of %s on %zu item of several kinds",
		        "%s of %s on %zu items of several kinds", n),
		    paid, due, n);
		break;
	}
	/* and how many selected it does not reach */
	if (n < q->nitems && (len = strlen(buf)) < size)
		snprintf(buf + len, size - len,
		    ngettext("; %zu more item selected is not reached",
		        "; %zu more items selected are not reached",
		        q->nitems - n),
		    q->nitems - n);
	return buf;
}

size_t
wizard_items_reached(const struct pay_quote *q)
{
	size_t i, n = 0;

	for (i = 0; i < q->nitems; i++)
		n += q->items[i].applied > 0;
	/* none reached (nothing to pay): each counted, as before */
	return n > 0 ? n : q->nitems;
}

int
wizard_item_paid(const struct pay_quote *q, size_t i, size_t reached)
{
	return q->items[i].applied > 0 || reached == q->nitems;
}
