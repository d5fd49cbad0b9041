/* bench_debts.h - what bench_debts.c (an arrangement made, the daily
 * alert pass) and bench_lists.c (the disconnection and reconnection
 * lists) share. */
#ifndef PAYDESK_BENCH_DEBTS_H
#define PAYDESK_BENCH_DEBTS_H
#include <sqlite3.h>
#include <stdint.h>

#include "paydesk/service.h"

/* Every plan's installments as paydesk reads them (store_arr_items): the
 * day each was paid in full, what later events closed of it and what
 * its own event took off it. */
#define RAW_INSTALLMENTS                                                       \
	"SELECT a.id, a.consumer_id, a.cancelled, a.grace_days,"               \
	" a.misses_allowed, i.due_on, i.amount, i.settled, coalesce((SELECT"   \
	" sum(amount) FROM arrangement_moves WHERE item_id = i.id AND"         \
	" event_id IS NOT i.arr_event), 0), CASE WHEN i.settled = i.amount"    \
	" AND i.settled > (SELECT coalesce(sum(amount), 0) FROM"               \
	" arrangement_moves WHERE item_id = i.id) THEN coalesce((SELECT"       \
	" max(u.d) FROM (SELECT y.paid_on AS d FROM allocations x JOIN"        \
	" payments y ON y.id = x.payment_id WHERE x.item_id = i.id AND"        \
	" x.amount > 0 UNION ALL SELECT applied_on FROM credit_applications"   \
	" WHERE item_id = i.id) AS u), '') ELSE '' END, coalesce((SELECT"      \
	" sum(amount) FROM arrangement_moves WHERE item_id = i.id AND"         \
	" event_id = i.arr_event), 0) FROM arrangements a JOIN items i ON"     \
	" i.plan_id = a.plan_id"

/* A credit the bank took back since (store/internal.h's LINE_REVERSED). */
#define RAW_LINE_REVERSED                                                      \
	"l.id IN (SELECT cl.id FROM bank_statement_lines rv JOIN "             \
	"bank_statements rb ON rb.id = rv.statement_id JOIN "                  \
	"bank_statement_lines cl ON cl.amount = -rv.amount AND cl.amount > 0 " \
	"AND cl.reversal = 0 AND cl.dup_of IS NULL AND cl.booking_date <= "    \
	"rv.booking_date JOIN bank_statements cb ON cb.id = cl.statement_id "  \
	"AND cb.account = rb.account WHERE rv.reversal = 1 AND rv.dup_of IS "  \
	"NULL AND rv.reference = cl.reference AND (cl.reference <> '' OR "     \
	"rv.text = cl.text))"

/* The disconnection and reconnection lists' figures, as of day d (the
 * consumers' ids up to top); 0, or 1 (said) if paydesk failed. */
int bench_lists(struct svc *s, sqlite3 *raw, int32_t d, long top);

#endif
