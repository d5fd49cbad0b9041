/* backend_admin.c - the central node's storage adapter (backend_sq.h):
 * organisations and their terminals in the directory, an organisation's
 * import, and the reads of its store (shifts, doctor, deposits, gaps,
 * re-anchors); the migration of every organisation's store. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend_sq.h"
#include "paydesk/os.h"
#include "paydesk/sha256.h"
#include "paydesk/xmalloc.h"

int
sq_org_add(struct backend *b, const char *code, const char *name,
    const char *currency, int digits, struct pd_err *err)
{
	char at[TS_BUFSZ];
	struct conn *c;
	int rc;

	svc_now(at);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_org_add(SB(b)->dir, code, name, currency, digits, at, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	if (rc != 0)
		return -1;
	/* create its store now, so a mistake shows at once */
	c = sq_borrow(b, code, err);
	if (c == NULL)
		return -1;
	sq_give_back(b, c);
	return 0;
}

int
sq_org_currency(struct backend *b, const char *org, char currency[4],
    int *digits, struct pd_err *err)
{
	int rc;

	if (sq_org_known(b, org, err) != 0)
		return -1;
	pthread_mutex_lock(&SB(b)->auth_lock);
	rc = store_org_currency(SB(b)->auth, org, currency, digits, err);
	pthread_mutex_unlock(&SB(b)->auth_lock);
	return rc;
}

int
sq_org_name(struct backend *b, const char *org, char *name, size_t n,
    struct pd_err *err)
{
	int rc;

	if (sq_org_known(b, org, err) != 0)
		return -1;
	pthread_mutex_lock(&SB(b)->auth_lock);
	rc = store_org_get(SB(b)->auth, org, name, n, err);
	pthread_mutex_unlock(&SB(b)->auth_lock);
	return rc;
}

/* The name in the directory (org list, the terminals' status) and the
 * organisation.name setting in its store, which its feed takes to the
 * terminals that took the name before (fault 9). The setting first: a
 * failure there leaves both as they were; run again after one at the
 * directory. */
int
sq_org_rename(
    struct backend *b, const char *org, const char *name, struct pd_err *err)
{
	struct org_lock *w;
	struct conn *c;
	char at[TS_BUFSZ];
	int rc;

	if (sq_org_known(b, org, err) != 0)
		return -1;
	c = sq_get_writer(b, org, &w, err);
	if (c == NULL)
		return -1;
	svc_now(at);
	rc = store_begin(c->s.st, err);
	if (rc == 0 &&
	    (svc_setting_put(&c->s, "organisation.name", name, at, err) != 0 ||
	        store_commit(c->s.st, err) != 0)) {
		store_abort(c->s.st);
		rc = -1;
	}
	sq_put_writer(b, w, c);
	if (rc != 0)
		return -1;
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_org_rename(SB(b)->dir, org, name, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

struct org_row *
sq_orgs(struct backend *b, size_t *n, struct pd_err *err)
{
	char(*codes)[33];
	struct org_row *o = NULL;
	size_t i;

	pthread_mutex_lock(&SB(b)->dir_lock);
	codes = store_orgs(SB(b)->dir, n, err);
	if (codes != NULL)
		o = xcalloc(*n + 1, sizeof *o);
	for (i = 0; codes != NULL && i < *n; i++) {
		xstrlcpy(o[i].code, codes[i], sizeof o[i].code);
		if (store_org_get(SB(b)->dir, codes[i], o[i].name,
		        sizeof o[i].name, err) != 0 ||
		    store_org_currency(SB(b)->dir, codes[i], o[i].currency,
		        &o[i].digits, err) != 0) {
			free(o);
			o = NULL;
			break;
		}
	}
	pthread_mutex_unlock(&SB(b)->dir_lock);
	free(codes);
	return o;
}

int
sq_terminal_add(struct backend *b, const char *org, const char *branch,
    const char *terminal, char *token, struct pd_err *err)
{
	struct terminal_row t;
	unsigned char raw[32];
	char hash[65];
	size_t i;
	int rc;

	os_random(raw, sizeof raw);
	for (i = 0; i < sizeof raw; i++)
		sprintf(token + 2 * i, "%02x", raw[i]);
	sha256_hex(token, strlen(token), hash);
	memset(&t, 0, sizeof t);
	xstrlcpy(t.org, org, sizeof t.org);
	xstrlcpy(t.branch, branch, sizeof t.branch);
	xstrlcpy(t.terminal, terminal, sizeof t.terminal);
	svc_now(t.created_at);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_org_get(SB(b)->dir, org, NULL, 0, err);
	if (rc == 0)
		rc = store_terminal_add(SB(b)->dir, &t, hash, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

int
sq_terminal_revoke(struct backend *b, const char *org, const char *terminal,
    struct pd_err *err)
{
	char at[TS_BUFSZ];
	int rc;

	svc_now(at);
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_terminal_revoke(SB(b)->dir, org, terminal, at, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

/* An organisation's terminals, or every organisation's (org NULL); an
 * organisation this node does not have is named, not listed as empty. */
struct terminal_row *
sq_terminals(struct backend *b, const char *org, size_t *n, struct pd_err *err)
{
	struct terminal_row *t;

	if (org != NULL && sq_org_known(b, org, err) != 0)
		return NULL;
	pthread_mutex_lock(&SB(b)->dir_lock);
	t = store_terminals(SB(b)->dir, org, n, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return t;
}

int
sq_import(struct backend *b, const char *org, const char *kind,
    const char *path, int update, struct import_counts *n, struct pd_err *err)
{
	struct org_lock *w;
	struct setting set;
	struct conn *c;
	int rc, found = 0;

	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_org_get(SB(b)->dir, org, NULL, 0, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	if (rc != 0)
		return -1;
	c = sq_get_writer(b, org, &w, err);
	if (c == NULL)
		return -1;
	rc = svc_import(&c->s, kind, path, update, n, err);
	/* an organisation.name setting is its name in the directory too
	 * (org list, the status its new terminals take it from: fault 9) */
	if (rc == 0 && strcmp(kind, "settings") == 0)
		found =
		    store_setting_get(c->s.st, "organisation.name", &set, err);
	sq_put_writer(b, w, c);
	if (rc != 0 || found != 1)
		return rc != 0 || found < 0 ? -1 : 0;
	pthread_mutex_lock(&SB(b)->dir_lock);
	rc = store_org_rename(SB(b)->dir, org, set.value, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	return rc;
}

/* Org is one of this node's (a list opens no organisation's store into
 * being): 0, or -1 with PD_ENOTFOUND. */
int
sq_org_known(struct backend *b, const char *org, struct pd_err *err)
{
	char path[4200];

	if (sq_org_where(b, org, path, sizeof path, NULL, err) == 0)
		return 0;
	if (err->code != PD_ENOTFOUND)
		return -1;
	/* the same words on both engines */
	return pd_fail(err, PD_ENOTFOUND,
	    _("No organisation %s here (paydesk-central org add)"), org);
}

int
sq_shifts(struct backend *b, const char *org,
    const struct central_shift_filter *f, central_shift_cb cb, void *arg,
    struct pd_err *err)
{
	struct conn *c;
	int rc;

	if (sq_org_known(b, org, err) != 0 ||
	    (c = sq_borrow(b, org, err)) == NULL)
		return -1;
	rc = svc_central_shifts(&c->s, f, cb, arg, err);
	sq_give_back(b, c);
	return rc;
}

int
sq_collections(struct backend *b, const char *org, const char *from,
    const char *to, split_cb cb, void *arg, struct pd_err *err)
{
	struct conn *c;
	int rc;

	if (sq_org_known(b, org, err) != 0 ||
	    (c = sq_borrow(b, org, err)) == NULL)
		return -1;
	rc = svc_central_collections(&c->s, from, to, cb, arg, err);
	sq_give_back(b, c);
	return rc;
}

int
sq_doctor(struct backend *b, const char *org, problem_cb cb, void *arg,
    struct pd_err *err)
{
	struct conn *c;
	int rc;

	if (sq_org_known(b, org, err) != 0 ||
	    (c = sq_borrow(b, org, err)) == NULL)
		return -1;
	rc = svc_doctor(&c->s, cb, arg, err);
	sq_give_back(b, c);
	return rc;
}

struct deposit *
sq_deposits(struct backend *b, const char *org, size_t *n, struct pd_err *err)
{
	struct deposit *v;
	struct conn *c;

	if (sq_org_known(b, org, err) != 0 ||
	    (c = sq_borrow(b, org, err)) == NULL)
		return NULL;
	v = svc_central_deposits(&c->s, n, err);
	sq_give_back(b, c);
	return v;
}

struct deposit_cheque *
sq_deposit_cheques(struct backend *b, const char *org, int64_t deposit_id,
    size_t *n, struct pd_err *err)
{
	struct deposit_cheque *v;
	struct conn *c;

	if (sq_org_known(b, org, err) != 0 ||
	    (c = sq_borrow(b, org, err)) == NULL)
		return NULL;
	v = svc_central_deposit_cheques(&c->s, deposit_id, n, err);
	sq_give_back(b, c);
	return v;
}

/* The reconciliation's reads of org's store (issue 20): on a connection
 * borrowed for the read, as deposits. */
struct central_stmt_row *
sq_statements(struct backend *b, const char *org,
    const struct central_recon_filter *f, size_t *n, struct pd_err *err)
{
	struct central_stmt_row *v;
	struct conn *c;

	if (sq_org_known(b, org, err) != 0 ||
	    (c = sq_borrow(b, org, err)) == NULL)
		return NULL;
	v = svc_central_statements(&c->s, f, n, err);
	sq_give_back(b, c);
	return v;
}

int
sq_statement_show(struct backend *b, const char *org, const char *name,
    struct statement_view *v, struct pd_err *err)
{
	struct conn *c;
	int rc;

	if (sq_org_known(b, org, err) != 0 ||
	    (c = sq_borrow(b, org, err)) == NULL)
		return -1;
	rc = svc_central_statement_show(&c->s, name, v, err);
	sq_give_back(b, c);
	return rc;
}

struct central_exception *
sq_exceptions(struct backend *b, const char *org,
    const struct central_recon_filter *f, size_t *n, struct pd_err *err)
{
	struct central_exception *v;
	struct conn *c;

	if (sq_org_known(b, org, err) != 0 ||
	    (c = sq_borrow(b, org, err)) == NULL)
		return NULL;
	v = svc_central_exceptions(&c->s, f, n, err);
	sq_give_back(b, c);
	return v;
}

struct central_recon_day *
sq_recon(struct backend *b, const char *org,
    const struct central_recon_filter *f, size_t *n, struct pd_err *err)
{
	struct central_recon_day *v;
	struct conn *c;

	if (sq_org_known(b, org, err) != 0 ||
	    (c = sq_borrow(b, org, err)) == NULL)
		return NULL;
	v = svc_central_recon(&c->s, f, n, err);
	sq_give_back(b, c);
	return v;
}

int
sq_gaps(struct backend *b, const char *org, const char *terminal,
    series_line_cb cb, void *arg, struct pd_err *err)
{
	struct conn *c;
	int rc;

	if (sq_org_known(b, org, err) != 0)
		return -1;
	if (cb == NULL)
		return 0;
	if ((c = sq_borrow(b, org, err)) == NULL)
		return -1;
	rc = svc_central_gaps(&c->s, terminal, cb, arg, err);
	sq_give_back(b, c);
	return rc;
}

struct reanchor_row *
sq_reanchors(struct backend *b, const char *org, const char *terminal,
    size_t *n, struct pd_err *err)
{
	struct reanchor_row *v;
	struct conn *c;

	if (sq_org_known(b, org, err) != 0 ||
	    (c = sq_borrow(b, org, err)) == NULL)
		return NULL;
	v = svc_central_reanchors(&c->s, terminal, n, err);
	sq_give_back(b, c);
	return v;
}

int
sq_migrate(struct backend *b,
    void (*cb)(const char *org, int version, void *arg), void *arg,
    struct pd_err *err)
{
	char(*orgs)[33];
	struct conn *c;
	size_t i, n;
	int rc = 0;

	pthread_mutex_lock(&SB(b)->dir_lock);
	orgs = store_orgs(SB(b)->dir, &n, err);
	pthread_mutex_unlock(&SB(b)->dir_lock);
	if (orgs == NULL)
		return -1;
	/* opening a store migrates it */
	for (i = 0; i < n && rc == 0; i++) {
		if ((c = sq_borrow(b, orgs[i], err)) == NULL) {
			rc = -1;
			break;
		}
		cb(orgs[i], store_version(c->s.st), arg);
		sq_give_back(b, c);
	}
	free(orgs);
	return rc;
}
