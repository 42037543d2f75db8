/* ui_toc.c: the table of contents. */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "lectern/contents.h"
#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/text.h"
#include "lectern/ui_style.h"
#include "lectern/ui_toc.h"
#include "lectern/view.h"

#define MARK_CUR	"\xE2\x96\xB8"	/* ▸ */
#define TITLE_MIN	8	/* columns a title keeps beside its time */

/* Rows of the list (the first row is the pane's title). */
static int
list_rows(const struct ui *ui)
{
	return ui->geom.rows - 1 > 1 ? ui->geom.rows - 1 : 1;
}

/* True when the contents are shown, beside the text or over it. */
static int
shown(const struct ui *ui)
{
	return ui->geom.toc_pane || ui->focus == UI_FOCUS_TOC;
}

static void
toc_follow(struct ui *ui, struct ui_pane *p)
{
	struct ui_toc *t = (struct ui_toc *)p;
	long cur;

	if (ui->focus == UI_FOCUS_TOC || ui->file->doc->nblocks == 0)
		return;
	cur = contents_row_at(ui->file->doc, view_top_block(ui->file->view));
	t->lp.sel = cur < 0 ? 0 : (int)cur;
	ui_list_show(&t->lp, list_rows(ui));
}

/* Goes to the selected section or episode; the text has the keys
 * again. */
static void
go(struct ui *ui, struct ui_toc *t)
{
	const struct doc *d = ui->file->doc;
	struct contents_row row;

	if (t->lp.sel < 0 || (size_t)t->lp.sel >= contents_rows(d))
		return;
	contents_row(d, (size_t)t->lp.sel, &row);
	ui_goto_block(ui, row.block);
	ui->focus = UI_FOCUS_READER;
}

static int
toc_key(struct ui *ui, struct ui_pane *p, int key, enum keymap_action a,
    long count)
{
	struct ui_toc *t = (struct ui_toc *)p;

	(void)key;
	switch (a) {
	case KEYMAP_SELECT:
		go(ui, t);
		return 1;
	case KEYMAP_CLOSE:
		ui->focus = UI_FOCUS_READER;
		return 1;
	default:
		return ui_list_move(&t->lp, a, count,
		    (int)contents_rows(ui->file->doc), list_rows(ui));
	}
}

static int
toc_click(struct ui *ui, struct ui_pane *p, int y, int x)
{
	struct ui_toc *t = (struct ui_toc *)p;
	int i = t->lp.first + y - 1;

	if (!shown(ui) || x >= ui->geom.toc_w || y < 1 || i < 0 ||
	    (size_t)i >= contents_rows(ui->file->doc))
		return 0;
	t->lp.sel = i;
	go(ui, t);
	return 1;
}

/* The time of a row as the contents show it, into buf: its width, or 0
 * when it has none or times are hidden. */
static int
row_time(struct ui *ui, const struct contents_row *row, char *buf,
    size_t size)
{
	const struct doc *d = ui->file->doc;
	uint32_t t = d->blocks[row->block].time;

	if (!ui->opt.times || t == DOC_NO_TIME)
		return 0;
	doc_format_time(t, doc_time_hours(d), buf, size);
	return (int)strlen(buf);
}

/* Draws entry i on a row, w columns wide. */
static void
draw_entry(struct ui *ui, struct ui_toc *t, int row, int i, int cur)
{
	const struct doc *d = ui->file->doc;
	const struct ui_hits *h = &ui->hits;
	int w = ui->geom.toc_w, x, right = w - 1, s;
	struct contents_row r;
	unsigned long attr;
	const uint8_t *title;
	char time[32];
	size_t n;
	int tw;

	attr = ui_element(i == cur ? UI_E_TOC_CUR : UI_E_TOC);
	if (i == t->lp.sel && ui->focus == UI_FOCUS_TOC) {
		attr = ui_element(UI_E_TOC_SEL);
		ui_draw_fill(row, 0, w, attr);
	}
	if (i == cur)
		ui_draw_text(row, 0, w, MARK_CUR, sizeof MARK_CUR - 1, attr);
	contents_row(d, (size_t)i, &r);
	x = 1 + 2 * r.depth;
	/* The time at the right, where the title keeps some room. */
	tw = row_time(ui, &r, time, sizeof time);
	if (tw > 0 && right - tw - 1 - x >= TITLE_MIN) {
		ui_draw_text(row, right - tw, right, time, (size_t)tw,
		    i == t->lp.sel && ui->focus == UI_FOCUS_TOC ? attr :
		    ui_style(LAYOUT_S_TIME, -1));
		right -= tw + 1;
	}
	s = r.section;
	if (h->active && h->counts != NULL && s >= 0 &&
	    (size_t)s < h->ncounts && h->counts[s] > 0) {
		char num[24];
		int nw = snprintf(num, sizeof num, " %zu", h->counts[s]);

		right -= nw;
		ui_draw_text(row, right, right + nw, num, (size_t)nw,
		    ui_element(UI_E_COUNT));
	}
	title = contents_title(d, &r, &n);
	ui_draw_cut(row, x, right, (const char *)title, n, attr);
}

static void
toc_draw(struct ui *ui, struct ui_pane *p)
{
	struct ui_toc *t = (struct ui_toc *)p;
	const struct doc *d = ui->file->doc;
	int w = ui->geom.toc_w, row, cur, i;

	if (!shown(ui))
		return;
	cur = (int)contents_row_at(d, view_top_block(ui->file->view));
	if (!ui->geom.toc_pane)
		for (row = 0; row < ui->geom.rows; row++)
			ui_draw_fill(row, 0, w, A_NORMAL);
	ui_draw_text(0, 1, w - 1, "Contents", 8, ui_element(UI_E_HELP_TITLE));
	for (row = 1; row <= list_rows(ui); row++) {
		i = t->lp.first + row - 1;
		if (i < 0 || (size_t)i >= contents_rows(d))
			break;
		draw_entry(ui, t, row, i, cur);
	}
	wattrset(stdscr, (int)ui_element(UI_E_BORDER));
	mvwvline_set(stdscr, 0, w, WACS_VLINE, ui->geom.rows);
	wattrset(stdscr, A_NORMAL);
}

size_t
ui_toc_rows(const struct ui_file *f)
{
	return contents_rows(f->doc);
}

int
ui_toc_want(struct ui *ui, struct ui_toc *t)
{
	const struct doc *d = ui->file->doc;
	struct contents_row r;
	const uint8_t *title;
	char time[32];
	size_t n;
	int w, tw, how = ui->opt.times * 2 + doc_time_hours(d);

	/* Times shown or not, or longer: measure again. So when a second
	 * episode is found: the first one's row comes at the top, and the
	 * rows under it move down and in. */
	if (how != t->measured_times || (d->nepisodes > 0) !=
	    t->measured_episodes) {
		if (d->nepisodes > 0 && !t->measured_episodes &&
		    ui->focus == UI_FOCUS_TOC)
			t->lp.sel++;
		t->measured_times = how;
		t->measured_episodes = d->nepisodes > 0;
		t->measured = 0;
		t->want = 0;
	}
	for (; t->measured < contents_rows(d); t->measured++) {
		contents_row(d, t->measured, &r);
		title = contents_title(d, &r, &n);
		/* The marker column, the indent, the title, a column free,
		 * and the time and a column before it. */
		w = 1 + 2 * r.depth + (int)text_width(title, n) + 1;
		if ((tw = row_time(ui, &r, time, sizeof time)) > 0)
			w += tw + 1;
		if (w > t->want)
			t->want = w;
	}
	return t->want;
}

static const struct ui_pane_ops toc_ops = {
	"contents", KEYMAP_LIST, KEYMAP_IN_TOC, toc_draw, toc_key, toc_click,
	toc_follow, NULL
};

void
ui_toc_init(struct ui_toc *t)
{
	t->pane.ops = &toc_ops;
	t->lp.sel = t->lp.first = 0;
	t->measured = 0;
	t->want = 0;
	t->measured_times = -1;
	t->measured_episodes = 0;
}
