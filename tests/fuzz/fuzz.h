/* fuzz.h - what the libFuzzer harnesses of tests/fuzz share. Each
 * harness defines LLVMFuzzerTestOneInput over one decoder of bytes from
 * the network or the disk, and checks its invariants with fuzz_assert:
 * a broken invariant aborts, so that libFuzzer (make fuzz) and the
 * corpus replay of make check (replay.c) both report it. */
#ifndef PAYDESK_FUZZ_H
#define PAYDESK_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paydesk/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with what was broken and where. */
/* !!: a 64-bit mask passed as the int would lose its high bits */
#define fuzz_assert(cond) fuzz_check(!!(cond), #cond, __FILE__, __LINE__)

static inline void
fuzz_check(int ok, const char *what, const char *file, int line)
{
	if (!ok) {
		fprintf(
		    stderr, "%s:%d: invariant broken: %s\n", file, line, what);
		abort();
	}
}

/* A failure always says why: a message, NUL-terminated in its buffer. */
static inline void
fuzz_check_err(const struct pd_err *err, const char *file, int line)
{
	size_t n = strnlen(err->msg, sizeof err->msg);

	fuzz_check(n > 0 && n < sizeof err->msg, "an error carries a message",
	    file, line);
	fuzz_check(err->code != PD_OK, "an error carries its kind", file, line);
}
#define fuzz_assert_err(err) fuzz_check_err((err), __FILE__, __LINE__)

/* An error structure that shows whether a call wrote its message. */
static inline void
fuzz_err_init(struct pd_err *err)
{
	memset(err, 0, sizeof *err);
}

#endif
