/* parse.h: the transcript parser that fills a document model. */
#ifndef LECTERN_PARSE_H
#define LECTERN_PARSE_H

#include <stddef.h>

struct doc;

/* Starts parsing d: looks at a sample to choose the modes. Pair with
 * parse_end (doc_free calls it). */
struct parse_state *parse_begin(struct doc *d);

/* Parses the next budget bytes or more (0: all). Returns 1 while there is
 * more; on the last call closes the sections and frees the state. */
int	parse_some(struct doc *d, size_t budget);

/* Frees the parse state of d, if any. */
void	parse_end(struct doc *d);

#endif
