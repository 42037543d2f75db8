/* ui_draw.c: the reader pane and the status line. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/text.h"
#include "lectern/ui.h"
#include "lectern/view.h"

#define MAX_COMBINING	4	/* marks kept on one cell; the rest are dropped */
#define MAX_VISIBLE	1024	/* matches highlighted on one screen */

/* Where the next glyph goes on a screen row. */
struct pen {
	int		 y, x, maxx;
	int		 lastx;		/* the last cell written, for marks */
	int		 speaker;
	size_t		(*ranges)[2];	/* matches to highlight */
	size_t		 nranges;
	int		 cur;		/* the current match in ranges */
};

/* Puts one cell: a character and its combining marks. */
static void
put_cell(struct pen *p, const wchar_t *wc, int width, unsigned long attr)
{
	cchar_t cc;

	if (setcchar(&cc, wc, (attr_t)(attr & ~A_COLOR),
	    (short)PAIR_NUMBER(attr), NULL) == OK)
		mvwadd_wch(stdscr, p->y, p->x, &cc);
	p->lastx = p->x;
	p->x += width;
}

/* Puts one glyph (safe text of the given width) at the pen. */
static void
put_glyph(struct pen *p, const uint8_t *s, size_t n, int width,
    unsigned long attr)
{
	wchar_t wc[TEXT_GLYPH_MAX + 1], old[CCHARW_MAX + 1], one[2];
	mbstate_t st;
	cchar_t cc;
	attr_t a;
	short pr;
	size_t i, k, nw = 0;
	int sum = 0;

	memset(&st, 0, sizeof st);
	for (i = 0; i < n && nw < TEXT_GLYPH_MAX; i += k) {
		k = mbrtowc(&wc[nw], (const char *)s + i, n - i, &st);
		if (k == 0 || k > n - i)
			break;
		nw++;
	}
	wc[nw] = L'\0';
	if (nw == 0)
		return;
	if (width == 0) {
		/* A combining mark joins the cell before it. */
		if (p->lastx < 0 || mvwin_wch(stdscr, p->y, p->lastx, &cc) ==
		    ERR || getcchar(&cc, old, &a, &pr, NULL) == ERR)
			return;
		k = wcslen(old);
		if (k > MAX_COMBINING || k + 1 >= CCHARW_MAX)
			return;
		old[k] = wc[0];
		old[k + 1] = L'\0';
		if (setcchar(&cc, old, a, pr, NULL) == OK)
			mvwadd_wch(stdscr, p->y, p->lastx, &cc);
		return;
	}
	if (p->x + width > p->maxx) {
		p->x = p->maxx;
		return;
	}
	if (nw == 1 && wcwidth(wc[0]) == width) {
		put_cell(p, wc, width, attr);
		return;
	}
	for (i = 0; i < nw; i++)
		sum += wcwidth(wc[i]) == 1 ? 1 : 100;
	one[1] = L'\0';
	if (sum == width) {
		/* A placeholder such as ^[ or <U+202E>: a cell each. */
		for (i = 0; i < nw; i++) {
			one[0] = wc[i];
			put_cell(p, one, 1, attr);
		}
		return;
	}
	/* The terminal would measure it otherwise: stand-ins. */
	one[0] = L'?';
	for (i = 0; i < (size_t)width; i++)
		put_cell(p, one, 1, attr | A_REVERSE);
	p->lastx = -1;
}

int
ui_draw_text(int y, int x, int maxx, const char *s, size_t n,
    unsigned long attr)
{
	struct pen p = { y, x, maxx, -1, -1, NULL, 0, -1 };
	struct text_glyph g;
	size_t i;

	for (i = 0; i < n && p.x < maxx;) {
		i += text_glyph((const uint8_t *)s + i, n - i, &g);
		put_glyph(&p, g.show, g.nshow, g.width, g.kind ==
		    TEXT_PLACEHOLDER ? attr | A_REVERSE : attr);
	}
	return p.x;
}

static void
draw_piece(void *arg, const uint8_t *text, size_t n, int cols,
    enum layout_style style, size_t src)
{
	struct pen *p = arg;
	unsigned long attr = ui_style(style, p->speaker);
	size_t i;

	if (src != SIZE_MAX)
		for (i = 0; i < p->nranges; i++)
			if (src >= p->ranges[i][0] && src < p->ranges[i][1]) {
				attr = ui_element((int)i == p->cur ?
				    UI_E_MATCH_CUR : UI_E_MATCH);
				break;
			}
	put_glyph(p, text, n, cols, attr);
}

void
ui_draw_reader(struct ui *ui)
{
	struct view *v = ui->view;
	struct view_pos pos = v->top;
	size_t ranges[MAX_VISIBLE][2], nranges;
	int row, cur;

	if (ui->doc->nblocks == 0) {
		ui_draw_text(0, ui->reader_x + ui->margin, COLS,
		    "(empty document)", 16, A_DIM);
		return;
	}
	nranges = ui_search_visible(ui, view_top_offset(v),
	    view_bottom_offset(v) + 1, ranges, MAX_VISIBLE, &cur);
	for (row = 0; row < ui->rows; row++) {
		const struct layout_line *l = view_line(v, pos);
		struct pen p;

		p.y = row;
		p.x = ui->reader_x + ui->margin;
		p.maxx = COLS;
		p.lastx = -1;
		p.speaker = ui->doc->blocks[l->block].speaker;
		p.ranges = ranges;
		p.nranges = nranges;
		p.cur = cur;
		if (l->kind == LAYOUT_TEXT)
			ui_notes_margin(ui, row, l->block);
		layout_walk(ui->doc, l, draw_piece, &p);
		if (!view_next(v, &pos))
			break;
	}
}

/* The position as the status line shows it: Top, End, All or N%. */
static void
position(struct ui *ui, char *buf, size_t size)
{
	int top = view_at_top(ui->view), end = view_at_end(ui->view);

	if (top && end)
		snprintf(buf, size, "All");
	else if (top)
		snprintf(buf, size, "Top");
	else if (end)
		snprintf(buf, size, "End");
	else
		snprintf(buf, size, "%d%%", ui->doc->len == 0 ? 0 :
		    (int)((double)view_bottom_offset(ui->view) * 100 /
		    (double)ui->doc->len));
}

void
ui_draw_status(struct ui *ui)
{
	const struct doc *d = ui->doc;
	int y = LINES - 1, x, right, i;
	char pos[32], hint[160], match[64];
	size_t b;

	wattrset(stdscr, (int)ui_element(UI_E_STATUS));
	for (i = 0; i < COLS; i++)
		mvwaddch(stdscr, y, i, ' ');
	wattrset(stdscr, A_NORMAL);
	position(ui, pos, sizeof pos);
	ui_search_position(ui, match, sizeof match);
	snprintf(hint, sizeof hint, "%.40s%.40s%s%s%s%s  %s ",
	    ui->view->filter >= 0 ? "only " : "",
	    ui->view->filter >= 0 ? d->speakers[ui->view->filter].name : "",
	    ui->view->filter >= 0 ? "  " : "", match, *match ? "  " : "",
	    pos,
	    ui->focus == UI_FOCUS_TOC ? "Enter:jump Tab:back" : "h:help");
	right = COLS - (int)strlen(hint);
	if (right < COLS / 2)
		right = COLS - (int)strlen(pos) - 1;
	if (right < 1)
		right = 1;
	ui_draw_text(y, right, COLS, hint, strlen(hint),
	    ui_element(UI_E_STATUS));
	if (ui->msg != NULL) {
		ui_draw_text(y, 1, right - 1, ui->msg, strlen(ui->msg),
		    ui_element(UI_E_STATUS_MSG));
		return;
	}
	if (d->nblocks == 0)
		return;
	b = view_top_block(ui->view);
	x = 1;
	if (d->blocks[b].section >= 0) {
		const struct doc_block *h =
		    &d->blocks[d->sections[d->blocks[b].section].heading];

		x = ui_draw_text(y, x, right - 1, (const char *)d->src +
		    h->tstart, h->tend - h->tstart, ui_element(UI_E_STATUS));
	} else if (d->meta.title.end > d->meta.title.start) {
		x = ui_draw_text(y, x, right - 1, (const char *)d->src +
		    d->meta.title.start, d->meta.title.end -
		    d->meta.title.start, ui_element(UI_E_STATUS));
	}
	if (d->blocks[b].speaker >= 0 && x < right - 4) {
		const char *name = d->speakers[d->blocks[b].speaker].name;

		x = ui_draw_text(y, x, right - 1, " \xC2\xB7 ", 4,
		    ui_element(UI_E_STATUS));
		ui_draw_text(y, x, right - 1, name, strlen(name),
		    ui_element(UI_E_STATUS_MSG));
	}
}

void
ui_draw_box(int y0, int x0, int h, int w, const char *title)
{
	int row;

	for (row = 0; row < h; row++)
		mvwhline(stdscr, y0 + row, x0, ' ', w);
	wattrset(stdscr, (int)ui_element(UI_E_BORDER));
	mvwhline_set(stdscr, y0, x0 + 1, WACS_HLINE, w - 2);
	mvwhline_set(stdscr, y0 + h - 1, x0 + 1, WACS_HLINE, w - 2);
	mvwvline_set(stdscr, y0 + 1, x0, WACS_VLINE, h - 2);
	mvwvline_set(stdscr, y0 + 1, x0 + w - 1, WACS_VLINE, h - 2);
	mvwadd_wch(stdscr, y0, x0, WACS_ULCORNER);
	mvwadd_wch(stdscr, y0, x0 + w - 1, WACS_URCORNER);
	mvwadd_wch(stdscr, y0 + h - 1, x0, WACS_LLCORNER);
	mvwadd_wch(stdscr, y0 + h - 1, x0 + w - 1, WACS_LRCORNER);
	wattrset(stdscr, A_NORMAL);
	ui_draw_text(y0, x0 + 2, x0 + w - 2, title, strlen(title),
	    ui_element(UI_E_HELP_TITLE));
}

int
ui_overlay(struct ui *ui, int maxw, int nlines, const char *title, int *y0,
    int *x0, int *h, int *w)
{
	*w = COLS - 2 < maxw ? COLS - 2 : maxw;
	*h = ui->rows - 2 > 3 ? ui->rows - 2 : 3;
	if (*h > nlines + 2)
		*h = nlines + 2;
	if (*w < 10 || *h < 3)
		return 0;
	*x0 = (COLS - *w) / 2;
	*y0 = (ui->rows - *h) / 2;
	ui_draw_box(*y0, *x0, *h, *w, title);
	return 1;
}
