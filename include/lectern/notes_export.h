/* notes_export.h: the reader's highlights as Markdown (no terminal in
 * here). */
#ifndef LECTERN_NOTES_EXPORT_H
#define LECTERN_NOTES_EXPORT_H

#include <stdio.h>

struct doc;
struct notes;

/* Writes the highlights of n as Markdown block quotes, with their
 * speakers and sections (and times, in a timed document), then those no
 * longer found. Returns 0 or -1. */
int	 notes_export(const struct notes *n, const struct doc *d, FILE *f);
/* The same, with the times or without (times 0). */
int	 notes_export_times(const struct notes *n, const struct doc *d,
	    int times, FILE *f);

#endif
