#!/bin/sh
# R20b: the shift controls are read from whatever configuration file the
# signed-in user names (--config, $PAYDESK_CONFIG, ./config.ini of the
# current directory, ~/.config/paydesk/config.ini): a cashier who writes
# [shifts] movement_approval_above, tolerance and required into a file of
# their own takes $400.00 out of the drawer with no supervisor's PIN, closes
# $50.00 short with no reason and no sign-off, and takes cash with no shift
# open. The supervisor's sign-off the issue asks for is the cashier's to
# lift; [visibility] team, by contrast, is an organisation's setting that a
# user's own file does not lift, and [deposits] keys are too.
. "$(dirname "$0")/r20_lib.sh"
demo
db=$("$PD" config 2>/dev/null | sed -n 's/^path = //p' | head -1)
printf '[store]\npath = %s\n[shifts]\ntolerance = 100000.00\nmovement_approval_above = 100000.00\nrequired = no\n' "$db" > "$T/mine.ini"
me() { PAYDESK_PIN=4872 "$PD" --config "$T/mine.ini" --user jane "$@"; }
jane shift open --count 10000x5 >/dev/null 2>&1 || nok "open"
out=$(me shift pay-out 400 --reason "Petty cash" 2>&1); rc=$?
[ $rc -eq 5 ] && ok "pay-out of 400 needs the sign-off" || nok "a cashier's own config lifts the sign-off: pay-out \$400.00 with no supervisor: exit $rc"
out=$(me shift close --count 5000x1 2>&1); rc=$?
case $rc in 3|5) ok "a short close needs reason and sign-off";;
  *) nok "a cashier's own config lifts the close's sign-off: closed \$50.00+ short with no reason or supervisor: exit $rc ($(echo "$out" | grep -E 'Z number|Cash' | tr '\n' ' '))";; esac
jane shift close --count 5000x1 >/dev/null 2>&1
out=$(me pay WU-10003 --type bill --method Cash --amount 5 --tendered 5 2>&1); rc=$?
[ $rc -eq 13 ] && ok "cash without a shift refused" || nok "a cashier's own config ([shifts] required = no) takes cash with no shift open: exit $rc"
finish
