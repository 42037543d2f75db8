/* state_list.h: lists of strings kept in the state directory, such as
 * the search history (no terminal in here). */
#ifndef LECTERN_STATE_LIST_H
#define LECTERN_STATE_LIST_H

#include <stddef.h>

/* A list of strings, oldest first, such as the search history. An item's
 * key is its text up to a tab, if it has one (the search history keeps
 * how a query was searched after it): a newer item replaces an older one
 * of the same key. */
struct state_list {
	char	**items;
	size_t	  n, cap;
	char	**unsaved;	/* added here, not yet saved */
	size_t	  nunsaved, capunsaved;
};

/* Loads one item a line from path (a missing file is an empty list),
 * keeping the newest max distinct items. Returns 0 or -1 with errno. */
int	 state_list_load(struct state_list *l, const char *path, size_t max);
/* Makes the items of l those of len bytes of such a file, in linear
 * time: the newest max non-empty lines of distinct keys, oldest first. */
void	 state_list_parse(struct state_list *l, const char *data, size_t len,
	    size_t max);
/* Adds s at the end, removing an older item of its key; keeps at most
 * max items.
 * Returns -1 (and adds nothing) for an item with a newline. */
int	 state_list_add(struct state_list *l, const char *s, size_t max);
/* Saves under PATH.lock: the file's list with the items added here since
 * the last save appended, at most max; l becomes that list. Returns 0, or
 * -1 with errno (the items are kept for the next save). */
int	 state_list_save(struct state_list *l, const char *path, size_t max);
void	 state_list_free(struct state_list *l);

#endif
