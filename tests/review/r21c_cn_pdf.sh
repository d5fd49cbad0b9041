#!/bin/sh
# R21 (s40): the credit note of an uphold undone at T01 (T02 rejected the
# dispute first) is Voided there while its payment stays Posted. Its PDF
# (pdftotext) must not say "The payment this credit note came from was voided".
. "$(dirname "$0")/r21c_lib.sh"
p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 1" --amount 50 >/dev/null
s T01
p T01 rita dispute open R-T01-000001 --reason chargeback >/dev/null
s T01; s T02
p T01 mary dispute uphold DP-T01-000001 --credit 8 >/dev/null
p T02 rita dispute reject DP-T01-000001 --note "holder confirmed" >/dev/null
s T02; s T01; s T02
st=$(p T01 admin payment show R-T01-000001 | sed -n 's/^  Status *//p' | head -1)
p T01 jane credit-note pdf CN-T01-00001 --out "$W/cn.pdf" >/dev/null
txt=$(pdftotext -layout "$W/cn.pdf" - | tr -s ' ')
echo "$txt" | sed -n 1,10p | sed 's/^/# /'
case $txt in
*"payment this credit note came from was voided"*) nok "the PDF says the payment was voided; R-T01-000001 is $st" ;;
*) ok "the PDF does not claim the payment ($st) was voided" ;;
esac
finish
