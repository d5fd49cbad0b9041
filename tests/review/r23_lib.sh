# Helpers of the r23_*.sh review scripts (issue 23, session 41). Sourced;
# run a script from the repository's root: sh tests/review/r23_X.sh
# Each script prints "ok - ..." or "not ok - ..." and exits 1 on a fault.
BUILD=${BUILD:-build}
ROOT=$(pwd)
PD="$ROOT/$BUILD/paydesk"
PDC="$ROOT/$BUILD/paydesk-central"
[ -x "$PD" ] || { echo "not ok - no $PD (run from the repository root, after make)"; exit 1; }
R23_FAIL=0
R23_TMP=$(mktemp -d /tmp/r23rev.XXXXXX)
trap 'rm -rf "$R23_TMP"' EXIT INT TERM
ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; R23_FAIL=1; }
check() { # check DESCRIPTION EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1: expected [$2], got [$3]"; fi
}
r23_done() { exit $R23_FAIL; }

# r23_store NAME: a terminal store in $R23_TMP/NAME (T01 of B01, no shift
# needed for cash), its config exported as PAYDESK_CONFIG.
r23_store() {
	d="$R23_TMP/$1"
	mkdir -p "$d"
	cat >"$d/paydesk.ini" <<INI
[store]
path = $d/store.db
[terminal]
id = T01
branch = B01
[receipts]
dir = $d/receipts
[exports]
dir = $d/exports
[shifts]
required = no
INI
	PAYDESK_CONFIG="$d/paydesk.ini"
	export PAYDESK_CONFIG
	"$PD" init >/dev/null || { notok "init of $1"; r23_done; }
	printf 'username,full_name,role,pin,branch,team\nadm,Ada Admin,admin,739146,,\nsup,Sue Super,supervisor,482913,B01,North\ncas,Cal Cashier,cashier,5827,B01,North\n' >"$d/users.csv"
	"$PD" import users "$d/users.csv" >/dev/null || { notok "users of $1"; r23_done; }
}
sup() { PAYDESK_PIN=482913 "$PD" --user sup "$@"; }
cas() { PAYDESK_PIN=5827 "$PD" --user cas "$@"; }
adm() { PAYDESK_PIN=739146 "$PD" --user adm "$@"; }
# pay_at "YYYY-MM-DD HH:MM:SS" ACCOUNT ITEM METHOD AMOUNT: a payment by cas
pay_at() {
	PAYDESK_NOW="$1" cas pay "$2" --type bill --items "$3" --method "$4" \
		--amount "$5" --reference "REF$(date +%N)" >/dev/null ||
		notok "pay $2 $3 $5 at $1"
}

# The UI in tmux on a private socket: tui_start "ENV=... " (the command's
# environment), tui_keys KEYS..., tui_wait TEXT (up to 15 s), tui_screen.
R23_SOCK="r23rev$$"
tui_start() {
	tmux -L "$R23_SOCK" new-session -d -s t -x 140 -y 45 "env $1 $PD" ||
		{ notok "tmux"; r23_done; }
	trap 'tmux -L "$R23_SOCK" kill-session -t t 2>/dev/null; rm -f "/tmp/tmux-$(id -u)/$R23_SOCK"; rm -rf "$R23_TMP"' EXIT INT TERM
}
tui_keys() { tmux -L "$R23_SOCK" send-keys -t t "$@"; sleep 0.4; }
tui_screen() { tmux -L "$R23_SOCK" capture-pane -p -t t; }
tui_wait() {
	i=0
	while [ $i -lt 75 ]; do
		tui_screen | grep -q -- "$1" && return 0
		sleep 0.2; i=$((i + 1))
	done
	return 1
}

# fc_store: the forecast's small store of known answers (today 2026-06-15,
# weeks from Monday): Residential A-1 (on time 1 of 3: 100 of 300) and B-1
# (300 of 500), Commercial C-1 and D-1 (no history: the organisation's 400 of
# 800). Next 4 weeks: A3 owes 60 -> 20.00; B3 150 -> 90.00; C1 33.33 ->
# 16.67 and D's installment 50 -> 25.00: 151.67 (Commercial alone: 41.67).
fc_store() {
	r23_store "$1"
	d=$R23_TMP/$1
	printf 'account_no,name,service_address,phone,email,segment\nA-1,Alice Able,1 Main St,5550001,,Residential\nB-1,Bob Baker,2 Main St,5550002,,Residential\nC-1,Carol Cole,3 Main St,5550003,,Commercial\nD-1,Dan Dunn,4 Main St,5550004,,Commercial\n' >$d/c.csv
	printf 'invoice_no,account_no,period,amount,issued_on,due_on\nA1,A-1,2026-02,100.00,2026-02-01,2026-03-01\nA2,A-1,2026-03,100.00,2026-03-01,2026-04-01\nE1,A-1,2026-05,100.00,2026-05-20,2026-06-10\nA3,A-1,2026-06,80.00,2026-06-01,2026-06-17\nB1,B-1,2026-03,300.00,2026-03-10,2026-04-10\nB2,B-1,2026-04,200.00,2026-04-10,2026-05-10\nB3,B-1,2026-06,150.00,2026-06-01,2026-06-24\nC1,C-1,2026-06,33.33,2026-06-01,2026-07-01\n' >$d/b.csv
	printf 'plan_id,account_no,number,amount,due_on\nPD,D-1,1,50.00,2026-06-30\n' >$d/i.csv
	PAYDESK_NOW="2026-01-15 09:00:00" sup import consumers $d/c.csv >/dev/null
	PAYDESK_NOW="2026-01-15 09:00:00" sup import bills $d/b.csv >/dev/null
	PAYDESK_NOW="2026-01-15 09:00:00" sup import installments $d/i.csv >/dev/null
	pay_at "2026-02-25 10:00:00" A-1 A1 "Bank Transfer" 100
	pay_at "2026-04-20 10:00:00" A-1 A2 "Bank Transfer" 100
	pay_at "2026-04-05 10:00:00" B-1 B1 "Bank Transfer" 300
	pay_at "2026-06-12 10:00:00" A-1 E1 "Bank Transfer" 100
	pay_at "2026-06-14 10:00:00" A-1 A3 "Bank Transfer" 20
}

# central_org T01:B01 T02:B01 ...: a paydesk-central on a free loopback port
# (org W, USD; users adm (admin), s1 (supervisor B01), c1 and c2 (cashiers
# B01); consumers A-1 and B-1 with bills A1..A9, B1..B9 of $100 due
# 2026-11-21..29; shifts.required = no) and a terminal store per argument in
# $R23_TMP/ID, each synced once. term ID CMD... runs paydesk at ID.
central_org() {
	c=$R23_TMP/central; mkdir -p $c
	port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
	printf '[terminal]\nid = HQ\n[central]\nport = %s\ndata_dir = %s/data\nlog = %s/central.log\n' $port $c $c >$c/central.ini
	CC="env PAYDESK_CONFIG=$c/central.ini $PDC"
	$CC org add W "Water Co" --currency USD >/dev/null || { notok "org add"; r23_done; }
	printf 'username,full_name,role,pin,branch,team\nadm,Ada Admin,admin,739146,,\ns1,Sam North,supervisor,482913,B01,North\nc1,Cy North,cashier,5827,B01,North\nc2,Ce Two,cashier,7149,B01,North\n' >$c/users.csv
	printf 'account_no,name,service_address,phone,email,segment\nA-1,Alice Able,1 Main St,5550001,,Residential\nB-1,Bob Baker,2 Main St,5550002,,Commercial\n' >$c/consumers.csv
	{ printf 'invoice_no,account_no,period,amount,issued_on,due_on\n'; for i in 1 2 3 4 5 6 7 8 9; do echo "A$i,A-1,2026-11,100.00,2026-11-01,2026-11-2$i"; echo "B$i,B-1,2026-11,100.00,2026-11-01,2026-11-2$i"; done; } >$c/bills.csv
	printf 'key,value\nshifts.required,no\n' >$c/settings.csv
	for f in users consumers bills settings; do $CC import W $f $c/$f.csv >/dev/null || notok "central import $f"; done
	for tb in "$@"; do
		id=${tb%:*}; br=${tb#*:}; mkdir -p $R23_TMP/$id
		tok=$($CC terminal add W $br $id | sed -n 's/^token: //p')
		printf '[store]\npath = %s/store.db\n[terminal]\nid = %s\nbranch = %s\n[receipts]\ndir = %s/r\n[sync]\nurl = http://127.0.0.1:%s\ntoken = %s\n' \
			$R23_TMP/$id $id $br $R23_TMP/$id $port $tok >$R23_TMP/$id/paydesk.ini
	done
	$CC serve >$c/serve.out 2>&1 &
	R23_CENTRAL_PID=$!
	trap 'kill $R23_CENTRAL_PID 2>/dev/null; rm -rf "$R23_TMP"' EXIT INT TERM
	i=0; while ! python3 -c "import socket;socket.create_connection(('127.0.0.1',$port),1)" 2>/dev/null; do
		i=$((i + 1)); [ $i -gt 50 ] && { notok "central did not start"; r23_done; }; sleep 0.2; done
	for tb in "$@"; do term ${tb%:*} init >/dev/null; term ${tb%:*} sync >/dev/null || notok "first sync of ${tb%:*}"; done
}
term() { id=$1; shift; PAYDESK_CONFIG=$R23_TMP/$id/paydesk.ini "$PD" "$@"; }
# as ID USER CMD...: paydesk at ID signed in as USER (PINs of central_org)
as() {
	id=$1; u=$2; shift 2
	case $u in adm) p=739146 ;; s1) p=482913 ;; c1) p=5827 ;; c2) p=7149 ;; esac
	PAYDESK_PIN=$p PAYDESK_CONFIG=$R23_TMP/$id/paydesk.ini "$PD" --user $u "$@"
}
