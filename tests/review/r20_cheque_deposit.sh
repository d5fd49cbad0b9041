#!/bin/sh
# R20: cheques are counted at the close one by one (number and amount), but
# deposited as an amount: `deposit create Z:Cheque=5` takes $5.00 of a shift
# whose cheques are 1001 ($12.34) and 1002 ($20.00), a part of a cheque no
# bank takes; and a deposit slip names no cheque (a bank's deposit slip
# lists each cheque with its number and amount).
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cheque --amount 12.34 --reference 1001 >/dev/null 2>&1 || nok "cheque 1"
jane pay WU-10001 --type bill --items INV-2025-001567 --method Cheque --amount 20 --reference 1002 >/dev/null 2>&1 || nok "cheque 2"
jane shift close --count 1000x1 --cheque "1001:12.34;1002:20" >/dev/null 2>&1 || nok "close"
out=$(mary deposit create Z-T01-000001:Cheque=5 --slip C1 --account A1 2>&1); rc=$?
if [ "$rc" -eq 3 ]; then ok "a part of a cheque refused"; else nok "deposit of \$5.00 of cheques 1001 (12.34) and 1002 (20.00): exit $rc"; fi
mary deposit create Z-T01-000001 --slip C2 --account A1 >/dev/null 2>&1 || nok "deposit C2"
slip=$(mary deposit slip C2 --text >/dev/null 2>&1; cat "$HOME"/.local/share/paydesk/receipts/C2*.txt 2>/dev/null)
case "$slip" in *1001*1002*) ok "the slip lists the cheques";; *) nok "the deposit slip of C2 names neither cheque 1001 nor 1002";; esac
finish
