# Central node set-up of the r20 review scripts that sync: a real
# paydesk-central on a free loopback port, organisation ACME, terminals
# T01 and T02 (branch B01) with stores in $T/t1 and $T/t2; t1/t2 USER ARGS.
C="$ROOT/$BUILD/paydesk-central"
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
mkdir -p "$T/c" "$T/t1" "$T/t2"
printf '[terminal]\nid = HQ\n[central]\nlisten = 127.0.0.1\nport = %s\ndata_dir = %s/c/data\n' "$PORT" "$T" > "$T/c/c.ini"
# R20_PG="host=... port=... dbname=... user=...": the organisation's store on PostgreSQL
# (a schema per run, dropped at the end is left to the database's owner)
[ -n "$R20_PG" ] && printf 'backend = postgresql\ndatabase = %s\n' "$R20_PG" >> "$T/c/c.ini"
printf 'username,full_name,role,pin\nmary,Mary Johnson,supervisor,583920\njane,Jane Smith,cashier,4872\n' > "$T/c/users.csv"
export PAYDESK_NOW="2026-06-01 08:00:00"
"$C" --config "$T/c/c.ini" org add ACME Acme --currency USD >/dev/null 2>&1 || nok "org add"
for k in consumers bills; do "$C" --config "$T/c/c.ini" import ACME $k "$ROOT/data/import/$k.csv" >/dev/null 2>&1 || nok "import $k"; done
"$C" --config "$T/c/c.ini" import ACME users "$T/c/users.csv" >/dev/null 2>&1 || nok "import users"
for t in 1 2; do
  tok=$("$C" --config "$T/c/c.ini" terminal add ACME B01 T0$t 2>/dev/null | sed -n 's/^token: //p')
  printf '[store]\npath = %s/t%s/t.db\n[terminal]\nid = T0%s\nbranch = B01\n[sync]\nurl = http://127.0.0.1:%s\ntoken = %s\nplain_http = yes\n' "$T" $t $t "$PORT" "$tok" > "$T/t$t/p.ini"
done
PAYDESK_NOW="2026-06-30 00:00:00" "$C" --config "$T/c/c.ini" serve >"$T/c/log" 2>&1 &
CPID=$!
trap 'kill $CPID 2>/dev/null; wait $CPID 2>/dev/null; rm -rf "$T"' EXIT
i=0; while [ $i -lt 50 ] && ! grep -q listening "$T/c/log" 2>/dev/null; do sleep 0.1; i=$((i+1)); done
t1() { u=$1; shift; PAYDESK_PIN=$(case $u in jane) echo 4872;; *) echo 583920;; esac) "$PD" --config "$T/t1/p.ini" --user $u "$@"; }
t2() { u=$1; shift; PAYDESK_PIN=583920 "$PD" --config "$T/t2/p.ini" --user $u "$@"; }
export PAYDESK_NOW="2026-06-17 09:00:00"
for t in 1 2; do "$PD" --config "$T/t$t/p.ini" init >/dev/null 2>&1; "$PD" --config "$T/t$t/p.ini" sync >/dev/null 2>&1 || nok "first sync T0$t"; done
