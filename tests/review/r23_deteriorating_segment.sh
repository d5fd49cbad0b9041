#!/bin/sh
# Issue 23 asks for the segment filter "everywhere a report has them", and
# paydesk(1) says of report deteriorating: "the items are the organisation's,
# of the --segment filter's consumers". The option is refused as unknown.
. "$(dirname "$0")/r23_lib.sh"
base_store
NOW="2026-03-10 10:00:00"
out=$(run admin $ADMIN "$NOW" report deteriorating --segment Residential 2>&1); rc=$?
if [ $rc -eq 0 ]; then ok "report deteriorating --segment is taken"
else notok "report deteriorating --segment Residential (documented in paydesk(1)) is refused, exit $rc: $out"; fi
out=$(run admin $ADMIN "$NOW" report deteriorating --segment Nope 2>&1); rc=$?
if [ $rc -eq 4 ]; then ok "an unknown segment is refused with exit 4 as elsewhere"
else notok "report deteriorating --segment Nope: exit $rc (the segment filter's unknown segment is exit 4 elsewhere): $out"; fi
finish
