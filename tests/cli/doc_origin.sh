# doc_origin.sh - sourced by test_deposit_sync.sh after deposit_branch.sh
# (T05 and T06 of branch B01 synced, T06's bag BAG-BR1 of both drawers):
# one rule of original and COPY for every kind of document (fault 8). A
# document of a record made at another terminal is a COPY here from its
# first issue on (the original was issued where the record was made); at
# its own terminal the first issue is the original and the next a COPY.
# Read back with pdftotext: a receipt, a Z report, a deposit slip and a
# credit note.
R6=$(tsql 6 "SELECT receipt_no FROM payments WHERE terminal = 'T06' ORDER BY id DESC LIMIT 1")
expect "a credit note at T06 of its payment" 0 "" \
    M6 credit-note create "$R6" --amount 5 --reason Other
CN6=$(tsql 6 "SELECT cn_no FROM credit_notes WHERE terminal = 'T06' ORDER BY id DESC LIMIT 1")
pdt 6 sync >/dev/null || echo "not ok - T06 sync of its credit note"
pdt 5 sync >/dev/null || echo "not ok - T05 pulls T06's records"
same "T05 has T06's payment, credit note, shift and bag" \
    "$(tsql 5 "SELECT (SELECT count(*) FROM payments WHERE receipt_no = '$R6') || (SELECT count(*) FROM credit_notes WHERE cn_no = '$CN6') || (SELECT count(*) FROM shifts WHERE z_no = '$Z6') || (SELECT count(*) FROM deposits WHERE slip_no = 'BAG-BR1')")" 1111
# origin WHAT N ARGS...: the document ARGS writes to $T/o.pdf, at
# terminal N, read back; says COPY or not as told
origin() {
	what=$1 n=$2 want=$3
	shift 3
	rm -f "$T/o.pdf"
	"$@" --out "$T/o.pdf" >/dev/null 2>&1 || { notok "$what: written"; return; }
	txt=$(pdftotext "$T/o.pdf" - 2>/dev/null)
	case "$want:$txt" in
	copy:*COPY*"at terminal T0$n"*) ok "$what: COPY" ;;
	original:*COPY*) notok "$what: the original"; echo "  got: $txt" | head -5 ;;
	original:?*) ok "$what: the original" ;;
	*) notok "$what: $want"; echo "  got: $txt" | head -5 ;;
	esac
}
origin "T06's receipt first printed at T05" 5 copy M5 receipt "$R6"
origin "T06's credit note first printed at T05" 5 copy M5 credit-note pdf "$CN6"
origin "T06's Z report first printed at T05" 5 copy M5 shift z "$Z6"
origin "T06's deposit slip first printed at T05" 5 copy M5 deposit slip BAG-BR1
origin "T06's Z report printed at T05 again" 5 copy M5 shift z "$Z6"
same "each logged at T05 as a copy, audited as reprints" \
    "$(tsql 5 "SELECT group_concat(kind || ':' || copy, ' ') FROM (SELECT kind, copy FROM documents WHERE number IN ('$R6', '$CN6', '$Z6', 'BAG-BR1') ORDER BY id)")/$(tsql 5 "SELECT count(*) FROM audit_log WHERE action = 'issue' AND ref IN ('$R6', '$CN6', '$Z6', 'BAG-BR1')")" \
    "receipt:1 credit_note:1 z_report:1 deposit_slip:1 z_report:2/0"
# at T06, where they were made: the first print of the Z report and the
# credit note (none issued there yet by a --out of this test) is the
# original, the next a COPY; T05's own Z report at T05 likewise
if [ "$(tsql 6 "SELECT count(*) FROM documents WHERE number = '$Z6'")" = 0 ]; then
	origin "T06's Z report first printed at T06" 6 original M6 shift z "$Z6"
fi
origin "T06's Z report printed at T06 again" 6 copy M6 shift z "$Z6"
if [ "$(tsql 5 "SELECT count(*) FROM documents WHERE number = '$Z5'")" = 0 ]; then
	origin "T05's own Z report first printed at T05" 5 original M5 shift z "$Z5"
fi
origin "T05's Z report printed at T06" 6 copy M6 shift z "$Z5"
