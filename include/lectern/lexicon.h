/* lexicon.h: what names, credits, timestamps and headings look like in a
 * transcript's lines (pure functions of bytes, for the parser). Ranges
 * are byte offsets [s, e) into src. */
#ifndef LECTERN_LEXICON_H
#define LECTERN_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#define LEX_MAX_NAME_BYTES	48

/* True for horizontal white space (and CR): in line, as every reader
 * asks it of each byte. */
static inline int
lex_hspace(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Trims white space (and a no-break space) from both ends of [*s, *e). */
void		 lex_trim(const uint8_t *src, size_t *s, size_t *e);
/* The code point at p (n bytes left); its length in *len (at least 1). */
uint32_t	 lex_char_at(const uint8_t *p, size_t n, int *len);
/* The last code point of the n bytes at p. */
uint32_t	 lex_last_char(const uint8_t *p, size_t n);
/* True for a letter that can start a name: a capital, or a letter of a
 * script without case. */
int		 lex_capital(uint32_t uc);
/* True when [s, e) looks like a person's name; sets *words. */
int		 lex_namelike(const uint8_t *src, size_t s, size_t e, int *words);
/* True when [s, e) is a short list of names: "A B, C D and E F". */
int		 lex_names_only(const uint8_t *src, size_t s, size_t e);
/* True when [s, e) is exactly a timestamp, "m:ss" to "h:mm:ss" (with
 * ,mmm), bare or in brackets. */
int		 lex_timestamp(const uint8_t *src, size_t s, size_t e);
/* The same, setting *ms to the time it gives. */
int		 lex_time(const uint8_t *src, size_t s, size_t e, uint32_t *ms);
/* When a bare timestamp starts at p ("00:12:34", "0:03"), sets *ms and
 * *colons (when not NULL) and returns the offset after it; else p. */
size_t		 lex_bare_time(const uint8_t *src, size_t p, size_t e,
		    uint32_t *ms, int *colons);
/* A chapter marker "(hh:mm:ss) - Title" (bare or bracketed time, hyphen
 * or dash): sets *ts to the title's start and *ms; returns 1. */
int		 lex_chapter(const uint8_t *src, size_t s, size_t e, size_t *ts,
		    uint32_t *ms);
/* When [s, e) is text followed by a bracketed time ("Intro [00:01:02]"),
 * sets *te to the end of the text and *ms; returns 1. */
int		 lex_end_stamp(const uint8_t *src, size_t s, size_t e,
		    size_t *te, uint32_t *ms);
/* True when [s, e) could label a credit, like "Producer and editor". */
int		 lex_rolelike(const uint8_t *src, size_t s, size_t e);
/* When a bracketed timestamp stands at p, the offset after it; else p. */
size_t		 lex_skip_stamp(const uint8_t *src, size_t p, size_t e);
/* The same, setting *ms to its time. */
size_t		 lex_stamp(const uint8_t *src, size_t p, size_t e, uint32_t *ms);
/* True when the line [s, e) is shaped like a heading: short, one
 * sentence, capitalized, not ending in . , ; : or an ellipsis. */
int		 lex_headlike(const uint8_t *src, size_t s, size_t e);
/* The same for a heading the context vouches for: up to 150 columns and
 * 24 words, and it may end in an ellipsis. */
int		 lex_headlike_loose(const uint8_t *src, size_t s, size_t e);
/* True for a call to action such as "Listen on Spotify" or "Read the
 * transcript". */
int		 lex_cta(const uint8_t *src, size_t s, size_t e);
/* True for the name of a part of a page rather than a title:
 * "Highlights", "Episode summary", "Transcript". */
int		 lex_section_word(const uint8_t *src, size_t s, size_t e);
/* True for a heading over a list of titles: "Articles, books, and other
 * media discussed in the show". */
int		 lex_listhead(const uint8_t *src, size_t s, size_t e);
/* True when [s, e) ends a sentence (. ? ! … or their CJK forms, perhaps
 * before a closing quote or bracket). */
int		 lex_ends_sentence(const uint8_t *src, size_t s, size_t e);

#endif
