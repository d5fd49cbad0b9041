/* ledger.c - numbering, audit and outbox rows written by every use case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/money.h"
#include "paydesk/numfmt.h"
#include "paydesk/xmalloc.h"

int
svc_next_number(struct svc *s, const char *series, const char *fmt,
    const char *date, char *out, size_t n, struct pd_err *err)
{
	char scope[16];
	int64_t seq;
	struct numfmt_ctx ctx = {date, s->cfg.terminal_id, s->cfg.branch_id};

	numfmt_scope(fmt, date, scope, sizeof scope);
	if (store_series_next(s->st, series, scope, &seq, err) != 0)
		return -1;
	return numfmt_render(fmt, &ctx, seq, out, n, err);
}

int
svc_audit(struct svc *s, const char *at, const char *action, const char *entity,
    const char *ref, const char *detail, struct pd_err *err)
{
	return store_audit_append(s->st, at,
	    s->actor.user_id ? s->actor.username : "system", s->cfg.terminal_id,
	    action, entity, ref, detail, err);
}

int
svc_outbox(struct svc *s, const struct syncrec *r, const char *ref,
    struct pd_err *err)
{
	char *payload = syncrec_encode(r);
	int rc = store_outbox_insert(s->st, r->uuid,
	    syncrec_kind_name(r->kind), ref, payload, r->at, err);

	free(payload);
	return rc;
}

void
svc_syncrec(const struct svc *s, struct syncrec *r, enum syncrec_kind kind,
    const char *uuid, const char *at)
{
	memset(r, 0, sizeof *r);
	r->kind = kind;
	xstrlcpy(r->uuid, uuid, sizeof r->uuid);
	xstrlcpy(r->terminal, s->cfg.terminal_id, sizeof r->terminal);
	xstrlcpy(r->branch, s->cfg.branch_id, sizeof r->branch);
	xstrlcpy(r->at, at, sizeof r->at);
	xstrlcpy(r->currency, s->cfg.currency_code, sizeof r->currency);
}

int
svc_finish(struct svc *s, int rc, struct pd_err *err)
{
	if (rc == 0 && store_commit(s->st, err) == 0)
		return 0;
	store_rollback(s->st);
	return -1;
}

char *
svc_money(const struct svc *s, char *buf, size_t n, int64_t v)
{
	return money_format(
	    buf, n, v, s->cfg.minor_digits, s->cfg.currency_symbol);
}
