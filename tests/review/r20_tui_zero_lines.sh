#!/bin/sh
# R20: a count typed in the Open shift screen (and the close's) keeps a line
# for every denomination, those left at 0 too: a float of two $100.00 notes
# is stored, synced, shown by shift show and printed on the Z report as 12
# lines, 11 of them "x 0 = $0.00". The command line's --count keeps only the
# denominations counted.
. "$(dirname "$0")/r20_lib.sh"
demo
S="r20rev$$"
tmux -L "$S" new-session -d -s a -x 100 -y 32 "env HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME PAYDESK_NOW='$PAYDESK_NOW' LANGUAGE= LC_ALL=C $PD"
w() { i=0; while [ $i -lt 50 ]; do tmux -L "$S" capture-pane -p -t a | grep -q "$1" && return 0; sleep 0.1; i=$((i+1)); done; return 1; }
w "Username" || nok "login screen"
tmux -L "$S" send-keys -t a jane Enter; sleep 0.2; tmux -L "$S" send-keys -t a 4872 Enter
w "No shift open" || nok "home"
tmux -L "$S" send-keys -t a End; sleep 0.1; tmux -L "$S" send-keys -t a Up; sleep 0.1; tmux -L "$S" send-keys -t a Enter
w "opening float" || nok "open shift screen"
tmux -L "$S" send-keys -t a 2; w '\$200.00' || nok "typed"
tmux -L "$S" send-keys -t a Enter; w "Shift opened" || nok "opened"
tmux -L "$S" kill-session -t a 2>/dev/null
id=$(jane shift status 2>/dev/null | awk '/^Shift /{print $2}')
out=$(mary shift show "$id" 2>&1)
n=$(echo "$out" | grep -c 'Quantity: 0;')
[ "$n" -eq 0 ] && ok "no line of quantity 0" || nok "shift show lists $n denominations counted 0 in a float of two notes"
finish
