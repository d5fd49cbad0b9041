/* schema_sql.h - the SQL macros of the store's migrations (schema.c and
 * schema_m*.c): append-only triggers, the report rollups' trigger bodies,
 * the seal triggers; and the migrations' names. Internal to src/store. */
#ifndef PAYDESK_STORE_SCHEMA_SQL_H
#define PAYDESK_STORE_SCHEMA_SQL_H

#define FROZEN(t)                                                              \
	"CREATE TRIGGER " t "_no_delete BEFORE DELETE ON " t " BEGIN "         \
	"SELECT RAISE(ABORT, '" t " is append-only'); END;\n"
#define NO_UPDATE(t)                                                           \
	"CREATE TRIGGER " t "_no_update BEFORE UPDATE ON " t " BEGIN "         \
	"SELECT RAISE(ABORT, '" t " is append-only'); END;\n"

/* A payment becoming Posted adds to the day's and the payer's totals. */
#define ROLLUP_ADD                                                             \
	" INSERT INTO daily_totals (day, collected, payments) VALUES"          \
	"  (NEW.paid_on, NEW.amount, 1) ON CONFLICT (day) DO UPDATE SET"       \
	"  collected = collected + NEW.amount, payments = payments + 1;"       \
	" INSERT INTO payer_totals (consumer_id, total, payments, last_paid)"  \
	"  VALUES (NEW.consumer_id, NEW.amount, 1, NEW.paid_on)"               \
	"  ON CONFLICT (consumer_id) DO UPDATE SET total = total + "           \
	"NEW.amount,"                                                          \
	"  payments = payments + 1, last_paid = max(last_paid, NEW.paid_on);"  \
	" INSERT INTO payer_method_totals (consumer_id, method, total) VALUES" \
	"  (NEW.consumer_id, NEW.method, NEW.amount) ON CONFLICT "             \
	"(consumer_id,"                                                        \
	"  method) DO UPDATE SET total = total + NEW.amount;"
/* Days from issue to payment, and the count, of a payment's allocations. */
#define ALLOC_DAYS_BY(pays)                                                    \
	"SELECT coalesce(sum(max(0, CAST(julianday(NEW.paid_on) -"             \
	" julianday(i.issued_on) AS INTEGER))), 0) FROM allocations a JOIN"    \
	" items i ON i.id = a.item_id WHERE a.payment_id = NEW.id AND " pays
#define ALLOC_COUNT_BY(pays)                                                   \
	"SELECT count(*) FROM allocations a WHERE a.payment_id = NEW.id "      \
	"AND " pays
/* (before migration 85: a payment's first allocations, not what it
 * pays as it stands, PAYS below) */
#define FIRST_ALLOC "a.amount > 0 AND a.reverses IS NULL"
#define ALLOC_DAYS ALLOC_DAYS_BY("a.reverses IS NULL AND a.amount > 0")
#define ALLOC_COUNT ALLOC_COUNT_BY("a.reverses IS NULL AND a.amount > 0")

/* Allocation a is what its payment pays of its item as it stands
 * (migration 85; review R21, helper-240's fault 2): the first of that
 * payment's allocations to that item, when they net above zero, their
 * reversals and what was carried there (a refused change's payment,
 * arrange_carry.c and sync_apply.c's take_more) netted in. One per item
 * a payment pays, whatever path its allocations took: a terminal that
 * took a payment into an installment the central node undid, and then
 * carried it to the bill, counts the bill once and the installment not,
 * as a terminal that pulled the payment as the central node has it. */
#define PAYS(a)                                                                \
	"(" a ".id = (SELECT min(id) FROM allocations INDEXED BY"              \
	" allocations_payment WHERE payment_id = " a ".payment_id AND"         \
	" item_id = " a ".item_id) AND " NET_OF(a) " > 0)"
/* what allocation a's payment pays of its item as it stands: its
 * allocations to it netted, in minor units (from the index by payment,
 * item and amount of migration 85 alone; by item, a bill paid a cent at
 * a time would read each of its allocations) */
#define NET_OF(a)                                                              \
	"(SELECT sum(amount) FROM allocations INDEXED BY allocations_payment"  \
	" WHERE payment_id = " a ".payment_id AND item_id = " a ".item_id)"
/* In a trigger after allocation NEW is inserted: 1 when its payment
 * pays its item now and did not before (PAYS), -1 when it did and no
 * longer does, else 0. */
#define NET_STEP                                                               \
	"(SELECT (s > 0) - (s - NEW.amount > 0) FROM (SELECT sum(amount) AS"   \
	" s FROM allocations INDEXED BY allocations_payment WHERE payment_id"  \
	" = NEW.payment_id AND item_id = NEW.item_id))"

/* A Posted payment into the per-day, per-method rollup. */
#define METHOD_ADD                                                             \
	" INSERT INTO daily_method_totals (day, method, collected, payments)" \
	" VALUES (NEW.paid_on, NEW.method, NEW.amount, 1) ON CONFLICT (day,"  \
	" method) DO UPDATE SET collected = collected + NEW.amount,"         \
	" payments = payments + 1;"

/* A Posted payment's days to pay (behaviour.c): from the due date of the
 * oldest item it paid to its date, over its allocations that pay. */
#define PAY_DAYS_BY(pays, cond)                                                \
	" INSERT OR REPLACE INTO pay_days (consumer_id, paid_on, payment_id,"  \
	" days, terminal, branch) SELECT p.consumer_id, p.paid_on, p.id,"      \
	" CAST(julianday(p.paid_on) - julianday(min(i.due_on)) AS INTEGER),"   \
	" p.terminal, p.branch FROM payments p JOIN allocations a ON"          \
	" a.payment_id = p.id AND " pays " JOIN items i ON i.id = a.item_id"   \
	" WHERE " cond " AND p.status = 'Posted' GROUP BY p.id;"
#define PAY_DAYS_OF(cond) PAY_DAYS_BY(FIRST_ALLOC, cond)

/* What the payments that count (Posted, Pending) allocated to item i on
 * or before its due date (the forecast's paying on time, forecast.c). */
#define PAID_ON_TIME                                                           \
	"(SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN payments"  \
	" p ON p.id = a.payment_id WHERE a.item_id = i.id AND a.reverses IS"   \
	" NULL AND p.status IN ('Posted', 'Pending') AND p.paid_on <="         \
	" i.due_on)"
/* The rows of due_paid where cond (on the items i) says, from the items
 * again: their due and what was paid of it on time. */
#define DUE_PAID_OF(del, cond)                                                 \
	" DELETE FROM due_paid WHERE " del ";"                                 \
	" INSERT INTO due_paid (consumer_id, due_on, due, on_time) SELECT"     \
	" i.consumer_id, i.due_on, sum(i.amount), sum(" PAID_ON_TIME ") FROM"  \
	" items i WHERE " cond " GROUP BY i.consumer_id, i.due_on;"
#define DUE_PAID_AT(cid, day)                                                  \
	DUE_PAID_OF("consumer_id = " cid " AND due_on = " day,               \
	    "i.consumer_id = " cid " AND i.due_on = " day)
/* The consumers' days of the items a payment allocated to. */
#define DUE_PAID_PAYMENT                                                       \
	"(SELECT j.consumer_id, j.due_on FROM allocations a JOIN items j ON"   \
	" j.id = a.item_id WHERE a.payment_id = NEW.id)"
/* (since migration 87) PAID_ON_TIME as it stands: every allocation to
 * item i netted, reversals and carries with the rest, as the central
 * node has the payment (a payment carried off the item pays it
 * nothing; carried onto another, it pays that one) */
#define PAID_ON_TIME_NET                                                       \
	"(SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN payments"  \
	" p ON p.id = a.payment_id WHERE a.item_id = i.id AND p.status IN"     \
	" ('Posted', 'Pending') AND p.paid_on <= i.due_on)"
#define DUE_PAID_NET_OF(del, cond)                                             \
	" DELETE FROM due_paid WHERE " del ";"                                 \
	" INSERT INTO due_paid (consumer_id, due_on, due, on_time) SELECT"     \
	" i.consumer_id, i.due_on, sum(i.amount), sum(" PAID_ON_TIME_NET ")"   \
	" FROM items i WHERE " cond " GROUP BY i.consumer_id, i.due_on;"
/* The rows of paid_by_day where cond (on the items i) says, from the
 * items again: what the payments that count paid of them, by the day
 * each was paid (the forecast's weeks, forecast.c). */
#define PAID_BY_DAY_OF(del, cond)                                              \
	" DELETE FROM paid_by_day WHERE " del ";"                              \
	" INSERT INTO paid_by_day (due_on, consumer_id, paid_on, paid) SELECT" \
	" i.due_on, i.consumer_id, p.paid_on, sum(a.amount) FROM items i JOIN" \
	" allocations a ON a.item_id = i.id AND a.reverses IS NULL JOIN"       \
	" payments p ON p.id = a.payment_id AND p.status IN ('Posted',"        \
	" 'Pending') WHERE " cond " GROUP BY i.due_on, i.consumer_id,"         \
	" p.paid_on;"
#define PAID_BY_DAY_AT(cid, day)                                               \
	PAID_BY_DAY_OF(                                                        \
	    "due_on = " day " AND consumer_id = " cid, SAME_DAY(cid, day))
/* (since migration 87) PAID_BY_DAY_OF as it stands: every allocation
 * netted (PAID_ON_TIME_NET) */
#define PAID_BY_DAY_NET_OF(del, cond)                                          \
	" DELETE FROM paid_by_day WHERE " del ";"                              \
	" INSERT INTO paid_by_day (due_on, consumer_id, paid_on, paid) SELECT" \
	" i.due_on, i.consumer_id, p.paid_on, sum(a.amount) FROM items i JOIN" \
	" allocations a ON a.item_id = i.id JOIN payments p ON p.id ="         \
	" a.payment_id AND p.status IN ('Posted', 'Pending') WHERE " cond      \
	" GROUP BY i.due_on, i.consumer_id, p.paid_on;"
/* The items i of consumer cid due on day, through items_consumer (by
 * items_due, as the planner took the triggers of migration 43 without
 * the store's statistics, every item due that day was read: 27,000 per
 * allocation on the bench store, 1M on a billing cycle's due day) */
#define SAME_DAY(cid, day) "i.consumer_id = " cid " AND +i.due_on = " day
/* those of the item NEW.item_id's consumer and due day */
#define SAME_DAY_ITEM                                                          \
	SAME_DAY("(SELECT consumer_id FROM items WHERE id = NEW.item_id)",     \
	    "(SELECT due_on FROM items WHERE id = NEW.item_id)")
/* those of the consumers and due days of the items payment NEW paid */
#define SAME_DAY_PAYMENT                                                       \
	"i.id IN (SELECT k.id FROM allocations a JOIN items j ON j.id ="       \
	" a.item_id JOIN items k ON k.consumer_id = j.consumer_id AND"         \
	" +k.due_on = j.due_on WHERE a.payment_id = NEW.id)"
#define PAID_BY_DAY_PAYMENT                                                    \
	"(SELECT j.due_on, j.consumer_id FROM allocations a JOIN items j ON"   \
	" j.id = a.item_id WHERE a.payment_id = NEW.id)"

/* The row of item_late of the items where cond (on the items i) says,
 * from the ledger again: the date of the last Posted payment that paid
 * it, kept when a month end falls between its due date and that date
 * (the first month end after due_on: the day after's month's end). */
#define ITEM_LATE_BY(pays, del, cond)                                          \
	" DELETE FROM item_late WHERE " del ";"                                \
	" INSERT INTO item_late (item_id, consumer_id, due_on, done) SELECT"   \
	" i.id, i.consumer_id, i.due_on, max(p.paid_on) FROM items i JOIN"     \
	" allocations a ON a.item_id = i.id AND " pays " JOIN payments p ON"   \
	" p.id = a.payment_id AND p.status = 'Posted' WHERE " cond " GROUP BY" \
	" i.id HAVING max(p.paid_on) > date(i.due_on, '+1 day', 'start of"     \
	" month', '+1 month', '-1 day');"
#define ITEM_LATE_OF(del, cond) ITEM_LATE_BY(FIRST_ALLOC, del, cond)

/* The filtered dashboards' facts (issue 23, migration 48): sign (1 or
 * -1, or an expression of NEW) times the Posted payments where cond (on
 * the payments p, their consumers c) says, by day and by the fields a
 * dashboard filters on, seg the segment they count under. */
#define FACTS_PAY(sign, seg, cond)                                             \
	" INSERT INTO pay_facts (paid_on, terminal, branch, method, channel,"  \
	" user_id, segment, amount, n) SELECT p.paid_on, p.terminal,"          \
	" p.branch, p.method, p.channel, coalesce(p.user_id, 0), " seg ","    \
	" " sign " * sum(p.amount), " sign " * count(*) FROM payments p JOIN"  \
	" consumers c ON c.id = p.consumer_id WHERE " cond " GROUP BY 1, 2,"  \
	" 3, 4, 5, 6, 7 ON CONFLICT (paid_on, terminal, branch, method,"       \
	" channel, user_id, segment) DO UPDATE SET amount = amount +"          \
	" excluded.amount, n = n + excluded.n;"
/* the same of the allocations a (of items i) of those payments: what
 * they paid of items due on a day (reversals net), and the count and the
 * days from issue of those that pay (as the KPIs count them, kpi.c),
 * the item's due and issue days as due and issued say */
#define FACTS_ALLOC_BY(pays, sign, seg, due, issued, cond)                     \
	" INSERT INTO alloc_facts (due_on, paid_on, terminal, branch, method," \
	" channel, user_id, segment, paid, n, days) SELECT " due ","           \
	" p.paid_on, p.terminal, p.branch, p.method, p.channel,"               \
	" coalesce(p.user_id, 0), " seg ", " sign " * sum(a.amount), " sign    \
	" * sum(" pays "), " sign " * sum(CASE"                                \
	" WHEN " pays " THEN max(0,"                                           \
	" CAST(julianday(p.paid_on) - julianday(" issued ") AS INTEGER))"      \
	" ELSE 0 END) FROM allocations a JOIN payments p ON p.id ="            \
	" a.payment_id JOIN items i ON i.id = a.item_id JOIN consumers c ON"   \
	" c.id = p.consumer_id WHERE " cond " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8" \
	" ON CONFLICT (due_on, paid_on, terminal, branch, method, channel,"    \
	" user_id, segment) DO UPDATE SET paid = paid + excluded.paid, n = n"  \
	" + excluded.n, days = days + excluded.days;"
#define FACTS_ALLOC_AT(sign, seg, due, issued, cond)                           \
	FACTS_ALLOC_BY(FIRST_ALLOC, sign, seg, due, issued, cond)
#define FACTS_ALLOC(sign, seg, cond)                                           \
	FACTS_ALLOC_AT(sign, seg, "i.due_on", "i.issued_on", cond)
#define FACTS_PAYS(sign, seg, cond)                                            \
	FACTS_ALLOC_BY(PAYS("a"), sign, seg, "i.due_on", "i.issued_on", cond)
/* sign times the items i where cond says, less what arrangements moved
 * of them, by due day and the segment seg of their consumers c */
#define FACTS_DUE_AT(sign, seg, due, amount, cond)                             \
	" INSERT INTO due_segment (due_on, segment, due) SELECT " due ", "     \
	seg ", " sign " * sum(" amount " - (SELECT coalesce(sum(m.amount), 0)" \
	" FROM arrangement_moves m WHERE m.item_id = i.id)) FROM items i JOIN" \
	" consumers c ON c.id = i.consumer_id WHERE " cond " GROUP BY 1, 2"    \
	" ON CONFLICT (due_on, segment) DO UPDATE SET due = due +"             \
	" excluded.due;"
/* The last DETERIORATING_MAX (20) days to pay of consumer cid at
 * terminal term and branch br (pay_days' rows), newest first, as
 * "paid_on payment_id days" joined by ';' (none: no row). */
#define PAY_RECENT_OF(cid, term, br)                                           \
	"(SELECT group_concat(paid_on || ' ' || payment_id || ' ' || days,"    \
	" ';') FROM (SELECT paid_on, payment_id, days FROM pay_days e WHERE"   \
	" e.consumer_id = " cid " AND e.terminal = " term " AND e.branch = "   \
	br " ORDER BY e.paid_on DESC, e.payment_id DESC LIMIT 20))"
#define PAY_RECENT_AT(cid, term, br)                                           \
	" DELETE FROM pay_recent WHERE consumer_id = " cid " AND terminal = "  \
	term " AND branch = " br ";"                                           \
	" INSERT INTO pay_recent (consumer_id, terminal, branch, recent)"      \
	" SELECT " cid ", " term ", " br ", r FROM (SELECT " PAY_RECENT_OF(    \
	    cid, term, br) " AS r) WHERE r IS NOT NULL;"
/* A row's seal: what it holds of money and rights, written as a pending
 * seal by the row's change; the use case's audit entry claims it. */
#define SEAL_ROW(t, cols)                                                      \
	" INSERT INTO seals (tbl, row_id, fields) SELECT '" t "', NEW.id, f"   \
	" FROM (SELECT json_array(" cols ") AS f FROM " t " WHERE id ="      \
	" NEW.id) WHERE f IS NOT (SELECT fields FROM seals WHERE tbl = '" t  \
	"' AND row_id = NEW.id ORDER BY id DESC LIMIT 1);"
/* (SEAL_ROW, a row's seal: internal.h) */
#define SEAL(t, cols)                                                          \
	"CREATE TRIGGER seal_" t "_ins AFTER INSERT ON " t " BEGIN" SEAL_ROW(  \
	    t, cols) " END;\n"                                                 \
	"CREATE TRIGGER seal_" t "_upd AFTER UPDATE OF " cols " ON " t         \
	" BEGIN" SEAL_ROW(t, cols) " END;\n"                                   \
	"INSERT INTO seals (tbl, row_id, fields) SELECT '" t "', id,"          \
	" json_array(" cols ") FROM " t " ORDER BY id;\n"

/* The triggers of SEAL alone, and the seals of the rows a store already
 * holds, except in a central node's store (it has a feed; its ledger is
 * its terminals' and is not sealed there, schema_central.c). */
#define SEAL_TRIGGERS_OF(t, cols, watched)                                     \
	"CREATE TRIGGER seal_" t "_ins AFTER INSERT ON " t " BEGIN" SEAL_ROW(  \
	    t, cols) " END;\n"                                                 \
	"CREATE TRIGGER seal_" t "_upd AFTER UPDATE OF " watched " ON " t      \
	" BEGIN" SEAL_ROW(t, cols) " END;\n"
#define SEAL_TRIGGERS(t, cols) SEAL_TRIGGERS_OF(t, cols, cols)
#define SEAL_BASE(t, cols)                                                     \
	"INSERT INTO seals (tbl, row_id, fields) SELECT '" t "', id,"          \
	" json_array(" cols ") FROM " t " WHERE NOT EXISTS (SELECT 1 FROM"    \
	" sqlite_master WHERE type = 'table' AND name = 'feed') ORDER BY"     \
	" id;\n"

/* SEAL_BASE for a migration that may run again: only the rows of t
 * that have no seal yet */
#define SEAL_BASE_NEW(t, cols)                                                 \
	"INSERT INTO seals (tbl, row_id, fields) SELECT '" t "', r.id,"        \
	" json_array(" cols ") FROM " t " r WHERE NOT EXISTS (SELECT 1 FROM"  \
	" sqlite_master WHERE type = 'table' AND name = 'feed') AND NOT"      \
	" EXISTS (SELECT 1 FROM seals s WHERE s.tbl = '" t "' AND s.row_id ="  \
	" r.id) ORDER BY r.id;\n"

/* the migrations, one text a version (schema.c lists them in order) */
/* The forecast's triggers migration 87 makes again (its text: never
 * edit it), which a central node's store drops again (schema_central.c) */
#define FORECAST_TRIGGERS_DROP                                                 \
	"DROP TRIGGER IF EXISTS due_paid_item;\n"                              \
	"DROP TRIGGER IF EXISTS due_paid_item_upd;\n"                          \
	"DROP TRIGGER IF EXISTS due_paid_alloc;\n"                             \
	"DROP TRIGGER IF EXISTS due_paid_status;\n"                            \
	"DROP TRIGGER IF EXISTS paid_by_day_item;\n"                           \
	"DROP TRIGGER IF EXISTS paid_by_day_alloc;\n"                          \
	"DROP TRIGGER IF EXISTS paid_by_day_status;\n"

extern const char store_mig_1[];
extern const char store_mig_2[];
extern const char store_mig_3[];
extern const char store_mig_4[];
extern const char store_mig_5[];
extern const char store_mig_6[];
extern const char store_mig_7[];
extern const char store_mig_8[];
extern const char store_mig_9[];
extern const char store_mig_10[];
extern const char store_mig_11[];
extern const char store_mig_12[];
extern const char store_mig_13[];
extern const char store_mig_14[];
extern const char store_mig_15[];
extern const char store_mig_16[];
extern const char store_mig_17[];
extern const char store_mig_18[];
extern const char store_mig_19[];
extern const char store_mig_20[];
extern const char store_mig_21[];
extern const char store_mig_22[];
extern const char store_mig_23[];
extern const char store_mig_24[];
extern const char store_mig_25[];
extern const char store_mig_26[];
extern const char store_mig_27[];
extern const char store_mig_28[];
extern const char store_mig_29[];
extern const char store_mig_30[];
extern const char store_mig_31[];
extern const char store_mig_32[];
extern const char store_mig_33[];
extern const char store_mig_34[];
extern const char store_mig_35[];
extern const char store_mig_36[];
extern const char store_mig_37[];
extern const char store_mig_38[];
extern const char store_mig_39[];
extern const char store_mig_40[];
extern const char store_mig_41[];
extern const char store_mig_42[];
extern const char store_mig_43[];
extern const char store_mig_44[];
extern const char store_mig_45[];
extern const char store_mig_46[];
extern const char store_mig_47[];
extern const char store_mig_48[];
extern const char store_mig_49[];
extern const char store_mig_50[];
extern const char store_mig_51[];
extern const char store_mig_52[];
extern const char store_mig_53[];
extern const char store_mig_54[];
extern const char store_mig_55[];
extern const char store_mig_56[];
extern const char store_mig_57[];
extern const char store_mig_58[];
extern const char store_mig_59[];
extern const char store_mig_60[];
extern const char store_mig_61[];
extern const char store_mig_62[];
extern const char store_mig_63[];
extern const char store_mig_64[];
extern const char store_mig_65[];
extern const char store_mig_66[];
extern const char store_mig_67[];
extern const char store_mig_68[];
extern const char store_mig_69[];
extern const char store_mig_70[];
extern const char store_mig_71[];
extern const char store_mig_72[];
extern const char store_mig_73[];
extern const char store_mig_74[];
extern const char store_mig_75[];
extern const char store_mig_76[];
extern const char store_mig_77[];
extern const char store_mig_78[];
extern const char store_mig_79[];
extern const char store_mig_80[];
extern const char store_mig_81[];
extern const char store_mig_82[];
extern const char store_mig_83[];
extern const char store_mig_84[];
extern const char store_mig_85[];
extern const char store_mig_86[];
extern const char store_mig_87[];
extern const char store_mig_88[];
extern const char store_mig_89[];
extern const char store_mig_90[];
extern const char store_mig_91[];
extern const char store_mig_92[];
extern const char store_mig_93[];
extern const char store_mig_94[];
extern const char store_mig_95[];
extern const char store_mig_96[];
extern const char store_mig_97[];
extern const char store_mig_98[];
extern const char store_mig_99[];

#endif
