# sync_lib.sh - a real paydesk-central on a free loopback port and
# terminals that sync with it, for the sync tests. Sourced after lib.sh.
# Its backend is $PAYDESK_TEST_BACKEND: sqlite (the default) or
# postgresql (issue 22: every central and sync script runs on both in
# make check, tests/run.sh), on a database of pg_lib.sh's; csql and
# dsql then read the organisation's and the directory's schemas, the
# same SQL (the few SQLite functions the scripts use are made there:
# pg_compat).
. "$TOP/tests/cli/pg_lib.sh"
BACKEND=${PAYDESK_TEST_BACKEND:-sqlite}
CENTRAL="$TOP/$BUILD/paydesk-central"
POSTER="$TOP/$BUILD/tools/poster"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
CDIR="$T/central"
CDB="$CDIR/org-ACME.db"
CPID=
cat >"$T/central.ini" <<CFG
[terminal]
id = HQ
[security]
; the fixture users' PINs are below the PIN policy (see lib.sh)
pin_min_supervisor = 4
pin_min_admin = 4
weak_pins = allow
pin_hash_cost = 1
; [central] stays last: tests append keys of their own to it
[central]
listen = 127.0.0.1
port = $PORT
data_dir = $CDIR
log = $T/central.log
CFG
# pg_compat: SQLite's functions the scripts' SQL calls, for them only (in
# the database's public schema, on csql's search path)
pg_compat() {
	psqlv "CREATE FUNCTION public.gc_add(a text, b anyelement, s text)
	    RETURNS text LANGUAGE sql IMMUTABLE AS \$\$ SELECT CASE WHEN b
	    IS NULL THEN a WHEN a IS NULL THEN b::text ELSE a || s ||
	    b::text END \$\$;
	CREATE FUNCTION public.gc_add(a text, b anyelement) RETURNS text
	    LANGUAGE sql IMMUTABLE AS 'SELECT public.gc_add(a, b, '','')';
	CREATE AGGREGATE public.group_concat(anyelement) (sfunc =
	    public.gc_add, stype = text);
	CREATE AGGREGATE public.group_concat(anyelement, text) (sfunc =
	    public.gc_add, stype = text);
	CREATE FUNCTION public.datetime(t text, m text) RETURNS text LANGUAGE
	    sql STABLE AS \$\$ SELECT to_char(CASE WHEN m = 'localtime' THEN
	    CASE WHEN t = 'now' THEN localtimestamp ELSE t::timestamp END ELSE
	    CASE WHEN t = 'now' THEN now() AT TIME ZONE 'UTC' ELSE
	    t::timestamp END + m::interval END, 'YYYY-MM-DD HH24:MI:SS')
	    \$\$;
	CREATE FUNCTION public.json_extract(t text, p text) RETURNS text
	    LANGUAGE sql IMMUTABLE AS \$\$ SELECT CASE WHEN p ~ '^[$][[]'
	    THEN t::json ->> substring(p FROM 3 FOR length(p) - 3)::int ELSE
	    t::json ->> trim(BOTH '\"' FROM substring(p FROM 3)) END \$\$;" \
	    >/dev/null
}
# a terminal's wait for an answer: on PostgreSQL a push of hundreds of
# payments takes many times SQLite's today (1,000 payments to a new store:
# 8.4 s against 0.55 s, left to issue 22's bench), past 10 s when make
# check's lanes load the machine
TTIMEOUT=10
if [ "$BACKEND" = postgresql ]; then
	TTIMEOUT=60
	pg_start || { echo "not ok - a PostgreSQL cluster starts"; exit 1; }
	pg_compat
	printf 'backend = postgresql\n' >>"$T/central.ini"
fi

central() { "$CENTRAL" --config "$T/central.ini" "$@"; }

# start_central [HOOKS]: serve in the background, wait for /v1/health
start_central() {
	PAYDESK_CENTRAL_HOOK=${1:-} "$CENTRAL" --config "$T/central.ini" \
	    2>>"$T/central.err" &
	CPID=$!
	i=0
	while ! curl -sf ${CACERT:+--cacert "$CACERT"} "$URL/v1/health" \
	    >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -gt 100 ] && { echo "central did not start"; return 1; }
		sleep 0.05
	done
}
stop_central() {
	[ -n "$CPID" ] && kill "$CPID" 2>/dev/null && wait "$CPID" 2>/dev/null
	CPID=
	sanitized
}
# sanitized: what ASan, LSan or UBSan said of the central node so far
# (make check SANITIZE=1) is a failure, shown once; its own stderr is
# read nowhere else
sanitized() {
	[ -s "$T/central.err" ] || return 0
	grep -qE 'Sanitizer|runtime error' "$T/central.err" || return 0
	echo "not ok - the central node under a sanitizer"
	grep -E -A12 'Sanitizer|runtime error' "$T/central.err" | head -40 |
	    sed 's/^/  | /'
	mv "$T/central.err" "$T/central.err.seen"
}
kill9_central() {
	[ -n "$CPID" ] && kill -9 "$CPID" 2>/dev/null && wait "$CPID" 2>/dev/null
	CPID=
}
trap 'stop_central; pg_stop; rm -rf "$T"' EXIT

# terminal N TOKEN [KEY=VALUE...]: the config of terminal T0N in $T/tN.ini
terminal() {
	n=$1 tok=$2
	shift 2
	{
		echo "[store]"
		echo "path = $T/t$n.db"
		echo "[terminal]"
		echo "id = T0$n"
		echo "branch = B0$n"
		echo "[receipts]"
		echo "dir = $T/r$n"
		echo "[shifts]"
		echo "required = no"
		echo "[sync]"
		echo "url = $URL"
		echo "token = $tok"
		echo "retries = 0"
		# the connection with its TLS handshake: a sanitized central node on
		# a loaded machine took more than 2 s to answer a handshake
		echo "connect_timeout = 30"
		echo "timeout = $TTIMEOUT"
		for kv in "$@"; do echo "${kv%%=*} = ${kv#*=}"; done
	} >"$T/t$n.ini"
	[ -f "$T/t$n.db" ] || "$PD" --config "$T/t$n.ini" init >/dev/null
}
pdt() { n=$1; shift; "$PD" --config "$T/t$n.ini" "$@"; }
# plain_money CENTS: an amount as the central node's refusals write it
# (two minor digits, no symbol nor separators: 1234.50)
plain_money() { python3 -c 'import sys; v = int(sys.argv[1]); print("%s%d.%02d" % ("-" if v < 0 else "", abs(v) // 100, abs(v) % 100))' "$1"; }
# pdtc N ARGS...: pdt signed in as the cashier jane (consumers' data
# needs a sign-in in text too, issue 17)
pdtc() { n=$1; shift; PAYDESK_PIN=1234 "$PD" --config "$T/t$n.ini" --user jane "$@"; }
# csql SQL: on organisation ACME's store (either backend)
csql() { csql_of ACME "$1"; }
# csql_of ORG SQL: on organisation ORG's store
csql_of() {
	if [ "$BACKEND" = postgresql ]; then
		# (on standard input: every statement's rows, as sqlite3)
		printf 'SET search_path TO "org_%s", public, paydesk;\n%s\n' \
		    "$1" "$2" | "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1
	else
		sqlite3 "$CDIR/org-$1.db" "$2"
	fi
}
# dsql SQL: on the central node's directory (organisations, terminals)
dsql() {
	if [ "$BACKEND" = postgresql ]; then
		psqlv "SET search_path TO public, paydesk; $1"
	else
		sqlite3 "$CDIR/directory.db" "$1"
	fi
}
tsql() { sqlite3 "$T/t$1.db" "$2"; }
# alert_hist N CAUSE: alert CAUSE at terminal N (read by rec, the
# recovery officer): its status, then its history after the raise,
# "HH:MM user action: text" each
alert_hist() { rec "$1" --json alerts show "$(tsql "$1" "SELECT id FROM alerts WHERE cause = '$2'")" | python3 -c 'import json,sys
a=json.load(sys.stdin); print(a["status"].capitalize(), " / ".join(h["at"][11:16] + " " + h["user"] + " " + h["action"] + (": " + h["text"] if h["text"] else "") for h in a["history"][1:]))'; }
# the demo's cashier jane, supervisor mary and admin at terminal N
C() { n=$1; shift; PAYDESK_PIN=1234 pdt $n --user jane "$@"; }
S() { n=$1; shift; PAYDESK_PIN=2222 pdt $n --user mary "$@"; }
A() { n=$1; shift; PAYDESK_PIN=9999 pdt $n --user admin "$@"; }
# must WHAT CMD...: a step of a scenario, which must succeed
must() {
	w=$1
	shift
	"$@" >"$OUT" 2>&1 || { echo "not ok - $w"; sed 's/^/  | /' "$OUT" | head -5; }
}
# the receipt of terminal N's last payment
lastpay() { tsql $1 "SELECT receipt_no FROM payments WHERE terminal = 'T0$1' ORDER BY id DESC LIMIT 1"; }
# treseal N SQL: terminal N's store changed in SQL as its own code would
# have, seals claimed by an audit entry (tests/cli/reseal.py): a record
# the terminal recorded itself, not one forged around it, which the push
# refuses (issue 18, section 7)
treseal() { python3 "$TOP/tests/cli/reseal.py" "$T/t$1.db" "$2"; }
token_of() { sed -n 's/^token: //p' "$OUT"; }

# relax ORG: organisation ORG takes cash with no shift open ([shifts]
# required = no), as the terminals' files below say: a terminal that has
# synced takes the organisation's keys from its central node, never from
# its file (review R20b 3), so the organisation's is set there
relax() {
	printf 'key,value\nshifts.required,no\n' >"$T/relax.csv"
	central import "$1" settings "$T/relax.csv" --update >/dev/null
}

# An organisation with the demo reference data and terminals T01, T02.
setup_org() {
	central org add ACME "Acme Water" >/dev/null
	relax ACME || return 1
	for k in users consumers bills services installments; do
		central import ACME $k "$DATA/$k.csv" >/dev/null || return 1
	done
	run central terminal add ACME B01 T01
	TOK1=$(token_of)
	run central terminal add ACME B02 T02
	TOK2=$(token_of)
	terminal 1 "$TOK1"
	terminal 2 "$TOK2"
}

# ledger_ok NAME: the central node holds every payment the terminals took
# exactly once: per consumer its total equals the sum of what each
# terminal recorded, and no uuid or document number appears twice.
ledger_ok() {
	want=$(for n in 1 2; do
		[ -f "$T/t$n.db" ] && tsql $n "SELECT c.account_no, p.amount FROM
		    payments p JOIN consumers c ON c.id = p.consumer_id WHERE
		    p.terminal = 'T0$n'"
	done | awk -F'|' '{s[$1] += $2} END {for (a in s) print a "|" s[a]}' |
	    sort)
	got=$(csql "SELECT c.account_no, sum(p.amount) FROM payments p JOIN
	    consumers c ON c.id = p.consumer_id GROUP BY 1" | sort)
	dups=$(csql "SELECT (SELECT count(*) - count(DISTINCT uuid) FROM
	    payments) + (SELECT count(*) - count(DISTINCT receipt_no) FROM
	    payments) + (SELECT count(*) - count(DISTINCT payment_no) FROM
	    payments) + (SELECT count(*) - count(DISTINCT cn_no) FROM
	    credit_notes) + (SELECT count(*) - count(DISTINCT uuid) FROM
	    credit_notes)")
	if [ "$want" = "$got" ] && [ "$dups" = 0 ]; then
		ok "$1"
	else
		echo "not ok - $1"
		echo "  terminals: $(echo $want)"
		echo "  central:   $(echo $got)"
		echo "  duplicates: $dups"
	fi
}
