/* render.c: plain-text outputs for pipes, scripts and tests. */
#include <stdio.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/render.h"
#include "lectern/text.h"
#include "lectern/util.h"

/* A line being put together, clipped at a width. */
struct dump_line {
	struct buf	 buf;
	int		 cols, width;
};

static void
add_piece(void *arg, const uint8_t *text, size_t n, int cols,
    enum layout_style style, size_t src)
{
	struct dump_line *l = arg;

	(void)style;
	(void)src;
	if (l->cols + cols > l->width)
		return;
	buf_add(&l->buf, text, n);
	l->cols += cols;
}

int
render_dump(const struct doc *d, int width, FILE *f)
{
	struct layout_block lb = { NULL, 0, 0 };
	struct dump_line line;
	size_t b, i;

	memset(&line, 0, sizeof line);
	line.width = width;
	for (b = 0; b < d->nblocks; b++) {
		layout_block(d, b, width, &lb);
		for (i = 0; i < lb.nlines; i++) {
			buf_reset(&line.buf);
			line.cols = 0;
			layout_walk(d, &lb.lines[i], add_piece, &line);
			while (line.buf.len > 0 &&
			    line.buf.data[line.buf.len - 1] == ' ')
				line.buf.len--;
			fwrite(buf_str(&line.buf), 1, line.buf.len, f);
			fputc('\n', f);
		}
	}
	layout_block_free(&lb);
	buf_free(&line.buf);
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

int
render_blocks(const struct doc *d, FILE *f)
{
	size_t i, n;

	for (i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];

		fprintf(f, "%zu\t%s", i, doc_kind_name(b->kind));
		if (b->kind == DOC_HEADING || b->kind == DOC_BULLET)
			fprintf(f, " %d", b->level);
		fputc('\t', f);
		if (b->speaker >= 0)
			render_safe(f, (const unsigned char *)
			    d->speakers[b->speaker].name,
			    strlen(d->speakers[b->speaker].name));
		fputc('\t', f);
		n = b->tend - b->tstart > 60 ? 60 : b->tend - b->tstart;
		while (n > 0 && n < b->tend - b->tstart &&
		    (d->src[b->tstart + n] & 0xC0) == 0x80)
			n--;
		render_safe(f, d->src + b->tstart, n);
		fputc('\n', f);
	}
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}
