/* ui_reader.h: the reader pane: the text laid out for its width, the
 * matches of the search in it, and the paragraph cursor and the
 * highlights in its margin. */
#ifndef LECTERN_UI_READER_H
#define LECTERN_UI_READER_H

#include "lectern/ui_core.h"

/* It draws from the view, the file's notes and the search's hits; its
 * keys move the view and the paragraph cursor. */
struct ui_reader {
	struct ui_pane	 pane;
};

void	ui_reader_init(struct ui_reader *r);

#endif
