#!/bin/sh
# Review 23: `kpi --rows outstanding` lists the open items of the segment
# alone (man: an open item belongs to no branch, user, method or period), yet
# it takes --method, --channel, --user, --branch, --gateway and --period
# without a word and prints every open item, headed by no "Filters:" line:
# the reader believes the list filtered. credit-notes refuses a filter a note
# does not have (status 2); so should this.
. tests/review/r23_lib.sh
r23_store o
printf 'account_no,name,service_address,phone,email,segment\nA-1,Alice Able,1 Main St,5550001,,Residential\n' >$R23_TMP/o/c.csv
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nA1,A-1,2026-05,100.00,2026-05-01,2026-06-10\n' >$R23_TMP/o/b.csv
sup import consumers $R23_TMP/o/c.csv >/dev/null; sup import bills $R23_TMP/o/b.csv >/dev/null
for f in "--method Cash" "--channel Walk-in" "--user cas" "--branch B01"; do
	out=$(sup kpi --rows outstanding $f 2>&1); rc=$?
	if [ $rc -eq 2 ]; then
		ok "kpi --rows outstanding $f: refused ($out)"
	elif printf '%s' "$out" | grep -q '^Filters:'; then
		ok "kpi --rows outstanding $f: the filter is named"
	else
		notok "kpi --rows outstanding $f: status $rc, the filter ignored without a word"
	fi
done
r23_done
