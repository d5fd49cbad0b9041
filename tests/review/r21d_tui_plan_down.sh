#!/bin/sh
# R21d (s42): the Arrangement view (Payment arrangements, Enter) gives "its
# terms ... the same as paydesk arrangement show" (paydesk(1)), but not the
# down payment: a plan of A-1's $275.01 with a $75.01 down payment and 2
# monthly installments shows "Installments 2, monthly, 2027-01-15", Grace
# days, Misses allowed, and no Down payment line (arrangement show has
# "Down payment $75.01"); the down payment is only row #1 of the list, not
# marked as one, so the terms read as if the plan were 2 installments of
# the whole debt.
# Written from the documentation only.
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2026-12-01 10:00:00"
make_store "$DB"
rec arrangement create A-1 --installments 2 --frequency monthly --first-due 2027-01-15 \
	--down 75.01 --reason Hardship >/dev/null 2>&1 || fail "arrangement create"
rec arrangement show AR-T01-000001 | grep -q 'Down payment *\$75.01' || fail "arrangement show has no down payment"
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
k rec Tab 7291 Enter
wait_for "Payment arrangements"
n=$(screen | sed -n '/Tasks/,$p' | grep -n 'Payment arrangements' | cut -d: -f1)
k Home; j=2 # n: the row of Payment arrangements, Tasks being row 1
while [ $j -lt "$n" ]; do k Down; j=$((j+1)); done
k Enter
wait_for "AR-T01-000001"
k Enter
wait_for "Left to pay"
screen | sed 's/^/# /'
if screen | grep -q -i 'down'; then ok "the Arrangement view gives the down payment"
else fail "the Arrangement view gives no down payment (\$75.01) among the plan's terms"; fi
finish
