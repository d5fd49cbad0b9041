#!/bin/sh
# R20b: `shift close --cashier USER` (a supervisor's blind close of the shift
# of a cashier who has gone) closes the shift at the terminal, with its Z
# number and Z report, but the central node refuses the close's sync record
# ("Shift ... is jane's: mary cannot close it"): the terminal reads the
# drawer closed, the central node (and every other terminal) reads it open
# for ever, the Z number is used at the terminal only, and nothing tells the
# supervisor but the quarantine. Then every later shift opened at that
# drawer is refused by the central node too ("Drawer T01 has shift ... open
# already"), while its payments are taken.
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
t1 jane shift open --count 5000x1 >/dev/null 2>&1 || nok "open"
t1 jane pay WU-10002 --type bill --items INV-2025-002001 --method Cash --amount 40 --tendered 40 >/dev/null 2>&1 || nok "cash"
"$PD" --config "$T/t1/p.ini" sync >/dev/null 2>&1 || nok "sync 1"
out=$(t1 mary shift close --cashier jane --count 5000x1,2000x2 2>&1) || nok "close --cashier jane: $out"
"$PD" --config "$T/t1/p.ini" sync >/dev/null 2>&1
q=$(t1 mary sync --quarantine 2>&1 | grep shift_close)
[ -z "$q" ] && ok "the close is not refused" || nok "the central node refused the supervisor's close: $q"
line=$("$C" --config "$T/c/c.ini" shifts ACME 2>/dev/null | grep ' T01 ')
case "$line" in *Z-T01-000001*closed*) ok "central: closed";;
  *) nok "central node after the supervisor's close: $line (T01: $(t1 mary shift list 2>/dev/null | grep jane | head -1))";; esac
"$PD" --config "$T/t2/p.ini" sync >/dev/null 2>&1
case "$(t2 mary shift list 2>/dev/null | grep jane)" in *Z-T01-000001*closed*) ok "T02: closed";;
  *) nok "T02 after sync: $(t2 mary shift list 2>/dev/null | grep jane)";; esac
t1 jane shift open --count 5000x1 >/dev/null 2>&1 || nok "open again"
"$PD" --config "$T/t1/p.ini" sync >/dev/null 2>&1
q=$(t1 mary sync --quarantine 2>&1 | grep shift_open)
[ -z "$q" ] && ok "the next shift at the drawer is taken" || nok "the next shift at T01 is refused by the central node: $q"
finish
