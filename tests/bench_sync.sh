#!/bin/sh
# bench_sync.sh - the sync figures of `make bench`, with a real
# paydesk-central on a free loopback port and real terminal stores, on
# each backend of $BENCH_SYNC_BACKENDS side by side (issue 22: SQLite
# files, and a PostgreSQL cluster of bench_pg.sh's):
#   pull: a fresh terminal takes an organisation of BENCH_SYNC_CONSUMERS
#         consumers (<= 30 s for 1,000,000);
#   push: one terminal sends a backlog of BENCH_SYNC_PUSH payments
#         (<= 10 s for 100,000, durable on both sides);
#   eight terminals push BENCH_SYNC_EACH payments each at once (p99 per
#         batch <= 200 ms, waiting for the organisation's store included;
#         through two nodes on one database on PostgreSQL).
# The organisation, the pulled terminal and the backlogs are built once
# and cached (like the bench store); each run copies them and measures.
# The sizes are knobs: BENCH_SYNC_CONSUMERS=20000 BENCH_SYNC_PUSH=5000
# BENCH_SYNC_EACH=300 tries it in a minute; BENCH_SYNC_FIGURES ("pull
# each push") and BENCH_SYNC_BACKENDS choose what is measured,
# BENCH_PG_STATEMENTS=FILE writes where PostgreSQL's time went
# (bench_pg.sh) and BENCH_SYNC_KEEP=DIR keeps the eight terminals' request
# logs.
set -e
BUILD=${BUILD:-build}
C=${BENCH_SYNC_CONSUMERS:-1000000}
N=${BENCH_SYNC_PUSH:-100000}
EACH=${BENCH_SYNC_EACH:-2500}
DIR=${BENCH_DIR:-$HOME/.cache/paydesk-bench}
# The organisation (its consumers and bills at the central node, a
# terminal that pulled them, the tokens) takes long to build and is built
# once: a store moves to the current schema when opened, so only a new
# layout of the generated data (ORG_LAYOUT) makes a new one. The
# terminals' payments come from the current code (their uuids, their
# records), so they are posted again whenever that code changes.
ORG_LAYOUT=1
ORG="$DIR/sync-org-$C-l$ORG_LAYOUT"
POSTS_KEY=$(cat src/core/uuid.c src/os/os.c src/sync/record.c src/sync/record_field.c src/service/payment.c \
    tests/tools/poster.c tests/bench_central.sh | sha256sum | cut -c1-8)
POSTS="$DIR/sync-posts-$C-$N-$EACH-$POSTS_KEY"
TOP=$(pwd)
PD="$TOP/$BUILD/paydesk"
CENTRAL="$TOP/$BUILD/paydesk-central"
POSTER="$TOP/$BUILD/tools/poster"
RUN=$(mktemp -d /tmp/pd-bench-sync.XXXXXX)
CPID=
NPID=
BACKENDS=${BENCH_SYNC_BACKENDS:-sqlite postgresql}
FIGURES=${BENCH_SYNC_FIGURES:-pull each push}
trap 'set +e; [ -n "$CPID" ] && kill $CPID 2>/dev/null; [ -n "$NPID" ] && kill $NPID 2>/dev/null
    bench_pg_clean; rm -rf "$RUN"' EXIT
unset PAYDESK_NOW PAYDESK_CONFIG

. tests/bench_central.sh
secs() { python3 -c 'import sys; print(f"{float(sys.argv[1]) - float(sys.argv[2]):.2f}")' "$2" "$1"; }
# cpu_of PID...: the CPU seconds (user + system) the processes took and
# their children's, live or waited for (a PostgreSQL server's backends):
# the machine may be shared, and a figure's wall time then says little
cpu_of() {
	python3 - "$@" <<'PY'
import os, sys
roots, t = set(int(p) for p in sys.argv[1:]), 0
for d in filter(str.isdigit, os.listdir("/proc")):
    try:
        f = open("/proc/%s/stat" % d).read()
    except OSError:
        continue
    v = f[f.rindex(")") + 2:].split()  # state ppid ... utime stime cutime cstime
    if int(d) in roots:
        t += sum(map(int, v[11:15]))
    elif int(v[1]) in roots:
        t += int(v[11]) + int(v[12])
print(t / os.sysconf("SC_CLK_TCK"))
PY
}
# runq_of PID...: the seconds the processes' threads, and their live
# children's, were ready to run but waited for a CPU (schedstat's second
# field): on a shared machine the wall time the CPU figures leave over is
# this, not the disk or the network (issue 22: a 100k push on SQLite,
# 106 s of wall for 31 s of CPU and 84 s in the run queue)
runq_of() {
	python3 - "$@" <<'PY'
import os, sys
roots, t = set(int(p) for p in sys.argv[1:]), 0
for d in filter(str.isdigit, os.listdir("/proc")):
    try:
        f = open("/proc/%s/stat" % d).read()
        if int(d) not in roots and int(f[f.rindex(")") + 2:].split()[1]) not in roots:
            continue
        for k in os.listdir("/proc/%s/task" % d):
            t += int(open("/proc/%s/task/%s/schedstat" % (d, k)).read().split()[1])
    except (OSError, IndexError, ValueError):
        continue
print(t / 1e9)
PY
}
# runq_watch OUT PID: runq_of PID and its children, read every 50 ms
# until PID ends (a process's figure goes with it), the last in OUT
runq_watch() {
	python3 - "$@" <<'PY'
import os, sys, time
out, pid, last = sys.argv[1], sys.argv[2], {}
while os.path.exists("/proc/" + pid):
    for d in filter(str.isdigit, os.listdir("/proc")):
        try:
            f = open("/proc/%s/stat" % d).read()
            if d != pid and f[f.rindex(")") + 2:].split()[1] != pid:
                continue
            for k in os.listdir("/proc/%s/task" % d):
                last[k] = int(open("/proc/%s/task/%s/schedstat" % (d, k)).read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    time.sleep(0.05)
open(out, "w").write("%.2f\n" % (sum(last.values()) / 1e9))
PY
}
# the server's processes (postmaster.pid's first line), none on SQLite
server_pid() {
	[ "$BACKEND" = postgresql ] && head -1 "$PGPID_STARTED/postmaster.pid"
	true
}
# cpu_since NAME BEFORE PID...: the CPU seconds since BEFORE, kept as NAME
cpu_since() {
	n=$1 b=$2
	shift 2
	[ $# -gt 0 ] && keep "$n" "$(secs "$b" "$(cpu_of "$@")")"
	true
}
now() { date +%s.%N; }

if [ ! -f "$ORG/done" ]; then
	rm -rf "$ORG"
	mkdir -p "$ORG/central"
	echo "building the sync bench's organisation ($C consumers): $ORG"
	central_ini "$ORG/central" threads=8
	"$CENTRAL" --config "$ORG/central.ini" org add BENCH "Bench Water" >/dev/null
	"$CENTRAL" --config "$ORG/central.ini" import BENCH users \
	    data/import/users.csv >/dev/null
	awk -v n="$C" 'BEGIN {
		print "account_no,name,service_address,phone,email,segment"
		for (i = 1; i <= n; i++)
			printf "AC-%07d,Consumer %d,\"%d Main Street, Cityville\",(555) %03d-%04d,c%d@example.net,Residential\n",
			    i, i, 1 + i % 900, int(i / 10000) % 1000, i % 10000, i
	}' >"$ORG/consumers.csv"
	"$CENTRAL" --config "$ORG/central.ini" import BENCH consumers \
	    "$ORG/consumers.csv" >/dev/null
	# open bills for the payments: two for each of the first 20,000
	awk 'BEGIN {
		print "invoice_no,account_no,period,amount,issued_on,due_on"
		for (i = 1; i <= 20000; i++)
			for (k = 1; k <= 2; k++)
				printf "B-%07d-%d,AC-%07d,2026-%02d,500.00,2026-%02d-01,2026-%02d-20\n",
				    i, k, i, k, k, k
	}' >"$ORG/bills.csv"
	"$CENTRAL" --config "$ORG/central.ini" import BENCH bills \
	    "$ORG/bills.csv" >/dev/null
	rm -f "$ORG/consumers.csv" "$ORG/bills.csv"
	for t in 1 2 3 4 5 6 7 8; do
		"$CENTRAL" --config "$ORG/central.ini" terminal add BENCH B0$t T0$t |
		    sed -n 's/^token: //p' >"$ORG/token$t"
	done
	# a terminal with the reference data
	start_central "$ORG/central"
	terminal_ini "$ORG/t1.ini" "$ORG/pulled.db" T01 "$(cat "$ORG/token1")" pull_page=10000
	"$PD" --config "$ORG/t1.ini" init >/dev/null
	"$PD" --config "$ORG/t1.ini" sync >/dev/null
	stop_central
	touch "$ORG/done"
fi
# the cached stores brought up to the current schema once, outside the
# timings (the central node's WAL is checkpointed when it stops)
central_ini "$ORG/central" threads=8
start_central "$ORG/central"
curl -sf -H "Authorization: Bearer $(cat "$ORG/token1")" "$URL/v1/status" >/dev/null
stop_central
terminal_ini "$ORG/t1.ini" "$ORG/pulled.db" T01 "$(cat "$ORG/token1")"
"$PD" --config "$ORG/t1.ini" sync --status >/dev/null

# (the pull needs none of them: BENCH_SYNC_FIGURES=pull neither builds
# them nor removes another tree's)
if [ "$FIGURES" != pull ] && [ ! -f "$POSTS/done" ]; then
	rm -rf "$DIR"/sync-posts-"$C"-*
	mkdir -p "$POSTS"
	echo "posting the sync bench's payments ($N + 8 x $EACH): $POSTS"
	for t in 1 2 3 4 5 6 7 8; do
		cp "$ORG/pulled.db" "$POSTS/each$t.db"
		terminal_ini "$POSTS/e$t.ini" "$POSTS/each$t.db" T0$t "$(cat "$ORG/token$t")"
	done
	for t in 1 3 5 7; do
		POSTER_GROUP=100 "$POSTER" "$POSTS/each$t.db" "$EACH" "$POSTS/e$t.ini" 20000 &
		p=$!
		POSTER_GROUP=100 "$POSTER" "$POSTS/each$((t + 1)).db" "$EACH" \
		    "$POSTS/e$((t + 1)).ini" 20000
		wait "$p"
	done
	cp "$ORG/pulled.db" "$POSTS/backlog.db"
	terminal_ini "$POSTS/b1.ini" "$POSTS/backlog.db" T01 "$(cat "$ORG/token1")"
	POSTER_GROUP=1000 "$POSTER" "$POSTS/backlog.db" "$N" "$POSTS/b1.ini" 20000
	touch "$POSTS/done"
fi

bench_pg_down() { :; }
bench_pg_clean() { :; }
case "$BACKENDS" in *postgresql*) . tests/bench_pg.sh ;; esac

# a fresh copy of the central node's data for each figure; copies are
# written out (sync) before a timing starts, or the first fsync in it
# would wait for hundreds of megabytes of them. BACKEND says which: the
# SQLite node (the cached files) or a PostgreSQL node (the cached cluster,
# bench_pg.sh)
fresh_central() {
	stop_central 2>/dev/null || true
	rm -rf "$RUN/central" "$RUN/central.ini"
	if [ "$BACKEND" = postgresql ]; then
		fresh_pg
		mkdir -p "$RUN/central"
		pg_node_ini "$RUN/central" "$PORT"
		TOKDIR=$PGORG
	else
		cp -r "$ORG/central" "$RUN/central"
		rm -f "$RUN/central/requests.log"
		central_ini "$RUN/central" threads=8
		TOKDIR=$ORG
	fi
	start_central "$RUN/central"
	sync
}
tok() { cat "$TOKDIR/token$1"; }
# el NAME T0 T1: the seconds between, kept as $NAME_$BACKEND
keep() { eval "$1_$BACKEND=\$2"; }
got() { eval "echo \${$1_$2:-}"; }

# -- pull: a fresh terminal takes the whole organisation (T08: T01 made
# the cached pulled store, and the node knows its audit chain)
pull_figure() {
	fresh_central
	terminal_ini "$RUN/p.ini" "$RUN/p.db" T08 "$(tok 8)" pull_page=10000
	"$PD" --config "$RUN/p.ini" init >/dev/null
	t0=$(now)
	"$PD" --config "$RUN/p.ini" sync >"$RUN/pull.out"
	t1=$(now)
	keep pull "$(secs "$t0" "$t1")"
	keep pulled "$(sed -n 's/^Pulled *//p' "$RUN/pull.out")"
	keep pages "$(sed -n 's/^Pages *//p' "$RUN/pull.out")"
	stop_central
	# raw: the same consumer rows copied into an empty store in one go
	# (sqlite3), read out of the database by one COPY (psql)
	if [ "$BACKEND" = postgresql ]; then
		r0=$(now)
		psqlq -c 'SET search_path TO "org_BENCH"' \
		    -c "\\copy (SELECT * FROM consumers ORDER BY id) TO '$RUN/raw.csv' CSV"
		r1=$(now)
		rm -f "$RUN/raw.csv"
	else
		"$PD" --db "$RUN/raw.db" init >/dev/null
		r0=$(now)
		sqlite3 "$RUN/raw.db" "ATTACH '$RUN/central/org-BENCH.db' AS c;
		    INSERT INTO consumers SELECT * FROM c.consumers;" >/dev/null
		r1=$(now)
		rm -f "$RUN/raw.db"*
	fi
	keep rawpull "$(secs "$r0" "$r1")"
	rm -f "$RUN/p.db"*
}

# -- push: one terminal's backlog
PB=2000 # [sync] batch's default
cols="uuid, payment_no, txn_no, receipt_no, consumer_id, type, channel,
 method, method_kind, amount, tendered, change_given, due_total, overpaid,
 paid_on, created_at, notes, user_id, received_by, terminal, branch, status,
 verified, verified_at, verified_by"
push_figure() {
	fresh_central
	cp "$POSTS/backlog.db" "$RUN/b.db"
	sync
	# a batch that takes long is waited for, not sent again (as the
	# network bench's pushes)
	terminal_ini "$RUN/b.ini" "$RUN/b.db" T01 "$(tok 1)" batch=$PB low_speed_time=600
	sp=$(server_pid)
	c0=$(cpu_of "$CPID") s0=$(cpu_of $sp)
	q0=$(runq_of "$CPID") qs0=$(runq_of $sp)
	# (the terminal's CPU by time(1), when there is one)
	tm=
	[ -x /usr/bin/time ] && tm="/usr/bin/time -f %U+%S -o $RUN/tcpu"
	t0=$(now)
	$tm "$PD" --config "$RUN/b.ini" sync >"$RUN/push.out" &
	tp=$!
	runq_watch "$RUN/trunq" "$tp" &
	rq=$!
	wait "$tp"
	t1=$(now)
	wait "$rq"
	keep push "$(secs "$t0" "$t1")"
	[ -n "$tm" ] && keep pushcpu_term "$(python3 -c "print(f'{$(cat "$RUN/tcpu"):.2f}')")"
	cpu_since pushcpu_central "$c0" "$CPID"
	cpu_since pushcpu_server "$s0" $sp
	keep pushq_term "$(cat "$RUN/trunq")"
	keep pushq_central "$(secs "$q0" "$(runq_of "$CPID")")"
	[ -n "$sp" ] && keep pushq_server "$(secs "$qs0" "$(runq_of $sp)")"
	sent=$(sed -n 's/^Sent *//p' "$RUN/push.out" | tr -d ',')
	keep sent "$sent"
	applied=$(sed -n 's/^Applied *//p' "$RUN/push.out" | tr -d ',')
	[ "$applied" = "$sent" ] && [ "$sent" = "$N" ] || {
		echo "bench: $BACKEND: $applied of $sent payments applied, $N meant" >&2
		exit 1
	}
	keep batches "$(sed -n 's/^Batches *//p' "$RUN/push.out")"
	stop_central
	# raw: the same payment rows inserted in transactions of $PB, durable
	if [ "$BACKEND" = postgresql ]; then
		# into a fresh copy of the database, a COPY of each batch
		fresh_pg
		: >"$RUN/raw.sql"
		for i in $(seq 0 "$PB" $((sent - 1))); do
			sqlite3 -csv "$RUN/b.db" "SELECT $cols FROM payments WHERE
			    id > $i AND id <= $((i + PB))" >"$RUN/raw$i.csv"
			# (printf: dash's echo reads \c as the end of its output)
			printf '\\copy payments (%s) FROM %s CSV\n' "$(echo $cols)" \
			    "'$RUN/raw$i.csv'" >>"$RUN/raw.sql"
		done
		sync
		r0=$(now)
		psqlq -c 'SET search_path TO "org_BENCH"' -f "$RUN/raw.sql"
		r1=$(now)
		[ "$(psqlq -c 'SELECT count(*) FROM "org_BENCH".payments')" = "$sent" ] ||
		    { echo "bench: the raw COPY did not insert $sent payments" >&2; exit 1; }
		rm -f "$RUN"/raw*.csv "$RUN/raw.sql"
	else
		cp "$ORG/central/org-BENCH.db" "$RUN/raw.db"
		awk -v n="$sent" -v pb="$PB" -v run="$RUN" -v cols="$cols" 'BEGIN {
			print "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
			print "ATTACH \"" run "/b.db\" AS t;"
			for (i = 0; i < n; i += pb)
				print "BEGIN; INSERT INTO payments (" cols ") SELECT " cols \
				    " FROM t.payments WHERE id > " i " AND id <= " i + pb \
				    "; COMMIT;"
		}' >"$RUN/raw.sql"
		r0=$(now)
		sqlite3 "$RUN/raw.db" <"$RUN/raw.sql" >/dev/null
		r1=$(now)
		rm -f "$RUN/raw.db"* "$RUN/raw.sql"
	fi
	keep rawpush "$(secs "$r0" "$r1")"
	rm -f "$RUN/b.db"*
}

# -- eight terminals push at once: on PostgreSQL through two nodes on one
# database (T01-T04 to one, T05-T08 to the other); the SQLite backend is
# one process by design (paydesk-central(8), BACKENDS), so one node there
EB=100
each_figure() {
	fresh_central
	logs="$RUN/central/requests.log"
	url2=$URL
	if [ "$BACKEND" = postgresql ]; then
		P2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
		mkdir -p "$RUN/node2"
		pg_node_ini "$RUN/node2" "$P2"
		start_node "$RUN/node2" "$P2"
		url2="http://127.0.0.1:$P2"
		logs="$logs $RUN/node2/requests.log"
	fi
	for t in 1 2 3 4 5 6 7 8; do
		cp "$POSTS/each$t.db" "$RUN/e$t.db"
		terminal_ini "$RUN/e$t.ini" "$RUN/e$t.db" T0$t "$(tok $t)" batch=$EB \
		    low_speed_time=600
		[ $t -gt 4 ] && sed -i "s|^url = .*|url = $url2|" "$RUN/e$t.ini"
	done
	sync
	t0=$(now)
	pids=
	for t in 1 2 3 4 5 6 7 8; do
		"$PD" --config "$RUN/e$t.ini" sync >"$RUN/e$t.out" &
		pids="$pids $!"
	done
	for p in $pids; do wait "$p"; done
	t1=$(now)
	# shellcheck disable=SC2086
	cat $logs | grep 'POST /v1/push 200' |
	    sed -n 's/.* \([0-9.]*\)ms records=\([0-9]*\) apply=\([0-9.]*\)ms group=\([0-9]*\).*/\1 \3 \4/p
	        s/.* \([0-9.]*\)ms records=\([0-9]*\) apply=\([0-9.]*\)ms.*/\1 \3 1/p' \
	    >"$RUN/lat-$BACKEND"
	keep eachs "$(secs "$t0" "$t1")"
	# BENCH_SYNC_KEEP=DIR: the nodes' request logs of each run kept in
	# DIR (every request's time, the pushes' apply times, the status
	# calls), to find which batches were slow and why
	if [ -n "${BENCH_SYNC_KEEP:-}" ]; then
		mkdir -p "$BENCH_SYNC_KEEP"
		k=1
		for l in $logs; do
			cp "$l" "$BENCH_SYNC_KEEP/each-$BACKEND-node$k.log"
			k=$((k + 1))
		done
	fi
	applied=$(sed -n 's/^Applied *//p' "$RUN"/e?.out | tr -d ',' |
	    awk '{ n += $1 } END { print n + 0 }')
	[ "$applied" = $((8 * EACH)) ] || {
		echo "bench: $BACKEND: $applied of 8 x $EACH payments applied" >&2
		exit 1
	}
	if [ "$BACKEND" = postgresql ]; then
		kill "$NPID" && wait "$NPID" || true
	fi
	stop_central
	rm -f "$RUN"/e?.db*
}

# each figure on each backend in turn, each as it is measured on
# standard error (a long run shows what it has)
for fig in $FIGURES; do
	for BACKEND in $BACKENDS; do
		${fig}_figure
		echo "  $fig on $BACKEND: $(got "$fig" "$BACKEND")$(got "${fig}s" "$BACKEND") s" >&2
	done
done
bench_pg_down

# row WHAT UNIT TARGET NAME [RAWNAME]: a line of the figures table, the
# SQLite and PostgreSQL figures side by side
row() {
	r=
	[ -n "${5:-}" ] && r="$(got "$5" sqlite) / $(got "$5" postgresql) s"
	printf '%-44s %9s %10s %-3s %-12s %s\n' "$1" "$(got "$4" sqlite)" \
	    "$(got "$4" postgresql)" "$2" "$3" "$r"
}
echo
printf '%-44s %9s %10s %-3s %-12s %s\n' "sync (central node on loopback)" "sqlite" \
    "postgresql" "" "target" "raw sqlite3 / psql"
row "pull $C consumers to a fresh terminal" s "<= 30 s" pull rawpull
row "  entries pulled" "" "" pulled
row "  pages of 10000" "" "" pages
row "push $N payments, one terminal" s "<= 10 s" push rawpush
for b in $BACKENDS; do
	[ -n "$(got push "$b")" ] || continue # not measured (BENCH_SYNC_FIGURES)
	keep_rate() { python3 -c "print(f'{$(got sent $b) / $(got push $b):.0f}')"; }
	eval "rate_$b=\$(keep_rate)"
done
row "  payments per second" /s ">= 10000" rate
row "  CPU: the terminal (user + system)" s "" pushcpu_term
row "  CPU: the central node" s "" pushcpu_central
row "  CPU: the PostgreSQL server" s "" pushcpu_server
row "  waiting for a CPU: the terminal" s "" pushq_term
row "  waiting for a CPU: the central node" s "" pushq_central
row "  waiting for a CPU: the PostgreSQL server" s "" pushq_server
row "  batches of $PB" "" "" batches
python3 - "$RUN/lat-sqlite" "$RUN/lat-postgresql" "$(got eachs sqlite)" \
    "$(got eachs postgresql)" "$EB" <<'PY'
import os, sys
def pct(v, p):
    v = sorted(v)
    return "%.1f" % v[int((len(v) - 1) * p)] if v else "-"
rows = []
for f in sys.argv[1:3]:
    rows.append([tuple(map(float, l.split())) for l in open(f)]
                if os.path.exists(f) else [])
f = "%-44s %9s %10s %-3s %-12s %s"
def line(what, col, p, unit="ms", target=""):
    print(f % (what, pct([r[col] for r in rows[0]], p),
               pct([r[col] for r in rows[1]], p), unit, target, ""))
line("8 terminals at once: p99 per batch", 0, .99, target="<= 200 ms")
line("  p50 per batch", 0, .5)
line("  p99 apply (queue for the store included)", 1, .99)
print(f % ("  batches of %s, all terminals" % sys.argv[5], len(rows[0]),
           len(rows[1]), "", "", ""))
# the batches the node applied with others in one transaction (a group
# commit: paydesk-central(8)), and the mean size of their groups
def grouped(rs):
    g = [r[2] for r in rs if r[2] > 1]
    return "%d (%.1f)" % (len(g), sum(g) / len(g)) if g else "0"
print(f % ("  in group commits (mean group)", grouped(rows[0]),
           grouped(rows[1]), "", "", ""))
print(f % ("  seconds for all", sys.argv[3], sys.argv[4], "s", "", ""))
print(f % ("  central processes", 1, 2, "", "",
           "SQLite: one process by design"))
PY
if echo "$BACKENDS" | grep -q postgresql; then
	echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{ print $3 }') settings" \
	    "(on the command line of pg_ctl; the rest are the defaults):"
	echo "$PG_SETTINGS" | sed 's/^/  /'
fi
