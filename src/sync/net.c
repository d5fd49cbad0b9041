/* net.c - the sync protocol's HTTP client on libcurl. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* curl_easy_setopt is called through the loaded library's pointer, not
 * curl.h's type-checking macro */
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>

#include "paydesk/dynlib.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"
#include "paydesk/say.h"
#include "paydesk/syncnet.h"
#include "paydesk/syncrec.h"
#include "paydesk/xmalloc.h"

#define BACKOFF_BASE_MS 500
#define BACKOFF_CAP_MS 30000
#define RETRY_AFTER_CAP 300 /* seconds */

struct sync_net {
	struct sync_net_opts o;
	char url[512];
	char auth[160];
	char ca_file[4096];
	CURL *h;
};

/* libcurl, loaded at the first sync (dynlib.h): the functions called */
#define CURL_SYMBOLS(X)                                                        \
	X(curl_global_init)                                                    \
	X(curl_easy_init)                                                      \
	X(curl_easy_cleanup)                                                   \
	X(curl_easy_reset)                                                     \
	X(curl_easy_setopt)                                                    \
	X(curl_easy_perform)                                                   \
	X(curl_easy_getinfo)                                                   \
	X(curl_easy_strerror)                                                  \
	X(curl_slist_append)                                                   \
	X(curl_slist_free_all)
DYNLIB_SYMBOLS(curl, CURL_SYMBOLS);
#define curl_global_init (*dyn_curl_global_init)
#define curl_easy_init (*dyn_curl_easy_init)
#define curl_easy_cleanup (*dyn_curl_easy_cleanup)
#define curl_easy_reset (*dyn_curl_easy_reset)
#undef curl_easy_setopt /* curl.h's macro of the same name */
#define curl_easy_setopt (*dyn_curl_easy_setopt)
#define curl_easy_perform (*dyn_curl_easy_perform)
#undef curl_easy_getinfo
#define curl_easy_getinfo (*dyn_curl_easy_getinfo)
#define curl_easy_strerror (*dyn_curl_easy_strerror)
#define curl_slist_append (*dyn_curl_slist_append)
#define curl_slist_free_all (*dyn_curl_slist_free_all)

static struct dynlib curl_lib = {
    PD_SONAME_CURL, N_("Syncing with the central node"), PD_ENET, curl_syms, NULL};

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static struct pd_err load_err; /* why libcurl did not load, or code 0 */

static void
global_init(void)
{
	if (dynlib_load(&curl_lib, &load_err) == 0)
		curl_global_init(CURL_GLOBAL_DEFAULT);
}

struct sync_net *
sync_net_new(const struct sync_net_opts *o)
{
	struct sync_net *n = xcalloc(1, sizeof *n);

	/* once per process, whichever thread comes first */
	pthread_once(&global_once, global_init);
	n->o = *o;
	xstrlcpy(n->url, o->url ? o->url : "", sizeof n->url);
	snprintf(n->auth, sizeof n->auth, "Authorization: Bearer %s",
	    o->token ? o->token : "");
	xstrlcpy(n->ca_file, o->ca_file ? o->ca_file : "", sizeof n->ca_file);
	/* without libcurl each call says why (sync_net_call) */
	if (curl_lib.handle != NULL && (n->h = curl_easy_init()) == NULL)
		abort();
	return n;
}

void
sync_net_free(struct sync_net *n)
{
	if (n == NULL)
		return;
	if (n->h != NULL)
		curl_easy_cleanup(n->h);
	free(n);
}

void
sync_reply_free(struct sync_reply *r)
{
	free(r->body);
	memset(r, 0, sizeof *r);
}

struct buf {
	char *p;
	size_t len, cap;
	int over; /* the answer passed SYNC_ANSWER_MAX: cut, not kept */
};

static size_t
on_data(char *data, size_t size, size_t nmemb, void *arg)
{
	struct buf *b = arg;
	size_t n = size * nmemb;

	if (n > SYNC_ANSWER_MAX - b->len) {
		b->over = 1;
		return 0; /* curl ends the transfer */
	}
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = xrealloc(b->p, b->cap, 1);
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
	return n;
}

static int
on_progress(
    void *arg, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	const volatile int *cancel = arg;

	(void)dt;
	(void)dn;
	(void)ut;
	(void)un;
	return cancel != NULL && *cancel;
}

/* Sleep ms milliseconds, waking early when cancelled. */
static void
nap(const struct sync_net *n, long ms)
{
	while (ms > 0 && !(n->o.cancel && *n->o.cancel)) {
		long step = ms < 100 ? ms : 100;
		struct timespec ts = {0, step * 1000000L};

		while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
			;
		ms -= step;
	}
}

/* Full jitter: a random wait up to the exponential bound. */
static long
backoff_ms(int attempt)
{
	long bound = BACKOFF_BASE_MS;
	unsigned r = 0;
	int i;

	for (i = 0; i < attempt && bound < BACKOFF_CAP_MS; i++)
		bound *= 2;
	if (bound > BACKOFF_CAP_MS)
		bound = BACKOFF_CAP_MS;
	os_random(&r, sizeof r);
	return bound / 2 + (long)(r % (unsigned)(bound / 2 + 1));
}

/* Failures that another attempt cannot mend: the certificate or the CA
 * file. */
static int
tls_failure(CURLcode c)
{
	return c == CURLE_PEER_FAILED_VERIFICATION ||
	       c == CURLE_SSL_CACERT_BADFILE || c == CURLE_SSL_CERTPROBLEM;
}

/* Whether curl goes through a proxy for url: the variables curl reads
 * (http_proxy for http://, https_proxy for https://, all_proxy; upper case
 * too but HTTP_PROXY), unless no_proxy names the host ("*", the host, or
 * a domain it ends in). */
static int
proxied(const char *url)
{
	int tls = strncmp(url, "https://", 8) == 0;
	const char *v = getenv(tls ? "https_proxy" : "http_proxy");
	const char *h, *np;
	char host[256];
	size_t len;

	if ((v == NULL || *v == '\0') && tls)
		v = getenv("HTTPS_PROXY");
	if (v == NULL || *v == '\0')
		v = getenv("all_proxy");
	if (v == NULL || *v == '\0')
		v = getenv("ALL_PROXY");
	if (v == NULL || *v == '\0')
		return 0;
	h = strstr(url, "://");
	h = h ? h + 3 : url;
	len = *h == '[' ? strcspn(h, "]") + 1 : strcspn(h, ":/");
	snprintf(host, sizeof host, "%.*s", (int)len, h);
	np = getenv("no_proxy");
	if (np == NULL || *np == '\0')
		np = getenv("NO_PROXY");
	while (np != NULL && *np != '\0') {
		size_t n = strcspn(np, ", ");
		size_t hl = strlen(host);
		const char *e = np;

		if (*e == '.') {
			e++;
			n = n > 0 ? n - 1 : 0;
		}
		if (n > 0 &&
		    ((n == 1 && *e == '*') ||
		        (hl >= n && strncmp(host + hl - n, e, n) == 0 &&
		            (hl == n || host[hl - n - 1] == '.'))))
			return 0;
		np = e + n;
		np += strspn(np, ", ");
	}
	return 1;
}

/* Which certificate fault curl met: the CA unknown, the certificate
 * expired, or made for another host name. curl says it in its backend's
 * English (OpenSSL: "certificate has expired", "no alternative
 * certificate subject name matches target host name"; GnuTLS: "...
 * certificate expired", "certificate subject name (...) does not match
 * target host name"); the verify result is OpenSSL's X509 code (10:
 * expired). */
static const char *
cert_fault(long verify, const char *said)
{
	if (verify == 10 || strstr(said, "expired") != NULL)
		return N_("the central node's certificate has expired");
	if (strstr(said, "subject name") != NULL ||
	    strstr(said, "host name") != NULL)
		return N_("the central node's certificate was made for another "
		          "host name");
	return N_("the central node's certificate was signed by a CA this "
	          "terminal does not know");
}

/* Why an attempt got no answer, kept into why (say.h): in the operator's
 * language for each class of failure (the node down, its name unknown,
 * no answer in time, the line cut, the proxy, TLS, an answer that is not
 * HTTP), then curl's own words, which have no catalogue (a French cashier
 * read only "Failed to connect to ... Couldn't connect to server", review
 * of issue 25). */
static void
no_answer(CURLcode c, long verify, int proxy, const char *detail, char *why,
    size_t nwhy)
{
	const char *said = detail[0] ? detail : curl_easy_strerror(c);
	const char *ours = NULL;
	const char *a[2];
	char kept[256];

	switch (c) {
	case CURLE_COULDNT_CONNECT:
		ours = proxy ? N_("the proxy cannot be reached")
		             : N_("the central node cannot be reached");
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		ours = N_("the central node's host name is not known");
		break;
	case CURLE_COULDNT_RESOLVE_PROXY:
		ours = N_("the proxy's host name is not known");
		break;
	case CURLE_OPERATION_TIMEDOUT:
		ours = N_("the central node did not answer in time");
		break;
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
		ours = proxy && (strstr(said, "CONNECT") != NULL ||
		                    strstr(said, "proxy") != NULL)
		           ? N_("the proxy refused the way to the central node")
		           : N_("the connection to the central node broke off");
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
		ours = cert_fault(verify, said);
		break;
	case CURLE_SSL_CACERT_BADFILE:
		ours = N_("the CA file of [sync] ca_file cannot be read");
		break;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
		ours = N_("the secure connection (TLS) to the central node "
		          "could not be set up");
		break;
	case CURLE_WEIRD_SERVER_REPLY:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_HTTP_RETURNED_ERROR:
		ours = N_("the central node's answer is not the HTTP expected");
		break;
	default:
		/* CURLE_PROXY (curl 7.73): the proxy's handshake failed */
		if (c == (CURLcode)97)
			ours =
			    N_("the proxy refused the way to the central node");
		break;
	}
	a[0] = kept;
	a[1] = said;
	if (ours != NULL) {
		say_keep(kept, sizeof kept, ours, 0, NULL);
		say_keep(why, nwhy, N_("%s (curl: %s)"), 2, a);
	} else
		snprintf(why, nwhy, "%s", said);
}

/* One attempt. 0 with an answer in r; -1 with no answer (curl's reason
 * in why); -2 when the central node's certificate is not trusted. */
static int
attempt(struct sync_net *n, const char *method, const char *url,
    const char *body, size_t len, struct sync_reply *r, long *retry_after,
    char *why, size_t nwhy)
{
	struct curl_slist *hdr = NULL;
	struct buf b = {0};
	CURLcode c;
	curl_off_t ra = -1;
	char detail[CURL_ERROR_SIZE] = "";

	curl_easy_reset(n->h);
	hdr = curl_slist_append(hdr, n->auth);
	hdr = curl_slist_append(hdr, "Accept: application/json");
	hdr = curl_slist_append(hdr, "Expect:");
	if (body != NULL)
		hdr = curl_slist_append(hdr, "Content-Type: application/json");
	curl_easy_setopt(n->h, CURLOPT_URL, url);
	curl_easy_setopt(n->h, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(n->h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(n->h, CURLOPT_CONNECTTIMEOUT, n->o.connect_timeout);
	curl_easy_setopt(n->h, CURLOPT_TIMEOUT, n->o.timeout);
	curl_easy_setopt(n->h, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(n->h, CURLOPT_LOW_SPEED_TIME, n->o.low_speed_time);
	curl_easy_setopt(n->h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(n->h, CURLOPT_SSL_VERIFYHOST, 2L);
	if (n->ca_file[0] != '\0')
		curl_easy_setopt(n->h, CURLOPT_CAINFO, n->ca_file);
	curl_easy_setopt(n->h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(n->h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(n->h, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(n->h, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(n->h, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(n->h, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(n->h, CURLOPT_XFERINFODATA, (void *)n->o.cancel);
	curl_easy_setopt(n->h, CURLOPT_USERAGENT, "paydesk-sync/1");
	curl_easy_setopt(n->h, CURLOPT_ERRORBUFFER, detail);
	if (body != NULL) {
		curl_easy_setopt(n->h, CURLOPT_POST, 1L);
		curl_easy_setopt(n->h, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(
		    n->h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	}
	(void)method;
	c = curl_easy_perform(n->h);
	curl_slist_free_all(hdr);
	curl_easy_setopt(n->h, CURLOPT_ERRORBUFFER, NULL);
	if (b.over) {
		free(b.p);
		return -3;
	}
	if (c != CURLE_OK) {
		long verify = 0;

		curl_easy_getinfo(n->h, CURLINFO_SSL_VERIFYRESULT, &verify);
		no_answer(c, verify, proxied(url), detail, why, nwhy);
		free(b.p);
		return tls_failure(c) ? -2 : -1;
	}
	curl_easy_getinfo(n->h, CURLINFO_RESPONSE_CODE, &r->status);
	if (curl_easy_getinfo(n->h, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK)
		*retry_after = (long)ra;
	r->body = b.p ? b.p : xstrdup("");
	r->len = b.len;
	return 0;
}

/* Whether url is http:// to a host other than this machine (localhost,
 * 127.x.y.z, ::1): the token would cross a network in clear. */
static int
cleartext_remote(const char *url, char *host, size_t n)
{
	const char *h = url + 7, *e;
	size_t len, i, dots = 0;

	host[0] = '\0';
	if (strncmp(url, "http://", 7) != 0)
		return 0;
	e = *h == '[' ? strchr(h, ']') : h + strcspn(h, ":/");
	if (e == NULL)
		e = h + strlen(h);
	else if (*h == '[')
		e++;
	len = (size_t)(e - h);
	snprintf(host, n, "%.*s", (int)len, h);
	if (strcmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0)
		return 0;
	if (strncmp(host, "127.", 4) != 0)
		return 1;
	for (i = 0; host[i] != '\0'; i++) {
		if (host[i] == '.')
			dots++;
		else if (host[i] < '0' || host[i] > '9')
			return 1;
	}
	return dots != 3;
}

int
sync_net_call(struct sync_net *n, const char *method, const char *path,
    const char *body, size_t len, struct sync_reply *r, struct pd_err *err)
{
	char url[1024], why[256] = "", msg[512];
	int i;

	memset(r, 0, sizeof *r);
	if (!n->o.plain_http && cleartext_remote(n->url, why, sizeof why))
		return say_fail(err, PD_ENET,
		    N_("%s: this terminal's token would cross the network in "
		       "clear to %s, and anyone on the way could take it; use "
		       "https:// (or set [sync] plain_http = yes when a TLS "
		       "proxy is on the way). Nothing was sent and nothing is "
		       "lost: the records stay queued"),
		    2, n->url, why);
	if (n->h == NULL)
		return pd_fail(err, load_err.code, "%s", load_err.msg);
	snprintf(url, sizeof url, "%s%s", n->url, path);
	for (i = 0;; i++) {
		long retry_after = -1, wait;
		int rc;

		if (n->o.cancel && *n->o.cancel)
			return say_fail(
			    err, PD_ECANCEL, N_("Sync cancelled"), 0);
		rc = attempt(n, method, url, body, len, r, &retry_after, why,
		    sizeof why);
		if (rc == -2)
			return say_fail(err, PD_ENET,
			    N_("%s %s: the central node's certificate is not "
			       "trusted (%s); [sync] ca_file names the CA that "
			       "signed it. Nothing is lost: the records stay "
			       "queued"),
			    3, method, url, why);
		if (rc == -3) {
			char mb[16];

			snprintf(
			    mb, sizeof mb, "%d", (int)(SYNC_ANSWER_MAX >> 20));
			return say_fail(err, PD_ENET,
			    N_("%s %s: the central node's answer is longer "
			       "than %d MB, more than any answer of the "
			       "protocol; it was cut and nothing of it is "
			       "kept"),
			    3, method, url, mb);
		}
		if (rc == 0) {
			const char *a[2];
			char code[24];

			if (r->status < 500 && r->status != 429)
				break;
			sync_error_decode(r->body, r->len, msg, sizeof msg);
			snprintf(code, sizeof code, "%ld", r->status);
			a[0] = code;
			a[1] = msg;
			/* what the central node said stays as said */
			if (*msg)
				say_keep(why, sizeof why,
				    N_("the central node answered with an "
				       "error (HTTP %s: %s)"),
				    2, a);
			else
				say_keep(why, sizeof why,
				    N_("the central node answered with an "
				       "error (HTTP %s)"),
				    1, a);
			sync_reply_free(r);
		}
		if (i >= n->o.retries) {
			char tries[16];

			snprintf(tries, sizeof tries, "%d", i + 1);
			return i == 0
			           ? say_fail(err, PD_ENET,
			                 N_("%s %s: %s (tried 1 time); nothing "
			                    "is lost: the records stay queued "
			                    "and are sent again"),
			                 3, method, url, why)
			           : say_fail(err, PD_ENET,
			                 N_("%s %s: %s (tried %d times); "
			                    "nothing is lost: the records stay "
			                    "queued and are sent again"),
			                 4, method, url, why, tries);
		}
		wait = backoff_ms(i);
		if (retry_after >= 0)
			wait = (retry_after > RETRY_AFTER_CAP ? RETRY_AFTER_CAP
			                                      : retry_after) *
			       1000L;
		nap(n, wait);
	}
	if (r->status >= 200 && r->status < 300)
		return 0;
	sync_error_decode(r->body, r->len, msg, sizeof msg);
	{
		char code[24], none[64];
		snprintf(code, sizeof code, "%ld", r->status);
		say_keep(none, sizeof none, N_("no reason given"), 0, NULL);
		/* the reason is the central node's, kept as it said it */
		say_fail(err,
		    r->status == 401 || r->status == 403 ? PD_EAUTH : PD_EINVAL,
		    N_("The central node refused %s %s (HTTP %ld): %s"), 4,
		    method, path, code, *msg ? msg : none);
	}
	sync_reply_free(r);
	return -1;
}
