#!/bin/sh
# Review 23: the issue wants the analysis "all in the TUI and the CLI with
# exports". The rows behind the Collection Rate (3), the Average Collection
# Time (4) and Outstanding (5) open screens with no export key (x), as every
# other list and report screen has; on the CLI `kpi --rows` writes CSV but
# refuses --xlsx ("not with kpi").
. tests/review/r23_lib.sh
r23_store k
keys=$("$PD" keys)
for s in "Collection rate items" "Collection time payments" "Outstanding items"; do
	if printf '%s\n' "$keys" | grep -q "^$s  *x  "; then
		ok "$s: x exports the rows"
	else
		notok "$s: no x key to export the rows (paydesk keys)"
	fi
done
for r in rate time outstanding; do
	if sup --xlsx "$R23_TMP/k/$r.xlsx" kpi --rows $r >/dev/null 2>"$R23_TMP/err" && [ -s "$R23_TMP/k/$r.xlsx" ]; then
		ok "kpi --rows $r --xlsx writes a workbook"
	else
		notok "kpi --rows $r --xlsx: $(cat "$R23_TMP/err")"
	fi
done
r23_done
