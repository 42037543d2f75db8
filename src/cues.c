/*
 * cues.c: the cues of a caption file. A cue is a timing line
 * ("00:00:01.000 --> 00:00:04.000 align:start", with "," before the
 * milliseconds in SubRip) and the lines of text after it, up to an empty
 * line; a cue number or identifier may stand before the timing. In
 * WebVTT, the header (the "WEBVTT" line and what follows it up to an
 * empty line) and NOTE, STYLE and REGION blocks are not cues. Text that
 * follows an empty line inside a cue is a cue without a time.
 */
#include <string.h>

#include "lectern/cues.h"
#include "lectern/cuetext.h"
#include "lectern/doc.h"
#include "lectern/lexicon.h"

#define SNIFF_LINES	200		/* lines sniffing counts timings in */

size_t
cues_line_end(const uint8_t *in, size_t len, size_t p)
{
	const uint8_t *nl;

	if (p < len && in[p] == '\n')
		return p;
	if (p + 1 < len && in[p] == '\r' && in[p + 1] == '\n')
		return p + 1;
	nl = memchr(in + p, '\n', len - p);
	return nl == NULL ? len : (size_t)(nl - in);
}

/* True when [s, e) holds only white space. */
static int
blank(const uint8_t *in, size_t s, size_t e)
{
	for (; s < e; s++)
		if (!lex_hspace(in[s]))
			return 0;
	return 1;
}

/* True when [s, e) is an empty line, which ends a cue's text (a line of
 * spaces, as YouTube's captions start with, does not). */
static int
empty(const uint8_t *in, size_t s, size_t e)
{
	return e == s || (e - s == 1 && in[s] == '\r');
}

/* True when [s, e) is a timing line "START --> END [settings]"; sets
 * the times (and *sep to the character before the milliseconds). */
static int
timing(const uint8_t *in, size_t s, size_t e, uint32_t *a, uint32_t *b,
    int *sep)
{
	size_t p = s;

	while (p < e && lex_hspace(in[p]))
		p++;
	if (p >= e || in[p] < '0' || in[p] > '9' || !cuetext_time(in, &p, e, a))
		return 0;
	if (sep != NULL)
		for (*sep = 0; s < p; s++)
			if (in[s] == '.' || in[s] == ',')
				*sep = in[s];
	while (p < e && lex_hspace(in[p]))
		p++;
	if (e - p < 3 || memcmp(in + p, "-->", 3) != 0)
		return 0;
	p += 3;
	while (p < e && lex_hspace(in[p]))
		p++;
	if (!cuetext_time(in, &p, e, b))
		return 0;
	return p == e || lex_hspace(in[p]);
}

/* True when the line [s, e) starts a block that is not text: the
 * WebVTT header, NOTE, STYLE, REGION. */
static int
meta_block(const uint8_t *in, size_t s, size_t e)
{
	static const char *const words[] = {
		"WEBVTT", "NOTE", "STYLE", "REGION", NULL
	};
	size_t n;
	int i;

	for (i = 0; words[i] != NULL; i++) {
		n = strlen(words[i]);
		if (e - s >= n && memcmp(in + s, words[i], n) == 0 &&
		    (e - s == n || lex_hspace(in[s + n])))
			return 1;
	}
	return 0;
}

/* True when the line after the one ending at le is a timing line. */
static int
timing_next(const uint8_t *in, size_t len, size_t le)
{
	uint32_t a, b;
	size_t p = le + 1;

	if (le >= len)
		return 0;
	return timing(in, p, cues_line_end(in, len, p), &a, &b, NULL);
}

/* True when [s, e) is a cue number: digits only. */
static int
digits(const uint8_t *in, size_t s, size_t e)
{
	size_t p;

	while (e > s && lex_hspace(in[e - 1]))
		e--;
	for (p = s; p < e; p++)
		if (in[p] < '0' || in[p] > '9')
			return 0;
	return e > s;
}

/* When a timing line starts at s, sets its times and *le to its end and
 * returns 1. */
static int
timing_line(const uint8_t *in, size_t len, size_t s, uint32_t *a,
    uint32_t *b, size_t *le)
{
	size_t p = s;

	while (p < len && lex_hspace(in[p]))
		p++;
	if (p >= len || in[p] < '0' || in[p] > '9' ||
	    !cuetext_time(in, &p, len, a))
		return 0;
	while (p < len && lex_hspace(in[p]))
		p++;
	if (len - p < 3 || memcmp(in + p, "-->", 3) != 0)
		return 0;
	p += 3;
	while (p < len && lex_hspace(in[p]))
		p++;
	if (!cuetext_time(in, &p, len, b))
		return 0;
	if (p < len && in[p] != '\n' && !lex_hspace(in[p]))
		return 0;
	*le = cues_line_end(in, len, p);
	return 1;
}

/* Where the line after the one ending at le starts. */
static size_t
next_line(size_t len, size_t le)
{
	return le < len ? le + 1 : len;
}

int
cues_next(const uint8_t *in, size_t len, size_t pos, int vtt,
    struct cues_cue *c)
{
	size_t le, p, q;

	for (;;) {
		/* The next line that is not blank. */
		while (pos < len && (in[pos] == '\n' || lex_hspace(in[pos]))) {
			le = cues_line_end(in, len, pos);
			if (!blank(in, pos, le))
				break;
			pos = next_line(len, le);
		}
		if (pos >= len)
			return 0;
		/* A cue number (or another identifier), then the timing. */
		for (q = pos; q < len && in[q] >= '0' && in[q] <= '9'; q++)
			;
		if (q > pos && q < len && in[q] == '\r')
			q++;
		if (q > pos && q < len && in[q] == '\n') {
			le = q;
		} else if (timing_line(in, len, pos, &c->start, &c->end,
		    &le)) {
			c->ts = next_line(len, le);
			break;
		} else {
			le = cues_line_end(in, len, pos);
		}
		if (vtt && (in[pos] == 'W' || in[pos] == 'N' ||
		    in[pos] == 'S' || in[pos] == 'R') &&
		    meta_block(in, pos, le)) {
			/* Up to a blank line (or a cue, without one). */
			for (p = next_line(len, le); p < len; p = le + 1) {
				le = cues_line_end(in, len, p);
				if (blank(in, p, le) || timing(in, p, le,
				    &c->start, &c->end, NULL))
					break;
				if (le >= len) {
					p = len;
					break;
				}
			}
			pos = p;
			continue;
		}
		if (timing_line(in, len, next_line(len, le), &c->start,
		    &c->end, &q)) {
			c->ts = next_line(len, q);
			break;
		}
		/* Text without a timing (a blank line inside a cue). */
		c->start = c->end = DOC_NO_TIME;
		c->ts = pos;
		break;
	}
	/* Its text: up to an empty line, a timing line, or a number before
	 * a timing line. */
	c->next = 0;
	c->plain = 1;
	for (p = c->ts; p < len; p = le + 1) {
		uint32_t a, b;
		int plain = c->plain;

		le = cuetext_line_end(in, len, p, &plain);
		if (empty(in, p, le)) {
			c->next = next_line(len, le);
			break;
		}
		if (in[p] >= '0' && in[p] <= '9' && (timing_line(in, len, p,
		    &a, &b, &q) || (digits(in, p, le) && timing_next(in, len,
		    le))))
			break;
		c->plain = plain;
		if (le >= len) {
			p = len;
			break;
		}
	}
	c->te = p;
	if (c->next == 0)
		c->next = p;
	return 1;
}

int
cues_sniff(const uint8_t *p, size_t n, const char *ext, int vtt)
{
	size_t pos = 0, le, lines = 0, timings = 0, first = 0;
	int sep = 0, s, score;
	uint32_t a, b;

	if (n >= 6 && memcmp(p, "WEBVTT", 6) == 0 && (n == 6 ||
	    lex_hspace(p[6]) || p[6] == '\n'))
		return vtt ? 100 : 0;
	while (pos < n && lines < SNIFF_LINES) {
		le = cues_line_end(p, n, pos);
		if (!blank(p, pos, le)) {
			lines++;
			if (timing(p, pos, le, &a, &b, &s)) {
				if (timings++ == 0) {
					sep = s;
					first = lines;
				}
			}
		}
		if (le >= n)
			break;
		pos = le + 1;
	}
	/* The first cue at the top (after its number), or cues all along. */
	if (timings > 0 && first <= 2)
		score = 80;
	else if (timings >= 3 && timings * 8 >= lines)
		score = 60;
	else
		return 0;
	if ((sep == '.') == (vtt != 0))
		score += 10;
	if (vtt ? strcmp(ext, "vtt") == 0 ||
	    strcmp(ext, "webvtt") == 0 : strcmp(ext, "srt") == 0)
		score += 9;
	return score;
}
