/* ui_help.c: the help overlay, generated from the key table. */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "lectern/keymap.h"
#include "lectern/ui.h"

#define HELP_MAX_W	86

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
	int h = ui->rows - 2;

	return h - 2 > 1 ? h - 2 : 1;
}

void
ui_help_key(struct ui *ui, int key)
{
	enum keymap_action a = keymap_lookup(key, KEYMAP_READER);
	int n = help_lines(NULL), max = n - inner_rows(ui);

	if (max < 0)
		max = 0;
	if (!ui_move(a, &ui->help_first, max, inner_rows(ui)))
		ui->help = 0;
}

void
ui_help_draw(struct ui *ui)
{
	struct help_line lines[KEYMAP_NACTIONS + KEYMAP_NGROUPS];
	int n = help_lines(lines), w, h, x0, y0, i, row, keys_w = 0;
	char keys[128];
	static const char title[] = " Keys \xE2\x80\x94 q closes ";

	for (i = 0; i < n; i++) {
		if (lines[i].group >= 0)
			continue;
		keymap_keys((enum keymap_action)lines[i].action, keys,
		    sizeof keys);
		if ((int)strlen(keys) + 2 > keys_w)
			keys_w = (int)strlen(keys) + 2;
	}
	if (!ui_overlay(ui, HELP_MAX_W, n, title, &y0, &x0, &h, &w))
		return;
	for (row = 1; row < h - 1; row++) {
		int y = y0 + row, x = x0 + 2, kw;

		i = ui->help_first + row - 1;
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
		ui_draw_text(y, x + kw + 1, x0 + w - 2,
		    keymap_help((enum keymap_action)lines[i].action),
		    strlen(keymap_help((enum keymap_action)lines[i].action)),
		    ui_element(UI_E_HELP));
	}
}
