/* unit_scan.c: the in-place matcher (scan.c) against a plainly right one
 * that folds first, on generated text full of the characters folding is
 * about. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/fold.h"
#include "lectern/scan.h"
#include "lectern/search.h"
#include "lectern/util.h"
#include "unit.h"

/* Pieces of text: ASCII of both cases, white space of several kinds,
 * precomposed and decomposed letters, ß, ligatures, curly quotes,
 * dashes, an ellipsis, invisible characters, wide characters, a stray
 * byte and U+FFFD, which it shows as. */
static const char *pieces[] = {
	"a", "b", "e", "s", "t", "A", "E", "S", "T", "x", "y", " ", " ", " ",
	"  ", "\t", "\n", "\xC3\xA9", "e\xCC\x81", "\xC3\x89", "\xC3\x9F",
	"ss", "\xEF\xAC\x81", "fi", "\xE2\x80\x99", "'", "\xE2\x80\x94", "-",
	"\xE2\x80\xA6", "...", ".", "\xE2\x80\x8B", "\xC2\xAD", "\xC2\xA0",
	"\xC4\xB0", "\xE2\x84\xAA", "k", "\xCE\xA3", "\xCF\x83", "\xCF\x82",
	"\xE6\x97\xA5", "\xF0\x9F\x98\x80", "\xCC\x81", "i", "I", "\xC3\xBC",
	"u", "\xE2\x80\x9C", "\"", "\xE2\x80\x93", "\xC3\x80",
	"\xBF", "\xEF\xBF\xBD"
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static unsigned long long rng = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* A line of random pieces that starts with a letter, so the parser makes
 * it a paragraph (no label, no bullet). */
static void
gen_line(struct buf *b, int n)
{
	int i;

	buf_adds(b, "zq");
	for (i = 0; i < n; i++) {
		const char *p = pieces[rnd(NPIECES)];

		if (p[0] == '\n')
			p = " ";
		buf_adds(b, p);
	}
	buf_adds(b, ".\n\n");
}

/* Moves a match's end back over the invisible characters and marks before
 * it: the index counts those after a character outside ASCII into its
 * match, the scan only the marks that follow the last character (the
 * grapheme); neither is wrong. */
static size_t
trim_invisible(const struct doc *d, size_t s, size_t e)
{
	uint8_t out[FOLD_MAX];

	for (;;) {
		size_t b = e;
		int k;
		uint32_t uc;

		if (b <= s)
			return e;
		b--;
		while (b > s && (d->src[b] & 0xC0) == 0x80)
			b--;
		uc = fold_decode(d->src + b, e - b, &k);
		if (b + (size_t)k != e || (fold_char(uc, FOLD_CASE, out) != 0 &&
		    !fold_extends(uc)))
			return e;
		e = b;
	}
}

/* The matches of the folded query q in the paragraphs of d, by scan.c
 * (events, then units), as source ranges. */
static size_t
scan_all(const struct doc *d, const uint8_t *q, size_t n, size_t (*out)[2],
    size_t max, int use_events)
{
	struct scan sc;
	size_t b = 0, k = 0, pos = 0;

	scan_init(&sc, q, n);
	while (b < d->nblocks && k < max) {
		const struct doc_block *blk = &d->blocks[b];
		size_t p, s, end;
		int partial = 0;

		if (use_events) {
			size_t ev = scan_event(&sc, d->src, pos, d->len);

			if (ev == SIZE_MAX)
				break;
			b = doc_block_at(d, ev);
			blk = &d->blocks[b];
			if (ev >= blk->tend) {
				/* Between blocks: nothing there. */
				pos = ev + 1;
				continue;
			}
		}
		p = blk->tstart;
		while (k < max && (s = scan_unit(&sc, d->src, blk->tstart, p,
		    blk->tend, &end, &partial)) != SIZE_MAX) {
			out[k][0] = s;
			out[k][1] = trim_invisible(d, s, end);
			k++;
			p = end;
		}
		pos = blk->tend;
		b++;
	}
	scan_free(&sc);
	return k;
}

/* A matcher that is plainly right and slow: folds the unit a character
 * at a time, noting where each folded byte came from, and compares the
 * query at every folded offset. Appends matches to out (source ranges). */
static size_t
oracle(const uint8_t *t, size_t s, size_t e, const uint8_t *q, size_t n,
    size_t (*out)[2], size_t k, size_t max)
{
	struct buf f = { NULL, 0, 0 };
	size_t *from = NULL, *to = NULL, cap = 0, i, p;
	uint8_t *first = NULL, *last = NULL;
	int space = 1, len, kk;
	uint8_t o[FOLD_MAX];

	for (i = s; i < e; i += (size_t)kk) {
		uint32_t uc = fold_decode(t + i, e - i, &kk);
		size_t j, at = f.len;

		len = fold_char(uc, FOLD_CASE, o);
		if (len == 0 || (len == FOLD_SPACE && space)) {
			/* Nothing shown: a space run goes on over it. */
			if (f.len > 0 && (len == FOLD_SPACE || space))
				to[f.len - 1] = i + (size_t)kk;
			continue;
		}
		if (len == FOLD_SPACE) {
			o[0] = ' ';
			len = 1;
		}
		space = o[0] == ' ' && len == 1 && fold_char(uc, FOLD_CASE,
		    o) == FOLD_SPACE;
		if (space)
			o[0] = ' ';
		buf_add(&f, o, (size_t)len);
		if (f.len > cap) {
			cap = f.len * 2;
			from = xreallocarray(from, cap, sizeof *from);
			to = xreallocarray(to, cap, sizeof *to);
			first = xreallocarray(first, cap, 1);
			last = xreallocarray(last, cap, 1);
		}
		for (j = at; j < f.len; j++) {
			from[j] = i;
			to[j] = i + (size_t)kk;
			first[j] = j == at;
			last[j] = j == f.len - 1;
		}
	}
	for (p = 0; p + n <= f.len && k < max;) {
		size_t end;

		if (memcmp(f.data + p, q, n) != 0 || !first[p] ||
		    !last[p + n - 1]) {
			p++;
			continue;
		}
		end = to[p + n - 1];
		while (end < e) {
			uint32_t uc = fold_decode(t + end, e - end, &kk);

			if (!fold_extends(uc))
				break;
			end += (size_t)kk;
		}
		out[k][0] = from[p];
		out[k][1] = end;
		k++;
		p += n;
	}
	buf_free(&f);
	free(from);
	free(to);
	free(first);
	free(last);
	return k;
}

/* Compares the scans (of units, and of events then units) of the folded
 * query fq in d with the oracle's na matches a; returns 1 when some were
 * found. */
static int
check_scan(struct doc *d, struct buf *fq, struct buf *text,
    size_t a[][2], size_t na)
{
	static size_t c[4096][2];
	size_t nc, i;

	nc = scan_all(d, (const uint8_t *)fq->data, fq->len, c, 4096, 0);
	if (na != nc)
		UNIT_FAIL("query [%s] in [%s]: oracle %zu, scan %zu",
		    fq->data, buf_str(text), na, nc);
	else
		for (i = 0; i < na; i++)
			if (a[i][0] != c[i][0] || a[i][1] != c[i][1]) {
				UNIT_FAIL("query [%s] match %zu: oracle "
				    "%zu-%zu, scan %zu-%zu in [%s]", fq->data,
				    i, a[i][0], a[i][1], c[i][0], c[i][1],
				    buf_str(text));
				break;
			}
	nc = scan_all(d, (const uint8_t *)fq->data, fq->len, c, 4096, 1);
	if (nc != na)
		UNIT_FAIL("query [%s]: with events %zu, oracle %zu, in [%s]",
		    fq->data, nc, na, buf_str(text));
	return nc > 0;
}

TEST(scan_matches_oracle)
{
	static const int widths[] = { 32, 16, 0 };
	int round, tries = 0, found = 0, wi;

	for (round = 0; round < 400; round++) {
		struct buf text = { NULL, 0, 0 }, qb = { NULL, 0, 0 };
		struct doc *d;
		static size_t a[4096][2];
		size_t na, i, qi, b;
		int l;

		for (l = 0; l < 1 + (int)rnd(4); l++)
			gen_line(&text, 5 + (int)rnd(60));
		d = unit_parse(buf_str(&text));
		for (qi = 0; qi < 20; qi++) {
			int npieces = 1 + (int)rnd(4), j;

			buf_reset(&qb);
			for (j = 0; j < npieces; j++)
				buf_adds(&qb, pieces[rnd(NPIECES)]);
			{
				struct buf fq = { NULL, 0, 0 };

				fold_text(&fq, (const uint8_t *)buf_str(&qb),
				    qb.len, FOLD_CASE);
				if (fq.len == 0) {
					buf_free(&fq);
					continue;
				}
				tries++;
				for (na = 0, b = 0; b < d->nblocks; b++)
					na = oracle(d->src, d->blocks[b].tstart,
					    d->blocks[b].tend,
					    (const uint8_t *)fq.data, fq.len, a,
					    na, 4096);
				for (i = 0; i < na; i++)
					a[i][1] = trim_invisible(d, a[i][0],
					    a[i][1]);
				/* Each width of the vector loops, and none. */
				for (wi = 0; wi < 3; wi++) {
					scan_set_vectors(widths[wi]);
					found += check_scan(d, &fq, &text, a,
					    na);
				}
				scan_set_vectors(32);
				buf_free(&fq);
			}
			if (unit_fails > 5)
				break;
		}
		doc_free(d);
		buf_free(&text);
		buf_free(&qb);
		if (unit_fails > 5)
			break;
	}
	EXPECT(tries > 4000);
	EXPECT(found > 1500);
}

/* The same matches, or a message. */
static int
same_matches(const struct search_result *a, const struct search_result *b,
    const char *q, const char *text)
{
	size_t i;

	if (a->n != b->n) {
		UNIT_FAIL("[%s]: %zu refined, %zu searched, in [%s]", q, a->n,
		    b->n, text);
		return 0;
	}
	for (i = 0; i < a->n; i++)
		if (a->m[i].fs != b->m[i].fs || a->m[i].fe != b->m[i].fe) {
			UNIT_FAIL("[%s]: match %zu is [%u, %u) refined, [%u, "
			    "%u) searched, in [%s]", q, i, a->m[i].fs,
			    a->m[i].fe, b->m[i].fs, b->m[i].fe, text);
			return 0;
		}
	return 1;
}

/* ASCII pieces, for the runs that refining reads from the bytes kept
 * after each match without the text. */
static const char *ascii_pieces[] = {
	"a", "b", "e", "s", "t", "A", "E", "S", "T", " ", "st", "est", "ab",
	"-", ".", "'", "\"", "x", "ee", "ss", "e\xCC\x81", "\xC3\xA9"
};
#define NASCII (sizeof ascii_pieces / sizeof ascii_pieces[0])

/* A longer query refined from a shorter one's matches, letter by letter
 * as the bar does (from the bytes kept after each match where they tell,
 * from the text where they do not), finds what a search of it finds: in
 * text of every kind of piece, in mostly ASCII text, over labels, in the
 * whole text and in a speaker's turns. */
TEST(search_refine_by_next_bytes)
{
	int round, tries = 0, found = 0, chains = 0;

	for (round = 0; round < 400; round++) {
		struct buf text = { NULL, 0, 0 }, qb = { NULL, 0, 0 };
		struct search_index *x;
		struct doc *d;
		int l, j, ascii = round % 2;

		for (l = 0; l < 1 + (int)rnd(4); l++) {
			if (ascii) {
				int i, n = 5 + (int)rnd(60);

				buf_adds(&text, "zq");
				for (i = 0; i < n; i++)
					buf_adds(&text, ascii_pieces[rnd(NASCII)]);
				buf_adds(&text, rnd(2) ? ".\n\n" : "\n\n");
			} else
				gen_line(&text, 5 + (int)rnd(60));
		}
		/* Labels, so that matches run over a separator. */
		if (rnd(2))
			buf_adds(&text, "Ann Lee: se\xE2\x80\x99s \xC3\x89t ss "
			    "test.\n\nBob Stone: st test, Ann Lee: tests\n\n");
		d = unit_parse(buf_str(&text));
		x = search_index_new(d);
		for (j = 0; j < 20; j++) {
			struct search_query q1, q2;
			struct search_result r1 = SEARCH_RESULT_INIT;
			struct search_result r2 = SEARCH_RESULT_INIT;
			struct search_scope sc = { SEARCH_ALL, -1, -1 };
			char err[128];
			size_t cut, npieces, p;

			buf_reset(&qb);
			npieces = 2 + rnd(5);
			for (p = 0; p < npieces; p++)
				buf_adds(&qb, ascii && rnd(4) ?
				    ascii_pieces[rnd(NASCII)] :
				    pieces[rnd(NPIECES)]);
			if (d->nspeakers > 0 && rnd(4) == 0) {
				sc.kind = SEARCH_SPEAKER;
				sc.speaker = (int)rnd((unsigned)d->nspeakers);
			}
			/* The shortest query: the first one to three bytes. */
			cut = 1 + rnd(3);
			if (cut >= qb.len || (qb.data[cut] & 0xC0) == 0x80)
				continue;
			{
				char *t = xstrndup(qb.data, cut);
				int bad = search_query_init(&q1, t, 0, err,
				    sizeof err) == -1;

				free(t);
				if (bad) {
					search_query_free(&q1);
					continue;
				}
			}
			r1.want_next = rnd(4) != 0;
			search_run(x, &q1, &sc, &r1);
			chains++;
			/* One letter, byte or character more at a time. */
			while (cut < qb.len) {
				cut += 1 + rnd(2);
				while (cut < qb.len &&
				    (qb.data[cut] & 0xC0) == 0x80)
					cut++;
				if (cut > qb.len)
					cut = qb.len;
				{
					char *t = xstrndup(qb.data, cut);
					int bad = search_query_init(&q2, t, 0,
					    err, sizeof err) == -1;

					free(t);
					if (bad) {
						search_query_free(&q2);
						break;
					}
				}
				r2.want_next = 1;
				search_run(x, &q2, &sc, &r2);
				if (search_refine(x, &q1, &q2, &sc, &r1)) {
					tries++;
					found += r2.n > 0;
					if (!same_matches(&r1, &r2, q2.text,
					    buf_str(&text)))
						cut = qb.len;
				} else {
					/* Searched again, as the bar does. */
					r1.n = 0;
					search_run(x, &q2, &sc, &r1);
				}
				search_query_free(&q1);
				q1 = q2;
			}
			search_result_free(&r1);
			search_result_free(&r2);
			search_query_free(&q1);
			if (unit_fails > 5)
				break;
		}
		search_index_free(x);
		doc_free(d);
		buf_free(&text);
		buf_free(&qb);
		if (unit_fails > 5)
			break;
	}
	EXPECT(chains > 3000);
	EXPECT(tries > 5000);
	EXPECT(found > 1000);
}

/* Refines q[0] to each longer q[i] in turn, searching each afresh too,
 * from a first search with the bytes after its matches or without;
 * refine says whether the refining is to be done or refused. */
static void
refine_chain(const char *text, const char **q, int with_next, int refine)
{
	struct doc *d = unit_parse(text);
	struct search_index *x = search_index_new(d);
	struct search_query q1, q2;
	struct search_result r1 = SEARCH_RESULT_INIT, r2 = SEARCH_RESULT_INIT;
	char err[128];
	int i;

	EXPECT(search_query_init(&q1, q[0], 0, err, sizeof err) == 0);
	r1.want_next = with_next;
	search_run(x, &q1, NULL, &r1);
	for (i = 1; q[i] != NULL; i++) {
		EXPECT(search_query_init(&q2, q[i], 0, err, sizeof err) == 0);
		search_run(x, &q2, NULL, &r2);
		if (search_refine(x, &q1, &q2, NULL, &r1)) {
			EXPECT(refine);
			same_matches(&r1, &r2, q[i], text);
		} else {
			EXPECT(!refine);
			r1.n = 0;
			search_run(x, &q2, NULL, &r1);
		}
		EXPECT(r2.n > 0);
		search_query_free(&q1);
		q1 = q2;
	}
	search_query_free(&q1);
	search_result_free(&r1);
	search_result_free(&r2);
	search_index_free(x);
	doc_free(d);
}

/* The places refining from the bytes after each match must not take for
 * a match: one passed over inside another match ("ees" in "eees"), a mark
 * after the last letter (the match takes it in), a label's separator that
 * is the layout's and not the document's, and a mark added to a query
 * with diacritics (its shorter form refused the place). */
TEST(search_refine_edges)
{
	static const char *eees[] = { "ee", "ees", NULL };
	static const char *eees2[] = { "e", "ee", "ees", NULL };
	static const char *marks[] = { "t", "te", "tes", NULL };
	static const char *label[] = { "lee", "lee:", "lee: t", "lee: te",
	    NULL };
	static const char *more[] = { "\xC3\xA9", "\xC3\xA9\xCC\x81", NULL };
	int with;

	for (with = 0; with < 2; with++) {
		refine_chain("One eees here.\n", eees, with, 1);
		refine_chain("One eees here.\n", eees2, with, 1);
		refine_chain("The te\xCC\x81st, the te\xCC\x81s, tea.\n", marks,
		    with, 1);
		refine_chain("A title\n\nAnn Lee:    tests here.\n\n"
		    "Bob Stone: and lee: te\n", label, with, 1);
		refine_chain("Caf\xC3\xA9\xCC\x81 and caf\xC3\xA9.\n", more,
		    with, 0);
	}
}
