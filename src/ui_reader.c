/* ui_reader.c: the reader pane. */
#include <curses.h>

#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/notes.h"
#include "lectern/ui_reader.h"
#include "lectern/ui_style.h"
#include "lectern/view.h"

#define EMPTY		"(empty document)"

/* A row of text being drawn, with the matches to mark in it. */
struct row {
	struct ui_pen	 pen;
	int		 speaker;
	const struct ui_hits *hits;
};

static void
draw_piece(void *arg, const uint8_t *text, size_t n, int cols,
    enum layout_style style, size_t src)
{
	struct row *r = arg;
	unsigned long attr = ui_style(style, r->speaker);
	size_t i;

	if (src != SIZE_MAX)
		for (i = 0; i < r->hits->nranges; i++)
			if (src >= r->hits->ranges[i][0] &&
			    src < r->hits->ranges[i][1]) {
				attr = ui_element((long)i == r->hits->rcur ?
				    UI_E_MATCH_CUR : UI_E_MATCH);
				break;
			}
	ui_pen_put(&r->pen, text, n, cols, attr);
}

/* Draws the margin marks of a row for block b: the cursor and a
 * highlight. */
static void
draw_margin(struct ui *ui, int row, size_t b)
{
	int x = ui->geom.text_x - ui->geom.margin;

	if (ui->geom.margin < 2)
		return;
	if (b == ui->file->cursor)
		ui_draw_text(row, x, x + 1, "\xE2\x96\x8C", 3,
		    ui_element(UI_E_CURSOR));
	if (ui->file->notes != NULL && notes_find(ui->file->notes, b) >= 0)
		ui_draw_text(row, x + 1, x + 2, "\xE2\x94\x83", 3,
		    ui_element(UI_E_HIGHLIGHT));
}

static void
reader_draw(struct ui *ui, struct ui_pane *p)
{
	const struct doc *d = ui->file->doc;
	struct view *v = ui->file->view;
	struct view_pos pos = v->top;
	int row;

	(void)p;
	if (d->nblocks == 0) {
		ui_draw_text(0, ui->geom.text_x, ui->geom.cols, EMPTY,
		    sizeof EMPTY - 1, ui_element(UI_E_DIM));
		return;
	}
	for (row = 0; row < ui->geom.rows; row++) {
		const struct layout_line *l = view_line(v, pos);
		struct row r;

		r.pen.y = row;
		r.pen.x = ui->geom.text_x;
		r.pen.maxx = ui->geom.cols;
		r.pen.lastx = -1;
		r.speaker = d->blocks[l->block].speaker;
		r.hits = &ui->hits;
		if (l->kind == LAYOUT_TEXT)
			draw_margin(ui, row, l->block);
		layout_walk(d, l, draw_piece, &r);
		if (!view_next(v, &pos))
			break;
	}
}

/* Finds the rows of block b's text on screen (-1 when none); returns 1
 * when b goes on below the screen. */
static int
block_rows(struct ui *ui, size_t b, int *top, int *bottom)
{
	struct view *v = ui->file->view;
	struct view_pos p = v->top;
	const struct layout_line *l;
	int row;

	*top = *bottom = -1;
	for (row = 0; row < ui->geom.rows; row++) {
		l = view_line(v, p);
		if (l->block == b && l->kind == LAYOUT_TEXT) {
			if (*top < 0)
				*top = row;
			*bottom = row;
		}
		if (!view_next(v, &p))
			return 0;
	}
	l = view_line(v, p);
	return l->block == b;
}

/* Moves the cursor to the next (dir 1) or previous shown block, scrolling
 * as little as needed to show it. */
static void
cursor_move(struct ui *ui, int dir)
{
	struct ui_file *f = ui->file;
	size_t b = f->cursor, first, last;
	int guard, top, bottom, more;

	do {
		if ((dir < 0 && b == 0) || (dir > 0 &&
		    b + 1 >= f->doc->nblocks)) {
			ui_message(ui, dir > 0 ? "No next paragraph" :
			    "No previous paragraph");
			return;
		}
		b = dir > 0 ? b + 1 : b - 1;
	} while (!view_visible(f->view, b));
	f->cursor = b;
	if (!ui_on_screen(ui, &first, &last) || b < first) {
		view_show_block(f->view, b);
		return;
	}
	for (guard = 0; guard < 100000; guard++) {
		more = block_rows(ui, b, &top, &bottom);
		if (top == 0 || (top > 0 && !more))
			break;
		if (view_scroll(f->view, 1) == 0)
			break;
	}
}

static int
reader_key(struct ui *ui, struct ui_pane *p, int key, enum keymap_action a,
    long count)
{
	const struct doc *d = ui->file->doc;
	int rows = ui->geom.rows, page = rows > 1 ? rows - 1 : 1;
	int half = rows / 2 > 0 ? rows / 2 : 1;
	long n = count > 0 ? count : 1;

	(void)p;
	(void)key;
	switch (a) {
	case KEYMAP_LINE_DOWN:
		ui_scroll(ui, n);
		break;
	case KEYMAP_LINE_UP:
		ui_scroll(ui, -n);
		break;
	case KEYMAP_PAGE_DOWN:
		ui_scroll(ui, n * page);
		break;
	case KEYMAP_PAGE_UP:
		ui_scroll(ui, -n * page);
		break;
	case KEYMAP_HALF_DOWN:
		ui_scroll(ui, n * half);
		break;
	case KEYMAP_HALF_UP:
		ui_scroll(ui, -n * half);
		break;
	case KEYMAP_TOP:
		if (count > 0)
			ui_goto_line(ui, count);
		else
			ui_goto_top(ui);
		break;
	case KEYMAP_END:
		if (count > 0)
			ui_goto_line(ui, count);
		else
			ui_goto_end(ui);
		break;
	case KEYMAP_PERCENT:
		if (count > 100)
			count = 100;
		ui_goto_offset(ui, d->len / 100 * (size_t)count +
		    d->len % 100 * (size_t)count / 100);
		break;
	case KEYMAP_NEXT_SECTION:
	case KEYMAP_PREV_SECTION:
		ui_goto_section(ui, a == KEYMAP_NEXT_SECTION ? 1 : -1);
		break;
	case KEYMAP_NEXT_TURN:
	case KEYMAP_PREV_TURN:
		ui_goto_turn(ui, a == KEYMAP_NEXT_TURN ? 1 : -1);
		break;
	case KEYMAP_NEXT_EPISODE:
	case KEYMAP_PREV_EPISODE:
		ui_goto_episode(ui, a == KEYMAP_NEXT_EPISODE ? 1 : -1);
		break;
	case KEYMAP_CURSOR_DOWN:
	case KEYMAP_CURSOR_UP:
		cursor_move(ui, a == KEYMAP_CURSOR_DOWN ? 1 : -1);
		break;
	default:
		return 0;
	}
	return 1;
}

static int
reader_click(struct ui *ui, struct ui_pane *p, int y, int x)
{
	(void)p;
	if (x < ui->geom.reader_x || y >= ui->geom.rows)
		return 0;
	ui_cursor_row(ui, y);
	return 1;
}

static void
reader_follow(struct ui *ui, struct ui_pane *p)
{
	(void)p;
	ui_cursor_follow(ui);
}

static const struct ui_pane_ops reader_ops = {
	"reader", KEYMAP_READER, KEYMAP_IN_READER, reader_draw, reader_key,
	reader_click, reader_follow, NULL
};

void
ui_reader_init(struct ui_reader *r)
{
	r->pane.ops = &reader_ops;
}
