/* ui_find.h: the search in the file being read: its folded text, the
 * query and its matches, searched a slice at a time between keys, and
 * what the other panes are told of them. No pane of its own: the search
 * bar edits the query, the main loop steps through the matches. */
#ifndef LECTERN_UI_FIND_H
#define LECTERN_UI_FIND_H

#include <stddef.h>

#include "lectern/search.h"
#include "lectern/ui_core.h"

struct ui_find {
	struct search_index *index;	/* begun at the first search */
	struct search_query q;		/* the query of the matches */
	int		 have;		/* q and res are valid */
	struct search_result res;
	struct search_scope scope;
	int		 backward;	/* n goes back, N forward */
	size_t		 cur;		/* the current match */
	size_t		 scan;		/* where the next slice starts */
	int		 scanning;	/* more to search, between keys */
	int		 shown;		/* a match was shown for this query */
	struct view_place origin;	/* where the search started */
	size_t		 origin_off;
	size_t		*counts;	/* matches in each section */
	size_t		 ncounts;
	size_t		 counted;	/* matches counted in them (SIZE_MAX:
					   none, count anew) */
	size_t		 count_hint;	/* the block of the last counted */
	/* With a speaker filter on, only what is shown is searched: the
	 * matches in hidden turns are dropped, and counted. */
	int		 filter;	/* the view's filter they were found
					   under */
	size_t		 checked;	/* matches checked for it */
	size_t		 hidden;	/* matches dropped as hidden */
	/* A short query typed in the bar finds only the matches near the
	 * view (on screen, and the first after it): a letter or two would
	 * match millions of places, all to be found and kept before the
	 * next letter. Enter searches the whole text. */
	int		 near;
	size_t		 near_from;	/* where the near search started */
	/* The whole matches of the shorter queries typed before this one
	 * (each a prefix of it), while few: Backspace in the bar goes back
	 * to them instead of searching the whole text again. */
	struct ui_find_saved *saved;
	size_t		 nsaved;
	/* While the near matches of a short query are shown and the next
	 * letter has not come, the whole text is searched for it unseen,
	 * while its matches are few: that letter then refines them, as a
	 * longer query does, instead of searching the text again. */
	char		*pretext;	/* the text of the query shown then */
	struct search_query preq;	/* the query searched for */
	struct search_result pre;	/* its matches, none hidden */
	struct search_scope prescope;
	size_t		 prescan;	/* where its next slice starts */
	int		 prestate;	/* UI_FIND_PRE_ */
};

#define UI_FIND_PRE_NONE	0	/* no query */
#define UI_FIND_PRE_RUN		1	/* being searched */
#define UI_FIND_PRE_DONE	2	/* the whole text searched */
#define UI_FIND_PRE_OFF		3	/* too many matches: given up */
#define UI_FIND_PRE_FAILED	4	/* the query would not compile */

void	ui_find_init(struct ui_find *f);
void	ui_find_free(struct ui_find *f);

/* Begins a search from the place at the top of the view: the text is
 * folded from here on, between keys; the last search stays until a new
 * query replaces it. */
void	ui_find_begin(struct ui *ui, struct ui_find *f);

/* How ui_find_query searches. */
#define UI_FIND_GROW	 1	/* the text only got longer: narrow the
				   matches found so far */
#define UI_FIND_BACK	 2	/* the nearest match before, not after */
#define UI_FIND_QUIET	 4	/* the view stays where it is */
#define UI_FIND_NEAR	 8	/* being typed: a short query finds only
				   the matches near the view */

/*
 * Searches for text (NUL-terminated) within scope, going back to where
 * the search began first, and shows the nearest match (flags UI_FIND_*).
 * Empty text forgets the search. Returns 0, or -1 with a message in err
 * (size bytes) for a bad query.
 */
int	ui_find_query(struct ui *ui, struct ui_find *f, const char *text,
	    int regex, const struct search_scope *scope, int flags, char *err,
	    size_t size);

/* Searches the whole text for a query found only near the view, the
 * current match staying current (Enter in the bar). */
void	ui_find_complete(struct ui *ui, struct ui_find *f);

/* Back to where the search began. */
void	ui_find_return(struct ui *ui, struct ui_find *f);
void	ui_find_forget(struct ui_find *f);

/* Searches again when the speaker filter changed. */
void	ui_find_follow(struct ui *ui, struct ui_find *f);

/* Goes to the next (dir 1) or previous (-1) match, wrapping around. */
void	ui_find_next(struct ui *ui, struct ui_find *f, int dir);

/* True while the search has work to do between keys; does a slice of it:
 * searching on, or folding more of the text (read first). */
int	ui_find_pending(const struct ui_find *f);
int	ui_find_scanning(const struct ui_find *f);
void	ui_find_work(struct ui *ui, struct ui_find *f);

/* Bytes of memory the search holds (its matches and scratch space). */
size_t	ui_find_size(const struct ui_find *f);

/* Tells the other panes (ui->hits) what was found, for the screen. */
void	ui_find_hits(struct ui *ui, struct ui_find *f);

#endif
