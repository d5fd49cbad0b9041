/* i18n.h - gettext, the Debian way: _("text") translates a string where
 * it is shown, N_("text") marks one in a static table (translated later,
 * with _(), where it is drawn). xgettext finds both (keywords _ and N_);
 * po/paydesk.pot is made from them (see README, "Adding a language").
 *
 * The header is core's: the macros are a lookup in a catalogue already
 * loaded, no I/O of their own, so every layer may mark its strings. The
 * functions (i18n_init, and the catalogues documents are rendered with,
 * below) are implemented in src/os/i18n.c because they read the
 * environment, /proc/self/exe and the catalogue files and set the
 * process's locale: that is the machine's business, not core's.
 *
 * Strings not in the catalogue of the language chosen (or with no
 * language chosen) come back as they were written: English.
 */
#ifndef PAYDESK_I18N_H
#define PAYDESK_I18N_H
#include <libintl.h>
#include <string.h>

#include "err.h"

/* The text domain: po/paydesk.pot, LC_MESSAGES/paydesk.mo. */
#define I18N_DOMAIN "paydesk"

#define _(s) gettext(s)
#define N_(s) s
/* A string of a static table marked with its context for xgettext
 * (--keyword=NC_:1c,2): looked up as gettext("ctx\004s") where shown. */
#define NC_(ctx, s) s

/* Choose the language of the messages and bind the catalogues; call
 * before anything is shown, and again when a later source names the
 * organisation's language (the config's, then the central node's
 * setting read from the store: the last configured one wins, the
 * environment's always; the same order in the screens and the command
 * line, issue 25).
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

/* Text both a person and a machine read (an anomaly's reason, a
 * deteriorating payer's why): en 0 translated for the person (the
 * screens, the CLI's tables), en 1 as written, English, for JSON and CSV,
 * which never change with the language (paydesk(1) ENVIRONMENT; issue
 * 23). xgettext: --keyword=M_:2 --keyword=MN_:2,3. */
#define M_(en, s) ((en) ? (s) : gettext(s))
#define MN_(en, sg, pl, n)                                                   \
	((en) ? ((n) == 1 ? (sg) : (pl)) : ngettext(sg, pl, n))

/* ---- Rendering in a given language -------------------------------------
 *
 * Documents (receipts, credit notes, exported workbooks) are written in
 * the organisation's language, or their consumer's, not in the language
 * of the terminal's screens. gettext has one language per process (it
 * reads LANGUAGE and the locale on each lookup), and switching it with
 * setenv while the sync worker thread (src/service/sync_worker.c) may be
 * calling gettext is a data race on the environment and on gettext's
 * caches; a lock would have to be honoured by every _() of every thread.
 *
 * So nothing global is switched: a document's language is a catalogue of
 * its own, the same LANG/LC_MESSAGES/paydesk.mo that gettext reads,
 * loaded once into memory (checked, read-only from then on) and looked up
 * by i18n_text(). Loading is serialised by a mutex; lookups only read.
 * Any thread may render in any language at any time, the screens keep
 * theirs, and there is nothing to restore afterwards.
 *
 * Mark a document's strings with L_(lang, "text") (an xgettext keyword,
 * see the Makefile), or with N_() where the text sits in a table. */

/* A catalogue loaded for rendering; NULL stands for English. */
struct i18n_lang;

/* The catalogue of language ("es", "fr", "pt_BR"; "es_ES" falls back to
 * "es"), found where i18n_init finds them, loaded on first use and kept
 * for the life of the process. NULL for English ("", NULL, "en", "en_*",
 * C, POSIX) and for a language with no usable catalogue: its documents
 * are in English. Thread-safe. */
const struct i18n_lang *i18n_lang(const char *language);

/* Whether documents can be written in language: English, or a language
 * i18n_lang() finds a catalogue for. */
int i18n_lang_known(const char *language);

/* The languages documents can be written in, for a message: "en" and
 * each catalogue found where i18n_lang() looks, in order ("en, es, fr").
 * Caller frees. */
char *i18n_langs(void);

/* The one rule for a language code a person writes ([organisation]
 * language, a consumer import's language column): ll, ll_CC, ll-CC,
 * ll_CC.UTF-8 (or .utf8), in any case, named as the catalogue that will
 * speak it into out (n bytes, 6 are enough): "en" for English (which has
 * none), else ll_CC when a catalogue of that name is found where
 * i18n_lang() looks, else ll when one is ("ES", "es-mx", "es_MX.UTF-8"
 * are all "es"). -1 for anything else: not such a code (a name, a path)
 * or a language without a catalogue; the caller's message lists
 * i18n_langs(). Issue 25. */
int i18n_lang_norm(const char *v, char *out, size_t n);

/* The language a catalogue was asked for by ("es"); "en" for NULL. */
const char *i18n_lang_code(const struct i18n_lang *l);

/* msgid translated by l (NULL: English), or msgid itself when l has no
 * translation of it. The result is msgid or lives as long as l (the
 * process). Thread-safe: it only reads. */
const char *i18n_text(const struct i18n_lang *l, const char *msgid);

/* The singular or plural of a message with a number, as l's Plural-Forms
 * choose for n (English: singular for n == 1). */
const char *i18n_ntext(const struct i18n_lang *l, const char *singular,
    const char *plural, unsigned long n);

/* A catalogue from a .mo file (GNU format, either byte order, strings
 * sorted as msgfmt writes them), checked entry by entry: on any fault
 * NULL with err saying what. Free with i18n_catalog_free (never the
 * ones i18n_lang hands out). */
struct i18n_lang *i18n_catalog_read(
    const char *path, const char *code, struct pd_err *err);
void i18n_catalog_free(struct i18n_lang *l);

/* The document's language's text: xgettext extracts the second
 * argument (--keyword=L_:2); LN_ a message with a number (LN_:2,3). */
static inline const char *
L_(const struct i18n_lang *l, const char *msgid)
{
	return i18n_text(l, msgid);
}

/* The document's language's text in a context, as pgettext (the
 * context and msgid are string literals; --keyword=LP_:2c,3). */
#define LP_(l, ctx, s) i18n_ptext((l), ctx "\004" s, s)
static inline const char *
i18n_ptext(const struct i18n_lang *l, const char *key, const char *s)
{
	const char *t = i18n_text(l, key);

	return t == key ? s : t;
}

/* A word stored in English that qualifies a noun (a status: "Voided")
 * with the context of that noun, so that each language can make it agree
 * (es: un pago Anulado, una nota de crédito Anulada): TC_("credit note",
 * "Voided") is "credit note" EOT "Voided", as gettext keeps a msgctxt
 * (--keyword=TC_:1c,2). JSON, CSV and the store keep the word alone
 * (i18n_term_word); people read i18n_term (issue 25). A word without a
 * context is a term too: its translation without one. */
#define TC_(ctx, s) ctx "\004" s

/* The stored word of a term: what follows its context, if any. */
static inline const char *
i18n_term_word(const char *t)
{
	const char *p = t != NULL ? strchr(t, '\004') : NULL;

	return p != NULL ? p + 1 : t;
}

/* A term in the screens' language: its translation in its context, else
 * the word's without one, else the word. */
static inline const char *
i18n_term(const char *t)
{
	const char *w = i18n_term_word(t), *tr;

	if (w == NULL || *w == '\0')
		return w != NULL ? w : "";
	if (w != t && (tr = gettext(t)) != t)
		return tr;
	return gettext(w);
}

/* A code's term for people (a dispute's step, an arrangement's change):
 * the label of code among the n of table, as i18n_term; code itself when
 * none is its. */
struct i18n_label {
	const char *code;
	const char *label; /* a term (TC_) */
};
static inline const char *
i18n_label_of(const struct i18n_label *table, size_t n, const char *code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(code, table[i].code) == 0)
			return i18n_term(table[i].label);
	return code;
}

/* A term in a document's language l (NULL: English), as i18n_term. */
static inline const char *
i18n_term_in(const struct i18n_lang *l, const char *t)
{
	const char *w = i18n_term_word(t), *tr;

	if (w == NULL || *w == '\0')
		return w != NULL ? w : "";
	if (w != t && (tr = i18n_text(l, t)) != t)
		return tr;
	return i18n_text(l, w);
}

static inline const char *
LN_(const struct i18n_lang *l, const char *singular, const char *plural,
    unsigned long n)
{
	return i18n_ntext(l, singular, plural, n);
}

#endif
