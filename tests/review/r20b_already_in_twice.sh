#!/bin/sh
# R20b: a line an earlier statement already had (no bank id: the same
# booking date, amount and reference) is imported marked already_in and not
# credited again. But the match is not one for one: a first statement with
# one credit of $10.00 (SAME, 10 June) and a second, overlapping one with two
# such credits (the bank booked two) mark BOTH of the second's lines already
# imported: the account reads $10.00 credited on 10 June where the bank
# credited $20.00, and the second credit is no exception anywhere.
. "$(dirname "$0")/r20_lib.sh"
demo
mary statement mapping add b date=1 amount=2 reference=3 text=4 decimal=comma separator=semicolon header=1 >/dev/null 2>&1 || nok "mapping"
printf 'date;amount;reference;text\n2026-06-10;10,00;SAME;x\n' > "$T/a.csv"
printf 'date;amount;reference;text\n2026-06-10;10,00;SAME;x\n2026-06-10;10,00;SAME;x\n2026-06-11;1,00;OTHER;y\n' > "$T/b.csv"
mary statement import "$T/a.csv" --mapping b --account ACC2 >/dev/null 2>&1 || nok "import a"
out=$(mary statement import "$T/b.csv" --mapping b --account ACC2 2>&1) || nok "import b"
n=$(echo "$out" | sed -n 's/^Lines already imported *//p')
[ "$n" = 1 ] && ok "one line of b already imported" || nok "the second statement's two credits of 10.00 are both marked already imported ($n), the first had one"
c=$(mary --csv report reconciliation --account ACC2 --from 2026-06-01 2>/dev/null | grep '^2026-06-10' | cut -d, -f3)
[ "$c" = "20.00" ] && ok "20.00 credited on 10 June" || nok "report reconciliation: credited on 10 June $c, the bank credited 20.00"
finish
