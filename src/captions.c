/*
 * captions.c: reads WebVTT and SubRip captions into the document model.
 *
 * The input is a list of cues, each a timing line ("00:00:01.000 -->
 * 00:00:04.000", with "," before the milliseconds in SubRip) and lines
 * of text, perhaps after a cue number or identifier. A WebVTT header and
 * its NOTE, STYLE and REGION blocks are not text; nor are cue settings.
 * The text of a cue is made readable (cuetext.c), and cues are joined
 * into paragraphs: a paragraph ends at a change of speaker, at a long
 * pause, at the end of a sentence once it is long enough, or, where the
 * captions have no punctuation, at a pause or a length. Each paragraph
 * carries the start time of its first cue. Cues are read in file order,
 * whatever their times.
 *
 * Speakers: a <v Name> voice, a "Name:" label at the start of a line
 * (Zoom, Teams, subtitles for the deaf: "MONICA:", "[Alba]"), ">>" or a
 * "- " line for a change of speaker whose name is not given. Where most
 * cues carry a label, a cue without one continues the speaker; where
 * few do (subtitles name a speaker only now and then), it continues the
 * speaker only when their sentence goes on.
 *
 * Rolling captions (YouTube's automatic ones) show each line in two
 * cues and add 10 ms cues that repeat the last: the lines a cue repeats
 * from the cue before it are read once.
 *
 * The document's text is built here: "Name: " before a turn's first
 * paragraph, paragraphs separated by blank lines.
 */
#include <stdlib.h>
#include <string.h>

#include "lectern/build.h"
#include "lectern/captions.h"
#include "lectern/cues.h"
#include "lectern/cuelabel.h"
#include "lectern/cuetext.h"
#include "lectern/doc.h"
#include "lectern/lexicon.h"
#include "lectern/util.h"

#define SAMPLE_SIZE	(64 * 1024)	/* bytes looked at to learn the file */
#define MAX_NAMES	256		/* label names counted */
#define BLIP_MS		50		/* a cue this short adds nothing new */
#define SPEECH_MS	400		/* a word said after its inline time */
#define LONG_PAUSE_MS	3000		/* a pause that ends a paragraph */
#define PAUSE_MS	1200		/* one that ends a long enough one */
#define PAUSE_SIZE	150		/* bytes of text (some 25 words) */
#define BARE_PAUSE_MS	600		/* the same without punctuation */
#define SOFT_SIZE	300		/* a sentence's end ends a paragraph */
#define HARD_SIZE	900		/* a paragraph ends at the next cue */
#define BARE_SIZE	600		/* the same without punctuation */
#define BARE_STOPS	400		/* bytes to a sentence's end, at most */
#define MAX_ROLL	4		/* lines a rolling cue repeats */
#define PREFETCH	1024		/* bytes read ahead of the cue */

/* A label seen, and how often. */
struct namecount {
	char		*name;
	size_t		 len;
	int		 count;
};

struct caps {
	enum captions_kind kind;
	size_t		 pos;		/* input offset of the next cue */
	int		 dense;		/* most cues carry a speaker */
	int		 rolling;	/* cues repeat the lines before them */
	int		 bare;		/* no punctuation to end sentences */
	struct namecount names[MAX_NAMES];
	size_t		 nnames;
	size_t		 sampled;	/* the labels up to here are counted */

	struct cuetext	 cue, prev;	/* this cue's lines, the last one's */
	int		 prev_plain;	/* prev is the input's [prev_ts,
					   prev_te) as it is, not read yet */
	size_t		 prev_ts, prev_te;

	/* The cue being written. */
	size_t		 cue_at;	/* its text in the input */
	uint32_t	 cue_time;
	uint32_t	 pause;		/* before it, in ms */
	int		 fresh;		/* nothing of it written yet */
	int		 wrote;		/* some of it was written */

	/* The paragraph being written, and the last text written. */
	int		 open;
	int		 turn;		/* it starts its speaker's turn */
	int		 pspeaker;
	size_t		 pstart, lstart, lend, tstart;
	uint32_t	 ptime;
	size_t		 size;		/* bytes of its text (words and
					   scripts without spaces alike) */
	size_t		 tail_start, tail;	/* its paragraph's text, to its end */
	int		 gap;		/* a space before the next text */
	uint32_t	 last_end;	/* when the last words said ended */

	/* Who speaks. */
	int		 speaking;	/* a named speaker's turn is on */
	int		 newturn;	/* their turn starts at the next text */
	struct buf	 who;

	size_t		 ncues, nrepeats;
};

/* Makes the cue's text readable into cs->cue. */
static void
read_text(struct caps *cs, const uint8_t *in, const struct cues_cue *c)
{
	cuetext_reset(&cs->cue);
	cuetext_add_lines(&cs->cue, in + c->ts, c->te - c->ts);
}

/* True when line i of this cue is line j of the last one. */
static int
same_line(const struct caps *cs, size_t i, size_t j)
{
	const struct cuetext_line *a = &cs->cue.lines[i];
	const struct cuetext_line *b = &cs->prev.lines[j];

	return a->e - a->s == b->e - b->s && memcmp(cs->cue.text.data + a->s,
	    cs->prev.text.data + b->s, a->e - a->s) == 0;
}

/* The first non-empty line at or after i, or nlines. */
static size_t
skip_empty(const struct cuetext_line *l, size_t n, size_t i)
{
	while (i < n && l[i].e == l[i].s)
		i++;
	return i;
}

/* The indexes of up to MAX_ROLL non-empty lines of l: the first ones,
 * or with last, the last ones. Returns how many. */
static size_t
nonempty(const struct cuetext_line *l, size_t n, int last, size_t *idx)
{
	size_t i, k = 0;

	if (!last) {
		for (i = 0; i < n && k < MAX_ROLL; i++)
			if (l[i].e > l[i].s)
				idx[k++] = i;
		return k;
	}
	for (i = n; i > 0 && k < MAX_ROLL; i--)
		if (l[i - 1].e > l[i - 1].s)
			k++;
	for (k = 0; i < n; i++)
		if (l[i].e > l[i].s)
			idx[k++] = i;
	return k;
}

/* The offset in the cue's text where what the last cue did not show
 * starts: past the lines it repeats (rolling captions), or past the
 * last line when it grows word by word. */
static size_t
new_text(struct caps *cs, int roll)
{
	size_t c[MAX_ROLL], p[MAX_ROLL], nc, np, k, j, len;
	const struct cuetext_line *pl, *cl;

	nc = nonempty(cs->cue.lines, cs->cue.nlines, 0, c);
	if (nc == 0)
		return cs->cue.text.len;
	np = roll ? nonempty(cs->prev.lines, cs->prev.nlines, 1, p) : 0;
	/* The most lines that end the last cue and start this one. */
	for (k = np < nc ? np : nc; k > 0; k--) {
		for (j = 0; j < k && same_line(cs, c[j], p[np - k + j]); j++)
			;
		if (j == k && k < nc)
			return cs->cue.lines[c[k]].s;
		if (j == k)
			return cs->cue.text.len;
	}
	if (np == 0)
		return cs->cue.lines[c[0]].s;
	/* "hello" then "hello world": the words that were not there. */
	pl = &cs->prev.lines[p[np - 1]];
	cl = &cs->cue.lines[c[0]];
	len = pl->e - pl->s;
	if (cl->e - cl->s > len && memcmp(cs->cue.text.data + cl->s,
	    cs->prev.text.data + pl->s, len) == 0 &&
	    cs->cue.text.data[cl->s + len] == ' ')
		return cl->s + len + 1;
	return cl->s;
}

/* True when every non-empty line of this cue was in the last one. */
static int
all_repeated(const struct caps *cs)
{
	size_t i, j;

	if (cs->cue.nlines > MAX_ROLL || cs->prev.nlines > MAX_ROLL)
		return 0;
	for (i = 0; i < cs->cue.nlines; i++) {
		if (cs->cue.lines[i].e == cs->cue.lines[i].s)
			continue;
		for (j = 0; j < cs->prev.nlines; j++)
			if (same_line(cs, i, j))
				break;
		if (j == cs->prev.nlines)
			return 0;
	}
	return 1;
}

/* Keeps this cue's lines as the last cue's. */
static void
keep_lines(struct caps *cs)
{
	struct cuetext t = cs->prev;

	cs->prev = cs->cue;
	cs->cue = t;
	cuetext_reset(&cs->cue);
	cs->prev_plain = 0;
}

/* Reads the last cue's lines, when it was written without them. */
static void
need_prev(struct caps *cs, const uint8_t *in)
{
	if (!cs->prev_plain)
		return;
	cuetext_reset(&cs->prev);
	cuetext_add_lines(&cs->prev, in + cs->prev_ts, cs->prev_te -
	    cs->prev_ts);
	cs->prev_plain = 0;
}

/* The count of a label's name, counted once more with add. */
static int
name_count(struct caps *cs, const uint8_t *s, size_t n, int add)
{
	size_t i;

	for (i = 0; i < cs->nnames; i++)
		if (cs->names[i].len == n && memcmp(cs->names[i].name, s,
		    n) == 0)
			break;
	if (i == cs->nnames) {
		if (!add || i == MAX_NAMES)
			return 0;
		cs->names[i].name = xstrndup((const char *)s, n);
		cs->names[i].len = n;
		cs->names[i].count = 0;
		cs->nnames++;
	}
	if (add)
		cs->names[i].count++;
	return cs->names[i].count;
}

/* True when [s, s + n) names a speaker already met. */
static int
known(const struct doc *d, const uint8_t *s, size_t n)
{
	size_t i;

	/* Names are C strings, cut at a NUL (build_speaker). */
	n = strnlen((const char *)s, n);
	for (i = d->nspeakers; i-- > 0;)
		if (strncmp(d->speakers[i].name, (const char *)s, n) == 0 &&
		    d->speakers[i].name[n] == '\0')
			return 1;
	return 0;
}

/* True when the label st found in buf names a speaker. */
static int
label_ok(struct caps *cs, const struct doc *d, const uint8_t *buf,
    const struct cuelabel_start *st)
{
	const uint8_t *s = buf + st->name;
	size_t n = st->nend - st->name;
	enum cuelabel_name_kind k;
	int words, caps;

	if (n == 0)
		return 0;
	k = cuelabel_name(s, n, &words, &caps);
	if (k == CUELABEL_NOT || (st->bracket && cuelabel_is_sound(s, n)))
		return 0;
	/* A speaker met already is one. */
	if (k == CUELABEL_LOOSE && !cs->dense)
		return known(d, s, n);
	/* One word, not in capitals: a name if it labels other lines. */
	if (words == 1 && !caps && name_count(cs, s, n, 0) < 2)
		return known(d, s, n);
	return 1;
}

/* Counts the label st found in buf if it may name a speaker (for
 * label_ok); true when it may. */
static int
count_label(struct caps *cs, const uint8_t *buf,
    const struct cuelabel_start *st)
{
	const uint8_t *s = buf + st->name;
	size_t n = st->nend - st->name;
	int words, caps;

	if (n == 0 || cuelabel_name(s, n, &words, &caps) == CUELABEL_NOT ||
	    (st->bracket && cuelabel_is_sound(s, n)))
		return 0;
	name_count(cs, s, n, 1);
	return 1;
}

/* Counts the labels that start the lines of a cue (for label_ok); true
 * when its first line has one. */
static int
count_labels(struct caps *cs)
{
	const uint8_t *t = (const uint8_t *)cs->cue.text.data;
	struct cuelabel_start st;
	size_t i, first = skip_empty(cs->cue.lines, cs->cue.nlines, 0);
	int found = 0;

	for (i = first; i < cs->cue.nlines; i++) {
		cuelabel_line_start(t, cs->cue.lines[i].s, cs->cue.lines[i].e,
		    &st);
		if (count_label(cs, t, &st) && i == first)
			found = 1;
	}
	if (cs->cue.nvoices > 0 && first < cs->cue.nlines &&
	    cs->cue.voices[0].at <= cs->cue.lines[first].s)
		found = 1;
	return found;
}

/* Looks at the first cues: do they carry speakers, do they roll, are
 * they punctuated? */
static void
prescan(struct caps *cs, const uint8_t *in, size_t len)
{
	size_t lim = len < SAMPLE_SIZE ? len : SAMPLE_SIZE, pos = 0, p;
	size_t cues = 0, labelled = 0, repeats = 0, bytes = 0, stops = 0;
	struct cues_cue c;

	while (pos < lim && cues_next(in, len, pos, cs->kind ==
	    CAPTIONS_WEBVTT, &c)) {
		pos = c.next;
		read_text(cs, in, &c);
		if (skip_empty(cs->cue.lines, cs->cue.nlines, 0) ==
		    cs->cue.nlines)
			continue;
		cues++;
		if (count_labels(cs))
			labelled++;
		if (cs->prev.nlines > 0 && new_text(cs, 1) > cs->cue.lines[
		    skip_empty(cs->cue.lines, cs->cue.nlines, 0)].s)
			repeats++;
		bytes += cs->cue.text.len;
		for (p = 0; p < cs->cue.nlines; p++)
			stops += cuelabel_ends_sentence((const uint8_t *)
			    cs->cue.text.data, cs->cue.lines[p].s,
			    cs->cue.lines[p].e);
		keep_lines(cs);
	}
	cs->rolling = repeats >= 2 && repeats * 4 >= cues;
	cs->dense = labelled >= 2 && labelled * 5 >= cues * 2;
	cs->bare = bytes >= 4 * BARE_STOPS && stops * BARE_STOPS < bytes;
	cs->sampled = pos;
	cuetext_reset(&cs->prev);
}

void
captions_begin(struct doc *d, enum captions_kind kind)
{
	struct caps *cs = xcalloc(1, sizeof *cs);

	cs->kind = kind;
	cs->pspeaker = -1;
	cs->last_end = DOC_NO_TIME;
	d->fs = cs;
	build_own_text(d);
	/* The text is about as long as the input at most: room for it at
	 * once. */
	build_reserve(d, d->inlen);
	prescan(cs, d->in, d->inlen);
	d->parsed = 0;
}

/* Writes the open paragraph as a block: a turn when it starts one. */
static void
flush(struct caps *cs, struct doc *d)
{
	struct build_piece p;

	if (!cs->open)
		return;
	build_style(d, 0);
	build_trim(d, cs->tstart);
	p = build_piece(cs->pstart, build_len(d));
	p.tstart = cs->tstart;
	p.time = cs->ptime;
	if (cs->turn) {
		p.lstart = cs->lstart;
		p.lend = cs->lend;
		build_turn(d, cs->pspeaker, &p);
	} else {
		build_para(d, &p);
	}
	build_text(d, "\n\n", 2);
	cs->open = 0;
	cs->size = 0;
	cs->gap = 0;
}

/* A change to a speaker whose name is not given (">>", "- "). */
static void
change_unnamed(struct caps *cs, struct doc *d)
{
	cs->fresh = 0;
	flush(cs, d);
	if (cs->speaking)
		build_end_turn(d);
	cs->speaking = 0;
	cs->newturn = 0;
	cs->tail = cs->tail_start = 0;
}

/* True when the last text written ends a sentence. */
static int
ended_sentence(const struct caps *cs, const struct doc *d)
{
	return cs->tail > cs->tail_start && cuelabel_ends_sentence(d->src,
	    cs->tail_start, cs->tail);
}

/* The pause between words said until end and words said at ms (0 when
 * either is unknown, or they overlap). */
static uint32_t
gap_ms(uint32_t end, uint32_t ms)
{
	return ms == DOC_NO_TIME || end == DOC_NO_TIME || ms <= end ? 0 :
	    ms - end;
}

/* When a word said at ms ends (a guess). */
static uint32_t
word_end(uint32_t ms)
{
	return ms >= DOC_NO_TIME - SPEECH_MS ? ms : ms + SPEECH_MS;
}

/* True when a pause of gap ms ends the open paragraph (stop: it ends a
 * sentence). */
static int
pause_ends(const struct caps *cs, uint32_t gap, int stop)
{
	return gap >= LONG_PAUSE_MS ||
	    (gap >= PAUSE_MS && cs->size >= PAUSE_SIZE && stop) ||
	    (gap >= BARE_PAUSE_MS && cs->size >= PAUSE_SIZE && cs->bare);
}

/* Before the first text of a cue: ends the paragraph where the cues
 * part (a pause, a sentence's end, a length), or the turn of a speaker
 * named only now and then whose sentence has ended. With same, the cue
 * starts by naming the speaker who speaks. */
static void
cue_boundary(struct caps *cs, struct doc *d, int same)
{
	int stop;

	if (!cs->fresh)
		return;
	cs->fresh = 0;
	stop = ended_sentence(cs, d);
	if (!same && !cs->dense && cs->speaking && stop) {
		change_unnamed(cs, d);
		return;
	}
	if (!cs->open)
		return;
	if (pause_ends(cs, cs->pause, stop) ||
	    (stop && cs->size >= SOFT_SIZE) ||
	    cs->size >= (cs->bare ? BARE_SIZE : HARD_SIZE))
		flush(cs, d);
}

/* A change to the speaker named by the n bytes at s. */
static void
change_named(struct caps *cs, struct doc *d, const uint8_t *s, size_t n)
{
	if (cs->speaking && cs->who.len == n && memcmp(cs->who.data, s,
	    n) == 0) {
		cue_boundary(cs, d, 1);
		return;
	}
	cs->fresh = 0;
	flush(cs, d);
	buf_reset(&cs->who);
	buf_add(&cs->who, s, n);
	cs->speaking = 1;
	cs->newturn = 1;
	/* Nothing said yet: no sentence of theirs has ended. */
	cs->tail = cs->tail_start = 0;
}

/* Opens a paragraph, with its speaker's label when it starts a turn. */
static void
open_para(struct caps *cs, struct doc *d)
{
	build_style(d, 0);
	cs->open = 1;
	cs->size = 0;
	cs->gap = 0;
	cs->ptime = cs->cue_time;
	cs->pstart = build_len(d);
	cs->turn = cs->speaking && cs->newturn;
	if (cs->turn) {
		cs->pspeaker = build_speaker(d, (const uint8_t *)cs->who.data,
		    cs->who.len);
		cs->lstart = build_text(d, cs->who.data, cs->who.len);
		cs->lend = build_len(d);
		build_texts(d, ": ");
		cs->newturn = 0;
	}
	cs->tstart = build_len(d);
}

/* Writes the n bytes at s (of a cue's text, one line or less) into the
 * paragraph, with the styles kinds. */
static void
add_text(struct caps *cs, struct doc *d, const uint8_t *s, size_t n,
    unsigned kinds)
{
	while (n > 0 && (s[0] == ' ' || s[0] == '\n')) {
		cs->gap = 1;
		s++;
		n--;
	}
	if (n == 0)
		return;
	cue_boundary(cs, d, 0);
	if (!cs->open)
		open_para(cs, d);
	else if (cs->gap && build_len(d) > cs->tstart &&
	    d->src[build_len(d) - 1] != ' ') {
		build_style(d, 0);
		build_text(d, " ", 1);
	}
	cs->gap = s[n - 1] == ' ' || s[n - 1] == '\n';
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	build_style(d, kinds);
	cs->size += n;
	/* A sound description over two lines: the newline is a space. */
	if (kinds == 0)
		build_text(d, s, n);
	while (kinds != 0 && n > 0) {
		const uint8_t *nl = memchr(s, '\n', n);
		size_t k = nl == NULL ? n : (size_t)(nl - s);

		build_text(d, s, k);
		if (nl == NULL)
			break;
		build_text(d, " ", 1);
		s += k + 1;
		n -= k + 1;
	}
	cs->tail_start = cs->tstart;
	cs->tail = build_len(d);
	cs->wrote = 1;
}

/* What starts the line at p, up to e (a dash, >>, a label): the changes
 * of speaker it makes. Returns where its text starts. */
static size_t
line_start(struct caps *cs, struct doc *d, const uint8_t *t, size_t p,
    const struct cuetext_line *l)
{
	struct cuelabel_start st;

	/* Without a colon, only a bracket, a dash or >> can start it. */
	if (!l->colon && p < l->e && t[p] != '[' && t[p] != '-' &&
	    t[p] != '>' && t[p] != 0xE2)
		return p;
	cuelabel_line_start(t, p, l->e, &st);
	/* The labels past the sample are counted as they come. */
	if (cs->cue_at >= cs->sampled)
		count_label(cs, t, &st);
	if (label_ok(cs, d, t, &st)) {
		change_named(cs, d, t + st.name, st.nend - st.name);
		return st.text;
	}
	if (st.dash || st.arrows) {
		change_unnamed(cs, d);
		return st.body;
	}
	return p;
}

/* Writes the cue's text from offset from on: speakers, sounds, text. */
static void
write_cue(struct caps *cs, struct doc *d, size_t from)
{
	const uint8_t *t = (const uint8_t *)cs->cue.text.data;
	const struct cuetext_voice *v = cs->cue.voices;
	const struct cuetext_mark *m = cs->cue.marks;
	size_t e = cs->cue.text.len, p = from, seg, q, vi = 0, mi = 0, li = 0;
	size_t lim;
	uint32_t gap;
	int bol = 1;
	/* The bytes to look at: a newline, >>, what opens a sound. */
	static const uint8_t look[256] = {
		['\n'] = 1, ['>'] = 1, ['['] = 1, ['('] = 1, [0xE2] = 1
	};

	/* The voice in force where the new text starts. */
	while (vi + 1 < cs->cue.nvoices && v[vi + 1].at <= from)
		vi++;
	while (mi < cs->cue.nmarks && m[mi].at < from)
		mi++;
	seg = p;
	while (p < e) {
		if (mi < cs->cue.nmarks && m[mi].at <= p) {
			/* A word's time: a pause before it may end the
			 * paragraph, which then starts with it. */
			add_text(cs, d, t + seg, p - seg, 0);
			seg = p;
			gap = gap_ms(cs->last_end, m[mi].time);
			cs->last_end = word_end(m[mi].time);
			if (cs->open && pause_ends(cs, gap, ended_sentence(cs,
			    d))) {
				flush(cs, d);
				cs->cue_time = m[mi].time;
			}
			mi++;
			continue;
		}
		if (vi < cs->cue.nvoices && v[vi].at <= p) {
			add_text(cs, d, t + seg, p - seg, 0);
			change_named(cs, d, (const uint8_t *)cs->cue.names.data +
			    v[vi].name, v[vi].nlen);
			vi++;
			seg = p;
			continue;
		}
		while (li + 1 < cs->cue.nlines && cs->cue.lines[li].e < p)
			li++;
		if (bol) {
			bol = 0;
			p = seg = line_start(cs, d, t, p, &cs->cue.lines[li]);
			continue;
		}
		lim = e;
		if (mi < cs->cue.nmarks && m[mi].at < lim)
			lim = m[mi].at;
		if (vi < cs->cue.nvoices && v[vi].at < lim)
			lim = v[vi].at;
		/* A line without >, [, ( or a note: on to its end. */
		if (!cs->cue.lines[li].look)
			p = cs->cue.lines[li].e < lim ? cs->cue.lines[li].e :
			    lim;
		while (p < lim && !look[t[p]])
			p++;
		if (p >= lim)
			continue;
		switch (t[p]) {
		case '\n':
			add_text(cs, d, t + seg, p - seg, 0);
			cs->gap = 1;
			seg = ++p;
			bol = 1;
			continue;
		case '>':
			if (p + 1 < e && t[p + 1] == '>' && p > 0 &&
			    t[p - 1] == ' ') {
				add_text(cs, d, t + seg, p - seg, 0);
				seg = p;
				bol = 1;
				continue;
			}
			break;
		case '[':
		case '(':
		case 0xE2:
			if ((q = cuelabel_sound_end(t, p, e)) > p) {
				add_text(cs, d, t + seg, p - seg, 0);
				add_text(cs, d, t + p, q - p, DOC_SPAN_SOUND);
				seg = p = q;
				continue;
			}
			break;
		}
		p++;
	}
	add_text(cs, d, t + seg, p - seg, 0);
	cs->gap = 1;
}

/* True when the cue lasts so short a time that it may add nothing. */
static int
blip(const struct cues_cue *c)
{
	return c->start != DOC_NO_TIME && c->end >= c->start &&
	    c->end - c->start <= BLIP_MS;
}

/* Starts writing the cue c: its time, the pause before it. */
static void
start_cue(struct caps *cs, const struct cues_cue *c)
{
	cs->cue_time = c->start;
	cs->pause = gap_ms(cs->last_end, c->start);
	cs->fresh = 1;
	cs->wrote = 0;
}

/* Reads a cue whose lines are readable as they are (most cues of most
 * files: words, no markup, no speaker) straight into the document, as
 * write_cue would, without making a copy of them first. Returns 0 when
 * the cue is not one. */
static int
read_plain_cue(struct caps *cs, struct doc *d, const struct cues_cue *c)
{
	const uint8_t *s = d->in + c->ts, *nl;
	size_t n = c->te - c->ts, k;
	uint32_t end = cs->last_end;

	if (cs->rolling || blip(c) || !c->plain)
		return 0;
	cs->cue_at = c->ts;
	cs->ncues++;
	start_cue(cs, c);
	if (c->start != DOC_NO_TIME)
		cs->last_end = c->end;
	while (n > 0) {
		nl = memchr(s, '\n', n);
		k = nl == NULL ? n : (size_t)(nl - s);
		add_text(cs, d, s, k, 0);
		cs->gap = 1;
		if (nl == NULL)
			break;
		s += k + 1;
		n -= k + 1;
	}
	cs->gap = 1;
	cs->fresh = 0;
	if (!cs->wrote)
		cs->last_end = end;
	cs->prev_plain = 1;
	cs->prev_ts = c->ts;
	cs->prev_te = c->te;
	return 1;
}

/* Reads one cue into the document. */
static void
read_cue(struct caps *cs, struct doc *d, const struct cues_cue *c)
{
	size_t from, first;
	uint32_t end = cs->last_end;

	if (read_plain_cue(cs, d, c))
		return;
	need_prev(cs, d->in);
	read_text(cs, d->in, c);
	cs->cue_at = c->ts;
	cs->ncues++;
	/* A 10 ms cue between two rolling ones shows nothing new. */
	if (blip(c) && cs->prev.nlines > 0 && all_repeated(cs)) {
		cs->nrepeats++;
		keep_lines(cs);
		return;
	}
	from = new_text(cs, cs->rolling);
	first = skip_empty(cs->cue.lines, cs->cue.nlines, 0);
	if (first < cs->cue.nlines && from > cs->cue.lines[first].s)
		cs->nrepeats++;
	start_cue(cs, c);
	/* With the time of each word, the speech ends with the last one
	 * (rolling captions last until the next begins); without, with
	 * the cue. */
	if (c->start != DOC_NO_TIME)
		cs->last_end = cs->cue.nmarks > 0 ? word_end(c->start) : c->end;
	write_cue(cs, d, from);
	cs->fresh = 0;
	if (!cs->wrote)
		cs->last_end = end;
	keep_lines(cs);
}

int
captions_some(struct doc *d, size_t budget)
{
	struct caps *cs = d->fs;
	size_t stop;
	struct cues_cue c;

	stop = budget == 0 || d->inlen - cs->pos < budget ? d->inlen :
	    cs->pos + budget;
	while (cs->pos < stop) {
		if (!cues_next(d->in, d->inlen, cs->pos, cs->kind ==
		    CAPTIONS_WEBVTT, &c)) {
			cs->pos = d->inlen;
			break;
		}
		read_cue(cs, d, &c);
		cs->pos = c.next;
		/* Cues are short: the bytes of the cues to come are asked
		 * for ahead of their reading. */
		if (d->inlen - cs->pos > PREFETCH)
			__builtin_prefetch(d->in + cs->pos + PREFETCH);
	}
	d->parsed = cs->pos;
	if (cs->pos < d->inlen)
		return 1;
	flush(cs, d);
	if (cs->rolling)
		build_detail(d, "%zu cues, %zu of them rolling (repeated "
		    "lines read once)%s", cs->ncues, cs->nrepeats,
		    cs->dense ? ", speakers in the cues" : "");
	else
		build_detail(d, "%zu cues%s", cs->ncues, cs->dense ?
		    ", speakers in the cues" : "");
	return 0;
}

void
captions_end(struct doc *d)
{
	struct caps *cs = d->fs;
	size_t i;

	if (cs == NULL)
		return;
	for (i = 0; i < cs->nnames; i++)
		free(cs->names[i].name);
	cuetext_free(&cs->cue);
	cuetext_free(&cs->prev);
	buf_free(&cs->who);
	free(cs);
	d->fs = NULL;
}
