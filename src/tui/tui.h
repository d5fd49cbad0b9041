/* tui.h - the ncurses front end: a stack of screens, one loop that reads
 * keys and redraws, a header and a key bar on every screen.
 *
 * A screen is a const struct tui_screen_class (its title, key table and
 * handlers) in its own file; app.c lists every class in its registry.
 * To add a screen, follow "TO ADD A NEW SCREEN" at the top of app.c.
 * Screens call service functions only: no SQL, no PDF, no rules.
 */
#ifndef PAYDESK_TUI_H
#define PAYDESK_TUI_H
#include <stddef.h>
#include <wchar.h>

#include "paydesk/i18n.h"
#include "paydesk/service.h"
#include "paydesk/tui.h"

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

struct tui;
struct tui_screen;

/* A kind of screen: what every instance shares. One const instance per
 * screen_*.c (screen_x_class), listed in the registry in app.c. */
struct tui_screen_class {
	const char *name;  /* in `paydesk keys` and the man page */
	const char *title; /* in the header (an instance may override it) */
	const struct tui_key *keys;
	size_t nkeys; /* TUI_NKEYS(keys) */
	/* draw the body (rows 1 .. LINES-3) */
	void (*draw)(struct tui_screen *sc, struct tui *t);
	/* a key from the table */
	int (*action)(struct tui_screen *sc, struct tui *t, int action);
	/* any other key or character; NULL: ignored */
	int (*input)(struct tui_screen *sc, struct tui *t, int key, wint_t ch);
	/* free what the instance holds (not the instance); NULL: nothing */
	void (*free)(struct tui_screen *sc);
	/* the screen came on top (pushed, or the one above it closed): read
	 * again what it shows, since another terminal or a sync may have
	 * changed it meanwhile; NULL: nothing */
	void (*enter)(struct tui_screen *sc, struct tui *t);
	/* it has text fields: F1 lists the fields' keys (tui_field_keys)
	 * after its own, as `paydesk keys` and paydesk(1) do (issue 17) */
	int fields;
};
/* The keys of every text field (Ctrl-U, Backspace): one table for F1,
 * `paydesk keys` ("Text fields") and paydesk(1). */
extern const struct tui_key tui_field_keys[];
extern const size_t tui_field_nkeys;
/* The number of entries of a key table (an array, not a pointer). */
#define TUI_NKEYS(table) (sizeof(table) / sizeof((table)[0]))

/* One screen on the stack: the first member of each screen's struct. */
struct tui_screen {
	const struct tui_screen_class *cls;
	const char *title; /* NULL: the class's */
	int typing;        /* a text field has the focus: '?' is a character */
	struct tui_screen *below;
};

/* The title shown in the header for sc, translated (titles are marked
 * with N_() where they are set). */
static inline const char *
tui_screen_title(const struct tui_screen *sc)
{
	const char *s = sc->title != NULL ? sc->title : sc->cls->title;

	return *s != '\0' ? _(s) : s; /* _("") is the catalogue's header */
}

struct tui {
	struct svc *svc;
	struct sync_worker *sync; /* background sync; NULL: none configured */
	int64_t sync_rounds; /* the worker's rounds seen (svc_currency_follow) */
	unsigned alert_failures; /* the alerts' delivery's failures shown */
	struct tui_screen *top;
	int colour;
	char msg[512]; /* the message line */
	int msg_error;
	int cur_y, cur_x; /* where the cursor goes after a redraw; -1: hidden */
	/* set by a handler: pop screens until this one is on top */
	struct tui_screen *unwind_to;
	/* set by a handler: push this after the pops (a menu that closes
	 * and opens what was chosen) */
	struct tui_screen *push_after;
	/* counted up by a dialog that wrote: a screen that read before reads
	 * again */
	unsigned list_gen;
	/* counted up by every push and pop: the loop calls the class's
	 * enter on the screen on top when it changed */
	unsigned stack_gen;
	/* a question put by screen ask_sc that any key but ask_key answers
	 * "no" ("Log out? Esc again to log out, any other key to stay"):
	 * that key is consumed by the answer, *ask_flag cleared, and does
	 * nothing else (issue 17 review: Esc then Enter on Home opened
	 * Record Payment); NULL: none */
	struct tui_screen *ask_sc;
	int *ask_flag, ask_key;
};

/* Colour pairs, when the terminal has colours and NO_COLOR is unset. */
enum { TUI_C_HEADER = 1, TUI_C_KEY, TUI_C_ERROR, TUI_C_OK, TUI_C_SELECT };

/* The loop's two halves, for the benchmark: hand one key to the top
 * screen (0 or TUI_QUIT), and redraw everything. */
int tui_dispatch(struct tui *t, int key, wint_t ch);
void tui_redraw(struct tui *t);
void tui_colours(struct tui *t);

void tui_push(struct tui *t, struct tui_screen *sc);
/* Whether the message line holds text in a refusal: a form's reason
 * its Enter was refused for is then not drawn on the form too (said
 * once, s74 fault 1). */
int tui_message_says(const struct tui *t, const char *text);
/* A form's reason its Enter is refused for (why, "" none), wrapped at
 * y, x in width columns and rows rows in the error colour, unless the
 * message line says it already (tui_message_says): each form screen
 * draws its reason through this, so none says it twice. */
void tui_form_reason(
    struct tui *t, int y, int x, const char *why, int width, int rows);
/* Set the message line (error: shown in the error colour); {Enter} and
 * the other key words in fmt become the key bar's names (tui_keys). */
void tui_message(struct tui *t, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The settings read again from the store, as at a sign-in: a refresh
 * key's (g), before it reads its figures or rows again, so that a
 * setting they depend on (team visibility, the accounting periods...)
 * changed meanwhile is in force (issue 23 fault 4: the dashboard kept
 * "team North" and its figures until the next sign-in). A setting that
 * cannot be taken is said on the message line, the others kept. */
void tui_settings_reread(struct tui *t);
/* The shared "read again" action (g): a key of a screen's table with it
 * has the loop read the settings again (tui_settings_reread) before the
 * screen's action handler reads its rows or figures again, so that no
 * screen has to remember it. */
enum { TUI_A_RELOAD = 1020 };
/* Attributes for a colour pair, or a plain fallback without colour. */
int tui_attr(const struct tui *t, int pair, int fallback);

/* Drawing helpers: text clipped to width display columns. */
void tui_text(int y, int x, const char *s, int width);
/* " · " and the scope in force (issue 23) appended to a list's count
 * line (of n bytes); search: a consumer's rows looked up (NULL: none),
 * wherever made unless a scope was chosen (svc_scope_list_title). */
void tui_scope_suffix(struct tui *t, char *line, size_t n, const char *search);
/* " · Organisation" appended to the count line of a list that has no
 * scope (paydesk(1) SCOPES says why; 80 columns leave no room for more
 * on the aging screen's total line). */
void tui_org_suffix(char *line, size_t n);
/* The dashboard's filters (svc->narrow) of those in bits
 * (SVC_FILTER_BIT) that hold, as a "Filters:" line at row y of a report
 * that takes those (TUI_ANALYSIS_FILTERS and the others below; review
 * R23 10): 1 drawn, or 0. */
int tui_filters_line(struct tui *t, int y, unsigned bits);
/* Leave of the dashboard's filters (svc->narrow) those in bits alone,
 * for a report that takes no others, as its command does; the filters
 * as they were returned, for the caller to put back once read. */
struct payment_filter tui_narrow_only(struct tui *t, unsigned bits);
/* The filters of the forecast (`report forecast`): the consumers'
 * segment, the payments' branch and user; the deteriorating payers'
 * (`report deteriorating`) those and the payments' method and channel;
 * the anomalies' (`report anomalies`) every one of the dashboard's. */
#define TUI_ANALYSIS_FILTERS SVC_FORECAST_FILTERS
#define TUI_DETERIORATING_FILTERS SVC_DETERIORATING_FILTERS
#define TUI_ANOMALY_FILTERS                                                    \
	(SVC_ANOMALY_FILTERS & ~SVC_FILTER_BIT(SVC_FILTER_PERIOD))
/* A report filter's refusal (svc_filters_parse) shown on a filter form:
 * the option it begins with ("--method") named as the form's field
 * ("Method"; review R23 s41: the screens said the command line's
 * options). */
void tui_filter_refused(struct tui *t, const char *msg);
/* The name of a key as the key bar and F1 help show it: the words
 * (Space, Left, Enter, Esc, PgDn...) translated in the context "key",
 * others as they are. */
const char *tui_key_name(const char *name);
/* A text that names keys, with each {Name} of a key word ({Enter},
 * {Esc}, {Space}, {Tab}, {Up}, {PgDn}...) replaced by tui_key_name's:
 * messages, hints and help say a key as the key bar shows it, never a
 * key name of their own in a translation (issue 25). Other braces stay.
 * Returns a static buffer (511 bytes at most, cut at a character),
 * valid until the fourth call after. tui_message does it to its format;
 * tui_keys_english (paydesk/tui.h) keeps the English names. */
const char *tui_keys(const char *s);
/* Text wrapped at spaces over at most rows rows, a newline starting a
 * row; returns rows used. */
int tui_wrap(int y, int x, const char *s, int width, int rows);
/* The rows s takes wrapped at width as tui_wrap and tui_pair_wrap wrap
 * it (no newline in s), 0 for an empty s. */
int tui_wrap_rows(const char *s, int width);
/* The rows text takes beside a labels' column of lw at column x, as
 * tui_pair_wrap wraps it there, 1 to most. */
int tui_pair_rows(const char *text, int x, int lw, int most);
/* The bytes of s (printable) that go on one row of width columns,
 * broken at the last space that fits (a word wider than the row alone). */
size_t tui_wrap_cut(const char *s, int width);
/* s as it fits in width display columns: whole, or cut and ended with
 * "…" so that a cut is never silent (issue 17). Into out (n bytes). */
const char *tui_fit(const char *s, int width, char *out, size_t n);
/* s cut with "…" where it does not fit (tui_fit), drawn at y, x. */
void tui_text_cut(int y, int x, const char *s, int width);
/* A heading and, in brackets, the scope its figures are of: "text
 * (scope)" on row y when it fits in width, else text on row y and
 * "(scope)" on the row below, never cut at the scope (a fresh tester's,
 * issue 23 fault 6: "...paid $0.00 (Branch B01, team North" at 80
 * columns). Returns the rows used, 1 or 2. */
int tui_text_scoped(
    int y, int x, const char *text, const char *scope, int width);
/* label: value on one row, the label in a column of lw; a value too
 * long for the row ends in "…". */
void tui_pair(int y, int x, int lw, const char *label, const char *value);
/* label: value wrapped over at most rows rows beside the label, where
 * the value is the point (a name, an address): returns the rows used. */
int tui_pair_wrap(
    int y, int x, int lw, const char *label, const char *value, int rows);
/* The label column for a table of n labels (marked N_(), translated
 * here): the widest translated label's display columns and the space
 * after it (tui_pair cuts a label to lw - 1), least at least, so that no
 * label is cut in any language. */
int tui_label_width(const char *const *labels, size_t n, int least);

/* Amount in large digits (5 rows high) at y, x; returns its width. */
int tui_big(int y, int x, const char *s);

/* Write a copy of a receipt and print it; the outcome on the message
 * line, and (done, if not NULL) what was written. */
void tui_reprint(struct tui *t, const char *number, char *done, size_t n);

/* Append to buf (n bytes, NUL-terminated) a warning for each field of
 * the document number in which a character no font has was drawn as a
 * box (res->gaps), each on a row of its own ("\n" before it); the CLI's words
 * (cli_doc_gaps) without "(drawn as an empty box)", to fit the screens' 62
 * columns. Returns whether there was any. */
int tui_doc_gaps(
    const char *number, const struct doc_result *res, char *buf, size_t n);

/* Lines of text with bold headings, scrolled: the details views. */
struct tui_lines {
	char **text;
	unsigned char *bold;
	size_t n, cap;
	size_t top; /* first line shown */
};
void tui_lines_add(struct tui_lines *l, int bold, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "label   value" with the label in a column of lw; a value wider than
 * the row (a view's lines are drawn at column 2) goes on under its
 * column (helper-247, fault 2: a long reason or error was cut at the
 * edge, no key showing the rest). */
void tui_lines_pair(
    struct tui_lines *l, int lw, const char *label, const char *value);
/* text wrapped over lines as wide as the row, each indent columns in. */
void tui_lines_wrap(struct tui_lines *l, int indent, const char *text);
/* head and text on one line when it fits the row; else head, and text
 * wrapped under it, indent columns in (a history's note, a reason). */
void tui_lines_tail(
    struct tui_lines *l, const char *head, const char *text, int indent);
/* Draw from row y to row y + rows - 1. */
void tui_lines_draw(const struct tui_lines *l, int y, int x, int rows);
/* Scroll by delta lines (rows visible). */
void tui_lines_scroll(struct tui_lines *l, long delta, int rows);
/* "N more ({PgDn}, {PgUp})" at y, x when lines lie below the rows drawn
 * from l's top; nothing when all are shown. */
void tui_lines_more(const struct tui_lines *l, int y, int x, int rows);
/* The scrolling keys of a lines view, for its key table, and their
 * actions: tui_lines_action handles them (TUI_HANDLED) or returns 0. */
enum { TUI_A_LINE_DOWN = 1000, TUI_A_LINE_UP, TUI_A_PAGE_DOWN, TUI_A_PAGE_UP };
/* clang-format off */
#define TUI_LINES_KEYS                                                    \
	{KEY_DOWN, "Down", NULL, N_("scroll down a line"), TUI_A_LINE_DOWN}, \
	{KEY_UP, "Up", NULL, N_("scroll up a line"), TUI_A_LINE_UP},      \
	{KEY_NPAGE, "PgDn", N_("Page"), N_("scroll down a page"),         \
	    TUI_A_PAGE_DOWN},                                             \
	{KEY_PPAGE, "PgUp", NULL, N_("scroll up a page"), TUI_A_PAGE_UP}
/* clang-format on */
int tui_lines_action(struct tui_lines *l, int action, int rows);
void tui_lines_free(struct tui_lines *l);
/* A screen that only shows lines (scrolled with TUI_LINES_KEYS, closed
 * by the key whose action is TUI_A_CLOSE); it takes l over. Its class
 * has the three handlers below; title NULL: the class's. */
enum { TUI_A_CLOSE = 1010 };
struct tui_screen *tui_lines_screen(
    const struct tui_screen_class *cls, const char *title, struct tui_lines *l);
void tui_lines_screen_draw(struct tui_screen *sc, struct tui *t);
int tui_lines_screen_action(struct tui_screen *sc, struct tui *t, int a);
void tui_lines_screen_free(struct tui_screen *sc);

/* A one-line text field. */
struct tui_field {
	char buf[512];
	size_t len;   /* bytes */
	int max;      /* characters */
	int masked;   /* shown as '*' (PINs) */
	int money;    /* digits, separators and symbols only */
	int selected; /* all the text is selected: typing replaces it */
};
/* Edit f with a key or character; 1 if it changed, 0 if the key is not
 * for a field, -1 if a money field refused the character (a letter; what
 * money text may hold is kept, and svc_money_parse says what is wrong).
 * Ctrl-U clears the field; on a selected field a character replaces the
 * text, Backspace removes its last character and an arrow (Left, Right,
 * Home, End) keeps it to edit (issue 17: the first key typed into a
 * prefilled field replaces it). */
int tui_field_input(struct tui_field *f, int key, wint_t ch);
/* Focus moves into f: a field with text (not a masked one) has it
 * selected. */
void tui_field_enter(struct tui_field *f);
/* Prefill f with text (NULL: empty), selected as tui_field_enter. */
void tui_field_set(struct tui_field *f, const char *text);
/* The message for the character ch a money field refused (what: the
 * field): the character and an amount in both forms the field takes. */
void tui_money_refused(struct tui *t, const char *what, wint_t ch);
/* After an edit of a money field: its reason on the message line while
 * the text is not an amount (svc_money_parse), cleared once it is.
 * Returns 1 if the text is an amount or empty. */
int tui_money_typed(struct tui *t, const struct tui_field *f, const char *what);
/* Draw f at y, x, width columns, with the cursor at its end if focus. */
void tui_field_draw(struct tui *t, const struct tui_field *f, int y, int x,
    int width, int focus);

/* A form: labelled inputs in a column, the focus moved with Up/Down or
 * Tab, choices changed with Left/Right (or Space), a set of options
 * toggled with Space. Labels, options and hints are drawn as given: the
 * caller translates them (lw from tui_label_width). */
enum tui_form_kind {
	FORM_TEXT,
	FORM_MONEY,
	FORM_DATE,
	FORM_COUNT, /* digits only: a number of installments, days, ... */
	FORM_CHOICE,
	FORM_MULTI
};
struct tui_form_item {
	const char *label;
	enum tui_form_kind kind;
	struct tui_field f; /* TEXT, MONEY, DATE; read-only: shown as text */
	const char *const *options;
	int nopts;
	int choice;             /* CHOICE */
	unsigned long long set; /* MULTI: bit per option */
	int cursor;             /* MULTI: the option under the cursor */
	const char *hint;       /* dim text after a field */
	int readonly, hidden;
	int changed; /* set on every edit; the owner clears it */
};
struct tui_form {
	struct tui_form_item *items;
	int n, focus;
};
void tui_form_text(
    struct tui_form_item *it, const char *label, int max, const char *value);
void tui_form_choice(struct tui_form_item *it, const char *label,
    const char *const *options, int n, int choice);
/* A key for the form: 1 handled, 0 not a form key, -1 refused. */
int tui_form_input(struct tui_form *fm, int key, wint_t ch);
/* The period of a filter form, its From and To date fields items from
 * and from + 1 of fm: each empty or a date of the organisation's format,
 * read into from_iso and to_iso (11 bytes each, YYYY-MM-DD, "" for an
 * empty one), From not after To. 0, or -1 with the message line saying
 * what is wrong and the focus on that field. */
int tui_form_period(struct tui *t, struct tui_form *fm, int from,
    char from_iso[11], char to_iso[11]);
/* tui_form_input with the message line's answer: a character a money
 * or date field refused says what the field takes, an amount being typed
 * shows its reason until it is one (tui_money_typed). Returns as
 * tui_form_input. */
int tui_form_key(struct tui *t, struct tui_form *fm, int key, wint_t ch);
/* The focus is on a field that takes characters. */
int tui_form_typing(const struct tui_form *fm);
/* A form moved by one of its four moving keys' actions: step 0 the next
 * field, 1 the field above, 2 the choice before, 3 the next choice (the
 * order of TUI_FORM_KEYS). Returns as tui_form_input. */
int tui_form_move(struct tui_form *fm, int step);
/* A form screen's key table rows of those four keys, their actions next,
 * next + 1, next + 2 and next + 3; TUI_FORM_FIELD_KEYS the first two
 * alone, for a form with no choice to turn. */
/* clang-format off */
#define TUI_FORM_FIELD_KEYS(next)                                         \
	{KEY_DOWN, "Down", NULL, N_("the next field (also {Tab})"), (next)}, \
	{KEY_UP, "Up", NULL, N_("the field above"), (next) + 1}
#define TUI_FORM_KEYS(next)                                               \
	TUI_FORM_FIELD_KEYS(next),                                        \
	{KEY_LEFT, "Left", NULL, N_("the choice before"), (next) + 2},       \
	{KEY_RIGHT, "Right", NULL, N_("the next choice"), (next) + 3}
/* clang-format on */
/* The key table rows of a form of one text field, a note (Reject a
 * dispute, resolve an exception, take a match back): no other field to
 * go to nor choice to turn (helper-252, fault 6: F1 listed them), Left
 * and Right its cursor's; actions as TUI_FORM_KEYS'. */
/* clang-format off */
#define TUI_NOTE_KEYS(next)                                               \
	{KEY_LEFT, "Left", NULL, N_("the cursor left"), (next) + 2},      \
	{KEY_RIGHT, "Right", NULL, N_("the cursor right"), (next) + 3}
/* clang-format on */
/* Labels in a column of lw, inputs after them, w columns in all. A
 * field's hint goes beside it, the field giving up columns for it (down
 * to 10); one that still does not fit is wrapped under the field, never
 * cut, and the items after it move down; so do a set of options whose
 * widest does not fit beside its label (drawn on the row under it).
 * Returns the rows drawn. */
int tui_form_draw(
    struct tui *t, const struct tui_form *fm, int y, int x, int lw, int w);

/* A form screen that does one thing on Enter, asked once (the steps of
 * issues 20 and 21: resolve an exception, match a credit by hand, take a
 * match back, open, uphold or reject a dispute, make, reschedule or
 * cancel an arrangement; form.c). The screen's struct starts with it; its
 * key table gives Enter TUI_STEP_DO, TUI_FORM_KEYS(TUI_STEP_NEXT) and
 * Esc TUI_STEP_BACK (actions of its own from TUI_STEP_OWN on, handled
 * before it hands the rest to tui_step_action); its class takes
 * tui_step_action and tui_step_input. */
enum {
	TUI_STEP_DO,
	TUI_STEP_NEXT,
	TUI_STEP_BACK = TUI_STEP_NEXT + 4,
	TUI_STEP_OWN
};
struct tui_step {
	struct tui_screen sc;
	struct tui_form fm;
	/* edits: a move or a key in the form; asked: the edits Enter asked
	 * about (a change asks again) */
	unsigned edits, asked;
	/* Enter: the screen's use case; TUI_HANDLED to stay, TUI_CLOSE */
	int (*apply)(struct tui_step *s, struct tui *t);
	int pin; /* a sign-off's PIN item (tui_sign_init); -1: none */
};
/* A step of class cls over n items it, focus on item focus, apply its
 * use case; nothing asked yet. */
void tui_step_init(struct tui_step *s, const struct tui_screen_class *cls,
    struct tui_form_item *it, int n, int focus,
    int (*apply)(struct tui_step *, struct tui *));
int tui_step_action(struct tui_screen *sc, struct tui *t, int act);
int tui_step_input(struct tui_screen *sc, struct tui *t, int key, wint_t ch);
/* Enter on the form as it is: 0 the first time (it counts as asked now;
 * the caller says what a second Enter does), 1 the second. */
int tui_step_confirmed(struct tui_step *s);
/* The use case refused: the next Enter asks again. */
void tui_step_refused(struct tui_step *s);
/* A sign-off form (the shifts': the X report's supervisor, a cash
 * movement, a forced close): a step whose Enter does its use case at
 * once, typed into from the start, its item pin a PIN that the use case
 * wipes (tui_sign_wipe) and that is wiped when the screen goes; a key
 * the form has no use for is left to the loop (the message line kept).
 * Its key table is a step's (TUI_FORM_FIELD_KEYS where no item is a
 * choice); its class takes tui_step_action, tui_sign_input and
 * tui_sign_free. */
void tui_sign_init(struct tui_step *s, const struct tui_screen_class *cls,
    struct tui_form_item *it, int n, int focus, int pin,
    int (*apply)(struct tui_step *, struct tui *));
int tui_sign_input(struct tui_screen *sc, struct tui *t, int key, wint_t ch);
void tui_sign_free(struct tui_screen *sc);
void tui_sign_wipe(struct tui_step *s);
/* The sign-off's form at y, from column 4, labels lw columns wide, 70
 * columns at most; the cursor after the focused field's text. */
void tui_sign_draw(struct tui *t, struct tui_step *s, int y, int lw);

/* The list widget (list.c): a selection, marks, a search typed as you
 * go, and columns (struct xcol: the service's listing columns or a
 * screen's own) laid out from what they show, by display width. The
 * screen gives the rows' cells; its key table takes TUI_LIST_KEYS (and
 * TUI_LIST_SCROLL_KEYS, TUI_LIST_MARK_KEYS where they apply) and its
 * action handler hands them to tui_list_action. */
#define TUI_LIST_COLS 16
/* A column header is marked N_("Header"); one whose word also means
 * something else ("Open": a key, and the amount still open) is marked
 * NC_("column", "Open"): the widget looks headers up in the context
 * "column" first, then without one. */
/* A key bar label whose word also means something else ("Apply": the
 * filters, or credit to an item) is marked KC_("filter", "Apply"): the
 * context and the word in one string (msgctxt EOT msgid, as gettext
 * keeps them); the key bar looks it up so, and shows the word alone
 * where the catalogue has no translation. */
#define KC_(ctx, s) ctx "\004" s
/* The number of columns of a column table (an array). */
#define TUI_NCOLS(cols) ((int)(sizeof(cols) / sizeof((cols)[0])))
/* Fill the cells of row (ncols of them) for the list; text may point
 * into buf (LISTING_BUFSZ bytes) or into the screen's rows. */
typedef void (*tui_list_cells_fn)(
    struct tui *t, void *arg, size_t row, struct xcell *cells, char *buf);
struct tui_list {
	const struct xcol *cols;
	int ncols;
	tui_list_cells_fn cells;
	void *arg;
	int header;      /* a header row above the rows (1 by default) */
	int sorted, asc; /* the column marked as the order (-1: none) */
	int marks;       /* Space marks rows (set before tui_list_set) */
	int blur;        /* the focus is elsewhere: the selection in bold */
	/* the search typed as you go: the screen starts it (its "/" key);
	 * each change calls changed, which reads the rows again */
	struct tui_field search;
	int searching;
	void (*changed)(struct tui *t, void *arg);
	/* state */
	size_t n, sel, top;
	unsigned char *marked; /* a flag per row when marks */
	size_t nmarked;
	/* columns kept on a narrow screen, a bit each, beyond the key ones
	 * (the first, the sorted one, amounts, the status) */
	unsigned keep;
	/* columns that give way first on a narrow screen, a bit each (the
	 * account beside the consumer's name) */
	unsigned give;
	/* the layout of the last draw: the columns shown (a bit each); the
	 * scroll (Left/Right move it): 0 the first view, the columns by
	 * priority, k > 0 those from the k-th other column on, by place
	 * (k - 1 scrolled off to the left); whether more are hidden to the
	 * right */
	unsigned shown;
	int first, more;
	/* amounts that gave up their key place in the last draw (a bit
	 * each): too wide for all of them to show, they scroll whole */
	unsigned demoted;
	int rows; /* the rows shown by the last draw */
	int w[TUI_LIST_COLS];
};
enum {
	TUI_A_LIST_UP = 1100,
	TUI_A_LIST_DOWN,
	TUI_A_LIST_PGUP,
	TUI_A_LIST_PGDN,
	TUI_A_LIST_HOME,
	TUI_A_LIST_END,
	TUI_A_LIST_LEFT,
	TUI_A_LIST_RIGHT,
	TUI_A_LIST_MARK,
	TUI_A_LIST_MARK_ALL
};
/* clang-format off */
#define TUI_LIST_KEYS                                                     \
	{KEY_UP, "Up", NULL, N_("the row above"), TUI_A_LIST_UP},         \
	{KEY_DOWN, "Down", NULL, N_("the row below"), TUI_A_LIST_DOWN},   \
	{KEY_PPAGE, "PgUp", NULL, N_("a page up"), TUI_A_LIST_PGUP},      \
	{KEY_NPAGE, "PgDn", NULL, N_("a page down"), TUI_A_LIST_PGDN},    \
	{KEY_HOME, "Home", NULL, N_("the first row"), TUI_A_LIST_HOME},   \
	{KEY_END, "End", NULL, N_("the last row"), TUI_A_LIST_END}
#define TUI_LIST_SCROLL_KEYS                                              \
	{KEY_LEFT, "Left", NULL, N_("scroll the columns left"),           \
	    TUI_A_LIST_LEFT},                                             \
	{KEY_RIGHT, "Right", NULL, N_("scroll the columns right"),        \
	    TUI_A_LIST_RIGHT}
#define TUI_LIST_MARK_KEYS                                                \
	{' ', "Space", N_("Mark"), N_("mark or unmark the row"),          \
	    TUI_A_LIST_MARK},                                             \
	{'*', "*", NULL, N_("mark every row, or clear the marks"),        \
	    TUI_A_LIST_MARK_ALL}
/* clang-format on */
/* A list of ncols columns whose cells come from cells(t, arg, ...). */
void tui_list_init(struct tui_list *l, const struct xcol *cols, int ncols,
    tui_list_cells_fn cells, void *arg);
/* The list now has n rows (read again): the selection stays within,
 * the marks are cleared. */
void tui_list_set(struct tui_list *l, size_t n);
/* Draw the header and as many rows as fit in rows rows (the header
 * included) at y, x, width columns; the rows used. */
int tui_list_draw(
    struct tui *t, struct tui_list *l, int y, int x, int width, int rows);
/* For a screen that draws its rows itself: the first row to show in
 * rows rows (they are then what PgUp/PgDn move by). */
size_t tui_list_top(struct tui_list *l, int rows);
/* A TUI_A_LIST_* action: TUI_HANDLED, or 0 for any other. */
int tui_list_action(struct tui_list *l, int action);
/* Start or stop the search typed as you go (sc: the screen, which
 * takes characters while it runs); stop returns TUI_HANDLED. */
void tui_list_search_start(struct tui_list *l, struct tui_screen *sc);
int tui_list_search_stop(struct tui_list *l, struct tui_screen *sc);
/* A key while searching: TUI_HANDLED (the search edited); 0 when not
 * searching. */
int tui_list_search_input(
    struct tui_list *l, struct tui *t, int key, wint_t ch);
void tui_list_free(struct tui_list *l);
/* s in w display columns at y, x (right-aligned if right), cut with an
 * ellipsis if longer, never inside a character; the columns written. */
int tui_cell(int y, int x, const char *s, int w, int right);
/* A code (a payment id of a gateway) in w display columns: whole if it
 * fits, else its start, an ellipsis and its end, where ids of one
 * processor differ (into buf of n bytes; the code itself when whole). */
const char *tui_code_fit(const char *code, int w, char *buf, size_t n);

/* A menu over the screen below it: Enter runs fn with the item's id
 * after the menu closed; fn returns a screen to open, or NULL. The title
 * and labels are drawn as given (translated by the caller); the box is
 * as wide as the widest of them. */
struct tui_menu_item {
	const char *label;
	int id;
};
typedef struct tui_screen *(*tui_menu_fn)(struct tui *t, void *arg, int id);
struct tui_screen *screen_menu_new(const char *title,
    const struct tui_menu_item *items, int n, tui_menu_fn fn, void *arg);

/* Log the user out (the caller closes its screen). */
void tui_logout(struct tui *t);
/* Esc on Home or the Dashboard asks before logging out (issue 17
 * section 4): the first time (*asked 0) the question goes on the message
 * line and *asked is set, 0 returned; the next Esc returns 1. Any other
 * key answers "stay": tui_dispatch clears *asked and consumes the key. */
int tui_logout_asked(struct tui *t, int *asked);

/* Screens. */
struct tui_screen *screen_login_new(void);
/* Run the reconciliation's matching rules and say how many credits they
 * matched (screen_exceptions.c): 0, or -1 with the error shown. */
int tui_recon_match(struct tui *t);
struct tui_screen *screen_home_new(struct tui *t);
struct tui_screen *screen_reprint_new(void);
/* Record Payment (find 0) or Find Consumer (find 1): the consumer search,
 * first step of the wizard. */
struct tui_screen *screen_pay_search_new(int find);
struct tui_screen *screen_today_new(struct tui *t);
/* The sync with the central node: its state and the rejected records. */
struct tui_screen *screen_sync_new(struct tui *t);
/* The header's words for the sync state ("" when none is configured):
 * long ("Online, 3 to send, synced 14:02") or short ("Online, 3 to
 * send"), the counts in the organisation's grouping. */
void tui_sync_words(const struct svc *s, const struct sync_status *st, int lng,
    char *buf, size_t n);
/* The back office. */
struct tui_screen *screen_dashboard_new(struct tui *t);
/* Payments (credits 0) or Credit Notes tab first. */
struct tui_screen *screen_payments_new(struct tui *t, int credits);
/* The payments list on its Posted payments of from..to ("YYYY-MM-DD"),
 * of the scope in force: the rows behind a dashboard tile or a chart's
 * bar (issue 23). */
struct tui_screen *screen_payments_posted(
    struct tui *t, const char *from, const char *to);
/* The payments list of the consumer of account_no, that one only (by
 * its id, named on the filter line), within the dashboard's filters in
 * force: the rows behind a deteriorating payer's days to pay (issue 23;
 * review R23b). NULL, the reason on the message line, when no consumer
 * has that account. */
struct tui_screen *screen_payments_of(struct tui *t, const char *account_no);
/* The deteriorating payers (issue 23; screen_deteriorating.c). */
struct tui_screen *screen_deteriorating_new(struct tui *t);
/* The disconnection and reconnection lists (issue 21; recovery and up),
 * Tab between them, x exporting the one shown; NULL when refused. */
struct tui_screen *screen_crews_new(struct tui *t);
/* The items behind k's Collection Rate, what each owes and what paid it
 * (svc_rate_rows); k is copied. */
struct tui_screen *screen_rate_items_new(struct tui *t, const struct kpi *k);
/* The rows behind k's Average Collection Time (time set: the allocations
 * it counts, svc_time_rows) or Outstanding (the open items today,
 * svc_open_rows); k is copied. */
struct tui_screen *screen_tile_rows_new(
    struct tui *t, const struct kpi *k, int time);
struct tui_screen *screen_payers_new(struct tui *t);
struct tui_screen *screen_aging_new(struct tui *t);
struct tui_screen *screen_forecast_new(struct tui *t);
struct tui_screen *screen_anomalies_new(struct tui *t);
/* The dashboard's filters (screen_dash_filter.c): the form; the filters
 * in force as a title ("" none); every filter off (a new sign-in's
 * dashboard). */
/* The dashboard's filters form, shared by the analysis screens; cli the
 * command line's report of a whole year's period ("kpi", "report
 * anomalies") on the screens a period has a meaning on, NULL on the
 * others: no Period field (the period in force kept as it is). */
struct tui_screen *screen_dash_filter_new(struct tui *t, const char *cli);
const char *dash_filter_title(char *buf, size_t n);
void dash_filter_reset(struct tui *t);
/* The accounting period of the form in force (issue 23): 1 with the
 * month the dashboard shows for it (YYYY-MM), 0 with none. */
int dash_filter_period(char month[8]);
/* The same with the period's first and last days (YYYY-MM-DD). */
int dash_filter_days(char from[11], char to[11]);
/* The dashboard moved to another month or week: its period no longer
 * in force. */
void dash_filter_period_clear(void);
/* The signed-in user's dashboard tiles: which and in what order. */
struct tui_screen *screen_tiles_new(struct tui *t);
/* The payment details view of a receipt number, payment or transaction
 * id; NULL (with a message) if it cannot be read. */
struct tui_screen *screen_payment_new(struct tui *t, const char *number);
/* The text of a receipt; NULL (with a message) if it cannot be made. */
struct tui_screen *screen_receipt_new(struct tui *t, const char *number);
/* Payment arrangements (issue 21) of one account (NULL: every one): the
 * Dashboard's r, the account view's r. */
struct tui_screen *screen_arrangements_new(struct tui *t, const char *account);
/* Make a payment arrangement for this consumer (issue 21; recovery and
 * up; NULL, the reason in the message line, when it cannot be made): the
 * account view's a. */
struct tui_screen *screen_arr_create_new(struct tui *t, const char *account);
/* The alerts of the debts being worked (issue 21; recovery and up; NULL,
 * the reason in the message line, for a role below) of kind, as
 * svc_alerts takes it: Home's Alerts (-1, every kind), the Arrangements
 * list's F3 (ALERT_PLAN_KINDS). */
struct tui_screen *screen_alerts_new(struct tui *t, int kind);
/* One alert with its history (screen_alert.c); NULL, the reason in the
 * message line, when it cannot be read. */
struct tui_screen *screen_alert_new(struct tui *t, int64_t id);

/* Disputes of payments (issue 21; recovery and up; NULL, the reason in
 * the message line, for a role below): Home's Disputes. */
struct tui_screen *screen_disputes_new(struct tui *t);
/* Dispute number with its timeline (NULL, the reason in the message
 * line, when it cannot be read). */
struct tui_screen *screen_dispute_new(struct tui *t, const char *number);

#endif
