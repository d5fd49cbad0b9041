/* screen_shift_result.c - the blind close's result (issue 20): per tender
 * what was expected, what was counted and the over/short (coloured), now
 * that the count is in; the cash kept in the drawer for the next shift;
 * for each tender beyond the tolerance a reason, and a supervisor's
 * sign-off (user and PIN). Enter, asked twice, closes the shift in one
 * transaction (svc_shift_close) and prints its Z report. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

enum { A_CLOSE, A_BACK, A_DOWN, A_UP };

static const struct tui_key screen_shift_result_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Close shift"),
        N_("close the shift and print the Z report (asks first)"), A_CLOSE},
    {KEY_DOWN, "Down", NULL, N_("the next field (also {Tab})"), A_DOWN},
    {KEY_UP, "Up", NULL, N_("the field above"), A_UP},
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the count, to change it"),
        A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

#define NITEMS (CFG_LIST_MAX + 3)

struct result {
	struct tui_screen sc;
	struct drawer_close *d;
	struct shift_count *counts;
	size_t ncounts;
	struct shift_close_result res;
	int ok;    /* res holds the check */
	int asked; /* the question was put: Enter again closes */
	/* the form: the float kept, a reason per tender beyond tolerance
	 * (beyond[k]: its tender), the supervisor and the PIN */
	struct tui_form fm;
	struct tui_form_item items[NITEMS];
	size_t beyond[CFG_LIST_MAX];
	int nbeyond;
	char labels[CFG_LIST_MAX][96];
};

/* The columns of s, and the space after it. */
static int
cols_of(const char *s)
{
	return utf8_columns(s, strlen(s)) + 2;
}

/* The tenders' table: method, expected, counted, over/short; each
 * column as wide as its header or its widest cell, in display columns,
 * so that no word or amount is cut in any language. */
static int
table(struct result *r, struct tui *t, int y)
{
	static const char *const heads[] = {
	    N_("Method"), N_("Expected"), N_("Counted"), N_("Over/short")};
	int x[4], w[3], k;
	size_t i;
	char m[MONEY_BUFSZ + 32], v[MONEY_BUFSZ];

	for (k = 0; k < 3; k++)
		w[k] = cols_of(_(heads[k]));
	for (i = 0; i < r->res.ntenders; i++) {
		const struct shift_tender *tn = &r->res.tenders[i];
		int c = cols_of(tn->method);

		w[0] = c > w[0] ? c : w[0];
		c = cols_of(svc_money(t->svc, m, sizeof m, tn->expected));
		w[1] = c > w[1] ? c : w[1];
		c = cols_of(svc_money(t->svc, m, sizeof m, tn->counted));
		w[2] = c > w[2] ? c : w[2];
	}
	x[0] = 4;
	for (k = 1; k < 4; k++)
		x[k] = x[k - 1] + w[k - 1] + (k > 1 ? 2 : 0);
	attron(A_BOLD);
	for (k = 0; k < 3; k++)
		tui_cell(y, x[k], _(heads[k]), w[k] - 2 + (k > 0) * 2, k > 0);
	tui_text(y, x[3] + 2, _(heads[3]), COLS - x[3] - 3);
	attroff(A_BOLD);
	y++;
	for (i = 0; i < r->res.ntenders; i++, y++) {
		const struct shift_tender *tn = &r->res.tenders[i];
		int attr = (int)A_BOLD;

		if (tn->beyond)
			attr |= tui_attr(t, TUI_C_ERROR, A_BOLD);
		else if (tn->over_short == 0)
			attr = tui_attr(t, TUI_C_OK, 0);
		tui_cell(y, x[0], tn->method, w[0] - 2, 0);
		tui_cell(y, x[1], svc_money(t->svc, m, sizeof m, tn->expected),
		    w[1], 1);
		tui_cell(y, x[2], svc_money(t->svc, m, sizeof m, tn->counted),
		    w[2], 1);
		svc_money(t->svc, v, sizeof v, tn->over_short);
		if (tn->over_short < 0)
			snprintf(m, sizeof m, _("%s short"), v);
		else if (tn->over_short > 0)
			snprintf(m, sizeof m, _("%s over"), v);
		else
			snprintf(m, sizeof m, "%s", v);
		attron(attr);
		tui_text(y, x[3] + 2, m, COLS - x[3] - 3);
		attroff(attr);
		/* the cheques listed and taken that differ, under the row */
		if (tn->unmatched[0] != '\0') {
			char said[SHIFT_UNMATCHED_BUFSZ * 2];

			svc_shift_unmatched_words(
			    tn->unmatched, 0, NULL, said, sizeof said);
			attron(attr);
			y +=
			    tui_wrap(y + 1, x[0] + 2, said, COLS - x[0] - 4, 2);
			attroff(attr);
		}
	}
	return y;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct result *r = (struct result *)sc;
	int y = 2, lw = list_form_width(&r->fm, 16), fy;

	attron(A_BOLD);
	tui_text(y++, 2, _("The count against what was expected"), COLS - 4);
	attroff(A_BOLD);
	y++;
	/* a recount: nothing of it until a supervisor signs off (s72 h13,
	 * fault 3), the form only their name and PIN */
	if (!r->ok && !r->res.recount)
		return;
	if (r->ok)
		y = table(r, t, y) + 1;
	if (r->nbeyond > 0 || r->res.recount) {
		attron(tui_attr(t, TUI_C_ERROR, A_BOLD));
		y += tui_wrap(y, 2,
		    r->nbeyond > 0
		        ? _("Beyond the tolerance: give a reason, and a "
		            "supervisor signs off with their PIN.")
		        : _("Counted again after it was shown: a supervisor "
		            "signs off."),
		    COLS - 4, 2);
		attroff(tui_attr(t, TUI_C_ERROR, A_BOLD));
	}
	y++;
	fy = y;
	tui_form_draw(t, &r->fm, y, 4, lw, COLS - 8 > 70 ? 70 : COLS - 8);
	if (tui_form_typing(&r->fm)) {
		const struct tui_form_item *it = &r->fm.items[r->fm.focus];
		int i, row = 0;

		for (i = 0; i < r->fm.focus; i++)
			row += !r->fm.items[i].hidden;
		t->cur_y = fy + row;
		t->cur_x = 4 + lw + 2 +
		           (it->f.masked ? (int)utf8_chars(it->f.buf, it->f.len)
		                         : utf8_columns(it->f.buf, it->f.len));
	}
}

/* The index in items[] of the supervisor's field, the PIN after it. */
#define SUP(r) ((r)->nbeyond + 1)

/* The request from the counts and the form; 0 and a message when the
 * float kept is not an amount. */
static int
request(struct result *r, struct tui *t, struct shift_close_request *q,
    struct shift_reason *reasons)
{
	struct pd_err err;
	int k;

	memset(q, 0, sizeof *q);
	q->counts = r->counts;
	q->ncounts = r->ncounts;
	q->cashier = r->d->sh.cashier; /* a supervisor's close of another's */
	/* as filled in (the service's default, svc_shift_close_check):
	 * unchanged, the service keeps its default */
	if (r->items[0].changed && r->items[0].f.len > 0) {
		if (svc_money_parse(t->svc, r->items[0].f.buf,
		        r->items[0].label, &q->keep, &err) != 0) {
			tui_message(t, 1, "%s", err.msg);
			r->fm.focus = 0;
			return 0;
		}
		q->has_keep = 1;
	}
	for (k = 0; k < r->nbeyond; k++) {
		reasons[k].method = r->res.tenders[r->beyond[k]].method;
		reasons[k].text = r->items[1 + k].f.buf;
	}
	q->reasons = reasons;
	q->nreasons = (size_t)r->nbeyond;
	if (r->nbeyond > 0 || r->res.recount) {
		q->approval.user = r->items[SUP(r)].f.buf;
		q->approval.pin = r->items[SUP(r) + 1].f.buf;
	}
	return 1;
}

/* Close, then print the Z report; back to Home with the outcome. */
static int
close_shift(struct result *r, struct tui *t)
{
	struct shift_close_request q;
	struct shift_reason reasons[CFG_LIST_MAX];
	struct shift_close_result res;
	struct doc_request dq = {0};
	struct doc_result doc;
	struct pd_err err;
	char z[SHIFT_NO_BUFSZ];

	if (!request(r, t, &q, reasons))
		return TUI_HANDLED;
	memset(&res, 0, sizeof res);
	if (svc_shift_close(t->svc, &q, &res, &err) != 0) {
		svc_shift_close_result_free(&res);
		tui_message(t, 1, "%s", err.msg);
		r->asked = 0;
		return TUI_HANDLED;
	}
	snprintf(z, sizeof z, "%s", res.sh.z_no);
	svc_shift_close_result_free(&res);
	memset(r->items[SUP(r) + 1].f.buf, 0, sizeof r->items[0].f.buf);
	dq.print = 1;
	memset(&doc, 0, sizeof doc);
	if (svc_shift_z_issue(t->svc, z, &dq, &doc, &err) != 0)
		tui_message(t, 1,
		    _("Shift closed: %s; the Z report failed: %s"), z, err.msg);
	else if (doc.printed)
		tui_message(t, 0, _("Shift closed: %s, Z report printed"), z);
	else
		tui_message(t, 0, _("Shift closed: %s, Z report written to %s"),
		    z, doc.path);
	t->unwind_to = r->d->home;
	t->list_gen++;
	return TUI_HANDLED;
}

/* What was typed, kept in the close for the result shown again after
 * the count is changed: the float kept when changed, the reasons by
 * tender, the supervisor (not the PIN). */
static void
keep(struct result *r)
{
	struct drawer_close *d = r->d;
	int k;

	if (r->items[0].changed) {
		d->keep_changed = 1;
		snprintf(d->keep_typed, sizeof d->keep_typed, "%s",
		    r->items[0].f.buf);
	}
	for (k = 0; k < r->nbeyond; k++)
		drawer_reason_typed(d, r->res.tenders[r->beyond[k]].method,
		    r->items[1 + k].f.buf);
	if (r->nbeyond > 0 || r->res.recount)
		snprintf(d->supervisor_typed, sizeof d->supervisor_typed, "%s",
		    r->items[SUP(r)].f.buf);
}

static void form(struct result *r, struct tui *t);

/* A recount's result once the supervisor typed signs it off (their PIN
 * checked by the service): the figures shown, the form again with the
 * supervisor and PIN as typed. */
static int
recheck(struct result *r, struct tui *t)
{
	struct shift_close_request q;
	struct pd_err err;
	char sup[SHIFT_USER_BUFSZ], pin[sizeof r->items[0].f.buf];

	snprintf(sup, sizeof sup, "%s", r->items[SUP(r)].f.buf);
	snprintf(pin, sizeof pin, "%s", r->items[SUP(r) + 1].f.buf);
	memset(&q, 0, sizeof q);
	q.counts = r->counts;
	q.ncounts = r->ncounts;
	q.cashier = r->d->sh.cashier;
	q.approval.user = sup;
	q.approval.pin = pin;
	svc_shift_close_result_free(&r->res);
	if (svc_shift_close_check(t->svc, &q, &r->res, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		r->res.recount = 1;
	} else {
		r->ok = 1;
		snprintf(r->d->supervisor_typed, sizeof r->d->supervisor_typed,
		    "%s", sup);
		memset(r->items[SUP(r) + 1].f.buf, 0, sizeof pin);
		r->nbeyond = 0;
		form(r, t);
		tui_field_set(&r->items[SUP(r) + 1].f, pin);
	}
	memset(pin, 0, sizeof pin);
	return TUI_HANDLED;
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct result *r = (struct result *)sc;
	char m[MONEY_BUFSZ];

	switch (a) {
	case A_BACK:
		keep(r);
		return TUI_CLOSE;
	case A_DOWN:
	case A_UP:
		tui_form_input(&r->fm, a == A_DOWN ? KEY_DOWN : KEY_UP, 0);
		return TUI_HANDLED;
	case A_CLOSE:
		if (!r->ok)
			return r->res.recount ? recheck(r, t) : TUI_HANDLED;
		if (!r->asked) {
			struct shift_close_request q;
			struct shift_reason reasons[CFG_LIST_MAX];
			struct pd_err err;
			int64_t counted = 0;
			size_t i;

			/* checked as the close would be (the float kept, the
			 * reasons, the supervisor) before the question, which
			 * is asked of a close that would go ahead */
			if (!request(r, t, &q, reasons))
				return TUI_HANDLED;
			if (svc_shift_close_ready(t->svc, &q, &err) != 0) {
				tui_message(t, 1, "%s", err.msg);
				return TUI_HANDLED;
			}
			for (i = 0; i < r->ncounts; i++)
				counted += r->counts[i].amount;
			r->asked = 1;
			tui_message(t, 1,
			    _("Close the shift with %s counted? {Enter} again "
			      "to close"),
			    svc_money(t->svc, m, sizeof m, counted));
			return TUI_HANDLED;
		}
		return close_shift(r, t);
	}
	return 0;
}

static int
input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct result *r = (struct result *)sc;
	int rc = tui_form_key(t, &r->fm, key, ch);

	if (rc > 0)
		r->asked = 0;
	return rc != 0 ? TUI_HANDLED : 0;
}

static void
free_result(struct tui_screen *sc)
{
	struct result *r = (struct result *)sc;

	if (r->nbeyond > 0 || r->res.recount)
		memset(r->items[SUP(r) + 1].f.buf, 0, sizeof r->items[0].f.buf);
	free(r->counts);
	svc_shift_close_result_free(&r->res);
}

const struct tui_screen_class screen_shift_result_class = {
    .name = "Close shift 4 Result",
    .title = N_("Close shift"),
    .keys = screen_shift_result_keys,
    .nkeys = TUI_NKEYS(screen_shift_result_keys),
    .draw = draw,
    .action = action,
    .input = input,
    .free = free_result,
    .fields = 1,
};

/* The form: the float kept (the service's default: the opening float,
 * or the cash counted where that is less), a reason per tender beyond
 * tolerance, the supervisor and the PIN. */
static void
form(struct result *r, struct tui *t)
{
	char m[MONEY_BUFSZ];
	size_t i;
	int n = 0;

	svc_money_bare(t->svc, m, sizeof m,
	    r->ok ? r->res.sh.float_kept : r->d->sh.float_counted, 0);
	/* typed before, where Esc went back to the count (keep) */
	tui_form_text(&r->items[n], _("Float kept"), 16,
	    r->d->keep_changed ? r->d->keep_typed : m);
	r->items[n].changed = r->d->keep_changed;
	r->items[n++].kind = FORM_MONEY;
	for (i = 0; i < r->res.ntenders && r->nbeyond < CFG_LIST_MAX; i++) {
		if (!r->res.tenders[i].beyond)
			continue;
		snprintf(r->labels[r->nbeyond], sizeof r->labels[0],
		    _("Reason (%s)"), r->res.tenders[i].method);
		r->beyond[r->nbeyond++] = i;
		tui_form_text(&r->items[n++], r->labels[r->nbeyond - 1],
		    SHIFT_REASON_BUFSZ - 1,
		    drawer_reason_typed(r->d, r->res.tenders[i].method, NULL));
	}
	if (r->nbeyond > 0 || r->res.recount) {
		tui_form_text(&r->items[n++], _("Supervisor"),
		    SHIFT_USER_BUFSZ - 1, r->d->supervisor_typed);
		tui_form_text(&r->items[n++], _("Supervisor's PIN"), 32, NULL);
		r->items[n - 1].f.masked = 1;
	}
	r->fm.items = r->items;
	r->fm.n = n;
	r->fm.focus = r->nbeyond > 0 ? 1 : r->res.recount ? SUP(r) : 0;
	tui_field_enter(&r->items[r->fm.focus].f);
}

struct tui_screen *
screen_shift_result_new(struct tui *t, struct drawer_close *d)
{
	struct result *r = xcalloc(1, sizeof *r);
	struct shift_close_request q;
	struct pd_err err;

	r->d = d;
	r->counts = drawer_counts(d, &r->ncounts);
	memset(&q, 0, sizeof q);
	q.counts = r->counts;
	q.ncounts = r->ncounts;
	q.cashier = d->sh.cashier;
	if (svc_shift_close_check(t->svc, &q, &r->res, &err) != 0)
		tui_message(t, 1, "%s", err.msg);
	else
		r->ok = 1;
	r->sc.cls = &screen_shift_result_class;
	r->sc.typing = 1;
	form(r, t);
	return &r->sc;
}
