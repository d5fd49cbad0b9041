# test_backoffice.sh - the supervisor's back office in tmux on the demo
# store: the dashboard against `paydesk kpi --json`, the payments list's
# search, filters and sort against the CLI listing, creating a credit note
# (over the maximum, no reason, valid), applying it, voiding a payment,
# the payers export of marked rows in the sort order, the aging report,
# and an export read back cell by cell against the CLI's.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
X="python3 $TOP/tests/tools/xlsx_cells.py"
EXP="$T/exports"
cat >>"$PAYDESK_CONFIG" <<CFG
[exports]
dir = $EXP
CFG
"$PD" demo >/dev/null || exit 1
# the demo's supervisor (lib.sh's sup is the fixtures' mary)
sup() { PAYDESK_PIN=583920 "$PD" --user mary "$@"; }

# jq-like: json FILE EXPR (EXPR in Python over d)
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }
# the CLI's money for minor units: 1936565 -> $19,365.65
money() { python3 -c "import sys; v=int(sys.argv[1]); print('%s\$%s.%02d' % ('-' if v < 0 else '', format(abs(v)//100, ','), abs(v)%100))" "$1"; }
# rows of a CLI JSON listing
count() { sup --json "$@" --limit 0 >"$T/c.json" && json "$T/c.json" "len(d)"; }
# shown ARGS...: the count as the list shows it, in the organisation's
# grouping (issue 25; the default: commas by three)
shown() { count "$@" >/dev/null && json "$T/c.json" "'{:,}'.format(len(d))"; }

tui_start
login mary 583920
wait_for "a supervisor lands on the dashboard" "Total Collected"

# --- dashboard = kpi --json
"$PD" --json kpi >"$T/kpi.json"
wait_for "Total Collected is the CLI's" \
    "$(money "$(json "$T/kpi.json" "d['month']['total_collected']")")"
wait_for "Received Today is the CLI's" \
    "$(money "$(json "$T/kpi.json" "d['day']['amount']")") ($(json "$T/kpi.json" "d['day']['count']"))"
wait_for "Collection Rate is the CLI's" \
    "$(json "$T/kpi.json" "'%.1f%%' % d['month']['collection_rate_percent']")"
wait_for "Avg Collection Time is the CLI's" \
    "$(json "$T/kpi.json" "'%.1f days' % d['month']['avg_collection_days']")"
chg=$(json "$T/kpi.json" "d['change']['total_collected_percent']")
wait_for "the change of Total Collected is the CLI's, signed" \
    "$(python3 -c "import sys; v=float(sys.argv[1]); print(('\u25b2 ' if v > 0 else '\u25bc ' if v < 0 else '= ') + '%.1f%%' % abs(v))" "$chg")"
wait_for "outstanding total is the CLI's" \
    "$(money "$(json "$T/kpi.json" "d['outstanding']['total']")")"
wait_for "the daily chart is drawn" "Daily collections"
# its $0 on the axis line, the top of its scale above the bars (issue 17)
settle
grep -Eq '^ \$0 +└' "$SCREEN" && ! grep -Eq '^ \$0 +│' "$SCREEN" &&
    ok "the chart's \$0 on its axis" || notok "the chart's \$0 on its axis"
wait_for "the method breakdown is drawn" "By method this month"
# by gateway (issue 19): m switches, m again back; no gateway payment
# reached this store, so every payment is the counters' one row
keys m
wait_for "m: the collections by payment gateway" "By gateway this month"
wait_for "every payment taken at a counter" "At a counter"
keys m
wait_for "m again: by method" "By method this month"
keys Left
"$PD" --json kpi --month 2025-03 >"$T/kpi3.json"
wait_for "Left shows the month before" "2025-03-01 to 2025-03-31"
wait_for "March's Total Collected is the CLI's" \
    "$(money "$(json "$T/kpi3.json" "d['month']['total_collected']")")"
keys t
wait_for "t comes back to this month" "2025-04-01 to 2025-04-30"

# --- payments list
keys p
n=$(shown payments)
wait_for "the list counts every payment, grouped" "$n payments"
first=$(sup --json payments --limit 1 >"$T/f.json" && json "$T/f.json" "d[0]['receipt_no']")
wait_for "newest first, as the CLI" "$first"
keys /
type_text "R-T01-000042"
wait_for "search by receipt number" "Credit Notes    1 payment"
keys Enter
wait_for "the search found that receipt" "R-T01-000042"
wait_for "a search's count says it is of wherever taken (issue 23)" \
    "1 payment · At every terminal (a search)"
keys F
wait_for "F clears the search" "$n payments"
wait_for "then the scope again" "$n payments · Branch"

# filters: method, status, type, one at a time
keys f
wait_for "the filter dialog opens" "Filter the payments"
keys Down Right Right
keys Enter
# the configured methods, in order: "Cash", "Credit Card", ...
method() { "$PD" config | sed -n 's/^methods *= *//p' | tr ',' '\n' | sed -n "${1}p" | sed 's/^ *//; s/:.*//'; }
m2=$(method 2)
wait_for "method filter: as many as the CLI" \
    "$(shown payments --method "$m2") payments"
lacks "method filter: no other method" "$(printf 'Cash ')"
keys F
keys f Down Down Right Right Enter
wait_for "status filter Pending: as many as the CLI" \
    "$(shown payments --status pending) payments"
keys F
keys f Down Down Down Right Right Enter
wait_for "type filter Service: as many as the CLI" \
    "$(shown payments --type service) payments"
keys F
keys f Right Right Right Right Down
type_text "2025-04-10"
keys Down
type_text "2025-04-01"
keys Enter
wait_for "a custom range backwards is refused" "is after To"
keys Escape
wait_for "cancelled filters leave the list alone" "$n payments"
keys f Right Right Right Right Down
type_text "2025-04-01"
keys Down
type_text "2025-04-15"
keys Enter
wait_for "a custom range: as many as the CLI" \
    "$(shown payments --from 2025-04-01 --to 2025-04-15) payments"
keys F

# sort by receipt (ascending)
keys s
wait_for "s sorts by receipt" "Sorted by receipt, ascending"
wait_for "the first row is the CLI's first by receipt" \
    "$(sup --json payments --sort receipt --limit 1 >"$T/f.json" && json "$T/f.json" "d[0]['receipt_no']")"
keys r
wait_for "r reverses" "$(sup --json payments --sort receipt:desc --limit 1 >"$T/f.json" && json "$T/f.json" "d[0]['receipt_no']")"
keys s s s s s s
wait_for "back to newest first" "Sorted by date, descending"

# paging: the next page starts where the first ended
keys NPage
wait_for "PgDn reads the next page" "page 2"
keys Home
wait_for "Home goes back to the first page" "page 1"
# End: the last page, read from the end, the oldest payment at its foot
sup --json payments --sort date:asc --limit 1 >"$T/l.json"
keys End
wait_for "End reads the last page" "last page, more above"
wait_for "the last page ends with the oldest payment (the CLI's)" \
    "$(json "$T/l.json" "d[0]['receipt_no']")"
keys PPage
wait_for "PgUp from the last page reads the page before it" \
    "page 2 from the end"
keys NPage
wait_for "PgDn goes back to the last page" "last page"
keys Home
wait_for "Home after End goes back to the first page" "page 1, more below"

# --- create a credit note on a Posted payment
sup --json payments --status posted --sort receipt --limit 1 >"$T/p.json"
rc=$(json "$T/p.json" "d[0]['receipt_no']")
amt=$(json "$T/p.json" "d[0]['amount']")
keys /
type_text "$rc"
keys Enter
wait_for "the payment to credit is listed" "$rc"
keys m
wait_for "the action menu opens" "View Details"
wait_for "supervisors may create a credit note" "Create Credit Note"
keys Down Down Down Enter
wait_for "the Create Credit Note dialog" "Original payment amount"
wait_for "the maximum is the payment" "Maximum: $(money "$amt")"
lacks "no credit on it yet: no Already credited line" "Already credited"
wait_for "no reason yet: Create is not possible" "Choose a reason"
before=$(count credit-notes)
keys Enter
wait_for "Create without a reason is refused" "Not created: Choose a reason"
shown_once "the refusal said once" "Choose a reason"
keys Down Right Right Up
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "99999"
keys Enter
wait_for "over the maximum is refused" "above the maximum"
same "nothing was created" "$(count credit-notes)" "$before"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "5.25"
wait_for "the summary follows the amount" "$(money $((amt - 525)))"
keys Enter
wait_for "creating asks first, with the amount" \
    "Credit note of \$5.25 on $rc? Enter again to create"
same "nothing created yet" "$(count credit-notes)" "$before"
keys Enter
wait_for "a valid credit note is created" "Credit note CN-"
same "one more credit note" "$(count credit-notes)" $((before + 1))
sup --json credit-notes --receipt "$rc" >"$T/cn.json"
cn=$(json "$T/cn.json" "d[0]['number']")
same "the credit note has the amount typed" \
    "$(json "$T/cn.json" "d[0]['amount']")" 525
same "with the reason chosen" "$(json "$T/cn.json" "d[0]['reason']")" \
    "Duplicate Payment"

# --- apply it from the Credit Notes tab
keys F Tab
wait_for "the Credit Notes tab" "$((before + 1)) credit notes"
sup --json credit-notes --limit 0 >"$T/cns.json"
keys End
wait_for "End on the Credit Notes tab: the last page" "last page"
wait_for "the oldest credit note is on it (the CLI's last)" \
    "$(json "$T/cns.json" "d[-1]['number']")"
keys Home
wait_for "Home: the Credit Notes tab's first page" "page 1"
keys /
type_text "$cn"
keys Enter
wait_for "the new credit note is listed" "$cn"
keys Enter
wait_for "Enter opens the credit note details" "Original credit amount"
wait_for "its usage is 0.0%" "0.0%"
keys a
wait_for "apply: the consumer's open items" "Amount to apply"
keys BSpace BSpace BSpace BSpace BSpace BSpace
type_text "2"
keys Enter
wait_for "the credit is applied" "applied to"
wait_for "the details show what was applied" "Applied amount          \$2.00"
env PAYDESK_PIN=583920 "$PD" --user mary --json credit-note show "$cn" >"$T/cs.json"
same "the store agrees: 3.25 remaining" \
    "$(json "$T/cs.json" "d['financial']['remaining']")" 325
keys Escape

# --- the Credit Notes tab's filters against the CLI
keys F
wait_for "F clears the credit notes search" "$((before + 1)) credit notes"
keys f
wait_for "the credit notes filter dialog" "Filter the credit notes"
keys Down Down Right Space Enter
wait_for "reason filter: only Duplicate Payment" "Credit Notes    1 credit note"
wait_for "reason filter: the one created" "$cn"
keys F f Down Right Enter
wait_for "status filter Active: as many as the CLI" \
    "$(count credit-notes --status active) credit notes"
keys F f Down Down Down Down Right Right Enter
wait_for "remaining filter Partial: as many as the CLI" \
    "Credit Notes    $(count credit-notes --remaining partial) credit note"
keys F f Down Down Down Down Down
type_text "$rc"
keys Enter
wait_for "linked payment filter: the credit note of that receipt" \
    "Credit Notes    $(count credit-notes --receipt "$rc") credit note"
keys F f Right Enter
wait_for "created Today: as many as the CLI" \
    "Credit Notes    $(count credit-notes --from 2025-04-20 --to 2025-04-20) credit note"
keys F f Down Down Down Down Down Down
type_text "20"
keys Down
type_text "10"
keys Enter
wait_for "a credit amount range backwards is refused" "is above the amount to"
keys Escape f Down Down Down
type_text "WU-1000"
keys Tab
env PAYDESK_PIN=583920 "$PD" --user mary --json consumer search WU-1000 --limit 1 >"$T/cs1.json"
wait_for "Tab completes the consumer from a search" \
    "$(json "$T/cs1.json" "d[0]['account_no'] + ' ' + d[0]['name']")"
keys Escape
# the report filters credit-notes takes (review R23): a segment, in any
# case, as the CLI counts it and named on the filter line; a user nobody
# is, refused as the CLI refuses it
keys F f Down Down Down Down Down Down Down Down
type_text "residential"
keys Enter
wait_for "segment filter: as many as credit-notes --segment" \
    "Credit Notes    $(count credit-notes --segment residential) credit note"
wait_for "the filter line names the segment (its canonical name)" "Segment Residential"
keys F f Down Down Down Down Down Down Down Down Down Down Down
type_text "zoe"
keys Enter
wait_for "a user nobody is: refused, naming the field and the users" 'User "zoe": not one of'
lacks "the field, not the command line's option" '--user'
keys Escape
keys Tab F

# --- void a payment with a reason: a cheque jane's closed shift counted
# (review R20, fault 6): the void says the cheque is given back
jn() { PAYDESK_PIN=4872 "$PD" --user jane "$@"; }
jn shift open --count 5000x2 >/dev/null 2>&1 || echo "not ok - jane's shift opens"
vr=$(jn pay WU-10007 --type mixed --method Cheque --amount 12.00 --reference 777 2>/dev/null |
    sed -n 's/^Receipt number  *//p')
jn shift close --count 5000x2 --cheque "777:12.00" >/dev/null 2>&1 || echo "not ok - jane's shift closes"
keys /
type_text "$vr"
keys Enter
wait_for "the payment to void is listed" "$vr"
keys m
wait_for "Void is offered" "Void"
keys Down Down Down Down Enter
wait_for "the void dialog" "Void this payment"
keys Enter
wait_for "a void needs a reason" "Void reason is required"
# a reason of spaces: refused in the service's words, nothing asked
# (helper-261, fault 6)
type_text "   "
keys Enter
wait_for "a reason of blanks: refused" \
    "Void reason is blank (spaces only): write one"
lacks "  nothing asked" "Void payment $vr of"
keys BSpace BSpace BSpace
type_text "Entered twice"
keys Enter
wait_for "the void asks first, with the amount" "Void payment $vr of \$"
env PAYDESK_PIN=583920 "$PD" --user mary --json payment show "$vr" >"$T/ps.json"
same "not voided yet" "$(json "$T/ps.json" "d['payment']['status']")" Posted
keys Enter
wait_for "the payment is voided" "Payment $vr voided"
wait_for "its cheque given back, said" "Cheque 777 (shift Z-T01-"
env PAYDESK_PIN=583920 "$PD" --user mary --json payment show "$vr" >"$T/ps.json"
same "the store says Voided" "$(json "$T/ps.json" "d['payment']['status']")" Voided
wait_for "the list shows it Voided" "Voided"
keys Escape

# --- payers: sort by count, mark two, export them
keys y
wait_for "the payers report" "by total paid"
# its count line names the scope, as every list's (review R23), and its
# operator is checked as report payers --user checks it
wait_for "the payers report names its scope" "consumers · Branch B01, by total paid"
keys f
wait_for "the payers filter: User (the team member, review R23 s41)" "  User "
keys Down Down
type_text "zoe"
keys Enter
wait_for "a user nobody is: refused, naming the field and the users" \
    'User "zoe": not one of'
lacks "the field, not the command line's option (review R23 s41)" '--user'
keys C-u Escape
wait_for "the filter left as it was" "filter: none"
keys s
wait_for "sorted by payments" "by payments"
keys Down Space Space
wait_for "two rows marked" "2 marked"
keys x
wait_for "the export dialog" "the marked rows"
keys Enter
wait_for "the export is written" "Exported 2 rows"
f=$(ls "$EXP"/payers-*.csv)
sup --csv report payers --sort count --limit 3 | tail -n 2 >"$T/want.csv"
tail -n 2 "$f" >"$T/got.csv"
same "the marked rows, in the sort order, with the screen's columns" \
    "$(cut -d, -f1-5 "$T/got.csv")" "$(cut -d, -f1-5 "$T/want.csv")"
# one CSV, the machine's: the command line's header of JSON keys (issue
# 25: the workbook is the export for people)
same "the export has the command line's CSV header" \
    "$(head -1 "$f" | tr -d '\r')" \
    "$(sup --csv report payers --limit 1 | head -1 | tr -d '\r')"
same "the export's header is the payers' JSON keys" \
    "$(head -1 "$f" | tr -d '\r')" \
    "consumer,account_no,total,payments,last_paid,methods"
keys d
wait_for "the method distribution" "Method distribution"
wait_for "its columns' header" "Payments  Payers  Share"
# by gateway (issue 19): g shows it in place of the methods', g closes
keys g
wait_for "the gateway distribution" "Gateway distribution for the filter"
wait_for "the counters' payments, one row" "At a counter"
keys g
wait_for "g closes it" "Methods of"
keys Escape

# --- aging
keys a
sup --json report aging >"$T/ag.json"
wait_for "aging total is the CLI's" \
    "$(money "$(json "$T/ag.json" "d['totals']['total']")")"
wait_for "the 90+ bucket is the CLI's" \
    "$(money "$(json "$T/ag.json" "d['totals']['buckets']['90+']")")"
top=$(json "$T/ag.json" "d['consumers'][0]['consumer']")
wait_for "most outstanding consumer first" "$top"
keys Enter
wait_for "Enter drills into the items" "Days"
keys Escape Escape

# --- the cash-flow forecast (issue 23): the CLI's figures, the past
# weeks, its export
keys f
sup --json report forecast --past 8 >"$T/fc.json"
wait_for "forecast: the next 4 weeks are the CLI's" \
    "$(money "$(json "$T/fc.json" "d['totals']['next_4']")")"
wait_for "forecast: the overdue, not forecast, is the CLI's" \
    "$(money "$(json "$T/fc.json" "d['totals']['arrears']")")"
wait_for "forecast: the first week ahead is the CLI's" \
    "$(money "$(json "$T/fc.json" "d['weeks'][0]['forecast']")")"
keys p
wait_for "forecast: p shows the past weeks" "and what came in"
wait_for "forecast: the last past week's collected is the CLI's" \
    "$(money "$(json "$T/fc.json" "d['past'][-1]['collected']")")"
keys p x
wait_for "forecast: the export dialog" "Format"
keys Right Enter
wait_for "forecast: the xlsx is written (13 weeks, 4 totals)" "Exported 17 rows"
sup --csv report forecast >"$T/fc.csv"
$X --compare "$T/fc.csv" "$(ls "$EXP"/forecast-*.xlsx)" DDImM >"$OUT" 2>&1 &&
    ok "forecast: the Excel export is the CLI's, cell by cell" ||
    notok "forecast: the Excel export is the CLI's, cell by cell"
keys Escape

# --- export a filtered payments list as Excel; compare with the CLI's CSV
keys p f Down Right Enter
m1=$(method 1)
wait_for "filtered by the first method" "$(shown payments --method "$m1") payments"
keys x
wait_for "export dialog" "Format"
keys Right Enter
wait_for "the xlsx is written" "Exported"
xf=$(ls "$EXP"/payments-*.xlsx)
sup --csv payments --method "$m1" >"$T/pm.csv"
$X --compare "$T/pm.csv" "$xf" tttmtdtt >"$OUT" 2>&1
if [ $? -eq 0 ]; then ok "the Excel export is the CLI's listing, cell by cell, totals too"
else notok "the Excel export is the CLI's listing, cell by cell"; fi

# --- an export cancelled with Esc leaves no file
"$PD" --json kpi >"$T/kpi.json" # before the ledger grows behind the UI
grow_ledger 20 || exit 1
keys F x
wait_for "export dialog again" "Format"
keys Right Enter Escape
wait_for "Esc cancels the export" "Export cancelled after"
same "the cancelled export left no file" \
    "$(ls "$EXP" | grep -c 'payments-.*xlsx')" 1

keys Escape Escape
wait_for "Esc goes back to the dashboard" "Daily collections"
wait_for "the dashboard reads again after changes (the void)" \
    "$(money "$(json "$T/kpi.json" "d['month']['total_collected']")")"
keys Escape
wait_for "Esc on the dashboard asks first" "Log out? Esc again to log out"
lacks "not logged out yet" "Log in to take payments"
sleep 0.3
keys Escape
wait_for "Esc again logs out" "Log in to take payments"
keys F10
wait_dead
has "F10 quits" "1"
lacks "no sanitizer report (leaks included) at exit" "Sanitizer"
