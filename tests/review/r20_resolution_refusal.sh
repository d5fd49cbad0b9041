#!/bin/sh
# R20 (s40): two supervisors resolve one exception offline (the credit
# nobody expected, H...:1), T01's reaches the central node first. T02's is
# refused, rightly, but (1) the reason names the line as the central node
# keeps it, "ACC-1/sha256:<64 hex>#1", where paydesk-central(8) and
# paydesk(1) say a refusal names a line NAME:LINE as every terminal shows
# it; the pulled one set aside at T02 says the same; and (2) sync
# --quarantine (text, --json, --csv) gives its kind as "recon_resolutio":
# recon_resolution cut to 15 characters, in machine formats too; (3) T02
# keeps its refused resolution (its note, its name) and sets T01's aside:
# reconcile resolved reads otherwise at the two terminals.
. "$(dirname "$0")/r20_lib.sh"
. "$(dirname "$0")/r20_central.sh"
printf 'date,amount,reference,text\n2026-06-14,5.00,X,older\n' > "$T/a.csv"
for t in t1 t2; do $t mary statement mapping add m date=1 amount=2 reference=3 text=4 header=1 >/dev/null 2>&1 || nok "$t mapping"; done
N=$(t1 mary statement import "$T/a.csv" --account ACC-1 --mapping m 2>/dev/null | sed -n 's/^Statement  *//p')
"$PD" --config "$T/t1/p.ini" sync >/dev/null 2>&1 || nok "sync T01"
"$PD" --config "$T/t2/p.ini" sync >/dev/null 2>&1 || nok "sync T02"
t1 mary reconcile resolve "unexpected_credit:$N:1" --note "T01 note" >/dev/null 2>&1 || nok "T01 resolve"
t2 mary reconcile resolve "unexpected_credit:$N:1" --note "T02 note" >/dev/null 2>&1 || nok "T02 resolve"
"$PD" --config "$T/t1/p.ini" sync >/dev/null 2>&1 || nok "sync T01 again"
"$PD" --config "$T/t2/p.ini" sync >/dev/null 2>&1
q=$("$PD" --config "$T/t2/p.ini" --csv sync --quarantine 2>&1)
echo "$q" | grep -q "sha256:" && nok "the refusal names the line by its key ($(echo "$q" | grep -o 'ACC-1/sha256:[0-9a-f]\{8\}[^ ]*' | head -1)), not $N:1" || ok "no key in the reasons"
echo "$q" | grep -q "Exception $N:1 was resolved already" && ok "the reason names $N:1" || nok "the reason does not name $N:1"
"$PD" --config "$T/t2/p.ini" --json sync --quarantine 2>&1 | grep -q '"kind":"recon_resolutio"' && nok "sync --quarantine --json: kind recon_resolutio (cut to 15 characters)" || ok "kind whole"
"$PD" --config "$T/t2/p.ini" sync >/dev/null 2>&1
n2=$(t2 mary --csv reconcile resolved 2>/dev/null | grep -c "T02 note")
n1=$(t1 mary --csv reconcile resolved 2>/dev/null | grep -c "T01 note")
[ "$n2" -eq 0 ] && ok "T02 shows the central node's resolution" || nok "T02 keeps its own refused resolution (T02 note) while T01 and the central node have T01's (T01 note at T01: $n1)"
finish
