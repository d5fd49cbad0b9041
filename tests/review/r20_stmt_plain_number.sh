#!/bin/sh
# R20 (s40): an old plain statement number N is taken "while every statement
# of the store was imported at one terminal, when every terminal numbered
# them alike" (paydesk(1), Statement names). Not so: T02 imports statement
# A then B; T01 imports B itself before a sync (its #1). T02 syncs first, so
# the central node keeps T02's import of B and T01, pulling, shows B as
# T02's: every statement at T01 now says T02, yet T01 numbers them B=1, A=2
# while T02 numbers A=1, B=2. The plain number 2 is then taken at both
# terminals and names A at T01 and B at T02: a number read at one counter
# names another credit at the next.
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
printf 'date,amount,reference,text\n2026-06-14,5.00,X,older\n' > "$T/a.csv"
printf 'date,amount,reference,text\n2026-06-15,10.00,D1,deposit\n2026-06-16,50.00,Q,mystery\n' > "$T/b.csv"
for t in t1 t2; do $t mary statement mapping add m date=1 amount=2 reference=3 text=4 header=1 >/dev/null 2>&1 || nok "$t mapping"; done
t2 mary statement import "$T/a.csv" --account ACC-1 --mapping m >/dev/null 2>&1 || nok "T02 import A"
t2 mary statement import "$T/b.csv" --account ACC-1 --mapping m >/dev/null 2>&1 || nok "T02 import B"
t1 mary statement import "$T/b.csv" --account ACC-1 --mapping m >/dev/null 2>&1 || nok "T01 import B"
for t in 2 1 2; do "$PD" --config "$T/t$t/p.ini" sync >/dev/null 2>&1 || nok "sync T0$t"; done
n1=$(t1 mary statement show 2 2>/dev/null | sed -n 's/^Statement  *//p'); r1=$?
n2=$(t2 mary statement show 2 2>/dev/null | sed -n 's/^Statement  *//p')
if [ -n "$n1" ] && [ -n "$n2" ] && [ "$n1" != "$n2" ]; then
  nok "plain statement number 2 taken at both terminals, naming $n1 at T01 and $n2 at T02"
else ok "plain number 2: T01 '$n1', T02 '$n2' (refused where they would differ)"; fi
finish
