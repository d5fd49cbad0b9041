/* sha256.c - SHA-256 and HMAC-SHA256 through libcrypto's EVP interface
 * (a pure computation library, allowed in core/ by DESIGN.md). */
#include <stdio.h>
#include <stdlib.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "paydesk/sha256.h"

/* libcrypto refused a digest it always has: nothing sensible is left. */
static void
die(const char *what)
{
	fprintf(stderr, "paydesk: libcrypto: %s failed\n", what);
	abort();
}

static EVP_MD *md_fetched;

static void
md_fetch(void)
{
	md_fetched = EVP_MD_fetch(NULL, "SHA256", NULL);
}

/* SHA-256's implementation, fetched from libcrypto once for the process
 * (issue 24: EVP_sha256() is fetched again by every init, a method-store
 * lookup under a lock that cost as much as the hashing of an audit
 * entry's seal in a push at the central node). An algorithm, not data:
 * nothing in it goes stale. Freed never, as libcrypto's own are. */
static const EVP_MD *
md_sha256(void)
{
	/* libcrypto's own once (core is pure: no <pthread.h>) */
	static CRYPTO_ONCE once = CRYPTO_ONCE_STATIC_INIT;

	if (CRYPTO_THREAD_run_once(&once, md_fetch) != 1 || md_fetched == NULL)
		die("EVP_MD_fetch(SHA256)");
	return md_fetched;
}

void
sha256_init(struct sha256 *s)
{
	s->ctx = EVP_MD_CTX_new();
	if (s->ctx == NULL)
		die("EVP_MD_CTX_new");
	if (EVP_DigestInit_ex(s->ctx, md_sha256(), NULL) != 1)
		die("EVP_DigestInit_ex(SHA-256)");
}

void
sha256_update(struct sha256 *s, const void *data, size_t n)
{
	if (n > 0 && EVP_DigestUpdate(s->ctx, data, n) != 1)
		die("EVP_DigestUpdate");
}

void
sha256_final(struct sha256 *s, uint8_t out[SHA256_LEN])
{
	unsigned int len = 0;

	if (EVP_DigestFinal_ex(s->ctx, out, &len) != 1 || len != SHA256_LEN)
		die("EVP_DigestFinal_ex");
	EVP_MD_CTX_free(s->ctx);
	s->ctx = NULL;
}

void
sha256(const void *data, size_t n, uint8_t out[SHA256_LEN])
{
	unsigned int len = 0;

	if (EVP_Digest(data, n, out, &len, md_sha256(), NULL) != 1 ||
	    len != SHA256_LEN)
		die("EVP_Digest(SHA-256)");
}

void
sha256_tohex(const uint8_t *d, size_t n, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		hex[i * 2] = digits[d[i] >> 4];
		hex[i * 2 + 1] = digits[d[i] & 0x0f];
	}
	hex[n * 2] = '\0';
}

void
sha256_hex(const void *data, size_t n, char hex[65])
{
	uint8_t d[SHA256_LEN];

	sha256(data, n, d);
	sha256_tohex(d, sizeof d, hex);
}

void
sha256_hmac(const void *key, size_t kn, const void *data, size_t n,
    uint8_t out[SHA256_LEN])
{
	static const uint8_t none;
	unsigned int len = 0;

	/* HMAC() takes an int key length and a non-NULL key */
	if (kn > (size_t)INT32_MAX)
		die("HMAC (key too long)");
	if (HMAC(md_sha256(), kn > 0 ? key : &none, (int)kn,
	        n > 0 ? data : &none, n, out, &len) == NULL ||
	    len != SHA256_LEN)
		die("HMAC(SHA-256)");
}
