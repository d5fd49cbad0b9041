/* value.c - a config value's text, checked by its type and set in
 * struct config: numbers, money, paths, lists of names and methods. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "internal.h"
#include "paydesk/csv.h"
#include "paydesk/i18n.h"
#include "paydesk/shift.h"
#include "paydesk/money.h"
#include "paydesk/numfmt.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Expand $XDG_DATA_HOME (or ~/.local/share), a leading ~ and make relative
 * paths relative to the config file's directory. */
static int
resolve_path(const char *value, const char *cfgfile, char *out, size_t n)
{
	const char *home = getenv("HOME"), *xdg = getenv("XDG_DATA_HOME");
	char dir[PATH_MAX], cwd[PATH_MAX], *slash;
	int r;

	if (home == NULL || *home == '\0')
		home = "/tmp";
	if (strncmp(value, "$XDG_DATA_HOME", 14) == 0) {
		if (xdg != NULL && *xdg == '/')
			r = snprintf(out, n, "%s%s", xdg, value + 14);
		else
			r = snprintf(
			    out, n, "%s/.local/share%s", home, value + 14);
	} else if (value[0] == '~' && (value[1] == '/' || value[1] == '\0'))
		r = snprintf(out, n, "%s%s", home, value + 1);
	else if (value[0] != '/' && cfgfile != NULL && *cfgfile != '\0') {
		/* relative to the config file's directory, made absolute so
		 * that it does not depend on where paydesk is started */
		if (cfgfile[0] == '/')
			xstrlcpy(dir, cfgfile, sizeof dir);
		else if (getcwd(cwd, sizeof cwd) != NULL)
			snprintf(dir, sizeof dir, "%s/%s", cwd, cfgfile);
		else
			xstrlcpy(dir, cfgfile, sizeof dir);
		slash = strrchr(dir, '/');
		if (slash == NULL)
			r = snprintf(out, n, "%s", value);
		else {
			*slash = '\0';
			r = snprintf(out, n, "%s/%s", dir, value);
		}
	} else
		r = snprintf(out, n, "%s", value);
	return r < 0 || (size_t)r >= n ? -1 : 0;
}

static int
set_names(const struct schema *s, struct config *cfg, const char *value,
    struct pd_err *err)
{
	char(*names)[CFG_NAME_MAX] = (void *)((char *)cfg + s->off);
	int *count = (int *)((char *)cfg + s->size), i, n = 0, k;
	char *copy = xstrdup(value), *p = copy, *comma, *name;

	/* each comma between two names: an empty one is refused, not
	 * dropped (helper-235, fault 9 of issue 21: "chargeback, ,other"
	 * was taken as two); a value all blank is no name at all */
	for (k = 1;; k++, p = comma + 1) {
		if ((comma = strchr(p, ',')) != NULL)
			*comma = '\0';
		name = trim(p);
		if (*name == '\0' && comma == NULL && k == 1)
			break;
		if (*name == '\0') {
			free(copy);
			return pd_fail(err, PD_EINVAL,
			    _("Name %d of the list is empty: a comma with "
			      "nothing before or after it"),
			    k);
		}
		if (n == CFG_LIST_MAX || strlen(name) >= CFG_NAME_MAX) {
			free(copy);
			return pd_fail(err, PD_EINVAL,
			    _("At most %d names of "
			      "up to %d characters"),
			    CFG_LIST_MAX, CFG_NAME_MAX - 1);
		}
		for (i = 0; i < n; i++)
			if (strcasecmp(names[i], name) == 0) {
				/* name points into copy: say it, then free */
				pd_fail(err, PD_EINVAL,
				    _("\"%s\" is listed twice"), name);
				free(copy);
				return -1;
			}
		xstrlcpy(names[n++], name, CFG_NAME_MAX);
		if (comma == NULL)
			break;
	}
	free(copy);
	if (n == 0)
		return pd_fail(
		    err, PD_EINVAL, _("At least one name is needed"));
	*count = n;
	return 0;
}

/* "" or min..max digits. */
static int
set_digits(
    const struct schema *s, char *field, const char *value, struct pd_err *err)
{
	size_t n = strlen(value), i;

	for (i = 0; i < n; i++)
		if (value[i] < '0' || value[i] > '9')
			break;
	if (n > 0 && (i < n || (long long)n < s->min || (long long)n > s->max))
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\": must be %lld to %lld digits (0-9), or empty"),
		    value, s->min, s->max);
	xstrlcpy(field, value, s->size);
	return 0;
}

/* A method's optional third part, the reference rule: a method of kind
 * cash takes none, a cheque method one (required by default). */
static int
method_rule(const char *name, enum method_kind k, int cheque, const char *word,
    enum payref_rule *rule, struct pd_err *err)
{
	int r = payref_rule_parse(word);

	if (r < 0)
		return pd_fail(err, PD_EINVAL,
		    _("Method \"%s\": unknown reference rule \"%s\" "
		      "(required, optional or none)"),
		    name, word);
	if (k == METHOD_CASH && r != PAYREF_NONE)
		return pd_fail(err, PD_EINVAL,
		    _("Method \"%s\": a cash method takes no reference"), name);
	/* a cheque is listed by its number at the close and on the
	 * deposit (s72 h8 fault 2): required by default, optional only
	 * when said, never none */
	if (cheque && r == PAYREF_NONE)
		return pd_fail(err, PD_EINVAL,
		    _("Method \"%s\": a cheque method takes the cheque's "
		      "number (required, or optional)"),
		    name);
	*rule = (enum payref_rule)r;
	return 0;
}

/* A method's kind word: method_kind's names, and "cheque", a bank method
 * whose payments are paper cheques kept in the drawer until the close
 * (issue 20: listed at a shift's close, where a transfer is not). Stored
 * and synced as bank, so payments keep their four kinds. -1 if unknown. */
static int
method_kind_word(const char *s, int *cheque)
{
	*cheque = strcasecmp(s, "cheque") == 0;
	return *cheque ? (int)METHOD_BANK : method_kind_parse(s);
}

static int
set_methods(struct config *cfg, const char *value, struct pd_err *err)
{
	char *copy = xstrdup(value), *save = NULL, *tok, *item, *colon,
	     *rule = NULL;
	int n = 0, i, k, cheque;

	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		item = trim(tok);
		if (*item == '\0')
			continue;
		colon = strrchr(item, ':');
		if (colon == NULL) {
			pd_fail(err, PD_EINVAL,
			    _("\"%s\" has no kind: write "
			      "Name:kind with kind one of cash, card, bank, "
			      "cheque, online"),
			    item);
			goto fail;
		}
		*colon = '\0';
		rule = NULL;
		/* Name:kind:rule: the last part is a rule when it is not
		 * a kind and another colon comes before it */
		if (method_kind_word(trim(colon + 1), &cheque) < 0 &&
		    strrchr(item, ':') != NULL) {
			rule = trim(colon + 1);
			colon = strrchr(item, ':');
			*colon = '\0';
		}
		item = trim(item);
		colon = trim(colon + 1);
		k = method_kind_word(colon, &cheque);
		if (k < 0) {
			pd_fail(err, PD_EINVAL,
			    _("Method \"%s\": unknown kind "
			      "\"%s\" (cash, card, bank, cheque or online)"),
			    item, colon);
			goto fail;
		}
		if (*item == '\0' || strlen(item) >= CFG_NAME_MAX ||
		    n == CFG_LIST_MAX) {
			pd_fail(err, PD_EINVAL,
			    _("At most %d methods with "
			      "names of 1 to %d characters"),
			    CFG_LIST_MAX, CFG_NAME_MAX - 1);
			goto fail;
		}
		for (i = 0; i < n; i++)
			if (strcasecmp(cfg->methods[i].name, item) == 0) {
				pd_fail(err, PD_EINVAL,
				    _("Method \"%s\" is "
				      "listed twice"),
				    item);
				goto fail;
			}
		xstrlcpy(cfg->methods[n].name, item, CFG_NAME_MAX);
		cfg->methods[n].kind = (enum method_kind)k;
		cfg->methods[n].cheque = cheque;
		cfg->methods[n].reference =
		    cheque ? PAYREF_REQUIRED
		           : payref_default((enum method_kind)k);
		if (rule != NULL && method_rule(item, k, cheque, rule,
		                        &cfg->methods[n].reference, err) != 0)
			goto fail;
		n++;
	}
	free(copy);
	if (n == 0)
		return pd_fail(err, PD_EINVAL,
		    _("At least one method is "
		      "needed"));
	cfg->nmethods = n;
	return 0;
fail:
	free(copy);
	return -1;
}

/* An id: letters, digits and '-', s->min to s->max characters. */
static int
set_id(
    const struct schema *s, char *field, const char *value, struct pd_err *err)
{
	size_t i, len = strlen(value);

	if ((long long)len < s->min || (long long)len > s->max)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\": must be 1 to "
		      "%lld characters"),
		    value, s->max);
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)value[i]) && value[i] != '-')
			return pd_fail(err, PD_EINVAL,
			    _("\"%s\": only "
			      "letters, digits and '-' are allowed"),
			    value);
	xstrlcpy(field, value, s->size);
	return 0;
}

/* A URL of the central node: http(s), no spaces, no trailing /. */
static int
set_url(
    const struct schema *s, char *field, const char *value, struct pd_err *err)
{
	size_t i, len = strlen(value);

	if (*value != '\0' && strncmp(value, "http://", 7) != 0 &&
	    strncmp(value, "https://", 8) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\": must start with http:// or https://"), value);
	if ((long long)len > s->max)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\": longer than %lld bytes"), value, s->max);
	for (i = 0; i < len; i++)
		if ((unsigned char)value[i] <= ' ' ||
		    (unsigned char)value[i] >= 0x7f)
			return pd_fail(err, PD_EINVAL,
			    _("\"%s\": a URL has no spaces or "
			      "non-ASCII characters"),
			    value);
	if (*value != '\0' && value[strlen(value) - 1] == '/')
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\": leave out the trailing /"), value);
	xstrlcpy(field, value, s->size);
	return 0;
}

/* "" (English) or a language paydesk speaks, by the one rule of
 * i18n_lang_norm (ES, es-MX, es_MX.UTF-8: es), kept as its catalogue's
 * name; an unknown one is refused with the languages there are. */
static int
set_lang(
    const struct schema *s, char *field, const char *value, struct pd_err *err)
{
	char code[16], *known;

	if (*value == '\0') {
		field[0] = '\0';
		return 0;
	}
	if (i18n_lang_norm(value, code, sizeof code) != 0) {
		known = i18n_langs();
		pd_fail(err, PD_EINVAL,
		    _("\"%s\" is not a language paydesk speaks; use one of %s "
		      "(as ll, ll_CC, ll-CC or ll_CC.UTF-8, in any case), or "
		      "leave it empty for English"),
		    value, known);
		free(known);
		return -1;
	}
	xstrlcpy(field, code, s->size);
	return 0;
}

/* One of s->choices ("a|b|c"). */
static int
set_choice(
    const struct schema *s, char *field, const char *value, struct pd_err *err)
{
	size_t i, len = strlen(value);

	for (i = 0; s->choices[i] != '\0';) {
		size_t wl = strcspn(s->choices + i, "|");

		if (wl == len && strncmp(s->choices + i, value, len) == 0) {
			xstrlcpy(field, value, s->size);
			return 0;
		}
		i += wl + (s->choices[i + wl] == '|');
	}
	return pd_fail(
	    err, PD_EINVAL, _("\"%s\": must be one of %s"), value, s->choices);
}

_Static_assert(sizeof((struct config *)0)->denoms ==
        SHIFT_DENOMS_MAX * sizeof(int64_t),
    "struct config holds SHIFT_DENOMS_MAX denominations");

int
cfg_set_value(const struct schema *s, struct config *cfg, const char *value,
    const char *cfgfile, struct pd_err *err)
{
	char *field = (char *)cfg + s->off;
	long long v;
	char *end;
	size_t len = strlen(value);

	switch (s->type) {
	case CFG_STR:
		if ((long long)len > s->max || (long long)len < s->min)
			return pd_fail(err, PD_EINVAL,
			    _("\"%s\": length must be "
			      "%lld to %lld bytes"),
			    value, s->min, s->max);
		if (!utf8_valid(value, len))
			return pd_fail(err, PD_EINVAL,
			    _("\"%s\": not valid "
			      "UTF-8 text"),
			    value);
		xstrlcpy(field, value, s->size);
		return 0;
	case CFG_OPTPATH:
		if (*value == '\0') {
			*field = '\0';
			return 0;
		}
		/* fall through */
	case CFG_PATH:
		if (*value == '\0')
			return pd_fail(err, PD_EINVAL, _("Path is empty"));
		if (resolve_path(value, cfgfile, field, s->size) != 0)
			return pd_fail(
			    err, PD_EINVAL, _("\"%s\": path too long"), value);
		return 0;
	case CFG_ID:
		return set_id(s, field, value, err);
	case CFG_OPTINT:
	case CFG_OPTMONEY:
		if (*value == '\0') {
			if (s->type == CFG_OPTINT)
				*(int *)(void *)field = -1;
			else
				*(int64_t *)(void *)field = -1;
			return 0;
		}
		if (s->type == CFG_OPTMONEY)
			return money_parse(value, cfg->minor_digits,
			    _("Amount"), (int64_t *)(void *)field, err);
		/* fall through */
	case CFG_INT:
		errno = 0;
		v = strtoll(value, &end, 10);
		if (*value == '\0' || *end != '\0' || errno != 0 ||
		    v < s->min || v > s->max)
			return pd_fail(err, PD_EINVAL,
			    _("\"%s\": must be a whole "
			      "number from %lld to %lld"),
			    value, s->min, s->max);
		*(int *)(void *)field = (int)v;
		return 0;
	case CFG_MONEY:
		return money_parse(value, cfg->minor_digits, _("Amount"),
		    (int64_t *)(void *)field, err);
	case CFG_NUMFMT:
		if (numfmt_validate(value, err) != 0)
			return -1;
		xstrlcpy(field, value, s->size);
		return 0;
	case CFG_URL:
		return set_url(s, field, value, err);
	case CFG_NAMES:
		return set_names(s, cfg, value, err);
	case CFG_METHODS:
		return set_methods(cfg, value, err);
	case CFG_CURRENCY:
		if (len != 3 || !isupper((unsigned char)value[0]) ||
		    !isupper((unsigned char)value[1]) ||
		    !isupper((unsigned char)value[2]))
			return pd_fail(err, PD_EINVAL,
			    _("\"%s\": must be a "
			      "three-letter ISO 4217 code such as USD"),
			    value);
		xstrlcpy(field, value, s->size);
		return 0;
	case CFG_CHOICE:
		return set_choice(s, field, value, err);
	case CFG_LANG:
		return set_lang(s, field, value, err);
	case CFG_DIGITS:
		return set_digits(s, field, value, err);
	case CFG_DENOMS:
		return shift_denoms_parse(value, cfg->denoms, &cfg->ndenoms, err);
	}
	return pd_fail(err, PD_EINVAL, _("Unknown type"));
}
