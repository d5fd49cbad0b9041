# test_errors.sh - every kind of bad input: the message says what and
# where, the exit status says what kind, and the store does not change.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"

expect "no store yet: not found, says how to make one" 4 "paydesk init" \
    cashier consumer search john
setup_store
cp "$DATA/bills.csv" "$T/ok-bills.csv"

# usage (2)
expect "unknown command" 2 'Unknown command "frobnicate"' "$PD" frobnicate
expect "unknown global option" 2 "Unknown option --colour" "$PD" --colour kpi
expect "unknown command option" 2 "unknown option --colour" \
    cashier payments --colour red
expect "option without its value" 2 "--limit needs a value" \
    cashier payments --limit
expect "missing argument" 2 "missing argument" cashier consumer show
expect "extra argument" 2 'unexpected argument "b"' cashier consumer show a b
expect "global option without value" 2 "--db needs a value" "$PD" --db
# an option's value given twice: refused, not the last taken silently
# (review s48), whatever the command
refused "pay --amount twice" 2 "pay: --amount is given twice: give it once" \
    cashier pay WU-10001 --type bill --method Cash --amount 1 \
    --amount 2
refused "pay --method twice, even the same" 2 "--method is given twice" \
    cashier pay WU-10001 --type bill --method Cash --amount 1 \
    --method Cash
refused "credit-note create --reason twice" 2 "--reason is given twice" \
    env PAYDESK_PIN=2222 "$PD" --user mary credit-note create R-T01-000001 \
    --amount 1 --reason "Customer Request" --reason Other
expect "payments --limit twice" 2 "payments: --limit is given twice" \
    cashier payments --limit 1 --limit 2
# the global options too (review s48, helper-214: --user rita --user
# mary signed in as mary with rita's PIN, a try counted against mary)
refused "--user twice" 2 "--user is given twice: give it once" \
    "$PD" --user jane --user mary payments
same "no sign-in tried" "$(sql "SELECT count(*) FROM audit_log WHERE action = 'login_failed'")" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'login_failed'")"
refused "--db twice" 2 "--db is given twice" "$PD" --db "$DB" --db "$DB" payments
refused "two output modes" 2 \
    "An output mode (--json, --csv or --xlsx) is given twice: give it once" \
    cashier --json --csv payments
refused "--xlsx beside --json" 2 "An output mode" \
    cashier --xlsx "$T/two.xlsx" --json payments
[ ! -e "$T/two.xlsx" ] && ok "no workbook written" || notok "no workbook written" "$T/two.xlsx written"
refused "a flag twice stays harmless" 0 "nothing posted" cashier pay WU-10001 \
    --type bill --method Cash --amount 1 --preview --preview
expect "bad --limit" 2 '--limit "ten"' cashier payments --limit ten
refused "pay without --type" 2 "--type is required" \
    env PAYDESK_PIN=1234 "$PD" --user jane pay WU-10001 --method Cash \
    --amount 1
refused "void without --reason" 2 "--reason is required" \
    env PAYDESK_PIN=2222 "$PD" --user mary payment void X

# config (3)
printf '[payments]\nthreshold = 5\n' >"$T/bad.ini"
expect "unknown config key names file, section and key" 3 \
    "$T/bad.ini: [payments] unknown key \"threshold\"" \
    "$PD" --config "$T/bad.ini" kpi
printf '[credit_notes]\nexpiry_days = ten\n' >"$T/bad.ini"
expect "bad config value" 3 "[credit_notes] expiry_days: \"ten\"" \
    "$PD" --config "$T/bad.ini" kpi
printf '[payments\nx = 1\n' >"$T/bad.ini"
expect "config syntax error" 3 "$T/bad.ini" "$PD" --config "$T/bad.ini" kpi
expect "missing config file" 3 "cannot read" "$PD" --config "$T/none.ini" kpi
PAYDESK_CONFIG="$T/none.ini" \
    expect "missing \$PAYDESK_CONFIG file" 3 "none.ini" "$PD" kpi

# not found (4)
expect "unknown account" 4 'No consumer with account number "WU-99999"' \
    cashier consumer show WU-99999
expect "unknown payment" 4 'No payment with payment id' \
    cashier payment show R-NOPE
expect "unknown credit note" 4 'No credit note "CN-NOPE"' \
    cashier credit-note show CN-NOPE
refused "unknown item" 4 'reference "INV-NOPE"' \
    env PAYDESK_PIN=1234 "$PD" --user jane pay WU-10001 --type bill \
    --items INV-NOPE --method Cash --amount 1
refused "import file missing" 4 "No such file" \
    env PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/nope.csv"

# permission (5)
refused "pay needs a login" 5 "needs a logged-in user" \
    "$PD" pay WU-10001 --type bill --method Cash --amount 1
expect "wrong PIN" 5 "Wrong user name or PIN" \
    env PAYDESK_PIN=0000 "$PD" --user admin kpi
same "a wrong PIN is counted and audited" \
    "$(sql "SELECT failed_logins FROM users WHERE username = 'admin'")/$(sql \
    "SELECT count(*) FROM audit_log WHERE action = 'login_failed'")" 1/1
expect "the right PIN clears the count" 0 "Total collected" \
    env PAYDESK_PIN=9999 "$PD" --user admin kpi
# an unknown name is answered, counted and audited like a wrong PIN
# (issue 18 section 5), so the store records the try
expect "unknown user" 5 'Wrong user name or PIN for "ghost" (1 of 5 tries' \
    env PAYDESK_PIN=0000 "$PD" --user ghost kpi
same "an unknown user's try is counted" \
    "$(sql "SELECT failed FROM login_misses WHERE username = 'ghost'")" 1
refused "cashier cannot void" 5 "needs the supervisor role" \
    env PAYDESK_PIN=1234 "$PD" --user jane payment void R-X --reason x
refused "cashier cannot create credit notes" 5 "supervisor" \
    env PAYDESK_PIN=1234 "$PD" --user jane credit-note create R-X \
    --amount 1 --reason Other
refused "cashier cannot import" 5 "supervisor" \
    env PAYDESK_PIN=1234 "$PD" --user jane import bills "$T/ok-bills.csv"
refused "supervisor cannot import users" 5 "admin" \
    env PAYDESK_PIN=2222 "$PD" --user mary import users "$DATA/users.csv"

# every command of the table without a sign-in (issue 18): the ones that
# need a role (paydesk(1), ROLES AND SIGN-IN) refuse with 5 and print
# nothing (no heading, no "[]", no CSV header) before their message, and
# change nothing; the others stay open. The list must name every command
# of `paydesk --help`: a new command without a decision fails here.
walk_roles() {
	cat <<'WALK'
init|none|init
config|none|config
demo|none|demo
import|supervisor|import bills T/ok-bills.csv
consumer search|cashier|consumer search john
consumer show|cashier|consumer show WU-10001
pay|cashier|pay WU-10001 --type bill --method Cash --amount 1
payment show|cashier|payment show R-X
payment void|supervisor|payment void R-X --reason x
payment verify|supervisor|payment verify R-X
payments|cashier|payments
credit-note create|supervisor|credit-note create R-X --amount 1 --reason Other
credit-note apply|cashier|credit-note apply CN-X --to INV-X --amount 1
credit-note void|supervisor|credit-note void CN-X --reason x
receipt|cashier|receipt R-X
receipts export|supervisor|receipts export --dir T/rx
credit-note pdf|cashier|credit-note pdf CN-X
credit-note show|cashier|credit-note show CN-X
credit-notes|cashier|credit-notes
kpi|none|kpi
report payers|supervisor|report payers
report aging|supervisor|report aging
report forecast|supervisor|report forecast
statement import|supervisor|statement import T/ok-bills.csv
statement list|supervisor|statement list
statement show|supervisor|statement show 1
statement mapping|supervisor|statement mapping add bank date=1 amount=2
sync|none|sync --status
keys|none|keys
audit verify|none|audit verify
audit reanchor|supervisor|audit reanchor --reason x
doctor|none|doctor
backup|admin|backup T/walk.db
shift open|cashier|shift open --count 10000x1
shift status|cashier|shift status
shift drop|cashier|shift drop 100 --reason Float
shift x|cashier|shift x
shift close|cashier|shift close --count 100x1
shift list|cashier|shift list
shift show|cashier|shift show Z-X
shift z|cashier|shift z Z-X
arrangement preview|cashier|arrangement preview WU-10001 --installments 3 --frequency monthly --first-due 2025-07-31
arrangement create|recovery|arrangement create WU-10001 --installments 3 --frequency monthly --first-due 2025-07-31 --reason x
arrangement show|cashier|arrangement show AR-X
arrangement list|cashier|arrangement list
arrangement reschedule|recovery|arrangement reschedule AR-X --installments 2 --frequency monthly --first-due 2025-07-31 --reason x
arrangement cancel|recovery|arrangement cancel AR-X --reason x
alerts|recovery|alerts
alerts show|recovery|alerts show 1
alerts ack|recovery|alerts ack 1
alerts assign|recovery|alerts assign 1 mary
alerts note|recovery|alerts note 1 x
alerts close|recovery|alerts close 1
alerts pass|supervisor|alerts pass
disconnections|recovery|disconnections
reconnections|recovery|reconnections
dispute open|recovery|dispute open R-X --reason other
dispute list|recovery|dispute list
dispute show|recovery|dispute show DP-X
dispute review|recovery|dispute review DP-X
dispute uphold|supervisor|dispute uphold DP-X --void
dispute reject|recovery|dispute reject DP-X --note x
gateway list|cashier|gateway list
gateway associate|supervisor|gateway associate GX WU-10001 --reason x
gateway disassociate|supervisor|gateway disassociate GX --reason x
deposit create|supervisor|deposit create Z-X --slip B1 --account A1
deposit list|supervisor|deposit list
deposit show|supervisor|deposit show B1
deposit hand|supervisor|deposit hand B1
deposit void|supervisor|deposit void B1 --reason x
deposit pending|supervisor|deposit pending
deposit slip|supervisor|deposit slip B1
deposit match|supervisor|deposit match
deposit unmatch|supervisor|deposit unmatch B1 --note x
report exceptions|supervisor|report exceptions
report reconciliation|supervisor|report reconciliation
report arrangements|recovery|report arrangements
reconcile resolve|supervisor|reconcile resolve not_credited:B1 --note x
reconcile resolved|supervisor|reconcile resolved
reconcile match|supervisor|reconcile match 1:1 --payment P1 --note x
reconcile unmatch|supervisor|reconcile unmatch 1:1 --note x
user set|admin|user set jane --team x
report deteriorating|supervisor|report deteriorating
report anomalies|supervisor|report anomalies
dashboard tiles|none|dashboard tiles
WALK
}
# (the names' column is as wide as the widest name, two spaces after it)
"$PD" --help 2>&1 | sed -n -e 's/^  \([a-z-]*\( [a-z]*\)\?\)  .*/\1/p' |
    sed 's/ *$//' | sort >"$T/table"
walk_roles | cut -d'|' -f1 | sort >"$T/walked"
same "the walk names every command of the table" \
    "$(comm -3 "$T/table" "$T/walked" | tr -s '\t\n' '  ')" ""
walk_roles | while IFS='|' read -r name role args; do
	# shellcheck disable=SC2086 # the arguments are words
	set -- $(echo "$args" | sed "s|T/|$T/|g")
	before=$(snapshot)
	"$PD" "$@" >"$T/so" 2>"$T/se"
	rc=$?
	if [ "$role" = none ]; then
		# (demo refuses a store with data, 5, for what it holds)
		if [ "$rc" -eq 5 ] && grep -q "needs a logged-in user" "$T/se"; then
			echo "not ok - $name: open without a sign-in ($(cat "$T/se"))"
		else
			ok "$name: open without a sign-in"
		fi
		continue
	fi
	if [ "$rc" -eq 5 ] && grep -q "needs a logged-in user" "$T/se" &&
	    [ ! -s "$T/so" ] && [ "$before" = "$(snapshot)" ]; then
		ok "$name: needs the $role role, refused with nothing printed"
	else
		echo "not ok - $name: needs the $role role: exit $rc, printed [$(head -c 200 "$T/so")] [$(head -c 200 "$T/se")]"
	fi
done
# (s74 fault 6) each command's arguments given empty: a usage error (2)
# that names the argument as the synopsis does ("RECEIPT is empty"), or
# the use case's words for a free text ("The note is required"), never
# "argument N is empty"; the positional arguments are the walk's words
# after the command's before its first option
# blank_run K WORD...: paydesk, as admin, with the words, the K-th empty
blank_run() {
	bk=$1
	shift
	bj=0 bn=$#
	while [ $bj -lt $bn ]; do
		bj=$((bj + 1))
		ba=$1
		shift
		[ $bj -eq "$bk" ] && ba=""
		set -- "$@" "$ba"
	done
	env PAYDESK_PIN=9999 "$PD" --user admin "$@" >"$T/so" 2>"$T/se"
}
walk_roles | while IFS='|' read -r name role args; do
	# shellcheck disable=SC2086 # the arguments are words
	set -- $(echo "$args" | sed "s|T/|$T/|g")
	nw=$(echo "$name" | wc -w)
	k=0
	for w in "$@"; do
		k=$((k + 1))
		[ $k -le "$nw" ] && continue
		case $w in -*) break ;; esac
		blank_run $k "$@"
		rc=$?
		if grep -q "argument [0-9]* is empty" "$T/se"; then
			echo "not ok - $name: word $((k - nw)) empty: $(cat "$T/se")"
		elif [ "$rc" -eq 2 ] && grep -q "is empty or blank" "$T/se" &&
		    ! grep -q "^paydesk: $name: [^ ]* is empty or blank" "$T/se"; then
			echo "not ok - $name: word $((k - nw)) empty: not named: $(cat "$T/se")"
		else
			ok "$name: word $((k - nw)) empty: said by its name ($rc: $(head -c 90 "$T/se"))"
		fi
	done
done
[ -e "$T/walk.db" ] && echo "not ok - no backup was written without a sign-in" ||
    ok "no backup was written without a sign-in"
# the listings that need a supervisor for machine output: nothing
# before the refusal in JSON or CSV either
for m in --json --csv; do
	for l in "report payers" "report aging" "report forecast" payments \
	    credit-notes; do
		# shellcheck disable=SC2086
		"$PD" $m $l >"$T/so" 2>"$T/se"
		rc=$?
		[ "$rc" -eq 5 ] && [ ! -s "$T/so" ] &&
		    ok "$m $l without a sign-in: 5 and nothing printed" ||
		    echo "not ok - $m $l without a sign-in: exit $rc, printed [$(head -c 200 "$T/so")]"
	done
done
# a cashier's refusals and a bad option: the message alone
for l in "report payers" "report aging" "report forecast"; do
	# shellcheck disable=SC2086
	PAYDESK_PIN=1234 "$PD" --user jane $l >"$T/so" 2>"$T/se"
	rc=$?
	[ "$rc" -eq 5 ] && [ ! -s "$T/so" ] &&
	    ok "$l as a cashier: 5 and nothing printed" ||
	    echo "not ok - $l as a cashier: exit $rc, printed [$(head -c 200 "$T/so")]"
done
PAYDESK_PIN=1234 "$PD" --user jane --json report payers >"$T/so" 2>"$T/se"
rc=$?
[ "$rc" -eq 5 ] && [ ! -s "$T/so" ] &&
    ok "--json report payers as a cashier: 5 and no \"[]\"" ||
    echo "not ok - --json report payers as a cashier: exit $rc, printed [$(cat "$T/so")]"
for bad in "--sort bogus" "--older-than 45" "--from 2025-13-01" "--limit x"; do
	case $bad in --older-than*) l=aging ;; *) l=payers ;; esac
	# shellcheck disable=SC2086
	PAYDESK_PIN=2222 "$PD" --user mary report $l $bad >"$T/so" 2>"$T/se"
	rc=$?
	[ "$rc" -ne 0 ] && [ ! -s "$T/so" ] &&
	    ok "report $l $bad: refused, nothing printed first" ||
	    echo "not ok - report $l $bad: exit $rc, printed [$(head -c 200 "$T/so")]"
done

# validation (3): money
export PAYDESK_PIN=1234
for a in 145.505 1e3 -0 12,50 abc 145. ""; do
	refused "amount \"$a\" refused" 3 "--amount" \
	    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount "$a"
done
# spaces around an amount make it malformed, as in an import's column
# (review s50: " 12" was 12.00), in every option that takes money
nl='
'
for a in " 12" "12 " "	12" "12	" "12$nl" " 12.00 " " $(printf '\302\240')12"; do
	refused "amount \"$a\" with spaces around refused" 3 \
	    "spaces before or after the amount" \
	    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount "$a"
done
refused "--tendered \" 100\" refused" 3 "--tendered \" 100\": spaces" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 100 \
    --tendered " 100"
refused "credit-note create --amount \"5 \" refused" 3 "--amount \"5 \": spaces" \
    env PAYDESK_PIN=2222 "$PD" --user mary credit-note create R-X \
    --amount "5 " --reason Other
refused "credit-notes --min \" 1\" refused" 3 "--min \" 1\": spaces" \
    env PAYDESK_PIN=2222 "$PD" --user mary credit-notes --min " 1"
# whole numbers: a digit first, as spaces and a sign are no number
for n in " 3" "3 " "+3"; do
	refused "--limit \"$n\" refused" 2 "--limit \"$n\": give a whole number" \
	    "$PD" --user jane payments --limit "$n"
done
refused "amount 0 refused" 3 "greater than zero" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 0
refused "over the threshold" 3 "exceeds the outstanding" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 800.01
refused "cash received below the amount" 3 "less than the amount" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 100 \
    --tendered 99.99
refused "tendered on a card" 3 "cash payments only" \
    "$PD" --user jane pay WU-10001 --type bill --method "Credit Card" \
    --amount 100 --tendered 100
# a large change needs --confirm-change, as the screens ask (issue 17)
refused "change of 99,930.00 on a 70.00 bill needs confirming" 15 \
    'Change of $99,930.00: is $100,000.00 really the amount received?' \
    "$PD" --user jane pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 70 --tendered 100000
has "and says how to confirm it" "give --confirm-change to post it"
has "naming the configured limit" '$100.00, payments.change_confirm'
refused "a cent of change above the limit needs confirming too" 15 \
    'Change of $100.01' \
    "$PD" --user jane pay WU-10001 --type bill --items INV-2025-001234 \
    --method Cash --amount 70 --tendered 170.01
refused "in Spanish, with its own exit status" 15 "--confirm-change" \
    env LANGUAGE=es "$PD" --user jane pay WU-10001 --type bill --method Cash \
    --amount 70 --tendered 1000
refused "unknown method lists the configured ones" 3 "Bank Transfer" \
    "$PD" --user jane pay WU-10001 --type bill --method Bitcoin --amount 1
refused "unknown channel" 3 'Channel "Drone"' \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1 \
    --channel Drone
refused "unknown type: usage" 2 '--type "rent": must be bill, service' \
    "$PD" --user jane pay WU-10001 --type rent --method Cash --amount 1
refused "future date" 3 "in the future" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1 \
    --date 2025-04-21
refused "impossible date" 3 "no such day" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1 \
    --date 2025-02-29
refused "item of another type" 3 "choose --type service" \
    "$PD" --user jane pay WU-10001 --type bill --items SRV-2025-0418 \
    --method Cash --amount 1
# (review s48: "is a service, not a installment")
refused "item of another type, named as typed" 3 \
    "Item SRV-2025-0418 is of type service, not installment; choose --type service" \
    "$PD" --user jane pay WU-10001 --type installment --items SRV-2025-0418 \
    --method Cash --amount 1
refused "item of another consumer" 3 "belongs to another consumer" \
    "$PD" --user jane pay WU-10001 --type bill --items INV-2025-002001 \
    --method Cash --amount 1
refused "item listed twice" 3 "listed twice" \
    "$PD" --user jane pay WU-10001 --type bill \
    --items INV-2025-001234,INV-2025-001234 --method Cash --amount 1
refused "notes too long" 3 "the limit is 250" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1 \
    --notes "$(printf '%0300d' 0)"
expect "a payment to refer to" 0 "R-T01-000001" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 145.50 \
    --items INV-2025-001234

export PAYDESK_PIN=2222
refused "credit over the payment" 3 "maximum \$145.50" \
    "$PD" --user mary credit-note create R-T01-000001 --amount 145.51 \
    --reason Other
refused "credit reason required from the list" 3 "Refund Request" \
    "$PD" --user mary credit-note create R-T01-000001 --amount 1 \
    --reason Whim
refused "remarks too long" 3 "the limit is 500" \
    "$PD" --user mary credit-note create R-T01-000001 --amount 1 \
    --reason Other --remarks "$(printf '%0501d' 0)"
expect "a credit note to apply" 0 "CN-T01-00001" \
    "$PD" --user mary credit-note create R-T01-000001 --amount 5 \
    --reason "Customer Request"
refused "apply to another consumer's item" 3 "belongs to another consumer" \
    "$PD" --user mary credit-note apply CN-T01-00001 --to INV-2025-002001 \
    --amount 1
refused "apply more than remains" 3 "remaining balance \$5.00" \
    "$PD" --user mary credit-note apply CN-T01-00001 --to INV-2025-001567 \
    --amount 6
# a required text of blanks only (spaces, tabs) is said to be blank,
# status 3 as a note's text, nothing changed (helper-258, fault 7: "Reason
# is required", though one was given)
for b in "   " "	" " 	 "; do
	refused "payment void --reason \"$b\": blank" 3 \
	    "Void reason is blank (spaces only): write one" \
	    "$PD" --user mary payment void R-T01-000001 --reason "$b"
	refused "credit-note void --reason \"$b\": blank" 3 \
	    "Void reason is blank (spaces only): write one" \
	    "$PD" --user mary credit-note void CN-T01-00001 --reason "$b"
	refused "credit-note create --reason \"$b\": blank, the list said" 3 \
	    "The reason is blank (spaces only); choose one of: Overpayment" \
	    "$PD" --user mary credit-note create R-T01-000001 --amount 1 \
	    --reason "$b"
	refused "arrangement create --reason \"$b\": blank" 3 \
	    "Reason is blank (spaces only): write one" \
	    env PAYDESK_PIN=9999 "$PD" --user admin arrangement create \
	    WU-10001 --installments 3 --frequency monthly \
	    --first-due 2025-07-31 --reason "$b"
	refused "gateway associate --reason \"$b\": blank" 3 \
	    "Reason is blank (spaces only): write one" \
	    "$PD" --user mary gateway associate GX WU-10001 --reason "$b"
	refused "deposit void --reason \"$b\": blank" 3 \
	    "Reason is blank (spaces only): write one" \
	    "$PD" --user mary deposit void B1 --reason "$b"
done
# empty, it is required, as before
refused "payment void --reason \"\": required" 3 "Void reason is required" \
    "$PD" --user mary payment void R-T01-000001 --reason ""
expect "void once" 0 "voided" \
    "$PD" --user mary payment void R-T01-000001 --reason "test"
refused "void twice" 3 "already voided" \
    "$PD" --user mary payment void R-T01-000001 --reason again
refused "verify a posted payment" 3 "only Pending" \
    "$PD" --user mary payment verify R-T01-000001
refused "date range backwards" 3 "is after" \
    cashier payments --from 2025-05-01 --to 2025-04-01
# a value not of a date's form is usage (2), one of the form that is no
# real day or month validation (3): one rule for every date, month and
# period (paydesk(1) EXIT STATUS; tests/cli/test_date_status.sh)
refused "bad filter date: not of a date's form (2)" 2 '--from "2025-4-1": not a date' \
    cashier payments --from 2025-4-1
# a list's word of none: a usage error, as a report's (review s52: 3)
refused "bad status filter: usage" 2 '--status "done": one of Posted, Pending' \
    cashier payments --status done
refused "bad type filter: usage" 2 '--type "rent": one of bill, service, installment' \
    cashier payments --type rent
refused "bad sort: usage" 2 '--sort "weight": one of date, receipt' \
    cashier payments --sort weight
refused "receipts export's bad status filter: usage" 2 '--status "done": one of' \
    env PAYDESK_PIN=2222 "$PD" --user mary receipts export --dir "$T/exp-st" --status done
refused "credit-notes: bad status: usage" 2 '--status "open": one of All, Active' \
    cashier credit-notes --status open
refused "credit-notes: bad --remaining: usage" 2 '--remaining "some": one of used' \
    cashier credit-notes --remaining some
refused "bad month: no such month (3)" 3 '--month "2025-13": no such month' \
    "$PD" kpi --month 2025-13
# a usage error names a help page that exists: the command's, never its
# second word (`paydesk help pdf` has no page)
refused "credit-note pdf: the help page named is credit-note's" 2 \
    "pdf: unknown option --bogus (see \`paydesk help credit-note\`)" \
    "$PD" credit-note pdf --bogus
refused "credit-note apply: a missing argument, the same page" 2 \
    "apply: missing argument (see \`paydesk help credit-note\`)" \
    "$PD" credit-note apply
expect "paydesk help credit-note shows it" 0 "paydesk credit-note pdf" \
    "$PD" help credit-note
refused "bad credit amount range" 3 "--min" cashier credit-notes --min 1e2
refused "unknown reason filter: usage" 2 '--reason "Whim" is not a configured reason' \
    cashier credit-notes --reason Whim

# imports: all or nothing, file:line:column and the field
export PAYDESK_PIN=9999
bad_import() {
	name=$1 kind=$2 needle=$3
	shift 3
	printf "$@" >"$T/bad.csv"
	refused "import: $name" 3 "$needle" \
	    "$PD" --user admin import "$kind" "$T/bad.csv"
}
bad_import "bad amount on line 3" bills "bad.csv:3:27: amount:" \
'invoice_no,account_no,period,amount,issued_on,due_on
INV-9-1,WU-10001,May 2025,10.00,2025-06-01,2025-06-15
INV-9-2,WU-10001,Jun 2025,12.505,2025-07-01,2025-07-15
'
bad_import "unknown account" bills "bad.csv:2:9: account_no:" \
'invoice_no,account_no,period,amount,issued_on,due_on
INV-9-1,WU-77777,May 2025,10.00,2025-06-01,2025-06-15
'
bad_import "duplicate invoice" bills 'bad.csv:3:1: invoice_no: "INV-9-1" already exists' \
'invoice_no,account_no,period,amount,issued_on,due_on
INV-9-1,WU-10001,May 2025,10.00,2025-06-01,2025-06-15
INV-9-1,WU-10001,May 2025,10.00,2025-06-01,2025-06-15
'
bad_import "due before issue" bills "Due date 2025-05-15 is before" \
'invoice_no,account_no,period,amount,issued_on,due_on
INV-9-1,WU-10001,May 2025,10.00,2025-06-01,2025-05-15
'
bad_import "unknown column" consumers 'unknown column "colour"' \
'account_no,name,service_address,phone,email,segment,colour
WU-9,A,B,1,,x,red
'
bad_import "missing column" consumers 'column "segment" is missing' \
'account_no,name,service_address,phone,email
WU-9,A,B,1,
'
bad_import "wrong field count" consumers "bad.csv:3: 5 fields" \
'account_no,name,service_address,phone,email,segment
WU-9,A,B,1,,x
WU-8,A,B,1,
'
bad_import "unterminated quote" consumers "bad.csv:2:6: quoted field" \
'account_no,name,service_address,phone,email,segment
WU-9,"A,B,1,,x
'
bad_import "invalid UTF-8" consumers "invalid UTF-8" \
'account_no,name,service_address,phone,email,segment
WU-9,\377\376,B,1,,x
'
bad_import "empty name" consumers "bad.csv:2:6: name: A value is required" \
'account_no,name,service_address,phone,email,segment
WU-9,,B,1,,x
'
bad_import "bad phone" consumers "phone" \
'account_no,name,service_address,phone,email,segment
WU-9,A,B,call me,,x
'
bad_import "empty file" consumers "the file is empty" ''
bad_import "bad installment number" installments 'not an installment number' \
'plan_id,account_no,number,amount,due_on
PP-9,WU-10001,first,10.00,2025-06-15
'
bad_import "short PIN" users "bad.csv:2:24: pin: PIN must be 4 to 12 digits" \
'username,full_name,role,pin
sam,Sam Okafor,cashier,12
'
bad_import "unknown role" users "bad.csv:2:16: role:" \
'username,full_name,role,pin
sam,Sam Okafor,boss,1234
'
refused "unknown import kind" 2 'Unknown import "meters"' \
    "$PD" --user admin import meters "$DATA/bills.csv"

# the change at the limit posts, and above it with --confirm-change
export PAYDESK_PIN=1234
expect "change of exactly the limit posts unasked" 0 "Change given     \$100.00" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 1 \
    --tendered 101
expect "--confirm-change posts a large change" 0 "Change given     \$998.00" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 2 \
    --tendered 1000 --confirm-change
printf '[payments]\nchange_confirm = 0\n' >>"$PAYDESK_CONFIG"
expect "change_confirm = 0: never asked" 0 "Change given     \$997.00" \
    "$PD" --user jane pay WU-10001 --type bill --method Cash --amount 3 \
    --tendered 1000

# store errors (6)
printf 'this is not a database, just text\n%01000d\n' 0 >"$T/junk.db"
expect "a file that is not a store" 6 "junk.db" \
    "$PD" --db "$T/junk.db" kpi
expect "backup onto an existing file" 3 "already exists" \
    env PAYDESK_PIN=9999 "$PD" --user admin backup "$DATA/users.csv"

# libcurl is loaded at the first sync, not at every start (dynlib.h): a
# libcurl that lacks its functions (a stand-in on LD_LIBRARY_PATH) is
# named by the sync, status 10 as the central node not reached, and the
# payments stay queued; a payment, which needs no sync, still posts
curl_so=$(strings -a "$PD" | grep -m1 '^libcurl\.so\.[0-9]*$')
mkdir -p "$T/fakelib"
printf 'int paydesk_stand_in;\n' >"$T/stand_in.c"
if [ -n "$curl_so" ] &&
    cc -shared -fPIC -o "$T/fakelib/$curl_so" "$T/stand_in.c" 2>/dev/null; then
	cp "$PAYDESK_CONFIG" "$T/sync.ini"
	printf '[sync]\nurl = http://127.0.0.1:9\ntoken = t0k3n\n' >>"$T/sync.ini"
	queued=$(sql "SELECT count(*) FROM outbox")
	expect "sync without a working libcurl: the library named" 10 \
	    "Syncing with the central node needs $curl_so, which lacks curl_global_init" \
	    env LD_LIBRARY_PATH="$T/fakelib" "$PD" --config "$T/sync.ini" sync
	same "and the records stay queued" "$(sql "SELECT count(*) FROM outbox")" \
	    "$queued"
	expect "sync --status shows why the last sync failed" 0 "needs $curl_so" \
	    "$PD" --config "$T/sync.ini" sync --status
	expect "a payment posts without libcurl" 0 "Change given" \
	    env LD_LIBRARY_PATH="$T/fakelib" "$PD" --config "$T/sync.ini" \
	    --user jane pay WU-10001 --type bill --method Cash --amount 4 \
	    --tendered 10
	expect "and with libcurl the sync tries the network" 10 "127.0.0.1:9" \
	    "$PD" --config "$T/sync.ini" sync
else
	echo "not ok - libcurl's stand-in: no soname in $PD or no cc"
fi

# so are the documents' libraries (src/doc/doclibs.h, export.c): a
# libharu without its functions fails the receipt (status 7, the
# library named) after the payment is committed; a libxlsxwriter that is
# no library fails a workbook with nothing written, and CSV still works
hpdf_so=$(strings -a "$PD" | grep -m1 '^libhpdf-[0-9.]*\.so$')
xlsx_so=$(strings -a "$PD" | grep -m1 '^libxlsxwriter\.so\.[0-9]*$')
if [ -n "$hpdf_so" ] && [ -n "$xlsx_so" ] &&
    cc -shared -fPIC -o "$T/fakelib/$hpdf_so" "$T/stand_in.c" 2>/dev/null; then
	printf 'not a library\n' >"$T/fakelib/$xlsx_so"
	before=$(sql "SELECT count(*) FROM payments")
	expect "a receipt without libharu: the library named, status 7" 7 \
	    "its receipt could not be written (paydesk receipt tries again): Writing a PDF needs $hpdf_so, which lacks HPDF_" \
	    env LD_LIBRARY_PATH="$T/fakelib" "$PD" --user jane pay WU-10001 \
	    --type bill --method Cash --amount 3 --tendered 3
	same "and the payment is posted" "$(sql "SELECT count(*) FROM payments")" \
	    $((before + 1))
	expect "a workbook without libxlsxwriter: the library named, status 7" 7 \
	    "Writing a workbook needs $xlsx_so, which cannot be loaded" \
	    env LD_LIBRARY_PATH="$T/fakelib" PAYDESK_PIN=2222 "$PD" --user mary \
	    --xlsx "$T/nolib.xlsx" payments
	same "and no workbook is left" "$(ls "$T" | grep -c nolib)" 0
	expect "CSV needs neither" 0 "WU-10001" env LD_LIBRARY_PATH="$T/fakelib" \
	    PAYDESK_PIN=2222 "$PD" --user mary --csv payments
	expect "and with libharu the receipt is written again" 0 "" \
	    "$PD" --user jane receipt "$(sql "SELECT payment_no FROM payments ORDER BY id DESC LIMIT 1")"
else
	echo "not ok - the documents' stand-in libraries: no soname in $PD or no cc"
fi
