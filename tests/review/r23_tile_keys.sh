#!/bin/sh
# Review 23: the tiles are chosen and ordered per user, but the keys that
# open the rows behind them are fixed to the tiles' default order (1 Total
# Collected ... 5 Outstanding) and shown nowhere: with the tiles set to
# Outstanding, Collection Rate, the first tile is Outstanding, 1 opens the
# payments of Total Collected (a tile not shown) and nothing on the screen
# says that Outstanding is 5. Either the keys follow the places or each tile
# shows its key.
. tests/review/r23_lib.sh
fc_store k
PAYDESK_NOW="2026-06-15 12:00:00" sup dashboard tiles set outstanding,rate >/dev/null || notok "tiles set"
tui_start "PAYDESK_NOW='2026-06-15 12:00:00' PAYDESK_CONFIG=$PAYDESK_CONFIG"
tui_wait "Username" || notok "login screen"
tui_keys sup Tab 482913 Enter
tui_wait "Branch B01" || notok "dashboard"
frame=$(tui_screen | grep -m1 '┌Outstanding')
case "$frame" in
*5*) ok "the Outstanding tile shows its key: $frame"; r23_done ;;
esac
tui_keys 1
tui_wait "Outstanding: the open items\|All Payments" || notok "1 opened nothing"
title=$(tui_screen | head -1)
case "$title" in
*Outstanding*) ok "1 opens the first tile's rows (Outstanding)" ;;
*) notok "tiles Outstanding, Collection Rate: 1 opens$(echo "$title" | sed 's/.*│ T01 │//; s/ *Sue.*//') (Total Collected, not shown), and no tile shows its key" ;;
esac
r23_done
