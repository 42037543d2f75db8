/* unit_fmt_markdown.c: unit tests of the Markdown reader (styles,
 * entities, what it recognises) and of the plain reader on the same
 * shapes, read as plain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/util.h"
#include "unit.h"

/* Parses s read as the named format (NULL: recognised, as name). */
static struct doc *
parse_as(const char *s, const char *name, const char *format)
{
	struct doc *d = doc_new_as((const uint8_t *)s, strlen(s), name,
	    DOC_BORROWED, format);

	doc_parse_all(d);
	return d;
}

/* The styles at the first occurrence of what in the document's text. */
static unsigned
style_of(const struct doc *d, const char *what)
{
	const uint8_t *p = memmem(d->src, d->len, what, strlen(what));
	size_t end;

	if (p == NULL)
		return 0xFFFF;
	return doc_span_at(d, (size_t)(p - d->src), &end);
}

TEST(markdown_styles)
{
	struct doc *d = parse_as(
	    "# Title\n\n"
	    "Some *emphasis*, **strong**, `code`, [a link](https://x.org/)"
	    " and ![an image](i.png) \\[laughs\\] here.\n", "t.md", NULL);

	EXPECT_STR(doc_format_name(d), "markdown");
	EXPECT_INT(style_of(d, "emphasis"), DOC_SPAN_EMPH);
	EXPECT_INT(style_of(d, "strong"), DOC_SPAN_STRONG);
	EXPECT_INT(style_of(d, "code"), DOC_SPAN_CODE);
	EXPECT_INT(style_of(d, "a link"), DOC_SPAN_LINK);
	EXPECT_INT(style_of(d, "[laughs]"), DOC_SPAN_SOUND);
	EXPECT_INT(style_of(d, "here"), 0);
	/* The URL, the image and the markup are not in the text. */
	EXPECT_INT(style_of(d, "x.org"), 0xFFFF);
	EXPECT_INT(style_of(d, "an image"), 0xFFFF);
	EXPECT_INT(style_of(d, "**"), 0xFFFF);
	EXPECT_INT(style_of(d, "\\["), 0xFFFF);
	doc_free(d);
}

TEST(markdown_entities)
{
	struct doc *d = parse_as(
	    "**Ann Lee:** caf&eacute; &amp; &#8217;tis &#x2014; &bogus; ok\n"
	    "\n**Bo Chan:** <b>bold</b> tags<br>go\n", "t.md", NULL);
	char *t;

	EXPECT_INT(d->nblocks, 2);
	t = unit_btext(d, 0);
	EXPECT_STR(t, "café & ’tis — &bogus; ok");
	free(t);
	t = unit_btext(d, 1);
	EXPECT_STR(t, "bold tags\ngo");
	free(t);
	doc_free(d);
}

/* What the content says decides, not the extension. */
TEST(markdown_sniff)
{
	static const struct {
		const char *text, *name, *format;
	} t[] = {
		{ "Ann Lee  0:00\nHello there.\n\nBo Chan  0:03\nHi.\n",
		    "otter.md", "plain" },
		{ "---\ntitle: X\n---\nAnn Lee: Hello.\n", "x.txt",
		    "markdown" },
		{ "**Ann Lee:** Hello.\n\n**Bo Chan:** Hi.\n", "x.txt",
		    "markdown" },
		{ "# Only a title\n\n[00:00:01] Hello.\n", "x.txt", "plain" },
		{ "# One\n\n## Two\n\nText with [a link](https://x.org).\n",
		    "x", "markdown" },
		{ "<!doctype html><html><body># not markdown</body></html>\n",
		    "x.md", "html" },
		{ "Title\nAnn Lee: Hello.\n", "x.md", "plain" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		const struct format *f = format_sniff((const uint8_t *)t[i].text,
		    strlen(t[i].text), t[i].name);

		if (strcmp(f->name, t[i].format) != 0)
			UNIT_FAIL("%s read as %s", t[i].name, f->name);
	}
}

/* The same fields and segments read by either reader. */
TEST(markdown_and_plain_agree)
{
	const char *text =
	    "# Episode\n\n"
	    "**Podcast:** Deep Questions\n"
	    "**Date:** 2025-11-30\n\n"
	    "[00:00:00] The following is a conversation,\n"
	    "[00:00:02] Kit Moreau: with Ada.\n"
	    "[00:00:05] Ada Byrne: Hello.\n";
	const char *formats[] = { "markdown", "plain" };
	size_t i;

	for (i = 0; i < 2; i++) {
		struct doc *d = parse_as(text, "x", formats[i]);
		char *t;

		EXPECT_STR(doc_format_name(d), formats[i]);
		EXPECT_INT(d->nblocks, 5);
		EXPECT_INT(d->blocks[0].kind, DOC_TITLE);
		EXPECT_INT(d->blocks[1].kind, DOC_CREDIT);
		EXPECT_INT(d->blocks[2].kind, DOC_CREDIT);
		t = unit_blabel(d, 1);
		EXPECT_STR(t, "Podcast");
		free(t);
		EXPECT_INT(d->blocks[3].kind, DOC_TURN);
		EXPECT_INT(d->blocks[3].time, 0);
		t = unit_btext(d, 3);
		EXPECT_STR(t, "The following is a conversation, with Ada.");
		free(t);
		EXPECT_INT(d->blocks[4].time, 5000);
		EXPECT_INT(d->nspeakers, 2);
		doc_free(d);
	}
}

/* Hostile nesting and repetition end, and keep the model's shape. */
TEST(markdown_nesting)
{
	size_t n = 20000, i;
	char *s = malloc(n * 2 + 16);
	struct doc *d;

	for (i = 0; i < n; i++) {
		s[i] = '>';
		s[n + i] = i % 2 ? ' ' : '*';
	}
	memcpy(s + 2 * n, "x\n", 3);
	d = parse_as(s, "x.md", "markdown");
	EXPECT(d->nblocks <= 2);
	doc_free(d);
	for (i = 0; i < n; i++)
		s[i] = i % 3 == 2 ? '\n' : '-';
	s[n] = '\0';
	d = parse_as(s, "x.md", "markdown");
	EXPECT(doc_complete(d));
	doc_free(d);
	free(s);
}

/* True when two documents have the same blocks, texts, labels, times and
 * styles. */
static int
same_doc(const struct doc *a, const struct doc *b, size_t nblocks)
{
	size_t i;

	if (a->nblocks != nblocks || b->nblocks != nblocks ||
	    a->nspeakers != b->nspeakers)
		return 0;
	for (i = 0; i < nblocks; i++) {
		const struct doc_block *x = &a->blocks[i], *y = &b->blocks[i];

		if (x->kind != y->kind || x->level != y->level ||
		    x->time != y->time || x->speaker != y->speaker ||
		    x->tend - x->tstart != y->tend - y->tstart ||
		    memcmp(a->src + x->tstart, b->src + y->tstart,
		    x->tend - x->tstart) != 0 ||
		    x->lend - x->lstart != y->lend - y->lstart ||
		    memcmp(a->src + x->lstart, b->src + y->lstart,
		    x->lend - x->lstart) != 0)
			return 0;
	}
	for (i = 0; i < a->nspans && i < b->nspans; i++)
		if (a->spans[i].kinds != b->spans[i].kinds ||
		    a->spans[i].end - a->spans[i].start !=
		    b->spans[i].end - b->spans[i].start ||
		    memcmp(a->src + a->spans[i].start, b->src +
		    b->spans[i].start, a->spans[i].end - a->spans[i].start) != 0)
			return 0;
	return a->nspans == b->nspans;
}

/* Paragraphs of plain text skip md4c: they read exactly as md4c reads
 * them (a link defined apart makes md4c read everything). */
TEST(markdown_plain_paragraphs)
{
	static const char *const t[] = {
		"**Ann Lee:** Hello there.\n\n**Bo Chan:** Hi, Ann.\n",
		"**Ann Lee:**text\n\n**Ann Lee**:text\n\n**Ann Lee:** \ttext\n",
		"**Ann Lee:**, well\n\n**Ann Lee**\n\n**Ann Lee:**\n\nHello.\n",
		"**Dr. Who:** hi\n\n**Ünï Cöde:** text\n\n** Ann:** x\n",
		"Title\n===\n\nText\n---\n\nText\n1. item\n\nText\n- item\n",
		"Line  \nhard break\\\nnext\n\nPara\n> quote\n\nPara\n# Head\n",
		"**A B:** x\n**C D:** y\n\n* not a list*\n\nName: a | b\n",
		"日本語の段落。\n二行目\n\n\"Quoted\" (aside) it's 3 o'clock.\n",
		"Para with <b>tag</b> &amp; `code` and *stars*.\n\n***\n",
		"Ann Lee  0:00  \nHello.\n\n(00:01:10):\nMore.\n\n[00:01:12] A B: x\n",
		"  Indented start\n\nTab\tin text\r\nand CR\r\n\nx\n",
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		size_t n = strlen(t[i]);
		char *u = malloc(n + 32);
		struct doc *a, *b;

		memcpy(u, t[i], n);
		memcpy(u + n, "\n\n[zz]: /x\n", 12);
		a = parse_as(t[i], "x.md", "markdown");
		b = parse_as(u, "x.md", "markdown");
		if (!same_doc(a, b, a->nblocks))
			UNIT_FAIL("case %zu reads otherwise without md4c", i);
		doc_free(a);
		doc_free(b);
		free(u);
	}
}

/* Read in small slices (as the reader does between keys), a document
 * reads as it does at once. */
TEST(markdown_slices)
{
	struct buf b = { NULL, 0, 0 };
	struct doc *a, *s;
	int i;

	buf_adds(&b, "---\ntitle: Sliced\n---\n\n");
	for (i = 0; i < 200; i++) {
		buf_printf(&b, "## Part %d\n\n**Ann Lee:**\nSay *%d* things.\n\n"
		    "Bo Chan (00:%02d:00):\nPlain words, %d of them.\n\n"
		    "More plain words.\n\n- a list\n- of two\n\n", i, i, i % 60, i);
	}
	a = parse_as(buf_str(&b), "x.md", "markdown");
	s = doc_new_as((const uint8_t *)buf_str(&b), b.len, "x.md",
	    DOC_BORROWED, "markdown");
	for (i = 0; doc_parse_some(s, 97) && i < 100000; i++)
		;
	EXPECT(i > 10);
	EXPECT(a->nblocks > 1000);
	EXPECT(same_doc(a, s, a->nblocks));
	EXPECT_INT(s->nsections, a->nsections);
	doc_free(a);
	doc_free(s);
	buf_free(&b);
}
