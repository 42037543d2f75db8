/*
 * fmt_court.c: reads court transcripts (trials, depositions, hearings
 * in court) into the document model. The text is the document's own:
 * line numbers and page furniture are left out, and the lines of one
 * speech are joined into paragraphs.
 *
 *  1. Page furniture is not text. When the lines of the pages are
 *     numbered (1 to 25 or so at the start of each), the numbers go and
 *     every line without one (headers, footers, page numbers) is left
 *     out. Without line numbers: page numbers alone, "(Continued on next
 *     page)", a reporter's page code alone or before "Name - Direct",
 *     filing stamps ("Case 1:23-cr-1 Document 4 Filed 1/2/24 Page 5 of
 *     9"), rules of dashes, and short lines in capitals or with digits
 *     that recur beside blank lines (a reporter's name and telephone).
 *  2. Speaker labels: "THE COURT:", "MR. SMITH:", "MS. JONES:", "THE
 *     WITNESS:", "JUROR NO. 3:", "Mr. Smith:". A label in capitals that
 *     starts with no title (MR., THE, JUROR...) counts when it labels two
 *     lines or more in the first 256 KB, so that a caption's "BY:" or
 *     "ALSO PRESENT:" is not one.
 *  3. "BY MR. X:" names the examining lawyer, whose turns "Q." (or "Q"
 *     and a tab) lines are; "NAME, called as a witness ... sworn" names
 *     the witness, whose turns "A." lines are, and opens a section named
 *     after the witness. Without them, Q is "Q" and A "THE WITNESS".
 *  4. Headings in capitals: "DIRECT EXAMINATION", "CROSS-EXAMINATION
 *     (continued)" and the like (in the witness's section); "INDEX",
 *     "EXHIBITS", "PROCEEDINGS", "APPEARANCES", "CERTIFICATE" and the
 *     like; "AFTERNOON SESSION" (inside the open section). Spaced-out
 *     letters ("P R O C E E D I N G S") are closed up.
 *  5. A line in parentheses, "(Recess)", is a note of the record: a
 *     paragraph in emphasis, in the turn when the same speech goes on
 *     after it, outside any turn otherwise.
 *  6. The caption page (up to the first speech, note or heading) and the
 *     index keep their lines; "A v. B" in the caption is the title.
 *  7. A speech's lines are joined into paragraphs: one starts at an
 *     indented line, or after a short line that ends a sentence.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lectern/build.h"
#include "lectern/court.h"
#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/rec.h"
#include "lectern/util.h"

#define SAMPLE_SIZE	(256 * 1024)

struct court {
	const uint8_t	*in;
	size_t		 pos, end;
	int		 numbered;	/* the pages' lines are numbered */
	int		 lastnum;
	int		 indent;	/* the usual indent of a text line */
	size_t		 wrap;		/* the usual length of a line */
	struct rec_shapes furniture;	/* recurring short lines */
	struct rec_shapes labels;	/* labels without a title */
	char		*examiner, *witness;
	int		 caption;	/* on the caption page */
	int		 index;		/* in an index: lines kept */
	int		 witness_open;	/* a witness's section is open */
	int		 blank;		/* a blank line came before */

	struct rec_out	 out;
	size_t		 prevlen;	/* the paragraph's last line */
	int		 prevstop;	/* ... ended a sentence */
};

/* One line's content: [s, e) of the input without line number, indent
 * in columns after it. */
struct cline {
	size_t		 s, e;
	int		 indent;
	int		 blank;
};

/*
 * The content of the line at pos into c: the line number and furniture
 * taken away (c->blank when nothing is left). *lastnum is the last line
 * number seen. Returns 0 at the end of the input.
 */
static int
content(const struct court *cs, size_t pos, int *lastnum, struct cline *c)
{
	const uint8_t *p = cs->in;
	struct rec_line l, nx;
	int n, col;
	size_t i;

	if (!rec_line(p, cs->end, pos, &l))
		return 0;
	c->s = l.s;
	c->e = l.e;
	c->indent = l.indent;
	c->blank = 1;
	if (l.s == l.e)
		return 1;
	if (cs->numbered) {
		n = court_line_number(p, &c->s, c->e);
		if (n == 0 || !(n == 1 || *lastnum == 0 ||
		    (n > *lastnum && n <= *lastnum + 3)))
			return 1;
		*lastnum = n;
		col = 0;
		for (i = c->s; i < c->e && rec_space(p[i]); i++)
			col = p[i] == '\t' ? (col / 8 + 1) * 8 : col + 1;
		c->s = i;
		c->indent = col;
		if (c->s == c->e)
			return 1;
	} else if (court_page_code(p, c->s, c->e)) {
		return 1;
	}
	if (court_furniture(p, c->s, c->e))
		return 1;
	if (!cs->numbered && ((l.start > 0 && (l.start < 2 ||
	    p[l.start - 2] == '\n')) || !rec_line(p, cs->end, l.next, &nx) ||
	    nx.s == nx.e) && court_furniture_shaped(p, c->s, c->e) &&
	    rec_shapes_count(&cs->furniture, rec_shape(p, c->s, c->e)) >= 5 &&
	    court_classify(&cs->labels, p, c->s, c->e, NULL) == COURT_TEXT)
		return 1;
	c->blank = 0;
	return 1;
}

/* The next line with content from *pos (moved past it); 0 at the end. */
static int
next_content(const struct court *cs, size_t *pos, int *lastnum,
    struct cline *c)
{
	struct rec_line l;

	while (content(cs, *pos, lastnum, c)) {
		rec_line(cs->in, cs->end, *pos, &l);
		*pos = l.next;
		if (!c->blank)
			return 1;
	}
	return 0;
}

/* How the lines of a paragraph opened now are joined. */
static enum rec_join
joining(const struct court *cs)
{
	return cs->caption || cs->index ? REC_LINES : REC_PROSE;
}

/* Ends the open paragraph and makes its block. */
static void
close_para(struct doc *d, struct court *cs)
{
	rec_close(d, &cs->out);
}

/* Starts a paragraph of kind, its lines joined as the page asks. */
static void
open_para(struct doc *d, struct court *cs, enum rec_kind kind)
{
	rec_open(d, &cs->out, kind, joining(cs));
	cs->prevlen = 0;
	cs->prevstop = 0;
}

/* Adds the line [s, e) of the input to the open paragraph. */
static void
add_line(struct doc *d, struct court *cs, size_t s, size_t e)
{
	rec_add(d, &cs->out, cs->in, s, e);
	cs->prevlen = e - s;
	cs->prevstop = court_stops(cs->in, s, e);
}

/* Starts a turn of the speaker named by the n bytes at name. */
static void
start_turn(struct doc *d, struct court *cs, const uint8_t *name, size_t n)
{
	rec_turn(d, &cs->out, name, n, ": ", REC_PROSE);
	cs->prevlen = 0;
	cs->prevstop = 0;
	cs->caption = cs->index = 0;
}

/* Replaces *name with a copy of [s, e) of the input. */
static void
set_name(char **name, const uint8_t *p, size_t s, size_t e)
{
	while (s < e && rec_space(p[s]))
		s++;
	while (e > s && (rec_space(p[e - 1]) || p[e - 1] == ':'))
		e--;
	free(*name);
	*name = xstrndup((const char *)p + s, e - s);
}

/* Appends [s, e) as a heading's text: letters spaced out ("P R O C E E D
 * I N G S") closed up. */
static void
heading_text(struct doc *d, const uint8_t *p, size_t s, size_t e)
{
	size_t i;
	int spaced = e - s >= 7;

	for (i = s + 1; spaced && i < e; i += 2)
		if (p[i] != ' ' || p[i - 1] == ' ')
			spaced = i + 1 < e && p[i] == ' ' && p[i + 1] == ' ';
	if (!spaced) {
		build_text(d, p + s, e - s);
		return;
	}
	for (i = s; i < e; i++)
		if (p[i] != ' ' || (i + 1 < e && p[i + 1] == ' '))
			build_text(d, p + i, 1);
}

/* A heading of kind k (COURT_EXAM, COURT_HEAD, COURT_SESSION, COURT_INDEX). */
static void
heading(struct doc *d, struct court *cs, enum court_kind k, size_t s, size_t e)
{
	const uint8_t *p = cs->in;
	struct build_piece bp;
	size_t at, i;
	int level = 1;

	close_para(d, cs);
	if (k == COURT_EXAM) {
		level = cs->witness_open ? 2 : 1;
		/* "CROSS-EXAMINATION BY MS. SHROFF:" names the examiner. */
		for (i = s; i + 4 < e; i++)
			if (strncasecmp((const char *)p + i, " BY ", 4) == 0 &&
			    (p[e - 1] == ':' || p[e - 1] == '.' ||
			    rec_caps(p, i + 4, e))) {
				set_name(&cs->examiner, p, i + 4, e -
				    (p[e - 1] == '.'));
				break;
			}
		cs->caption = 0;
	} else if (k == COURT_SESSION) {
		level = d->build->depth + 1 > 3 ? 3 : d->build->depth + 1;
		cs->caption = 0;
	} else {
		cs->witness_open = 0;
		/* The caption page goes on up to "PROCEEDINGS" alone. */
		if (k == COURT_INDEX || (e - s <= 21 && (rec_has(p, s, e,
		    "PROCEEDINGS") || rec_has(p, s, e, "P R O C E E D"))))
			cs->caption = 0;
	}
	cs->index = k == COURT_INDEX;
	rec_gap(d);
	at = build_len(d);
	heading_text(d, p, s, e);
	bp = build_piece(at, build_len(d));
	build_heading(d, level, &bp);
}

/* A witness called or sworn: a section named after the witness, and the
 * rest of the line as a paragraph. */
static void
witness(struct doc *d, struct court *cs, size_t s, size_t ne, size_t e)
{
	const uint8_t *p = cs->in;
	struct build_piece bp;
	size_t at;

	close_para(d, cs);
	if (rec_word(p, s, ne, "whereupon", ","))
		for (s += 9; s < ne && (p[s] == ',' || p[s] == ' '); s++)
			;
	set_name(&cs->witness, p, s, ne);
	rec_gap(d);
	at = build_texts(d, cs->witness);
	bp = build_piece(at, build_len(d));
	build_heading(d, 1, &bp);
	cs->witness_open = 1;
	cs->caption = cs->index = 0;
	for (ne++; ne < e && p[ne] == ' '; ne++)
		;
	if (ne < e) {
		open_para(d, cs, REC_TEXT);
		add_line(d, cs, ne, e);
	}
}

/* True when the line [s, e), with the two lines after it from pos, tells
 * that a witness was called or sworn; sets *ne to the end of the name. */
static int
witness_intro(const struct court *cs, size_t s, size_t e, size_t pos,
    size_t *ne)
{
	const uint8_t *p = cs->in;
	struct cline c;
	size_t i, comma;
	int words = 1, lastnum = cs->lastnum, k;
	size_t up, low;

	for (comma = s; comma < e && p[comma] != ','; comma++)
		;
	if (comma == s || comma - s > COURT_MAX_LABEL)
		return 0;
	for (i = s; i < comma; i++) {
		if (p[i] == ' ')
			words++;
		else if ((p[i] >= '0' && p[i] <= '9') || p[i] == ':' ||
		    p[i] == '(' || p[i] == '"')
			return 0;
	}
	rec_letters(p, s, comma, &up, &low);
	if (words > 6 || up == 0 || (low > 0 && (words < 2 ||
	    up < (size_t)words)))
		return 0;
	*ne = comma;
	if (comma < e && (rec_has(p, comma, e, "sworn") || rec_has(p, comma, e,
	    "affirmed") || rec_has(p, comma, e, "called as a witness") ||
	    rec_has(p, comma, e, "resumed")))
		return 1;
	for (k = 0; k < 2 && next_content(cs, &pos, &lastnum, &c); k++)
		if (rec_has(p, c.s, c.e, "sworn") ||
		    rec_has(p, c.s, c.e, "affirmed") ||
		    rec_has(p, c.s, c.e, "called as a witness"))
			return 1;
	return 0;
}

/* What the content line c is, a witness's call included (pos: where
 * the lines after it start). */
static enum court_kind
kind_of(const struct court *cs, const struct cline *c, size_t pos,
    struct court_label *lb, size_t *ne)
{
	enum court_kind k = court_classify(&cs->labels, cs->in, c->s, c->e, lb);
	size_t end;

	/* A witness is called at the start of a paragraph, not inside a
	 * sentence ("MR. SMITH, who was sworn in"). */
	if (k == COURT_TEXT && (cs->out.kind == REC_NONE || cs->prevstop) &&
	    witness_intro(cs, c->s, c->e, pos, ne != NULL ? ne : &end))
		return COURT_WITNESS;
	return k;
}

/* A note of the record, "(Recess)", over one line or a few: in the open
 * turn when the speech goes on after it. */
static void
note(struct doc *d, struct court *cs, const struct cline *first)
{
	const uint8_t *p = cs->in;
	size_t ls[7], le[7], pos;
	struct cline c = *first;
	int n = 0, i, lastnum;

	ls[n] = c.s;
	le[n++] = c.e;
	while (n < 7 && p[c.e - 1] != ')') {
		pos = cs->pos;
		lastnum = cs->lastnum;
		if (!next_content(cs, &pos, &lastnum, &c) ||
		    court_classify(&cs->labels, p, c.s, c.e, NULL) !=
		    COURT_TEXT)
			break;
		cs->pos = pos;
		cs->lastnum = lastnum;
		ls[n] = c.s;
		le[n++] = c.e;
	}
	close_para(d, cs);
	cs->caption = cs->index = 0;
	pos = cs->pos;
	lastnum = cs->lastnum;
	if (!next_content(cs, &pos, &lastnum, &c) ||
	    kind_of(cs, &c, pos, NULL, NULL) != COURT_TEXT)
		build_end_turn(d);
	open_para(d, cs, REC_NOTE);
	for (i = 0; i < n; i++)
		add_line(d, cs, ls[i], le[i]);
	close_para(d, cs);
}

/* A line of the caption: a column of ")" between the parties and the
 * case number is not text. */
static void
caption_line(struct doc *d, struct court *cs, size_t s, size_t e)
{
	const uint8_t *p = cs->in;
	size_t k, l, r;

	for (k = s; k < e; k++)
		if (p[k] == ')' && (k == s || (k - s >= 2 && p[k - 1] == ' ' &&
		    p[k - 2] == ' ')))
			break;
	if (k == e) {
		add_line(d, cs, s, e);
		return;
	}
	for (l = k; l > s && rec_space(p[l - 1]); l--)
		;
	for (r = k + 1; r < e && rec_space(p[r]); r++)
		;
	if (l > s)
		add_line(d, cs, s, l);
	if (r < e)
		add_line(d, cs, r, e);
}

/* A line of text: it goes on the open paragraph, or starts one. */
static void
text_line(struct doc *d, struct court *cs, const struct cline *c)
{
	if (cs->caption || cs->index) {
		if (cs->out.kind == REC_NONE || cs->blank)
			open_para(d, cs, REC_TEXT);
		if (cs->caption)
			caption_line(d, cs, c->s, c->e);
		else
			add_line(d, cs, c->s, c->e);
		return;
	}
	if (cs->out.kind == REC_NONE || c->indent >= cs->indent + 4 ||
	    (cs->prevstop && cs->prevlen * 20 < cs->wrap * 17))
		open_para(d, cs, REC_TEXT);
	add_line(d, cs, c->s, c->e);
}

/* Reads the content line c, whose next line starts at cs->pos. */
static void
take(struct doc *d, struct court *cs, const struct cline *c)
{
	const uint8_t *p = cs->in;
	struct court_label lb;
	const char *name;
	size_t ts = c->s, ne = c->e;
	enum court_kind k = kind_of(cs, c, cs->pos, &lb, &ne);

	switch (k) {
	case COURT_Q:
	case COURT_A:
		court_qa(p, c->s, c->e, &ts);
		if (k == COURT_Q)
			name = cs->examiner != NULL ? cs->examiner : "Q";
		else
			name = cs->witness != NULL ? cs->witness :
			    "THE WITNESS";
		start_turn(d, cs, (const uint8_t *)name, strlen(name));
		if (ts < c->e)
			add_line(d, cs, ts, c->e);
		break;
	case COURT_LABEL:
		start_turn(d, cs, p + lb.ns, lb.ne - lb.ns);
		if (lb.ts < c->e)
			add_line(d, cs, lb.ts, c->e);
		break;
	case COURT_BY:
		set_name(&cs->examiner, p, c->s + 3, c->e);
		close_para(d, cs);
		build_end_turn(d);
		cs->caption = cs->index = 0;
		open_para(d, cs, REC_TEXT);
		add_line(d, cs, c->s, c->e);
		close_para(d, cs);
		break;
	case COURT_NOTE:
		note(d, cs, c);
		break;
	case COURT_WITNESS:
		witness(d, cs, c->s, ne, c->e);
		break;
	case COURT_TEXT:
		text_line(d, cs, c);
		break;
	default:
		heading(d, cs, k, c->s, c->e);
		break;
	}
}

/* Reads at least budget more bytes of the input (0: all); 1 while there
 * is more. */
static int
court_some(struct doc *d, size_t budget)
{
	struct court *cs = d->fs;
	struct cline c;
	struct rec_line l;
	size_t stop;

	stop = budget == 0 || cs->end - cs->pos < budget ? cs->end :
	    cs->pos + budget;
	while (cs->pos < stop && content(cs, cs->pos, &cs->lastnum, &c)) {
		rec_line(cs->in, cs->end, cs->pos, &l);
		cs->pos = l.next;
		if (c.blank) {
			cs->blank = 1;
			continue;
		}
		take(d, cs, &c);
		cs->blank = 0;
	}
	d->parsed = cs->pos;
	if (cs->pos < cs->end) {
		build_reach(d);
		return 1;
	}
	close_para(d, cs);
	return 0;
}

/* The title from the caption: "A v. B". */
static void
caption_title(struct doc *d, struct court *cs)
{
	struct cline c, prev = { 0, 0, 0, 1 };
	struct build_piece bp;
	size_t pos = cs->pos, at, e;
	int lastnum = 0, k;

	for (k = 0; k < 80 && next_content(cs, &pos, &lastnum, &c); k++) {
		if (court_classify(&cs->labels, cs->in, c.s, c.e, NULL) !=
		    COURT_TEXT)
			return;
		if (!court_versus(cs->in, c.s, c.e)) {
			if (!court_role(cs->in, c.s, c.e) &&
			    court_party_end(cs->in, c.s, c.e) > c.s)
				prev = c;
			continue;
		}
		do {
			if (!next_content(cs, &pos, &lastnum, &c))
				return;
		} while (court_party_end(cs->in, c.s, c.e) == c.s);
		if (prev.blank)
			return;
		at = build_len(d);
		build_text(d, cs->in + prev.s, court_party_end(cs->in, prev.s,
		    prev.e) - prev.s);
		build_texts(d, " v. ");
		e = court_party_end(cs->in, c.s, c.e);
		build_text(d, cs->in + c.s, e - c.s);
		bp = build_piece(at, build_len(d));
		build_block(d, DOC_TITLE, &bp);
		d->meta.title.start = bp.tstart;
		d->meta.title.end = bp.tend;
		return;
	}
}

/* The line [*s, e) with its line number taken off when the lines are
 * numbered; 0 when it has none. */
static int
strip_number(const struct court *cs, size_t *s, size_t e)
{
	if (!cs->numbered)
		return 1;
	if (court_line_number(cs->in, s, e) == 0)
		return 0;
	while (*s < e && rec_space(cs->in[*s]))
		(*s)++;
	return 1;
}

/* Looks at the first 256 KB: line numbers, labels that have no title,
 * lines that recur beside blank lines, the usual indent and length of a
 * line of text. */
static void
prescan(struct court *cs)
{
	const uint8_t *p = cs->in;
	size_t lim = cs->end < SAMPLE_SIZE ? cs->end : SAMPLE_SIZE;
	size_t nonblank = 0, nnum = 0, seq = 0, nw = 0, seen, i, pos, s;
	size_t widths[201] = { 0 }, indents[41] = { 0 };
	struct court_label lb;
	struct rec_line l, nx;
	struct cline c;
	int last = 0, n, prevblank = 1, speech = 0;
	enum court_kind k;

	for (pos = 0; pos < lim && rec_line(p, cs->end, pos, &l);
	    pos = l.next) {
		if (l.s == l.e)
			continue;
		nonblank++;
		s = l.s;
		if ((n = court_line_number(p, &s, l.e)) > 0) {
			nnum++;
			if (n == last + 1 || (n == 1 && last > 1))
				seq++;
			last = n;
		}
	}
	cs->numbered = nonblank >= 10 && nnum * 10 >= nonblank * 6 &&
	    seq * 10 >= nnum * 7;
	for (pos = 0; pos < lim && rec_line(p, cs->end, pos, &l);
	    pos = l.next) {
		s = l.s;
		if (l.s == l.e || !strip_number(cs, &s, l.e) || s == l.e) {
			prevblank = 1;
			continue;
		}
		if (court_label(p, s, l.e, &lb) && !lb.titled)
			rec_shapes_add(&cs->labels, rec_shape(p, lb.ns, lb.ne));
		if (!cs->numbered && court_furniture_shaped(p, s, l.e) &&
		    (prevblank || !rec_line(p, cs->end, l.next, &nx) ||
		    nx.s == nx.e))
			rec_shapes_add(&cs->furniture, rec_shape(p, s, l.e));
		prevblank = 0;
	}
	/* The lines of speech, after the caption. */
	for (pos = 0; pos < lim && content(cs, pos, &last, &c); pos = l.next) {
		rec_line(p, cs->end, pos, &l);
		if (c.blank)
			continue;
		k = court_classify(&cs->labels, p, c.s, c.e, NULL);
		if (k == COURT_LABEL || k == COURT_Q || k == COURT_A)
			speech = 1;
		if (!speech || (k != COURT_TEXT && k != COURT_LABEL &&
		    k != COURT_Q && k != COURT_A))
			continue;
		if (k == COURT_TEXT)
			indents[c.indent > 40 ? 40 : c.indent]++;
		widths[c.e - c.s > 200 ? 200 : c.e - c.s]++;
		nw++;
	}
	for (i = 1; i <= 40; i++)
		if (indents[i] > indents[cs->indent])
			cs->indent = (int)i;
	cs->wrap = 70;
	for (i = 0, seen = 0; nw > 0 && i <= 200; i++) {
		seen += widths[i];
		if (seen * 10 >= nw * 9) {
			cs->wrap = i;
			break;
		}
	}
}

/* Starts reading: the modes from a sample, then the title. */
static void
court_begin(struct doc *d)
{
	struct court *cs = xcalloc(1, sizeof *cs);

	cs->in = d->in;
	cs->end = d->inlen;
	cs->caption = 1;
		d->fs = cs;
	prescan(cs);
	build_own_text(d);
	if (cs->numbered)
		build_detail(d, "numbered lines");
	caption_title(d, cs);
	d->parsed = 0;
}

/* Frees the reader's state. */
static void
court_end(struct doc *d)
{
	struct court *cs = d->fs;

	free(cs->examiner);
	free(cs->witness);
	free(cs);
	d->fs = NULL;
}

/* Court transcripts: Q and A under "BY MR. X:", "THE COURT:" and other
 * titled labels in capitals, numbered lines. A hearing printed by the
 * Government Printing Office is the hearing reader's. */
static int
court_sniff(const uint8_t *p, size_t n, const char *ext)
{
	struct court_label lb;
	struct rec_line l;
	size_t pos, s, ts;
	int nonblank = 0, nnum = 0, nlab = 0, ncourt = 0, nq = 0, na = 0;
	int nby = 0, nexam = 0, score = 0, q;

	(void)ext;
	for (pos = 0; rec_line(p, n, pos, &l); pos = l.next) {
		if (l.s == l.e)
			continue;
		if (pos < 4096 && (rec_has(p, l.s, l.e, "Printing Office]") ||
		    rec_has(p, l.s, l.e, "Publishing Office]") ||
		    rec_word(p, l.s, l.e, "[Senate Hearing", ",") ||
		    rec_word(p, l.s, l.e, "[House Hearing", ",")))
			return 0;
		nonblank++;
		s = l.s;
		if (court_line_number(p, &s, l.e) > 0) {
			nnum++;
			while (s < l.e && rec_space(p[s]))
				s++;
		}
		if (s == l.e)
			continue;
		if ((q = court_qa(p, s, l.e, &ts)) == 'Q')
			nq++;
		else if (q == 'A')
			na++;
		else if (court_label(p, s, l.e, &lb) && lb.titled) {
			nlab++;
			ncourt += rec_word(p, s, l.e, "THE COURT", ":");
		} else if ((q = court_classify(NULL, p, s, l.e, NULL)) ==
		    COURT_BY)
			nby++;
		else if (q == COURT_EXAM)
			nexam++;
	}
	if (nq >= 3 && na >= 3 && (nby > 0 || nexam > 0))
		score = 85;
	else if (ncourt >= 2 && nlab >= 5)
		score = 80;
	else if (nlab >= 10 && nq + na >= 4)
		score = 70;
	if (score > 0 && nnum * 10 >= nonblank * 6)
		score += 5;
	return score;
}

const struct format format_court = {
	"court", "court transcript (THE COURT:, Q. and A.)", court_sniff,
	court_begin, court_some, court_end,
	NULL, 0
};
