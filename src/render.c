/* render.c: plain-text outputs for pipes, scripts and tests. */
#include <stdio.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/render.h"
#include "lectern/text.h"
#include "lectern/util.h"

static void
add_piece(void *arg, const uint8_t *text, size_t n, int cols,
    enum layout_style style, size_t src)
{
	(void)cols;
	(void)style;
	(void)src;
	buf_add(arg, text, n);
}

int
render_dump(const struct doc *d, int width, FILE *f)
{
	struct layout_block lb = { NULL, 0, 0 };
	struct buf line = { NULL, 0, 0 };
	size_t b, i;

	for (b = 0; b < d->nblocks; b++) {
		layout_block(d, b, width, &lb);
		for (i = 0; i < lb.nlines; i++) {
			buf_reset(&line);
			layout_walk(d, &lb.lines[i], add_piece, &line);
			while (line.len > 0 && line.data[line.len - 1] == ' ')
				line.len--;
			fwrite(line.data == NULL ? "" : line.data, 1, line.len,
			    f);
			fputc('\n', f);
		}
	}
	layout_block_free(&lb);
	buf_free(&line);
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

void
render_safe(FILE *f, const unsigned char *s, size_t n)
{
	struct buf b = { NULL, 0, 0 };

	text_sanitize(&b, s, n);
	fwrite(buf_str(&b), 1, b.len, f);
	buf_free(&b);
}

int
render_outline(const struct doc *d, FILE *f)
{
	size_t i;
	int p;

	for (i = 0; i < d->nsections; i++) {
		const struct doc_block *b = &d->blocks[d->sections[i].heading];

		for (p = d->sections[i].parent; p >= 0;
		    p = d->sections[p].parent)
			fputs("  ", f);
		render_safe(f, d->src + b->tstart, b->tend - b->tstart);
		fputc('\n', f);
	}
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

int
render_speakers(const struct doc *d, FILE *f)
{
	size_t i;

	for (i = 0; i < d->nspeakers; i++) {
		const struct doc_speaker *s = &d->speakers[i];

		render_safe(f, (const unsigned char *)s->name, strlen(s->name));
		fprintf(f, "\t%zu\t%zu\n", s->turns, s->words);
	}
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}
