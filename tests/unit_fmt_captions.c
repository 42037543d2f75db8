/* unit_fmt_captions.c: the WebVTT and SubRip readers and their parts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/cues.h"
#include "lectern/cuelabel.h"
#include "lectern/cuetext.h"
#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/util.h"
#include "unit.h"

/* The cleaned text of one line, as a new string. */
static char *
clean(const char *line, struct cuetext *ct)
{
	cuetext_reset(ct);
	cuetext_add_lines(ct, (const uint8_t *)line, strlen(line));
	return xstrndup(ct->text.data, ct->text.len);
}

TEST(cuetext_tags_and_entities)
{
	struct cuetext ct;
	char *s;

	memset(&ct, 0, sizeof ct);
	s = clean("<c.colorE5E5E5>Hello</c> <i>big</i> &amp; &lt;world&gt;"
	    "&nbsp;now&lrm;&#233;&#x1F600; {\\an8}ok <ruby>\xE6\xBC\xA2"
	    "<rt>kan</rt></ruby>\xE5\xAD\x97 <lang en>fine</lang>", &ct);
	EXPECT_STR(s, "Hello big & <world> now\xC3\xA9\xF0\x9F\x98\x80 ok "
	    "\xE6\xBC\xA2\xE5\xAD\x97 fine\n");
	free(s);
	/* Not tags or entities: kept as they are. */
	s = clean("a < b, I <3 you >, AT&T; &bogus; & {x}", &ct);
	EXPECT_STR(s, "a < b, I <3 you >, AT&T; &bogus; & {x}\n");
	free(s);
	/* Hostile numbers: NUL, a surrogate, past Unicode. */
	s = clean("&#0;&#xD800;&#99999999999;&#x;", &ct);
	EXPECT_STR(s, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD&#x;\n");
	free(s);
	/* White space folded and trimmed; a tag between words joins. */
	s = clean("  there's<00:00:00.210><c> no</c>\t<00:00:00.359><c>"
	    " denying</c>  ", &ct);
	EXPECT_STR(s, "there's no denying\n");
	EXPECT_INT(ct.nmarks, 2);
	EXPECT_INT(ct.marks[0].at, 7);
	EXPECT_INT(ct.marks[0].time, 210);
	EXPECT_INT(ct.marks[1].time, 359);
	free(s);
	cuetext_free(&ct);
}

TEST(cuetext_voices)
{
	struct cuetext ct;
	char *s;

	memset(&ct, 0, sizeof ct);
	s = clean("<v.loud Sam   Smith>Hi <v Bob>there</v> <v>x", &ct);
	EXPECT_STR(s, "Hi there x\n");
	EXPECT_INT(ct.nvoices, 2);
	EXPECT_INT(ct.voices[0].at, 0);
	EXPECT(ct.voices[0].nlen == 9 && memcmp(ct.names.data +
	    ct.voices[0].name, "Sam Smith", 9) == 0);
	EXPECT_INT(ct.voices[1].at, 2);
	EXPECT(ct.voices[1].nlen == 3 && memcmp(ct.names.data +
	    ct.voices[1].name, "Bob", 3) == 0);
	free(s);
	cuetext_free(&ct);
}

/* The kind of name s is, with its words and capitals. */
static int
name_kind(const char *s, int *words, int *caps)
{
	return (int)cuelabel_name((const uint8_t *)s, strlen(s), words, caps);
}

TEST(cuelabel_names)
{
	int w, c;

	EXPECT_INT(name_kind("Ashlee Kupor (SL)", &w, &c), CUELABEL_NAME);
	EXPECT_INT(w, 2);
	EXPECT_INT(name_kind("Sam\xE2\x80\x99s iPad", &w, &c), CUELABEL_NAME);
	EXPECT_INT(name_kind("MONICA", &w, &c), CUELABEL_NAME);
	EXPECT(w == 1 && c == 1);
	EXPECT_INT(name_kind("Monica", &w, &c), CUELABEL_NAME);
	EXPECT(w == 1 && c == 0);
	EXPECT_INT(name_kind("PHOEBE & JOEY", &w, &c), CUELABEL_NAME);
	EXPECT_INT(name_kind("Speaker 3", &w, &c), CUELABEL_NAME);
	EXPECT_INT(name_kind("SPEAKER_00", &w, &c), CUELABEL_NAME);
	EXPECT_INT(w, 2);
	EXPECT_INT(name_kind("Dr. Jane van Dijk", &w, &c), CUELABEL_NAME);
	EXPECT_INT(name_kind("john's phone", &w, &c), CUELABEL_LOOSE);
	EXPECT_INT(name_kind("So here's the thing", &w, &c), CUELABEL_NOT);
	EXPECT_INT(name_kind("The Answer", &w, &c), CUELABEL_NOT);
	EXPECT_INT(name_kind("Yeah. Right", &w, &c), CUELABEL_NOT);
	EXPECT_INT(name_kind("Right, so", &w, &c), CUELABEL_NOT);
	EXPECT_INT(name_kind("10", &w, &c), CUELABEL_NOT);
	EXPECT_INT(name_kind("(SL)", &w, &c), CUELABEL_NOT);
	EXPECT_INT(name_kind("A very long name that goes on and on and on "
	    "and on", &w, &c), CUELABEL_NOT);
}

/* True when s describes a sound. */
static int
sound(const char *s)
{
	return cuelabel_is_sound((const uint8_t *)s, strlen(s));
}

TEST(cuetext_sounds)
{
	const char *t = "Hi [laughs] (door slams) (which is big) "
	    "\xE2\x99\xAA la la \xE2\x99\xAA \xE2\x99\xAA on and on\n"
	    "next [open";
	size_t i;

	EXPECT(sound("laughs"));
	EXPECT(sound("SINGING"));
	EXPECT(sound("door slams"));
	EXPECT(sound("Music"));
	EXPECT(sound("CAR HORNS HONKING"));
	EXPECT(sound(" __ "));
	EXPECT(!sound("Alba"));
	EXPECT(!sound("MONICA"));
	EXPECT(!sound("Narrator"));
	/* Where each description ends. */
	i = strchr(t, '[') - t;
	EXPECT_INT(cuelabel_sound_end((const uint8_t *)t, i, strlen(t)), i + 8);
	i = strchr(t, '(') - t;
	EXPECT_INT(cuelabel_sound_end((const uint8_t *)t, i, strlen(t)),
	    i + 12);
	i = strstr(t, "(which") - t;
	EXPECT_INT(cuelabel_sound_end((const uint8_t *)t, i, strlen(t)), i);
	i = strstr(t, "\xE2\x99\xAA la") - t;
	EXPECT_INT(cuelabel_sound_end((const uint8_t *)t, i, strlen(t)),
	    i + 13);
	/* A ♪ without a second one: to the end of its line. */
	i = strstr(t, "\xE2\x99\xAA on") - t;
	EXPECT_INT(cuelabel_sound_end((const uint8_t *)t, i, strlen(t)),
	    (size_t)(strchr(t, '\n') - t));
	i = strstr(t, "[open") - t;
	EXPECT_INT(cuelabel_sound_end((const uint8_t *)t, i, strlen(t)), i);
}

/* What starts line s: "dash arrows bracket name|text". */
static char *
start(const char *s)
{
	struct cuelabel_start st;
	char *r;

	cuelabel_line_start((const uint8_t *)s, 0, strlen(s), &st);
	if (asprintf(&r, "%d %d %d %.*s|%s", st.dash, st.arrows, st.bracket,
	    (int)(st.nend - st.name), s + st.name, s + st.text) == -1)
		abort();
	return r;
}

TEST(cuelabel_line_starts)
{
	char *s;

	EXPECT_STR(s = start("- MONICA: Hi."), "1 0 0 MONICA|Hi.");
	free(s);
	EXPECT_STR(s = start("-Oh, yeah."), "1 0 0 |Oh, yeah.");
	free(s);
	EXPECT_STR(s = start(">> JOHN: yes"), "0 1 0 JOHN|yes");
	free(s);
	EXPECT_STR(s = start("&gt;&gt; no"), "0 0 0 |&gt;&gt; no");
	free(s);
	EXPECT_STR(s = start("[Alba] Hola"), "0 0 1 Alba|Hola");
	free(s);
	EXPECT_STR(s = start("[SPEAKER_01]: ok"), "0 0 1 SPEAKER_01|ok");
	free(s);
	EXPECT_STR(s = start("[laughs]"), "0 0 0 |[laughs]");
	free(s);
	EXPECT_STR(s = start("CHANDLER:"), "0 0 0 CHANDLER|");
	free(s);
	EXPECT_STR(s = start("At 10:30 we left"), "0 0 0 |At 10:30 we left");
	free(s);
	EXPECT_STR(s = start("-1 degrees"), "0 0 0 |-1 degrees");
	free(s);
}

TEST(cuetext_sentences_and_times)
{
	uint32_t ms = 0;
	size_t i = 0;

#define ENDS(s) cuelabel_ends_sentence((const uint8_t *)(s), 0, strlen(s))
	EXPECT(ENDS("Hi."));
	EXPECT(ENDS("Really?\" "));
	EXPECT(ENDS("Go! ]"));
	EXPECT(!ENDS("Then..."));
	EXPECT(!ENDS("Then\xE2\x80\xA6"));
	EXPECT(!ENDS("and so"));
	EXPECT(!ENDS(""));
	EXPECT(!ENDS("\xBB"));
	/* A letter, a digit or a comma is read at once: never an end. */
	EXPECT(!ENDS("Go on,"));
	EXPECT(!ENDS("It is 42"));
	EXPECT(ENDS("I said OK."));
	EXPECT(ENDS("done!)"));
#undef ENDS
	EXPECT(cuetext_time((const uint8_t *)"01:02:03.456", &i, 12, &ms));
	EXPECT_INT(ms, 3723456);
	EXPECT_INT(i, 12);
	i = 0;
	EXPECT(cuetext_time((const uint8_t *)"02:03,4 x", &i, 9, &ms));
	EXPECT_INT(ms, 123400);
	EXPECT_INT(i, 7);
	i = 0;
	EXPECT(!cuetext_time((const uint8_t *)"12 x", &i, 4, &ms));
	EXPECT(!cuetext_time((const uint8_t *)"00:61.000", &i, 9, &ms));
	i = 0;
	EXPECT(cuetext_time((const uint8_t *)"99999:00:00.000", &i, 15, &ms));
	EXPECT_INT(ms, UINT32_MAX - 1);
	/* Hours of one to six digits, read at once or not. */
	i = 0;
	EXPECT(cuetext_time((const uint8_t *)"123:04:05.678 -->", &i, 17, &ms));
	EXPECT_INT(ms, 443045678);
	EXPECT_INT(i, 13);
	i = 0;
	EXPECT(cuetext_time((const uint8_t *)"1:02:03.456", &i, 11, &ms));
	EXPECT_INT(ms, 3723456);
	i = 0;
	EXPECT(cuetext_time((const uint8_t *)"00:00:01.0009", &i, 13, &ms));
	EXPECT_INT(ms, 1000);
	EXPECT_INT(i, 13);
	i = 0;
	EXPECT(!cuetext_time((const uint8_t *)"00:60:00.000", &i, 12, &ms));
	EXPECT(!cuetext_time((const uint8_t *)"1234567:00:00.000", &i, 17,
	    &ms));
	/* Cut short: the time ends where the bytes do. */
	i = 0;
	EXPECT(cuetext_time((const uint8_t *)"00:00:01.000", &i, 11, &ms));
	EXPECT_INT(ms, 1000);
	EXPECT_INT(i, 11);
}

/* True when cuetext_is_plain says the lines s are readable as they are. */
static int
plain(const char *s)
{
	return cuetext_is_plain((const uint8_t *)s, strlen(s));
}

TEST(cuetext_plain_lines)
{
	struct cuetext ct;
	const char *ok[] = {
		"Hello there\n", "two lines\nof words", "isn\xE2\x80\x99t it",
		"\xE6\x9D\x8E\xE6\x98\x8E said so\n", "a \xE2\x80\x94 b\n",
		"", NULL
	};
	int i;
	char *c;

	memset(&ct, 0, sizeof ct);
	/* Plain lines are what cuetext_add_lines leaves them. */
	for (i = 0; ok[i] != NULL; i++) {
		EXPECT(plain(ok[i]));
		c = clean(ok[i], &ct);
		EXPECT_INT(strncmp(c, ok[i], strlen(ok[i])), 0);
		free(c);
	}
	EXPECT(!plain("a  b"));		/* white space to fold */
	EXPECT(!plain(" a"));
	EXPECT(!plain("a \nb"));
	EXPECT(!plain("a\tb"));
	EXPECT(!plain("a\r\n"));
	EXPECT(!plain("a\n\nb"));		/* an empty line */
	EXPECT(!plain("<i>a</i>"));
	EXPECT(!plain("a &amp; b"));
	EXPECT(!plain("{\\an8}a"));
	EXPECT(!plain("SAM: hi"));		/* a label */
	EXPECT(!plain(">> hi"));
	EXPECT(!plain("a [laughs]"));
	EXPECT(!plain("a (laughs)"));
	EXPECT(!plain("- Hi.\n- Hello."));	/* two speakers */
	EXPECT(!plain("\xE2\x80\x94 Hi."));	/* a dash that starts it */
	EXPECT(!plain("la \xE2\x99\xAA la"));	/* a note */
	cuetext_free(&ct);
}

/* WebVTT of cues whose lines are plain, or (marked) start with an empty
 * tag, which changes nothing but the way they are read. */
static char *
cues_file(int marked)
{
	static const char *const lines[] = {
		"So we started", "with the question\nof scale", "and it",
		"and it", "worked. Then", "a long pause came", "isn\xE2\x80\x99t it",
		"- Yes.\n- No.", "and after that", "more words", "came.",
		"The end"
	};
	/* Starts and lengths in ms: a 10 ms cue repeats the one before. */
	static const int at[][2] = {
		{ 0, 2000 }, { 2000, 2000 }, { 4000, 1000 }, { 5000, 10 },
		{ 5010, 2000 }, { 12000, 2000 }, { 14000, 1500 },
		{ 15500, 1500 }, { 17000, 1000 }, { 18000, 1000 },
		{ 19000, 1000 }, { 24000, 1000 }
	};
	struct buf b = { NULL, 0, 0 };
	const char *l, *nl;
	size_t k;
	char *s;

	buf_adds(&b, "WEBVTT\n\n");
	for (k = 0; k < sizeof lines / sizeof lines[0]; k++) {
		buf_printf(&b, "00:00:%02d.%03d --> 00:00:%02d.%03d\n",
		    at[k][0] / 1000, at[k][0] % 1000,
		    (at[k][0] + at[k][1]) / 1000, (at[k][0] + at[k][1]) % 1000);
		for (l = lines[k]; l != NULL; l = nl == NULL ? NULL : nl + 1) {
			nl = strchr(l, '\n');
			if (marked)
				buf_adds(&b, "<c></c>");
			buf_add(&b, l, nl == NULL ? strlen(l) : (size_t)(nl - l));
			buf_adds(&b, "\n");
		}
		buf_adds(&b, "\n");
	}
	s = xstrndup(b.data, b.len);
	buf_free(&b);
	return s;
}

TEST(captions_plain_cues_read_as_others)
{
	char *a = cues_file(0), *b = cues_file(1), *ta, *tb;
	struct doc *da = unit_parse(a), *db = unit_parse(b);
	size_t k;

	/* Plain cues are written without a copy: the same blocks, texts,
	 * times and speakers as cues that take the long way. */
	EXPECT_INT(da->nblocks, db->nblocks);
	EXPECT(da->nblocks >= 4);
	for (k = 0; k < da->nblocks && k < db->nblocks; k++) {
		EXPECT_INT(da->blocks[k].kind, db->blocks[k].kind);
		EXPECT_INT(da->blocks[k].time, db->blocks[k].time);
		EXPECT_INT(da->blocks[k].speaker, db->blocks[k].speaker);
		EXPECT_STR(ta = unit_btext(da, k), tb = unit_btext(db, k));
		free(ta);
		free(tb);
	}
	/* The 10 ms cue that repeats "and it" adds nothing. */
	EXPECT_STR(ta = unit_btext(da, 0),
	    "So we started with the question of scale and it worked. Then");
	free(ta);
	doc_free(da);
	doc_free(db);
	free(a);
	free(b);
}

/* A random line of words, spaces (one or two), markup, sounds, curly
 * quotes and dashes, long enough to be read 32 bytes at a time. */
static void
random_line(struct buf *b, unsigned *seed)
{
	static const char *const bits[] = {
		"word", "and", "the", " ", " ", " ", " ", "  ", "\t", "<i>",
		"</i>", "&amp;", "&gt;", ":", "(laughs)", "[Music]", ">>",
		"\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x94",
		"\xE2\x99\xAA", "{\\an8}", "-", ".", ",", "?",
		"\xE6\x9D\x8E", "0", "12", NULL
	};
	size_t n = 0, k;
	int i, len;

	while (bits[n] != NULL)
		n++;
	len = 1 + (int)((*seed >> 16) % 24);
	for (i = 0; i < len; i++) {
		*seed = *seed * 1103515245u + 12345u;
		/* Mostly words and single spaces, as captions are. */
		k = (*seed >> 16) % (n * 4);
		buf_adds(b, k < n ? bits[k] : k % 2 ? "words" : " ");
	}
}

TEST(captions_plain_cues_random)
{
	struct buf a = { NULL, 0, 0 }, m = { NULL, 0, 0 };
	struct doc *da, *dm;
	unsigned seed = 7;
	size_t k, cue, at;
	char *ta, *tm, *line;
	int ok = 1;

	/* Cues read straight (when plain) and the same cues read the long
	 * way (each line after an empty tag) make the same document. */
	buf_adds(&a, "WEBVTT\n\n");
	buf_adds(&m, "WEBVTT\n\n");
	for (cue = 0; cue < 2000; cue++) {
		at = cue * 1500 + (cue % 7 == 0 ? 3000 : 0);
		buf_printf(&a, "00:%02zu:%02zu.%03zu --> 00:%02zu:%02zu.%03zu\n",
		    at / 60000 % 60, at / 1000 % 60, at % 1000,
		    (at + 1400) / 60000 % 60, (at + 1400) / 1000 % 60,
		    (at + 1400) % 1000);
		buf_add(&m, a.data + a.len - 30, 30);
		for (k = 0; k < 1 + cue % 2; k++) {
			struct buf l = { NULL, 0, 0 };

			random_line(&l, &seed);
			line = xstrndup(l.data, l.len);
			buf_printf(&a, "%s\n", line);
			buf_printf(&m, "<c></c>%s\n", line);
			free(line);
			buf_free(&l);
		}
		buf_adds(&a, "\n");
		buf_adds(&m, "\n");
	}
	da = unit_parse(a.data);
	dm = unit_parse(m.data);
	EXPECT_INT(da->nblocks, dm->nblocks);
	EXPECT(da->nblocks > 50);
	for (k = 0; ok && k < da->nblocks && k < dm->nblocks; k++) {
		ta = unit_btext(da, k);
		tm = unit_btext(dm, k);
		ok = strcmp(ta, tm) == 0 && da->blocks[k].time ==
		    dm->blocks[k].time && da->blocks[k].speaker ==
		    dm->blocks[k].speaker;
		if (!ok)
			EXPECT_STR(ta, tm);
		free(ta);
		free(tm);
	}
	EXPECT(ok);
	doc_free(da);
	doc_free(dm);
	buf_free(&a);
	buf_free(&m);
}

/* The name of the format s is recognised as, with the file name. */
static const char *
sniffed(const char *s, const char *name)
{
	return format_sniff((const uint8_t *)s, strlen(s), name)->name;
}

TEST(captions_sniff)
{
	EXPECT_STR(sniffed("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", "a"),
	    "webvtt");
	/* Without its WEBVTT line, by its timings. */
	EXPECT_STR(sniffed("00:00:01.000 --> 00:00:04.000\nHi\n", "a.txt"),
	    "webvtt");
	EXPECT_STR(sniffed("intro\n00:00:01.000 --> 00:00:04.000\nHi\n", NULL),
	    "webvtt");
	/* SubRip in a .txt file, and SubRip times in a .vtt one. */
	EXPECT_STR(sniffed("1\n00:00:01,000 --> 00:00:04,000\nHi\n", "x.txt"),
	    "srt");
	EXPECT_STR(sniffed("1\n00:00:01,000 --> 00:00:04,000\nHi\n", "x.vtt"),
	    "srt");
	/* A transcript that mentions a timing once is a transcript. */
	EXPECT_STR(sniffed("Title\n\nAlice Smith: hello\n\nBob Jones: hi\n\n"
	    "Alice Smith: see\n\n00:00:01.000 --> 00:00:04.000\n\nBob Jones: "
	    "ok\n\nAlice Smith: bye\n\nBob Jones: bye\n\nAlice Smith: x\n",
	    "t.txt"), "plain");
}

TEST(captions_joined)
{
	struct doc *d = unit_parse(
	    "WEBVTT\nKind: captions\n\nNOTE a comment\nover two lines\n\n"
	    "STYLE\n::cue { color: red }\n\n"
	    "intro\n00:00:01.000 --> 00:00:03.000 align:start\n"
	    "<v Ann Lee>Hello and <i>welcome</i>\n\n"
	    "00:00:03.100 --> 00:00:05.000\nto the show.\n\n"
	    "00:00:05.000 --> 00:00:06.000\n<v Bob>Thanks [laughs]\n\n"
	    "00:00:10.000 --> 00:00:12.000\nAfter a pause.\n");
	size_t end;
	char *s;

	EXPECT_STR(doc_format_name(d), "webvtt");
	EXPECT_INT(d->nblocks, 3);
	EXPECT_INT(d->nspeakers, 2);
	EXPECT_INT(d->blocks[0].kind, DOC_TURN);
	EXPECT_STR(s = unit_blabel(d, 0), "Ann Lee");
	free(s);
	EXPECT_STR(s = unit_btext(d, 0), "Hello and welcome to the show.");
	free(s);
	EXPECT_INT(d->blocks[0].time, 1000);
	EXPECT_STR(s = unit_btext(d, 1), "Thanks [laughs]");
	free(s);
	EXPECT_INT(d->blocks[1].time, 5000);
	/* A pause of four seconds: a paragraph of the same turn. */
	EXPECT_INT(d->blocks[2].kind, DOC_PARA);
	EXPECT_INT(d->blocks[2].speaker, 1);
	EXPECT_INT(d->blocks[2].time, 10000);
	/* The sound is styled as one. */
	EXPECT_INT(d->nspans, 1);
	EXPECT_INT(doc_span_at(d, d->blocks[1].tstart + 7, &end),
	    DOC_SPAN_SOUND);
	EXPECT_INT(end, d->blocks[1].tend);
	EXPECT_INT(d->maxtime, 10000);
	doc_free(d);
}

/* A generated WebVTT file of n cues, speakers taking turns. */
static char *
generated(int n)
{
	struct buf b = { NULL, 0, 0 };
	char *s;
	int i;

	buf_adds(&b, "WEBVTT\n\n");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%d\n00:%02d:%02d.000 --> 00:%02d:%02d.500\n"
		    "%s%s part %d of it &amp; more%s\n\n", i + 1, i / 60 % 60,
		    i % 60, i / 60 % 60, i % 60,
		    i % 7 == 0 ? "<v Speaker " : "",
		    i % 7 == 0 ? (i % 2 ? "1>" : "2>") : "", i,
		    i % 5 == 4 ? "." : "");
	s = xstrndup(b.data, b.len);
	buf_free(&b);
	return s;
}

TEST(captions_incremental)
{
	char *src = generated(3000);
	struct doc *a, *b;
	size_t i, before;

	a = doc_new((const uint8_t *)src, strlen(src), "a.vtt", DOC_BORROWED);
	doc_parse_all(a);
	b = doc_new((const uint8_t *)src, strlen(src), "a.vtt", DOC_BORROWED);
	/* Read in slices, the document is the same. */
	doc_parse_some(b, 1000);
	EXPECT(!doc_complete(b));
	/* Reading up to an offset of the text reads past it. */
	before = b->len;
	doc_parse_until(b, before);
	EXPECT(doc_complete(b) || b->len > before);
	while (doc_parse_some(b, 777))
		;
	EXPECT_INT(a->len, b->len);
	EXPECT(memcmp(a->src, b->src, a->len) == 0);
	EXPECT_INT(a->nblocks, b->nblocks);
	for (i = 0; i < a->nblocks && i < b->nblocks; i++)
		EXPECT(memcmp(&a->blocks[i], &b->blocks[i],
		    sizeof a->blocks[i]) == 0);
	EXPECT_INT(a->nspeakers, 2);
	EXPECT(a->nblocks > 100 && a->nblocks < 3000);
	doc_free(a);
	doc_free(b);
	free(src);
}

/* The text of span i of d. */
static char *
span_text(const struct doc *d, size_t i)
{
	return xstrndup((const char *)d->src + d->spans[i].start,
	    d->spans[i].end - d->spans[i].start);
}

TEST(captions_sounds_styled)
{
	struct doc *d = unit_parse("1\r\n00:00:01,000 --> 00:00:02,000\r\n"
	    "[SPEAKING IN\r\nSPANISH] (sighs) Hola \xE2\x99\xAA la la "
	    "\xE2\x99\xAA (which is fine)\r\n");
	char *s;

	EXPECT_STR(doc_format_name(d), "srt");
	EXPECT_INT(d->nblocks, 1);
	EXPECT_STR(s = unit_btext(d, 0), "[SPEAKING IN SPANISH] (sighs) Hola "
	    "\xE2\x99\xAA la la \xE2\x99\xAA (which is fine)");
	free(s);
	EXPECT_INT(d->nspans, 3);
	EXPECT_STR(s = span_text(d, 0), "[SPEAKING IN SPANISH]");
	free(s);
	EXPECT_STR(s = span_text(d, 1), "(sighs)");
	free(s);
	EXPECT_STR(s = span_text(d, 2), "\xE2\x99\xAA la la \xE2\x99\xAA");
	free(s);
	EXPECT_INT(d->spans[0].kinds, DOC_SPAN_SOUND);
	doc_free(d);
}

TEST(captions_late_label)
{
	struct buf b = { NULL, 0, 0 };
	struct doc *d;
	int i;

	/* Past the sample the reader learns from, a one-word name counts
	 * once it labels a second cue. */
	for (i = 0; i < 2000; i++)
		buf_printf(&b, "%d\n00:%02d:%02d,000 --> 00:%02d:%02d,500\n"
		    "Nothing much is said in cue %d.\n\n", i + 1, i / 60 % 60,
		    i % 60, i / 60 % 60, i % 60, i);
	buf_adds(&b, "3000\n01:00:00,000 --> 01:00:01,000\nAlba: Hola.\n\n"
	    "3001\n01:00:02,000 --> 01:00:03,000\nYes.\n\n"
	    "3002\n01:00:04,000 --> 01:00:05,000\nAlba: Adios.\n");
	d = unit_parse(b.data);
	EXPECT(b.len > 2 * 64 * 1024);
	EXPECT_INT(d->nspeakers, 1);
	EXPECT(d->nspeakers == 1 && strcmp(d->speakers[0].name, "Alba") == 0);
	doc_free(d);
	buf_free(&b);
}

TEST(captions_label_alone_in_a_cue)
{
	struct doc *d = unit_parse(
	    "1\n00:00:01,000 --> 00:00:02,000\nIt rained.\n\n"
	    "2\n00:00:02,100 --> 00:00:03,000\nHi.\n\n"
	    "3\n00:00:03,100 --> 00:00:04,000\nROSS:\n\n"
	    "4\n00:00:04,100 --> 00:00:05,000\nI brought the tapes.\n\n"
	    "5\n00:00:05,100 --> 00:00:06,000\nOh.\n");
	char *s;

	EXPECT_INT(d->nspeakers, 1);
	EXPECT_INT(d->nblocks, 3);
	EXPECT_INT(d->blocks[1].kind, DOC_TURN);
	EXPECT_STR(s = unit_btext(d, 1), "I brought the tapes.");
	free(s);
	EXPECT_INT(d->blocks[1].time, 4100);
	/* His sentence ended: the next cue is someone else's. */
	EXPECT_INT(d->blocks[2].speaker, -1);
	doc_free(d);
}
