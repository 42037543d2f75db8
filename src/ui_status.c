/* ui_status.c: the status line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "lectern/contents.h"
#include "lectern/doc.h"
#include "lectern/text.h"
#include "lectern/ui_status.h"
#include "lectern/ui_style.h"
#include "lectern/util.h"
#include "lectern/view.h"

#define FILTER_COLS	24	/* the most a speaker's name takes */
#define READING_SHOWN	(4u << 20)	/* files this large say how far they
					   are read */
#define READING_AFTER	1000		/* ms of reading before it is said */
#define READING_EVERY	500		/* ms between two changes of it */
#define SEP		" \xC2\xB7 "

/* The position as less shows it: Top, End, All or N%. */
static void
position(struct ui *ui, char *buf, size_t size)
{
	struct view *v = ui->file->view;
	int top = view_at_top(v), end = view_at_end(v);

	if (top && end)
		snprintf(buf, size, "All");
	else if (top)
		snprintf(buf, size, "Top");
	else if (end)
		snprintf(buf, size, "End");
	else
		snprintf(buf, size, "%d%%", view_percent(v));
}

/* The time of the top block b as doc_time_at gives it, from what is
 * remembered of the last one asked where it can. */
static uint32_t
top_time(struct ui_status *s, const struct doc *d, size_t b)
{
	size_t i;

	if (d->maxtime == DOC_NO_TIME)
		return DOC_NO_TIME;
	/* The last blocks read may have been made again. */
	if (s->tvalid && s->tblocks != d->nblocks)
		s->tvalid = 0;
	if (s->tvalid && b >= s->tq) {
		for (i = s->tq + 1; i <= b; i++)
			if (d->blocks[i].time != DOC_NO_TIME) {
				s->tat = i;
				s->time = d->blocks[i].time;
			}
	} else if (!s->tvalid || (s->tat != SIZE_MAX && b < s->tat)) {
		s->tat = SIZE_MAX;
		s->time = DOC_NO_TIME;
		for (i = b + 1; i-- > 0;)
			if (d->blocks[i].time != DOC_NO_TIME) {
				s->tat = i;
				s->time = d->blocks[i].time;
				break;
			}
	}
	s->tq = b;
	s->tvalid = 1;
	s->tblocks = d->nblocks;
	return s->time;
}

/* The time at the top as the status line shows it, into buf; "" when
 * there is none or times are hidden. */
static void
when(struct ui *ui, struct ui_status *s, char *buf, size_t size)
{
	const struct doc *d = ui->file->doc;
	uint32_t t;

	buf[0] = '\0';
	if (!ui->opt.times || d->nblocks == 0)
		return;
	t = top_time(s, d, view_top_block(ui->file->view));
	if (t != DOC_NO_TIME)
		doc_format_time(t, doc_time_hours(d), buf, size);
}

/* Appends text made safe, cut to cols columns with an ellipsis. */
static void
add_cut(struct buf *b, const char *s, int cols)
{
	struct buf t = { NULL, 0, 0 };

	text_sanitize(&t, (const uint8_t *)s, strlen(s));
	text_add_cut(b, buf_str(&t), t.len, cols);
	buf_free(&t);
}

/* Milliseconds from a to b. */
static long
ms_between(const struct timespec *a, const struct timespec *b)
{
	return (long)(b->tv_sec - a->tv_sec) * 1000 +
	    (b->tv_nsec - a->tv_nsec) / 1000000;
}

/* How far the file is read, in percent, as the status line shows it, or
 * -1: it is said once the reading has taken a second (the first screen
 * of a large file is not followed by a stream of changes), and changes
 * at most every READING_EVERY ms. LECTERN_PROGRESS_MS (tests) sets the
 * second. */
static int
reading(struct ui_status *s, const struct doc *d)
{
	const char *env = getenv("LECTERN_PROGRESS_MS");
	long after = env != NULL && *env != '\0' ? atol(env) : READING_AFTER;
	struct timespec now;
	int pct = (int)((double)d->parsed * 100 / (double)d->inlen);

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (s->doc != d) {
		s->doc = d;
		s->since = now;
		s->pct = -1;
	}
	if (ms_between(&s->since, &now) < after)
		return -1;
	if (s->pct < 0 || ms_between(&s->when, &now) >= READING_EVERY) {
		s->pct = pct;
		s->when = now;
	}
	return s->pct;
}

/* The right part: "only NAME  K/N  TIME  POS  HINT ". */
static void
right_part(struct ui *ui, struct ui_status *s, const char *time,
    struct buf *b)
{
	const struct doc *d = ui->file->doc;
	const struct ui_hits *h = &ui->hits;
	int filter = ui->file->view->filter, pct;
	char pos[32];

	if (filter >= 0) {
		buf_adds(b, "only ");
		add_cut(b, d->speakers[filter].name, FILTER_COLS);
		buf_adds(b, "  ");
	}
	if (h->active && h->n > 0)
		buf_printf(b, "%zu/%zu%s  ", h->cur + 1, h->n,
		    h->more ? "+" : "");
	if (h->active && h->hidden > 0)
		buf_printf(b, "%zu hidden  ", h->hidden);
	if (!doc_complete(d) && d->inlen >= READING_SHOWN &&
	    (pct = reading(s, d)) >= 0)
		buf_printf(b, "reading %d%%  ", pct);
	if (ui->nfiles > 1)
		buf_printf(b, "file %zu/%zu  ", ui->filei + 1, ui->nfiles);
	if (*time != '\0')
		buf_printf(b, "%s  ", time);
	position(ui, pos, sizeof pos);
	buf_printf(b, "%s  %s ", pos, ui->focus == UI_FOCUS_TOC ?
	    "Enter:jump Tab:back" : "h:help");
}

static void
status_draw(struct ui *ui, struct ui_pane *p)
{
	const struct doc *d = ui->file->doc;
	int y = ui->geom.lines - 1, cols = ui->geom.cols, x, right;
	unsigned long attr = ui_element(UI_E_STATUS);
	struct buf r = { NULL, 0, 0 };
	char pos[32], time[32];
	size_t b, n;
	long row;

	ui_draw_fill(y, 0, cols, attr);
	when(ui, (struct ui_status *)p, time, sizeof time);
	right_part(ui, (struct ui_status *)p, time, &r);
	right = cols - (int)text_width((const uint8_t *)buf_str(&r), r.len);
	if (right < cols / 2) {
		/* Narrow: the time and the position alone. */
		position(ui, pos, sizeof pos);
		buf_reset(&r);
		buf_printf(&r, "%s%s%s ", time, *time != '\0' ? " " : "",
		    pos);
		right = cols - (int)r.len;
	}
	if (right < 1)
		right = 1;
	ui_draw_text(y, right, cols, buf_str(&r), r.len, attr);
	buf_free(&r);
	if (ui->msg != NULL) {
		ui_draw_cut(y, 1, right - 1, ui->msg, strlen(ui->msg),
		    ui_element(UI_E_STATUS_MSG));
		return;
	}
	if (d->nblocks == 0)
		return;
	b = view_top_block(ui->file->view);
	x = 1;
	/* Its section, or in an archive the episode it opens. */
	if ((row = contents_row_at(d, b)) >= 0) {
		struct contents_row cr;
		const uint8_t *t;

		contents_row(d, (size_t)row, &cr);
		t = contents_title(d, &cr, &n);
		x = ui_draw_cut(y, x, right - 1, (const char *)t, n, attr);
	} else if (d->meta.title.end > d->meta.title.start) {
		x = ui_draw_cut(y, x, right - 1, (const char *)d->src +
		    d->meta.title.start, d->meta.title.end -
		    d->meta.title.start, attr);
	}
	if (d->blocks[b].speaker >= 0 && x < right - 4) {
		const char *name = d->speakers[d->blocks[b].speaker].name;

		if (x > 1)
			x = ui_draw_text(y, x, right - 1, SEP,
			    sizeof SEP - 1, attr);
		ui_draw_cut(y, x, right - 1, name, strlen(name),
		    ui_element(UI_E_STATUS_MSG));
	}
}

static const struct ui_pane_ops status_ops = {
	"status", KEYMAP_READER, 0, status_draw, NULL, NULL, NULL, NULL
};

void
ui_status_init(struct ui_status *s)
{
	memset(s, 0, sizeof *s);
	s->pane.ops = &status_ops;
	s->tvalid = 0;
}
