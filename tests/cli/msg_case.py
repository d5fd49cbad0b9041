#!/usr/bin/env python3
"""msg_case.py SRC_DIR [PO...]: every message a person reads begins with a
capital letter (include/paydesk/err.h, "How a message begins").

A message is the string literal given to the error setters and the message
line: the format of pd_fail, pd_err_prefix, tui_message, st_fail's what,
fprintf(stderr, ...), the central node's fail(); the "%s" of one of them
followed by a literal; and a noun handed in to begin someone else's message
(the what of money_parse, date_parse, svc_check_text ..., the action of
svc_require). Each one that begins with a lower-case letter is printed as
FILE:LINE: TEXT, unless its first word is a name written as it is (it has
one of _ . / = or a digit, or it is the program's name, or the message
begins with a command before an option, "pay: --type ...", or with the
protocol's "data: "). For each PO file,
the translation of such a message (its msgid) must not begin with a
lower-case letter either. Exit status 1 when anything was printed."""
import glob
import re
import sys

CALLS = {  # function: index of the argument that begins a message
    'pd_fail': 2, 'pd_err_prefix': 1, 'tui_message': 2, 'st_fail': 2,
    'fprintf': 1, 'fail': 2, 'check_day': 0, 'check_id': 0,
    'check_money': 0, 'check_number': 0, 'check_text': 0, 'check_ts': 0,
    'date_parse': 1, 'date_parse_pattern': 2, 'month_parse': 1,
    'money_parse': 2, 'money_parse_style': 2, 'svc_check_text': 0,
    'svc_date_parse': 2, 'svc_money_arg': 2, 'svc_money_parse': 2,
    'run': 2, 'qb_count': 3, 'need_id': 3, 'number_free': 1,
    'not_mine': 1, 'tui_money_refused': 1, 'tui_money_typed': 2,
    'svc_require': 2, 'cli_date': 1,
}
FORMATS = ('pd_fail', 'pd_err_prefix', 'tui_message', 'fprintf', 'fail')
NAMES = {'paydesk', 'paydesk-central'}
CALL = re.compile(r'\b(' + '|'.join(CALLS) + r')\s*\(')
LIT = re.compile(r'\s*(?:(N?_|gettext)\s*\(\s*)?"')


def args_of(s, i):
    """s[i] is '(': the (start, end) of each top-level argument."""
    depth, j, out, start = 0, i, [], i + 1
    while j < len(s):
        c = s[j]
        if c in '"\'':
            j += 1
            while s[j] != c:
                j += 2 if s[j] == '\\' else 1
        elif c == '/' and s[j + 1] == '*':
            j = s.index('*/', j) + 1
        elif c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                out.append((start, j))
                return out
        elif c == ',' and depth == 1:
            out.append((start, j))
            start = j + 1
        j += 1
    return out


def literal(s, a, b):
    """The adjacent string literals at the start of s[a:b], joined, and
    whether they are marked for translation; None if there are none."""
    m = LIT.match(s, a, b)
    if not m:
        return None
    j, text = m.end() - 1, ''
    while j < b and s[j] == '"':
        k = j + 1
        while s[k] != '"':
            k += 2 if s[k] == '\\' else 1
        text += s[j + 1:k]
        j = k + 1
        while j < b and s[j] in ' \t\n':
            j += 1
    return text, m.group(1) is not None


def lower(text):
    if not text or not text[0].islower():
        return False
    if re.match(r'[a-z-]+( [a-z]+)? ?: --|data ?: ', text):
        return False  # a command's or the protocol's name: "pay: --type"
    word = re.match(r'[^ :,;]*', text).group(0)
    return word not in NAMES and not re.search(r'[_./=0-9]', word)


def messages(root):
    """(file, line, text, translated) of every message in root's .c files"""
    for fn in sorted(glob.glob(root + '/**/*.c', recursive=True)):
        s = open(fn, encoding='utf-8').read()
        for m in CALL.finditer(s):
            name = m.group(1)
            if name == 'fail' and not fn.endswith('central/http.c'):
                continue
            if re.search(r'(int|void|static)\s*$', s[max(0, m.start() - 30):
                                                     m.start()]):
                continue  # the definition, not a call
            a = args_of(s, m.end() - 1)
            k = CALLS[name]
            if name == 'fprintf' and (not a or s[a[0][0]:a[0][1]].strip()
                                      != 'stderr'):
                continue
            if len(a) <= k:
                continue
            lit = literal(s, *a[k])
            if lit and lit[0] == '%s' and name in FORMATS and len(a) > k + 1:
                lit = literal(s, *a[k + 1])
            if lit:
                yield fn, s.count('\n', 0, m.start()) + 1, lit[0], lit[1]


def po_entries(path):
    """msgid -> msgstr (escaped as in the file) of a PO file"""
    out, key, cur = {}, None, {}
    for line in open(path, encoding='utf-8').read().split('\n') + ['']:
        m = re.match(r'(msgid|msgstr) "(.*)"$', line)
        if m:
            key = m.group(1)
            cur[key] = m.group(2)
        elif line.startswith('"') and key:
            cur[key] += line[1:-1]
        else:
            if 'msgid' in cur and 'msgstr' in cur:
                out[cur['msgid']] = cur['msgstr']
            key, cur = None, {}
    return out


def main():
    bad = 0
    msgs = list(messages(sys.argv[1]))
    for fn, line, text, _ in msgs:
        if lower(text):
            print('%s:%d: %s' % (fn, line, text))
            bad += 1
    ids = {t for _, _, t, tr in msgs if tr}
    for po in sys.argv[2:]:
        tr = po_entries(po)
        for mid in sorted(ids):
            st = tr.get(mid, '').lstrip('¿¡«  ')
            name = re.match(r'([a-z-]+(?: [a-z]+)?) ?:', mid)
            if name and not lower(mid) and st.startswith(name.group(1)):
                continue  # the command's name, as written in the msgid
            if st and lower(st):
                print('%s: "%s" is translated as "%s"' % (po, mid, tr[mid]))
                bad += 1
    print('%d messages, %d begin with a lower-case letter' % (len(msgs), bad))
    return 1 if bad else 0


sys.exit(main())
