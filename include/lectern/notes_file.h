/* notes_file.h: the state file of a document's notes: its format, read
 * and written whole, with the lines of keys it does not know kept for the
 * version that wrote them (no terminal in here). */
#ifndef LECTERN_NOTES_FILE_H
#define LECTERN_NOTES_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "lectern/util.h"

#define NOTES_NMARKS		52	/* a-z, A-Z */
#define NOTES_EXCERPT_BYTES	64	/* of a highlight's text, to find it */
#define NOTES_LOST_MAX		10000	/* lost highlights kept */
#define NOTES_NOTE_BYTES	1000	/* of a note typed on a highlight */

/* A highlight, anchored by content: the block's index and source range,
 * and the start of its text, to find it again if the file changes. */
struct notes_highlight {
	size_t		 block;
	size_t		 start, end;
	char		*excerpt;	/* at most NOTES_EXCERPT_BYTES */
	char		*note;		/* the reader's note on it, or NULL */
};

/* A list of highlights. */
struct notes_hls {
	struct notes_highlight *v;
	size_t		 n, cap;
};

/* A mark: its offset + 1 (0 when unset) and when it was set, in
 * milliseconds since the epoch (0: not known), so that the latest of two
 * readers' wins. A deleted mark is unset with the time it was deleted,
 * so that the deletion wins over an older copy another reader holds. */
struct notes_mark {
	size_t		 off;
	int64_t		 time;
};

/* What a state file holds. */
struct notes_file {
	char		*path;		/* the document's, or NULL */
	int		 have_place;
	size_t		 place, cursor;
	struct notes_mark marks[NOTES_NMARKS];
	struct notes_hls hl;		/* in document order, one a block */
	struct notes_hls lost;
	struct buf	 extra;		/* unknown lines, each with its \n */
	int		 whole;		/* read from a whole file */
};

/* What notes_file_parse found. */
enum notes_file_status {
	NOTES_FILE_OK = 0,
	NOTES_FILE_BROKEN = -1,		/* not a whole state file */
	NOTES_FILE_NEWER = -2		/* of a later format */
};

/* Parses len bytes of a state file into f (empty, or freed first).
 * Everything is checked as far as a file can be: numbers, escapes,
 * excerpts cut to NOTES_EXCERPT_BYTES; not against a document. */
enum notes_file_status notes_file_parse(struct notes_file *f,
		    const char *data, size_t len);

/* Appends f as a state file to b. */
void		 notes_file_write(const struct notes_file *f, struct buf *b);
/* The letter of mark i (0 to NOTES_NMARKS - 1): a-z, then A-Z. */
int		 notes_mark_letter(size_t i);

/* Frees what f holds and empties it. */
void		 notes_file_free(struct notes_file *f);

/*
 * Reads the state file at path into f. Returns 1 when read, 0 when there
 * is none (or it was broken: then it is set aside and *problem says so),
 * -1 when it cannot be read or must not be replaced (refused by
 * state_read, of a later format): *problem says why and errno is set.
 * *problem is replaced (caller frees).
 */
int		 notes_file_load(struct notes_file *f, const char *path,
		    char **problem);

/* Appends a highlight with a copy of excerpt (cut to
 * NOTES_EXCERPT_BYTES). */
void		 notes_hls_add(struct notes_hls *l, size_t block, size_t start,
		    size_t end, const char *excerpt);
/* Sets the note of h to a copy of note (cut to NOTES_NOTE_BYTES); NULL
 * or an empty note removes it. */
void		 notes_hl_set_note(struct notes_highlight *h, const char *note);
/* Frees what h holds. */
void		 notes_hl_clear(struct notes_highlight *h);
/* Appends *h, taking its excerpt and note. */
void		 notes_hls_move(struct notes_hls *l, struct notes_highlight *h);
/* Puts l in document order, keeping one highlight a block. */
void		 notes_hls_sort(struct notes_hls *l);
/* Puts l in order, dropping copies, keeping the first max. */
void		 notes_hls_unique(struct notes_hls *l, size_t max);
/* The index of the highlight on block in a sorted list, or -1. */
long		 notes_hls_find(const struct notes_hls *l, size_t block);
void		 notes_hls_free(struct notes_hls *l);

#endif
