/* screen_deposit_create.c - Record Deposit (issue 20): the rows the To
 * deposit list marked (screen_deposits.c) go into one deposit: each
 * cheque by its number and amount (SHIFT:NUMBER:AMOUNT, so that a
 * number two shifts, or two payers, had is the marked one's), each
 * shift's cash left whole. The slip
 * (bag) number is typed, the bank account too or left to [deposits]
 * account; the day is today. Enter asks once, then calls the use case
 * `paydesk deposit create` calls, whose refusal is shown in its words;
 * nothing is written before. The slip is written after it, as the
 * command writes it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

enum { A_DO = TUI_STEP_DO, A_NEXT = TUI_STEP_NEXT, A_BACK = TUI_STEP_BACK };

static const struct tui_key create_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Deposit"),
        N_("record the deposit (asked once)"), A_DO},
    TUI_FORM_KEYS(A_NEXT),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close; nothing is saved"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum { F_SLIP, F_ACCOUNT, F_COUNT };

struct dstep {
	struct tui_step s; /* first: the screen, its form, Enter asked */
	struct tui_form_item it[F_COUNT];
	struct deposit_pending *rows; /* the marked rows, copied */
	size_t n;
	int64_t total;
	size_t ncheques;
};

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct dstep *d = (struct dstep *)sc;
	char m[MONEY_BUFSZ], line[200], num[SVC_COUNT_BUFSZ];
	int y = 1, lw, last = LINES - 4;
	size_t i;

	lw = list_form_width(&d->s.fm, 12) + 2;
	attron(A_BOLD);
	snprintf(line, sizeof line,
	    ngettext(
	        "%s row, %s in all", "%s rows, %s in all", (unsigned long)d->n),
	    svc_count(t->svc, num, sizeof num, (int64_t)d->n),
	    svc_money(t->svc, m, sizeof m, d->total));
	tui_text_cut(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	/* what goes in, as the list showed it */
	for (i = 0; i < d->n && y < last - 6; i++) {
		if (d->rows[i].is_cheque)
			snprintf(line, sizeof line, "%s  %s %s  %s",
			    d->rows[i].z_no, d->rows[i].method,
			    d->rows[i].cheque[0] ? d->rows[i].cheque
			                         : _("(no number)"),
			    svc_money(t->svc, m, sizeof m, d->rows[i].left));
		else
			snprintf(line, sizeof line, "%s  %s  %s",
			    d->rows[i].z_no, d->rows[i].method,
			    svc_money(t->svc, m, sizeof m, d->rows[i].left));
		tui_text_cut(y++, 4, line, COLS - 6);
	}
	y++;
	y += tui_form_draw(t, &d->s.fm, y, 2, lw, COLS - 4) + 1;
	sc->typing = tui_form_typing(&d->s.fm);
	if (d->it[F_SLIP].f.len == 0) {
		tui_form_reason(
		    t, last, 2, _("Give the slip (bag) number"), COLS - 4, 2);
		return;
	}
	attron(tui_attr(t, TUI_C_OK, A_BOLD));
	tui_text(
	    last + 1, 2, tui_keys(_("{Enter} records the deposit")), COLS - 4);
	attroff(tui_attr(t, TUI_C_OK, A_BOLD));
}

/* The request of the marked rows: cheques by SHIFT:NUMBER:AMOUNT (two
 * of one number told apart, review R20 fault 4), the other
 * rows as SHIFT:METHOD=LEFT. specs and parts are the caller's to free. */
static void
request(struct tui *t, struct dstep *d, struct deposit_request *q,
    char ***specs, struct deposit_part **parts)
{
	int digits = t->svc->cfg.minor_digits;
	char a[MONEY_BUFSZ];
	size_t i;

	*specs = xcalloc(d->n ? d->n : 1, sizeof **specs);
	*parts = xcalloc(d->n ? d->n : 1, sizeof **parts);
	for (i = 0; i < d->n; i++) {
		const struct deposit_pending *p = &d->rows[i];
		const char *sh = p->z_no[0] ? p->z_no : p->shift_uuid;

		/* (SHIFT::AMOUNT: one listed with no number, s72 h11
		 * fault 1) */
		if (p->is_cheque)
			(*specs)[q->ncheques++] = xasprintf("%s:%s:%s", sh,
			    p->cheque,
			    money_plain(a, sizeof a, p->left, digits));
		else {
			(*parts)[q->nparts].shift = sh;
			(*parts)[q->nparts].method = p->method;
			(*parts)[q->nparts++].amount = p->left;
		}
	}
	q->cheques = (const char *const *)*specs;
	q->parts = *parts;
}

static int
apply(struct tui_step *s, struct tui *t)
{
	struct dstep *d = (struct dstep *)s;
	struct deposit_request q = {0};
	struct deposit_part *parts;
	struct doc_request dq = {0};
	struct doc_result res;
	struct deposit dep;
	struct pd_err err;
	char m[MONEY_BUFSZ], **specs;
	size_t i;
	int rc;

	if (d->it[F_SLIP].f.len == 0) {
		tui_message(t, 1, "%s", _("Give the slip (bag) number"));
		return TUI_HANDLED;
	}
	q.slip_no = d->it[F_SLIP].f.buf;
	q.account = d->it[F_ACCOUNT].f.len ? d->it[F_ACCOUNT].f.buf : NULL;
	request(t, d, &q, &specs, &parts);
	/* checked as the deposit would be (its slip, its shifts and
	 * cheques) before the question, which is asked of a deposit that
	 * would be recorded, and then recorded */
	if (!tui_step_confirmed(&d->s)) {
		rc = svc_deposit_check(t->svc, &q, &err);
		if (rc != 0) {
			tui_step_refused(&d->s);
			tui_message(t, 1, "%s", err.msg);
		} else
			tui_message(t, 1,
			    _("Deposit %s in slip %s? {Enter} again"),
			    svc_money(t->svc, m, sizeof m, d->total),
			    d->it[F_SLIP].f.buf);
		rc = 1;
	} else
		rc = svc_deposit_create(t->svc, &q, &dep, NULL, NULL, &err);
	if (rc == 1) {
		for (i = 0; i < q.ncheques; i++)
			free(specs[i]);
		free(specs);
		free(parts);
		return TUI_HANDLED;
	}
	for (i = 0; i < q.ncheques; i++)
		free(specs[i]);
	free(specs);
	free(parts);
	if (rc != 0) {
		tui_step_refused(&d->s);
		tui_message(t, 1, "%s", err.msg);
		return TUI_HANDLED;
	}
	t->list_gen++;
	/* the slip after the commit: the deposit stands if it fails */
	if (svc_deposit_slip_issue(t->svc, dep.uuid, &dq, &res, &err) != 0)
		tui_message(t, 1, "%s: %s",
		    _("The deposit slip was not written"), err.msg);
	else
		tui_message(t, 0, _("Deposit %s recorded: %s; its slip %s"),
		    dep.slip_no, svc_money(t->svc, m, sizeof m, dep.amount),
		    res.path);
	return TUI_CLOSE;
}

static void
free_step(struct tui_screen *sc)
{
	free(((struct dstep *)sc)->rows);
}

const struct tui_screen_class screen_deposit_create_class = {
    .name = "Record Deposit",
    .title = N_("Record a deposit"),
    .keys = create_keys,
    .nkeys = TUI_NKEYS(create_keys),
    .draw = draw,
    .action = tui_step_action,
    .input = tui_step_input,
    .free = free_step,
    .fields = 1,
};

struct tui_screen *
screen_deposit_create_new(
    struct tui *t, const struct deposit_pending *rows, size_t n)
{
	struct dstep *d;
	size_t i;

	(void)t;
	if (n == 0)
		return NULL;
	d = xcalloc(1, sizeof *d);
	d->rows = xcalloc(n, sizeof *d->rows);
	memcpy(d->rows, rows, n * sizeof *rows);
	d->n = n;
	for (i = 0; i < n; i++) {
		d->total += rows[i].left;
		d->ncheques += rows[i].is_cheque != 0;
	}
	tui_form_text(
	    &d->it[F_SLIP], _("Slip number"), DEPOSIT_SLIP_BUFSZ - 1, "");
	tui_form_text(
	    &d->it[F_ACCOUNT], _("Account"), DEPOSIT_ACCOUNT_BUFSZ - 1, "");
	d->it[F_ACCOUNT].hint = _("empty: [deposits] account");
	tui_step_init(
	    &d->s, &screen_deposit_create_class, d->it, F_COUNT, F_SLIP, apply);
	return &d->s.sc;
}
