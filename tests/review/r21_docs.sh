# Review 21, the documentation against the behaviour:
# (1) paydesk(1), arrangement cancel, says a reschedule or cancel made at a
#     terminal that had not pulled a payment of the plan "does not fit the
#     central node's installments and is set aside there"; the central node
#     applies it (README: the change moves only what is still open), as
#     tests/review/r21_resched_paid.sh shows (nothing set aside there);
# (2) arrangement list --status: the refusal offers "All, Active, ..."
#     capitalised and "all", which paydesk(1) and the help do not name
#     (alerts and dispute list name their words as documented);
# (3) paydesk(1), ROLES: names leave as machine output through "the
#     recovery role's work lists (alerts, disconnections, reconnections,
#     dispute)", where the table above it and dispute list say a dispute's
#     --json, --csv and --xlsx are a supervisor's (and they are: status 5).
# (4) README's list of the listings --xlsx writes leaves out report
#     arrangements (and deteriorating, anomalies, exceptions), which take it.
. tests/review/r21_lib.sh
check "README names report arrangements among the --xlsx listings" 1 \
	"$(tr '\n' ' ' <README.md | grep -o '`--xlsx FILE` for the listings ([^)]*)' | grep -c arrangements)"
check "paydesk(1) does not say a crossed reschedule is set aside" 0 \
	"$(tr '\n' ' ' <man/paydesk.1 | grep -c "does not fit the central node's installments and is set aside")"
check "paydesk(1) ROLES does not list dispute among the recovery's machine outputs" 0 \
	"$(grep -c -F 'reconnections ", " dispute )' man/paydesk.1)"
DB=$W/s.db
export PAYDESK_NOW="2026-12-02 09:00:00"
make_store "$DB"
msg=$(rec arrangement list --status foo 2>&1)
words=$(echo "$msg" | sed -n 's/.*: one of //p' | tr -d ',' )
syn=$(sed -n '/^\.B arrangement list/,/^\.br/p' man/paydesk.1 | tr -d '\\')
for w in $words; do
	check "the refusal's word $w is documented as written" 1 \
		"$(echo "$syn" | grep -c -w -- "$w")"
done
finish
