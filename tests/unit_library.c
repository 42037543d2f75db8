/* unit_library.c: unit tests of the library (natural order, folding,
 * what is found out and cached), the search of every document, and the
 * key table's bindings of the user and sequences of two keys. */
#include <sys/stat.h>

#include <fcntl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lectern/keymap.h"
#include "lectern/library.h"
#include "lectern/libsearch.h"
#include "lectern/util.h"
#include "unit.h"

TEST(library_natural_order)
{
	EXPECT(library_natcmp("ep2.txt", "ep10.txt") < 0);
	EXPECT(library_natcmp("ep10.txt", "ep2.txt") > 0);
	EXPECT(library_natcmp("ep02.txt", "ep2.txt") != 0);
	EXPECT(library_natcmp("Ep2", "ep3") < 0);
	EXPECT(library_natcmp("season1/ep9", "season1/ep10") < 0);
	EXPECT(library_natcmp("a", "a1") < 0);
	EXPECT(library_natcmp("x100", "x99") > 0);
	EXPECT_INT(library_natcmp("same", "same"), 0);
	/* Long runs of digits are compared by length, not overflowing. */
	EXPECT(library_natcmp("n99999999999999999999", "n100000000000000000000")
	    < 0);
}

/* The folded text of s, as a new string. */
static char *
folded(const char *s)
{
	struct buf b = { NULL, 0, 0 };
	char *r;

	library_fold(&b, s, strlen(s));
	r = xstrdup(buf_str(&b));
	buf_free(&b);
	return r;
}

TEST(library_fold)
{
	char *f;

	f = folded("Zoë ÅNGSTRÖM");
	EXPECT_STR(f, "zoe angstrom");
	free(f);
	f = folded("Don’t “quote” — Straße");
	EXPECT_STR(f, "don't \"quote\" - strasse");
	free(f);
	/* Invalid UTF-8 still folds its ASCII. */
	f = folded("AB\xff");
	EXPECT(strncmp(f, "ab", 2) == 0);
	free(f);
}

/* Writes a file of s at dir/name. */
static void
put(const char *dir, const char *name, const char *s)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");

	if (f != NULL) {
		fputs(s, f);
		fclose(f);
	}
	free(p);
}

/* A new temporary folder under $TMPDIR (or the system's). Caller frees. */
static char *
temp_dir(const char *what)
{
	const char *t = getenv("TMPDIR");
	char *dir = xasprintf("%s/lectern-unit-%s.XXXXXX", t != NULL &&
	    *t == '/' ? t : P_tmpdir, what);

	if (mkdtemp(dir) == NULL) {
		free(dir);
		return NULL;
	}
	return dir;
}

/* Runs the library's work to its end. */
static void
work_all(struct library *lib)
{
	int news;

	while (library_work(lib, NULL, 0, &news))
		;
}

TEST(library_learns_and_caches)
{
	char *dir = temp_dir("lib"), *state, *sub;
	struct library *lib;
	const char *old = getenv("XDG_STATE_HOME");
	char *saved = old != NULL ? xstrdup(old) : NULL;
	size_t n;

	if (dir == NULL)
		return;
	state = xasprintf("%s/state", dir);
	sub = xasprintf("%s/docs", dir);
	mkdir(sub, 0700);
	setenv("XDG_STATE_HOME", state, 1);
	put(sub, "ep10.txt", "Second\nBo Chen: One two three.\n");
	put(sub, "ep2.txt", "First\nAna Lima: Don’t go.\nBo Chen: Fine.\n"
	    "Ana Lima: Bye.\n");
	put(sub, "cover.jpg", "x");
	put(sub, "captions", "WEBVTT\n\n01:00:00.000 --> 01:00:01.000\n"
	    "<v Cy>Hi.\n");
	put(sub, "README", "plain words that no reader claims\n");

	lib = library_open(sub);
	EXPECT(lib != NULL);
	if (lib == NULL)
		goto out;
	EXPECT_INT(lib->n, 3);
	EXPECT_STR(lib->v[0].path + lib->v[0].rel, "captions");
	EXPECT_STR(lib->v[1].path + lib->v[1].rel, "ep2.txt");
	EXPECT_STR(lib->v[2].path + lib->v[2].rel, "ep10.txt");
	EXPECT(!(lib->v[1].have & LIBRARY_META));
	work_all(lib);
	EXPECT(lib->v[1].have & LIBRARY_META);
	EXPECT(lib->v[1].have & LIBRARY_NOTES);
	EXPECT_STR(lib->v[1].title, "First");
	EXPECT_STR(lib->v[1].speakers, "Ana Lima, Bo Chen");
	/* "Don’t" is one word. */
	EXPECT_INT(lib->v[1].words, 5);
	EXPECT_INT(lib->v[1].progress, -1);
	EXPECT_INT(lib->v[0].duration, 3600000);
	EXPECT_STR(library_title(&lib->v[0], &n), "captions");
	EXPECT_INT(n, 8);
	/* Filtering and sorting. */
	library_set_filter(lib, "BO CHEN");
	EXPECT_INT(lib->nshown, 2);
	library_set_filter(lib, NULL);
	EXPECT_INT(lib->nshown, 3);
	library_free(lib);

	/* Opened again: all known from the cache without reading the files
	 * (one changed behind its back, with the same size and time, keeps
	 * what the cache says). */
	{
		char *p = xasprintf("%s/ep2.txt", sub);
		struct stat st;
		struct timespec ts[2];
		FILE *f;

		stat(p, &st);
		if ((f = fopen(p, "r+")) != NULL) {
			fputs("Fir$t", f);
			fclose(f);
		}
		ts[0] = st.st_atim;
		ts[1] = st.st_mtim;
		utimensat(AT_FDCWD, p, ts, 0);
		free(p);
	}
	lib = library_open(sub);
	EXPECT(lib != NULL);
	if (lib == NULL)
		goto out;
	EXPECT(!(lib->v[1].have & LIBRARY_META));
	work_all(lib);
	EXPECT(lib->v[1].have & LIBRARY_META);
	EXPECT_STR(lib->v[1].title, "First");
	EXPECT_INT(lib->v[2].words, 4);
	EXPECT(lib->job == NULL);
	library_free(lib);
out:
	if (saved != NULL)
		setenv("XDG_STATE_HOME", saved, 1);
	else
		unsetenv("XDG_STATE_HOME");
	free(saved);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			UNIT_FAIL("cannot remove %s", dir);
		free(cmd);
	}
	free(state);
	free(sub);
	free(dir);
}

TEST(libsearch_lists_by_document)
{
	char *dir = temp_dir("ls"), err[128];
	struct library *lib;
	struct libsearch *s;
	size_t order[2] = { 0, 1 };

	if (dir == NULL)
		return;
	put(dir, "a.txt", "T\nAna Lima: A whale, another whale.\n");
	put(dir, "b.txt", "T\nBo Chen: No fish here.\n");
	lib = library_open(dir);
	EXPECT(lib != NULL && lib->n == 2);
	if (lib == NULL || lib->n != 2)
		goto out;
	EXPECT(libsearch_new("(", 1, order, 2, err, sizeof err) == NULL);
	s = libsearch_new("whale", 0, order, 2, err, sizeof err);
	while (libsearch_work(s, lib))
		;
	EXPECT(libsearch_done(s));
	EXPECT_INT(s->total, 2);
	EXPECT_INT(s->ndocs, 1);
	EXPECT_INT(s->nrows, 3);
	EXPECT_INT(s->rows[0].start, LIBSEARCH_DOC);
	EXPECT_INT(s->rows[0].count, 2);
	EXPECT_STR(s->rows[1].text, "A whale, another whale.");
	EXPECT_INT(s->rows[1].ms, 2);
	EXPECT_INT(s->rows[1].me, 7);
	libsearch_free(s);
	library_free(lib);
out:
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			UNIT_FAIL("cannot remove %s", dir);
		free(cmd);
	}
	free(dir);
}

TEST(keymap_user_bindings)
{
	char keys[128];
	int prefix = 0;

	EXPECT_INT(keymap_action_named("page-down"), KEYMAP_PAGE_DOWN);
	EXPECT_INT(keymap_action_named("none"), KEYMAP_NONE);
	EXPECT_INT(keymap_action_named("nothing"), -1);
	EXPECT_INT(keymap_binding_parse(":n", 2), KEYMAP_SEQ(':', 'n'));
	EXPECT_INT(keymap_binding_parse("PgDn", 4), KEYMAP_K_PGDN);
	EXPECT_INT(keymap_binding_parse("lt", 2), '<');
	EXPECT_INT(keymap_binding_parse("w", 1), 'w');
	EXPECT_INT(keymap_binding_parse("abc", 3), -1);

	/* :n is two keys: the first waits. */
	EXPECT_INT(keymap_follow(&prefix, ':', KEYMAP_READER), -1);
	EXPECT_INT(prefix, ':');
	EXPECT_INT(keymap_follow(&prefix, 'n', KEYMAP_READER),
	    KEYMAP_SEQ(':', 'n'));
	EXPECT_INT(prefix, 0);
	EXPECT_INT(keymap_lookup(KEYMAP_SEQ(':', 'n'), KEYMAP_READER),
	    KEYMAP_NEXT_FILE);
	EXPECT_INT(keymap_follow(&prefix, 'j', KEYMAP_READER), 'j');

	/* A binding of the user's, over a default one. */
	keymap_bind('w', KEYMAP_PAGE_DOWN);
	keymap_bind('q', KEYMAP_NONE);
	keymap_bind(KEYMAP_SEQ('Z', 'Z'), KEYMAP_QUIT);
	EXPECT_INT(keymap_lookup('w', KEYMAP_READER), KEYMAP_PAGE_DOWN);
	EXPECT_INT(keymap_lookup('w', KEYMAP_LIST), KEYMAP_PAGE_DOWN);
	EXPECT_INT(keymap_lookup('q', KEYMAP_READER), KEYMAP_NONE);
	EXPECT_INT(keymap_follow(&prefix, 'Z', KEYMAP_READER), -1);
	EXPECT_INT(keymap_follow(&prefix, 'Z', KEYMAP_READER),
	    KEYMAP_SEQ('Z', 'Z'));
	keymap_keys(KEYMAP_QUIT, keys, sizeof keys);
	EXPECT_STR(keys, "Q, ZZ");
	keymap_keys(KEYMAP_PAGE_DOWN, keys, sizeof keys);
	EXPECT_STR(keys, "[N] Space, f, PageDown, Ctrl-F, w");
	/* The library's keys are its own; it moves as the lists do. */
	EXPECT_INT(keymap_lookup('/', KEYMAP_LIB), KEYMAP_LIB_FIND);
	EXPECT_INT(keymap_lookup('/', KEYMAP_READER), KEYMAP_SEARCH_FWD);
	EXPECT_INT(keymap_lookup('\r', KEYMAP_LIB), KEYMAP_SELECT);
	EXPECT_INT(keymap_lookup('j', KEYMAP_LIB), KEYMAP_LINE_DOWN);
	keymap_unbind_all();
	EXPECT_INT(keymap_lookup('q', KEYMAP_READER), KEYMAP_QUIT);
	EXPECT_INT(keymap_lookup('w', KEYMAP_READER), KEYMAP_NONE);
}
