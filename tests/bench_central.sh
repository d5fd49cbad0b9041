# bench_central.sh - sourced by bench_sync.sh and bench_net.sh: a real
# paydesk-central on a free loopback port ($PORT, $URL), its config, its
# start and stop ($CPID), and a terminal's config pointed at it. Needs
# $CENTRAL.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
export PORT

# central_ini DIR [KEY=VALUE...]: DIR.ini for the data directory DIR,
# with more [central] keys if given
central_ini() {
	d=$1
	shift
	{
		printf '[terminal]\nid = HQ\n[central]\nlisten = 127.0.0.1\nport = %s\ndata_dir = %s\nlog = %s\n' \
		    "$PORT" "$d" "$d/requests.log"
		for kv in "$@"; do echo "${kv%%=*} = ${kv#*=}"; done
		# data/import/users.csv's PINs are below the PIN policy
		printf '[security]\npin_min_supervisor = 4\npin_min_admin = 4\nweak_pins = allow\n'
	} >"$d.ini"
}
# start_central DIR: serve DIR until the health check answers
start_central() {
	"$CENTRAL" --config "$1.ini" serve 2>>"$1.err" &
	CPID=$!
	i=0
	while ! curl -sf "$URL/v1/health" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -gt 200 ] && { echo "bench: central did not start" >&2; exit 1; }
		sleep 0.05
	done
}
stop_central() {
	kill "$CPID" && wait "$CPID" || true
	CPID=
}
# terminal_ini FILE STORE ID TOKEN [KEY=VALUE...]: a terminal's config,
# more [sync] keys if given. No [shifts] key: shifts.required is the
# organisation's (paydesk.ini(5)), which a terminal's file does not set
# once it has synced; the bench posts with tools/poster, which takes no
# shift
terminal_ini() {
	f=$1 db=$2 id=$3 tok=$4
	shift 4
	{
		# the branch its token was added with (B01 for T01): a record
		# naming another is refused
		printf '[store]\npath = %s\n[terminal]\nid = %s\nbranch = B%s\n' "$db" "$id" "${id#T}"
		printf '[sync]\nurl = %s\ntoken = %s\ntimeout = 600\n' "$URL" "$tok"
		for kv in "$@"; do echo "${kv%%=*} = ${kv#*=}"; done
	} >"$f"
}
