/* settings.c - the settings an organisation's central node masters: kept
 * in the store, laid over the config file's values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
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
svc_sync_currency(struct svc *s, struct sync_net *net, struct pd_err *err)
{
	struct sync_reply r;
	char code[4], kept[4], url[1024], v[1100];
	int digits, kd, rc, held;

	/* asked once for each central node: an organisation's currency is
	 * the one it was added with */
	if (currency_kept(s, kept, &kd, url, sizeof url) &&
	    strcmp(url, s->cfg.sync_url) == 0)
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
	if (store_meta_set(s->st, META_CURRENCY, v, err) != 0)
		return -1;
	return svc_settings_load(s, err);
}

int
svc_settings_load(struct svc *s, struct pd_err *err)
{
	struct setting *v;
	size_t n = 0, i;
	int rc = 0;

	/* the organisation's currency first: the settings' money values
	 * are read in its minor units */
	if (org_currency(s, err) != 0)
		return -1;
	v = store_settings(s->st, &n, err);
	if (v == NULL)
		return -1;
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
	return rc;
}
