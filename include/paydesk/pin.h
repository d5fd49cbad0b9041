/* pin.h - the PINs a guesser tries first (issue 18, section 5). Pure:
 * the digits only, no I/O. The kinds, for PINs of any length (4 to 12
 * digits, checked elsewhere):
 * - one digit repeated: 0000, 777777;
 * - a run up or down by one, wrapping after 9: 1234, 7890, 9876, 3210;
 * - a constant step of 2 or more, up or down, without wrapping: 1357,
 *   2468, 9753, 036;
 * - a group of digits repeated: 1212, 1010, 123123, 5252;
 * - each digit doubled or more: 1122, 112233, 111222;
 * - a line on the phone keypad (1 2 3 / 4 5 6 / 7 8 9 / 0 under 8),
 *   straight in one direction, or back and forth along it: 2580, 0852,
 *   1474, 9515;
 * - a year from 1900 to 2099, as 4 digits: 1998, 2024, 2000;
 * - one of the most common PINs of surveys (DataGenetics, "PIN
 *   analysis", 2012, and the 6-digit lists of leaked PINs) that no rule
 *   above catches: 1004, 4200, 159753, 147258, 147852,
 *   789456, 123654, 456123, 258456, 741852, 963852, 121314 (pin_common in
 *   pin.c; paydesk.ini(5) lists them too);
 * - all digits but one the same, 4 digits or more: 0007, 1000, 7077;
 * - the same read backwards (a pair mirrored): 1221, 0770, 123321;
 * - along one line of the keypad, each digit the next (or each the one
 *   before), taken round: the columns with 0 under them as a phone
 *   (under 8) or a computer's keypad (under 1) has it, 1470, 2580, 3690
 *   (0258, 0741, 6903), the rows 123, 456, 789 (2312) and the
 *   diagonals 159, 357 (5915);
 * - a date: DDMM or MMDD (2512, 0704); DDMMYY, MMDDYY or YYMMDD; DDMMYYYY,
 *   MMDDYYYY or YYYYMMDD with a year from 1900 to 2099.
 * A kind is a rule over the digits, never a list of examples: a guesser
 * tries each kind whole (issue 18, section 5).
 */
#ifndef PAYDESK_PIN_H
#define PAYDESK_PIN_H

enum pin_weak {
	PIN_STRONG = 0,
	PIN_REPEAT,  /* one digit repeated */
	PIN_RUN,     /* a run up or down by one */
	PIN_STEP,    /* a constant step of 2 or more */
	PIN_GROUP,   /* a group of digits repeated */
	PIN_DOUBLED, /* each digit doubled or more */
	PIN_KEYPAD,  /* a line on the keypad */
	PIN_YEAR,    /* a year 1900-2099 */
	PIN_COMMON,  /* one of the most common PINs */
	PIN_NEARLY,  /* all digits but one the same */
	PIN_MIRROR,  /* the same read backwards */
	PIN_LINE,    /* along a keypad line, taken round */
	PIN_DATE     /* a day and month, with or without a year */
};

/* The first kind of weak PIN that pin (a string of ASCII digits) is, in
 * the order of enum pin_weak; PIN_STRONG when none. */
enum pin_weak pin_weakness(const char *pin);

#endif
