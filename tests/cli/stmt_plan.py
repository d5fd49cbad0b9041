"""stmt_plan.py SRC DB [FUNCTION] - the plan SQLite makes for each query
of FUNCTION (store_stmt_line_seen of src/store/statements.c unless
named), read from the source as it is compiled (its string literals
joined), on the store DB: one line per query, "QUERY: PLAN" with the
plan's steps joined by "; ". test_statements checks the duplicate check
reads its index on every column it compares (review R18: a reference
compared row by row made the check quadratic); test_shift that the
recount check reads a shift's shown counts by their index; test_shift
and test_deposit_sync that a shift, a deposit and a statement line's
matches are found by their indexes (issue 20: each a scan of every row,
for each record a central node checked or a terminal pulled)."""
import glob
import os
import re
import sqlite3
import sys

src, db = sys.argv[1], sys.argv[2]
text = open(src).read()
func = sys.argv[3] if len(sys.argv) > 3 else "store_stmt_line_seen"
body = text[text.index("\n" + func + "("):]
body = body[:body.index("\n}\n")]
TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|([A-Za-z_]\w*)|([?:])|(\S)')
# the macros of string literals (#define NAME "..." ..., or of other
# such macros) of the file and its directory's headers: what a query's
# text is made of besides literals
macros = {}
for f in sorted(glob.glob(os.path.join(os.path.dirname(src), "*.h"))) + [src]:
    for m in re.finditer(r"^#define (\w+)[ \t]+((?:.*\\\n)*.*)$",
                         open(f).read(), re.M):
        macros[m.group(1)] = m.group(2).replace("\\\n", " ")


def joined(tokens):
    """the string a run of literals and macros makes, or None"""
    out = []
    for lit, name, _, other in tokens:
        if other or (name and name not in macros):
            return None
        out.append(lit if name == "" else joined(TOKEN.findall(macros[name])))
        if out[-1] is None:
            return None
    return "".join(out)


def arg_queries(arg):
    """the queries an argument of st_stmt can be: a run of literals and
    macros, or each branch of a ?: of them (the condition left out)"""
    tokens, branches, cur = TOKEN.findall(arg), [], []
    for t in tokens:
        if t[2] == "?":
            cur = []
        elif t[2] == ":":
            branches.append(cur)
            cur = []
        else:
            cur.append(t)
    branches.append(cur)
    return [q for q in (joined(b) for b in branches) if q]


queries = []
for m in re.finditer(r"st_stmt\(\s*st,(.*?),\s*err\)", body, re.S):
    queries += arg_queries(m.group(1))
con = sqlite3.connect(db)
args = {"1": "NL01", "2": "", "3": "REF-1", "4": "2026-03-10", "5": 500, "6": 0,
        "7": "", "8": "x"}


def numbered(q):
    """q's parameters as :pN: ?N as written, a bare ? the next number (as
    SQLite numbers it: one past the largest before it)"""
    out, last = [], 0
    for part in re.split(r"(\?\d*)", q):
        if part.startswith("?"):
            last = int(part[1:]) if len(part) > 1 else last + 1
            part = ":p%d" % last
        out.append(part)
    return "".join(out)


for i, q in enumerate(queries):
    bid = dict(args, **({"2": "B1"} if i == 0 else {}))
    q = numbered(q)
    plan = con.execute("EXPLAIN QUERY PLAN " + q,
                       {"p" + k: v for k, v in bid.items()}).fetchall()
    print("%d: %s" % (i + 1, "; ".join(r[-1] for r in plan)))
