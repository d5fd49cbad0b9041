/* say.h - a message kept to be said again, in the language of whoever
 * reads it later (issue 25, review: a sync that failed under a French
 * terminal stored its reason in French, and `sync --status` in Spanish
 * showed French).
 *
 * A kept message is its English msgid and its arguments, each already
 * a string, written "\002msgid\037arg\037arg\003"; an argument may be a
 * kept message itself (curl's reason inside the round's). say_render
 * translates every msgid with the reader's catalogue and fills its
 * conversions (%s, %ld, %d, %1$s, ...) with the arguments in order or at
 * the positions a translation names. Text that is not a kept message (a
 * row stored before, what the central node said) is rendered as it is.
 */
#ifndef PAYDESK_SAY_H
#define PAYDESK_SAY_H
#include <stddef.h>

#include "err.h"

#define SAY_MAX 640

/* Keep msgid (untranslated, marked N_()) with its nargs string arguments
 * into out (n bytes). Control bytes in a plain argument become '?'. */
void say_keep(
    char *out, size_t n, const char *msgid, int nargs, const char *const *args);

/* Render kept into out (n bytes) in the process's language (gettext). */
void say_render(char *out, size_t n, const char *kept);

/* Render kept in English, the msgids as written (JSON's bytes). */
void say_render_en(char *out, size_t n, const char *kept);

/* Fill err: code, msg rendered now and said kept; returns -1. The
 * arguments are nargs const char *. */
int say_fail(
    struct pd_err *err, enum pd_status code, const char *msgid, int nargs, ...);

/* Whether s is a kept message. */
int say_is_kept(const char *s);

#endif
