/*
 * cuetext.c: the text of a caption cue made readable. WebVTT and SubRip
 * share it: WebVTT's tags (<c.colorE5E5E5>, <v Name>, <00:00:01.000>,
 * <ruby>/<rt>, <lang>) and entities, SubRip's <i>, <b>, <u>, <font> and
 * {\an8} overrides. The text is read a run of words at a time (sixteen
 * bytes at a time where the compiler offers SSE2), as captions are
 * mostly words.
 */
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <unistr.h>

#include "lectern/cuetext.h"
#include "lectern/lexicon.h"
#include "lectern/util.h"

#define MAX_TAG		512	/* bytes of a tag, between < and > */
#define MAX_ENTITY	12	/* bytes of an entity, between & and ; */
#define MAX_OVERRIDE	200	/* bytes of a {\...} override */

void
cuetext_reset(struct cuetext *ct)
{
	buf_reset(&ct->text);
	buf_reset(&ct->names);
	ct->nvoices = 0;
	ct->nmarks = 0;
	ct->nlines = 0;
}

void
cuetext_free(struct cuetext *ct)
{
	buf_free(&ct->text);
	buf_free(&ct->names);
	free(ct->voices);
	free(ct->marks);
	free(ct->lines);
	memset(ct, 0, sizeof *ct);
}

/* Reads "hh:mm:ss.mmm" (or ",mmm"), one to six digits for the hours, as
 * most caption files write every time, at s[0] (n bytes there). Returns
 * its length, or 0. */
static size_t
time_fixed(const uint8_t *s, size_t n, uint32_t *ms)
{
	uint64_t h = 0, v;
	unsigned m1, m2, s1, s2, f1, f2, f3;
	size_t k;

	for (k = 0; k < n && k < 6 && (unsigned)(s[k] - '0') <= 9; k++)
		h = h * 10 + (unsigned)(s[k] - '0');
	if (k == 0 || n - k < 10 || s[k] != ':' || s[k + 3] != ':' ||
	    (s[k + 6] != '.' && s[k + 6] != ',') ||
	    (n - k > 10 && (unsigned)(s[k + 10] - '0') <= 9))
		return 0;
	s += k;
	m1 = (unsigned)(s[1] - '0');
	m2 = (unsigned)(s[2] - '0');
	s1 = (unsigned)(s[4] - '0');
	s2 = (unsigned)(s[5] - '0');
	f1 = (unsigned)(s[7] - '0');
	f2 = (unsigned)(s[8] - '0');
	f3 = (unsigned)(s[9] - '0');
	if ((m1 > 5) | (m2 > 9) | (s1 > 5) | (s2 > 9) | (f1 > 9) | (f2 > 9) |
	    (f3 > 9))
		return 0;
	v = ((h * 60 + m1 * 10 + m2) * 60 + s1 * 10 + s2) * 1000 +
	    f1 * 100 + f2 * 10 + f3;
	*ms = v >= UINT32_MAX ? UINT32_MAX - 1 : (uint32_t)v;
	return k + 10;
}

int
cuetext_time(const uint8_t *s, size_t *i, size_t e, uint32_t *ms)
{
	uint64_t v[3] = { 0, 0, 0 }, frac = 0;
	size_t p = *i, d;
	int groups = 0, fd = 0;

	if (p < e && (d = time_fixed(s + p, e - p, ms)) > 0) {
		*i = p + d;
		return 1;
	}
	while (groups < 3) {
		for (d = 0; p < e && s[p] >= '0' && s[p] <= '9'; p++, d++)
			if (d < 6)
				v[groups] = v[groups] * 10 + (s[p] - '0');
		if (d == 0 || (groups > 0 && (d > 2 || v[groups] > 59)) ||
		    d > 6)
			return 0;
		groups++;
		if (groups < 3 && p + 1 < e && s[p] == ':' && s[p + 1] >= '0' &&
		    s[p + 1] <= '9')
			p++;
		else
			break;
	}
	if (groups < 2)
		return 0;
	if (p + 1 < e && (s[p] == '.' || s[p] == ',') && s[p + 1] >= '0' &&
	    s[p + 1] <= '9') {
		for (p++; p < e && s[p] >= '0' && s[p] <= '9'; p++, fd++)
			if (fd < 3)
				frac = frac * 10 + (s[p] - '0');
		for (; fd < 3; fd++)
			frac *= 10;
	}
	if (groups == 2)
		v[2] = v[1], v[1] = v[0], v[0] = 0;
	v[0] = ((v[0] * 60 + v[1]) * 60 + v[2]) * 1000 + frac;
	*ms = v[0] >= UINT32_MAX ? UINT32_MAX - 1 : (uint32_t)v[0];
	*i = p;
	return 1;
}

/* Notes a voice span starting at the end of the text: its name is the
 * n bytes at s, white space folded, NUL bytes made U+FFFD. */
static void
add_voice(struct cuetext *ct, const uint8_t *s, size_t n)
{
	struct cuetext_voice *v;
	size_t i, start = ct->names.len;
	int space = 0;

	for (i = 0; i < n && ct->names.len - start < CUETEXT_MAX_NAME; i++) {
		if (lex_hspace(s[i]) || s[i] == '\n') {
			space = 1;
			continue;
		}
		if (space && ct->names.len > start)
			buf_addc(&ct->names, ' ');
		space = 0;
		if (s[i] == '\0')
			buf_adds(&ct->names, "\xEF\xBF\xBD");
		else
			buf_addc(&ct->names, (char)s[i]);
	}
	/* Not past the limit in the middle of a character. */
	while (ct->names.len > start && ct->names.len - start >
	    CUETEXT_MAX_NAME)
		ct->names.len--;
	while (ct->names.len > start && i < n &&
	    ((uint8_t)ct->names.data[ct->names.len - 1] & 0xC0) == 0x80)
		ct->names.len--;
	if (ct->names.len > start && i < n &&
	    (uint8_t)ct->names.data[ct->names.len - 1] >= 0xC0)
		ct->names.len--;
	if (ct->names.len == start)
		return;
	UTIL_GROW(ct->voices, ct->capvoices, ct->nvoices + 1);
	v = &ct->voices[ct->nvoices++];
	v->at = ct->text.len;
	v->name = start;
	v->nlen = ct->names.len - start;
}

/* True when the tag's content [s, e) names element el: "rt" in "rt",
 * "rt.x" or "rt lang". */
static int
tag_is(const uint8_t *s, size_t e, size_t p, const char *el)
{
	size_t n = strlen(el);

	return e - p >= n && memcmp(s + p, el, n) == 0 && (e - p == n ||
	    s[p + n] == '.' || s[p + n] == ' ' || s[p + n] == '\t');
}

/* Reads the tag at s[i] == '<'. Returns where the text goes on after it
 * (past an <rt> annotation), or i when it is not a tag. */
static size_t
read_tag(struct cuetext *ct, const uint8_t *s, size_t i, size_t n)
{
	size_t j = i + 1, k, p, q;
	uint32_t ms;

	if (j < n && s[j] == '/')
		j++;
	if (j >= n || (!((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z') &&
	    !(s[j] >= '0' && s[j] <= '9')))
		return i;
	for (k = j; k < n && k - i < MAX_TAG && s[k] != '>' && s[k] != '<' &&
	    s[k] != '\n'; k++)
		;
	if (k >= n || s[k] != '>')
		return i;
	if (j > i + 1)
		return k + 1;		/* a closing tag */
	if (s[j] >= '0' && s[j] <= '9') {
		p = j;
		if (!cuetext_time(s, &p, k, &ms) || p != k)
			return i;	/* "<3 >" is text */
		UTIL_GROW(ct->marks, ct->capmarks, ct->nmarks + 1);
		ct->marks[ct->nmarks].at = ct->text.len;
		ct->marks[ct->nmarks++].time = ms;
		return k + 1;
	}
	if (tag_is(s, k, j, "v")) {
		/* <v Name>, <v.loud Name>: the name after the classes */
		for (p = j + 1; p < k && s[p] != ' ' && s[p] != '\t'; p++)
			;
		while (p < k && lex_hspace(s[p]))
			p++;
		q = k;
		while (q > p && lex_hspace(s[q - 1]))
			q--;
		if (q > p)
			add_voice(ct, s + p, q - p);
		return k + 1;
	}
	if (tag_is(s, k, j, "rt") || tag_is(s, k, j, "rp")) {
		/* A ruby annotation (a reading) is not read twice. */
		for (p = k + 1; p < n && s[p] != '\n'; p++)
			if (p + 2 < n && s[p] == '<' && s[p + 1] == '/' &&
			    s[p + 2] == 'r')
				break;
		return p;
	}
	return k + 1;
}

/* The named entities, and what they stand for. */
static const struct {
	const char	*name;
	const char	*text;
} entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
	{ "apos", "'" }, { "nbsp", " " }, { "lrm", "" }, { "rlm", "" },
	{ "hellip", "\xE2\x80\xA6" }, { "mdash", "\xE2\x80\x94" },
	{ "ndash", "\xE2\x80\x93" }, { "rsquo", "\xE2\x80\x99" },
	{ "lsquo", "\xE2\x80\x98" }, { "ldquo", "\xE2\x80\x9C" },
	{ "rdquo", "\xE2\x80\x9D" }, { "eacute", "\xC3\xA9" },
	{ NULL, NULL }
};

/* Decodes the entity at s[i] == '&' into out (at most 4 bytes). Returns
 * the bytes it takes (0 when it is not one) and sets *nout. */
static size_t
read_entity(const uint8_t *s, size_t i, size_t n, uint8_t *out, int *nout)
{
	size_t k, p;
	uint32_t v = 0;
	int i2;

	for (k = i + 1; k < n && k - i <= MAX_ENTITY && s[k] != ';' &&
	    s[k] != '&' && s[k] != '\n' && !lex_hspace(s[k]); k++)
		;
	if (k >= n || s[k] != ';' || k == i + 1)
		return 0;
	if (s[i + 1] == '#') {
		int hex = k > i + 2 && (s[i + 2] | 0x20) == 'x';

		p = i + 2 + (size_t)hex;
		if (p == k)
			return 0;
		for (; p < k; p++) {
			int dv;

			if (s[p] >= '0' && s[p] <= '9')
				dv = s[p] - '0';
			else if (hex && (s[p] | 0x20) >= 'a' &&
			    (s[p] | 0x20) <= 'f')
				dv = (s[p] | 0x20) - 'a' + 10;
			else
				return 0;
			if (v < 0x110000)
				v = v * (hex ? 16 : 10) + (uint32_t)dv;
		}
		if (v == 0x200E || v == 0x200F) {
			*nout = 0;
		} else if (v == 0xA0 || v == ' ' || v == '\t') {
			out[0] = ' ';
			*nout = 1;
		} else {
			if (v == 0 || v >= 0x110000 || (v >= 0xD800 &&
			    v <= 0xDFFF))
				v = 0xFFFD;
			*nout = u8_uctomb(out, v, 4);
			if (*nout <= 0)
				return 0;
		}
		return k + 1 - i;
	}
	for (i2 = 0; entities[i2].name != NULL; i2++)
		if (strlen(entities[i2].name) == k - i - 1 &&
		    memcmp(entities[i2].name, s + i + 1, k - i - 1) == 0) {
			*nout = (int)strlen(entities[i2].text);
			memcpy(out, entities[i2].text, (size_t)*nout);
			return k + 1 - i;
		}
	return 0;
}

/* What a byte of a cue's text is to cuetext_add_lines: text (a space
 * too), other white space, what write_cue must look at, markup. */
enum {
	B_TEXT, B_SP, B_SPACE, B_LOOK, B_NOTE, B_COLON, B_TAG, B_ENTITY,
	B_BRACE, B_NEWLINE
};

static const uint8_t bclass[256] = {
	[' '] = B_SP, ['\t'] = B_SPACE, ['\r'] = B_SPACE, ['\v'] = B_SPACE,
	['\f'] = B_SPACE,
	['>'] = B_LOOK, ['['] = B_LOOK, ['('] = B_LOOK, [0xE2] = B_NOTE,
	[':'] = B_COLON, ['<'] = B_TAG, ['&'] = B_ENTITY, ['{'] = B_BRACE,
	['\n'] = B_NEWLINE
};

/* The end of the run of text and single spaces that starts at i in the
 * n bytes at s (the first byte cuetext_add_lines must look at, or n);
 * sets *dirty when two spaces meet in it (prev: the byte before it). */
static size_t
run_end(const uint8_t *s, size_t i, size_t n, uint8_t prev, int *dirty)
{
	size_t j = i;
	int d = 0;
#ifdef __SSE2__
	const __m128i sp = _mm_set1_epi8(' '), lo = _mm_set1_epi8(0x1F);
	int last = prev == ' ';

	/* Sixteen bytes at a time: a control, markup or what write_cue
	 * looks at may end the run (the bytes after say). */
	while (n - j >= 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(s + j)), m;
		unsigned stop, spaces;

		m = _mm_cmpeq_epi8(_mm_min_epu8(x, lo), x);
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('<')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('&')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('{')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('>')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('[')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('(')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8(':')));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x,
		    _mm_set1_epi8((char)0xE2)));
		stop = (unsigned)_mm_movemask_epi8(m);
		spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, sp));
		if (stop != 0)
			spaces &= (1u << __builtin_ctz(stop)) - 1;
		if ((spaces & ((spaces << 1) | (unsigned)last)) != 0)
			d = 1;
		if (stop != 0) {
			j += (size_t)__builtin_ctz(stop);
			prev = j > i ? s[j - 1] : prev;
			break;
		}
		last = (int)(spaces >> 15) & 1;
		prev = s[j + 15];
		j += 16;
	}
#endif
	for (; j < n && bclass[s[j]] <= B_SP; j++) {
		d |= (s[j] == ' ') & (prev == ' ');
		prev = s[j];
	}
	*dirty |= d;
	return j;
}

/* Folds the white space of the line [line, len) of ct's text to single
 * spaces and trims it, moving the voices and marks from v and m on with
 * their text. Returns its new end. */
static size_t
fold_line(struct cuetext *ct, size_t line, size_t len, size_t v, size_t m)
{
	uint8_t *o = (uint8_t *)ct->text.data;
	size_t r, w = line;
	int space = 0;

	for (r = line; r <= len; r++) {
		while (v < ct->nvoices && ct->voices[v].at == r)
			ct->voices[v++].at = w;
		while (m < ct->nmarks && ct->marks[m].at == r)
			ct->marks[m++].at = w;
		if (r == len)
			break;
		if (o[r] == ' ') {
			space = 1;
			continue;
		}
		if (space && w > line)
			o[w++] = ' ';
		space = 0;
		o[w++] = o[r];
	}
	return w;
}

/* Ends the line of ct that started at line, at *len: its white space
 * folded where it may need to be (dirty), then a newline. */
static void
end_line(struct cuetext *ct, size_t line, size_t *len, int look, int colon,
    int dirty, size_t v, size_t m)
{
	const uint8_t *o = (const uint8_t *)ct->text.data;
	size_t e = *len;

	if (e > line && (dirty || o[line] == ' ' || o[e - 1] == ' '))
		e = fold_line(ct, line, e, v, m);
	UTIL_GROW(ct->lines, ct->caplines, ct->nlines + 1);
	ct->lines[ct->nlines].s = line;
	ct->lines[ct->nlines].e = e;
	ct->lines[ct->nlines].look = look;
	ct->lines[ct->nlines++].colon = colon;
	ct->text.data[e++] = '\n';
	*len = e;
}

void
cuetext_add_lines(struct cuetext *ct, const uint8_t *s, size_t n)
{
	struct buf *b = &ct->text;
	size_t i = 0, j, line = b->len, len = b->len, k;
	size_t v = ct->nvoices, m = ct->nmarks;
	uint8_t ent[4], *o;
	int look = 0, colon = 0, dirty = 0, ne;

	/* The text never grows: a tag or an entity is longer than what it
	 * leaves, a space stands for one or more, a newline for one. */
	UTIL_GROW(b->data, b->cap, b->len + n + 2);
	o = (uint8_t *)b->data;
	while (i < n) {
		uint8_t c = s[i];

		switch (bclass[c]) {
		case B_TEXT:
		case B_SP:
			/* Words and single spaces: no folding unless two
			 * spaces meet. */
			j = run_end(s, i, n, len > line ? o[len - 1] : ' ',
			    &dirty);
			memcpy(o + len, s + i, j - i);
			len += j - i;
			i = j;
			continue;
		case B_SPACE:
			o[len++] = ' ';
			dirty = 1;
			i++;
			continue;
		case B_NOTE:
			if (i + 2 < n && s[i + 1] == 0x99 &&
			    (s[i + 2] == 0xAA || s[i + 2] == 0xAB))
				look = 1;
			break;
		case B_LOOK:
			look = 1;
			break;
		case B_COLON:
			colon = 1;
			break;
		case B_NEWLINE:
			end_line(ct, line, &len, look, colon, dirty, v, m);
			line = len;
			look = colon = dirty = 0;
			v = ct->nvoices;
			m = ct->nmarks;
			i++;
			continue;
		case B_TAG:
			/* Voices and times note where they stand. */
			b->len = len;
			if ((j = read_tag(ct, s, i, n)) > i) {
				i = j;
				dirty = 1;
				continue;
			}
			break;
		case B_ENTITY:
			if ((j = read_entity(s, i, n, ent, &ne)) == 0)
				break;
			i += j;
			dirty = 1;
			if (ne == 1 && (ent[0] == '>' || ent[0] == '[' ||
			    ent[0] == '('))
				look = 1;
			if (ne == 1 && ent[0] == ':')
				colon = 1;
			memcpy(o + len, ent, (size_t)ne);
			len += (size_t)ne;
			continue;
		case B_BRACE:
			if (i + 1 < n && s[i + 1] == '\\') {
				for (k = i + 2; k < n && k - i < MAX_OVERRIDE &&
				    s[k] != '}' && s[k] != '{' && s[k] != '\n';
				    k++)
					;
				if (k < n && s[k] == '}') {
					i = k + 1;
					dirty = 1;
					continue;
				}
			}
			break;
		}
		o[len++] = c;
		i++;
	}
	if (n > 0 && s[n - 1] != '\n')
		end_line(ct, line, &len, look, colon, dirty, v, m);
	o[len] = '\0';
	b->len = len;
}

size_t
cuetext_line_end(const uint8_t *s, size_t n, size_t i, int *plain)
{
	size_t j, line = i;
	int dirty = 0;
	const uint8_t *nl;

	if (*plain && i < n && s[i] != ' ' && s[i] != '-' && s[i] != 0xE2) {
		/* A curly quote or a dash (0xE2 ...) is text; a note is
		 * not. */
		while ((j = run_end(s, i, n, i > line ? s[i - 1] : ' ',
		    &dirty)) + 2 < n && s[j] == 0xE2 && !(s[j + 1] == 0x99 &&
		    (s[j + 2] == 0xAA || s[j + 2] == 0xAB)))
			i = j + 1;
		if (!dirty && j > line && s[j - 1] != ' ' && (j == n ||
		    s[j] == '\n'))
			return j;
		i = j;
	}
	*plain = 0;
	nl = memchr(s + i, '\n', n - i);
	return nl == NULL ? n : (size_t)(nl - s);
}

int
cuetext_is_plain(const uint8_t *s, size_t n)
{
	size_t i = 0;
	int plain = 1;

	while (i < n && plain)
		i = cuetext_line_end(s, n, i, &plain) + 1;
	return plain;
}
