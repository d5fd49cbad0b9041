#!/usr/bin/env python3
"""fr_vous.py PO... - the French catalogue speaks to the operator with vous:
print each msgstr with a tu-form (issue 17 review: step 4 read "Choisis"),
one line each, "file:line: word: text"; nothing when there is none.

A tu-form is a pronoun of the second person singular (tu, te, t', toi,
ton, ta, tes) anywhere, or a verb in the imperative singular where an
order starts: at the start of the message or of a sentence, after ": "
or "; " ("{Esc} annule" is the key's doing: third person). Words that
are nouns or prepositions there as well (Compte, Demande, Note, Entre,
Change) are left out; "choisis" after a noun is a participle, never at a
start."""
import re
import sys

PRONOUNS = re.compile(r"(?<![\w'’-])((?:tu|te|toi|ton|ta|tes)(?![\w'’])"
                      r"|t['’](?=\w))", re.I)
VERBS = ("choisis appuie tape saisis sélectionne vérifie utilise ouvre ferme "
         "reviens va fais mets écris lis essaie annule confirme réessaie "
         "indique donne imprime exporte importe ajoute supprime modifie "
         "corrige remplis précise renseigne contacte relance lance quitte "
         "attends garde laisse prends rends passe regarde vois dis sois "
         "patiente recommence scanne compte-le choisis-en").split()
START = re.compile(r"(?:^|[.!?:;]\s+|\n)(%s)(?![\w])"
                   % "|".join(map(re.escape, VERBS)), re.I)


def msgstrs(path):
    """(line, text) of each msgstr of path, its continuation lines joined."""
    cur, line, out = None, 0, []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            if raw.startswith("msgstr"):
                if cur is not None:
                    out.append((line, cur))
                cur, line = "", n
                raw = raw.split(" ", 1)[1]
            elif not raw.startswith('"'):
                if cur is not None:
                    out.append((line, cur))
                cur = None
                continue
            if cur is not None:
                m = re.match(r'"(.*)"\s*$', raw)
                if m:
                    cur += m.group(1).replace("\\n", "\n")
    if cur is not None:
        out.append((line, cur))
    return out


def main():
    for path in sys.argv[1:]:
        for line, text in msgstrs(path):
            for m in list(PRONOUNS.finditer(text)) + list(
                    START.finditer(text)):
                print("%s:%d: %s: %s" % (path, line, m.group(1), text))


main()
