# test_sync_branch.sh - a terminal keeps only its own branch's PIN hashes
# (issue 18 section 5): the central node hands another branch's users down
# disabled and without their hash, and a user who moves loses the hash on
# the terminals of the branch left behind.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/sync_lib.sh"

setup_org || { echo "not ok - setup"; exit 1; }
printf 'username,full_name,role,pin,branch\nanna,Anna Berg,cashier,7391,B01\nbob,Bob Cole,cashier,4826,B02\nflo,Flo Diaz,supervisor,739150,\n' \
    >"$T/branch.csv"
expect "users with a branch import on the central node" 0 "" \
    central import ACME users "$T/branch.csv"
same "their branches are kept" \
    "$(csql "SELECT group_concat(username || ':' || branch) FROM (SELECT
     username, branch FROM users WHERE username IN ('anna', 'bob', 'flo')
     ORDER BY username) x")" "anna:B01,bob:B02,flo:"
start_central || exit 1
expect "terminal 1 (branch B01) pulls" 0 "Pulled" pdt 1 sync
expect "terminal 2 (branch B02) pulls" 0 "Pulled" pdt 2 sync

# hashes: T01 holds anna's, not bob's; T02 the other way round; a user of
# every branch (flo, the fixture's) on both
hashed() {
	tsql "$1" "SELECT group_concat(username) FROM (SELECT username FROM
	 users WHERE pin_hash LIKE '\$y\$%' AND active ORDER BY username)"
}
same "T01 holds the hashes of B01 and every branch" "$(hashed 1)" \
    "admin,anna,flo,jane,mary"
same "T02 holds the hashes of B02 and every branch" "$(hashed 2)" \
    "admin,bob,flo,jane,mary"
same "T01: bob came down disabled, without a hash" \
    "$(tsql 1 "SELECT active || pin_hash FROM users WHERE username = 'bob'")" \
    "0!"
# (each user's branch comes down with the user since s72, h1's fault 7:
# a terminal refuses --user of another branch's user by it)
same "a terminal holds each user's branch as the central node has it" \
    "$(tsql 1 "SELECT group_concat(username || ':' || branch) FROM (SELECT
     username, branch FROM users WHERE username IN ('anna', 'bob', 'flo')
     ORDER BY username) x")" "anna:B01,bob:B02,flo:"
expect "anna signs in at T01" 0 "" \
    env PAYDESK_PIN=7391 "$PD" --config "$T/t1.ini" --user anna consumer search zz
run env PAYDESK_PIN=4826 "$PD" --config "$T/t1.ini" --user bob consumer search zz
same "bob at T01: refused, status 5" "$RC" 5
has "bob at T01: the answer of a wrong PIN" \
    'Wrong user name or PIN for "bob" (1 of 5 tries before a lockout)'
expect "bob signs in at T02" 0 "" \
    env PAYDESK_PIN=4826 "$PD" --config "$T/t2.ini" --user bob consumer search zz
expect "flo (every branch) signs in at T01" 0 "" \
    env PAYDESK_PIN=739150 "$PD" --config "$T/t1.ini" --user flo consumer search zz

# anna moves to B02: T01 loses her hash at its next pull, T02 gains it
printf 'username,full_name,role,pin,branch\nanna,Anna Berg,cashier,7391,B02\n' \
    >"$T/move.csv"
expect "anna moves to B02" 0 "1 updated" \
    central import ACME users "$T/move.csv" --update
pdt 1 sync >/dev/null
pdt 2 sync >/dev/null
same "T01 no longer holds anna's hash" "$(hashed 1)" "admin,flo,jane,mary"
same "T02 holds it now" "$(hashed 2)" "admin,anna,bob,flo,jane,mary"
expect "anna is refused at T01" 5 'Wrong user name or PIN for "anna"' \
    env PAYDESK_PIN=7391 "$PD" --config "$T/t1.ini" --user anna consumer search zz
expect "anna signs in at T02" 0 "" \
    env PAYDESK_PIN=7391 "$PD" --config "$T/t2.ini" --user anna consumer search zz

# a bad branch is refused at its line and column; nothing imported
printf 'username,full_name,role,pin,branch\ncy,Cy Ek,cashier,7391,B 01\n' \
    >"$T/bad.csv"
expect "a branch with a space: refused" 3 \
    "bad.csv:2:23: branch: Branch (a value from the file, not shown): 1 to 16 letters, digits and '-', or empty for every branch" \
    central import ACME users "$T/bad.csv"
printf 'username,full_name,role,pin,branch\ncy,Cy Ek,cashier,7391,B0123456789012345\n' \
    >"$T/bad.csv"
expect "a branch of 17 characters: refused" 3 "bad.csv:2:23: branch:" \
    central import ACME users "$T/bad.csv"
printf 'username,full_name,role,pin,branch\ncy,Cy Ek,cashier,7391,B/1\n' \
    >"$T/bad.csv"
# a terminal that syncs takes its users from the central node (s72, h1's
# fault 1): its import refused whatever the file; a store of its own
# reads the file and names the value
expect "a users import at a terminal that syncs: refused (3)" 3 \
    "import them there" \
    env PAYDESK_PIN=9999 "$PD" --config "$T/t1.ini" --user admin import users \
    "$T/bad.csv"
"$PD" init >/dev/null && "$PD" import users "$DATA/users.csv" >/dev/null ||
    echo "not ok - a store of its own"
expect "a branch with a slash, at a store of its own: refused, shown" 3 \
    "bad.csv:2:23: branch: Branch \"B/1\": 1 to 16 letters" \
    env PAYDESK_PIN=9999 "$PD" --user admin import users "$T/bad.csv"
same "nothing of them imported" \
    "$(csql "SELECT count(*) FROM users WHERE username = 'cy'")" 0
