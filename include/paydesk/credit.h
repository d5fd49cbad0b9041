/* credit.h - credit-note arithmetic and status. */
#ifndef PAYDESK_CREDIT_H
#define PAYDESK_CREDIT_H
#include <stdint.h>
#include "err.h"

struct money_style; /* money.h: amounts in messages are written so */

enum cn_status { CN_ACTIVE, CN_APPLIED, CN_EXPIRED, CN_VOIDED };

/* Rule: 0 < amount <= payment_amount - already_issued. */
int credit_check_amount(int64_t amount, int64_t payment_amount,
    int64_t already_issued, const struct money_style *st, struct pd_err *err);
/* Rule: 0 < amount <= remaining and amount <= item outstanding. */
int credit_check_apply(int64_t amount, int64_t remaining,
    int64_t item_outstanding, const struct money_style *st, struct pd_err *err);
/* Applied when nothing remains, Expired when past expiry (today > expires)
 * with something remaining, else Active; a voided note is Voided. */
enum cn_status credit_status(int64_t amount, int64_t applied,
    int32_t expires_on, int32_t today, int voided);
const char *credit_status_name(enum cn_status s);
/* The status with the context "credit note" for people (i18n_term,
 * TC_): a cell of an X_TERM column or rec_term takes it as it is. */
const char *credit_status_term(enum cn_status s);
/* Longest life of a credit note in days: the bound of [credit_notes]
 * expiry_days (1-3650). */
#define CREDIT_EXPIRY_DAYS_MAX 3650
/* Rule: a credit note expires 1 to CREDIT_EXPIRY_DAYS_MAX days after it
 * was created (days since 1970-01-01 both). */
int credit_check_expiry(
    int32_t created_on, int32_t expires_on, struct pd_err *err);
/* Parse a status name (case-insensitive); -1 if unknown. */
int credit_status_parse(const char *s);
/* What a credit note still has to apply: amount - applied, and 0 once it
 * is voided (a voided note gives nothing more; issue 17 section 4). Every
 * view (details, lists, exports) shows this one figure. */
int64_t credit_remaining(int64_t amount, int64_t applied, int voided);
/* applied / amount * 100 in tenths of a percent, rounded half up. */
int64_t credit_usage_tenths(int64_t applied, int64_t amount);

#endif
