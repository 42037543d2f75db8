/*
 * search.c: matching over a folded copy of the text.
 *
 * The index folds every character the way a reader means it: full Unicode
 * case folding, canonical decomposition with the combining marks dropped,
 * curly quotes to straight ones, dashes to '-', '…' to "...", any run of
 * white space to one space. A query is folded the same way and found with
 * memmem. A query with a capital letter is case-sensitive and one with
 * diacritics keeps them: candidates are then checked again against the
 * source folded without those two steps.
 *
 * The map back to the source is a list of segments: a linear segment is
 * ASCII that folds byte for byte; an atomic one is a character (or a run
 * of white space) whose folded bytes all stand for the whole of it. A
 * match may not start or end inside an atomic segment, and its end takes
 * in the combining marks after it, so it never splits a grapheme cluster.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "lectern/doc.h"
#include "lectern/search.h"
#include "lectern/util.h"

#define F_CASE		1	/* fold case */
#define F_MARKS		2	/* keep combining marks */
#define F_DASHES	4	/* keep dashes as they are */
#define SEG_ATOMIC	0x80000000u
#define SEG_F(g)	((g).f & ~SEG_ATOMIC)
#define FOLD_MAX	64	/* most bytes one character folds to */
#define CACHE_SIZE	1024
#define COUNT_BATCH	(1u << 20)	/* folded bytes counted at a time */

struct seg {
	uint32_t	 f;		/* folded offset, SEG_ATOMIC flag */
	uint32_t	 s;		/* source offset */
};

struct search_index {
	const struct doc *doc;
	uint8_t		*text;
	size_t		 len, cap;
	struct seg	*segs;
	size_t		 nsegs, capsegs;
	uint32_t	*bstart;	/* folded offset of each block */
	size_t		 nblocks, capbstart;
	int		 nomap;		/* counting only: no map, no blocks */
	uint32_t	*wide;		/* counting: start and end of each
					   character that folds to more than
					   one byte */
	size_t		 nwide, capwide;
	int		 space;		/* the last folded byte was a space */
};

/* Folds of non-ASCII characters, remembered: folding calls into
 * libunistring, which is slow next to a table. */
struct fold_cache {
	uint32_t	 uc[CACHE_SIZE];
	uint8_t		 len[CACHE_SIZE];
	uint8_t		 out[CACHE_SIZE][16];
};

static struct fold_cache cache;

static int
is_fold_space(uint32_t uc)
{
	return uc == ' ' || (uc >= 0x09 && uc <= 0x0D) || uc == 0x85 ||
	    uc == 0xA0 || uc == 0x1680 || (uc >= 0x2000 && uc <= 0x200A) ||
	    uc == 0x2028 || uc == 0x2029 || uc == 0x202F || uc == 0x205F ||
	    uc == 0x3000;
}

/* Folds one non-ASCII code point into out (FOLD_MAX bytes). Returns the
 * length, or -1 for white space. */
static int
fold_cp(uint32_t uc, int flags, uint8_t *out)
{
	uint8_t src[8], tmp[FOLD_MAX * 2], *r;
	size_t n, rn = sizeof tmp, i, o = 0;
	int len, slot = uc % CACHE_SIZE;

	if (is_fold_space(uc) || uc < 0x20 || (uc >= 0x7F && uc < 0xA0))
		return -1;
	switch (uc) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
	case 0x02BC:
		out[0] = '\'';
		return 1;
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
		out[0] = '"';
		return 1;
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212:
		if (flags & F_DASHES)
			break;
		out[0] = '-';
		return 1;
	case 0x2026:
		memcpy(out, "...", 3);
		return 3;
	case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
	case 0xFEFF:
		return 0;
	}
	if (flags == F_CASE && cache.uc[slot] == uc && uc != 0) {
		memcpy(out, cache.out[slot], cache.len[slot]);
		return cache.len[slot];
	}
	len = u8_uctomb(src, uc, sizeof src);
	if (len <= 0)
		return 0;
	n = (size_t)len;
	if (flags & F_CASE)
		r = u8_casefold(src, n, NULL, UNINORM_NFD, tmp, &rn);
	else
		r = u8_normalize(UNINORM_NFD, src, n, tmp, &rn);
	if (r == NULL) {
		memcpy(out, src, n);
		return (int)n;
	}
	for (i = 0; i < rn;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, r + i, rn - i);

		if (k <= 0)
			k = 1;
		if (((flags & F_MARKS) || !uc_is_general_category(c,
		    UC_CATEGORY_M)) && o + (size_t)k <= FOLD_MAX) {
			memcpy(out + o, r + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	if (r != tmp)
		free(r);
	if (flags == F_CASE && o <= sizeof cache.out[0]) {
		cache.uc[slot] = uc;
		cache.len[slot] = (uint8_t)o;
		memcpy(cache.out[slot], out, o);
	}
	return (int)o;
}

/* Folds n bytes of text into b (queries and checks). */
static void
fold_text(struct buf *b, const uint8_t *s, size_t n, int flags)
{
	uint8_t out[FOLD_MAX];
	int space = 0;
	size_t i;

	for (i = 0; i < n;) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, s + i, n - i), len;

		if (k <= 0)
			k = 1;
		if (uc < 0x80 && !is_fold_space(uc) && uc >= 0x20 &&
		    uc != 0x7F) {
			out[0] = (flags & F_CASE) && uc >= 'A' && uc <= 'Z' ?
			    (uint8_t)(uc + 32) : (uint8_t)uc;
			len = 1;
		} else
			len = fold_cp(uc, flags, out);
		if (len < 0) {
			if (!space)
				buf_addc(b, ' ');
			space = 1;
		} else if (len > 0) {
			buf_add(b, out, (size_t)len);
			space = 0;
		}
		i += (size_t)k;
	}
}

static void
add_seg(struct search_index *x, uint32_t f, uint32_t s)
{
	UTIL_GROW(x->segs, x->capsegs, x->nsegs + 1);
	x->segs[x->nsegs].f = f;
	x->segs[x->nsegs].s = s;
	x->nsegs++;
}

static void
add_text(struct search_index *x, const void *p, size_t n)
{
	UTIL_GROW(x->text, x->cap, x->len + n + 1);
	memcpy(x->text + x->len, p, n);
	x->len += n;
}

/* Starts an atomic segment for the character at source offset i, which
 * folds to len bytes. Counting without a map, only the characters that
 * fold to more than one byte are noted (a match may not split them). */
static void
atomic(struct search_index *x, size_t i, size_t len)
{
	if (!x->nomap) {
		add_seg(x, (uint32_t)x->len | SEG_ATOMIC, (uint32_t)i);
	} else if (len > 1) {
		UTIL_GROW(x->wide, x->capwide, x->nwide + 2);
		x->wide[x->nwide++] = (uint32_t)x->len;
		x->wide[x->nwide++] = (uint32_t)(x->len + len);
	}
}

/* Folds the source range [s, e) into the index. */
static void
index_range(struct search_index *x, const uint8_t *src, size_t s, size_t e)
{
	uint8_t out[FOLD_MAX], *o;
	size_t i, j;

	for (i = s; i < e;) {
		ucs4_t uc;
		int n, len;

		/* Room for the rest to fold byte for byte. */
		UTIL_GROW(x->text, x->cap, x->len + (e - i) + 2);

		/* A run that folds byte for byte: printable ASCII, with
		 * single spaces between its words, lowered as it goes. */
		o = x->text + x->len;
		for (j = i; j < e; j++) {
			uint8_t c = src[j];

			if ((unsigned)(c - 0x21) >= 0x5Eu && !(c == ' ' &&
			    j > i && j + 1 < e &&
			    (unsigned)(src[j + 1] - 0x21) < 0x5Eu))
				break;
			*o++ = c + (((unsigned)(c - 'A') < 26u) << 5);
		}
		if (j > i) {
			struct seg *last = x->nsegs > 0 ?
			    &x->segs[x->nsegs - 1] : NULL;

			if (!x->nomap && (last == NULL ||
			    (last->f & SEG_ATOMIC) ||
			    x->len - last->f != i - last->s))
				add_seg(x, (uint32_t)x->len, (uint32_t)i);
			x->len += j - i;
			x->space = 0;
			i = j;
			continue;
		}
		n = u8_mbtouc(&uc, src + i, e - i);
		if (n <= 0)
			n = 1;
		len = fold_cp(uc, F_CASE, out);
		if (len < 0) {
			if (!x->space) {
				atomic(x, i, 1);
				add_text(x, " ", 1);
				x->space = 1;
			}
		} else if (len > 0) {
			atomic(x, i, (size_t)len);
			add_text(x, out, (size_t)len);
			x->space = 0;
		}
		i += (size_t)n;
	}
}

/* Folds block b into the index. */
static void
index_block(struct search_index *x, size_t b)
{
	const struct doc *d = x->doc;
	const struct doc_block *blk = &d->blocks[b];

	if (!x->nomap) {
		UTIL_GROW(x->bstart, x->capbstart, b + 2);
		x->bstart[b] = (uint32_t)x->len;
	}
	x->space = 1;
	/* The label, where it stands before the text (an attribution's
	 * label is its text). */
	if (blk->lend > blk->lstart && blk->lend <= blk->tstart) {
		index_range(x, d->src, blk->lstart, blk->lend);
		if (!x->space) {
			atomic(x, blk->lend, 1);
			add_text(x, " ", 1);
			x->space = 1;
		}
	}
	index_range(x, d->src, blk->tstart, blk->tend);
	atomic(x, blk->tend, 1);
	add_text(x, "\n", 1);
	x->nblocks = b + 1;
	if (!x->nomap)
		x->bstart[x->nblocks] = (uint32_t)x->len;
}

int
search_index_extend(struct search_index *x, size_t budget)
{
	const struct doc *d = x->doc;
	size_t start = x->len;

	/* The last blocks can still change while the parser reads on. */
	while (x->nblocks < d->nblocks - (doc_complete(d) ? 0 :
	    d->nblocks < 4 ? d->nblocks : 4)) {
		index_block(x, x->nblocks);
		if (budget > 0 && x->len - start >= budget)
			break;
	}
	UTIL_GROW(x->text, x->cap, x->len + 1);
	x->text[x->len] = '\0';
	return !search_index_complete(x);
}

int
search_index_complete(const struct search_index *x)
{
	return doc_complete(x->doc) && x->nblocks == x->doc->nblocks;
}

struct search_index *
search_index_begin(const struct doc *d)
{
	struct search_index *x;

	x = xcalloc(1, sizeof *x);
	x->doc = d;
	UTIL_GROW(x->bstart, x->capbstart, 1);
	x->bstart[0] = 0;
	UTIL_GROW(x->text, x->cap, 1);
	x->text[0] = '\0';
	return x;
}

struct search_index *
search_index_new(const struct doc *d)
{
	struct search_index *x = search_index_begin(d);

	search_index_extend(x, 0);
	return x;
}

void
search_index_free(struct search_index *x)
{
	if (x == NULL)
		return;
	free(x->text);
	free(x->segs);
	free(x->bstart);
	free(x->wide);
	free(x);
}

size_t
search_index_size(const struct search_index *x)
{
	return x->cap + x->capsegs * sizeof *x->segs +
	    x->capbstart * sizeof *x->bstart + x->capwide * sizeof *x->wide;
}

/* The segment holding folded offset f. */
static size_t
seg_at(const struct search_index *x, size_t f)
{
	size_t lo = 0, hi = x->nsegs;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (SEG_F(x->segs[mid]) <= f)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The segment holding f, walking on from *hint: matches come in order, so
 * a walk is shorter than a search. */
static size_t
seg_from(const struct search_index *x, size_t *hint, size_t f)
{
	size_t i = *hint, steps = 0;

	if (i >= x->nsegs || SEG_F(x->segs[i]) > f)
		i = seg_at(x, f);
	while (i + 1 < x->nsegs && SEG_F(x->segs[i + 1]) <= f)
		if (++steps > 32) {
			i = seg_at(x, f);
			break;
		} else
			i++;
	*hint = i;
	return i;
}

/* True when folded offset f is a boundary of what it stands for: not
 * inside the folded bytes of one character. */
static int
at_boundary_from(const struct search_index *x, size_t *hint, size_t f)
{
	size_t i = seg_from(x, hint, f);

	return !(x->segs[i].f & SEG_ATOMIC) || SEG_F(x->segs[i]) == f ||
	    f >= x->len;
}

/* True for a character that belongs to the grapheme before it. */
static int
extends(uint32_t uc)
{
	return uc_is_general_category(uc, UC_CATEGORY_M) || uc == 0x200D ||
	    (uc >= 0xFE00 && uc <= 0xFE0F) || (uc >= 0x1F3FB && uc <= 0x1F3FF);
}

void
search_source(const struct search_index *x, const struct search_match *m,
    size_t *start, size_t *end)
{
	const uint8_t *src = x->doc->src;
	size_t i, n = x->doc->len, e;

	i = seg_at(x, m->fs);
	*start = x->segs[i].s + ((x->segs[i].f & SEG_ATOMIC) ? 0 :
	    m->fs - SEG_F(x->segs[i]));
	i = seg_at(x, m->fe - 1);
	if (x->segs[i].f & SEG_ATOMIC)
		e = i + 1 < x->nsegs ? x->segs[i + 1].s : n;
	else
		e = x->segs[i].s + (m->fe - 1 - SEG_F(x->segs[i])) + 1;
	while (e < n) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, src + e, n - e);

		if (k <= 0 || !extends(uc))
			break;
		e += (size_t)k;
	}
	*end = e;
}

size_t
search_block_from(const struct search_index *x, const struct search_match *m,
    size_t *hint)
{
	size_t b = *hint, steps = 0;

	if (b >= x->nblocks || x->bstart[b] > m->fs)
		b = search_block(x, m);
	while (b + 1 < x->nblocks && x->bstart[b + 1] <= m->fs)
		if (++steps > 32) {
			b = search_block(x, m);
			break;
		} else
			b++;
	*hint = b;
	return b;
}

size_t
search_block(const struct search_index *x, const struct search_match *m)
{
	size_t lo = 0, hi = x->nblocks;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->bstart[mid] <= m->fs)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static int
in_scope(const struct search_index *x, const struct search_match *m,
    const struct search_scope *sc, size_t *hint)
{
	const struct doc *d = x->doc;
	size_t b;

	if (sc == NULL || sc->kind == SEARCH_ALL)
		return 1;
	b = search_block_from(x, m, hint);
	if (sc->kind == SEARCH_SPEAKER)
		return d->blocks[b].speaker == sc->speaker;
	if (sc->section < 0 || (size_t)sc->section >= d->nsections)
		return 0;
	return b >= d->sections[sc->section].heading &&
	    b < d->sections[sc->section].end;
}

/* True when the query has a dash other than '-': it then matches only
 * that dash, as a query with diacritics keeps them. */
static int
has_dash(const char *s)
{
	return strstr(s, "\xE2\x80\x90") != NULL ||
	    strstr(s, "\xE2\x80\x91") != NULL ||
	    strstr(s, "\xE2\x80\x92") != NULL ||
	    strstr(s, "\xE2\x80\x93") != NULL ||
	    strstr(s, "\xE2\x80\x94") != NULL ||
	    strstr(s, "\xE2\x80\x95") != NULL ||
	    strstr(s, "\xE2\x88\x92") != NULL;
}

/* True when the source of m matches the query's exact form (for queries
 * with capitals, diacritics or dashes). */
static int
exact(const struct search_index *x, const struct search_query *q,
    const struct search_match *m)
{
	struct buf b = { NULL, 0, 0 };
	size_t s, e;
	int ok;

	const struct doc_block *blk;
	int dashes = has_dash(q->text);
	int flags = (q->case_sensitive ? 0 : F_CASE) |
	    (q->keep_marks ? F_MARKS : 0) | (dashes ? F_DASHES : 0);

	if (!q->case_sensitive && !q->keep_marks && !dashes)
		return 1;
	search_source(x, m, &s, &e);
	blk = &x->doc->blocks[search_block(x, m)];
	if (s < blk->lend && e > blk->tstart && blk->lend <= blk->tstart) {
		/* From a label into the text: joined by one space, as the
		 * index has them. */
		fold_text(&b, x->doc->src + s, blk->lend - s, flags);
		buf_addc(&b, ' ');
		fold_text(&b, x->doc->src + blk->tstart, e - blk->tstart,
		    flags);
	} else
		fold_text(&b, x->doc->src + s, e - s, flags);
	ok = b.len == q->nexact && memcmp(b.data, q->exact, b.len) == 0;
	buf_free(&b);
	return ok;
}

/* Where a pass over the matches is, in the segments and the blocks. */
struct walk {
	size_t		 seg;
	size_t		 block;
};

/* Checks a candidate and adds it to r. */
static void
consider(const struct search_index *x, const struct search_query *q,
    const struct search_scope *sc, struct search_result *r, size_t fs,
    size_t fe, struct walk *w)
{
	struct search_match m;

	if (fe <= fs || !at_boundary_from(x, &w->seg, fs) ||
	    !at_boundary_from(x, &w->seg, fe))
		return;
	m.fs = (uint32_t)fs;
	m.fe = (uint32_t)fe;
	if (!in_scope(x, &m, sc, &w->block) || (!q->regex &&
	    !exact(x, q, &m)))
		return;
	UTIL_GROW(r->m, r->cap, r->n + 1);
	r->m[r->n++] = m;
}

static void
run_regex(const struct search_index *x, const struct search_query *q,
    const struct search_scope *sc, struct search_result *r, size_t pos)
{
	regmatch_t rm;
	struct walk w = { 0, 0 };

	while (pos < x->len) {
		int flags = REG_STARTEND;
		size_t n;

		rm.rm_so = (regoff_t)pos;
		rm.rm_eo = (regoff_t)x->len;
		if (pos > 0 && x->text[pos - 1] != '\n')
			flags |= REG_NOTBOL;
		if (regexec(&q->re, (const char *)x->text, 1, &rm, flags) != 0)
			break;
		n = r->n;
		if (rm.rm_eo > rm.rm_so)
			consider(x, q, sc, r, (size_t)rm.rm_so, (size_t)rm.rm_eo,
			    &w);
		/* After a match, on from its end; after one refused (it
		 * split a character), from the next byte. */
		pos = r->n > n ? (size_t)rm.rm_eo : (size_t)rm.rm_so + 1;
	}
}

size_t
search_run_slice(const struct search_index *x, const struct search_query *q,
    const struct search_scope *sc, struct search_result *r, size_t from,
    size_t budget)
{
	const uint8_t *p, *end, *stop;
	struct walk w = { 0, 0 };

	if (q->regex) {
		/* All that is folded, from where the last slice ended (a
		 * growing index adds whole blocks). */
		if (q->compiled)
			run_regex(x, q, sc, r, from);
		return x->len;
	}
	if (q->nfolded == 0 || from >= x->len)
		return x->len;
	p = x->text + from;
	end = x->text + x->len;
	/* Matches that start in the slice, which may end past it. */
	stop = budget >= x->len - from ? end : p + budget;
	while (p < stop && (p = memmem(p, (size_t)(end - p), q->folded,
	    q->nfolded)) != NULL && p < stop) {
		size_t fs = (size_t)(p - x->text), n = r->n;

		consider(x, q, sc, r, fs, fs + q->nfolded, &w);
		if (r->n > n) {
			/* A candidate inside this match is passed over: a
			 * longer query could still match there. */
			if (q->nfolded > 1 && memchr(p + 1, q->folded[0],
			    q->nfolded - 1) != NULL)
				r->skipped = 1;
			p += q->nfolded;
		} else {
			if (!at_boundary_from(x, &w.seg, fs) ||
			    !at_boundary_from(x, &w.seg, fs + q->nfolded))
				r->skipped = 1;
			p++;
		}
	}
	if (p == NULL || p >= end)
		return x->len;
	return (size_t)(p - x->text);
}

void
search_run(const struct search_index *x, const struct search_query *q,
    const struct search_scope *sc, struct search_result *r)
{
	size_t pos = 0;

	r->n = 0;
	r->skipped = 0;
	do
		pos = search_run_slice(x, q, sc, r, pos, SIZE_MAX);
	while (pos < x->len);
}

size_t
search_folded_len(const struct search_index *x)
{
	return x->len;
}

int
search_refine(const struct search_index *x, const struct search_query *old,
    const struct search_query *q, const struct search_scope *sc,
    struct search_result *r)
{
	size_t i, n = 0;
	struct walk w = { 0, 0 };

	if (old == NULL || q->regex || old->regex || r->skipped ||
	    q->nfolded < old->nfolded || old->nfolded == 0 ||
	    memcmp(q->folded, old->folded, old->nfolded) != 0)
		return 0;
	for (i = 0; i < r->n; i++) {
		struct search_match m = r->m[i];

		m.fe = m.fs + (uint32_t)q->nfolded;
		if (m.fe > x->len || memcmp(x->text + m.fs, q->folded,
		    q->nfolded) != 0)
			continue;
		if (!at_boundary_from(x, &w.seg, m.fe) || !exact(x, q, &m) ||
		    !in_scope(x, &m, sc, &w.block))
			continue;
		if (n > 0 && r->m[n - 1].fe > m.fs)
			continue;	/* overlaps the match before */
		r->m[n++] = m;
	}
	r->n = n;
	return 1;
}

void
search_result_free(struct search_result *r)
{
	free(r->m);
	r->m = NULL;
	r->n = r->cap = 0;
}

size_t
search_first_after(const struct search_index *x,
    const struct search_result *r, size_t off)
{
	size_t lo = 0, hi = r->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, s, e;

		search_source(x, &r->m[mid], &s, &e);
		if (s < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Folds a regular expression: like text, but an escaped character keeps
 * its case (\W is not \w). */
static void
fold_pattern(struct buf *b, const char *p)
{
	size_t i, n = strlen(p);

	for (i = 0; i < n; i++) {
		if (p[i] == '\\' && i + 1 < n) {
			buf_add(b, p + i, 2);
			i++;
			continue;
		}
		if ((unsigned char)p[i] < 0x80) {
			buf_addc(b, p[i] >= 'A' && p[i] <= 'Z' ?
			    (char)(p[i] + 32) : p[i]);
			continue;
		}
		/* A whole UTF-8 character. */
		{
			size_t k = 1;

			while (i + k < n && ((unsigned char)p[i + k] & 0xC0) ==
			    0x80)
				k++;
			fold_text(b, (const uint8_t *)p + i, k, F_CASE);
			i += k - 1;
		}
	}
}

int
search_query_init(struct search_query *q, const char *text, int regex,
    char *err, size_t size)
{
	struct buf f = { NULL, 0, 0 }, e = { NULL, 0, 0 }, marks = { NULL, 0, 0 };
	size_t i, n = strlen(text);

	memset(q, 0, sizeof *q);
	q->text = xstrdup(text);
	q->regex = regex;
	if (n == 0) {
		snprintf(err, size, "empty query");
		return -1;
	}
	for (i = 0; i < n;) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, (const uint8_t *)text + i, n - i);

		if (k <= 0)
			k = 1;
		if (uc_is_upper(uc) || uc_is_property_titlecase(uc))
			q->case_sensitive = 1;
		i += (size_t)k;
	}
	/* Diacritics: marks left after decomposing. */
	fold_text(&marks, (const uint8_t *)text, n, F_MARKS);
	fold_text(&f, (const uint8_t *)text, n, 0);
	q->keep_marks = marks.len != f.len;
	buf_free(&marks);
	buf_reset(&f);
	if (regex) {
		int rc;

		fold_pattern(&f, text);
		rc = regcomp(&q->re, buf_str(&f), REG_EXTENDED | REG_NEWLINE);
		buf_free(&f);
		if (rc != 0) {
			regerror(rc, &q->re, err, size);
			regfree(&q->re);
			return -1;
		}
		q->compiled = 1;
		return 0;
	}
	fold_text(&f, (const uint8_t *)text, n, F_CASE);
	fold_text(&e, (const uint8_t *)text, n, (q->case_sensitive ? 0 :
	    F_CASE) | (q->keep_marks ? F_MARKS : 0) |
	    (has_dash(text) ? F_DASHES : 0));
	q->folded = (uint8_t *)f.data;
	q->nfolded = f.len;
	q->exact = (uint8_t *)e.data;
	q->nexact = e.len;
	return 0;
}

void
search_query_free(struct search_query *q)
{
	free(q->text);
	free(q->folded);
	free(q->exact);
	if (q->compiled)
		regfree(&q->re);
	memset(q, 0, sizeof *q);
}

size_t
search_count(const struct doc *d, const struct search_query *q)
{
	struct search_index *x = search_index_new(d);
	struct search_result r = { NULL, 0, 0, 0 };
	size_t n;

	search_run(x, q, NULL, &r);
	n = r.n;
	search_result_free(&r);
	search_index_free(x);
	return n;
}
