/* ui_files.h: the files the reader moves between (those named on the
 * command line, or the documents of the library). Each keeps its
 * document, view, notes and search while it is open; past UI_FILES_OPEN
 * open files, the one shown least recently is closed, keeping its place
 * and highlights in its notes and its search as text, and comes back as
 * it was. No pane: the main loop opens and shows them. */
#ifndef LECTERN_UI_FILES_H
#define LECTERN_UI_FILES_H

#include <stddef.h>

#include "lectern/ui_core.h"

#define UI_FILES_OPEN	8	/* files kept open at most */

struct ui_slot {
	char		*path;		/* as named */
	char		*real;		/* the path that finds its notes */
	struct ui_file	*file;		/* open, or NULL */
	unsigned long	 used;		/* when it was last shown */
	int		 opened;	/* it was open before: it reopens where
					   it was left */
	struct doc	*lent;		/* the document the caller opened for
					   it, not freed here */
	char		*query;		/* its search when it was closed */
	int		 regex;
};

struct ui_files {
	struct ui_slot	*v;
	size_t		 n;
	unsigned long	 clock;
};

/* Makes a slot for each of n paths (copied). */
void	ui_files_init(struct ui_files *fs, char *const *paths, size_t n);
/* Adds a slot for path (copied). */
void	ui_files_add(struct ui_files *fs, const char *path);
/* Frees the slots; their files are closed already. */
void	ui_files_free(struct ui_files *fs);

/* Gives slot i a document opened already, which stays the caller's;
 * real is the path of its notes (copied; NULL for none). */
void	ui_files_lend(struct ui_files *fs, size_t i, struct doc *d,
	    const char *real);

/* Makes slot i's file (its document read as far as the reader shows
 * first), without a view or notes yet. Returns it, or NULL with errno
 * set when the document cannot be opened. */
struct ui_file *ui_files_load(struct ui *ui, struct ui_files *fs, size_t i);

/* Notes that slot i is shown now. */
void	ui_files_shown(struct ui_files *fs, size_t i);

/* The open slot shown least recently when more than UI_FILES_OPEN are
 * open, other than keep; -1 when none is to close. */
long	ui_files_victim(const struct ui_files *fs, size_t keep);

/* Frees slot i's file (its notes are closed), keeping its search. */
void	ui_files_unload(struct ui_files *fs, size_t i);

#endif
