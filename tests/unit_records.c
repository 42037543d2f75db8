/* unit_records.c: unit tests of the readers of court transcripts,
 * hearings, plays and screenplays, and of the layout of blocks that keep
 * their lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/util.h"
#include "unit.h"

/* The text lines of block b laid out at width, joined with '|'. */
static char *
layout_text(const struct doc *d, size_t b, int width)
{
	struct layout_block lb = { NULL, 0, 0 };
	struct buf out = { NULL, 0, 0 };
	size_t i;

	layout_block(d, b, width, &lb);
	for (i = 0; i < lb.nlines; i++) {
		if (lb.lines[i].kind != LAYOUT_TEXT)
			continue;
		if (out.len > 0)
			buf_addc(&out, '|');
		buf_add(&out, d->src + lb.lines[i].start,
		    lb.lines[i].end - lb.lines[i].start);
	}
	layout_block_free(&lb);
	return xstrdup(buf_str(&out));
}

TEST(layout_keeps_lines)
{
	struct doc *d = unit_parse("Title\n\nSome words here that run on\n"
	    "and on past one line\n\nAnd more words here to wrap\n"
	    "onto a second line\n\nMore\n");
	size_t b;
	char *s;

	for (b = 0; b < d->nblocks; b++)
		if (memchr(d->src + d->blocks[b].tstart, '\n',
		    d->blocks[b].tend - d->blocks[b].tstart) != NULL)
			break;
	EXPECT(b < d->nblocks);
	if (b == d->nblocks) {
		doc_free(d);
		return;
	}
	/* Wrapped as one paragraph... */
	s = layout_text(d, b, 80);
	EXPECT(strchr(s, '|') == NULL);
	free(s);
	/* ...or line by line, each line wrapped on its own. */
	d->blocks[b].lines = 1;
	s = layout_text(d, b, 80);
	EXPECT_STR(s, "Some words here that run on|and on past one line");
	free(s);
	s = layout_text(d, b, 12);
	EXPECT_STR(s, "Some words|here that|run on|and on past|one line");
	free(s);
	doc_free(d);
}
