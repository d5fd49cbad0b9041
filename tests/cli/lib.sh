# lib.sh - helpers for the black-box tests: a temp store and config, the
# real binary, checks that print "ok - ..." or "not ok - ...".
set -u
TOP=${TOP:-$(pwd)}
BUILD=${BUILD:-build}
PD="$TOP/$BUILD/paydesk"
DATA="$TOP/data/import"
T=$(mktemp -d /tmp/pd-cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" XDG_DATA_HOME="$T/data"
export PAYDESK_CONFIG="$T/config.ini"
mkdir -p "$HOME"
DB="$T/store.db"
cat >"$PAYDESK_CONFIG" <<CFG
[store]
path = $DB
[terminal]
id = T01
branch = B01
[shifts]
; cash without an open shift: the shift tests (test_shift.sh) set yes.
; Before [receipts], which tests append their keys to.
required = no
[security]
; the fixture users' PINs (9999, 2222, 1234) are below the PIN policy;
; test_signin.sh checks the policy with a config of its own
pin_min_supervisor = 4
pin_min_admin = 4
weak_pins = allow
; a sign-in's hash at the least work: thousands of sign-ins in make check
pin_hash_cost = 1
[receipts]
dir = $T/receipts
CFG

OUT="$T/out"

# as_admin FILE CMD...: CMD run while the store's administrator's file
# ($PAYDESK_CONFIG, which made the store) holds FILE's keys, then put
# back: a standalone store takes the organisation's keys from that file
# alone, never from the one a command names (review R20b 3)
as_admin() {
	_f=$1
	shift
	cp "$PAYDESK_CONFIG" "$T/.admin.ini.bak"
	cp "$_f" "$PAYDESK_CONFIG"
	"$@"
	_rc=$?
	cp "$T/.admin.ini.bak" "$PAYDESK_CONFIG"
	return $_rc
}

# store_currency CODE DIGITS [STORE]: the store ($DB) takes its amounts
# for minor units of CODE with DIGITS decimals. A store opened in another
# currency than its amounts' is refused (h3 fault 1): the tests of
# formats and statements that read one store's amounts in several
# currencies on purpose say so with this, at each change
store_currency() {
	sqlite3 "${3:-$DB}" "INSERT INTO meta (key, value) VALUES
	 ('store_currency', '$1 $2') ON CONFLICT (key) DO UPDATE SET value =
	 excluded.value"
}

# run CMD...: run a command, output in $OUT, exit status in $RC
run() {
	"$@" >"$OUT" 2>&1
	RC=$?
}

ok() { echo "ok - $1"; }
notok() {
	echo "not ok - $1"
	shift
	[ $# -gt 0 ] && echo "  $*"
	sed 's/^/  | /' "$OUT" | head -20
}

# expect NAME STATUS NEEDLE CMD...: exit status and a text in the output
expect() {
	name=$1 want=$2 needle=$3
	shift 3
	run "$@"
	if [ "$RC" -ne "$want" ]; then
		notok "$name" "exit status $RC, wanted $want"
	elif [ -n "$needle" ] && ! grep -qF -- "$needle" "$OUT"; then
		notok "$name" "output lacks: $needle"
	else
		ok "$name"
	fi
}

# has NAME NEEDLE: the last output contains NEEDLE
has() {
	if grep -qF -- "$2" "$OUT"; then ok "$1"; else notok "$1" "output lacks: $2"; fi
}

# sup ARGS...: paydesk signed in as the supervisor mary (exports and
# reports of consumers' data need one)
sup() { PAYDESK_PIN=2222 "$PD" --user mary "$@"; }
# cashier ARGS...: paydesk signed in as the cashier jane (consumers'
# names, phones and addresses need a sign-in in text too, issue 17)
cashier() { PAYDESK_PIN=1234 "$PD" --user jane "$@"; }

# sql QUERY: one value from the store
sql() { sqlite3 "$DB" "$1"; }

# same NAME GOT WANT
same() {
	if [ "$2" = "$3" ]; then ok "$1"; else echo "not ok - $1"; echo "  got [$2] wanted [$3]"; fi
}

# fingerprint of the whole store, to show a failure changed nothing
# store_hash FILE: a hash of a store's content and schema (every table's
# rows, sqlite3's .sha3sum: half the time of hashing its .dump)
store_hash() { sqlite3 "$1" ".sha3sum --schema"; }
snapshot() { store_hash "$DB"; }

# setup_store: a store with the fixtures and the users
setup_store() {
	"$PD" init >/dev/null || exit 1
	"$PD" import users "$DATA/users.csv" >/dev/null || exit 1
	for k in consumers bills services installments; do
		PAYDESK_PIN=9999 "$PD" --user admin import $k "$DATA/$k.csv" \
		    >/dev/null || exit 1
	done
}

# setup_search_store: setup_store and the consumers of
# tests/cli/search_consumers.csv (short names, one outside ASCII in each of
# Polish, French and Japanese, a phone with a calling code) that the search
# tests of the command line and of the screens look for
setup_search_store() {
	setup_store
	PAYDESK_PIN=9999 "$PD" --user admin import consumers \
	    "$TOP/tests/cli/search_consumers.csv" >/dev/null || exit 1
}

# refused NAME STATUS NEEDLE CMD...: fails as expected and the store is
# byte for byte the same afterwards
refused() {
	before=$(snapshot)
	expect "$@"
	after=$(snapshot)
	if [ "$before" = "$after" ]; then ok "$1: store unchanged"
	else echo "not ok - $1: store changed"; fi
}

# big_bills_csv: $T/big-c.csv (consumer WU-90001, Big Spender) and
# $T/big.csv (its four bills of 10 to 13 digits in a currency of three
# decimals), the store of amounts that must never be cut (issue 25)
big_bills_csv() {
	printf 'account_no,name,service_address,phone,email,segment\nWU-90001,Big Spender,1 High Street,,,Business\n' \
	    >"$T/big-c.csv"
	cat >"$T/big.csv" <<'CSV'
invoice_no,account_no,period,amount,issued_on,due_on
INV-B1,WU-90001,Dec 2024,9999999999.999,2024-12-01,2025-01-05
INV-B2,WU-90001,Feb 2025,1234567.5,2025-02-01,2025-02-14
INV-B3,WU-90001,Apr 2025,8888888888.888,2025-04-01,2025-04-30
INV-B4,WU-90001,Apr 2025,12345.678,2025-04-01,2025-04-10
CSV
}

# grow_ledger N: every payment copied N times under new ids and numbers,
# straight in SQL, so that a long export takes a while to interrupt
grow_ledger() {
	# a load: the pages in memory, not spilled to temp files and
	# journals a page at a time (sqlite3's 2 MiB cache)
	sqlite3 "$DB" "PRAGMA cache_size=-131072; PRAGMA temp_store=MEMORY;
	 PRAGMA synchronous=OFF; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
	 FROM n WHERE i < $1) INSERT INTO payments (uuid, payment_no, txn_no,
	 receipt_no, consumer_id, type, channel, method, method_kind, amount,
	 tendered, change_given, due_total, overpaid, paid_on, created_at, notes,
	 user_id, received_by, terminal, branch, status, verified, verified_at,
	 verified_by, balance_after) SELECT uuid || '-' || i,
	 payment_no || '-' || i, txn_no || '-' || i, receipt_no || '-' || i,
	 consumer_id, type, channel, method, method_kind, amount, tendered,
	 change_given, due_total, overpaid, paid_on, created_at, notes, user_id,
	 received_by, terminal, branch, status, verified, verified_at,
	 verified_by, balance_after FROM payments, n"
}
