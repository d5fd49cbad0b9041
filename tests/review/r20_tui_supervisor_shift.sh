#!/bin/sh
# R20: a supervisor (or admin) who takes a payment at the counter in the
# screens (Dashboard n) is told "Cash is taken in an open shift: open a
# shift first (paydesk shift open, or Open shift on Home)", but their Home is
# the Dashboard, which has no Open shift (nor Shift: X report, movements,
# close); only the command line opens one. Cash and cheques are thus out of
# the screens for every role above cashier.
. "$(dirname "$0")/r20_lib.sh"
demo
S="r20rev$$"
tmux -L "$S" new-session -d -s a -x 110 -y 34 "env HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME PAYDESK_NOW='$PAYDESK_NOW' LANGUAGE= LC_ALL=C $PD"
w() { i=0; while [ $i -lt 50 ]; do tmux -L "$S" capture-pane -p -t a | grep -q "$1" && return 0; sleep 0.1; i=$((i+1)); done; return 1; }
w "Username" || nok "login"
tmux -L "$S" send-keys -t a mary Enter; sleep 0.2; tmux -L "$S" send-keys -t a 583920 Enter
w "Dashboard" || nok "dashboard"
tmux -L "$S" send-keys -t a F1; sleep 0.5
help=$(tmux -L "$S" capture-pane -p -t a)
tmux -L "$S" kill-session -t a 2>/dev/null
rm -f "/tmp/tmux-$(id -u)/$S"
if echo "$help" | grep -qi 'open a shift\|open shift\|close the shift\|close a shift\|your shift'; then ok "the dashboard opens a shift"
else nok "no key of the Dashboard opens (or closes) a shift: $(echo "$help" | grep -i shift | sed 's/^ *//')"; fi
finish
