/* rx.h: regular expressions in linear time (no terminal). */
#ifndef LECTERN_RX_H
#define LECTERN_RX_H

#include <stddef.h>
#include <stdint.h>

/*
 * POSIX extended regular expressions as people type them to grep -E, with
 * GNU's \w \W \s \S \b \B \< \> \` \' and \d \D, over UTF-8: '.' and the
 * classes match whole characters, and neither '.' nor a negated class
 * matches a newline. A match is POSIX's leftmost-longest.
 *
 * Nothing backtracks. A text is read once, backward, by the reversed
 * program (a Pike VM, every state at most once a character), which finds
 * the longest match from every start; the leftmost matches that do not
 * overlap are then read off forward. The work is at most the text's length
 * times the program's, whatever the pattern: back-references, which no
 * such matcher can do, are refused, and so is a program past
 * RX_MAX_INSTS instructions (counted repetition is written out).
 *
 * A search can be done in slices: rx_exec stops when its budget of steps
 * is spent and goes on from there when called again with the same text.
 * The text is given at every call (it may move between calls, not change)
 * and must be contiguous: a caller whose text is in pieces copies one
 * block of it (a paragraph) at a time.
 */

#define RX_MAX_INSTS	20000	/* instructions in a program */
#define RX_MAX_REPEAT	1000	/* the largest count in {m,n} */

/* rx_compile's flags. */
#define RX_ICASE	1	/* letters and classes match either case */

/* rx_run_start's flags. */
#define RX_NONEMPTY	1	/* report no empty matches */

/* What rx_exec found. */
enum rx_status {
	RX_DONE,		/* no more matches in the text */
	RX_MATCH,		/* a match, in *m */
	RX_PAUSED		/* the budget is spent: call again */
};

struct rx;
struct rx_run;

struct rx_match {
	size_t		 so, eo;	/* [so, eo) in the text */
};

/* Folds a literal character of a pattern the way the searched text was
 * folded: up to max code points into out, returning how many (0 drops the
 * character). */
typedef int	(*rx_fold_fn)(void *arg, uint32_t uc, uint32_t *out, int max);

/* Tells whether a match may start or end at position pos of the text. */
typedef int	(*rx_bound_fn)(void *arg, size_t pos);

/*
 * Compiles the n bytes of pattern. Literal characters go through fold when
 * it is not NULL. Returns the program, or NULL with a one-line message in
 * err (size bytes). Pair with rx_free.
 */
struct rx	*rx_compile(const char *pattern, size_t n, int flags,
		    rx_fold_fn fold, void *arg, char *err, size_t size);
void		 rx_free(struct rx *re);
/* The number of instructions of re. */
size_t		 rx_size(const struct rx *re);

/* A search of one text with re (which must outlive it). Pair with
 * rx_run_free. */
struct rx_run	*rx_run_new(const struct rx *re);
void		 rx_run_free(struct rx_run *run);
/* Only positions where bound says yes start or end a match (NULL: all). */
void		 rx_run_bound(struct rx_run *run, rx_bound_fn bound, void *arg);
/* Starts a search of a text of n bytes for matches that start at or after
 * from; what comes before from is still seen by ^, \b and the like. The
 * text may not be longer than UINT32_MAX bytes. */
void		 rx_run_start(struct rx_run *run, size_t n, size_t from,
		    int flags);
/*
 * Goes on with the search of text (the n bytes given to rx_run_start),
 * spending at most about *budget steps (a step is one state on one
 * character) and taking them off *budget. Returns RX_MATCH with the next
 * match in order in *m, RX_DONE when there is none, or RX_PAUSED when the
 * budget ran out first.
 */
enum rx_status	 rx_exec(struct rx_run *run, const uint8_t *text, size_t n,
		    size_t *budget, struct rx_match *m);

/* The first match in n bytes of text at or after from: 1 and *m, or 0.
 * Empty matches count. */
int		 rx_search(const struct rx *re, const uint8_t *text, size_t n,
		    size_t from, struct rx_match *m);

#endif
