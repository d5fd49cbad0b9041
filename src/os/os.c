/* os.c - the clock and the kernel's random numbers, the I/O that
 * core/uuid.c's formatting leaves to its callers. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Each thread's random bytes for its UUIDs, read from the kernel 400
 * bytes (40 UUIDs) at a time: a getrandom(2) call for each UUID was 3.6%
 * of the 10M bench's statement matching, which makes three a credit (its
 * match's sync record, its outbox row; issue 20, "Speed"). A child of
 * fork(2) drops what its parent had read (uuid_pool_forked), so that
 * the two cannot make one UUID from the same bytes. */
#define UUID_POOL 400
static _Thread_local uint8_t uuid_pool[UUID_POOL];
static _Thread_local size_t uuid_left;
static pthread_once_t uuid_once = PTHREAD_ONCE_INIT;

static void
uuid_pool_forked(void)
{
	/* the child's one thread is the one that forked */
	uuid_left = 0;
}

static void
uuid_pool_once(void)
{
	pthread_atfork(NULL, NULL, uuid_pool_forked);
}

void
os_uuid_new(char out[UUID_BUFSZ])
{
	uint8_t r[10];

	pthread_once(&uuid_once, uuid_pool_once);
	if (uuid_left < sizeof r) {
		os_random(uuid_pool, sizeof uuid_pool);
		uuid_left = sizeof uuid_pool;
	}
	memcpy(r, uuid_pool + sizeof uuid_pool - uuid_left, sizeof r);
	uuid_left -= sizeof r;
	uuid_v7(os_clock_ms(), r, out);
}
