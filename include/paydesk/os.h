/* os.h - what only the machine can answer: the clock and the kernel's
 * random numbers. core/ never calls these (it takes times and random
 * bytes as arguments); store/, service/ and the front ends do. Files
 * are in file.h, the other module of src/os/. */
#ifndef PAYDESK_OS_H
#define PAYDESK_OS_H
#include <stddef.h>
#include <stdint.h>

#include "uuid.h"

/* Fill buf with n bytes from the kernel's generator (getrandom);
 * aborts with a message if the kernel cannot give them. */
void os_random(void *buf, size_t n);
/* The real-time clock in milliseconds since the Unix epoch (not the
 * test clock of PAYDESK_NOW: only for ordering ids). */
uint64_t os_clock_ms(void);
/* A new version 7 UUID: now (os_clock_ms) and 74 random bits
 * (os_random). Later ones sort after earlier ones (to the
 * millisecond). */
void os_uuid_new(char out[UUID_BUFSZ]);

#endif
