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

/* True for horizontal white space (and CR). */
int
lex_hspace(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

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

static int
is_particle(const uint8_t *w, size_t n)
{
	static const char *particles[] = {
		"de", "van", "von", "der", "den", "da", "di", "du", "la",
		"le", "bin", "al", "el", "y", "dos", "das", "del", "ter",
		"ten", "zu", NULL
	};
	int i;

	for (i = 0; particles[i] != NULL; i++)
		if (strlen(particles[i]) == n && memcmp(w, particles[i], n) == 0)
			return 1;
	return 0;
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
	static const char *stop[] = {
		"the", "an", "of", "and", "or", "on", "in", "at", "for",
		"to", "with", "by", "from", "why", "how", "what", "when",
		"where", "who", "is", "are", "was", "this", "that", "my",
		"our", "your", "his", "her", "their", "it", "we",
		"episode", "part", "chapter", "note", "notes", "update",
		"edit", "summary", "transcript", "introduction", "conclusion",
		"highlights", "source", "see", "also", "warning", "example",
		"question", "answer", "link", "links", NULL
	};
	int i;

	for (i = 0; stop[i] != NULL; i++)
		if (strlen(stop[i]) == n && strncasecmp((const char *)w,
		    stop[i], n) == 0)
			return 1;
	return 0;
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

/* Matches a timestamp "m:ss", "mm:ss" or "h:mm:ss" (with optional ,mmm)
 * exactly filling [s, e). */
int
lex_timestamp(const uint8_t *src, size_t s, size_t e)
{
	int digits = 0, colons = 0;

	if (e > s && (src[s] == '(' || src[s] == '[')) {
		if (src[e - 1] != ')' && src[e - 1] != ']')
			return 0;
		s++;
		e--;
	}
	for (; s < e; s++) {
		if (src[s] >= '0' && src[s] <= '9')
			digits++;
		else if (src[s] == ':' && digits > 0)
			colons++;
		else if ((src[s] == ',' || src[s] == '.') && colons > 0)
			;
		else
			return 0;
	}
	return colons >= 1 && colons <= 2 && digits >= 3;
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
	size_t q;

	if (p >= e || (src[p] != '(' && src[p] != '['))
		return p;
	for (q = p + 1; q < e && q - p < 16; q++)
		if (src[q] == ')' || src[q] == ']')
			return lex_timestamp(src, p, q + 1) ? q + 1 : p;
	return p;
}

/* True when the plain line [s, e) is shaped like a heading. */
int
lex_headlike(const uint8_t *src, size_t s, size_t e)
{
	uint32_t uc, last;
	size_t i;
	int len, words = 1;

	if (e <= s || e - s > HEAD_MAX_COLS * 4)
		return 0;
	uc = lex_char_at(src + s, e - s, &len);
	if (!uc_is_alnum(uc) || uc_is_lower(uc))
		return 0;
	last = lex_last_char(src + s, e - s);
	if (last == '.' || last == ',' || last == ';' || last == ':' ||
	    last == 0x2026 || last == 0x3002 || last == 0xFF0E ||
	    last == 0xFF0C || last == 0xFF1A || last == 0xFF1B)
		return 0;
	for (i = s; i < e; i++) {
		if (src[i] == ' ' && ++words > HEAD_MAX_WORDS)
			return 0;
		if ((src[i] == '.' || src[i] == '?' || src[i] == '!') &&
		    i + 2 < e && src[i + 1] == ' ') {
			uc = lex_char_at(src + i + 2, e - i - 2, &len);
			if (uc_is_upper(uc) || uc_is_digit(uc) || uc == '"' ||
			    uc == 0x201C)
				return 0;	/* two sentences */
		}
	}
	return text_width(src + s, e - s) <= HEAD_MAX_COLS;
}
