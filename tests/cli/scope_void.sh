# scope_void.sh - sourced by test_scope.sh (its central node on either
# backend, terminals T01 and T03 of branch B01 and T02 of B02, mary a
# supervisor of no branch, admin): a void is of the scope too (review R23
# fault 5). At the terminal: mary, signed in at T01, may not void a
# payment T02 (branch B02) took, which none of her lists shows (16,
# nothing changed, nothing to push); but she may uphold by void a dispute
# of it (a dispute is worked at any terminal of the organisation: its
# void comes with its step, and the central node takes the pair). At the
# central node: a void record of a payment of another branch than the
# pushing terminal's, without its uphold, is refused unless its user is
# an admin there (forged with tests/cli/forge.py, as an older or
# modified terminal would push it), nothing changed; and a terminal
# whose own void was refused so undoes it, saying so in sync
# --quarantine.
# (P2: one with no dispute open, of which one is opened below)
P2=$(tsql 1 "SELECT payment_no FROM payments WHERE terminal = 'T02' AND
 status = 'Posted' AND id NOT IN (SELECT payment_id FROM disputes WHERE
 status IN ('open', 'review')) ORDER BY id LIMIT 1")
P2B=$(tsql 1 "SELECT payment_no FROM payments WHERE terminal = 'T02' AND
 status = 'Posted' AND payment_no <> '$P2' ORDER BY id LIMIT 1")
# (P3: one with no dispute open either: a payment with one is not voided
# by hand, review s48)
P3=$(tsql 1 "SELECT payment_no FROM payments WHERE terminal = 'T03' AND
 status = 'Posted' AND id NOT IN (SELECT payment_id FROM disputes WHERE
 status IN ('open', 'review')) ORDER BY id LIMIT 1")
ob=$(tsql 1 "SELECT count(*) FROM outbox")
expect "mary voids at T01 a payment of B02: refused (16)" 16 \
    "was taken at terminal T02 of branch B02: only an admin voids" \
    as mary 2222 payment void "$P2" --reason "Wrong account"
same "it stays Posted, nothing for the central node" \
    "$(tsql 1 "SELECT status FROM payments WHERE payment_no = '$P2'") $(tsql 1 \
     "SELECT count(*) FROM outbox")" "Posted $ob"
expect "mary opens a dispute of B02's payment at T01" 0 "" \
    as mary 2222 dispute open "$P2" --reason amount-contested
DP=$(tsql 1 "SELECT d.dispute_no FROM disputes d JOIN payments p ON p.id =
 d.payment_id WHERE p.payment_no = '$P2' AND d.status = 'open'")
expect "and upholds it by void: a dispute is worked at any terminal" 0 "" \
    as mary 2222 dispute uphold "$DP" --void
expect "mary voids a payment of T03, of her branch" 0 "" \
    as mary 2222 payment void "$P3" --reason "Wrong account"
same "both Voided" "$(tsql 1 "SELECT group_concat(status) FROM payments
 WHERE payment_no IN ('$P2', '$P3')")" "Voided,Voided"
expect "T01 pushes them: none refused" 0 "Rejected    0" pdt 1 sync
same "the central node takes mary's uphold with its void, and her void" \
    "$(csql "SELECT (SELECT group_concat(status, ',') FROM (SELECT status
     FROM payments WHERE payment_no IN ('$P2', '$P3') ORDER BY
     payment_no) x) || ' ' || (SELECT status FROM disputes WHERE
     dispute_no = '$DP')")" "Voided,Voided upheld"

# the central node's side: T01 pushes a void made from its own of P3,
# of T02's payment P2B instead
F="env URL=$URL python3 $TOP/tests/cli/forge.py"
u2b=$(tsql 1 "SELECT uuid FROM payments WHERE payment_no = '$P2B'")
cled() {
	csql "SELECT (SELECT group_concat(payment_no || ':' || status, ',')
	 FROM (SELECT payment_no, status FROM payments WHERE terminal = 'T02'
	 ORDER BY payment_no) x) || '/' || (SELECT count(*) FROM voids) || '/'
	 || (SELECT count(*) FROM sync_log WHERE event = 'rejected')"
}
before=$(cled)
r=$($F "$T/t1.db" "$TOK1" "void:$P3" "data.payment_uuid=$u2b" \
    "data.payment_no=$P2B" 2>&1)
case "$r" in
"rejected: Payment $P2B was taken at terminal T02 of branch B02; voided by Mary Johnson, a supervisor, at terminal T01 of branch B01: only an admin voids"*)
	ok "a supervisor's void of B02's payment pushed by T01: refused, saying why" ;;
*) echo "not ok - a supervisor's void of B02's payment pushed by T01: refused"
   echo "  got: $r" ;;
esac
same "nothing changed at the central node, the refusal logged" "$(cled)" \
    "$(echo "$before" | awk -F/ '{print $1 "/" $2 "/" $3 + 1}')"
r=$($F "$T/t1.db" "$TOK1" "void:$P3" "data.payment_uuid=$u2b" \
    "data.payment_no=$P2B" "data.voided_by=Alex Morgan" 2>&1)
same "the same void by the admin Alex Morgan: applied" "$r" applied
same "and P2B Voided at the central node" \
    "$(csql "SELECT status FROM payments WHERE payment_no = '$P2B'")" Voided

# a terminal whose own void the central node refuses so undoes it:
# Posted again, allocated as before, and says so (here a modified T01
# whose users say mary is an admin: the central node's say not)
cash 2 WU-10003 --type bill --amount 5.00
P2C=$(tsql 2 "SELECT payment_no FROM payments ORDER BY id DESC LIMIT 1")
pdt 2 sync >/dev/null 2>&1
pdt 1 sync >/dev/null 2>&1
treseal 1 "UPDATE users SET role = 'admin' WHERE username = 'mary'"
# what the payment holds of each item, net of a void's reversals
held() {
	tsql 1 "SELECT group_concat(item_id || ':' || s) FROM (SELECT
	 a.item_id, sum(a.amount) AS s FROM allocations a JOIN payments p ON
	 p.id = a.payment_id WHERE p.payment_no = '$P2C' GROUP BY a.item_id
	 ORDER BY a.item_id)"
}
al=$(held)
expect "mary voids it at T01, which takes her for an admin" 0 "" \
    as mary 2222 payment void "$P2C" --reason "Wrong account"
expect "the central node refuses the void" 20 "Rejected    1" pdt 1 sync
same "T01 undid it: Posted, allocated as before" \
    "$(tsql 1 "SELECT status FROM payments WHERE payment_no = '$P2C'")
$(held)" "Posted
$al"
expect "sync --quarantine says why and that the void was undone" 0 \
    "only an admin voids a payment of another branch than the voiding terminal's. This terminal's void is undone: the payment is Posted again" \
    as mary 2222 sync --quarantine
vu=$(tsql 1 "SELECT uuid FROM outbox WHERE kind = 'void' AND ref = '$P2C'")
expect "sync --retry of the undone void: refused (17)" 17 \
    "was undone at this terminal" as mary 2222 sync --retry "$vu"
same "the central node has it Posted, with no void" \
    "$(csql "SELECT p.status || ' ' || (SELECT count(*) FROM voids v WHERE
     v.payment_id = p.id) FROM payments p WHERE p.payment_no = '$P2C'")" \
    "Posted 0"
# an admin voids it at T01 after all: the central node takes it
expect "an admin voids the payment at T01" 0 "" \
    as admin 9999 payment void "$P2C" --reason "Wrong account"
expect "and the central node takes it" 0 "Rejected    0" pdt 1 sync
same "Voided at the central node" \
    "$(csql "SELECT status FROM payments WHERE payment_no = '$P2C'")" Voided

# any void the central node refuses is undone at its terminal, not only
# one of the scope (s69: a void dated before its payment was recorded
# stayed Voided at its terminal alone): T03 takes a payment on May 20,
# T01, whose clock is two days behind T03's (more than the skew the
# central node allows), voids it on May 18
PAYDESK_NOW="2025-05-20 10:00:00" cash 3 WU-10003 --type bill --amount 4.00
P3K=$(tsql 3 "SELECT payment_no FROM payments ORDER BY id DESC LIMIT 1")
pdt 3 sync >/dev/null 2>&1
pdt 1 sync >/dev/null 2>&1
P2C=$P3K
al=$(held)
expect "T01 pulled T03's payment $P3K, Posted" 0 "Posted" \
    sh -c "sqlite3 '$T/t1.db' \"SELECT status FROM payments WHERE payment_no = '$P3K'\""
expect "an admin at T01 voids it on May 18, before T03 recorded it" 0 "" \
    env PAYDESK_NOW="2025-05-18 09:30:00" PAYDESK_PIN=9999 \
    "$PD" --config "$T/t1.ini" --user admin payment void "$P3K" \
    --reason "Wrong account"
same "Voided at T01" \
    "$(tsql 1 "SELECT status FROM payments WHERE payment_no = '$P3K'")" \
    Voided
expect "the central node refuses the void" 20 "Rejected    1" \
    env PAYDESK_NOW="2025-05-18 09:31:00" "$PD" --config "$T/t1.ini" sync
same "T01 undid it: Posted, allocated as before, as at the central node" \
    "$(tsql 1 "SELECT status FROM payments WHERE payment_no = '$P3K'")
$(held)
$(csql "SELECT status FROM payments WHERE payment_no = '$P3K'")" "Posted
$al
Posted"
expect "sync --quarantine says why and that the void was undone" 0 \
    "is dated 2025-05-18, before payment $P3K was recorded on 2025-05-20. This terminal's void is undone: the payment is Posted again" \
    as admin 9999 sync --quarantine
vu=$(tsql 1 "SELECT uuid FROM outbox WHERE kind = 'void' AND ref = '$P3K'")
expect "sync --retry of the undone void: refused (17)" 17 \
    "was undone at this terminal" as admin 9999 sync --retry "$vu"
expect "voided again at 10:30: the central node takes it" 0 \
    "Rejected    0" sh -c "PAYDESK_NOW='2025-05-20 10:30:00' PAYDESK_PIN=9999 \
    '$PD' --config '$T/t1.ini' --user admin payment void '$P3K' \
    --reason 'Wrong account' >/dev/null && PAYDESK_NOW='2025-05-20 10:31:00' \
    '$PD' --config '$T/t1.ini' sync"
pdt 3 sync >/dev/null 2>&1
same "Voided at T01, the central node and T03, one void each" \
    "$(tsql 1 "SELECT status FROM payments WHERE payment_no = '$P3K'")
$(csql "SELECT p.status || ' ' || (SELECT count(*) FROM voids v WHERE
 v.payment_id = p.id) FROM payments p WHERE p.payment_no = '$P3K'")
$(tsql 3 "SELECT status FROM payments WHERE payment_no = '$P3K'")" "Voided
Voided 1
Voided"
