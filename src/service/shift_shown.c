/* shift_shown.c - the counts of a blind close once shown (review R20):
 * a count whose over or short was shown to the cashier is kept in the
 * audit log (action "count"), and a recount is compared with the first
 * count shown, so a blind count stands once its result is seen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/i18n.h"

/* The key of a tender's cheques not matched in a count shown. */
#define SHOWN_UNMATCHED " not matched"

/* "Cash=185.00; Credit Card=15.00": what each tender of res counted
 * ("; Cheque not matched=listed, not taken: ...", those that did not). */
static void
shown_detail(const struct svc *s, const struct shift_close_result *res,
    char *buf, size_t n)
{
	char m[MONEY_BUFSZ];
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < res->ntenders && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s=%s",
		    i > 0 ? "; " : "", res->tenders[i].method,
		    money_plain(m, sizeof m, res->tenders[i].counted,
		        s->cfg.minor_digits));
	/* and the cheques listed that did not match, as shown */
	for (i = 0; i < res->ntenders && len < n; i++)
		if (res->tenders[i].unmatched[0] != '\0')
			len += (size_t)snprintf(buf + len, n - len,
			    "; %s" SHOWN_UNMATCHED "=%s",
			    res->tenders[i].method, res->tenders[i].unmatched);
}

/* What detail d (shown_detail's) has for key into out (n bytes); ""
 * when it names none. */
static void
shown_value(
    const char *d, const char *key, const char *more, char *out, size_t n)
{
	size_t kl = strlen(key), ml = strlen(more), k;
	const char *p = d, *e;

	out[0] = '\0';
	while (p != NULL && *p != '\0') {
		if (strncmp(p, key, kl) == 0 &&
		    strncmp(p + kl, more, ml) == 0 && p[kl + ml] == '=') {
			p += kl + ml + 1;
			e = strstr(p, "; ");
			k = e ? (size_t)(e - p) : strlen(p);
			if (k < n) {
				memcpy(out, p, k);
				out[k] = '\0';
			}
			return;
		}
		p = strstr(p, "; ");
		if (p != NULL)
			p += 2;
	}
}

/* What detail d (shown_detail's) counted for method; 0 when unnamed. */
static int64_t
shown_amount(const struct svc *s, const char *d, const char *method)
{
	char buf[MONEY_BUFSZ];
	struct pd_err e2;
	int64_t v;

	shown_value(d, method, "", buf, sizeof buf);
	if (buf[0] == '\0' ||
	    money_parse(buf, s->cfg.minor_digits, "", &v, &e2) != 0)
		return 0;
	return v;
}

static void
free_details(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The tenders detail d (shown_detail's) counted that none of the n of
 * *t is, appended to *t: counted none now, so the recount shows what
 * the first count had of them (issue 20 review, fault 6: a tender left
 * out of the recount was not listed under Counted first). */
static void
shown_left_out(
    const struct svc *s, const char *d, struct shift_tender **t, size_t *n)
{
	const struct pay_method *m;
	struct shift_tender *x;
	const char *p = d, *e, *eq;
	char method[SHIFT_METHOD_BUFSZ];
	size_t i, k;

	while (p != NULL && *p != '\0') {
		e = strstr(p, "; ");
		eq = strchr(p, '=');
		k = eq != NULL && (e == NULL || eq < e) ? (size_t)(eq - p) : 0;
		if (k > 0 && k < sizeof method) {
			memcpy(method, p, k);
			method[k] = '\0';
			for (i = 0; i < *n && strcmp((*t)[i].method, method);
			     i++)
				;
			if (i == *n &&
			    strstr(method, SHOWN_UNMATCHED) == NULL) {
				*t = xrealloc(*t, *n + 1, sizeof **t);
				x = &(*t)[(*n)++];
				memset(x, 0, sizeof *x);
				xstrlcpy(x->method, method, sizeof x->method);
				m = config_method(&s->cfg, method);
				x->kind = m != NULL ? m->kind : METHOD_BANK;
			}
		}
		p = e != NULL ? e + 2 : NULL;
	}
}

int
svc_shift_first_counts(struct svc *s, const char *uuid,
    struct shift_tender **tp, size_t *np, int *any, struct pd_err *err)
{
	size_t nd, i, n;
	char **v = store_shift_counts_shown(s->st, uuid, &nd, err);
	struct shift_tender *t;

	if (any != NULL)
		*any = 0;
	if (v == NULL)
		return -1;
	if (nd > 0)
		shown_left_out(s, v[0], tp, np);
	t = *tp;
	n = *np;
	for (i = 0; i < n; i++) {
		char was[SHIFT_UNMATCHED_BUFSZ] = "";

		t[i].first_counted =
		    nd > 0 ? shown_amount(s, v[0], t[i].method) : t[i].counted;
		/* cheques listed again after those not matched were shown
		 * (their numbers are what the shift took): a recount too */
		if (nd > 0)
			shown_value(v[0], t[i].method, SHOWN_UNMATCHED, was,
			    sizeof was);
		t[i].recounted =
		    nd > 0 && (t[i].first_counted != t[i].counted ||
		                  strcasecmp(was, t[i].unmatched) != 0);
		if (any != NULL && t[i].recounted)
			*any = 1;
	}
	free_details(v, nd);
	return 0;
}

int
svc_shift_counted(struct svc *s, const char *uuid, struct pd_err *err)
{
	size_t n;
	char **v = store_shift_counts_shown(s->st, uuid, &n, err);

	if (v == NULL)
		return -1;
	free_details(v, n);
	return n > 0;
}

/* The count res shows kept in the audit log when a tender is over or
 * short, unless it is the last one kept; its own transaction. */
int
svc_shift_keep_shown(
    struct svc *s, const struct shift_close_result *res, struct pd_err *err)
{
	char d[1024], now[TS_BUFSZ];
	char **v;
	size_t i, n;
	int any = 0, same;

	for (i = 0; i < res->ntenders; i++)
		any |= res->tenders[i].over_short != 0 ||
		       res->tenders[i].unmatched[0] != '\0';
	if (!any)
		return 0;
	shown_detail(s, res, d, sizeof d);
	v = store_shift_counts_shown(s->st, res->sh.uuid, &n, err);
	if (v == NULL)
		return -1;
	same = n > 0 && strcmp(v[n - 1], d) == 0;
	free_details(v, n);
	if (same)
		return 0;
	if (store_begin(s->st, err) != 0)
		return -1;
	svc_now(now);
	return svc_finish(
	    s, svc_audit(s, now, "count", "shift", res->sh.uuid, d, err), err);
}
