/* i18n.h - gettext, the Debian way: _("text") translates a string where
 * it is shown, N_("text") marks one in a static table (translated later,
 * with _(), where it is drawn). xgettext finds both (keywords _ and N_);
 * po/paydesk.pot is made from them (see README, "Adding a language").
 *
 * The header is core's: the macros are a lookup in a catalogue already
 * loaded, no I/O of their own, so every layer may mark its strings. The
 * one function, i18n_init, is implemented in src/os/i18n.c because it
 * reads the environment and /proc/self/exe and sets the process's
 * locale: that is the machine's business, not core's.
 *
 * Strings not in the catalogue of the language chosen (or with no
 * language chosen) come back as they were written: English.
 */
#ifndef PAYDESK_I18N_H
#define PAYDESK_I18N_H
#include <libintl.h>

/* The text domain: po/paydesk.pot, LC_MESSAGES/paydesk.mo. */
#define I18N_DOMAIN "paydesk"

#define _(s) gettext(s)
#define N_(s) s

/* gettext in a context, for English words with more than one meaning
 * ("Open": the verb on a key, the amount not yet paid in a column): the
 * catalogue has msgctxt ctx for it (xgettext knows pgettext). ctx and s
 * are string literals. */
#define pgettext(ctx, s) i18n_pgettext(ctx "\004" s, s)
static inline const char *
i18n_pgettext(const char *key, const char *s)
{
	const char *t = gettext(key);

	return t == key ? s : t;
}

/* Choose the language of the messages and bind the catalogues; call once,
 * before anything is shown.
 *
 * The language is the environment's (LANGUAGE, else the first of LC_ALL,
 * LC_MESSAGES, LANG that is set) when it names one (anything but C,
 * POSIX or C.*), else `language` ("" or NULL: English). The messages'
 * locale is the environment's; when that locale is not installed, or is
 * C, the messages run under C.UTF-8 with LANGUAGE set from the choice, so
 * a language works without its system locale being generated.
 *
 * The catalogues (LANG/LC_MESSAGES/paydesk.mo) are looked for in
 * locale/ beside the executable (the build tree: build/locale), else in
 * ../share/locale from it (an install: PREFIX/bin, PREFIX/share/locale),
 * else in the PREFIX the program was built for. Translations are handed
 * out in UTF-8 whatever the locale's character set. */
void i18n_init(const char *language);

#endif
