/* settings.c - the settings an organisation's central node masters: kept
 * in the store, laid over the config file's values. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/xmalloc.h"

int
svc_setting_put(struct svc *s, const char *key, const char *value,
    const char *at, struct pd_err *err)
{
	struct config *next = xmalloc(sizeof *next);
	int rc;

	/* checked on a copy: the live one changes only once it is stored */
	*next = s->cfg;
	rc = config_set_central(next, key, value, err);
	if (rc == 0)
		rc = store_setting_put(s->st, key, value, at, err);
	if (rc == 0)
		s->cfg = *next;
	free(next);
	return rc;
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
			    "%s: the setting from the central node is not "
			    "valid here: ",
			    s->cfg.store_path);
			err->code = PD_ESTORE;
			rc = -1;
		}
	free(v);
	return rc;
}
