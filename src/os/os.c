/* os.c - the clock and the kernel's random numbers, the I/O that
 * core/uuid.c's formatting leaves to its callers. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>

#include "paydesk/os.h"

void
os_random(void *buf, size_t n)
{
	unsigned char *p = buf;
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = getrandom(p + got, n - got, 0);
		if (r <= 0) {
			fputs("paydesk: getrandom failed\n", stderr);
			abort();
		}
		got += (size_t)r;
	}
}

uint64_t
os_clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void
os_uuid_new(char out[UUID_BUFSZ])
{
	uint8_t r[10];

	os_random(r, sizeof r);
	uuid_v7(os_clock_ms(), r, out);
}
