/* say.c - messages kept to be said again in the reader's language
 * (say.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "paydesk/i18n.h"
#include "paydesk/say.h"

#define SAY_OPEN '\002'
#define SAY_SEP '\037'
#define SAY_CLOSE '\003'
#define SAY_ARGS 8
#define SAY_DEPTH 4

struct out {
	char *p;
	size_t n, len;
	int english; /* the msgids as written, untranslated */
};

static void
put(struct out *o, const char *s, size_t len)
{
	while (len-- > 0 && *s != '\0') {
		if (o->len + 1 < o->n)
			o->p[o->len++] = *s;
		s++;
	}
	if (o->n > 0)
		o->p[o->len < o->n ? o->len : o->n - 1] = '\0';
}

int
say_is_kept(const char *s)
{
	return s != NULL && s[0] == SAY_OPEN;
}

void
say_keep(
    char *out, size_t n, const char *msgid, int nargs, const char *const *args)
{
	struct out o = {out, n, 0, 1};
	char c = SAY_OPEN;
	int i;

	if (n == 0)
		return;
	out[0] = '\0';
	put(&o, &c, 1);
	put(&o, msgid, strlen(msgid));
	for (i = 0; i < nargs; i++) {
		const char *a = args[i] ? args[i] : "";

		c = SAY_SEP;
		put(&o, &c, 1);
		if (say_is_kept(a)) {
			put(&o, a, strlen(a));
			continue;
		}
		for (; *a != '\0'; a++) {
			c = *a == SAY_OPEN || *a == SAY_SEP || *a == SAY_CLOSE
			        ? '?'
			        : *a;
			put(&o, &c, 1);
		}
	}
	c = SAY_CLOSE;
	put(&o, &c, 1);
	/* cut short: still closed, so that it renders */
	if (o.len + 1 >= n && n > 1)
		out[n - 2] = SAY_CLOSE;
}

/* The end of the kept message or plain argument that starts at s. */
static const char *
skip(const char *s)
{
	int depth = 0;

	for (; *s != '\0'; s++) {
		if (*s == SAY_OPEN)
			depth++;
		else if (*s == SAY_CLOSE) {
			if (depth == 0)
				return s;
			if (--depth == 0)
				return s + 1;
		} else if (*s == SAY_SEP && depth == 0)
			return s;
	}
	return s;
}

static void render(struct out *o, const char *s, const char *end, int depth);

/* Fill the translated format fmt with args[0..nargs). */
static void
fill(struct out *o, const char *fmt, const char **a, const char **ae, int nargs,
    int depth)
{
	int next = 0;

	while (*fmt != '\0') {
		const char *p = strchr(fmt, '%'), *q;
		int k;

		if (p == NULL) {
			put(o, fmt, strlen(fmt));
			return;
		}
		put(o, fmt, (size_t)(p - fmt));
		if (p[1] == '%') {
			put(o, "%", 1);
			fmt = p + 2;
			continue;
		}
		q = p + 1;
		k = -1;
		if (*q >= '1' && *q <= '9') {
			const char *d = q;
			int v = 0;

			while (*d >= '0' && *d <= '9')
				v = v * 10 + (*d++ - '0');
			if (*d == '$') {
				k = v - 1;
				q = d + 1;
			}
		}
		while (*q != '\0' && strchr("-+ #0123456789.hlLqjzt", *q))
			q++;
		if (*q != '\0')
			q++;
		if (k < 0)
			k = next++;
		if (k < nargs)
			render(o, a[k], ae[k], depth + 1);
		fmt = q;
	}
}

static void
render(struct out *o, const char *s, const char *end, int depth)
{
	const char *a[SAY_ARGS], *ae[SAY_ARGS], *m, *me;
	char msgid[SAY_MAX];
	int nargs = 0;

	if (!say_is_kept(s) || depth > SAY_DEPTH) {
		put(o, s, (size_t)(end - s));
		return;
	}
	m = s + 1;
	me = skip(m);
	s = me;
	while (*s == SAY_SEP && nargs < SAY_ARGS) {
		a[nargs] = s + 1;
		ae[nargs] = skip(s + 1);
		s = ae[nargs++];
	}
	snprintf(msgid, sizeof msgid, "%.*s", (int)(me - m), m);
	fill(o, o->english ? msgid : _(msgid), a, ae, nargs, depth);
}

/* Text with kept messages in it (a doctor's line quoting a stored
 * reason): the text as it is, each kept message rendered. */
static void
segments(struct out *o, const char *s)
{
	while (*s != '\0') {
		const char *k = strchr(s, SAY_OPEN), *e;

		if (k == NULL) {
			put(o, s, strlen(s));
			return;
		}
		put(o, s, (size_t)(k - s));
		e = skip(k);
		render(o, k, e, 0);
		s = e;
	}
}

void
say_render_en(char *out, size_t n, const char *kept)
{
	struct out o = {out, n, 0, 1};

	if (n == 0)
		return;
	out[0] = '\0';
	segments(&o, kept);
}

void
say_render(char *out, size_t n, const char *kept)
{
	struct out o = {out, n, 0, 0};

	if (n == 0)
		return;
	out[0] = '\0';
	segments(&o, kept);
}

int
say_fail(
    struct pd_err *err, enum pd_status code, const char *msgid, int nargs, ...)
{
	const char *args[SAY_ARGS];
	va_list ap;
	int i;

	if (err == NULL)
		return -1;
	va_start(ap, nargs);
	for (i = 0; i < nargs && i < SAY_ARGS; i++)
		args[i] = va_arg(ap, const char *);
	va_end(ap);
	err->code = code;
	say_keep(err->said, sizeof err->said, msgid, i, args);
	say_render(err->msg, sizeof err->msg, err->said);
	return -1;
}
