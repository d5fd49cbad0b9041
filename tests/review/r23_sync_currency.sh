#!/bin/sh
# Issue 23: "currency where the central node hosts organisations of several
# currencies (figures are never summed across currencies)". paydesk(1) sync:
# "a terminal's [organisation] currency_code must be its organisation's on
# the central node ... or the round does not start: status 2". A USD
# terminal registered in a KES organisation syncs with exit status 0: the
# round runs, and the organisation's users, consumers and bills all land in
# its quarantine, the terminal left with no user to sign in.
. "$(dirname "$0")/r23_lib.sh"
central_setup || { notok "central node and terminals could not be set up"; finish; }
$CC org add ORG2 "Org Two" --currency KES >/dev/null || { notok "org add"; finish; }
$CC import ORG2 consumers "$T/consumers.csv" >/dev/null || { notok "import"; finish; }
mkdir -p "$T/T09"
tok=$($CC terminal add ORG2 K01 T09 | sed -n 's/^token: //p')
cat >"$(tcfg T09)" <<EOI
[store]
path = $T/T09/store.db
[terminal]
id = T09
branch = K01
[sync]
url = http://127.0.0.1:$CPORT
token = $tok
EOI
PAYDESK_CONFIG=$(tcfg T09) "$PD" init >/dev/null
out=$(PAYDESK_CONFIG=$(tcfg T09) PAYDESK_NOW="2026-01-06 09:00:00" "$PD" sync 2>&1); rc=$?
[ $rc -eq 2 ] && ok "a USD terminal of a KES organisation: the round does not start (2)" ||
	notok "paydesk sync of a USD terminal in a KES organisation exits $rc (documented: 2, the round does not start): $(printf '%s' "$out" | tr '\n' ' ')"
finish
