/* form.c - a column of labelled inputs for the dialogs: text, money and
 * date fields, a choice among options (Left/Right), a set of options
 * (Space toggles the one under the cursor, Left/Right move it). */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui.h"

void
tui_form_text(
    struct tui_form_item *it, const char *label, int max, const char *value)
{
	memset(it, 0, sizeof *it);
	it->label = label;
	it->kind = FORM_TEXT;
	it->f.max = max;
	/* prefilled: selected, so that typing replaces it */
	tui_field_set(&it->f, value);
}

void
tui_form_choice(struct tui_form_item *it, const char *label,
    const char *const *options, int n, int choice)
{
	memset(it, 0, sizeof *it);
	it->label = label;
	it->kind = FORM_CHOICE;
	it->options = options;
	it->nopts = n;
	it->choice = choice;
}

static int
is_field(const struct tui_form_item *it)
{
	return it->kind == FORM_TEXT || it->kind == FORM_MONEY ||
	       it->kind == FORM_DATE || it->kind == FORM_COUNT;
}

int
tui_form_typing(const struct tui_form *fm)
{
	return fm->n > 0 && is_field(&fm->items[fm->focus]) &&
	       !fm->items[fm->focus].readonly;
}

/* Move the focus by delta to the next item that is not read-only. */
static void
move_focus(struct tui_form *fm, int delta)
{
	int i, f = fm->focus;

	for (i = 0; i < fm->n; i++) {
		f = (f + delta + fm->n) % fm->n;
		if (!fm->items[f].readonly && !fm->items[f].hidden)
			break;
	}
	fm->items[fm->focus].f.selected = 0;
	fm->focus = f;
	fm->items[f].f.money = fm->items[f].kind == FORM_MONEY;
	tui_field_enter(&fm->items[f].f);
}

int
tui_form_move(struct tui_form *fm, int step)
{
	static const int keys[] = {KEY_DOWN, KEY_UP, KEY_LEFT, KEY_RIGHT};

	if (step < 0 || step > 3)
		return 0;
	return tui_form_input(fm, keys[step], 0);
}

int
tui_form_input(struct tui_form *fm, int key, wint_t ch)
{
	struct tui_form_item *it;
	int rc;

	if (fm->n == 0)
		return 0;
	it = &fm->items[fm->focus];
	switch (key) {
	case KEY_UP:
	case KEY_BTAB:
		move_focus(fm, -1);
		return 1;
	case KEY_DOWN:
	case TUI_KEY_TAB:
		move_focus(fm, 1);
		return 1;
	case KEY_LEFT:
	case KEY_RIGHT:
		if (is_field(it) && !it->readonly)
			return tui_field_input(&it->f, key, 0) ? 1 : 0;
		if (it->kind == FORM_CHOICE && it->nopts > 0) {
			it->choice = (it->choice + (key == KEY_LEFT ? -1 : 1) +
			                 it->nopts) %
			             it->nopts;
			it->changed = 1;
			return 1;
		}
		if (it->kind == FORM_MULTI && it->nopts > 0) {
			it->cursor = (it->cursor + (key == KEY_LEFT ? -1 : 1) +
			                 it->nopts) %
			             it->nopts;
			return 1;
		}
		return 0;
	}
	if (it->readonly)
		return 0;
	if (it->kind == FORM_MULTI && key == 0 && ch == ' ') {
		it->set ^= 1ULL << it->cursor;
		it->changed = 1;
		return 1;
	}
	if (it->kind == FORM_CHOICE && key == 0 && ch == ' ') {
		it->choice = (it->choice + 1) % (it->nopts ? it->nopts : 1);
		it->changed = 1;
		return 1;
	}
	if (!is_field(it))
		return 0;
	/* a date: digits and the separators of the date formats (and the
	 * field's control keys: Ctrl-U clears) */
	if (it->kind == FORM_DATE && key == 0 && ch >= 0x20 &&
	    !((ch >= '0' && ch <= '9') || ch == '-' || ch == '/' || ch == '.'))
		return -1;
	/* a count: digits, refused as typed as a money field's letters
	 * are (helper-247: the wizard's Installments, Grace and Misses took
	 * a letter and refused it at Enter only) */
	if (it->kind == FORM_COUNT && key == 0 && ch >= 0x20 &&
	    !(ch >= '0' && ch <= '9'))
		return -1;
	it->f.money = it->kind == FORM_MONEY;
	rc = tui_field_input(&it->f, key, ch);
	if (rc == 1)
		it->changed = 1;
	return rc;
}

int
tui_form_key(struct tui *t, struct tui_form *fm, int key, wint_t ch)
{
	struct tui_form_item *it = &fm->items[fm->focus];
	int rc = tui_form_input(fm, key, ch);

	if (rc < 0 && it->kind == FORM_MONEY)
		tui_money_refused(t, it->label, ch);
	else if (rc < 0 && it->kind == FORM_COUNT)
		tui_message(t, 1, _("%s: digits only"), it->label);
	else if (rc < 0)
		tui_message(t, 1, "%s", _("Only digits and - / . in a date"));
	else if (rc > 0 && it->kind == FORM_MONEY)
		tui_money_typed(t, &it->f, it->label);
	return rc;
}

/* The columns "[x] option" takes, with the two spaces after it. */
static int
option_width(const struct tui_form_item *it, int k)
{
	return 4 + utf8_columns(it->options[k], strlen(it->options[k])) + 2;
}

/* The widest of a set's options as drawn, "[x] " and its text. */
static int
multi_widest(const struct tui_form_item *it)
{
	int k, w = 0;

	for (k = 0; k < it->nopts; k++)
		if (option_width(it, k) - 2 > w)
			w = option_width(it, k) - 2;
	return w;
}

/* A set of options on one row of w columns: when they do not all fit,
 * they scroll so that the one under the cursor shows, with < and > where
 * more are. */
static void
draw_multi(struct tui *t, const struct tui_form_item *it, int y, int x, int w,
    int focus)
{
	char line[512];
	int k, from = 0, cx, used = 0, end = x + w;

	/* the first shown: the cursor's option fits after it, with room
	 * for the markers, the < of those before, the > of those after
	 * (none after the last: helper-252, fault 10, one option shown
	 * where two fitted); the last shown needs no gap after it */
	for (k = 0; k <= it->cursor && k < it->nopts; k++)
		used += option_width(it, k);
	while (
	    from < it->cursor && used - 2 + (from > 0 ? 2 : 0) +
	                                 (it->cursor + 1 < it->nopts ? 2 : 0) >
	                             w)
		used -= option_width(it, from++);
	cx = x;
	if (from > 0) {
		mvaddstr(y, cx, "<");
		cx += 2;
	}
	for (k = from; k < it->nopts && cx < end; k++) {
		int on = (it->set >> k) & 1;
		int attr = focus && k == it->cursor
		               ? tui_attr(t, TUI_C_SELECT, A_REVERSE)
		               : 0;

		if (k > from && cx + option_width(it, k) - 2 >
		                    (k + 1 < it->nopts ? end - 2 : end)) {
			mvaddstr(y, end - 1, ">");
			break;
		}
		snprintf(line, sizeof line, "[%c] %s", on ? 'x' : ' ',
		    it->options[k]);
		attron(attr);
		tui_text(y, cx, line, end - cx);
		attroff(attr);
		cx += option_width(it, k);
	}
}

/* The least a field keeps when it gives way to its hint. */
#define FIELD_MIN 10

/* A field and its hint from y, fx, the row ending at end: the hint
 * beside the field, the field narrowed for it down to FIELD_MIN, else
 * wrapped under the field (at most 3 rows). Returns the rows under the
 * field that the hint took. */
static int
field_and_hint(struct tui *t, const struct tui_form_item *it, int y, int fx,
    int end, int focus)
{
	int fw = end - fx, hw, rows;
	int width = it->f.max > 0 && it->f.max + 1 < fw ? it->f.max + 1 : fw;
	const char *hint = it->hint ? tui_keys(it->hint) : NULL;

	if (hint == NULL) {
		tui_field_draw(t, &it->f, y, fx, width, focus);
		return 0;
	}
	hw = utf8_columns(hint, strlen(hint));
	if (width + 2 + hw > fw && fw - 2 - hw >= FIELD_MIN)
		width = fw - 2 - hw;
	else if (width + 2 + hw > fw && width > FIELD_MIN + 6)
		width = FIELD_MIN + 6;
	tui_field_draw(t, &it->f, y, fx, width, focus);
	attron(A_DIM);
	if (width + 2 + hw <= fw) {
		tui_text(y, fx + width + 2, hint, hw);
		rows = 0;
	} else
		rows = tui_wrap(y + 1, fx, hint, fw, 3);
	attroff(A_DIM);
	return rows;
}

int
tui_form_draw(
    struct tui *t, const struct tui_form *fm, int y, int x, int lw, int w)
{
	char line[512];
	int i, fx = x + lw + 2, fw = w - lw - 2, y0 = y;

	for (i = 0; i < fm->n; i++) {
		const struct tui_form_item *it = &fm->items[i];
		int focus = i == fm->focus;

		if (it->hidden)
			continue;
		if (focus)
			attron(A_BOLD);
		tui_text(y, x, it->label, lw);
		if (focus)
			attroff(A_BOLD);
		if (it->readonly) {
			tui_text(y, fx, it->f.buf, fw);
		} else if (is_field(it)) {
			y += field_and_hint(t, it, y, fx, x + w, focus);
		} else if (it->kind == FORM_CHOICE) {
			snprintf(line, sizeof line, "< %s >",
			    it->nopts ? it->options[it->choice] : "");
			if (focus)
				attron(tui_attr(t, TUI_C_SELECT, A_REVERSE));
			tui_text(y, fx, line, fw);
			if (focus)
				attroff(tui_attr(t, TUI_C_SELECT, A_REVERSE));
		} else if (multi_widest(it) + 4 > x + w - fx &&
		           x + w - fx < w - 2) {
			/* an option that does not fit beside the label with
			 * the < and > of those around it: the options on the
			 * row under it, the form's width (helper-253, fault
			 * 3: es at 64 columns, "< [x] INV-2025-004002
			 * $250.0" and no > after the first) */
			y++;
			draw_multi(t, it, y, x + 2, w - 2, focus);
		} else
			draw_multi(t, it, y, fx, x + w - fx, focus);
		y++;
	}
	return y - y0;
}

void
tui_step_init(struct tui_step *s, const struct tui_screen_class *cls,
    struct tui_form_item *it, int n, int focus,
    int (*apply)(struct tui_step *, struct tui *))
{
	s->sc.cls = cls;
	s->fm.items = it;
	s->fm.n = n;
	s->fm.focus = focus;
	s->edits = 0;
	s->asked = (unsigned)-1;
	s->apply = apply;
	s->pin = -1;
}

int
tui_step_action(struct tui_screen *sc, struct tui *t, int act)
{
	struct tui_step *s = (struct tui_step *)sc;

	switch (act) {
	case TUI_STEP_DO:
		return s->apply(s, t);
	case TUI_STEP_BACK:
		return TUI_CLOSE;
	default:
		s->edits++;
		tui_form_move(&s->fm, act - TUI_STEP_NEXT);
		return TUI_HANDLED;
	}
}

int
tui_step_input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct tui_step *s = (struct tui_step *)sc;

	s->edits++;
	tui_form_key(t, &s->fm, key, ch);
	return TUI_HANDLED;
}

int
tui_step_confirmed(struct tui_step *s)
{
	if (s->asked == s->edits)
		return 1;
	s->asked = s->edits;
	return 0;
}

void
tui_step_refused(struct tui_step *s)
{
	s->asked = s->edits - 1;
}

void
tui_form_reason(
    struct tui *t, int y, int x, const char *why, int width, int rows)
{
	/* Enter refused: the message line says it, once (s74 fault 1) */
	if (why[0] == '\0' || tui_message_says(t, why))
		return;
	attron(tui_attr(t, TUI_C_ERROR, A_DIM));
	tui_wrap(y, x, why, width, rows);
	attroff(tui_attr(t, TUI_C_ERROR, A_DIM));
}

void
tui_sign_init(struct tui_step *s, const struct tui_screen_class *cls,
    struct tui_form_item *it, int n, int focus, int pin,
    int (*apply)(struct tui_step *, struct tui *))
{
	tui_step_init(s, cls, it, n, focus, apply);
	s->pin = pin;
	s->sc.typing = 1;
}

int
tui_sign_input(struct tui_screen *sc, struct tui *t, int key, wint_t ch)
{
	struct tui_step *s = (struct tui_step *)sc;

	return tui_form_key(t, &s->fm, key, ch) != 0 ? TUI_HANDLED : 0;
}

void
tui_sign_wipe(struct tui_step *s)
{
	struct tui_field *f = &s->fm.items[s->pin].f;

	memset(f->buf, 0, sizeof f->buf);
	f->len = 0;
}

void
tui_sign_free(struct tui_screen *sc)
{
	tui_sign_wipe((struct tui_step *)sc);
}

void
tui_sign_draw(struct tui *t, struct tui_step *s, int y, int lw)
{
	const struct tui_form_item *it = &s->fm.items[s->fm.focus];

	tui_form_draw(t, &s->fm, y, 4, lw, COLS - 8 > 70 ? 70 : COLS - 8);
	if (tui_form_typing(&s->fm)) {
		t->cur_y = y + s->fm.focus;
		t->cur_x = 4 + lw + 2 +
		           (it->f.masked ? (int)utf8_chars(it->f.buf, it->f.len)
		                         : utf8_columns(it->f.buf, it->f.len));
	}
}

int
tui_form_period(struct tui *t, struct tui_form *fm, int from, char from_iso[11],
    char to_iso[11])
{
	struct pd_err err;
	int k;

	from_iso[0] = to_iso[0] = '\0';
	for (k = from; k <= from + 1; k++) {
		const struct tui_form_item *it = &fm->items[k];

		if (it->f.len == 0)
			continue;
		if (svc_date_parse(t->svc, it->f.buf, it->label,
		        k == from ? from_iso : to_iso, &err) != 0) {
			tui_message(t, 1, "%s", err.msg);
			fm->focus = k;
			return -1;
		}
	}
	if (from_iso[0] && to_iso[0] && strcmp(from_iso, to_iso) > 0) {
		tui_message(t, 1, "%s", _("From: after To; swap them"));
		fm->focus = from;
		return -1;
	}
	return 0;
}
