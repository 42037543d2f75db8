/* view.h: the reader pane's place in a laid-out document (no terminal). */
#ifndef LECTERN_VIEW_H
#define LECTERN_VIEW_H

#include <stddef.h>

struct doc;
struct layout_line;

/* A screen line of the document: a block and a line of its layout. */
struct view_pos {
	size_t	block;
	size_t	line;
};

/*
 * A place in the document that outlives a layout: the source offset of
 * the top line, and what kind of line it is (a blank line before a block
 * and a heading's rule hold no text of their own). Positions kept across
 * a search, an overlay or a resize are places, never screen lines.
 */
struct view_place {
	size_t	off;		/* the top line's first byte; for a blank
				   line or a rule, its block's start */
	int	kind;		/* LAYOUT_TEXT, LAYOUT_BLANK or LAYOUT_RULE */
};

/*
 * The reader's view: the line at the top of a pane of rows lines, over the
 * document laid out at width columns. Every move keeps the pane full where
 * the document allows: the top never goes past the point where the last
 * line is at the bottom.
 */
struct view {
	const struct doc	*doc;
	struct layout_cache	*lc;
	int			 width;
	int			 rows;
	struct view_pos		 top;
	int			 filter;	/* only this speaker, or -1 */

	/* What resizes keep at the top, taken at the first resize after a
	 * move, so that a run of resizes does not drift. */
	int			 anchored;
	struct view_place	 anchor;
};

/* Makes a view at the top of d. Pair with view_free. */
struct view	*view_new(const struct doc *d, int width, int rows);
void		 view_free(struct view *v);

/* Lays out again for a new size; the text that was at the top stays at
 * the top, at the same place in its paragraph. */
void		 view_resize(struct view *v, int width, int rows);

/* Lays out again with LAYOUT_F_ flags (the times shown or not), or with
 * the same ones after something the layout shows changed (the times
 * became hh:mm:ss); the text that was at the top stays at the top. */
void		 view_set_flags(struct view *v, int flags);
void		 view_relayout(struct view *v);

/* The layout line at p. Valid until the view lays out again. */
const struct layout_line *view_line(struct view *v, struct view_pos p);

/* Steps p one line down or up. Returns 0 at the end or the start. */
int		 view_next(struct view *v, struct view_pos *p);
int		 view_prev(struct view *v, struct view_pos *p);

/* Moves the top n lines down (up when negative). Returns how many lines
 * it moved, 0 when it could not. */
long		 view_scroll(struct view *v, long n);

void		 view_to_top(struct view *v);
void		 view_to_end(struct view *v);

/* Puts block b's first line of text at the top, or as near as the end of
 * the document allows. */
void		 view_show_block(struct view *v, size_t b);

/* Puts the line holding source offset off at the top (as near as the end
 * allows). */
void		 view_show_offset(struct view *v, size_t off);

/* The place at the top, and back to it (as near as the end allows). */
struct view_place view_place(struct view *v);
void		 view_restore(struct view *v, struct view_place p);
/* True when two places are the same. */
int		 view_place_eq(struct view_place a, struct view_place b);

/* Shows only the turns of speaker (and the headings); -1 shows all. */
void		 view_set_filter(struct view *v, int speaker);

/* True when block b is shown (not filtered out). */
int		 view_visible(const struct view *v, size_t b);

int		 view_at_top(struct view *v);
int		 view_at_end(struct view *v);

/* The source offset where the top line starts (a line that begins with
 * a speaker's label starts at the label), and the offset of the last
 * byte shown, which only grows as the view moves down. */
size_t		 view_top_offset(struct view *v);
size_t		 view_bottom_offset(struct view *v);

/* How far through the document the bottom line is, in percent: it grows
 * as the view moves down, and is 100 only when the end is shown. */
int		 view_percent(struct view *v);

/* The block at the top (a blank line belongs to the block after it). */
size_t		 view_top_block(struct view *v);

#endif
