/* contents.h: the contents of a document as rows, the episodes of an
 * archive at the top with their sections under them, or the sections
 * alone (no terminal in here). */
#ifndef LECTERN_CONTENTS_H
#define LECTERN_CONTENTS_H

#include <stddef.h>
#include <stdint.h>

#include "lectern/doc.h"

/* A row of the contents: an episode or a section. */
struct contents_row {
	int		 episode;	/* its episode, or -1: a section */
	int		 section;	/* its section, or -1: an episode */
	size_t		 block;		/* where it goes: a title, a heading */
	int		 depth;		/* 0 at the top */
};

/* How many rows the contents have (so far, while the document is read;
 * rows are added after the others, except that the first episode's row
 * comes at the top when a second episode is found). */
size_t		 contents_rows(const struct doc *d);

/* Row r (below contents_rows). */
void		 contents_row(const struct doc *d, size_t r,
		    struct contents_row *row);

/* The row of the place holding block b: its section, or the episode
 * whose opening it is in; -1 when there is none. */
long		 contents_row_at(const struct doc *d, size_t b);

/* The row's title (a heading's text, an episode's title; the first
 * block's text for a first episode without a title); length in *n. */
const uint8_t	*contents_title(const struct doc *d,
		    const struct contents_row *row, size_t *n);

/* Episode index of the episode holding block b, or -1 in a document of
 * one episode. */
int		 contents_block_episode(const struct doc *d, size_t b);

/* The title block of the episode holding block b, or NULL in a document
 * of one episode or where the episode has no title. */
const struct doc_block *contents_episode_title(const struct doc *d, size_t b);

#endif
