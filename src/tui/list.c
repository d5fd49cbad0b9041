/* list.c - the one list widget every list screen plugs into (after tmux
 * mode-tree.c and htop Panel.c): a selection moved with Up/Down/PgUp/
 * PgDn/Home/End, rows marked with Space, a search typed as you go, and
 * columns laid out from what they show.
 *
 * Columns are struct xcol (the service's listing columns, or a screen's
 * own, their headers marked N_() and translated here): each is as wide
 * as its translated header, its width or its widest cell on
 * screen, whichever is widest, in display columns (a wide character
 * counts two, a combining mark none). When the terminal is too narrow,
 * the columns give way by priority. Key columns (the first, the sorted
 * one, amounts, the status, and those a screen keeps) always show; the
 * others rank by their order in the table, after those a screen lets
 * give way first. Text columns that allow it
 * (min, else width, not 0) are first cut with an ellipsis, never inside a
 * character, the widest first and never below that least (numbers,
 * stored words and names from a short list, min -1, are never cut:
 * shown whole or hidden); then the lowest-ranked columns are hidden, the last
 * first (text and counts before amounts), and a ">" at the header's end says
 * so. Left/Right scroll the hidden columns into view ("<": some
 * scrolled off to the left), the key columns staying in place; the first
 * Right shows the others by place from the first when the first view
 * showed them by rank, and a column too wide beside the columns a screen
 * keeps shows in place of those (the first and sorted ones stay), so
 * that every column is reached (helper-246, fault 2). Amounts
 * are sized from the widest shown, in every money format: where the key
 * columns alone would not fit, the amounts (but the sorted one) give up
 * their key place and scroll whole like the others, so that no amount
 * is ever cut (issue 25). Every list, every language: nothing
 * the row is known by ever leaves the screen. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

#define ELLIPSIS "\xe2\x80\xa6"

int
tui_cell(int y, int x, const char *text, int w, int right)
{
	char *s;
	int cols, used;
	size_t n;

	if (w <= 0)
		return 0;
	s = utf8_printable(text); /* a name or a reason from outside */
	cols = utf8_columns(s, strlen(s));
	if (cols <= w) {
		move(y, right ? x + w - cols : x);
		addstr(s);
		free(s);
		return cols;
	}
	n = utf8_fit(s, strlen(s), w - 1, &used);
	move(y, x);
	addnstr(s, (int)n);
	addstr(ELLIPSIS);
	free(s);
	return used + 1;
}

const char *
tui_code_fit(const char *code, int w, char *buf, size_t n)
{
	size_t len = strlen(code), head, tail;
	int hw;

	if (utf8_columns(code, len) <= w || w < 6)
		return code;
	/* a third for the start (the processor's prefix), the rest for the
	 * end */
	head = utf8_fit(code, len, (w - 1) / 3, &hw);
	for (tail = head; tail < len; tail++)
		if ((code[tail] & 0xC0) != 0x80 &&
		    utf8_columns(code + tail, len - tail) <= w - 1 - hw)
			break;
	snprintf(buf, n, "%.*s" ELLIPSIS "%s", (int)head, code, code + tail);
	return buf;
}

static int
numeric(enum xkind k)
{
	return k == X_MONEY || k == X_INT || k == X_TENTHS || k == X_PERCENT ||
	       k == X_NUMBER;
}

/* The text of cell i of a row. */
static const char *
cell_text(struct tui *t, const struct tui_list *l, int i, const struct xcell *c,
    char *buf, size_t n)
{
	const char *w;

	switch (l->cols[i].kind) {
	case X_MONEY: /* a set .s: none (a refused record's alert) */
		return c[i].s != NULL ? "" : svc_money(t->svc, buf, n, c[i].n);
	case X_INT: /* a count, in the organisation's grouping */
		return c[i].s != NULL ? "" : svc_count(t->svc, buf, n, c[i].n);
	case X_NUMBER:
		snprintf(buf, n, "%lld", (long long)c[i].n);
		return buf;
	case X_TENTHS:
		return svc_tenths(t->svc, buf, n, c[i].n);
	case X_PERCENT:
		return c[i].n < 0 ? "" : svc_percent(t->svc, buf, n, c[i].n);
	case X_DATE: /* in the organisation's date format */
		return svc_date(t->svc, buf, n, c[i].s ? c[i].s : "");
	case X_TIME:
		return svc_timestamp(t->svc, buf, n, c[i].s ? c[i].s : "");
	case X_BOOL: /* yes or nothing, as the CLI's tables */
		return c[i].n ? _("yes") : "";
	case X_TERM: /* a stored word, in the operator's language */
		if (c[i].s == NULL || *c[i].s == '\0')
			return "";
		w = svc_word(c[i].s, buf, n);
		return w != c[i].s ? w : i18n_term(c[i].s);
	default:
		return c[i].s ? c[i].s : "";
	}
}

/* A column's header as shown: translated, with the order's arrow on the
 * sorted column. */
static void
header_text(const struct tui_list *l, int i, char *buf, size_t n)
{
	const char *h =
	    svc_column_header(l->cols[i].header ? l->cols[i].header : "");

	if (i == l->sorted)
		snprintf(buf, n, "%s%s", h,
		    l->asc ? "\xe2\x96\xb2" : "\xe2\x96\xbc");
	else
		snprintf(buf, n, "%s", h);
}

/* The least width of column i: numbers, stored words (X_TERM: a status,
 * a type, a reason, a word cut is a word lost in any language), columns
 * whose min is -1 (names from a short list: a method, a payer's methods)
 * and those without a least keep what they show, whole or hidden (issue
 * 25); the others may go down to it (and their header). */
static int
least(const struct tui_list *l, int i, int natural)
{
	const struct xcol *c = &l->cols[i];
	char h[96];
	int m = c->min ? c->min : c->width, hw;

	if (numeric(c->kind) || c->kind == X_TERM || m <= 0 || m >= natural)
		return natural;
	header_text(l, i, h, sizeof h);
	hw = utf8_columns(h, strlen(h));
	return m > hw ? m : hw;
}

/* Take columns off the widest of w (above floor) until total fits in
 * width; the total left. */
static int
shrink(int *w, const int *floor, int n, int total, int width)
{
	int i, widest;

	while (total > width) {
		widest = -1;
		for (i = 0; i < n; i++)
			if (w[i] > floor[i] &&
			    (widest < 0 ||
			        w[i] - floor[i] > w[widest] - floor[widest]))
				widest = i;
		if (widest < 0)
			break;
		w[widest]--;
		total--;
	}
	return total;
}

/* Each column as wide as its header and the cells of the rows shown. */
static void
measure(struct tui *t, struct tui_list *l, int *cw)
{
	struct xcell c[TUI_LIST_COLS];
	char buf[LISTING_BUFSZ], tb[MONEY_BUFSZ + 32];
	size_t r;
	int i;

	for (i = 0; i < l->ncols; i++) {
		header_text(l, i, tb, sizeof tb);
		cw[i] = l->header ? utf8_columns(tb, strlen(tb)) : 0;
	}
	for (r = l->top; r < l->n && r < l->top + (size_t)l->rows; r++) {
		memset(c, 0, sizeof c);
		l->cells(t, l->arg, r, c, buf);
		for (i = 0; i < l->ncols; i++) {
			const char *s = cell_text(t, l, i, c, tb, sizeof tb);
			int w = utf8_columns(s, strlen(s));

			if (w > cw[i])
				cw[i] = w;
		}
	}
}

/* A key column is never hidden: the first (the row's number or name),
 * the sorted one, amounts (but those demoted), the status, and those the
 * screen keeps. */
static int
key_col(const struct tui_list *l, int i)
{
	const struct xcol *c = &l->cols[i];

	return i == 0 || i == l->sorted ||
	       (c->kind == X_MONEY && !((l->demoted >> i) & 1u)) ||
	       (c->key != NULL && strcmp(c->key, "status") == 0) ||
	       ((l->keep >> i) & 1u);
}

/* Demote the amounts (never the sorted one nor one the screen keeps)
 * when the key columns at their least (lo) are wider than width (less
 * the " >"): they then show from the left while they fit, after the text
 * and counts gave way, and scroll whole with Left/Right instead of being
 * cut at the edge. */
static void
demote(struct tui_list *l, const int *lo, int width)
{
	int i, total = -1, hideable = 0;

	l->demoted = 0;
	for (i = 0; i < l->ncols; i++) {
		if (key_col(l, i))
			total += lo[i] + 1;
		else
			hideable = 1;
	}
	if (total <= width - 2 * hideable)
		return;
	for (i = 1; i < l->ncols; i++)
		if (l->cols[i].kind == X_MONEY && i != l->sorted &&
		    !((l->keep >> i) & 1u))
			l->demoted |= 1u << i;
}

/* The widths of the columns in l->shown, in width if they can be: each
 * its own width (or more for what it shows), down to what it shows, then
 * text cut down to its least; the total. */
static int
fit(struct tui_list *l, const int *nat, const int *cw, const int *lo, int width)
{
	int i, total = -1, fc[TUI_LIST_COLS], fl[TUI_LIST_COLS];

	for (i = 0; i < l->ncols; i++) {
		int on = (l->shown >> i) & 1u;

		l->w[i] = on ? nat[i] : 0;
		fc[i] = on ? cw[i] : 0;
		fl[i] = on ? lo[i] : 0;
		total += on ? nat[i] + 1 : 0;
	}
	total = shrink(l->w, fc, l->ncols, total, width);
	return shrink(l->w, fl, l->ncols, total, width);
}

/* The other columns scrolled off to the left: first view 0 and view 1
 * show from the first other column on (view 0 by priority, 1 by place),
 * view k from the k-th (helper-246, fault 2: Right from the first view,
 * where counts had given way to amounts, scrolled the first count off
 * before it was ever shown). */
static int
skipped(const struct tui_list *l)
{
	return l->first > 0 ? l->first - 1 : 0;
}

/* The next column to hide: in the first view those the screen lets
 * give way first, then the last shown that is not a key column, text and
 * counts before amounts (once scrolled, by place only, so that every
 * column can be reached); 0 if none is left. */
static int
hide_next(const struct tui_list *l)
{
	int i, pass, ok;

	for (pass = l->first > 0 ? 2 : 0; pass < 3; pass++)
		for (i = l->ncols - 1; i > 0; i--) {
			ok = pass == 0   ? (int)((l->give >> i) & 1u)
			     : pass == 1 ? l->cols[i].kind != X_MONEY
			                 : 1;
			if (((l->shown >> i) & 1u) && !key_col(l, i) && ok)
				return i;
		}
	return 0;
}

/* Whether the other columns shown are the first of them by place, one
 * at least. */
static int
in_place(const struct tui_list *l)
{
	int i, gap = 0, any = 0;

	for (i = 0; i < l->ncols; i++) {
		if (key_col(l, i))
			continue;
		if (!((l->shown >> i) & 1u))
			gap = 1;
		else if (gap)
			return 0;
		else
			any = 1;
	}
	return any;
}

/* The k-th other (not key) column when no other column shows, else -1. */
static int
shown_other(const struct tui_list *l, int k)
{
	int i, n = 0, at = -1;

	for (i = 0; i < l->ncols; i++) {
		if (key_col(l, i))
			continue;
		if ((l->shown >> i) & 1u)
			return -1;
		if (n++ == k)
			at = i;
	}
	return at;
}

/* Which columns show and how wide. Every key column shows; the others
 * (the table's order is their priority: the last gives way first) show
 * from the first-th on while they fit, cut down to their least before
 * one is hidden; Left/Right move first. */
static void
layout(struct tui *t, struct tui_list *l, int width)
{
	int i, k, nopt = 0, cw[TUI_LIST_COLS], lo[TUI_LIST_COLS];
	int nat[TUI_LIST_COLS];

	measure(t, l, cw);
	for (i = 0; i < l->ncols; i++) {
		nat[i] = cw[i] > l->cols[i].width ? cw[i] : l->cols[i].width;
		lo[i] = least(l, i, cw[i]);
	}
	demote(l, lo, width);
	for (i = 0; i < l->ncols; i++)
		nopt += !key_col(l, i);
	l->shown = (1u << l->ncols) - 1;
	if (fit(l, nat, cw, lo, width) <= width)
		l->first = 0; /* everything fits: nothing to scroll */
	if (l->first > nopt)
		l->first = nopt;
	for (i = 0, k = 0; i < l->ncols; i++)
		if (!key_col(l, i) && k++ < skipped(l))
			l->shown &= ~(1u << i);
	l->more = 0;
	/* once one is hidden, room for the " >" that says so */
	while (fit(l, nat, cw, lo, width - 2 * l->more) > width - 2 * l->more) {
		i = hide_next(l);
		if (i == 0)
			break; /* the key columns alone: cut at the edge */
		l->shown &= ~(1u << i);
		l->more = 1;
	}
	/* scrolled to a column the kept ones leave no room for: it shows,
	 * and the columns a screen keeps give way to it, the last first
	 * (never the first nor the sorted one), so that every column can
	 * be reached (helper-246, fault 2: at 80 columns, five of the plans
	 * report's never showed) */
	if (l->first > 0 && (k = shown_other(l, skipped(l))) >= 0) {
		l->shown |= 1u << k;
		for (i = l->ncols - 1; i > 0; i--) {
			if (fit(l, nat, cw, lo, width - 2) <= width - 2)
				break;
			if (((l->keep >> i) & 1u) && i != l->sorted && i != k)
				l->shown &= ~(1u << i);
		}
		(void)fit(l, nat, cw, lo, width - 2); /* the widths drawn */
	}
}

/* The columns shown. */
static int
shown(const struct tui_list *l, int i)
{
	return (l->shown >> i) & 1u;
}

static void
draw_header(struct tui_list *l, int y, int x, int width)
{
	char h[96];
	int i, cx = x + 1, end = x + width;

	attron(A_DIM | A_UNDERLINE);
	mvhline(y, x, ' ', width);
	for (i = 0; i < l->ncols && cx < end; i++) {
		if (!shown(l, i))
			continue;
		header_text(l, i, h, sizeof h);
		tui_cell(y, cx, h, l->w[i] < end - cx ? l->w[i] : end - cx,
		    numeric(l->cols[i].kind));
		cx += l->w[i] + 1;
		if (i == 0 && skipped(l) > 0)
			mvaddstr(y, cx - 1, "<");
	}
	if (l->more) /* after a space: the room layout left for it */
		mvaddstr(y, cx < end - 1 ? cx : end - 1, ">");
	attroff(A_DIM | A_UNDERLINE);
}

static void
draw_row(struct tui *t, struct tui_list *l, size_t r, int y, int x, int width)
{
	struct xcell c[TUI_LIST_COLS];
	char buf[LISTING_BUFSZ], tb[MONEY_BUFSZ + 32];
	int i, cx = x + 1, end = x + width;
	int attr =
	    r == l->sel && l->n
	        ? (l->blur ? (int)A_BOLD : tui_attr(t, TUI_C_SELECT, A_REVERSE))
	        : 0;

	memset(c, 0, sizeof c);
	l->cells(t, l->arg, r, c, buf);
	attron(attr);
	mvhline(y, x, ' ', width);
	if (l->marked != NULL && l->marked[r])
		mvaddstr(y, x, "*");
	for (i = 0; i < l->ncols && cx < end; i++) {
		if (!shown(l, i))
			continue;
		tui_cell(y, cx, cell_text(t, l, i, c, tb, sizeof tb),
		    l->w[i] < end - cx ? l->w[i] : end - cx,
		    numeric(l->cols[i].kind));
		cx += l->w[i] + 1;
	}
	attroff(attr);
}

/* The first row to show so that sel is in the middle when it can be. */
static size_t
top_of(size_t sel, size_t n, int rows)
{
	if (rows <= 0 || n <= (size_t)rows || sel < (size_t)rows / 2)
		return 0;
	if (sel + (size_t)rows / 2 >= n)
		return n - (size_t)rows;
	return sel - (size_t)rows / 2;
}

void
tui_list_init(struct tui_list *l, const struct xcol *cols, int ncols,
    tui_list_cells_fn cells, void *arg)
{
	memset(l, 0, sizeof *l);
	l->cols = cols;
	l->ncols = ncols < TUI_LIST_COLS ? ncols : TUI_LIST_COLS;
	l->cells = cells;
	l->arg = arg;
	l->sorted = -1;
	l->header = 1;
	l->rows = 1;
	l->search.max = 64;
}

void
tui_list_set(struct tui_list *l, size_t n)
{
	l->n = n;
	if (l->sel >= n)
		l->sel = n ? n - 1 : 0;
	if (l->marks) {
		l->marked = xrealloc(l->marked, n ? n : 1, 1);
		memset(l->marked, 0, n ? n : 1);
		l->nmarked = 0;
	}
}

int
tui_list_draw(
    struct tui *t, struct tui_list *l, int y, int x, int width, int rows)
{
	size_t r;
	int y0 = y;

	if (l->header)
		rows--;
	l->rows = rows > 1 ? rows : 1;
	l->top = top_of(l->sel, l->n, l->rows);
	layout(t, l, width - 1);
	if (l->header)
		draw_header(l, y++, x, width);
	for (r = l->top; r < l->n && y < y0 + (l->header ? 1 : 0) + l->rows;
	     r++)
		draw_row(t, l, r, y++, x, width);
	return y - y0;
}

size_t
tui_list_top(struct tui_list *l, int rows)
{
	l->rows = rows > 1 ? rows : 1;
	l->top = top_of(l->sel, l->n, l->rows);
	return l->top;
}

/* Mark row r or not, keeping the count. */
static void
mark(struct tui_list *l, size_t r, int on)
{
	if (l->marked[r] == on)
		return;
	l->marked[r] = (unsigned char)on;
	if (on)
		l->nmarked++;
	else
		l->nmarked--;
}

/* Move the selection by delta within the rows. */
static void
move_sel(struct tui_list *l, long delta)
{
	long v = (long)l->sel + delta;

	if (l->n == 0 || v < 0)
		v = 0;
	else if (v >= (long)l->n)
		v = (long)l->n - 1;
	l->sel = (size_t)v;
}

int
tui_list_action(struct tui_list *l, int action)
{
	size_t i;
	int all;

	switch (action) {
	case TUI_A_LIST_UP:
	case TUI_A_LIST_DOWN:
		move_sel(l, action == TUI_A_LIST_UP ? -1 : 1);
		return TUI_HANDLED;
	case TUI_A_LIST_PGUP:
	case TUI_A_LIST_PGDN:
		move_sel(l, action == TUI_A_LIST_PGUP ? -l->rows : l->rows);
		return TUI_HANDLED;
	case TUI_A_LIST_HOME:
		l->sel = 0;
		return TUI_HANDLED;
	case TUI_A_LIST_END:
		l->sel = l->n ? l->n - 1 : 0;
		return TUI_HANDLED;
	case TUI_A_LIST_LEFT:
	case TUI_A_LIST_RIGHT:
		if (action == TUI_A_LIST_RIGHT && !l->more)
			return TUI_HANDLED;
		/* from the first view: by place from the first other
		 * column when it showed them out of place (a count gave way
		 * to an amount after it), else one scrolled off; back to it
		 * from either */
		if (action == TUI_A_LIST_RIGHT)
			l->first += l->first == 0 && in_place(l) ? 2 : 1;
		else
			l->first = l->first <= 2 ? 0 : l->first - 1;
		return TUI_HANDLED;
	case TUI_A_LIST_MARK:
		if (l->marked == NULL || l->n == 0)
			return TUI_HANDLED;
		mark(l, l->sel, !l->marked[l->sel]);
		move_sel(l, 1);
		return TUI_HANDLED;
	case TUI_A_LIST_MARK_ALL:
		if (l->marked == NULL)
			return TUI_HANDLED;
		all = l->nmarked < l->n;
		for (i = 0; i < l->n; i++)
			mark(l, i, all);
		return TUI_HANDLED;
	}
	return 0;
}

void
tui_list_search_start(struct tui_list *l, struct tui_screen *sc)
{
	l->searching = 1;
	sc->typing = 1;
}

int
tui_list_search_stop(struct tui_list *l, struct tui_screen *sc)
{
	l->searching = 0;
	sc->typing = 0;
	return TUI_HANDLED;
}

int
tui_list_search_input(struct tui_list *l, struct tui *t, int key, wint_t ch)
{
	if (!l->searching)
		return 0;
	if (tui_field_input(&l->search, key, ch) == 1 && l->changed != NULL)
		l->changed(t, l->arg);
	return TUI_HANDLED;
}

void
tui_list_free(struct tui_list *l)
{
	free(l->marked);
	l->marked = NULL;
}
