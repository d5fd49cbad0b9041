/* screen_recon_step.c - an exception worked at the screens (issue 20,
 * "a supervisor matches or unmatches by hand with a note, and resolves
 * it"): the Exceptions list's r resolves the exception under the cursor
 * with a note (Resolve Exception), h matches a credit nobody expected to
 * a bank transfer, to a terminal's day of card payments, to a deposit
 * of its account not credited yet, picked (review R20), to a gateway
 * payment's settlement (GATEWAY:CODE) or to a gateway's payout
 * (GATEWAY:PAYOUT, fault 7) (Match Credit);
 * a day's u takes a credit's match back (Unmatch Credit). Enter asks
 * once, then calls the use case `paydesk reconcile resolve`, `reconcile
 * match`, `reconcile unmatch` or `deposit unmatch` call, whose refusal is
 * shown in its words; nothing is written before. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum {
	A_DO = TUI_STEP_DO,
	A_NEXT = TUI_STEP_NEXT,
	A_PREV,
	A_KLEFT,
	A_KRIGHT,
	A_BACK = TUI_STEP_BACK
};

static const struct tui_key resolve_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Resolve"),
        N_("resolve the exception with the note (asked once)"), A_DO},
    TUI_NOTE_KEYS(A_NEXT),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close; nothing is saved"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

static const struct tui_key unmatch_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Unmatch"),
        N_("take the match back with the note (asked once)"), A_DO},
    TUI_NOTE_KEYS(A_NEXT),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close; nothing is saved"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

static const struct tui_key hand_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Match"),
        N_("match the credit with the note (asked once)"), A_DO},
    TUI_FORM_KEYS(A_NEXT),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close; nothing is saved"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { F_WHAT, F_PAY, F_CARD, F_DEP, F_GW, F_PO, F_NOTE, F_COUNT };

/* Match to: its choices, in this order */
enum { W_PAY, W_CARD, W_DEP, W_GW, W_PO, W_COUNT };

/* The deposits offered to a credit, at most. */
#define DEPS_MAX 32

struct rstep {
	struct tui_step s; /* first: the screen, its form, Enter asked */
	int hand;                 /* Match Credit; else Resolve Exception */
	int unmatch;              /* Unmatch Credit */
	char slip[33];            /* a deposit's match: its slip */
	struct recon_exception e; /* the exception (or the credit) */
	struct tui_form_item it[F_COUNT];
	const char *what[W_COUNT];
	/* the deposits of the credit's account not credited yet: slips and
	 * their choice labels (slip, amount, day handed) */
	char account[DEPOSIT_ACCOUNT_BUFSZ];
	char slips[DEPS_MAX][DEPOSIT_SLIP_BUFSZ];
	char labels[DEPS_MAX][DEPOSIT_SLIP_BUFSZ + MONEY_BUFSZ + 16];
	const char *opts[DEPS_MAX];
	int ndeps;
};

/* The deposits of r->account handed and not credited, newest first. */
static void
deposits_of(struct rstep *r, struct tui *t)
{
	struct deposit *v;
	struct pd_err err;
	char m[MONEY_BUFSZ];
	size_t n, i;

	v = svc_deposit_list(t->svc, &n, &err);
	if (v == NULL)
		return;
	for (i = 0; i < n && r->ndeps < DEPS_MAX; i++) {
		if (strcmp(v[i].status, "handed") != 0 ||
		    strcmp(v[i].account, r->account) != 0)
			continue;
		xstrlcpy(r->slips[r->ndeps], v[i].slip_no, sizeof r->slips[0]);
		snprintf(r->labels[r->ndeps], sizeof r->labels[0], "%s  %s  %s",
		    v[i].slip_no, svc_money(t->svc, m, sizeof m, v[i].amount),
		    v[i].deposited_on);
		r->opts[r->ndeps] = r->labels[r->ndeps];
		r->ndeps++;
	}
	free(v);
}

/* What stops the step, into why ("" none). */
static void
check(const struct rstep *r, char *why, size_t wn)
{
	struct pd_err err;

	int w = r->it[F_WHAT].choice;

	why[0] = '\0';
	if (r->hand && w == W_PAY && r->it[F_PAY].f.len == 0)
		snprintf(
		    why, wn, "%s", _("Give the transfer's payment number"));
	else if (r->hand && w == W_CARD && r->it[F_CARD].f.len == 0)
		snprintf(why, wn, "%s",
		    _("Give the terminal and day: TERMINAL:YYYY-MM-DD"));
	else if (r->hand && w == W_DEP && r->ndeps == 0)
		snprintf(why, wn,
		    _("No deposit to account %s is waiting for its credit"),
		    r->account);
	else if (r->hand && w == W_GW && r->it[F_GW].f.len == 0)
		snprintf(why, wn, "%s",
		    _("Give the gateway and the payment's code: "
		      "GATEWAY:CODE"));
	else if (r->hand && w == W_PO && r->it[F_PO].f.len == 0)
		snprintf(why, wn, "%s",
		    _("Give the gateway and its payout: GATEWAY:PAYOUT"));
	else if (svc_recon_check_note(r->it[F_NOTE].f.buf, &err) != 0)
		/* the service's words (helper-261, fault 6) */
		snprintf(why, wn, "%s", err.msg);
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct rstep *r = (struct rstep *)sc;
	char why[320], m[MONEY_BUFSZ], head[320];
	int y = 1, lw, last = LINES - 4;

	r->it[F_PAY].hidden = !r->hand || r->it[F_WHAT].choice != W_PAY;
	r->it[F_CARD].hidden = !r->hand || r->it[F_WHAT].choice != W_CARD;
	r->it[F_DEP].hidden =
	    !r->hand || r->it[F_WHAT].choice != W_DEP || r->ndeps == 0;
	r->it[F_GW].hidden = !r->hand || r->it[F_WHAT].choice != W_GW;
	r->it[F_PO].hidden = !r->hand || r->it[F_WHAT].choice != W_PO;
	lw = list_form_width(&r->s.fm, 14) + 2;
	/* the key and what it is about, once: an over_short key, or the
	 * long key of one sharing its KIND:REFERENCE, holds the detail */
	recon_key_long(&r->e, head, sizeof head);
	if (strncmp(r->e.key, head, strlen(head)) == 0)
		xstrlcpy(head, r->e.key, sizeof head);
	else
		snprintf(head, sizeof head, "%s  %s", r->e.key, r->e.detail);
	attron(A_BOLD);
	tui_text_cut(y++, 2, head, COLS - 4);
	attroff(A_BOLD);
	tui_pair(y++, 2, lw, _("Amount"),
	    svc_money(t->svc, m, sizeof m,
	        r->e.actual ? r->e.actual : r->e.expected));
	y++;
	y += tui_form_draw(t, &r->s.fm, y, 2, lw, COLS - 4) + 1;
	sc->typing = tui_form_typing(&r->s.fm);
	check(r, why, sizeof why);
	if (why[0]) {
		tui_form_reason(t, last, 2, why, COLS - 4, 2);
		return;
	}
	attron(tui_attr(t, TUI_C_OK, A_BOLD));
	tui_text(last + 1, 2,
	    tui_keys(r->unmatch ? _("{Enter} takes the match back")
	             : r->hand  ? _("{Enter} matches the credit")
	                        : _("{Enter} resolves the exception")),
	    COLS - 4);
	attroff(tui_attr(t, TUI_C_OK, A_BOLD));
}

/* What a hand match names: the payment number, TERMINAL:DAY, the slip,
 * GATEWAY:CODE or GATEWAY:PAYOUT as typed or picked. */
static const char *
hand_target(const struct rstep *r)
{
	switch (r->it[F_WHAT].choice) {
	case W_PAY:
		return r->it[F_PAY].f.buf;
	case W_CARD:
		return r->it[F_CARD].f.buf;
	case W_DEP:
		return r->slips[r->it[F_DEP].choice];
	case W_GW:
		return r->it[F_GW].f.buf;
	default:
		return r->it[F_PO].f.buf;
	}
}

static int
apply(struct tui_step *s, struct tui *t)
{
	struct rstep *r = (struct rstep *)s;
	struct recon_resolution res;
	struct recon_unmatch u;
	struct deposit d;
	struct pd_err err;
	char why[320];
	int rc, w = r->it[F_WHAT].choice;

	check(r, why, sizeof why);
	if (why[0]) {
		tui_message(t, 1, "%s", why);
		return TUI_HANDLED;
	}
	if (!tui_step_confirmed(&r->s)) {
		if (r->unmatch)
			tui_message(t, 1,
			    _("Take back the match of statement line %s to %s? "
			      "{Enter} again"),
			    r->e.ref, r->e.detail);
		else if (r->hand)
			tui_message(t, 1,
			    _("Match statement line %s to %s? {Enter} again"),
			    r->e.ref, hand_target(r));
		else
			tui_message(t, 1,
			    _("Resolve exception %s? {Enter} again to resolve "
			      "it"),
			    r->e.key);
		return TUI_HANDLED;
	}
	if (r->unmatch && r->slip[0])
		rc = svc_deposit_unmatch(
		    t->svc, r->slip, r->it[F_NOTE].f.buf, &d, &err);
	else if (r->unmatch)
		rc = svc_line_unmatch(
		    t->svc, r->e.ref, r->it[F_NOTE].f.buf, &u, &err);
	else if (r->hand && w == W_DEP)
		rc = svc_deposit_match(t->svc, r->slips[r->it[F_DEP].choice],
		    r->e.ref, r->it[F_NOTE].f.buf, &d, &err);
	else if (r->hand)
		rc = svc_line_match(t->svc, r->e.ref,
		    w == W_PAY ? r->it[F_PAY].f.buf : NULL,
		    w == W_CARD ? r->it[F_CARD].f.buf : NULL,
		    w == W_GW ? r->it[F_GW].f.buf : NULL,
		    w == W_PO ? r->it[F_PO].f.buf : NULL, r->it[F_NOTE].f.buf,
		    &u, &err);
	else
		rc = svc_recon_resolve(
		    t->svc, r->e.key, r->it[F_NOTE].f.buf, &res, &err);
	if (rc != 0) {
		tui_step_refused(&r->s);
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	t->list_gen++;
	if (r->unmatch)
		tui_message(t, 0,
		    _("The match of statement line %s is taken back"),
		    r->e.ref);
	else if (r->hand)
		tui_message(
		    t, 0, _("Statement line %s matched by hand"), r->e.ref);
	else
		tui_message(t, 0, _("Exception %s resolved"), r->e.key);
	return TUI_CLOSE;
}

const struct tui_screen_class screen_recon_resolve_class = {
    .name = "Resolve Exception",
    .title = N_("Resolve exception"),
    .keys = resolve_keys,
    .nkeys = TUI_NKEYS(resolve_keys),
    .draw = draw,
    .action = tui_step_action,
    .input = tui_step_input,
    .fields = 1,
};

const struct tui_screen_class screen_recon_unmatch_class = {
    .name = "Unmatch Credit",
    .title = N_("Take a match back"),
    .keys = unmatch_keys,
    .nkeys = TUI_NKEYS(unmatch_keys),
    .draw = draw,
    .action = tui_step_action,
    .input = tui_step_input,
    .fields = 1,
};

const struct tui_screen_class screen_recon_hand_class = {
    .name = "Match Credit",
    .title = N_("Match a credit by hand"),
    .keys = hand_keys,
    .nkeys = TUI_NKEYS(hand_keys),
    .draw = draw,
    .action = tui_step_action,
    .input = tui_step_input,
    .fields = 1,
};

struct tui_screen *
screen_recon_step_new(struct tui *t, const struct recon_exception *e, int hand)
{
	struct rstep *r;
	struct pd_err err;

	if (svc_require(t->svc, ROLE_SUPERVISOR,
	        hand ? _("Matching statement lines")
	             : _("Resolving exceptions"),
	        &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		return NULL;
	}
	if (hand && e->kind != RECON_UNEXPECTED) {
		tui_message(t, 1, "%s",
		    _("Only a credit nobody expected is matched by hand here"));
		return NULL;
	}
	r = xcalloc(1, sizeof *r);
	r->hand = hand;
	r->e = *e;
	r->what[W_PAY] = _("Bank transfer");
	r->what[W_CARD] = _("Card day");
	r->what[W_DEP] = _("Deposit");
	r->what[W_GW] = _("Gateway payment");
	r->what[W_PO] = _("Payout");
	/* the credit's account: its target's first part (ACCOUNT/...) */
	snprintf(r->account, sizeof r->account, "%.*s",
	    (int)strcspn(e->target, "/"), e->target);
	if (hand)
		deposits_of(r, t);
	tui_form_choice(&r->it[F_WHAT], _("Match to"), r->what, W_COUNT, 0);
	tui_form_text(&r->it[F_PAY], _("Payment"), 32, "");
	tui_form_text(&r->it[F_CARD], _("Terminal:day"), 27, "");
	if (r->ndeps > 0)
		tui_form_choice(
		    &r->it[F_DEP], _("Deposit"), r->opts, r->ndeps, 0);
	else
		tui_form_text(&r->it[F_DEP], _("Deposit"), 1, "");
	/* GATEWAY:CODE and GATEWAY:PAYOUT, as the service's gw_spec
	 * bounds them (a gateway's name of 47, an id of 255 or 63) */
	tui_form_text(&r->it[F_GW], _("Gateway:code"), 47 + 1 + 255, "");
	tui_form_text(&r->it[F_PO], _("Gateway:payout"),
	    47 + 1 + GW_PAYOUT_BUFSZ - 1, "");
	tui_form_text(&r->it[F_NOTE], _("Note"), DEPOSIT_NOTE_BUFSZ - 1, "");
	r->it[F_WHAT].hidden = !hand;
	tui_step_init(&r->s,
	    hand ? &screen_recon_hand_class : &screen_recon_resolve_class,
	    r->it, F_COUNT, hand ? F_WHAT : F_NOTE, apply);
	return &r->s.sc;
}

struct tui_screen *
screen_recon_unmatch_new(struct tui *t, const struct recon_line *l)
{
	struct recon_exception e;
	struct tui_screen *sc;
	struct rstep *r;

	if (strcmp(l->kind, "matched") != 0) {
		tui_message(
		    t, 1, "%s", _("Only a matched credit is taken back"));
		return NULL;
	}
	memset(&e, 0, sizeof e);
	e.kind = RECON_UNEXPECTED;
	xstrlcpy(e.ref, l->ref, sizeof e.ref);
	xstrlcpy(e.key, l->ref, sizeof e.key);
	xstrlcpy(e.detail, l->to, sizeof e.detail);
	e.actual = l->amount;
	sc = screen_recon_step_new(t, &e, 0);
	if (sc == NULL)
		return NULL;
	r = (struct rstep *)sc;
	r->unmatch = 1;
	/* a deposit's match (rule auto or manual) goes by its slip */
	if (strcmp(l->rule, "auto") == 0 || strcmp(l->rule, "manual") == 0)
		xstrlcpy(r->slip, l->to, sizeof r->slip);
	r->s.sc.cls = &screen_recon_unmatch_class;
	return sc;
}
