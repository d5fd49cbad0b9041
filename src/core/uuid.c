/* uuid.c - version 4 UUIDs. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>

#include "paydesk/uuid.h"

void
uuid_from_bytes(const uint8_t in[16], char out[UUID_BUFSZ])
{
	uint8_t b[16];
	int i;

	for (i = 0; i < 16; i++)
		b[i] = in[i];
	b[6] = (uint8_t)((b[6] & 0x0F) | 0x40);
	b[8] = (uint8_t)((b[8] & 0x3F) | 0x80);
	snprintf(out, UUID_BUFSZ,
	    "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x",
	    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
	    b[11], b[12], b[13], b[14], b[15]);
}

void
uuid_new(char out[UUID_BUFSZ])
{
	uint8_t b[16];
	size_t got = 0;
	ssize_t n;

	while (got < sizeof b) {
		n = getrandom(b + got, sizeof b - got, 0);
		if (n <= 0) {
			fputs("paydesk: getrandom failed\n", stderr);
			abort();
		}
		got += (size_t)n;
	}
	uuid_from_bytes(b, out);
}
