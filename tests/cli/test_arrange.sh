#!/bin/sh
# test_arrange.sh - debts that are worked (issue 21): the recovery role,
# payment arrangements made, paid, rescheduled and cancelled, their
# compliance, and all of it synced through a real paydesk-central to a
# second terminal. One central, two terminals, shared by every case.
. "${TOP:-.}/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"

setup_org || exit 1
start_central || exit 1
t1() { pdt 1 "$@"; }
t2() { pdt 2 "$@"; }
# the recovery user rita (PIN 4321) signed in at terminal N
rec() { n=$1; shift; PAYDESK_PIN=4321 "$PD" --config "$T/t$n.ini" --user rita "$@"; }
sup1() { PAYDESK_PIN=2222 "$PD" --config "$T/t1.ini" --user mary "$@"; }
snap1() { sqlite3 "$T/t1.db" .dump | sha256sum | cut -c1-64; }
# refused1 NAME STATUS NEEDLE CMD...: refused, terminal 1's store unchanged
refused1() {
	before=$(snap1)
	expect "$@"
	after=$(snap1)
	if [ "$before" = "$after" ]; then ok "$1: store unchanged"
	else echo "not ok - $1: store changed"; fi
}

## 1. The recovery role
# terminal 2 with the users before the role: the store a migration meets
expect "terminal 2 syncs the fixture users" 0 "" t2 sync
cp "$T/t2.db" "$T/old.db"
printf 'username,full_name,role,pin\nrita,Rita Ochoa,recovery,4321\n' \
    >"$T/rec.csv"
expect "the central node imports a recovery user" 0 "1 added" \
    central import ACME users "$T/rec.csv"
expect "terminal 1 syncs" 0 "" t1 sync
same "the recovery user reaches the terminal with her role" \
    "$(tsql 1 "SELECT role FROM users WHERE username = 'rita'")" recovery
printf 'username,full_name,role,pin\nrolf,Rolf Abt,recover,4321\n' \
    >"$T/bad-role.csv"
expect "a role that does not exist is refused, naming the roles" 3 \
    "must be cashier, recovery, supervisor or admin" \
    central import ACME users "$T/bad-role.csv"
refused1 "a terminal's import refuses it too" 3 "bad-role.csv:2:15: role" \
    env PAYDESK_PIN=9999 "$PD" --config "$T/t1.ini" --user admin import \
    users "$T/bad-role.csv"
expect "a recovery user does what a cashier does: records a payment" 0 \
    "Payment ID" rec 1 pay WU-10002 --type bill --method Cash --amount 80
PNO=$(sed -n 's/^Payment ID *//p' "$OUT" | head -1)
refused1 "a recovery user may not void (a supervisor's right)" 5 \
    "needs the supervisor role" rec 1 payment void "$PNO" --reason Mistake
# a store of the version before the role: the CHECK of users as it was
V=$(sqlite3 "$T/old.db" "PRAGMA user_version")
sqlite3 "$T/old.db" "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET
    sql = replace(sql, ', ''recovery''))', '))') WHERE name = 'users';
    PRAGMA writable_schema = RESET;
    PRAGMA user_version = $((V - 1))" 2>"$OUT" && sqlite3 "$T/old.db" \
    "INSERT INTO users (username, full_name, role, pin_hash, created_at)
    VALUES ('x', 'x', 'recovery', 'x', 'x')" 2>"$OUT"
has "the store before the migration refuses the role" "CHECK constraint failed"
sed "s|$T/t2.db|$T/old.db|" "$T/t2.ini" >"$T/old.ini"
expect "the migration keeps every seal valid (doctor)" 0 "" \
    "$PD" --config "$T/old.ini" doctor
same "the migrated store takes the recovery role" "$(sqlite3 "$T/old.db" \
    "PRAGMA user_version; SELECT sql LIKE '%''recovery''%' FROM sqlite_schema
    WHERE name = 'users'" | tr '\n' ' ')" "$V 1 "
