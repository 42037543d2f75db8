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
 *
 * Regular expressions are searched by search_rx.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "lectern/doc.h"
#include "lectern/rx.h"
#include "lectern/search.h"
#include "lectern/util.h"
#include "search_impl.h"

#define F_CASE		1	/* fold case */
#define F_MARKS		2	/* keep combining marks */
#define FOLD_MAX	64	/* most bytes one character folds to */
#define CACHE_SIZE	1024
#define COUNT_BATCH	(1u << 20)	/* folded bytes counted at a time */
#define WINDOW		64	/* the first haystack of a memmem call */

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

/* The segment holding f, walking from *hint: matches come in order (a
 * regular expression's search goes backward), so a walk is shorter than a
 * search. */
static size_t
seg_from(const struct search_index *x, size_t *hint, size_t f)
{
	size_t i = *hint, steps = 0;

	if (i >= x->nsegs)
		i = seg_at(x, f);
	while (i > 0 && SEG_F(x->segs[i]) > f)
		if (++steps > 32) {
			i = seg_at(x, f);
			break;
		} else
			i--;
	while (i + 1 < x->nsegs && SEG_F(x->segs[i + 1]) <= f)
		if (++steps > 32) {
			i = seg_at(x, f);
			break;
		} else
			i++;
	*hint = i;
	return i;
}

/* True when f is not inside the folded bytes of one character. */
int
search_at_boundary(const struct search_index *x, size_t *hint, size_t f)
{
	size_t i;

	if (x->nsegs == 0 || f >= x->len)
		return 1;
	i = seg_from(x, hint, f);
	return !(x->segs[i].f & SEG_ATOMIC) || SEG_F(x->segs[i]) == f;
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

/* True when block b is in the scope. */
int
search_block_in_scope(const struct search_index *x,
    const struct search_scope *sc, size_t b)
{
	const struct doc *d = x->doc;

	if (sc == NULL || sc->kind == SEARCH_ALL)
		return 1;
	if (sc->kind == SEARCH_SPEAKER)
		return d->blocks[b].speaker == sc->speaker;
	if (sc->section < 0 || (size_t)sc->section >= d->nsections)
		return 0;
	return b >= d->sections[sc->section].heading &&
	    b < d->sections[sc->section].end;
}

/* True when match m is in the scope. */
static int
in_scope(const struct search_index *x, const struct search_match *m,
    const struct search_scope *sc, size_t *hint)
{
	if (sc == NULL || sc->kind == SEARCH_ALL)
		return 1;
	return search_block_in_scope(x, sc, search_block_from(x, m, hint));
}

/* True when the source of m matches the query's exact form (for queries
 * with capitals or diacritics). */
static int
exact(const struct search_index *x, const struct search_query *q,
    const struct search_match *m)
{
	struct buf b = { NULL, 0, 0 };
	size_t s, e;
	int ok;

	const struct doc_block *blk;
	int flags = (q->case_sensitive ? 0 : F_CASE) |
	    (q->keep_marks ? F_MARKS : 0);

	if (!q->case_sensitive && !q->keep_marks)
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

	if (fe <= fs || !search_at_boundary(x, &w->seg, fs) ||
	    !search_at_boundary(x, &w->seg, fe))
		return;
	m.fs = (uint32_t)fs;
	m.fe = (uint32_t)fe;
	if (!in_scope(x, &m, sc, &w->block) || (!q->regex &&
	    !exact(x, q, &m)))
		return;
	UTIL_GROW(r->m, r->cap, r->n + 1);
	r->m[r->n++] = m;
}

/* Where q's folded text next starts in [p, lim), or NULL. It looks in
 * windows that double while nothing is found: memmem, and the check of
 * its haystack by AddressSanitizer, cost the length they are given, and
 * many matches close together must not each cost the rest of the text. */
static const uint8_t *
find(const uint8_t *p, const uint8_t *lim, const struct search_query *q)
{
	size_t n = q->nfolded, win = WINDOW < 2 * n ? 2 * n : WINDOW, hay;
	const uint8_t *hit;

	while ((size_t)(lim - p) >= n) {
		hay = (size_t)(lim - p) < win ? (size_t)(lim - p) : win;
		if ((hit = memmem(p, hay, q->folded, n)) != NULL)
			return hit;
		if (hay == (size_t)(lim - p))
			break;
		p += hay - (n - 1);
		win *= 2;
	}
	return NULL;
}

size_t
search_run_slice(const struct search_index *x, const struct search_query *q,
    const struct search_scope *sc, struct search_result *r, size_t from,
    size_t budget)
{
	const uint8_t *p, *end, *stop, *lim;
	struct walk w = { 0, 0 };

	if (q->regex)
		return q->rx != NULL ? search_rx_slice(x, q, sc, r, from,
		    budget) : x->len;
	if (q->nfolded == 0 || from >= x->len)
		return x->len;
	p = x->text + from;
	end = x->text + x->len;
	/* Matches that start in the slice, which may end past it. */
	stop = budget >= x->len - from ? end : p + budget;
	lim = (size_t)(end - stop) < q->nfolded - 1 ? end :
	    stop + (q->nfolded - 1);
	while (p < stop && (p = find(p, lim, q)) != NULL) {
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
			if (!search_at_boundary(x, &w.seg, fs) ||
			    !search_at_boundary(x, &w.seg, fs + q->nfolded))
				r->skipped = 1;
			p++;
		}
	}
	if (p == NULL)
		p = stop;
	return p >= end ? x->len : (size_t)(p - x->text);
}

void
search_run(const struct search_index *x, const struct search_query *q,
    const struct search_scope *sc, struct search_result *r)
{
	size_t pos = 0;

	r->n = 0;
	r->skipped = 0;
	search_rx_reset(r->scan);
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
		if (!search_at_boundary(x, &w.seg, m.fe) || !exact(x, q, &m) ||
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
	search_rx_free(r->scan);
	r->scan = NULL;
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

/* Folds a literal character of a regular expression like the text (the
 * matcher's fold hook). */
static int
fold_literal(void *arg, uint32_t uc, uint32_t *out, int max)
{
	uint8_t buf[FOLD_MAX];
	int len, i, n = 0;

	(void)arg;
	if (uc >= 0x20 && uc < 0x7F) {
		out[0] = uc >= 'A' && uc <= 'Z' ? uc + 32 : uc;
		return 1;
	}
	if ((len = fold_cp(uc, F_CASE, buf)) < 0) {
		out[0] = ' ';
		return 1;
	}
	for (i = 0; i < len && n < max;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, buf + i, (size_t)(len - i));

		if (k <= 0)
			break;
		out[n++] = c;
		i += k;
	}
	return n;
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
		static unsigned long ids;

		buf_free(&f);
		if ((q->rx = rx_compile(text, n, RX_ICASE, fold_literal, NULL,
		    err, size)) == NULL)
			return -1;
		q->id = ++ids;
		return 0;
	}
	fold_text(&f, (const uint8_t *)text, n, F_CASE);
	fold_text(&e, (const uint8_t *)text, n, (q->case_sensitive ? 0 :
	    F_CASE) | (q->keep_marks ? F_MARKS : 0));
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
	rx_free(q->rx);
	memset(q, 0, sizeof *q);
}

size_t
search_count(const struct doc *d, const struct search_query *q)
{
	struct search_index *x = search_index_new(d);
	struct search_result r = { NULL, 0, 0, 0, NULL };
	size_t n;

	search_run(x, q, NULL, &r);
	n = r.n;
	search_result_free(&r);
	search_index_free(x);
	return n;
}
