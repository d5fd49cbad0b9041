# Review 21: the Alerts view's note (n) of 300 accented letters (the limit
# is 500 characters) is cut to 255 without a word: the field holds 510
# bytes (the CLI aborts on the same note: r21_long_text.sh).
. tests/review/r21_lib.sh
DB=$W/s.db
export PAYDESK_NOW="2026-12-02 09:00:00"
make_store "$DB"
rec arrangement create A-3 --installments 2 --frequency weekly --first-due 2026-12-09 \
	--reason x >/dev/null || fail "create"
export PAYDESK_NOW="2026-12-11 09:00:00"
rec alerts >/dev/null
TMUX_SOCK=r21review$$
printf '#!/bin/sh\nexec "%s" --db "%s"\n' "$P" "$DB" >"$W/tui.sh"
chmod +x "$W/tui.sh"
tmux -L $TMUX_SOCK new-session -d -s r21 -x 120 -y 36 "$W/tui.sh; sleep 30"
k() { tmux -L $TMUX_SOCK send-keys -t r21 "$@"; sleep 0.4; }
screen() { tmux -L $TMUX_SOCK capture-pane -p -t r21; }
wait_for() {
	i=0
	while ! screen | grep -q "$1"; do
		i=$((i + 1)); [ $i -gt 50 ] && { fail "screen never showed [$1]"; return 1; }
		sleep 0.1
	done
}
wait_for Username
k rec Tab 7291 Enter
wait_for Alerts
k Home Down Down Down Down Enter
wait_for "not closed"
k n
k "$(python3 -c "print('é' * 300)")"
k Enter
wait_for "Note added"
id=$(screen | awk '$1 ~ /^[0-9]+$/ && $2 !~ /^alert/ {print $1; exit}')
len=$(rec --json alerts show "$id" | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(max(len(h.get("text", "")) for h in d["history"]))')
check "the note kept whole (300 letters)" 300 "$len"
finish
