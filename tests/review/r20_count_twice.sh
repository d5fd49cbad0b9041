#!/bin/sh
# R20: a --count given twice keeps only the last one, silently. At a close
# the first count (the real notes) is dropped, the over or short of the
# second is shown, and that count then stands (the real count needs a
# supervisor). Repeating --count must be refused as a usage error (2) with
# nothing recorded, at shift open as at shift close.
. "$(dirname "$0")/r20_lib.sh"
demo
out=$(omar shift open --count 10000x1 --count 500x1 2>&1); rc=$?
if [ "$rc" -eq 2 ]; then ok "open --count twice: exit 2"
else nok "open --count twice: exit $rc, want 2 ($(echo "$out" | grep -i 'counted'))"; omar shift close --count 500x1 >/dev/null 2>&1; fi
jane shift open --count 10000x2 >/dev/null 2>&1 || nok "shift open"
out=$(jane shift close --count 10000x2 --count 500x1 2>&1); rc=$?
if [ "$rc" -eq 2 ]; then ok "close --count twice: exit 2"; else nok "close --count twice: exit $rc, want 2 ($(echo "$out" | tail -1))"; fi
case "$out" in *'-$195.00'*) nok "close --count twice: the first count was dropped and a short of \$195.00 shown";; *) ok "no over/short of the last count alone";; esac
# the real count, without a supervisor, must close cleanly (nothing was shown)
out=$(jane shift close --count 10000x2 2>&1); rc=$?
if [ "$rc" -eq 0 ]; then ok "the real count closes"; else nok "the real count after the refused one: exit $rc ($(echo "$out" | tail -1))"; fi
finish
