/*
 * lexicon.c: what the words of a transcript's lines look like: names,
 * lists of names, credit roles, timestamps, headings. Pure functions of
 * bytes, for the parser.
 */
#include <string.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

#include "lectern/lexicon.h"
#include "lectern/text.h"

#define MAX_NAME_BYTES	LEX_MAX_NAME_BYTES
#define MAX_NAME_WORDS	5
#define HEAD_MAX_COLS	90
#define HEAD_MAX_WORDS	14
#define HEAD_LOOSE_COLS	150
#define HEAD_LOOSE_WORDS 24

/* Trims white space (and a no-break space) from both ends of [*s, *e). */
void
lex_trim(const uint8_t *src, size_t *s, size_t *e)
{
	while (*s < *e && lex_hspace(src[*s]))
		(*s)++;
	while (*e > *s) {
		if (lex_hspace(src[*e - 1]))
			(*e)--;
		else if (*e - *s >= 2 && src[*e - 2] == 0xC2 &&
		    src[*e - 1] == 0xA0)
			*e -= 2;
		else
			break;
	}
}

/* The code point at p; its length in *len. */
uint32_t
lex_char_at(const uint8_t *p, size_t n, int *len)
{
	ucs4_t uc;
	int l;

	l = u8_mbtouc(&uc, p, n);
	*len = l <= 0 ? 1 : l;
	return uc;
}

/* The last code point of the n bytes at p. */
uint32_t
lex_last_char(const uint8_t *p, size_t n)
{
	ucs4_t uc = 0;
	const uint8_t *q;

	if (n == 0)
		return 0;
	q = u8_prev(&uc, p + n, p);
	return q == NULL ? p[n - 1] : uc;
}

/* True when the n bytes at w, ignoring case, are one of the words (in
 * lower case). */
static int
word_in(const uint8_t *w, size_t n, const char *const *words)
{
	int i;
	uint8_t c;

	if (n == 0)
		return 0;
	c = w[0] >= 'A' && w[0] <= 'Z' ? (uint8_t)(w[0] | 0x20) : w[0];
	/* The lists are short and lower case: the first byte and the
	 * length rule most out before any comparison. */
	for (i = 0; words[i] != NULL; i++) {
		const char *p = words[i];
		size_t j;

		if ((uint8_t)p[0] != c)
			continue;
		for (j = 1; j < n && p[j] != '\0'; j++)
			if ((uint8_t)p[j] != (w[j] >= 'A' && w[j] <= 'Z' ?
			    (uint8_t)(w[j] | 0x20) : w[j]))
				break;
		if (j == n && p[j] == '\0')
			return 1;
	}
	return 0;
}

/* True for a lower-case particle of a name: de, van, bin. */
static int
is_particle(const uint8_t *w, size_t n)
{
	static const char *const particles[] = {
		"de", "van", "von", "der", "den", "da", "di", "du", "la",
		"le", "bin", "al", "el", "y", "dos", "das", "del", "ter",
		"ten", "zu", NULL
	};

	return n <= 3 && w[0] >= 'a' && w[0] <= 'z' && word_in(w, n, particles);
}

/* True for a letter that can start a name: a capital, or a letter of a
 * script without case. */
int
lex_capital(uint32_t uc)
{
	return text_is_upper(uc) || (uc_is_alpha(uc) && !uc_is_lower(uc));
}

/* True for words that start titles and phrases but never a name. */
static int
is_stopword(const uint8_t *w, size_t n)
{
	static const char *const stop[] = {
		"the", "an", "of", "and", "or", "on", "in", "at", "for",
		"to", "with", "by", "from", "why", "how", "what", "when",
		"where", "who", "is", "are", "was", "this", "that", "my",
		"our", "your", "his", "her", "their", "it", "we",
		"episode", "part", "chapter", "note", "notes", "update",
		"edit", "summary", "transcript", "introduction", "conclusion",
		"highlights", "source", "see", "also", "warning", "example",
		"question", "answer", "link", "links",
		/* parts of a show and fields of a page, never speakers */
		"break", "intro", "outro", "music", "sponsor", "sponsors",
		"advertisement", "interlude", "applause", "laughter",
		"crosstalk", "inaudible", "date", "podcast", "video", "tags",
		"title", "duration", "published", NULL
	};

	return n <= 13 && word_in(w, n, stop);
}

/* True when [s, e) looks like a person's name; sets *words. */
int
lex_namelike(const uint8_t *src, size_t s, size_t e, int *words)
{
	size_t i, ws;
	int n = 0, len, upper = 0;
	uint32_t uc;

	if (e <= s || e - s > MAX_NAME_BYTES)
		return 0;
	for (i = s; i < e;) {
		while (i < e && src[i] == ' ')
			i++;
		if (i >= e)
			break;
		ws = i;
		uc = lex_char_at(src + i, e - i, &len);
		if (lex_capital(uc))
			upper++;
		else if (!uc_is_alpha(uc))
			return 0;
		while (i < e && src[i] != ' ') {
			uc = lex_char_at(src + i, e - i, &len);
			if (!uc_is_alpha(uc) && !uc_is_general_category(uc,
			    UC_CATEGORY_M) && uc != '.' && uc != '-' &&
			    uc != '\'' && uc != 0x2019)
				return 0;
			i += (size_t)len;
		}
		if (!lex_capital(lex_char_at(src + ws, e - ws, &len)) &&
		    !is_particle(src + ws, i - ws))
			return 0;
		if (is_stopword(src + ws, i - ws))
			return 0;
		if (++n > MAX_NAME_WORDS)
			return 0;
	}
	*words = n;
	return n > 0 && upper > 0;
}

/* True when [s, e) is a short list of names: "A B, C D and E F". */
int
lex_names_only(const uint8_t *src, size_t s, size_t e)
{
	size_t i, ps;
	int words, total = 0;

	if (e - s > 160 || e == s || src[e - 1] == '.' || src[e - 1] == '!' ||
	    src[e - 1] == '?')
		return 0;
	for (i = ps = s; i <= e; i++) {
		size_t pe = i, skip = 0;

		if (i == e)
			skip = 0;
		else if (src[i] == ',' || src[i] == '&')
			skip = 1;
		else if (e - i >= 5 && memcmp(src + i, " and ", 5) == 0)
			skip = 5;
		else
			continue;
		lex_trim(src, &ps, &pe);
		if (pe > ps) {
			if (!lex_namelike(src, ps, pe, &words))
				return 0;
			total += words;
		} else if (i == e) {
			return 0;	/* a trailing separator */
		}
		i += skip ? skip - 1 : 0;
		ps = i + 1;
	}
	return total > 0 && total <= 12;
}

/* Reads the digits of a time's fields from [s, e): "m:ss", "mm:ss",
 * "h:mm:ss", "hh:mm:ss" (minutes may run past 59 without hours), with a
 * fraction ".mmm" or ",mm". Returns 1 and sets *ms when it is all one. */
static int
read_time(const uint8_t *src, size_t s, size_t e, uint32_t *ms)
{
	uint32_t f[3] = { 0, 0, 0 }, frac = 0, scale = 100;
	int n = 0, digits = 0, infrac = 0, fdigits = 0;
	size_t i;

	for (i = s; i < e; i++) {
		uint8_t c = src[i];

		if (c >= '0' && c <= '9') {
			if (infrac) {
				if (++fdigits > 9)
					return 0;
				frac += (uint32_t)(c - '0') * scale;
				scale /= 10;
				continue;
			}
			if (++digits > (n == 0 ? 3 : 2))
				return 0;
			f[n] = f[n] * 10 + (uint32_t)(c - '0');
		} else if (c == ':' && !infrac && digits > 0 && n < 2) {
			n++;
			digits = 0;
		} else if ((c == '.' || c == ',') && !infrac && n > 0 &&
		    digits == 2) {
			infrac = 1;
		} else {
			return 0;
		}
	}
	if (n == 0 || digits != 2 || (infrac && fdigits == 0) || f[n] > 59 ||
	    (n == 2 && f[1] > 59))
		return 0;
	*ms = n == 2 ? ((f[0] * 60 + f[1]) * 60 + f[2]) * 1000 + frac :
	    (f[0] * 60 + f[1]) * 1000 + frac;
	return 1;
}

/* True when [s, e) is a timestamp, bare or bracketed; sets *ms. */
int
lex_time(const uint8_t *src, size_t s, size_t e, uint32_t *ms)
{
	if (e > s && (src[s] == '(' || src[s] == '[')) {
		if (e - s < 2 || src[e - 1] != (src[s] == '(' ? ')' : ']'))
			return 0;
		s++;
		e--;
	}
	return read_time(src, s, e, ms);
}

/* Matches a timestamp "m:ss", "mm:ss" or "h:mm:ss" (with optional ,mmm)
 * exactly filling [s, e). */
int
lex_timestamp(const uint8_t *src, size_t s, size_t e)
{
	uint32_t ms;

	return lex_time(src, s, e, &ms);
}

/* The end of a bare timestamp at p, or p. */
size_t
lex_bare_time(const uint8_t *src, size_t p, size_t e, uint32_t *ms,
    int *colons)
{
	size_t q, i;
	int n = 0;

	for (q = p; q < e && q - p < 16 && ((src[q] >= '0' && src[q] <= '9') ||
	    src[q] == ':' || src[q] == '.' || src[q] == ','); q++)
		;
	/* A full stop or comma after the time ends the sentence. */
	while (q > p && (src[q - 1] == '.' || src[q - 1] == ','))
		q--;
	if (q == p || !read_time(src, p, q, ms))
		return p;
	for (i = p; i < q; i++)
		n += src[i] == ':';
	if (colons != NULL)
		*colons = n;
	return q;
}

/* A chapter marker "(hh:mm:ss) - Title": its title and time. */
int
lex_chapter(const uint8_t *src, size_t s, size_t e, size_t *ts,
    uint32_t *ms)
{
	size_t i, dash;

	for (i = s; i < e && src[i] != ' '; i++)
		;
	if (i + 3 >= e || !lex_time(src, s, i, ms))
		return 0;
	/* " - ", " – " or " — " */
	if (src[i + 1] == '-')
		dash = 1;
	else if (e - i > 5 && src[i + 1] == 0xE2 && src[i + 2] == 0x80 &&
	    (src[i + 3] == 0x93 || src[i + 3] == 0x94))
		dash = 3;
	else
		return 0;
	if (i + 1 + dash >= e || src[i + 1 + dash] != ' ')
		return 0;
	*ts = i + 2 + dash;
	while (*ts < e && lex_hspace(src[*ts]))
		(*ts)++;
	return *ts < e;
}

/* Text ending in a bracketed time: where the text ends, the time. */
int
lex_end_stamp(const uint8_t *src, size_t s, size_t e, size_t *te,
    uint32_t *ms)
{
	size_t o;
	uint8_t open;

	if (e - s < 6 || (src[e - 1] != ')' && src[e - 1] != ']'))
		return 0;
	open = src[e - 1] == ')' ? '(' : '[';
	for (o = e - 1; o > s && e - o < 18; o--)
		if (src[o - 1] == open)
			break;
	if (o == s || src[o - 1] != open || !lex_time(src, o - 1, e, ms))
		return 0;
	*te = o - 1;
	while (*te > s && lex_hspace(src[*te - 1]))
		(*te)--;
	return *te > s;
}

/* True when [s, e) could label a credit: a short phrase such as
 * "Producer and editor". */
int
lex_rolelike(const uint8_t *src, size_t s, size_t e)
{
	size_t i;
	int len, words = 1;

	if (e <= s || e - s > MAX_NAME_BYTES ||
	    !text_is_upper(lex_char_at(src + s, e - s, &len)))
		return 0;
	for (i = s; i < e; i++) {
		if (src[i] == ' ')
			words++;
		else if ((src[i] >= '0' && src[i] <= '9') || src[i] == ',' ||
		    src[i] == '.')
			return 0;
	}
	return words <= 6;
}

/* When a timestamp in brackets, "(00:09)" or "[1:02:03]", stands at p,
 * returns the offset after it; otherwise p. */
size_t
lex_skip_stamp(const uint8_t *src, size_t p, size_t e)
{
	uint32_t ms;

	return lex_stamp(src, p, e, &ms);
}

/* The end of a bracketed timestamp at p (its time in *ms), or p. */
size_t
lex_stamp(const uint8_t *src, size_t p, size_t e, uint32_t *ms)
{
	size_t q;

	if (p >= e || (src[p] != '(' && src[p] != '['))
		return p;
	for (q = p + 1; q < e && q - p < 18; q++)
		if (src[q] == ')' || src[q] == ']')
			return lex_time(src, p, q + 1, ms) ? q + 1 : p;
	return p;
}

/* True when a line [s, e) is shaped like a heading: it starts with a
 * capital or a digit, does not end like a sentence, a list or a line cut
 * off, holds one sentence (or two questions), and is at most maxcols
 * columns and maxwords words. With loose set it may end in an ellipsis. */
static int
headlike(const uint8_t *src, size_t s, size_t e, int maxcols, int maxwords,
    int loose)
{
	uint32_t uc, last;
	size_t i;
	int len, words = 1, questions = 0;

	if (e <= s || e - s > (size_t)maxcols * 4)
		return 0;
	uc = lex_char_at(src + s, e - s, &len);
	if (!uc_is_alnum(uc) || uc_is_lower(uc))
		return 0;
	last = lex_last_char(src + s, e - s);
	if (last == '.' || last == ',' || last == ';' || last == ':' ||
	    (last == 0x2026 && !loose) || last == 0x3002 || last == 0xFF0E ||
	    last == 0xFF0C || last == 0xFF1A || last == 0xFF1B)
		return 0;
	/* A line cut off: "after having-" */
	if (last == '-' || last == 0x2013 || last == 0x2014)
		return 0;
	/* A link is not a title: "Transcribed by https://otter.ai" */
	if (memmem(src + s, e - s, "://", 3) != NULL)
		return 0;
	for (i = s; i < e; i++) {
		if (src[i] == ' ' && ++words > maxwords)
			return 0;
		if ((src[i] == '.' || src[i] == '?' || src[i] == '!') &&
		    i + 2 < e && src[i + 1] == ' ') {
			uc = lex_char_at(src + i + 2, e - i - 2, &len);
			if (!uc_is_upper(uc) && !uc_is_digit(uc) && uc != '"' &&
			    uc != 0x201C)
				continue;
			/* Two sentences, unless two questions. */
			if (src[i] != '?' || last != '?' || questions++ > 0)
				return 0;
		}
	}
	return text_width(src + s, e - s) <= (size_t)maxcols;
}

/* True when the plain line [s, e) is shaped like a heading. */
int
lex_headlike(const uint8_t *src, size_t s, size_t e)
{
	return headlike(src, s, e, HEAD_MAX_COLS, HEAD_MAX_WORDS, 0);
}

/* True for a heading the context vouches for. */
int
lex_headlike_loose(const uint8_t *src, size_t s, size_t e)
{
	return headlike(src, s, e, HEAD_LOOSE_COLS, HEAD_LOOSE_WORDS, 1);
}

/* True for a call to action: "Listen on Spotify". */
int
lex_cta(const uint8_t *src, size_t s, size_t e)
{
	static const char *const verbs[] = {
		"listen", "watch", "read", "subscribe", "download", "follow",
		"stream", "view", "play", NULL
	};
	size_t i;
	int words = 1;

	for (i = s; i < e && src[i] != ' '; i++)
		;
	if (!word_in(src + s, i - s, verbs))
		return 0;
	for (; i < e; i++)
		if (src[i] == ' ')
			words++;
	return words <= 6 && lex_last_char(src + s, e - s) != '.';
}

/* True for the name of a part of a page: "Highlights". */
int
lex_section_word(const uint8_t *src, size_t s, size_t e)
{
	static const char *const names[] = {
		"highlights", "summary", "episode summary", "transcript",
		"full transcript", "introduction", "contents",
		"table of contents", "overview", "show notes", "key points",
		"key takeaways", "notes", "episode notes", "abstract",
		"chapters", "timestamps", "resources", "links", "description",
		"key quotes", "excerpts", NULL
	};

	if (e > s && src[e - 1] == ':')
		e--;
	return word_in(src + s, e - s, names);
}

/* True for a heading over a reading list. */
int
lex_listhead(const uint8_t *src, size_t s, size_t e)
{
	static const char *const words[] = {
		"discussed", "mentioned", "resources", "links", "reading",
		"articles", "books", "references", "sources", NULL
	};
	size_t i, w;

	for (i = s; i < e;) {
		while (i < e && !uc_is_alpha(src[i]))
			i++;
		for (w = i; i < e && ((src[i] >= 'a' && src[i] <= 'z') ||
		    (src[i] >= 'A' && src[i] <= 'Z')); i++)
			;
		if (i > w && word_in(src + w, i - w, words))
			return 1;
		if (i == w)
			i++;
	}
	return 0;
}

/* True when [s, e) ends a sentence. */
int
lex_ends_sentence(const uint8_t *src, size_t s, size_t e)
{
	uint32_t uc;
	int len;

	/* Closing quotes and brackets after the stop. */
	while (e > s) {
		uc = lex_last_char(src + s, e - s);
		if (uc != '"' && uc != '\'' && uc != ')' && uc != ']' &&
		    uc != 0x201D && uc != 0x2019 && uc != 0x300D)
			break;
		len = uc < 0x80 ? 1 : uc < 0x800 ? 2 : uc < 0x10000 ? 3 : 4;
		e -= (size_t)len;
	}
	if (e == s)
		return 0;
	uc = lex_last_char(src + s, e - s);
	return uc == '.' || uc == '?' || uc == '!' || uc == 0x2026 ||
	    uc == 0x3002 || uc == 0xFF01 || uc == 0xFF1F;
}
