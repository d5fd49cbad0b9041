/* test_i18n_service.c - the service's messages and texts for people in
 * the reader's language, against a real store and the catalogues make
 * built (BUILD/locale, beside BUILD/tests): English with no language
 * chosen, French and Spanish with LANGUAGE; the machine's words (a
 * payment's processing time for JSON) stay English in every language. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <libintl.h>
#include <limits.h>

#include "paydesk/i18n.h"
#include "paydesk/service.h"
#include "paydesk/store.h"

struct fx {
	char dir[64];
	char db[128];
	struct svc s;
};

/* A consumer with one bill, and a cashier and a supervisor. */
static void
add_fixtures(struct fx *f)
{
	struct pd_err err;
	struct consumer c;
	struct item it;

	memset(&c, 0, sizeof c);
	strcpy(c.account_no, "WU-10001");
	strcpy(c.name, "John Doe");
	assert_int_equal(store_begin(f->s.st, &err), 0);
	assert_int_equal(store_consumer_insert(f->s.st, &c, &err), 0);
	memset(&it, 0, sizeof it);
	it.consumer_id = 1;
	it.kind = PAY_BILL;
	strcpy(it.ref, "INV-1");
	strcpy(it.period, "Mar 2025");
	it.amount = 14550;
	strcpy(it.issued_on, "2025-04-01");
	strcpy(it.due_on, "2025-04-15");
	assert_int_equal(store_item_insert(f->s.st, &it, &err), 0);
	assert_int_equal(store_commit(f->s.st, &err), 0);
	assert_int_equal(svc_user_add(&f->s, "jane", "Jane Smith", "cashier",
	                     "1234", NULL, &err),
	    0);
	assert_int_equal(svc_user_add(&f->s, "mary", "Mary Johnson",
	                     "supervisor", "2222", NULL, &err),
	    0);
	/* as every use case that adds users does: the audit entry that
	 * seals their rows (sign-in checks the seal) */
	assert_int_equal(store_audit_append(f->s.st, "2025-01-01 00:00:00",
	                     "system", "T01", "user_add", "user", "jane,mary",
	                     "", &err),
	    0);
}

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct pd_err err;

	strcpy(f->dir, "/tmp/pd-unit-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
	setenv("PAYDESK_NOW", "2025-04-20 10:00:00", 1);
	assert_int_equal(config_defaults(&f->s.cfg, &err), 0);
	/* cash without a shift, as the CLI tests' config has it (issue 20) */
	xstrlcpy(f->s.cfg.shifts_required, "no",
	    sizeof f->s.cfg.shifts_required);
	/* PINs hashed at the lowest cost, as the CLI tests' config has
	 * it: the default's yescrypt was most of this program's time */
	f->s.cfg.pin_hash_cost = 1;
	assert_int_equal(store_open(f->db, 1, &f->s.st, &err), 0);
	add_fixtures(f);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char cmd[160];

	svc_close(&f->s);
	snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	unsetenv("LANGUAGE");
	return 0;
}

/* Speak lang ("": none chosen), with the catalogues of this build. */
static void
speak(const char *lang)
{
	char exe[PATH_MAX], dir[PATH_MAX + 16], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	struct stat st;

	assert_true(n > 0);
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	assert_non_null(slash);
	*slash = '\0';
	snprintf(dir, sizeof dir, "%s/../locale", exe);
	assert_int_equal(stat(dir, &st), 0); /* make built the catalogues */
	if (*lang != '\0')
		setenv("LANGUAGE", lang, 1);
	else
		unsetenv("LANGUAGE");
	i18n_init(NULL);
	bindtextdomain(I18N_DOMAIN, dir);
}

/* A cash payment of the bill by jane; its view in v. */
static void
pay_and_show(struct fx *f, struct payment_view *v)
{
	struct pay_request q;
	struct pay_result r;
	struct pd_err err;

	assert_int_equal(svc_login(&f->s, "jane", "1234", &err), 0);
	memset(&q, 0, sizeof q);
	q.account = "WU-10001";
	q.type = PAY_BILL;
	q.method = "Cash";
	q.amount = 14550;
	assert_int_equal(svc_pay_post(&f->s, &q, &r, &err), 0);
	assert_int_equal(svc_payment_show(&f->s, r.p.receipt_no, v, &err), 0);
}

static void
english_without_a_language(void **state)
{
	struct fx *f = *state;
	struct payment_view v;
	struct pd_err err;

	speak("");
	assert_int_equal(svc_login(&f->s, "jane", "0000", &err), -1);
	assert_string_equal(err.msg, "Wrong user name or PIN for \"jane\" "
	                             "(1 of 5 tries before a lockout)");
	pay_and_show(f, &v);
	assert_string_equal(v.processing, "Immediate");
	assert_string_equal(v.processing_text, "Immediate");
	svc_payment_view_free(&v);
	assert_int_equal(
	    svc_payment_void(&f->s, "R-T01-000001", "x", &err), -1);
	assert_int_equal(err.code, PD_EPERM);
	assert_string_equal(err.msg, "Voiding a payment needs the supervisor "
	                             "role; jane is a cashier");
}

static void
french(void **state)
{
	struct fx *f = *state;
	struct payment_view v;
	struct pd_err err;

	speak("fr");
	assert_int_equal(svc_login(&f->s, "jane", "0000", &err), -1);
	assert_int_equal(err.code, PD_EPERM);
	assert_string_equal(err.msg, "Identifiant ou code PIN erroné pour "
	                             "« jane » (essai 1 sur 5 avant blocage)");
	pay_and_show(f, &v);
	assert_string_equal(v.processing, "Immediate"); /* JSON's */
	assert_string_equal(v.processing_text, "Immédiat");
	svc_payment_view_free(&v);
	/* the action and both roles in French, the user name as it is */
	assert_int_equal(
	    svc_payment_void(&f->s, "R-T01-000001", "x", &err), -1);
	assert_int_equal(err.code, PD_EPERM);
	assert_string_equal(err.msg, "Extourner un paiement : il faut le "
	                             "rôle superviseur ; jane est caissier");
	/* a field's name put into a message is translated too */
	assert_int_equal(
	    svc_check_text(_("Remarks"), "a\001b", 10, 0, &err), -1);
	assert_int_equal(err.code, PD_EINVAL);
	assert_string_equal(err.msg, "« Remarques » contient un caractère de "
	                             "contrôle à l'octet 2");
	/* a store refusal */
	assert_int_equal(svc_payment_show(&f->s, "R-NOPE", &v, &err), -1);
	assert_int_equal(err.code, PD_ENOTFOUND);
	assert_non_null(strstr(err.msg, "Aucun paiement avec"));
}

static void
spanish(void **state)
{
	struct fx *f = *state;
	struct payment_view v;
	struct pd_err err;

	speak("es");
	pay_and_show(f, &v);
	assert_string_equal(v.processing_text, "Inmediato");
	svc_payment_view_free(&v);
	assert_int_equal(
	    svc_login(&f->s, "mary", "2222", &err), 0); /* a supervisor */
	assert_int_equal(
	    svc_payment_void(&f->s, "R-T01-000001", "Error", &err), 0);
	assert_int_equal(
	    svc_payment_void(&f->s, "R-T01-000001", "Otra vez", &err), -1);
	assert_int_equal(err.code, PD_EINVAL);
	assert_string_equal(err.msg, "El pago PAY-T01-2025-000001 ya fue "
	                             "anulado el 2025-04-20 10:00:00 por Mary "
	                             "Johnson");
	/* no language again: English again */
	speak("");
	assert_int_equal(
	    svc_payment_void(&f->s, "R-T01-000001", "Again", &err), -1);
	assert_string_equal(err.msg, "Payment PAY-T01-2025-000001 was already "
	                             "voided on 2025-04-20 10:00:00 by Mary "
	                             "Johnson");
}

/* Percentages as each language writes them, on the screens (svc_percent,
 * the screens' language) and in documents (svc_doc_percent, the
 * document's): grouped as the organisation groups amounts, a "space"
 * grouping written no-break (U+00A0), then French's narrow no-break
 * space (U+202F) or Spanish's no-break space before %, English none;
 * 1 100,0 % and 0,5 % alike (issue 25). */
static void
percentages(void **state)
{
	struct fx *f = *state;
	struct pd_err err;
	char buf[64];

	xstrlcpy(f->s.cfg.decimal_sep, "comma", sizeof f->s.cfg.decimal_sep);
	xstrlcpy(f->s.cfg.group_sep, "space", sizeof f->s.cfg.group_sep);
	speak("fr");
	assert_string_equal(svc_percent(&f->s, buf, sizeof buf, 11000),
	    "1\xc2\xa0"
	    "100,0\xe2\x80\xaf%");
	assert_string_equal(
	    svc_percent(&f->s, buf, sizeof buf, 5), "0,5\xe2\x80\xaf%");
	assert_string_equal(svc_percent(&f->s, buf, sizeof buf, -1234567),
	    "-123\xc2\xa0"
	    "456,7\xe2\x80\xaf%");
	speak("es");
	assert_string_equal(svc_percent(&f->s, buf, sizeof buf, 11000),
	    "1\xc2\xa0"
	    "100,0\xc2\xa0%");
	assert_string_equal(
	    svc_percent(&f->s, buf, sizeof buf, 5), "0,5\xc2\xa0%");
	speak("");
	assert_string_equal(svc_percent(&f->s, buf, sizeof buf, 11000),
	    "1\xc2\xa0"
	    "100,0%");
	/* the narrow no-break grouping; an English document's (documents
	 * in es and fr: tests/cli/test_i18n_docs) */
	speak("fr");
	xstrlcpy(f->s.cfg.group_sep, "nnbsp", sizeof f->s.cfg.group_sep);
	assert_string_equal(svc_percent(&f->s, buf, sizeof buf, 11000),
	    "1\xe2\x80\xaf"
	    "100,0\xe2\x80\xaf%");
	xstrlcpy(f->s.cfg.decimal_sep, "dot", sizeof f->s.cfg.decimal_sep);
	xstrlcpy(f->s.cfg.group_sep, "auto", sizeof f->s.cfg.group_sep);
	assert_string_equal(
	    svc_doc_percent(&f->s, NULL, buf, sizeof buf, 11000), "1,100.0%");
	/* a grouped percentage typed back is not money, but the grouping
	 * written is one money_parse takes as the organisation's */
	xstrlcpy(f->s.cfg.decimal_sep, "comma", sizeof f->s.cfg.decimal_sep);
	xstrlcpy(f->s.cfg.group_sep, "space", sizeof f->s.cfg.group_sep);
	{
		int64_t v;

		assert_int_equal(svc_money_parse(&f->s,
		                     "1\xc2\xa0"
		                     "100,00",
		                     "x", &v, &err),
		    0);
		assert_int_equal(v, 110000);
		assert_int_equal(
		    svc_money_parse(&f->s, "1 100,00", "x", &v, &err), 0);
		assert_int_equal(v, 110000);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
	        english_without_a_language, setup, teardown),
	    cmocka_unit_test_setup_teardown(french, setup, teardown),
	    cmocka_unit_test_setup_teardown(spanish, setup, teardown),
	    cmocka_unit_test_setup_teardown(percentages, setup, teardown),
	};

	return cmocka_run_group_tests_name("i18n_service", tests, NULL, NULL);
}
