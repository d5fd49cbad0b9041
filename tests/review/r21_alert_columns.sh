# Review 21: the alerts list (text) cuts values of a fixed length: the
# Raised column is narrower than a time stamp ("2026-12-02 09:0~") and the
# Arrangement column (a large payment's payment number there) narrower than
# a payment number ("PAY-T01-2026-00~"), written to a file as on a screen:
# a recovery officer cannot read which payment, nor when.
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2026-12-02 09:00:00"
setcfg large_payment 100.00
make_store "$DB"
cash pay A-4 --type bill --method "Bank Transfer" --amount 150 >/dev/null || fail "pay"
out=$(rec alerts)
check "the payment number whole" 1 "$(echo "$out" | grep -c 'PAY-T01-2026-000001')"
check "the raised time whole" 1 "$(echo "$out" | grep -c '2026-12-02 09:00')"
check "nothing cut" 0 "$(echo "$out" | grep -c '~')"
finish
