/* ui_list.c: the overlay lists of highlights and of speakers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/text.h"
#include "lectern/ui_list.h"
#include "lectern/ui_style.h"
#include "lectern/util.h"
#include "lectern/view.h"

#define LIST_MAX_W	90
#define EVERYONE	SIZE_MAX
#define NAME_COLS	28	/* a speaker's name in the list */

void
ui_list_open(struct ui *ui, struct ui_list *l, enum ui_list_kind kind)
{
	struct doc *d = ui->file->doc;
	size_t i;

	l->kind = kind;
	l->lp.sel = l->lp.first = 0;
	free(l->entries);
	l->entries = NULL;
	if (kind == UI_LIST_HIGHLIGHTS) {
		l->n = ui_highlights(ui, &l->entries);
		if (l->n == 0) {
			ui_message(ui, "No highlights yet: * highlights a "
			    "paragraph");
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
	} else if (v == EVERYONE) {
		view_set_filter(ui->file->view, -1);
		ui_message(ui, "Every speaker");
	} else {
		view_set_filter(ui->file->view, (int)v);
		ui_message(ui, "Only %s (S: every speaker)", d->speakers[v].name);
	}
}

static int
list_key(struct ui *ui, struct ui_pane *p, int key, enum keymap_action a,
    long count)
{
	struct ui_list *l = (struct ui_list *)p;

	(void)key;
	if (a == KEYMAP_SELECT) {
		choose(ui, l);
		return 1;
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
	size_t n = strlen(name);
	int w;

	if ((int)text_width((const uint8_t *)name, n) > cols) {
		n = text_fit((const uint8_t *)name, n, cols - 1, &w);
		buf_add(b, name, n);
		buf_adds(b, "\xE2\x80\xA6");
		w++;
	} else {
		w = (int)text_width((const uint8_t *)name, n);
		buf_add(b, name, n);
	}
	for (; w < cols; w++)
		buf_addc(b, ' ');
}

/* Writes the text of entry i into b, as much as cols columns show. */
static void
entry(struct ui *ui, struct ui_list *l, int i, struct buf *b, int cols)
{
	const struct doc *d = ui->file->doc;
	const struct doc_block *blk;
	size_t v = l->entries[i], n;
	const uint8_t *t;

	if (l->kind == UI_LIST_SPEAKERS) {
		if (v == EVERYONE) {
			buf_adds(b, "Everyone");
			return;
		}
		add_padded(b, d->speakers[v].name, NAME_COLS);
		buf_printf(b, " %5zu turns %7zu words", d->speakers[v].turns,
		    d->speakers[v].words);
		return;
	}
	blk = &d->blocks[v];
	if (blk->kind == DOC_HEADING) {
		buf_adds(b, "\xC2\xA7 ");
		add_fit(b, d->src + blk->tstart, blk->tend - blk->tstart, cols);
		return;
	}
	buf_adds(b, "\xE2\x98\x85 ");
	if (blk->section >= 0) {
		t = doc_section_title(d, (size_t)blk->section, &n);
		add_fit(b, t, n, cols);
		buf_adds(b, " \xC2\xB7 ");
	}
	if (blk->speaker >= 0) {
		const char *name = d->speakers[blk->speaker].name;

		add_fit(b, name, strlen(name), cols);
		buf_adds(b, ": ");
	}
	add_fit(b, d->src + blk->tstart, blk->tend - blk->tstart, cols);
}

static void
list_draw(struct ui *ui, struct ui_pane *p)
{
	struct ui_list *l = (struct ui_list *)p;
	const char *title = l->kind == UI_LIST_HIGHLIGHTS ?
	    " Highlights \xE2\x80\x94 Enter jumps " :
	    " Speakers \xE2\x80\x94 Enter reads only their turns ";
	int w, h, x0, y0, row;

	if (!ui_draw_overlay(ui, LIST_MAX_W, (int)l->n, title, &y0, &x0, &h,
	    &w))
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
}

static const struct ui_pane_ops list_ops = {
	"list", KEYMAP_LIST, KEYMAP_IN_LIST, list_draw, list_key, NULL, NULL,
	NULL
};

void
ui_list_init(struct ui_list *l)
{
	memset(l, 0, sizeof *l);
	l->pane.ops = &list_ops;
}

void
ui_list_free(struct ui_list *l)
{
	free(l->entries);
	l->entries = NULL;
	l->n = 0;
}
