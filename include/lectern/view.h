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
	size_t			 anchor_block;
	size_t			 anchor_off;	/* source offset, or */
	size_t			 anchor_line;	/* a blank line or a rule */
	int			 anchor_text;
};

/* Makes a view at the top of d. Pair with view_free. */
struct view	*view_new(const struct doc *d, int width, int rows);
void		 view_free(struct view *v);

/* Lays out again for a new size; the text that was at the top stays at
 * the top, at the same place in its paragraph. */
void		 view_resize(struct view *v, int width, int rows);

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

/* Shows only the turns of speaker (and the headings); -1 shows all. */
void		 view_set_filter(struct view *v, int speaker);

/* True when block b is shown (not filtered out). */
int		 view_visible(const struct view *v, size_t b);

int		 view_at_top(struct view *v);
int		 view_at_end(struct view *v);

/* The source offset at the top line, and after the bottom line. */
size_t		 view_top_offset(struct view *v);
size_t		 view_bottom_offset(struct view *v);

/* The block at the top (a blank line belongs to the block after it). */
size_t		 view_top_block(struct view *v);

#endif
