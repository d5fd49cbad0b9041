/* statement.c - bank statements imported for the reconciliation (issue
 * 20, first slice): one file, one statement, all of it or nothing, once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paydesk/bank.h"
#include "paydesk/money.h"
#include "paydesk/store.h"
#include "paydesk/xmalloc.h"

/* The mapping called name, read back from its stored words. */
static int
load_mapping(
    struct svc *s, const char *name, struct bank_mapping *m, struct pd_err *err)
{
	char spec[512], *words[32], *p, *save = NULL;
	int n = 0;

	if (store_stmt_mapping_get(s->st, name, spec, sizeof spec, err) != 0)
		return -1;
	for (p = strtok_r(spec, " ", &save); p != NULL && n < 32;
	     p = strtok_r(NULL, " ", &save))
		words[n++] = p;
	return bank_mapping_parse(words, n, m, err);
}

static const char *
base_name(const char *path)
{
	const char *b = strrchr(path, '/');

	return b ? b + 1 : path;
}

/* The statement's row from the decoded file; its counts and key. */
static int
fill(struct svc *s, const struct bank_stmt *b, const char *path,
    const char *account, struct statement *st, struct pd_err *err)
{
	char hash[65];
	size_t i;

	if (account != NULL && *b->account != '\0' &&
	    strcmp(account, b->account) != 0)
		return pd_fail(err, PD_EINVAL,
		    _("%s: the statement is of account %s, not %s"), path,
		    b->account, account);
	if (account == NULL && *b->account == '\0')
		return pd_fail(err, PD_EUSAGE,
		    _("%s: the file names no account: give --account ACCOUNT"),
		    path);
	memset(st, 0, sizeof *st);
	xstrlcpy(st->account, *b->account ? b->account : account,
	    sizeof st->account);
	if (strlen(*b->account ? b->account : account) >= sizeof st->account ||
	    strlen(b->stmt_id) >= sizeof st->stmt_id)
		return pd_fail(err, PD_EINVAL,
		    _("%s: the account or statement id is longer than %zu "
		      "characters"),
		    path, sizeof st->stmt_id - 1);
	xstrlcpy(st->stmt_id, b->stmt_id, sizeof st->stmt_id);
	bank_stmt_hash(b, hash);
	if (*b->stmt_id != '\0')
		snprintf(
		    st->stmt_key, sizeof st->stmt_key, "id:%s", b->stmt_id);
	else
		snprintf(st->stmt_key, sizeof st->stmt_key, "sha256:%s", hash);
	stmt_name(st->account, st->stmt_key, st->name);
	xstrlcpy(st->format, bank_format_name(b->format), sizeof st->format);
	xstrlcpy(st->file_name, base_name(path), sizeof st->file_name);
	xstrlcpy(st->currency, b->currency, sizeof st->currency);
	xstrlcpy(st->period_from, b->from, sizeof st->period_from);
	xstrlcpy(st->period_to, b->to, sizeof st->period_to);
	st->has_opening = b->has_opening;
	st->opening = b->opening;
	st->has_closing = b->has_closing;
	st->closing = b->closing;
	st->nlines = (int64_t)b->nlines;
	for (i = 0; i < b->nlines; i++) {
		if (b->lines[i].amount > 0)
			st->credits += b->lines[i].amount;
		else
			st->debits += b->lines[i].amount;
	}
	svc_now(st->imported_at);
	xstrlcpy(st->imported_by, s->actor.username, sizeof st->imported_by);
	xstrlcpy(st->terminal, s->cfg.terminal_id, sizeof st->terminal);
	return 0;
}

static void
to_line(const struct bank_line *b, size_t i, struct statement_line *l)
{
	memset(l, 0, sizeof *l);
	l->seq = (int)i + 1;
	memcpy(l->booking, b->booking, sizeof l->booking);
	memcpy(l->value, b->value, sizeof l->value);
	l->amount = b->amount;
	l->reference = b->reference;
	l->counterparty = b->counterparty;
	l->text = b->text;
	l->bank_id = b->bank_id;
	l->reversal = b->reversal;
}

/* A line the bank's own transaction id says was imported before (l's
 * dup_of) is that line: of its amount, or the file contradicts what is
 * here (review s50, helper-216: a line of 32,01 under a known id was
 * taken as the 32,00 one's copy and hidden), refused where it is. */
static int
check_same(struct svc *s, const struct bank_line *b,
    const struct statement_line *l, struct pd_err *err)
{
	char was[MONEY_BUFSZ], now[MONEY_BUFSZ], ref[48];

	if (l->dup_of == 0 || l->bank_id[0] == '\0' ||
	    l->dup_amount == l->amount)
		return 0;
	if (svc_stmt_line_name(s, l->dup_of, ref, sizeof ref, err) != 0)
		return -1;
	return pd_fail(err, PD_EINVAL,
	    _("%s: the bank's transaction id %s is line %s, of %s, imported "
	      "before; this file gives it as %s: nothing imported"),
	    b->where, l->bank_id, ref,
	    svc_money(s, was, sizeof was, l->dup_amount),
	    svc_money(s, now, sizeof now, l->amount));
}

int
svc_stmt_seen_has(int64_t line, void *arg)
{
	const struct stmt_seen *set = arg;
	size_t i;

	if (set->cap == 0)
		return 0;
	for (i = (size_t)line * 11400714819323198485u % set->cap;
	     set->v[i] != 0; i = (i + 1) % set->cap)
		if (set->v[i] == line)
			return 1;
	return 0;
}

void
svc_stmt_seen_add(struct stmt_seen *set, int64_t line)
{
	size_t i;

	if (line == 0 || svc_stmt_seen_has(line, set))
		return;
	if (2 * (set->n + 1) > set->cap) {
		struct stmt_seen grown = {NULL, set->cap ? 2 * set->cap : 64, 0};

		grown.v = xcalloc(grown.cap, sizeof *grown.v);
		for (i = 0; i < set->cap; i++)
			if (set->v[i] != 0)
				svc_stmt_seen_add(&grown, set->v[i]);
		free(set->v);
		*set = grown;
	}
	for (i = (size_t)line * 11400714819323198485u % set->cap;
	     set->v[i] != 0; i = (i + 1) % set->cap)
		;
	set->v[i] = line;
	set->n++;
}

static int
import_in_tx(struct svc *s, const struct bank_stmt *b, struct statement *st,
    struct pd_err *err)
{
	struct stmt_seen seen = {NULL, 0, 0};
	struct statement first;
	struct statement_line *lines;
	char detail[256], m[MONEY_BUFSZ], ref[24];
	size_t i;
	int rc;

	rc = store_stmt_by_key(s->st, st->account, st->stmt_key, &first, err);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return pd_fail(err, PD_EINVAL,
		    _("%s: this statement of account %s was imported already: "
		      "statement %s, from %s, on %s by %s; nothing imported"),
		    st->file_name, st->account, first.name,
		    first.file_name, first.imported_at, first.imported_by);
	lines = xcalloc(b->nlines, sizeof *lines);
	for (i = 0; i < b->nlines && rc == 0; i++) {
		to_line(&b->lines[i], i, &lines[i]);
		rc = store_stmt_line_seen(s->st, st->account, 0, &lines[i],
		    svc_stmt_seen_has, &seen, err);
		if (rc == 0)
			rc = check_same(s, &b->lines[i], &lines[i], err);
		svc_stmt_seen_add(&seen, lines[i].dup_of);
		st->ndup += lines[i].dup_of != 0;
	}
	free(seen.v);
	if (rc == 0)
		rc = store_stmt_insert(s->st, st, s->actor.user_id, err);
	for (i = 0; i < b->nlines && rc == 0; i++)
		rc = store_stmt_line_insert(s->st, st->id, &lines[i], err);
	if (rc == 0)
		rc = svc_stmt_outbox(s, st, lines, b->nlines, err);
	free(lines);
	if (rc != 0)
		return -1;
	xstrlcpy(ref, st->name, sizeof ref);
	snprintf(detail, sizeof detail,
	    "account=%s key=%.72s lines=%lld already=%lld net=%s file=%.60s",
	    st->account, st->stmt_key, (long long)st->nlines,
	    (long long)st->ndup,
	    money_plain(
	        m, sizeof m, st->credits + st->debits, s->cfg.minor_digits),
	    st->file_name);
	return svc_audit(
	    s, st->imported_at, "import", "bank_statement", ref, detail, err);
}

/* A line booked after today (paydesk(1), Bank statements): a bank books
 * what has happened, so such a line is a wrong file or a wrong year, and
 * the statement is refused whole, naming the line and its day (issue 20,
 * tester: a camt.053 entry of 2030-01-01 was imported and shown as a
 * credit nobody expected of age 0). The value date may lie a day or two
 * ahead of the booking, as banks give it: only the booking counts. */
static int
booked_ahead(struct svc *s, const struct bank_stmt *b, struct pd_err *err)
{
	char today[11], d[SVC_DATE_BUFSZ], t[SVC_DATE_BUFSZ];
	size_t i;

	svc_today(today);
	for (i = 0; i < b->nlines; i++)
		if (strcmp(b->lines[i].booking, today) > 0)
			return pd_fail(err, PD_EINVAL,
			    _("%s: booked on %s, after today (%s): a bank "
			      "books no day ahead; nothing imported"),
			    b->lines[i].where,
			    svc_date(s, d, sizeof d, b->lines[i].booking),
			    svc_date(s, t, sizeof t, today));
	return 0;
}

int
svc_statement_import(struct svc *s, const char *path, const char *format,
    const char *account, const char *mapping, struct statement *out,
    struct pd_err *err)
{
	enum bank_format fmt = BANK_GUESS;
	struct bank_mapping map;
	struct bank_stmt b;
	size_t len;
	char *buf;
	int rc;

	if (svc_require(s, ROLE_SUPERVISOR, _("Importing a bank statement"),
	        err) != 0 ||
	    (format != NULL && bank_format_parse(format, &fmt, err) != 0))
		return -1;
	if (mapping != NULL && fmt != BANK_GUESS && fmt != BANK_CSV)
		return pd_fail(err, PD_EUSAGE,
		    _("--mapping is for CSV statements, not %s"), format);
	if (mapping != NULL && load_mapping(s, mapping, &map, err) != 0)
		return -1;
	if ((mapping != NULL || fmt == BANK_CSV) && account == NULL)
		return pd_fail(err, PD_EUSAGE,
		    _("%s: a CSV statement names no account: give --account "
		      "ACCOUNT"),
		    path);
	if (svc_check_sound(s, err) != 0)
		return -1;
	buf = svc_read_file(path, &len, err);
	if (buf == NULL)
		return -1;
	rc = bank_decode(buf, len, path, fmt, mapping ? &map : NULL,
	    s->cfg.currency_code, s->cfg.minor_digits, &b, err);
	free(buf);
	if (rc != 0)
		return -1;
	rc = booked_ahead(s, &b, err);
	if (rc == 0)
		rc = fill(s, &b, path, account, out, err);
	if (rc == 0 && store_begin(s->st, err) == 0)
		rc = svc_finish_recon(
		    s, import_in_tx(s, &b, out, err), "statement", err);
	else
		rc = -1;
	bank_stmt_free(&b);
	return rc;
}

struct statement *
svc_statement_list(struct svc *s, size_t *n, struct pd_err *err)
{
	if (svc_require(
	        s, ROLE_SUPERVISOR, _("Listing bank statements"), err) != 0)
		return NULL;
	return store_stmt_list(s->st, n, err);
}

/* Whether text (n bytes) is digits, 1 to 18 of them, into *v. */
static int
digits(const char *text, size_t n, int64_t *v)
{
	size_t i;

	if (n == 0 || n > 18)
		return 0;
	for (*v = 0, i = 0; i < n; i++) {
		if (text[i] < '0' || text[i] > '9')
			return 0;
		*v = *v * 10 + (text[i] - '0');
	}
	return *v > 0;
}

int
svc_stmt_named(struct svc *s, const char *text, size_t n, int64_t *id,
    char *name, struct pd_err *err)
{
	struct statement st;
	int64_t *ids, num, terminals;
	size_t k;
	int old = 0;

	if (svc_require(s, ROLE_SUPERVISOR, _("Viewing a bank statement"),
	        err) != 0)
		return -1;
	if (stmt_name_read(text, n, name)) {
		ids = store_stmt_named(s->st, name, &k, err);
		if (ids == NULL)
			return -1;
		*id = k > 0 ? ids[0] : 0;
		free(ids);
		if (k == 0)
			return pd_fail(
			    err, PD_ENOTFOUND, _("No statement %s"), name);
		if (k > 1)
			return pd_fail(err, PD_EINVAL,
			    _("%zu statements here have the name %s: give "
			      "the one you mean by this terminal's number, "
			      "#NUMBER, as statement list shows it"),
			    k, name);
		return 0;
	}
	if (n > 1 && text[0] == '#' && digits(text + 1, n - 1, &num))
		; /* this store's own number */
	else if (digits(text, n, &num))
		old = 1;
	else
		return 1;
	if (store_stmt_get(s->st, num, &st, err) != 0)
		return -1;
	if (old && store_stmt_importers(s->st, s->cfg.terminal_id, &terminals, err) != 0)
		return -1;
	if (old && terminals > 1)
		return pd_fail(err, PD_EUSAGE,
		    _("Statement %lld: statements are named alike at every "
		      "terminal now, and a number names another statement at "
		      "each terminal that imported some: statement %lld here "
		      "is %s (give %s, or #%lld for this terminal's own "
		      "number)"),
		    (long long)num, (long long)num, st.name, st.name,
		    (long long)num);
	*id = num;
	xstrlcpy(name, st.name, STMT_NAME_BUFSZ);
	return 0;
}

/* "STATEMENT:LINE" (the statement's name, svc_stmt_named) into this
 * store's statement, the line's number and ref, the line as it is named
 * everywhere (NAME:LINE): 0; 1 with err untouched when text is not of
 * that form, -1 with err (no such statement, an old number refused). */
int
svc_line_ref(struct svc *s, const char *text, int64_t *stmt, int *seq,
    char *ref, size_t rn, struct pd_err *err)
{
	const char *colon = strrchr(text, ':');
	char name[STMT_NAME_BUFSZ], *end;
	long long b;
	int rc;

	if (colon == NULL || colon[1] < '0' || colon[1] > '9')
		return 1;
	b = strtoll(colon + 1, &end, 10);
	if (*end != '\0' || b <= 0 || b > 100000000)
		return 1;
	rc = svc_stmt_named(s, text, (size_t)(colon - text), stmt, name, err);
	if (rc != 0)
		return rc;
	*seq = (int)b;
	snprintf(ref, rn, "%s:%d", name, *seq);
	return 0;
}

int
svc_line_parse(struct svc *s, const char *text, int64_t *stmt, int *seq,
    char *ref, size_t rn, char *copy, size_t cn, struct pd_err *err)
{
	char place[2][FEED_KEY_BUFSZ];
	struct statement live;
	int64_t id = 0, dup = 0;
	int rc = svc_line_ref(s, text, stmt, seq, ref, rn, err);

	if (copy != NULL && cn > 0)
		copy[0] = '\0';
	if (rc < 0)
		return rc;
	if (rc > 0)
		goto usage;
	/* a duplicate copy of another statement's line (two terminals
	 * imported overlapping statements; the central node said which
	 * copy is live) is that line, as reconcile resolve takes it
	 * (svc_line_key): a match or unmatch acts on the live line, the
	 * one the exceptions list (issue 21, point 3) */
	if (store_stmt_line_at(s->st, *stmt, *seq, &id, &dup, err) != 0)
		return -1;
	if (dup == 0)
		return 0;
	if (store_feed_row_key(s->st,
	        "SELECT CAST(statement_id AS TEXT), CAST(seq AS TEXT) FROM "
	        "bank_statement_lines WHERE id = ?",
	        dup, place, err) != 0 ||
	    store_stmt_get(s->st, strtoll(place[0], NULL, 10), &live, err) != 0)
		return -1;
	if (copy != NULL && cn > 0)
		xstrlcpy(copy, ref, cn);
	*stmt = live.id;
	*seq = (int)strtol(place[1], NULL, 10);
	snprintf(ref, rn, "%s:%d", live.name, *seq);
	return 0;
usage:
	return pd_fail(err, PD_EUSAGE,
	    _("Line \"%s\": give STATEMENT:LINE, the statement's name as "
	      "statement list and report exceptions print it and the "
	      "line's number (K7QM2X4B:12)"),
	    text);
}

/* key "KIND:STATEMENT:LINE" with the line as exceptions list it into
 * out: 0; 1 when key names no line (another kind's reference), -1 with
 * err (an old number refused). A line that duplicates another
 * statement's is that line, the one exceptions list (review R20c: a
 * copy's name, as a pull may make a line a duplicate). */
int
svc_line_key(struct svc *s, const char *key, char *out, size_t size,
    struct pd_err *err)
{
	const char *rest = strchr(key, ':');
	char ref[48];
	int64_t stmt, id = 0, dup = 0;
	int seq, rc;
	struct pd_err e2;

	if (rest == NULL)
		return 1;
	memset(&e2, 0, sizeof e2);
	rc = svc_line_ref(s, rest + 1, &stmt, &seq, ref, sizeof ref, &e2);
	if (rc == 0 &&
	    (store_stmt_line_at(s->st, stmt, seq, &id, &dup, err) != 0 ||
	        (dup != 0 &&
	            svc_stmt_line_name(s, dup, ref, sizeof ref, err) != 0)))
		return -1;
	if (rc == 0)
		snprintf(out, size, "%.*s:%s", (int)(rest - key), key, ref);
	if (rc < 0 && e2.code == PD_EUSAGE) {
		*err = e2;
		return -1;
	}
	return rc == 0 ? 0 : 1;
}

/* The lines of v matched to a deposit holding a cheque whose payment
 * was voided, its exception open (amount_differs SLIP:NUMBER, review
 * R20 fault 6): amount_differs, as report exceptions lists it, expected
 * the deposit less those cheques; once all are resolved the line reads
 * resolved (store_stmt_lines_resolved; s74 fault 4: it read matched). */
static int
cheques_open(struct svc *s, struct statement_view *v, struct pd_err *err)
{
	struct recon_exception *e;
	char today[11];
	size_t n = 0, i, k, len;

	svc_today(today);
	e = svc_recon_exc(s, today, 0, &n, err);
	if (e == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (e[i].kind != RECON_DIFFERS ||
		    strstr(e[i].target, " cheque:") == NULL)
			continue;
		for (k = 0; k < v->nlines; k++) {
			struct statement_line *l = &v->lines[k];

			len = strlen(l->matched_to);
			if ((strcmp(l->rule, "auto") != 0 &&
			        strcmp(l->rule, "manual") != 0) ||
			    len == 0 ||
			    strncmp(e[i].ref, l->matched_to, len) != 0 ||
			    e[i].ref[len] != ':')
				continue;
			l->expected -= e[i].actual - e[i].expected;
			l->status = STMT_LINE_DIFFERS;
			l->resolved_kind[0] = l->resolved_by[0] = '\0';
			l->resolved_at[0] = '\0';
			free(l->resolve_note);
			l->resolve_note = NULL;
		}
	}
	free(e);
	return 0;
}

int
svc_statement_show(
    struct svc *s, int64_t id, struct statement_view *v, struct pd_err *err)
{
	size_t i;

	memset(v, 0, sizeof *v);
	if (svc_require(
	        s, ROLE_SUPERVISOR, _("Viewing a bank statement"), err) != 0 ||
	    store_stmt_get(s->st, id, &v->st, err) != 0)
		return -1;
	v->lines = store_stmt_lines(s->st, id, &v->nlines, err);
	if (v->lines == NULL)
		return -1;
	/* the lines another statement has as they are now, not as the
	 * import found them: a pull may make a line of this terminal's
	 * import a duplicate (review R20c, stmt_word.c) */
	v->st.ndup = 0;
	for (i = 0; i < v->nlines; i++)
		v->st.ndup += v->lines[i].dup_of != 0;
	/* each line's status and match (review R20b, fault 12) */
	if (store_stmt_lines_recon(s->st, id, v->lines, v->nlines, err) != 0 ||
	    store_stmt_lines_resolved(s->st, id, v->lines, v->nlines, err) !=
	        0 ||
	    cheques_open(s, v, err) != 0) {
		svc_statement_view_free(v);
		return -1;
	}
	/* and the matches undone: who unmatched each, when and why
	 * (issue 20: every match audited, and unmatched with a note) */
	v->past = store_past_matches(s->st, id, 0, &v->npast, err);
	if (v->past == NULL) {
		svc_statement_view_free(v);
		return -1;
	}
	return 0;
}

void
svc_statement_view_free(struct statement_view *v)
{
	size_t i;

	for (i = 0; i < v->nlines; i++) {
		free(v->lines[i].reference);
		free(v->lines[i].counterparty);
		free(v->lines[i].text);
		free(v->lines[i].bank_id);
		free(v->lines[i].match_note);
		free(v->lines[i].resolve_note);
	}
	free(v->lines);
	free(v->past);
	memset(v, 0, sizeof *v);
}

char **
svc_statement_mappings(struct svc *s, size_t *n, struct pd_err *err)
{
	*n = 0;
	if (svc_require(s, ROLE_SUPERVISOR, _("Listing the statement mappings"),
	        err) != 0)
		return NULL;
	return store_stmt_mappings(s->st, n, err);
}

int
svc_statement_mapping_change(struct svc *s, const char *name,
    char *const *words, int n, char *spec, size_t sn, struct pd_err *err)
{
	struct bank_mapping m;
	char at[TS_BUFSZ];
	int rc;

	if (svc_require(s, ROLE_SUPERVISOR, _("Changing a statement mapping"),
	        err) != 0)
		return -1;
	/* the name first: a change of a mapping that is none says so, as
	 * its removal does, whatever its words (issue 20, tester) */
	if (store_stmt_mapping_get(s->st, name, spec, sn, err) != 0)
		return -1;
	if (words != NULL && bank_mapping_parse(words, n, &m, err) != 0)
		return -1;
	if (words != NULL)
		bank_mapping_spec(&m, spec, sn);
	svc_now(at);
	if (store_begin(s->st, err) != 0)
		return -1;
	rc = store_stmt_mapping_set(
	    s->st, name, words != NULL ? spec : NULL, err);
	if (rc == 0)
		rc = svc_audit(s, at, words != NULL ? "update" : "delete",
		    "statement_mapping", name, words != NULL ? spec : "", err);
	return svc_finish(s, rc, err);
}

int
svc_statement_mapping_add(struct svc *s, const char *name, char *const *words,
    int n, char *spec, size_t sn, struct pd_err *err)
{
	struct bank_mapping m;
	char at[TS_BUFSZ];
	int rc;

	if (svc_require(s, ROLE_SUPERVISOR, _("Adding a statement mapping"),
	        err) != 0 ||
	    bank_mapping_parse(words, n, &m, err) != 0)
		return -1;
	if (*name == '\0' || strlen(name) > 32 || strchr(name, ' ') != NULL)
		return pd_fail(err, PD_EUSAGE,
		    _("Mapping name \"%s\": 1 to 32 characters, no spaces"),
		    name);
	bank_mapping_spec(&m, spec, sn);
	svc_now(at);
	if (store_begin(s->st, err) != 0)
		return -1;
	rc = store_stmt_mapping_add(
	    s->st, name, spec, at, s->actor.user_id, err);
	if (rc == 0)
		rc = svc_audit(
		    s, at, "create", "statement_mapping", name, spec, err);
	return svc_finish(s, rc, err);
}
