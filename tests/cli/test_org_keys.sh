#!/bin/sh
# test_org_keys.sh - the organisation's keys are the organisation's (review
# R20b 3, R21b 9; paydesk.ini(5) SETTINGS FROM THE CENTRAL NODE): every key
# of central_settings[] has one value at every terminal of an organisation,
# the central node's or, where it sets none, the default, never a file's;
# a terminal that has not synced yet, or a standalone one, takes them from
# its administrator's file (the one that made its store), never a user's
# own. A file that sets one to another value gets a warning naming the
# file, the key and the value in force. Every key is tried (the table
# below must name each of them), on both central engines.
. "${TOP:-.}/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"

export LANGUAGE=en
PAYDESK_NOW=2025-05-01 setup_org || exit 1
PAYDESK_NOW=2026-02-01 start_central || exit 1
export PAYDESK_NOW=2025-06-01

# Each organisation key and a value of it other than the default (and
# than what setup_org sets at the central node)
cat >"$T/alt.txt" <<'ALT'
organisation.name=Own Name
organisation.address=9 Own Road
organisation.currency_symbol=US$
organisation.language=fr
organisation.decimal_separator=comma
organisation.grouping_separator=space
organisation.grouping=3,2
organisation.currency_position=after
organisation.currency_space=yes
organisation.date_format=DD/MM/YYYY
organisation.week_start=sunday
organisation.phone_country_code=44
numbers.payment=P-{TERM}-{SEQ:7}
numbers.transaction=X-{TERM}-{SEQ:7}
numbers.receipt=RC-{TERM}-{SEQ:7}
numbers.credit_note=C-{TERM}-{SEQ:7}
numbers.z_report=ZZ-{TERM}-{SEQ:7}
payments.channels=Walk-in, Own Desk
payments.methods=Cash:cash, Own Card:card
payments.overpayment_threshold=1.00
payments.change_confirm=7.00
payments.allocation=largest
payments.priority_service=4
payments.priority_bill=5
payments.priority_installment=6
payments.installments_first=no
payments.notes_max=20
credit_notes.reasons=Overpayment, Own Reason
credit_notes.expiry_days=30
credit_notes.remarks_max=20
shifts.required=yes
shifts.denominations=5000, 100
shifts.tolerance=999.00
shifts.movement_approval_above=9999.00
shifts.movement_reasons=Own Move, Other
shifts.max_hours=48
deposits.match_days=9
deposits.overdue_days=20
deposits.over_short_above=9.00
reconciliation.card_fee_tolerance=999
security.login_max_attempts=19
security.login_lockout_minutes=1
security.pin_min_cashier=5
security.pin_min_supervisor=7
security.pin_min_admin=8
security.weak_pins=allow
disputes.reasons=chargeback, fraud, other
disputes.due_days=7
disputes.bounced_cheque_charge=5.00
visibility.team=yes
periods.calendar=fiscal
periods.fiscal_start=4
anomalies.large_factor=50
anomalies.large_history=9
anomalies.burst_count=9
anomalies.burst_minutes=9
anomalies.peer_factor=9
anomalies.peer_least=9
anomalies.round_unit=7.00
anomalies.round_count=9
arrangements.reasons=Own Plan, Other
disconnection.days=45
disconnection.amount=9.00
alerts.due_days=5
alerts.overdue_days=17
alerts.large_payment=123.45
alerts.credit_expiry_days=12
alerts.gateway_hours=13
alerts.reconciliation_days=14
alerts.missed=no
alerts.broken=no
alerts.refused=no
ALT
# the table names every organisation key, and only them
sed -n '/^static const char \*const central_settings/,/^};/p' \
    "$TOP/src/config/config.c" | grep -o '"[a-z_]*\.[a-z_]*"' | tr -d '"' |
    sort >"$T/keys"
same "the table names every organisation key" \
    "$(cut -d= -f1 "$T/alt.txt" | sort | tr '\n' ' ')" "$(tr '\n' ' ' <"$T/keys")"
[ "$(wc -l <"$T/keys")" -ge 50 ] && ok "the organisation keys were found" ||
    echo "not ok - the organisation keys were found ($(wc -l <"$T/keys"))"

# ini FILE: the table as sections of a config file, appended to FILE
ini() {
	cut -d. -f1 "$T/alt.txt" | uniq | while read -r sec; do
		echo "[$sec]"
		grep "^$sec\." "$T/alt.txt" | sed "s/^$sec\.\([a-z_]*\)=/\1 = /"
	done >>"$1"
}
# values CONFIG_OUTPUT: section.key=value of each organisation key
values() {
	awk '/^\[/ {sec = substr($0, 2, length($0) - 2); next}
	    /^;/ || !/ = / {next}
	    {k = $0; sub(/ = .*/, "", k); v = $0; sub(/^[^=]* = /, "", v);
	     print sec "." k "=" v}' "$1" | grep -F -f "$T/keys" |
	    awk -F= 'NR == FNR {want[$1] = 1; next} ($1 in want)' "$T/keys" - |
	    sort
}

t1() { pdt 1 "$@"; }
t1 sync >/dev/null && pdt 2 sync >/dev/null || echo "not ok - the first syncs"

## 1. An attached terminal: its file's values are not the organisation's
ini "$T/t1.ini"
run pdt 1 config
values "$OUT" >"$T/v1"
grep '^paydesk: warning: ' "$OUT" >"$T/w1"
run pdt 2 config
values "$OUT" >"$T/v2"
same "every organisation key has one value at T01 and T02" \
    "$(diff "$T/v1" "$T/v2" | head -5)" ""
same "every key was read at both" "$(wc -l <"$T/v1")" "$(wc -l <"$T/keys")"
n=0 miss=
while IFS='=' read -r key alt; do
	sec=${key%%.*} k=${key#*.}
	inforce=$(sed -n "s/^$key=//p" "$T/v2")
	[ "$alt" = "$inforce" ] && continue
	n=$((n + 1))
	grep -qF "t1.ini: [$sec] $k is the organisation's, not this file's ($alt): in force $inforce (" \
	    "$T/w1" || miss="$miss $key"
	# a file's value is never the one in force
	grep -qxF "$key=$alt" "$T/v1" && miss="$miss $key(in force)"
done <"$T/alt.txt"
same "each key the file sets otherwise is warned of, naming the file, key and value in force ($n)" \
    "$miss" ""
[ "$n" -ge 50 ] && ok "the file differs from the organisation in $n keys" ||
    echo "not ok - the file differs from the organisation in $n keys only"
NDIFF=$n
same "one warning a key" "$(wc -l <"$T/w1")" "$NDIFF"
grep -qF "(the default: the central node sets none)" "$T/w1" &&
    ok "the default's reason" || echo "not ok - the default's reason"
same "shifts.required is the central node's, not the file's" \
    "$(grep '^shifts.required=' "$T/v1")" "shifts.required=no"

# said once to a user of a store (paydesk config every time), nothing
# written to the store for it
sed -i 's/^notes_max = 20$/notes_max = 21/' "$T/t1.ini"
before=$(store_hash "$T/t1.db")
run pdtc 1 pay WU-10002 --type bill --method Cash --amount 2 --preview
# of that key alone (helper-258, fault 7: every key's again)
same "a changed file: the next command warns of the key changed" \
    "$(grep -c '^paydesk: warning: ' "$OUT")" 1
has "of the new value" "[payments] notes_max is the organisation's, not this file's (21): in force 250"
same "the warning writes nothing to the store" "$(store_hash "$T/t1.db")" "$before"
run pdtc 1 pay WU-10002 --type bill --method Cash --amount 2 --preview
same "and says it once" "$(grep -c '^paydesk: warning: ' "$OUT")" 0
run pdt 1 config
same "paydesk config says it every time" "$(grep -c '^paydesk: warning: ' "$OUT")" "$NDIFF"

## 2. What they decide is the organisation's
run pdtc 1 pay WU-10002 --type bill --method Cash --amount 2 --preview
has "the allocation rule in force is the default" "Oldest due first"
expect "a method of the file's only is refused" 3 "Own Card" \
    pdtc 1 pay WU-10002 --type bill --method "Own Card" --amount 2 --reference K1
run pdtc 1 pay WU-10002 --type bill --method Cash --amount 5
R=$(sed -n 's/^Receipt number  *//p' "$OUT" | head -1)
case $R in R-T01-*) ok "the receipt number is of the organisation's format ($R)";;
*) echo "not ok - the receipt number is of the organisation's format ($R)";; esac
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' >"$T/rec.csv"
central import ACME users "$T/rec.csv" >/dev/null
t1 sync >/dev/null
expect "a dispute reason of the file's only is refused at once" 3 \
    "choose one of: chargeback, bounced-cheque" \
    env PAYDESK_PIN=4321 "$PD" --config "$T/t1.ini" --user rita dispute open "$R" --reason fraud

## 3. The central node sets some: every terminal takes its value
printf 'key,value\npayments.allocation,bills\ndisputes.reasons,"chargeback, fraud, other"\nshifts.tolerance,2.00\n' \
    >"$T/org.csv"
expect "the central node sets three" 0 "3 added" central import ACME settings "$T/org.csv"
t1 sync >/dev/null && pdt 2 sync >/dev/null
run pdt 1 config
values "$OUT" >"$T/v1"
grep '^paydesk: warning: ' "$OUT" >"$T/w1"
run pdt 2 config
values "$OUT" >"$T/v2"
same "a file that sets none of them is warned of nothing" \
    "$(grep -c '^paydesk: warning: ' "$OUT")" 0
same "still one value at T01 and T02" "$(diff "$T/v1" "$T/v2" | head -5)" ""
same "the central node's values" \
    "$(grep -E '^(payments.allocation|shifts.tolerance)=' "$T/v1" | tr '\n' ' ')" \
    "payments.allocation=bills shifts.tolerance=2.00 "
grep -qF "[payments] allocation is the organisation's, not this file's (largest): in force bills (set by the central node)" \
    "$T/w1" && ok "the warning says the central node set it" ||
    echo "not ok - the warning says the central node set it: $(grep allocation "$T/w1")"
grep -q "disputes\] reasons" "$T/w1" &&
    echo "not ok - a key the file sets as the organisation does is not warned of" ||
    ok "a key the file sets as the organisation does is not warned of"
expect "the dispute reason the organisation added is taken" 0 "" \
    env PAYDESK_PIN=4321 "$PD" --config "$T/t1.ini" --user rita dispute open "$R" --reason fraud

## 3b. A key the central node changes: its warning alone said again
## (helper-258, fault 7: every key the file overrides was said again)
cp "$T/t2.ini" "$T/t2.ini.bak"
printf '[payments]\nallocation = largest\nnotes_max = 20\n[shifts]\ntolerance = 999.00\nmax_hours = 48\n[deposits]\nmatch_days = 9\n' \
    >>"$T/t2.ini"
p2() { PAYDESK_PIN=1234 "$PD" --config "$T/t2.ini" --user jane "$@"; }
run p2 payments
same "T02's file overrides five keys: five warnings" \
    "$(grep -c '^paydesk: warning: ' "$OUT")" 5
run p2 payments
same "  said once" "$(grep -c '^paydesk: warning: ' "$OUT")" 0
printf 'key,value\nshifts.tolerance,3.00\n' >"$T/org2.csv"
expect "the central node changes one of them" 0 "" \
    central import ACME settings "$T/org2.csv" --update
run pdt 2 sync
run p2 payments
same "after the sync, one warning: the key changed" \
    "$(grep -c '^paydesk: warning: ' "$OUT")" 1
has "  of its new value" \
    "[shifts] tolerance is the organisation's, not this file's (999.00): in force 3.00 (set by the central node)"
run p2 payments
same "  said once" "$(grep -c '^paydesk: warning: ' "$OUT")" 0
run pdt 2 config
same "paydesk config still says the five" \
    "$(grep -c '^paydesk: warning: ' "$OUT")" 5
# the file's value taken by the organisation: no warning; back to
# another: said again, though it was said so before
printf 'key,value\nshifts.tolerance,999.00\n' >"$T/org2.csv"
central import ACME settings "$T/org2.csv" --update >/dev/null
pdt 2 sync >/dev/null 2>&1
run p2 payments
same "the organisation sets the file's value: nothing said" \
    "$(grep -c '^paydesk: warning: ' "$OUT")" 0
printf 'key,value\nshifts.tolerance,3.00\n' >"$T/org2.csv"
central import ACME settings "$T/org2.csv" --update >/dev/null
pdt 2 sync >/dev/null 2>&1
run p2 payments
same "and back to 3.00: said again, alone" \
    "$(grep -c '^paydesk: warning: ' "$OUT")" 1
has "  that key's" "[shifts] tolerance is the organisation's, not this file's (999.00): in force 3.00"
# the file changed: that key's said again, alone
sed -i 's/^match_days = 9$/match_days = 8/' "$T/t2.ini"
run p2 payments
same "a key the file changes: its warning alone" \
    "$(grep -c '^paydesk: warning: ' "$OUT")" 1
has "  of the file's new value" "[deposits] match_days is the organisation's, not this file's (8)"
printf 'key,value\nshifts.tolerance,2.00\n' >"$T/org2.csv"
central import ACME settings "$T/org2.csv" --update >/dev/null
pdt 2 sync >/dev/null 2>&1
cp "$T/t2.ini.bak" "$T/t2.ini"

## 4. A file without [sync] url does not make a synced store standalone
grep -v '^url = ' "$T/t1.ini" >"$T/nourl.ini"
run "$PD" --config "$T/nourl.ini" config
values "$OUT" >"$T/v3"
same "without [sync] url: the organisation's values still" \
    "$(diff "$T/v2" "$T/v3" | head -5)" ""

## 5. Before its first sync: the administrator's file (the one that made
## the store), not a user's own
run central terminal add ACME B01 T03
terminal 3 "$(token_of)"
printf '[payments]\nallocation = installments\n' >>"$T/t3.ini"
cp "$T/t3.ini" "$T/mine3.ini"
printf '[payments]\nallocation = largest\n' >>"$T/mine3.ini"
run pdt 3 config
same "before the first sync, the administrator's file's value" \
    "$(values "$OUT" | grep '^payments.allocation=')" "payments.allocation=installments"
run "$PD" --config "$T/mine3.ini" config
same "and not a user's own file's" \
    "$(values "$OUT" | grep '^payments.allocation=')" "payments.allocation=installments"
has "which is warned of, naming the administrator's file" \
    "mine3.ini: [payments] allocation is the organisation's, not this file's (largest): in force installments (from this store's administrator's file $T/t3.ini)"
pdt 3 sync >/dev/null
run pdt 3 config
same "after it, the central node's" \
    "$(values "$OUT" | grep '^payments.allocation=')" "payments.allocation=bills"

## 6. A standalone terminal: its administrator's file only
mkdir -p "$T/alone"
printf '[store]\npath = %s/alone/a.db\n[terminal]\nid = T09\n[payments]\nallocation = bills\n' \
    "$T" >"$T/alone/admin.ini"
"$PD" --config "$T/alone/admin.ini" init >/dev/null
cp "$T/alone/admin.ini" "$T/alone/own.ini"
ini "$T/alone/own.ini"
run "$PD" --config "$T/alone/admin.ini" config
values "$OUT" >"$T/va"
run "$PD" --config "$T/alone/own.ini" config
values "$OUT" >"$T/vo"
same "a user's own file changes none of the organisation's keys" \
    "$(diff "$T/va" "$T/vo" | head -5)" ""
same "the administrator's value" "$(grep '^payments.allocation=' "$T/vo")" \
    "payments.allocation=bills"
has "each named in a warning" \
    "own.ini: [payments] allocation is the organisation's, not this file's (largest): in force bills (from this store's administrator's file $T/alone/admin.ini)"
same "a warning a differing key" "$(grep -c '^paydesk: warning: ' "$OUT")" \
    "$(($(wc -l <"$T/alt.txt") - 1))"
sed -i 's/^allocation = bills/allocation = installments/' "$T/alone/admin.ini"
run "$PD" --config "$T/alone/own.ini" config
same "the administrator's file changed: its new value" \
    "$(values "$OUT" | grep '^payments.allocation=')" "payments.allocation=installments"
# a store made with no file: the defaults are its administrator's
(cd "$T/alone" && env -u PAYDESK_CONFIG "$PD" --db "$T/alone/b.db" init >/dev/null)
run "$PD" --config "$T/alone/own.ini" --db "$T/alone/b.db" config
same "a store made with no file: the defaults" \
    "$(values "$OUT" | grep '^payments.allocation=')" "payments.allocation=oldest"
has "so says the warning" "configuration is the built-in one"

sanitized
exit 0
