/* ui_notes.h: the reader's own notes while reading: the place and the
 * highlights loaded and saved, highlighting the cursor's paragraph,
 * visiting the highlights, marks, and copying a paragraph (OSC 52). */
#ifndef LECTERN_UI_NOTES_H
#define LECTERN_UI_NOTES_H

#include "lectern/ui_core.h"

/* Loads the notes of the file and goes to the saved place (unless the
 * options say the top); saves the place and frees them. */
void	ui_notes_open(struct ui *ui);
void	ui_notes_close(struct ui *ui);

/* Highlights the cursor's paragraph, or not. */
void	ui_notes_toggle(struct ui *ui);
/* Goes to the next (dir 1) or previous (-1) highlight of either kind. */
void	ui_notes_visit(struct ui *ui, int dir);
/* Copies the cursor's paragraph, attributed, through the terminal. */
void	ui_notes_copy(struct ui *ui);

/* The overlay that takes the letter after m (set a mark) or ' (go to a
 * mark, or '' back before the last jump); it takes one key. */
struct ui_marks {
	struct ui_pane	 pane;
	int		 kind;		/* 'm' or '\'' */
};

void	ui_marks_init(struct ui_marks *m);
void	ui_marks_open(struct ui *ui, struct ui_marks *m, int kind);

#endif
