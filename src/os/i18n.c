/* i18n.c - the language of the messages and where their catalogues are
 * (see paydesk/i18n.h). */
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paydesk/i18n.h"

#ifndef PD_LOCALEDIR
#define PD_LOCALEDIR "/usr/local/share/locale"
#endif

/* A locale name that names no language: "", C, POSIX, C.<codeset>. */
static int
no_language(const char *v)
{
	return v == NULL || *v == '\0' || strcmp(v, "C") == 0 ||
	       strcmp(v, "POSIX") == 0 || strncmp(v, "C.", 2) == 0;
}

/* The locale variable that decides LC_MESSAGES, as POSIX orders them. */
static const char *
messages_var(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return v;
	}
	return NULL;
}

/* The directory of the catalogues into dir (PATH_MAX bytes). */
static void
locale_dir(char *dir)
{
	static const char *const rel[] = {"/locale", "/../share/locale"};
	char exe[PATH_MAX];
	struct stat st;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;
	size_t i;

	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
				if (strlen(exe) + strlen(rel[i]) >= PATH_MAX)
					continue;
				strcpy(dir, exe);
				strcat(dir, rel[i]);
				if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
					return;
			}
		}
	}
	strcpy(dir, PD_LOCALEDIR);
}

void
i18n_init(const char *language)
{
	const char *env_language = getenv("LANGUAGE");
	const char *var = messages_var();
	const char *loc = setlocale(LC_MESSAGES, "");
	char dir[PATH_MAX];

	/* gettext ignores LANGUAGE under the C locale, and a locale that is
	 * not installed leaves C: C.UTF-8 is built into glibc and is not C */
	if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	if (env_language != NULL && *env_language != '\0')
		; /* gettext reads it */
	else if (!no_language(var)) {
		if (loc == NULL) /* es_ES.UTF-8 not installed: say "es_ES" */
			setenv("LANGUAGE", var, 1);
	} else if (language != NULL && *language != '\0')
		setenv("LANGUAGE", language, 1);
	locale_dir(dir);
	bindtextdomain(I18N_DOMAIN, dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
}
