# test_sync_backlog.sh - a long offline backlog: a terminal takes 25,000
# payments ($BACKLOG; make bench pushes 100,000) while the central node is away, then drains them in
# batches with a progress line (the sync run in tmux, on a terminal), is
# killed with SIGKILL in the middle of the drain, and the next sync sends
# only what was not acknowledged: the central node ends with every
# payment exactly once.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"
export PAYDESK_PIN=1234
# (on PostgreSQL 3,000: a push there is slower than on SQLite (a batch
# behind the one the kill left running at the node waits for it); in
# batches of 500, past the 256 rows at which the node sends a batch's
# writes between its records (db_pg_batch.c's BATCH_DUE), so those sends
# are in the drain; the drain is still killed in its middle)
BATCH=500
[ "$BACKEND" = postgresql ] && N=${BACKLOG:-3000}
N=${BACKLOG:-${N:-25000}}
ACCTS=10000

# -- an organisation with 10,000 consumers, pulled by the terminal
central org add ACME "Acme Water" >/dev/null
relax ACME
central import ACME users "$DATA/users.csv" >/dev/null
python3 -c '
import sys
print("account_no,name,service_address,phone,email,segment")
for i in range(1, int(sys.argv[1]) + 1):
    print(f"AC-{i:07d},Consumer {i},{i} Long Road,,,Residential")
' $ACCTS >"$T/consumers.csv"
central import ACME consumers "$T/consumers.csv" >/dev/null
run central terminal add ACME B01 T01
terminal 1 "$(token_of)" batch=$BATCH timeout=120 low_speed_time=120
start_central || exit 1
# (under strace when there is one: the pull's statement journals stay in
# memory; a journal spilled to a temp file made every statement of the
# pull's transaction write its pages there, 1.2 million pwrite(2) calls
# for 60,000 entries)
# (not under AddressSanitizer, make check SANITIZE=1: its leak check
# cannot run under ptrace)
if command -v strace >/dev/null 2>&1 &&
    ! ldd "$PD" 2>/dev/null | grep -q libasan; then
	expect "the terminal pulls the organisation" 0 "Pulled" \
	    strace -f -qq -e trace=open,openat -o "$T/pull.strace" \
	    "$PD" --config "$T/t1.ini" sync
	tmps=$(grep -c 'etilqs_' "$T/pull.strace" || true)
	same "the pull opens no temp file for its journals" "$tmps" 0
else
	expect "the terminal pulls the organisation" 0 "Pulled" pdt 1 sync
fi
stop_central

# -- a second terminal killed in the middle of its first pull (pages of
# 500, each answered after 200 ms): the pull drops the consumers' insert
# triggers for its transaction (store_fts_defer_begin) and the kill
# leaves them, the search indexes and the cursor as they were; the next
# sync pulls everything and indexes it
run central terminal add ACME B02 T02
terminal 2 "$(token_of)" pull_page=500 timeout=120 low_speed_time=120
trig() { tsql 2 "SELECT group_concat(name || ':' || sql, '|') FROM (SELECT * FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'consumers' ORDER BY name)"; }
trig0=$(trig)
start_central slow-ms=200 || exit 1
# paydesk itself in the background, not pdt: $! of a function run in
# the background is the subshell, and killing it left the pull running
# (and the store locked for the checks below)
"$PD" --config "$T/t2.ini" sync >/dev/null 2>&1 &
sp=$!
sleep 2
pages=$(grep -c "T02 GET /v1/pull 200" "$T/central.log" || true)
if kill -0 $sp 2>/dev/null && [ "$pages" -ge 2 ]; then
	ok "T02 is killed in the middle of its pull ($pages pages served)"
else
	echo "not ok - T02 is killed in the middle of its pull ($pages pages served)"
fi
kill -9 $sp 2>/dev/null
wait $sp 2>/dev/null
stop_central
same "the kill left the consumers' triggers" "$(trig)" "$trig0"
same "and no consumer, no deferred index, no cursor" \
    "$(tsql 2 "SELECT (SELECT count(*) FROM consumers) || '/' || (SELECT count(*) FROM fts_defer) || '/' || (SELECT count(*) FROM meta WHERE key = 'sync.cursor' AND value <> '0')")" "0/0/0"
expect "T02's store is consistent after the kill" 0 "ok (" pdt 2 doctor
start_central || exit 1
expect "T02's next sync pulls the organisation" 0 "Pulled" pdt 2 sync
stop_central
same "its triggers are the ones it had" "$(trig)" "$trig0"
same "every consumer is in both search indexes" \
    "$(tsql 2 "SELECT (SELECT count(*) FROM consumers) || '/' || (SELECT count(*) FROM consumers_fts) || '/' || (SELECT count(*) FROM consumers_words) || '/' || (SELECT count(*) FROM fts_defer)")" \
    "$ACCTS/$ACCTS/$ACCTS/0"
expect "a pulled consumer is found by name" 0 "AC-0009999" \
    pdtc 2 consumer search "consumer 9999"
# (the pull builds the indexes at its commit with a hash of 32 MiB, one
# segment where 1 MiB wrote many and merged them, store_fts_defer_end:
# FTS5's own check reads every entry back against the consumers' rows,
# and the default hash is what any later transaction has)
fts_check() { tsql "$1" "INSERT INTO consumers_fts (consumers_fts, rank) VALUES ('integrity-check', 1); INSERT INTO consumers_words (consumers_words, rank) VALUES ('integrity-check', 1); SELECT 'whole'" 2>&1; }
same "T02's search indexes hold exactly its consumers' text" "$(fts_check 2)" whole
same "T01's too" "$(fts_check 1)" whole
same "and the hash is the default again" \
    "$(tsql 2 "SELECT (SELECT v FROM consumers_fts_config WHERE k = 'hashsize') || '/' || (SELECT v FROM consumers_words_config WHERE k = 'hashsize')")" \
    "1048576/1048576"
expect "T02's store is consistent" 0 "ok (" pdt 2 doctor

# -- the backlog, taken while the central node is away
POSTER_GROUP=5000 "$POSTER" "$T/t1.db" "$N" "$T/t1.ini" $ACCTS ||
    echo "not ok - poster"
queued() { tsql 1 "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND rejected_at IS NULL"; }
same "$N payments wait to be sent" "$(queued)" "$N"

# -- the drain, on a terminal, killed in the middle
start_central || exit 1
SOCK="$T/tmux.sock"
tmux -S "$SOCK" new-session -d -s sync -x 100 -y 10 \
    "env PAYDESK_PIN=1234 '$PD' --config '$T/t1.ini' sync; sleep 30"
i=0
KILL_AT=$((N / 5))
while [ "$(tsql 1 "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL")" -lt $KILL_AT ] &&
    [ $i -lt 600 ]; do
	sleep 0.2
	i=$((i + 1))
done
progress=$(tmux -S "$SOCK" capture-pane -p -t sync)
case "$progress" in
*"of $N"*) ok "the drain shows its progress: $(echo "$progress" | grep "of $N" | tail -1 | tr -s ' ')" ;;
*) echo "not ok - the drain shows its progress"; echo "$progress" ;; esac
pkill -9 -f -- "--config $T/t1.ini sync"
tmux -S "$SOCK" kill-server 2>/dev/null
sent=$(tsql 1 "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL")
left=$(queued)
if [ "$sent" -ge $KILL_AT ] && [ "$left" -gt 0 ]; then
	ok "killed in the middle: $sent acknowledged, $left left"
else
	echo "not ok - killed in the middle: $sent acknowledged, $left left"
fi
have=$(csql "SELECT count(*) FROM payments WHERE terminal = 'T01'")
if [ "$have" -ge "$sent" ]; then ok "the central node has at least what it acknowledged"
else echo "not ok - the central node lost acknowledged payments: $have < $sent"; fi

# -- the next sync resumes where the last commit left it
expect "the next sync finishes the drain" 0 "Pending     0" pdt 1 sync
sent2=$(sed -n 's/^Sent *//p' "$OUT" | tr -d ',') # grouped for people
if [ "$sent2" -le "$left" ] && [ "$sent2" -ge $((left - BATCH)) ]; then
	ok "it sent only what was left ($sent2 of $left; a batch in flight may come back as duplicates)"
else
	echo "not ok - it sent $sent2, $left were left"
fi
same "nothing left to send" "$(queued)" 0
# (each batch applied in one pass: on PostgreSQL its writes sent between
# its records, db_pg_batch_boundary; a send that broke their order failed
# a foreign key and the batch went again record by record, passes=3 in
# the log, correct and 8 times slower)
same "every batch of the drain was applied in one pass" \
    "$(grep 'POST /v1/push 200' "$T/central.log" | grep -c 'passes=')" 0
same "the central node has each payment once" \
    "$(csql "SELECT count(*) || '|' || count(DISTINCT uuid) || '|' || sum(amount) FROM payments WHERE terminal = 'T01'")" \
    "$(tsql 1 "SELECT count(*) || '|' || count(DISTINCT uuid) || '|' || sum(amount) FROM payments WHERE terminal = 'T01'")"
ledger_ok "after a crash in the middle of a long drain"
