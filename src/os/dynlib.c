/* dynlib.c - libraries loaded at their first use (see dynlib.h). */
#include <dlfcn.h>
#include <pthread.h>

#include "paydesk/dynlib.h"
#include "paydesk/i18n.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* Resolve each of l's symbols in h. 0, or -1 naming the first missing. */
static int
resolve(struct dynlib *l, void *h, struct pd_err *err)
{
	const struct dynlib_sym *s;

	for (s = l->syms; s->name != NULL; s++) {
		dlerror();
		*s->addr = dlsym(h, s->name);
		if (*s->addr == NULL)
			return pd_fail(err, l->code,
			    _("%s needs %s, which lacks %s (%s): install the "
			      "version paydesk was built with (make deps)"),
			    _(l->what), l->soname, s->name, dlerror());
	}
	return 0;
}

int
dynlib_load(struct dynlib *l, struct pd_err *err)
{
	void *h;
	int rc = 0;

	pthread_mutex_lock(&lock);
	if (l->handle == NULL) {
		h = dlopen(l->soname, RTLD_NOW | RTLD_GLOBAL);
		if (h == NULL)
			rc = pd_fail(err, l->code,
			    _("%s needs %s, which cannot be loaded (%s): "
			      "install it (make deps)"),
			    _(l->what), l->soname, dlerror());
		else if ((rc = resolve(l, h, err)) == 0)
			l->handle = h;
	}
	pthread_mutex_unlock(&lock);
	return rc;
}
