/* ofx.c - OFX (1.x SGML and 2.x XML) read with libofx.
 *
 * libofx parses the file and hands each statement and transaction to a
 * callback; this file only gathers them. libofx gives amounts as double
 * only (its API has no text of TRNAMT): each is printed with two more
 * decimals than the currency has and read back by bank_amount, so an
 * amount with more decimals than the currency is refused and no float
 * reaches the statement (a double holds every amount up to MONEY_MAX
 * cents to far better than a tenth of a minor unit). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <libofx/libofx.h>

#include "internal.h"
#include "paydesk/dynlib.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"
#include "paydesk/xmalloc.h"

/* libofx, at the first OFX file (dynlib.h): the functions called and
 * the switches of its messages */
#define OFX_SYMBOLS(X)                                                         \
	X(libofx_free_context)                                                 \
	X(libofx_get_new_context)                                              \
	X(libofx_proc_file)                                                    \
	X(ofx_set_statement_cb)                                                \
	X(ofx_set_transaction_cb)                                              \
	X(ofx_PARSER_msg)                                                      \
	X(ofx_DEBUG_msg)                                                       \
	X(ofx_DEBUG1_msg)                                                      \
	X(ofx_DEBUG2_msg)                                                      \
	X(ofx_DEBUG3_msg)                                                      \
	X(ofx_DEBUG4_msg)                                                      \
	X(ofx_DEBUG5_msg)                                                      \
	X(ofx_STATUS_msg)                                                      \
	X(ofx_INFO_msg)                                                        \
	X(ofx_WARNING_msg)                                                     \
	X(ofx_ERROR_msg)
DYNLIB_SYMBOLS(ofx, OFX_SYMBOLS);
#define libofx_free_context (*dyn_libofx_free_context)
#define libofx_get_new_context (*dyn_libofx_get_new_context)
#define libofx_proc_file (*dyn_libofx_proc_file)
#define ofx_set_statement_cb (*dyn_ofx_set_statement_cb)
#define ofx_set_transaction_cb (*dyn_ofx_set_transaction_cb)
#define ofx_PARSER_msg (*dyn_ofx_PARSER_msg)
#define ofx_DEBUG_msg (*dyn_ofx_DEBUG_msg)
#define ofx_DEBUG1_msg (*dyn_ofx_DEBUG1_msg)
#define ofx_DEBUG2_msg (*dyn_ofx_DEBUG2_msg)
#define ofx_DEBUG3_msg (*dyn_ofx_DEBUG3_msg)
#define ofx_DEBUG4_msg (*dyn_ofx_DEBUG4_msg)
#define ofx_DEBUG5_msg (*dyn_ofx_DEBUG5_msg)
#define ofx_STATUS_msg (*dyn_ofx_STATUS_msg)
#define ofx_INFO_msg (*dyn_ofx_INFO_msg)
#define ofx_WARNING_msg (*dyn_ofx_WARNING_msg)
#define ofx_ERROR_msg (*dyn_ofx_ERROR_msg)

static struct dynlib ofx_lib = {
    PD_SONAME_OFX, N_("Reading an OFX statement"), PD_ESTORE, ofx_syms, NULL};

#define OFX_ACCOUNTS 8

struct ofx_acct {
	char id[OFX_ACCOUNT_ID_LENGTH];
	int closed; /* its statement (STMTRS) ended: the file is whole */
	struct bank_stmt st;
};

struct ofx {
	const char *name;
	const char *currency;
	int digits;
	struct pd_err *err;
	int failed;
	struct ofx_acct acct[OFX_ACCOUNTS];
	int nacct;
};

static struct ofx_acct *
ofx_acct_of(struct ofx *o, const char *id)
{
	int i;

	for (i = 0; i < o->nacct; i++)
		if (strcmp(o->acct[i].id, id) == 0)
			return &o->acct[i];
	if (o->nacct == OFX_ACCOUNTS)
		return NULL;
	xstrlcpy(o->acct[o->nacct].id, id, sizeof o->acct[0].id);
	bank_set(&o->acct[o->nacct].st.account, id);
	o->acct[o->nacct].st.stmt_id = xstrdup("");
	return &o->acct[o->nacct++];
}

/* libofx's double as minor units (see the top of the file). */
static int
ofx_amount(struct ofx *o, double v, int64_t *out)
{
	char buf[64];

	if (!(v > -1e14 && v < 1e14))
		return pd_fail(o->err, PD_EINVAL, _("Amount out of range"));
	snprintf(buf, sizeof buf, "%.*f", o->digits + 2, v);
	return bank_amount(buf, '.', 1, o->digits, out, o->err);
}

static void
day_of(time_t t, char out[11])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(out, 11, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

static int
on_statement(const struct OfxStatementData d, void *arg)
{
	struct ofx *o = arg;
	struct ofx_acct *a;

	if (o->failed || !d.account_id_valid)
		return 0;
	a = ofx_acct_of(o, d.account_id);
	if (a == NULL)
		return 0;
	a->closed = 1;
	if (d.currency_valid && strcmp(d.currency, o->currency) != 0) {
		o->failed = pd_fail(o->err, PD_EINVAL,
		    _("%s: account %s: the statement is in %s; the "
		      "organisation's currency is %s"),
		    o->name, d.account_id, d.currency, o->currency);
		return 0;
	}
	if (d.ledger_balance_valid) {
		if (ofx_amount(o, d.ledger_balance, &a->st.closing) != 0) {
			pd_err_prefix(o->err, "%s: LEDGERBAL: ", o->name);
			o->failed = -1;
			return 0;
		}
		a->st.has_closing = 1;
	}
	if (d.date_start_valid)
		day_of(d.date_start, a->st.from);
	if (d.date_end_valid)
		day_of(d.date_end, a->st.to);
	return 0;
}

static int
on_transaction(const struct OfxTransactionData d, void *arg)
{
	struct ofx *o = arg;
	struct ofx_acct *a;
	struct bank_line *l;
	const char *fitid = d.fi_id_valid ? d.fi_id : "?";
	int64_t v;

	if (o->failed || !d.account_id_valid)
		return 0;
	a = ofx_acct_of(o, d.account_id);
	if (a == NULL)
		return 0;
	if (!d.amount_valid)
		o->failed = pd_fail(o->err, PD_EINVAL, _("No amount (TRNAMT)"));
	else if (!d.date_posted_valid)
		o->failed = pd_fail(o->err, PD_EINVAL, _("No date (DTPOSTED)"));
	else if (d.currency_valid && strcmp(d.currency, o->currency) != 0)
		o->failed = pd_fail(o->err, PD_EINVAL,
		    _("The amount is in %s; the organisation's currency is "
		      "%s"),
		    d.currency, o->currency);
	else if (ofx_amount(o, d.amount, &v) != 0)
		o->failed = -1;
	if (o->failed) {
		pd_err_prefix(o->err, "%s: FITID %s: ", o->name, fitid);
		return 0;
	}
	l = bank_line_add(&a->st);
	l->amount = v;
	day_of(d.date_posted, l->booking);
	bank_set(&l->bank_id, d.fi_id_valid ? d.fi_id : "");
	bank_set(&l->counterparty, d.name_valid ? d.name : "");
	bank_set(&l->text, d.memo_valid ? d.memo : "");
	bank_set(&l->reference, d.reference_number_valid ? d.reference_number
	                        : d.check_number_valid   ? d.check_number
	                                                 : "");
	free(l->where);
	l->where = xasprintf("%s: FITID %s", o->name, fitid);
	return 0;
}

/* The one account with lines moved into out. */
static int
pick(struct ofx *o, struct bank_stmt *out)
{
	int i, k = -1, n = 0;

	for (i = 0; i < o->nacct; i++)
		if (o->acct[i].st.nlines > 0) {
			n++;
			k = i;
		}
	if (n > 1)
		return pd_fail(o->err, PD_EINVAL,
		    _("%s: %d accounts with transactions in the file; paydesk "
		      "imports one statement per file"),
		    o->name, n);
	if (k < 0)
		return pd_fail(o->err, PD_EINVAL,
		    _("%s: no transaction (STMTTRN) in the file"), o->name);
	if (!o->acct[k].closed)
		return pd_fail(o->err, PD_EINVAL,
		    _("%s: the statement of account %s does not end (no "
		      "</STMTRS>): is the file cut short?"),
		    o->name, o->acct[k].id);
	bank_stmt_free(out);
	*out = o->acct[k].st;
	memset(&o->acct[k].st, 0, sizeof o->acct[k].st);
	out->format = BANK_OFX;
	xstrlcpy(out->currency, o->currency, sizeof out->currency);
	return 0;
}

/* 1 if the file ends with </OFX> (white space after it allowed): libofx
 * closes what a file cut short left open and hands over its first
 * transactions as if it were whole. */
static int
ends_ofx(const char *buf, size_t len)
{
	while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '\n' ||
	                      buf[len - 1] == '\r' || buf[len - 1] == '\t'))
		len--;
	return len >= 6 && strncasecmp(buf + len - 6, "</OFX>", 6) == 0;
}

int
bank_ofx(const char *buf, size_t len, const char *name, const char *currency,
    int digits, struct bank_stmt *out, struct pd_err *err)
{
	struct ofx o;
	const char *dir = getenv("TMPDIR");
	char *tmp = xasprintf("%s/paydesk-ofx.XXXXXX", dir ? dir : "/tmp");
	LibofxContextPtr ctx;
	int fd, i, rc;

	if (dynlib_load(&ofx_lib, err) != 0) {
		free(tmp);
		return -1;
	}
	if (!ends_ofx(buf, len)) {
		free(tmp);
		return pd_fail(err, PD_EINVAL,
		    _("%s: the file does not end with </OFX>: is it cut "
		      "short?"),
		    name);
	}
	memset(&o, 0, sizeof o);
	o.name = name;
	o.currency = currency;
	o.digits = digits;
	o.err = err;
	/* libofx reads files only */
	fd = mkstemp(tmp);
	if (fd < 0 || write(fd, buf, len) != (ssize_t)len) {
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return pd_fail(err, PD_EINVAL,
		    _("%s: no room for a temporary copy for libofx"), name);
	}
	close(fd);
	ofx_PARSER_msg = ofx_DEBUG_msg = ofx_DEBUG1_msg = ofx_DEBUG2_msg = 0;
	ofx_DEBUG3_msg = ofx_DEBUG4_msg = ofx_DEBUG5_msg = 0;
	ofx_STATUS_msg = ofx_INFO_msg = ofx_WARNING_msg = ofx_ERROR_msg = 0;
	ctx = libofx_get_new_context();
	ofx_set_statement_cb(ctx, on_statement, &o);
	ofx_set_transaction_cb(ctx, on_transaction, &o);
	rc = libofx_proc_file(ctx, tmp, OFX);
	libofx_free_context(ctx);
	unlink(tmp);
	free(tmp);
	/* libofx says 1 when the file strays from the OFX DTD (banks' files
	 * do: several BANKTRANLIST in a statement) yet hands over all of it;
	 * a file cut short never ends its statement (pick) */
	rc = o.failed ? -1 : pick(&o, out);
	for (i = 0; i < o.nacct; i++)
		bank_stmt_free(&o.acct[i].st);
	return rc;
}
