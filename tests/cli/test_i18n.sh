#!/bin/sh
# test_i18n.sh - the translations: po/paydesk.pot is what xgettext makes
# of the sources today, every language of po/LINGUAS translates every
# string of it (none missing, none fuzzy, formats that agree), make built
# its catalogue, and the check itself fails on a catalogue that misses a
# translation. The screens in each language are in tests/tui/test_i18n.sh.
. "$TOP/tests/cli/lib.sh"
PO="$TOP/po"

# catalogue_check PO POT: PO merged with POT (what a string added to the
# sources and not translated looks like) passes msgfmt --check and has
# no untranslated and no fuzzy message; the statistics in $OUT
catalogue_check() {
	msgmerge --quiet --no-fuzzy-matching -o "$T/merged.po" "$1" "$2" \
	    >"$OUT" 2>&1 || return 1
	msgfmt --check --statistics -o /dev/null "$T/merged.po" >"$OUT" 2>&1 ||
	    return 1
	grep -q ' translated message' "$OUT" &&
	    ! grep -q 'untranslated\|fuzzy' "$OUT"
}

# the template is current
if make -s --no-print-directory -C "$TOP" potfile POT_OUT="$T/paydesk.pot" \
    >"$OUT" 2>&1 && cmp -s "$T/paydesk.pot" "$PO/paydesk.pot"; then
	ok "po/paydesk.pot is current (make pot makes it again)"
else
	diff "$PO/paydesk.pot" "$T/paydesk.pot" >>"$OUT" 2>&1
	notok "po/paydesk.pot is current (make pot makes it again)"
fi
n=$(grep -c '^msgid "[^"]' "$PO/paydesk.pot")
[ "$n" -ge 200 ] && ok "the template has the marked strings ($n)" ||
    notok "the template has the marked strings ($n)"

# every language: its catalogue complete, and built
langs=$(cat "$PO/LINGUAS")
same "po/LINGUAS lists es and fr" "$(echo $langs)" "es fr"
for l in $langs; do
	if catalogue_check "$PO/$l.po" "$PO/paydesk.pot"; then
		ok "$l.po translates every string ($(cat "$OUT"))"
	else
		notok "$l.po translates every string"
	fi
	[ -s "$TOP/$BUILD/locale/$l/LC_MESSAGES/paydesk.mo" ] &&
	    ok "make built the $l catalogue" ||
	    echo "not ok - make built the $l catalogue"
done
# widths: F1 help writes a key's text from column 16, in 62 columns at
# 80; only its bottom line ("Up/Down/... scroll") has the whole 80. The
# screens' strings (src/tui) are held to it; the command line's messages
# and the config's comments are lines of their own
for l in $langs; do
	msgcat --no-wrap -o "$T/$l.nowrap.po" "$PO/$l.po"
	python3 - "$T/$l.nowrap.po" >"$OUT" 2>&1 <<'PY'
import re, sys, unicodedata
def cols(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
text = open(sys.argv[1], encoding='utf-8').read()
checked = 0
for m in re.finditer(r'^((?:#.*\n)+)msgid "(.*)"\nmsgstr "(.*)"$', text, re.M):
    refs, msgid, msgstr = m.groups()
    if not re.search(r'^#:.* src/tui/', refs, re.M):
        continue
    checked += 1
    most = 80 if msgid.startswith('Up/Down/') else 62
    if msgid and cols(msgstr) > most:
        print('%d > %d columns: %s' % (cols(msgstr), most, msgstr))
if checked < 150:
    print('only %d strings of the screens found' % checked)
PY
	if [ -s "$OUT" ]; then
		notok "$l.po: every translation fits the help at 80 columns"
	else
		ok "$l.po: every translation fits the help at 80 columns"
	fi
done
ls "$PO"/*.po | sed 's|.*/||; s|\.po$||' >"$T/files"
same "every po/*.po is in po/LINGUAS" "$(sort "$T/files" | tr '\n' ' ')" \
    "$(echo $langs | tr ' ' '\n' | sort | tr '\n' ' ')"

# the check fails when it should: a translation removed, one made fuzzy,
# a string added to the template, a format that does not match
awk '/^msgid "Tasks"$/ {print; getline; print "msgstr \"\""; next} 1' \
    "$PO/es.po" >"$T/missing.po"
if catalogue_check "$T/missing.po" "$PO/paydesk.pot"; then
	notok "the check fails on a catalogue missing a translation"
elif grep -q '1 untranslated' "$OUT"; then
	ok "the check fails on a catalogue missing a translation"
else
	notok "the check fails on a catalogue missing a translation"
fi
awk '/^msgid "Tasks"$/ {print "#, fuzzy"} 1' "$PO/es.po" >"$T/fuzzy.po"
catalogue_check "$T/fuzzy.po" "$PO/paydesk.pot" &&
    notok "the check fails on a fuzzy translation" ||
    ok "the check fails on a fuzzy translation"
cp "$PO/paydesk.pot" "$T/new.pot"
printf '\n#: src/tui/screen_new.c\nmsgid "A string added today"\nmsgstr ""\n' \
    >>"$T/new.pot"
if catalogue_check "$PO/fr.po" "$T/new.pot"; then
	notok "the check fails on a string added without a translation"
else
	ok "the check fails on a string added without a translation"
fi
awk '/^msgid "Welcome, %s"$/ {print; getline; print "msgstr \"Bienvenue\""
    next} 1' "$PO/fr.po" >"$T/format.po"
catalogue_check "$T/format.po" "$PO/paydesk.pot" &&
    notok "the check fails on a translation that drops a %s" ||
    ok "the check fails on a translation that drops a %s"

# messages begin with a capital letter (include/paydesk/err.h): every
# string given to an error setter or the message line, in the sources and
# in each language's translation; the check fails on each kind of fault
if python3 "$TOP/tests/cli/msg_case.py" "$TOP/src" "$PO/es.po" "$PO/fr.po" \
    >"$OUT" 2>&1; then
	ok "every message begins with a capital ($(tail -1 "$OUT"))"
else
	notok "every message begins with a capital"
fi
mkdir -p "$T/src/service" "$T/src/tui"
cat >"$T/src/service/x.c" <<'C'
int f(struct pd_err *err) { return pd_fail(err, PD_EINVAL, _("no such thing %s"), "x"); }
int g(struct pd_err *err) { return money_parse("1", 2, _("amount"), &v, err); }
int h(struct pd_err *err) { return pd_fail(err, PD_EINVAL, "%s: path too long", "p"); }
C
cat >"$T/src/tui/y.c" <<'C'
static void k(struct tui *t) { tui_message(t, 1, "%s", _("nothing to show")); }
static void m(struct tui *t) { tui_message(t, 1, _("Printed")); }
C
python3 "$TOP/tests/cli/msg_case.py" "$T/src" >"$OUT" 2>&1
same "the check finds each lower-case message, and only those" \
    "$(grep -c ': no such thing\|: amount$\|: nothing to show$' "$OUT") $(tail -1 "$OUT")" \
    "3 5 messages, 3 begin with a lower-case letter"
printf 'msgid "Printed"\nmsgstr "imprimé"\n' >"$T/lower.po"
python3 "$TOP/tests/cli/msg_case.py" "$T/src/tui" "$T/lower.po" >"$OUT" 2>&1 &&
    notok "the check fails on a translation that begins in lower case" ||
    { grep -q '"Printed" is translated as "imprimé"' "$OUT" &&
      ok "the check fails on a translation that begins in lower case" ||
      notok "the check fails on a translation that begins in lower case"; }

# [organisation] language is checked like every key
printf '[organisation]\nlanguage = Spanish\n' >>"$PAYDESK_CONFIG"
expect "a language that is not ll or ll_CC is refused" 3 \
    'language: "Spanish": a language is two or three lower-case letters' \
    "$PD" config
sed -i 's/^language = Spanish$/language = pt_BR/' "$PAYDESK_CONFIG"
expect "pt_BR is a language" 0 "language = pt_BR" "$PD" config
