/*
 * md_blocks.c: the blocks of a Markdown paragraph, read a line at a time.
 *
 * A line may start a speaker's turn (its label read by speech.c, as bold
 * when the ** were there), be a label alone whose text is the lines after
 * it or the next paragraph, go on in the same turn at a time
 * ("(00:01:02):"), be a credit or a field ("**Date:** 2025-11-30"), a time
 * alone for the next block ("[27:43]"), or a timed segment ("[00:01:02]
 * Name: text"), joined with the others into turns by segments.c. Other
 * lines go on in the block before them. A one-word name counts when it
 * labels two lines of the sample, or has a time of its own.
 */
#include <string.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/lexicon.h"
#include "lectern/markdown.h"
#include "lectern/segments.h"
#include "lectern/speech.h"

enum md_line {
	LN_NONE, LN_TEXT, LN_SEG, LN_TIME, LN_MORE, LN_LABEL, LN_TURN,
	LN_CREDIT
};

/* A run of lines that makes one block. */
struct group {
	enum md_line	 kind;		/* LN_TEXT, LN_TURN, LN_LABEL, LN_MORE */
	size_t		 ns, ne;	/* a label's name */
	size_t		 ts, te;	/* its text; ts == SIZE_MAX: none yet */
	uint32_t	 time;
};

/* The first run (of n sorted runs) that ends after pos. */
static size_t
first_run(const struct md_run *r, size_t n, size_t pos)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r[mid].end <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The styles of runs[*i] at pos, moving *i on; narrows *until to where
 * they change. */
static unsigned
run_kinds(const struct md_run *r, size_t n, size_t *i, size_t pos,
    size_t *until)
{
	while (*i < n && r[*i].end <= pos)
		(*i)++;
	if (*i >= n)
		return 0;
	if (r[*i].start > pos) {
		if (r[*i].start < *until)
			*until = r[*i].start;
		return 0;
	}
	if (r[*i].end < *until)
		*until = r[*i].end;
	return r[*i].kinds;
}

/* Appends collected text with its styles (see markdown.h). */
size_t
md_emit(struct md_state *m, size_t from, size_t to, size_t *end)
{
	struct doc *d = m->doc;
	const char *t = m->text.data;
	size_t at = build_len(d), i, j, until;
	unsigned kinds;

	while (from < to && (t[from] == ' ' || t[from] == '\n' ||
	    t[from] == '\t'))
		from++;
	while (to > from && (t[to - 1] == ' ' || t[to - 1] == '\n' ||
	    t[to - 1] == '\t'))
		to--;
	i = first_run(m->runs, m->nruns, from);
	j = first_run(m->sounds, m->nsounds, from);
	while (from < to) {
		until = to;
		kinds = run_kinds(m->runs, m->nruns, &i, from, &until) |
		    run_kinds(m->sounds, m->nsounds, &j, from, &until);
		build_style(d, kinds);
		build_text(d, t + from, until - from);
		from = until;
	}
	build_style(d, 0);
	*end = build_len(d);
	return at;
}

/* The time waiting for a block; none waits any more. */
uint32_t
md_take_time(struct md_state *m)
{
	uint32_t t = m->time;

	m->time = DOC_NO_TIME;
	return t;
}

/* Makes a pending label alone a turn without text. */
void
md_flush_label(struct md_state *m)
{
	struct doc *d = m->doc;
	struct build_piece p;

	if (!m->label)
		return;
	m->label = 0;
	p = build_piece(m->lstart, build_len(d));
	p.lend = m->lend;
	p.tstart = p.tend;
	p.time = m->ltime;
	build_turn(d, m->speaker, &p);
	build_texts(d, "\n");
	m->blocks++;
}

/* True when the text collected is strong at pos. */
static int
strong_at(const struct md_state *m, size_t pos)
{
	size_t i = first_run(m->runs, m->nruns, pos);

	return i < m->nruns && m->runs[i].start <= pos &&
	    (m->runs[i].kinds & DOC_SPAN_STRONG);
}

/* True when the name [s, e) of the text collected counts: two words or
 * more, an id, a time of its own, or two labels in the sample, or a
 * speaker already. */
static int
counts(const struct md_state *m, const struct speech *sp)
{
	const char *t = m->text.data;
	size_t i, n = sp->ne - sp->ns;

	if (sp->words > 1 || (sp->flags & SPEECH_ID) ||
	    (sp->time != DOC_NO_TIME && !(sp->flags & SPEECH_LEAD)))
		return 1;
	for (i = 0; i < m->nnames; i++)
		if (m->names[i].len == n && m->names[i].count >= 2 &&
		    memcmp(m->doc->in + m->names[i].start, t + sp->ns, n) == 0)
			return 1;
	for (i = 0; i < m->doc->nspeakers; i++)
		if (strlen(m->doc->speakers[i].name) == n &&
		    memcmp(m->doc->speakers[i].name, t + sp->ns, n) == 0)
			return 1;
	return 0;
}

/* True when the name [s, e) has had a turn. */
static int
spoke(const struct md_state *m, size_t s, size_t e)
{
	size_t i;

	for (i = 0; i < m->doc->nspeakers; i++)
		if (strlen(m->doc->speakers[i].name) == e - s &&
		    memcmp(m->doc->speakers[i].name, m->text.data + s,
		    e - s) == 0)
			return 1;
	return 0;
}

/* Reads the line [s, e) of the text collected into sp; returns what it
 * is. A segment's text is [sp->ts, sp->te), its name [ns, ne) or empty. */
static enum md_line
read_line(struct md_state *m, size_t s, size_t e, struct speech *sp)
{
	const uint8_t *t = (const uint8_t *)m->text.data;
	enum speech_kind k;
	uint32_t ms;

	k = speech_read(t, s, e, strong_at(m, s) ? SPEECH_BOLD : 0, sp);
	switch (k) {
	case SPEECH_NONE:
		if (sp->flags & SPEECH_LEAD)
			return sp->ts < sp->te ? LN_SEG : LN_TIME;
		return LN_TEXT;
	case SPEECH_MORE:
		return LN_MORE;
	case SPEECH_CREDIT:
		return LN_CREDIT;
	default:
		break;
	}
	if (!counts(m, sp)) {
		if (!(sp->flags & SPEECH_LEAD))
			return LN_TEXT;
		/* A segment with no name that counts. */
		sp->ns = sp->ne = s;
		for (sp->ts = lex_stamp(t, s, e, &ms); sp->ts < e &&
		    lex_hspace(t[sp->ts]); sp->ts++)
			;
		sp->te = e;
		return LN_SEG;
	}
	if (k == SPEECH_TURN && (sp->flags & SPEECH_LEAD))
		return LN_SEG;
	if (k == SPEECH_TURN && (sp->flags & (SPEECH_NAMES | SPEECH_VALUE)) &&
	    !spoke(m, sp->ns, sp->ne))
		return LN_CREDIT;
	return k == SPEECH_TURN ? LN_TURN : LN_LABEL;
}

/* Appends a name (no styles); returns its offset. */
static size_t
emit_name(struct md_state *m, size_t s, size_t e)
{
	size_t at = build_text(m->doc, m->text.data + s, e - s);

	build_texts(m->doc, ": ");
	return at;
}

/* A turn of the label [ns, ne) whose text is [ts, te) of the text. */
static void
add_turn(struct md_state *m, const struct group *g)
{
	struct doc *d = m->doc;
	struct build_piece p;
	int sp = build_speaker(d, (const uint8_t *)m->text.data + g->ns,
	    g->ne - g->ns);

	md_flush_label(m);
	seg_end(&m->seg);
	p = build_piece(emit_name(m, g->ns, g->ne), 0);
	p.lend = p.start + (g->ne - g->ns);
	p.tstart = md_emit(m, g->ts, g->te, &p.tend);
	p.end = p.tend;
	p.time = g->time != DOC_NO_TIME ? g->time : md_take_time(m);
	build_turn(d, sp, &p);
	build_texts(d, "\n");
	m->blocks++;
}

/* Makes the block of a group of lines. */
static void
close_group(struct md_state *m, struct group *g, int quoted)
{
	struct doc *d = m->doc;
	struct build_piece p;

	switch (g->kind) {
	case LN_TURN:
		add_turn(m, g);
		break;
	case LN_LABEL:
		if (g->ts != SIZE_MAX) {
			add_turn(m, g);
			break;
		}
		/* Its text is the next paragraph. */
		md_flush_label(m);
		seg_end(&m->seg);
		m->speaker = build_speaker(d, (const uint8_t *)m->text.data +
		    g->ns, g->ne - g->ns);
		m->lstart = emit_name(m, g->ns, g->ne);
		m->lend = m->lstart + (g->ne - g->ns);
		m->ltime = g->time != DOC_NO_TIME ? g->time : md_take_time(m);
		m->label = 1;
		break;
	case LN_MORE:
		if (g->ts == SIZE_MAX) {
			m->time = g->time;
			break;
		}
		m->time = g->time;
		/* FALLTHROUGH */
	case LN_TEXT:
		seg_end(&m->seg);
		if (m->label) {
			/* The text of the label before. */
			m->label = 0;
			p = build_piece(m->lstart, 0);
			p.lend = m->lend;
			p.tstart = md_emit(m, g->ts, g->te, &p.tend);
			p.end = p.tend;
			p.time = m->ltime;
			build_turn(d, m->speaker, &p);
		} else {
			p = build_piece(0, 0);
			p.start = p.lstart = p.lend = p.tstart =
			    md_emit(m, g->ts, g->te, &p.tend);
			p.end = p.tend;
			p.time = g->time != DOC_NO_TIME && g->kind == LN_TEXT ?
			    g->time : md_take_time(m);
			if (quoted)
				build_block(d, DOC_QUOTE, &p);
			else
				build_para(d, &p);
		}
		build_texts(d, "\n");
		m->blocks++;
		break;
	default:
		break;
	}
	g->kind = LN_NONE;
}

/* A credit or a field: "Producer: Ann Lee", "Date: 2025-11-30". */
static void
add_credit(struct md_state *m, const struct speech *sp)
{
	struct doc *d = m->doc;
	struct build_piece p;

	md_flush_label(m);
	seg_end(&m->seg);
	build_end_turn(d);
	p = build_piece(emit_name(m, sp->ns, sp->ne), 0);
	p.lend = p.start + (sp->ne - sp->ns);
	p.tstart = md_emit(m, sp->ts, sp->te, &p.tend);
	p.end = p.tend;
	build_block(d, DOC_CREDIT, &p);
	build_texts(d, "\n");
	m->blocks++;
}

/* The end of the line at pos of the text collected. */
static size_t
text_line_end(const struct md_state *m, size_t pos)
{
	const char *nl = memchr(m->text.data + pos, '\n', m->text.len - pos);

	return nl == NULL ? m->text.len : (size_t)(nl - m->text.data);
}

/* A timed segment; one without a name looks at the next line's. */
static void
add_segment(struct md_state *m, const struct speech *sp, size_t next)
{
	const uint8_t *t = (const uint8_t *)m->text.data, *name = NULL,
	    *ahead = NULL;
	size_t nn = 0, an = 0, s = next, e;
	struct speech nx;

	md_flush_label(m);
	if (sp->ne > sp->ns) {
		name = t + sp->ns;
		nn = sp->ne - sp->ns;
	} else if (next < m->text.len) {
		e = text_line_end(m, next);
		lex_trim(t, &s, &e);
		if (e > s && read_line(m, s, e, &nx) == LN_SEG && nx.ne > nx.ns) {
			ahead = t + nx.ns;
			an = nx.ne - nx.ns;
		}
	}
	seg_add(m->doc, &m->seg, name, nn, sp->time != DOC_NO_TIME ? sp->time :
	    md_take_time(m), t + sp->ts, sp->te - sp->ts, ahead, an);
	m->blocks++;
}

/* Makes the blocks of the paragraph collected, a line at a time. */
void
md_paragraph(struct md_state *m, int quoted)
{
	struct group g = { LN_NONE, 0, 0, SIZE_MAX, 0, DOC_NO_TIME };
	struct speech sp;
	size_t pos, s, e, le;
	enum md_line k;
	int inseg = 0;

	for (pos = 0; pos < m->text.len; pos = le + 1) {
		le = text_line_end(m, pos);
		s = pos;
		e = le;
		lex_trim((const uint8_t *)m->text.data, &s, &e);
		if (e == s)
			continue;
		k = read_line(m, s, e, &sp);
		if (k == LN_TEXT && inseg) {
			/* A line that goes on in a segment's paragraph. */
			sp.ns = sp.ne = s;
			sp.ts = s;
			sp.te = e;
			sp.time = DOC_NO_TIME;
			add_segment(m, &sp, m->text.len);
			continue;
		}
		if (k == LN_TEXT && g.kind != LN_NONE) {
			if (g.ts == SIZE_MAX)
				g.ts = s;
			g.te = e;
			continue;
		}
		close_group(m, &g, quoted);
		inseg = 0;
		g.ns = g.ne = s;
		g.ts = SIZE_MAX;
		g.te = e;
		g.time = sp.time;
		switch (k) {
		case LN_SEG:
			add_segment(m, &sp, le + 1);
			inseg = 1;
			break;
		case LN_TIME:
			m->time = sp.time;
			break;
		case LN_CREDIT:
			add_credit(m, &sp);
			break;
		case LN_TURN:
		case LN_LABEL:
		case LN_MORE:
			g.kind = k;
			g.ns = sp.ns;
			g.ne = sp.ne;
			if (sp.ts < sp.te)
				g.ts = sp.ts;
			g.te = sp.te;
			break;
		case LN_TEXT:
			g.kind = LN_TEXT;
			g.ts = sp.ts;
			g.te = sp.te;
			break;
		case LN_NONE:
			break;
		}
	}
	close_group(m, &g, quoted);
}
