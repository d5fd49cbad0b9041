# test_config.sh - where the configuration comes from: --config, then
# $PAYDESK_CONFIG, ./config.ini, $XDG_CONFIG_HOME/paydesk/config.ini; none
# found means the built-in defaults.
. "$TOP/tests/cli/lib.sh"
unset PAYDESK_CONFIG
mkdir -p "$T/work" "$XDG_CONFIG_HOME/paydesk"
cd "$T/work"
expect "no file: built-in defaults" 0 "from the built-in defaults" "$PD" config
has "default store under XDG_DATA_HOME" "path = $XDG_DATA_HOME/paydesk/paydesk.db"
printf '[terminal]\nid = XDG1\n' >"$XDG_CONFIG_HOME/paydesk/config.ini"
expect "XDG config found" 0 "id = XDG1" "$PD" config
printf '[terminal]\nid = CWD1\n[store]\npath = local.db\n' >config.ini
expect "./config.ini before XDG" 0 "id = CWD1" "$PD" config
has "relative store path is relative to the config file" "path = $T/work/local.db"
run "$PD" config
grep -q "path = local.db" "$OUT" && echo "not ok - path left relative" || \
    ok "relative path resolved"
printf '[terminal]\nid = ENV1\n' >"$T/env.ini"
PAYDESK_CONFIG="$T/env.ini" \
    expect "\$PAYDESK_CONFIG before ./config.ini" 0 "id = ENV1" "$PD" config
printf '[terminal]\nid = OPT1\n' >"$T/opt.ini"
PAYDESK_CONFIG="$T/env.ini" \
    expect "--config before everything" 0 "id = OPT1" \
    "$PD" --config "$T/opt.ini" config
expect "the store goes where the config says" 0 "local.db" "$PD" init
[ -f "$T/work/local.db" ] && ok "store created next to config.ini" || \
    echo "not ok - store not created next to config.ini"
# a text key's value is its whole line: ';' and '#' are part of it, not
# a comment (review 21b, fault 12: "cat >>F; exit 4" was run as "cat
# >>F", the failure never reported; "Suite #4" printed "Suite"); a value
# quoted whole is taken without its quotes
cat >"$T/text.ini" <<'INI'
[organisation]
name = Bar & Grill; East #2
address = 1 Main St, Suite #4; rear door
[alerts]
command = mail -s "alert #1" ops; logger -t paydesk 'sent; ok'  
[receipts]
print_command = "lp -d counter1; echo printed"
INI
expect "a command's ';' kept" 0 "command = mail -s \"alert #1\" ops; logger -t paydesk 'sent; ok'" \
    "$PD" --config "$T/text.ini" config
has "its blanks at the end taken off" "$(printf "command = mail -s \"alert #1\" ops; logger -t paydesk 'sent; ok'\n")"
has "a name's ';' and '#' kept" "name = Bar & Grill; East #2"
has "an address's '#' kept" "address = 1 Main St, Suite #4; rear door"
has "a value quoted whole: without its quotes" "print_command = lp -d counter1; echo printed"
grep -q "print_command = \"" "$OUT" && notok "the quotes taken off" "kept" || ok "the quotes taken off"
# the last line of a key wins, as it does for the other keys
printf '[alerts]\ncommand = first; one\ncommand = second; two\n' >"$T/twice.ini"
expect "the last line of a key wins" 0 "command = second; two" \
    "$PD" --config "$T/twice.ini" config
# a text too long is refused naming the file's line, whole
python3 -c 'print("[alerts]\ncommand = echo " + "x" * 505 + "; exit 1")' >"$T/long.ini"
expect "a command of 518 bytes (';' and all): refused" 3 \
    "long.ini:2: [alerts] command: " "$PD" --config "$T/long.ini" config
has "with its length rule" "length must be 0 to 511 bytes"
# a list with an empty name: refused with its line and which name, not
# dropped (helper-235, fault 9: "chargeback, ,other" taken as two)
for v in "chargeback, ,other:2" "chargeback,,other:2" ",chargeback:1" \
    "chargeback, other,:3" "chargeback, other , ,:3"; do
	printf '[disputes]\nreasons = %s\n' "${v%:*}" >"$T/empty.ini"
	expect "[disputes] reasons = \"${v%:*}\": refused (3)" 3 \
	    "empty.ini:2: [disputes] reasons: Name ${v##*:} of the list is empty" \
	    "$PD" --config "$T/empty.ini" config
done
printf '[arrangements]\nreasons = Hardship,, Other\n' >"$T/empty.ini"
expect "[arrangements] reasons with an empty name: refused too" 3 \
    "empty.ini:2: [arrangements] reasons: Name 2 of the list is empty" \
    "$PD" --config "$T/empty.ini" config
printf '[disputes]\nreasons = chargeback , other\n' >"$T/empty.ini"
expect "blanks around the names: taken" 0 "reasons = chargeback, other" \
    "$PD" --config "$T/empty.ini" config
printf '[disputes]\nreasons =  \n' >"$T/empty.ini"
expect "a list all blank: at least one name" 3 "At least one name is needed" \
    "$PD" --config "$T/empty.ini" config
