# test_tile_words.sh - the dashboard tiles' words (issue 23, a fresh
# tester's fault 4): the Collection Rate's change in points, as kpi gives
# it ("▲ 3.5 pts", not the relative 59.3%); what the change is against:
# "vs month" under calendar months, the previous period's name under a
# fiscal calendar ("vs FY2025-P01" beside May 2025, FY2025-P02).
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-05-20 12:00:00"
setup_store
printf 'invoice_no,account_no,period,amount,issued_on,due_on
R-1,WU-10001,Apr,100,2025-04-01,2025-04-10
R-2,WU-10001,May,100,2025-05-01,2025-05-10
' >"$T/r.csv"
sup import bills "$T/r.csv" >/dev/null
PAYDESK_NOW="2025-04-09 10:00:00" cashier pay WU-10001 --type bill \
    --items R-1 --method Cash --amount 100 >/dev/null ||
    echo "not ok - April's payment"
PAYDESK_NOW="2025-05-12 10:00:00" cashier pay WU-10001 --type bill \
    --items R-2 --method Cash --amount 30 >/dev/null ||
    echo "not ok - May's payment"
# the command line's change of the rate, in points and relative
sup --json kpi >"$T/k.json"
pts=$(python3 -c 'import json, sys
c = json.load(open(sys.argv[1]))["change"]
print("%s %.1f pts|%.1f%%" % ("\u25b2" if c["collection_rate_points"] > 0 else "\u25bc",
    abs(c["collection_rate_points"]), abs(c["collection_rate_percent"])))' "$T/k.json")
rel=${pts#*|}
pts=${pts%|*}
[ "$pts" != "" ] && [ "${pts% pts}" != "$pts" ] && [ "$rel" != "0.0%" ] ||
    echo "not ok - the CLI's change of the rate ($pts, $rel)"
# the rate's tile: the line under its figure
rate_tile() {
	settle
	awk '/Collection Rate/ { found = NR } found && NR == found + 2' "$SCREEN" |
	    head -1
}
tui_start
tmux -S "$SOCK" resize-window -t pd -x 120 -y 30
login mary 2222
wait_for "the dashboard" "Total Collected"
wait_for "the rate's change in points, the CLI's" "$pts"
lacks "not the relative change" "$rel"
case "$(rate_tile)" in
*"$pts"*"vs month"*) ok "calendar months: vs month" ;;
*) echo "not ok - calendar months: vs month"; echo "  [$(rate_tile)]" ;;
esac
logout
wait_for "logged out" "Log in to take payments"
# a fiscal calendar from April: May 2025 is FY2025-P02, against FY2025-P01
printf '[periods]\ncalendar = fiscal\nfiscal_start = 4\n' >>"$PAYDESK_CONFIG"
tui_start
tmux -S "$SOCK" resize-window -t pd -x 120 -y 30
login mary 2222
wait_for "fiscal: the dashboard" "Total Collected"
wait_for "fiscal: against the previous period, named" "vs FY2025-P01"
lacks "fiscal: not vs month" "vs month"
case "$(rate_tile)" in
*"$pts"*"vs FY2025-P01"*) ok "fiscal: the rate's tile, in points, vs FY2025-P01" ;;
*) echo "not ok - fiscal: the rate's tile"; echo "  [$(rate_tile)]" ;;
esac
# Left: April, FY2025-P01, against FY2024-P12 (March)
keys Left
wait_for "Left: April against FY2024-P12" "vs FY2024-P12"
