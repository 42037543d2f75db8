/* notes_anchor.c: saved highlights checked against the document, and found
 * again by their text when it changed. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lectern/doc.h"
#include "lectern/notes_anchor.h"
#include "lectern/util.h"

#define FNV_OFFSET	0xCBF29CE484222325ULL
#define FNV_PRIME	0x100000001B3ULL

/* The hash of n bytes, fed in pieces of whole words but the last. */
static uint64_t
hash_begin(size_t n)
{
	return 0x9E3779B97F4A7C15ULL ^ n;
}

static uint64_t
hash_add(uint64_t h, const uint8_t *p, size_t n)
{
	uint64_t w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001B3ULL;
	return h;
}

static uint64_t
hash_end(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 33;
	return h;
}

uint64_t
notes_anchor_hash(const uint8_t *p, size_t n)
{
	return hash_end(hash_add(hash_begin(n), p, n));
}

#define HASH_FULL	(16u << 20)	/* hashed whole up to this size */
#define HASH_EDGE	(256u << 10)	/* beyond, its first and last bytes */
#define HASH_SAMPLE	4096		/* and 32 samples between */

#define HASH_PIECE	(16u << 10)	/* bytes read from a file at once */

/* The bytes hashed: in memory, or (fd >= 0) in a file from base. */
struct hash_src {
	const uint8_t	*p;
	int		 fd;
	off_t		 base;
};

/* The hash of the n bytes at off, in *h; 0 when the file does not give
 * them. A file is read a piece at a time into a buffer on the stack: a
 * fresh buffer's pages would cost what the mapping's do. */
static int
hash_range(const struct hash_src *hs, size_t off, size_t n, uint64_t *h)
{
	uint8_t buf[HASH_PIECE];
	uint64_t v = hash_begin(n);
	size_t done = 0, got, want;
	ssize_t k;

	if (hs->fd < 0) {
		*h = notes_anchor_hash(hs->p + off, n);
		return 1;
	}
	while (done < n) {
		want = n - done < HASH_PIECE ? n - done : HASH_PIECE;
		for (got = 0; got < want; got += (size_t)k)
			if ((k = pread(hs->fd, buf + got, want - got, hs->base +
			    (off_t)(off + done + got))) <= 0)
				return 0;
		v = hash_add(v, buf, want);	/* whole words but the last */
		done += want;
	}
	*h = hash_end(v);
	return 1;
}

#define HASH_PIECES	34	/* the two edges and the samples */

/* Piece i of those hashed of n > HASH_FULL bytes. */
static void
hash_piece(size_t n, size_t i, size_t *off, size_t *len)
{
	size_t step = (n - 2 * HASH_EDGE) / (HASH_PIECES - 2);

	*len = i < 2 ? HASH_EDGE : HASH_SAMPLE;
	if (i == 0)
		*off = 0;
	else if (i == 1)
		*off = n - HASH_EDGE;
	else
		*off = HASH_EDGE + (i - 2) * step;
}

/* Of all of it up to 16 MB; beyond, samples, so that a 1 GB archive opens
 * without reading it all. Returns 0 with *h unset when a byte could not
 * be read. */
static int
sampled_hash(const struct hash_src *hs, size_t n, uint64_t *h)
{
	size_t i, off, len;
	uint64_t v = 0, r;

	if (n <= HASH_FULL)
		return hash_range(hs, 0, n, h);
	for (i = 0; i < HASH_PIECES; i++) {
		hash_piece(n, i, &off, &len);
		if (!hash_range(hs, off, len, &r))
			return 0;
		v = i == 0 ? r ^ n : v * 31 + r;
	}
	*h = v;
	return 1;
}

/* A mapped file is hashed with pread rather than from the mapping: the
 * first touch of each page of a mapping costs a fault, the dearest thing
 * at a start under a hypervisor, and most of the pages hashed are not
 * the first screen's (all of a 1 MB file; 34 places of a large one).
 * Sets hs for them and returns 1; 0 for a text hashed in memory. */
static int
hash_from_file(const struct doc *d, struct hash_src *hs)
{
	if (d->own != DOC_MAPPED || d->fd < 0 || d->src != d->in ||
	    d->in < d->raw)
		return 0;
	hs->fd = d->fd;
	hs->base = (off_t)(d->in - d->raw);
	return 1;
}

uint64_t
notes_anchor_doc_hash(const struct doc *d)
{
	struct hash_src hs = { d->src, -1, 0 };
	uint64_t h;

	if (hash_from_file(d, &hs)) {
		if (sampled_hash(&hs, d->len, &h))
			return h;
		hs.fd = -1;
	}
	sampled_hash(&hs, d->len, &h);
	return h;
}

void
notes_anchor_prefetch(const struct doc *d)
{
	struct hash_src hs = { d->src, -1, 0 };
	size_t i, off, len;

	if (d->len <= HASH_FULL || !hash_from_file(d, &hs))
		return;
	for (i = 0; i < HASH_PIECES; i++) {
		hash_piece(d->len, i, &off, &len);
		(void)posix_fadvise(hs.fd, hs.base + (off_t)off, (off_t)len,
		    POSIX_FADV_WILLNEED);
	}
}

uint64_t
notes_anchor_content_hash(const uint8_t *p, size_t n)
{
	struct hash_src hs = { p, -1, 0 };
	uint64_t h;

	sampled_hash(&hs, n, &h);
	return h;
}

char *
notes_anchor_excerpt(const struct doc *d, size_t b)
{
	const struct doc_block *blk = &d->blocks[b];
	size_t n = blk->tend - blk->tstart;

	if (n > NOTES_EXCERPT_BYTES) {
		/* Not inside a character (of at most 4 bytes; invalid UTF-8
		 * is cut where it falls). */
		n = NOTES_EXCERPT_BYTES;
		while (n > NOTES_EXCERPT_BYTES - 3 &&
		    (d->src[blk->tstart + n] & 0xC0) == 0x80)
			n--;
		if ((d->src[blk->tstart + n] & 0xC0) == 0x80)
			n = NOTES_EXCERPT_BYTES;
	}
	return xstrndup((const char *)d->src + blk->tstart, n);
}

/* True when block b's text starts with the n bytes of excerpt. An
 * excerpt ends at a NUL byte of the text (it is a string), so an empty one
 * anchors only a text that is empty or starts with a NUL. */
static int
anchors(const struct doc *d, size_t b, const char *excerpt, size_t n)
{
	const struct doc_block *blk = &d->blocks[b];

	return blk->tend - blk->tstart >= n &&
	    memcmp(d->src + blk->tstart, excerpt, n) == 0 &&
	    (n > 0 || blk->tend == blk->tstart || d->src[blk->tstart] == 0);
}

int
notes_anchor_stands(const struct doc *d, const struct notes_highlight *h)
{
	return h->block < d->nblocks && d->blocks[h->block].start == h->start &&
	    anchors(d, h->block, h->excerpt, strlen(h->excerpt));
}

/* A distinct excerpt among those looked for, and the blocks found that
 * start with it (in found[first], in document order). */
struct key {
	uint64_t	 h;
	size_t		 len;
	const char	*s;
	size_t		 first, n;
};

/* A block found to start with key k. */
struct pair {
	size_t		 k, block;
};

/* FNV-1a of n bytes. */
static uint64_t
fnv(const char *s, size_t n)
{
	uint64_t h = FNV_OFFSET;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * FNV_PRIME;
	return h;
}

/* The slot of (h, len, s) in a table of size slots (indexes + 1). */
static size_t
slot(const size_t *table, size_t size, const struct key *keys, uint64_t h,
    size_t len, const char *s)
{
	size_t i;

	for (i = h & (size - 1); table[i] != 0; i = (i + 1) & (size - 1)) {
		const struct key *k = &keys[table[i] - 1];

		if (k->h == h && k->len == len && memcmp(k->s, s, len) == 0)
			break;
	}
	return i;
}

/* The block nearest to want among the n sorted blocks v (the lower of two
 * as near). */
static size_t
nearest(const size_t *v, size_t n, size_t want)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == n)
		return v[n - 1];
	if (lo == 0 || v[lo] - want < want - v[lo - 1])
		return v[lo];
	return v[lo - 1];
}

/*
 * Finds each of the n highlights in st again: where[i] gets the nearest
 * block to where it was whose text starts with its excerpt, or SIZE_MAX.
 * One pass over the blocks, hashing the start of each once for the
 * lengths looked for, however many highlights there are.
 */
static void
reanchor(const struct doc *d, const struct notes_highlight *st, size_t n,
    size_t *where)
{
	unsigned char uselen[NOTES_EXCERPT_BYTES + 1];
	size_t *table, *keyof, *found, size = 16, nkeys = 0, maxlen = 0;
	size_t npairs = 0, cappairs = 0, i, b, L, sum;
	struct key *keys;
	struct pair *pairs = NULL;

	memset(uselen, 0, sizeof uselen);
	while (size < 2 * n + 1)
		size *= 2;
	table = xcalloc(size, sizeof *table);
	keys = xreallocarray(NULL, n, sizeof *keys);
	keyof = xreallocarray(NULL, n, sizeof *keyof);
	for (i = 0; i < n; i++) {
		size_t len = strlen(st[i].excerpt), s;
		uint64_t h;

		if (len > NOTES_EXCERPT_BYTES)
			len = NOTES_EXCERPT_BYTES;
		h = fnv(st[i].excerpt, len);
		s = slot(table, size, keys, h, len, st[i].excerpt);
		if (table[s] == 0) {
			keys[nkeys].h = h;
			keys[nkeys].len = len;
			keys[nkeys].s = st[i].excerpt;
			keys[nkeys].n = 0;
			table[s] = ++nkeys;
		}
		keyof[i] = table[s] - 1;
		uselen[len] = 1;
		if (len > maxlen)
			maxlen = len;
	}
	for (b = 0; b < d->nblocks; b++) {
		const struct doc_block *blk = &d->blocks[b];
		const char *text = (const char *)d->src + blk->tstart;
		size_t tl = blk->tend - blk->tstart, lim = tl < maxlen ? tl :
		    maxlen, s;
		uint64_t h = FNV_OFFSET;

		for (L = 0; L <= lim; L++) {
			if (L > 0)
				h = (h ^ (unsigned char)text[L - 1]) * FNV_PRIME;
			if (!uselen[L] || (L == 0 && tl != 0 && *text != 0))
				continue;
			s = slot(table, size, keys, h, L, text);
			if (table[s] == 0)
				continue;
			UTIL_GROW(pairs, cappairs, npairs + 1);
			pairs[npairs].k = table[s] - 1;
			pairs[npairs++].block = b;
			keys[table[s] - 1].n++;
		}
	}
	/* The blocks of each key together, still in document order. */
	for (i = 0, sum = 0; i < nkeys; i++) {
		keys[i].first = sum;
		sum += keys[i].n;
		keys[i].n = 0;
	}
	found = xreallocarray(NULL, npairs + 1, sizeof *found);
	for (i = 0; i < npairs; i++) {
		struct key *k = &keys[pairs[i].k];

		found[k->first + k->n++] = pairs[i].block;
	}
	for (i = 0; i < n; i++) {
		const struct key *k = &keys[keyof[i]];

		where[i] = k->n == 0 ? SIZE_MAX : nearest(found + k->first,
		    k->n, st[i].block);
	}
	free(found);
	free(pairs);
	free(keyof);
	free(keys);
	free(table);
}

size_t
notes_anchor_resolve(struct notes_hls *in, const struct doc *d,
    struct notes_hls *ok, struct notes_hls *pending, struct notes_hls *lost)
{
	struct notes_hls stale = { NULL, 0, 0 };
	size_t *where, i, nlost = 0;
	int complete = doc_complete(d);

	for (i = 0; i < in->n; i++) {
		struct notes_highlight *h = &in->v[i];

		if (notes_anchor_stands(d, h)) {
			h->end = d->blocks[h->block].end;
			notes_hls_move(ok, h);
		} else if (!complete)
			notes_hls_move(pending, h);
		else
			notes_hls_move(&stale, h);
	}
	in->n = 0;
	if (stale.n > 0) {
		where = xreallocarray(NULL, stale.n, sizeof *where);
		reanchor(d, stale.v, stale.n, where);
		for (i = 0; i < stale.n; i++) {
			struct notes_highlight *h = &stale.v[i];

			if (where[i] == SIZE_MAX) {
				notes_hls_move(lost, h);
				nlost++;
				continue;
			}
			h->block = where[i];
			h->start = d->blocks[h->block].start;
			h->end = d->blocks[h->block].end;
			notes_hls_move(ok, h);
		}
		free(where);
		notes_hls_free(&stale);
	}
	notes_hls_sort(ok);
	notes_hls_sort(pending);
	return nlost;
}
