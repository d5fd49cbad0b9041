/* log.c - the central node's log: one line per request (http.c), the
 * deadline summaries (limits.c) and libmicrohttpd's messages. Whatever a
 * client sent (a URL, a method, a header) is escaped before it is
 * written, and libmicrohttpd's messages (one per refused connection,
 * under a flood) are limited to MHD_LOG_PER_MINUTE a minute, so that no
 * client can write lines of its choosing or fill the disk. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "central.h"

#define MHD_LOG_PER_MINUTE 20

/* libmicrohttpd 0.9.75 answers a request whose Content-Length is not a
 * number ("abc", "-1", "1e3", "") or passes 64 bits with its status line
 * and headers twice (transmit_error_response builds them, then the state
 * machine moves on and builds them again): a malformed HTTP answer. It
 * judges that header before any callback of ours sees the request, and
 * tells only its logger. So each network thread keeps the connection
 * whose request line it read last (http.c's URI callback, log_conn_seen;
 * forgotten when it closes, log_conn_gone), and when the logger hears
 * that complaint on that thread about that connection (its Content-Length
 * is checked again), the node writes one well-formed answer of its own on
 * the socket and shuts the socket for writing: libmicrohttpd's bytes then
 * go nowhere and it closes the connection. Not under TLS, where bytes
 * written beside the library would not be encrypted. */
static _Thread_local struct MHD_Connection *conn_seen;

void
log_conn_seen(struct MHD_Connection *c)
{
	conn_seen = c;
}

void
log_conn_gone(struct MHD_Connection *c)
{
	if (conn_seen == c)
		conn_seen = NULL;
}

/* Whether the Content-Length of c is one libmicrohttpd refuses: 1 not a
 * number, 2 a number past 64 bits; 0 when it is a number that fits, or
 * there is none. */
static int
length_refused(struct MHD_Connection *c)
{
	const char *v = MHD_lookup_connection_value(
	    c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	unsigned long long n = 0;
	const char *p;

	if (v == NULL)
		return 0;
	if (*v < '0' || *v > '9')
		return 1;
	for (p = v; *p >= '0' && *p <= '9'; p++) {
		if (n > (ULLONG_MAX - (unsigned)(*p - '0')) / 10)
			return 2;
		n = n * 10 + (unsigned)(*p - '0');
	}
	return *p == '\0' ? 0 : 1;
}

/* The one answer to the request of this thread's connection when
 * libmicrohttpd complains of its Content-Length (msg, as logged). */
static void
answer_length(struct server *sv, const char *msg)
{
	static const char *const body[] = {NULL,
	    "{\"error\":\"Content-Length is not a number that fits in 64 "
	    "bits\",\"v\":1}",
	    "{\"error\":\"Content-Length is larger than a body may be\","
	    "\"v\":1}"};
	const union MHD_ConnectionInfo *ci;
	char head[200];
	int k, n;

	if (sv->tls || conn_seen == NULL ||
	    (strstr(msg, "`Content-Length' header") == NULL &&
	        strstr(msg, "'Content-Length' header") == NULL) ||
	    (k = length_refused(conn_seen)) == 0)
		return;
	ci = MHD_get_connection_info(
	    conn_seen, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (ci == NULL)
		return;
	n = snprintf(head, sizeof head,
	    "HTTP/1.1 %s\r\nConnection: close\r\nContent-Type: "
	    "application/json\r\nContent-Length: %zu\r\n\r\n",
	    k == 1 ? "400 Bad Request" : "413 Content Too Large",
	    strlen(body[k]));
	if (send(ci->connect_fd, head, (size_t)n, MSG_NOSIGNAL) == n)
		send(ci->connect_fd, body[k], strlen(body[k]), MSG_NOSIGNAL);
	shutdown(ci->connect_fd, SHUT_WR);
	conn_seen = NULL;
}

/* A code point shown escaped: the one list of core/utf8.c (C0 and C1
 * controls, DEL, the line and paragraph separators and the
 * bidirectional controls, which reorder what a terminal shows). */
static int
cp_escaped(uint32_t cp)
{
	return utf8_escaped(cp);
}

void
log_escape(char *out, size_t n, const char *s, int field)
{
	size_t o = 0, len, k, need;
	uint32_t cp;
	char esc[16];

	while (*s != '\0') {
		len = utf8_decode(s, strlen(s), &cp);
		if (cp == UTF8_REPLACEMENT && len == 1)
			snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)*s);
		else if (cp < 0x80 &&
		         (cp_escaped(cp) ||
		             (field && (cp == '\\' || cp == '"' || cp == ' '))))
			snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp);
		else if (cp_escaped(cp))
			snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
		else {
			memcpy(esc, s, len);
			esc[len] = '\0';
		}
		need = strlen(esc);
		if (o + need + 4 > n) { /* room for "..." and the NUL */
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		memcpy(out + o, esc, need);
		o += need;
		for (k = 0; k < len && *s != '\0'; k++)
			s++;
	}
	out[o] = '\0';
}

void
log_line(struct server *sv, const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&sv->lock);
	va_start(ap, fmt);
	vfprintf(sv->log, fmt, ap);
	va_end(ap);
	fputc('\n', sv->log);
	fflush(sv->log);
	pthread_mutex_unlock(&sv->lock);
}

void
log_mhd(void *cls, const char *fmt, va_list ap)
{
	struct server *sv = cls;
	char msg[sizeof sv->mhd_msg], esc[2 * sizeof sv->mhd_msg];
	struct timespec now;
	long dropped = 0;
	size_t n;

	vsnprintf(msg, sizeof msg, fmt, ap);
	answer_length(sv, msg);
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == '.'))
		msg[--n] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &now);
	pthread_mutex_lock(&sv->lock);
	if (!sv->started) {
		if (sv->mhd_msg[0] == '\0')
			memcpy(
			    sv->mhd_msg, msg, n + 1); /* the first: the cause */
		pthread_mutex_unlock(&sv->lock);
		return;
	}
	if (now.tv_sec - sv->mhd_window.tv_sec >= 60) {
		dropped = sv->mhd_dropped;
		sv->mhd_window = now;
		sv->mhd_logged = sv->mhd_dropped = 0;
	}
	if (dropped > 0)
		fprintf(sv->log,
		    "libmicrohttpd: %ld more messages in the last minute not "
		    "logged\n",
		    dropped);
	if (sv->mhd_logged < MHD_LOG_PER_MINUTE) {
		sv->mhd_logged++;
		log_escape(esc, sizeof esc, msg, 0);
		fprintf(sv->log, "libmicrohttpd: %s\n", esc);
	} else
		sv->mhd_dropped++;
	fflush(sv->log);
	pthread_mutex_unlock(&sv->lock);
}

/* Whether the n bytes at v are a word of ours, not the file's: one of
 * the column names the message lists itself ("expected header: a,b,c")
 * or a setting's name (section.key). */
static int
ours(const char *msg, const char *v, size_t n)
{
	static const char tag[] = "(expected header: ";
	const char *p = strstr(msg, tag), *end;
	const struct config_row *rows;
	char name[80];
	int i, nrows;

	rows = svc_config_rows(&nrows);
	for (i = 0; i < nrows; i++) {
		snprintf(
		    name, sizeof name, "%s.%s", rows[i].section, rows[i].key);
		if (strlen(name) == n && memcmp(name, v, n) == 0)
			return 1;
	}
	if (p == NULL || n == 0)
		return 0;
	/* "a,b[,c]": names between commas and the brackets of the optional
	 * ones, up to the closing parenthesis */
	for (p += sizeof tag - 1; *p != '\0' && *p != ')'; p = end) {
		end = p + strcspn(p, ",[])");
		if ((size_t)(end - p) == n && memcmp(p, v, n) == 0)
			return 1;
		if (*end == ',' || *end == '[' || *end == ']')
			end++;
		else
			break;
	}
	return 0;
}

/* The opening quote of msg, '"' or the "«" of the French and Spanish
 * messages (*len its bytes), NULL none. */
static char *
open_quote(char *msg, size_t *len)
{
	char *d = strchr(msg, '"'), *g = strstr(msg, "\xc2\xab");

	if (g != NULL && (d == NULL || g < d)) {
		*len = 2;
		return g;
	}
	*len = 1;
	return d;
}

/* The last closing quote of msg, '"' or "»", NULL none. */
static char *
close_quote(char *msg)
{
	char *d = strrchr(msg, '"'), *g = NULL, *p;

	for (p = msg; (p = strstr(p, "\xc2\xbb")) != NULL; p += 2)
		g = p;
	return g != NULL && (d == NULL || g > d) ? g : d;
}

/* The bytes of the blank at p (n bytes left), 0 none: a space, or the
 * no-break ones the French put inside « » (U+00A0, U+202F); at its end
 * (the blank ending at p + n) when end. */
static size_t
blank(const char *p, size_t n, int end)
{
	static const char *const blanks[] = {" ", "\xc2\xa0", "\xe2\x80\xaf"};
	size_t i, k;

	for (i = 0; i < sizeof blanks / sizeof blanks[0]; i++) {
		k = strlen(blanks[i]);
		if (n >= k && memcmp(end ? p + n - k : p, blanks[i], k) == 0)
			return k;
	}
	return 0;
}

void
log_redact(char *msg, size_t n)
{
	/* in the reader's language, as the message around it (helper-264,
	 * fault 5) */
	const char *hidden = _("(a value from the file, not shown)");
	size_t ql, head, in, k;
	char *first = open_quote(msg, &ql), *last = close_quote(msg);
	char *tmp, *v;

	/* between the quotes, their blanks left out */
	v = first != NULL ? first + ql : NULL;
	in = v != NULL && last != NULL && last > v ? (size_t)(last - v) : 0;
	while ((k = blank(v, in, 0)) > 0) {
		v += k;
		in -= k;
	}
	while ((k = blank(v, in, 1)) > 0)
		in -= k;
	/* ours (a setting's name, a header's column), or a settings key in
	 * a setting name's shape, no secret: named, escaped below; French
	 * and Spanish messages quote with « » (helper-263: a value read from
	 * the file showed under those languages) */
	if (first != NULL &&
	    (last == NULL || last <= first ||
	        !(ours(msg, v, in) || (strstr(msg, ": key: ") != NULL &&
	                                  svc_setting_name_shaped(v, in))))) {
		/* from the first quote to the last, or to the end when there
		 * is one: a value may hold quotes of its own */
		head = (size_t)(first - msg);
		tmp = xmalloc(n);
		snprintf(tmp, n, "%.*s%s%s", (int)head, msg, hidden,
		    last != NULL && last > first ? last + (*last == '"' ? 1 : 2)
		                                 : "");
		xstrlcpy(msg, tmp, n);
		free(tmp);
	}
	tmp = xmalloc(n);
	log_escape(tmp, n, msg, 0);
	xstrlcpy(msg, tmp, n);
	free(tmp);
}
