/* arrange.c - payment arrangements' schedule and compliance (issue 21).
 * Pure: the service reads the store and hands the facts in. */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "paydesk/arrange.h"
#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"

/* stored and typed as written, shown translated */
static const char *const freq_names[] = {
    N_("weekly"), N_("fortnightly"), N_("monthly")};
/* stored and exported as written, shown translated (X_TERM) */
static const char *const state_names[] = {N_("Upcoming"), N_("On time"),
    N_("Late"), N_("Missed"), N_("Replaced"), N_("Settled"),
    N_("Missed, replaced")};
/* an arrangement's: the word agrees with it (es acuerdo Activo, fr
 * échéancier Actif; a credit note's Activa) */
static const char *const status_terms[] = {TC_("arrangement", "Active"),
    TC_("arrangement", "Completed"), TC_("arrangement", "Broken"),
    TC_("arrangement", "Cancelled")};

/* an arrangement's changes as read: words that agree with it (es acuerdo
 * Creado, Reprogramado, Cancelado) */
static const struct i18n_label event_labels[] = {
    {"create", TC_("arrangement", "Created")},
    {"reschedule", TC_("arrangement", "Rescheduled")},
    {"cancel", TC_("arrangement", "Cancelled")},
};

const char *
arr_event_label(const char *kind)
{
	return i18n_label_of(
	    event_labels, sizeof event_labels / sizeof event_labels[0], kind);
}

const char *
arr_freq_name(enum arr_freq f)
{
	return (unsigned)f < 3 ? freq_names[f] : "?";
}

int
arr_freq_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < 3; i++)
		if (strcasecmp(s, freq_names[i]) == 0)
			return i;
	return -1;
}

const char *
arr_inst_state_name(enum arr_inst_state s)
{
	return (unsigned)s < sizeof state_names / sizeof *state_names
	           ? state_names[s]
	           : "?";
}

const char *
arr_status_name(enum arr_status s)
{
	return (unsigned)s < 4 ? i18n_term_word(status_terms[s]) : "?";
}

const char *
arr_status_term(enum arr_status s)
{
	return (unsigned)s < 4 ? status_terms[s] : "?";
}

int
arr_status_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < 4; i++)
		if (strcasecmp(s, i18n_term_word(status_terms[i])) == 0)
			return i;
	return -1;
}

/* The k-th due day (0 = first_due) of a schedule. Monthly keeps the day
 * of the month of first_due, clamped to each month's last day. */
static int32_t
due_day(int32_t first, enum arr_freq f, int k)
{
	int y, m, d, last, mm;

	if (f == ARR_WEEKLY)
		return first + 7 * k;
	if (f == ARR_FORTNIGHTLY)
		return first + 14 * k;
	date_civil(first, &y, &m, &d);
	mm = m - 1 + k;
	y += mm / 12;
	m = mm % 12 + 1;
	date_civil(month_last_day(date_days(y, m, 1)), &y, &m, &last);
	return date_days(y, m, d < last ? d : last);
}

int32_t
arr_first_due_max(int32_t today)
{
	return due_day(today, ARR_MONTHLY, 12);
}

static int
check_terms(
    const struct arr_terms *t, const struct money_style *st, struct pd_err *err)
{
	static const struct money_style plain = MONEY_STYLE_INIT;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], d1[DATE_BUFSZ], d2[DATE_BUFSZ];

	if (st == NULL)
		st = &plain;
	if (t->debt <= 0)
		return pd_fail(err, PD_EINVAL,
		    _("Nothing to arrange: the items chosen owe nothing"));
	if (t->down < 0 || t->down >= t->debt)
		return pd_fail(err, PD_EINVAL,
		    _("Down payment %s: must be at least 0 and less than the "
		      "debt of %s"),
		    money_format_style(a, sizeof a, t->down, st),
		    money_format_style(b, sizeof b, t->debt, st));
	if (t->n < 1 || t->n > ARR_INST_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("Installments %d: must be 1 to %d"), t->n, ARR_INST_MAX);
	if ((unsigned)t->freq > ARR_MONTHLY)
		return pd_fail(err, PD_EINVAL,
		    _("Frequency: must be weekly, fortnightly or monthly"));
	/* what is left after the down payment, in n parts of at least one
	 * minor unit each (helper-230: "2 installments of $0.01" named the
	 * whole left as if it were each one's) */
	if (t->debt - t->down < t->n)
		return pd_fail(err, PD_EINVAL,
		    t->down > 0 ? _("%s left after the down payment cannot be "
		                    "split into %d installments of at least %s "
		                    "each")
		                : _("A debt of %s cannot be split into %d "
		                    "installments of at least %s each"),
		    money_format_style(a, sizeof a, t->debt - t->down, st),
		    t->n, money_format_style(b, sizeof b, 1, st));
	if (t->first_due < t->today)
		return pd_fail(err, PD_EINVAL,
		    _("First due date %s: must be today (%s) or later"),
		    date_format(d1, t->first_due), date_format(d2, t->today));
	if (t->first_due > arr_first_due_max(t->today))
		return pd_fail(err, PD_EINVAL,
		    _("First due date %s: more than a year after today; the "
		      "first installment falls due by %s"),
		    date_format(d1, t->first_due),
		    date_format(d2, arr_first_due_max(t->today)));
	/* the last date a day of the store (YYYY-MM-DD) can be: a schedule
	 * running past it wrapped to the year 0000 (review of issue 21) */
	if (due_day(t->first_due, t->freq, t->n - 1) > date_days(9999, 12, 31))
		return pd_fail(err, PD_EINVAL,
		    _("First due date %s: %d installments would fall due "
		      "after 9999-12-31, the last date a schedule may reach"),
		    date_format(d1, t->first_due), t->n);
	return 0;
}

int
arr_schedule(const struct arr_terms *t, const struct money_style *st,
    struct arr_line *out, int *n, struct pd_err *err)
{
	int64_t rest, each;
	int k = 0, i;

	*n = 0;
	if (check_terms(t, st, err) != 0)
		return -1;
	if (t->down > 0) {
		out[0].down = 1;
		out[0].due = t->today;
		out[0].amount = t->down;
		k = 1;
	}
	rest = t->debt - t->down;
	each = rest / t->n;
	for (i = 0; i < t->n; i++, k++) {
		out[k].down = 0;
		out[k].due = due_day(t->first_due, t->freq, i);
		/* the last absorbs the remainder of the division */
		out[k].amount = i < t->n - 1 ? each : rest - each * (t->n - 1);
	}
	*n = k;
	return 0;
}

int64_t
arr_item_paid(const struct arr_item *in)
{
	return in->it.settled - in->moved - in->absorbed;
}

int64_t
arr_item_to_items(const struct arr_item *in)
{
	return in->resched ? 0 : in->absorbed;
}

int64_t
arr_item_cut(const struct arr_item *in)
{
	return in->resched ? in->absorbed : 0;
}

int64_t
arr_item_amount(const struct arr_item *in)
{
	/* one a later change moved the rest of, owing again (its payment
	 * voided since): what the plan holds of it is what was not moved
	 * (helper-236, fault 4: #2 read $100.00 unpaid, owing $50.00) */
	int64_t back =
	    in->moved > 0 && in->it.settled < in->it.amount ? in->moved : 0;

	return in->it.amount - arr_item_cut(in) - back;
}

enum arr_inst_state
arr_inst_state(int32_t due, int grace, int32_t paid_on, int32_t today)
{
	if (paid_on >= 0)
		return paid_on <= due + grace ? ARR_ON_TIME : ARR_LATE;
	return today > due + grace ? ARR_MISSED : ARR_UPCOMING;
}

void
arr_tally_add(struct arr_tally *t, enum arr_inst_state s)
{
	if (s == ARR_REPLACED)
		return;
	if (s == ARR_SETTLED) {
		t->settled++;
		return;
	}
	if (s == ARR_LAPSED) {
		t->missed++;
		t->lapsed++;
		return;
	}
	t->total++;
	if (s == ARR_ON_TIME)
		t->on_time++;
	else if (s == ARR_LATE)
		t->late++;
	else if (s == ARR_MISSED)
		t->missed++;
	else
		t->upcoming++;
}

void
arr_tally_add_on(struct arr_tally *t, enum arr_inst_state s, int32_t due,
    int32_t today)
{
	arr_tally_add(t, s);
	if (s == ARR_ON_TIME && today < due)
		t->ahead++;
}

void
arr_tally_past(struct arr_tally *t, enum arr_inst_state s)
{
	if (s == ARR_LATE)
		t->past++;
}

int
arr_tally_fell_due(const struct arr_tally *t)
{
	return t->on_time - t->ahead + t->late + t->missed;
}

enum arr_status
arr_plan_status(const struct arr_tally *t, int misses_allowed, int cancelled)
{
	if (cancelled)
		return ARR_CANCELLED;
	/* every installment paid; or none left to pay, each settled on
	 * the items it came from (review 21, fault 7: a void undone paid
	 * them there, and the plan stayed Active with nothing in it) */
	if ((t->total > 0 && t->on_time + t->late == t->total) ||
	    (t->total == 0 && t->settled > 0))
		return ARR_COMPLETED;
	/* a reschedule is a new agreement: the late ones of the schedules
	 * before it are history (review 21b, fault 7) */
	if (arr_tally_misses(t) > misses_allowed)
		return ARR_BROKEN;
	return ARR_ACTIVE;
}

int
arr_tally_misses(const struct arr_tally *t)
{
	return t->missed - t->lapsed + t->late - t->past;
}

int
arr_compliance_tenths(const struct arr_tally *t)
{
	int due = arr_tally_fell_due(t);

	if (due == 0)
		return -1;
	return (int)money_ratio_tenths(t->on_time - t->ahead, due);
}
