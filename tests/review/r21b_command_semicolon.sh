#!/bin/sh
# R21b (s41): [alerts] command is a shell command ("run like the print
# command"), but a ';' in it starts a comment: "cat >>F; exit 1" is run as
# "cat >>F", silently, so the failure it should report never happens (and a
# site's "mail ...; logger ..." loses its second half). paydesk config shows
# the cut value without a word.
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
DB=$W/s.db
make_store "$DB"
setcfg large_payment 50.00
sed -i "s#^command =.*#command = cat >>$W/got.json; exit 4#" "$PAYDESK_CONFIG"
v=$("$P" config 2>/dev/null | sed -n 's/^command = //p' | head -1)
check "paydesk config shows the whole command" "cat >>$W/got.json; exit 4" "$v"
cash shift open >/dev/null 2>&1
cash pay A-4 --type bill --method Cash --amount 60 >/dev/null 2>"$W/err"
grep -q 'not delivered' "$W/err" && ok "the command's failure (exit 4) is reported" ||
	fail "the command's failure (exit 4) is not reported: the ';' cut it"
finish
