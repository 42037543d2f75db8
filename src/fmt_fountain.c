/*
 * fmt_fountain.c: reads screenplays written in Fountain (and plain-text
 * screenplays laid out the same way) into the document model.
 *
 *  1. The title page (key: value lines at the top) gives the title
 *     ("Title:") and the byline ("Credit:" and "Author:"); the rest of it
 *     is not shown.
 *  2. Scene headings, "INT. HOUSE - DAY", "EXT.", "EST.", "INT./EXT.",
 *     "I/E" or a forced ".HEADING", are sections (their "#1#" scene
 *     numbers are not text); "# Act" and "## Sequence" sections are
 *     sections above them.
 *  3. A line in capitals after a blank line, with a line after it, is a
 *     character ("@McCLANE" forces one): a turn of that character, whose
 *     extensions "(V.O.)", "(O.S.)", "(CONT'D)" and dual-dialogue "^" are
 *     not part of the name. The lines up to the next blank line are the
 *     dialogue; a line in parentheses there is a parenthetical, a
 *     paragraph in emphasis in the turn; "~" starts a lyric.
 *  4. Transitions ("CUT TO:", "FADE IN:", ">FORCED") and centered text
 *     (">THE END<") are paragraphs outside any turn, as is action (all
 *     else; "!" forces it).
 *  5. Notes [[...]], the boneyard (between slash-star and star-slash),
 *     synopses "= ..." and page breaks
 *     "===" are not shown. *italic*, **bold**, ***both*** and _underline_
 *     are styles; a backslash escapes the next character.
 *  6. Dialogue and action keep their lines where most lines start with a
 *     capital letter, and are joined where they are wrapped prose.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/rec.h"
#include "lectern/util.h"

#define MAX_CHARACTER	48

struct fountain {
	const uint8_t	*in;
	size_t		 pos, end;
	int		 blank;		/* the line before was blank */
	int		 dialogue;	/* in a character's dialogue */
	int		 bone;		/* inside the boneyard */
	int		 note;		/* inside [[ ... ]] */
	int		 sections;	/* the deepest "#" level seen */
	struct buf	 line;		/* the line without notes */
	struct rec_out	 out;
};

/* Title page keys. */
static const char *const keys[] = {
	"Title", "Credit", "Author", "Authors", "Source", "Draft date", "Date",
	"Contact", "Copyright", "Notes", "Revision", "Format", NULL
};

/* When [s, e) starts with a title page key and its colon, the offset
 * after the colon; else 0. */
static size_t
title_key(const uint8_t *p, size_t s, size_t e, const char **which)
{
	size_t i, n;

	for (i = 0; keys[i] != NULL; i++) {
		n = strlen(keys[i]);
		if (e - s > n && strncasecmp((const char *)p + s, keys[i], n) ==
		    0 && p[s + n] == ':') {
			*which = keys[i];
			return s + n + 1;
		}
	}
	return 0;
}

/* True when [s, e) is a scene heading: "INT. HOUSE - DAY". */
static int
scene_heading(const uint8_t *p, size_t s, size_t e)
{
	static const char *const starts[] = { "INT./EXT", "INT/EXT", "I/E",
		"INT", "EXT", "EST", NULL };
	size_t i, n;

	for (i = 0; starts[i] != NULL; i++) {
		n = strlen(starts[i]);
		if (e - s > n + 1 && strncasecmp((const char *)p + s, starts[i],
		    n) == 0 && (p[s + n] == '.' || p[s + n] == ' '))
			return 1;
	}
	return 0;
}

/* True for a transition in capitals: "CUT TO:", "FADE IN:". */
static int
transition(const uint8_t *p, size_t s, size_t e)
{
	if (!rec_caps(p, s, e))
		return 0;
	return (e - s > 3 && memcmp(p + e - 3, "TO:", 3) == 0) ||
	    rec_word(p, s, e, "FADE IN:", NULL) ||
	    rec_word(p, s, e, "FADE OUT.", NULL) ||
	    rec_word(p, s, e, "FADE TO BLACK.", NULL) ||
	    rec_word(p, s, e, "CUT TO BLACK.", NULL);
}

/* The name of a character cue [s, e): without "@", extensions in
 * parentheses and a final "^"; sets [*ns, *ne). Returns 0 when the line
 * is not one (forced: it starts with "@"). */
static int
character(const uint8_t *p, size_t s, size_t e, size_t *ns, size_t *ne)
{
	int forced = p[s] == '@';
	size_t i;

	if (forced)
		s++;
	if (e > s && p[e - 1] == '^')
		e--;
	for (i = s; i < e && p[i] != '('; i++)
		;
	while (i > s && p[i - 1] == ' ')
		i--;
	if (i == s || i - s > MAX_CHARACTER)
		return 0;
	if (!forced && (!rec_caps(p, s, i) || scene_heading(p, s, i) ||
	    transition(p, s, e)))
		return 0;
	*ns = s;
	*ne = i;
	return 1;
}

/* Appends [s, e) with its emphasis inside a style of base, at most
 * three deep. */
static void
inline_nested(struct doc *d, const uint8_t *p, size_t s, size_t e,
    unsigned base, int depth)
{
	size_t i = s, j, k, run;
	unsigned st;

	build_style(d, base);
	while (i < e) {
		for (j = i; j < e && p[j] != '\\' && p[j] != '*' && p[j] != '_';
		    j++)
			;
		build_text(d, p + i, j - i);
		if ((i = j) >= e)
			break;
		if (p[i] == '\\') {
			build_text(d, p + i + (i + 1 < e), 1);
			i += 2;
			continue;
		}
		for (run = 0; i + run < e && p[i + run] == p[i] && run < 3;
		    run++)
			;
		if (p[i] == '_')
			run = 1;
		/* The closing run: the same markers after a non-space. */
		for (j = i + run + 1; j + run <= e; j++) {
			for (k = 0; k < run && p[j + k] == p[i]; k++)
				;
			if (k == run && p[j - 1] != ' ')
				break;
		}
		if (depth >= 3 || i + run >= e || p[i + run] == ' ' ||
		    j + run > e) {
			build_text(d, p + i, run);
			i += run;
			continue;
		}
		st = p[i] == '_' || run == 1 ? DOC_SPAN_EMPH : run == 2 ?
		    DOC_SPAN_STRONG : DOC_SPAN_EMPH | DOC_SPAN_STRONG;
		inline_nested(d, p, i + run, j, base | st, depth + 1);
		build_style(d, base);
		i = j + run;
	}
}

/* Appends [s, e) with its emphasis: *italic*, **bold**, ***both***,
 * _underline_ (as emphasis); a backslash escapes what follows. base is
 * the style of the whole. */
static void
inline_text(struct doc *d, const uint8_t *p, size_t s, size_t e,
    unsigned base)
{
	inline_nested(d, p, s, e, base, 0);
	build_style(d, 0);
}

/* Adds the line [s, e) to the open paragraph, with its emphasis. */
static void
add(struct doc *d, struct fountain *fs, const uint8_t *p, size_t s,
    size_t e, unsigned base)
{
	if (fs->out.kind == REC_NONE)
		return;
	rec_para_sep(d, &fs->out.pa, p, s, e, fs->out.how);
	inline_text(d, p, s, e, base);
}

/* True when [s, e) holds the two bytes a and b in a row. */
static int
marked(const uint8_t *p, size_t s, size_t e, uint8_t a, uint8_t b)
{
	const uint8_t *q;

	while (s < e && (q = memchr(p + s, a, e - s)) != NULL) {
		s = (size_t)(q - p) + 1;
		if (s < e && p[s] == b)
			return 1;
	}
	return 0;
}

/*
 * The line [start, end) of the input without its notes [[...]] and
 * boneyard (which may go on over lines), trimmed: returns the bytes
 * (the input itself, or fs->line when something was taken out) and sets
 * *s and *e to its range there.
 */
static const uint8_t *
clean(struct fountain *fs, size_t start, size_t end, size_t *s, size_t *e)
{
	const uint8_t *p = fs->in;
	size_t i, run;

	if (!fs->bone && !fs->note && !marked(p, start, end, '/', '*') &&
	    !marked(p, start, end, '[', '[')) {
		*s = start;
		*e = end;
	} else {
		buf_reset(&fs->line);
		for (i = run = start; i < end; i++) {
			if (fs->bone || fs->note) {
				if (p[i] == (fs->bone ? '*' : ']') &&
				    i + 1 < end &&
				    p[i + 1] == (fs->bone ? '/' : ']')) {
					fs->bone = fs->note = 0;
					run = ++i + 1;
				}
			} else if ((p[i] == '/' && i + 1 < end &&
			    p[i + 1] == '*') || (p[i] == '[' && i + 1 < end &&
			    p[i + 1] == '[')) {
				buf_add(&fs->line, p + run, i - run);
				fs->bone = p[i] == '/';
				fs->note = p[i] == '[';
				i++;
			}
		}
		if (!fs->bone && !fs->note)
			buf_add(&fs->line, p + run, end - run);
		p = (const uint8_t *)buf_str(&fs->line);
		*s = 0;
		*e = fs->line.len;
	}
	while (*s < *e && rec_space(p[*s]))
		(*s)++;
	while (*e > *s && rec_space(p[*e - 1]))
		(*e)--;
	return p;
}

/* A paragraph of its own outside any turn: a transition, centered text. */
static void
apart(struct doc *d, struct fountain *fs, const uint8_t *p, size_t s,
    size_t e)
{
	rec_close(d, &fs->out);
	build_end_turn(d);
	rec_open(d, &fs->out, REC_TEXT, REC_LINES);
	add(d, fs, p, s, e, 0);
	rec_close(d, &fs->out);
}

/* A heading of level whose text is [s, e) of p. */
static void
heading(struct doc *d, struct fountain *fs, int level, const uint8_t *p,
    size_t s, size_t e)
{
	struct build_piece bp;
	size_t at;

	rec_close(d, &fs->out);
	while (s < e && rec_space(p[s]))
		s++;
	rec_gap(d);
	at = build_len(d);
	inline_text(d, p, s, e, 0);
	bp = build_piece(at, build_len(d));
	build_heading(d, level > 6 ? 6 : level, &bp);
}

/* A line of the script outside dialogue; next_blank: the line after it
 * is blank. */
static void
element(struct doc *d, struct fountain *fs, const uint8_t *p, size_t s,
    size_t e, int next_blank)
{
	size_t ns, ne, i;
	int n;

	if (e - s >= 3 && p[s] == '=' && p[s + 1] == '=' && p[s + 2] == '=')
		return;			/* a page break */
	if (p[s] == '=')
		return;			/* a synopsis */
	if (p[s] == '#') {
		for (n = 0; s + (size_t)n < e && p[s + n] == '#'; n++)
			;
		fs->sections = n > 5 ? 5 : n;
		heading(d, fs, fs->sections, p, s + (size_t)n, e);
		return;
	}
	if ((p[s] == '.' && e - s > 1 && p[s + 1] != '.') ||
	    (fs->blank && scene_heading(p, s, e))) {
		s += p[s] == '.';
		/* Without its scene number, "#1A#". */
		if (e - s > 2 && p[e - 1] == '#')
			for (i = e - 1; i > s; i--)
				if (p[i - 1] == '#') {
					e = i - 1;
					break;
				}
		while (e > s && p[e - 1] == ' ')
			e--;
		heading(d, fs, fs->sections + 1, p, s, e);
		return;
	}
	if (p[s] == '>') {
		for (e -= p[e - 1] == '<', s++; s < e && p[s] == ' '; s++)
			;
		apart(d, fs, p, s, e);
		return;
	}
	if ((fs->blank && next_blank && transition(p, s, e)) ||
	    rec_word(p, s, e, "FADE IN:", NULL)) {
		apart(d, fs, p, s, e);
		return;
	}
	if (p[s] == '@' || (p[s] != '!' && fs->blank && !next_blank &&
	    character(p, s, e, &ns, &ne))) {
		if (character(p, s, e, &ns, &ne)) {
			rec_turn(d, &fs->out, p + ns, ne - ns, "\n", REC_VERSE);
			fs->dialogue = 1;
			return;
		}
	}
	/* Action. */
	s += p[s] == '!';
	if (fs->out.kind != REC_TEXT || fs->blank) {
		rec_close(d, &fs->out);
		build_end_turn(d);
		rec_open(d, &fs->out, REC_TEXT, REC_VERSE);
	}
	add(d, fs, p, s, e, 0);
}

/* A line of a character's dialogue: a parenthetical, a lyric or speech. */
static void
dialogue(struct doc *d, struct fountain *fs, const uint8_t *p, size_t s,
    size_t e)
{
	if (p[s] == '(' && p[e - 1] == ')') {
		if (fs->out.kind == REC_TURN && build_len(d) ==
		    fs->out.pa.start) {
			/* Right after the name: the turn's first paragraph. */
			add(d, fs, p, s, e, DOC_SPAN_EMPH);
			rec_close(d, &fs->out);
			return;
		}
		rec_open(d, &fs->out, REC_NOTE, REC_PROSE);
		add(d, fs, p, s, e, DOC_SPAN_EMPH);
		rec_close(d, &fs->out);
		return;
	}
	if (p[s] == '~')
		for (s++; s < e && p[s] == ' '; s++)
			;
	if (fs->out.kind == REC_NONE)
		rec_open(d, &fs->out, REC_TEXT, REC_VERSE);
	add(d, fs, p, s, e, 0);
}

/* Reads at least budget more bytes (0: all); 1 while there is more. */
static int
fountain_some(struct doc *d, size_t budget)
{
	struct fountain *fs = d->fs;
	struct rec_line l, nx;
	size_t stop, s, e;
	const uint8_t *p;
	int next_blank;

	stop = budget == 0 || fs->end - fs->pos < budget ? fs->end :
	    fs->pos + budget;
	while (fs->pos < stop && rec_line(fs->in, fs->end, fs->pos, &l)) {
		fs->pos = l.next;
		p = clean(fs, l.start, l.end, &s, &e);
		if (s == e) {
			if (l.s < l.e)
				continue;	/* only a note */
			rec_close(d, &fs->out);
			fs->dialogue = 0;
			fs->blank = 1;
			continue;
		}
		next_blank = !rec_line(fs->in, fs->end, l.next, &nx) ||
		    nx.s == nx.e;
		if (fs->dialogue)
			dialogue(d, fs, p, s, e);
		else
			element(d, fs, p, s, e, next_blank);
		fs->blank = 0;
	}
	d->parsed = fs->pos;
	if (fs->pos < fs->end) {
		build_reach(d);
		return 1;
	}
	rec_close(d, &fs->out);
	return 0;
}

/* The title page: the title and the byline. Returns where the script
 * starts (0 when there is no title page). */
static size_t
title_page(struct doc *d, struct fountain *fs)
{
	struct buf title = { NULL, 0, 0 }, by = { NULL, 0, 0 };
	struct build_piece bp;
	struct rec_line l;
	struct buf *into = NULL;
	const char *key = NULL;
	size_t pos = 0, v, at;

	do {
		if (!rec_line(fs->in, fs->end, pos, &l))
			return 0;
		pos = l.next;
	} while (l.s == l.e);
	if (title_key(fs->in, l.s, l.e, &key) == 0)
		return 0;
	pos = l.start;
	for (; rec_line(fs->in, fs->end, pos, &l) && l.s < l.e; pos = l.next) {
		if (l.indent == 0 && (v = title_key(fs->in, l.s, l.e, &key)) >
		    0) {
			into = strcmp(key, "Title") == 0 ? &title :
			    strcmp(key, "Credit") == 0 ||
			    strncmp(key, "Author", 6) == 0 ? &by : NULL;
			while (v < l.e && rec_space(fs->in[v]))
				v++;
		} else
			v = l.s;	/* a value's next line */
		if (into != NULL && v < l.e) {
			if (into->len > 0)
				buf_addc(into, ' ');
			buf_add(into, fs->in + v, l.e - v);
		}
	}
	if (title.len > 0) {
		at = build_len(d);
		inline_text(d, (const uint8_t *)title.data, 0, title.len, 0);
		bp = build_piece(at, build_len(d));
		build_block(d, DOC_TITLE, &bp);
		d->meta.title.start = bp.tstart;
		d->meta.title.end = bp.tend;
	}
	if (by.len > 0) {
		rec_gap(d);
		at = build_len(d);
		inline_text(d, (const uint8_t *)by.data, 0, by.len, 0);
		bp = build_piece(at, build_len(d));
		build_block(d, DOC_BYLINE, &bp);
		d->meta.author.start = bp.tstart;
		d->meta.author.end = bp.tend;
	}
	buf_free(&title);
	buf_free(&by);
	return pos;
}

/* Starts reading: the title page. */
static void
fountain_begin(struct doc *d)
{
	struct fountain *fs = xcalloc(1, sizeof *fs);

	fs->in = d->in;
	fs->end = d->inlen;
	fs->blank = 1;
	d->fs = fs;
	build_own_text(d);
	fs->pos = title_page(d, fs);
	d->parsed = fs->pos;
}

/* Frees the reader's state. */
static void
fountain_end(struct doc *d)
{
	struct fountain *fs = d->fs;

	buf_free(&fs->line);
	free(fs);
	d->fs = NULL;
}

/* Screenplays: a .fountain file, or scene headings (INT., EXT.) with
 * characters' cues in capitals, or a title page with scene headings. */
static int
fountain_sniff(const uint8_t *p, size_t n, const char *ext)
{
	struct rec_line l, nx;
	size_t pos, ns, ne;
	const char *key;
	int scenes = 0, cues = 0, blank = 1, titled = 0;

	titled = rec_line(p, n, 0, &l) && title_key(p, l.s, l.e, &key) > 0;
	for (pos = 0; rec_line(p, n, pos, &l); pos = l.next) {
		if (l.s == l.e) {
			blank = 1;
			continue;
		}
		if (blank && scene_heading(p, l.s, l.e))
			scenes++;
		else if (blank && rec_line(p, n, l.next, &nx) && nx.s < nx.e &&
		    character(p, l.s, l.e, &ns, &ne))
			cues++;
		blank = 0;
	}
	if (strcmp(ext, "fountain") == 0 || strcmp(ext, "spmd") == 0)
		return 90;
	if ((scenes >= 2 && cues >= 2) || (titled && scenes >= 1))
		return 80;
	if (scenes >= 5 || (titled && cues >= 3))
		return 60;
	return 0;
}

const struct format format_fountain = {
	"fountain", "screenplay (Fountain: INT. HOUSE - DAY, a character's "
	"name in capitals)", fountain_sniff, fountain_begin, fountain_some,
	fountain_end,
	NULL, 0
};
