/* camt.c - ISO 20022 camt.053 (BkToCstmrStmt, versions .001.02 and later)
 * read with libxml2: the tree is parsed by the library, and this file
 * only walks the elements of the statement's namespace. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "internal.h"
#include "paydesk/dynlib.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* libxml2, at the first camt.053 file (dynlib.h): with ICU and the C++
 * runtime it links, a third of the objects a command started with */
#define XML_SYMBOLS(X)                                                         \
	X(xmlDocGetRootElement)                                                \
	X(xmlFree)                                                             \
	X(xmlFreeDoc)                                                          \
	X(xmlGetLastError)                                                     \
	X(xmlGetLineNo)                                                        \
	X(xmlGetProp)                                                          \
	X(xmlNodeGetContent)                                                   \
	X(xmlReadMemory)                                                       \
	X(xmlResetLastError)                                                   \
	X(xmlStrcmp)                                                           \
	X(xmlStrncmp)
DYNLIB_SYMBOLS(xml, XML_SYMBOLS);
#define xmlDocGetRootElement (*dyn_xmlDocGetRootElement)
#define xmlFree (*dyn_xmlFree)
#define xmlFreeDoc (*dyn_xmlFreeDoc)
#define xmlGetLastError (*dyn_xmlGetLastError)
#define xmlGetLineNo (*dyn_xmlGetLineNo)
#define xmlGetProp (*dyn_xmlGetProp)
#define xmlNodeGetContent (*dyn_xmlNodeGetContent)
#define xmlReadMemory (*dyn_xmlReadMemory)
#define xmlResetLastError (*dyn_xmlResetLastError)
#define xmlStrcmp (*dyn_xmlStrcmp)
#define xmlStrncmp (*dyn_xmlStrncmp)

static struct dynlib xml_lib = {PD_SONAME_XML2,
    N_("Reading a camt.053 statement"), PD_ESTORE, xml_syms, NULL};

#define CAMT_NS "urn:iso:std:iso:20022:tech:xsd:camt.053."

struct camt {
	const char *name; /* the file, for messages */
	const xmlChar *ns;
	const char *currency;
	int digits;
	struct pd_err *err;
};

/* 1 if k is the element name of the statement's namespace. */
static int
is(const struct camt *c, xmlNodePtr k, const char *name)
{
	return k->type == XML_ELEMENT_NODE && k->ns != NULL &&
	       xmlStrcmp(k->ns->href, c->ns) == 0 &&
	       xmlStrcmp(k->name, BAD_CAST name) == 0;
}

/* The first child of n called name in the statement's namespace. */
static xmlNodePtr
child(const struct camt *c, xmlNodePtr n, const char *name)
{
	xmlNodePtr k;

	for (k = n ? n->children : NULL; k != NULL; k = k->next)
		if (is(c, k, name))
			return k;
	return NULL;
}

/* The element at path "A/B/C" under n, or NULL. */
static xmlNodePtr
at(const struct camt *c, xmlNodePtr n, const char *path)
{
	char part[32];
	const char *p = path, *slash;

	while (n != NULL && *p != '\0') {
		slash = strchr(p, '/');
		size_t k = slash ? (size_t)(slash - p) : strlen(p);

		if (k >= sizeof part)
			return NULL;
		memcpy(part, p, k);
		part[k] = '\0';
		n = child(c, n, part);
		p += k + (slash != NULL);
	}
	return n;
}

/* The text of the element at path under n, owned; "" when absent. */
static char *
text(const struct camt *c, xmlNodePtr n, const char *path)
{
	xmlNodePtr e = at(c, n, path);
	xmlChar *t = e ? xmlNodeGetContent(e) : NULL;
	char *s = NULL;

	bank_set(&s, t ? (const char *)t : "");
	xmlFree(t);
	return s;
}

/* Fail naming the element: "name:LINE: where: message already in err". */
static int
fail_at(const struct camt *c, xmlNodePtr e, const char *where)
{
	pd_err_prefix(
	    c->err, "%s:%ld: %s: ", c->name, e ? xmlGetLineNo(e) : 0L, where);
	c->err->code = PD_EINVAL;
	return -1;
}

/* The signed amount of an element holding Amt (with Ccy) and CdtDbtInd. */
static int
amount(const struct camt *c, xmlNodePtr n, const char *where, int64_t *out)
{
	xmlNodePtr a = child(c, n, "Amt");
	char *ind = text(c, n, "CdtDbtInd"), *v = text(c, n, "Amt");
	xmlChar *ccy = a ? xmlGetProp(a, BAD_CAST "Ccy") : NULL;
	int rc = 0;

	if (a == NULL)
		rc = pd_fail(c->err, PD_EINVAL, _("No amount (Amt)"));
	else if (ccy == NULL || strcmp((const char *)ccy, c->currency) != 0)
		rc = pd_fail(c->err, PD_EINVAL,
		    _("The amount is in %s; the organisation's currency is "
		      "%s"),
		    ccy ? (const char *)ccy : "?", c->currency);
	else if (strcmp(ind, "CRDT") != 0 && strcmp(ind, "DBIT") != 0)
		rc = pd_fail(c->err, PD_EINVAL,
		    _("CdtDbtInd \"%s\": CRDT or DBIT expected"), ind);
	else
		rc = bank_amount(v, '.', 0, c->digits, out, c->err);
	if (rc == 0 && strcmp(ind, "DBIT") == 0)
		*out = -*out;
	xmlFree(ccy);
	free(ind);
	free(v);
	return rc != 0 ? fail_at(c, a ? a : n, where) : 0;
}

/* A date in BookgDt/ValDt (n; NULL when its entry e has none): Dt, or
 * the day of DtTm; a failure names n's line, or e's where n is missing
 * (review s50, helper-216: "b3.xml:0"). */
static int
day(const struct camt *c, xmlNodePtr e, xmlNodePtr n, const char *where,
    int need, char out[11])
{
	char *d = text(c, n, "Dt");
	int rc = 0;

	if (*d == '\0') {
		free(d);
		d = text(c, n, "DtTm");
	}
	out[0] = '\0';
	if (*d == '\0' && need)
		rc = pd_fail(c->err, PD_EINVAL, _("No date"));
	else if (*d != '\0')
		rc = bank_iso_date(d, out, c->err);
	free(d);
	return rc != 0 ? fail_at(c, n != NULL ? n : e, where) : 0;
}

static int
balances(const struct camt *c, xmlNodePtr st, struct bank_stmt *out)
{
	xmlNodePtr b;
	char where[48], *cd;
	int i = 0, rc = 0;
	int64_t v;

	for (b = st->children; b != NULL && rc == 0; b = b->next) {
		if (!is(c, b, "Bal"))
			continue;
		snprintf(where, sizeof where, "Stmt/Bal[%d]", ++i);
		cd = text(c, b, "Tp/CdOrPrtry/Cd");
		if (strcmp(cd, "OPBD") == 0 || strcmp(cd, "PRCD") == 0 ||
		    strcmp(cd, "CLBD") == 0) {
			rc = amount(c, b, where, &v);
			if (rc == 0 && strcmp(cd, "CLBD") == 0) {
				out->closing = v;
				out->has_closing = 1;
			} else if (rc == 0 && !out->has_opening) {
				out->opening = v;
				out->has_opening = 1;
			}
		}
		free(cd);
	}
	return rc;
}

/* The remittance details of the entry's first transaction. */
static void
details(const struct camt *c, xmlNodePtr e, struct bank_line *l)
{
	xmlNodePtr tx = at(c, e, "NtryDtls/TxDtls");
	char *ref = text(c, tx, "Refs/EndToEndId");
	char *s;

	if (strcmp(ref, "NOTPROVIDED") == 0)
		ref[0] = '\0';
	free(l->reference);
	l->reference = ref;
	s = text(
	    c, tx, l->amount >= 0 ? "RltdPties/Dbtr/Nm" : "RltdPties/Cdtr/Nm");
	if (*s == '\0') {
		free(s);
		s = text(c, tx,
		    l->amount >= 0 ? "RltdPties/Dbtr/Pty/Nm"
		                   : "RltdPties/Cdtr/Pty/Nm");
	}
	free(l->counterparty);
	l->counterparty = s;
	s = text(c, tx, "RmtInf/Ustrd");
	if (*s == '\0') {
		free(s);
		s = text(c, e, "AddtlNtryInf");
	}
	if (*s == '\0') {
		free(s);
		s = text(c, tx, "AddtlTxInf");
	}
	free(l->text);
	l->text = s;
	free(l->bank_id);
	l->bank_id = text(c, e, "AcctSvcrRef");
	if (*l->bank_id == '\0') {
		free(l->bank_id);
		l->bank_id = text(c, tx, "Refs/AcctSvcrRef");
	}
}

static int
entry(const struct camt *c, xmlNodePtr e, int i, struct bank_stmt *out)
{
	char where[48], *sts, *rv;
	struct bank_line *l;
	int64_t v;

	snprintf(where, sizeof where, "Stmt/Ntry[%d]", i);
	sts = text(c, e, "Sts");
	if (strcmp(sts, "BOOK") != 0 && strcmp(sts, "") != 0) {
		free(sts); /* pending and information only: not booked */
		return 0;
	}
	free(sts);
	if (amount(c, e, where, &v) != 0)
		return -1;
	l = bank_line_add(out);
	l->amount = v;
	free(l->where);
	l->where = xasprintf("%s:%ld: %s", c->name, xmlGetLineNo(e), where);
	snprintf(where, sizeof where, "Stmt/Ntry[%d]/BookgDt", i);
	if (day(c, e, child(c, e, "BookgDt"), where, 1, l->booking) != 0)
		return -1;
	snprintf(where, sizeof where, "Stmt/Ntry[%d]/ValDt", i);
	if (day(c, e, child(c, e, "ValDt"), where, 0, l->value) != 0)
		return -1;
	rv = text(c, e, "RvslInd");
	l->reversal = strcmp(rv, "true") == 0 || strcmp(rv, "1") == 0;
	free(rv);
	details(c, e, l);
	return 0;
}

static int
statement(const struct camt *c, xmlNodePtr st, struct bank_stmt *out)
{
	xmlNodePtr e;
	char *s;
	int i = 0;

	free(out->stmt_id);
	out->stmt_id = text(c, st, "Id");
	s = text(c, st, "Acct/Id/IBAN");
	if (*s == '\0') {
		free(s);
		s = text(c, st, "Acct/Id/Othr/Id");
	}
	free(out->account);
	out->account = s;
	xstrlcpy(out->currency, c->currency, sizeof out->currency);
	s = text(c, st, "FrToDt/FrDtTm");
	if (*s != '\0' && bank_iso_date(s, out->from, c->err) != 0) {
		free(s);
		return fail_at(c, at(c, st, "FrToDt/FrDtTm"), "Stmt/FrToDt");
	}
	free(s);
	s = text(c, st, "FrToDt/ToDtTm");
	if (*s != '\0' && bank_iso_date(s, out->to, c->err) != 0) {
		free(s);
		return fail_at(c, at(c, st, "FrToDt/ToDtTm"), "Stmt/FrToDt");
	}
	free(s);
	if (balances(c, st, out) != 0)
		return -1;
	for (e = st->children; e != NULL; e = e->next)
		if (is(c, e, "Ntry") && entry(c, e, ++i, out) != 0)
			return -1;
	return 0;
}

int
bank_camt(const char *buf, size_t len, const char *name, const char *currency,
    int digits, struct bank_stmt *out, struct pd_err *err)
{
	struct camt c = {name, NULL, currency, digits, err};
	xmlDocPtr doc;
	xmlNodePtr root, grp, st;
	const xmlError *x;
	int rc, n = 0;

	if (len > (size_t)INT32_MAX)
		return pd_fail(err, PD_EINVAL, _("%s: too large"), name);
	if (dynlib_load(&xml_lib, err) != 0)
		return -1;
	xmlResetLastError();
	doc = xmlReadMemory(buf, (int)len, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL) {
		x = xmlGetLastError();
		rc = pd_fail(err, PD_EINVAL,
		    _("%s:%d: not well-formed XML: %s"), name, x ? x->line : 0,
		    x && x->message ? x->message : "?");
		err->msg[strcspn(err->msg, "\n")] = '\0'; /* libxml2's ends
		                                            with one */
		return rc;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || root->ns == NULL ||
	    xmlStrncmp(
	        root->ns->href, BAD_CAST CAMT_NS, (int)strlen(CAMT_NS)) != 0 ||
	    xmlStrcmp(root->name, BAD_CAST "Document") != 0) {
		xmlFreeDoc(doc);
		return pd_fail(err, PD_EINVAL,
		    _("%s: not a camt.053 document (Document in namespace "
		      "%s...)"),
		    name, CAMT_NS);
	}
	c.ns = root->ns->href;
	grp = child(&c, root, "BkToCstmrStmt");
	for (st = grp ? grp->children : NULL; st != NULL; st = st->next)
		n += is(&c, st, "Stmt");
	st = child(&c, grp, "Stmt");
	if (n != 1)
		rc = pd_fail(err, PD_EINVAL,
		    _("%s: %d statements (Stmt) in the file; paydesk imports "
		      "one statement per file"),
		    name, n);
	else
		rc = statement(&c, st, out);
	xmlFreeDoc(doc);
	return rc;
}
