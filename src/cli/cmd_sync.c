/* cmd_sync.c - `paydesk sync`: one round with the central node, its
 * state, and the quarantine of records the central node rejected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "opts.h"

static int
progress(const char *phase, int64_t done, int64_t total, void *arg)
{
	(void)arg;
	fputc('\r', stderr);
	if (total > 0)
		fprintf(stderr, _("%s: %lld of %lld (%lld%%)"), phase,
		    (long long)done, (long long)total,
		    (long long)(done * 100 / total));
	else
		fprintf(stderr, "%s: %lld", phase, (long long)done);
	if (total == 0 || done >= total)
		fputc('\n', stderr);
	return 0;
}

static int
show_state(struct cli *c)
{
	struct sync_status st;
	struct rec *r;

	svc_sync_state(&c->svc, &st);
	r = rec_new(c);
	if (st.configured)
		rec_str(r, _("Central node"), "url", c->svc.cfg.sync_url);
	else
		rec_term(r, _("Central node"), "url", N_("(none configured)"));
	rec_int(r, _("Pending"), "pending", st.pending);
	rec_int(r, _("Quarantined"), "quarantined", st.quarantined);
	rec_number(r, _("Pull cursor"), "cursor", st.cursor);
	if (st.last_ok[0])
		rec_time(r, _("Last sync"), "last_ok", st.last_ok);
	else
		rec_term(r, _("Last sync"), "last_ok", N_("never"));
	if (st.last_try[0])
		rec_time(r, _("Last attempt"), "last_try", st.last_try);
	else
		rec_term(r, _("Last attempt"), "last_try", N_("never"));
	/* said again in the reader's language; English in JSON (say.h) */
	rec_shown(
	    r, _("Last error"), "last_error", st.last_error_en, st.last_error);
	rec_print(r);
	return 0;
}

static int
show_quarantine(struct cli *c)
{
	static const struct xcol cols[] = {
	    {"UUID", "uuid", X_ID, 36, 0},
	    {N_("Kind"), "kind", X_TEXT, 12, 0},
	    {N_("Ref"), "ref", X_ID, 22, 0},
	    {N_("Recorded"), "created_at", X_TIME, 19, 0},
	    {NC_("column", "Rejected"), "rejected_at", X_TIME, 19, 0},
	    {N_("Reason"), "reason", X_TEXT, 40, 0},
	};
	struct outbox_rec *q;
	struct table *t;
	size_t n, i;

	q = svc_sync_quarantine(&c->svc, &n, &c->err);
	if (q == NULL)
		return -1;
	t = table_new(c, cols, 6);
	for (i = 0; i < n; i++) {
		table_str(t, q[i].uuid);
		table_str(t, q[i].kind);
		table_str(t, q[i].ref);
		table_str(t, q[i].created_at);
		table_str(t, q[i].rejected_at);
		/* the reader's language for people, English for machines */
		table_str(
		    t, c->mode == OUT_TEXT ? q[i].reason : q[i].reason_en);
		table_row(t);
	}
	table_end(t);
	svc_outbox_free(q, n);
	return 0;
}

int
cmd_sync(struct cli *c, int argc, char **argv)
{
	const char *status = NULL, *quarantine = NULL, *retry = NULL;
	struct opt o[] = {{"status", 1, &status},
	    {"quarantine", 1, &quarantine}, {"retry", 0, &retry},
	    {NULL, 0, NULL}};
	struct sync_report rep;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0)
		return -1;
	if ((status != NULL) + (quarantine != NULL) + (retry != NULL) > 1)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("sync: --status, --quarantine and --retry go alone"));
	if (status != NULL)
		return show_state(c);
	if (quarantine != NULL)
		return show_quarantine(c);
	if (retry != NULL) {
		if (svc_sync_retry(&c->svc, retry, &c->err) != 0)
			return -1;
		printf(
		    _("record %s queued again; it goes with the next sync\n"),
		    retry);
		return 0;
	}
	if (svc_sync(&c->svc, isatty(STDERR_FILENO) ? progress : NULL, NULL,
	        NULL, &rep, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_int(r, _("Sent"), "sent", rep.sent);
	rec_int(r, _("Applied"), "applied", rep.applied);
	rec_int(r, _("Duplicates"), "duplicates", rep.duplicates);
	rec_int(r, _("Rejected"), "rejected", rep.rejected);
	rec_int(r, _("Batches"), "batches", rep.batches);
	rec_int(r, _("Pulled"), "pulled", rep.pulled);
	rec_int(r, _("Pages"), "pages", rep.pages);
	rec_int(r, _("Conflicts"), "conflicts", rep.conflicts);
	rec_int(r, _("Pending"), "pending", rep.pending);
	rec_print(r);
	/* said besides the count (review of issue 21: the summary's last
	 * lines, Conflicts 0 among them, read as all well), and in the exit
	 * status, its own (a script that reads 0 as all sent and applied
	 * went on; the round itself ran whole: not 10 or 11) */
	if (rep.rejected > 0) {
		pd_fail(&c->err, PD_EREJECTED,
		    ngettext("%lld record was refused by the central node; "
		             "paydesk sync --quarantine says why\n",
		        "%lld records were refused by the central node; "
		        "paydesk sync --quarantine says why\n",
		        (unsigned long)rep.rejected),
		    (long long)rep.rejected);
		/* said as "paydesk: ..." by main, which ends the line */
		c->err.msg[strcspn(c->err.msg, "\n")] = '\0';
		return -1;
	}
	return 0;
}
