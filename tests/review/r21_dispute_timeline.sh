# Review 21: a dispute worked at two terminals offline: T02 puts it under
# review, T03 (not having pulled that) rejects it. The central node applies
# both (Open -> Under review -> Rejected) and T02 shows that timeline, but
# T03 refuses the pulled review ("it cannot be review"), sets it aside and
# raises a refused-record alert: its timeline lacks the step, the terminals
# do not see the dispute the same.
. tests/review/r21_lib.sh
start_central
PAYDESK_PIN=5283 t3 --user cash pay A-2 --type bill --method "Bank Transfer" --amount 50 \
	>/dev/null || fail "pay"
PAYDESK_PIN=7291 t3 --user rec dispute open R-T03-000001 --reason amount-contested \
	--note "says 40" >/dev/null || fail "open"
t3 sync >/dev/null; t2 sync >/dev/null
PAYDESK_PIN=7291 t2 --user rec dispute review DP-T03-000001 --note looking >/dev/null || fail "review"
PAYDESK_PIN=7291 t3 --user rec dispute reject DP-T03-000001 --note "Holder confirmed" >/dev/null ||
	fail "reject"
t2 sync >/dev/null; t3 sync >/dev/null; t2 sync >/dev/null; t3 sync >/dev/null
tl2=$(PAYDESK_PIN=7291 t2 --user rec dispute show DP-T03-000001 | sed -n '/^Timeline/,$p' |
	sed 's/ [0-9-]* [0-9:]*;/;/')
tl3=$(PAYDESK_PIN=7291 t3 --user rec dispute show DP-T03-000001 | sed -n '/^Timeline/,$p' |
	sed 's/ [0-9-]* [0-9:]*;/;/')
check "the same timeline at both terminals" "$tl2" "$tl3"
check "nothing set aside at T03" 0 "$(t3 --csv sync --quarantine | tail -n +2 | grep -c dispute)"
check "no refused-record alert at T03" 0 \
	"$(PAYDESK_PIN=7291 t3 --user rec --csv alerts --kind refused | tail -n +2 | wc -l)"
finish
