# bench_pg.sh - sourced by bench_sync.sh after bench_central.sh: the
# PostgreSQL side of the sync figures (issue 22). A cluster of its own in
# a temporary directory (initdb and pg_ctl as an unprivileged user when
# run as root, a Unix socket only), started with the settings of
# $PG_SETTINGS (printed with the figures), durable as the SQLite side is
# (fsync and synchronous_commit on). The organisation is the SQLite
# bench's, moved into the database with `paydesk-central move` (the same
# consumers, bills and feed, so the terminals' cached stores push and pull
# at either), its terminals added at a backend = postgresql node; the
# stopped cluster is cached beside the SQLite organisation and copied for
# each figure. Needs $CENTRAL, $ORG, $DIR, $C, $ORG_LAYOUT.
. tests/cli/pg_lib.sh
# what the figures ran with, one name=value a line: a server of 2 cores
# and a few GB shared with other work; durability as on SQLite's side
PG_SETTINGS="fsync=on
synchronous_commit=on
shared_buffers=512MB
wal_buffers=16MB
max_wal_size=4GB
checkpoint_timeout=30min
wal_level=minimal
max_wal_senders=0
work_mem=16MB
maintenance_work_mem=256MB
max_connections=100"
# BENCH_PG_STATEMENTS=FILE: where the time of each figure went on the
# server, its statements by total time (pg_stat_statements, nested ones
# of triggers and functions too, planning apart), appended to FILE (a
# measurement run, not the figures: tracking costs a little)
if [ -n "${BENCH_PG_STATEMENTS:-}" ]; then
	PG_SETTINGS="$PG_SETTINGS
shared_preload_libraries=pg_stat_statements
pg_stat_statements.track=all
pg_stat_statements.track_planning=on"
fi
# BENCH_PG_EXPLAIN=FILE: the plans of the statements that took 5 ms or
# more (auto_explain, nested ones too), the server's log appended to FILE
# at each stop (a measurement run, as BENCH_PG_STATEMENTS)
if [ -n "${BENCH_PG_EXPLAIN:-}" ]; then
	PG_SETTINGS="$PG_SETTINGS
session_preload_libraries=auto_explain
auto_explain.log_min_duration=5ms
auto_explain.log_nested_statements=on"
fi
PGORG="$DIR/sync-pg-$C-l$ORG_LAYOUT"
PGR=
PGPID_STARTED=
# bench_pg_up DATA: a cluster on the data directory DATA (its socket in
# $PGR), the PG* variables set for the nodes and psql
bench_pg_up() {
	opts="-k $PGR -c listen_addresses="
	for kv in $PG_SETTINGS; do opts="$opts -c $kv"; done
	as_pg "$PGBIN/pg_ctl" -D "$1" -l "$PGR/log" -w -s -t 600 -o "$opts" start ||
	    { cat "$PGR/log"; exit 1; }
	PGPID_STARTED=$1
	export PGHOST="$PGR" PGUSER=paydesk PGDATABASE=postgres
}
bench_pg_down() {
	[ -n "$PGPID_STARTED" ] || return 0
	[ -n "${BENCH_PG_STATEMENTS:-}" ] && [ -n "${PGSS_ON:-}" ] && {
		echo "-- $PGSS_ON: calls | exec ms | plan ms | statement"
		psqlq -F' | ' -c "SELECT calls, round(total_exec_time::numeric,
		    1), round(total_plan_time::numeric, 1), left(regexp_replace(
		    query, '\s+', ' ', 'g'), 160) FROM pg_stat_statements ORDER
		    BY total_exec_time + total_plan_time DESC LIMIT 40"
	} >>"$BENCH_PG_STATEMENTS"
	PGSS_ON=
	as_pg "$PGBIN/pg_ctl" -D "$PGPID_STARTED" -s -m fast -t 600 stop
	[ -z "${BENCH_PG_EXPLAIN:-}" ] || { cat "$PGR/log" >>"$BENCH_PG_EXPLAIN" && : >"$PGR/log"; }
	PGPID_STARTED=
}
# bench_pg_clean: the cluster stopped and its directory removed (on exit)
bench_pg_clean() {
	[ -n "$PGR" ] || return 0
	[ -n "$PGPID_STARTED" ] && as_pg "$PGBIN/pg_ctl" -D "$PGPID_STARTED" \
	    -s -m immediate stop >/dev/null 2>&1
	rm -rf "$PGR"
	PGR=
}
bench_pg_init() {
	[ -x "$PGBIN/initdb" ] || { echo "bench: no PostgreSQL (make deps)" >&2; exit 1; }
	PGR=$(mktemp -d /tmp/pd-bench-pg.XXXXXX)
	[ "$(id -u)" = 0 ] && chown nobody "$PGR"
	:
}
psqlq() { "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
# pg_node_ini DIR PORT: DIR.ini for a backend = postgresql node on PORT
pg_node_ini() {
	central_ini "$1" threads=8 backend=postgresql
	sed -i "s|^port = .*|port = $2|" "$1.ini"
}
# start_node DIR PORT: serve DIR.ini until its health check answers ($NPID)
start_node() {
	"$CENTRAL" --config "$1.ini" serve 2>>"$1.err" &
	NPID=$!
	i=0
	while ! curl -sf "http://127.0.0.1:$2/v1/health" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -gt 400 ] && { echo "bench: central did not start" >&2; exit 1; }
		sleep 0.05
	done
}

bench_pg_init
if [ ! -f "$PGORG/done" ]; then
	rm -rf "$PGORG"
	mkdir -p "$PGORG"
	echo "moving the sync bench's organisation into PostgreSQL: $PGORG"
	as_pg "$PGBIN/initdb" -D "$PGR/data" -A trust -U paydesk -E UTF8 \
	    --locale=C.UTF-8 >"$PGR/initdb.log" 2>&1 ||
	    { cat "$PGR/initdb.log"; exit 1; }
	bench_pg_up "$PGR/data"
	mkdir -p "$PGR/node"
	pg_node_ini "$PGR/node" "$PORT"
	"$CENTRAL" --config "$PGR/node.ini" org add BENCH "Bench Water" >/dev/null
	for t in 1 2 3 4 5 6 7 8; do
		"$CENTRAL" --config "$PGR/node.ini" terminal add BENCH B0$t T0$t |
		    sed -n 's/^token: //p' >"$PGORG/token$t"
	done
	cp -r "$ORG/central" "$PGR/sq"
	central_ini "$PGR/sq"
	"$CENTRAL" --config "$PGR/sq.ini" move BENCH --to postgresql >"$PGR/move.out" ||
	    { cat "$PGR/move.out"; exit 1; }
	rm -rf "$PGR/sq" "$PGR/node"
	# the statistics of the tables the move filled, as autovacuum would
	# take them (the empty ones keep none: a plan on "no rows" is not
	# one a store that grows would get)
	psqlq -c 'ANALYZE "org_BENCH".consumers, "org_BENCH".items, "org_BENCH".feed'
	bench_pg_down
	cp -a "$PGR/data" "$PGORG/data"
	rm -rf "$PGR/data"
	touch "$PGORG/done"
fi
# the cached cluster brought up to the current schema once, outside the
# timings, as bench_sync.sh does the SQLite organisation (a migration of
# the first push's would be timed with it: sealing every item, seconds).
# Started from a copy in $PGR, as every figure's is: run as root, the
# server is nobody's, who cannot reach a cluster under $DIR when the home
# directory is closed to others (/root is 0700)
rm -rf "$PGR/data"
cp -a "$PGORG/data" "$PGR/data"
bench_pg_up "$PGR/data"
mkdir -p "$PGR/node"
pg_node_ini "$PGR/node" "$PORT"
"$CENTRAL" --config "$PGR/node.ini" migrate >/dev/null
bench_pg_down
rm -rf "$PGR/node" "$PGR/node.ini" "$PGORG/data"
mv "$PGR/data" "$PGORG/data"
# fresh_pg: a fresh copy of the cached cluster, started
fresh_pg() {
	bench_pg_down
	rm -rf "$PGR/data"
	cp -a "$PGORG/data" "$PGR/data"
	sync
	bench_pg_up "$PGR/data"
	if [ -n "${BENCH_PG_STATEMENTS:-}" ]; then
		psqlq -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' \
		    -c 'SELECT pg_stat_statements_reset()' >/dev/null
		# the figure's run, then its raw side's (push)
		PGSS_ON="$BACKEND $fig"
	fi
}
