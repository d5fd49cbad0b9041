/* scope.c - whose payments a figure, list or report counts (issue 23,
 * seed 000's team-based visibility): this terminal's, its branch's, or
 * the organisation's (all the store holds: this terminal's and what it
 * pulled). A role reads up to its own width and that is its default:
 * cashier the terminal, recovery officer and supervisor the branch,
 * admin the organisation (helper-238: a recovery officer's alerts named
 * a plan of the branch that their plans list, of this terminal, left
 * out).
 * Payments pulled from other terminals count in a figure only when its
 * scope takes them in, and every header and title says which scope. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

/* Each scope: its word (option and JSON), the role it needs, the
 * reader's name for it. */
static const struct {
	const char *word;
	enum role needs;
	const char *noun;
} scopes[] = {
    [SVC_SCOPE_TERMINAL] = {"terminal", ROLE_CASHIER, N_("this terminal")},
    [SVC_SCOPE_BRANCH] = {"branch", ROLE_RECOVERY, N_("this branch")},
    [SVC_SCOPE_ORG] = {"org", ROLE_ADMIN, N_("the organisation")},
};

/* Whether [visibility] team limits the actor to their team's payments:
 * a reader of the branch's, a supervisor or a recovery officer (an admin
 * reads the organisation, a cashier this terminal). */
static int
team_limited(const struct svc *s)
{
	return strcmp(s->cfg.team_visibility, "yes") == 0 &&
	       s->actor.user_id != 0 &&
	       (s->actor.role == ROLE_SUPERVISOR ||
	           s->actor.role == ROLE_RECOVERY);
}

enum svc_scope
svc_scope_widest(const struct svc *s)
{
	/* the central node acts as its own admin without a user */
	if (s->actor.role >= ROLE_ADMIN)
		return SVC_SCOPE_ORG;
	if (s->actor.role >= ROLE_RECOVERY)
		return SVC_SCOPE_BRANCH;
	return SVC_SCOPE_TERMINAL;
}

enum svc_scope
svc_scope_now(const struct svc *s)
{
	enum svc_scope w = svc_scope_widest(s);

	return s->scope == SVC_SCOPE_AUTO || s->scope > w ? w : s->scope;
}

int
svc_scope_parse(
    const char *text, const char *what, enum svc_scope *out, struct pd_err *err)
{
	int i;

	for (i = SVC_SCOPE_TERMINAL; i <= SVC_SCOPE_ORG; i++)
		if (strcmp(text, scopes[i].word) == 0) {
			*out = (enum svc_scope)i;
			return 0;
		}
	if (strcmp(text, "organisation") == 0) {
		*out = SVC_SCOPE_ORG;
		return 0;
	}
	/* a word of none of the three: a usage error, as a filter's value
	 * of no accepted form (paydesk(1) FILTERS; review s52: status 3) */
	return pd_fail(err, PD_EUSAGE,
	    _("%s \"%s\": terminal, branch or org (the organisation)"), what,
	    text);
}

int
svc_scope_set(struct svc *s, enum svc_scope sc, struct pd_err *err)
{
	enum role r = s->actor.role;

	if (sc != SVC_SCOPE_AUTO && sc > svc_scope_widest(s)) {
		if (s->actor.user_id == 0)
			return pd_fail(err, PD_ESCOPE,
			    _("The figures of %s need a signed-in user of "
			      "the %s role: use --user NAME with $PAYDESK_PIN "
			      "or the PIN prompt"),
			    _(scopes[sc].noun), _(role_name(scopes[sc].needs)));
		/* what the user may see, and why (s72 fault 12: "need the
		 * recovery role" read as though a cashier lacked one role) */
		if (scopes[sc].needs == ROLE_ADMIN)
			return pd_fail(err, PD_ESCOPE,
			    _("%1$s is a %2$s and sees the figures of %3$s at "
			      "most: those of %4$s are an admin's alone, the "
			      "one role over every branch"),
			    s->actor.username, _(role_noun(r)),
			    _(scopes[svc_scope_widest(s)].noun),
			    _(scopes[sc].noun));
		return pd_fail(err, PD_ESCOPE,
		    _("%1$s is a %2$s and sees the figures of %3$s only, "
		      "the payments taken at it: those of %4$s are for a "
		      "recovery officer, a supervisor or an admin"),
		    s->actor.username, _(role_noun(r)),
		    _(scopes[svc_scope_widest(s)].noun), _(scopes[sc].noun));
	}
	s->scope = sc;
	return 0;
}

/* msgid in the reader's language (doc 0), or in the document's lang. */
static const char *
tr(int doc, const struct i18n_lang *lang, const char *msgid)
{
	return doc ? L_(lang, msgid) : gettext(msgid);
}

/* buf (of n) and the team of team visibility after it. */
static const char *
team_suffix(const struct svc *s, int doc, const struct i18n_lang *lang,
    char *buf, size_t n)
{
	if (team_limited(s) && *s->actor.team != '\0')
		snprintf(buf + strlen(buf), n - strlen(buf),
		    tr(doc, lang, N_(", team %s")), s->actor.team);
	else if (team_limited(s))
		snprintf(buf + strlen(buf), n - strlen(buf), "%s",
		    tr(doc, lang, N_(", no team")));
	return buf;
}

static const char *
scope_title(const struct svc *s, int doc, const struct i18n_lang *lang,
    char *buf, size_t n)
{
	switch (svc_scope_now(s)) {
	case SVC_SCOPE_TERMINAL:
		snprintf(buf, n, tr(doc, lang, N_("Terminal %s")),
		    s->cfg.terminal_id);
		break;
	case SVC_SCOPE_BRANCH:
		snprintf(
		    buf, n, tr(doc, lang, N_("Branch %s")), s->cfg.branch_id);
		break;
	default:
		snprintf(buf, n, "%s", tr(doc, lang, N_("Organisation")));
	}
	return team_suffix(s, doc, lang, buf, n);
}

const char *
svc_scope_title(const struct svc *s, char *buf, size_t n)
{
	return scope_title(s, 0, NULL, buf, n);
}

const char *
svc_scope_title_in(
    const struct svc *s, const struct i18n_lang *lang, char *buf, size_t n)
{
	return scope_title(s, 1, lang, buf, n);
}

const char *
svc_scope_list_title(
    const struct svc *s, const char *search, char *buf, size_t n)
{
	/* a search with no scope chosen finds a payment wherever it was
	 * taken (report.c's canonical_filter): the heading says so, never
	 * a scope its rows are not of (issue 23 review) */
	if (search == NULL || *search == '\0' || s->scope != SVC_SCOPE_AUTO)
		return svc_scope_title(s, buf, n);
	snprintf(buf, n, "%s", _("At every terminal (a search)"));
	return team_suffix(s, 0, NULL, buf, n);
}

const char *
svc_scope_word(enum svc_scope sc)
{
	return sc >= SVC_SCOPE_TERMINAL && sc <= SVC_SCOPE_ORG
	           ? scopes[sc].word
	           : scopes[SVC_SCOPE_TERMINAL].word;
}

const char *
svc_scope_team(const struct svc *s)
{
	return team_limited(s) ? s->actor.team : NULL;
}

void
svc_team_filter(const struct svc *s, struct payment_filter *f)
{
	/* a supervisor of no team reads those of the users of none */
	if (team_limited(s))
		f->team = s->actor.team;
}

void
svc_scope_filter(const struct svc *s, struct payment_filter *f)
{
	svc_team_filter(s, f);
	switch (svc_scope_now(s)) {
	case SVC_SCOPE_TERMINAL:
		f->terminal = s->cfg.terminal_id;
		break;
	case SVC_SCOPE_BRANCH:
		f->branch = s->cfg.branch_id;
		break;
	default:
		break;
	}
}

void
svc_figure_filter(const struct svc *s, struct payment_filter *f)
{
	memset(f, 0, sizeof *f);
	f->status = -1;
	f->type = -1;
	f->branch = s->narrow.branch;
	f->recorded_by = s->narrow.recorded_by;
	f->method = s->narrow.method;
	f->channel = s->narrow.channel;
	f->segment = s->narrow.segment;
	f->gateway = s->narrow.gateway;
	f->team = s->narrow.team;
	svc_scope_filter(s, f);
}

int
svc_narrowed(const struct payment_filter *f)
{
	return f->terminal != NULL || f->branch != NULL ||
	       f->recorded_by != NULL || f->method != NULL ||
	       f->channel != NULL || f->segment != NULL || f->gateway != NULL ||
	       f->team != NULL;
}

void
svc_row_scope(const struct svc *s, const char *search, struct row_scope *r)
{
	struct payment_filter f;

	memset(&f, 0, sizeof f);
	memset(r, 0, sizeof *r);
	/* a search (one consumer's rows) finds them wherever they were
	 * made unless a scope was chosen, as the payments list's does;
	 * team visibility always */
	if (search == NULL || *search == '\0' || s->scope != SVC_SCOPE_AUTO)
		svc_scope_filter(s, &f);
	svc_team_filter(s, &f);
	r->terminal = f.terminal;
	r->branch = f.branch;
	r->here = s->cfg.terminal_id;
	r->team = f.team;
}

int
svc_void_reach(struct svc *s, const struct payment *p, struct pd_err *err)
{
	/* scope limits changing as it limits reading (review R23 fault 5:
	 * a supervisor of B02 voided at T03 a payment of B01 that none of
	 * their lists showed, and the central node applied it): a payment
	 * of another branch is an admin's to void. The organisation's own
	 * (a gateway payment, branch "") stay the supervisors' as before. */
	if (s->actor.role >= ROLE_ADMIN || p->branch[0] == '\0' ||
	    strcmp(p->branch, s->cfg.branch_id) == 0)
		return 0;
	return pd_fail(err, PD_ESCOPE,
	    _("Payment %s was taken at terminal %s of branch %s: only an "
	      "admin voids a payment of another branch than this terminal's "
	      "(%s)"),
	    p->payment_no, p->terminal, p->branch, s->cfg.branch_id);
}
