#!/bin/sh
# test_i18n_service.sh - the service's answers on the counter's screen in
# Spanish and French, in tmux at 80x24: a wrong PIN with the tries left,
# the lockout and a locked user, each read back whole from the message
# line. The same refusals from the CLI are tests/cli/test_i18n_service.sh.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
setup_store

# start NAME WAIT_TEXT ENV=VALUE...: see tui_open_until (lib.sh)
start() { tui_open_until "$@"; }

start "es" "Inicie sesión para cobrar" LANGUAGE=es
login mary 0000
wait_for "es: a wrong PIN, with the tries left" \
    "Usuario o PIN incorrectos para «mary» (intento 1 de 5 antes del bloqueo)"
lacks "es: not in English" "Wrong user name or PIN"
# the user name stays, the PIN field is emptied: only the PIN again
pin() { type_text "$1"; keys Enter; }
pin 0000
wait_for "es: the second try" "(intento 2 de 5 antes del bloqueo)"

start "fr" "Connectez-vous pour encaisser" LANGUAGE=fr
login mary 0000
wait_for "fr: a wrong PIN, with the tries left" \
    "Identifiant ou code PIN erroné pour « mary » (essai 3 sur 5 avant blocage)"
pin 0000
wait_for "fr: the fourth try" "(essai 4 sur 5 avant blocage)"
pin 0000
wait_for "fr: the fifth locks, the whole message on the line" \
    "PIN erroné pour « mary » ; 5 de suite : bloqué jusqu'à 2025-04-20 10:15:00"
same "mary is locked" \
    "$(sql "SELECT locked_until FROM users WHERE username = 'mary'")" \
    "2025-04-20 10:15:00"

start "es again" "Inicie sesión para cobrar" LANGUAGE=es
login mary 2222
wait_for "es: a locked user, even with the right PIN" \
    "Usuario «mary» bloqueado tras 5 PIN incorrectos hasta 2025-04-20 10:15:00"
lacks "es: and does not get in" "Bienvenido/a"
