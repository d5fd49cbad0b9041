/* load.c - a config from its built-in defaults and its file (the
 * lookup order is config_load's), the settings the central node masters
 * set on it, and what is read from it: the money style, the week's
 * first day, a method, a channel, a reason, a key's value as text. The
 * schema table is config.c; a value's text is checked and set by
 * value.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <iniparser.h>

#include "internal.h"
#include "config_int.h"
#include "paydesk/config.h"
#include "paydesk/i18n.h"
#include "paydesk/utf8.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

/* The grouping separators: the config's word, the text written. */
static const struct {
	const char *word;
	const char *text;
} group_seps[] = {
    {"comma", ","},
    {"dot", "."},
    {"apostrophe", "'"},
    /* written no-break, so that a number (and "1 100,0 %") is never
     * split over two lines; typed as a plain space too (issue 25) */
    {"space", "\xc2\xa0"},
    {"nnbsp", "\xe2\x80\xaf"},
    {"none", ""},
};

/* The grouping separator's text; "auto": ',' or '.' after a ',' decimal. */
static const char *
group_text(const struct config *cfg)
{
	size_t i;

	if (strcmp(cfg->group_sep, "auto") == 0)
		return strcmp(cfg->decimal_sep, "comma") == 0 ? "." : ",";
	for (i = 0; i < sizeof group_seps / sizeof group_seps[0]; i++)
		if (strcmp(cfg->group_sep, group_seps[i].word) == 0)
			return group_seps[i].text;
	return ",";
}

void
config_money_style(const struct config *cfg, struct money_style *st)
{
	st->digits = cfg->minor_digits;
	st->decimal = strcmp(cfg->decimal_sep, "comma") == 0 ? ',' : '.';
	st->group = group_text(cfg);
	st->group2 = strcmp(cfg->grouping, "3,2") == 0 ? 2 : 3;
	st->symbol = cfg->currency_symbol;
	st->symbol_after = strcmp(cfg->symbol_place, "after") == 0;
	st->symbol_space = strcmp(cfg->symbol_space, "yes") == 0;
}

int
config_week_start(const struct config *cfg)
{
	if (strcmp(cfg->week_start, "sunday") == 0)
		return 0;
	if (strcmp(cfg->week_start, "saturday") == 0)
		return 6;
	return 1;
}

static int
check_whole(const struct config *cfg, struct pd_err *err)
{
	const char *g = group_text(cfg);

	if (g[0] != '\0' && g[1] == '\0' &&
	    g[0] == (strcmp(cfg->decimal_sep, "comma") == 0 ? ',' : '.'))
		return pd_fail(err, PD_EINVAL,
		    _("[organisation] grouping_separator: %s is the decimal "
		      "separator too; choose another (e.g. %s, space or none)"),
		    cfg->group_sep, g[0] == ',' ? "dot" : "comma");
	if (config_reason(cfg, "Overpayment") == NULL)
		return pd_fail(err, PD_EINVAL,
		    _("[credit_notes] reasons: must "
		      "include Overpayment (used for automatic credit notes)"));
	return 0;
}

int
config_defaults(struct config *cfg, struct pd_err *err)
{
	size_t i;

	memset(cfg, 0, sizeof *cfg);
	cfg->minor_digits = 2;
	for (i = 0; i < cfg_nschema; i++) {
		if (cfg_set_value(&cfg_schema[i], cfg, cfg_schema[i].row.def,
		        NULL, err) != 0) {
			pd_err_prefix(err, _("Built-in default [%s] %s: "),
			    cfg_schema[i].row.section, cfg_schema[i].row.key);
			return -1;
		}
	}
	return check_whole(cfg, err);
}

static char parse_error[512];

static int
catch_error(const char *fmt, ...)
{
	va_list ap;
	size_t len = strlen(parse_error);
	int n;

	va_start(ap, fmt);
	n = vsnprintf(parse_error + len, sizeof parse_error - len, fmt, ap);
	va_end(ap);
	return n;
}

static const struct schema *
find_row(const char *section, const char *key)
{
	size_t i;

	for (i = 0; i < cfg_nschema; i++)
		if (strcmp(cfg_schema[i].row.section, section) == 0 &&
		    (key == NULL || strcmp(cfg_schema[i].row.key, key) == 0))
			return &cfg_schema[i];
	return NULL;
}

/* The line of path that sets key in [sec] (the last: iniparser keeps
 * the last value), names compared as iniparser does, in any case; 0 when
 * none is found. For the message of a value that is refused, and for a
 * text key's whole value (raw, n bytes: what follows the '=' as written,
 * its blanks at both ends taken off; NULL not wanted). */
static int
key_line(const char *path, const char *sec, const char *key, char *raw,
    size_t n)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *p, *end, cur[128] = "";
	size_t cap = 0, kl = strlen(key);
	int ln = 0, found = 0;

	if (f == NULL)
		return 0;
	while (getline(&line, &cap, f) != -1) {
		ln++;
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		if (*p == '[' && (end = strchr(p, ']')) != NULL) {
			for (p++; *p == ' ' || *p == '\t'; p++)
				;
			while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
				end--;
			snprintf(cur, sizeof cur, "%.*s", (int)(end - p), p);
			continue;
		}
		if (strcasecmp(cur, sec) != 0 || strncasecmp(p, key, kl) != 0)
			continue;
		for (p += kl; *p == ' ' || *p == '\t'; p++)
			;
		if (*p != '=' && *p != ':')
			continue;
		found = ln;
		if (raw == NULL)
			continue;
		for (p++; *p == ' ' || *p == '\t'; p++)
			;
		end = p + strlen(p);
		while (end > p && (end[-1] == '\n' || end[-1] == '\r' ||
		                      end[-1] == ' ' || end[-1] == '\t'))
			end--;
		snprintf(raw, n, "%.*s", (int)(end - p), p);
	}
	free(line);
	fclose(f);
	return found;
}

/* A free-text key's value (CFG_STR: a name, an address, a shell command,
 * a connection string): the whole of its line, ';' and '#' kept, where
 * iniparser takes either as the start of a comment ("cat >>F; exit 4"
 * was run as "cat >>F", "Suite #4" printed as "Suite": review 21b,
 * fault 12). A value quoted whole ("..." or '...', no such quote inside)
 * is taken without its quotes, as iniparser takes it. Into buf (n
 * bytes); value, iniparser's, when the line is not found. */
static const char *
text_value(const char *path, const char *sec, const char *key,
    const char *value, char *buf, size_t n)
{
	size_t len;

	if (key_line(path, sec, key, buf, n) == 0)
		return value;
	len = strlen(buf);
	if (len >= 2 && (buf[0] == '"' || buf[0] == '\'') &&
	    buf[len - 1] == buf[0] && memchr(buf + 1, buf[0], len - 2) == NULL) {
		memmove(buf, buf + 1, len - 2);
		buf[len - 2] = '\0';
	}
	return buf;
}

static int
load_file(const char *path, struct config *cfg, struct pd_err *err)
{
	dictionary *d;
	int nsec, i, j, nkeys, pass;
	const char *sec, **keys, *value, *colon;
	const struct schema *s;
	struct pd_err ignored;
	char *nl, text[2048];

	if (access(path, R_OK) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s: cannot read the config "
		      "file"),
		    path);
	parse_error[0] = '\0';
	iniparser_set_error_callback(catch_error);
	d = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	if (d == NULL) {
		while (
		    (nl = strrchr(parse_error, '\n')) != NULL && nl[1] == '\0')
			*nl = '\0';
		for (nl = parse_error; (nl = strchr(nl, '\n')) != NULL;)
			*nl = ' ';
		return pd_fail(err, PD_EINVAL, "%s: %s", path,
		    parse_error[0] ? parse_error : "cannot parse the file");
	}
	/* the language first, so that a refusal of what follows can be
	 * said in it (svc_config_load); a bad one is refused in its turn */
	s = find_row("organisation", "language");
	value = iniparser_getstring(d, "organisation:language", NULL);
	if (s != NULL && value != NULL &&
	    cfg_set_value(s, cfg, value, path, &ignored) != 0)
		cfg->language[0] = '\0';
	/* keys outside any section */
	for (i = 0; i < d->size; i++) {
		if (d->key[i] == NULL || d->val[i] == NULL)
			continue;
		if (strchr(d->key[i], ':') == NULL) {
			pd_fail(err, PD_EINVAL,
			    _("%s: key \"%s\" is outside any "
			      "[section]"),
			    path, d->key[i]);
			goto fail;
		}
	}
	nsec = iniparser_getnsec(d);
	for (i = 0; i < nsec; i++) {
		sec = iniparser_getsecname(d, i);
		if (find_row(sec, NULL) == NULL) {
			pd_fail(err, PD_EINVAL, _("%s: unknown section [%s]"),
			    path, sec);
			goto fail;
		}
	}
	/* two passes: minor_digits first, since money keys depend on it */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < nsec; i++) {
			sec = iniparser_getsecname(d, i);
			nkeys = iniparser_getsecnkeys(d, sec);
			if (nkeys <= 0)
				continue;
			keys = xcalloc((size_t)nkeys, sizeof *keys);
			iniparser_getseckeys(d, sec, keys);
			for (j = 0; j < nkeys; j++) {
				colon = strchr(keys[j], ':');
				s = find_row(sec, colon ? colon + 1 : keys[j]);
				if (s == NULL) {
					pd_fail(err, PD_EINVAL,
					    _("%s: [%s] "
					      "unknown key \"%s\""),
					    path, sec,
					    colon ? colon + 1 : keys[j]);
					free(keys);
					goto fail;
				}
				if ((pass == 0) !=
				    (s->off ==
				        offsetof(struct config, minor_digits)))
					continue;
				value = iniparser_getstring(d, keys[j], "");
				if (s->type == CFG_STR)
					value = text_value(path, sec,
					    s->row.key, value, text,
					    sizeof text);
				if (cfg_set_value(s, cfg, value, path, err) !=
				    0) {
					int line =
					    key_line(path, sec, s->row.key,
					        NULL, 0);

					if (line > 0)
						pd_err_prefix(err,
						    "%s:%d: [%s] %s: ", path,
						    line, sec, s->row.key);
					else
						pd_err_prefix(err,
						    "%s: [%s] %s: ", path, sec,
						    s->row.key);
					free(keys);
					goto fail;
				}
				config_mark(cfg->in_file,
				    (size_t)(s - cfg_schema));
			}
			free(keys);
		}
	}
	iniparser_freedict(d);
	if (check_whole(cfg, err) != 0) {
		pd_err_prefix(err, "%s: ", path);
		return -1;
	}
	xstrlcpy(cfg->source, path, sizeof cfg->source);
	return 0;
fail:
	iniparser_freedict(d);
	return -1;
}

int
config_load(const char *path, struct config *cfg, struct pd_err *err)
{
	char buf[PATH_MAX];
	const char *env = getenv("PAYDESK_CONFIG"), *xdg, *home;

	if (config_defaults(cfg, err) != 0)
		return -1;
	if (path != NULL)
		return load_file(path, cfg, err);
	if (env != NULL && *env != '\0')
		return load_file(env, cfg, err);
	if (access("config.ini", F_OK) == 0)
		return load_file("config.ini", cfg, err);
	xdg = getenv("XDG_CONFIG_HOME");
	home = getenv("HOME");
	if (xdg != NULL && *xdg == '/')
		snprintf(buf, sizeof buf, "%s/paydesk/config.ini", xdg);
	else
		snprintf(buf, sizeof buf, "%s/.config/paydesk/config.ini",
		    home ? home : "/");
	if (access(buf, F_OK) == 0)
		return load_file(buf, cfg, err);
	if (access("/etc/paydesk/config.ini", F_OK) == 0)
		return load_file("/etc/paydesk/config.ini", cfg, err);
	return 0;
}

const struct pay_method *
config_method(const struct config *cfg, const char *name)
{
	int i;

	for (i = 0; i < cfg->nmethods; i++)
		if (strcasecmp(cfg->methods[i].name, name) == 0)
			return &cfg->methods[i];
	return NULL;
}

const struct pay_method *
config_method_typed(const struct config *cfg, const char *name)
{
	const struct pay_method *m = config_method(cfg, name);
	int i;

	for (i = 0; m == NULL && i < cfg->nmethods; i++)
		if (utf8_same_folded(cfg->methods[i].name, name))
			m = &cfg->methods[i];
	return m;
}

static const char *
find_name(const char (*names)[CFG_NAME_MAX], int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcasecmp(names[i], name) == 0)
			return names[i];
	return NULL;
}

const char *
config_channel_typed(const struct config *cfg, const char *name)
{
	const char *c = config_channel(cfg, name);
	int i;

	for (i = 0; c == NULL && i < cfg->nchannels; i++)
		if (utf8_same_folded(cfg->channels[i], name))
			c = cfg->channels[i];
	return c;
}

const char *
config_channel(const struct config *cfg, const char *name)
{
	return find_name(cfg->channels, cfg->nchannels, name);
}

const char *
config_reason(const struct config *cfg, const char *name)
{
	return find_name(cfg->reasons, cfg->nreasons, name);
}

int
config_set_central(
    struct config *cfg, const char *name, const char *value, struct pd_err *err)
{
	struct config *next;
	int i = config_central_row(name), rc;

	if (i < 0)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" is not a setting the central node masters"),
		    name);
	next = xmalloc(sizeof *next);
	*next = *cfg;
	rc = cfg_set_value(&cfg_schema[i], next, value, NULL, err);
	if (rc == 0)
		rc = check_whole(next, err);
	if (rc == 0) {
		next->from_central[i / 64] |= (uint64_t)1 << (i % 64);
		*cfg = *next;
	} else {
		pd_err_prefix(err, "%s: ", name);
	}
	free(next);
	return rc;
}

/* Row s's value in cfg set to from's, as it is held (no text between:
 * the money keys stay the minor units they are). */
static void
copy_row(const struct schema *s, struct config *cfg, const struct config *from)
{
	char *d = (char *)cfg;
	const char *f = (const char *)from;

	switch (s->type) {
	case CFG_NAMES:
		memcpy(d + s->off, f + s->off,
		    (size_t)CFG_LIST_MAX * CFG_NAME_MAX);
		memcpy(d + s->size, f + s->size, sizeof(int));
		break;
	case CFG_METHODS:
		memcpy(cfg->methods, from->methods, sizeof cfg->methods);
		cfg->nmethods = from->nmethods;
		break;
	case CFG_DENOMS:
		memcpy(cfg->denoms, from->denoms, sizeof cfg->denoms);
		cfg->ndenoms = from->ndenoms;
		break;
	case CFG_INT:
	case CFG_OPTINT:
		memcpy(d + s->off, f + s->off, sizeof(int));
		break;
	case CFG_MONEY:
	case CFG_OPTMONEY:
		memcpy(d + s->off, f + s->off, sizeof(int64_t));
		break;
	default: /* text of s->size bytes */
		memcpy(d + s->off, f + s->off, s->size);
		break;
	}
}

void
config_org_take(struct config *cfg, const struct config *from)
{
	int k, i;

	for (k = 0; (i = config_org_row(k)) >= 0; k++)
		copy_row(&cfg_schema[i], cfg, from);
}

int
config_source_abs(const struct config *cfg, char *buf, size_t n)
{
	char *abs;

	buf[0] = '\0';
	if (cfg->source[0] == '\0')
		return 0;
	abs = realpath(cfg->source, NULL);
	xstrlcpy(buf, abs != NULL ? abs : cfg->source, n);
	free(abs);
	return 0;
}

int
config_format(const struct config *cfg, int i, char *buf, size_t n)
{
	const struct schema *s;
	const char *field;
	const char(*names)[CFG_NAME_MAX];
	int k, count;

	if (i < 0 || i >= (int)cfg_nschema)
		return -1;
	s = &cfg_schema[i];
	field = (const char *)cfg + s->off;
	buf[0] = '\0';
	switch (s->type) {
	case CFG_STR:
		/* a secret is shown as set or not, never printed */
		if (strcmp(s->row.key, "token") == 0 && *field != '\0') {
			snprintf(
			    buf, n, _("(set, %zu characters)"), strlen(field));
			break;
		}
		/* fall through */
	case CFG_PATH:
	case CFG_OPTPATH:
	case CFG_URL:
	case CFG_ID:
	case CFG_NUMFMT:
	case CFG_CURRENCY:
	case CFG_CHOICE:
	case CFG_LANG:
	case CFG_DIGITS:
		snprintf(buf, n, "%s", field);
		break;
	case CFG_INT:
		snprintf(buf, n, "%d", *(const int *)(const void *)field);
		break;
	case CFG_MONEY:
		money_plain(buf, n, *(const int64_t *)(const void *)field,
		    cfg->minor_digits);
		break;
	case CFG_OPTINT: /* -1: off, shown as the empty value */
		if (*(const int *)(const void *)field >= 0)
			snprintf(
			    buf, n, "%d", *(const int *)(const void *)field);
		break;
	case CFG_OPTMONEY:
		if (*(const int64_t *)(const void *)field >= 0)
			money_plain(buf, n,
			    *(const int64_t *)(const void *)field,
			    cfg->minor_digits);
		break;
	case CFG_NAMES:
		names = (const void *)field;
		count =
		    *(const int *)(const void *)((const char *)cfg + s->size);
		for (k = 0; k < count; k++)
			snprintf(buf + strlen(buf), n - strlen(buf), "%s%s",
			    k ? ", " : "", names[k]);
		break;
	case CFG_DENOMS:
		for (k = 0; k < cfg->ndenoms; k++)
			snprintf(buf + strlen(buf), n - strlen(buf), "%s%lld",
			    k ? ", " : "", (long long)cfg->denoms[k]);
		break;
	case CFG_METHODS:
		for (k = 0; k < cfg->nmethods; k++) {
			const struct pay_method *m = &cfg->methods[k];

			snprintf(buf + strlen(buf), n - strlen(buf), "%s%s:%s",
			    k ? ", " : "", m->name,
			    m->cheque ? "cheque" : method_kind_name(m->kind));
			/* the rule only where it is not the kind's own */
			if (m->reference != (m->cheque
			                            ? PAYREF_REQUIRED
			                            : payref_default(m->kind)))
				snprintf(buf + strlen(buf), n - strlen(buf),
				    ":%s", payref_rule_name(m->reference));
		}
		break;
	}
	return 0;
}

void
config_join(const char (*names)[CFG_NAME_MAX], int count, char *buf, size_t n)
{
	int i;

	buf[0] = '\0';
	for (i = 0; i < count; i++)
		snprintf(buf + strlen(buf), n - strlen(buf), "%s%s",
		    i ? ", " : "", names[i]);
}
