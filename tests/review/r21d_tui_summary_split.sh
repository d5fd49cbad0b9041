#!/bin/sh
# R21d (s42): issue 21: "The summary step and `paydesk pay --preview` show
# exactly how the money will be split before anything is posted";
# paydesk(1) Record Payment 6: "the split it makes, one line per item in the
# order paid ... what does not fit is counted". At 80x24 the summary shows
# three lines of the split and then "and 3 more items" while four rows under
# the notes stay empty (room for the three lines). A-1's six items ($325.01,
# Mixed) paid $320.00 oldest due first: B1, B2 and S1 are shown, but the
# $94.99 that goes to B7 ($30.00), B8 ($20.00) and B3 ($44.99 of $50.00) is
# shown nowhere before posting (Review and confirm cuts it the same way).
# Written from the documentation only.
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2026-12-01 10:00:00"
make_store "$DB"
cat >"$W/more.csv" <<'CSV'
invoice_no,account_no,period,amount,issued_on,due_on
B7,A-1,2026-10,30.00,2026-10-01,2026-10-20
B8,A-1,2026-11,20.00,2026-11-01,2026-11-20
CSV
PAYDESK_PIN=618394 "$P" --db "$DB" --user sup import bills "$W/more.csv" >/dev/null || fail "import B7, B8"
cash shift open >/dev/null 2>&1 || fail "shift open"
TMUX_SOCK=r21d$$
cat >"$W/tui.sh" <<SH
#!/bin/sh
exec "$P" --db "$DB"
SH
chmod +x "$W/tui.sh"
tmux -L $TMUX_SOCK new-session -d -s r21 -x 80 -y 24 "$W/tui.sh; sleep 30"
k() { tmux -L $TMUX_SOCK send-keys -t r21 "$@"; sleep 0.5; }
screen() { tmux -L $TMUX_SOCK capture-pane -p -t r21; }
wait_for() {
	i=0
	while ! screen | grep -q "$1"; do
		i=$((i + 1)); [ $i -gt 50 ] && { fail "screen never showed [$1]"; screen | sed 's/^/# /'; return 1; }
		sleep 0.1
	done
}
wait_for "Username"
k cash Tab 5283 Enter
wait_for "Record Payment"
k Home Enter # Record Payment
wait_for "Step 1"
k A-1
wait_for "Alice One"
k Enter
wait_for "Step 2"
k Enter
wait_for "Step 3"
k Enter
wait_for "Step 4"
k m # Mixed: every open item
k a # all/none
if ! screen | grep -q 'Selected 6 of 6'; then k a; fi
wait_for "Selected 6 of 6"
k Enter
wait_for "Step 5"
k Tab C-u 320 Enter
wait_for "Step 6"
screen | sed 's/^/# /'
lines=$(screen | grep -c -E '^    [BS][0-9] ')
blank=$(screen | sed -n '4,22p' | grep -c '^ *$')
if screen | grep -q 'more item'; then
	fail "the summary shows $lines of the 6 lines of the split ('$(screen | grep -o 'and [0-9]* more items*')') with $blank empty rows"
else ok "the summary shows every line of the split"; fi
check "six lines of the split" 6 "$lines"
finish
