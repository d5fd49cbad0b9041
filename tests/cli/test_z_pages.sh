# test_z_pages.sh - a Z report on a page's paper (A4, Letter) is one page
# whenever it fits one: a report that ran one line and its footer over
# its first page is laid out tighter (tester's fault 1, s72: "Safe
# drops" and the footer alone on page 2 of an A4 Z report of eight
# pay-ins). Movements are added one at a time; each Z report is read
# back with pdftotext and its pages counted with pdfinfo: one page
# holding all of it until the report cannot fit one, then a second page
# that holds more than a line or two. The 80 mm roll is one page always.
. "$TOP/tests/cli/lib.sh"
sed -i 's/^required = no$/required = yes/' "$PAYDESK_CONFIG"
export PAYDESK_NOW="2026-06-15 08:00:00"
setup_store
J() { PAYDESK_PIN=1234 "$PD" --user jane "$@"; }
cp "$PAYDESK_CONFIG" "$T/base.ini"
J shift open --count 10000x1 >/dev/null || echo "not ok - shift open"
J pay WU-10001 --type bill --method Cash --amount 10 >/dev/null
J pay WU-10002 --type bill --method "Credit Card" --amount 15 --reference A1 >/dev/null
J pay WU-10003 --type bill --method Cheque --amount 30 --reference 000777 >/dev/null
cp "$DB" "$T/base.db"

# zpdf PAPER K: the Z report, on PAPER, of the shift with K pay-ins
# (store $T/kPAPER-K.db, made once: a second is a COPY, a box taller),
# in $T/z.pdf; prints its pages
zpdf() {
	if [ ! -f "$T/k$1-$2.db" ]; then
		cp "$T/base.db" "$T/k$1-$2.db"
		i=0
		while [ $i -lt "$2" ]; do
			i=$((i + 1))
			PAYDESK_APPROVER_PIN=2222 J --db "$T/k$1-$2.db" shift pay-in 5 \
			    --reason "Change from safe" --approver mary >/dev/null ||
			    echo "not ok - pay-in $i of $2" >&2
		done
		PAYDESK_APPROVER_PIN=2222 J --db "$T/k$1-$2.db" shift close \
		    --count 10000x1,500x1 --slip "Credit Card:A1:15" --cheque 000777:30 \
		    --reason "Cash=short" --approver mary >/dev/null 2>&1 ||
		    echo "not ok - close with $2 pay-ins" >&2
	fi
	cp "$T/base.ini" "$PAYDESK_CONFIG"
	printf 'paper = %s\n' "$1" >>"$PAYDESK_CONFIG"
	rm -f "$T/z.pdf"
	J --db "$T/k$1-$2.db" shift z Z-T01-000001 --out "$T/z.pdf" >/dev/null 2>&1
	pdfinfo "$T/z.pdf" 2>/dev/null | awk '/^Pages/ {print $2}'
}

# the lines of page P of $T/z.pdf less its running header, footer and
# page number
body() {
	pdftotext -f "$1" -l "$1" -layout "$T/z.pdf" - | grep -v '^[[:space:]]*$' |
	    grep -v -e "generated .* by paydesk" -e "Page $1 of" -e '^Z REPORT  *Z-T01-000001$'
}

for paper in a4 letter; do
	k=0 np=1 bad=
	while [ "$np" = 1 ] && [ $k -lt 40 ]; do
		k=$((k + 1))
		np=$(zpdf $paper $k)
		[ "$np" = 1 ] || break
		cp "$T/z.pdf" "$T/$paper-one.pdf"
		# one page: all of it, the last line and the footer on it
		txt=$(pdftotext -layout "$T/z.pdf" -)
		echo "$txt" | grep -q "^Pay-ins  *[$]$((5 * k)).00\$" &&
		    echo "$txt" | grep -q "^Safe drops  *[$]0.00\$" &&
		    echo "$txt" | grep -q "generated .* by paydesk" || bad="$bad $k"
	done
	same "$paper: each one-page Z report holds all of it (up to $k pay-ins)" "$bad" ""
	n2=$(body 2 | wc -l)
	if [ "$np" = 2 ] && [ "$n2" -gt 3 ]; then
		ok "$paper: a Z report goes to a second page only when one cannot hold it ($k pay-ins: $n2 lines on page 2)"
	else
		echo "not ok - $paper: a Z report of $k pay-ins on $np pages, $n2 lines on its second"
		body 2 | sed 's/^/  | /'
	fi
	# the second page's report continues where the first ended
	same "$paper: page 2 ends with the movements' totals" \
	    "$(body 2 | tail -1 | tr -s ' ')" "Safe drops \$0.00"
	[ $paper = a4 ] && ka4=$k
done
# the report one pay-in short of a second A4 page, read in full: every
# pay-in on its one page
same "A4, $((ka4 - 1)) pay-ins: one page" \
    "$(pdfinfo "$T/a4-one.pdf" | awk '/^Pages/ {print $2}')" 1
same "and every pay-in on it" "$(pdftotext "$T/a4-one.pdf" - | grep -c '^Pay-in$')" "$((ka4 - 1))"
for k in 8 $ka4; do
	same "the 80 mm roll: the Z report of $k pay-ins is one page" "$(zpdf roll80 $k)" 1
done
