#!/bin/sh
# test_i18n_backoffice.sh - the supervisor's back office in Spanish and
# French, in tmux at 80x24 on the demo store: the dashboard (every KPI
# label, the chart's heading, the by-method and outstanding blocks, the
# period line), the payments list (headers, count, statuses as shown, the
# page marker), a payment's details, the row menu, the filter forms, the
# credit notes list, a credit note's details and the Create Credit Note
# dialog, the export dialog, the payers report with its filters and
# method distribution, the aging report and a consumer's open items, and
# the Sync screen. The texts expected are the catalogue's (build/locale,
# read with Python's gettext), each checked to differ from the English,
# and a few literally; "nothing cut" is the whole text on the screen,
# and no ellipsis on screens that lay out labels (lists cut long names by
# design, never their headers). English stays English.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
cat >>"$PAYDESK_CONFIG" <<CFG
[exports]
dir = $T/exports
[sync]
url = http://127.0.0.1:9
token = not-a-real-token
retries = 0
connect_timeout = 1
CFG
"$PD" demo >/dev/null || exit 1
# the demo's supervisor (lib.sh's sup is the fixtures' mary)
sup() { PAYDESK_PIN=583920 "$PD" --user mary "$@"; }
cp "$PAYDESK_CONFIG" "$T/base.ini"

# the catalogue's translation, formatted with Python's %:
#   tr L fmt TEXT ARGS... | ntr L SINGULAR PLURAL N ARGS... | ctr L CTX TEXT
cat >"$T/tr.py" <<'PY'
import gettext, re, sys
lang, mode, args = sys.argv[1], sys.argv[2], sys.argv[3:]
t = gettext.translation('paydesk', sys.argv[0].rsplit('/', 1)[0] + '/loc',
                        [lang])
def fmt(s, a):
    return re.sub(r'%(?:zu|lld|d)', '%s', s) % tuple(a) if a else s
if mode == 'tr':
    s, english = t.gettext(args[0]), args[0]
    out = fmt(s, args[1:])
elif mode == 'ntr':
    n = int(args[2])
    s, english = t.ngettext(args[0], args[1], n), args[0]
    out = fmt(s, args[2:3] + args[3:])
else:
    s, english = t.pgettext(args[0], args[1]), args[1]
    out = s
# a key named {Enter}, {Esc}...: as the key bar names it
out = re.sub(r'\{([A-Za-z-]+)\}', lambda m: t.pgettext('key', m.group(1)),
             out)
key = (args[0] + '\x04' + args[1]) if mode == 'ctr' else \
    (args[0], 0) if mode == 'ntr' else args[0]
if key not in t._catalog:
    sys.exit('no %s translation of %r' % (lang, english))
print(out)
PY
ln -s "$TOP/$BUILD/locale" "$T/loc"
msg() { python3 "$T/tr.py" "$L" tr "$@"; }
nmsg() { python3 "$T/tr.py" "$L" ntr "$@"; }
cmsg() { python3 "$T/tr.py" "$L" ctr "$@"; }

# see WHAT TEXT...: each text is on the screen, whole (one "ok" for
# them all, a "not ok" with the screen for each missing)
see() {
	what=$1 bad=0
	shift
	for s in "$@"; do
		if [ -z "$s" ]; then
			echo "not ok - $L: $name: $what: no translation"
			bad=1
		elif ! wait_for "$L: $name: $what: $s" "$s" >"$T/w"; then
			cat "$T/w"
			bad=1
		fi
	done
	[ $bad = 0 ] && ok "$L: $name: $what"
}
# uncut: no ellipsis anywhere on the screen, and no row that begins
# with : ; ? ! (French writes them after a plain space, po/GLOSSARY)
uncut() {
	lacks "$L: $name: nothing cut" "…"
	if grep -Eq '^ *[:;?!] [^ ]' "$SCREEN"; then
		echo "not ok - $L: $name: no row begins with : ; ? !"
		sed 's/^/  | /' "$SCREEN"
	fi
}
# header_uncut TEXT: the list's header row (the line holding TEXT) has
# no ellipsis; [whole]: nor a column scrolled off to the right
header_uncut() {
	settle
	if grep -F -- "$1" "$SCREEN" |
	    grep -q "…${2:+\\|>\$}"; then
		echo "not ok - $L: $name: the header row is whole"
		sed 's/^/  | /' "$SCREEN"
	else
		ok "$L: $name: the header row is whole"
	fi
}

start() {
	tui_open "$@"
}

json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }
"$PD" --json kpi >"$T/kpi.json"
sup --json payments --limit 0 >"$T/p.json"
sup --json credit-notes --limit 0 >"$T/c.json"
npay=$(json "$T/p.json" "len(d)")
# as a person reads it: in the organisation's grouping (issue 25; the
# default groups by three with commas)
npay_g=$(json "$T/p.json" "'{:,}'.format(len(d))")
ncn=$(json "$T/c.json" "len(d)")
avg=$(json "$T/kpi.json" "'%.1f' % d['month']['avg_collection_days']")
past=$(json "$T/kpi.json" "'%.1f' % d['outstanding']['avg_days_past_due']")
receipt=$(json "$T/p.json" "d[0]['receipt_no']")
items=$(json "$T/kpi.json" "d['outstanding']['open_items']")
items_g=$(json "$T/kpi.json" "'{:,}'.format(d['outstanding']['open_items'])")
outst=$(python3 -c "import sys; v=int(sys.argv[1]); print('\$%s.%02d' % (format(v//100, ','), v%100))" \
    "$(json "$T/kpi.json" "d['outstanding']['total']")")
sup --json report aging --limit 0 >"$T/a.json"
owing=$(json "$T/a.json" "len(d['consumers'])")
owing_g=$(json "$T/a.json" "'{:,}'.format(len(d['consumers']))")

backoffice() {
	L=$1
	start LANGUAGE="$L"
	login mary 583920

	# --- dashboard
	name=dashboard
	see "the KPI tiles, each title after its key" \
	    "┌1 $(msg 'Total Collected')" "┌2 $(msg 'Received Today')" \
	    "┌3 $(msg 'Collection Rate')" "┌4 $(msg 'Avg Collect. Time')" \
	    "$(msg '%s days' "$avg")"
	# whole: the border or the box's corner right after each
	grab
	for k in "1 $(msg 'Total Collected')" "2 $(msg 'Received Today')" \
	    "3 $(msg 'Collection Rate')" "4 $(msg 'Avg Collect. Time')"; do
		if grep -qE "┌$k(─|┐)" "$SCREEN"; then
			ok "$L: $name: tile $k whole in its box"
		else
			echo "not ok - $L: $name: tile $k cut"
			sed 's/^/  | /' "$SCREEN" | sed -n 4,6p
		fi
	done
	# the month by its name in the language (the defect of issue 25 was
	# "2025-04"), the period in the date format
	see "the period line" \
	    "$(msg April) 2025  $(msg '%s to %s' 2025-04-01 2025-04-30)"
	best=$(msg 'best day %d: %s' @ @)
	see "the chart and its best day" "$(msg 'Daily collections')  " \
	    "  ${best%%@*}"
	see "the by-method block" "$(msg 'By method this month')"
	see "the outstanding block" "$(msg 'Outstanding today')" \
	    "$(msg 'Total outstanding')" "$(msg 'Open items')" \
	    "$(msg 'Avg days past due')" "$(msg '%s days' "$past")"
	uncut
	keys Left
	see "Left: the month before" \
	    "$(msg March) 2025  $(msg '%s to %s' 2025-03-01 2025-03-31)"
	keys t

	# --- payments list
	keys p
	name="payments list"
	see "the tabs and the count" "$(msg 'All Payments')" \
	    "$(msg 'Credit Notes')" "$(nmsg '%s payment' '%s payments' "$npay" | sed "s/$npay/$npay_g/")"
	see "the search and the filter line" "$(msg 'Search:')" \
	    "$(msg 'no filter (f to set)')"
	# with the payment reference (issue 17 section 3) there are nine
	# columns: the reference gives way first, then in es and fr the
	# account (the name says who); "> " says more are to the right
	see "every key column's header" "$(msg 'Receipt #')" \
	    "$(msg 'Consumer')" "$(msg 'Amount')" "$(msg 'Method')" \
	    "$(msg 'Date')▼" "$(msg 'Type')" "$(msg 'Status')"
	[ "$L" != en ] || see "the account, in English" "$(msg 'Account')"
	see "type and status as shown, whole" \
	    "$(msg 'Bill') $(msg 'Posted')"
	header_uncut "$(msg 'Receipt #')"
	see "the page marker" "$(msg 'page %zu, more below' 1)"

	# --- a payment's details
	keys Enter
	name="payment details"
	see "the payment block" "$(msg 'Payment information')" \
	    "$(msg 'Payment ID')  " "$(msg 'Status')  " "$(msg 'Posted')" \
	    "$(msg 'Amount paid')  " "$(msg 'Payment method')  " \
	    "$(msg 'Payment type')  " "$(msg 'Channel')  " \
	    "$(msg 'Allocation rule')  " "$(msg 'Oldest due first')"
	see "the analysis" "$(msg 'Payment details and amount analysis')" \
	    "$(msg 'Bill') INV-" "$(msg 'Invoice ID')  " \
	    "$(msg 'Service period')  " "$(msg 'Billed amount')  " \
	    "$(msg 'Difference')  " "($(msg 'Exact payment'))" \
	    "$(msg 'lines %zu-%zu of %zu' 1 19 41)"
	uncut
	keys PageDown PageDown
	see "the transaction, processing and consumer blocks" \
	    "$(msg 'Transaction information')" "$(msg 'Transaction ID')  " \
	    "$(msg 'Receipt number')  " "$(msg 'Payment date')  " \
	    "$(msg 'Recorded at')  " "$(msg 'Processing information')" \
	    "$(msg 'Received by')  " "$(msg 'Processing time')  " \
	    "$(msg 'Verification')  " "  $(msg 'Verified')" "$(msg 'Terminal')  " \
	    "$(msg 'Consumer information')" "$(msg 'Consumer name')  " \
	    "$(msg 'Account number')  " "$(msg 'Service address')  " \
	    "$(msg 'Phone')  "
	uncut
	keys Escape

	# --- the row menu
	keys m
	name="row menu"
	see "its title and actions" "$(msg 'Payment %s' "$receipt")" \
	    "$(msg 'View Details')" "$(msg 'View Receipt')" \
	    "$(msg 'Reprint Receipt')" "$(msg 'Create Credit Note')" \
	    "$(msg 'Void')"
	keys Escape

	# --- the payments' filter form
	keys f
	name="payments filter"
	see "its heading, labels and choices" "$(msg 'Filter the payments')" \
	    "$(msg 'Date range')" "< $(msg 'Any date') >" "$(msg 'Method')" \
	    "< $(msg 'Any') >" "$(msg 'Status')" "$(msg 'Type')"
	keys Down Down Right
	see "a status as a choice" "< $(msg 'Posted') >"
	keys Down Right Right Right
	see "a type as a choice" "< $(msg 'Installment') >"
	uncut
	keys Escape

	# --- credit notes
	keys Tab
	name="credit notes list"
	see "the count and the headers" \
	    "$(nmsg '%s credit note' '%s credit notes' "$ncn")" \
	    "$(msg 'Credit Note #')" "$(msg 'Remaining')" "$(msg 'Reason')" \
	    "$(msg 'Status')" "$(cmsg 'credit note' Active)"
	keys f
	name="credit notes filter"
	see "its heading and every label" "$(msg 'Filter the credit notes')" \
	    "$(msg 'Date range')" "$(msg 'Status')" "< $(msg 'All') >" \
	    "$(msg 'Reasons')" "$(msg 'Consumer')" \
	    "$(msg 'account; {Tab} completes')" "$(msg 'Remaining')" \
	    "$(msg 'Linked payment')" "$(msg 'Credit amount from')" \
	    "$(msg 'Credit amount to')"
	keys Escape
	keys Enter
	name="credit note details"
	see "its labels" "[$(cmsg 'credit note' Active)]" "$(msg 'Financial details')" \
	    "$(msg 'Original credit amount')  " "$(msg 'Applied amount')  " \
	    "$(msg 'Remaining balance')  " "$(msg 'Usage')  " \
	    "$(msg 'Credit note information')" "$(msg 'Created by')  " \
	    "$(msg 'Linked payment')  " "$(msg 'Remarks')  " \
	    "$(msg 'Expires')  "
	keys PageDown
	see "its applications" "$(msg 'Applications')" "$(msg 'none yet')"
	uncut
	keys Escape
	keys x
	name="export dialog"
	see "its heading and labels" \
	    "$(msg 'Export the credit notes as shown (%s)' \
	        "$(msg 'every row of the filter')")" \
	    "$(msg 'Format')" "$(msg 'File')"
	uncut
	keys Escape
	keys Tab

	# --- Create Credit Note from the row menu
	keys m Down Down Down Enter
	name="create credit note"
	see "the payment block" "$(msg 'Payment')" "$(msg 'Consumer')" \
	    "$(msg 'Receipt #')   " "$(msg 'Payment amount')" \
	    "$(msg 'Payment date')" "$(msg 'Method')"
	see "the form" "$(msg 'Credit note')" "$(msg 'Credit amount')" \
	    "$(msg 'Maximum: %s' '$89.34')" "$(msg 'Reason')" \
	    "< $(msg '(choose a reason)') >" "$(msg 'Remarks')"
	see "the summary" "$(msg 'Summary')" \
	    "$(msg 'Original payment amount')  " \
	    "$(msg 'Credit note amount')  " \
	    "$(msg 'Remaining payment value')  " \
	    "  \$0.00$(msg ' (full reversal)')" \
	    "$(msg 'Choose a reason')"
	uncut
	keys Escape Escape

	# --- payers
	keys y
	name="payers report"
	see "the summary and headers" \
	    "$(nmsg '%s consumer' '%s consumers' 300)" \
	    "$(msg 'total paid')" "$(msg 'Total Paid')▼" "$(msg 'Last Paid')"
	header_uncut "$(msg 'Total Paid')▼"
	keys f
	see "its filter form" "$(msg 'Date range')" "$(msg 'User')" \
	    "$(msg 'username of who recorded')" "$(msg 'Channel')" \
	    "$(msg '{Enter} applies, {Esc} leaves the filters')"
	# a field's hint is never cut nor left out: the Consumer field
	# gives way to its hint (issue 17)
	see "the Consumer field's hint, whole" \
	    "$(msg 'name or account, partial')"
	uncut
	keys Escape d
	see "the method distribution" \
	    "$(msg 'Method distribution for the filter (d closes)')"
	keys Escape Escape

	# --- aging
	keys a
	name="aging report"
	see "the buckets" "$(msg 'Current')" "$(msg '%s days' 1-30)" \
	    "$(msg '%s days' 31-60)" "$(msg '%s days' 90+)"
	see "the total line" "$(msg 'Total outstanding %s in %s, %s%s' \
	    "$outst" \
	    "$(nmsg '%s item' '%s items' "$items" | sed "s/$items/$items_g/")" \
	    "$(nmsg '%s consumer' '%s consumers' "$owing" |
	        sed "s/$owing/$owing_g/")" '')"
	see "the headers" "$(msg 'Items')" "$(msg 'Current')"
	header_uncut "$(msg 'Account')"
	keys o
	see "the older filter" "$(msg 'consumers past due')"
	keys o o o o
	keys Enter
	name="aging open items"
	see "the buckets and headers" "$(msg 'Item')" "$(msg 'Kind')" \
	    "$(msg 'Due')" "$(msg 'Days')" "$(cmsg aging Age)" \
	    "$(cmsg column Open)" "$(msg 'Bill')" \
	    "$(nmsg '%s item' '%s items' 1)"
	header_uncut "$(msg 'Kind')" whole
	# the bucket's header is its own, not the days' again (issue 25
	# review: "Jours Jours", "Días Días"; the title has the word too)
	settle
	hdr=$(grep -F "$(msg 'Item')" "$SCREEN" | grep -F "$(msg 'Kind')")
	case "$hdr" in
	*"$(cmsg aging Age)"*) ok "$L: $name: the bucket's own header" ;;
	*) echo "not ok - $L: $name: the bucket's own header"
	   echo "  | $hdr" ;;
	esac
	keys Escape Escape

	# --- sync (a central node configured but not reached)
	keys s
	name="sync screen"
	see "its labels" "$(msg 'Central node')  " "$(msg 'State')  " \
	    "$(msg 'To send')  " "$(msg 'Last sync')  " "$(msg 'never')" \
	    "$(msg 'Rejected by the central node (%zu)' 0)" \
	    "$(msg 'None: every record was taken.')"
	uncut
	keys Escape
}

backoffice es
# a few literally: the catalogue is Spanish, not merely other
keys p
wait_for "es: literally: the payments' headers" \
    "N.º de recibo Cliente     Importe Medio         Fecha▼     Tipo    Estado  >"
keys Escape
wait_for "es: literally: the dashboard's tiles" \
    "┌1 Total cobrado──┐┌2 Cobrado hoy────┐┌3 Tasa de cobro──┐┌4 Tiempo medio───┐"
backoffice fr
wait_for "fr: literally: the outstanding block" "Éléments ouverts  $items_g"
keys p
wait_for "fr: literally: the page marker" "page 1, suite en dessous"

# English stays English
L=en
start
login mary 583920
wait_for "en: the dashboard" "┌1 Total Collected┐┌2 Received Today┐┌3 Collection Rate┐┌4 Avg Collect. Time┐"
wait_for "en: the period line" "April 2025  2025-04-01 to 2025-04-30"
wait_for "en: the outstanding block" "Avg days past due 143.1 days"
keys p
wait_for "en: the payments' headers" \
    "Receipt #    Consumer        Amount Method        Date▼      Type  Status  >"
wait_for "en: the count, grouped" "$npay_g payments"
wait_for "en: statuses" "2025-04-19 Bill  Posted"
wait_for "en: the page marker" "page 1, more below"

# the payers' method distribution lines up by display columns (issue 25:
# it padded by bytes, and ৳ and U+202F are 3 bytes in 1 column): on
# every row the amounts end, and the shares end, in one column
printf '%s\n[organisation]\ncurrency_symbol = ৳\ndecimal_separator = comma\ngrouping_separator = nnbsp\n' \
    "$(cat "$T/base.ini")" >"$PAYDESK_CONFIG"
for L in fr es; do
	start LANGUAGE=$L
	login mary 583920
	wait_for "$L: the dashboard" "┌$(msg 'Total Collected')" >/dev/null
	keys y
	keys d
	wait_for "$L: its method distribution" \
	    "$(msg 'Method distribution for the filter (d closes)')" >/dev/null
	settle
	if python3 - "$SCREEN" <<'PY'; then
import re, sys
rows = open(sys.argv[1], encoding='utf-8').read().split('\n')
# the title, then the columns' header row (Method, Amount, ...)
start = next(i for i, l in enumerate(rows) if '(d ' in l) + 1
ends, pcts, n = set(), set(), 0
for l in rows[start + 1:]:
    m = re.search('\u09f3\\S+', l)
    if not m or '%' not in l:
        break
    ends.add(m.end())
    pcts.add(l.index('%'))
    n += 1
sys.exit(0 if n >= 2 and len(ends) == 1 and len(pcts) == 1 else 1)
PY
		ok "$L: the method distribution's columns line up"
	else
		echo "not ok - $L: the method distribution's columns line up"
		sed 's/^/  | /' "$SCREEN"
	fi
	name="method distribution"
	uncut
	# the list's Methods column names them; the selected consumer's
	# amount per method shows under the list, every entry whole, never
	# split or left out ("Cash 1 020,1…" was cut, issue 25)
	keys d
	wait_for "$L: the first payer's methods under the list" \
	    "$(msg 'Methods of %s:' '' | sed 's/ *:$//')" >/dev/null
	PAYDESK_PIN=583920 "$PD" --user mary --json report payers >"$T/payers.json"
	settle
	if python3 - "$SCREEN" "$T/payers.json" \
	    "$(msg 'Methods of %s:' '@@')" <<'PY'; then
import json, re, sys
rows = open(sys.argv[1], encoding='utf-8').read().split('\n')
first = json.load(open(sys.argv[2]))[0]
head = sys.argv[3].split('@@')[0]
i = next(i for i, l in enumerate(rows) if l.strip().startswith(head))
block = ' '.join(l.strip() for l in rows[i:i + 3] if l.strip())
if first['consumer'] not in block:
    sys.exit(1)
text = block.split(first['consumer'], 1)[1].lstrip(' :\u00a0')
got = [e.strip() for e in text.split(';') if e.strip()]
want = [e.strip() for e in first['methods'].split(';')]
amount = re.compile('\u09f3[0-9\u202f]+,[0-9]{2}$')
ok = len(got) == len(want) and all(amount.search(e) for e in got)
ok = ok and not any(re.search('[0-9\u09f3]\u2026', l) for l in rows)
sys.exit(0 if ok else 1)
PY
		ok "$L: the methods' amounts whole, each one"
	else
		echo "not ok - $L: the methods' amounts whole, each one"
		sed 's/^/  | /' "$SCREEN"
	fi
	keys F10
done
