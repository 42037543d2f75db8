/* ui_prompt.h: a one-line bar on the bottom line, over the overlay that
 * opened it: a question answered with y, or a line of text to type (as a
 * note on a highlight). The overlay that opens it owns it. */
#ifndef LECTERN_UI_PROMPT_H
#define LECTERN_UI_PROMPT_H

#include <stddef.h>

#include "lectern/ui_core.h"
#include "lectern/util.h"

struct ui_prompt;

/* Called when the question is answered y (text is NULL), or the text is
 * kept with Enter; the overlay under the bar has the keys again. */
typedef void	(*ui_prompt_done)(struct ui *ui, struct ui_prompt *p,
		    const char *text);

/* An overlay: a question takes one key (y answers it, any other does
 * not); a text bar edits its text, Enter keeps it, Esc does not. */
struct ui_prompt {
	struct ui_pane	 pane;
	struct ui_pane	*under;		/* drawn under it, and back after */
	char		*label;		/* the question, or the text's label */
	int		 ask;		/* a question, not a text */
	const char	*declined;	/* said when the answer is not y */
	struct buf	 input;		/* the text being typed */
	size_t		 max;		/* bytes of text, at most */
	ui_prompt_done	 done;
};

void	ui_prompt_init(struct ui_prompt *p);
void	ui_prompt_free(struct ui_prompt *p);

/* Asks question over the open overlay; done runs on y, declined is said
 * on any other key. */
void	ui_prompt_ask(struct ui *ui, struct ui_prompt *p, const char *question,
	    const char *declined, ui_prompt_done done);

/* Opens a bar to type at most max bytes after label, with text (or
 * nothing) there to begin with; done runs on Enter. */
void	ui_prompt_edit(struct ui *ui, struct ui_prompt *p, const char *label,
	    const char *text, size_t max, ui_prompt_done done);

#endif
