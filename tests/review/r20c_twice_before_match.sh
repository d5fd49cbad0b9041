#!/bin/sh
# R20c: a bank that books one bag twice is told apart only when deposit
# match happened to run between the two statements. Issue 20 lists "a
# credit matched twice" among the exceptions; paydesk(1) has matched_twice
# ("a second credit naming a deposit credited already: the bank booked it
# twice"). Deposit B7 ($30.00) is credited on 16 June and again on 17 June,
# both credits naming B7. Run between the two imports, deposit match takes
# the first and report exceptions lists matched_twice on the second. But
# when the supervisor imports the week's statements first and matches after
# (the usual order), the deposit rule, finding two credits, takes neither:
# report exceptions lists two unexpected_credit lines naming B7 and, after
# [deposits] overdue_days, not_credited B7 - the bag the bank credited
# twice is reported as never credited, and no matched_twice appears.
# Fixed in s43 (s43-L2, Q4 re-applied): the first credit is matched, the
# second listed matched_twice, whatever order the statements came in.
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 10000x1 >/dev/null 2>&1 || nok "open"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 30 --tendered 30 >/dev/null 2>&1 || nok "pay"
jane shift close --count 10000x1,1000x3 >/dev/null 2>&1 || nok "close"
mary deposit create Z-T01-000001 --slip B7 --account NL01BANK0123456789 >/dev/null 2>&1 || nok "deposit"
mary deposit hand B7 >/dev/null 2>&1 || nok "deposit hand"
mary statement mapping add b date=1 amount=2 reference=3 text=4 decimal=comma separator=semicolon header=1 >/dev/null 2>&1 || nok "mapping"
printf 'date;amount;reference;text\n2026-06-16;30,00;B7;Deposit\n' > "$T/a.csv"
printf 'date;amount;reference;text\n2026-06-17;30,00;B7;Deposit\n' > "$T/b.csv"
mary statement import "$T/a.csv" --mapping b --account NL01BANK0123456789 >/dev/null 2>&1 || nok "import 16 June"
mary statement import "$T/b.csv" --mapping b --account NL01BANK0123456789 >/dev/null 2>&1 || nok "import 17 June"
export PAYDESK_NOW="2026-06-18 09:00:00"
mary deposit match >/dev/null 2>&1 || nok "deposit match"
export PAYDESK_NOW="2026-06-25 09:00:00"
ex=$(mary report exceptions 2>/dev/null)
echo "$ex" | grep -q '^matched_twice' && ok "the second B7 credit is listed as matched_twice" \
  || nok "no matched_twice for the bag credited twice: $(echo "$ex" | grep -E 'B7' | tr -s ' ' | tr '\n' '|')"
echo "$ex" | grep -q '^not_credited.*B7' && nok "B7, credited twice by the bank, is listed not_credited" \
  || ok "B7 is not listed as not credited"
finish
