/* notes_export.c: the reader's highlights as Markdown block quotes, with
 * their speakers and sections, and those no longer found. */
#include <stdio.h>
#include <string.h>

#include "lectern/cite.h"
#include "lectern/doc.h"
#include "lectern/notes.h"
#include "lectern/notes_export.h"
#include "lectern/text.h"
#include "lectern/util.h"

/* Appends the text of [s, e) as one line, white space folded. */
static void
flat(struct buf *b, const struct doc *d, size_t s, size_t e)
{
	struct buf t = { NULL, 0, 0 };
	size_t i;
	int space = 0;

	text_sanitize(&t, d->src + s, e - s);
	for (i = 0; i < t.len; i++) {
		if (t.data[i] == ' ') {
			space = 1;
			continue;
		}
		if (space && b->len > 0 && b->data[b->len - 1] != ' ')
			buf_addc(b, ' ');
		space = 0;
		buf_addc(b, t.data[i]);
	}
	buf_free(&t);
}

/* Appends "> — Speaker, in “Section”" for a highlighted block, when it
 * has either. */
/* Appends "> — Speaker, in “Section” [01:02:03]" for a highlighted
 * block, when it has any of them (the time with times set). */
static void
attribution(struct buf *b, const struct doc *d, size_t blk, int times)
{
	struct buf a = { NULL, 0, 0 };

	cite_attribution(&a, d, blk, CITE_SECTION);
	if (times)
		cite_time(&a, d, doc_time_at(d, blk));
	if (a.len > 0)
		buf_printf(b, ">\n> \xE2\x80\x94 %s\n", buf_str(&a));
	buf_free(&a);
}

/* Appends the reader's note on a highlight, if any, as a paragraph after
 * its quote, on one line (white space folded, controls shown as
 * placeholders: none gets out). */
static void
note(struct buf *b, const char *text)
{
	struct buf t = { NULL, 0, 0 };

	if (text == NULL)
		return;
	text_sanitize(&t, (const uint8_t *)text, strlen(text));
	buf_printf(b, "\nNote: %s\n", buf_str(&t));
	buf_free(&t);
}

int
notes_export(const struct notes *n, const struct doc *d, FILE *f)
{
	return notes_export_times(n, d, 1, f);
}

int
notes_export_times(const struct notes *n, const struct doc *d, int times,
    FILE *f)
{
	struct buf b = { NULL, 0, 0 };
	size_t i;

	buf_adds(&b, "# Highlights");
	if (d->meta.title.end > d->meta.title.start) {
		buf_adds(&b, ": ");
		flat(&b, d, d->meta.title.start, d->meta.title.end);
	}
	buf_adds(&b, "\n");
	for (i = 0; i < n->hl.n; i++) {
		const struct doc_block *blk;

		if (n->hl.v[i].block >= d->nblocks)
			continue;
		blk = &d->blocks[n->hl.v[i].block];
		buf_adds(&b, "\n> ");
		flat(&b, d, blk->tstart, blk->tend);
		buf_adds(&b, "\n");
		attribution(&b, d, n->hl.v[i].block, times);
		note(&b, n->hl.v[i].note);
	}
	if (n->lost.n > 0) {
		buf_adds(&b, "\n## No longer found in the document\n");
		for (i = 0; i < n->lost.n; i++) {
			struct buf t = { NULL, 0, 0 };

			text_sanitize(&t, (const uint8_t *)n->lost.v[i].excerpt,
			    strlen(n->lost.v[i].excerpt));
			buf_printf(&b, "\n> %s\xE2\x80\xA6\n", buf_str(&t));
			buf_free(&t);
			note(&b, n->lost.v[i].note);
		}
	}
	fwrite(buf_str(&b), 1, b.len, f);
	buf_free(&b);
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}
