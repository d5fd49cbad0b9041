#!/bin/sh
# paydesk(1) report anomalies: "Columns: Rule, Who ..., Reference (the
# receipt, the first and last receipts or credit notes)". A terminal whose
# cash voids stand out (T01 voids 3 cash payments on 2026-03-11, its peers
# T02 and T03 none) is listed with an empty Reference: the supervisor is not
# told which payments were voided (R-T01-000003..R-T01-000005). The same
# of the Credit notes rule: T01's 3 credit notes by hand on 2026-03-12 are
# listed without CN-T01-00004..CN-T01-00006 (00001-00003: the automatic
# credit notes of the 2026-03-11 overpayments).
. "$(dirname "$0")/r23_lib.sh"
central_setup || { notok "central node and terminals could not be set up"; finish; }
D=2026-03-11
trun T02 cs $CS "$D 09:00:00" pay A-2 --type bill --method Cash --amount 5 --tendered 5 >/dev/null 2>&1 &&
trun T03 c3 $C3 "$D 09:00:00" pay A-3 --type bill --method Cash --amount 5 --tendered 5 >/dev/null 2>&1 || { notok "peers' payments"; finish; }
for i in 3 4 5; do
	trun T01 cn $CN "$D 09:1$i:00" pay A-1 --type bill --method Cash --amount 5 --tendered 5 >/dev/null 2>&1 &&
	trun T01 sup1 $SUP1 "$D 09:2$i:00" payment void R-T01-00000$i --reason "Wrong account" >/dev/null ||
		{ notok "void R-T01-00000$i"; finish; }
done
SYNC_NOW="$D 12:00:00" tsync T02 T03 T01 || { notok "sync"; finish; }
j=$(trun T01 admin $ADMIN "$D 13:00:00" --json report anomalies)
row=$(printf '%s\n' "$j" | grep '"who":"T01"')
[ -n "$row" ] && ok "T01's cash voids are an anomaly" || { notok "no Cash voids row for T01: $j"; finish; }
printf '%s\n' "$row" | grep -q '"reference":"R-T01-000003\.\.R-T01-000005"' && ok "the row names the voided receipts" ||
	notok "Cash voids row of T01 names no receipts: $row"
D=2026-03-12
trun T02 cs $CS "$D 09:00:00" pay A-2 --type bill --method Cash --amount 5 --tendered 5 >/dev/null 2>&1 || { notok "T02 at work"; finish; }
for a in 7 8 9; do
	trun T01 sup1 $SUP1 "$D 10:0$a:00" credit-note create R-T01-000002 --amount $a --reason "Billing Error" >/dev/null ||
		{ notok "credit note $a"; finish; }
done
SYNC_NOW="$D 12:00:00" tsync T02 T01 || { notok "sync"; finish; }
row=$(trun T01 admin $ADMIN "$D 13:00:00" --json report anomalies | grep '"rule":"Credit notes"')
[ -n "$row" ] || { notok "no Credit notes row for T01"; finish; }
printf '%s\n' "$row" | grep -q '"reference":"CN-T01-00004\.\.CN-T01-00006"' && ok "the row names the credit notes" ||
	notok "Credit notes row of T01 names no credit notes: $row"
finish
