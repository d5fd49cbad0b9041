/* gwstatus.c - a gateway status on its way to the bank (issue 19; seed
 * 002, "Online Payment Status Mapping Sample"): the webhook and
 * settlement statuses of a gateway's mapping, and the mapping's check. */
#include <stdio.h>
#include <string.h>

#include "paydesk/err.h"
#include "paydesk/model.h"
#include "paydesk/xmalloc.h"

/* Seed 002's sample, and the rows it leaves out, by gateway status. */
static const struct {
	enum gw_status status;
	const char *webhook, *settle;
} sample[] = {
    {GW_SUCCEEDED, "In Settlement", "In Progress"},
    {GW_FAILED, "Failed", "N/A"},
    {GW_REFUNDED, "Refunded", "Reversed"},
    {GW_DISPUTED, "Disputed", "On Hold"},
};

enum gw_status
gw_status_parse(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof sample / sizeof sample[0]; i++)
		if (strcmp(s, gw_status_name(sample[i].status)) == 0)
			return sample[i].status;
	return GW_UNKNOWN;
}

const char *
gw_default_method(const char *profile)
{
	(void)profile;
	return "Online";
}

/* One entry "STATUS=WEBHOOK/SETTLEMENT" of e (len bytes): 0 with its
 * parts, or -1 with why in err. */
static int
entry(const char *e, size_t len, enum gw_status *st, char *webhook,
    char *settle, struct pd_err *err)
{
	char buf[GW_MAP_BUFSZ], *eq, *slash;
	size_t i;

	if (len >= sizeof buf)
		return pd_fail(err, PD_EINVAL, "Too long");
	memcpy(buf, e, len);
	buf[len] = '\0';
	eq = strchr(buf, '=');
	slash = eq != NULL ? strchr(eq, '/') : NULL;
	if (eq == NULL || slash == NULL)
		return pd_fail(err, PD_EINVAL,
		    "\"%s\" is not STATUS=WEBHOOK/SETTLEMENT", buf);
	*eq++ = '\0';
	*slash++ = '\0';
	*st = gw_status_parse(buf);
	if (*st == GW_UNKNOWN)
		return pd_fail(err, PD_EINVAL,
		    "\"%s\" is not a gateway status (succeeded, failed, "
		    "refunded or disputed)",
		    buf);
	if (*eq == '\0' || *slash == '\0' || strlen(eq) >= GW_STATUS_BUFSZ ||
	    strlen(slash) >= GW_STATUS_BUFSZ)
		return pd_fail(err, PD_EINVAL,
		    "%s: each status must be 1 to %d characters", buf,
		    GW_STATUS_BUFSZ - 1);
	for (i = 0; eq[i] != '\0'; i++)
		if ((unsigned char)eq[i] < ' ' || eq[i] == '/')
			return pd_fail(err, PD_EINVAL,
			    "%s: a control character or '/' in \"%s\"", buf,
			    eq);
	for (i = 0; slash[i] != '\0'; i++)
		if ((unsigned char)slash[i] < ' ')
			return pd_fail(err, PD_EINVAL,
			    "%s: a control character in \"%s\"", buf, slash);
	xstrlcpy(webhook, eq, GW_STATUS_BUFSZ);
	xstrlcpy(settle, slash, GW_STATUS_BUFSZ);
	return 0;
}

/* Check every entry of map and copy the statuses of the last one naming
 * want into webhook and settle (when not NULL). 0, or -1 with err naming
 * the bad entry. */
static int
walk(const char *map, enum gw_status want, char *webhook, char *settle,
    struct pd_err *err)
{
	const char *p = map, *end;
	char w[GW_STATUS_BUFSZ], s[GW_STATUS_BUFSZ];
	enum gw_status st = GW_UNKNOWN;
	int n = 0, first[GW_DISPUTED + 1] = {0};

	while (*p != '\0') {
		end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		n++;
		if (entry(p, (size_t)(end - p), &st, w, s, err) != 0) {
			pd_err_prefix(err, "Status mapping, entry %d: ", n);
			return -1;
		}
		/* a status named twice is a mistake to say, not one of them
		 * to keep silently (R19: "succeeded=A/B;succeeded=C/D" was
		 * set as C/D) */
		if (webhook == NULL) {
			if (first[st] != 0)
				return pd_fail(err, PD_EINVAL,
				    "Status mapping, entry %d: %s is named "
				    "again (first in entry %d)",
				    n, gw_status_name(st), first[st]);
			first[st] = n;
		}
		if (st == want && webhook != NULL) {
			xstrlcpy(webhook, w, GW_STATUS_BUFSZ);
			xstrlcpy(settle, s, GW_STATUS_BUFSZ);
		}
		p = *end == ';' ? end + 1 : end;
	}
	return 0;
}

void
gw_status_map(const char *map, enum gw_status st, char *webhook, char *settle)
{
	struct pd_err e = {0};
	size_t i;

	xstrlcpy(webhook, "Unknown", GW_STATUS_BUFSZ);
	xstrlcpy(settle, "N/A", GW_STATUS_BUFSZ);
	for (i = 0; i < sizeof sample / sizeof sample[0]; i++)
		if (sample[i].status == st) {
			xstrlcpy(webhook, sample[i].webhook, GW_STATUS_BUFSZ);
			xstrlcpy(settle, sample[i].settle, GW_STATUS_BUFSZ);
		}
	/* a mapping is checked before it is kept: one that fails here
	 * leaves what it named before the bad entry */
	(void)walk(map != NULL ? map : "", st, webhook, settle, &e);
}

int
gw_status_map_check(const char *map, struct pd_err *err)
{
	if (strlen(map) >= GW_MAP_BUFSZ)
		return pd_fail(err, PD_EINVAL,
		    "Status mapping: more than %d characters",
		    GW_MAP_BUFSZ - 1);
	return walk(map, GW_UNKNOWN, NULL, NULL, err);
}
