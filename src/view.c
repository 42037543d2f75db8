/* view.c: scrolling over a lazily laid-out document. */
#include <stdlib.h>

#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/util.h"
#include "lectern/view.h"

struct view *
view_new(const struct doc *d, int width, int rows)
{
	struct view *v;

	v = xcalloc(1, sizeof *v);
	v->doc = d;
	v->width = width < 1 ? 1 : width;
	v->rows = rows < 1 ? 1 : rows;
	v->lc = layout_cache_new(d, v->width);
	v->filter = -1;
	return v;
}

void
view_free(struct view *v)
{
	if (v == NULL)
		return;
	layout_cache_free(v->lc);
	free(v);
}

int
view_visible(const struct view *v, size_t b)
{
	const struct doc_block *blk = &v->doc->blocks[b];

	/* Headings stay, and so do an archive's episode titles. */
	return v->filter < 0 || blk->kind == DOC_HEADING ||
	    (blk->kind == DOC_TITLE && v->doc->nepisodes > 0) ||
	    blk->speaker == v->filter;
}

/* Lines of block b as shown: none when it is filtered out. */
static size_t
nlines(struct view *v, size_t b)
{
	return view_visible(v, b) ? layout_cache_get(v->lc, b)->nlines : 0;
}

/* The first shown block at or after b (nblocks when none). */
static size_t
shown_from(struct view *v, size_t b)
{
	while (b < v->doc->nblocks && !view_visible(v, b))
		b++;
	return b;
}

const struct layout_line *
view_line(struct view *v, struct view_pos p)
{
	if (p.block >= v->doc->nblocks)
		return NULL;
	return &layout_cache_get(v->lc, p.block)->lines[p.line];
}

int
view_next(struct view *v, struct view_pos *p)
{
	size_t b;

	if (p->block >= v->doc->nblocks)
		return 0;
	if (p->line + 1 < nlines(v, p->block)) {
		p->line++;
		return 1;
	}
	if ((b = shown_from(v, p->block + 1)) >= v->doc->nblocks)
		return 0;
	p->block = b;
	p->line = 0;
	return 1;
}

int
view_prev(struct view *v, struct view_pos *p)
{
	size_t b;

	if (p->line > 0) {
		p->line--;
		return 1;
	}
	for (b = p->block; b > 0; b--)
		if (nlines(v, b - 1) > 0) {
			p->block = b - 1;
			p->line = nlines(v, p->block) - 1;
			return 1;
		}
	return 0;
}

/* The highest top that keeps the pane full: rows-1 lines above the last. */
static struct view_pos
max_top(struct view *v)
{
	struct view_pos p = { 0, 0 };
	int i;

	if (v->doc->nblocks == 0)
		return p;
	p.block = v->doc->nblocks;
	while (p.block > 0 && nlines(v, p.block - 1) == 0)
		p.block--;
	if (p.block == 0)
		return p;
	p.block--;
	p.line = nlines(v, p.block) - 1;
	for (i = 1; i < v->rows && view_prev(v, &p); i++)
		;
	return p;
}

static int
pos_cmp(struct view_pos a, struct view_pos b)
{
	if (a.block != b.block)
		return a.block < b.block ? -1 : 1;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return 0;
}

/* The lines from p on, counted up to max: a pane's worth of them, laid
 * out for the drawing anyway, tells where the top stands to max_top
 * without laying out the end of the document. */
static int
lines_from(struct view *v, struct view_pos p, int max)
{
	int n = 1;

	if (p.block >= v->doc->nblocks)
		return 0;
	while (n < max && view_next(v, &p))
		n++;
	return n;
}

/* Pulls the top back so that the pane stays full. */
static void
clamp(struct view *v)
{
	struct view_pos m;

	if (lines_from(v, v->top, v->rows) == v->rows)
		return;
	m = max_top(v);
	if (pos_cmp(v->top, m) > 0)
		v->top = m;
}

long
view_scroll(struct view *v, long n)
{
	struct view_pos m;
	long moved = 0;

	v->anchored = 0;
	if (n > 0) {
		m = max_top(v);
		while (moved < n && pos_cmp(v->top, m) < 0 &&
		    view_next(v, &v->top))
			moved++;
	} else {
		while (moved < -n && view_prev(v, &v->top))
			moved++;
		moved = -moved;
	}
	return moved;
}

void
view_to_top(struct view *v)
{
	v->anchored = 0;
	v->top.block = shown_from(v, 0);
	v->top.line = 0;
	if (v->top.block >= v->doc->nblocks)
		v->top.block = 0;
	else if (v->top.block > 0 && nlines(v, v->top.block) > 1)
		v->top.line = 1;	/* not the blank line before it */
}

void
view_to_end(struct view *v)
{
	v->anchored = 0;
	v->top = max_top(v);
}

void
view_show_block(struct view *v, size_t b)
{
	const struct layout_block *lb;

	if ((b = shown_from(v, b)) >= v->doc->nblocks)
		return;
	v->anchored = 0;
	lb = layout_cache_get(v->lc, b);
	v->top.block = b;
	v->top.line = lb->nlines > 1 && lb->lines[0].kind == LAYOUT_BLANK;
	clamp(v);
}

void
view_show_offset(struct view *v, size_t off)
{
	const struct layout_block *lb;
	size_t b, i;
	int seen;

	if (v->doc->nblocks == 0)
		return;
	v->anchored = 0;
	b = doc_block_at(v->doc, off);
	if (!view_visible(v, b)) {
		view_show_block(v, b);
		return;
	}
	lb = layout_cache_get(v->lc, b);
	v->top.block = b;
	v->top.line = 0;
	for (i = 0, seen = 0; i < lb->nlines; i++) {
		if (lb->lines[i].kind != LAYOUT_TEXT)
			continue;
		if (lb->lines[i].start > off && seen)
			break;
		v->top.line = i;
		seen = 1;
	}
	clamp(v);
}

struct view_place
view_place(struct view *v)
{
	const struct layout_line *l = view_line(v, v->top);
	struct view_place p = { 0, LAYOUT_TEXT };

	if (l == NULL)
		return p;
	p.kind = l->kind;
	p.off = l->kind == LAYOUT_TEXT && !l->first ? l->start :
	    v->doc->blocks[l->block].start;
	return p;
}

/* Shows place p at the top, as near as the layout allows. */
static void
show_place(struct view *v, struct view_place p)
{
	const struct layout_block *lb;
	size_t b, i;

	if (p.kind == LAYOUT_TEXT) {
		view_show_offset(v, p.off);
		return;
	}
	b = doc_block_at(v->doc, p.off);
	if (!view_visible(v, b)) {
		view_show_block(v, b);
		return;
	}
	lb = layout_cache_get(v->lc, b);
	for (i = 0; i < lb->nlines; i++)
		if (lb->lines[i].kind == p.kind)
			break;
	if (i == lb->nlines) {
		view_show_offset(v, p.off);
		return;
	}
	v->top.block = b;
	v->top.line = i;
	clamp(v);
}

void
view_restore(struct view *v, struct view_place p)
{
	if (v->doc->nblocks == 0)
		return;
	show_place(v, p);
	/* The place is where the reader is: resizes keep it, not the line
	 * that shows it at this width. */
	v->anchor = p;
	v->anchored = 1;
}

int
view_place_eq(struct view_place a, struct view_place b)
{
	return a.off == b.off && a.kind == b.kind;
}

void
view_resize(struct view *v, int width, int rows)
{
	if (width < 1)
		width = 1;
	if (rows < 1)
		rows = 1;
	if (!v->anchored && v->doc->nblocks > 0) {
		v->anchor = view_place(v);
		v->anchored = 1;
	}
	if (width != v->width)
		layout_cache_reset(v->lc, width);
	v->width = width;
	v->rows = rows;
	if (v->doc->nblocks == 0)
		return;
	view_restore(v, v->anchor);
}

/* Lays out again with flags, keeping the place at the top. */
static void
relayout(struct view *v, int flags)
{
	struct view_place p;

	if (v->doc->nblocks == 0) {
		layout_cache_set_flags(v->lc, flags);
		return;
	}
	p = v->anchored ? v->anchor : view_place(v);
	if (flags != layout_cache_flags(v->lc))
		layout_cache_set_flags(v->lc, flags);
	else
		layout_cache_reset(v->lc, v->width);
	view_restore(v, p);
}

void
view_set_flags(struct view *v, int flags)
{
	if (flags == layout_cache_flags(v->lc))
		return;
	/* At the document's very top (a new view), the top stays. */
	if (v->top.block == 0 && v->top.line == 0 && !v->anchored)
		layout_cache_set_flags(v->lc, flags);
	else
		relayout(v, flags);
}

void
view_relayout(struct view *v)
{
	relayout(v, layout_cache_flags(v->lc));
}

int
view_at_top(struct view *v)
{
	struct view_pos p = v->top;
	const struct layout_line *l;

	if (!view_prev(v, &p))
		return 1;
	/* Only the blank line before the first shown block is above. */
	l = view_line(v, p);
	return !view_prev(v, &p) && l->kind == LAYOUT_BLANK &&
	    p.block == v->top.block && v->filter >= 0;
}

void
view_set_filter(struct view *v, int speaker)
{
	size_t off = view_top_offset(v);

	v->filter = speaker;
	view_show_offset(v, off);
	/* Nothing shown after that place: the last that is. */
	if (v->doc->nblocks > 0 && !view_visible(v, v->top.block))
		view_to_end(v);
}

int
view_at_end(struct view *v)
{
	return doc_complete(v->doc) &&
	    lines_from(v, v->top, v->rows + 1) <= v->rows &&
	    pos_cmp(v->top, max_top(v)) >= 0;
}

size_t
view_top_offset(struct view *v)
{
	return view_place(v).off;
}

size_t
view_bottom_offset(struct view *v)
{
	struct view_pos p = v->top;
	const struct layout_line *l;
	int i;

	if (v->doc->nblocks == 0)
		return 0;
	for (i = 1; i < v->rows && view_next(v, &p); i++)
		;
	l = view_line(v, p);
	/* A blank line shows nothing of its block yet; a rule ends it. */
	if (l->kind == LAYOUT_TEXT)
		return l->end;
	return l->kind == LAYOUT_BLANK ? v->doc->blocks[l->block].start :
	    v->doc->blocks[l->block].end;
}

int
view_percent(struct view *v)
{
	size_t len = v->doc->len;
	int pc;

	if (view_at_end(v) || len == 0)
		return 100;
	pc = (int)((double)view_bottom_offset(v) * 100 / (double)len);
	return pc > 99 ? 99 : pc;
}

size_t
view_top_block(struct view *v)
{
	return v->top.block;
}
