/* html_label.c: speaker labels at the start of a web page's paragraphs,
 * read by speech_read (speech.h) as every reader of text does, with the
 * page's policy on top (words that end in a colon without naming anyone);
 * time stamps in the text, and times given by attributes and links. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lectern/doc.h"
#include "lectern/html.h"
#include "lectern/lexicon.h"
#include "lectern/speech.h"
#include "lectern/text.h"


/* Words that end in a colon without naming anyone. */
static const char *const not_names[] = {
	"note", "notes", "update", "updated", "edit", "editor's", "editors",
	"correction", "source", "sources", "photo", "photos", "image",
	"credit", "credits", "caption", "warning", "disclaimer",
	"transcript", "summary", "tags", "tag", "category", "categories",
	"posted", "published", "date", "time", "location", "price",
	"example", "tip", "important", "related", "read", "listen", "watch",
	"subscribe", "follow", "advertisement", "episode", "chapter",
	"part", "step", "figure", "table", "also", "plus", "bonus", "links",
	"resources", "topics", "contents", "share", "email", "phone",
	"address", "website", "web", "twitter", "download", "audio",
	"video", "music", "references", "further", "see", "via",
	"anmerkung", "hinweis", "quelle", "foto", "bild", "mehr", "lesen",
	NULL
};

/* True when the word [s, e) is one that never names a speaker. */
static int
not_name(const uint8_t *src, size_t s, size_t e)
{
	size_t i;

	for (i = 0; not_names[i] != NULL; i++)
		if ((src[s] | 0x20) == not_names[i][0] &&
		    strlen(not_names[i]) == e - s &&
		    strncasecmp(not_names[i], (const char *)src + s, e - s) == 0)
			return 1;
	return 0;
}

/* Skips spaces (and a no-break space) from p. */
static size_t
skip_space(const uint8_t *src, size_t p, size_t e)
{
	for (;;) {
		if (p < e && (src[p] == ' ' || src[p] == '\t' ||
		    src[p] == '\n'))
			p++;
		else if (p + 1 < e && src[p] == 0xC2 && src[p + 1] == 0xA0)
			p += 2;
		else
			return p;
	}
}

uint32_t
html_time_value(const char *s, size_t n)
{
	char buf[32];
	size_t i;
	int dot = 0;
	uint32_t ms;

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= sizeof buf)
		return DOC_NO_TIME;
	memcpy(buf, s, n);
	buf[n] = '\0';
	for (i = 0; i < n && ((buf[i] >= '0' && buf[i] <= '9') ||
	    (buf[i] == '.' && !dot++)); i++)
		;
	if (i == n && buf[0] != '.') {
		/* Seconds, perhaps with a fraction. */
		double sec = strtod(buf, NULL);

		if (sec < 0 || sec > 359999)
			return DOC_NO_TIME;
		return (uint32_t)(sec * 1000 + 0.5);
	}
	if (n > 1 && buf[n - 1] == 's' && buf[n - 2] >= '0' &&
	    buf[n - 2] <= '9' && strpbrk(buf, "hm") == NULL)
		buf[n - 1] = '\0';
	if (doc_parse_time(buf, &ms) != 0)
		return DOC_NO_TIME;
	return ms;
}

size_t
html_stamp_at(const uint8_t *src, size_t p, size_t e, int bare,
    uint32_t *ms)
{
	char buf[24];
	size_t q = p, s, k;
	uint8_t close = 0;
	int colons = 0;

	if (q < e && (src[q] == '[' || src[q] == '(')) {
		close = src[q] == '[' ? ']' : ')';
		q++;
	} else if (!bare) {
		return p;
	}
	s = q;
	while (q < e && q - s < sizeof buf - 1 && ((src[q] >= '0' &&
	    src[q] <= '9') || src[q] == ':' || src[q] == '.' ||
	    src[q] == ',')) {
		if (src[q] == ':')
			colons++;
		q++;
	}
	if (colons == 0 || q == s || src[s] == ':' || src[q - 1] == ':')
		return p;
	if (close != 0) {
		if (q >= e || src[q] != close)
			return p;
	} else if (q < e && src[q] != ' ' && src[q] != '\t') {
		return p;
	}
	for (k = 0; k < q - s; k++)
		buf[k] = src[s + k] == ',' ? '.' : (char)src[s + k];
	buf[k] = '\0';
	if (doc_parse_time(buf, ms) != 0)
		return p;
	return close != 0 ? q + 1 : q;
}

/* True when [s, e) has no lower-case letter. */
static int
all_caps(const uint8_t *src, size_t s, size_t e)
{
	int len;

	while (s < e) {
		uint32_t uc = lex_char_at(src + s, e - s, &len);

		if (text_is_letter(uc) && !text_is_upper(uc))
			return 0;
		s += (size_t)len;
	}
	return 1;
}

/* True when [s, e) reads as a name: one to five capitalised words, none
 * of them a word that is never a name. */
int
html_name_ok(const uint8_t *src, size_t s, size_t e, int *words)
{
	size_t ws, i;

	if (!lex_namelike(src, s, e, words))
		return 0;
	for (i = s; i < e;) {
		while (i < e && src[i] == ' ')
			i++;
		ws = i;
		while (i < e && src[i] != ' ')
			i++;
		if (i > ws && not_name(src, ws, i))
			return 0;
	}
	return 1;
}

enum html_label_kind
html_label_read(const uint8_t *src, size_t s, size_t e, unsigned flags,
    struct html_label *hl)
{
	struct speech sp;
	unsigned sf = SPEECH_RUNON | (flags & HL_BOLD ? SPEECH_BOLD : 0);

	memset(hl, 0, sizeof *hl);
	hl->time = DOC_NO_TIME;
	hl->flags = flags;
	/* The shapes are speech_read's; which names count is the page's. */
	switch (speech_read(src, skip_space(src, s, e), e, sf, &sp)) {
	case SPEECH_MORE:
		hl->time = sp.time;
		hl->ts = sp.ts;
		hl->te = e;
		return hl->kind = HL_MORE;
	case SPEECH_TURN:
	case SPEECH_LABEL:
		break;
	default:
		return HL_NONE;
	}
	if (sp.flags & SPEECH_ID)
		hl->words = sp.words;
	else if (!html_name_ok(src, sp.ns, sp.ne, &hl->words))
		return HL_NONE;
	hl->ns = sp.ns;
	hl->ne = sp.ne;
	hl->ts = sp.ts;
	hl->te = sp.te;
	hl->time = sp.time;
	if (all_caps(src, sp.ns, sp.ne))
		hl->flags |= HL_CAPS;
	return hl->kind = sp.ts < sp.te ? HL_TURN : HL_LABEL;
}
