/* ui_core.h: what the panes of the reader share, and the services they
 * use: messages, moving and jumping, reading on, the paragraph cursor,
 * and drawing. ui_core.c calls no pane; the panes call it and never each
 * other, and only the main loop (ui.c) calls the panes. */
#ifndef LECTERN_UI_CORE_H
#define LECTERN_UI_CORE_H

#include <stddef.h>
#include <stdint.h>

#include "lectern/keymap.h"
#include "lectern/ui.h"
#include "lectern/view.h"

struct doc;
struct notes;
struct ui_find;
struct ui;
struct ui_pane;

/*
 * A pane or an overlay: its state is a struct that starts with a struct
 * ui_pane, and these operations work on it (as tig's views do). Any of
 * them may be NULL.
 */
struct ui_pane_ops {
	const char	*name;
	/* The bindings its keys are looked up in, and the actions it takes
	 * (KEYMAP_IN_*). */
	enum keymap_context context;
	unsigned	 takes;
	/* Draws the pane into curses' buffer. */
	void	(*draw)(struct ui *ui, struct ui_pane *p);
	/* Carries out action a (one it takes; KEYMAP_NONE for a key bound to
	 * nothing), with count (0 for none). Returns 0 when it did not take
	 * the key: a pane passes it on, an overlay is closed. */
	int	(*key)(struct ui *ui, struct ui_pane *p, int key,
		    enum keymap_action a, long count);
	/* A click on the screen at y, x; returns 0 when not taken. */
	int	(*click)(struct ui *ui, struct ui_pane *p, int y, int x);
	/* Follows the view after it moved, or the document after it grew. */
	void	(*follow)(struct ui *ui, struct ui_pane *p);
	/* Frees what the pane holds. */
	void	(*done)(struct ui *ui, struct ui_pane *p);
};

struct ui_pane {
	const struct ui_pane_ops *ops;
};

/* Where the panes are on the screen, for the terminal's size. */
struct ui_geom {
	int		 cols, lines;	/* the terminal's size */
	int		 too_small;
	int		 rows;		/* rows of the panes (above the status) */
	int		 toc_pane;	/* the contents shown beside the text */
	int		 toc_w;		/* width of the contents */
	int		 reader_x, reader_w;	/* the reader pane */
	int		 text_x;	/* the column where the text starts */
	int		 text_w;	/* the width the text is laid out for */
	int		 margin;	/* columns for the cursor and highlight
					   marks, left of the text (0 or 2) */
};

/* What the search found, as the search gives it to the other panes
 * before each redraw. */
struct ui_hits {
	int		 active;	/* a search with its matches */
	size_t		 cur, n;	/* the current match and how many */
	int		 more;		/* more may come (searching on) */
	size_t		 hidden;	/* matches in turns the filter hides */
	size_t		(*ranges)[2];	/* source ranges of the matches on
					   screen */
	size_t		 nranges, capranges;
	long		 rcur;		/* the current one in ranges, or -1 */
	const size_t	*counts;	/* matches in each section */
	size_t		 ncounts;
};

/* Which pane has the keys when no overlay is open. */
enum ui_focus { UI_FOCUS_READER, UI_FOCUS_TOC };

/* The state of one document being read: what is kept for it, apart from
 * the panes. */
struct ui_file {
	struct doc	*doc;
	struct view	*view;
	struct notes	*notes;		/* highlights, marks, place */
	struct ui_find	*find;		/* its search (ui_find.h) */
	int		*doc_hl;	/* sections that are the document's
					   own highlights */
	size_t		 ndoc_hl;
	size_t		 cursor;	/* the paragraph cursor's block */
	struct view_place jump_from;	/* the place before the last jump */
	int		 have_jump;
	int		 want_end;	/* G pressed before the end was read */
	int		 saved_problem;	/* a save failure was said */
};

struct ui {
	struct ui_options opt;
	struct ui_file	*file;
	struct ui_geom	 geom;
	struct ui_hits	 hits;

	struct ui_pane	*overlay;	/* the open overlay, or NULL */
	enum ui_focus	 focus;
	char		*msg;		/* status message, until the next key */
	int		 quit;
	int		 scripted;	/* keys come from a script (tests) */

	/* The last mouse event: button 1 (a click), 4 or 5 (the wheel). */
	int		 mouse_button, mouse_y, mouse_x;

	/* Several files: the one shown (from 0) of how many; the library's
	 * list is shown instead of a file. */
	size_t		 filei, nfiles;
	int		 in_library;
};

/* Writes what the reader holds in memory for the file it shows, by
 * kind (search: the bytes its search holds), to the file LECTERN_STATS
 * names, for make bench. */
void	ui_write_stats(struct ui *ui, size_t search);
/* Says so when the file shrank under the reader; returns 1 then. */
int	ui_check_shrunk(struct ui *ui);
/* Shows the times or hides them; returns 1 when that changed. */
int	ui_toggle_times(struct ui *ui);
/* Takes the mouse or gives it back to the terminal, and says so. */
void	ui_toggle_mouse(struct ui *ui);
/* Shows every speaker's turns again, when one speaker's were shown. */
void	ui_all_speakers(struct ui *ui);

/* Messages on the status line, until the next key. */
void	ui_message(struct ui *ui, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	ui_clear_message(struct ui *ui);

/* Reading on: parses the next chunk of a document still being read
 * (returns 0 when it is all read), or up to source offset off. */
int	ui_read_more(struct ui *ui);
void	ui_read_until(struct ui *ui, size_t off);

/* Moving the view. Scrolls n lines (up when negative), reading on when
 * needed; says so when it cannot move. */
void	ui_scroll(struct ui *ui, long n);
/* Goes to line n (from 1), the top, or the end (once it is read). */
void	ui_goto_line(struct ui *ui, long n);
void	ui_goto_top(struct ui *ui);
void	ui_goto_end(struct ui *ui);
/* Shows the text at source offset off, or block b, at the top, reading
 * up to it first. */
void	ui_goto_offset(struct ui *ui, size_t off);
void	ui_goto_block(struct ui *ui, size_t b);
/* Goes to the next (dir 1) or previous (-1) section or speaker turn. */
void	ui_goto_section(struct ui *ui, int dir);
void	ui_goto_turn(struct ui *ui, int dir);
void	ui_goto_episode(struct ui *ui, int dir);

/* Jumps: the place before the last one, for ''. */
void	ui_jump_note(struct ui *ui, struct view_place from);
/* Goes back to before the last jump (the place left becomes the jump). */
void	ui_jump_back(struct ui *ui);

/* The paragraph cursor: puts it on block b, keeps it on screen after the
 * view moved, or puts it on the paragraph at a row of the reader. */
void	ui_cursor_set(struct ui *ui, size_t b);
void	ui_cursor_follow(struct ui *ui);
void	ui_cursor_row(struct ui *ui, int row);
/* The first and last blocks with text on screen; 0 when none. */
int	ui_on_screen(struct ui *ui, size_t *first, size_t *last);

/* The highlights of both kinds (the document's and the reader's) as
 * blocks in document order. Caller frees *out. */
size_t	ui_highlights(struct ui *ui, size_t **out);
/* Saves the notes; says once when it cannot. */
void	ui_notes_saved(struct ui *ui);
/* Saves the place in the file shown, which stays open. */
void	ui_keep_place(struct ui *ui);

/* A selection in a list of n entries (contents, help, lists): moves it
 * for a movement action with a count, keeping it within the rows shown;
 * returns 0 for an action that is not a movement. */
struct ui_listpos {
	int		 sel;		/* the selected entry */
	int		 first;		/* the first shown */
};
int	ui_list_move(struct ui_listpos *lp, enum keymap_action a, long count,
	    int n, int rows);
/* Scrolls the list so that the selection is in view. */
void	ui_list_show(struct ui_listpos *lp, int rows);

/* Drawing. A pen puts glyphs (safe text of a known width, as text_glyph
 * and layout_walk give them) along a row, up to maxx; a combining mark
 * joins the cell before it. */
struct ui_pen {
	int		 y, x, maxx;
	int		 lastx;		/* the last cell written, or -1 */
};
void	ui_pen_put(struct ui_pen *p, const uint8_t *s, size_t n, int width,
	    unsigned long attr);

/* Draws n bytes of text at y, x, made safe, clipped at maxx;
 * returns the column after it. */
int	ui_draw_text(int y, int x, int maxx, const char *s, size_t n,
	    unsigned long attr);
/* The same, cut by display columns with an ellipsis when it does not fit
 * before maxx. */
int	ui_draw_cut(int y, int x, int maxx, const char *s, size_t n,
	    unsigned long attr);
/* Draws n bytes of text being typed in a bar from x to maxx, its end
 * and the cursor in view: a text too long shows its end after an
 * ellipsis. */
void	ui_draw_input(int y, int x, int maxx, const char *s, size_t n);
/* Fills columns x to maxx of row y with spaces in attr. */
void	ui_draw_fill(int y, int x, int maxx, unsigned long attr);
/* Places a centred overlay box for nlines lines, at most maxw wide,
 * within the panes, and draws its border with a title. Returns 0 when it
 * does not fit. */
int	ui_draw_overlay(struct ui *ui, int maxw, int nlines, const char *title,
	    int *y0, int *x0, int *h, int *w);
/* Draws a note on the bottom border of an overlay box, at its right. */
void	ui_draw_box_note(int y0, int x0, int h, int w, const char *note);

#endif
