/* shift.c - the rules of cash shifts' counts (issue 20): names of the
 * records' words, a denomination line's amount, the denominations list,
 * the tolerance and the flag of a shift left open. No I/O. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paydesk/date.h"
#include "paydesk/i18n.h"
#include "paydesk/shift.h"
#include "paydesk/xmalloc.h"

const char *
shift_status_name(enum shift_status s)
{
	return s == SHIFT_CLOSED ? "closed" : "open";
}

/* The count kinds' stored names, by enum value. */
static const char *const count_kinds[] = {
    [SHIFT_COUNT_DENOM] = "denomination",
    [SHIFT_COUNT_SLIP] = "slip",
    [SHIFT_COUNT_CHEQUE] = "cheque",
    [SHIFT_COUNT_TOTAL] = "total",
};

const char *
shift_count_kind_name(enum shift_count_kind k)
{
	return (unsigned)k < sizeof count_kinds / sizeof count_kinds[0]
	           ? count_kinds[k]
	           : "";
}

/* The movement kinds: stored name, and the other spelling a command
 * line takes. */
static const struct {
	enum shift_move_kind kind;
	const char *name, *alias;
} move_kinds[] = {
    {SHIFT_PAY_IN, "pay_in", "pay-in"},
    {SHIFT_PAY_OUT, "pay_out", "pay-out"},
    {SHIFT_SAFE_DROP, "safe_drop", "drop"},
};

const char *
shift_move_kind_name(enum shift_move_kind k)
{
	size_t i;

	for (i = 0; i < sizeof move_kinds / sizeof move_kinds[0]; i++)
		if (move_kinds[i].kind == k)
			return move_kinds[i].name;
	return "";
}

int64_t
shift_move_running(const struct shift_movement *moves, size_t n,
    enum shift_move_kind k, int64_t amount)
{
	int64_t run = amount;
	size_t i;

	for (i = n; i-- > 0;) {
		if (moves[i].kind != k)
			continue;
		if (moves[i].approved_by[0] != '\0')
			break;
		run += moves[i].amount;
	}
	return run;
}

int
shift_move_kind_parse(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < sizeof move_kinds / sizeof move_kinds[0];
	     i++)
		if (strcmp(s, move_kinds[i].name) == 0 ||
		    strcmp(s, move_kinds[i].alias) == 0)
			return (int)move_kinds[i].kind;
	return -1;
}

int
shift_line_amount(
    int64_t denom, int64_t qty, int64_t *amount, struct pd_err *err)
{
	if (denom <= 0 || denom > SHIFT_AMOUNT_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("Denomination %lld: must be 1 to %lld minor units"),
		    (long long)denom, (long long)SHIFT_AMOUNT_MAX);
	if (qty < 0 || qty > SHIFT_AMOUNT_MAX / denom)
		return pd_fail(err, PD_EINVAL,
		    _("Quantity %lld of denomination %lld: must be 0 to %lld"),
		    (long long)qty, (long long)denom,
		    (long long)(SHIFT_AMOUNT_MAX / denom));
	*amount = denom * qty;
	return 0;
}

/* One entry of a denominations list: digits only, 1..SHIFT_AMOUNT_MAX. */
static int
denom_entry(const char *tok, int64_t *v, struct pd_err *err)
{
	char *end;
	long long x;
	size_t i, n = strlen(tok);

	for (i = 0; i < n; i++)
		if (tok[i] < '0' || tok[i] > '9')
			break;
	errno = 0;
	x = n > 0 && i == n ? strtoll(tok, &end, 10) : 0;
	if (n == 0 || i < n || errno != 0 || x <= 0 || x > SHIFT_AMOUNT_MAX)
		return pd_fail(err, PD_EINVAL,
		    _("Denomination \"%s\": must be a whole number of minor "
		      "units from 1 to %lld"),
		    tok, (long long)SHIFT_AMOUNT_MAX);
	*v = x;
	return 0;
}

int
shift_denoms_parse(const char *s, int64_t *out, int *n, struct pd_err *err)
{
	char *copy = xstrdup(s), *save = NULL, *tok, *e;
	int k = 0, rc = 0;

	for (tok = strtok_r(copy, ",", &save); tok != NULL && rc == 0;
	     tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ' || *tok == '\t')
			tok++;
		for (e = tok + strlen(tok);
		     e > tok && (e[-1] == ' ' || e[-1] == '\t');)
			*--e = '\0';
		if (k == SHIFT_DENOMS_MAX)
			rc = pd_fail(err, PD_EINVAL,
			    _("At most %d denominations"), SHIFT_DENOMS_MAX);
		else if (denom_entry(tok, &out[k], err) != 0)
			rc = -1;
		else if (k > 0 && out[k] >= out[k - 1])
			rc = pd_fail(err, PD_EINVAL,
			    _("Denomination %lld: the list goes from the "
			      "largest "
			      "to the smallest, each once"),
			    (long long)out[k]);
		else
			k++;
	}
	free(copy);
	if (rc == 0 && k == 0)
		rc = pd_fail(
		    err, PD_EINVAL, _("At least one denomination is needed"));
	if (rc == 0)
		*n = k;
	return rc;
}

void
shift_cheques_unnumbered(struct shift_cheque *k, size_t n)
{
	size_t i, j;

	for (j = 0; j < n; j++)
		for (i = 0; i < n && k[j].ref[0] == '\0' && k[j].n < 0; i++)
			if (k[i].ref[0] != '\0' && k[i].n > 0 &&
			    k[i].amount == k[j].amount) {
				int64_t q = k[i].n < -k[j].n ? k[i].n : -k[j].n;

				k[i].n -= q;
				k[j].n += q;
			}
}

int
shift_beyond(int64_t over_short, int64_t tolerance)
{
	return over_short > tolerance || over_short < -tolerance;
}

/* Seconds of a "YYYY-MM-DD HH:MM:SS" since 1970 (UTC arithmetic, no
 * time zone: both ends are local); -1 if it is not one. */
static int64_t
ts_seconds(const char *ts)
{
	int y, mo, d, h, mi, se;

	if (ts == NULL || sscanf(ts, "%4d-%2d-%2d %2d:%2d:%2d", &y, &mo, &d, &h,
	                      &mi, &se) != 6)
		return -1;
	return (int64_t)date_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
}

int
shift_flagged(const char *opened, const char *now, int max_hours)
{
	int64_t a = ts_seconds(opened), b = ts_seconds(now);

	if (a < 0 || b < 0)
		return 0;
	return (strncmp(opened, now, 10) != 0 ? SHIFT_FLAG_OVERNIGHT : 0) |
	       (b - a > (int64_t)max_hours * 3600 ? SHIFT_FLAG_LONG : 0);
}

const char *
shift_flag_words(int flags)
{
	if ((flags & SHIFT_FLAG_OVERNIGHT) && (flags & SHIFT_FLAG_LONG))
		return "overnight, too_long";
	if (flags & SHIFT_FLAG_OVERNIGHT)
		return "overnight";
	return flags & SHIFT_FLAG_LONG ? "too_long" : "";
}

const char *
shift_flag_text(int flags, int max_hours, int is_long, char *buf, size_t n)
{
	char night[128], len[128];

	snprintf(night, sizeof night, "%s",
	    is_long ? _("left open over midnight") : _("over midnight"));
	snprintf(len, sizeof len,
	    is_long ? _("open past the configured length (%d h)")
	            : _("past %d h"),
	    max_hours);
	if ((flags & SHIFT_FLAG_OVERNIGHT) && (flags & SHIFT_FLAG_LONG))
		/* TRANSLATORS: a shift's two flags, over midnight and too
		 * long, in a record ("; ") or a list's cell (", ") */
		snprintf(
		    buf, n, is_long ? _("%s; %s") : _("%s, %s"), night, len);
	else if (flags & SHIFT_FLAG_OVERNIGHT)
		snprintf(buf, n, "%s", night);
	else if (flags & SHIFT_FLAG_LONG)
		snprintf(buf, n, "%s", len);
	else if (n > 0)
		buf[0] = '\0';
	return buf;
}
