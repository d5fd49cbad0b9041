/* field.c - a one-line text field: UTF-8 characters in, Backspace removes
 * the last character, masked fields show '*'. */
#include <curses.h>
#include <string.h>

#include "tui.h"

int
tui_field_input(struct tui_field *f, int key, wint_t ch)
{
	char enc[4];
	size_t n, i = 0, last = 0;
	uint32_t cp;

	if (key == TUI_KEY_BACKSPACE) {
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
	if (f->money && !((ch >= '0' && ch <= '9') ||
	                    (ch == '.' && strchr(f->buf, '.') == NULL)))
		return -1;
	if (f->max > 0 && (int)utf8_chars(f->buf, f->len) >= f->max)
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
	tui_text(y, x, shown, width - 1);
	attroff(attr);
	if (focus) {
		t->cur_y = y;
		t->cur_x = x + cols;
	}
}
