# Helpers of the review 21 scripts (issue 21: arrangements, alerts,
# disconnections, disputes). Sourced by tests/review/r21_*.sh; run them from
# the tree's root: sh tests/review/r21_X.sh
BUILD=${BUILD:-build}
ROOT=$(pwd)
P="$ROOT/$BUILD/paydesk"
C="$ROOT/$BUILD/paydesk-central"
W=$(mktemp -d /tmp/r21review.XXXXXX)
FAILS=0
CENTRAL_PID=
cleanup() {
	[ -n "$CENTRAL_PID" ] && kill "$CENTRAL_PID" 2>/dev/null
	[ -n "$TMUX_SOCK" ] && tmux -L "$TMUX_SOCK" kill-session -t r21 2>/dev/null
	rm -rf "$W"
}
trap cleanup EXIT
export XDG_DATA_HOME="$W/xdg" HOME="$W/home" XDG_CONFIG_HOME="$W/cfg"
export LANGUAGE=en LC_ALL=C.UTF-8
unset PAYDESK_PIN PAYDESK_NOW
mkdir -p "$XDG_DATA_HOME" "$HOME" "$XDG_CONFIG_HOME"
cp "$ROOT/config.ini.example" "$W/config.ini"
export PAYDESK_CONFIG="$W/config.ini"

ok() { echo "ok - $1"; }
fail() { echo "not ok - $1"; FAILS=$((FAILS + 1)); }
check() { # check DESCRIPTION EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: expected [$2], got [$3]"; fi
}
finish() { [ "$FAILS" -eq 0 ] && exit 0; exit 1; }

# set KEY VALUE in the config (the first line "KEY = ..." of the file)
setcfg() { sed -i "0,/^$1 =.*/s##$1 = $2#" "${3:-$PAYDESK_CONFIG}"; }

# the users, consumers and items of the review's small store
write_csv() {
	cat >"$W/users.csv" <<'CSV'
username,full_name,role,pin
admin,Ann Admin,admin,739251
sup,Sam Super,supervisor,618394
cash,Carl Cash,cashier,5283
rec,Rae Recovery,recovery,7291
CSV
	cat >"$W/consumers.csv" <<'CSV'
account_no,name,service_address,phone,email,segment
A-1,Alice One,1 Main St,5550001,,Residential
A-2,Bob Two,2 Main St,5550002,,Residential
A-3,Cara Three,3 Main St,5550003,,Commercial
A-4,Dan Four,4 Main St,5550004,,Residential
CSV
	cat >"$W/bills.csv" <<'CSV'
invoice_no,account_no,period,amount,issued_on,due_on
B1,A-1,2026-08,100.01,2026-08-01,2026-08-20
B2,A-1,2026-09,100.00,2026-09-01,2026-09-20
B3,A-1,2026-11,50.00,2026-11-01,2026-12-20
B4,A-2,2026-09,300.00,2026-09-01,2026-09-20
B5,A-3,2026-11,80.00,2026-11-01,2026-11-20
B6,A-4,2026-08,500.00,2026-08-01,2026-08-10
CSV
	cat >"$W/services.csv" <<'CSV'
ref,account_no,description,amount,service_date
S1,A-1,Reconnection fee,25.00,2026-10-05
S2,A-2,Meter test,40.00,2026-11-25
CSV
}

# make_store DB: a standalone store with the review's data, as of $PAYDESK_NOW
make_store() {
	write_csv
	"$P" --db "$1" init >/dev/null || fail "init $1"
	"$P" --db "$1" import users "$W/users.csv" >/dev/null || fail "import users"
	for k in consumers bills services; do
		PAYDESK_PIN=618394 "$P" --db "$1" --user sup import $k "$W/$k.csv" >/dev/null ||
			fail "import $k"
	done
}

rec() { PAYDESK_PIN=7291 "$P" --db "$DB" --user rec "$@"; }
sup() { PAYDESK_PIN=618394 "$P" --db "$DB" --user sup "$@"; }
cash() { PAYDESK_PIN=5283 "$P" --db "$DB" --user cash "$@"; }

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_central: a central node on a free loopback port with organisation ORG1
# (the review's data) and terminals T02, T03 whose configs are $W/t02.ini and
# $W/t03.ini (stores $W/t02.db, $W/t03.db), both synced once.
start_central() {
	write_csv
	PORT=$(free_port)
	cat >"$W/central.ini" <<INI
[central]
listen = 127.0.0.1
port = $PORT
data_dir = $W/central
INI
	"$C" --config "$W/central.ini" org add ORG1 "Org One" --currency USD >/dev/null || fail "org add"
	for k in users consumers bills services; do
		"$C" --config "$W/central.ini" import ORG1 $k "$W/$k.csv" >/dev/null || fail "central import $k"
	done
	for t in T02 T03; do
		lc=$(echo $t | tr A-Z a-z)
		tok=$("$C" --config "$W/central.ini" terminal add ORG1 B01 $t | sed -n 's/^token: //p')
		cp "$W/config.ini" "$W/$lc.ini"
		setcfg id "$t" "$W/$lc.ini"
		setcfg url "http://127.0.0.1:$PORT" "$W/$lc.ini"
		setcfg token "$tok" "$W/$lc.ini"
		setcfg plain_http yes "$W/$lc.ini"
		setcfg path "$W/$lc.db" "$W/$lc.ini"
	done
	"$C" --config "$W/central.ini" serve >"$W/central.log" 2>&1 &
	CENTRAL_PID=$!
	i=0
	while ! grep -q listening "$W/central.log" 2>/dev/null; do
		i=$((i + 1)); [ $i -gt 100 ] && { fail "central did not start"; break; }
		sleep 0.1
	done
	for t in t02 t03; do
		PAYDESK_CONFIG="$W/$t.ini" "$P" init >/dev/null
		PAYDESK_CONFIG="$W/$t.ini" "$P" sync >/dev/null || fail "first sync of $t"
	done
}
t2() { PAYDESK_CONFIG="$W/t02.ini" "$P" "$@"; }
t3() { PAYDESK_CONFIG="$W/t03.ini" "$P" "$@"; }
