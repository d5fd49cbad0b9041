/* screen_disputes.c - disputes of payments (issue 21; recovery and up):
 * the list `paydesk dispute list` prints, unresolved first and soonest
 * due first, with each one's status, reason, what the payer disputes
 * (all or part of the payment's amount), due date and age; F2 shows the
 * unresolved ones or one status in turn; Enter opens the dispute with its
 * timeline (every step, who, when, the note); r puts an open one under review,
 * u upholds one (a supervisor's: a void or a credit note,
 * screen_dispute_step.c) and n rejects one with a note; x exports the
 * list as shown, every column of `paydesk dispute list` (a supervisor's,
 * as a file of consumers' names is). Reached from Home (Disputes); read
 * again when it comes back on top. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_OPEN = 1, A_STATUS, A_REVIEW, A_UPHOLD, A_REJECT, A_EXPORT, A_BACK };

static const struct tui_key screen_disputes_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Open"),
        N_("the dispute selected, with its timeline"), A_OPEN},
    {KEY_F(2), "F2", N_("Status"),
        N_("every dispute, the unresolved, or one status in turn"), A_STATUS},
    {'r', "r", N_("Review"), N_("put the open dispute selected under review"),
        A_REVIEW},
    {'u', "u", N_("Uphold"),
        N_("uphold the one selected: a void or a credit note (supervisor)"),
        A_UPHOLD},
    /* n: x exports, as in every list (helper-251, fault 1) */
    {'n', "n", N_("Reject"), N_("reject the dispute selected, with a note"),
        A_REJECT},
    {'x', "x", N_("Export"),
        N_("export the list as shown as CSV or Excel (supervisor)"), A_EXPORT},
    TUI_LIST_KEYS,
    /* the columns a narrow screen hides, the consumer last (helper-258,
     * fault 3: at 80 columns it was out of reach) */
    TUI_LIST_SCROLL_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to Home"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

/* The filters F2 goes through, as svc_dispute_list takes them. */
static const char *const filters[] = {
    NULL, "unresolved", "open", "review", "upheld", "rejected"};
#define NFILTERS (sizeof filters / sizeof filters[0])

struct disputes {
	struct tui_screen sc;
	struct tui_list list;
	struct dispute *rows;
	size_t n;
	size_t filter;
};

static const struct xcol cols[] = {
    /* the number whole: the only thing that tells disputes apart before
     * Enter (helper-252, fault 2: "DP-T01-0000…" on every row) */
    {NC_("column", "Dispute"), "dispute_no", X_ID, 16, 0},
    {NC_("column", "Status"), "status", X_TERM, 18, 0},
    {NC_("column", "Reason"), "reason", X_TERM, 16, 8},
    /* what the payer disputes, part or all of the payment's amount
     * (the view gives both): the list's 76 columns take no more */
    {NC_("column", "Disputed"), "disputed", X_MONEY, 10, 0},
    {NC_("column", "Due"), "due_on", X_DATE, 10, 0},
    {NC_("column", "Age"), "age", X_INT, 4, 0},
    {NC_("column", "Consumer"), "consumer", X_TEXT, 0, 8},
};

static void
cells(struct tui *t, void *arg, size_t row, struct xcell *c, char *buf)
{
	const struct dispute *d = &((struct disputes *)arg)->rows[row];
	int age, overdue;

	(void)t;
	(void)buf;
	svc_dispute_days(d, &age, &overdue);
	c[0].s = d->dispute_no;
	c[1].s = dsp_status_label(d->status);
	c[2].s = dsp_reason_label(d->reason);
	c[3].n = d->disputed;
	c[4].s = d->due_on;
	c[5].n = age;
	c[6].s = d->consumer_name;
}

static void
load(struct disputes *ds, struct tui *t)
{
	struct pd_err err;

	free(ds->rows);
	ds->n = 0;
	ds->rows =
	    svc_dispute_list(t->svc, filters[ds->filter], NULL, &ds->n, &err);
	if (ds->rows == NULL)
		tui_message(t, 1, "%s", err.msg);
	tui_list_set(&ds->list, ds->n);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct disputes *ds = (struct disputes *)sc;
	char line[256], num[SVC_COUNT_BUFSZ];
	int y = 2;

	/* the count and the filter one sentence, its colon and agreement
	 * the language's (helper-252, fault 4: "0 litige: non réglés") */
	svc_count(t->svc, num, sizeof num, (int64_t)ds->n);
	if (ds->filter == 0)
		snprintf(line, sizeof line,
		    ngettext("%s dispute", "%s disputes", (unsigned long)ds->n),
		    num);
	else if (ds->filter == 1)
		snprintf(line, sizeof line,
		    ngettext("%s dispute unresolved", "%s disputes unresolved",
		        (unsigned long)ds->n),
		    num);
	else
		snprintf(line, sizeof line,
		    ngettext("%s dispute: %s", "%s disputes: %s",
		        (unsigned long)ds->n),
		    num,
		    svc_dispute_status((enum dsp_status)dsp_status_parse(
		        filters[ds->filter])));
	/* those of the scope's payments (issue 23) */
	tui_scope_suffix(t, line, sizeof line, NULL);
	attron(A_BOLD);
	tui_text(y, 2, line, COLS - 4);
	attroff(A_BOLD);
	y += 2;
	if (ds->n == 0) {
		tui_text(y, 3, _("No disputes"), COLS - 4);
		return;
	}
	tui_list_draw(t, &ds->list, y, 2, COLS - 4, LINES - y - 3);
}

static const struct dispute *
selected(struct disputes *ds, struct tui *t)
{
	if (ds->n == 0) {
		tui_message(t, 1, "%s", _("No dispute selected"));
		return NULL;
	}
	return &ds->rows[ds->list.sel < ds->n ? ds->list.sel : 0];
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct disputes *ds = (struct disputes *)sc;
	const struct dispute *d;
	struct tui_screen *open;
	struct pd_err err;

	if (tui_list_action(&ds->list, a))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_STATUS:
		ds->filter = (ds->filter + 1) % NFILTERS;
		load(ds, t);
		return TUI_HANDLED;
	case A_OPEN:
		if ((d = selected(ds, t)) != NULL &&
		    (open = screen_dispute_new(t, d->dispute_no)) != NULL)
			tui_push(t, open);
		return TUI_HANDLED;
	case A_UPHOLD:
	case A_REJECT:
		if ((d = selected(ds, t)) != NULL &&
		    (open = screen_dispute_step_new(t, d, a == A_UPHOLD)) !=
		        NULL)
			tui_push(t, open);
		return TUI_HANDLED;
	case A_EXPORT:
		/* a file of consumers' names: a supervisor's, said before
		 * the form (as dispute list --csv) */
		if (svc_require(t->svc, ROLE_SUPERVISOR,
		        _("Exporting consumers' data"), &err) != 0) {
			tui_message(t, 1, "%s", err.msg);
			return TUI_HANDLED;
		}
		open = screen_export_new(
		    t, LIST_DISPUTES, NULL, NULL, NULL, 0, NULL, 0);
		screen_export_status(open, filters[ds->filter]);
		tui_push(t, open);
		return TUI_HANDLED;
	case A_REVIEW:
		if ((d = selected(ds, t)) == NULL)
			return TUI_HANDLED;
		if (svc_dispute_review(t->svc, d->dispute_no, "", &err) != 0)
			tui_message(t, 1, "%s", err.msg);
		else
			tui_message(t, 0, _("Dispute %s is under review"),
			    d->dispute_no);
		load(ds, t);
		return TUI_HANDLED;
	}
	return 0;
}

/* On top again: a step taken elsewhere, a sync. */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	load((struct disputes *)sc, t);
}

static void
free_disputes(struct tui_screen *sc)
{
	free(((struct disputes *)sc)->rows);
}

const struct tui_screen_class screen_disputes_class = {
    .name = "Disputes",
    .title = N_("Disputes"),
    .keys = screen_disputes_keys,
    .nkeys = TUI_NKEYS(screen_disputes_keys),
    .draw = draw,
    .action = action,
    .enter = enter,
    .free = free_disputes,
};

struct tui_screen *
screen_disputes_new(struct tui *t)
{
	struct disputes *ds = xcalloc(1, sizeof *ds);
	struct pd_err err;

	if (svc_require(t->svc, ROLE_RECOVERY, _("Reading disputes"), &err) !=
	    0) {
		tui_message(t, 1, "%s", err.msg);
		free(ds);
		return NULL;
	}
	tui_list_init(&ds->list, cols, TUI_NCOLS(cols), cells, ds);
	ds->sc.cls = &screen_disputes_class;
	load(ds, t);
	return &ds->sc;
}

/* ---- one dispute and its timeline ---- */

static const struct tui_key screen_dispute_keys[] = {
    TUI_LINES_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to the disputes"), TUI_A_CLOSE},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

const struct tui_screen_class screen_dispute_class = {
    .name = "Dispute",
    .title = N_("Dispute"),
    .keys = screen_dispute_keys,
    .nkeys = TUI_NKEYS(screen_dispute_keys),
    .draw = tui_lines_screen_draw,
    .action = tui_lines_screen_action,
    .free = tui_lines_screen_free,
};

/* The terms of v as label and value lines. */
static void
terms(struct tui *t, struct tui_lines *l, const struct dispute_view *v)
{
	static const char *labels[] = {N_("Dispute"), N_("Status"),
	    N_("Reason"), N_("Receipt"), N_("Amount"), N_("Consumer"),
	    TC_("dispute", "Opened"), N_("Due"), N_("Age in days"),
	    N_("Days overdue"), N_("Credit note"), N_("Disputed")};
	const char *tr[sizeof labels / sizeof labels[0]];
	char m[MONEY_BUFSZ], o[DATE_BUFSZ * 2], due[DATE_BUFSZ * 2], n[16],
	    k[16];
	size_t i;
	int lw;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		tr[i] = i18n_term(labels[i]); /* "Opened" agrees with it */
	lw = tui_label_width(tr, sizeof labels / sizeof labels[0], 12);
	tui_lines_pair(l, lw, tr[0], v->d.dispute_no);
	tui_lines_pair(l, lw, tr[1], svc_dispute_status(v->d.status));
	tui_lines_pair(l, lw, tr[2], svc_dispute_reason(v->d.reason));
	tui_lines_pair(l, lw, tr[3], v->d.receipt_no);
	tui_lines_pair(
	    l, lw, tr[4], svc_money(t->svc, m, sizeof m, v->d.amount));
	/* what the payer disputes: a chargeback may be of part of it */
	tui_lines_pair(
	    l, lw, tr[11], svc_money(t->svc, m, sizeof m, v->d.disputed));
	tui_lines_pair(l, lw, tr[5], v->d.consumer_name);
	tui_lines_pair(
	    l, lw, tr[6], svc_date(t->svc, o, sizeof o, v->d.opened_on));
	tui_lines_pair(
	    l, lw, tr[7], svc_date(t->svc, due, sizeof due, v->d.due_on));
	snprintf(n, sizeof n, "%d", v->age);
	snprintf(k, sizeof k, "%d", v->overdue);
	tui_lines_pair(l, lw, tr[8], n);
	tui_lines_pair(l, lw, tr[9], k);
	if (v->credit_no[0] != '\0')
		tui_lines_pair(l, lw, tr[10], v->credit_no);
	else if (strcmp(v->d.resolution, "void") == 0)
		tui_lines_pair(l, lw, _("Resolution"), _("Payment voided"));
	else if (v->d.status == DSP_UPHELD && v->charge_ref[0] != '\0' &&
	         strcmp(v->d.reason, DSP_CHARGEBACK) == 0)
		tui_lines_pair(l, lw, _("Resolution"), _("Charged again"));
}

struct tui_screen *
screen_dispute_new(struct tui *t, const char *number)
{
	struct dispute_view v;
	struct tui_lines l = {0};
	struct pd_err err;
	char buf[256], at[64];
	size_t i;

	if (svc_dispute_show(t->svc, number, &v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	terms(t, &l, &v);
	tui_lines_add(&l, 0, "%s", "");
	tui_lines_add(&l, 1, "%s", _("Timeline"));
	for (i = 0; i < v.nevents; i++) {
		const struct dispute_event *e = &v.events[i];

		svc_datetime(t->svc, at, sizeof at, e->at);
		tui_lines_add(&l, 0, "%s  %s  %s", at, dsp_step_label(e->kind),
		    svc_word(e->by, buf, sizeof buf));
		/* wrapped, the rows under its step (helper-247, fault 2) */
		if (e->note[0] != '\0')
			tui_lines_wrap(
			    &l, 4, svc_word(e->note, buf, sizeof buf));
	}
	svc_dispute_view_free(&v);
	return tui_lines_screen(&screen_dispute_class, number, &l);
}
