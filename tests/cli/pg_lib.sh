# pg_lib.sh - a throwaway PostgreSQL cluster for the central node's tests
# on PostgreSQL (issue 22). Sourced after lib.sh (it uses $T): pg_start
# makes a cluster in a temporary directory (initdb, pg_ctl) as an
# unprivileged user when run as root (PostgreSQL refuses root), listening
# on a Unix socket in that directory only (listen_addresses = '', no TCP
# port), fsync off (a test's data need not survive a power cut); pg_stop,
# called on exit, stops it and removes it; pg_down and pg_up stop and
# start it in between (a restart under a serving node). The client side is the PG*
# variables: PGHOST (the socket's directory), PGUSER, PGDATABASE.
#
# The central and sync scripts' PostgreSQL pass (tests/run.sh) shares
# one cluster, started by pg_cluster_start and named by
# $PAYDESK_TEST_PGHOST (its socket's directory): there pg_start makes a
# database of the script's own instead (a few ms, not an initdb), and
# pg_stop drops it. A script that stops or restarts its cluster
# (pg_down) sets PG_OWN=1 to have one of its own.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PGT=
PGDB=
# as_pg CMD...: run CMD as the cluster's owner
as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}
pg_start() {
	[ -x "$PGBIN/initdb" ] || { echo "pg_start: no PostgreSQL (make deps)"; return 1; }
	if [ -n "${PAYDESK_TEST_PGHOST:-}" ] && [ -z "${PG_OWN:-}" ]; then
		export PGHOST="$PAYDESK_TEST_PGHOST" PGUSER=paydesk
		PGDB=pd_$(basename "$T" | tr -c 'a-zA-Z0-9\n' _ | tr A-Z a-z)
		PGDATABASE=postgres psqlv "CREATE DATABASE $PGDB" >/dev/null ||
		    return 1
		export PGDATABASE="$PGDB"
		return 0
	fi
	pg_cluster_start || return 1
	export PGDATABASE=postgres
}
# pg_cluster_start: a cluster of its own in $PGT (initdb, started)
pg_cluster_start() {
	PGT=$(mktemp -d /tmp/pd-pg.XXXXXX)
	[ "$(id -u)" = 0 ] && chown nobody "$PGT"
	as_pg "$PGBIN/initdb" -D "$PGT/data" -A trust -U paydesk -E UTF8 \
	    --locale=C.UTF-8 --no-sync >"$PGT/initdb.log" 2>&1 ||
	    { cat "$PGT/initdb.log"; return 1; }
	pg_up || return 1
	export PGHOST="$PGT" PGUSER=paydesk
}
# pg_up: start the cluster of pg_start (again)
pg_up() {
	as_pg "$PGBIN/pg_ctl" -D "$PGT/data" -l "$PGT/log" -w -s -o \
	    "-k $PGT -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=${PG_MAXCONN:-60}" \
	    start || { cat "$PGT/log"; return 1; }
}
# pg_down: stop it as an operator would (fast: sessions are cut)
pg_down() { as_pg "$PGBIN/pg_ctl" -D "$PGT/data" -s -m fast stop; }
pg_stop() {
	if [ -n "$PGDB" ]; then
		PGDATABASE=postgres psqlv "DROP DATABASE IF EXISTS $PGDB WITH
		    (FORCE)" >/dev/null 2>&1
		PGDB=
	fi
	[ -n "$PGT" ] || return 0
	as_pg "$PGBIN/pg_ctl" -D "$PGT/data" -s -m immediate stop >/dev/null 2>&1
	rm -rf "$PGT"
	PGT=
}
# psqlv SQL: one value (unaligned, no header) from the test database
psqlv() { "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
