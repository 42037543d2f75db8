/* ui.h: the terminal user interface, as the command line starts it. Only
 * the ui modules include curses; this header does not. */
#ifndef LECTERN_UI_H
#define LECTERN_UI_H

struct doc;

enum ui_palette { UI_PALETTE_DARK, UI_PALETTE_LIGHT };

/* The contents' width by default: as wide as their headings need, where
 * the text leaves room. */
#define UI_TOC_AUTO	0

struct ui_options {
	int		 toc;		/* show the table of contents */
	int		 toc_width;	/* its width in columns, or UI_TOC_AUTO */
	int		 center;	/* centre the text in its pane */
	int		 mouse;		/* capture the mouse */
	enum ui_palette	 palette;
	int		 color;		/* 0 when NO_COLOR is set */
	int		 regex;		/* searches start as regular expressions */
	int		 top;		/* open at the top, not at the saved place */
	int		 osc52;		/* y copies through the terminal */
	int		 times;		/* show the times of turns and chapters */
	const char	*path;		/* the document's path for the notes */
	/* Where the files of the command line open, instead of the saved
	 * place: at the first match of search, at line (from 1; -1: the
	 * end), at a time (ms; -1: none), at the first section whose title
	 * has section. */
	const char	*search;
	long		 line;
	long		 at_ms;
	const char	*section;
	/* The files named (the first is the document ui_run is given), or
	 * the library's folder (ui_run is given no document). */
	char		**files;
	size_t		 nfiles;
	const char	*library;
	const char	*notice;	/* said on the status line at the start */
};

/* Sets the options a reader starts with. */
void	ui_options_init(struct ui_options *opt);

/* Runs the reader on d (the first of opt's files), or on the library of
 * opt->library when d is NULL, until the user quits. Returns the exit
 * status. */
int	ui_run(struct doc *d, const struct ui_options *opt);

#endif
