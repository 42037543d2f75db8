/* ui_list.h: the overlay lists: the highlights (Enter goes to one; the
 * reader's own can be deleted, cleared and noted), the reader's marks
 * (Enter goes to one, d deletes it) and the speakers (Enter reads only
 * their turns). */
#ifndef LECTERN_UI_LIST_H
#define LECTERN_UI_LIST_H

#include <stddef.h>

#include "lectern/ui_core.h"
#include "lectern/ui_prompt.h"

enum ui_list_kind { UI_LIST_HIGHLIGHTS, UI_LIST_SPEAKERS, UI_LIST_MARKS };

/* An overlay: movement keys move the selection, Enter chooses, any other
 * key closes it. */
struct ui_list {
	struct ui_pane	 pane;
	enum ui_list_kind kind;
	struct ui_listpos lp;
	size_t		*entries;	/* blocks, marks (0 to NOTES_NMARKS - 1),
					   or speakers (SIZE_MAX: all) */
	size_t		 n;
	struct ui_prompt prompt;	/* the question before clearing, the
					   bar a note is typed in */
};

void	ui_list_init(struct ui_list *l);
void	ui_list_free(struct ui_list *l);
/* Opens a list (or says why there is nothing to list). */
void	ui_list_open(struct ui *ui, struct ui_list *l, enum ui_list_kind kind);

#endif
