#!/bin/sh
# R20: OFX is read as leniently as libofx reads it, and nothing checks it
# against the file (as MT940's lines are checked against aqbanking's): a
# TRNAMT of "abc" is imported as an amount of 0.00, a DTPOSTED of
# 20260624 with month 13 (20261324) as 2027-01-24; a "12.5x" as 12.50. Each
# must refuse the file (exit 3) naming the FITID, nothing imported.
. "$(dirname "$0")/r20_lib.sh"
demo
mk() { cat <<OFX
<?xml version="1.0" encoding="ASCII"?>
<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><DTSERVER>20260616</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1>
<STMTTRNRS><TRNUID>0</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<STMTRS><CURDEF>USD</CURDEF>
<BANKACCTFROM><BANKID>999</BANKID><ACCTID>$1</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260601</DTSTART><DTEND>20260630</DTEND>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20260616</DTPOSTED><TRNAMT>11.11</TRNAMT><FITID>$1-A</FITID><NAME>Good</NAME></STMTTRN>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>$2</DTPOSTED><TRNAMT>$3</TRNAMT><FITID>$1-B</FITID><NAME>Bad</NAME></STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>100.00</BALAMT><DTASOF>20260630</DTASOF></LEDGERBAL>
</STMTRS></STMTTRNRS>
</BANKMSGSRSV1>
</OFX>
OFX
}
n=0
for case in "20260616 abc amount-abc" "20261324 5.00 month-13" "20260616 12.5x amount-12.5x" "20260632 5.00 day-32"; do
  set -- $case; n=$((n+1))
  mk "ACC$n" "$1" "$2" > "$T/b$n.ofx"
  out=$(mary statement import "$T/b$n.ofx" 2>&1); rc=$?
  if [ "$rc" -eq 3 ]; then ok "$3 refused"; else nok "$3: exit $rc, imported: $(mary statement show "$(echo "$out" | awk '/^Statement/{print $2}')" 2>/dev/null | grep 'Bad' | cut -c1-60)"; fi
done
finish
