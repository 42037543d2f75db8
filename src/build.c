/* build.c: the document model as format readers fill it. */
#include <sys/mman.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/pages.h"
#include "lectern/util.h"

#define LARGE_TEXT	(4u << 20)	/* a text worth large pages */

void
build_begin(struct doc *d)
{
	d->build = xcalloc(1, sizeof *d->build);
	d->build->turn = -1;
}

void
build_own_text(struct doc *d)
{
	d->build->own = 1;
	d->src = (const uint8_t *)"";
	d->len = 0;
}

void
build_reserve(struct doc *d, size_t n)
{
	struct buf *b = &d->build->text;
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t a, z;

	UTIL_GROW(b->data, b->cap, n + 1);
#ifdef MADV_HUGEPAGE
	/* A large text in huge pages takes far fewer faults as it is
	 * written. */
	a = ((uintptr_t)b->data + huge - 1) & ~(huge - 1);
	z = ((uintptr_t)b->data + b->cap) & ~(huge - 1);
	if (z > a && z - a >= 2 * huge)
		(void)madvise((void *)a, z - a, MADV_HUGEPAGE);
#endif
}

#define PREFAULT_AHEAD	(8u << 20)	/* bytes faulted in past the writing */
#define PREFAULT_MIN	(16u << 20)	/* a text worth a thread */

void
build_prefault_begin(struct doc *d)
{
	struct doc_build *b = d->build;

	if (b != NULL && b->prefault != NULL) {
		if (!pages_ahead_gone(b->prefault))
			return;
		build_prefault_end(d);
	}
	if (b == NULL || !b->own || b->text.cap - b->text.len < PREFAULT_MIN)
		return;
	b->prefault = pages_ahead_start(b->text.data, b->text.cap,
	    b->text.len, PREFAULT_AHEAD, PAGES_WRITE);
}

void
build_prefault_end(struct doc *d)
{
	struct doc_build *b = d->build;

	if (b == NULL)
		return;
	pages_ahead_stop(b->prefault);
	b->prefault = NULL;
}

/* Ends the span of the styles in force at the end of the text. */
static void
close_span(struct doc *d)
{
	struct doc_build *b = d->build;
	struct doc_span *sp;

	if (b->style == 0 || b->text.len <= b->style_start)
		return;
	if (d->nspans > 0) {
		sp = &d->spans[d->nspans - 1];
		if (sp->end == b->style_start && sp->kinds == b->style) {
			sp->end = b->text.len;
			return;
		}
	}
	UTIL_GROW(d->spans, d->capspans, d->nspans + 1);
	sp = &d->spans[d->nspans++];
	sp->start = b->style_start;
	sp->end = b->text.len;
	sp->kinds = b->style;
}

void
build_style(struct doc *d, unsigned kinds)
{
	struct doc_build *b = d->build;

	if (kinds == b->style)
		return;
	close_span(d);
	b->style = kinds;
	b->style_start = b->text.len;
}

size_t
build_text(struct doc *d, const void *p, size_t n)
{
	struct doc_build *b = d->build;
	size_t at = b->text.len;

	if (n > 0) {
		/* The text may move: no thread in its pages. */
		if (b->prefault != NULL && b->text.len + n >= b->text.cap)
			build_prefault_end(d);
		buf_add(&b->text, p, n);
		d->src = (const uint8_t *)b->text.data;
		d->len = b->text.len;
		pages_ahead_at(b->prefault, b->text.len);
	}
	return at;
}

size_t
build_texts(struct doc *d, const char *s)
{
	return build_text(d, s, strlen(s));
}

size_t
build_len(const struct doc *d)
{
	return d->build->text.len;
}

void
build_trim(struct doc *d, size_t min)
{
	struct doc_build *b = d->build;

	while (b->text.len > min && (b->text.data[b->text.len - 1] == ' ' ||
	    b->text.data[b->text.len - 1] == '\n' ||
	    b->text.data[b->text.len - 1] == '\t'))
		b->text.len--;
	if (b->text.len > 0)
		b->text.data[b->text.len] = '\0';
	d->len = b->text.len;
	/* Spans end where the text does. */
	while (d->nspans > 0 && d->spans[d->nspans - 1].start >= b->text.len)
		d->nspans--;
	if (d->nspans > 0 && d->spans[d->nspans - 1].end > b->text.len)
		d->spans[d->nspans - 1].end = b->text.len;
	if (b->style_start > b->text.len)
		b->style_start = b->text.len;
}

struct build_piece
build_piece(size_t s, size_t e)
{
	struct build_piece p;

	memset(&p, 0, sizeof p);
	p.start = p.tstart = s;
	p.end = p.tend = e;
	p.lstart = p.lend = s;
	p.time = DOC_NO_TIME;
	return p;
}

size_t
build_block(struct doc *d, enum doc_block_kind kind,
    const struct build_piece *p)
{
	struct doc_build *bs = d->build;
	struct doc_block *b;

	UTIL_GROW(d->blocks, d->capblocks, d->nblocks + 1);
	b = &d->blocks[d->nblocks];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->level = p->level;
	b->start = p->start;
	b->end = p->end;
	b->tstart = p->tstart;
	b->tend = p->tend;
	b->lstart = p->lstart;
	b->lend = p->lend;
	b->speaker = -1;
	b->turn = -1;
	b->time = p->time;
	/* The latest time so far, for a reader showing a document that is
	 * still being read. */
	if (p->time != DOC_NO_TIME && (d->maxtime == DOC_NO_TIME ||
	    p->time > d->maxtime))
		d->maxtime = p->time;
	b->section = bs->depth > 0 ? bs->stack[bs->depth - 1] : -1;
	while (d->npages <= p->start >> DOC_PAGE_SHIFT) {
		UTIL_GROW(d->pages, d->cappages, d->npages + 1);
		d->pages[d->npages++] = (uint32_t)d->nblocks;
	}
	return d->nblocks++;
}

/* Ends the open sections of level or deeper (all of them for level 0),
 * and one at the deepest nesting kept, at the blocks made so far. */
static void
close_sections(struct doc *d, int level)
{
	struct doc_build *bs = d->build;

	while (bs->depth > 0 &&
	    (d->sections[bs->stack[bs->depth - 1]].level >= level ||
	    bs->depth == BUILD_MAX_DEPTH)) {
		d->sections[bs->stack[bs->depth - 1]].end = d->nblocks;
		bs->depth--;
	}
}

size_t
build_heading(struct doc *d, int level, const struct build_piece *p)
{
	struct doc_build *bs = d->build;
	struct build_piece q = *p;
	struct doc_section *sec;
	size_t b;

	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	q.level = level;
	bs->turn = -1;
	close_sections(d, level);
	b = build_block(d, DOC_HEADING, &q);
	UTIL_GROW(d->sections, d->capsections, d->nsections + 1);
	sec = &d->sections[d->nsections];
	sec->heading = b;
	sec->level = level;
	sec->parent = bs->depth > 0 ? bs->stack[bs->depth - 1] : -1;
	sec->end = b + 1;
	bs->stack[bs->depth++] = (int)d->nsections;
	d->blocks[b].section = (int)d->nsections;
	d->nsections++;
	return b;
}

/* Notes that an episode starts at block title, its sections from now. */
static void
add_episode(struct doc *d, size_t title)
{
	UTIL_GROW(d->episodes, d->capepisodes, d->nepisodes + 1);
	d->episodes[d->nepisodes].title = title;
	d->episodes[d->nepisodes].section = d->nsections;
	d->nepisodes++;
}

size_t
build_episode(struct doc *d, const struct build_piece *p)
{
	struct doc_build *bs = d->build;
	size_t b;

	bs->turn = -1;
	close_sections(d, 0);
	/* Nothing before it: it is the first, and a document of one
	 * episode has none. */
	if (d->nblocks == 0)
		return build_block(d, DOC_TITLE, p);
	if (d->nepisodes == 0) {
		add_episode(d, 0);
		d->episodes[0].section = 0;
	}
	b = build_block(d, DOC_TITLE, p);
	add_episode(d, b);
	return b;
}

int
build_speaker(struct doc *d, const uint8_t *name, size_t n)
{
	size_t i;

	/* A name is kept as a C string: one holding a NUL is the part
	 * before it, and is compared as that (past the NUL, the stored
	 * name is shorter than n). */
	n = strnlen((const char *)name, n);
	for (i = d->nspeakers; i-- > 0;)
		if (strncmp(d->speakers[i].name, (const char *)name, n) == 0 &&
		    d->speakers[i].name[n] == '\0')
			return (int)i;
	UTIL_GROW(d->speakers, d->capspeakers, d->nspeakers + 1);
	d->speakers[d->nspeakers].name = xstrndup((const char *)name, n);
	d->speakers[d->nspeakers].turns = 0;
	d->speakers[d->nspeakers].words = 0;
	return (int)d->nspeakers++;
}

void
build_join(struct doc *d, size_t b)
{
	struct doc_build *bs = d->build;
	struct doc_turn *t;

	if (bs->turn < 0)
		return;
	t = &d->turns[bs->turn];
	d->blocks[b].turn = bs->turn;
	d->blocks[b].speaker = t->speaker;
	t->last = b;
}

size_t
build_turn(struct doc *d, int speaker, const struct build_piece *p)
{
	struct doc_build *bs = d->build;
	struct doc_turn *t;
	size_t b;

	d->speakers[speaker].turns++;
	UTIL_GROW(d->turns, d->capturns, d->nturns + 1);
	t = &d->turns[d->nturns];
	t->speaker = speaker;
	b = build_block(d, DOC_TURN, p);
	t->first = t->last = b;
	bs->turn = (int)d->nturns++;
	build_join(d, b);
	return b;
}

size_t
build_para(struct doc *d, const struct build_piece *p)
{
	size_t b = build_block(d, DOC_PARA, p);

	build_join(d, b);
	return b;
}

void
build_end_turn(struct doc *d)
{
	d->build->turn = -1;
}

int
build_turn_speaker(const struct doc *d)
{
	return d->build->turn < 0 ? -1 : d->turns[d->build->turn].speaker;
}

void
build_reach(struct doc *d)
{
	struct doc_build *bs = d->build;
	int i;

	for (i = 0; i < bs->depth; i++)
		d->sections[bs->stack[i]].end = d->nblocks;
}

void
build_detail(struct doc *d, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		util_fatal("out of memory");
	va_end(ap);
	free(d->detail);
	d->detail = s;
}

void
build_finish(struct doc *d)
{
	struct doc_build *bs = d->build;
	size_t b;

	if (bs == NULL)
		return;
	build_prefault_end(d);
	close_span(d);
	close_sections(d, 0);
	d->maxtime = DOC_NO_TIME;
	for (b = 0; b < d->nblocks; b++)
		if (d->blocks[b].time != DOC_NO_TIME &&
		    (d->maxtime == DOC_NO_TIME || d->blocks[b].time > d->maxtime))
			d->maxtime = d->blocks[b].time;
	if (bs->own) {
		/* The text is the document's now: it outlives the builder. */
		d->text = (uint8_t *)bs->text.data;
		d->src = bs->text.len > 0 ? (const uint8_t *)bs->text.data :
		    (const uint8_t *)"";
		d->len = bs->text.len;
		bs->text.data = NULL;
	}
	buf_free(&bs->text);
	free(bs);
	d->build = NULL;
}
