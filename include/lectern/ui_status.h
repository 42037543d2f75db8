/* ui_status.h: the status line: a message, or the section and the
 * speaker at the top; the speaker filter, the current match, the
 * position and a hint at its right. */
#ifndef LECTERN_UI_STATUS_H
#define LECTERN_UI_STATUS_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "lectern/ui_core.h"

/* It draws from the view, the file, the message and the search's hits;
 * it takes no keys. It remembers the time at the top, so that scrolling
 * on looks only at the blocks passed. */
struct ui_status {
	struct ui_pane	 pane;
	int		 tvalid;
	size_t		 tq;		/* the block asked about */
	size_t		 tat;		/* the block with its time, or SIZE_MAX:
					   none has one from there to tq */
	uint32_t	 time;
	size_t		 tblocks;	/* the document's blocks then */
	/* How far a large file is read, as shown (-1: not yet), since
	 * when, and since when the file has been read. */
	const struct doc *doc;
	int		 pct;
	struct timespec	 when, since;
};

void	ui_status_init(struct ui_status *s);

#endif
