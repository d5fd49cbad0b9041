#!/bin/sh
# Issue 23: "Every dashboard, list and report has a scope: this terminal,
# this branch, or the whole organisation ... payments pulled from other
# terminals no longer silently count in a branch's figures." The credit notes
# list (credit-notes, the c tab) takes no --scope, names none, and at
# terminal T01 (branch B01) a supervisor's list holds the credit note
# terminal T03 of branch B02 made.
. "$(dirname "$0")/r23_lib.sh"
central_setup || { notok "central node and terminals could not be set up"; finish; }
D=2026-03-11
# an overpayment at T03 (A-2 owes nothing): its automatic credit note CN-T03-00001
trun T03 c3 $C3 "$D 09:00:00" pay A-2 --type bill --method Cash --amount 5 --tendered 5 >/dev/null 2>&1 ||
	{ notok "payment at T03"; finish; }
SYNC_NOW="$D 12:00:00" tsync T03 T01 || { notok "sync"; finish; }
sed '/^\[visibility\]/,$d' "$(tcfg T01)" >"$T/T01/novis.ini"
out=$(PAYDESK_CONFIG="$T/T01/novis.ini" run admin $ADMIN "$D 13:00:00" credit-notes 2>&1)
printf '%s\n' "$out" | grep -q CN-T03-00001 && ok "the organisation's list holds CN-T03-00001" || { notok "CN-T03-00001 never reached T01: $out"; finish; }
out=$(PAYDESK_CONFIG="$T/T01/novis.ini" run sup1 $SUP1 "$D 13:00:00" credit-notes 2>&1)
printf '%s\n' "$out" | grep -q CN-T03-00001 &&
	notok "credit-notes for sup1 at T01 (branch B01 read) lists CN-T03-00001 of branch B02's terminal T03" ||
	ok "the supervisor's credit notes are the branch's"
out=$(PAYDESK_CONFIG="$T/T01/novis.ini" run sup1 $SUP1 "$D 13:00:00" credit-notes --scope terminal 2>&1); rc=$?
[ $rc -eq 0 ] && ok "credit-notes takes --scope" || notok "credit-notes --scope terminal refused (exit $rc): $out"
finish
