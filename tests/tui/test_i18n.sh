#!/bin/sh
# test_i18n.sh - the counter UI in Spanish and French, in tmux at 80x24:
# the language from LANGUAGE, from a LANG whose locale is not installed,
# and from [organisation] language; the login, the cashier's home, the
# supervisor's landing screen and F1 help read back from the screen;
# English still English. The catalogues' checks are tests/cli/test_i18n.sh.
. "$TOP/tests/tui/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00"
setup_store

# header_is NAME REGEX: the header row matches the extended REGEX
header_is() {
	settle
	if head -1 "$SCREEN" | grep -Eq -- "$2"; then
		ok "$1"
	else
		echo "not ok - $1"
		head -1 "$SCREEN" | sed 's/^/  | /'
	fi
}
# start NAME WAIT_TEXT ENV=VALUE...: see tui_open_until (lib.sh)
start() { tui_open_until "$@"; }

# the Spanish screens, language chosen by LANGUAGE
start "es (LANGUAGE)" "Inicie sesión para cobrar" LANGUAGE=es
wait_for "es: the header's title" "Cityville Water & Power │ T01 │ Inicio de sesión"
wait_for "es: the login's labels" "Usuario"
wait_for "es: the key bar" \
    "Intro Siguiente / Entrar Tab Cambiar campo F10 Salir F1 Ayuda"
keys F1
wait_for "es: F1 help's title" "Teclas de esta pantalla: Inicio de sesión"
wait_for "es: F1 help's lines" "Tab         pasar entre usuario y PIN"
wait_for "es: F1 help's way back" "Pulse cualquier tecla para volver"
# the fields' keys, from the table `paydesk keys` and paydesk(1) list
# (issue 17: Ctrl-U was in paydesk(1) only)
wait_for "es: F1 lists Ctrl-U where there are fields" \
    "Ctrl-U      vaciar el campo"
wait_for "es: and Backspace, named in the language" \
    "Retroceso   borrar el último carácter"
keys Space
login jane 1234
wait_for "es: the cashier lands on home" "Hoy en este terminal"
wait_for "es: the welcome" "Bienvenido/a, Jane Smith"
wait_for "es: the role in the header" "Jane Smith (cajero)"
wait_for "es: today's figures, plural" "0 pagos registrados, \$0.00"
wait_for "es: the tasks" "Tareas"
for task in "Registrar pago" "Buscar cliente" "Pagos de hoy" \
    "Reimprimir un recibo" "Sincronizar con el nodo central" "Cerrar sesión"; do
	wait_for "es: home lists $task" "     $task"
done
wait_for "es: home's key bar" "Intro Abrir Esc Cerrar sesión F10 Salir F1 Ayuda"
keys F1
wait_for "es: home's help" "Esc         cerrar sesión (confirmar con un segundo Esc)"
lacks "es: no field keys where there is no field" "Ctrl-U"
wait_for "es: the list keys' help" "AvPág       una página abajo"
keys Space
# the task opened keeps the translated title: Record Payment
keys Enter
wait_for "es: a task's title in the header" "│ T01 │ Registrar pago"
keys Escape
wait_for "es: back home" "Hoy en este terminal"
keys Escape
wait_for "es: Esc on home asks first" "¿Cerrar sesión?"
sleep 0.3
keys Escape
wait_for "es: Esc again logs out" "Inicie sesión para cobrar"
login mary 2222
wait_for "es: the supervisor lands on the dashboard" "│ T01 │ Panel"
# the supervisor's header at 80 columns: the name and the date (issue 25
# review: the date gives way after the role, which took its place here);
# the role again where there is room for it
header_is "es: the supervisor's name and date beside the title" \
    "│ Panel {3,}Mary Johnson │ 2025-04-20 10:00$"
tmux -S "$SOCK" resize-window -t pd -x 100 -y 24
wait_for "es: the supervisor's role, given the room" \
    "Mary Johnson (supervisor) │ 2025-04-20 10:00"
tmux -S "$SOCK" resize-window -t pd -x 80 -y 24
wait_for "es: the dashboard's key bar" "Izquierda Anterior Derecha Siguiente p Pagos"
keys F1
wait_for "es: the dashboard's help" \
    "a           el informe de antigüedad de los conceptos pendientes"
# more keys than rows: the help scrolls to its last
keys End
wait_for "es: the dashboard's help, every key" \
    "F1          esta ayuda (también ?)"
keys Space
# the deteriorating payers' screen (b) and its help in Spanish
keys b
wait_for "es: b: the deteriorating payers" "│ T01 │ Pagadores en deterioro"
keys F1
wait_for "es: their help" "los pagos del cliente elegido"
keys Space
keys Escape
wait_for "es: Esc: the dashboard again" "│ T01 │ Panel"

# French from a LANG whose locale this machine does not have
start "fr (LANG=fr_FR.UTF-8)" "Connectez-vous pour encaisser" LANG=fr_FR.UTF-8
wait_for "fr: the header's title" "Cityville Water & Power │ T01 │ Connexion"
wait_for "fr: the login's labels" "Utilisateur"
wait_for "fr: the key bar" \
    "Entrée Suivant / Connexion Tab Changer de champ F10 Quitter F1 Aide"
keys F1
wait_for "fr: F1 help's title" "Touches de cet écran : Connexion"
wait_for "fr: F1 help's lines" "Entrée      passer au code PIN ; sur le code PIN, se connecter"
wait_for "fr: F1 help's way back" "Appuyez sur une touche pour revenir"
keys Space
login jane 1234
wait_for "fr: the cashier lands on home" "Aujourd'hui sur ce terminal"
wait_for "fr: the role in the header" "Jane Smith (caissier)"
wait_for "fr: today's figures (0 is singular in French)" \
    "0 paiement enregistré, \$0.00"
for task in "Enregistrer un paiement" "Rechercher un client" \
    "Paiements du jour" "Réimprimer un reçu" \
    "Synchroniser avec le nœud central" "Déconnexion"; do
	wait_for "fr: home lists $task" "     $task"
done
wait_for "fr: home's key bar" "Entrée Ouvrir Échap Déconnexion F10 Quitter F1 Aide"
# the longest task is whole and can be opened
keys Down Down Down Down
wait_for "fr: the sync task selected is whole" \
    "Synchroniser avec le nœud central"
keys Escape
wait_for "fr: Esc on home asks first" "Se déconnecter ?"
wait_for "fr: the question names Esc as the key bar does" \
    "Se déconnecter ? Échap de nouveau : oui"
sleep 0.3
keys Escape
wait_for "fr: Esc again logs out" "Connectez-vous pour encaisser"
login mary 2222
wait_for "fr: the supervisor lands on the dashboard" "│ T01 │ Tableau de bord"
# "Tableau de bord" leaves no room for the full date beside the name: the
# date without its year, in the organisation's order (issue 25 review:
# the date was dropped)
header_is "fr: the supervisor's date beside the name, without the year" \
    "│ Tableau de bord {3,}Mary Johnson │ 04-20 10:00$"
keys F1
wait_for "fr: the dashboard's help" \
    "l           les alertes : prendre en compte, attribuer, annoter, clore"
keys Space
# the deteriorating payers' screen (b) and its help in French
keys b
wait_for "fr: b: the deteriorating payers" "Payeurs en dégradation"
keys F1
wait_for "fr: their help" "les paiements du client choisi"
keys Space

# [organisation] language, the environment saying nothing (C.UTF-8)
cp "$PAYDESK_CONFIG" "$T/base.ini"
printf '[organisation]\nlanguage = fr\ndate_format = DD/MM/YYYY\n' \
    >>"$PAYDESK_CONFIG"
start "fr ([organisation] language)" "Connectez-vous pour encaisser"
wait_for "fr from the config: the key bar" "F10 Quitter F1 Aide"
login mary 2222
wait_for "fr from the config: the dashboard" "│ T01 │ Tableau de bord"
header_is "fr: the header's short date in the organisation's format" \
    "│ Tableau de bord {3,}Mary Johnson │ 20/04 10:00$"
# LANGUAGE, the operator's own choice, wins over the organisation's
start "es over the config's fr" "Inicie sesión para cobrar" LANGUAGE=es
sed -i 's/^language = fr$/language = es/' "$PAYDESK_CONFIG"
start "es ([organisation] language)" "Inicie sesión para cobrar"
keys F1
wait_for "es from the config: F1 help" "Teclas de esta pantalla: Inicio de sesión"
keys Space
# a locale that is not UTF-8 (LANG=C, or LANG unset as in the README's
# `LANGUAGE=es paydesk`): the screen still draws UTF-8 (issue 25 review)
start "es under LANG=C" "Inicie sesión para cobrar" LANG=C
wait_for "LANG=C: the box line and the accents whole" "Inicio de sesión"
start "es under LANGUAGE=es with no LANG" "Inicie sesión para cobrar" \
    LANG= LANGUAGE=es
# a locale that names English keeps English over the config's es
start "English from LANG=en_US.UTF-8" "Log in to take payments" \
    LANG=en_US.UTF-8

# English when nothing names a language: what every other test sees
cp "$T/base.ini" "$PAYDESK_CONFIG"
start "English" "Log in to take payments"
wait_for "English: the key bar" "Enter Next / Log in Tab Switch field F10 Quit F1 Help"
login jane 1234
wait_for "English: home" "Today at this terminal"
wait_for "English: the role" "Jane Smith (cashier)"
wait_for "English: the tasks" "     Sync with the central node"
keys F1
wait_for "English: help" "Keys of this screen: Home"
lacks "English: nothing Spanish" "Pulse"
keys Space
logout
wait_for "English: logged out" "Log in to take payments"
login mary 2222
wait_for "English: the supervisor's dashboard" "│ T01 │ Dashboard"
header_is "English: the supervisor's name and the full date" \
    "│ Dashboard {3,}Mary Johnson │ 2025-04-20 10:00$"
tmux -S "$SOCK" kill-server

# a sync state that does not fit beside the title gives way: the title
# whole, the time alone on the right (issue 21 review: the es login's
# header read "Inicio de" with a central node configured)
printf '[sync]\nurl = http://127.0.0.1:9\ntoken = x\n' >>"$PAYDESK_CONFIG"
start "es with a central node" "Inicie sesión para cobrar" LANGUAGE=es
wait_for "es: the login's title whole beside the sync state" \
    "T01 │ Inicio de sesión                         10:00"
start "fr with a central node" "Connectez-vous" LANGUAGE=fr
wait_for "fr: the title and the sync state fit together" \
    "T01 │ Connexion      Hors ligne, 0 à envoyer │ 10:00"
tmux -S "$SOCK" kill-server
