# Review 21, the screens: a recovery officer's account view (Record
# Payment 2, Find Consumer) does not show its a (make an arrangement) and r
# (the consumer's arrangements) keys in the key bar: only F1 tells them.
# (The preview's numbering, the second point, is fixed: tui/test_arrange.)
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2027-02-15 10:00:00"
make_store "$DB"
TMUX_SOCK=r21review$$
cat >"$W/tui.sh" <<SH
#!/bin/sh
exec "$P" --db "$DB"
SH
chmod +x "$W/tui.sh"
tmux -L $TMUX_SOCK new-session -d -s r21 -x 120 -y 36 "$W/tui.sh; sleep 30"
k() { tmux -L $TMUX_SOCK send-keys -t r21 "$@"; sleep 0.4; }
screen() { tmux -L $TMUX_SOCK capture-pane -p -t r21; }
wait_for() {
	i=0
	while ! screen | grep -q "$1"; do
		i=$((i + 1)); [ $i -gt 50 ] && { fail "screen never showed [$1]"; screen; return 1; }
		sleep 0.1
	done
}
wait_for "Username"
k rec Tab 7291 Enter
wait_for "Find Consumer"
k Home Down Enter # Find Consumer
k A-2
wait_for "Bob Two"
k Enter
wait_for "Account details"
bar=$(screen | tail -n 1)
check "the key bar shows a (make an arrangement)" 1 "$(echo "$bar" | grep -c ' a ')"
check "the key bar shows r (arrangements)" 1 "$(echo "$bar" | grep -c ' r ')"
finish
