# test_sync_pending.sh - the records a terminal has waiting, as the
# central node's terminal list and gaps report show them, follow every
# round (s72 fault 3): a push's own records are no longer counted once it
# is answered, and a round with nothing to push (its pull) says the
# terminal's count too, so a count left from before goes to what the
# terminal's own sync --status says.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export PAYDESK_PIN=1234

setup_org || { echo "not ok - setup"; exit 1; }
start_central || exit 1

# listed N: T0N's PENDING in paydesk-central terminal list ACME
listed() {
	central terminal list ACME >"$T/list.txt" 2>&1
	python3 - "$T/list.txt" "T0$1" <<'PY'
import sys
rows = open(sys.argv[1], encoding='utf-8').read().split('\n')
head = [r for r in rows if 'PENDING' in r][0].split()
assert head[2] == 'TERMINAL' and head[-1] == 'PENDING', head
row = [r.split() for r in rows if len(r.split()) > 2 and r.split()[2] == sys.argv[2]][0]
print(row[-1])
PY
}
# gap N: T0N's pending in paydesk-central gaps ACME --json
gap() {
	central gaps ACME --terminal "T0$1" --json | python3 -c 'import json,sys
d = json.load(sys.stdin)
t = d["terminals"] if isinstance(d, dict) else d
print([x for x in t if x["terminal"] == sys.argv[1]][0]["pending"])' "T0$1"
}
# mine N: Pending in T0N's own sync --status
mine() { pdt "$1" sync --status | sed -n 's/^Pending  *//p'; }

expect "T02 pulls the reference data" 0 "Pulled" pdt 2 sync
for a in 10 11 12; do
	must "T02 takes a payment of $a" pdtc 2 pay WU-10002 --type bill \
	    --method Cash --amount $a
done
same "T02 has 3 records waiting" "$(mine 2)" 3
# pushed in batches of 2: 3 waiting at the first, 1 at the second
terminal 2 "$TOK2" batch=2
expect "T02 pushes them in two batches" 0 "Applied     3" pdt 2 sync
same "T02's own count after the round" "$(mine 2)" 0
same "terminal list: T02's PENDING is 0 after the round that sent them" \
    "$(listed 2)" "$(mine 2)"
same "gaps: T02's pending is 0 too" "$(gap 2)" 0

# a count left over (a push of an older terminal said 12 and its round
# ended before another): a round with nothing to push puts it right
body='{"v":1,"terminal":"T02","pending":12,"records":[]}'
same "a push saying 12 waiting is taken" "$(curl -s -o "$T/push.out" \
    -w '%{http_code}' -H "Authorization: Bearer $TOK2" \
    -H 'Content-Type: application/json' --data "$body" "$URL/v1/push")" 200
same "the terminal list shows the 12 reported" "$(listed 2)" 12
expect "gaps says 12 waiting" 0 "12 records waiting after its last sync" central gaps ACME --terminal T02
expect "T02's round has nothing to send" 0 "Sent        0" pdt 2 sync
same "sync --status at T02: nothing pending" "$(mine 2)" 0
same "terminal list: T02's PENDING follows the empty round" "$(listed 2)" 0
same "gaps --json: T02's pending 0" "$(gap 2)" 0
expect "gaps says none waiting" 0 "0 records waiting after its last sync" central gaps ACME --terminal T02

# the pull's pending argument: a count 0 to 1000000000 given once
# (else 400, named); a pull without it (a terminal from before) leaves
# the count as it was
expect "T01 pulls" 0 "Pulled" pdt 1 sync
same "T01: nothing waiting at the central node" "$(listed 1)" 0
get() { curl -s -o "$OUT" -w '%{http_code}' -H "Authorization: Bearer $TOK1" "$URL$1"; }
same "pull pending=-1: 400" "$(get '/v1/pull?since=0&limit=1&pending=-1')" 400
has "and names pending" 'Query \"pending\": \"-1\"'
same "pull pending twice: 400" "$(get '/v1/pull?since=0&limit=1&pending=1&pending=2')" 400
has "and names it" 'pending'
same "pull pending=7: taken" "$(get '/v1/pull?since=0&limit=1&pending=7')" 200
same "and the terminal list shows T01's 7" "$(listed 1)" 7
same "a pull without pending (a terminal from before) leaves it" \
    "$(get '/v1/pull?since=0&limit=1')" 200
same "T01 still 7" "$(listed 1)" 7
