/* plain.h: the plain-text reader's lines and state, shared by its two
 * files: plain_lines.c reads what a line is, fmt_plain.c makes blocks of
 * the lines (no terminal in here). Offsets are into d->in. */
#ifndef LECTERN_PLAIN_H
#define LECTERN_PLAIN_H

#include <stddef.h>
#include <stdint.h>

#include "lectern/doc.h"
#include "lectern/segments.h"

enum line_kind {
	L_PLAIN, L_MDHEAD, L_CHAPTER, L_BULLET, L_TURN, L_LABEL, L_MORE,
	L_SEGMENT, L_TIME, L_CREDIT, L_BYLINE, L_LINK, L_SKIP
};

/* A logical line: one or more physical lines that make one block. */
struct pline {
	enum line_kind	 kind;
	size_t		 start, end;	/* trimmed, all joined lines */
	size_t		 next;		/* where the next line starts */
	size_t		 tstart, tend;
	size_t		 lstart, lend;
	int		 level;
	int		 dash;		/* bullet marker is a dash */
	uint32_t	 time;		/* DOC_NO_TIME when none */
	int		 direct;	/* the next line follows, no blank line */
	int		 para;		/* a blank line (or the start) is before */
};

/* A label's name in the sample, how often it labels a line and how many
 * of those lines end in a question. */
struct plain_name {
	size_t		 start, len;
	int		 count, questions;
};

struct plain_state {
	size_t		 pos;
	size_t		 body;		/* where the text starts (after front
					   matter) */
	int		 wrapped;
	size_t		 wrapwidth;
	int		 spaced;	/* one-line paragraphs, blank lines
					 * between: a single newline counts */
	int		 own;		/* timed segments: the text is built */
	int		 mdheads;	/* "#" headings rule the outline */
	int		 mdshift;
	struct plain_name *names;	/* labels in the sample */
	size_t		 nnames, capnames;
	struct doc_range fmtitle;	/* the front matter's title, to show */

	int		 base;		/* level of a lone plain heading */
	int		 parent;	/* the last parent heading's block */
	int		 lines;		/* logical lines committed */
	int		 list;		/* lines after a list's heading are items */
	int		 hashtitle;	/* the title was a "# Title" line: the
					 * other "#" lines start episodes */
	uint32_t	 pending;	/* a time alone on its line, for the next
					 * block */
	struct seg_join	 seg;
	struct pline	 ahead;		/* the last line read */
	size_t		 ahead_pos;	/* where it was read from, plus 1 */
	size_t		 ahead_speakers; /* the speakers then */
	/* The last logical line plain_unit read, while the parser has not
	 * read on: where a count's next place is, it comes before. */
	struct pline	 unit_last;
	int		 unit_valid;
};

/* Finds the end of the physical line at pos (the newline or the end). */
size_t	 plain_line_end(const struct doc *d, size_t pos);
/* Skips blank lines from pos; sets the next non-blank line's trimmed
 * range and where the line after it starts. Returns 0 at the end. */
int	 plain_next_physical(const struct doc *d, size_t pos, size_t *s,
	    size_t *e, size_t *next);
/* Reads the logical line at pos into pl. Returns 0 at the end. */
int	 plain_read(struct plain_state *ps, const struct doc *d, size_t pos,
	    struct pline *pl);
/* Looks at a sample of the document from pos to choose the modes. */
void	 plain_prescan(struct plain_state *ps, const struct doc *d,
	    size_t pos);
/* The sample's record of the name [s, e), or NULL. */
const struct plain_name *plain_name(const struct plain_state *ps,
	    const struct doc *d, size_t s, size_t e);
/* The block that input offset pos belongs to (see format.h); -1 when it
 * cannot be told without reading from the start. */
struct format_unit;
int	 plain_unit(struct doc *d, size_t pos, struct format_unit *u);
/* True when [s, e) names a speaker who has had a turn already. */
int	 plain_is_speaker(const struct doc *d, size_t s, size_t e);

#endif
