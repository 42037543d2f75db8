/* notes_anchor.h: whether a saved highlight still stands where it was in
 * a document, and finding it again by its text when the document changed
 * (no terminal in here). */
#ifndef LECTERN_NOTES_ANCHOR_H
#define LECTERN_NOTES_ANCHOR_H

#include <stddef.h>
#include <stdint.h>

#include "lectern/notes_file.h"

struct doc;

/* A fast 64-bit hash of n bytes. */
uint64_t	 notes_anchor_hash(const uint8_t *p, size_t n);

/* The hash that names a document's state: of all of it up to 16 MB;
 * beyond, of its size, its first and last 256 KB and 32 samples between
 * (two files of the same size can then share it: what is read from their
 * state is checked against the document). */
uint64_t	 notes_anchor_doc_hash(const struct doc *d);
/* The same hash of n bytes at p. */
uint64_t	 notes_anchor_content_hash(const uint8_t *p, size_t n);
/* Asks the kernel to read now, unwaited, what notes_anchor_doc_hash will
 * read of a large file, so that a cold file's pieces come in while the
 * reader sets up. */
void		 notes_anchor_prefetch(const struct doc *d);

/* The excerpt that anchors block b: the start of its text, up to
 * NOTES_EXCERPT_BYTES or a NUL byte. Caller frees. */
char		*notes_anchor_excerpt(const struct doc *d, size_t b);

/* True when h names a block of d (as far as it is parsed) that starts
 * where h says and whose text starts with h's excerpt. */
int		 notes_anchor_stands(const struct doc *d,
		    const struct notes_highlight *h);

/*
 * Sorts the highlights of in out against d, taking them from in: those
 * that stand, or (once d is parsed to its end) are found again by their
 * excerpt at the nearest block that starts with it, go to ok, in document
 * order, one a block, with their ranges as d has them; those that do not
 * stand while d is not parsed to its end go to pending, to be sorted out
 * later; the rest go to lost. In linear time (and n log n). Returns how
 * many went to lost.
 */
size_t		 notes_anchor_resolve(struct notes_hls *in,
		    const struct doc *d, struct notes_hls *ok,
		    struct notes_hls *pending, struct notes_hls *lost);

#endif
