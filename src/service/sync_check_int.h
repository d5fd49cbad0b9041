/* sync_check_int.h - what the checks of a pushed record share
 * (sync_check.c, sync_check_pay.c); not a public header. */
#ifndef PAYDESK_SERVICE_SYNC_CHECK_INT_H
#define PAYDESK_SERVICE_SYNC_CHECK_INT_H
#include "internal.h"

/* A date (YYYY-MM-DD or the day of a timestamp) no later than tomorrow.
 * what (here, in sck_money and in sck_number): N_("..."), translated
 * only for a refusal. */
int sck_day(const char *what, const char *s, struct pd_err *err);
/* A time a terminal sent is not before its organisation was added on the
 * central node, less the clock skew allowed. */
int sck_since(const char *what, const char *ts, const struct sync_sender *f,
    struct pd_err *err);
/* 0 <= v <= MONEY_MAX (or -MONEY_MAX <= v with negative). */
int sck_money(const struct svc *s, const char *what, int64_t v, int negative,
    struct pd_err *err);
/* v as a refusal writes an amount, "1234.50" in the organisation's
 * minor digits, no symbol (as the gateway's refusals), into buf
 * (MONEY_BUFSZ bytes); buf returned (helper-250, fault 2: "17319 ... not
 * 1000" in minor units) */
const char *sck_amount(const struct svc *s, char *buf, int64_t v);
/* Each allocation of payment record r between 1 and what its item had
 * due (a pushed or a pulled payment); their sum into *sum (NULL: not
 * wanted). */
int sck_allocs(
    struct svc *s, const struct syncrec *r, int64_t *sum, struct pd_err *err);
/* number is of the series fmt of the sending terminal (t, branch b), for
 * a document dated date. */
int sck_number(const char *what, const char *fmt, const char *number,
    const char *t, const char *b, const char *date, struct pd_err *err);
/* name is a user of the sending terminal's branch, with at least role
 * need for doing what. */
int sck_user(struct svc *s, const struct sync_sender *f, const char *what,
    const char *name, enum role need, const char *doing, struct pd_err *err);
/* A credit note's own fields: reason, remarks, dates, number. */
int sck_note(struct svc *s, const struct sync_sender *from,
    const struct credit_note *cn, struct pd_err *err);
/* What a pushed payment may say (sync_check_pay.c). */
int sck_push_payment(struct svc *s, const struct sync_sender *f,
    const struct syncrec *r, struct pd_err *err);

#endif
