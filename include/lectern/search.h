/* search.h: finding what the reader means in a document (no terminal). */
#ifndef LECTERN_SEARCH_H
#define LECTERN_SEARCH_H

#include <stddef.h>
#include <stdint.h>

struct doc;
struct rx;
struct search_scan;

/*
 * The folded text of a document, built once: case folded (full Unicode
 * folding), decomposed with the combining marks dropped, typographic
 * quotes, dashes and ellipses made plain, white space runs made one space,
 * one line a block. A map takes folded offsets back to source offsets.
 */
struct search_index;

/* A match, in folded offsets; search_source() gives the source range. */
struct search_match {
	uint32_t	 fs, fe;
};

enum search_scope_kind {
	SEARCH_ALL,		/* the whole document */
	SEARCH_SECTION,		/* one section and its subsections */
	SEARCH_SPEAKER		/* the turns of one speaker */
};

struct search_scope {
	enum search_scope_kind kind;
	int		 section;	/* SEARCH_SECTION */
	int		 speaker;	/* SEARCH_SPEAKER */
};

/* A compiled query. */
struct search_query {
	char		*text;		/* as typed */
	uint8_t		*folded;	/* folded like the index */
	size_t		 nfolded;
	uint8_t		*exact;		/* folded but for case and marks */
	size_t		 nexact;
	int		 case_sensitive; /* it has a capital letter */
	int		 keep_marks;	/* it has diacritics */
	int		 regex;
	struct rx	*rx;		/* the compiled expression */
	unsigned long	 id;		/* tells compiled queries apart */
};

/* The matches of a query, in document order. */
struct search_result {
	struct search_match *m;
	size_t		 n, cap;
	int		 skipped;	/* a candidate was passed over (inside a
					   match or a character): refining it
					   could miss matches */
	struct search_scan *scan;	/* a regular expression's search in
					   progress, to go on with */
};

/* Builds the folded text of the parsed blocks of d. Pair with
 * search_index_free. */
struct search_index *search_index_new(const struct doc *d);
/* An index with nothing folded yet, to fold a slice at a time with
 * search_index_extend. */
struct search_index *search_index_begin(const struct doc *d);
void		 search_index_free(struct search_index *x);
/* Folds up to budget more bytes of blocks parsed since (0: all). Returns
 * 1 while blocks of d are left to fold. */
int		 search_index_extend(struct search_index *x, size_t budget);
/* True when every block of a complete document is folded. */
int		 search_index_complete(const struct search_index *x);
/* Bytes of memory the index uses. */
size_t		 search_index_size(const struct search_index *x);

/*
 * Compiles text (NUL-terminated) as a query, a POSIX extended regular
 * expression with regex set (see rx.h; its literals are folded like the
 * text). Returns 0, or -1 with a message in err (size bytes) for an empty
 * query or a bad or too complex expression. Pair with search_query_free.
 */
int		 search_query_init(struct search_query *q, const char *text,
		    int regex, char *err, size_t size);
void		 search_query_free(struct search_query *q);

/* Finds every match of q within scope, replacing r's matches. */
void		 search_run(const struct search_index *x,
		    const struct search_query *q, const struct search_scope *sc,
		    struct search_result *r);

/* Adds to r the matches that start in the budget bytes of folded text
 * from from; returns where the next slice starts (the folded length when
 * done). A regular expression is searched a block at a time, for about
 * as long as budget bytes of plain text would take; a block it stopped in
 * is gone on with when the next slice starts where this one returned. */
size_t		 search_run_slice(const struct search_index *x,
		    const struct search_query *q, const struct search_scope *sc,
		    struct search_result *r, size_t from, size_t budget);
size_t		 search_folded_len(const struct search_index *x);

/* When q extends the query old that found r (plain text, the same folded
 * start), keeps only those of r's matches that q matches and returns 1;
 * otherwise returns 0 and r is to be searched again. */
int		 search_refine(const struct search_index *x,
		    const struct search_query *old, const struct search_query *q,
		    const struct search_scope *sc, struct search_result *r);

void		 search_result_free(struct search_result *r);

/* The source range of a match. */
void		 search_source(const struct search_index *x,
		    const struct search_match *m, size_t *start, size_t *end);

/* The block a match is in. */
size_t		 search_block(const struct search_index *x,
		    const struct search_match *m);
/* The same, walking on from *hint (for matches taken in order). */
size_t		 search_block_from(const struct search_index *x,
		    const struct search_match *m, size_t *hint);

/* The index of the first match starting at or after source offset off
 * (r->n when none). */
size_t		 search_first_after(const struct search_index *x,
		    const struct search_result *r, size_t off);

/* Counts the matches of q in d (--count): a batch of blocks is folded at a
 * time, without a map, unless q needs the source (capitals, diacritics,
 * a regular expression). */
size_t		 search_count(const struct doc *d, const struct search_query *q);

#endif
