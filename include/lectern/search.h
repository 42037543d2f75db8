/* search.h: finding what the reader means in a document (no terminal). */
#ifndef LECTERN_SEARCH_H
#define LECTERN_SEARCH_H

#include <stddef.h>
#include <stdint.h>

struct doc;
struct rx;
struct search_rxrun;

/*
 * What a search needs of a document besides its text: how far it may
 * search (the blocks the parser will not change any more) and scratch
 * space. Matching folds the text as it goes (see fold.h and scan.h); a
 * match is never folded text, but a range of the document's text.
 */
struct search_index;
struct scan;

/* A match: the range of the document's text it covers. */
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
	int		 keep_dashes;	/* it has a dash other than '-' */
	int		 regex;
	struct rx	*rx;		/* the compiled expression */
	unsigned long	 id;		/* tells compiled queries apart */
	struct scan	*scan;		/* the matcher of a plain query */
	int		 border;	/* its folded form ends with a start
					   of it: its matches may overlap */
};

/* The bytes of the text after a match, as far as its block's text goes
 * on in the same range of the document (none after a label; the first
 * outside ASCII stands for what its character does, see search.c): a
 * longer query is refined by them without reading the text at every
 * match, where they are printable ASCII. */
#define SEARCH_NEXT_LEN	7
#define SEARCH_NEXT_COUNT 0x0F	/* in n: how many bytes are known */
#define SEARCH_NEXT_INNER 0x40	/* in n: another place of the query starts
				   inside the match (passed over) */
#define SEARCH_NEXT_END	0x80	/* in n: the block ends after these */
struct search_next {
	uint8_t		 n;
	uint8_t		 b[SEARCH_NEXT_LEN];
};

/* The matches of a query, in document order. */
struct search_result {
	struct search_match *m;
	size_t		 n, cap;
	int		 skipped;	/* a candidate was passed over inside a
					   character ("s" in "ß"): refining
					   it could miss matches (those
					   passed over inside a match are
					   noted in next) */
	struct search_rxrun *rxrun;	/* a regular expression's search in
					   progress, to go on with */
	int		 count_only;	/* n counts the matches, m is not kept */
	/* With want_next, the bytes after each match (a plain query's). */
	int		 want_next;
	struct search_next *next;
	size_t		 capnext;
};

#define SEARCH_RESULT_INIT	{ NULL, 0, 0, 0, NULL, 0, 0, NULL, 0 }

/* Makes ready to search the parsed blocks of d. Pair with
 * search_index_free. */
struct search_index *search_index_new(const struct doc *d);
/* The same, with nothing ready yet (see search_index_extend). */
struct search_index *search_index_begin(const struct doc *d);
void		 search_index_free(struct search_index *x);
/* Takes in the blocks parsed since, about budget bytes of text of them (0:
 * all): which of them are one range of the text is learnt as they are.
 * Returns 1 while blocks of d are left. */
int		 search_index_extend(struct search_index *x, size_t budget);
/* True when every block of a complete document is taken in. */
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
void		 search_run(struct search_index *x, struct search_query *q,
		    const struct search_scope *sc, struct search_result *r);

/* Adds to r the matches in about budget bytes of text from offset from
 * (a position returned by the last call, or 0); returns where the next
 * slice starts, search_folded_len when done. A regular expression's search
 * goes on inside a block from where the last slice left it. */
size_t		 search_run_slice(struct search_index *x,
		    struct search_query *q, const struct search_scope *sc,
		    struct search_result *r, size_t from, size_t budget);
/* Where the text taken in ends: slices are done when they reach it. */
size_t		 search_folded_len(const struct search_index *x);

/* When q extends the query old that found r (plain text, the same folded
 * start), keeps only those of r's matches that q matches and returns 1;
 * otherwise returns 0 and r is to be searched again. r then has the
 * bytes after its matches (want_next). */
int		 search_refine(struct search_index *x,
		    const struct search_query *old, struct search_query *q,
		    const struct search_scope *sc, struct search_result *r);

/* Sets r to those matches of from, found for old, that q may still
 * match by the bytes after them (when from has them: want_next), with
 * those bytes, for search_refine to look at. Returns 0 when q does not
 * extend old: r is then as it was. */
int		 search_narrow(struct search_result *r,
		    const struct search_result *from,
		    const struct search_query *old,
		    const struct search_query *q);

/* Stops keeping the bytes after r's matches, and frees them. */
void		 search_result_forget_next(struct search_result *r);
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

/* The blocks the index may search so far. */
size_t		 search_index_ready(const struct search_index *x);

/* Adds to *n the matches of the plain query q in t[s, e), taken as one
 * block's text (search_count.c counts a block of the input with it). */
void		 search_count_text(struct search_query *q, const uint8_t *t,
		    size_t s, size_t e, size_t *n);

/* Counts the matches of q in d (--count), reading d to its end: only
 * where the query can be, for a format that can tell its blocks
 * (search_count.c). */
size_t		 search_count(struct doc *d, struct search_query *q);

#endif
