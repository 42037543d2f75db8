/* progress.h: how far a long run of the plain outputs has got, said on
 * standard error when it is a terminal and the run has taken more than a
 * second (no terminal control but \r and erasing the line). */
#ifndef LECTERN_PROGRESS_H
#define LECTERN_PROGRESS_H

#include <stddef.h>
#include <time.h>

struct progress {
	int		 on;		/* standard error may show it */
	int		 shown;		/* a line is on standard error */
	struct timespec	 start, last;
	long		 after_ms;	/* silent until then */
	size_t		 file, nfiles;	/* the file being read, from 0 */
	const char	*name;
};

/* Starts timing a run over nfiles files; with on unset, it stays
 * silent. LECTERN_PROGRESS_MS (tests) sets how long it stays silent. */
void	progress_begin(struct progress *p, int on, size_t nfiles);

/* The file being read now. */
void	progress_file(struct progress *p, size_t i, const char *name);

/* done bytes of total are read: says so when it is time. */
void	progress_step(struct progress *p, size_t done, size_t total);

/* Erases what was said, before the output goes on. */
void	progress_clear(struct progress *p);

#endif
