#!/bin/sh
# R20: a credit the bank reversed stays matched. A camt.053 statement books
# BAG-R's 50.00 on the 16th and its reversal (DBIT, RvslInd true, same
# reference) on the 17th: deposit match matches BAG-R to the credit, the
# deposit shows matched and credited 50.00, and no exception says the money
# went back out (the reconciliation leaves reversals out of Credited, yet the
# match stands).
. "$(dirname "$0")/r20_lib.sh"
mkdir -p "$T/cfg"
printf '[store]\npath = %s/eur.db\n[organisation]\ncurrency_code = EUR\ncurrency_symbol = EUR\n' "$T" > "$T/cfg/p.ini"
export PAYDESK_CONFIG="$T/cfg/p.ini"
demo
jane shift open --count 1000x1 >/dev/null 2>&1 || nok "open"
jane pay WU-10001 --type bill --items INV-2025-001234 --method Cash --amount 50 --tendered 50 >/dev/null 2>&1 || nok "pay"
jane shift close --count 5000x1,1000x1 >/dev/null 2>&1 || nok "close"
mary deposit create Z-T01-000001 --slip BAG-R --account NL77ABNA0574908765 >/dev/null 2>&1 || nok "deposit"
cat > "$T/rev.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-06-17T20:00:00</CreDtTm></GrpHdr>
<Stmt><Id>REV-1</Id><CreDtTm>2026-06-17T20:00:00</CreDtTm>
<Acct><Id><IBAN>NL77ABNA0574908765</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-16</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-17</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-06-16</Dt></BookgDt><ValDt><Dt>2026-06-16</Dt></ValDt><NtryDtls><TxDtls><RmtInf><Ustrd>BAG-R</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts>BOOK</Sts><BookgDt><Dt>2026-06-17</Dt></BookgDt><ValDt><Dt>2026-06-17</Dt></ValDt><NtryDtls><TxDtls><RmtInf><Ustrd>BAG-R</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>
XML
export PAYDESK_NOW="2026-06-20 09:00:00"
out=$(mary statement import "$T/rev.xml" 2>&1) || nok "import: $(echo "$out" | tail -1)"
mary deposit match >/dev/null 2>&1
st=$(mary --csv deposit list 2>/dev/null | awk -F, '$1=="BAG-R"{print $5}')
exc=$(mary --csv report exceptions 2>/dev/null | grep -c 'BAG-R')
if [ "$st" = matched ] && [ "$exc" -eq 0 ]; then nok "BAG-R matched to a credit the bank reversed the next day, no exception"
else ok "the reversed credit is not left matched silently ($st, $exc exceptions)"; fi
finish
