/* settings.c - the settings an organisation's central node masters: kept
 * in the store, laid over the config file's values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/file.h"
#include "paydesk/i18n.h"
#include "paydesk/sha256.h"
#include "paydesk/syncnet.h"
#include "paydesk/syncrec.h"
#include "paydesk/xmalloc.h"

int
svc_setting_put(struct svc *s, const char *key, const char *value,
    const char *at, struct pd_err *err)
{
	/* checked first: a value refused leaves s->cfg as it was */
	if (config_set_central(&s->cfg, key, value, err) != 0)
		return -1;
	return store_setting_put(s->st, key, value, at, err);
}

/* The demo organisation's calling code: its consumers' phones are North
 * American, "(555) 123-4567". */
#define DEMO_PHONE_CC "1"

/* A demo store with no calling code configured searches phones with the
 * demo organisation's, so that +1 555 123 4567 finds John Doe as the
 * issue's rule says (issue 17 review: it found nobody in the demo); a
 * code configured, in the file or by a central node, wins. */
static void
demo_phone_cc(struct svc *s)
{
	char mark[8];

	if (s->cfg.phone_cc[0] == '\0' &&
	    store_meta_get(s->st, "demo", mark, sizeof mark) == 0 &&
	    strcmp(mark, "1") == 0)
		xstrlcpy(
		    s->cfg.phone_cc, DEMO_PHONE_CC, sizeof s->cfg.phone_cc);
}

/* The organisation's currency a sync took (svc_sync_currency), kept in
 * the store's meta as "CODE DIGITS URL": it wins over the file's. */
#define META_CURRENCY "org_currency"
/* The organisation's name the central node's status gave at that sync
 * ("" none it could take): the organisation.name in force at an attached
 * terminal unless its setting came with the feed (fault 9: the built-in
 * default's was printed on receipts, Z reports and deposit slips). */
#define META_ORG_NAME "org_name"

static int
currency_kept(struct svc *s, char code[4], int *digits, char *url, size_t n)
{
	char v[1100];
	int used = 0;

	if (store_meta_get(s->st, META_CURRENCY, v, sizeof v) != 0 ||
	    sscanf(v, "%3s %d %n", code, digits, &used) != 2 || used == 0)
		return 0;
	xstrlcpy(url, v + used, n);
	return 1;
}

static int
org_currency(struct svc *s, struct pd_err *err)
{
	char code[4], url[1024];
	int digits;

	if (!currency_kept(s, code, &digits, url, sizeof url))
		return 0;
	if (config_take_currency(&s->cfg, code, digits, err) != 0) {
		pd_err_prefix(err,
		    _("%s: the organisation's currency kept from the central "
		      "node is not valid here: "),
		    s->cfg.store_path);
		err->code = PD_ESTORE;
		return -1;
	}
	return 0;
}

/* The currency a standalone store's amounts are in ("CODE DIGITS"):
 * recorded at its first open, and again while it holds no amount. */
#define META_STORE_CURRENCY "store_currency"

/* A standalone terminal's store keeps the currency its amounts were
 * written in, as a syncing terminal's keeps its organisation's
 * (svc_sync_currency): opened under another one, with amounts, it is
 * refused (PD_EINVAL, naming both), since every figure would read them
 * in the wrong minor units or add two currencies into one (issue 23,
 * h3 fault 1: USD 7,165.67 read as JPY 716,567, a yen payment added to
 * it). A store that holds no amount yet takes the one in force. An
 * attached store's currency is its organisation's (checked at the sync
 * that took it); a central node's stores are its organisations'. */
static int
store_currency(struct svc *s, struct pd_err *err)
{
	char v[64], code[4], mine[64], url[1024];
	struct pd_err e = {0};
	int digits, held, have;

	if (s->base_cfg != NULL ||
	    currency_kept(s, code, &digits, url, sizeof url))
		return 0;
	snprintf(mine, sizeof mine, "%s %d", s->cfg.currency_code,
	    s->cfg.minor_digits);
	have = store_meta_get(s->st, META_STORE_CURRENCY, v, sizeof v) == 0 &&
	       sscanf(v, "%3s %d", code, &digits) == 2;
	if (have && strcmp(code, s->cfg.currency_code) == 0 &&
	    digits == s->cfg.minor_digits)
		return 0;
	if (have) {
		held = store_holds_amounts(s->st, err);
		if (held < 0)
			return -1;
		if (held)
			return pd_fail(err, PD_EINVAL,
			    _("%s holds amounts in %s (%d decimals), but the "
			      "currency in force is %s (%d decimals): its "
			      "amounts would be read wrong, and no figure adds "
			      "two currencies; nothing was done. Set "
			      "[organisation] currency_code = %s and "
			      "minor_digits = %d in %s again, or point [store] "
			      "path at a new store to work in %s"),
			    s->cfg.store_path, code, digits,
			    s->cfg.currency_code, s->cfg.minor_digits, code,
			    digits,
			    s->cfg.source[0] ? s->cfg.source
			                     : _("the config file"),
			    s->cfg.currency_code);
	}
	/* the first open (or none held yet): a store that cannot be
	 * written is recorded at a later open, before it can hold any */
	(void)store_meta_set(s->st, META_STORE_CURRENCY, mine, &e);
	return 0;
}

int
svc_currency_follow(struct svc *s)
{
	struct pd_err e = {0};
	char code[4], url[1024];
	int digits;

	if (!currency_kept(s, code, &digits, url, sizeof url) ||
	    (strcmp(code, s->cfg.currency_code) == 0 &&
	        digits == s->cfg.minor_digits))
		return 0;
	return svc_settings_load(s, &e) == 0;
}

int
svc_org_name_check(
    const struct config *cfg, const char *name, struct pd_err *err)
{
	struct config *c;
	int rc;

	if (*name == '\0')
		return pd_fail(err, PD_EUSAGE, _("The name is empty"));
	c = xmalloc(sizeof *c);
	*c = *cfg;
	rc = config_set_central(c, "organisation.name", name, err);
	free(c);
	if (rc != 0)
		err->code = PD_EUSAGE;
	return rc;
}

/* Whether name is an organisation.name this terminal takes. */
static int
org_name_fits(struct svc *s, const char *name)
{
	struct pd_err e = {0};

	return svc_org_name_check(&s->cfg, name, &e) == 0;
}

int
svc_sync_currency(struct svc *s, struct sync_net *net, struct pd_err *err)
{
	struct sync_reply r;
	char code[4], kept[4], url[1024], v[1100], name[256];
	int digits, kd, rc, held;

	/* asked once for each central node: an organisation's currency is
	 * the one it was added with, and a change of its name comes with
	 * the feed as its organisation.name setting (org rename) */
	if (currency_kept(s, kept, &kd, url, sizeof url) &&
	    strcmp(url, s->cfg.sync_url) == 0 &&
	    store_meta_get(s->st, META_ORG_NAME, name, sizeof name) == 0)
		return 0;
	if (sync_net_call(net, "GET", SYNC_ROUTE_STATUS, NULL, 0, &r, err) !=
	    0) {
		/* a central node from before the status route */
		if (err->code == PD_EINVAL &&
		    strstr(err->msg, "(HTTP 404)") != NULL)
			return 0;
		return -1;
	}
	rc = sync_status_currency(r.body, r.len, code, &digits, err);
	if (rc == 0)
		rc = sync_status_name(r.body, r.len, name, sizeof name, err);
	sync_reply_free(&r);
	if (rc != 0) {
		pd_err_prefix(err, _("The central node's status was not "
		                     "understood: "));
		err->code = PD_ENET;
		return -1;
	}
	if (code[0] == '\0')
		return 0; /* a central node from before currencies */
	if (strcmp(code, s->cfg.currency_code) != 0 ||
	    digits != s->cfg.minor_digits) {
		/* the store's amounts are minor units of the currency in
		 * force: another would read them wrong */
		held = store_holds_amounts(s->st, err);
		if (held < 0)
			return -1;
		if (held)
			return pd_fail(err, PD_EINVAL,
			    _("The organisation's currency at the central node "
			      "is %s (%d decimals), but this store already holds "
			      "amounts in %s (%d decimals), which would be read "
			      "wrong: nothing was synced. Check that the "
			      "terminal's token is of the right organisation; "
			      "to work in %s, point [store] path in %s at a new "
			      "store and sync again"),
			    code, digits, s->cfg.currency_code,
			    s->cfg.minor_digits, code,
			    s->cfg.source[0] ? s->cfg.source
			                     : _("the config file"));
	}
	snprintf(v, sizeof v, "%s %d %s", code, digits, s->cfg.sync_url);
	/* a name this terminal could not print as the setting (a central
	 * node's from before names were checked) is not taken */
	if (!org_name_fits(s, name))
		name[0] = '\0';
	if (store_meta_set(s->st, META_CURRENCY, v, err) != 0 ||
	    store_meta_set(s->st, META_ORG_NAME, name, err) != 0)
		return -1;
	return svc_settings_load(s, err);
}

/* The store's record of its administrator's file (review R20b 3): the
 * config file in force when the store was first opened ("" none: the
 * defaults). */
#define META_ADMIN_FILE "admin_config"

/* Whether this terminal is attached to a central node: its store has
 * synced with one (the organisation's currency kept at the first sync).
 * A file without [sync] url does not make such a store standalone again;
 * until that first sync it takes them as a standalone one does, from its
 * administrator's file. */
static int
attached(struct svc *s)
{
	char v[1100];

	return store_meta_get(s->st, META_CURRENCY, v, sizeof v) == 0;
}

/* Where the organisation's keys come from at this terminal before the
 * store's settings are laid over them (review R20b 3, R21b 9: never a
 * user's own file): the defaults at an attached terminal; at a
 * standalone one its administrator's file, the one the store recorded.
 * *base gets their values (in the currency in force); why names where
 * they come from. 1 when the run's own file is that one (nothing to
 * take), 0 when base holds them. */
static int
org_base(struct svc *s, struct config *base, char *why, size_t n)
{
	char mine[PATH_MAX], admin[PATH_MAX], code[4], url[1024];
	struct pd_err e = {0};
	int digits;

	config_source_abs(&s->cfg, mine, sizeof mine);
	if (attached(s)) {
		(void)config_defaults(base, &e);
		snprintf(why, n, "%s",
		    _("the default: the central node sets none"));
	} else {
		if (store_meta_get(s->st, META_ADMIN_FILE, admin,
		        sizeof admin) != 0) {
			/* the first to open the store is its administrator */
			if (store_meta_set(s->st, META_ADMIN_FILE, mine, &e) !=
			    0)
				return 1;
			xstrlcpy(admin, mine, sizeof admin);
		}
		if (strcmp(admin, mine) == 0)
			return 1;
		if (admin[0] == '\0') {
			(void)config_defaults(base, &e);
			snprintf(why, n, "%s",
			    _("the default: this store's administrator's "
			      "configuration is the built-in one"));
		} else if (config_load(admin, base, &e) != 0) {
			(void)config_defaults(base, &e);
			snprintf(why, n,
			    _("the default: this store's administrator's file "
			      "%s cannot be read"),
			    admin);
		} else {
			snprintf(why, n,
			    _("from this store's administrator's file %s"),
			    admin);
		}
	}
	if (currency_kept(s, code, &digits, url, sizeof url))
		(void)config_take_currency(base, code, digits, &e);
	return 0;
}

/* Whether line, the warning of organisation key i by the run's file
 * (NULL: none now), was said last to this user of this store and file:
 * kept in the user's state (file_said_last), never in the store, which
 * a command that only reads, or is refused, leaves as it was; a key
 * each, so that one key's change says that key's alone (helper-258,
 * fault 3: it said every key's again). */
static int
org_said(struct svc *s, const struct config *file, int i, const char *line)
{
	const struct config_row *rows;
	char buf[PATH_MAX * 2 + 200], topic[80], what[65];
	int nrows;

	rows = config_rows(&nrows);
	snprintf(buf, sizeof buf, "%s\n%s\n%s.%s", s->cfg.store_path,
	    file->source, rows[i].section, rows[i].key);
	sha256_hex(buf, strlen(buf), what);
	snprintf(topic, sizeof topic, "org-key-%s", what);
	if (line != NULL)
		sha256_hex(line, strlen(line), what);
	return file_said_last(topic, line != NULL ? what : NULL);
}

/* Whole line appended to note (of n bytes, *len used): 0, or -1 when it
 * does not fit. */
static int
note_add(char *note, size_t n, size_t *len, const char *line)
{
	size_t ll = strlen(line);

	if (*len + ll + 2 > n)
		return -1;
	if (*len > 0)
		note[(*len)++] = '\n';
	memcpy(note + *len, line, ll + 1);
	*len += ll;
	return 0;
}

/* The warning of the organisation's keys the run's file sets to values
 * not in force (file: the run's file's values, in the same currency),
 * into s->org_note, a line a key (paydesk config says it every time);
 * those not said to this user of this store before, or changed since,
 * into s->org_note_fresh (org_said). */
static void
org_warn(struct svc *s, const struct config *file, const char *why)
{
	const struct config_row *rows;
	char fv[1024], cv[1024], line[sizeof s->org_note + PATH_MAX];
	char note[sizeof s->org_note] = "", fresh[sizeof s->org_note] = "";
	size_t len = 0, flen = 0;
	int k, i, nrows, full = 0;

	/* (a later load, over values already laid, finds none to say and
	 * leaves what the first said for the front end) */
	if (file->source[0] == '\0')
		return;
	rows = config_rows(&nrows);
	for (k = 0; (i = config_org_row(k)) >= 0; k++) {
		if (!config_in_file(file, (size_t)i) ||
		    config_format(file, i, fv, sizeof fv) != 0 ||
		    config_format(&s->cfg, i, cv, sizeof cv) != 0 ||
		    strcmp(fv, cv) == 0) {
			/* none now: said again when it comes back */
			(void)org_said(s, file, i, NULL);
			continue;
		}
		snprintf(line, sizeof line,
		    _("%s: [%s] %s is the organisation's, not this file's "
		      "(%s): in force %s (%s)"),
		    file->source, rows[i].section, rows[i].key, fv, cv,
		    !config_is_central(&s->cfg, (size_t)i) ? why
		    : s->cfg.sync_url[0]
		        ? _("set by the central node")
		        : _("set by the organisation's settings imported "
		            "here"));
		/* whole lines only */
		if (full || note_add(note, sizeof note, &len, line) != 0) {
			full = 1;
			continue;
		}
		if (!org_said(s, file, i, line))
			(void)note_add(fresh, sizeof fresh, &flen, line);
	}
	if (note[0] == '\0')
		return;
	xstrlcpy(s->org_note, note, sizeof s->org_note);
	xstrlcpy(s->org_note_fresh, fresh, sizeof s->org_note_fresh);
}

int
svc_settings_load(struct svc *s, struct pd_err *err)
{
	struct setting *v;
	struct config *file = NULL, *base = NULL;
	char why[PATH_MAX + 200] = "", now[TS_BUFSZ], name[256];
	struct pd_err e = {0};
	size_t n = 0, i;
	int rc = 0;

	/* the organisation's currency first: the settings' money values
	 * are read in its minor units */
	if (org_currency(s, err) != 0)
		return -1;
	/* a standalone store's amounts are in the currency they were
	 * written in */
	if (store_currency(s, err) != 0)
		return -1;
	/* a terminal's organisation keys: never a user's own file's */
	if (s->base_cfg == NULL) {
		base = xmalloc(sizeof *base);
		if (org_base(s, base, why, sizeof why) == 0) {
			file = xmalloc(sizeof *file);
			*file = s->cfg;
			config_org_take(&s->cfg, base);
		}
		free(base);
		/* the organisation's name the central node's status gave,
		 * marked as the central node's; its setting, if it sent
		 * one, is laid over it below */
		if (attached(s) &&
		    store_meta_get(s->st, META_ORG_NAME, name, sizeof name) ==
		        0 &&
		    name[0] != '\0')
			(void)config_set_central(
			    &s->cfg, "organisation.name", name, &e);
	}
	v = store_settings(s->st, &n, err);
	if (v == NULL) {
		free(file);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++)
		if (config_set_central(&s->cfg, v[i].key, v[i].value, err)) {
			pd_err_prefix(err,
			    _("%s: the setting from the central node is not "
			      "valid here: "),
			    s->cfg.store_path);
			err->code = PD_ESTORE;
			rc = -1;
		}
	free(v);
	demo_phone_cc(s);
	store_set_phone_cc(s->st, s->cfg.phone_cc);
	svc_now(now);
	now[10] = '\0';
	store_set_today(s->st, now);
	if (file != NULL) {
		if (rc == 0)
			org_warn(s, file, why);
		free(file);
	}
	return rc;
}
