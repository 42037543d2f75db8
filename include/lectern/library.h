/* library.h: a folder of transcripts as a library: the documents in it,
 * what is known of each (title, speakers, length, the reader's progress),
 * found out a slice at a time and kept in a cache in the state directory,
 * and the list as it is sorted and filtered (no terminal in here). */
#ifndef LECTERN_LIBRARY_H
#define LECTERN_LIBRARY_H

#include <stddef.h>
#include <stdint.h>

/* What is known of an entry (bits of have). */
#define LIBRARY_META	1	/* title, speakers, words, duration */
#define LIBRARY_NOTES	2	/* progress and highlights, up to date */
#define LIBRARY_BAD	4	/* it could not be read */

/* A document of the library. */
struct library_entry {
	char		*path;		/* the folder's path, then rel */
	size_t		 rel;		/* where the name within the folder
					   starts in path */
	int		 stated;	/* size, mtime and ino are known */
	uint64_t	 size;
	int64_t		 mtime;		/* ns */
	uint64_t	 ino;
	unsigned	 have;		/* LIBRARY_* */
	char		*title;		/* "" when the document has none */
	char		*speakers;	/* the three with most turns, "A, B, C" */
	size_t		 nspeakers;
	uint64_t	 words;
	uint32_t	 duration;	/* ms, or DOC_NO_TIME */
	uint64_t	 textlen;	/* the length of the document's text */
	uint64_t	 hash;		/* of its content */
	int		 progress;	/* the place in percent, -1: none */
	size_t		 highlights;
	char		*notes_file;	/* its notes' file, to see it change */
	int64_t		 notes_mtime;	/* -1 when it had none */
	uint64_t	 notes_size;
	char		*fold;		/* title, speakers and name folded */
	char		*error;		/* why it could not be read */
};

enum library_sort { LIBRARY_BY_NAME, LIBRARY_BY_DATE, LIBRARY_BY_PROGRESS };

struct library_cache;
struct library_job;

struct library {
	char		*root;
	struct library_entry *v;
	size_t		 n, cap;
	/* The list shown: indexes of v, sorted and filtered. */
	size_t		*shown;
	size_t		 nshown;
	enum library_sort sort;
	char		*filter;	/* folded, or NULL */
	int		 stale;		/* something known changed: sort and
					   filter again */
	struct library_cache *cache;
	struct library_job *job;	/* the work in hand */
	size_t		 next_work;	/* entries before it are done */
	size_t		 nstat;		/* notes files checked */
	int		 dirty;		/* the cache has news to save */
};

/*
 * Makes the library of the folder dir: every file below it (hidden
 * ones aside) that lectern reads, recognised by its extension or, when
 * that says nothing, by the format table's sniffers on its first bytes;
 * in natural order of their names (ep2 before ep10). What the cache
 * knows of them is filled in. Returns NULL with errno set when dir
 * cannot be read. Pair with library_free, which saves the cache.
 */
struct library	*library_open(const char *dir);
void		 library_free(struct library *lib);

/* The same walk alone: the paths of the transcripts below dir in natural
 * order, for the plain outputs. Returns how many (*out: caller frees
 * each and the array), or -1 with errno set. */
long		 library_list(const char *dir, char ***out);

/* Compares two names in natural order: runs of digits as numbers,
 * letters without regard to case. */
int		 library_natcmp(const char *a, const char *b);

/* Appends s (n bytes) folded for finding: case folded, without
 * diacritics, typographic quotes and dashes made plain. */
struct buf;
void		 library_fold(struct buf *b, const char *s, size_t n);

/* Sorts the list, and keeps only the entries whose title, speakers or
 * name have text (NULL or "": all). */
void		 library_set_sort(struct library *lib, enum library_sort s);
void		 library_set_filter(struct library *lib, const char *text);
/* Sorts and filters again after news (lib->stale). */
void		 library_refresh(struct library *lib);

/* True when entry i's title, speakers or name have the folded text. */
int		 library_matches(const struct library *lib, size_t i,
		    const char *folded);

/* The entry's title as shown: its title, or its name without the
 * extension. *n gets the length. */
const char	*library_title(const struct library_entry *e, size_t *n);

/*
 * Does a slice of the work of finding out what is not known: the
 * entries of want (nwant of them, those shown first) before the others.
 * Returns 1 while work is left. Sets *news when an entry learnt
 * something.
 */
int		 library_work(struct library *lib, const size_t *want,
		    size_t nwant, int *news);

/* True while library_work has work left. */
int		 library_pending(const struct library *lib);

/* Forgets what is known of entry i's notes (the reader changed them),
 * so that the work reads them again. */
void		 library_touch(struct library *lib, size_t i);

/* Saves what is known in the cache. Returns 0 or -1 with errno. */
int		 library_save(struct library *lib);

/* Bytes of a document the reader parses before it shows it. */
#define LIBRARY_FIRST_CHUNK	(256u << 10)

/* Between library.c and libmeta.c: loads the cache, and saves it and
 * frees it; asks entry i's file its size and time (once: returns 0, or
 * -1 with errno); makes entry i's folded text again. */
void		 library_meta_open(struct library *lib);
void		 library_meta_close(struct library *lib);
int		 library_stat(struct library *lib, size_t i);
void		 library_refold(struct library *lib, size_t i);

#endif
