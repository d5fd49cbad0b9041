/* upkeep.c - the store's upkeep as use cases: its version, a check of its
 * integrity and kept-in-step amounts, an online backup, the audit chain.
 * Front ends call these; only the service talks to the store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "paydesk/say.h"
#include "paydesk/i18n.h"
#include "paydesk/xmalloc.h"

int
svc_store_version(struct svc *s)
{
	return store_version(s->st);
}

int64_t
svc_consumer_count(struct svc *s)
{
	return store_consumer_count(s->st);
}

int64_t
svc_store_held_rows(struct svc *s)
{
	return store_held_rows(s->st);
}

/* The last check's finding (meta): "AT\tN" when it found N problems;
 * "AT\t1\tforeign" when the one was a head at the central node none of
 * this log's (svc_audit_anchor's foreign: no restore to advise). */
#define META_CHECK "check.failed"
#define META_ANCHOR "sync.anchor_error"

/* The audit head against the central node's, when one is configured: a
 * difference is a problem; a central node that cannot be asked now is
 * none, unless the last sync round found a difference (META_ANCHOR). */
static int
doctor_anchor(struct svc *s, problem_cb cb, void *arg, int *foreign)
{
	struct audit_anchor a;
	struct pd_err e = {0};
	char line[800], noted[SAY_MAX] = "";

	*foreign = 0;
	if (svc_audit_anchor(s, &a, &e) == 0)
		return 0;
	*foreign = e.code == PD_ETAMPER && a.foreign;
	if (e.code != PD_ETAMPER) {
		store_meta_get(s->st, META_ANCHOR, noted, sizeof noted);
		if (noted[0] == '\0')
			return 0;
		/* kept, said in the reader's language (say.h) */
		say_render(e.msg, sizeof e.msg, noted);
	}
	snprintf(line, sizeof line, _("audit anchor: %s"), e.msg);
	if (cb != NULL)
		cb(line, arg);
	return 1;
}

int
svc_doctor(struct svc *s, problem_cb cb, void *arg, struct pd_err *err)
{
	char at[TS_BUFSZ], v[64];
	int rc = store_doctor(s->st, cb, arg, err), n, foreign;

	if (rc < 0)
		return -1;
	/* a chain the central node saw longer or other is a problem of the
	 * store like a broken seal (issue 18, section 7) */
	rc += doctor_anchor(s, cb, arg, &foreign);
	/* and gap-free number series (paydesk.ini(5)) */
	n = svc_series_check(s, cb, arg, err);
	if (n < 0)
		return -1;
	rc += n;
	/* what was found is remembered: posting waits for a clean check
	 * (svc_check_sound) */
	svc_now(at);
	snprintf(v, sizeof v, "%s\t%d%s", at, rc,
	    rc == 1 && foreign ? "\tforeign" : "");
	if (store_meta_set(s->st, META_CHECK, rc > 0 ? v : "", err) != 0)
		return -1;
	return rc;
}

void
svc_check_failed(struct svc *s, int problems)
{
	char at[TS_BUFSZ], v[64];
	struct pd_err e;

	svc_now(at);
	snprintf(v, sizeof v, "%s\t%d", at, problems);
	if (store_begin(s->st, &e) != 0)
		return;
	svc_finish(s, store_meta_set(s->st, META_CHECK, v, &e), &e);
}

void
svc_audit_anchor_error(struct svc *s, char *out, size_t n)
{
	char noted[SAY_MAX] = "";

	out[0] = '\0';
	store_meta_get(s->st, META_ANCHOR, noted, sizeof noted);
	say_render(out, n, noted);
}

void
svc_store_check(struct svc *s, char *out, size_t n)
{
	out[0] = '\0';
	store_meta_get(s->st, META_CHECK, out, n);
}

int
svc_check_sound(struct svc *s, struct pd_err *err)
{
	char v[64] = "", *tab;
	int n;

	if (store_meta_get(s->st, META_CHECK, v, sizeof v) != 0 || v[0] == '\0')
		return 0;
	tab = strchr(v, '\t');
	if (tab != NULL)
		*tab++ = '\0';
	n = tab ? atoi(tab) : 0;
	if (tab != NULL && strstr(tab, "\tforeign") != NULL)
		return pd_fail(err, PD_ESTORE,
		    _("%s: the last check (paydesk doctor, %s) found that the "
		      "central node keeps an audit head that is none of this "
		      "log's, so nothing is posted into it. No restore is "
		      "needed: a supervisor runs paydesk audit reanchor --reason "
		      "TEXT, then paydesk doctor; if the terminal's token may be "
		      "known to someone else, have it revoked and a new one "
		      "added"),
		    s->cfg.store_path, v);
	return pd_fail(err, PD_ESTORE,
	    ngettext("%s: the last check (paydesk doctor, %s) found %d "
	             "problem in this store, so nothing is posted into it. "
	             "Restore it from a backup: stop paydesk, copy the newest "
	             "sound backup (made by paydesk backup FILE) over %s, then "
	             "run paydesk doctor; or, once the problem is fixed, run "
	             "paydesk doctor again",
	        "%s: the last check (paydesk doctor, %s) found %d problems "
	        "in this store, so nothing is posted into it. Restore it from "
	        "a backup: stop paydesk, copy the newest sound backup (made "
	        "by paydesk backup FILE) over %s, then run paydesk doctor; or, "
	        "once the problems are fixed, run paydesk doctor again",
	        (unsigned long)n),
	    s->cfg.store_path, v, n, s->cfg.store_path);
}

int
svc_backup(struct svc *s, const char *dest, struct pd_err *err)
{
	struct stat sb;

	/* a copy of everything: consumers' data and every user's PIN hash,
	 * which a guesser can try away from paydesk (paydesk(1), "What an
	 * offline PIN protects") */
	if (svc_require(s, ROLE_ADMIN, _("A backup of the store"), err) != 0)
		return -1;
	/* a backup never replaces anything: a link (even dangling, which
	 * SQLite would follow to make its target) is refused whatever
	 * --force says */
	if (lstat(dest, &sb) == 0 && S_ISLNK(sb.st_mode))
		return pd_fail(err, PD_ETARGET,
		    _("%s is a symbolic link: a backup goes only to a new "
		      "file"),
		    dest);
	return store_backup(s->st, dest, err);
}

int
svc_audit_verify(struct svc *s, int64_t *checked, struct pd_err *err)
{
	struct audit_anchor a;
	struct pd_err e = {0};

	if (store_audit_verify(s->st, checked, err) == 0)
		return 0;
	/* entries cut from the end leave the seals they claimed behind: a
	 * central node that saw the chain longer says the more (PD_ETAMPER) */
	if (err != NULL && err->code == PD_ESTORE &&
	    svc_audit_anchor(s, &a, &e) != 0 && e.code == PD_ETAMPER)
		*err = e;
	return -1;
}
