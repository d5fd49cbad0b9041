#!/bin/sh
# Issue 23: "'team visibility' in the configuration limits lists and reports
# to the team's payments". [visibility] team is only a key of the file the
# user's own command reads: it is not among the organisation's settings
# (import settings refuses visibility.team), so the supervisor of team North
# runs `paydesk --config own.ini` (or PAYDESK_CONFIG) with team = no and
# reads team South's payments on the same terminal and store.
. "$(dirname "$0")/r23_lib.sh"
base_store "[visibility]
team = yes"
NOW="2026-03-10 10:00:00"
printf 'key,value\nvisibility.team,yes\n' >"$T/set.csv"
out=$(run admin $ADMIN "$NOW" import settings "$T/set.csv" 2>&1); rc=$?
[ $rc -eq 0 ] && ok "visibility.team is an organisation's setting" ||
	notok "import settings visibility.team,yes refused (exit $rc): the team visibility cannot be kept in the store: $out"
c=$(run sup1 $SUP1 "$NOW" --json kpi --month 2026-02 | sed -n 's/.*"total_collected": *\([0-9]*\).*/\1/p' | head -1)
[ "$c" = 10000 ] && ok "sup1 (team North) reads 100.00 in February" || notok "sup1 with the terminal's config: $c"
sed '/^\[visibility\]/,$d' "$T/config.ini" >"$T/own.ini"
c=$(run sup1 $SUP1 "$NOW" --config "$T/own.ini" --json kpi --month 2026-02 | sed -n 's/.*"total_collected": *\([0-9]*\).*/\1/p' | head -1)
[ "$c" = 10000 ] && ok "another config file does not lift the team visibility" ||
	notok "sup1 (team North) with --config own.ini (team = no) reads total_collected=$c of February, team South's 350.00 included"
finish
