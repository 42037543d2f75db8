/* cite.h: a block quoted: its text on one line, and who said it and where
 * (for y and --export-highlights). No terminal in here. */
#ifndef LECTERN_CITE_H
#define LECTERN_CITE_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct doc;

/* Where an attribution says the words are from. */
enum cite_where {
	CITE_SECTION,		/* "in “Section”" */
	CITE_TITLE		/* the document's title */
};

/* Appends the source text [s, e) of d on one line: white space folded to
 * single spaces, made safe. */
void	cite_text(struct buf *b, const struct doc *d, size_t s, size_t e);

/* Appends the name of who said block i of d: its turn's speaker, or a
 * pull quote's as its attribution line gives it. Returns 0 (and appends
 * nothing) when nobody did. */
int	cite_speaker(struct buf *b, const struct doc *d, size_t i);

/*
 * Appends who said block b of d and where: "Speaker, in “Section”" or
 * "Speaker, Title". The speaker is the turn's, or a pull quote's as its
 * attribution line gives it; a title is not attributed to itself.
 * Returns 0 (and appends nothing) when there is nothing to say.
 */
int	cite_attribution(struct buf *b, const struct doc *d, size_t blk,
	    enum cite_where where);

/* Appends the time ms as "[01:02:03]" ("[02:03]" in a document shorter
 * than an hour), as the layout shows it, after a space when b is not
 * empty. Returns 0 (and appends nothing) when ms is DOC_NO_TIME. */
int	cite_time(struct buf *b, const struct doc *d, uint32_t ms);

#endif
