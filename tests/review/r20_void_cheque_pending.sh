#!/bin/sh
# R20 (s40): a cheque payment voided after its shift closed (the cheque given
# back to the payer before it went to the bank). The void is accepted with
# no word about the cheque, and the counted cheque stays in deposit pending
# (and the To deposit screen) for good, its age growing: nothing takes it
# out but a deposit, which would hand the bank a cheque whose payment is
# void. A void of a cheque counted and not deposited should release it (or
# be refused until it is dealt with), as a cash void takes cash out of the
# drawer.
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 5000x2 >/dev/null 2>&1 || nok "open"
r=$(jane pay WU-10007 --type mixed --method Cheque --amount 10.00 --reference 555 2>/dev/null | sed -n 's/^Receipt number  *//p')
[ -n "$r" ] || r=$(mary --csv payments --limit 1 2>/dev/null | sed -n '2s/,.*//p')
PAYDESK_NOW="2026-06-15 12:00:00" jane shift close --count 5000x2 --cheque "555:10.00" >/dev/null 2>&1 || nok "close"
export PAYDESK_NOW="2026-06-15 13:00:00"
mary payment void "$r" --reason "cheque given back" >/dev/null 2>&1; rc=$?
if [ "$rc" -eq 0 ] && mary deposit pending 2>/dev/null | grep -q " 555 "; then
  nok "payment $r voided, yet its cheque 555 still waits in deposit pending"
else ok "void of $r (exit $rc): cheque 555 not left pending"; fi
finish
