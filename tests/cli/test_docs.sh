# test_docs.sh - README, man pages and config.ini.example say what the code
# does: every config key, every command.
. "$TOP/tests/cli/lib.sh"
EX="$TOP/config.ini.example"
MAN1="$TOP/man/paydesk.1"
MAN5="$TOP/man/paydesk.ini.5"

expect "config.ini.example loads cleanly" 0 "config.ini.example" \
    "$PD" --config "$EX" config
# every key of the schema, section by section
"$PD" --config "$EX" config | awk '/^\[/ {s=$0} /^[a-z_]+ = / {print s, $1}' \
    >"$T/keys"
[ "$(wc -l <"$T/keys")" -ge 20 ] && ok "schema lists its keys" || \
    echo "not ok - schema lists its keys"
while read -r section key; do
	# in the example: under its section
	if awk -v s="$section" -v k="$key" '$0 == s {in_s=1; next}
	    /^\[/ {in_s=0} in_s && $1 == k {found=1} END {exit !found}' "$EX"
	then ok "example documents $section $key"
	else echo "not ok - example lacks $section $key"; fi
	if awk -v s="SECTION $section" -v k=".B $key" 'index($0, s) {in_s=1; next}
	    /^\.SH/ {in_s=0} in_s && $0 == k {found=1} END {exit !found}' "$MAN5"
	then ok "paydesk.ini(5) documents $section $key"
	else echo "not ok - paydesk.ini(5) lacks $section $key"; fi
done <"$T/keys"
# and no key in the example that the schema does not know
grep -E '^[a-z_]+ =' "$EX" | cut -d' ' -f1 | sort >"$T/ex"
cut -d' ' -f2 "$T/keys" | sort >"$T/sch"
same "example has no extra keys" "$(comm -23 "$T/ex" "$T/sch" | tr '\n' ' ')" ""

# every command in the table is in the man page and the README
"$PD" help | awk '/^  [a-z]/ {n = substr($0, 3, 20); sub(/ +$/, "", n); print n}' \
    >"$T/cmds"
[ "$(wc -l <"$T/cmds")" -ge 20 ] && ok "help lists the commands" || \
    echo "not ok - help lists the commands"
while read -r cmd; do
	if grep -qF -- "$cmd" "$MAN1"; then ok "paydesk(1) documents $cmd"
	else echo "not ok - paydesk(1) lacks $cmd"; fi
	if grep -qF -- "paydesk $cmd" "$TOP/README.md" ||
	    grep -qF -- "$cmd " "$TOP/README.md"
	then ok "README mentions $cmd"
	else echo "not ok - README lacks $cmd"; fi
done <"$T/cmds"

# every key of every screen is in the man page, with its help text
# columns by the header's positions: screen names have spaces
"$PD" keys | awk 'NR == 1 {k = index($0, "Key"); h = index($0, "What it")
    next} {s = substr($0, 1, k - 1); sub(/ +$/, "", s)
    n = substr($0, k, h - k); sub(/ +$/, "", n)
    print s "|" n "|" substr($0, h)}' >"$T/keys.csv"
[ "$(wc -l <"$T/keys.csv")" -ge 10 ] && ok "keys lists the key tables" || \
    echo "not ok - keys lists the key tables"
while IFS='|' read -r screen key help; do
	if awk -v s=".SS $screen" -v k=".B $key" -v h="$help" '
	    $0 == s {in_s=1; next} /^\.S[SH]/ {in_s=0}
	    in_s && prev == k && $0 == h {found=1} {prev=$0}
	    END {exit !found}' "$MAN1"
	then ok "paydesk(1) documents $screen $key"
	else echo "not ok - paydesk(1) lacks $screen $key: $help"; fi
done <"$T/keys.csv"

# Tab's help names every field of its screen (issue 17): the method
# step's Reference, the sign-in's PIN
grep -q '^Record Payment 5 Method and amount|Tab|.*amount received or reference' \
    "$T/keys.csv" && ok "the method step's Tab names the Reference" ||
    echo "not ok - the method step's Tab does not name the Reference"
grep -q '|Tab|.*username and PIN' "$T/keys.csv" &&
    ok "the sign-in's Tab names both fields" ||
    echo "not ok - the sign-in's Tab does not name both fields"

# and the other way: every key the man page gives a screen is one of its
# keys (a key taken out of a table leaves no stale line)
cut -d'|' -f1,2 "$T/keys.csv" | sort -u >"$T/code-keys"
awk '/^\.SH/ {inter = ($0 ~ /INTERACTIVE COMMANDS/); s = ""; next}
    inter && /^\.SS / {s = substr($0, 5); next}
    inter && s != "" && prev == ".TP" && /^\.B / {print s "|" substr($0, 4)}
    {prev = $0}' "$MAN1" | sort -u >"$T/man-keys"
[ "$(wc -l <"$T/man-keys")" -ge 100 ] && ok "paydesk(1) keys read" ||
    echo "not ok - paydesk(1) keys read"
same "paydesk(1) documents no key that no screen has" \
    "$(comm -13 "$T/code-keys" "$T/man-keys" | tr '\n' ' ')" ""

# every screen class is in the registry (app.c), so that paydesk keys,
# and with it this page, has its keys
sed -n 's/^const struct tui_screen_class screen_\([a-z_0-9]*\)_class.*/\1/p' \
    "$TOP"/src/tui/*.c | sort >"$T/classes"
sed -n 's/^[[:space:]]*X(\([a-z_0-9]*\)).*/\1/p' "$TOP/src/tui/app.c" |
    sort >"$T/registry"
[ "$(wc -l <"$T/classes")" -ge 20 ] && ok "screen classes found" ||
    echo "not ok - screen classes found"
same "every screen class is in the registry" \
    "$(comm -3 "$T/classes" "$T/registry" | tr '\n\t' '  ')" ""

# the man pages' alternating macros (.BR .RB .BI .IB .IR .RI) join their
# arguments with no space: words given as more arguments than the
# alternation means run together once rendered (tester's fault 12:
# "--despite-chargeback),withitsamount", "(100000+).Thefirstcolumn"). A
# word after a word, a comma or a closing bracket, or a [ after a word, is
# such a join; the few joins meant (section.key, COLUMN[:asc]) are listed
python3 - "$TOP"/man/paydesk.1 "$TOP"/man/paydesk.ini.5 \
    "$TOP"/man/paydesk-central.8 >"$T/joins" <<'PY'
import re, sys
meant = {
    r'.RB ( \(dq 12\(dq )', r'.IB section . key', r'.IB section . key \fR,',
    r'.IR COLUMN [ :asc | :desc ]]', r'.IB TIMESTAMP . BODY',
    r'.BI \ex HH', r'.BI \eu HHHH ,',
    r'.BI "POST /v1/gateway/" ORG / NAME "\fR[\fP/" SECRET "\fR[\fP/validate\fR]]\fP"',
}
def args(s):
    return [a[1:-1].replace('""', '"') if a.startswith('"') else a
            for a in re.findall(r'"(?:[^"]|"")*"?|[^ ]+', s)]
for f in sys.argv[1:]:
    for no, line in enumerate(open(f, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if re.search(r'[\x00-\x08\x0b-\x1f\x7f]', line):
            print('%s:%d: a control character (\\f typed as one?)' % (f, no))
        m = re.match(r'\.(BR|RB|BI|IB|IR|RI) +(.*)', line)
        if not m or line in meant or re.search(r'\(\d\)', line):
            continue
        a = [re.sub(r'^(\\f[BIRP])+|(\\f[BIRP])+$', '', x) for x in args(m.group(2))]
        for p, q in zip(a, a[1:]):
            if p and q and ((re.search(r'[A-Za-z0-9,;.)]$', p) and q[0].isalnum())
                            or (re.search(r'[A-Za-z0-9\]]$', p) and q[0] == '[')):
                print('%s:%d: %s' % (f, no, line))
                break
PY
same "no man page runs words together in .BR, .RB, .BI, .IB" \
    "$(sed "s|$TOP/||" "$T/joins")" ""
# and rendered, the places the tester found
if command -v man >/dev/null 2>&1 && command -v groff >/dev/null 2>&1; then
	MANWIDTH=200 man -l "$MAN1" 2>/dev/null | tr -s ' ' >"$T/man1.txt"
	same "rendered: no words run together" "$(grep -c \
	    'withitsamount\|Thefirstcolumn\|FindConsumeris\|R\[--gateway\|FILE\]\[--text' \
	    "$T/man1.txt")" 0
	has_text() { grep -qF -- "$2" "$T/man1.txt" && ok "$1" ||
	    echo "not ok - $1"; }
	has_text "rendered: the Uphold Dispute screen's words apart" \
	    "--despite-chargeback), with its amount and its reason"
	has_text "rendered: the payments list's words apart" \
	    "(100000+). The first column stays"
fi
