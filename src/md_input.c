/*
 * md_input.c: the Markdown reader's input: whether it is Markdown, its
 * front matter, a sample of its labels and headings, and its paragraphs
 * of plain text.
 *
 * md4c reads everything that has Markdown in it. A paragraph with no
 * character Markdown gives a meaning to (only letters and punctuation
 * that mean nothing, perhaps after a "**Name:**" label) is the same text
 * in CommonMark: such paragraphs, between blank lines, are handed on
 * without md4c, which keeps the reader fast on long transcripts. Where a
 * block could run across blank lines (fenced code, HTML comments and
 * scripts) or a link could be defined elsewhere, md4c reads it all.
 */
#include <string.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/lexicon.h"
#include "lectern/markdown.h"
#include "lectern/speech.h"
#include "lectern/util.h"

#define SAMPLE_SIZE	(256 * 1024)
#define MAX_NAMES	256

/* The end of the line at pos: its newline, or the end of the input. */
static size_t
line_end(const struct doc *d, size_t pos)
{
	const uint8_t *nl = memchr(d->in + pos, '\n', d->inlen - pos);

	return nl == NULL ? d->inlen : (size_t)(nl - d->in);
}

/* Shows the front matter's title, quotes and escapes taken off. */
static void
fm_title(struct md_state *m, size_t ts, size_t te)
{
	struct doc *d = m->doc;
	const uint8_t *in = d->in;
	struct build_piece p;
	uint8_t q = in[ts];
	size_t i;

	p = build_piece(build_len(d), build_len(d));
	m->fmtitle_at = ts;
	m->fmtitle_len = te - ts;
	if ((q == '"' || q == '\'') && te - ts >= 2 && in[te - 1] == q) {
		m->fmtitle_at = ts + 1;
		m->fmtitle_len = te - ts - 2;
		for (i = ts + 1; i < te - 1; i++) {
			if ((q == '\'' && in[i] == '\'') ||
			    (q == '"' && in[i] == '\\'))
				if (i + 2 < te)
					i++;
			build_text(d, in + i, 1);
		}
	} else
		build_text(d, in + ts, te - ts);
	p.tend = p.end = build_len(d);
	if (p.tend > p.tstart) {
		build_block(d, DOC_TITLE, &p);
		d->meta.title.start = p.tstart;
		d->meta.title.end = p.tend;
		m->titled = 1;
	}
	build_texts(d, "\n");
}

/* Reads the front matter; returns where the Markdown after it starts. */
size_t
md_front_matter(struct md_state *m)
{
	struct doc *d = m->doc;
	const uint8_t *in = d->in;
	size_t pos, le, s, e, ts = 0, te = 0;

	if (d->inlen < 4 || memcmp(in, "---", 3) != 0 ||
	    (in[3] != '\n' && in[3] != ' ' && in[3] != '\r'))
		return 0;
	for (pos = line_end(d, 0) + 1; pos < d->inlen; pos = le + 1) {
		le = line_end(d, pos);
		s = pos;
		e = le;
		lex_trim(in, &s, &e);
		if (e - s == 3 && (memcmp(in + s, "---", 3) == 0 ||
		    memcmp(in + s, "...", 3) == 0)) {
			if (te > ts)
				fm_title(m, ts, te);
			return le < d->inlen ? le + 1 : le;
		}
		if (pos == s && e - s > 6 && memcmp(in + s, "title:", 6) == 0) {
			ts = s + 6;
			te = e;
			lex_trim(in, &ts, &te);
		}
	}
	return 0;	/* no end: not front matter */
}

/* Counts the labels of a sample and finds the highest heading level. */
void
md_prescan(struct md_state *m, size_t pos)
{
	struct doc *d = m->doc;
	size_t lim = d->inlen - pos > SAMPLE_SIZE ? pos + SAMPLE_SIZE :
	    d->inlen, s, e, le, i;
	struct speech sp;
	int min = 7, level, first = 1, hashfirst = 0;
	const uint8_t *nl;

	for (; pos < lim; pos = le + 1) {
		nl = memchr(d->in + pos, '\n', d->inlen - pos);
		le = nl == NULL ? d->inlen : (size_t)(nl - d->in);
		s = pos;
		e = le;
		lex_trim(d->in, &s, &e);
		if (e == s)
			continue;
		if (d->in[s] == '#') {
			for (level = 0; s + level < e && d->in[s + level] == '#';
			    level++)
				;
			if (level > 6 || (s + level < e &&
			    d->in[s + level] != ' '))
				;	/* not an ATX heading */
			/* After a first "# Title", "#" lines are the
			 * titles of episodes, not sections. */
			else if (level == 1 && first)
				hashfirst = 1;
			else if (!(hashfirst && level == 1) && level < min)
				min = level;
		} else if (speech_read(d->in, s, e, 0, &sp) == SPEECH_TURN ||
		    sp.kind == SPEECH_LABEL) {
			for (i = 0; i < m->nnames; i++)
				if (m->names[i].len == sp.ne - sp.ns &&
				    memcmp(d->in + m->names[i].start, d->in +
				    sp.ns, sp.ne - sp.ns) == 0)
					break;
			if (i == m->nnames && i < MAX_NAMES) {
				UTIL_GROW(m->names, m->capnames, i + 1);
				m->names[i].start = sp.ns;
				m->names[i].len = sp.ne - sp.ns;
				m->names[i].count = 0;
				m->nnames++;
			}
			if (i < m->nnames)
				m->names[i].count++;
		}
		first = 0;
	}
	if (min < 7)
		m->shift = min - 1;
}

/* True when the line [s, e) starts with a bold label: "**Name:**",
 * "**Name**:", "**Name** (". */
static int
bold_label(const uint8_t *p, size_t s, size_t e)
{
	size_t i;

	if (e - s < 6 || p[s] != '*' || p[s + 1] != '*')
		return 0;
	for (i = s + 2; i + 1 < e && i < s + 60; i++)
		if (p[i] == '*' && p[i + 1] == '*')
			return p[i - 1] == ':' || (i + 2 < e &&
			    (p[i + 2] == ':' || (p[i + 2] == ' ' && i + 3 < e &&
			    (p[i + 3] == '(' || p[i + 3] == '['))));
	return 0;
}

/* True when [s, e) holds the byte a followed by one of the bytes of
 * next. */
static int
pair_in(const uint8_t *p, size_t s, size_t e, int a, const char *next)
{
	const uint8_t *q;

	while (s + 1 < e && (q = memchr(p + s, a, e - s - 1)) != NULL) {
		s = (size_t)(q - p) + 1;
		if (p[s] != '\0' && strchr(next, p[s]) != NULL)
			return 1;
	}
	return 0;
}

/* How likely n bytes are to be Markdown, from what they hold. */
int
md_sniff(const uint8_t *p, size_t n, const char *ext)
{
	size_t pos, le, s, e;
	int atx = 0, bold = 0, links = 0, esc = 0, fence = 0, fm = 0, score;
	const uint8_t *nl;

	for (s = 0; s < n && (p[s] == ' ' || p[s] == '\n' || p[s] == '\r' ||
	    p[s] == '\t'); s++)
		;
	if (s < n && p[s] == '<')
		return 0;	/* a web page, or XML */
	if (n > 4 && memcmp(p, "---", 3) == 0 && (p[3] == '\n' || p[3] == '\r'))
		fm = 1;
	for (pos = 0; pos < n; pos = le + 1) {
		nl = memchr(p + pos, '\n', n - pos);
		le = nl == NULL ? n : (size_t)(nl - p);
		s = pos;
		e = le;
		lex_trim(p, &s, &e);
		if (e == s)
			continue;
		if (p[s] == '#') {
			size_t k = s;

			while (k < e && p[k] == '#')
				k++;
			if (k - s <= 6 && (k == e || p[k] == ' '))
				atx++;
		} else if (p[s] == '`' && e - s >= 3 &&
		    memcmp(p + s, "```", 3) == 0)
			fence++;
		else if (bold_label(p, s, e))
			bold++;
		if (pair_in(p, s, e, ']', "(") &&
		    memchr(p + s, '[', e - s) != NULL)
			links++;
		if (pair_in(p, s, e, '\\', "[*_"))
			esc++;
	}
	score = (fm ? 30 : 0) + (atx >= 2 ? 20 : atx * 5) +
	    (bold >= 2 ? 25 : 0) + (links > 0 ? 20 : 0) +
	    (esc >= 2 ? 15 : 0) + (fence >= 2 ? 15 : 0);
	if (score < 10)
		return 0;
	if (strcmp(ext, "md") == 0 || strcmp(ext, "markdown") == 0 ||
	    strcmp(ext, "mdown") == 0)
		score += 10;
	return score > 60 ? 60 : score;
}


/* Bytes that mean something in Markdown anywhere in a line (and the C0
 * controls but tab and CR): a paragraph holding one goes to md4c. */
static const uint8_t specials[256] = {
	[0] = 1, [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 1, [6] = 1,
	[7] = 1, [8] = 1, [10] = 1, [11] = 1, [12] = 1, [14] = 1, [15] = 1,
	[16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1, [21] = 1, [22] = 1,
	[23] = 1, [24] = 1, [25] = 1, [26] = 1, [27] = 1, [28] = 1, [29] = 1,
	[30] = 1, [31] = 1, ['*'] = 1, ['_'] = 1, ['`'] = 1, ['['] = 1,
	[']'] = 1, ['<'] = 1, ['&'] = 1, ['\\'] = 1, ['|'] = 1, ['~'] = 1,
};

/* True for a byte of the table above. */
static int
special(uint8_t c)
{
	return specials[c];
}

/* True when a line of plain text may start with c: it cannot open a
 * block (a heading, a list, a quote, a rule, a fence, a table). */
static int
plain_start(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
	    c == '(' || c == '"' || c == '\'';
}

/* True for ASCII punctuation. */
static int
punct(uint8_t c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	    (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/* Where a "**Name:**" label at s ends (after its closing **), when
 * CommonMark reads it as strong text; s when it is not one. */
static size_t
plain_label(const uint8_t *in, size_t s, size_t e)
{
	size_t i;

	if (e - s < 5 || in[s] != '*' || in[s + 1] != '*' || in[s + 2] == ' ' ||
	    in[s + 2] == '\t')
		return s;
	for (i = s + 2; i < e && i < s + 64 && in[i] != '*'; i++)
		if (special(in[i]) || in[i] >= 0x80)
			return s;	/* non-ASCII: flanking is md4c's */
	if (i + 1 >= e || in[i] != '*' || in[i + 1] != '*' || i == s + 2 ||
	    in[i - 1] == ' ' || in[i - 1] == '\t')
		return s;
	/* Right-flanking after punctuation: a space or punctuation next. */
	if (punct(in[i - 1]) && i + 2 < e && in[i + 2] != ' ' &&
	    in[i + 2] != '\t' && !punct(in[i + 2]))
		return s;
	if (i + 2 < e && in[i + 2] == '*')
		return s;
	return i + 2;
}

/* True when [s, e) holds no special byte (eight at a time). */
static int
plain_bytes(const uint8_t *in, size_t s, size_t e)
{
	const uint8_t *p = in + s, *z = in + e;

	for (; z - p >= 8; p += 8)
		if (specials[p[0]] | specials[p[1]] | specials[p[2]] |
		    specials[p[3]] | specials[p[4]] | specials[p[5]] |
		    specials[p[6]] | specials[p[7]])
			return 0;
	for (; p < z; p++)
		if (specials[*p])
			return 0;
	return 1;
}

/* When a paragraph of plain text starts at the line at s (after a blank
 * line), returns where it ends (its blank line, or the end); else s. */
static size_t
plain_paragraph(const struct doc *d, size_t s)
{
	const uint8_t *in = d->in;
	size_t pos = s, le, a, e;

	if (pos >= d->inlen || (!plain_start(in[pos]) &&
	    plain_label(in, pos, line_end(d, pos)) == pos))
		return s;
	while (pos < d->inlen) {
		le = line_end(d, pos);
		a = pos;
		e = le;
		while (a < e && (in[a] == ' ' || in[a] == '\t'))
			a++;
		while (e > a && (in[e - 1] == ' ' || in[e - 1] == '\t' ||
		    in[e - 1] == '\r'))
			e--;
		if (e == a)
			break;	/* the blank line */
		if (pos == s && in[a] == '*')
			a = plain_label(in, a, e);
		else if (!plain_start(in[a]))
			return s;
		if (!plain_bytes(in, a, e))
			return s;
		pos = le < d->inlen ? le + 1 : le;
	}
	return pos;
}

/* True when plain paragraphs may be read without md4c. */
int
md_plain_ok(const struct doc *d, size_t pos)
{
	const uint8_t *in = d->in;
	size_t le, a;

	for (; pos < d->inlen; pos = le + 1) {
		le = line_end(d, pos);
		for (a = pos; a < le && (in[a] == ' ' || in[a] == '\t'); a++)
			;
		if (le - a < 2)
			continue;
		/* Fences, multi-line HTML, link definitions. */
		if ((in[a] == '`' || in[a] == '~') && le - a >= 3 &&
		    in[a + 1] == in[a] && in[a + 2] == in[a])
			return 0;
		if (in[a] == '<' && (in[a + 1] == '!' || in[a + 1] == '?' ||
		    (le - a >= 4 && (memcmp(in + a + 1, "pre", 3) == 0 ||
		    memcmp(in + a + 1, "scr", 3) == 0 ||
		    memcmp(in + a + 1, "sty", 3) == 0 ||
		    memcmp(in + a + 1, "tex", 3) == 0))))
			return 0;
		if (in[a] == '[' && memmem(in + a, le - a, "]:", 2) != NULL)
			return 0;
	}
	return 1;
}

/* The next paragraph of plain text at or after pos, or the end. */
size_t
md_next_plain(const struct doc *d, size_t pos, size_t *end)
{
	size_t le, e;
	int blank = 1;

	for (; pos < d->inlen; pos = le + 1) {
		le = line_end(d, pos);
		for (e = pos; e < le && (d->in[e] == ' ' || d->in[e] == '\t' ||
		    d->in[e] == '\r'); e++)
			;
		if (e == le) {
			blank = 1;
			continue;
		}
		if (blank && (*end = plain_paragraph(d, pos)) > pos)
			return pos;
		blank = 0;
	}
	return d->inlen;
}

/* Collects the text of a plain paragraph as md4c would. */
void
md_plain_text(struct md_state *m, size_t s, size_t e)
{
	const uint8_t *in = m->doc->in;
	size_t pos, le, a, z, l;

	for (pos = s; pos < e; pos = le + 1) {
		le = line_end(m->doc, pos);
		if (le > e)
			le = e;
		a = pos;
		z = le;
		while (a < z && (in[a] == ' ' || in[a] == '\t'))
			a++;
		while (z > a && (in[z - 1] == ' ' || in[z - 1] == '\t' ||
		    in[z - 1] == '\r'))
			z--;
		if (z == a)
			continue;
		if (pos > s)
			md_add_text(m, "\n", 1);
		if (pos == s && (l = plain_label(in, a, z)) > a) {
			m->strong++;
			md_add_text(m, in + a + 2, l - a - 4);
			m->strong--;
			a = l;
		}
		md_add_text(m, in + a, z - a);
	}
}
