/* consumer.c - searching consumers and their account view. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

struct consumer *
svc_consumer_search(struct svc *s, const char *text, size_t limit, size_t *n,
    struct pd_err *err)
{
	if (svc_check_text(_("Search text"), text, 128, 1, err) != 0) {
		*n = 0;
		return NULL;
	}
	return store_consumer_search(s->st, text, limit, n, err);
}

int
svc_consumer_show(struct svc *s, const char *account, struct consumer_view *v,
    struct pd_err *err)
{
	char today[11];

	memset(v, 0, sizeof *v);
	svc_today(today);
	if (store_consumer_by_account(s->st, account, &v->c, err) != 0 ||
	    store_consumer_balance(s->st, v->c.id, today, &v->b, err) != 0)
		return -1;
	v->items = store_items_open(s->st, v->c.id, -1, &v->nitems, err);
	if (v->items == NULL)
		return -1;
	v->gw = svc_gateway_local(s, 0, v->c.id, NULL, &v->ngw, err);
	if (v->gw == NULL) {
		svc_consumer_view_free(v);
		return -1;
	}
	return 0;
}

void
svc_consumer_view_free(struct consumer_view *v)
{
	free(v->items);
	v->items = NULL;
	free(v->gw);
	v->gw = NULL;
	v->ngw = 0;
}
