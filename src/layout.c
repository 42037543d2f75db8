/* layout.c: line breaking by Unicode rules and display width. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unilbrk.h>
#include <unistr.h>

#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/text.h"
#include "lectern/util.h"

#define CACHE_SLOTS	512
#define QUOTE_INDENT	4
#define BULLET_STEP	2
#define NARROW		12	/* fewest columns of text beside a label */

static const uint8_t bullet_mark[] = "\xE2\x80\xA2";	/* • */
static const uint8_t attrib_mark[] = "\xE2\x80\x94";	/* — */

/* Trims ASCII white space from the end of [s, *e). */
static void
trim_end(const uint8_t *src, size_t s, size_t *e)
{
	while (*e > s && (src[*e - 1] == ' ' || src[*e - 1] == '\t' ||
	    src[*e - 1] == '\n' || src[*e - 1] == '\r'))
		(*e)--;
}

/* True for a character of line-break class IS (infix separators: full
 * stop, comma, colon, semicolon and their kin). */
static int
is_infix(ucs4_t uc)
{
	switch (uc) {
	case ',': case '.': case ':': case ';': case 0x037E: case 0x0589:
	case 0x060C: case 0x060D: case 0x07F8: case 0x2044: case 0xFE10:
	case 0xFE13: case 0xFE14:
		return 1;
	}
	return 0;
}

/* A break that LB29 forbids: taken only to cut a word longer than the
 * line (a long address), before cutting it anywhere. */
#define BREAK_LAST_RESORT	'L'

/*
 * Applies Unicode's rule LB29, which libunistring's breaks lack: no break
 * between an infix separator and a letter, so that example.com is not
 * broken after its dot as if a sentence ended there.
 */
static void
no_break_in_names(const uint8_t *t, size_t n, char *p)
{
	const uint8_t *prev = NULL, *cur;
	ucs4_t a, b;

	for (cur = t; cur < t + n;) {
		int k = u8_mbtouc(&b, cur, (size_t)(t + n - cur));

		if (k <= 0)
			k = 1;
		if (prev != NULL && p[cur - t] == UC_BREAK_POSSIBLE &&
		    u8_mbtouc(&a, prev, (size_t)(cur - prev)) > 0 &&
		    is_infix(a) && uc_is_alpha(b))
			p[cur - t] = BREAK_LAST_RESORT;
		prev = cur;
		cur += k;
	}
}

void
layout_wrap(const uint8_t *src, size_t s, size_t e, int first, int rest,
    layout_wrap_fn fn, void *arg)
{
	struct text_glyph g;
	size_t n = e - s, i, ls, brk = 0, le, last = 0;
	char *t, *p;
	int col = 0, brkcol = 0, limit = first < 1 ? 1 : first;

	while (s < e && (src[s] == ' ' || src[s] == '\t' || src[s] == '\n' ||
	    src[s] == '\r'))
		s++;
	n = e - s;
	if (n == 0) {
		fn(arg, s, s, 0);
		return;
	}
	/* A copy in which white space is plain spaces and placeholders are
	 * letters, so that the line-break rules see what is shown. */
	t = xmalloc(n);
	p = xmalloc(n);
	for (i = 0; i < n;) {
		size_t k = text_glyph(src + s + i, n - i, &g);

		if (g.kind == TEXT_PRINT)
			memcpy(t + i, src + s + i, k);
		else
			memset(t + i, g.kind == TEXT_SPACE ? ' ' : 'x', k);
		i += k;
	}
	u8_possible_linebreaks((const uint8_t *)t, n, "UTF-8", p);
	no_break_in_names((const uint8_t *)t, n, p);

	ls = 0;
	for (i = 0; i < n;) {
		size_t k = text_glyph(src + s + i, n - i, &g);

		if (i > ls && p[i] == UC_BREAK_POSSIBLE) {
			brk = i;
			brkcol = col;
		} else if (i > ls && p[i] == BREAK_LAST_RESORT)
			last = i;
		if (g.kind != TEXT_SPACE && col > 0 && col + g.width > limit) {
			if (brk > ls) {
				le = brk;
				trim_end(src + s, ls, &le);
				fn(arg, s + ls, s + le,
				    (int)text_width(src + s + ls, le - ls));
				ls = brk;
				col -= brkcol;
				limit = rest < 1 ? 1 : rest;
			}
			if (col > 0 && col + g.width > limit && last > ls) {
				/* A word longer than the line that LB29 kept
				 * whole: break it there after all. */
				fn(arg, s + ls, s + last,
				    (int)text_width(src + s + ls, last - ls));
				col = (int)text_width(src + s + last, i - last);
				ls = last;
				limit = rest < 1 ? 1 : rest;
			}
			if (col > 0 && col + g.width > limit) {
				/* A word longer than the line: cut it. */
				fn(arg, s + ls, s + i, col);
				ls = i;
				col = 0;
				limit = rest < 1 ? 1 : rest;
			}
			brk = 0;
		}
		col += g.width;
		i += k;
	}
	le = n;
	trim_end(src + s, ls, &le);
	fn(arg, s + ls, s + le, (int)text_width(src + s + ls, le - ls));
	free(t);
	free(p);
}

/* State for collecting wrapped lines into a layout_block. */
struct collect {
	struct layout_block *lb;
	size_t		 block;
	int		 indent_first, indent_rest;
	int		 prefix;	/* width of the first line's prefix */
	int		 time;		/* the first line shows the time */
};

/* The text of block b's time, "[hh:mm:ss]" (or "[mm:ss]" in a document
 * shorter than an hour), into buf; its width, or 0 when it has none. */
static int
time_text(const struct doc *d, const struct doc_block *b, char *buf,
    size_t size)
{
	char t[32];

	if (b->time == DOC_NO_TIME)
		return 0;
	doc_format_time(b->time, doc_time_hours(d), t, sizeof t);
	return snprintf(buf, size, "[%s]", t);
}

static struct layout_line *
add_line(struct layout_block *lb, size_t block, int kind)
{
	struct layout_line *l;

	UTIL_GROW(lb->lines, lb->cap, lb->nlines + 1);
	l = &lb->lines[lb->nlines++];
	memset(l, 0, sizeof *l);
	l->block = block;
	l->kind = kind;
	return l;
}

static void
collect_line(void *arg, size_t s, size_t e, int cols)
{
	struct collect *c = arg;
	struct layout_line *l;
	int first = c->lb->nlines == 0 ||
	    c->lb->lines[c->lb->nlines - 1].kind == LAYOUT_BLANK;

	l = add_line(c->lb, c->block, LAYOUT_TEXT);
	l->start = s;
	l->end = e;
	l->first = first;
	l->time = first && c->time;
	l->indent = first ? c->indent_first : c->indent_rest;
	l->cols = l->indent + (first ? c->prefix : 0) + cols;
}

/* Wraps the text of a block whose newlines end lines: each of its lines
 * on its own, the first with first columns, the others with rest. */
static void
wrap_lines(const struct doc *d, const struct doc_block *b, int first,
    int rest, struct collect *c)
{
	const uint8_t *nl;
	size_t s = b->tstart, e;

	for (;;) {
		nl = memchr(d->src + s, '\n', b->tend - s);
		e = nl == NULL ? b->tend : (size_t)(nl - d->src);
		layout_wrap(d->src, s, e, first, rest, collect_line, c);
		if (nl == NULL)
			break;
		s = e + 1;
		first = rest;
	}
}

/* True when no blank line separates block a from the block b after it. */
static int
tight(const struct doc_block *a, const struct doc_block *b)
{
	if (a->kind == DOC_BULLET && b->kind == DOC_BULLET)
		return 1;
	if (a->kind == DOC_CREDIT && b->kind == DOC_CREDIT)
		return 1;
	if (a->kind == DOC_QUOTE && b->kind == DOC_ATTRIB)
		return 1;
	if ((a->kind == DOC_TITLE || a->kind == DOC_BYLINE) &&
	    (b->kind == DOC_BYLINE || b->kind == DOC_LINK))
		return 1;
	return 0;
}

/* Width of a turn's or credit's label with its colon and space. */
static int
label_cols(const struct doc *d, const struct doc_block *b)
{
	return (int)text_width(d->src + b->lstart, b->lend - b->lstart) + 2;
}

size_t
layout_block(const struct doc *d, size_t bi, int width,
    struct layout_block *lb)
{
	return layout_block_flags(d, bi, width, 0, lb);
}

size_t
layout_block_flags(const struct doc *d, size_t bi, int width, int flags,
    struct layout_block *lb)
{
	const struct doc_block *b = &d->blocks[bi];
	struct collect c;
	char tbuf[32];
	int text, tw = 0;

	lb->nlines = 0;
	if (width < 1)
		width = 1;
	if (bi > 0 && !tight(&d->blocks[bi - 1], b))
		add_line(lb, bi, LAYOUT_BLANK);
	memset(&c, 0, sizeof c);
	c.lb = lb;
	c.block = bi;
	switch (b->kind) {
	case DOC_TURN:
	case DOC_CREDIT:
		c.prefix = label_cols(d, b);
		break;
	case DOC_BULLET:
		c.indent_first = (b->level - 1) * BULLET_STEP;
		c.prefix = b->lend > b->lstart ?
		    (int)text_width(d->src + b->lstart, b->lend - b->lstart) + 1 :
		    (int)text_width(bullet_mark, 3) + 1;
		c.indent_rest = c.indent_first + c.prefix;
		break;
	case DOC_QUOTE:
		c.indent_first = c.indent_rest = QUOTE_INDENT;
		break;
	case DOC_ATTRIB:
		c.indent_first = c.indent_rest = QUOTE_INDENT;
		c.prefix = (int)text_width(attrib_mark, 3) + 1;
		break;
	default:
		break;
	}
	if (c.indent_rest >= width)
		c.indent_first = c.indent_rest = 0;
	/* The time goes first, where there is room for it and some text. */
	if ((flags & LAYOUT_F_TIMES) &&
	    (tw = time_text(d, b, tbuf, sizeof tbuf)) > 0 &&
	    width - c.indent_first - c.prefix - tw - 1 >= NARROW) {
		c.time = 1;
		c.prefix += tw + 1;
	}
	text = width - c.indent_first - c.prefix;
	if (text < NARROW && (b->kind == DOC_TURN || b->kind == DOC_CREDIT)) {
		/* Too narrow beside the label: the text goes below it. */
		struct layout_line *l = add_line(lb, bi, LAYOUT_TEXT);

		l->start = l->end = b->tstart;
		l->first = 1;
		l->time = c.time;
		l->cols = c.prefix - 1 > width ? width : c.prefix - 1;
		text = width;
	} else if (text < 1)
		text = 1;
	if (b->lines)
		wrap_lines(d, b, text, width - c.indent_rest, &c);
	else
		layout_wrap(d->src, b->tstart, b->tend, text,
		    width - c.indent_rest, collect_line, &c);
	if (b->kind == DOC_HEADING && b->level <= 2) {
		struct layout_line *l;
		size_t i;
		int cols = 0;

		for (i = 0; i < lb->nlines; i++)
			if (lb->lines[i].cols > cols)
				cols = lb->lines[i].cols;
		l = add_line(lb, bi, LAYOUT_RULE);
		l->cols = cols;
	}
	return lb->nlines;
}

void
layout_block_free(struct layout_block *lb)
{
	free(lb->lines);
	lb->lines = NULL;
	lb->nlines = lb->cap = 0;
}

static enum layout_style
block_style(enum doc_block_kind kind)
{
	switch (kind) {
	case DOC_TITLE:
		return LAYOUT_S_TITLE;
	case DOC_BYLINE:
	case DOC_LINK:
		return LAYOUT_S_META;
	case DOC_HEADING:
		return LAYOUT_S_HEADING;
	case DOC_QUOTE:
		return LAYOUT_S_QUOTE;
	case DOC_ATTRIB:
		return LAYOUT_S_ATTRIB;
	default:
		return LAYOUT_S_TEXT;
	}
}

/* Walks n columns of spaces, one glyph each. */
static void
walk_spaces(layout_walk_fn fn, void *arg, int n)
{
	for (; n > 0; n--)
		fn(arg, (const uint8_t *)" ", 1, 1, LAYOUT_S_TEXT, SIZE_MAX);
}

/* Walks a mark the layout adds (a bullet, a dash), as text_glyph shows it
 * (in ASCII on a terminal that is not UTF-8). */
static void
walk_mark(const uint8_t *mark, enum layout_style style, layout_walk_fn fn,
    void *arg)
{
	struct text_glyph g;

	text_glyph(mark, strlen((const char *)mark), &g);
	fn(arg, g.show, g.nshow, g.width, style, SIZE_MAX);
}

/* The style of text with inline styles (DOC_SPAN_ bits) over a block's
 * style: the span's, for plain text. */
static enum layout_style
span_style(unsigned kinds, enum layout_style style)
{
	if (kinds == 0 || (style != LAYOUT_S_TEXT && style != LAYOUT_S_QUOTE))
		return style;
	if (kinds & DOC_SPAN_CODE)
		return LAYOUT_S_CODE;
	if (kinds & DOC_SPAN_SOUND)
		return LAYOUT_S_SOUND;
	if (kinds & DOC_SPAN_STRONG)
		return LAYOUT_S_STRONG;
	if (kinds & DOC_SPAN_EMPH)
		return LAYOUT_S_EMPH;
	return LAYOUT_S_LINK;
}

/* Walks the source text [s, e) glyph by glyph. */
static void
walk_text(const struct doc *d, size_t s, size_t e, enum layout_style style,
    layout_walk_fn fn, void *arg)
{
	struct text_glyph g;
	enum layout_style st = style;
	size_t until = s;
	int marks = 0;

	while (s < e) {
		size_t k = text_glyph(d->src + s, e - s, &g);

		if (s >= until && d->nspans > 0)
			st = span_style(doc_span_at(d, s, &until), style);
		/* A pile of combining marks shows its first few only. */
		marks = g.width == 0 ? marks + 1 : 0;
		if (marks <= TEXT_MAX_MARKS && g.nshow > 0)
			fn(arg, g.show, g.nshow, g.width, g.kind ==
			    TEXT_PLACEHOLDER ? LAYOUT_S_PLACEHOLDER : st, s);
		s += k;
	}
}

void
layout_walk(const struct doc *d, const struct layout_line *l,
    layout_walk_fn fn, void *arg)
{
	const struct doc_block *b = &d->blocks[l->block];
	static const uint8_t rule1[] = "=", rule2[] = "-";
	int i;

	if (l->kind == LAYOUT_BLANK)
		return;
	if (l->kind == LAYOUT_RULE) {
		for (i = 0; i < l->cols; i++)
			fn(arg, b->level == 1 ? rule1 : rule2, 1, 1,
			    LAYOUT_S_RULE, SIZE_MAX);
		return;
	}
	walk_spaces(fn, arg, l->indent);
	if (l->time) {
		char t[32];
		int n = time_text(d, b, t, sizeof t);

		fn(arg, (const uint8_t *)t, (size_t)n, n, LAYOUT_S_TIME,
		    SIZE_MAX);
		walk_spaces(fn, arg, 1);
	}
	if (l->first) {
		switch (b->kind) {
		case DOC_TURN:
		case DOC_CREDIT:
			walk_text(d, b->lstart, b->lend, b->kind == DOC_TURN ?
			    LAYOUT_S_LABEL : LAYOUT_S_ROLE, fn, arg);
			fn(arg, (const uint8_t *)":", 1, 1, b->kind ==
			    DOC_TURN ? LAYOUT_S_LABEL : LAYOUT_S_ROLE, SIZE_MAX);
			walk_spaces(fn, arg, 1);
			break;
		case DOC_BULLET:
			if (b->lend > b->lstart)
				walk_text(d, b->lstart, b->lend,
				    LAYOUT_S_BULLET, fn, arg);
			else
				walk_mark(bullet_mark, LAYOUT_S_BULLET, fn, arg);
			walk_spaces(fn, arg, 1);
			break;
		case DOC_ATTRIB:
			walk_mark(attrib_mark, LAYOUT_S_ATTRIB, fn, arg);
			walk_spaces(fn, arg, 1);
			break;
		default:
			break;
		}
	}
	walk_text(d, l->start, l->end, block_style(b->kind), fn, arg);
}

struct cache_slot {
	size_t		 block;		/* SIZE_MAX when empty */
	struct layout_block lb;
};

struct layout_cache {
	const struct doc *doc;
	int		 width;
	int		 flags;
	struct cache_slot slots[CACHE_SLOTS];
};

struct layout_cache *
layout_cache_new(const struct doc *d, int width)
{
	struct layout_cache *c;
	size_t i;

	c = xcalloc(1, sizeof *c);
	c->doc = d;
	c->width = width;
	for (i = 0; i < CACHE_SLOTS; i++)
		c->slots[i].block = SIZE_MAX;
	return c;
}

void
layout_cache_free(struct layout_cache *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < CACHE_SLOTS; i++)
		layout_block_free(&c->slots[i].lb);
	free(c);
}

void
layout_cache_reset(struct layout_cache *c, int width)
{
	size_t i;

	c->width = width;
	for (i = 0; i < CACHE_SLOTS; i++)
		c->slots[i].block = SIZE_MAX;
}

void
layout_cache_forget(struct layout_cache *c, size_t b)
{
	size_t i;

	for (i = 0; i < CACHE_SLOTS; i++)
		if (c->slots[i].block != SIZE_MAX && c->slots[i].block >= b)
			c->slots[i].block = SIZE_MAX;
}

void
layout_cache_set_flags(struct layout_cache *c, int flags)
{
	if (flags != c->flags) {
		c->flags = flags;
		layout_cache_reset(c, c->width);
	}
}

int
layout_cache_flags(const struct layout_cache *c)
{
	return c->flags;
}

size_t
layout_cache_size(const struct layout_cache *c)
{
	size_t i, n = sizeof *c;

	for (i = 0; i < CACHE_SLOTS; i++)
		n += c->slots[i].lb.cap * sizeof *c->slots[i].lb.lines;
	return n;
}

const struct layout_block *
layout_cache_get(struct layout_cache *c, size_t b)
{
	struct cache_slot *s = &c->slots[b % CACHE_SLOTS];

	if (s->block != b) {
		layout_block_flags(c->doc, b, c->width, c->flags, &s->lb);
		s->block = b;
	}
	return &s->lb;
}
