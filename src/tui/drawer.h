/* drawer.h - what the shift screens share (issue 20; design s29/design20.md,
 * TUI): the blind close's counts as the cashier enters them, step by step.
 * The first step (the cash count) owns the state; each later step is a
 * screen on top of the one before, so Esc goes back a step with what was
 * typed still there. Nothing expected is shown before the result screen:
 * the steps only know the tenders' names and kinds. The rules (expected,
 * over/short, tolerance, sign-off) are the service's (svc_shift_*). */
#ifndef PAYDESK_TUI_DRAWER_H
#define PAYDESK_TUI_DRAWER_H
#include "backoffice.h"

/* Room for what one form field holds (struct tui_field's buf). */
#define DRAWER_TYPED_SZ 512

struct drawer_close {
	struct tui_screen *home; /* the screen the close returns to */
	struct shift sh;         /* the open shift */
	/* the tenders of the close, by kind: cash (counted by denomination),
	 * card (slips), the others that take cheques (a list) */
	char cash[SHIFT_METHOD_BUFSZ];
	char cards[CFG_LIST_MAX][SHIFT_METHOD_BUFSZ];
	int ncards;
	char cheques[CFG_LIST_MAX][SHIFT_METHOD_BUFSZ];
	int ncheques;
	/* what was counted: the cash lines (the count screen's), the
	 * slips' and the cheques' */
	struct shift_count *cash_lines;
	size_t ncash;
	struct shift_count *slips;
	size_t nslips;
	struct shift_count *cheque_lines;
	size_t ncheque, cheque_cap;
	/* what a later step had typed, kept when Esc leaves it and typed
	 * back when it is entered again, each step a new screen (README:
	 * "Esc goes back a step and keeps what was typed"; review s70,
	 * fault 2: the card slips were lost after going back to the cash):
	 * each card method's slips and total; the cheque not added yet
	 * (method, number, amount); the result's float kept (when changed),
	 * each tender's reason and the supervisor, not the PIN (wiped when
	 * the result is left) */
	char slips_typed[2 * CFG_LIST_MAX][DRAWER_TYPED_SZ];
	int cheque_method;
	char cheque_no[DRAWER_TYPED_SZ], cheque_amount[DRAWER_TYPED_SZ];
	char keep_typed[DRAWER_TYPED_SZ];
	int keep_changed;
	struct {
		char method[SHIFT_METHOD_BUFSZ];
		char text[DRAWER_TYPED_SZ];
	} reasons_typed[CFG_LIST_MAX];
	int nreasons_typed;
	char supervisor_typed[DRAWER_TYPED_SZ];
};

/* The lines of the close as one array (cash, slips, cheques); the caller
 * frees it. */
struct shift_count *drawer_counts(const struct drawer_close *d, size_t *n);
void drawer_close_free(struct drawer_close *d);
/* The reason typed for method's tender at the result, kept in d (text
 * NULL: the one kept, "" if none). */
const char *drawer_reason_typed(
    struct drawer_close *d, const char *method, const char *text);

/* The configured denominations, largest first, and the movements'
 * reasons and the amount above which a movement needs a supervisor
 * ([shifts] in paydesk.ini(5)). */
const int64_t *drawer_denoms(const struct tui *t, int *n);
const char (*drawer_reasons(const struct tui *t, int *n))[CFG_NAME_MAX];
int64_t drawer_approval_above(const struct tui *t);

/* "Open" or "Closed", translated (the context "shift"). */
const char *drawer_status_name(enum shift_status s);

/* The cash method of the configuration (the first of kind cash), NULL
 * if none. */
const char *drawer_cash_method(const struct tui *t);

/* Screens of the shift (Home's "Open shift" and "Shift" entries). */
/* The opening float counted by denomination, then the shift opened. */
struct tui_screen *screen_shift_open_new(struct tui *t);
/* The close's first step: the cash counted by denomination (home: the
 * screen to come back to once closed); NULL with a message if the
 * cashier has no open shift. */
struct tui_screen *screen_shift_close_new(
    struct tui *t, struct tui_screen *home);
/* The same for shift sh, open at this terminal, of a cashier who has
 * gone: a supervisor's blind count (review R20); NULL with a message. */
struct tui_screen *screen_shift_close_of(
    struct tui *t, struct tui_screen *home, const struct shift *sh);
/* The later steps of the close. */
struct tui_screen *screen_shift_slips_new(
    struct tui *t, struct drawer_close *d);
struct tui_screen *screen_shift_cheques_new(
    struct tui *t, struct drawer_close *d);
struct tui_screen *screen_shift_result_new(
    struct tui *t, struct drawer_close *d);
/* A pay-in, pay-out or safe drop. */
struct tui_screen *screen_shift_move_new(
    struct tui *t, enum shift_move_kind kind);
/* The X report of the open shift (z NULL), or the details of a shift by
 * Z number or UUID (the back office); NULL with a message on failure. */
struct tui_screen *screen_shift_report_new(struct tui *t, const char *key);
/* A cashier's X report: a supervisor's user name and PIN first, then
 * the X report they signed off (fault 15: the close is blind). */
struct tui_screen *screen_shift_x_sign_new(struct tui *t);
struct tui_screen *screen_shift_x_signed(
    struct tui *t, const struct shift_approval *a);
/* The X report of cashier's open shift at this terminal, for a
 * supervisor (the Shifts tab; NULL with a message on failure). */
struct tui_screen *screen_shift_x_of(struct tui *t, const char *cashier);
/* The forced close of sh, open at another terminal (the Shifts tab's
 * C): its reason and a supervisor's sign-off; NULL with a message. */
struct tui_screen *screen_shift_force_new(
    struct tui *t, const struct shift *sh);
/* The back office's Shifts tab: every drawer's shifts. */
struct tui_screen *screen_shifts_new(struct tui *t);
/* What this terminal's closed shifts leave to deposit, each cheque by
 * number (supervisor; NULL with a message), and the deposit of n of its
 * rows (screen_deposits.c, screen_deposit_create.c). */
struct tui_screen *screen_deposits_new(struct tui *t);
struct tui_screen *screen_deposit_create_new(
    struct tui *t, const struct deposit_pending *rows, size_t n);
/* The deposits this terminal prepared, each to hand to the bank
 * (supervisor; NULL with a message): screen_deposit_hand.c. */
struct tui_screen *screen_deposit_hand_new(struct tui *t);
/* The menu of the open shift (X report, movements, close) over home. */
struct tui_screen *screen_shift_menu_new(
    struct tui *t, struct tui_screen *home);

#endif
