#!/bin/sh
# paydesk(1) SCOPES: "The scope in force heads every figure and list"; issue
# 23: payments pulled from other terminals no longer silently count. A
# search of the payments list at terminal T01 (branch B01) lists the payment
# terminal T03 of branch B02 took, under the heading "Scope: Terminal T01"
# (cashier) or "Scope: Branch B01" (supervisor): the heading says the rows are
# of a scope they are not of. (paydesk(1) lets a search find a payment
# wherever it was taken; the list then must not claim a scope.)
. "$(dirname "$0")/r23_lib.sh"
central_setup || { notok "central node and terminals could not be set up"; finish; }
NOW="2026-03-10 10:00:00"
# the supervisor without [visibility] team (with it the team's payments only)
sed '/^\[visibility\]/,$d' "$(tcfg T01)" >"$T/T01/novis.ini"
for who in "cn $CN Terminal T01" "sup1 $SUP1 Branch B01"; do
	set -- $who
	out=$(PAYDESK_CONFIG="$T/T01/novis.ini" run $1 $2 "$NOW" payments --search TX1 2>&1)
	if printf '%s\n' "$out" | grep -q "^Scope: $3 $4" && printf '%s\n' "$out" | grep -q 'R-T03-000001'; then
		notok "$1 at T01: 'payments --search TX1' lists R-T03-000001 (branch B02) under 'Scope: $3 $4'"
	else ok "$1: the search's heading is true to its rows"; fi
done
finish
