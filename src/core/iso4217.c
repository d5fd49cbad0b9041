/* iso4217.c - the active ISO 4217 currency codes and their minor units
 * (issue 23: an organisation of the central node has its own currency,
 * checked against this list when it is added). */
#include <stdlib.h>
#include <string.h>

#include "paydesk/money.h"

/* The codes of two minor digits, then the exceptions by their digits.
 * Codes of four digits (CLF, UYW) are left out: amounts keep 0 to 3. */
static const char two[] =
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB "
    "BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP "
    "CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ "
    "GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK "
    "LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV "
    "MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD "
    "RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB "
    "TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VES VED WST XCD YER "
    "ZAR ZMW ZWG";
static const char zero[] =
    "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
static const char three[] = "BHD IQD JOD KWD LYD OMR TND";

static int
listed(const char *list, const char *code)
{
	const char *p;

	for (p = list; (p = strstr(p, code)) != NULL; p++)
		if ((p == list || p[-1] == ' ') && (p[3] == ' ' || p[3] == '\0'))
			return 1;
	return 0;
}

int
currency_minor_digits(const char *code)
{
	if (code == NULL || strlen(code) != 3 || strchr(code, ' ') != NULL)
		return -1;
	if (listed(two, code))
		return 2;
	if (listed(zero, code))
		return 0;
	if (listed(three, code))
		return 3;
	return -1;
}
