/* ui_list.c: the overlay lists of highlights, of marks and of speakers. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/notes.h"
#include "lectern/text.h"
#include "lectern/ui_list.h"
#include "lectern/ui_style.h"
#include "lectern/util.h"
#include "lectern/view.h"

#define LIST_MAX_W	90
#define EVERYONE	SIZE_MAX
#define NAME_COLS	28	/* a speaker's name in the list */
#define NOTE_SIGN	"\xE2\x9C\x8E "	/* before a highlight's note */
#define WHERE_MIN_COLS	60	/* narrower, a noted highlight's entry has
				   no section or speaker */

static const struct ui_pane_ops list_ops, notes_ops;

/* The reader's marks that are set, in the order of their letters;
 * reads the document as far as they go. */
static size_t
fill_marks(struct ui *ui, struct ui_list *l)
{
	const struct notes *n = ui->file->notes;
	size_t i, far = 0;

	l->entries = xreallocarray(NULL, NOTES_NMARKS, sizeof *l->entries);
	l->n = 0;
	for (i = 0; i < NOTES_NMARKS; i++)
		if (n->marks[i].off != 0) {
			l->entries[l->n++] = i;
			if (n->marks[i].off > far)
				far = n->marks[i].off;
		}
	if (l->n > 0)
		ui_read_until(ui, far);
	return l->n;
}

/* Makes the entries of a list of highlights or marks, anew; returns
 * how many. */
static size_t
fill(struct ui *ui, struct ui_list *l)
{
	free(l->entries);
	l->entries = NULL;
	if (l->kind == UI_LIST_HIGHLIGHTS)
		return l->n = ui_highlights(ui, &l->entries);
	return fill_marks(ui, l);
}

/* Makes the entries of the list anew after a change, keeping the
 * selection where it was (or on the last); closes the list when it is
 * empty. */
static void
refill(struct ui *ui, struct ui_list *l)
{
	fill(ui, l);
	if (l->n == 0) {
		if (ui->overlay == &l->pane)
			ui->overlay = NULL;
		return;
	}
	if (l->lp.sel >= (int)l->n)
		l->lp.sel = (int)l->n - 1;
	if (l->lp.first > l->lp.sel)
		l->lp.first = l->lp.sel;
}

void
ui_list_open(struct ui *ui, struct ui_list *l, enum ui_list_kind kind)
{
	struct doc *d = ui->file->doc;
	size_t i;

	l->kind = kind;
	l->lp.sel = l->lp.first = 0;
	free(l->entries);
	l->entries = NULL;
	l->pane.ops = kind == UI_LIST_SPEAKERS ? &list_ops : &notes_ops;
	if (kind == UI_LIST_HIGHLIGHTS) {
		if (fill(ui, l) == 0) {
			ui_message(ui, "No highlights yet: * highlights a "
			    "paragraph");
			return;
		}
		ui->overlay = &l->pane;
		return;
	}
	if (kind == UI_LIST_MARKS) {
		if (fill(ui, l) == 0) {
			ui_message(ui, "No marks yet: m and a letter marks "
			    "the place");
			return;
		}
		ui->overlay = &l->pane;
		return;
	}
	if (d->nspeakers == 0) {
		ui_message(ui, "This document has no speakers");
		return;
	}
	ui_read_until(ui, d->len);
	doc_count_speaker_words(d);
	l->n = d->nspeakers + 1;
	l->entries = xreallocarray(NULL, l->n, sizeof *l->entries);
	l->entries[0] = EVERYONE;
	for (i = 0; i < d->nspeakers; i++)
		l->entries[i + 1] = i;
	if (ui->file->view->filter >= 0)
		l->lp.sel = ui->file->view->filter + 1;
	ui->overlay = &l->pane;
}

/* Rows for entries inside the box. */
static int
inner(const struct ui *ui)
{
	int h = ui->geom.rows - 4;

	return h > 1 ? h : 1;
}

static void
choose(struct ui *ui, struct ui_list *l)
{
	const struct doc *d = ui->file->doc;
	size_t v = l->entries[l->lp.sel];

	ui->overlay = NULL;
	if (l->kind == UI_LIST_HIGHLIGHTS) {
		ui_goto_block(ui, v);
		ui_cursor_set(ui, v);
		ui_message(ui, "highlight %d/%zu", l->lp.sel + 1, l->n);
	} else if (l->kind == UI_LIST_MARKS) {
		ui_goto_offset(ui, ui->file->notes->marks[v].off - 1);
		ui_message(ui, "Mark %c", notes_mark_letter(v));
	} else if (v == EVERYONE) {
		view_set_filter(ui->file->view, -1);
		ui_message(ui, "Every speaker");
	} else {
		view_set_filter(ui->file->view, (int)v);
		ui_message(ui, "Only %s (S: every speaker)", d->speakers[v].name);
	}
}

/* The list a prompt belongs to. */
static struct ui_list *
owner(struct ui_prompt *p)
{
	return (struct ui_list *)(void *)((char *)p -
	    offsetof(struct ui_list, prompt));
}

/* d: deletes the selected mark, or highlight of the reader's own. */
static void
delete_one(struct ui *ui, struct ui_list *l)
{
	struct ui_file *f = ui->file;
	size_t v = l->entries[l->lp.sel];

	if (l->kind == UI_LIST_MARKS) {
		if (notes_delete_mark(f->notes, (int)v))
			ui_message(ui, "Mark %c deleted", notes_mark_letter(v));
		else
			ui_message(ui, "Mark %c is not set", notes_mark_letter(v));
	} else if (notes_find(f->notes, v) < 0) {
		ui_message(ui, "The document's own highlight: only yours are "
		    "deleted");
		return;
	} else {
		notes_toggle(f->notes, f->doc, v);
		ui_message(ui, "Highlight deleted");
	}
	ui_notes_saved(ui);
	refill(ui, l);
}

/* y to the question: clears the reader's highlights. */
static void
clear_done(struct ui *ui, struct ui_prompt *p, const char *text)
{
	struct ui_file *f = ui->file;
	size_t k = notes_clear(f->notes, f->doc);

	(void)text;
	ui_message(ui, "%zu highlight%s cleared", k, k == 1 ? "" : "s");
	ui_notes_saved(ui);
	refill(ui, owner(p));
}

/* D: asks before clearing all the reader's highlights. */
static void
ask_clear(struct ui *ui, struct ui_list *l)
{
	size_t k = ui->file->notes->hl.n;
	char *q;

	if (k == 0) {
		ui_message(ui, "None of these highlights is yours: the "
		    "document's own stay");
		return;
	}
	q = k == 1 ? xstrdup("Clear your one highlight? (y/n)") :
	    xasprintf("Clear all %zu of your highlights? (y/n)", k);
	ui_prompt_ask(ui, &l->prompt, q, "Nothing cleared", clear_done);
	free(q);
}

/* Enter in the note's bar: keeps the note on the selected highlight. */
static void
note_done(struct ui *ui, struct ui_prompt *p, const char *text)
{
	struct ui_list *l = owner(p);
	struct ui_file *f = ui->file;

	if (notes_set_note(f->notes, l->entries[l->lp.sel], text) == -1)
		return;
	ui_message(ui, *text != '\0' ? "Note kept" : "Note removed");
	ui_notes_saved(ui);
	refill(ui, l);
}

/* a: the bar to type a note on the selected highlight in. */
static void
open_note(struct ui *ui, struct ui_list *l)
{
	struct notes *n = ui->file->notes;
	long i = notes_find(n, l->entries[l->lp.sel]);

	if (i < 0) {
		ui_message(ui, "The document's own highlight: notes go on "
		    "yours (* highlights a paragraph)");
		return;
	}
	ui_prompt_edit(ui, &l->prompt, "Note: ", n->hl.v[i].note,
	    NOTES_NOTE_BYTES, note_done);
}

static int
list_key(struct ui *ui, struct ui_pane *p, int key, enum keymap_action a,
    long count)
{
	struct ui_list *l = (struct ui_list *)p;

	(void)key;
	switch (a) {
	case KEYMAP_SELECT:
		choose(ui, l);
		return 1;
	case KEYMAP_LIST_DELETE:
		delete_one(ui, l);
		return 1;
	case KEYMAP_LIST_CLEAR:
	case KEYMAP_LIST_NOTE:
		if (l->kind != UI_LIST_HIGHLIGHTS)
			ui_message(ui, "That is for the list of highlights (H)");
		else if (a == KEYMAP_LIST_CLEAR)
			ask_clear(ui, l);
		else
			open_note(ui, l);
		return 1;
	default:
		break;
	}
	return ui_list_move(&l->lp, a, count, (int)l->n, inner(ui));
}

/* Appends what of n bytes of text can show in cols columns (and a
 * character more, so that a cut shows). */
static void
add_fit(struct buf *b, const void *s, size_t n, int cols)
{
	buf_add(b, s, text_fit(s, n, cols + 1, NULL));
}

/* Appends a name in exactly cols columns: cut, or padded with spaces. */
static void
add_padded(struct buf *b, const char *name, int cols)
{
	int w = text_add_cut(b, name, strlen(name), cols);

	for (; w < cols; w++)
		buf_addc(b, ' ');
}

/* Appends "Section · Speaker: " for block v, each cut to cols. */
static void
add_where(struct buf *b, const struct doc *d, size_t v, int cols)
{
	const struct doc_block *blk = &d->blocks[v];
	const uint8_t *t;
	size_t n;

	if (blk->section >= 0) {
		t = doc_section_title(d, (size_t)blk->section, &n);
		text_add_cut(b, t, n, cols);
		buf_adds(b, " \xC2\xB7 ");
	}
	if (blk->speaker >= 0) {
		const char *name = d->speakers[blk->speaker].name;

		text_add_cut(b, name, strlen(name), cols);
		buf_adds(b, ": ");
	}
}

/* A highlight's entry: its place, its text and the reader's note. With
 * a note, the place and the text are cut short for it to show (narrow,
 * the place is left out). */
static void
add_highlight(struct ui *ui, size_t v, struct buf *b, int cols)
{
	const struct doc *d = ui->file->doc;
	const struct doc_block *blk = &d->blocks[v];
	const struct notes *n = ui->file->notes;
	long i = notes_find(n, v);
	const char *note = i >= 0 ? n->hl.v[i].note : NULL;
	int room;

	if (blk->kind == DOC_HEADING) {
		buf_adds(b, "\xC2\xA7 ");
		add_fit(b, d->src + blk->tstart, blk->tend - blk->tstart, cols);
		if (note != NULL) {
			buf_adds(b, "  " NOTE_SIGN);
			add_fit(b, note, strlen(note), cols);
		}
		return;
	}
	buf_adds(b, "\xE2\x98\x85 ");
	if (note == NULL) {
		add_where(b, d, v, cols);
		add_fit(b, d->src + blk->tstart, blk->tend - blk->tstart, cols);
		return;
	}
	/* Where it is, where there is room for it beside the note. */
	if (cols >= WHERE_MIN_COLS)
		add_where(b, d, v, cols / 6);
	/* The text takes what the note leaves, a quarter at least. */
	room = cols - (int)text_width((const uint8_t *)buf_str(b), b->len) -
	    4 - (int)text_width((const uint8_t *)note, strlen(note));
	text_add_cut(b, d->src + blk->tstart, blk->tend - blk->tstart,
	    room > cols / 4 ? room : cols / 4);
	buf_adds(b, "  " NOTE_SIGN);
	add_fit(b, note, strlen(note), cols);
}

/* A mark's entry: its letter, how far through the document it is, and
 * the start of its paragraph. */
static void
add_mark(struct ui *ui, size_t v, struct buf *b, int cols)
{
	const struct doc *d = ui->file->doc;
	size_t off = ui->file->notes->marks[v].off - 1, k;
	const struct doc_block *blk;

	buf_printf(b, "%c %3zu%%  ", notes_mark_letter(v), d->len > 0 ?
	    (off >= d->len ? 100 : off * 100 / d->len) : 0);
	if (d->nblocks == 0)
		return;
	k = doc_block_at(d, off);
	blk = &d->blocks[k];
	if (blk->kind == DOC_HEADING)
		buf_adds(b, "\xC2\xA7 ");
	else
		add_where(b, d, k, cols / 3 > 8 ? cols / 3 : 8);
	add_fit(b, d->src + blk->tstart, blk->tend - blk->tstart, cols);
}

/* Writes the text of entry i into b, as much as cols columns show. */
static void
entry(struct ui *ui, struct ui_list *l, int i, struct buf *b, int cols)
{
	const struct doc *d = ui->file->doc;
	size_t v = l->entries[i];

	if (l->kind == UI_LIST_HIGHLIGHTS) {
		add_highlight(ui, v, b, cols);
		return;
	}
	if (l->kind == UI_LIST_MARKS) {
		add_mark(ui, v, b, cols);
		return;
	}
	if (v == EVERYONE) {
		buf_adds(b, "Everyone");
		return;
	}
	add_padded(b, d->speakers[v].name, NAME_COLS);
	buf_printf(b, " %5zu turns %7zu words", d->speakers[v].turns,
	    d->speakers[v].words);
}

static void
list_draw(struct ui *ui, struct ui_pane *p)
{
	static const char *const titles[] = {
		" Highlights \xE2\x80\x94 Enter jumps ",
		" Speakers \xE2\x80\x94 Enter reads only their turns ",
		" Marks \xE2\x80\x94 Enter goes there "
	};
	static const char *const keys[] = {
		" d deletes \xC2\xB7 D clears \xC2\xB7 a notes ", NULL,
		" d deletes "
	};
	struct ui_list *l = (struct ui_list *)p;
	int w, h, x0, y0, row;

	if (!ui_draw_overlay(ui, LIST_MAX_W, (int)l->n, titles[l->kind], &y0,
	    &x0, &h, &w))
		return;
	for (row = 1; row < h - 1; row++) {
		struct buf b = { NULL, 0, 0 };
		int i = l->lp.first + row - 1;
		unsigned long attr = A_NORMAL;

		if (i >= (int)l->n)
			break;
		if (i == l->lp.sel) {
			attr = ui_element(UI_E_TOC_SEL);
			ui_draw_fill(y0 + row, x0 + 1, x0 + w - 1, attr);
		}
		entry(ui, l, i, &b, w - 4);
		ui_draw_cut(y0 + row, x0 + 2, x0 + w - 2, buf_str(&b), b.len,
		    attr);
		buf_free(&b);
	}
	if (keys[l->kind] != NULL)
		ui_draw_box_note(y0, x0, h, w, keys[l->kind]);
}

static const struct ui_pane_ops list_ops = {
	"list", KEYMAP_LIST, KEYMAP_IN_LIST, list_draw, list_key, NULL, NULL,
	NULL
};

/* The lists of the reader's notes: d, D and a are theirs. */
static const struct ui_pane_ops notes_ops = {
	"notes-list", KEYMAP_NOTES, KEYMAP_IN_LIST | KEYMAP_IN_NOTES,
	list_draw, list_key, NULL, NULL, NULL
};

void
ui_list_init(struct ui_list *l)
{
	memset(l, 0, sizeof *l);
	l->pane.ops = &list_ops;
	ui_prompt_init(&l->prompt);
}

void
ui_list_free(struct ui_list *l)
{
	free(l->entries);
	l->entries = NULL;
	l->n = 0;
	ui_prompt_free(&l->prompt);
}
