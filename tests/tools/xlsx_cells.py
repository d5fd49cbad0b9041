#!/usr/bin/env python3
"""xlsx_cells.py FILE.xlsx - print the first sheet of a workbook, one row a
line, cells separated by tabs, each as KIND:VALUE where KIND is str, num,
money (a number cell whose format shows a currency), date (a number cell
with a date format, printed as YYYY-MM-DD) or empty. The first line is
"# frozen=ROWS widths=W1,W2,..." from the sheet's view and columns.

xlsx_cells.py --compare FILE.csv FILE.xlsx KINDS - check that the data rows
of a CSV export and an xlsx export are the same cell by cell; KINDS has a
letter per column: t text, m money, i integer, d date. Prints "rows N",
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
        elif "#,##0" in code and '"' in code:
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


def show(path):
    frozen, widths, rows = read_xlsx(path)
    print("# frozen=%s widths=%s" % (frozen, ",".join(map(str, widths))))
    for r in rows:
        print("\t".join("%s:%s" % c for c in r))


def compare(csv_path, xlsx_path, kinds):
    want = {"t": ("str", "empty"), "m": ("money",), "i": ("num",),
            "d": ("date", "empty")}
    with open(csv_path, newline="", encoding="utf-8") as f:
        crow = list(csv.reader(f))[1:]
    _, _, xrow = read_xlsx(xlsx_path)
    xrow = xrow[1:]
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
            if k == "m":
                # a number cell is a binary double, written by the library
                # with 16 significant digits: equal at the CSV's precision
                exact = decimal.Decimal(cv)
                same = decimal.Decimal(v).quantize(exact) == exact
                sums[i] = sums.get(i, 0) + exact
                xsums[i] = xsums.get(i, 0) + decimal.Decimal(v)
            elif k == "i":
                same = decimal.Decimal(cv) == decimal.Decimal(v)
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
    if sys.argv[1] == "--compare":
        sys.exit(compare(sys.argv[2], sys.argv[3], sys.argv[4]))
    show(sys.argv[1])
