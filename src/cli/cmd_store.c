/* cmd_store.c - init, demo, import, doctor, backup, audit verify. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "opts.h"

int
cmd_init(struct cli *c, int argc, char **argv)
{
	char **pos;
	int npos;
	struct rec *r;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0)
		return -1;
	r = rec_new(c);
	rec_str(r, _("Store"), "store", c->svc.cfg.store_path);
	rec_number(r, _("Schema version"), "schema_version",
	    svc_store_version(&c->svc));
	if (c->svc.cfg.source[0])
		rec_str(r, _("Config"), "config", c->svc.cfg.source);
	else
		rec_term(r, _("Config"), "config", N_("(built-in defaults)"));
	rec_print(r);
	return 0;
}

/* Column x as wide as s (display columns) at least. */
static void
widen(struct xcol *x, const char *s)
{
	int w = utf8_columns(s, strlen(s));

	if (w > x->width)
		x->width = w;
}

int
cmd_demo(struct cli *c, int argc, char **argv)
{
	const char *if_empty = NULL;
	struct opt o[] = {{"if-empty", 1, &if_empty}, {NULL, 0, NULL}};
	const struct demo_user *u;
	struct table *t;
	char **pos;
	int npos, rc;
	size_t n, i;
	static const struct xcol cols[] = {
	    {N_("USER"), "username", X_ID, 8, 0},
	    {N_("NAME"), "full_name", X_TEXT, 14, 0},
	    {N_("ROLE"), "role", X_TEXT, 10, 0},
	    {N_("PIN"), "pin", X_TEXT, 4, 0},
	};
	struct xcol wide[4];

	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0)
		return -1;
	if (if_empty && svc_store_held_rows(&c->svc) > 0)
		return 0;
	rc = svc_demo(&c->svc, &c->err);
	if (rc < 0)
		return -1;
	if (c->mode == OUT_TEXT)
		printf(rc ? _("Demo data loaded into %s\n\n")
		          : _("Demo data already present in %s\n\n"),
		    c->svc.cfg.store_path);
	u = svc_demo_users(&n);
	/* every row is known: each column as wide as its widest cell in
	 * the reader's language, a role never cut ("administrador") */
	memcpy(wide, cols, sizeof wide);
	for (i = 0; i < n; i++) {
		widen(&wide[0], u[i].username);
		widen(&wide[1], u[i].full_name);
		widen(&wide[2], c->mode == OUT_TEXT ? _(u[i].role) : u[i].role);
	}
	t = table_new(c, wide, 4);
	for (i = 0; i < n; i++) {
		table_str(t, u[i].username);
		table_str(t, u[i].full_name);
		table_str(t, c->mode == OUT_TEXT ? _(u[i].role) : u[i].role);
		table_str(t, u[i].pin);
		table_row(t);
	}
	table_end(t);
	return 0;
}

/* The kinds of import as the operator reads them ("Importado clientes",
 * not "Importado consumers"); JSON keeps the kind as typed. The
 * service's table (importer.c) is the one that decides what a kind is. */
static const char *const import_kinds[] = {N_("consumers"), N_("bills"),
    N_("services"), N_("installments"), N_("users"), N_("settings")};

int
cmd_import(struct cli *c, int argc, char **argv)
{
	const char *update = NULL;
	struct opt o[] = {{"update", 1, &update}, {NULL, 0, NULL}};
	char **pos;
	int npos;
	struct import_counts n;
	struct rec *r;

	if (cli_opts(c, argc, argv, o, 2, 2, &pos, &npos) != 0)
		return -1;
	if (svc_import(&c->svc, pos[0], pos[1], update != NULL, &n, &c->err))
		return -1;
	r = rec_new(c);
	{
		const char *kind = pos[0];
		size_t i;

		for (i = 0; i < sizeof import_kinds / sizeof import_kinds[0];
		     i++)
			if (strcmp(kind, import_kinds[i]) == 0)
				kind = import_kinds[i];
		rec_term(r, _("Imported"), "kind", kind);
	}
	rec_int(
	    r, _("Rows"), "rows", (int64_t)(n.added + n.updated + n.unchanged));
	rec_int(r, _("Added"), "added", (int64_t)n.added);
	rec_int(r, _("Updated"), "updated", (int64_t)n.updated);
	rec_int(r, _("Unchanged"), "unchanged", (int64_t)n.unchanged);
	rec_str(r, _("From"), "file", pos[1]);
	rec_print(r);
	return 0;
}

static void
problem(const char *what, void *arg)
{
	int *n = arg;

	(*n)++;
	printf(_("problem: %s\n"), what);
}

int
cmd_doctor(struct cli *c, int argc, char **argv)
{
	char **pos;
	int npos, n = 0, rc;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0)
		return -1;
	rc = svc_doctor(&c->svc, problem, &n, &c->err);
	if (rc < 0)
		return -1;
	if (rc > 0)
		return pd_fail(&c->err, PD_ESTORE,
		    ngettext("%s: %d problem found", "%s: %d problems found",
		        (unsigned long)rc),
		    c->svc.cfg.store_path, rc);
	printf(_("%s: ok (integrity, foreign keys, balances, voids, outbox, "
	         "search index, seals, audit chain)\n"),
	    c->svc.cfg.store_path);
	return 0;
}

int
cmd_backup(struct cli *c, int argc, char **argv)
{
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    svc_backup(&c->svc, pos[0], &c->err) != 0)
		return -1;
	printf(_("backup written to %s\n"), pos[0]);
	return 0;
}

int
cmd_audit_verify(struct cli *c, int argc, char **argv)
{
	char **pos, num[SVC_COUNT_BUFSZ];
	int npos;
	int64_t n;

	struct audit_anchor a;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0 ||
	    svc_audit_verify(&c->svc, &n, &c->err) != 0)
		return -1;
	printf(ngettext("audit log: %s entry, chain intact\n",
	           "audit log: %s entries, chain intact\n", (unsigned long)n),
	    svc_count(&c->svc, num, sizeof num, n));
	/* and its head against the one the central node saw */
	if (svc_audit_anchor(&c->svc, &a, &c->err) != 0)
		return -1;
	if (a.configured && a.central_seq > 0)
		printf(_("audit head: entry %lld; the central node saw the "
		         "chain up to entry %lld, and it matches\n"),
		    (long long)a.local_seq, (long long)a.central_seq);
	else if (a.configured)
		printf(_("audit head: entry %lld; not anchored at the central "
		         "node yet (paydesk sync anchors it)\n"),
		    (long long)a.local_seq);
	return 0;
}

/* `audit reanchor --reason TEXT`: after a restore from a backup */
int
cmd_audit_reanchor(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL;
	struct opt o[] = {{"reason", 0, &reason}, {NULL, 0, NULL}};
	struct audit_reanchor r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0)
		return -1;
	if (reason == NULL)
		return cli_usage(c, _("audit reanchor: --reason is required"));
	if (svc_audit_reanchor(&c->svc, reason, &r, &c->err) != 0)
		return -1;
	printf(_("audit head: entry %lld, kept now by the central node, "
	         "which had seen entry %lld; this log holds the head it saw "
	         "at entry %lld. Run paydesk doctor to check the store "
	         "again.\n"),
	    (long long)r.local_seq, (long long)r.central_seq,
	    (long long)r.base);
	return 0;
}

int
cmd_user_set(struct cli *c, int argc, char **argv)
{
	const char *team = NULL;
	struct opt o[] = {{"team", 0, &team}, {NULL, 0, NULL}};
	char **pos, tb[160];
	size_t len;
	int npos;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (team == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("user set: --team is required (--team \"\" for none)"));
	if (svc_user_team(&c->svc, pos[0], team, &c->err) != 0)
		return -1;
	/* as kept: without the spaces around it */
	while (isspace((unsigned char)*team))
		team++;
	len = strlen(team);
	while (len > 0 && isspace((unsigned char)team[len - 1]))
		len--;
	snprintf(tb, sizeof tb, "%.*s", (int)len, team);
	if (len > 0)
		printf(_("User %s is of team %s"), pos[0], tb);
	else
		printf(_("User %s is of no team"), pos[0]);
	fputc('\n', stdout);
	return 0;
}

int
cmd_dashboard_tiles(struct cli *c, int argc, char **argv)
{
	enum svc_tile t[SVC_TILES_SHOWN];
	char **pos;
	int npos, n, i;

	/* an empty word is refused below as any other but "set", an empty
	 * tile list by the use case, naming the tiles (issue 23 fault 7:
	 * "argument 2 is empty or blank") */
	if (cli_opts_text(c, argc, argv, NULL, 0, 2, 0, &pos, &npos) != 0)
		return -1;
	if (npos > 0 && (strcmp(pos[0], "set") != 0 || npos != 2))
		return cli_usage(
		    c, _("dashboard tiles: \"set\" and the tiles, e.g. `set "
		         "collected,rate,outstanding` (see `paydesk help "
		         "dashboard`)"));
	if (npos == 2 && svc_tiles_set(&c->svc, pos[1], &c->err) != 0)
		return -1;
	if (svc_tiles(&c->svc, t, &n, &c->err) != 0)
		return -1;
	if (c->mode == OUT_JSON || c->mode == OUT_CSV) {
		/* machines: the word and the title in English, in every
		 * language (issue 23) */
		static const struct xcol cols[] = {
		    {N_("Tile"), "tile", X_ID, 12, 0},
		    {N_("Title"), "title", X_TERM, 20, 0},
		};
		struct table *tb = table_new(c, cols, 2);

		for (i = 0; i < n; i++) {
			table_str(tb, svc_tile_word(t[i]));
			table_str(tb, svc_tile_word_title(t[i]));
			table_row(tb);
		}
		return table_done(tb, 0);
	}
	/* the words, in order, one per line with the title */
	for (i = 0; i < n; i++)
		printf("%s\t%s\n", svc_tile_word(t[i]), svc_tile_title(t[i]));
	return 0;
}
