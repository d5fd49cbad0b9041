/* currency.c - the organisation's currency from its central node laid
 * over the file's (issue 23): a terminal that has synced keeps it in its
 * store and takes it before the file's [organisation] currency_code and
 * minor_digits. The money keys of the file are read in it: their minor
 * units are scaled to its digits. */
#include <ctype.h>
#include <string.h>

#include "internal.h"
#include "config_int.h"
#include "paydesk/config.h"
#include "paydesk/i18n.h"
#include "paydesk/money.h"

static int
row_of(const char *key)
{
	size_t i;

	for (i = 0; i < cfg_nschema; i++)
		if (strcmp(cfg_schema[i].row.section, "organisation") == 0 &&
		    strcmp(cfg_schema[i].row.key, key) == 0)
			return (int)i;
	return -1;
}

static void
mark(struct config *cfg, const char *key)
{
	int i = row_of(key);

	if (i >= 0)
		cfg->from_central[i / 64] |= (uint64_t)1 << (i % 64);
}

/* v minor units of from digits in minor units of to digits, rounded
 * half up; *whole 0 when it was not a whole number of them. */
static int64_t
scale(int64_t v, int from, int to, int *whole)
{
	int64_t f = 1;
	int k;

	*whole = 1;
	for (k = from < to ? to - from : from - to; k > 0; k--)
		f *= 10;
	if (to >= from)
		return v > MONEY_MAX / f ? MONEY_MAX : v * f;
	*whole = v % f == 0;
	return (v + f / 2) / f;
}

int
config_take_currency(
    struct config *cfg, const char *code, int digits, struct pd_err *err)
{
	size_t i;
	int k, n, whole;

	if (code == NULL || strlen(code) != 3 ||
	    !isupper((unsigned char)code[0]) ||
	    !isupper((unsigned char)code[1]) ||
	    !isupper((unsigned char)code[2]) || digits < 0 || digits > 3)
		return pd_fail(err, PD_EINVAL,
		    _("\"%s\" of %d minor digits is not a currency paydesk "
		      "can keep"),
		    code ? code : "", digits);
	if (digits != cfg->minor_digits) {
		for (i = 0; i < cfg_nschema; i++) {
			int64_t *v = (int64_t *)(void *)((char *)cfg +
			                                 cfg_schema[i].off);

			if (cfg_schema[i].type == CFG_MONEY ||
			    (cfg_schema[i].type == CFG_OPTMONEY && *v >= 0))
				*v = scale(
				    *v, cfg->minor_digits, digits, &whole);
		}
		/* a note or coin smaller than the currency's unit is not one
		 * of its denominations */
		for (k = n = 0; k < cfg->ndenoms; k++) {
			int64_t d = scale(
			    cfg->denoms[k], cfg->minor_digits, digits, &whole);

			if (whole && d > 0)
				cfg->denoms[n++] = d;
		}
		cfg->ndenoms = n;
		cfg->minor_digits = digits;
	}
	/* the file's symbol is its own currency's; another currency is
	 * written with its code until the central node sets the symbol
	 * ([organisation] currency_symbol, a setting it masters) */
	if (strcmp(code, cfg->currency_code) != 0) {
		memcpy(cfg->currency_code, code, 4);
		if (!config_is_central(cfg, (size_t)row_of("currency_symbol")))
			memcpy(cfg->currency_symbol, code, 4);
	}
	mark(cfg, "currency_code");
	mark(cfg, "minor_digits");
	return 0;
}
