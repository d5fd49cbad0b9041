/* uuid.h - RFC 4122 version 4 ids for every synced record. */
#ifndef PAYDESK_UUID_H
#define PAYDESK_UUID_H
#include <stdint.h>

#define UUID_BUFSZ 37

/* Format 16 random bytes as a version 4 UUID. */
void uuid_from_bytes(const uint8_t b[16], char out[UUID_BUFSZ]);
/* New random UUID from the kernel's generator (getrandom). */
void uuid_new(char out[UUID_BUFSZ]);

#endif
