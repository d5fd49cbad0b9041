#!/bin/sh
# test_layers.sh - the layers of DESIGN.md, checked on every #include of
# src/ and include/paydesk/: each arrow may only point down, front ends
# (tui, cli, central) include service.h and model.h only, and each
# library's header is included by its one module. The checker runs first
# on a tiny fixture tree (one allowed include, one forbidden) so that a
# checker that cannot fail fails here.
#
# Then the same rule on symbols: the objects of the front ends (except
# the central node's storage adapter, central/backend_*.o) may call
# svc_* and core, never a function of store, doc, sync, config or os;
# `nm` reads them from $TOP/$BUILD, and a fixture of two tiny objects
# proves that check can fail too.
#
# TO ADD A PUBLIC HEADER: a line in HEADERS (its layer). TO ADD A MODULE
# DIRECTORY: a line in DIRS (its layer) and, for a new layer, a line in
# ALLOWED.
set -u
TOP=${TOP:-$(pwd)}
BUILD=${BUILD:-build}
T=$(mktemp -d /tmp/pd-layers.XXXXXX)
trap 'rm -rf "$T"' EXIT

# Public headers (include/paydesk/NAME): their layer.
HEADERS='
alloc.h core
arrange.h core
dispute.h core
credit.h core
shift.h core
deposit.h core
forecast.h core
csv.h core
date.h core
err.h core
i18n.h core
keyseq.h core
model.h core
money.h core
numfmt.h core
pin.h core
say.h core
search.h core
sha256.h core
uuid.h core
utf8.h core
xmalloc.h core
file.h os
os.h os
dynlib.h os
config.h config
store.h store
store_central.h store
store_reports.h store
store_cash.h store
store_work.h store
doc.h doc
export.h doc
bank.h bank
syncnet.h sync
syncrec.h sync
gateway.h sync
service.h service
service_office.h service
service_sync.h service
service_words.h service
service_debts.h service
tui.h tui
'

# Source directories and files: their layer (the first match wins).
# central/backend_*.c is the central node's storage adapter.
DIRS='
src/central/backend_ adapter
src/core/ core
src/os/ os
src/config/ config
src/store/ store
src/doc/ doc
src/bank/ bank
src/sync/ sync
src/service/ service
src/tui/ tui
src/cli/ cli
src/central/ central
'
# Files whose layer is not their directory's (none today).
OVERRIDES='
'

# What a layer may include: layers, or single public headers as =NAME.
# A quoted include without a directory is the module's own header.
# i18n.h (the _() and N_() macros) is core's, and front ends may
# include it beside service.h and model.h to mark their strings.
# config (the file, its schema and checks) sits beside core: it uses
# core only, and the service reads it (front ends see it through
# service.h); store, doc and sync are handed what they need.
ALLOWED='
core core
os core os
config core config
store core os store
doc core os doc
bank core os bank
sync core os sync
service core os config store doc sync bank service
tui =service.h =model.h =tui.h =i18n.h
cli =service.h =model.h =tui.h =i18n.h
central =service.h =model.h =i18n.h
adapter =service.h =model.h store core os
'

# The headers front ends include must not bring the store with them.
FRONT_HEADERS='service.h model.h tui.h'

# Library headers and the only places that include them.
LIBS='
sqlite3.h src/store/ src/central/backend_sqlite.c
libpq-fe.h src/store/db_pg_int.h
curl/curl.h src/sync/
hpdf.h src/doc/
fribidi.h src/doc/
fontconfig/fontconfig.h src/doc/
libxml/parser.h src/bank/
libxml/tree.h src/bank/
libxml/xmlerror.h src/bank/
libofx/libofx.h src/bank/
aqbanking/banking.h src/bank/
aqbanking/types/imexporter_context.h src/bank/
gwenhywfar/gui.h src/bank/
gwenhywfar/gwenhywfar.h src/bank/
gwenhywfar/logger.h src/bank/
curses.h src/tui/
ncurses.h src/tui/
ncursesw/curses.h src/tui/
'

# core is pure: libc's computation headers and the pure libraries.
# libintl.h is there for i18n.h: _() looks a string up in a catalogue
# that src/os/i18n.c loaded; core itself reads no file.
CORE_SYSTEM='assert.h ctype.h errno.h inttypes.h limits.h stdarg.h
stdbool.h stddef.h stdint.h stdio.h stdlib.h string.h strings.h wchar.h
wctype.h libintl.h utf8proc.h openssl/evp.h openssl/sha.h openssl/hmac.h
openssl/crypto.h openssl/core_names.h openssl/params.h'

# Includes allowed beside the tables (none today).
EXCEPTIONS='
'

# check_tree ROOT: print one line per forbidden include under ROOT;
# exit status 0 when there is none.
check_tree() {
	root=$1
	(cd "$root" && find src include/paydesk -name '*.[ch]' 2>/dev/null |
	    sort) >"$T/files"
	(cd "$root" && awk -v headers="$HEADERS" -v dirs="$DIRS" \
	    -v overrides="$OVERRIDES" -v allowed="$ALLOWED" \
	    -v front="$FRONT_HEADERS" -v libs="$LIBS" -v coresys="$CORE_SYSTEM" \
	    -v exceptions="$EXCEPTIONS" '
	function table(text, arr, first,    n, i, l, k, f) {
		n = split(text, l, "\n")
		for (i = 1; i <= n; i++) {
			if (split(l[i], f, " ") < 2)
				continue
			k = f[1]
			arr[k] = substr(l[i], index(l[i], " ") + 1)
			if (first != "")
				order[++norder] = k
		}
	}
	function layer_of(path,    i, h) {
		if (path in over)
			return over[path]
		if (path ~ /^include\/paydesk\//) {
			h = substr(path, length("include/paydesk/") + 1)
			return (h in hl) ? hl[h] : "?"
		}
		for (i = 1; i <= norder; i++)
			if (index(path, order[i]) == 1)
				return dl[order[i]]
		return "?"
	}
	function may(layer, hdr,    n, i, a) {
		n = split(al[layer], a, " ")
		for (i = 1; i <= n; i++)
			if (a[i] == "=" hdr || a[i] == hl[hdr])
				return 1
		return 0
	}
	function bad(file, line, msg) {
		printf "%s:%d: %s\n", file, line, msg
		nbad++
	}
	BEGIN {
		table(headers, hl, "")
		table(dirs, dl, "ordered")
		table(overrides, over, "")
		table(allowed, al, "")
		nlib = split(libs, libl, "\n")
		nsys = split(coresys, sysl, /[ \n]+/)
		for (i = 1; i <= nsys; i++)
			pure[sysl[i]] = 1
		n = split(exceptions, exl, "\n")
		for (i = 1; i <= n; i++)
			if (split(exl[i], f, " ") == 2)
				exc[f[1] " " f[2]] = 1
		while ((getline file < "/dev/stdin") > 0) {
			layer = layer_of(file)
			if (layer == "?")
				bad(file, 0, "its layer is not in the tables " \
				    "of tests/cli/test_layers.sh")
			pub = file ~ /^include\/paydesk\//
			ln = 0
			while ((getline text < file) > 0) {
				ln++
				if (text !~ /^[ \t]*#[ \t]*include/)
					continue
				# <paydesk/x.h> is a project header too
				angle = 0
				if (match(text, /"[^"]*"/) ||
				    (angle = match(text, /<paydesk\/[^>]*>/))) {
					name = substr(text, RSTART + 1, RLENGTH - 2)
					if (pub && !angle)
						name = "paydesk/" name
					if ((file " " name) in exc)
						continue
					if (name !~ /\//)
						continue # the module own header
					if (name !~ /^paydesk\/[^\/]*$/) {
						bad(file, ln, layer " may not " \
						    "include \"" name "\" " \
						    "(another module s own " \
						    "header)")
						continue
					}
					h = substr(name, 9)
					if (pub)
						inc[file, h] = 1
					if (!(h in hl))
						bad(file, ln, "\"" name "\" is " \
						    "not in the layer table")
					else if (!may(layer, h))
						bad(file, ln, layer " may not " \
						    "include " name " (" \
						    hl[h] ")")
				} else if (match(text, /<[^>]*>/)) {
					name = substr(text, RSTART + 1, RLENGTH - 2)
					for (i = 1; i <= nlib; i++) {
						if (split(libl[i], f, " ") < 2 ||
						    f[1] != name)
							continue
						ok = 0
						for (j = 2; j in f; j++)
							if (index(file, f[j]) == 1)
								ok = 1
						if (!ok)
							bad(file, ln, "<" name \
							    "> belongs to " \
							    f[2] " only")
					}
					if (layer == "core" && !(name in pure))
						bad(file, ln, "core is pure; <" \
						    name "> is not libc " \
						    "computation nor a pure " \
						    "library")
				}
			}
			close(file)
		}
		# the headers front ends include, followed through
		nf = split(front, fl, " ")
		for (i = 1; i <= nf; i++) {
			delete seen
			stack[sp = 1] = fl[i]
			while (sp > 0) {
				h = stack[sp--]
				if (h in seen)
					continue
				seen[h] = 1
				if (h == "store.h")
					bad("include/paydesk/" fl[i], 0,
					    "brings store.h to the front ends")
				for (k in inc) {
					split(k, kk, SUBSEP)
					if (kk[1] == "include/paydesk/" h)
						stack[++sp] = kk[2]
				}
			}
		}
		exit (nbad > 0 ? 1 : 0)
	}' <"$T/files")
}

report() {
	if [ "$1" -eq 0 ]; then
		echo "ok - $2"
	else
		echo "not ok - $2"
		sed 's/^/  | /' "$T/out" | head -40
	fi
}

# The checker on fixtures: one allowed include, one forbidden.
fx="$T/fixture"
mkdir -p "$fx/src/tui" "$fx/src/store" "$fx/src/core" "$fx/include/paydesk"
printf '#include "paydesk/service.h"\n' >"$fx/src/tui/good.c"
printf '#include <sqlite3.h>\n#include "paydesk/xmalloc.h"\n' \
    >"$fx/src/store/db.c"
: >"$fx/include/paydesk/service.h"
check_tree "$fx" >"$T/out" 2>&1
report $? "the checker passes a tree that keeps the layers"
printf '#include "paydesk/store.h"\n' >"$fx/src/tui/bad.c"
check_tree "$fx" >"$T/out" 2>&1
rc=$?
if [ "$rc" -ne 0 ] && grep -q 'src/tui/bad.c:1: tui may not include paydesk/store.h' "$T/out" &&
    [ "$(wc -l <"$T/out")" -eq 1 ]; then
	echo "ok - the checker finds a screen that includes the store"
else
	echo "not ok - the checker finds a screen that includes the store"
	sed 's/^/  | /' "$T/out"
fi
rm "$fx/src/tui/bad.c"
printf '#include <curl/curl.h>\n' >"$fx/src/store/net.c"
printf '#include <unistd.h>\n' >"$fx/src/core/io.c"
printf '#include "store.h"\n' >"$fx/include/paydesk/model.h"
: >"$fx/include/paydesk/store.h"
check_tree "$fx" >"$T/out" 2>&1
rc=$?
if [ "$rc" -ne 0 ] && grep -q 'src/store/net.c:1: <curl/curl.h> belongs to src/sync/ only' "$T/out" &&
    grep -q 'src/core/io.c:1: core is pure; <unistd.h>' "$T/out" &&
    grep -q 'include/paydesk/model.h:0: brings store.h to the front ends' "$T/out"; then
	echo "ok - the checker finds a library outside its module, I/O in core, the store behind model.h"
else
	echo "not ok - the checker finds a library outside its module, I/O in core, the store behind model.h"
	sed 's/^/  | /' "$T/out"
fi

rm "$fx/src/store/net.c" "$fx/src/core/io.c"
printf '#include "paydesk/store.h"\n' >"$fx/include/paydesk/model.h"
mkdir -p "$fx/src/central"
printf '#include <paydesk/store.h>\n' >"$fx/src/central/http.c"
check_tree "$fx" >"$T/out" 2>&1
rc=$?
if [ "$rc" -ne 0 ] &&
    grep -q 'src/central/http.c:1: central may not include paydesk/store.h' "$T/out"; then
	echo "ok - the checker finds <paydesk/store.h> (angle brackets) in a front end"
else
	echo "not ok - the checker finds <paydesk/store.h> (angle brackets) in a front end"
	sed 's/^/  | /' "$T/out"
fi

# The library's layers behind the service, whose functions front ends
# may not call: core (money_, utf8_, xmalloc...) and service are theirs.
SYM_LAYERS='store doc sync config os'

# check_syms OBJROOT: print one line per call from a front-end object
# (OBJROOT/src/{tui,cli,central}/*.o, the storage adapter aside) to a
# global function or object defined by OBJROOT/src/LAYER/*.o for a
# layer of SYM_LAYERS; exit status 0 when there is none, 2 when there
# is no front-end object to check.
check_syms() {
	root=$1
	# one nm over every object of a kind (each nm start reads libbfd:
	# one per object was most of this script's time); -A names the file
	for l in $SYM_LAYERS; do
		set -- "$root/src/$l"/*.o
		[ -f "$1" ] || continue
		nm -A --defined-only -g "$@" | awk -v l="$l" \
		    'NF >= 3 { print $3, l }'
	done | sort -u >"$T/libsyms"
	set --
	for o in "$root"/src/tui/*.o "$root"/src/cli/*.o \
	    "$root"/src/central/*.o; do
		[ -f "$o" ] || continue
		case $o in
		*/src/central/backend_*.o) continue ;;
		esac
		set -- "$@" "$o"
	done
	[ $# -gt 0 ] || { echo "no front-end object under $root/src"; return 2; }
	nm -A -u "$@" | awk -v root="$root/src/" '
	    NR == FNR { layer[$1] = $2; next }
	    ($NF in layer) {
		    o = $1
		    sub(/:.*/, "", o)
		    printf "src/%s: calls %s (%s)\n", substr(o, length(root) + 1),
			$NF, layer[$NF]
	    }' "$T/libsyms" - >"$T/uses"
	cat "$T/uses"
	[ ! -s "$T/uses" ]
}

# The symbol checker on fixtures: a screen calling the service, then a
# screen calling the store; the storage adapter may.
sx="$T/symfix"
mkdir -p "$sx/src/store" "$sx/src/tui" "$sx/src/central"
printf 'int store_thing(void);\nint store_thing(void) { return 1; }\n' \
    >"$sx/store.c"
printf 'int svc_thing(void);\nint good(void);\nint good(void) { return svc_thing(); }\n' \
    >"$sx/good.c"
printf 'int store_thing(void);\nint bad(void);\nint bad(void) { return store_thing(); }\n' \
    >"$sx/bad.c"
if cc -c -o "$sx/src/store/db.o" "$sx/store.c" &&
    cc -c -o "$sx/src/tui/good.o" "$sx/good.c" &&
    cc -c -o "$sx/src/central/backend_sqlite.o" "$sx/bad.c"; then
	check_syms "$sx" >"$T/out" 2>&1
	report $? "the symbol checker passes front ends that call the service only"
	cp "$sx/src/central/backend_sqlite.o" "$sx/src/tui/bad.o"
	check_syms "$sx" >"$T/out" 2>&1
	rc=$?
	if [ "$rc" -eq 1 ] &&
	    grep -q '^src/tui/bad.o: calls store_thing (store)$' "$T/out" &&
	    [ "$(wc -l <"$T/out")" -eq 1 ]; then
		echo "ok - the symbol checker finds a screen that calls the store"
	else
		echo "not ok - the symbol checker finds a screen that calls the store"
		sed 's/^/  | /' "$T/out"
	fi
else
	echo "not ok - the symbol checker's fixture compiles"
fi

# The tree itself.
check_tree "$TOP" >"$T/out" 2>&1
report $? "every #include in src/ and include/paydesk/ keeps to its layer"
(cd "$TOP" && grep -rn 'store\.h\|sqlite3\.h' src/tui src/cli) >"$T/out" 2>&1
if [ -s "$T/out" ]; then
	report 1 "nothing in src/tui and src/cli names store.h or sqlite3.h"
else
	report 0 "nothing in src/tui and src/cli names store.h or sqlite3.h"
fi
check_syms "$TOP/$BUILD" >"$T/out" 2>&1
report $? "front ends (but the storage adapter) call no function of store, doc, sync, config or os"
# The store's files call the database seam (src/store/db.h), not SQLite:
# only its drivers name the engines (issue 22; /work/notes/s32/dbseam.sh
# converts a file that does).
(cd "$TOP" && grep -nE '\bsqlite3_|\bSQLITE_|\bPQ[a-z]' src/store/*.c \
    src/store/*.h | grep -vE '^src/store/(db\.h|db_sqlite\.c|db_sqlite_ckpt\.c|db_pg\.c|db_pg_conn\.c|db_pg_batch\.c|db_pg_int\.h|vfs\.c):') \
    >"$T/out" 2>&1
if [ -s "$T/out" ]; then
	report 1 "only the database drivers of src/store name SQLite or libpq"
else
	report 0 "only the database drivers of src/store name SQLite or libpq"
fi
