# Shared setup of the issue-23 review checks (sourced; POSIX sh).
# A fresh store in a temporary directory, a small known data set, and
# ok / not ok helpers. Every figure the checks expect is worked out by hand
# in the check itself.
set -u
R23_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$R23_ROOT/$BUILD ;; esac
PD=$BUILD/paydesk
T=$(mktemp -d /tmp/r23.XXXXXX)
TMX="tmux -L r23chk$$"
CENTRAL_PID= TUI_ON=
r23_cleanup() {
	if [ -n "$TUI_ON" ]; then
		$TMX kill-session -t main 2>/dev/null
		# the server of this check ends with its last session: drop its socket
		$TMX ls >/dev/null 2>&1 || rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/r23chk$$"
	fi
	[ -n "$CENTRAL_PID" ] && { kill "$CENTRAL_PID" 2>/dev/null; wait "$CENTRAL_PID" 2>/dev/null; }
	rm -rf "$T"
}
trap 'r23_cleanup' EXIT
trap 'exit 130' INT TERM
unset LANGUAGE LC_ALL LC_MESSAGES PAYDESK_PIN PAYDESK_APPROVER_PIN NO_COLOR COLUMNS
export LANG=C.UTF-8 HOME="$T" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/cfg"
export PAYDESK_CONFIG="$T/config.ini"
FAILS=0
ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; FAILS=$((FAILS + 1)); }
finish() { [ "$FAILS" -eq 0 ] || exit 1; exit 0; }

# run AS PIN NOW args...: paydesk as a user at a given clock
run() { _u=$1 _p=$2 _n=$3; shift 3; PAYDESK_NOW="$_n" PAYDESK_PIN="$_p" "$PD" --user "$_u" "$@"; }
# the users: admin; two supervisors and two cashiers of branch B01 in teams
# North (sup1, cn) and South (sup2, cs)
ADMIN=482615 SUP1=583920 SUP2=639172 CN=4872 CS=3916

base_store_files() {
	cat >"$T/consumers.csv" <<'EOI'
account_no,name,service_address,phone,email,segment
A-1,Ann Alpha,1 Road,5550000001,a@x.org,Residential
A-2,Bob Beta,2 Road,5550000002,b@x.org,Residential
A-3,Cid Gamma,3 Road,5550000003,c@x.org,Commercial
EOI
	cat >"$T/bills.csv" <<'EOI'
invoice_no,account_no,period,amount,issued_on,due_on
B1,A-1,2026-01,100.00,2026-01-01,2026-01-15
B2,A-1,2026-02,100.00,2026-02-01,2026-02-15
B3,A-2,2026-02,200.00,2026-02-01,2026-02-20
B4,A-3,2026-02,300.00,2026-02-01,2026-02-25
B5,A-3,2026-03,300.00,2026-03-01,2026-03-25
EOI
}
# base_store [extra ini text]: store, users, consumers A-1, A-2 (Residential),
# A-3 (Commercial), bills B1-B5 and four payments:
#   R-T01-000001 2026-01-10 cn Cash          100.00 A-1 B1 (due 01-15, issued 01-01)
#   R-T01-000002 2026-02-18 cs Cash          200.00 A-2 B3 (due 02-20)
#   R-T01-000003 2026-02-20 cn Credit Card   100.00 A-1 B2 (due 02-15)
#   R-T01-000004 2026-02-25 cs Bank Transfer 150.00 A-3 B4 (300.00 due 02-25)
# B5: A-3 300.00 due 2026-03-25, open.
base_store() {
	cat >"$T/config.ini" <<EOI
[store]
path = $T/store.db
[terminal]
id = T01
branch = B01
[shifts]
required = no
[exports]
dir = $T/exp
[receipts]
dir = $T/rc
${1:-}
EOI
	base_store_files
	cat >"$T/users.csv" <<'EOI'
username,full_name,role,pin,branch,team
admin,Alex Admin,admin,482615,,
sup1,Sue North,supervisor,583920,B01,North
sup2,Sam South,supervisor,639172,B01,South
cn,Cara North,cashier,4872,B01,North
cs,Carl South,cashier,3916,B01,South
EOI
	_n="2026-01-05 09:00:00"
	PAYDESK_NOW="$_n" "$PD" init >/dev/null &&
	PAYDESK_NOW="$_n" "$PD" import users "$T/users.csv" >/dev/null &&
	run sup1 $SUP1 "$_n" import consumers "$T/consumers.csv" >/dev/null &&
	run sup1 $SUP1 "$_n" import bills "$T/bills.csv" >/dev/null &&
	run cn $CN "2026-01-10 10:00:00" pay A-1 --type bill --items B1 --method Cash --amount 100 --tendered 100 >/dev/null &&
	run cs $CS "2026-02-18 10:00:00" pay A-2 --type bill --items B3 --method Cash --amount 200 --tendered 200 >/dev/null &&
	run cn $CN "2026-02-20 11:00:00" pay A-1 --type bill --items B2 --method "Credit Card" --amount 100 --reference "AUTH 1" >/dev/null &&
	run cs $CS "2026-02-25 12:00:00" pay A-3 --type bill --items B4 --method "Bank Transfer" --amount 150 --reference TX1 >/dev/null ||
	{ echo "not ok - the base store could not be made"; exit 1; }
}

# The counter UI in a tmux server of its own (never the default one).
tui_start() { # user pin now: start paydesk, sign in, wait for the dashboard
	$TMX new-session -d -s main -x 160 -y 50 \
		"env PAYDESK_CONFIG='$PAYDESK_CONFIG' PAYDESK_NOW='$3' HOME='$T' LANG=C.UTF-8 '$PD'" || return 1
	TUI_ON=1
	wait_for "Username" || return 1
	keys "$1" Tab "$2" Enter
	wait_for "Dashboard"
}
keys() { $TMX send-keys -t main "$@"; }
screen() { $TMX capture-pane -p -t main; }
wait_for() { # text: poll the screen until it shows the text (at most ~10 s)
	_i=0
	while [ $_i -lt 100 ]; do
		screen | grep -q -F -- "$1" && return 0
		sleep 0.1; _i=$((_i + 1))
	done
	echo "# the screen never showed: $1"; screen | sed 's/^/# /'; return 1
}
# the first amount of the tiles' figure row (the first tile's figure)
first_tile() { screen | grep -m1 '^  │ [$]' | sed 's/^  │ \([^ ]*\).*/\1/'; }

# central_setup: a paydesk-central on a loopback port with organisation ORG1,
# terminals T01 and T02 of branch B01 and T03 of branch B02 (each a store of
# its own, [visibility] team = yes; tcfg T gives its config), the users,
# consumers and bills of base_store (plus sup3, c3 of B02), and payments:
#   R-T01-000001 2026-01-10 cn Cash 100.00 A-1 B1
#   R-T02-000001 2026-02-18 cs Cash 200.00 A-2 B3
#   R-T03-000001 2026-02-25 c3 Bank Transfer 150.00 A-3 B4
#   R-T01-000002 2026-02-20 cn Credit Card 100.00 A-1 B2
# all synced to every terminal.
PCD=$BUILD/paydesk-central
SUP3=639172 C3=2857
tcfg() { echo "$T/$1/config.ini"; }
trun() { _t=$1; shift; PAYDESK_CONFIG=$(tcfg $_t) run "$@"; }
tsync() { for _t in "$@"; do PAYDESK_CONFIG=$(tcfg $_t) PAYDESK_NOW="${SYNC_NOW:-2026-03-10 09:00:00}" "$PD" sync >/dev/null || return 1; done; }
central_setup() {
	mkdir -p "$T/c"
	_port=$((20000 + $$ % 30000))
	cat >"$T/c/central.ini" <<EOI
[terminal]
id = HQ
[central]
listen = 127.0.0.1
port = $_port
data_dir = $T/c/data
threads = 2
EOI
	_cc="env PAYDESK_NOW=2026-01-01 $PCD --config $T/c/central.ini"; CC=$_cc CPORT=$_port
	$_cc org add ORG1 "Org One" --currency USD >/dev/null || return 1
	cat >"$T/c/users.csv" <<'EOI'
username,full_name,role,pin,branch,team
admin,Alex Admin,admin,482615,,
sup1,Sue North,supervisor,583920,B01,North
sup3,Sid Third,supervisor,639172,B02,
cn,Cara North,cashier,4872,B01,North
cs,Carl South,cashier,3916,B01,South
c3,Cy Three,cashier,2857,B02,
EOI
	base_store_files
	$_cc import ORG1 users "$T/c/users.csv" >/dev/null &&
	$_cc import ORG1 consumers "$T/consumers.csv" >/dev/null &&
	$_cc import ORG1 bills "$T/bills.csv" >/dev/null || return 1
	"$PCD" --config "$T/c/central.ini" serve >"$T/c/serve.log" 2>&1 &
	CENTRAL_PID=$!
	_i=0
	until grep -q listening "$T/c/serve.log"; do
		_i=$((_i + 1)); [ $_i -gt 100 ] && { cat "$T/c/serve.log"; return 1; }; sleep 0.1
	done
	for _tb in T01:B01 T02:B01 T03:B02; do
		_t=${_tb%:*} _b=${_tb#*:}
		mkdir -p "$T/$_t"
		_tok=$($_cc terminal add ORG1 $_b $_t | sed -n 's/^token: //p')
		cat >"$(tcfg $_t)" <<EOI
[store]
path = $T/$_t/store.db
[terminal]
id = $_t
branch = $_b
[shifts]
required = no
[receipts]
dir = $T/$_t/rc
[exports]
dir = $T/$_t/exp
[sync]
url = http://127.0.0.1:$_port
token = $_tok
[visibility]
team = yes
EOI
		PAYDESK_CONFIG=$(tcfg $_t) PAYDESK_NOW="2026-01-05 09:00:00" "$PD" init >/dev/null || return 1
		tsync $_t || return 1
	done
	trun T01 cn $CN "2026-01-10 10:00:00" pay A-1 --type bill --items B1 --method Cash --amount 100 --tendered 100 >/dev/null &&
	trun T02 cs $CS "2026-02-18 10:00:00" pay A-2 --type bill --items B3 --method Cash --amount 200 --tendered 200 >/dev/null &&
	trun T03 c3 $C3 "2026-02-25 12:00:00" pay A-3 --type bill --items B4 --method "Bank Transfer" --amount 150 --reference TX1 >/dev/null &&
	trun T01 cn $CN "2026-02-20 11:00:00" pay A-1 --type bill --items B2 --method "Credit Card" --amount 100 --reference "AUTH 1" >/dev/null &&
	tsync T01 T02 T03 T01 T02
}
