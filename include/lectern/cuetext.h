/* cuetext.h: the text of a caption cue made readable: tags removed,
 * entities decoded, voices noted; what starts a line (a speaker's label,
 * a dash, >>), what names look like, and sound descriptions ([laughs],
 * (door slams), ♪ lyrics ♪). Pure functions of bytes, for the caption
 * readers (no terminal, no document in here). */
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

/* The readable lines of one cue. */
struct cuetext {
	struct buf	 text;		/* the lines, each ended by '\n' */
	struct buf	 names;		/* the voices' names */
	struct cuetext_voice *voices;
	size_t		 nvoices, capvoices;
	struct cuetext_mark *marks;
	size_t		 nmarks, capmarks;
};

/* Empties ct for the next cue (its memory is kept). */
void	 cuetext_reset(struct cuetext *ct);
void	 cuetext_free(struct cuetext *ct);

/* Appends the n bytes at s, one line of a cue, made readable: tags
 * removed (a <v Name> noted as a voice, an <rt> annotation dropped, an
 * inline time noted as a mark), entities decoded, {\an8} overrides removed, white
 * space folded to single spaces and trimmed. Ends it with '\n'. */
void	 cuetext_add_line(struct cuetext *ct, const uint8_t *s, size_t n);

/* What starts a line of cue text. */
struct cuetext_start {
	int		 dash;		/* "- ": a new speaker's line */
	int		 arrows;	/* ">>": a change of speaker */
	int		 bracket;	/* the label is "[Name]" */
	size_t		 body;		/* after the dash and >>, at the label */
	size_t		 name, nend;	/* a label's name; empty when none */
	size_t		 text;		/* where the text after the label starts */
};

/* Looks at what starts the line [s, e) of buf: a dash, >>, then a label
 * "Name:" or "[Name]" followed by text. The name is only a candidate:
 * see cuetext_name. */
void	 cuetext_line_start(const uint8_t *buf, size_t s, size_t e,
	    struct cuetext_start *st);

/* How much [s, s + n) looks like a speaker's name. */
enum cuetext_name_kind {
	CUETEXT_NOT,		/* not a name */
	CUETEXT_LOOSE,		/* a name if the file labels its cues */
	CUETEXT_NAME		/* a name: capitalized words, "Speaker 3" */
};

/* Sets *words (a generic "Speaker 3" counts as two) and *caps (every
 * letter a capital, two or more letters). */
enum cuetext_name_kind cuetext_name(const uint8_t *s, size_t n, int *words,
	    int *caps);

/* True when [s, s + n), the inside of brackets, describes a sound
 * ("laughs", "MUSIC", "door slams", "SINGING") rather than naming a
 * speaker. */
int	 cuetext_is_sound(const uint8_t *s, size_t n);

/* When a sound description starts at i in [i, e) of buf ("[...]",
 * "(...)", "♪ ... ♪"), returns where it ends (after its closer; for a ♪
 * without a second one, the end of its line); else i. */
size_t	 cuetext_sound_end(const uint8_t *buf, size_t i, size_t e);

/* True when the text [s, e) ends a sentence (., ! or ?, perhaps inside
 * quotes or brackets; not an ellipsis). */
int	 cuetext_ends_sentence(const uint8_t *buf, size_t s, size_t e);

/* Parses a cue time ("00:01:02.345", "01:02,345", "1:02:03.4") at *i
 * in [*i, e); sets *ms and moves *i past it. Returns 0 when there is
 * none. */
int	 cuetext_time(const uint8_t *s, size_t *i, size_t e, uint32_t *ms);

#endif
