/* scan.h: finding a folded query in text as it is, without folding the
 * text first (no document, no terminal in here). */
#ifndef LECTERN_SCAN_H
#define LECTERN_SCAN_H

#include <stddef.h>
#include <stdint.h>

/*
 * A match is of whole characters: the text's characters, folded (see
 * fold.h), spell the folded query exactly. A query's space matches a whole
 * run of white space (and cannot start inside one); a match never starts
 * on a character that folds to nothing, never ends inside the folded
 * bytes of one character ("s" does not match half of "ß"), and takes in
 * the combining marks after its last character.
 *
 * Finding a query in a long text is done in two steps: scan_event finds,
 * fast, the next place where a match could be (the query's longest
 * stretch without spaces, spelt literally in ASCII, or a character whose
 * fold is part of it); the caller then looks for matches with scan_unit
 * in the paragraph (unit) around that place.
 */
#define NCOMMON	7

struct scan {
	uint8_t		*q;		/* the folded query */
	size_t		 n;
	size_t		 poff, plen;	/* its longest stretch without spaces */
	int		 pascii;	/* ... and that stretch is ASCII */
	size_t		 o1, o2;	/* two rare bytes of the stretch */
	uint8_t		 b1, b2;	/* ... lowered, and */
	int		 l1, l2;	/* ... whether they are letters */
	uint8_t		*rel;		/* per BMP code point: 0 unknown,
					   1 can be part of a match, 2 not */
	int		 everywhere;	/* no stretch: every place is one */
	uint8_t		 irr[NCOMMON];	/* third bytes of common characters
					   a match cannot hold, or 0 */
	int		 stray;		/* it holds U+FFFD, which any byte
					   outside ASCII may be */
	int		 nostart2000;	/* no character of U+2000 to U+203F
					   (curly quotes, dashes: E2 80 xx)
					   can start a match */
	int		 piece;		/* scan_event is given a piece of a
					   longer text: a match may run off
					   either end */
};

/* Prepares to find the folded query q (n > 0 bytes). Pair with
 * scan_free. */
void	 scan_init(struct scan *sc, const uint8_t *q, size_t n);
void	 scan_free(struct scan *sc);

/* The widest vectors the scans use, in bytes: 32 (where the processor
 * has AVX2), 16 or 0 (a byte at a time); the tests try each. */
void	 scan_set_vectors(int bytes);

/* The next offset in [from, e) of t where a match may lie (inside it), or
 * SIZE_MAX. Every match within [from, e) holds such an offset. */
size_t	 scan_event(struct scan *sc, const uint8_t *t, size_t from, size_t e);

/* The first match in the unit [s, e) of t that starts at or after from:
 * returns its start and sets *end, or returns SIZE_MAX. *partial is set
 * when a place was refused only because the query ended inside one
 * character's fold (a longer query could match there). */
size_t	 scan_unit(struct scan *sc, const uint8_t *t, size_t s, size_t from,
	    size_t e, size_t *end, int *partial);

/* The end of a match starting exactly at p in the unit [s, e), or 0. */
size_t	 scan_match(struct scan *sc, const uint8_t *t, size_t s, size_t p,
	    size_t e, int *partial);

#endif
