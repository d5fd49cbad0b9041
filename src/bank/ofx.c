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
	char id[OFX_ACCOUNT_ID_LENGTH]; /* libofx's: BANKID BRANCHID ACCTID */
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

/* The account a statement is of: its ACCTID alone (issue 20, tester).
 * libofx's account_id is "BANKID BRANCHID ACCTID" ("ABNA
 * NL77ABNA0574908765"), an account no deposit names and no camt.053 or
 * MT940 statement of it gives: camt.053 gives the IBAN or the bank's
 * number of the account, aqbanking the MT940 :25: account without the
 * bank's code. The bank id and branch only tell the bank's accounts
 * apart in the file (ofx_acct_of keys them by libofx's id). */
static const char *
acct_number(const struct OfxAccountData *a, const char *id)
{
	if (a != NULL && a->account_number_valid &&
	    a->account_number[0] != '\0')
		return a->account_number;
	return id;
}

static struct ofx_acct *
ofx_acct_of(struct ofx *o, const char *id, const char *number)
{
	int i;

	for (i = 0; i < o->nacct; i++)
		if (strcmp(o->acct[i].id, id) == 0)
			return &o->acct[i];
	if (o->nacct == OFX_ACCOUNTS)
		return NULL;
	xstrlcpy(o->acct[o->nacct].id, id, sizeof o->acct[0].id);
	bank_set(&o->acct[o->nacct].st.account, number);
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
	a = ofx_acct_of(
	    o, d.account_id, acct_number(d.account_ptr, d.account_id));
	if (a == NULL)
		return 0;
	a->closed = 1;
	if (d.currency_valid && strcmp(d.currency, o->currency) != 0) {
		o->failed = pd_fail(o->err, PD_EINVAL,
		    _("%s: account %s: the statement is in %s; the "
		      "organisation's currency is %s"),
		    o->name, a->st.account, d.currency, o->currency);
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
	a = ofx_acct_of(
	    o, d.account_id, acct_number(d.account_ptr, d.account_id));
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
	else if (ofx_amount(o, d.amount, &v) != 0) {
		/* refused by check_text, which quotes TRNAMT as the file
		 * writes it, not as libofx's double prints (review s50,
		 * helper-216: "-80.001" said as "-80.0010") */
		memset(o->err, 0, sizeof *o->err);
		v = INT64_MIN;
	}
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
		    o->name, o->acct[k].st.account);
	bank_stmt_free(out);
	*out = o->acct[k].st;
	memset(&o->acct[k].st, 0, sizeof o->acct[k].st);
	out->format = BANK_OFX;
	xstrlcpy(out->currency, o->currency, sizeof out->currency);
	return 0;
}

/* ---- the file's own text (review R20): libofx reads TRNAMT with
 * atof ("abc" is 0, "12.5x" 12.5) and dates with mktime (month 13 is
 * next January) and moves them to UTC from the bank's zone; each
 * transaction is checked against its text, and its day and the
 * statement's are the bank's as written. ---- */

/* The next "<tag>" (any case) in [p, e); NULL. */
static const char *
tag_at(const char *p, const char *e, const char *tag)
{
	size_t n = strlen(tag);

	for (; p != NULL && p + n <= e; p++)
		if (*p == '<' && strncasecmp(p, tag, n) == 0)
			return p;
	return NULL;
}

/* The text of element tag (written "<TAG>") in [p, e): up to the next
 * '<' or line end, blanks around it dropped; 0 when none. */
static int
elem_text(const char *p, const char *e, const char *tag, char *out, size_t n)
{
	const char *a = tag_at(p, e, tag), *b;

	out[0] = '\0';
	if (a == NULL)
		return 0;
	a += strlen(tag);
	while (a < e && (*a == ' ' || *a == '\t'))
		a++;
	for (b = a; b < e && *b != '<' && *b != '\r' && *b != '\n'; b++)
		;
	while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
		b--;
	if ((size_t)(b - a) >= n)
		b = a + n - 1;
	memcpy(out, a, (size_t)(b - a));
	out[b - a] = '\0';
	return 1;
}

/* An OFX date as written (YYYYMMDD, then HHMMSS.XXX and [zone]) into
 * "YYYY-MM-DD": the bank's day, whatever its zone; -1 when it is none. */
static int
ofx_day(const char *s, char out[11], struct pd_err *err)
{
	char d[11];
	size_t i;

	for (i = 0; i < 8; i++)
		if (s[i] < '0' || s[i] > '9')
			return pd_fail(err, PD_EINVAL,
			    _("Date \"%s\": not YYYYMMDD"), s);
	for (i = 8; s[i] != '\0' && s[i] != '['; i++)
		if ((s[i] < '0' || s[i] > '9') && s[i] != '.')
			return pd_fail(err, PD_EINVAL,
			    _("Date \"%s\": not YYYYMMDD"), s);
	if (s[i] == '[' && s[strlen(s) - 1] != ']')
		return pd_fail(err, PD_EINVAL, _("Date \"%s\": not YYYYMMDD"), s);
	snprintf(d, sizeof d, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
	return bank_iso_date(d, out, err);
}

/* An OFX amount as written ("-80", "1405.31", "12,50") in minor units. */
static int
ofx_text_amount(const char *s, int digits, int64_t *out, struct pd_err *err)
{
	char buf[64];

	if (*s == '+')
		s++;
	xstrlcpy(buf, s, sizeof buf);
	if (strchr(buf, ',') != NULL && strchr(buf, '.') == NULL)
		*strchr(buf, ',') = '.';
	return bank_amount(buf, '.', 1, digits, out, err);
}

/* out's lines (libofx's, in file order) against the file's STMTTRN
 * elements; each line's day the bank's; the statement's From and To from
 * its first DTSTART and last DTEND as written. */
static int
check_text(const char *buf, size_t len, const char *name, int digits,
    struct bank_stmt *out, struct pd_err *err)
{
	const char *e = buf + len, *p = buf, *q, *blk, *seen = buf;
	char amt[64], day[64], fitid[OFX_ACCOUNT_ID_LENGTH + 64], d[11];
	size_t k = 0;
	int64_t v;
	int at = 1;

	while ((p = tag_at(p, e, "<STMTTRN>")) != NULL) {
		/* the transaction's line in the file, which a refusal names
		 * as the other formats' do (s72 h8 fault 5) */
		for (; seen < p; seen++)
			at += *seen == '\n';
		q = tag_at(p + 9, e, "<STMTTRN>");
		blk = tag_at(p + 9, q ? q : e, "</STMTTRN>");
		if (blk == NULL)
			blk = q ? q : e;
		elem_text(p, blk, "<FITID>", fitid, sizeof fitid);
		elem_text(p, blk, "<TRNAMT>", amt, sizeof amt);
		elem_text(p, blk, "<DTPOSTED>", day, sizeof day);
		if (k < out->nlines) {
			if (ofx_text_amount(amt, digits, &v, err) != 0 ||
			    ofx_day(day, d, err) != 0) {
				pd_err_prefix(
				    err, "%s:%d: FITID %s: ", name, at, fitid);
				return -1;
			}
			if (v != out->lines[k].amount)
				return pd_fail(err, PD_EINVAL,
				    _("%s:%d: FITID %s: TRNAMT \"%s\" read "
				      "as another amount"),
				    name, at, fitid, amt);
			memcpy(out->lines[k].booking, d, 11);
			free(out->lines[k].where);
			out->lines[k].where =
			    xasprintf("%s:%d: FITID %s", name, at, fitid);
		}
		k++;
		p = blk;
	}
	if (k != out->nlines)
		return pd_fail(err, PD_EINVAL,
		    _("%s: the file has %zu transactions (STMTTRN), libofx "
		      "read %zu"),
		    name, k, out->nlines);
	if (elem_text(buf, e, "<DTSTART>", day, sizeof day) &&
	    ofx_day(day, d, err) == 0)
		memcpy(out->from, d, 11);
	for (p = buf; (q = tag_at(p, e, "<DTEND>")) != NULL; p = q + 7)
		if (elem_text(q, e, "<DTEND>", day, sizeof day) &&
		    ofx_day(day, d, err) == 0 && strcmp(d, out->to) > 0)
			memcpy(out->to, d, 11);
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
	if (rc == 0 && out->to[0] != '\0')
		out->to[0] = '\0'; /* the latest DTEND as written, below */
	if (rc == 0)
		rc = check_text(buf, len, name, digits, out, err);
	for (i = 0; i < o.nacct; i++)
		bank_stmt_free(&o.acct[i].st);
	return rc;
}
