/* gateway.c - the central node's use cases for payment gateway
 * notifications (issue 19): keep one as received and apply the payment
 * it reports, in one transaction: its statuses by the gateway's mapping,
 * its consumer (seed 004's association), and once it succeeded a Pending
 * payment of the ledger (the same constructors as a terminal's posting),
 * voided if the gateway reports it failed or refunded; answer a
 * validation request; import a settlement file (seed 002: Settled, the
 * processing time, the ledger payment Posted); list the payments. The
 * signature and the address were checked by the front end before.
 *
 * Here: receiving a notification, the validation request, settlement
 * files, the list, and the associations a terminal pushed. From a
 * notification to the ledger (its consumer, its ledger payment, a
 * reversal, the re-match after an import) is gateway_ledger.c. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "gateway_int.h"
#include "paydesk/alloc.h"
#include "paydesk/date.h"
#include "paydesk/money.h"
#include "paydesk/os.h"
#include "paydesk/search.h"
#include "paydesk/gateway.h"
#include "paydesk/i18n.h"
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
svc_gateway_tz_check(const char *zone, struct pd_err *err)
{
	int64_t utc;

	return os_tz_local_to_utc(zone, 0, &utc, err);
}

/* A mobile-money network's TransTime is its local time (M-Pesa's is
 * UTC+3; issue 19 review, point 4): ev's paid_at, decoded as it was
 * sent, read in gateway g's time zone and kept in UTC as every gateway
 * time is. */
static int
gw_paid_utc(const struct gateway_row *g, struct gw_event *ev,
    struct pd_err *err)
{
	int64_t local, t;
	int32_t days;
	int h = 0, m = 0, sec = 0;
	char day[11];

	if (g->time_zone[0] == '\0' || strcmp(g->profile, "card") == 0)
		return 0;
	snprintf(day, sizeof day, "%.10s", ev->paid_at);
	if (date_parse(day, NULL, &days, err) != 0 ||
	    sscanf(ev->paid_at + 11, "%d:%d:%d", &h, &m, &sec) != 3)
		return -1;
	local = (int64_t)days * 86400 + h * 3600 + m * 60 + sec;
	if (os_tz_local_to_utc(g->time_zone, local, &t, err) != 0) {
		pd_err_prefix(err, "Gateway %s: ", g->name);
		err->code = PD_ESTORE;
		return -1;
	}
	days = (int32_t)((t - (t % 86400 + 86400) % 86400) / 86400);
	t = (t % 86400 + 86400) % 86400;
	date_format(day, days);
	snprintf(ev->paid_at, sizeof ev->paid_at, "%s %02d:%02d:%02d", day,
	    (int)(t / 3600), (int)(t / 60 % 60), (int)(t % 60));
	return 0;
}

/* Unix seconds t (not negative) as "YYYY-MM-DD HH:MM:SS" into out. */
static void
ts_text(int64_t t, char out[TS_BUFSZ])
{
	char day[DATE_BUFSZ];

	date_format(day, (int32_t)(t / 86400));
	snprintf(out, TS_BUFSZ, "%s %02d:%02d:%02d", day,
	    (int)(t % 86400 / 3600), (int)(t % 3600 / 60), (int)(t % 60));
}

/* A time of a notification, t (Unix seconds) in field what, against
 * the central node's clock now: a day ahead at most (a gateway's clock,
 * its zone), [central] gateway_max_age days back at most. 0, or -1 with
 * err. */
static int
gw_time_ok(const struct svc *s, const char *what, int64_t t, int64_t now,
    struct pd_err *err)
{
	char at[TS_BUFSZ], clock[TS_BUFSZ];
	int64_t floor = now - (int64_t)s->cfg.central_gateway_max_age * 86400;

	if (t <= now + 86400 && t >= floor)
		return 0;
	ts_text(t, at);
	ts_text(now, clock);
	if (t > now)
		return pd_fail(err, PD_EINVAL,
		    "%s: %s UTC is in the future (the central node's clock "
		    "says %s)",
		    what, at, clock);
	return pd_fail(err, PD_EINVAL,
	    "%s: %s UTC is more than %d days before the central node's "
	    "clock (%s; [central] gateway_max_age)",
	    what, at, s->cfg.central_gateway_max_age, clock);
}

/* Decode in's notification: 0, or -1 with in->err (refused). */
static int
gw_decode(struct svc *s, struct gw_incoming *in)
{
	struct gw_event *ev = &in->ev;
	int card = strcmp(in->g->profile, "card") == 0;
	char now[TS_BUFSZ];
	int64_t clock;
	int rc;

	rc = card ? gw_card_decode(in->body, in->len, s->cfg.currency_code,
	                s->cfg.minor_digits, ev, &in->err)
	          : gw_mm_decode(in->body, in->len, s->cfg.currency_code,
	                s->cfg.minor_digits, ev, &in->err);
	if (rc != 0 || gw_paid_utc(in->g, ev, &in->err) != 0)
		return -1;
	/* a payment is reported once it was made: a day ahead at most (a
	 * gateway's clock, its zone), as a settlement file; a TransTime of
	 * 2030 or a created of 1900000000 was posted to the ledger dated
	 * then (R19). Nor long before: a created of 1 was posted dated
	 * 1970 (issue 19 review); gateway_max_age days back at most, which
	 * leaves a refund or a dispute of a payment of months ago. The
	 * event's own time orders a payment's events: one of 9999 would
	 * have stopped every later one. An event of a type not applied is
	 * kept as received, whatever it says */
	svc_now(now);
	clock = date_ts_secs(now);
	if (ev->status != GW_UNKNOWN &&
	    (gw_time_ok(s, card ? "data.object.created" : "TransTime",
	         date_ts_secs(ev->paid_at), clock, &in->err) != 0 ||
	        (card && gw_time_ok(s, "created", ev->event_time, clock,
	                     &in->err) != 0)))
		return -1;
	gw_escape(ev);
	return 0;
}

/* Keep and apply in's decoded notification in a savepoint of the
 * group's transaction: 0 (in->replay set), -1 with in->err, the
 * savepoint rolled back. */
static int
gw_keep(struct svc *s, struct gw_incoming *in, const char *at)
{
	struct gw_event *ev = &in->ev;
	int64_t id = 0;
	int rc;

	if (store_begin(s->st, &in->err) != 0)
		return -1;
	rc = store_gw_notification_put(s->st, in->g->name, ev, at, in->source,
	    in->headers, in->body, in->len, &id, &in->err);
	if (rc == 1 && ev->status != GW_UNKNOWN)
		rc = store_gw_payment_apply(
		         s->st, in->g->name, ev, id, at, &in->err) == 0 &&
		             svc_gw_advance(
		                 s, in->g, ev->code, ev, at, &in->err) == 0
		         ? 1
		         : -1;
	if (rc < 0) {
		store_rollback(s->st);
		return -1;
	}
	in->replay = rc == 0;
	return store_commit(s->st, &in->err);
}

int
svc_gateway_receive(struct svc *s, struct gw_incoming *in, size_t n,
    void (*hook)(size_t kept, void *arg), void *arg, struct pd_err *err)
{
	char at[TS_BUFSZ];
	size_t i, kept = 0;

	for (i = 0; i < n; i++) {
		in[i].replay = 0;
		memset(&in[i].err, 0, sizeof in[i].err);
		in[i].rc = gw_decode(s, &in[i]);
	}
	svc_now(at);
	if (store_begin(s->st, err) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (in[i].rc != 0)
			continue;
		in[i].rc = gw_keep(s, &in[i], at);
		/* a refusal leaves the others; the store failing, none */
		if (in[i].rc != 0 && in[i].err.code != PD_EINVAL) {
			*err = in[i].err;
			store_abort(s->st);
			return -1;
		}
		kept += in[i].rc == 0 && !in[i].replay;
	}
	if (hook != NULL)
		hook(kept, arg);
	return store_commit(s->st, err);
}

int
svc_gateway_validate(struct svc *s, const char *body, size_t len,
    int accept_unknown, int *accept, struct pd_err *err)
{
	struct gw_event ev;
	struct gw_payment g;
	char now[TS_BUFSZ];

	*accept = 0;
	svc_now(now);
	/* a payment the confirmation would refuse for its time is not
	 * accepted before the money moves (read as UTC: the gateway's zone
	 * is within the day's margin) */
	if (gw_mm_decode(body, len, s->cfg.currency_code, s->cfg.minor_digits,
	        &ev, err) != 0 ||
	    gw_time_ok(s, "TransTime", date_ts_secs(ev.paid_at),
	        date_ts_secs(now), err) != 0)
		return -1;
	/* known is what arrival would associate (issue 19 review, point
	 * 5): the account reference, else the phone of exactly one
	 * consumer; one rule, svc_gw_associate()'s */
	memset(&g, 0, sizeof g);
	xstrlcpy(g.account_ref, ev.account_ref, sizeof g.account_ref);
	xstrlcpy(g.phone, ev.phone, sizeof g.phone);
	if (svc_gw_associate(s, &g, err) != 0)
		return -1;
	*accept = g.consumer_id != 0 || accept_unknown;
	return 0;
}

/* ---- settlement files and the list ---- */

/* Settle g (read) by row r of file path: 1 settled now, 0 the same
 * settlement again, 2 the same settlement naming the payout it was
 * settled without (filled in, audited), -1 refused. */
static int
settle_one(struct svc *s, const struct gateway_row *gw,
    const struct gw_settle_row *r, struct gw_payment *g, struct pd_err *err)
{
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], now[TS_BUFSZ];
	int64_t diff;

	if (store_gw_payment_get(s->st, gw->name, r->code, g, err) != 0) {
		if (err->code == PD_ENOTFOUND)
			pd_fail(err, PD_EINVAL,
			    "Code %s: gateway %s has no payment of that code",
			    r->code, gw->name);
		return -1;
	}
	/* a payout report lists the charges paid out, among them some
	 * disputed or refunded since (the dispute or the refund is an
	 * adjustment of its own): they settle too, their status, amounts
	 * and ledger as they are (B19c; the table in paydesk-central(8)).
	 * A gateway disputes or refunds only a payment that succeeded; a
	 * failed one (or one of an event this slice keeps only) never was
	 * paid out */
	if (g->status != GW_SUCCEEDED && g->status != GW_REFUNDED &&
	    g->status != GW_DISPUTED)
		return pd_fail(err, PD_EINVAL,
		    "Code %s: the payment is %s; only a payment that "
		    "succeeded settles (disputed or refunded since, too)",
		    r->code, gw_status_name(g->status));
	if (r->amount != g->amount)
		return pd_fail(err, PD_EINVAL,
		    "Code %s: amount %s, and the payment was %s", r->code,
		    money_plain(a, sizeof a, r->amount, s->cfg.minor_digits),
		    money_plain(b, sizeof b, g->amount, s->cfg.minor_digits));
	if (strncmp(r->settled_on, g->paid_at, 10) < 0)
		return pd_fail(err, PD_EINVAL,
		    "Code %s: settled on %.10s, before it was paid on %.10s",
		    r->code, r->settled_on, g->paid_at);
	if (g->settled_on[0] != '\0') {
		/* the same settlement again once the gateway has a
		 * settlement account (gateway set --account) and the payment
		 * settled to none: the account filled in, so that its credit
		 * is matched to that account's statement lines only */
		if (strcmp(g->settled_on, r->settled_on) == 0 &&
		    g->fee == r->fee && strcmp(g->payout, r->payout) == 0 &&
		    g->settle_account[0] == '\0' && gw->account[0] != '\0') {
			xstrlcpy(g->settle_account, gw->account,
			    sizeof g->settle_account);
			return store_gw_payment_save(s->st, g, err) == 0 ? 0
			                                                 : -1;
		}
		if (strcmp(g->settled_on, r->settled_on) == 0 &&
		    g->fee == r->fee && strcmp(g->payout, r->payout) == 0)
			return 0;
		/* a file that has the column payout now names the payout
		 * of a payment settled without one: filled in (the rule
		 * payout then finds it); a payout is the bank credit its
		 * payments were matched to: not moved to another one */
		if (strcmp(g->settled_on, r->settled_on) == 0 &&
		    g->fee == r->fee && g->payout[0] == '\0') {
			xstrlcpy(g->payout, r->payout, sizeof g->payout);
			if (g->settle_account[0] == '\0')
				xstrlcpy(g->settle_account, gw->account,
				    sizeof g->settle_account);
			return store_gw_payment_save(s->st, g, err) == 0 ? 2
			                                                 : -1;
		}
		if (strcmp(g->settled_on, r->settled_on) == 0 &&
		    g->fee == r->fee)
			return pd_fail(err, PD_EINVAL,
			    "Code %s: already settled on %s in payout \"%s\", "
			    "not \"%s\"",
			    r->code, g->settled_on, g->payout, r->payout);
		return pd_fail(err, PD_EINVAL,
		    "Code %s: already settled on %s with a fee of %s", r->code,
		    g->settled_on,
		    money_plain(a, sizeof a, g->fee, s->cfg.minor_digits));
	}
	/* a settlement report says what was settled: a day ahead at most
	 * (a gateway east of UTC dates it by its own day), never 2099, which
	 * Posted the payment and made its processing time 26,000 days (B19
	 * review) */
	svc_now(now);
	if (date_ts_secs(r->settled_on) > date_ts_secs(now) + 86400)
		return pd_fail(err, PD_EINVAL,
		    "Code %s: settled on %s, in the future (the central "
		    "node's clock says %s)",
		    r->code, r->settled_on, now);
	g->fee = r->fee;
	xstrlcpy(g->settled_on, r->settled_on, sizeof g->settled_on);
	xstrlcpy(g->payout, r->payout, sizeof g->payout);
	xstrlcpy(g->settle_account, gw->account, sizeof g->settle_account);
	/* a payment refunded or disputed since keeps the settlement status
	 * its gateway status maps to ("Reversed", "On Hold"), as svc_gw_advance()
	 * gives it whichever of the settlement and the refund came first */
	if (g->status == GW_SUCCEEDED)
		xstrlcpy(g->settlement_status, "Settled",
		    sizeof g->settlement_status);
	diff = date_ts_secs(r->settled_on) - date_ts_secs(g->paid_at);
	g->processing_tenths = diff <= 0 ? 0 : (diff * 10 + 43200) / 86400;
	return store_gw_payment_save(s->st, g, err) == 0 ? 1 : -1;
}

/* A settled payment's Pending ledger payment is Posted: verified by
 * "System" (the feed's verify record carries it to the terminals). Not
 * one disputed or refunded since (B19c): a refunded one's is voided (what
 * a refund in part left is a succeeded payment's), or held for a
 * supervisor ("over refund"); a disputed one's stays Pending, counted in
 * no KPI, until a supervisor verifies it once the dispute is decided
 * (the settlement says the gateway paid it out, not that the payer will
 * not take it back). */
static int
settle_post(struct svc *s, const struct gw_payment *g, const char *at,
    size_t *posted, struct pd_err *err)
{
	struct payment p;

	if (g->payment_id == 0 || g->status != GW_SUCCEEDED)
		return 0;
	if (store_payment_by_id(s->st, g->payment_id, &p, err) != 0)
		return -1;
	if (p.status != PS_PENDING)
		return 0;
	if (store_payment_set_status(
	        s->st, p.id, PS_POSTED, 1, at, "System", err) != 0 ||
	    svc_audit(s, at, "verify", "payment", p.payment_no,
	        "settled by the gateway", err) != 0)
		return -1;
	(*posted)++;
	return 0;
}

int
svc_gateway_settle(struct svc *s, const struct gateway_row *gw,
    const char *path, struct gw_settle_result *res, struct pd_err *err)
{
	struct gw_settle_row *r;
	struct gw_payment g;
	char at[TS_BUFSZ], detail[600], *buf;
	size_t len, n, i;
	int rc = 0;

	memset(res, 0, sizeof *res);
	buf = svc_read_file(path, &len, err);
	if (buf == NULL)
		return -1;
	r = gw_settle_decode(buf, len, s->cfg.minor_digits, &n, err);
	free(buf);
	if (r == NULL) {
		/* FILE:LINE: where a line is named (s74 fault 3) */
		pd_err_prefix(err,
		    isdigit((unsigned char)err->msg[0]) ? "%s:" : "%s: ", path);
		return -1;
	}
	svc_now(at);
	if (store_begin(s->st, err) != 0) {
		free(r);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		rc = settle_one(s, gw, &r[i], &g, err);
		if (rc < 0 && err->code == PD_EINVAL)
			pd_err_prefix(err, "%s:%d: ", path, r[i].line);
		if (rc == 1)
			res->settled++;
		else if (rc == 0)
			res->unchanged++;
		else if (rc == 2) {
			res->unchanged++;
			res->payouts++;
			snprintf(detail, sizeof detail,
			    "code=%s payout=%s file=%s", g.code, g.payout,
			    path);
			rc = svc_audit(
			    s, at, "payout", "gateway", gw->name, detail, err);
		}
		rc = rc == 1 ? settle_post(s, &g, at, &res->posted, err) : rc;
	}
	snprintf(detail, sizeof detail,
	    "file=%s settled=%zu unchanged=%zu payouts=%zu", path, res->settled,
	    res->unchanged, res->payouts);
	if (rc == 0)
		rc = svc_audit(
		    s, at, "settle", "gateway", gw->name, detail, err);
	free(r);
	if (rc != 0)
		memset(res, 0, sizeof *res);
	return svc_finish(s, rc, err);
}

struct payout_row *
svc_gateway_payouts(
    struct svc *s, const char *gateway, size_t *n, struct pd_err *err)
{
	return store_gw_payouts_central(s->st, gateway ? gateway : "", n, err);
}

struct gw_payment *
svc_gateway_payments(struct svc *s, const char *gateway, int unassociated,
    size_t *n, struct pd_err *err)
{
	return store_gw_payments(s->st, gateway, unassociated, n, err);
}

/* ---- associations a terminal pushed (issue 19, seed 004) ---- */

/* Disassociate g: its ledger payment voided by "System" with the
 * supervisor's reason (the balance it paid is owed again), unless credit
 * that came from it was already applied. */
static int
unpost(struct svc *s, const struct gw_payment *g, const char *reason,
    const char *at, struct pd_err *err)
{
	struct payment p;
	struct credit_note *cns;
	char uuid[UUID_BUFSZ];
	size_t n, i;

	if (g->payment_id == 0)
		return 0;
	if (store_payment_by_id(s->st, g->payment_id, &p, err) != 0)
		return -1;
	if (p.status == PS_VOIDED)
		return 0;
	cns = store_credits_of_payment(s->st, p.id, &n, err);
	if (cns == NULL)
		return -1;
	for (i = 0; i < n && cns[i].applied == 0; i++)
		;
	if (i < n) {
		pd_fail(err, PD_EINVAL,
		    _("Credit note %s, made of payment %s of gateway %s, was "
		      "already applied; the payment cannot be disassociated"),
		    cns[i].cn_no, g->code, g->gateway);
		free(cns);
		return -1;
	}
	free(cns);
	os_uuid_new(uuid);
	if (ledger_void(s, &p, uuid, reason, 0, "System", at,
	        s->cfg.terminal_id, NULL, err) != 0)
		return -1;
	return svc_audit(s, at, "void", "payment", p.payment_no, reason, err);
}

/* Associate g with consumer cid as r asks: the first association of a
 * payment wins, a later one with another consumer is refused. */
static int
assoc(struct svc *s, const struct gateway_row *gw, const struct syncrec *r,
    struct gw_payment *g, const char *at, struct pd_err *err)
{
	struct consumer c;
	int64_t cid;
	size_t posted = 0;

	if (store_id_of(s->st, TBL_CONSUMERS, r->consumer_uuid, &cid, err) != 0)
		return -1;
	if (cid == 0)
		return pd_fail(err, PD_EINVAL,
		    _("Account %s (consumer %s) is not known to the central "
		      "node"),
		    r->account_no, r->consumer_uuid);
	/* the record names the consumer twice: the account its audit, its
	 * refusals and the supervisor read must be the one associated (B19
	 * review: a record naming WU-2 for WU-1's uuid associated WU-1 with
	 * "account=WU-2" in the audit) */
	if (store_consumer_by_id(s->st, cid, &c, err) != 0)
		return -1;
	if (strcmp(c.account_no, r->account_no) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Account %s is not the account of consumer %s, %s; the "
		      "association is refused"),
		    r->account_no, r->consumer_uuid, c.account_no);
	if (g->consumer_id == cid)
		return 1; /* the same association again: nothing to do */
	if (g->consumer_id != 0)
		return pd_fail(err, PD_EINVAL,
		    _("Payment %s of gateway %s is already associated with "
		      "account %s; the association with account %s is "
		      "refused"),
		    g->code, g->gateway, g->account_no, r->account_no);
	g->consumer_id = cid;
	g->candidates[0] = '\0';
	if (g->status == GW_SUCCEEDED && g->amount > 0 && g->payment_id == 0 &&
	    svc_gw_post(s, gw, g, at, err) != 0)
		return -1;
	if (g->settled_on[0] != '\0' && settle_post(s, g, at, &posted, err))
		return -1;
	return 0;
}

int
svc_gateway_assoc_apply(
    struct svc *s, const struct syncrec *r, struct pd_err *err)
{
	struct gateway_row gw;
	struct gw_payment g;
	struct pd_err e = {0};
	char at[TS_BUFSZ], detail[800];
	int rc;

	if (store_gw_payment_get(s->st, r->gp.gateway, r->gp.code, &g, &e)) {
		if (e.code != PD_ENOTFOUND) {
			*err = e;
			return -1;
		}
		return pd_fail(err, PD_EINVAL,
		    _("Gateway %s has no payment %s"), r->gp.gateway,
		    r->gp.code);
	}
	if (s->gateway_of == NULL ||
	    s->gateway_of(s->gateway_arg, g.gateway, &gw, &e) != 0)
		return pd_fail(err, e.code == PD_ESTORE ? PD_ESTORE : PD_EINVAL,
		    _("Gateway %s is not registered at the central node"),
		    g.gateway);
	/* what comes of it is every terminal's to pull, the sender's too */
	if (store_sync_origin(s->st, "", 0, err) != 0)
		return -1;
	svc_now(at);
	if (strcmp(r->action, "associate") == 0)
		rc = assoc(s, &gw, r, &g, at, err);
	else if (g.consumer_id == 0)
		rc = pd_fail(err, PD_EINVAL,
		    _("Payment %s of gateway %s is not associated with any "
		      "consumer"),
		    g.code, g.gateway);
	else {
		struct gw_payment t;

		rc = unpost(s, &g, r->reason, at, err);
		g.consumer_id = 0;
		g.payment_id = 0;
		/* unassociated again, with its candidates as on arrival (the
		 * accounts sharing its phone), not with none (R19) */
		t = g;
		if (rc == 0 && svc_gw_associate(s, &t, err) != 0)
			return -1;
		xstrlcpy(g.candidates, t.candidates, sizeof g.candidates);
	}
	if (rc != 0)
		return rc < 0 ? -1 : 1;
	g.manual = 1;
	snprintf(detail, sizeof detail,
	    "terminal=%s by=%s account=%s reason=%s", r->terminal, r->by,
	    r->account_no, r->reason);
	return store_gw_payment_save(s->st, &g, err) == 0 &&
	               svc_audit(s, at, r->action, "gateway_payment", g.code,
	                   detail, err) == 0
	           ? 0
	           : -1;
}
