/* unit_rx.c: unit tests of the regular-expression engine: its syntax, its
 * matches (POSIX leftmost-longest, over UTF-8), what it refuses, searching
 * in slices, and the same spans as the C library's regexec on many
 * generated patterns and texts. */
#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/rx.h"
#include "lectern/util.h"
#include "unit.h"

/* "so,eo" of the first match of pat in text, "none", or "error: ..."; in
 * a static buffer. */
static const char *
span_flags(const char *pat, const char *text, int flags)
{
	static char out[300];
	char err[200];
	struct rx *re;
	struct rx_match m;

	if ((re = rx_compile(pat, strlen(pat), flags, NULL, NULL, err,
	    sizeof err)) == NULL) {
		snprintf(out, sizeof out, "error: %s", err);
		return out;
	}
	if (rx_search(re, (const uint8_t *)text, strlen(text), 0, &m))
		snprintf(out, sizeof out, "%zu,%zu", m.so, m.eo);
	else
		snprintf(out, sizeof out, "none");
	rx_free(re);
	return out;
}

static const char *
span(const char *pat, const char *text)
{
	return span_flags(pat, text, 0);
}

/* Every match of pat in text, "so,eo so,eo ...", searched with a budget
 * of steps a call (SIZE_MAX: in one go) and flags; into out. */
static void
all_matches(const char *pat, const char *text, size_t step, int flags,
    char *out, size_t size)
{
	char err[200];
	struct rx *re = rx_compile(pat, strlen(pat), 0, NULL, NULL, err,
	    sizeof err);
	struct rx_run *run;
	struct rx_match m;
	size_t n = strlen(text), o = 0, budget;
	enum rx_status st;

	out[0] = '\0';
	if (re == NULL)
		return;
	run = rx_run_new(re);
	rx_run_start(run, n, 0, flags);
	for (;;) {
		budget = step;
		st = rx_exec(run, (const uint8_t *)text, n, &budget, &m);
		if (st == RX_DONE)
			break;
		if (st == RX_MATCH && o < size)
			o += (size_t)snprintf(out + o, size - o, "%s%zu,%zu",
			    o > 0 ? " " : "", m.so, m.eo);
	}
	rx_run_free(run);
	rx_free(re);
}

static const char *
matches(const char *pat, const char *text)
{
	static char out[1000];

	all_matches(pat, text, SIZE_MAX, RX_NONEMPTY, out, sizeof out);
	return out;
}

TEST(rx_literals_and_dot)
{
	EXPECT_STR(span("abc", "xxabcx"), "2,5");
	EXPECT_STR(span("abc", "ab"), "none");
	EXPECT_STR(span("a.c", "abc"), "0,3");
	EXPECT_STR(span("a\\.c", "abc a.c"), "4,7");
	EXPECT_STR(span("\\*\\+\\?\\(\\)\\[\\{\\|\\^\\$\\\\", "*+?()[{|^$\\"),
	    "0,11");
	/* An unmatched ')' is itself, as in grep -E. */
	EXPECT_STR(span("a)", "a)"), "0,2");
	EXPECT_STR(span("", "abc"), "0,0");
	EXPECT_STR(span("()", "abc"), "0,0");
}

TEST(rx_repeats)
{
	EXPECT_STR(span("ab*c", "ac abbbc"), "0,2");
	EXPECT_STR(span("ab+c", "ac abbbc"), "3,8");
	EXPECT_STR(span("ab?c", "abbc abc"), "5,8");
	EXPECT_STR(span("a{3}", "aa aaaa"), "3,6");
	EXPECT_STR(span("a{2,}", "a aaaaa"), "2,7");
	EXPECT_STR(span("a{1,3}", "aaaaa"), "0,3");
	EXPECT_STR(span("a{,2}b", "aaab"), "1,4");
	EXPECT_STR(span("a{0}b", "ab"), "1,2");
	EXPECT_STR(span("(ab){2}", "ababab"), "0,4");
	EXPECT_STR(span("a**", "aaa"), "0,3");
	EXPECT_STR(span("a{2}{3}", "aaaaaaa"), "0,6");
	EXPECT_STR(span("(a*)*", "aa"), "0,2");
	EXPECT_STR(span("(a|)+b", "aab"), "0,3");
	EXPECT_STR(span("(^|x)a", "ba xa"), "3,5");
}

TEST(rx_brackets)
{
	EXPECT_STR(span("[a-c]+", "xxbcay"), "2,5");
	EXPECT_STR(span("[^a-c]+", "abxyc"), "2,4");
	EXPECT_STR(span("[]a]+", "x]a]"), "1,4");
	EXPECT_STR(span("[^]a]", "]ab"), "2,3");
	EXPECT_STR(span("[a-]+", "x-a-"), "1,4");
	EXPECT_STR(span("[.]", "a.b"), "1,2");
	EXPECT_STR(span("[\\]", "a\\b"), "1,2");
	EXPECT_STR(span("[[.-.]]", "a-b"), "1,2");
	EXPECT_STR(span("[[=e=]]", "ae"), "1,2");
	EXPECT_STR(span("[[:alpha:]]+", "12ab3"), "2,4");
	EXPECT_STR(span("[[:digit:]]+", "ab123c"), "2,5");
	EXPECT_STR(span("[[:alnum:]]+", "--a1--"), "2,4");
	EXPECT_STR(span("[[:space:]]+", "a \t b"), "1,4");
	EXPECT_STR(span("[[:punct:]]+", "ab,.!c"), "2,5");
	EXPECT_STR(span("[[:upper:]]+", "abCDe"), "2,4");
	EXPECT_STR(span("[[:lower:]]+", "ABcdE"), "2,4");
	EXPECT_STR(span("[[:xdigit:]]+", "xyzBEEFg"), "3,7");
	EXPECT_STR(span("[[:blank:]]", "a\tb"), "1,2");
	EXPECT_STR(span("[^[:alpha:] ]+", "ab 12 c"), "3,5");
	EXPECT_STR(span("[a[:digit:]]+", "xa1a2y"), "1,5");
}

TEST(rx_gnu_escapes)
{
	EXPECT_STR(span("\\w+", "  foo_1 bar"), "2,7");
	EXPECT_STR(span("\\W+", "foo, bar"), "3,5");
	EXPECT_STR(span("\\s+", "foo \t bar"), "3,6");
	EXPECT_STR(span("\\S+", "  foo "), "2,5");
	EXPECT_STR(span("\\d+", "abc 123"), "4,7");
	EXPECT_STR(span("\\D+", "12ab3"), "2,4");
	EXPECT_STR(span("\\bbar", "foobar bar"), "7,10");
	EXPECT_STR(span("o\\B", "foo"), "1,2");
	EXPECT_STR(span("\\<b", "ab b"), "3,4");
	EXPECT_STR(span("a\\>", "ab a"), "3,4");
	EXPECT_STR(span("\\`a", "aa"), "0,1");
	EXPECT_STR(span("a\\'", "aa"), "1,2");
}

TEST(rx_anchors_and_newlines)
{
	EXPECT_STR(span("^b", "ab\nb"), "3,4");
	EXPECT_STR(span("a$", "ab\na"), "3,4");
	EXPECT_STR(span("a$", "a\nb"), "0,1");
	EXPECT_STR(span("^$", "a\n\nb"), "2,2");
	EXPECT_STR(span("a^b", "a^b"), "none");
	EXPECT_STR(span("a$b", "a$b"), "none");
	/* Neither '.' nor a negated class reads a newline. */
	EXPECT_STR(span("a.b", "a\nb"), "none");
	EXPECT_STR(span("a[^x]b", "a\nb"), "none");
	EXPECT_STR(span("a\\Wb", "a\nb"), "none");
	EXPECT_STR(span("a\\sb", "a\nb"), "0,3");
	EXPECT_STR(span("\\`b", "a\nb"), "none");
}

TEST(rx_leftmost_longest)
{
	EXPECT_STR(span("a|ab", "ab"), "0,2");
	EXPECT_STR(span("ab|a", "ab"), "0,2");
	EXPECT_STR(span("(a|ab)(c|bcd)", "abcd"), "0,4");
	EXPECT_STR(span("abcd|c", "abcd"), "0,4");
	EXPECT_STR(span("c|abcd", "abcd"), "0,4");
	EXPECT_STR(span("x*", "aaa"), "0,0");
	EXPECT_STR(span("(a|b)*c|b", "abab"), "1,2");
	EXPECT_STR(span("(wee|week)(knights|night)", "weeknights"), "0,10");
	EXPECT_STR(matches("a*", "baaab"), "1,4");
	EXPECT_STR(matches("ab|b", "abbab"), "0,2 2,3 3,5");
	EXPECT_STR(matches("a|a.*z", "aaaa"), "0,1 1,2 2,3 3,4");
	EXPECT_STR(matches("a|a.*z", "aaza"), "0,3 3,4");
	EXPECT_STR(matches("\\w+", "one, two  three"), "0,3 5,8 10,15");
	{
		char out[200];

		/* Empty matches, when asked for, once a place. */
		all_matches("a*", "baab", SIZE_MAX, 0, out, sizeof out);
		EXPECT_STR(out, "0,0 1,3 3,3 4,4");
	}
}

TEST(rx_utf8)
{
	EXPECT_STR(span(".", "\xC3\xA9"), "0,2");
	EXPECT_STR(span("h.llo", "h\xC3\xA9llo"), "0,6");
	EXPECT_STR(span("...", "\xE2\x82\xAC" "ab"), "0,5");
	EXPECT_STR(span("\xD0\xB6+", "x\xD0\xB6\xD0\xB6y"), "1,5");
	EXPECT_STR(span("[\xC3\xA9\xC3\xA8]+", "e\xC3\xA8\xC3\xA9x"), "1,5");
	EXPECT_STR(span("[^a]", "\xF0\x9F\x98\x80"), "0,4");
	EXPECT_STR(span("[[:alpha:]]+", "na\xC3\xAFve!"), "0,6");
	EXPECT_STR(span("[[:upper:]]", "\xC3\xA9\xC3\x89"), "2,4");
	EXPECT_STR(span("\\w+", "\xD0\xB6\xD0\xB8\xD0\xB2 x"), "0,6");
	EXPECT_STR(span("[\xCE\xB1-\xCF\x89]+", "a\xCE\xB2\xCE\xB3z"), "1,5");
	/* A bad byte is one character to '.', and nothing to a literal. */
	EXPECT_STR(span("a.b", "a\xFF" "b"), "0,3");
	EXPECT_STR(span("a..b", "a\xC3\xA9" "b"), "none");
	EXPECT_STR(span("a..b", "a\xE2\x82" "b"), "0,4");
	EXPECT_STR(span("\\w", "\xE2\x82\xAC"), "none");
	/* Either case, with RX_ICASE. */
	EXPECT_STR(span_flags("strasse", "STRASSE", RX_ICASE), "0,7");
	EXPECT_STR(span_flags("\xC3\xA9t\xC3\xA9", "\xC3\x89T\xC3\x89",
	    RX_ICASE), "0,5");
	EXPECT_STR(span_flags("[a-c]+", "xABCy", RX_ICASE), "1,4");
	EXPECT_STR(span_flags("[[:upper:]]+", "abc", RX_ICASE), "0,3");
}

TEST(rx_refusals)
{
	EXPECT_STR(span("(.*)(.*)\\2\\1", "x"),
	    "error: back-references are not supported");
	EXPECT_STR(span("(a)\\1", "x"),
	    "error: back-references are not supported");
	EXPECT(strncmp(span("(((a{1,100}){1,100}){1,100}){1,100}", "a"),
	    "error: too complex", 18) == 0);
	EXPECT(strncmp(span("a{1001}", "a"), "error: too complex", 18) == 0);
	EXPECT(strncmp(span("((((((((((((((((((((((((((((((((((((((((((((((("
	    "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
	    "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
	    "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
	    "a", "a"), "error: too complex", 18) == 0);
	EXPECT_STR(span("(", "x"), "error: unmatched (");
	EXPECT_STR(span("[a", "x"), "error: unmatched [");
	EXPECT_STR(span("a\\", "x"),
	    "error: a backslash ends the expression");
	EXPECT_STR(span("*a", "x"), "error: nothing to repeat before '*'");
	EXPECT_STR(span("a|+b", "x"), "error: nothing to repeat before '+'");
	EXPECT_STR(span("^*", "x"), "error: nothing to repeat before '*'");
	EXPECT(strncmp(span("a{1", "x"), "error: a { must start", 21) == 0);
	EXPECT(strncmp(span("a{x}", "x"), "error: a { must start", 21) == 0);
	EXPECT_STR(span("a{3,2}", "x"),
	    "error: a count {m,n} with n below m");
	EXPECT_STR(span("[z-a]", "x"),
	    "error: a range ends before it starts");
	EXPECT_STR(span("[[:foo:]]", "x"), "error: unknown class [:foo:]");
	EXPECT_STR(span("\\q", "x"), "error: unknown escape \\q");
	EXPECT_STR(span("a\xFF", "x"),
	    "error: the expression is not valid UTF-8");
	/* Big but allowed: written out, it fits. */
	EXPECT_STR(span("(a{1,100}){1,10}", "aaaa"), "0,4");
}

/* Searching in slices of any size finds what one run finds. */
TEST(rx_resume)
{
	static const char *cases[][2] = {
		{ "\\w+", "one, two  three; \xC3\xA9t\xC3\xA9 four" },
		{ "a|a.*z", "aaaazaaaa" },
		{ "(ab|a)(bc|c)?", "abcabcab ac" },
		{ "[[:space:]]+|\\b", "a b  c" },
		{ "x*", "abc" },
	};
	char want[1000], got[1000];
	size_t i, step;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		all_matches(cases[i][0], cases[i][1], SIZE_MAX, RX_NONEMPTY,
		    want, sizeof want);
		for (step = 1; step < 40; step++) {
			all_matches(cases[i][0], cases[i][1], step, RX_NONEMPTY,
			    got, sizeof got);
			EXPECT_STR(got, want);
		}
	}
}

/* Forbids a match to start or end at odd positions. */
static int
even(void *arg, size_t pos)
{
	(void)arg;
	return pos % 2 == 0;
}

TEST(rx_bounds)
{
	struct rx *re = rx_compile("b+", 2, 0, NULL, NULL, NULL, 0);
	struct rx_run *run = rx_run_new(re);
	struct rx_match m;
	size_t budget = SIZE_MAX;

	/* "abbbbx": b+ at 1..5, but only even ends and starts: 2..4. */
	rx_run_bound(run, even, NULL);
	rx_run_start(run, 6, 0, RX_NONEMPTY);
	EXPECT_INT(rx_exec(run, (const uint8_t *)"abbbbx", 6, &budget, &m),
	    RX_MATCH);
	EXPECT_INT(m.so, 2);
	EXPECT_INT(m.eo, 4);
	EXPECT_INT(rx_exec(run, (const uint8_t *)"abbbbx", 6, &budget, &m),
	    RX_DONE);
	/* From a place: what comes before it is seen by \b. */
	rx_run_free(run);
	rx_free(re);
	re = rx_compile("\\bb", 3, 0, NULL, NULL, NULL, 0);
	run = rx_run_new(re);
	rx_run_start(run, 5, 1, 0);
	EXPECT_INT(rx_exec(run, (const uint8_t *)"ab b.", 5, &budget, &m),
	    RX_MATCH);
	EXPECT_INT(m.so, 3);
	rx_run_free(run);
	rx_free(re);
}

/* Folds literals to lower case and drops 'x' (as search folds). */
static int
fold_lower(void *arg, uint32_t uc, uint32_t *out, int max)
{
	(void)arg;
	(void)max;
	if (uc == 'x' || uc == 'X')
		return 0;
	if (uc == 0xDF) {		/* ß: ss */
		out[0] = out[1] = 's';
		return 2;
	}
	out[0] = uc >= 'A' && uc <= 'Z' ? uc + 32 : uc;
	return 1;
}

TEST(rx_fold)
{
	struct rx *re;
	struct rx_match m;
	char err[100];

	re = rx_compile("AB\xC3\x9F+X", 6, 0, fold_lower, NULL, err,
	    sizeof err);
	EXPECT(re != NULL);
	EXPECT(rx_search(re, (const uint8_t *)"ab abssss", 9, 0, &m));
	EXPECT_INT(m.so, 3);
	EXPECT_INT(m.eo, 9);
	rx_free(re);
	/* In brackets, one character for one. */
	re = rx_compile("[B]", 3, 0, fold_lower, NULL, err, sizeof err);
	EXPECT(rx_search(re, (const uint8_t *)"Bb", 2, 0, &m));
	EXPECT_INT(m.so, 1);
	rx_free(re);
}

/* A small random generator, the same everywhere. */
static unsigned long rng_state = 12345;

static unsigned
rng(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)((rng_state >> 33) % n);
}

/* Appends a random pattern of at most depth levels to b. */
static void
gen_pattern(struct buf *b, int depth)
{
	static const char *atoms[] = {
		"a", "b", "c", ".", "[ab]", "[^a]", "[a-c]", "[[:alpha:]]",
		"[[:space:]]", "\\w", "\\W", "\\s", "\\S", " ", "\xC3\xA9", "[\xC3\xA9" "b]", "_", "1",
		"[[:digit:]]", "[^[:alnum:]]", "\\.",
	};
	/* Not \B: glibc's takes "c .b" to match at 3, between '.' and
	 * 'b', not at 2 between ' ' and '.'. */
	static const char *anchors[] = { "^", "$", "\\b", "\\<", "\\>" };
	static const char *reps[] = { "*", "+", "?", "{2}", "{1,2}", "{0,3}",
	    "{2,}" };
	int i, n = 1 + (int)rng(3);

	for (i = 0; i < n; i++) {
		unsigned k = rng(depth > 0 ? 10 : 7);

		if (k < 7) {
			/* Anchors only outside groups: glibc's regexec takes
			 * (^c){2} to match "cc", and b(\>1a){0,3} "b1a". */
			if (depth == 2 && rng(5) == 0)
				buf_adds(b, anchors[rng(sizeof anchors /
				    sizeof anchors[0])]);
			else
				buf_adds(b, atoms[rng(sizeof atoms /
				    sizeof atoms[0])]);
		} else if (k < 9) {
			buf_addc(b, '(');
			gen_pattern(b, depth - 1);
			if (rng(2)) {
				buf_addc(b, '|');
				gen_pattern(b, depth - 1);
			}
			buf_addc(b, ')');
		} else {
			gen_pattern(b, depth - 1);
			buf_addc(b, '|');
			gen_pattern(b, depth - 1);
			continue;
		}
		/* Repeat anything but an anchor. */
		if (rng(3) == 0 && b->len > 0 && b->data[b->len - 1] != '^' &&
		    b->data[b->len - 1] != '$' && b->data[b->len - 1] != '|')
			buf_adds(b, reps[rng(sizeof reps / sizeof reps[0])]);
	}
}

static void
gen_text(struct buf *b)
{
	static const char *chars[] = { "a", "b", "c", " ", "\xC3\xA9", "_",
	    "1", ".", "a", "b" };
	unsigned i, n = rng(14);

	for (i = 0; i < n; i++)
		buf_adds(b, chars[rng(sizeof chars / sizeof chars[0])]);
}

/* The same first match as glibc's regexec (POSIX, REG_NEWLINE) on
 * generated patterns, for every suffix of generated texts. */
TEST(rx_same_as_regexec)
{
	char *old = xstrdup(setlocale(LC_ALL, NULL));
	int p, t, checked = 0, differ = 0;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		free(old);
		return;
	}
	for (p = 0; p < 3000; p++) {
		struct buf pat = { NULL, 0, 0 };
		regex_t pre;
		struct rx *re;
		char err[200];

		gen_pattern(&pat, 2);
		re = rx_compile(buf_str(&pat), pat.len, 0, NULL, NULL, err,
		    sizeof err);
		if (regcomp(&pre, buf_str(&pat), REG_EXTENDED |
		    REG_NEWLINE) != 0) {
			rx_free(re);
			buf_free(&pat);
			continue;
		}
		if (re == NULL)
			UNIT_FAIL("/%s/ refused: %s", buf_str(&pat), err);
		for (t = 0; re != NULL && t < 10; t++) {
			struct buf text = { NULL, 0, 0 };
			size_t i;

			gen_text(&text);
			for (i = 0; i <= text.len; i++) {
				const char *s = buf_str(&text) + i;
				regmatch_t gm;
				struct rx_match m;
				int g, r;

				if (((unsigned char)*s & 0xC0) == 0x80)
					continue;
				g = regexec(&pre, s, 1, &gm, 0) == 0;
				r = rx_search(re, (const uint8_t *)s,
				    text.len - i, 0, &m);
				checked++;
				if (g != r || (g && ((size_t)gm.rm_so != m.so ||
				    (size_t)gm.rm_eo != m.eo))) {
					if (differ++ < 5)
						UNIT_FAIL("/%s/ on [%s]: regexec "
						    "%d,%d, rx %zd,%zd",
						    buf_str(&pat), s,
						    g ? (int)gm.rm_so : -1,
						    g ? (int)gm.rm_eo : -1,
						    r ? (ssize_t)m.so : -1,
						    r ? (ssize_t)m.eo : -1);
				}
			}
			buf_free(&text);
		}
		regfree(&pre);
		rx_free(re);
		buf_free(&pat);
	}
	EXPECT(checked > 20000);
	EXPECT_INT(differ, 0);
	setlocale(LC_ALL, old);
	free(old);
}
