# test_export.sh - the back office listings exported as CSV and xlsx from
# the demo store: every cell of the workbook against the CSV, totals
# against the JSON listing, the sort, filters and marks kept, and bad
# input refused with nothing written; an interrupted export leaves no file.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
X="python3 $TOP/tests/tools/xlsx_cells.py"
E="$T/exports"
mkdir -p "$E"

"$PD" demo >/dev/null || exit 1
# the demo's supervisor, whose PIN meets the policy (lib.sh's sup is the
# fixtures' mary)
sup() { PAYDESK_PIN=583920 "$PD" --user mary "$@"; }
cashier() { PAYDESK_PIN=4872 "$PD" --user jane "$@"; } # the demo's jane

# --- the demo shows what real data looks like: every payment that is not
# cash has its reference, cash none (issue 17 review: the demo had none)
same "demo: no card, bank or online payment without a reference" \
    "$(sql "SELECT count(*) FROM payments WHERE method_kind <> 'cash' AND reference = ''")" "0"
same "demo: no cash payment with one" \
    "$(sql "SELECT count(*) FROM payments WHERE method_kind = 'cash' AND reference <> ''")" "0"
same "demo: a card's is an authorisation code, a cheque's its number" \
    "$(sql "SELECT count(*) FROM payments WHERE (method LIKE '%Card' AND reference NOT LIKE 'AUTH %') OR (method = 'Cheque' AND reference NOT LIKE 'CHQ-%')")" "0"
ref=$(sql "SELECT reference FROM payments WHERE method = 'Cheque' ORDER BY id LIMIT 1")
rno=$(sql "SELECT receipt_no FROM payments WHERE reference = '$ref'" | head -1)
expect "demo: a reference finds its payment" 0 "$rno" sup payments --search "$ref"

# check NAME CSV XLSX KINDS: the two exports hold the same cells
check() {
	$X --compare "$2" "$3" "$4" >"$OUT" 2>&1
	if [ $? -eq 0 ]; then ok "$1"; else notok "$1" "cells differ"; fi
}

# json_sum KEY: the sum of KEY over the JSON array in $OUT, as a decimal
json_sum() {
	python3 -c 'import json,sys,decimal
rows=json.load(open(sys.argv[1]))
print(decimal.Decimal(sum(r[sys.argv[2]] for r in rows)).scaleb(-2))' \
	    "$OUT" "$1"
}

# --- payments, one method, sorted by amount
expect "payments CSV" 0 "receipt_no,consumer,account_no,amount" \
    sup --csv payments --method cash --sort amount
cp "$OUT" "$E/pay.csv"
expect "payments xlsx" 0 "Wrote" \
    sup --xlsx "$E/pay.xlsx" payments --method cash --sort amount
check "payments xlsx = CSV, cell by cell" "$E/pay.csv" "$E/pay.xlsx" tttmtdtt
rows=$(sed -n 's/^rows //p' "$OUT")
sum=$(sed -n 's/^sum 4 //p' "$OUT")
run sup --json payments --method cash --limit 0
same "every cash payment exported" "$rows" \
    "$(python3 -c 'import json,sys;print(len(json.load(open(sys.argv[1]))))' "$OUT")"
same "payments total = the JSON listing's" "$sum" "$(json_sum amount)"
same "export keeps the filter" \
    "$(cut -d, -f5 "$E/pay.csv" | tail -n +2 | sort -u | tr -d '\r')" "Cash"
same "export keeps the sort (amount, largest first)" \
    "$(cut -d, -f4 "$E/pay.csv" | tail -n +2 | sort -rn | head -3)" \
    "$(cut -d, -f4 "$E/pay.csv" | tail -n +2 | head -3)"
$X "$E/pay.xlsx" >"$OUT"
has "xlsx header row is the screen's" \
    "$(printf 'str:Receipt #\tstr:Consumer\tstr:Account\tstr:Amount\tstr:Method\tstr:Date\tstr:Type\tstr:Status')"
has "xlsx freezes the header row" "# frozen=1 widths=16,22,12,14,15,12,13,11"
has "xlsx amounts are currency number cells" "money:"
has "xlsx dates are date cells" "date:2025-"
unzip -p "$E/pay.xlsx" xl/styles.xml >"$OUT"
has "xlsx currency format uses the symbol" 'formatCode="&quot;$&quot;#,##0.00"'
# exact NAME CSV XLSX COLUMNS: each number cell of those columns (letters)
# holds the CSV's decimal text, not a double's "%.16G" (77.23999999999999:
# issue 25 review); prints how many it read
cat >"$T/exact.py" <<'PY'
import csv, re, sys, zipfile
c, x, cols = sys.argv[1], sys.argv[2], sys.argv[3]
rows = list(csv.reader(open(c, newline='')))[1:]
xml = zipfile.ZipFile(x).read('xl/worksheets/sheet1.xml').decode()
# the header row is the frozen one's (a heading block above it in an
# analysis report's workbook, issue 23)
top = re.search(r'ySplit="(\d+)"', xml)
top = int(top.group(1)) if top else 1
bad, n = [], 0
for ref, attrs, v in re.findall(r'<c r="([A-Z]+\d+)"([^>]*)><v>([^<]*)</v>', xml):
    col, row = re.match(r'([A-Z]+)(\d+)', ref).groups()
    if col not in cols or ' t="' in attrs or int(row) < top + 1:
        continue
    n += 1
    want = rows[int(row) - top - 1][ord(col) - ord('A')]
    if v != want:
        bad.append('%s: %s, the CSV %s' % (ref, v, want))
print(n, bad[:3])
PY
exact() {
	got=$(python3 "$T/exact.py" "$2" "$3" "$4")
	case $got in
	"0 "*) notok "$1" "no amount read: $got" ;;
	*" []") ok "$1" ;;
	*) notok "$1" "$got" ;;
	esac
}
exact "xlsx amounts are the exact decimals" "$E/pay.csv" "$E/pay.xlsx" D

# --- credit notes
sup --csv credit-notes >"$E/cn.csv"
expect "credit notes xlsx" 0 "Wrote" sup --xlsx "$E/cn.xlsx" credit-notes
check "credit notes xlsx = CSV" "$E/cn.csv" "$E/cn.xlsx" tttmmttdt
exact "credit notes: amount and remaining exact" "$E/cn.csv" "$E/cn.xlsx" DE
cn=$(sed -n 2p "$E/cn.csv" | cut -d, -f1)
rcpt=$(sed -n 2p "$E/cn.csv" | cut -d, -f9 | tr -d '\r')
expect "credit notes by linked receipt" 0 "$cn" \
    cashier credit-notes --receipt "$rcpt"
same "only that receipt's notes" \
    "$(sup --csv credit-notes --receipt "$rcpt" | tail -n +2 | cut -d, -f9 | sort -u | tr -d '\r')" "$rcpt"
acct=$(sed -n 2p "$E/cn.csv" | cut -d, -f3)
same "credit notes by consumer" \
    "$(sup --csv credit-notes --consumer "$acct" | tail -n +2 | cut -d, -f3 | sort -u)" "$acct"

# --- payers: sort by count, limited
sup --csv report payers --sort count --limit 20 >"$E/payers.csv"
expect "payers xlsx" 0 "Wrote 20 rows" \
    sup --xlsx "$E/payers.xlsx" report payers --sort count --limit 20
check "payers xlsx = CSV" "$E/payers.csv" "$E/payers.xlsx" ttmidt
exact "payers: the totals exact" "$E/payers.csv" "$E/payers.xlsx" C
same "payers export sorted by count" \
    "$(cut -d, -f4 "$E/payers.csv" | tail -n +2 | sort -rn | tr '\n' ' ')" \
    "$(cut -d, -f4 "$E/payers.csv" | tail -n +2 | tr '\n' ' ')"

same "payers sorted by account" \
    "$(sup --csv report payers --sort account --limit 5 | tail -n +2 | cut -d, -f2)" \
    "$(sqlite3 "$DB" "SELECT c.account_no FROM payments p JOIN consumers c ON
     c.id = p.consumer_id WHERE p.status = 'Posted' GROUP BY c.id ORDER BY
     c.account_no LIMIT 5")"
same "payers sorted by account within dates" \
    "$(sup --csv report payers --sort account --from 2025-04-01 --limit 5 | tail -n +2 | cut -d, -f2)" \
    "$(sqlite3 "$DB" "SELECT c.account_no FROM payments p JOIN consumers c ON
     c.id = p.consumer_id WHERE p.status = 'Posted' AND p.paid_on >=
     '2025-04-01' GROUP BY c.id ORDER BY c.account_no LIMIT 5")"

sup --csv report payers --sort methods --limit 0 | tail -n +2 >"$T/pm.csv"
same "payers sorted by methods: by the main method, then total paid" \
    "$(python3 -c 'import csv,sys
rows=list(csv.reader(open(sys.argv[1])))
key=[(r[5].split(" ")[0] if r[5] else "", -float(r[2])) for r in rows]
print("sorted" if key == sorted(key) else "not sorted")' "$T/pm.csv")" sorted

# --- aging: buckets add up to the totals
sup --csv report aging --limit 0 >"$E/aging.csv"
expect "aging xlsx" 0 "Wrote" sup --xlsx "$E/aging.xlsx" report aging --limit 0
check "aging xlsx = CSV" "$E/aging.csv" "$E/aging.xlsx" ttmimmmmmm
run sup --json report aging --limit 0
python3 - "$OUT" "$E/aging.csv" >"$T/aging.chk" <<'PY'
import csv, decimal, json, sys
d = json.load(open(sys.argv[1]))
t = d["totals"]
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
names = ["current", "days_1_30", "days_31_60", "days_61_90", "days_over_90"]
keys = ["Current", "1-30", "31-60", "61-90", "90+"]
for k, n in zip(keys, names):
    s = sum(decimal.Decimal(r[n]) for r in rows)
    print("bucket", k, "ok" if s.scaleb(2) == t["buckets"][k] else "bad")
row_ok = all(sum(decimal.Decimal(r[n]) for n in names) ==
             decimal.Decimal(r["total"]) for r in rows)
print("rows", "ok" if row_ok else "bad")
print("total", "ok" if sum(decimal.Decimal(r["total"]) for r in rows).scaleb(2)
      == t["total"] else "bad")
PY
for k in Current 1-30 31-60 61-90 90+; do
	same "aging bucket $k: consumers add up to the total" \
	    "$(sed -n "s/^bucket $k //p" "$T/aging.chk")" ok
done
same "aging rows: buckets add up to the row total" \
    "$(sed -n 's/^rows //p' "$T/aging.chk")" ok
same "aging total = sum of consumers" "$(sed -n 's/^total //p' "$T/aging.chk")" ok
run sup --csv report aging --older-than 90 --limit 0
same "aging --older-than 90 keeps only consumers with 90+ days" \
    "$(tail -n +2 "$OUT" | cut -d, -f9 | tr -d '\r' | grep -c '^0.00$')" 0

# --- the payments search against the ledger read with plain SQL, in date
# order: few matches (read as a set), many matches for one page (tested
# while walking the order), with a date range, and a receipt prefix
want() {
	sqlite3 "$DB" "SELECT p.receipt_no FROM payments p JOIN consumers c ON
	 c.id = p.consumer_id WHERE $1 ORDER BY p.paid_on DESC, p.id DESC $2"
}
got() { sup --csv payments "$@" | tail -n +2 | cut -d, -f1 | tr -d '\r'; }
same "search a name: every match, newest first" \
    "$(got --search GARCIA --limit 0)" \
    "$(want "c.name LIKE '%garcia%'" "")"
same "search a name within dates" \
    "$(got --search garcia --from 2025-01-01 --to 2025-03-31 --limit 0)" \
    "$(want "c.name LIKE '%garcia%' AND p.paid_on BETWEEN '2025-01-01' AND '2025-03-31'" "")"
# (a name's words too, issue 17 review: "o" finds Ann O'Neil)
same "search one letter, one page: name, word or account prefix" \
    "$(got --search o --limit 5)" \
    "$(want "(c.name LIKE 'o%' OR c.name LIKE '% o%' OR c.name LIKE '%-o%' OR c.name LIKE '%''o%' OR c.account_no LIKE 'o%')" "LIMIT 5")"
same "search a receipt prefix, any case" \
    "$(got --search r-t01-00004 --limit 0)" \
    "$(want "p.receipt_no LIKE 'R-T01-00004%'" "")"
same "search with a method: the same rows" \
    "$(got --search garcia --method cash --limit 0)" \
    "$(want "c.name LIKE '%garcia%' AND p.method = 'Cash'" "")"

# --- bad input: clear message, its own status, no file
refused "xlsx with a command that is not a listing" 2 "--xlsx works with" \
    "$PD" --xlsx "$E/k.xlsx" kpi
refused "xlsx without a file" 2 "--xlsx needs a file name" "$PD" --xlsx
refused "xlsx into a missing directory" 7 "$E/nope" \
    sup --xlsx "$E/nope/p.xlsx" payments
refused "bad sort column: usage" 2 '--sort "weight"' cashier payments --sort weight
refused "bad sort direction: usage" 2 '--sort "amount:up"' cashier payments --sort amount:up
refused "bad aging age (a usage error)" 2 '--older-than "45"' sup report aging --older-than 45
refused "unknown consumer" 4 "--consumer" cashier credit-notes --consumer WU-0
same "no file left by the failures" "$(ls "$E" | grep -c -v '\.csv$\|\.xlsx$')" 0
[ ! -e "$E/k.xlsx" ] && ok "refused export wrote nothing" || notok "refused export wrote nothing"

# --- a comma-decimal locale installed (issue 25 review): the numbers a
# machine reads stay "1.5" in the workbook and the PDF, whatever LC_ALL
# says (a library loaded with paydesk sets LC_ALL from the environment)
mkdir -p "$T/loc"
if localedef -i fr_FR -f UTF-8 "$T/loc/fr_FR.UTF-8" >/dev/null 2>&1; then
	fr() { LOCPATH="$T/loc" LC_ALL=fr_FR.UTF-8 LANG=fr_FR.UTF-8 "$@"; }
	fr env PAYDESK_PIN=583920 "$PD" --user mary --xlsx "$E/fr.xlsx" report aging \
	    --limit 0 >/dev/null 2>&1
	unzip -p "$E/fr.xlsx" xl/worksheets/sheet1.xml >"$OUT"
	same "fr_FR.UTF-8: no xlsx cell or width with a decimal comma" \
	    "$(grep -c '<v>-\{0,1\}[0-9]*,[0-9]\|width="[0-9]*,[0-9]' "$OUT")" 0
	has "fr_FR.UTF-8: the amounts are decimal numbers" "<v>"
	fr env PAYDESK_PIN=4872 "$PD" --user jane receipt R-T01-000001 \
	    --out "$T/fr.pdf" >/dev/null 2>&1
	same "fr_FR.UTF-8: the receipt PDF reads back without an error" \
	    "$(pdftotext "$T/fr.pdf" /dev/null 2>&1 | head -3)" ""
	rm -f "$E/fr.xlsx"
else
	echo "# skip: localedef cannot build fr_FR.UTF-8 here"
fi

# --- an interrupted export leaves no file: grow the ledger so the export
# has rows to spare, and interrupt it at a known place, with no timing
# (CI of 3eaaff1a: an interrupt 0.3 s after its file appeared, then 0.05
# s, came after the last row on a quiet machine). The export runs with
# its standard error on a terminal of its own, in a background process
# group, the terminal's tostop set: its first progress line, written once
# its file is begun and before the first row (xrun_open_cols,
# src/service/export.c), stops it (SIGTTOU). Stopped, it is interrupted;
# tostop cleared, it goes on: its interrupt flag is read at each progress
# check, every PROGRESS_EVERY (256) rows (export_progress_line,
# src/cli/out.c), so it stops after 256 rows of the 64,932.
grow_ledger 20 || exit 1
stopped_export() {
	python3 - "$E" "$@" <<'PY'
import fcntl, glob, os, signal, sys, termios

edir, argv = sys.argv[1], sys.argv[2:]
master, slave = os.openpty()


def tostop(on):
    a = termios.tcgetattr(slave)
    a[3] = a[3] | termios.TOSTOP if on else a[3] & ~termios.TOSTOP
    termios.tcsetattr(slave, termios.TCSANOW, a)


def say(text):  # to the terminal, read with the export's lines
    os.write(slave, ("stopped_export: " + text + "\n").encode())


tostop(True)
lead = os.fork()
if lead == 0:
    # the session of the terminal, its foreground group; the export in
    # a group of its own, in the background
    os.close(master)
    os.setsid()
    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
    pid = os.fork()
    if pid == 0:
        os.setpgid(0, 0)
        os.dup2(slave, 2)
        os.execvp(argv[0], argv)
    os.setpgid(pid, pid)
    _, st = os.waitpid(pid, os.WUNTRACED)
    if not os.WIFSTOPPED(st) or os.WSTOPSIG(st) != signal.SIGTTOU:
        say("not stopped by its first progress line: %d" % st)
        os._exit(97)
    if not glob.glob(edir + "/big.xlsx.*"):
        say("stopped before its file was begun")
        os.kill(pid, signal.SIGKILL)
        os._exit(98)
    os.kill(pid, signal.SIGINT)
    tostop(False)
    os.kill(pid, signal.SIGCONT)
    _, st = os.waitpid(pid, 0)
    os._exit(os.waitstatus_to_exitcode(st) & 255)
os.close(slave)
out = b""
while True:
    try:
        b = os.read(master, 4096)
    except OSError:  # EIO: the terminal's last holder has gone
        break
    if not b:
        break
    out += b
_, st = os.waitpid(lead, 0)
sys.stdout.buffer.write(out)
sys.exit(os.waitstatus_to_exitcode(st))
PY
}
stopped_export env PAYDESK_PIN=583920 "$PD" --user mary --xlsx "$E/big.xlsx" \
    payments >"$OUT" 2>&1
RC=$?
same "interrupted export exits 9" "$RC" 9
has "interrupted export says so" "Export cancelled after"
same "interrupted at the first progress check after the interrupt" \
    "$(grep -o 'cancelled after [0-9,]* rows*' "$OUT")" \
    "cancelled after 256 rows"
same "interrupted export left no file" "$(ls "$E" | grep -c big)" 0
