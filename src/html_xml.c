/* html_xml.c: libxml2 loaded on demand. Linked in, it and the ICU and C++
 * libraries it needs cost every start of lectern some 5 ms and 3 MB of
 * memory (relocations and C++ static constructors), web page or not;
 * loaded with dlopen(3) it costs them only to a reader of a web page.
 * The soname is the one of the library the build found (LECTERN_XML_SONAME,
 * from the Makefile), as the linker would have recorded it, and the
 * loaded library must be of the major version whose headers were used. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlversion.h>

#include "html_xml.h"

#ifndef LECTERN_XML_SONAME
#define LECTERN_XML_SONAME	"libxml2.so.2"
#endif

static struct html_xml xml;
static const struct html_xml *loaded;
static char why[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

const struct html_xml *
html_xml_load(const char *soname, char *err, size_t errlen)
{
	struct html_xml x;
	const char *const *version;
	const char *e;
	void *h;

	if ((h = dlopen(soname, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		e = dlerror();
		snprintf(err, errlen, "%s", e != NULL ? e : soname);
		return NULL;
	}
	/* "20914" for 2.9.14: the major version is what the ABI keeps. */
	version = dlsym(h, "xmlParserVersion");
	if (version == NULL || *version == NULL ||
	    atoi(*version) / 10000 != LIBXML_VERSION / 10000) {
		snprintf(err, errlen, "%s is version %s, not %d", soname,
		    version != NULL && *version != NULL ? *version : "unknown",
		    LIBXML_VERSION / 10000);
		dlclose(h);
		return NULL;
	}
#define X(f) \
	if ((*(void **)&x.f = dlsym(h, #f)) == NULL) { \
		snprintf(err, errlen, "%s has no %s", soname, #f); \
		dlclose(h); \
		return NULL; \
	}
	HTML_XML_FUNCS
#undef X
	xml = x;
	return &xml;
}

static void
load_once(void)
{
	loaded = html_xml_load(LECTERN_XML_SONAME, why, sizeof why);
}

const struct html_xml *
html_xml(void)
{
	pthread_once(&once, load_once);
	return loaded;
}

const char *
html_xml_error(void)
{
	return why;
}
