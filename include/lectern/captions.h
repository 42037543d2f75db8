/* captions.h: subtitles and captions (WebVTT, SubRip) read into the
 * document model: cues joined into paragraphs that carry their times,
 * speakers from voice tags and labels, rolling captions read once (no
 * terminal in here). fmt_vtt.c and fmt_srt.c are its two formats. */
#ifndef LECTERN_CAPTIONS_H
#define LECTERN_CAPTIONS_H

#include <stddef.h>
#include <stdint.h>

struct doc;

enum captions_kind {
	CAPTIONS_WEBVTT,
	CAPTIONS_SRT
};

/* Starts reading d->in as captions: looks at a sample to learn whether
 * the cues carry labels and whether they roll. Sets d->fs. */
void	 captions_begin(struct doc *d, enum captions_kind kind);

/* Reads at least budget more bytes of cues (0: all); returns 1 while
 * there is more. */
int	 captions_some(struct doc *d, size_t budget);

/* Frees what captions_begin made. */
void	 captions_end(struct doc *d);

#endif
