# test_credit_team.sh - the credit notes list under team visibility
# (issue 23, a fresh tester's fault 3): a team reads the notes of its
# payments and the notes its users made of another team's payments, as
# the anomalies read a note as its maker's, so that the round credit
# notes an anomaly names are listed and found by number. Two teams: mary
# (North) makes three notes of jane's (South) payments, sam (South) one
# of mary's; ted (East) took and made nothing. Each list counted again
# here in sqlite3 from the ledger.
. "$TOP/tests/cli/lib.sh"
setup_store
D=2025-06-25
export PAYDESK_NOW="$D 18:00:00"
printf 'username,full_name,role,pin\nsam,Sam North,supervisor,5555\nted,Ted East,supervisor,6666\n' >"$T/u.csv"
PAYDESK_PIN=9999 "$PD" --user admin import users "$T/u.csv" >/dev/null ||
	echo "not ok - users sam and ted"
for u in mary:North jane:South sam:South ted:East; do
	PAYDESK_PIN=9999 "$PD" --user admin user set "${u%:*}" \
	    --team "${u#*:}" >/dev/null || echo "not ok - team of $u"
done
# user set at a store of its own (a synced terminal's users are the
# central node's: test_scope)
run env PAYDESK_PIN=9999 "$PD" --user admin user set ted --team " East "
same "user set --team: done, without the spaces around it" \
    "$RC $(cat "$OUT")" "0 User ted is of team East"
same "user set --team is audited" \
    "$(sql "SELECT action || ' ' || ref || ' ' || detail FROM audit_log
     ORDER BY id DESC LIMIT 1")" "team ted East"
S1=$(sql "SELECT count(*) FROM audit_log")
expect "user set of nobody: refused (4)" 4 'No user "zoe"' \
    env PAYDESK_PIN=9999 "$PD" --user admin user set zoe --team North
expect "a team over 32 characters: refused (3)" 3 "Team" \
    env PAYDESK_PIN=9999 "$PD" --user admin user set ted \
    --team "$(printf '%033d' 0)"
# blanks only are no team, nor the removal of one (--team "" is; a fresh
# tester's, issue 23: "   " took ted out of his team)
expect "a team of blanks only: refused (3)" 3 \
    'Team is blank (spaces only): write one, or --team "" for none' \
    env PAYDESK_PIN=9999 "$PD" --user admin user set ted --team "   "
same "a refused user set changed nothing" \
    "$(sql "SELECT count(*) || team FROM audit_log, users WHERE username =
     'ted'")" "${S1}East"
run env PAYDESK_PIN=9999 "$PD" --user admin user set ted --team ""
same "user set --team \"\": of no team" "$RC $(cat "$OUT")/$(sql \
    "SELECT team FROM users WHERE username = 'ted'")" "0 User ted is of no team/"
PAYDESK_PIN=9999 "$PD" --user admin user set ted --team East >/dev/null
printf 'invoice_no,account_no,period,amount,issued_on,due_on\n' >"$T/b.csv"
for i in 1 2 3 4; do
	echo "W-$i,WU-10002,Jun$i,20,2025-06-20,2025-06-30" >>"$T/b.csv"
done
sup import bills "$T/b.csv" >/dev/null
rcpt() { sql "SELECT p.receipt_no FROM payments p JOIN allocations a ON
 a.payment_id = p.id JOIN items i ON i.id = a.item_id WHERE i.ref = '$1'"; }
for i in 1 2 3; do
	PAYDESK_NOW="$D 09:0$i:00" cashier pay WU-10002 --type bill \
	    --items W-$i --amount 20 --method Cash >/dev/null ||
	    echo "not ok - jane pays W-$i"
done
PAYDESK_NOW="$D 09:04:00" sup pay WU-10002 --type bill --items W-4 \
    --amount 20 --method Cash >/dev/null || echo "not ok - mary pays W-4"
for i in 1 2 3 4; do
	who=mary pin=2222
	[ "$i" -eq 4 ] && who=sam pin=5555
	PAYDESK_NOW="$D 11:0$i:00" env PAYDESK_PIN=$pin "$PD" --user $who \
	    credit-note create "$(rcpt W-$i)" --amount 10 \
	    --reason "Billing Error" >/dev/null || echo "not ok - note of W-$i"
done
printf 'key,value\nvisibility.team,yes\n' >"$T/vt.csv"
PAYDESK_PIN=9999 "$PD" --user admin import settings "$T/vt.csv" \
    >/dev/null 2>&1 || echo "not ok - team visibility"
# by hand: the notes of TEAM's payments or made by TEAM's users
byhand() { sql "SELECT n.cn_no FROM credit_notes n JOIN payments p ON p.id =
 n.payment_id WHERE p.user_id IN (SELECT id FROM users WHERE team = '$1') OR
 n.user_id IN (SELECT id FROM users WHERE team = '$1') ORDER BY n.cn_no" |
 tr '\n' ' '; }
listed() { # listed USER PIN ARGS...: the numbers credit-notes --csv lists
	u=$1 pin=$2
	shift 2
	PAYDESK_PIN=$pin "$PD" --user "$u" --csv credit-notes "$@" |
	    tail -n +2 | cut -d, -f1 | sort | tr '\n' ' '
}
north=$(byhand North)
south=$(byhand South)
[ "$(echo $north | wc -w)" -eq 4 ] && [ "$(echo $south | wc -w)" -eq 4 ] &&
    [ "$(byhand East)" = "" ] ||
	echo "not ok - by hand: North's four (three made, one of its payment), South's four, East's none"
same "North (mary): the notes she made of South's payments, and of North's" \
    "$(listed mary 2222 --period 2025-06)" "$north"
same "South (sam): the notes of its payments (mary's) and the one sam made" \
    "$(listed sam 5555 --period 2025-06)" "$south"
same "East (ted): none" "$(listed ted 6666 --period 2025-06)" ""
# the number an anomaly names is found by a search
cn1=$(sql "SELECT n.cn_no FROM credit_notes n JOIN payments p ON p.id =
 n.payment_id JOIN items i ON 1 JOIN allocations a ON a.item_id = i.id AND
 a.payment_id = p.id WHERE i.ref = 'W-1'")
same "--search of a note mary made of South's payment: found by North" \
    "$(listed mary 2222 --search "$cn1")" "$cn1 "
same "and by South (its payment's)" "$(listed sam 5555 --search "$cn1")" "$cn1 "
same "not by East" "$(listed ted 6666 --search "$cn1")" ""
# the round credit notes the anomalies name are those listed
run sup --csv report anomalies --date "$D"
same "the anomaly names mary's round notes" \
    "$(grep -c '^Round credit notes,Mary Johnson' "$OUT")" 1
# the text's count line agrees
run sup credit-notes --period 2025-06
has "the text lists them" "$cn1"
