#!/bin/sh
# R20: the close's cheque step (Close shift 3 Cheques) takes the same cheque
# number twice without a word; the refusal comes only at the result, as
# "Count line 14: Cheque "1001" is listed twice" on an empty result screen:
# line 14 of a list the cashier never saw (the 12 denominations first). The
# command line refuses it as "Cheque "1001" is listed twice". The screen
# should refuse the second 1001 where it is typed, naming the cheque.
# Since review R20 fault 4 (35c60deb) two cheques of one number are two
# payers' cheque books and both count (paydesk(1) shift close: a cheque is
# its number's and amount's): the second 1001, of another amount, is taken
# at the cheque step, and the result never names a count line.
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cheque --amount 145.50 --reference 1001 >/dev/null 2>&1 || nok "cheque"
S="r20rev$$"
tmux -L "$S" new-session -d -s a -x 100 -y 32 "env HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME PAYDESK_NOW='$PAYDESK_NOW' LANGUAGE= LC_ALL=C $PD"
w() { i=0; while [ $i -lt 50 ]; do tmux -L "$S" capture-pane -p -t a | grep -q "$1" && return 0; sleep 0.1; i=$((i+1)); done; return 1; }
k() { tmux -L "$S" send-keys -t a "$@"; sleep 0.15; }
w "Username" || nok "login screen"
k jane Enter; k 4872 Enter
w "Shift open since" || nok "home"
k End; k Up; k Enter; w "Close shift" || nok "shift menu"
k End; k Enter; w "Count the cash" || nok "cash step"
k Enter; w "card slips" || nok "slips step"
k Enter; w "List the cheques" || nok "cheques step"
k 1001; k Tab; k 145.50; k Enter; w "1 cheque" || nok "first cheque"
k 1001; k Tab; k 5; k Enter; sleep 0.3
scr=$(tmux -L "$S" capture-pane -p -t a)
case "$scr" in *"2 cheques"*) ok "a second cheque 1001, of another amount, taken at the cheque step";; *) nok "the second cheque 1001 not taken";; esac
k F2; sleep 0.5
scr=$(tmux -L "$S" capture-pane -p -t a)
tmux -L "$S" kill-session -t a 2>/dev/null
case "$scr" in *"Count line"*) nok "the result says: $(echo "$scr" | grep 'Count line')";; *) ok "no count line number shown";; esac
finish
