/* ui_script.h: keys read from a script, and dumps of the screen, so that
 * tests drive the real reader on a terminal and check what it shows
 * (LECTERN_SCRIPT names the script, LECTERN_DUMP the dump file). */
#ifndef LECTERN_UI_SCRIPT_H
#define LECTERN_UI_SCRIPT_H

#include <stdio.h>

#include "lectern/ui_core.h"

#define UI_SCRIPT_PENDING	256
/* A key of the script that says: read the terminal's keys now (the bytes
 * of <raw:HEX> are waiting there). */
#define UI_SCRIPT_TERMINAL	(-3)

struct ui_script {
	FILE		*f;
	char		*dump_path;	/* or NULL */
	int		 pending[UI_SCRIPT_PENDING];	/* decoded keys */
	int		 npending, next;
	int		 from_terminal;	/* the <raw:> bytes are read now */
	int		 input_errors;	/* reads from the terminal that failed */
};

/* Opens the script named by LECTERN_SCRIPT, if any: returns 1, 0 when
 * there is none, or -1 with errno when it cannot be read. */
int	ui_script_open(struct ui_script *s);
void	ui_script_close(struct ui_script *s);

/* The next key of the script (a mouse event is put in ui first); returns
 * 0 at its end. */
int	ui_script_key(struct ui *ui, struct ui_script *s, int *key);

/* The next key: from the script, or from the terminal while the
 * script says so (<raw:>), or without a script from the terminal,
 * waiting for it with wait. Returns the key, or -1 for none; sets
 * ui->quit at the script's end or when the terminal is gone. */
int	ui_script_next(struct ui *ui, struct ui_script *s, int wait);

/* Appends the screen, as curses believes the terminal shows it, to the
 * dump file. */
void	ui_script_dump(struct ui_script *s);

#endif
