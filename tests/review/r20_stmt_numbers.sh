#!/bin/sh
# R20: statements are numbered per terminal, and a line is named STATEMENT:LINE
# everywhere (exceptions, reconcile match/resolve, deposit match --line). Two
# terminals that import a statement each before a sync number them the other
# way round: at T01 4:1 is AAA's 7.00, at T02 4:1 is BBB's 8.00. T01 resolves
# unexpected_credit:4:1 (AAA); T02, after the sync, closes AAA (right) but its
# "reconcile resolved" says "unexpected_credit 4:1 ... 7.00", while its own
# 4:1 is BBB, still open: a supervisor there reads the wrong credit as
# resolved; a reference read out from one counter names another line at the
# next. A statement should be named alike at every terminal.
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
export PAYDESK_NOW="2026-06-19 12:00:00"
for t in 1 2; do t$t mary statement mapping add m date=1 amount=2 reference=3 header=1 >/dev/null 2>&1; done
printf 'date,amount,reference\n2026-06-19,7.00,AAA\n' > "$T/a.csv"
printf 'date,amount,reference\n2026-06-19,8.00,BBB\n' > "$T/b.csv"
t1 mary statement import "$T/a.csv" --mapping m --account ACC-9 >/dev/null 2>&1 || nok "import a"
t2 mary statement import "$T/b.csv" --mapping m --account ACC-9 >/dev/null 2>&1 || nok "import b"
t1 mary sync >/dev/null 2>&1; t2 mary sync >/dev/null 2>&1; t1 mary sync >/dev/null 2>&1
r1=$(t1 mary --csv report exceptions 2>/dev/null | awk -F, '$5=="AAA"{print $4}')
r2=$(t2 mary --csv report exceptions 2>/dev/null | awk -F, '$5=="AAA"{print $4}')
[ -n "$r1" ] && [ "$r1" = "$r2" ] && ok "AAA is $r1 at both" || nok "AAA's credit is $r1 at T01 and $r2 at T02"
t1 mary reconcile resolve "unexpected_credit:$r1" --note "AAA refunded" >/dev/null 2>&1 || nok "resolve"
t1 mary sync >/dev/null 2>&1; t2 mary sync >/dev/null 2>&1
ref=$(t2 mary --csv reconcile resolved 2>/dev/null | awk -F, 'NR==2{print $2}')
mine=$(t2 mary --csv report exceptions 2>/dev/null | awk -F, -v r="$ref" '$4==r{print $5}')
[ -z "$mine" ] && ok "T02's resolved reference names no other open credit" || nok "T02 lists $ref as resolved (AAA refunded) while its open $ref is $mine"
finish
