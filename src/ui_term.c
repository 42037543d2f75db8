/* ui_term.c: questions to the terminal's description. <term.h> defines
 * names such as "lines" as macros, so it stays in this file alone. */
#include <curses.h>
#include <term.h>

#include "lectern/ui_term.h"

int
ui_term_can_move(void)
{
	const char *cup = tigetstr("cup");

	return cup != NULL && cup != (const char *)-1;
}
