/*
 * plain_lines.c: what each line of a plain-text transcript is (a heading,
 * a bullet, a speaker's label, a credit, a timed segment...), and the
 * sample that chooses the reading modes. The rules are listed at the top
 * of fmt_plain.c; speaker labels are read by speech.c, and this file
 * holds the plain reader's policy on them (a one-word name counts when it
 * labels two lines; a label whose text is only names is a credit).
 */
#include <string.h>

#include <unictype.h>

#include "lectern/doc.h"
#include "lectern/lexicon.h"
#include "lectern/plain.h"
#include "lectern/speech.h"
#include "lectern/util.h"

#define SAMPLE_SIZE	(256 * 1024)
#define MAX_NAMES	256

/* Finds the end of the physical line at pos (the newline or the end). */
size_t
plain_line_end(const struct doc *d, size_t pos)
{
	const uint8_t *nl;

	nl = memchr(d->in + pos, '\n', d->inlen - pos);
	return nl == NULL ? d->inlen : (size_t)(nl - d->in);
}

/* The same as plain_next_physical, and whether blank lines (or the start
 * of the text) come before the line found. */
static int
next_line(const struct doc *d, size_t pos, size_t *s, size_t *e,
    size_t *next, int *blank)
{
	*blank = pos == 0;
	while (pos < d->inlen) {
		size_t le = plain_line_end(d, pos);

		*s = pos;
		*e = le;
		lex_trim(d->in, s, e);
		*next = le < d->inlen ? le + 1 : le;
		if (*e > *s)
			return 1;
		*blank = 1;
		pos = *next;
	}
	return 0;
}

/* Skips blank lines from pos to the next line; 0 at the end. */
int
plain_next_physical(const struct doc *d, size_t pos, size_t *s, size_t *e,
    size_t *next)
{
	int blank;

	return next_line(d, pos, s, e, next, &blank);
}

/* True when the line at pos is not blank. */
static int
line_filled(const struct doc *d, size_t pos)
{
	while (pos < d->inlen && d->in[pos] != '\n') {
		if (!lex_hspace(d->in[pos]))
			return 1;
		pos++;
	}
	return 0;
}

/* The sample's record of the name [s, e), or NULL. */
const struct plain_name *
plain_name(const struct plain_state *ps, const struct doc *d, size_t s,
    size_t e)
{
	size_t i;

	for (i = 0; i < ps->nnames; i++)
		if (ps->names[i].len == e - s &&
		    memcmp(d->in + ps->names[i].start, d->in + s, e - s) == 0)
			return &ps->names[i];
	return NULL;
}

/* True when the one-word name [s, e) labels two lines of the sample. */
static int
single_known(const struct plain_state *ps, const struct doc *d, size_t s,
    size_t e)
{
	const struct plain_name *n = plain_name(ps, d, s, e);

	return n != NULL && n->count >= 2;
}

/* True when [s, e) names a speaker who has had a turn already. */
int
plain_is_speaker(const struct doc *d, size_t s, size_t e)
{
	size_t i;

	for (i = 0; i < d->nspeakers; i++)
		if (strlen(d->speakers[i].name) == e - s &&
		    memcmp(d->speakers[i].name, d->in + s, e - s) == 0)
			return 1;
	return 0;
}

/*
 * Reads a speaker label, a credit or a time at the start of [s, e) into
 * pl and returns its kind, or L_PLAIN (perhaps with a time taken off its
 * end). With counting set, one-word names are accepted (the sample pass
 * counts them).
 */
static enum line_kind
find_label(struct plain_state *ps, const struct doc *d, size_t s, size_t e,
    struct pline *pl, int counting)
{
	struct speech sp;
	enum speech_kind k = speech_read(d->in, s, e, 0, &sp);
	enum line_kind kind;
	size_t te;
	uint32_t ms;

	switch (k) {
	case SPEECH_MORE:
		pl->tstart = sp.ts;
		pl->time = sp.time;
		return L_MORE;
	case SPEECH_NONE:
		pl->tstart = sp.ts;
		pl->tend = sp.te;
		pl->time = sp.time;
		if (sp.flags & SPEECH_LEAD)
			return sp.ts < sp.te ? L_SEGMENT : L_TIME;
		return L_PLAIN;
	case SPEECH_CREDIT:
		kind = L_CREDIT;
		break;
	default:
		/* A name with a time of its own is a label: "Tailor  2:26". */
		if (sp.words > 1 || (sp.flags & (SPEECH_ID | SPEECH_BOLD)) ||
		    (sp.time != DOC_NO_TIME && !(sp.flags & SPEECH_LEAD)) ||
		    counting || single_known(ps, d, sp.ns, sp.ne)) {
			if (k == SPEECH_TURN && (sp.flags & SPEECH_LEAD))
				kind = L_SEGMENT;
			else if (k == SPEECH_TURN && (sp.flags & (SPEECH_NAMES |
			    SPEECH_VALUE)) && !plain_is_speaker(d, sp.ns, sp.ne))
				kind = L_CREDIT;
			else
				kind = k == SPEECH_TURN ? L_TURN : L_LABEL;
		} else if (k == SPEECH_TURN && (sp.flags & SPEECH_ROLE) &&
		    (sp.flags & SPEECH_NAMES) && !(sp.flags & SPEECH_BOLD) &&
		    sp.time == DOC_NO_TIME) {
			kind = L_CREDIT;
		} else {
			/* A one-word label seen once is text; a time at its
			 * end, or at its start, is the line's. */
			if (sp.flags & SPEECH_LEAD) {
				pl->tstart = lex_stamp(d->in, s, e, &ms);
				while (pl->tstart < e &&
				    lex_hspace(d->in[pl->tstart]))
					pl->tstart++;
				pl->time = sp.time;
				return L_SEGMENT;
			}
			if (lex_end_stamp(d->in, s, e, &te, &ms)) {
				pl->tend = te;
				pl->time = ms;
			}
			return L_PLAIN;
		}
		break;
	}
	pl->lstart = sp.ns;
	pl->lend = sp.ne;
	pl->tstart = sp.ts;
	pl->tend = sp.te;
	pl->time = sp.time;
	return kind;
}

/* True when [s, e) is a rule: "---", "***", "* * *", "___". */
static int
is_rule(const uint8_t *in, size_t s, size_t e)
{
	size_t i;
	int n = 0;

	if (in[s] != '-' && in[s] != '*' && in[s] != '_')
		return 0;
	for (i = s; i < e; i++)
		if (in[i] == in[s])
			n++;
		else if (!lex_hspace(in[i]))
			return 0;
	return n >= 3;
}

/* Reads a bullet at [s, e) into pl (raw is where its line starts, for
 * the depth). Returns 1 when it is one. */
static int
read_bullet(const uint8_t *in, size_t raw, size_t s, size_t e,
    struct pline *pl)
{
	size_t m = s, ind = 0, i;
	int len;
	uint32_t uc = lex_char_at(in + s, e - s, &len);

	for (i = raw; i < s; i++)
		ind += in[i] == '\t' ? 4 : 1;
	if (uc == '-' || uc == '*' || uc == '+' || uc == 0x2022 ||
	    uc == 0x2013 || uc == 0x2014) {
		m = s + (size_t)len;
		pl->dash = uc != '*' && uc != '+' && uc != 0x2022;
	} else if (uc_is_digit(uc)) {
		for (m = s; m < e && m - s < 3 && in[m] >= '0' &&
		    in[m] <= '9'; m++)
			;
		if (m < e && (in[m] == '.' || in[m] == ')')) {
			pl->lstart = s;
			pl->lend = ++m;
		} else {
			m = s;
		}
	}
	if (m > s && m < e && in[m] == ' ') {
		while (m < e && lex_hspace(in[m]))
			m++;
		pl->tstart = m;
		pl->level = 1 + (int)(ind / 2);
		if (pl->level > 4)
			pl->level = 4;
		return 1;
	}
	pl->lstart = pl->lend = s;
	pl->dash = 0;
	return 0;
}

/* Classifies one physical line [s, e) (trimmed). */
static int
classify(struct plain_state *ps, const struct doc *d, size_t s, size_t e,
    struct pline *pl)
{
	const uint8_t *in = d->in, *at;
	size_t raw = s, te;
	uint32_t ms;
	int n;

	memset(pl, 0, sizeof *pl);
	pl->start = s;
	pl->end = e;
	pl->tstart = s;
	pl->tend = e;
	pl->lstart = pl->lend = s;
	pl->time = DOC_NO_TIME;
	/* The raw line start, for indentation. */
	while (raw > 0 && in[raw - 1] != '\n')
		raw--;

	if (in[s] == '#') {
		for (n = 0; s + n < e && in[s + n] == '#'; n++)
			;
		if (n <= 6 && s + n < e && in[s + n] == ' ') {
			size_t ts = s + n, a;

			te = e;
			/* Drops a trailing anchor: <a name="x"></a> */
			if (te - ts > 4 && memcmp(in + te - 4, "</a>", 4) == 0)
				for (a = te - 4; a > ts; a--)
					if (memcmp(in + a, "<a ", 3) == 0) {
						te = a;
						break;
					}
			lex_trim(in, &ts, &te);
			if (lex_end_stamp(in, ts, te, &te, &ms))
				pl->time = ms;
			pl->tstart = ts;
			pl->tend = te;
			pl->level = n;
			return pl->kind = L_MDHEAD;
		}
	}
	if (is_rule(in, s, e))
		return pl->kind = L_SKIP;
	/* A byline, at the top or under each episode's title in an
	 * archive: "By NAME @ DATE" with a date after the @. */
	if (e - s > 5 && memcmp(in + s, "By ", 3) == 0 &&
	    (at = memmem(in + s, e - s, " @ ", 3)) != NULL &&
	    at + 3 < in + e && at[3] >= '0' && at[3] <= '9')
		return pl->kind = L_BYLINE;
	if (e - s > 22 && memcmp(in + s, "This is a linkpost to ", 22) == 0) {
		pl->tstart = s + 22;
		return pl->kind = L_LINK;
	}
	/* Chapter: (00:00:00) - Title */
	if (lex_chapter(in, s, e, &pl->tstart, &ms)) {
		pl->time = ms;
		return pl->kind = L_CHAPTER;
	}
	if (read_bullet(in, raw, s, e, pl))
		return pl->kind = L_BULLET;
	return pl->kind = find_label(ps, d, s, e, pl, 0);
}

/* The length of the first word of [s, e). */
static size_t
first_word(const uint8_t *in, size_t s, size_t e)
{
	size_t i;

	for (i = s; i < e && in[i] != ' ' && in[i] != '\t'; i++)
		;
	return i - s;
}

/* Reads the logical line at pos into pl; 0 at the end. */
int
plain_read(struct plain_state *ps, const struct doc *d, size_t pos,
    struct pline *pl)
{
	size_t s, e, next, prevlen;
	int blank;

	/* The line after the one being read is read ahead, often twice;
	 * what it is depends on the speakers so far. */
	if (ps->ahead_pos == pos + 1 && ps->ahead_speakers == d->nspeakers) {
		*pl = ps->ahead;
		return 1;
	}
	if (!next_line(d, pos, &s, &e, &next, &blank))
		return 0;
	classify(ps, d, s, e, pl);
	pl->next = next;
	pl->para = blank;
	if (ps->wrapped && pl->kind != L_MDHEAD && pl->kind != L_SKIP &&
	    pl->kind != L_CHAPTER && pl->kind != L_LABEL &&
	    pl->kind != L_TIME) {
		prevlen = e - s;
		while (next < d->inlen && d->in[next] != '\n') {
			size_t le = plain_line_end(d, next), ns = next, ne = le;
			struct pline peek;

			lex_trim(d->in, &ns, &ne);
			/* A short line ends its paragraph, and so does one
			 * the next word would have fitted on: verse. */
			if (ne == ns || prevlen * 2 < ps->wrapwidth ||
			    (prevlen + 1 + first_word(d->in, ns, ne)) * 4 <
			    ps->wrapwidth * 3)
				break;
			classify(ps, d, ns, ne, &peek);
			if (peek.kind != L_PLAIN || peek.time != DOC_NO_TIME)
				break;
			pl->end = pl->tend = ne;
			prevlen = ne - ns;
			next = le < d->inlen ? le + 1 : le;
		}
		pl->next = next;
	}
	pl->direct = next < d->inlen && line_filled(d, next);
	ps->ahead = *pl;
	ps->ahead_pos = pos + 1;
	ps->ahead_speakers = d->nspeakers;
	return 1;
}

/* Counts a label of the sample: its name, and whether its line asks. */
static void
count_name(struct plain_state *ps, const struct doc *d,
    const struct pline *pl)
{
	struct plain_name *n;
	size_t i;

	if (pl->lend <= pl->lstart)
		return;
	n = (struct plain_name *)plain_name(ps, d, pl->lstart, pl->lend);
	if (n == NULL) {
		if (ps->nnames >= MAX_NAMES)
			return;
		i = ps->nnames++;
		UTIL_GROW(ps->names, ps->capnames, ps->nnames);
		n = &ps->names[i];
		n->start = pl->lstart;
		n->len = pl->lend - pl->lstart;
		n->count = n->questions = 0;
	}
	n->count++;
	if (pl->tend > pl->tstart &&
	    lex_last_char(d->in + pl->tstart, pl->tend - pl->tstart) == '?')
		n->questions++;
}

/* Looks at a sample of the document from pos to choose the modes. */
void
plain_prescan(struct plain_state *ps, const struct doc *d, size_t pos)
{
	size_t lim = d->inlen - pos > SAMPLE_SIZE ? pos + SAMPLE_SIZE :
	    d->inlen;
	size_t nonblank = 0, blank = 0, shortl = 0, pairs = 0, segs = 0, i;
	size_t widths[121] = { 0 };
	int prevblank = 1, minmd = 7, nmd = 0, first = 1, hashfirst = 0;
	enum line_kind kind;
	size_t s, e;

	while (pos < lim) {
		size_t le = plain_line_end(d, pos);
		struct pline pl;

		s = pos;
		e = le;
		lex_trim(d->in, &s, &e);
		pos = le < d->inlen ? le + 1 : le;
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
		memset(&pl, 0, sizeof pl);
		if (d->in[s] == '#') {
			classify(ps, d, s, e, &pl);
			if (pl.kind == L_MDHEAD) {
				/* After a first "# Title", "#" lines are
				 * the titles of episodes, not sections. */
				if (first && pl.level == 1)
					hashfirst = 1;
				else if (!(hashfirst && pl.level == 1)) {
					nmd++;
					if (pl.level < minmd)
						minmd = pl.level;
				}
			}
		} else if ((kind = find_label(ps, d, s, e, &pl, 1)) == L_TURN ||
		    kind == L_LABEL || kind == L_SEGMENT || kind == L_TIME) {
			if (kind == L_SEGMENT || kind == L_TIME)
				segs++;
			count_name(ps, d, &pl);
		}
		first = 0;
	}
	if (nmd >= 2) {
		ps->mdheads = 1;
		ps->mdshift = minmd - 1;
	}
	if (segs >= 3 && segs * 2 >= nonblank)
		ps->own = 1;
	if (!ps->own && nonblank >= 4 && blank * 10 >= nonblank &&
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
	if (!ps->own && !ps->wrapped && nonblank >= 8 &&
	    blank * 2 >= nonblank && pairs * 5 <= nonblank)
		ps->spaced = 1;
}
