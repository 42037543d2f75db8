/*
 * search.c: finding what the reader means in a document, in the text as
 * it is (see scan.c and fold.c): no folded copy, no map back.
 *
 * What is searched in a block is what the reader sees of it: its text,
 * after its label and the separator the layout puts between them (a
 * speaker's "Name: ", a credit's "Role: ", a numbered bullet's "1. ").
 * Where the text holds exactly that separator between label and text (a
 * plain transcript's "Name: text"), the block is one range of the text;
 * where it does not (markup between them, or nothing), the block is put
 * together in a scratch buffer first. A match never crosses blocks.
 *
 * A query with a capital letter is case-sensitive, one with diacritics
 * keeps them: a match of the folded query is then checked again against
 * the text folded without those two steps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "lectern/doc.h"
#include "lectern/fold.h"
#include "lectern/format.h"
#include "lectern/rx.h"
#include "lectern/scan.h"
#include "lectern/search.h"
#include "lectern/util.h"

#define NONE	SIZE_MAX

struct search_index {
	const struct doc *doc;
	size_t		 nready;	/* blocks that may be searched */
	struct buf	 scratch;	/* a block put together */
	/* A bit for each block searched as one range of the text (see
	 * contiguous), learnt as blocks are taken in: a search then
	 * touches the text only where a match can be. */
	uint8_t		*contig;
	size_t		 capcontig;
};

/* What is searched of a block: t[s, e), and how offsets in it map back to
 * the document's text. */
struct stream {
	const uint8_t	*t;
	size_t		 s, e;
	int		 scratch;	/* t is the scratch buffer */
	size_t		 lstart, llen;	/* the label, in the scratch */
	size_t		 seplen;
	size_t		 tstart;	/* the text, in the document */
};

/* The separator the layout shows between a block's label and its text,
 * or NULL when the label is not shown before the text. */
static const char *
separator(const struct doc_block *b)
{
	if (b->lend <= b->lstart || b->lend > b->tstart)
		return NULL;
	switch (b->kind) {
	case DOC_TURN:
	case DOC_CREDIT:
		return ": ";
	case DOC_BULLET:
		return " ";
	default:
		return NULL;
	}
}

/* Sets st to what is searched of block b. */
static void
stream_of(struct search_index *x, size_t b, struct stream *st)
{
	const struct doc *d = x->doc;
	const struct doc_block *blk = &d->blocks[b];
	const char *sep = separator(blk);
	size_t n;

	memset(st, 0, sizeof *st);
	st->t = d->src;
	if (sep == NULL) {
		st->s = blk->tstart;
		st->e = blk->tend;
		return;
	}
	n = strlen(sep);
	if (blk->tstart - blk->lend == n &&
	    memcmp(d->src + blk->lend, sep, n) == 0) {
		st->s = blk->lstart;
		st->e = blk->tend;
		return;
	}
	buf_reset(&x->scratch);
	buf_add(&x->scratch, d->src + blk->lstart, blk->lend - blk->lstart);
	buf_add(&x->scratch, sep, n);
	buf_add(&x->scratch, d->src + blk->tstart, blk->tend - blk->tstart);
	buf_addc(&x->scratch, '\0');
	st->t = (const uint8_t *)x->scratch.data;
	st->s = 0;
	st->e = x->scratch.len - 1;
	st->scratch = 1;
	st->llen = blk->lend - blk->lstart;
	st->lstart = blk->lstart;
	st->seplen = n;
	st->tstart = blk->tstart;
}

/* True when block b is searched as one range of the document's text. */
static int
contiguous(const struct doc *d, size_t b)
{
	const struct doc_block *blk = &d->blocks[b];
	const char *sep = separator(blk);
	size_t n;

	if (sep == NULL)
		return 1;
	n = strlen(sep);
	return blk->tstart - blk->lend == n &&
	    memcmp(d->src + blk->lend, sep, n) == 0;
}

/* The document offset of offset o of a stream. */
static size_t
to_doc(const struct stream *st, size_t o)
{
	if (!st->scratch)
		return o;
	if (o < st->llen)
		return st->lstart + o;
	if (o < st->llen + st->seplen)
		return st->lstart + st->llen;
	return st->tstart + (o - st->llen - st->seplen);
}

/* The stream offset of document offset off in block b's stream. */
static size_t
from_doc(const struct stream *st, size_t off)
{
	if (!st->scratch)
		return off < st->s ? st->s : off > st->e ? st->e : off;
	if (off < st->lstart)
		return 0;
	if (off < st->lstart + st->llen)
		return off - st->lstart;
	if (off < st->tstart)
		return st->llen + st->seplen;
	return st->llen + st->seplen + (off - st->tstart) > st->e ? st->e :
	    st->llen + st->seplen + (off - st->tstart);
}

int
search_index_extend(struct search_index *x, size_t budget)
{
	const struct doc *d = x->doc;
	size_t b = x->nready, want, start;

	/* The last blocks can still change while the parser reads on. */
	want = doc_complete(d) ? d->nblocks :
	    d->nblocks < 4 ? 0 : d->nblocks - 4;
	if (want > b) {
		UTIL_GROW(x->contig, x->capcontig, want / 8 + 1);
		start = d->blocks[b].start;
		for (; b < want && (budget == 0 ||
		    d->blocks[b].start - start < budget); b++) {
			uint8_t bit = (uint8_t)(1u << (b % 8));

			if (contiguous(d, b))
				x->contig[b / 8] |= bit;
			else
				x->contig[b / 8] &= (uint8_t)~bit;
		}
		x->nready = b;
	}
	return !search_index_complete(x);
}

/* contiguous(x->doc, b) for a block taken in. */
static int
block_contiguous(const struct search_index *x, size_t b)
{
	return (x->contig[b / 8] >> (b % 8)) & 1;
}

int
search_index_complete(const struct search_index *x)
{
	return doc_complete(x->doc) && x->nready == x->doc->nblocks;
}

struct search_index *
search_index_begin(const struct doc *d)
{
	struct search_index *x;

	x = xcalloc(1, sizeof *x);
	x->doc = d;
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
	buf_free(&x->scratch);
	free(x->contig);
	free(x);
}

size_t
search_index_size(const struct search_index *x)
{
	return sizeof *x + x->scratch.cap + x->capcontig;
}

size_t
search_folded_len(const struct search_index *x)
{
	return x->nready == 0 ? 0 : x->doc->blocks[x->nready - 1].tend;
}

void
search_source(const struct search_index *x, const struct search_match *m,
    size_t *start, size_t *end)
{
	(void)x;
	*start = m->fs;
	*end = m->fe;
}

size_t
search_block(const struct search_index *x, const struct search_match *m)
{
	return doc_block_at(x->doc, m->fs);
}

size_t
search_block_from(const struct search_index *x, const struct search_match *m,
    size_t *hint)
{
	const struct doc *d = x->doc;
	size_t b = *hint, steps = 0;

	if (b >= d->nblocks || d->blocks[b].start > m->fs)
		b = search_block(x, m);
	while (b + 1 < d->nblocks && d->blocks[b + 1].start <= m->fs)
		if (++steps > 32) {
			b = search_block(x, m);
			break;
		} else
			b++;
	*hint = b;
	return b;
}

static int
block_in_scope(const struct doc *d, size_t b, const struct search_scope *sc)
{
	if (sc == NULL || sc->kind == SEARCH_ALL)
		return 1;
	if (sc->kind == SEARCH_SPEAKER)
		return d->blocks[b].speaker == sc->speaker;
	if (sc->section < 0 || (size_t)sc->section >= d->nsections)
		return 0;
	return b >= d->sections[sc->section].heading &&
	    b < d->sections[sc->section].end;
}

/* The folding of a query's exact form. */
static int
exact_flags(const struct search_query *q)
{
	return (q->case_sensitive ? 0 : FOLD_CASE) |
	    (q->keep_marks ? FOLD_MARKS : 0) | (q->keep_dashes ? FOLD_DASHES : 0);
}

/* True when t[s, e) matches the query's exact form (for queries with
 * capitals, diacritics or a dash other than '-'). */
static int
exact(const struct search_query *q, const uint8_t *t, size_t s, size_t e)
{
	struct buf b = { NULL, 0, 0 };
	int ok, flags = exact_flags(q);

	if (!q->case_sensitive && !q->keep_marks && !q->keep_dashes)
		return 1;
	fold_text(&b, t + s, e - s, flags);
	ok = b.len == q->nexact && (b.len == 0 ||
	    memcmp(b.data, q->exact, b.len) == 0);
	buf_free(&b);
	return ok;
}

/* What a byte outside ASCII in a match's next bytes stands for. */
#define NEXT_OTHER	0x80	/* a character that does not join the one
				   before it */
#define NEXT_JOINS	0xFF	/* one that may (a combining mark), or a
				   byte not looked at */

/* Notes in w the bytes after the match of stream offsets [s, e): those of
 * the block's text, when the stream is the document's own range from s on
 * (not from a label, whose separator the document does not hold). */
static void
next_fill(struct search_next *w, const struct stream *st, size_t s,
    size_t e)
{
	size_t k = st->e - e, i;

	memset(w, 0, sizeof *w);
	if (st->scratch && s < st->llen + st->seplen)
		return;		/* from the label: not the document's range */
	if (k > SEARCH_NEXT_LEN)
		k = SEARCH_NEXT_LEN;
	else
		w->n = SEARCH_NEXT_END;
	memcpy(w->b, st->t + e, k);
	w->n |= (uint8_t)k;
	/* The first byte outside ASCII is all a refining looks at of what
	 * follows: whether its character would join a match ending before
	 * it (a combining mark). The bytes after it are of no use. */
	for (i = 0; i < k && w->b[i] < 0x80; i++)
		;
	if (i < k) {
		int len;

		w->b[i] = fold_extends(fold_decode(st->t + e + i, st->e - e - i,
		    &len)) ? NEXT_JOINS : NEXT_OTHER;
		memset(w->b + i + 1, NEXT_JOINS, k - i - 1);
	}
}

/* True when another match of q starts inside the match [s, e) of the
 * stream: the search passes it over, but a longer query may match there
 * and not at s. Only a query that ends with a start of itself can. */
static int
inner_match(struct search_query *q, const struct stream *st, size_t s,
    size_t e)
{
	size_t p, f;
	int partial = 0;

	if (!q->border)
		return 0;
	for (p = s + 1; p < e; p++)
		if ((f = scan_match(q->scan, st->t, st->s, p, st->e,
		    &partial)) != 0 && exact(q, st->t, p, f))
			return 1;
	return 0;
}

/* Adds a match of stream offsets [s, e) to r. */
static void
add_match(struct search_query *q, struct search_result *r,
    const struct stream *st, size_t s, size_t e)
{
	if (r->count_only) {
		r->n++;
		return;
	}
	UTIL_GROW(r->m, r->cap, r->n + 1);
	r->m[r->n].fs = (uint32_t)to_doc(st, s);
	r->m[r->n].fe = (uint32_t)to_doc(st, e);
	if (r->want_next) {
		UTIL_GROW(r->next, r->capnext, r->n + 1);
		next_fill(&r->next[r->n], st, s, e);
		if (inner_match(q, st, s, e))
			r->next[r->n].n |= SEARCH_NEXT_INNER;
	}
	r->n++;
}

/* The plain matches in the stream from stream offset from. */
static void
plain_block(struct search_query *q, const struct stream *st, size_t from,
    struct search_result *r)
{
	size_t p = from, s, end;
	int partial = 0;

	while ((s = scan_unit(q->scan, st->t, st->s, p, st->e, &end,
	    &partial)) != NONE) {
		/* A place refused by case or marks may overlap the next. */
		if (exact(q, st->t, s, end)) {
			add_match(q, r, st, s, end);
			p = end > s ? end : s + 1;
		} else
			p = s + 1;
	}
	if (partial)
		r->skipped = 1;
}

/*
 * A regular expression's search, between slices: the block being searched,
 * folded (with the document offset of every folded byte), and the
 * matcher's run over it, which pauses when a slice's work is done and goes
 * on at the next slice.
 */
struct search_rxrun {
	unsigned long	 id;		/* the query's */
	struct rx_run	*run;
	int		 active;	/* a block is being searched */
	size_t		 block;
	size_t		 from;		/* where the slice asked to start */
	struct buf	 folded;
	uint32_t	*map;		/* folded offset to document offset */
	size_t		 capmap;
	size_t		 end;		/* where the block's stream ends */
};

#define STEP_BYTES	4	/* a step of the matcher costs about what a
				   plain search of this many bytes does */

/* Folds the stream into rr->folded, noting the document offset of each
 * folded byte. */
static void
fold_stream(struct search_rxrun *rr, const struct stream *st)
{
	uint8_t out[FOLD_MAX];
	size_t i, j;
	int space = 1, k, len;

	buf_reset(&rr->folded);
	for (i = st->s; i < st->e; i += (size_t)k) {
		uint32_t uc = fold_decode(st->t + i, st->e - i, &k);

		len = fold_char(uc, FOLD_CASE, out);
		if (len == FOLD_SPACE) {
			if (space)
				continue;
			len = 1;
			out[0] = ' ';
			space = 1;
		} else if (len > 0)
			space = 0;
		else
			continue;
		UTIL_GROW(rr->map, rr->capmap, rr->folded.len + (size_t)len + 1);
		for (j = 0; j < (size_t)len; j++)
			rr->map[rr->folded.len + j] = (uint32_t)to_doc(st, i);
		buf_add(&rr->folded, out, (size_t)len);
	}
	UTIL_GROW(rr->map, rr->capmap, rr->folded.len + 1);
	rr->map[rr->folded.len] = (uint32_t)to_doc(st, st->e);
	rr->end = to_doc(st, st->e);
}

/* A match may start and end only where a character's fold does. */
static int
rx_boundary(void *arg, size_t pos)
{
	struct search_rxrun *rr = arg;

	return pos == 0 || pos >= rr->folded.len ||
	    rr->map[pos] != rr->map[pos - 1];
}

/* Adds the match [so, eo) of the folded block to r. */
static void
add_rx_match(struct search_rxrun *rr, size_t so, size_t eo,
    struct search_result *r)
{
	size_t s = rr->map[so], e = eo >= rr->folded.len ? rr->end :
	    rr->map[eo];

	if (e <= s)
		return;
	if (r->count_only) {
		r->n++;
		return;
	}
	UTIL_GROW(r->m, r->cap, r->n + 1);
	r->m[r->n].fs = (uint32_t)s;
	r->m[r->n].fe = (uint32_t)e;
	r->n++;
}

/* Searches a regular expression block by block from document offset
 * from, for about budget bytes' worth of work, going on inside the block
 * the last slice left. Returns where the next slice starts. */
static size_t
regex_slice(struct search_index *x, struct search_query *q,
    const struct search_scope *sc, struct search_result *r, size_t from,
    size_t budget)
{
	const struct doc *d = x->doc;
	struct search_rxrun *rr;
	struct rx_match m;
	struct stream st;
	size_t steps = budget == SIZE_MAX ? SIZE_MAX : budget / STEP_BYTES + 1;
	size_t b, f, end = search_folded_len(x);

	if (r->rxrun == NULL)
		r->rxrun = xcalloc(1, sizeof *r->rxrun);
	rr = r->rxrun;
	if (rr->run == NULL || rr->id != q->id) {
		rx_run_free(rr->run);
		rr->run = rx_run_new(q->rx);
		rx_run_bound(rr->run, rx_boundary, rr);
		rr->id = q->id;
		rr->active = 0;
	}
	if (rr->active && rr->from != from)
		rr->active = 0;
	for (;;) {
		if (!rr->active) {
			if (from >= end)
				return end;
			b = doc_block_at(d, from);
			if (b >= x->nready)
				return end;
			if (!block_in_scope(d, b, sc)) {
				from = b + 1 < d->nblocks ?
				    d->blocks[b + 1].start : end;
				if (steps < 16)
					return from;
				steps -= 16;
				continue;
			}
			stream_of(x, b, &st);
			fold_stream(rr, &st);
			for (f = 0; f < rr->folded.len && rr->map[f] < from; f++)
				;
			rr->block = b;
			rr->from = from;
			rr->active = 1;
			rx_run_start(rr->run, rr->folded.len, f, RX_NONEMPTY);
		}
		switch (rx_exec(rr->run, (const uint8_t *)rr->folded.data,
		    rr->folded.len, &steps, &m)) {
		case RX_MATCH:
			add_rx_match(rr, m.so, m.eo, r);
			break;
		case RX_PAUSED:
			return rr->from;
		case RX_DONE:
			rr->active = 0;
			b = rr->block;
			from = b + 1 < d->nblocks ? d->blocks[b + 1].start : end;
			if (b + 1 >= x->nready)
				from = end;
			if (steps == 0)
				return from;
			break;
		}
	}
}

/* Frees a regular expression's search. */
static void
rxrun_free(struct search_rxrun *rr)
{
	if (rr == NULL)
		return;
	rx_run_free(rr->run);
	buf_free(&rr->folded);
	free(rr->map);
	free(rr);
}

/* Searches block b's stream from document offset from. */
static void
search_in_block(struct search_index *x, struct search_query *q, size_t b,
    size_t from, struct search_result *r)
{
	struct stream st;

	stream_of(x, b, &st);
	plain_block(q, &st, from_doc(&st, from), r);
}

/* The last ready block of a run of blocks from b searched as one range
 * of the text, at most limit bytes and RUN_MAX blocks long. */
#define RUN_MAX	4096

static size_t
run_end(const struct search_index *x, size_t b, size_t limit)
{
	const struct doc *d = x->doc;
	size_t start = d->blocks[b].start, n = 0;

	while (b + 1 < x->nready && block_contiguous(x, b + 1) &&
	    d->blocks[b + 1].end - start <= limit && ++n < RUN_MAX)
		b++;
	return b;
}

size_t
search_run_slice(struct search_index *x, struct search_query *q,
    const struct search_scope *sc, struct search_result *r, size_t from,
    size_t budget)
{
	const struct doc *d = x->doc;
	size_t b, done = 0, end = search_folded_len(x), last = 0;
	int haverun = 0;

	if (x->nready == 0 || from >= end)
		return end;
	if (q->regex)
		return q->rx != NULL ? regex_slice(x, q, sc, r, from, budget) :
		    end;
	if (q->nfolded == 0)
		return end;
	b = doc_block_at(d, from);
	while (b < x->nready && done < budget) {
		const struct doc_block *blk = &d->blocks[b];
		size_t ev, e, p;

		if (!block_contiguous(x, b)) {
			if (block_in_scope(d, b, sc))
				search_in_block(x, q, b, from, r);
			done += blk->end - blk->start + 1;
			from = ++b < d->nblocks ? d->blocks[b].start : end;
			continue;
		}
		/* A run of blocks in one range: jump to where a match can
		 * be, and search only the block there. */
		if (!haverun || b > last) {
			last = run_end(x, b, budget - done);
			haverun = 1;
		}
		e = d->blocks[last].end;
		p = from > blk->start ? from : blk->start;
		ev = scan_event(q->scan, d->src, p, e);
		if (ev == NONE) {
			done += e - p + 1;
			b = last + 1;
			from = b < d->nblocks ? d->blocks[b].start : end;
			continue;
		}
		b = doc_block_at(d, ev);
		if (b < x->nready && block_in_scope(d, b, sc))
			search_in_block(x, q, b, from, r);
		done += d->blocks[b].end > p ? d->blocks[b].end - p : 1;
		from = ++b < d->nblocks ? d->blocks[b].start : end;
	}
	return b >= x->nready ? end : from;
}

void
search_run(struct search_index *x, struct search_query *q,
    const struct search_scope *sc, struct search_result *r)
{
	size_t pos = 0, end = search_folded_len(x);

	r->n = 0;
	r->skipped = 0;
	if (r->rxrun != NULL)
		r->rxrun->active = 0;
	while (pos < end)
		pos = search_run_slice(x, q, sc, r, pos, SIZE_MAX);
}

/*
 * What the bytes w after a match of a query say of the longer query whose
 * folded form goes on with c[0, k): 1 it matches there, k bytes longer
 * (they are printable ASCII, each folding to itself, and what follows them
 * is not a mark that might belong to the last: only for a query matched
 * by its folded form alone, plain); 0 it cannot (a byte folds to another
 * than c's, white space to a space); -1 they do not tell.
 */
static int
next_says(const struct search_next *w, const uint8_t *c, size_t k, int plain)
{
	size_t n = w->n & SEARCH_NEXT_COUNT, j;

	if (w->n & SEARCH_NEXT_INNER)
		return -1;	/* the place inside it may match */
	for (j = 0; j < k && j < n; j++) {
		uint8_t b = w->b[j];

		if (b <= 0x20 || b == 0x7F)	/* white space folds to ' ' */
			return c[j] == ' ' ? -1 : 0;
		if (b >= 0x80)
			return -1;
		if (b >= 'A' && b <= 'Z')
			b |= 0x20;
		if (b != c[j])
			return 0;
	}
	if (j < k)
		return (w->n & SEARCH_NEXT_END) ? 0 : -1;
	if (!plain || k == 0)
		return -1;
	if (n > k)
		return w->b[k] <= NEXT_OTHER ? 1 : -1;
	return (w->n & SEARCH_NEXT_END) ? 1 : -1;
}

/* The bytes after a match grown by k bytes. */
static void
next_shift(struct search_next *w, size_t k)
{
	size_t n = w->n & SEARCH_NEXT_COUNT;

	memmove(w->b, w->b + k, n - k);
	memset(w->b + n - k, 0, k);
	w->n = (uint8_t)((n - k) | (w->n & SEARCH_NEXT_END));
}

/* True when the matches of old (found with skipped as in struct
 * search_result) may be refined to those of q. Not when old has
 * diacritics: it refuses a place whose last character has other marks
 * than its own, or marks after characters that vanish, where q may
 * match. */
static int
extends(const struct search_query *old, const struct search_query *q,
    int skipped)
{
	return old != NULL && !q->regex && !old->regex && !skipped &&
	    !old->keep_marks && q->nfolded >= old->nfolded &&
	    old->nfolded > 0 &&
	    memcmp(q->folded, old->folded, old->nfolded) == 0;
}

int
search_narrow(struct search_result *r, const struct search_result *from,
    const struct search_query *old, const struct search_query *q)
{
	size_t i, n = 0;

	if (!extends(old, q, from->skipped))
		return 0;
	UTIL_GROW(r->m, r->cap, from->n);
	if (from->want_next)
		UTIL_GROW(r->next, r->capnext, from->n);
	for (i = 0; i < from->n; i++)
		if (!from->want_next || next_says(&from->next[i],
		    q->folded + old->nfolded, q->nfolded - old->nfolded,
		    0) != 0) {
			r->m[n] = from->m[i];
			if (from->want_next)
				r->next[n] = from->next[i];
			n++;
		}
	r->n = n;
	r->skipped = from->skipped;
	r->want_next = from->want_next;
	return 1;
}

int
search_refine(struct search_index *x, const struct search_query *old,
    struct search_query *q, const struct search_scope *sc,
    struct search_result *r)
{
	const struct doc *d = x->doc;
	const uint8_t *more;
	size_t i, n = 0, b = 0, last, k;
	struct stream st;
	int have = 0, ok, plain, all, inner;

	if (!extends(old, q, r->skipped))
		return 0;
	more = q->folded + old->nfolded;
	k = q->nfolded - old->nfolded;
	plain = !q->case_sensitive && !q->keep_marks && !q->keep_dashes;
	all = sc == NULL || sc->kind == SEARCH_ALL;
	if (!r->want_next) {
		/* Nothing known after the matches, nor inside them. */
		UTIL_GROW(r->next, r->capnext, r->n);
		for (i = 0; i < r->n; i++) {
			memset(&r->next[i], 0, sizeof r->next[i]);
			if (old->border)
				r->next[i].n = SEARCH_NEXT_INNER;
		}
		r->want_next = 1;
	}
	for (i = 0; i < r->n; i++) {
		struct search_match m = r->m[i];
		struct search_next w = r->next[i];
		size_t s, e;
		int partial = 0, says;

		if ((says = next_says(&w, more, k, plain)) == 0)
			continue;
		if (says == -1 || !all) {
			search_block_from(x, &m, &b);
			if (!block_in_scope(d, b, sc))
				continue;
		}
		if (says == 1) {
			/* The bytes after it are the document's own. */
			m.fe += (uint32_t)k;
			next_shift(&w, k);
			goto keep;
		}
		if (!have || st.scratch || m.fs < st.s || m.fs >= st.e) {
			stream_of(x, b, &st);
			have = 1;
		}
		s = last = from_doc(&st, m.fs);
		/* A match that starts in the separator the layout puts
		 * after a label has its offset, the label's end: it may
		 * start at any byte of it. */
		if (st.scratch && m.fs == st.lstart + st.llen) {
			s = st.llen;
			last = st.llen + st.seplen;
		}
		/* A place inside it that was passed over may match. */
		inner = (w.n & SEARCH_NEXT_INNER) != 0;
		if (inner && from_doc(&st, m.fe) > last + 1)
			last = from_doc(&st, m.fe) - 1;
		for (;; s++) {
			e = scan_match(q->scan, st.t, st.s, s, st.e, &partial);
			if (partial)
				return 0;	/* a longer match would be missed */
			ok = e != 0 && exact(q, st.t, s, e);
			if (ok && n > 0 && r->m[n - 1].fe > to_doc(&st, s)) {
				/* Inside the match before: passed over. */
				r->next[n - 1].n |= SEARCH_NEXT_INNER;
				ok = 0;
			}
			if (ok || s >= last)
				break;
		}
		if (!ok)
			continue;
		m.fs = (uint32_t)to_doc(&st, s);
		m.fe = (uint32_t)to_doc(&st, e);
		next_fill(&w, &st, s, e);
		if (inner_match(q, &st, s, e))
			w.n |= SEARCH_NEXT_INNER;
keep:
		if (n > 0 && r->m[n - 1].fe > m.fs) {
			/* Overlaps the match before: passed over. */
			r->next[n - 1].n |= SEARCH_NEXT_INNER;
			continue;
		}
		r->m[n] = m;
		r->next[n++] = w;
	}
	r->n = n;
	return 1;
}

void
search_result_forget_next(struct search_result *r)
{
	free(r->next);
	r->next = NULL;
	r->capnext = 0;
	r->want_next = 0;
}

void
search_result_free(struct search_result *r)
{
	free(r->m);
	free(r->next);
	rxrun_free(r->rxrun);
	r->rxrun = NULL;
	r->m = NULL;
	r->next = NULL;
	r->n = r->cap = r->capnext = 0;
}

size_t
search_first_after(const struct search_index *x,
    const struct search_result *r, size_t off)
{
	size_t lo = 0, hi = r->n;

	(void)x;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->m[mid].fs < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Folds a literal character of a pattern as the text is folded (the
 * matcher's fold hook). */
static int
fold_literal(void *arg, uint32_t uc, uint32_t *out, int max)
{
	uint8_t buf[FOLD_MAX];
	int len, i, n = 0, k;

	(void)arg;
	if ((len = fold_char(uc, FOLD_CASE, buf)) == FOLD_SPACE) {
		out[0] = ' ';
		return 1;
	}
	for (i = 0; i < len && n < max; i += k)
		out[n++] = fold_decode(buf + i, (size_t)(len - i), &k);
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
	fold_text(&marks, (const uint8_t *)text, n, FOLD_MARKS);
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
	/* A dash other than '-' matches only itself, as a letter with
	 * diacritics does. */
	fold_text(&f, (const uint8_t *)text, n, FOLD_CASE);
	fold_text(&marks, (const uint8_t *)text, n, FOLD_CASE | FOLD_DASHES);
	q->keep_dashes = marks.len != f.len || (f.len > 0 &&
	    memcmp(marks.data, f.data, f.len) != 0);
	buf_free(&marks);
	fold_text(&e, (const uint8_t *)text, n, exact_flags(q));
	q->folded = (uint8_t *)f.data;
	q->nfolded = f.len;
	q->exact = (uint8_t *)e.data;
	q->nexact = e.len;
	if (q->nfolded > 0) {
		q->scan = xmalloc(sizeof *q->scan);
		scan_init(q->scan, q->folded, q->nfolded);
	}
	for (i = 1; i < q->nfolded && !q->border; i++)
		q->border = memcmp(q->folded, q->folded + i, q->nfolded - i) == 0;
	return 0;
}

void
search_query_free(struct search_query *q)
{
	free(q->text);
	free(q->folded);
	free(q->exact);
	if (q->scan != NULL) {
		scan_free(q->scan);
		free(q->scan);
	}
	rx_free(q->rx);
	memset(q, 0, sizeof *q);
}


size_t
search_index_ready(const struct search_index *x)
{
	return x->nready;
}

void
search_count_text(struct search_query *q, const uint8_t *t, size_t s,
    size_t e, size_t *n)
{
	struct search_result r = SEARCH_RESULT_INIT;
	struct stream st;

	memset(&st, 0, sizeof st);
	st.t = t;
	st.s = s;
	st.e = e;
	r.count_only = 1;
	plain_block(q, &st, s, &r);
	*n += r.n;
}
