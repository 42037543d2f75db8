/* fold.h: how text is folded for searching, so that a query finds what
 * the reader means (no terminal, no document in here). */
#ifndef LECTERN_FOLD_H
#define LECTERN_FOLD_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/*
 * Folding: full Unicode case folding, canonical decomposition with the
 * combining marks dropped, curly quotes to straight ones, dashes to '-',
 * an ellipsis to "...", any run of white space to one space; invisible
 * characters (soft hyphen, zero-width space and joiners) vanish.
 */
#define FOLD_CASE	1	/* fold case */
#define FOLD_MARKS	2	/* keep combining marks */
#define FOLD_DASHES	4	/* keep dashes as they are */
#define FOLD_MAX	64	/* most bytes one character folds to */

/* What one character folds to: its length in out (FOLD_MAX bytes), 0 when
 * it vanishes, FOLD_SPACE for white space. ASCII too. */
#define FOLD_SPACE	(-1)
int	 fold_char(uint32_t uc, int flags, uint8_t *out);

/* The fold of a character with FOLD_CASE, from a table filled as it is
 * used: *out points at its bytes (valid until the next call). */
int	 fold_fast(uint32_t uc, const uint8_t **out);

/* Appends the fold of n bytes of text to b, white space runs as one
 * space. */
void	 fold_text(struct buf *b, const uint8_t *s, size_t n, int flags);

/* True for a character that belongs to the grapheme before it (a
 * combining mark, a joiner, a variation selector, a skin tone). */
int	 fold_extends(uint32_t uc);

/* Decodes the UTF-8 character at s (n > 0 bytes left); its length in
 * *len, at least 1 (an invalid byte is U+FFFD, one byte). */
uint32_t fold_decode(const uint8_t *s, size_t n, int *len);

#endif
