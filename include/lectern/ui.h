/* ui.h: the terminal user interface. Only the ui modules include curses;
 * this header does not, so main.c can start the UI without it. */
#ifndef LECTERN_UI_H
#define LECTERN_UI_H

#include <stddef.h>
#include <stdio.h>

#include "lectern/notes.h"
#include "lectern/search.h"
#include "lectern/state.h"
#include "lectern/state_list.h"
#include "lectern/util.h"
#include "lectern/view.h"

struct doc;
struct view;

enum ui_palette { UI_PALETTE_DARK, UI_PALETTE_LIGHT };

struct ui_options {
	int		 toc;		/* show the table of contents */
	int		 mouse;		/* capture the mouse */
	enum ui_palette	 palette;
	int		 color;		/* 0 when NO_COLOR is set */
	int		 regex;		/* searches start as regular expressions */
	int		 top;		/* open at the top, not at the saved place */
	int		 osc52;		/* y copies through the terminal */
	const char	*path;		/* the document's path for the notes */
};

/* Runs the reader on d until the user quits. Returns the exit status. */
int	ui_run(struct doc *d, const struct ui_options *opt);

/* The search bar and the matches of the last search. */
struct ui_search {
	int		 bar;		/* the bar is open */
	int		 backward;	/* opened with ? */
	int		 regex;
	struct buf	 input;		/* the query being typed */
	enum search_scope_kind scope;
	int		 scope_section, scope_speaker;
	struct search_index *index;	/* built at the first search */
	struct search_query q;		/* the query of the matches */
	int		 have;		/* q and res are valid */
	struct search_result res;
	size_t		 cur;		/* the current match */
	size_t		 scan;		/* folded offset searched up to */
	int		 scanning;	/* more to search, between keys */
	int		 shown;		/* a match was shown for this query */
	struct view_pos	 origin;	/* where the search started */
	size_t		 origin_off;
	char		*error;		/* why the query found nothing */
	struct state_list history;
	int		 history_loaded;
	size_t		 history_pos;
	size_t		*counts;	/* matches in each section */
	size_t		 ncounts;	/* sections counted (more may come) */
};

/* Which pane has the keys. */
enum ui_focus { UI_FOCUS_READER, UI_FOCUS_TOC };

/* The state of the UI, shared by its modules (ui_*.c). */
struct ui {
	struct doc	*doc;
	struct view	*view;
	struct ui_options opt;

	int		 cols, lines;	/* the terminal's size */
	int		 too_small;
	int		 toc_pane;	/* the contents shown as a pane */
	int		 toc_overlay;	/* the contents shown over the reader */
	int		 toc_w;		/* width of the contents pane */
	int		 reader_x, reader_w;
	int		 margin;	/* columns left of the text */
	int		 text_w;	/* width the text is laid out for */
	int		 rows;		/* rows of the panes */

	enum ui_focus	 focus;
	int		 toc_sel;	/* selected section */
	int		 toc_first;	/* first section shown */

	int		 help;		/* the help overlay is open */
	int		 help_first;

	char		*msg;		/* status message, until the next key */
	long		 count;		/* numeric prefix, 0 for none */
	int		 input_errors;	/* reads from the terminal that failed */
	int		 blocking;	/* waiting for a key, no work left */
	int		 want_end;	/* G pressed before the end was read */
	int		 quit;

	struct ui_search search;

	struct notes	*notes;		/* highlights, marks, place */
	size_t		 cursor;	/* the paragraph cursor's block */
	int		*doc_hl;	/* sections that are the document's
					   own highlights */
	size_t		 ndoc_hl;
	size_t		 jump_from;	/* top offset before the last jump */
	int		 have_jump;
	int		 pending;	/* m or ' waiting for its letter */
	int		 saved_problem;	/* a save failure was said */

	enum ui_list_kind {
		UI_LIST_NONE, UI_LIST_HIGHLIGHTS, UI_LIST_SPEAKERS
	}		 list;		/* the open list overlay */
	int		 list_sel, list_first;
	size_t		*list_blocks;	/* what each entry jumps to */
	size_t		 nlist;

	/* The last mouse event: button 1 (a click), 4 or 5 (the wheel). */
	int		 mouse_button, mouse_y, mouse_x;

	FILE		*script;	/* keys from a file (tests) */
	char		*dump_path;	/* where <dump> writes the screen */
};

/* ui.c */
void	ui_message(struct ui *ui, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	ui_layout(struct ui *ui);
/* Parses the next chunk of a document still being read; 0 when done. */
int	ui_read_more(struct ui *ui);
/* Parses up to source offset off. */
void	ui_read_until(struct ui *ui, size_t off);
/* Moves a selection or a scroll position in a list (contents, help,
 * lists) for a movement action, within 0..last; returns 0 for an action
 * that is not a movement. */
int	ui_move(int action, int *pos, int last, int page);
/* Shows the text at off at the top, reading up to it first. */
void	ui_goto_offset(struct ui *ui, size_t off);

/* ui_style.c: colours and attributes. */
void	ui_style_init(const struct ui_options *opt);
/* The curses attributes (with colour pair) of a layout style; speaker is a
 * speaker index or -1. */
unsigned long ui_style(int style, int speaker);
/* Attributes of UI elements. */
enum ui_element {
	UI_E_STATUS, UI_E_STATUS_MSG, UI_E_STATUS_ERR, UI_E_TOC, UI_E_TOC_CUR,
	UI_E_TOC_SEL, UI_E_BORDER, UI_E_HELP, UI_E_HELP_KEY, UI_E_HELP_TITLE,
	UI_E_MATCH, UI_E_MATCH_CUR, UI_E_COUNT, UI_E_CURSOR, UI_E_HIGHLIGHT
};
unsigned long ui_element(enum ui_element e);

/* ui_draw.c: the reader pane and the status line. */
void	ui_draw_reader(struct ui *ui);
void	ui_draw_status(struct ui *ui);
/* Draws n bytes of safe text at y, x, clipped at maxx; returns the column
 * after it. */
int	ui_draw_text(int y, int x, int maxx, const char *s, size_t n,
	    unsigned long attr);

/* Clears a box of h rows and w columns at y0, x0 and draws its border
 * with a title. */
void	ui_draw_box(int y0, int x0, int h, int w, const char *title);

/* Places a centered overlay box for nlines lines, at most maxw wide and
 * two rows short of the panes, and draws it. Returns 0 when it does not
 * fit. */
int	ui_overlay(struct ui *ui, int maxw, int nlines, const char *title,
	    int *y0, int *x0, int *h, int *w);

/* ui_toc.c: the table of contents. */
void	ui_toc_draw(struct ui *ui);
void	ui_toc_follow(struct ui *ui);
int	ui_toc_key(struct ui *ui, int key, int action);
int	ui_toc_click(struct ui *ui, int y, int x);
/* The section holding block b, or -1. */
int	ui_section_of(const struct ui *ui, size_t b);

/* ui_search.c: the search bar, n and N, and the matches to highlight. */
void	ui_search_open(struct ui *ui, int backward);
void	ui_search_key(struct ui *ui, int key);
void	ui_search_next(struct ui *ui, int dir);
void	ui_search_draw_bar(struct ui *ui);
/* Source ranges of the matches between two offsets, at most max; *cur is
 * set to the index in ranges of the current match, or -1. */
size_t	ui_search_visible(struct ui *ui, size_t from, size_t to,
	    size_t (*ranges)[2], size_t max, int *cur);
/* "K/N" of the current match, or "" without a search. */
void	ui_search_position(struct ui *ui, char *buf, size_t size);
/* Folds more of a grown document for the search. */
void	ui_search_grew(struct ui *ui);
/* Searches the next slice of the text, between keys. */
void	ui_search_scan(struct ui *ui);
void	ui_search_free(struct ui *ui);

/* ui_notes.c: the paragraph cursor, highlights, marks, copy, speakers. */
void	ui_notes_open(struct ui *ui);
void	ui_notes_close(struct ui *ui);
/* Records the place before a jump, for ''. */
void	ui_jump(struct ui *ui);
/* Carries out a notes action; returns 0 when it is not one. */
int	ui_notes_act(struct ui *ui, int action);
/* Takes the letter after m or '. */
void	ui_notes_pending(struct ui *ui, int key);
/* Keeps the cursor on screen after the view moved. */
void	ui_cursor_follow(struct ui *ui);
/* Puts the cursor on the paragraph at a row of the reader. */
void	ui_cursor_click(struct ui *ui, int row);
/* Draws the margin marks of a reader row for block b. */
void	ui_notes_margin(struct ui *ui, int row, size_t b);

/* The highlights of both kinds as blocks, in document order. Caller
 * frees *out. */
size_t	ui_highlights(struct ui *ui, size_t **out);

/* ui_list.c: the lists of highlights and of speakers. */
void	ui_list_open(struct ui *ui, enum ui_list_kind kind);
void	ui_list_key(struct ui *ui, int key);
void	ui_list_draw(struct ui *ui);

/* ui_help.c: the help overlay. */
void	ui_help_draw(struct ui *ui);
void	ui_help_key(struct ui *ui, int key);

/* ui_script.c: keys from a script file and screen dumps, for tests. */
int	ui_script_key(struct ui *ui, int *key);
void	ui_script_dump(struct ui *ui);

#endif
