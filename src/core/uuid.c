/* uuid.c - RFC 9562 UUIDs: version 7 for new records (time-ordered, so
 * that an index on them grows at its end instead of everywhere: a batch
 * of new records touches a few pages of it, not one page each), version
 * 4 formatting for fixed bytes. Pure: the time and the random bits are
 * arguments (os_uuid_new in src/os/ reads them from the machine). */
#include <stdio.h>
#include <string.h>

#include "paydesk/uuid.h"

static void
format(const uint8_t in[16], int version, char out[UUID_BUFSZ])
{
	uint8_t b[16];
	int i;

	for (i = 0; i < 16; i++)
		b[i] = in[i];
	b[6] = (uint8_t)((b[6] & 0x0F) | (version << 4));
	b[8] = (uint8_t)((b[8] & 0x3F) | 0x80);
	snprintf(out, UUID_BUFSZ,
	    "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x",
	    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
	    b[11], b[12], b[13], b[14], b[15]);
}

void
uuid_from_bytes(const uint8_t in[16], char out[UUID_BUFSZ])
{
	format(in, 4, out);
}

void
uuid_v7(uint64_t ms, const uint8_t rnd[10], char out[UUID_BUFSZ])
{
	uint8_t b[16];
	int i;

	for (i = 0; i < 6; i++)
		b[i] = (uint8_t)(ms >> (8 * (5 - i)));
	for (i = 0; i < 10; i++)
		b[6 + i] = rnd[i];
	format(b, 7, out);
}

uint64_t
uuid_v7_ms(const char *s)
{
	uint64_t ms = 0;
	int i;

	if (!uuid_valid(s) || s[14] != '7')
		return 0;
	for (i = 0; i < 13; i++)
		if (i != 8) /* the '-' after the first 8 digits */
			ms =
			    ms << 4 | (uint64_t)(s[i] <= '9' ? s[i] - '0'
			                                     : s[i] - 'a' + 10);
	return ms;
}

int
uuid_valid(const char *s)
{
	size_t i;

	if (strlen(s) != UUID_BUFSZ - 1)
		return 0;
	for (i = 0; i < UUID_BUFSZ - 1; i++)
		if (i == 8 || i == 13 || i == 18 || i == 23
		        ? s[i] != '-'
		        : strchr("0123456789abcdef", s[i]) == NULL || !s[i])
			return 0;
	return 1;
}
