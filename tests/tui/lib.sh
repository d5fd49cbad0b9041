# lib.sh - driving the real paydesk in tmux: start it on a private tmux
# server in a fixed-size window, send keys, read the screen back.
. "$TOP/tests/cli/lib.sh"
SOCK="$T/tmux.sock"
SCREEN="$T/screen"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT

# tui_open [ENV=VALUE...]: paydesk at 80x24 on a fresh tmux server (the
# last one gone first, so that the next starts on its socket), in that
# environment (LANG=C.UTF-8 unless one is given); does not wait
tui_open() {
	tmux -S "$SOCK" kill-server 2>/dev/null && sleep 0.3
	rm -f "$SOCK"
	tmux -S "$SOCK" -f /dev/null new-session -d -s pd -x 80 -y 24 \
	    env TERM=screen LANG=C.UTF-8 PAYDESK_CONFIG="$PAYDESK_CONFIG" \
	    PAYDESK_NOW="$PAYDESK_NOW" HOME="$HOME" "$@" "$PD"
	tmux -S "$SOCK" set-option -t pd remain-on-exit on >/dev/null
}
# tui_open_until NAME TEXT [ENV=VALUE...]: tui_open, until TEXT shows
# (a check named "NAME: the login")
tui_open_until() {
	name=$1 text=$2
	shift 2
	tui_open "$@"
	wait_for "$name: the login" "$text"
}
# tui_start [ENV=VALUE...]: tui_open, until the (English) login shows
tui_start() {
	tui_open "$@"
	wait_for "the UI starts" "Log in to take payments" >/dev/null
}
keys() { tmux -S "$SOCK" send-keys -t pd "$@"; }
# type TEXT: literal text, no key names
type_text() { tmux -S "$SOCK" send-keys -t pd -l "$1"; }
grab() { tmux -S "$SOCK" capture-pane -p -t pd "$@" >"$SCREEN"; }
# settle [ARGS]: grab (with capture-pane's ARGS) until two reads 0.1 s
# apart are the same (up to 3 s), so that a check that reads the screen
# once sees it drawn whole, not caught between the redraw of one part
# (the text a wait_for saw) and the next
settle() {
	grab "$@"
	i=0
	while [ $i -lt 30 ]; do
		sleep 0.1
		cp "$SCREEN" "$SCREEN.prev"
		grab "$@"
		cmp -s "$SCREEN" "$SCREEN.prev" && return 0
		i=$((i + 1))
	done
}

# wait_for NAME TEXT: the screen shows TEXT within 10 s (WAIT_TENTHS
# tenths of a second: a machine under load signs in slower)
WAIT_TENTHS=${WAIT_TENTHS:-100}
wait_for() { wait_grep -F "$@"; }
# wait_re NAME ERE: the screen has a line matching ERE, as long
wait_re() { wait_grep -E "$@"; }
# wait_grep -F|-E NAME TEXT: wait_for and wait_re, by grep's flag
wait_grep() {
	i=0
	while [ $i -lt "$WAIT_TENTHS" ]; do
		grab
		if grep -q "$1" -- "$3" "$SCREEN"; then
			ok "$2"
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	echo "not ok - $2"
	echo "  screen lacks: $3"
	sed 's/^/  | /' "$SCREEN"
	return 1
}
# wait_dead: until paydesk has left its pane (as long as wait_for: under load an
# exit takes a while), the pane's state (1: gone) in $OUT
wait_dead() {
	i=0
	while [ $i -lt "$WAIT_TENTHS" ] && [ "$(tmux -S "$SOCK" list-panes -t pd \
	    -F '#{pane_dead}' 2>&1)" != 1 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	tmux -S "$SOCK" list-panes -t pd -F '#{pane_dead}' >"$OUT" 2>&1
}
# lacks NAME TEXT: the screen, once drawn whole, does not show TEXT
lacks() {
	settle
	if grep -qF -- "$2" "$SCREEN"; then
		echo "not ok - $1"
		sed 's/^/  | /' "$SCREEN"
	else
		ok "$1"
	fi
}
# logout: Esc on Home or the Dashboard, and Esc again to its question
# ("Log out?"), apart so that the two are not read as Alt-Esc
logout() {
	keys Escape
	sleep 0.3
	keys Escape
}
# login USER PIN
login() {
	type_text "$1"
	keys Enter
	type_text "$2"
	keys Enter
}
# shown_once NAME TEXT: the screen, drawn whole, shows TEXT on one line
# only (a refusal said once: on the message line, not on the form's
# line above it too; a fresh tester's, s74 fault 1)
shown_once() {
	settle
	n=$(grep -cF -- "$2" "$SCREEN")
	if [ "$n" = 1 ]; then ok "$1"
	else echo "not ok - $1"; echo "  shown on $n lines"; sed 's/^/  | /' "$SCREEN"; fi
}
