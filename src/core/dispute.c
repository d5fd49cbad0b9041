/* dispute.c - a dispute's statuses and reason codes as stored and as
 * read (issue 21; dispute.h). */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "paydesk/dispute.h"
#include "paydesk/i18n.h"

static const struct {
	const char *name;  /* as stored and synced */
	const char *label; /* as read, N_() */
} statuses[] = {
    [DSP_OPEN] = {"open", N_("Open")},
    [DSP_REVIEW] = {"review", N_("Under review")},
    [DSP_UPHELD] = {"upheld", N_("Resolved: upheld")},
    [DSP_REJECTED] = {"rejected", N_("Resolved: rejected")},
};

const char *
dsp_status_name(enum dsp_status s)
{
	return (unsigned)s <= DSP_REJECTED ? statuses[s].name : "open";
}

int
dsp_status_parse(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < sizeof statuses / sizeof statuses[0]; i++)
		if (strcasecmp(s, statuses[i].name) == 0)
			return (int)i;
	return -1;
}

const char *
dsp_status_label(enum dsp_status s)
{
	return statuses[(unsigned)s <= DSP_REJECTED ? s : DSP_OPEN].label;
}

/* The reason codes of the default configuration, as read. */
static const struct {
	const char *code;
	const char *label;
} reasons[] = {
    {"chargeback", N_("Chargeback")},
    {DSP_BOUNCED, N_("Bounced cheque")},
    {"amount-contested", N_("Amount contested")},
    {"wrong-account", N_("Wrong account")},
    {"other", N_("Other")},
};

const char *
dsp_reason_label(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
		if (strcasecmp(code, reasons[i].code) == 0)
			return reasons[i].label;
	return code;
}

/* The steps of a timeline as read: words that agree with the dispute
 * (es disputa Aceptada, Rechazada; a synced record's Rechazado). */
static const struct i18n_label steps[] = {
    {"open", TC_("dispute", "Opened")},
    {"review", TC_("dispute", "Under review")},
    {"uphold", TC_("dispute", "Upheld")},
    {"reject", TC_("dispute", "Rejected")},
};

const char *
dsp_step_label(const char *kind)
{
	return i18n_label_of(steps, sizeof steps / sizeof steps[0], kind);
}
