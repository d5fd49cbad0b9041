#!/bin/sh
# Review R23b: two terminals of one organisation disagree on a past
# week's forecast of the organisation's items. man paydesk(1): "The items
# belong to no terminal, branch or user, so the weeks ahead are the
# organisation's (or the segment's) in every scope", and a past week is
# "each week's forecast as it stood at its first day", its items "those
# known at its first day". What happens: an item's entry day is the day
# this terminal pulled it, so a bill the central node imported today (issued on the Friday of a week W three
# weeks ahead, due on its Saturday) is in week W's past forecast at T01
# (synced today: Open $100.00) and not at T02 (first synced on W's
# Tuesday: Open $0.00). (Run on 2026-12-02: W = 2026-12-28.) The organisation knew the bill
# from its import; T02 joining later rewrites the organisation's past.
# Same supervisor, same scope, same filters, same day; the figures differ.
. tests/review/r23_lib.sh
# W: the Monday three weeks or more from today (the central node's clock)
set -- $(python3 -c '
import datetime as t
d=t.date.today()+t.timedelta(days=21); w=d+t.timedelta(days=(7-d.weekday())%7)
f=lambda x: x.isoformat()
print(f(w), f(w+t.timedelta(days=4)), f(w+t.timedelta(days=5)), f(w+t.timedelta(days=1)), f(w+t.timedelta(days=15)))')
W=$1; ISSUED=$2; DUE=$3; JOIN=$4; LATER=$5
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nL1,A-1,%s,100.00,%s,%s\n' "$(echo $DUE | cut -c1-7)" $ISSUED $DUE >$R23_TMP/late.csv
central_org T01:B01
$CC import W bills $R23_TMP/late.csv >/dev/null || notok "central import of L1"
term T01 sync >/dev/null || notok "T01 sync"
# T02: registered now, its first sync (its first pull of L1) on W+1
tok=$($CC terminal add W B01 T02 | sed -n 's/^token: //p'); mkdir -p $R23_TMP/T02
sed "s/^id = T01/id = T02/; s#$R23_TMP/T01#$R23_TMP/T02#g; s/^token = .*/token = $tok/" \
	$R23_TMP/T01/paydesk.ini >$R23_TMP/T02/paydesk.ini
PAYDESK_NOW="$JOIN 09:00:00" term T02 init >/dev/null
PAYDESK_NOW="$JOIN 09:00:00" term T02 sync >/dev/null || notok "T02 sync"
wk() {
	PAYDESK_NOW="$LATER 09:00:00" as $1 s1 --json report forecast --weeks 1 --past 3 | python3 -c '
import json,sys
d=json.load(sys.stdin)
w=[w for w in d["past"] if w["week"]==sys.argv[1]][0]
print(w["open"], w["forecast"])' "$W"
}
a=$(wk T01); b=$(wk T02)
echo "# week of $W, open and forecast: T01 [$a], T02 [$b]"
check "T01 and T02 agree on the week of $W (open, forecast)" "$a" "$b"
check "T02 has L1 in the week of $W (the organisation imported it before)" "10000" "${b%% *}"
r23_done
