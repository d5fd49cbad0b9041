#!/bin/sh
# fuzz.sh - `make fuzz`: build the libFuzzer harnesses of tests/fuzz with
# clang (ASan + UBSan) and run each for FUZZ_SECONDS (default 60).
set -e
BUILD=${BUILD:-build}
SECS=${FUZZ_SECONDS:-60}
out="$BUILD/fuzz"
mkdir -p "$out/corpus"
for h in tests/fuzz/fuzz_*.c; do
	name=$(basename "$h" .c)
	clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude \
	    -D_GNU_SOURCE -o "$out/$name" "$h" src/core/money.c \
	    src/core/date.c src/core/numfmt.c src/core/csv.c src/core/err.c \
	    src/core/xmalloc.c
	mkdir -p "$out/corpus/$name"
	echo "fuzzing $name for $SECS s"
	"$out/$name" -max_total_time="$SECS" -max_len=4096 \
	    "$out/corpus/$name" 2>&1 | tail -3
done
