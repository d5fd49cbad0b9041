/* document_int.h - what document.c (what receipts and credit notes say)
 * and document_issue.c (issuing them) share; not a public header. */
#ifndef PAYDESK_SERVICE_DOCUMENT_INT_H
#define PAYDESK_SERVICE_DOCUMENT_INT_H
#include "internal.h"

struct doc;

/* What kind of document, for the log, the audit trail and file names. */
struct doc_kind {
	const char *kind;   /* documents.kind */
	const char *entity; /* audit entity */
	const char *what;   /* for messages */
};
/* The receipts' and the credit notes' (document.c). */
extern const struct doc_kind svc_receipt_kind;
extern const struct doc_kind svc_credit_kind;

/* The receipt of a payment (number: receipt number, payment id or
 * transaction id) as a document in *d (doc_free it); res cleared, with
 * the receipt's number. */
int svc_receipt_of(struct svc *s, const char *number, struct doc *d,
    struct doc_result *res, struct pd_err *err);
/* The credit note of v in *d; kept gets the consumer's language it is
 * written in, for the log ("" when it follows the organisation's). */
void svc_credit_doc(
    struct svc *s, const struct credit_view *v, struct doc *d, char kept[16]);

#endif
