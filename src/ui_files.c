/* ui_files.c: the files the reader moves between, open or kept as text. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/library.h"
#include "lectern/ui_files.h"
#include "lectern/ui_find.h"
#include "lectern/util.h"
#include "lectern/view.h"

void
ui_files_init(struct ui_files *fs, char *const *paths, size_t n)
{
	size_t i;

	memset(fs, 0, sizeof *fs);
	fs->v = xcalloc(n > 0 ? n : 1, sizeof *fs->v);
	fs->n = n;
	for (i = 0; i < n; i++)
		fs->v[i].path = xstrdup(paths[i]);
}

void
ui_files_add(struct ui_files *fs, const char *path)
{
	fs->v = xreallocarray(fs->v, fs->n + 1, sizeof *fs->v);
	memset(&fs->v[fs->n], 0, sizeof *fs->v);
	fs->v[fs->n++].path = xstrdup(path);
}

void
ui_files_free(struct ui_files *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		ui_files_unload(fs, i);
		free(fs->v[i].path);
		free(fs->v[i].real);
		free(fs->v[i].query);
	}
	free(fs->v);
	memset(fs, 0, sizeof *fs);
}

void
ui_files_lend(struct ui_files *fs, size_t i, struct doc *d, const char *real)
{
	struct ui_slot *s = &fs->v[i];

	s->lent = d;
	free(s->real);
	s->real = real != NULL ? xstrdup(real) : NULL;
}

struct ui_file *
ui_files_load(struct ui *ui, struct ui_files *fs, size_t i)
{
	struct ui_slot *s = &fs->v[i];
	struct ui_file *f;
	struct doc *d = s->lent;

	if (s->file != NULL)
		return s->file;
	if (d == NULL) {
		if ((d = doc_open(s->path)) == NULL)
			return NULL;
		doc_parse_some(d, LIBRARY_FIRST_CHUNK);
		if (s->real == NULL)
			s->real = realpath(s->path, NULL);
	}
	/* Tests see the whole document from the first key. */
	if (ui->scripted)
		doc_parse_all(d);
	f = s->file = xcalloc(1, sizeof *f);
	f->doc = d;
	f->find = xcalloc(1, sizeof *f->find);
	ui_find_init(f->find);
	return f;
}

void
ui_files_shown(struct ui_files *fs, size_t i)
{
	fs->v[i].used = ++fs->clock;
}

long
ui_files_victim(const struct ui_files *fs, size_t keep)
{
	size_t i, open = 0;
	long old = -1;

	for (i = 0; i < fs->n; i++) {
		if (fs->v[i].file == NULL)
			continue;
		open++;
		if (i != keep && (old < 0 || fs->v[i].used <
		    fs->v[old].used))
			old = (long)i;
	}
	return open > UI_FILES_OPEN ? old : -1;
}

void
ui_files_unload(struct ui_files *fs, size_t i)
{
	struct ui_slot *s = &fs->v[i];
	struct ui_file *f = s->file;

	if (f == NULL)
		return;
	free(s->query);
	s->query = NULL;
	if (f->find->have) {
		s->query = xstrdup(f->find->q.text);
		s->regex = f->find->q.regex;
	}
	ui_find_free(f->find);
	free(f->find);
	view_free(f->view);
	free(f->doc_hl);
	if (f->doc != s->lent)
		doc_free(f->doc);
	free(f);
	s->file = NULL;
	s->opened = 1;
}
