/* fuzz_setting.c - libFuzzer harness for the settings an organisation's
 * central node masters, as a terminal takes them from a pulled setting
 * record (config_set_central: the same checks as the file's). The input
 * is "section.key=value"; a first byte below the number of central rows
 * picks one of them instead, the rest of the input being the value.
 *
 * Invariants: a refusal says why and leaves the configuration exactly as
 * it was; an accepted value marks its row as the central node's, and the
 * row's formatted value is accepted again to the same configuration
 * (set -> format -> set is stable). */
#include "fuzz.h"
#include "paydesk/config.h"

static struct config defaults;
static char names[64][128];
static int nnames;

/* The defaults and the "section.key" names of the central rows. */
static void
setup(void)
{
	const struct config_row *rows;
	struct pd_err err;
	int i, n;

	if (nnames > 0)
		return;
	if (config_defaults(&defaults, &err) != 0)
		abort();
	rows = config_rows(&n);
	for (i = 0; i < n && nnames < 64; i++) {
		snprintf(names[nnames], sizeof names[nnames], "%s.%s",
		    rows[i].section, rows[i].key);
		if (config_central_row(names[nnames]) >= 0)
			nnames++;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config *cfg = malloc(sizeof *cfg), *was = malloc(sizeof *was);
	struct pd_err err;
	char *in = malloc(size + 1), *name, *eq;
	const char *value;
	char shown[4096], again[4096];
	int row;

	setup();
	memcpy(in, data, size);
	in[size] = '\0';
	if (size > 0 && data[0] < nnames) {
		name = names[data[0]];
		value = in + 1;
	} else if ((eq = strchr(in, '=')) != NULL) {
		*eq = '\0';
		name = in;
		value = eq + 1;
	} else {
		name = in;
		value = "";
	}
	*cfg = defaults;
	*was = *cfg;
	fuzz_err_init(&err);
	if (config_set_central(cfg, name, value, &err) != 0) {
		fuzz_assert_err(&err);
		fuzz_assert(memcmp(cfg, was, sizeof *cfg) == 0);
		goto out;
	}
	row = config_central_row(name);
	fuzz_assert(row >= 0);
	fuzz_assert(config_is_central(cfg, row));
	fuzz_assert(config_format(cfg, row, shown, sizeof shown) == 0);
	*was = *cfg;
	fuzz_err_init(&err);
	if (config_set_central(cfg, name, shown, &err) != 0) {
		fprintf(
		    stderr, "%s = \"%s\" refused: %s\n", name, shown, err.msg);
		fuzz_assert(!"a setting's formatted value is accepted");
	}
	fuzz_assert(config_format(cfg, row, again, sizeof again) == 0);
	fuzz_assert(strcmp(shown, again) == 0);
out:
	free(in);
	free(was);
	free(cfg);
	return 0;
}
