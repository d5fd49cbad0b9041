#!/bin/sh
# R21d (s42): issue 21 puts the open alerts' count in the screens' header for
# the roles that work alerts; a screen must fit 80x24. At 80 columns the New
# payment arrangement screen (account view, a) cuts the count's word:
# "... │ New payment arrangement │ 3 open alert   16:21" (the other screens
# read "3 open alerts": Home, Find Consumer, Payment arrangements,
# Reschedule arrangement). The header drops the user's name to make room but
# then cuts the count mid-word, with no mark.
# Written from the documentation only.
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2026-12-01 10:00:00"
sed -i 's/^large_payment =.*/large_payment = 1.00/' "$PAYDESK_CONFIG"
make_store "$DB"
cash shift open >/dev/null 2>&1 || fail "shift open"
for a in 2 3 4; do cash pay A-1 --type bill --amount $a --method Cash >/dev/null 2>&1 || fail "pay $a"; done
n=$(rec --csv alerts | grep -c 'Large payment')
check "three large-payment alerts open" 3 "$n"
TMUX_SOCK=r21d$$
cat >"$W/tui.sh" <<SH
#!/bin/sh
exec "$P" --db "$DB"
SH
chmod +x "$W/tui.sh"
tmux -L $TMUX_SOCK new-session -d -s r21 -x 80 -y 24 "$W/tui.sh; sleep 30"
k() { tmux -L $TMUX_SOCK send-keys -t r21 "$@"; sleep 0.4; }
screen() { tmux -L $TMUX_SOCK capture-pane -p -t r21; }
wait_for() {
	i=0
	while ! screen | grep -q "$1"; do
		i=$((i + 1)); [ $i -gt 50 ] && { fail "screen never showed [$1]"; screen | sed 's/^/# /'; return 1; }
		sleep 0.1
	done
}
wait_for "Username"
k rec Tab 7291 Enter
wait_for "Find Consumer"
head=$(screen | head -n 1)
echo "# Home: $head"
k Home Down Enter # Find Consumer
k A-1
wait_for "Alice One"
k Enter
wait_for "Account details"
k a
wait_for "Installments"
head=$(screen | head -n 1)
echo "# New payment arrangement: $head"
case $head in
*"3 open alerts"*) ok "the header reads '3 open alerts' whole" ;;
*) fail "the header cuts the alerts' count: [$head]" ;;
esac
finish
