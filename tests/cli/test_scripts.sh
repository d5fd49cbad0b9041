# test_scripts.sh - receipts for people whose names are written in many
# scripts (issue 17 section 6), read back from the real PDF: pdftotext for
# the text (compared after NFKC, poppler's bidi marks dropped), pdftotext
# -bbox for where each word is, pdftoppm for what is drawn, pdffonts for
# what is embedded. Arabic is joined and in visual order, Hebrew in visual
# order, Chinese, Japanese and Korean from a fallback font, Devanagari
# and Bengali from one too, shaped by HarfBuzz (the glyphs drawn are
# hb-shape's for the same font), a character no font has is a warning
# naming the field; no reader warns about the CMap.
. "$TOP/tests/cli/lib.sh"
export PAYDESK_NOW="2025-04-20 10:00:00" PAYDESK_PIN=1234
setup_store
R="$T/receipts"

# the consumers, one script each; payments give them receipts in order
cat >"$T/c.csv" <<'CSV'
account_no,name,service_address,phone,email,segment
WU-40001,محمد عبد الله,شارع 12 Main St,(555) 000-4001,,Residential
WU-40002,山田太郎,東京都千代田区,(555) 000-4002,,Residential
WU-40003,김민준,서울특별시 강남구,(555) 000-4003,,Residential
WU-40004,שלום כהן,רחוב הרצל 5,(555) 000-4004,,Residential
WU-40005,王小明,北京市朝阳区建国路 88 号,(555) 000-4005,,Residential
WU-40006,अमित शर्मा,नई दिल्ली,(555) 000-4006,,Residential
WU-40008,لا إله إلا الله,الطريق 7,(555) 000-4008,,Residential
CSV
# U+E000 (private use) and U+20BB7 (past 16 bits): no font has them
printf 'WU-40007,Ann \356\200\200 Lee,Street \360\240\256\267 9,(555) 000-4007,,Residential\n' \
    >>"$T/c.csv"
{
	echo "invoice_no,account_no,period,amount,issued_on,due_on"
	for i in 1 2 3 4 5 6 7 8; do
		echo "INV-4000$i,WU-4000$i,Mar 2025,50.00,2025-04-01,2025-04-15"
	done
} >"$T/b.csv"
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/c.csv" >/dev/null
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/b.csv" >/dev/null

# norm: stdin to NFKC, without the bidi controls poppler adds around a
# right-to-left run, runs of white space squeezed
norm() {
	python3 -c 'import sys, unicodedata, re
t = unicodedata.normalize("NFKC", sys.stdin.read())
t = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", t)
print(re.sub(r"\s+", " ", t).strip())'
}
# value NAME FILE LABEL WANT: the text after LABEL on its line of the
# PDF is WANT, once both are normalised
value() {
	got=$(pdftotext -layout "$2" - 2>/dev/null |
	    sed -n "s/^ *$3  *//p" | head -1 | norm)
	want=$(printf '%s' "$4" | norm)
	same "$1" "$got" "$want"
}
# quiet NAME FILE: pdftotext and pdftoppm read it without a word on stderr
quiet() {
	pdftotext "$2" /dev/null 2>"$OUT.e"
	pdftoppm -r 20 -png "$2" "$T/quiet" 2>>"$OUT.e"
	rm -f "$T"/quiet*.png
	same "$1: pdftotext and pdftoppm print no warning" "$(cat "$OUT.e")" ""
}
# words FILE: "x0 x1 y0 y1 word" per word, from pdftotext -bbox, which
# gives a right-to-left word's letters left to right: put back in
# logical order, NFKC
words() {
	pdftotext -bbox "$1" - 2>/dev/null | python3 -c 'import sys, re, html, unicodedata
for m in re.finditer(r"<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)</word>", sys.stdin.read()):
    w = unicodedata.normalize("NFKC", html.unescape(m.group(5)))
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in w):
        # reversed, then normalised again: the marks of a letter back
        # in canonical order (NFKC sorted them after the letter before)
        w = unicodedata.normalize("NFKC", w[::-1])
    print(m.group(1), m.group(3), m.group(2), m.group(4), w)'
}
# shown FILE: each string the page contents draw (Tj), one a line, its
# codes (Unicode, Identity-H) as characters, in drawing order
shown() {
	python3 -c 'import sys, re, zlib
d = open(sys.argv[1], "rb").read()
for m in re.finditer(rb"stream\r?\n(.*?)endstream", d, re.S):
    try:
        u = zlib.decompress(m.group(1))
    except zlib.error:
        continue
    for h in re.findall(rb"<([0-9A-Fa-f]*)> Tj", u):
        print("".join(chr(int(h[i:i + 4], 16)) for i in range(0, len(h), 4)))' "$1"
}
# drawn FILE FONT: the glyph ids the pages draw in the embedded font whose
# name has FONT, in drawing order, one line: each shown code (Tj and TJ)
# through that font's CIDToGIDMap
drawn() {
	python3 -c 'import sys, re, zlib
d = open(sys.argv[1], "rb").read()
objs = {int(m.group(1)): m.group(2) for m in
        re.finditer(rb"(\d+) 0 obj(.*?)endobj", d, re.S)}
def data(n):
    m = re.search(rb"stream\r?\n(.*?)endstream", objs[n], re.S)
    try:
        return zlib.decompress(m.group(1))
    except zlib.error:
        return m.group(1)
maps = {}  # Type0 font object: CIDToGIDMap bytes, for FONT only
for n, o in objs.items():
    m = re.search(rb"/DescendantFonts \[ ?(\d+) 0 R ?\]", o)
    if m and sys.argv[2].encode() in o:
        g = re.search(rb"/CIDToGIDMap (\d+) 0 R", objs[int(m.group(1))])
        maps[n] = data(int(g.group(1)))
names = {}  # resource name: font object, from every /Font dictionary
for o in objs.values():
    for r in re.findall(rb"/Font\s*<<(.*?)>>", o, re.S):
        names.update((k, int(v)) for k, v in
                     re.findall(rb"/(\w+) (\d+) 0 R", r))
out = []
for c in re.findall(rb"/Contents (\d+) 0 R", d):
    font = None
    for t in re.finditer(rb"/(\w+) [\d.]+ Tf|(\[[^\]]*\]) TJ|(<[0-9A-Fa-f]*>) Tj",
                         data(int(c))):
        if t.group(1):
            font = maps.get(names.get(t.group(1)))
        elif font is not None:
            for h in re.findall(rb"<([0-9A-Fa-f]*)>", t.group(2) or t.group(3)):
                for i in range(0, len(h), 4):
                    cid = int(h[i:i + 4], 16)
                    out.append(font[2 * cid] << 8 | font[2 * cid + 1])
print(" ".join(map(str, out)))' "$1" "$2"
}
# shaped NAME FILE FONTFILE WORD: the glyphs drawn for WORD are those
# HarfBuzz gives with the same font (hb-shape), and not the unshaped ones
# (its fallback shaper: one glyph a character, in logical order)
shaped() {
	want=$(hb-shape --no-glyph-names --no-positions --no-clusters "$3" "$4" |
	    tr -d '[]' | tr '|' ' ')
	flat=$(hb-shape --shapers=fallback --no-glyph-names --no-positions \
	    --no-clusters "$3" "$4" | tr -d '[]' | tr '|' ' ')
	got=" $(drawn "$2" "$(basename "$3" .ttf)") "
	case "$got" in
	*" $flat "*) notok "$1" "drawn unshaped: $flat" ;;
	*" $want "*) ok "$1 ($want, unshaped $flat)" ;;
	*) notok "$1" "wanted $want in$got" ;;
	esac
}
# glyphs NAME FILE WORD N: WORD (N characters of one width) rendered at
# 288 dpi, cut into N cells: inked, and not all alike (empty boxes are)
glyphs() {
	box=$(words "$2" | awk -v w="$3" '$5 == w { print $1, $2, $3, $4; exit }')
	if [ -z "$box" ]; then
		notok "$1" "no word $3 in the PDF"
		return
	fi
	# shellcheck disable=SC2086
	set -- "$1" "$2" "$3" "$4" $box
	x=$(echo "$5" | awk '{ printf "%d", $1 * 4 }')
	y=$(echo "$7" | awk '{ printf "%d", $1 * 4 }')
	wd=$(echo "$5 $6" | awk '{ printf "%d", ($2 - $1) * 4 }')
	ht=$(echo "$7 $8" | awk '{ printf "%d", ($2 - $1) * 4 }')
	pdftoppm -r 288 -gray -x "$x" -y "$y" -W "$wd" -H "$ht" "$2" "$T/ink" \
	    2>/dev/null
	res=$(python3 -c 'import sys
d = open(sys.argv[1], "rb").read()
p = d.split(maxsplit=4)
w, h, n = int(p[1]), int(p[2]), int(sys.argv[2])
px = p[4][-w * h:]
cw = w // n
cells = set()
dark = 0
for i in range(n):
    c = bytes(1 if px[y * w + x] < 128 else 0
              for y in range(h) for x in range(i * cw, (i + 1) * cw))
    dark += sum(c)
    cells.add(c)
print(dark, len(cells))' "$T"/ink*.pgm "$4")
	rm -f "$T"/ink*.pgm
	dark=${res% *} distinct=${res#* }
	if [ "${dark:-0}" -gt 0 ] && [ "${distinct:-0}" -eq "$4" ]; then
		ok "$1 ($dark dark pixels, $distinct different glyphs)"
	else
		notok "$1" "$dark dark pixels, $distinct different of $4"
	fi
}
# ink NAME FILE WORD MIN: the box pdftotext gives WORD holds at least MIN
# dark pixels when the page is rendered at 72 dpi (1 pixel a point)
ink() {
	box=$(words "$2" | awk -v w="$3" '$5 == w { print $1, $2, $3, $4; exit }')
	if [ -z "$box" ]; then
		notok "$1" "no word $3 in the PDF"
		return
	fi
	set -- "$1" "$2" "$3" "$4" $box
	x=${5%.*} y=${7%.*} wd=$((${6%.*} - ${5%.*} + 2)) ht=$((${8%.*} - ${7%.*} + 2))
	pdftoppm -r 72 -gray -x "$x" -y "$y" -W "$wd" -H "$ht" "$2" "$T/ink" 2>/dev/null
	dark=$(python3 -c 'import sys
d = open(sys.argv[1], "rb").read()
parts = d.split(maxsplit=4)
w, h = int(parts[1]), int(parts[2])
print(sum(1 for b in parts[4][-w * h:] if b < 128))' "$T"/ink*.pgm)
	rm -f "$T"/ink*.pgm
	if [ "${dark:-0}" -ge "$4" ]; then ok "$1 ($dark dark pixels)"
	else notok "$1" "$dark dark pixels in $box, wanted $4 or more"; fi
}
pay() {
	expect "$1: paid, receipt written" 0 "$2" \
	    "$PD" --user jane pay "$3" --type bill --method Cash --amount 50
}

# --- Arabic: joined, right to left ------------------------------------
pay "Arabic" R-T01-000001 WU-40001
value "Arabic name reads back in logical order" "$R/R-T01-000001.pdf" \
    Name "محمد عبد الله"
quiet "Arabic receipt" "$R/R-T01-000001.pdf"
# drawn joined and right to left: the page draws الله عبد محمد left to
# right as presentation forms (initial, medial, final, isolated)
shown "$R/R-T01-000001.pdf" >"$OUT"
has "Arabic name drawn in visual order with its letters joined" \
    "ﻪﻠﻟﺍ ﺪﺒﻋ ﺪﻤﺤﻣ"
# text extraction gets letters, not presentation forms (medial meem)
pdftotext "$R/R-T01-000001.pdf" - 2>/dev/null >"$OUT"
run grep -c "ﻤ" "$OUT"
same "Arabic reads back as letters, not presentation forms" \
    "$(cat "$OUT")" 0
words "$R/R-T01-000001.pdf" >"$OUT"
python3 - "$OUT" <<'PY' >"$T/order"
import sys, unicodedata
w = [l.split(" ", 4) for l in open(sys.argv[1], encoding="utf-8").read().splitlines()]
def x(word):
    for x0, x1, y0, y1, t in w:
        if t == word:
            return float(x0)
    return -1
# the name: three words, right to left; the address: an Arabic word, a
# number and Latin in a right-to-left paragraph (UAX #9): Latin leftmost
print(x("محمد") > x("عبد") > x("الله") > 0,
      x("شارع") > x("12") > x("Main") > 0, x("St") > x("Main"))
PY
same "Arabic words run right to left; digits and Latin in their place" \
    "$(cat "$T/order")" "True True True"
ink "the Arabic name is drawn" "$R/R-T01-000001.pdf" "محمد" 20

# --- CJK: a fallback font, embedded as a subset -----------------------
pay "Japanese" R-T01-000002 WU-40002
value "Japanese name reads back" "$R/R-T01-000002.pdf" Name "山田太郎"
value "Japanese address reads back" "$R/R-T01-000002.pdf" \
    "Service address" "東京都千代田区"
quiet "Japanese receipt" "$R/R-T01-000002.pdf"
glyphs "the Japanese name is drawn, not empty boxes" "$R/R-T01-000002.pdf" \
    "山田太郎" 4
pdffonts "$R/R-T01-000002.pdf" 2>/dev/null | sed 's/  */ /g' >"$OUT"
has "the fallback font is embedded as a subset with a Unicode map" \
    "WenQuanYiZenHei CID TrueType Identity-H yes yes yes"
has "the main font is still there" "DejaVuSans,Book CID TrueType Identity-H yes yes yes"
size=$(stat -c %s "$R/R-T01-000002.pdf")
if [ "$size" -le 1048576 ]; then ok "CJK receipt is $size bytes (at most 1 MB)"
else notok "CJK receipt is at most 1 MB" "$size bytes"; fi

pay "Korean" R-T01-000003 WU-40003
value "Korean name reads back" "$R/R-T01-000003.pdf" Name "김민준"
value "Korean address reads back" "$R/R-T01-000003.pdf" \
    "Service address" "서울특별시 강남구"
quiet "Korean receipt" "$R/R-T01-000003.pdf"
# Hangul are composite glyphs whose parts lie past glyph 32767
glyphs "the Korean name is drawn, not blank nor boxes" \
    "$R/R-T01-000003.pdf" "김민준" 3

# --- Hebrew: right to left, no joining --------------------------------
pay "Hebrew" R-T01-000004 WU-40004
value "Hebrew name reads back in logical order" "$R/R-T01-000004.pdf" \
    Name "שלום כהן"
value "Hebrew address with a number reads back" "$R/R-T01-000004.pdf" \
    "Service address" "5 רחוב הרצל"
quiet "Hebrew receipt" "$R/R-T01-000004.pdf"
shown "$R/R-T01-000004.pdf" >"$OUT"
has "Hebrew name drawn right to left" "ןהכ םולש"

pay "Chinese" R-T01-000005 WU-40005
value "Chinese address, Han with digits and Latin spacing" \
    "$R/R-T01-000005.pdf" "Service address" "北京市朝阳区建国路 88 号"
glyphs "the Chinese name is drawn" "$R/R-T01-000005.pdf" "王小明" 3

# --- Devanagari: a fallback font, shaped by HarfBuzz --------------------
DEVA=/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf
BENG=/usr/share/fonts/truetype/lohit-bengali/Lohit-Bengali.ttf
pay "Devanagari" R-T01-000006 WU-40006
value "Devanagari name reads back" "$R/R-T01-000006.pdf" Name "अमित शर्मा"
quiet "Devanagari receipt" "$R/R-T01-000006.pdf"
ink "the Devanagari name is drawn" "$R/R-T01-000006.pdf" "अमित" 20
pdffonts "$R/R-T01-000006.pdf" 2>/dev/null | sed 's/  */ /g' >"$OUT"
has "from a Devanagari font, embedded as a subset" \
    "Lohit-Devanagari CID TrueType Identity-H yes yes yes"
shaped "अमित: the vowel sign ि drawn before its consonant" \
    "$R/R-T01-000006.pdf" "$DEVA" "अमित"
shaped "शर्मा: the reph drawn over the letter after it" \
    "$R/R-T01-000006.pdf" "$DEVA" "शर्मा"

# --- characters no font has: a warning naming the field, exit 0 --------
expect "a payment whose receipt lacks glyphs still succeeds" 0 \
    "R-T01-000007" \
    "$PD" --user jane pay WU-40007 --type bill --method Cash --amount 50
has "the warning names the Name field and the character" \
    'R-T01-000007, field "Name": no font has U+E000'
has "the warning names the Service address field, past U+FFFF too" \
    'field "Service address": no font has U+20BB7'
"$PD" --user jane pay WU-40007 --type bill --method Cash --amount 1 \
    2>"$T/err" >"$T/out" || true
run grep -c "Warning" "$T/out"
same "the warning goes to stderr, not stdout" "$(cat "$OUT")" 0
expect "receipt reprint warns the same and exits 0" 0 \
    'field "Name": no font has U+E000' \
    "$PD" --user jane receipt R-T01-000007 --out "$T/gap.pdf"
has "the reprint is written all the same" "$T/gap.pdf"
value "the characters that exist are still drawn" "$T/gap.pdf" Name \
    "Ann $(printf '\356\200\200') Lee"
quiet "receipt with missing glyphs" "$T/gap.pdf"
expect "a receipt every font covers prints no warning" 0 "" \
    "$PD" --user jane receipt R-T01-000002 --out "$T/ok.pdf"
run sh -c "\"$PD\" --user jane receipt R-T01-000002 --out \"$T/ok2.pdf\" 2>&1 >/dev/null"
same "no warning at all on stderr" "$(cat "$OUT")" ""

# --- lam-alef ligatures and wrapping on the roll -----------------------
pay "Arabic ligatures" R-T01-000009 WU-40008
value "lam-alef ligatures read back as their two letters" \
    "$R/R-T01-000009.pdf" Name "لا إله إلا الله"
printf '[receipts]\npaper = roll80\n' >>"$PAYDESK_CONFIG"
note="دفع العميل المبلغ كاملا نقدا في الفرع الرئيسي وطلب إرسال نسخة من الإيصال إلى عنوان الفواتير مع الشكر"
expect "an Arabic note on the roll" 0 "R-T01-000010" \
    "$PD" --user jane pay WU-40001 --type bill --method Cash --amount 1 \
    --notes "$note"
got=$(pdftotext "$R/R-T01-000010.pdf" - 2>/dev/null | norm)
missing=""
for w in $note; do
	case "$got" in *"$w"*) ;; *) missing="$missing $w" ;; esac
done
same "every word of a wrapped Arabic note reads back" "$missing" ""
quiet "roll receipt with an Arabic note" "$R/R-T01-000010.pdf"

# --- Latin only: one font, no fallback, the size target ----------------
sed -i '/^paper = roll80/d' "$PAYDESK_CONFIG"
expect "a Latin receipt" 0 "R-T01-000011" \
    "$PD" --user jane pay WU-10002 --type bill --method Cash --amount 10
quiet "Latin receipt" "$R/R-T01-000011.pdf"
pdffonts "$R/R-T01-000011.pdf" 2>/dev/null | tail -n +3 >"$OUT"
same "a Latin receipt embeds only the main font" "$(wc -l <"$OUT")" 1
size=$(stat -c %s "$R/R-T01-000011.pdf")
if [ "$size" -le 204800 ]; then ok "Latin receipt is at most 200 KB ($size bytes)"
else notok "Latin receipt is at most 200 KB" "$size bytes"; fi

# --- Indic names shaped: conjuncts, reph, vowel signs, Bengali too ------
cat >"$T/c2.csv" <<'CSV'
account_no,name,service_address,phone,email,segment
WU-40009,अनुष्का शर्मा,किरण नगर,(555) 000-4009,,Residential
WU-40011,किरण,সৌমিত্র রায় কলকাতা,(555) 000-4011,,Residential
CSV
printf 'invoice_no,account_no,period,amount,issued_on,due_on\n%s\n%s\n' \
    "INV-40009,WU-40009,Mar 2025,50.00,2025-04-01,2025-04-15" \
    "INV-40011,WU-40011,Mar 2025,50.00,2025-04-01,2025-04-15" >"$T/b2.csv"
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/c2.csv" >/dev/null
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/b2.csv" >/dev/null
# paid ACCOUNT: pay its bill; the receipt's file in $PDF
paid() {
	run "$PD" --user jane pay "$1" --type bill --method Cash --amount 50
	same "$1: paid, and no warning" "$RC $(grep -c -i warning "$OUT")" "0 0"
	PDF=$(sed -n 's/^Receipt file  *//p' "$OUT")
}
paid WU-40009
p9=$PDF
paid WU-40011
p11=$PDF
value "अनुष्का शर्मा reads back" "$p9" Name "अनुष्का शर्मा"
value "किरण नगर reads back" "$p9" "Service address" "किरण नगर"
value "किरण reads back" "$p11" Name "किरण"
value "a Bengali address reads back (a two-part vowel sign)" "$p11" \
    "Service address" "সৌমিত্র রায় কলকাতা"
quiet "a shaped receipt" "$p9"
quiet "a shaped Bengali receipt" "$p11"
shaped "अनुष्का: the conjunct ष्क" "$p9" "$DEVA" "अनुष्का"
shaped "किरण: ि before क" "$p11" "$DEVA" "किरण"
shaped "সৌমিত্র: the two parts of ৌ around স" "$p11" "$BENG" "সৌমিত্র"
# a long note: each line of it shaped too, however long the run
note=$(printf 'किरण अनुष्का %.0s' 1 2 3 4 5 6 7 8 9 10 11 12)
run "$PD" --user jane pay WU-40009 --type bill --method Cash --amount 1 \
    --notes "$note"
p9n=$(sed -n 's/^Receipt file  *//p' "$OUT")
got=$(pdftotext "$p9n" - 2>/dev/null | norm)
same "a long Devanagari note reads back whole" \
    "$(printf '%s' "$got" | grep -o 'किरण अनुष्का' | wc -l)" 12
want=$(hb-shape --no-glyph-names --no-positions --no-clusters "$DEVA" \
    "अनुष्का" | tr -d '[]' | tr '|' ' ')
same "every अनुष्का of the name and the wrapped note is shaped" \
    "$(drawn "$p9n" Lohit-Devanagari | sed "s/$want/\n/g" | grep -c '^')" 14
# the glyphs' widths are HarfBuzz's: the word after a shaped one starts
# where a reader expects, so the two words stay two words
words "$p9" | awk '$5 == "अनुष्का" || $5 == "शर्मा"' >"$OUT"
same "अनुष्का and शर्मा are two words, in order" \
    "$(awk '{ print $5 }' "$OUT" | tr '\n' ' ')" "अनुष्का शर्मा "

# --- a control character is a space, not a character no font has -------
"$PD" --user jane pay WU-10002 --type bill --method Cash --amount 1 \
    --notes "$(printf 'paid\tin cash')" >/dev/null 2>"$T/err2"
same "a tab in the notes draws as a space, without a warning" \
    "$(cat "$T/err2")" ""

# --- currency symbols (issue 25): each one an organisation may write is
# drawn by an installed font (make deps), read back, without a warning;
# one receipt carries them all in its notes
syms='$ € £ ¥ ¢ ₹ ₦ ₱ ₫ ₪ ₴ ₸ ₺ ₼ ₾ ₿ ৳ ₩ ₭ ₮ ₲ ₵ ₡ ₽ ₨ ₣ ₤ ₥ ₧ ₯ ₰ ₶ ₷ ₻ ฿ ៛ ﷼ ƒ ؋ лв zł Kč R$ KSh Br'
expect "a receipt with every currency symbol in its notes" 0 "R-T01-000016" \
    "$PD" --user jane pay WU-10002 --type bill --method Cash --amount 1 \
    --notes "$syms"
run sh -c "\"$PD\" --user jane receipt R-T01-000016 --out \"$T/syms.pdf\" 2>&1 >/dev/null"
same "every currency symbol has a font: no warning" "$(cat "$OUT")" ""
got=$(pdftotext "$T/syms.pdf" - 2>/dev/null | norm)
missing=""
for s in $syms; do
	s=$(printf '%s' "$s" | norm)
	case "$got" in *"$s"*) ;; *) missing="$missing $s" ;; esac
done
same "every currency symbol reads back from the PDF" "$missing" ""
quiet "receipt with every currency symbol" "$T/syms.pdf"

# a Bangladeshi organisation: BDT, every amount with ৳
printf '[organisation]\ncurrency_symbol = ৳\n' >>"$PAYDESK_CONFIG"
"$PD" --user jane pay WU-10002 --type bill --method Cash --amount 2 \
    >"$T/bdt.out" 2>"$T/bdt.err"
same "a BDT payment: its receipt written without a warning" \
    "$(cat "$T/bdt.err")" ""
run cat "$T/bdt.out"
has "a BDT payment: the receipt R-T01-000017" "R-T01-000017"
pdftotext -layout "$R/R-T01-000017.pdf" - 2>/dev/null >"$T/bdt.txt"
if grep -q '৳2\.00' "$T/bdt.txt"; then ok "the BDT receipt reads ৳2.00"
else notok "the BDT receipt reads ৳2.00"; fi
if grep -q '\$' "$T/bdt.txt"; then notok "the BDT receipt has no dollar sign"
else ok "the BDT receipt has no dollar sign"; fi
pdffonts "$R/R-T01-000017.pdf" 2>/dev/null | sed 's/  */ /g' >"$OUT"
has "৳ from a Bengali font, embedded as a subset" \
    "Lohit-Bengali CID TrueType Identity-H yes yes yes"
quiet "BDT receipt" "$R/R-T01-000017.pdf"

# --- marks of right-to-left scripts, Indic marks, small CJK (issue 17,
# review): harakat and niqqud placed on their letters by HarfBuzz and read
# back after them, an anusvara read back in its place, a CJK subset small
sed -i '/^currency_symbol = ৳/d' "$PAYDESK_CONFIG"
cat >"$T/c3.csv" <<'CSV'
account_no,name,service_address,phone,email,segment
WU-40012,مُحَمَّد عَبْد,شَارِع 12 Main St,(555) 000-4012,,Residential
WU-40013,שָׁלוֹם כֹּהֵן,רְחוֹב הֶרְצֵל 5,(555) 000-4013,,Residential
WU-40014,मुंबई,हिंदी संस्थान कृष्णा,(555) 000-4014,,Residential
WU-40015,فاطِمَة الزَّهْراء,תֵּל אָבִיב,(555) 000-4015,,Residential
CSV
{
	echo "invoice_no,account_no,period,amount,issued_on,due_on"
	for i in 12 13 14 15; do
		echo "INV-400$i,WU-400$i,Mar 2025,50.00,2025-04-01,2025-04-15"
	done
} >"$T/b3.csv"
PAYDESK_PIN=9999 "$PD" --user admin import consumers "$T/c3.csv" >/dev/null
PAYDESK_PIN=9999 "$PD" --user admin import bills "$T/b3.csv" >/dev/null
# inside NAME FILE WORD: nothing is drawn in the 2 points either side of
# WORD's box (a mark a letter off hangs outside it), and the box is inked
inside() {
	box=$(words "$2" | awk -v w="$(nfkc "$3")" '$5 == w { print $1, $2, $3, $4; exit }')
	if [ -z "$box" ]; then
		notok "$1" "no word $3 in the PDF: $(words "$2" | awk '$3 > 250 && $3 < 330 { print $5 }' | tr '\n' ' ')"
		return
	fi
	set -- "$1" "$2" "$3" $box
	res=$(for side in left right in; do
		case $side in
		left) x=$(echo "$4" | awk '{ printf "%d", ($1 - 2) * 4 - 1 }') wd=8 ;;
		right) x=$(echo "$5" | awk '{ printf "%d", $1 * 4 + 1 }') wd=8 ;;
		in) x=$(echo "$4" | awk '{ printf "%d", $1 * 4 }')
		    wd=$(echo "$4 $5" | awk '{ printf "%d", ($2 - $1) * 4 }') ;;
		esac
		y=$(echo "$6" | awk '{ printf "%d", ($1 - 3) * 4 }')
		ht=$(echo "$6 $7" | awk '{ printf "%d", ($2 - $1 + 6) * 4 }')
		pdftoppm -r 288 -gray -x "$x" -y "$y" -W "$wd" -H "$ht" "$2" \
		    "$T/side" 2>/dev/null
		python3 -c 'import sys
d = open(sys.argv[1], "rb").read()
p = d.split(maxsplit=4)
w, h = int(p[1]), int(p[2])
print(sum(1 for b in p[4][-w * h:] if b < 128))' "$T"/side*.pgm
		rm -f "$T"/side*.pgm
	done | tr '\n' ' ')
	set -- "$1" $res
	if [ "$2" -eq 0 ] && [ "$3" -eq 0 ] && [ "$4" -gt 0 ]; then
		ok "$1 ($4 dark pixels inside, none beside)"
	else
		notok "$1" "dark pixels left $2, right $3, inside $4"
	fi
}
# alone NAME FILE: no word pdftotext finds is a mark without its letter
alone() {
	got=$(words "$2" | python3 -c 'import sys, unicodedata
for l in sys.stdin.read().splitlines():
    w = l.split(" ", 4)[4]
    if w and unicodedata.category(w[0]).startswith("M"):
        print(w)')
	same "$1" "$got" ""
}
# nfkc TEXT: TEXT in NFKC (the marks in canonical order, as words gives)
nfkc() { printf '%s' "$1" | python3 -c 'import sys, unicodedata; print(unicodedata.normalize("NFKC", sys.stdin.read()))'; }
# letters NAME FILE FONTFILE WORD: as shaped, but of HarfBuzz's glyphs
# only those drawn in line (the raised or lowered marks are drawn after
# the word): in HarfBuzz's order, and not the unshaped ones
letters() {
	sel='{ n = split($0, g, "|"); o = ""; for (i = 1; i <= n; i++) {
	    split(g[i], p, "+"); id = p[1]; dy = 0; sub(/@.*/, "", id);
	    if (p[1] ~ /@/) { split(p[1], q, ","); dy = q[2] }
	    if (p[2] == 0 && dy != 0) continue; o = o " " id } print substr(o, 2) }'
	want=$(hb-shape --no-glyph-names --no-clusters "$3" "$4" | tr -d '[]' | awk "$sel")
	flat=$(hb-shape --shapers=fallback --no-glyph-names --no-clusters "$3" "$4" |
	    tr -d '[]' | awk "$sel")
	got=" $(drawn "$2" "$(basename "$3" .ttf)") "
	case "$got" in
	*" $flat "*) notok "$1" "drawn unshaped: $flat" ;;
	*" $want "*) ok "$1 ($want, unshaped $flat)" ;;
	*) notok "$1" "wanted $want in$got" ;;
	esac
}
paid WU-40012
p12=$PDF
value "Arabic with harakat reads back in logical order" "$p12" Name "مُحَمَّد عَبْد"
words "$p12" >"$OUT"
python3 - "$OUT" <<'PY' >"$T/order"
import sys, unicodedata
w = [l.split(" ", 4) for l in open(sys.argv[1], encoding="utf-8").read().splitlines()]
def x(word):
    for x0, x1, y0, y1, t in w:
        if t == word:
            return float(x0)
    return -1
n = lambda s: unicodedata.normalize("NFKC", s)
print(x(n("مُحَمَّد")) > x(n("عَبْد")) > 0, x(n("شَارِع")) > x("12") > x("Main") > 0)
PY
same "Arabic words with harakat run right to left, digits and Latin in place" \
    "$(cat "$T/order")" "True True"
alone "no Arabic mark is a word of its own" "$p12"
inside "مُحَمَّد: the harakat drawn on the word, none hangs outside" "$p12" "مُحَمَّد"
inside "عَبْد too" "$p12" "عَبْد"
letters "مُحَمَّد: joined by the font" "$p12" \
    /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "مُحَمَّد"
quiet "a receipt with harakat" "$p12"
paid WU-40013
p13=$PDF
value "Hebrew with niqqud reads back in logical order" "$p13" Name "שָׁלוֹם כֹּהֵן"
value "a Hebrew address with niqqud and a number" "$p13" \
    "Service address" "5 רְחוֹב הֶרְצֵל"
alone "no Hebrew mark is a word of its own" "$p13"
inside "שָׁלוֹם: the niqqud drawn on the word" "$p13" "שָׁלוֹם"
quiet "a receipt with niqqud" "$p13"
paid WU-40015
value "a second Arabic name with harakat and a shadda reads back" "$PDF" \
    Name "فاطِمَة الزَّهْراء"
value "a Hebrew address with dagesh and vowels reads back" "$PDF" \
    "Service address" "תֵּל אָבִיב"
alone "no mark alone there either" "$PDF"
# the credit note of a name with harakat: the same text path
PAYDESK_PIN=2222 "$PD" --user mary credit-note create \
    "$(basename "$p12" .pdf)" --amount 5 --reason "Billing Error" >"$OUT" 2>&1
cn=$(sed -n 's/.*\(CN-T01-[0-9]*\).*/\1/p' "$OUT" | head -1)
PAYDESK_PIN=2222 "$PD" --user mary credit-note pdf "$cn" --out "$T/cn12.pdf" >/dev/null 2>&1
value "a credit note: Arabic with harakat reads back" "$T/cn12.pdf" Name \
    "مُحَمَّد عَبْد"
alone "a credit note: no mark alone" "$T/cn12.pdf"
paid WU-40014
p14=$PDF
value "मुंबई reads back whole" "$p14" Name "मुंबई"
value "हिंदी संस्थान कृष्णा: anusvara, conjuncts, a vowel sign below" "$p14" \
    "Service address" "हिंदी संस्थान कृष्णा"
alone "no Devanagari mark is a word of its own" "$p14"
letters "कृष्णा: the conjunct ष्ण and ृ below, shaped" "$p14" "$DEVA" "कृष्णा"
quiet "a receipt with an anusvara" "$p14"
# the CJK receipts: the fallback font as a subset of the glyphs drawn
for r in R-T01-000002 R-T01-000003 R-T01-000005; do
	size=$(stat -c %s "$R/$r.pdf")
	if [ "$size" -lt 61440 ]; then ok "$r (CJK) is $size bytes, under 60 KB"
	else notok "$r (CJK) is under 60 KB" "$size bytes"; fi
done
value "the small Japanese receipt still reads back" "$R/R-T01-000002.pdf" \
    Name "山田太郎"
size=$(stat -c %s "$p14")
if [ "$size" -lt 61440 ]; then ok "a Devanagari receipt is $size bytes, under 60 KB"
else notok "a Devanagari receipt is under 60 KB" "$size bytes"; fi
