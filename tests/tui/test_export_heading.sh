# test_export_heading.sh - the screens' analysis exports name exactly the
# filters their figures applied, as the screen's Filters: line does
# (issue 23, a fresh tester's fault 1: the dashboard's channel and method
# named in the forecast's workbook, which read neither), and the
# dashboard's accounting period as given with the days read (fault 2).
# Each workbook read back and compared with the screen it came from.
. "$TOP/tests/tui/lib.sh"
X="python3 $TOP/tests/tools/xlsx_cells.py"
export PAYDESK_NOW="2025-05-20 12:00:00"
EXP="$T/exports"
printf '[exports]\ndir = %s\n' "$EXP" >>"$PAYDESK_CONFIG"
# FY2025-P02 is May 2025 (fiscal years from April)
printf '[periods]\ncalendar = fiscal\nfiscal_start = 4\n' >>"$PAYDESK_CONFIG"
setup_store
PAYDESK_NOW="2025-05-19 10:00:00" PAYDESK_PIN=1234 "$PD" --user jane pay \
    WU-10002 --type bill --method Cash --amount 5 >/dev/null ||
    echo "not ok - a payment of May"
# field XLSX LABEL: the heading block's value of LABEL
field() {
	$X "$1" | sed -n '2,8p' | sed -n "s/^str:$2	str://p"
}
# shown: the screen's Filters: line's filters ("" none)
shown() {
	settle
	sed -n 's/^ *Filters: \(.*[^ ]\) *$/\1/p' "$SCREEN" |
	    sed 's/ (v to change)$//' | head -1
}
# export NAME: x, Excel, Enter; the workbook written into $T/NAME.xlsx
export_xlsx() {
	rm -rf "$EXP"
	keys x
	wait_for "$1 x: the export dialog" "Format"
	keys Right Enter
	wait_for "$1 x: written" "Exported"
	cp "$(ls "$EXP"/*.xlsx | head -1)" "$T/$1.xlsx" 2>/dev/null
}

tui_start
login admin 9999
wait_for "the dashboard" "Total Collected"
# channel Walk-in and method Cash: the dashboard's filters
keys v
wait_for "v: the form" "Filter the dashboard's figures"
keys Down Down Down
type_text Walk-in
keys Down
type_text Cash
keys Enter
wait_for "the filters named" "Filters: Channel Walk-in, method Cash"
# the forecast reads neither: no Filters line, none in the workbook
keys f
wait_for "f: the forecast" "Next 4 weeks"
same "f: no Filters line (it reads no channel or method)" "$(shown)" ""
export_xlsx fc
same "f x: the workbook names no filter, as the screen" \
    "$(field "$T/fc.xlsx" Filters)" "None"
keys Escape
wait_for "Esc: the dashboard" "Total Collected"
# the deteriorating payers read both: named on the screen and the file
keys b
wait_for "b: the deteriorating payers" "paying later and later"
s=$(shown)
same "b: the screen names both" "$s" "Channel Walk-in, method Cash"
export_xlsx dt
same "b x: the workbook names what the screen does" \
    "$(field "$T/dt.xlsx" Filters)" "$s"
keys Escape
wait_for "Esc: the dashboard" "Total Collected"
# segment and method: the forecast names the segment alone
keys v F8
type_text Residential
keys Down Down Down Down
type_text Cash
keys Enter
wait_for "the segment and method named" "Filters: Segment Residential, method Cash"
keys f
wait_for "f: the forecast" "Next 4 weeks"
s=$(shown)
same "f: the screen names the segment" "$s" "Segment Residential"
export_xlsx fs
same "f x: the workbook names the segment alone, as the screen" \
    "$(field "$T/fs.xlsx" Filters)" "$s"
keys Escape
wait_for "Esc: the dashboard" "Total Collected"
# the aging: its segment, as its screen names it
keys a
wait_for "a: the aging report" "Total outstanding"
s=$(shown)
same "a: the screen names the segment" "$s" "Segment Residential"
export_xlsx ag
same "a x: the workbook names the segment alone" \
    "$(field "$T/ag.xlsx" Filters)" "$s"
keys Escape
wait_for "Esc: the dashboard" "Total Collected"
# the period FY2025-P02 (May, up to today the 20th), no other filter
keys v F8 Down Down Down Down Down Down
type_text FY2025-P02
keys Enter
wait_for "the period shown" "May 2025"
keys i
wait_for "i: the period's anomalies" "anomal"
wait_for "i: the days read, to today" "2025-05-01 to 2025-05-20"
export_xlsx an
same "i x: the period named among the filters" \
    "$(field "$T/an.xlsx" Filters)" "Period FY2025-P02"
same "i x: its name and the days read (to today)" \
    "$(field "$T/an.xlsx" Period)" "FY2025-P02 (2025-05-01 to 2025-05-20)"
keys Escape
wait_for "Esc: the dashboard" "Total Collected"
# the rows behind the Collection Rate of the period: its name and days
keys 3
wait_for "3: the rate's items" "Collection rate: the items due"
export_xlsx rt
same "3 x: the period named" "$(field "$T/rt.xlsx" Period)" \
    "FY2025-P02 (2025-05-01 to 2025-05-31)"
keys Escape
wait_for "Esc: the dashboard" "Total Collected"
# the payments behind Total Collected (1) and behind a bar of the chart
# (Enter): headed as every analysis export, as kpi --rows collected|day
# heads them (a fresh tester's, issue 23: no heading block at all)
keys 1
wait_for "1: the payments Total Collected counts" "Receipt #"
export_xlsx p1
same "1 x: the payments, with a heading block" \
    "$(field "$T/p1.xlsx" Report)" "Payments"
same "1 x: the scope" "$(field "$T/p1.xlsx" Scope)" "Organisation"
same "1 x: the period among the filters" "$(field "$T/p1.xlsx" Filters)" \
    "Period FY2025-P02"
same "1 x: the period's name and days" "$(field "$T/p1.xlsx" Period)" \
    "FY2025-P02 (2025-05-01 to 2025-05-31)"
keys Escape
wait_for "Esc: the dashboard" "Total Collected"
keys '['
wait_for "[: today's bar" "day 20:"
keys Enter
wait_for "Enter: the chosen bar's day" "Receipt #"
export_xlsx pd
same "Enter x: the day's payments, with a heading block" \
    "$(field "$T/pd.xlsx" Report)" "Received"
same "Enter x: its day, once" "$(field "$T/pd.xlsx" Period)" "2025-05-20"
same "Enter x: no period among the filters (a day of it)" \
    "$(field "$T/pd.xlsx" Filters)" "None"
keys Escape
