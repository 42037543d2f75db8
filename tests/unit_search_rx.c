/* unit_search_rx.c: unit tests of regular expressions in the search (a
 * block at a time, in slices, within a scope), of --grep's excerpts for
 * any match span, and of the haystacks the plain search gives memmem. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/render.h"
#include "lectern/search.h"
#include "lectern/util.h"
#include "unit.h"

/* The haystack lengths given to memmem, summed. This memmem stands for the
 * C library's in the unit tests. */
static size_t memmem_total;

void *
memmem(const void *hay, size_t n, const void *needle, size_t k)
{
	const unsigned char *h = hay;
	size_t i;

	memmem_total += n;
	if (k == 0)
		return (void *)h;
	for (i = 0; i + k <= n; i++)
		if (h[i] == *(const unsigned char *)needle &&
		    memcmp(h + i, needle, k) == 0)
			return (void *)(h + i);
	return NULL;
}

/* The matches of query in text as "source text|source text|...", searched
 * in slices of budget bytes (SIZE_MAX: at once), within scope sc. */
static char *
found(const char *text, const char *query, int regex, size_t budget,
    const struct search_scope *sc)
{
	struct doc *d = unit_parse(text);
	struct search_index *x = search_index_new(d);
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_query q;
	struct buf out = { NULL, 0, 0 };
	char err[128], *ret;
	size_t i, s, e, pos = 0;

	if (search_query_init(&q, query, regex, err, sizeof err) == 0) {
		do
			pos = search_run_slice(x, &q, sc, &r, pos, budget);
		while (pos < search_folded_len(x));
		for (i = 0; i < r.n; i++) {
			search_source(x, &r.m[i], &s, &e);
			if (i > 0)
				buf_addc(&out, '|');
			buf_add(&out, text + s, e - s);
		}
	} else
		buf_printf(&out, "error: %s", err);
	search_query_free(&q);
	search_result_free(&r);
	search_index_free(x);
	doc_free(d);
	ret = xstrdup(buf_str(&out));
	buf_free(&out);
	return ret;
}

#define EXPECT_FOUND(text, query, want) do { \
	char *f_ = found(text, query, 1, SIZE_MAX, NULL); \
	EXPECT_STR(f_, want); \
	free(f_); \
} while (0)

TEST(search_regex_blocks)
{
	/* A match ends in its block: \s does not reach the next. */
	EXPECT_FOUND("Bob: we talk.\n\nAlice: ok.\n", "talk\\.\\s", "");
	EXPECT_FOUND("Bob: we talk.\n\nAlice: ok.\n", "\\.$", ".|.");
	EXPECT_FOUND("Bob: we talk.\n\nAlice: ok.\n", "^alice", "Alice");
	EXPECT_FOUND("one\n\ntwo\n", "e.*t", "");
	/* Folded like the text: case, diacritics, typography. */
	EXPECT_FOUND("A Naïve CAFÉ.\n", "naive caf.", "Naïve CAFÉ");
	EXPECT_FOUND("Don’t stop… ok\n", "don't stop…", "Don’t stop…");
	EXPECT_FOUND("Wait… what\n", "…", "…");
	EXPECT_FOUND("Wait, what\n", "…", "");
	EXPECT_FOUND("STRASSE und Straße\n", "stra(ss|ß)e", "STRASSE|Straße");
	EXPECT_FOUND("ABC abc\n", "[[:upper:]]+", "ABC|abc");
	/* Never inside what one character folds to. */
	EXPECT_FOUND("Straße\n", "s", "S");
	EXPECT_FOUND("x \xEF\xAC\x83ii y\n", "ii", "ii");
	/* Bad ones say why. */
	EXPECT_FOUND("x\n", "(a)\\1", "error: back-references are not "
	    "supported");
	EXPECT_FOUND("x\n", "a{1,1000}{1,1000}",
	    "error: too complex (over 20000 instructions written out)");
}

/* Slices of any size find what one search finds, scopes too. */
TEST(search_regex_slices)
{
	struct doc *d = unit_seed();
	char *text = xstrndup((const char *)d->src, d->len);
	static const char *queries[] = { "\\w+ly\\b", "[[:alpha:]]+",
	    "super.{0,20}ment", "(^|\\. )[a-z]", "e" };
	struct search_scope speaker = { SEARCH_SPEAKER, -1, 1 };
	size_t i, budgets[] = { 1, 7, 100, 5000 }, k;

	for (i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		char *all = found(text, queries[i], 1, SIZE_MAX, NULL);
		char *rob = found(text, queries[i], 1, SIZE_MAX, &speaker);

		EXPECT(strlen(all) > 10);
		EXPECT(strlen(rob) < strlen(all));
		for (k = 0; k < sizeof budgets / sizeof budgets[0]; k++) {
			char *got = found(text, queries[i], 1, budgets[k],
			    NULL);

			EXPECT_STR(got, all);
			free(got);
			got = found(text, queries[i], 1, budgets[k], &speaker);
			EXPECT_STR(got, rob);
			free(got);
		}
		free(all);
		free(rob);
	}
	free(text);
	doc_free(d);
}

/* The plain search hands memmem about the text once, not the rest of the
 * text for every match. */
TEST(search_memmem_haystacks)
{
	struct doc *d = unit_seed();
	struct search_index *x = search_index_new(d);
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_query q;
	char err[64];

	search_query_init(&q, "e", 0, err, sizeof err);
	memmem_total = 0;
	search_run(x, &q, NULL, &r);
	EXPECT(r.n > 1000);
	EXPECT(memmem_total < 3 * search_folded_len(x) + 128 * r.n);
	search_query_free(&q);
	search_query_init(&q, "zeugmatic", 0, err, sizeof err);
	memmem_total = 0;
	search_run(x, &q, NULL, &r);
	EXPECT_INT(r.n, 0);
	EXPECT(memmem_total < 3 * search_folded_len(x));
	search_query_free(&q);
	search_result_free(&r);
	search_index_free(x);
	doc_free(d);
}

/* render_grep_match's line, as a new string. */
static char *
grep_line(const struct doc *d, size_t b, size_t s, size_t e, int *rc)
{
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);

	*rc = render_grep_match(d, b, s, e, 0, f);
	fclose(f);
	return p;
}

/* Any span makes a line within its block. */
TEST(render_grep_any_span)
{
	const char *t = "Bob: we talk.\n\nAlice: ok.\n";
	struct doc *d = unit_parse(t);
	size_t talk = (size_t)(strstr(t, "talk") - t);
	size_t alice = (size_t)(strstr(t, "Alice") - t);
	char *l;
	int rc;

	l = grep_line(d, 0, talk, alice, &rc);
	EXPECT_STR(l, "(top): Bob: we «talk.»\n");
	free(l);
	l = grep_line(d, 0, alice, talk, &rc);
	EXPECT_STR(l, "(top): Bob: we talk.«»\n");
	free(l);
	l = grep_line(d, 0, 0, d->len + 100, &rc);
	EXPECT_STR(l, "(top): «Bob: we talk.»\n");
	free(l);
	l = grep_line(d, 1, SIZE_MAX - 1, SIZE_MAX, &rc);
	EXPECT_STR(l, "(top): Alice: ok.«»\n");
	free(l);
	l = grep_line(d, 5, 0, 1, &rc);
	EXPECT_INT(rc, -1);
	free(l);
	doc_free(d);
}
