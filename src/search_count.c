/*
 * search_count.c: --count over the input itself. Where a format can tell
 * the block around any place of its input (format.h's unit), the input is
 * scanned for the places where the query can match, a piece at a time as
 * grep reads, and only the blocks around them are looked at: the document
 * is neither parsed nor folded as a whole.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/pages.h"
#include "lectern/scan.h"
#include "lectern/search.h"
#include "lectern/util.h"

#define NONE		SIZE_MAX
#define COUNT_READ	(64u << 10)	/* bytes --count reads first */
#define COUNT_PIECE	(256u << 10)	/* bytes it looks at a time */
#define COUNT_AROUND	4096		/* and around them */
#define COUNT_MANY	256		/* places in a piece that make it
					   cheaper to look at the mapping */
#define COUNT_DENSE	(COUNT_PIECE / 4) /* so do bytes of blocks looked
					   at in a piece */
#define AHEAD_BYTES	(32u << 20)	/* mapped in ahead of the count */
#define COUNT_SPLIT	(16u << 20)	/* input from which half of it is
					   counted on a second thread */

/* Counts the matches in the block to be u; scratch holds it when its
 * label, separator and text are not one range of the input. */
static void
count_unit(const struct doc *d, struct search_query *q,
    const struct format_unit *u, struct buf *scratch, size_t *n)
{
	size_t k;

	if (u->sep == NULL) {
		search_count_text(q, d->src, u->tstart, u->tend, n);
	} else if ((k = strlen(u->sep)) == u->tstart - u->lend &&
	    memcmp(d->src + u->lend, u->sep, k) == 0) {
		search_count_text(q, d->src, u->lstart, u->tend, n);
	} else {
		buf_reset(scratch);
		buf_add(scratch, d->src + u->lstart, u->lend - u->lstart);
		buf_adds(scratch, u->sep);
		buf_add(scratch, d->src + u->tstart, u->tend - u->tstart);
		buf_addc(scratch, '\0');
		search_count_text(q, (const uint8_t *)scratch->data, 0,
		    scratch->len - 1, n);
	}
}

/* Where count_units is in the input: the piece of it read last. */
struct pieces {
	struct buf	 b;
	size_t		 start, end;	/* the input offsets it holds */
	size_t		 places;	/* found in it */
	size_t		 looked;	/* bytes of its blocks looked at */
	int		 mapped;	/* places are many: look at the
					   mapping itself */
	struct pages_ahead *ahead;	/* the mapping's pages, when mapped:
					   mapped in ahead on another thread,
					   not a fault at a time here */
};

/* Reads the piece of the input from pos, with some of what is around
 * it. Returns 0, or -1 when the file does not hold it any more. */
static int
read_piece(struct doc *d, struct pieces *pc, size_t pos)
{
	size_t off = (size_t)(d->in - d->raw), s, e, n;
	ssize_t got;

	s = pos > COUNT_AROUND ? pos - COUNT_AROUND : 0;
	e = d->inlen - pos > COUNT_PIECE + COUNT_AROUND ?
	    pos + COUNT_PIECE + COUNT_AROUND : d->inlen;
	UTIL_GROW(pc->b.data, pc->b.cap, e - s);
	for (n = 0; n < e - s; n += (size_t)got)
		if ((got = pread(d->fd, pc->b.data + n, e - s - n,
		    (off_t)(off + s + n))) <= 0)
			return -1;
	pc->start = s;
	pc->end = e;
	pc->places = 0;
	pc->looked = 0;
	return 0;
}

/*
 * The next place at or after pos where a match can be. A mapped file is
 * looked at a piece at a time through a buffer read from the file, so
 * that its pages are touched only around such places (as grep reads),
 * unless places are many, when the pages are all touched anyway.
 */
static size_t
next_place(struct doc *d, struct search_query *q, struct pieces *pc,
    size_t pos)
{
	size_t ev, last;

	if (d->own != DOC_MAPPED || d->fd < 0 || pc->mapped)
		return scan_event(q->scan, d->in, pos, d->inlen);
	q->scan->piece = 1;
	while (pos < d->inlen) {
		/* The places of a piece are those before its last bytes. */
		last = pc->end == d->inlen ? pc->end : pc->end - COUNT_AROUND;
		if (pc->end == 0 || pos < pc->start + (pc->start > 0 ?
		    COUNT_AROUND : 0) || pos >= last) {
			if (read_piece(d, pc, pos) == -1) {
				pc->mapped = 1;
				break;
			}
			continue;
		}
		ev = scan_event(q->scan, (const uint8_t *)pc->b.data,
		    pos - pc->start, pc->end - pc->start);
		if (ev != NONE && pc->start + ev < last) {
			if (++pc->places > COUNT_MANY ||
			    pc->looked > COUNT_DENSE) {
				/* All of the rest will be touched. */
				pc->mapped = 1;
				pc->ahead = pages_ahead_start(d->in,
				    d->inlen, pos, AHEAD_BYTES, PAGES_READ);
			}
			q->scan->piece = 0;
			return pc->start + ev;
		}
		pos = last;
	}
	q->scan->piece = 0;
	return pc->mapped ? scan_event(q->scan, d->in, pos, d->inlen) : NONE;
}

/* Counts the matches of a plain query in the blocks of the input of a
 * format that can tell the block around a place (see format.h) that start
 * in [from, end): only the blocks where a place is found are looked at.
 * After another part, the block around the first place may start before
 * from, and is the other's. Returns 0, or -1 when the format could not
 * tell (the count is then to be done by reading). */
static int
count_units(struct doc *d, struct search_query *q, size_t from, size_t end,
    int after, size_t *n)
{
	struct pieces pc;
	struct format_unit u;
	struct buf scratch = { NULL, 0, 0 };
	size_t ev, pos = from;
	int rc = 0;

	memset(&pc, 0, sizeof pc);
	while ((ev = next_place(d, q, &pc, pos)) != NONE) {
		if ((rc = d->fmt->unit(d, ev, &u)) <= 0)
			break;
		if (u.next <= pos || (u.start < pos && (pos != from ||
		    !after))) {
			rc = -1;	/* never: units follow each other */
			break;
		}
		if (u.start >= end)
			break;		/* the next part's */
		if (u.start >= from)
			count_unit(d, q, &u, &scratch, n);
		pc.looked += u.next - u.start;
		pos = u.next;
		pages_ahead_at(pc.ahead, pos);
	}
	pages_ahead_stop(pc.ahead);
	buf_free(&pc.b);
	buf_free(&scratch);
	return rc < 0 ? -1 : 0;
}

/* A part of the input counted on a thread of its own, with its own copy
 * of the document (for the format's state) and of the query (for the
 * matcher's). */
struct part {
	struct doc	 d;
	struct search_query q;
	size_t		 from, end, n;
	int		 rc;
};

static void *
part_run(void *arg)
{
	struct part *p = arg;

	p->rc = count_units(&p->d, &p->q, p->from, p->end, 1, &p->n);
	return NULL;
}

/* count_units from pos to the end, the second half of a long input on
 * another thread where there is a processor for it (the count of a
 * frequent word is work on every block, not waiting for the disk). */
static int
count_all(struct doc *d, struct search_query *q, size_t pos, size_t *n)
{
	struct part p;
	pthread_t t;
	char err[128];
	void *fs;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int rc;

	if (d->fmt->unit_state == 0 || d->inlen - pos < COUNT_SPLIT ||
	    cpus < 2)
		return count_units(d, q, pos, d->inlen, 0, n);
	memset(&p, 0, sizeof p);
	p.d = *d;
	fs = xmalloc(d->fmt->unit_state);
	memcpy(fs, d->fs, d->fmt->unit_state);
	p.d.fs = fs;
	p.from = pos + (d->inlen - pos) / 2;
	p.end = d->inlen;
	if (search_query_init(&p.q, q->text, 0, err, sizeof err) == -1 ||
	    pthread_create(&t, NULL, part_run, &p) != 0) {
		search_query_free(&p.q);
		free(fs);
		return count_units(d, q, pos, d->inlen, 0, n);
	}
	rc = count_units(d, q, pos, p.from, 0, n);
	pthread_join(t, NULL);
	search_query_free(&p.q);
	free(fs);
	*n += p.n;
	return rc == -1 || p.rc == -1 ? -1 : 0;
}

size_t
search_count(struct doc *d, struct search_query *q)
{
	struct search_index *x;
	struct search_result r = SEARCH_RESULT_INIT;
	size_t n = 0, from;

	r.count_only = 1;
	/* A query with a colon, or starting with a space, can match the
	 * separator the layout puts between a label and its text, which
	 * the input need not hold where the query is looked for: those are
	 * counted by reading. */
	if (!q->regex && q->nfolded > 0 && d->fmt->unit != NULL &&
	    memchr(q->folded, ':', q->nfolded) == NULL &&
	    q->folded[0] != ' ') {
		/* The top of a document (its title, front matter) is read
		 * as the reader reads it; the rest only where the query can
		 * be. */
		doc_parse_some(d, COUNT_READ);
		x = search_index_new(d);
		search_run(x, q, NULL, &r);
		n = r.n;
		from = search_index_ready(x) < d->nblocks ?
		    d->blocks[search_index_ready(x)].start : d->len;
		if (doc_complete(d) || (d->in == d->src &&
		    count_all(d, q, from, &n) == 0)) {
			search_index_free(x);
			return n;
		}
		search_index_free(x);
		r.n = 0;
	}
	doc_parse_all(d);
	x = search_index_new(d);
	search_run(x, q, NULL, &r);
	n = r.n;
	search_result_free(&r);
	search_index_free(x);
	return n;
}
