/* unit_scan.c: the in-place matcher (scan.c) against the folded index of
 * search.c, on generated text full of the characters folding is about. */
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
 * dashes, an ellipsis, invisible characters, wide characters. */
static const char *pieces[] = {
	"a", "b", "e", "s", "t", "A", "E", "S", "T", "x", "y", " ", " ", " ",
	"  ", "\t", "\n", "\xC3\xA9", "e\xCC\x81", "\xC3\x89", "\xC3\x9F",
	"ss", "\xEF\xAC\x81", "fi", "\xE2\x80\x99", "'", "\xE2\x80\x94", "-",
	"\xE2\x80\xA6", "...", ".", "\xE2\x80\x8B", "\xC2\xAD", "\xC2\xA0",
	"\xC4\xB0", "\xE2\x84\xAA", "k", "\xCE\xA3", "\xCF\x83", "\xCF\x82",
	"\xE6\x97\xA5", "\xF0\x9F\x98\x80", "\xCC\x81", "i", "I", "\xC3\xBC",
	"u", "\xE2\x80\x9C", "\"", "\xE2\x80\x93", "\xC3\x80"
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

TEST(scan_matches_index)
{
	int round, tries = 0, found = 0;

	for (round = 0; round < 300; round++) {
		struct buf text = { NULL, 0, 0 }, qb = { NULL, 0, 0 };
		struct search_index *x;
		struct search_result r = { NULL, 0, 0, 0 };
		struct search_query sq;
		struct doc *d;
		static size_t a[4096][2], c[4096][2];
		size_t na, nc, i, qi;
		char err[64];
		int l;

		for (l = 0; l < 1 + (int)rnd(4); l++)
			gen_line(&text, 5 + (int)rnd(60));
		d = unit_parse(buf_str(&text));
		x = search_index_new(d);
		for (qi = 0; qi < 20; qi++) {
			int npieces = 1 + (int)rnd(4), j;
			char *qs;

			buf_reset(&qb);
			for (j = 0; j < npieces; j++) {
				const char *p = pieces[rnd(NPIECES)];

				/* Lower case, no marks: no exact check. */
				if (strcmp(p, "\xCC\x81") == 0 || (p[0] >= 'A' &&
				    p[0] <= 'Z') || (unsigned char)p[0] == 0xC3 ||
				    (unsigned char)p[0] == 0xC4 ||
				    (unsigned char)p[0] == 0xCE ||
				    ((unsigned char)p[0] == 0xE2 && p[1] == (char)0x84))
					p = "e";
				buf_adds(&qb, p);
			}
			qs = xstrdup(buf_str(&qb));
			if (search_query_init(&sq, qs, 0, err, sizeof err) != 0 ||
			    sq.case_sensitive || sq.keep_marks ||
			    sq.nfolded == 0) {
				search_query_free(&sq);
				free(qs);
				continue;
			}
			tries++;
			search_run(x, &sq, NULL, &r);
			for (na = 0; na < r.n && na < 4096; na++)
			{
				search_source(x, &r.m[na], &a[na][0], &a[na][1]);
				a[na][1] = trim_invisible(d, a[na][0], a[na][1]);
			}
			nc = scan_all(d, sq.folded, sq.nfolded, c, 4096, 0);
			found += nc > 0;
			if (na != nc) {
				UNIT_FAIL("query [%s] in [%s]: index %zu, scan %zu",
				    qs, buf_str(&text), na, nc);
			} else {
				for (i = 0; i < na; i++)
					if (a[i][0] != c[i][0] ||
					    a[i][1] != c[i][1]) {
						UNIT_FAIL("query [%s] match %zu: "
						    "index %zu-%zu, scan %zu-%zu "
						    "in [%s]", qs, i, a[i][0],
						    a[i][1], c[i][0], c[i][1],
						    buf_str(&text));
						break;
					}
			}
			/* The events find every unit that has a match. */
			nc = scan_all(d, sq.folded, sq.nfolded, c, 4096, 1);
			if (nc != na)
				UNIT_FAIL("query [%s]: with events %zu, without "
				    "%zu, in [%s]", qs, nc, na, buf_str(&text));
			search_query_free(&sq);
			free(qs);
			if (unit_fails > 5)
				break;
		}
		search_result_free(&r);
		search_index_free(x);
		doc_free(d);
		buf_free(&text);
		buf_free(&qb);
		if (unit_fails > 5)
			break;
	}
	EXPECT(tries > 1000);
	EXPECT(found > 300);
}
