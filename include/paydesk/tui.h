/* tui.h - what the command line needs of the ncurses front end: run it,
 * and the key table of every screen (for `paydesk keys`, which
 * tests/cli/test_docs.sh checks against man/paydesk.1). */
#ifndef PAYDESK_PUBLIC_TUI_H
#define PAYDESK_PUBLIC_TUI_H
#include <stddef.h>

struct svc;

/* One binding: the key bar, the help screen and the man page's key list
 * come from these tables. */
struct tui_key {
	int key;           /* KEY_*, TUI_KEY_*, or a character */
	const char *name;  /* as shown: "F1", "Enter", "Esc", "q" */
	const char *label; /* on the key bar; NULL: help only */
	const char *help;  /* one line for the help screen; a key it names
	                    * is written {Enter}, {Esc}, {Space}... */
	int action;        /* the screen's action number */
};

/* The keys of one screen, as `paydesk keys` lists them. */
struct tui_keymap {
	const char *screen; /* "Record Payment 4 Items" */
	const struct tui_key *keys;
	size_t nkeys;
};

/* Run the UI on an open service until the user quits; 0 or an exit
 * status. */
int tui_main(struct svc *svc);
/* The keys of every screen of the registry, in its order; *n of them.
 * The array is the library's (not to be freed). */
const struct tui_keymap *tui_keymaps(size_t *n);
/* A help text (or any text of the UI) with each {Name} of a key put as
 * the key tables name it (Enter, Esc, Space...), for `paydesk keys`
 * whose Key column and man page keep those names; the screens show the
 * key bar's translated names instead. A static buffer (511 bytes at
 * most), valid until the fourth call after. */
const char *tui_keys_english(const char *s);

#endif
