/* build.h: how a format's reader fills the document model: blocks,
 * sections, speakers, turns, times, inline styles, and the document's own
 * text where it is not the input (no terminal in here). */
#ifndef LECTERN_BUILD_H
#define LECTERN_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "lectern/doc.h"
#include "lectern/pages.h"
#include "lectern/util.h"

#define BUILD_MAX_DEPTH	8	/* sections open at once */

/* What a reader keeps between its calls; doc->build while reading. */
struct doc_build {
	int		 turn;		/* the open turn, or -1 */
	int		 stack[BUILD_MAX_DEPTH];	/* open sections */
	int		 depth;
	int		 own;		/* src is text, not the input */
	struct buf	 text;		/* the document's own text */
	unsigned	 style;		/* DOC_SPAN_ bits of text being added */
	size_t		 style_start;
	struct pages_ahead *prefault;	/* pages faulted in ahead */
};

/* A block to add: offsets into d->src, as in struct doc_block. */
struct build_piece {
	size_t		 start, end;
	size_t		 tstart, tend;
	size_t		 lstart, lend;
	int		 level;
	uint32_t	 time;		/* DOC_NO_TIME when none */
};

/* Starts building d (doc_new calls it). */
void	 build_begin(struct doc *d);

/* Makes the document's text its own, to be written with build_text;
 * d->src follows it as it grows. */
void	 build_own_text(struct doc *d);

/* Makes room for n bytes of the document's own text at once (a reader
 * that knows how long it will be at most), so that it is not copied as
 * it grows and a large one is mapped in large pages. */
void	 build_reserve(struct doc *d, size_t n);
/* While a large own text is written at once, its pages are faulted in
 * on another thread, ahead of the writing, so that the reader does not
 * wait for the kernel to clear each one (a large part of the time of a
 * reader that builds its text, on some machines). Nothing is done for a
 * text not reserved, or where threads or MADV_POPULATE_WRITE are not to
 * be had. The thread ends at the end of the text, when the writing has
 * stopped for a while (begin again then), or at build_prefault_end,
 * which waits for it; the text is never moved while it runs. */
void	 build_prefault_begin(struct doc *d);
void	 build_prefault_end(struct doc *d);
/* Appends n bytes to the document's own text (with the styles set by
 * build_style). Returns the offset where they start. */
size_t	 build_text(struct doc *d, const void *p, size_t n);
/* Appends a NUL-terminated string; returns its offset. */
size_t	 build_texts(struct doc *d, const char *s);
/* The length of the text so far. */
size_t	 build_len(const struct doc *d);
/* Removes white space from the end of the text, back to at least min. */
void	 build_trim(struct doc *d, size_t min);
/* The text added from now on has these styles (DOC_SPAN_ bits). */
void	 build_style(struct doc *d, unsigned kinds);

/* A piece whose every range is [s, e), with no label and no time. */
struct build_piece build_piece(size_t s, size_t e);

/* Adds a block of kind (not a heading, not a turn) in the open section;
 * it does not join the open turn. Returns its index. */
size_t	 build_block(struct doc *d, enum doc_block_kind kind,
	    const struct build_piece *p);
/* Adds a heading of level (1 to 6) and opens its section; ends the open
 * turn. Returns the block. */
size_t	 build_heading(struct doc *d, int level,
	    const struct build_piece *p);
/* Adds the title of a later episode of an archive (a TITLE block) and
 * starts the episode: ends the open turn and closes every section. The
 * first such call makes what came before it the first episode. Returns
 * the block. */
size_t	 build_episode(struct doc *d, const struct build_piece *p);
/* The speaker named by n bytes at name, added if new. */
int	 build_speaker(struct doc *d, const uint8_t *name, size_t n);
/* Starts a turn of speaker with a TURN block (its label in p). Returns
 * the block. */
size_t	 build_turn(struct doc *d, int speaker, const struct build_piece *p);
/* Adds block b to the open turn, if there is one. */
void	 build_join(struct doc *d, size_t b);
/* Adds a paragraph, in the open turn if there is one. */
size_t	 build_para(struct doc *d, const struct build_piece *p);
/* Ends the open turn: what follows belongs to no speaker. */
void	 build_end_turn(struct doc *d);
/* The open turn's speaker, or -1. */
int	 build_turn_speaker(const struct doc *d);

/* Makes the open sections reach as far as the blocks read (between
 * slices of an incremental reader). */
void	 build_reach(struct doc *d);
/* Closes the sections, notes the latest time and ends the building. */
void	 build_finish(struct doc *d);

/* Notes what the reader noticed (which element it took, the encoding...)
 * for --blocks. */
void	 build_detail(struct doc *d, const char *fmt, ...) UTIL_PRINTF(2, 3);

#endif
