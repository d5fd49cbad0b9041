/* run.c - run a configured command through /bin/sh (the print command,
 * src/doc/print.c; [alerts] command), bytes on its standard input if
 * any, stopped after a time limit, what it said kept for the report of
 * its failure. */
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
#include "paydesk/say.h"
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

/* The wait for output after sh has exited (ms): what it wrote last is
 * in the pipe, or comes at once; a child it left running in the
 * background (a mailer that forks) may hold the pipe open for long. */
#define AFTER_EXIT_MS 50
/* How often sh is asked whether it has exited while it writes nothing
 * (ms). */
#define EXIT_POLL_MS 20

/* Read the child's output on fd into out (keeping the newest) until sh
 * (pid) has exited and its output has stopped coming (AFTER_EXIT_MS) or
 * closed, or timeout_ms passed: 1 when the time ran out with sh still
 * running. *status and *reaped: sh's exit, when it was reaped
 * here (review of issue 21, helper-241: a command that started a
 * background child and exited 0 at once was waited for until its time
 * limit, as the child held the output open, and called stopped, its
 * alert given again). */
static int
drain(int fd, char *out, size_t size, int timeout_ms, pid_t pid, int *status,
    int *reaped)
{
	struct timespec t0, done;
	struct pollfd pfd;
	size_t used = 0;
	ssize_t r;

	*reaped = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pfd.fd = fd;
	pfd.events = POLLIN;
	for (;;) {
		long left = timeout_ms - ms_since(&t0), wait;

		if (!*reaped && waitpid(pid, status, WNOHANG) == pid) {
			*reaped = 1;
			clock_gettime(CLOCK_MONOTONIC, &done);
		}
		if (*reaped) {
			wait = AFTER_EXIT_MS - ms_since(&done);
			if (wait <= 0 || pfd.fd < 0)
				break;
		} else if (left <= 0) {
			out[used] = '\0';
			return 1;
		} else
			wait = left < EXIT_POLL_MS ? left : EXIT_POLL_MS;
		if (poll(&pfd, 1, (int)wait) < 0 && errno != EINTR)
			break;
		if (pfd.revents == 0)
			continue;
		r = read(fd, out + used, size - 1 - used);
		if (r < 0 && errno == EINTR)
			continue;
		/* the output closed: sh may still run (it closed its own),
		 * waited for as long as the time allows */
		if (r <= 0) {
			pfd.fd = -1;
			continue;
		}
		used += (size_t)r;
		if (used == size - 1)
			used = 0;
	}
	out[used] = '\0';
	return 0;
}

/* The child: a process group of its own (what the command starts is
 * in it, stopped with it: review of issue 21, only sh was), stdin from
 * in (or /dev/null), stdout and stderr to out; sh -c script, with arg
 * as $1 when given. */
static void
child(const char *script, const char *arg, int in, int out)
{
	int null = in < 0 ? open("/dev/null", O_RDONLY) : in;

	setpgid(0, 0);
	if (null >= 0)
		dup2(null, 0);
	dup2(out, 1);
	dup2(out, 2);
	if (arg != NULL)
		execl("/bin/sh", "sh", "-c", script, "sh", arg, (char *)NULL);
	else
		execl("/bin/sh", "sh", "-c", script, (char *)NULL);
	_exit(127);
}

int
os_run(const char *script, const char *arg, const char *data, size_t len,
    int timeout_ms, struct os_run_result *res)
{
	int in[2] = {-1, -1}, outp[2], status = 0, e, reaped;
	pid_t pid;

	memset(res, 0, sizeof *res);
	if (data != NULL && pipe(in) != 0)
		return -1;
	if (pipe(outp) != 0 || (pid = fork()) < 0) {
		e = errno;
		if (in[0] >= 0) {
			close(in[0]);
			close(in[1]);
		}
		errno = e;
		return -1;
	}
	if (pid == 0) {
		if (in[1] >= 0)
			close(in[1]);
		close(outp[0]);
		child(script, arg, in[0], outp[1]);
	}
	/* (again here: whichever of the two runs first) */
	setpgid(pid, pid);
	close(outp[1]);
	if (in[0] >= 0) {
		close(in[0]);
		feed(in[1], data, len);
	}
	res->timed_out = drain(outp[0], res->out, sizeof res->out, timeout_ms,
	    pid, &status, &reaped);
	/* the whole group: sh and whatever it started that still runs (a
	 * pipeline, a child in the background holding the output open);
	 * what a command that exited in time left running is its own */
	if (res->timed_out && kill(-pid, SIGKILL) != 0)
		kill(pid, SIGKILL);
	close(outp[0]);
	while (!reaped && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFSIGNALED(status))
		res->signal = WTERMSIG(status);
	else if (WIFEXITED(status))
		res->status = WEXITSTATUS(status);
	res->last = last_line(res->out);
	return 0;
}

int
os_run_input(const char *command, const char *data, size_t len, int timeout_ms,
    int *timed_out, struct pd_err *err)
{
	struct os_run_result r;
	char num[24];

	if (timed_out != NULL)
		*timed_out = 0;
	/* kept to be said again in the reader's language (say.h): an
	 * alert's delivery error is stored and read later */
	if (os_run(command, NULL, data, len, timeout_ms, &r) != 0)
		return say_fail(err, PD_EINVAL, N_("Command \"%s\": %s"), 2,
		    command, strerror(errno));
	if (r.timed_out) {
		if (timed_out != NULL)
			*timed_out = 1;
		snprintf(num, sizeof num, "%d", timeout_ms / 1000);
		return say_fail(err, PD_EINVAL,
		    N_("Command \"%s\" did not finish in %d s; it was stopped"),
		    2, command, num);
	}
	if (r.signal == 0 && r.status == 0)
		return 0;
	if (r.signal != 0) {
		snprintf(num, sizeof num, "%d", r.signal);
		return say_fail(err, PD_EINVAL,
		    N_("Command \"%s\" was killed by signal %d"), 2, command,
		    num);
	}
	snprintf(num, sizeof num, "%d", r.status);
	if (*r.last)
		return say_fail(err, PD_EINVAL,
		    N_("Command \"%s\" failed (exit status %d): %s"), 3,
		    command, num, r.last);
	return say_fail(err, PD_EINVAL,
	    N_("Command \"%s\" failed (exit status %d)"), 2, command, num);
}
