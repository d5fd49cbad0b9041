"""forecast_check.py DB AS_OF WEEK_START WEEKS PAST [SEGMENT [PAYMENTS]] -
the cash-flow
forecast of paydesk(1) computed again from the store with nothing of
paydesk's code (issue 23): prints one line per week, past weeks first,
"past|ahead from to open forecast came_in collected consumers", then
"arrears N". Integers in minor units.

The method, as the man page states it: a consumer's open amount in a
week (what its items due in the week owe at the start of the as-of day)
times its on-time ratio (over its items due in the 365 days before
that day, before today for the weeks ahead: what was paid to them on or
before their due date over their amounts, less what each plan holds of
them by its moves made before the as-of day, when it took them over on
or before their due day or its cancel closed them, by the events the
central node has: one taken over late stays, not paid on time), else the
organisation's ratio over the same days, else 1;
half up per consumer. A payment counts when Posted or Pending, on its
paid_on day, for what it pays as it stands (every allocation, its
reversals and carries netted); what came in in a past week, as what was collected, counts
the Posted ones. What an item owes is also less what an arrangement took
over of it (moved before the as-of day: its installments owe it) and
what credit notes paid of it before that day; an item counts from the
earlier of the day it came into the store (item_entries) and its issue
date, its week's start knowing it or not. A past week knows what its
first day knew: the items issued or entered, the plans and the credit
notes of that day (not its payments: they came in). SEGMENT (not empty): the
items of that segment's consumers only; PAYMENTS: an SQL condition on
the payments p (a scope) that the past weeks' came in and collected
count, with the segment's consumers' alone. The items are the
organisation's: none that only this store holds, undone when the
central node refused what made it."""
import datetime
import sqlite3
import sys

db, as_of, week_start, weeks, past = sys.argv[1:6]
segment = sys.argv[6] if len(sys.argv) > 6 and sys.argv[6] else None
scope = sys.argv[7] if len(sys.argv) > 7 else "1"
weeks, past = int(weeks), int(past)
con = sqlite3.connect(db)
day = datetime.date.fromisoformat
today = day(as_of)
wd = {"monday": 0, "sunday": 6, "saturday": 5}[week_start]
first = today - datetime.timedelta(days=(today.weekday() - wd) % 7)

# the organisation's items: not those only this store holds, undone when
# the central node refused what made them (sync_undone, where the store
# has it: an uphold's cancelled charge by its own uuid, a plan's
# installments by the uuid of the event that made them), which no other
# terminal has; they are in no week and no history, nor is what paid them
undone = con.execute(
    "SELECT count(*) FROM sqlite_master WHERE name = 'sync_undone'"
).fetchone()[0]
not_org = set(i for (i,) in con.execute(
    "SELECT i.id FROM items i WHERE i.uuid IN (SELECT uuid FROM "
    "sync_undone) OR i.arr_event IN (SELECT e.id FROM arrangement_events "
    "e JOIN sync_undone u ON u.uuid = e.uuid)")) if undone else set()
items = [r for r in con.execute(
    "SELECT id, consumer_id, amount, due_on FROM items").fetchall()
    if r[0] not in not_org]
# the day each item is known from: the earlier of its entry into the
# store (item_entries, where the store has it) and its issue date
entries = con.execute(
    "SELECT count(*) FROM sqlite_master WHERE name = 'item_entries'"
).fetchone()[0]
known = dict(con.execute(
    "SELECT i.id, min(i.issued_on, e.entered_on) FROM items i JOIN "
    "item_entries e ON e.item_id = i.id" if entries else
    "SELECT id, '' FROM items"))
paid = {}
for item_id, amount, d in con.execute(
        "SELECT a.item_id, a.amount, p.paid_on FROM allocations a JOIN "
        "payments p ON p.id = a.payment_id WHERE "
        "p.status IN ('Posted', 'Pending')"):
    paid.setdefault(item_id, []).append((amount, d))
# taken over by arrangements and paid by credit notes, by day (a credit
# application undone, in sync_undone where the store has it, paid nothing)
settled = {}
for item_id, amount, d in con.execute(
        "SELECT m.item_id, m.amount, substr(e.at, 1, 10) FROM "
        "arrangement_moves m JOIN arrangement_events e ON e.id = m.event_id "
        "UNION ALL SELECT item_id, amount, applied_on FROM "
        "credit_applications c" + (
            " WHERE c.uuid NOT IN (SELECT uuid FROM sync_undone)"
            if undone else "")):
    settled.setdefault(item_id, []).append((amount, d))
of_segment = set(c for (c,) in con.execute(
    "SELECT id FROM consumers WHERE ? IS NULL OR lower(segment) = lower(?)",
    (segment, segment)))
# the scope's Posted payments, their allocations: what came in (a
# Pending payment is not in yet, as it is not collected)
scoped = {}
for item_id, amount, d in con.execute(
        "SELECT a.item_id, a.amount, p.paid_on FROM allocations a JOIN "
        "payments p ON p.id = a.payment_id WHERE "
        "p.status = 'Posted' AND (%s)" % scope):
    scoped.setdefault(item_id, []).append((amount, d))


def paid_before(item_id, limit, cut=None):
    # paid before limit; taken over or credited before cut (limit)
    return sum(a for a, d in paid.get(item_id, []) if d < limit) + sum(
        a for a, d in settled.get(item_id, []) if d < (cut or limit))


def weigh(open_, due, on_time, org_due, org_on):
    if open_ <= 0:
        return 0
    if due <= 0:
        due, on_time = org_due, org_on
    if due <= 0:
        return open_
    on_time = min(max(on_time, 0), due)
    return (open_ * on_time + due // 2) // due


# what left the history, by item: what a plan holds of it (all its
# events' moves on it), when the plan took it over (create, reschedule)
# on or before its due day or its cancel closed it (an installment), from
# the first day of such a move on; one taken over late stays, not paid on
# time. Judged per plan and item, on the events the central node has (a
# change refused and undone here, in sync_undone, took nothing over)
due_of = dict((i, d) for i, c, amount, d in items)
undone_ev = set(e for (e,) in con.execute(
    "SELECT e.id FROM arrangement_events e JOIN sync_undone u ON "
    "u.uuid = e.uuid")) if undone else set()
moves = con.execute(
    "SELECT m.item_id, m.amount, substr(e.at, 1, 10), e.kind, "
    "e.arrangement_id, e.id FROM arrangement_moves m JOIN "
    "arrangement_events e ON e.id = m.event_id").fetchall()
taken = {}
for i, amount, d, kind, a, ev in moves:
    if (i in due_of and amount > 0 and ev not in undone_ev
            and (kind == "cancel" or d <= due_of[i])):
        taken[(i, a)] = min(d, taken.get((i, a), d))
moved = {}
for item_id, amount, d, kind, arr, ev in moves:
    if (item_id, arr) in taken:
        moved.setdefault(item_id, []).append(
            (amount, max(d, taken[(item_id, arr)])))


def week(frm, to, at, end=None, cut=None):
    # the history: the items due in the 365 days before end (a past
    # week's first day; today for the weeks ahead: an item due today is
    # not late yet), less what arrangements took over of them before cut
    # (their installments owe it: a debt counts once); cut, the first day
    # not known (a past week's the day after its first: what its first
    # day issued, entered, arranged or credited is known)
    end = end or at
    cut = cut or at
    hist = (day(end) - datetime.timedelta(days=365)).isoformat()
    due, on = {}, {}
    for i, c, amount, d in items:
        if hist <= d < end:
            due[c] = due.get(c, 0) + amount - sum(
                a for a, md in moved.get(i, []) if md < cut)
            on[c] = on.get(c, 0) + sum(
                a for a, pd in paid.get(i, []) if pd <= d)
    org_due, org_on = sum(due.values()), sum(on.values())
    open_ = {}
    for i, c, amount, d in items:
        # the items known before cut, less what was paid before at
        if frm <= d <= to and c in of_segment and known.get(i, "") < cut:
            open_[c] = open_.get(c, 0) + amount - paid_before(i, at, cut)
    total = exp = n = 0
    for c, o in open_.items():
        if o > 0:
            total += o
            n += 1
            exp += weigh(o, due.get(c, 0), on.get(c, 0), org_due, org_on)
    return total, exp, n


def iso(d):
    return d.isoformat()


for k in range(past, 0, -1):
    ws = first - datetime.timedelta(days=7 * k)
    we = ws + datetime.timedelta(days=6)
    total, exp, n = week(iso(ws), iso(we), iso(ws), None,
                         iso(ws + datetime.timedelta(days=1)))
    came = sum(a for i, c, amount, d in items if iso(ws) <= d <= iso(we)
               and c in of_segment and known.get(i, "") <= iso(ws)
               for a, pd in scoped.get(i, []) if iso(ws) <= pd <= iso(we))
    coll = sum(a for a, c in con.execute(
        "SELECT p.amount, p.consumer_id FROM payments p WHERE p.status = "
        "'Posted' AND p.paid_on BETWEEN ? AND ? AND (%s)" % scope,
        (iso(ws), iso(we))) if c in of_segment)
    print("past", iso(ws), iso(we), total, exp, came, coll, n)
tomorrow = iso(today + datetime.timedelta(days=1))
for k in range(weeks):
    ws = first + datetime.timedelta(days=7 * k)
    we = ws + datetime.timedelta(days=6)
    total, exp, n = week(iso(ws), iso(we), tomorrow, iso(today))
    print("ahead", iso(ws), iso(we), total, exp, 0, 0, n)
arrears = sum(amount - paid_before(i, tomorrow) for i, c, amount, d in items
              if d < iso(first) and c in of_segment)
print("arrears", arrears)
