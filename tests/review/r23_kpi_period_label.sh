#!/bin/sh
# Review 23: with a fiscal calendar, `kpi --period FY2025` reports twelve
# months (2025-04-01 to 2026-03-31, fiscal_start 4) under the headings
# "Month ...", "Change against the previous month" and "Previous month
# 2024-04-01 to 2025-03-31": the period is a fiscal year, compared with the
# year before. The headings must say what the figures are of.
. tests/review/r23_lib.sh
r23_store p
printf 'key,value\nperiods.calendar,fiscal\nperiods.fiscal_start,4\n' >$R23_TMP/p/s.csv
adm import settings $R23_TMP/p/s.csv >/dev/null || notok "import settings"
out=$(PAYDESK_NOW="2026-06-15 12:00:00" sup kpi --period FY2025)
printf '%s\n' "$out" | grep -q '2025-04-01 to 2026-03-31' || notok "FY2025 is not 2025-04-01 to 2026-03-31"
for h in "^Month " "previous month" "^Previous month"; do
	if printf '%s\n' "$out" | grep -q "$h"; then
		notok "kpi --period FY2025: a heading says \"$(printf '%s\n' "$out" | grep -m1 "$h")\""
	else
		ok "kpi --period FY2025: no \"$h\" heading"
	fi
done
r23_done
