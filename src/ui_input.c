/* ui_input.c: keys from the terminal. */
#include <curses.h>

#include "lectern/keymap.h"
#include "lectern/ui_input.h"

#define ESC_DELAY_MS	25

void
ui_input_setup(void)
{
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
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

int
ui_input_key(struct ui *ui, int wait)
{
	wint_t wc;
	int ret, key;

	wtimeout(stdscr, wait ? -1 : 0);
	ret = wget_wch(stdscr, &wc);
	if (ret == ERR)
		return wait ? -2 : -1;
	key = translate(ret, wc);
	if (key == KEYMAP_K_MOUSE && !read_mouse(ui))
		return -1;
	return key;
}
