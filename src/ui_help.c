/* ui_help.c: the help overlay, generated from the key table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "lectern/keymap.h"
#include "lectern/layout.h"
#include "lectern/text.h"
#include "lectern/ui_help.h"
#include "lectern/ui_style.h"
#include "lectern/util.h"

#define HELP_MAX_W	90
#define KEYS_SHARE	40	/* the most the keys column takes, percent */
#define STACK_BELOW	56	/* narrower boxes: the text under the keys */
#define TEXT_INDENT	4	/* of the text under the keys */
#define TITLE		" Keys \xE2\x80\x94 q closes "

/* One row of the help: a group's title, or keys and text (either may be
 * empty on a row that goes on from the one before). */
struct row {
	char		*keys;
	char		*text;
	int		 title;
};

struct rows {
	struct row	*v;
	size_t		 n, cap;
	int		 keys_w;	/* the keys column's text, 0 when the
					   text goes under the keys */
};

static void
add_row(struct rows *r, char *keys, char *text, int title)
{
	UTIL_GROW(r->v, r->cap, r->n + 1);
	r->v[r->n].keys = keys;
	r->v[r->n].text = text;
	r->v[r->n].title = title;
	r->n++;
}

static void
free_rows(struct rows *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].keys);
		free(r->v[i].text);
	}
	free(r->v);
}

/* Cuts keys ("a, b, c") into pieces no wider than w columns, at the
 * commas: a key's name is never cut. Adds each to out as new strings. */
static size_t
split_keys(const char *keys, int w, char ***out)
{
	size_t n = 0, cap = 0, len = strlen(keys), s = 0, e, best;
	char **v = NULL;

	while (s < len) {
		best = 0;
		for (e = s; e <= len; e++) {
			if (e < len && !(keys[e] == ',' && keys[e + 1] == ' '))
				continue;
			if ((int)text_width((const uint8_t *)keys + s, e - s) >
			    w && best > s)
				break;
			best = e;
			if (e == len)
				break;
		}
		if (best <= s)
			best = len;
		UTIL_GROW(v, cap, n + 1);
		v[n++] = xstrndup(keys + s, best - s);
		s = best;
		while (s < len && (keys[s] == ',' || keys[s] == ' '))
			s++;
		if (s < len && n > 0) {
			/* The comma stays with the piece before. */
			char *p = xasprintf("%s,", v[n - 1]);

			free(v[n - 1]);
			v[n - 1] = p;
		}
	}
	*out = v;
	return n;
}

/* Collects the lines layout_wrap gives. */
struct lines {
	const char	*s;
	char		**v;
	size_t		 n, cap;
};

static void
add_line(void *arg, size_t s, size_t e, int cols)
{
	struct lines *l = arg;

	(void)cols;
	UTIL_GROW(l->v, l->cap, l->n + 1);
	l->v[l->n++] = xstrndup(l->s + s, e - s);
}

/* The rows of one action, for a box whose inside is iw columns wide. */
static void
action_rows(struct rows *r, enum keymap_action a, int iw)
{
	char keys[128], **kv, *text = keymap_describe(a);
	struct lines tl = { text, NULL, 0, 0 };
	int kw = r->keys_w, tw = kw > 0 ? iw - kw - 2 : iw - TEXT_INDENT;
	size_t nk, i;

	keymap_keys(a, keys, sizeof keys);
	nk = split_keys(keys, kw > 0 ? kw : iw - 1, &kv);
	layout_wrap((const uint8_t *)text, 0, strlen(text), tw, tw, add_line,
	    &tl);
	if (kw > 0) {
		/* Side by side: keys and text go down together. */
		for (i = 0; i < nk || i < tl.n; i++)
			add_row(r, i < nk ? kv[i] : xstrdup(""),
			    i < tl.n ? tl.v[i] : xstrdup(""), 0);
	} else {
		for (i = 0; i < nk; i++)
			add_row(r, kv[i], xstrdup(""), 0);
		for (i = 0; i < tl.n; i++)
			add_row(r, xstrdup(""), tl.v[i], 0);
	}
	free(kv);
	free(tl.v);
	free(text);
}

/* The help's rows for a box whose inside is iw columns wide. */
static void
build(struct rows *r, int iw)
{
	char keys[128];
	int g, a, w = 0;

	memset(r, 0, sizeof *r);
	for (a = 1; a < KEYMAP_NACTIONS; a++) {
		keymap_keys((enum keymap_action)a, keys, sizeof keys);
		if ((int)text_width((const uint8_t *)keys, strlen(keys)) > w)
			w = (int)text_width((const uint8_t *)keys, strlen(keys));
	}
	if (w > iw * KEYS_SHARE / 100)
		w = iw * KEYS_SHARE / 100;
	r->keys_w = iw >= STACK_BELOW ? w : 0;
	for (g = 0; g < KEYMAP_NGROUPS; g++) {
		add_row(r, NULL, xstrdup(keymap_group_title(
		    (enum keymap_group)g)), 1);
		for (a = 1; a < KEYMAP_NACTIONS; a++)
			if (keymap_group((enum keymap_action)a) ==
			    (enum keymap_group)g)
				action_rows(r, (enum keymap_action)a, iw);
	}
}

/* The box's inside width and rows for the terminal. */
static void
box_size(const struct ui *ui, int *iw, int *rows)
{
	int w = ui->geom.cols - 2 < HELP_MAX_W ? ui->geom.cols - 2 :
	    HELP_MAX_W, h = ui->geom.rows - 2 > 3 ? ui->geom.rows - 2 : 3;

	*iw = w - 4 > 1 ? w - 4 : 1;
	*rows = h - 2 > 1 ? h - 2 : 1;
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
	struct rows r;
	int iw, rows, max;

	(void)key;
	box_size(ui, &iw, &rows);
	build(&r, iw);
	max = (int)r.n - rows;
	free_rows(&r);
	/* The selection is the first row shown, up to the last that fills
	 * the box. */
	lp.sel = h->first;
	lp.first = 0;
	if (!ui_list_move(&lp, a, count, max > 0 ? max + 1 : 1, rows))
		return 0;
	h->first = lp.sel;
	return 1;
}

/* Says on the bottom border where the rows shown are, and which way
 * there are more. */
static void
scroll_note(int y0, int x0, int h, int w, int first, int shown, int n)
{
	char note[64];
	const char *arrows = first > 0 && first + shown < n ?
	    " \xE2\x86\x91\xE2\x86\x93" : first > 0 ? " \xE2\x86\x91" :
	    first + shown < n ? " \xE2\x86\x93" : "";

	if (shown >= n)
		return;
	snprintf(note, sizeof note, " %d\xE2\x80\x93%d/%d%s ", first + 1,
	    first + shown, n, arrows);
	ui_draw_box_note(y0, x0, h, w, note);
}

static void
help_draw(struct ui *ui, struct ui_pane *p)
{
	struct ui_help *hp = (struct ui_help *)p;
	struct rows r;
	int w, h, x0, y0, row, iw, rows, i, xt;

	box_size(ui, &iw, &rows);
	build(&r, iw);
	if (hp->first > (int)r.n - rows)
		hp->first = (int)r.n - rows > 0 ? (int)r.n - rows : 0;
	if (!ui_draw_overlay(ui, HELP_MAX_W, (int)r.n, TITLE, &y0, &x0, &h,
	    &w)) {
		free_rows(&r);
		return;
	}
	for (row = 1; row < h - 1; row++) {
		int y = y0 + row, x = x0 + 2, maxx = x0 + w - 2;
		const struct row *rw;

		i = hp->first + row - 1;
		if (i >= (int)r.n)
			break;
		rw = &r.v[i];
		if (rw->title) {
			ui_draw_cut(y, x, maxx, rw->text, strlen(rw->text),
			    ui_element(UI_E_HELP_TITLE));
			continue;
		}
		ui_draw_cut(y, x + 1, r.keys_w > 0 ? x + 1 + r.keys_w : maxx,
		    rw->keys, strlen(rw->keys), ui_element(UI_E_HELP_KEY));
		xt = r.keys_w > 0 ? x + r.keys_w + 2 : x + TEXT_INDENT;
		ui_draw_cut(y, xt, maxx, rw->text, strlen(rw->text),
		    ui_element(UI_E_HELP));
	}
	scroll_note(y0, x0, h, w, hp->first, h - 2, (int)r.n);
	free_rows(&r);
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
