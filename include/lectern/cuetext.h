/* cuetext.h: the text of a caption cue made readable: tags removed,
 * entities decoded, voices and the times of words noted (no terminal, no
 * document in here). */
#ifndef LECTERN_CUETEXT_H
#define LECTERN_CUETEXT_H

#include <stddef.h>
#include <stdint.h>

#include "lectern/util.h"

/* Most bytes of a speaker's name from a label or a voice tag. */
#define CUETEXT_MAX_NAME	100

/* A <v Name> voice span: from offset at of the text on. */
struct cuetext_voice {
	size_t		 at;
	size_t		 name, nlen;	/* the name, in names */
};

/* An inline <00:00:01.000> time: the word at offset at of the text
 * (after a space) is said then. */
struct cuetext_mark {
	size_t		 at;
	uint32_t	 time;
};

/* A line of a cue's text: [s, e) of it, without its newline. */
struct cuetext_line {
	size_t		 s, e;
	int		 look;		/* it holds >, [, ( or a musical note */
	int		 colon;		/* it holds a colon */
};

/* The readable lines of one cue. */
struct cuetext {
	struct buf	 text;		/* the lines, each ended by '\n' */
	struct cuetext_line *lines;
	size_t		 nlines, caplines;
	struct buf	 names;		/* the voices' names */
	struct cuetext_voice *voices;
	size_t		 nvoices, capvoices;
	struct cuetext_mark *marks;
	size_t		 nmarks, capmarks;
};

/* Empties ct for the next cue (its memory is kept). */
void	 cuetext_reset(struct cuetext *ct);
void	 cuetext_free(struct cuetext *ct);

/* Appends the n bytes at s, lines of a cue (each ended by a newline but
 * perhaps the last), made readable: tags removed (a <v Name> noted as a
 * voice, an <rt> annotation dropped, an inline time noted as a mark),
 * entities decoded, {\an8} overrides removed, white space folded to
 * single spaces and trimmed. Each line is ended with '\n'. */
void	 cuetext_add_lines(struct cuetext *ct, const uint8_t *s, size_t n);

/* True when the n bytes at s (lines as above) are readable as they are:
 * cuetext_add_lines would copy them unchanged, and no line holds what a
 * reader of captions looks at (a colon, >, [, (, a note, a dash or
 * anything made of 0xE2... that starts it): words and single spaces, no empty line. */
int	 cuetext_is_plain(const uint8_t *s, size_t n);
/* The end of the line at i of the n bytes at s (its newline, or n);
 * clears *plain unless the line is plain as cuetext_is_plain means it
 * (an empty line is not). One reading of the bytes does both. */
size_t	 cuetext_line_end(const uint8_t *s, size_t n, size_t i, int *plain);

/* Parses a cue time ("00:01:02.345", "01:02,345", "1:02:03.4") at *i
 * in [*i, e); sets *ms and moves *i past it. Returns 0 when there is
 * none. */
int	 cuetext_time(const uint8_t *s, size_t *i, size_t e, uint32_t *ms);

#endif
