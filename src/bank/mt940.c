/* mt940.c - SWIFT MT940 read with aqbanking's "swift" importer (profile
 * SWIFT-MT940), driven from memory with no bank set up.
 *
 * The only text this file touches is the SWIFT envelope: aqbanking reads
 * the message text (block 4) and refuses a file that still has the
 * blocks {1:...}{2:...}{4: around it, as banks send it, so the text
 * between "{4:" and the closing "-}" is handed over. Amounts come back
 * as exact fractions (AB_Value_GetNumDenomString, "56435/100"), turned
 * into minor units with integer arithmetic only.
 *
 * aqbanking keeps the closing balance (:62F:) but not the opening one,
 * nor the statement's :20: reference, nor whether a line was a reversal
 * (RC/RD): it gives the signed amount of a reversal, which is what the
 * statement counts. Its errors say no line, so a file it refuses is
 * read again by the file's own fields, which name the :61: and its line
 * where one is bad (a day 261131 aqbanking refuses whole); else the
 * file. What it hands back is then checked against the file's own
 * :60F:, :61: and :62F: fields (mt940_raw.c), which also give the
 * opening balance and which lines are reversals. */
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* aqbanking's and gwenhywfar's headers declare f() for f(void) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <aqbanking/banking.h>
#include <aqbanking/types/imexporter_context.h>
#include <gwenhywfar/gui.h>
#include <gwenhywfar/gwenhywfar.h>
#include <gwenhywfar/logger.h>
#pragma GCC diagnostic pop

#include "internal.h"
#include "paydesk/dynlib.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

/* aqbanking with gwenhywfar (which it loads), at the first MT940 file
 * (dynlib.h): the functions called */
#define AQB_SYMBOLS(X)                                                         \
	X(AB_Balance_GetDate)                                                  \
	X(AB_Balance_GetValue)                                                 \
	X(AB_Balance_List_Next)                                                \
	X(AB_Banking_Fini)                                                     \
	X(AB_Banking_ImportFromBufferLoadProfile)                              \
	X(AB_Banking_Init)                                                     \
	X(AB_Banking_free)                                                     \
	X(AB_Banking_new)                                                      \
	X(AB_ImExporterAccountInfo_GetAccountNumber)                           \
	X(AB_ImExporterAccountInfo_GetCurrency)                                \
	X(AB_ImExporterAccountInfo_GetFirstBalance)                            \
	X(AB_ImExporterAccountInfo_GetFirstTransaction)                        \
	X(AB_ImExporterAccountInfo_GetIban)                                    \
	X(AB_ImExporterAccountInfo_List_Next)                                  \
	X(AB_ImExporterContext_GetFirstAccountInfo)                            \
	X(AB_ImExporterContext_free)                                           \
	X(AB_ImExporterContext_new)                                            \
	X(AB_Transaction_GetBankReference)                                     \
	X(AB_Transaction_GetCustomerReference)                                 \
	X(AB_Transaction_GetDate)                                              \
	X(AB_Transaction_GetEndToEndReference)                                 \
	X(AB_Transaction_GetPurpose)                                           \
	X(AB_Transaction_GetRemoteName)                                        \
	X(AB_Transaction_GetValue)                                             \
	X(AB_Transaction_GetValutaDate)                                        \
	X(AB_Transaction_List_Next)                                            \
	X(AB_Value_GetCurrency)                                                \
	X(AB_Value_GetNumDenomString)                                          \
	X(GWEN_Date_GetDay)                                                    \
	X(GWEN_Date_GetMonth)                                                  \
	X(GWEN_Date_GetYear)                                                   \
	X(GWEN_Fini)                                                           \
	X(GWEN_Gui_SetGui)                                                     \
	X(GWEN_Gui_free)                                                       \
	X(GWEN_Gui_new)                                                        \
	X(GWEN_Init)                                                           \
	X(GWEN_Logger_SetLevel)
DYNLIB_SYMBOLS(aqb, AQB_SYMBOLS);
#define AB_Balance_GetDate (*dyn_AB_Balance_GetDate)
#define AB_Balance_GetValue (*dyn_AB_Balance_GetValue)
#define AB_Balance_List_Next (*dyn_AB_Balance_List_Next)
#define AB_Banking_Fini (*dyn_AB_Banking_Fini)
#define AB_Banking_ImportFromBufferLoadProfile                                 \
	(*dyn_AB_Banking_ImportFromBufferLoadProfile)
#define AB_Banking_Init (*dyn_AB_Banking_Init)
#define AB_Banking_free (*dyn_AB_Banking_free)
#define AB_Banking_new (*dyn_AB_Banking_new)
#define AB_ImExporterAccountInfo_GetAccountNumber                              \
	(*dyn_AB_ImExporterAccountInfo_GetAccountNumber)
#define AB_ImExporterAccountInfo_GetCurrency                                   \
	(*dyn_AB_ImExporterAccountInfo_GetCurrency)
#define AB_ImExporterAccountInfo_GetFirstBalance                               \
	(*dyn_AB_ImExporterAccountInfo_GetFirstBalance)
#define AB_ImExporterAccountInfo_GetFirstTransaction                           \
	(*dyn_AB_ImExporterAccountInfo_GetFirstTransaction)
#define AB_ImExporterAccountInfo_GetIban (*dyn_AB_ImExporterAccountInfo_GetIban)
#define AB_ImExporterAccountInfo_List_Next                                     \
	(*dyn_AB_ImExporterAccountInfo_List_Next)
#define AB_ImExporterContext_GetFirstAccountInfo                               \
	(*dyn_AB_ImExporterContext_GetFirstAccountInfo)
#define AB_ImExporterContext_free (*dyn_AB_ImExporterContext_free)
#define AB_ImExporterContext_new (*dyn_AB_ImExporterContext_new)
#define AB_Transaction_GetBankReference (*dyn_AB_Transaction_GetBankReference)
#define AB_Transaction_GetCustomerReference                                    \
	(*dyn_AB_Transaction_GetCustomerReference)
#define AB_Transaction_GetDate (*dyn_AB_Transaction_GetDate)
#define AB_Transaction_GetEndToEndReference                                    \
	(*dyn_AB_Transaction_GetEndToEndReference)
#define AB_Transaction_GetPurpose (*dyn_AB_Transaction_GetPurpose)
#define AB_Transaction_GetRemoteName (*dyn_AB_Transaction_GetRemoteName)
#define AB_Transaction_GetValue (*dyn_AB_Transaction_GetValue)
#define AB_Transaction_GetValutaDate (*dyn_AB_Transaction_GetValutaDate)
#define AB_Transaction_List_Next (*dyn_AB_Transaction_List_Next)
#define AB_Value_GetCurrency (*dyn_AB_Value_GetCurrency)
#define AB_Value_GetNumDenomString (*dyn_AB_Value_GetNumDenomString)
#define GWEN_Date_GetDay (*dyn_GWEN_Date_GetDay)
#define GWEN_Date_GetMonth (*dyn_GWEN_Date_GetMonth)
#define GWEN_Date_GetYear (*dyn_GWEN_Date_GetYear)
#define GWEN_Fini (*dyn_GWEN_Fini)
#define GWEN_Gui_SetGui (*dyn_GWEN_Gui_SetGui)
#define GWEN_Gui_free (*dyn_GWEN_Gui_free)
#define GWEN_Gui_new (*dyn_GWEN_Gui_new)
#define GWEN_Init (*dyn_GWEN_Init)
#define GWEN_Logger_SetLevel (*dyn_GWEN_Logger_SetLevel)

static struct dynlib aqb_lib = {PD_SONAME_AQBANKING,
    N_("Reading an MT940 statement"), PD_ESTORE, aqb_syms, NULL};

/* "N/D" or "N" from aqbanking as minor units of digits decimals. */
static int
fraction(const AB_VALUE *v, int digits, int64_t *out, struct pd_err *err)
{
	char buf[96], *slash, *end;
	long long num, den = 1;
	__int128 x;
	int i;

	if (v == NULL || AB_Value_GetNumDenomString(v, buf, sizeof buf) != 0)
		return pd_fail(err, PD_EINVAL, _("No amount"));
	slash = strchr(buf, '/');
	if (slash != NULL) {
		*slash = '\0';
		den = strtoll(slash + 1, &end, 10);
		if (*end != '\0' || den <= 0 || den > 1000000000LL)
			return pd_fail(err, PD_EINVAL, _("Amount \"%s/%s\""),
			    buf, slash + 1);
	}
	num = strtoll(buf, &end, 10);
	if (*end != '\0' || num > MONEY_MAX * 1000LL ||
	    num < -MONEY_MAX * 1000LL)
		return pd_fail(err, PD_EINVAL, _("Amount \"%s\""), buf);
	x = num;
	for (i = 0; i < digits; i++)
		x *= 10;
	if (x % den != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Amount %lld/%lld has more than %d decimals"), num, den,
		    digits);
	x /= den;
	if (x > MONEY_MAX || x < -MONEY_MAX)
		return pd_fail(err, PD_EINVAL, _("Amount out of range"));
	*out = (int64_t)x;
	return 0;
}

static void
gday(const GWEN_DATE *d, char out[11])
{
	out[0] = '\0';
	if (d != NULL)
		snprintf(out, 11, "%04d-%02d-%02d",
		    GWEN_Date_GetYear(d) % 10000, GWEN_Date_GetMonth(d) % 100,
		    GWEN_Date_GetDay(d) % 100);
}

/* The currency of value v: aqbanking's, else the account's. */
static int
same_currency(const AB_VALUE *v, const char *acct, const char *currency)
{
	const char *c = v ? AB_Value_GetCurrency(v) : NULL;

	if (c == NULL || *c == '\0')
		c = acct;
	return c == NULL || *c == '\0' || strcmp(c, currency) == 0;
}

static const char *
nz(const char *s)
{
	return s ? s : "";
}

static int
line(AB_TRANSACTION *t, const char *name, const char *accur,
    const char *currency, int digits, int at, struct bank_stmt *out,
    struct pd_err *err)
{
	const AB_VALUE *v = AB_Transaction_GetValue(t);
	const char *bref = nz(AB_Transaction_GetBankReference(t));
	struct bank_line *l;
	int64_t amt;
	char where[160], said[200];

	snprintf(where, sizeof where, "%s: :61: #%zu (%s)", name,
	    out->nlines + 1, bref);
	/* a refusal names the :61:'s line in the file too, as the other
	 * formats' do (s72 h8 fault 5), FILE:LINE: first (s74 fault 3);
	 * at 0: not known */
	if (at > 0)
		snprintf(said, sizeof said, "%s:%d: :61: #%zu (%s)", name, at,
		    out->nlines + 1, bref);
	else
		xstrlcpy(said, where, sizeof said);
	if (!same_currency(v, accur, currency))
		return pd_fail(err, PD_EINVAL,
		    _("%s: the amount is in %s; the organisation's currency "
		      "is %s"),
		    said, AB_Value_GetCurrency(v), currency);
	if (fraction(v, digits, &amt, err) != 0) {
		pd_err_prefix(err, "%s: ", said);
		return -1;
	}
	l = bank_line_add(out);
	l->amount = amt;
	gday(AB_Transaction_GetDate(t), l->booking);
	gday(AB_Transaction_GetValutaDate(t), l->value);
	if (l->booking[0] == '\0')
		memcpy(l->booking, l->value, sizeof l->booking);
	if (l->booking[0] == '\0')
		return pd_fail(err, PD_EINVAL, _("%s: no date"), said);
	bank_set(&l->bank_id, bref);
	bank_set(&l->reference, AB_Transaction_GetEndToEndReference(t)
	                            ? AB_Transaction_GetEndToEndReference(t)
	                            : AB_Transaction_GetCustomerReference(t));
	bank_set_joined(&l->counterparty, AB_Transaction_GetRemoteName(t));
	bank_set_joined(&l->text, AB_Transaction_GetPurpose(t));
	free(l->where);
	l->where = xstrdup(where);
	return 0;
}

/* :25: as SWIFT MT940 writes it: the account identification, and the
 * 3-letter ISO currency after it where the bank writes one (ING:
 * NL77INGB0574908765EUR; 12345678/0012345678EUR): the account is what
 * is left once the statement's currency (cur, its :60F:/:60M:'s) is
 * taken off the end, as the deposits made to it name it (review R20;
 * s74 fault 5: an account number's suffix was kept, only an IBAN's
 * taken off). aqbanking gives the account number of BANKCODE/NUMBER.
 * Else id as it is. */
static void
account_id(const char *id, const char *cur, struct bank_stmt *out)
{
	char buf[64];
	size_t n = id ? strlen(id) : 0;

	if (n > 3 && n < sizeof buf && strlen(cur) == 3 &&
	    strcmp(id + n - 3, cur) == 0 && id[n - 4] != '/' &&
	    id[n - 4] != ' ') {
		memcpy(buf, id, n - 3);
		buf[n - 3] = '\0';
		bank_set(&out->account, buf);
		return;
	}
	bank_set(&out->account, id ? id : "");
}

static int
account(AB_IMEXPORTER_ACCOUNTINFO *ai, const char *name, const char *currency,
    int digits, const int *at, size_t nat, const struct mt940_balances *bal,
    struct bank_stmt *out, struct pd_err *err)
{
	const char *acur = AB_ImExporterAccountInfo_GetCurrency(ai);
	const char *iban = AB_ImExporterAccountInfo_GetIban(ai);
	AB_TRANSACTION *t;
	AB_BALANCE *b;
	char where[160];

	/* the opening balance's currency is the entries' (aqbanking gives
	 * them its): refused by its own line, not by the first :61:'s (a
	 * fresh tester's, s72 fault 4) */
	if (bal->open_line > 0 && strcmp(bal->open_cur, currency) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s:%d: the opening balance (:60F:) is in %s; "
		      "the organisation's currency is %s"),
		    name, bal->open_line, bal->open_cur, currency);
	/* the closing balance's refusals name its line too (s72 fault 4,
	 * as the :61:'s since ea78f979) */
	if (bal->close_line > 0)
		snprintf(where, sizeof where, "%s:%d", name, bal->close_line);
	else
		xstrlcpy(where, name, sizeof where);

	account_id(iban ? iban : AB_ImExporterAccountInfo_GetAccountNumber(ai),
	    bal->open_line > 0 ? bal->open_cur : currency, out);
	xstrlcpy(out->currency, currency, sizeof out->currency);
	for (t = AB_ImExporterAccountInfo_GetFirstTransaction(ai, 0, 0);
	     t != NULL; t = AB_Transaction_List_Next(t))
		if (line(t, name, acur, currency, digits,
		        out->nlines < nat ? at[out->nlines] : 0, out, err) != 0)
			return -1;
	/* the last balance aqbanking keeps is the closing one */
	for (b = AB_ImExporterAccountInfo_GetFirstBalance(ai); b != NULL;
	     b = AB_Balance_List_Next(b)) {
		if (!same_currency(AB_Balance_GetValue(b), acur, currency))
			return pd_fail(err, PD_EINVAL,
			    _("%s: the closing balance (:62F:) is in %s; the "
			      "organisation's currency is %s"),
			    where, AB_Value_GetCurrency(AB_Balance_GetValue(b)),
			    currency);
		if (fraction(AB_Balance_GetValue(b), digits, &out->closing,
		        err) != 0) {
			pd_err_prefix(err, "%s: :62F: ", where);
			return -1;
		}
		out->has_closing = 1;
		gday(AB_Balance_GetDate(b), out->to);
	}
	return 0;
}

static int
rm_one(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	(void)flag;
	(void)f;
	remove(p);
	return 0;
}

/* The message text inside the SWIFT envelope (or all of buf). */
static const char *
block4(const char *buf, size_t len, size_t *n)
{
	const char *b = memmem(buf, len, "{4:", 3), *e;

	if (b == NULL) {
		*n = len;
		return buf;
	}
	b += 3;
	while (b < buf + len && (*b == '\r' || *b == '\n'))
		b++;
	e = memmem(b, (size_t)(buf + len - b), "\n-}", 3);
	*n = e ? (size_t)(e - b) + 1 : (size_t)(buf + len - b);
	return b;
}

/* stderr to /dev/null while aqbanking works: its first start logs a
 * settings check there before its logger is open, whatever the levels
 * (a screen of the counter UI must not get it either). The saved
 * descriptor, or -1. */
static int
mute(void)
{
	int saved = dup(2), null = open("/dev/null", O_WRONLY);

	if (saved >= 0 && null >= 0)
		dup2(null, 2);
	if (null >= 0)
		close(null);
	return saved;
}

static void
unmute(int saved)
{
	if (saved >= 0) {
		dup2(saved, 2);
		close(saved);
	}
}

/* Nothing of aqbanking's logging on the user's terminal. */
static void
quiet(void)
{
	GWEN_Logger_SetLevel(NULL, GWEN_LoggerLevel_Emergency);
	GWEN_Logger_SetLevel("gwenhywfar", GWEN_LoggerLevel_Emergency);
	GWEN_Logger_SetLevel("aqbanking", GWEN_LoggerLevel_Emergency);
	GWEN_Logger_SetLevel("aqbanking-swift", GWEN_LoggerLevel_Emergency);
}

static int
import(AB_BANKING *ab, const char *buf, size_t len, const char *name,
    const char *currency, int digits, struct bank_stmt *out, struct pd_err *err)
{
	AB_IMEXPORTER_CONTEXT *ctx = AB_ImExporterContext_new();
	AB_IMEXPORTER_ACCOUNTINFO *ai;
	size_t n;
	const char *text = block4(buf, len, &n);
	int rc, count = 0;

	quiet();
	rc = AB_Banking_ImportFromBufferLoadProfile(ab, "swift", ctx,
	    "SWIFT-MT940", NULL, (const uint8_t *)text, (uint32_t)n);
	ai = AB_ImExporterContext_GetFirstAccountInfo(ctx);
	for (; ai != NULL; ai = AB_ImExporterAccountInfo_List_Next(ai))
		count++;
	/* aqbanking refuses some bad days (261131, 260000) and says no
	 * line: the file's own fields say which :61: and where, and
	 * aqbanking's error only when they are well formed */
	if (rc != 0 && bank_mt940_fields(buf, len, name, digits, err) != 0)
		rc = -1;
	else if (rc != 0)
		rc = pd_fail(err, PD_EINVAL,
		    _("%s: aqbanking cannot read it as an MT940 statement "
		      "(error %d)"),
		    name, rc);
	else if (count != 1)
		rc = pd_fail(err, PD_EINVAL,
		    _("%s: %d statements in the file; paydesk imports one "
		      "statement per file"),
		    name, count);
	else {
		size_t nat;
		int *at = bank_mt940_lines(buf, len, name, digits, &nat);
		struct mt940_balances bal;

		bank_mt940_balances(buf, len, name, digits, &bal);
		rc = account(AB_ImExporterContext_GetFirstAccountInfo(ctx),
		    name, currency, digits, at, nat, &bal, out, err);
		free(at);
		/* what aqbanking read refused (an amount of more decimals
		 * than the currency has): the file's own fields name the
		 * :61:, its line and the amount as written, where they
		 * find it (issue 20, tester) */
		if (rc != 0 &&
		    bank_mt940_fields(buf, len, name, digits, err) != 0)
			rc = -1;
	}
	if (rc == 0)
		rc = bank_mt940_check(buf, len, name, digits, out, err);
	AB_ImExporterContext_free(ctx);
	return rc;
}

/* How many lines of buf begin ":20:" (a message's reference: one per
 * statement). */
static int
statements_in(const char *buf, size_t len)
{
	size_t i;
	int n = 0;

	for (i = 0; i + 4 <= len; i++)
		if ((i == 0 || buf[i - 1] == '\n') &&
		    memcmp(buf + i, ":20:", 4) == 0)
			n++;
	return n;
}

int
bank_mt940(const char *buf, size_t len, const char *name, const char *currency,
    int digits, struct bank_stmt *out, struct pd_err *err)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/paydesk-aqb.XXXXXX", tmp ? tmp : "/tmp");
	AB_BANKING *ab;
	GWEN_GUI *gui;
	int rc, saved;

	if (dynlib_load(&aqb_lib, err) != 0) {
		free(dir);
		return -1;
	}
	/* one statement a file, as camt.053 and OFX: a file of several
	 * messages (a :20: each) is said to be so (review R20), not left
	 * to the count of its entries against aqbanking's */
	if ((rc = statements_in(buf, len)) > 1) {
		free(dir);
		return pd_fail(err, PD_EINVAL,
		    _("%s: %d statements (:20:) in the file; paydesk imports "
		      "one statement per file"),
		    name, rc);
	}
	if (len > UINT32_MAX / 2 || mkdtemp(dir) == NULL) {
		free(dir);
		return pd_fail(err, PD_EINVAL,
		    _("%s: no room for aqbanking's settings"), name);
	}
	saved = mute();
	GWEN_Init();
	gui = GWEN_Gui_new(); /* aqbanking asks it for flags */
	GWEN_Gui_SetGui(gui);
	ab = AB_Banking_new("paydesk", dir, 0);
	quiet();
	if (AB_Banking_Init(ab) != 0)
		rc = pd_fail(
		    err, PD_EINVAL, _("%s: aqbanking did not start"), name);
	else {
		rc = import(ab, buf, len, name, currency, digits, out, err);
		AB_Banking_Fini(ab);
	}
	AB_Banking_free(ab);
	GWEN_Gui_SetGui(NULL);
	GWEN_Gui_free(gui);
	GWEN_Fini();
	unmute(saved);
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	free(dir);
	return rc;
}
