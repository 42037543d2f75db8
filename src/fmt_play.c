/*
 * fmt_play.c: reads plays (the text of a stage play, as printed or as
 * Project Gutenberg has it) into the document model.
 *
 *  1. A character's name alone on its line, in capitals ("HAMLET",
 *     "KING CLAUDIUS", "HAMLET."), followed by the speech, starts a
 *     turn. A minor part in Title Case ("First Clown", "Ghost") counts
 *     when a word of it is in an "Enter ..." or "Exit ..." direction
 *     ("Enter two Clowns", "Enter Ghost"), or is "All" or "Both". So does
 *     "NAME. text" when the name labels two lines or more.
 *  2. The speech's lines are kept as lines where they are verse (most of
 *     them start with a capital letter) and joined where they are prose.
 *  3. Stage directions are paragraphs of their own, in emphasis: lines in
 *     brackets, parentheses or underscores; lines that start with
 *     "Enter", "Exit", "Exeunt" and the like, or (short ones) with
 *     "Aside", "Sings", "Within", "Dies" and the like; lines that name a
 *     character in capitals among words in lower case ("Stabs KING
 *     CLAUDIUS"); a single word right after a name. A direction between
 *     two speeches is nobody's; one inside a speech stays in its turn (as
 *     the turn's first paragraph when it comes right after the name). A
 *     direction in brackets inside a line of speech is an emphasis span.
 *  4. "ACT I", "Act 2", "Actus Primus" are sections; "SCENE II. A room
 *     in the castle." and "Scene 1" are sections inside them; "PROLOGUE"
 *     and "EPILOGUE" when no speech follows them. Three or more of these
 *     in a row are a table of contents, which keeps its lines.
 *  5. Page numbers alone, and the running heads beside them ("HAMLET -
 *     Act I"), are not text.
 *  6. A first line that is none of these, followed by "by AUTHOR" or in
 *     capitals, is the title.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/play.h"
#include "lectern/rec.h"
#include "lectern/util.h"

#define SAMPLE_SIZE	(1024 * 1024)
#define MAX_NAME	PLAY_MAX_NAME
#define LOOKAHEAD	12	/* lines looked at past a name */

enum kind {
	K_BLANK, K_FURNITURE, K_ACT, K_SCENE, K_DIRECTION, K_NAME, K_TITLED,
	K_INLINE, K_SPEECH
};

struct play {
	const uint8_t	*in;
	size_t		 pos, end;
	struct rec_shapes entered;	/* words of Enter and Exit lines */
	struct rec_shapes names;	/* words of names in capitals */
	struct rec_shapes heads;	/* lines beside page numbers */
	uint8_t		 headfirst[256];	/* their first bytes */
	struct rec_shapes inline_names;	/* "NAME. text" */
	int		 acts;		/* an act was seen */
	int		 blank;		/* a blank line came before */
	int		 after_name;	/* no speech yet since the name */
	int		 stop;		/* the last line ended a sentence */
	struct rec_out	 out;
};

/* One classified line: [s, e) of the input; a name's [ns, ne) and the
 * text after an inline name from ts. */
struct pline {
	enum kind	 kind;
	size_t		 s, e, next;
	size_t		 ns, ne, ts;
	int		 indent;
};

/* What the line at pos is; after_name: it follows a name. Returns 0 at
 * the end. */
static int
classify(const struct play *ps, size_t pos, int after_name,
    struct pline *pl)
{
	const uint8_t *p = ps->in;
	struct rec_line l;
	size_t w;

	if (!rec_line(p, ps->end, pos, &l))
		return 0;
	memset(pl, 0, sizeof *pl);
	pl->s = l.s;
	pl->e = l.e;
	pl->next = l.next;
	pl->indent = l.indent;
	if (l.s == l.e)
		pl->kind = K_BLANK;
	else if (rec_page_number(p, l.s, l.e) || (ps->headfirst[p[l.s]] &&
	    rec_shapes_count(&ps->heads, rec_shape(p, l.s, l.e)) >= 3))
		pl->kind = K_FURNITURE;
	else if (play_division(p, l.s, l.e, play_acts))
		pl->kind = K_ACT;
	else if (play_division(p, l.s, l.e, play_scenes))
		pl->kind = K_SCENE;
	else if (play_direction(&ps->names, p, l.s, l.e, after_name))
		pl->kind = K_DIRECTION;
	else if (play_caps_name(p, l.s, l.e, &pl->ns, &pl->ne))
		pl->kind = K_NAME;
	else if (!after_name && l.e - l.s <= MAX_NAME &&
	    play_title_name(p, l.s, l.e)) {
		for (w = l.e; w > l.s && p[w - 1] != ' '; w--)
			;
		pl->ns = l.s;
		pl->ne = l.e;
		pl->kind = play_first_word(p, l.s, l.e, play_crowds) ||
		    rec_shapes_count(&ps->entered,
		    play_word_hash(p, w, l.e, 0)) ||
		    rec_shapes_count(&ps->entered,
		    play_word_hash(p, w, l.e, 1)) ?
		    K_TITLED : K_SPEECH;
	} else {
		pl->kind = K_SPEECH;
		/* "HAMLET. To be, or not to be": a name used as a label. */
		if (play_caps_label(p, l.s, l.e, &w) &&
		    rec_shapes_count(&ps->inline_names,
		    rec_shape(p, l.s, w)) >= 2) {
			pl->kind = K_INLINE;
			pl->ns = l.s;
			pl->ne = w;
			for (pl->ts = w + 1; pl->ts < l.e && p[pl->ts] == ' ';
			    pl->ts++)
				;
		}
	}
	return 1;
}

/* True when a speech follows the name at pl: past blank lines, page
 * furniture and directions, a line of speech comes first. */
static int
speech_follows(const struct play *ps, const struct pline *name)
{
	struct pline pl;
	size_t pos = name->next;
	int k, after = 1, names = 0;

	for (k = 0; k < LOOKAHEAD && classify(ps, pos, after, &pl); k++) {
		if (pl.kind == K_SPEECH)
			return 1;
		/* Two names and one speech: both say it. */
		if ((pl.kind == K_NAME || pl.kind == K_TITLED) && names++ < 3) {
			pos = pl.next;
			continue;
		}
		if (pl.kind != K_BLANK && pl.kind != K_FURNITURE &&
		    pl.kind != K_DIRECTION)
			return 0;
		if (pl.kind == K_DIRECTION)
			after = 0;
		pos = pl.next;
	}
	return 0;
}

/* True when the speech goes on after the direction that ends before
 * pos: the next line that is not blank, furniture or another direction
 * is speech. */
static int
speech_goes_on(const struct play *ps, size_t pos)
{
	struct pline pl;
	int k;

	for (k = 0; k < LOOKAHEAD && classify(ps, pos, 0, &pl); k++) {
		if (pl.kind == K_SPEECH)
			return 1;
		if (pl.kind == K_TITLED)
			return !speech_follows(ps, &pl);
		/* "Exit REYNALDO", "Enter OPHELIA", and he speaks on. */
		if (pl.kind != K_BLANK && pl.kind != K_FURNITURE &&
		    pl.kind != K_DIRECTION)
			return 0;
		pos = pl.next;
	}
	return 0;
}

/* Adds a line of speech: a direction in brackets inside it is in
 * emphasis, without its underscores. */
static void
speech_line(struct doc *d, struct play *ps, size_t s, size_t e)
{
	const uint8_t *p = ps->in, *b, *c;
	size_t i = s, k;

	rec_para_sep(d, &ps->out.pa, p, s, e, ps->out.how);
	while (i < e) {
		b = memchr(p + i, '[', e - i);
		c = b == NULL ? NULL : memchr(b, ']', (size_t)(p + e - b));
		if (c == NULL) {
			build_text(d, p + i, e - i);
			break;
		}
		build_text(d, p + i, (size_t)(b - p) - i);
		build_style(d, DOC_SPAN_EMPH);
		for (k = (size_t)(b - p); k <= (size_t)(c - p); k++)
			if (p[k] != '_')
				build_text(d, p + k, 1);
		build_style(d, 0);
		i = (size_t)(c - p) + 1;
	}
	ps->stop = e > s && strchr(".?!", p[e - 1]) != NULL && p[e - 1];
}

/* True when a turn is open. */
static int
in_turn(const struct doc *d, const struct play *ps)
{
	return ps->out.kind == REC_TURN || build_turn_speaker(d) >= 0;
}

/* A line of speech, or of description outside any turn. */
static void
speech(struct doc *d, struct play *ps, const struct pline *pl)
{
	if (!in_turn(d, ps)) {
		if (ps->out.kind != REC_NOTE || ps->blank)
			rec_open(d, &ps->out, REC_NOTE, REC_PROSE);
		rec_add(d, &ps->out, ps->in, pl->s, pl->e);
		return;
	}
	if (!ps->after_name && !((ps->out.kind == REC_TURN ||
	    ps->out.kind == REC_TEXT) && !(ps->blank && ps->stop)))
		rec_open(d, &ps->out, REC_TEXT, REC_VERSE);
	speech_line(d, ps, pl->s, pl->e);
	ps->after_name = 0;
}

/* Adds a line of a direction, without its underscores (italics). */
static void
note_line(struct doc *d, struct play *ps, size_t s, size_t e)
{
	const uint8_t *p = ps->in;
	size_t i, k;

	rec_para_sep(d, &ps->out.pa, p, s, e, ps->out.how);
	for (i = s; i < e; i = k + 1) {
		for (k = i; k < e && p[k] != '_'; k++)
			;
		build_text(d, p + i, k - i);
	}
}

/* True when the line pl goes on with the direction that starts at
 * first: up to its bracket's end, or indented as it is. */
static int
goes_on(const struct play *ps, const struct pline *first, size_t last_e,
    const struct pline *pl)
{
	const uint8_t *p = ps->in;
	uint8_t open = p[first->s];

	if (pl->kind == K_BLANK)
		return 0;
	if (open == '[' || open == '(')
		return p[last_e - 1] != (open == '[' ? ']' : ')');
	return first->indent > 0 && pl->indent == first->indent &&
	    (pl->kind == K_SPEECH || pl->kind == K_DIRECTION);
}

/* A stage direction (and the lines that go on with it): in the turn
 * when the speech goes on after it. */
static void
stage(struct doc *d, struct play *ps, const struct pline *first)
{
	struct pline pl;
	size_t ls[8], le[8];
	int n = 0, i;

	ls[n] = first->s;
	le[n++] = first->e;
	while (n < 8 && classify(ps, ps->pos, 0, &pl) &&
	    goes_on(ps, first, le[n - 1], &pl)) {
		ls[n] = pl.s;
		le[n++] = pl.e;
		ps->pos = pl.next;
	}
	if (ps->after_name) {
		/* Right after the name: the turn's first paragraph. */
		build_style(d, DOC_SPAN_EMPH);
		for (i = 0; i < n; i++)
			note_line(d, ps, ls[i], le[i]);
		rec_close(d, &ps->out);
		ps->after_name = 0;
		return;
	}
	rec_close(d, &ps->out);
	if (!speech_goes_on(ps, ps->pos))
		build_end_turn(d);
	rec_open(d, &ps->out, REC_NOTE, REC_PROSE);
	for (i = 0; i < n; i++)
		note_line(d, ps, ls[i], le[i]);
	rec_close(d, &ps->out);
}

/* Starts a turn of the character named [ns, ne). */
static void
name(struct doc *d, struct play *ps, size_t ns, size_t ne)
{
	rec_turn(d, &ps->out, ps->in + ns, ne - ns, "\n", REC_VERSE);
	ps->after_name = 1;
	ps->stop = 0;
}

/* Writes [s, e) as a heading of level. */
static void
heading(struct doc *d, struct play *ps, int level, size_t s, size_t e)
{
	struct build_piece bp;
	size_t at;

	rec_close(d, &ps->out);
	while (e > s && (rec_space(ps->in[e - 1])))
		e--;
	rec_gap(d);
	at = build_text(d, ps->in + s, e - s);
	bp = build_piece(at, at + (e - s));
	build_heading(d, level, &bp);
	ps->after_name = 0;
}

/* An act or a scene; three or more in a row are a table of contents. */
static void
division_line(struct doc *d, struct play *ps, const struct pline *first)
{
	const uint8_t *p = ps->in;
	struct pline pl;
	size_t pos = first->next, end = first->next, i;
	int run = 1, k;

	for (k = 0; k < 400 && classify(ps, pos, 0, &pl); k++) {
		if (pl.kind == K_ACT || pl.kind == K_SCENE) {
			run++;
			end = pl.next;
		} else if (pl.kind != K_BLANK)
			break;
		pos = pl.next;
	}
	if (run >= 3) {
		rec_close(d, &ps->out);
		build_end_turn(d);
		rec_open(d, &ps->out, REC_TEXT, REC_LINES);
		rec_add(d, &ps->out, p, first->s, first->e);
		for (pos = first->next; pos < end && classify(ps, pos, 0, &pl);
		    pos = pl.next)
			if (pl.kind != K_BLANK)
				rec_add(d, &ps->out, p, pl.s, pl.e);
		rec_close(d, &ps->out);
		ps->pos = end;
		return;
	}
	if (first->kind == K_SCENE) {
		heading(d, ps, ps->acts ? 2 : 1, first->s, first->e);
		return;
	}
	/* "ACT I. SCENE 1. Elsinore.": the act, then the scene. */
	ps->acts = 1;
	for (i = first->s + 1; i < first->e; i++)
		if (p[i - 1] == ' ' && play_division(p, i, first->e,
		    play_scenes))
			break;
	heading(d, ps, 1, first->s, i);
	if (i < first->e)
		heading(d, ps, 2, i, first->e);
}

/* Reads at least budget more bytes (0: all); 1 while there is more. */
static int
play_some(struct doc *d, size_t budget)
{
	struct play *ps = d->fs;
	struct pline pl;
	size_t stop;

	stop = budget == 0 || ps->end - ps->pos < budget ? ps->end :
	    ps->pos + budget;
	while (ps->pos < stop && classify(ps, ps->pos, ps->after_name, &pl)) {
		ps->pos = pl.next;
		switch (pl.kind) {
		case K_BLANK:
			ps->blank = 1;
			continue;
		case K_FURNITURE:
			continue;
		case K_ACT:
		case K_SCENE:
			division_line(d, ps, &pl);
			break;
		case K_DIRECTION:
			stage(d, ps, &pl);
			break;
		case K_INLINE:
			name(d, ps, pl.ns, pl.ne);
			speech_line(d, ps, pl.ts, pl.e);
			ps->after_name = 0;
			break;
		case K_NAME:
		case K_TITLED:
			if (speech_follows(ps, &pl)) {
				name(d, ps, pl.ns, pl.ne);
				break;
			}
			if (pl.kind == K_NAME) {
				if (play_first_word(ps->in, pl.s, pl.e,
				    play_parts))
					heading(d, ps, 1, pl.s, pl.e);
				else
					stage(d, ps, &pl);
				break;
			}
			/* FALLTHROUGH */
		case K_SPEECH:
			speech(d, ps, &pl);
			break;
		}
		ps->blank = 0;
	}
	d->parsed = ps->pos;
	if (ps->pos < ps->end) {
		build_reach(d);
		return 1;
	}
	rec_close(d, &ps->out);
	return 0;
}

/* Looks at the first megabyte: the words of "Enter" lines and of names
 * in capitals, the lines beside page numbers, "NAME. text" labels. */
static void
prescan(struct play *ps)
{
	const uint8_t *p = ps->in;
	size_t lim = ps->end < SAMPLE_SIZE ? ps->end : SAMPLE_SIZE;
	size_t pos, s, ns, ne, w, ps0 = 0, pe0 = 0;
	struct rec_line l, nx;
	int k;

	for (pos = 0; pos < lim && rec_line(p, ps->end, pos, &l);
	    pos = l.next) {
		if (l.s == l.e)
			continue;
		s = l.s;
		while (s < l.e && (p[s] == '[' || p[s] == '(' || p[s] == '_'))
			s++;
		if (play_first_word(p, s, l.e, play_strong))
			play_add_words(&ps->entered, p, s, l.e);
		if (play_caps_name(p, l.s, l.e, &ns, &ne) &&
		    !play_division(p, l.s, l.e, play_acts) &&
		    !play_division(p, l.s, l.e, play_scenes))
			play_add_words(&ps->names, p, ns, ne);
		if (play_caps_label(p, l.s, l.e, &w))
			rec_shapes_add(&ps->inline_names, rec_shape(p, l.s, w));
		if (rec_page_number(p, l.s, l.e)) {
			/* The lines before and after a page number that are
			 * not names may be running heads. */
			if (pe0 > ps0) {
				rec_shapes_add(&ps->heads,
				    rec_shape(p, ps0, pe0));
				ps->headfirst[p[ps0]] = 1;
			}
			for (nx.next = l.next, k = 0; k < 3 &&
			    rec_line(p, ps->end, nx.next, &nx); k++)
				if (nx.s < nx.e) {
					if (play_head_like(p, nx.s, nx.e)) {
						rec_shapes_add(&ps->heads,
						    rec_shape(p, nx.s, nx.e));
						ps->headfirst[p[nx.s]] = 1;
					}
					break;
				}
			ps0 = pe0 = 0;
			continue;
		}
		if (!play_head_like(p, l.s, l.e)) {
			ps0 = pe0 = 0;
		} else {
			ps0 = l.s;
			pe0 = l.e;
		}
	}
}

/* The title: a first line that is not a name, an act or a direction,
 * in capitals or followed by "by AUTHOR" (the byline). Returns where
 * reading goes on. */
static size_t
title(struct doc *d, struct play *ps)
{
	const uint8_t *p = ps->in;
	struct build_piece bp;
	struct pline pl, by;
	size_t pos = 0, at;

	do {
		if (!classify(ps, pos, 0, &pl))
			return 0;
		pos = pl.next;
	} while (pl.kind == K_BLANK);
	if ((pl.kind != K_SPEECH && pl.kind != K_NAME) || pl.e - pl.s > 100)
		return 0;
	do {
		if (!classify(ps, pos, 0, &by)) {
			memset(&by, 0, sizeof by);
			by.next = ps->end;
			break;
		}
		pos = by.next;
	} while (by.kind == K_BLANK);
	if (!rec_word(p, by.s, by.e, "by", NULL) && (pl.kind == K_NAME ||
	    !rec_caps(p, pl.s, pl.e)))
		return 0;
	at = build_text(d, p + pl.s, pl.e - pl.s);
	bp = build_piece(at, build_len(d));
	build_block(d, DOC_TITLE, &bp);
	d->meta.title.start = bp.tstart;
	d->meta.title.end = bp.tend;
	if (!rec_word(p, by.s, by.e, "by", NULL))
		return pl.next;
	rec_gap(d);
	at = build_text(d, p + by.s, by.e - by.s);
	bp = build_piece(at, build_len(d));
	build_block(d, DOC_BYLINE, &bp);
	for (at += 3; at < bp.tend && d->src[at] == ' '; at++)
		;
	d->meta.author.start = at;
	d->meta.author.end = bp.tend;
	return by.next;
}

/* Starts reading: a sample of the names and directions, the title. */
static void
play_begin(struct doc *d)
{
	struct play *ps = xcalloc(1, sizeof *ps);

	ps->in = d->in;
	ps->end = d->inlen;
	ps->blank = 1;
	d->fs = ps;
	prescan(ps);
	build_own_text(d);
	ps->pos = title(d, ps);
	d->parsed = ps->pos;
}

/* Frees the reader's state. */
static void
play_end(struct doc *d)
{
	free(d->fs);
	d->fs = NULL;
}

/* Plays: many names in capitals alone on their lines with the speech
 * under them, and play_acts, play_scenes or "Enter" directions. */
static int
play_sniff(const uint8_t *p, size_t n, const char *ext)
{
	struct rec_shapes *seen = xcalloc(1, sizeof *seen);
	struct rec_line l, nx;
	size_t pos, ns, ne, w;
	int names = 0, distinct = 0, divisions = 0, enters = 0, score = 0;
	int labels = 0, labelled = 0;

	(void)ext;
	for (pos = 0; rec_line(p, n, pos, &l); pos = l.next) {
		if (l.s == l.e)
			continue;
		if (play_division(p, l.s, l.e, play_acts) ||
		    play_division(p, l.s, l.e, play_scenes))
			divisions++;
		else if (play_first_word(p, l.s + (p[l.s] == '['), l.e,
		    play_strong))
			enters++;
		else if (play_caps_label(p, l.s, l.e, &w)) {
			/* "ALGERNON. Did you hear what I was playing?" */
			labels++;
			if (rec_shapes_count(seen, rec_shape(p, l.s, w)) == 0)
				labelled++;
			rec_shapes_add(seen, rec_shape(p, l.s, w));
		} else if (play_caps_name(p, l.s, l.e, &ns, &ne) &&
		    rec_line(p, n, l.next, &nx) && (nx.s == nx.e ||
		    !rec_caps(p, nx.s, nx.e))) {
			names++;
			if (rec_shapes_count(seen, rec_shape(p, ns, ne)) == 0)
				distinct++;
			rec_shapes_add(seen, rec_shape(p, ns, ne));
		}
	}
	free(seen);
	if (distinct >= 2 && ((names >= 10 && (divisions > 0 ||
	    enters >= 2)) || (names >= 4 && divisions > 0 && enters > 0)))
		score = 70;
	else if (names >= 30 && distinct >= 3)
		score = 55;
	else if (labels >= 6 && labelled >= 2 && (divisions > 0 || enters > 0))
		score = 65;
	return score;
}

const struct format format_play = {
	"play", "play (a name in capitals alone on its line, then the speech)",
	play_sniff, play_begin, play_some, play_end,
	NULL, 0
};
