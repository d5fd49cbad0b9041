#!/bin/sh
# Review 23: a value the dashboard's filter form (v) or the payments list's
# filter form refuses is explained with the command line's option name:
# "--method "Cassh": not one of Cash, ..." and "--user "Nobody": ...", on a
# screen whose fields are called Method and User. A person at the screen
# typed into a field, not an option: the message names the field.
. tests/review/r23_lib.sh
r23_store f
tui_start "PAYDESK_CONFIG=$PAYDESK_CONFIG"
tui_wait "Username" || notok "login screen"
tui_keys sup Tab 482913 Enter
tui_wait "Branch B01" || notok "dashboard"
tui_keys v
tui_wait "Filter the dashboard" || notok "dashboard filters"
tui_keys Down Down Down Down Cassh Enter
tui_wait "Cassh\"" || notok "no refusal of method Cassh"
msg=$(tui_screen | grep 'Cassh"')
case "$msg" in
*--*) notok "dashboard filter: the refusal names the option: $(echo $msg)" ;;
*) ok "dashboard filter: $(echo $msg)" ;;
esac
tui_keys Escape; sleep 0.5
tui_keys p
tui_wait "All Payments" || notok "payments list"
tui_keys f
tui_wait "Filter the payments" || notok "payments filter"
tui_keys Down Down Down Down Down Down Down Nobody Enter
tui_wait "Nobody\"" || notok "no refusal of user Nobody"
msg=$(tui_screen | grep 'Nobody"')
case "$msg" in
*--*) notok "payments filter: the refusal names the option: $(echo $msg)" ;;
*) ok "payments filter: $(echo $msg)" ;;
esac
r23_done
