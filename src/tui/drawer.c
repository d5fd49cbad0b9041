/* drawer.c - what the shift screens share: the configuration they read
 * ([shifts]), the close's counts, and the menu of the open shift. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drawer.h"

const int64_t *
drawer_denoms(const struct tui *t, int *n)
{
	*n = t->svc->cfg.ndenoms;
	return t->svc->cfg.denoms;
}

const char (*drawer_reasons(const struct tui *t, int *n))[CFG_NAME_MAX]
{
	*n = t->svc->cfg.nmove_reasons;
	return t->svc->cfg.move_reasons;
}

int64_t
drawer_approval_above(const struct tui *t)
{
	return t->svc->cfg.move_approval;
}

const char *
drawer_cash_method(const struct tui *t)
{
	int i;

	for (i = 0; i < t->svc->cfg.nmethods; i++)
		if (t->svc->cfg.methods[i].kind == METHOD_CASH)
			return t->svc->cfg.methods[i].name;
	return NULL;
}

/* A shift's status as a person reads it: "Open" in the context "shift"
 * (the word alone is the amount still open of an item). */
static const char *const status_words[] = {[SHIFT_OPEN] = NC_("shift", "Open"),
    [SHIFT_CLOSED] = NC_("shift", "Closed")};

const char *
drawer_status_name(enum shift_status s)
{
	const char *w =
	    status_words[s == SHIFT_OPEN ? SHIFT_OPEN : SHIFT_CLOSED];
	const char *tr;
	char key[64];

	snprintf(key, sizeof key, "shift%c%s", 4, w); /* msgctxt EOT id */
	tr = gettext(key);
	return tr != key ? tr : w;
}

struct shift_count *
drawer_counts(const struct drawer_close *d, size_t *n)
{
	struct shift_count *all;

	*n = d->ncash + d->nslips + d->ncheque;
	all = xcalloc(*n + 1, sizeof *all);
	if (d->ncash)
		memcpy(all, d->cash_lines, d->ncash * sizeof *all);
	if (d->nslips)
		memcpy(all + d->ncash, d->slips, d->nslips * sizeof *all);
	if (d->ncheque)
		memcpy(all + d->ncash + d->nslips, d->cheque_lines,
		    d->ncheque * sizeof *all);
	return all;
}

_Static_assert(sizeof(((struct tui_field *)0)->buf) == DRAWER_TYPED_SZ,
    "a step's field is kept whole");

const char *
drawer_reason_typed(
    struct drawer_close *d, const char *method, const char *text)
{
	int i;

	for (i = 0; i < d->nreasons_typed; i++)
		if (strcmp(d->reasons_typed[i].method, method) == 0)
			break;
	if (text == NULL)
		return i < d->nreasons_typed ? d->reasons_typed[i].text : "";
	if (i == d->nreasons_typed) {
		if (i == CFG_LIST_MAX)
			return "";
		d->nreasons_typed++;
		snprintf(d->reasons_typed[i].method,
		    sizeof d->reasons_typed[i].method, "%s", method);
	}
	snprintf(d->reasons_typed[i].text, sizeof d->reasons_typed[i].text,
	    "%s", text);
	return d->reasons_typed[i].text;
}

void
drawer_close_free(struct drawer_close *d)
{
	free(d->cash_lines);
	free(d->slips);
	free(d->cheque_lines);
	memset(d, 0, sizeof *d);
}

/* The menu of the open shift. */
enum { M_X, M_PAY_IN, M_PAY_OUT, M_DROP, M_CLOSE };

static struct tui_screen *
run(struct tui *t, void *arg, int id)
{
	switch (id) {
	case M_X:
		return screen_shift_report_new(t, NULL);
	case M_PAY_IN:
		return screen_shift_move_new(t, SHIFT_PAY_IN);
	case M_PAY_OUT:
		return screen_shift_move_new(t, SHIFT_PAY_OUT);
	case M_DROP:
		return screen_shift_move_new(t, SHIFT_SAFE_DROP);
	case M_CLOSE:
		return screen_shift_close_new(t, arg);
	}
	return NULL;
}

struct tui_screen *
screen_shift_menu_new(struct tui *t, struct tui_screen *home)
{
	struct tui_menu_item items[] = {
	    {_("X report"), M_X},
	    {_("Pay-in"), M_PAY_IN},
	    {_("Pay-out"), M_PAY_OUT},
	    {_("Safe drop"), M_DROP},
	    {_("Close shift"), M_CLOSE},
	};

	(void)t;
	return screen_menu_new(
	    _("Shift"), items, (int)TUI_NKEYS(items), run, home);
}
