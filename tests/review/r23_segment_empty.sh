#!/bin/sh
# Review 23: an empty report filter is refused with status 2 and "--period
# needs a value" (--branch, --user, --method, --channel, --gateway alike),
# but an empty --segment with status 3 and "Segment is required", which names
# no option and reads as if a segment had to be given.
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
