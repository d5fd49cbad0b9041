/* words.c - the words paydesk itself writes into the ledger, shown in the
 * reader's language (issue 25): the automatic credit note's reason and
 * remarks, the sync conflict's remarks, a gateway payment's notes and
 * reversal reason, "System" and "central node" as the one who received,
 * created, verified or voided. They are stored in fixed English, as
 * they always were, so an old store, the central node and every
 * terminal hold the same bytes and a synced record means the same thing
 * everywhere; what a person reads is the stored text matched against
 * the table below and said again in the reader's language. Text a
 * person typed (a cashier's note, a configured reason the catalogue
 * does not know) is shown as stored.
 *
 * TO ADD A NEW STORED WORD: write it in fixed English where it is stored
 * (a "%s" for each part that is data), add the same template here with
 * N_() (NC_() where the word alone is ambiguous), `make pot`, and
 * translate it in po/es.po and po/fr.po. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "paydesk/i18n.h"
#include "paydesk/service.h"
#include "paydesk/xmalloc.h"

#define WORD_ARGS 4

/* A stored template: its "%s" parts are data (a receipt number, a
 * gateway's name), put back as they are. Longer templates first where
 * one is the beginning of another. */
static const struct {
	const char *ctx; /* the catalogue's context, or NULL */
	const char *tmpl;
} words[] = {
    /* the reason and remarks of an automatic credit note (payment.c,
     * gateway.c), who made it when no one signed in did */
    {NULL, N_("Overpayment")}, {NULL, N_("Overpayment on receipt %s")},
    {NULL, N_("System")}, {NULL, N_("central node")},
    /* the central node's credit note of a sync conflict (sync_apply.c) */
    {NULL,
        N_("Receipt %s of terminal %s paid items another payment had already "
           "settled; the difference is credit")},
    /* a gateway payment's notes and its reversal's reason (gateway.c) */
    {NULL, N_("Gateway %s, code %s, phone %s")},
    {NULL, N_("Gateway %s, code %s")},
    /* ... with the status as gw_status_name writes it (core/model.c) */
    {NULL, N_("Gateway %s reported payment %s failed")},
    {NULL, N_("Gateway %s reported payment %s refunded")},
    {NULL, N_("Gateway %s reported payment %s disputed")},
    /* a refund in part: the total refunded so far (issue 19 review) */
    {NULL, N_("Gateway %s reported %s of payment %s refunded")},
    /* a dispute of part of the payment (review R21d, fault 3) */
    {NULL, N_("Gateway %s reported %s of payment %s disputed")},
    /* the credit-note reasons of the default configuration
     * (config.c); an organisation's own are shown as configured */
    {NULL, N_("Duplicate Payment")}, {NULL, N_("Billing Error")},
    {NULL, N_("Billing Adjustment")}, {NULL, N_("Refund Request")},
    {NULL, N_("Customer Request")},
    {NULL, N_("Other")}, /* "Otros", "Autres": as the KPIs' other */
    /* the arrangement reasons of the default configuration */
    {NULL, N_("Hardship")}, {NULL, N_("Promise to pay")},
    {NULL, N_("Reschedule request")}, {NULL, N_("Dispute")},
    /* a dispute's upholding (dispute.c): the void's reason, the credit
     * note's remarks, the bounced cheque's service charge */
    {NULL, N_("Dispute %s upheld")}, {NULL, N_("Dispute %s")},
    {NULL, N_("Bounced cheque charge")},
    /* a chargeback's amount charged again; the reason's label too */
    {NULL, N_("Chargeback")},
    /* a dispute's status Open (core/dispute.c), not the key's "Open" */
    {"dispute", NC_("dispute", "Open")},
};

typedef const char *(*word_tr)(const struct i18n_lang *l, const char *msgid);

static const char *
tr_operator(const struct i18n_lang *l, const char *msgid)
{
	(void)l;
	return _(msgid);
}

/* Row i's template in the reader's language: in its context first. */
static const char *
tr_row(word_tr tr, const struct i18n_lang *l, size_t i)
{
	char key[64];
	const char *t;

	if (words[i].ctx == NULL)
		return tr(l, words[i].tmpl);
	snprintf(key, sizeof key, "%s\004%s", words[i].ctx, words[i].tmpl);
	t = tr(l, key);
	return t == key ? words[i].tmpl : t;
}

/* Whether s is template t with data for its "%s" parts: each part's
 * start and length into arg and len (a part runs to the first place the
 * rest of the template matches, the last to the end). */
static int
match(const char *t, const char *s, const char **arg, size_t *len, int *nargs)
{
	const char *ph;

	*nargs = 0;
	while ((ph = strstr(t, "%s")) != NULL) {
		size_t lit = (size_t)(ph - t), next;
		const char *rest = ph + 2, *end, *nph;

		if (strncmp(s, t, lit) != 0 || *nargs == WORD_ARGS)
			return 0;
		s += lit;
		nph = strstr(rest, "%s");
		next = nph != NULL ? (size_t)(nph - rest) : strlen(rest);
		if (next == 0 && nph != NULL)
			return 0; /* two parts side by side: not ours */
		if (nph == NULL) {
			size_t sl = strlen(s);

			if (sl < next || strcmp(s + sl - next, rest) != 0)
				return 0;
			end = s + sl - next;
		} else {
			char lit2[128];

			if (next >= sizeof lit2)
				return 0;
			memcpy(lit2, rest, next);
			lit2[next] = '\0';
			end = strstr(s, lit2);
			if (end == NULL)
				return 0;
		}
		if (end == s)
			return 0; /* an empty part: not what paydesk writes */
		arg[*nargs] = s;
		len[(*nargs)++] = (size_t)(end - s);
		s = end;
		t = rest;
	}
	return strcmp(s, t) == 0;
}

/* The translation f of a template with its parts put back in order
 * into buf (n bytes). */
static void
fill(const char *f, const char **arg, const size_t *len, int nargs, char *buf,
    size_t n)
{
	size_t o = 0;
	int k = 0;

	while (*f != '\0' && o + 1 < n) {
		if (f[0] == '%' && f[1] == 's' && k < nargs) {
			size_t pl = len[k] < n - 1 - o ? len[k] : n - 1 - o;

			memcpy(buf + o, arg[k], pl);
			o += pl;
			k++;
			f += 2;
		} else
			buf[o++] = *f++;
	}
	buf[o < n ? o : n - 1] = '\0';
}

static const char *
said(word_tr tr, const struct i18n_lang *l, const char *s, char *buf, size_t n)
{
	const char *arg[WORD_ARGS];
	size_t len[WORD_ARGS], i;
	int nargs;

	if (s == NULL || *s == '\0')
		return s == NULL ? "" : s;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (!match(words[i].tmpl, s, arg, len, &nargs))
			continue;
		if (nargs == 0)
			return tr_row(tr, l, i);
		fill(tr_row(tr, l, i), arg, len, nargs, buf, n);
		return buf;
	}
	return s;
}

const char *
svc_word(const char *s, char *buf, size_t n)
{
	return said(tr_operator, NULL, s, buf, n);
}

const char *
svc_word_in(const struct i18n_lang *l, const char *s, char *buf, size_t n)
{
	return said(L_, l, s, buf, n);
}

/* The words of the command lines that stand for what is typed, shown in
 * the reader's words (context "metavar": fr COMPTE, AAAA-MM-JJ); options,
 * their values and single letters (D, M, N, X) stay as they are. Both
 * programs' synopses (paydesk help, paydesk-central --help). */
static const char *const metavars[] = {NC_("metavar", "ACCOUNT"),
    NC_("metavar", "REF"), NC_("metavar", "NAME"), NC_("metavar", "YYYY-MM-DD"),
    NC_("metavar", "YYYY-MM"), NC_("metavar", "TEXT"), NC_("metavar", "NUMBER"),
    NC_("metavar", "COLUMN"), NC_("metavar", "FILE"), NC_("metavar", "DIR"),
    NC_("metavar", "CN"), NC_("metavar", "RECEIPT"), NC_("metavar", "AMOUNT"),
    NC_("metavar", "METHOD"), NC_("metavar", "USER"), NC_("metavar", "CODE"),
    NC_("metavar", "BRANCH"), NC_("metavar", "MAP"), NC_("metavar", "KIND")};

/* The translation of the k bytes at s if they are a placeholder. */
static const char *
metavar(const char *s, size_t k)
{
	char key[64];
	const char *tr;
	size_t i;

	for (i = 0; i < sizeof metavars / sizeof metavars[0]; i++) {
		if (strlen(metavars[i]) != k || strncmp(s, metavars[i], k) != 0)
			continue;
		snprintf(key, sizeof key, "metavar%c%s", 4, metavars[i]);
		tr = gettext(key);
		return tr != key ? tr : metavars[i];
	}
	return NULL;
}

void
svc_synopsis(FILE *f, const char *s)
{
	const char *tr;
	size_t k;

	while (*s != '\0') {
		for (k = 0;
		     isupper((unsigned char)s[k]) ||
		     (s[k] == '-' && k > 0 && isupper((unsigned char)s[k + 1]));
		     k++)
			;
		if (k > 0 && (tr = metavar(s, k)) != NULL)
			fputs(tr, f);
		else
			fwrite(s, 1, k > 0 ? k : 1, f);
		s += k > 0 ? k : 1;
		/* a word's tail ("--older-than") is not a placeholder */
		while (k == 0 && isalnum((unsigned char)s[-1]) &&
		       (isalnum((unsigned char)*s) || *s == '-'))
			fputc(*s++, f);
	}
}
