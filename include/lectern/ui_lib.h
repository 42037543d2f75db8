/* ui_lib.h: the library: the list of the documents of a folder, with
 * their titles, speakers, length and progress, sorted and filtered as
 * one types, and the matches of a search of every document's text. It
 * has the whole screen while no document is shown. */
#ifndef LECTERN_UI_LIB_H
#define LECTERN_UI_LIB_H

#include <stddef.h>

#include "lectern/library.h"
#include "lectern/libsearch.h"
#include "lectern/ui_core.h"
#include "lectern/util.h"

enum ui_lib_bar_kind { UI_LIB_FIND, UI_LIB_FILTER, UI_LIB_SEARCH };

struct ui_lib;

/* The bar on the bottom line where a filter, a title to find or a
 * search of every document is typed: an overlay of the library. */
struct ui_lib_bar {
	struct ui_pane	 pane;
	struct ui_lib	*lib;
	enum ui_lib_bar_kind kind;
	struct buf	 input;
	int		 origin;	/* the selection when it opened */
	int		 nomatch;	/* what / finds is nowhere */
	char		*before;	/* the filter when it opened */
};

struct ui_lib {
	struct ui_pane	 pane;
	struct library	*lib;
	struct ui_listpos lp;		/* in lib->shown */
	struct ui_lib_bar bar;
	char		*find;		/* what / finds, folded, or NULL */
	/* The search of every document, and its list of matches shown
	 * instead of the documents while results is set. */
	struct libsearch *search;
	struct ui_listpos rp;		/* in search->rows */
	int		 results;
	/* What the main loop is asked to open: an entry (or -1), at a
	 * match of the search (at is the match's offset, or -1). */
	long		 open;
	long		 at;
};

/* Opens the library of the folder dir. Returns 0, or -1 with errno. */
int	ui_lib_init(struct ui_lib *l, const char *dir);
void	ui_lib_free(struct ui_lib *l);

/* True while the library has work to do between keys; does a slice. */
int	ui_lib_pending(const struct ui_lib *l);
void	ui_lib_work(struct ui *ui, struct ui_lib *l);

/* The entry shown next to entry e in the list (dir 1 or -1), or -1. */
long	ui_lib_neighbor(const struct ui_lib *l, size_t e, int dir);
/* Where entry e is in the list (from 0), and how many are listed. */
size_t	ui_lib_position(const struct ui_lib *l, size_t e, size_t *n);

/* The reader comes back to the list from entry e: its notes are read
 * again, and it is selected. */
void	ui_lib_back(struct ui_lib *l, size_t e);

/* Leaves the list of matches for the documents; returns 0 when it was
 * not shown. */
int	ui_lib_close_results(struct ui_lib *l);

#endif
