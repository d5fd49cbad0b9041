/* deposit_cheque_check.c - the central node's check of a deposit record's
 * cheques (issue 20): each cheque line's cheques counted at their shift's
 * close, in no other live deposit, listed once, adding up to the line;
 * an older terminal's record, without them, takes all its shifts'
 * cheques left; and the cheques written with the deposit. The cheques a
 * terminal names are deposit_cheque.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/xmalloc.h"

/* Whether line l is of a cheque method. */
static int
cheque_line(struct svc *s, const struct deposit_line *l)
{
	const struct pay_method *m = config_method(&s->cfg, l->method);

	return m != NULL && m->kind == METHOD_BANK && m->cheque;
}

/* Line i's cheques as the record lists them: each counted at its shift's
 * close of that method and amount, in no deposit that is not void, once
 * in the record, their total the line's; none listed (an older
 * terminal's record): every cheque of it not deposited, whose total the
 * line must be. Appended to *all (shift ids set). */
static int
line_cheques(struct svc *s, const struct syncrec *r, size_t i,
    const struct shift *sh, struct deposit_cheque **all, size_t *nall,
    struct pd_err *err)
{
	const struct deposit_line *l = &r->dlines[i];
	struct deposit_cheque *v;
	int64_t sum = 0;
	size_t n, j, k, m, f, listed = 0;
	int rc = 0;
	char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];

	v = svc_cheques_of_shift(s, sh->id, l->method, &n, err);
	if (v == NULL)
		return -1;
	for (j = 0; j < r->ndcheques && rc == 0; j++) {
		const struct deposit_cheque *c = &r->dcheques[j];
		/* one listed with no number, said so (s72 h11 fault 1) */
		const char *no = c->number[0] ? c->number : _("(no number)");

		if (strcmp(c->shift_uuid, l->shift_uuid) != 0 ||
		    strcmp(c->method, l->method) != 0)
			continue;
		listed++;
		/* the first cheque counted of its number (any case) and
		 * amount not deposited and not taken already (two of a
		 * number: review R20, fault 4); else why none is */
		for (k = 0, m = n, f = n; k < n; k++) {
			if (strcasecmp(v[k].number, c->number) != 0)
				continue;
			m = m < n && v[m].amount == c->amount ? m : k;
			if (v[k].amount == c->amount && !v[k].in_slip[0] &&
			    !v[k].released &&
			    !svc_dep_cheque_taken(&v[k], *all, *nall)) {
				f = k;
				break;
			}
		}
		k = f < n ? f : m;
		if (k == n)
			rc = pd_fail(err, PD_EINVAL,
			    _("Deposit cheque %s: shift %s's close counted no "
			      "%s of that number"),
			    no, sh->z_no, c->method);
		else if (v[k].amount != c->amount)
			rc = pd_fail(err, PD_EINVAL,
			    _("Deposit cheque %s of shift %s: amount %s, "
			      "but the close counted %s"),
			    no, sh->z_no,
			    money_plain(
			        m1, sizeof m1, c->amount, s->cfg.minor_digits),
			    money_plain(m2, sizeof m2, v[k].amount,
			        s->cfg.minor_digits));
		else if (f == n && v[k].released)
			rc = pd_fail(err, PD_EINVAL,
			    _("Deposit cheque %s of shift %s was given back: "
			      "its payment was voided after the close"),
			    no, sh->z_no);
		else if (f == n && v[k].in_slip[0])
			rc = pd_fail(err, PD_EINVAL,
			    _("Deposit cheque %s of shift %s is in deposit %s "
			      "already"),
			    no, sh->z_no, v[k].in_slip);
		else if (f == n)
			rc = pd_fail(err, PD_EINVAL,
			    _("Deposit cheque %s of shift %s is listed twice"),
			    no, sh->z_no);
		else {
			sum += c->amount;
			*all = xrealloc(*all, *nall + 1, sizeof **all);
			(*all)[(*nall)++] = v[k];
		}
	}
	if (rc == 0 && listed == 0) {
		/* an older terminal's record: the shift's cheques, all */
		for (k = 0; k < n; k++) {
			if (v[k].in_slip[0] || v[k].released)
				continue;
			sum += v[k].amount;
			*all = xrealloc(*all, *nall + 1, sizeof **all);
			(*all)[(*nall)++] = v[k];
			listed++;
		}
		if (sum != l->amount)
			rc = pd_fail(err, PD_EINVAL,
			    _("Deposit line %zu: shift %s's cheques are "
			      "deposited by number or all of them: %s is not "
			      "the %s of its %zu cheques not deposited"),
			    i + 1, sh->z_no,
			    money_plain(
			        m1, sizeof m1, l->amount, s->cfg.minor_digits),
			    money_plain(
			        m2, sizeof m2, sum, s->cfg.minor_digits),
			    listed);
	} else if (rc == 0 && sum != l->amount)
		rc = pd_fail(err, PD_EINVAL,
		    _("Deposit line %zu: amount %s is not the total of its "
		      "cheques, %s"),
		    i + 1,
		    money_plain(m1, sizeof m1, l->amount, s->cfg.minor_digits),
		    money_plain(m2, sizeof m2, sum, s->cfg.minor_digits));
	free(v);
	return rc;
}

int
svc_dep_check_cheques(struct svc *s, const struct syncrec *r,
    struct deposit_cheque **all, size_t *nall, struct pd_err *err)
{
	struct shift sh;
	size_t i, j;

	*all = NULL;
	*nall = 0;
	/* each cheque of a line of the record's */
	for (j = 0; j < r->ndcheques; j++) {
		for (i = 0; i < r->ndlines; i++)
			if (strcmp(r->dlines[i].shift_uuid,
			        r->dcheques[j].shift_uuid) == 0 &&
			    strcmp(r->dlines[i].method,
			        r->dcheques[j].method) == 0 &&
			    cheque_line(s, &r->dlines[i]))
				break;
		if (i == r->ndlines)
			return pd_fail(err, PD_EINVAL,
			    _("Deposit cheque %s: no cheque line of the "
			      "deposit "
			      "takes shift %s's %s"),
			    r->dcheques[j].number[0] ? r->dcheques[j].number
			                             : _("(no number)"),
			    r->dcheques[j].shift_uuid, r->dcheques[j].method);
	}
	for (i = 0; i < r->ndlines; i++) {
		struct pd_err e = {0};

		/* (a shift not known here: the line's check says so) */
		if (!cheque_line(s, &r->dlines[i]) ||
		    strlen(r->dlines[i].shift_uuid) != 36 ||
		    store_shift_find(s->st, r->dlines[i].shift_uuid, &sh, &e) !=
		        0)
			continue;
		if (line_cheques(s, r, i, &sh, all, nall, err) != 0) {
			free(*all);
			*all = NULL;
			return -1;
		}
	}
	return 0;
}

int
svc_dep_cheques_write(struct svc *s, int64_t deposit_id,
    const struct deposit_cheque *c, size_t n, struct pd_err *err)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (store_deposit_cheque_insert(s->st, deposit_id,
		        c[i].shift_id, c[i].method, c[i].number, c[i].amount,
		        err) != 0)
			return -1;
	return 0;
}
