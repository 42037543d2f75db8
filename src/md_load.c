/* md_load.c: md4c loaded when the first Markdown file is read. Linked in,
 * it is one more shared library mapped and relocated at every start of
 * lectern (some 0.2 ms of a first screen's 7), Markdown or not. The
 * soname is the one of the library the build found (LECTERN_MD4C_SONAME,
 * from the Makefile), as the linker would have recorded it; md4c's ABI
 * is its major version. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "lectern/markdown.h"

#ifndef LECTERN_MD4C_SONAME
#define LECTERN_MD4C_SONAME	"libmd4c.so.0"
#endif

static md_parse_fn *parse;
static char why[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Loads md4c from soname; NULL, with why in err, if it cannot be had. */
static md_parse_fn *
md_load(const char *soname, char *err, size_t errlen)
{
	md_parse_fn *f;
	const char *e;
	void *h;

	if ((h = dlopen(soname, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		e = dlerror();
		snprintf(err, errlen, "%s", e != NULL ? e : soname);
		return NULL;
	}
	if ((*(void **)&f = dlsym(h, "md_parse")) == NULL) {
		snprintf(err, errlen, "%s has no md_parse", soname);
		dlclose(h);
		return NULL;
	}
	return f;
}

static void
load_once(void)
{
	parse = md_load(LECTERN_MD4C_SONAME, why, sizeof why);
}

md_parse_fn *
md_parser(void)
{
	pthread_once(&once, load_once);
	return parse;
}

const char *
md_parser_error(void)
{
	return why;
}
