/* ui_toc.h: the table of contents, beside the text on a wide terminal or
 * over it on a narrow one. */
#ifndef LECTERN_UI_TOC_H
#define LECTERN_UI_TOC_H

#include "lectern/ui_core.h"

/* It marks the section at the top of the view, each chapter's time at
 * the right and how many matches each section holds; with the focus, its
 * keys move a selection and Enter goes to the selected section. In an
 * archive the episodes are its top level, their sections under them. */
struct ui_toc {
	struct ui_pane	 pane;
	struct ui_listpos lp;		/* the selected and first shown */
	size_t		 measured;	/* rows measured for the width */
	int		 want;		/* the width they need */
	int		 measured_times;	/* with times shown, and how */
	int		 measured_episodes;	/* with episodes at the top */
};

void	ui_toc_init(struct ui_toc *t);

/* How many rows the contents of file f have: none, and there are no
 * contents to show. */
size_t	ui_toc_rows(const struct ui_file *f);

/* The width the contents need to show every heading whole, with its
 * time (as far as the document is read). */
int	ui_toc_want(struct ui *ui, struct ui_toc *t);

#endif
