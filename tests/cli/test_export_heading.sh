# test_export_heading.sh - an analysis export's heading names exactly the
# filters its figures applied, as the text's Filters: line does (issue 23,
# a fresh tester's faults 1 and 2): the period as given (a fiscal
# period's name, FY2025-P01) with its days, among the filters too; the
# anomalies of a period that runs past today the days read (to today);
# the forecast none of the payments' method or channel; the aging and the
# open items their segment alone. Each read back from the workbook.
. "$TOP/tests/cli/lib.sh"
X="python3 $TOP/tests/tools/xlsx_cells.py"
setup_store
export PAYDESK_NOW="2025-05-20 12:00:00"
# a fiscal calendar beginning in April: FY2025-P01 is April 2025,
# FY2025-P02 May 2025 (today the 20th)
printf '[periods]\ncalendar = fiscal\nfiscal_start = 4\n' >>"$PAYDESK_CONFIG"
P() { # P DAY ACCOUNT AMOUNT: jane takes AMOUNT of ACCOUNT on DAY
	PAYDESK_NOW="$1 10:00:00" PAYDESK_PIN=1234 "$PD" --user jane pay "$2" \
	    --type bill --method Cash --amount "$3" >/dev/null ||
	    echo "not ok - $2 pays $3 on $1"
}
P 2025-04-10 WU-10001 50.00
P 2025-04-22 WU-10002 30.25
P 2025-05-19 WU-10002 5.00
# xhead XLSX: the heading block's rows, "LABEL=VALUE;" each
xhead() {
	$X "$1" | sed -n '2,8p' | sed 's/^str:\([^	]*\)	str:/\1=/' | tr '\n' ';'
}
# field XLSX LABEL: one row's value
field() {
	xhead "$1" | tr ';' '\n' | sed -n "s/^$2=//p"
}

# --- the period as given, with its days (fault 2)
run sup kpi --rows rate --period FY2025-P01
has "kpi --rows rate --period: the text names it" "Filters: Period FY2025-P01"
run sup --xlsx "$T/r.xlsx" kpi --rows rate --period FY2025-P01
same "kpi --rows rate --period FY2025-P01: the filters name it" \
    "$(field "$T/r.xlsx" Filters)" "Period FY2025-P01"
same "and the period's row its name and days" \
    "$(field "$T/r.xlsx" Period)" "FY2025-P01 (2025-04-01 to 2025-04-30)"
run sup --xlsx "$T/c.xlsx" kpi --rows collected --period FY2025-P01 \
    --segment Residential
same "kpi --rows collected --period --segment: both named" \
    "$(field "$T/c.xlsx" Filters)" "Segment Residential, period FY2025-P01"
same "its period's row" "$(field "$T/c.xlsx" Period)" \
    "FY2025-P01 (2025-04-01 to 2025-04-30)"
run sup --xlsx "$T/t.xlsx" kpi --rows time --period FY2025-P01
same "kpi --rows time --period: named" "$(field "$T/t.xlsx" Period)" \
    "FY2025-P01 (2025-04-01 to 2025-04-30)"
run sup --xlsx "$T/p.xlsx" report payers --period FY2025-P01
same "report payers --period: named among the filters" \
    "$(field "$T/p.xlsx" Filters)" "Period FY2025-P01"
same "and its row" "$(field "$T/p.xlsx" Period)" \
    "FY2025-P01 (2025-04-01 to 2025-04-30)"
same "the payers' rows those of the period (the test's count)" \
    "$($X "$T/p.xlsx" | sed -n '11,$p' | grep -c .)" \
    "$(sql "SELECT count(DISTINCT consumer_id) FROM payments WHERE
        status = 'Posted' AND paid_on BETWEEN '2025-04-01' AND '2025-04-30'")"
# the anomalies of a period that runs past today: the days read
run sup --xlsx "$T/a.xlsx" report anomalies --period FY2025-P02
same "report anomalies --period FY2025-P02: named" \
    "$(field "$T/a.xlsx" Filters)" "Period FY2025-P02"
same "the days read: to today, not the period's last" \
    "$(field "$T/a.xlsx" Period)" "FY2025-P02 (2025-05-01 to 2025-05-20)"
run sup --xlsx "$T/a1.xlsx" report anomalies --period FY2025-P01 --user jane
same "a period before today: its days whole, its filters both" \
    "$(xhead "$T/a1.xlsx" | cut -d';' -f3,4)" \
    "Filters=Period FY2025-P01, user jane;Period=FY2025-P01 (2025-04-01 to 2025-04-30)"
run sup --xlsx "$T/m.xlsx" kpi --rows rate --month 2025-04
same "a month (--month): no period named, its days" \
    "$(xhead "$T/m.xlsx" | cut -d';' -f3,4)" \
    "Filters=None;Period=2025-04-01 to 2025-04-30"

# --- exactly the filters applied (fault 1)
run sup --xlsx "$T/d.xlsx" report deteriorating --method Cash --segment Residential
same "report deteriorating: its method and segment" \
    "$(field "$T/d.xlsx" Filters)" "Segment Residential, method Cash"
# the file holds the weeks ahead alone, the organisation's open items:
# the user narrows the past weeks' payments, which it does not hold (a
# fresh tester's, issue 23: "Scope: Branch B01", "User jane" above them)
run sup --xlsx "$T/f.xlsx" report forecast --user jane --segment Residential
same "report forecast --user --segment: the segment alone" \
    "$(field "$T/f.xlsx" Filters)" "Segment Residential"
same "report forecast: its weeks ahead the organisation's" \
    "$(field "$T/f.xlsx" Scope)" "Organisation (the same in every scope)"
run sup report forecast --weeks 1 --past 1
has "report forecast, text: the scope the past weeks', the weeks ahead the organisation's" \
    "Scope: Branch B01 (the past weeks' payments; the weeks ahead: the organisation's open items, the same in every scope)"
expect "report forecast takes no method (status 2)" 2 "--method" \
    sup --xlsx "$T/f2.xlsx" report forecast --method Cash
run sup --xlsx "$T/o.xlsx" kpi --rows outstanding --segment Residential
same "kpi --rows outstanding: its segment" "$(field "$T/o.xlsx" Filters)" \
    "Segment Residential"
# the open items and the aging are the organisation's in every scope:
# the heading says so, as the text's Scope: line (a fresh tester's,
# issue 23: "Branch B01")
same "kpi --rows outstanding: the organisation's" \
    "$(field "$T/o.xlsx" Scope)" "Organisation (the same in every scope)"
run sup --xlsx "$T/g.xlsx" report aging --segment Residential
same "report aging --xlsx: a heading, its segment" \
    "$(xhead "$T/g.xlsx" | cut -d';' -f1,3,4)" \
    "Report=Aging;Filters=Segment Residential;Period=2025-05-20"
same "report aging --xlsx: the organisation's" "$(field "$T/g.xlsx" Scope)" \
    "Organisation (the same in every scope)"
sup --csv report aging --segment Residential --limit 0 >"$T/g.csv"
run sup --xlsx "$T/g0.xlsx" report aging --segment Residential --limit 0
$X --compare "$T/g.csv" "$T/g0.xlsx" ttmimmmmmm >"$OUT" 2>&1 &&
    ok "the aging's data rows the CSV's, under the block" ||
    notok "the aging's data rows the CSV's, under the block"
same "the aging's header row frozen under it (row 9)" \
    "$($X "$T/g.xlsx" | head -1 | cut -d' ' -f2)" "frozen=9"

# --- a range open at one end or both says what it is (a fresh tester's,
# issue 23: the payers' "2025-04-15 to ..."), one day its day once
run sup --xlsx "$T/po1.xlsx" report payers --from 2025-04-15
same "report payers --from: from its day" "$(field "$T/po1.xlsx" Period)" \
    "from 2025-04-15"
run sup --xlsx "$T/po2.xlsx" report payers --to 2025-04-30
same "report payers --to: up to its day" "$(field "$T/po2.xlsx" Period)" \
    "up to 2025-04-30"
run sup --xlsx "$T/po3.xlsx" report payers
same "report payers, no range: every day" "$(field "$T/po3.xlsx" Period)" \
    "All days"
run sup --xlsx "$T/po4.xlsx" report payers --from 2025-04-10 --to 2025-04-10
same "report payers of one day: the day once" \
    "$(field "$T/po4.xlsx" Period)" "2025-04-10"
run sup --xlsx "$T/kd.xlsx" kpi --rows day --day 2025-05-19
same "kpi --rows day: the day once" "$(field "$T/kd.xlsx" Period)" \
    "2025-05-19"

# --- a filter accepted in another spelling is echoed as the store or the
# configuration names it (a fresh tester's, issue 23: "Period
# fy2025-p01", "Segment residential"), in the text and the heading
run sup kpi --rows rate --period fy2025-p01 --segment residential
has "kpi --rows rate: the text's filters canonical" \
    "Filters: Segment Residential, period FY2025-P01"
run sup --xlsx "$T/cn.xlsx" kpi --rows rate --period fy2025-p01 \
    --segment residential --method cash
same "kpi --rows rate --xlsx: the heading's filters canonical" \
    "$(field "$T/cn.xlsx" Filters)" \
    "Segment Residential, period FY2025-P01, method Cash"
same "and its period's name" "$(field "$T/cn.xlsx" Period)" \
    "FY2025-P01 (2025-04-01 to 2025-04-30)"
run sup --xlsx "$T/cp.xlsx" report payers --period fy2025-p01
same "report payers --xlsx: the period canonical" \
    "$(field "$T/cp.xlsx" Period)" "FY2025-P01 (2025-04-01 to 2025-04-30)"
run sup --xlsx "$T/cg.xlsx" report aging --segment residential
same "report aging --xlsx: the segment canonical" \
    "$(field "$T/cg.xlsx" Filters)" "Segment Residential"
