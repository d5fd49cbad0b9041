#!/bin/sh
# Review 23: in French the Average Collection Time is "Délai moyen
# d'encaissement" in kpi but "Délai moyen de recouvrement" as a dashboard tile
# (dashboard tiles, the dashboard's 4 key, kpi --rows' message), and
# "recouvrement" is already the French of the recovery role: one English term
# has two translations and one translation two meanings (po/GLOSSARY's rule).
. tests/review/r23_lib.sh
r23_store fr
sup dashboard tiles set collected,today,rate,time >/dev/null
tile=$(LANGUAGE=fr sup dashboard tiles | awk -F'\t' '$1=="time"{print $2}')
kpi=$(LANGUAGE=fr sup kpi | grep -m1 '^  Délai moyen' | sed 's/^  //; s/  .*//')
check "fr: the tile's title is kpi's label" "$kpi" "$tile"
keys=$(LANGUAGE=fr "$PD" keys | grep -c 'Délai moyen de recouvrement')
check "fr: paydesk keys never says Délai moyen de recouvrement" 0 "$keys"
r23_done
