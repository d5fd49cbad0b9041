/* upkeep.c - the store's upkeep as use cases: its version, a check of its
 * integrity and kept-in-step amounts, an online backup, the audit chain.
 * Front ends call these; only the service talks to the store. */
#include "internal.h"

int
svc_store_version(struct svc *s)
{
	return store_version(s->st);
}

int64_t
svc_consumer_count(struct svc *s)
{
	return store_consumer_count(s->st);
}

int64_t
svc_store_held_rows(struct svc *s)
{
	return store_held_rows(s->st);
}

int
svc_doctor(struct svc *s, problem_cb cb, void *arg, struct pd_err *err)
{
	return store_doctor(s->st, cb, arg, err);
}

int
svc_backup(struct svc *s, const char *dest, struct pd_err *err)
{
	return store_backup(s->st, dest, err);
}

int
svc_audit_verify(struct svc *s, int64_t *checked, struct pd_err *err)
{
	return store_audit_verify(s->st, checked, err);
}
