/* ui_term.c: questions to the terminal's description. <term.h> defines
 * names such as "lines" as macros, so it stays in this file alone. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <curses.h>

#include "lectern/render.h"
#include "lectern/ui_input.h"
#include "lectern/ui_out.h"
#include "lectern/ui_term.h"
#include "lectern/util.h"

/* Last: its macros ("lines") would break the headers above. */
#include <term.h>

static SCREEN *screen;
static int curses_on;

int
ui_term_can_move(void)
{
	const char *cup = tigetstr("cup");

	return cup != NULL && cup != (const char *)-1;
}

/* Restores the terminal; safe to call more than once. */
static void
restore(void)
{
	/* What an update left held (a fatal error in the middle of it)
	 * goes out before the terminal is restored. */
	ui_out_send();
	if (curses_on) {
		curses_on = 0;
		ui_out_hold(STDOUT_FILENO);
		mousemask(0, NULL);
		endwin();
		ui_out_send();
	}
	ui_out_free();
}

/* Says that the reader cannot run on this terminal. */
static void
bad_terminal(const char *term, const char *why)
{
	fputs("lectern: the terminal type '", stderr);
	if (term != NULL)
		render_safe(stderr, (const unsigned char *)term, strlen(term));
	fprintf(stderr, "' %s (set TERM, or use --dump)\n", why);
}

#define SCREENS_PIECE	(64u << 10)	/* under malloc's mmap threshold */
#define SCREENS_MAX	64		/* pieces: 4 MB at most */

/*
 * Curses keeps three pictures of the screen (what is on it, what is to
 * be, and the standard window), a cell of each in some 28 bytes: 250 KB
 * at 100x30. Their pages are fresh, and each first write to a fresh page
 * costs a fault, the dearest part of a start under a hypervisor (some 10
 * us a page). So the heap is grown by that much first and its pages made
 * ready a piece at a time (MADV_POPULATE_WRITE: 80 faults in newterm
 * become 10, and it takes 0.75 ms rather than 1.2), then freed for curses
 * to take. The last piece is shrunk in place and kept, so that the freed
 * ones lie below it rather than at the heap's top, which free would give
 * back to the system.
 */
static void
ready_screens(void)
{
#ifdef MADV_POPULATE_WRITE
	static void *fence;
	struct winsize ws;
	void *v[SCREENS_MAX];
	size_t need, n = 0;
	uintptr_t a, z, pg = (uintptr_t)sysconf(_SC_PAGESIZE);

	if (fence != NULL || pg == 0 || (pg & (pg - 1)) != 0 ||
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == -1)
		return;
	need = 3 * (size_t)ws.ws_row * ws.ws_col * sizeof(cchar_t);
	while (n < SCREENS_MAX && n * SCREENS_PIECE < need + SCREENS_PIECE &&
	    (v[n] = malloc(SCREENS_PIECE)) != NULL) {
		/* Whole pages: madvise takes nothing else. */
		a = ((uintptr_t)v[n] + pg - 1) & ~(pg - 1);
		z = ((uintptr_t)v[n] + SCREENS_PIECE) & ~(pg - 1);
		if (z > a)
			(void)madvise((void *)a, z - a, MADV_POPULATE_WRITE);
		n++;
	}
	if (n == 0)
		return;
	n--;
	if ((fence = realloc(v[n], 1)) == NULL)
		fence = v[n];
	while (n > 0)
		free(v[--n]);
#endif
}

int
ui_term_start(void)
{
	const char *term = getenv("TERM");

	ready_screens();

	/* What curses sends to set the terminal up goes out with the first
	 * screen, in its one write. */
	ui_out_hold(STDOUT_FILENO);
	if (term == NULL || *term == '\0' ||
	    (screen = newterm(NULL, stdout, stdin)) == NULL) {
		ui_out_send();
		bad_terminal(term, "is unknown");
		return -1;
	}
	set_term(screen);
	if (!ui_term_can_move()) {
		endwin();
		ui_out_send();
		delscreen(screen);
		screen = NULL;
		bad_terminal(term, "cannot move the cursor");
		return -1;
	}
	curses_on = 1;
	util_set_fatal_hook(restore);
	ui_input_setup();
	curs_set(0);
	idlok(stdscr, TRUE);
	leaveok(stdscr, TRUE);	/* the cursor is hidden: no moves for it */
	return 0;
}

void
ui_term_end(void)
{
	restore();
	if (screen != NULL)
		delscreen(screen);
	screen = NULL;
}

void
ui_term_suspend(void)
{
	def_prog_mode();
	endwin();
	raise(SIGTSTP);
	reset_prog_mode();
	clearok(curscr, TRUE);
}
