/* ui_status.h: the status line: a message, or the section and the
 * speaker at the top; the speaker filter, the current match, the
 * position and a hint at its right. */
#ifndef LECTERN_UI_STATUS_H
#define LECTERN_UI_STATUS_H

#include <time.h>

#include "lectern/ui_core.h"

/* It draws from the view, the file, the message and the search's hits;
 * it takes no keys. */
struct ui_status {
	struct ui_pane	 pane;
	/* How far a large file is read, as shown (-1: not yet), since
	 * when, and since when the file has been read. */
	const struct doc *doc;
	int		 pct;
	struct timespec	 when, since;
};

void	ui_status_init(struct ui_status *s);

#endif
