/* log.c - the central node's log: one line per request (http.c), the
 * deadline summaries (limits.c) and libmicrohttpd's messages. Whatever a
 * client sent (a URL, a method, a header) is escaped before it is
 * written, and libmicrohttpd's messages (one per refused connection,
 * under a flood) are limited to MHD_LOG_PER_MINUTE a minute, so that no
 * client can write lines of its choosing or fill the disk. */
#include <stdlib.h>
#include <string.h>

#include "central.h"

#define MHD_LOG_PER_MINUTE 20

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

void
log_redact(char *msg, size_t n)
{
	static const char hidden[] = "(a value from the file, not shown)";
	char *first = strchr(msg, '"'), *last = strrchr(msg, '"');
	char *tmp;
	size_t head;

	if (first != NULL &&
	    (first == last ||
	        !ours(msg, first + 1, (size_t)(last - first - 1)))) {
		/* from the first quote to the last, or to the end when there
		 * is one: a value may hold quotes of its own */
		head = (size_t)(first - msg);
		tmp = xmalloc(n);
		snprintf(tmp, n, "%.*s%s%s", (int)head, msg, hidden,
		    last != first ? last + 1 : "");
		xstrlcpy(msg, tmp, n);
		free(tmp);
	}
	tmp = xmalloc(n);
	log_escape(tmp, n, msg, 0);
	xstrlcpy(msg, tmp, n);
	free(tmp);
}
