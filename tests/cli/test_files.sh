# test_files.sh - the files paydesk writes (issue 18 section 6): a target
# that exists and is not a regular file, or is the store, one of its
# journals or the configuration, is refused and left as it was;
# receipts, credit notes and exports follow the umask; the folders
# paydesk makes are 0700.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00" PAYDESK_PIN=1234
umask 022
setup_store
"$PD" --user jane pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 145.50 >/dev/null || exit 1
env PAYDESK_PIN=2222 "$PD" --user mary credit-note create R-T01-000001 \
    --amount 5 --reason Other >/dev/null || exit 1

# mode FILE: its permission bits, octal
mode() { stat -c %a "$1"; }
# kind FILE: what stat calls it
kind() { stat -c %F "$1"; }

# a device node: a private copy of /dev/full when root may make one (so
# that a regression replaces the copy, not the machine's), else
# /dev/full itself, which no one else may replace
if mknod "$T/full" c 1 7 2>/dev/null; then dev="$T/full"; else dev=/dev/full; fi
mkdir "$T/adir"
mkfifo "$T/fifo"
ln -s "$dev" "$T/link-dev"
ln -s "$T/fifo" "$T/link-fifo"
ln -s "$T/adir" "$T/link-dir"

# refuse NAME TARGET KIND CMD...: refused with status 14 (an output
# target of its own since issue 18's trust review; 7 before) naming the
# target and its kind, the target still what it was, nothing logged
refuse() {
	name=$1 target=$2 what=$3
	shift 3
	was=$(kind "$target")
	docs=$(sql "SELECT count(*) FROM documents")
	expect "$name: refused" 14 "$target is $what, not a file" "$@"
	same "$name: still $was" "$(kind "$target")" "$was"
	same "$name: no document logged" \
	    "$(sql "SELECT count(*) FROM documents")" "$docs"
	same "$name: no temporary file left" \
	    "$(ls "$(dirname "$target")" | grep -c '\.[A-Za-z0-9]\{6\}$')" 0
}
refuse "receipt --out a device" "$dev" "a device" \
    "$PD" --user jane receipt R-T01-000001 --out "$dev"
refuse "receipt --out a directory" "$T/adir" "a directory" \
    "$PD" --user jane receipt R-T01-000001 --out "$T/adir"
refuse "receipt --out a named pipe" "$T/fifo" "a named pipe" \
    "$PD" --user jane receipt R-T01-000001 --out "$T/fifo"
refuse "receipt --out a link to a device" "$T/link-dev" "a device" \
    "$PD" --user jane receipt R-T01-000001 --out "$T/link-dev"
refuse "receipt --text --out a link to a pipe" "$T/link-fifo" "a named pipe" \
    "$PD" --user jane receipt R-T01-000001 --text --out "$T/link-fifo"
refuse "credit-note pdf --out a link to a directory" "$T/link-dir" \
    "a directory" \
    "$PD" --user jane credit-note pdf CN-T01-00001 --out "$T/link-dir"
refuse "--xlsx to a device" "$dev" "a device" \
    env PAYDESK_PIN=2222 "$PD" --user mary --xlsx "$dev" payments
refuse "--xlsx to a named pipe" "$T/fifo" "a named pipe" \
    env PAYDESK_PIN=2222 "$PD" --user mary --xlsx "$T/fifo" report payers
# a symbolic link, to a file or to nowhere, is neither replaced nor
# written through (14), unless --force: then the link is replaced by the
# file and what it pointed to is left alone
echo "keep me" >"$T/precious"
ln -s "$T/precious" "$T/link-file.pdf"
ln -s "$T/nowhere.pdf" "$T/link-none.pdf"
# linked NAME LINK CMD...: refused with 14, the link and its target as
# they were, nothing made where a dangling link points
linked() {
	name=$1 link=$2
	shift 2
	docs=$(sql "SELECT count(*) FROM documents")
	expect "$name: refused" 14 "$link is a symbolic link" "$@"
	same "$name: the link is still a link" "$(kind "$link")" "symbolic link"
	same "$name: its target untouched, none made" \
	    "$(cat "$T/precious")/$(ls "$T" | grep -c '^nowhere')" "keep me/0"
	same "$name: no document logged" \
	    "$(sql "SELECT count(*) FROM documents")" "$docs"
}
linked "receipt --out a link to a file" "$T/link-file.pdf" \
    "$PD" --user jane receipt R-T01-000001 --out "$T/link-file.pdf"
linked "receipt --text --out a dangling link" "$T/link-none.pdf" \
    "$PD" --user jane receipt R-T01-000001 --text --out "$T/link-none.pdf"
linked "credit-note pdf --out a link to a file" "$T/link-file.pdf" \
    "$PD" --user jane credit-note pdf CN-T01-00001 --out "$T/link-file.pdf"
linked "--xlsx to a link to a file" "$T/link-file.pdf" \
    env PAYDESK_PIN=2222 "$PD" --user mary --xlsx "$T/link-file.pdf" payments
linked "--xlsx report payers to a dangling link" "$T/link-none.pdf" \
    env PAYDESK_PIN=2222 "$PD" --user mary --xlsx "$T/link-none.pdf" \
    report payers
linked "backup to a dangling link" "$T/link-none.pdf" \
    env PAYDESK_PIN=9999 "$PD" --user admin backup "$T/link-none.pdf"
expect "backup to a link: --force does not help" 14 "a backup goes only to a new file" \
    env PAYDESK_PIN=9999 "$PD" --force --user admin backup "$T/link-none.pdf"
mkdir "$T/rxl"
"$PD" --user jane receipt R-T01-000001 --out "$T/rxl/probe.pdf" >/dev/null
ln -s "$T/precious" "$T/rxl/R-T01-000001.pdf"
rm -f "$T/rxl/probe.pdf"
linked "receipts export into a folder with a link" "$T/rxl/R-T01-000001.pdf" \
    env PAYDESK_PIN=2222 "$PD" --user mary receipts export --dir "$T/rxl"
expect "receipt --force --out a link: written" 0 "" \
    "$PD" --force --user jane receipt R-T01-000001 --out "$T/link-file.pdf"
same "--force: the link is now the file" \
    "$(kind "$T/link-file.pdf")/$(head -c 5 "$T/link-file.pdf")" "regular file/%PDF-"
same "--force: what it pointed to is left alone" "$(cat "$T/precious")" "keep me"
expect "--force --xlsx to a dangling link: written" 0 "" \
    env PAYDESK_PIN=2222 "$PD" --force --user mary --xlsx "$T/link-none.pdf" payments
same "--force: no file where it pointed" "$(ls "$T" | grep -c '^nowhere')" 0
expect "--force still refuses a device" 14 "is a device, not a file" \
    "$PD" --force --user jane receipt R-T01-000001 --out "$T/link-dev"
# --force after the command, where the refusal's advice puts it (review 18)
ln -s "$T/precious" "$T/link-after.pdf"
expect "receipt --out a link --force, after the command: written" 0 "" \
    "$PD" --user jane receipt R-T01-000001 --out "$T/link-after.pdf" --force
same "--force after the command: the link is now the file" \
    "$(kind "$T/link-after.pdf")" "regular file"
ln -s "$T/precious" "$T/link-after2.pdf"
expect "receipt --force --out a link, after the command: written" 0 "" \
    "$PD" --user jane receipt R-T01-000001 --force --out "$T/link-after2.pdf"
same "what it pointed to is left alone" "$(cat "$T/precious")" "keep me"
# the store itself, its journal, another name of it and the
# configuration are regular files no document replaces (review of issue
# 18: receipt --out the store replaced the books with a PDF), --force
# or not
# own NAME TARGET WHAT CMD...: refused (14) naming TARGET as WHAT, the
# store and the configuration as they were, nothing logged
own() {
	name=$1 target=$2 what=$3
	shift 3
	docs=$(sql "SELECT count(*) FROM documents")
	h=$(cksum <"$PAYDESK_CONFIG")
	expect "$name: refused" 14 "$target is $what" "$@"
	same "$name: the store and the configuration as they were" \
	    "$(sql "SELECT count(*) FROM documents")/$(cksum <"$PAYDESK_CONFIG")" \
	    "$docs/$h"
}
sql "PRAGMA user_version" >/dev/null # (the WAL is there)
ln "$DB" "$T/adir/store-too.db"
own "receipt --out the store" "$DB" "the store $DB" \
    "$PD" --user jane receipt R-T01-000001 --out "$DB"
own "receipt --force --out the store's write-ahead log" "$DB-wal" \
    "the store $DB-wal or one of its journals" \
    "$PD" --force --user jane receipt R-T01-000001 --out "$DB-wal"
own "credit-note pdf --out another name of the store (a hard link)" \
    "$T/adir/store-too.db" "the store $DB" \
    "$PD" --user jane credit-note pdf CN-T01-00001 --out "$T/adir/store-too.db"
own "--xlsx to the store by another path" "$T/adir/../store.db" "the store $DB" \
    env PAYDESK_PIN=2222 "$PD" --user mary --xlsx "$T/adir/../store.db" payments
own "receipt --text --out the configuration" "$PAYDESK_CONFIG" \
    "the configuration file $PAYDESK_CONFIG" \
    "$PD" --user jane receipt R-T01-000001 --text --out "$PAYDESK_CONFIG"
rm -f "$T/adir/store-too.db"
expect "the store is still sound" 0 "ok (" "$PD" doctor
expect "a regular file is replaced" 0 "" \
    "$PD" --user jane receipt R-T01-000001 --out "$T/adir/r.pdf"
expect "and replaced again" 0 "" \
    "$PD" --user jane receipt R-T01-000001 --out "$T/adir/r.pdf"
same "the replaced file is a PDF" "$(head -c 5 "$T/adir/r.pdf")" "%PDF-"

# modes under three umasks: documents and exports follow it; the folders
# paydesk makes are 0700 (less the umask)
for u in 022 077 002; do
	want=$(printf '%o' $((0666 & ~0$u)))
	wantd=$(printf '%o' $((0700 & ~0$u)))
	d="$T/u$u"
	(
		umask $u
		mkdir "$d"
		"$PD" --user jane receipt R-T01-000001 --out "$d/r.pdf"
		"$PD" --user jane receipt R-T01-000001 --text --out "$d/r.txt"
		"$PD" --user jane credit-note pdf CN-T01-00001 --out "$d/cn.pdf"
		env PAYDESK_PIN=2222 "$PD" --user mary --xlsx "$d/p.xlsx" payments
		env PAYDESK_PIN=2222 "$PD" --user mary receipts export \
		    --dir "$d/exp/sub"
		printf '[store]\npath = %s/store/s.db\n[receipts]\ndir = %s/rc\n' \
		    "$d" "$d" >"$d.ini"
		"$PD" --config "$d.ini" init
		"$PD" --config "$d.ini" --db "$DB" --user jane receipt \
		    R-T01-000001
	) >"$OUT" 2>&1
	same "umask $u: a receipt PDF is $want" "$(mode "$d/r.pdf")" "$want"
	same "umask $u: a text receipt is $want" "$(mode "$d/r.txt")" "$want"
	same "umask $u: a credit note PDF is $want" "$(mode "$d/cn.pdf")" "$want"
	same "umask $u: an Excel export is $want" "$(mode "$d/p.xlsx")" "$want"
	same "umask $u: an exported receipt is $want" \
	    "$(mode "$(ls "$d"/exp/sub/*.pdf | head -1)")" "$want"
	same "umask $u: the export folder paydesk made is $wantd" \
	    "$(mode "$d/exp/sub")" "$wantd"
	same "umask $u: and its parent" "$(mode "$d/exp")" "$wantd"
	same "umask $u: the receipts folder paydesk made is $wantd" \
	    "$(mode "$d/rc")" "$wantd"
	same "umask $u: the receipt in it is $want" \
	    "$(mode "$(ls "$d"/rc/*.pdf | head -1)")" "$want"
	same "umask $u: the store's folder paydesk made is $wantd" \
	    "$(mode "$d/store")" "$wantd"
	same "umask $u: the store follows the umask" "$(mode "$d/store/s.db")" \
	    "$(printf '%o' $((0644 & ~0$u)))"
done
