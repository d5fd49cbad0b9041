# test_gateway.sh - gateway payments at a terminal's screens (issue 19):
# a real paydesk-central on loopback takes one mobile-money confirmation
# from a phone two consumers share (tests/cli/gateway_sim.py), the
# terminal pulls it, and in tmux a supervisor finds it in the Dashboard's
# queue (u) with its candidates, searches, associates it with the second
# candidate with a reason (waiting, then applied at the sync), and the
# consumer's account view shows its gateway payment.
. "$TOP/tests/tui/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; stop_central; rm -rf "$T"' EXIT
export PAYDESK_NOW=""
SIM="python3 $TOP/tests/cli/gateway_sim.py"

{ printf '[organisation]\nphone_country_code = 254\n'; cat "$T/central.ini"
  echo "gateway_allow = 127.0.0.2"; } >"$T/cc.ini" && mv "$T/cc.ini" "$T/central.ini"
cat >"$T/gc.csv" <<CSV
account_no,name,service_address,phone,email,segment
WU-40001,Eve Shared,1 Pay Road,0755 123 456,,Residential
WU-40002,Fay Shared,2 Pay Road,+254 755 123 456,,Residential
CSV
central org add ACME "Acme Water" >/dev/null &&
    central import ACME users "$DATA/users.csv" >/dev/null &&
    central import ACME consumers "$T/gc.csv" >/dev/null &&
    run central gateway add ACME mpesa --profile mobile-money ||
    { echo "not ok - setup"; exit 1; }
MMPATH=$(sed -n 's/^path secret: //p' "$OUT")
run central terminal add ACME B01 T01
terminal 1 "$(token_of)"
start_central || exit 1
run $SIM send "$URL/v1/gateway/ACME/mpesa/$MMPATH" --source 127.0.0.2 \
    "$($SIM mm GT1 12.50 NOBODY 254755123456 20261130143000)"
pdt 1 sync >/dev/null
same "the terminal pulled the unassociated payment" \
    "$(tsql 1 "SELECT code, consumer_id, candidates FROM gw_payments")" \
    "GT1|0|WU-40001, WU-40002"

export PAYDESK_CONFIG="$T/t1.ini"
tui_start
login mary 2222
wait_for "the dashboard" "Total Collected"
keys u
wait_for "u opens the queue of unassociated gateway payments" \
    "1 unassociated gateway payment"
wait_for "the queue shows the payment with its candidates" "WU-40001, WU-4"
type_text "zzz"
wait_for "a search that matches nothing" "No gateway payments"
keys BSpace BSpace BSpace
type_text "755123"
wait_for "a search by phone finds it" "GT1"
keys Enter
wait_for "Enter opens the association, the candidates shown" \
    "Candidates: WU-40001, WU-40002"
grep -qE "Account +WU-40001" "$SCREEN" && ok "the first candidate is ready" ||
    notok "the first candidate is ready"
keys Enter
wait_for "a reason is required" "Reason is required"
same "nothing was recorded without a reason" \
    "$(tsql 1 "SELECT count(*) FROM outbox WHERE kind = 'gateway_association'")" 0
type_text "WU-40002"
keys Down
type_text "Called the office"
keys Enter
wait_for "the association is recorded" "the central node applies it"
keys F2
wait_for "the queue shows it waiting" "waiting"
pdt 1 sync >/dev/null
same "the central node associated it with the second candidate" \
    "$(csql "SELECT c.account_no FROM gateway_payments g JOIN consumers c ON
        c.id = g.consumer_id WHERE g.code = 'GT1'")" WU-40002
keys Escape
sleep 0.3
keys n
type_text "WU-40002"
wait_for "the consumer search" "Fay Shared"
keys Enter
wait_for "the account view lists its gateway payments" "Gateway payments"
wait_for "with the gateway, code and status" "mpesa    GT1"
