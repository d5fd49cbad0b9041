/* collections.c - `paydesk-central collections [--org ORG] [--currency
 * CODE] [--from DATE] [--to DATE] [--method METHOD] [--json]`: the
 * payments collected across the organisations this node hosts (issue
 * 23: the currency filter of a node whose organisations are of several
 * currencies), per organisation in its own currency, read from the
 * payments their terminals sent; a total per currency, never one across
 * currencies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "central.h"

/* The options, checked. */
struct coll_opts {
	const char *org, *currency, *from, *to, *method;
	int json;
};

/* An organisation's figures, or a currency's total. */
struct coll_sum {
	const char *method; /* --method: only its rows; NULL: every one */
	int64_t count, amount;
};

static int
add_row(const struct split_row *r, void *arg)
{
	struct coll_sum *s = arg;

	/* the method as typed ("cash" is Cash), as paydesk's --method */
	if (s->method != NULL && strcasecmp(s->method, r->key) != 0)
		return 0;
	s->count += r->count;
	s->amount += r->amount;
	return 0;
}

/* The methods the organisations have, each once (any case alike). */
struct coll_methods {
	char known[512];
	const char *method; /* --method; found: 1 when one of them */
	int found;
};

static int
add_method(const struct split_row *r, void *arg)
{
	struct coll_methods *m = arg;
	size_t k = strlen(m->known), len = strlen(r->key);
	const char *p = m->known;

	if (strcasecmp(m->method, r->key) == 0)
		m->found = 1;
	for (; (p = strstr(p, r->key)) != NULL; p += len)
		if ((p == m->known || p[-2] == ',') &&
		    (p[len] == '\0' || p[len] == ','))
			return 0;
	if (k + len + 3 < sizeof m->known)
		snprintf(m->known + k, sizeof m->known - k, "%s%s",
		    k ? ", " : "", r->key);
	return 0;
}

/* --method names a method one of the node's organisations has (one of
 * its settings' or the node's configured methods, or one of its
 * payments'); else PD_EUSAGE naming the option, the value and those
 * there are (s72 fault 9: --method bitcoin printed zeros). */
static int
method_known(struct backend *b, const struct org_row *orgs, size_t n,
    const char *method, struct pd_err *err)
{
	struct coll_methods m;
	size_t i;

	memset(&m, 0, sizeof m);
	m.method = method;
	for (i = 0; i < n; i++)
		if (b->ops->collections(
		        b, orgs[i].code, NULL, NULL, add_method, &m, err) != 0)
			return -1;
	if (m.found)
		return 0;
	if (m.known[0] == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("--method \"%s\": this node hosts no organisation yet "
		      "(paydesk-central org add)"),
		    method);
	return pd_fail(err, PD_EUSAGE,
	    _("--method \"%s\": not one of the methods of the organisations "
	      "here (%s)"),
	    method, m.known);
}

/* The options; PD_EUSAGE naming a wrong one. */
static int
coll_opts(int argc, char **argv, struct coll_opts *o, struct pd_err *err)
{
	int i;

	for (i = 0; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(argv[i], "--json") == 0) {
			if (o->json)
				return central_twice("--json", err);
			o->json = 1;
			continue;
		}
		if (v == NULL)
			return pd_fail(err, PD_EUSAGE,
			    _("Collections: unknown option or missing value "
			      "\"%s\""),
			    argv[i]);
		if (strcmp(argv[i], "--org") == 0) {
			if (central_filter_opt(
			        argv[i], &o->org, argv[i + 1], err) != 0 ||
			    central_check_id(
			        _("Organisation"), o->org, 32, err) != 0)
				return -1;
		} else if (strcmp(argv[i], "--currency") == 0) {
			if (central_filter_opt(
			        argv[i], &o->currency, argv[i + 1], err) != 0)
				return -1;
			if (currency_minor_digits(o->currency) < 0)
				return pd_fail(err, PD_EUSAGE,
				    _("--currency \"%s\": not an ISO 4217 "
				      "currency code in capitals (KES, EUR, "
				      "JPY...)"),
				    o->currency);
		} else if (strcmp(argv[i], "--from") == 0) {
			if (central_date_opt(argv[i], &o->from, v, err) != 0)
				return -1;
		} else if (strcmp(argv[i], "--to") == 0) {
			if (central_date_opt(argv[i], &o->to, v, err) != 0)
				return -1;
		} else if (strcmp(argv[i], "--method") == 0) {
			if (central_filter_opt(
			        argv[i], &o->method, argv[i + 1], err) != 0)
				return -1;
			if (strlen(o->method) > 32)
				return pd_fail(err, PD_EUSAGE,
				    _("--method \"%s\": a payment method's "
				      "name, 1 to 32 characters"),
				    o->method);
		} else
			return pd_fail(err, PD_EUSAGE,
			    _("Collections: unknown option or missing value "
			      "\"%s\""),
			    argv[i]);
		i++;
	}
	/* a period that cannot hold a payment is said, as shifts says it */
	if (o->from != NULL && o->to != NULL && strcmp(o->from, o->to) > 0)
		return pd_fail(err, PD_EINVAL, _("--from %s is after --to %s"),
		    o->from, o->to);
	return 0;
}

/* An amount of currency cur (digits minor units) as the node writes
 * money, the symbol the code of a currency not its own (as deposits). */
static const char *
money_in(const struct backend *b, const char *cur, int digits, char *buf,
    size_t n, int64_t v)
{
	struct svc fmt;

	memset(&fmt, 0, sizeof fmt);
	fmt.cfg = b->cfg;
	if (strcmp(cur, fmt.cfg.currency_code) != 0)
		xstrlcpy(fmt.cfg.currency_symbol, cur,
		    sizeof fmt.cfg.currency_symbol);
	fmt.cfg.minor_digits = digits;
	return svc_money(&fmt, buf, n, v);
}

/* The organisations o selects, in order, into *sel (pointing into
 * orgs); PD_EUSAGE when --org or --currency names none of them. */
static int
select_orgs(const struct org_row *orgs, size_t n, const struct coll_opts *o,
    const struct org_row ***sel, size_t *nsel, struct pd_err *err)
{
	char known[256] = "";
	size_t i, j, k;

	*sel = xcalloc(n + 1, sizeof **sel);
	*nsel = 0;
	for (i = 0; i < n; i++) {
		if (o->org != NULL && strcmp(orgs[i].code, o->org) != 0)
			continue;
		if (o->org != NULL && o->currency != NULL &&
		    strcmp(orgs[i].currency, o->currency) != 0) {
			pd_fail(err, PD_EINVAL,
			    _("Organisation %s is in %s, not %s: its figures "
			      "are never given in another currency"),
			    o->org, orgs[i].currency, o->currency);
			goto fail;
		}
		if (o->currency != NULL &&
		    strcmp(orgs[i].currency, o->currency) != 0)
			continue;
		(*sel)[(*nsel)++] = &orgs[i];
	}
	if (*nsel > 0)
		return 0;
	/* a filter's value the node does not know: 2, naming the option,
	 * the value and those there are, as paydesk's filters (s72 fault
	 * 9: it was 4) */
	if (o->org != NULL) {
		for (i = 0; i < n; i++) {
			k = strlen(known);
			if (k + strlen(orgs[i].code) + 3 < sizeof known)
				snprintf(known + k, sizeof known - k, "%s%s",
				    k ? ", " : "", orgs[i].code);
		}
		if (n == 0)
			pd_fail(err, PD_EUSAGE,
			    _("--org \"%s\": this node hosts no organisation "
			      "yet (paydesk-central org add)"),
			    o->org);
		else
			pd_fail(err, PD_EUSAGE,
			    _("--org \"%s\": not one of the organisations "
			      "here (%s)"),
			    o->org, known);
		goto fail;
	}
	if (n == 0) /* no organisation yet: an empty report */
		return 0;
	/* the currencies the node's organisations are of, once each */
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(orgs[j].currency, orgs[i].currency) == 0)
				break;
		k = strlen(known);
		if (j == i && k + 6 < sizeof known)
			snprintf(known + k, sizeof known - k, "%s%s",
			    k ? ", " : "", orgs[i].currency);
	}
	pd_fail(err, PD_EUSAGE,
	    _("--currency \"%s\": no organisation here is in it (their "
	      "currencies: %s)"),
	    o->currency, known);
fail:
	free(*sel);
	*sel = NULL;
	return -1;
}

/* The totals of one currency: the organisations' figures of cur. */
static void
currency_total(const struct org_row *const *sel, const struct coll_sum *sums,
    size_t n, const char *cur, struct coll_sum *t, int *norgs)
{
	size_t i;

	memset(t, 0, sizeof *t);
	*norgs = 0;
	for (i = 0; i < n; i++)
		if (strcmp(sel[i]->currency, cur) == 0) {
			t->count += sums[i].count;
			t->amount += sums[i].amount;
			(*norgs)++;
		}
}

/* Whether sel[i]'s currency came before it (its total is given once). */
static int
currency_seen(const struct org_row *const *sel, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (strcmp(sel[j]->currency, sel[i]->currency) == 0)
			return 1;
	return 0;
}

static void
print_json(const struct coll_opts *o, const struct org_row *const *sel,
    const struct coll_sum *sums, size_t n)
{
	json_t *top = json_object(), *a = json_array(), *tot = json_array();
	struct coll_sum t;
	size_t i;
	int norgs;
	char *s;

	json_object_set_new(
	    top, "from", o->from ? json_string(o->from) : json_null());
	json_object_set_new(
	    top, "to", o->to ? json_string(o->to) : json_null());
	if (o->method != NULL)
		json_object_set_new(top, "method", json_string(o->method));
	if (o->currency != NULL)
		json_object_set_new(top, "currency", json_string(o->currency));
	for (i = 0; i < n; i++)
		json_array_append_new(
		    a, json_pack("{s:s, s:s, s:s, s:i, s:I, s:I}", "org",
		           sel[i]->code, "name", sel[i]->name, "currency",
		           sel[i]->currency, "minor_digits", sel[i]->digits,
		           "payments", (json_int_t)sums[i].count, "collected",
		           (json_int_t)sums[i].amount));
	for (i = 0; i < n; i++) {
		if (currency_seen(sel, i))
			continue;
		currency_total(sel, sums, n, sel[i]->currency, &t, &norgs);
		json_array_append_new(tot,
		    json_pack("{s:s, s:i, s:i, s:I, s:I}", "currency",
		        sel[i]->currency, "minor_digits", sel[i]->digits,
		        "organisations", norgs, "payments", (json_int_t)t.count,
		        "collected", (json_int_t)t.amount));
	}
	json_object_set_new(top, "organisations", a);
	json_object_set_new(top, "totals", tot);
	s = json_dumps(top, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	if (s != NULL)
		puts(s);
	free(s);
	json_decref(top);
}

static void
print_table(const struct backend *b, const struct org_row *const *sel,
    const struct coll_sum *sums, size_t n)
{
	const char *heads[5] = {NC_("column", "Organisation"),
	    NC_("column", "Name"), NC_("column", "Currency"),
	    NC_("column", "Payments"), NC_("column", "Collected")};
	int w[5] = {12, 20, 8, 8, 16}, i, norgs;
	char count[24], amount[MONEY_BUFSZ], label[64];
	const char *cells[5];
	struct coll_sum t;
	size_t k;

	for (i = 0; i < 5; i++)
		heads[i] = svc_column_header(heads[i]);
	central_head(heads, w, 5, 1);
	for (k = 0; k < n; k++) {
		snprintf(count, sizeof count, "%lld", (long long)sums[k].count);
		cells[0] = sel[k]->code;
		cells[1] = sel[k]->name;
		cells[2] = sel[k]->currency;
		cells[3] = count;
		cells[4] = money_in(b, sel[k]->currency, sel[k]->digits, amount,
		    sizeof amount, sums[k].amount);
		central_row(cells, w, 5, 1);
	}
	central_none(n);
	/* a total per currency: amounts of two currencies never add up */
	for (k = 0; k < n; k++) {
		if (currency_seen(sel, k))
			continue;
		currency_total(sel, sums, n, sel[k]->currency, &t, &norgs);
		snprintf(count, sizeof count, "%lld", (long long)t.count);
		snprintf(label, sizeof label,
		    ngettext("%d organisation", "%d organisations",
		        (unsigned long)norgs),
		    norgs);
		cells[0] = _("Total");
		cells[1] = label;
		cells[2] = sel[k]->currency;
		cells[3] = count;
		cells[4] = money_in(b, sel[k]->currency, sel[k]->digits, amount,
		    sizeof amount, t.amount);
		central_row(cells, w, 5, 1);
	}
}

int
collections_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	struct coll_opts o;
	struct org_row *orgs;
	const struct org_row **sel = NULL;
	struct coll_sum *sums;
	size_t n, nsel, i;
	int rc = 0;

	memset(&o, 0, sizeof o);
	if (coll_opts(argc, argv, &o, err) != 0)
		return -1;
	if ((orgs = b->ops->orgs(b, &n, err)) == NULL)
		return -1;
	if (select_orgs(orgs, n, &o, &sel, &nsel, err) != 0 ||
	    (o.method != NULL &&
	        method_known(b, orgs, n, o.method, err) != 0)) {
		free(sel);
		free(orgs);
		return -1;
	}
	sums = xcalloc(nsel + 1, sizeof *sums);
	for (i = 0; i < nsel && rc == 0; i++) {
		sums[i].method = o.method;
		rc = b->ops->collections(
		    b, sel[i]->code, o.from, o.to, add_row, &sums[i], err);
	}
	if (rc == 0) {
		if (o.json)
			print_json(&o, sel, sums, nsel);
		else
			print_table(b, sel, sums, nsel);
	}
	free(sums);
	free(sel);
	free(orgs);
	return rc;
}
