#!/bin/sh
# R21 (s40): both terminals open a dispute of one payment offline; T01 goes on
# with its own (review, then uphold by void or by credit note) before it syncs;
# T02's opening reaches the central node first. T01's opening is refused and
# undone ("listed no more"), and so must be every later step of that dispute,
# with its void or credit note: every terminal then shows the payment Posted,
# one dispute (T02's) Open, the same debt and credit.
. "$(dirname "$0")/r21c_lib.sh"
MODE=${1:-void}
p T01 jane pay WU-10001 --type bill --method "Credit Card" --reference "AUTH 1" --amount 50 >/dev/null
s T01; s T02
p T01 rita dispute open R-T01-000001 --reason amount-contested >/dev/null
p T01 rita dispute review DP-T01-000001 --note "t1" >/dev/null
case $MODE in
void) p T01 mary dispute uphold DP-T01-000001 --void >/dev/null ;;
credit) p T01 mary dispute uphold DP-T01-000001 --credit 20 >/dev/null ;;
reject) p T01 rita dispute reject DP-T01-000001 --note "t1 no" >/dev/null ;;
esac
p T02 rita dispute open R-T01-000001 --reason amount-contested >/dev/null
s T02; s T01; s T02; s T01; s T03
view() {
	p $1 admin dispute list --scope org | tail -n +2 | cut -c1-60
	p $1 admin payment show R-T01-000001 | grep -E "^  Status" | head -1 | tr -s " "
	p $1 admin consumer show WU-10001 | grep -E "Total outstanding|Available credit"
	p $1 admin credit-notes --scope org --status active | tail -n +3 | cut -c1-16,36-120
}
view T01 >"$W/v1"; view T02 >"$W/v2"; view T03 >"$W/v3"
sed 's/^/# T01 /' "$W/v1"
if cmp -s "$W/v1" "$W/v2" && cmp -s "$W/v2" "$W/v3"; then ok "$MODE: T01, T02, T03 agree"
else nok "$MODE: the terminals differ"; diff "$W/v1" "$W/v2" | sed 's/^/#  T01|T02 /'; diff "$W/v2" "$W/v3" | sed 's/^/#  T02|T03 /'; fi
p T01 mary --csv sync --quarantine | tail -n +2 | cut -d, -f2,3,6 | cut -c1-200 | sed 's/^/# Q /'
d=$(p T01 admin doctor); case $d in *": ok"*) ok "T01 doctor ok" ;; *) nok "T01 doctor: $d" ;; esac
finish
