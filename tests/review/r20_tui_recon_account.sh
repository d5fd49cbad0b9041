#!/bin/sh
# R20: the Reconciliation by day screen (Dashboard e, then d) reads only
# [deposits] account. With none configured it shows "Nothing to reconcile"
# and the command line's message "Give --account, or set [deposits]
# account" (an option a screen has not), and there is no way to choose a bank
# account in the screens: a billing manager with deposits to an account, or
# statements of several, cannot see them by day ("a reconciliation screen per
# bank account and day").
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 1000x1 >/dev/null 2>&1
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 145.50 --tendered 145.50 >/dev/null 2>&1
jane shift close --count 10000x1,2000x2,500x1,50x1,1000x1 >/dev/null 2>&1 || nok "close"
z=$(mary --csv shift list 2>/dev/null | awk -F, 'NR==2{print $1}')
mary deposit create "$z" --slip BAG-1 --account NL01ACC1 >/dev/null 2>&1 || nok "deposit"
S="r20rev$$"
tmux -L "$S" new-session -d -s a -x 110 -y 34 "env HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME PAYDESK_NOW='$PAYDESK_NOW' LANGUAGE= LC_ALL=C $PD"
w() { i=0; while [ $i -lt 50 ]; do tmux -L "$S" capture-pane -p -t a | grep -q "$1" && return 0; sleep 0.1; i=$((i+1)); done; return 1; }
w "Username" || nok "login screen"
tmux -L "$S" send-keys -t a mary Enter; sleep 0.2; tmux -L "$S" send-keys -t a 583920 Enter
w "Dashboard" || nok "dashboard"
tmux -L "$S" send-keys -t a e; w "exceptions" || nok "exceptions screen"
tmux -L "$S" send-keys -t a d; w "by day" || nok "by day screen"
sleep 0.3
scr=$(tmux -L "$S" capture-pane -p -t a)
tmux -L "$S" kill-session -t a 2>/dev/null
case "$scr" in *--account*) nok "the screen names the command line's --account: $(echo "$scr" | grep -- --account)";; *) ok "no command-line option named";; esac
case "$scr" in *NL01ACC1*) ok "the deposit's account is offered";; *) nok "no way to reach account NL01ACC1 (its deposit of 145.50) in the screen";; esac
finish
