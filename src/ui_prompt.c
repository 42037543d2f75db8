/* ui_prompt.c: a question or a line of text on the bottom line. */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "lectern/keymap.h"
#include "lectern/text.h"
#include "lectern/ui_prompt.h"
#include "lectern/ui_style.h"
#include "lectern/util.h"

/* Opens the bar over the overlay open now. */
static void
open_over(struct ui *ui, struct ui_prompt *p, const char *label)
{
	free(p->label);
	p->label = xstrdup(label);
	p->under = ui->overlay;
	ui->overlay = &p->pane;
}

void
ui_prompt_ask(struct ui *ui, struct ui_prompt *p, const char *question,
    const char *declined, ui_prompt_done done)
{
	p->ask = 1;
	p->declined = declined;
	p->done = done;
	buf_reset(&p->input);
	open_over(ui, p, question);
}

void
ui_prompt_edit(struct ui *ui, struct ui_prompt *p, const char *label,
    const char *text, size_t max, ui_prompt_done done)
{
	p->ask = 0;
	p->declined = NULL;
	p->done = done;
	p->max = max;
	buf_reset(&p->input);
	if (text != NULL)
		buf_adds(&p->input, text);
	open_over(ui, p, label);
}

/* Closes the bar: the overlay under it has the keys again. */
static void
close_bar(struct ui *ui, struct ui_prompt *p)
{
	ui->overlay = p->under;
}

static int
prompt_key(struct ui *ui, struct ui_pane *pane, int key, enum keymap_action a,
    long count)
{
	struct ui_prompt *p = (struct ui_prompt *)pane;

	(void)count;
	if (a == KEYMAP_REDRAW) {
		clearok(curscr, TRUE);
		return 1;
	}
	if (p->ask) {
		close_bar(ui, p);
		if (key == 'y' || key == 'Y')
			p->done(ui, p, NULL);
		else if (p->declined != NULL)
			ui_message(ui, "%s", p->declined);
		return 1;
	}
	switch (a) {
	case KEYMAP_BAR_ACCEPT:
		close_bar(ui, p);
		p->done(ui, p, buf_str(&p->input));
		return 1;
	case KEYMAP_BAR_CANCEL:
		close_bar(ui, p);
		return 1;
	case KEYMAP_BAR_ERASE:
		if (p->input.len == 0)
			close_bar(ui, p);
		text_erase_char(&p->input);
		return 1;
	case KEYMAP_BAR_WORD:
		text_erase_word(&p->input);
		return 1;
	case KEYMAP_BAR_CLEAR:
		buf_reset(&p->input);
		return 1;
	case KEYMAP_NONE:
		text_add_key(&p->input, key, p->max);
		return 1;
	default:
		/* The search bar's other keys mean nothing here. */
		return 1;
	}
}

static void
prompt_draw(struct ui *ui, struct ui_pane *pane)
{
	struct ui_prompt *p = (struct ui_prompt *)pane;
	int y = ui->geom.lines - 1, cols = ui->geom.cols, x;

	if (p->under != NULL && p->under->ops->draw != NULL)
		p->under->ops->draw(ui, p->under);
	ui_draw_fill(y, 0, cols, A_NORMAL);
	x = ui_draw_cut(y, 0, cols - 1, p->label, strlen(p->label), A_BOLD);
	if (!p->ask)
		ui_draw_input(y, x, cols, buf_str(&p->input), p->input.len);
	else
		ui_draw_text(y, x, cols, " ", 1, A_REVERSE);
}

static const struct ui_pane_ops prompt_ops = {
	"prompt", KEYMAP_BAR, KEYMAP_IN_BAR, prompt_draw, prompt_key, NULL,
	NULL, NULL
};

void
ui_prompt_init(struct ui_prompt *p)
{
	memset(p, 0, sizeof *p);
	p->pane.ops = &prompt_ops;
}

void
ui_prompt_free(struct ui_prompt *p)
{
	free(p->label);
	p->label = NULL;
	buf_free(&p->input);
}
