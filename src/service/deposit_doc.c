/* deposit_doc.c - the deposit slip (issue 20, "Deposits": a supervisor
 * prints a slip for the bag handed to the bank): the organisation, the
 * slip number, account and day, each shift's cash and cheques, the total
 * per tender and in all. PDF on [receipts] paper or text, in the
 * organisation's language and formats; a reprint is marked COPY like a
 * receipt's (document.c), a void deposit's slip says VOID. It states
 * the deposit's status: prepared, or handed to the bank (when, by whom)
 * and matched. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/doc.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

/* The tenders' totals, in the order the lines first name them, each under
 * the Amount column. */
static void
totals(struct svc *s, const struct deposit_line *l, size_t n, struct doc *d)
{
	const struct i18n_lang *L = d->lang;
	char a[MONEY_BUFSZ], *label;
	size_t i, j;

	for (i = 0; i < n; i++) {
		int64_t sum = 0;

		for (j = 0; j < i; j++)
			if (strcmp(l[j].method, l[i].method) == 0)
				break;
		if (j < i)
			continue;
		for (j = i; j < n; j++)
			if (strcmp(l[j].method, l[i].method) == 0)
				sum += l[j].amount;
		/* under Amount, as the lines (review R20, fault 11): a
		 * field's value stood in the label column */
		label = xasprintf(L_(L, "Total %s"), l[i].method);
		doc_line(d, label, "", "", svc_money(s, a, sizeof a, sum));
		free(label);
	}
}

/* A cheque line's cheques, each with its number, its cashier and amount:
 * those the deposit took by number (deposit_cheque.c; ch, nch), or for
 * one made before it took them so, those its shift's close counted (a
 * shift's cheques were deposited whole). Nothing for cash, or a shift
 * not here. */
static void
cheques(struct svc *s, const struct deposit_line *l,
    const struct deposit_cheque *ch, size_t nch, struct doc *d)
{
	const struct i18n_lang *L = d->lang;
	struct shift_count *c;
	struct shift sh;
	struct pd_err e;
	char a[MONEY_BUFSZ], *label;
	size_t n, i;
	int any = 0;

	for (i = 0; i < nch; i++) {
		if (strcmp(ch[i].shift_uuid, l->shift_uuid) != 0 ||
		    strcmp(ch[i].method, l->method) != 0)
			continue;
		/* one listed with no number at the close (a method whose
		 * number is optional, an older terminal's): said so (s72
		 * h11 fault 1) */
		label = xasprintf(L_(L, "Cheque %s, cashier %s"),
		    ch[i].number[0] ? ch[i].number : L_(L, "(no number)"),
		    ch[i].cashier);
		doc_line(
		    d, "", label, "", svc_money(s, a, sizeof a, ch[i].amount));
		free(label);
		any = 1;
	}
	if (any || store_shift_find(s->st, l->shift_uuid, &sh, &e) != 0)
		return;
	c = store_shift_counts(s->st, sh.id, "close", &n, &e);
	if (c == NULL)
		return;
	for (i = 0; i < n; i++) {
		if (c[i].kind != SHIFT_COUNT_CHEQUE ||
		    strcmp(c[i].method, l->method) != 0)
			continue;
		label = xasprintf(L_(L, "Cheque %s"),
		    c[i].ref[0] ? c[i].ref : L_(L, "(no number)"));
		doc_line(d, "", label, "",
		    svc_money(s, a, sizeof a, c[i].amount));
		free(label);
	}
	free(c);
}

static void
slip_doc(struct svc *s, const struct deposit *dep, const struct deposit_line *l,
    size_t n, struct doc *d)
{
	const struct i18n_lang *L = svc_doc_lang(s, NULL);
	char a[MONEY_BUFSZ], day[SVC_DATE_BUFSZ];
	struct deposit_cheque *ch;
	struct pd_err e = {0};
	size_t i, nch = 0;

	doc_init(d, s->cfg.org_name, s->cfg.org_address,
	    L_(L, "DEPOSIT SLIP"), dep->slip_no);
	d->lang = L;
	if (dep->voided_at[0])
		doc_mark(d, L_(L, "VOID"), dep->void_reason);
	doc_field(d, L_(L, "Bank account"), dep->account);
	doc_field(d, L_(L, "Deposited on"),
	    svc_date(s, day, sizeof day, dep->deposited_on));
	doc_field(d, L_(L, "Prepared by"), dep->created_by);
	doc_field(d, L_(L, "Terminal"), dep->terminal);
	/* its state (issue 20): prepared, the bag made up, until it is
	 * handed to the bank; then when and by whom */
	doc_field(d, L_(L, "Status"), L_(L, dep->status));
	if (dep->handed_at[0]) {
		svc_doc_time(s, d, L_(L, "Handed to the bank"), dep->handed_at);
		doc_field(d, L_(L, "Handed by"), dep->handed_by);
	}
	doc_heading(d, L_(L, "Shifts"));
	doc_columns(d, "", L_(L, "Amount"));
	ch = store_deposit_cheques(s->st, dep->id, &nch, &e);
	for (i = 0; i < n; i++) {
		doc_line(d, l[i].z_no, l[i].method, "",
		    svc_money(s, a, sizeof a, l[i].amount));
		cheques(s, &l[i], ch, ch != NULL ? nch : 0, d);
	}
	free(ch);
	totals(s, l, n, d);
	doc_total(d, L_(L, "Total deposited"),
	    svc_money(s, a, sizeof a, dep->amount));
	svc_doc_stamp(s, d);
}

/* Whether slip is its own file name: ASCII letters, digits, - _ . */
static int
plain(const char *slip)
{
	for (; *slip != '\0'; slip++)
		if (!((*slip >= 'A' && *slip <= 'Z') ||
		        (*slip >= 'a' && *slip <= 'z') ||
		        (*slip >= '0' && *slip <= '9') || *slip == '-' ||
		        *slip == '_' || *slip == '.'))
			return 0;
	return 1;
}

int
svc_deposit_slip_issue(struct svc *s, const char *key,
    const struct doc_request *r, struct doc_result *res, struct pd_err *err)
{
	struct deposit_line *l;
	struct deposit dep;
	struct doc d;
	int64_t before;
	size_t n;
	int rc;

	memset(res, 0, sizeof *res);
	if (svc_deposit_show(s, key, &dep, &l, &n, err) != 0)
		return -1;
	if (store_deposit_slip_rank(
	        s->st, dep.slip_no, dep.id, &before, err) != 0) {
		free(l);
		return -1;
	}
	slip_doc(s, &dep, l, n, &d);
	xstrlcpy(res->origin, dep.terminal, sizeof res->origin);
	free(l);
	/* the document (its file, original and COPY) is this deposit's
	 * own: a slip number used again after a void, or one whose file
	 * name would be another's (BAG#1 and BAG_1 are both BAG_1.pdf),
	 * takes the end of the deposit's uuid, "BAG-3~c8e1a9eb" */
	if (before > 0 || !plain(dep.slip_no)) {
		free(d.number);
		d.number = xasprintf("%s~%s", dep.slip_no,
		    dep.uuid + strlen(dep.uuid) - 8);
	}
	snprintf(res->number, sizeof res->number, "%s", d.number);
	rc = svc_doc_issue(s, "deposit_slip", &d, r, res, err);
	doc_free(&d);
	return rc;
}
