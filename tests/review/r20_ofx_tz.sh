#!/bin/sh
# R20: an OFX date with the bank's time zone (DTPOSTED 20260616200000.000[-8:PST],
# 16 June at 20:00 at the bank) is booked 2026-06-17: the date is moved to UTC.
# The bank booked it on the 16th; so do its statement and the reconciliation
# day. Likewise the real sample's DTEND 20130831165153.000[-8:PST] is shown as
# To 2013-09-01 instead of 2013-08-31.
. "$(dirname "$0")/r20_lib.sh"
demo
cat > "$T/s.ofx" <<'OFX'
<?xml version="1.0" encoding="ASCII"?>
<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><DTSERVER>20260616</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1>
<STMTTRNRS><TRNUID>0</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<STMTRS><CURDEF>USD</CURDEF>
<BANKACCTFROM><BANKID>999</BANKID><ACCTID>ACC1</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260601</DTSTART><DTEND>20260630200000.000[-8:PST]</DTEND>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20260616200000.000[-8:PST]</DTPOSTED><TRNAMT>11.11</TRNAMT><FITID>A-1</FITID><NAME>Late evening</NAME></STMTTRN>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20260616020000.000[+9:JST]</DTPOSTED><TRNAMT>22.22</TRNAMT><FITID>A-2</FITID><NAME>Early morning</NAME></STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>100.00</BALAMT><DTASOF>20260630</DTASOF></LEDGERBAL>
</STMTRS></STMTTRNRS>
</BANKMSGSRSV1>
</OFX>
OFX
out=$(PAYDESK_NOW="2026-06-20 10:00:00" mary statement import "$T/s.ofx" 2>&1) || nok "import: $out"
out=$(mary --json statement show 1 2>&1)
n=$(echo "$out" | grep -o "\"booking_date\": *\"2026-06-16\"" | wc -l)
if [ "$n" -eq 2 ]; then ok "both lines booked 2026-06-16 as the bank says"
else nok "the lines booked on $(echo "$out" | grep -o "\"booking_date\": *\"[0-9-]*\"" | tr "\n" " "), the bank's day is 2026-06-16 for both"; fi
case "$out" in *'"to": "2026-06-30"'*) ok "To 2026-06-30";; *) nok "statement To: $(echo "$out" | grep '"to"' | tr -d ' '), want 2026-06-30";; esac
finish
