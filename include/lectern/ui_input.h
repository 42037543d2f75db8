/* ui_input.h: keys from the terminal, as lectern's key numbers. */
#ifndef LECTERN_UI_INPUT_H
#define LECTERN_UI_INPUT_H

#include "lectern/ui_core.h"

/* Sets up the terminal's keyboard and mouse (on or off). */
void	ui_input_setup(void);
void	ui_input_mouse(int on);

/* Reads a key, waiting when wait is set; a mouse event is put in ui.
 * Returns -1 for none, or -2 when reading failed (the terminal may be
 * gone). */
int	ui_input_key(struct ui *ui, int wait);

#endif
