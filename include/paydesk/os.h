/* os.h - what only the machine can answer: the clock and the kernel's
 * random numbers. core/ never calls these (it takes times and random
 * bytes as arguments); store/, service/ and the front ends do. Files
 * are in file.h, the other module of src/os/. */
#ifndef PAYDESK_OS_H
#define PAYDESK_OS_H
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "uuid.h"

/* Fill buf with n bytes from the kernel's generator (getrandom);
 * aborts with a message if the kernel cannot give them. */
void os_random(void *buf, size_t n);
/* The real-time clock in milliseconds since the Unix epoch (not the
 * test clock of PAYDESK_NOW: only for ordering ids). */
uint64_t os_clock_ms(void);
/* A new version 7 UUID: now (os_clock_ms) and 74 random bits
 * (os_random, read 40 UUIDs' worth at a time for each thread; a forked
 * child reads its own). Later ones sort after earlier ones (to the
 * millisecond). */
void os_uuid_new(char out[UUID_BUFSZ]);
/* The Unix time of local, a wall-clock time of zone given as if it were
 * Unix seconds (src/os/tz.c): zone is an IANA name of the system's time
 * zone database (/usr/share/zoneinfo, "Africa/Nairobi"), or an offset
 * "+03:00", "-05:30", "+03", "UTC". In the hour a clock change skips or
 * repeats, one of the two readings. Reads the file each call, never
 * TZ: safe beside threads formatting their own times. 0, or -1 with
 * err (PD_EINVAL) naming the zone and what is wrong. */
int os_tz_local_to_utc(const char *zone, int64_t local, int64_t *utc,
    struct pd_err *err);

/* How a command run by os_run ended. */
struct os_run_result {
	/* 1: stopped after the time limit, with every process of its group
	 * (SIGKILL: what it started too) */
	int timed_out;
	int signal;    /* the signal that ended it, 0 none */
	int status;    /* its exit status (when no signal) */
	char out[1024];   /* the newest of what it wrote (stdout and stderr) */
	const char *last; /* the last non-empty line of out, in out */
};

/* Run script through /bin/sh -c (arg, when not NULL, as its $1), in a
 * process group of its own, with the len bytes of data on its standard
 * input (NULL: /dev/null), stopped after timeout_ms with every process
 * of the group (src/os/run.c). It is done when sh exits: what it started
 * in the background and left running (a mailer that forks) is its own,
 * neither waited for nor stopped, even when it holds the output open. 0
 * with *res saying how it ended, or -1 with errno when it could not be
 * started. */
int os_run(const char *script, const char *arg, const char *data, size_t len,
    int timeout_ms, struct os_run_result *res);

/* Run command through /bin/sh with the len bytes of data on its standard
 * input (os_run), as the print command is run: stopped after
 * timeout_ms. 0 when it exited with status 0, else -1 with err saying
 * how it failed and the last line it wrote (*timed_out 1, when not
 * NULL: it was stopped for the time). */
int os_run_input(const char *command, const char *data, size_t len,
    int timeout_ms, int *timed_out, struct pd_err *err);

#endif
