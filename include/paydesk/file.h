/* file.h - writing files so that a crash never leaves half of one under
 * its final name: stage to a temporary file beside it (written and
 * fsync'd), then publish by rename and fsync of the directory. */
#ifndef PAYDESK_FILE_H
#define PAYDESK_FILE_H
#include <stddef.h>
#include "err.h"

/* mkdir -p with mode 0700 (less the umask): a receipts, exports or
 * store folder paydesk makes is its user's alone (issue 18 section 6);
 * errors are PD_EDOC and name the directory. */
int file_mkdirs(const char *dir, struct pd_err *err);
/* What to do with an output path that is a symbolic link: refuse it
 * (the default), or replace the link itself with the new file
 * (paydesk --force). A link is never written through. */
enum file_links { FILE_LINKS_REFUSE = 0, FILE_LINKS_REPLACE = 1 };

/* 0 when path does not exist or is a regular file. Refused with
 * PD_ETARGET, naming it (issue 18 section 6): a device, directory, named
 * pipe or socket, itself or at the end of a symbolic link (a rename over
 * it would replace the node); and a symbolic link (to a file, or
 * dangling) unless links is FILE_LINKS_REPLACE: a rename would replace
 * the link silently, and a write through it lands where the link
 * points. */
int file_target_ok(const char *path, enum file_links links, struct pd_err *err);
/* Never let file_target_ok pass path, nor another name of the same file:
 * the store (config 0: with its -wal, -shm and -journal) or the
 * configuration file (config 1). Kept for the life of the process. */
void file_protect(const char *path, int config);
/* Create a new temporary file in path's directory (name in tmp, tn
 * bytes), mode 0666 less the umask, after file_target_ok(path); returns
 * its descriptor, -1 on error. Documents and exports follow the umask. */
int file_temp(const char *path, enum file_links links, char *tmp, size_t tn,
    struct pd_err *err);
/* Write n bytes to a new temporary file in path's directory; its name
 * goes to tmp (tn bytes). */
int file_stage(const char *path, enum file_links links, const void *buf,
    size_t n, char *tmp, size_t tn, struct pd_err *err);
/* Rename tmp to path (checked again with file_target_ok; tmp is removed
 * on failure) and make the rename durable. */
int file_publish(const char *tmp, const char *path, enum file_links links,
    struct pd_err *err);

/* A batch of files made durable together (an export of many receipts,
 * issue 24): two flushes of the disk for the whole batch instead of two
 * a file (each costs milliseconds; 1,000 receipts spent 2,000 of them).
 * file_stage_batch writes like file_stage but leaves the data to
 * file_batch_sync; file_batch_sync(dir, 0) makes every staged file's
 * data durable (syncfs(2) of dir's file system); file_publish_batch
 * renames like file_publish but leaves the rename to
 * file_batch_sync(dir, 1), which makes dir's entries durable. In that
 * order, so that no name is durable before its data. Errors are PD_EDOC
 * and name the file or directory. */
int file_stage_batch(const char *path, enum file_links links, const void *buf,
    size_t n, char *tmp, size_t tn, struct pd_err *err);
int file_publish_batch(const char *tmp, const char *path, enum file_links links,
    struct pd_err *err);
int file_batch_sync(const char *dir, int names, struct pd_err *err);

/* Whether what (one word, no space nor newline; NULL: nothing to say)
 * is what was said last to this user of topic (one word): 1 when the
 * last line of $XDG_STATE_HOME/paydesk/said (~/.local/state/paydesk/said)
 * that begins with topic is "topic what" (for NULL: there is none, or
 * it is "topic -"), else 0 and that line is appended (the folder made
 * 0700, the file 0600): a warning is said once a change of what it says,
 * again when it comes back after another or none (helper-258, fault 7:
 * one key's change said every key's again). A file that cannot be read
 * or written counts as never said: a warning is said again rather than
 * lost. */
int file_said_last(const char *topic, const char *what);

#endif
