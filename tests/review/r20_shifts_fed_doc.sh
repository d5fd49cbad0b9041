#!/bin/sh
# R20 (s40): paydesk(1) sync says "shifts are not pulled" and "a shift over or
# short ... stays its own terminal's", and paydesk-central(8) "Fed to the
# terminals" says "Shifts are not fed (their drawers are each terminal's
# own)". Yet shift list (and the behaviour) says the central node feeds each
# terminal's shift openings, movements and closes to the others: T01 lists
# T02's shift and T02's over or short among its exceptions after a sync.
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
t2j() { PAYDESK_PIN=4872 "$PD" --config "$T/t2/p.ini" --user jane "$@"; }
t2j shift open --count 5000x2 >/dev/null 2>&1 || nok "T02 open"
t2j pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 10.00 --tendered 10 >/dev/null 2>&1 || nok "T02 pay"
PAYDESK_APPROVER_PIN=583920 t2j shift close --count 5000x2,500x1,100x4 --reason "Cash=miscount" --approver mary >/dev/null 2>&1 || nok "T02 close short 1.00"
for t in 2 1; do "$PD" --config "$T/t$t/p.ini" sync >/dev/null 2>&1 || nok "sync T0$t"; done
if t1 mary report exceptions 2>/dev/null | grep -q "over_short.*Z-T02-000001"; then
  for f in "$ROOT/man/paydesk.1" "$ROOT/man/paydesk-central.8"; do
    if tr '\n' ' ' < "$f" | grep -q -i -e "shifts are not pulled" -e "Shifts are not fed"; then
      nok "$(basename "$f") says shifts are not pulled/fed, but T01 holds T02's shift and lists its over or short"
    else ok "$(basename "$f") agrees shifts are fed"; fi
  done
else ok "T02's over or short not at T01 (as the sync docs say)"; fi
finish
