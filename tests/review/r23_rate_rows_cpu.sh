#!/bin/sh
# Review 23: the drill-down behind the Collection Rate (`kpi --rows rate`, the
# dashboard's 3) spends milliseconds of CPU per item: on the demo store (~350
# items due in a month, ~3,000 payments) it takes ~1.4 s of CPU, where the
# rows behind the other tiles take ~0.02 s; on the dashboard 3 takes seconds
# to open, and on the bench store (1M consumers) it would never end. Each
# item must not cost a search of the payments.
. tests/review/r23_lib.sh
d=$R23_TMP/demo; mkdir -p $d
printf '[store]\npath = %s/store.db\n[terminal]\nid = T01\nbranch = B01\n[receipts]\ndir = %s/r\n' $d $d >$d/paydesk.ini
export PAYDESK_CONFIG=$d/paydesk.ini PAYDESK_NOW="2026-12-02 10:00:00"
"$PD" init >/dev/null && "$PD" demo >/dev/null || { notok "demo store"; r23_done; }
export PAYDESK_PIN=583920
n=$("$PD" --user mary --csv kpi --rows rate --month 2026-11 | wc -l)
[ "$n" -gt 200 ] || notok "expected some 300 items due in 2026-11, got $n lines"
cpu() { /usr/bin/time -f '%U %S' "$PD" --user mary --csv kpi --rows "$1" --month 2026-11 2>&1 >/dev/null | tail -1 | awk '{printf "%d", ($1+$2)*1000}'; }
rate=$(cpu rate); coll=$(cpu collected)
if [ "$rate" -le 400 ]; then
	ok "kpi --rows rate: $rate ms of CPU for $n items (collected: $coll ms)"
else
	notok "kpi --rows rate: $rate ms of CPU for $n items (kpi --rows collected: $coll ms); bound 400 ms"
fi
r23_done
