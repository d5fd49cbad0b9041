/* cmd_shift.c - shift open|status|pay-in|pay-out|drop|x|close|list|show|z:
 * a cashier's cash shift from the command line (issue 20; shift.h).
 *
 * Counts are written as the design has them: --count 10000x2,500x4 (notes
 * and coins of the cash method, denomination in minor units x quantity),
 * --slip METHOD:REF:AMOUNT;... (card slips, one each) or
 * METHOD=N:AMOUNT (N slips totalling AMOUNT), --cheque NO:AMOUNT;... (the
 * method named Cheque) or METHOD:NO:AMOUNT, --total METHOD=AMOUNT;... A
 * supervisor's sign-off is --approver USER with the PIN from
 * $PAYDESK_APPROVER_PIN, else asked on the terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "opts.h"

/* Count lines being parsed. */
struct counts {
	struct shift_count *v;
	size_t n;
};

static struct shift_count *
counts_add(struct counts *k, enum shift_count_kind kind, const char *method)
{
	struct shift_count *c;

	k->v = xrealloc(k->v, k->n + 1, sizeof *k->v);
	c = &k->v[k->n++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	xstrlcpy(c->method, method, sizeof c->method);
	return c;
}

/* A whole number of digits only, 0..max; -1 if it is not one. */
static int64_t
digits(const char *s, size_t len, int64_t max)
{
	int64_t v = 0;
	size_t i;

	if (len == 0 || len > 15)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v <= max ? v : -1;
}

/* --count DENOMxQTY,...: notes and coins of the cash method. */
static int
parse_denoms(struct cli *c, const char *s, struct counts *k)
{
	const char *p = s, *e, *x;
	struct shift_count *l;
	int64_t d, q;

	while (s != NULL && *p != '\0') {
		e = p + strcspn(p, ",");
		x = memchr(p, 'x', (size_t)(e - p));
		d = x ? digits(p, (size_t)(x - p), SHIFT_AMOUNT_MAX) : -1;
		q = x ? digits(x + 1, (size_t)(e - x - 1), SHIFT_AMOUNT_MAX)
		      : -1;
		if (d < 0 || q < 0)
			return pd_fail(&c->err, PD_EINVAL,
			    _("--count \"%.*s\": write DENOMINATIONxQUANTITY, "
			      "the denomination in minor units (10000x2 is "
			      "two notes of 100.00)"),
			    (int)(e - p), p);
		l = counts_add(k, SHIFT_COUNT_DENOM, "");
		l->denomination = d;
		l->qty = q;
		p = *e ? e + 1 : e;
	}
	return 0;
}

/* The parts of one entry split at sep (at most 3): their count. */
static int
split(char *entry, int sep, char *part[3])
{
	int n = 0;
	char *p = entry, *q;

	while (n < 3) {
		part[n++] = p;
		q = strchr(p, sep);
		if (q == NULL)
			break;
		*q = '\0';
		p = q + 1;
	}
	return strchr(p, sep) != NULL ? 4 : n;
}

/* --slip METHOD=N:AMOUNT: N slips of METHOD totalling AMOUNT (the close's
 * card step as the screen asks it). */
static int
parse_slips(struct cli *c, char *entry, char *eq, struct counts *k)
{
	char *colon = strchr(eq + 1, ':');
	struct shift_count *l;
	int64_t n;

	*eq = '\0';
	n = colon ? digits(eq + 1, (size_t)(colon - eq - 1), SHIFT_SLIPS_MAX)
	          : -1;
	if (n < 1 || eq == entry || strchr(colon + 1, ':') != NULL)
		return pd_fail(&c->err, PD_EINVAL,
		    _("--slip \"%s=%s\": write METHOD=NUMBER:AMOUNT, the "
		      "number of slips 1 to %d"),
		    entry, eq + 1, SHIFT_SLIPS_MAX);
	if (strlen(entry) >= SHIFT_METHOD_BUFSZ)
		return pd_fail(&c->err, PD_EINVAL,
		    _("%s: a method name or reference is too long"), "--slip");
	l = counts_add(k, SHIFT_COUNT_SLIP, entry);
	l->qty = n;
	return cli_money(c, "--slip", colon + 1, &l->amount);
}

/* One --slip, --cheque or --total entry into k. */
static int
parse_entry(struct cli *c, const char *opt, enum shift_count_kind kind,
    char *entry, struct counts *k)
{
	char *part[3] = {NULL, NULL, NULL};
	const char *method, *ref = "", *amount;
	struct shift_count *l;
	char *eq = strchr(entry, '=');
	int n;

	if (kind == SHIFT_COUNT_SLIP && eq != NULL)
		return parse_slips(c, entry, eq, k);
	n = split(entry, kind == SHIFT_COUNT_TOTAL ? '=' : ':', part);

	if (kind == SHIFT_COUNT_TOTAL && n == 2)
		method = part[0], amount = part[1];
	else if (kind == SHIFT_COUNT_CHEQUE && n == 2)
		method = "Cheque", ref = part[0], amount = part[1];
	else if (kind != SHIFT_COUNT_TOTAL && n == 3)
		method = part[0], ref = part[1], amount = part[2];
	else if (kind == SHIFT_COUNT_SLIP && n == 2)
		method = part[0], amount = part[1];
	else
		return pd_fail(&c->err, PD_EINVAL,
		    kind == SHIFT_COUNT_TOTAL
		        ? _("%s \"%s\": write METHOD=AMOUNT")
		    : kind == SHIFT_COUNT_SLIP
		        ? _("%s \"%s\": write METHOD:REF:AMOUNT or "
		            "METHOD:AMOUNT")
		        : _("%s \"%s\": write NUMBER:AMOUNT or "
		            "METHOD:NUMBER:AMOUNT"),
		    opt, entry);
	if (strlen(method) >= SHIFT_METHOD_BUFSZ ||
	    strlen(ref) >= SHIFT_REF_BUFSZ)
		return pd_fail(&c->err, PD_EINVAL,
		    _("%s: a method name or reference is too long"), opt);
	l = counts_add(k, kind, method);
	xstrlcpy(l->ref, ref, sizeof l->ref);
	return cli_money(c, opt, amount, &l->amount);
}

/* A list of entries separated by ';'. */
static int
parse_list(struct cli *c, const char *opt, enum shift_count_kind kind,
    const char *s, struct counts *k)
{
	char *copy, *save = NULL, *tok;
	int rc = 0;

	if (s == NULL)
		return 0;
	copy = xstrdup(s);
	for (tok = strtok_r(copy, ";", &save); tok != NULL && rc == 0;
	     tok = strtok_r(NULL, ";", &save))
		rc = parse_entry(c, opt, kind, tok, k);
	free(copy);
	return rc;
}

/* The approver's PIN: $PAYDESK_APPROVER_PIN, else asked. */
static int
approval(struct cli *c, const char *user, char **pin, struct shift_approval *a)
{
	*pin = NULL;
	a->user = user;
	a->pin = NULL;
	if (user == NULL)
		return 0;
	*pin = cli_read_pin(c, "PAYDESK_APPROVER_PIN", user);
	a->pin = *pin;
	return *pin == NULL ? -1 : 0;
}

/* The status words as rec_term shows them (shift_status_name's). */
static const char *const status_words[] = {N_("open"), N_("closed")};

/* A shift's flags: "flagged" true or false and the "flags" words in
 * JSON, which ones said for people (nothing when none). */
static void
rec_flags(struct rec *r, int flags, int max_hours)
{
	char buf[256];
	json_t *a = json_array();
	const char *w = shift_flag_words(flags);

	if (flags & SHIFT_FLAG_OVERNIGHT)
		json_array_append_new(a, json_string("overnight"));
	if (flags & SHIFT_FLAG_LONG)
		json_array_append_new(a, json_string("too_long"));
	rec_data_json(r, "flagged", json_boolean(flags != 0));
	rec_json(r, _("Flag"), "flags", a,
	    *w ? shift_flag_text(flags, max_hours, 1, buf, sizeof buf) : "");
}

static void
rec_shift(struct cli *c, struct rec *r, const struct shift *sh)
{
	if (sh->z_no[0])
		rec_str(r, _("Z number"), "z_no", sh->z_no);
	rec_str(r, _("Shift"), "uuid", sh->uuid);
	rec_shown(r, _("Status"), "status", shift_status_name(sh->status),
	    _(status_words[sh->status == SHIFT_CLOSED]));
	rec_str(r, _("Terminal"), "terminal", sh->terminal);
	rec_str(r, _("Cashier"), "cashier", sh->cashier);
	rec_time(r, _("Opened"), "opened_at", sh->opened_at);
	if (sh->closed_at[0])
		rec_time(r, _("Closed"), "closed_at", sh->closed_at);
	/* the drawer's first shift: no previous close, its expected float
	 * not known, so no difference (null in JSON), as its Z report,
	 * the screens and report exceptions have it (s72 h11 fault 2) */
	if (sh->first)
		rec_json(r, _("Opening float expected"), "float_expected",
		    json_null(), _("no previous close"));
	else
		rec_money(r, _("Opening float expected"), "float_expected",
		    sh->float_expected);
	rec_money(
	    r, _("Opening float counted"), "float_counted", sh->float_counted);
	if (sh->first)
		rec_data_json(r, "float_difference", json_null());
	else
		rec_money(r, _("Opening float difference"), "float_difference",
		    sh->float_counted - sh->float_expected);
	if (sh->status == SHIFT_CLOSED) {
		rec_money(r, _("Float kept"), "float_kept", sh->float_kept);
		if (sh->signed_off_by[0])
			rec_str(r, _("Signed off by"), "signed_off_by",
			    sh->signed_off_by);
		/* closed by force at another terminal, nothing counted */
		rec_data_json(
		    r, "forced", json_boolean(sh->forced_reason[0] != '\0'));
		if (sh->forced_reason[0]) {
			rec_str(r, _("Closed by force at"), "forced_on",
			    sh->forced_on);
			rec_str(r, _("Reason for the forced close"),
			    "forced_reason", sh->forced_reason);
		}
	}
	rec_flags(r, sh->flagged, c->svc.cfg.shift_max_hours);
}

static void
rec_tenders(struct rec *r, const struct shift_tender *t, size_t n, int counted)
{
	char npay[64];
	size_t i;

	rec_list(r, _("Tenders"), "tenders");
	for (i = 0; i < n; i++) {
		rec_item(r);
		rec_str(r, _("Method"), "method", t[i].method);
		/* the item's second bare value: its count said as one
		 * (review R20: "Cash 1" said nothing) */
		snprintf(npay, sizeof npay,
		    ngettext("%lld payment", "%lld payments",
		        (unsigned long)t[i].npayments),
		    (long long)t[i].npayments);
		rec_json(r, _("Payments"), "payments",
		    json_integer(t[i].npayments), npay);
		rec_money(r, _("Expected"), "expected", t[i].expected);
		/* the cash handed back by the voids made in the shift, which
		 * Expected is less of (review R20b) */
		if (t[i].nvoids > 0) {
			rec_int(r, _("Voids"), "voids", t[i].nvoids);
			rec_money(r, _("Refunded by voids"), "voided",
			    t[i].voided);
		}
		if (counted) {
			rec_money(r, _("Counted"), "counted", t[i].counted);
			rec_int(r, _("Items counted"), "items", t[i].items);
			rec_money(r, _("Over (+) or short (-)"), "over_short",
			    t[i].over_short);
			/* counted again after the first count's over or
			 * short was shown: that count too, as the Z report
			 * and the central node give it (review R20) */
			if (t[i].recounted)
				rec_money(r,
				    _("Counted first (shown short or over)"),
				    "counted_first", t[i].first_counted);
			/* the cheques listed and taken that differ */
			if (t[i].unmatched[0]) {
				char said[SHIFT_UNMATCHED_BUFSZ * 2];

				svc_shift_unmatched_words(
				    t[i].unmatched, 0, NULL, said, sizeof said);
				rec_str(r, _("Cheques not matched"),
				    "cheques_unmatched", said);
			}
			if (t[i].reason[0])
				rec_str(r, _("Reason"), "reason", t[i].reason);
			if (t[i].approved_by[0])
				rec_str(r, _("Signed off by"), "approved_by",
				    t[i].approved_by);
		}
		rec_end(r);
	}
	rec_end(r);
}

/* The movement kinds as people read them. */
static const char *const move_words[] = {
    [SHIFT_PAY_IN] = N_("Pay-in"),
    [SHIFT_PAY_OUT] = N_("Pay-out"),
    [SHIFT_SAFE_DROP] = N_("Safe drop"),
};

static void
rec_move_kind(struct rec *r, enum shift_move_kind k)
{
	rec_shown(
	    r, _("Kind"), "kind", shift_move_kind_name(k), _(move_words[k]));
}

static void
rec_moves(struct rec *r, const struct shift_movement *m, size_t n)
{
	size_t i;

	rec_list(r, _("Movements"), "movements");
	for (i = 0; i < n; i++) {
		rec_item(r);
		rec_move_kind(r, m[i].kind);
		rec_money(r, _("Amount"), "amount", m[i].amount);
		rec_str(r, _("Reason"), "reason", m[i].reason);
		if (m[i].approved_by[0])
			rec_str(r, _("Approved by"), "approved_by",
			    m[i].approved_by);
		rec_time(r, _("At"), "at", m[i].at);
		rec_end(r);
	}
	rec_end(r);
}

/* The count kinds as people read them (shift_count_kind_name's). */
static const char *const count_words[] = {
    [SHIFT_COUNT_DENOM] = N_("Notes and coins"),
    [SHIFT_COUNT_SLIP] = N_("Card slips"),
    [SHIFT_COUNT_CHEQUE] = N_("Cheque"),
    [SHIFT_COUNT_TOTAL] = N_("Total"),
};

/* Every line of a count: what was typed, as stored. */
static void
rec_counts(struct rec *r, const char *label, const char *key,
    const struct shift_count *c, size_t n)
{
	size_t i;

	rec_list(r, label, key);
	for (i = 0; i < n; i++) {
		rec_item(r);
		rec_str(r, _("Method"), "method", c[i].method);
		rec_shown(r, _("Kind"), "kind",
		    shift_count_kind_name(c[i].kind),
		    _(count_words[c[i].kind]));
		if (c[i].kind == SHIFT_COUNT_DENOM)
			rec_money(r, _("Denomination"), "denomination",
			    c[i].denomination);
		rec_int(r, _("Quantity"), "qty", c[i].qty);
		rec_money(r, _("Amount"), "amount", c[i].amount);
		if (c[i].ref[0])
			rec_str(r, _("Reference"), "ref", c[i].ref);
		rec_end(r);
	}
	rec_end(r);
}

int
cmd_shift_open(struct cli *c, int argc, char **argv)
{
	const char *count = NULL;
	struct opt o[] = {{"count", OPT_VALUE, &count}, {NULL, 0, NULL}};
	struct counts k = {NULL, 0};
	struct shift sh;
	struct rec *r;
	char **pos;
	int npos, rc;

	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0)
		return -1;
	rc = parse_denoms(c, count, &k);
	if (rc == 0)
		rc = svc_shift_open(&c->svc, k.v, k.n, &sh, &c->err);
	free(k.v);
	if (rc != 0)
		return -1;
	r = rec_new(c);
	rec_shift(c, r, &sh);
	rec_print(r);
	return 0;
}

int
cmd_shift_status(struct cli *c, int argc, char **argv)
{
	struct shift_report x;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0 ||
	    svc_shift_x(&c->svc, &x, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_shift(c, r, &x.sh);
	rec_money(r, _("Pay-ins"), "pay_ins", x.pay_ins);
	rec_money(r, _("Pay-outs"), "pay_outs", x.pay_outs);
	rec_money(r, _("Safe drops"), "safe_drops", x.drops);
	rec_print(r);
	svc_shift_report_free(&x);
	return 0;
}

/* pay-in, pay-out and drop: argv[0] names the kind. */
int
cmd_shift_move(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL, *approver = NULL;
	struct opt o[] = {{"reason", OPT_VALUE, &reason},
	    {"approver", OPT_VALUE, &approver}, {NULL, 0, NULL}};
	struct shift_move_request q;
	struct shift_movement m;
	struct rec *r;
	char **pos, *pin;
	int npos, rc;

	memset(&q, 0, sizeof q);
	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	if (reason == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--reason is required (one of [shifts] "
		      "movement_reasons)"));
	q.kind = (enum shift_move_kind)shift_move_kind_parse(argv[0]);
	q.reason = reason;
	if (cli_money(c, _("Amount"), pos[0], &q.amount) != 0 ||
	    approval(c, approver, &pin, &q.approval) != 0)
		return -1;
	rc = svc_shift_movement(&c->svc, &q, &m, &c->err);
	free(pin);
	if (rc != 0)
		return -1;
	r = rec_new(c);
	rec_move_kind(r, m.kind);
	rec_money(r, _("Amount"), "amount", m.amount);
	rec_str(r, _("Reason"), "reason", m.reason);
	if (m.approved_by[0])
		rec_str(r, _("Approved by"), "approved_by", m.approved_by);
	rec_time(r, _("At"), "at", m.at);
	rec_print(r);
	return 0;
}

int
cmd_shift_x(struct cli *c, int argc, char **argv)
{
	const char *out = NULL, *text = NULL, *print = NULL, *approver = NULL,
	           *cashier = NULL;
	struct opt o[] = {{"out", OPT_VALUE, &out}, {"text", 1, &text},
	    {"print", 1, &print}, {"approver", OPT_VALUE, &approver},
	    {"cashier", OPT_VALUE, &cashier}, {NULL, 0, NULL}};
	struct shift_approval a;
	struct doc_request q = {0};
	struct doc_result res;
	struct shift_report x;
	struct rec *r;
	char **pos, *pin;
	int npos, rc;

	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    approval(c, approver, &pin, &a) != 0)
		return -1;
	if (out != NULL || text != NULL || print != NULL) {
		q.out = out;
		q.text = text != NULL;
		q.print = print != NULL;
		rc = svc_shift_x_issue(&c->svc, cashier, &a, &q, &res, &c->err);
		free(pin);
		return cli_doc_report(
		    c, N_("X report, not a close"), NULL, &res, q.print, rc);
	}
	rc = svc_shift_x_report(&c->svc, cashier, &a, &x, &c->err);
	free(pin);
	if (rc != 0)
		return -1;
	r = rec_new(c);
	rec_term(r, _("Report"), "report", N_("X report, not a close"));
	rec_shift(c, r, &x.sh);
	rec_tenders(r, x.tenders, x.ntenders, 0);
	rec_moves(r, x.moves, x.nmoves);
	rec_print(r);
	svc_shift_report_free(&x);
	return 0;
}

/* --reason METHOD=TEXT;...: split into reasons (pointing into *copy). */
static int
parse_reasons(struct cli *c, const char *s, char **copy,
    struct shift_reason **v, size_t *n)
{
	char *save = NULL, *tok, *eq;

	*copy = NULL;
	*v = NULL;
	*n = 0;
	if (s == NULL)
		return 0;
	*copy = xstrdup(s);
	for (tok = strtok_r(*copy, ";", &save); tok != NULL;
	     tok = strtok_r(NULL, ";", &save)) {
		eq = strchr(tok, '=');
		if (eq == NULL || eq == tok)
			return pd_fail(&c->err, PD_EINVAL,
			    _("--reason \"%s\": write METHOD=TEXT"), tok);
		*eq = '\0';
		*v = xrealloc(*v, *n + 1, sizeof **v);
		(*v)[*n].method = tok;
		(*v)[(*n)++].text = eq + 1;
	}
	return 0;
}

static void
print_close(struct cli *c, const struct shift_close_result *res, int closed)
{
	struct rec *r = rec_new(c);

	if (closed)
		rec_shift(c, r, &res->sh);
	else {
		rec_term(r, _("Status"), "status", N_("not closed"));
		/* whose shift at which terminal: a supervisor's count of a
		 * cashier's drawer says whose it is (issue 20 review) */
		rec_str(r, _("Terminal"), "terminal", res->sh.terminal);
		rec_str(r, _("Cashier"), "cashier", res->sh.cashier);
	}
	rec_int(r, _("Tenders beyond the tolerance"), "beyond", res->nbeyond);
	rec_tenders(r, res->tenders, res->ntenders, 1);
	rec_print(r);
}

int
cmd_shift_close(struct cli *c, int argc, char **argv)
{
	const char *count = NULL, *slip = NULL, *cheque = NULL, *total = NULL,
	           *reason = NULL, *approver = NULL, *keep = NULL,
	           *cashier = NULL, *force = NULL;
	struct opt o[] = {{"count", OPT_VALUE, &count},
	    {"cashier", OPT_VALUE, &cashier}, {"force", OPT_VALUE, &force},
	    {"slip", OPT_VALUE, &slip}, {"cheque", OPT_VALUE, &cheque},
	    {"total", OPT_VALUE, &total}, {"reason", OPT_ONCE, &reason},
	    {"approver", OPT_VALUE, &approver}, {"keep", OPT_VALUE, &keep},
	    {NULL, 0, NULL}};
	struct shift_close_request q;
	struct shift_close_result res;
	struct counts k = {NULL, 0};
	struct shift_reason *rv = NULL;
	char **pos, *pin = NULL, *rcopy = NULL;
	int npos, rc = -1;

	memset(&q, 0, sizeof q);
	memset(&res, 0, sizeof res);
	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0)
		return -1;
	/* another terminal's shift left open there, closed by force with
	 * nothing counted (s72 fault d) */
	if (force != NULL) {
		if (count || slip || cheque || total || keep || cashier)
			return pd_fail(&c->err, PD_EUSAGE,
			    _("--force counts nothing: it takes --reason TEXT "
			      "and --approver USER only"));
		if (approval(c, approver, &pin, &q.approval) != 0)
			return -1;
		rc = svc_shift_force_close(
		    &c->svc, force, reason, &q.approval, &res, &c->err);
		if (rc == 0)
			print_close(c, &res, 1);
		svc_shift_close_result_free(&res);
		free(pin);
		return rc;
	}
	/* the reasons per tender (METHOD=TEXT;...) empty or blank: no
	 * value, as the other options' (s72 fault 3); a forced close's
	 * --reason, above, is free text, its emptiness the use case's */
	if (reason != NULL && reason[strspn(reason, " \t\n")] == '\0')
		return cli_usage(c, _("--%s needs a value"), "reason");
	/* a close with nothing counted would be a blind count of zero,
	 * every expected amount shown and the count standing (review s50,
	 * helper-216): a usage error, before anything is worked out */
	if (count == NULL && slip == NULL && cheque == NULL && total == NULL)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("Nothing counted: a close counts the drawer (--count, "
		      "--slip, --cheque or --total; a drawer with no cash "
		      "is --total Cash=0)"));
	if (parse_denoms(c, count, &k) != 0 ||
	    parse_list(c, "--slip", SHIFT_COUNT_SLIP, slip, &k) != 0 ||
	    parse_list(c, "--cheque", SHIFT_COUNT_CHEQUE, cheque, &k) != 0 ||
	    parse_list(c, "--total", SHIFT_COUNT_TOTAL, total, &k) != 0 ||
	    parse_reasons(c, reason, &rcopy, &rv, &q.nreasons) != 0 ||
	    (keep && cli_money(c, "--keep", keep, &q.keep) != 0) ||
	    approval(c, approver, &pin, &q.approval) != 0)
		goto out;
	q.counts = k.v;
	q.ncounts = k.n;
	q.reasons = rv;
	q.has_keep = keep != NULL;
	q.cashier = cashier;
	rc = svc_shift_close(&c->svc, &q, &res, &c->err);
	/* refused beyond the tolerance: the result is shown all the same */
	if (rc == 0 || res.ntenders > 0)
		print_close(c, &res, rc == 0);
out:
	svc_shift_close_result_free(&res);
	free(k.v);
	free(rv);
	free(rcopy);
	free(pin);
	return rc;
}

struct list_arg {
	struct table *t;
	struct cli *c;
	int rows; /* the scope's line is above the first (issue 23) */
};

static int
list_row(const struct shift *sh, void *arg)
{
	struct list_arg *a = arg;
	char flags[128];

	/* the scope of the shifts read, once the role was let read them */
	if (a->rows++ == 0)
		cli_scope_line(a->c);
	table_str(a->t, sh->uuid);
	table_str(a->t, sh->z_no);
	table_str(a->t, sh->cashier);
	table_str(a->t, sh->opened_at);
	table_str(a->t, sh->closed_at);
	/* X_TERM: translated for people, as stored in JSON and CSV */
	table_str(a->t, status_words[sh->status == SHIFT_CLOSED]);
	table_money(a->t, sh->float_counted);
	/* the close's over (+) or short (-); none while open */
	if (sh->status == SHIFT_CLOSED)
		table_money(a->t, sh->over_short);
	else
		table_str(a->t, "");
	table_bool(a->t, sh->flagged);
	table_words(a->t,
	    shift_flag_text(sh->flagged, a->c->svc.cfg.shift_max_hours, 0,
	        flags, sizeof flags),
	    shift_flag_words(sh->flagged));
	table_str(a->t, sh->terminal);
	table_row(a->t);
	return 0;
}

int
cmd_shift_list(struct cli *c, int argc, char **argv)
{
	static const struct xcol cols[] = {
	    /* the shift's id, first: an open shift has no Z number yet
	     * (fault 11: the CSV named no shift), as shift show's Shift */
	    {NC_("column", "Shift"), "uuid", X_ID, 36, 8},
	    {NC_("column", "Z number"), "z_no", X_ID, 16, 0},
	    {NC_("column", "Cashier"), "cashier", X_ID, 12, 0},
	    {NC_("column", "Opened"), "opened_at", X_TIME, 19, 0},
	    {NC_("column", "Closed"), "closed_at", X_TIME, 19, 0},
	    {NC_("column", "Status"), "status", X_TERM, 8, 0},
	    {NC_("column", "Float"), "float_counted", X_MONEY, 12, 0},
	    {NC_("column", "Over/short"), "over_short", X_MONEY, 10, 0},
	    {NC_("column", "Flagged"), "flagged", X_BOOL, 7, 0},
	    /* which: over midnight, past [shifts] max_hours */
	    {NC_("column", "Flags"), "flags", X_LIST, 14, 0},
	    /* every drawer's shifts are fed to every terminal */
	    {NC_("column", "Terminal"), "terminal", X_ID, 8, 0},
	};
	const char *open = NULL, *from = NULL, *to = NULL, *cashier = NULL,
	           *limit = NULL, *scope = NULL;
	struct opt o[] = {{"open", 1, &open}, {"from", 0, &from},
	    {"to", 0, &to}, {"cashier", OPT_FILTER, &cashier},
	    {"limit", OPT_VALUE, &limit}, {"scope", OPT_FILTER, &scope},
	    {NULL, 0, NULL}};
	struct shift_filter f = {0};
	struct list_arg a = {NULL, c, 0};
	size_t lim = 0;
	char **pos;
	int npos, rc;

	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0 ||
	    (from && (f.from = cli_from(c, from)) == NULL) ||
	    (to && (f.to = cli_to(c, to)) == NULL) ||
	    (limit && cli_limit(c, limit, &lim) != 0) ||
	    cli_scope(c, scope) != 0)
		return -1;
	/* a period that cannot hold a shift is said (review R20) */
	if (f.from && f.to && strcmp(f.from, f.to) > 0)
		return pd_fail(&c->err, PD_EINVAL,
		    _("--from %s is after --to %s"), from, to);
	f.open_only = open != NULL;
	f.cashier = cashier;
	f.limit = (int64_t)lim;
	/* the shifts of the scope's drawers (issue 23) */
	f.scoped = 1;
	a.t = table_new(c, cols, 11);
	rc = svc_shift_list(&c->svc, &f, list_row, &a, &c->err);
	if (rc == 0 && a.rows == 0)
		cli_scope_line(c);
	return table_done(a.t, rc);
}

int
cmd_shift_show(struct cli *c, int argc, char **argv)
{
	struct shift_report z;
	struct rec *r;
	char **pos;
	int npos;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    svc_shift_show(&c->svc, pos[0], &z, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_shift(c, r, &z.sh);
	rec_tenders(r, z.tenders, z.ntenders, z.sh.status == SHIFT_CLOSED);
	rec_counts(r, _("Opening float counted"), "open_counts", z.open_counts,
	    z.nopen);
	if (z.sh.status == SHIFT_CLOSED)
		rec_counts(r, _("Counted at the close"), "counts", z.counts,
		    z.ncounts);
	rec_moves(r, z.moves, z.nmoves);
	rec_print(r);
	svc_shift_report_free(&z);
	return 0;
}

int
cmd_shift_z(struct cli *c, int argc, char **argv)
{
	const char *out = NULL, *text = NULL, *print = NULL;
	struct opt o[] = {{"out", OPT_VALUE, &out}, {"text", 1, &text},
	    {"print", 1, &print}, {NULL, 0, NULL}};
	struct doc_request q = {0};
	struct doc_result res;
	char **pos, *preview = NULL;
	int npos, rc;

	if (cli_opts(c, argc, argv, o, 1, 1, &pos, &npos) != 0)
		return -1;
	q.out = out;
	q.text = text != NULL;
	q.print = print != NULL;
	/* --text alone: a preview, nothing written or logged (as a
	 * receipt's) */
	if (text != NULL && out == NULL && print == NULL)
		q.preview = &preview;
	rc = svc_shift_z_issue(&c->svc, pos[0], &q, &res, &c->err);
	if (q.preview != NULL)
		return cli_doc_preview(preview, rc);
	return cli_doc_report(c, _("Z report"), pos[0], &res, q.print, rc);
}
