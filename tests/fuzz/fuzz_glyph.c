/* fuzz_glyph.c - libFuzzer harness for the one decoder of font bytes
 * paydesk has: the parts of a TrueType composite glyph (glyf entry),
 * read from the fallback fonts fontconfig finds (src/doc/script_font.c). The
 * input is a glyf entry; its first byte, when there is one, also picks
 * how many parts the caller has room for.
 *
 * Invariants: never more parts than room, never more than the entry can
 * hold (4 bytes each after the 10-byte header), none from a simple glyph
 * (numberOfContours >= 0), the same answer twice, and the parts a
 * smaller room gets are the first ones a larger room gets. ASan checks
 * that nothing outside the entry is read. */
#include "fuzz.h"
#include "../../src/doc/script.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *g = malloc(size ? size : 1);
	uint16_t parts[64], again[64];
	size_t room = size > 0 ? data[0] % 65 : 64, n, m, i;

	memcpy(g, data, size);
	n = script_glyph_parts(g, size, parts, room);
	fuzz_assert(n <= room);
	fuzz_assert(n == 0 || (size >= 14 && n <= (size - 10) / 4));
	if (size >= 2 && !(g[0] == 0xFF && g[1] == 0xFF))
		fuzz_assert(n == 0);
	m = script_glyph_parts(g, size, again, room);
	fuzz_assert(m == n);
	for (i = 0; i < n; i++)
		fuzz_assert(again[i] == parts[i]);
	m = script_glyph_parts(g, size, again, 64);
	fuzz_assert(m >= n);
	for (i = 0; i < n; i++)
		fuzz_assert(again[i] == parts[i]);
	free(g);
	return 0;
}
