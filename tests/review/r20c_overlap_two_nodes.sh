#!/bin/sh
# R20c: two terminals disagree on which copy of a statement line is the
# bank's line. The bank's export of 16 June (one credit of $30.00, TRX-555)
# is imported at T01, its export of 16-17 June (the same credit and one of
# $45.00) at T02, before either syncs. Issue 20: "the same statement
# imported twice is recognised, not doubled"; the central node and the back
# office see the same figures, and exceptions are resolved "all of it
# audited" once. After the sync each terminal keeps its own import's line
# and marks the pulled one "duplicate": T01 lists line 1 of
# the short statement as the live credit, T02 line 1 of the long one
# (statement show: "Already in statement" points opposite ways). A
# supervisor at T02 resolves unexpected_credit on its line (note
# "Refunded"); after the sync T01 still lists the $30.00 credit as an open
# unexpected_credit (under the other statement's name), and report
# reconciliation for 16 June reads Open 1 at T01, 0 at T02. The resolution
# is listed by reconcile resolved at both, against a line T01 calls a
# duplicate.
# Partly fixed in s43 (s43-L2): a resolution on either copy closes the
# exception at every node; which copy each calls live (its name) still
# depended on arrival. Fixed in s44 (s44-ov): the live copy is the one in
# the statement the central node accepted first, its word taken by every
# terminal at its pull (T02's copy becomes a duplicate of T01's there,
# what hung on it moved); T02's resolve naming its own copy, a duplicate
# by then, resolves the line it duplicates.
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
printf 'date;amount;reference;text\n2026-06-16;30,00;TRX-555;Transfer\n' > "$T/s1.csv"
printf 'date;amount;reference;text\n2026-06-16;30,00;TRX-555;Transfer\n2026-06-17;45,00;ABC;Other\n' > "$T/s2.csv"
for t in t1 t2; do $t mary statement mapping add b date=1 amount=2 reference=3 text=4 decimal=comma separator=semicolon header=1 >/dev/null 2>&1 || nok "mapping $t"; done
s1=$(t1 mary statement import "$T/s1.csv" --mapping b --account NL01BANK0123456789 2>/dev/null | sed -n 's/^Statement  *//p')
s2=$(t2 mary statement import "$T/s2.csv" --mapping b --account NL01BANK0123456789 2>/dev/null | sed -n 's/^Statement  *//p')
[ -n "$s1" ] && [ -n "$s2" ] || nok "imports"
t1 mary sync >/dev/null 2>&1 || nok "sync T01"
t2 mary sync >/dev/null 2>&1 || nok "sync T02"
t1 mary sync >/dev/null 2>&1 || nok "sync T01 again"
# which line each terminal keeps as the live one
d1=$(t1 mary statement show "$s1" 2>/dev/null | grep -c 'Status: duplicate')
d2=$(t2 mary statement show "$s1" 2>/dev/null | grep -c 'Status: duplicate')
[ "$d1" = "$d2" ] && ok "both terminals agree whether $s1:1 is a duplicate" \
  || nok "T01 says $s1:1 duplicate=$d1, T02 says duplicate=$d2: each keeps its own import's line"
e1=$(t1 mary report exceptions 2>/dev/null | awk '/unexpected_credit/ && /TRX-555/ {print $4}')
e2=$(t2 mary report exceptions 2>/dev/null | awk '/unexpected_credit/ && /TRX-555/ {print $4}')
[ "$e1" = "$e2" ] && ok "the TRX-555 credit is the same exception at both ($e1)" \
  || nok "the TRX-555 credit is exception $e1 at T01 and $e2 at T02"
t2 mary reconcile resolve "unexpected_credit:$s2:1" --note "Refunded" >/dev/null 2>&1 || nok "resolve at T02"
t2 mary sync >/dev/null 2>&1 || nok "sync T02 (resolve)"
t1 mary sync >/dev/null 2>&1 || nok "sync T01 (resolve)"
t2 mary report exceptions 2>/dev/null | grep -q 'TRX-555' && nok "T02 still lists the credit it resolved" || ok "T02: the TRX-555 credit resolved"
if t1 mary report exceptions 2>/dev/null | grep -q 'TRX-555'; then
  nok "T01 still lists the \$30.00 TRX-555 credit as an open unexpected_credit after T02 resolved it: $(t1 mary report exceptions 2>/dev/null | grep TRX-555 | tr -s ' ')"
else ok "T01: the TRX-555 credit resolved too"; fi
o1=$(t1 mary report reconciliation --account NL01BANK0123456789 --from 2026-06-15 2>/dev/null | awk '$1=="2026-06-16" {print $6}')
o2=$(t2 mary report reconciliation --account NL01BANK0123456789 --from 2026-06-15 2>/dev/null | awk '$1=="2026-06-16" {print $6}')
[ -n "$o1" ] && [ "$o1" = "$o2" ] && ok "report reconciliation 2026-06-16 Open alike ($o1)" \
  || nok "report reconciliation 2026-06-16: Open $o1 at T01, $o2 at T02"
finish
