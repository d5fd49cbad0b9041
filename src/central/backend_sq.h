/* backend_sq.h - what the parts of the central node's storage adapter
 * share (internal to src/central/backend_*.c): the backend, its
 * connections to the organisations' stores and the helpers that hand them
 * out (backend_sqlite.c), and the functions of its table (backend.h) that
 * the other parts define: organisations, terminals and the reads of an
 * organisation's store (backend_admin.c), payment gateways
 * (backend_gateways.c), an organisation moved between stores
 * (backend_move.c). */
#ifndef PAYDESK_CENTRAL_BACKEND_SQ_H
#define PAYDESK_CENTRAL_BACKEND_SQ_H
#include <pthread.h>

#include "backend.h"
#include "paydesk/service.h"
#include "paydesk/store.h"

struct conn {
	char org[33];
	/* the node's configuration with the organisation's currency: the
	 * rules its records are judged by (s.base_cfg points here, so it
	 * lives as long as the connection) */
	struct config cfg;
	struct svc s;
	int busy;
	struct backend *b;
	/* where its store was when opened: path and the move's time (a
	 * moved organisation's connections are made again, issue 22) */
	char where[4300];
	int moved; /* its begin check found the organisation moved */
};

#define SB(b) ((struct sqlite_backend *)(b))

struct sqlite_backend {
	struct backend base;
	int pg; /* PostgreSQL: the stores are schemas of cfg.central_database */
	pthread_mutex_t dir_lock; /* the directory connection */
	struct store *dir;
	/* a second connection to the directory for the token checks, which
	 * run on the network threads as headers arrive: they never wait
	 * for a write (last seen) on the first */
	pthread_mutex_t auth_lock;
	struct store *auth;
	pthread_mutex_t pool_lock;
	struct conn **pool;
	size_t npool;
	/* one writer per organisation store: pushes queue on this in order
	 * of arrival instead of polling SQLite's busy handler */
	struct org_lock {
		char org[33];
		pthread_mutex_t m;
		struct conn *writer; /* opened by the first push */
		/* the writer's checkpoints, on a thread and connection of
		 * their own: a push never waits for the WAL to be copied */
		pthread_t ckpt;
		pthread_mutex_t ckpt_m;
		pthread_cond_t ckpt_cond;
		int ckpt_want, ckpt_stop;
		struct store *ckpt_st; /* with its thread, or NULL */
	} * locks;
	size_t nlocks;
};

/* backend_sqlite.c: where an organisation's store is (sq_loc_path at a
 * location, sq_org_where now), a reader connection borrowed from the pool
 * and given back, the organisation's writer connection taken and put. */
void sq_loc_path(const struct backend *b, const char *org, const char *loc,
    char *out, size_t n);
int sq_org_where(struct backend *b, const char *org, char *out, size_t n,
    char *where, struct pd_err *err);
struct conn *sq_borrow(struct backend *b, const char *org, struct pd_err *err);
void sq_give_back(struct backend *b, struct conn *c);
struct conn *sq_get_writer(struct backend *b, const char *org,
    struct org_lock **out, struct pd_err *err);
void sq_put_writer(struct backend *b, struct org_lock *w, struct conn *c);

/* backend_admin.c */
int sq_org_add(struct backend *b, const char *code, const char *name,
    const char *currency, int digits, struct pd_err *err);
int sq_org_currency(struct backend *b, const char *org, char currency[4],
    int *digits, struct pd_err *err);
int sq_org_name(struct backend *b, const char *org, char *name, size_t n,
    struct pd_err *err);
int sq_org_rename(
    struct backend *b, const char *org, const char *name, struct pd_err *err);
struct org_row *sq_orgs(struct backend *b, size_t *n, struct pd_err *err);
int sq_terminal_add(struct backend *b, const char *org, const char *branch,
    const char *terminal, char *token, struct pd_err *err);
int sq_terminal_revoke(struct backend *b, const char *org, const char *terminal,
    struct pd_err *err);
struct terminal_row *sq_terminals(
    struct backend *b, const char *org, size_t *n, struct pd_err *err);
int sq_import(struct backend *b, const char *org, const char *kind,
    const char *path, int update, struct import_counts *n, struct pd_err *err);
int sq_org_known(struct backend *b, const char *org, struct pd_err *err);
int sq_shifts(struct backend *b, const char *org,
    const struct central_shift_filter *f, central_shift_cb cb, void *arg,
    struct pd_err *err);
int sq_collections(struct backend *b, const char *org, const char *from,
    const char *to, split_cb cb, void *arg, struct pd_err *err);
int sq_doctor(struct backend *b, const char *org, problem_cb cb, void *arg,
    struct pd_err *err);
struct deposit *sq_deposits(
    struct backend *b, const char *org, size_t *n, struct pd_err *err);
struct deposit_cheque *sq_deposit_cheques(struct backend *b, const char *org,
    int64_t deposit_id, size_t *n, struct pd_err *err);
struct central_stmt_row *sq_statements(struct backend *b, const char *org,
    const struct central_recon_filter *f, size_t *n, struct pd_err *err);
int sq_statement_show(struct backend *b, const char *org, const char *name,
    struct statement_view *v, struct pd_err *err);
struct central_exception *sq_exceptions(struct backend *b, const char *org,
    const struct central_recon_filter *f, size_t *n, struct pd_err *err);
struct central_recon_day *sq_recon(struct backend *b, const char *org,
    const struct central_recon_filter *f, size_t *n, struct pd_err *err);
int sq_gaps(struct backend *b, const char *org, const char *terminal,
    series_line_cb cb, void *arg, struct pd_err *err);
struct reanchor_row *sq_reanchors(struct backend *b, const char *org,
    const char *terminal, size_t *n, struct pd_err *err);
int sq_migrate(struct backend *b,
    void (*cb)(const char *org, int version, void *arg), void *arg,
    struct pd_err *err);

/* backend_gateways.c */
int sq_gateway_add(struct backend *b, const char *org, const char *name,
    const char *profile, char *secret, char *path, struct pd_err *err);
int sq_gateway_rotate(struct backend *b, const char *org, const char *name,
    char *secret, char *path, char *old_until, struct pd_err *err);
int sq_gateway_revoke(
    struct backend *b, const char *org, const char *name, struct pd_err *err);
struct gateway_row *sq_gateways(
    struct backend *b, const char *org, size_t *n, struct pd_err *err);
int sq_gateway_get(struct backend *b, const char *org, const char *name,
    struct gateway_row *g, struct pd_err *err);
int sq_gateway_receive(struct backend *b, const char *org,
    struct gw_incoming *in, size_t n, struct pd_err *err);
int sq_gateway_validate(struct backend *b, const char *org, const char *body,
    size_t len, int *accept, struct pd_err *err);
int sq_gateway_set(struct backend *b, const char *org, const char *name,
    const char *method, const char *statuses, const char *time_zone,
    const char *account, struct pd_err *err);
int sq_gateway_settle(struct backend *b, const struct gateway_row *g,
    const char *path, struct gw_settle_result *res, struct pd_err *err);
struct payout_row *sq_gateway_payouts(struct backend *b, const char *org,
    const char *name, size_t *n, struct pd_err *err);
struct gw_payment *sq_gateway_payments(struct backend *b, const char *org,
    const char *name, int unassociated, size_t *n, struct pd_err *err);

/* backend_move.c */
int sq_move(struct backend *b, const char *org, const char *to, int forge,
    move_cb cb, void *arg, struct pd_err *err);

#endif
