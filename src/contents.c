/*
 * contents.c: the contents of a document as rows (no terminal in here).
 *
 * In an archive episode e's row comes before its sections: it is row
 * episodes[e].section + e, and section i of episode e is row i + e + 1.
 * Both grow with e, so a row is found by a binary search of the
 * episodes, and nothing is stored beside the model.
 */
#include "lectern/contents.h"

size_t
contents_rows(const struct doc *d)
{
	return d->nsections + d->nepisodes;
}

enum key { BY_TITLE, BY_ROW };

/* The last episode whose key (its title block or its row) is at or
 * before x. */
static int
last_episode(const struct doc *d, size_t x, enum key by)
{
	size_t lo = 0, hi = d->nepisodes, mid, key;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		key = by == BY_TITLE ? d->episodes[mid].title :
		    d->episodes[mid].section + mid;
		if (key <= x)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo;
}

int
contents_block_episode(const struct doc *d, size_t b)
{
	return d->nepisodes == 0 ? -1 : last_episode(d, b, BY_TITLE);
}

const struct doc_block *
contents_episode_title(const struct doc *d, size_t b)
{
	int ep = contents_block_episode(d, b);
	const struct doc_block *t;

	if (ep < 0)
		return NULL;
	t = &d->blocks[d->episodes[ep].title];
	return t->kind == DOC_TITLE ? t : NULL;
}

void
contents_row(const struct doc *d, size_t r, struct contents_row *row)
{
	int e = d->nepisodes == 0 ? -1 : last_episode(d, r, BY_ROW), p;

	row->episode = -1;
	row->depth = 0;
	if (e >= 0 && d->episodes[e].section + (size_t)e == r) {
		row->episode = e;
		row->section = -1;
		row->block = d->episodes[e].title;
		return;
	}
	row->section = (int)(r - (size_t)(e + 1));
	row->block = d->sections[row->section].heading;
	row->depth = e >= 0;
	for (p = d->sections[row->section].parent; p >= 0;
	    p = d->sections[p].parent)
		row->depth++;
}

long
contents_row_at(const struct doc *d, size_t b)
{
	int s, e;

	if (b >= d->nblocks)
		return -1;
	s = d->blocks[b].section;
	e = contents_block_episode(d, b);
	if (s >= 0)
		return s + e + 1;
	/* Sections end at an episode's title: a block in none is in the
	 * opening of its episode. */
	return e < 0 ? -1 : (long)d->episodes[e].section + e;
}

const uint8_t *
contents_title(const struct doc *d, const struct contents_row *row,
    size_t *n)
{
	const struct doc_block *b = &d->blocks[row->block];

	*n = b->tend - b->tstart;
	return d->src + b->tstart;
}
