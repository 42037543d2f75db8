/* unit_core.c: unit tests of the parser, the layout, the text layer and
 * the search. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/contents.h"
#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/render.h"
#include "lectern/search.h"
#include "lectern/text.h"
#include "lectern/util.h"
#include "unit.h"

/* Runs one of the render_ functions into a string. */
static char *
capture(int (*fn)(struct doc *, FILE *), struct doc *d)
{
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	fn(d, f);
	fclose(f);
	return p;
}

static char *
capture_dump(const struct doc *d, int width)
{
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	render_dump(d, width, f);
	fclose(f);
	return p;
}

static int
outline(struct doc *d, FILE *f)
{
	return render_outline(d, f);
}

TEST(seed_outline)
{
	struct doc *d = unit_seed();
	char *o = capture(outline, d);

	EXPECT_STR(o,
	    "Episode summary\n"
	    "Highlights\n"
	    "  Why Jan is optimistic\n"
	    "  The Superalignment team isn't trying to train a really good ML researcher\n"
	    "  Did the release of ChatGPT increase or reduce AI extinction risk?\n"
	    "  There's something interesting going on with RLHF\n"
	    "  Backup plans\n"
	    "  Should we be worried about connecting models to everything?\n"
	    "  Jobs with the Superalignment team\n");
	free(o);
	doc_free(d);
}

TEST(seed_speakers)
{
	struct doc *d = unit_seed();
	char *o = capture(render_speakers, d);

	/* Words are checked against an independent count below. */
	EXPECT_INT(d->nspeakers, 2);
	EXPECT_STR(d->speakers[0].name, "Jan Leike");
	EXPECT_INT(d->speakers[0].turns, 17);
	EXPECT_STR(d->speakers[1].name, "Rob Wiblin");
	EXPECT_INT(d->speakers[1].turns, 11);
	EXPECT(strncmp(o, "Jan Leike\t17\t", 13) == 0);
	EXPECT(strstr(o, "\nRob Wiblin\t11\t") != NULL);
	free(o);
	doc_free(d);
}

TEST(seed_metadata)
{
	struct doc *d = unit_seed();

#define RANGE(r) xstrndup((const char *)d->src + (r).start, (r).end - (r).start)
	char *t = RANGE(d->meta.title), *a = RANGE(d->meta.author),
	    *dt = RANGE(d->meta.date), *sc = RANGE(d->meta.score),
	    *l = RANGE(d->meta.link);

	EXPECT_STR(t, "OpenAI’s massive push to make superintelligence safe "
	    "in 4 years or less (Jan Leike on the 80,000 Hours Podcast)");
	EXPECT_STR(a, "80000_Hours");
	EXPECT_STR(dt, "2023-08-08T18:00");
	EXPECT_STR(sc, "+32");
	EXPECT_STR(l,
	    "https://80000hours.org/podcast/episodes/jan-leike-superalignment/");
	EXPECT_INT(d->blocks[0].kind, DOC_TITLE);
	EXPECT_INT(d->blocks[1].kind, DOC_BYLINE);
	EXPECT_INT(d->blocks[2].kind, DOC_LINK);
	free(t);
	free(a);
	free(dt);
	free(sc);
	free(l);
	doc_free(d);
#undef RANGE
}

/* The seed's pull quote, credits and the two-sentence line. */
TEST(seed_blocks)
{
	struct doc *d = unit_seed();
	size_t i, quotes = 0, credits = 0, attribs = 0, bullets = 0;
	int found = 0;

	for (i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		char *t = unit_btext(d, i);

		if (b->kind == DOC_QUOTE)
			quotes++;
		if (b->kind == DOC_CREDIT)
			credits++;
		if (b->kind == DOC_BULLET)
			bullets++;
		if (b->kind == DOC_ATTRIB) {
			char *l = unit_blabel(d, i);

			attribs++;
			EXPECT_STR(l, "Jan Leike");
			free(l);
			EXPECT_INT(doc_quote_attrib(d, i - 1), (long)i);
		}
		if (strncmp(t, "What sort of backup plan", 24) == 0) {
			found = 1;
			EXPECT_INT(b->kind, DOC_PARA);
			EXPECT_INT(b->speaker, 1);	/* Rob Wiblin */
			EXPECT(b->turn >= 0);
		}
		free(t);
	}
	EXPECT(found);
	EXPECT_INT(quotes, 2);
	EXPECT_INT(attribs, 1);
	EXPECT_INT(credits, 5);
	EXPECT_INT(bullets, 13);
	doc_free(d);
}

/* Every block range lies in the source and blocks come in order. */
TEST(seed_ranges)
{
	struct doc *d = unit_seed();
	size_t i;

	for (i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];

		EXPECT(b->start <= b->tstart && b->tend <= b->end);
		EXPECT(b->end <= d->len);
		if (i > 0)
			EXPECT(d->blocks[i - 1].end <= b->start);
	}
	EXPECT_INT(d->nsections, 9);
	EXPECT_INT(d->sections[1].end, d->nblocks);
	EXPECT_INT(d->sections[2].parent, 1);
	doc_free(d);
}

TEST(block_kinds)
{
	struct doc *d = unit_parse(
	    "A Title Line\n"
	    "By Someone @ 2024-01-01\n"
	    "This is a linkpost to https://example.org/x\n"
	    "Opening section\n"
	    "A plain paragraph that ends in a full stop.\n"
	    "- a bullet item\n"
	    "  - a nested one\n"
	    "1. a numbered one\n"
	    "Ana Souza: Hello, everyone.\n"
	    "And this continues her turn.\n"
	    "Producer: Keiran Harris\n");

	EXPECT_INT(d->nblocks, 11);
	EXPECT_INT(d->blocks[0].kind, DOC_TITLE);
	EXPECT_INT(d->blocks[1].kind, DOC_BYLINE);
	EXPECT_INT(d->blocks[2].kind, DOC_LINK);
	EXPECT_INT(d->blocks[3].kind, DOC_HEADING);
	EXPECT_INT(d->blocks[3].level, 1);
	EXPECT_INT(d->blocks[4].kind, DOC_PARA);
	EXPECT_INT(d->blocks[5].kind, DOC_BULLET);
	EXPECT_INT(d->blocks[5].level, 1);
	EXPECT_INT(d->blocks[6].kind, DOC_BULLET);
	EXPECT_INT(d->blocks[6].level, 2);
	EXPECT_INT(d->blocks[7].kind, DOC_BULLET);
	EXPECT_INT(d->blocks[8].kind, DOC_TURN);
	EXPECT_INT(d->blocks[9].kind, DOC_PARA);
	EXPECT_INT(d->blocks[9].turn, 0);
	EXPECT_INT(d->blocks[10].kind, DOC_CREDIT);
	EXPECT_INT(d->blocks[10].turn, -1);
	{
		char *l = unit_blabel(d, 7), *t = unit_btext(d, 8), *sp = unit_blabel(d, 8);

		EXPECT_STR(l, "1.");
		EXPECT_STR(t, "Hello, everyone.");
		EXPECT_STR(sp, "Ana Souza");
		free(l);
		free(t);
		free(sp);
	}
	EXPECT_INT(d->nturns, 1);
	EXPECT_INT(d->turns[0].first, 8);
	EXPECT_INT(d->turns[0].last, 9);
	doc_count_speaker_words(d);
	EXPECT_INT(d->speakers[0].words, 7);
	doc_free(d);
}

/* Unprefixed paragraphs continue a turn; a heading ends it. Inside a turn,
 * a short line followed by prose is a short paragraph, not a heading. */
TEST(continuation)
{
	struct doc *d = unit_parse(
	    "Rob Wiblin: First question.\n"
	    "Second paragraph of the question.\n"
	    "What do you think? Is that right?\n"
	    "Jan Leike: Yes.\n"
	    "Right, exactly\n"
	    "And that is why it works.\n"
	    "Next part\n"
	    "Rob Wiblin: New topic.\n"
	    "Closing words\n"
	    "Unattributed paragraph here.\n");

	EXPECT_INT(d->blocks[1].speaker, 0);
	EXPECT_INT(d->blocks[2].kind, DOC_PARA);
	EXPECT_INT(d->blocks[2].speaker, 0);
	EXPECT_INT(d->blocks[3].kind, DOC_TURN);
	EXPECT_INT(d->blocks[3].speaker, 1);
	EXPECT_INT(d->blocks[4].kind, DOC_PARA);
	EXPECT_INT(d->blocks[4].speaker, 1);
	EXPECT_INT(d->blocks[5].speaker, 1);
	EXPECT_INT(d->blocks[6].kind, DOC_HEADING);
	EXPECT_INT(d->blocks[7].kind, DOC_TURN);
	EXPECT_INT(d->blocks[7].section, 0);
	EXPECT_INT(d->blocks[8].kind, DOC_PARA);
	EXPECT_INT(d->blocks[9].speaker, 0);
	EXPECT_INT(d->speakers[0].turns, 2);
	EXPECT_INT(d->nturns, 3);
	EXPECT_INT(d->turns[1].last, 5);
	doc_free(d);
}

/* A short line with two sentences is not a heading. */
TEST(two_sentences)
{
	struct doc *d = unit_parse(
	    "Intro paragraph that is plain prose, ending here.\n"
	    "Is this a heading? No it is not\n"
	    "Is this one a heading?\n"
	    "Text.\n");

	EXPECT_INT(d->blocks[1].kind, DOC_PARA);
	EXPECT_INT(d->blocks[2].kind, DOC_HEADING);
	doc_free(d);
}

TEST(credits_not_speakers)
{
	struct doc *d = unit_parse(
	    "Intro.\n"
	    "Producer and editor: Keiran Harris\n"
	    "Audio Engineering Lead: Ben Cordell\n"
	    "Technical editing: Simon Monsour and Milo McGuire\n"
	    "Transcriptions: Katy Moore\n"
	    "Katy Moore: But I did speak, once.\n");

	EXPECT_INT(d->blocks[1].kind, DOC_CREDIT);
	EXPECT_INT(d->blocks[2].kind, DOC_CREDIT);
	EXPECT_INT(d->blocks[3].kind, DOC_CREDIT);
	EXPECT_INT(d->blocks[4].kind, DOC_CREDIT);
	EXPECT_INT(d->blocks[5].kind, DOC_TURN);
	EXPECT_INT(d->nspeakers, 1);
	doc_free(d);
}

TEST(pull_quote)
{
	struct doc *d = unit_parse(
	    "Summary\n"
	    "First quoted paragraph.\n"
	    "Second quoted paragraph.\n"
	    "- Jan Leike\n"
	    "Narration follows.\n"
	    "- a real bullet\n"
	    "- Jan Leike\n");

	EXPECT_INT(d->blocks[1].kind, DOC_QUOTE);
	EXPECT_INT(d->blocks[2].kind, DOC_QUOTE);
	EXPECT_INT(d->blocks[3].kind, DOC_ATTRIB);
	EXPECT_INT(doc_quote_attrib(d, 1), 3);
	EXPECT_INT(doc_quote_attrib(d, 2), 3);
	EXPECT_INT(doc_quote_attrib(d, 3), -1);
	EXPECT_INT(doc_quote_attrib(d, 4), -1);
	EXPECT_INT(d->blocks[4].kind, DOC_PARA);
	EXPECT_INT(d->blocks[5].kind, DOC_BULLET);
	EXPECT_INT(d->blocks[6].kind, DOC_BULLET);
	EXPECT_INT(d->nspeakers, 0);
	doc_free(d);
}

/* Hard-wrapped paragraphs separated by blank lines are joined. */
TEST(hard_wrapped)
{
	struct doc *d = unit_parse(
	    "Notes on a talk\n"
	    "\n"
	    "Mira Chen: We started with a small team and a very large\n"
	    "question about how models generalise, and we kept coming\n"
	    "back to it.\n"
	    "\n"
	    "That was the surprise: the question outlived the team and\n"
	    "the models we first asked it about, many times over now.\n"
	    "\n"
	    "Omar Haddad: Why do you think that happened, in the end, in\n"
	    "your own view of the history of the whole thing?\n"
	    "\n"
	    "Mira Chen: Because it was the right question to ask.\n");
	char *t;

	EXPECT_INT(d->nblocks, 5);
	EXPECT_INT(d->blocks[1].kind, DOC_TURN);
	t = unit_btext(d, 1);
	EXPECT_STR(t, "We started with a small team and a very large\n"
	    "question about how models generalise, and we kept coming\n"
	    "back to it.");
	free(t);
	EXPECT_INT(d->blocks[2].kind, DOC_PARA);
	EXPECT_INT(d->blocks[2].speaker, 0);
	EXPECT_INT(d->speakers[0].turns, 2);
	EXPECT_INT(d->speakers[1].turns, 1);
	doc_free(d);
}

TEST(crlf_bom_tabs)
{
	struct doc *d = unit_parse(
	    "\xEF\xBB\xBFThe Title\r\n"
	    "Section One\r\n"
	    "Ana Souza:\tHello\tthere.\r\n"
	    "Carries on.\r\n");
	char *t, *o;

	EXPECT_INT(d->blocks[0].kind, DOC_TITLE);
	t = unit_btext(d, 0);
	EXPECT_STR(t, "The Title");
	free(t);
	t = unit_btext(d, 2);
	EXPECT_STR(t, "Hello\tthere.");
	free(t);
	t = unit_blabel(d, 2);
	EXPECT_STR(t, "Ana Souza");
	free(t);
	o = capture(outline, d);
	EXPECT_STR(o, "Section One\n");
	free(o);
	o = capture_dump(d, 40);
	EXPECT_STR(o, "The Title\n\nSection One\n===========\n\n"
	    "Ana Souza: Hello there.\n\nCarries on.\n");
	free(o);
	doc_free(d);
}

TEST(speaker_label_shapes)
{
	struct doc *d = unit_parse(
	    "**Daniel Filan:** Hello.\n"
	    "**Adrià Garriga-Alonso** (00:30):\n"
	    "Thank you for having me.\n"
	    "ROB WIBLIN: Loud names too.\n"
	    "Dwarkesh Patel 00:00:35\n"
	    "\n"
	    "Okay, so first question.\n"
	    "Paul Christiano (01:02:03): With a stamp.\n");
	char *t;

	EXPECT_INT(d->nspeakers, 5);
	EXPECT_STR(d->speakers[0].name, "Daniel Filan");
	EXPECT_STR(d->speakers[1].name, "Adrià Garriga-Alonso");
	EXPECT_STR(d->speakers[2].name, "ROB WIBLIN");
	EXPECT_STR(d->speakers[3].name, "Dwarkesh Patel");
	EXPECT_STR(d->speakers[4].name, "Paul Christiano");
	t = unit_btext(d, 1);
	EXPECT_STR(t, "Thank you for having me.");
	free(t);
	t = unit_btext(d, 3);
	EXPECT_STR(t, "Okay, so first question.");
	free(t);
	EXPECT_INT(d->nblocks, 5);
	doc_free(d);
}

/* An archive of episodes: each later title and byline starts an episode;
 * the metadata is the first episode's. */
TEST(archive_episodes)
{
	struct doc *d = unit_parse(
	    "First Episode Title\n"
	    "By Ana Host @ 2024-01-01 (+3)\n"
	    "Ana Host: Welcome.\n"
	    "A much longer second episode title, with a comma (Guest on the show)\n"
	    "By Bo Host @ 2024-02-01\n"
	    "Bo Host: Hello again.\n");
	char *o = capture(outline, d), *a;

	EXPECT_STR(o, "First Episode Title\n"
	    "A much longer second episode title, with a comma (Guest on the show)\n");
	EXPECT_INT(d->nepisodes, 2);
	EXPECT_INT(d->episodes[1].title, 3);
	EXPECT_INT(d->blocks[3].kind, DOC_TITLE);
	EXPECT_INT(d->blocks[4].kind, DOC_BYLINE);
	a = xstrndup((const char *)d->src + d->meta.author.start,
	    d->meta.author.end - d->meta.author.start);
	EXPECT_STR(a, "Ana Host");
	free(a);
	free(o);
	doc_free(d);
}

/* The contents of an archive: each episode's row before its sections,
 * an episode without sections a row alone, and the row of a place. */
TEST(archive_contents)
{
	struct doc *d = unit_parse(
	    "First Title\n"
	    "By Ana Host @ 2024-01-01 (+3)\n"
	    "Episode summary\n"
	    "A summary of the first episode, long enough to be a paragraph.\n"
	    "Ana Host: Welcome.\n"
	    "Second Title\n"
	    "By Bo Host @ 2024-02-01\n"
	    "Bo Host: Hello again.\n"
	    "Third Title\n"
	    "By Bo Host @ 2024-03-01\n"
	    "Episode summary\n"
	    "A summary of the third episode, long enough to be a paragraph.\n"
	    "Bo Host: The end.\n");
	char *o = capture(outline, d);
	struct contents_row r;

	EXPECT_STR(o, "First Title\n  Episode summary\nSecond Title\n"
	    "Third Title\n  Episode summary\n");
	EXPECT_INT(d->nepisodes, 3);
	EXPECT_INT(contents_rows(d), 5);
	contents_row(d, 2, &r);
	EXPECT_INT(r.episode, 1);
	EXPECT_INT(r.block, 5);
	EXPECT_INT(r.depth, 0);
	contents_row(d, 4, &r);
	EXPECT_INT(r.section, 1);
	EXPECT_INT(r.depth, 1);
	/* The opening of an episode is its row; a turn is its section's. */
	EXPECT_INT(contents_row_at(d, 1), 0);
	EXPECT_INT(contents_row_at(d, 4), 1);
	EXPECT_INT(contents_row_at(d, 7), 2);
	EXPECT_INT(contents_row_at(d, 12), 4);
	EXPECT_INT(contents_block_episode(d, 12), 2);
	free(o);
	doc_free(d);
}

/* A one-word label is a speaker only when it recurs. */
TEST(single_word_labels)
{
	struct doc *d = unit_parse(
	    "Note: this is not a speaker.\n"
	    "Q: What is it?\n"
	    "A: An answer.\n"
	    "Q: Another?\n"
	    "A: Yes.\n");

	EXPECT_INT(d->blocks[0].kind, DOC_PARA);
	EXPECT_INT(d->nspeakers, 2);
	EXPECT_INT(d->speakers[0].turns, 2);
	doc_free(d);
}

TEST(empty_input)
{
	struct doc *d = unit_parse("");
	char *o;

	EXPECT_INT(d->nblocks, 0);
	EXPECT_INT(d->nsections, 0);
	o = capture_dump(d, 80);
	EXPECT_STR(o, "");
	free(o);
	doc_free(d);
	d = unit_parse("\n\n  \n\t\n");
	EXPECT_INT(d->nblocks, 0);
	doc_free(d);
}

/* A run of headings: the first is the parent of those after it. */
TEST(only_headings)
{
	struct doc *d = unit_parse(
	    "First heading\n"
	    "Second heading\n"
	    "Third heading\n"
	    "Fourth heading\n");
	char *o = capture(outline, d);

	/* The first line is the title, as in the seed. */
	EXPECT_INT(d->blocks[0].kind, DOC_TITLE);
	EXPECT_STR(o, "Second heading\n  Third heading\n  Fourth heading\n");
	free(o);
	doc_free(d);
}

TEST(markdown_headings)
{
	struct doc *d = unit_parse(
	    "---\n"
	    "layout: post\n"
	    "title: \"24 - Superalignment\"\n"
	    "---\n"
	    "\n"
	    "Intro text.\n"
	    "\n"
	    "## The team <a name=\"team\"></a>\n"
	    "\n"
	    "### Details\n"
	    "\n"
	    "Short line without stop\n"
	    "\n"
	    "## Another <a name=\"x\"></a>\n");
	char *o = capture(outline, d), *t;

	EXPECT_STR(o, "The team\n  Details\nAnother\n");
	t = xstrndup((const char *)d->src + d->meta.title.start,
	    d->meta.title.end - d->meta.title.start);
	EXPECT_STR(t, "24 - Superalignment");
	free(t);
	free(o);
	doc_free(d);
}

TEST(chapters_and_srt)
{
	struct doc *d = unit_parse(
	    "(00:00:00) - What do we want?\n"
	    "Dwarkesh Patel 00:00:00\n"
	    "\n"
	    "Okay, today I have the pleasure.\n");
	char *o = capture(outline, d);

	EXPECT_STR(o, "What do we want?\t00:00:00\n");
	free(o);
	doc_free(d);
	/* SubRip: the cues are one paragraph, with the time of the first. */
	d = unit_parse("1\n00:00:00,000 --> 00:00:15,920\nHello and welcome\n\n"
	    "2\n00:00:15,920 --> 00:00:20,880\npeople doing things.\n\n");
	EXPECT_STR(doc_format_name(d), "srt");
	EXPECT_INT(d->nblocks, 1);
	EXPECT_INT(d->blocks[0].kind, DOC_PARA);
	o = unit_btext(d, 0);
	EXPECT_STR(o, "Hello and welcome people doing things.");
	free(o);
	EXPECT_INT(d->blocks[0].time, 0);
	EXPECT_INT(d->nsections, 0);
	doc_free(d);
}

TEST(word_count)
{
	EXPECT_INT(doc_count_words((const uint8_t *)"Hello, world — it’s 2023!",
	    strlen("Hello, world — it’s 2023!")), 4);
	EXPECT_INT(doc_count_words((const uint8_t *)"  ... — !", 9), 0);
}

/* Collects the lines of a wrap. */
struct lines {
	char	 text[16][64];
	int	 cols[16];
	int	 n;
};

static void
collect(void *arg, size_t s, size_t e, int cols)
{
	struct lines *l = arg;

	(void)s;
	(void)e;
	if (l->n < 16) {
		l->cols[l->n] = cols;
		l->text[l->n][0] = '\0';
		l->n++;
	}
}

TEST(wrap_widths)
{
	const char *cjk = "中文字符测试中文字符测试";
	const char *comb = "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81";
	struct lines l;

	memset(&l, 0, sizeof l);
	layout_wrap((const uint8_t *)cjk, 0, strlen(cjk), 10, 10, collect, &l);
	EXPECT_INT(l.n, 3);
	EXPECT_INT(l.cols[0], 10);
	EXPECT_INT(l.cols[2], 4);
	memset(&l, 0, sizeof l);
	layout_wrap((const uint8_t *)comb, 0, strlen(comb), 3, 3, collect, &l);
	EXPECT_INT(l.n, 2);
	EXPECT_INT(l.cols[0], 3);
	EXPECT_INT(l.cols[1], 1);
	memset(&l, 0, sizeof l);
	layout_wrap((const uint8_t *)"aaa bbb ccc", 0, 11, 7, 7, collect, &l);
	EXPECT_INT(l.n, 2);
	EXPECT_INT(l.cols[0], 7);
	EXPECT_INT(l.cols[1], 3);
}

TEST(glyphs_are_safe)
{
	struct text_glyph g;
	struct buf b = { NULL, 0, 0 };
	static const char hostile[] = "a\x1b]52;c;SGVsbG8=\x07z\xC2\x9B"
	    "\xE2\x80\xAE\xFF";

	text_glyph((const uint8_t *)"\x1b[2J", 4, &g);
	EXPECT_INT(g.kind, TEXT_PLACEHOLDER);
	EXPECT_INT(g.width, 2);
	text_sanitize(&b, (const uint8_t *)hostile, sizeof hostile - 1);
	EXPECT_STR(buf_str(&b), "a^[]52;c;SGVsbG8=^Gz<U+009B><U+202E>\xEF\xBF\xBD");
	buf_free(&b);
	EXPECT_INT(text_width((const uint8_t *)"a\tb\n", 4), 4);
}

/* --dump never makes a line wider than asked, for the seed. */
TEST(dump_width_seed)
{
	struct doc *d = unit_seed();
	int widths[] = { 20, 40, 60, 80 };
	size_t i;

	for (i = 0; i < 4; i++) {
		char *o = capture_dump(d, widths[i]), *line, *save = NULL;
		int worst = 0;

		for (line = strtok_r(o, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			int w = (int)text_width((const uint8_t *)line,
			    strlen(line));

			if (w > worst)
				worst = w;
		}
		EXPECT(worst <= widths[i]);
		EXPECT(worst >= widths[i] - 2);
		free(o);
	}
	doc_free(d);
}

/* Counts the matches of query in text; -1 for a bad query. */
static long
count(const char *text, const char *query, int regex)
{
	struct doc *d = unit_parse(text);
	struct search_query q;
	char err[128];
	long n = -1;

	if (search_query_init(&q, query, regex, err, sizeof err) == 0)
		n = (long)search_count(d, &q);
	search_query_free(&q);
	doc_free(d);
	return n;
}

/* The source text of the first match of query in text, as a new string. */
static char *
first_match(const char *text, const char *query)
{
	struct doc *d = unit_parse(text);
	struct search_index *x = search_index_new(d);
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_query q;
	char err[128], *s = NULL;
	size_t a, b;

	if (search_query_init(&q, query, 0, err, sizeof err) == 0) {
		search_run(x, &q, NULL, &r);
		if (r.n > 0) {
			search_source(x, &r.m[0], &a, &b);
			s = xstrndup(text + a, b - a);
		}
	}
	search_query_free(&q);
	search_result_free(&r);
	search_index_free(x);
	doc_free(d);
	return s;
}

TEST(search_case)
{
	EXPECT_INT(count("Straße und STRASSE und strasse.\n", "strasse", 0), 3);
	EXPECT_INT(count("Straße und STRASSE und strasse.\n", "STRASSE", 0), 1);
	/* Smart case: a capital makes the query case-sensitive. */
	EXPECT_INT(count("Jan and jan and JAN.\n", "jan", 0), 3);
	EXPECT_INT(count("Jan and jan and JAN.\n", "Jan", 0), 1);
	EXPECT_INT(count("ΣΊΣΥΦΟΣ σίσυφος\n", "σισυφος", 0), 2);
}

TEST(search_diacritics)
{
	EXPECT_INT(count("A naïve café, a naive cafe.\n", "naive", 0), 2);
	EXPECT_INT(count("A naïve café, a naive cafe.\n", "naïve", 0), 1);
	EXPECT_INT(count("José and Jose and JOSÉ.\n", "Jose", 0), 2);
	EXPECT_INT(count("José and Jose and JOSÉ.\n", "jose", 0), 3);
	EXPECT_INT(count("José and Jose and JOSÉ.\n", "José", 0), 1);
	/* Decomposed in the source: e + U+0301. */
	EXPECT_INT(count("Jose\xCC\x81 here.\n", "jose", 0), 1);
}

TEST(search_typography)
{
	const char *t = "I don’t know — it’s “fine”… really,\u00a0truly\n"
	    "spaced   out\tand\nwrapped.\n";

	EXPECT_INT(count(t, "don't", 0), 1);
	EXPECT_INT(count(t, "it's \"fine\"...", 0), 1);
	EXPECT_INT(count(t, "know - it", 0), 1);
	EXPECT_INT(count(t, "really, truly", 0), 1);
	EXPECT_INT(count(t, "spaced out and", 0), 1);
	EXPECT_INT(count(t, "...", 0), 1);
	EXPECT_INT(count(t, "-", 0), 1);
	EXPECT_INT(count(t, "   ", 0), 9);
	EXPECT_INT(count(t, "", 0), -1);
}

/* The span of a match is exactly the source text that matched, whole
 * graphemes only. */
TEST(search_spans)
{
	char *s;

	s = first_match("He said don’t go.\n", "DON'T");
	EXPECT(s == NULL);
	free(s);
	s = first_match("He said Don’t go.\n", "don't");
	EXPECT_STR(s, "Don’t");
	free(s);
	s = first_match("A cafe\xCC\x81 here.\n", "cafe");
	EXPECT_STR(s, "cafe\xCC\x81");
	free(s);
	s = first_match("Wait… what?\n", "...");
	EXPECT_STR(s, "…");
	free(s);
	/* Half of a character that folds to two is not a match. */
	EXPECT_INT(count("Straße\n", "stras", 0), 0);
	EXPECT_INT(count("Wait… what?\n", "..", 0), 0);
	s = first_match("two\n  spaces\n", "two spaces");
	EXPECT(s == NULL);	/* blocks are searched one at a time */
	free(s);
	s = first_match("Rob Wiblin: Hello\tthere, you.\n", "hello there");
	EXPECT_STR(s, "Hello\tthere");
	free(s);
}

TEST(search_labels_and_regex)
{
	EXPECT_INT(count("Rob Wiblin: Hi.\nJan Leike: Hello.\n", "leike", 0), 1);
	/* An attribution's name is searched once (its label is its text). */
	EXPECT_INT(count("Summary\nA quoted paragraph.\n- Jan Leike\n",
	    "jan leike", 0), 1);
	EXPECT_INT(count("one two three\n", "t[a-z]+", 1), 2);
	EXPECT_INT(count("one two three\n", "^one", 1), 1);
	EXPECT_INT(count("one two three\n", "^two", 1), 0);
	EXPECT_INT(count("One Two\n", "one|TWO", 1), 2);
	EXPECT_INT(count("x\n", "(", 1), -1);
}

/* Refining a query as it grows finds what a fresh search finds, also
 * where the shorter one overlapped itself or split a character. */
TEST(search_refine_exact)
{
	static const char *cases[][3] = {
		{ "xaaab\n", "aa", "aab" },
		{ "stra\xC3\x9F" "e and strasse\n", "stras", "strasse" },
		{ "wait\xE2\x80\xA6 and ...\n", "..", "..." },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct doc *d = unit_parse(cases[i][0]);
		struct search_index *x = search_index_new(d);
		struct search_result r = SEARCH_RESULT_INIT, f = SEARCH_RESULT_INIT;
		struct search_query a, b;
		char err[64];

		search_query_init(&a, cases[i][1], 0, err, sizeof err);
		search_query_init(&b, cases[i][2], 0, err, sizeof err);
		search_run(x, &a, NULL, &r);
		if (!search_refine(x, &a, &b, NULL, &r))
			search_run(x, &b, NULL, &r);
		search_run(x, &b, NULL, &f);
		EXPECT_INT(r.n, f.n);
		EXPECT(f.n > 0);
		search_query_free(&a);
		search_query_free(&b);
		search_result_free(&r);
		search_result_free(&f);
		search_index_free(x);
		doc_free(d);
	}
	/* A regular expression goes on after a match it refused. */
	EXPECT_INT(count("x \xEF\xAC\x83ii y\n", "ii", 1), 1);
	/* A query runs from a label into the text as the reader sees them:
	 * "Alice: hello", whatever markup the source has between them. */
	EXPECT_INT(count("**Alice:** hello there.\n", "Alice: hello", 0), 1);
	EXPECT_INT(count("**Alice:** hello there.\n", "alice: hello", 0), 1);
	EXPECT_INT(count("Alice Smith: hello there.\n", "smith: hello", 0), 1);
	EXPECT_INT(count("**Alice:** hello there.\n", "Alice hello", 0), 0);
}

TEST(search_refine_and_scope)
{
	struct doc *d = unit_seed();
	struct search_index *x = search_index_new(d);
	struct search_result r = SEARCH_RESULT_INIT, full = SEARCH_RESULT_INIT;
	struct search_query a, b;
	struct search_scope sc = { SEARCH_SPEAKER, -1, 1 };
	char err[64];
	size_t i;

	search_query_init(&a, "s", 0, err, sizeof err);
	search_query_init(&b, "superint", 0, err, sizeof err);
	search_run(x, &a, NULL, &r);
	EXPECT(r.n > 1000);
	EXPECT(search_refine(x, &a, &b, NULL, &r));
	search_run(x, &b, NULL, &full);
	EXPECT_INT(r.n, full.n);
	for (i = 0; i < r.n && i < full.n; i++)
		EXPECT_INT(r.m[i].fs, full.m[i].fs);
	/* Only Rob Wiblin's turns. */
	search_run(x, &b, &sc, &r);
	for (i = 0; i < r.n; i++)
		EXPECT_INT(d->blocks[search_block(x, &r.m[i])].speaker, 1);
	EXPECT(r.n < full.n);
	/* Only the section Highlights (and its subsections). */
	sc.kind = SEARCH_SECTION;
	sc.section = 1;
	search_run(x, &b, &sc, &r);
	EXPECT(r.n > 0);
	for (i = 0; i < r.n; i++)
		EXPECT(search_block(x, &r.m[i]) >= d->sections[1].heading);
	search_query_free(&a);
	search_query_free(&b);
	search_result_free(&r);
	search_result_free(&full);
	search_index_free(x);
	doc_free(d);
}

/* The block at an offset, as a walk over every block finds it. */
static size_t
block_at_walk(const struct doc *d, size_t off)
{
	size_t b = 0;

	while (b + 1 < d->nblocks && d->blocks[b + 1].start <= off)
		b++;
	return b;
}

/* Every offset of d and a few pages past its end. */
static int
block_at_all(const struct doc *d)
{
	size_t off, bad = 0;

	for (off = 0; off < d->len + 3 * DOC_PAGE; off++)
		if (doc_block_at(d, off) != block_at_walk(d, off))
			bad++;
	return bad == 0;
}

TEST(block_at_every_offset)
{
	struct buf b = { NULL, 0, 0 };
	struct doc *d;
	unsigned seed = 7;
	size_t i, k;

	d = unit_seed();
	EXPECT(d->npages > 2);
	EXPECT(block_at_all(d));
	doc_free(d);

	/* Turns of a few bytes, and others pages long, leaving pages that
	 * no block starts in. */
	buf_adds(&b, "A title\n\n");
	for (i = 0; i < 300; i++) {
		seed = seed * 1103515245 + 12345;
		buf_adds(&b, i % 2 ? "Ann Lee: " : "Bob Stone: ");
		for (k = (seed >> 16) % 7 == 0 ? 3000 : (seed >> 16) % 40; k > 0;
		    k--)
			buf_adds(&b, "word ");
		buf_adds(&b, "end.\n\n");
	}
	d = unit_parse(buf_str(&b));
	EXPECT(d->nblocks > 250);
	EXPECT(d->npages > 20);
	EXPECT(block_at_all(d));
	doc_free(d);
	buf_free(&b);

	d = unit_parse("");
	EXPECT_INT(doc_block_at(d, 0), 0);
	EXPECT_INT(doc_block_at(d, 5 * DOC_PAGE), 0);
	doc_free(d);
}
