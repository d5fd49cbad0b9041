/* arena.c - the memory of a push's parsed document in a few large
 * blocks, not a malloc for each of its values: the central node parses
 * a push of thousands of records and frees it whole when the push is
 * answered, and jansson's malloc and free of each value and key were a
 * tenth of its CPU in a push (issue 24: 3.5% in json_loadb's mallocs,
 * 5.9% in the free of the document, glibc's consolidation with it).
 *
 * jansson allocates through one pair of functions for the process
 * (json_set_alloc_funcs): sync_json_arena_install sets this file's,
 * once, before the server's threads start. They allocate from the arena
 * the calling thread is filling (sync_arena_fill), if any, and with
 * malloc otherwise; a free of a pointer inside one of the thread's live
 * arenas is nothing (the arena's blocks go at sync_arena_free), any
 * other pointer goes to free. So a document parsed into an arena must be
 * freed by the thread that parsed it, before its arena: sync_push_decode
 * and sync_push_free are called by one request's handler, and nothing
 * keeps a reference into a push's document past sync_push_free.
 * A pull page is the other case (sync_page_decode): parsed by the
 * terminal's fetching thread, read by the applying one, then freed whole
 * with its arena by whichever thread comes to it, never by json_decref:
 * the parse's arena leaves the parsing thread's live ones once parsed
 * (sync_arena_detach). Without the install (the tests, fuzz_push) there
 * is no arena and jansson mallocs as before.
 *
 * The blocks of a freed arena are kept, up to SPARE_MAX bytes in all,
 * for the next: a block is larger than malloc's mmap threshold, so each
 * push's parse mapped fresh memory and the kernel cleared its pages
 * again (a 100,000-payment push: 11% of the central node's CPU in page
 * faults, a third of them in the parse). They stay until the process
 * ends.
 */
#include <pthread.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "internal.h"

/* The first block of an arena; each next is twice the last. */
#define ARENA_BLOCK (256 * 1024)
/* The most kept of freed blocks, in bytes: a push of SYNC_PUSH_MAX
 * records of the usual size fits. */
#define SPARE_MAX (64 * 1024 * 1024)

struct block {
	struct block *next;
	size_t cap, used;
	alignas(16) unsigned char data[];
};

struct sync_arena {
	struct block *blocks; /* newest first: allocated from */
	struct sync_arena *next;
};

static int installed;
/* the arena the thread's jansson allocations go to (NULL: malloc) */
static _Thread_local struct sync_arena *filling;
/* the thread's live arenas, whose pointers free leaves alone */
static _Thread_local struct sync_arena *live;
/* the blocks of freed arenas, smallest first, and their bytes: any
 * thread's next arena takes them (a push is parsed by whichever worker
 * takes it) */
static struct block *spare;
static size_t spare_bytes;
static pthread_mutex_t spare_lock = PTHREAD_MUTEX_INITIALIZER;

/* A spare block of at least cap bytes, the smallest, or NULL. */
static struct block *
spare_take(size_t cap)
{
	struct block **pp, *b = NULL;

	pthread_mutex_lock(&spare_lock);
	for (pp = &spare; *pp != NULL; pp = &(*pp)->next)
		if ((*pp)->cap >= cap) {
			b = *pp;
			*pp = b->next;
			spare_bytes -= b->cap;
			break;
		}
	pthread_mutex_unlock(&spare_lock);
	return b;
}

/* Block b kept for a next arena, or freed past SPARE_MAX. */
static void
spare_keep(struct block *b)
{
	struct block **pp;

	pthread_mutex_lock(&spare_lock);
	if (b->cap <= SPARE_MAX - spare_bytes) {
		for (pp = &spare; *pp != NULL && (*pp)->cap < b->cap;
		     pp = &(*pp)->next)
			;
		b->next = *pp;
		*pp = b;
		spare_bytes += b->cap;
		b = NULL;
	}
	pthread_mutex_unlock(&spare_lock);
	free(b);
}

static int
owned(const void *p)
{
	const unsigned char *q = p;
	const struct sync_arena *a;
	const struct block *b;

	for (a = live; a != NULL; a = a->next)
		for (b = a->blocks; b != NULL; b = b->next)
			if (q >= b->data && q < b->data + b->cap)
				return 1;
	return 0;
}

static void *
arena_malloc(size_t n)
{
	struct sync_arena *a = filling;
	struct block *b;
	size_t cap;
	void *p;

	if (a == NULL)
		return malloc(n);
	if (n > SIZE_MAX / 4)
		return NULL;
	n = (n + 15) & ~(size_t)15;
	b = a->blocks;
	if (b == NULL || b->cap - b->used < n) {
		cap = b != NULL && b->cap < SIZE_MAX / 4 ? 2 * b->cap
		                                         : ARENA_BLOCK;
		while (cap < n)
			cap *= 2;
		if ((b = spare_take(cap)) == NULL) {
			if ((b = malloc(sizeof *b + cap)) == NULL)
				return NULL; /* jansson fails the parse */
			b->cap = cap;
		}
		b->used = 0;
		b->next = a->blocks;
		a->blocks = b;
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

static void
arena_free(void *p)
{
	if (p != NULL && !owned(p))
		free(p);
}

size_t
sync_arena_spare(void)
{
	size_t n;

	pthread_mutex_lock(&spare_lock);
	n = spare_bytes;
	pthread_mutex_unlock(&spare_lock);
	return n;
}

void
sync_json_arena_install(void)
{
	if (!installed)
		json_set_alloc_funcs(arena_malloc, arena_free);
	installed = 1;
}

struct sync_arena *
sync_arena_new(void)
{
	struct sync_arena *a;

	if (!installed || (a = calloc(1, sizeof *a)) == NULL)
		return NULL;
	a->next = live;
	live = a;
	return a;
}

void
sync_arena_fill(struct sync_arena *a)
{
	filling = a;
}

void
sync_arena_detach(struct sync_arena *a)
{
	struct sync_arena **pp;

	if (a == NULL)
		return;
	if (filling == a)
		filling = NULL;
	for (pp = &live; *pp != NULL; pp = &(*pp)->next)
		if (*pp == a) {
			*pp = a->next;
			break;
		}
	a->next = NULL;
}

void
sync_arena_free(struct sync_arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	sync_arena_detach(a);
	for (b = a->blocks; b != NULL; b = next) {
		next = b->next;
		spare_keep(b);
	}
	free(a);
}
