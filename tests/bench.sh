#!/bin/sh
# bench.sh - `make bench`: build (once, then cached) a deterministic store of
# BENCH_CONSUMERS consumers and BENCH_PAYMENTS payments with their bills and
# allocations (a year of them, recorded in date order), then print the
# figures of tests/tools/bench*.c. The store is
# generated with plain SQL through sqlite3 over the schema `paydesk init`
# makes, so it has the same tables, indexes and triggers as a real one.
set -e
BUILD=${BUILD:-build}
C=${BENCH_CONSUMERS:-1000000}
P=${BENCH_PAYMENTS:-10000000}
DIR=${BENCH_DIR:-$HOME/.cache/paydesk-bench}
# a new layout of the generated data makes a new bench store (LAYOUT: 2 =
# payments recorded in date order, as a real ledger is appended); a new
# schema does not: the store moves to it when first opened
LAYOUT=2
DB="$DIR/bench-$C-$P-l$LAYOUT.db"
PD="$(pwd)/$BUILD/paydesk"
export PAYDESK_NOW="2026-06-15 12:00:00" PAYDESK_CONFIG=/dev/null

mkdir -p "$DIR"
if [ ! -f "$DB.done" ]; then
	rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.analysed"
	echo "building the bench store ($C consumers, $P payments): $DB"
	# these PINs are below the PIN policy: a config that allows them.
	# The PIN policy is the organisation's: at a standalone store it is
	# read from the store's administrator's file, the one in force when
	# the store was first opened (paydesk.conf(5)), so init runs with it
	printf '[security]\npin_min_supervisor = 4\nweak_pins = allow\n' \
	    >"$DIR/users.ini"
	"$PD" --config "$DIR/users.ini" --db "$DB" init >/dev/null
	printf 'username,full_name,role,pin\njane,Jane Smith,cashier,1234\nmary,Mary Johnson,supervisor,2222\n' \
	    >"$DIR/users.csv"
	"$PD" --config "$DIR/users.ini" --db "$DB" import users \
	    "$DIR/users.csv" >/dev/null
	start=$(date +%s)
	# no journal while generating: in WAL mode (init's) each of the
	# 10M-row transactions below went to a WAL of many GB, and every page
	# read searched its index block by block, newest first (the items'
	# insert alone took 15 min, their WAL at 6.8 GB and growing); a build
	# cut short is built again (no .done)
	sqlite3 "$DB" >/dev/null <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
CREATE TEMP TABLE fn (k INTEGER PRIMARY KEY, name TEXT, fold TEXT);
CREATE TEMP TABLE ln (k INTEGER PRIMARY KEY, name TEXT, fold TEXT);
INSERT INTO fn (name, fold) VALUES
 ('Maria', 'maria'), ('James', 'james'), ('Wei', 'wei'),
 ('Aisha', 'aisha'), ('José', 'jose'), ('Fatima', 'fatima'),
 ('Liam', 'liam'), ('Olga', 'olga'), ('Raj', 'raj'), ('Chloé', 'chloe'),
 ('Noah', 'noah'), ('Łucja', 'łucja'), ('Kwame', 'kwame'),
 ('Sofia', 'sofia'), ('Mateo', 'mateo'), ('Yuki', 'yuki'),
 ('Emma', 'emma'), ('Ibrahim', 'ibrahim'), ('Zoë', 'zoe'),
 ('Björn', 'bjorn'), ('Priya', 'priya'), ('Diego', 'diego'),
 ('Anna', 'anna'), ('Hiroshi', 'hiroshi'), ('Grace', 'grace'),
 ('Nikolai', 'nikolai'), ('Amara', 'amara'), ('Lucas', 'lucas'),
 ('Elif', 'elif'), ('Thomas', 'thomas');
INSERT INTO ln (name, fold) VALUES
 ('Garcia', 'garcia'), ('Smith', 'smith'), ('Chen', 'chen'),
 ('Khan', 'khan'), ('Núñez', 'nunez'), ('Okafor', 'okafor'),
 ('Müller', 'muller'), ('Ivanova', 'ivanova'), ('Patel', 'patel'),
 ('Dubois', 'dubois'), ('Brown', 'brown'), ('Wójcik', 'wojcik'),
 ('Mensah', 'mensah'), ('Rossi', 'rossi'), ('Fernández', 'fernandez'),
 ('Tanaka', 'tanaka'), ('Wilson', 'wilson'), ('Haddad', 'haddad'),
 ('Larsen', 'larsen'), ('Andersson', 'andersson'), ('Sharma', 'sharma'),
 ('López', 'lopez'), ('Kowalski', 'kowalski'), ('Sato', 'sato'),
 ('Taylor', 'taylor'), ('Petrov', 'petrov'), ('Nwosu', 'nwosu'),
 ('Martin', 'martin'), ('Yılmaz', 'yılmaz'), ('Clark', 'clark');
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $C)
INSERT INTO consumers (id, uuid, account_no, name, service_address, phone,
 phone_digits, email, segment, created_at, name_fold)
SELECT i, printf('c%035d', i), printf('AC-%07d', i),
 (SELECT name FROM fn WHERE k = 1 + i % 30) || ' ' ||
 (SELECT name FROM ln WHERE k = 1 + (i / 30) % 30),
 printf('%d Main Street, Cityville', 1 + i % 900),
 printf('(555) %03d-%04d', i / 10000 % 1000, i % 10000),
 printf('555%03d%04d', i / 10000 % 1000, i % 10000),
 printf('c%d@example.net', i), 'Residential', '2025-01-01 00:00:00',
 (SELECT fold FROM fn WHERE k = 1 + i % 30) || ' ' ||
 (SELECT fold FROM ln WHERE k = 1 + (i / 30) % 30)
FROM n;
COMMIT;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $P)
INSERT INTO items (id, uuid, consumer_id, kind, ref, period, amount,
 settled, issued_on, due_on, created_at)
SELECT i, printf('i%035d', i), 1 + i % $C, 'bill', printf('B-%09d', i),
 'bench', 1000 + i % 20000, 1000 + i % 20000,
 date('2026-06-15', printf('-%d days', 20 + 364 - (i - 1) * 365 / $P)),
 date('2026-06-15', printf('-%d days', 6 + 364 - (i - 1) * 365 / $P)),
 '2025-01-01 00:00:00'
FROM n;
COMMIT;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $P)
INSERT INTO payments (id, uuid, payment_no, txn_no, receipt_no, consumer_id,
 type, channel, method, method_kind, amount, tendered, change_given,
 due_total, overpaid, paid_on, created_at, notes, user_id, received_by,
 terminal, branch, status, verified, verified_at, verified_by)
SELECT i, printf('p%035d', i), printf('PAY-B-%09d', i),
 printf('TXN-B-%09d', i), printf('R-B-%09d', i), 1 + i % $C, 'Bill',
 'Walk-in', CASE i % 4 WHEN 0 THEN 'Cash' WHEN 1 THEN 'Credit Card'
 WHEN 2 THEN 'Bank Transfer' ELSE 'Cheque' END,
 CASE i % 4 WHEN 0 THEN 'cash' WHEN 1 THEN 'card' ELSE 'bank' END,
 1000 + i % 20000, CASE i % 4 WHEN 0 THEN 1000 + i % 20000 ELSE 0 END, 0,
 1000 + i % 20000, 0,
 date('2026-06-15', printf('-%d days', 364 - (i - 1) * 365 / $P)),
 '2025-01-01 00:00:00', '', 1, 'Jane Smith', 'B', 'B01', 'Posted', 1,
 '2025-01-01 00:00:00', 'Jane Smith'
FROM n;
COMMIT;
BEGIN;
INSERT INTO allocations (payment_id, item_id, amount, due_before, created_at)
SELECT id, id, amount, amount, '2025-01-01 00:00:00' FROM payments;
COMMIT;
-- open bills for the posting benchmark: a consumer owes a few
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5)
INSERT INTO items (uuid, consumer_id, kind, ref, period, amount, issued_on,
 due_on, created_at)
SELECT printf('o%035d', i), 1, 'bill', printf('OPEN-%06d', i), 'bench',
 100000, '2026-01-01', date('2026-01-15', printf('+%d days', i)),
 '2025-01-01 00:00:00' FROM n;
COMMIT;
-- the rows made here, around paydesk, are sealed into the audit chain by
-- one entry when paydesk next opens the store (schema.c, migration 9)
INSERT OR REPLACE INTO meta (key, value) VALUES ('seal_baseline', '1');
SQL
	# the rows made here, behind paydesk's back, are counted before
	# paydesk first opens the store, as a store that grew to them would
	# have them counted: with init's counts (seals: 2 rows) the baseline
	# seal below planned each of its 3,000 range claims as a scan of all
	# 30 million seals (1M payments: first open 143 s, 8.4 s counted)
	sqlite3 "$DB" "ANALYZE;"
	echo "built in $(( $(date +%s) - start )) s; $(du -h "$DB" | cut -f1)"
	touch "$DB.done"
fi
# the store moves to this build's schema first. Its statistics: paydesk
# keeps them itself since migration 77 (which counted an upgraded store
# whole, once), and counts at a writer's close each index that has none
# and each table grown 25 times (store_stats_keep). The rows built above
# with sqlite3, behind paydesk's back, were counted as built; they are
# counted once more here, whole, after the first open's migrations and
# baseline seal (seals_entry then holds every seal). (Sampled
# statistics made a shift's close take 23 s; none at all, an arrangement
# 3.9 s and the deteriorating payers more than 30 min.) And the figures
# start from an empty WAL: a WAL of 700 MB left by an earlier run made
# every page read search its index (sqlite3WalFindFrame, 8% of a post)
"$PD" --config "$DIR/users.ini" --db "$DB" init >/dev/null
if [ ! -f "$DB.analysed" ]; then
	echo "the built store's statistics"
	sqlite3 "$DB" "ANALYZE;" >/dev/null
	sqlite3 "$DB" "PRAGMA user_version" >"$DB.analysed"
fi
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
"$BUILD/tools/bench" "$DB" "$PD"
# BENCH_ONLY_CORE=1: the counter's figures above alone (posting,
# receipts, a close, KPIs), to try a change on a small store
[ -z "$BENCH_ONLY_CORE" ] || exit 0
# the back office: dashboard, lists, reports, exports
X=$(mktemp -d /tmp/pd-bench-export.XXXXXX)
"$BUILD/tools/bench_office" "$DB" "$X"
rm -rf "$X"
# the debts worked (issue 21): an arrangement made, the daily alert pass,
# the disconnection and reconnection lists
X=$(mktemp -d /tmp/pd-bench-debts.XXXXXX)
"$BUILD/tools/bench_debts" "$DB" "$X"
rm -rf "$X"
# the reconciliation: a statement of 100,000 credits (transfers, gateway
# payouts, cash deposits, card settlements) matched by the rules (issue
# 20), beside raw's joins and raw's least work (the joins and the rows the
# matching wrote, written again in one transaction); the statement, its
# period's deposits and gateway payments and the matches are taken out
# again once measured: each run has the same history
X=$(mktemp -d /tmp/pd-bench-recon.XXXXXX)
"$BUILD/tools/bench_recon" "$DB" "$X"
rm -rf "$X"
# the counter UI: real screens fed keys in process, drawn to /dev/null
R=$(mktemp -d /tmp/pd-bench-tui.XXXXXX)
"$BUILD/tools/bench_tui" "$DB" "$R"
rm -rf "$R"
# the billing manager's analysis (issue 23): scoped and filtered
# dashboards, the forecast, the deteriorating payers, a day's anomalies;
# last of the store's figures: run as root, it drops the page cache for
# its first runs (bench_analysis.c, twice)
"$BUILD/tools/bench_analysis" "$DB"
# the sync with a central node: pull, push, eight terminals at once
BUILD=$BUILD sh tests/bench_sync.sh
# the central node under slow connections and bulk pushes
BUILD=$BUILD sh tests/bench_net.sh
# payment gateways: notifications, and the backlog matched again
BUILD=$BUILD sh tests/bench_gateway.sh
