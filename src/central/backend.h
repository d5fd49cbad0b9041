/* backend.h - the central node's storage, as the HTTP handlers see it.
 * The handlers (http.c) and the commands (main.c) call only these; both
 * backends, embedded SQLite and PostgreSQL, are backend_sqlite.c's tables
 * of these functions over the same store functions (the store's database
 * seam, src/store/db.h). */
#ifndef PAYDESK_CENTRAL_BACKEND_H
#define PAYDESK_CENTRAL_BACKEND_H
#include <stddef.h>
#include <stdint.h>

#include "paydesk/service.h"

struct backend;
struct import_counts;

/* A table of a moved organisation: the source's rows and money (minor
 * units) and the copy's; same when their content is the same too. */
typedef void (*move_cb)(const char *table, const int64_t src[2],
    const int64_t copy[2], int same, void *arg);

struct terminal_status {
	struct terminal_row t;
	int64_t waiting; /* feed entries it has not pulled */
};

/* An organisation as org list shows it (issue 23). */
struct org_row {
	char code[33], name[256], currency[4];
	int digits;
};

struct backend_ops {
	const char *name;
	/* Check the backend answers (health). */
	int (*health)(struct backend *b, struct pd_err *err);
	/* The terminal a token belongs to (revoked ones too: revoked_at). */
	int (*authenticate)(struct backend *b, const char *token,
	    struct terminal_row *t, struct pd_err *err);
	/* Apply n pushes of one organisation (terminal t[k] sent p[k],
	 * res[k] answers it), in one transaction when they can be
	 * (svc_central_push_group), else each in its own
	 * (svc_central_push); rc[k] 0 applied, -1 with err[k] when the
	 * store failed (nothing of p[k] kept); passes[k] the passes p[k]
	 * took (svc's push_passes). 1 when n > 1 were applied each in its
	 * own (the log says so), else 0. */
	int (*push)(struct backend *b, size_t n,
	    const struct terminal_row *const *t,
	    const struct sync_push *const *p, struct sync_result *const *res,
	    int *rc, int *passes, struct pd_err *err);
	/* A pull page as a response body (caller frees). */
	char *(*pull)(struct backend *b, const struct terminal_row *t,
	    int64_t since, size_t limit, int64_t *cursor, size_t *n,
	    struct pd_err *err);
	/* The organisation's terminals and the feed head. */
	struct terminal_status *(*status)(struct backend *b, const char *org,
	    size_t *n, int64_t *head, struct pd_err *err);
	/* Keep or read t's audit head; see svc_central_anchor. */
	int (*anchor)(struct backend *b, const struct terminal_row *t,
	    const struct sync_anchor *in, struct sync_anchor *out,
	    struct pd_err *err);
	/* A request came from t (last seen, route, cursor/pending or -1). */
	void (*seen)(struct backend *b, const struct terminal_row *t,
	    const char *route, int64_t cursor, int64_t pending);
	/* Administration. */
	/* An organisation with its currency (ISO 4217 code, minor units). */
	int (*org_add)(struct backend *b, const char *code, const char *name,
	    const char *currency, int digits, struct pd_err *err);
	/* Its currency (4 bytes) and minor units (issue 23). */
	int (*org_currency)(struct backend *b, const char *org,
	    char currency[4], int *digits, struct pd_err *err);
	/* Its name in the directory (n bytes), sent to its terminals with
	 * the status; org_rename sets it and the organisation.name setting,
	 * which the feed takes to the terminals that have it already. */
	int (*org_name)(struct backend *b, const char *org, char *name,
	    size_t n, struct pd_err *err);
	int (*org_rename)(struct backend *b, const char *org, const char *name,
	    struct pd_err *err);
	/* Every organisation, in order (*n of them; the caller frees). */
	struct org_row *(*orgs)(
	    struct backend *b, size_t *n, struct pd_err *err);
	/* Register a terminal; token (65 bytes) gets its new token. */
	int (*terminal_add)(struct backend *b, const char *org,
	    const char *branch, const char *terminal, char *token,
	    struct pd_err *err);
	int (*terminal_revoke)(struct backend *b, const char *org,
	    const char *terminal, struct pd_err *err);
	struct terminal_row *(*terminals)(
	    struct backend *b, const char *org, size_t *n, struct pd_err *err);
	/* A CSV import into the organisation (see svc_import). */
	int (*import)(struct backend *b, const char *org, const char *kind,
	    const char *path, int update, struct import_counts *n,
	    struct pd_err *err);
	/* Payment gateways (issue 19). Register one: secret (80 bytes) gets
	 * its new signing secret, path (65) its URL secret for
	 * mobile-money ("" for card); both are kept hashed or as the HMAC
	 * needs them, and shown once by the command. */
	int (*gateway_add)(struct backend *b, const char *org, const char *name,
	    const char *profile, char *secret, char *path, struct pd_err *err);
	/* New secrets (as gateway_add); the previous ones stay valid until
	 * old_until (TS_BUFSZ), [central] gateway_rotate_hours from now. */
	int (*gateway_rotate)(struct backend *b, const char *org,
	    const char *name, char *secret, char *path, char *old_until,
	    struct pd_err *err);
	int (*gateway_revoke)(struct backend *b, const char *org,
	    const char *name, struct pd_err *err);
	struct gateway_row *(*gateways)(
	    struct backend *b, const char *org, size_t *n, struct pd_err *err);
	/* The gateway ORG/NAME (a revoked one too: revoked_at), on the
	 * network threads' own connection; PD_ENOTFOUND when none. */
	int (*gateway_get)(struct backend *b, const char *org, const char *name,
	    struct gateway_row *g, struct pd_err *err);
	/* Keep and apply n authenticated notifications to org's gateways
	 * in one transaction on org's writer (a group commit); see
	 * svc_gateway_receive. */
	int (*gateway_receive)(struct backend *b, const char *org,
	    struct gw_incoming *in, size_t n, struct pd_err *err);
	/* Answer a validation request; see svc_gateway_validate. */
	int (*gateway_validate)(struct backend *b, const char *org,
	    const char *body, size_t len, int *accept, struct pd_err *err);
	/* Set the active gateway's payment method, status mapping, time
	 * zone and settlement account (NULL leaves one as it is; checked by
	 * the caller). */
	int (*gateway_set)(struct backend *b, const char *org, const char *name,
	    const char *method, const char *statuses, const char *time_zone,
	    const char *account, struct pd_err *err);
	/* Import a settlement file of gateway g; see svc_gateway_settle. */
	int (*gateway_settle)(struct backend *b, const struct gateway_row *g,
	    const char *path, struct gw_settle_result *res, struct pd_err *err);
	/* The payments of org's gateway name (NULL: every one's); see
	 * svc_gateway_payments. Caller frees. */
	struct gw_payment *(*gateway_payments)(struct backend *b,
	    const char *org, const char *name, int unassociated, size_t *n,
	    struct pd_err *err);
	/* The payouts of org's gateway name (NULL: every one's) with their
	 * matches; see svc_gateway_payouts. Caller frees. */
	struct payout_row *(*gateway_payouts)(struct backend *b,
	    const char *org, const char *name, size_t *n, struct pd_err *err);
	/* The shifts of org's drawers (issue 20); see svc_central_shifts. */
	int (*shifts)(struct backend *b, const char *org,
	    const struct central_shift_filter *f, central_shift_cb cb,
	    void *arg, struct pd_err *err);
	/* The deposits of org (issue 20), newest first; see
	 * svc_central_deposits. Caller frees. */
	struct deposit *(*deposits)(struct backend *b, const char *org,
	    size_t *n, struct pd_err *err);
	/* The cheques by number of org's deposit deposit_id (an id of
	 * deposits' list), in the order written (review R20, fault 8); see
	 * svc_central_deposit_cheques. Caller frees. */
	struct deposit_cheque *(*deposit_cheques)(struct backend *b,
	    const char *org, int64_t deposit_id, size_t *n, struct pd_err *err);
	/* The reconciliation of org as its terminals' records make it
	 * (issue 20, paydesk-central statements, exceptions and
	 * reconciliation): see svc_central_statements,
	 * svc_central_statement_show, svc_central_exceptions and
	 * svc_central_recon. Callers free. */
	struct central_stmt_row *(*statements)(struct backend *b,
	    const char *org, const struct central_recon_filter *f, size_t *n,
	    struct pd_err *err);
	int (*statement_show)(struct backend *b, const char *org,
	    const char *name, struct statement_view *v, struct pd_err *err);
	struct central_exception *(*exceptions)(struct backend *b,
	    const char *org, const struct central_recon_filter *f, size_t *n,
	    struct pd_err *err);
	struct central_recon_day *(*recon)(struct backend *b, const char *org,
	    const struct central_recon_filter *f, size_t *n,
	    struct pd_err *err);
	/* The Posted payments of org paid from from to to (NULL: open),
	 * per method, largest first (issue 23, paydesk-central
	 * collections); see svc_central_collections. */
	int (*collections)(struct backend *b, const char *org, const char *from,
	    const char *to, split_cb cb, void *arg, struct pd_err *err);
	/* Check org's store as paydesk doctor checks a terminal's (see
	 * svc_doctor): cb gets each problem; their count, or -1 with err
	 * (PD_ENOTFOUND: no such organisation). The engine's own checks
	 * (pages, foreign keys, the search index, seals) on SQLite only. */
	int (*doctor)(struct backend *b, const char *org, problem_cb cb,
	    void *arg, struct pd_err *err);
	void (*close)(struct backend *b);
	/* Bring every organisation's store to this version's schema (the
	 * directory's is at backend_open): cb gets each code and its
	 * schema version; -1 at the first that fails (issue 22). */
	int (*migrate)(struct backend *b,
	    void (*cb)(const char *org, int version, void *arg), void *arg,
	    struct pd_err *err);
	/* The document series of org's terminal (review 18); see
	 * svc_central_gaps. cb NULL: only whether org is one of this node's
	 * (PD_ENOTFOUND). */
	int (*gaps)(struct backend *b, const char *org, const char *terminal,
	    series_line_cb cb, void *arg, struct pd_err *err);
	/* The reanchors of org's terminal (NULL: every one's); see
	 * svc_central_reanchors. Caller frees. */
	struct reanchor_row *(*reanchors)(struct backend *b, const char *org,
	    const char *terminal, size_t *n, struct pd_err *err);
	/* Move org's store to to ("sqlite", "postgresql": [central]
	 * database, or a postgresql:// URI; issue 22): copied under the
	 * source's write lock, each table verified (cb gets the source's
	 * and the copy's sums) and the audit chain, then the directory
	 * switched and the old store set aside (org-CODE_moved_TIME.db, the
	 * schema org_CODE_moved_TIME). A difference is PD_ETAMPER: nothing
	 * switched, the copy set aside as _refused_TIME, the source serving
	 * on. forge: a test's forged difference (PAYDESK_CENTRAL_HOOK). */
	int (*move)(struct backend *b, const char *org, const char *to,
	    int forge, move_cb cb, void *arg, struct pd_err *err);
};

struct backend {
	const struct backend_ops *ops;
	struct config cfg;
	/* test hooks ($PAYDESK_CENTRAL_HOOK), read by the backend */
	long kill_after; /* SIGKILL itself after this many records applied */
	/* SIGKILL itself once this many gateway notifications are kept,
	 * after the commit of the group that reaches it and before any of
	 * that group is answered */
	long kill_after_notes;
	long notes;
	/* hold a push's transaction this long after its first record is
	 * applied (hold-push-ms=N: a late-committing push) */
	long hold_ms;
	/* SIGKILL itself inside the group's transaction, before its commit,
	 * once this many notifications were kept before that group (0:
	 * never): nothing of that group is kept or answered */
	long kill_in_group;
};

/* Open cfg's [central] backend: sqlite (the files of data_dir) or
 * postgresql (the schemas of [central] database), its directory migrated;
 * NULL with err when it cannot be opened. */
struct backend *backend_open(const struct config *cfg, struct pd_err *err);

#endif
