#!/bin/sh
# Review 23: a gateway payment (taken by the central node, terminal HQ, no
# branch) counts in EVERY branch's figures: the branch scope is "those of
# every terminal of this terminal's branch ... with the organisation's own
# that no branch took". So B01's and B02's Total Collected each hold the
# same online payment, the branches add up to more than the organisation,
# and a branch's figures hold payments no terminal of it took, which the
# issue says must no longer count silently ("Scope: Branch B01" says
# nothing of them).
. tests/review/r23_lib.sh
r23_world
C gateway add ORG MPESA --profile mobile-money >"$W/gw" || exit 2
S=$(sed -n 's/^path secret: //p' "$W/gw")
curl -s -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/v1/gateway/ORG/MPESA/$S" \
	-d '{"TransactionType":"Pay Bill","TransID":"QK1","TransTime":"20260613100000","TransAmount":"70.00","BusinessShortCode":"600000","BillRefNumber":"A1","MSISDN":"5550001","FirstName":"Alice","MiddleName":"","LastName":"Res"}' >"$W/o"
grep -q Accepted "$W/o"; check $? "the gateway payment is accepted (baseline)"
sync_all
pd T01 sup1 583921 payment verify G-MPESA-000001 >/dev/null; check $? "and verified: Posted (baseline)"
sync_all
org=$(collected T01 adm 482615)
b1=$(collected T01 adm 482615 --scope branch)
b2=$(collected T03 adm 482615 --scope branch)
[ "$org" = 134000 ]; check $? "the organisation: 1340.00 with the gateway's 70.00 (got $org)"
[ $((b1 + b2)) -eq "$org" ]; check $? "the branches add up to the organisation: B01 $b1 + B02 $b2 = $((b1 + b2)), organisation $org"
[ "$b2" = 62000 ]; check $? "B02 counts what its terminal took: 620.00 (got $b2)"
done_r23
