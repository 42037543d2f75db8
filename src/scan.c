/*
 * scan.c: finding a folded query in text as it is.
 *
 * The text is never folded as a whole: a match is tried where the
 * query's first character can start, folding the text's characters one
 * at a time as they are compared (ASCII by a table). To skip what cannot
 * match, scan_event looks for the query's longest stretch without spaces
 * (P) spelt literally (ASCII, either case), comparing two of its rarer
 * bytes sixteen places at a time; a match whose stretch is not spelt so
 * holds a character outside ASCII that folds to part of P, or one that
 * folds to nothing, and those are looked at too.
 */
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lectern/fold.h"
#include "lectern/scan.h"
#include "lectern/util.h"

#define NONE	SIZE_MAX

/* How common each ASCII byte is in English prose, roughly (0 rare); the
 * rarest bytes of a query make the best filter. */
static uint8_t
rank(uint8_t c)
{
	static const char common[] = " etaoinsrhldcumfpgwybvk,.'-xjqz";
	const char *p;

	if (c >= 'A' && c <= 'Z')
		c += 32;
	p = c != 0 ? strchr(common, c) : NULL;
	return p == NULL ? 0 : (uint8_t)(sizeof common - (size_t)(p - common));
}

static uint8_t
lower(uint8_t c)
{
	return c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
}

static int
ascii_space(uint8_t c)
{
	return c <= 0x20 || c == 0x7F;
}

/* Per BMP code point, what a query makes of it, learnt as it is met. */
#define I_REL_KNOWN	1
#define I_REL		2	/* can be part of P's stretch in a match */
#define I_START_KNOWN	4
#define I_START		8	/* can start a match */

/* Decodes the character at p fast where it is well-formed UTF-8 of two
 * or three bytes (most text outside ASCII), else as fold_decode does. */
static uint32_t
decode(const uint8_t *t, size_t p, size_t e, int *k)
{
	uint8_t c = t[p];
	uint32_t uc;

	if (c >= 0xC2 && c < 0xE0 && p + 1 < e && (t[p + 1] & 0xC0) == 0x80) {
		*k = 2;
		return (uint32_t)(c & 0x1F) << 6 | (t[p + 1] & 0x3F);
	}
	if (c >= 0xE0 && c < 0xF0 && p + 2 < e &&
	    (t[p + 1] & 0xC0) == 0x80 && (t[p + 2] & 0xC0) == 0x80) {
		uc = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(t[p + 1] & 0x3F) <<
		    6 | (t[p + 2] & 0x3F);
		if (uc >= 0x800 && (uc < 0xD800 || uc > 0xDFFF)) {
			*k = 3;
			return uc;
		}
	}
	return fold_decode(t + p, e - p, k);
}

/* The fold of the character at p: its length as fold_char gives it, its
 * bytes in *f, its source length in *k. */
static int
fold_at(const uint8_t *t, size_t p, size_t e, int *k, const uint8_t **f)
{
	static _Thread_local uint8_t one[128];
	uint8_t c = t[p];

	if (c < 0x80) {
		*k = 1;
		if (ascii_space(c))
			return FOLD_SPACE;
		one[c] = lower(c);
		*f = &one[c];
		return 1;
	}
	return fold_fast(decode(t, p, e, k), f);
}

/* The commonest characters outside ASCII in English text, all of the
 * form E2 80 xx: quotes, dashes, an ellipsis. */
static const uint8_t common_third[NCOMMON] = {
	0x99, 0x9C, 0x9D, 0x94, 0xA6, 0x98, 0x93
};

static int	 relevant(struct scan *, uint32_t, const uint8_t **, int *);

/* The widest vectors the loops may use, in bytes. */
static int	 vectors = 32;

void
scan_set_vectors(int bytes)
{
	vectors = bytes;
}
static int	 can_start(struct scan *, uint32_t);

void
scan_init(struct scan *sc, const uint8_t *q, size_t n)
{
	size_t i, j, best = 0, bestlen = 0;

	memset(sc, 0, sizeof *sc);
	sc->rel = xcalloc(0x10000, 1);
	sc->q = xmalloc(n + 1);
	memcpy(sc->q, q, n);
	sc->q[n] = '\0';
	sc->n = n;
	/* The longest stretch without a space. */
	for (i = 0; i < n; i = j + 1) {
		for (j = i; j < n && q[j] != ' '; j++)
			;
		if (j - i > bestlen) {
			best = i;
			bestlen = j - i;
		}
	}
	if (bestlen == 0) {
		sc->everywhere = 1;
		return;
	}
	sc->poff = best;
	sc->plen = bestlen;
	sc->pascii = 1;
	for (i = best; i < best + bestlen; i++)
		if (q[i] >= 0x80)
			sc->pascii = 0;
	if (sc->pascii) {
		/* The two rarest bytes, the first before the second. */
		sc->o1 = 0;
		for (i = 1; i < bestlen; i++)
			if (rank(q[best + i]) < rank(q[best + sc->o1]))
				sc->o1 = i;
		sc->o2 = sc->o1;
		for (i = 0; i < bestlen; i++)
			if (i != sc->o1 && (sc->o2 == sc->o1 ||
			    rank(q[best + i]) < rank(q[best + sc->o2])))
				sc->o2 = i;
		if (sc->o2 < sc->o1) {
			i = sc->o1;
			sc->o1 = sc->o2;
			sc->o2 = i;
		}
		sc->b1 = q[best + sc->o1];
		sc->b2 = q[best + sc->o2];
		sc->l1 = sc->b1 >= 'a' && sc->b1 <= 'z';
		sc->l2 = sc->b2 >= 'a' && sc->b2 <= 'z';
	}
	/* Those of the common characters that a match cannot hold; the
	 * others stand as a byte that no third byte is. */
	for (i = 0; i < NCOMMON; i++) {
		const uint8_t *f;
		int len;

		sc->irr[i] = relevant(sc, 0x2000 | (common_third[i] & 0x3F),
		    &f, &len) ? 0 : common_third[i];
	}
	/* U+FFFD, which a stray byte outside ASCII shows as. */
	sc->stray = memmem(q, n, "\xEF\xBF\xBD", 3) != NULL;
	sc->nostart2000 = 1;
	for (i = 0x2000; i < 0x2040; i++)
		if (can_start(sc, (uint32_t)i))
			sc->nostart2000 = 0;
}

void
scan_free(struct scan *sc)
{
	free(sc->q);
	free(sc->rel);
	memset(sc, 0, sizeof *sc);
}

/* Matches the query from its byte i on, the text from p: returns the end
 * of the match (after the combining marks that follow it), or 0. */
static size_t
forward(const struct scan *sc, const uint8_t *t, size_t p, size_t e, size_t i,
    int *partial)
{
	const uint8_t *q = sc->q, *f;
	size_t n = sc->n, lim = e;
	int len, k;

	/* A piece of a longer text: what runs off its end may match. */
	if (sc->piece)
		lim = e > 4 ? e - 4 : 0;
	while (i < n) {
		if (p >= lim)
			return sc->piece ? (p > e ? p : e) : 0;
		if (t[p] > 0x20 && t[p] < 0x7F) {
			if (lower(t[p]) != q[i])
				return 0;
			i++;
			p++;
			continue;
		}
		len = fold_at(t, p, e, &k, &f);
		p += (size_t)k;
		if (len == FOLD_SPACE) {
			if (q[i++] != ' ')
				return 0;
			/* The whole run: white space, and what vanishes. */
			while (p < e && ((len = fold_at(t, p, e, &k, &f)) ==
			    FOLD_SPACE || len == 0))
				p += (size_t)k;
			continue;
		}
		if (len == 0)
			continue;
		if ((size_t)len > n - i) {
			if (partial != NULL && memcmp(f, q + i, n - i) == 0)
				*partial = 1;
			return 0;
		}
		if (memcmp(f, q + i, (size_t)len) != 0)
			return 0;
		i += (size_t)len;
	}
	while (p < e && t[p] >= 0x80) {
		uint32_t uc = fold_decode(t + p, e - p, &k);

		if (!fold_extends(uc))
			break;
		p += (size_t)k;
	}
	return p;
}

/* The start of the character before p, not before s. */
static size_t
prev_char(const uint8_t *t, size_t s, size_t p)
{
	size_t b = p - 1;

	while (b > s && p - b < 4 && (t[b] & 0xC0) == 0x80)
		b--;
	if ((t[b] & 0xC0) == 0x80 || (t[b] < 0x80 && b + 1 != p) ||
	    (t[b] >= 0xC0 && b + (size_t)(t[b] >= 0xF0 ? 4 : t[b] >= 0xE0 ?
	    3 : 2) != p))
		return p - 1;	/* not a whole character: a stray byte */
	return b;
}

size_t
scan_match(struct scan *sc, const uint8_t *t, size_t s, size_t p, size_t e,
    int *partial)
{
	const uint8_t *f;
	int len, k;

	if (p >= e)
		return 0;
	len = fold_at(t, p, e, &k, &f);
	if (len == 0)
		return 0;	/* nothing to start on */
	if (sc->q[0] == ' ') {
		/* Only where a run of white space starts, and not at the
		 * start of the unit, where it folds to nothing. */
		size_t b = p;

		if (len != FOLD_SPACE)
			return 0;
		for (;;) {
			if (b <= s)
				return 0;
			b = prev_char(t, s, b);
			len = fold_at(t, b, e, &k, &f);
			if (len == FOLD_SPACE)
				return 0;
			if (len != 0)
				break;
		}
	}
	return forward(sc, t, p, e, 0, partial);
}

/* True when the character uc (outside ASCII) can start a match. */
static int
can_start(struct scan *sc, uint32_t uc)
{
	uint8_t *r = uc < 0x10000 ? &sc->rel[uc] : NULL;
	const uint8_t *f;
	int len, yes;

	if (r != NULL && (*r & I_START_KNOWN))
		return (*r & I_START) != 0;
	len = fold_fast(uc, &f);
	yes = len == FOLD_SPACE ? sc->q[0] == ' ' : len > 0 &&
	    memcmp(f, sc->q, (size_t)len < sc->n ? (size_t)len : sc->n) == 0;
	if (r != NULL)
		*r |= I_START_KNOWN | (yes ? I_START : 0);
	return yes;
}

/* True when the byte at p (outside ASCII) is no part of a character
 * that starts in [s, p): a stray byte, shown as U+FFFD. */
static int
stray_at(const uint8_t *t, size_t s, size_t p, size_t e)
{
	size_t b = p;
	int k;

	while (b > s && p - b < 3 && (t[b - 1] & 0xC0) == 0x80)
		b--;
	if (b == s || t[b - 1] < 0xC0)
		return 1;
	(void)decode(t, b - 1, e, &k);
	return b - 1 + (size_t)k <= p;
}

/* Tries a match at the place p: returns its end, or 0; *k is set to the
 * length of the character at p. */
static size_t
try_at(struct scan *sc, const uint8_t *t, size_t s, size_t p, size_t e,
    int *k, int *partial)
{
	uint8_t c0 = sc->q[0];

	*k = 1;
	if (t[p] < 0x80) {
		/* A byte equal to the query's first (either case). */
		if (c0 != ' ')
			return forward(sc, t, p + 1, e, 1, partial);
	} else if (!can_start(sc, decode(t, p, e, k)))
		return 0;
	return scan_match(sc, t, s, p, e, partial);
}

/* What the vector loops of scan_unit look for. */
struct unit_want {
	uint8_t		 lo, up;	/* the query's first byte, either case */
	uint8_t		 c1, c2;	/* its next two in ASCII, or 0 */
};

/*
 * The vector loop of scan_unit, for a vector type of W bytes. A place is
 * the query's first byte (either case) with its second next (or a byte
 * outside ASCII, the start or the rest of a character that may fold to
 * it), and its third after that (the same way); or the first byte of a
 * character outside ASCII, but for those of U+2000 to U+203F (curly
 * quotes, dashes: E2 80 xx) when none of them can start the query.
 */
#define UNIT_LOOP(W, V, LOAD, SET1, ZERO, EQ, GT, OR, AND, MASK) do { \
	const V vlo = SET1((char)w->lo), vup = SET1((char)w->up); \
	const V v1 = SET1((char)w->c1), v2 = SET1((char)w->c2); \
	const V m1 = SET1(w->c1 >= 'a' && w->c1 <= 'z' ? 0x20 : 0); \
	const V m2 = SET1(w->c2 >= 'a' && w->c2 <= 'z' ? 0x20 : 0); \
	const V any1 = SET1(w->c1 == 0 ? (char)0xFF : 0); \
	const V any2 = SET1(w->c2 == 0 ? (char)0xFF : 0); \
	const V zero = ZERO(), hi = SET1((char)0xBF); \
	const V ve2 = SET1(sc->nostart2000 ? (char)0xE2 : 0); \
	const V v80 = SET1((char)0x80); \
	\
	while (p + (W) + 2 <= e) { \
		V x = LOAD((const V *)(t + p)); \
		V y = LOAD((const V *)(t + p + 1)); \
		V z = LOAD((const V *)(t + p + 2)); \
		V second = OR(OR(EQ(OR(y, m1), v1), GT(zero, y)), any1); \
		V third = OR(OR(EQ(OR(z, m2), v2), GT(zero, z)), any2); \
		uint32_t m = (uint32_t)MASK(AND(OR(EQ(x, vlo), EQ(x, vup)), \
		    AND(second, third))) | ((uint32_t)MASK(x) & \
		    (uint32_t)MASK(GT(x, hi)) & \
		    ~(uint32_t)MASK(AND(EQ(x, ve2), EQ(y, v80)))); \
		\
		for (; m != 0; m &= m - 1) { \
			size_t at = p + (size_t)__builtin_ctz(m), r; \
			int k; \
			\
			if ((r = try_at(sc, t, s, at, e, &k, partial)) != 0) { \
				*end = r; \
				*pp = p; \
				return at; \
			} \
		} \
		p += (W); \
	} \
	*pp = p; \
	return NONE; \
} while (0)

#if defined(__SSE2__)
static size_t
unit_sse2(struct scan *sc, const struct unit_want *w, const uint8_t *t,
    size_t s, size_t *pp, size_t e, size_t *end, int *partial)
{
	size_t p = *pp;

	UNIT_LOOP(16, __m128i, _mm_loadu_si128, _mm_set1_epi8,
	    _mm_setzero_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_or_si128,
	    _mm_and_si128, _mm_movemask_epi8);
}
#endif

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) static size_t
unit_avx2(struct scan *sc, const struct unit_want *w, const uint8_t *t,
    size_t s, size_t *pp, size_t e, size_t *end, int *partial)
{
	size_t p = *pp;

	UNIT_LOOP(32, __m256i, _mm256_loadu_si256, _mm256_set1_epi8,
	    _mm256_setzero_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8,
	    _mm256_or_si256, _mm256_and_si256, _mm256_movemask_epi8);
}
#endif

/*
 * The first match in [from, e) of the unit [s, e): the vector loop's
 * places (32 bytes at a time with AVX2, 16 with SSE2), then a byte at a
 * time for the rest.
 */
size_t
scan_unit(struct scan *sc, const uint8_t *t, size_t s, size_t from, size_t e,
    size_t *end, int *partial)
{
	size_t p = from < s ? s : from, r = NONE;
	uint8_t c0 = sc->q[0];
	struct unit_want w;
	int k;

	if (c0 >= 0x80 || c0 == ' ') {
		/* White space or a character outside ASCII (its first byte,
		 * or a stray byte, which shows as U+FFFD). */
		for (; p < e; p++)
			if ((t[p] >= 0xC0 || (c0 == ' ' && ascii_space(t[p])) ||
			    (t[p] >= 0x80 && c0 == 0xEF && stray_at(t, s, p,
			    e))) &&
			    (r = try_at(sc, t, s, p, e, &k, partial)) != 0) {
				*end = r;
				return p;
			}
		return NONE;
	}
	w.lo = lower(c0);
	w.up = w.lo >= 'a' && w.lo <= 'z' ? (uint8_t)(w.lo - 32) : w.lo;
	w.c1 = sc->n > 1 && sc->q[1] > 0x20 && sc->q[1] < 0x7F ? sc->q[1] : 0;
	w.c2 = w.c1 != 0 && sc->n > 2 && sc->q[2] > 0x20 && sc->q[2] < 0x7F ?
	    sc->q[2] : 0;
#if defined(__x86_64__) && defined(__GNUC__)
	if (vectors >= 32 && __builtin_cpu_supports("avx2"))
		r = unit_avx2(sc, &w, t, s, &p, e, end, partial);
	else
#endif
#if defined(__SSE2__)
	if (vectors >= 16)
		r = unit_sse2(sc, &w, t, s, &p, e, end, partial);
#endif
	if (r != NONE)
		return r;
	for (; p < e; p++)
		if ((t[p] == w.lo || t[p] == w.up || t[p] >= 0xC0) &&
		    (r = try_at(sc, t, s, p, e, &k, partial)) != 0) {
			*end = r;
			return p;
		}
	return NONE;
}

/* True when the query's first i bytes can end just before p: the text's
 * characters before p, folded, end with them (a filter: it may accept
 * what the forward match then refuses, never the other way). */
static int
backward(const struct scan *sc, const uint8_t *t, size_t p, size_t i)
{
	const uint8_t *f;
	int len, k;

	while (i > 0) {
		if (p == 0 || (sc->piece && p < 4))
			return sc->piece;
		if (t[p - 1] > 0x20 && t[p - 1] < 0x7F) {
			if (lower(t[--p]) != sc->q[--i])
				return 0;
			continue;
		}
		{
			size_t b = prev_char(t, 0, p);

			len = fold_at(t, b, p, &k, &f);
			p = b;
		}
		if (len == 0)
			continue;
		if (len == FOLD_SPACE) {
			if (sc->q[--i] != ' ')
				return 0;
			/* The rest of the run. */
			while (p > 0) {
				size_t b = prev_char(t, 0, p);

				len = fold_at(t, b, p, &k, &f);
				if (len != FOLD_SPACE && len != 0)
					break;
				p = b;
			}
			continue;
		}
		if ((size_t)len > i)
			return 0;
		if (memcmp(f, sc->q + i - (size_t)len, (size_t)len) != 0)
			return 0;
		i -= (size_t)len;
	}
	return 1;
}

/* True when the ASCII stretch P can be spelt at c. */
static int
spelt(const struct scan *sc, const uint8_t *t, size_t c)
{
	size_t i;

	for (i = 0; i < sc->plen; i++)
		if (lower(t[c + i]) != sc->q[sc->poff + i])
			return 0;
	return 1;
}

/* True when the query can be around a literal P at c. */
static int
literal_at(const struct scan *sc, const uint8_t *t, size_t c, size_t e)
{
	return spelt(sc, t, c) && backward(sc, t, c, sc->poff) &&
	    forward(sc, t, c, e, sc->poff, NULL) != 0;
}

/* True when a fold of len bytes at f can start with the query's last
 * bytes and go on past its end: a longer query may match there where
 * this one does not (a partial match, which must be seen for the
 * longer query to be searched anew rather than refined). */
static int
ends_inside(const struct scan *sc, const uint8_t *f, int len)
{
	size_t j;

	for (j = 1; j < (size_t)len && j <= sc->n; j++)
		if (memcmp(sc->q + sc->n - j, f, j) == 0)
			return 1;
	return 0;
}

/* True when the character uc can be part of P's stretch in a match: it
 * folds to nothing (with P in ASCII), or to part of P; or when a match
 * can end inside its fold. */
static int
relevant(struct scan *sc, uint32_t uc, const uint8_t **f, int *len)
{
	uint8_t *r = uc < 0x10000 ? &sc->rel[uc] : NULL;
	int yes;

	if (r != NULL && (*r & I_REL_KNOWN) && !(*r & I_REL))
		return 0;
	*len = fold_fast(uc, f);
	if (r != NULL && (*r & I_REL_KNOWN))
		return 1;
	yes = (*len == 0 && sc->pascii) || (*len > 0 &&
	    (size_t)*len <= sc->plen && memmem(sc->q + sc->poff, sc->plen,
	    *f, (size_t)*len) != NULL) || (*len > 1 &&
	    ends_inside(sc, *f, *len));
	if (r != NULL)
		*r |= I_REL_KNOWN | (yes ? I_REL : 0);
	return yes;
}

/* True when a match can hold the character at y (of k bytes), which
 * folds to the len bytes at f. */
static int
anchored(const struct scan *sc, const uint8_t *t, size_t y, int k,
    const uint8_t *f, int len, size_t e)
{
	size_t i;

	if (len == 0) {
		/* Something invisible, between two characters of a match. */
		for (i = 1; i < sc->n; i++)
			if (backward(sc, t, y, i) && forward(sc, t,
			    y + (size_t)k, e, i, NULL) != 0)
				return 1;
		return 0;
	}
	for (i = 0; i + (size_t)len <= sc->n; i++)
		if (memcmp(sc->q + i, f, (size_t)len) == 0 &&
		    backward(sc, t, y, i) && (i + (size_t)len == sc->n ||
		    forward(sc, t, y + (size_t)k, e, i + (size_t)len,
		    NULL) != 0))
			return 1;
	/* The query's last i bytes start the fold: it ends inside. */
	for (i = 1; i < (size_t)len && i <= sc->n; i++)
		if (memcmp(sc->q + sc->n - i, f, i) == 0 &&
		    backward(sc, t, y, sc->n - i))
			return 1;
	return 0;
}

/* True when a match can hold the character outside ASCII at p; sets *k
 * to its length. */
static int
relevant_at(struct scan *sc, const uint8_t *t, size_t p, size_t e, int *k)
{
	const uint8_t *f;
	int len;

	return relevant(sc, decode(t, p, e, k), &f, &len) &&
	    anchored(sc, t, p, *k, f, len, e);
}

/* Looks at the places a block of text at c offers, in order: lit has a
 * bit for each place where a literal P may start, lead for each
 * character outside ASCII. Returns the first that holds, or NONE. */
static size_t
block_places(struct scan *sc, const uint8_t *t, size_t c, size_t e,
    uint32_t lit, uint32_t lead, size_t *skip)
{
	uint32_t all;
	int k;

	for (all = lit | lead; all != 0; all &= all - 1) {
		size_t at = c + (size_t)__builtin_ctz(all);
		uint32_t bit = all & -all;

		if ((lit & bit) && literal_at(sc, t, at, e))
			return at;
		if ((lead & bit) && at >= *skip) {
			if (relevant_at(sc, t, at, e, &k))
				return at;
			*skip = at + (size_t)k;
		}
	}
	return NONE;
}

/*
 * The vector loop of scan_event, for a vector type of W bytes: the bits
 * of the places where the two rare bytes of P stand at their distance,
 * and of the first bytes of characters outside ASCII, but for the common
 * punctuation (E2 80 xx) that a match cannot hold.
 */
#define VECTOR_LOOP(W, V, LOAD, SET1, ZERO, EQ, GT, OR, AND, MASK) do { \
	const V v1 = SET1((char)sc->b1), v2 = SET1((char)sc->b2); \
	const V m1 = SET1(sc->l1 ? 0x20 : 0), m2 = SET1(sc->l2 ? 0x20 : 0); \
	const V hi = SET1((char)0xBF), e2 = SET1((char)0xE2); \
	const V x80 = SET1((char)0x80); \
	const V i0 = SET1((char)sc->irr[0]), i1 = SET1((char)sc->irr[1]); \
	const V i2 = SET1((char)sc->irr[2]), i3 = SET1((char)sc->irr[3]); \
	const V i4 = SET1((char)sc->irr[4]), i5 = SET1((char)sc->irr[5]); \
	const V i6 = SET1((char)sc->irr[6]); \
	const V keep = SET1(lit ? (char)0xFF : 0); \
	const uint32_t stray = sc->stray ? 0xFFFFFFFFu : 0; \
	\
	while (c + (W) + 2 <= e && (!lit || c + (W) - 1 <= last)) { \
		V x = LOAD((const V *)(t + c)); \
		V x2 = LOAD((const V *)(t + c + 2)); \
		V any = OR(OR(OR(EQ(x2, i0), EQ(x2, i1)), OR(EQ(x2, i2), \
		    EQ(x2, i3))), OR(OR(EQ(x2, i4), EQ(x2, i5)), EQ(x2, i6))); \
		V punct = AND(AND(EQ(x, e2), EQ(LOAD((const V *)(t + c + 1)), \
		    x80)), any); \
		V lit1 = EQ(OR(LOAD((const V *)(t + c + sc->o1)), m1), v1); \
		V lit2 = EQ(OR(LOAD((const V *)(t + c + sc->o2)), m2), v2); \
		uint32_t lead = (uint32_t)MASK(x) & ((uint32_t)MASK(GT(x, hi)) | \
		    stray) & ~(uint32_t)MASK(punct); \
		uint32_t m = (uint32_t)MASK(AND(AND(lit1, lit2), keep)); \
		size_t r; \
		\
		if ((m | lead) != 0 && (r = block_places(sc, t, c, e, m, \
		    lead, &skip)) != NONE) \
			return r; \
		c += (W); \
	} \
} while (0)

#if defined(__SSE2__)
static size_t
loop_sse2(struct scan *sc, const uint8_t *t, size_t from, size_t e,
    size_t last, int lit, size_t *next, size_t *skipp)
{
	size_t c = from, skip = *skipp;

	VECTOR_LOOP(16, __m128i, _mm_loadu_si128, _mm_set1_epi8,
	    _mm_setzero_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_or_si128,
	    _mm_and_si128, _mm_movemask_epi8);
	*next = c;
	*skipp = skip;
	return NONE;
}
#endif

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) static size_t
loop_avx2(struct scan *sc, const uint8_t *t, size_t from, size_t e,
    size_t last, int lit, size_t *next, size_t *skipp)
{
	size_t c = from, skip = *skipp;

	VECTOR_LOOP(32, __m256i, _mm256_loadu_si256, _mm256_set1_epi8,
	    _mm256_setzero_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8,
	    _mm256_or_si256, _mm256_and_si256, _mm256_movemask_epi8);
	*next = c;
	*skipp = skip;
	return NONE;
}
#endif

/*
 * One pass over the text for both kinds of places, a vector at a time
 * (32 bytes where the processor has AVX2, 16 with SSE2), then a byte at a
 * time for the rest.
 */
size_t
scan_event(struct scan *sc, const uint8_t *t, size_t from, size_t e)
{
	size_t c = from, last, skip = from, r = NONE;
	int lit = sc->pascii, k;

	if (from >= e)
		return NONE;
	if (sc->everywhere)
		return from;
	/* The last place a literal P can start. */
	last = lit && e - from >= sc->plen ? e - sc->plen : 0;
	if (lit && e - from < sc->plen)
		lit = 0;
#if defined(__x86_64__) && defined(__GNUC__)
	if (vectors >= 32 && __builtin_cpu_supports("avx2"))
		r = loop_avx2(sc, t, c, e, last, lit, &c, &skip);
	else
#endif
#if defined(__SSE2__)
	if (vectors >= 16)
		r = loop_sse2(sc, t, c, e, last, lit, &c, &skip);
#endif
	if (r != NONE)
		return r;
	for (; c < e; c++) {
		if (lit && c <= last && lower(t[c + sc->o1]) == sc->b1 &&
		    lower(t[c + sc->o2]) == sc->b2 && literal_at(sc, t, c, e))
			return c;
		if ((t[c] >= 0xC0 || (sc->stray && t[c] >= 0x80)) &&
		    c >= skip) {
			if (relevant_at(sc, t, c, e, &k))
				return c;
			skip = c + (size_t)k;
		}
	}
	return NONE;
}
