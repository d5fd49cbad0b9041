/* fuzz_gateway.c - libFuzzer harness for what payment gateways send the
 * central node (issue 19): the signature header (gw_sig_check) and the
 * card and mobile-money bodies (gw_card_decode, gw_mm_decode). The
 * input's first line is the signature header, the rest the body; the
 * body is also signed here properly, so that the checks past the
 * signature are reached.
 *
 * Invariants: a refusal says why; the body signed with the secret passes
 * and with one hex digit changed does not; an event that decodes has an
 * event id, a kind and a known status, NUL-terminated strings, an amount
 * of 0..MONEY_MAX minor units (more than 0 for mobile money), the
 * organisation's currency, a code and a paid-at time of 19 characters, a
 * refund's total refunded 1..MONEY_MAX (its amount when it does not
 * say; 0 for other events); a
 * mobile-money phone is 6 to 15 digits. */
#include "fuzz.h"
#include "paydesk/gateway.h"
#include "paydesk/money.h"

#define SECRET "whsec_fuzz"
#define NOW INT64_C(1796083200)

static void
check_strings(const struct gw_event *ev)
{
	fuzz_assert(memchr(ev->event_id, '\0', sizeof ev->event_id) != NULL);
	fuzz_assert(memchr(ev->kind, '\0', sizeof ev->kind) != NULL);
	fuzz_assert(memchr(ev->code, '\0', sizeof ev->code) != NULL);
	fuzz_assert(memchr(ev->account_ref, '\0', sizeof ev->account_ref));
	fuzz_assert(memchr(ev->phone, '\0', sizeof ev->phone) != NULL);
	fuzz_assert(memchr(ev->payer, '\0', sizeof ev->payer) != NULL);
	fuzz_assert(memchr(ev->paid_at, '\0', sizeof ev->paid_at) != NULL);
	fuzz_assert(ev->event_id[0] != '\0' && ev->kind[0] != '\0');
	fuzz_assert(ev->status >= GW_UNKNOWN && ev->status <= GW_DISPUTED);
}

static void
check_payment(const struct gw_event *ev, const char *currency)
{
	fuzz_assert(ev->amount >= 0 && ev->amount <= MONEY_MAX);
	/* refunded so far: 1..MONEY_MAX on a refund, 0 on anything else */
	fuzz_assert(ev->status == GW_REFUNDED
	                ? ev->refunded <= MONEY_MAX &&
	                      (ev->refunded > 0 || ev->amount == 0)
	                : ev->refunded == 0);
	fuzz_assert(strcmp(ev->currency, currency) == 0);
	fuzz_assert(ev->code[0] != '\0');
	fuzz_assert(strlen(ev->paid_at) == 19);
}

static void
signatures(const char *header, const char *body, size_t len)
{
	const char *secrets[] = {SECRET, "whsec_other"};
	char good[128];
	struct pd_err err;
	enum gw_sig r;

	fuzz_err_init(&err);
	r = gw_sig_check(header, body, len, secrets, 2, NOW, 300, &err);
	fuzz_assert(r >= GW_SIG_OK && r <= GW_SIG_STALE);
	if (r != GW_SIG_OK)
		fuzz_assert_err(&err);
	gw_sig_make(SECRET, NOW - 10, body, len, good, sizeof good);
	fuzz_err_init(&err);
	fuzz_assert(gw_sig_check(good, body, len, secrets, 2, NOW, 300, &err) ==
	            GW_SIG_OK);
	fuzz_assert(gw_sig_check(good, body, len, secrets, 2, NOW + 400, 300,
	                &err) == GW_SIG_STALE);
	good[strlen(good) - 1] = good[strlen(good) - 1] == '0' ? '1' : '0';
	fuzz_assert(gw_sig_check(good, body, len, secrets, 2, NOW, 300, &err) ==
	            GW_SIG_BAD);
	fuzz_assert_err(&err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	char *header = NULL;
	const char *body = (const char *)data;
	struct gw_event ev;
	struct pd_err err;
	size_t len = size;
	int digits;

	if (nl != NULL) {
		header = strndup((const char *)data, (size_t)(nl - body));
		body = nl + 1;
		len = size - (size_t)(nl - (const char *)data) - 1;
	}
	signatures(header, body, len);
	fuzz_err_init(&err);
	if (gw_card_decode(body, len, "USD", 2, &ev, &err) != 0)
		fuzz_assert_err(&err);
	else {
		check_strings(&ev);
		if (ev.status != GW_UNKNOWN)
			check_payment(&ev, "USD");
	}
	for (digits = 0; digits <= 3; digits++) {
		fuzz_err_init(&err);
		if (gw_mm_decode(body, len, "KES", digits, &ev, &err) != 0) {
			fuzz_assert_err(&err);
			continue;
		}
		check_strings(&ev);
		check_payment(&ev, "KES");
		fuzz_assert(ev.status == GW_SUCCEEDED && ev.amount > 0);
		fuzz_assert(strlen(ev.phone) >= 6 && strlen(ev.phone) <= 15);
		fuzz_assert(strspn(ev.phone, "0123456789") == strlen(ev.phone));
	}
	free(header);
	return 0;
}
