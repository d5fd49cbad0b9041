/* sha256.h - SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), computed
 * by libcrypto (OpenSSL): the audit hash chain, record hashes, token
 * hashes, and the signatures of gateway notifications. A failure inside
 * libcrypto (a broken installation, out of memory) aborts, like xmalloc:
 * these functions cannot fail otherwise. */
#ifndef PAYDESK_SHA256_H
#define PAYDESK_SHA256_H
#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32

struct evp_md_ctx_st;

/* A digest being computed piece by piece: sha256_init, any number of
 * sha256_update, then sha256_final, which frees what init allocated
 * (every init must reach its final). */
struct sha256 {
	struct evp_md_ctx_st *ctx;
};

/* Start a digest (allocates a libcrypto context). */
void sha256_init(struct sha256 *s);
/* Add n bytes of data. */
void sha256_update(struct sha256 *s, const void *data, size_t n);
/* The 32-byte digest into out; frees the context. */
void sha256_final(struct sha256 *s, uint8_t out[SHA256_LEN]);
/* The digest of n bytes of data, at once, into out. */
void sha256(const void *data, size_t n, uint8_t out[SHA256_LEN]);
/* Lower-case hex digest of data into hex (65 bytes, NUL-terminated). */
void sha256_hex(const void *data, size_t n, char hex[65]);
/* HMAC-SHA256 of n bytes of data under a key of kn bytes (any length;
 * a key longer than 64 bytes is hashed first, as RFC 2104 says), into
 * out. */
void sha256_hmac(const void *key, size_t kn, const void *data, size_t n,
    uint8_t out[SHA256_LEN]);
/* Lower-case hex of n bytes of d into hex (2n + 1 bytes). */
void sha256_tohex(const uint8_t *d, size_t n, char *hex);

#endif
