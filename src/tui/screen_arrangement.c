/* screen_arrangement.c - one payment arrangement (issue 21): its terms,
 * what it took over, what was paid and is left, its compliance, and each
 * installment with its due date, amount, what was paid and its state (on
 * time, late, missed, upcoming, replaced by a reschedule or cancel). A
 * lines view, opened from the arrangements list; s reschedules what is
 * left and c cancels the plan (recovery and up, screen_arr_change.c),
 * after which it is read again. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum { A_RESCHEDULE = 1, A_CANCEL };

/* the keys of every role; a cashier's bar has neither change, refused
 * to the role (helper-252, fault 6: shown, then refused, where the
 * account view hides its plan keys from a cashier) */
#define PLAN_KEYS(...)                                                         \
	TUI_LINES_KEYS,                                                        \
	    __VA_ARGS__{TUI_KEY_ESC, "Esc", N_("Back"),                        \
	        N_("back to the arrangements"), TUI_A_CLOSE},                  \
	{                                                                      \
		KEY_F(1), "F1", N_("Help"), N_("this help"), -1                \
	}

static const struct tui_key screen_arrangement_keys[] = {
    PLAN_KEYS({'s', "s", N_("Reschedule"),
                  N_("reschedule what is left (recovery)"), A_RESCHEDULE},
        {'c', "c", N_("Cancel plan"),
            N_("cancel the plan: what is left goes back to its items"),
            A_CANCEL}, )};
static const struct tui_key cashier_keys[] = {PLAN_KEYS()};
#undef PLAN_KEYS

struct plan {
	struct tui_screen sc;
	struct tui_lines l;
	char plan_no[33];
	unsigned gen; /* t->list_gen when read */
	int cols;     /* COLS when read: its rows laid out for them */
};

/* The plan's figures, label by value. */
static void
terms(struct tui *t, struct tui_lines *l, const struct arr_view *v)
{
	static const char *const labels[] = {N_("Consumer"), N_("Debt"),
	    N_("Down payment"), N_("Paid"), N_("Paid to items"),
	    N_("Left to pay"), N_("Installments"), N_("Compliance rate"),
	    N_("Grace days"), N_("Misses / allowed"), N_("Reason")};
	char m[MONEY_BUFSZ], d[SVC_DATE_BUFSZ], line[640];
	/* as wide as the widest label in the reader's language, and a gap */
	int lw = tui_label_width(labels, TUI_NKEYS(labels), 17) + 1;

	snprintf(line, sizeof line, "%s  %s", v->a.plan_no,
	    i18n_term(arr_status_term(v->status)));
	tui_lines_add(l, 1, "%s", line);
	snprintf(
	    line, sizeof line, "%s  %s", v->a.account_no, v->a.consumer_name);
	tui_lines_pair(l, lw, _("Consumer"), line);
	tui_lines_pair(
	    l, lw, _("Debt"), svc_money(t->svc, m, sizeof m, v->a.debt));
	/* the terms as paydesk arrangement show gives them: the down
	 * payment ($0.00: none) before the installments of the rest
	 * (review R21d: the view had no down payment) */
	tui_lines_pair(l, lw, _("Down payment"),
	    svc_money(t->svc, m, sizeof m, v->a.down));
	tui_lines_pair(
	    l, lw, _("Paid"), svc_money(t->svc, m, sizeof m, v->paid));
	/* a payment of the items it took over that settled some of its
	 * installments, said when any (helper-245, fault 1) */
	if (v->to_items > 0)
		tui_lines_pair(l, lw, _("Paid to items"),
		    svc_money(t->svc, m, sizeof m, v->to_items));
	tui_lines_pair(
	    l, lw, _("Left to pay"), svc_money(t->svc, m, sizeof m, v->left));
	snprintf(line, sizeof line, "%d, %s, %s", v->a.n,
	    _(arr_freq_name(v->a.freq)),
	    svc_date(t->svc, d, sizeof d, v->a.first_due));
	tui_lines_pair(l, lw, _("Installments"), line);
	tui_lines_pair(l, lw, _("Compliance rate"),
	    v->compliance < 0
	        ? "-"
	        : svc_percent(t->svc, m, sizeof m, v->compliance));
	snprintf(line, sizeof line, "%d", v->a.grace_days);
	tui_lines_pair(l, lw, _("Grace days"), line);
	/* the misses of the schedule in force (review 21b, fault 7) */
	snprintf(line, sizeof line, "%d / %d", arr_tally_misses(&v->tally),
	    v->a.misses_allowed);
	/* its misses against those it allows, said so (helper-246, fault
	 * 7: "Misses allowed 2 / 1" read as 2 allowed) */
	tui_lines_pair(l, lw, _("Misses / allowed"), line);
	tui_lines_pair(
	    l, lw, _("Reason"), svc_word(v->a.reason, line, sizeof line));
}

/* s after out's text in w columns, on the right if right. */
static void
cell(char *out, size_t n, const char *s, int w, int right)
{
	size_t len = strlen(out);
	int pad = w - utf8_columns(s, strlen(s));

	if (pad < 0)
		pad = 0;
	snprintf(out + len, n - len, "%*s%s%*s", right ? pad : 0, "", s,
	    right ? 0 : pad, "");
}

/* The widest of s and w (display columns). */
static int
wider(const char *s, int w)
{
	int c = utf8_columns(s, strlen(s));

	return c > w ? c : w;
}

static void
installments(struct tui *t, struct tui_lines *l, const struct arr_view *v)
{
	char m[MONEY_BUFSZ], p[MONEY_BUFSZ], d[SVC_DATE_BUFSZ], h[256] = "";
	const char *hr = svc_column_header(NC_("column", "Reference")),
	           *hd = svc_column_header(NC_("column", "Due")),
	           *ha = svc_column_header(NC_("column", "Amount")),
	           *hp = svc_column_header(NC_("column", "Paid"));
	int wr = wider(hr, 0), wd = wider(hd, 0), wa = wider(ha, 0),
	    wp = wider(hp, 0), at;
	size_t i;

	tui_lines_add(l, 0, "%s", "");
	/* the plan's #1 is its down payment when it has one, as
	 * arrangement show says (helper-228: not marked here; said above
	 * the rows, whose state fills an 80-column line) */
	tui_lines_add(l, 1, "%s",
	    v->a.down > 0 ? _("Installments, the first the down payment")
	                  : _("Installments"));
	/* each column as wide as its widest cell or header, so that the
	 * status has what is left of the row, and goes on under its row
	 * where that is not enough (helper-255, fault 1: "Miss", "Repl" at
	 * 64 columns, Missed not told from Missed, replaced) */
	for (i = 0; i < v->ninst; i++) {
		const struct arr_item *in = &v->inst[i];

		wr = wider(in->it.ref, wr);
		wd = wider(svc_date(t->svc, d, sizeof d, in->it.due_on), wd);
		wa = wider(
		    svc_money(t->svc, m, sizeof m, arr_item_amount(in)), wa);
		wp = wider(
		    svc_money(t->svc, p, sizeof p, arr_item_paid(in)), wp);
	}
	/* the columns named, as arrangement show's (helper-252: Amount
	 * and Paid told apart by their order only) */
	/* the dates and their header from the same column, as the lists
	 * set a date (helper-261, fault 6: "Due" right-aligned sat off its
	 * dates); the amounts and theirs right-aligned */
	cell(h, sizeof h, hr, wr + 1, 0);
	cell(h, sizeof h, hd, wd, 0);
	cell(h, sizeof h, "", 1, 0);
	cell(h, sizeof h, ha, wa, 1);
	cell(h, sizeof h, "", 1, 0);
	cell(h, sizeof h, hp, wp, 1);
	cell(h, sizeof h, "  ", 2, 0);
	at = utf8_columns(h, strlen(h));
	cell(h, sizeof h, svc_column_header(NC_("column", "Status")), 0, 0);
	tui_lines_add(l, 0, "%s", h);
	for (i = 0; i < v->ninst; i++) {
		const struct arr_item *in = &v->inst[i];

		h[0] = '\0';
		cell(h, sizeof h, in->it.ref, wr + 1, 0);
		cell(h, sizeof h, svc_date(t->svc, d, sizeof d, in->it.due_on),
		    wd, 0);
		cell(h, sizeof h, "", 1, 0);
		cell(h, sizeof h,
		    svc_money(t->svc, m, sizeof m, arr_item_amount(in)), wa, 1);
		cell(h, sizeof h, "", 1, 0);
		cell(h, sizeof h,
		    svc_money(t->svc, p, sizeof p, arr_item_paid(in)), wp, 1);
		cell(h, sizeof h, "  ", 2, 0);
		tui_lines_tail(l, h, _(arr_inst_state_name(v->state[i])),
		    at < COLS - 20 ? at : 4);
	}
}

/* Its create, reschedules and cancel: when, who, where, why. */
static void
changes(struct tui *t, struct tui_lines *l, const struct arr_view *v)
{
	char d[SVC_DATE_BUFSZ], w[SVC_TEXT_BUFSZ];
	size_t i;

	tui_lines_add(l, 0, "%s", "");
	tui_lines_add(l, 1, "%s", _("Changes"));
	for (i = 0; i < v->nevents; i++) {
		const struct arr_event_row *e = &v->events[i];

		char head[256], why[SVC_TEXT_BUFSZ + 64];

		/* a reason longer than the row goes on under it (helper-247,
		 * fault 2) */
		snprintf(head, sizeof head, "%-12s %16s  %-10s %-5s ",
		    arr_event_label(e->kind),
		    svc_datetime(t->svc, d, sizeof d, e->at), e->by,
		    e->terminal);
		snprintf(why, sizeof why, "%s%s",
		    svc_word(e->reason, w, sizeof w),
		    e->undone ? _(" (undone)") : "");
		tui_lines_tail(l, head, why, 4);
	}
}

/* The plan as it is now into p->l; -1 with the reason on the message
 * line. */
static int
load(struct plan *p, struct tui *t)
{
	struct tui_lines l = {0};
	struct arr_view v;
	struct pd_err err;

	p->gen = t->list_gen;
	p->cols = COLS;
	if (svc_arrangement_show(t->svc, p->plan_no, &v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return -1;
	}
	terms(t, &l, &v);
	installments(t, &l, &v);
	changes(t, &l, &v);
	svc_arr_view_free(&v);
	l.top = p->l.top;
	tui_lines_free(&p->l);
	p->l = l;
	return 0;
}

static int
rows(void)
{
	return LINES - 4;
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct plan *p = (struct plan *)sc;

	/* a terminal resized: the rows laid out again for its width */
	if (p->cols != COLS)
		load(p, t);
	tui_lines_scroll(&p->l, 0, rows());
	tui_lines_draw(&p->l, 1, 2, rows());
	/* the lines below the screen counted on the row under them
	 * (helper-247: nothing said the Changes were further down) */
	tui_lines_more(&p->l, 1 + rows(), 2, rows());
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct plan *p = (struct plan *)sc;
	struct tui_screen *next;

	if (tui_lines_action(&p->l, a, rows()))
		return TUI_HANDLED;
	if (a == TUI_A_CLOSE)
		return TUI_CLOSE;
	next = screen_arr_change_new(t, p->plan_no, a == A_CANCEL);
	if (next != NULL)
		tui_push(t, next);
	return TUI_HANDLED;
}

/* On top again: read again after a reschedule or cancel. */
static void
enter(struct tui_screen *sc, struct tui *t)
{
	struct plan *p = (struct plan *)sc;

	if (p->gen != t->list_gen)
		load(p, t);
}

static void
free_plan(struct tui_screen *sc)
{
	tui_lines_free(&((struct plan *)sc)->l);
}

#define PLAN_CLASS(k)                                                          \
	{                                                                      \
		.name = "Arrangement", .title = N_("Payment arrangement"),     \
		.keys = k, .nkeys = TUI_NKEYS(k), .draw = draw,                \
		.action = action, .enter = enter, .free = free_plan,           \
	}
const struct tui_screen_class screen_arrangement_class =
    PLAN_CLASS(screen_arrangement_keys);
static const struct tui_screen_class cashier_class = PLAN_CLASS(cashier_keys);
#undef PLAN_CLASS

struct tui_screen *
screen_arrangement_new(struct tui *t, const char *plan_no)
{
	struct plan *p = xcalloc(1, sizeof *p);

	xstrlcpy(p->plan_no, plan_no, sizeof p->plan_no);
	if (load(p, t) != 0) {
		free(p);
		return NULL;
	}
	p->sc.cls = t->svc->actor.role >= ROLE_RECOVERY
	                ? &screen_arrangement_class
	                : &cashier_class;
	return &p->sc;
}
