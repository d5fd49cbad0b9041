#!/bin/sh
# R20: a deposit matched at one terminal and voided at another that had not
# synced the match: the void is taken (its own terminal's check: "a deposit
# that is not matched"), the central node keeps both, and every terminal
# shows BAG-8 void with its credit of 20.00 matched to it, while its cash is
# "to deposit" again (deposit pending) and no exception names it: the bank's
# 20.00 is counted credited and the cash to bank once more. The void must be
# refused (at the central node, quarantined with the reason, undone at the
# terminal) or the match become an exception. (Issue 20: a deposit is
# matched once handed to the bank, and a handed deposit is never voided:
# T01 refuses the void itself, status 19.)
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
t1 jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
t1 jane pay WU-10001 --type bill --method Cash --amount 20 --tendered 20 >/dev/null 2>&1 || nok "pay"
t1 jane shift close --count 2000x1,1000x1 >/dev/null 2>&1 || nok "close"
t1 mary deposit create Z-T01-000001 --slip BAG-8 --account ACC-9 >/dev/null 2>&1 || nok "deposit"
t1 mary deposit hand BAG-8 >/dev/null 2>&1 || nok "deposit hand"
t1 mary sync >/dev/null 2>&1 || nok "sync T01"
export PAYDESK_NOW="2026-06-18 10:00:00"
printf 'date,amount,reference\n2026-06-18,20.00,BAG-8\n' > "$T/st.csv"
t2 mary sync >/dev/null 2>&1
t2 mary statement mapping add m date=1 amount=2 reference=3 header=1 >/dev/null 2>&1
t2 mary statement import "$T/st.csv" --mapping m --account ACC-9 >/dev/null 2>&1 || nok "import"
t2 mary deposit match 2>&1 | grep -q 'Deposits matched *1' || nok "match at T02"
t2 mary sync >/dev/null 2>&1
t1 mary deposit void BAG-8 --reason "Wrong bag" >/dev/null 2>&1
t1 mary sync >/dev/null 2>&1; t2 mary sync >/dev/null 2>&1; t1 mary sync >/dev/null 2>&1
for t in 1 2; do
  st=$(t$t mary --csv deposit list 2>/dev/null | awk -F, '$1=="BAG-8"')
  pend=$(t$t mary --csv deposit pending 2>/dev/null | awk -F, 'NR>1 && $4=="Cash"{print $NF}')
  exc=$(t$t mary --csv report exceptions 2>/dev/null | grep -c 'BAG-8\|2:1\|1:1')
  case "$st" in *void*) if [ "$exc" -eq 0 ]; then
      nok "T0$t: BAG-8 void yet credited ($st), no exception names it${pend:+, its cash to deposit again ($pend)}"
    else ok "T0$t: the void credited is an exception or its cash not pending"; fi;;
  *) ok "T0$t: BAG-8 not void: $st";; esac
done
finish
