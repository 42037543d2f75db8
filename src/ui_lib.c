/* ui_lib.c: the library's list of documents, its bar, and the list of
 * the matches of a search of every document. */
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/text.h"
#include "lectern/ui_lib.h"
#include "lectern/ui_style.h"

#define SPEAKERS_MAX	30	/* columns of the speakers at most */
#define SEP		" \xC2\xB7 "
#define STAR		"\xE2\x98\x85"	/* ★ */
#define ELLIPSIS	"\xE2\x80\xA6"

static const char *sort_names[] = { "name", "date", "progress" };

/* Rows of the list: the screen less the heading and the status line. */
static int
rows(const struct ui *ui)
{
	return ui->geom.lines - 2 > 1 ? ui->geom.lines - 2 : 1;
}

/* The entry of the selection, or -1. */
static long
selected(const struct ui_lib *l)
{
	if (l->lp.sel < 0 || (size_t)l->lp.sel >= l->lib->nshown)
		return -1;
	return (long)l->lib->shown[l->lp.sel];
}

/* Selects entry e where it is listed (the first row when it is not). */
static void
select_entry(struct ui *ui, struct ui_lib *l, long e)
{
	size_t i;

	l->lp.sel = 0;
	for (i = 0; e >= 0 && i < l->lib->nshown; i++)
		if (l->lib->shown[i] == (size_t)e) {
			l->lp.sel = (int)i;
			break;
		}
	ui_list_show(&l->lp, rows(ui));
}

/* Sorts and filters again after news, the selection staying on its
 * entry. */
static void
resort(struct ui *ui, struct ui_lib *l)
{
	long e = selected(l);

	if (!l->lib->stale)
		return;
	library_refresh(l->lib);
	select_entry(ui, l, e);
}

long
ui_lib_neighbor(const struct ui_lib *l, size_t e, int dir)
{
	const struct library *lib = l->lib;
	size_t i;

	for (i = 0; i < lib->nshown; i++)
		if (lib->shown[i] == e) {
			if (dir < 0 ? i == 0 : i + 1 >= lib->nshown)
				return -1;
			return (long)lib->shown[dir < 0 ? i - 1 : i + 1];
		}
	return -1;
}

size_t
ui_lib_position(const struct ui_lib *l, size_t e, size_t *n)
{
	size_t i;

	*n = l->lib->nshown;
	for (i = 0; i < l->lib->nshown; i++)
		if (l->lib->shown[i] == e)
			return i;
	return 0;
}

void
ui_lib_back(struct ui_lib *l, size_t e)
{
	size_t n;

	library_touch(l->lib, e);
	l->lib->stale = 1;
	l->lp.sel = (int)ui_lib_position(l, e, &n);
}

int
ui_lib_close_results(struct ui_lib *l)
{
	if (!l->results)
		return 0;
	l->results = 0;
	return 1;
}

/* Moves the selection to the next (dir 1) or previous entry from row
 * from (itself too with self) that / finds; says when none does. */
static int
find_next(struct ui *ui, struct ui_lib *l, int from, int dir, int self)
{
	const struct library *lib = l->lib;
	size_t n = lib->nshown, k;
	long i;

	if (l->find == NULL || n == 0)
		return 0;
	for (k = self ? 0 : 1; k <= n; k++) {
		i = ((long)from + dir * (long)k) % (long)n;
		if (i < 0)
			i += (long)n;
		if (library_matches(lib, lib->shown[i], l->find)) {
			l->lp.sel = (int)i;
			ui_list_show(&l->lp, rows(ui));
			return 1;
		}
	}
	return 0;
}

/* Starts the search of every document listed for text. */
static void
search_all(struct ui *ui, struct ui_lib *l, const char *text)
{
	char err[256];
	struct libsearch *s;

	s = libsearch_new(text, ui->opt.regex, l->lib->shown, l->lib->nshown,
	    err, sizeof err);
	if (s == NULL) {
		ui_message(ui, "Bad search '%s': %s", text, err);
		return;
	}
	libsearch_free(l->search);
	l->search = s;
	l->results = 1;
	l->rp.sel = l->rp.first = 0;
	if (ui->scripted)
		while (libsearch_work(s, l->lib))
			;
}

/* The bar: what its text does as it is typed. */
static void
bar_update(struct ui *ui, struct ui_lib_bar *b)
{
	struct ui_lib *l = b->lib;
	struct buf f = { NULL, 0, 0 };

	switch (b->kind) {
	case UI_LIB_FIND:
		free(l->find);
		l->find = NULL;
		if (b->input.len > 0) {
			library_fold(&f, b->input.data, b->input.len);
			l->find = xstrdup(buf_str(&f));
			buf_free(&f);
		}
		l->lp.sel = b->origin;
		b->nomatch = l->find != NULL && !find_next(ui, l, b->origin,
		    1, 1);
		ui_list_show(&l->lp, rows(ui));
		break;
	case UI_LIB_FILTER:
		library_set_filter(l->lib, buf_str(&b->input));
		l->lp.sel = l->lp.first = 0;
		break;
	case UI_LIB_SEARCH:
		break;
	}
}

/* Closes the bar; cancel undoes what it did. */
static void
bar_close(struct ui *ui, struct ui_lib_bar *b, int cancel)
{
	struct ui_lib *l = b->lib;

	ui->overlay = NULL;
	if (cancel && b->kind == UI_LIB_FIND) {
		l->lp.sel = b->origin;
		ui_list_show(&l->lp, rows(ui));
	} else if (cancel && b->kind == UI_LIB_FILTER) {
		library_set_filter(l->lib, b->before);
		l->lp.sel = l->lp.first = 0;
	} else if (!cancel && b->kind == UI_LIB_SEARCH && b->input.len > 0)
		search_all(ui, l, buf_str(&b->input));
	free(b->before);
	b->before = NULL;
}

/* The bar's keys: editing, Enter and Esc. */
static int
bar_key(struct ui *ui, struct ui_pane *p, int key, enum keymap_action a,
    long count)
{
	struct ui_lib_bar *b = (struct ui_lib_bar *)p;

	(void)count;
	switch (a) {
	case KEYMAP_BAR_ACCEPT:
		bar_close(ui, b, 0);
		return 1;
	case KEYMAP_BAR_CANCEL:
		bar_close(ui, b, 1);
		return 1;
	case KEYMAP_BAR_ERASE:
		if (b->input.len == 0) {
			bar_close(ui, b, 1);
			return 1;
		}
		text_erase_char(&b->input);
		break;
	case KEYMAP_BAR_WORD:
		text_erase_word(&b->input);
		break;
	case KEYMAP_BAR_CLEAR:
		buf_reset(&b->input);
		break;
	case KEYMAP_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	default:
		if (!text_add_key(&b->input, key, SIZE_MAX))
			return 1;
		break;
	}
	if (b->input.data != NULL)
		b->input.data[b->input.len] = '\0';
	bar_update(ui, b);
	return 1;
}

/* Draws the bar on the bottom line, and "no match" at its right. */
static void
bar_draw(struct ui *ui, struct ui_pane *p)
{
	struct ui_lib_bar *b = (struct ui_lib_bar *)p;
	static const char *prompts[] = { "/", "&", "Search every document: " };
	const char *prompt = prompts[b->kind];
	int y = ui->geom.lines - 1, cols = ui->geom.cols, x;

	static const char none[] = "no match";
	int end = cols;

	ui_draw_fill(y, 0, cols, A_NORMAL);
	if (b->kind != UI_LIB_SEARCH && (b->nomatch ||
	    b->lib->lib->nshown == 0) && cols > 30) {
		end = cols - (int)sizeof none;
		ui_draw_text(y, end, cols, none, sizeof none - 1,
		    ui_element(UI_E_STATUS_ERR));
	}
	x = ui_draw_text(y, 0, end, prompt, strlen(prompt), A_BOLD);
	x = ui_draw_text(y, x, end - 1, buf_str(&b->input), b->input.len,
	    A_NORMAL);
	ui_draw_text(y, x, end, " ", 1, A_REVERSE);
}

static const struct ui_pane_ops bar_ops = {
	"library-bar", KEYMAP_BAR, KEYMAP_IN_BAR, bar_draw, bar_key, NULL,
	NULL, NULL
};

/* Opens the bar of a kind over the list. */
static void
bar_open(struct ui *ui, struct ui_lib *l, enum ui_lib_bar_kind kind)
{
	struct ui_lib_bar *b = &l->bar;

	b->kind = kind;
	b->nomatch = 0;
	buf_reset(&b->input);
	b->origin = l->lp.sel;
	free(b->before);
	b->before = kind == UI_LIB_FILTER && l->lib->filter != NULL ?
	    xstrdup(l->lib->filter) : NULL;
	ui->overlay = &b->pane;
}

/* Rows of the list of matches. */
static size_t
result_rows(const struct ui_lib *l)
{
	return l->search != NULL ? l->search->nrows : 0;
}

/* Asks the main loop to open the selected match's document there. */
static void
open_match(struct ui *ui, struct ui_lib *l)
{
	const struct libsearch_row *r;
	size_t i;

	if (l->rp.sel < 0 || (size_t)l->rp.sel >= result_rows(l))
		return;
	r = &l->search->rows[l->rp.sel];
	l->open = (long)r->entry;
	l->at = -1;
	if (r->start != LIBSEARCH_DOC)
		l->at = (long)r->start;
	else
		/* A document's row: its first match. */
		for (i = (size_t)l->rp.sel + 1; i < result_rows(l); i++)
			if (l->search->rows[i].start != LIBSEARCH_DOC) {
				l->at = (long)l->search->rows[i].start;
				break;
			}
	(void)ui;
}

/* The keys of the list of matches. */
static int
results_key(struct ui *ui, struct ui_lib *l, enum keymap_action a,
    long count)
{
	switch (a) {
	case KEYMAP_SELECT:
		open_match(ui, l);
		return 1;
	case KEYMAP_CLOSE:
		l->results = 0;
		return 1;
	case KEYMAP_LIB_SEARCH_ALL:
		bar_open(ui, l, UI_LIB_SEARCH);
		return 1;
	default:
		return ui_list_move(&l->rp, a, count, (int)result_rows(l),
		    rows(ui));
	}
}

/* The keys of the list of documents. */
static int
lib_key(struct ui *ui, struct ui_pane *p, int key, enum keymap_action a,
    long count)
{
	struct ui_lib *l = (struct ui_lib *)p;
	long e;

	(void)key;
	if (l->results)
		return results_key(ui, l, a, count);
	switch (a) {
	case KEYMAP_SELECT:
		if ((e = selected(l)) >= 0) {
			l->open = e;
			l->at = -1;
		}
		return 1;
	case KEYMAP_CLOSE:
		if (l->lib->filter != NULL) {
			library_set_filter(l->lib, NULL);
			ui_message(ui, "Every document again");
		}
		return 1;
	case KEYMAP_LIB_FIND:
		bar_open(ui, l, UI_LIB_FIND);
		return 1;
	case KEYMAP_LIB_FILTER:
		bar_open(ui, l, UI_LIB_FILTER);
		return 1;
	case KEYMAP_LIB_SEARCH_ALL:
		bar_open(ui, l, UI_LIB_SEARCH);
		return 1;
	case KEYMAP_LIB_SORT:
		e = selected(l);
		library_set_sort(l->lib, (l->lib->sort + 1) % 3);
		select_entry(ui, l, e);
		ui_message(ui, "Sorted by %s", sort_names[l->lib->sort]);
		return 1;
	case KEYMAP_SEARCH_NEXT:
	case KEYMAP_SEARCH_PREV:
		if (l->find == NULL)
			ui_message(ui, "Nothing to find yet: / finds a title "
			    "or a speaker");
		else if (!find_next(ui, l, l->lp.sel, a == KEYMAP_SEARCH_NEXT ?
		    1 : -1, 0))
			ui_message(ui, "No title or speaker has that");
		return 1;
	default:
		return ui_list_move(&l->lp, a, count, (int)l->lib->nshown,
		    rows(ui));
	}
}

/* Writes a count of words the short way: 950, 12.3k, 123k, 1.2M. */
static void
words_text(uint64_t w, char *buf, size_t size)
{
	if (w < 10000)
		snprintf(buf, size, "%u", (unsigned)w);
	else if (w < 100000)
		snprintf(buf, size, "%.1fk", (double)w / 1000);
	else if (w < 1000000)
		snprintf(buf, size, "%uk", (unsigned)(w / 1000));
	else
		snprintf(buf, size, "%.1fM", (double)w / 1000000);
}

/* Draws text right-aligned to end before x; returns where it starts. */
static int
right(int y, int x, const char *s, unsigned long attr)
{
	int w = (int)text_width((const uint8_t *)s, strlen(s));

	ui_draw_text(y, x - w, x, s, strlen(s), attr);
	return x - w;
}

/* The columns of a row: where the title ends, the speakers start and
 * each number ends. */
struct cols {
	int		 title_end, spk_x, spk_end;
	int		 words, time, read, hl;	/* right edges, 0: none */
};

/* Lays out the columns for the terminal's width: the numbers at the
 * right, the speakers (on a wide one) and the title in what is left. */
static void
columns(const struct ui *ui, struct cols *c)
{
	int w = ui->geom.cols, x = w - 1, spk;

	memset(c, 0, sizeof *c);
	if (w >= 40) {
		c->hl = x;
		x -= 4;
		c->read = x;
		x -= 6;
	}
	if (w >= 50) {
		c->time = x;
		x -= 9;
	}
	c->words = x;
	x -= 7;
	spk = w >= 60 ? (x - 1) * 3 / 10 : 0;
	if (spk > SPEAKERS_MAX)
		spk = SPEAKERS_MAX;
	c->spk_end = x - 1;
	c->spk_x = x - 1 - spk;
	c->title_end = spk > 0 ? c->spk_x - 2 : x - 1;
}

/* Draws the columns' names on the top row. */
static void
draw_heading(struct ui *ui, const struct cols *c)
{
	unsigned long a = ui_element(UI_E_HELP_TITLE);

	ui_draw_fill(0, 0, ui->geom.cols, A_NORMAL);
	ui_draw_text(0, 1, c->title_end, "Title", 5, a);
	if (c->spk_end > c->spk_x)
		ui_draw_text(0, c->spk_x, c->spk_end, "Speakers", 8, a);
	right(0, c->words, "Words", a);
	if (c->time > 0)
		right(0, c->time, "Time", a);
	if (c->read > 0) {
		right(0, c->read, "Read", a);
		right(0, c->hl, STAR, a);
	}
}

/* Draws the row of an entry at row y. */
static void
draw_entry(struct ui *ui, const struct library_entry *e, int y,
    const struct cols *c, unsigned long attr)
{
	unsigned long dim = attr | ui_element(UI_E_DIM);
	int known = (e->have & LIBRARY_META) != 0;
	const char *t;
	char buf[32];
	size_t n;

	ui_draw_fill(y, 0, ui->geom.cols, attr);
	t = library_title(e, &n);
	ui_draw_cut(y, 1, c->title_end, t, n, known ? attr : dim);
	if (e->have & LIBRARY_BAD) {
		ui_draw_cut(y, c->spk_x > 1 ? c->spk_x : 1, c->words,
		    e->error, strlen(e->error), dim);
		return;
	}
	if (c->spk_end > c->spk_x && e->speakers != NULL)
		ui_draw_cut(y, c->spk_x, c->spk_end, e->speakers,
		    strlen(e->speakers), attr);
	if (!known) {
		right(y, c->words, ELLIPSIS, dim);
		return;
	}
	words_text(e->words, buf, sizeof buf);
	right(y, c->words, buf, attr);
	if (c->time > 0 && e->duration != DOC_NO_TIME)
		right(y, c->time, doc_format_time(e->duration, 0, buf,
		    sizeof buf), attr);
	if (c->read > 0 && (e->have & LIBRARY_NOTES)) {
		if (e->progress >= 0) {
			snprintf(buf, sizeof buf, "%d%%", e->progress);
			right(y, c->read, buf, attr);
		}
		if (e->highlights > 0) {
			snprintf(buf, sizeof buf, STAR "%zu", e->highlights);
			right(y, c->hl, buf, attr | ui_element(UI_E_HIGHLIGHT));
		}
	}
}

/* The status line of the list: what is listed, and how. */
static void
draw_status(struct ui *ui, struct ui_lib *l)
{
	const struct library *lib = l->lib;
	unsigned long attr = ui_element(UI_E_STATUS);
	int y = ui->geom.lines - 1, cols = ui->geom.cols, x;
	static const char hint[] = "h:help ";
	struct buf b = { NULL, 0, 0 };

	ui_draw_fill(y, 0, cols, attr);
	x = cols - (int)sizeof hint + 1;
	ui_draw_text(y, x, cols, hint, sizeof hint - 1, attr);
	if (ui->msg != NULL) {
		ui_draw_cut(y, 1, x - 1, ui->msg, strlen(ui->msg),
		    ui_element(UI_E_STATUS_MSG));
		return;
	}
	if (l->results && l->search != NULL) {
		buf_printf(&b, "%zu match%s in %zu document%s for ",
		    l->search->total, l->search->total == 1 ? "" : "es",
		    l->search->ndocs, l->search->ndocs == 1 ? "" : "s");
		buf_adds(&b, l->search->text);
		if (!libsearch_done(l->search))
			buf_printf(&b, SEP "searching %zu/%zu",
			    l->search->pos + 1, l->search->norder);
		buf_adds(&b, SEP "Esc: the list");
	} else {
		if (lib->filter != NULL)
			buf_printf(&b, "%zu of %zu documents" SEP "& %s",
			    lib->nshown, lib->n, lib->filter);
		else
			buf_printf(&b, "%zu document%s", lib->n,
			    lib->n == 1 ? "" : "s");
		buf_printf(&b, SEP "by %s", sort_names[lib->sort]);
	}
	ui_draw_cut(y, 1, x - 1, buf_str(&b), b.len, attr);
	buf_free(&b);
}

/* Draws the matches of the search of every document. */
static void
draw_results(struct ui *ui, struct ui_lib *l)
{
	const struct libsearch *s = l->search;
	int row, y;

	ui_draw_cut(0, 1, ui->geom.cols - 1, "Matches", 7,
	    ui_element(UI_E_HELP_TITLE));
	ui_list_show(&l->rp, rows(ui));
	for (row = 0; row < rows(ui); row++) {
		const struct libsearch_row *r;
		unsigned long attr = A_NORMAL;
		size_t i = (size_t)(l->rp.first + row), n;
		const char *t;
		char buf[48];
		int x;

		if (i >= s->nrows)
			break;
		r = &s->rows[i];
		y = row + 1;
		if ((int)i == l->rp.sel)
			attr = ui_element(UI_E_TOC_SEL);
		ui_draw_fill(y, 0, ui->geom.cols, attr);
		if (r->start == LIBSEARCH_DOC) {
			snprintf(buf, sizeof buf, "  %zu match%s", r->count,
			    r->count == 1 ? "" : "es");
			t = library_title(&l->lib->v[r->entry], &n);
			x = ui_draw_cut(y, 1, ui->geom.cols - 1 -
			    (int)strlen(buf), t, n, attr | A_BOLD);
			ui_draw_text(y, x, ui->geom.cols - 1, buf, strlen(buf),
			    attr | ui_element(UI_E_COUNT));
			continue;
		}
		x = ui_draw_cut(y, 4, ui->geom.cols - 1, r->text, r->ms, attr);
		x = ui_draw_cut(y, x, ui->geom.cols - 1, r->text + r->ms,
		    r->me - r->ms, attr | ui_element(UI_E_MATCH));
		ui_draw_cut(y, x, ui->geom.cols - 1, r->text + r->me,
		    strlen(r->text + r->me), attr);
	}
	if (s->nrows == 0 && libsearch_done(s))
		ui_draw_text(1, 4, ui->geom.cols - 1, "No match", 8,
		    ui_element(UI_E_DIM));
}

/* Draws the list (or the matches) and the status line. */
static void
lib_draw(struct ui *ui, struct ui_pane *p)
{
	struct ui_lib *l = (struct ui_lib *)p;
	struct cols c;
	int row;

	resort(ui, l);
	if (l->results && l->search != NULL) {
		draw_results(ui, l);
	} else {
		columns(ui, &c);
		draw_heading(ui, &c);
		ui_list_show(&l->lp, rows(ui));
		for (row = 0; row < rows(ui); row++) {
			size_t i = (size_t)(l->lp.first + row);

			if (i >= l->lib->nshown)
				break;
			draw_entry(ui, &l->lib->v[l->lib->shown[i]], row + 1,
			    &c, (int)i == l->lp.sel ?
			    ui_element(UI_E_TOC_SEL) : A_NORMAL);
		}
		if (l->lib->nshown == 0)
			ui_draw_text(1, 1, ui->geom.cols - 1, l->lib->n == 0 ?
			    "No transcripts in this folder" :
			    "No document matches", l->lib->n == 0 ? 29 : 19,
			    ui_element(UI_E_DIM));
	}
	if (ui->overlay != &l->bar.pane)
		draw_status(ui, l);
}

/* A click selects a row; a click on the selected row opens it. */
static int
lib_click(struct ui *ui, struct ui_pane *p, int y, int x)
{
	struct ui_lib *l = (struct ui_lib *)p;
	struct ui_listpos *lp = l->results ? &l->rp : &l->lp;
	int n = l->results ? (int)result_rows(l) : (int)l->lib->nshown;
	int i = lp->first + y - 1;

	(void)x;
	if (y < 1 || y > rows(ui) || i >= n)
		return 0;
	if (i == lp->sel)
		return lib_key(ui, p, '\r', KEYMAP_SELECT, 0);
	lp->sel = i;
	return 1;
}

static const struct ui_pane_ops lib_ops = {
	"library", KEYMAP_LIB, KEYMAP_IN_LIST | KEYMAP_IN_LIB, lib_draw,
	lib_key, lib_click, NULL, NULL
};

int
ui_lib_init(struct ui_lib *l, const char *dir)
{
	memset(l, 0, sizeof *l);
	l->pane.ops = &lib_ops;
	l->bar.pane.ops = &bar_ops;
	l->bar.lib = l;
	l->open = -1;
	l->at = -1;
	if ((l->lib = library_open(dir)) == NULL)
		return -1;
	return 0;
}

void
ui_lib_free(struct ui_lib *l)
{
	library_free(l->lib);
	libsearch_free(l->search);
	buf_free(&l->bar.input);
	free(l->bar.before);
	free(l->find);
	memset(l, 0, sizeof *l);
}

int
ui_lib_pending(const struct ui_lib *l)
{
	return (l->search != NULL && !libsearch_done(l->search)) ||
	    library_pending(l->lib);
}

void
ui_lib_work(struct ui *ui, struct ui_lib *l)
{
	size_t want[256], n = 0;
	int i, news;

	if (l->search != NULL && !libsearch_done(l->search)) {
		libsearch_work(l->search, l->lib);
		return;
	}
	/* The rows on screen first. */
	for (i = 0; i < rows(ui) && n < sizeof want / sizeof want[0]; i++)
		if ((size_t)(l->lp.first + i) < l->lib->nshown)
			want[n++] = l->lib->shown[l->lp.first + i];
	library_work(l->lib, want, n, &news);
	if (ui->scripted)
		while (library_work(l->lib, want, n, &news))
			;
}
