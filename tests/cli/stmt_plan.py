"""stmt_plan.py SRC DB [FUNCTION] - the plan SQLite makes for each query
of FUNCTION (store_stmt_line_seen of src/store/statements.c unless
named), read from the source as it is compiled (its string literals
joined), on the store DB: one line per query, "QUERY: PLAN" with the
plan's steps joined by "; ". test_statements checks the duplicate check
reads its index on every column it compares (review R18: a reference
compared row by row made the check quadratic); test_shift that the
recount check reads a shift's shown counts by their index."""
import re
import sqlite3
import sys

src, db = sys.argv[1], sys.argv[2]
text = open(src).read()
func = sys.argv[3] if len(sys.argv) > 3 else "store_stmt_line_seen"
body = text[text.index("\n" + func + "("):]
body = body[:body.index("\n}\n")]
queries = []
for m in re.finditer(r"st_stmt\(st,((?:\s*\"(?:[^\"\\]|\\.)*\")+)", body):
    queries.append("".join(re.findall(r"\"((?:[^\"\\]|\\.)*)\"", m.group(1))))
con = sqlite3.connect(db)
args = {"1": "NL01", "2": "", "3": "REF-1", "4": "2026-03-10", "5": 500, "6": 0}
for i, q in enumerate(queries):
    bid = dict(args, **({"2": "B1"} if i == 0 else {}))
    q = re.sub(r"\?(\d)", lambda m: ":p" + m.group(1), q)
    plan = con.execute("EXPLAIN QUERY PLAN " + q,
                       {"p" + k: v for k, v in bid.items()}).fetchall()
    print("%d: %s" % (i + 1, "; ".join(r[-1] for r in plan)))
