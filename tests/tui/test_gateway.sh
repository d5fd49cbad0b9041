# test_gateway.sh - gateway payments at a terminal's screens (issue 19):
# a real paydesk-central on loopback takes one mobile-money confirmation
# from a phone two consumers share (tests/cli/gateway_sim.py), the
# terminal pulls it, and in tmux a supervisor finds it in the Dashboard's
# queue (u) with its candidates, searches, associates it with the second
# candidate with a reason (waiting, then applied at the sync), and the
# consumer's account view shows its gateway payment.
. "$TOP/tests/tui/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; stop_central; pg_stop; rm -rf "$T"' EXIT
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
    relax ACME &&
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
    "1 unassociated gateway payment · Organisation"
wait_for "the queue shows the payment with its candidates" "WU-40001, WU-4"
type_text "zzz"
wait_for "a search that matches nothing" "No gateway payments"
keys BSpace BSpace BSpace
type_text "755123"
wait_for "a search by phone finds it" "GT1"
keys Enter
wait_for "Enter opens the association, the candidates shown" \
    "Candidates: WU-40001, WU-40002"
# the screen may be caught mid-draw: look again for a while
i=0
while ! grep -qE "Account +WU-40001" "$SCREEN" && [ $i -lt 30 ]; do
	sleep 0.1
	grab
	i=$((i + 1))
done
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

# -- the review's cosmetics (issue 19 review, point 6). Two card payments
# whose ids differ only at their end, one associated by its metadata,
# one not; GT1's credit applied, then its disassociation refused
CS=$(central gateway add ACME stripe --profile card |
    sed -n 's/^signing secret: //p')
for c in "pi_3MtwBwLkdIwHu7ix28a3tqPa WU-40001" "pi_3MtwBwLkdIwHu7ix28b9XyZq -"; do
	set -- $c
	ev=$($SIM card payment_intent.succeeded "evt_$1" "$1" 700 usd "$2")
	$SIM send "$URL/v1/gateway/ACME/stripe" --secret "$CS" "$ev" >/dev/null
done
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINV-40002,WU-40002,Jan 2026,5.00,2026-01-01,2026-01-10\n' \
    >"$T/gb.csv"
central import ACME bills "$T/gb.csv" >/dev/null
pdt 1 sync >/dev/null
cn=$(tsql 1 "SELECT c.cn_no FROM credit_notes c JOIN payments p ON p.id =
    c.payment_id WHERE p.reference = 'GT1'")
# a Pending payment's credit waits for its verification (issue 19 review);
# applied at T02, which T01 has not pulled when it disassociates (where
# the terminal knows it, the disassociation is refused at once: R19)
run central terminal add ACME B02 T02
terminal 2 "$(token_of)"
PAYDESK_PIN=2222 pdt 1 --user mary payment verify "$(tsql 1 "SELECT
    payment_no FROM payments WHERE reference = 'GT1' AND status =
    'Pending'")" >/dev/null && pdt 1 sync >/dev/null && pdt 2 sync \
    >/dev/null &&
    PAYDESK_PIN=1234 pdt 2 --user jane credit-note apply "$cn" --to INV-40002 \
    --amount 1 >/dev/null && pdt 2 sync >/dev/null &&
    PAYDESK_PIN=2222 pdt 1 --user mary gateway disassociate GT1 \
    --reason "Wrong account" >/dev/null ||
    echo "not ok - cosmetics setup"
# (T01's disassociation refused there: the round runs, exit status 20)
pdt 1 sync >/dev/null
[ $? -eq 20 ] || echo "not ok - cosmetics setup: T01's disassociation refused at the central node, exit status 20"
keys Escape
sleep 0.3
keys Escape
sleep 0.3
keys u
wait_for "the unassociated list" "1 unassociated gateway payment"
settle
grep -qE "^ *# +Account +Code" "$SCREEN" &&
    ok "the unassociated list has a # column" ||
    notok "the unassociated list has a # column"
grep -qE "^ +1 +pi_3" "$SCREEN" && ok "numbered from 1" ||
    notok "numbered from 1"
wait_for "a card code shows its distinguishing end" "b9XyZq"
keys F8
wait_for "F8 on an unassociated payment is refused at once" \
    "is not associated with any consumer"
lacks "no dialog opened for it" "Disassociate a gateway payment from"
keys F2
wait_for "every payment" "gateway payments"
wait_for "the two card codes are told apart" "a3tqPa"
wait_for "and the other" "b9XyZq"
# beside the long codes at 80 columns the association's state gives way,
# the header ending in ">"; Right scrolls it into view, as on the other
# lists (helper-258, fault 3: no key reached it), Left back
wait_re "80 columns: the header ends in >" "^ +# +Account +Code .* >$"
lacks "  the state's column hidden" "Sync"
keys Right
wait_re "Right: the state's column" " Sync *$"
wait_re "  GT1's disassociation refused there" "^ +1 +GT1 .* refused *$"
keys Left
wait_re "Left: back to the first view" "^ +# +Account +Code .* >$"
type_text "pi_3MtwBwLkdIwHu7ix28a3"
wait_for "the search finds the associated card payment" "1 gateway payment"
keys Enter
wait_for "Enter on an associated payment is refused at once" \
    "is already associated with account"
lacks "no association dialog for it" "Associate a gateway payment with"
keys C-u
sleep 0.2
type_text "GT1"
wait_for "a refused disassociation is said so" \
    "Disassociation refused by the central node"
lacks "not as a refused association" "Association refused"
keys Escape
sleep 0.3
logout
sleep 0.3
# the screen's title in Spanish, whole at 80 columns
tui_open_until "es" "Inicie sesión" LANGUAGE=es
login mary 2222
wait_for "es: the dashboard" "Total cobrado"
keys u
wait_for "es: the queue" "pago de pasarela no asociado"
# header LINE NAME: the screen's first line has the whole title
header() {
	settle
	head -1 "$SCREEN" | grep -q "│ Pagos de pasarela " && ok "$1" ||
	    { notok "$1"; head -1 "$SCREEN" | sed 's/^/  | /'; }
}
header "es: the queue's title whole in the header"
keys Enter
wait_for "es: the association dialog" "Asociar un pago de pasarela"
header "es: the dialog's title whole in the header"
