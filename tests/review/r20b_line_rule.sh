#!/bin/sh
# R20b: "Each match says which rule made it". From the command line a
# deposit's match shows its rule (deposit show), but a credit the transfer
# or card rule matched does not: statement show (text and --json) lists its
# lines with no match, rule or what they were matched to, and no other
# command lists the matched credits (only the TUI's reconciliation day).
. "$(dirname "$0")/r20_lib.sh"
demo
jane pay WU-10002 --type bill --items INV-2025-1000203 --method "Bank Transfer" --amount 30 --reference TRX-555 >/dev/null 2>&1 || nok "transfer"
printf 'date;amount;reference;text\n2026-06-16;30,00;TRX-555;Transfer\n' > "$T/s.csv"
mary statement mapping add b date=1 amount=2 reference=3 text=4 decimal=comma separator=semicolon header=1 >/dev/null 2>&1 || nok "mapping"
name=$(mary statement import "$T/s.csv" --mapping b --account NL01BANK0123456789 2>/dev/null | sed -n 's/^Statement  *//p')
export PAYDESK_NOW="2026-06-17 09:00:00"
mary deposit match 2>/dev/null | grep -q "Bank transfers matched       1" || nok "the transfer is not matched"
s=$(mary statement show "$name" 2>&1; mary --json statement show "$name" 2>&1)
case "$s" in *transfer*) ok "statement show names the rule";;
  *) nok "statement show $name (text and --json): line 1, matched by the transfer rule, shows no match or rule";; esac
finish
