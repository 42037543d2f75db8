/* ui_help.h: the help overlay, every key generated from the key table. */
#ifndef LECTERN_UI_HELP_H
#define LECTERN_UI_HELP_H

#include "lectern/ui_core.h"

/* An overlay: movement keys scroll it, any other key closes it. */
struct ui_help {
	struct ui_pane	 pane;
	int		 first;		/* the first line shown */
};

void	ui_help_init(struct ui_help *h);
void	ui_help_open(struct ui *ui, struct ui_help *h);

#endif
