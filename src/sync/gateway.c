/* gateway.c - gateway notifications: the signature header checked and
 * the card and mobile-money bodies decoded (see paydesk/gateway.h).
 * Messages are the central node's (English, like its other answers) and
 * name the field; a value a client sent is shown only once checked to be
 * short (the HTTP layer escapes what it shows). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <jansson.h>

#include "paydesk/csv.h"
#include "paydesk/date.h"
#include "paydesk/gateway.h"
#include "paydesk/money.h"
#include "paydesk/sha256.h"
#include "paydesk/xmalloc.h"

/* Constant time in n: whether a and b (n bytes each) are equal. */
static int
same(const char *a, const char *b, size_t n)
{
	unsigned char d = 0;
	size_t i;

	for (i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

void
gw_sig_make(const char *secret, int64_t t, const char *body, size_t len,
    char *out, size_t n)
{
	uint8_t mac[SHA256_LEN];
	char hex[2 * SHA256_LEN + 1], ts[24];
	int tn;
	void *msg;

	tn = snprintf(ts, sizeof ts, "%lld.", (long long)t);
	msg = xmalloc((size_t)tn + len + 1);
	memcpy(msg, ts, (size_t)tn);
	memcpy((char *)msg + tn, body, len);
	sha256_hmac(secret, strlen(secret), msg, (size_t)tn + len, mac);
	free(msg);
	sha256_tohex(mac, sizeof mac, hex);
	snprintf(out, n, "t=%lld,v1=%s", (long long)t, hex);
}

/* The header's t and v1 values: 0, or -1 with err. */
static int
sig_parse(
    const char *h, int64_t *t, char v1[][65], size_t *nv, struct pd_err *err)
{
	const char *p = h, *end, *eq;
	size_t klen, vlen, i;
	int have_t = 0;

	*nv = 0;
	while (*p != '\0') {
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		eq = memchr(p, '=', (size_t)(end - p));
		if (eq == NULL)
			return pd_fail(err, PD_EINVAL,
			    "Signature header: \"key=value\" pairs separated "
			    "by commas expected (t=TIMESTAMP,v1=HEX)");
		klen = (size_t)(eq - p);
		vlen = (size_t)(end - eq - 1);
		if (klen == 1 && *p == 't') {
			if (have_t || vlen == 0 || vlen > 12)
				return pd_fail(err, PD_EINVAL,
				    "Signature header: t must be given once, "
				    "as Unix seconds");
			*t = 0;
			for (i = 0; i < vlen; i++) {
				if (!isdigit((unsigned char)eq[1 + i]))
					return pd_fail(err, PD_EINVAL,
					    "Signature header: t is not Unix "
					    "seconds");
				*t = *t * 10 + (eq[1 + i] - '0');
			}
			have_t = 1;
		} else if (klen == 2 && strncmp(p, "v1", 2) == 0) {
			if (vlen != 64 || *nv == GW_SIG_MAX)
				return pd_fail(err, PD_EINVAL,
				    "Signature header: each v1 is 64 hex "
				    "digits, at most %d of them",
				    GW_SIG_MAX);
			memcpy(v1[*nv], eq + 1, 64);
			v1[*nv][64] = '\0';
			for (i = 0; i < 64; i++)
				v1[*nv][i] =
				    (char)tolower((unsigned char)v1[*nv][i]);
			(*nv)++;
		}
		/* other schemes (v0, ...) are not ours to check */
		p = *end == ',' ? end + 1 : end;
	}
	if (!have_t || *nv == 0)
		return pd_fail(err, PD_EINVAL,
		    "Signature header: t=TIMESTAMP and at least one "
		    "v1=HEX are required");
	return 0;
}

enum gw_sig
gw_sig_check(const char *header, const char *body, size_t len,
    const char *const *secrets, size_t n, int64_t now, int tolerance,
    struct pd_err *err)
{
	char v1[GW_SIG_MAX][65], want[128];
	int64_t t = 0, skew;
	size_t nv, i, j;
	int match = 0;

	if (header == NULL || *header == '\0') {
		pd_fail(err, PD_EINVAL,
		    "No signature header (Paydesk-Signature or "
		    "Stripe-Signature: t=TIMESTAMP,v1=HEX)");
		return GW_SIG_MALFORMED;
	}
	if (strlen(header) > 1024 || sig_parse(header, &t, v1, &nv, err) != 0) {
		if (strlen(header) > 1024)
			pd_fail(err, PD_EINVAL,
			    "Signature header: longer than 1024 bytes");
		return GW_SIG_MALFORMED;
	}
	for (i = 0; i < n; i++) {
		gw_sig_make(secrets[i], t, body, len, want, sizeof want);
		/* want is "t=T,v1=HEX": the HEX is its last 64 */
		for (j = 0; j < nv; j++)
			match |= same(want + strlen(want) - 64, v1[j], 64);
	}
	if (!match) {
		pd_fail(err, PD_EAUTH,
		    "Signature header: no v1 signature matches this "
		    "gateway's signing secret");
		return GW_SIG_BAD;
	}
	skew = now > t ? now - t : t - now;
	if (skew > tolerance) {
		pd_fail(err, PD_EINVAL,
		    "Signature header: t=%lld is %lld seconds from the "
		    "central node's clock; at most %d are accepted",
		    (long long)t, (long long)skew, tolerance);
		return GW_SIG_STALE;
	}
	return GW_SIG_OK;
}

/* Unix seconds as "YYYY-MM-DD HH:MM:SS" UTC. */
static void
utc(int64_t t, char out[TS_BUFSZ])
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, TS_BUFSZ, "%Y-%m-%d %H:%M:%S", &tm);
}

/* A string member of o named name (path: how messages call it) into out
 * (n bytes): required or not, printable, shorter than n. */
static int
member_str(json_t *o, const char *name, const char *path, int required,
    char *out, size_t n, struct pd_err *err)
{
	json_t *v = json_object_get(o, name);
	const char *s;
	size_t len, i;

	out[0] = '\0';
	if (v == NULL || json_is_null(v)) {
		if (required)
			return pd_fail(err, PD_EINVAL, "%s: missing", path);
		return 0;
	}
	if (!json_is_string(v))
		return pd_fail(err, PD_EINVAL, "%s: a string expected", path);
	s = json_string_value(v);
	len = json_string_length(v);
	if (len >= n)
		return pd_fail(
		    err, PD_EINVAL, "%s: longer than %zu bytes", path, n - 1);
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return pd_fail(err, PD_EINVAL,
			    "%s: a control character at byte %zu", path, i + 1);
	if (required && len == 0)
		return pd_fail(err, PD_EINVAL, "%s: empty", path);
	memcpy(out, s, len + 1);
	return 0;
}

static json_t *
load(const char *body, size_t len, struct pd_err *err)
{
	json_error_t je;
	json_t *o = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);

	if (o == NULL) {
		pd_fail(err, PD_EINVAL, "Not JSON: %s at byte %d", je.text,
		    je.position);
		return NULL;
	}
	if (!json_is_object(o)) {
		json_decref(o);
		pd_fail(err, PD_EINVAL, "Not JSON: an object expected");
		return NULL;
	}
	return o;
}

static const struct {
	const char *type;
	enum gw_status status;
} card_types[] = {
    {"payment_intent.succeeded", GW_SUCCEEDED},
    {"charge.succeeded", GW_SUCCEEDED},
    {"payment_intent.payment_failed", GW_FAILED},
    {"charge.failed", GW_FAILED},
    {"charge.refunded", GW_REFUNDED},
    {"charge.dispute.created", GW_DISPUTED},
};

/* What a charge.refunded event says was refunded of the payment so far:
 * data.object.amount_refunded, an integer of minor units from 1 to the
 * amount (the processors send every refund of a charge with the total
 * refunded); the whole amount when the event does not say. More than the
 * amount is kept as sent, for the service to flag (issue 19 review). */
static int
card_refunded(json_t *obj, struct gw_event *ev, struct pd_err *err)
{
	json_t *r = json_object_get(obj, "amount_refunded");

	if (r == NULL || json_is_null(r)) {
		ev->refunded = ev->amount;
		return 0;
	}
	if (!json_is_integer(r) || json_integer_value(r) <= 0 ||
	    json_integer_value(r) > MONEY_MAX)
		return pd_fail(err, PD_EINVAL,
		    "data.object.amount_refunded: an integer of minor units "
		    "from 1 to %lld expected",
		    (long long)MONEY_MAX);
	ev->refunded = json_integer_value(r);
	return 0;
}

/* The payment of a known card event, from data.object. */
static int
card_payment(
    json_t *obj, const char *currency, struct gw_event *ev, struct pd_err *err)
{
	json_t *amount = json_object_get(obj, "amount"), *md, *created;
	char cur[8];

	if (amount == NULL)
		return pd_fail(err, PD_EINVAL, "data.object.amount: missing");
	if (!json_is_integer(amount))
		return pd_fail(err, PD_EINVAL,
		    "data.object.amount: an integer of minor units expected");
	if (json_integer_value(amount) < 0)
		return pd_fail(err, PD_EINVAL,
		    "data.object.amount: %lld is negative",
		    (long long)json_integer_value(amount));
	if (json_integer_value(amount) > MONEY_MAX)
		return pd_fail(err, PD_EINVAL,
		    "data.object.amount: %lld is larger than the largest "
		    "amount, %lld",
		    (long long)json_integer_value(amount),
		    (long long)MONEY_MAX);
	ev->amount = json_integer_value(amount);
	if (member_str(obj, "currency", "data.object.currency", 1, cur,
	        sizeof cur, err) != 0)
		return -1;
	if (strcasecmp(cur, currency) != 0)
		return pd_fail(err, PD_EINVAL,
		    "data.object.currency: \"%s\" is not the organisation's "
		    "currency, %s",
		    cur, currency);
	xstrlcpy(ev->currency, currency, sizeof ev->currency);
	if (member_str(obj, "payment_intent", "data.object.payment_intent", 0,
	        ev->code, sizeof ev->code, err) != 0)
		return -1;
	if (ev->code[0] == '\0' && member_str(obj, "id", "data.object.id", 1,
	                               ev->code, sizeof ev->code, err) != 0)
		return -1;
	md = json_object_get(obj, "metadata");
	if (md != NULL && !json_is_object(md) && !json_is_null(md))
		return pd_fail(
		    err, PD_EINVAL, "data.object.metadata: an object expected");
	if (json_is_object(md) &&
	    member_str(md, "account", "data.object.metadata.account", 0,
	        ev->account_ref, sizeof ev->account_ref, err) != 0)
		return -1;
	created = json_object_get(obj, "created");
	if (created != NULL &&
	    (!json_is_integer(created) || json_integer_value(created) < 0 ||
	        json_integer_value(created) > 253402300799))
		return pd_fail(err, PD_EINVAL,
		    "data.object.created: Unix seconds expected");
	utc(created != NULL ? json_integer_value(created) : ev->event_time,
	    ev->paid_at);
	return ev->status == GW_REFUNDED ? card_refunded(obj, ev, err) : 0;
}

int
gw_card_decode(const char *body, size_t len, const char *currency, int digits,
    struct gw_event *ev, struct pd_err *err)
{
	json_t *o, *created, *data, *obj;
	size_t i;
	int rc = -1;

	(void)digits; /* card amounts come in minor units already */
	memset(ev, 0, sizeof *ev);
	o = load(body, len, err);
	if (o == NULL)
		return -1;
	if (member_str(o, "id", "id", 1, ev->event_id, sizeof ev->event_id,
	        err) != 0 ||
	    member_str(o, "type", "type", 1, ev->kind, sizeof ev->kind, err) !=
	        0)
		goto out;
	created = json_object_get(o, "created");
	if (!json_is_integer(created) || json_integer_value(created) < 0 ||
	    json_integer_value(created) > 253402300799) {
		pd_fail(err, PD_EINVAL, "Created: Unix seconds expected");
		goto out;
	}
	ev->event_time = json_integer_value(created);
	ev->status = GW_UNKNOWN;
	for (i = 0; i < sizeof card_types / sizeof card_types[0]; i++)
		if (strcmp(ev->kind, card_types[i].type) == 0)
			ev->status = card_types[i].status;
	if (ev->status == GW_UNKNOWN) {
		rc = 0; /* kept as received, applied to nothing */
		goto out;
	}
	data = json_object_get(o, "data");
	obj = json_is_object(data) ? json_object_get(data, "object") : NULL;
	if (!json_is_object(obj)) {
		pd_fail(err, PD_EINVAL, "data.object: an object expected");
		goto out;
	}
	rc = card_payment(obj, currency, ev, err);
out:
	json_decref(o);
	return rc;
}

/* s (what) is min..max characters of the class isdigit or isalnum. */
static int
check_chars(const char *what, const char *s, size_t min, size_t max, int alnum,
    struct pd_err *err)
{
	size_t i, n = strlen(s);

	if (n < min || n > max)
		return pd_fail(err, PD_EINVAL, "%s: %zu to %zu %s expected",
		    what, min, max, alnum ? "letters and digits" : "digits");
	for (i = 0; i < n; i++)
		if (alnum ? !isalnum((unsigned char)s[i])
		          : !isdigit((unsigned char)s[i]))
			return pd_fail(err, PD_EINVAL,
			    "%s: only %s are allowed", what,
			    alnum ? "letters and digits" : "digits");
	return 0;
}

/* TransTime YYYYMMDDHHMMSS into paid_at. */
static int
mm_time(const char *s, struct gw_event *ev, struct pd_err *err)
{
	char day[DATE_BUFSZ];
	struct pd_err e;
	int32_t days;
	int hh, mi, ss;

	if (check_chars("TransTime", s, 14, 14, 0, err) != 0)
		return pd_fail(err, PD_EINVAL,
		    "TransTime: YYYYMMDDHHMMSS expected (14 digits)");
	snprintf(day, sizeof day, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
	hh = (s[8] - '0') * 10 + (s[9] - '0');
	mi = (s[10] - '0') * 10 + (s[11] - '0');
	ss = (s[12] - '0') * 10 + (s[13] - '0');
	if (date_parse(day, "TransTime", &days, &e) != 0 || hh > 23 ||
	    mi > 59 || ss > 59)
		return pd_fail(err, PD_EINVAL,
		    "TransTime: %s is not a real date and time", s);
	snprintf(ev->paid_at, sizeof ev->paid_at, "%s %02d:%02d:%02d", day, hh,
	    mi, ss);
	return 0;
}

/* TransAmount: a decimal string, or an integer. */
static int
mm_amount(json_t *o, int digits, struct gw_event *ev, struct pd_err *err)
{
	json_t *v = json_object_get(o, "TransAmount");
	char s[40];

	if (json_is_integer(v)) {
		snprintf(s, sizeof s, "%lld", (long long)json_integer_value(v));
	} else if (member_str(o, "TransAmount", "TransAmount", 1, s, sizeof s,
	               err) != 0)
		return -1;
	if (money_parse(s, digits, "TransAmount", &ev->amount, err) != 0)
		return -1;
	if (ev->amount == 0)
		return pd_fail(
		    err, PD_EINVAL, "TransAmount: must be more than 0");
	return 0;
}

/* MSISDN: the phone paid from, 6 to 15 digits (a leading '+' allowed)
 * into ev->phone. A network that hides it from the business (masked,
 * "2547 ***** 126", or its SHA-256 in hex, as the largest one has sent
 * since its data-privacy change) sends something else printable, or
 * nothing (""): the payment then has no phone (the notification keeps
 * it as received) and is associated by its BillRefNumber alone, not
 * refused (issue 19 review: a real network's confirmation refused is
 * money lost). */
static int
mm_msisdn(json_t *o, struct gw_event *ev, struct pd_err *err)
{
	char s[129];
	const char *d;

	/* required: present, though perhaps empty */
	if (member_str(o, "MSISDN", "MSISDN",
	        json_object_get(o, "MSISDN") == NULL, s, sizeof s, err) != 0)
		return -1;
	d = s[0] == '+' ? s + 1 : s;
	if (s[0] == '\0' || strspn(d, "0123456789") != strlen(d))
		return 0; /* not a phone: hidden by the network */
	if (check_chars("MSISDN", d, 6, 15, 0, err) != 0)
		return -1;
	xstrlcpy(ev->phone, d, sizeof ev->phone);
	return 0;
}

/* The payer's names, those given, joined by spaces. */
static int
mm_payer(json_t *o, struct gw_event *ev, struct pd_err *err)
{
	static const char *const names[] = {
	    "FirstName", "MiddleName", "LastName"};
	char part[81];
	size_t i;

	for (i = 0; i < 3; i++) {
		if (member_str(
		        o, names[i], names[i], 0, part, sizeof part, err) != 0)
			return -1;
		if (part[0] == '\0')
			continue;
		snprintf(ev->payer + strlen(ev->payer),
		    sizeof ev->payer - strlen(ev->payer), "%s%s",
		    ev->payer[0] != '\0' ? " " : "", part);
	}
	return 0;
}

int
gw_mm_decode(const char *body, size_t len, const char *currency, int digits,
    struct gw_event *ev, struct pd_err *err)
{
	json_t *o;
	char t[16];
	int rc = -1;

	memset(ev, 0, sizeof *ev);
	o = load(body, len, err);
	if (o == NULL)
		return -1;
	if (member_str(o, "TransactionType", "TransactionType", 1, ev->kind,
	        sizeof ev->kind, err) != 0 ||
	    member_str(o, "TransID", "TransID", 1, ev->code, 65, err) != 0 ||
	    check_chars("TransID", ev->code, 1, 64, 1, err) != 0 ||
	    member_str(o, "TransTime", "TransTime", 1, t, sizeof t, err) != 0 ||
	    mm_time(t, ev, err) != 0 || mm_amount(o, digits, ev, err) != 0 ||
	    member_str(o, "BusinessShortCode", "BusinessShortCode", 1,
	        ev->short_code, sizeof ev->short_code, err) != 0 ||
	    check_chars("BusinessShortCode", ev->short_code, 1, 16, 0, err) !=
	        0 ||
	    member_str(o, "BillRefNumber", "BillRefNumber", 0, ev->account_ref,
	        sizeof ev->account_ref, err) != 0 ||
	    mm_msisdn(o, ev, err) != 0 || mm_payer(o, ev, err) != 0)
		goto out;
	xstrlcpy(ev->event_id, ev->code, sizeof ev->event_id);
	xstrlcpy(ev->currency, currency, sizeof ev->currency);
	ev->status = GW_SUCCEEDED;
	rc = 0;
out:
	json_decref(o);
	return rc;
}

/* ---- settlement files ---- */

/* The columns of a settlement file, by their header: the first SC_NEED
 * it must have, then the optional payout. */
enum { SC_CODE, SC_AMOUNT, SC_FEE, SC_SETTLED, SC_PAYOUT, SC_N };
#define SC_NEED SC_PAYOUT
static const char *const settle_cols[SC_N] = {
    "code", "amount", "fee", "settled_on", "payout"};

/* A header cell as a column: case ignored, spaces around and a space
 * for '_' allowed ("Settled On"); -1 for a column that is not read. */
static int
settle_col(const char *cell)
{
	char buf[32];
	size_t i, j = 0;
	int c;

	while (*cell == ' ')
		cell++;
	for (i = 0; cell[i] != '\0' && j + 1 < sizeof buf; i++)
		buf[j++] = cell[i] == ' '
		               ? '_'
		               : (char)tolower((unsigned char)cell[i]);
	while (j > 0 && buf[j - 1] == '_')
		j--;
	buf[j] = '\0';
	for (c = 0; c < SC_N; c++)
		if (strcmp(buf, settle_cols[c]) == 0)
			return c;
	return -1;
}

/* "YYYY-MM-DD", or with a time ("YYYY-MM-DD HH:MM:SS", a 'T' for the
 * space and a final 'Z' allowed): a real day and time, into out as
 * "YYYY-MM-DD HH:MM:SS" (a day alone at 00:00:00). */
static int
settle_when(const char *s, char *out, struct pd_err *err)
{
	char day[11];
	int32_t d;
	int h, m, sec, used = 0;
	size_t n = strlen(s);

	if (n < 10)
		return pd_fail(err, PD_EINVAL,
		    "settled_on \"%s\": YYYY-MM-DD or YYYY-MM-DD HH:MM:SS", s);
	memcpy(day, s, 10);
	day[10] = '\0';
	if (date_parse(day, "settled_on", &d, err) != 0)
		return -1;
	/* a day alone is its start: every time the node keeps and sends
	 * (a pulled gateway_payment's settled_on) is a full one */
	if (n == 10) {
		snprintf(out, TS_BUFSZ, "%s 00:00:00", day);
		return 0;
	}
	if ((s[10] != ' ' && s[10] != 'T') ||
	    sscanf(s + 11, "%2d:%2d:%2d%n", &h, &m, &sec, &used) != 3 ||
	    used != 8 || (s[19] != '\0' && strcmp(s + 19, "Z") != 0) ||
	    !isdigit((unsigned char)s[11]) || h > 23 || m > 59 || sec > 59 ||
	    h < 0 || m < 0 || sec < 0)
		return pd_fail(err, PD_EINVAL,
		    "settled_on \"%s\": YYYY-MM-DD or YYYY-MM-DD HH:MM:SS", s);
	snprintf(out, TS_BUFSZ, "%s %02d:%02d:%02d", day, h, m, sec);
	return 0;
}

/* A payout id p (the column payout) into out: 1 to GW_PAYOUT_BUFSZ - 1
 * characters, no space or control character (it is found as a whole
 * word in a bank credit's reference). */
static int
settle_payout(const char *p, char *out, struct pd_err *err)
{
	size_t i, n = strlen(p);

	if (n == 0 || n >= GW_PAYOUT_BUFSZ)
		return pd_fail(err, PD_EINVAL,
		    "Column payout: must be 1 to %d characters (the payout "
		    "that paid the payment out)",
		    GW_PAYOUT_BUFSZ - 1);
	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] <= ' ' || p[i] == 0x7f)
			return pd_fail(err, PD_EINVAL,
			    "Column payout: a space or control character at "
			    "%zu",
			    i + 1);
	xstrlcpy(out, p, GW_PAYOUT_BUFSZ);
	return 0;
}

/* Row r of a settlement file (its fields in cols' order). */
static int
settle_row(struct csv_row *row, const int *at, int digits,
    struct gw_settle_row *r, struct pd_err *err)
{
	const char *code = row->fields[at[SC_CODE]];
	size_t i, n = strlen(code);

	if (n == 0 || n >= sizeof r->code)
		return pd_fail(err, PD_EINVAL,
		    "Column code: must be 1 to %zu characters",
		    sizeof r->code - 1);
	for (i = 0; i < n; i++)
		if ((unsigned char)code[i] <= ' ' || code[i] == 0x7f)
			return pd_fail(err, PD_EINVAL,
			    "Column code: a space or control character at %zu",
			    i + 1);
	xstrlcpy(r->code, code, sizeof r->code);
	if (money_parse(row->fields[at[SC_AMOUNT]], digits, "Column amount",
	        &r->amount, err) != 0 ||
	    money_parse(row->fields[at[SC_FEE]], digits, "Column fee", &r->fee,
	        err) != 0)
		return -1;
	if (r->amount == 0)
		return pd_fail(
		    err, PD_EINVAL, "Column amount: must be more than 0");
	if (r->fee > r->amount)
		return pd_fail(err, PD_EINVAL,
		    "Column fee: more than the amount it was taken from");
	if (at[SC_PAYOUT] >= 0 &&
	    settle_payout(row->fields[at[SC_PAYOUT]], r->payout, err) != 0)
		return -1;
	return settle_when(row->fields[at[SC_SETTLED]], r->settled_on, err);
}

/* The header: where each column is, 0 or -1 naming a missing one. */
static int
settle_header(const struct csv_row *row, int *at, struct pd_err *err)
{
	size_t i;
	int c;

	for (c = 0; c < SC_N; c++)
		at[c] = -1;
	for (i = 0; i < row->n; i++) {
		c = settle_col(row->fields[i]);
		if (c >= 0 && at[c] >= 0)
			return pd_fail(err, PD_EINVAL, "%d: column %s twice",
			    row->line, settle_cols[c]);
		if (c >= 0)
			at[c] = (int)i;
	}
	for (c = 0; c < SC_NEED; c++)
		if (at[c] < 0)
			return pd_fail(err, PD_EINVAL,
			    "%d: no column %s (a settlement file has code, "
			    "amount, fee and settled_on)",
			    row->line, settle_cols[c]);
	return 0;
}

struct gw_settle_row *
gw_settle_decode(
    const char *buf, size_t len, int digits, size_t *n, struct pd_err *err)
{
	struct csv_reader rd;
	struct csv_row row = {0};
	struct gw_settle_row *r = NULL;
	size_t cap = 0, i, k;
	int at[SC_N], rc, header = 1;

	*n = 0;
	csv_init(&rd, buf, len);
	while ((rc = csv_next(&rd, &row, err)) == 1) {
		if (row.n == 1 && row.fields[0][0] == '\0')
			continue; /* an empty line */
		if (header) {
			if (settle_header(&row, at, err) != 0)
				goto fail;
			header = 0;
			continue;
		}
		for (k = 0; k < SC_N; k++)
			if (at[k] >= 0 && (size_t)at[k] >= row.n) {
				pd_fail(err, PD_EINVAL,
				    "%d: %zu fields, and column %s is the "
				    "%d%s",
				    row.line, row.n, settle_cols[k], at[k] + 1,
				    at[k] == 0   ? "st"
				    : at[k] == 1 ? "nd"
				    : at[k] == 2 ? "rd"
				                 : "th");
				goto fail;
			}
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			r = xrealloc(r, cap, sizeof *r);
		}
		memset(&r[*n], 0, sizeof r[*n]);
		r[*n].line = row.line;
		if (settle_row(&row, at, digits, &r[*n], err) != 0) {
			pd_err_prefix(err, "%d: ", row.line);
			goto fail;
		}
		for (i = 0; i < *n; i++)
			if (strcmp(r[i].code, r[*n].code) == 0) {
				pd_fail(err, PD_EINVAL,
				    "%d: code %s again (first on line %d)",
				    row.line, r[*n].code, r[i].line);
				goto fail;
			}
		(*n)++;
	}
	if (rc < 0)
		goto fail;
	csv_row_free(&row);
	if (header || *n == 0) {
		free(r);
		pd_fail(err, PD_EINVAL,
		    header
		        ? "Empty: a settlement file has a header line (code, "
		          "amount, fee, settled_on) and a line per payment"
		        : "No payment: only the header line");
		return NULL;
	}
	return r;
fail:
	csv_row_free(&row);
	free(r);
	*n = 0;
	return NULL;
}
