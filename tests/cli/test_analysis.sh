# test_analysis.sh - the analysis' reports on the command line (issue 23,
# review R23): identifiers are never cut in a text table (15); report
# deteriorating, report anomalies and the forecast's past weeks take
# --branch and --user, scoped as every report (10); kpi --rows writes a
# workbook with --xlsx (11).
. "$TOP/tests/cli/lib.sh"
X="python3 $TOP/tests/tools/xlsx_cells.py"
setup_store
export PAYDESK_NOW="2025-05-20 12:00:00"

# --- identifiers whole (15): an account, an item and a username longer
# than their columns; a consumer's name (text, not typed back) still cut
printf 'account_no,name,service_address,phone,email,segment\nACCT-LONG-0000012345,Bartholomew Fitzgerald-Montgomery the Third,1 Road,,,Residential\n' >"$T/lc.csv"
printf 'invoice_no,account_no,period,amount,issued_on,due_on\nINVOICE-2025-LONG-000000001,ACCT-LONG-0000012345,May,50.00,2025-05-01,2025-05-10\nINVOICE-2025-LONG-000000002,ACCT-LONG-0000012345,May,60.00,2025-05-01,2025-06-10\n' >"$T/lb.csv"
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/lc.csv" >/dev/null &&
    PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/lb.csv" >/dev/null ||
    echo "not ok - the long identifiers' store"
cashier pay ACCT-LONG-0000012345 --type bill \
    --items INVOICE-2025-LONG-000000001 --method Cash --amount 50 >/dev/null ||
    echo "not ok - a payment of the long account"
whole() { # whole NAME NEEDLE CMD...: the text output holds NEEDLE whole
	name=$1 needle=$2
	shift 2
	run "$@"
	if [ "$RC" -eq 0 ] && grep -qF -- "$needle" "$OUT" &&
	    ! grep -qF -- "${needle%??}~" "$OUT"; then
		ok "$name"
	else
		notok "$name" "status $RC, $needle cut or missing"
	fi
}
whole "payments: the account whole" "ACCT-LONG-0000012345" sup payments
has "payments: the consumer's name still cut (text)" "Bartholomew Fitzger~"
whole "kpi --rows outstanding: the item whole" "INVOICE-2025-LONG-000000002" \
    sup kpi --rows outstanding
has "kpi --rows outstanding: the account whole" "ACCT-LONG-0000012345 "
whole "kpi --rows rate: the item whole" "INVOICE-2025-LONG-000000001" \
    sup kpi --rows rate
whole "kpi --rows time: the item whole" "INVOICE-2025-LONG-000000001" \
    sup kpi --rows time
whole "report aging: the account whole" "ACCT-LONG-0000012345" \
    sup report aging
whole "consumer search: the account whole" "ACCT-LONG-0000012345" \
    cashier consumer search Bartholomew
# what the text shows is typed back: the account read from the table
acct=$(sup kpi --rows outstanding | awk '/INVOICE-2025-LONG-000000002/ {for (i = 1; i <= NF; i++) if ($i ~ /^ACCT-/) print $i}')
expect "the account read from the table is found (consumer show)" 0 \
    "Bartholomew" cashier consumer show "$acct"
# the columns after a widened one stay under their headers
run sup kpi --rows outstanding
hdr=$(sed -n '/^Due /p' "$OUT")
row=$(grep -F INVOICE-2025-LONG-000000002 "$OUT")
same "the header widened with the item: Consumer above the name" \
    "$(echo "$hdr" | awk '{print index($0, "Consumer")}')" \
    "$(echo "$row" | awk '{print index($0, "Bartholomew")}')"
same "and Account above the account" \
    "$(echo "$hdr" | awk '{print index($0, "Account")}')" \
    "$(echo "$row" | awk '{print index($0, "ACCT-LONG")}')"

# --- the analysis' filters (10): WU-10001 pays later and later (jane),
# WU-10002 three times in 40 minutes today (jane): the burst
printf 'invoice_no,account_no,period,amount,issued_on,due_on
D-1,WU-10001,Dec,10,2024-12-20,2025-01-05
D-2,WU-10001,Jan,10,2025-01-20,2025-02-05
D-3,WU-10001,Feb,10,2025-02-20,2025-03-05
D-4,WU-10001,Mar,10,2025-03-20,2025-04-05
' >"$T/d.csv"
sup import bills "$T/d.csv" >/dev/null
for p in 01-05:D-1 02-10:D-2 03-15:D-3 04-25:D-4; do
	PAYDESK_NOW="2025-${p%%:*} 09:00:00" cashier pay WU-10001 --type bill \
	    --items "${p#*:}" --method Cash --amount 10 >/dev/null
done
for m in 10:00 10:15 10:40; do
	PAYDESK_NOW="2025-05-20 $m:00" cashier pay WU-10002 --type bill \
	    --method Cash --amount 5 >/dev/null
done
det() { sup --csv report deteriorating "$@" | tail -n +2 | cut -d, -f2 | tr '\n' ' '; }
same "deteriorating: WU-10001 unfiltered" "$(det)" "WU-10001 "
same "deteriorating --user jane: hers" "$(det --user jane)" "WU-10001 "
same "deteriorating --user mary: none (she took none of them)" \
    "$(det --user mary)" ""
same "deteriorating --branch B01: the branch's" "$(det --branch B01)" \
    "WU-10001 "
same "deteriorating --operator jane: --user's other name" \
    "$(det --operator jane)" "WU-10001 "
run sup report deteriorating --user jane --branch B01
has "deteriorating: the filters named under the scope" "Filters: "
has "deteriorating: the user named" "jane"
run sup --json report deteriorating --user jane
same "deteriorating --json: the filters as typed" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["filters"])' "$OUT")" \
    "{'user': 'jane'}"
an() { sup --csv report anomalies "$@" | tail -n +2 | cut -d, -f1,2 | tr '\n' ' '; }
same "anomalies: the burst" "$(an)" "Many payments,José Núñez "
same "anomalies --user jane: the burst (hers)" "$(an --user jane)" \
    "Many payments,José Núñez "
same "anomalies --user mary: none" "$(an --user mary)" ""
same "anomalies --branch B01: the burst" "$(an --branch B01)" \
    "Many payments,José Núñez "
run sup --json report anomalies --branch B01
same "anomalies --json: the filters as typed" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["filters"])' "$OUT")" \
    "{'branch': 'B01'}"
fcw() { sup --json report forecast --weeks 1 --past 20 "$@" |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(w["came_in"] for w in d["past"]), sum(w["collected"] for w in d["past"]), [w["open"] for w in d["weeks"]])'; }
all=$(fcw)
same "forecast --user jane: her payments are every one collected" \
    "$(fcw --user jane)" "$all"
same "forecast --user mary: her past weeks collected nothing; the weeks ahead the same" \
    "$(fcw --user mary)" "0 0 $(echo "$all" | cut -d' ' -f3-)"
same "forecast --branch B01: the branch's" "$(fcw --branch B01)" "$all"
case "$all" in "0 0 "*) echo "not ok - the past weeks collected nothing: the checks prove nothing" ;; esac
# refused, saying what was wrong, nothing changed
refused "deteriorating --user '': a value needed" 2 "--user needs a value" \
    sup report deteriorating --user ''
refused "anomalies --branch B02: no such branch here" 2 \
    'not one of B01' sup report anomalies --branch B02
expect "forecast --branch B01 at the organisation's scope (an admin's)" 0 \
    "Filters: " env PAYDESK_PIN=9999 "$PD" --user admin report forecast \
    --scope org --branch B01
refused "forecast --segment Nowhere: the segments named (2)" 2 \
    "no consumer is of it" sup report forecast --segment Nowhere
refused "forecast --period: not one of its filters (the weeks ahead)" 2 \
    "unknown option --period" sup report forecast --period 2025-03
refused "forecast --method: not one of its filters" 2 \
    "unknown option --method" sup report forecast --method Cash
refused "aging --user: an open item is of no user" 2 \
    "unknown option --user" sup report aging --user jane
refused "deteriorating --user: a cashier reads none" 5 \
    "supervisor" cashier report deteriorating --user jane

# --- kpi --rows --xlsx (11): each workbook the CSV's rows, cell by cell
for r in rate:dtttmmt outstanding:dtttmim time:dttttdmi collected:tttmtdttt; do
	n=${r%%:*} k=${r#*:}
	sup --csv kpi --rows "$n" >"$T/$n.csv"
	run sup --xlsx "$T/$n.xlsx" kpi --rows "$n"
	if [ "$RC" -eq 0 ] && $X --compare "$T/$n.csv" "$T/$n.xlsx" "$k" >"$OUT" 2>&1; then
		ok "kpi --rows $n --xlsx: the CSV's $(sed -n 's/^rows //p' "$OUT") rows"
	else
		notok "kpi --rows $n --xlsx" "status $RC"
	fi
done
same "the rate's workbook has rows to compare" \
    "$(sed -n 's/^rows //p' "$OUT" | grep -c -v '^0$')" 1
refused "kpi --xlsx without --rows: the figures are a record" 2 \
    "--xlsx works with kpi --rows" sup --xlsx "$T/k.xlsx" kpi
same "and no file" "$(ls "$T/k.xlsx" 2>/dev/null | wc -l)" 0
refused "a cashier's workbook of the payments: a supervisor's" 5 \
    "supervisor" cashier --xlsx "$T/c.xlsx" kpi --rows collected
# (shift list takes --xlsx since s72; deposit pending does not)
refused "deposit pending --xlsx: kpi --rows named among the listings" 2 \
    "kpi --rows" sup --xlsx "$T/s.xlsx" deposit pending

# --- report deteriorating's figures whole in text (review R23b): a
# payer's days to pay at --last 2..20 and the aging at --months 2..4,
# the last figure being the one that lists them, never cut with "~", to
# a pipe or a file and at any COLUMNS; the consumer's name whole too
printf 'account_no,name,service_address,phone,email,segment\nDT-1,Dora Deteriorating-Longname-Payer,1 Road,,,Residential\nDT-2,Ned Aging,2 Road,,,Commercial\n' >"$T/dc.csv"
{ echo 'invoice_no,account_no,period,amount,issued_on,due_on'
  for m in 01 02 03 04 05 06 07 08 09 10; do
	echo "DT$m,DT-1,2023-$m,10.00,2023-$m-01,2023-$m-10"; done
  echo "DN1,DT-2,2023-07,10.00,2023-07-01,2023-07-20"; } >"$T/db.csv"
PAYDESK_NOW="2023-01-01 09:00:00" sup import consumers "$T/dc.csv" >/dev/null &&
    PAYDESK_NOW="2023-01-01 09:00:00" sup import bills "$T/db.csv" >/dev/null ||
    notok "the deteriorating payers' store"
i=0
for m in 01 02 03 04 05 06 07 08 09 10; do # 3 days later each: -7 .. 20
	i=$((i + 1))
	PAYDESK_NOW="2023-$m-$(printf '%02d' $((i * 3))) 10:00:00" cashier pay \
	    DT-1 --type bill --items "DT$m" --method Cash --amount 10 >/dev/null ||
	    notok "pay DT$m"
done
dt() { PAYDESK_NOW="2023-11-15 10:00:00" sup report deteriorating "$@"; }
for a in "--last 8:-1, 2, 5, 8, 11, 14, 17, 20" \
    "--last 10:-7, -4, -1, 2, 5, 8, 11, 14, 17, 20" \
    "--last 6:5, 8, 11, 14, 17, 20"; do
	for cols in "" 80 200; do
		run env ${cols:+COLUMNS=$cols} PAYDESK_NOW="2023-11-15 10:00:00" \
		    PAYDESK_PIN=2222 "$PD" --user mary report deteriorating \
		    ${a%%:*} --months 4
		line=$(grep -F "DT-1" "$OUT")
		case $line in
		*"Dora Deteriorating-Longname-Payer"*"${a#*:}"*)
			ok "deteriorating ${a%%:*} ${cols:+at $cols columns}: Dora's days whole" ;;
		*) notok "deteriorating ${a%%:*} ${cols:+at $cols columns}: Dora's days whole" "[$line]" ;;
		esac
	done
done
# (M month ends compared, each with the one before it: M + 1 shown)
for a in "4:Current, 1-30, 31-60, 61-90, 90+" "3:1-30, 31-60, 61-90, 90+" \
    "2:31-60, 61-90, 90+"; do
	line=$(dt --months "${a%%:*}" | grep -F "DT-2")
	case $line in
	*"${a#*:}  "*|*"${a#*:}") ok "deteriorating --months ${a%%:*}: Ned's aging whole" ;;
	*) notok "deteriorating --months ${a%%:*}: Ned's aging whole" "[$line]" ;;
	esac
done
dt --last 10 --months 4 >"$T/dt.txt"
same "deteriorating: no figure cut with ~" "$(grep -c '~' "$T/dt.txt")" 0

# --- the analysis reports' workbooks say what they cover (issue 23, a
# fresh tester's (c)): above the header row, the report, its scope, the
# filters given, its period, the currency, when made and by whom; the
# header row frozen under them, the data rows as the CSV's. Each value
# checked against what the test gave and the store holds.
# xhead XLSX: the heading block's rows, "LABEL=VALUE;" each
xhead() {
	$X "$1" | sed -n '2,8p' | sed 's/^str:\([^	]*\)	str:/\1=/' | tr '\n' ';'
}
mary="Mary Johnson (mary)"
cur="$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'store_currency'" | cut -d' ' -f1)"
same "the store's currency, as the heading says it" "$cur" USD
NOW="2025-05-20 12:00:00"
run sup --xlsx "$T/hr.xlsx" kpi --rows rate --segment Residential --method cash
same "kpi --rows rate --xlsx: its heading block" "$(xhead "$T/hr.xlsx")" \
    "Report=Collection rate items;Scope=Branch B01;Filters=Segment Residential, method Cash;Period=2025-05-01 to 2025-05-31;Currency=USD (\$);Made=$NOW;By=$mary;"
same "kpi --rows rate --xlsx: the header row frozen under it (row 9)" \
    "$($X "$T/hr.xlsx" | head -1 | cut -d' ' -f2)" "frozen=9"
same "and the header row after a blank one" \
    "$($X "$T/hr.xlsx" | sed -n '9,10p' | cut -f1 | tr '\n' ';')" \
    ";str:Due;"
sup --csv kpi --rows collected --month 2025-04 >"$T/hc.csv"
run sup --xlsx "$T/hc.xlsx" kpi --rows collected --month 2025-04
same "kpi --rows collected --month 2025-04: its period and no filter" \
    "$(xhead "$T/hc.xlsx" | cut -d';' -f3,4)" \
    "Filters=None;Period=2025-04-01 to 2025-04-30"
$X --compare "$T/hc.csv" "$T/hc.xlsx" tttmtdttt >"$OUT" 2>&1 &&
    ok "its data rows the CSV's, under the block" ||
    notok "its data rows the CSV's, under the block"
same "and there are rows to compare" "$(sed -n 's/^rows //p' "$OUT" | grep -c -v '^0$')" 1
same "the CSV's first row stays its header (a machine format)" \
    "$(head -1 "$T/hc.csv" | cut -d, -f1)" "receipt_no"
run sup --xlsx "$T/hf.xlsx" report forecast --segment Residential
same "report forecast --xlsx: its heading block" "$(xhead "$T/hf.xlsx")" \
    "Report=Forecast;Scope=Organisation (the same in every scope);Filters=Segment Residential;Period=13 weeks from 2025-05-20;Currency=USD (\$);Made=$NOW;By=$mary;"
run sup --xlsx "$T/ha.xlsx" report anomalies --date 2025-05-19 --user jane
same "report anomalies --xlsx: its day and filter" "$(xhead "$T/ha.xlsx" | cut -d';' -f1-4)" \
    "Report=Anomalies;Scope=Branch B01;Filters=User jane;Period=2025-05-19"
run sup --xlsx "$T/hd.xlsx" report deteriorating --last 4 --months 2
same "report deteriorating --xlsx: its payments and month ends" \
    "$(xhead "$T/hd.xlsx" | cut -d';' -f1,4)" \
    "Report=Deteriorating payers;Period=The last 4 payments, the last 2 month ends"
run sup --xlsx "$T/hp.xlsx" report payers --from 2025-04-01 --to 2025-04-30 --method Cash --scope terminal
same "report payers --xlsx: scope terminal, its filter and days" \
    "$(xhead "$T/hp.xlsx" | cut -d';' -f2-4)" \
    "Scope=Terminal T01;Filters=Method Cash;Period=2025-04-01 to 2025-04-30"
# the anomalies of a period (h4): the period named among the filters, as
# the text's Filters: line names it, and its days read, to today (a fresh
# tester's, issue 23: "2025-05-31", a day not read)
run sup --xlsx "$T/hq.xlsx" report anomalies --period 2025-05 --user jane
same "report anomalies --period --xlsx: the period and the days read" \
    "$(xhead "$T/hq.xlsx" | cut -d';' -f1-4)" \
    "Report=Anomalies;Scope=Branch B01;Filters=Period 2025-05, user jane;Period=2025-05 (2025-05-01 to 2025-05-20)"
# the heading block wholly in the documents' language, as the rest of the
# workbook (h4: the scope and filters' words were the user's): a French
# organisation, a Spanish-speaking user, then the other way round
# (the organisation's language is its store administrator's file's: this
# one's, set back to English after)
printf '[organisation]\nlanguage = fr\n' >>"$PAYDESK_CONFIG"
run env LANGUAGE=es PAYDESK_PIN=2222 "$PD" \
    --user mary --xlsx "$T/hfr.xlsx" kpi --rows rate --segment Residential \
    --method cash
same "fr document, es user: the heading block in French" \
    "$(xhead "$T/hfr.xlsx")" \
    "Rapport=Éléments du taux d'encaissement;Périmètre=Agence B01;Filtres=Segment Residential, moyen Cash;Période=du 2025-05-01 au 2025-05-31;Devise=USD (\$);Fait le=$NOW;Par=$mary;"
run env LANGUAGE=es PAYDESK_PIN=2222 "$PD" \
    --user mary --xlsx "$T/hfa.xlsx" report anomalies --period 2025-05 \
    --user jane --scope terminal
same "fr document, es user: the anomalies' scope, filter and period in French" \
    "$(xhead "$T/hfa.xlsx" | cut -d';' -f1-4)" \
    "Rapport=Anomalies;Périmètre=Terminal T01;Filtres=Période 2025-05, utilisateur jane;Période=2025-05 (du 2025-05-01 au 2025-05-20)"
sed -i 's/^language = fr$/language = es/' "$PAYDESK_CONFIG"
run env LANGUAGE=fr PAYDESK_PIN=2222 "$PD" \
    --user mary --xlsx "$T/hes.xlsx" report forecast --segment Residential
same "es document, fr user: the heading block in Spanish" \
    "$(xhead "$T/hes.xlsx" | cut -d';' -f1-3)" \
    "Informe=Previsión;Alcance=Organización (la misma en todo alcance);Filtros=Segmento Residential"
sed -i 's/^language = es$/language = en/' "$PAYDESK_CONFIG"
