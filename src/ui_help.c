/* ui_help.c: the help overlay, generated from the key table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "lectern/keymap.h"
#include "lectern/ui_help.h"
#include "lectern/ui_style.h"

#define HELP_MAX_W	86
#define TITLE		" Keys \xE2\x80\x94 q closes "

/* One line of the help: a group title, or an action's keys and text. */
struct help_line {
	int		 group;		/* a title when >= 0 */
	int		 action;
};

/* Fills lines (if not NULL) and returns how many there are. */
static int
help_lines(struct help_line *lines)
{
	int g, a, n = 0;

	for (g = 0; g < KEYMAP_NGROUPS; g++) {
		if (lines != NULL) {
			lines[n].group = g;
			lines[n].action = KEYMAP_NONE;
		}
		n++;
		for (a = 1; a < KEYMAP_NACTIONS; a++) {
			if (keymap_group((enum keymap_action)a) !=
			    (enum keymap_group)g)
				continue;
			if (lines != NULL) {
				lines[n].group = -1;
				lines[n].action = a;
			}
			n++;
		}
	}
	return n;
}

/* Rows inside the box for the lines. */
static int
inner_rows(const struct ui *ui)
{
	int h = ui->geom.rows - 2;

	return h - 2 > 1 ? h - 2 : 1;
}

void
ui_help_open(struct ui *ui, struct ui_help *h)
{
	h->first = 0;
	ui->overlay = &h->pane;
}

static int
help_key(struct ui *ui, struct ui_pane *p, int key, enum keymap_action a,
    long count)
{
	struct ui_help *h = (struct ui_help *)p;
	struct ui_listpos lp;
	int rows = inner_rows(ui), max = help_lines(NULL) - rows;

	(void)key;
	/* The selection is the first line shown, up to the last that
	 * fills the box. */
	lp.sel = h->first;
	lp.first = 0;
	if (!ui_list_move(&lp, a, count, max > 0 ? max + 1 : 1, rows))
		return 0;
	h->first = lp.sel;
	return 1;
}

static void
help_draw(struct ui *ui, struct ui_pane *p)
{
	struct ui_help *hp = (struct ui_help *)p;
	struct help_line lines[KEYMAP_NACTIONS + KEYMAP_NGROUPS];
	int n = help_lines(lines), w, h, x0, y0, i, row, keys_w = 0;
	char keys[128];

	for (i = 0; i < n; i++) {
		if (lines[i].group >= 0)
			continue;
		keymap_keys((enum keymap_action)lines[i].action, keys,
		    sizeof keys);
		if ((int)strlen(keys) + 2 > keys_w)
			keys_w = (int)strlen(keys) + 2;
	}
	if (!ui_draw_overlay(ui, HELP_MAX_W, n, TITLE, &y0, &x0, &h, &w))
		return;
	for (row = 1; row < h - 1; row++) {
		int y = y0 + row, x = x0 + 2, kw;
		char *text;

		i = hp->first + row - 1;
		if (i >= n)
			break;
		if (lines[i].group >= 0) {
			const char *t = keymap_group_title(
			    (enum keymap_group)lines[i].group);

			ui_draw_text(y, x, x0 + w - 2, t, strlen(t),
			    ui_element(UI_E_HELP_TITLE));
			continue;
		}
		keymap_keys((enum keymap_action)lines[i].action, keys,
		    sizeof keys);
		kw = w - 4 > 2 * keys_w ? keys_w : (w - 4) / 2;
		ui_draw_text(y, x + 1, x + kw, keys, strlen(keys),
		    ui_element(UI_E_HELP_KEY));
		text = keymap_describe((enum keymap_action)lines[i].action);
		ui_draw_text(y, x + kw + 1, x0 + w - 2, text, strlen(text),
		    ui_element(UI_E_HELP));
		free(text);
	}
}

static const struct ui_pane_ops help_ops = {
	"help", KEYMAP_LIST, KEYMAP_IN_HELP, help_draw, help_key, NULL, NULL,
	NULL
};

void
ui_help_init(struct ui_help *h)
{
	h->pane.ops = &help_ops;
	h->first = 0;
}
