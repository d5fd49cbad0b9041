/* config.c - the configuration as the front ends read it: loaded alone
 * (commands that need no store), the schema's rows and values for
 * `paydesk config`, the organisation's channels and reasons, and the
 * language it speaks. Front ends reach src/config and src/os through
 * these only. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/i18n.h"

int
svc_config_load(const char *path, struct config *cfg, struct pd_err *err)
{
	if (config_load(path, cfg, err) == 0)
		return 0;
	/* a file that names its language and is refused says why in that
	 * language (config_load reads [organisation] language first), as
	 * the rest of the program would have spoken: read again in it */
	if (cfg->language[0] == '\0')
		return -1;
	svc_language(cfg);
	return config_load(path, cfg, err);
}

const struct config_row *
svc_config_rows(int *n)
{
	return config_rows(n);
}

int
svc_config_value(const struct config *cfg, int i, char *buf, size_t n)
{
	return config_format(cfg, i, buf, n);
}

const char *
svc_credit_reason(const struct config *cfg, const char *name)
{
	const char *r = config_reason(cfg, name);
	char buf[512];
	int i;

	/* the stored term first, then the words the operator reads (the
	 * default reasons are shown translated: words.c) */
	for (i = 0; r == NULL && name != NULL && i < cfg->nreasons; i++)
		if (strcasecmp(
		        svc_word(cfg->reasons[i], buf, sizeof buf), name) == 0)
			r = cfg->reasons[i];
	return r;
}

void
svc_credit_reasons(const struct config *cfg, char *buf, size_t n)
{
	char w[512];
	int i;

	buf[0] = '\0';
	for (i = 0; i < cfg->nreasons; i++)
		snprintf(buf + strlen(buf), n - strlen(buf), "%s%s",
		    i ? ", " : "", svc_word(cfg->reasons[i], w, sizeof w));
}

const char *
svc_channel(const struct config *cfg, const char *name)
{
	return config_channel(cfg, name);
}

void
svc_language(const struct config *cfg)
{
	i18n_init(cfg->language);
}
