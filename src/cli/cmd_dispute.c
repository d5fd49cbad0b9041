/* cmd_dispute.c - disputes of payments (issue 21): dispute open, list,
 * show, review, uphold, reject. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "opts.h"

/* An optional --note given empty: refused, status 3, as a note of
 * spaces only is (paydesk(1), EXIT STATUS; helper-256: dispute open
 * --note "" opened the dispute with none); the screens' empty field is
 * no note. */
static int
note_empty(struct cli *c, const char *note)
{
	if (note != NULL && note[0] == '\0')
		return pd_fail(&c->err, PD_EINVAL,
		    _("--note is empty: write a note, or give none"));
	return 0;
}

int
cmd_dsp_open(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL, *note = NULL, *amount = NULL;
	struct opt o[] = {{"reason", 0, &reason}, {"note", 0, &note},
	    {"amount", 0, &amount}, {NULL, 0, NULL}};
	char number[33], **pos;
	int64_t disputed = 0;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (reason == NULL)
		return cli_usage(c, _("%s %s needs --reason"), c->cmd, argv[0]);
	/* what the payer disputes; the whole payment when not given */
	if (note_empty(c, note) != 0 ||
	    (amount != NULL &&
	        cli_money(c, "--amount", amount, &disputed) != 0))
		return -1;
	if (svc_dispute_open(&c->svc, pos[0], reason, note,
	        amount != NULL ? &disputed : NULL, number, &c->err))
		return -1;
	return cmd_dsp_show(c, 2, (char *[]){argv[0], number, NULL});
}

int
cmd_dsp_list(struct cli *c, int argc, char **argv)
{
	const char *status = NULL, *account = NULL, *scope = NULL;
	struct opt o[] = {{"status", OPT_FILTER, &status},
	    {"consumer", OPT_FILTER, &account}, {"scope", OPT_FILTER, &scope},
	    {NULL, 0, NULL}};
	struct xcell cell[12];
	const struct xcol *cols;
	struct dispute *d;
	struct table *t;
	char **pos;
	int npos, ncols;
	size_t n, i;

	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    cli_scope(c, scope) != 0 ||
	    (d = svc_dispute_list(&c->svc, status, account, &n, &c->err)) ==
	        NULL)
		return -1;
	if (cli_personal_data(c) != 0) {
		free(d);
		return -1;
	}
	/* whose disputes: those of the scope's payments (issue 23) */
	cli_list_scope_line(c, account);
	cols = svc_listing_cols(LIST_DISPUTES, &ncols);
	t = table_new(c, cols, ncols);
	table_sheet(t, N_("Disputes"));
	for (i = 0; i < n; i++) {
		svc_dispute_cells(&d[i], cell);
		table_cells(t, cell);
	}
	free(d);
	return table_done(t, 0);
}

/* The timeline of v: every step, who, when, its note. */
static void
rec_timeline(struct rec *r, const struct dispute_view *v)
{
	size_t i;
	char buf[256];

	rec_list(r, _("Timeline"), "timeline");
	for (i = 0; i < v->nevents; i++) {
		const struct dispute_event *e = &v->events[i];

		rec_item(r);
		rec_shown(
		    r, _("Step"), "step", e->kind, dsp_step_label(e->kind));
		/* in the organisation's format (helper-235, fault 3) */
		rec_time(r, _("At"), "at", e->at);
		rec_shown(
		    r, _("By"), "by", e->by, svc_word(e->by, buf, sizeof buf));
		rec_str(r, _("Terminal"), "terminal", e->terminal);
		/* no note, no "Note: " line (review s50); JSON keeps
		 * its key, "" */
		if (e->note[0] != '\0')
			rec_shown(r, _("Note"), "note", e->note,
			    svc_word(e->note, buf, sizeof buf));
		else
			rec_data(r, "note", "");
		rec_end(r);
	}
	rec_end(r);
}

int
cmd_dsp_show(struct cli *c, int argc, char **argv)
{
	struct dispute_view v;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    svc_dispute_show(&c->svc, pos[0], &v, &c->err) != 0)
		return -1;
	if (cli_personal_data(c) != 0) {
		svc_dispute_view_free(&v);
		return -1;
	}
	r = rec_new(c);
	rec_str(r, _("Dispute"), "dispute_no", v.d.dispute_no);
	rec_shown(r, _("Status"), "status", dsp_status_name(v.d.status),
	    svc_dispute_status(v.d.status));
	rec_shown(r, _("Reason"), "reason", v.d.reason,
	    svc_dispute_reason(v.d.reason));
	rec_str(r, _("Payment"), "payment_no", v.d.payment_no);
	rec_str(r, _("Receipt"), "receipt_no", v.d.receipt_no);
	rec_money(r, _("Amount"), "amount", v.d.amount);
	/* what the payer disputes: a chargeback may be of part of it */
	rec_money(r, _("Disputed"), "disputed", v.d.disputed);
	rec_str(r, _("Account"), "account_no", v.d.account_no);
	rec_str(r, _("Consumer"), "consumer", v.d.consumer_name);
	rec_date(
	    r, i18n_term(TC_("dispute", "Opened")), "opened_on", v.d.opened_on);
	rec_date(r, _("Due"), "due_on", v.d.due_on);
	rec_int(r, _("Age in days"), "age", v.age);
	rec_int(r, _("Days overdue"), "overdue", v.overdue);
	if (v.d.resolved_on[0] != '\0')
		rec_date(r, _("Resolved"), "resolved_on", v.d.resolved_on);
	if (strcmp(v.d.resolution, "void") == 0)
		rec_term(
		    r, _("Resolution"), "resolution", N_("Payment voided"));
	if (v.credit_no[0] != '\0') {
		rec_term(r, _("Resolution"), "resolution", N_("Credit note"));
		rec_str(r, _("Credit note"), "credit_note", v.credit_no);
		rec_money(
		    r, _("Credit amount"), "credit_amount", v.credit_amount);
	}
	/* a chargeback upheld by charging its amount again: no void, no
	 * credit note, the charge */
	if (v.d.status == DSP_UPHELD && v.d.resolution[0] == '\0' &&
	    v.d.charge_uuid[0] != '\0')
		rec_term(r, _("Resolution"), "resolution",
		    N_("Charged again"));
	if (v.charge_ref[0] != '\0') {
		rec_str(r, _("Service charge"), "charge_ref", v.charge_ref);
		rec_money(
		    r, _("Charge amount"), "charge_amount", v.charge_amount);
	}
	rec_timeline(r, &v);
	rec_print(r);
	svc_dispute_view_free(&v);
	return 0;
}

/* review and reject: a number and a note (required to reject). */
static int
note_step(struct cli *c, int argc, char **argv, int reject)
{
	const char *note = NULL;
	struct opt o[] = {{"note", 0, &note}, {NULL, 0, NULL}};
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (reject && note == NULL)
		return cli_usage(c, _("%s %s needs --note"), c->cmd, argv[0]);
	if (!reject && note_empty(c, note) != 0)
		return -1;
	if ((reject ? svc_dispute_reject(&c->svc, pos[0], note, &c->err)
	            : svc_dispute_review(&c->svc, pos[0], note, &c->err)) != 0)
		return -1;
	return cmd_dsp_show(c, 2, (char *[]){argv[0], pos[0], NULL});
}

int
cmd_dsp_review(struct cli *c, int argc, char **argv)
{
	return note_step(c, argc, argv, 0);
}

int
cmd_dsp_reject(struct cli *c, int argc, char **argv)
{
	return note_step(c, argc, argv, 1);
}

int
cmd_dsp_uphold(struct cli *c, int argc, char **argv)
{
	const char *by_void = NULL, *credit = NULL, *reason = NULL,
	           *note = NULL, *whole = NULL, *charge = NULL,
	           *despite = NULL;
	struct opt o[] = {{"void", 1, &by_void}, {"whole", 1, &whole},
	    {"credit", 0, &credit}, {"credit-reason", 0, &reason},
	    {"charge", 1, &charge}, {"despite-chargeback", 1, &despite},
	    {"note", 0, &note}, {NULL, 0, NULL}};
	struct dispute_uphold u = {0};
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	/* none: the service's default (a chargeback's amount charged
	 * again; a credit note of the amount disputed, for another dispute
	 * of part of its payment) */
	/* (helper-243, fault 4: it said "needs --void or --credit AMOUNT
	 * or --charge, one of them", as if none had been given) */
	if ((by_void != NULL) + (credit != NULL) + (charge != NULL) > 1)
		return cli_usage(c,
		    _("%s %s: --void, --credit AMOUNT and --charge are ways "
		      "to uphold; give one of them, not two"),
		    c->cmd, argv[0]);
	if (despite != NULL && credit == NULL)
		return cli_usage(c,
		    _("%s %s: --despite-chargeback goes with --credit"),
		    c->cmd, argv[0]);
	if (by_void != NULL && reason != NULL)
		return cli_usage(c,
		    _("%s %s: --credit-reason goes with "
		      "--credit"),
		    c->cmd, argv[0]);
	if (whole != NULL && by_void == NULL)
		return cli_usage(
		    c, _("%s %s: --whole goes with --void"), c->cmd, argv[0]);
	u.by_void = by_void != NULL;
	u.by_credit = credit != NULL;
	u.by_charge = charge != NULL;
	u.despite_chargeback = despite != NULL;
	u.whole = whole != NULL;
	u.credit_reason = reason;
	u.note = note;
	if (note_empty(c, note) != 0 ||
	    (credit != NULL &&
	        cli_money(c, "--credit", credit, &u.credit) != 0))
		return -1;
	if (svc_dispute_uphold(&c->svc, pos[0], &u, &c->err) != 0)
		return -1;
	return cmd_dsp_show(c, 2, (char *[]){argv[0], pos[0], NULL});
}
