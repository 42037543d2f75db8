/* notes.h: the reader's own highlights, marks and place in a document,
 * kept safe on disk (no terminal in here). */
#ifndef LECTERN_NOTES_H
#define LECTERN_NOTES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct doc;

#define NOTES_NMARKS	52	/* a-z, A-Z */

/* A highlight, anchored by content: the block's index and source range,
 * and the start of its text, to find it again if the file changes. */
struct notes_highlight {
	size_t		 block;
	size_t		 start, end;
	char		*excerpt;
};

struct notes {
	uint64_t	 hash;		/* of the document's content */
	char		*path;		/* where the document came from, or NULL */
	char		*file;		/* the state file, or NULL (not saved) */
	size_t		 place;		/* source offset at the top */
	size_t		 cursor;	/* source offset of the cursor block */
	int		 have_place;
	size_t		 marks[NOTES_NMARKS];	/* offset + 1, 0 when unset */

	struct notes_highlight *hl;	/* in document order */
	size_t		 nhl, caphl;
	struct notes_highlight *lost;	/* no longer found in the text */
	size_t		 nlost, caplost;

	/* Changes of this session, for merging with other readers. */
	size_t		*added, nadded, capadded;
	size_t		*removed, nremoved, capremoved;

	char		*problem;	/* what went wrong loading, once */
	int		 save_failed;
};

/* A fast 64-bit hash of n bytes. */
uint64_t	 notes_hash(const uint8_t *p, size_t n);

/*
 * Opens the notes of document d (hashing its content), read from the state
 * directory: the file of this content, or else the newest file of the same
 * path (a changed document), whose highlights are then found again by
 * their excerpts. Reads d on as far as its highlights need. Never fails:
 * problems are in n->problem. Pair with notes_free.
 */
struct notes	*notes_open(struct doc *d, const char *path);
void		 notes_free(struct notes *n);

/* Adds a highlight on block b, or removes the one there. Returns 1 when
 * it is now highlighted. */
int		 notes_toggle(struct notes *n, const struct doc *d, size_t b);

/* The highlight on block b, or -1. */
long		 notes_find(const struct notes *n, size_t b);

/* Saves under a lock, merging with what another reader saved meanwhile.
 * Returns 0, or -1 with errno (n->save_failed is set). */
int		 notes_save(struct notes *n, const struct doc *d);

/* Writes the highlights as Markdown block quotes, each attributed to its
 * speaker and section, with its time in a timed document. Returns 0 or
 * -1. */
int		 notes_export(const struct notes *n, const struct doc *d,
		    FILE *f);
/* The same, with the times or without (times 0). */
int		 notes_export_times(const struct notes *n, const struct doc *d,
		    int times, FILE *f);

/* Sections that are the document's own highlights, in order: the
 * subsections of a section called Highlights (Key quotes, Excerpts...),
 * or that section itself when it has none. Returns how many; *out (caller
 * frees) gets their indexes. */
size_t		 notes_doc_highlights(const struct doc *d, int **out);

#endif
