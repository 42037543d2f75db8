/* ui_notes.c: the paragraph cursor, highlights, marks, place, copying
 * (OSC 52) and the speaker filter. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/layout.h"
#include "lectern/notes.h"
#include "lectern/text.h"
#include "lectern/ui.h"
#include "lectern/view.h"

#define OSC52_MAX	100000	/* bytes of base64 terminals take at least */

/* Says when the state is busy (the change is kept for the next save),
 * and once that the notes cannot be saved. */
static void
saved(struct ui *ui, int rc)
{
	struct notes *n = ui->notes;
	char *done;

	if (rc == 0)
		return;
	if (n->busy) {
		done = xstrdup(ui->msg != NULL ? ui->msg : "Changed");
		ui_message(ui, "%s; not saved yet: another lectern holds the "
		    "state (saved at the next chance)", done);
		free(done);
		return;
	}
	if (ui->saved_problem)
		return;
	ui->saved_problem = 1;
	ui_message(ui, "Cannot save highlights and place: %s (going on "
	    "without saving)", n->error != NULL ? n->error : strerror(errno));
}

void
ui_notes_open(struct ui *ui)
{
	struct notes *n;
	size_t b;

	ui->notes = n = notes_open(ui->doc, ui->opt.path);
	ui->ndoc_hl = notes_doc_highlights(ui->doc, &ui->doc_hl);
	if (n->problem != NULL)
		ui_message(ui, "Note: %s", n->problem);
	if (n->refused)
		ui->saved_problem = 1;	/* that was the one message */
	if (n->have_place && !ui->opt.top && ui->doc->nblocks > 0) {
		ui_read_until(ui, n->place > n->cursor ? n->place : n->cursor);
		view_show_offset(ui->view, n->place);
		b = doc_block_at(ui->doc, n->cursor);
		ui->cursor = b;
	}
	ui_cursor_follow(ui);
}

void
ui_notes_close(struct ui *ui)
{
	struct notes *n = ui->notes;

	if (n == NULL)
		return;
	if (ui->doc->nblocks > 0) {
		n->place = view_top_offset(ui->view);
		n->cursor = ui->doc->blocks[ui->cursor].start;
		n->have_place = 1;
		if (notes_save(n, ui->doc) == -1 && n->busy)
			fputs("lectern: highlights, marks and place not saved: "
			    "another lectern held the state\n", stderr);
	}
	notes_free(n);
	ui->notes = NULL;
	free(ui->doc_hl);
	free(ui->list_blocks);
}

void
ui_jump(struct ui *ui)
{
	ui->jump_from = view_top_offset(ui->view);
	ui->have_jump = 1;
}

/* The first and last blocks with a line of text on screen; 0 when none. */
static int
on_screen(struct ui *ui, size_t *first, size_t *last)
{
	struct view_pos p = ui->view->top;
	int row, any = 0;

	for (row = 0; row < ui->rows; row++) {
		const struct layout_line *l = view_line(ui->view, p);

		if (l != NULL && l->kind == LAYOUT_TEXT) {
			if (!any)
				*first = l->block;
			*last = l->block;
			any = 1;
		}
		if (!view_next(ui->view, &p))
			break;
	}
	return any;
}

void
ui_cursor_follow(struct ui *ui)
{
	size_t first, last;

	if (ui->doc->nblocks == 0 || !on_screen(ui, &first, &last))
		return;
	if (ui->cursor < first || ui->cursor > last ||
	    !view_visible(ui->view, ui->cursor))
		ui->cursor = first;
}

/* Finds the rows of block b's text on screen (-1 when none); returns 1
 * when b goes on below the screen. */
static int
block_rows(struct ui *ui, size_t b, int *top, int *bottom)
{
	struct view_pos p = ui->view->top;
	const struct layout_line *l;
	int row;

	*top = *bottom = -1;
	for (row = 0; row < ui->rows; row++) {
		l = view_line(ui->view, p);
		if (l->block == b && l->kind == LAYOUT_TEXT) {
			if (*top < 0)
				*top = row;
			*bottom = row;
		}
		if (!view_next(ui->view, &p))
			return 0;
	}
	l = view_line(ui->view, p);
	return l->block == b;
}

/* Moves the cursor to the next (dir 1) or previous shown block, scrolling
 * as little as needed to show it. */
static void
cursor_move(struct ui *ui, int dir)
{
	size_t b = ui->cursor, first, last;
	int guard, top, bottom, more;

	do {
		if ((dir < 0 && b == 0) || (dir > 0 &&
		    b + 1 >= ui->doc->nblocks)) {
			ui_message(ui, dir > 0 ? "No next paragraph" :
			    "No previous paragraph");
			return;
		}
		b = dir > 0 ? b + 1 : b - 1;
	} while (!view_visible(ui->view, b));
	ui->cursor = b;
	if (!on_screen(ui, &first, &last) || b < first) {
		view_show_block(ui->view, b);
		return;
	}
	for (guard = 0; guard < 100000; guard++) {
		more = block_rows(ui, b, &top, &bottom);
		if (top == 0 || (top > 0 && !more))
			break;
		if (view_scroll(ui->view, 1) == 0)
			break;
	}
}

void
ui_cursor_click(struct ui *ui, int row)
{
	struct view_pos p = ui->view->top;
	const struct layout_line *l;
	int r;

	for (r = 0; r < row; r++)
		if (!view_next(ui->view, &p))
			return;
	l = view_line(ui->view, p);
	if (l != NULL)
		ui->cursor = l->block;
}

void
ui_notes_margin(struct ui *ui, int row, size_t b)
{
	if (ui->margin < 2)
		return;
	if (b == ui->cursor)
		ui_draw_text(row, ui->reader_x, ui->reader_x + 1,
		    "\xE2\x96\x8C", 3, ui_element(UI_E_CURSOR));
	if (ui->notes != NULL && notes_find(ui->notes, b) >= 0)
		ui_draw_text(row, ui->reader_x + 1, ui->reader_x + 2,
		    "\xE2\x94\x83", 3, ui_element(UI_E_HIGHLIGHT));
}

/* The highlights of both kinds as blocks, in document order. Caller
 * frees. */
size_t
ui_highlights(struct ui *ui, size_t **out)
{
	struct notes *n = ui->notes;
	size_t *v, i = 0, j = 0, k = 0;

	v = xreallocarray(NULL, ui->ndoc_hl + n->hl.n + 1, sizeof *v);
	while (i < ui->ndoc_hl || j < n->hl.n) {
		size_t a = i < ui->ndoc_hl ?
		    ui->doc->sections[ui->doc_hl[i]].heading : SIZE_MAX;
		size_t c = j < n->hl.n ? n->hl.v[j].block : SIZE_MAX;

		if (c != SIZE_MAX && c >= ui->doc->nblocks) {
			j++;	/* never: they are checked when read */
			continue;
		}

		if (a <= c) {
			v[k++] = a;
			i++;
			if (a == c)
				j++;
		} else {
			v[k++] = c;
			j++;
		}
	}
	*out = v;
	return k;
}

static void
jump_highlight(struct ui *ui, int dir)
{
	size_t *v, n, i, top = view_top_block(ui->view);
	long k = -1;

	if (dir > 0)
		ui_read_until(ui, ui->doc->len);
	n = ui_highlights(ui, &v);
	if (n == 0) {
		ui_message(ui, "No highlights yet: * highlights a paragraph");
		free(v);
		return;
	}
	if (dir > 0) {
		for (i = 0; i < n; i++)
			if (v[i] > top) {
				k = (long)i;
				break;
			}
	} else {
		for (i = n; i > 0; i--)
			if (v[i - 1] < top) {
				k = (long)i - 1;
				break;
			}
	}
	if (k < 0) {
		ui_message(ui, dir > 0 ? "No next highlight" :
		    "No previous highlight");
		free(v);
		return;
	}
	ui_jump(ui);
	view_show_block(ui->view, v[k]);
	ui->cursor = v[k];
	ui_message(ui, "highlight %ld/%zu", k + 1, n);
	free(v);
}

static void
toggle(struct ui *ui)
{
	int on;

	if (ui->doc->nblocks == 0)
		return;
	on = notes_toggle(ui->notes, ui->doc, ui->cursor);
	ui_message(ui, on ? "Highlighted" : "Highlight removed");
	saved(ui, notes_save(ui->notes, ui->doc));
}

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Appends the base64 of n bytes. */
static void
base64(struct buf *out, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 |
		    p[i + 2];

		buf_addc(out, b64[v >> 18 & 63]);
		buf_addc(out, b64[v >> 12 & 63]);
		buf_addc(out, b64[v >> 6 & 63]);
		buf_addc(out, b64[v & 63]);
	}
	if (i < n) {
		uint32_t v = (uint32_t)p[i] << 16 |
		    (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0);

		buf_addc(out, b64[v >> 18 & 63]);
		buf_addc(out, b64[v >> 12 & 63]);
		buf_addc(out, i + 1 < n ? b64[v >> 6 & 63] : '=');
		buf_addc(out, '=');
	}
}

/* Appends source text with its white space folded to single spaces. */
static void
flat(struct buf *b, const struct doc *d, size_t s, size_t e)
{
	struct text_glyph g;
	int space = 0;

	while (s < e) {
		s += text_glyph(d->src + s, e - s, &g);
		if (g.kind == TEXT_SPACE) {
			space = 1;
			continue;
		}
		if (space && b->len > 0)
			buf_addc(b, ' ');
		space = 0;
		buf_add(b, g.show, g.nshow);
	}
}

static void
copy(struct ui *ui)
{
	const struct doc *d = ui->doc;
	const struct doc_block *blk;
	struct buf text = { NULL, 0, 0 }, seq = { NULL, 0, 0 };
	ssize_t w;

	if (d->nblocks == 0)
		return;
	if (!ui->opt.osc52) {
		ui_message(ui, "Copying is off (--no-osc52)");
		return;
	}
	blk = &d->blocks[ui->cursor];
	flat(&text, d, blk->tstart, blk->tend);
	buf_adds(&text, "\n\xE2\x80\x94 ");
	if (blk->speaker >= 0) {
		buf_adds(&text, d->speakers[blk->speaker].name);
		if (d->meta.title.end > d->meta.title.start)
			buf_adds(&text, ", ");
	}
	if (d->meta.title.end > d->meta.title.start)
		flat(&text, d, d->meta.title.start, d->meta.title.end);
	buf_adds(&seq, "\033]52;c;");
	base64(&seq, (const uint8_t *)buf_str(&text), text.len);
	buf_adds(&seq, "\a");
	if (seq.len > OSC52_MAX) {
		ui_message(ui, "Too long to copy through the terminal");
	} else {
		w = write(STDOUT_FILENO, seq.data, seq.len);
		if (w == (ssize_t)seq.len)
			ui_message(ui, "Copied %zu bytes%s%s", text.len,
			    blk->speaker >= 0 ? " from " : "",
			    blk->speaker >= 0 ?
			    d->speakers[blk->speaker].name : "");
		else
			ui_message(ui, "Could not copy: %s", strerror(errno));
	}
	buf_free(&text);
	buf_free(&seq);
}

void
ui_notes_pending(struct ui *ui, int key)
{
	int kind = ui->pending, i;
	struct notes *n = ui->notes;
	size_t here;

	ui->pending = 0;
	if (kind == '\'' && key == '\'') {
		if (!ui->have_jump) {
			ui_message(ui, "No jump to go back from");
			return;
		}
		here = view_top_offset(ui->view);
		ui_goto_offset(ui, ui->jump_from);
		ui->jump_from = here;
		return;
	}
	i = key >= 'a' && key <= 'z' ? key - 'a' : key >= 'A' && key <= 'Z' ?
	    26 + key - 'A' : -1;
	if (i < 0) {
		ui_message(ui, "A mark is a letter");
		return;
	}
	if (kind == 'm') {
		notes_set_mark(n, i, view_top_offset(ui->view));
		ui_message(ui, "Mark %c set", key);
		n->place = view_top_offset(ui->view);
		n->cursor = ui->doc->nblocks > 0 ?
		    ui->doc->blocks[ui->cursor].start : 0;
		n->have_place = 1;
		saved(ui, notes_save(n, ui->doc));
		return;
	}
	if (n->marks[i].off == 0) {
		ui_message(ui, "Mark %c is not set", key);
		return;
	}
	ui_jump(ui);
	ui_goto_offset(ui, n->marks[i].off - 1);
}

int
ui_notes_act(struct ui *ui, int action)
{
	switch (action) {
	case KEYMAP_CURSOR_DOWN:
		cursor_move(ui, 1);
		return 1;
	case KEYMAP_CURSOR_UP:
		cursor_move(ui, -1);
		return 1;
	case KEYMAP_TOGGLE_HL:
		toggle(ui);
		return 1;
	case KEYMAP_NEXT_HL:
		jump_highlight(ui, 1);
		return 1;
	case KEYMAP_PREV_HL:
		jump_highlight(ui, -1);
		return 1;
	case KEYMAP_LIST_HL:
		ui_list_open(ui, UI_LIST_HIGHLIGHTS);
		return 1;
	case KEYMAP_SET_MARK:
		ui->pending = 'm';
		ui_message(ui, "m: a letter marks this place");
		return 1;
	case KEYMAP_GOTO_MARK:
		ui->pending = '\'';
		ui_message(ui, "': a letter, or ' for before the last jump");
		return 1;
	case KEYMAP_COPY:
		copy(ui);
		return 1;
	case KEYMAP_SPEAKERS:
		if (ui->doc->nspeakers == 0)
			ui_message(ui, "This document has no speakers");
		else
			ui_list_open(ui, UI_LIST_SPEAKERS);
		return 1;
	case KEYMAP_ALL_SPEAKERS:
		if (ui->view->filter >= 0) {
			view_set_filter(ui->view, -1);
			ui_message(ui, "Every speaker again");
		}
		return 1;
	}
	return 0;
}
