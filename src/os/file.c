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
		if (mkdir(path, 0755) != 0 && errno != EEXIST)
			return pd_fail(err, PD_EDOC,
			    _("cannot create directory %s: %s"), path,
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

int
file_temp(const char *path, char *tmp, size_t tn, struct pd_err *err)
{
	char d[PATH_MAX];
	int fd;

	if ((size_t)snprintf(tmp, tn, "%s.XXXXXX", path) >= tn)
		return pd_fail(err, PD_EDOC, _("%s: path too long"), path);
	fd = mkstemp(tmp);
	if (fd < 0)
		return pd_fail(err, PD_EDOC, _("cannot write in %s: %s"),
		    dir_of(path, d, sizeof d), strerror(errno));
	fchmod(fd, 0644); /* a document, not a secret */
	return fd;
}

int
file_stage(const char *path, const void *buf, size_t n, char *tmp, size_t tn,
    struct pd_err *err)
{
	const char *p = buf;
	ssize_t w;
	int fd;

	fd = file_temp(path, tmp, tn, err);
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
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	pd_fail(err, PD_EDOC, _("cannot write %s: %s"), path,
	    strerror(errno ? errno : EIO));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return -1;
}

int
file_publish(const char *tmp, const char *path, struct pd_err *err)
{
	char d[PATH_MAX];
	int fd;

	if (rename(tmp, path) != 0) {
		pd_fail(err, PD_EDOC, _("cannot write %s: %s"), path,
		    strerror(errno));
		unlink(tmp);
		return -1;
	}
	fd = open(dir_of(path, d, sizeof d), O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	return 0;
}
