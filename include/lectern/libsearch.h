/* libsearch.h: a search of the text of every document of a library, a
 * slice at a time between keys; the matches listed by document (no
 * terminal in here). */
#ifndef LECTERN_LIBSEARCH_H
#define LECTERN_LIBSEARCH_H

#include <stddef.h>

#include "lectern/search.h"

struct library;
struct doc;

#define LIBSEARCH_SHOWN	20	/* matches listed for one document */

/* A row of the results: a document (start is LIBSEARCH_DOC) with how
 * many matches it has, or one of its matches. */
#define LIBSEARCH_DOC	((size_t)-1)

struct libsearch_row {
	size_t		 entry;		/* the library's entry */
	size_t		 start, end;	/* the match's source range */
	size_t		 count;		/* a document's matches */
	char		*text;		/* the text around the match, safe */
	size_t		 ms, me;	/* the match within text */
};

struct libsearch {
	struct search_query q;
	char		*text;
	int		 regex;
	size_t		*order;		/* the entries to search, in turn */
	size_t		 norder, pos;
	/* The document being searched. */
	struct doc	*d;
	struct search_index *x;
	struct search_result r;
	size_t		 scan;
	int		 stage;
	struct libsearch_row *rows;
	size_t		 nrows, caprows;
	size_t		 ndocs;		/* documents with matches */
	size_t		 total;		/* matches in all */
	size_t		 failed;	/* documents that could not be read */
};

/* Begins a search for text (a regular expression with regex) of the n
 * entries of order, in that order. Returns NULL with a message in err
 * (size bytes) for a bad query. Pair with libsearch_free. */
struct libsearch *libsearch_new(const char *text, int regex,
		    const size_t *order, size_t n, char *err, size_t size);
void		 libsearch_free(struct libsearch *ls);

/* Searches a slice of the next document. Returns 1 while documents are
 * left. */
int		 libsearch_work(struct libsearch *ls,
		    const struct library *lib);

/* True once every document is searched. */
int		 libsearch_done(const struct libsearch *ls);

#endif
