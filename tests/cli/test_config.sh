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
