/* ui_term.h: the terminal: what it can do, starting curses on it and
 * giving it back (apart from ui.h, because <term.h> defines "lines" and
 * other common names as macros). */
#ifndef LECTERN_UI_TERM_H
#define LECTERN_UI_TERM_H

/* True when the terminal can put the cursor anywhere (not "dumb"). */
int	ui_term_can_move(void);

/* Starts curses on the terminal (restored by a fatal error too);
 * returns 0, or -1 after saying why it cannot. */
int	ui_term_start(void);
/* Restores the terminal and ends curses. */
void	ui_term_end(void);
/* Suspends to the shell (Ctrl-Z) and comes back. */
void	ui_term_suspend(void);

#endif
