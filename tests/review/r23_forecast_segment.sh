#!/bin/sh
# Issue 23: "Filters everywhere a report has them: consumer segment ...".
# The forecast is by consumer (each consumer's on-time ratio) yet takes no
# --segment: the billing manager cannot forecast one segment's cash.
. "$(dirname "$0")/r23_lib.sh"
base_store
NOW="2026-03-10 10:00:00"
out=$(run admin $ADMIN "$NOW" --json report forecast --weeks 4 --segment Residential 2>&1); rc=$?
if [ $rc -ne 0 ]; then notok "report forecast --segment Residential refused (exit $rc): $out"; finish; fi
# Residential consumers (A-1, A-2) have nothing open: the 4 weeks forecast 0.
n4=$(printf '%s\n' "$out" | sed -n 's/.*"next_4": *\([0-9]*\).*/\1/p')
if [ "$n4" = 0 ]; then ok "forecast of segment Residential"
else notok "report forecast --segment Residential: next_4=$n4, expected 0 (only A-3, Commercial, owes)"; fi
finish
