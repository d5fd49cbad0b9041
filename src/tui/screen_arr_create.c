/* screen_arr_create.c - make a payment arrangement from a consumer's
 * account view (issue 21; recovery and up): the open items it takes over
 * (every one at first, Space leaves one out), the down payment, the
 * number and frequency of the installments, the first due date, grace
 * days, misses allowed and a reason of [arrangements] reasons. Under the
 * form, the schedule the service's preview makes of it as it is typed,
 * or the service's reason for refusing it: the same rules and messages
 * as `paydesk arrangement create`, which is the same call. Enter asks
 * once, then makes it and opens the new plan. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backoffice.h"

enum {
	A_CREATE = TUI_STEP_DO,
	A_NEXT = TUI_STEP_NEXT,
	A_PREV,
	A_KLEFT,
	A_KRIGHT,
	A_BACK = TUI_STEP_BACK,
	A_TOGGLE = TUI_STEP_OWN,
	A_PGDN,
	A_PGUP
};

static const struct tui_key screen_arr_create_keys[] = {
    {TUI_KEY_ENTER, "Enter", N_("Create"),
        N_("make the arrangement as previewed (asked once)"), A_CREATE},
    {KEY_DOWN, "Down", NULL, N_("the next field (also {Tab})"), A_NEXT},
    {KEY_UP, "Up", NULL, N_("the field above"), A_PREV},
    {KEY_LEFT, "Left", NULL, N_("the item or choice before"), A_KLEFT},
    {KEY_RIGHT, "Right", NULL, N_("the next item or choice"), A_KRIGHT},
    {' ', "Space", NULL, N_("take or leave the item under the cursor"),
        A_TOGGLE},
    ARR_SCHEDULE_KEYS(A_PGDN, A_PGUP),
    {TUI_KEY_ESC, "Esc", N_("Cancel"), N_("close; nothing is saved"), A_BACK},
    {KEY_F(1), "F1", N_("Help"), N_("this help"), -1},
};

enum {
	F_ITEMS,
	F_DOWN,
	F_N,
	F_FREQ,
	F_FIRST,
	F_GRACE,
	F_MISSES,
	F_REASON,
	F_COUNT
};

/* At most this many items are offered (a set's bits). */
#define ITEMS_MAX 64

struct acreate {
	struct tui_step s; /* first: the screen, its form, Enter asked */
	struct consumer c;
	struct item items[ITEMS_MAX]; /* the open items a plan may take */
	int nitems;
	const char *labels[ITEMS_MAX];
	char shown[ITEMS_MAX][96]; /* "ref amount" */
	struct tui_form_item it[F_COUNT];
	const char *freqs[3];
	const char *reasons[CFG_LIST_MAX + 1];
	char rshown[CFG_LIST_MAX][128];
	char hints[3][24];
	char down[512]; /* the down payment typed, without spaces around */
	int top, page;  /* the schedule's first line shown, lines a page */
};

/* A whole number field in lo..hi into *v; a message naming it. */
static int
count_field(
    const struct tui_form_item *it, int lo, int hi, int *v, char *why, size_t n)
{
	char *end;
	long k = strtol(it->f.buf, &end, 10);

	if (it->f.buf[0] == '\0' || *end != '\0' || k < lo || k > hi) {
		snprintf(why, n,
		    _("%s \"%s\": give a whole number from %d to %d"),
		    it->label, it->f.buf, lo, hi);
		return -1;
	}
	*v = (int)k;
	return 0;
}

/* The request as the form stands, into r (refs into buf, n bytes);
 * -1 with why when a field is not what the service could read. */
static int
request(struct acreate *a, struct tui *t, struct arr_request *r, char *refs,
    size_t rn, char *why, size_t n)
{
	const struct config *cfg = &t->svc->cfg;
	int k;

	memset(r, 0, sizeof *r);
	refs[0] = '\0';
	for (k = 0; k < a->nitems; k++)
		if ((a->it[F_ITEMS].set >> k) & 1)
			snprintf(refs + strlen(refs), rn - strlen(refs), "%s%s",
			    refs[0] ? "," : "", a->items[k].ref);
	if (refs[0] == '\0') {
		snprintf(why, n, "%s",
		    tui_keys(_("Take at least one item ({Space})")));
		return -1;
	}
	r->account = a->c.account_no;
	r->items = refs;
	/* spaces typed around the amount are the field's, not the
	 * amount's: a command line's are refused (svc_money_arg) */
	{
		const char *d = a->it[F_DOWN].f.buf;
		size_t len;

		d += strspn(d, " \t");
		len = strlen(d);
		while (len > 0 && (d[len - 1] == ' ' || d[len - 1] == '\t'))
			len--;
		snprintf(a->down, sizeof a->down, "%.*s", (int)len, d);
	}
	r->down = a->down;
	r->freq = arr_freq_name((enum arr_freq)a->it[F_FREQ].choice);
	r->first_due = a->it[F_FIRST].f.buf;
	r->reason = a->it[F_REASON].choice == 0
	                ? ""
	                : cfg->arr_reasons[a->it[F_REASON].choice - 1];
	if (count_field(&a->it[F_N], 1, ARR_INST_MAX, &r->n, why, n) != 0 ||
	    count_field(&a->it[F_GRACE], 0, ARR_GRACE_MAX, &r->grace_days, why,
	        n) != 0 ||
	    count_field(&a->it[F_MISSES], 0, ARR_MISSES_MAX, &r->misses_allowed,
	        why, n) != 0)
		return -1;
	return 0;
}

/* The service's preview of the form into p; why is "" when the plan can
 * be made (a reason chosen too). */
static void
check(struct acreate *a, struct tui *t, struct arr_preview *p, char *why,
    size_t n)
{
	struct arr_request r;
	struct pd_err err;
	char refs[ITEMS_MAX * 66];
	int no_reason;

	why[0] = '\0';
	memset(p, 0, sizeof *p);
	if (request(a, t, &r, refs, sizeof refs, why, n) != 0)
		return;
	/* the schedule first: a reason is asked for after it */
	no_reason = r.reason[0] == '\0';
	if (no_reason)
		r.reason = "preview";
	if (svc_arrangement_preview(t->svc, &r, p, &err) != 0)
		snprintf(why, n, "%s", err.msg);
	else if (no_reason)
		snprintf(why, n, "%s", _("Choose a reason"));
}

static void
draw(struct tui_screen *sc, struct tui *t)
{
	struct acreate *a = (struct acreate *)sc;
	struct arr_preview p;
	char why[640], m[MONEY_BUFSZ], line[256];
	int y = 1, lw = list_form_width(&a->s.fm, 16) + 2, last = LINES - 4;

	snprintf(line, sizeof line, "%s  %s", a->c.account_no, a->c.name);
	attron(A_BOLD);
	tui_text_cut(y++, 2, line, COLS - 4);
	attroff(A_BOLD);
	y += tui_form_draw(t, &a->s.fm, y, 2, lw, COLS - 4);
	sc->typing = tui_form_typing(&a->s.fm);
	check(a, t, &p, why, sizeof why);
	if (p.nlines > 0) {
		snprintf(line, sizeof line,
		    _("Debt %s in %d lines; the last takes the remainder"),
		    svc_money(t->svc, m, sizeof m, p.debt), p.nlines);
		attron(A_BOLD);
		y += tui_wrap(y, 2, line, COLS - 4, 2);
		attroff(A_BOLD);
		a->page = arr_schedule_draw(
		    t, &p, y, why[0] ? last - 1 : last, &a->top);
	}
	svc_arr_preview_free(&p);
	/* what the message line says already (a down payment's amount
	 * refused as it is typed) is not said twice (helper-239) */
	if (why[0])
		tui_form_reason(t, last, 2, why, COLS - 4, 2);
	else {
		attron(tui_attr(t, TUI_C_OK, A_BOLD));
		tui_text(last + 1, 2,
		    tui_keys(_("{Enter} makes the arrangement")), COLS - 4);
		attroff(tui_attr(t, TUI_C_OK, A_BOLD));
	}
}

static int
create(struct tui_step *s, struct tui *t)
{
	struct acreate *a = (struct acreate *)s;
	struct arr_request r;
	struct arr_preview p;
	struct pd_err err;
	char why[640], refs[ITEMS_MAX * 66], plan_no[33], m[MONEY_BUFSZ];

	check(a, t, &p, why, sizeof why);
	if (why[0]) {
		svc_arr_preview_free(&p);
		tui_message(t, 1, _("Not made: %s"), why);
		return TUI_HANDLED;
	}
	if (!tui_step_confirmed(&a->s)) { /* are you sure, with the figures */
		tui_message(t, 1,
		    _("%s in %d lines? {Enter} again to make the plan"),
		    svc_money(t->svc, m, sizeof m, p.debt), p.nlines);
		svc_arr_preview_free(&p);
		return TUI_HANDLED;
	}
	svc_arr_preview_free(&p);
	request(a, t, &r, refs, sizeof refs, why, sizeof why);
	if (svc_arrangement_create(t->svc, &r, plan_no, &p, &err) != 0) {
		svc_arr_preview_free(&p);
		tui_step_refused(&a->s);
		tui_message(t, 1, _("Not made: %s"), err.msg);
		return TUI_HANDLED;
	}
	svc_arr_preview_free(&p);
	t->list_gen++;
	t->push_after = screen_arrangement_new(t, plan_no);
	tui_message(t, 0, _("Arrangement %s made"), plan_no);
	return TUI_CLOSE;
}

static int
action(struct tui_screen *sc, struct tui *t, int act)
{
	struct acreate *a = (struct acreate *)sc;

	if (act == A_PGDN || act == A_PGUP)
		return arr_schedule_scroll(
		    &a->top, a->page, act == A_PGDN ? 1 : -1);
	if (act != A_TOGGLE)
		return tui_step_action(sc, t, act);
	a->s.edits++;
	tui_form_input(&a->s.fm, 0, ' ');
	return TUI_HANDLED;
}

const struct tui_screen_class screen_arr_create_class = {
    .name = "New Arrangement",
    .title = N_("New payment arrangement"),
    .keys = screen_arr_create_keys,
    .nkeys = TUI_NKEYS(screen_arr_create_keys),
    .draw = draw,
    .action = action,
    .input = tui_step_input,
    .fields = 1,
};

/* The items a plan of this consumer may take: the service's preview of
 * them all (its own rule of which are open and not a plan's). */
static int
candidates(struct acreate *a, struct tui *t, const char *account)
{
	struct arr_request r = {0};
	struct arr_preview p;
	struct pd_err err;
	char iso[11], today[SVC_DATE_BUFSZ], m[MONEY_BUFSZ];
	size_t i;

	svc_today(iso);
	r.account = account;
	r.n = 1;
	r.freq = "monthly";
	r.first_due = svc_date(t->svc, today, sizeof today, iso);
	r.reason = "preview";
	if (svc_arrangement_preview(t->svc, &r, &p, &err) != 0) {
		tui_message(t, 1, "%s", err.msg);
		svc_arr_preview_free(&p);
		return -1;
	}
	a->c = p.c;
	for (i = 0; i < p.nitems && i < ITEMS_MAX; i++) {
		a->items[i] = p.items[i];
		snprintf(a->shown[i], sizeof a->shown[i], "%s %s",
		    p.items[i].ref,
		    svc_money(t->svc, m, sizeof m,
		        p.items[i].amount - p.items[i].settled));
		a->labels[i] = a->shown[i];
	}
	a->nitems = (int)i;
	svc_arr_preview_free(&p);
	return 0;
}

struct tui_screen *
screen_arr_create_new(struct tui *t, const char *account)
{
	struct acreate *a = xcalloc(1, sizeof *a);
	const struct config *cfg = &t->svc->cfg;
	struct pd_err err = {0};
	char iso[11], today[SVC_DATE_BUFSZ];
	int k;

	if (svc_require(t->svc, ROLE_RECOVERY,
	        _("Making a payment arrangement"), &err) != 0 ||
	    candidates(a, t, account) != 0) {
		if (err.code == PD_EPERM)
			tui_message(t, 1, "%s", err.msg);
		free(a);
		return NULL;
	}
	memset(&a->it[F_ITEMS], 0, sizeof a->it[F_ITEMS]);
	a->it[F_ITEMS].label = _("Items");
	a->it[F_ITEMS].kind = FORM_MULTI;
	a->it[F_ITEMS].options = a->labels;
	a->it[F_ITEMS].nopts = a->nitems;
	a->it[F_ITEMS].set = a->nitems >= 64 ? ~0ULL : (1ULL << a->nitems) - 1;
	tui_form_text(&a->it[F_DOWN], _("Down payment"), 16, "");
	a->it[F_DOWN].kind = FORM_MONEY;
	tui_form_text(&a->it[F_N], _("Installments"), 3, "3");
	a->it[F_N].kind = FORM_COUNT;
	snprintf(a->hints[0], sizeof a->hints[0], "1-%d", ARR_INST_MAX);
	a->it[F_N].hint = a->hints[0];
	for (k = 0; k < 3; k++)
		a->freqs[k] = _(arr_freq_name((enum arr_freq)k));
	tui_form_choice(
	    &a->it[F_FREQ], _("Frequency"), a->freqs, 3, ARR_MONTHLY);
	svc_today(iso);
	tui_form_text(&a->it[F_FIRST], _("First due date"), 10,
	    svc_date(t->svc, today, sizeof today, iso));
	a->it[F_FIRST].kind = FORM_DATE;
	tui_form_text(&a->it[F_GRACE], _("Grace days"), 2, "0");
	a->it[F_GRACE].kind = FORM_COUNT;
	snprintf(a->hints[1], sizeof a->hints[1], "0-%d", ARR_GRACE_MAX);
	a->it[F_GRACE].hint = a->hints[1];
	tui_form_text(&a->it[F_MISSES], _("Misses allowed"), 2, "0");
	a->it[F_MISSES].kind = FORM_COUNT;
	snprintf(a->hints[2], sizeof a->hints[2], "0-%d", ARR_MISSES_MAX);
	a->it[F_MISSES].hint = a->hints[2];
	a->reasons[0] = _("(choose a reason)");
	for (k = 0; k < cfg->narr_reasons; k++)
		a->reasons[k + 1] = svc_word(
		    cfg->arr_reasons[k], a->rshown[k], sizeof a->rshown[k]);
	tui_form_choice(&a->it[F_REASON], _("Reason"), a->reasons,
	    cfg->narr_reasons + 1, 0);
	tui_step_init(
	    &a->s, &screen_arr_create_class, a->it, F_COUNT, 0, create);
	return &a->s.sc;
}
