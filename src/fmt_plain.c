/*
 * fmt_plain.c: reads plain-text transcripts into the document model.
 *
 * The input is UTF-8 text (doc.c has taken off a byte-order mark and made
 * other encodings UTF-8; CR before LF, tabs and any other white space
 * count as spaces). The document's text is the input itself. It is read a line at a
 * time; these rules decide what each line is, tried in this order:
 *
 *  1. Jekyll front matter (a first line "---" up to the next "---") is not
 *     shown; its "title:" gives the title.
 *  2. A first line "# Title" is the title; later "#".."######" lines are
 *     headings, their levels shifted so that the highest one is level 1.
 *  3. "By AUTHOR @ DATE (+SCORE)" near the top is the byline, and
 *     "This is a linkpost to URL" the link.
 *  4. A chapter marker "(hh:mm:ss) - Title" is a heading of level 1.
 *  5. A speaker label starts a turn: "Name: text", "NAME: text",
 *     "**Name:** text", "**Name** (mm:ss): text", or a label alone on its
 *     line ("**Name:**", "Name hh:mm:ss"), whose text is the next
 *     paragraph. A name is one to five words, each starting with a capital
 *     letter (or a particle such as "de" or "van"), with no digits. A
 *     one-word name counts only when it labels two or more lines. The
 *     paragraphs after a turn, up to the next label, heading or credit,
 *     continue it.
 *  6. "Role: Name, Name and Name", where everything after the colon is
 *     names, is a credit line, never a speaker turn.
 *  7. "- text", "* text", "• text" and "1. text" are bullet items (their
 *     indentation gives their depth). "- Name" right after a paragraph that
 *     is not part of a turn is the attribution of a pull quote: that
 *     paragraph, and up to two plain paragraphs before it, are the quote.
 *  8. Without "#" headings, a heading is a short line on its own: at most
 *     90 columns and 14 words, starting with a capital letter or a digit,
 *     not ending in . , ; : or …, and holding one sentence only. Inside a
 *     turn, such a line followed by an ordinary paragraph continues the
 *     turn instead. A heading directly followed by another heading is the
 *     parent (level 1) of the headings after it, which are level 2, until
 *     the next such parent.
 *  9. The first line of the document, when it is not one of the above and
 *     is followed by a byline or looks like a heading, is the title.
 * 10. Anything else is a paragraph. A paragraph is one line, except in a
 *     hard-wrapped document (most lines short, blank lines between
 *     paragraphs), where the lines up to a blank line are joined unless a
 *     line starts a new block or the line before it is short.
 *
 * SubRip and WebVTT captions have readers of their own (captions.c).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/lexicon.h"
#include "lectern/text.h"
#include "lectern/util.h"

#define SAMPLE_SIZE	(256 * 1024)
#define MAX_NAME_BYTES	LEX_MAX_NAME_BYTES

enum line_kind {
	L_PLAIN, L_MDHEAD, L_CHAPTER, L_BULLET, L_TURN, L_LABEL, L_CREDIT,
	L_BYLINE, L_LINK
};

/* A logical line: one or more physical lines that make one block. */
struct pline {
	enum line_kind	 kind;
	size_t		 start, end;	/* trimmed, all joined lines */
	size_t		 next;		/* where the next line starts */
	size_t		 tstart, tend;
	size_t		 lstart, lend;
	int		 level;
	int		 dash;		/* bullet marker is a dash */
};

struct label_count {
	size_t		 start, len;
	int		 count;
};

struct parse_state {
	size_t		 pos;
	int		 wrapped;
	size_t		 wrapwidth;
	int		 mdheads;	/* "#" headings rule the outline */
	int		 mdshift;
	struct label_count *singles;	/* one-word labels in the sample */
	size_t		 nsingles, capsingles;

	int		 base;		/* level of a lone plain heading */
	int		 parent;	/* the last parent heading's block */
	int		 lines;		/* logical lines committed */
};

static int	 classify(struct parse_state *, const struct doc *, size_t,
		    size_t, struct pline *);

/* Finds the end of the physical line at pos (the newline or the end). */
static size_t
line_end(const struct doc *d, size_t pos)
{
	const uint8_t *nl;

	nl = memchr(d->src + pos, '\n', d->len - pos);
	return nl == NULL ? d->len : (size_t)(nl - d->src);
}

static int
single_known(const struct parse_state *ps, const struct doc *d, size_t s,
    size_t e)
{
	size_t i;

	for (i = 0; i < ps->nsingles; i++)
		if (ps->singles[i].len == e - s && ps->singles[i].count >= 2 &&
		    memcmp(d->src + ps->singles[i].start, d->src + s, e - s) == 0)
			return 1;
	return 0;
}

/* True when [s, e) names a speaker who has had a turn already. */
static int
is_speaker(const struct doc *d, size_t s, size_t e)
{
	size_t i;

	for (i = 0; i < d->nspeakers; i++)
		if (strlen(d->speakers[i].name) == e - s &&
		    memcmp(d->speakers[i].name, d->src + s, e - s) == 0)
			return 1;
	return 0;
}

/*
 * Looks for a speaker label at the start of [s, e). Fills the label and
 * text ranges and returns L_TURN, L_LABEL or L_CREDIT, or L_PLAIN when
 * there is none. With counting set, one-word names are accepted (the
 * sample pass counts them).
 */
static enum line_kind
find_label(struct parse_state *ps, const struct doc *d, size_t s, size_t e,
    struct pline *pl, int counting)
{
	const uint8_t *src = d->src;
	size_t ns, ne, rest, i, q;
	int words = 0, bold = 0;
	enum line_kind kind;

	if (e - s >= 4 && src[s] == '*' && src[s + 1] == '*') {
		/* **Name:** text, **Name**: text, **Name** (00:09): text */
		for (i = s + 2; i + 1 < e && i < s + 2 + MAX_NAME_BYTES + 1; i++)
			if (src[i] == '*' && src[i + 1] == '*')
				break;
		if (i + 1 >= e || src[i] != '*' || src[i + 1] != '*')
			return L_PLAIN;
		ns = s + 2;
		ne = i;
		rest = i + 2;
		bold = 1;
		if (ne > ns && src[ne - 1] == ':') {
			ne--;
		} else {
			while (rest < e && src[rest] == ' ')
				rest++;
			q = lex_skip_stamp(src, rest, e);
			if (q < e && src[q] == ':')
				rest = q + 1;
			else if (q > rest)
				rest = q;
			else
				return L_PLAIN;
		}
	} else {
		/* Name: text, or Name (00:01:02): text */
		size_t lim = e - s > MAX_NAME_BYTES ? s + MAX_NAME_BYTES : e;

		for (i = s; i < lim && src[i] != ':' && src[i] != '(' &&
		    src[i] != '['; i++)
			;
		if (i >= lim)
			goto bare;
		ns = s;
		ne = i;
		if (src[i] != ':') {
			q = lex_skip_stamp(src, i, e);
			if (q == i || q >= e || src[q] != ':')
				goto bare;
			i = q;
		}
		rest = i + 1;
		if (rest < e && src[rest] != ' ' && src[rest] != '\t')
			goto bare;
	}
	while (rest < e && lex_hspace(src[rest]))
		rest++;
	lex_trim(src, &ns, &ne);
	if (lex_namelike(src, ns, ne, &words) &&
	    (words > 1 || bold || counting || single_known(ps, d, ns, ne)))
		kind = rest < e && lex_names_only(src, rest, e) &&
		    !is_speaker(d, ns, ne) ? L_CREDIT :
		    rest < e ? L_TURN : L_LABEL;
	else if (!bold && rest < e && lex_rolelike(src, ns, ne) &&
	    lex_names_only(src, rest, e))
		kind = L_CREDIT;
	else
		return L_PLAIN;
	pl->lstart = ns;
	pl->lend = ne;
	pl->tstart = rest;
	pl->tend = e;
	return kind;
bare:
	/* Name hh:mm:ss, alone on its line */
	for (i = e; i > s && src[i - 1] != ' '; i--)
		;
	if (i > s && lex_timestamp(src, i, e)) {
		ns = s;
		ne = i;
		lex_trim(src, &ns, &ne);
		if (lex_namelike(src, ns, ne, &words)) {
			pl->lstart = ns;
			pl->lend = ne;
			pl->tstart = pl->tend = e;
			return L_LABEL;
		}
	}
	return L_PLAIN;
}

/* Classifies one physical line [s, e) (trimmed). */
static int
classify(struct parse_state *ps, const struct doc *d, size_t s, size_t e,
    struct pline *pl)
{
	const uint8_t *src = d->src, *at;
	size_t i, raw = s;
	int n;

	memset(pl, 0, sizeof *pl);
	pl->start = s;
	pl->end = e;
	pl->tstart = s;
	pl->tend = e;
	pl->lstart = pl->lend = s;
	/* The raw line start, for indentation. */
	while (raw > 0 && src[raw - 1] != '\n')
		raw--;

	if (src[s] == '#') {
		for (n = 0; s + n < e && src[s + n] == '#'; n++)
			;
		if (n <= 6 && s + n < e && src[s + n] == ' ') {
			size_t ts = s + n, te = e, a;

			/* Drops a trailing anchor: <a name="x"></a> */
			if (te - ts > 4 && memcmp(src + te - 4, "</a>", 4) == 0)
				for (a = te - 4; a > ts; a--)
					if (memcmp(src + a, "<a ", 3) == 0) {
						te = a;
						break;
					}
			lex_trim(src, &ts, &te);
			pl->tstart = ts;
			pl->tend = te;
			pl->level = n;
			return pl->kind = L_MDHEAD;
		}
	}
	/* A byline, at the top or under each episode's title in an
	 * archive: "By NAME @ DATE" with a date after the @. */
	if (e - s > 5 && memcmp(src + s, "By ", 3) == 0 &&
	    (at = memmem(src + s, e - s, " @ ", 3)) != NULL &&
	    at + 3 < src + e && at[3] >= '0' && at[3] <= '9')
		return pl->kind = L_BYLINE;
	if (e - s > 22 && memcmp(src + s, "This is a linkpost to ", 22) == 0) {
		pl->tstart = s + 22;
		return pl->kind = L_LINK;
	}
	/* Chapter: (00:00:00) - Title */
	for (i = s; i < e && src[i] != ' '; i++)
		;
	if (i + 3 < e && memcmp(src + i, " - ", 3) == 0 &&
	    lex_timestamp(src, s, i)) {
		pl->tstart = i + 3;
		return pl->kind = L_CHAPTER;
	}
	/* Bullets: - * + • – — and 1. 1) */
	{
		size_t m = s, ind = 0;
		int len;
		uint32_t uc = lex_char_at(src + s, e - s, &len);

		for (i = raw; i < s; i++)
			ind += src[i] == '\t' ? 4 : 1;
		if (uc == '-' || uc == '*' || uc == '+' || uc == 0x2022 ||
		    uc == 0x2013 || uc == 0x2014) {
			m = s + (size_t)len;
			pl->dash = uc != '*' && uc != '+' && uc != 0x2022;
		} else if (uc_is_digit(uc)) {
			for (m = s; m < e && m - s < 3 && src[m] >= '0' &&
			    src[m] <= '9'; m++)
				;
			if (m < e && (src[m] == '.' || src[m] == ')')) {
				pl->lstart = s;
				pl->lend = ++m;
			} else {
				m = s;
			}
		}
		if (m > s && m < e && src[m] == ' ') {
			while (m < e && lex_hspace(src[m]))
				m++;
			pl->tstart = m;
			pl->level = 1 + (int)(ind / 2);
			if (pl->level > 4)
				pl->level = 4;
			return pl->kind = L_BULLET;
		}
		pl->lstart = pl->lend = s;
		pl->dash = 0;
	}
	return pl->kind = find_label(ps, d, s, e, pl, 0);
}

/* Skips blank lines from pos; returns the start of the next non-blank
 * line and its trimmed range, or 0 at the end. */
static int
next_physical(const struct doc *d, size_t pos, size_t *s, size_t *e,
    size_t *next)
{
	while (pos < d->len) {
		size_t le = line_end(d, pos);

		*s = pos;
		*e = le;
		lex_trim(d->src, s, e);
		*next = le < d->len ? le + 1 : le;
		if (*e > *s)
			return 1;
		pos = *next;
	}
	return 0;
}

/* Reads the logical line at pos into pl. Returns 0 at the end. */
static int
read_logical(struct parse_state *ps, const struct doc *d, size_t pos,
    struct pline *pl)
{
	size_t s, e, next, prevlen;

	if (!next_physical(d, pos, &s, &e, &next))
		return 0;
	classify(ps, d, s, e, pl);
	pl->next = next;
	if (!ps->wrapped || pl->kind == L_MDHEAD ||
	    pl->kind == L_CHAPTER || pl->kind == L_LABEL)
		return 1;
	prevlen = e - s;
	while (next < d->len && d->src[next] != '\n') {
		size_t le = line_end(d, next), ns = next, ne = le;
		struct pline peek;

		lex_trim(d->src, &ns, &ne);
		if (ne == ns || prevlen * 2 < ps->wrapwidth)
			break;
		classify(ps, d, ns, ne, &peek);
		if (peek.kind != L_PLAIN)
			break;
		pl->end = pl->tend = ne;
		prevlen = ne - ns;
		next = le < d->len ? le + 1 : le;
	}
	pl->next = next;
	return 1;
}

/* Looks at a sample of the document to choose the parsing modes. */
static void
prescan(struct parse_state *ps, const struct doc *d, size_t pos)
{
	size_t lim = d->len - pos > SAMPLE_SIZE ? pos + SAMPLE_SIZE : d->len;
	size_t nonblank = 0, blank = 0, shortl = 0, pairs = 0, i;
	size_t widths[121] = { 0 };
	int prevblank = 1, minmd = 7, nmd = 0, first = 1;
	enum line_kind kind;
	size_t s, e;

	while (pos < lim) {
		size_t le = line_end(d, pos);
		struct pline pl;

		s = pos;
		e = le;
		lex_trim(d->src, &s, &e);
		pos = le < d->len ? le + 1 : le;
		if (e == s) {
			blank++;
			prevblank = 1;
			continue;
		}
		nonblank++;
		if (e - s <= 120) {
			shortl++;
			widths[e - s]++;
		}
		if (!prevblank)
			pairs++;
		prevblank = 0;
		if (d->src[s] == '#') {
			memset(&pl, 0, sizeof pl);
			classify(ps, d, s, e, &pl);
			if (pl.kind == L_MDHEAD) {
				if (!(first && pl.level == 1)) {
					nmd++;
					if (pl.level < minmd)
						minmd = pl.level;
				}
			}
		} else if ((kind = find_label(ps, d, s, e, &pl, 1)) == L_TURN ||
		    kind == L_LABEL) {
			int words;

			if (lex_namelike(d->src, pl.lstart, pl.lend, &words) &&
			    words == 1) {
				for (i = 0; i < ps->nsingles; i++)
					if (ps->singles[i].len == pl.lend -
					    pl.lstart && memcmp(d->src +
					    ps->singles[i].start, d->src +
					    pl.lstart, ps->singles[i].len) == 0)
						break;
				if (i == ps->nsingles && i < 256) {
					UTIL_GROW(ps->singles, ps->capsingles,
					    i + 1);
					ps->singles[i].start = pl.lstart;
					ps->singles[i].len = pl.lend - pl.lstart;
					ps->singles[i].count = 0;
					ps->nsingles++;
				}
				if (i < ps->nsingles)
					ps->singles[i].count++;
			}
		}
		first = 0;
	}
	if (nmd >= 2) {
		ps->mdheads = 1;
		ps->mdshift = minmd - 1;
	}
	if (nonblank >= 4 && blank * 10 >= nonblank &&
	    shortl * 10 >= nonblank * 9 && pairs * 3 >= nonblank) {
		size_t seen = 0;

		ps->wrapped = 1;
		/* The wrap width: the length that 90% of lines stay under. */
		for (i = 0; i <= 120; i++) {
			seen += widths[i];
			if (seen * 10 >= shortl * 9)
				break;
		}
		ps->wrapwidth = i;
	}
}

/* Starts reading: the front matter, then a sample to choose the modes. */
static void
plain_begin(struct doc *d)
{
	struct parse_state *ps;
	size_t s, e, next;

	ps = xcalloc(1, sizeof *ps);
	ps->base = 1;
	ps->parent = -1;
	d->fs = ps;
	/* Jekyll front matter */
	if (next_physical(d, ps->pos, &s, &e, &next) && e - s == 3 &&
	    memcmp(d->src + s, "---", 3) == 0) {
		size_t pos = next;

		while (next_physical(d, pos, &s, &e, &next)) {
			pos = next;
			if (e - s == 3 && memcmp(d->src + s, "---", 3) == 0) {
				ps->pos = pos;
				break;
			}
			if (e - s > 6 && memcmp(d->src + s, "title:", 6) == 0) {
				s += 6;
				lex_trim(d->src, &s, &e);
				if (e - s >= 2 && d->src[s] == '"' &&
				    d->src[e - 1] == '"') {
					s++;
					e--;
				}
				d->meta.title.start = s;
				d->meta.title.end = e;
			} else if (e - s > 5 &&
			    memcmp(d->src + s, "date:", 5) == 0) {
				s += 5;
				lex_trim(d->src, &s, &e);
				d->meta.date.start = s;
				d->meta.date.end = e;
			}
		}
		if (ps->pos < pos)
			memset(&d->meta, 0, sizeof d->meta);
	}
	prescan(ps, d, ps->pos);
	d->parsed = ps->pos;
}

/* The builder's piece for a logical line. */
static struct build_piece
piece(const struct pline *pl)
{
	struct build_piece bp;

	bp.start = pl->start;
	bp.end = pl->end;
	bp.tstart = pl->tstart;
	bp.tend = pl->tend;
	bp.lstart = pl->lstart;
	bp.lend = pl->lend;
	bp.level = pl->level;
	bp.time = DOC_NO_TIME;
	return bp;
}

static size_t
add_block(struct doc *d, enum doc_block_kind kind, const struct pline *pl)
{
	struct build_piece bp = piece(pl);

	return build_block(d, kind, &bp);
}

/* The time of a chapter line "(01:02:03) - Title" whose title starts at
 * ts, or DOC_NO_TIME. */
static uint32_t
chapter_time(const uint8_t *src, size_t s, size_t ts)
{
	char t[24];
	size_t e = ts - 3, n;
	uint32_t ms;

	if (e > s && (src[s] == '(' || src[s] == '[')) {
		s++;
		e--;
	}
	n = e - s;
	if (n >= sizeof t)
		return DOC_NO_TIME;
	memcpy(t, src + s, n);
	t[n] = '\0';
	return doc_parse_time(t, &ms) == 0 ? ms : DOC_NO_TIME;
}

/* Adds a heading of the given level and opens its section. */
static void
add_heading(struct doc *d, struct pline *pl, int level)
{
	struct build_piece bp = piece(pl);

	build_heading(d, level, &bp);
}

static void
start_turn(struct doc *d, struct pline *pl)
{
	struct build_piece bp = piece(pl);

	build_turn(d, build_speaker(d, d->src + pl->lstart,
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
	for (; j < a; j++) {
		d->blocks[j].kind = DOC_QUOTE;
		d->blocks[j].quote_attrib = (int)a;
	}
}

/* True when the line after pl is a plain line that is not heading-like. */
static int
next_is_prose(struct parse_state *ps, struct doc *d, const struct pline *pl)
{
	struct pline nx;

	if (!read_logical(ps, d, pl->next, &nx))
		return 0;
	return nx.kind == L_PLAIN && !lex_headlike(d->src, nx.start, nx.end);
}

static int
next_is_heading(struct parse_state *ps, struct doc *d, const struct pline *pl)
{
	struct pline nx;

	if (!read_logical(ps, d, pl->next, &nx))
		return 0;
	return nx.kind == L_PLAIN && lex_headlike(d->src, nx.start, nx.end);
}

static void
commit_plain(struct doc *d, struct pline *pl)
{
	struct parse_state *ps = d->fs;
	struct pline nx;
	size_t prev = d->nblocks - 1;
	int level;

	if (ps->lines == 0 && d->meta.title.end == 0 &&
	    pl->end - pl->start <= 400 && lex_last_char(d->src + pl->start,
	    pl->end - pl->start) != '.' && read_logical(ps, d, pl->next, &nx) &&
	    (nx.kind == L_BYLINE || nx.kind == L_LINK ||
	    lex_headlike(d->src, pl->start, pl->end))) {
		d->meta.title.start = pl->start;
		d->meta.title.end = pl->end;
		add_block(d, DOC_TITLE, pl);
		return;
	}
	if (ps->lines > 0 && read_logical(ps, d, pl->next, &nx) &&
	    nx.kind == L_BYLINE) {
		/* The title of a later episode in an archive. */
		ps->base = 1;
		ps->parent = -1;
		add_heading(d, pl, 1);
		return;
	}
	if (!ps->mdheads && lex_headlike(d->src, pl->start, pl->end) &&
	    !(build_turn_speaker(d) >= 0 && next_is_prose(ps, d, pl))) {
		if (d->nblocks > 0 && d->blocks[prev].kind == DOC_HEADING)
			level = (int)prev == ps->parent ?
			    d->blocks[prev].level + 1 : d->blocks[prev].level;
		else if (next_is_heading(ps, d, pl)) {
			level = 1;
			ps->parent = (int)d->nblocks;
			ps->base = 2;
		} else
			level = ps->base;
		add_heading(d, pl, level);
		return;
	}
	build_join(d, add_block(d, DOC_PARA, pl));
}

static void
commit(struct doc *d, struct pline *pl)
{
	struct parse_state *ps = d->fs;
	struct pline nx;
	size_t b;
	int words;

	switch (pl->kind) {
	case L_MDHEAD:
		if (ps->lines == 0 && pl->level == 1 && d->meta.title.end == 0) {
			d->meta.title.start = pl->tstart;
			d->meta.title.end = pl->tend;
			add_block(d, DOC_TITLE, pl);
			break;
		}
		add_heading(d, pl, pl->level - ps->mdshift);
		break;
	case L_CHAPTER: {
		struct build_piece bp = piece(pl);

		bp.time = chapter_time(d->src, pl->start, pl->tstart);
		build_heading(d, 1, &bp);
		break;
	}
	case L_BYLINE: {
		size_t at, s = pl->start + 3, e = pl->end, p;

		at = (size_t)((const uint8_t *)memmem(d->src + s, e - s,
		    " @ ", 3) - d->src);
		if (d->meta.author.end > 0) {
			/* A later episode's byline, in an archive. */
			add_block(d, DOC_BYLINE, pl);
			break;
		}
		d->meta.author.start = s;
		d->meta.author.end = at;
		d->meta.date.start = at + 3;
		d->meta.date.end = e;
		if (d->src[e - 1] == ')')
			for (p = e - 1; p > at + 3; p--)
				if (d->src[p] == '(') {
					d->meta.score.start = p + 1;
					d->meta.score.end = e - 1;
					d->meta.date.end = p;
					lex_trim(d->src, &d->meta.date.start,
					    &d->meta.date.end);
					break;
				}
		add_block(d, DOC_BYLINE, pl);
		break;
	}
	case L_LINK:
		d->meta.link.start = pl->tstart;
		d->meta.link.end = pl->tend;
		pl->tstart = pl->start;
		add_block(d, DOC_LINK, pl);
		break;
	case L_TURN:
		start_turn(d, pl);
		break;
	case L_LABEL:
		/* The turn's text is the next paragraph. */
		if (read_logical(ps, d, pl->next, &nx) && nx.kind == L_PLAIN) {
			pl->tstart = nx.tstart;
			pl->tend = pl->end = nx.end;
			pl->next = nx.next;
		}
		start_turn(d, pl);
		break;
	case L_CREDIT:
		build_end_turn(d);
		add_block(d, DOC_CREDIT, pl);
		break;
	case L_BULLET:
		if (pl->dash && pl->level == 1 && d->nblocks > 0 &&
		    d->blocks[d->nblocks - 1].kind == DOC_PARA &&
		    d->blocks[d->nblocks - 1].turn < 0 &&
		    lex_namelike(d->src, pl->tstart, pl->tend, &words) &&
		    !(read_logical(ps, d, pl->next, &nx) &&
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
	struct parse_state *ps = d->fs;
	struct pline pl;
	size_t stop;

	stop = budget == 0 || d->len - ps->pos < budget ? d->len :
	    ps->pos + budget;
	while (ps->pos < stop) {
		if (!read_logical(ps, d, ps->pos, &pl)) {
			ps->pos = d->len;
			break;
		}
		commit(d, &pl);
		ps->pos = pl.next;
	}
	d->parsed = ps->pos;
	if (ps->pos < d->len) {
		/* Open sections reach as far as the parse has. */
		build_reach(d);
		return 1;
	}
	return 0;
}

static void
plain_end(struct doc *d)
{
	struct parse_state *ps = d->fs;

	free(ps->singles);
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
	plain_begin, plain_some, plain_end
};
