/* field.c - a one-line text field: UTF-8 characters in, Backspace removes
 * the last character, masked fields show '*'. Text put in it (prefilled,
 * or there when the focus comes back) is selected: the first character
 * typed replaces it, Backspace or an arrow edits it. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui.h"

/* What money text may hold: digits, separators, symbols; not letters,
 * signs or controls (a letter is refused at the key). */
static int
money_char(wint_t ch)
{
	return (ch >= '0' && ch <= '9') || ch == '.' || ch == ',' ||
	       ch == '\'' || ch == ' ' || ch == '$' || ch >= 0x80;
}

const struct tui_key tui_field_keys[] = {
    {0x15, "Ctrl-U", NULL, N_("empty the field"), -1},
    {TUI_KEY_BACKSPACE, "Backspace", NULL,
        N_("delete the last character (or keep a selected value)"), -1},
};
const size_t tui_field_nkeys = TUI_NKEYS(tui_field_keys);

static int
field_clear(struct tui_field *f)
{
	int had = f->len > 0;

	f->len = 0;
	f->buf[0] = '\0';
	f->selected = 0;
	return had;
}

/* Every field with text the person did not just type is selected when
 * the focus comes to it (issue 17): the first character typed replaces
 * it, Backspace and the arrows edit it instead. A PIN is never shown, so
 * never selected. */
void
tui_field_enter(struct tui_field *f)
{
	f->selected = !f->masked && f->len > 0;
}

void
tui_field_set(struct tui_field *f, const char *text)
{
	snprintf(f->buf, sizeof f->buf, "%s", text ? text : "");
	f->len = strlen(f->buf);
	tui_field_enter(f);
}

void
tui_money_refused(struct tui *t, const char *what, wint_t ch)
{
	char ex[MONEY_BUFSZ], bare[MONEY_BUFSZ], c[8];
	size_t n = utf8_encode((uint32_t)ch, c);

	/* the character refused, and both forms the field takes: grouped
	 * with the symbol as the screens show money, and plain (issue 17:
	 * "only digits and one dot" was not true of either) */
	c[n] = '\0';
	svc_money(t->svc, ex, sizeof ex, 123450);
	svc_money_bare(t->svc, bare, sizeof bare, 123450, 0);
	tui_message(t, 1, _("%s: \"%s\" is not allowed; as in %s or %s"), what,
	    c, ex, bare);
}

int
tui_money_typed(struct tui *t, const struct tui_field *f, const char *what)
{
	struct pd_err err;
	int64_t v;

	if (f->len == 0 ||
	    svc_money_parse(t->svc, f->buf, what, &v, &err) == 0) {
		if (t->msg_error)
			t->msg[0] = '\0';
		return 1;
	}
	tui_message(t, 1, "%s", err.msg);
	return 0;
}

int
tui_field_input(struct tui_field *f, int key, wint_t ch)
{
	char enc[4];
	size_t n, i = 0, last = 0;
	uint32_t cp;

	if (key == 0 && ch == 0x15) /* Ctrl-U */
		return field_clear(f), 1;
	/* the arrows keep a selected text and edit it from its end */
	if ((key == KEY_LEFT || key == KEY_RIGHT || key == KEY_END ||
	        key == KEY_HOME) &&
	    f->selected) {
		f->selected = 0;
		return 1;
	}
	if (key == TUI_KEY_BACKSPACE) {
		f->selected = 0;
		if (f->len == 0)
			return 0;
		/* back to the start of the last character */
		while (i < f->len) {
			last = i;
			i += utf8_decode(f->buf + i, f->len - i, &cp);
		}
		f->len = last;
		f->buf[f->len] = '\0';
		return 1;
	}
	if (key != 0 || ch < 0x20 || ch == 0x7f)
		return 0;
	if (f->money && !money_char(ch))
		return -1;
	if (f->selected)
		field_clear(f);
	/* a money field takes any amount up to MONEY_MAX, grouped, with
	 * the symbol, whatever width it is drawn in */
	if (f->max > 0 && (int)utf8_chars(f->buf, f->len) >=
	                      (f->money && f->max < 32 ? 32 : f->max))
		return 0;
	n = utf8_encode((uint32_t)ch, enc);
	if (n == 0 || f->len + n >= sizeof f->buf)
		return 0;
	memcpy(f->buf + f->len, enc, n);
	f->len += n;
	f->buf[f->len] = '\0';
	return 1;
}

void
tui_field_draw(struct tui *t, const struct tui_field *f, int y, int x,
    int width, int focus)
{
	char stars[256];
	const char *shown = f->buf;
	size_t chars = utf8_chars(f->buf, f->len), i;
	int cols;

	if (f->masked) {
		for (i = 0; i < chars && i < sizeof stars - 1; i++)
			stars[i] = '*';
		stars[i] = '\0';
		shown = stars;
	}
	int attr =
	    focus ? tui_attr(t, TUI_C_SELECT, A_REVERSE) : (int)A_UNDERLINE;

	attron(attr);
	move(y, x);
	hline(' ', width);
	/* the end of the text when it is wider than the field */
	cols = utf8_columns(shown, strlen(shown));
	while (cols > width - 1) {
		cols -= utf8_cp_columns(utf8_cp(shown));
		shown += utf8_len(shown);
	}
	if (focus && f->selected)
		attron(A_BOLD | A_UNDERLINE);
	tui_text(y, x, shown, width - 1);
	attroff(attr | A_BOLD | A_UNDERLINE);
	if (focus) {
		t->cur_y = y;
		t->cur_x = x + cols;
	}
}
