/* audit.c - the append-only, hash-chained audit log, and the sync outbox.
 *
 * Each entry's hash is SHA-256 over the previous entry's hash and the
 * entry's fields joined by '\x1f'; the first entry chains from 64 zeros.
 * Changing, removing or reordering an entry breaks every hash after it.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "paydesk/i18n.h"
#include "paydesk/sha256.h"

#define GENESIS                                                                \
	"0000000000000000000000000000000000000000000000000000000000000000"

static void
entry_hash(const char *prev, const char *const f[8], char hex[65])
{
	struct sha256 s;
	uint8_t d[32];
	int i;

	sha256_init(&s);
	sha256_update(&s, prev, strlen(prev));
	for (i = 0; i < 8; i++) {
		sha256_update(&s, "\x1f", 1);
		sha256_update(&s, f[i], strlen(f[i]));
	}
	sha256_final(&s, d);
	for (i = 0; i < 32; i++)
		snprintf(hex + i * 2, 3, "%02x", d[i]);
}

int
store_audit_append(struct store *st, const char *at, const char *user,
    const char *terminal, const char *action, const char *entity,
    const char *ref, const char *detail, struct pd_err *err)
{
	/* the last entry: its id and hash chain into the new one */
	sqlite3_stmt *s = st_stmt(
	    st, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", err);
	char prev[65] = GENESIS, hash[65];
	int64_t id = 1;
	char idtxt[24];
	const char *f[8];
	int rc;

	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0) + 1;
		st_col(s, 1, prev, sizeof prev);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return st_fail(st, err, _("reading the audit log"));
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
	f[0] = idtxt;
	f[1] = at;
	f[2] = user;
	f[3] = terminal;
	f[4] = action;
	f[5] = entity;
	f[6] = ref;
	f[7] = detail;
	entry_hash(prev, f, hash);
	s = st_stmt(st,
	    "INSERT INTO audit_log (id, at, user, terminal, action, "
	    "entity, ref, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?)",
	    err);
	if (s == NULL)
		return -1;
	st_bind(s, "isssssssss", id, at, user, terminal, action, entity, ref,
	    detail, prev, hash);
	return st_done(st, s, err);
}

static const char *
col_or_empty(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? (const char *)t : "";
}

int
store_audit_verify(struct store *st, int64_t *checked, struct pd_err *err)
{
	sqlite3_stmt *s;
	char prev[65] = GENESIS, want[65], idtxt[24];
	const char *f[8];
	int rc, i;
	int64_t id;

	*checked = 0;
	if (sqlite3_prepare_v2(st->db,
	        "SELECT id, at, user, terminal, action, "
	        "entity, ref, detail, prev_hash, hash FROM audit_log ORDER BY "
	        "id",
	        -1, &s, NULL) != SQLITE_OK)
		return st_fail(st, err, _("reading the audit log"));
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
		f[0] = idtxt;
		for (i = 1; i < 8; i++)
			f[i] = col_or_empty(s, i);
		entry_hash(prev, f, want);
		if (strcmp(col_or_empty(s, 8), prev) != 0 ||
		    strcmp(col_or_empty(s, 9), want) != 0) {
			pd_fail(err, PD_ESTORE,
			    _("audit log entry %lld (%s %s "
			      "%s at %s) does not match the chain: it or an "
			      "entry before it was altered, removed or "
			      "inserted"),
			    (long long)id, f[4], f[5], f[6], f[1]);
			sqlite3_finalize(s);
			return -1;
		}
		memcpy(prev, want, sizeof prev);
		(*checked)++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return st_fail(st, err, _("reading the audit log"));
	return 0;
}

int
store_outbox_insert(struct store *st, const char *uuid, const char *kind,
    const char *ref, const char *payload, const char *at, struct pd_err *err)
{
	sqlite3_stmt *s = st_stmt(st,
	    "INSERT INTO outbox (uuid, kind, ref, "
	    "payload, created_at) VALUES (?, ?, ?, ?, ?)",
	    err);

	if (s == NULL)
		return -1;
	st_bind(s, "sssss", uuid, kind, ref, payload, at);
	return st_done(st, s, err);
}
