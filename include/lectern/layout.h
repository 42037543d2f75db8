/* layout.h: a document laid out for a width (no terminal in here). */
#ifndef LECTERN_LAYOUT_H
#define LECTERN_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

struct doc;

/* Line kinds. */
enum layout_line_kind {
	LAYOUT_TEXT,	/* text of the block, [start, end) of the source */
	LAYOUT_BLANK,	/* the space before a block */
	LAYOUT_RULE	/* the underline of a heading, cols wide */
};

/*
 * One screen line. Lines are derived from (document, width), never stored
 * as the truth: a position in the document is a byte offset.
 */
struct layout_line {
	size_t		 block;
	size_t		 start, end;	/* source bytes shown on the line */
	int		 kind;
	int		 first;		/* carries the block's prefix */
	int		 time;		/* carries the block's time */
	int		 indent;	/* columns before the text (or prefix) */
	int		 cols;		/* display width of the whole line */
};

/* The lines of one block. */
struct layout_block {
	struct layout_line *lines;
	size_t		 nlines, cap;
};

/* Styles of the pieces of a line, for renderers. */
#define LAYOUT_STYLES \
	X(TEXT, "text") \
	X(TITLE, "title") \
	X(META, "meta") \
	X(HEADING, "heading") \
	X(RULE, "rule") \
	X(LABEL, "speaker") \
	X(BULLET, "bullet") \
	X(QUOTE, "quote") \
	X(ATTRIB, "attribution") \
	X(ROLE, "credit role") \
	X(PLACEHOLDER, "placeholder") \
	X(TIME, "time") \
	X(EMPH, "emphasis") \
	X(STRONG, "strong") \
	X(CODE, "code") \
	X(LINK, "link") \
	X(SOUND, "sound")

enum layout_style {
#define X(id, name) LAYOUT_S_##id,
	LAYOUT_STYLES
#undef X
	LAYOUT_NSTYLES
};

/* Flags of a layout. */
#define LAYOUT_F_TIMES	1	/* a block's time before its first line */

/* Lays out block b of d for width columns, replacing lb's lines.
 * Returns the number of lines (at least 1). */
size_t	 layout_block(const struct doc *d, size_t b, int width,
	    struct layout_block *lb);
/* The same, with LAYOUT_F_ flags. */
size_t	 layout_block_flags(const struct doc *d, size_t b, int width,
	    int flags, struct layout_block *lb);

/* Frees the lines of lb. */
void	 layout_block_free(struct layout_block *lb);

/*
 * Walks the pieces of line l in order, calling fn for each: text is safe
 * to show (see text_glyph), cols its display width, src its source offset
 * or SIZE_MAX for text that the layout adds (labels' colons, bullets,
 * indentation).
 */
typedef void	(*layout_walk_fn)(void *arg, const uint8_t *text, size_t n,
		    int cols, enum layout_style style, size_t src);
void	 layout_walk(const struct doc *d, const struct layout_line *l,
	    layout_walk_fn fn, void *arg);

/*
 * Breaks the source text [s, e) into lines no wider than first (the first
 * line) and rest (the others), at Unicode line-break opportunities and by
 * display width. Calls fn for each line with its source range and width.
 */
typedef void	(*layout_wrap_fn)(void *arg, size_t s, size_t e, int cols);
void	 layout_wrap(const uint8_t *src, size_t s, size_t e, int first,
	    int rest, layout_wrap_fn fn, void *arg);

/*
 * A cache of block layouts for one width, so that moving around a long
 * document lays out only the blocks near the view.
 */
struct layout_cache;

struct layout_cache *layout_cache_new(const struct doc *d, int width);
void	 layout_cache_free(struct layout_cache *c);
/* Lays out again for a new width (or after the document grew). */
void	 layout_cache_reset(struct layout_cache *c, int width);
/* Lays out again with other LAYOUT_F_ flags. */
void	 layout_cache_set_flags(struct layout_cache *c, int flags);
int	 layout_cache_flags(const struct layout_cache *c);
/* Forgets the layouts of blocks from b on (the parser may have changed
 * the last blocks while it read more). */
void	 layout_cache_forget(struct layout_cache *c, size_t b);
/* Bytes of memory the cache holds. */
size_t	 layout_cache_size(const struct layout_cache *c);
/* The lines of block b; valid until the next call. */
const struct layout_block *layout_cache_get(struct layout_cache *c, size_t b);

#endif
