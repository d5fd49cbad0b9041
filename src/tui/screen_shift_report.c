/* screen_shift_report.c - a shift's figures (issue 20): the X report of
 * the cashier's open shift (expected per tender so far, nothing counted,
 * nothing closed), or a shift's details in the back office (counts,
 * tenders with over/short, movements, Z number and sign-off). p prints:
 * the X report, or the Z report again, marked COPY. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

enum { A_PRINT = 1, A_BACK };

static const struct tui_key screen_shift_report_keys[] = {
    {'p', "p", N_("Print"),
        N_("print the X report, or the Z report again as a COPY"), A_PRINT},
    TUI_LINES_KEYS,
    {TUI_KEY_ESC, "Esc", N_("Back"), N_("back to where it was opened"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

struct report {
	struct tui_screen sc;
	struct tui_lines l;
	int x; /* the X report; else a shift's details */
	/* the supervisor who signed off a cashier's X report (fault 15),
	 * again for its print; the PIN wiped with the screen */
	char sup[SHIFT_USER_BUFSZ], pin[33];
	char key[SHIFT_NO_BUFSZ];
	/* the X report of this cashier's open shift here (a supervisor
	 * reading it from the Shifts tab); "": the signed-in user's */
	char cashier[SHIFT_USER_BUFSZ];
	char title[SHIFT_NO_BUFSZ + SHIFT_USER_BUFSZ + 64];
};

/* The labels of the header, in the order shown. */
static const char *const labels[] = {N_("Z number"), N_("Status"),
    N_("Terminal"), N_("Cashier"), N_("Opened"), N_("Closed"),
    N_("Float expected"), N_("Float counted"), N_("Float kept"),
    N_("Closed by"), N_("Signed off by"), N_("Expected"), N_("Counted"),
    N_("Over/short"), N_("Payments"), N_("Reason"), N_("Counted first"),
    N_("Refunded by voids"), N_("Cheques not matched")};
#define NLABELS (sizeof labels / sizeof *labels)

static void
pair_money(
    struct tui *t, struct tui_lines *l, int lw, const char *label, int64_t v)
{
	char m[MONEY_BUFSZ];

	tui_lines_pair(l, lw, _(label), svc_money(t->svc, m, sizeof m, v));
}

static void
head(struct tui *t, struct tui_lines *l, int lw, const struct shift_report *r)
{
	char fl[256];
	const struct shift *sh = &r->sh;
	char a[SVC_DATE_BUFSZ], who[200];

	if (sh->z_no[0])
		tui_lines_pair(l, lw, _(labels[0]), sh->z_no);
	tui_lines_pair(l, lw, _(labels[1]), drawer_status_name(sh->status));
	tui_lines_pair(l, lw, _(labels[2]), sh->terminal);
	snprintf(who, sizeof who, "%s (%s)", sh->cashier_name, sh->cashier);
	tui_lines_pair(l, lw, _(labels[3]), who);
	tui_lines_pair(l, lw, _(labels[4]),
	    svc_timestamp(t->svc, a, sizeof a, sh->opened_at));
	if (sh->flagged)
		/* which flags: over midnight, past the length */
		tui_lines_add(l, 1, "  %s",
		    shift_flag_text(sh->flagged, t->svc->cfg.shift_max_hours, 1,
		        fl, sizeof fl));
	if (sh->closed_at[0])
		tui_lines_pair(l, lw, _(labels[5]),
		    svc_timestamp(t->svc, a, sizeof a, sh->closed_at));
	/* the drawer's first shift: no previous close (s72 h11 fault 2) */
	if (sh->first)
		tui_lines_pair(l, lw, _(labels[6]), _("no previous close"));
	else
		pair_money(t, l, lw, labels[6], sh->float_expected);
	pair_money(t, l, lw, labels[7], sh->float_counted);
	if (sh->status == SHIFT_CLOSED) {
		pair_money(t, l, lw, labels[8], sh->float_kept);
		tui_lines_pair(l, lw, _(labels[9]), sh->closed_by);
		if (sh->signed_off_by[0])
			tui_lines_pair(l, lw, _(labels[10]), sh->signed_off_by);
	}
}

static void
tenders(
    struct tui *t, struct tui_lines *l, int lw, const struct shift_report *r)
{
	char num[SVC_COUNT_BUFSZ];
	size_t i;

	for (i = 0; i < r->ntenders; i++) {
		const struct shift_tender *tn = &r->tenders[i];

		tui_lines_add(l, 0, " ");
		tui_lines_add(l, 1, " %s", tn->method);
		tui_lines_pair(l, lw, _(labels[14]),
		    svc_count(t->svc, num, sizeof num, tn->npayments));
		pair_money(t, l, lw, labels[11], tn->expected);
		/* the voids made in the shift, which Expected is less of,
		 * as the X and Z reports say them (review R20b) */
		if (tn->nvoids > 0)
			pair_money(t, l, lw, labels[17], tn->voided);
		if (r->sh.status != SHIFT_CLOSED)
			continue;
		pair_money(t, l, lw, labels[12], tn->counted);
		pair_money(t, l, lw, labels[13], tn->over_short);
		/* counted again after its over or short was shown: the
		 * count shown first, as the Z report has it (review R20) */
		if (tn->recounted)
			pair_money(t, l, lw, labels[16], tn->first_counted);
		if (tn->unmatched[0]) {
			char said[SHIFT_UNMATCHED_BUFSZ * 2];

			svc_shift_unmatched_words(
			    tn->unmatched, 0, NULL, said, sizeof said);
			tui_lines_pair(l, lw, _(labels[18]), said);
		}
		if (tn->reason[0])
			tui_lines_pair(l, lw, _(labels[15]), tn->reason);
	}
}

/* The count lines of one phase: cash by denomination, slips, cheques. */
static void
counts(struct tui *t, struct tui_lines *l, const char *title,
    const struct shift_count *c, size_t n)
{
	char m[MONEY_BUFSZ], d[MONEY_BUFSZ], q[SVC_COUNT_BUFSZ];
	size_t i;

	if (n == 0)
		return;
	tui_lines_add(l, 0, " ");
	tui_lines_add(l, 1, " %s", title);
	for (i = 0; i < n; i++) {
		svc_money(t->svc, m, sizeof m, c[i].amount);
		svc_count(t->svc, q, sizeof q, c[i].qty);
		if (c[i].kind == SHIFT_COUNT_DENOM) {
			if (c[i].qty == 0)
				continue;
			tui_lines_add(l, 0, "  %s  %s x %s = %s", c[i].method,
			    svc_money(t->svc, d, sizeof d, c[i].denomination),
			    q, m);
		} else if (c[i].kind == SHIFT_COUNT_CHEQUE)
			tui_lines_add(l, 0, "  %s  %s %s  %s", c[i].method,
			    _("cheque"), c[i].ref, m);
		else
			tui_lines_add(l, 0, "  %s  %s %s  %s", c[i].method,
			    _("slips"), q, m);
	}
}

static void
moves(struct tui *t, struct tui_lines *l, const struct shift_report *r)
{
	static const char *const kinds[] = {
	    N_("Pay-in"), N_("Pay-out"), N_("Safe drop")};
	char m[MONEY_BUFSZ], a[SVC_DATE_BUFSZ];
	size_t i;

	if (r->nmoves == 0)
		return;
	tui_lines_add(l, 0, " ");
	tui_lines_add(l, 1, " %s", _("Cash movements"));
	for (i = 0; i < r->nmoves; i++) {
		const struct shift_movement *mv = &r->moves[i];

		tui_lines_add(l, 0, "  %s  %s  %s  %s%s%s",
		    svc_timestamp(t->svc, a, sizeof a, mv->at),
		    _(kinds[mv->kind]),
		    svc_money(t->svc, m, sizeof m, mv->amount), mv->reason,
		    mv->approved_by[0] ? " / " : "", mv->approved_by);
	}
}

static void
build(struct tui *t, struct report *v, const struct shift_report *r)
{
	int lw = tui_label_width(labels, NLABELS, 16) + 2;

	if (v->x)
		tui_lines_add(&v->l, 1, " %s",
		    _("X report: not a close, nothing counted"));
	head(t, &v->l, lw, r);
	tenders(t, &v->l, lw, r);
	counts(t, &v->l, _("Opening float"), r->open_counts, r->nopen);
	counts(t, &v->l, _("Counted at the close"), r->counts, r->ncounts);
	moves(t, &v->l, r);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct report *v = (struct report *)sc;
	int rows = LINES - 4 > 1 ? LINES - 4 : 1;

	(void)t;
	tui_lines_scroll(&v->l, 0, rows);
	tui_lines_draw(&v->l, 2, 2, rows);
}

static void
print(struct report *v, struct tui *t)
{
	struct shift_approval a = {v->sup, v->pin};
	struct doc_request q = {0};
	struct doc_result res;
	struct pd_err err;
	int rc;

	q.print = 1;
	memset(&res, 0, sizeof res);
	rc = v->x ? svc_shift_x_issue(t->svc, v->cashier, &a, &q, &res, &err)
	          : svc_shift_z_issue(t->svc, v->key, &q, &res, &err);
	if (rc != 0)
		tui_message(t, 1, "%s", err.msg);
	else if (res.printed && res.copy > 0)
		tui_message(t, 0, _("Copy %d of %s printed"), res.copy, v->key);
	else if (res.printed)
		tui_message(
		    t, 0, _("%s printed"), v->x ? _("X report") : v->key);
	else
		tui_message(t, 0,
		    _("No print command configured: the PDF is %s"), res.path);
}

static int
action(struct tui_screen *sc, struct tui *t, int a)
{
	struct report *v = (struct report *)sc;
	int rows = LINES - 4 > 1 ? LINES - 4 : 1;

	if (tui_lines_action(&v->l, a, rows))
		return TUI_HANDLED;
	switch (a) {
	case A_BACK:
		return TUI_CLOSE;
	case A_PRINT:
		print(v, t);
		return TUI_HANDLED;
	}
	return 0;
}

static void
free_report(struct tui_screen *sc)
{
	struct report *v = (struct report *)sc;

	memset(v->pin, 0, sizeof v->pin);
	tui_lines_free(&v->l);
}

const struct tui_screen_class screen_shift_report_class = {
    .name = "Shift report",
    .title = N_("Shift report"),
    .keys = screen_shift_report_keys,
    .nkeys = TUI_NKEYS(screen_shift_report_keys),
    .draw = draw,
    .action = action,
    .free = free_report,
};

/* A shift's details (key), or the X report (key NULL) of cashier's open
 * shift here (NULL: the signed-in user's) with a's sign-off (NULL: none,
 * a supervisor's own). */
static struct tui_screen *
report_new(struct tui *t, const char *key, const struct shift_approval *a,
    const char *cashier)
{
	struct report *v = xcalloc(1, sizeof *v);
	struct shift_report r;
	struct pd_err err;
	int rc;

	memset(&r, 0, sizeof r);
	v->x = key == NULL;
	if (a != NULL && a->user != NULL) {
		xstrlcpy(v->sup, a->user, sizeof v->sup);
		xstrlcpy(v->pin, a->pin ? a->pin : "", sizeof v->pin);
	}
	if (cashier != NULL)
		xstrlcpy(v->cashier, cashier, sizeof v->cashier);
	rc = v->x ? svc_shift_x_report(t->svc, v->cashier, a, &r, &err)
	          : svc_shift_show(t->svc, key, &r, &err);
	if (rc != 0) {
		tui_message(t, 1, "%s", err.msg);
		memset(v->pin, 0, sizeof v->pin);
		free(v);
		return NULL;
	}
	snprintf(
	    v->key, sizeof v->key, "%s", r.sh.z_no[0] ? r.sh.z_no : r.sh.uuid);
	if (v->x && v->cashier[0])
		/* whose drawer the supervisor reads */
		snprintf(v->title, sizeof v->title, _("X report of %s"),
		    r.sh.cashier);
	else if (v->x)
		snprintf(v->title, sizeof v->title, "%s", _("X report"));
	else if (r.sh.z_no[0])
		snprintf(v->title, sizeof v->title, _("Shift %s"), r.sh.z_no);
	else
		snprintf(v->title, sizeof v->title, "%s", _("Shift details"));
	build(t, v, &r);
	svc_shift_report_free(&r);
	v->sc.cls = &screen_shift_report_class;
	v->sc.title = v->title;
	return &v->sc;
}

struct tui_screen *
screen_shift_report_new(struct tui *t, const char *key)
{
	/* a cashier's X report asks a supervisor first (fault 15) */
	if (key == NULL && t->svc->actor.role < ROLE_SUPERVISOR)
		return screen_shift_x_sign_new(t);
	return report_new(t, key, NULL, NULL);
}

struct tui_screen *
screen_shift_x_signed(struct tui *t, const struct shift_approval *a)
{
	return report_new(t, NULL, a, NULL);
}

struct tui_screen *
screen_shift_x_of(struct tui *t, const char *cashier)
{
	return report_new(t, NULL, NULL, cashier);
}
