/* uuid.h - RFC 9562 ids for every synced record: formatting from given
 * bytes and time. A new id from the clock and the kernel is os_uuid_new
 * (os.h). */
#ifndef PAYDESK_UUID_H
#define PAYDESK_UUID_H
#include <stdint.h>

#define UUID_BUFSZ 37

/* Format 16 random bytes as a version 4 UUID. */
void uuid_from_bytes(const uint8_t b[16], char out[UUID_BUFSZ]);
/* A version 7 UUID: ms (Unix time in milliseconds) in its first 48
 * bits, then 74 bits of rnd. */
void uuid_v7(uint64_t ms, const uint8_t rnd[10], char out[UUID_BUFSZ]);
/* The milliseconds a version 7 UUID as uuid_v7 writes it begins with; 0
 * for any other string (a version 4 UUID, "", not a UUID). */
uint64_t uuid_v7_ms(const char *s);
/* Whether s is a UUID as these write it: 36 characters, lower-case
 * hexadecimal digits in groups of 8-4-4-4-12 joined by '-'. */
int uuid_valid(const char *s);

#endif
