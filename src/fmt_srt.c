/* fmt_srt.c: SubRip subtitles (.srt, from films, Whisper, YouTube),
 * read by captions.c. */
#include "lectern/captions.h"
#include "lectern/cues.h"
#include "lectern/format.h"

/* Numbered cues, timings with a "," before the milliseconds. */
static int
srt_sniff(const uint8_t *p, size_t n, const char *ext)
{
	return cues_sniff(p, n, ext, 0);
}

/* Starts reading captions of this kind. */
static void
srt_begin(struct doc *d)
{
	captions_begin(d, CAPTIONS_SRT);
}

const struct format format_srt = {
	"srt", "SubRip subtitles (1, 00:00:01,000 --> 00:00:04,000)",
	srt_sniff, srt_begin, captions_some, captions_end,
	NULL, 0
};
