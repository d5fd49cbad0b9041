# Shared set-up of the r20 review scripts: a fresh demo store in a
# temporary directory, the clock fixed, no user config read.
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PD="$ROOT/$BUILD/paydesk"
T=$(mktemp -d /tmp/r20rev.XXXXXX)
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
export LANGUAGE= LC_ALL=C LANG=C
mkdir -p "$HOME"
export PAYDESK_NOW="${PAYDESK_NOW:-2026-06-15 09:00:00}"
FAILS=0
ok() { echo "ok - $*"; }
nok() { echo "not ok - $*"; FAILS=$((FAILS + 1)); }
finish() { [ "$FAILS" -eq 0 ] || exit 1; exit 0; }
demo() { "$PD" demo --if-empty >/dev/null 2>&1 || { echo "not ok - demo store"; exit 1; }; }
jane() { PAYDESK_PIN=4872 "$PD" --user jane "$@"; }
omar() { PAYDESK_PIN=3916 "$PD" --user omar "$@"; }
mary() { PAYDESK_PIN=583920 "$PD" --user mary "$@"; }
