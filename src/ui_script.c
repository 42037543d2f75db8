/* ui_script.c: keys read from a script, and dumps of the screen, so that
 * tests can drive the real reader on a terminal and check what it shows
 * (LECTERN_SCRIPT names the script, LECTERN_DUMP the dump file). */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "lectern/keymap.h"
#include "lectern/ui.h"
#include "lectern/util.h"

/* In the pending keys: dump the screen here. */
#define KEY_DUMP	(-2)

/* Keys decoded from the current token, waiting to be read. */
static int pending[256];
static int npending, next_pending;

static const struct {
	const char	*name;
	int		 key;
} names[] = {
	{ "Enter", '\r' }, { "Esc", KEYMAP_ESC }, { "Tab", '\t' },
	{ "BS", 0x7f }, { "Space", ' ' }, { "Up", KEYMAP_K_UP },
	{ "Down", KEYMAP_K_DOWN }, { "Left", KEYMAP_K_LEFT },
	{ "Right", KEYMAP_K_RIGHT }, { "PgUp", KEYMAP_K_PGUP },
	{ "PgDn", KEYMAP_K_PGDN }, { "Home", KEYMAP_K_HOME },
	{ "End", KEYMAP_K_END }, { "F1", KEYMAP_K_F1 }, { "lt", '<' },
	{ "gt", '>' }, { "Del", KEYMAP_K_DELETE },
};

/* Reads the next white-space separated token, skipping # comment lines.
 * Returns 0 at the end. */
static int
read_token(FILE *f, struct buf *tok)
{
	int c, bol = 1;

	buf_reset(tok);
	for (;;) {
		c = getc(f);
		if (c == EOF)
			return tok->len > 0;
		if (c == '#' && bol && tok->len == 0) {
			while ((c = getc(f)) != EOF && c != '\n')
				;
			continue;
		}
		bol = c == '\n';
		if (isspace(c)) {
			if (tok->len > 0)
				return 1;
			continue;
		}
		buf_addc(tok, (char)c);
	}
}

/* Writes the screen as curses believes the terminal shows it. */
void
ui_script_dump(struct ui *ui)
{
	FILE *f;
	int y, x;

	if (ui->dump_path == NULL || (f = fopen(ui->dump_path, "a")) == NULL)
		return;
	fprintf(f, "--- screen %dx%d\n", COLS, LINES);
	for (y = 0; y < LINES; y++) {
		struct buf line = { NULL, 0, 0 };
		size_t keep = 0;

		for (x = 0; x < COLS; x++) {
			wchar_t wc[CCHARW_MAX + 1];
			char mb[MB_LEN_MAX * (CCHARW_MAX + 1)];
			cchar_t cc;
			attr_t a;
			short p;
			size_t i, k;
			mbstate_t st;

			if (mvwin_wch(curscr, y, x, &cc) == ERR ||
			    getcchar(&cc, wc, &a, &p, NULL) == ERR)
				continue;
			memset(&st, 0, sizeof st);
			for (i = 0; wc[i] != L'\0'; i++) {
				k = wcrtomb(mb, wc[i], &st);
				if (k != (size_t)-1)
					buf_add(&line, mb, k);
			}
			if (wc[0] != L' ')
				keep = line.len;
			if (wcwidth(wc[0]) == 2)
				x++;
		}
		line.len = keep;
		fprintf(f, "%.*s\n", (int)line.len, buf_str(&line));
		buf_free(&line);
	}
	fprintf(f, "--- attributes\n");
	for (y = 0; y < LINES; y++) {
		char *row = xmalloc((size_t)COLS + 1);
		int end = 0;

		for (x = 0; x < COLS; x++) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1];
			attr_t a = 0;
			short p;

			row[x] = '.';
			if (mvwin_wch(curscr, y, x, &cc) == ERR ||
			    getcchar(&cc, wc, &a, &p, NULL) == ERR)
				continue;
			if (a & A_REVERSE)
				row[x] = 'R';
			else if (a & A_UNDERLINE)
				row[x] = 'U';
			else if (a & A_BOLD)
				row[x] = 'B';
			else if (a & A_DIM)
				row[x] = 'D';
			if (row[x] != '.')
				end = x + 1;
		}
		fprintf(f, "%.*s\n", end, row);
		free(row);
	}
	fclose(f);
}

/* Decodes one token into pending keys, or acts on a command token.
 * Returns 0 for a command that produced no key. */
static int
decode(struct ui *ui, const char *t)
{
	size_t i, n = strlen(t);
	int w, h, k;

	npending = next_pending = 0;
	for (i = 0; i < n && npending < 256;) {
		if (t[i] == '<') {
			const char *end = strchr(t + i, '>');
			size_t len;

			if (end == NULL)
				goto literal;
			len = (size_t)(end - t - i - 1);
			if (len == 4 && strncmp(t + i + 1, "dump", 4) == 0) {
				pending[npending++] = KEY_DUMP;
			} else if (sscanf(t + i + 1, "resize:%dx%d>", &w,
			    &h) == 2) {
				resizeterm(h, w);
				pending[npending++] = KEYMAP_K_RESIZE;
			} else if (sscanf(t + i + 1, "click:%d,%d>", &w,
			    &h) == 2) {
				ui->mouse_button = 1;
				ui->mouse_x = w;
				ui->mouse_y = h;
				pending[npending++] = KEYMAP_K_MOUSE;
			} else if (len == 7 && strncmp(t + i + 1, "wheelup",
			    7) == 0) {
				ui->mouse_button = 4;
				pending[npending++] = KEYMAP_K_MOUSE;
			} else if (len == 9 && strncmp(t + i + 1,
			    "wheeldown", 9) == 0) {
				ui->mouse_button = 5;
				pending[npending++] = KEYMAP_K_MOUSE;
			} else if (len == 3 && t[i + 1] == 'C' &&
			    t[i + 2] == '-') {
				pending[npending++] = KEYMAP_CTRL(t[i + 3]);
			} else {
				for (k = 0; k < (int)(sizeof names /
				    sizeof names[0]); k++)
					if (strlen(names[k].name) == len &&
					    strncmp(names[k].name, t + i + 1,
					    len) == 0)
						break;
				if (k == (int)(sizeof names / sizeof names[0]))
					goto literal;
				pending[npending++] = names[k].key;
			}
			i += len + 2;
			continue;
		}
literal:
		{
			wchar_t wc;
			mbstate_t st;
			size_t l;

			memset(&st, 0, sizeof st);
			l = mbrtowc(&wc, t + i, n - i, &st);
			if (l == 0 || l > n - i) {
				wc = (unsigned char)t[i];
				l = 1;
			}
			pending[npending++] = (int)wc;
			i += l;
		}
	}
	return npending > 0;
}

int
ui_script_key(struct ui *ui, int *key)
{
	struct buf tok = { NULL, 0, 0 };

	for (;;) {
		while (next_pending >= npending) {
			if (!read_token(ui->script, &tok)) {
				buf_free(&tok);
				return 0;
			}
			decode(ui, buf_str(&tok));
		}
		*key = pending[next_pending++];
		if (*key != KEY_DUMP)
			break;
		/* The screen shows every key before this one. */
		ui_script_dump(ui);
	}
	buf_free(&tok);
	return 1;
}
