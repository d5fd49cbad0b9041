/* run.c - hand bytes to a configured command on its standard input, run
 * as the print command is (src/doc/print.c): through /bin/sh, stopped
 * after a time limit, what it says on failure reported as it said it. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "paydesk/i18n.h"
#include "paydesk/os.h"

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

/* Write all of data to fd, unless the reader went away (EPIPE: the
 * command did not read it all, which is its business). */
static void
feed(int fd, const char *data, size_t len)
{
	struct sigaction ign, old;
	ssize_t w;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	while (len > 0) {
		w = write(fd, data, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		data += w;
		len -= (size_t)w;
	}
	close(fd);
	sigaction(SIGPIPE, &old, NULL);
}

/* Read the child's output on fd into out (keeping the newest) until it
 * closes or timeout_ms passed: 1 when the time ran out. */
static int
drain(int fd, char *out, size_t size, int timeout_ms)
{
	struct timespec t0;
	struct pollfd pfd;
	size_t used = 0;
	ssize_t r;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pfd.fd = fd;
	pfd.events = POLLIN;
	for (;;) {
		long left = timeout_ms - ms_since(&t0);

		if (left <= 0) {
			out[used] = '\0';
			return 1;
		}
		if (poll(&pfd, 1, (int)left) < 0 && errno != EINTR)
			break;
		if (pfd.revents == 0)
			continue;
		r = read(fd, out + used, size - 1 - used);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		used += (size_t)r;
		if (used == size - 1)
			used = 0;
	}
	out[used] = '\0';
	return 0;
}

int
os_run_input(const char *command, const char *data, size_t len, int timeout_ms,
    struct pd_err *err)
{
	char out[1024];
	int in[2], outp[2], status, timed_out;
	pid_t pid;

	if (pipe(in) != 0)
		return pd_fail(err, PD_EINVAL, _("Command \"%s\": %s"), command,
		    strerror(errno));
	if (pipe(outp) != 0) {
		close(in[0]);
		close(in[1]);
		return pd_fail(err, PD_EINVAL, _("Command \"%s\": %s"), command,
		    strerror(errno));
	}
	if ((pid = fork()) < 0) {
		close(in[0]);
		close(in[1]);
		close(outp[0]);
		close(outp[1]);
		return pd_fail(err, PD_EINVAL, _("Command \"%s\": %s"), command,
		    strerror(errno));
	}
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(outp[1], 1);
		dup2(outp[1], 2);
		close(in[0]);
		close(in[1]);
		close(outp[0]);
		close(outp[1]);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(outp[1]);
	feed(in[1], data, len);
	timed_out = drain(outp[0], out, sizeof out, timeout_ms);
	if (timed_out)
		kill(pid, SIGKILL);
	close(outp[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (timed_out)
		return pd_fail(err, PD_EINVAL,
		    _("Command \"%s\" did not finish in %d s; it was stopped"),
		    command, timeout_ms / 1000);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFSIGNALED(status))
		return pd_fail(err, PD_EINVAL,
		    _("Command \"%s\" was killed by signal %d"), command,
		    WTERMSIG(status));
	return pd_fail(err, PD_EINVAL,
	    _("Command \"%s\" failed (exit status %d)%s%s"), command,
	    WEXITSTATUS(status), *last_line(out) ? ": " : "", last_line(out));
}
