/* replay.c - a standalone driver for the harnesses of tests/fuzz, for
 * make check: built with the normal compiler and flags (and with ASan
 * and UBSan under SANITIZE=1) around one harness, it runs that harness's
 * LLVMFuzzerTestOneInput once on every file of the directories (or on
 * the files) it is given, in name order. A broken invariant aborts, a
 * sanitizer stops it; otherwise it prints "ok - NAME: N inputs" and
 * exits 0.
 *
 *   replay_fuzz_record tests/fuzz/corpus/fuzz_record
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Run the harness on the contents of file p; -1 if it cannot be read. */
static int
run_file(const char *p)
{
	FILE *f = fopen(p, "rb");
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (f == NULL)
		return -1;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			if (buf == NULL)
				abort();
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	/* an exact-size copy, so that ASan sees a read past the input */
	uint8_t *exact = malloc(n ? n : 1);

	if (exact == NULL)
		abort();
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run every regular file of directory d; the count, -1 on error. */
static long
run_dir(const char *d)
{
	DIR *dir = opendir(d);
	struct dirent *e;
	char **names = NULL, p[4096];
	size_t n = 0, cap = 0, i;
	struct stat sb;
	long count = 0;

	if (dir == NULL)
		return -1;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof *names);
			if (names == NULL)
				abort();
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(dir);
	if (n > 0)
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		snprintf(p, sizeof p, "%s/%s", d, names[i]);
		if (stat(p, &sb) == 0 && S_ISREG(sb.st_mode)) {
			fprintf(stderr, "%s\n", p); /* the last one crashed */
			if (run_file(p) != 0)
				count = -1;
			else if (count >= 0)
				count++;
		}
		free(names[i]);
	}
	free(names);
	return count;
}

int
main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/');
	struct stat sb;
	long total = 0, c;
	int i;

	name = name ? name + 1 : argv[0];
	if (strncmp(name, "replay_", 7) == 0)
		name += 7;
	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &sb) != 0) {
			fprintf(stderr, "%s: cannot read\n", argv[i]);
			return 1;
		}
		if (S_ISDIR(sb.st_mode))
			c = run_dir(argv[i]);
		else
			c = run_file(argv[i]) == 0 ? 1 : -1;
		if (c < 0) {
			fprintf(stderr, "%s: cannot read\n", argv[i]);
			return 1;
		}
		total += c;
	}
	printf("ok - %s: %ld inputs\n", name, total);
	return 0;
}
