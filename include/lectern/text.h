/* text.h: how one character of a document is shown, safely. */
#ifndef LECTERN_TEXT_H
#define LECTERN_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * A glyph is what one character of the source becomes on the screen.
 * Printable characters stand for themselves; white space of any kind is
 * one space; controls, invalid bytes and invisible characters that could
 * reorder or hide text become visible placeholders (^[, <U+202E>, U+FFFD).
 * No byte of the document reaches a terminal except through this.
 */
enum text_glyph_kind {
	TEXT_PRINT,		/* the character itself */
	TEXT_SPACE,		/* white space, shown as one space */
	TEXT_PLACEHOLDER	/* a visible stand-in, shown in reverse */
};

struct text_glyph {
	enum text_glyph_kind kind;
	const uint8_t	*show;		/* bytes to show */
	size_t		 nshow;
	size_t		 srclen;	/* bytes consumed from the source */
	int		 width;		/* display columns of show */
	uint32_t	 uc;		/* the code point, 0xFFFD if invalid */
	char		 buf[16];	/* storage for placeholders */
};

/* Decodes the glyph at s (n > 0 bytes); returns the bytes consumed. */
size_t	text_glyph(const uint8_t *s, size_t n, struct text_glyph *g);

/* With on, glyphs are ASCII only: what is not is transliterated (curly
 * quotes, dashes, letters without their accents) or replaced by '?', for
 * a terminal whose locale is not UTF-8. */
void	text_set_ascii(int on);
int	text_ascii(void);

/* Most characters one glyph shows (a placeholder like <U+202E>). */
#define TEXT_GLYPH_MAX	16

/* Most combining marks kept on one character; more are not shown. */
#define TEXT_MAX_MARKS	8

/* Display width of n bytes of source text, shown through text_glyph. */
size_t	text_width(const uint8_t *s, size_t n);

/* How many of the n bytes at s fit in cols display columns, shown
 * through text_glyph: whole characters only, with the combining marks
 * that follow the last one. Sets *width (if not NULL) to their columns. */
size_t	text_fit(const uint8_t *s, size_t n, int cols, int *width);

/* Appends n bytes of source text to b, made safe: white space folded to
 * spaces, controls shown as placeholders. */
struct buf;
void	text_sanitize(struct buf *b, const uint8_t *s, size_t n);

/* Erases the last character of the UTF-8 text in b (what Backspace does
 * in the bars). */
void	text_erase_char(struct buf *b);
/* Appends n bytes of text (already made safe) to b, cut to cols columns
 * with an ellipsis when it is wider; returns the columns it takes. */
int	text_add_cut(struct buf *b, const void *s, size_t n, int cols);
/* Adds the character typed as key to b, unless it is a control, not a
 * character, or b would pass max bytes. Returns 1 when it was added. */
int	text_add_key(struct buf *b, int key, size_t max);
/* Erases the last word of b and the spaces after it (Ctrl-W). */
void	text_erase_word(struct buf *b);

/* True for a code point that is a letter (any script). */
int	text_is_letter(uint32_t uc);
/* True for an upper-case letter. */
int	text_is_upper(uint32_t uc);

#endif
