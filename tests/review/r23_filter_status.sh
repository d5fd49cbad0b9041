#!/bin/sh
# Review 23: the report filters' bad values do not get one status and one
# form of message (man paydesk(1) FILTERS: a value of no accepted form, or a
# branch, user, method or channel this terminal does not know: status 2,
# naming the option). An empty --segment is status 3 "Segment is required"
# (--period "" is 2, "--period needs a value"); a value over the length
# limit is status 3 "branch is 5000 characters long; the limit is 47" (in
# lower case, naming no option) where an unknown one is 2.
. tests/review/r23_lib.sh
r23_store s
for c in "kpi" "payments" "report forecast" "report deteriorating"; do
	msg=$(sup $c --segment "" 2>&1 >/dev/null); rc=$?
	if [ $rc -eq 2 ] && printf '%s' "$msg" | grep -q -- '--segment'; then
		ok "$c --segment '': $msg"
	else
		notok "$c --segment '': status $rc, $msg (--period '': status 2, --period needs a value)"
	fi
done
long=$(python3 -c 'print("x" * 300)')
for o in --branch --user --channel --method; do
	msg=$(sup kpi $o "$long" 2>&1 >/dev/null); rc=$?
	if [ $rc -eq 2 ] && printf '%s' "$msg" | grep -q -- "$o"; then
		ok "kpi $o (300 characters): status 2"
	else
		notok "kpi $o (300 characters): status $rc, $(printf '%s' "$msg" | cut -c1-80) (an unknown $o: status 2)"
	fi
done
r23_done
