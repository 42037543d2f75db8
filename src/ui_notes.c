/* ui_notes.c: highlights, marks, place and copying in the reader. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lectern/cite.h"
#include "lectern/doc.h"
#include "lectern/keymap.h"
#include "lectern/notes.h"
#include "lectern/ui_notes.h"
#include "lectern/util.h"
#include "lectern/view.h"

#define OSC52_MAX	100000	/* bytes of base64 terminals take at least */

void
ui_notes_open(struct ui *ui)
{
	struct ui_file *f = ui->file;
	struct notes *n;

	f->notes = n = notes_open(f->doc, ui->opt.path);
	f->ndoc_hl = notes_doc_highlights(f->doc, &f->doc_hl);
	if (n->problem != NULL)
		ui_message(ui, "Note: %s", n->problem);
	if (n->refused)
		f->saved_problem = 1;	/* that was the one message */
	if (n->have_place && !ui->opt.top && f->doc->nblocks > 0) {
		ui_read_until(ui, n->place > n->cursor ? n->place : n->cursor);
		view_show_offset(f->view, n->place);
		ui_cursor_set(ui, doc_block_at(f->doc, n->cursor));
	}
	ui_cursor_follow(ui);
}

void
ui_notes_close(struct ui *ui)
{
	struct ui_file *f = ui->file;
	struct notes *n = f->notes;

	if (n == NULL)
		return;
	if (f->doc->nblocks > 0) {
		n->place = view_top_offset(f->view);
		n->cursor = f->doc->blocks[f->cursor].start;
		n->have_place = 1;
		if (notes_save(n, f->doc) == -1 && n->busy)
			fputs("lectern: highlights, marks and place not saved: "
			    "another lectern held the state\n", stderr);
	}
	notes_free(n);
	f->notes = NULL;
	free(f->doc_hl);
	f->doc_hl = NULL;
}

void
ui_notes_visit(struct ui *ui, int dir)
{
	struct ui_file *f = ui->file;
	size_t *v, n, i, top = view_top_block(f->view);
	long k = -1;

	if (dir > 0)
		ui_read_until(ui, f->doc->len);
	n = ui_highlights(ui, &v);
	if (n == 0) {
		ui_message(ui, "No highlights yet: * highlights a paragraph");
		free(v);
		return;
	}
	if (dir > 0) {
		for (i = 0; i < n; i++)
			if (v[i] > top) {
				k = (long)i;
				break;
			}
	} else {
		for (i = n; i > 0; i--)
			if (v[i - 1] < top) {
				k = (long)i - 1;
				break;
			}
	}
	if (k < 0) {
		ui_message(ui, dir > 0 ? "No next highlight" :
		    "No previous highlight");
		free(v);
		return;
	}
	ui_goto_block(ui, v[k]);
	ui_cursor_set(ui, v[k]);
	ui_message(ui, "highlight %ld/%zu", k + 1, n);
	free(v);
}

void
ui_notes_toggle(struct ui *ui)
{
	struct ui_file *f = ui->file;
	int on;

	if (f->doc->nblocks == 0)
		return;
	on = notes_toggle(f->notes, f->doc, f->cursor);
	ui_message(ui, on ? "Highlighted" : "Highlight removed");
	ui_notes_saved(ui);
}

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Appends the base64 of n bytes. */
static void
base64(struct buf *out, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 |
		    p[i + 2];

		buf_addc(out, b64[v >> 18 & 63]);
		buf_addc(out, b64[v >> 12 & 63]);
		buf_addc(out, b64[v >> 6 & 63]);
		buf_addc(out, b64[v & 63]);
	}
	if (i < n) {
		uint32_t v = (uint32_t)p[i] << 16 |
		    (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0);

		buf_addc(out, b64[v >> 18 & 63]);
		buf_addc(out, b64[v >> 12 & 63]);
		buf_addc(out, i + 1 < n ? b64[v >> 6 & 63] : '=');
		buf_addc(out, '=');
	}
}

void
ui_notes_copy(struct ui *ui)
{
	const struct doc *d = ui->file->doc;
	const struct doc_block *blk;
	struct buf text = { NULL, 0, 0 }, seq = { NULL, 0, 0 };
	struct buf who = { NULL, 0, 0 }, from = { NULL, 0, 0 };
	ssize_t w;

	if (d->nblocks == 0)
		return;
	if (!ui->opt.osc52) {
		ui_message(ui, "Copying is off (--no-osc52)");
		return;
	}
	blk = &d->blocks[ui->file->cursor];
	cite_text(&text, d, blk->tstart, blk->tend);
	cite_attribution(&from, d, ui->file->cursor, CITE_TITLE);
	if (ui->opt.times)
		cite_time(&from, d, doc_time_at(d, ui->file->cursor));
	if (from.len > 0) {
		buf_adds(&text, "\n\xE2\x80\x94 ");
		buf_add(&text, buf_str(&from), from.len);
	}
	cite_speaker(&who, d, ui->file->cursor);
	buf_adds(&seq, "\033]52;c;");
	base64(&seq, (const uint8_t *)buf_str(&text), text.len);
	buf_adds(&seq, "\a");
	if (seq.len > OSC52_MAX) {
		ui_message(ui, "Too long to copy through the terminal");
	} else {
		w = write(STDOUT_FILENO, seq.data, seq.len);
		if (w == (ssize_t)seq.len)
			ui_message(ui, "Copied %zu bytes%s%s", text.len,
			    who.len > 0 ? " from " : "", buf_str(&who));
		else
			ui_message(ui, "Could not copy: %s", strerror(errno));
	}
	buf_free(&text);
	buf_free(&seq);
	buf_free(&who);
	buf_free(&from);
}

void
ui_marks_open(struct ui *ui, struct ui_marks *m, int kind)
{
	m->kind = kind;
	ui->overlay = &m->pane;
	ui_message(ui, kind == 'm' ? "m: a letter marks this place" :
	    "': a letter, or ' for before the last jump");
}

static int
marks_key(struct ui *ui, struct ui_pane *p, int key, enum keymap_action a,
    long count)
{
	struct ui_marks *m = (struct ui_marks *)p;
	struct ui_file *f = ui->file;
	struct notes *n = f->notes;
	int i;

	(void)a;
	(void)count;
	ui->overlay = NULL;
	if (m->kind == '\'' && key == '\'') {
		ui_jump_back(ui);
		return 1;
	}
	i = key >= 'a' && key <= 'z' ? key - 'a' : key >= 'A' && key <= 'Z' ?
	    26 + key - 'A' : -1;
	if (i < 0) {
		ui_message(ui, "A mark is a letter");
		return 1;
	}
	if (m->kind == 'm') {
		notes_set_mark(n, i, view_top_offset(f->view));
		ui_message(ui, "Mark %c set", key);
		n->place = view_top_offset(f->view);
		n->cursor = f->doc->nblocks > 0 ?
		    f->doc->blocks[f->cursor].start : 0;
		n->have_place = 1;
		ui_notes_saved(ui);
		return 1;
	}
	if (n->marks[i].off == 0) {
		ui_message(ui, "Mark %c is not set", key);
		return 1;
	}
	ui_goto_offset(ui, n->marks[i].off - 1);
	return 1;
}

static const struct ui_pane_ops marks_ops = {
	"marks", KEYMAP_READER, 0, NULL, marks_key, NULL, NULL, NULL
};

void
ui_marks_init(struct ui_marks *m)
{
	m->pane.ops = &marks_ops;
	m->kind = 0;
}
