"""reseal.py - change a terminal's store in SQL as paydesk's own code
would have: the SQL runs with the seal triggers in place, and the seals
it wrote are claimed by a new audit entry "fixture test", hashed into the
chain like any use case's (src/store/audit.c, seal.c). A record made so is
one the terminal recorded itself: tests use it to make records the
central node refuses (a conflict, a rule broken) without forging them
around paydesk, which the push refuses (issue 18, section 7).

usage: reseal.py DB SQL"""
import hashlib
import sqlite3
import sys

db, sql = sys.argv[1:3]
con = sqlite3.connect(db, isolation_level=None)
# what src/store/db.c registers on paydesk's connections: the outbox's
# seal trigger seals a payload by its SHA-256
con.create_function("pd_sha256", 1, lambda t: None if t is None else
                    hashlib.sha256(t.encode()).hexdigest(), deterministic=True)
con.execute("BEGIN IMMEDIATE")
floor = con.execute("SELECT coalesce(max(id), 0) FROM seals").fetchone()[0]
for stmt in filter(str.strip, sql.split(";")):
    con.execute(stmt)
last = con.execute("SELECT id, hash, at, terminal FROM audit_log"
                   " ORDER BY id DESC LIMIT 1").fetchone()
eid, prev, at, term = (last[0] + 1, last[1], last[2], last[3]) if last \
    else (1, "0" * 64, "2026-01-01 00:00:00", "")
con.execute("UPDATE seals SET audit_id = ? WHERE audit_id IS NULL AND id > ?",
            (eid, floor))
h = hashlib.sha256()
n = 0
for tbl, row, fields in con.execute("SELECT tbl, row_id, fields FROM seals"
                                    " WHERE audit_id = ? ORDER BY id", (eid,)):
    h.update(tbl.encode() + b"\x1f%d\x1f" % row + fields.encode() + b"\x1e")
    n += 1
seals = h.hexdigest() if n else ""
f = [str(eid), at, "fixture", term, "fixture", "test", "", sql[:200]]
if seals:
    f.append(seals)
entry = hashlib.sha256((prev + "".join("\x1f" + x for x in f)).encode())
con.execute("INSERT INTO audit_log (id, at, user, terminal, action, entity,"
            " ref, detail, prev_hash, hash, seals) VALUES (?, ?, ?, ?, ?, ?,"
            " ?, ?, ?, ?, ?)", (eid, at, "fixture", term, "fixture", "test",
                                "", sql[:200], prev, entry.hexdigest(), seals))
con.execute("COMMIT")
