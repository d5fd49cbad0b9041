/* screen_dispute_step.c - the steps of a dispute taken at the screens
 * (issue 21): open one on a payment (the Payment details' d: a reason of
 * [disputes] reasons, a note and the amount disputed, the whole payment
 * unless changed), uphold one (the Disputes list's u: by voiding its
 * payment or by a credit note of an amount, a supervisor's; a dispute of
 * part of its payment proposes the credit note of the amount disputed,
 * and its void is asked as the void of all of it; only the resolutions
 * the service would take are offered, svc_dispute_remedy_check, the
 * void's refusal said when it is not) and reject one (n:
 * with the note, required). Enter asks once, then
 * calls the use case `paydesk dispute open`, `uphold` and `reject` call,
 * whose refusal is shown in its words; nothing is written before. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "backoffice.h"

enum {
	A_DO = TUI_STEP_DO,
	A_NEXT = TUI_STEP_NEXT,
	A_PREV,
	A_KLEFT,
	A_KRIGHT,
	A_BACK = TUI_STEP_BACK
};
enum step { STEP_OPEN, STEP_UPHOLD, STEP_REJECT };

static const struct tui_key open_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Open dispute"),
        N_("open the dispute for the reason chosen (asked once)"), A_DO},
    TUI_FORM_KEYS(A_NEXT),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close; nothing is saved"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

static const struct tui_key uphold_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Uphold"),
        N_("uphold it: void, credit note or charge again (asked once)"),
        A_DO},
    TUI_FORM_KEYS(A_NEXT),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close; nothing is saved"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

static const struct tui_key reject_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Reject"),
        N_("reject the dispute with the note (asked once)"), A_DO},
    TUI_NOTE_KEYS(A_NEXT),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close; nothing is saved"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { F_REASON, F_RES, F_CREDIT, F_CREASON, F_NOTE, F_AMOUNT, F_COUNT };

struct dstep {
	struct tui_step s; /* first: the screen, its form, Enter asked */
	enum step step;
	char target[64];  /* the receipt (open) or the dispute's number */
	char head[256];   /* what the step is of */
	int64_t amount;   /* the payment's */
	int64_t disputed; /* uphold: what the dispute disputes of amount;
	                     open: what is left of it to dispute */
	int bounced;      /* a bounced cheque's: upheld by a void only */
	int chargeback;   /* a chargeback's: charged again by default */
	struct tui_form_item it[F_COUNT];
	const char *reasons[CFG_LIST_MAX + 1];
	const char *res[DSP_NREMEDIES];
	enum dsp_remedy rem[DSP_NREMEDIES]; /* the remedy of each choice */
	char novoid[640]; /* why the void is not offered ("" it is) */
	const char *creasons[CFG_LIST_MAX]; /* the credit note's, shown */
	char cshown[CFG_LIST_MAX][128];
};

/* The remedy chosen (uphold). */
static enum dsp_remedy
remedy(const struct dstep *d)
{
	return d->rem[d->it[F_RES].choice];
}

/* What stops the step, into why ("" none); the credit amount (the
 * amount disputed, opening) into *cr. */
static void
check(struct dstep *d, struct tui *t, int64_t *cr, char *why, size_t wn)
{
	struct pd_err err;

	why[0] = '\0';
	*cr = 0;
	if (d->step == STEP_OPEN && d->it[F_REASON].choice == 0)
		snprintf(why, wn, "%s", _("Choose a reason"));
	else if (d->step == STEP_OPEN) {
		if (svc_money_parse(t->svc, d->it[F_AMOUNT].f.buf,
		        _("Disputed amount"), cr, &err) != 0)
			snprintf(why, wn, "%s", err.msg);
		else if (*cr <= 0)
			snprintf(why, wn, "%s",
			    _("The disputed amount must be above zero"));
		else if (*cr > d->amount)
			snprintf(why, wn, "%s",
			    _("The disputed amount is more than the payment"));
		else if (*cr > d->disputed) {
			char m[MONEY_BUFSZ], u[MONEY_BUFSZ], w[MONEY_BUFSZ];

			/* its upheld disputes took the rest: said as the
			 * command line says it (helper-244, fault 3: the
			 * screen left out what was taken) */
			snprintf(why, wn,
			    _("Only %s is left to dispute: %s of %s was "
			      "charged back or credited"),
			    svc_money(t->svc, m, sizeof m, d->disputed),
			    svc_money(
			        t->svc, u, sizeof u, d->amount - d->disputed),
			    svc_money(t->svc, w, sizeof w, d->amount));
		}
	} else if (d->step == STEP_REJECT &&
	           svc_dispute_reject_check_note(
	               t->svc, d->it[F_NOTE].f.buf, &err) != 0)
		/* a note of blanks says nothing: refused before anything is
		 * asked, as the CLI does (helper-236, fault 9), in the
		 * service's words (helper-261, fault 6) */
		snprintf(why, wn, "%s", err.msg);
	else if (d->step == STEP_UPHOLD && remedy(d) == DSP_BY_CREDIT) {
		if (svc_money_parse(t->svc, d->it[F_CREDIT].f.buf,
		        _("Credit amount"), cr, &err) != 0)
			snprintf(why, wn, "%s", err.msg);
		else if (*cr <= 0)
			snprintf(why, wn, "%s",
			    _("The credit amount must be above zero"));
	}
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct dstep *d = (struct dstep *)sc;
	char why[640], m[MONEY_BUFSZ];
	int64_t cr;
	int y = 1, lw, last = LINES - 4;

	if (d->step == STEP_UPHOLD)
		d->it[F_CREDIT].hidden = remedy(d) != DSP_BY_CREDIT;
	d->it[F_CREASON].hidden =
	    remedy(d) != DSP_BY_CREDIT || t->svc->cfg.nreasons == 0;
	lw = list_form_width(&d->s.fm, 14) + 2;
	attron(A_BOLD);
	tui_text_cut(y++, 2, d->head, COLS - 4);
	attroff(A_BOLD);
	tui_pair(
	    y++, 2, lw, _("Amount"), svc_money(t->svc, m, sizeof m, d->amount));
	if (d->step != STEP_OPEN)
		tui_pair(y++, 2, lw, _("Disputed"),
		    svc_money(t->svc, m, sizeof m, d->disputed));
	else if (d->disputed < d->amount)
		tui_pair(y++, 2, lw, _("Left to dispute"),
		    svc_money(t->svc, m, sizeof m, d->disputed));
	y++;
	y += tui_form_draw(t, &d->s.fm, y, 2, lw, COLS - 4) + 1;
	sc->typing = tui_form_typing(&d->s.fm);
	if (d->step == STEP_UPHOLD && remedy(d) == DSP_BY_CHARGE)
		y += tui_wrap(y, 2,
		    _("The bank took it back: the amount is owed again, a "
		      "new item."),
		    COLS - 4, 3);
	else if (d->step == STEP_UPHOLD && remedy(d) == DSP_BY_CREDIT)
		y += tui_wrap(y, 2,
		    d->chargeback
		        ? _("The bank returned it already: a credit note pays "
		            "twice.")
		        : _("A credit note of the amount, against the "
		            "payment."),
		    COLS - 4, 3);
	else if (d->step == STEP_UPHOLD && d->bounced) {
		char says[200];

		/* the charge it adds, or that none is configured (helper-261,
		 * fault 3: "its service charge if any", the amount in the
		 * question alone) */
		if (svc_dispute_bounced_charge(t->svc) > 0)
			snprintf(says, sizeof says,
			    _("A bounced cheque: voided, and a %s service "
			      "charge added."),
			    svc_money(t->svc, m, sizeof m,
			        svc_dispute_bounced_charge(t->svc)));
		else
			snprintf(says, sizeof says, "%s",
			    _("A bounced cheque: voided; no service charge "
			      "is configured."));
		y += tui_wrap(y, 2, says, COLS - 4, 3);
	} else if (d->step == STEP_UPHOLD)
		y += tui_wrap(y, 2,
		    d->disputed < d->amount
		        ? _("All of the payment is voided, more than is "
		            "disputed.")
		        : _("The payment is voided and its items open again."),
		    COLS - 4, 3);
	/* the void not offered, and why, in the service's words */
	if (d->step == STEP_UPHOLD && d->novoid[0]) {
		char no[700];

		snprintf(
		    no, sizeof no, _("Not offered, the void: %s"), d->novoid);
		attron(A_DIM);
		tui_wrap(y + 1, 2, no, COLS - 4, last - y - 2);
		attroff(A_DIM);
	}
	check(d, t, &cr, why, sizeof why);
	if (why[0]) {
		tui_form_reason(t, last, 2, why, COLS - 4, 2);
		return;
	}
	attron(tui_attr(t, TUI_C_OK, A_BOLD));
	tui_text(last + 1, 2,
	    tui_keys(d->step == STEP_OPEN ? _("{Enter} opens the dispute")
	             : d->step == STEP_UPHOLD
	                 ? _("{Enter} upholds the dispute")
	                 : _("{Enter} rejects the dispute")),
	    COLS - 4);
	attroff(tui_attr(t, TUI_C_OK, A_BOLD));
}

/* Asked once: the question for the step as it stands. */
static void
ask(struct dstep *d, struct tui *t, int64_t cr)
{
	char m[MONEY_BUFSZ];

	if (d->step == STEP_OPEN)
		tui_message(t, 1,
		    _("A dispute of %s for %s? {Enter} again to open it"),
		    d->target, d->reasons[d->it[F_REASON].choice]);
	else if (d->step == STEP_REJECT)
		tui_message(t, 1,
		    _("Reject dispute %s? {Enter} again to reject it"),
		    d->target);
	else if (remedy(d) == DSP_BY_CHARGE)
		tui_message(t, 1,
		    _("Uphold %s by charging %s again? {Enter} again"),
		    d->target, svc_money(t->svc, m, sizeof m, d->disputed));
	else if (remedy(d) == DSP_BY_CREDIT && d->chargeback)
		tui_message(t, 1,
		    _("Chargeback: uphold %s by a credit note of %s anyway? "
		      "{Enter} again"),
		    d->target, svc_money(t->svc, m, sizeof m, cr));
	else if (remedy(d) == DSP_BY_VOID && d->disputed < d->amount) {
		char a[MONEY_BUFSZ];

		tui_message(t, 1,
		    _("Uphold %s by voiding all of %s, not %s? {Enter} again"),
		    d->target, svc_money(t->svc, m, sizeof m, d->amount),
		    svc_money(t->svc, a, sizeof a, d->disputed));
	} else if (remedy(d) == DSP_BY_VOID && d->bounced &&
	           svc_dispute_bounced_charge(t->svc) > 0) {
		char c[MONEY_BUFSZ];

		/* and the charge it adds (helper-246: the confirmation did
		 * not say so) */
		tui_message(t, 1,
		    _("Uphold %s by voiding its payment of %s and charging "
		      "%s? {Enter} again"),
		    d->target, svc_money(t->svc, m, sizeof m, d->amount),
		    svc_money(t->svc, c, sizeof c,
		        svc_dispute_bounced_charge(t->svc)));
	} else if (remedy(d) == DSP_BY_VOID)
		tui_message(t, 1,
		    _("Uphold %s by voiding its payment of %s? {Enter} again"),
		    d->target, svc_money(t->svc, m, sizeof m, d->amount));
	else
		tui_message(t, 1,
		    _("Uphold %s by a credit note of %s? {Enter} again"),
		    d->target, svc_money(t->svc, m, sizeof m, cr));
}

static int
apply(struct tui_step *s, struct tui *t)
{
	struct dstep *d = (struct dstep *)s;
	/* the reason chosen (check: one is, when opening) */
	const char *reason =
	    d->step == STEP_OPEN && d->it[F_REASON].choice > 0
	        ? t->svc->cfg.dsp_reasons[d->it[F_REASON].choice - 1]
	        : NULL;
	struct dispute_uphold u;
	struct pd_err err;
	char why[640], number[33];
	int64_t cr;
	int rc;

	check(d, t, &cr, why, sizeof why);
	if (why[0]) {
		tui_message(t, 1, "%s", why);
		return TUI_HANDLED;
	}
	memset(&u, 0, sizeof u);
	if (d->step == STEP_UPHOLD) {
		u.by_void = remedy(d) == DSP_BY_VOID;
		u.by_credit = remedy(d) == DSP_BY_CREDIT;
		u.by_charge = remedy(d) == DSP_BY_CHARGE;
		/* a chargeback's credit note: asked below, knowingly */
		u.despite_chargeback = u.by_credit && d->chargeback;
		/* a void of all of a payment disputed in part: asked below */
		u.whole = u.by_void;
		u.credit = u.by_credit ? cr : 0;
		u.credit_reason =
		    !u.by_credit || t->svc->cfg.nreasons == 0
		        ? NULL
		        : t->svc->cfg.reasons[d->it[F_CREASON].choice];
		u.note = d->it[F_NOTE].f.buf;
	}
	if (!tui_step_confirmed(&d->s)) {
		/* what is refused anyway is said now, not after a second
		 * Enter (helper-235, fault 9: a credit note above the amount
		 * disputed, the void of a chargeback of part) */
		if ((d->step == STEP_UPHOLD && svc_dispute_uphold_check(t->svc,
		                                   d->target, &u, &err) != 0) ||
		    (d->step == STEP_OPEN &&
		        svc_dispute_open_check(t->svc, d->target, reason,
		            d->it[F_NOTE].f.buf, &cr, &err) != 0)) {
			tui_message(t, 1, "%s", err.msg);
			return TUI_HANDLED;
		}
		ask(d, t, cr);
		return TUI_HANDLED;
	}
	if (d->step == STEP_OPEN)
		rc = svc_dispute_open(t->svc, d->target, reason,
		    d->it[F_NOTE].f.buf, &cr, number, &err);
	else if (d->step == STEP_REJECT)
		rc = svc_dispute_reject(
		    t->svc, d->target, d->it[F_NOTE].f.buf, &err);
	else
		rc = svc_dispute_uphold(t->svc, d->target, &u, &err);
	if (rc != 0) {
		tui_step_refused(&d->s);
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	t->list_gen++;
	if (d->step == STEP_OPEN)
		tui_message(t, 0, _("Dispute %s opened"), number);
	else
		tui_message(t, 0,
		    d->step == STEP_REJECT ? _("Dispute %s rejected")
		                           : _("Dispute %s upheld"),
		    d->target);
	return TUI_CLOSE;
}

const struct tui_screen_class screen_dispute_open_class = {
    .name = "Open Dispute",
    .title = N_("Open dispute"),
    .keys = open_keys,
    .nkeys = TUI_NKEYS(open_keys),
    .draw = draw,
    .action = tui_step_action,
    .input = tui_step_input,
    .fields = 1,
};

const struct tui_screen_class screen_dispute_uphold_class = {
    .name = "Uphold Dispute",
    .title = N_("Uphold dispute"),
    .keys = uphold_keys,
    .nkeys = TUI_NKEYS(uphold_keys),
    .draw = draw,
    .action = tui_step_action,
    .input = tui_step_input,
    .fields = 1,
};

const struct tui_screen_class screen_dispute_reject_class = {
    .name = "Reject Dispute",
    .title = N_("Reject dispute"),
    .keys = reject_keys,
    .nkeys = TUI_NKEYS(reject_keys),
    .draw = draw,
    .action = tui_step_action,
    .input = tui_step_input,
    .fields = 1,
};

/* The form of step: the items it has shown, the first one focused. */
static void
form(struct dstep *d, struct tui *t)
{
	const struct config *cfg = &t->svc->cfg;
	static const char *const names[DSP_NREMEDIES] = {
	    [DSP_BY_VOID] = N_("Void the payment"),
	    [DSP_BY_CREDIT] = N_("Credit note"),
	    [DSP_BY_CHARGE] = N_("Charge again"),
	};
	char m[MONEY_BUFSZ];
	int k, other = 0, nres, pick = 0;

	d->reasons[0] = _("(choose a reason)");
	for (k = 0; k < cfg->ndsp_reasons; k++)
		d->reasons[k + 1] = svc_dispute_reason(cfg->dsp_reasons[k]);
	tui_form_choice(&d->it[F_REASON], _("Reason"), d->reasons,
	    cfg->ndsp_reasons + 1, 0);
	if (d->step != STEP_UPHOLD)
		d->res[0] = ""; /* hidden: its one choice, named below */
	/* the remedies offered (screen_dispute_step_new): a chargeback's
	 * charged again by default, one of part of its payment credited */
	for (nres = 0; nres < DSP_NREMEDIES && d->res[nres]; nres++) {
		if (d->rem[nres] == DSP_BY_CHARGE ||
		    (d->rem[nres] == DSP_BY_CREDIT && d->disputed < d->amount &&
		        d->rem[pick] != DSP_BY_CHARGE))
			pick = nres;
		d->res[nres] = _(names[d->rem[nres]]);
	}
	tui_form_choice(
	    &d->it[F_RES], _("Resolution"), d->res, nres > 0 ? nres : 1, pick);
	tui_form_text(&d->it[F_CREDIT], _("Credit amount"), 20, "");
	d->it[F_CREDIT].kind = FORM_MONEY;
	/* the credit note's reason: Other when the organisation has it, as
	 * paydesk dispute uphold without --credit-reason */
	for (k = 0; k < cfg->nreasons; k++) {
		d->creasons[k] = svc_word(
		    cfg->reasons[k], d->cshown[k], sizeof d->cshown[k]);
		if (strcasecmp(cfg->reasons[k], "Other") == 0)
			other = k;
	}
	tui_form_choice(&d->it[F_CREASON], _("Credit reason"), d->creasons,
	    cfg->nreasons, other);
	tui_form_text(&d->it[F_NOTE], _("Note"), cfg->remarks_max, "");
	/* the amount disputed: the whole payment unless changed; upholding
	 * a dispute of part of it, a credit note of that part proposed */
	money_plain(m, sizeof m, d->disputed, cfg->minor_digits);
	tui_form_text(&d->it[F_AMOUNT], _("Disputed"), 20, m);
	d->it[F_AMOUNT].kind = FORM_MONEY;
	if (d->step == STEP_UPHOLD && d->disputed < d->amount && !d->bounced) {
		tui_form_text(&d->it[F_CREDIT], _("Credit amount"), 20, m);
		d->it[F_CREDIT].kind = FORM_MONEY;
	}
	d->it[F_REASON].hidden = d->it[F_AMOUNT].hidden = d->step != STEP_OPEN;
	d->it[F_RES].hidden = d->it[F_CREDIT].hidden = d->it[F_CREASON].hidden =
	    d->step != STEP_UPHOLD;
	tui_step_init(&d->s,
	    d->step == STEP_OPEN     ? &screen_dispute_open_class
	    : d->step == STEP_UPHOLD ? &screen_dispute_uphold_class
	                             : &screen_dispute_reject_class,
	    d->it, F_COUNT,
	    d->step == STEP_OPEN     ? F_REASON
	    : d->step == STEP_UPHOLD ? F_RES
	                             : F_NOTE,
	    apply);
}

struct tui_screen *
screen_dispute_open_new(struct tui *t, const char *receipt)
{
	struct dstep *d;
	struct payment_view v;
	struct pd_err err;

	if (svc_require(t->svc, ROLE_RECOVERY, _("Opening a dispute"), &err) !=
	        0 ||
	    svc_payment_show(t->svc, receipt, &v, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	d = xcalloc(1, sizeof *d);
	d->step = STEP_OPEN;
	xstrlcpy(d->target, v.p.receipt_no, sizeof d->target);
	snprintf(d->head, sizeof d->head, "%s  %s  %s", v.p.receipt_no,
	    v.c.account_no, v.c.name);
	d->amount = v.p.amount;
	/* opening: what its upheld disputes left of it (review s48) */
	if (svc_dispute_left(t->svc, &v.p, &d->disputed, &err) != 0) {
		svc_payment_view_free(&v);
		free(d);
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	svc_payment_view_free(&v);
	form(d, t);
	return &d->s.sc;
}

/* The remedies the service would take for the dispute (helper-258,
 * fault 1: the void of a chargeback of part was offered, then refused),
 * in d->rem and d->res (a name each, set by form), why the void is not
 * into d->novoid; -1, said, when none is. */
static int
offered(struct dstep *d, struct tui *t)
{
	struct pd_err err, first;
	int r, n = 0;

	first.msg[0] = '\0';
	for (r = 0; r < DSP_NREMEDIES; r++) {
		if (svc_dispute_remedy_check(
		        t->svc, d->target, (enum dsp_remedy)r, &err) == 0) {
			d->rem[n] = (enum dsp_remedy)r;
			d->res[n++] = "";
			continue;
		}
		if (r == DSP_BY_VOID) {
			first = err;
			xstrlcpy(d->novoid, err.msg, sizeof d->novoid);
		}
	}
	if (n == 0) {
		tui_message(t, 1, "%s", first.msg);
		return -1;
	}
	return 0;
}

struct tui_screen *
screen_dispute_step_new(struct tui *t, const struct dispute *ds, int uphold)
{
	struct dstep *d;
	struct pd_err err;

	if (svc_require(t->svc, uphold ? ROLE_SUPERVISOR : ROLE_RECOVERY,
	        uphold ? _("Upholding a dispute") : _("Rejecting a dispute"),
	        &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	if (ds->status != DSP_OPEN && ds->status != DSP_REVIEW) {
		tui_message(t, 1, _("Dispute %s is %s already"), ds->dispute_no,
		    svc_dispute_status(ds->status));
		return NULL;
	}
	d = xcalloc(1, sizeof *d);
	d->step = uphold ? STEP_UPHOLD : STEP_REJECT;
	xstrlcpy(d->target, ds->dispute_no, sizeof d->target);
	if (uphold && offered(d, t) != 0) {
		free(d);
		return NULL;
	}
	snprintf(d->head, sizeof d->head, "%s  %s  %s  %s", ds->dispute_no,
	    ds->receipt_no, ds->account_no, ds->consumer_name);
	d->amount = ds->amount;
	d->disputed = ds->disputed;
	d->bounced = strcmp(ds->reason, DSP_BOUNCED) == 0;
	d->chargeback = strcmp(ds->reason, DSP_CHARGEBACK) == 0;
	form(d, t);
	return &d->s.sc;
}
