/*
 * fmt_plain.c: reads plain-text transcripts into the document model.
 *
 * The input is UTF-8 text (doc.c has taken off a byte-order mark and made
 * other encodings UTF-8; CR before LF, tabs and any other white space
 * count as spaces). The document's text is the input itself, except in a
 * transcript of timed segments (below), whose text is built. It is read a
 * line at a time (plain_lines.c says what a line is); these rules decide
 * what each line is, tried in this order:
 *
 *  1. Jekyll front matter (a first line "---" up to the next "---") is not
 *     shown; its "title:" gives the title.
 *  2. A first line "# Title" is the title; later "#".."######" lines are
 *     headings, their levels shifted so that the highest one is level 1,
 *     except "# " lines then, each the title of an episode of an archive.
 *  3. "By AUTHOR @ DATE (+SCORE)" near the top is the byline, and
 *     "This is a linkpost to URL" the link. "---" and "* * *" are rules,
 *     not text.
 *  4. A chapter marker "(hh:mm:ss) - Title" is a heading of level 1 with
 *     that time; so is a heading-like line ending in "[hh:mm:ss]".
 *  5. A speaker label starts a turn (speech.c reads the shapes): "Name:
 *     text", "**Name:** text", "Name (00:01:02): text", or a label alone
 *     on its line ("**Name:**", "Name  0:03", "Name hh:mm:ss", "Name:
 *     00:12:34", "Name (hh:mm:ss)"), whose text is the next paragraph. A
 *     one-word name counts only when it labels two or more lines. The
 *     paragraphs after a turn, up to the next label, heading or credit,
 *     continue it; "(00:01:02):" continues it at that time.
 *  6. "Role: Name, Name and Name", where everything after the colon is
 *     names (or one value, such as a date), is a credit line.
 *  7. "[00:01:02] Name: text" and "[00:01:02] text" are timed segments. In
 *     a transcript made of them, consecutive segments of one speaker are
 *     joined into a turn of paragraphs, each with the time of its first
 *     segment; elsewhere each is a turn or a paragraph with its time.
 *  8. "- text", "* text", "• text" and "1. text" are bullet items (their
 *     indentation gives their depth). "- Name" right after a paragraph that
 *     is not part of a turn is the attribution of a pull quote: that
 *     paragraph, and up to two plain paragraphs before it, are the quote.
 *  9. Without "#" headings, a heading is a short line on its own (see
 *     lex_headlike), never a call to action ("Listen on Spotify"). Inside a
 *     turn, such a line followed by an ordinary paragraph continues the
 *     turn instead, and so does a question followed by the turn of a
 *     speaker who asks fewer questions than the one speaking (it is
 *     theirs, and the next speaker answers it). In a document of one-line
 *     paragraphs between blank lines, a line that runs straight on into a
 *     label or a long paragraph is a heading, even inside a turn; a line
 *     over 90 columns followed by a label is one too. A heading directly
 *     followed by another heading is the parent (level 1) of the headings
 *     after it, until the next such parent. The lines after a heading over
 *     a reading list ("Articles, books, and other media discussed in the
 *     show") are its items.
 * 10. The first line of the document, when it is not one of the above and
 *     is followed by a byline or looks like a heading, is the title, unless
 *     it names a part of a page ("Highlights"). A later line followed by a
 *     byline is the title of an episode of an archive (several transcripts
 *     in one file): the episodes are the top of the contents. A long line
 *     before a byline is a paragraph glued to a title by cat (the file
 *     before did not end in a newline), and is read as the two.
 * 11. Anything else is a paragraph. A paragraph is one line, except in a
 *     hard-wrapped document (most lines short, blank lines between
 *     paragraphs), where the lines up to a blank line are joined unless a
 *     line starts a new block or the line before it is short, or the next
 *     word would have fitted on it (verse keeps its lines).
 *
 * SubRip and WebVTT captions have readers of their own (captions.c).
 */
#include <stdlib.h>
#include <string.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/lexicon.h"
#include "lectern/plain.h"
#include "lectern/segments.h"
#include "lectern/util.h"

/* Reads the front matter at the start: its title, its date; returns
 * where the text after it starts (0 when there is none). */
static size_t
front_matter(struct plain_state *ps, struct doc *d)
{
	const uint8_t *in = d->in;
	size_t s, e, next, pos, title_s = 0, title_e = 0;

	if (!plain_next_physical(d, 0, &s, &e, &next) || e - s != 3 ||
	    memcmp(in + s, "---", 3) != 0)
		return 0;
	pos = next;
	while (plain_next_physical(d, pos, &s, &e, &next)) {
		pos = next;
		if (e - s == 3 && memcmp(in + s, "---", 3) == 0) {
			ps->fmtitle.start = title_s;
			ps->fmtitle.end = title_e;
			return pos;
		}
		if (e - s > 6 && memcmp(in + s, "title:", 6) == 0) {
			s += 6;
			lex_trim(in, &s, &e);
			if (e - s >= 2 && (in[s] == '"' || in[s] == '\'') &&
			    in[e - 1] == in[s]) {
				s++;
				e--;
			}
			title_s = s;
			title_e = e;
		}
	}
	return 0;
}

/* Starts reading: the front matter, then a sample to choose the modes. */
static void
plain_begin(struct doc *d)
{
	struct plain_state *ps;

	ps = xcalloc(1, sizeof *ps);
	ps->base = 1;
	ps->parent = -1;
	ps->pending = DOC_NO_TIME;
	seg_begin(&ps->seg);
	d->fs = ps;
	ps->pos = ps->body = front_matter(ps, d);
	plain_prescan(ps, d, ps->pos);
	if (ps->own) {
		build_own_text(d);
		build_reserve(d, d->inlen);
		build_detail(d, "timed segments");
	}
	d->parsed = ps->pos;
}

/*
 * The builder's piece for a logical line, with the time it carries or a
 * time waiting for the next block. In a built text the line's bytes are
 * copied to it first, and the ranges moved with them.
 */
static struct build_piece
piece(struct doc *d, const struct pline *pl)
{
	struct plain_state *ps = d->fs;
	struct build_piece bp;
	size_t at;

	bp.start = pl->start;
	bp.end = pl->end;
	bp.tstart = pl->tstart;
	bp.tend = pl->tend;
	bp.lstart = pl->lstart;
	bp.lend = pl->lend;
	bp.level = pl->level;
	bp.time = pl->time != DOC_NO_TIME ? pl->time : ps->pending;
	ps->pending = DOC_NO_TIME;
	if (ps->own) {
		at = build_text(d, d->in + pl->start, pl->end - pl->start);
		build_texts(d, "\n");
		bp.start = at;
		bp.end = at + (pl->end - pl->start);
		bp.tstart = at + (pl->tstart - pl->start);
		bp.tend = at + (pl->tend - pl->start);
		bp.lstart = at + (pl->lstart - pl->start);
		bp.lend = at + (pl->lend - pl->start);
	}
	return bp;
}

/* Adds a block of kind for the line pl. */
static size_t
add_block(struct doc *d, enum doc_block_kind kind, const struct pline *pl)
{
	struct build_piece bp = piece(d, pl);

	return build_block(d, kind, &bp);
}

/* Adds a heading of the given level and opens its section. */
static void
add_heading(struct doc *d, struct pline *pl, int level)
{
	struct build_piece bp = piece(d, pl);

	build_heading(d, level, &bp);
}

/* Starts a later episode of an archive at its title, the line pl: what
 * follows is read as the start of a document is. */
static void
start_episode(struct doc *d, struct pline *pl)
{
	struct plain_state *ps = d->fs;
	struct build_piece bp = piece(d, pl);

	ps->base = 1;
	ps->parent = -1;
	ps->list = 0;
	build_episode(d, &bp);
}

/* Starts a turn of the line's speaker. */
static void
start_turn(struct doc *d, struct pline *pl)
{
	struct build_piece bp = piece(d, pl);

	build_turn(d, build_speaker(d, d->in + pl->lstart,
	    pl->lend - pl->lstart), &bp);
}

/* Makes the paragraphs before the attribution at pl a pull quote. */
static void
add_attribution(struct doc *d, struct pline *pl)
{
	size_t a, j, n = 0;

	pl->lstart = pl->tstart;
	pl->lend = pl->tend;
	a = add_block(d, DOC_ATTRIB, pl);
	for (j = a; j > 0 && d->blocks[j - 1].kind == DOC_PARA &&
	    d->blocks[j - 1].turn < 0; j--)
		n++;
	if (n > 3)
		j = a - 1;
	for (; j < a; j++)
		d->blocks[j].kind = DOC_QUOTE;
}

/* The title: a TITLE block, and the document's title its text. */
static void
add_title(struct doc *d, struct pline *pl)
{
	size_t b = add_block(d, DOC_TITLE, pl);

	d->meta.title.start = d->blocks[b].tstart;
	d->meta.title.end = d->blocks[b].tend;
}

/* True when a line of kind k starts a speaker's turn. */
static int
starts_turn(const struct pline *pl)
{
	return pl->kind == L_TURN || pl->kind == L_LABEL ||
	    (pl->kind == L_SEGMENT && pl->lend > pl->lstart);
}

/* How often the speaker named by the n bytes at name asks, from the
 * sample: sets *count and *asks. */
static void
asking(const struct plain_state *ps, const struct doc *d, const uint8_t *name,
    size_t n, int *count, int *asks)
{
	size_t i;

	*count = *asks = 0;
	for (i = 0; i < ps->nnames; i++)
		if (ps->names[i].len == n &&
		    memcmp(d->in + ps->names[i].start, name, n) == 0) {
			*count = ps->names[i].count;
			*asks = ps->names[i].questions;
			return;
		}
}

/* True when a question ending the open turn is the speaker's own, and
 * the next label's speaker answers it: the next speaker asks less. */
static int
own_question(struct plain_state *ps, struct doc *d, const struct pline *nx)
{
	const char *a = d->speakers[build_turn_speaker(d)].name;
	size_t bn = nx->lend - nx->lstart;
	int ca, qa, cb, qb;

	if (strlen(a) == bn && memcmp(a, d->in + nx->lstart, bn) == 0)
		return 0;
	asking(ps, d, (const uint8_t *)a, strlen(a), &ca, &qa);
	asking(ps, d, d->in + nx->lstart, bn, &cb, &qb);
	return (long)qb * ca <= (long)qa * cb;
}

/* True when the plain line pl is a heading where it stands. */
static int
is_heading(struct plain_state *ps, struct doc *d, const struct pline *pl)
{
	const uint8_t *in = d->in;
	size_t s = pl->tstart, e = pl->tend, nlen;
	struct pline nx;
	int have, label, strict;

	/* Where blank lines part paragraphs, a heading starts one. */
	if (!lex_headlike_loose(in, s, e) || lex_cta(in, s, e) ||
	    ((ps->spaced || ps->wrapped) && !pl->para))
		return 0;
	have = plain_read(ps, d, pl->next, &nx);
	label = have && starts_turn(&nx);
	nlen = have ? nx.end - nx.start : 0;
	/* One-line paragraphs between blank lines: a line that runs
	 * straight on into a label or a long paragraph heads it. */
	if (ps->spaced && pl->para && pl->direct && have &&
	    lex_headlike_loose(in, s, e) && (label || (nx.kind == L_PLAIN &&
	    nlen >= 80 && nlen >= 2 * (e - s))))
		return 1;
	strict = lex_headlike(in, s, e);
	if (!strict && !(label && lex_headlike_loose(in, s, e) &&
	    lex_last_char(in + s, e - s) != 0x2026))
		return 0;
	if (build_turn_speaker(d) < 0)
		return 1;
	/* Inside a turn: a short line before prose is the turn's, and so
	 * are lines of verse, and the speaker's own question. */
	if (have && nx.kind == L_PLAIN && !lex_headlike(in, nx.start, nx.end))
		return 0;
	if ((ps->spaced || ps->wrapped) && pl->direct && have &&
	    nx.kind == L_PLAIN && nlen <= 80)
		return 0;
	if (label && lex_last_char(in + s, e - s) == '?' &&
	    own_question(ps, d, &nx))
		return 0;
	return 1;
}

/* True when pl is an item of the reading list being read. */
static int
list_item(struct plain_state *ps, struct doc *d, const struct pline *pl)
{
	struct pline nx;

	if (pl->time != DOC_NO_TIME || !lex_headlike_loose(d->in, pl->tstart,
	    pl->tend) || lex_section_word(d->in, pl->tstart, pl->tend))
		return 0;
	return !(plain_read(ps, d, pl->next, &nx) && starts_turn(&nx));
}

/* Makes a block of a line with no mark of its own: the title, a
 * heading, an item or a paragraph. */
static void
commit_plain(struct doc *d, struct pline *pl)
{
	struct plain_state *ps = d->fs;
	const uint8_t *in = d->in;
	struct pline nx;
	size_t prev = d->nblocks - 1;
	int level, part;

	if (ps->lines == 0 && d->meta.title.end == 0 &&
	    pl->end - pl->start <= 400 && lex_last_char(in + pl->start,
	    pl->end - pl->start) != '.' &&
	    !lex_section_word(in, pl->tstart, pl->tend) &&
	    !lex_cta(in, pl->tstart, pl->tend) &&
	    plain_read(ps, d, pl->next, &nx) &&
	    (nx.kind == L_BYLINE || nx.kind == L_LINK ||
	    lex_headlike(in, pl->start, pl->end))) {
		add_title(d, pl);
		return;
	}
	if (ps->lines > 0 && plain_read(ps, d, pl->next, &nx) &&
	    nx.kind == L_BYLINE) {
		/* The title of a later episode in an archive. */
		start_episode(d, pl);
		return;
	}
	if (ps->list) {
		if (list_item(ps, d, pl)) {
			pl->level = 1;
			add_block(d, DOC_BULLET, pl);
			return;
		}
		ps->list = 0;
	}
	if (!ps->mdheads && is_heading(ps, d, pl)) {
		/* The parts of a page (Highlights, a reading list,
		 * Transcript) are not under the part before them. */
		part = lex_section_word(in, pl->tstart, pl->tend) ||
		    lex_listhead(in, pl->tstart, pl->tend);
		if (part && lex_listhead(in, pl->tstart, pl->tend)) {
			level = 1;
			ps->base = 1;
			ps->parent = -1;
			ps->list = 1;
		} else if (d->nblocks > 0 &&
		    d->blocks[prev].kind == DOC_HEADING && !part)
			level = (int)prev == ps->parent ?
			    d->blocks[prev].level + 1 : d->blocks[prev].level;
		else if (plain_read(ps, d, pl->next, &nx) && nx.kind == L_PLAIN &&
		    lex_headlike(in, nx.tstart, nx.tend)) {
			level = 1;
			ps->parent = (int)d->nblocks;
			ps->base = 2;
		} else if (part) {
			level = 1;
			ps->base = 1;
			ps->parent = -1;
		} else
			level = ps->base;
		add_heading(d, pl, level);
		return;
	}
	build_join(d, add_block(d, DOC_PARA, pl));
}

/* The text of a label alone: the paragraph after it, when there is one
 * (it moves pl's end and next past it). */
static void
take_next_para(struct plain_state *ps, struct doc *d, struct pline *pl)
{
	struct pline nx;

	if (plain_read(ps, d, pl->next, &nx) && nx.kind == L_PLAIN) {
		pl->tstart = nx.tstart;
		pl->tend = nx.tend;
		pl->end = nx.end;
		pl->next = nx.next;
		if (pl->time == DOC_NO_TIME)
			pl->time = nx.time;
	}
}

/* A timed segment: joined with the others in a built text, a turn or a
 * paragraph of its own in a text that is the input. */
static void
commit_segment(struct doc *d, struct pline *pl)
{
	struct plain_state *ps = d->fs;
	const uint8_t *name = NULL, *next = NULL;
	size_t nn = 0, xn = 0;
	struct pline nx;

	if (!ps->own) {
		if (pl->lend > pl->lstart)
			start_turn(d, pl);
		else
			build_join(d, add_block(d, DOC_PARA, pl));
		return;
	}
	if (pl->lend > pl->lstart) {
		name = d->in + pl->lstart;
		nn = pl->lend - pl->lstart;
	} else if (plain_read(ps, d, pl->next, &nx) &&
	    nx.kind == L_SEGMENT && nx.lend > nx.lstart) {
		next = d->in + nx.lstart;
		xn = nx.lend - nx.lstart;
	}
	seg_add(d, &ps->seg, name, nn, pl->time, d->in + pl->tstart,
	    pl->tend - pl->tstart, next, xn);
}

/* A byline: the document's author, date and score when it is the first. */
static void
commit_byline(struct doc *d, struct pline *pl)
{
	size_t at, s = pl->start + 3, e = pl->end, p, b, delta;
	const uint8_t *in = d->in;

	at = (size_t)((const uint8_t *)memmem(in + s, e - s, " @ ", 3) - in);
	b = add_block(d, DOC_BYLINE, pl);
	if (d->meta.author.end > 0)
		return;	/* a later episode's byline, in an archive */
	delta = d->blocks[b].start - pl->start;
	d->meta.author.start = s + delta;
	d->meta.author.end = at + delta;
	d->meta.date.start = at + 3 + delta;
	d->meta.date.end = e + delta;
	if (in[e - 1] == ')')
		for (p = e - 1; p > at + 3; p--)
			if (in[p] == '(') {
				d->meta.score.start = p + 1 + delta;
				d->meta.score.end = e - 1 + delta;
				d->meta.date.end = p + delta;
				lex_trim(d->src, &d->meta.date.start,
				    &d->meta.date.end);
				break;
			}
}

#define TITLE_MAX	300	/* bytes an episode's title may take */

/* Where the title of the next episode starts in a long line before a
 * byline: a file that did not end in a newline, and the next one after
 * it (cat), glue a last paragraph to a title ("stuff.OpenAI's push").
 * That is the last end of a sentence right against an upper-case letter,
 * a digit or a letter outside ASCII; an initial ("U.S") is not one.
 * Returns 0 when there is none. */
static size_t
glued_title(const uint8_t *in, size_t s, size_t e)
{
	size_t p, from = e - s > TITLE_MAX ? e - TITLE_MAX : s + 1;
	int end;

	if (e - s <= TITLE_MAX / 2)
		return 0;
	for (p = e - 1; p >= from && p > s + 2; p--) {
		if (!((in[p] >= 'A' && in[p] <= 'Z') ||
		    (in[p] >= '0' && in[p] <= '9') || in[p] >= 0xC2))
			continue;
		end = ((in[p - 1] == '.' || in[p - 1] == '?' ||
		    in[p - 1] == '!' || in[p - 1] == '"') &&
		    !(in[p - 2] >= 'A' && in[p - 2] <= 'Z') &&
		    in[p - 2] != ' ') || (in[p - 3] == 0xE2 &&
		    in[p - 2] == 0x80 && (in[p - 1] == 0xA6 || in[p - 1] == 0x9D));
		if (end)
			return p;
	}
	return 0;
}

/* Reads a paragraph or a turn glued to the next episode's title (see
 * glued_title) as the two. Returns 1 when it was. */
static int
glued_episode(struct doc *d, struct pline *pl)
{
	struct plain_state *ps = d->fs;
	struct pline head = *pl, nx;
	size_t cut;

	if (ps->lines == 0 || (pl->kind != L_PLAIN && pl->kind != L_TURN) ||
	    !plain_read(ps, d, pl->next, &nx) || nx.kind != L_BYLINE ||
	    (cut = glued_title(d->in, pl->tstart, pl->tend)) == 0)
		return 0;
	head.end = head.tend = cut;
	if (head.kind == L_TURN)
		start_turn(d, &head);
	else
		build_join(d, add_block(d, DOC_PARA, &head));
	pl->start = pl->tstart = pl->lstart = pl->lend = cut;
	start_episode(d, pl);
	return 1;
}

/* Makes the blocks of the logical line pl. */
static void
commit(struct doc *d, struct pline *pl)
{
	struct plain_state *ps = d->fs;
	struct pline nx;
	size_t b;
	int words;

	if (pl->kind != L_SEGMENT && pl->kind != L_TIME)
		seg_end(&ps->seg);
	if (glued_episode(d, pl))
		return;
	switch (pl->kind) {
	case L_SKIP:
		return;
	case L_TIME:
		ps->pending = pl->time;
		return;
	case L_MDHEAD:
		if (ps->lines == 0 && pl->level == 1 && d->meta.title.end == 0) {
			add_title(d, pl);
			ps->hashtitle = 1;
			break;
		}
		if (pl->level == 1 && ps->hashtitle) {
			start_episode(d, pl);
			break;
		}
		if (ps->lines == 1 && pl->level == 1 && ps->fmtitle.end > 0 &&
		    pl->tend - pl->tstart == ps->fmtitle.end -
		    ps->fmtitle.start && memcmp(d->in + pl->tstart, d->in +
		    ps->fmtitle.start, pl->tend - pl->tstart) == 0)
			break;	/* the front matter's title again */
		add_heading(d, pl, pl->level - ps->mdshift);
		break;
	case L_CHAPTER:
		add_heading(d, pl, 1);
		break;
	case L_BYLINE:
		commit_byline(d, pl);
		break;
	case L_LINK: {
		size_t delta;

		pl->tstart = pl->start;
		b = add_block(d, DOC_LINK, pl);
		delta = d->blocks[b].start - pl->start;
		d->meta.link.start = pl->start + 22 + delta;
		d->meta.link.end = pl->tend + delta;
		break;
	}
	case L_TURN:
		start_turn(d, pl);
		break;
	case L_LABEL:
		/* A label with a time before another label is a heading:
		 * "Intro [00:00:00]". */
		if (pl->time != DOC_NO_TIME && plain_read(ps, d, pl->next,
		    &nx) && (starts_turn(&nx) || nx.kind == L_CHAPTER) &&
		    lex_headlike(d->in, pl->lstart, pl->lend)) {
			pl->tstart = pl->lstart;
			pl->tend = pl->lend;
			pl->lend = pl->lstart;
			add_heading(d, pl, ps->base);
			break;
		}
		take_next_para(ps, d, pl);
		start_turn(d, pl);
		break;
	case L_MORE:
		/* The same speaker goes on at a time. */
		if (pl->tstart >= pl->tend)
			take_next_para(ps, d, pl);
		if (pl->tstart >= pl->tend) {
			ps->pending = pl->time;
			return;
		}
		build_join(d, add_block(d, DOC_PARA, pl));
		break;
	case L_SEGMENT:
		commit_segment(d, pl);
		break;
	case L_CREDIT:
		build_end_turn(d);
		add_block(d, DOC_CREDIT, pl);
		break;
	case L_BULLET:
		if (pl->dash && pl->level == 1 && d->nblocks > 0 &&
		    d->blocks[d->nblocks - 1].kind == DOC_PARA &&
		    d->blocks[d->nblocks - 1].turn < 0 &&
		    lex_namelike(d->in, pl->tstart, pl->tend, &words) &&
		    !(plain_read(ps, d, pl->next, &nx) &&
		    nx.kind == L_BULLET)) {
			add_attribution(d, pl);
			break;
		}
		b = add_block(d, DOC_BULLET, pl);
		build_join(d, b);
		break;
	case L_PLAIN:
		commit_plain(d, pl);
		break;
	}
	ps->lines++;
}

/* Reads at least budget more bytes (0: all); 1 while there is more. */
static int
plain_some(struct doc *d, size_t budget)
{
	struct plain_state *ps = d->fs;
	struct pline pl;
	size_t stop;

	ps->unit_valid = 0;
	if (ps->lines == 0 && ps->fmtitle.end > 0 && d->nblocks == 0) {
		/* The front matter's title, at the top. */
		memset(&pl, 0, sizeof pl);
		pl.start = pl.tstart = pl.lstart = pl.lend = ps->fmtitle.start;
		pl.end = pl.tend = ps->fmtitle.end;
		pl.time = DOC_NO_TIME;
		add_title(d, &pl);
		ps->lines++;
	}
	stop = budget == 0 || d->inlen - ps->pos < budget ? d->inlen :
	    ps->pos + budget;
	while (ps->pos < stop) {
		if (!plain_read(ps, d, ps->pos, &pl)) {
			ps->pos = d->inlen;
			break;
		}
		commit(d, &pl);
		ps->pos = pl.next;
	}
	d->parsed = ps->pos;
	if (ps->pos < d->inlen) {
		/* Open sections reach as far as the parse has. */
		build_reach(d);
		return 1;
	}
	return 0;
}

/* Frees the reader's state. */
static void
plain_end(struct doc *d)
{
	struct plain_state *ps = d->fs;

	free(ps->names);
	free(ps);
	d->fs = NULL;
}

/* Plain text takes what no other format claims. */
static int
plain_sniff(const uint8_t *p, size_t n, const char *ext)
{
	(void)p;
	(void)n;
	(void)ext;
	return 1;
}

const struct format format_plain = {
	"plain", "plain-text transcript (Name: text)", plain_sniff,
	plain_begin, plain_some, plain_end,
	plain_unit, sizeof(struct plain_state)
};
