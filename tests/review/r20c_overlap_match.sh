#!/bin/sh
# R20c: a bank transfer reconciled at one terminal stays an unexpected
# credit at the other. The transfer TRX-555 ($30.00, paid at T01, synced)
# is credited on 16 June. T01 imports the bank's export of 16 June, T02 its
# export of 16-17 June (the same credit and one of $45.00) before either
# syncs; after the sync each keeps its own import's line as the live one and
# calls the pulled copy "duplicate". Both run deposit match (issue 20:
# "bank transfers ... to their payments by reference and amount"): T01's
# match goes through, T02's is refused by the central node (the payment is
# matched already; sync: "1 record was refused"), and T02 pulls T01's match
# onto the line it calls a duplicate. T02 then lists the $30.00 as an open
# unexpected_credit on its own line, and report reconciliation for 16 June
# reads Expected $30.00, Matched $30.00, Open 0 at T01 but Expected $0.00,
# Matched $0.00, Difference $30.00, Open 1 at T02. Two nodes disagree on
# the same bank day; the supervisor at T02 is sent after a credit that was
# reconciled (and, matching it by hand, would be refused again).
# Fixed in s43 (s43-L2): a line named by a duplicate copy is the live
# line it duplicates (store_stmt_line_id).
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
PAYDESK_NOW="2026-06-15 10:00:00" t1 jane pay WU-10002 --type bill --items INV-2025-002001 --method "Bank Transfer" --amount 30 --reference TRX-555 >/dev/null 2>&1 || nok "transfer"
t1 mary sync >/dev/null 2>&1 || nok "sync T01"
t2 mary sync >/dev/null 2>&1 || nok "sync T02"
printf 'date;amount;reference;text\n2026-06-16;30,00;TRX-555;Transfer\n' > "$T/s1.csv"
printf 'date;amount;reference;text\n2026-06-16;30,00;TRX-555;Transfer\n2026-06-17;45,00;ABC;Other\n' > "$T/s2.csv"
for t in t1 t2; do $t mary statement mapping add b date=1 amount=2 reference=3 text=4 decimal=comma separator=semicolon header=1 >/dev/null 2>&1 || nok "mapping $t"; done
t1 mary statement import "$T/s1.csv" --mapping b --account NL01BANK0123456789 >/dev/null 2>&1 || nok "import T01"
t2 mary statement import "$T/s2.csv" --mapping b --account NL01BANK0123456789 >/dev/null 2>&1 || nok "import T02"
for t in t1 t2 t1; do $t mary sync >/dev/null 2>&1; done
t1 mary deposit match >/dev/null 2>&1 || nok "deposit match T01"
t2 mary deposit match >/dev/null 2>&1 || nok "deposit match T02"
for t in t1 t2 t1; do $t mary sync >/dev/null 2>&1; done
for t in t1 t2; do
  if $t mary report exceptions 2>/dev/null | grep -q 'TRX-555'; then
    nok "$t lists the reconciled transfer as an open exception: $($t mary report exceptions 2>/dev/null | grep TRX-555 | tr -s ' ')"
  else ok "$t: the TRX-555 credit is not an exception"; fi
done
r1=$(t1 mary report reconciliation --account NL01BANK0123456789 --from 2026-06-15 2>/dev/null | grep '^2026-06-16' | tr -s ' ')
r2=$(t2 mary report reconciliation --account NL01BANK0123456789 --from 2026-06-15 2>/dev/null | grep '^2026-06-16' | tr -s ' ')
[ -n "$r1" ] && [ "$r1" = "$r2" ] && ok "report reconciliation 2026-06-16 alike: $r1" \
  || nok "report reconciliation 2026-06-16: T01 '$r1', T02 '$r2'"
finish
