/* unit_records.c: unit tests of the readers of court transcripts,
 * hearings, plays and screenplays, and of the layout of blocks that keep
 * their lines. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/court.h"
#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/rec.h"
#include "lectern/util.h"
#include "unit.h"

/* The text lines of block b laid out at width, joined with '|'. */
static char *
layout_text(const struct doc *d, size_t b, int width)
{
	struct layout_block lb = { NULL, 0, 0 };
	struct buf out = { NULL, 0, 0 };
	size_t i;
	char *s;

	layout_block(d, b, width, &lb);
	for (i = 0; i < lb.nlines; i++) {
		if (lb.lines[i].kind != LAYOUT_TEXT)
			continue;
		if (out.len > 0)
			buf_addc(&out, '|');
		buf_add(&out, d->src + lb.lines[i].start,
		    lb.lines[i].end - lb.lines[i].start);
	}
	layout_block_free(&lb);
	s = xstrdup(buf_str(&out));
	buf_free(&out);
	return s;
}

/* Parses a NUL-terminated string as the named format. */
static struct doc *
parse_as(const char *s, const char *format)
{
	struct doc *d = doc_new_as((const uint8_t *)s, strlen(s), "test",
	    DOC_BORROWED, format);

	doc_parse_all(d);
	return d;
}

/* The block whose text starts with s, or nblocks. */
static size_t
find_block(const struct doc *d, const char *s)
{
	size_t b;

	for (b = 0; b < d->nblocks; b++)
		if (d->blocks[b].tend - d->blocks[b].tstart >= strlen(s) &&
		    memcmp(d->src + d->blocks[b].tstart, s, strlen(s)) == 0)
			return b;
	return d->nblocks;
}

TEST(layout_keeps_lines)
{
	struct doc *d = parse_as("ACT I\n\nHAMLET\nSome words here that run "
	    "on\nAnd on past one line\n\nHORATIO\nYes.\n\nHAMLET\nNo.\n",
	    "play");
	size_t b = find_block(d, "Some words");
	char *s;

	EXPECT(b < d->nblocks && d->blocks[b].lines);
	if (b == d->nblocks) {
		doc_free(d);
		return;
	}
	/* Line by line, each line wrapped on its own ("HAMLET: " first)... */
	s = layout_text(d, b, 80);
	EXPECT_STR(s, "Some words here that run on|And on past one line");
	free(s);
	s = layout_text(d, b, 20);
	EXPECT_STR(s, "Some words|here that run on|And on past one line");
	free(s);
	/* ...or wrapped as one paragraph, where a newline is a space. */
	d->blocks[b].lines = 0;
	s = layout_text(d, b, 80);
	EXPECT_STR(s, "Some words here that run on\nAnd on past one line");
	free(s);
	doc_free(d);
}

/* The label found in a line, as "name|text", or "" when there is none. */
static char *
label_of(const char *line)
{
	const uint8_t *p = (const uint8_t *)line;
	struct court_label lb;
	struct buf b = { NULL, 0, 0 };
	char *s;

	if (court_label(p, 0, strlen(line), &lb)) {
		buf_add(&b, p + lb.ns, lb.ne - lb.ns);
		buf_addc(&b, '|');
		buf_adds(&b, line + lb.ts);
	}
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

/* rec_has as its contract says it, a place at a time. */
static int
has_slowly(const uint8_t *p, size_t s, size_t e, const char *w)
{
	size_t n = strlen(w), i, k;

	for (i = s; i + n <= e && s <= e; i++) {
		for (k = 0; k < n; k++)
			if (tolower(p[i + k]) != tolower((uint8_t)w[k]))
				break;
		if (k == n)
			return 1;
	}
	return n == 0 && s <= e;
}

/* Random texts of the needles' own bytes, so that near misses abound:
 * a needle found by a byte without case (a bracket, a dot) or by its
 * first letter, at the ends of the range or overlapping a false start. */
TEST(rec_has_finds_as_it_says)
{
	static const char *const words[] = { "[Senate Hearing", "S. Hrg.",
	    "<pre", "Serial No.", "Printing Office]", "THE COURT", "a",
	    "..", "] [", "", "x.y" };
	static const char alphabet[] = "[]<>. SsEeNnAaTtHhRrGgIiPpOoCcXxYy";
	uint8_t text[48];
	unsigned seed = 7;
	size_t i, w, s, e, k;

	for (i = 0; i < 20000; i++) {
		size_t n = 1 + (seed = seed * 1103515245u + 12345u) % 47;

		for (k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			text[k] = (uint8_t)alphabet[(seed >> 16) %
			    (sizeof alphabet - 1)];
		}
		w = (seed >> 8) % (sizeof words / sizeof words[0]);
		s = (seed >> 4) % 3;
		e = n - (seed >> 12) % 3;
		if (e > n)
			e = n;
		EXPECT_INT(rec_has(text, s, e, words[w]),
		    has_slowly(text, s, e, words[w]));
	}
	/* At the very ends of the range, and a range too short. */
	EXPECT_INT(rec_has((const uint8_t *)"x[senate hearing",
	    1, 16, "[Senate Hearing"), 1);
	EXPECT_INT(rec_has((const uint8_t *)"x[senate hearing",
	    1, 15, "[Senate Hearing"), 0);
	EXPECT_INT(rec_has((const uint8_t *)"Serial No.", 0, 10,
	    "Serial No."), 1);
	EXPECT_INT(rec_has((const uint8_t *)"Serial No.", 2, 1,
	    "Serial No."), 0);
}

TEST(court_labels)
{
	static const char *const cases[][2] = {
		{ "THE COURT: Good morning.", "THE COURT|Good morning." },
		{ "MR. SMITH:  Objection.", "MR. SMITH|Objection." },
		{ "JUROR NO. 3: A question.", "JUROR NO. 3|A question." },
		{ "Mr. Smith: yes", "Mr. Smith|yes" },
		{ "THE WITNESS:", "THE WITNESS|" },
		{ "Ms. Shroff had flagged something", "" },
		{ "Reported by: JANE DOE", "" },
		{ "BY: MICAH F. FERGENSON", "" },
		{ "Q: A question", "" },
		{ "MR. SMITH:x", "" },
		{ "ROOM 12: the annex", "" },
	};
	size_t i;
	char *s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = label_of(cases[i][0]);
		EXPECT_STR(s, cases[i][1]);
		free(s);
	}
}

TEST(court_lines)
{
	const uint8_t *p;
	size_t ts, s;

	p = (const uint8_t *)"Q.  Where?";
	EXPECT_INT(court_qa(p, 0, 10, &ts), 'Q');
	EXPECT_INT(ts, 4);
	p = (const uint8_t *)"A\tHere.";
	EXPECT_INT(court_qa(p, 0, 7, &ts), 'A');
	EXPECT_INT(ts, 2);
	p = (const uint8_t *)"A bird";
	EXPECT_INT(court_qa(p, 0, 6, &ts), 0);
	p = (const uint8_t *)"12   Q.  Where?";
	s = 0;
	EXPECT_INT(court_line_number(p, &s, 15), 12);
	EXPECT_INT(s, 2);
	p = (const uint8_t *)"1999 was";
	s = 0;
	EXPECT_INT(court_line_number(p, &s, 8), 0);
	EXPECT(court_page_code((const uint8_t *)"O5TVGUO1 Le Zhou - Cross", 0,
	    24));
	EXPECT(court_page_code((const uint8_t *)"O5TVGUO", 0, 7));
	EXPECT(!court_page_code((const uint8_t *)"THE COURT", 0, 9));
	EXPECT(court_furniture((const uint8_t *)"(Continued on next page)", 0,
	    24));
	EXPECT(court_furniture((const uint8_t *)"- 14 -", 0, 6));
	EXPECT(court_furniture((const uint8_t *)"------------------x", 0, 19));
	EXPECT(!court_furniture((const uint8_t *)"(Recess)", 0, 8));
	EXPECT(court_versus((const uint8_t *)"v. 23 Cr. 118 (AT)", 0, 18));
	EXPECT(court_versus((const uint8_t *)"vs.        )", 0, 12));
	EXPECT(!court_versus((const uint8_t *)"very well", 0, 9));
}

TEST(play_directions_and_verse)
{
	struct doc *d = parse_as("ACT I\n\nSCENE I. A heath.\n\n"
	    " Thunder. Enter two Witches.\n\nFIRST WITCH.\n"
	    "When shall we meet again?\nIn thunder or in rain?\n\n"
	    "SECOND WITCH.\nWhen the battle is lost and won, and the day is"
	    "\ndone. [_Aside._] Go.\n\nFIRST WITCH.\nAnon.\n\n"
	    " [_Exeunt._]\n", "play");
	size_t b, end;

	EXPECT_STR(doc_format_name(d), "play");
	b = find_block(d, "When shall");
	EXPECT(b < d->nblocks && d->blocks[b].kind == DOC_TURN &&
	    d->blocks[b].lines);
	b = find_block(d, "When the battle");
	EXPECT(b < d->nblocks && !d->blocks[b].lines);
	if (b < d->nblocks) {
		/* The prose is joined; the direction in it is emphasis. */
		char *t = unit_btext(d, b);

		EXPECT_STR(t, "When the battle is lost and won, and the day is "
		    "done. [Aside.] Go.");
		EXPECT_INT(doc_span_at(d, d->blocks[b].tstart, &end), 0);
		EXPECT_INT(doc_span_at(d, d->blocks[b].tstart + 55, &end),
		    DOC_SPAN_EMPH);
		free(t);
	}
	b = find_block(d, "[Exeunt.]");
	EXPECT(b < d->nblocks && d->blocks[b].kind == DOC_PARA &&
	    d->blocks[b].speaker < 0);
	if (b < d->nblocks)
		EXPECT_INT(doc_span_at(d, d->blocks[b].tstart, &end),
		    DOC_SPAN_EMPH);
	b = find_block(d, "Thunder.");
	EXPECT(b < d->nblocks && d->blocks[b].speaker < 0);
	EXPECT_INT(d->nsections, 2);
	EXPECT_INT(d->nspeakers, 2);
	doc_free(d);
}

TEST(fountain_styles)
{
	struct doc *d = parse_as("Title: **Bold** Move\n\nINT. ROOM - DAY\n\n"
	    "ANNA\n(quietly)\nI *mean* it, \\*really\\*.\n", "fountain");
	size_t b, end;
	char *t;

	EXPECT_STR(doc_format_name(d), "fountain");
	EXPECT(d->meta.title.end > d->meta.title.start);
	t = xstrndup((const char *)d->src + d->meta.title.start,
	    d->meta.title.end - d->meta.title.start);
	EXPECT_STR(t, "Bold Move");
	free(t);
	EXPECT_INT(doc_span_at(d, d->meta.title.start, &end), DOC_SPAN_STRONG);
	b = find_block(d, "(quietly)");
	EXPECT(b < d->nblocks && d->blocks[b].kind == DOC_TURN);
	if (b < d->nblocks)
		EXPECT_INT(doc_span_at(d, d->blocks[b].tstart, &end),
		    DOC_SPAN_EMPH);
	b = find_block(d, "I mean it");
	EXPECT(b < d->nblocks && d->blocks[b].speaker == 0);
	if (b < d->nblocks) {
		t = unit_btext(d, b);
		EXPECT_STR(t, "I mean it, *really*.");
		free(t);
		EXPECT_INT(doc_span_at(d, d->blocks[b].tstart, &end), 0);
		EXPECT_INT(doc_span_at(d, d->blocks[b].tstart + 2, &end),
		    DOC_SPAN_EMPH);
		EXPECT_INT(doc_span_at(d, d->blocks[b].tstart + 12, &end), 0);
	}
	doc_free(d);
}
