#!/bin/sh
# Review 23: a cashier's `kpi --rows rate` is refused with "The collection
# rate's items needs the supervisor role" (a plural subject, a singular verb);
# the same for --rows time and outstanding if they share the form.
. tests/review/r23_lib.sh
r23_store m
for r in rate time outstanding; do
	msg=$(cas kpi --rows $r 2>&1 >/dev/null); rc=$?
	check "kpi --rows $r by a cashier: status" 5 "$rc"
	case "$msg" in
	*"items needs"* | *"payments needs"*) notok "kpi --rows $r: $msg" ;;
	*) ok "kpi --rows $r: $msg" ;;
	esac
done
r23_done
