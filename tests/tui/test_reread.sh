#!/bin/sh
# test_reread.sh - a screen that opens a form or another screen that can
# change what it shows reads it again when it comes back on top (h1,
# fault A: the Disconnections list kept a consumer, and its count, after
# the consumer made an arrangement from it, until Tab or g): in tmux a
# recovery officer makes a plan from the disconnection list (a), from an
# overdue item's alert (a) and opens a dispute from a payment's details
# (d); each screen under the form shows what it made once the form and
# what it opened close. The Arrangements list reads a plan made at
# another terminal (the command line) meanwhile; the Dashboard's figures
# a payment recorded from it (n). One store, one tmux server.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-08-02 10:00:00"
# (items 30 days overdue alerted as they come in: set before the store)
cat >>"$PAYDESK_CONFIG" <<CFG
[arrangements]
reasons = Hardship, Job loss, Other
[alerts]
overdue_days = 30
CFG
setup_store
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' \
    >"$T/rec.csv"
PAYDESK_PIN=9999 "$PD" --user admin import users "$T/rec.csv" >/dev/null
rec() { PAYDESK_PIN=4321 "$PD" --user rita "$@"; }
rec pay WU-10002 --type bill --method Cash --amount 80 >"$OUT" 2>&1 ||
    { echo "not ok - José Núñez's bill paid"; cat "$OUT"; }
# the disconnection list as the command line has it: Acme Bakery's
# 1,200.00 first, John Doe's after (José Núñez paid)
disc() { rec --csv disconnections | tail -n +2 | cut -d, -f1 | tr -d '\r' |
    tr '\n' ' '; }
same "two consumers to disconnect: Acme Bakery, John Doe" "$(disc)" \
    "WU-10003 WU-10001 "
# newplan: on the New Arrangement form, its reason (the first of
# [arrangements] reasons, the eighth field) and Enter twice: made
newplan() {
	wait_for "$1: New Arrangement" "New payment arrangement"
	keys Down Down Down Down Down Down Down Right
	wait_for "$1: its reason" "< Hardship >"
	keys Enter
	wait_for "$1: asked once" "Enter again to make the plan"
	keys Enter
	wait_re "$1: made" "Arrangement AR-T01-00000[0-9] made"
}

tui_start
login rita 4321
wait_for "rita (recovery) on Home" "Find Consumer"
keys Home Down Down Down Down Down Down Enter
wait_for "Home: the payment arrangements, none yet" "0 payment arrangements"

## the Disconnections list after a plan made from it (a)
keys d
wait_for "d: the disconnection list" "2 consumers to disconnect"
wait_re "  Acme Bakery first, the most owed" "^ +WU-10003 +Acme Bakery"
keys a
newplan "a on Acme Bakery"
wait_for "  the plan made shown" "AR-T01-000001  Active"
keys Escape
wait_for "Esc: the list read again, its count one less" "1 consumer to disconnect"
lacks "  Acme Bakery off the list" "WU-10003"
wait_re "  John Doe still on it" "^ +WU-10001 +John Doe"
keys Tab
wait_for "Tab: Acme Bakery to reconnect" "1 consumer to reconnect"
wait_re "  by its arrangement" "^ +WU-10003 .* Arrangement"
keys Tab
wait_for "Tab again: the disconnection list" "1 consumer to disconnect"
same "  as the command line's" "$(disc)" "WU-10001 "
keys Escape
wait_for "Esc: the arrangements, the plan among them" "1 payment arrangement"

## the Arrangements list after a plan made elsewhere meanwhile: read when
## it comes back on top, as the inbox and the disputes are
keys Enter
wait_for "Enter: the plan" "AR-T01-000001  Active"
rec arrangement create WU-10001 --items SRV-2025-0418 --installments 2 \
    --frequency monthly --first-due 2025-09-01 --reason Hardship >"$OUT" 2>&1 &&
    ok "a plan made at the command line meanwhile" ||
    { echo "not ok - a plan made at the command line meanwhile"; cat "$OUT"; }
keys Escape
wait_for "Esc: the list read again, the other plan among them" \
    "2 payment arrangements"
wait_re "  John Doe's" "^ +AR-T01-000002 +WU-10001"
keys Escape
wait_for "Esc: Home" "Find Consumer"

## an overdue item's Alert after a plan made from it (a): closed by it
keys Home Down Down Down Down Enter
wait_re "the alert inbox" "[0-9]+ alerts? not closed"
same "John Doe's oldest bill has an overdue alert, open" \
    "$(sql "SELECT count(*) FROM alerts WHERE kind = 'item-overdue' AND
    status <> 'closed' AND ref = 'INV-2025-001234'")" 1
id=$(sql "SELECT id FROM alerts WHERE kind = 'item-overdue' AND ref =
    'INV-2025-001234'")
# its row: Down from the first row (k - 1 times)
settle
k=$(grep -E '^ +[0-9]+ +[A-Z][a-z]+ [a-z]+ +WU-' "$SCREEN" |
    grep -n " INV-2025-001234 " | head -1 | cut -d: -f1)
[ -n "$k" ] && ok "  its row in the inbox ($k)" ||
    { echo "not ok - its row in the inbox"; sed 's/^/  | /' "$SCREEN"; }
keys Home
j=1
while [ "$j" -lt "${k:-1}" ]; do
	keys Down
	j=$((j + 1))
done
keys Enter
wait_for "Enter: the alert of John Doe's oldest bill" "INV-2025-001234"
wait_re "  Open" "^ +$id +Item overdue +Open"
keys a
newplan "a on the alert"
keys Escape
wait_re "Esc: the alert read again: Closed" "^ +$id +Item overdue +Closed"
wait_for "  its cause ended, said in its history" \
    "INV-2025-001234 is under an arrangement"
keys Escape
wait_re "Esc: the inbox" "[0-9]+ alerts? not closed"
keys Escape
wait_for "Esc: Home" "Find Consumer"

## a Payment's details after a dispute opened from them (d)
keys Home Down Down Enter
wait_for "Today's payments" "R-T01-000001"
keys Enter
wait_for "Enter: the payment's details" "Payment details"
keys d
wait_for "d: a dispute of it" "R-T01-000001  WU-10002"
keys Right
keys Enter
wait_for "  asked once" "Enter again"
keys Enter
wait_for "  opened" "Dispute DP-T01-000001 opened"
wait_for "  back on the payment's details" "Payment details"
# (its disputes after its items and total: a page down, or two)
keys NPage
settle
grep -q "DP-T01-000001" "$SCREEN" || keys NPage
wait_re "  the details read again: the dispute among its disputes" \
    "^ +DP-T01-000001 +Chargeback, Open, "
keys Escape Escape
wait_for "Esc Esc: Home" "Find Consumer"
logout
wait_for "rita signs out" "Log in to take payments"

## the Dashboard's figures after a payment recorded from it (n)
# outstanding: the Dashboard's "Total outstanding", as paydesk kpi has it
outstanding() { sup --json kpi | tr -d ' \n' |
    sed -n 's/.*"outstanding":{"total":\([0-9]*\).*/\1/p' |
    python3 -c 'import sys; print("${:,.2f}".format(int(sys.stdin.read()) / 100))'; }
before=$(outstanding)
login mary 2222
wait_for "mary on the Dashboard" "Dashboard"
wait_for "  what is outstanding, as paydesk kpi" "Total outstanding $before"
keys n
wait_for "n: Record Payment" "Step 1 of 8"
type_text WU-10001
wait_for "  John Doe found" "John Doe"
keys Enter Enter Enter
wait_for "  his items" "Step 4 of 8"
keys Enter
wait_for "  the amount" "Step 5 of 8"
keys Tab C-u
type_text 10
wait_for "  10.00 typed" "Amount            10"
keys Enter Enter
wait_for "  the review" "Step 7 of 8"
keys Enter
wait_for "  posted" "Payment of \$10.00 posted"
after=$(outstanding)
[ "$after" != "$before" ] &&
    ok "  what is outstanding less in paydesk kpi ($before, $after)" ||
    echo "not ok - what is outstanding less in paydesk kpi ($before, $after)"
keys Enter
wait_for "Enter: back on the Dashboard" "Total outstanding"
wait_for "  its figures read again: what is outstanding now" \
    "Total outstanding $after"
