/* tiles.c - the dashboard's KPI tiles each user chose, in order (issue
 * 23, seed 002: "customizable KPI tiles"), kept in the store per user. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"

/* Each tile: its word (CLI, store) and its title. */
static const struct {
	const char *word;
	const char *title;
} tiles[SVC_TILES] = {
    [TILE_COLLECTED] = {"collected", N_("Total Collected")},
    [TILE_TODAY] = {"today", N_("Received Today")},
    [TILE_RATE] = {"rate", N_("Collection Rate")},
    [TILE_TIME] = {"time", N_("Avg Collection Time")},
    [TILE_OUTSTANDING] = {"outstanding", N_("Outstanding")},
};

const char *
svc_tile_word(enum svc_tile t)
{
	return tiles[t].word;
}

const char *
svc_tile_title(enum svc_tile t)
{
	return _(tiles[t].title);
}

const char *
svc_tile_word_title(enum svc_tile t)
{
	return tiles[t].title;
}

/* list's words into t[] (*n of them); PD_EUSAGE naming what is wrong. */
static int
tiles_parse(const char *list, enum svc_tile *t, int *n, struct pd_err *err)
{
	char word[32];
	const char *p = list, *comma;
	size_t len;
	int i, j;

	*n = 0;
	/* "" or blanks: said as an empty list, with what to give (a fresh
	 * tester's, issue 23 fault 7: "argument 2 is empty or blank") */
	if (list[strspn(list, " \t\n")] == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("The tile list is empty: give 1 to %d of the tiles "
		      "collected, today, rate, time and outstanding, "
		      "comma-separated in the order wanted (e.g. "
		      "rate,collected); `paydesk dashboard tiles` lists "
		      "yours"),
		    SVC_TILES_SHOWN);
	while (*p != '\0') {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		snprintf(word, sizeof word, "%.*s", (int)len, p);
		/* ",rate", "rate,,time", ",": no name before a comma, said
		 * as of one after it (issue 23: 'Tile "": one of ...') */
		if (len == 0 && comma != NULL)
			return pd_fail(err, PD_EUSAGE,
			    _("Tiles \"%s\": a tile's name on each side of "
			      "every comma"),
			    list);
		for (i = 0;
		     i < SVC_TILES &&
		     (len >= sizeof word || strcmp(word, tiles[i].word) != 0);
		     i++)
			;
		if (i == SVC_TILES)
			return pd_fail(err, PD_EUSAGE,
			    _("Tile \"%s\": one of collected, today, rate, "
			      "time, "
			      "outstanding"),
			    word);
		for (j = 0; j < *n; j++)
			if (t[j] == (enum svc_tile)i)
				return pd_fail(err, PD_EUSAGE,
				    _("Tile \"%s\" is listed twice"), word);
		if (*n == SVC_TILES_SHOWN)
			return pd_fail(err, PD_EUSAGE,
			    _("Tiles \"%s\": at most %d fit side by side"),
			    list, SVC_TILES_SHOWN);
		t[(*n)++] = (enum svc_tile)i;
		p += len + (comma != NULL);
		/* "rate,time,": a name after each comma */
		if (comma != NULL && *p == '\0')
			return pd_fail(err, PD_EUSAGE,
			    _("Tiles \"%s\": a tile's name on each side of "
			      "every comma"),
			    list);
	}
	if (*n == 0)
		return pd_fail(err, PD_EUSAGE,
		    _("Tiles \"%s\": name 1 to %d of collected, today, rate, "
		      "time, outstanding, comma-separated"),
		    list, SVC_TILES_SHOWN);
	return 0;
}

int
svc_tiles(struct svc *s, enum svc_tile *t, int *n, struct pd_err *err)
{
	char list[128];
	struct pd_err e2;

	*n = 0;
	if (s->actor.user_id != 0 && store_user_tiles(s->st, s->actor.user_id,
	                                 list, sizeof list, err) != 0)
		return -1;
	/* what the store holds was checked when set: else the default */
	if (s->actor.user_id != 0 && *list != '\0' &&
	    tiles_parse(list, t, n, &e2) == 0)
		return 0;
	for (*n = 0; *n < SVC_TILES_SHOWN; (*n)++)
		t[*n] = (enum svc_tile) * n;
	return 0;
}

int
svc_tiles_set(struct svc *s, const char *list, struct pd_err *err)
{
	enum svc_tile t[SVC_TILES_SHOWN];
	int n;

	if (s->actor.user_id == 0)
		return pd_fail(err, PD_EPERM,
		    _("The dashboard's tiles are each user's: sign in with "
		      "--user NAME"));
	if (tiles_parse(list, t, &n, err) != 0 || store_begin(s->st, err) != 0)
		return -1;
	if (store_user_tiles_set(s->st, s->actor.user_id, list, err) != 0 ||
	    store_commit(s->st, err) != 0) {
		store_rollback(s->st);
		return -1;
	}
	return 0;
}
