#!/bin/sh
# Review 23: "filters everywhere a report has them: ... branch, team member,
# channel, method". report deteriorating and report anomalies read payments
# (each of a branch, a user, a channel, a method) and the forecast's past
# weeks what they collected, yet none takes --branch or --user: an admin can
# read branch B02's deteriorating payers or anomalies only mixed into the
# organisation's (its own branch is the only narrower scope), a supervisor
# cannot look at one team member's. (`report aging` rightly takes none: an
# open item is of no branch or user.)
. tests/review/r23_lib.sh
r23_store g
for c in "report deteriorating" "report anomalies" "report forecast"; do
	for f in "--branch B01" "--user cas"; do
		adm $c $f >/dev/null 2>$R23_TMP/e; rc=$?
		if [ $rc -eq 0 ]; then ok "$c $f"; else notok "$c $f: status $rc, $(cat $R23_TMP/e)"; fi
	done
done
r23_done
