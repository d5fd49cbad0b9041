/* arr_schedule.c - a payment arrangement's schedule as the New
 * Arrangement and Reschedule Arrangement forms preview it (issue 21):
 * its lines in columns under the form, the last line (the one that
 * takes the remainder of the division, and the day the plan ends) shown,
 * the lines between scrolled with PgDn and PgUp (helper-247, fault 3:
 * a long schedule showed its first lines and "7 more", the last never,
 * and the reschedule form's cut with no word of it). */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "backoffice.h"

/* Line k of a schedule as a cell: its number (the down payment's word
 * for it), due date and amount. */
static void
line_cell(
    struct tui *t, const struct arr_preview *p, int k, char *cell, size_t n)
{
	char m[MONEY_BUFSZ], d[SVC_DATE_BUFSZ], iso[11], no[16];
	const char *word;
	int w = p->lines[0].down
	            ? (int)utf8_columns(_("Down"), strlen(_("Down")))
	            : 0;

	date_format(iso, p->lines[k].due);
	/* numbered as the plan numbers its items (PLAN#k): the down
	 * payment #1, the first installment after it #2 (review 21) */
	snprintf(no, sizeof no, "%d", k + 1);
	word = p->lines[k].down ? _("Down") : no;
	if (w < 3)
		w = 3;
	/* the numbers under each other, right-aligned as wide as the word */
	snprintf(cell, n, "%*s%s  %s  %s",
	    w - (int)utf8_columns(word, strlen(word)), "", word,
	    svc_date(t->svc, d, sizeof d, iso),
	    svc_money(t->svc, m, sizeof m, p->lines[k].amount));
}

int
arr_schedule_draw(
    struct tui *t, const struct arr_preview *p, int y, int last, int *top)
{
	char cell[128];
	int cw = 0, ncol, rows = last - y + 1, k, slots, w, body, hidden;

	for (k = 0; k < p->nlines; k++) {
		line_cell(t, p, k, cell, sizeof cell);
		if ((w = (int)utf8_columns(cell, strlen(cell)) + 3) > cw)
			cw = w;
	}
	if (rows < 1 || cw == 0)
		return 0;
	ncol = (COLS - 4) / cw > 0 ? (COLS - 4) / cw : 1;
	slots = ncol * rows;
	/* all of it, or a window of it, the word of what is not shown and
	 * the last line */
	body = p->nlines <= slots ? p->nlines : slots - 2;
	if (body < 1)
		body = 1;
	if (*top > p->nlines - 1 - body)
		*top = p->nlines - 1 - body;
	if (*top < 0 || p->nlines <= slots)
		*top = 0;
	hidden = p->nlines <= slots ? 0 : p->nlines - body - 1;
	for (k = 0; k < body; k++) {
		line_cell(t, p, *top + k, cell, sizeof cell);
		tui_text(y + k % rows, 2 + (k / rows) * cw, cell, cw - 1);
	}
	if (hidden > 0) {
		snprintf(cell, sizeof cell,
		    tui_keys(ngettext("%d more ({PgDn}, {PgUp})",
		        "%d more ({PgDn}, {PgUp})", (unsigned long)hidden)),
		    hidden);
		tui_text(y + k % rows, 2 + (k / rows) * cw, cell, cw - 1);
		k++;
		line_cell(t, p, p->nlines - 1, cell, sizeof cell);
		tui_text(y + k % rows, 2 + (k / rows) * cw, cell, cw - 1);
	}
	return hidden > 0 ? body : 0;
}

int
arr_schedule_scroll(int *top, int page, int dir)
{
	if (page <= 0)
		return TUI_HANDLED;
	*top += dir * page;
	if (*top < 0)
		*top = 0;
	return TUI_HANDLED;
}
