#!/usr/bin/env python3
"""xlsx_cells.py FILE.xlsx - print the first sheet of a workbook, one row a
line, cells separated by tabs, each as KIND:VALUE where KIND is str, num,
money (a number cell whose format shows a currency), date (a number cell
with a date format, printed as YYYY-MM-DD) or empty. The first line is
"# frozen=ROWS widths=W1,W2,..." from the sheet's view and columns.

xlsx_cells.py --shown FILE.xlsx - each money cell as a spreadsheet shows
it through its number format (its sections, the conditions "[>=N]" among
them, quoted and backslash literals, "#" and "0" digit places, "," as
the thousands flag between them), one "CELL<TAB>TEXT" a line.

xlsx_cells.py --compare FILE.csv FILE.xlsx KINDS - check that the data rows
of a CSV export and an xlsx export are the same cell by cell; KINDS has a
letter per column: t text, m money, i integer, d date, w a stored word
(the CSV's as stored, the workbook's as a person reads it: both there);
M money or none, W a stored word or none (both empty). Prints "rows N",
then "sum COLUMN VALUE" for each money column (exact decimals; number
cells are doubles, so they are compared at the CSV's precision), and
"mismatch ..." lines (exit status 1) for any difference.
Standard library only: the workbook is a zip of XML parts."""
import csv
import decimal
import datetime
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_xlsx(path):
    """(frozen, widths, rows) with rows as lists of (kind, value)."""
    z = zipfile.ZipFile(path)
    styles = ET.fromstring(z.read("xl/styles.xml"))
    fmts = {int(f.get("numFmtId")): f.get("formatCode")
            for f in styles.findall("m:numFmts/m:numFmt", NS)}
    kinds = []
    for xf in styles.findall("m:cellXfs/m:xf", NS):
        code = fmts.get(int(xf.get("numFmtId", "0")), "")
        if "yy" in code and "dd" in code:
            kinds.append("date")
        elif ("#,##0" in code or "\\,##0" in code) and '"' in code:
            kinds.append("money")
        else:
            kinds.append("num")
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
        shared = ["".join(t.text or "" for t in si.iter(
            "{%s}t" % NS["m"])) for si in sst.findall("m:si", NS)]
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    pane = sheet.find("m:sheetViews/m:sheetView/m:pane", NS)
    frozen = pane.get("ySplit") if pane is not None and \
        pane.get("state") == "frozen" else "0"
    widths = [c.get("width") for c in sheet.findall("m:cols/m:col", NS)]
    rows = []
    epoch = datetime.date(1899, 12, 30)
    for row in sheet.findall("m:sheetData/m:row", NS):
        # a row without cells is not written: an empty row in its place
        # (the blank one under an analysis report's heading block)
        while row.get("r") and len(rows) < int(row.get("r")) - 1:
            rows.append([])
        out = {}
        for c in row.findall("m:c", NS):
            i = col_index(c.get("r"))
            t = c.get("t", "n")
            if t == "inlineStr":
                out[i] = "str:" + "".join(
                    x.text or "" for x in c.iter("{%s}t" % NS["m"]))
            elif t == "s":
                out[i] = "str:" + shared[int(c.find("m:v", NS).text)]
            else:
                v = c.find("m:v", NS).text
                kind = kinds[int(c.get("s", "0"))]
                if kind == "date":
                    v = (epoch + datetime.timedelta(days=float(v))).isoformat()
                out[i] = kind + ":" + v
        n = max(out) + 1 if out else 0
        rows.append([tuple(out.get(i, "empty:").split(":", 1))
                     for i in range(n)])
    return frozen, [int(float(w)) for w in widths], rows


def sections(code):
    """The format's sections, split at the semicolons outside quotes."""
    out, cur, quoted, esc = [], "", False, False
    for ch in code:
        if esc:
            cur += ch
            esc = False
        elif ch == "\\":
            cur += ch
            esc = True
        elif ch == '"':
            cur += ch
            quoted = not quoted
        elif ch == ";" and not quoted:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return out + [cur]


def pick(code, v):
    """(section, value to show): Excel's choice for v."""
    secs = sections(code)
    conds = [re.match(r"\[(>=|<=|>|<|=)(-?[0-9.]+)\](.*)", s) for s in secs]
    if any(conds):
        ops = {">=": v.__ge__, "<=": v.__le__, ">": v.__gt__,
               "<": v.__lt__, "=": v.__eq__}
        for s, m in zip(secs, conds):
            if m and ops[m.group(1)](decimal.Decimal(m.group(2))):
                return m.group(3), v
        rest = [s for s, m in zip(secs, conds) if not m]
        return rest[0], v
    if v < 0 and len(secs) > 1:
        return secs[1], -v
    if v == 0 and len(secs) > 2:
        return secs[2], v
    return secs[0], v


def render(code, v):
    """v (a Decimal) as the number format code shows it."""
    sec, v = pick(code, v)
    toks = []  # ("lit", text) or ("d", "#"/"0") or ("dot",) or ("comma",)
    i = 0
    while i < len(sec):
        ch = sec[i]
        if ch == '"':
            j = sec.index('"', i + 1)
            toks.append(("lit", sec[i + 1:j]))
            i = j + 1
            continue
        if ch == "\\":
            toks.append(("lit", sec[i + 1]))
            i += 2
            continue
        if ch in "#0":
            toks.append(("d", ch))
        elif ch == ".":
            toks.append(("dot",))
        elif ch == ",":
            toks.append(("comma",))
        else:
            toks.append(("lit", ch))
        i += 1
    dot = next((k for k, t in enumerate(toks) if t[0] == "dot"),
               len(toks))
    ndec = sum(1 for t in toks[dot:] if t[0] == "d")
    a = abs(v).quantize(decimal.Decimal(1).scaleb(-ndec))
    whole, _, frac = format(a, "f").partition(".")
    digits = [k for k, t in enumerate(toks[:dot]) if t[0] == "d"]
    grouped = any(t[0] == "comma" and digits and k > digits[0] and
                  k < digits[-1] for k, t in enumerate(toks[:dot]))
    if grouped:
        whole = "{:,}".format(int(whole))
    out = {}
    rest = whole if whole != "0" or not digits else ""
    if not grouped:
        for k in reversed(digits):
            if rest:
                out[k] = rest[-1]
                rest = rest[:-1]
            else:
                out[k] = "0" if toks[k][1] == "0" else ""
        if rest and digits:
            out[digits[0]] = rest + out[digits[0]]
        if whole == "0" and digits:
            out[digits[-1]] = "0"
    text = ""
    placed = False
    for k, t in enumerate(toks[:dot]):
        if t[0] == "lit":
            text += t[1]
        elif t[0] == "d" and grouped and not placed:
            text += whole
            placed = True
        elif t[0] == "d" and not grouped:
            text += out[k]
    sign = "-" if v < 0 else ""
    if dot < len(toks):
        fd = iter(frac)
        text += "."
        for t in toks[dot + 1:]:
            text += next(fd) if t[0] == "d" else t[1] if t[0] == "lit" else ""
    return sign + text


def shown(path):
    z = zipfile.ZipFile(path)
    styles = ET.fromstring(z.read("xl/styles.xml"))
    fmts = {int(f.get("numFmtId")): f.get("formatCode")
            for f in styles.findall("m:numFmts/m:numFmt", NS)}
    codes = [fmts.get(int(xf.get("numFmtId", "0")), "")
             for xf in styles.findall("m:cellXfs/m:xf", NS)]
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    for c in sheet.iter("{%s}c" % NS["m"]):
        code = codes[int(c.get("s", "0"))]
        if c.get("t", "n") != "n" or '"' not in code or "yy" in code:
            continue
        v = decimal.Decimal(c.find("m:v", NS).text)
        print("%s\t%s" % (c.get("r"), render(code, v)))


def show(path):
    frozen, widths, rows = read_xlsx(path)
    print("# frozen=%s widths=%s" % (frozen, ",".join(map(str, widths))))
    for r in rows:
        print("\t".join("%s:%s" % c for c in r))


def compare(csv_path, xlsx_path, kinds):
    want = {"t": ("str", "empty"), "m": ("money",), "i": ("num",),
            "d": ("date", "empty"), "w": ("str",),
            "M": ("money", "empty"), "W": ("str", "empty"),
            # a date, or a totals row's label in its place (the
            # forecast's, issue 23); a count, or none (a totals row)
            "D": ("date", "str", "empty"), "I": ("num", "empty")}
    with open(csv_path, newline="", encoding="utf-8") as f:
        crow = list(csv.reader(f))[1:]
    frozen, _, xrow = read_xlsx(xlsx_path)
    # the data rows: those under the frozen header row (a heading block
    # of an analysis report's above it, issue 23)
    xrow = xrow[max(int(frozen), 1):]
    bad = 0
    sums = {}
    xsums = {}
    print("rows %d" % len(crow))
    if len(crow) != len(xrow):
        print("mismatch rows csv %d xlsx %d" % (len(crow), len(xrow)))
        return 1
    for n, (c, x) in enumerate(zip(crow, xrow), 2):
        x = x + [("empty", "")] * (len(kinds) - len(x))
        for i, k in enumerate(kinds):
            kind, v = x[i]
            cv = c[i]
            if kind not in want[k]:
                print("mismatch row %d col %d kind %s" % (n, i + 1, kind))
                bad += 1
                continue
            if k in "MW" and kind == "empty":
                # none: empty in both (an open shift's over/short)
                same = cv == ""
            elif k == "M":
                exact = decimal.Decimal(cv)
                same = decimal.Decimal(v).quantize(exact) == exact
            elif k == "W":
                same = cv.strip() != "" and v.strip() != ""
            elif k == "m":
                # a number cell is a binary double, written by the library
                # with 16 significant digits: equal at the CSV's precision
                exact = decimal.Decimal(cv)
                same = decimal.Decimal(v).quantize(exact) == exact
                sums[i] = sums.get(i, 0) + exact
                xsums[i] = xsums.get(i, 0) + decimal.Decimal(v)
            elif k == "i" or (k == "I" and kind == "num"):
                same = decimal.Decimal(cv) == decimal.Decimal(v)
            elif k == "I":
                same = cv == ""
            elif k == "w":
                same = cv.strip() != "" and v.strip() != ""
            else:
                if k == "t" and cv.startswith("'") and v[:1] in "=+-@":
                    cv = cv[1:]  # the CSV-injection guard
                same = cv == v
            if not same:
                print("mismatch row %d col %d csv [%s] xlsx [%s]" %
                      (n, i + 1, cv, v))
                bad += 1
    for i in sorted(sums):
        print("sum %d %s" % (i + 1, sums[i]))
        if xsums[i].quantize(sums[i]) != sums[i]:
            print("mismatch sum col %d csv %s xlsx %s" %
                  (i + 1, sums[i], xsums[i]))
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1] == "--shown":
        sys.exit(shown(sys.argv[2]))
    if sys.argv[1] == "--compare":
        sys.exit(compare(sys.argv[2], sys.argv[3], sys.argv[4]))
    show(sys.argv[1])
