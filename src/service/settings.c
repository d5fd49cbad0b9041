/* settings.c - the settings an organisation's central node masters: kept
 * in the store, laid over the config file's values. */
#include <stdlib.h>

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
	store_set_phone_cc(s->st, s->cfg.phone_cc);
	return rc;
}
