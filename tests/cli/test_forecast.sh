# test_forecast.sh - the cash-flow forecast (issue 23, `paydesk report
# forecast`): a small store whose answers are worked out by hand below,
# then the demo store against forecast_check.py, a computation of the
# method written again from the man page; exports, roles, bad input.
. "$TOP/tests/cli/lib.sh"
CHECK="python3 $TOP/tests/cli/forecast_check.py"

# --- a store with known answers. Today is Sunday 2025-04-20; weeks start
# on Monday, so the current week is 04-14..04-20 and the next 04-21..27.
#   A (WU-1): A1 300.00 due 01-10 paid 01-05 (on time), A2 100.00 due
#      02-10 paid 02-20 (late): on time 300 of 400, 3/4;
#      A3 200.01 due 04-23: 20001 x 3/4 = 15000.75, half up 150.01.
#   B (WU-2): no history: the organisation's 300 of 480 (A1, A2, C1),
#      5/8; B1 50.00 due 04-24: 31.25.
#   C (WU-3): C1 80.00 due 03-01 never paid: 0 of 80; C2 40.00 due
#      04-22: 0.00. C1 is overdue before the current week: arrears 80.00.
#   A's Z0 1000.00 due 2024-03-01, paid on time, is more than a year
#      before any week's start: in no history (A's and the organisation's
#      would be 1300 of 1400 on time with it).
# Next week: open 290.01, forecast 181.26, 3 consumers.
# Past week 02-10..16, as of 02-10: A's history is A1 alone (1/1), A2
# open 100.00, forecast 100.00; nothing came in that week (A2 was paid on
# 02-20) and nothing was collected.
"$PD" init >/dev/null || exit 1
"$PD" import users "$DATA/users.csv" >/dev/null || exit 1
cat >"$T/c.csv" <<'CSV'
account_no,name,service_address,phone,email,segment
WU-1,Ann Able,1 Road,,,Residential
WU-2,Bob Best,2 Road,,,Residential
WU-3,Cy Cole,3 Road,,,Commercial
CSV
cat >"$T/b.csv" <<'CSV'
invoice_no,account_no,period,amount,issued_on,due_on
A1,WU-1,Dec 2024,300.00,2024-12-20,2025-01-10
A2,WU-1,Jan 2025,100.00,2025-01-20,2025-02-10
A3,WU-1,Apr 2025,200.01,2025-04-01,2025-04-23
B1,WU-2,Apr 2025,50.00,2025-04-01,2025-04-24
C1,WU-3,Feb 2025,80.00,2025-02-10,2025-03-01
C2,WU-3,Apr 2025,40.00,2025-04-01,2025-04-22
Z0,WU-1,Feb 2024,1000.00,2024-02-01,2024-03-01
CSV
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/c.csv" >/dev/null &&
    PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/b.csv" >/dev/null ||
    exit 1
# the teams from the start: a payment keeps the team it was taken for
# (issue 23); used with team visibility below
PAYDESK_PIN=9999 "$PD" --user admin user set mary --team North >/dev/null &&
    PAYDESK_PIN=9999 "$PD" --user admin user set jane --team South \
    >/dev/null || exit 1
PAYDESK_NOW="2024-02-20 10:00:00" sup pay WU-1 --type bill --items Z0 \
    --method Cash --amount 1000.00 >/dev/null || exit 1
PAYDESK_NOW="2025-01-05 10:00:00" sup pay WU-1 --type bill --items A1 \
    --method Cash --amount 300.00 >/dev/null || exit 1
PAYDESK_NOW="2025-02-20 10:00:00" sup pay WU-1 --type bill --items A2 \
    --method Cash --amount 100.00 >/dev/null || exit 1
export PAYDESK_NOW="2025-04-20 10:00:00"
run sup --json report forecast --weeks 4 --past 10
json() {
	python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
print(eval(sys.argv[2]))' "$OUT" "$1"
}
same "next week: open, forecast, consumers (worked by hand)" \
    "$(json '[(w["open"], w["forecast"], w["consumers"]) for w in d["weeks"] if w["week"] == "2025-04-21"]')" \
    "[(29001, 18126, 3)]"
same "the current week and the two after have nothing due" \
    "$(json '[w["open"] for w in d["weeks"]]')" "[0, 29001, 0, 0]"
same "the weeks start on Monday, from the current one" \
    "$(json '[w["week"] for w in d["weeks"]]')" \
    "['2025-04-14', '2025-04-21', '2025-04-28', '2025-05-05']"
same "arrears: what is overdue before the current week, not forecast" \
    "$(json 'd["totals"]["arrears"]')" 8000
same "next 4 weeks' total" "$(json 'd["totals"]["next_4"]')" 18126
same "past week 02-10: open, forecast, came in, collected" \
    "$(json '[(w["open"], w["forecast"], w["came_in"], w["collected"]) for w in d["past"] if w["week"] == "2025-02-10"]')" \
    "[(10000, 10000, 0, 0)]"
same "past week 02-17: A2 is not due in it, its payment is collected" \
    "$(json '[(w["open"], w["came_in"], w["collected"]) for w in d["past"] if w["week"] == "2025-02-17"]')" \
    "[(0, 0, 10000)]"
same "ten past weeks, oldest first" \
    "$(json '[w["week"] for w in d["past"]][0::9]')" \
    "['2025-02-03', '2025-04-07']"
# a payment made today counts at once for the weeks ahead: B pays 20.00
sup pay WU-2 --type bill --items B1 --method Cash --amount 20.00 \
    >/dev/null || exit 1
# --past 0: no past weeks' table in the text (review R23 s41: its
# header and "(none)" were printed), an empty "past" in JSON
run sup report forecast --weeks 2 --past 0
same "--past 0: the text has no past weeks" \
    "$RC $(grep -c 'Came In\|The past weeks\|(none)' "$OUT")" "0 0"
run sup --json report forecast --weeks 2 --past 0
same "--past 0: JSON's past is empty" "$(json 'd["past"]')" "[]"
same "after B pays 20.00 of B1: open 270.01, B's 30.00 at 5/8 = 18.75" \
    "$(json '[(w["open"], w["forecast"]) for w in d["weeks"]][1]')" \
    "(27001, 16876)"
# the past weeks' header says what a past week's forecast knows (since
# d147db31: what its first day issued, imported, arranged or credited),
# not "as it stood at each week's start"; in es and fr too
expect "--past 1: the header says what a past week knows" 0 \
    "The past weeks: each week's forecast as known on its first day (what was issued, imported, arranged or credited that day in; that day's payments not taken off), beside what came in" \
    sup report forecast --weeks 2 --past 1
expect "--past 1 in Spanish: the header" 0 \
    "Semanas pasadas: la previsión de cada semana tal como se conocía en su primer día" \
    env LANGUAGE=es PAYDESK_PIN=2222 "$PD" --user mary report forecast --weeks 2 --past 1
expect "--past 1 in French: the header" 0 \
    "Semaines passées : la prévision de chaque semaine telle que connue à son premier jour" \
    env LANGUAGE=fr PAYDESK_PIN=2222 "$PD" --user mary report forecast --weeks 2 --past 1
# a voided payment counts as never made
rc=$(sql "SELECT receipt_no FROM payments WHERE paid_on = '2025-04-20'")
PAYDESK_PIN=2222 "$PD" --user mary payment void "$rc" --reason \
    "$(sql "SELECT value FROM settings WHERE key LIKE '%void_reason%' LIMIT 1")" \
    >/dev/null 2>&1 || sup payment void "$rc" --reason "Wrong amount" \
    >/dev/null 2>&1
run sup --json report forecast --weeks 2 --past 0
same "voided: B1 owes its 50.00 again" \
    "$(json '[w["open"] for w in d["weeks"]][1]')" 29001
# a week starting on Sunday moves every week back a day
sed -i 's/^\[terminal\]/[organisation]\nweek_start = sunday\n[terminal]/' \
    "$PAYDESK_CONFIG"
run sup --json report forecast --weeks 2 --past 0
same "[organisation] week_start = sunday: the weeks start on Sunday" \
    "$(json '[w["week"] for w in d["weeks"]]')" \
    "['2025-04-20', '2025-04-27']"
sed -i '/^week_start = sunday$/d' "$PAYDESK_CONFIG"

# --segment (issue 23's filters): the items of the segment's consumers,
# in any case; C (WU-3) is Commercial: C2 40.00 next week at 0/80 = 0.00,
# C1's 80.00 overdue; A and B Residential: A3 200.01, B1 50.00 again
run sup --json report forecast --weeks 2 --past 0 --segment commercial
same "--segment commercial: C2 alone next week, forecast 0.00, arrears C1" \
    "$(json '([(w["open"], w["forecast"], w["consumers"]) for w in d["weeks"]][1], d["totals"]["arrears"])')" \
    "((4000, 0, 1), 8000)"
run sup --json report forecast --weeks 2 --past 0 --segment Residential
same "--segment Residential: A3 and B1, nothing overdue" \
    "$(json '([(w["open"], w["forecast"], w["consumers"]) for w in d["weeks"]][1], d["totals"]["arrears"])')" \
    "((25001, 18126, 2), 0)"
refused "--segment of no consumer: exit 2, the segments named" 2 \
    'Segment "Business": no consumer is of it (the segments are Commercial, Residential)' \
    sup report forecast --segment Business
# an arrangement takes over C1 and C2 (120.00) as 3 weekly installments
# of 40.00 from 04-23: the debt counts once, as its installments; a past
# week's forecast (as of its start) stays as it stood
PAYDESK_PIN=9999 "$PD" --user admin arrangement create WU-3 \
    --installments 3 --frequency weekly --first-due 2025-04-23 \
    --reason Hardship >"$OUT" 2>&1
same "an arrangement for C" "$?" 0
run sup --json report forecast --weeks 4 --past 8
same "the weeks ahead owe A3, B1 and the installments, nothing overdue" \
    "$(json '([w["open"] for w in d["weeks"]], d["totals"]["arrears"])')" \
    "([0, 29001, 4000, 4000], 0)"
# C's own ratio stays C's (s72 fault 6): C1 fell due unpaid on 03-01 and
# the plan took it over after, on 04-20: it stays in the histories, not
# paid on time; C2, taken over before its due day, does not. C 0 of 80:
# each 40.00 installment 0.00; A3 at A's 3/4 150.01; B1 at the
# organisation's 300 of 480 (A1, A2, C1), 5/8: 31.25 (with C1 left out,
# C took the organisation's 300 of 400: 30.00 an installment, B 37.50)
same "after the plan, C's installments at C's own 0 of 80, B at 5/8" \
    "$(json '[w["forecast"] for w in d["weeks"]]')" "[0, 18126, 0, 0]"
same "owed ahead and overdue: the consumers' debt once (aging's total)" \
    "$(json 'sum(w["open"] for w in d["weeks"]) + d["totals"]["arrears"]')" \
    "$(sql "SELECT sum(amount - settled) FROM items WHERE settled < amount")"
same "the past week of C1's due day stands as it was (80.00 open)" \
    "$(json '[w["open"] for w in d["past"] if w["week"] == "2025-02-24"]')" \
    "[8000]"
json '"\n".join(["past %s %s %d %d %d %d" % (w["week"], w["to"], w["open"], w["forecast"], w["came_in"], w["collected"]) for w in d["past"]] + ["ahead %s %s %d %d %d" % (w["week"], w["to"], w["open"], w["forecast"], w["consumers"]) for w in d["weeks"]] + ["arrears %d" % d["totals"]["arrears"]])' \
    >"$T/got"
$CHECK "$DB" 2025-04-20 monday 4 8 | awk '
    $1 == "past" { print $1, $2, $3, $4, $5, $6, $7 }
    $1 == "ahead" { print $1, $2, $3, $4, $5, $8 }
    $1 == "arrears" { print }' >"$T/want"
same "after the arrangement: every week as the method written again" \
    "$(diff "$T/want" "$T/got" && echo same)" same
# a past period's Collection Rate stays when an arrangement made later
# takes its items over (man page: a billing manager's rule): March's C1
# (80.00, unpaid) is still due in March; the items behind the rate too
run sup --json kpi --month 2025-03
same "March after an April arrangement: due 80.00, paid 0, rate 0.0%" \
    "$(json '(d["month"]["total_due"], d["month"]["total_due_paid"], d["month"]["collection_rate_percent"])')" \
    "(8000, 0, 0.0)"
run sup --csv kpi --month 2025-03 --rows rate
same "the rate's items: C1 owing its 80.00" \
    "$(tr -d '\r' <"$OUT" | awk -F, 'NR > 1 {print $2, $5}')" "C1 80.00"
run sup --json kpi --month 2025-04
same "April, the items due by the 19th: the same with or without it" \
    "$(json '(d["previous_month"]["total_due"], d["month"]["total_due"])')" \
    "(8000, 0)"
# --scope and team visibility: the past weeks' Came in and Collected of
# the payments of the scope's team; jane (South) pays 10.00 of A3 on
# 04-09, mary (North) took A2's 100.00 on 02-20
PAYDESK_NOW="2025-04-09 10:00:00" cashier pay WU-1 --type bill --items A3 \
    --method Cash --amount 10.00 >"$OUT" 2>&1
same "jane's payment of 04-09" "$?" 0
printf '[visibility]\nteam = yes\n' >>"$PAYDESK_CONFIG"
run sup --json report forecast --weeks 1 --past 10
same "team visibility: the JSON names the scope and the team" \
    "$(json '(d["scope"], d["team"])')" "('branch', 'North')"
same "team North: week 04-07 collected nothing of jane's, 02-17 mary's" \
    "$(json '[(w["week"], w["came_in"], w["collected"]) for w in d["past"] if w["week"] in ("2025-02-17", "2025-04-07")]')" \
    "[('2025-02-17', 0, 10000), ('2025-04-07', 0, 0)]"
json '"\n".join(["past %s %d %d %d" % (w["week"], w["open"], w["came_in"], w["collected"]) for w in d["past"]])' >"$T/got"
$CHECK "$DB" 2025-04-20 monday 1 10 "" "p.user_id IN (SELECT id FROM users
 WHERE team = 'North')" | awk '$1 == "past" { print $1, $2, $4, $6, $7 }' \
    >"$T/want"
same "team North's past weeks as the method written again" \
    "$(diff "$T/want" "$T/got" && echo same)" same
expect "the text names the scope and the team" 0 \
    "Scope: Branch B01, team North" sup report forecast --weeks 1 --past 1
sed -i '/^\[visibility\]$/d; /^team = yes$/d' "$PAYDESK_CONFIG"
run sup --json report forecast --weeks 1 --past 2 --scope terminal
same "--scope terminal: jane's 10.00 of A3 in week 04-07, no team" \
    "$(json '([(w["came_in"], w["collected"]) for w in d["past"]][-1], d["scope"], "team" in d)')" \
    "((0, 1000), 'terminal', False)"
refused "--scope org of a supervisor: exit 16" 16 "those of the organisation are an admin's alone" \
    sup report forecast --scope org

# --- text, exports
expect "text: the weeks, the past weeks, the totals" 0 \
    "Overdue before them (not forecast)" sup report forecast --weeks 8
has "text: a total for the next 4 weeks" "Forecast, next 4 weeks"
has "text: the past weeks say what they are" "beside what came in"
# the 13 weeks, then their totals: the next 4, 8 and 13 weeks and the
# overdue (a fresh tester's, issue 23: the file had none of them)
expect "xlsx of the weeks ahead and their 4 totals" 0 "Wrote 17 rows" \
    sup --xlsx "$T/f.xlsx" report forecast
sup --csv report forecast >"$T/f.csv"
python3 "$TOP/tests/tools/xlsx_cells.py" --compare "$T/f.csv" "$T/f.xlsx" \
    DDImM >"$OUT" 2>&1 && ok "xlsx = CSV, cell by cell" ||
    notok "xlsx = CSV, cell by cell" "cells differ"
# the totals rows against the JSON's totals and the weeks' own sums
run sup --json report forecast
same "CSV: the totals' labels, last days, owed and forecasts" \
    "$(tail -4 "$T/f.csv" | tr -d '\r')" "$(python3 -c '
import json, sys
from decimal import Decimal
d = json.load(open(sys.argv[1]))
w, t = d["weeks"], d["totals"]
m = lambda n: str(Decimal(n).scaleb(-2).quantize(Decimal("0.01")))
for k in (4, 8, 13):
    print("\"Forecast, next %d weeks\",%s,,%s,%s" % (k, w[k - 1]["to"],
        m(sum(x["open"] for x in w[:k])), m(t["next_%d" % k])))
import datetime
b = datetime.date.fromisoformat(w[0]["week"]) - datetime.timedelta(1)
print("Overdue before them (not forecast),%s,,%s," % (b, m(t["arrears"])))
' "$OUT")"
run sup --csv report forecast --weeks 5
same "--weeks 5: a total of the 4 and one of the 5 weeks shown" \
    "$(python3 -c 'import csv, sys
print(";".join(r[0] for r in list(csv.reader(open(sys.argv[1])))[6:]))' "$OUT")" \
    "Forecast, next 4 weeks;Forecast, the 5 weeks shown;Overdue before them (not forecast)"
# an export holds the weeks ahead only: --past with it is refused, not
# dropped unsaid; --past 0 too (it names past weeks all the same)
for m in "--csv" "--xlsx $T/p.xlsx"; do
	for p in 4 0; do
		refused "${m%% *} with --past $p: status 2" 2 \
		    "--past: an export (--csv, --xlsx) holds the weeks ahead only" \
		    sup $m report forecast --past $p
	done
done
[ ! -e "$T/p.xlsx" ] && ok "no workbook written" || notok "no workbook written" "$T/p.xlsx"
expect "text: 5 weeks have a total of their own" 0 \
    "Forecast, the 5 weeks shown" sup report forecast --weeks 5
sed -i 's/^\[terminal\]/[organisation]\nlanguage = es\n[terminal]/' \
    "$PAYDESK_CONFIG"
expect "es: the report in the organisation's language" 0 \
    "Previsión, próximas 4 semanas" sup report forecast --weeks 4
has "es: the past weeks' columns" "Ingresado"
sed -i '/^language = es$/d' "$PAYDESK_CONFIG"
same "CSV header: the JSON keys" "$(head -1 "$T/f.csv" | tr -d '\r')" \
    "week,to,consumers,open,forecast"

# --- roles and bad input: a clear message, its own status, nothing made
refused "without a sign-in" 5 "The forecast needs" "$PD" report forecast
refused "a cashier" 5 "The forecast" env PAYDESK_PIN=1234 "$PD" --user jane \
    report forecast
# out of range: validation (3); no whole number (digits only): a usage
# error (2), as a filter's value of no accepted form (review s52)
for bad in 0:3 27:3 -1:2 x:2 1.5:2; do
	refused "--weeks \"${bad%:*}\"" "${bad#*:}" \
	    "--weeks \"${bad%:*}\": a number of weeks from 1 to 26" \
	    sup report forecast --weeks "${bad%:*}"
done
# empty, as an empty filter: a usage error (review s51, helper-218)
refused "--weeks \"\"" 2 "--weeks needs a value" sup report forecast --weeks ""
for bad in 27:3 -1:2 y:2; do
	refused "--past \"${bad%:*}\"" "${bad#*:}" \
	    "--past \"${bad%:*}\": a number of weeks from 0 to 26" \
	    sup report forecast --past "${bad%:*}"
done
refused "an unknown option" 2 "--month" sup report forecast --month 2025-04

# a past week's Came in of a scope is read from the dashboards' running
# totals (alloc_facts, the Posted payments'), Posted only as Collected:
# X1 (WU-2, 30.00 due 04-08) paid in its week by jane (South, 20.00) and
# mary (North, 10.00); jane's then Pending (a gateway's on its way: not
# in yet, neither come in nor collected; review R23 s41: it came in and
# was not collected, the part above the whole); then a reversal of 4.00 of mary's (a
# sync's give-back): the payment pays 4.00 less of X1 as it stands, so
# Came in has 4.00 less, and Collected (the payment's amount) the same
# (before migration 87 Came in counted a payment's first allocations).
# Week 04-07 of the branch, and of team North
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nX1,WU-2,Apr 2025,30.00,2025-04-01,2025-04-08\n' \
    >"$T/x1.csv"
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/x1.csv" >/dev/null &&
    PAYDESK_NOW="2025-04-09 11:00:00" cashier pay WU-2 --type bill \
    --items X1 --method Cash --amount 20.00 >/dev/null &&
    PAYDESK_NOW="2025-04-10 11:00:00" sup pay WU-2 --type bill --items X1 \
    --method Cash --amount 10.00 >/dev/null || exit 1
wk0407() {
	run sup --json report forecast --weeks 1 --past 2
	json '[(w["came_in"], w["collected"]) for w in d["past"] if w["week"] == "2025-04-07"]'
	printf '[visibility]\nteam = yes\n' >>"$PAYDESK_CONFIG"
	run sup --json report forecast --weeks 1 --past 2
	json '[(w["came_in"], w["collected"]) for w in d["past"] if w["week"] == "2025-04-07"]'
	sed -i '/^\[visibility\]$/d; /^team = yes$/d' "$PAYDESK_CONFIG"
}
same "X1 paid in its week: came in 30.00 (branch), 10.00 (North)" \
    "$(wk0407 | tr '\n' ' ')" "[(3000, 4000)] [(1000, 1000)] "
sql "UPDATE payments SET status = 'Pending' WHERE paid_on = '2025-04-09' AND
 consumer_id = (SELECT id FROM consumers WHERE account_no = 'WU-2')"
same "jane's Pending: neither come in nor collected; not North's" \
    "$(wk0407 | tr '\n' ' ')" "[(1000, 2000)] [(1000, 1000)] "
sql "INSERT INTO allocations (payment_id, item_id, amount, due_before,
 reverses, created_at) SELECT a.payment_id, a.item_id, -400, 0, a.id,
 '2025-04-11 10:00:00' FROM allocations a JOIN payments p ON p.id =
 a.payment_id WHERE p.paid_on = '2025-04-10' AND p.status = 'Posted'"
same "a reversal of mary's comes off what came in, not off what was collected" \
    "$(wk0407 | tr '\n' ' ')" "[(600, 2000)] [(600, 1000)] "
# the organisation's (its running totals, which count Pending payments
# too): jane's Pending not come in either, no more than was collected
PAYDESK_PIN=9999 "$PD" --user admin --json report forecast --weeks 1 \
    --past 2 >"$T/out" 2>&1
same "the organisation's week 04-07: jane's Pending not come in" \
    "$(json '[w["came_in"] <= w["collected"] and w["came_in"] < 3000 for w in d["past"] if w["week"] == "2025-04-07"]')" \
    "[True]"
printf '[visibility]\nteam = yes\n' >>"$PAYDESK_CONFIG"
run sup --json report forecast --weeks 1 --past 3
sed -i '/^\[visibility\]$/d; /^team = yes$/d' "$PAYDESK_CONFIG"
json '"\n".join(["past %s %d %d %d" % (w["week"], w["open"], w["came_in"], w["collected"]) for w in d["past"]])' >"$T/got"
$CHECK "$DB" 2025-04-20 monday 1 3 "" "p.user_id IN (SELECT id FROM users
 WHERE team = 'North')" | awk '$1 == "past" { print $1, $2, $4, $6, $7 }' \
    >"$T/want"
same "and team North's past weeks as the method written again" \
    "$(diff "$T/want" "$T/got" && echo same)" same

# --- the demo store, every week against the method written again
rm -f "$DB"
"$PD" demo >/dev/null || exit 1
sup() { PAYDESK_PIN=583920 "$PD" --user mary "$@"; } # the demo's mary
run sup --json report forecast --weeks 13 --past 8
json '"\n".join(["past %s %s %d %d %d %d" % (w["week"], w["to"], w["open"], w["forecast"], w["came_in"], w["collected"]) for w in d["past"]] + ["ahead %s %s %d %d %d" % (w["week"], w["to"], w["open"], w["forecast"], w["consumers"]) for w in d["weeks"]] + ["arrears %d" % d["totals"]["arrears"]])' \
    >"$T/got"
$CHECK "$DB" 2025-04-20 monday 13 8 | awk '
    $1 == "past" { print $1, $2, $3, $4, $5, $6, $7 }
    $1 == "ahead" { print $1, $2, $3, $4, $5, $8 }
    $1 == "arrears" { print }' >"$T/want"
same "demo store: 8 past and 13 weeks ahead = the method written again" \
    "$(diff "$T/want" "$T/got" && echo same)" same
same "demo store: some weeks have something to forecast" \
    "$(awk '$1 == "ahead" && $5 > 0' "$T/got" | wc -l | tr -d ' ' | grep -c -v '^0$')" 1

# the migrations of the weeks' rollup, the late items (versions 45 and
# 46) and the dashboards' totals (50) fill them once from the rows a store
# holds: the demo store taken back to version 44 (the documents log's
# seal, 47, undone too: it runs again after them, and this store has no
# document yet; every later migration is written to run again), opened
# again, then doctor's check of them all against the ledger
v=$(sql "SELECT user_version FROM pragma_user_version")
same "the demo store has no document for the last migration to seal" \
    "$(sql "SELECT count(*) FROM documents")" 0
sql "DROP TRIGGER paid_by_day_item; DROP TRIGGER paid_by_day_alloc;
 DROP TRIGGER paid_by_day_status; DROP TRIGGER item_late_alloc;
 DROP TRIGGER item_late_status; DROP TRIGGER item_late_item;
 DROP TABLE paid_by_day; DROP TABLE item_late; DROP INDEX due_paid_day;
 DROP TRIGGER facts_pay; DROP TRIGGER facts_status; DROP TRIGGER facts_alloc;
 DROP TRIGGER facts_item_days; DROP TRIGGER facts_item_add;
 DROP TRIGGER facts_item_due; DROP TRIGGER facts_move;
 DROP TRIGGER facts_segment; DROP TABLE pay_facts; DROP TABLE alloc_facts;
 DROP TABLE due_segment; DROP TRIGGER pay_recent_ins;
 DROP TRIGGER pay_recent_del; DROP TABLE pay_recent;
 DROP TRIGGER seal_documents_ins; DROP TRIGGER seal_documents_upd;
 DROP TRIGGER seal_arrangements_ins; DROP TRIGGER seal_arrangements_upd;
 DROP TRIGGER seal_arrangement_moves_ins;
 DROP TRIGGER seal_arrangement_moves_upd;
 DROP TRIGGER due_paid_run_add; DROP TRIGGER due_paid_run_sub;
 DROP TABLE due_paid_run; DROP TRIGGER open_due_item_add;
 DROP TRIGGER open_due_item_upd; DROP TRIGGER open_due_segment;
 DROP TABLE open_due;
 PRAGMA user_version = 44"
expect "a store of before the rollups: opened, they are filled" 0 \
    "ok (" sup doctor
same "all filled from its rows, at version $v" "$(sql "SELECT (SELECT
 count(*) > 100 FROM paid_by_day) || (SELECT count(*) > 0 FROM item_late)
 || (SELECT count(*) > 100 FROM pay_team_facts) || (SELECT count(*) > 100 FROM
 alloc_team_facts) || (SELECT count(*) > 10 FROM due_segment) || (SELECT
 count(*) > 10 FROM pay_recent) || (SELECT count(*) = (SELECT count(*)
 FROM due_paid) FROM due_paid_run) || (SELECT count(*) > 10 FROM open_due)
 || ' ' || (SELECT user_version FROM pragma_user_version)")" "11111111 $v"
# the history's rollups (due_paid, due_paid_daily; schema.c) kept in step
# by each path that changes the items or what paid them: after each, every
# week against the method again, and doctor's check of the rollups (what
# the payments pay as they stand: every allocation netted, migration 87)
fc_again() {
	run sup --json report forecast --weeks 13 --past 8
	json '"\n".join(["past %s %s %d %d %d %d" % (w["week"], w["to"], w["open"], w["forecast"], w["came_in"], w["collected"]) for w in d["past"]] + ["ahead %s %s %d %d %d" % (w["week"], w["to"], w["open"], w["forecast"], w["consumers"]) for w in d["weeks"]] + ["arrears %d" % d["totals"]["arrears"]])' \
	    >"$T/got"
	# the weeks (the arrears, read from the items' settled amounts
	# and not from the rollups, are checked above: after an
	# arrangement the items it took over owe as its installments,
	# which forecast_check.py does not know)
	$CHECK "$DB" 2025-04-20 monday 13 8 | awk '
	    $1 == "past" { print $1, $2, $3, $4, $5, $6, $7 }
	    $1 == "ahead" { print $1, $2, $3, $4, $5, $8 }' >"$T/want"
	sed -i '/^arrears/d' "$T/got"
	same "$1: every week as the method again" \
	    "$(diff "$T/want" "$T/got" && echo same)" same
	same "$1: the rollup as the ledger" "$(sql "WITH b AS (SELECT
	 i.consumer_id, i.due_on, sum(i.amount), sum((SELECT
	 coalesce(sum(a.amount), 0) FROM allocations a JOIN payments p ON
	 p.id = a.payment_id WHERE a.item_id = i.id AND
	 p.status IN ('Posted', 'Pending') AND p.paid_on <= i.due_on)) FROM
	 items i GROUP BY 1, 2), r AS (SELECT consumer_id, due_on, due, on_time
	 FROM due_paid) SELECT (SELECT count(*) FROM (SELECT * FROM b EXCEPT
	 SELECT * FROM r)) + (SELECT count(*) FROM (SELECT * FROM r EXCEPT
	 SELECT * FROM b))")" 0
	# the weeks' rollup (paid_by_day): each consumer's items due on a
	# day, what the payments that count paid of them by the day paid
	same "$1: the weeks' rollup as the ledger" "$(sql "WITH b AS (SELECT
	 i.due_on, i.consumer_id, p.paid_on, sum(a.amount) FROM items i JOIN
	 allocations a ON a.item_id = i.id JOIN payments p ON p.id =
	 a.payment_id WHERE p.status IN ('Posted',
	 'Pending') GROUP BY 1, 2, 3), r AS (SELECT due_on, consumer_id,
	 paid_on, paid FROM paid_by_day) SELECT (SELECT count(*) FROM (SELECT *
	 FROM b EXCEPT SELECT * FROM r)) + (SELECT count(*) FROM (SELECT * FROM
	 r EXCEPT SELECT * FROM b)) + (SELECT count(*) = 0 FROM r)")" 0
	# each consumer's running totals (due_paid_run): its days up to
	# each of them, summed again here
	same "$1: the running totals as the history's days" "$(sql "SELECT
	 (SELECT count(*) FROM (SELECT d.consumer_id, d.due_on, (SELECT
	 sum(e.due) FROM due_paid e WHERE e.consumer_id = d.consumer_id AND
	 e.due_on <= d.due_on), (SELECT sum(e.on_time) FROM due_paid e WHERE
	 e.consumer_id = d.consumer_id AND e.due_on <= d.due_on) FROM due_paid
	 d EXCEPT SELECT consumer_id, due_on, due, on_time FROM due_paid_run))
	 + (SELECT count(*) FROM due_paid_run) - (SELECT count(*) FROM
	 due_paid) + (SELECT count(*) = 0 FROM due_paid_run)")" 0
	# the Outstanding's open items by due day, segment and arranged
	# (open_due): the open items summed again here, both ways
	same "$1: the open items' rollup as the items" "$(sql "WITH b AS (SELECT
	 i.due_on, c.segment, i.arr_event IS NOT NULL, sum(i.amount -
	 i.settled), count(*) FROM items i JOIN consumers c ON c.id =
	 i.consumer_id WHERE i.settled < i.amount GROUP BY 1, 2, 3), r AS
	 (SELECT due_on, segment, arranged, open, n FROM open_due WHERE n <> 0
	 OR open <> 0) SELECT (SELECT count(*) FROM (SELECT * FROM b EXCEPT
	 SELECT * FROM r)) + (SELECT count(*) FROM (SELECT * FROM r EXCEPT
	 SELECT * FROM b)) + (SELECT count(*) = 0 FROM r) + (SELECT count(*) =
	 0 FROM r WHERE arranged) * $ARRANGED")" 0
}
ARRANGED=0
ontime() { sql "SELECT p.payment_no FROM payments p JOIN allocations a ON
 a.payment_id = p.id JOIN items i ON i.id = a.item_id WHERE p.status = '$1'
 AND p.paid_on <= i.due_on AND i.due_on >= '2024-05-01' ORDER BY p.id
 LIMIT 1"; }
hist() { sql "SELECT sum(due) || '/' || sum(on_time) FROM due_paid_daily"; }
h0=$(hist)
run sup payment void "$(ontime Posted)" --reason "Wrong amount"
same "a Posted payment paid on time voided" "$RC" 0
fc_again "a void"
run sup payment void "$(ontime Pending)" --reason "Wrong amount"
same "a Pending payment paid on time voided" "$RC" 0
fc_again "a Pending payment voided"
same "what was paid on time fell" "$(test "$(hist)" != "$h0" && echo fell)" fell
run sup credit-note create "$(sql "SELECT receipt_no FROM payments WHERE
 status = 'Posted' ORDER BY id LIMIT 1")" --amount 1 --reason "Billing Error"
same "a credit note" "$RC" 0
fc_again "a credit note"
printf 'invoice_no,account_no,period,amount,issued_on,due_on
Z-1,%s,Mar 2025,25.00,2025-03-01,2025-04-10
' "$(sql "SELECT account_no FROM consumers ORDER BY id LIMIT 1")" >"$T/z.csv"
PAYDESK_PIN=482615 "$PD" --user admin import bills "$T/z.csv" >/dev/null
fc_again "a bill imported"
PAYDESK_NOW="2025-04-05 10:00:00" sup pay \
    "$(sql "SELECT account_no FROM consumers ORDER BY id LIMIT 1")" \
    --type bill --items Z-1 --method Cash --amount 25.00 >/dev/null 2>&1
same "it is paid on time" "$(sql "SELECT on_time FROM due_paid WHERE
 due_on = '2025-04-10' AND consumer_id = (SELECT min(id) FROM consumers)")" \
    2500
fc_again "a payment posted on time"
# a bill paid in parts, two the same day, one later, all past the month
# end it fell due before: the rollups add each allocation (migration 55)
# to the same rows (a paid day's, the late item's last day)
printf 'invoice_no,account_no,period,amount,issued_on,due_on
Z-2,%s,Feb 2025,30.00,2025-02-01,2025-03-10
' "$(sql "SELECT account_no FROM consumers ORDER BY id LIMIT 1")" >"$T/z2.csv"
PAYDESK_PIN=482615 "$PD" --user admin import bills "$T/z2.csv" >/dev/null
for at in "2025-04-05 10:00:00" "2025-04-05 11:00:00" "2025-04-15 10:00:00"; do
	PAYDESK_NOW="$at" sup pay \
	    "$(sql "SELECT account_no FROM consumers ORDER BY id LIMIT 1")" \
	    --type bill --items Z-2 --method Cash --amount 10.00 >/dev/null 2>&1
done
same "the parts: two on one day, one later" "$(sql "SELECT group_concat(paid,
 ' ') FROM (SELECT paid FROM paid_by_day WHERE due_on = '2025-03-10' AND
 consumer_id = (SELECT min(id) FROM consumers) ORDER BY paid_on)")" "2000 1000"
same "the late bill's last payment, the later day" "$(sql "SELECT done FROM
 item_late WHERE item_id = (SELECT id FROM items WHERE ref = 'Z-2')")" \
    2025-04-15
fc_again "a bill paid in parts, late"
expect "doctor: the rollups as the ledger" 0 "ok (" sup doctor
acc=$(sql "SELECT c.account_no FROM items i JOIN consumers c ON c.id =
 i.consumer_id WHERE i.settled < i.amount AND i.kind = 'bill' ORDER BY i.id
 LIMIT 1")
PAYDESK_PIN=482615 "$PD" --user admin arrangement create "$acc" \
    --installments 3 --frequency monthly --first-due 2025-05-01 \
    --reason Hardship >"$OUT" 2>&1
same "an arrangement" "$?" 0
ARRANGED=1
fc_again "an arrangement"
ARRANGED=0
# an installment of it paid, then the arrangement cancelled: its items
# owe again as they did
ano=$(sql "SELECT p.plan_no FROM arrangements a JOIN plans p ON p.id =
 a.plan_id ORDER BY a.id DESC LIMIT 1")
PAYDESK_NOW="2025-04-20 10:00:00" sup pay "$acc" --type installment \
    --method Cash --amount 1.00 >"$OUT" 2>&1
same "an installment paid" "$?" 0
fc_again "an installment paid"
PAYDESK_PIN=482615 "$PD" --user admin arrangement cancel "$ano" \
    --reason "Moved away" >"$OUT" 2>&1
same "the arrangement $ano cancelled" "$?" 0
fc_again "an arrangement cancelled"
# an item's due date changed (as a pull of the item does,
# store_item_update)
sql "UPDATE items SET due_on = '2025-03-20' WHERE id = (SELECT i.id FROM
 items i JOIN allocations a ON a.item_id = i.id WHERE i.due_on > '2025-03-20'
 ORDER BY i.id LIMIT 1)"
fc_again "an item's due date changed"
# doctor sees a rollup that is not the ledger's (and the change made
# outside a use case, the seals' problem)
# (its running totals, due_paid_run, follow due_paid's inserts,
# deletes and updates (store_mig_58, as an allocation adds to a day):
# they follow this one too, and agree with it)
sql "UPDATE due_paid SET on_time = on_time + 1 WHERE (consumer_id,
 due_on) = (SELECT consumer_id, due_on FROM due_paid LIMIT 1)"
expect "doctor sees a wrong row of the forecast history" 6 \
    "forecast history: consumer #" sup doctor
has "and says what the rollup says" "paid on time, the rollup not"
same "that row alone and its day, each both ways: no other (the running totals follow it)" \
    "$(grep -c 'forecast history' "$OUT")" 4
sql "UPDATE due_paid SET on_time = on_time - 1 WHERE (consumer_id,
 due_on) = (SELECT consumer_id, due_on FROM due_paid LIMIT 1)"
# a wrong running total (due_paid_run), that row alone both ways
sql "UPDATE due_paid_run SET due = due + 1 WHERE (consumer_id, due_on) =
 (SELECT consumer_id, due_on FROM due_paid_run LIMIT 1 OFFSET 3)"
expect "doctor sees a wrong running total of the forecast history" 6 \
    "forecast history: consumer #" sup doctor
has "and says what the running total says" "paid on time, its days not"
same "that row alone, both ways" "$(grep -c 'forecast' "$OUT")" 2
sql "UPDATE due_paid_run SET due = due - 1 WHERE (consumer_id, due_on) =
 (SELECT consumer_id, due_on FROM due_paid_run LIMIT 1 OFFSET 3)"
# and a wrong row of the weeks' rollup (paid_by_day), that row alone
sql "UPDATE paid_by_day SET paid = paid + 1 WHERE (due_on, consumer_id,
 paid_on) = (SELECT due_on, consumer_id, paid_on FROM paid_by_day LIMIT 1)"
expect "doctor sees a wrong row of the forecast weeks" 6 \
    "forecast weeks: consumer #" sup doctor
has "and says what the rollup says" "paid, the rollup not"
same "that row alone, both ways; the history right again" \
    "$(grep -c 'forecast' "$OUT")" 2

# own_store DIR WHAT: a store of its own in DIR (DIR/config.ini, the
# users imported), "not ok - WHAT" if it could not be made
own_store() {
	mkdir -p "$1"
	sed "s|^path = .*|path = $1/store.db|" "$PAYDESK_CONFIG" >"$1/config.ini"
	PAYDESK_CONFIG="$1/config.ini" "$PD" init >/dev/null &&
	    PAYDESK_CONFIG="$1/config.ini" "$PD" import users \
	    "$DATA/users.csv" >/dev/null || echo "not ok - $2"
}

# --- a past week's forecast as it stood at its first day: the items known
# then, from the earlier of their entry into the store and their issue
# date (review R23 3). A store of its own; today Monday 2026-06-22, weeks
# from Monday. E-1 owes E1 100.00 due 06-12 (issued 05-20, loaded 05-20)
# and has paid E0 10.00 on time before: as of 06-08 its ratio is 1
# (forecast = open); as of 06-15 E1 and N1 (due 06-12) are late, 10 of
# 180.00 on time: 70.00 x 10 / 180 = 3.889, half up 3.89.
#   N1  70.00 issued 06-10, loaded 06-10, due 06-12: not of week 06-08's
#   P1  30.00 issued 06-15, loaded 06-01 (before its issue), due 06-18:
#       known from its loading, in week 06-15's as of 06-15
#   L1  40.00 issued 06-01, loaded 06-16 (after its issue), due 06-18:
#       in the organisation's books from 06-01, in week 06-15's
#   Q1  25.00 issued 06-16, loaded 06-16, due 06-19: not of week 06-15's
E="$T/entries"
own_store "$E" "the entries' store"
pe() { PAYDESK_CONFIG="$E/config.ini" PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
printf 'account_no,name,service_address,phone,email,segment\nE-1,Eve Early,1 Road,,,Residential\n' >"$E/c.csv"
bills_at() { # bills_at DAY CSV-ROWS...: imported on DAY
	d=$1; shift
	{ echo "invoice_no,account_no,period,amount,issued_on,due_on"
	  for r in "$@"; do echo "$r"; done; } >"$E/b.csv"
	PAYDESK_NOW="$d 09:00:00" pe import bills "$E/b.csv" >/dev/null ||
	    echo "not ok - bills of $d"
}
PAYDESK_NOW="2026-01-02 09:00:00" pe import consumers "$E/c.csv" >/dev/null
bills_at 2026-01-02 "E0,E-1,Jan,10.00,2026-01-02,2026-02-01"
PAYDESK_NOW="2026-01-20 10:00:00" pe pay E-1 --type bill --items E0 \
    --method Cash --amount 10 >/dev/null
bills_at 2026-05-20 "E1,E-1,May,100.00,2026-05-20,2026-06-12"
bills_at 2026-06-01 "P1,E-1,Jun,30.00,2026-06-15,2026-06-18"
bills_at 2026-06-10 "N1,E-1,Jun,70.00,2026-06-10,2026-06-12"
bills_at 2026-06-16 "L1,E-1,Jun,40.00,2026-06-01,2026-06-18" \
    "Q1,E-1,Jun,25.00,2026-06-16,2026-06-19"
same "each item's entry day is the day it was loaded" \
    "$(sqlite3 "$E/store.db" "SELECT group_concat(x, ', ') FROM (SELECT i.ref || ' ' || e.entered_on AS x FROM items i JOIN item_entries e ON e.item_id = i.id ORDER BY i.id)")" \
    "E0 2026-01-02, E1 2026-05-20, P1 2026-06-01, N1 2026-06-10, L1 2026-06-16, Q1 2026-06-16"
PAYDESK_NOW="2026-06-22 12:00:00" pe --json report forecast --weeks 1 \
    --past 2 >"$E/f.json"
pw() { python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
print([(w["open"], w["forecast"]) for w in d["past"] if w["week"] == sys.argv[2]])' "$E/f.json" "$1"; }
same "week 06-08 as of 06-08: E1 alone (N1 issued and loaded 06-10)" \
    "$(pw 2026-06-08)" "[(10000, 10000)]"
same "week 06-15 as of 06-15: P1 (loaded before its issue) and L1 (issued before its loading), not Q1" \
    "$(pw 2026-06-15)" "[(7000, 389)]"
same "the weeks as the method written again" \
    "$(python3 "$TOP/tests/cli/forecast_check.py" "$E/store.db" 2026-06-22 monday 1 2 | awk '$1 == "past" {print $2, $4, $5}' | tr '\n' '|')" \
    "2026-06-08 10000 10000|2026-06-15 7000 389|"
# the weeks ahead know every item: N1 overdue is arrears, the week of
# 06-22 has nothing due
same "the weeks ahead: arrears are every item loaded" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["arrears"])' "$E/f.json")" 26500
# an arrangement's installments are items entered the day it is made
PAYDESK_NOW="2026-06-22 12:00:00" pe arrangement create E-1 --items N1 \
    --installments 2 --frequency weekly --first 2026-06-29 \
    --reason "Hardship" >/dev/null 2>&1 ||
    echo "not ok - an arrangement of N1"
same "its installments entered the day it was made" \
    "$(sqlite3 "$E/store.db" "SELECT count(*) FROM items i JOIN item_entries e ON e.item_id = i.id WHERE i.kind = 'installment' AND e.entered_on = '2026-06-22'")" 2
# the migration: a store of before it gets entry days once, the earlier
# of the row's day and the issue date; run again, nothing changes
sqlite3 "$E/store.db" "DROP TRIGGER item_entries_no_delete;
 DELETE FROM item_entries WHERE item_id IN (SELECT id FROM items WHERE ref IN ('P1', 'L1'));
 UPDATE items SET created_at = '2026-06-16 09:00:00' WHERE ref = 'P1';
 PRAGMA user_version = 71"
pe doctor >/dev/null 2>&1
same "migration 72 backfills: P1 its row's day (before its issue), L1 its issue date" \
    "$(sqlite3 "$E/store.db" "SELECT group_concat(x, ', ') FROM (SELECT i.ref || ' ' || e.entered_on AS x FROM items i JOIN item_entries e ON e.item_id = i.id WHERE i.ref IN ('P1', 'L1') ORDER BY i.id)")" \
    "P1 2026-06-15, L1 2026-06-01"
same "the other rows kept, one each" \
    "$(sqlite3 "$E/store.db" "SELECT count(*) || ' ' || count(DISTINCT item_id) || ' ' || (SELECT count(*) FROM items) FROM item_entries")" \
    "8 8 8"
same "item_entries refuses an update" \
    "$(sqlite3 "$E/store.db" "UPDATE item_entries SET entered_on = '2020-01-01'" 2>&1 | grep -c 'append-only')" 1

# --- a past week's Came in is what came in for its items (review R23b):
# the items the week's first day did not know (entered and issued after
# it) are none of them, though due and paid in the week; one issued and
# loaded on the first day is known that day (review s52). A store of its
# own; week of Monday 2026-06-01, all paid Friday 06-05, by Bank Transfer
# (branch of the terminal) or a later cash payment:
#   K1 100.00 issued 05-01, loaded 06-02, due 06-01: known (issued before)
#   K2 100.00 issued 05-01, loaded 06-02, due 06-02: known
#   K3  60.00 issued 06-03, loaded 05-28 (before its issue), due 06-04: known
#   M1  50.00 issued 06-03, loaded 06-03, due 06-05: not known
#   S2  30.00 service charge of 06-02, loaded 06-02: not known
#   M2  20.00 issued 06-01, loaded 06-01 (the first day itself), due 06-06:
#       known (review s52: left out)
# Came in 280.00 (K1 K2 K3 M2), Collected 360.00, Open 280.00.
K="$T/camein"
own_store "$K" "the came-in store"
pk() { PAYDESK_CONFIG="$K/config.ini" PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
printf 'account_no,name,service_address,phone,email,segment\nK-1,Kim Known,1 Road,,,Residential\nK-2,Kit Other,2 Road,,,Commercial\n' >"$K/c.csv"
PAYDESK_NOW="2026-05-01 09:00:00" pk import consumers "$K/c.csv" >/dev/null
kbills() { # kbills DAY CSV-ROWS...: imported on DAY
	d=$1; shift
	{ echo "invoice_no,account_no,period,amount,issued_on,due_on"
	  for r in "$@"; do echo "$r"; done; } >"$K/b.csv"
	PAYDESK_NOW="$d 09:00:00" pk import bills "$K/b.csv" >/dev/null ||
	    echo "not ok - bills of $d"
}
kbills 2026-05-28 "K3,K-1,Jun,60.00,2026-06-03,2026-06-04"
kbills 2026-06-01 "M2,K-2,Jun,20.00,2026-06-01,2026-06-06"
kbills 2026-06-02 "K1,K-1,Jun,100.00,2026-05-01,2026-06-01" \
    "K2,K-2,Jun,100.00,2026-05-01,2026-06-02"
kbills 2026-06-03 "M1,K-1,Jun,50.00,2026-06-03,2026-06-05"
printf 'ref,account_no,description,amount,service_date\nS2,K-1,Late Fee,30.00,2026-06-02\n' >"$K/s.csv"
PAYDESK_NOW="2026-06-02 09:00:00" pk import services "$K/s.csv" >/dev/null ||
    echo "not ok - service S2"
for it in K1:K-1:bill:100 K2:K-2:bill:100 K3:K-1:bill:60 M1:K-1:bill:50 \
    S2:K-1:service:30 M2:K-2:bill:20; do
	set -- $(echo "$it" | tr : ' ')
	PAYDESK_NOW="2026-06-05 10:00:00" pk pay "$2" --type "$3" --items "$1" \
	    --method Cash --amount "$4" >/dev/null || echo "not ok - pay $1"
done
kw() { # kw ARGS...: open, forecast, came in, collected of week 06-01
	PAYDESK_NOW="2026-06-20 10:00:00" pk --json report forecast --past 3 \
	    --weeks 1 "$@" | python3 -c 'import json,sys
w=[w for w in json.load(sys.stdin)["past"] if w["week"]=="2026-06-01"][0]
print(w["open"], w["came_in"], w["collected"])'
}
same "week 06-01: Open K1 K2 K3 M2, Came in for them alone, Collected all" \
    "$(kw)" "28000 28000 36000"
same "the same of the Residential segment (K1 K3; M1 S2 not of the week)" \
    "$(kw --segment Residential)" "16000 16000 24000"
same "the same of the Commercial segment (K2 and M2, issued and loaded on the first day)" \
    "$(kw --segment Commercial)" "12000 12000 12000"
same "the same by mary's payments (the scoped reading)" \
    "$(kw --user mary)" "28000 28000 36000"
same "came in as the method written again" \
    "$(python3 "$TOP/tests/cli/forecast_check.py" "$K/store.db" 2026-06-20 monday 1 3 | awk '$1 == "past" && $2 == "2026-06-01" {print $4, $6, $7}')" \
    "28000 28000 36000"

# --- the on-time ratio (review R23b): an item due today is not late yet,
# and what an arrangement took over counts once, by its installments.
# R-1 paid R0 (100.00, due 01-20) on time; R1 100.00 due 06-16, R2 100.00
# due 06-23. T-1 paid T0 (100.00) on time; T1 300.00 due 06-25 taken over
# on 06-16 by a plan of 30.00 down and 3 x 90.00 weekly from 06-22.
R="$T/ratio"
own_store "$R" "the ratio store"
pr() { PAYDESK_CONFIG="$R/config.ini" PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
printf 'account_no,name,service_address,phone,email,segment\nR-1,Rae Ready,1 Road,,,Commercial\nT-1,Tom Taken,2 Road,,,Residential\n' >"$R/c.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nR0,R-1,Jan,100.00,2026-01-01,2026-01-20\nR1,R-1,Jun,100.00,2026-06-01,2026-06-16\nR2,R-1,Jun,100.00,2026-06-01,2026-06-23\nT0,T-1,Jan,100.00,2026-01-01,2026-01-20\nT1,T-1,Jun,300.00,2026-06-01,2026-06-25\n' >"$R/b.csv"
PAYDESK_NOW="2026-01-01 09:00:00" pr import consumers "$R/c.csv" >/dev/null
PAYDESK_NOW="2026-01-01 09:00:00" pr import bills "$R/b.csv" >/dev/null ||
    echo "not ok - the ratio bills"
for a in R-1:R0 T-1:T0; do
	PAYDESK_NOW="2026-01-10 10:00:00" pr pay "${a%%:*}" --type bill \
	    --items "${a#*:}" --method Cash --amount 100 >/dev/null ||
	    echo "not ok - pay $a"
done
rw() { # rw NOW WEEK SEGMENT: the forecast of WEEK
	PAYDESK_NOW="$1 10:00:00" pr --json report forecast --weeks 3 \
	    --past 1 --segment "$3" | python3 -c 'import json,sys
print([w["forecast"] for w in json.load(sys.stdin)["weeks"] if w["week"] == sys.argv[1]][0])' "$2"
}
rc() { # rc NOW: the method written again, week ahead forecasts
	python3 "$TOP/tests/cli/forecast_check.py" "$R/store.db" "$1" monday 3 1 |
	    awk '$1 == "ahead" {print $2, $5}' | tr '\n' '|'
}
same "on R1's due day, R-1's next week (R2) at 100% (R1 not late yet)" \
    "$(rw 2026-06-16 2026-06-22 Commercial)" 10000
same "the day after, R1 unpaid is late: 100 of 200 on time" \
    "$(rw 2026-06-17 2026-06-22 Commercial)" 5000
PAYDESK_NOW="2026-06-16 10:00:00" pr pay R-1 --type bill --items R1 \
    --method Cash --amount 100 >/dev/null || echo "not ok - pay R1"
same "R1 paid on its due day: on time, 100%" \
    "$(rw 2026-06-17 2026-06-22 Commercial)" 10000
PAYDESK_NOW="2026-06-16 10:00:00" pr arrangement create T-1 --installments 3 \
    --frequency weekly --first-due 2026-06-22 --items T1 --reason hardship \
    --down 30 >/dev/null || echo "not ok - arrangement of T1"
same "T-1 on 06-30: 90.00 of 07-06 at 100/310 (T1 once, by its installments)" \
    "$(rw 2026-06-30 2026-07-06 Residential)" 2903
same "T-1 on 06-23: 90.00 of 06-29 at 100/220 (down 30, 06-22 90 unpaid; T1 not due yet)" \
    "$(rw 2026-06-23 2026-06-29 Residential)" 4091
same "T-1 on 06-26, T1 due 06-25 taken over: still 100/220" \
    "$(rw 2026-06-26 2026-06-29 Residential)" 4091
same "the organisation's weeks as the method written again (06-30)" \
    "$(PAYDESK_NOW="2026-06-30 10:00:00" pr --json report forecast --weeks 3 --past 1 | python3 -c 'import json,sys
print("|".join("%s %d" % (w["week"], w["forecast"]) for w in json.load(sys.stdin)["weeks"]) + "|")')" \
    "$(rc 2026-06-30)"
same "and on R1's due day" \
    "$(PAYDESK_NOW="2026-06-16 10:00:00" pr --json report forecast --weeks 3 --past 1 | python3 -c 'import json,sys
print("|".join("%s %d" % (w["week"], w["forecast"]) for w in json.load(sys.stdin)["weeks"]) + "|")')" \
    "$(rc 2026-06-16)"
# an arranged bill, then the plan cancelled: the bill owes again and
# counts again, its installments (closed by the cancel, nothing paid)
# not at all. K-1 (Industrial) paid K0 100.00 on time; K1 200.00 due
# 06-25 is taken over on 06-16 by 2 weekly installments of 100.00 from
# 06-22, the plan cancelled on 06-24; K2 100.00 due 07-08.
printf 'account_no,name,service_address,phone,email,segment\nK-1,Kim Kept,3 Road,,,Industrial\n' >"$R/c2.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nK0,K-1,Jan,100.00,2026-01-01,2026-01-20\nK1,K-1,Jun,200.00,2026-06-01,2026-06-25\nK2,K-1,Jul,100.00,2026-06-01,2026-07-08\n' >"$R/b2.csv"
PAYDESK_NOW="2026-01-01 09:00:00" pr import consumers "$R/c2.csv" >/dev/null
PAYDESK_NOW="2026-01-01 09:00:00" pr import bills "$R/b2.csv" >/dev/null ||
    echo "not ok - the cancel case's bills"
PAYDESK_NOW="2026-01-10 10:00:00" pr pay K-1 --type bill --items K0 \
    --method Cash --amount 100 >/dev/null || echo "not ok - pay K0"
KP=$(PAYDESK_NOW="2026-06-16 10:00:00" pr arrangement create K-1 --installments 2 \
    --frequency weekly --first-due 2026-06-22 --items K1 --reason hardship |
    sed -n 's/^Arrangement  *//p' | head -1)
# on 06-23, the plan live: K0 on time, #1 (06-22) 100.00 unpaid: 100 of
# 200; the week of 06-29 (#2, 100.00) at 50.00
same "K-1 on 06-23, its plan live: #2's week at 100/200 (K1 taken over)" \
    "$(rw 2026-06-23 2026-06-29 Industrial)" 5000
PAYDESK_NOW="2026-06-24 10:00:00" pr arrangement cancel "$KP" \
    --reason "Moved away" >/dev/null || echo "not ok - cancel $KP"
# on 07-02: K0 100 on time, K1 200 late (given back by the cancel), the
# installments closed by it: 100 of 300; K2's week (07-06) at 33.33
same "after the cancel, on 07-02: K2's week at 100/300 (K1 again, not the installments)" \
    "$(rw 2026-07-02 2026-07-06 Industrial)" 3333
same "and K1's 200.00 overdue before the current week" \
    "$(PAYDESK_NOW="2026-07-02 10:00:00" pr --json report forecast --weeks 1 --past 0 --segment Industrial | python3 -c 'import json,sys
print(json.load(sys.stdin)["totals"]["arrears"])')" 20000
# the week of 06-22 as it stood at its first day: #1 100.00 (K1 taken
# over since 06-16) at K0's 1/1, the cancel after it changing nothing
same "the week of 06-22 as it stood (the cancel made later): 100.00 at 100%" \
    "$(PAYDESK_NOW="2026-07-02 10:00:00" pr --json report forecast --weeks 1 --past 2 --segment Industrial | python3 -c 'import json,sys
print(" ".join("%d %d" % (w["open"], w["forecast"]) for w in json.load(sys.stdin)["past"] if w["week"] == "2026-06-22"))')" "10000 10000"
same "the organisation's weeks as the method written again (07-02)" \
    "$(PAYDESK_NOW="2026-07-02 10:00:00" pr --json report forecast --weeks 3 --past 1 | python3 -c 'import json,sys
print("|".join("%s %d" % (w["week"], w["forecast"]) for w in json.load(sys.stdin)["weeks"]) + "|")')" \
    "$(rc 2026-07-02)"

# --- a plan made on a past week's first day (review s52): that day knew
# it, its installments in the week's forecast and the bill it took over
# out of it (a debt counts once), as an item issued that day is in. F-1
# owes F1 300.00 (issued 05-01, due Wednesday 06-03); on Monday 06-01 at
# 10:00 a plan takes it over, 3 weekly installments of 100.00 from 06-02.
# Week 06-01 as it stood at its first day: F1 0 + #1 100.00 = 100.00,
# forecast all of it (nothing due in the year before: no ratio, the whole
# amount); week 06-08: #2 100.00, at 0 of 100.00 paid on time (#1,
# due 06-02, unpaid; F1 taken over, in no history).
F="$T/firstday"
own_store "$F" "the first day's store"
pf() { PAYDESK_CONFIG="$F/config.ini" PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
printf 'account_no,name,service_address,phone,email,segment\nF-1,Fay First,1 Road,,,Residential\n' >"$F/c.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nF1,F-1,May,300.00,2026-05-01,2026-06-03\n' >"$F/b.csv"
PAYDESK_NOW="2026-05-01 09:00:00" pf import consumers "$F/c.csv" >/dev/null
PAYDESK_NOW="2026-05-01 09:00:00" pf import bills "$F/b.csv" >/dev/null ||
    echo "not ok - bill F1"
PAYDESK_NOW="2026-06-01 10:00:00" pf arrangement create F-1 --items F1 \
    --installments 3 --frequency weekly --first-due 2026-06-02 \
    --reason hardship >/dev/null || echo "not ok - the plan of F1"
# the weeks by hand from the store: each item known by the end of 06-01
# (entered or issued then) and due in the week, less what the plan moved
# of it by then
fweek() { sqlite3 "$F/store.db" "SELECT coalesce(sum(i.amount - coalesce((SELECT
 sum(m.amount) FROM arrangement_moves m JOIN arrangement_events e ON e.id =
 m.event_id WHERE m.item_id = i.id AND e.at < '$2'), 0)), 0) FROM items i
 JOIN item_entries n ON n.item_id = i.id WHERE i.due_on BETWEEN '$1' AND
 date('$1', '+6 days') AND min(n.entered_on, i.issued_on) < '$2'"; }
same "by hand: week 06-01 owed 100.00 at its first day (#1; F1 taken over)" \
    "$(fweek 2026-06-01 2026-06-02)" 10000
same "by hand: week 06-08 owed 100.00 (#2)" "$(fweek 2026-06-08 2026-06-09)" 10000
fw() { PAYDESK_NOW="2026-06-20 10:00:00" pf --json report forecast --past 3 \
    --weeks 1 | python3 -c 'import json,sys
print(" ".join("%s %d %d" % (w["week"], w["open"], w["forecast"]) for w in json.load(sys.stdin)["past"] if w["week"] in ("2026-06-01", "2026-06-08")))'; }
same "the plan of the first day: its installment in, the bill it took over out" \
    "$(fw)" "2026-06-01 $(fweek 2026-06-01 2026-06-02) $(fweek 2026-06-01 2026-06-02) 2026-06-08 10000 0"
same "and as the method written again" \
    "$(python3 "$TOP/tests/cli/forecast_check.py" "$F/store.db" 2026-06-20 monday 1 3 | awk '$1 == "past" && ($2 == "2026-06-01" || $2 == "2026-06-08") {printf "%s %s %s ", $2, $4, $5}' | sed 's/ $//')" \
    "$(fw)"
