/* unit_times.c: unit tests of the times of a document: the time at a
 * block, the block at a time, how times are written, and a layout that
 * shows them or not. */
#include <stdlib.h>
#include <string.h>

#include "lectern/cite.h"
#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/util.h"
#include "lectern/view.h"
#include "unit.h"

/* Three turns, the second with a paragraph of its own after a pause. */
static const char cues[] =
    "WEBVTT\n\n"
    "00:00:05.000 --> 00:00:08.000\n<v Ann Lee>First words.\n\n"
    "00:01:00.000 --> 00:01:04.000\n<v Bob Stone>An answer that goes on "
    "for a while, over several lines of text.\n\n"
    "00:02:00.000 --> 00:02:04.000\n<v Bob Stone>After a pause.\n\n"
    "00:03:00.000 --> 00:03:04.000\n<v Ann Lee>Last words.\n";

TEST(times_time_at_block)
{
	struct doc *d = unit_parse(cues);

	EXPECT_INT(d->nblocks, 4);
	EXPECT_INT(doc_time_at(d, 0), 5000);
	EXPECT_INT(doc_time_at(d, 1), 60000);
	EXPECT_INT(doc_time_at(d, 2), 120000);
	EXPECT_INT(doc_time_at(d, 3), 180000);
	EXPECT_INT(doc_time_at(d, 99), 180000);
	doc_free(d);
}

TEST(times_time_at_untimed_block)
{
	/* A heading with a time; the turns after it have none. */
	struct doc *d = unit_parse("A title line\n\n(00:10:00) - Intro\n\n"
	    "Ann Lee: Hello there.\n\nBob Stone: Hi.\n");

	EXPECT_INT(d->nblocks, 4);
	EXPECT_INT(doc_time_at(d, 0), DOC_NO_TIME);
	EXPECT_INT(doc_time_at(d, 1), 600000);
	EXPECT_INT(doc_time_at(d, 3), 600000);
	doc_free(d);
}

TEST(times_block_at_time)
{
	struct doc *d = unit_parse(cues);

	EXPECT_INT(doc_block_at_time(d, 0), 0);
	EXPECT_INT(doc_block_at_time(d, 5000), 0);
	EXPECT_INT(doc_block_at_time(d, 59999), 0);
	EXPECT_INT(doc_block_at_time(d, 60000), 1);
	EXPECT_INT(doc_block_at_time(d, 150000), 2);
	EXPECT_INT(doc_block_at_time(d, 9999999), 3);
	doc_free(d);
}

TEST(times_untimed_document)
{
	struct doc *d = unit_parse("Ann Lee: Hello.\n\nBob Stone: Hi.\n");
	struct buf b = { NULL, 0, 0 };

	EXPECT_INT(d->maxtime, DOC_NO_TIME);
	EXPECT_INT(doc_time_at(d, 1), DOC_NO_TIME);
	EXPECT_INT(doc_block_at_time(d, 1000), d->nblocks);
	EXPECT_INT(cite_time(&b, d, doc_time_at(d, 1)), 0);
	EXPECT_INT(b.len, 0);
	doc_free(d);
}

TEST(times_cite_time)
{
	struct doc *d = unit_parse(cues);
	struct buf b = { NULL, 0, 0 };

	/* Shorter than an hour: mm:ss. */
	EXPECT_INT(doc_time_hours(d), 0);
	EXPECT_INT(cite_time(&b, d, 65000), 1);
	EXPECT_STR(buf_str(&b), "[01:05]");
	/* After other words, a space first. */
	EXPECT_INT(cite_time(&b, d, 3723000), 1);
	EXPECT_STR(buf_str(&b), "[01:05] [1:02:03]");
	/* An hour or more: hh:mm:ss, every time. */
	d->maxtime = 3600000;
	EXPECT_INT(doc_time_hours(d), 1);
	buf_reset(&b);
	cite_time(&b, d, 65000);
	EXPECT_STR(buf_str(&b), "[00:01:05]");
	buf_free(&b);
	doc_free(d);
}

TEST(times_view_flags_keep_place)
{
	struct doc *d = unit_parse(cues);
	struct view *v = view_new(d, 30, 3);
	const struct layout_line *l;
	size_t off;

	view_set_flags(v, LAYOUT_F_TIMES);
	/* "[01:00] Bob Stone: " leaves too little room beside it at 30
	 * columns: the label stays, the time goes. At 32 it shows. */
	view_show_block(v, 1);
	EXPECT_INT(view_line(v, v->top)->time, 0);
	view_resize(v, 32, 3);
	view_show_block(v, 1);
	l = view_line(v, v->top);
	EXPECT_INT(l->block, 1);
	EXPECT_INT(l->time, 1);
	/* A line down, then without times: the text that was at the top
	 * is on the top line still. */
	view_scroll(v, 1);
	off = view_line(v, v->top)->start;
	view_set_flags(v, 0);
	l = view_line(v, v->top);
	EXPECT_INT(view_top_block(v), 1);
	EXPECT(l->start <= off && off < l->end);
	EXPECT_INT(layout_cache_flags(v->lc), 0);
	/* And back. */
	view_set_flags(v, LAYOUT_F_TIMES);
	l = view_line(v, v->top);
	EXPECT(l->start <= off && off < l->end);
	view_free(v);
	doc_free(d);
}

TEST(times_latest_as_read)
{
	struct buf s = { NULL, 0, 0 };
	struct doc *d;
	unsigned i;

	/* Two hours of cues, a cue every two seconds: the latest time grows
	 * as the document is read, and becomes an hour on the way. */
	buf_adds(&s, "WEBVTT\n\n");
	for (i = 0; i < 3600; i++)
		buf_printf(&s, "%02u:%02u:%02u.000 --> %02u:%02u:%02u.500\n"
		    "<v %s>Words number %u.\n\n", i * 2 / 3600, i * 2 / 60 % 60,
		    i * 2 % 60, i * 2 / 3600, i * 2 / 60 % 60, i * 2 % 60,
		    i % 2 ? "Ann Lee" : "Bob Stone", i);
	d = doc_new((const uint8_t *)buf_str(&s), s.len, "test.vtt",
	    DOC_BORROWED);
	doc_parse_some(d, 16384);
	EXPECT(!doc_complete(d));
	EXPECT(d->maxtime != DOC_NO_TIME);
	EXPECT(d->maxtime < 3600000);
	EXPECT_INT(doc_time_hours(d), 0);
	doc_parse_all(d);
	EXPECT_INT(d->maxtime, 7198000);
	EXPECT_INT(doc_time_hours(d), 1);
	doc_free(d);
	buf_free(&s);
}
