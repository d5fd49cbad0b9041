#!/bin/sh
# fuzz.sh - `make fuzz`: run each libFuzzer harness of tests/fuzz (built
# by `make FUZZ=1 fuzzers` with clang, ASan and UBSan, in build-fuzz/)
# for FUZZ_SECONDS (default 60), starting from its corpus in
# tests/fuzz/corpus/<harness>/. New interesting inputs stay in
# build-fuzz/fuzz/corpus/<harness>/ (copy the good ones to the checked-in
# corpus by hand); an input that crashes, leaks or hangs is copied into
# the checked-in corpus as crash-*, leak-* or timeout-*, so that the
# corpus replay of `make check` runs it from then on. Exits non-zero if
# any harness found one.
BUILD=${BUILD:-build-fuzz}
SECS=${FUZZ_SECONDS:-60}
out="$BUILD/fuzz"
found=0
for h in tests/fuzz/fuzz_*.c; do
	name=$(basename "$h" .c)
	seeds="tests/fuzz/corpus/$name"
	work="$out/corpus/$name"
	art="$out/artifacts/$name"
	mkdir -p "$seeds" "$work" "$art"
	rm -f "$art"/* # earlier finds are in the corpus already
	echo "fuzzing $name for $SECS s"
	"$out/$name" -max_total_time="$SECS" -max_len=16384 -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix="$art/" "$work" "$seeds" \
	    >"$out/$name.log" 2>&1
	rc=$?
	tail -3 "$out/$name.log"
	new=0
	for f in "$art"/crash-* "$art"/leak-* "$art"/timeout-* \
	    "$art"/oom-*; do
		[ -f "$f" ] || continue
		new=1
		found=1
		cp "$f" "$seeds/"
		echo "$name: $(basename "$f") added to $seeds (log: $out/$name.log)"
	done
	if [ "$rc" -ne 0 ] && [ "$new" -eq 0 ]; then
		found=1
		echo "$name exited $rc (log: $out/$name.log)"
	fi
done
exit $found
