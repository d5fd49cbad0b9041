/* vfs.c - the stores' SQLite VFS: the system's own, except that a WAL
 * file's writes are gathered in memory and written in large pieces.
 *
 * SQLite writes a WAL frame as two writes (its 24-byte header, then the
 * page), so a commit of thousands of pages costs thousands of system
 * calls. Here consecutive writes collect in a buffer that goes to the
 * file when it is full, when the transaction's commit frame has been
 * written (a frame header whose "database size after commit" is not
 * zero: only then may another connection read the frames), and before
 * anything else touches the file (a read, a sync, a size, a truncation,
 * a file control, the close). A write elsewhere than at the buffer's end
 * flushes it first, so the file sees the writes in their order. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define VFS_NAME "paydesk"
#define WAL_BUF (1 << 20)
#define FRAME_HDR 24
/* the system VFS writes less than 128 KiB at a time */
#define WRITE_MAX (1 << 16)

struct walfile {
	sqlite3_file base;
	sqlite3_file *real; /* right after this struct */
	char *buf;
	sqlite3_int64 off; /* of buf[0] in the file */
	int len;
	int commit; /* the commit frame's header is in; its page next */
};

/* the real file, where sqlite3_file's alignment wants it */
#define REAL_OFFSET ((sizeof(struct walfile) + 7) & ~(size_t)7)

static sqlite3_vfs *real_vfs;

/* n bytes at off, in pieces the system VFS takes */
static int
put(struct walfile *w, const char *p, int n, sqlite3_int64 off)
{
	int rc = SQLITE_OK, k;

	for (; n > 0 && rc == SQLITE_OK; p += k, off += k, n -= k) {
		k = n < WRITE_MAX ? n : WRITE_MAX;
		rc = w->real->pMethods->xWrite(w->real, p, k, off);
	}
	return rc;
}

static int
flush(struct walfile *w)
{
	int rc = put(w, w->buf, w->len, w->off);

	w->len = 0;
	return rc;
}

static int
w_close(sqlite3_file *f)
{
	struct walfile *w = (struct walfile *)f;
	int rc = flush(w), rc2 = w->real->pMethods->xClose(w->real);

	free(w->buf);
	w->buf = NULL;
	return rc != SQLITE_OK ? rc : rc2;
}

static int
w_read(sqlite3_file *f, void *p, int n, sqlite3_int64 off)
{
	struct walfile *w = (struct walfile *)f;
	int rc = flush(w);

	return rc != SQLITE_OK ? rc
	                       : w->real->pMethods->xRead(w->real, p, n, off);
}

static int
w_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 off)
{
	struct walfile *w = (struct walfile *)f;
	const unsigned char *h = p;
	int rc = SQLITE_OK, commit;

	/* a frame header (only they are 24 bytes) of a commit frame */
	commit = n == FRAME_HDR && (h[4] | h[5] | h[6] | h[7]) != 0;
	if (w->len > 0 && (off != w->off + w->len || w->len + n > WAL_BUF))
		rc = flush(w);
	if (rc != SQLITE_OK)
		return rc;
	if (n > WAL_BUF)
		rc = put(w, p, n, off);
	else {
		if (w->buf == NULL && (w->buf = malloc(WAL_BUF)) == NULL)
			return put(w, p, n, off);
		if (w->len == 0)
			w->off = off;
		memcpy(w->buf + w->len, p, (size_t)n);
		w->len += n;
	}
	if (rc == SQLITE_OK && w->commit)
		rc = flush(w); /* the commit frame is whole */
	w->commit = commit;
	return rc;
}

/* Everything else: what is buffered goes first, then the real file. */
#define FLUSHED(call)                                                          \
	struct walfile *w = (struct walfile *)f;                               \
	int rc = flush(w);                                                     \
	return rc != SQLITE_OK ? rc : w->real->pMethods->call

static int
w_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	FLUSHED(xTruncate(w->real, size));
}

static int
w_sync(sqlite3_file *f, int flags)
{
	FLUSHED(xSync(w->real, flags));
}

static int
w_size(sqlite3_file *f, sqlite3_int64 *size)
{
	FLUSHED(xFileSize(w->real, size));
}

static int
w_control(sqlite3_file *f, int op, void *arg)
{
	FLUSHED(xFileControl(w->real, op, arg));
}

#define REAL(f) (((struct walfile *)(f))->real)

static int
w_lock(sqlite3_file *f, int level)
{
	return REAL(f)->pMethods->xLock(REAL(f), level);
}

static int
w_unlock(sqlite3_file *f, int level)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), level);
}

static int
w_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
w_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
w_device(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

/* A WAL file has no shared memory and is not mapped (those are the
 * database file's), so version 1 of the methods is all it needs. */
static const sqlite3_io_methods wal_methods = {
    1,
    w_close,
    w_read,
    w_write,
    w_truncate,
    w_sync,
    w_size,
    w_lock,
    w_unlock,
    w_reserved,
    w_control,
    w_sector,
    w_device,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
};

static int
v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
	struct walfile *w = (struct walfile *)f;
	int rc;

	(void)vfs;
	if (!(flags & SQLITE_OPEN_WAL)) /* the system's file, as it is */
		return real_vfs->xOpen(real_vfs, name, f, flags, out);
	memset(w, 0, sizeof *w);
	w->real = (sqlite3_file *)((char *)f + REAL_OFFSET);
	rc = real_vfs->xOpen(real_vfs, name, w->real, flags, out);
	w->base.pMethods = rc == SQLITE_OK ? &wal_methods : NULL;
	return rc;
}

/* The rest of the VFS is the system's. */
static int
v_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
	(void)vfs;
	return real_vfs->xDelete(real_vfs, name, sync);
}

static int
v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int
v_full(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static void *
v_dlopen(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return real_vfs->xDlOpen(real_vfs, name);
}

static void
v_dlerror(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	real_vfs->xDlError(real_vfs, n, out);
}

static void (*v_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
	(void)vfs;
	return real_vfs->xDlSym(real_vfs, h, sym);
}

static void
v_dlclose(sqlite3_vfs *vfs, void *h)
{
	(void)vfs;
	real_vfs->xDlClose(real_vfs, h);
}

static int
v_random(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs->xRandomness(real_vfs, n, out);
}

static int
v_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return real_vfs->xSleep(real_vfs, us);
}

static int
v_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return real_vfs->xCurrentTime(real_vfs, out);
}

static int
v_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs->xGetLastError(real_vfs, n, out);
}

static int
v_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

static sqlite3_vfs vfs = {
    2,
    0,
    0,
    NULL,
    VFS_NAME,
    NULL,
    v_open,
    v_delete,
    v_access,
    v_full,
    v_dlopen,
    v_dlerror,
    v_dlsym,
    v_dlclose,
    v_random,
    v_sleep,
    v_time,
    v_error,
    v_time64,
    NULL,
    NULL,
    NULL,
};

static void
register_once(void)
{
	real_vfs = sqlite3_vfs_find(NULL);
	if (real_vfs == NULL || real_vfs->iVersion < 2)
		return; /* left unregistered: stores use the default */
	vfs.szOsFile = (int)REAL_OFFSET + real_vfs->szOsFile;
	vfs.mxPathname = real_vfs->mxPathname;
	sqlite3_vfs_register(&vfs, 0);
}

const char *
store_vfs(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, register_once);
	return sqlite3_vfs_find(VFS_NAME) != NULL ? VFS_NAME : NULL;
}
