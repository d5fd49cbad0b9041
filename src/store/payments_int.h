/* payments_int.h - what a search of payments matches (pay_search.c), as
 * the list of payments (payments.c) builds its query with it; not a
 * public header. */
#ifndef PAYDESK_STORE_PAYMENTS_INT_H
#define PAYDESK_STORE_PAYMENTS_INT_H
#include <stdint.h>

#include "internal.h"

/* What psearch_named_ids keeps for no ids. */
#define NAMED_NONE "SELECT NULL WHERE 0"

/* The consumers a search names, as a SELECT of ids appended to q; none
 * when the text names documents. */
void psearch_consumers(struct store *st, struct qb *q, const char *text);
/* Payments whose numbers or paid items' numbers hold the text: one
 * condition over payments p tested row by row. */
void psearch_docs(struct store *st, struct qb *q, const char *text);
/* The payments whose numbers hold the text as a set of ids, each source
 * read from its own index. */
void psearch_doc_ids(struct store *st, struct qb *q, const char *text);
/* The search as a set of payment ids. */
void psearch_ids(struct store *st, struct qb *q, const char *text);
/* Whether the ids store_search_dense kept are of text and the data is
 * as it was when they were read; forgets them when it is not. */
int psearch_named(struct store *st, const char *text);
/* Read the ids q selects into *slot (the search's text is kept by
 * store_search_dense); how many, -1 on an error. */
int64_t psearch_named_ids(struct store *st, struct qb *q, char **slot);
/* A payment a search names, as its order keeps it. */
struct named_pay {
	char paid_on[11];
	int64_t id;
};
/* The date range, the page's key (paid_on, id), the date order and the
 * page's size of f, appended to a source's SELECT of payments (id,
 * paid_on) on q. */
void psearch_page_tail(struct qb *q, const struct payment_filter *f);
/* The two sources of a search of text as one SELECT of (id, paid_on) on
 * q: the consumers' payments and the numbers' (psearch_consumers,
 * psearch_doc_ids), each with f's tail (psearch_page_tail), their UNION:
 * each source's own page, not every match. */
void psearch_sources(struct store *st, struct qb *q, const char *text,
    const struct payment_filter *f);
/* The page f asks of a search in date order, newest first, with no date
 * range (the ids store_search_dense kept standing: the caller found
 * psearch_named true), from
 * the search's order kept in st, read further as the page needs (a
 * few pages at a time): " AND p.id IN (...)" on q and 1; 0 when it
 * cannot be (another order or a date range, an error reading, or
 * PostgreSQL): the listing then asks the indexes. */
int psearch_order_page(
    struct store *st, struct qb *q, const struct payment_filter *f);

#endif
