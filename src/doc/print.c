/* print.c - hand a file to the configured print command. The command runs
 * through /bin/sh with the path as its last argument; what it says on
 * failure is reported as it said it. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

#define PRINT_TIMEOUT_MS 30000

/* Last non-empty line of out, trimmed, in place. */
static const char *
last_line(char *out)
{
	char *end = out + strlen(out), *start;

	while (end > out && (end[-1] == '\n' || end[-1] == ' '))
		*--end = '\0';
	start = strrchr(out, '\n');
	return start ? start + 1 : out;
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 +
	       (t.tv_nsec - t0->tv_nsec) / 1000000;
}

int
doc_print(const char *command, const char *path, struct pd_err *err)
{
	char out[1024], *script;
	size_t used = 0;
	struct timespec t0;
	struct pollfd pfd;
	int fds[2], status, timed_out = 0;
	pid_t pid;
	ssize_t r;

	if (pipe(fds) != 0)
		return pd_fail(err, PD_EPRINT, _("Print: %s"), strerror(errno));
	script = xasprintf("%s \"$1\"", command);
	pid = fork();
	if (pid < 0) {
		free(script);
		close(fds[0]);
		close(fds[1]);
		return pd_fail(err, PD_EPRINT, _("Print: %s"), strerror(errno));
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		if (null >= 0)
			dup2(null, 0);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		execl("/bin/sh", "sh", "-c", script, "sh", path, (char *)NULL);
		_exit(127);
	}
	free(script);
	close(fds[1]);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	for (;;) {
		long left = PRINT_TIMEOUT_MS - ms_since(&t0);

		if (left <= 0) {
			timed_out = 1;
			kill(pid, SIGKILL);
			break;
		}
		if (poll(&pfd, 1, (int)left) < 0 && errno != EINTR)
			break;
		if (pfd.revents == 0)
			continue;
		r = read(fds[0], out + used, sizeof out - 1 - used);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		used += (size_t)r;
		if (used == sizeof out - 1) /* keep the newest output */
			used = 0;
	}
	out[used] = '\0';
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (timed_out)
		return pd_fail(err, PD_EPRINT,
		    _("Print command \"%s\" did not finish in %d s; it was "
		      "stopped"),
		    command, PRINT_TIMEOUT_MS / 1000);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFSIGNALED(status))
		return pd_fail(err, PD_EPRINT,
		    _("Print command \"%s\" was killed by signal %d"), command,
		    WTERMSIG(status));
	return pd_fail(err, PD_EPRINT,
	    _("Print command \"%s\" failed (exit status %d)%s%s"), command,
	    WEXITSTATUS(status), *last_line(out) ? ": " : "", last_line(out));
}
