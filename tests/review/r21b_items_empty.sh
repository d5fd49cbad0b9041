#!/bin/sh
# R21b (s41): `pay --items ""` is refused ("--items is empty"), but
# `arrangement preview/create --items ""` (a script's empty variable) takes
# every open item of the consumer into the plan, as if --items were not given.
. "$(dirname "$0")/r21_lib.sh"
export PAYDESK_NOW="2026-12-02 10:00:00"
DB=$W/s.db
make_store "$DB"
rec arrangement preview A-2 --items "" --installments 2 --frequency monthly --first-due 2027-01-01 >/dev/null 2>&1
check "arrangement preview --items '' is bad input (status 3)" 3 $?
rec arrangement create A-2 --items "" --installments 2 --frequency monthly --first-due 2027-01-01 --reason x >/dev/null 2>&1
check "arrangement create --items '' is bad input (status 3)" 3 $?
n=$(rec arrangement list --consumer A-2 | grep -c '^AR-')
check "no plan made for A-2" 0 "$n"
finish
