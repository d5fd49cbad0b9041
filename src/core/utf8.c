/* utf8.c - characters and display columns of UTF-8 text. */
#include "paydesk/utf8.h"

size_t
utf8_len(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	size_t n, i;

	if (c < 0x80)
		return 1;
	if ((c & 0xe0) == 0xc0)
		n = 2;
	else if ((c & 0xf0) == 0xe0)
		n = 3;
	else if ((c & 0xf8) == 0xf0)
		n = 4;
	else
		return 1;
	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

uint32_t
utf8_cp(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	switch (utf8_len(s)) {
	case 2:
		return (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
	case 3:
		return (uint32_t)(u[0] & 0x0f) << 12 |
		       (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f);
	case 4:
		return (uint32_t)(u[0] & 0x07) << 18 |
		       (uint32_t)(u[1] & 0x3f) << 12 |
		       (uint32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f);
	default:
		return u[0] < 0x80 ? u[0] : 0xfffd;
	}
}

/* Ranges as [first, last] pairs. */
static int
in_ranges(uint32_t cp, const uint32_t (*r)[2], size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cp >= r[i][0] && cp <= r[i][1])
			return 1;
	return 0;
}

int
utf8_cp_columns(uint32_t cp)
{
	static const uint32_t zero[][2] = {{0x0300, 0x036f}, {0x0483, 0x0489},
	    {0x0591, 0x05bd}, {0x0610, 0x061a}, {0x064b, 0x065f},
	    {0x0e31, 0x0e31}, {0x0e34, 0x0e3a}, {0x0e47, 0x0e4e},
	    {0x1ab0, 0x1aff}, {0x1dc0, 0x1dff}, {0x200b, 0x200f},
	    {0x20d0, 0x20ff}, {0xfe00, 0xfe0f}, {0xfe20, 0xfe2f}};
	static const uint32_t wide[][2] = {{0x1100, 0x115f}, {0x2e80, 0x303e},
	    {0x3041, 0x33ff}, {0x3400, 0x4dbf}, {0x4e00, 0x9fff},
	    {0xa000, 0xa4cf}, {0xac00, 0xd7a3}, {0xf900, 0xfaff},
	    {0xfe30, 0xfe4f}, {0xff00, 0xff60}, {0xffe0, 0xffe6},
	    {0x1f300, 0x1f64f}, {0x1f900, 0x1f9ff}, {0x20000, 0x3fffd}};

	if (in_ranges(cp, zero, sizeof zero / sizeof zero[0]))
		return 0;
	if (in_ranges(cp, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

int
utf8_columns(const char *s, size_t n)
{
	size_t i = 0;
	int cols = 0;

	while (i < n && s[i] != '\0') {
		cols += utf8_cp_columns(utf8_cp(s + i));
		i += utf8_len(s + i);
	}
	return cols;
}

size_t
utf8_chars(const char *s, size_t n)
{
	size_t i = 0, count = 0;

	while (i < n && s[i] != '\0') {
		i += utf8_len(s + i);
		count++;
	}
	return count;
}
