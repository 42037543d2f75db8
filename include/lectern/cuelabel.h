/* cuelabel.h: what the lines of a caption cue say besides their words:
 * a speaker's label, a dash or >> for a change of speaker, sound
 * descriptions ([laughs], (door slams), ♪ lyrics ♪), a sentence's end.
 * Pure functions of bytes (no terminal, no document in here). */
#ifndef LECTERN_CUELABEL_H
#define LECTERN_CUELABEL_H

#include <stddef.h>
#include <stdint.h>

/* What starts a line of cue text. */
struct cuelabel_start {
	int		 dash;		/* "- ": a new speaker's line */
	int		 arrows;	/* ">>": a change of speaker */
	int		 bracket;	/* the label is "[Name]" */
	size_t		 body;		/* after the dash and >>, at the label */
	size_t		 name, nend;	/* a label's name; empty when none */
	size_t		 text;		/* where the text after the label starts */
};

/* Looks at what starts the line [s, e) of buf: a dash, >>, then a label
 * "Name:" or "[Name]" followed by text. The name is only a candidate:
 * see cuelabel_name. */
void	 cuelabel_line_start(const uint8_t *buf, size_t s, size_t e,
	    struct cuelabel_start *st);

/* How much [s, s + n) looks like a speaker's name. */
enum cuelabel_name_kind {
	CUELABEL_NOT,		/* not a name */
	CUELABEL_LOOSE,		/* a name if the file labels its cues */
	CUELABEL_NAME		/* a name: capitalized words, "Speaker 3" */
};

/* Sets *words (a generic "Speaker 3" counts as two) and *caps (every
 * letter a capital, two or more letters). */
enum cuelabel_name_kind cuelabel_name(const uint8_t *s, size_t n, int *words,
	    int *caps);

/* True when [s, s + n), the inside of brackets, describes a sound
 * ("laughs", "MUSIC", "door slams", "SINGING") rather than naming a
 * speaker. */
int	 cuelabel_is_sound(const uint8_t *s, size_t n);

/* When a sound description starts at i in [i, e) of buf ("[...]",
 * "(...)", "♪ ... ♪"), returns where it ends (after its closer; for a ♪
 * without a second one, the end of its line); else i. */
size_t	 cuelabel_sound_end(const uint8_t *buf, size_t i, size_t e);

/* True when the text [s, e) ends a sentence (., ! or ?, perhaps inside
 * quotes or brackets; not an ellipsis). */
int	 cuelabel_ends_sentence(const uint8_t *buf, size_t s, size_t e);

#endif
