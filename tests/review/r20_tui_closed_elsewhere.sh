#!/bin/sh
# R20: a second window closes the shift (shift close at the command line, or
# another screen) while the Close shift screen is counting: at its result
# step the screen is blank (no tender, no message) and Enter does nothing;
# it should say that the shift was closed meanwhile (its Z number) and go
# back.
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
S="r20rev$$"
tmux -L "$S" new-session -d -s a -x 100 -y 32 "env HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME PAYDESK_NOW='$PAYDESK_NOW' LANGUAGE= LC_ALL=C $PD"
w() { i=0; while [ $i -lt 50 ]; do tmux -L "$S" capture-pane -p -t a | grep -q "$1" && return 0; sleep 0.1; i=$((i+1)); done; return 1; }
k() { tmux -L "$S" send-keys -t a "$@"; sleep 0.15; }
w "Username" || nok "login"
k jane Enter; k 4872 Enter; w "Shift open since" || nok "home"
k End; k Up; k Enter; w "Close shift" || nok "menu"
k End; k Enter; w "Count the cash" || nok "cash step"
k Down; k Down; k Down; k 1
jane shift close --count 1000x1 >/dev/null 2>&1 || nok "close at the command line"
k Enter; sleep 0.3; k Enter; sleep 0.5
scr=$(tmux -L "$S" capture-pane -p -t a)
k Enter; sleep 0.5
scr2=$(tmux -L "$S" capture-pane -p -t a)
tmux -L "$S" kill-session -t a 2>/dev/null; rm -f "/tmp/tmux-$(id -u)/$S"
if echo "$scr$scr2" | grep -qi 'closed\|Z-T01-000001\|no open shift\|no shift'; then ok "the screen says the shift was closed"
else nok "the Close shift screen after the shift was closed elsewhere: $(echo "$scr2" | grep -v '^ *$' | tr '\n' '|' | cut -c1-200)"; fi
finish
