/* unit_speech.c: unit tests of the speaker-label recognizer (speech.c)
 * and the time shapes of the lexicon. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/lexicon.h"
#include "lectern/speech.h"
#include "lectern/util.h"
#include "unit.h"

#define NT	DOC_NO_TIME

/* One line and what it reads as. */
struct speech_case {
	const char	*line;
	unsigned	 in;		/* flags given */
	enum speech_kind kind;
	const char	*name;
	const char	*text;
	uint32_t	 time;
	unsigned	 flags;		/* flags expected among those found */
};

static const struct speech_case cases[] = {
	/* Plain labels */
	{ "Name Surname: Hello there.", 0, SPEECH_TURN, "Name Surname",
	    "Hello there.", NT, 0 },
	{ "ROB WIBLIN: Loud names too.", 0, SPEECH_TURN, "ROB WIBLIN",
	    "Loud names too.", NT, 0 },
	{ "Jan Leike:", 0, SPEECH_LABEL, "Jan Leike", "", NT, 0 },
	{ "Adrià Garriga-Alonso: Sí.", 0, SPEECH_TURN,
	    "Adrià Garriga-Alonso", "Sí.", NT, 0 },
	/* Otter: a label line with the time, the text below */
	{ "Emma  0:00", 0, SPEECH_LABEL, "Emma", "", 2 * 0, 0 },
	{ "Kelly  0:34", 0, SPEECH_LABEL, "Kelly", "", 34000, 0 },
	{ "Unknown Speaker  55:21", 0, SPEECH_LABEL, "Unknown Speaker", "",
	    (55 * 60 + 21) * 1000, 0 },
	{ "**Emma**  1:02:03", 0, SPEECH_LABEL, "Emma", "",
	    3723000, SPEECH_BOLD },
	/* Dwarkesh: Name hh:mm:ss */
	{ "Dwarkesh Patel 00:00:35", 0, SPEECH_LABEL, "Dwarkesh Patel", "",
	    35000, 0 },
	/* Rev: Name (hh:mm:ss): and (hh:mm:ss): going on */
	{ "Lenny Rachitsky (00:00:08):", 0, SPEECH_LABEL, "Lenny Rachitsky",
	    "", 8000, 0 },
	{ "Speaker 1 (00:00:05):", 0, SPEECH_LABEL, "Speaker 1", "", 5000,
	    SPEECH_ID },
	{ "Paul Christiano (01:02:03): With a stamp.", 0, SPEECH_TURN,
	    "Paul Christiano", "With a stamp.", 3723000, 0 },
	{ "(00:02:03):", 0, SPEECH_MORE, "", "", 123000, 0 },
	{ "(00:02:03): And more.", 0, SPEECH_MORE, "", "And more.", 123000,
	    0 },
	/* Whisper, WhisperX: one segment a line */
	{ "[00:01:02] Lex Fridman: and so on", 0, SPEECH_TURN, "Lex Fridman",
	    "and so on", 62000, SPEECH_LEAD },
	{ "[00:00:01] SPEAKER_00: Codex is", 0, SPEECH_TURN, "SPEAKER_00",
	    "Codex is", 1000, SPEECH_LEAD | SPEECH_ID },
	{ "[00:01:04] Well, the fundamental tension", 0, SPEECH_NONE, "",
	    "Well, the fundamental tension", 64000, SPEECH_LEAD },
	{ "[00:00:06] 我接触到的，呃，像美国", 0, SPEECH_NONE, "",
	    "我接触到的，呃，像美国", 6000, SPEECH_LEAD },
	{ "[27:43]", 0, SPEECH_NONE, "", "", 27 * 60000 + 43000, 0 },
	/* Lex Fridman's pages: Name (hh:mm:ss) */
	{ "Lex Fridman (00:01:02)", 0, SPEECH_LABEL, "Lex Fridman", "",
	    62000, 0 },
	{ "**Lex Fridman (00:01:02)**", 0, SPEECH_LABEL, "Lex Fridman", "",
	    62000, SPEECH_BOLD },
	/* Name: 00:12:34 */
	{ "NVK: 00:01:30", 0, SPEECH_LABEL, "NVK", "", 90000, 0 },
	{ "NVK: 00:02:06Matt Odell", 0, SPEECH_TURN, "NVK", "Matt Odell",
	    126000, 0 },
	{ "Ann Lee: 10:30 is when we met.", 0, SPEECH_TURN, "Ann Lee",
	    "10:30 is when we met.", NT, 0 },
	/* Markdown, with the ** still there */
	{ "**Daniel Filan:** Hello.", 0, SPEECH_TURN, "Daniel Filan",
	    "Hello.", NT, SPEECH_BOLD },
	{ "**Daniel Filan:**", 0, SPEECH_LABEL, "Daniel Filan", "", NT,
	    SPEECH_BOLD },
	{ "**Daniel Filan**: Hi.", 0, SPEECH_TURN, "Daniel Filan", "Hi.",
	    NT, SPEECH_BOLD },
	{ "**Daniel Filan** [12:34]", 0, SPEECH_LABEL, "Daniel Filan", "",
	    754000, SPEECH_BOLD },
	{ "**Daniel Filan:** 00:12:34", 0, SPEECH_LABEL, "Daniel Filan", "",
	    754000, SPEECH_BOLD },
	{ "**Daniel Filan** (12:34):", 0, SPEECH_LABEL, "Daniel Filan", "",
	    754000, SPEECH_BOLD },
	{ "**Adrià Garriga-Alonso** (00:30): Thanks.", 0, SPEECH_TURN,
	    "Adrià Garriga-Alonso", "Thanks.", 30000, SPEECH_BOLD },
	/* ... and with the ** taken off by the reader */
	{ "Daniel Filan (00:09):", SPEECH_BOLD, SPEECH_LABEL, "Daniel Filan",
	    "", 9000, SPEECH_BOLD },
	{ "Break: [55:30]", SPEECH_BOLD, SPEECH_NONE, "", "Break", 3330000,
	    0 },
	{ "**Break**: \\[55:30\\]", 0, SPEECH_CREDIT, "Break",
	    "\\[55:30\\]", NT, SPEECH_VALUE | SPEECH_BOLD },
	/* Credits and fields */
	{ "Producer and editor: Keiran Harris", 0, SPEECH_CREDIT,
	    "Producer and editor", "Keiran Harris", NT, SPEECH_NAMES },
	{ "Transcriptions: Katy Moore", 0, SPEECH_TURN, "Transcriptions",
	    "Katy Moore", NT, SPEECH_NAMES | SPEECH_ROLE },
	{ "**Podcast:** Lex Fridman", 0, SPEECH_CREDIT, "Podcast",
	    "Lex Fridman", NT, SPEECH_NAMES | SPEECH_BOLD },
	{ "**Video ID:** Qp0rCU49lMs", 0, SPEECH_CREDIT, "Video ID",
	    "Qp0rCU49lMs", NT, SPEECH_VALUE | SPEECH_BOLD },
	{ "Date: 2025-11-30", 0, SPEECH_CREDIT, "Date", "2025-11-30", NT,
	    SPEECH_VALUE },
	{ "Video URL: https://example.org/watch?v=1", SPEECH_BOLD,
	    SPEECH_CREDIT, "Video URL", "https://example.org/watch?v=1", NT,
	    SPEECH_VALUE },
	{ "**Host:** 2025-11-30", 0, SPEECH_TURN, "Host", "2025-11-30", NT,
	    SPEECH_VALUE },
	/* Broadcasters and parliaments: a role after a comma, where the
	 * member sits or what the speech is in brackets */
	{ "AILSA CHANG, HOST: Today, the news.", 0, SPEECH_TURN,
	    "AILSA CHANG", "Today, the news.", NT, 0 },
	{ "DREW HAWKINS, BYLINE:", 0, SPEECH_LABEL, "DREW HAWKINS", "", NT,
	    0 },
	{ "JACK (INTRO): These are true stories.", 0, SPEECH_TURN, "JACK",
	    "These are true stories.", NT, 0 },
	{ "Mr Dunne (Lower Fenwick): I beg to move.", 0, SPEECH_TURN,
	    "Mr Dunne", "I beg to move.", NT, 0 },
	{ "Ms Hale (Westmoor) (00:01:02): Briefly.", 0, SPEECH_TURN,
	    "Ms Hale", "Briefly.", 62000, 0 },
	{ "**Mr Dunne (Lower Fenwick):** I beg to move.", 0, SPEECH_TURN,
	    "Mr Dunne", "I beg to move.", NT, SPEECH_BOLD },
	{ "The Minister for Health (Ms Carr): We will.", 0, SPEECH_TURN,
	    "Ms Carr", "We will.", NT, 0 },
	{ "The Minister for Health (Ms Carr) and more", 0, SPEECH_NONE, "",
	    "The Minister for Health (Ms Carr) and more", NT, 0 },
	/* On a web page, the text may follow the colon at once */
	{ "AILSA CHANG, HOST:Today, the news.", SPEECH_RUNON, SPEECH_TURN,
	    "AILSA CHANG", "Today, the news.", NT, 0 },
	{ "AILSA CHANG, HOST:Today, the news.", 0, SPEECH_NONE, "",
	    "AILSA CHANG, HOST:Today, the news.", NT, 0 },
	{ "Meeting time:12:30", SPEECH_RUNON, SPEECH_NONE, "",
	    "Meeting time:12:30", NT, 0 },
	/* Not labels */
	{ "Ann Lee (laughing) and more", 0, SPEECH_NONE, "",
	    "Ann Lee (laughing) and more", NT, 0 },
	{ "Ann, Bob and Carl, friends: hello", 0, SPEECH_NONE, "",
	    "Ann, Bob and Carl, friends: hello", NT, 0 },
	{ "Note: this is not a speaker.", 0, SPEECH_NONE, "",
	    "Note: this is not a speaker.", NT, 0 },
	{ "The answer is: yes", 0, SPEECH_NONE, "", "The answer is: yes", NT,
	    0 },
	{ "See https://example.org: it is", 0, SPEECH_NONE, "",
	    "See https://example.org: it is", NT, 0 },
	{ "We met at 12:30 today", 0, SPEECH_NONE, "", "We met at 12:30 today",
	    NT, 0 },
	{ "Meeting time:12:30", 0, SPEECH_NONE, "", "Meeting time:12:30", NT,
	    0 },
	{ "[laughs] Sure.", 0, SPEECH_NONE, "", "[laughs] Sure.", NT, 0 },
	{ "**Bold start** of a sentence.", 0, SPEECH_NONE, "",
	    "**Bold start** of a sentence.", NT, 0 },
	{ "Rob's intro [00:00:00]", 0, SPEECH_NONE, "", "Rob's intro", 0, 0 },
	{ "", 0, SPEECH_NONE, "", "", NT, 0 },
	{ "**", 0, SPEECH_NONE, "", "**", NT, 0 },
	{ "****: x", 0, SPEECH_NONE, "", "****: x", NT, 0 },
	{ "[00:00:01]", 0, SPEECH_NONE, "", "", 1000, 0 },
};

static char *
range(const char *s, size_t a, size_t b)
{
	return xstrndup(s + a, b - a);
}

TEST(speech_shapes)
{
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct speech_case *c = &cases[i];
		const uint8_t *u = (const uint8_t *)c->line;
		struct speech sp;
		enum speech_kind k;
		char *name, *text;

		k = speech_read(u, 0, strlen(c->line), c->in, &sp);
		name = range(c->line, sp.ns, sp.ne);
		text = range(c->line, sp.ts, sp.te);
		if (k != c->kind || sp.kind != k || strcmp(name, c->name) != 0 ||
		    strcmp(text, c->text) != 0 || sp.time != c->time ||
		    (sp.flags & c->flags) != c->flags)
			UNIT_FAIL("[%s]: kind %d name [%s] text [%s] time %u "
			    "flags %#x; expected %d [%s] [%s] %u %#x", c->line,
			    (int)k, name, text, (unsigned)sp.time, sp.flags,
			    (int)c->kind, c->name, c->text, (unsigned)c->time,
			    c->flags);
		free(name);
		free(text);
	}
}

/* A label inside a longer text: the ranges are offsets into it. */
TEST(speech_offsets)
{
	const char *t = "xx\nJan Leike (00:01:02): Yes.\nyy";
	struct speech sp;

	EXPECT_INT(speech_read((const uint8_t *)t, 3, 29, 0, &sp), SPEECH_TURN);
	EXPECT_INT(sp.ns, 3);
	EXPECT_INT(sp.ne, 12);
	EXPECT_INT(sp.ts, 25);
	EXPECT_INT(sp.te, 29);
	EXPECT_INT(sp.time, 62000);
	EXPECT_INT(sp.words, 2);
}

TEST(speech_ids)
{
	const char *yes[] = { "SPEAKER_00", "Speaker 2", "speaker-12", "spk1",
	    "Spkr 3" };
	const char *no[] = { "Speaker", "SPEAKER_", "Speaker 1234",
	    "Speakers 1", "Speaker 1a" };
	size_t i;

	for (i = 0; i < 5; i++) {
		EXPECT(speech_is_id((const uint8_t *)yes[i], 0, strlen(yes[i])));
		EXPECT(!speech_is_id((const uint8_t *)no[i], 0, strlen(no[i])));
	}
}

TEST(lex_times)
{
	static const struct {
		const char *s;
		int ok;
		uint32_t ms;
	} t[] = {
		{ "0:03", 1, 3000 }, { "00:00:35", 1, 35000 },
		{ "1:02:03", 1, 3723000 }, { "83:10", 1, 4990000 },
		{ "[12:34]", 1, 754000 }, { "(00:01:02)", 1, 62000 },
		{ "00:03:18.16", 1, 198160 }, { "00:00:01,500", 1, 1500 },
		{ "1:2", 0, 0 }, { "12:345", 0, 0 }, { "1:60", 0, 0 },
		{ "1:61:00", 0, 0 }, { "(12:34]", 0, 0 }, { "1:02:03:04", 0, 0 },
		{ "12:34.", 0, 0 }, { ":12", 0, 0 }, { "", 0, 0 },
		{ "1234:56", 0, 0 },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		uint32_t ms = 0;
		int ok = lex_time((const uint8_t *)t[i].s, 0, strlen(t[i].s),
		    &ms);

		if (ok != t[i].ok || (ok && ms != t[i].ms))
			UNIT_FAIL("[%s]: %d %u", t[i].s, ok, (unsigned)ms);
	}
}

TEST(lex_chapters)
{
	const char *a = "(00:01:02) - What do we want?";
	const char *b = "00:10 – Intro";
	const char *c = "Rob's intro [00:00:00]";
	size_t ts, te;
	uint32_t ms;

	EXPECT(lex_chapter((const uint8_t *)a, 0, strlen(a), &ts, &ms));
	EXPECT_INT(ts, 13);
	EXPECT_INT(ms, 62000);
	EXPECT(lex_chapter((const uint8_t *)b, 0, strlen(b), &ts, &ms));
	EXPECT_STR(b + ts, "Intro");
	EXPECT_INT(ms, 10000);
	EXPECT(!lex_chapter((const uint8_t *)c, 0, strlen(c), &ts, &ms));
	EXPECT(lex_end_stamp((const uint8_t *)c, 0, strlen(c), &te, &ms));
	EXPECT_INT(te, 11);
	EXPECT_INT(ms, 0);
}

TEST(lex_heading_shapes)
{
	static const struct {
		const char *s;
		int strict, loose;
	} t[] = {
		{ "Prosaic AI", 1, 1 },
		{ "How worried should we be? And what should we be worried about?",
		    1, 1 },
		{ "Is this a heading? No it is not", 0, 0 },
		{ "So you mean the reason it works better once everyone has … once they have-",
		    0, 0 },
		{ "If you had not gone into research…", 0, 1 },
		{ "Why Jan thinks that alignment research can be automated, and what that means for the team",
		    0, 1 },
		{ "A plain sentence.", 0, 0 },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		const uint8_t *u = (const uint8_t *)t[i].s;

		if (lex_headlike(u, 0, strlen(t[i].s)) != t[i].strict ||
		    lex_headlike_loose(u, 0, strlen(t[i].s)) != t[i].loose)
			UNIT_FAIL("[%s]", t[i].s);
	}
	EXPECT(lex_cta((const uint8_t *)"Listen on Spotify", 0, 17));
	EXPECT(lex_cta((const uint8_t *)"Read the transcript", 0, 19));
	EXPECT(!lex_cta((const uint8_t *)"Reading list", 0, 12));
	EXPECT(lex_section_word((const uint8_t *)"Highlights", 0, 10));
	EXPECT(!lex_section_word((const uint8_t *)"Highlights of 2023", 0, 18));
	EXPECT(lex_listhead((const uint8_t *)
	    "Articles, books, and other media discussed in the show", 0, 54));
	EXPECT(!lex_listhead((const uint8_t *)"Backup plans", 0, 12));
	EXPECT(lex_ends_sentence((const uint8_t *)"He said “yes.”", 0,
	    strlen("He said “yes.”")));
	EXPECT(lex_ends_sentence((const uint8_t *)"好。", 0, 6));
	EXPECT(!lex_ends_sentence((const uint8_t *)"and so", 0, 6));
}
