#!/bin/sh
# Review R23b: kpi --rows collected and --rows day (the drill-down of Total
# Collected and of a chart bar) list consumers' names to anyone.
# man paydesk(1), the role table: "kpi --rows  supervisor", "--csv, --xlsx
# (the other listings)  supervisor", and the payments list (whose columns
# these rows have) is "cashier (names, phones and addresses are shown to a
# signed-in user only)". kpi --rows rate, time and outstanding keep to it
# (status 5, "needs the supervisor role" / "needs a logged-in user"), and
# so does `payments` ("Showing consumers' data needs a logged-in user").
# What happens: `paydesk kpi --rows collected` (and --rows day) with no
# user at all prints every payment's consumer name and account, status 0;
# a cashier gets them as text and as CSV or a workbook too, where
# `--csv payments` tells the same cashier "Exporting consumers' data needs
# the supervisor role".
. tests/review/r23_lib.sh
r23_store s
d=$R23_TMP/s
printf 'account_no,name,service_address,phone,email,segment\nA-1,Alice Able,1 Main St,5550001,,Residential\n' >$d/c.csv
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nA1,A-1,2026-06,100.00,2026-05-01,2026-06-10\n' >$d/b.csv
PAYDESK_NOW="2026-05-01 09:00:00" sup import consumers $d/c.csv >/dev/null
PAYDESK_NOW="2026-05-01 09:00:00" sup import bills $d/b.csv >/dev/null
pay_at "2026-06-05 10:00:00" A-1 A1 "Bank Transfer" 100
export PAYDESK_NOW="2026-06-15 10:00:00"
# the reference: what the other lists of consumers' data do
"$PD" payments >/dev/null 2>&1; rc=$?
check "(reference) payments with no user is refused" 5 "$rc"
"$PD" kpi --rows rate >/dev/null 2>&1; rc=$?
check "(reference) kpi --rows rate with no user is refused" 5 "$rc"
for r in collected day; do
	day=""; [ $r = day ] && day="--day 2026-06-05"
	out=$("$PD" kpi --month 2026-06 $day --rows $r 2>&1); rc=$?
	if [ $rc -eq 5 ] && ! printf '%s' "$out" | grep -q "Alice Able"; then
		ok "kpi --rows $r with no user: refused, status 5"
	else
		notok "kpi --rows $r with no user: status $rc, prints $(printf '%s' "$out" | grep -c 'Alice Able') row(s) naming Alice Able"
	fi
	out=$(cas kpi --month 2026-06 $day --rows $r 2>&1); rc=$?
	check "kpi --rows $r by a cashier: refused (kpi --rows is a supervisor's), status" 5 "$rc"
	out=$(cas --csv kpi --month 2026-06 $day --rows $r 2>&1); rc=$?
	if [ $rc -eq 5 ] && ! printf '%s' "$out" | grep -q "Alice Able"; then
		ok "--csv kpi --rows $r by a cashier: refused, status 5"
	else
		notok "--csv kpi --rows $r by a cashier: status $rc, the CSV names Alice Able (--csv payments: status 5, needs the supervisor role)"
	fi
	rm -f "$d/x.xlsx"
	cas --xlsx "$d/x.xlsx" kpi --month 2026-06 $day --rows $r >/dev/null 2>&1; rc=$?
	if [ $rc -eq 5 ] && [ ! -e "$d/x.xlsx" ]; then ok "--xlsx kpi --rows $r by a cashier: refused, no file"
	else notok "--xlsx kpi --rows $r by a cashier: status $rc, file written: $([ -e "$d/x.xlsx" ] && echo yes || echo no)"; fi
done
# a supervisor has them (this holds)
out=$(sup kpi --month 2026-06 --rows collected 2>&1); rc=$?
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "Alice Able"; then ok "a supervisor reads kpi --rows collected"
else notok "a supervisor reads kpi --rows collected: status $rc"; fi
r23_done
