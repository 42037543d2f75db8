/* ui_open.h: where a file opens when the command line says (+/PATTERN,
 * --search, +N, --at, --section), and opening at a match of a search of
 * the library. Services of the main loop; no pane. */
#ifndef LECTERN_UI_OPEN_H
#define LECTERN_UI_OPEN_H

#include <stddef.h>

#include "lectern/ui_core.h"

/* Goes where the options say the file being read opens: at the first
 * match of a search (highlighted), a line, a time or a section. Returns
 * 1 when they said a place. */
int	ui_open_place(struct ui *ui);

/* Searches the file being read for text and shows the match that
 * starts at source offset off (or the first after it). */
void	ui_open_match(struct ui *ui, const char *text, int regex, size_t off);

/* Searches the file being read for text again, the view staying where
 * it is (a file that comes back keeps its search). */
void	ui_open_search(struct ui *ui, const char *text, int regex);

#endif
