/* render.c: plain-text outputs for pipes, scripts and tests. */
#include <stdio.h>
#include <string.h>

#include "lectern/cite.h"
#include "lectern/contents.h"
#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/render.h"
#include "lectern/search.h"
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
	return render_dump_flags(d, width, LAYOUT_F_TIMES, f);
}

int
render_dump_flags(const struct doc *d, int width, int flags, FILE *f)
{
	struct layout_block lb = { NULL, 0, 0 };
	struct dump_line line;
	size_t b, i;

	memset(&line, 0, sizeof line);
	line.width = width;
	for (b = 0; b < d->nblocks; b++) {
		layout_block_flags(d, b, width, flags, &lb);
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
	struct contents_row row;
	const struct doc_block *b;
	const uint8_t *title;
	char t[32];
	size_t r, n;
	int i;

	for (r = 0; r < contents_rows(d); r++) {
		contents_row(d, r, &row);
		b = &d->blocks[row.block];
		for (i = 0; i < row.depth; i++)
			fputs("  ", f);
		title = contents_title(d, &row, &n);
		render_safe(f, title, n);
		if (b->time != DOC_NO_TIME)
			fprintf(f, "\t%s", doc_format_time(b->time, 1, t,
			    sizeof t));
		fputc('\n', f);
	}
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

int
render_speakers(struct doc *d, FILE *f)
{
	size_t i;

	doc_count_speaker_words(d);
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
	char t[32];
	size_t i, n;

	/* What the input was read as: the format, and what its reader
	 * noticed (an encoding, the element a page's text came from). */
	fprintf(f, "# format: %s", doc_format_name(d));
	if (d->encoding != NULL)
		fprintf(f, "; converted from %s", d->encoding);
	if (d->detail != NULL) {
		fputs("; ", f);
		render_safe(f, (const unsigned char *)d->detail,
		    strlen(d->detail));
	}
	fputc('\n', f);
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
		if (b->time != DOC_NO_TIME)
			fprintf(f, "\t@%s", doc_format_time(b->time, 1, t,
			    sizeof t));
		fputc('\n', f);
	}
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

/* Writes the path of headings down to section sec: "A > B". */
static void
section_path(const struct doc *d, int sec, FILE *f)
{
	const struct doc_block *h;

	if (sec < 0)
		return;
	if (d->sections[sec].parent >= 0) {
		section_path(d, d->sections[sec].parent, f);
		fputs(" > ", f);
	}
	h = &d->blocks[d->sections[sec].heading];
	render_safe(f, d->src + h->tstart, h->tend - h->tstart);
}

/* Moves back from off over at most cols display columns of the text
 * starting at lo, stopping at a space where it can. Returns a place in
 * [lo, off] (off when off is not past lo). */
static size_t
excerpt_start(const struct doc *d, size_t lo, size_t off, size_t cols)
{
	size_t p = off, w = 0, sp = off, n;

	if (off <= lo)
		return off;
	while (p > lo && w < cols) {
		p--;
		while (p > lo && (d->src[p] & 0xC0) == 0x80)
			p--;
		/* The character's length as its first byte says, but never
		 * past where the walk started (a bad byte can say 4 at the
		 * end of the text). */
		n = 1 + (d->src[p] >= 0xC0 ? (d->src[p] >= 0xF0 ? 3 :
		    d->src[p] >= 0xE0 ? 2 : 1) : 0);
		w += text_width(d->src + p, n < off - p ? n : off - p);
		if (d->src[p] == ' ')
			sp = p + 1;
	}
	return p == lo ? lo : sp;
}

/* Moves forward from off over at most cols columns, ending at a space.
 * Returns a place in [off, hi] (off when off is not before hi). */
static size_t
excerpt_end(const struct doc *d, size_t off, size_t hi, size_t cols)
{
	struct text_glyph g;
	size_t p = off, w = 0, sp = off;

	if (off >= hi)
		return off;
	while (p < hi && w < cols) {
		p += text_glyph(d->src + p, hi - p, &g);
		w += (size_t)g.width;
		if (g.kind == TEXT_SPACE)
			sp = p - 1;
	}
	return p >= hi ? hi : sp;
}

static size_t
clamp(size_t v, size_t lo, size_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int	 grep_line(const struct doc *, size_t, size_t, size_t, int,
		    uint32_t, FILE *);

/* Adds one of --grep's own marks (an ellipsis, a quote around the match)
 * through the same mapping as the text: in a locale that is not UTF-8 it
 * becomes its ASCII stand-in ("...", "<<", ">>"). */
static void
mark(struct buf *b, const char *utf8)
{
	text_sanitize(b, (const uint8_t *)utf8, strlen(utf8));
}

/* The time of blocks asked for in document order (as the matches come):
 * the last time at or before the block, found by walking on. */
struct time_walk {
	size_t		 next;		/* the next block to look at */
	uint32_t	 time;		/* the last time before it */
};

static uint32_t
time_walk(const struct doc *d, struct time_walk *w, size_t b)
{
	if (d->maxtime == DOC_NO_TIME)
		return DOC_NO_TIME;
	if (b < w->next) {
		if (b + 1 == w->next)
			return w->time;
		w->next = 0;
		w->time = DOC_NO_TIME;
	}
	for (; w->next <= b; w->next++)
		if (d->blocks[w->next].time != DOC_NO_TIME)
			w->time = d->blocks[w->next].time;
	return w->time;
}

int
render_grep_match(const struct doc *d, size_t b, size_t s, size_t e,
    int color, FILE *f)
{
	return grep_line(d, b, s, e, color, DOC_NO_TIME, f);
}

/* Writes render_grep's line for a match, with the time (ms) before the
 * speaker unless it is DOC_NO_TIME. */
static int
grep_line(const struct doc *d, size_t b, size_t s, size_t e, int color,
    uint32_t time, FILE *f)
{
	const struct doc_block *blk;
	struct buf line = { NULL, 0, 0 };
	const struct doc_block *ep;
	size_t lo, hi, a, z;

	if (b >= d->nblocks)
		return -1;
	blk = &d->blocks[b];
	/* In an archive the path starts at the episode (with a title). */
	if ((ep = contents_episode_title(d, b)) != NULL) {
		render_safe(f, d->src + ep->tstart, ep->tend - ep->tstart);
		if (blk->section >= 0)
			fputs(" > ", f);
	}
	section_path(d, blk->section, f);
	if (blk->section < 0 && ep == NULL)
		fputs("(top)", f);
	fputs(": ", f);
	if (time != DOC_NO_TIME && cite_time(&line, d, time)) {
		fwrite(buf_str(&line), 1, line.len, f);
		fputc(' ', f);
		buf_reset(&line);
	}
	if (blk->speaker >= 0) {
		render_safe(f, (const unsigned char *)
		    d->speakers[blk->speaker].name,
		    strlen(d->speakers[blk->speaker].name));
		fputs(": ", f);
	}
	/* The excerpt stays in the block (its label and text), whatever the
	 * span: lo <= a <= s <= e <= z <= hi. */
	lo = blk->lend > blk->lstart && blk->lstart < blk->tstart &&
	    s < blk->tstart ? blk->lstart : blk->tstart;
	hi = blk->tend > lo ? blk->tend : lo;
	if (hi > d->len)
		hi = d->len;
	if (lo > hi)
		lo = hi;
	s = clamp(s, lo, hi);
	e = clamp(e, s, hi);
	a = excerpt_start(d, lo, s, 30);
	z = excerpt_end(d, e, hi, 30);
	if (a > lo)
		mark(&line, "\xE2\x80\xA6");
	text_sanitize(&line, d->src + a, s - a);
	if (color)
		buf_adds(&line, "\033[1;7m");
	else
		mark(&line, "\xC2\xAB");
	text_sanitize(&line, d->src + s, e - s);
	if (color)
		buf_adds(&line, "\033[m");
	else
		mark(&line, "\xC2\xBB");
	text_sanitize(&line, d->src + e, z - e);
	if (z < hi)
		mark(&line, "\xE2\x80\xA6");
	fwrite(buf_str(&line), 1, line.len, f);
	fputc('\n', f);
	buf_free(&line);
	return ferror(f) ? -1 : 0;
}

int
render_grep(const struct doc *d, struct search_query *q, int color,
    FILE *f)
{
	return render_grep_flags(d, q, color, LAYOUT_F_TIMES, f);
}

int
render_grep_flags(const struct doc *d, struct search_query *q, int color,
    int flags, FILE *f)
{
	struct search_index *x = search_index_new(d);
	struct search_result r = SEARCH_RESULT_INIT;
	struct time_walk tw = { 0, DOC_NO_TIME };
	size_t i, s, e, b;

	search_run(x, q, NULL, &r);
	for (i = 0; i < r.n; i++) {
		search_source(x, &r.m[i], &s, &e);
		b = search_block(x, &r.m[i]);
		grep_line(d, b, s, e, color, (flags & LAYOUT_F_TIMES) ?
		    time_walk(d, &tw, b) : DOC_NO_TIME, f);
	}
	search_result_free(&r);
	search_index_free(x);
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}
