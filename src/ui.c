/* ui.c: the reader's main loop: read a key, find its action, act, redraw. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/layout.h"
#include "lectern/render.h"
#include "lectern/text.h"
#include "lectern/ui.h"
#include "lectern/ui_term.h"
#include "lectern/util.h"
#include "lectern/view.h"

#define TOC_MIN_COLS	70	/* narrower: the contents become an overlay */
#define TEXT_MAX_COLS	80
#define WHEEL_LINES	3
#define READ_CHUNK	(4u << 20)	/* bytes parsed between two keys */

static volatile sig_atomic_t got_signal;
static int curses_on;

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* Restores the terminal; safe to call more than once. */
static void
ui_restore(void)
{
	if (curses_on) {
		curses_on = 0;
		mousemask(0, NULL);
		endwin();
	}
}

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	char *s;

	free(ui->msg);
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		util_fatal("out of memory");
	va_end(ap);
	ui->msg = s;
}

/* Works out the panes' geometry for the terminal's size. */
void
ui_layout(struct ui *ui)
{
	int text;

	ui->cols = COLS;
	ui->lines = LINES;
	ui->too_small = COLS < 16 || LINES < 3;
	ui->rows = LINES - 1 > 0 ? LINES - 1 : 1;
	ui->toc_pane = ui->opt.toc && COLS >= TOC_MIN_COLS &&
	    ui->doc->nsections > 0;
	if (ui->toc_pane) {
		ui->toc_w = COLS / 4;
		if (ui->toc_w < 22)
			ui->toc_w = 22;
		if (ui->toc_w > 36)
			ui->toc_w = 36;
		ui->reader_x = ui->toc_w + 1;
		ui->toc_overlay = 0;
	} else {
		ui->toc_w = COLS < 40 ? COLS : 40;
		ui->reader_x = 0;
		if (ui->focus == UI_FOCUS_TOC && !ui->toc_overlay)
			ui->focus = UI_FOCUS_READER;
	}
	ui->reader_w = COLS - ui->reader_x;
	ui->margin = ui->reader_w >= 30 ? 2 : 0;
	text = ui->reader_w - ui->margin - (ui->reader_w >= 30 ? 1 : 0);
	if (text > TEXT_MAX_COLS)
		text = TEXT_MAX_COLS;
	ui->text_w = text < 1 ? 1 : text;
	if (ui->view == NULL)
		ui->view = view_new(ui->doc, ui->text_w, ui->rows);
	else
		view_resize(ui->view, ui->text_w, ui->rows);
}

/* Draws the whole screen into curses' buffer and sends the difference. */
static void
redraw(struct ui *ui)
{
	werase(stdscr);
	if (ui->too_small) {
		static const char notice[] = "Terminal too small";

		ui_draw_text(0, 0, COLS, notice,
		    (size_t)COLS < sizeof notice - 1 ? (size_t)COLS :
		    sizeof notice - 1, A_BOLD);
	} else {
		ui_draw_reader(ui);
		if (ui->toc_pane || ui->toc_overlay)
			ui_toc_draw(ui);
		if (ui->search.bar)
			ui_search_draw_bar(ui);
		else
			ui_draw_status(ui);
		if (ui->list != UI_LIST_NONE)
			ui_list_draw(ui);
		if (ui->help)
			ui_help_draw(ui);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

int
ui_move(int action, int *pos, int last, int page)
{
	switch (action) {
	case KEYMAP_LINE_DOWN:
	case KEYMAP_CURSOR_DOWN:
		(*pos)++;
		break;
	case KEYMAP_LINE_UP:
	case KEYMAP_CURSOR_UP:
		(*pos)--;
		break;
	case KEYMAP_PAGE_DOWN:
	case KEYMAP_HALF_DOWN:
		*pos += page;
		break;
	case KEYMAP_PAGE_UP:
	case KEYMAP_HALF_UP:
		*pos -= page;
		break;
	case KEYMAP_TOP:
		*pos = 0;
		break;
	case KEYMAP_END:
		*pos = last;
		break;
	default:
		return 0;
	}
	if (*pos > last)
		*pos = last;
	if (*pos < 0)
		*pos = 0;
	return 1;
}

/* Reports that a movement could not happen. */
static void
cannot(struct ui *ui, int down)
{
	ui_message(ui, down ? "End of the document" : "Top of the document");
}

int
ui_read_more(struct ui *ui)
{
	size_t nb = ui->doc->nblocks;

	if (doc_complete(ui->doc))
		return 0;
	doc_parse_some(ui->doc, READ_CHUNK);
	/* The last blocks may have changed (a pull quote found its
	 * attribution). */
	layout_cache_forget(ui->view->lc, nb >= 4 ? nb - 4 : 0);
	return 1;
}

void
ui_read_until(struct ui *ui, size_t off)
{
	while (!doc_complete(ui->doc) && doc_parsed(ui->doc) <= off)
		ui_read_more(ui);
}

static void
scroll_by(struct ui *ui, long n)
{
	long moved = view_scroll(ui->view, n);

	/* Near the end of what is read so far: read on. */
	while (n > 0 && moved < n && ui_read_more(ui))
		moved += view_scroll(ui->view, n - moved);
	if (moved == 0 && n != 0)
		cannot(ui, n > 0);
}

/* The block of the i-th heading or turn. */
static size_t
section_block(const struct doc *d, size_t i)
{
	return d->sections[i].heading;
}

static size_t
turn_block(const struct doc *d, size_t i)
{
	return d->turns[i].first;
}

/*
 * Jumps to the next (dir 1) or previous (-1) of a list of places in the
 * document (headings, turns), *n of them, the i-th at block at(d, i);
 * reads on when the next one may not be read yet. what names one.
 */
static void
jump_to(struct ui *ui, int dir, const size_t *n,
    size_t (*at)(const struct doc *, size_t), const char *what)
{
	const struct doc *d = ui->doc;
	size_t top = view_top_block(ui->view);
	long i;

	while (*n == 0 && ui_read_more(ui))
		;
	if (*n == 0) {
		ui_message(ui, "This document has no %ss", what);
		return;
	}
	if (dir > 0) {
		for (;;) {
			for (i = 0; i < (long)*n; i++)
				if (at(d, (size_t)i) > top)
					break;
			if (i < (long)*n || !ui_read_more(ui))
				break;
		}
		if (i == (long)*n || view_at_end(ui->view)) {
			ui_message(ui, "No next %s", what);
			return;
		}
	} else {
		for (i = (long)*n - 1; i >= 0; i--)
			if (at(d, (size_t)i) < top)
				break;
		if (i < 0) {
			ui_message(ui, "No previous %s", what);
			return;
		}
	}
	view_show_block(ui->view, at(d, (size_t)i));
}

/* Goes to line n (from 1) of the laid-out document. */
static void
goto_line(struct ui *ui, long n)
{
	view_to_top(ui->view);
	if (n > 1)
		view_scroll(ui->view, n - 1);
}

static void
set_mouse(struct ui *ui, int on)
{
	ui->opt.mouse = on;
	if (on) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
		    BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	} else
		mousemask(0, NULL);
}

static void
suspend(void)
{
	def_prog_mode();
	endwin();
	raise(SIGTSTP);
	reset_prog_mode();
	clearok(curscr, TRUE);
}

/* Reads a mouse event from curses into ui; returns 0 for none. */
static int
read_mouse(struct ui *ui)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return 0;
	ui->mouse_y = ev.y;
	ui->mouse_x = ev.x;
	if (ev.bstate & BUTTON4_PRESSED)
		ui->mouse_button = 4;
	else if (ev.bstate & BUTTON5_PRESSED)
		ui->mouse_button = 5;
	else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		ui->mouse_button = 1;
	else
		return 0;
	return 1;
}

/* Acts on the mouse event in ui: the wheel scrolls, a click in the
 * contents jumps. */
static void
mouse_event(struct ui *ui)
{
	switch (ui->mouse_button) {
	case 4:
		view_scroll(ui->view, -WHEEL_LINES);
		break;
	case 5:
		view_scroll(ui->view, WHEEL_LINES);
		break;
	case 1:
		if ((ui->toc_pane || ui->toc_overlay) &&
		    ui->mouse_x < ui->toc_w)
			ui_toc_click(ui, ui->mouse_y, ui->mouse_x);
		else if (ui->mouse_x >= ui->reader_x &&
		    ui->mouse_y < ui->rows)
			ui_cursor_click(ui, ui->mouse_y);
		break;
	}
}

/* Carries out one action in the reader. */
static void
act(struct ui *ui, enum keymap_action a, long count)
{
	int page = ui->rows > 1 ? ui->rows - 1 : 1;
	long n = count > 0 ? count : 1;

	switch (a) {
	case KEYMAP_TOP:
	case KEYMAP_END:
	case KEYMAP_PERCENT:
	case KEYMAP_NEXT_SECTION:
	case KEYMAP_PREV_SECTION:
	case KEYMAP_NEXT_TURN:
	case KEYMAP_PREV_TURN:
	case KEYMAP_SEARCH_FWD:
	case KEYMAP_SEARCH_BACK:
	case KEYMAP_SEARCH_NEXT:
	case KEYMAP_SEARCH_PREV:
		ui_jump(ui);
		break;
	default:
		break;
	}
	if (ui_notes_act(ui, a))
		return;
	switch (a) {
	case KEYMAP_LINE_DOWN:
		scroll_by(ui, n);
		break;
	case KEYMAP_LINE_UP:
		scroll_by(ui, -n);
		break;
	case KEYMAP_PAGE_DOWN:
		scroll_by(ui, n * page);
		break;
	case KEYMAP_PAGE_UP:
		scroll_by(ui, -n * page);
		break;
	case KEYMAP_HALF_DOWN:
		scroll_by(ui, n * (ui->rows / 2 > 0 ? ui->rows / 2 : 1));
		break;
	case KEYMAP_HALF_UP:
		scroll_by(ui, -n * (ui->rows / 2 > 0 ? ui->rows / 2 : 1));
		break;
	case KEYMAP_TOP:
		if (count > 0)
			goto_line(ui, count);
		else if (view_at_top(ui->view))
			cannot(ui, 0);
		else
			view_to_top(ui->view);
		break;
	case KEYMAP_END:
		if (count > 0)
			goto_line(ui, count);
		else if (!doc_complete(ui->doc)) {
			/* Read on between keys; the end shows when it is
			 * there. */
			ui->want_end = 1;
		} else if (view_at_end(ui->view))
			cannot(ui, 1);
		else
			view_to_end(ui->view);
		break;
	case KEYMAP_PERCENT:
		if (count > 100)
			count = 100;
		ui_goto_offset(ui, ui->doc->len / 100 * (size_t)count +
		    ui->doc->len % 100 * (size_t)count / 100);
		break;
	case KEYMAP_NEXT_SECTION:
	case KEYMAP_PREV_SECTION:
		jump_to(ui, a == KEYMAP_NEXT_SECTION ? 1 : -1,
		    &ui->doc->nsections, section_block, "section");
		break;
	case KEYMAP_NEXT_TURN:
	case KEYMAP_PREV_TURN:
		jump_to(ui, a == KEYMAP_NEXT_TURN ? 1 : -1, &ui->doc->nturns,
		    turn_block, "speaker turn");
		break;
	case KEYMAP_TOGGLE_TOC:
		if (ui->doc->nsections == 0) {
			ui_message(ui, "This document has no sections");
		} else if (ui->cols >= TOC_MIN_COLS) {
			ui->opt.toc = !ui->opt.toc;
			if (!ui->opt.toc)
				ui->focus = UI_FOCUS_READER;
			ui_layout(ui);
		} else {
			ui->toc_overlay = !ui->toc_overlay;
			ui->focus = ui->toc_overlay ? UI_FOCUS_TOC :
			    UI_FOCUS_READER;
			ui_toc_follow(ui);
		}
		break;
	case KEYMAP_FOCUS:
		if (ui->toc_pane) {
			ui->focus = ui->focus == UI_FOCUS_TOC ?
			    UI_FOCUS_READER : UI_FOCUS_TOC;
			ui_toc_follow(ui);
		} else if (ui->doc->nsections > 0) {
			ui->toc_overlay = !ui->toc_overlay;
			ui->focus = ui->toc_overlay ? UI_FOCUS_TOC :
			    UI_FOCUS_READER;
			ui_toc_follow(ui);
		}
		break;
	case KEYMAP_SELECT:
		scroll_by(ui, n);
		break;
	case KEYMAP_SEARCH_FWD:
	case KEYMAP_SEARCH_BACK:
		ui_search_open(ui, a == KEYMAP_SEARCH_BACK);
		break;
	case KEYMAP_SEARCH_NEXT:
	case KEYMAP_SEARCH_PREV:
		ui_search_next(ui, a == KEYMAP_SEARCH_NEXT ? 1 : -1);
		break;
	case KEYMAP_HELP:
		ui->help = 1;
		ui->help_first = 0;
		break;
	case KEYMAP_TOGGLE_MOUSE:
		set_mouse(ui, !ui->opt.mouse);
		ui_message(ui, ui->opt.mouse ? "Mouse on: wheel scrolls, "
		    "clicks jump" : "Mouse off: the terminal selects text");
		break;
	case KEYMAP_REDRAW:
		clearok(curscr, TRUE);
		break;
	case KEYMAP_SUSPEND:
		suspend();
		break;
	case KEYMAP_QUIT:
		ui->quit = 1;
		break;
	default:
		break;
	}
}

/* Translates a curses key into lectern's key numbers. */
static int
translate(int ret, wint_t wc)
{
	if (ret == OK)
		return (int)wc;
	switch (wc) {
	case KEY_DOWN:		return KEYMAP_K_DOWN;
	case KEY_UP:		return KEYMAP_K_UP;
	case KEY_LEFT:		return KEYMAP_K_LEFT;
	case KEY_RIGHT:		return KEYMAP_K_RIGHT;
	case KEY_NPAGE:		return KEYMAP_K_PGDN;
	case KEY_PPAGE:		return KEYMAP_K_PGUP;
	case KEY_HOME:		return KEYMAP_K_HOME;
	case KEY_END:		return KEYMAP_K_END;
	case KEY_ENTER:		return KEYMAP_K_ENTER;
	case KEY_BACKSPACE:	return KEYMAP_K_BACKSPACE;
	case KEY_DC:		return KEYMAP_K_DELETE;
	case KEY_F(1):		return KEYMAP_K_F1;
	case KEY_MOUSE:		return KEYMAP_K_MOUSE;
	case KEY_RESIZE:	return KEYMAP_K_RESIZE;
	default:		return -1;
	}
}

void
ui_goto_offset(struct ui *ui, size_t off)
{
	ui_read_until(ui, off);
	view_show_offset(ui->view, off);
}

/* True while there is work to do between keys. */
static int
idle_pending(struct ui *ui)
{
	return !doc_complete(ui->doc) || ui->want_end ||
	    ui->search.index == NULL || ui->search.scanning ||
	    !search_index_complete(ui->search.index);
}

/* Does a slice of the work between keys: reading on, then folding the
 * text for the search. */
static void
idle_work(struct ui *ui)
{
	if (ui->search.scanning) {
		ui_search_scan(ui);
		return;
	}
	if (ui_read_more(ui))
		return;
	if (ui->want_end) {
		ui->want_end = 0;
		view_to_end(ui->view);
		ui_toc_follow(ui);
		ui_cursor_follow(ui);
		return;
	}
	ui_search_grew(ui);
}

/* Reads the next key from the terminal or the script; -1 for none. */
static int
next_key(struct ui *ui)
{
	wint_t wc;
	int ret, key;

	if (ui->script != NULL) {
		if (!ui_script_key(ui, &key))
			ui->quit = 1;
		return ui->quit ? -1 : key;
	}
	ret = wget_wch(stdscr, &wc);
	if (ret == ERR) {
		/* The terminal is gone (an SSH connection dropped): stop
		 * instead of spinning. */
		if (ui->blocking && errno != EINTR && ++ui->input_errors > 3)
			ui->quit = 1;
		return -1;
	}
	ui->input_errors = 0;
	key = translate(ret, wc);
	if (key == KEYMAP_K_MOUSE && !read_mouse(ui))
		return -1;
	return key;
}

/* Handles one key. */
static void
handle_key(struct ui *ui, int key)
{
	enum keymap_action a;
	long count;

	if (key == KEYMAP_K_RESIZE) {
		ui_layout(ui);
		ui_toc_follow(ui);
		return;
	}
	free(ui->msg);
	ui->msg = NULL;
	if (key == KEYMAP_K_MOUSE) {
		if (!ui->help && ui->list == UI_LIST_NONE)
			mouse_event(ui);
		ui_toc_follow(ui);
		if (ui->mouse_button != 1)
			ui_cursor_follow(ui);
		return;
	}
	if (ui->help) {
		ui_help_key(ui, key);
		return;
	}
	if (ui->search.bar) {
		ui_search_key(ui, key);
		ui_toc_follow(ui);
		return;
	}
	if (ui->list != UI_LIST_NONE) {
		ui_list_key(ui, key);
		ui_toc_follow(ui);
		ui_cursor_follow(ui);
		return;
	}
	if (ui->pending) {
		ui_notes_pending(ui, key);
		ui_toc_follow(ui);
		ui_cursor_follow(ui);
		return;
	}
	if (key >= '0' && key <= '9' && (key != '0' || ui->count > 0)) {
		if (ui->count < 100000000)
			ui->count = ui->count * 10 + (key - '0');
		ui_message(ui, "%ld", ui->count);
		return;
	}
	count = ui->count;
	ui->count = 0;
	if (key == KEYMAP_ESC && (ui->toc_overlay || ui->focus == UI_FOCUS_TOC)) {
		ui->toc_overlay = 0;
		ui->focus = UI_FOCUS_READER;
		return;
	}
	a = keymap_lookup(key, KEYMAP_READER);
	if (ui->focus == UI_FOCUS_TOC && ui_toc_key(ui, key, a))
		return;
	if (a == KEYMAP_NONE) {
		if (key == KEYMAP_CTRL('C'))
			ui_message(ui, "Type q to quit");
		else if (key != KEYMAP_ESC)
			ui_message(ui, "No action for that key (h for help)");
		return;
	}
	act(ui, a, count);
	if (a != KEYMAP_QUIT) {
		ui_toc_follow(ui);
		if (a != KEYMAP_CURSOR_DOWN && a != KEYMAP_CURSOR_UP &&
		    a != KEYMAP_SEARCH_NEXT && a != KEYMAP_SEARCH_PREV)
			ui_cursor_follow(ui);
	}
}

/* Says that the reader cannot run on this terminal. */
static void
bad_terminal(const char *term, const char *why)
{
	fputs("lectern: the terminal type '", stderr);
	if (term != NULL)
		render_safe(stderr, (const unsigned char *)term, strlen(term));
	fprintf(stderr, "' %s (set TERM, or use --dump)\n", why);
}

int
ui_run(struct doc *d, const struct ui_options *opt)
{
	struct sigaction sa;
	struct ui ui;
	SCREEN *scr;
	const char *script, *term;

	memset(&ui, 0, sizeof ui);
	ui.doc = d;
	ui.opt = *opt;
	if ((script = getenv("LECTERN_SCRIPT")) != NULL && *script != '\0') {
		if ((ui.script = fopen(script, "r")) == NULL) {
			fputs("lectern: ", stderr);
			render_safe(stderr, (const unsigned char *)script,
			    strlen(script));
			fprintf(stderr, ": %s\n", strerror(errno));
			return 2;
		}
		if (getenv("LECTERN_DUMP") != NULL)
			ui.dump_path = xstrdup(getenv("LECTERN_DUMP"));
	}

	/* Our handlers before curses', so that it keeps them. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	state_set_cancel(&got_signal);	/* no long wait for a lock then */

	term = getenv("TERM");
	if (term == NULL || *term == '\0' ||
	    (scr = newterm(NULL, stdout, stdin)) == NULL) {
		bad_terminal(term, "is unknown");
		goto fail;
	}
	set_term(scr);
	if (!ui_term_can_move()) {
		endwin();
		delscreen(scr);
		bad_terminal(term, "cannot move the cursor");
		goto fail;
	}
	curses_on = 1;
	util_set_fatal_hook(ui_restore);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	idlok(stdscr, TRUE);
	leaveok(stdscr, TRUE);	/* the cursor is hidden: no moves for it */
	ui_style_init(&ui.opt);
	set_mouse(&ui, ui.opt.mouse);

	if (ui.script != NULL) {
		/* Tests see the whole document from the first key. */
		doc_parse_all(d);
	}
	ui_layout(&ui);
	ui_notes_open(&ui);
	if (doc_looks_binary(d) && ui.msg == NULL)
		ui_message(&ui, "This looks like a binary file; its bytes are "
		    "shown as placeholders");
	ui_toc_follow(&ui);
	while (!ui.quit && got_signal == 0) {
		int key;

		ui.blocking = !idle_pending(&ui);
		wtimeout(stdscr, ui.blocking ? -1 : 0);
		redraw(&ui);
		key = next_key(&ui);
		if (got_signal != 0 || ui.quit)
			break;
		if (key >= 0)
			handle_key(&ui, key);
		else if (!ui.blocking)
			idle_work(&ui);
	}
	ui_restore();
	delscreen(scr);
	ui_notes_close(&ui);
	ui_search_free(&ui);
	view_free(ui.view);
	free(ui.msg);
	free(ui.dump_path);
	if (ui.script != NULL)
		fclose(ui.script);
	if (got_signal != 0) {
		signal(got_signal, SIG_DFL);
		return 128 + got_signal;
	}
	return 0;
fail:
	if (ui.script != NULL)
		fclose(ui.script);
	free(ui.dump_path);
	return 2;
}
