# scope_filters.sh - sourced by test_scope.sh (its terminals, mary a
# supervisor, admin and jane a cashier): review R23 (s41) — the Average
# Collection Time one French term, the rows behind a tile refused to a
# cashier in a singular subject, the open items' rows refusing a payments'
# filter, a filtered list or report naming its filters (text and JSON),
# and an over-long filter value refused naming its option.
# the Average Collection Time is one French term (po/GLOSSARY): the
# tile's title is kpi's label (review R23 s41: "Délai moyen de
# recouvrement", recouvrement the recovery role's word)
as mary 2222 dashboard tiles set time >/dev/null
tile=$(LANGUAGE=fr as mary 2222 dashboard tiles | awk -F'\t' '$1 == "time" {print $2}')
same "fr: the time tile's title is kpi's label" "$tile" \
    "$(LANGUAGE=fr as mary 2222 kpi | grep -m1 '^  Délai moyen' | sed 's/^  //; s/  .*//')"
# a cashier's rows behind a tile: refused, the subject singular (review
# R23 s41: "The collection rate's items needs the supervisor role")
for r in rate:"The list of the collection rate's items" \
    collected:"The list of the payments a figure counts" \
    day:"The list of the payments a figure counts" \
    time:"The list of the collection time's payments" \
    outstanding:"The list of the outstanding items"; do
	expect "kpi --rows ${r%%:*} by a cashier: refused (5)" 5 \
	    "${r#*:} needs the supervisor role" as jane 1234 kpi --rows "${r%%:*}"
done
# the payments behind Total Collected and a day: no user, none, in any
# mode (review R23b: printed with no user, status 0)
for m in "" "--csv" "--json"; do
	expect "kpi --rows collected ${m:-(text)} with no user: refused (5)" 5 \
	    "needs a logged-in user" pdt 1 $m kpi --rows collected
done
# the open items take the segment alone: a payments' filter is refused
# (review R23 s41: taken without a word, every open item listed)
for f in "--method Cash" "--user jane" "--branch B01"; do
	expect "kpi --rows outstanding $f: refused (2)" 2 \
	    "${f%% *} is not a filter of the open items" \
	    as mary 2222 kpi --rows outstanding $f
done
# a filtered list or report names its filters under its scope (review R23
# s41: only kpi did; a forecast of one segment read as the whole's)
for c in payments credit-notes "report payers" "report aging" \
    "report forecast" "report deteriorating"; do
	run as admin 9999 $c --segment commercial
	same "$c --segment: a Filters: line under the scope" \
	    "$RC $(sed -n '2p' "$OUT")" "0 Filters: Segment Commercial"
done
for c in "report forecast" "report deteriorating"; do
	run as admin 9999 --json $c --segment commercial
	same "$c --json --segment: its filters by their canonical names" "$RC $(python3 -c \
	    'import json,sys; print(json.load(open(sys.argv[1])).get("filters"))' \
	    "$OUT")" "0 {'segment': 'Commercial'}"
done
# a name longer than any is one the terminal does not know: status 2,
# the option named (review R23 s41: status 3, "branch is 300 characters
# long")
long=$(python3 -c 'print("x" * 300)')
for o in branch user channel method; do
	expect "kpi --$o of 300 characters: refused (2)" 2 \
	    "--$o: 300 characters" as mary 2222 kpi --$o "$long"
done
