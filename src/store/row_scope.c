/* row_scope.c - the rows of a scope (issue 23) in a list's query: the
 * disputes, deposits, shifts and arrangements made at a terminal, or of a
 * payment. Out of scope.c, which it outgrew. */
#include <stdio.h>

#include "internal.h"

void
store_row_scope(struct qb *q, const struct row_scope *sc, const char *tcol,
    const char *ucol, int pay)
{
	char sql[512];

	if (sc == NULL)
		return;
	/* a row of a payment is its payment's, as the credit notes are;
	 * with tcol, also the scope's terminals' own (review R23: the
	 * dispute a recovery officer opened here on a payment taken at
	 * another terminal was in no list of this terminal) */
	if (pay) {
		if (sc->terminal != NULL && tcol != NULL) {
			snprintf(sql, sizeof sql,
			    " AND (p.terminal = ? OR %s = ?)", tcol);
			qb_add(q, sql, "ss", sc->terminal, sc->terminal);
		} else if (sc->terminal != NULL)
			qb_add(q, " AND p.terminal = ?", "s", sc->terminal);
		if (sc->branch != NULL && tcol != NULL) {
			snprintf(sql, sizeof sql,
			    " AND (p.branch = ? OR %s = ? "
			    "OR " TERMINAL_BRANCH_OF("%s") " = ?)",
			    tcol, tcol, tcol);
			qb_add(q, sql, "sss", sc->branch,
			    sc->here ? sc->here : "", sc->branch);
		} else if (sc->branch != NULL)
			qb_add(q, " AND p.branch = ?", "s", sc->branch);
		/* the team's: of a payment taken for it (the team kept
		 * with the payment, issue 23), or, with ucol, a row one of
		 * its users made, by the maker's team now (helper-239: the
		 * dispute a recovery officer opened of another team's
		 * payment was in none of her lists) */
		if (sc->team != NULL && ucol != NULL) {
			snprintf(sql, sizeof sql,
			    " AND (" PAY_TEAM_IS(
			        "p.id") " OR %s IN (SELECT id "
			                "FROM users WHERE pd_fold(team) = "
			                "pd_fold(?)))",
			    ucol);
			qb_add(q, sql, "ss", sc->team, sc->team);
		} else if (sc->team != NULL)
			qb_add(q, " AND " PAY_TEAM_IS("p.id"), "s", sc->team);
		return;
	}
	if (sc->terminal != NULL) {
		snprintf(sql, sizeof sql, " AND %s = ?", tcol);
		qb_add(q, sql, "s", sc->terminal);
	}
	/* a terminal is of the branch the central node's directory gave
	 * with its records, or of the payments it took (each payment
	 * carries its terminal's [terminal] branch): one payment of it
	 * read by payments_terminal; this terminal always */
	if (sc->branch != NULL) {
		snprintf(sql, sizeof sql,
		    " AND (%s = ? OR " TERMINAL_BRANCH_OF("%s") " = ?)", tcol,
		    tcol, tcol);
		qb_add(q, sql, "ss", sc->here ? sc->here : "", sc->branch);
	}
	if (sc->team != NULL) {
		snprintf(sql, sizeof sql,
		    " AND %s IN (SELECT id FROM users WHERE "
		    "pd_fold(team) = pd_fold(?))",
		    ucol);
		qb_add(q, sql, "s", sc->team);
	}
}
