/*
 * fmt_markdown.c: reads Markdown transcripts with md4c, a CommonMark
 * parser whose callbacks point into the source, into the document model.
 *
 * The document's text is built: markup is taken off, emphasis, strong
 * text, code and links become styles (a link shows its text), escapes and
 * entities are decoded, images and raw HTML tags are not shown (an HTML
 * block shows its text), a rule is not text. Front matter ("---" lines at
 * the top) is not shown; its title is the title. A first "# Title" is the
 * title, or is dropped when it repeats the front matter's; after such a
 * title each "# " heading is the title of an episode of an archive
 * (several transcripts in one file). The other headings (ATX or setext)
 * keep their levels, shifted so the highest is 1, and a chapter's time
 * ("## Intro [00:01:02]") is the heading's. Lists are bullets, code
 * blocks code, a table's rows paragraphs.
 *
 * Paragraphs are read a line at a time for speaker labels (speech.c; the
 * ** of "**Name:**" is already off, so the label is read as bold), timed
 * segments and credits: see md_blocks.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/lexicon.h"
#include "lectern/markdown.h"
#include "lectern/speech.h"
#include "lectern/util.h"

#define SAMPLE_SIZE	(256 * 1024)
#define MAX_NAMES	256

/* The styles of the text being read. */
static unsigned
md_kinds(const struct md_state *m)
{
	return (m->em ? DOC_SPAN_EMPH : 0) | (m->strong ? DOC_SPAN_STRONG : 0) |
	    (m->code || m->codeblock ? DOC_SPAN_CODE : 0) |
	    (m->link ? DOC_SPAN_LINK : 0);
}

/* Appends n bytes to the text collected, with the styles in force. */
void
md_add_text(struct md_state *m, const void *p, size_t n)
{
	unsigned kinds = md_kinds(m);
	size_t at = m->text.len;
	struct md_run *r;

	if (n == 0)
		return;
	buf_add(&m->text, p, n);
	if (kinds == 0)
		return;
	if (m->nruns > 0) {
		r = &m->runs[m->nruns - 1];
		if (r->end == at && r->kinds == kinds) {
			r->end = m->text.len;
			return;
		}
	}
	UTIL_GROW(m->runs, m->capruns, m->nruns + 1);
	r = &m->runs[m->nruns++];
	r->start = at;
	r->end = m->text.len;
	r->kinds = kinds;
}

/* Empties the collected text. */
static void
reset_text(struct md_state *m)
{
	buf_reset(&m->text);
	m->nruns = 0;
	m->nsounds = 0;
}

/* Named character references that transcripts use; others stay as they
 * are written. */
static const struct {
	const char	*name;
	uint32_t	 cp;
} entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", 0xA0 }, { "ndash", 0x2013 },
	{ "mdash", 0x2014 }, { "hellip", 0x2026 }, { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
	{ "laquo", 0xAB }, { "raquo", 0xBB }, { "copy", 0xA9 },
	{ "reg", 0xAE }, { "trade", 0x2122 }, { "deg", 0xB0 },
	{ "middot", 0xB7 }, { "bull", 0x2022 }, { "times", 0xD7 },
	{ "eacute", 0xE9 }, { "egrave", 0xE8 }, { "aacute", 0xE1 },
	{ "agrave", 0xE0 }, { "iacute", 0xED }, { "oacute", 0xF3 },
	{ "uacute", 0xFA }, { "ntilde", 0xF1 }, { "ccedil", 0xE7 },
	{ "auml", 0xE4 }, { "ouml", 0xF6 }, { "uuml", 0xFC },
	{ "szlig", 0xDF }, { "euro", 0x20AC }, { "pound", 0xA3 },
	{ "shy", 0xAD }, { "zwj", 0x200D }, { "zwnj", 0x200C },
	{ NULL, 0 }
};

/* Appends the character an entity ("&amp;", "&#8217;", "&#x2019;")
 * stands for, or the entity as written. */
static void
add_entity(struct md_state *m, const char *p, size_t n)
{
	uint8_t u[8];
	uint32_t cp = 0;
	size_t i;
	int len;

	if (n >= 4 && p[1] == '#') {
		int hex = p[2] == 'x' || p[2] == 'X';

		for (i = hex ? 3 : 2; i + 1 < n && cp <= 0x10FFFF; i++)
			cp = cp * (hex ? 16 : 10) + (uint32_t)(p[i] <= '9' ?
			    p[i] - '0' : (p[i] | 0x20) - 'a' + 10);
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
	} else {
		for (i = 0; entities[i].name != NULL; i++)
			if (strlen(entities[i].name) == n - 2 &&
			    memcmp(entities[i].name, p + 1, n - 2) == 0) {
				cp = entities[i].cp;
				break;
			}
		if (cp == 0) {
			md_add_text(m, p, n);
			return;
		}
	}
	len = u8_uctomb(u, cp, sizeof u);
	if (len > 0)
		md_add_text(m, u, (size_t)len);
}

/* Notes "[laughs]", "[unintelligible 00:03:18]": a bracket holding a few
 * words that start in lower case. */
static void
find_sounds(struct md_state *m)
{
	const char *t = m->text.data;
	size_t i, j;
	struct md_run *r;

	for (i = 0; i + 2 < m->text.len; i++) {
		const char *b = memchr(t + i, '[', m->text.len - i - 2);

		if (b == NULL)
			break;
		i = (size_t)(b - t);
		if (t[i + 1] < 'a' || t[i + 1] > 'z')
			continue;
		for (j = i + 2; j < m->text.len && j - i < 60 && t[j] != ']' &&
		    t[j] != '[' && t[j] != '\n'; j++)
			;
		if (j >= m->text.len || t[j] != ']')
			continue;
		UTIL_GROW(m->sounds, m->capsounds, m->nsounds + 1);
		r = &m->sounds[m->nsounds++];
		r->start = i;
		r->end = j + 1;
		r->kinds = DOC_SPAN_SOUND;
		i = j;
	}
}

/* Trims [*s, *e) of the collected text. */
static void
trim_text(const struct md_state *m, size_t *s, size_t *e)
{
	const char *t = m->text.data;

	while (*s < *e && (t[*s] == ' ' || t[*s] == '\n' || t[*s] == '\t'))
		(*s)++;
	while (*e > *s && (t[*e - 1] == ' ' || t[*e - 1] == '\n' ||
	    t[*e - 1] == '\t'))
		(*e)--;
}

/* A heading: the title, or a section with its time. */
static void
end_heading(struct md_state *m)
{
	struct doc *d = m->doc;
	size_t s = 0, e = m->text.len, ts, te;
	struct build_piece p;
	uint32_t ms, time = DOC_NO_TIME;
	int level = m->heading - m->shift;

	trim_text(m, &s, &e);
	if (e == s)
		return;
	if (lex_end_stamp((const uint8_t *)m->text.data, s, e, &te, &ms)) {
		e = te;
		time = ms;
	} else if (lex_chapter((const uint8_t *)m->text.data, s, e, &ts, &ms)) {
		s = ts;
		time = ms;
	}
	md_flush_label(m);
	seg_end(&m->seg);
	if (m->heading == 1 && m->blocks == 0 && m->titled &&
	    e - s == m->fmtitle_len && memcmp(m->text.data + s, d->in +
	    m->fmtitle_at, e - s) == 0)
		return;	/* the front matter's title again */
	p = build_piece(0, 0);
	p.start = p.lstart = p.lend = p.tstart = md_emit(m, s, e, &p.tend);
	p.end = p.tend;
	if (m->heading == 1 && !m->titled && m->blocks == 0) {
		build_block(d, DOC_TITLE, &p);
		d->meta.title.start = p.tstart;
		d->meta.title.end = p.tend;
		build_texts(d, "\n");
		m->titled = m->hashtitle = 1;
		return;
	}
	if (m->heading == 1 && m->hashtitle) {
		/* After a "# Title", a "# " heading starts an episode. */
		build_episode(d, &p);
		build_texts(d, "\n");
		return;
	}
	p.time = time != DOC_NO_TIME ? time : md_take_time(m);
	build_heading(d, level, &p);
	build_texts(d, "\n");
	m->blocks++;
}

/* A block of the text collected as a whole: a bullet, a code block, a
 * table's row, an HTML block's text. */
static void
end_plain(struct md_state *m, enum doc_block_kind kind)
{
	struct doc *d = m->doc;
	struct build_piece p;
	size_t s = 0, e = m->text.len, b;
	char num[16];

	trim_text(m, &s, &e);
	if (e == s)
		return;
	md_flush_label(m);
	seg_end(&m->seg);
	p = build_piece(build_len(d), build_len(d));
	p.level = m->lists < 1 ? 1 : m->lists > 4 ? 4 : m->lists;
	if (kind == DOC_BULLET && m->lists > 0 && m->lists <= MD_MAX_LISTS &&
	    m->ordered[m->lists - 1]) {
		snprintf(num, sizeof num, "%u.", m->number[m->lists - 1]++);
		p.lstart = build_texts(d, num);
		p.lend = build_len(d);
		build_texts(d, " ");
	}
	p.tstart = md_emit(m, s, e, &p.tend);
	p.end = p.tend;
	p.time = md_take_time(m);
	b = kind == DOC_PARA ? build_para(d, &p) : build_block(d, kind, &p);
	if (kind == DOC_BULLET)
		build_join(d, b);
	build_texts(d, "\n");
	m->blocks++;
}

/* Takes the tags and comments off an HTML block's text. */
static void
strip_html(struct md_state *m)
{
	char *t = m->text.data;
	size_t i, o = 0;

	for (i = 0; i < m->text.len;) {
		if (t[i] == '<' && m->text.len - i >= 4 &&
		    memcmp(t + i, "<!--", 4) == 0) {
			char *c = memmem(t + i + 4, m->text.len - i - 4, "-->", 3);

			i = c == NULL ? m->text.len : (size_t)(c - t) + 3;
		} else if (t[i] == '<') {
			char *c = memchr(t + i, '>', m->text.len - i);

			i = c == NULL ? m->text.len : (size_t)(c - t) + 1;
		} else
			t[o++] = t[i++];
	}
	m->text.len = o;
	if (o > 0)
		t[o] = '\0';
	m->nruns = 0;
}

/* Makes the blocks of the text collected so far, as its place says. */
void
md_flush(struct md_state *m)
{
	size_t s = 0, e = m->text.len;

	trim_text(m, &s, &e);
	if (e > s) {
		find_sounds(m);
		if (m->lists > 0 && m->item_first) {
			m->item_first = 0;
			end_plain(m, DOC_BULLET);
		} else if (m->lists > 0)
			end_plain(m, DOC_PARA);
		else
			md_paragraph(m, m->quote > 0);
	}
	reset_text(m);
}

/* md4c: a block starts. */
static int
enter_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct md_state *m = arg;

	switch (type) {
	case MD_BLOCK_QUOTE:
		md_flush(m);
		m->quote++;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		md_flush(m);
		if (m->lists < MD_MAX_LISTS) {
			m->ordered[m->lists] = type == MD_BLOCK_OL;
			m->number[m->lists] = type == MD_BLOCK_OL ?
			    ((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
		}
		m->lists++;
		break;
	case MD_BLOCK_LI:
		md_flush(m);
		m->item_first = 1;
		break;
	case MD_BLOCK_H:
		md_flush(m);
		m->heading = (int)((MD_BLOCK_H_DETAIL *)detail)->level;
		break;
	case MD_BLOCK_CODE:
		md_flush(m);
		m->codeblock = 1;
		break;
	case MD_BLOCK_HTML:
		md_flush(m);
		m->html = 1;
		break;
	case MD_BLOCK_TABLE:
	case MD_BLOCK_TR:
	case MD_BLOCK_HR:
	case MD_BLOCK_P:
		md_flush(m);
		m->cells = 0;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		if (m->cells++ > 0)
			md_add_text(m, " | ", 3);
		if (type == MD_BLOCK_TH)
			m->strong++;
		break;
	default:
		break;
	}
	return 0;
}

/* md4c: a block ends. */
static int
leave_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct md_state *m = arg;

	(void)detail;
	switch (type) {
	case MD_BLOCK_QUOTE:
		md_flush(m);
		m->quote--;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		md_flush(m);
		m->lists--;
		break;
	case MD_BLOCK_H:
		end_heading(m);
		reset_text(m);
		m->heading = 0;
		break;
	case MD_BLOCK_CODE:
		end_plain(m, DOC_PARA);
		reset_text(m);
		m->codeblock = 0;
		break;
	case MD_BLOCK_HTML:
		strip_html(m);
		m->html = 0;
		md_flush(m);
		break;
	case MD_BLOCK_TR:
		end_plain(m, DOC_PARA);
		reset_text(m);
		break;
	case MD_BLOCK_TH:
		m->strong--;
		break;
	case MD_BLOCK_LI:
	case MD_BLOCK_P:
		md_flush(m);
		break;
	default:
		break;
	}
	return 0;
}

/* md4c: a span of styled text starts. */
static int
enter_span(MD_SPANTYPE type, void *detail, void *arg)
{
	struct md_state *m = arg;

	(void)detail;
	switch (type) {
	case MD_SPAN_EM:
	case MD_SPAN_U:
		m->em++;
		break;
	case MD_SPAN_STRONG:
		m->strong++;
		break;
	case MD_SPAN_A:
	case MD_SPAN_WIKILINK:
		m->link++;
		break;
	case MD_SPAN_IMG:
		m->image++;
		break;
	case MD_SPAN_CODE:
		m->code++;
		break;
	default:
		break;
	}
	return 0;
}

/* md4c: a span ends. */
static int
leave_span(MD_SPANTYPE type, void *detail, void *arg)
{
	struct md_state *m = arg;

	(void)detail;
	switch (type) {
	case MD_SPAN_EM:
	case MD_SPAN_U:
		m->em--;
		break;
	case MD_SPAN_STRONG:
		m->strong--;
		break;
	case MD_SPAN_A:
	case MD_SPAN_WIKILINK:
		m->link--;
		break;
	case MD_SPAN_IMG:
		m->image--;
		break;
	case MD_SPAN_CODE:
		m->code--;
		break;
	default:
		break;
	}
	return 0;
}

/* md4c: text, a break or an entity. */
static int
text(MD_TEXTTYPE type, const MD_CHAR *p, MD_SIZE n, void *arg)
{
	struct md_state *m = arg;

	if (m->image > 0)
		return 0;	/* an image's alternative text */
	switch (type) {
	case MD_TEXT_NULLCHAR:
		md_add_text(m, "\xEF\xBF\xBD", 3);
		break;
	case MD_TEXT_BR:
	case MD_TEXT_SOFTBR:
		md_add_text(m, m->heading || m->cells ? " " : "\n", 1);
		break;
	case MD_TEXT_ENTITY:
		add_entity(m, p, n);
		break;
	case MD_TEXT_HTML:
		/* Inline tags are not shown; <br> breaks the line. */
		if (m->html)
			md_add_text(m, p, n);
		else if (n >= 3 && (p[1] == 'b' || p[1] == 'B') &&
		    (p[2] == 'r' || p[2] == 'R'))
			md_add_text(m, "\n", 1);
		break;
	default:
		md_add_text(m, p, n);
		break;
	}
	return 0;
}

/* Starts reading: the reader's state and the document's own text. */
static void
md_begin(struct doc *d)
{
	struct md_state *m = xcalloc(1, sizeof *m);

	m->doc = d;
	m->time = DOC_NO_TIME;
	m->speaker = -1;
	seg_begin(&m->seg);
	d->fs = m;
	build_own_text(d);
	build_reserve(d, d->inlen);
}

/* Without md4c: says so, in a paragraph of its own. */
static void
md_no_parser(struct md_state *m)
{
	static const char said[] = "This Markdown file is shown as it is "
	    "written, because lectern reads Markdown with md4c, which could "
	    "not be loaded (";
	const char *why = md_parser_error();

	md_add_text(m, said, sizeof said - 1);
	md_add_text(m, why, strlen(why));
	md_add_text(m, ").", 2);
	md_flush(m);
	build_detail(m->doc, "md4c not loaded: %s", why);
}

/* Without md4c: [s, e) read as paragraphs of plain text, its markup as
 * it is. */
static void
md_unparsed(struct md_state *m, size_t s, size_t e)
{
	const uint8_t *in = m->doc->in;
	size_t pos, le, a, start = s;

	for (pos = s; pos < e; pos = le + 1) {
		const uint8_t *nl = memchr(in + pos, '\n', e - pos);

		le = nl != NULL ? (size_t)(nl - in) : e;
		for (a = pos; a < le && (in[a] == ' ' || in[a] == '\t' ||
		    in[a] == '\r'); a++)
			;
		if (a < le)
			continue;
		if (pos > start) {
			md_plain_text(m, start, pos);
			md_flush(m);
		}
		start = le + 1;
	}
	if (start < e) {
		md_plain_text(m, start, e);
		md_flush(m);
	}
}

/* Reads at least budget more bytes (0: all), in slices that end after a
 * paragraph of plain text; 1 while there is more. */
static int
md_some(struct doc *d, size_t budget)
{
	static const MD_PARSER parser = {
		0, MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH |
		MD_FLAG_NOINDENTEDCODEBLOCKS,
		enter_block, leave_block, enter_span, leave_span, text,
		NULL, NULL
	};
	struct md_state *m = d->fs;
	size_t stop, pos, end;

	if (!m->started) {
		m->started = 1;
		m->pos = md_front_matter(m);
		md_prescan(m, m->pos);
		m->whole = !md_plain_ok(d, m->pos);
		if ((m->parse = md_parser()) == NULL) {
			md_no_parser(m);
			m->whole = 0;
		}
	}
	stop = budget == 0 || d->inlen - m->pos < budget || m->whole ?
	    d->inlen : m->pos + budget;
	/* md4c reads what has Markdown in it; plain paragraphs go on. A
	 * slice ends after a plain paragraph. */
	while (m->pos < stop) {
		pos = m->whole ? d->inlen : md_next_plain(d, m->pos, &end);
		if (pos > m->pos && m->parse != NULL)
			m->parse((const MD_CHAR *)d->in + m->pos,
			    (MD_SIZE)(pos - m->pos), &parser, m);
		else if (pos > m->pos)
			md_unparsed(m, m->pos, pos);
		if (pos >= d->inlen) {
			m->pos = d->inlen;
			break;
		}
		md_flush(m);
		md_plain_text(m, pos, end);
		md_flush(m);
		m->pos = end;
	}
	d->parsed = m->pos;
	if (m->pos < d->inlen) {
		build_reach(d);
		return 1;
	}
	md_flush(m);
	md_flush_label(m);
	return 0;
}

/* Frees the reader's state. */
static void
md_end(struct doc *d)
{
	struct md_state *m = d->fs;

	buf_free(&m->text);
	free(m->runs);
	free(m->sounds);
	free(m->names);
	free(m);
	d->fs = NULL;
}

const struct format format_markdown = {
	"markdown", "Markdown (md4c): headings, **Name:** turns, links",
	md_sniff, md_begin, md_some, md_end,
	NULL, 0
};
