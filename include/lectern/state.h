/* state.h: the reader's own files: where they live and how they are
 * written so that nothing is ever half-written (no terminal in here). */
#ifndef LECTERN_STATE_H
#define LECTERN_STATE_H

#include <stddef.h>

/* The state directory: $XDG_STATE_HOME/lectern, or
 * ~/.local/state/lectern. With create, makes it (mode 0700). Returns a
 * new string, or NULL with errno set. Caller frees. */
char	*state_dir(int create);

/* Joins the state directory and name. Returns a new string or NULL with
 * errno set. Caller frees. */
char	*state_path(const char *name, int create);

/* Replaces the file at path with len bytes of data, atomically: a
 * temporary file in the same directory (mode 0600), fsync, rename.
 * Returns 0, or -1 with errno set (the old file is then untouched). */
int	 state_write(const char *path, const void *data, size_t len);

/* Reads the whole file at path. Returns a new NUL-terminated buffer and
 * its length, or NULL with errno set. Caller frees. */
char	*state_read(const char *path, size_t *len);

/* A list of strings, oldest first, such as the search history. */
struct state_list {
	char	**items;
	size_t	  n, cap;
};

/* Loads one item a line from path (a missing file is an empty list). */
int	 state_list_load(struct state_list *l, const char *path);
/* Adds s at the end, removing an older copy; keeps at most max items. */
void	 state_list_add(struct state_list *l, const char *s, size_t max);
/* Saves one item a line. Returns 0 or -1 with errno. */
int	 state_list_save(const struct state_list *l, const char *path);
void	 state_list_free(struct state_list *l);

#endif
