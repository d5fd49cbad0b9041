/* gateway.c - payment gateways on the central node (issue 19): the
 * `paydesk-central gateway` commands (add, rotate, revoke, list, set,
 * settle, payments), and the routes gateways POST their notifications
 * to:
 *
 *   POST /v1/gateway/ORG/NAME                   card
 *   POST /v1/gateway/ORG/NAME/SECRET            mobile money
 *   POST /v1/gateway/ORG/NAME/SECRET/validate   its validation callback
 *
 * Judged on the headers like the other routes (http.c): the gateway must
 * exist and be active (404, 403); a mobile-money one must name its URL
 * secret (401) and send from an address of [central] gateway_allow
 * (403); a card one (and a mobile-money one when [central]
 * gateway_signed says so) must carry its signature header (400), and
 * every one a Content-Length of at most gateway_max_body_kb (413, 411
 * for chunks; http.c): no body is read otherwise. A card notification's
 * signature is checked on its whole body before a byte of it is parsed
 * (401 bad, 400 malformed or stale); so is a
 * mobile-money one's when it carries one or [central] gateway_signed
 * says it must. Then the backend keeps and applies it: the
 * notifications of an organisation that arrive while its writer is busy
 * wait in the queue and are kept together, in one transaction and one
 * fsync (a group commit, for issue 19's rate target), each answered only
 * once its group is committed. */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <jansson.h>

#include "central.h"

/* The headers a notification is kept with, and the signature's. */
static const char *const kept_headers[] = {
    "Content-Type",
    "User-Agent",
    "Paydesk-Signature",
    "Stripe-Signature",
};

/* One IPv4 address or network of gateway_allow into *a: 0 or -1. */
static int
allow_parse(const char *s, struct gw_allow *a)
{
	char addr[32], *slash, *end;
	struct in_addr in;
	long bits = 32;

	if (strlen(s) >= sizeof addr)
		return -1;
	xstrlcpy(addr, s, sizeof addr);
	slash = strchr(addr, '/');
	if (slash != NULL) {
		*slash++ = '\0';
		bits = strtol(slash, &end, 10);
		if (*slash == '\0' || *end != '\0' || bits < 0 || bits > 32)
			return -1;
	}
	if (inet_pton(AF_INET, addr, &in) != 1)
		return -1;
	a->mask = bits == 0 ? 0 : htonl(0xffffffffu << (32 - bits));
	a->net = in.s_addr & a->mask;
	return 0;
}

int
gateway_allow_load(struct server *sv, struct pd_err *err)
{
	char copy[sizeof sv->b->cfg.central_gateway_allow], *tok, *save = NULL;
	char *p;

	sv->ngw_allow = 0;
	xstrlcpy(copy, sv->b->cfg.central_gateway_allow, sizeof copy);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		for (p = tok + strlen(tok); p > tok && p[-1] == ' ';)
			*--p = '\0';
		if (*tok == '\0')
			continue;
		if (sv->ngw_allow == GW_ALLOW_MAX)
			return pd_fail(err, PD_EINVAL,
			    _("[central] gateway_allow: more than %d entries"),
			    GW_ALLOW_MAX);
		if (allow_parse(tok, &sv->gw_allow[sv->ngw_allow]) != 0)
			return pd_fail(err, PD_EINVAL,
			    _("[central] gateway_allow: \"%s\" is not an IPv4 "
			      "address or ADDRESS/BITS"),
			    tok);
		sv->ngw_allow++;
	}
	return 0;
}

/* The client's IPv4 address into out (46 bytes); 0 when it has none. */
static uint32_t
client_addr(struct MHD_Connection *c, char *out)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr_in *sin;

	xstrlcpy(out, "?", 46);
	if (ci == NULL || ci->client_addr == NULL ||
	    ci->client_addr->sa_family != AF_INET)
		return 0;
	sin = (const struct sockaddr_in *)(const void *)ci->client_addr;
	inet_ntop(AF_INET, &sin->sin_addr, out, 46);
	return sin->sin_addr.s_addr;
}

static int
allowed(const struct server *sv, uint32_t addr)
{
	int i;

	for (i = 0; i < sv->ngw_allow; i++)
		if ((addr & sv->gw_allow[i].mask) == sv->gw_allow[i].net)
			return 1;
	return 0;
}

/* The kept headers of c as a JSON object, escaped (a client's bytes). */
static void
keep_headers(struct MHD_Connection *c, struct gw_req *g)
{
	json_t *o = json_object();
	const char *v;
	char esc[600], *s;
	size_t i;

	for (i = 0; i < sizeof kept_headers / sizeof kept_headers[0]; i++) {
		v = MHD_lookup_connection_value(
		    c, MHD_HEADER_KIND, kept_headers[i]);
		if (v == NULL)
			continue;
		log_escape(esc, sizeof esc, v, 0);
		json_object_set_new(o, kept_headers[i], json_string(esc));
		if (i >= 2 && g->sig[0] == '\0')
			xstrlcpy(g->sig, v, sizeof g->sig);
	}
	s = json_dumps(o, JSON_COMPACT);
	xstrlcpy(g->headers, s != NULL ? s : "{}", sizeof g->headers);
	free(s);
	json_decref(o);
}

/* Split path ("ORG/NAME[/SECRET[/validate]]") into at most 4 segments. */
static int
segments(char *path, char *seg[4])
{
	int n = 0;
	char *p = path;

	for (;;) {
		if (n == 4)
			return -1;
		seg[n++] = p;
		p = strchr(p, '/');
		if (p == NULL)
			return n;
		*p++ = '\0';
	}
}

/* Check a segment: letters, digits, '-' and '_', 1..max. */
static int
seg_ok(const char *s, size_t max)
{
	size_t i, n = strlen(s);

	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	return n > 0 && n <= max;
}

int
gateway_admit(struct server *sv, struct MHD_Connection *c, const char *path,
    struct gw_req *g, unsigned *status, char *msg, size_t n)
{
	char copy[400], *seg[4];
	struct pd_err e = {0};
	int ns, mm;

	ns = -1;
	if (strlen(path) < sizeof copy) {
		xstrlcpy(copy, path, sizeof copy);
		ns = segments(copy, seg);
	}
	if (ns < 2 || !seg_ok(seg[0], 32) || !seg_ok(seg[1], 32)) {
		*status = 404;
		snprintf(msg, n,
		    "no route: a gateway posts to /v1/gateway/ORG/NAME");
		return -1;
	}
	if (sv->b->ops->gateway_get(sv->b, seg[0], seg[1], &g->g, &e) != 0) {
		*status = e.code == PD_ENOTFOUND ? 404 : 503;
		snprintf(msg, n, "%s", e.msg);
		return -1;
	}
	if (g->g.revoked_at[0] != '\0') {
		*status = 403;
		snprintf(msg, n, "gateway %s of %s was revoked on %s",
		    g->g.name, g->g.org, g->g.revoked_at);
		return -1;
	}
	mm = strcmp(g->g.profile, "mobile-money") == 0;
	g->validate = ns == 4 && strcmp(seg[3], "validate") == 0;
	if ((!mm && ns != 2) || (mm && ns < 3) || (ns == 4 && !g->validate)) {
		*status = 404;
		snprintf(msg, n,
		    mm ? "gateway %s of %s is mobile-money: it posts to "
		         "/v1/gateway/%s/%s/SECRET[/validate]"
		       : "gateway %s of %s is a card gateway: it posts to "
		         "/v1/gateway/%s/%s",
		    g->g.name, g->g.org, g->g.org, g->g.name);
		return -1;
	}
	if (mm &&
	    (!seg_ok(seg[2], 128) || !svc_gateway_path_ok(&g->g, seg[2]))) {
		*status = 401;
		snprintf(msg, n,
		    "wrong secret path segment for gateway %s of %s", g->g.name,
		    g->g.org);
		return -1;
	}
	if (mm && !allowed(sv, client_addr(c, g->source))) {
		*status = 403;
		snprintf(msg, n,
		    "address %s may not send mobile-money notifications: it "
		    "is not in [central] gateway_allow",
		    g->source);
		return -1;
	}
	client_addr(c, g->source);
	keep_headers(c, g);
	/* no body is read for a request that could not be taken: one that
	 * must be signed says so on its headers (review R18: 30 unsigned
	 * 16 MB bodies were each read before their 400) */
	if (g->sig[0] == '\0' &&
	    (!mm || strcmp(sv->b->cfg.central_gateway_signed, "yes") == 0)) {
		*status = 400;
		snprintf(msg, n,
		    "No signature header (Paydesk-Signature or "
		    "Stripe-Signature: t=TIMESTAMP,v1=HEX)");
		return -1;
	}
	return 0;
}

/* An error answer: status and the central node's JSON error body. */
static void
answer_error(struct gw_answer *a, unsigned status, const char *msg)
{
	char esc[1400];

	log_escape(esc, sizeof esc, msg, 0);
	a->status = status;
	free(a->body);
	a->body = svc_central_error(esc);
}

/* The store failing: worth a retry soon (a gateway retries anyway). */
static void
answer_busy(struct gw_answer *a, const struct pd_err *e)
{
	char msg[700];

	snprintf(msg, sizeof msg, "the central node could not keep it now: %s",
	    e->msg);
	answer_error(a, 503, msg);
	a->retry_after = 1;
}

/* The signature of a notification, when it has one or must: 0 to go on,
 * -1 with the answer. */
static int
check_signature(struct server *sv, const struct gw_req *g, const char *body,
    size_t len, struct gw_answer *a)
{
	const char *secrets[2];
	char now[TS_BUFSZ];
	struct pd_err e = {0};
	size_t n = 0;
	enum gw_sig r;

	secrets[n++] = g->g.secret;
	svc_now(now);
	if (g->g.old_secret[0] != '\0' && strcmp(now, g->g.old_until) < 0)
		secrets[n++] = g->g.old_secret;
	r = svc_gateway_sig_check(g->sig[0] ? g->sig : NULL, body, len, secrets,
	    n, svc_now_unix(), sv->b->cfg.central_gateway_tolerance, &e);
	if (r == GW_SIG_OK)
		return 0;
	answer_error(a, r == GW_SIG_BAD ? 401 : 400, e.msg);
	return -1;
}

static const char MM_ACCEPTED[] =
    "{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}";
static const char MM_REJECTED[] =
    "{\"ResultCode\":\"C2B00012\",\"ResultDesc\":\"Rejected\"}";

/* A mobile-money validation request: accept or reject. */
static void
validate(struct server *sv, const struct gw_req *g, const char *body,
    size_t len, struct gw_answer *a)
{
	struct pd_err e = {0};
	int accept;

	if (sv->b->ops->gateway_validate(
	        sv->b, g->g.org, body, len, &accept, &e) != 0) {
		if (e.code == PD_EINVAL)
			answer_error(a, 400, e.msg);
		else
			answer_busy(a, &e);
		return;
	}
	a->status = 200;
	a->body = xstrdup(accept ? MM_ACCEPTED : MM_REJECTED);
	snprintf(
	    a->note, sizeof a->note, " %s", accept ? "accepted" : "rejected");
}

/* The answer to notification in, kept (or a replay) or refused. */
static void
answer_kept(
    const struct gw_req *g, const struct gw_incoming *in, struct gw_answer *a)
{
	json_t *o;
	char *s;

	if (in->rc != 0) {
		if (in->err.code == PD_EINVAL)
			answer_error(a, 400, in->err.msg);
		else
			answer_busy(a, &in->err);
		return;
	}
	snprintf(a->note, sizeof a->note, " %s%s",
	    gw_status_name(in->ev.status), in->replay ? " replay" : "");
	a->status = 200;
	if (strcmp(g->g.profile, "mobile-money") == 0) {
		a->body = xstrdup(MM_ACCEPTED);
		return;
	}
	o = json_pack("{s:b, s:s, s:s, s:b}", "received", 1, "event",
	    in->ev.event_id, "status", gw_status_name(in->ev.status), "replay",
	    in->replay);
	s = o != NULL ? json_dumps(o, JSON_COMPACT) : NULL;
	a->body = xstrdup(s != NULL ? s : "{\"received\":true}");
	free(s);
	json_decref(o);
}

/* Checked before anything is parsed: a signature where one is needed
 * (0 to go on, -1 answered), and a validation request answered here. */
static int
gateway_judge(struct server *sv, struct gw_job *j)
{
	const struct gw_req *g = j->g;
	int mm = strcmp(g->g.profile, "mobile-money") == 0;

	if ((!mm || g->sig[0] != '\0' ||
	        strcmp(sv->b->cfg.central_gateway_signed, "yes") == 0) &&
	    check_signature(sv, g, j->body, j->len, &j->a) != 0)
		return -1;
	if (mm && g->validate) {
		validate(sv, g, j->body, j->len, &j->a);
		return -1;
	}
	return 0;
}

void
gateway_handle(struct server *sv, struct gw_job *jobs, size_t n)
{
	struct gw_incoming *in = xcalloc(n, sizeof *in);
	size_t *of = xcalloc(n, sizeof *of), m = 0, i;
	struct pd_err e = {0};
	char note[64];

	for (i = 0; i < n; i++) {
		if (jobs[i].body == NULL)
			jobs[i].body = "";
		if (gateway_judge(sv, &jobs[i]) != 0)
			continue;
		in[m].g = &jobs[i].g->g;
		in[m].body = jobs[i].body;
		in[m].len = jobs[i].len;
		in[m].source = jobs[i].g->source;
		in[m].headers = jobs[i].g->headers;
		of[m++] = i;
	}
	/* one transaction and one fsync for the group; each answered only
	 * once it is committed (issue 19's rate target) */
	if (m > 0 &&
	    sv->b->ops->gateway_receive(sv->b, in[0].g->org, in, m, &e) != 0) {
		for (i = 0; i < m; i++)
			answer_busy(&jobs[of[i]].a, &e);
		m = 0;
	}
	for (i = 0; i < m; i++) {
		answer_kept(jobs[of[i]].g, &in[i], &jobs[of[i]].a);
		if (n > 1) {
			snprintf(note, sizeof note, "%s group %zu",
			    jobs[of[i]].a.note, n);
			xstrlcpy(jobs[of[i]].a.note, note,
			    sizeof jobs[of[i]].a.note);
		}
	}
	free(of);
	free(in);
}

/* The URLs of gateway org/name, as the commands print them. */
static void
print_urls(const struct backend *b, const char *org, const char *name,
    const char *profile, const char *secret, const char *path)
{
	const struct config *cfg = &b->cfg;
	const char *scheme = cfg->central_tls_cert[0] ? "https" : "http";

	/* the labels of the secrets and URLs are read by scripts: never
	 * translated */
	printf("signing secret: %s\n", secret);
	if (strcmp(profile, "card") == 0) {
		printf("notifications: POST %s://HOST:%d/v1/gateway/%s/%s\n",
		    scheme, cfg->central_port, org, name);
		return;
	}
	printf("path secret: %s\n", path);
	printf(
	    "confirmations: POST %s://HOST:%d/v1/gateway/%s/%s/%s\n"
	    "validation:    POST %s://HOST:%d/v1/gateway/%s/%s/%s/validate\n",
	    scheme, cfg->central_port, org, name, path, scheme,
	    cfg->central_port, org, name, path);
}

static int
gateway_list(struct backend *b, const char *org, struct pd_err *err)
{
	struct gateway_row *g;
	char now[TS_BUFSZ];
	size_t n, i;
	int w[7] = {12, 12, 13, 8, 19, 19, 34};
	const char *cells[7],
	    *heads[7] = {_("ORG"), _("GATEWAY"), _("PROFILE"), _("STATE"),
	        _("ADDED"), _("PREVIOUS UNTIL"), _("ACCOUNT")};

	g = b->ops->gateways(b, org, &n, err);
	if (g == NULL)
		return -1;
	svc_now(now);
	central_head(heads, w, 7, 0);
	for (i = 0; i < n; i++) {
		cells[0] = g[i].org;
		cells[1] = g[i].name;
		cells[2] =
		    g[i].profile; /* typed as it is: card, mobile-money */
		cells[3] = g[i].revoked_at[0] ? _("revoked") : _("active");
		cells[4] = g[i].created_at;
		cells[5] = g[i].old_until[0] && strcmp(now, g[i].old_until) < 0
		               ? g[i].old_until
		               : "-";
		/* the settlement account its payouts are credited to (gateway
		 * set --account), "-" none: any account's credit may match */
		cells[6] = g[i].account[0] ? g[i].account : "-";
		central_row(cells, w, 7, 0);
	}
	central_none(n);
	free(g);
	return 0;
}

/* `gateway set ORG NAME [--method M] [--statuses MAP] [--time-zone TZ]
 * [--account ACCOUNT]` */
static int
gateway_set(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	const char *method = NULL, *statuses = NULL, *tz = NULL;
	const char *account = NULL;
	struct gateway_row g;
	int i;

	/* each at most once (review s50: a second was the usage line,
	 * with no word of which option) */
	for (i = 3; i + 1 < argc; i += 2) {
		const char **slot =
		    strcmp(argv[i], "--method") == 0      ? &method
		    : strcmp(argv[i], "--statuses") == 0  ? &statuses
		    : strcmp(argv[i], "--time-zone") == 0 ? &tz
		    : strcmp(argv[i], "--account") == 0   ? &account
		                                          : NULL;

		if (slot == NULL)
			break;
		if (central_opt_once(argv[i], slot, argv[i + 1], err) != 0)
			return -1;
	}
	if (i != argc || argc < 5)
		return pd_fail(err, PD_EUSAGE,
		    "Gateway set: ORG NAME [--method METHOD] [--statuses "
		    "STATUS=WEBHOOK/SETTLEMENT;...] [--time-zone ZONE] "
		    "[--account ACCOUNT]");
	if (tz != NULL && tz[0] != '\0' && svc_gateway_tz_check(tz, err) != 0) {
		pd_err_prefix(err, "--time-zone: ");
		return -1;
	}
	if (method != NULL &&
	    (strlen(method) >= 49 || strpbrk(method, ",:;\n\t") != NULL))
		return pd_fail(err, PD_EINVAL,
		    "--method \"%s\": at most 48 characters, without , : or ; "
		    "(\"\" for the default, Online)",
		    method);
	/* the bank account its payouts are credited to, as a deposit's
	 * ([deposits] account): an IBAN or account number */
	if (account != NULL &&
	    (strlen(account) > 34 || strpbrk(account, " ,:;\n\t") != NULL))
		return pd_fail(err, PD_EINVAL,
		    "--account \"%s\": an IBAN or account number, at most 34 "
		    "characters, without spaces, , : or ; (\"\" for none)",
		    account);
	if (statuses != NULL && gw_status_map_check(statuses, err) != 0) {
		pd_err_prefix(err, "--statuses: ");
		return -1;
	}
	if (b->ops->gateway_get(b, argv[1], argv[2], &g, err) != 0 ||
	    b->ops->gateway_set(
	        b, argv[1], argv[2], method, statuses, tz, account, err))
		return -1;
	printf("gateway %s of %s: set; payments received from now on "
	       "follow it.\n",
	    argv[2], argv[1]);
	return 0;
}

/* `gateway settle ORG NAME FILE.csv` */
static int
gateway_settle(struct backend *b, char **argv, struct pd_err *err)
{
	struct gateway_row g;
	struct gw_settle_result r;

	if (b->ops->gateway_get(b, argv[1], argv[2], &g, err) != 0 ||
	    b->ops->gateway_settle(b, &g, argv[3], &r, err) != 0)
		return -1;
	printf("gateway %s of %s: %zu payment%s settled, %zu already "
	       "settled; %zu ledger payment%s posted",
	    argv[2], argv[1], r.settled, r.settled == 1 ? "" : "s", r.unchanged,
	    r.posted, r.posted == 1 ? "" : "s");
	/* the payouts a file with the column payout filled in */
	if (r.payouts > 0)
		printf("; %zu payout%s filled in", r.payouts,
		    r.payouts == 1 ? "" : "s");
	puts(".");
	return 0;
}

/* amount (minor units, not negative) as the settlement files write it,
 * "1500.50", into out (32 bytes). */
static void
amount_text(int64_t amount, int digits, char *out)
{
	int64_t unit = 1;
	int i;

	for (i = 0; i < digits; i++)
		unit *= 10;
	if (digits == 0)
		snprintf(out, 32, "%lld", (long long)amount);
	else
		snprintf(out, 32, "%lld.%0*lld", (long long)(amount / unit),
		    digits, (long long)(amount % unit));
}

/* Below the queue, as a terminal's gateway list says them: a refund or
 * failure held for a supervisor (its review), and what a refund in part
 * took of a payment that still succeeded (issue 19 review). */
static void
payments_notes(int digits, const struct gw_payment *p, size_t n)
{
	char refunded[32];
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i].review[0] != '\0')
			printf(_("Payment %s: %s\n"), p[i].code,
			    svc_gateway_review(p[i].review));
		else if (p[i].refunded > 0 && p[i].status != GW_REFUNDED) {
			amount_text(p[i].refunded, digits, refunded);
			printf(_("Payment %s: %s of it refunded\n"), p[i].code,
			    refunded);
		}
	}
}

/* Below the queue: each payout (a settlement file's column payout),
 * its payments, what they make less their fees, and the statement line
 * a terminal matched it to (issue 20), by which rule and whom. */
static int
payouts_notes(struct backend *b, const char *org, const char *name, int digits,
    struct pd_err *err)
{
	char net[32], line[STMT_NAME_BUFSZ + 24];
	struct payout_row *p;
	size_t n, i;

	p = b->ops->gateway_payouts(b, org, name, &n, err);
	if (p == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		amount_text(p[i].net, digits, net);
		printf("Payout %s%s%s: %lld payment%s, %s less fees, ",
		    name ? "" : p[i].gateway, name ? "" : " ", p[i].payout,
		    (long long)p[i].n, p[i].n == 1 ? "" : "s", net);
		if (p[i].rule[0] == '\0') {
			puts("not matched");
			continue;
		}
		stmt_name(p[i].account, p[i].stmt_key, line);
		printf("matched to statement line %s:%lld (%s, by %s)\n", line,
		    (long long)p[i].seq, p[i].rule, p[i].by);
	}
	free(p);
	return 0;
}

/* `gateway payments ORG [NAME] [--unassociated]`: the queue. */
static int
gateway_payments(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	int unassoc = strcmp(argv[argc - 1], "--unassociated") == 0;
	const char *name = argc - unassoc > 2 ? argv[2] : NULL;
	struct gateway_row *gws, g;
	struct gw_payment *p;
	char amount[32], refunded[32], disputed[32], days[16], cur[4];
	size_t n, i;
	int digits;

	if (name != NULL && b->ops->gateway_get(b, argv[1], name, &g, err))
		return -1;
	gws = b->ops->gateways(b, argv[1], &n, err);
	if (gws == NULL)
		return -1;
	free(gws);
	if (n == 0)
		return pd_fail(err, PD_ENOTFOUND, "No gateway in %s", argv[1]);
	/* amounts in the organisation's minor units (issue 23) */
	if (b->ops->org_currency(b, argv[1], cur, &digits, err) != 0)
		return -1;
	p = b->ops->gateway_payments(b, argv[1], name, unassoc, &n, err);
	if (p == NULL)
		return -1;
	printf("%-4s %-10s %-12s %-14s %-13s %10s %10s %10s %-19s %-13s %-11s "
	       "%5s %-16s %s\n",
	    "#", "GATEWAY", "ACCOUNT", "CODE", "PHONE", "AMOUNT", "REFUNDED",
	    "DISPUTED", "DATE PAID", "STATUS", "SETTLEMENT", "DAYS", "PAYMENT",
	    "CANDIDATES");
	for (i = 0; i < n; i++) {
		if (p[i].processing_tenths >= 0)
			snprintf(days, sizeof days, "%lld.%lld",
			    (long long)(p[i].processing_tenths / 10),
			    (long long)(p[i].processing_tenths % 10));
		else
			xstrlcpy(days, "-", sizeof days);
		amount_text(p[i].amount, digits, amount);
		if (p[i].refunded > 0)
			amount_text(p[i].refunded, digits, refunded);
		else
			xstrlcpy(refunded, "-", sizeof refunded);
		/* what the payer disputes, perhaps part of it */
		if (p[i].disputed > 0)
			amount_text(p[i].disputed, digits, disputed);
		else
			xstrlcpy(disputed, "-", sizeof disputed);
		printf(
		    "%-4zu %-10s %-12s %-14s %-13s %10s %10s %10s %-19s %-13s "
		    "%-11s %5s %-16s %s\n",
		    i + 1, p[i].gateway,
		    p[i].account_no[0] ? p[i].account_no : "-", p[i].code,
		    p[i].phone[0] ? p[i].phone : "-", amount, refunded,
		    disputed, p[i].paid_at, p[i].webhook_status,
		    p[i].settlement_status, days,
		    p[i].payment_no[0] ? p[i].payment_no : "-",
		    p[i].candidates[0] ? p[i].candidates : "-");
	}
	payments_notes(digits, p, n);
	free(p);
	return unassoc ? 0 : payouts_notes(b, argv[1], name, digits, err);
}

int
gateway_cmd(struct backend *b, int argc, char **argv, struct pd_err *err)
{
	char secret[80], path[65], until[TS_BUFSZ];
	struct gateway_row g;

	if (argc == 5 && strcmp(argv[0], "add") == 0 &&
	    strcmp(argv[3], "--profile") == 0) {
		if (central_check_id(_("Organisation"), argv[1], 32, err) ||
		    central_check_new_id(_("Gateway"), argv[2], 32, err))
			return -1;
		if (strcmp(argv[4], "card") != 0 &&
		    strcmp(argv[4], "mobile-money") != 0)
			return pd_fail(err, PD_EUSAGE,
			    _("--profile \"%s\": card or mobile-money"),
			    argv[4]);
		if (b->ops->gateway_add(
		        b, argv[1], argv[2], argv[4], secret, path, err) != 0)
			return -1;
		printf(_("gateway %s of %s (%s) added."), argv[2], argv[1],
		    argv[4]);
		putchar('\n');
		print_urls(b, argv[1], argv[2], argv[4], secret, path);
		printf("%s\n",
		    _("Give these to the gateway; they are not shown again."));
		return 0;
	}
	if (argc == 3 && (strcmp(argv[0], "revoke") == 0 ||
	                     strcmp(argv[0], "rotate") == 0)) {
		if (b->ops->gateway_get(b, argv[1], argv[2], &g, err) != 0)
			return -1;
		if (argv[0][1] == 'e') {
			if (b->ops->gateway_revoke(b, argv[1], argv[2], err) !=
			    0)
				return -1;
			printf(_("gateway %s of %s revoked; its notifications "
			         "are refused from now on."),
			    argv[2], argv[1]);
			putchar('\n');
			return 0;
		}
		if (b->ops->gateway_rotate(
		        b, argv[1], argv[2], secret, path, until, err) != 0)
			return -1;
		printf(_("gateway %s of %s: new secrets; the previous ones "
		         "stay valid until %s."),
		    argv[2], argv[1], until);
		putchar('\n');
		print_urls(b, argv[1], argv[2], g.profile, secret, path);
		printf("%s\n",
		    _("Give these to the gateway; they are not shown again."));
		return 0;
	}
	if ((argc == 1 || argc == 2) && strcmp(argv[0], "list") == 0)
		return gateway_list(b, argc == 2 ? argv[1] : NULL, err);
	if (argc >= 3 && strcmp(argv[0], "set") == 0)
		return gateway_set(b, argc, argv, err);
	if (argc == 4 && strcmp(argv[0], "settle") == 0)
		return gateway_settle(b, argv, err);
	if (argc >= 2 && argc <= 4 && strcmp(argv[0], "payments") == 0 &&
	    (argc < 4 || strcmp(argv[3], "--unassociated") == 0) &&
	    (argc < 3 || argv[2][0] != '-' ||
	        strcmp(argv[argc - 1], "--unassociated") == 0))
		return gateway_payments(b, argc, argv, err);
	return pd_fail(err, PD_EUSAGE,
	    _("Gateway: add ORG NAME --profile card|mobile-money, rotate ORG "
	      "NAME, revoke ORG NAME, list [ORG], set ORG NAME [--method M] "
	      "[--statuses MAP] [--time-zone ZONE] [--account ACCOUNT], settle "
	      "ORG NAME FILE.csv or payments ORG "
	      "[NAME] [--unassociated]"));
}
