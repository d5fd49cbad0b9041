/* dynlib.h - libraries loaded at their first use (dlopen(3)), not at
 * every start.
 *
 * libcurl (sync) and aqbanking, gwenhywfar and libofx (bank statements)
 * are not linked into the binaries: with the libraries they pull in
 * (TLS, Kerberos, LDAP, gcrypt, OpenSP, C++) they were 36 of paydesk's
 * 70 shared objects and half of every command's start-up (about 20 of
 * 40 ms, mapping and relocating them), paid by a search or a payment
 * that never syncs or reads a statement. A module that calls one lists
 * the symbols it uses (DYNLIB_SYMBOLS below) and loads the library before
 * its first call; each symbol's name then stands for the loaded one. */
#ifndef PAYDESK_DYNLIB_H
#define PAYDESK_DYNLIB_H

#include "err.h"

/* One symbol: its name and the pointer its address goes into. */
struct dynlib_sym {
	const char *name;
	void **addr;
};

/* A library loaded on demand. Static in the module that uses it. */
struct dynlib {
	const char *soname;  /* "libcurl.so.4": the build's (Makefile) */
	const char *what;    /* what needs it, N_(): "Syncing" */
	enum pd_status code; /* the status of a failure to load it */
	const struct dynlib_sym *syms; /* ended by a NULL name */
	void *handle;                  /* once loaded; never closed */
};

/* Load l's library (RTLD_NOW | RTLD_GLOBAL: aqbanking's plugins look up
 * its symbols) and each of its symbols, once per process, safe from any
 * thread. 0 when loaded (now or before); -1 with l->code and a message
 * naming what needs it, the file and dlerror's reason when the library
 * or one of its symbols is missing (a broken installation: `make deps`
 * installs it). */
int dynlib_load(struct dynlib *l, struct pd_err *err);

/* In a module: DYNLIB_SYMBOLS(name, LIST) declares a pointer dyn_SYM of
 * each symbol's own type for LIST's X(SYM) entries and the table
 * name_syms[] for struct dynlib; the module then defines each SYM as
 * (*dyn_SYM) after the library's header, so its calls stay as written. */
#define DYNLIB_PTR_(s) static __typeof__(s) *dyn_##s;
#define DYNLIB_ROW_(s) {#s, (void **)&dyn_##s},
#define DYNLIB_SYMBOLS(name, LIST)                                             \
	LIST(DYNLIB_PTR_)                                                      \
	DYNLIB_TABLE(name, LIST)
#define DYNLIB_TABLE(name, LIST)                                               \
	static const struct dynlib_sym name##_syms[] = {                       \
	    LIST(DYNLIB_ROW_){NULL, NULL}}

/* Several modules over one library: a shared header declares the
 * pointers with LIST(DYNLIB_EXTERN_) and defines each SYM as (*dyn_SYM);
 * one module defines them with LIST(DYNLIB_DEFINE_) and makes the table
 * with DYNLIB_TABLE(name, LIST) (src/doc/doclibs.h). */
#define DYNLIB_EXTERN_(s) extern __typeof__(s) *dyn_##s;
#define DYNLIB_DEFINE_(s) __typeof__(s) *dyn_##s;

#endif
