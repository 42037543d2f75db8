/* fuzz.c: a libFuzzer target for the parser, the layout at several widths,
 * the view, the plain outputs and the search matcher. Built without
 * libFuzzer (FUZZ_MAIN), it runs the same checks on the files it is given:
 * the seed corpus and the crashers found, kept as regression tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/layout.h"
#include "lectern/render.h"
#include "lectern/search.h"
#include "lectern/util.h"
#include "lectern/view.h"

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

static void
check_search(const struct doc *d, const struct search_index *x,
    const char *text, int regex)
{
	struct search_result r = { NULL, 0, 0, 0, NULL };
	struct search_query q;
	char err[128];
	size_t i, prev = 0;

	if (search_query_init(&q, text, regex, err, sizeof err) == 0) {
		search_run(x, &q, NULL, &r);
		for (i = 0; i < r.n; i++) {
			size_t s, e;

			search_source(x, &r.m[i], &s, &e);
			require(s <= e && e <= d->len, "match inside the text");
			require(s >= prev, "matches in order");
			prev = s;
		}
	}
	search_query_free(&q);
	search_result_free(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct search_index *x;
	struct doc *d;
	char query[9];
	size_t n;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		return 0;
	d = doc_new(data, size, "fuzz", DOC_BORROWED);
	doc_parse_all(d);
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
		check_search(d, x, query, 0);
	check_search(d, x, "the", 0);
	check_search(d, x, "don't ...", 0);
	check_search(d, x, "Stra\xC3\x9F" "e", 0);
	check_search(d, x, "t[a-z]+ ", 1);
	search_index_free(x);
	doc_free(d);
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
		char chunk[65536];
		size_t n;

		if (f == NULL) {
			perror(argv[i]);
			return 2;
		}
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_add(&b, chunk, n);
		fclose(f);
		LLVMFuzzerTestOneInput((const uint8_t *)b.data, b.len);
		buf_free(&b);
		printf("PASS fuzz/%s\n", strrchr(argv[i], '/') != NULL ?
		    strrchr(argv[i], '/') + 1 : argv[i]);
	}
	return 0;
}
#endif
