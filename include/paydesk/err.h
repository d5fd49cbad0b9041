/* err.h - error reporting shared by every layer.
 *
 * Domain functions return 0 on success and -1 on failure, explaining the
 * failure in a struct pd_err: the kind (which is also the CLI exit status)
 * and a message written for the person who reads it.
 *
 * HOW A MESSAGE BEGINS (issue 17 section 7). A message a person reads is
 * a sentence, so it begins with a capital letter: "No consumer with
 * account number ...", "Amount \"12,5\": ...". The rule is kept at the
 * source string (the msgid, and each language's msgstr begins with a
 * capital too), never by changing the first byte when it is shown: a
 * translation may begin with "É" or "¿". It holds for every string given
 * to pd_fail, pd_err_prefix, st_fail, tui_message and for what the CLI
 * writes to stderr after "paydesk: ". The exceptions begin with a name
 * written as it is: a path or file ("%s: ..."), an option ("--amount"),
 * a command or key, an id. A noun handed in to begin someone else's
 * message (the what of money_parse, date_parse, svc_check_text, the
 * action of svc_require) is capitalised at its source for the same
 * reason. A context put in front with pd_err_prefix ("Row 3: ") begins
 * with a capital and the message after it keeps its own. Lower case
 * stays only after a colon inside one message ("Amount \"x\": at most 2
 * decimals are allowed"). tests/cli/test_i18n.sh fails on a message
 * msgid that begins with a lower-case letter.
 */
#ifndef PAYDESK_ERR_H
#define PAYDESK_ERR_H

enum pd_status {
	PD_OK = 0,
	PD_EUSAGE = 2,    /* wrong command line */
	PD_EINVAL = 3,    /* validation failed, bad input */
	PD_ENOTFOUND = 4, /* a named thing does not exist */
	PD_EPERM = 5,     /* the user may not do this */
	PD_ESTORE = 6,    /* the store failed (I/O, corruption, busy) */
	PD_EDOC = 7,      /* a document (PDF, text) could not be written */
	PD_EPRINT = 8,    /* the print command failed */
	PD_ECANCEL = 9,   /* the user cancelled (an export); nothing kept */
	PD_ENET = 10,     /* the central node could not be reached, or the
	                     outcome is unknown; sending again is safe */
	PD_EAUTH = 11,    /* the central node refused this terminal */
	PD_ETAMPER = 12,  /* the audit log is shorter than or differs from
	                     what the central node last saw (issue 18) */
	PD_ESHIFT = 13,   /* cash needs an open shift, or a shift is open
	                     already (issue 20, shift.h) */
	PD_ETARGET = 14,  /* an output file is a symbolic link, or exists
	                     and is not a regular file (issue 18) */
	PD_ECONFIRM = 15, /* a command line asked for what the screens
	                     confirm first (a large change, issue 17): it
	                     needs its confirming option; nothing done */
	PD_ESCOPE = 16,   /* a scope wider than the user's role may read
	                     (issue 23: a cashier the branch, a supervisor
	                     the organisation) */
	PD_EUNDONE = 17,  /* sync --retry of a record this terminal undid
	                     when the central node refused it (review 21) */
	PD_EBLIND = 18,   /* what an open shift expects (its X report) asked
	                     by a cashier with no supervisor: the close is
	                     blind (fault 15) */
	PD_EHANDED = 19,  /* a deposit handed to the bank already: handed
	                     again, or voided (issue 20) */
	PD_EREJECTED = 20 /* a sync round that ran whole, the central node
	                     refusing some of the records pushed (kept in
	                     the quarantine): not a failure of the link */
};

struct pd_err {
	enum pd_status code;
	char msg[640];
	/* the message kept to be said again (say.h), or "": what a store
	 * keeps instead of msg, which is in this process's language */
	char said[640];
};

/* Fill err (if not NULL) and return -1. */
int pd_fail(struct pd_err *err, enum pd_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prefix the message already in err with a context string ("file:line: "). */
void pd_err_prefix(struct pd_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void pd_err_clear(struct pd_err *err);

#endif
