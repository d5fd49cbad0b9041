#!/bin/sh
# R20 (s40): the Reconciliation screen (Exceptions' d) is "[deposits]
# account's days" (paydesk(1)), a the next account. With [deposits] account
# set and an OFX statement of another account imported first, the screen
# opens on that other account ("Bank account 000000123 123456 (1 of 2)",
# Nothing to reconcile); and its header marks Expected as the sorted column
# (Expected▼) while the days are in date order.
. "$(dirname "$0")/r20_lib.sh"
printf '[deposits]\naccount = DE89370400440532013000\n' > "$T/p.ini"
export PAYDESK_CONFIG="$T/p.ini"
demo
mary statement import /work/shared/samples/bank/ofx-example.ofx >/dev/null 2>&1 || nok "import the OFX sample"
printf 'date,amount,reference,text\n2026-06-14,5.00,X,older\n2026-06-15,9.00,Y,later\n' > "$T/a.csv"
mary statement mapping add m date=1 amount=2 reference=3 text=4 header=1 >/dev/null 2>&1
mary statement import "$T/a.csv" --account DE89370400440532013000 --mapping m >/dev/null 2>&1 || nok "import csv"
S=r20rec$$
tmux -L $S new-session -d -s a -x 150 -y 30 "env LANG=C.UTF-8 '$PD'"
trap 'tmux -L $S kill-session -t a 2>/dev/null; rm -rf "$T"' EXIT
sleep 1; tmux -L $S send-keys -t a mary Tab 583920 Enter; sleep 1
tmux -L $S send-keys -t a e; sleep 1; tmux -L $S send-keys -t a d; sleep 1
scr=$(tmux -L $S capture-pane -p -t a)
echo "$scr" | grep -q "Bank account DE89370400440532013000" && ok "opens on [deposits] account" ||
  nok "Reconciliation opens on $(echo "$scr" | grep -o 'Bank account [^,]*' | head -1), not [deposits] account DE89370400440532013000"
tmux -L $S send-keys -t a a; sleep 1
scr=$(tmux -L $S capture-pane -p -t a)
echo "$scr" | grep -q "Expected▼" && nok "the days, in date order, are marked sorted by Expected (Expected▼)" || ok "sort mark"
finish
