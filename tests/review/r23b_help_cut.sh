#!/bin/sh
# Review R23b: three key helps of the issue-23 screens are cut at 80x24.
# The screens are to fit 80x24 (DESIGN.md; the help's text column is 64
# wide there, and the po files were fitted "within the help's 62
# columns" for Spanish and French). In English, at 80 columns, F1 shows:
#   Dashboard 5: "the open items of the Outstanding today block (its title begin"
#   Cash-flow forecast f, Deteriorating payers v:
#     "the dashboard's filters: their segment, branch and user hold h"
# (the Arrangements screen's p, "the plans grouped by their terms, highest
# compliance first (recovery)", is 69 long too). `paydesk keys` has them
# whole; the screen's help cuts them.
. tests/review/r23_lib.sh
r23_store s
# every key help no longer than the help's 64 columns at 80x24
long=$(LANGUAGE=en "$PD" keys | python3 -c '
import sys
for l in sys.stdin:
    t = l.rstrip("\n")[47:]
    if len(t) > 64: print(t)' | sort -u)
if [ -z "$long" ]; then ok "every key help fits the help's 64 columns at 80x24"
else notok "key helps longer than the 64 columns of the help at 80x24: $(printf '%s' "$long" | tr '\n' '|')"; fi
SOCK="r23bhelp$$"
tmux -L $SOCK new-session -d -s t -x 80 -y 24 "env PAYDESK_CONFIG=$PAYDESK_CONFIG $PD" || { notok tmux; r23_done; }
trap 'tmux -L $SOCK kill-server 2>/dev/null; rm -rf "$R23_TMP"' EXIT INT TERM
scr() { tmux -L $SOCK capture-pane -p -t t; }
key() { tmux -L $SOCK send-keys -t t "$@"; sleep 0.6; }
waitfor() { i=0; while [ $i -lt 50 ]; do scr | grep -q -- "$1" && return 0; sleep 0.2; i=$((i+1)); done; return 1; }
waitfor "Username" || notok "no login screen"
key sup; key Tab; key 482913; key Enter
waitfor "Dashboard" || { notok "no dashboard: $(scr | head -3)"; r23_done; }
key F1; waitfor "Keys of this screen" || notok "no help"
key End; sleep 0.5
line=$(scr | grep -E '^ +5 ')
case $line in *"(its title begins with 5)") ok "Dashboard help, 5: whole" ;;
	*) notok "Dashboard help, 5, at 80 columns: [$(printf '%s' "$line" | sed 's/^ *//')]" ;; esac
key Escape; sleep 0.5
key f; waitfor "Cash-flow forecast" || notok "no forecast screen"
key F1; waitfor "Keys of this screen" || notok "no forecast help"
line=$(scr | grep -E "^ +f ")
case $line in *"hold here") ok "Cash-flow forecast help, f: whole" ;;
	*) notok "Cash-flow forecast help, f, at 80 columns: [$(printf '%s' "$line" | sed 's/^ *//')]" ;; esac
key Escape; key Escape; sleep 0.5
key b; waitfor "Deteriorating payers" || notok "no deteriorating screen"
key F1; waitfor "Keys of this screen" || notok "no deteriorating help"
line=$(scr | grep -E "^ +v ")
case $line in *"hold here") ok "Deteriorating payers help, v: whole" ;;
	*) notok "Deteriorating payers help, v, at 80 columns: [$(printf '%s' "$line" | sed 's/^ *//')]" ;; esac
r23_done
