/* pages.h: a thread that maps in the pages of a range of memory ahead of
 * the one that goes through it in order (a reader writing its own text, a
 * count reading the input). The first touch of a page is a fault, and
 * under a hypervisor a dear one, which the other core can take (no
 * terminal in here). */
#ifndef LECTERN_PAGES_H
#define LECTERN_PAGES_H

#include <stddef.h>

struct pages_ahead;

enum pages_use {
	PAGES_READ,		/* a mapped file, to be read */
	PAGES_WRITE		/* memory to be written; what it holds stays */
};

/*
 * Starts mapping in the whole pages of [p, p + n), from offset at on, up
 * to ahead bytes past the place last told by pages_ahead_at. The thread
 * ends at the end of the range, when the place has not moved for 50 ms,
 * or at pages_ahead_stop; the range must stay mapped until then. Returns
 * NULL where there is nothing to do, or threads or MADV_POPULATE_ are not
 * to be had.
 */
struct pages_ahead *pages_ahead_start(const void *p, size_t n, size_t at,
		    size_t ahead, enum pages_use use);
/* Tells where the one going through the range is (an offset from p). A
 * NULL pa does nothing. */
void		 pages_ahead_at(struct pages_ahead *pa, size_t at);
/* True when the thread has ended on its own. */
int		 pages_ahead_gone(struct pages_ahead *pa);
/* Stops the thread, waits for it and frees pa (NULL: nothing). */
void		 pages_ahead_stop(struct pages_ahead *pa);

#endif
