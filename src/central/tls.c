/* tls.c - the central node's certificate and key ([central] tls_cert,
 * tls_key), read and checked before it listens, so that a wrong file is
 * named instead of libmicrohttpd failing to start. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "central.h"

/* A PEM file of [central] key, whole, or NULL with err set. */
static char *
read_pem(const char *key, const char *path, const char *marker,
    const char *what, struct pd_err *err)
{
	enum { PEM_MAX = 1 << 20 };
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (f == NULL) {
		pd_fail(err, PD_EINVAL, _("[central] %s: cannot read %s: %s"),
		    key, path, strerror(errno));
		return NULL;
	}
	buf = xmalloc(PEM_MAX + 1);
	n = fread(buf, 1, PEM_MAX + 1, f);
	fclose(f);
	buf[n > PEM_MAX ? PEM_MAX : n] = '\0';
	if (n > PEM_MAX || strstr(buf, marker) == NULL) {
		pd_fail(err, PD_EINVAL,
		    _("[central] %s: %s is not a PEM file with a %s"), key,
		    path, what);
		free(buf);
		return NULL;
	}
	return buf;
}

int
tls_read(const struct config *cfg, char **cert, char **key, struct pd_err *err)
{
	*cert = *key = NULL;
	if (cfg->central_tls_cert[0] == '\0' && cfg->central_tls_key[0] == '\0')
		return 0;
	if (cfg->central_tls_cert[0] == '\0' || cfg->central_tls_key[0] == '\0')
		return pd_fail(err, PD_EINVAL,
		    _("[central] tls_cert and tls_key go together: %s is set, "
		      "%s is empty"),
		    cfg->central_tls_cert[0] ? "tls_cert" : "tls_key",
		    cfg->central_tls_cert[0] ? "tls_key" : "tls_cert");
	if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES)
		return pd_fail(err, PD_EINVAL,
		    _("[central] tls_cert: this libmicrohttpd was built "
		      "without TLS"));
	*cert = read_pem("tls_cert", cfg->central_tls_cert,
	    "-----BEGIN CERTIFICATE-----", "CERTIFICATE", err);
	if (*cert == NULL)
		return -1;
	*key = read_pem("tls_key", cfg->central_tls_key, "PRIVATE KEY-----",
	    "PRIVATE KEY", err);
	if (*key == NULL) {
		free(*cert);
		*cert = NULL;
		return -1;
	}
	return 0;
}
