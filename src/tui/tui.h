/* tui.h - the ncurses front end: a stack of screens, one loop that reads
 * keys and redraws, a header and a key bar on every screen.
 *
 * TO ADD A SCREEN:
 *   1. a file src/tui/screen_x.c with its key table (struct tui_key[]),
 *      its draw and action functions, and a constructor in this header;
 *      its key table in tui_keymaps() (app.c);
 *   2. the keys in the INTERACTIVE COMMANDS section of man/paydesk.1
 *      (tests/cli/test_docs.sh checks them against `paydesk keys`);
 *   3. a tmux test in tests/tui/.
 * Screens call service functions only: no SQL, no PDF, no rules.
 */
#ifndef PAYDESK_TUI_H
#define PAYDESK_TUI_H
#include <stddef.h>
#include <wchar.h>

#include "paydesk/service.h"

/* Keys the loop delivers: ncurses KEY_* codes, and these. */
#define TUI_KEY_ESC 0x1001
#define TUI_KEY_TAB 0x1002
#define TUI_KEY_ENTER 0x1003
#define TUI_KEY_BACKSPACE 0x1004

/* What a handler tells the loop. */
enum {
	TUI_HANDLED = 1, /* consumed; redraw */
	TUI_CLOSE = 2,   /* pop this screen */
	TUI_QUIT = 4     /* leave the program */
};

/* One binding: the key bar, the help screen and the man page's key list
 * come from these tables. */
struct tui_key {
	int key;           /* KEY_*, TUI_KEY_*, or a character */
	const char *name;  /* as shown: "F1", "Enter", "Esc", "q" */
	const char *label; /* on the key bar; NULL: help only */
	const char *help;  /* one line for the help screen */
	int action;        /* the screen's action number */
};

struct tui;
struct tui_screen {
	const char *title;
	const struct tui_key *keys;
	size_t nkeys;
	int typing; /* a text field has the focus: '?' is a character */
	/* draw the body (rows 1 .. LINES-3) */
	void (*draw)(struct tui_screen *sc, struct tui *t);
	/* a key from the table */
	int (*action)(struct tui_screen *sc, struct tui *t, int action);
	/* any other key or character; NULL: ignored */
	int (*input)(struct tui_screen *sc, struct tui *t, int key, wint_t ch);
	void (*free)(struct tui_screen *sc);
	struct tui_screen *below;
};

struct tui {
	struct svc *svc;
	struct tui_screen *top;
	int colour;
	char msg[512]; /* the message line */
	int msg_error;
	int cur_y, cur_x; /* where the cursor goes after a redraw; -1: hidden */
};

/* Colour pairs, when the terminal has colours and NO_COLOR is unset. */
enum { TUI_C_HEADER = 1, TUI_C_KEY, TUI_C_ERROR, TUI_C_OK, TUI_C_SELECT };

/* Run the UI on an open service until the user quits; 0 or an exit
 * status. */
int tui_main(struct svc *svc);

void tui_push(struct tui *t, struct tui_screen *sc);
/* Set the message line (error: shown in the error colour). */
void tui_message(struct tui *t, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Attributes for a colour pair, or a plain fallback without colour. */
int tui_attr(const struct tui *t, int pair, int fallback);

/* Drawing helpers: text clipped to width display columns. */
void tui_text(int y, int x, const char *s, int width);
/* label: value on one row, the label in a column of lw. */
void tui_pair(int y, int x, int lw, const char *label, const char *value);

/* A one-line text field. */
struct tui_field {
	char buf[512];
	size_t len; /* bytes */
	int max;    /* characters */
	int masked; /* shown as '*' (PINs) */
};
/* Edit f with a key or character; 1 if it changed. */
int tui_field_input(struct tui_field *f, int key, wint_t ch);
/* Draw f at y, x, width columns, with the cursor at its end if focus. */
void tui_field_draw(struct tui *t, const struct tui_field *f, int y, int x,
    int width, int focus);

/* The keys of every screen, for `paydesk keys` and the docs check. */
struct tui_keymap {
	const char *screen;
	const struct tui_key *keys;
	size_t nkeys;
};
const struct tui_keymap *tui_keymaps(size_t *n);

/* Screens. */
struct tui_screen *screen_login_new(void);
struct tui_screen *screen_home_new(struct tui *t);
struct tui_screen *screen_reprint_new(void);

extern const struct tui_key screen_login_keys[];
extern const size_t screen_login_nkeys;
extern const struct tui_key screen_home_keys[];
extern const size_t screen_home_nkeys;
extern const struct tui_key screen_reprint_keys[];
extern const size_t screen_reprint_nkeys;

#endif
