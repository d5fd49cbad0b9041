#!/bin/sh
# paydesk(1) ENVIRONMENT: "--json and --csv output is the same in every
# language". kpi's JSON "filters", report anomalies' "rule" (and CSV rule
# column) and report deteriorating's "why" are translated with the reader's
# language, so a script reading them breaks on a Spanish or French terminal.
. "$(dirname "$0")/r23_lib.sh"
base_store
NOW="2026-03-10 10:00:00"
# three round credit notes by sup1 today: a Round credit notes anomaly
for a in 10 20 30; do
	run sup1 $SUP1 "$NOW" credit-note create R-T01-000002 --amount $a --reason "Billing Error" >/dev/null ||
		{ notok "credit note $a could not be made"; finish; }
done
same() { # what, command...
	_w=$1; shift
	en=$(LANGUAGE=en run admin $ADMIN "$NOW" "$@" 2>&1)
	for l in es fr; do
		o=$(LANGUAGE=$l run admin $ADMIN "$NOW" "$@" 2>&1)
		if [ "$o" = "$en" ]; then ok "$_w: $l as en"
		else notok "$_w differs in $l: $(printf '%s\n' "$o" | grep -v -x -F "$en" | head -2 | tr '\n' ' ')"; fi
	done
}
same "kpi --json with filters" --json kpi --month 2026-02 --method cash --segment Residential
same "report anomalies --json" --json report anomalies --date 2026-03-10
same "report anomalies --csv" --csv report anomalies --date 2026-03-10
same "report deteriorating --json" --json report deteriorating --last 2
finish
