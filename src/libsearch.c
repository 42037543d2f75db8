/* libsearch.c: searching the text of every document of a library. */
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/library.h"
#include "lectern/libsearch.h"
#include "lectern/text.h"
#include "lectern/util.h"

#define PARSE_SLICE	(2u << 20)	/* bytes parsed in a slice */
#define FOLD_SLICE	(2u << 20)	/* bytes folded in a slice */
#define SCAN_SLICE	(8u << 20)	/* bytes searched in a slice */
#define BEFORE		40		/* bytes of text shown before a match */
#define AFTER		80		/* and after it */
#define ELLIPSIS	"\xE2\x80\xA6"

enum { OPEN, PARSE, FOLD, SCAN };

struct libsearch *
libsearch_new(const char *text, int regex, const size_t *order, size_t n,
    char *err, size_t size)
{
	struct libsearch *ls = xcalloc(1, sizeof *ls);

	if (search_query_init(&ls->q, text, regex, err, size) == -1) {
		search_query_free(&ls->q);
		free(ls);
		return NULL;
	}
	ls->text = xstrdup(text);
	ls->regex = regex;
	ls->order = xreallocarray(NULL, n + 1, sizeof *ls->order);
	memcpy(ls->order, order, n * sizeof *order);
	ls->norder = n;
	return ls;
}

/* Ends the search of the document in hand. */
static void
end_doc(struct libsearch *ls)
{
	search_result_free(&ls->r);
	memset(&ls->r, 0, sizeof ls->r);
	search_index_free(ls->x);
	ls->x = NULL;
	doc_free(ls->d);
	ls->d = NULL;
	ls->stage = OPEN;
	ls->pos++;
}

void
libsearch_free(struct libsearch *ls)
{
	size_t i;

	if (ls == NULL)
		return;
	if (ls->d != NULL)
		end_doc(ls);
	for (i = 0; i < ls->nrows; i++)
		free(ls->rows[i].text);
	free(ls->rows);
	free(ls->order);
	free(ls->text);
	search_query_free(&ls->q);
	free(ls);
}

int
libsearch_done(const struct libsearch *ls)
{
	return ls->pos >= ls->norder;
}

/* Moves i back to the start of a character, not before lo. */
static size_t
char_start(const struct doc *d, size_t i, size_t lo)
{
	while (i > lo && (d->src[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* A new row of the results for entry, as a document's row. */
static struct libsearch_row *
add_row(struct libsearch *ls, size_t entry)
{
	struct libsearch_row *r;

	UTIL_GROW(ls->rows, ls->caprows, ls->nrows + 1);
	r = &ls->rows[ls->nrows++];
	memset(r, 0, sizeof *r);
	r->entry = entry;
	r->start = LIBSEARCH_DOC;
	return r;
}

/* Lists the matches of the document in hand. */
static void
collect(struct libsearch *ls, size_t entry)
{
	const struct doc *d = ls->d;
	struct libsearch_row *r;
	size_t i, s, e, a, z, lo, hi;

	if (ls->r.n == 0)
		return;
	r = add_row(ls, entry);
	r->count = ls->r.n;
	ls->ndocs++;
	ls->total += ls->r.n;
	for (i = 0; i < ls->r.n && i < LIBSEARCH_SHOWN; i++) {
		const struct doc_block *blk;
		struct buf b = { NULL, 0, 0 };

		search_source(ls->x, &ls->r.m[i], &s, &e);
		blk = &d->blocks[search_block(ls->x, &ls->r.m[i])];
		lo = s >= blk->tstart ? blk->tstart : blk->start;
		hi = e <= blk->tend ? blk->tend : blk->end;
		a = s - lo > BEFORE ? char_start(d, s - BEFORE, lo) : lo;
		z = hi - e > AFTER ? char_start(d, e + AFTER, e) : hi;
		if (a > lo)
			buf_adds(&b, ELLIPSIS);
		text_sanitize(&b, d->src + a, s - a);
		r = add_row(ls, entry);
		r->ms = b.len;
		text_sanitize(&b, d->src + s, e - s);
		r->me = b.len;
		text_sanitize(&b, d->src + e, z - e);
		if (z < hi)
			buf_adds(&b, ELLIPSIS);
		r->text = xstrdup(buf_str(&b));
		r->start = s;
		r->end = e;
		buf_free(&b);
	}
}

int
libsearch_work(struct libsearch *ls, const struct library *lib)
{
	size_t entry;

	if (libsearch_done(ls))
		return 0;
	entry = ls->order[ls->pos];
	switch (ls->stage) {
	case OPEN:
		if (entry >= lib->n || (ls->d = doc_open(lib->v[entry].path)) ==
		    NULL) {
			ls->failed++;
			ls->pos++;
			break;
		}
		ls->stage = PARSE;
		break;
	case PARSE:
		if (doc_parse_some(ls->d, PARSE_SLICE))
			break;
		ls->x = search_index_begin(ls->d);
		ls->scan = 0;
		ls->stage = FOLD;
		break;
	case FOLD:
		if (search_index_extend(ls->x, FOLD_SLICE) ||
		    !search_index_complete(ls->x))
			break;
		ls->stage = SCAN;
		break;
	case SCAN:
		ls->scan = search_run_slice(ls->x, &ls->q, NULL, &ls->r,
		    ls->scan, SCAN_SLICE);
		if (ls->scan < search_folded_len(ls->x))
			break;
		collect(ls, entry);
		end_doc(ls);
		break;
	}
	return !libsearch_done(ls);
}
