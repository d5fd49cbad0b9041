/* table.c - the back office listings on screen: the service's columns
 * (svc_listing_cols), fitted to the terminal. The first column stays;
 * the others scroll sideways when they do not all fit. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui.h"

/* The least width of column i: its own least, and room for its header
 * (and the order mark when the list is sorted by it). */
static int
least(const struct tui_table *tb, int i)
{
	int w = tb->cols[i].min ? tb->cols[i].min : tb->cols[i].width;
	int h = (int)strlen(tb->cols[i].header) + (i == tb->sorted);

	return w > h ? w : h;
}

int
tui_table_layout(struct tui_table *tb, int width)
{
	int i, used, left, w;

	if (tb->first < 1)
		tb->first = 1;
	if (tb->first >= tb->ncols)
		tb->first = tb->ncols > 1 ? tb->ncols - 1 : 1;
	for (i = 0; i < tb->ncols; i++)
		tb->w[i] = 0;
	/* the pinned column, then from first on at their least width */
	w = least(tb, 0);
	tb->w[0] = w;
	used = w;
	tb->last = 0;
	for (i = tb->first; i < tb->ncols; i++) {
		w = least(tb, i);
		if (used + 1 + w > width)
			break;
		tb->w[i] = w;
		used += 1 + w;
		tb->last = i;
	}
	/* what is left: the flex column up to its full width, then each
	 * shown column in order, then the flex column takes the rest */
	left = width - used;
	for (i = -1; i < tb->ncols && left > 0; i++) {
		int c = i < 0 ? tb->flex : i, more;

		if (tb->w[c] == 0 || (i >= 0 && c == tb->flex))
			continue;
		more = tb->cols[c].width - tb->w[c];
		if (more > left)
			more = left;
		if (more > 0) {
			tb->w[c] += more;
			left -= more;
		}
	}
	if (left > 0 && tb->w[tb->flex] > 0)
		tb->w[tb->flex] += left;
	return tb->last;
}

/* Text in exactly w columns, right-aligned if right. */
static void
cell_at(int y, int x, const char *s, int w, int right)
{
	int cols = utf8_columns(s, strlen(s));

	if (right && cols < w)
		x += w - cols;
	tui_text(y, x, s, w);
	if (cols > w)
		mvaddstr(y, x + w - 1, "~");
}

static int
right_aligned(enum xkind k)
{
	return k == X_MONEY || k == X_INT || k == X_TENTHS;
}

void
tui_table_header(struct tui *t, const struct tui_table *tb, int y, int x)
{
	char h[64];
	int i, cx = x;

	(void)t;
	attron(A_DIM | A_UNDERLINE);
	move(y, x);
	for (i = 0; i < tb->ncols; i++) {
		if (tb->w[i] == 0)
			continue;
		if (i == tb->sorted)
			snprintf(h, sizeof h, "%s%s", tb->cols[i].header,
			    tb->asc ? "\xe2\x96\xb2" : "\xe2\x96\xbc");
		else
			snprintf(h, sizeof h, "%s", tb->cols[i].header);
		hline(' ', tb->w[i] + 1);
		cell_at(y, cx, h, tb->w[i], right_aligned(tb->cols[i].kind));
		cx += tb->w[i] + 1;
		if (i == 0 && tb->first > 1) {
			mvaddstr(y, cx - 1, "<");
		}
	}
	if (tb->last + 1 < tb->ncols)
		mvaddstr(y, cx - 1, ">");
	attroff(A_DIM | A_UNDERLINE);
}

void
tui_table_row(struct tui *t, const struct tui_table *tb, int y, int x,
    const struct xcell *cells, int selected, int marked)
{
	char buf[64];
	const char *s;
	int i, cx = x + 1, width = 0;
	int attr = selected ? tui_attr(t, TUI_C_SELECT, A_REVERSE) : 0;

	for (i = 0; i < tb->ncols; i++)
		if (tb->w[i])
			width += tb->w[i] + 1;
	attron(attr);
	move(y, x);
	hline(' ', width + 1);
	mvaddstr(y, x, marked ? "*" : " ");
	for (i = 0; i < tb->ncols; i++) {
		if (tb->w[i] == 0)
			continue;
		switch (tb->cols[i].kind) {
		case X_MONEY:
			s = svc_money(t->svc, buf, sizeof buf, cells[i].n);
			break;
		case X_INT:
			snprintf(
			    buf, sizeof buf, "%lld", (long long)cells[i].n);
			s = buf;
			break;
		case X_TENTHS:
			s = money_plain(buf, sizeof buf, cells[i].n, 1);
			break;
		default:
			s = cells[i].s ? cells[i].s : "";
		}
		cell_at(y, cx, s, tb->w[i], right_aligned(tb->cols[i].kind));
		cx += tb->w[i] + 1;
	}
	attroff(attr);
}

int
tui_table_scroll(struct tui_table *tb, int delta)
{
	int before = tb->first;

	if (delta > 0 && tb->last + 1 >= tb->ncols)
		return 0;
	tb->first += delta;
	if (tb->first < 1)
		tb->first = 1;
	if (tb->first >= tb->ncols)
		tb->first = tb->ncols - 1;
	return tb->first != before;
}
