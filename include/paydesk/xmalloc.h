/* xmalloc.h - allocation that aborts on out-of-memory (as tmux's xmalloc.c). */
#ifndef PAYDESK_XMALLOC_H
#define PAYDESK_XMALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t n);
void *xrealloc(void *p, size_t nmemb, size_t n);
/* Returns a copy the caller must free; NULL stays NULL. */
char *xstrdup(const char *s);
/* Returns a formatted string the caller must free. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Bounded copy that always terminates dst. */
void xstrlcpy(char *dst, const char *src, size_t n);

#endif
