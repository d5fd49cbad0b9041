# test_signin.sh - sign-in cannot be outrun or guessed (issue 18 section
# 5): wrong PINs sent at once are each counted before they are answered,
# an unknown user name gets a wrong PIN's answer, and a locked-out user
# is refused even with the right PIN.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
setup_store

# burst NAME PIN N: N sign-ins of NAME at once, each answer in $T/b.I
burst() {
	rm -f "$T"/b.*
	i=1
	while [ "$i" -le "$3" ]; do
		env PAYDESK_PIN="$2" "$PD" --user "$1" consumer search zz \
		    >"$T/b.$i" 2>&1 &
		i=$((i + 1))
	done
	wait
}
# tally: how the answers of the last burst went, one word each
tally() {
	for f in "$T"/b.*; do
		if grep -q "tries before a lockout" "$f"; then echo counted
		elif grep -q "in a row: locked out until" "$f"; then echo locks
		elif grep -q "is locked out after 5 wrong PINs" "$f"; then
			echo locked
		else
			echo "other: $(cat "$f")"
		fi
	done | sort | uniq -c | sed 's/^ *//' | tr '\n' ' '
}

# 40 wrong PINs at once: four answered with the tries left (1 to 4 of
# 5), one locks, the other 35 find the lock
burst jane 0000 40
same "40 wrong PINs at once: 5 counted, 35 refused by the lock" \
    "$(tally)" "4 counted 35 locked 1 locks "
same "each of the first four tries has its own count" \
    "$(cat "$T"/b.* | sed -n 's/.*(\([0-9]\) of 5 tries.*/\1/p' | sort |
    tr -d '\n')" 1234
same "the count in the store is 5 and the lock is set" \
    "$(sql "SELECT failed_logins || ' ' || locked_until FROM users
     WHERE username = 'jane'")" "5 2025-04-20 10:15:00"
same "four failed sign-ins and one lockout audited" \
    "$(sql "SELECT group_concat(action || ':' || n) FROM (SELECT action,
     count(*) n FROM audit_log WHERE user = 'jane' GROUP BY action
     ORDER BY action)")" "lockout:1,login_failed:4"
expect "the right PIN is refused while the lock holds" 5 \
    'user "jane" is locked out after 5 wrong PINs until 2025-04-20 10:15:00' \
    env PAYDESK_PIN=1234 "$PD" --user jane consumer search zz
PAYDESK_NOW="2025-04-20 10:15:01" \
    expect "the right PIN signs in once the lock ran out" 0 "" \
    env PAYDESK_PIN=1234 "$PD" --user jane consumer search zz
same "a good PIN clears the count" \
    "$(sql "SELECT failed_logins || '|' || locked_until FROM users
     WHERE username = 'jane'")" "0|"

# the same burst at a supervisor with a mix of wrong PINs and the right
# one among them: never more than five answers before the lock
i=1
rm -f "$T"/b.*
while [ "$i" -le 30 ]; do
	env PAYDESK_PIN=$((1000 + i)) "$PD" --user mary consumer search zz \
	    >"$T/b.$i" 2>&1 &
	i=$((i + 1))
done
wait
same "30 different wrong PINs at once: 5 counted" \
    "$(tally)" "4 counted 25 locked 1 locks "
expect "then the right PIN is refused" 5 "is locked out" \
    env PAYDESK_PIN=2222 "$PD" --user mary consumer search zz

# an unknown user name gets the wrong PIN's answer, word for word, with
# the same exit status, and is locked out the same way
run env PAYDESK_PIN=0000 "$PD" --user admin consumer search zz
known=$(sed 's/"admin"/"NAME"/' "$OUT") known_rc=$RC
run env PAYDESK_PIN=0000 "$PD" --user ghost consumer search zz
same "unknown name: the wrong PIN's words" \
    "$(sed 's/"ghost"/"NAME"/' "$OUT")" "$known"
same "unknown name: the wrong PIN's exit status" "$RC" "$known_rc"
same "the answer names no user as unknown" "$(grep -c 'no user' "$OUT")" 0
run env PAYDESK_PIN=9999 "$PD" --user nobody.else consumer search zz
same "unknown name with a real user's PIN: the same words" \
    "$(sed 's/"nobody.else"/"NAME"/' "$OUT")" "$known"
burst ghost2 0000 12
same "12 tries at an unknown name at once: 5 counted, 7 locked" \
    "$(tally)" "4 counted 7 locked 1 locks "
run env PAYDESK_PIN=0000 "$PD" --user jane consumer search zz
run env PAYDESK_PIN=0000 "$PD" --user ghost consumer search zz
same "unknown name: its second try counts like a user's" \
    "$(sed 's/"ghost"/"NAME"/' "$OUT")" \
    'paydesk: wrong user name or PIN for "NAME" (2 of 5 tries before a lockout)'

# no timing shortcut: an unknown name costs a PIN hash like a user does
t0=$(date +%s%N)
for i in 1 2 3; do
	env PAYDESK_PIN=0000 "$PD" --user "nosuch$i" consumer search zz \
	    >/dev/null 2>&1
done
t1=$(date +%s%N)
for i in 1 2 3; do
	env PAYDESK_PIN=0000 "$PD" --user admin consumer search zz \
	    >/dev/null 2>&1
done
t2=$(date +%s%N)
unknown=$(((t1 - t0) / 3000000)) known=$(((t2 - t1) / 3000000))
if [ "$unknown" -ge $((known / 3)) ]; then
	ok "an unknown name takes as long as a wrong PIN (${unknown} ms, ${known} ms)"
else
	echo "not ok - an unknown name answers sooner: ${unknown} ms, a wrong PIN ${known} ms"
fi

# a disabled user: a wrong PIN gets the usual answer; only the right PIN
# learns that the user is disabled
sql "UPDATE users SET active = 0, failed_logins = 0, locked_until = ''
 WHERE username = 'admin'"
expect "disabled user, wrong PIN: the usual answer" 5 \
    'wrong user name or PIN for "admin" (1 of 5' \
    env PAYDESK_PIN=0000 "$PD" --user admin consumer search zz
expect "disabled user, right PIN: disabled" 5 'user "admin" is disabled' \
    env PAYDESK_PIN=9999 "$PD" --user admin consumer search zz

# demo data (well-known PINs) goes only into a store empty of users and
# data; anywhere else it is refused and changes nothing
D="$T/d.db"
"$PD" --db "$D" init >/dev/null
printf 'username,full_name,role,pin\nboss,Real Boss,admin,739150\n' \
    >"$T/boss.csv"
"$PD" --db "$D" import users "$T/boss.csv" >/dev/null
before=$(sqlite3 "$D" .dump | sha256sum)
expect "demo on a store with users: refused" 5 \
    "$D already holds users or data; demo data goes only into an empty store" \
    "$PD" --db "$D" demo
same "demo on a store with users: nothing changed" \
    "$(sqlite3 "$D" .dump | sha256sum)" "$before"
expect "no demo admin after the refusal" 5 'wrong user name or PIN for "admin"' \
    env PAYDESK_PIN=9999 "$PD" --db "$D" --user admin consumer search zz
before=$(sqlite3 "$D" .dump | sha256sum)
expect "demo --if-empty on a store with users: nothing, quietly" 0 "" \
    "$PD" --db "$D" demo --if-empty
same "demo --if-empty on a store with users: nothing changed" \
    "$(sqlite3 "$D" .dump | sha256sum)" "$before"
same "demo --if-empty on a store with users: no demo users" \
    "$(sqlite3 "$D" "SELECT group_concat(username) FROM users")" boss

D="$T/c.db"
"$PD" --db "$D" init >/dev/null
sqlite3 "$D" "INSERT INTO consumers (uuid, account_no, name, created_at)
 VALUES ('c-1', 'X-1', 'Real Consumer', '2025-01-01 00:00:00')"
expect "demo on a store with consumers and no users: refused" 5 \
    "already holds users or data" "$PD" --db "$D" demo
same "demo on a store with consumers: no users added" \
    "$(sqlite3 "$D" "SELECT count(*) FROM users")" 0

env PAYDESK_PIN=1234 "$PD" --user jane pay WU-10001 --type bill \
    --method Cash --amount 10 >/dev/null 2>&1
same "a payment in the fixture store" "$(sql "SELECT count(*) FROM payments")" 1
before=$(snapshot)
expect "demo on a store with payments (holding a WU-10001): refused" 5 \
    "already holds users or data" "$PD" demo
same "demo on a store with payments: nothing changed" "$(snapshot)" "$before"

D="$T/s.db"
"$PD" --db "$D" init >/dev/null
sqlite3 "$D" "INSERT INTO settings (key, value, updated_at)
 VALUES ('security.login_max_attempts', '3', '2025-01-01 00:00:00')"
expect "demo on a store with central settings only: refused" 5 \
    "already holds users or data" "$PD" --db "$D" demo

D="$T/e.db"
expect "demo on an empty store loads" 0 "Demo data loaded" \
    "$PD" --db "$D" demo
expect "demo again on the demo store changes nothing" 0 \
    "Demo data already present" "$PD" --db "$D" demo
