/* internal.h - what the config's files share; not a public header. */
#ifndef PAYDESK_CONFIG_INTERNAL_H
#define PAYDESK_CONFIG_INTERNAL_H
#include <stddef.h>

#include "paydesk/config.h"

enum cfg_type {
	CFG_STR,      /* text up to max bytes */
	CFG_PATH,     /* a path; ~ and relative paths resolved */
	CFG_ID,       /* [A-Za-z0-9-], 1..max characters */
	CFG_INT,      /* integer in min..max */
	CFG_MONEY,    /* amount in minor units, 0..max */
	CFG_NUMFMT,   /* a document number format */
	CFG_NAMES,    /* comma-separated names, 1..CFG_LIST_MAX */
	CFG_METHODS,  /* comma-separated Name:kind */
	CFG_CURRENCY, /* three upper-case letters */
	CFG_CHOICE,   /* one of the words in choices */
	CFG_OPTPATH,  /* a path, or "" for none */
	CFG_URL,      /* "" or an http:// or https:// URL */
	CFG_LANG,     /* "" or a language: ll or ll_CC (gettext's names) */
	CFG_DIGITS,   /* "" or 1..max digits 0-9 */
	CFG_DENOMS,   /* comma-separated minor units, largest first */
	CFG_OPTINT,   /* "" (-1: a rule that is off) or an integer in min..max */
	CFG_OPTMONEY  /* "" (-1: off) or an amount as CFG_MONEY */
};

struct schema {
	struct config_row row;
	enum cfg_type type;
	size_t off;  /* offset of the field in struct config */
	size_t size; /* size of a text field; for lists the count's offset */
	long long min, max;
	const char *choices; /* CFG_CHOICE: "a|b|c" */
};

/* Set one key from its text as a file holds it (cfgfile: the file, for
 * relative paths; NULL for none); err explains a bad value. */
int cfg_set_value(const struct schema *s, struct config *cfg,
    const char *value, const char *cfgfile, struct pd_err *err);

#endif
