/* fuzz_config.c - libFuzzer harness for the config file parser: the
 * input is written to a temporary file and loaded by config_load
 * (iniparser, then every key checked against the schema).
 *
 * Invariants: a refusal says why; a file that loads, written back as
 * "key = value" lines from config_format (quoted), loads again to the
 * same value in every row (load -> format -> load is stable). Rows whose
 * value cannot be written as an iniparser value (a quote, a backslash)
 * and the token (never shown) are left out of the comparison. */
#include <unistd.h>

#include "fuzz.h"
#include "paydesk/config.h"

static char path[64], path2[64];

static void
cleanup(void)
{
	unlink(path);
	unlink(path2);
}

/* Make the two temporary files once. */
static void
setup(void)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	if (path[0] != '\0')
		return;
	if (dir == NULL || strlen(dir) > 32)
		dir = "/tmp";
	snprintf(path, sizeof path, "%s/pd-fuzz-cfg.XXXXXX", dir);
	snprintf(path2, sizeof path2, "%s/pd-fuzz-cfg2.XXXXXX", dir);
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	if ((fd = mkstemp(path2)) < 0)
		abort();
	close(fd);
	atexit(cleanup);
}

static void
write_file(const char *p, const void *data, size_t size)
{
	FILE *f = fopen(p, "wb");

	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
}

/* Whether a formatted value can be written quoted and read back. */
static int
writable(const struct config_row *row, const char *v)
{
	return strcmp(row->key, "token") != 0 && strpbrk(v, "\"\\\n\r") == NULL;
}

/* cfg written back as a file, into path2. */
static void
write_back(const struct config *cfg)
{
	const struct config_row *rows;
	char v[4096];
	FILE *f = fopen(path2, "w");
	int i, n;

	if (f == NULL)
		abort();
	rows = config_rows(&n);
	for (i = 0; i < n; i++) {
		fuzz_assert(config_format(cfg, i, v, sizeof v) == 0);
		if (!writable(&rows[i], v))
			continue;
		fprintf(
		    f, "[%s]\n%s = \"%s\"\n", rows[i].section, rows[i].key, v);
	}
	if (fclose(f) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config *cfg = malloc(sizeof *cfg), *back = malloc(sizeof *back);
	const struct config_row *rows;
	struct pd_err err;
	char a[4096], b[4096];
	int i, n;

	setup();
	write_file(path, data, size);
	fuzz_err_init(&err);
	if (config_load(path, cfg, &err) != 0) {
		fuzz_assert_err(&err);
		goto out;
	}
	write_back(cfg);
	fuzz_err_init(&err);
	if (config_load(path2, back, &err) != 0) {
		fprintf(stderr, "written back, refused: %s\n", err.msg);
		fuzz_assert(!"a loaded config written back loads");
	}
	rows = config_rows(&n);
	for (i = 0; i < n; i++) {
		config_format(cfg, i, a, sizeof a);
		config_format(back, i, b, sizeof b);
		if (writable(&rows[i], a) && strcmp(a, b) != 0) {
			fprintf(stderr, "[%s] %s: \"%s\" became \"%s\"\n",
			    rows[i].section, rows[i].key, a, b);
			fuzz_assert(!"load -> format -> load is stable");
		}
	}
out:
	free(back);
	free(cfg);
	return 0;
}
