/* ui_search.h: the search bar, on the bottom line while a query is typed:
 * every edit searches again (ui_find.h does the searching). */
#ifndef LECTERN_UI_SEARCH_H
#define LECTERN_UI_SEARCH_H

#include "lectern/search.h"
#include "lectern/state_list.h"
#include "lectern/ui_core.h"
#include "lectern/util.h"

/* An overlay: its keys edit the query, recall the history, switch
 * between plain text and a regular expression and limit the scope. */
struct ui_search {
	struct ui_pane	 pane;
	int		 backward;	/* searching backward */
	int		 open_back;	/* opened with ? */
	int		 regex;
	struct buf	 input;		/* the query being typed */
	enum search_scope_kind scope;
	int		 scope_section, scope_speaker;
	char		*error;		/* why the query found nothing */
	const char	*note;		/* said in the bar until the next key */
	int		 edited;	/* the query was typed since opening */
	/* The search before the bar opened, back after Esc; Enter on an
	 * empty bar repeats it. */
	char		*prev;		/* its text, or NULL */
	int		 prev_regex, prev_back;
	size_t		 prev_cur;	/* its current match */
	struct search_scope prev_scope;
	struct state_list history;	/* oldest first: "QUERY\tHOW" */
	int		 history_loaded;
	size_t		 history_pos;
};

void	ui_search_init(struct ui_search *s);
void	ui_search_free(struct ui_search *s);

/* Opens the bar to search forward or backward from the top of the view. */
void	ui_search_open(struct ui *ui, struct ui_search *s, int backward);

#endif
