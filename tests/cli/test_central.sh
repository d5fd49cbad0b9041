#!/bin/sh
# test_central.sh - the central node's administration and its read
# routes on a backend: organisations, terminals and tokens, migrate,
# /v1/health, /v1/status, /v1/pull, and bad input of each. The backend is
# $PAYDESK_TEST_BACKEND: sqlite (the default) or postgresql (issue 22; a
# throwaway cluster of tests/cli/pg_lib.sh; test_central_pg.sh runs this
# script so). One central node and one cluster serve every case.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
. "$TOP/tests/cli/pg_lib.sh"
BACKEND=${PAYDESK_TEST_BACKEND:-sqlite}
trap 'stop_central; pg_stop; rm -rf "$T"' EXIT
if [ "$BACKEND" = postgresql ]; then
	pg_start || { echo "not ok - a PostgreSQL cluster starts"; exit 1; }
	printf 'backend = postgresql\n' >>"$T/central.ini"
fi
# whether organisation CODE's store is there; how many there are
store_of() {
	if [ "$BACKEND" = postgresql ]; then
		psqlv "SELECT count(*) FROM pg_namespace WHERE nspname = 'org_$1'"
	else
		[ -f "$CDIR/org-$1.db" ] && echo 1 || echo 0
	fi
}
stores() {
	if [ "$BACKEND" = postgresql ]; then
		psqlv "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'org%'"
	else
		ls "$CDIR" | grep -c '^org-'
	fi
}
count_terminals() {
	if [ "$BACKEND" = postgresql ]; then
		psqlv "SELECT count(*) FROM paydesk.terminals"
	else
		sqlite3 "$CDIR/directory.db" "SELECT count(*) FROM terminals"
	fi
}

expect "$BACKEND: org add" 0 "organisation ACME (Acme Water) added." \
    central org add ACME "Acme Water"
same "$BACKEND: its store is made at once" "$(store_of ACME)" 1
expect "$BACKEND: an organisation added twice is refused" 3 \
    'Organisation "ACME" already exists' central org add ACME "Other"
expect "$BACKEND: a code differing by case is another organisation" 0 \
    "organisation acme (Acme lower) added." central org add acme "Acme lower"
same "$BACKEND: with a store of its own" "$(store_of acme)" 1
expect "$BACKEND: a code with a quote is refused" 2 \
    "only letters, digits and '-' are allowed" central org add "AC'ME" "X"
expect "$BACKEND: a code with a semicolon is refused" 2 \
    "only letters, digits and '-' are allowed" central org add 'A;DROP' "X"
same "$BACKEND: and no store is made for either" "$(stores)" 2

expect "$BACKEND: terminal add" 0 "terminal T01 of ACME (branch B01) added." \
    central terminal add ACME B01 T01
TOK1=$(token_of)
run central terminal add ACME B02 T02
TOK2=$(token_of)
expect "$BACKEND: a terminal id differing only by case is refused" 3 \
    "differs only by case" central terminal add ACME B01 t01
expect "$BACKEND: a terminal added twice is refused" 3 \
    "is already registered in ACME" central terminal add ACME B01 T01
expect "$BACKEND: a terminal of no organisation is refused" 4 \
    'No organisation "NOPE"' central terminal add NOPE B01 T09
same "$BACKEND: the refusals added no terminal" "$(count_terminals)" 2
expect "$BACKEND: terminal list" 0 "ACME" central terminal list
if grep -q 'T01 *active' "$OUT" && grep -q 'T02 *active' "$OUT"; then
	ok "$BACKEND: both terminals listed active"
else
	notok "$BACKEND: both terminals listed active"
fi
expect "$BACKEND: an organisation without terminals lists none" 0 "" \
    central terminal list acme
if grep -q 'T0' "$OUT"; then notok "$BACKEND: none of ACME's listed"; else
	ok "$BACKEND: none of ACME's listed"; fi

# the routes of a serving node
start_central
get() { curl -s -o "$OUT" -w '%{http_code}' ${2:+-H "Authorization: Bearer $2"} "$URL$1"; }
same "$BACKEND: GET /v1/health" "$(get /v1/health)" 200
has "$BACKEND: the health says ok" '"status":"ok"'
same "$BACKEND: GET /v1/status" "$(get /v1/status "$TOK1")" 200
has "$BACKEND: the status names the organisation" '"org":"ACME"'
has "$BACKEND: and its terminal T02" '"terminal":"T02"'
same "$BACKEND: an unknown token is refused" "$(get /v1/status nope)" 401
same "$BACKEND: GET /v1/pull" "$(get '/v1/pull?since=0' "$TOK1")" 200
has "$BACKEND: an organisation's empty feed" '"entries":[]'
same "$BACKEND: a pull with a bad cursor is refused" \
    "$(get '/v1/pull?since=x' "$TOK1")" 400
has "$BACKEND: saying what was wrong" 'Query \"since\"'
stop_central

expect "$BACKEND: terminal revoke" 0 "terminal T01 of ACME revoked" \
    central terminal revoke ACME T01
expect "$BACKEND: a terminal revoked twice is not found" 4 \
    "No active terminal T01 in ACME" central terminal revoke ACME T01
expect "$BACKEND: migrate" 0 "organisation ACME: schema version" \
    central migrate
has "$BACKEND: migrate names every organisation" "organisation acme:"
v1=$(cat "$OUT")
run central migrate
same "$BACKEND: a second migrate changes nothing" "$(cat "$OUT")" "$v1"
expect "$BACKEND: migrate takes no arguments" 2 \
    "Migrate takes no arguments" central migrate ACME

if [ "$BACKEND" = postgresql ]; then
	# each organisation's rows in its own schema, the directory's in
	# paydesk: nothing of one organisation in another's or in public
	same "postgresql: the directory is in the schema paydesk" \
	    "$(psqlv "SELECT string_agg(table_name, ',' ORDER BY table_name)
	        FROM information_schema.tables WHERE table_schema = 'paydesk'
	        AND table_name IN ('orgs', 'terminals', 'gateways')")" \
	    "gateways,orgs,terminals"
	same "postgresql: no table in public" \
	    "$(psqlv "SELECT count(*) FROM information_schema.tables WHERE
	        table_schema = 'public'")" 0
	same "postgresql: each organisation's feed is its own" \
	    "$(psqlv "SELECT count(*) FROM information_schema.tables WHERE
	        table_name = 'feed' AND table_schema IN ('org_ACME',
	        'org_acme')")" 2
	# several nodes: a change committed late is never passed by a pull.
	# Writer A takes feed number 1 and holds its transaction open;
	# writer B, starting after it, waits for A's lock on the feed's
	# head instead of taking number 2 and committing first; a pull
	# meanwhile sees neither. A plain sequence would let B commit 2,
	# the pull's cursor pass it, and A's 1 appear behind the cursor.
	start_central
	mkfifo "$T/a.in"
	"$PGBIN/psql" -X -q -At <"$T/a.in" >"$T/a.out" 2>&1 &
	APID=$!
	exec 7>"$T/a.in"
	echo "BEGIN; INSERT INTO \"org_ACME\".settings (key, value, updated_at)
	    VALUES ('organisation.name', 'Late', '2026-01-01 00:00:00');
	    SELECT 'held';" >&7
	i=0
	while ! grep -q held "$T/a.out" 2>/dev/null && [ $i -lt 200 ]; do
		sleep 0.05; i=$((i + 1))
	done
	psqlv "INSERT INTO \"org_ACME\".settings (key, value, updated_at)
	    VALUES ('organisation.address', 'Early', '2026-01-01 00:00:00')" \
	    >"$T/b.out" 2>&1 &
	BPID=$!
	i=0
	while [ "$(psqlv "SELECT count(*) FROM pg_locks WHERE NOT granted")" = 0 ] &&
	    [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	same "postgresql: the second writer waits for the first" \
	    "$(psqlv "SELECT count(*) > 0 FROM pg_locks WHERE NOT granted")" t
	get '/v1/pull?since=0' "$TOK2" >/dev/null
	c1=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["cursor"], len(d["entries"]))' "$OUT")
	same "postgresql: a pull meanwhile passes nothing" "$c1" "0 0"
	echo "COMMIT;" >&7
	exec 7>&-
	wait $APID $BPID
	get "/v1/pull?since=${c1% *}" "$TOK2" >/dev/null
	c2=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["cursor"], len(d["entries"]))' "$OUT")
	same "postgresql: the next pull gets both, the late one too" "$c2" "2 2"
	# a real terminal pulls them: the organisation's settings it masters
	terminal 2 "$TOK2"
	expect "postgresql: a terminal syncs with it" 0 "Pulled      2" pdt 2 sync
	same "postgresql: and takes the organisation's name from it" \
	    "$(tsql 2 "SELECT value FROM settings WHERE key = 'organisation.name'")" \
	    Late
	# a payment pushed there is refused for now (BACKENDS) as a
	# failure of the central node: the terminal keeps it to send again
	printf '[security]\npin_min_supervisor = 4\npin_min_admin = 4\nweak_pins = allow\n' \
	    >>"$T/t2.ini"
	"$PD" --config "$T/t2.ini" import users "$DATA/users.csv" >/dev/null
	for k in consumers bills; do
		PAYDESK_PIN=9999 pdt 2 --user admin import $k "$DATA/$k.csv" >/dev/null
	done
	PAYDESK_PIN=1234 pdt 2 --user jane pay WU-10002 --type bill \
	    --method Cash --amount 10 >/dev/null
	expect "postgresql: a push is refused as the central node's failure" 10 \
	    "could not apply it now" pdt 2 sync
	same "postgresql: and the payment stays queued at the terminal" \
	    "$(tsql 2 "SELECT count(*) FROM outbox WHERE kind = 'payment' AND
	        sent_at IS NULL")" 1
	stop_central
	# not on PostgreSQL yet (paydesk-central(8), BACKENDS): refused as
	# a store error, nothing written
	expect "postgresql: an import is refused as a store error" 6 \
	    "postgresql:org_ACME" central import ACME consumers "$DATA/consumers.csv"
	same "postgresql: and nothing of it is kept" \
	    "$(psqlv "SELECT count(*) FROM information_schema.tables WHERE
	        table_schema = 'org_ACME' AND table_name = 'consumers'")" 0
	# a database that cannot be reached: what and where, nothing made
	printf 'database = host=%s/none dbname=postgres\n' "$PGT" >>"$T/central.ini"
	expect "postgresql: an unreachable database is named" 6 \
	    "Cannot connect to PostgreSQL ([central] database)" \
	    central terminal list
else
	{ cat "$T/central.ini"; echo "backend = mysql"; } >"$T/bad.ini"
	expect "sqlite: an unknown backend is refused" 3 "backend" \
	    "$TOP/$BUILD/paydesk-central" --config "$T/bad.ini" terminal list
fi
