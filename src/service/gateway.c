/* gateway.c - the central node's use cases for payment gateway
 * notifications (issue 19): keep one as received and apply the payment
 * it reports, in one transaction; answer a validation request. The
 * signature and the address were checked by the front end before. */
#include <string.h>

#include "internal.h"
#include "paydesk/gateway.h"
#include "paydesk/sha256.h"
#include "paydesk/utf8.h"
#include "paydesk/xmalloc.h"

enum gw_sig
svc_gateway_sig_check(const char *header, const char *body, size_t len,
    const char *const *secrets, size_t n, int64_t now, int tolerance,
    struct pd_err *err)
{
	return gw_sig_check(header, body, len, secrets, n, now, tolerance, err);
}

int
svc_gateway_path_ok(const struct gateway_row *g, const char *secret)
{
	char hash[65], now[TS_BUFSZ];
	unsigned char d = 0, o = 0;
	size_t i;

	if (strlen(g->path_hash) != 64)
		return 0;
	sha256_hex(secret, strlen(secret), hash);
	svc_now(now);
	for (i = 0; i < 64; i++) {
		d |= (unsigned char)(hash[i] ^ g->path_hash[i]);
		o |= (unsigned char)(hash[i] ^ g->old_path_hash[i]);
	}
	return d == 0 || (o == 0 && strlen(g->old_path_hash) == 64 &&
	                     strcmp(now, g->old_until) < 0);
}

/* The text fields of a notification as the central node keeps them:
 * escaped like every text from outside it stores (utf8_printable; the
 * decoder refused C0 controls already, not C1 controls or bidirectional
 * ones, which would reorder a payer's name on the operator's screen).
 * The body itself is kept as it came, as the evidence. */
static void
gw_escape(struct gw_event *ev)
{
	struct {
		char *v;
		size_t n;
	} f[] = {{ev->event_id, sizeof ev->event_id},
	    {ev->kind, sizeof ev->kind}, {ev->code, sizeof ev->code},
	    {ev->account_ref, sizeof ev->account_ref},
	    {ev->payer, sizeof ev->payer}};
	char tmp[256];
	size_t i;

	for (i = 0; i < sizeof f / sizeof f[0]; i++) {
		utf8_printable_into(
		    tmp, f[i].n < sizeof tmp ? f[i].n : sizeof tmp, f[i].v);
		memcpy(f[i].v, tmp, strlen(tmp) + 1);
	}
}

int
svc_gateway_receive(struct svc *s, const struct gateway_row *g,
    const char *body, size_t len, const char *source, const char *headers,
    struct gw_event *ev, int *replay, struct pd_err *err)
{
	char at[TS_BUFSZ];
	int64_t id = 0;
	int rc;

	*replay = 0;
	rc = strcmp(g->profile, "card") == 0
	         ? gw_card_decode(body, len, s->cfg.currency_code,
	               s->cfg.minor_digits, ev, err)
	         : gw_mm_decode(body, len, s->cfg.currency_code,
	               s->cfg.minor_digits, ev, err);
	if (rc != 0)
		return -1;
	gw_escape(ev);
	svc_now(at);
	if (store_begin(s->st, err) != 0)
		return -1;
	rc = store_gw_notification_put(
	    s->st, g->name, ev, at, source, headers, body, len, &id, err);
	if (rc == 1 && ev->status != GW_UNKNOWN)
		rc =
		    store_gw_payment_apply(s->st, g->name, ev, id, at, err) == 0
		        ? 1
		        : -1;
	if (rc < 0) {
		store_rollback(s->st);
		return -1;
	}
	*replay = rc == 0;
	return store_commit(s->st, err);
}

int
svc_gateway_validate(struct svc *s, const char *body, size_t len,
    int accept_unknown, int *accept, struct pd_err *err)
{
	struct gw_event ev;
	int known;

	*accept = 0;
	if (gw_mm_decode(body, len, s->cfg.currency_code, s->cfg.minor_digits,
	        &ev, err) != 0)
		return -1;
	known = ev.account_ref[0] != '\0'
	            ? store_gw_account_known(s->st, ev.account_ref, err)
	            : 0;
	if (known < 0)
		return -1;
	*accept = known || accept_unknown;
	return 0;
}
