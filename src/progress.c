/* progress.c: "lectern: reading NAME 45%" on standard error, for the
 * long runs of the plain outputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/progress.h"
#include "lectern/render.h"

#define AFTER_MS	1000	/* runs shorter than this say nothing */
#define EVERY_MS	100	/* the line is written at most this often */

/* Milliseconds from a to b. */
static long
ms_between(const struct timespec *a, const struct timespec *b)
{
	return (long)(b->tv_sec - a->tv_sec) * 1000 +
	    (b->tv_nsec - a->tv_nsec) / 1000000;
}

void
progress_begin(struct progress *p, int on, size_t nfiles)
{
	const char *env = getenv("LECTERN_PROGRESS_MS");

	memset(p, 0, sizeof *p);
	p->on = on;
	p->nfiles = nfiles;
	p->after_ms = env != NULL && *env != '\0' ? atol(env) : AFTER_MS;
	clock_gettime(CLOCK_MONOTONIC, &p->start);
}

void
progress_file(struct progress *p, size_t i, const char *name)
{
	p->file = i;
	p->name = name;
}

void
progress_step(struct progress *p, size_t done, size_t total)
{
	struct timespec now;

	if (!p->on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (ms_between(&p->start, &now) < p->after_ms ||
	    (p->shown && ms_between(&p->last, &now) < EVERY_MS))
		return;
	p->last = now;
	p->shown = 1;
	fputs("\rlectern: ", stderr);
	if (p->nfiles > 1)
		fprintf(stderr, "%zu/%zu ", p->file + 1, p->nfiles);
	fputs("reading ", stderr);
	if (p->name != NULL) {
		render_safe(stderr, (const unsigned char *)p->name,
		    strlen(p->name));
		fputc(' ', stderr);
	}
	fprintf(stderr, "%d%%\033[K", total > 0 ? (int)((double)done * 100 /
	    (double)total) : 100);
	fflush(stderr);
}

void
progress_clear(struct progress *p)
{
	if (!p->shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->shown = 0;
}
