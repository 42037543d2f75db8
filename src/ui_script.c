/* ui_script.c: keys read from a script, and dumps of the screen. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "lectern/keymap.h"
#include "lectern/ui_input.h"
#include "lectern/ui_script.h"
#include "lectern/util.h"

/* In the pending keys: dump the screen here. */
#define KEY_DUMP	(-2)

int
ui_script_open(struct ui_script *s)
{
	const char *path = getenv("LECTERN_SCRIPT"), *dump;

	memset(s, 0, sizeof *s);
	if (path == NULL || *path == '\0')
		return 0;
	if ((s->f = fopen(path, "r")) == NULL)
		return -1;
	if ((dump = getenv("LECTERN_DUMP")) != NULL)
		s->dump_path = xstrdup(dump);
	return 1;
}

void
ui_script_close(struct ui_script *s)
{
	if (s->f != NULL)
		fclose(s->f);
	free(s->dump_path);
	memset(s, 0, sizeof *s);
}

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

/* Appends one row of the screen's text. */
static void
dump_row(FILE *f, int y)
{
	struct buf line = { NULL, 0, 0 };
	size_t keep = 0;
	int x;

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

/* Appends one row of the screen's attributes: R, U, B, D or '.'. */
static void
dump_attrs(FILE *f, int y)
{
	char *row = xmalloc((size_t)COLS + 1);
	int x, end = 0;

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

void
ui_script_dump(struct ui_script *s)
{
	FILE *f;
	int y;

	if (s->dump_path == NULL || (f = fopen(s->dump_path, "a")) == NULL)
		return;
	fprintf(f, "--- screen %dx%d\n", COLS, LINES);
	for (y = 0; y < LINES; y++)
		dump_row(f, y);
	fprintf(f, "--- attributes\n");
	for (y = 0; y < LINES; y++)
		dump_attrs(f, y);
	fclose(f);
}

/* Decodes <name> (len bytes at t) into a key, or acts on a command
 * (dump, resize, mouse events). Returns 0 when it is none of them. */
static int
decode_name(struct ui *ui, struct ui_script *s, const char *t, size_t len)
{
	unsigned byte;
	int w, h, k;

	if (len == 4 && strncmp(t, "dump", 4) == 0) {
		k = KEY_DUMP;
	} else if (sscanf(t, "resize:%dx%d>", &w, &h) == 2) {
		resizeterm(h, w);
		k = KEYMAP_K_RESIZE;
	} else if (sscanf(t, "click:%d,%d>", &w, &h) == 2) {
		ui->mouse_button = 1;
		ui->mouse_x = w;
		ui->mouse_y = h;
		k = KEYMAP_K_MOUSE;
	} else if (len == 7 && strncmp(t, "wheelup", 7) == 0) {
		ui->mouse_button = 4;
		k = KEYMAP_K_MOUSE;
	} else if (len == 9 && strncmp(t, "wheeldown", 9) == 0) {
		ui->mouse_button = 5;
		k = KEYMAP_K_MOUSE;
	} else if (len > 4 && strncmp(t, "raw:", 4) == 0) {
		/* Bytes as a terminal sends them, read through curses. */
		for (w = (int)len - 2; w >= 4; w -= 2)
			if (sscanf(t + w, "%2x", &byte) == 1)
				ungetch((int)byte);
		k = UI_SCRIPT_TERMINAL;
	} else if ((k = keymap_key_parse(t, len)) < 0 || len == 1)
		return 0;
	s->pending[s->npending++] = k;
	return 1;
}

/* Decodes one token into pending keys. */
static void
decode(struct ui *ui, struct ui_script *s, const char *t)
{
	size_t i, n = strlen(t), l;
	const char *end;
	wchar_t wc;
	mbstate_t st;

	s->npending = s->next = 0;
	for (i = 0; i < n && s->npending < UI_SCRIPT_PENDING;) {
		if (t[i] == '<' && (end = strchr(t + i, '>')) != NULL &&
		    decode_name(ui, s, t + i + 1, (size_t)(end - t - i - 1))) {
			i = (size_t)(end - t) + 1;
			continue;
		}
		memset(&st, 0, sizeof st);
		l = mbrtowc(&wc, t + i, n - i, &st);
		if (l == 0 || l > n - i) {
			wc = (unsigned char)t[i];
			l = 1;
		}
		s->pending[s->npending++] = (int)wc;
		i += l;
	}
}

int
ui_script_key(struct ui *ui, struct ui_script *s, int *key)
{
	struct buf tok = { NULL, 0, 0 };

	for (;;) {
		while (s->next >= s->npending) {
			if (!read_token(s->f, &tok)) {
				buf_free(&tok);
				return 0;
			}
			decode(ui, s, buf_str(&tok));
		}
		*key = s->pending[s->next++];
		if (*key != KEY_DUMP)
			break;
		/* The screen shows every key before this one. */
		ui_script_dump(s);
	}
	buf_free(&tok);
	return 1;
}

int
ui_script_next(struct ui *ui, struct ui_script *s, int wait)
{
	int key;

	while (s->f != NULL) {
		if (s->from_terminal) {
			while ((key = ui_input_key(ui, 0)) == UI_INPUT_SKIP)
				;
			if (key >= 0)
				return key;
			s->from_terminal = 0;
		}
		if (!ui_script_key(ui, s, &key))
			ui->quit = 1;
		if (key != UI_SCRIPT_TERMINAL || ui->quit)
			return ui->quit ? -1 : key;
		s->from_terminal = 1;
	}
	key = ui_input_key(ui, wait);
	if (key == UI_INPUT_GONE) {
		/* The terminal is gone (an SSH connection dropped): stop
		 * instead of spinning. */
		if (errno != EINTR && ++s->input_errors > 3)
			ui->quit = 1;
		return -1;
	}
	if (key >= 0)
		s->input_errors = 0;
	return key;
}
