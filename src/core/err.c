/* err.c - error reporting. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "paydesk/err.h"

int
pd_fail(struct pd_err *err, enum pd_status code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->code = code;
	err->said[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void
pd_err_prefix(struct pd_err *err, const char *fmt, ...)
{
	char pre[256], old[sizeof err->msg];
	va_list ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(pre, sizeof pre, fmt, ap);
	va_end(ap);
	err->said[0] = '\0';
	memcpy(old, err->msg, sizeof old);
	snprintf(err->msg, sizeof err->msg, "%s%s", pre, old);
}

void
pd_err_clear(struct pd_err *err)
{
	if (err == NULL)
		return;
	err->code = PD_OK;
	err->msg[0] = '\0';
	err->said[0] = '\0';
}
