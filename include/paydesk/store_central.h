/* store_central.h - moving an organisation between engines, the
 * central node's directory, and payment gateways with their notifications
 * at the central node and at a terminal.
 *
 * Part of store.h: include store.h, never this file (it holds only
 * declarations that follow those before it there). */
#ifndef PAYDESK_STORE_CENTRAL_H
#define PAYDESK_STORE_CENTRAL_H

/* Moving an organisation's store to the other engine (issue 22,
 * paydesk-central move; src/store/move.c). */
struct table_sum {
	char table[64];
	int64_t rows;
	int64_t money;   /* the sum of its money columns, minor units */
	uint64_t digest; /* its rows' content, whatever their order */
};
/* The tables of organisation store src that dst has too, but the
 * engine's own (schema version, meta, full-text tables, feed_head): *out
 * an array of *n names, the caller's to free. A table of src with rows
 * that dst lacks is refused (PD_EINVAL): it would be left behind. */
int store_org_tables(struct store *src, struct store *dst, char (**out)[64],
    size_t *n, struct pd_err *err);
/* table of st summed over the columns other has too. */
int store_table_sum(struct store *st, struct store *other, const char *table,
    struct table_sum *sum, struct pd_err *err);
/* Copy every table of src into dst, an empty organisation store of the
 * same version (store_org_empty), in one transaction of dst with its
 * triggers off; src is only read. */
int store_org_copy(struct store *src, struct store *dst, struct pd_err *err);
/* Whether st holds no feed, consumer, audit entry or applied record. */
int store_org_empty(struct store *st);
/* In st's open transaction: the lock that a move takes exclusive and
 * every central writer shared (PostgreSQL: a transaction advisory lock
 * of the schema; SQLite: BEGIN IMMEDIATE is it, a no-op). */
int store_move_guard(struct store *st, int exclusive, struct pd_err *err);
/* PostgreSQL: rename st's schema with suffix added, in its open
 * transaction (a moved organisation's old store); SQLite: a no-op (the
 * caller renames the file once it is closed). */
int store_retire(struct store *st, const char *suffix, struct pd_err *err);
/* A test's forged difference in a copy (PAYDESK_CENTRAL_HOOK=move-forge,
 * paydesk-central(8) ENVIRONMENT): the newest item's amount one more. */
void store_forge_item(struct store *st);
/* check runs in each outermost transaction of st once it has begun; its
 * failure aborts the transaction and is store_begin's (NULL: none). */
void store_set_begin_check(struct store *st,
    int (*check)(struct store *st, void *arg, struct pd_err *err), void *arg);

/* The central node's directory of organisations and terminals. A path
 * "pg:SCHEMA CONNINFO" (here and for store_open_central) is a schema of a
 * PostgreSQL database instead of a file (issue 22): SCHEMA of letters,
 * digits, '_' and '-', CONNINFO libpq's ("" for the PG* variables). */
int store_open_directory(
    const char *path, int create, struct store **out, struct pd_err *err);
/* An organisation with its currency (ISO 4217 code, minor units), in
 * one transaction. */
int store_org_add(struct store *st, const char *code, const char *name,
    const char *currency, int digits, const char *at, struct pd_err *err);
/* Organisation code's currency (issue 23); PD_ENOTFOUND when none. */
int store_org_currency(struct store *st, const char *code, char currency[4],
    int *digits, struct pd_err *err);
/* The organisations without a currency (made before issue 23) given
 * this one, the node's [organisation] currency_code and minor_digits. */
int store_org_currency_fill(struct store *st, const char *currency,
    int digits, struct pd_err *err);
/* PD_ENOTFOUND when there is no such organisation. */
int store_org_get(struct store *st, const char *code, char *name, size_t n,
    struct pd_err *err);
/* Organisation code's name in the directory set to name (org rename);
 * PD_ENOTFOUND when there is no such organisation. */
int store_org_rename(
    struct store *st, const char *code, const char *name, struct pd_err *err);
/* Where organisation code's store is (out, n bytes): "" the node's
 * [central] backend, "sqlite" a file of data_dir, "postgresql CONNINFO"
 * a schema of that database (paydesk-central move); moved_at (TS_BUFSZ,
 * or NULL) when it was last moved there ("" never). PD_ENOTFOUND when
 * there is no such organisation. */
int store_org_location(struct store *st, const char *code, char *out,
    size_t n, char *moved_at, struct pd_err *err);
int store_org_set_location(struct store *st, const char *code,
    const char *loc, const char *at, struct pd_err *err);
/* The codes of every organisation, in order, as one array of 33-byte
 * strings (*n of them; the caller frees it); NULL on error. */
char (*store_orgs(struct store *st, size_t *n, struct pd_err *err))[33];
int store_terminal_add(struct store *st, const struct terminal_row *t,
    const char *token_hash, struct pd_err *err);
int store_terminal_revoke(struct store *st, const char *org,
    const char *terminal, const char *at, struct pd_err *err);
/* By token hash; PD_ENOTFOUND when no terminal has it. */
int store_terminal_by_token(struct store *st, const char *token_hash,
    struct terminal_row *t, struct pd_err *err);
/* All terminals of org (NULL: of every organisation). */
struct terminal_row *store_terminals(
    struct store *st, const char *org, size_t *n, struct pd_err *err);
/* A request from the terminal: when, which route; cursor and pending
 * when known (-1: keep). */
int store_terminal_seen(struct store *st, const char *org,
    const char *terminal, const char *at, const char *route, int64_t cursor,
    int64_t pending, struct pd_err *err);
/* The terminal was handed the changes of the rules up to feed entry seq
 * at time at (kept once per seq, src/store/rules.c). store_terminal_marks:
 * its marks, oldest first (caller frees), and first gets when a terminal
 * of that id was first added to org ("" none). */
int store_terminal_mark(struct store *st, const char *org, const char *terminal,
    int64_t seq, const char *at, struct pd_err *err);
struct rule_mark *store_terminal_marks(struct store *st, const char *org,
    const char *terminal, char first[TS_BUFSZ], size_t *n, struct pd_err *err);
/* Retention ([central] history_days, review 18): delete the terminal's
 * marks older than before (a time or a date), except the newest of those
 * (the rules in force then, which a record made since is judged by). */
int store_terminal_marks_prune(struct store *st, const char *org,
    const char *terminal, const char *before, struct pd_err *err);

/* Payment gateways in the directory (issue 19). store_gateway_add: a
 * second active gateway of the same name is PD_EINVAL. store_gateway_get:
 * the active one, else the latest revoked one (revoked_at set), else
 * PD_ENOTFOUND. store_gateway_rotate: the current secrets become the
 * previous ones, valid until old_until; g gets the row after. */
int store_gateway_add(
    struct store *st, const struct gateway_row *g, struct pd_err *err);
int store_gateway_get(struct store *st, const char *org, const char *name,
    struct gateway_row *g, struct pd_err *err);
int store_gateway_rotate(struct store *st, const char *org, const char *name,
    const char *secret, const char *path_hash, const char *old_until,
    struct pd_err *err);
int store_gateway_revoke(struct store *st, const char *org, const char *name,
    const char *at, struct pd_err *err);
/* Set the active gateway NAME of ORG's payment method, status mapping,
 * time zone and settlement account (NULL leaves one as it is);
 * PD_ENOTFOUND when there is none. */
int store_gateway_set(struct store *st, const char *org, const char *name,
    const char *method, const char *statuses, const char *time_zone,
    const char *account, struct pd_err *err);
/* All gateways of org (NULL: of every organisation), revoked ones too. */
struct gateway_row *store_gateways(
    struct store *st, const char *org, size_t *n, struct pd_err *err);

/* A gateway notification kept as received, once per gateway and event
 * id: 1 and its id when new, 0 when that event was kept already (a
 * replay: nothing written), -1 on error. In the caller's transaction. */
int store_gw_notification_put(struct store *st, const char *gateway,
    const struct gw_event *ev, const char *at, const char *source,
    const char *headers, const char *body, size_t len, int64_t *id,
    struct pd_err *err);
/* The payment ev reports, added or moved to ev's status when ev is not
 * older (event_time) than the event it holds; an account reference
 * already known is kept when ev has none. */
int store_gw_payment_apply(struct store *st, const char *gateway,
    const struct gw_event *ev, int64_t notification, const char *at,
    struct pd_err *err);
/* The consumer whose account number matches ref (ignoring case, spaces
 * and dashes; the one matching it but for case when several do): 1 with
 * *id, 0 when none (*id 0), their count (2 or more, *id 0) when several
 * match and none but for case, with their account numbers joined with
 * ", " into accounts (n bytes, as many as fit); -1 on error. */
int store_gw_consumer_by_ref(struct store *st, const char *ref, int64_t *id,
    char *accounts, size_t n, struct pd_err *err);
/* The consumers whose phone is national (digits, without the calling
 * code), written as it is, with a trunk 0, or with the calling code cc
 * (digits; "" for none) or 00 and cc in front: their count, the first's
 * id in *id, and their account numbers joined with ", " into accounts
 * (n bytes, as many as fit); -1 on error. */
int store_gw_phone_owners(struct store *st, const char *national,
    const char *cc, int64_t *id, char *accounts, size_t n,
    struct pd_err *err);
/* Gateway GATEWAY's payment CODE, with its consumer's account number and
 * its ledger payment's number; PD_ENOTFOUND when there is none. */
int store_gw_payment_get(struct store *st, const char *gateway,
    const char *code, struct gw_payment *g, struct pd_err *err);
/* Write what the central node worked out of g (id): its webhook and
 * settlement statuses, consumer, candidates, ledger payment, fee,
 * settlement day and processing time. */
int store_gw_payment_save(
    struct store *st, const struct gw_payment *g, struct pd_err *err);
/* Central: up to limit of the gateway payments still unassociated that
 * no terminal associated or disassociated (manual 0), of id > after, by
 * id (a re-match walks them a page at a time); caller frees. */
struct gw_payment *store_gw_unmatched(struct store *st, int64_t after,
    size_t limit, size_t *n, struct pd_err *err);
/* The payments of gateway (NULL: of every gateway), only the
 * unassociated ones when unassociated, oldest paid first; caller frees. */
struct gw_payment *store_gw_payments(struct store *st, const char *gateway,
    int unassociated, size_t *n, struct pd_err *err);
/* Gateway payment id of the central node (PD_ENOTFOUND). */
int store_gw_payment_by_id(
    struct store *st, int64_t id, struct gw_payment *g, struct pd_err *err);
/* The payout of gateway payment gateway code into out ("" none): a
 * terminal's pulled payment, or the central node's. */
int store_gwl_payout(struct store *st, const char *gateway, const char *code,
    char *out, size_t size, struct pd_err *err);
/* At the central node: the payouts of gateway ("" every gateway's), by
 * gateway and payout id; *n of them; free(). */
struct payout_row *store_gw_payouts_central(
    struct store *st, const char *gateway, size_t *n, struct pd_err *err);
/* At the central node: payout payout of gateway (gateway_payouts), its
 * first payment's id (*rep, 0 when there is no such payout), how many
 * payments, what they make less their fees, and whether a match holds
 * any of them (*taken). */
int store_gw_payout_central(struct store *st, const char *gateway,
    const char *payout, int64_t *rep, int64_t *n, int64_t *net, int *taken,
    struct pd_err *err);
/* At a terminal (issue 19): keep a pulled gateway payment, the central
 * node's version replacing what was here (g->consumer_id a local id, 0
 * none; g->payment_uuid its ledger payment, "" none). */
int store_gwl_put(struct store *st, const struct gw_payment *g, const char *at,
    struct pd_err *err);
/* The pulled gateway payment code of gateway, with its account,
 * payment number and association state (PD_ENOTFOUND). */
int store_gwl_get(struct store *st, const char *gateway, const char *code,
    struct gw_payment *g, struct pd_err *err);
/* Which pulled gateway payments store_gwl_list returns: only the
 * unassociated; only consumer_id's (0: any); of gateway and of code
 * (NULL: any); search a part of the code, phone, reference, candidates
 * or account (NULL: any), or amount (minor units; -1 none) exactly. */
struct gwl_filter {
	int unassociated;
	int64_t consumer_id;
	const char *gateway, *code, *search;
	int64_t amount;
	/* with search: a phone as typed, its national digits (the payer's
	 * phone holds them); NULL when the search is not a phone */
	const char *phone;
	/* the one of this ledger payment (NULL: any) */
	const char *payment_uuid;
};
/* The gateway of the pulled payments named name, ignoring case, into out
 * as it is stored: 0; 1 when none has that name, with known (size bytes)
 * the names there are, ", "-joined ("" when none); -1 on error. */
int store_gwl_gateway(struct store *st, const char *name, char out[48],
    char *known, size_t size, struct pd_err *err);
/* The pulled gateway payments f selects, oldest paid first; caller
 * frees. */
struct gw_payment *store_gwl_list(struct store *st, const struct gwl_filter *f,
    size_t *n, struct pd_err *err);

#endif
