/* ui_open.c: where a file opens: a match, a line, a time, a section. */
#include <string.h>

#include "lectern/contents.h"
#include "lectern/doc.h"
#include "lectern/library.h"
#include "lectern/search.h"
#include "lectern/ui_find.h"
#include "lectern/ui_open.h"
#include "lectern/util.h"
#include "lectern/view.h"

/* Searches from the top of the view for text; quiet: the view stays.
 * Returns 0, or -1 after saying why the query is bad. */
static int
search_from_here(struct ui *ui, const char *text, int regex, int quiet)
{
	struct ui_find *f = ui->file->find;
	struct search_scope all = { SEARCH_ALL, -1, -1 };
	char err[256];

	ui_find_begin(ui, f);
	if (ui_find_query(ui, f, text, regex, &all, quiet ? UI_FIND_QUIET : 0,
	    err, sizeof err) == -1) {
		ui_message(ui, "Bad search '%s': %s", text, err);
		return -1;
	}
	return 0;
}

/* The block of the first section (or episode of an archive) whose title
 * has text, reading on as far as needed; -1 when none has. */
static long
find_section(struct ui *ui, const char *text)
{
	struct doc *d = ui->file->doc;
	struct buf want = { NULL, 0, 0 }, title = { NULL, 0, 0 };
	struct contents_row row;
	size_t i = 0, n;
	long found = -1;
	int episodes;

	library_fold(&want, text, strlen(text));
	for (;;) {
		for (; i < contents_rows(d) && found < 0; i++) {
			const uint8_t *t;

			contents_row(d, i, &row);
			t = contents_title(d, &row, &n);
			buf_reset(&title);
			library_fold(&title, (const char *)t, n);
			if (strstr(buf_str(&title), buf_str(&want)) != NULL)
				found = (long)row.block;
		}
		episodes = d->nepisodes > 0;
		if (found >= 0 || !ui_read_more(ui))
			break;
		/* A second episode puts the first one's row at the top. */
		if (episodes != (d->nepisodes > 0))
			i = 0;
	}
	buf_free(&want);
	buf_free(&title);
	return found;
}

/* Goes to the block playing at ms, reading on until it is read. */
static void
goto_time(struct ui *ui, long ms)
{
	struct doc *d = ui->file->doc;
	char buf[32];
	uint32_t last;
	size_t b;

	for (;;) {
		last = doc_time_at(d, d->nblocks);
		if ((last != DOC_NO_TIME && last > (uint32_t)ms) ||
		    !ui_read_more(ui))
			break;
	}
	b = doc_block_at_time(d, (uint32_t)ms);
	if (b >= d->nblocks) {
		ui_message(ui, "This document has no times");
		return;
	}
	ui_goto_block(ui, b);
	ui_cursor_set(ui, b);
	if (d->maxtime != DOC_NO_TIME && (uint32_t)ms > d->maxtime)
		ui_message(ui, "The last time in this document is %s",
		    doc_format_time(d->maxtime, 0, buf, sizeof buf));
}

int
ui_open_place(struct ui *ui)
{
	const struct ui_options *o = &ui->opt;
	long s;

	if (o->search != NULL) {
		view_to_top(ui->file->view);
		search_from_here(ui, o->search, o->regex, 0);
	} else if (o->line != 0) {
		if (o->line < 0)
			ui_goto_end(ui);
		else
			ui_goto_line(ui, o->line);
	} else if (o->at_ms >= 0) {
		goto_time(ui, o->at_ms);
	} else if (o->section != NULL) {
		if ((s = find_section(ui, o->section)) < 0)
			ui_message(ui, "No section has '%s'", o->section);
		else
			ui_goto_block(ui, (size_t)s);
	} else
		return 0;
	return 1;
}

void
ui_open_match(struct ui *ui, const char *text, int regex, size_t off)
{
	struct ui_find *f = ui->file->find;
	size_t i, a, b;

	ui_goto_offset(ui, off);
	if (search_from_here(ui, text, regex, 0) == -1 || f->res.n == 0)
		return;
	/* The match at off, where it is found already. */
	i = search_first_after(f->index, &f->res, off);
	if (i < f->res.n) {
		search_source(f->index, &f->res.m[i], &a, &b);
		if (a == off) {
			f->cur = i;
			ui_cursor_set(ui, search_block(f->index, &f->res.m[i]));
		}
	}
}

void
ui_open_search(struct ui *ui, const char *text, int regex)
{
	search_from_here(ui, text, regex, 1);
}
