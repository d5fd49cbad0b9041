/* gateway.h - the notifications payment gateways send to the central node
 * (issue 19): their signatures checked and their bodies decoded into a
 * struct gw_event (model.h), before anything is stored. Pure functions
 * over outside bytes (src/sync/gateway.c; fuzzed by
 * tests/fuzz/fuzz_gateway.c); the service stores what they return
 * (src/service/gateway.c).
 *
 * Profiles (paydesk-central(8), "GATEWAYS"):
 *   card          JSON events in the format of the largest card
 *                 processors, signed with a header
 *                 "t=TIMESTAMP,v1=HEX[,v1=HEX...]": HEX is the
 *                 HMAC-SHA256 of "TIMESTAMP.BODY" under the endpoint's
 *                 signing secret.
 *   mobile-money  the paybill confirmation of the largest mobile-money
 *                 networks (TransactionType, TransID, TransTime,
 *                 TransAmount, BusinessShortCode, BillRefNumber, MSISDN,
 *                 FirstName, MiddleName, LastName), not signed by the
 *                 network: the central node checks the secret in its URL
 *                 and the sender's address, and a signature header as
 *                 above when one is sent or required. */
#ifndef PAYDESK_GATEWAY_H
#define PAYDESK_GATEWAY_H
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "model.h"

/* The outcomes of gw_sig_check, each with its HTTP status. */
enum gw_sig {
	GW_SIG_OK = 0,
	GW_SIG_MALFORMED, /* no header, or not t=...,v1=...: 400 */
	GW_SIG_BAD,       /* no v1 matches any secret: 401 */
	GW_SIG_STALE,     /* signed, but t is more than tolerance seconds
	                     from now: 400 (a replayed old request) */
};

/* The largest number of v1 signatures read from one header. */
#define GW_SIG_MAX 8

/* Check header (NULL when absent) against the n secrets (NUL-terminated
 * strings, used whole as HMAC keys): some v1 must be the HMAC-SHA256 of
 * "t.body" under one of them (compared in constant time), and t within
 * tolerance seconds of now (Unix seconds). The signature is checked
 * first: an unsigned request learns nothing of the clock. err says why
 * on anything but GW_SIG_OK. */
enum gw_sig gw_sig_check(const char *header, const char *body, size_t len,
    const char *const *secrets, size_t n, int64_t now, int tolerance,
    struct pd_err *err);

/* The header value that signs body at time t under secret, into out
 * ("t=T,v1=HEX", at least 96 bytes): what a card processor sends. */
void gw_sig_make(const char *secret, int64_t t, const char *body, size_t len,
    char *out, size_t n);

/* Decode a card event (a JSON object: id, type, created, data.object).
 * Known types (payment_intent.succeeded, charge.succeeded,
 * payment_intent.payment_failed, charge.failed, charge.refunded,
 * charge.dispute.created) fill the payment: data.object.amount (an
 * integer of minor units, 0..MONEY_MAX), data.object.currency (must be
 * currency, compared ignoring case), the code (data.object.payment_intent
 * when present, else data.object.id) and data.object.metadata.account;
 * any other type is GW_UNKNOWN with only id, type and created. 0, or -1
 * with err (PD_EINVAL) naming the field and what is wrong. */
int gw_card_decode(const char *body, size_t len, const char *currency,
    int digits, struct gw_event *ev, struct pd_err *err);

/* Decode a mobile-money paybill confirmation (or validation request): a
 * JSON object of strings; TransAmount a decimal string (or integer) with
 * at most digits decimals, more than 0 and at most MONEY_MAX minor units;
 * TransTime YYYYMMDDHHMMSS, a real time; MSISDN 6 to 15 digits;
 * BusinessShortCode 1 to 16 digits; TransID 1 to 64 letters and digits.
 * The amount is in currency. 0, or -1 with err (PD_EINVAL) naming the
 * field. */
int gw_mm_decode(const char *body, size_t len, const char *currency, int digits,
    struct gw_event *ev, struct pd_err *err);

/* One line of a gateway's settlement file (issue 19): the payment code,
 * the amount settled and the fee taken from it (minor units), and when
 * ("YYYY-MM-DD", or "YYYY-MM-DD HH:MM:SS" UTC when the file gives a
 * time); line is the file's line. */
struct gw_settle_row {
	char code[256];
	int64_t amount, fee;
	char settled_on[TS_BUFSZ];
	char payout[GW_PAYOUT_BUFSZ]; /* "" when the file has no payout */
	int line;
};

/* Decode a settlement file (CSV, RFC 4180): a header naming the columns
 * code, amount, fee and settled_on (in any order, case ignored, others
 * ignored), then a line per payment: a code of 1 to 255 characters
 * without spaces, each code once; amount and fee decimal strings of at
 * most digits decimals (money_parse), 0 < amount, 0 <= fee <= amount;
 * settled_on YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (a 'T' and a final 'Z'
 * allowed). An optional column payout names the payout (the one bank
 * credit) that paid each payment out: 1 to GW_PAYOUT_BUFSZ - 1
 * characters without spaces or control characters on every line when
 * the header has it. The rows (*n, at least one; caller frees), or NULL
 * with err
 * (PD_EINVAL) beginning "Line L: " and naming the field. */
struct gw_settle_row *gw_settle_decode(
    const char *buf, size_t len, int digits, size_t *n, struct pd_err *err);

#endif
