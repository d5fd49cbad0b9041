/* print.c - hand a file to the configured print command. The command runs
 * through /bin/sh (os_run) with the path as its last argument; what it
 * says on failure is reported as it said it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"
#include "paydesk/xmalloc.h"

#define PRINT_TIMEOUT_MS 30000

int
doc_print(const char *command, const char *path, struct pd_err *err)
{
	struct os_run_result r;
	char *script = xasprintf("%s \"$1\"", command);
	int rc = os_run(script, path, NULL, 0, PRINT_TIMEOUT_MS, &r);
	int e = errno;

	free(script);
	if (rc != 0)
		return pd_fail(err, PD_EPRINT, _("Print: %s"), strerror(e));
	if (r.timed_out)
		return pd_fail(err, PD_EPRINT,
		    _("Print command \"%s\" did not finish in %d s; it was "
		      "stopped"),
		    command, PRINT_TIMEOUT_MS / 1000);
	if (r.signal == 0 && r.status == 0)
		return 0;
	if (r.signal != 0)
		return pd_fail(err, PD_EPRINT,
		    _("Print command \"%s\" was killed by signal %d"), command,
		    r.signal);
	return pd_fail(err, PD_EPRINT,
	    _("Print command \"%s\" failed (exit status %d)%s%s"), command,
	    r.status, *r.last ? ": " : "", r.last);
}
