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
	trap 'tmux -L "$R23_SOCK" kill-session -t t 2>/dev/null; rm -rf "$R23_TMP"' EXIT INT TERM
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
