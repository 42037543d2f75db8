/* cite.c: quoting a block with its attribution. */
#include <string.h>

#include "lectern/cite.h"
#include "lectern/contents.h"
#include "lectern/doc.h"
#include "lectern/text.h"
#include "lectern/util.h"

void
cite_text(struct buf *b, const struct doc *d, size_t s, size_t e)
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

int
cite_speaker(struct buf *b, const struct doc *d, size_t i)
{
	const struct doc_block *blk = &d->blocks[i];
	const char *name;
	int q;

	if (blk->speaker >= 0) {
		name = d->speakers[blk->speaker].name;
		text_sanitize(b, (const uint8_t *)name, strlen(name));
		return 1;
	}
	if ((q = doc_quote_attrib(d, i)) >= 0) {
		const struct doc_block *a = &d->blocks[q];

		if (a->lend > a->lstart) {
			cite_text(b, d, a->lstart, a->lend);
			return 1;
		}
	}
	return 0;
}

int
cite_attribution(struct buf *b, const struct doc *d, size_t blk,
    enum cite_where where)
{
	const struct doc_block *k = &d->blocks[blk];
	const struct doc_range *t = &d->meta.title;
	const struct doc_block *ep = contents_episode_title(d, blk);
	struct doc_range et;
	const uint8_t *title;
	size_t n;
	int said = cite_speaker(b, d, blk);

	/* In an archive the title is the episode's. */
	if (ep != NULL) {
		et.start = ep->tstart;
		et.end = ep->tend;
		t = &et;
	}

	if (where == CITE_SECTION && k->section >= 0) {
		title = doc_section_title(d, (size_t)k->section, &n);
		buf_adds(b, said ? ", in \xE2\x80\x9C" : "in \xE2\x80\x9C");
		cite_text(b, d, (size_t)(title - d->src),
		    (size_t)(title - d->src) + n);
		buf_adds(b, "\xE2\x80\x9D");
		said = 1;
	} else if (where == CITE_TITLE && t->end > t->start &&
	    k->kind != DOC_TITLE) {
		if (said)
			buf_adds(b, ", ");
		cite_text(b, d, t->start, t->end);
		said = 1;
	}
	return said;
}

int
cite_time(struct buf *b, const struct doc *d, uint32_t ms)
{
	char t[32];

	if (ms == DOC_NO_TIME)
		return 0;
	doc_format_time(ms, doc_time_hours(d), t, sizeof t);
	buf_printf(b, "%s[%s]", b->len > 0 ? " " : "", t);
	return 1;
}
