/*
 * plain_unit.c: the block that a place in a plain transcript belongs to,
 * found from the lines around it, without reading the document from its
 * start. --count uses it to look only where a word can be.
 *
 * What a line is (plain_read) depends on the modes the sample chose and
 * on the names it saw, not on what came before, with a few exceptions;
 * where one of them applies, or the lines are timed segments whose text
 * is built, this says it cannot tell, and the count reads the document
 * instead.
 */
#include <string.h>

#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/plain.h"

/* The start of the line holding pos. */
static size_t
line_start(const struct doc *d, size_t pos)
{
	const uint8_t *p;

	if (pos == 0)
		return 0;
	p = memrchr(d->in, '\n', pos);
	return p == NULL ? 0 : (size_t)(p - d->in) + 1;
}

/* True when the line at pos (up to its newline) is blank. */
static int
blank_line(const struct doc *d, size_t pos)
{
	size_t e = plain_line_end(d, pos);

	for (; pos < e; pos++)
		if (d->in[pos] != ' ' && d->in[pos] != '\t' &&
		    d->in[pos] != '\r')
			return 0;
	return 1;
}

/* The start of the non-blank line before the line at ls, or SIZE_MAX. */
static size_t
prev_line(const struct doc *d, size_t ls, size_t floor, int *gap)
{
	*gap = 0;
	while (ls > floor) {
		ls = line_start(d, ls - 1);
		if (!blank_line(d, ls))
			return ls;
		*gap = 1;
	}
	return SIZE_MAX;
}

/* Fills u from the logical line pl, as the reader makes its block.
 * Returns 1, or -1 where the block depends on more than the line. */
static int
from_line(struct plain_state *ps, struct doc *d, const struct pline *pl,
    struct format_unit *u)
{
	struct pline nx;

	u->start = pl->start;
	u->next = pl->next;
	u->lstart = u->lend = pl->tstart;
	u->tstart = pl->tstart;
	u->tend = pl->tend;
	u->sep = NULL;
	switch (pl->kind) {
	case L_SKIP:
		u->tstart = u->tend = pl->next;
		return 1;
	case L_PLAIN:
	case L_MDHEAD:
	case L_CHAPTER:
		return 1;
	case L_BYLINE:
	case L_LINK:
		u->tstart = pl->start;
		return 1;
	case L_TURN:
	case L_CREDIT:
		u->lstart = pl->lstart;
		u->lend = pl->lend;
		u->sep = ": ";
		return 1;
	case L_BULLET:
		if (pl->lend > pl->lstart) {
			u->lstart = pl->lstart;
			u->lend = pl->lend;
			u->sep = " ";
		}
		return 1;
	case L_LABEL:
		/* Its text is the next paragraph; a timed one may be a
		 * heading, which depends on what follows. */
		if (pl->time != DOC_NO_TIME)
			return -1;
		u->lstart = pl->lstart;
		u->lend = pl->lend;
		u->sep = ": ";
		u->tstart = u->tend = pl->next;
		if (plain_read(ps, d, pl->next, &nx) && nx.kind == L_PLAIN) {
			u->tstart = nx.tstart;
			u->tend = nx.tend;
			u->next = nx.next;
		}
		return 1;
	default:
		return -1;	/* timed segments */
	}
}

/* True when [s, e) is only blank lines. */
static int
blank_between(const struct doc *d, size_t s, size_t e)
{
	for (; s < e; s++)
		if (d->in[s] != '\n' && d->in[s] != ' ' && d->in[s] != '\t' &&
		    d->in[s] != '\r')
			return 0;
	return 1;
}

/* Fills u from the line pl and notes pl (or the line that ends the unit)
 * as the last line read: a count's places come in order, and the next
 * one is most often on the next line, whose line before is then known. */
static int
unit_of(struct plain_state *ps, struct doc *d, const struct pline *pl,
    struct format_unit *u)
{
	struct plain_state *real = d->fs;
	int rc = from_line(ps, d, pl, u);

	real->unit_valid = 0;
	if (rc == 1 && pl->next == u->next) {
		real->unit_last = *pl;
		real->unit_valid = 1;
	}
	return rc;
}

int
plain_unit(struct doc *d, size_t pos, struct format_unit *u)
{
	struct plain_state ps;
	struct pline pl, lab;
	const struct pline *last;
	size_t body, ls, p, prev;
	int gap;

	if (d->fs == NULL || d->in != d->src)
		return -1;
	ps = *(const struct plain_state *)d->fs;
	if (ps.own)
		return -1;
	ps.ahead_pos = 0;
	last = ps.unit_valid ? &ps.unit_last : NULL;
	/* Where the text starts (after front matter): the first lines are
	 * read by the parser, which knows the title. */
	body = ps.body;
	if (pos < body)
		pos = body;
	if (pos >= d->inlen)
		return 0;
	ls = line_start(d, pos);
	if (ls < body)
		ls = body;
	if (ps.wrapped || ps.spaced) {
		/* From the start of the paragraph, logical line by line:
		 * the line after the last one read starts one. */
		if (last != NULL && last->next <= pos && last->next >= body)
			ls = last->next;
		while (ls > body && (last == NULL || ls != last->next)) {
			p = line_start(d, ls - 1);
			if (blank_line(d, p))
				break;
			ls = p;
		}
		for (;;) {
			if (!plain_read(&ps, d, ls, &pl))
				return 0;
			if (pl.next > pos || pl.next >= d->inlen)
				break;
			ls = pl.next;
		}
	} else if (!plain_read(&ps, d, ls, &pl))
		return 0;
	if (pl.kind != L_PLAIN)
		return unit_of(&ps, d, &pl, u);
	/* A paragraph right after a label alone is that label's text. The
	 * last line read, with only blank lines after it, is the line
	 * before (a label is one line; the lines of a paragraph that
	 * wrapped are none of them labels). */
	if (last != NULL && last->next <= pl.start && last->start >= body &&
	    blank_between(d, last->next, pl.start))
		lab = *last;
	else if ((prev = prev_line(d, pl.start, body, &gap)) == SIZE_MAX ||
	    !plain_read(&ps, d, prev, &lab))
		return unit_of(&ps, d, &pl, u);
	if (lab.kind == L_LABEL && lab.next <= pl.start) {
		if (lab.time != DOC_NO_TIME)
			return -1;
		return unit_of(&ps, d, &lab, u);
	}
	return unit_of(&ps, d, &pl, u);
}
