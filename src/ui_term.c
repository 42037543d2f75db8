/* ui_term.c: questions to the terminal's description. <term.h> defines
 * names such as "lines" as macros, so it stays in this file alone. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
		mousemask(0, NULL);
		endwin();
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

int
ui_term_start(void)
{
	const char *term = getenv("TERM");

	if (term == NULL || *term == '\0' ||
	    (screen = newterm(NULL, stdout, stdin)) == NULL) {
		bad_terminal(term, "is unknown");
		return -1;
	}
	set_term(screen);
	if (!ui_term_can_move()) {
		endwin();
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
