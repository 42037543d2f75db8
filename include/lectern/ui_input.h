/* ui_input.h: keys from the terminal, as lectern's key numbers. */
#ifndef LECTERN_UI_INPUT_H
#define LECTERN_UI_INPUT_H

#include <time.h>

#include "lectern/ui_core.h"

/* Sets up the terminal's keyboard and mouse (on or off). */
void	ui_input_setup(void);
void	ui_input_mouse(int on);

/* What ui_input_key returns when it has no key. */
#define UI_INPUT_NONE	(-1)	/* no key came */
#define UI_INPUT_GONE	(-2)	/* reading failed: the terminal may be gone */
#define UI_INPUT_SKIP	(-3)	/* a sequence that is no key was read */

/* Reads a key, waiting when wait is set; a mouse event is put in ui.
 * Returns the key, or one of UI_INPUT_*. */
int	ui_input_key(struct ui *ui, int wait);

/* True when a frame of work between keys begun at t0 (CLOCK_MONOTONIC) is
 * over: 8 ms have passed, or the terminal has bytes to read (a key may
 * be waiting). */
int	ui_input_frame_over(const struct timespec *t0);

#endif
