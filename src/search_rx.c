/*
 * search_rx.c: regular expressions over the folded text. The matcher
 * (rx.c) is run over one block's folded text at a time, so that no match
 * runs from one block into the next, in slices of bounded work; it may
 * start and end only where a plain match may (not inside the folded bytes
 * of one character), and it skips the blocks out of scope whole, so that
 * a refused match never costs a search again.
 */
#include <stdlib.h>

#include "lectern/rx.h"
#include "lectern/search.h"
#include "lectern/util.h"
#include "search_impl.h"

#define STEP_BYTES	4	/* a step of the matcher costs about what a
				   plain search of this many bytes does */

/* Where a regular expression's search is, between slices. */
struct search_scan {
	unsigned long	 id;		/* the query's */
	struct rx_run	*run;
	int		 active;	/* a block is being searched */
	size_t		 at;		/* the offset its slice started from */
	size_t		 block;
	size_t		 base, len;	/* the block's folded text */
	const struct search_index *x;
	size_t		 hint;		/* a segment near the last asked */
};

/* Tells the matcher where a match may start or end in a block. */
static int
regex_bound(void *arg, size_t pos)
{
	struct search_scan *st = arg;

	return search_at_boundary(st->x, &st->hint, st->base + pos);
}

/* The block holding folded offset f. */
static size_t
block_of(const struct search_index *x, size_t f)
{
	struct search_match m;

	m.fs = (uint32_t)f;
	m.fe = (uint32_t)f;
	return search_block(x, &m);
}

static void
spend(size_t *budget, size_t n)
{
	*budget = *budget > n ? *budget - n : 0;
}

/* Searches block by block from from, each block's search going on from
 * where the last slice left it. */
size_t
search_rx_slice(const struct search_index *x, const struct search_query *q,
    const struct search_scope *sc, struct search_result *r, size_t from,
    size_t budget)
{
	struct search_scan *st;
	struct rx_match m;
	size_t steps = budget == SIZE_MAX ? SIZE_MAX : budget / STEP_BYTES + 1;
	size_t pos = from, b;

	if (r->scan == NULL)
		r->scan = xcalloc(1, sizeof *r->scan);
	st = r->scan;
	if (st->run == NULL || st->id != q->id) {
		rx_run_free(st->run);
		st->run = rx_run_new(q->rx);
		st->id = q->id;
		st->active = 0;
	}
	if (st->active && st->at != from)
		st->active = 0;
	st->x = x;
	rx_run_bound(st->run, regex_bound, st);
	for (;;) {
		if (!st->active) {
			if (pos >= x->len || x->nblocks == 0)
				return x->len;
			b = block_of(x, pos);
			if (!search_block_in_scope(x, sc, b)) {
				pos = x->bstart[b + 1];
				spend(&steps, 16);
				if (steps == 0)
					return pos;
				continue;
			}
			/* The block's text, without the newline that ends
			 * it. */
			st->block = b;
			st->base = x->bstart[b];
			st->len = x->bstart[b + 1] - 1 - st->base;
			st->at = pos;
			st->active = 1;
			rx_run_start(st->run, st->len, pos - st->base,
			    RX_NONEMPTY);
		}
		switch (rx_exec(st->run, x->text + st->base, st->len, &steps,
		    &m)) {
		case RX_MATCH:
			UTIL_GROW(r->m, r->cap, r->n + 1);
			r->m[r->n].fs = (uint32_t)(st->base + m.so);
			r->m[r->n].fe = (uint32_t)(st->base + m.eo);
			r->n++;
			break;
		case RX_PAUSED:
			return st->at;
		case RX_DONE:
			st->active = 0;
			pos = x->bstart[st->block + 1];
			if (steps == 0)
				return pos;
			break;
		}
	}
}

/* The next slice starts afresh. */
void
search_rx_reset(struct search_scan *st)
{
	if (st != NULL)
		st->active = 0;
}

/* Frees a search's state and its matcher's. */
void
search_rx_free(struct search_scan *st)
{
	if (st == NULL)
		return;
	rx_run_free(st->run);
	free(st);
}
