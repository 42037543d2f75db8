/*
 * fmt_hearing.c: reads hearings as the U.S. Government Printing Office
 * publishes them (Senate, House and joint hearings) into the document
 * model, from a text file or from the <pre> of an HTML page.
 *
 *  1. In an HTML page the record is the text inside <pre>: tags are not
 *     text and entities (&lt; &amp; &#8212; ...) are decoded. The
 *     page's other parts are not shown. "[Senate Hearing 111-674]" and
 *     "[From the U.S. Government Printing Office]" are not text either;
 *     the first is what --blocks notes.
 *  2. The first block in capitals is the title. The front matter (the
 *     cover, the committee, the contents, the lists of witnesses and
 *     exhibits) keeps its lines; "C O N T E N T S" is a section.
 *  3. A block in capitals whose last line is a date with its weekday,
 *     "TUESDAY, APRIL 27, 2010", is the heading of the hearing's day: it
 *     starts the record of the hearing, and stands for the hearing's
 *     title block (the title above it is not repeated). So does an
 *     "OPENING STATEMENT OF" or "TESTIMONY OF" block, or a speaker's turn.
 *  4. In the record, a block in capitals between blank lines is a
 *     heading ("OPENING STATEMENT OF SENATOR LEVIN", "TESTIMONY OF ...",
 *     one level below the day); "A P P E N D I X" is a section, and the
 *     prepared statements and exhibits in it are sections of text.
 *  5. A paragraph starts at an indented line. One that starts with a
 *     speaker's label, "Senator Levin.", "Mr. Blankfein.", "The
 *     Chairman.", "Chairman Issa.", starts a turn; the paragraphs after
 *     it, up to the next label or heading, are the same turn.
 *  6. "[Laughter.]", "[Recess.]" and footnotes ("\1\ The prepared
 *     statement ...") are notes in emphasis: in the turn when the speech
 *     goes on after them, outside it otherwise. After "[The prepared
 *     statement of Mr. X follows:]" the text is nobody's turn.
 *  7. Rules of dashes and equals signs are not text; a footnote mark
 *     "\1\" reads "[1]" (and is left out of headings).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unictype.h>

#include "lectern/build.h"
#include "lectern/court.h"
#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/rec.h"
#include "lectern/util.h"

#define MAX_BLOCK	6	/* lines of a heading in capitals */

struct hearing {
	const uint8_t	*in;
	size_t		 pos, end;	/* the record */
	int		 html;		/* decode tags and entities */
	int		 body;		/* past the front matter */
	int		 day;		/* a day's heading was made */
	int		 appendix;
	int		 blank;		/* a blank line came before */
	struct buf	 title;		/* the title, for comparison */
	size_t		 titlepos;	/* the block it came from */
	size_t		 heldpos, heldend;	/* the title again, held */
	struct buf	 ln, look, tmp;	/* decoded lines */
	struct rec_out	 out;
};

/* A decoded line: [s, e) of p, trimmed, with its indent. */
struct hline {
	const uint8_t	*p;
	size_t		 s, e;
	int		 indent;
};

/*
 * Decodes the line of the record at pos into b and hl: tags out and
 * entities decoded in a page, a footnote mark "\1\" as "[1]". Returns
 * where the next line starts, or 0 at the end.
 */
static size_t
get_line(const struct hearing *hs, size_t pos, struct buf *b,
    struct hline *hl)
{
	const uint8_t *p = hs->in;
	struct rec_line l;
	size_t i, j, n;
	int col = 0;

	if (!rec_line(p, hs->end, pos, &l))
		return 0;
	buf_reset(b);
	for (i = l.start; i < l.end;) {
		if (hs->html && p[i] == '<' && i + 1 < l.end &&
		    (p[i + 1] == '/' || p[i + 1] == '!' ||
		    ((p[i + 1] | 0x20) >= 'a' && (p[i + 1] | 0x20) <= 'z'))) {
			for (j = i + 1; j < l.end && p[j] != '>' && p[j] != '<';
			    j++)
				;
			if (j < l.end && p[j] == '>') {
				i = j + 1;
				continue;
			}
		}
		if (hs->html && p[i] == '&' &&
		    (n = rec_entity(p, i, l.end, b)) > 0) {
			i += n;
			continue;
		}
		if (p[i] == '\\' && i + 2 < l.end && p[i + 1] >= '0' &&
		    p[i + 1] <= '9') {
			for (j = i + 1; j < l.end && j - i < 4 && p[j] >= '0' &&
			    p[j] <= '9'; j++)
				;
			if (j < l.end && p[j] == '\\') {
				buf_addc(b, '[');
				buf_add(b, p + i + 1, j - i - 1);
				buf_addc(b, ']');
				i = j + 1;
				continue;
			}
		}
		/* A DOS end of file (^Z) is not text. */
		if (p[i] != 0x1A)
			buf_addc(b, (char)p[i]);
		i++;
	}
	hl->p = (const uint8_t *)buf_str(b);
	hl->s = 0;
	hl->e = b->len;
	while (hl->s < hl->e && (rec_space(hl->p[hl->s]) ||
	    hl->p[hl->s] == '\n')) {
		col = hl->p[hl->s] == '\t' ? (col / 8 + 1) * 8 : col + 1;
		hl->s++;
	}
	while (hl->e > hl->s && rec_space(hl->p[hl->e - 1]))
		hl->e--;
	hl->indent = col;
	return l.next > pos ? l.next : hs->end;
}

/* Titles that start a speaker's label, "Senator Levin.". */
static const char *const titles[] = {
	"Senator", "Mr.", "Ms.", "Mrs.", "Miss", "Dr.", "Chairman",
	"Chairwoman", "Chair", "Vice", "Ranking", "Representative", "Rep.",
	"Delegate", "Commissioner", "Secretary", "Ambassador", "General",
	"Admiral", "Governor", "Mayor", "Judge", "Justice", "Director",
	"Professor", "Colonel", "Major", "Captain", "Lieutenant", "Sergeant",
	"Sheriff", "Chief", "Dean", "Father", "Reverend", "Rabbi", "Sister",
	"Inspector", "Voice", "Voices", "Speaker", "Clerk", NULL
};

/* What may follow "The" in a label: "The Chairman.". */
static const char *const the_titles[] = {
	"Chairman", "Chairwoman", "Chair", "Chairperson", "Clerk", "Presiding",
	"Vice", "Speaker", "President", "Witness", "Reporter", "Acting",
	"Reader", NULL
};

/* Small words inside a name: "Mr. Smith of Texas", "Mr. de la Garza". */
static const char *const particles[] = {
	"of", "de", "la", "van", "von", "der", "del", "di", "da", "du", "le",
	NULL
};

/* True when the word [s, w) is one of list. */
static int
one_of(const uint8_t *p, size_t s, size_t w, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == w - s &&
		    memcmp(list[i], p + s, w - s) == 0)
			return 1;
	return 0;
}

/* True for an upper-case letter. */
static int
upper_at(const uint8_t *p, size_t i, size_t e)
{
	int len;
	uint32_t uc = rec_char(p + i, e - i, &len);

	return uc_is_upper(uc) || uc_is_property_titlecase(uc);
}

/* A speaker's label at the start of [s, e): "Senator Levin." then a
 * space or the end. Sets *ne to the end of the name (before its period)
 * and *ts to the text. */
static int
gpo_label(const uint8_t *p, size_t s, size_t e, size_t *ne, size_t *ts)
{
	static const char *const voice[] = { "Voice", "Voice.", "Voices",
		"Voices.", NULL };
	size_t i = s, w;
	int words = 0, the = 0;

	while (i < e) {
		for (w = i; w < e && p[w] != ' '; w++)
			;
		if (w - i > 24 || w == i)
			return 0;
		if (words == 0) {
			if (w - i == 3 && memcmp(p + i, "The", 3) == 0)
				the = 1;
			else if (w - i == 1 && p[i] == 'A')
				the = 2;
			else if (!one_of(p, i, w, titles) &&
			    !one_of(p, i, w - 1, titles))
				return 0;
		} else if (words == 1 && the == 1) {
			if (!one_of(p, i, w - (p[w - 1] == '.'), the_titles))
				return 0;
		} else if (words == 1 && the == 2) {
			if (!one_of(p, i, w, voice))
				return 0;
		} else if (!one_of(p, i, w, particles) && !upper_at(p, i, e))
			return 0;
		words++;
		/* A period after a word ends the label; "Mr." does not. */
		if (p[w - 1] == '.' && (w == e || p[w] == ' ') &&
		    !(words == 1 && (the || (w - i <= 4 &&
		    one_of(p, i, w, titles))))) {
			*ne = w - 1;
			for (*ts = w; *ts < e && p[*ts] == ' '; (*ts)++)
				;
			return 1;
		}
		if (words >= 5 || w == e)
			return 0;
		i = w + 1;
	}
	return 0;
}

/* True when the decoded line is in capitals (a heading's line): letters
 * and no lower case, not a note in brackets. */
static int
caps_line(const struct hline *hl)
{
	size_t up, low;

	if (hl->s == hl->e || hl->p[hl->s] == '[')
		return 0;
	rec_letters(hl->p, hl->s, hl->e, &up, &low);
	return up >= 2 && low == 0;
}

/* True for letters spaced out: "C O N T E N T S". */
static int
spaced(const uint8_t *p, size_t s, size_t e)
{
	size_t i;

	if (e - s < 5)
		return 0;
	for (i = s; i < e; i++)
		if ((i - s) % 2 == 1 ? p[i] != ' ' : p[i] == ' ')
			return 0;
	return 1;
}

/* True for a date with its weekday: "TUESDAY, APRIL 27, 2010". */
static int
day_line(const uint8_t *p, size_t s, size_t e)
{
	static const char *const days[] = { "MONDAY", "TUESDAY", "WEDNESDAY",
		"THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", NULL };
	size_t i;

	for (i = 0; days[i] != NULL; i++)
		if (rec_word(p, s, e, days[i], ","))
			break;
	if (days[i] == NULL || e - s > 40)
		return 0;
	for (i = s; i + 4 <= e; i++)
		if (p[i] >= '0' && p[i] <= '9' && p[i + 1] >= '0' &&
		    p[i + 1] <= '9' && p[i + 2] >= '0' && p[i + 2] <= '9' &&
		    p[i + 3] >= '0' && p[i + 3] <= '9')
			return 1;
	return 0;
}

/* The lines of a block in capitals at pos: up to MAX_BLOCK lines before
 * a blank line or the end. Returns how many (0: not such a block) and
 * sets *end where the block ends. */
static int
caps_block(struct hearing *hs, size_t pos, size_t *end)
{
	struct hline hl;
	size_t next;
	int n;

	for (n = 0;; n++) {
		next = get_line(hs, pos, &hs->look, &hl);
		if (next == 0 || hl.s == hl.e)
			break;
		if (n == MAX_BLOCK || !caps_line(&hl) || court_rule(hl.p, hl.s,
		    hl.e))
			return 0;
		pos = next;
	}
	*end = pos;
	return n;
}

/* The text of the block [pos, end) in hs->tmp as one line: footnote
 * marks out, letters spaced out closed up. Returns where its last line
 * starts in hs->tmp. */
static size_t
block_text(struct hearing *hs, size_t pos, size_t end)
{
	struct hline hl;
	size_t i, last = 0;

	buf_reset(&hs->tmp);
	while (pos < end && (pos = get_line(hs, pos, &hs->look, &hl)) > 0) {
		if (hs->tmp.len > 0)
			buf_addc(&hs->tmp, ' ');
		last = hs->tmp.len;
		for (i = hl.s; i < hl.e; i++) {
			if (hl.p[i] == '[' && i + 1 < hl.e &&
			    hl.p[i + 1] >= '0' && hl.p[i + 1] <= '9') {
				while (i < hl.e && hl.p[i] != ']')
					i++;
				continue;
			}
			if (hl.p[i] == ' ' && (spaced(hl.p, hl.s, hl.e) ||
			    (hs->tmp.len > 0 &&
			    hs->tmp.data[hs->tmp.len - 1] == ' ')) &&
			    !(i + 1 < hl.e && hl.p[i + 1] == ' '))
				continue;
			buf_addc(&hs->tmp, (char)hl.p[i]);
		}
		while (hs->tmp.len > last &&
		    hs->tmp.data[hs->tmp.len - 1] == ' ')
			hs->tmp.len--;
	}
	buf_str(&hs->tmp);
	return last;
}

/* Writes the block [pos, end) as a paragraph that keeps its lines. */
static void
block_lines(struct doc *d, struct hearing *hs, size_t pos, size_t end)
{
	struct hline hl;

	rec_open(d, &hs->out, REC_TEXT, REC_LINES);
	while (pos < end && (pos = get_line(hs, pos, &hs->look, &hl)) > 0)
		rec_add(d, &hs->out, hl.p, hl.s, hl.e);
	rec_close(d, &hs->out);
}

/* Writes a heading whose text is [s, s + n) of hs->tmp. */
static void
heading(struct doc *d, struct hearing *hs, int level, size_t s, size_t n)
{
	struct build_piece bp;
	size_t at;

	rec_close(d, &hs->out);
	rec_gap(d);
	at = build_text(d, hs->tmp.data + s, n);
	bp = build_piece(at, at + n);
	build_heading(d, level, &bp);
}

/* The front matter's copy of the title, held back, goes out after all
 * (it was not the title block of the hearing's day). */
static void
flush_held(struct doc *d, struct hearing *hs)
{
	if (hs->heldend > hs->heldpos)
		block_lines(d, hs, hs->heldpos, hs->heldend);
	hs->heldpos = hs->heldend = 0;
}

/* True when the block's text starts the record of the hearing. */
static int
record_heading(const struct buf *t)
{
	static const char *const starts[] = { "OPENING STATEMENT",
		"STATEMENT OF", "STATEMENTS OF", "TESTIMONY OF",
		"PREPARED STATEMENT", NULL };
	size_t i;

	for (i = 0; starts[i] != NULL; i++)
		if (rec_has((const uint8_t *)t->data, 0, t->len < 40 ? t->len :
		    40, starts[i]))
			return 1;
	return 0;
}

/* A block in capitals, [pos, end). */
static void
block(struct doc *d, struct hearing *hs, size_t pos, size_t end)
{
	size_t last = block_text(hs, pos, end);
	const uint8_t *t = (const uint8_t *)hs->tmp.data;

	if (day_line(t, last, hs->tmp.len)) {
		/* The title block of a day of the hearing. */
		hs->heldpos = hs->heldend = 0;
		heading(d, hs, 1, last, hs->tmp.len - last);
		hs->body = hs->day = 1;
		hs->appendix = 0;
		return;
	}
	flush_held(d, hs);
	if (hs->tmp.len == 8 && (rec_word(t, 0, 8, "CONTENTS", NULL) ||
	    rec_word(t, 0, 8, "APPENDIX", NULL))) {
		heading(d, hs, 1, 0, hs->tmp.len);
		if (t[0] == 'A' || t[0] == 'a')
			hs->appendix = hs->body = 1;
		return;
	}
	if (hs->body || record_heading(&hs->tmp)) {
		hs->body = 1;
		heading(d, hs, hs->day || hs->appendix ? 2 : 1, 0, hs->tmp.len);
		return;
	}
	if (hs->tmp.len == hs->title.len && memcmp(hs->tmp.data,
	    hs->title.data, hs->title.len) == 0) {
		hs->heldpos = pos;
		hs->heldend = end;
		return;
	}
	block_lines(d, hs, pos, end);
}

/* True when the line at pos (skipping blank lines and rules) goes on
 * with a speech: text that is neither a label, a note, a heading nor the
 * end. */
static int
speech_goes_on(struct hearing *hs, size_t pos)
{
	struct hline hl;
	size_t next, ne, ts, end;

	while ((next = get_line(hs, pos, &hs->look, &hl)) > 0) {
		if (hl.s < hl.e && !court_rule(hl.p, hl.s, hl.e))
			break;
		pos = next;
	}
	if (next == 0 || hl.p[hl.s] == '[' ||
	    gpo_label(hl.p, hl.s, hl.e, &ne, &ts))
		return 0;
	return !caps_block(hs, pos, &end);
}

/* A note: "[Laughter.]" up to its "]", or a footnote "[1] text" and
 * its lines; in the turn when the speech goes on after it. The note's
 * first line is first; the lines after it start at hs->pos. */
static void
note(struct doc *d, struct hearing *hs, const struct hline *first)
{
	struct hline hl = *first;
	size_t at[12], pos = hs->pos, next;
	int n = 0, i, foot, follows;

	foot = hl.e - hl.s > 1 && hl.p[hl.s + 1] >= '0' &&
	    hl.p[hl.s + 1] <= '9';
	follows = rec_has(hl.p, hl.s, hl.e, "follows:]");
	while (n < 12 && (foot || hl.p[hl.e - 1] != ']')) {
		next = get_line(hs, pos, &hs->look, &hl);
		if (next == 0 || hl.s == hl.e || court_rule(hl.p, hl.s, hl.e) ||
		    (foot && hl.indent >= 2))
			break;
		follows |= rec_has(hl.p, hl.s, hl.e, "follows:]");
		at[n++] = pos;
		pos = next;
	}
	rec_close(d, &hs->out);
	if (follows || !speech_goes_on(hs, pos))
		build_end_turn(d);
	rec_open(d, &hs->out, REC_NOTE, REC_PROSE);
	rec_add(d, &hs->out, first->p, first->s, first->e);
	for (i = 0; i < n; i++) {
		get_line(hs, at[i], &hs->tmp, &hl);
		rec_add(d, &hs->out, hl.p, hl.s, hl.e);
	}
	rec_close(d, &hs->out);
	hs->pos = pos;
}

/* A line that is not a heading; the next line starts at hs->pos. */
static void
take(struct doc *d, struct hearing *hs, const struct hline *hl)
{
	const uint8_t *p = hl->p;
	size_t ne, ts;
	int label = hl->indent >= 2 && gpo_label(p, hl->s, hl->e, &ne, &ts);

	flush_held(d, hs);
	if (!hs->body && (label || (hl->indent >= 2 && rec_has(p, hl->s,
	    hl->e, " met, pursuant to"))))
		hs->body = 1;
	if (!hs->body) {
		/* The front matter keeps its lines. */
		if (hs->out.kind == REC_NONE || hs->blank)
			rec_open(d, &hs->out, REC_TEXT, REC_LINES);
		rec_add(d, &hs->out, p, hl->s, hl->e);
		return;
	}
	/* A paragraph starts at an indent of four; lines not indented go
	 * on with it. */
	if (hs->out.kind != REC_NONE && !hs->blank && hl->indent < 2) {
		rec_add(d, &hs->out, p, hl->s, hl->e);
		return;
	}
	if (label) {
		rec_turn(d, &hs->out, p + hl->s, ne - hl->s, ". ", REC_PROSE);
		rec_add(d, &hs->out, p, ts, hl->e);
	} else if (p[hl->s] == '[') {
		note(d, hs, hl);
	} else if (hl->indent > 5) {
		/* Lines set apart, an address: kept as lines. */
		if (hs->out.kind != REC_TEXT || hs->out.how != REC_LINES ||
		    hs->blank)
			rec_open(d, &hs->out, REC_TEXT, REC_LINES);
		rec_add(d, &hs->out, p, hl->s, hl->e);
	} else {
		rec_open(d, &hs->out, REC_TEXT, REC_PROSE);
		rec_add(d, &hs->out, p, hl->s, hl->e);
	}
}

/* True for the lines of the Printing Office's header, which are not
 * text: "[Senate Hearing 111-674]", "[From the U.S. Government Printing
 * Office]". */
static int
gpo_header(const struct hline *hl)
{
	return hl->s < hl->e && hl->p[hl->s] == '[' &&
	    hl->p[hl->e - 1] == ']' && (rec_has(hl->p, hl->s, hl->e,
	    "Hearing") || rec_has(hl->p, hl->s, hl->e, "Government Print") ||
	    rec_has(hl->p, hl->s, hl->e, "Government Publish"));
}

/* Reads at least budget more bytes of the record (0: all); 1 while
 * there is more. */
static int
hearing_some(struct doc *d, size_t budget)
{
	struct hearing *hs = d->fs;
	struct hline hl;
	size_t stop, next, end;

	stop = budget == 0 || hs->end - hs->pos < budget ? hs->end :
	    hs->pos + budget;
	while (hs->pos < stop && (next = get_line(hs, hs->pos, &hs->ln,
	    &hl)) > 0) {
		if (hl.s == hl.e || court_rule(hl.p, hl.s, hl.e) ||
		    (!hs->body && gpo_header(&hl)) || (hl.e - hl.s == 5 &&
		    memcmp(hl.p + hl.s, "<all>", 5) == 0)) {
			/* <all> ends the Printing Office's text files. */
			hs->pos = next;
			hs->blank = 1;
			continue;
		}
		if (hs->blank && caps_block(hs, hs->pos, &end) > 0) {
			if (hs->pos == hs->titlepos && hs->title.len > 0)
				rec_close(d, &hs->out);
			else
				block(d, hs, hs->pos, end);
			hs->pos = end;
			hs->blank = 1;
			continue;
		}
		hs->pos = next;
		take(d, hs, &hl);
		hs->blank = 0;
	}
	d->parsed = hs->pos;
	if (hs->pos < hs->end) {
		build_reach(d);
		return 1;
	}
	flush_held(d, hs);
	rec_close(d, &hs->out);
	return 0;
}

/* Finds the record in an HTML page: the inside of its <pre>, and the
 * page's <title> in *ts, *te. */
static void
find_record(struct hearing *hs, size_t *ts, size_t *te)
{
	const uint8_t *p = hs->in, *q;
	size_t n = hs->end, i, lim = n < 4096 ? n : 4096;

	*ts = *te = 0;
	for (i = 0; i < n && (rec_space(p[i]) || p[i] == '\n'); i++)
		;
	if (i >= n || p[i] != '<')
		return;
	for (i = 0; i + 5 <= lim; i++)
		if (p[i] == '<' && strncasecmp((const char *)p + i, "<pre",
		    4) == 0 && (p[i + 4] == '>' || p[i + 4] == ' '))
			break;
	if (i + 5 > lim)
		return;
	q = memchr(p + i, '>', n - i);
	if (q == NULL)
		return;
	hs->html = 1;
	hs->pos = (size_t)(q - p) + 1;
	if (hs->pos < n && p[hs->pos] == '\n')
		hs->pos++;
	/* The title, before the <pre>. */
	q = memmem(p, hs->pos, "<title>", 7);
	if (q != NULL) {
		*ts = (size_t)(q - p) + 7;
		q = memmem(p + *ts, hs->pos - *ts, "</title>", 8);
		*te = q != NULL ? (size_t)(q - p) : *ts;
	}
	/* The record ends at the first </pre>. */
	q = memmem(p + hs->pos, n - hs->pos, "</pre>", 6);
	if (q != NULL)
		hs->end = (size_t)(q - p);
}

/* The title: the first block in capitals of the front matter, or the
 * page's <title> [ts, te). */
static void
find_title(struct doc *d, struct hearing *hs, size_t ts, size_t te)
{
	struct build_piece bp;
	struct hline hl;
	size_t pos = hs->pos, next, end, at;
	int k, blank = 1;

	for (k = 0; k < 200 && (next = get_line(hs, pos, &hs->ln, &hl)) > 0;
	    k++) {
		if (hl.s == hl.e || court_rule(hl.p, hl.s, hl.e)) {
			blank = 1;
		} else if (gpo_header(&hl)) {
			if (d->detail == NULL)
				build_detail(d, "%.*s", (int)(hl.e - hl.s - 2),
				    (const char *)hl.p + hl.s + 1);
			blank = 1;
		} else if (blank && caps_block(hs, pos, &end) > 0) {
			block_text(hs, pos, end);
			hs->titlepos = pos;
			break;
		} else
			blank = 0;
		pos = next;
	}
	if (hs->titlepos == 0 && te > ts) {
		/* The page's title, " - TITLE", its entities decoded. */
		buf_reset(&hs->tmp);
		while (ts < te && (hs->in[ts] == ' ' || hs->in[ts] == '-'))
			ts++;
		while (ts < te) {
			size_t n = hs->in[ts] == '&' ? rec_entity(hs->in, ts,
			    te, &hs->tmp) : 0;

			if (n == 0)
				buf_addc(&hs->tmp, (char)hs->in[ts++]);
			else
				ts += n;
		}
	}
	if (hs->titlepos == 0 && hs->tmp.len == 0)
		return;
	buf_add(&hs->title, hs->tmp.data, hs->tmp.len);
	at = build_text(d, hs->tmp.data, hs->tmp.len);
	bp = build_piece(at, at + hs->tmp.len);
	build_block(d, DOC_TITLE, &bp);
	d->meta.title.start = bp.tstart;
	d->meta.title.end = bp.tend;
}

/* Starts reading: the record in the page, the title. */
static void
hearing_begin(struct doc *d)
{
	struct hearing *hs = xcalloc(1, sizeof *hs);
	size_t ts, te;

	hs->in = d->in;
	hs->end = d->inlen;
	hs->blank = 1;
	d->fs = hs;
	find_record(hs, &ts, &te);
	build_own_text(d);
	find_title(d, hs, ts, te);
	d->parsed = hs->pos;
}

/* Frees the reader's state. */
static void
hearing_end(struct doc *d)
{
	struct hearing *hs = d->fs;

	buf_free(&hs->title);
	buf_free(&hs->ln);
	buf_free(&hs->look);
	buf_free(&hs->tmp);
	free(hs);
	d->fs = NULL;
}

/*
 * Hearings from the Printing Office: its header near the top scores 95,
 * above a generic reader of HTML pages (which should give a page at most
 * 90), since the text inside the <pre> is the record. Without it, many
 * indented "Senator Levin." labels in a <pre> or beside "S. Hrg." do.
 */
static int
hearing_sniff(const uint8_t *p, size_t n, const char *ext)
{
	struct rec_line l;
	size_t pos, lim = n < 8192 ? n : 8192, ne, ts;
	int labels = 0;

	(void)ext;
	if (rec_has(p, 0, lim, "[Senate Hearing") ||
	    rec_has(p, 0, lim, "[House Hearing") ||
	    rec_has(p, 0, lim, "[Joint Hearing") ||
	    rec_has(p, 0, lim, "Government Printing Office]") ||
	    rec_has(p, 0, lim, "Government Publishing Office]"))
		return 95;
	for (pos = 0; rec_line(p, n, pos, &l); pos = l.next)
		if (l.indent >= 2 && l.indent <= 6 &&
		    gpo_label(p, l.s, l.e, &ne, &ts))
			labels++;
	if (labels >= 10 && (rec_has(p, 0, lim, "<pre") ||
	    rec_has(p, 0, lim, "S. Hrg.") || rec_has(p, 0, lim, "H. Hrg.") ||
	    rec_has(p, 0, lim, "Serial No.")))
		return 75;
	return labels >= 25 ? 60 : 0;
}

const struct format format_hearing = {
	"hearing", "hearing from the Government Printing Office "
	"(Senator Levin. text)", hearing_sniff, hearing_begin, hearing_some,
	hearing_end,
	NULL, 0
};
