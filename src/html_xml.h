/* html_xml.h: libxml2, loaded when the first web page is read. The
 * functions of it that html_tree.c calls, typed from libxml2's own
 * headers. */
#ifndef LECTERN_HTML_XML_H
#define LECTERN_HTML_XML_H

#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#define HTML_XML_FUNCS \
	X(htmlNewParserCtxt) \
	X(htmlFreeParserCtxt) \
	X(htmlCtxtUseOptions) \
	X(htmlParseDocument) \
	X(xmlParserInputBufferCreateIO) \
	X(xmlFreeParserInputBuffer) \
	X(xmlNewIOInputStream) \
	X(xmlSwitchEncoding) \
	X(xmlStopParser) \
	X(inputPush)

struct html_xml {
#define X(f) __typeof__(f) *f;
	HTML_XML_FUNCS
#undef X
};

/* The library, loaded at the first call (from its soname: NULL for the
 * one lectern was built with); NULL, with why in err, if it cannot be
 * had. Later calls return what the first did. */
const struct html_xml *html_xml(void);
const struct html_xml *html_xml_load(const char *soname, char *err,
		    size_t errlen);

/* Why html_xml() gave NULL. */
const char	*html_xml_error(void);

#endif
