/* draw.c - text on the screen (app.c's loop and every screen draw with
 * it): a line cut to its width without moving anything else, text
 * fitted or wrapped over rows (paths broken between their folders),
 * label and value pairs, and the message line, wrapped over the rows
 * above it when it is too long. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "app_int.h"

int
tui_attr(const struct tui *t, int pair, int fallback)
{
	return t->colour ? (int)COLOR_PAIR(pair) : fallback;
}

void
tui_text(int y, int x, const char *text, int width)
{
	/* text from outside (a reason, a name) moves nothing on screen */
	char *s = utf8_printable(text);
	size_t i = 0;
	int cols = 0;

	move(y, x);
	while (s[i] != '\0') {
		size_t n = utf8_len(s + i);
		int w = utf8_cp_columns(utf8_cp(s + i));

		if (cols + w > width)
			break;
		addnstr(s + i, (int)n);
		cols += w;
		i += n;
	}
	free(s);
}

/* Whether a row may end at the space s[i]: not when the next sign keeps
 * to the word before it, as French writes "placés ; écrivez" (po/GLOSSARY:
 * a plain space before : ; ? !), so that no row starts with one. */
static int
wrap_space(const char *s, size_t i)
{
	return s[i] == ' ' && i > 0 &&
	       (s[i + 1] == '\0' || strchr(":;?!", s[i + 1]) == NULL);
}

/* The bytes of s that go on one row of width columns: as many
 * characters as fit, back to the last space (paths: or after the last
 * '/', so that a path breaks between its folders) when more follows. */
static size_t
wrap_cut(const char *s, int width, int paths)
{
	size_t i = 0, cut = 0;
	int cols = 0;

	while (s[i] != '\0') {
		int w = utf8_cp_columns(utf8_cp(s + i));

		if (cols + w > width)
			break;
		if (wrap_space(s, i))
			cut = i;
		cols += w;
		i += utf8_len(s + i);
		if (paths && s[i - 1] == '/' && s[i] != '\0')
			cut = i;
	}
	if (i == 0 && s[0] != '\0')
		return utf8_len(s); /* wider than the row: it goes on alone */
	return s[i] != '\0' && cut > 0 ? cut : i;
}

size_t
tui_wrap_cut(const char *s, int width)
{
	return wrap_cut(s, width, 0);
}

/* The rows s takes wrapped at width (paths: as wrap_cut). */
static int
wrap_rows(const char *text, int width, int paths)
{
	char *shown = utf8_printable(text), *s = shown;
	int used = 0;

	while (*s != '\0' && width > 0) {
		s += wrap_cut(s, width, paths);
		while (*s == ' ')
			s++;
		used++;
	}
	free(shown);
	return used;
}

int
tui_wrap_rows(const char *s, int width)
{
	return wrap_rows(s, width, 0);
}

int
tui_pair_rows(const char *text, int x, int lw, int most)
{
	int r = tui_wrap_rows(text, COLS - x - lw - 1);

	return r < 1 ? 1 : r > most ? most : r;
}

static int
wrap(int y, int x, const char *text, int width, int rows, int paths)
{
	char *shown = utf8_printable(text), *s = shown;
	int used = 0;

	while (*s != '\0' && used < rows && width > 0) {
		/* the last row takes what fits, cut at its end */
		size_t i =
		    used + 1 < rows ? wrap_cut(s, width, paths) : strlen(s);

		if (used + 1 == rows) /* what does not fit ends in "…" */
			tui_text_cut(y + used, x, s, width);
		else {
			move(y + used, x);
			addnstr(s, (int)i);
		}
		used++;
		s += i;
		while (*s == ' ')
			s++;
	}
	free(shown);
	return used;
}

int
tui_wrap(int y, int x, const char *s, int width, int rows)
{
	char *copy = xstrdup(s), *part = copy, *nl;
	int used = 0;

	/* a newline starts a row (a warning after a path, issue 17) */
	while (part != NULL && used < rows) {
		if ((nl = strchr(part, '\n')) != NULL)
			*nl = '\0';
		used += wrap(y + used, x, part, width, rows - used, 0);
		part = nl != NULL ? nl + 1 : NULL;
	}
	free(copy);
	return used;
}

const char *
tui_fit(const char *s, int width, char *out, size_t n)
{
	size_t i = 0, len = strlen(s);
	int cols = 0;

	if (n == 0)
		return "";
	if (utf8_columns(s, len) <= width || width < 1) {
		snprintf(out, n, "%s", width < 1 ? "" : s);
		return out;
	}
	/* as many characters as leave a column for the "…" */
	while (i < len) {
		size_t k = utf8_len(s + i);
		int w = utf8_cp_columns(utf8_cp(s + i));

		if (cols + w > width - 1 || i + k + 4 > n)
			break;
		cols += w;
		i += k;
	}
	snprintf(out, n, "%.*s\u2026", (int)i, s);
	return out;
}

void
tui_text_cut(int y, int x, const char *s, int width)
{
	char buf[1024];

	tui_text(y, x, tui_fit(s, width, buf, sizeof buf), width);
}

int
tui_text_scoped(int y, int x, const char *text, const char *scope, int width)
{
	char line[512];

	/* TRANSLATORS: a screen's heading, then in brackets the scope its
	 * figures are of ("Paid 2026-11-01 to 2026-11-30 (Branch B01)") */
	snprintf(line, sizeof line, _("%s (%s)"), text, scope);
	if (utf8_columns(line, strlen(line)) <= width) {
		tui_text(y, x, line, width);
		return 1;
	}
	tui_text(y, x, text, width);
	snprintf(line, sizeof line, "(%s)", scope);
	tui_text_cut(y + 1, x, line, width);
	return 2;
}

void
tui_pair(int y, int x, int lw, const char *label, const char *value)
{
	attron(A_DIM);
	tui_text(y, x, label, lw - 1);
	attroff(A_DIM);
	tui_text_cut(y, x + lw, value, COLS - x - lw - 1);
}

int
tui_pair_wrap(
    int y, int x, int lw, const char *label, const char *value, int rows)
{
	attron(A_DIM);
	tui_text(y, x, label, lw - 1);
	attroff(A_DIM);
	if (rows < 1 || value[0] == '\0')
		return 1;
	return wrap(y, x + lw, value, COLS - x - lw - 1, rows, 0);
}

/* The message line. A message too long for it is wrapped over the rows
 * above (up to MSG_ROWS, over the body's last rows until the next key),
 * so that nothing is cut: a path shows whole, broken between its
 * folders. A newline in it starts a row: what follows a path (a warning
 * about the document) does not run straight on after it (issue 17). */
#define MSG_ROWS 4
static int
message_rows(char *msg, int draw_at, int room)
{
	char *part = msg, *nl;
	int rows = 0;

	while (part != NULL && rows < room) {
		nl = strchr(part, '\n');
		if (nl != NULL)
			*nl = '\0';
		if (draw_at >= 0)
			rows += wrap(draw_at + rows, 1, part, COLS - 2, room - rows,
			    1);
		else
			rows += wrap_rows(part, COLS - 2, 1);
		if (nl != NULL)
			*nl = '\n';
		part = nl != NULL ? nl + 1 : NULL;
	}
	return rows < room ? rows : room;
}

void
tui_draw_message(struct tui *t)
{
	int attr, rows, y;

	move(LINES - 2, 0);
	clrtoeol();
	if (t->msg[0] == '\0')
		return;
	rows = message_rows(t->msg, -1, MSG_ROWS);
	if (rows > LINES - 2)
		rows = LINES - 2 > 1 ? LINES - 2 : 1;
	for (y = LINES - 1 - rows; y < LINES - 1; y++) {
		move(y, 0);
		clrtoeol();
	}
	attr = t->msg_error ? tui_attr(t, TUI_C_ERROR, A_BOLD)
	                    : tui_attr(t, TUI_C_OK, A_BOLD);
	attron(attr);
	message_rows(t->msg, LINES - 1 - rows, rows);
	attroff(attr);
}

void
tui_scope_suffix(struct tui *t, char *line, size_t n, const char *search)
{
	char sc[128];
	size_t len = strlen(line);

	if (len + 3 < n)
		snprintf(line + len, n - len, " \xc2\xb7 %s",
		    svc_scope_list_title(t->svc, search, sc, sizeof sc));
}

void
tui_org_suffix(char *line, size_t n)
{
	size_t len = strlen(line);

	if (len + 3 < n)
		snprintf(line + len, n - len, " \xc2\xb7 %s", _("Organisation"));
}

/* The dashboard's filters in force of those in bits, as texts. */
static void
narrow_texts(const struct tui *t, unsigned bits, struct svc_filters *fs)
{
	const struct payment_filter *n = &t->svc->narrow;
	const char *v[SVC_FILTERS] = {NULL};
	int k;

	v[SVC_FILTER_SEGMENT] = n->segment;
	v[SVC_FILTER_BRANCH] = n->branch;
	v[SVC_FILTER_USER] = n->recorded_by;
	v[SVC_FILTER_CHANNEL] = n->channel;
	v[SVC_FILTER_METHOD] = n->method;
	v[SVC_FILTER_GATEWAY] = n->gateway;
	memset(fs, 0, sizeof *fs);
	for (k = 0; k < SVC_FILTERS; k++)
		if (bits & SVC_FILTER_BIT(k))
			fs->text[k] = v[k];
}

int
tui_filters_line(struct tui *t, int y, unsigned bits)
{
	struct svc_filters fs;
	char title[160], line[200];

	narrow_texts(t, bits, &fs);
	if (svc_filters_title(&fs, title, sizeof title)[0] == '\0')
		return 0;
	snprintf(line, sizeof line, _("Filters: %s"), title);
	attron(A_DIM);
	tui_text(y, 2, line, COLS - 4);
	attroff(A_DIM);
	return 1;
}

struct payment_filter
tui_narrow_only(struct tui *t, unsigned bits)
{
	struct payment_filter was = t->svc->narrow, *n = &t->svc->narrow;

	if (!(bits & SVC_FILTER_BIT(SVC_FILTER_SEGMENT)))
		n->segment = NULL;
	if (!(bits & SVC_FILTER_BIT(SVC_FILTER_BRANCH)))
		n->branch = NULL;
	if (!(bits & SVC_FILTER_BIT(SVC_FILTER_USER)))
		n->recorded_by = NULL;
	if (!(bits & SVC_FILTER_BIT(SVC_FILTER_CHANNEL)))
		n->channel = NULL;
	if (!(bits & SVC_FILTER_BIT(SVC_FILTER_METHOD)))
		n->method = NULL;
	if (!(bits & SVC_FILTER_BIT(SVC_FILTER_GATEWAY)))
		n->gateway = NULL;
	return was;
}

void
tui_filter_refused(struct tui *t, const char *msg)
{
	/* the fields' names, in enum svc_filter's order */
	static const char *const labels[SVC_FILTERS] = {N_("Segment"),
	    N_("Period"), N_("Branch"), N_("User"), N_("Channel"),
	    N_("Method"), N_("Gateway")};
	const char *o;
	size_t len;
	int k;

	for (k = 0; k < SVC_FILTERS && strncmp(msg, "--", 2) == 0; k++) {
		o = svc_filter_option((enum svc_filter)k);
		len = strlen(o);
		if (strncmp(msg + 2, o, len) == 0 &&
		    (msg[2 + len] == ' ' || msg[2 + len] == ':')) {
			tui_message(t, 1, "%s%s", _(labels[k]), msg + 2 + len);
			return;
		}
	}
	tui_message(t, 1, "%s", msg);
}
