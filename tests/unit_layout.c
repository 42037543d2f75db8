/* unit_layout.c: unit tests of line breaking. */
#include <stdlib.h>
#include <string.h>

#include "lectern/layout.h"
#include "lectern/util.h"
#include "unit.h"

/* The lines layout_wrap makes, joined with '|'. */
struct joined {
	struct buf	 b;
	const char	*src;
};

static void
join(void *arg, size_t s, size_t e, int cols)
{
	struct joined *j = arg;

	(void)cols;
	if (j->b.len > 0)
		buf_addc(&j->b, '|');
	buf_add(&j->b, j->src + s, e - s);
}

static char *
wrap(const char *s, int width)
{
	struct joined w = { { NULL, 0, 0 }, s };
	char *r;

	layout_wrap((const uint8_t *)s, 0, strlen(s), width, width, join, &w);
	r = xstrdup(buf_str(&w.b));
	buf_free(&w.b);
	return r;
}

/* Unicode's rule LB29: no break between a full stop (or a comma, colon
 * or semicolon) and a letter, so that example.com never reads as the end
 * of a sentence. */
TEST(wrap_lb29)
{
	char *r;
	int w;

	for (w = 16; w <= 40; w++) {
		r = wrap("I read about it on ai-alignment.com. Yeah, it is a "
		    "site about example.com and more, 1,5 or e.g.this.", w);
		EXPECT(strstr(r, ".|com") == NULL);
		EXPECT(strstr(r, ".|this") == NULL);
		free(r);
	}
	/* An address longer than the line breaks there, not anywhere. */
	r = wrap("see alignment.com.", 12);
	EXPECT_STR(r, "see|alignment.|com.");
	free(r);
	/* A break after a sentence's full stop and a space stays. */
	r = wrap("One two. Three four.", 9);
	EXPECT_STR(r, "One two.|Three|four.");
	free(r);
}
