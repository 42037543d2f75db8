/* search_impl.h: the folded index, shared by search.c (the index and plain
 * queries) and search_rx.c (regular expressions). */
#ifndef LECTERN_SEARCH_IMPL_H
#define LECTERN_SEARCH_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "lectern/search.h"

#define SEG_ATOMIC	0x80000000u
#define SEG_F(g)	((g).f & ~SEG_ATOMIC)

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

/* True when folded offset f is a boundary of what it stands for: not
 * inside the folded bytes of one character. *hint is a segment near the
 * last one asked about. */
int	search_at_boundary(const struct search_index *x, size_t *hint,
	    size_t f);
/* True when block b is in the scope (NULL: everything). */
int	search_block_in_scope(const struct search_index *x,
	    const struct search_scope *sc, size_t b);

/* search_run_slice for a regular expression. */
size_t	search_rx_slice(const struct search_index *x,
	    const struct search_query *q, const struct search_scope *sc,
	    struct search_result *r, size_t from, size_t budget);
/* Forgets where a regular expression's search was (NULL: nothing). */
void	search_rx_reset(struct search_scan *st);
void	search_rx_free(struct search_scan *st);

#endif
