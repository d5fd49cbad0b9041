#!/bin/sh
# paydesk(1) kpi: the Collection Rate is "of the amount that fell due in the
# period, the share paid by the period's end ... a past period's rate does
# not change when its items are paid later". February: 600.00 fell due
# (B2 100, B3 200, B4 300), 450.00 was paid by 2026-02-28: 75.0%. An
# arrangement made on 2026-03-10 for A-3's debt (B4's unpaid 150.00, B5)
# turns February into 100.0% (Total Due 450.00): rescheduling a debt in
# March rewrites February's rate and hides what was not collected then.
. "$(dirname "$0")/r23_lib.sh"
base_store
NOW="2026-03-10 10:00:00"
rate() { run admin $ADMIN "$NOW" --json kpi --month 2026-02 | sed -n 's/.*"collection_rate_percent": *\([0-9.]*\).*/\1/p' | head -1; }
r=$(rate); [ "$r" = 75.0 ] && ok "February's rate is 75.0%" || notok "February's rate before: $r"
run admin $ADMIN "$NOW" arrangement create A-3 --installments 3 --frequency weekly \
	--first-due 2026-03-18 --reason Hardship >/dev/null || { notok "arrangement"; finish; }
r=$(rate); [ "$r" = 75.0 ] && ok "an arrangement made in March leaves February at 75.0%" ||
	notok "February's collection rate became $r% when an arrangement was made on 2026-03-10 (75.0% when February ended)"
finish
