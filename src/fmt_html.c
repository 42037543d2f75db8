/*
 * fmt_html.c: reads a web page into the document model, the way a
 * browser's reader mode shows it, then as a transcript.
 *
 * The page is made UTF-8 (html_enc.c), parsed by libxml2's HTML parser
 * into a compact tree without scripts, styles, navigation or form
 * controls (html_tree.c), its main content is picked (html_pick.c) and
 * walked into pieces of text (html_walk.c). Here the pieces become
 * blocks: the page's title first; headings with their levels made to
 * start at 1; paragraphs, list items, quotes, lines of <pre> and rows of
 * tables; speaker turns from labels ("NAME: text", "<b>Name</b>: text", a
 * label alone before its paragraph, an element whose class names a
 * speaker). Repeated copies of a paragraph and "Advertisement" lines are
 * left out. The page is read at once: nothing is fetched, ever.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/html.h"
#include "lectern/lexicon.h"
#include "lectern/text.h"
#include "lectern/util.h"

#define MAX_HEAD_COLS	90	/* a longer heading is a pull quote */
#define MAX_HEAD_WORDS	14
#define DEDUP_MIN	60	/* bytes of a paragraph checked for repeats */
#define LINK_WORDS	5	/* a paragraph all link, this short, is chrome */
#define MAX_CHROME_LINE	40	/* the longest of chrome_lines */

/* A label found in a piece. */
struct label {
	struct html_label hl;
	int		 name;		/* index in names, or -1 */
};

/* A speaker's name as labels give it, and how often. */
struct name {
	const uint8_t	*s;
	size_t		 n;
	int		 count;
	int		 caps, bold;
	int		 ok;		/* a speaker */
	int		 same;		/* the name it is short for, or -1 */
};

/* What reading a page keeps. */
struct reader {
	struct html_pieces pc;
	struct label	*labels;	/* one per piece */
	struct name	*names;
	size_t		 nnames, capnames;
};

/* Lines that are never content. */
static const char *const chrome_lines[] = {
	"advertisement", "advertisements", "ad", "ads", "sponsored",
	"sponsor message", "story continues below advertisement",
	"continue reading below", "article continues below",
	"skip to content", "skip to main content", "share", "share this",
	"share this article", "tweet", "email", "print", "anzeige",
	"werbung", NULL
};

/* Whether the bytes at p[at] begin with w, ASCII case ignored; never
 * reads past p[n - 1]. */
static int
at_word(const uint8_t *p, size_t n, size_t at, const char *w)
{
	size_t len = strlen(w);

	return n - at >= len && strncasecmp((const char *)p + at, w, len) == 0;
}

/* Sniffs: a doctype or <html> first, or a page that is mostly tags. A
 * page that is only a <pre> (a hearing, a court record) scores low: the
 * readers of those records know it better. */
static int
sniff(const uint8_t *p, size_t n, const char *ext)
{
	size_t i = 0, tags = 0, inside = 0, k;
	int web = strcmp(ext, "html") == 0 || strcmp(ext, "htm") == 0 ||
	    strcmp(ext, "xhtml") == 0 || strcmp(ext, "shtml") == 0;
	int strong = 0, pre = 0, blocks = 0;

	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
	    p[i] == '\r'))
		i++;
	if (at_word(p, n, i, "<!doctype html") || at_word(p, n, i, "<html"))
		strong = 1;
	if (at_word(p, n, i, "<?xml") &&
	    memmem(p, n, "<html", 5) != NULL)
		strong = 1;
	for (k = i; k < n; k++) {
		const uint8_t *lt = memchr(p + k, '<', n - k);

		if (lt == NULL)
			break;
		k = (size_t)(lt - p);
		if (k + 2 >= n)
			continue;
		if (!((p[k + 1] | 0x20) >= 'a' && (p[k + 1] | 0x20) <= 'z') &&
		    p[k + 1] != '/' && p[k + 1] != '!')
			continue;
		tags++;
		if (at_word(p, n, k + 1, "pre"))
			pre++;
		else if (at_word(p, n, k + 1, "p>") ||
		    at_word(p, n, k + 1, "p ") ||
		    at_word(p, n, k + 1, "div") ||
		    at_word(p, n, k + 1, "br") ||
		    at_word(p, n, k + 1, "h1") ||
		    at_word(p, n, k + 1, "h2") ||
		    at_word(p, n, k + 1, "li") ||
		    at_word(p, n, k + 1, "table"))
			blocks++;
		while (k < n && p[k] != '>')
			k++, inside++;
	}
	if (pre > 0 && blocks < 3 && (strong || web))
		return 40;
	if (strong)
		return 95;
	if (i < n && p[i] == '<' && (tags >= 10 || (tags >= 3 &&
	    (web || blocks >= 2))))
		return 80;
	if (tags >= 20 && inside * 3 >= n - i)
		return 60;
	if (web && tags > 0)
		return 50;
	return 0;
}

static void
begin(struct doc *d)
{
	d->fs = NULL;
}

/* Appends the bytes [s, e) of the pieces' text to the document with
 * their styles. Returns where they start. */
static size_t
put_text(struct doc *d, const struct html_pieces *pc,
    const struct html_piece *p, size_t s, size_t e)
{
	size_t at = build_len(d), pos = s, a, b;
	uint32_t r;

	for (r = p->rs; r < p->re && pos < e; r++) {
		a = pc->runs[r].s > pos ? pc->runs[r].s : pos;
		b = pc->runs[r].e < e ? pc->runs[r].e : e;
		if (b <= a)
			continue;
		if (a > pos) {
			build_style(d, 0);
			build_text(d, pc->text.data + pos, a - pos);
		}
		build_style(d, pc->runs[r].kinds);
		build_text(d, pc->text.data + a, b - a);
		pos = b;
	}
	build_style(d, 0);
	if (pos < e)
		build_text(d, pc->text.data + pos, e - pos);
	return at;
}

/* The index of the speaker name [s, s + n) in the reader, added. */
static int
name_index(struct reader *rd, const uint8_t *s, size_t n)
{
	size_t i;

	for (i = 0; i < rd->nnames; i++)
		if (rd->names[i].n == n && memcmp(rd->names[i].s, s, n) == 0)
			return (int)i;
	UTIL_GROW(rd->names, rd->capnames, rd->nnames + 1);
	memset(&rd->names[rd->nnames], 0, sizeof rd->names[0]);
	rd->names[rd->nnames].s = s;
	rd->names[rd->nnames].n = n;
	rd->names[rd->nnames].same = -1;
	return (int)rd->nnames++;
}

/* True when the piece starts with strong text that covers [s, e). */
static int
starts_strong(const struct html_pieces *pc, const struct html_piece *p,
    size_t e)
{
	return p->re > p->rs && pc->runs[p->rs].s == p->ts &&
	    (pc->runs[p->rs].kinds & DOC_SPAN_STRONG) &&
	    pc->runs[p->rs].e >= e;
}

/* True when the piece is only a name in bold: a label alone, without
 * its colon ("<p><b>Raj Patel</b></p>"). Fills hl. */
static int
bold_alone(const struct html_pieces *pc, const struct html_piece *p,
    struct html_label *hl)
{
	const uint8_t *t = (const uint8_t *)pc->text.data;
	int words;

	if (p->kind != HP_PARA || !starts_strong(pc, p, p->te) ||
	    !html_name_ok(t, p->ts, p->te, &words))
		return 0;
	memset(hl, 0, sizeof *hl);
	hl->kind = HL_LABEL;
	hl->flags = HL_BOLD | HL_ALONE;
	hl->ns = p->ts;
	hl->ne = hl->ts = hl->te = p->te;
	hl->time = DOC_NO_TIME;
	hl->words = words;
	return 1;
}

/* Reads the labels of the pieces and decides which names are speakers:
 * one named twice or more, in bold, or in capitals where the page's
 * recurring labels are; a surname alone is the full name's. */
static void
find_speakers(struct reader *rd)
{
	const uint8_t *t = (const uint8_t *)rd->pc.text.data;
	size_t i, j;
	int caps = 0, k;

	rd->labels = xcalloc(rd->pc.n + 1, sizeof *rd->labels);
	for (i = 0; i < rd->pc.n; i++) {
		struct html_piece *p = &rd->pc.p[i];
		struct label *l = &rd->labels[i];

		l->name = -1;
		if (p->se > p->ss) {
			l->hl.kind = HL_LABEL;
			l->hl.ns = p->ss;
			l->hl.ne = p->se;
			l->hl.ts = p->ts;
			l->hl.te = p->te;
			l->hl.time = DOC_NO_TIME;
			l->name = name_index(rd, t + p->ss, p->se - p->ss);
			rd->names[l->name].bold = 1;
			rd->names[l->name].count++;
			continue;
		}
		if (p->kind != HP_PARA && p->kind != HP_LINE &&
		    p->kind != HP_QUOTE)
			continue;
		if (html_label_read(t, p->ts, p->te, 0, &l->hl) == HL_MORE)
			continue;
		if (l->hl.kind == HL_NONE && !bold_alone(&rd->pc, p, &l->hl))
			continue;
		if (starts_strong(&rd->pc, p, l->hl.ne))
			l->hl.flags |= HL_BOLD;
		l->name = name_index(rd, t + l->hl.ns, l->hl.ne - l->hl.ns);
		rd->names[l->name].count++;
		if ((l->hl.flags & (HL_BOLD | HL_ALONE)) == HL_BOLD)
			rd->names[l->name].bold = 1;
		if (l->hl.flags & HL_CAPS)
			rd->names[l->name].caps = 1;
	}
	for (i = 0; i < rd->nnames; i++)
		if (rd->names[i].caps && rd->names[i].count >= 2)
			caps++;
	for (i = 0; i < rd->nnames; i++) {
		struct name *nm = &rd->names[i];

		nm->ok = nm->count >= 2 || nm->bold || (nm->caps && caps >= 2);
	}
	/* "CHANG" is "AILSA CHANG" when only one name ends so. */
	for (i = 0; i < rd->nnames; i++) {
		struct name *nm = &rd->names[i];

		if (memchr(nm->s, ' ', nm->n) != NULL)
			continue;
		for (j = 0, k = -1; j < rd->nnames; j++) {
			struct name *full = &rd->names[j];

			if (full->n > nm->n + 1 && full->ok &&
			    full->s[full->n - nm->n - 1] == ' ' &&
			    memcmp(full->s + full->n - nm->n, nm->s, nm->n) == 0)
				k = k == -1 ? (int)j : -2;
		}
		if (k >= 0) {
			nm->same = k;
			nm->ok = 1;
		}
	}
}

/* Folds white space and takes the site's name off a page's title:
 * "Episode 45: Title – Site" is "Episode 45: Title". Caller frees. */
static char *
clean_title(const char *s, const char *site)
{
	static const char *const seps[] = {
		" | ", " – ", " — ", " - ", " : ", " · ", " » ", " :: ", NULL
	};
	char *t = xmalloc(strlen(s) + 1), *cut, *best;
	size_t i, j = 0, words;
	int k;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
			if (j > 0 && t[j - 1] != ' ')
				t[j++] = ' ';
		} else {
			t[j++] = s[i];
		}
	}
	while (j > 0 && t[j - 1] == ' ')
		j--;
	t[j] = '\0';
	for (;;) {
		best = NULL;
		for (k = 0; seps[k] != NULL; k++)
			for (cut = strstr(t, seps[k]); cut != NULL;
			    cut = strstr(cut + 1, seps[k]))
				if (best == NULL || cut > best)
					best = cut;
		if (best == NULL)
			break;
		for (words = 1, i = 0; t + i < best; i++)
			words += t[i] == ' ';
		cut = strchr(best + 1, ' ');
		cut = cut != NULL ? cut + 1 : best;
		j = 1;
		for (i = 0; cut[i] != '\0'; i++)
			j += cut[i] == ' ';
		if ((site != NULL && strcasecmp(cut, site) == 0 && words >= 1) ||
		    (j <= 4 && words >= 3))
			*best = '\0';
		else
			break;
	}
	return t;
}

/* True when two titles are the same, but for case and white space. */
static int
same_text(const char *a, const uint8_t *b, size_t n)
{
	size_t i = 0, j = 0;

	while (a[i] != '\0' || j < n) {
		if (a[i] == ' ' || a[i] == '\n') {
			i++;
			continue;
		}
		if (j < n && (b[j] == ' ' || b[j] == '\n')) {
			j++;
			continue;
		}
		if (a[i] == '\0' || j >= n ||
		    ((uint8_t)a[i] | 0x20) != (b[j] | 0x20))
			return 0;
		i++;
		j++;
	}
	return 1;
}

/* The title block; the first heading is it when the <title> holds it. */
static void
put_title(struct doc *d, struct reader *rd, const struct html_page *pg)
{
	struct html_piece *first = NULL;
	const char *raw = pg->title != NULL ? pg->title : pg->ogtitle;
	char *title = raw != NULL ? clean_title(raw, pg->site) : NULL;
	size_t i, s;
	struct build_piece bp;

	for (i = 0; i < rd->pc.n && i < 8; i++)
		if (rd->pc.p[i].kind == HP_HEAD) {
			first = &rd->pc.p[i];
			break;
		}
	if (first != NULL) {
		const uint8_t *h = (const uint8_t *)rd->pc.text.data + first->ts;
		size_t hn = first->te - first->ts;

		if (title == NULL || same_text(title, h, hn) ||
		    (raw != NULL && same_text(raw, h, hn)) ||
		    (hn >= 8 && memmem(title, strlen(title), h, hn) != NULL)) {
			free(title);
			title = xstrndup((const char *)h, hn);
			first->flags |= HP_SKIP;
		}
	}
	if (title == NULL || *title == '\0') {
		free(title);
		return;
	}
	s = build_texts(d, title);
	bp = build_piece(s, build_len(d));
	build_block(d, DOC_TITLE, &bp);
	d->meta.title.start = s;
	d->meta.title.end = build_len(d);
	build_text(d, "\n", 1);
	free(title);
}

/* Makes headings that are not (too long: pull quotes; all links) other
 * blocks, and numbers the levels used from 1. */
static void
fix_headings(struct reader *rd)
{
	int used[7] = { 0 }, rank[7], k, r;
	size_t i, words, j;

	for (i = 0; i < rd->pc.n; i++) {
		struct html_piece *p = &rd->pc.p[i];
		const uint8_t *t = (const uint8_t *)rd->pc.text.data;

		if (p->kind != HP_HEAD || (p->flags & HP_SKIP))
			continue;
		for (words = 1, j = p->ts; j < p->te; j++)
			words += t[j] == ' ';
		if (text_width(t + p->ts, p->te - p->ts) > MAX_HEAD_COLS ||
		    words > MAX_HEAD_WORDS)
			p->kind = HP_QUOTE;
		else if (p->flags & HP_ALLLINK)
			p->kind = HP_PARA;
		else if (p->level >= 1 && p->level <= 6)
			used[p->level] = 1;
	}
	for (k = 1, r = 0; k <= 6; k++)
		rank[k] = used[k] ? ++r : r + 1;
	for (i = 0; i < rd->pc.n; i++)
		if (rd->pc.p[i].kind == HP_HEAD && rd->pc.p[i].level >= 1 &&
		    rd->pc.p[i].level <= 6)
			rd->pc.p[i].level = rank[rd->pc.p[i].level];
}

/* True when the piece is a line that is never content. */
static int
chrome_line(const struct reader *rd, const struct html_piece *p)
{
	const char *t = rd->pc.text.data + p->ts;
	size_t n = p->te - p->ts, i, words = 1;

	if (n <= MAX_CHROME_LINE)
		for (i = 0; chrome_lines[i] != NULL; i++)
			if (strlen(chrome_lines[i]) == n &&
			    strncasecmp(chrome_lines[i], t, n) == 0)
				return 1;
	if (p->kind == HP_PARA && (p->flags & HP_ALLLINK)) {
		for (i = 0; i < n; i++)
			words += t[i] == ' ';
		return words <= LINK_WORDS;
	}
	return 0;
}

/* A hash of bytes, for finding repeated paragraphs: eight at a time. */
static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 1099511628211ULL;
		h ^= h >> 29;
	}
	while (n-- > 0)
		h = (h ^ (uint8_t)*s++) * 1099511628211ULL;
	return h | 1;
}

/* Marks paragraphs that repeat an earlier one (a transcript shown twice:
 * a widget and the article) and chrome lines to be skipped. */
static void
skip_repeats(struct reader *rd)
{
	size_t cap = 64, i, k;
	uint64_t *seen, h;
	uint32_t *at;

	while (cap < rd->pc.n * 2)
		cap *= 2;
	seen = xcalloc(cap, sizeof *seen);
	at = xcalloc(cap, sizeof *at);
	for (i = 0; i < rd->pc.n; i++) {
		struct html_piece *p = &rd->pc.p[i];

		if (chrome_line(rd, p)) {
			p->flags |= HP_SKIP;
			continue;
		}
		if (p->te - p->ts < DEDUP_MIN || p->kind == HP_HEAD)
			continue;
		h = hash(rd->pc.text.data + p->ts, p->te - p->ts);
		for (k = h & (cap - 1); seen[k] != 0; k = (k + 1) & (cap - 1)) {
			const struct html_piece *q = &rd->pc.p[at[k]];

			if (seen[k] == h && q->te - q->ts == p->te - p->ts &&
			    memcmp(rd->pc.text.data + q->ts,
			    rd->pc.text.data + p->ts, p->te - p->ts) == 0)
				break;
		}
		if (seen[k] != 0) {
			p->flags |= HP_SKIP;
			continue;
		}
		seen[k] = h;
		at[k] = (uint32_t)i;
	}
	free(seen);
	free(at);
}

/* Starts a turn of the speaker of label l; its text is [ts, te) of
 * piece p. */
static void
put_turn(struct doc *d, struct reader *rd, const struct label *l,
    const struct html_piece *p, size_t ts, size_t te, uint32_t time)
{
	const struct name *nm = &rd->names[l->name];
	struct build_piece bp;
	size_t s, ne, tstart;
	int spk;

	if (nm->same >= 0)
		nm = &rd->names[nm->same];
	s = build_text(d, nm->s, nm->n);
	ne = build_len(d);
	build_texts(d, ": ");
	tstart = put_text(d, &rd->pc, p, ts, te);
	spk = build_speaker(d, d->src + s, ne - s);
	bp = build_piece(s, build_len(d));
	bp.lstart = s;
	bp.lend = ne;
	bp.tstart = tstart;
	bp.tend = build_len(d);
	bp.time = l->hl.time != DOC_NO_TIME ? l->hl.time : time;
	build_turn(d, spk, &bp);
	build_text(d, "\n", 1);
}

/* Adds piece p as a block of its kind. */
static void
put_piece(struct doc *d, struct reader *rd, const struct html_piece *p)
{
	struct build_piece bp;
	size_t s, b;

	s = put_text(d, &rd->pc, p, p->ts, p->te);
	bp = build_piece(s, build_len(d));
	bp.time = p->time;
	bp.level = p->level > 0 ? p->level : 1;
	switch (p->kind) {
	case HP_HEAD:
		build_heading(d, p->level, &bp);
		break;
	case HP_BULLET:
		b = build_block(d, DOC_BULLET, &bp);
		build_join(d, b);
		break;
	case HP_QUOTE:
		build_block(d, DOC_QUOTE, &bp);
		break;
	case HP_ROW:
		bp.level = 0;
		build_block(d, DOC_PARA, &bp);
		break;
	default:
		bp.level = 0;
		build_para(d, &bp);
		break;
	}
	build_text(d, "\n", 1);
}

/* "(00:01:02): text": a paragraph of the open turn, at that time. */
static void
put_more(struct doc *d, struct reader *rd, const struct label *l,
    const struct html_piece *p)
{
	struct build_piece bp;
	size_t s;

	s = put_text(d, &rd->pc, p, l->hl.ts, l->hl.te);
	bp = build_piece(s, build_len(d));
	bp.time = l->hl.time;
	build_para(d, &bp);
	build_text(d, "\n", 1);
}

/* Makes the blocks of the pieces. A label alone takes the next piece
 * as its text, unless that is a heading or labelled itself. */
static void
put_blocks(struct doc *d, struct reader *rd)
{
	const struct label *pending = NULL;
	const struct html_piece *pp = NULL;
	size_t i;

	for (i = 0; i < rd->pc.n; i++) {
		const struct html_piece *p = &rd->pc.p[i];
		const struct label *l = &rd->labels[i];
		int ok = l->name >= 0 && rd->names[l->name].ok;

		if (p->flags & HP_SKIP)
			continue;
		if (pending != NULL) {
			if (p->kind != HP_HEAD && !ok) {
				put_turn(d, rd, pending, p, p->ts, p->te,
				    p->time != DOC_NO_TIME ? p->time :
				    pp->time);
				pending = NULL;
				continue;
			}
			put_turn(d, rd, pending, pp, pp->te, pp->te, pp->time);
			pending = NULL;
		}
		if (l->hl.kind == HL_MORE) {
			put_more(d, rd, l, p);
		} else if (ok && l->hl.kind == HL_TURN) {
			put_turn(d, rd, l, p, l->hl.ts, l->hl.te, p->time);
		} else if (ok && l->hl.kind == HL_LABEL && p->se > p->ss) {
			put_turn(d, rd, l, p, p->ts, p->te, p->time);
		} else if (ok && l->hl.kind == HL_LABEL) {
			pending = l;
			pp = p;
		} else {
			put_piece(d, rd, p);
		}
	}
	if (pending != NULL)
		put_turn(d, rd, pending, pp, pp->te, pp->te, pp->time);
}

/* The page cannot be read: says why, in place of its text. */
static void
put_noparser(struct doc *d, const char *why)
{
	struct build_piece bp;
	char msg[512];
	size_t s;

	snprintf(msg, sizeof msg, "This web page cannot be shown: lectern "
	    "reads web pages with libxml2, which could not be loaded (%s).",
	    why);
	s = build_texts(d, msg);
	bp = build_piece(s, build_len(d));
	build_para(d, &bp);
	build_text(d, "\n", 1);
	build_detail(d, "libxml2 not loaded: %s", why);
}

/* Reads the whole page at once. */
static int
some(struct doc *d, size_t budget)
{
	struct html_page pg;
	struct reader rd;
	struct buf utf8 = { NULL, 0, 0 };
	const uint8_t *page;
	const char *enc;
	size_t len;
	int root;

	(void)budget;
	memset(&rd, 0, sizeof rd);
	build_own_text(d);
	enc = html_utf8(d->in, d->inlen, &utf8, &page, &len);
	html_page_parse(&pg, page, len);
	buf_free(&utf8);
	if (pg.noparser != NULL)
		put_noparser(d, pg.noparser);
	root = html_pick(&pg);
	html_walk(&pg, root, &rd.pc);
	find_speakers(&rd);
	fix_headings(&rd);
	skip_repeats(&rd);
	put_title(d, &rd, &pg);
	put_blocks(d, &rd);
	if (root >= 0) {
		const struct html_node *n = &pg.nodes[root];

		build_detail(d, "content: %.*s%s%s%s", n->te > n->ts ?
		    (int)(n->te - n->ts) : (int)strlen(html_tag_name(n->tag)),
		    n->te > n->ts ? pg.names.data + n->ts :
		    html_tag_name(n->tag), enc != NULL ? "; " : "",
		    enc != NULL ? enc : "", pg.restarts > 0 ?
		    "; nesting cut" : "");
	}
	d->parsed = d->inlen;
	free(rd.labels);
	free(rd.names);
	html_pieces_free(&rd.pc);
	html_page_free(&pg);
	return 0;
}

static void
end(struct doc *d)
{
	d->fs = NULL;
}

const struct format format_html = {
	"html", "web page (HTML)", sniff, begin, some, end,
	NULL, 0
};
