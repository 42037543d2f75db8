/* cues.h: the cues of a caption file (WebVTT, SubRip): timing lines, cue
 * numbers and identifiers, WebVTT's header, NOTE, STYLE and REGION
 * blocks; and how likely bytes are to be captions (no terminal, no
 * document model in here). */
#ifndef LECTERN_CUES_H
#define LECTERN_CUES_H

#include <stddef.h>
#include <stdint.h>

/* A cue of the input. */
struct cues_cue {
	uint32_t	 start, end;	/* in ms; DOC_NO_TIME without a timing */
	size_t		 ts, te;	/* its text lines in the input */
	int		 plain;		/* they are readable as they are
					   (cuetext_is_plain) */
	size_t		 next;		/* where the next cue may start */
};

/* Reads the cue at or after pos of the len bytes at in into c; with vtt,
 * WebVTT's blocks that are not cues are skipped. Returns 0 at the end. */
int	 cues_next(const uint8_t *in, size_t len, size_t pos, int vtt,
	    struct cues_cue *c);

/* How likely the n bytes at p are captions (0 to 100): WebVTT with vtt,
 * else SubRip. A "WEBVTT" line, or timing lines at the top or all
 * along, the character before the milliseconds ("." or ","), and the
 * extension ext (lower case, no dot) as a hint. */
int	 cues_sniff(const uint8_t *p, size_t n, const char *ext, int vtt);

/* The end of the line at p (its newline, or len). */
size_t	 cues_line_end(const uint8_t *in, size_t len, size_t p);

#endif
