/* ui.c: the reader's main loop: read a key, find its action in the key
 * table, hand it to the pane that has the keys, redraw. It owns the panes
 * and is the only module that calls them. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/layout.h"
#include "lectern/render.h"
#include "lectern/state.h"
#include "lectern/ui.h"
#include "lectern/ui_core.h"
#include "lectern/ui_files.h"
#include "lectern/ui_find.h"
#include "lectern/ui_help.h"
#include "lectern/ui_input.h"
#include "lectern/ui_lib.h"
#include "lectern/ui_list.h"
#include "lectern/ui_notes.h"
#include "lectern/ui_open.h"
#include "lectern/ui_out.h"
#include "lectern/ui_reader.h"
#include "lectern/ui_script.h"
#include "lectern/ui_search.h"
#include "lectern/ui_status.h"
#include "lectern/ui_style.h"
#include "lectern/ui_term.h"
#include "lectern/ui_time.h"
#include "lectern/ui_toc.h"
#include "lectern/util.h"
#include "lectern/view.h"

#define TOC_MIN_COLS	70	/* narrower: the contents go over the text */
#define TOC_MIN_W	22
#define TOC_MAX_W	36
#define TOC_SHARE	40	/* the most the contents take, percent */
#define TOC_OPT_MIN	12	/* the narrowest --toc-width gives */
#define TEXT_MAX_COLS	80
#define WHEEL_LINES	3
#define COUNT_MAX	100000000

/* The loop's state: the reader's state and the panes. */
struct loop {
	struct ui	 ui;
	struct ui_files	 files;		/* the files, or the library's */
	size_t		 cur;		/* the one shown */
	struct ui_lib	 lib;		/* the library, when there is one */
	int		 have_lib;
	int		 prefix;	/* the first key of two (:n), or 0 */

	struct ui_reader reader;
	struct ui_toc	 toc;
	struct ui_status status;
	struct ui_search search;
	struct ui_help	 help;
	struct ui_list	 list;
	struct ui_marks	 marks;
	struct ui_time	 time;

	struct ui_script script;
	long		 count;		/* numeric prefix, 0 for none */
	int		 blocking;	/* waiting for a key, no work left */
	/* An action that records a jump opened an overlay: the place it
	 * started from, noted as a jump if the overlay closes elsewhere. */
	int		 jump_pending;
	struct view_place jump_origin;
};

static volatile sig_atomic_t got_signal;

static void	next_file(struct loop *, int);
static void	to_library(struct loop *);
static void	open_from_library(struct loop *);

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* The width of the contents beside the text: a quarter of the terminal
 * (within limits); wider, as their headings need, only with room the
 * text does not need; or as the options say. */
static int
toc_width(struct loop *L)
{
	struct ui *ui = &L->ui;
	int base, spare, want, w, most = COLS * TOC_SHARE / 100;

	if (ui->opt.toc_width != UI_TOC_AUTO) {
		w = ui->opt.toc_width < most ? ui->opt.toc_width : most;
		return w < TOC_OPT_MIN ? TOC_OPT_MIN : w;
	}
	base = COLS / 4;
	if (base < TOC_MIN_W)
		base = TOC_MIN_W;
	if (base > TOC_MAX_W)
		base = TOC_MAX_W;
	/* The text's widest, its margin and the column after it. */
	spare = COLS - (base + 1) - (TEXT_MAX_COLS + 3);
	want = ui_toc_want(ui, &L->toc);
	if (spare <= 0 || want <= base)
		return base;
	w = want < base + spare ? want : base + spare;
	return w < most ? w : most > base ? most : base;
}

/* Works out the panes' geometry for the terminal's size. */
static void
layout(struct loop *L)
{
	struct ui *ui = &L->ui;
	struct ui_geom *g = &ui->geom;
	int text, room, was_pane = g->toc_pane;

	g->cols = COLS;
	g->lines = LINES;
	g->too_small = COLS < 16 || LINES < 3;
	g->rows = LINES - 1 > 0 ? LINES - 1 : 1;
	g->toc_pane = ui->opt.toc && COLS >= TOC_MIN_COLS &&
	    !ui->in_library && ui->file != NULL &&
	    ui_toc_rows(ui->file) > 0;
	if (g->toc_pane) {
		g->toc_w = toc_width(L);
		g->reader_x = g->toc_w + 1;
	} else {
		g->toc_w = COLS < 40 ? COLS : 40;
		g->reader_x = 0;
		/* The pane the focus was in is gone. */
		if (was_pane && ui->focus == UI_FOCUS_TOC)
			ui->focus = UI_FOCUS_READER;
	}
	g->reader_w = COLS - g->reader_x;
	g->margin = g->reader_w >= 30 ? 2 : 0;
	text = g->reader_w - g->margin - (g->reader_w >= 30 ? 1 : 0);
	if (text > TEXT_MAX_COLS)
		text = TEXT_MAX_COLS;
	g->text_w = text < 1 ? 1 : text;
	g->text_x = g->reader_x + g->margin;
	/* Centred: the room the text leaves, half on each side. */
	room = g->reader_w - g->margin - (g->reader_w >= 30 ? 1 : 0) -
	    g->text_w;
	if (ui->opt.center && room > 1)
		g->text_x += room / 2;
	if (ui->file == NULL)
		return;
	if (ui->file->view == NULL) {
		ui->file->view = view_new(ui->file->doc, g->text_w, g->rows);
		view_set_flags(ui->file->view, ui->opt.times ? LAYOUT_F_TIMES :
		    0);
	} else
		view_resize(ui->file->view, g->text_w, g->rows);
}

/* Draws the whole screen into curses' buffer and sends the difference. */
static void
redraw(struct loop *L)
{
	static const char notice[] = "Terminal too small";
	struct ui *ui = &L->ui;

	werase(stdscr);
	if (ui->geom.too_small) {
		ui_draw_text(0, 0, COLS, notice, sizeof notice - 1, A_BOLD);
	} else if (ui->in_library) {
		L->lib.pane.ops->draw(ui, &L->lib.pane);
		if (ui->overlay != NULL && ui->overlay->ops->draw != NULL)
			ui->overlay->ops->draw(ui, ui->overlay);
	} else {
		ui_find_hits(ui, ui->file->find);
		L->reader.pane.ops->draw(ui, &L->reader.pane);
		L->toc.pane.ops->draw(ui, &L->toc.pane);
		if (ui->overlay != &L->search.pane)
			L->status.pane.ops->draw(ui, &L->status.pane);
		if (ui->overlay != NULL && ui->overlay->ops->draw != NULL)
			ui->overlay->ops->draw(ui, ui->overlay);
	}
	wnoutrefresh(stdscr);
	ui_out_hold(STDOUT_FILENO);
	doupdate();
	ui_out_send();
}

/* The panes follow the view after it moved. */
static void
follow(struct loop *L, int cursor)
{
	if (L->ui.in_library)
		return;
	ui_find_follow(&L->ui, L->ui.file->find);
	L->toc.pane.ops->follow(&L->ui, &L->toc.pane);
	if (cursor)
		L->reader.pane.ops->follow(&L->ui, &L->reader.pane);
}

/* Shows the contents and gives them the keys, or gives the keys back to
 * the text (and hides the contents over it). */
static void
toggle_focus(struct loop *L)
{
	struct ui *ui = &L->ui;

	ui->focus = ui->focus == UI_FOCUS_TOC ? UI_FOCUS_READER :
	    UI_FOCUS_TOC;
	follow(L, 0);
}

/* Carries out an action that no pane took: those of the reader as a
 * whole, which open overlays, show panes and change modes; count is the
 * count typed before it (0 for none). */
static void
act(struct loop *L, int key, enum keymap_action a, long count)
{
	struct ui *ui = &L->ui;
	struct ui_file *f = ui->file;

	if (ui->in_library && a != KEYMAP_HELP && a != KEYMAP_QUIT &&
	    a != KEYMAP_REDRAW && a != KEYMAP_SUSPEND &&
	    a != KEYMAP_TOGGLE_MOUSE && a != KEYMAP_NONE)
		return;
	switch (a) {
	case KEYMAP_TOGGLE_TOC:
		if (ui_toc_rows(f) == 0) {
			ui_message(ui, "This document has no sections");
		} else if (ui->geom.cols >= TOC_MIN_COLS) {
			ui->opt.toc = !ui->opt.toc;
			if (!ui->opt.toc)
				ui->focus = UI_FOCUS_READER;
			layout(L);
		} else
			toggle_focus(L);
		break;
	case KEYMAP_FOCUS:
		if (ui->geom.toc_pane || ui_toc_rows(f) > 0)
			toggle_focus(L);
		break;
	case KEYMAP_SEARCH_FWD:
	case KEYMAP_SEARCH_BACK:
		ui_search_open(ui, &L->search, a == KEYMAP_SEARCH_BACK);
		break;
	case KEYMAP_SEARCH_NEXT:
	case KEYMAP_SEARCH_PREV:
		ui_find_next(ui, f->find, a == KEYMAP_SEARCH_NEXT ? 1 : -1);
		break;
	case KEYMAP_TOGGLE_HL:
		ui_notes_toggle(ui);
		break;
	case KEYMAP_NEXT_HL:
	case KEYMAP_PREV_HL:
		ui_notes_visit(ui, a == KEYMAP_NEXT_HL ? 1 : -1);
		break;
	case KEYMAP_LIST_HL:
		ui_list_open(ui, &L->list, UI_LIST_HIGHLIGHTS);
		break;
	case KEYMAP_SET_MARK:
		ui_marks_open(ui, &L->marks, 'm');
		break;
	case KEYMAP_GOTO_MARK:
		ui_marks_open(ui, &L->marks, '\'');
		break;
	case KEYMAP_LIST_MARKS:
		ui_list_open(ui, &L->list, UI_LIST_MARKS);
		break;
	case KEYMAP_COPY:
		ui_notes_copy(ui);
		break;
	case KEYMAP_SPEAKERS:
		ui_list_open(ui, &L->list, UI_LIST_SPEAKERS);
		break;
	case KEYMAP_ALL_SPEAKERS:
		ui_all_speakers(ui);
		break;
	case KEYMAP_HELP:
		ui_help_open(ui, &L->help);
		break;
	case KEYMAP_TOGGLE_MOUSE:
		ui_toggle_mouse(ui);
		break;
	case KEYMAP_REDRAW:
		clearok(curscr, TRUE);
		break;
	case KEYMAP_SUSPEND:
		ui_term_suspend();
		break;
	case KEYMAP_TOGGLE_TIMES:
		/* The contents' width counts the times. */
		if (ui_toggle_times(ui))
			layout(L);
		break;
	case KEYMAP_GOTO_TIME:
		ui_time_open(ui, &L->time, count);
		break;
	case KEYMAP_QUIT:
		if (L->have_lib && !ui->in_library)
			to_library(L);
		else if (!L->have_lib || !ui_lib_close_results(&L->lib))
			ui->quit = 1;
		break;
	case KEYMAP_NEXT_FILE:
	case KEYMAP_PREV_FILE:
		next_file(L, a == KEYMAP_NEXT_FILE ? 1 : -1);
		break;
	case KEYMAP_NONE:
		if (key == KEYMAP_CTRL('C'))
			ui_message(ui, "Type q to quit");
		else if (key != KEYMAP_ESC)
			ui_message(ui, "No action for that key (h for help)");
		break;
	default:
		break;
	}
}

/* Which pane has the keys: the open overlay, or the focused pane. */
static struct ui_pane *
keys_pane(struct loop *L)
{
	if (L->ui.overlay != NULL)
		return L->ui.overlay;
	if (L->ui.in_library)
		return &L->lib.pane;
	return L->ui.focus == UI_FOCUS_TOC ? &L->toc.pane : &L->reader.pane;
}

/* Hands action a (bound to key in pane p's context) to p; what p does not
 * take goes to the reader, then to the loop; an overlay that does not
 * take a key closes. */
static void
dispatch(struct loop *L, struct ui_pane *p, int key, enum keymap_action a,
    long count)
{
	struct ui *ui = &L->ui;
	struct ui_pane *r = &L->reader.pane;
	enum keymap_action pa;

	pa = keymap_flags(a) & p->ops->takes ? a : KEYMAP_NONE;
	if (p == ui->overlay) {
		if (!p->ops->key(ui, p, key, pa, count))
			ui->overlay = NULL;
		return;
	}
	if (pa != KEYMAP_NONE && p != r && p->ops->key(ui, p, key, pa, count))
		return;
	if (!ui->in_library && (keymap_flags(a) & r->ops->takes) &&
	    r->ops->key(ui, r, key, a, count))
		return;
	act(L, key, a, count);
}

/* Runs the action of key with a count: repeated when the table says a
 * count repeats it; a jump noted when it moved the view. */
static void
run_key(struct loop *L, int key, long count)
{
	struct ui *ui = &L->ui;
	struct ui_file *file = ui->file;
	struct view *v;
	struct ui_pane *p = keys_pane(L);
	enum keymap_action a = keymap_lookup(key, p->ops->context);
	unsigned fl = keymap_flags(a);
	struct view_place before = { 0, 0 };
	long i, times = 1;

	if (!ui->in_library)
		before = view_place(file->view);
	if ((fl & KEYMAP_F_REPEAT) && count > 0)
		times = count;
	if (!(fl & KEYMAP_F_COUNT))
		count = 0;
	for (i = 0; i < times && !ui->quit && ui->file == file; i++)
		dispatch(L, p, key, a, count);
	if (L->have_lib && L->lib.open >= 0)
		open_from_library(L);
	/* Another file, or the library, is shown now. */
	if (ui->quit || ui->in_library || ui->file != file) {
		L->jump_pending = 0;
		return;
	}
	v = file->view;
	if ((fl & KEYMAP_F_JUMP) && ui->overlay != NULL && !L->jump_pending) {
		L->jump_pending = 1;
		L->jump_origin = before;
	} else if ((fl & KEYMAP_F_JUMP) && !view_place_eq(before,
	    view_place(v)))
		ui_jump_note(ui, before);
	if (L->jump_pending && ui->overlay == NULL) {
		L->jump_pending = 0;
		if (!view_place_eq(L->jump_origin, view_place(v)))
			ui_jump_note(ui, L->jump_origin);
	}
	follow(L, !(fl & KEYMAP_F_KEEP));
}

/* Acts on the mouse event in ui: the wheel scrolls, a click in the
 * contents goes there, a click on the text puts the cursor there. */
static void
mouse(struct loop *L)
{
	struct ui *ui = &L->ui;
	struct view *v;
	struct view_place before;

	if (ui->in_library) {
		if (ui->overlay == NULL && ui->mouse_button == 1)
			L->lib.pane.ops->click(ui, &L->lib.pane, ui->mouse_y,
			    ui->mouse_x);
		else if (ui->overlay == NULL && ui->mouse_button >= 4)
			L->lib.pane.ops->key(ui, &L->lib.pane, 0,
			    ui->mouse_button == 4 ? KEYMAP_LINE_UP :
			    KEYMAP_LINE_DOWN, WHEEL_LINES);
		if (L->lib.open >= 0)
			open_from_library(L);
		return;
	}
	v = ui->file->view;
	before = view_place(v);
	if (ui->overlay != NULL && ui->overlay != &L->search.pane)
		return;
	switch (ui->mouse_button) {
	case 4:
		view_scroll(v, -WHEEL_LINES);
		break;
	case 5:
		view_scroll(v, WHEEL_LINES);
		break;
	case 1:
		/* A click in the contents is a jump, as Enter there is. */
		if (L->toc.pane.ops->click(ui, &L->toc.pane, ui->mouse_y,
		    ui->mouse_x)) {
			if (!view_place_eq(before, view_place(v)))
				ui_jump_note(ui, before);
		} else
			L->reader.pane.ops->click(ui, &L->reader.pane,
			    ui->mouse_y, ui->mouse_x);
		break;
	}
	follow(L, ui->mouse_button != 1);
}

/* Handles one key. */
static void
handle_key(struct loop *L, int key)
{
	struct ui *ui = &L->ui;
	long count;

	if (key == KEYMAP_K_RESIZE) {
		layout(L);
		follow(L, 0);
		return;
	}
	ui_clear_message(ui);
	if (key == KEYMAP_K_MOUSE) {
		mouse(L);
		return;
	}
	if (ui->overlay == NULL && key >= '0' && key <= '9' &&
	    (key != '0' || L->count > 0) && L->prefix == 0) {
		if (L->count < COUNT_MAX)
			L->count = L->count * 10 + (key - '0');
		ui_message(ui, "%ld", L->count);
		return;
	}
	/* The first key of two (:n) waits for the second. */
	if (ui->overlay == NULL && (key = keymap_follow(&L->prefix, key,
	    keys_pane(L)->ops->context)) < 0) {
		if (L->prefix != 0)
			ui_message(ui, "%c", L->prefix);
		return;
	}
	count = L->count;
	L->count = 0;
	run_key(L, key, count);
}

/* True while there is work to do between keys. */
static int
idle_pending(struct loop *L)
{
	struct ui_file *f = L->ui.file;

	if (L->ui.in_library)
		return ui_lib_pending(&L->lib);
	return !doc_complete(f->doc) || f->want_end ||
	    ui_find_pending(f->find);
}

/* Does a slice of the work between keys: searching on, reading on, then
 * folding the text for the search. Returns 1 when the view moved, to be
 * drawn at once. */
static int
idle_work(struct loop *L)
{
	struct ui *ui = &L->ui;
	struct ui_file *f = ui->file;

	if (ui->in_library) {
		ui_lib_work(ui, &L->lib);
		return 0;
	}
	if (ui_find_scanning(f->find)) {
		ui_find_work(ui, f->find);
		return 0;
	}
	if (ui_read_more(ui)) {
		/* New headings may want wider contents. */
		if (ui->geom.toc_pane && ui->opt.toc_width == UI_TOC_AUTO &&
		    toc_width(L) != ui->geom.toc_w)
			layout(L);
		return 0;
	}
	if (f->want_end) {
		f->want_end = 0;
		view_to_end(f->view);
		follow(L, 1);
		return 1;
	}
	ui_find_work(ui, f->find);
	return 0;
}

/* Does the work between keys for a frame (ui_input_frame_over) or until
 * the view moves before drawing again: a drawing costs what a slice does,
 * and a search of 100 MB is a hundred slices. A library's list fills in
 * as its rows are read, a slice a drawing. */
static void
idle_frame(struct loop *L)
{
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (!idle_work(L) && !L->ui.scripted && !L->ui.in_library &&
	    !L->ui.quit && got_signal == 0 && idle_pending(L) &&
	    !ui_input_frame_over(&t0))
		;
}

/* Closes file i: its notes saved, its search kept as text. */
static void
close_file(struct loop *L, size_t i)
{
	struct ui *ui = &L->ui;
	struct ui_file *keep = ui->file;

	if (L->files.v[i].file == NULL)
		return;
	ui->file = L->files.v[i].file;
	ui_notes_close(ui);
	ui->file = keep == L->files.v[i].file ? NULL : keep;
	ui_files_unload(&L->files, i);
}

/* Shows file i (an entry of the library's), opening it where it was
 * left, or where the command line says for a file of its own. Returns
 * 0, or -1 after saying why it cannot be opened. */
static int
show_file(struct loop *L, size_t i)
{
	struct ui *ui = &L->ui;
	struct ui_slot *s = &L->files.v[i];
	int fresh = s->file == NULL, top = ui->opt.top;
	struct ui_file *f;
	long old;

	if ((f = ui_files_load(ui, &L->files, i)) == NULL) {
		ui_message(ui, "Cannot open %s: %s", s->path, strerror(errno));
		return -1;
	}
	if (!ui->in_library)
		ui_keep_place(&L->ui);
	ui->file = f;
	L->cur = i;
	ui->in_library = 0;
	ui->overlay = NULL;
	ui->focus = UI_FOCUS_READER;
	ui_files_shown(&L->files, i);
	ui_toc_init(&L->toc);
	layout(L);
	if (fresh) {
		ui->opt.path = s->real;
		if (s->opened || L->have_lib)
			ui->opt.top = 0;
		ui_notes_open(ui);
		ui->opt.top = top;
		if (!s->opened && !L->have_lib)
			ui_open_place(ui);
		else if (s->query != NULL)
			ui_open_search(ui, s->query, s->regex);
		if (doc_looks_binary(f->doc) && ui->msg == NULL)
			ui_message(ui, "This looks like a binary file; its "
			    "bytes are shown as placeholders");
	}
	if (L->have_lib)
		ui->filei = ui_lib_position(&L->lib, i, &ui->nfiles);
	else {
		ui->filei = i;
		ui->nfiles = L->files.n;
	}
	while ((old = ui_files_victim(&L->files, i)) >= 0)
		close_file(L, (size_t)old);
	follow(L, 0);
	return 0;
}

/* Shows the next (dir 1) or previous (-1) file: of the command line,
 * or as the library lists them. */
static void
next_file(struct loop *L, int dir)
{
	struct ui *ui = &L->ui;
	long j;

	if (L->have_lib)
		j = ui_lib_neighbor(&L->lib, L->cur, dir);
	else if (L->files.n <= 1) {
		ui_message(ui, "There is only this file");
		return;
	} else
		j = dir > 0 ? (L->cur + 1 < L->files.n ? (long)L->cur + 1 :
		    -1) : (long)L->cur - 1;
	if (j < 0)
		ui_message(ui, dir > 0 ? "This is the last file" :
		    "This is the first file");
	else
		show_file(L, (size_t)j);
}

/* Back from a document to the library's list. */
static void
to_library(struct loop *L)
{
	struct ui *ui = &L->ui;
	size_t i;

	ui_keep_place(&L->ui);
	ui->in_library = 1;
	ui->overlay = NULL;
	/* What was read since may have moved on: read its notes again. */
	for (i = 0; i < L->files.n; i++)
		if (L->files.v[i].file != NULL)
			library_touch(L->lib.lib, i);
	ui_lib_back(&L->lib, L->cur);
	layout(L);
	if (ui->scripted)
		ui_lib_work(ui, &L->lib);
}

/* Opens what the library asks for: a document, at a match perhaps. */
static void
open_from_library(struct loop *L)
{
	struct ui_lib *l = &L->lib;
	long e = l->open, at = l->at;

	l->open = -1;
	if (show_file(L, (size_t)e) == 0 && at >= 0 && l->search != NULL)
		ui_open_match(&L->ui, l->search->text, l->search->regex,
		    (size_t)at);
}

/* Sets up the loop's state for document d, or the library. Returns 0, or
 * -1 after saying why the library cannot be read. */
static int
loop_init(struct loop *L, struct doc *d, const struct ui_options *opt)
{
	char *one[1];
	size_t i;

	memset(L, 0, sizeof *L);
	L->ui.opt = *opt;
	ui_reader_init(&L->reader);
	ui_toc_init(&L->toc);
	ui_status_init(&L->status);
	ui_search_init(&L->search);
	ui_help_init(&L->help);
	ui_list_init(&L->list);
	ui_marks_init(&L->marks);
	ui_time_init(&L->time);
	if (d != NULL) {
		one[0] = d->name;
		if (opt->nfiles > 0)
			ui_files_init(&L->files, opt->files, opt->nfiles);
		else
			ui_files_init(&L->files, one, 1);
		ui_files_lend(&L->files, 0, d, opt->path);
		return 0;
	}
	if (ui_lib_init(&L->lib, opt->library) == -1) {
		fputs("lectern: ", stderr);
		render_safe(stderr, (const unsigned char *)opt->library,
		    strlen(opt->library));
		fprintf(stderr, ": %s\n", strerror(errno));
		return -1;
	}
	L->have_lib = 1;
	L->ui.in_library = 1;
	ui_files_init(&L->files, NULL, 0);
	for (i = 0; i < L->lib.lib->n; i++)
		ui_files_add(&L->files, L->lib.lib->v[i].path);
	return 0;
}

static void
loop_free(struct loop *L)
{
	size_t i;

	ui_write_stats(&L->ui, L->ui.file != NULL && L->ui.file->find != NULL ?
	    ui_find_size(L->ui.file->find) : 0);
	for (i = 0; i < L->files.n; i++)
		close_file(L, i);
	ui_files_free(&L->files);
	if (L->have_lib)
		ui_lib_free(&L->lib);
	ui_search_free(&L->search);
	ui_list_free(&L->list);
	ui_time_free(&L->time);
	free(L->ui.msg);
	free(L->ui.hits.ranges);
	ui_script_close(&L->script);
}

int
ui_run(struct doc *d, const struct ui_options *opt)
{
	static struct loop loop;
	struct loop *L = &loop;
	struct ui *ui = &L->ui;
	struct sigaction sa;
	int rc;

	if (loop_init(L, d, opt) == -1)
		return 2;
	if ((rc = ui_script_open(&L->script)) == -1) {
		const char *path = getenv("LECTERN_SCRIPT");

		fputs("lectern: ", stderr);
		render_safe(stderr, (const unsigned char *)path, strlen(path));
		fprintf(stderr, ": %s\n", strerror(errno));
		return 2;
	}
	ui->scripted = rc == 1;

	/* Our handlers before curses', so that it keeps them. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	state_set_cancel(&got_signal);	/* no long wait for a lock then */

	if (ui_term_start() == -1) {
		ui_script_close(&L->script);
		return 2;
	}
	ui_style_init(&ui->opt);
	ui_input_mouse(ui->opt.mouse);

	layout(L);
	if (L->have_lib) {
		/* Tests see what the library knows from the first key. */
		if (ui->scripted)
			ui_lib_work(ui, &L->lib);
	} else
		show_file(L, 0);
	if (opt->notice != NULL && ui->msg == NULL)
		ui_message(ui, "%s (ignored)", opt->notice);
	while (!ui->quit && got_signal == 0) {
		int key;

		L->blocking = !idle_pending(L);
		redraw(L);
		/* Drawing is what touches a mapped file's pages. */
		if (ui_check_shrunk(ui))
			redraw(L);
		key = ui_script_next(ui, &L->script, L->blocking);
		if (got_signal != 0 || ui->quit)
			break;
		if (key >= 0)
			handle_key(L, key);
		else if (!L->blocking)
			idle_frame(L);
	}
	ui_term_end();
	loop_free(L);
	if (got_signal != 0) {
		signal(got_signal, SIG_DFL);
		return 128 + got_signal;
	}
	return 0;
}
