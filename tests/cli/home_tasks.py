#!/usr/bin/env python3
"""home_tasks.py SCREEN_HOME.C PO... - a message that names a task of Home
("Open shift on Home") names it as Home shows it in each language: print
"po: msgid: lacks TASK" for each translation that does not (issue 17
review: French said "Ouvrir la session" for the task "Ouvrir une
session"); nothing when all do. The tasks are the N_() labels of
screen_home.c's tasks[]."""
import re
import sys


def catalogue(path):
    """{msgid: msgstr} of a .po file, continuation lines joined."""
    out, key, cur, field = {}, None, None, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            m = re.match(r'(msgid|msgstr) "(.*)"\s*$', raw)
            if m:
                if m.group(1) == "msgid":
                    if key is not None:
                        out[key] = cur
                    key, cur, field = m.group(2), "", "id"
                else:
                    cur, field = m.group(2), "str"
                continue
            m = re.match(r'"(.*)"\s*$', raw)
            if m and field == "id":
                key += m.group(1)
            elif m and field == "str":
                cur += m.group(1)
            elif not m:
                field = None
    if key is not None:
        out[key] = cur
    return out


src = open(sys.argv[1], encoding="utf-8").read()
table = src[src.index("} tasks[] = {"):]
tasks = re.findall(r'N_\("((?:[^"\\]|\\.)*)"\)', table[:table.index("};")])
for po in sys.argv[2:]:
    cat = catalogue(po)
    for msgid, msgstr in cat.items():
        for task in tasks:
            if task + " on Home" in msgid and msgstr and \
                    cat.get(task, task) not in msgstr:
                print("%s: %s: lacks %s" % (po, msgid, cat.get(task)))
