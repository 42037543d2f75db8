/* ui_toc.c: the table of contents, as a pane or an overlay. */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/text.h"
#include "lectern/ui.h"
#include "lectern/view.h"

int
ui_section_of(const struct ui *ui, size_t b)
{
	return b < ui->doc->nblocks ? ui->doc->blocks[b].section : -1;
}

/* Rows of the list (the first row is the pane's title). */
static int
list_rows(const struct ui *ui)
{
	return ui->rows - 1 > 1 ? ui->rows - 1 : 1;
}

/* Scrolls the list so that the selection is in view. */
static void
keep_in_view(struct ui *ui)
{
	int n = list_rows(ui);

	if (ui->toc_sel < ui->toc_first)
		ui->toc_first = ui->toc_sel;
	if (ui->toc_sel >= ui->toc_first + n)
		ui->toc_first = ui->toc_sel - n + 1;
	if (ui->toc_first < 0)
		ui->toc_first = 0;
}

void
ui_toc_follow(struct ui *ui)
{
	int cur;

	if (ui->focus == UI_FOCUS_TOC || ui->doc->nblocks == 0)
		return;
	cur = ui_section_of(ui, view_top_block(ui->view));
	ui->toc_sel = cur < 0 ? 0 : cur;
	keep_in_view(ui);
}

/* Jumps the reader to the selected section. */
static void
jump(struct ui *ui)
{
	if (ui->toc_sel < 0 || (size_t)ui->toc_sel >= ui->doc->nsections)
		return;
	view_show_block(ui->view, ui->doc->sections[ui->toc_sel].heading);
	if (ui->toc_overlay) {
		ui->toc_overlay = 0;
		ui->focus = UI_FOCUS_READER;
	}
}

int
ui_toc_key(struct ui *ui, int key, int action)
{
	int n = (int)ui->doc->nsections, page = list_rows(ui);

	if (key == '\r' || key == '\n' || key == KEYMAP_K_ENTER) {
		jump(ui);
		return 1;
	}
	if (!ui_move(action, &ui->toc_sel, n - 1, page))
		return 0;
	keep_in_view(ui);
	return 1;
}

int
ui_toc_click(struct ui *ui, int y, int x)
{
	int i = ui->toc_first + y - 1;

	(void)x;
	if (y < 1 || i < 0 || (size_t)i >= ui->doc->nsections)
		return 0;
	ui->toc_sel = i;
	jump(ui);
	return 1;
}

void
ui_toc_draw(struct ui *ui)
{
	const struct doc *d = ui->doc;
	int w = ui->toc_w, row, cur, i, p, right;

	cur = ui_section_of(ui, view_top_block(ui->view));
	if (ui->toc_overlay)
		for (row = 0; row < ui->rows; row++)
			mvwhline(stdscr, row, 0, ' ', w);
	ui_draw_text(0, 1, w - 1, "Contents", 8, ui_element(UI_E_HELP_TITLE));
	for (row = 1; row <= list_rows(ui); row++) {
		const struct doc_block *h;
		unsigned long attr;
		int x = 1;

		i = ui->toc_first + row - 1;
		if (i < 0 || (size_t)i >= d->nsections)
			break;
		h = &d->blocks[d->sections[i].heading];
		attr = i == cur ? ui_element(UI_E_TOC_CUR) :
		    ui_element(UI_E_TOC);
		if (i == ui->toc_sel && ui->focus == UI_FOCUS_TOC) {
			attr = ui_element(UI_E_TOC_SEL);
			wattrset(stdscr, (int)attr);
			mvwhline(stdscr, row, 0, ' ', w);
			wattrset(stdscr, A_NORMAL);
		}
		if (i == cur)
			ui_draw_text(row, 0, w, "\xE2\x96\xB8", 3, attr);
		for (p = d->sections[i].parent; p >= 0; p = d->sections[p].parent)
			x += 2;
		right = w - 1;
		if (ui->search.have && ui->search.counts != NULL &&
		    (size_t)i < ui->search.ncounts &&
		    ui->search.counts[i] > 0) {
			char n[24];
			int nw = snprintf(n, sizeof n, " %zu",
			    ui->search.counts[i]);

			right = w - 1 - nw;
			ui_draw_text(row, right, w, n, (size_t)nw,
			    ui_element(UI_E_COUNT));
		}
		if ((int)text_width(d->src + h->tstart, h->tend - h->tstart) >
		    right - x) {
			x = ui_draw_text(row, x, right - 1, (const char *)d->src +
			    h->tstart, h->tend - h->tstart, attr);
			ui_draw_text(row, x, right, "\xE2\x80\xA6", 3, attr);
		} else
			ui_draw_text(row, x, right, (const char *)d->src +
			    h->tstart, h->tend - h->tstart, attr);
	}
	wattrset(stdscr, (int)ui_element(UI_E_BORDER));
	mvwvline_set(stdscr, 0, w, WACS_VLINE, ui->rows);
	wattrset(stdscr, A_NORMAL);
}
