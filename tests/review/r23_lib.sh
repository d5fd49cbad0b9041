#!/bin/sh
# r23_lib.sh: a small organisation for the issue 23 review scripts (scopes,
# team visibility, filters). A real paydesk-central on a free loopback port,
# terminals T01 and T02 of branch B01 and T03 of branch B02, all synced.
# Known answers (June 2026, "now" 2026-06-15):
#   T01 c1 (B01, team North): A1 J1 110 Cash, A3 I3 300 Bank Transfer (06-12),
#                             A1 I1 100 Cash (05-25)
#   T02 c2 (B01, team East):  A2 I2 200 Cash (06-12)
#   T02 c4 (B01, team North): A4 J4 40 Credit Card (06-12)
#   T03 c3 (B02, team South): A4 I4 400 Cash, A2 J2 220 Bank Transfer (06-12)
# June collected: T01 410, B01 650, B02 620, org 1270; B01 team North 450.
# Segments: A1, A2 Residential; A3, A4 Commercial.
# Sourced by tests/review/r23_*.sh; run from the repository's root.
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
W=$(mktemp -d /tmp/r23rev.XXXXXX)
FAILS=0
CPID=
r23_cleanup() {
	[ -n "$CPID" ] && kill "$CPID" 2>/dev/null
	[ -n "$TMUXS" ] && tmux -L "$TMUXS" kill-server 2>/dev/null
	rm -rf "$W"
}
trap r23_cleanup EXIT
trap 'exit 1' INT TERM
ok() { echo "ok - $*"; }
nok() { echo "not ok - $*"; FAILS=$((FAILS + 1)); }
check() { # check DESC: the last command's status given as $?
	if [ "$1" -eq 0 ]; then ok "$2"; else nok "$2"; fi
}
done_r23() {
	if [ "$FAILS" -gt 0 ]; then echo "# $FAILS failed"; exit 1; fi
	echo "# all passed"; exit 0
}
r23_port() {
	p=$(( (($$ * 7) % 2000) + 27000 ))
	while ss -ltn 2>/dev/null | grep -q ":$p "; do p=$((p + 1)); done
	echo $p
}
C() { PAYDESK_NOW=${CNOW:-"2026-06-15 12:00:00"} PAYDESK_CONFIG=$W/central.ini "$BUILD/paydesk-central" "$@"; }
# pd TERMINAL USER PIN ARGS...: paydesk as that user at that terminal
pd() { _t=$1; _u=$2; _p=$3; shift 3; PAYDESK_CONFIG=$W/$_t.ini PAYDESK_PIN=$_p "$BUILD/paydesk" --user "$_u" "$@"; }
pdn() { _t=$1; shift; PAYDESK_CONFIG=$W/$_t.ini "$BUILD/paydesk" "$@"; }
sync_all() {
	for _i in 1 2; do for _t in T01 T02 T03; do
		pdn "$_t" sync >/dev/null 2>&1 || { echo "# sync of $_t failed"; pdn "$_t" sync --quarantine; }
	done; done
}
r23_world() {
	PORT=$(r23_port)
	cat > "$W/central.ini" <<E
[terminal]
id = HQ
[central]
listen = 127.0.0.1
port = $PORT
data_dir = $W/central
log = $W/central.log
gateway_allow = 127.0.0.1
E
	CNOW="2026-05-01 09:00:00"
	C org add ORG "Org One" --currency USD >/dev/null || exit 2
	for t in T01:B01 T02:B01 T03:B02; do
		id=${t%%:*}; br=${t##*:}
		k=$(C terminal add ORG "$br" "$id" | grep -o '[A-Za-z0-9_-]\{20,\}' | tail -1)
		cat > "$W/$id.ini" <<E
[store]
path = $W/$id.db
[terminal]
id = $id
branch = $br
[sync]
url = http://127.0.0.1:$PORT
token = $k
[shifts]
required = no
[receipts]
dir = $W/rc-$id
[exports]
dir = $W/ex-$id
E
	done
	cat > "$W/users.csv" <<E
username,full_name,role,pin,branch,team
adm,Ada Admin,admin,482615,,
sup1,Sam One,supervisor,583921,B01,North
sup2,Sue Two,supervisor,583922,B02,South
sup3,Sid Three,supervisor,583923,B01,East
c1,Carl One,cashier,4871,B01,North
c2,Cora Two,cashier,4872,B01,East
c3,Cid Three,cashier,4873,B02,South
c4,Cal Four,cashier,4874,B01,North
rec,Rae Rec,recovery,6193,,
E
	cat > "$W/consumers.csv" <<E
account_no,name,service_address,phone,email,segment
A1,Alice Res,1 St,5550001,,Residential
A2,Bob Res,2 St,5550002,,Residential
A3,Carol Com,3 St,5550003,,Commercial
A4,Dan Com,4 St,5550004,,Commercial
E
	cat > "$W/bills.csv" <<E
invoice_no,account_no,period,amount,issued_on,due_on
I1,A1,2026-05,100.00,2026-05-01,2026-05-20
I2,A2,2026-05,200.00,2026-05-01,2026-05-20
I3,A3,2026-05,300.00,2026-05-01,2026-05-20
I4,A4,2026-05,400.00,2026-05-01,2026-05-20
J1,A1,2026-06,110.00,2026-06-01,2026-06-10
J2,A2,2026-06,220.00,2026-06-01,2026-06-10
J3,A3,2026-06,330.00,2026-06-01,2026-06-10
J4,A4,2026-06,440.00,2026-06-01,2026-06-10
K1,A1,2026-07,50.00,2026-06-01,2026-07-10
E
	for k in users consumers bills; do C import ORG $k "$W/$k.csv" >/dev/null || exit 2; done
	CNOW=
	PAYDESK_NOW="2026-06-15 12:00:00" PAYDESK_CONFIG=$W/central.ini "$BUILD/paydesk-central" serve >"$W/central.out" 2>&1 &
	CPID=$!
	_n=0
	while ! curl -s "http://127.0.0.1:$PORT/v1/health" >/dev/null 2>&1; do
		_n=$((_n + 1)); [ $_n -gt 50 ] && { echo "# central did not start"; cat "$W/central.out"; exit 2; }
		sleep 0.1
	done
	export PAYDESK_NOW="2026-06-01 09:00:00"
	for id in T01 T02 T03; do pdn $id init >/dev/null && pdn $id sync >/dev/null || exit 2; done
	PAYDESK_NOW="2026-05-25 10:00:00" pd T01 c1 4871 pay A1 --type bill --items I1 --method Cash --amount 100 >/dev/null || exit 2
	export PAYDESK_NOW="2026-06-12 10:00:00"
	pd T01 c1 4871 pay A1 --type bill --items J1 --method Cash --amount 110 >/dev/null &&
	pd T01 c1 4871 pay A3 --type bill --items I3 --method "Bank Transfer" --amount 300 >/dev/null &&
	pd T02 c2 4872 pay A2 --type bill --items I2 --method Cash --amount 200 >/dev/null &&
	pd T02 c4 4874 pay A4 --type bill --items J4 --method "Credit Card" --amount 40 --reference AUTH1 >/dev/null &&
	pd T03 c3 4873 pay A4 --type bill --items I4 --method Cash --amount 400 >/dev/null &&
	pd T03 c3 4873 pay A2 --type bill --items J2 --method "Bank Transfer" --amount 220 >/dev/null || exit 2
	export PAYDESK_NOW="2026-06-15 12:00:00"
	sync_all
}
r23_team_visibility() {
	printf 'key,value\nvisibility.team,yes\n' > "$W/vis.csv"
	C import ORG settings "$W/vis.csv" >/dev/null || exit 2
	sync_all
}
# collected TERMINAL USER PIN ARGS...: the month's Total collected, in minor units
collected() { _ct=$1; _cu=$2; _cp=$3; shift 3
	pd "$_ct" "$_cu" "$_cp" --json kpi "$@" 2>/dev/null | sed -n 's/.*"total_collected": *\([0-9-]*\).*/\1/p' | head -1; }
