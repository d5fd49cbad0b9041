#!/bin/sh
# R21b (s41): T02 and T03 cancel one plan offline. The amounts agree, but the
# loser refuses the pulled cancel ("Writing to the store: CHECK constraint
# ...") and its doctor fails, which holds the store: nothing can be posted
# there any more until it is restored from a backup.
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
start_central
R2() { PAYDESK_PIN=7291 t2 --user rec "$@"; }
R3() { PAYDESK_PIN=7291 t3 --user rec "$@"; }
R2 arrangement create A-1 --installments 2 --frequency weekly --first-due 2026-12-09 --reason r >/dev/null || fail "create A-1"
t2 sync >/dev/null 2>&1; t3 sync >/dev/null 2>&1
R2 arrangement cancel AR-T02-000001 --reason a >/dev/null || fail "cancel at T02"
R3 arrangement cancel AR-T02-000001 --reason b >/dev/null || fail "cancel at T03"
for t in t2 t3 t2 t3; do $t sync >/dev/null 2>&1; done
PAYDESK_PIN=618394 t3 --user sup sync --quarantine 2>/dev/null | grep -q 'AR-T02-000001.*constraint' &&
	fail "two cancels: T03 refuses the pulled cancel with a raw constraint error" || ok "two cancels: no raw refusal at T03"
for t in t2 t3; do
	$t doctor >/dev/null 2>&1 && ok "$t: doctor ok" || fail "$t: doctor: $($t doctor 2>&1 | grep problem | head -1 | cut -c1-160)"
done
finish
