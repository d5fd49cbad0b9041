/* keybar.c - keys as the screens write them ({Esc}, {F2}: a key's name
 * in the screens' language, translated where the catalogue has it) and
 * the F-key bar of the top screen, what does not fit behind F1. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "app_int.h"

/* A key's label translated; one marked KC_() in its context, the word
 * alone when the catalogue lacks it. */
static const char *
key_label(const char *label)
{
	const char *eot = strchr(label, '\004'), *tr;

	if (eot == NULL)
		return _(label);
	tr = gettext(label);
	return tr != label ? tr : eot + 1;
}


/* The key names that are words, in the context "key": the key bar and
 * F1 help show them translated (short: they share the bar); `paydesk
 * keys` and the man page keep the English of the key tables. */
static const char *const key_words[] = {NC_("key", "Space"), NC_("key", "Left"),
    NC_("key", "Right"), NC_("key", "Up"), NC_("key", "Down"),
    NC_("key", "Enter"), NC_("key", "Esc"), NC_("key", "Tab"),
    NC_("key", "S-Tab"), NC_("key", "PgUp"), NC_("key", "PgDn"),
    NC_("key", "Home"), NC_("key", "End"), NC_("key", "Del"),
    NC_("key", "Backspace")};

const char *
tui_key_name(const char *name)
{
	char key[64];
	const char *tr;
	size_t i;

	for (i = 0; i < TUI_NKEYS(key_words); i++)
		if (strcmp(name, key_words[i]) == 0)
			break;
	if (i == TUI_NKEYS(key_words))
		return name; /* a letter, a symbol or F1 */
	snprintf(key, sizeof key, "key%c%s", 4, name); /* msgctxt EOT id */
	tr = gettext(key);
	return tr != key ? tr : name;
}

#define KEYS_RING 4    /* tui_keys results alive at once */
#define KEYS_BUFSZ 512 /* bytes of one, the NUL with them */

/* Append n bytes of s at *len of buf, whole characters only. */
static void
keys_put(char *buf, size_t *len, const char *s, size_t n)
{
	while (n > 0 && *len + utf8_len(s) < KEYS_BUFSZ) {
		size_t k = utf8_len(s);

		if (k > n)
			break;
		memcpy(buf + *len, s, k);
		*len += k;
		s += k;
		n -= k;
	}
	buf[*len] = '\0';
}

/* The key word of the n bytes at s, NULL if they are none. */
static const char *
key_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < TUI_NKEYS(key_words); i++)
		if (strlen(key_words[i]) == n &&
		    strncmp(s, key_words[i], n) == 0)
			return key_words[i];
	return NULL;
}

/* s with its {Name}s put as the key bar says them (translate) or as
 * the key tables name them. */
static const char *
keys_expand(const char *s, int translate)
{
	static char ring[KEYS_RING][KEYS_BUFSZ];
	static unsigned next;
	char *buf = ring[next++ % KEYS_RING];
	const char *open, *close, *word;
	size_t len = 0;

	buf[0] = '\0';
	while ((open = strchr(s, '{')) != NULL) {
		keys_put(buf, &len, s, (size_t)(open - s));
		close = strchr(open, '}');
		word = close != NULL
		           ? key_word(open + 1, (size_t)(close - open - 1))
		           : NULL;
		if (word == NULL) { /* a brace of the text */
			keys_put(buf, &len, open, 1);
			s = open + 1;
			continue;
		}
		if (translate)
			word = tui_key_name(word);
		keys_put(buf, &len, word, strlen(word));
		s = close + 1;
	}
	keys_put(buf, &len, s, strlen(s));
	return buf;
}

const char *
tui_keys(const char *s)
{
	return keys_expand(s, 1);
}

const char *
tui_keys_english(const char *s)
{
	return keys_expand(s, 0);
}

/* One entry of the key bar at x: the key's name, then its label; the
 * columns it takes with the space after it. */
static int
bar_entry(struct tui *t, int x, const char *name, const char *label)
{
	int nw = utf8_columns(name, strlen(name));

	attron(tui_attr(t, TUI_C_KEY, A_REVERSE) | A_BOLD);
	mvaddstr(LINES - 1, x, name);
	attroff(tui_attr(t, TUI_C_KEY, A_REVERSE) | A_BOLD);
	tui_text(LINES - 1, x + nw + 1, label, COLS - x - nw - 1);
	return nw + utf8_columns(label, strlen(label)) + 2;
}

static int
bar_need(const char *name, const char *label)
{
	return utf8_columns(name, strlen(name)) +
	       utf8_columns(label, strlen(label)) + 2;
}

/* The key bar: every labelled key of the top screen, laid out from the
 * translations. When they do not all fit, as many as fit and then "F1
 * More": F1 help lists every key, so no key is dropped unseen. */
void
tui_draw_keybar(struct tui *t)
{
	const struct tui_screen *sc = t->top;
	const char *more = _("More");
	int x = 0, total = 0, room = COLS;
	size_t i;

	move(LINES - 1, 0);
	clrtoeol();
	if (sc == NULL)
		return;
	for (i = 0; i < sc->cls->nkeys; i++)
		if (sc->cls->keys[i].label != NULL)
			total += bar_need(tui_key_name(sc->cls->keys[i].name),
			    key_label(sc->cls->keys[i].label));
	if (total > COLS)
		room = COLS - bar_need("F1", more);
	for (i = 0; i < sc->cls->nkeys; i++) {
		const struct tui_key *k = &sc->cls->keys[i];
		const char *name = tui_key_name(k->name);

		if (k->label == NULL)
			continue;
		if (x + bar_need(name, key_label(k->label)) > room)
			break;
		x += bar_entry(t, x, name, key_label(k->label));
	}
	if (total > COLS)
		bar_entry(t, x, "F1", more);
}
