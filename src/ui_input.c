/* ui_input.c: keys from the terminal. */
#include <poll.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "lectern/keymap.h"
#include "lectern/ui_input.h"

/* How long curses waits after Esc for the rest of a key's sequence: long
 * enough for a terminal over SSH, short enough for Esc alone. The
 * ESCDELAY variable of the environment overrides it. */
#define ESC_DELAY_MS	100
#define SEQ_MAX		32	/* bytes of a sequence read before giving up */
#define FRAME_MS	8	/* work between keys before a drawing */

void
ui_input_setup(void)
{
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(ESC_DELAY_MS);
}

void
ui_input_mouse(int on)
{
	if (on) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
		    BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	} else
		mousemask(0, NULL);
}

/* Translates a curses key into lectern's key numbers. */
static int
translate(int ret, wint_t wc)
{
	if (ret == OK)
		return (int)wc;
	switch (wc) {
	case KEY_DOWN:		return KEYMAP_K_DOWN;
	case KEY_UP:		return KEYMAP_K_UP;
	case KEY_LEFT:		return KEYMAP_K_LEFT;
	case KEY_RIGHT:		return KEYMAP_K_RIGHT;
	case KEY_NPAGE:		return KEYMAP_K_PGDN;
	case KEY_PPAGE:		return KEYMAP_K_PGUP;
	case KEY_HOME:		return KEYMAP_K_HOME;
	case KEY_END:		return KEYMAP_K_END;
	case KEY_ENTER:		return KEYMAP_K_ENTER;
	case KEY_BACKSPACE:	return KEYMAP_K_BACKSPACE;
	case KEY_DC:		return KEYMAP_K_DELETE;
	case KEY_F(1):		return KEYMAP_K_F1;
	case KEY_MOUSE:		return KEYMAP_K_MOUSE;
	case KEY_RESIZE:	return KEYMAP_K_RESIZE;
	default:		return -1;
	}
}

/* Reads a mouse event from curses into ui; returns 0 for none. */
static int
read_mouse(struct ui *ui)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return 0;
	ui->mouse_y = ev.y;
	ui->mouse_x = ev.x;
	if (ev.bstate & BUTTON4_PRESSED)
		ui->mouse_button = 4;
	else if (ev.bstate & BUTTON5_PRESSED)
		ui->mouse_button = 5;
	else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		ui->mouse_button = 1;
	else
		return 0;
	return 1;
}

/* The next byte of a sequence already sent, or -1. */
static int
seq_byte(void)
{
	wint_t wc;
	int ret;

	wtimeout(stdscr, 0);
	ret = wget_wch(stdscr, &wc);
	return ret == OK && wc < 0x80 ? (int)wc : -1;
}

/* The key of a CSI sequence, ESC [ params final (params as a number, or
 * -1), or -1 for one lectern does not know. */
static int
csi_key(int param, int final)
{
	switch (final) {
	case 'A':	return KEYMAP_K_UP;
	case 'B':	return KEYMAP_K_DOWN;
	case 'C':	return KEYMAP_K_RIGHT;
	case 'D':	return KEYMAP_K_LEFT;
	case 'H':	return KEYMAP_K_HOME;
	case 'F':	return KEYMAP_K_END;
	case '~':
		switch (param) {
		case 1: case 7:	return KEYMAP_K_HOME;
		case 4: case 8:	return KEYMAP_K_END;
		case 3:		return KEYMAP_K_DELETE;
		case 5:		return KEYMAP_K_PGUP;
		case 6:		return KEYMAP_K_PGDN;
		}
	}
	return -1;
}

/*
 * After an Esc that curses did not make a key of: the rest of a sequence
 * its terminal description does not know (Home as ESC [ 1 ~ inside tmux)
 * is read whole, so that none of its bytes becomes a command. Returns the
 * key it stands for, Esc when nothing follows, or -1 for none.
 */
static int
escape(void)
{
	int c = seq_byte(), param = -1, n, first;

	if (c < 0)
		return KEYMAP_ESC;
	if (c == 'O') {
		/* SS3: one more byte. */
		c = seq_byte();
		if (c == 'P')
			return KEYMAP_K_F1;
		return c < 0 ? -1 : csi_key(-1, c);
	}
	if (c != '[')
		return -1;	/* Alt and a key: not one of ours */
	/* CSI: parameters and intermediates, up to a final byte. */
	first = 1;
	for (n = 0; n < SEQ_MAX; n++) {
		if ((c = seq_byte()) < 0)
			return -1;
		if (c >= 0x40 && c <= 0x7E)
			return csi_key(param, c);
		if (c >= '0' && c <= '9' && first)
			param = (param < 0 ? 0 : param) * 10 + (c - '0');
		else if (c == ';')
			first = 0;	/* modifiers follow: keep the key */
		else if (c < 0x20 || c > 0x3F)
			return -1;
	}
	return -1;
}

int
ui_input_key(struct ui *ui, int wait)
{
	wint_t wc;
	int ret, key;

	wtimeout(stdscr, wait ? -1 : 0);
	ret = wget_wch(stdscr, &wc);
	if (ret == ERR)
		return wait ? UI_INPUT_GONE : UI_INPUT_NONE;
	key = translate(ret, wc);
	if (key == KEYMAP_ESC)
		key = escape();
	else if (key == KEYMAP_K_MOUSE && !read_mouse(ui))
		key = -1;
	return key < 0 ? UI_INPUT_SKIP : key;
}

int
ui_input_frame_over(const struct timespec *t0)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
	struct timespec t;

	if (poll(&p, 1, 0) != 0)
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) /
	    1000000 >= FRAME_MS;
}
