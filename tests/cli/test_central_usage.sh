# test_central_usage.sh - a usage error of paydesk-central says its
# reason first, on one line naming the option and the value, then a
# short hint: the command's own synopsis lines and a pointer to --help,
# never the whole usage (s72: collections --currency kes printed 27
# lines of usage and the reason last); an unknown command is followed by
# the whole usage, as paydesk's own unknown command is. Status 2, and
# nothing changes on the node.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
central org add ACME "Acme Water" >/dev/null || echo "not ok - org add"

# usage NAME NEEDLE CMD...: status 2; the first line is the reason (with
# NEEDLE); then the command's synopsis (one to six lines, each of
# paydesk-central CMD's first word) and the hint to --help; at most 8
# lines in all
usage() {
	name=$1 needle=$2
	shift 2
	before=$(ls -l "$T/central" | md5sum)
	"$CENTRAL" --config "$T/central.ini" "$@" >"$OUT" 2>"$T/err"
	rc=$?
	first=$(head -1 "$T/err")
	lines=$(wc -l <"$T/err")
	if [ $rc -ne 2 ]; then
		echo "not ok - $name: status $rc, wanted 2"
	elif [ "${first#paydesk-central: }" = "$first" ] ||
	    ! printf '%s' "$first" | grep -qF -- "$needle"; then
		echo "not ok - $name: the first line is not the reason"
		sed 's/^/  | /' "$T/err" | head -5
	elif [ "$lines" -gt 8 ] || [ "$lines" -lt 3 ]; then
		echo "not ok - $name: $lines lines, wanted the reason and a short hint"
		sed 's/^/  | /' "$T/err" | head -30
	elif ! sed -n 2p "$T/err" | grep -qF "usage: paydesk-central [--config FILE] $1"; then
		echo "not ok - $name: the second line is not the command's synopsis"
		sed 's/^/  | /' "$T/err" | head -5
	elif ! tail -1 "$T/err" | grep -qF "See \`paydesk-central --help\`"; then
		echo "not ok - $name: no hint to --help last"
		sed 's/^/  | /' "$T/err" | head -10
	else
		echo "ok - $name"
	fi
	[ "$before" = "$(ls -l "$T/central" | md5sum)" ] ||
	    echo "not ok - $name: the node's files changed"
}
usage "collections --currency kes" '--currency "kes": not an ISO 4217' \
    collections --currency kes
usage "collections: an unknown option" '"--colour"' collections --colour red
usage "collections --from not a date" '--from "2026/02/03": not a date' \
    collections --from 2026/02/03
usage "collections --method empty" '--method needs a value' collections --method ""
usage "collections --json twice" "--json is given twice" collections \
    --json --json
usage "shifts: no organisation" "Shifts" shifts
usage "shifts: an unknown option" '"--colour"' shifts ACME --colour
usage "shifts --from not a date" '--from "x": not a date' shifts ACME --from x
usage "deposits: an unknown option" "--colour" deposits ACME --colour
usage "statements: an unknown option" '"--colour"' statements ACME --colour x
usage "exceptions --to not a date" '--to "1/2/2026"' exceptions ACME --to 1/2/2026
usage "reconciliation: --terminal is not its option" "--terminal" \
    reconciliation ACME --terminal T01
usage "gaps: an unknown option" "--colour" gaps ACME --colour
usage "reanchors: an unknown option" "--colour" reanchors ACME --colour
usage "doctor: no organisation" "Doctor: which organisation" doctor
usage "move: no target" "Move: which organisation" move ACME
usage "migrate: an argument" "Migrate takes no arguments" migrate now
usage "org: neither add nor list" "Org: add, rename or list" org frob
usage "org add --currency kes" '--currency "kes"' org add BETA Beta \
    --currency kes
usage "terminal: neither add, revoke nor list" "Terminal: add, revoke or list" \
    terminal frob
usage "gateway: an unknown sub-command" "Gateway:" gateway frob
usage "import: no file" "Import needs ORG, KIND and FILE.csv" import ACME users
# a sub-command's own synopsis only
"$CENTRAL" --config "$T/central.ini" gateway set ACME 2>"$T/err"
same "gateway set: its own synopsis only" "$(sed -n '2,$p' "$T/err" |
    grep -c 'paydesk-central \[--config FILE\] gateway')" 1
# an unknown command: the reason first, then the whole usage
"$CENTRAL" --config "$T/central.ini" frobnicate 2>"$T/err"
same "an unknown command: the reason first" "$(head -1 "$T/err")" \
    'paydesk-central: Unknown command "frobnicate"'
[ "$(grep -c 'paydesk-central \[--config FILE\]' "$T/err")" -ge 20 ] &&
    ok "an unknown command: then the whole usage" ||
    echo "not ok - an unknown command: then the whole usage"
# in French: the reason first, the hint in French
LANGUAGE=fr "$CENTRAL" --config "$T/central.ini" collections --currency kes \
    2>"$T/err"
if head -1 "$T/err" | grep -aq '^paydesk-central: --currency «.kes.» : '; then
	ok "in French: the reason first"
else
	echo "not ok - in French: the reason first"
fi
if tail -1 "$T/err" | grep -aq "^Voir .paydesk-central --help"; then
	ok "in French: the hint last"
else
	echo "not ok - in French: the hint last"
fi
