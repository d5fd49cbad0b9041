# Review 21: a dispute resolved at two terminals offline: T02 upholds it
# (voiding the payment), T03 rejects it and syncs first. The central node
# keeps the rejection and refuses T02's uphold and void, but T02 keeps them:
# there the dispute stays "Resolved: upheld" and the payment Voided (the
# plan it paid owes 10.00 more than at T03 and the central node), for
# good; the rejection pulled is "refused here" ("it cannot be reject").
# A match lost to another terminal is undone where it lost; a dispute's
# uphold and its void should be too, and T02 then show T03's timeline.
. tests/review/r21_lib.sh
start_central
PAYDESK_PIN=5283 t3 --user cash pay A-2 --type bill --method "Bank Transfer" --amount 10 \
	>/dev/null || fail "pay"
PAYDESK_PIN=7291 t3 --user rec dispute open R-T03-000001 --reason chargeback >/dev/null ||
	fail "open"
t3 sync >/dev/null; t2 sync >/dev/null
PAYDESK_PIN=618394 t2 --user sup dispute uphold DP-T03-000001 --void >/dev/null || fail "uphold"
PAYDESK_PIN=7291 t3 --user rec dispute reject DP-T03-000001 --note no >/dev/null || fail "reject"
t3 sync >/dev/null; t2 sync >/dev/null; t3 sync >/dev/null; t2 sync >/dev/null
for t in t2 t3; do
	check "$t: the dispute is rejected" "Resolved: rejected" \
		"$(PAYDESK_PIN=7291 $t --user rec dispute show DP-T03-000001 | sed -n 's/^Status *//p')"
	check "$t: the payment is posted" "Posted" \
		"$(PAYDESK_PIN=7291 $t --user rec payment show R-T03-000001 | sed -n 's/^  Status *//p')"
	check "$t: A-2 owes 330.00" '$330.00' \
		"$(PAYDESK_PIN=618394 $t --user sup consumer show A-2 | sed -n 's/^  Total outstanding *//p')"
done
check "the refusal is said in English (not \"cannot be uphold\")" 0 \
	"$(t2 --csv sync --quarantine | grep -c 'cannot be uphold')"
finish
