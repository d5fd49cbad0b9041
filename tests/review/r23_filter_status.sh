#!/bin/sh
# Review 23: the report filters' bad values do not get one status and one
# form of message (man paydesk(1) FILTERS: a value of no accepted form, or a
# branch, user, method or channel this terminal does not know: status 2,
# naming the option). An empty --segment is status 3 "Segment is required"
# (--period "" is 2, "--period needs a value"). (The over-long values'
# status 3 is fixed, tested in tests/cli/test_scope.sh; the empty
# --segment is F23c's.)
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
r23_done
