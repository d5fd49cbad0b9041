#!/bin/sh
# R21b (s41): the pass closes the alerts of the arrangement rules whose cause
# ended, but no other: an "Item overdue" alert stays Open (in the inbox and
# the header's count) after the item is paid in full, and a "Credit note
# expiring" alert stays Open after the note expired, its Days -1; a "Large
# payment" alert stays Open after the payment is voided.
. "$(dirname "$0")/r21_lib.sh"
DB=$W/s.db
export PAYDESK_NOW="2026-12-02 10:00:00"
make_store "$DB"
sed -i "/^\[alerts\]/,/^\[/s/^overdue_days =.*/overdue_days = 30/" "$PAYDESK_CONFIG"
setcfg credit_expiry_days 30
cash shift open >/dev/null 2>&1
cash pay A-1 --type service --method "Credit Card" --reference Q1 --amount 45 >/dev/null || fail "pay"
export PAYDESK_NOW="2026-12-27 09:00:00"
n=$(rec alerts --kind overdue | grep -c ' B5 ')
check "B5 (due 2026-11-20) 30 days past due: alert raised" 1 "$n"
cash shift open >/dev/null 2>&1
cash pay A-3 --type bill --method "Credit Card" --reference Q2 --amount 80 >/dev/null || fail "pay B5"
export PAYDESK_NOW="2026-12-29 09:00:00"
n=$(rec alerts --kind overdue | grep -c ' B5 ')
check "B5 paid in full: its overdue alert is no longer open" 0 "$n"
export PAYDESK_NOW="2027-11-03 09:00:00"
n=$(rec alerts --kind credit | grep -c 'CN-T01-00001')
check "the overpayment's credit note (expires 2027-12-02) raises its alert" 1 "$n"
export PAYDESK_NOW="2027-12-04 09:00:00"
n=$(rec alerts --kind credit | grep -c 'CN-T01-00001')
check "the note expired: its expiring alert is no longer open" 0 "$n"
setcfg large_payment 50.00
cash shift open >/dev/null 2>&1
cash pay A-4 --type bill --method Online --reference "ON 1" --amount 60 >/dev/null || fail "online payment"
r=$(cash payments --status pending 2>/dev/null | sed -n 's/^\(R-T01-[0-9]*\) .*/\1/p' | head -1)
[ -n "$r" ] || r=R-T01-000003
sup payment verify "$r" >/dev/null || fail "verify $r"
n=$(rec alerts --kind large | grep -c "$r")
check "the verified \$60.00 payment raises its large-payment alert" 1 "$n"
sup payment void "$r" --reason wrong >/dev/null || fail "void $r"
n=$(rec alerts --kind large | grep -c "$r")
check "the payment voided: its large-payment alert is no longer open" 0 "$n"
finish
