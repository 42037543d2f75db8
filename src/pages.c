/* pages.c: a thread that maps in pages ahead of the one that goes through
 * them (see pages.h). */
#include <sys/mman.h>

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "lectern/pages.h"
#include "lectern/util.h"

#define PAGES_STEP	(2u << 20)	/* bytes mapped in at a time */
#define PAGES_NAP_NS	200000		/* a wait for the place to move */
#define PAGES_NAPS	250		/* waits in vain before it gives up */

struct pages_ahead {
	pthread_t	 thread;
	uintptr_t	 base;		/* p */
	uintptr_t	 done, end;	/* mapped in up to done */
	size_t		 ahead;
	int		 advice;	/* MADV_POPULATE_READ or _WRITE */
	atomic_size_t	 at;		/* the place told */
	atomic_int	 stop;
	atomic_int	 gone;		/* the thread has ended */
};

static void *
run(void *arg)
{
	struct pages_ahead *pa = arg;
	const struct timespec nap = { 0, PAGES_NAP_NS };
	uintptr_t want, to;
	int naps = 0;

	while (!atomic_load_explicit(&pa->stop, memory_order_relaxed) &&
	    pa->done < pa->end) {
		want = pa->base + atomic_load_explicit(&pa->at,
		    memory_order_relaxed) + pa->ahead;
		if (pa->done >= want) {
			if (++naps > PAGES_NAPS)
				break;
			nanosleep(&nap, NULL);
			continue;
		}
		naps = 0;
		to = pa->done + PAGES_STEP < pa->end ? pa->done + PAGES_STEP :
		    pa->end;
		/* Whole pages: madvise takes nothing else. */
		if (madvise((void *)pa->done, to - pa->done, pa->advice) != 0)
			break;
		pa->done = to;
	}
	atomic_store(&pa->gone, 1);
	return NULL;
}

struct pages_ahead *
pages_ahead_start(const void *p, size_t n, size_t at, size_t ahead,
    enum pages_use use)
{
#if defined(MADV_POPULATE_READ) && defined(MADV_POPULATE_WRITE)
	struct pages_ahead *pa;
	uintptr_t pg = (uintptr_t)sysconf(_SC_PAGESIZE), from, end;
	sigset_t all, old;
	int rc;

	if (pg == 0 || (pg & (pg - 1)) != 0 || at >= n)
		return NULL;
	from = ((uintptr_t)p + at + pg - 1) & ~(pg - 1);
	end = ((uintptr_t)p + n) & ~(pg - 1);
	if (end <= from)
		return NULL;
	pa = xcalloc(1, sizeof *pa);
	pa->base = (uintptr_t)p;
	pa->done = from;
	pa->end = end;
	pa->ahead = ahead;
	pa->advice = use == PAGES_WRITE ? MADV_POPULATE_WRITE :
	    MADV_POPULATE_READ;
	atomic_init(&pa->at, at);
	atomic_init(&pa->stop, 0);
	atomic_init(&pa->gone, 0);
	/* No signal for the thread: the main thread's wait for a key is
	 * what a signal must interrupt. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&pa->thread, NULL, run, pa);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		free(pa);
		return NULL;
	}
	return pa;
#else
	(void)p;
	(void)n;
	(void)at;
	(void)ahead;
	(void)use;
	return NULL;
#endif
}

void
pages_ahead_at(struct pages_ahead *pa, size_t at)
{
	if (pa != NULL)
		atomic_store_explicit(&pa->at, at, memory_order_relaxed);
}

int
pages_ahead_gone(struct pages_ahead *pa)
{
	return pa == NULL || atomic_load(&pa->gone);
}

void
pages_ahead_stop(struct pages_ahead *pa)
{
	if (pa == NULL)
		return;
	atomic_store(&pa->stop, 1);
	(void)pthread_join(pa->thread, NULL);
	free(pa);
}
