# Review 21 (session 40): a central node and two or three terminals on loopback,
# the import templates' data, one open shift at T01. Sourced by r21c_*.sh.
# Written from the documentation only.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
B=${BUILD:-$ROOT/build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
D=$ROOT/data/import
W=$(mktemp -d /tmp/r21c.XXXXXX)
export PAYDESK_NOW="${R21C_NOW:-2025-06-15 12:00:00}"
FAIL=0
ok() { echo "ok - $*"; }
nok() { echo "not ok - $*"; FAIL=1; }
check() { # check DESC CONDITION...
	d=$1; shift
	if "$@"; then ok "$d"; else nok "$d"; fi
}
CPID=
cleanup() { [ -n "$CPID" ] && kill "$CPID" 2>/dev/null; wait 2>/dev/null; pgstop; rm -rf "$W"; }
trap cleanup EXIT INT TERM
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$W/central.ini" <<EOC
[terminal]
id = HQ
[central]
listen = 127.0.0.1
port = $PORT
data_dir = $W/cdata
EOC
PGPID=
if [ -n "${R21C_PG:-}" ]; then # the central node on a private PostgreSQL
	mkdir -p "$W/pg" && chown postgres "$W" "$W/pg" 2>/dev/null
	su postgres -c "initdb -A trust -U postgres -D $W/pg/data" >/dev/null 2>&1
	su postgres -c "pg_ctl -D $W/pg/data -o '-k $W/pg -c listen_addresses= -c fsync=off' -l $W/pg/log start -w" >/dev/null
	su postgres -c "createdb -h $W/pg paydesk"
	printf 'backend = postgresql\ndatabase = host=%s dbname=paydesk user=postgres\n' "$W/pg" >>"$W/central.ini"
fi
pgstop() { [ -n "${R21C_PG:-}" ] && su postgres -c "pg_ctl -D $W/pg/data stop -m immediate" >/dev/null 2>&1; }
C() { "$B/paydesk-central" --config "$W/central.ini" "$@"; }
C org add ACME "Acme Water" --currency USD >/dev/null
for k in consumers bills services installments; do C import ACME $k "$D/$k.csv" >/dev/null; done
cat >"$W/users.csv" <<EOC
username,full_name,role,pin
admin,Alex Morgan,admin,482615
mary,Mary Johnson,supervisor,583920
jane,Jane Smith,cashier,4872
rita,Rita Ochoa,recovery,6193
EOC
C import ACME users "$W/users.csv" >/dev/null
for t in T01 T02 T03; do
	tok=$(C terminal add ACME B1 $t | sed -n 's/^token: //p')
	mkdir -p "$W/$t"
	cat >"$W/$t/paydesk.ini" <<EOC
[terminal]
id = $t
branch = B1
[organisation]
currency_code = USD
[store]
path = $W/$t/store.db
[sync]
url = http://127.0.0.1:$PORT
token = $tok
[receipts]
dir = $W/$t/receipts
EOC
done
# the binary itself in the background, not the function C (a subshell
# whose kill leaves the node running)
"$B/paydesk-central" --config "$W/central.ini" serve >"$W/central.log" 2>&1 &
CPID=$!
i=0; while ! grep -q listening "$W/central.log" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
# p TERMINAL USER ARGS...: run paydesk, output on stdout, status in $RC
p() {
	t=$1; u=$2; shift 2
	case $u in mary) pin=583920 ;; rita) pin=6193 ;; jane) pin=4872 ;; *) pin=482615 ;; esac
	PAYDESK_PIN=$pin "$B/paydesk" --config "$W/$t/paydesk.ini" --user $u "$@" 2>&1
}
s() { "$B/paydesk" --config "$W/$1/paydesk.ini" sync >"$W/sync.$1" 2>&1; }
for t in T01 T02 T03; do "$B/paydesk" --config "$W/$t/paydesk.ini" init >/dev/null 2>&1; s $t; done
p T01 jane shift open >/dev/null
# item outstanding at terminal: out TERMINAL REF -> minor units
out() { sqlite3 "$W/$1/store.db" "select amount-settled from items where ref='$2'"; }
finish() { if [ $FAIL = 0 ]; then echo "# all held"; exit 0; else exit 1; fi; }
