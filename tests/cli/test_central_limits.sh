# test_central_limits.sh - no client without a token can tie up the
# central node (issue 18, part 3), with a real paydesk-central on
# loopback and raw clients (central_client.py): a request is judged on
# its headers (401, 400, 413 at once, no body read); slow connections
# neither hold it (limits per address and in all, deadlines for headers
# and bodies) nor starve the others; one organisation's pushes or pulls
# do not hold every worker while another's pull waits; what a client
# sent is escaped in the log; the log of refused records is bounded; and
# `paydesk-central import` errors say where and what, not the file's
# bytes. Orders of events are checked, never durations: a wait in the
# client is only a bound for an answer that should come at once.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export PAYDESK_PIN=1234 PORT
CL="python3 $TOP/tests/cli/central_client.py"
LOG="$T/central.log"

cp "$T/central.ini" "$T/plain.ini"
# limits_ini KEY=VALUE...: central.ini with these [central] keys
limits_ini() {
	{
		cat "$T/plain.ini"
		for kv in "$@"; do echo "${kv%%=*} = ${kv#*=}"; done
	} >"$T/central.ini"
}
# rss KIND: the central node's VmRSS or VmHWM in kB
rss() { sed -n "s/^$1: *\([0-9]*\) kB/\1/p" "/proc/$CPID/status"; }
# log_order WHAT BEFORE: how many lines matching WHAT the log has before
# the first line matching BEFORE (-1 when BEFORE is not there)
log_order() {
	awk -v what="$1" -v before="$2" '
	    $0 ~ before { print n + 0; found = 1; exit }
	    $0 ~ what { n++ }
	    END { if (!found) print -1 }' "$LOG"
}

setup_org || { echo "not ok - setup"; exit 1; }
central org add BETA "Beta Power" >/dev/null
run central terminal add BETA B01 T01
TOKB=$(token_of)

# -- judged on the headers
limits_ini max_per_address=8 header_timeout=60 body_timeout=60 \
    rejected_log_max=100
start_central || exit 1

empty='{"v":1,"terminal":"T01","pending":0,"records":[]}'
curl -sf "$URL/v1/health" >/dev/null
export CPID
$CL early 16777216 -- early 16777216 not-a-token \
    -- early 18446744073709551615 "$TOK1" \
    -- early 99999999999999999999999 "$TOK1" \
    -- mark -- bodies 30 16777216 -- grown \
    -- raw "POST /v1/push HTTP/1.1|Host: c|Authorization: Bearer $TOK1|Content-Length: 2|Content-Length: 2||{}" \
    -- raw "POST /v1/push HTTP/1.1|Host: c|Authorization: Bearer $TOK1|Content-Length: 2|Content-Length: 5000||{}" \
    -- raw "POST /v1/push HTTP/1.1|Host: c|Authorization: Bearer $TOK1|Transfer-Encoding: chunked|Content-Length: 2||2|{}|0||" \
    -- raw "GET /v1/health HTTP/1.1|Host: c|Content-Length: 5||hello" \
    -- raw "POST /v1/push HTTP/1.1|Host: c|Authorization: Bearer $TOK1|Content-Length: ${#empty}||$empty" \
    -- raw "GET /v1/x%0Ainjected%1B[31mz HTTP/1.1|Host: c|Connection: close||" \
    -- raw "GET /v1/y%FF%E2%80%AEz HTTP/1.1|Host: c|Connection: close||" \
    -- flood 1100 8 "$TOK1" -- perip 8 -- refused "$TOK1" 150 >"$T/res"
# line N of the client's results
res() { sed -n "$1p" "$T/res"; }
# check NAME LINE PATTERN: line LINE of the results matches the case
# pattern PATTERN
check() {
	r=$(res "$2")
	case "$r" in $3) ok "$1" ;; *) echo "not ok - $1"; echo "  [$r]" ;; esac
}
check "a POST of 16 MB without a token: 401 before its body" 1 \
    "401*No token*"
check "with an unknown token: 401 before its body" 2 "401*Unknown token*"
check "a Content-Length past the cap: 413 before its body" 3 \
    "413*larger than 16384 KiB*"
check "a Content-Length past 64 bits: refused" 4 "413*"
grow=$(res 7)
if [ -n "$grow" ] && [ "$grow" -le 16 ]; then
	ok "30 unauthenticated 16 MB bodies: the node grew $grow MB"
else
	echo "not ok - 30 unauthenticated 16 MB bodies: the node grew $grow MB (at most 16)"
fi
check "Content-Length twice: 400" 8 "400*Content-Length is given 2 times*"
check "two different Content-Lengths: 400" 9 \
    "400*Content-Length is given 2 times*"
check "Content-Length with Transfer-Encoding: 400" 10 \
    "400*Content-Length and Transfer-Encoding together*"
check "a GET with a body: 400" 11 "400*GET /v1/health takes no body*"
check "a push with one Content-Length is taken" 12 "200*"
check "a URL with control bytes: 404" 13 "404*"
check "a URL that is not UTF-8: 404" 14 "404*"
check "1100 slow connections from 138 addresses: health and pull answered" \
    15 "health 200 pull 200"
check "the 9th connection of an address is refused, another address served" \
    16 "same address closed other address 200"
last=$(res 17)

# the log: what the client sent, escaped, on one line
same "no line of the log is the client's" "$(grep -c '^injected' "$LOG")" 0
same "the URL is logged escaped, on one line" \
    "$(grep -cF '/v1/x\x0ainjected\x1b[31mz 404' "$LOG")" 1
same "bytes that are not UTF-8 and bidirectional controls too" \
    "$(grep -cF '/v1/y\xff\u202ez 404' "$LOG")" 1
# the Authorization scheme in any case, with spaces or tabs around the
# token (RFC 7235, section 2.1); anything else is no token
tab=$(printf '\t')
st="GET /v1/status HTTP/1.1|Host: c|Connection: close|Authorization:"
$CL raw "$st bearer $TOK1||" -- raw "$st BEARER   $TOK1  ||" \
    -- raw "$st bEaReR$tab$TOK1||" -- raw "$st Bearer$TOK1||" \
    -- raw "$st Bearer ||" -- raw "$st Basic $TOK1||" \
    -- raw "$st Bearer $TOK1 x||" >"$T/res"
check "scheme bearer in lower case: taken" 1 "200*"
check "BEARER and surplus spaces: taken" 2 "200*"
check "mixed case and a tab: taken" 3 "200*"
check "no space after the scheme: no token" 4 "401*No token*"
check "a scheme with no token: no token" 5 "401*No token*"
check "another scheme: no token" 6 "401*No token*"
check "a second word after the token: no token" 7 "401*No token*"
# a Content-Length that is not a number, or past 64 bits: one
# well-formed answer (libmicrohttpd 0.9.75 sent its head twice)
pu="POST /v1/push HTTP/1.1|Host: c|Authorization: Bearer $TOK1"
$CL whole "$pu|Content-Length: abc||{}" -- whole "$pu|Content-Length: -1||{}" \
    -- whole "$pu|Content-Length: 1e3||{}" \
    -- whole "$pu|Content-Length: 99999999999999999999999||{}" \
    -- whole "$pu|Content-Length: ||{}" -- whole "$pu|Content-Length: +2||{}" \
    -- whole "$pu|Content-Length: 0x2||{}" -- whole "$pu|Content-Length: 2 2||{}" \
    -- whole "$pu|Content-Length: 2|Content-Length: 3||{}" \
    -- whole "POST /v1/push HTTP/1.1|Host: c|Content-Length: abc||{}" \
    -- whole "$pu|Content-Length: 18446744073709551616||{}" >"$T/res"
for c in "abc:1:400" "-1:2:400" "1e3:3:400" "a value past 64 bits:4:413" \
    "an empty value:5:400" "+2:6:400" "0x2:7:400" "2 2:8:400" \
    "two headers:9:400" "abc without a token:10:400" "2^64:11:413"; do
	what=${c%%:*} rest=${c#*:}
	check "Content-Length $what: one well-formed ${rest#*:}" "${rest%%:*}" \
	    "1 well-formed ${rest#*:} *Content-Length*"
done
kill -0 "$CPID" 2>/dev/null && ok "the central node is still up" ||
    echo "not ok - the central node is still up"

# the log of refused records: rejected_log_max per terminal
same "the refused records' log keeps the newest 100 of the terminal" \
    "$(csql "SELECT count(*) FROM sync_log WHERE terminal = 'T01'")" 100
same "the newest is kept" \
    "$(csql "SELECT uuid FROM sync_log WHERE terminal = 'T01' ORDER BY id DESC LIMIT 1")" "$last"
# a gateway's notification URL takes no token (review R18, session 37):
# 30 POSTs of 16 MB to a card gateway's URL without any signature were
# each read and kept before the 400 (the node's peak grew by 283 MB)
central gateway add ACME stripe --profile card >/dev/null ||
    echo "not ok - a gateway"
$CL mark -- bodies 30 16777216 /v1/gateway/ACME/stripe -- grown >"$T/res"
grow=$(res 3)
if [ -n "$grow" ] && [ "$grow" -le 16 ]; then
	ok "30 unsigned 16 MB bodies to a gateway's URL: the node grew $grow MB"
else
	echo "not ok - 30 unsigned 16 MB bodies to a gateway's URL: the node grew $grow MB (at most 16)"
fi
# judged on the headers, never waiting for a body (the client sends
# none: an answer that came was given on the headers)
mm=$(central gateway add ACME mm --profile mobile-money |
    sed -n 's/^path secret: //p')
gw="POST /v1/gateway/ACME/stripe HTTP/1.1|Host: c"
sig="Stripe-Signature: t=1,v1=$(printf '%064d' 0)"
$CL raw "$gw|Content-Length: 10||" -- raw "$gw|$sig|Content-Length: 16777216||" \
    -- raw "$gw|$sig|Content-Length: 65537||" \
    -- raw "$gw|$sig|Transfer-Encoding: chunked||" \
    -- raw "$gw|Paydesk-Signature: |Content-Length: 10||" \
    -- raw "POST /v1/gateway/ACME/mm/$mm HTTP/1.1|Host: c|Content-Length: 16777216||" \
    -- raw "$gw|$sig|Content-Length: 2||{}" >"$T/res"
check "a card gateway's request without a signature: 400 on its headers" 1 \
    "400*No signature header*"
check "signed, a Content-Length of 16 MB: 413 on its headers" 2 \
    "413*larger than 64 KiB*"
check "signed, 64 KiB and a byte: 413" 3 "413*larger than 64 KiB*"
check "signed, in chunks: 411 on its headers" 4 \
    "411*gives its Content-Length*"
check "an empty signature header is none" 5 "400*No signature header*"
check "a mobile-money URL's 16 MB body: 413 on its headers" 6 \
    "413*larger than 64 KiB*"
check "signed and small: its body is read and its signature checked" 7 \
    "401*no v1 signature matches*"
# headers given once, numbers of digits only, transfer codings the node
# reads, a push's pending count bounded (review R18, session 37)
st="GET /v1/status HTTP/1.1|Host: c|Connection: close"
au="Authorization: Bearer $TOK1"
pl="GET /v1/pull?since=0"
pu="POST /v1/push HTTP/1.1|Host: c|$au"
pb() { b="{\"v\":1,\"terminal\":\"T01\",\"pending\":$1,\"records\":[]}"; echo "$pu|Content-Length: ${#b}||$b"; }
$CL raw "$st|$au|$au||" -- raw "$st|$au|Authorization: Bearer x||" \
    -- raw "GET /v1/status HTTP/1.1|Host: c|Host: d|$au||" \
    -- raw "$pl%00abc HTTP/1.1|Host: c|$au||" \
    -- raw "GET /v1/pull?since=%2B5 HTTP/1.1|Host: c|$au||" \
    -- raw "GET /v1/pull?since=%205 HTTP/1.1|Host: c|$au||" \
    -- raw "GET /v1/pull?since=0&limit=0 HTTP/1.1|Host: c|$au||" \
    -- raw "GET /v1/pull?since=0&limit=1%00 HTTP/1.1|Host: c|$au||" \
    -- raw "GET /v1/pull?since=0&limit=1 HTTP/1.1|Host: c|$au||" \
    -- raw "$pu|Transfer-Encoding: gzip, chunked||" \
    -- raw "$pu|Transfer-Encoding: identity||" \
    -- raw "$pu|Transfer-Encoding: chunked ||2|{}|0||" \
    -- raw "$pu|Transfer-Encoding: chunked|Transfer-Encoding: chunked||" \
    -- raw "$pu|Transfer-Encoding: Chunked||2|{}|0||" \
    -- raw "$(pb -7)" -- raw "$(pb 9223372036854775807)" \
    -- raw "$(pb 1000000001)" -- raw "$(pb 1000000000)" \
    -- raw "$st|$au||" >"$T/res"
check "two Authorization headers: 400" 1 \
    "400*Authorization is given 2 times*"
check "two Authorization headers, the second not a token: 400" 2 \
    "400*Authorization is given 2 times*"
check "two Host headers: 400" 3 "400*Host is given 2 times*"
check "since=0%00abc: 400, not read as 0" 4 "400*NUL byte*"
check "since=+5: 400" 5 "400*is not a number 0-*"
check "since=' 5': 400" 6 "400*is not a number 0-*"
check "limit=0: 400" 7 "400*limit*is not a number 1-10000*"
check "limit=1%00: 400" 8 "400*NUL byte*"
check "limit=1: one entry" 9 "200*"
check "Transfer-Encoding gzip, chunked: 501 at once" 10 \
    "501*only chunked, alone*"
check "Transfer-Encoding identity: 501" 11 "501*only chunked, alone*"
check "Transfer-Encoding 'chunked ': 501, not a wait" 12 "501*only chunked, alone*"
check "Transfer-Encoding twice: 400" 13 \
    "400*Transfer-Encoding is given 2 times*"
check "chunked in any case: taken (its body read)" 14 "400*is missing*"
check "pending -7: 400" 15 "400*pending*-7 is not a count*"
check "pending 2^63-1: 400" 16 "400*pending*is not a count*"
check "pending 1000000001: 400" 17 "400*pending*is not a count*"
check "pending 1000000000: taken" 18 "200*"
check "the status shows the last one taken" 19 "200*\"pending\":1000000000*"
stop_central

# -- slow connections past max_connections, each address within its
#    limit (review 18: 4,500 from 150 addresses held the health check off
#    until their header deadline): the oldest waiting for its headers is
#    closed to keep room, the health check and a pull answer at once
limits_ini max_connections=64 max_per_address=8 header_timeout=60
start_central || exit 1
$CL flood 300 6 "$TOK1" -- flood 600 8 "$TOK1" >"$T/res"
same "300 slow connections from 50 addresses, 64 allowed: answered" \
    "$(res 1)" "health 200 pull 200"
same "600 from 75 addresses: answered" "$(res 2)" "health 200 pull 200"
expect "a terminal syncs after them" 0 "Pending     0" pdt 1 sync
stop_central

# -- deadlines: headers in 1 s, a body in 2 s
limits_ini header_timeout=1 body_timeout=2
start_central || exit 1
$CL trickle headers -- trickle body "$TOK1" >"$T/res"
same "headers sent a byte at a time: closed at the deadline" "$(res 1)" closed
same "a body sent a byte at a time: closed at the deadline" "$(res 2)" closed
sleep 0.3
if grep -q 'T01 POST /v1/push 0 .*(closed at the body deadline)' "$LOG"; then
	ok "the log says the body deadline closed it"
else
	echo "not ok - the log says the body deadline closed it"; tail -3 "$LOG" | sed 's/^/  | /'
fi
expect "a terminal syncs beside them" 0 "Pending     0" pdt 1 sync
stop_central

# -- fairness: every request but the health check waits 2 s (slow-ms)
limits_ini threads=4
start_central slow-ms=2000 || exit 1
: >"$LOG"
pids=
for i in 1 2 3 4 5 6; do
	curl -s -o /dev/null -H "Authorization: Bearer $TOK1" --data "$empty" \
	    "$URL/v1/push" &
	pids="$pids $!"
done
sleep 0.5
curl -s -o /dev/null -H "Authorization: Bearer $TOKB" "$URL/v1/pull?since=0"
for p in $pids; do wait "$p"; done
i=0
while [ "$(grep -c 'ACME/T01 POST /v1/push 200' "$LOG")" -lt 6 ] && [ $i -lt 30 ]; do
	sleep 0.1
	i=$((i + 1))
done
same "six pushes to ACME: all answered" \
    "$(grep -c 'ACME/T01 POST /v1/push 200' "$LOG")" 6
n=$(log_order 'ACME/T01 POST /v1/push' 'BETA/T01 GET /v1/pull')
if [ "$n" -ge 0 ] && [ "$n" -le 1 ]; then
	ok "BETA's pull is answered while ACME's pushes wait ($n before it)"
else
	echo "not ok - BETA's pull is answered while ACME's pushes wait ($n before it, at most 1)"
fi
: >"$LOG"
pids=
for i in 1 2 3 4 5 6; do
	curl -s -o /dev/null -H "Authorization: Bearer $TOK1" \
	    "$URL/v1/pull?since=0&limit=1" &
	pids="$pids $!"
done
sleep 0.5
curl -s -o /dev/null -H "Authorization: Bearer $TOKB" "$URL/v1/pull?since=0"
for p in $pids; do wait "$p"; done
# a request's log line is written as its answer goes: the last may follow
i=0
while [ "$(grep -c 'ACME/T01 GET /v1/pull 200' "$LOG")" -lt 6 ] && [ $i -lt 30 ]; do
	sleep 0.1
	i=$((i + 1))
done
same "six pulls of ACME: all answered" \
    "$(grep -c 'ACME/T01 GET /v1/pull 200' "$LOG")" 6
n=$(log_order 'ACME/T01 GET /v1/pull' 'BETA/T01 GET /v1/pull')
if [ "$n" -ge 0 ] && [ "$n" -le 3 ]; then
	ok "ACME's pulls leave a worker for BETA ($n before it)"
else
	echo "not ok - ACME's pulls leave a worker for BETA ($n before it, at most 3)"
fi
stop_central

# -- SIGTERM while a push is applied (review R18, session 37: a push of
#    statement lines held the node for minutes and SIGTERM waited for
#    it): the node stops within its grace (stop-grace-ms here, 10 s by
#    default), the push's transaction rolled back; the terminal sends it
#    again to the next node and it is applied once
limits_ini
start_central hold-push-ms=600000,stop-grace-ms=300 || exit 1
napplied=$(csql "SELECT count(*) FROM applied")
pdtc 1 pay WU-10002 --type bill --method Cash --amount 1 >/dev/null ||
    echo "not ok - a payment to push"
pdt 1 sync >"$T/sync.out" 2>&1 &
spid=$!
i=0
while ! grep -q "hook: holding a push" "$T/central.err" && [ $i -lt 200 ]; do
	sleep 0.1
	i=$((i + 1))
done
kill -TERM "$CPID"
i=0
while kill -0 "$CPID" 2>/dev/null && [ $i -lt 200 ]; do
	sleep 0.1
	i=$((i + 1))
done
if kill -0 "$CPID" 2>/dev/null; then
	notok "SIGTERM mid-apply: the node stops"
	kill -9 "$CPID"
else
	ok "SIGTERM mid-apply: the node stops"
fi
wait "$CPID" 2>/dev/null
CPID=
wait "$spid"
cp "$LOG" "$OUT"
has "the log says a request in work was left" "still in work 300 ms"
same "its push is rolled back" "$(csql "SELECT count(*) FROM applied")" \
    "$napplied"
start_central || exit 1
expect "the terminal sends it again: applied" 0 "Pending     0" pdt 1 sync
same "once" "$(csql "SELECT count(*) FROM applied")" "$((napplied + 1))"
stop_central

# -- import errors name the place and the fault, not the file's bytes
printf 'root:SECRET-HEADER:0:0\n' >"$T/foreign.csv"
expect "a foreign file: where and what" 3 "foreign.csv:1:1: unknown column" \
    central import ACME users "$T/foreign.csv"
if grep -q SECRET "$OUT"; then notok "and none of its bytes"; else ok "and none of its bytes"; fi
printf 'account_no,name,service_address,phone,email,segment\nAC-9,Name,Addr,555,SECRET-MAIL,Residential\n' >"$T/c.csv"
expect "a bad value: where and what" 3 "c.csv:2:20: email: (a value from the file, not shown) is not an e-mail address" \
    central import ACME consumers "$T/c.csv"
if grep -q SECRET "$OUT"; then notok "and not the value"; else ok "and not the value"; fi
printf 'username,full_name,role\n' >"$T/u.csv"
expect "a missing column is named (the name is ours)" 3 'column "pin" is missing' \
    central import ACME users "$T/u.csv"
printf 'account_no,name,service_address,phone,email\n' >"$T/c.csv"
expect "another: the column before the optional ones" 3 \
    'column "segment" is missing' central import ACME consumers "$T/c.csv"

# under make check SANITIZE=1 the node is built with ASan and UBSan: a
# report of theirs would be in its standard error
same "no sanitizer report from the central node" \
    "$(grep -c 'ERROR: AddressSanitizer\|runtime error' "$T/central.err")" 0
