/* ui_time.h: the go-to-time bar, on the bottom line while a time is
 * typed (1:23:45, 83:10, 83m, 1h2m, or 83 for minute 83); Enter goes to
 * the paragraph being said then. */
#ifndef LECTERN_UI_TIME_H
#define LECTERN_UI_TIME_H

#include "lectern/ui_core.h"
#include "lectern/util.h"

/* An overlay: its keys edit the time; Enter goes, Esc cancels. */
struct ui_time {
	struct ui_pane	 pane;
	struct buf	 input;		/* the time being typed */
	int		 bad;		/* Enter found no time in it */
};

void	ui_time_init(struct ui_time *t);
void	ui_time_free(struct ui_time *t);

/* Opens the bar; with a count N, goes to minute N at once. Says so
 * instead when the document has no times. */
void	ui_time_open(struct ui *ui, struct ui_time *t, long count);

#endif
