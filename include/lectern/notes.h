/* notes.h: the reader's own highlights, marks and place in a document,
 * kept safe on disk and merged with other readers' (no terminal in
 * here). The file format is in notes_file.h, the anchoring of highlights
 * in notes_anchor.h, the Markdown export in notes_export.h. */
#ifndef LECTERN_NOTES_H
#define LECTERN_NOTES_H

#include <stddef.h>
#include <stdint.h>

#include "lectern/notes_file.h"
#include "lectern/util.h"

struct doc;

struct notes {
	uint64_t	 hash;		/* of the document's content */
	char		*path;		/* where the document came from, or NULL */
	char		*file;		/* the state file, or NULL (not saved) */
	char		*lock;		/* its lock */
	size_t		 place;		/* source offset at the top */
	size_t		 cursor;	/* source offset of the cursor block */
	int		 have_place;
	struct notes_mark marks[NOTES_NMARKS];

	struct notes_hls hl;		/* found in the document, in order */
	struct notes_hls pending;	/* saved past what is parsed yet: kept,
					   not shown, checked at the next save */
	struct notes_hls lost;		/* no longer found in the text */
	struct buf	 extra;		/* lines of the file it does not know */

	/* Changes of this session, for merging with other readers. */
	size_t		*added, nadded, capadded;
	size_t		*removed, nremoved, capremoved;
	size_t		*noted, nnoted, capnoted;	/* notes typed */

	char		*problem;	/* what went wrong opening, said once */
	char		*error;		/* why the last save failed, or NULL */
	int		 refused;	/* the state directory or file is not
					   trusted, or cannot be read: nothing
					   is saved (problem says why) */
	int		 save_failed;
	int		 busy;		/* the last save found the lock held */
	int		 tidied;	/* leftovers were looked for */
};

/*
 * Opens the notes of document d (hashing its content), read from the state
 * directory: the file of this content, or else the newest file of the same
 * path (a changed document), whose highlights are then found again by
 * their excerpts. Everything read is checked against d: highlights that
 * are not found are listed as lost (and said), marks and place past its
 * end are dropped. Reads d on as far as its highlights need. Never fails:
 * problems are in n->problem. Pair with notes_free.
 */
struct notes	*notes_open(struct doc *d, const char *path);
void		 notes_free(struct notes *n);

/* Adds a highlight on block b, or removes the one there. Returns 1 when
 * it is now highlighted. */
int		 notes_toggle(struct notes *n, const struct doc *d, size_t b);

/* The index in n->hl of the highlight on block b, or -1. */
long		 notes_find(const struct notes *n, size_t b);

/* Sets mark i (0 to NOTES_NMARKS - 1) at source offset off, now. */
void		 notes_set_mark(struct notes *n, int i, size_t off);
/* Deletes mark i, now (the deletion wins over an older copy of the mark
 * another reader saves). Returns 0 when it was not set. */
int		 notes_delete_mark(struct notes *n, int i);

/* Removes every highlight of the reader's that is found in d (those
 * pending past what is parsed stay). Returns how many. */
size_t		 notes_clear(struct notes *n, const struct doc *d);

/* Sets the note on the highlight of block b (NULL or empty: none).
 * Returns -1 when b has none. */
int		 notes_set_note(struct notes *n, size_t b, const char *note);

/* Saves under a lock, merging with what another reader saved meanwhile
 * (notes_merge). Returns 0, or -1 with errno (n->save_failed is set,
 * n->error says why when errno does not; EWOULDBLOCK: another reader
 * holds the lock, the changes are kept for the next save). */
int		 notes_save(struct notes *n, const struct doc *d);

/*
 * Merges what the state file holds now (disk, read whole, emptied here)
 * into n: its highlights checked against d (stale ones to lost, once),
 * this session's additions and removals applied, lost highlights of both,
 * the later of each mark, this reader's place, the file's unknown lines.
 * The core of notes_save, without the files.
 */
void		 notes_merge(struct notes *n, struct notes_file *disk,
		    const struct doc *d);

/* The state file that notes_save would write now, into b. */
void		 notes_serialize(const struct notes *n, struct buf *b);

/* Sections that are the document's own highlights, in order: the
 * subsections of a section called Highlights (Key quotes, Excerpts...),
 * or that section itself when it has none. Returns how many; *out (caller
 * frees) gets their indexes. */
size_t		 notes_doc_highlights(const struct doc *d, int **out);

#endif
