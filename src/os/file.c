/* file.c - atomic file writes: stage, then publish by rename (src/os/:
 * the I/O that core/ leaves to the layers above it). */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paydesk/file.h"
#include "paydesk/i18n.h"
#include "paydesk/os.h"
#include "paydesk/xmalloc.h"

int
file_mkdirs(const char *dir, struct pd_err *err)
{
	char path[PATH_MAX], *p;
	struct stat sb;

	if (strlen(dir) >= sizeof path)
		return pd_fail(err, PD_EDOC, _("%s: path too long"), dir);
	xstrlcpy(path, dir, sizeof path);
	for (p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;

		*p = '\0';
		/* receipts, exports and stores are no one else's business */
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			return pd_fail(err, PD_EDOC,
			    _("Cannot create directory %s: %s"), path,
			    strerror(errno));
		*p = c;
		if (c == '\0')
			break;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return pd_fail(err, PD_EDOC, _("%s is not a directory"), dir);
	return 0;
}

/* The directory of path, in buf. */
static const char *
dir_of(const char *path, char *buf, size_t n)
{
	xstrlcpy(buf, path, n);
	return dirname(buf);
}

/* What a non-regular file is, for the message refusing it. */
static const char *
kind_of(mode_t m)
{
	if (S_ISDIR(m))
		return _("a directory");
	if (S_ISCHR(m) || S_ISBLK(m))
		return _("a device");
	if (S_ISFIFO(m))
		return _("a named pipe");
	if (S_ISSOCK(m))
		return _("a socket");
	return _("not a regular file");
}

/* The files no document or export may replace (file_protect): the
 * store, its journals and the configuration, by name; compared by device
 * and inode when a target is checked, so that another name of one (a
 * hard link, a path through other directories) is refused too. */
#define FILE_PROTECTED_MAX 8
static struct {
	char path[PATH_MAX];
	int config;
} protected_files[FILE_PROTECTED_MAX];
static int nprotected;

void
file_protect(const char *path, int config)
{
	static const char *const journals[] = {"", "-wal", "-shm", "-journal"};
	size_t i, n = config ? 1 : sizeof journals / sizeof journals[0];
	char p[PATH_MAX];
	int k;

	for (i = 0; i < n && nprotected < FILE_PROTECTED_MAX; i++) {
		if ((size_t)snprintf(p, sizeof p, "%s%s", path, journals[i]) >=
		    sizeof p)
			continue;
		for (k = 0; k < nprotected; k++)
			if (strcmp(protected_files[k].path, p) == 0)
				break;
		if (k < nprotected)
			continue; /* a store opened again */
		xstrlcpy(protected_files[nprotected].path, p, PATH_MAX);
		protected_files[nprotected++].config = config;
	}
}

/* The protected file that sb is, or -1. */
static int
protected_of(const struct stat *sb)
{
	struct stat pb;
	int i;

	for (i = 0; i < nprotected; i++)
		if (stat(protected_files[i].path, &pb) == 0 &&
		    pb.st_dev == sb->st_dev && pb.st_ino == sb->st_ino)
			return i;
	return -1;
}

int
file_target_ok(const char *path, enum file_links links, struct pd_err *err)
{
	struct stat sb;
	int k;

	/* stat follows a symbolic link: a link to /dev/full is refused like
	 * /dev/full; a rename would replace the node with the document */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return pd_fail(err, PD_ETARGET,
		    _("%s is %s, not a file: paydesk writes documents and "
		      "exports only to a new or a regular file"),
		    path, kind_of(sb.st_mode));
	/* the store replaced by a receipt was the books gone (review of
	 * issue 18, section 6); --force does not change that */
	if (stat(path, &sb) == 0 && (k = protected_of(&sb)) >= 0)
		return pd_fail(err, PD_ETARGET,
		    protected_files[k].config
		        ? _("%s is the configuration file %s: paydesk never "
		            "writes a document or an export over it; give "
		            "another file")
		        : _("%s is the store %s or one of its journals: paydesk "
		            "never writes a document or an export over it; give "
		            "another file"),
		    path, protected_files[k].path);
	if (links == FILE_LINKS_REFUSE && lstat(path, &sb) == 0 &&
	    S_ISLNK(sb.st_mode))
		return pd_fail(err, PD_ETARGET,
		    _("%s is a symbolic link: paydesk neither writes through "
		      "nor replaces one; give another file, or --force to "
		      "replace the link with the file"),
		    path);
	return 0;
}

/* Open a new file named like tmp's "XXXXXX" template, mode 0666 less the
 * umask (what open(2) gives any new file), unlike mkstemp's 0600. */
static int
open_unique(char *tmp)
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
	                            "opqrstuvwxyz0123456789";
	size_t len = strlen(tmp), i;
	unsigned char r[6];
	int tries, fd = -1;

	for (tries = 0; tries < 100; tries++) {
		os_random(r, sizeof r);
		for (i = 0; i < 6; i++)
			tmp[len - 6 + i] = chars[r[i] % (sizeof chars - 1)];
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	return fd;
}

int
file_temp(const char *path, enum file_links links, char *tmp, size_t tn,
    struct pd_err *err)
{
	char d[PATH_MAX];
	int fd;

	if (file_target_ok(path, links, err) != 0)
		return -1;
	if ((size_t)snprintf(tmp, tn, "%s.XXXXXX", path) >= tn)
		return pd_fail(err, PD_EDOC, _("%s: path too long"), path);
	fd = open_unique(tmp);
	if (fd < 0)
		return pd_fail(err, PD_EDOC, _("Cannot write in %s: %s"),
		    dir_of(path, d, sizeof d), strerror(errno));
	return fd;
}

static int
stage(const char *path, enum file_links links, const void *buf, size_t n,
    char *tmp, size_t tn, int sync, struct pd_err *err)
{
	const char *p = buf;
	ssize_t w;
	int fd;

	fd = file_temp(path, links, tmp, tn, err);
	if (fd < 0)
		return -1;
	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		p += w;
		n -= (size_t)w;
	}
	if (sync && fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	pd_fail(err, PD_EDOC, _("Cannot write %s: %s"), path,
	    strerror(errno ? errno : EIO));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return -1;
}

int
file_stage(const char *path, enum file_links links, const void *buf, size_t n,
    char *tmp, size_t tn, struct pd_err *err)
{
	return stage(path, links, buf, n, tmp, tn, 1, err);
}

int
file_stage_batch(const char *path, enum file_links links, const void *buf,
    size_t n, char *tmp, size_t tn, struct pd_err *err)
{
	return stage(path, links, buf, n, tmp, tn, 0, err);
}

static int
publish(const char *tmp, const char *path, enum file_links links, int sync,
    struct pd_err *err)
{
	char d[PATH_MAX];
	int fd;

	if (file_target_ok(path, links, err) != 0) {
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, path) != 0) {
		pd_fail(err, PD_EDOC, _("Cannot write %s: %s"), path,
		    strerror(errno));
		unlink(tmp);
		return -1;
	}
	if (!sync)
		return 0;
	fd = open(dir_of(path, d, sizeof d), O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	return 0;
}

int
file_publish(const char *tmp, const char *path, enum file_links links,
    struct pd_err *err)
{
	return publish(tmp, path, links, 1, err);
}

int
file_publish_batch(const char *tmp, const char *path, enum file_links links,
    struct pd_err *err)
{
	return publish(tmp, path, links, 0, err);
}

int
file_batch_sync(const char *dir, int names, struct pd_err *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd < 0)
		return pd_fail(err, PD_EDOC, _("Cannot write in %s: %s"), dir,
		    strerror(errno));
	rc = names ? fsync(fd) : syncfs(fd);
	if (rc != 0)
		pd_fail(err, PD_EDOC, _("Cannot write in %s: %s"), dir,
		    strerror(errno));
	close(fd);
	return rc != 0 ? -1 : 0;
}

/* The state file of what was said to this user, into path ("" none). */
static void
said_path(char *dir, size_t dn, char *path, size_t pn)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	dir[0] = path[0] = '\0';
	if (state != NULL && state[0] == '/')
		snprintf(dir, dn, "%s/paydesk", state);
	else if (home != NULL && home[0] != '\0')
		snprintf(dir, dn, "%s/.local/state/paydesk", home);
	else
		return;
	snprintf(path, pn, "%s/said", dir);
}

int
file_said_last(const char *topic, const char *what)
{
	char dir[PATH_MAX], path[PATH_MAX + 8], *line = NULL;
	const char *w = what != NULL ? what : "-";
	size_t cap = 0, tl = strlen(topic), wl = strlen(w);
	struct pd_err e;
	ssize_t n;
	FILE *f;
	int fd, found = 0, same = 0;

	said_path(dir, sizeof dir, path, sizeof path);
	if (path[0] == '\0')
		return 0;
	if ((f = fopen(path, "r")) != NULL) {
		/* the last line of the topic says what was said last */
		while ((n = getline(&line, &cap, f)) > 0) {
			if (line[n - 1] == '\n')
				line[--n] = '\0';
			if ((size_t)n <= tl || memcmp(line, topic, tl) != 0 ||
			    line[tl] != ' ')
				continue;
			found = 1;
			same = (size_t)n == tl + 1 + wl &&
			       memcmp(line + tl + 1, w, wl) == 0;
		}
		free(line);
		fclose(f);
	}
	/* nothing to say, and nothing said of it yet: no line for it */
	if (same || (!found && what == NULL))
		return 1;
	if (file_mkdirs(dir, &e) != 0)
		return 0;
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd < 0)
		return 0;
	if (write(fd, topic, tl) != (ssize_t)tl || write(fd, " ", 1) != 1 ||
	    write(fd, w, wl) != (ssize_t)wl || write(fd, "\n", 1) != 1) {
		close(fd);
		return 0;
	}
	close(fd);
	return what == NULL;
}
