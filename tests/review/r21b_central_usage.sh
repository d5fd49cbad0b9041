#!/bin/sh
# R21b (s41): `paydesk import settings --update FILE` is taken at a terminal,
# but `paydesk-central import ORG settings --update FILE` says
# 'Unknown command "import"': the command is known, the option's place is not.
. "$(dirname "$0")/r21_lib.sh"
cat >"$W/central.ini" <<INI
[central]
listen = 127.0.0.1
port = 1
data_dir = $W/central
INI
"$C" --config "$W/central.ini" org add ORG1 "Org One" --currency USD >/dev/null || fail "org add"
printf 'key,value\ndisputes.due_days,20\n' >"$W/set.csv"
"$C" --config "$W/central.ini" import ORG1 settings "$W/set.csv" >/dev/null || fail "import"
printf 'key,value\ndisputes.due_days,25\n' >"$W/set.csv"
"$C" --config "$W/central.ini" import ORG1 settings --update "$W/set.csv" >"$W/out" 2>&1
r=$?
if [ $r -eq 0 ]; then ok "--update before the file is taken, as at a terminal"
elif grep -q 'Unknown command' "$W/out"; then fail "--update before the file: '$(grep Unknown "$W/out")' (status $r)"
else ok "--update before the file is refused with a message naming it (status $r)"; fi
finish
