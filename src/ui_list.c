/* ui_list.c: the overlay lists of highlights and of speakers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/notes.h"
#include "lectern/ui.h"
#include "lectern/view.h"

#define LIST_MAX_W	90
#define EVERYONE	SIZE_MAX

void
ui_list_open(struct ui *ui, enum ui_list_kind kind)
{
	size_t i;

	ui->list = kind;
	ui->list_sel = ui->list_first = 0;
	if (kind == UI_LIST_HIGHLIGHTS) {
		free(ui->list_blocks);
		ui->nlist = ui_highlights(ui, &ui->list_blocks);
		if (ui->nlist == 0) {
			ui->list = UI_LIST_NONE;
			ui_message(ui, "No highlights yet: * highlights a "
			    "paragraph");
		}
		return;
	}
	ui_read_until(ui, ui->doc->len);
	doc_count_speaker_words(ui->doc);
	ui->nlist = ui->doc->nspeakers + 1;
	ui->list_blocks = xreallocarray(ui->list_blocks, ui->nlist,
	    sizeof *ui->list_blocks);
	ui->list_blocks[0] = EVERYONE;
	for (i = 0; i < ui->doc->nspeakers; i++)
		ui->list_blocks[i + 1] = i;
	if (ui->view->filter >= 0)
		ui->list_sel = ui->view->filter + 1;
}

/* Rows for entries inside the box. */
static int
inner(const struct ui *ui)
{
	int h = ui->rows - 4;

	return h > 1 ? h : 1;
}

static void
choose(struct ui *ui)
{
	size_t v = ui->list_blocks[ui->list_sel];

	if (ui->list == UI_LIST_HIGHLIGHTS) {
		ui_jump(ui);
		view_show_block(ui->view, v);
		ui->cursor = v;
		ui_message(ui, "highlight %d/%zu", ui->list_sel + 1, ui->nlist);
	} else if (v == EVERYONE) {
		view_set_filter(ui->view, -1);
		ui_message(ui, "Every speaker");
	} else {
		view_set_filter(ui->view, (int)v);
		ui_message(ui, "Only %s (S: every speaker)",
		    ui->doc->speakers[v].name);
	}
	ui->list = UI_LIST_NONE;
}

void
ui_list_key(struct ui *ui, int key)
{
	int n = (int)ui->nlist;

	if (key == '\r' || key == KEYMAP_K_ENTER) {
		choose(ui);
		return;
	}
	if (!ui_move(keymap_lookup(key, KEYMAP_READER), &ui->list_sel, n - 1,
	    inner(ui))) {
		ui->list = UI_LIST_NONE;
		return;
	}
	if (ui->list_sel < ui->list_first)
		ui->list_first = ui->list_sel;
	if (ui->list_sel >= ui->list_first + inner(ui))
		ui->list_first = ui->list_sel - inner(ui) + 1;
}

/* Writes the text of entry i into b. */
static void
entry(struct ui *ui, int i, struct buf *b)
{
	const struct doc *d = ui->doc;
	size_t v = ui->list_blocks[i];

	if (ui->list == UI_LIST_SPEAKERS) {
		if (v == EVERYONE)
			buf_adds(b, "Everyone");
		else
			buf_printf(b, "%-28s %5zu turns %7zu words",
			    d->speakers[v].name, d->speakers[v].turns,
			    d->speakers[v].words);
		return;
	}
	if (d->blocks[v].kind == DOC_HEADING) {
		buf_adds(b, "\xC2\xA7 ");
		buf_add(b, d->src + d->blocks[v].tstart,
		    d->blocks[v].tend - d->blocks[v].tstart);
		return;
	}
	buf_adds(b, "\xE2\x98\x85 ");
	if (d->blocks[v].section >= 0) {
		const struct doc_block *h =
		    &d->blocks[d->sections[d->blocks[v].section].heading];

		buf_add(b, d->src + h->tstart, h->tend - h->tstart);
		buf_adds(b, " \xC2\xB7 ");
	}
	if (d->blocks[v].speaker >= 0) {
		buf_adds(b, d->speakers[d->blocks[v].speaker].name);
		buf_adds(b, ": ");
	}
	buf_add(b, d->src + d->blocks[v].tstart,
	    d->blocks[v].tend - d->blocks[v].tstart > 200 ? 200 :
	    d->blocks[v].tend - d->blocks[v].tstart);
}

void
ui_list_draw(struct ui *ui)
{
	const char *title = ui->list == UI_LIST_HIGHLIGHTS ?
	    " Highlights \xE2\x80\x94 Enter jumps " :
	    " Speakers \xE2\x80\x94 Enter reads only their turns ";
	int w, h, x0, y0, row;

	if (!ui_overlay(ui, LIST_MAX_W, (int)ui->nlist, title, &y0, &x0, &h,
	    &w))
		return;
	for (row = 1; row < h - 1; row++) {
		struct buf b = { NULL, 0, 0 };
		int i = ui->list_first + row - 1;
		unsigned long attr = A_NORMAL;

		if (i >= (int)ui->nlist)
			break;
		if (i == ui->list_sel) {
			attr = ui_element(UI_E_TOC_SEL);
			wattrset(stdscr, (int)attr);
			mvwhline(stdscr, y0 + row, x0 + 1, ' ', w - 2);
			wattrset(stdscr, A_NORMAL);
		}
		entry(ui, i, &b);
		ui_draw_text(y0 + row, x0 + 2, x0 + w - 2, buf_str(&b), b.len,
		    attr);
		buf_free(&b);
	}
}
