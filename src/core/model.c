/* model.c - names of the enumerations in model.h. */
#include <stddef.h>
#include <strings.h>

#include "paydesk/i18n.h"
#include "paydesk/model.h"

/* marked for the screens, which translate them where shown; stored,
 * parsed and exported as written */
static const char *const type_names[] = {
    N_("Bill"), N_("Service"), N_("Installment"), N_("Mixed")};
static const char *const type_kinds[] = {
    "bill", "service", "installment", "mixed"};
static const char *const status_names[] = {
    N_("Posted"), N_("Pending"), N_("Failed"), N_("Cancelled"), N_("Voided")};
static const char *const kind_names[] = {"cash", "card", "bank", "online"};
/* marked for the header of the screens, which translates them */
static const char *const role_names[] = {
    "", N_("cashier"), N_("recovery"), N_("supervisor"), N_("admin")};

static int
lookup(const char *const *names, int n, const char *s)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (names[i][0] != '\0' && strcasecmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *
pay_type_name(enum pay_type t)
{
	return (unsigned)t < PAY_TYPES ? type_names[t] : "?";
}

const char *
pay_type_kind(enum pay_type t)
{
	return (unsigned)t < PAY_TYPES ? type_kinds[t] : "?";
}

int
pay_type_of_kinds(const int *kinds, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (kinds[i] != kinds[0])
			return PAY_MIXED;
	return n > 0 ? kinds[0] : -1;
}

int
pay_type_parse(const char *s)
{
	return lookup(type_names, PAY_TYPES, s);
}

const char *
pay_status_name(enum pay_status s)
{
	return (unsigned)s < 5 ? status_names[s] : "?";
}

int
pay_status_parse(const char *s)
{
	return lookup(status_names, 5, s);
}

enum pay_status
pay_status_initial(enum method_kind k)
{
	return k == METHOD_ONLINE ? PS_PENDING : PS_POSTED;
}

const char *
role_name(enum role r)
{
	return (unsigned)r < 5 ? role_names[r] : "?";
}

/* a person of the role, for sentences ("rita is a recovery officer") */
static const char *const role_nouns[] = {"", N_("cashier"),
    N_("recovery officer"), N_("supervisor"), N_("admin")};

const char *
role_noun(enum role r)
{
	return (unsigned)r < 5 ? role_nouns[r] : "?";
}

int
role_parse(const char *s)
{
	return lookup(role_names, 5, s);
}

const char *
method_kind_name(enum method_kind k)
{
	return (unsigned)k < 4 ? kind_names[k] : "?";
}

int
method_kind_parse(const char *s)
{
	return lookup(kind_names, 4, s);
}

enum age_bucket
age_bucket(int64_t days_past_due)
{
	if (days_past_due <= 0)
		return AGE_CURRENT;
	if (days_past_due <= 30)
		return AGE_30;
	if (days_past_due <= 60)
		return AGE_60;
	if (days_past_due <= 90)
		return AGE_90;
	return AGE_OVER;
}

const char *
age_bucket_name(enum age_bucket b)
{
	static const char *const names[AGE_BUCKETS] = {
	    N_("Current"), "1-30", "31-60", "61-90", "90+"};

	return (unsigned)b < AGE_BUCKETS ? names[b] : "?";
}

static const char *const sort_names[PAY_SORTS] = {
    "date", "receipt", "consumer", "amount", "method", "type", "status"};

const char *
pay_sort_name(enum pay_sort s)
{
	return (unsigned)s < PAY_SORTS ? sort_names[s] : "?";
}

int
pay_sort_parse(const char *s)
{
	return lookup(sort_names, PAY_SORTS, s);
}

int
pay_sort_default_asc(enum pay_sort s)
{
	return s != PAY_BY_DATE && s != PAY_BY_AMOUNT;
}

static const char *const gw_status_names[] = {
    [GW_UNKNOWN] = "unknown",
    [GW_SUCCEEDED] = "succeeded",
    [GW_FAILED] = "failed",
    [GW_REFUNDED] = "refunded",
    [GW_DISPUTED] = "disputed",
};

const char *
gw_status_name(enum gw_status s)
{
	return (unsigned)s < sizeof gw_status_names / sizeof gw_status_names[0]
	           ? gw_status_names[s]
	           : "unknown";
}
