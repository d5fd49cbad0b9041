# test_date_status.sh - one rule for every date, month and period a
# command takes, in paydesk and paydesk-central (paydesk(1) and
# paydesk-central(8) EXIT STATUS): 2 for a value not of the option's form
# at all, 3 for one of the form that is no real day, month or period or
# out of range (Feb 30, month 13, P13, year 0001, FY9999, --from after
# --to, a period after today); the message names the option, the value
# and what is wrong, and nothing changes. Before, kpi --period 2026-13 was
# 2 beside kpi --month's 3, FY9999-P01 and 0001-01 were 2 with a message
# that did not say what was wrong, and paydesk-central collections
# --from 2026-02-30 was 2 where paydesk's --from was 3.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export PAYDESK_NOW="2026-12-20 10:00:00"
setup_store
sup() { PAYDESK_PIN=2222 "$PD" --user mary "$@"; }

# the date options of the lists and reports, each: not a date's form (2),
# no such day (3), a year before 1900 (3)
for cmd in "payments" "credit-notes" "report payers" "shift list" \
    "report arrangements" "report reconciliation --account 01-234" \
    "receipts export --dir $T/rx"; do
	for o in --from --to; do
		refused "$cmd $o 2026/02/03: not a date's form (2)" 2 \
		    "$o \"2026/02/03\": not a date" sup $cmd $o 2026/02/03
		refused "$cmd $o 26-02-03: not a date's form (2)" 2 \
		    "$o \"26-02-03\": not a date" sup $cmd $o 26-02-03
		refused "$cmd $o 2026-02-30: no such day (3)" 3 \
		    "$o \"2026-02-30\": no such day in the calendar" \
		    sup $cmd $o 2026-02-30
		refused "$cmd $o 0001-01-01: year out of range (3)" 3 \
		    "$o \"0001-01-01\": the year is out of range" \
		    sup $cmd $o 0001-01-01
	done
	refused "$cmd: --from after --to (3)" 3 \
	    "--from 2026-03-01 is after --to 2026-02-01" \
	    sup $cmd --from 2026-03-01 --to 2026-02-01
	refused "$cmd: --from after today (3)" 3 "--from 2027-01-01 is after today" \
	    sup $cmd --from 2027-01-01
done
# a --to after today is no error, for every command: the period runs up
# to today (fault 10: report reconciliation's was 3, every other's 0)
for cmd in "payments" "credit-notes" "report payers" "shift list" \
    "report arrangements" "report reconciliation --account 01-234" \
    "receipts export --dir $T/rx2"; do
	run sup $cmd --to 2026-12-21
	# (taken: no refusal names the date; report reconciliation's
	# --account 01-234 is then refused as no account's, 2, since s72)
	if [ "$RC" -ne 3 ] && ! grep -q -e "--to" -e "after today" "$OUT"
	then ok "$cmd --to after today: taken (up to today)"
	else notok "$cmd --to after today: taken (up to today)" "status $RC"; fi
done
run sup report reconciliation --account 01-234 --to 2026-12-20
[ "$RC" -ne 3 ] && ok "report reconciliation --to today: not refused as after today" ||
    notok "report reconciliation --to today: not refused as after today" "$(cat "$OUT")"
# a date inside an argument of several parts (reconcile match --card
# TERMINAL:DAY), by the same rule, whatever the line (fault 10: all 2)
refused "reconcile match --card T01:2026-13-07: no such day (3)" 3 \
    '--card "2026-13-07": no such day' \
    sup reconcile match S1:1 --card T01:2026-13-07 --note n
refused "reconcile match --card T01:2026-02-30: no such day (3)" 3 \
    '--card "2026-02-30": no such day' \
    sup reconcile match S1:1 --card T01:2026-02-30 --note n
refused "reconcile match --card T01:0001-01-01: year out of range (3)" 3 \
    'the year is out of range' \
    sup reconcile match S1:1 --card T01:0001-01-01 --note n
refused "reconcile match --card T01:26-1-1: not a date's form (2)" 2 \
    '--card "T01:26-1-1": give TERMINAL:YYYY-MM-DD' \
    sup reconcile match S1:1 --card T01:26-1-1 --note n
refused "reconcile match --card 2026-12-01: no terminal (2)" 2 \
    'give TERMINAL:YYYY-MM-DD' \
    sup reconcile match S1:1 --card 2026-12-01 --note n
refused "kpi --day 2026-2-3: not a date's form (2)" 2 \
    '--day "2026-2-3": not a date' sup kpi --day 2026-2-3
refused "kpi --day 2026-02-30: no such day (3)" 3 \
    '--day "2026-02-30": no such day' sup kpi --day 2026-02-30
refused "report anomalies --date x: not a date's form (2)" 2 \
    '--date "x": not a date' sup report anomalies --date x
refused "report anomalies --date 2026-04-31: no such day (3)" 3 \
    '--date "2026-04-31": no such day' sup report anomalies --date 2026-04-31
refused "deposit create --date 2026-13-01: no such day (3)" 3 \
    '--date "2026-13-01": no such day' sup deposit create \
    --slip S1 --date 2026-13-01
refused "deposit create --date 1.2.2026: not a date's form (2)" 2 \
    '--date "1.2.2026": not a date' sup deposit create \
    --slip S1 --date 1.2.2026

# kpi --month: YYYY-MM
refused "kpi --month 2026-02-30: not a month's form (2)" 2 \
    '--month "2026-02-30": not a month' sup kpi --month 2026-02-30
refused "kpi --month 2026-1: not a month's form (2)" 2 \
    '--month "2026-1": not a month' sup kpi --month 2026-1
refused "kpi --month 2026-13: no such month (3)" 3 \
    '--month "2026-13": no such month' sup kpi --month 2026-13
refused "kpi --month 2026-00: no such month (3)" 3 \
    '--month "2026-00": no such month' sup kpi --month 2026-00
refused "kpi --month 0001-01: year out of range (3)" 3 \
    '--month "0001-01": the year is out of range' sup kpi --month 0001-01
refused "kpi --month 9999-12: in the future (3)" 3 "9999-12 is in the future" \
    sup kpi --month 9999-12

# --period, calendar months, on every command that takes it
for cmd in "kpi" "payments" "credit-notes" "report payers" \
    "report anomalies" "receipts export --dir $T/rx"; do
	refused "$cmd --period 2026-13: no such month (3)" 3 \
	    '--period "2026-13": no such month' sup $cmd --period 2026-13
	refused "$cmd --period 0001-01: year out of range (3)" 3 \
	    '--period "0001-01": the year is out of range' sup $cmd --period 0001-01
	refused "$cmd --period 2026-1: not a period's form (2)" 2 \
	    '--period "2026-1": not a period' sup $cmd --period 2026-1
	refused "$cmd --period FY2026: calendar months here (2)" 2 \
	    '--period "FY2026": the periods here are calendar months' \
	    sup $cmd --period FY2026
done
refused "kpi --period 9999-12: in the future (3)" 3 \
    "Period 9999-12 is in the future" sup kpi --period 9999-12

# a fiscal calendar
printf '[periods]\ncalendar = fiscal\nfiscal_start = 4\n' >>"$PAYDESK_CONFIG"
for cmd in "kpi" "payments" "report payers"; do
	refused "$cmd --period FY9999-P01: fiscal year out of range (3)" 3 \
	    '--period "FY9999-P01": the fiscal year is out of range' \
	    sup $cmd --period FY9999-P01
	refused "$cmd --period FY9999: fiscal year out of range (3)" 3 \
	    '--period "FY9999": the fiscal year is out of range' \
	    sup $cmd --period FY9999
	refused "$cmd --period FY1899-P01: fiscal year out of range (3)" 3 \
	    '--period "FY1899-P01": the fiscal year is out of range' \
	    sup $cmd --period FY1899-P01
	refused "$cmd --period FY2026-P13: no such fiscal period (3)" 3 \
	    '--period "FY2026-P13": no such fiscal period' \
	    sup $cmd --period FY2026-P13
	refused "$cmd --period FY2026-P00: no such fiscal period (3)" 3 \
	    '--period "FY2026-P00": no such fiscal period' \
	    sup $cmd --period FY2026-P00
	refused "$cmd --period 0001-01: year out of range (3)" 3 \
	    '--period "0001-01": the year is out of range' \
	    sup $cmd --period 0001-01
	refused "$cmd --period FY2026-X: not a period's form (2)" 2 \
	    '--period "FY2026-X": not a period' sup $cmd --period FY2026-X
	refused "$cmd --period FY26: not a period's form (2)" 2 \
	    '--period "FY26": not a period' sup $cmd --period FY26
done
refused "kpi --period FY9998-P12: in the future (3)" 3 \
    "Period FY9998-P12 is in the future" sup kpi --period FY9998-P12

# a date format of the organisation's: its shape with no real day is 3,
# another shape 2
printf '[organisation]\ndate_format = DD/MM/YYYY\n' >>"$PAYDESK_CONFIG"
if sup payments --from 01/02/2026 >/dev/null 2>&1; then
	refused "DD/MM/YYYY: --from 30/02/2026, no such day (3)" 3 \
	    '--from "30/02/2026": no such day' sup payments --from 30/02/2026
	refused "DD/MM/YYYY: --from 2026.02.01, not a date's form (2)" 2 \
	    '--from "2026.02.01": not a date' sup payments --from 2026.02.01
	refused "DD/MM/YYYY: kpi --month 13/2026, no such month (3)" 3 \
	    '--month "13/2026": no such month' sup kpi --month 13/2026
	refused "DD/MM/YYYY: kpi --month 2026/13/01, not a month's form (2)" 2 \
	    '--month "2026/13/01": not a month' sup kpi --month 2026/13/01
else
	echo "not ok - date_format = DD/MM/YYYY is taken"
fi

# paydesk-central: the same rule for every command's --from and --to
central org add ACME "Acme Water" >/dev/null || echo "not ok - org add"
for cmd in "collections" "shifts ACME" "statements ACME" "exceptions ACME" \
    "reconciliation ACME"; do
	for o in --from --to; do
		expect "central $cmd $o 2026/02/03: not a date's form (2)" 2 \
		    "$o \"2026/02/03\": not a date" central $cmd $o 2026/02/03
		expect "central $cmd $o 2026-02-30: no such day (3)" 3 \
		    "$o \"2026-02-30\": no such day in the calendar" \
		    central $cmd $o 2026-02-30
		expect "central $cmd $o 0001-01-01: year out of range (3)" 3 \
		    "$o \"0001-01-01\": the year is out of range" \
		    central $cmd $o 0001-01-01
		expect "central $cmd $o without a value: usage (2)" 2 "$o" \
		    central $cmd $o
	done
	expect "central $cmd: --from after --to (3)" 3 \
	    "--from 2026-03-01 is after --to 2026-02-01" \
	    central $cmd --from 2026-03-01 --to 2026-02-01
	# a period that begins after today, as paydesk's --from (3; it
	# was an empty list, status 0: helper-287, helper-290)
	expect "central $cmd --from after today (3)" 3 \
	    "--from 2099-01-01 is after today" central $cmd --from 2099-01-01	# a --to after today: up to today, as paydesk's (fault 10)
	expect "central $cmd --to after today: taken" 0 "" \
	    central $cmd --to 2099-01-01
done
# options before ORG: a bad date said as such, then ORG asked for (fault
# 10: statements --from 12/07/2026 read --from as the organisation, 4)
for cmd in shifts statements exceptions reconciliation; do
	expect "central $cmd --from 12/07/2026 without ORG: the date said (2)" 2 \
	    '--from "12/07/2026": not a date' central $cmd --from 12/07/2026
	expect "central $cmd --from 2026-02-30 without ORG: the date said (3)" 3 \
	    '--from "2026-02-30": no such day' central $cmd --from 2026-02-30
	expect "central $cmd --json without ORG: which organisation (2)" 2 \
	    'which organisation' central $cmd --json
done
