/* widgets.c - pieces the screens share: scrolled lines of details (and
 * a screen of them), amounts in large digits, reprints. The list widget
 * is list.c. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

int
tui_doc_gaps(
    const char *number, const struct doc_result *res, char *buf, size_t n)
{
	const char *p = res->gaps;
	size_t len = strlen(buf);
	int any = 0;

	while (*p != '\0' && len + 1 < n) {
		const char *tab = strchr(p, '\t'), *nl;

		if (tab == NULL)
			break;
		nl = strchr(tab, '\n');
		if (nl == NULL)
			nl = tab + strlen(tab);
		/* a row of its own after what was written (a path) */
		snprintf(buf + len, n - len, "%s", len > 0 ? "\n" : "");
		len = strlen(buf);
		snprintf(buf + len, n - len,
		    _("Warning: %s, field \"%.*s\": no font has %.*s"),
		    number, (int)(tab - p), p, (int)(nl - tab - 1), tab + 1);
		len = strlen(buf);
		any = 1;
		p = *nl ? nl + 1 : nl;
	}
	return any;
}

void
tui_reprint(struct tui *t, const char *number, char *done, size_t n)
{
	struct doc_request q = {0};
	struct doc_result res;
	struct pd_err err;
	int rc;

	q.print = 1;
	rc = svc_receipt_issue(t->svc, number, &q, &res, &err);
	if (done != NULL && res.path[0] != '\0' && res.copy)
		snprintf(
		    done, n, _("Copy %d written to %s"), res.copy, res.path);
	else if (done != NULL && res.path[0] != '\0')
		snprintf(done, n, _("Original written to %s"), res.path);
	if (rc != 0)
		tui_message(t, 1, "%s", err.msg);
	else if (res.printed && res.copy > 0)
		tui_message(
		    t, 0, _("Copy %d of %s printed"), res.copy, res.number);
	else if (res.printed)
		tui_message(t, 0, _("%s printed"), res.number);
	else
		tui_message(t, 0,
		    _("No print command configured: the PDF is %s"), res.path);
	/* after what was written: what could not be drawn in it */
	if (rc == 0 && tui_doc_gaps(res.number, &res, t->msg, sizeof t->msg))
		t->msg_error = 1;
}

int
tui_label_width(const char *const *labels, size_t n, int least)
{
	size_t i;
	int w = least;

	for (i = 0; i < n; i++) {
		const char *s = _(labels[i]);
		int c = utf8_columns(s, strlen(s)) + 1;

		w = c > w ? c : w;
	}
	return w;
}

void
tui_lines_add(struct tui_lines *l, int bold, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		abort();
	va_end(ap);
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->text = xrealloc(l->text, l->cap, sizeof *l->text);
		l->bold = xrealloc(l->bold, l->cap, 1);
	}
	l->text[l->n] = s;
	l->bold[l->n++] = (unsigned char)bold;
}

/* The columns of a lines view's row: drawn at column 2, up to the last
 * column but one (tui_lines_draw). */
static int
lines_width(void)
{
	return COLS - 3 > 20 ? COLS - 3 : 20;
}

/* The first row's part of s (printable) that fits width and where the
 * rest starts, spaces skipped: *rest. */
static size_t
row_part(const char *s, int width, const char **rest)
{
	size_t n = tui_wrap_cut(s, width);

	*rest = s + n;
	while (**rest == ' ')
		(*rest)++;
	return n;
}

void
tui_lines_pair(
    struct tui_lines *l, int lw, const char *label, const char *value)
{
	int lc = utf8_columns(label, strlen(label)),
	    pad = lw - lc > 1 ? lw - lc : 1,
	    width = lines_width() - 2 - lc - pad;
	char *shown = utf8_printable(value);
	const char *s = shown;
	size_t n;

	if (width < 10 || (int)utf8_columns(s, strlen(s)) <= width) {
		tui_lines_add(l, 0, "  %s%*s%s", label, pad, "", value);
		free(shown);
		return;
	}
	n = row_part(s, width, &s);
	tui_lines_add(l, 0, "  %s%*s%.*s", label, pad, "", (int)n, shown);
	while (*s != '\0') {
		const char *from = s;

		n = row_part(from, width, &s);
		tui_lines_add(l, 0, "%*s%.*s", 2 + lc + pad, "", (int)n, from);
	}
	free(shown);
}

void
tui_lines_wrap(struct tui_lines *l, int indent, const char *text)
{
	char *shown = utf8_printable(text);
	const char *s = shown;
	int width = lines_width() - indent;

	while (*s != '\0') {
		const char *from = s;
		size_t n = row_part(from, width > 10 ? width : 10, &s);

		tui_lines_add(l, 0, "%*s%.*s", indent, "", (int)n, from);
	}
	free(shown);
}

void
tui_lines_tail(
    struct tui_lines *l, const char *head, const char *text, int indent)
{
	if ((int)(utf8_columns(head, strlen(head)) +
	          utf8_columns(text, strlen(text))) <= lines_width()) {
		tui_lines_add(l, 0, "%s%s", head, text);
		return;
	}
	tui_lines_add(l, 0, "%s", head);
	tui_lines_wrap(l, indent, text);
}

void
tui_lines_draw(const struct tui_lines *l, int y, int x, int rows)
{
	size_t i;

	for (i = l->top; i < l->n && rows > 0; i++, rows--, y++) {
		if (l->bold[i])
			attron(A_BOLD);
		tui_text(y, x, l->text[i], COLS - x - 1);
		if (l->bold[i])
			attroff(A_BOLD);
	}
}

void
tui_lines_more(const struct tui_lines *l, int y, int x, int rows)
{
	char buf[128];
	size_t below =
	    l->n > l->top + (size_t)rows ? l->n - l->top - (size_t)rows : 0;

	if (below == 0)
		return;
	snprintf(buf, sizeof buf,
	    tui_keys(ngettext("%d more ({PgDn}, {PgUp})",
	        "%d more ({PgDn}, {PgUp})", (unsigned long)below)),
	    (int)below);
	attron(A_DIM);
	tui_text(y, x, buf, COLS - x - 1);
	attroff(A_DIM);
}

void
tui_lines_scroll(struct tui_lines *l, long delta, int rows)
{
	long top = (long)l->top + delta,
	     max = (long)l->n - (rows > 0 ? rows : 1);

	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	l->top = (size_t)top;
}

int
tui_lines_action(struct tui_lines *l, int action, int rows)
{
	switch (action) {
	case TUI_A_LINE_DOWN:
	case TUI_A_LINE_UP:
		tui_lines_scroll(l, action == TUI_A_LINE_UP ? -1 : 1, rows);
		return TUI_HANDLED;
	case TUI_A_PAGE_DOWN:
	case TUI_A_PAGE_UP:
		tui_lines_scroll(
		    l, action == TUI_A_PAGE_UP ? -rows : rows, rows);
		return TUI_HANDLED;
	}
	return 0;
}

void
tui_lines_free(struct tui_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->text[i]);
	free(l->text);
	free(l->bold);
	memset(l, 0, sizeof *l);
}

/* Large digits: five rows of three columns each (narrower for the
 * separators). */
static const struct {
	char c;
	const char *rows[5];
} glyphs[] = {
    {'0', {"###", "# #", "# #", "# #", "###"}},
    {'1', {" # ", "## ", " # ", " # ", "###"}},
    {'2', {"###", "  #", "###", "#  ", "###"}},
    {'3', {"###", "  #", " ##", "  #", "###"}},
    {'4', {"# #", "# #", "###", "  #", "  #"}},
    {'5', {"###", "#  ", "###", "  #", "###"}},
    {'6', {"###", "#  ", "###", "# #", "###"}},
    {'7', {"###", "  #", "  #", "  #", "  #"}},
    {'8', {"###", "# #", "###", "# #", "###"}},
    {'9', {"###", "# #", "###", "  #", "###"}},
    {'.', {" ", " ", " ", " ", "#"}},
    {',', {"  ", "  ", "  ", " #", "# "}},
    {'-', {"   ", "   ", "###", "   ", "   "}},
    {'\'', {"#", "#", " ", " ", " "}},
    {' ', {" ", " ", " ", " ", " "}},
};

/* The glyph's character for the one at s (*len bytes): a no-break space
 * or a narrow no-break space (grouping separators) is a space. */
static char
glyph_char(const char *s, size_t *len)
{
	if (strncmp(s, "\xc2\xa0", 2) == 0 ||
	    strncmp(s, "\xe2\x80\xaf", 3) == 0) {
		*len = (unsigned char)*s == 0xc2 ? 2 : 3;
		return ' ';
	}
	*len = utf8_len(s);
	return *s;
}

int
tui_big(int y, int x, const char *s)
{
	int x0 = x, r;
	size_t g, len;
	char c;

	for (; *s != '\0'; s += len) {
		c = glyph_char(s, &len);
		for (g = 0; g < sizeof glyphs / sizeof glyphs[0]; g++)
			if (glyphs[g].c == c && (len == 1 || c == ' '))
				break;
		if (g == sizeof glyphs / sizeof glyphs[0])
			continue; /* a symbol: drawn by the caller */
		for (r = 0; r < 5; r++) {
			const char *p = glyphs[g].rows[r];
			int i;

			for (i = 0; p[i] != '\0'; i++)
				if (p[i] == '#')
					mvaddstr(y + r, x + i, "\xe2\x96\x88");
		}
		x += (int)strlen(glyphs[g].rows[0]) + 1;
	}
	return x - x0;
}

void
tui_logout(struct tui *t)
{
	memset(&t->svc->actor, 0, sizeof t->svc->actor);
	tui_message(t, 0, "%s", _("Logged out"));
}

int
tui_logout_asked(struct tui *t, int *asked)
{
	if (*asked)
		return 1;
	*asked = 1;
	/* the other key that answers "stay" stops there (tui_dispatch) */
	t->ask_sc = t->top;
	t->ask_flag = asked;
	t->ask_key = TUI_KEY_ESC;
	tui_message(t, 1, "%s",
	    tui_keys(_("Log out? {Esc} again to log out, any other key to "
	               "stay")));
	return 0;
}

struct lines_screen {
	struct tui_screen sc;
	struct tui_lines l;
};

static int
lines_rows(void)
{
	return LINES - 4;
}

void
tui_lines_screen_draw(struct tui_screen *sc, struct tui *t)
{
	struct lines_screen *v = (struct lines_screen *)sc;

	(void)t;
	tui_lines_scroll(&v->l, 0, lines_rows());
	tui_lines_draw(&v->l, 1, 2, lines_rows());
}

int
tui_lines_screen_action(struct tui_screen *sc, struct tui *t, int a)
{
	struct lines_screen *v = (struct lines_screen *)sc;

	(void)t;
	if (tui_lines_action(&v->l, a, lines_rows()))
		return TUI_HANDLED;
	return a == TUI_A_CLOSE ? TUI_CLOSE : 0;
}

void
tui_lines_screen_free(struct tui_screen *sc)
{
	tui_lines_free(&((struct lines_screen *)sc)->l);
}

struct tui_screen *
tui_lines_screen(
    const struct tui_screen_class *cls, const char *title, struct tui_lines *l)
{
	struct lines_screen *v = xcalloc(1, sizeof *v);

	v->l = *l;
	memset(l, 0, sizeof *l);
	v->sc.cls = cls;
	v->sc.title = title;
	return &v->sc;
}
