/* unit_view.c: unit tests of the view: scrolling, places that outlive a
 * layout, resizes, the speaker filter and the position figure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/text.h"
#include "lectern/util.h"
#include "lectern/view.h"
#include "unit.h"

/* A transcript with a title, two sections, three speakers and long
 * paragraphs that wrap at small widths. */
static const char talk[] =
    "A Talk About Things\n"
    "\n"
    "First part\n"
    "\n"
    "Ana Lima: One two three four five six seven eight nine ten eleven "
    "twelve thirteen fourteen fifteen sixteen seventeen eighteen.\n"
    "\n"
    "Bo Chen: Alpha beta gamma delta epsilon zeta eta theta iota kappa "
    "lambda mu nu xi omicron pi rho sigma tau upsilon.\n"
    "\n"
    "Second part\n"
    "\n"
    "Ana Lima: Red orange yellow green blue indigo violet black white "
    "grey pink brown gold silver bronze.\n"
    "\n"
    "Cy Diaz: Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July.\n"
    "\n"
    "Bo Chen: Last words of the talk, said slowly and with care.\n";

/* The text of the line at the top, as a new string. */
static char *
top_text(struct view *v)
{
	const struct layout_line *l = view_line(v, v->top);

	if (l == NULL || l->kind != LAYOUT_TEXT)
		return xstrdup(l == NULL ? "(none)" : l->kind == LAYOUT_BLANK ?
		    "(blank)" : "(rule)");
	return xstrndup((const char *)v->doc->src + l->start,
	    l->end - l->start);
}

/* The block at which a text starts. */
static size_t
block_of(const struct doc *d, const char *s)
{
	const char *p = strstr((const char *)d->src, s);

	return doc_block_at(d, p != NULL ? (size_t)(p - (const char *)d->src) :
	    0);
}

TEST(view_top_and_scroll)
{
	struct doc *d = unit_parse(talk);
	struct view *v = view_new(d, 30, 5);
	long moved;

	EXPECT(view_at_top(v));
	EXPECT(!view_at_end(v));
	EXPECT_INT(view_top_block(v), 0);
	EXPECT_INT(view_scroll(v, -1), 0);
	EXPECT_INT(view_scroll(v, 3), 3);
	EXPECT(!view_at_top(v));
	/* Down as far as it goes: the pane stays full. */
	moved = view_scroll(v, 100000);
	EXPECT(moved > 0);
	EXPECT(view_at_end(v));
	EXPECT_INT(view_scroll(v, 1), 0);
	{
		struct view_pos p = v->top;
		int rows = 1;

		while (view_next(v, &p))
			rows++;
		EXPECT_INT(rows, 5);
	}
	view_to_top(v);
	EXPECT(view_at_top(v));
	view_free(v);
	doc_free(d);
}

/* The lines from the top to the end of the document. */
static int
lines_below(struct view *v)
{
	struct view_pos p = v->top;
	int n = 1;

	while (view_next(v, &p))
		n++;
	return n;
}

/* At every line, for panes of one line up: at the end exactly when the
 * pane's lines reach the last, and a place near the end shown with the
 * pane full (what is below the top is counted, not assumed). */
TEST(view_end_at_every_line)
{
	struct doc *d = unit_parse(talk);
	int rows, total;

	for (rows = 1; rows <= 7; rows++) {
		struct view *v = view_new(d, 30, rows);

		total = lines_below(v);
		EXPECT(total > rows);
		do {
			EXPECT_INT(view_at_end(v), lines_below(v) <= rows);
		} while (view_scroll(v, 1) == 1);
		EXPECT_INT(lines_below(v), rows);
		view_to_top(v);
		view_show_offset(v, d->len - 1);
		EXPECT_INT(lines_below(v), rows);
		EXPECT(view_at_end(v));
		view_show_offset(v, 0);
		EXPECT(!view_at_end(v));
		view_free(v);
	}
	doc_free(d);
}

TEST(view_show_offset_and_block)
{
	struct doc *d = unit_parse(talk);
	struct view *v = view_new(d, 30, 4);
	const char *p = strstr(talk, "Red orange");
	char *t;

	view_show_block(v, block_of(d, "Second part"));
	t = top_text(v);
	EXPECT_STR(t, "Second part");
	free(t);
	/* An offset in the middle of a paragraph: the line holding it. */
	view_show_offset(v, (size_t)(p - talk) + strlen("Red orange yel"));
	t = top_text(v);
	EXPECT(strstr(t, "yellow") != NULL);
	free(t);
	view_free(v);
	doc_free(d);
}

TEST(view_place_outlives_layout)
{
	struct doc *d = unit_parse(talk);
	struct view *v = view_new(d, 40, 6);
	struct view_place pl;
	char *before, *after;

	/* A line in the middle of a paragraph, laid out again narrower and
	 * back: the same text comes back to the top. */
	view_show_offset(v, (size_t)(strstr(talk, "lambda") - talk));
	before = top_text(v);
	pl = view_place(v);
	EXPECT_INT(pl.kind, LAYOUT_TEXT);
	view_resize(v, 17, 3);
	after = top_text(v);
	EXPECT(strstr(talk, after) != NULL);
	EXPECT((size_t)(strstr(talk, after) - talk) <= pl.off);
	free(after);
	view_resize(v, 40, 6);
	after = top_text(v);
	EXPECT_STR(after, before);
	free(after);
	free(before);
	/* A place kept across a move and restored: the same line. */
	view_to_top(v);
	view_restore(v, pl);
	EXPECT(view_place_eq(view_place(v), pl));
	view_free(v);
	doc_free(d);
}

TEST(view_place_blank_line)
{
	struct doc *d = unit_parse(talk);
	struct view *v = view_new(d, 30, 4);
	struct view_place pl;
	char *t;

	/* The blank line before a turn: kept as a blank line, not as the
	 * text after it. */
	view_show_block(v, block_of(d, "Bo Chen: Alpha"));
	view_scroll(v, -1);
	t = top_text(v);
	EXPECT_STR(t, "(blank)");
	free(t);
	pl = view_place(v);
	EXPECT_INT(pl.kind, LAYOUT_BLANK);
	view_to_top(v);
	view_resize(v, 20, 4);
	view_restore(v, pl);
	t = top_text(v);
	EXPECT_STR(t, "(blank)");
	free(t);
	EXPECT_INT(view_top_block(v), block_of(d, "Bo Chen: Alpha"));
	view_free(v);
	doc_free(d);
}

TEST(view_top_offset_takes_the_label)
{
	struct doc *d = unit_parse("Alice Smith: hi there. Alice again.\n");
	struct view *v = view_new(d, 40, 3);

	/* The first line starts with the label: the top offset is the
	 * label's, so that a match in it counts as on screen. */
	EXPECT_INT(view_top_offset(v), 0);
	view_free(v);
	doc_free(d);
}

TEST(view_resizes_do_not_drift)
{
	struct doc *d = unit_seed();
	struct view *v = view_new(d, 72, 29);
	char *before, *after;
	int i, w[] = { 20, 50, 33, 7, 61, 72 };

	view_scroll(v, 123);
	before = top_text(v);
	for (i = 0; i < 6; i++)
		view_resize(v, w[i], 5 + i);
	view_resize(v, 72, 29);
	after = top_text(v);
	EXPECT_STR(after, before);
	free(before);
	free(after);
	view_free(v);
	doc_free(d);
}

TEST(view_filter)
{
	struct doc *d = unit_parse(talk);
	struct view *v = view_new(d, 30, 4);
	size_t b, ana = 0;
	int seen_other = 0;
	struct view_pos p;

	for (b = 0; b < d->nspeakers; b++)
		if (strcmp(d->speakers[b].name, "Ana Lima") == 0)
			ana = b;
	view_set_filter(v, (int)ana);
	EXPECT(!view_visible(v, block_of(d, "Bo Chen: Alpha")));
	EXPECT(view_visible(v, block_of(d, "Ana Lima: Red")));
	EXPECT(view_visible(v, block_of(d, "Second part")));
	view_to_top(v);
	p = v->top;
	do {
		const struct layout_line *l = view_line(v, p);

		if (d->blocks[l->block].speaker >= 0 &&
		    d->blocks[l->block].speaker != (int)ana)
			seen_other = 1;
	} while (view_next(v, &p));
	EXPECT(!seen_other);
	view_set_filter(v, -1);
	EXPECT(view_visible(v, block_of(d, "Bo Chen: Alpha")));
	view_free(v);
	doc_free(d);
}

/* Line by line from the top, the position figure only grows, and reads
 * 100 only once the last line is on screen. */
TEST(view_percent_grows)
{
	struct doc *d = unit_seed();
	struct view *v = view_new(d, 60, 20);
	int last = -1, pc, backwards = 0, early = 0;
	size_t bottom = 0;

	for (;;) {
		pc = view_percent(v);
		if (pc < last)
			backwards++;
		if (view_bottom_offset(v) < bottom)
			backwards++;
		if (pc == 100 && !view_at_end(v))
			early++;
		last = pc;
		bottom = view_bottom_offset(v);
		if (view_scroll(v, 1) == 0)
			break;
	}
	EXPECT_INT(backwards, 0);
	EXPECT_INT(early, 0);
	EXPECT_INT(last, 100);
	view_free(v);
	doc_free(d);
}

/* A place restored at another width is kept by the next resizes: back at
 * the first width, the same line is at the top (a search, a resize, Esc,
 * a resize). */
TEST(view_restore_outlives_resizes)
{
	struct doc *d = unit_seed();
	struct view *v = view_new(d, 71, 29);
	struct view_place p;
	char *before, *after;

	view_show_block(v, d->turns[1].first);
	view_scroll(v, 3);
	p = view_place(v);
	before = top_text(v);
	view_show_offset(v, d->len / 2);
	view_resize(v, 47, 14);
	view_restore(v, p);
	view_resize(v, 71, 29);
	after = top_text(v);
	EXPECT_STR(after, before);
	free(before);
	free(after);
	view_free(v);
	doc_free(d);
}
