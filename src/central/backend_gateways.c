/* backend_gateways.c - the central node's storage adapter (backend_sq.h):
 * the payment gateways, their secrets in the directory and their
 * notifications, validations and settlements in the organisation's store. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backend_sq.h"
#include "paydesk/os.h"
#include "paydesk/sha256.h"
#include "paydesk/xmalloc.h"

/* A new secret: prefix and 64 hex digits of 32 random bytes. */
static void
new_secret(const char *prefix, char *out, size_t n)
{
	unsigned char raw[32];
	char hex[65];

	os_random(raw, sizeof raw);
	sha256_tohex(raw, sizeof raw, hex);
	snprintf(out, n, "%s%s", prefix, hex);
}

int
sq_gateway_add(struct backend *b, const char *org, const char *name,
    const char *profile, char *secret, char *path, struct pd_err *err)
{
	struct gateway_row g;
	int rc;

	memset(&g, 0, sizeof g);
	xstrlcpy(g.org, org, sizeof g.org);
	xstrlcpy(g.name, name, sizeof g.name);
	xstrlcpy(g.profile, profile, sizeof g.profile);
	new_secret("whsec_", secret, sizeof g.secret);
	xstrlcpy(g.secret, secret, sizeof g.secret);
	path[0] = '\0';
	if (strcmp(profile, "mobile-money") == 0) {
		new_secret("", path, 65);
		sha256_hex(path, strlen(path), g.path_hash);
	}
	svc_now(g.created_at);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_org_get(SB(b)->dir, org, NULL, 0, err);
	if (rc == 0)
		rc = store_gateway_add(SB(b)->dir, &g, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

int
sq_gateway_rotate(struct backend *b, const char *org, const char *name,
    char *secret, char *path, char *old_until, struct pd_err *err)
{
	char hash[65];
	time_t t =
	    time(NULL) + (time_t)b->cfg.central_gateway_rotate_hours * 3600;
	struct tm tm;
	int rc;

	localtime_r(&t, &tm);
	strftime(old_until, TS_BUFSZ, "%Y-%m-%d %H:%M:%S", &tm);
	new_secret("whsec_", secret, 80);
	new_secret("", path, 65);
	sha256_hex(path, strlen(path), hash);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_gateway_rotate(
	    SB(b)->dir, org, name, secret, hash, old_until, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

int
sq_gateway_revoke(
    struct backend *b, const char *org, const char *name, struct pd_err *err)
{
	char at[TS_BUFSZ];
	int rc;

	svc_now(at);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_gateway_revoke(SB(b)->dir, org, name, at, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

/* As sq_terminals, of the payment gateways. */
struct gateway_row *
sq_gateways(struct backend *b, const char *org, size_t *n, struct pd_err *err)
{
	struct gateway_row *g;

	if (org != NULL && sq_org_known(b, org, err) != 0)
		return NULL;
	pthread_mutex_lock(&SB(b)->dir_lock);
	g = store_gateways(SB(b)->dir, org, n, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return g;
}

int
sq_gateway_get(struct backend *b, const char *org, const char *name,
    struct gateway_row *g, struct pd_err *err)
{
	int rc;

	pthread_mutex_lock(&SB(b)->auth_lock);
	rc = store_gateway_get(SB(b)->auth, org, name, g, err);
	pthread_mutex_unlock(&SB(b)->auth_lock);
	return rc;
}

/* A test of a crash inside a group of notifications, before its
 * commit: kept, those of the group kept so far. */
static void
group_hook(size_t kept, void *arg)
{
	struct backend *b = arg;

	if (__atomic_load_n(&b->notes, __ATOMIC_SEQ_CST) + (long)kept >=
	    b->kill_in_group)
		raise(SIGKILL);
}

int
sq_gateway_receive(struct backend *b, const char *org, struct gw_incoming *in,
    size_t n, struct pd_err *err)
{
	struct org_lock *w;
	struct conn *c = sq_get_writer(b, org, &w, err);
	long kept, i;
	int rc;

	if (c == NULL)
		return -1;
	rc = svc_gateway_receive(
	    &c->s, in, n, b->kill_in_group > 0 ? group_hook : NULL, b, err);
	sq_put_writer(b, w, c);
	if (rc != 0 || (b->kill_after_notes <= 0 && b->kill_in_group <= 0))
		return rc;
	for (kept = 0, i = 0; i < (long)n; i++)
		kept += in[i].rc == 0 && !in[i].replay;
	kept = __atomic_add_fetch(&b->notes, kept, __ATOMIC_SEQ_CST);
	/* a test of a crash after the commit, before the answers */
	if (b->kill_after_notes > 0 && kept >= b->kill_after_notes)
		raise(SIGKILL);
	return rc;
}

int
sq_gateway_validate(struct backend *b, const char *org, const char *body,
    size_t len, int *accept, struct pd_err *err)
{
	struct conn *c = sq_borrow(b, org, err);
	int rc;

	if (c == NULL)
		return -1;
	rc = svc_gateway_validate(&c->s, body, len,
	    strcmp(b->cfg.central_gateway_unknown, "accept") == 0, accept, err);
	sq_give_back(b, c);
	return rc;
}

int
sq_gateway_set(struct backend *b, const char *org, const char *name,
    const char *method, const char *statuses, const char *time_zone,
    const char *account, struct pd_err *err)
{
	int rc;

	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_gateway_set(
	    SB(b)->dir, org, name, method, statuses, time_zone, account, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

int
sq_gateway_settle(struct backend *b, const struct gateway_row *g,
    const char *path, struct gw_settle_result *res, struct pd_err *err)
{
	struct org_lock *w;
	struct conn *c = sq_get_writer(b, g->org, &w, err);
	int rc;

	if (c == NULL)
		return -1;
	rc = svc_gateway_settle(&c->s, g, path, res, err);
	sq_put_writer(b, w, c);
	return rc;
}

struct payout_row *
sq_gateway_payouts(struct backend *b, const char *org, const char *name,
    size_t *n, struct pd_err *err)
{
	struct conn *c = sq_borrow(b, org, err);
	struct payout_row *p;

	if (c == NULL)
		return NULL;
	p = svc_gateway_payouts(&c->s, name, n, err);
	sq_give_back(b, c);
	return p;
}

struct gw_payment *
sq_gateway_payments(struct backend *b, const char *org, const char *name,
    int unassociated, size_t *n, struct pd_err *err)
{
	struct conn *c = sq_borrow(b, org, err);
	struct gw_payment *g;

	if (c == NULL)
		return NULL;
	g = svc_gateway_payments(&c->s, name, unassociated, n, err);
	sq_give_back(b, c);
	return g;
}
