/* fmt_vtt.c: WebVTT captions (YouTube, Zoom, Teams, Whisper), read by
 * captions.c. */
#include "lectern/captions.h"
#include "lectern/cues.h"
#include "lectern/format.h"

/* A "WEBVTT" line, or cue timings with a "." before the milliseconds. */
static int
vtt_sniff(const uint8_t *p, size_t n, const char *ext)
{
	return cues_sniff(p, n, ext, 1);
}

/* Starts reading captions of this kind. */
static void
vtt_begin(struct doc *d)
{
	captions_begin(d, CAPTIONS_WEBVTT);
}

const struct format format_webvtt = {
	"webvtt", "WebVTT captions (00:00:01.000 --> 00:00:04.000)",
	vtt_sniff, vtt_begin, captions_some, captions_end,
	NULL, 0
};
