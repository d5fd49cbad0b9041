/* settings.c - the settings an organisation's central node masters: kept
 * in the store, laid over the config file's values. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

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

int
svc_settings_load(struct svc *s, struct pd_err *err)
{
	struct setting *v;
	size_t n = 0, i;
	int rc = 0;

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
