/* segments.h: timed segments, one a line ("[00:01:02] Name: text", as
 * Whisper and WhisperX write them), joined into speaker turns made of
 * paragraphs, for the readers that build a text of their own (no
 * terminal in here). */
#ifndef LECTERN_SEGMENTS_H
#define LECTERN_SEGMENTS_H

#include <stddef.h>
#include <stdint.h>

struct doc;

/* The paragraph being joined. */
struct seg_join {
	size_t		 block;		/* its block, or SIZE_MAX when none */
	int		 speaker;	/* its speaker, or -1 */
	size_t		 len;		/* bytes of text in it */
	int		 ended;		/* its text ends a sentence */
};

/* A paragraph starts at a sentence's end once it holds this many bytes,
 * and at any segment past the most. */
#define SEG_PARA_MIN	400
#define SEG_PARA_MAX	2000

/* Starts joining: no paragraph is open. */
void	 seg_begin(struct seg_join *j);

/*
 * Adds a segment said at time (or DOC_NO_TIME) by the speaker named by
 * the nn bytes at name (none: NULL), of n bytes of text, to d's own text.
 * A segment of another speaker starts a turn; one of the same speaker, or
 * of none, goes on in the open paragraph, or starts a paragraph of the
 * turn at a sentence's end once the paragraph is long. A segment with no
 * name followed by one of another speaker (next, xn) starts that
 * speaker's turn: diarization often labels a turn's first segment late.
 */
void	 seg_add(struct doc *d, struct seg_join *j, const uint8_t *name,
	    size_t nn, uint32_t time, const uint8_t *text, size_t n,
	    const uint8_t *next, size_t xn);

/* Closes the open paragraph: what follows is not one of its segments. */
void	 seg_end(struct seg_join *j);

#endif
