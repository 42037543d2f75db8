/* ui_term.h: what the terminal can do (apart from ui.h, because <term.h>
 * defines "lines" and other common names as macros). */
#ifndef LECTERN_UI_TERM_H
#define LECTERN_UI_TERM_H

/* True when the terminal can put the cursor anywhere (not "dumb"). */
int	ui_term_can_move(void);

#endif
