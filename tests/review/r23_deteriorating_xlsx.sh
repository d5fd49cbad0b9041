#!/bin/sh
# Issue 23: the analyses are "all in the TUI and the CLI with exports". The
# Deteriorating payers screen exports Excel (x, Format Excel); the command
# line refuses `--xlsx FILE report deteriorating` (exit 2), and its message
# lists the commands --xlsx works with without report anomalies, which does
# take it.
. "$(dirname "$0")/r23_lib.sh"
base_store
NOW="2026-03-10 10:00:00"
out=$(run admin $ADMIN "$NOW" --xlsx "$T/det.xlsx" report deteriorating --last 2 2>&1); rc=$?
[ $rc -eq 0 ] && [ -s "$T/det.xlsx" ] && ok "report deteriorating exports Excel" ||
	notok "--xlsx FILE report deteriorating: exit $rc, no workbook: $out"
if printf '%s\n' "$out" | grep -q 'works with' && ! printf '%s\n' "$out" | grep -q 'report anomalies'; then
	out2=$(run admin $ADMIN "$NOW" --xlsx "$T/an.xlsx" report anomalies 2>&1); rc2=$?
	[ $rc2 -eq 0 ] && notok "the --xlsx refusal lists the commands it works with, leaving out report anomalies, which works (exit 0)"
fi
finish
