/* unit_cite.c: unit tests of quoting a block with its attribution. */
#include <stdlib.h>
#include <string.h>

#include "lectern/cite.h"
#include "lectern/doc.h"
#include "lectern/util.h"
#include "unit.h"

static const char talk[] =
    "A Talk\n"
    "By Someone @ 2024-01-01 (+1)\n"
    "\n"
    "First part\n"
    "\n"
    "A quoted line,   with\ttabs.\n"
    "- Ana Lima\n"
    "\n"
    "Bo Chen: Words of a turn.\n";

/* The attribution of the block that starts with s, as a new string. */
static char *
attribution(const struct doc *d, const char *s, enum cite_where where)
{
	struct buf b = { NULL, 0, 0 };
	size_t i = doc_block_at(d, (size_t)(strstr(talk, s) - talk));
	char *r;

	cite_attribution(&b, d, i, where);
	r = xstrdup(buf_str(&b));
	buf_free(&b);
	return r;
}

TEST(cite_attributions)
{
	struct doc *d = unit_parse(talk);
	char *a;

	a = attribution(d, "Bo Chen", CITE_SECTION);
	EXPECT_STR(a, "Bo Chen, in \xE2\x80\x9C" "First part\xE2\x80\x9D");
	free(a);
	a = attribution(d, "Bo Chen", CITE_TITLE);
	EXPECT_STR(a, "Bo Chen, A Talk");
	free(a);
	/* A pull quote: the speaker from its attribution line. */
	a = attribution(d, "A quoted", CITE_TITLE);
	EXPECT_STR(a, "Ana Lima, A Talk");
	free(a);
	/* The title is not attributed to itself. */
	a = attribution(d, "A Talk", CITE_TITLE);
	EXPECT_STR(a, "");
	free(a);
	doc_free(d);
}

TEST(cite_text_one_line)
{
	struct doc *d = unit_parse(talk);
	struct buf b = { NULL, 0, 0 };
	const char *s = strstr(talk, "A quoted");

	cite_text(&b, d, (size_t)(s - talk), (size_t)(s - talk) +
	    strlen("A quoted line,   with\ttabs."));
	EXPECT_STR(buf_str(&b), "A quoted line, with tabs.");
	buf_free(&b);
	doc_free(d);
}
