/* db_pg_sql.c - the store's SQL, written for SQLite, read as
 * PostgreSQL's (db_pg.c, issue 22):
 * - a statement's parameters ?N and ? become $N (outside quotes and
 *   comments);
 * - SQLite's INDEXED BY name is left out (PostgreSQL plans by its own
 *   statistics);
 * - two words are read as SQLite means them: audit_log's column user
 *   (a word PostgreSQL reserves) is quoted, the query builders'
 *   "WHERE 1" is "WHERE true", and SQLite's a IS [NOT] b (NULL-safe
 *   equality) is IS [NOT] DISTINCT FROM;
 * - SQLite-only statements the store runs as they are have their
 *   PostgreSQL form in one table (forms[]); SQL that differs by more is
 *   an engine's row in db.c's table or its own migration list. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "paydesk/xmalloc.h"

/* SQLite's statement forms the store runs as they are, and PostgreSQL's. */
static const struct form {
	const char *lite, *pg;
} forms[] = {
    /* a writer: read committed, ordered by its row locks (the feed's
     * head, schema_pg.c) */
    {"BEGIN IMMEDIATE", "BEGIN"},
    /* a reader (the feed's page and its head): one snapshot, as
     * SQLite's read transaction */
    {"BEGIN", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"},
    /* a key kept once (sync.c) */
    {"INSERT OR IGNORE INTO received (uuid) VALUES (?)",
        "INSERT INTO received (uuid) VALUES (?) ON CONFLICT DO NOTHING"},
    /* the users sealed apart after a store's first seals (seal.c) */
    {"INSERT OR REPLACE INTO meta (key, value) VALUES "
     "('seal_users', '1')",
        "INSERT INTO meta (key, value) VALUES ('seal_users', '1') ON "
        "CONFLICT (key) DO UPDATE SET value = excluded.value"},
};

const char *
db_pg_form_of(const char *sql)
{
	size_t i;

	for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (strcmp(sql, forms[i].lite) == 0)
			return forms[i].pg;
	return sql;
}

/* Whether the bare word w (lower case) starts at p: not part of a longer
 * name, not a qualified name's tail (x.user). */
static int
keyword_at(const char *sql, const char *p, const char *w)
{
	size_t n = strlen(w);

	if (strncasecmp(p, w, n) != 0 || isalnum((unsigned char)p[n]) ||
	    p[n] == '_' || p[n] == '(')
		return 0;
	return p == sql || !(isalnum((unsigned char)p[-1]) || p[-1] == '_' ||
	                       p[-1] == '.' || p[-1] == '"');
}

/* SQLite's "a IS b" and "a IS NOT b" compare any two values, NULL
 * equal to NULL: PostgreSQL's IS [NOT] DISTINCT FROM. *p is at IS;
 * written to out (its length returned), *p moved past what was read.
 * IS [NOT] NULL, TRUE, FALSE and DISTINCT stay as they are. */
static size_t
is_form(const char **p, char *out)
{
	const char *q = *p + 3, *w;
	int neg = 0;
	static const char *const keep[] = {"null", "true", "false", "distinct"};
	size_t i;

	if (strncasecmp(q, "NOT ", 4) == 0) {
		neg = 1;
		q += 4;
	}
	for (i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		w = keep[i];
		if (strncasecmp(q, w, strlen(w)) == 0 &&
		    !isalnum((unsigned char)q[strlen(w)]) &&
		    q[strlen(w)] != '_') {
			memcpy(out, *p, 3);
			*p += 3;
			return 3;
		}
	}
	*p = q;
	if (neg) {
		memcpy(out, "IS DISTINCT FROM ", 17);
		return 17;
	}
	memcpy(out, "IS NOT DISTINCT FROM ", 21);
	return 21;
}

/* sql with ?N and ? as $N; *nparams gets the highest number. */
char *
db_pg_translate(const char *sql, int *nparams)
{
	size_t n = strlen(sql), o = 0;
	char *out = xmalloc(n * 8 + 64);
	int max = 0, k;
	const char *p = sql;
	char quote = 0;

	while (*p != '\0') {
		if (quote) {
			if (*p == quote)
				quote = 0;
			out[o++] = *p++;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
			out[o++] = *p++;
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p != '\0' && *p != '\n')
				out[o++] = *p++;
		} else if (keyword_at(sql, p, "where 1")) {
			/* the query builders' "WHERE 1" (qb.c): a condition
			 * PostgreSQL wants boolean */
			o += (size_t)sprintf(out + o, "WHERE true");
			p += 7;
		} else if (keyword_at(sql, p, "indexed by")) {
			/* SQLite's choice of index for a statement whose
			 * statistics mislead it (store_gw_phone_owners):
			 * PostgreSQL's own statistics choose */
			p += 10;
			while (*p == ' ')
				p++;
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
		} else if (keyword_at(sql, p, "is") && p[2] == ' ') {
			o += is_form(&p, out + o);
		} else if (keyword_at(sql, p, "user")) {
			/* audit_log's column "user": a word PostgreSQL
			 * reserves (current_user) */
			o += (size_t)sprintf(out + o, "\"user\"");
			p += 4;
		} else if (*p == '?') {
			p++;
			if (isdigit((unsigned char)*p)) {
				k = (int)strtol(p, (char **)&p, 10);
			} else
				k = max + 1;
			if (k > max)
				max = k;
			o += (size_t)sprintf(out + o, "$%d", k);
		} else
			out[o++] = *p++;
	}
	out[o] = '\0';
	*nparams = max;
	return out;
}

/* Whether sql is an INSERT with no RETURNING of its own. */
int
db_pg_plain_insert(const char *sql)
{
	const char *p = sql;

	while (isspace((unsigned char)*p))
		p++;
	return strncasecmp(p, "INSERT", 6) == 0 &&
	       strcasestr(p, "RETURNING") == NULL;
}
