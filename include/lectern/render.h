/* render.h: the non-interactive outputs (--dump, --outline, --speakers). */
#ifndef LECTERN_RENDER_H
#define LECTERN_RENDER_H

#include <stdio.h>

struct doc;

/* Writes d laid out at width columns as plain text. Returns 0, or -1 when
 * writing failed. */
int	render_dump(const struct doc *d, int width, FILE *f);
/* The same with LAYOUT_F_ flags (render_dump shows times). */
int	render_dump_flags(const struct doc *d, int width, int flags, FILE *f);

/* Writes the section tree, one heading a line, indented two spaces a
 * level below the top, and a heading's time after a tab (hh:mm:ss) when
 * it has one. Returns 0 or -1. */
int	render_outline(const struct doc *d, FILE *f);

/* Writes NAME<TAB>TURNS<TAB>WORDS a speaker. Returns 0 or -1. */
int	render_speakers(struct doc *d, FILE *f);

/* Writes one line a block: index, kind (and level), speaker and the start
 * of its text; for checking what the parser made of a document. */
int	render_blocks(const struct doc *d, FILE *f);

/* Writes a line for each match of q: the section path, the time of its
 * block (or the last time before it), the speaker and the text around
 * the match, marked with « » (or reverse video with color). Returns 0 or
 * -1. */
struct search_query;
int	render_grep(const struct doc *d, struct search_query *q,
	    int color, FILE *f);
/* Writes render_grep's line for a match of source range [s, e) in block
 * b. Any range is taken: the excerpt is kept to the block. Returns 0, or
 * -1 for a block that is not there or a failed write. */
int	render_grep_match(const struct doc *d, size_t b, size_t s, size_t e,
	    int color, FILE *f);
/* The same with LAYOUT_F_ flags (render_grep shows times). */
int	render_grep_flags(const struct doc *d, struct search_query *q,
	    int color, int flags, FILE *f);

/* Writes n bytes of source text made safe for a terminal. */
void	render_safe(FILE *f, const unsigned char *s, size_t n);

#endif
