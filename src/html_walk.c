/* html_walk.c: the main content of a page walked into pieces of text,
 * each a block to be: headings, paragraphs, list items, quotes, lines of
 * <pre>, rows of tables. White space is folded as a browser does (kept in
 * <pre>), inline elements become styles, time stamps and links to a time
 * become the piece's time, and an element whose class names a speaker
 * names the speaker of the piece after it. */
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/html.h"
#include "lectern/lexicon.h"

#define MAX_SPEAKER	LEX_MAX_NAME_BYTES

/* The walk's state: the piece being gathered and where the walk is. */
struct walk {
	const struct html_page *pg;
	struct html_pieces *out;
	struct buf	 cur;		/* the text of the piece being made */
	struct html_run	*runs;		/* its styles */
	size_t		 nruns, capruns;
	enum html_piece_kind kind;	/* what it is, set by its first text */
	int		 level;
	uint32_t	 time;		/* its time, or DOC_NO_TIME */
	uint32_t	 pending;	/* a block's time, for its first piece */
	uint32_t	 ss, se;	/* a speaker named for the next piece */
	unsigned	 style;
	int		 heading, pre, list, quote, row, cells, table;
};

/* Appends bytes to the piece with the styles in force. */
static void
put(struct walk *w, const void *p, size_t n)
{
	struct html_run *r;

	if (n == 0)
		return;
	if (w->cur.len == 0) {
		w->kind = w->heading > 0 ? HP_HEAD : w->row || w->table ? HP_ROW :
		    w->pre ? HP_LINE : w->list > 0 ? HP_BULLET :
		    w->quote > 0 ? HP_QUOTE : HP_PARA;
		w->level = w->heading > 0 ? w->heading : w->list;
	}
	if (w->style != 0) {
		r = w->nruns > 0 ? &w->runs[w->nruns - 1] : NULL;
		if (r != NULL && r->e == w->cur.len && r->kinds == w->style) {
			r->e += (uint32_t)n;
		} else {
			UTIL_GROW(w->runs, w->capruns, w->nruns + 1);
			r = &w->runs[w->nruns++];
			r->s = (uint32_t)w->cur.len;
			r->e = (uint32_t)(w->cur.len + n);
			r->kinds = w->style;
		}
	}
	buf_add(&w->cur, p, n);
}

/* Removes bytes [s, e) of the piece, and their styles. */
static void
cut(struct walk *w, size_t s, size_t e)
{
	size_t i, j, n = e - s;

	if (e <= s)
		return;
	memmove(w->cur.data + s, w->cur.data + e, w->cur.len - e);
	w->cur.len -= n;
	if (w->cur.data != NULL)
		w->cur.data[w->cur.len] = '\0';
	for (i = j = 0; i < w->nruns; i++) {
		struct html_run r = w->runs[i];

		r.s = r.s >= e ? r.s - (uint32_t)n : r.s > s ? (uint32_t)s : r.s;
		r.e = r.e >= e ? r.e - (uint32_t)n : r.e > s ? (uint32_t)s : r.e;
		if (r.e > r.s)
			w->runs[j++] = r;
	}
	w->nruns = j;
}

/* White space of the page. */
static const uint8_t spaces[256] = {
	[' '] = 1, ['\n'] = 1, ['\t'] = 1, ['\r'] = 1, ['\f'] = 1
};

static int
is_space(uint8_t c)
{
	return spaces[c];
}

/* Takes time stamps out of the piece's text: "[00:12:34]" anywhere,
 * "00:12:34 " at its start. The first dates the piece. */
static void
take_stamps(struct walk *w)
{
	const uint8_t *t;
	size_t i, q, e;
	uint32_t ms;

	for (i = 0; i < w->cur.len;) {
		t = (const uint8_t *)w->cur.data;
		if (t[i] != '[' && t[i] != '(' && !(i == 0 && t[i] >= '0' &&
		    t[i] <= '9')) {
			/* On to the next bracket (the text ends in a NUL). */
			i += strcspn((const char *)t + i, "[(");
			if (i < w->cur.len && t[i] == '\0')
				i++;
			continue;
		}
		q = html_stamp_at(t, i, w->cur.len, i == 0, &ms);
		/* "(00:01:02): text" is for the labels to read. */
		if (q == i || (i == 0 && q < w->cur.len && t[q] == ':')) {
			i++;
			continue;
		}
		if (w->time == DOC_NO_TIME)
			w->time = ms;
		for (e = q; e < w->cur.len && t[e] == ' '; e++)
			;
		cut(w, i, i == 0 || t[i - 1] == ' ' || e == w->cur.len ? e : q);
	}
}

/* Ends the piece being made: it joins the pieces, if it has text. */
static void
flush(struct walk *w)
{
	struct html_pieces *o = w->out;
	struct html_piece *p;
	size_t s = 0, e, i, linked = 0;

	take_stamps(w);
	e = w->cur.len;
	while (e > 0 && is_space((uint8_t)w->cur.data[e - 1]))
		e--;
	cut(w, e, w->cur.len);
	while (s < w->cur.len && is_space((uint8_t)w->cur.data[s]))
		s++;
	cut(w, 0, s);
	if (w->cur.len == 0) {
		w->nruns = 0;
		return;
	}
	UTIL_GROW(o->p, o->cap, o->n + 1);
	p = &o->p[o->n++];
	memset(p, 0, sizeof *p);
	p->kind = w->kind;
	p->level = w->level;
	p->time = w->time != DOC_NO_TIME ? w->time : w->pending;
	p->ss = w->ss;
	p->se = w->se;
	w->ss = w->se = 0;
	w->pending = DOC_NO_TIME;
	p->ts = (uint32_t)o->text.len;
	buf_add(&o->text, w->cur.data, w->cur.len);
	p->te = (uint32_t)o->text.len;
	p->rs = (uint32_t)o->nruns;
	for (i = 0; i < w->nruns; i++) {
		struct html_run r = w->runs[i];

		if (r.kinds & DOC_SPAN_LINK)
			linked += r.e - r.s;
		r.s += p->ts;
		r.e += p->ts;
		UTIL_GROW(o->runs, o->capruns, o->nruns + 1);
		o->runs[o->nruns++] = r;
	}
	p->re = (uint32_t)o->nruns;
	if (linked == w->cur.len)
		p->flags |= HP_ALLLINK;
	buf_reset(&w->cur);
	w->nruns = 0;
	w->time = DOC_NO_TIME;
}

/* Appends the text of a text node: white space folded, or kept in
 * <pre>, where a line end ends the piece. */
static void
text(struct walk *w, const uint8_t *s, size_t n)
{
	size_t i, run;

	for (i = 0; i < n;) {
		if (w->pre) {
			if (s[i] == '\n') {
				flush(w);
				i++;
				continue;
			}
			for (run = i; run < n && s[run] != '\n'; run++)
				;
			put(w, s + i, run - i);
			i = run;
			continue;
		}
		if (is_space(s[i])) {
			while (i < n && is_space(s[i]))
				i++;
			if (w->cur.len > 0 && w->cur.data[w->cur.len - 1] != ' ')
				put(w, " ", 1);
			continue;
		}
		/* Words and the single spaces between them go as they are,
		 * in one piece: only other white space is folded. */
		for (run = i; run < n; run++)
			if (spaces[s[run]] && (s[run] != ' ' || run + 1 == n ||
			    spaces[s[run + 1]]))
				break;
		put(w, s + i, run - i);
		i = run;
	}
}

/* True when [s, e) of the piece is only a time (or nothing). */
static int
only_time(struct walk *w, size_t s, size_t *e, uint32_t *ms)
{
	const uint8_t *t = (const uint8_t *)w->cur.data;
	size_t a = s, b = *e, q;

	if (t == NULL)
		return 0;
	lex_trim(t, &a, &b);
	if (a == b)
		return 1;
	q = html_stamp_at(t, a, b, 1, ms);
	return q == b;
}

/* True when a table holds only text in its cells (a table of data, its
 * rows shown as rows) rather than blocks (a layout). */
static int
data_table(const struct html_page *pg, int t)
{
	const struct html_node *nd = pg->nodes;
	int r, c, g;

	for (g = nd[t].first; g >= 0; g = nd[g].next) {
		r = nd[g].tag == HT_TR ? g : nd[g].first;
		for (; r >= 0; r = nd[g].tag == HT_TR ? -1 : nd[r].next) {
			if (nd[r].tag != HT_TR)
				continue;
			for (c = nd[r].first; c >= 0; c = nd[c].next)
				if ((nd[c].flags & HN_BLOCKS) &&
				    !(nd[c].flags & HN_DROP))
					return 0;
		}
	}
	return 1;
}

static void	walk(struct walk *, int);

/* Walks the children of element i. */
static void
children(struct walk *w, int i)
{
	int c;

	for (c = w->pg->nodes[i].first; c >= 0; c = w->pg->nodes[c].next)
		walk(w, c);
}

/* Walks an element whose class names a speaker: its text, when it reads
 * as a name, names the speaker of the next piece. */
static void
speaker(struct walk *w, int i)
{
	size_t s = w->cur.len, e, ns, ne;
	int words;
	const uint8_t *t;

	children(w, i);
	e = w->cur.len;
	t = (const uint8_t *)w->cur.data;
	ns = s;
	ne = e;
	if (t == NULL)
		return;
	lex_trim(t, &ns, &ne);
	if (ne > ns && t[ne - 1] == ':')
		ne--;
	lex_trim(t, &ns, &ne);
	/* "The Minister for Agriculture (Ms Hale)": Ms Hale. */
	if (ne > ns && t[ne - 1] == ')') {
		size_t o = ne - 1;

		while (o > ns && t[o] != '(')
			o--;
		if (t[o] == '(' && o > ns && html_name_ok(t, o + 1, ne - 1,
		    &words)) {
			ns = o + 1;
			ne--;
		}
	}
	if (ne == ns || ne - ns > MAX_SPEAKER ||
	    !html_name_ok(t, ns, ne, &words))
		return;
	w->ss = (uint32_t)w->out->text.len;
	buf_add(&w->out->text, t + ns, ne - ns);
	w->se = (uint32_t)w->out->text.len;
	cut(w, s, e);
	{
		uint32_t ss = w->ss, se = w->se;

		w->ss = w->se = 0;
		flush(w);
		w->ss = ss;
		w->se = se;
	}
}

/* Walks node i. */
static void
walk(struct walk *w, int i)
{
	const struct html_node *n = &w->pg->nodes[i];
	enum html_tag tag = (enum html_tag)n->tag;
	unsigned style = w->style;
	size_t at;
	uint32_t ms;
	int block, saved;

	if (n->flags & HN_DROP)
		return;
	if (tag == HT_TEXT) {
		text(w, (const uint8_t *)w->pg->text.data + n->ts,
		    n->te - n->ts);
		return;
	}
	block = html_is_block(tag) || tag == HT_BR;
	if (w->table && (tag == HT_TD || tag == HT_TH || tag == HT_TR ||
	    tag == HT_TBODY || tag == HT_THEAD || tag == HT_TFOOT))
		block = 0;
	if (block)
		flush(w);
	if (n->time != DOC_NO_TIME && block)
		w->pending = n->time;
	if ((n->flags & HN_SPEAKER) && !(n->flags & HN_INLINK) &&
	    tag != HT_A && w->heading == 0) {
		speaker(w, i);
		if (block)
			flush(w);
		return;
	}
	at = w->cur.len;
	switch (tag) {
	case HT_H1: case HT_H2: case HT_H3: case HT_H4: case HT_H5: case HT_H6:
		saved = w->heading;
		w->heading = tag - HT_H1 + 1;
		children(w, i);
		flush(w);
		w->heading = saved;
		break;
	case HT_UL: case HT_OL: case HT_MENU: case HT_DL:
		w->list++;
		children(w, i);
		w->list--;
		break;
	case HT_BLOCKQUOTE:
		w->quote++;
		children(w, i);
		w->quote--;
		break;
	case HT_PRE: case HT_XMP: case HT_LISTING: case HT_PLAINTEXT:
		w->pre++;
		children(w, i);
		flush(w);
		w->pre--;
		break;
	case HT_TABLE:
		saved = w->table;
		w->table = data_table(w->pg, i);
		children(w, i);
		flush(w);
		w->table = saved;
		break;
	case HT_TR:
		if (w->table) {
			flush(w);
			w->row = 1;
			w->cells = 0;
			children(w, i);
			flush(w);
			w->row = 0;
		} else {
			children(w, i);
		}
		break;
	case HT_TD: case HT_TH:
		if (w->table && w->row && w->cells++ > 0 && w->cur.len > 0) {
			w->style = 0;
			put(w, " | ", 3);
			w->style = style;
		}
		children(w, i);
		break;
	case HT_STRONG: case HT_B:
		w->style |= DOC_SPAN_STRONG;
		children(w, i);
		break;
	case HT_EM: case HT_I: case HT_CITE: case HT_VAR:
		w->style |= DOC_SPAN_EMPH;
		children(w, i);
		break;
	case HT_CODE: case HT_KBD: case HT_SAMP: case HT_TT:
		w->style |= DOC_SPAN_CODE;
		children(w, i);
		break;
	case HT_A:
		if (n->time == DOC_NO_TIME)
			w->style |= DOC_SPAN_LINK;
		children(w, i);
		break;
	default:
		children(w, i);
		break;
	}
	w->style = style;
	/* A link to a time, an element with a time or named a time stamp:
	 * the time dates the piece, and a text that is only the time goes. */
	if (!block && w->cur.len >= at) {
		size_t e = w->cur.len;

		ms = DOC_NO_TIME;
		if (n->time != DOC_NO_TIME || (n->flags & HN_TIMECLASS)) {
			if (only_time(w, at, &e, &ms)) {
				cut(w, at, w->cur.len);
				if (ms == DOC_NO_TIME)
					ms = n->time;
			} else {
				ms = n->time;
			}
		}
		if (ms != DOC_NO_TIME && w->time == DOC_NO_TIME)
			w->time = ms;
	}
	if (block)
		flush(w);
}

void
html_walk(const struct html_page *pg, int root, struct html_pieces *out)
{
	struct walk w;

	memset(&w, 0, sizeof w);
	w.pg = pg;
	w.out = out;
	w.time = w.pending = DOC_NO_TIME;
	if (root >= 0)
		walk(&w, root);
	flush(&w);
	buf_free(&w.cur);
	free(w.runs);
}

void
html_pieces_free(struct html_pieces *o)
{
	buf_free(&o->text);
	free(o->runs);
	free(o->p);
	memset(o, 0, sizeof *o);
}
