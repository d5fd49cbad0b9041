# test_import.sh - importing reference data again: without --update an
# existing key is an error that changes nothing; with it, consumers and
# users that differ are changed (the search index too), equal rows are
# counted unchanged, and an issued bill, service charge or installment is
# never changed by an import.
. "$TOP/tests/cli/lib.sh"
setup_store
export PAYDESK_PIN=9999
imp() { "$PD" --user admin import "$@"; }

# -- the same files again
refused "consumers again without --update" 3 \
    'consumers.csv:2:1: account_no: Account "WU-10001" already exists (--update changes it)' \
    imp consumers "$DATA/consumers.csv"
n=$(($(wc -l <"$DATA/consumers.csv") - 1))
# the reference data, byte for byte (an import is audited even when it
# changes nothing)
refdata() { sqlite3 "$DB" ".dump consumers items plans users" | sha256sum; }
before=$(refdata)
expect "the same consumers with --update change nothing" 0 \
    "Unchanged  $n" imp consumers "$DATA/consumers.csv" --update
has "and add nothing" "Added      0"
for k in bills services installments users; do
	rows=$(($(wc -l <"$DATA/$k.csv") - 1))
	expect "the same $k with --update are unchanged" 0 \
	    "Unchanged  $rows" imp $k "$DATA/$k.csv" --update
done
same "the reference data is as it was" "$(refdata)" "$before"

# -- consumers: one changed, one new, the rest as they were
sed -e 's/(555) 123-4567/(555) 700-0001/' -e 's/^WU-10002,José Núñez/WU-10002,José Núñez Ortega/' \
    "$DATA/consumers.csv" >"$T/c2.csv"
echo 'WU-20001,Nadia Haddad,"4 Harbour Road, Cityville",(555) 700-0002,,Residential' >>"$T/c2.csv"
expect "a changed consumer file with --update" 0 "Updated    2" \
    imp consumers "$T/c2.csv" --update
has "one added" "Added      1"
has "the rest unchanged" "Unchanged  $((n - 2))"
expect "the new phone is stored" 0 "(555) 700-0001" cashier consumer show WU-10001
expect "search finds the new phone" 0 "WU-10001" cashier consumer search 7000001
expect "search finds the new name" 0 "WU-10002" cashier consumer search Ortega
expect "search no longer finds the old phone" 0 "" cashier consumer search 1234567
if grep -q WU-10001 "$OUT"; then echo "not ok - the old phone still found"; else ok "the old phone is gone from search"; fi
expect "the search index agrees" 0 "search index" "$PD" doctor
same "the consumer kept its id and uuid" \
    "$(sql "SELECT count(*) FROM consumers WHERE account_no = 'WU-10001'")" 1
same "the audit log says what the import did" \
    "$(sql "SELECT detail FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1")" \
    "added=1 updated=2 unchanged=$((n - 2))"

# -- the search indexes of a consumers import, written at its end (in
# one statement each, the insert triggers dropped meanwhile): every row
# indexed once, as it stands at the end of the file, and nothing of a
# refused import
fts_ok() {
	sqlite3 "$DB" "INSERT INTO consumers_fts (consumers_fts) VALUES
	    ('integrity-check'); INSERT INTO consumers_words (consumers_words)
	    VALUES ('integrity-check');" 2>&1
}
idx_rows() {
	sql "SELECT (SELECT count(*) FROM consumers) || ' ' || (SELECT count(*)
	    FROM consumers_fts_docsize) || ' ' || (SELECT count(*) FROM
	    consumers_words_docsize) || ' ' || (SELECT count(*) FROM fts_defer)
	    || ' ' || (SELECT count(*) FROM sqlite_master WHERE type =
	    'trigger' AND name IN ('consumers_ai', 'consumers_words_ai'))"
}
{
	echo 'account_no,name,service_address,phone,email,segment'
	echo 'NX-30001,Olga Petrova,"9 Quay Street, Cityville",(555) 730-0001,,Residential'
	echo 'NX-30002,Tomasz Wrona,"11 Quay Street, Cityville",(555) 730-0002,,Commercial'
	echo 'WU-20001,Nadia Haddad-Karam,"4 Harbour Road, Cityville",(555) 730-0003,,Residential'
	echo 'NX-30003,Ines Barros,"13 Quay Street, Cityville",(555) 730-0004,,Residential'
} >"$T/c3.csv"
nc=$(sql "SELECT count(*) FROM consumers")
expect "three new consumers and one changed" 0 "Added      3" \
    imp consumers "$T/c3.csv" --update
has "the changed one updated" "Updated    1"
same "every consumer indexed once, the triggers back, nothing deferred" \
    "$(idx_rows)" "$((nc + 3)) $((nc + 3)) $((nc + 3)) 0 2"
same "both search indexes agree with the consumers" "$(fts_ok)" ""
for q in "olga" "Petrova" "730-0001" "7300001" "NX-30001"; do
	same "search \"$q\" finds the new consumer once" \
	    "$(cashier consumer search "$q" | grep -c 'NX-30001')" 1
done
expect "the changed name is found" 0 "WU-20001" cashier consumer search Karam
same "the new one after it too" "$(cashier consumer search wrona | grep -c NX-30002)" 1
# a refused file (its last row bad): nothing added, nothing indexed, the
# triggers as they were
{
	echo 'account_no,name,service_address,phone,email,segment'
	echo 'NX-30004,Pavel Novak,"15 Quay Street, Cityville",(555) 730-0005,,Residential'
	echo ',No Account,"17 Quay Street, Cityville",(555) 730-0006,,Residential'
} >"$T/c4.csv"
refused "a consumers file with a bad last row" 3 "c4.csv:3:1: account_no: A value is required" \
    imp consumers "$T/c4.csv"
same "after it, the indexes and triggers as they were" "$(idx_rows)" \
    "$((nc + 3)) $((nc + 3)) $((nc + 3)) 0 2"
same "the refused row's consumer is not found" \
    "$(cashier consumer search novak | grep -c NX-30004)" 0
# one more, alone: found (the triggers made again work for the next)
printf 'account_no,name,service_address,phone,email,segment\nNX-30005,Pavel Novak,"15 Quay Street, Cityville",(555) 730-0005,,Residential\n' >"$T/c5.csv"
expect "a one-row file after it" 0 "Added      1" imp consumers "$T/c5.csv"
expect "is found" 0 "NX-30005" cashier consumer search novak
same "and indexed once" "$(idx_rows) $(fts_ok)" \
    "$((nc + 4)) $((nc + 4)) $((nc + 4)) 0 2 "

# -- an issued item is a fact: a row that differs is refused, all or nothing
sed 's/^INV-2025-001567,WU-10001,Apr 2025,152.25/INV-2025-001567,WU-10001,Apr 2025,160.00/' \
    "$DATA/bills.csv" >"$T/b2.csv"
echo 'INV-2099-000001,WU-10001,Dec 2099,10.00,2099-12-01,2099-12-15' >>"$T/b2.csv"
refused "a bill with another amount is refused" 3 \
    'b2.csv:3:1: invoice_no: "INV-2025-001567" exists with amount 152.25; an issued item is not changed by import' \
    imp bills "$T/b2.csv" --update
same "the new bill in the same file was not added" \
    "$(sql "SELECT count(*) FROM items WHERE ref = 'INV-2099-000001'")" 0
sed 's/^INV-2025-001234,WU-10001/INV-2025-001234,WU-10002/' "$DATA/bills.csv" >"$T/b3.csv"
refused "a bill moved to another account is refused" 3 \
    '"INV-2025-001234" exists with account_no another account' \
    imp bills "$T/b3.csv" --update
refused "bills again without --update" 3 \
    '"INV-2025-001234" already exists (--update skips rows equal to what is stored)' \
    imp bills "$DATA/bills.csv"
grep -v '^INV-2025-001567' "$T/b2.csv" >"$T/b4.csv"
expect "new bills among old ones with --update" 0 "Added      1" \
    imp bills "$T/b4.csv" --update

# -- users: role, name and PIN from the file
printf 'username,full_name,role,pin\njane,Jane Smith-Okoro,supervisor,4321\nmary,Mary Johnson,supervisor,2222\n' >"$T/u2.csv"
refused "a supervisor may not update users" 5 "admin" \
    env PAYDESK_PIN=2222 "$PD" --user mary import users "$T/u2.csv" --update
expect "users with --update" 0 "Updated    1" imp users "$T/u2.csv" --update
has "mary unchanged" "Unchanged  1"
expect "the old PIN no longer works" 5 "PIN" env PAYDESK_PIN=1234 \
    "$PD" --user jane pay WU-10003 --type bill --method Cash --amount 1
expect "jane pays with the new PIN" 0 "Payment ID" env PAYDESK_PIN=4321 \
    "$PD" --user jane pay WU-10003 --type bill --method Cash --amount 1
pay=$(sed -n 's/^Payment ID *//p' "$OUT")
expect "under her new name" 0 "Jane Smith-Okoro" sup payment show "$pay"
expect "and as a supervisor she may void it" 0 "voided" env PAYDESK_PIN=4321 \
    "$PD" --user jane payment void "$pay" --reason "Keyed twice"
refused "users again without --update" 3 'Username "jane" is already taken' \
    imp users "$T/u2.csv"

# -- a table's columns by display width: wide characters count two and
# combining marks none, so the phone column starts in one screen column
printf 'account_no,name,service_address,phone,email,segment\nWU-40001,Işıl Yılmaz,1 Road,(555) 400-0001,,Residential\nWU-40002,北京水务有限公司,2 Road,(555) 400-0002,,Residential\nWU-40003,Zoe\314\201 Ame\314\201lie,3 Road,(555) 400-0003,,Residential\nWU-40004,北京水务有限公司北京水务有限公司北京,4 Road,(555) 400-0004,,Residential\n' >"$T/wide.csv"
expect "consumers with wide and combining names" 0 "Added      4" \
    imp consumers "$T/wide.csv"
expect "searched" 0 "WU-40004" sup consumer search WU-4000
if python3 - "$OUT" <<'PY'; then ok "the phones line up after ı, CJK and combining marks, a long wide name cut"; else
import sys, unicodedata
cols = set()
for l in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    if "(555)" not in l:
        continue
    c = 0
    for ch in l[:l.index("(555)")]:
        if unicodedata.combining(ch):
            continue
        c += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    cols.add(c)
print("  columns:", cols)
sys.exit(len(cols) != 1)
PY
	notok "the phones line up after ı, CJK and combining marks, a long wide name cut"
fi
# two characters are a prefix search, whatever their bytes (a trigram
# index finds nothing shorter than three characters)
expect "two CJK characters find the consumer" 0 "WU-40002" \
    sup consumer search "北京"
expect "two characters, one of two bytes, find the consumer" 0 "WU-40001" \
    sup consumer search "Iş"
expect "a payment of theirs" 0 "Payment ID" \
    "$PD" --user admin pay WU-40002 --type bill --method Cash --amount 1
expect "is found by the two characters" 0 "WU-40002" \
    sup payments --search "北京"
