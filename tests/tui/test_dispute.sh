#!/bin/sh
# test_dispute.sh - disputes at the screens (issue 21): two disputes made
# with the command line, one rejected; in tmux a recovery user opens Home's
# Disputes, filters the unresolved (F2), puts one under review (r) and
# opens it (Enter): its terms and its timeline; a cashier has no Disputes.
# One store, one tmux server.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-06-01 10:00:00"
setup_store
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' \
    >"$T/rec.csv"
PAYDESK_PIN=9999 "$PD" --user admin import users "$T/rec.csv" >/dev/null
rec() { PAYDESK_PIN=4321 "$PD" --user rita "$@"; }
for a in 80 40; do
	rec pay WU-10002 --type bill --method Cash --amount $a >"$OUT" 2>&1
	sed -n 's/^Receipt number  *//p' "$OUT" | head -1 >>"$T/rnos"
done
expect "a dispute of the first payment" 0 "DP-T01-000001" rec dispute open \
    "$(sed -n 1p "$T/rnos")" --reason amount-contested --note "Read twice"
expect "one of the second, rejected" 0 "Resolved: rejected" sh -c \
    "PAYDESK_PIN=4321 '$PD' --user rita dispute open '$(sed -n 2p "$T/rnos")' --reason chargeback >/dev/null && PAYDESK_PIN=4321 '$PD' --user rita dispute reject DP-T01-000002 --note 'Holder confirmed'"

tui_start
login rita 4321
wait_for "rita (recovery) on Home" "Find Consumer"
wait_for "Home lists Disputes for the recovery role" "Disputes"
keys Home Down Down Down Down Down Enter
wait_for "the Disputes list" "2 disputes"
wait_for "the open one first, its status, reason, amount and age" \
    "DP-T01-000001 Open               Amount contested  \$80.00 2025-07-01    0"
wait_for "the rejected one after" "DP-T01-000002 Resolved: rejected Chargeback        \$40.00"
keys F2
wait_for "F2: the unresolved" "1 dispute: unresolved"
lacks "the rejected one is not among them" "DP-T01-000002"
keys r
wait_for "r: under review" "Dispute DP-T01-000001 is under review"
wait_for "its status now" "Under review"
same "the step is in the store" \
    "$(sqlite3 "$DB" "SELECT group_concat(kind) FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id WHERE d.dispute_no = 'DP-T01-000001'")" \
    "open,review"
keys r
wait_for "r again: the command line's refusal" "is Under review already"
keys Enter
wait_for "Enter opens the dispute" "Amount contested"
wait_for "its timeline: opened, with the note" "Read twice"
wait_for "and put under review by Rita" "Under review  Rita Ochoa"
keys Escape
wait_for "back to the list" "1 dispute: unresolved"
keys Escape
wait_for "back on Home" "Find Consumer"
logout
wait_for "logged out" "Log in to take payments"
login jane 1234
wait_for "jane (cashier) on Home" "Find Consumer"
lacks "no Disputes for a cashier" "Disputes"
