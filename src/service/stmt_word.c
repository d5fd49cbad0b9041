/* stmt_word.c - which copy of a bank line two statements share is live:
 * the central node's word, taken by every terminal at its pull (review
 * R20c of issue 20: T01 imported the bank's export of one day, T02 of two
 * days, before either synced; each kept its own copy of the shared credit
 * live and called the pulled one a duplicate, so the two named the
 * credit, its exception and "Already in statement" the other way round).
 *
 * The rule: of the copies of one bank line, the live one is the copy in
 * the statement the central node accepted first. The central node finds
 * a line it applies a duplicate of a live line it has already (as any
 * node does at an import), and never changes its mind; it feeds each
 * statement's lines with its word on each (dup_seq, dup_key: the line it
 * duplicates there, or none), in the order it accepted them. Why this
 * rule and not an order of the statements themselves (their keys or
 * periods): the central node decides alone and once, no node ever has
 * to change a line it holds because another statement arrived later,
 * and a terminal learns the order by the pull it makes anyway; what a
 * terminal imported and did not yet sync is after everything it has
 * pulled, as the central node will have it too.
 *
 * So a terminal takes the word on each line it pulls: a duplicate is one
 * of the line the word names (as this terminal keeps it); a live line
 * is live, and the first live copy of it in a statement this terminal
 * imported itself (which only this terminal decided on) becomes a
 * duplicate of it. That flip moves what hung on the copy to the live
 * line in the pull's transaction (store_stmt_line_flip): its active
 * match, the resolutions of its exceptions, the copies that named it;
 * one line per audit entry, "duplicate". A record without the word (an
 * older central node's) is applied as before. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/xmalloc.h"

/* The line the word on l names: *named, and *target as this terminal
 * keeps it (the line named duplicates where it is a duplicate here);
 * both 0 when it is not here. A statement's key read once for its lines
 * (w->key). */
static int
word_line(struct svc *s, struct stmt_word *w, const struct statement_line *l,
    int64_t *named, int64_t *target, struct pd_err *err)
{
	struct statement st;
	int64_t dup = 0;
	int rc;

	*named = *target = 0;
	if (strcmp(w->key, l->dup_key) != 0) {
		rc = store_stmt_by_key(
		    s->st, w->st->account, l->dup_key, &st, err);
		if (rc < 0)
			return -1;
		xstrlcpy(w->key, l->dup_key, sizeof w->key);
		w->stmt = rc == 1 ? st.id : 0;
	}
	if (w->stmt == 0)
		return 0;
	if (store_stmt_line_at(s->st, w->stmt, l->dup_seq, named, &dup, err))
		return -1;
	*target = dup != 0 ? dup : *named;
	return 0;
}

int
svc_stmt_line_name(
    struct svc *s, int64_t id, char *out, size_t size, struct pd_err *err)
{
	char target[256];

	if (store_stmt_line_target(s->st, id, target, sizeof target, err))
		return -1;
	if (recon_target_line_ref(target, out, size) != 0)
		xstrlcpy(out, target, size);
	return 0;
}

/* Live line from a duplicate of live line to, what hung on it moved
 * there; audited. */
static int
flip(struct svc *s, int64_t from, int64_t to, struct pd_err *err)
{
	char fname[STMT_NAME_BUFSZ + 24], tname[STMT_NAME_BUFSZ + 24];
	char at[TS_BUFSZ], why[160], detail[256];
	struct stmt_flip f;

	if (svc_stmt_line_name(s, from, fname, sizeof fname, err) != 0 ||
	    svc_stmt_line_name(s, to, tname, sizeof tname, err) != 0)
		return -1;
	svc_now(at);
	snprintf(why, sizeof why,
	    _("%s is a duplicate of %s, the bank's line as the central node "
	      "has it"),
	    fname, tname);
	if (store_stmt_line_flip(s->st, from, to, at, why, &f, err) != 0)
		return -1;
	snprintf(detail, sizeof detail,
	    "of=%s copies=%lld matches=%lld resolutions=%lld undone=%lld",
	    tname, (long long)f.copies, (long long)f.matches,
	    (long long)f.resolutions, (long long)f.undone);
	return svc_audit(
	    s, at, "duplicate", "statement_line", fname, detail, err);
}

int
svc_stmt_word_new(struct svc *s, struct stmt_word *w, struct statement_line *l,
    int *decided, struct pd_err *err)
{
	int64_t named = 0, target = 0;

	*decided = 0;
	if (!l->said)
		return 0;
	if (l->dup_seq > 0 && word_line(s, w, l, &named, &target, err) != 0)
		return -1;
	/* a line the word names that is not here (set aside here): found
	 * among what is here, as before */
	if (l->dup_seq > 0 && target == 0)
		return 0;
	l->dup_of = target;
	*decided = 1;
	return 0;
}

int
svc_stmt_word_live(struct svc *s, struct stmt_word *w,
    const struct statement_line *l, struct pd_err *err)
{
	int64_t id = 0, dup = 0, copy = 0;

	if (!l->said || l->dup_seq > 0 || !w->own)
		return 0;
	if (store_stmt_line_at(s->st, w->st->id, l->seq, &id, &dup, err) != 0 ||
	    store_stmt_own_copy(s->st, w->st->account, s->cfg.terminal_id,
	        w->st->id, l, &copy, err) != 0)
		return -1;
	return copy != 0 && id != 0 ? flip(s, copy, id, err) : 0;
}

int
svc_stmt_word_here(struct svc *s, struct stmt_word *w,
    const struct statement_line *l, struct pd_err *err)
{
	int64_t id = 0, dup = 0, named = 0, target = 0;

	if (!l->said)
		return 0;
	if (store_stmt_line_at(s->st, w->st->id, l->seq, &id, &dup, err) != 0)
		return -1;
	if (id == 0)
		return 0;
	if (l->dup_seq == 0) {
		/* live there: live here, then the copy of this terminal's
		 * own import it duplicated (if any) a duplicate of it */
		if (dup != 0 && store_stmt_line_dup_set(s->st, id, 0, err))
			return -1;
		return svc_stmt_word_live(s, w, l, err);
	}
	if (word_line(s, w, l, &named, &target, err) != 0)
		return -1;
	/* the line named is a duplicate of this one here: the other way
	 * round, what hung on this one moved there */
	if (target == id && named != id)
		target = named;
	if (target == 0 || target == id || target == dup)
		return 0;
	if (dup == 0)
		return flip(s, id, target, err);
	/* a duplicate of another copy here: of the one the word names (a
	 * duplicate holds nothing) */
	return store_stmt_line_dup_set(s->st, id, target, err);
}
