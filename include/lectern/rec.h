/* rec.h: what the readers of records and scripts (court transcripts,
 * hearings, plays, screenplays) share: the lines of the input, the shapes
 * of names and of page furniture, and paragraphs of the document's own
 * text put together from lines (no terminal in here). */
#ifndef LECTERN_REC_H
#define LECTERN_REC_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct doc;

/* One line of the input: [start, end) without its newline, [s, e) the
 * same without white space at either end, next the start of the next
 * line, indent the columns of white space before s (a tab to the next
 * multiple of 8). */
struct rec_line {
	size_t		 start, end;
	size_t		 s, e;
	size_t		 next;
	int		 indent;
};

/* Reads the line of the n bytes at p that starts at pos. Returns 0 when
 * pos is at the end. */
int	 rec_line(const uint8_t *p, size_t n, size_t pos, struct rec_line *l);

/* True for white space inside a line (space, tab, CR, form feed, vertical
 * tab). */
int	 rec_space(uint8_t c);

/* The code point at p (n > 0 bytes left), its length in *len (at least
 * 1; an invalid byte is U+FFFD of length 1). */
uint32_t rec_char(const uint8_t *p, size_t n, int *len);

/* Counts the upper-case and lower-case letters of [s, e) ("Mc" in
 * "McCAIN" counts as upper case). */
void	 rec_letters(const uint8_t *p, size_t s, size_t e, size_t *upper,
	    size_t *lower);

/* True when [s, e) has upper-case letters and no lower-case ones. */
int	 rec_caps(const uint8_t *p, size_t s, size_t e);

/* True when [s, e) starts with the word w (ASCII, any case) followed by
 * the end, a space or one of the bytes of after. */
int	 rec_word(const uint8_t *p, size_t s, size_t e, const char *w,
	    const char *after);

/* Decodes the HTML entity at p[i] == '&' ("&lt;", "&#8212;", "&#x9b;")
 * into b; returns the bytes it took, or 0 when it is not one. A code
 * point that is not a character decodes as U+FFFD. */
size_t	 rec_entity(const uint8_t *p, size_t i, size_t e, struct buf *b);

/* True when [s, e) holds the ASCII text w, in any case. */
int	 rec_has(const uint8_t *p, size_t s, size_t e, const char *w);

/* True when [s, e) is a page number alone: "12", "- 12 -", "Page 12",
 * "Page 12 of 300", "[Page 12]". */
int	 rec_page_number(const uint8_t *p, size_t s, size_t e);

/* A hash of the shape of [s, e): its words with digits and roman
 * numerals made alike, so that running heads of different pages match. */
uint32_t rec_shape(const uint8_t *p, size_t s, size_t e);

/* Counts of shapes (a small open table; shapes past its size are not
 * counted). */
#define REC_SHAPES	512
struct rec_shapes {
	uint32_t	 hash[REC_SHAPES];
	uint32_t	 count[REC_SHAPES];
};

/* Counts one more of shape h. */
void	 rec_shapes_add(struct rec_shapes *t, uint32_t h);
/* How many of shape h were counted. */
uint32_t rec_shapes_count(const struct rec_shapes *t, uint32_t h);

/* How the lines of a paragraph are joined: with spaces (a hyphen that
 * ends a line followed by a word joins without one), with newlines
 * (the paragraph keeps its lines), or as verse when most of its lines
 * start with a capital letter and as prose otherwise. */
enum rec_join { REC_PROSE, REC_LINES, REC_VERSE };

/* A paragraph being put together in the document's own text. */
struct rec_para {
	int		 open;
	size_t		 start;		/* where its text starts */
	size_t		 lines;		/* lines added */
	size_t		 capital;	/* later lines with a capital */
	size_t		 chars;		/* bytes of its lines */
};

/* Starts a paragraph at the end of the text. */
void	 rec_para_open(struct doc *d, struct rec_para *pa);
/* Adds what goes between the paragraph's last line and the next, which
 * starts with the bytes [s, e) of p. Call before appending the line. */
void	 rec_para_sep(struct doc *d, struct rec_para *pa, const uint8_t *p,
	    size_t s, size_t e, enum rec_join how);
/* Adds the line [s, e) of p to the paragraph (separator and text). */
void	 rec_para_line(struct doc *d, struct rec_para *pa, const uint8_t *p,
	    size_t s, size_t e, enum rec_join how);
/* Ends the paragraph: trims it, settles verse or prose, and sets *s and
 * *e to its text. Returns 1 when it keeps its lines. */
int	 rec_para_close(struct doc *d, struct rec_para *pa, enum rec_join how,
	    size_t *s, size_t *e);

/* What a reader writes: the open paragraph and what it is. */
enum rec_kind { REC_NONE, REC_TEXT, REC_TURN, REC_NOTE };

struct rec_out {
	struct rec_para	 pa;
	enum rec_kind	 kind;
	enum rec_join	 how;
	int		 speaker;	/* REC_TURN: its speaker */
	size_t		 lstart, lend;	/* REC_TURN: the name in the text */
};

/* Separates what follows from the text before it by a blank line, so
 * that the words of two blocks never run together. */
void	 rec_gap(struct doc *d);
/* Ends the open paragraph, if any, and makes its block: a turn, or a
 * paragraph in the open turn (a note is in emphasis). Returns the block,
 * or (size_t)-1 when none was made. */
size_t	 rec_close(struct doc *d, struct rec_out *o);
/* Starts a paragraph (REC_TEXT or REC_NOTE) of lines joined as how. */
void	 rec_open(struct doc *d, struct rec_out *o, enum rec_kind kind,
	    enum rec_join how);
/* Starts a turn of the speaker named by the n bytes at name: the name
 * and sep go into the text, then the turn's first paragraph. */
void	 rec_turn(struct doc *d, struct rec_out *o, const uint8_t *name,
	    size_t n, const char *sep, enum rec_join how);
/* Adds the line [s, e) of p to the open paragraph. */
void	 rec_add(struct doc *d, struct rec_out *o, const uint8_t *p,
	    size_t s, size_t e);

#endif
