/* fuzz.c: a libFuzzer target for the parser, the layout at several widths,
 * the view, the plain outputs (--grep's too), the search and the regular
 * expressions: lines of the input are tried as patterns, over the
 * document and over the raw bytes. Built without libFuzzer (FUZZ_MAIN), it
 * runs the same checks on the files it is given: the seed corpus and the
 * crashers found, kept as regression tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/format.h"
#include "lectern/layout.h"
#include "lectern/render.h"
#include "lectern/rx.h"
#include "lectern/search.h"
#include "lectern/util.h"
#include "lectern/view.h"

#define PATTERN_MAX	100	/* bytes of a line taken as a pattern */
#define RUN_MAX		3000	/* instructions of a pattern that is run */

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops here on a broken invariant, where a fuzzer sees it. */
static void
require(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz: invariant broken: %s\n", what);
		abort();
	}
}

struct sink {
	int	cols;
};

static void
count_cols(void *arg, const uint8_t *text, size_t n, int cols,
    enum layout_style style, size_t src)
{
	struct sink *s = arg;

	(void)text;
	(void)n;
	(void)style;
	(void)src;
	s->cols += cols;
}

static void
check_layout(const struct doc *d, int width)
{
	struct layout_block lb = { NULL, 0, 0 };
	size_t b, i;

	for (b = 0; b < d->nblocks; b++) {
		const struct doc_block *blk = &d->blocks[b];
		size_t last = 0;

		require(layout_block(d, b, width, &lb) >= 1, "a block has lines");
		for (i = 0; i < lb.nlines; i++) {
			const struct layout_line *l = &lb.lines[i];
			struct sink s = { 0 };

			if (l->kind != LAYOUT_TEXT)
				continue;
			require(l->start <= l->end, "line range");
			require(l->start >= blk->tstart && l->end <= blk->tend,
			    "line inside its block's text");
			require(l->start >= last, "lines in order");
			last = l->end;
			layout_walk(d, l, count_cols, &s);
		}
	}
	layout_block_free(&lb);
}

static void
check_view(const struct doc *d)
{
	struct view *v = view_new(d, 23, 7);
	int i;

	for (i = 0; i < 50 && view_scroll(v, 3) > 0; i++)
		;
	view_to_end(v);
	view_resize(v, 5, 3);
	view_resize(v, 80, 24);
	view_to_top(v);
	if (d->nblocks > 0) {
		view_show_block(v, d->nblocks / 2);
		view_show_offset(v, d->len / 3);
		view_set_filter(v, 0);
		view_scroll(v, 10);
		view_scroll(v, -20);
		view_set_filter(v, -1);
	}
	(void)view_bottom_offset(v);
	view_free(v);
}

/* Checks the matches in r: each in one block's text, in order, apart. */
static void
check_matches(const struct doc *d, const struct search_index *x,
    const struct search_result *r)
{
	size_t i, s, e, b, lo;

	for (i = 0; i < r->n; i++) {
		const struct search_match *m = &r->m[i];
		struct search_match last;
		const struct doc_block *blk;

		require(m->fs < m->fe, "a match is not empty");
		require(i == 0 || m->fs >= r->m[i - 1].fe,
		    "matches in order, apart");
		last.fs = m->fe - 1;
		last.fe = m->fe;
		b = search_block(x, m);
		require(b < d->nblocks, "a match is in a block");
		require(search_block(x, &last) == b, "a match is in one block");
		search_source(x, m, &s, &e);
		blk = &d->blocks[b];
		lo = blk->lend > blk->lstart && blk->lstart < blk->tstart ?
		    blk->lstart : blk->tstart;
		require(s >= lo && s <= e && e <= blk->tend,
		    "a match lies in its block's label and text");
	}
}

/* The matches of text's first one or two characters, refined to text
 * (by the byte after each first, as the bar does after an unseen search),
 * are the matches of text: r, searched for it. */
static void
check_refine(struct search_index *x, const char *text,
    struct search_query *q, const struct search_result *r)
{
	struct search_result pr = SEARCH_RESULT_INIT;
	struct search_query p;
	char err[128], prefix[16];
	size_t cut = 0, i;
	int k;

	for (k = 0; k < 2 && text[cut] != '\0'; k++)
		do
			cut++;
		while ((text[cut] & 0xC0) == 0x80 && cut < sizeof prefix - 1);
	if (text[cut] == '\0' || cut >= sizeof prefix)
		return;
	memcpy(prefix, text, cut);
	prefix[cut] = '\0';
	if (search_query_init(&p, prefix, 0, err, sizeof err) == 0) {
		pr.want_next = 1;
		search_run(x, &p, NULL, &pr);
		if (search_refine(x, &p, q, NULL, &pr)) {
			require(pr.n == r->n, "refined as many as searched");
			for (i = 0; i < pr.n && i < r->n; i++)
				require(pr.m[i].fs == r->m[i].fs &&
				    pr.m[i].fe == r->m[i].fe,
				    "refined the matches searched");
		}
	}
	search_query_free(&p);
	search_result_free(&pr);
}

/* Searches for text: at once, and, with slices, again in small slices
 * (the same matches). */
static void
check_search(const struct doc *d, struct search_index *x,
    const char *text, int regex, int slices)
{
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_result sl = SEARCH_RESULT_INIT;
	struct search_query q;
	char err[128];
	size_t i, pos = 0;

	if (search_query_init(&q, text, regex, err, sizeof err) == 0 &&
	    (!regex || rx_size(q.rx) <= RUN_MAX)) {
		search_run(x, &q, NULL, &r);
		check_matches(d, x, &r);
		if (!regex)
			check_refine(x, text, &q, &r);
		while (slices && pos < search_folded_len(x))
			pos = search_run_slice(x, &q, NULL, &sl, pos, 61);
		require(!slices || sl.n == r.n, "slices find as many matches");
		for (i = 0; slices && i < r.n && i < sl.n; i++)
			require(sl.m[i].fs == r.m[i].fs &&
			    sl.m[i].fe == r.m[i].fe,
			    "slices find the same matches");
	}
	search_query_free(&q);
	search_result_free(&r);
	search_result_free(&sl);
}

/* --grep's output for text (to nowhere). */
static void
check_grep(const struct doc *d, const char *text, int regex, FILE *null)
{
	struct search_query q;
	char err[128];

	if (search_query_init(&q, text, regex, err, sizeof err) == 0 &&
	    (!regex || rx_size(q.rx) <= RUN_MAX))
		render_grep(d, &q, 0, null);
	search_query_free(&q);
}

/* Runs a pattern over raw bytes: at once, and in slices of a few steps,
 * with the same matches, in order and in the text. */
static void
check_rx(const char *pat, const uint8_t *data, size_t size)
{
	char err[128];
	struct rx *re = rx_compile(pat, strlen(pat), RX_ICASE, NULL, NULL,
	    err, sizeof err);
	struct rx_run *one, *sl;
	struct rx_match a, b;
	size_t big = SIZE_MAX, small, prev = 0;
	enum rx_status st;

	if (re == NULL || rx_size(re) > RUN_MAX) {
		rx_free(re);
		return;
	}
	one = rx_run_new(re);
	sl = rx_run_new(re);
	rx_run_start(one, size, 0, RX_NONEMPTY);
	rx_run_start(sl, size, 0, RX_NONEMPTY);
	while (rx_exec(one, data, size, &big, &a) == RX_MATCH) {
		require(a.so < a.eo && a.eo <= size, "an rx match in the text");
		require(a.so >= prev, "rx matches in order, apart");
		prev = a.eo;
		do {
			small = 7;
			st = rx_exec(sl, data, size, &small, &b);
		} while (st == RX_PAUSED);
		require(st == RX_MATCH && a.so == b.so && a.eo == b.eo,
		    "rx in slices finds the same matches");
	}
	do {
		small = 7;
		st = rx_exec(sl, data, size, &small, &b);
	} while (st == RX_PAUSED);
	require(st == RX_DONE, "rx in slices finds no more matches");
	rx_run_free(one);
	rx_run_free(sl);
	rx_free(re);
}

/* Line n (from 0) of the input, at most PATTERN_MAX bytes, into out. */
static void
input_line(const uint8_t *data, size_t size, int n, char *out)
{
	size_t i = 0, k = 0;

	for (; n > 0 && i < size; i++)
		if (data[i] == '\n')
			n--;
	while (i < size && data[i] != '\n' && data[i] != '\0' &&
	    k < PATTERN_MAX)
		out[k++] = (char)data[i++];
	out[k] = '\0';
}

/* The times: the latest is the latest of the blocks'; the time at a
 * block is one of the blocks'; the block at a time is a block. */
static void
check_times(const struct doc *d)
{
	uint32_t most = DOC_NO_TIME, t;
	size_t b;

	for (b = 0; b < d->nblocks; b++)
		if (d->blocks[b].time != DOC_NO_TIME &&
		    (most == DOC_NO_TIME || d->blocks[b].time > most))
			most = d->blocks[b].time;
	require(d->maxtime == most, "the latest time");
	for (b = 0; b < d->nblocks; b++) {
		t = doc_time_at(d, b);
		require(t == DOC_NO_TIME || t <= most, "the time at a block");
		require(d->blocks[b].time == DOC_NO_TIME ||
		    t == d->blocks[b].time, "a block's own time");
	}
	if (most != DOC_NO_TIME) {
		require(doc_block_at_time(d, 0) < d->nblocks, "time 0");
		require(doc_block_at_time(d, most / 2) < d->nblocks,
		    "half way");
		require(doc_block_at_time(d, UINT32_MAX - 1) < d->nblocks,
		    "past the end");
	}
}

/* The model's invariants: ranges inside the text, indexes inside their
 * arrays, sections and turns well nested, spans sorted. */
static void
check_model(const struct doc *d)
{
	size_t b, i;

	for (b = 0; b < d->nblocks; b++) {
		const struct doc_block *k = &d->blocks[b];

		require(k->kind < DOC_NKINDS, "block kind");
		require(k->tstart <= k->tend && k->tend <= d->len, "text range");
		require(k->lstart <= k->lend && k->lend <= d->len, "label range");
		require(k->speaker < (int)d->nspeakers, "speaker index");
		require(k->turn < (int)d->nturns, "turn index");
		require(k->section < (int)d->nsections, "section index");
		require(doc_quote_attrib(d, b) < (int)d->nblocks &&
		    (doc_quote_attrib(d, b) < 0 || k->kind == DOC_QUOTE),
		    "quote's attribution");
		require(b == 0 || k->start >= d->blocks[b - 1].start,
		    "blocks in order");
	}
	for (i = 0; i < d->nsections; i++) {
		require(d->sections[i].heading < d->nblocks, "section heading");
		require(d->sections[i].end <= d->nblocks, "section end");
		require(d->sections[i].parent < (int)i, "section parent");
	}
	for (i = 0; i < d->nturns; i++)
		require(d->turns[i].first <= d->turns[i].last &&
		    d->turns[i].last < d->nblocks, "turn range");
	for (i = 0; i < d->nspans; i++)
		require(d->spans[i].start < d->spans[i].end &&
		    d->spans[i].end <= d->len && (i == 0 ||
		    d->spans[i].start >= d->spans[i - 1].end), "spans");
	check_times(d);
}

/* Reads the input as one format (NULL: the one recognised) and checks
 * everything made of it. */
static void
check_doc(const uint8_t *data, size_t size, const char *format, FILE *null)
{
	static const char *patterns[] = { "t[a-z]+ ", "\\.\\s",
	    "[[:space:]]$", "\\b\\w{1,3}\\b", "(a|e)+.?$", "^\\W*",
	    "[^[:alpha:]]+" };
	struct search_index *x;
	struct search_query q;
	struct doc *d;
	char query[9], line[PATTERN_MAX + 1], err[128];
	size_t n, i;
	int k;

	d = doc_new_as(data, size, "fuzz", DOC_BORROWED, format);
	doc_parse_all(d);
	check_model(d);
	check_layout(d, 1);
	check_layout(d, 7);
	check_layout(d, 41);
	check_view(d);
	render_dump(d, 20, null);
	render_outline(d, null);
	render_speakers(d, null);
	render_blocks(d, null);
	/* A query from the input itself, and a few that are always there. */
	n = size < 8 ? size : 8;
	if (n > 0)
		memcpy(query, data, n);
	query[n] = '\0';
	x = search_index_new(d);
	if (query[0] != '\0')
		check_search(d, x, query, 0, 1);
	check_search(d, x, "the", 0, 0);
	check_search(d, x, "don't ...", 0, 0);
	check_search(d, x, "Stra\xC3\x9F" "e", 0, 0);
	for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++)
		check_search(d, x, patterns[i], 1, i == 0);
	/* The first lines of the input as patterns. */
	for (k = 0; k < 2; k++) {
		input_line(data, size, k, line);
		if (line[0] == '\0')
			continue;
		check_search(d, x, line, 1, 1);
		check_rx(line, data, size);
		if (k == 0)
			check_grep(d, line, 1, null);
	}
	search_index_free(x);
	if (query[0] != '\0')
		check_grep(d, query, 0, null);
	/* --grep, with the times of the matches. */
	if (search_query_init(&q, "e", 0, err, sizeof err) == 0)
		render_grep(d, &q, 0, null);
	search_query_free(&q);
	doc_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	size_t nformats = 0;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		return 0;
	while (format_table[nformats] != NULL)
		nformats++;
	/* As recognised, and as a format picked by the input, so that every
	 * reader sees every input. */
	check_doc(data, size, NULL, null);
	check_doc(data, size, format_table[size % nformats]->name, null);
	return 0;
}

#ifdef FUZZ_MAIN
int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		struct buf b = { NULL, 0, 0 };
		uint8_t *exact;
		char chunk[65536];
		size_t n;

		if (f == NULL) {
			perror(argv[i]);
			return 2;
		}
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_add(&b, chunk, n);
		fclose(f);
		/* In a block of its own size, as libFuzzer gives it, so
		 * that a read past its end is seen. */
		exact = xmalloc(b.len);
		if (b.len > 0)
			memcpy(exact, b.data, b.len);
		LLVMFuzzerTestOneInput(exact, b.len);
		free(exact);
		buf_free(&b);
		printf("PASS fuzz/%s\n", strrchr(argv[i], '/') != NULL ?
		    strrchr(argv[i], '/') + 1 : argv[i]);
	}
	return 0;
}
#endif
