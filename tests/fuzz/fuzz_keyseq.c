/* fuzz_keyseq.c - libFuzzer harness for the escape sequences a terminal
 * sends after ESC (keyseq_feed, read by the screens' key loop). The input
 * is the bytes after the ESC, fed one at a time.
 *
 * Invariants: the first answer that is not KEYSEQ_MORE ends the sequence
 * and every later feed answers KEYSEQ_NOT; the answers are KEYSEQ_MORE,
 * KEYSEQ_NOT or a key of the enum; a named key comes from at most five
 * bytes, all of them printable ASCII, the first "[" or "O"; a first byte
 * other than "[" or "O" starts none. */
#include "fuzz.h"
#include "paydesk/keyseq.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keyseq k;
	size_t i, used = 0;
	int r = KEYSEQ_MORE, ended = 0;

	keyseq_start(&k);
	for (i = 0; i < size; i++) {
		int a = keyseq_feed(&k, data[i]);

		if (ended) {
			fuzz_assert(a == KEYSEQ_NOT);
			continue;
		}
		fuzz_assert(a == KEYSEQ_MORE || a == KEYSEQ_NOT ||
		            (a >= KEYSEQ_UNKNOWN && a <= KEYSEQ_F12));
		if (i == 0 && data[0] != '[' && data[0] != 'O')
			fuzz_assert(a == KEYSEQ_NOT);
		used = i + 1;
		r = a;
		ended = a != KEYSEQ_MORE;
	}
	if (r > KEYSEQ_UNKNOWN) {
		fuzz_assert(used >= 2 && used <= 5);
		fuzz_assert(data[0] == '[' || data[0] == 'O');
		for (i = 0; i < used; i++)
			fuzz_assert(data[i] >= 0x20 && data[i] <= 0x7e);
	}
	return 0;
}
