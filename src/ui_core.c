/* ui_core.c: the services the panes share: messages, reading on, moving
 * and jumping, the paragraph cursor, lists, and drawing. It calls no
 * pane. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "lectern/contents.h"
#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/notes.h"
#include "lectern/text.h"
#include "lectern/ui_core.h"
#include "lectern/ui_input.h"
#include "lectern/ui_style.h"
#include "lectern/util.h"
#include "lectern/view.h"

#define READ_CHUNK	(1u << 20)	/* bytes parsed between two keys */
#define MAX_COMBINING	4	/* marks kept on one cell; the rest are dropped */
#define ELLIPSIS	"\xE2\x80\xA6"

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	free(ui->msg);
	va_start(ap, fmt);
	ui->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

void
ui_clear_message(struct ui *ui)
{
	free(ui->msg);
	ui->msg = NULL;
}

int
ui_read_more(struct ui *ui)
{
	struct doc *d = ui->file->doc;
	size_t nb = d->nblocks;
	int hours = doc_time_hours(d);

	if (doc_complete(d))
		return 0;
	doc_parse_some(d, READ_CHUNK);
	/* The last blocks may have changed (a pull quote found its
	 * attribution); every time is hh:mm:ss once one is an hour. */
	if (doc_time_hours(d) != hours)
		view_relayout(ui->file->view);
	else
		layout_cache_forget(ui->file->view->lc, nb >= 4 ? nb - 4 : 0);
	return 1;
}

void
ui_read_until(struct ui *ui, size_t off)
{
	while (!doc_complete(ui->file->doc) &&
	    doc_parsed(ui->file->doc) <= off)
		ui_read_more(ui);
}

/* Says that a movement could not happen. */
static void
cannot(struct ui *ui, int down)
{
	ui_message(ui, down ? "End of the document" : "Top of the document");
}

void
ui_scroll(struct ui *ui, long n)
{
	struct view *v = ui->file->view;
	long moved = view_scroll(v, n);

	/* Near the end of what is read so far: read on. */
	while (n > 0 && moved < n && ui_read_more(ui))
		moved += view_scroll(v, n - moved);
	if (moved == 0 && n != 0)
		cannot(ui, n > 0);
}

void
ui_goto_line(struct ui *ui, long n)
{
	view_to_top(ui->file->view);
	if (n > 1)
		ui_scroll(ui, n - 1);
}

void
ui_goto_top(struct ui *ui)
{
	if (view_at_top(ui->file->view))
		cannot(ui, 0);
	else
		view_to_top(ui->file->view);
}

void
ui_goto_end(struct ui *ui)
{
	struct ui_file *f = ui->file;

	if (!doc_complete(f->doc))
		f->want_end = 1;	/* shown once it is read */
	else if (view_at_end(f->view))
		cannot(ui, 1);
	else
		view_to_end(f->view);
}

void
ui_goto_offset(struct ui *ui, size_t off)
{
	ui_read_until(ui, off);
	view_show_offset(ui->file->view, off);
}

void
ui_goto_block(struct ui *ui, size_t b)
{
	view_show_block(ui->file->view, b);
}

/* The block of the i-th place: a row of the contents (a heading, an
 * episode's title), a turn, an episode. */
static size_t
row_block(const struct doc *d, size_t i)
{
	struct contents_row row;

	contents_row(d, i, &row);
	return row.block;
}

static size_t
turn_block(const struct doc *d, size_t i)
{
	return d->turns[i].first;
}

static size_t
episode_block(const struct doc *d, size_t i)
{
	return d->episodes[i].title;
}

/* How many places of each list there are, so far. */
static size_t
count_turns(const struct doc *d)
{
	return d->nturns;
}

static size_t
count_episodes(const struct doc *d)
{
	return d->nepisodes;
}

/*
 * Goes to the next (dir 1) or previous (-1) of a list of places in the
 * document (headings, turns), count(d) of them, the i-th at block
 * at(d, i); reads on when the next one may not be read yet. what names
 * one.
 */
static void
goto_place(struct ui *ui, int dir, size_t (*count)(const struct doc *),
    size_t (*at)(const struct doc *, size_t), const char *what)
{
	const struct doc *d = ui->file->doc;
	struct view *v = ui->file->view;
	size_t top = view_top_block(v);
	long i;

	while (count(d) == 0 && ui_read_more(ui))
		;
	if (count(d) == 0) {
		ui_message(ui, "This document has no %ss", what);
		return;
	}
	if (dir > 0) {
		for (;;) {
			for (i = 0; i < (long)count(d); i++)
				if (at(d, (size_t)i) > top)
					break;
			if (i < (long)count(d) || !ui_read_more(ui))
				break;
		}
		if (i == (long)count(d) || view_at_end(v)) {
			ui_message(ui, "No next %s", what);
			return;
		}
	} else {
		for (i = (long)count(d) - 1; i >= 0; i--)
			if (at(d, (size_t)i) < top)
				break;
		if (i < 0) {
			ui_message(ui, "No previous %s", what);
			return;
		}
	}
	view_show_block(v, at(d, (size_t)i));
}

/* Sections, and in an archive the episodes' titles among them. */
void
ui_goto_section(struct ui *ui, int dir)
{
	goto_place(ui, dir, contents_rows, row_block, "section");
}

void
ui_goto_turn(struct ui *ui, int dir)
{
	goto_place(ui, dir, count_turns, turn_block, "speaker turn");
}

void
ui_goto_episode(struct ui *ui, int dir)
{
	goto_place(ui, dir, count_episodes, episode_block, "episode");
}

void
ui_jump_note(struct ui *ui, struct view_place from)
{
	ui->file->jump_from = from;
	ui->file->have_jump = 1;
}

void
ui_jump_back(struct ui *ui)
{
	struct ui_file *f = ui->file;
	struct view_place here;

	if (!f->have_jump) {
		ui_message(ui, "No jump to go back from");
		return;
	}
	here = view_place(f->view);
	ui_read_until(ui, f->jump_from.off);
	view_restore(f->view, f->jump_from);
	f->jump_from = here;
}

int
ui_on_screen(struct ui *ui, size_t *first, size_t *last)
{
	struct view *v = ui->file->view;
	struct view_pos p = v->top;
	int row, any = 0;

	for (row = 0; row < ui->geom.rows; row++) {
		const struct layout_line *l = view_line(v, p);

		if (l != NULL && l->kind == LAYOUT_TEXT) {
			if (!any)
				*first = l->block;
			*last = l->block;
			any = 1;
		}
		if (!view_next(v, &p))
			break;
	}
	return any;
}

void
ui_cursor_set(struct ui *ui, size_t b)
{
	if (b < ui->file->doc->nblocks)
		ui->file->cursor = b;
}

void
ui_cursor_follow(struct ui *ui)
{
	struct ui_file *f = ui->file;
	size_t first, last;

	if (f->doc->nblocks == 0 || !ui_on_screen(ui, &first, &last))
		return;
	if (f->cursor < first || f->cursor > last ||
	    !view_visible(f->view, f->cursor))
		f->cursor = first;
}

void
ui_cursor_row(struct ui *ui, int row)
{
	struct view *v = ui->file->view;
	struct view_pos p = v->top;
	const struct layout_line *l;
	int r;

	for (r = 0; r < row; r++)
		if (!view_next(v, &p))
			return;
	l = view_line(v, p);
	if (l != NULL)
		ui->file->cursor = l->block;
}

size_t
ui_highlights(struct ui *ui, size_t **out)
{
	struct ui_file *f = ui->file;
	struct notes *n = f->notes;
	size_t *v, i = 0, j = 0, k = 0;

	v = xreallocarray(NULL, f->ndoc_hl + n->hl.n + 1, sizeof *v);
	while (i < f->ndoc_hl || j < n->hl.n) {
		size_t a = i < f->ndoc_hl ?
		    f->doc->sections[f->doc_hl[i]].heading : SIZE_MAX;
		size_t c = j < n->hl.n ? n->hl.v[j].block : SIZE_MAX;

		if (c != SIZE_MAX && c >= f->doc->nblocks) {
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

void
ui_notes_saved(struct ui *ui)
{
	struct ui_file *f = ui->file;
	struct notes *n = f->notes;
	char *done;

	if (notes_save(n, f->doc) == 0)
		return;
	if (n->busy) {
		/* The change is kept for the next save. */
		done = xstrdup(ui->msg != NULL ? ui->msg : "Changed");
		ui_message(ui, "%s; not saved yet: another lectern holds the "
		    "state (saved at the next chance)", done);
		free(done);
		return;
	}
	if (f->saved_problem)
		return;
	f->saved_problem = 1;
	ui_message(ui, "Cannot save highlights and place: %s (going on "
	    "without saving)", n->error != NULL ? n->error : strerror(errno));
}

void
ui_keep_place(struct ui *ui)
{
	struct ui_file *f = ui->file;

	if (f == NULL || f->notes == NULL || f->doc->nblocks == 0)
		return;
	f->notes->place = view_top_offset(f->view);
	f->notes->cursor = f->doc->blocks[f->cursor].start;
	f->notes->have_place = 1;
	ui_notes_saved(ui);
}

void
ui_list_show(struct ui_listpos *lp, int rows)
{
	if (rows < 1)
		rows = 1;
	if (lp->sel < lp->first)
		lp->first = lp->sel;
	if (lp->sel >= lp->first + rows)
		lp->first = lp->sel - rows + 1;
	if (lp->first < 0)
		lp->first = 0;
}

int
ui_list_move(struct ui_listpos *lp, enum keymap_action a, long count, int n,
    int rows)
{
	long k = count > 0 ? count : 1, pos = lp->sel;
	int page = rows > 1 ? rows : 1;

	switch (a) {
	case KEYMAP_LINE_DOWN:
		pos += k;
		break;
	case KEYMAP_LINE_UP:
		pos -= k;
		break;
	case KEYMAP_PAGE_DOWN:
		pos += k * page;
		break;
	case KEYMAP_PAGE_UP:
		pos -= k * page;
		break;
	case KEYMAP_HALF_DOWN:
		pos += k * (page / 2 > 0 ? page / 2 : 1);
		break;
	case KEYMAP_HALF_UP:
		pos -= k * (page / 2 > 0 ? page / 2 : 1);
		break;
	case KEYMAP_TOP:
		pos = count > 0 ? count - 1 : 0;
		break;
	case KEYMAP_END:
		pos = count > 0 ? count - 1 : n - 1;
		break;
	default:
		return 0;
	}
	if (pos > n - 1)
		pos = n - 1;
	if (pos < 0)
		pos = 0;
	lp->sel = (int)pos;
	ui_list_show(lp, rows);
	return 1;
}

/* Puts one cell: a character and its combining marks. */
static void
put_cell(struct ui_pen *p, const wchar_t *wc, int width, unsigned long attr)
{
	cchar_t cc;

	if (setcchar(&cc, wc, (attr_t)(attr & ~A_COLOR),
	    (short)PAIR_NUMBER(attr), NULL) == OK)
		mvwadd_wch(stdscr, p->y, p->x, &cc);
	p->lastx = p->x;
	p->x += width;
}

void
ui_pen_put(struct ui_pen *p, const uint8_t *s, size_t n, int width,
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
	struct ui_pen p = { y, x, maxx, -1 };
	struct text_glyph g;
	size_t i;

	for (i = 0; i < n && p.x < maxx;) {
		i += text_glyph((const uint8_t *)s + i, n - i, &g);
		ui_pen_put(&p, g.show, g.nshow, g.width, g.kind ==
		    TEXT_PLACEHOLDER ? attr | A_REVERSE : attr);
	}
	return p.x;
}

int
ui_draw_cut(int y, int x, int maxx, const char *s, size_t n,
    unsigned long attr)
{
	int cols = maxx - x;
	size_t k;

	if (cols <= 0)
		return x;
	if (text_fit((const uint8_t *)s, n, cols, NULL) == n)
		return ui_draw_text(y, x, maxx, s, n, attr);
	k = text_fit((const uint8_t *)s, n, cols - 1, NULL);
	x = ui_draw_text(y, x, maxx - 1, s, k, attr);
	return ui_draw_text(y, x, maxx, ELLIPSIS, sizeof ELLIPSIS - 1, attr);
}

void
ui_draw_input(int y, int x, int maxx, const char *s, size_t n)
{
	const uint8_t *q = (const uint8_t *)s;
	size_t from = 0;
	struct text_glyph g;
	int room = maxx - x - 1, w = (int)text_width(q, n);

	if (room < 1)
		return;
	if (w > room) {
		/* Skip glyphs until the rest fits after the ellipsis. */
		while (from < n && w > room - 1) {
			from += text_glyph(q + from, n - from, &g);
			w -= g.width;
		}
		x = ui_draw_text(y, x, maxx, ELLIPSIS, sizeof ELLIPSIS - 1,
		    ui_element(UI_E_DIM));
	}
	x = ui_draw_text(y, x, maxx - 1, s + from, n - from, A_NORMAL);
	/* The cursor, drawn, since the terminal's is hidden. */
	ui_draw_text(y, x, maxx, " ", 1, A_REVERSE);
}

void
ui_draw_fill(int y, int x, int maxx, unsigned long attr)
{
	if (maxx <= x)
		return;
	wattrset(stdscr, (int)attr);
	mvwhline(stdscr, y, x, ' ', maxx - x);
	wattrset(stdscr, A_NORMAL);
}

/* Clears a box of h rows and w columns at y0, x0 and draws its border
 * with a title. */
static void
draw_box(int y0, int x0, int h, int w, const char *title)
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
	ui_draw_cut(y0, x0 + 2, x0 + w - 2, title, strlen(title),
	    ui_element(UI_E_HELP_TITLE));
}

int
ui_draw_overlay(struct ui *ui, int maxw, int nlines, const char *title,
    int *y0, int *x0, int *h, int *w)
{
	const struct ui_geom *g = &ui->geom;

	*w = g->cols - 2 < maxw ? g->cols - 2 : maxw;
	*h = g->rows - 2 > 3 ? g->rows - 2 : 3;
	if (*h > nlines + 2)
		*h = nlines + 2;
	if (*w < 10 || *h < 3)
		return 0;
	*x0 = (g->cols - *w) / 2;
	*y0 = (g->rows - *h) / 2;
	draw_box(*y0, *x0, *h, *w, title);
	return 1;
}

void
ui_draw_box_note(int y0, int x0, int h, int w, const char *note)
{
	int nw = (int)text_width((const uint8_t *)note, strlen(note));
	int x = x0 + w - 2 - nw;

	if (x < x0 + 2)
		x = x0 + 2;
	ui_draw_cut(y0 + h - 1, x, x0 + w - 2, note, strlen(note),
	    ui_element(UI_E_HELP_TITLE));
}

void
ui_write_stats(struct ui *ui, size_t search)
{
	const char *path = getenv("LECTERN_STATS");
	struct ui_file *uf = ui->file;
	struct doc_memory m;
	FILE *f;

	if (path == NULL || uf == NULL || uf->doc == NULL ||
	    (f = fopen(path, "w")) == NULL)
		return;
	doc_memory(uf->doc, &m);
	fprintf(f, "mapping %zu\nconverted %zu\ntext %zu\nmodel %zu\n"
	    "search %zu\nlayout %zu\n", m.raw, m.conv, m.text, m.model, search,
	    uf->view != NULL ? layout_cache_size(uf->view->lc) : 0);
	fclose(f);
}

int
ui_check_shrunk(struct ui *ui)
{
	size_t size;

	if (ui->in_library || ui->file == NULL ||
	    !doc_check_shrunk(ui->file->doc, &size))
		return 0;
	ui_message(ui, "The file shrank to %zu bytes while open; the rest "
	    "is gone", size);
	return 1;
}

int
ui_toggle_times(struct ui *ui)
{
	struct ui_file *f = ui->file;

	if (f->doc->maxtime == DOC_NO_TIME) {
		ui_message(ui, "This document has no times");
		return 0;
	}
	ui->opt.times = !ui->opt.times;
	view_set_flags(f->view, ui->opt.times ? LAYOUT_F_TIMES : 0);
	ui_message(ui, ui->opt.times ? "Times shown" : "Times hidden");
	return 1;
}

void
ui_toggle_mouse(struct ui *ui)
{
	ui->opt.mouse = !ui->opt.mouse;
	ui_input_mouse(ui->opt.mouse);
	ui_message(ui, ui->opt.mouse ? "Mouse on: wheel scrolls, clicks jump" :
	    "Mouse off: the terminal selects text");
}

void
ui_all_speakers(struct ui *ui)
{
	struct view *v = ui->file->view;

	if (v->filter < 0)
		return;
	view_set_filter(v, -1);
	ui_message(ui, "Every speaker again");
}
