/* cmd_alerts.c - the stored alerts (issue 21): alerts, alerts show, ack,
 * assign, note, close. The pass that raises them runs at the first use
 * of the day (main.c, svc_alerts_tick). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "opts.h"

/* The ID of an alert (PD_EUSAGE when it is not a number). */
static int
alert_id(struct cli *c, const char *sub, const char *s, int64_t *id)
{
	char *end;
	long long v;

	/* (one past the largest: strtoll clamps it and says ERANGE, and it
	 * named "No alert 9223372036854775807": review s48) */
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || v <= 0 || errno == ERANGE)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("%s %s: \"%s\" is not an alert number (the ID column of "
		      "paydesk alerts)"),
		    c->cmd, sub, s);
	*id = (int64_t)v;
	return 0;
}

int
cmd_alerts(struct cli *c, int argc, char **argv)
{
	const char *kind = NULL, *status = NULL;
	struct opt o[] = {{"kind", OPT_FILTER, &kind},
	    {"status", OPT_FILTER, &status}, {NULL, 0, NULL}};
	struct xcell cell[14];
	const struct xcol *cols;
	struct alert *a;
	struct table *t;
	char **pos, behind[512];
	int npos, ncols, k = -1, all = 0;
	size_t n, i;

	if (cli_opts(c, argc, argv, o, 0, 0, &pos, &npos) != 0)
		return -1;
	if (kind != NULL && (k = svc_alert_kind_parse(kind)) < 0)
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--kind \"%s\": one of %s"), kind,
		    svc_alert_kind_words());
	/* in any case, as --kind (tester's fault 10: ALL was refused) */
	if (status != NULL && strcasecmp(status, "open") != 0 &&
	    !(all = strcasecmp(status, "all") == 0))
		return pd_fail(&c->err, PD_EUSAGE,
		    _("--status \"%s\": open (not closed) or all"), status);
	if ((a = svc_alerts(&c->svc, k, all, &n, &c->err)) == NULL)
		return -1;
	/* no scope: see paydesk(1) SCOPES (issue 23) */
	cli_fixed_scope_line(c, 0);
	/* the columns of the screen's export (listing.c) */
	cols = svc_listing_cols(LIST_ALERTS, &ncols);
	t = table_new(c, cols, ncols);
	table_sheet(t, N_("Alerts"));
	for (i = 0; i < n; i++) {
		svc_alert_cells(&a[i], cell);
		table_cells(t, cell);
	}
	free(a);
	/* a clock far before the last pass: said under the list read by
	 * a person (the text; an export or JSON is a program's) */
	if (c->mode == OUT_TEXT &&
	    svc_alerts_behind(&c->svc, behind, sizeof behind))
		fprintf(stderr, "paydesk: %s\n", behind);
	return table_done(t, 0);
}

int
cmd_alert_show(struct cli *c, int argc, char **argv)
{
	struct alert a;
	struct alert_entry *e;
	struct rec *r;
	char **pos;
	int npos, k;
	int64_t id;
	size_t n, i;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    alert_id(c, argv[0], pos[0], &id) != 0 ||
	    (e = svc_alert_show(&c->svc, id, &a, &n, &c->err)) == NULL)
		return -1;
	r = rec_new(c);
	rec_number(r, _("ID"), "id", a.id);
	/* in JSON the words the list gives and --kind and --status take */
	rec_shown(r, _("Alert"), "alert", svc_alert_kind_word(a.kind),
	    i18n_term(svc_alert_kind_name(a.kind)));
	rec_shown(r, _("Status"), "status", svc_alert_status_word(a.status),
	    i18n_term(svc_alert_status_name(a.status)));
	rec_str(r, _("Account"), "account_no", a.account_no);
	rec_str(r, _("Consumer"), "consumer", a.consumer);
	rec_str(r, _("Arrangement"), "plan_no", a.plan_no);
	rec_str(r, _("Payment"), "payment_no", a.payment_no);
	rec_str(r, _("Reference"), "ref", a.ref);
	rec_date(r, _("Due"), "due_on", a.due_on);
	rec_money_or_none(
	    r, _("Amount"), "amount", a.amount, svc_alert_has_amount(&a));
	/* the days as of today, as the list gives them, and the figure it
	 * was raised with (review of issue 21) */
	rec_number_or_none(
	    r, _("Days"), "days", a.days, svc_alert_days_now(&a));
	rec_number_or_none(r, _("Days when raised"), "raised_days",
	    a.raised_days, svc_alert_has_days(&a));
	rec_number_or_none(
	    r, _("Misses"), "misses", a.days, a.kind == ALERT_BROKEN);
	rec_number_or_none(r, _("Misses allowed"), "allowed", a.allowed,
	    a.kind == ALERT_BROKEN);
	rec_time(r, _("Raised"), "raised_at", a.raised_at);
	rec_str(r, _("Assigned"), "assigned", a.assigned);
	rec_time(r, _("Delivered"), "delivered_at", a.delivered_at);
	rec_shown(r, _("Delivery error"), "delivery_error", a.delivery_error_en,
	    a.delivery_error);
	rec_shown(r, _("Refused because"), "refused_because", a.refused_why_en,
	    a.refused_why);
	/* the organisation's history, the same at every node; then the
	 * steps this terminal undid, each with why (helper-250, fault 3:
	 * an end taken back left no trace) */
	for (k = 0; k < 2; k++) {
		size_t shown = 0;

		for (i = 0; i < n; i++) {
			if ((e[i].taken_back[0] != '\0') != k)
				continue;
			if (shown++ == 0)
				rec_list(r,
				    k ? _("Taken back here") : _("History"),
				    k ? "taken_back" : "history");
			rec_item(r);
			rec_time(r, _("When"), "at", e[i].at);
			rec_str(r, _("Who"), "user", e[i].user);
			rec_term(r, _("What"), "action",
			    svc_alert_action_name(e[i].action, e[i].text));
			rec_str(r, _("Text"), "text", e[i].text);
			if (k)
				rec_shown(r, _("Why"), "why",
				    e[i].taken_back_en, e[i].taken_back);
			rec_end(r);
		}
		if (shown > 0)
			rec_end(r);
		else if (k == 0) {
			rec_list(r, _("History"), "history");
			rec_end(r);
		}
	}
	rec_print(r);
	free(e);
	return 0;
}

/* alerts ack|close ID, and the show that follows each change. */
static int
shown(struct cli *c, char *id)
{
	char show[] = "show";

	return cmd_alert_show(c, 2, (char *[]){show, id, NULL});
}

int
cmd_alert_ack(struct cli *c, int argc, char **argv)
{
	char **pos;
	int npos;
	int64_t id;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    alert_id(c, argv[0], pos[0], &id) != 0 ||
	    svc_alert_ack(&c->svc, id, &c->err) != 0)
		return -1;
	return shown(c, pos[0]);
}

int
cmd_alert_close(struct cli *c, int argc, char **argv)
{
	char **pos;
	int npos;
	int64_t id;

	if (cli_opts(c, argc, argv, NULL, 1, 1, &pos, &npos) != 0 ||
	    alert_id(c, argv[0], pos[0], &id) != 0 ||
	    svc_alert_close(&c->svc, id, &c->err) != 0)
		return -1;
	return shown(c, pos[0]);
}

int
cmd_alert_assign(struct cli *c, int argc, char **argv)
{
	char **pos;
	int npos;
	int64_t id;

	if (cli_opts(c, argc, argv, NULL, 2, 2, &pos, &npos) != 0 ||
	    alert_id(c, argv[0], pos[0], &id) != 0 ||
	    svc_alert_assign(&c->svc, id, pos[1], &c->err) != 0)
		return -1;
	return shown(c, pos[0]);
}

int
cmd_alert_note(struct cli *c, int argc, char **argv)
{
	char **pos;
	int npos;
	int64_t id;

	/* the note, empty or blank: "The note is required" (status 3), as
	 * a dispute's --note "" says */
	if (cli_opts_text(c, argc, argv, NULL, 2, 2, 1, &pos, &npos) != 0 ||
	    alert_id(c, argv[0], pos[0], &id) != 0 ||
	    svc_alert_note(&c->svc, id, pos[1], &c->err) != 0)
		return -1;
	return shown(c, pos[0]);
}

int
cmd_alert_pass(struct cli *c, int argc, char **argv)
{
	char **pos, was[11] = "", day[11] = "";
	int npos;
	struct rec *r;

	if (cli_opts(c, argc, argv, NULL, 0, 0, &pos, &npos) != 0 ||
	    svc_alerts_pass(&c->svc, was, day, &c->err) != 0)
		return -1;
	r = rec_new(c);
	rec_date(r, _("Passed for"), "day", day);
	rec_date(r, _("Pass before"), "before", was);
	rec_print(r);
	return 0;
}
