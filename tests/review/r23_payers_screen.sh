#!/bin/sh
# Review 23: the Payers report screen (dashboard y).
# 1. Its filter's Operator takes a user the terminal does not know and lists
#    nothing, where `report payers --user nobody` is refused (status 2) and
#    the payments list's filter refuses it naming the users (man: the
#    screen's filters are "as report payers takes them").
# 2. Its count line does not name the scope, where every other list's
#    screen does ("3 payments · Branch B01"; man SCOPES: "their screens
#    naming it on the count line").
. tests/review/r23_lib.sh
r23_world
pd T01 sup1 583921 report payers --user nobody >/dev/null 2>&1
[ $? -eq 2 ]; check $? "report payers --user nobody: status 2 (baseline)"
TMUXS=r23p$$
T() { tmux -L "$TMUXS" "$@"; }
cap() { T capture-pane -p -t a; }
wait_for() { _i=0; while ! cap | grep -q "$1"; do _i=$((_i + 1)); [ $_i -gt 50 ] && return 1; sleep 0.1; done; return 0; }
T new-session -d -s a -x 160 -y 50 "PAYDESK_NOW='2026-06-15 12:00:00' PAYDESK_CONFIG=$W/T01.ini $BUILD/paydesk"
wait_for 'Username' || { nok "the login screen"; done_r23; }
T send-keys -t a sup1 Tab 583921 Enter
wait_for 'Daily collections' || { nok "the dashboard"; done_r23; }
T send-keys -t a y
wait_for 'consumers, by total paid' || { nok "the payers report"; done_r23; }
cap | grep 'consumers, by total paid' | grep -q 'Branch B01'
check $? "the payers screen names its scope: $(cap | grep 'consumers, by total paid' | sed 's/^ *//')"
T send-keys -t a f
wait_for 'Operator' || { nok "the payers filter"; done_r23; }
T send-keys -t a Down Down nobody Enter
sleep 0.8
cap | grep -q 'nobody": not one of'
check $? "an unknown operator is refused, naming the users ($(cap | grep -E 'filter:|nobody' | head -2 | sed 's/^ *//' | tr '\n' '|'))"
cap | grep -q 'filter: by nobody'
[ $? -ne 0 ]; check $? "and the filter is not applied"
done_r23
