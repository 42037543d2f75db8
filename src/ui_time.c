/* ui_time.c: the go-to-time bar. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/text.h"
#include "lectern/ui_style.h"
#include "lectern/ui_time.h"
#include "lectern/util.h"

#define PROMPT		"Go to time: "
#define HINT		"1:23:45, 83:10, 83m"
#define BAD_LONG	"not a time (try 1:23:45, 83:10, 83m)"
#define BAD		"not a time"
#define INPUT_MAX	32	/* bytes of a time, at most */
#define MINUTE_MS	60000u

/* Minute n in milliseconds, or the latest time there is past that. */
static uint32_t
minute(unsigned long n)
{
	return n >= (UINT32_MAX - 1) / MINUTE_MS ? UINT32_MAX - 1 :
	    (uint32_t)n * MINUTE_MS;
}

/* Reads the time typed: what doc_parse_time reads, spaces left out, and
 * a number alone is minutes (as a count before the key is). Returns 0
 * and sets *ms, or -1. */
static int
parse_input(const char *s, uint32_t *ms)
{
	char *t = xmalloc(strlen(s) + 1), *q = t;
	size_t n;
	int rc;

	for (; *s != '\0'; s++)
		if (*s != ' ')
			*q++ = *s;
	*q = '\0';
	n = strspn(t, "0123456789");
	if (n > 0 && t[n] == '\0') {
		*ms = minute(n > 9 ? ULONG_MAX : strtoul(t, NULL, 10));
		rc = 0;
	} else
		rc = doc_parse_time(t, ms);
	free(t);
	return rc;
}

/* Goes to the paragraph being said at ms, reading on until a later time
 * is read (or the end), and puts the paragraph cursor on it. */
static void
go(struct ui *ui, uint32_t ms)
{
	const struct doc *d = ui->file->doc;
	char t[32];
	size_t b;

	while (d->maxtime <= ms && ui_read_more(ui))
		;
	b = doc_block_at_time(d, ms);
	if (b >= d->nblocks)
		return;
	ui_goto_block(ui, b);
	ui_cursor_set(ui, b);
	if (ms > d->maxtime)
		ui_message(ui, "The last time is %s", doc_format_time(
		    d->maxtime, doc_time_hours(d), t, sizeof t));
}

void
ui_time_open(struct ui *ui, struct ui_time *t, long count)
{
	const struct doc *d = ui->file->doc;

	if (d->maxtime == DOC_NO_TIME) {
		ui_message(ui, doc_complete(d) ? "This document has no times" :
		    "No times in this document so far");
		return;
	}
	if (count > 0) {
		go(ui, minute((unsigned long)count));
		return;
	}
	buf_reset(&t->input);
	t->bad = 0;
	ui->overlay = &t->pane;
}

static int
time_key(struct ui *ui, struct ui_pane *p, int key, enum keymap_action a,
    long count)
{
	struct ui_time *t = (struct ui_time *)p;
	uint32_t ms;

	(void)count;
	switch (a) {
	case KEYMAP_BAR_ACCEPT:
		if (t->input.len > 0 &&
		    parse_input(buf_str(&t->input), &ms) == -1) {
			t->bad = 1;
			return 1;
		}
		ui->overlay = NULL;
		if (t->input.len > 0)
			go(ui, ms);
		return 1;
	case KEYMAP_BAR_CANCEL:
		ui->overlay = NULL;
		return 1;
	case KEYMAP_BAR_ERASE:
		if (t->input.len == 0)
			ui->overlay = NULL;
		text_erase_char(&t->input);
		t->bad = 0;
		return 1;
	case KEYMAP_BAR_WORD:
	case KEYMAP_BAR_CLEAR:
		buf_reset(&t->input);
		t->bad = 0;
		return 1;
	case KEYMAP_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	case KEYMAP_NONE:
		break;
	default:
		/* The search bar's other keys mean nothing here. */
		return 1;
	}
	text_add_key(&t->input, key, INPUT_MAX);
	t->bad = 0;
	return 1;
}

static void
time_draw(struct ui *ui, struct ui_pane *p)
{
	struct ui_time *t = (struct ui_time *)p;
	int y = ui->geom.lines - 1, cols = ui->geom.cols, x, right = cols;
	int used, nw;
	const char *note = NULL;
	unsigned long attr = ui_element(UI_E_DIM);

	ui_draw_fill(y, 0, cols, A_NORMAL);
	x = ui_draw_text(y, 0, cols, PROMPT, sizeof PROMPT - 1, A_BOLD);
	/* What is typed and the cursor, and a column free before the
	 * note. */
	used = x + (int)text_width((const uint8_t *)buf_str(&t->input),
	    t->input.len) + 2;
	if (t->bad) {
		note = cols - 1 - used >= (int)sizeof BAD_LONG - 1 ? BAD_LONG :
		    BAD;
		attr = ui_element(UI_E_STATUS_ERR);
	} else if (t->input.len == 0)
		note = HINT;
	if (note != NULL) {
		nw = (int)strlen(note);
		if (cols - 1 - used >= nw || t->bad) {
			right = cols - 1 - nw > x + 2 ? cols - 1 - nw : x + 2;
			ui_draw_cut(y, right, cols - 1, note, strlen(note),
			    attr);
		}
	}
	x = ui_draw_cut(y, x, right - 1, buf_str(&t->input), t->input.len,
	    A_NORMAL);
	/* The cursor, drawn, since the terminal's is hidden. */
	ui_draw_text(y, x, right, " ", 1, A_REVERSE);
}

static const struct ui_pane_ops time_ops = {
	"time", KEYMAP_BAR, KEYMAP_IN_BAR, time_draw, time_key, NULL, NULL,
	NULL
};

void
ui_time_init(struct ui_time *t)
{
	memset(t, 0, sizeof *t);
	t->pane.ops = &time_ops;
}

void
ui_time_free(struct ui_time *t)
{
	buf_free(&t->input);
}
