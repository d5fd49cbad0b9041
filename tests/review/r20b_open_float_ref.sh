#!/bin/sh
# R20b: an opening float counted off what the drawer's last close kept is an
# over_short exception; while its shift is open, report exceptions (text, and
# the Exceptions screen's column alike) names it by the shift's id cut to 14
# characters ("01a236a4-bf4f~"), and the resolve the man page gives
# (over_short:REFERENCE:TENDER, "as report exceptions lists them") is refused
# with that reference: status 4. Only --csv shows the whole id, and the
# tender to give is "Opening float", which the error's example does not say.
. "$(dirname "$0")/r20_lib.sh"
demo
jane shift open --count 10000x1 >/dev/null 2>&1 || nok "open 1"
jane shift close --count 10000x1 >/dev/null 2>&1 || nok "close 1"
omar shift open --count 5000x1 >/dev/null 2>&1 || nok "open 2 (50.00 of 100.00)"
ref=$(mary report exceptions 2>/dev/null | awk '/Opening float/ {print $4}')
[ -n "$ref" ] || { nok "no opening float exception listed"; finish; }
out=$(mary reconcile resolve "over_short:$ref:Opening float" --note "Counted again" 2>&1); rc=$?
[ $rc -eq 0 ] && ok "resolved by the listed reference" || nok "report exceptions lists reference $ref; reconcile resolve over_short:$ref:Opening float: exit $rc ($out)"
finish
