/* unit_state.c: unit tests of the state files: the notes' format, the
 * anchoring of highlights, the merge of two readers' saves, deleted marks,
 * notes on highlights, the history list, and the guards around the state
 * directory. */
#include <sys/stat.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lectern/doc.h"
#include "lectern/notes.h"
#include "lectern/notes_anchor.h"
#include "lectern/notes_export.h"
#include "lectern/notes_file.h"
#include "lectern/state.h"
#include "lectern/state_list.h"
#include "lectern/util.h"
#include "unit.h"

static const char talk[] =
    "Ana Lima: The first paragraph of the talk.\n\n"
    "Bo Chen: A second one, by someone else.\n\n"
    "Ana Lima: And a third, to end.\n";

/* Parses s as a state file; the status. */
static int
parse(struct notes_file *f, const char *s)
{
	memset(f, 0, sizeof *f);
	return notes_file_parse(f, s, strlen(s));
}

/* Writes f as a state file; a new string. */
static char *
write_file(const struct notes_file *f)
{
	struct buf b = { NULL, 0, 0 };

	notes_file_write(f, &b);
	return b.data != NULL ? b.data : xstrdup("");
}

TEST(state_file_round_trip)
{
	const char *in = "lectern-state 1\n"
	    "path /home/me/a\\\\b\\nc.txt\n"
	    "place 12\ncursor 10\n"
	    "mark a 5 1700000000000\n"
	    "mark Z 7 0\n"
	    "hl 2 80 110 And a third\\x09, to end.\n"
	    "hl 1 44 80 A second one\n"
	    "lost 9 900 950 Gone\n"
	    "note 2 a line of a later version\n"
	    "end\n";
	struct notes_file f;
	char *out;

	EXPECT_INT(parse(&f, in), NOTES_FILE_OK);
	EXPECT_STR(f.path, "/home/me/a\\b\nc.txt");
	EXPECT_INT(f.have_place, 1);
	EXPECT_INT(f.place, 12);
	EXPECT_INT(f.marks[0].off, 6);
	EXPECT_INT(f.marks[0].time, 1700000000000LL);
	EXPECT_INT(f.marks[51].off, 8);
	EXPECT_INT(f.hl.n, 2);
	EXPECT_INT(f.hl.v[0].block, 1);		/* in document order */
	EXPECT_STR(f.hl.v[1].excerpt, "And a third\t, to end.");
	EXPECT_INT(f.lost.n, 1);
	EXPECT_STR(buf_str(&f.extra), "note 2 a line of a later version\n");
	out = write_file(&f);
	EXPECT_STR(out, "lectern-state 1\n"
	    "path /home/me/a\\\\b\\nc.txt\n"
	    "place 12\ncursor 10\n"
	    "mark a 5 1700000000000\n"
	    "mark Z 7 0\n"
	    "hl 1 44 80 A second one\n"
	    "hl 2 80 110 And a third\\x09, to end.\n"
	    "lost 9 900 950 Gone\n"
	    "note 2 a line of a later version\n"
	    "end\n");
	free(out);
	notes_file_free(&f);
}

TEST(state_file_old_marks)
{
	struct notes_file f;

	/* Marks of earlier versions have no time. */
	EXPECT_INT(parse(&f, "lectern-state 1\nmark b 40\nend\n"),
	    NOTES_FILE_OK);
	EXPECT_INT(f.marks[1].off, 41);
	EXPECT_INT(f.marks[1].time, 0);
	notes_file_free(&f);
}

TEST(state_file_broken)
{
	static const char *bad[] = {
		"",
		"garbage\nend\n",
		"lectern-state 1\nplace 3\n",			/* no end */
		"lectern-state 1\nend\nplace 3\n",		/* after end */
		"lectern-state 1\nplace -1\nend\n",
		"lectern-state 1\nplace 99999999999999999999999\nend\n",
		"lectern-state 1\nplace 3x\nend\n",
		"lectern-state 1\nmark 1 3\nend\n",
		"lectern-state 1\nmark a 18446744073709551615\nend\n",
		"lectern-state 1\nmark a 3 -5\nend\n",
		"lectern-state 1\nhl 1 2\nend\n",
		"lectern-state 1\nhl 1 2 3\nend\n",		/* no space */
		"lectern-state 1\nhl -1 2 3 x\nend\n",
		"lectern-state 1\nhl 1 2 3 bad \\q escape\nend\n",
		"lectern-state 1\nhl 1 2 3 \\x-1\nend\n",
		"lectern-state 1\nhl 1 2 3 \\x00\nend\n",
		"lectern-state 1\nhl 1 2 3 \\x4\nend\n",
		"lectern-state 1\npath a\\\nend\n",
		"lectern-state 0\nend\n",
		NULL
	};
	struct notes_file f;
	int i;

	for (i = 0; bad[i] != NULL; i++) {
		if (parse(&f, bad[i]) != NOTES_FILE_BROKEN)
			UNIT_FAIL("parsed: [%s]", bad[i]);
		EXPECT(f.hl.n == 0 && f.path == NULL && f.extra.len == 0);
		notes_file_free(&f);
	}
	memset(&f, 0, sizeof f);
	EXPECT_INT(notes_file_parse(&f, "lectern-state 1\nend\0\n", 21),
	    NOTES_FILE_BROKEN);
	EXPECT_INT(parse(&f, "lectern-state 2\nwhatever\n"), NOTES_FILE_NEWER);
	/* A file without a newline at its very end is whole. */
	EXPECT_INT(parse(&f, "\nlectern-state 1\n\nplace 1\nend"),
	    NOTES_FILE_OK);
	notes_file_free(&f);
}

TEST(state_file_limits)
{
	struct buf in = { NULL, 0, 0 };
	struct notes_file f;
	size_t i;

	/* Excerpts are cut to their limit, not inside a character. */
	buf_adds(&in, "lectern-state 1\nhl 1 2 3 ");
	for (i = 0; i < 100; i++)
		buf_adds(&in, "\xC3\xA9");
	buf_adds(&in, "\nhl 1 5 6 a copy on the same block\n");
	for (i = 0; i < NOTES_LOST_MAX + 5; i++)
		buf_printf(&in, "lost %zu 1 2 x\n", i);
	buf_adds(&in, "end\n");
	memset(&f, 0, sizeof f);
	EXPECT_INT(notes_file_parse(&f, in.data, in.len), NOTES_FILE_OK);
	EXPECT_INT(f.hl.n, 1);
	EXPECT_INT(strlen(f.hl.v[0].excerpt), NOTES_EXCERPT_BYTES);
	EXPECT_INT(f.lost.n, NOTES_LOST_MAX);
	notes_file_free(&f);
	buf_free(&in);
}

/* A highlight of block b of d, as toggled. */
static void
hl_of(struct notes_hls *l, const struct doc *d, size_t b)
{
	char *ex = notes_anchor_excerpt(d, b);

	notes_hls_add(l, b, d->blocks[b].start, d->blocks[b].end, ex);
	free(ex);
}

TEST(anchor_resolve)
{
	struct doc *d = unit_parse(talk);
	struct notes_hls in = { NULL, 0, 0 }, ok = { NULL, 0, 0 };
	struct notes_hls pending = { NULL, 0, 0 }, lost = { NULL, 0, 0 };

	EXPECT_INT(d->nblocks, 3);
	hl_of(&in, d, 2);
	hl_of(&in, d, 0);
	/* Moved by one block (the file changed): found again. */
	notes_hls_add(&in, 0, 3, 9, "A second one");
	/* Past the end, and not in the text: lost. */
	notes_hls_add(&in, 99999, 99999000, 99999100, "Not in it");
	/* The same text twice: one highlight on its block. */
	notes_hls_add(&in, 2, d->blocks[2].start, 1, "And a third");
	EXPECT_INT(notes_anchor_resolve(&in, d, &ok, &pending, &lost), 1);
	EXPECT_INT(in.n, 0);
	EXPECT_INT(ok.n, 3);
	EXPECT_INT(ok.v[0].block, 0);
	EXPECT_INT(ok.v[1].block, 1);
	EXPECT_INT(ok.v[1].start, d->blocks[1].start);
	EXPECT_INT(ok.v[1].end, d->blocks[1].end);
	EXPECT_INT(ok.v[2].block, 2);
	EXPECT_INT(pending.n, 0);
	EXPECT_INT(lost.n, 1);
	EXPECT_STR(lost.v[0].excerpt, "Not in it");
	notes_hls_free(&in);
	notes_hls_free(&ok);
	notes_hls_free(&lost);
	doc_free(d);
}

TEST(anchor_nearest)
{
	struct doc *d = unit_parse("A: Yes.\n\nB: No.\n\nA: Yes.\n\nB: No.\n\n"
	    "A: Yes.\n");
	struct notes_hls in = { NULL, 0, 0 }, ok = { NULL, 0, 0 };
	struct notes_hls pending = { NULL, 0, 0 }, lost = { NULL, 0, 0 };

	notes_hls_add(&in, 3, 0, 0, "Yes.");	/* 2 and 4 as near: 2 */
	notes_hls_add(&in, 7, 0, 0, "Yes.");	/* past the end: 4 */
	notes_hls_add(&in, 0, 5, 0, "Yes.");	/* itself, moved */
	EXPECT_INT(notes_anchor_resolve(&in, d, &ok, &pending, &lost), 0);
	EXPECT_INT(ok.n, 3);
	EXPECT_INT(ok.v[0].block, 0);
	EXPECT_INT(ok.v[1].block, 2);
	EXPECT_INT(ok.v[2].block, 4);
	notes_hls_free(&in);
	notes_hls_free(&ok);
	doc_free(d);
}

TEST(anchor_pending)
{
	struct doc *d;
	struct notes_hls in = { NULL, 0, 0 }, ok = { NULL, 0, 0 };
	struct notes_hls pending = { NULL, 0, 0 }, lost = { NULL, 0, 0 };
	struct buf big = { NULL, 0, 0 };
	size_t i;

	for (i = 0; i < 20000; i++)
		buf_printf(&big, "Ana Lima: Paragraph %zu of a long talk.\n", i);
	d = doc_new((const uint8_t *)big.data, big.len, "big", DOC_BORROWED);
	doc_parse_until(d, 1000);
	EXPECT(!doc_complete(d));
	/* Another reader's highlight far past what is parsed: kept aside,
	 * not shown, not lost. */
	notes_hls_add(&in, 19000, 19000 * 40, 19000 * 40 + 30, "Paragraph");
	hl_of(&in, d, 1);
	EXPECT_INT(notes_anchor_resolve(&in, d, &ok, &pending, &lost), 0);
	EXPECT_INT(ok.n, 1);
	EXPECT_INT(pending.n, 1);
	EXPECT_INT(lost.n, 0);
	notes_hls_free(&in);
	notes_hls_free(&ok);
	notes_hls_free(&pending);
	doc_free(d);
	buf_free(&big);
}

TEST(notes_merge_two_readers)
{
	struct doc *d = unit_parse(talk);
	struct notes *n = xcalloc(1, sizeof *n);
	struct notes_file disk;
	struct buf b = { NULL, 0, 0 };
	char *ex0 = notes_anchor_excerpt(d, 0), *ex1 =
	    notes_anchor_excerpt(d, 1);

	/* The other reader's save: highlights on 0 and 1, a stale one,
	 * marks a (older than this reader's) and b, a later version's
	 * line. */
	memset(&disk, 0, sizeof disk);
	notes_hls_add(&disk.hl, 0, d->blocks[0].start, d->blocks[0].end, ex0);
	notes_hls_add(&disk.hl, 1, d->blocks[1].start, d->blocks[1].end, ex1);
	notes_hls_add(&disk.hl, 50, 5000, 5100, "Stale");
	disk.marks[0].off = 3;
	disk.marks[0].time = 100;
	disk.marks[1].off = 5;
	disk.marks[1].time = 100;
	disk.marks[2].off = 999999;	/* past the end: dropped */
	disk.marks[2].time = 100;
	buf_adds(&disk.extra, "note 2 x\n");
	disk.whole = 1;
	/* This reader: removed 1, added 2, set mark a later. */
	notes_toggle(n, d, 1);
	notes_toggle(n, d, 1);
	notes_toggle(n, d, 2);
	n->marks[0].off = 9;
	n->marks[0].time = 200;
	notes_merge(n, &disk, d);
	EXPECT_INT(n->hl.n, 2);
	EXPECT_INT(n->hl.v[0].block, 0);
	EXPECT_INT(n->hl.v[1].block, 2);
	EXPECT_INT(n->lost.n, 1);
	EXPECT_INT(n->pending.n, 0);
	EXPECT_INT(n->marks[0].off, 9);
	EXPECT_INT(n->marks[1].off, 5);
	EXPECT_INT(n->marks[2].off, 0);
	EXPECT_STR(buf_str(&n->extra), "note 2 x\n");
	notes_serialize(n, &b);
	EXPECT(strstr(buf_str(&b), "\nlost 50 5000 5100 Stale\n") != NULL);
	EXPECT(strstr(buf_str(&b), "\nhl 50 ") == NULL);
	EXPECT(strstr(buf_str(&b), "\nnote 2 x\nend\n") != NULL);
	buf_free(&b);
	/* Merged again (the next save): the stale one stays lost, once. */
	notes_file_free(&disk);
	EXPECT_INT(parse(&disk, "lectern-state 1\nhl 50 5000 5100 Stale\n"
	    "lost 50 5000 5100 Stale\nend\n"), NOTES_FILE_OK);
	n->nadded = n->nremoved = 0;
	notes_merge(n, &disk, d);
	EXPECT_INT(n->lost.n, 1);
	EXPECT_INT(n->hl.n, 0);
	notes_file_free(&disk);
	free(ex0);
	free(ex1);
	notes_free(n);
	doc_free(d);
}

/* A private state directory for a test; caller frees. */
static char *
private_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir;

	if (asprintf(&dir, "%s/lectern-unit.XXXXXX", tmp != NULL &&
	    *tmp == '/' ? tmp : P_tmpdir) == -1)
		abort();
	if (mkdtemp(dir) == NULL) {
		UNIT_FAIL("mkdtemp: %s", strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

/* Writes s to dir/name. */
static void
put(const char *dir, const char *name, const char *s)
{
	char *p;
	FILE *f;

	if (asprintf(&p, "%s/%s", dir, name) == -1)
		abort();
	if ((f = fopen(p, "w")) != NULL) {
		fputs(s, f);
		fclose(f);
	}
	chmod(p, 0600);
	free(p);
}

/* Removes dir and what is in it. */
static void
remove_dir(char *dir)
{
	char *cmd;

	if (asprintf(&cmd, "rm -rf '%s'", dir) != -1) {
		if (system(cmd) != 0)
			UNIT_FAIL("could not remove %s", dir);
		free(cmd);
	}
	free(dir);
}

TEST(state_list_newest_distinct)
{
	struct state_list l;
	char *dir = private_dir(), *path;

	if (dir == NULL)
		return;
	if (asprintf(&path, "%s/history", dir) == -1)
		abort();
	put(dir, "history", "a\nb\na\n\nc\nb\nd\n");
	memset(&l, 0, sizeof l);
	EXPECT_INT(state_list_load(&l, path, 3), 0);
	EXPECT_INT(l.n, 3);
	EXPECT_STR(l.items[0], "c");
	EXPECT_STR(l.items[1], "b");
	EXPECT_STR(l.items[2], "d");
	state_list_free(&l);
	/* Two readers: each one's additions are merged into the file. */
	memset(&l, 0, sizeof l);
	EXPECT_INT(state_list_load(&l, path, 10), 0);
	put(dir, "history", "a\nb\nother\n");
	EXPECT_INT(state_list_add(&l, "mine", 10), 0);
	EXPECT_INT(state_list_add(&l, "two\nlines", 10), -1);
	EXPECT_INT(state_list_save(&l, path, 10), 0);
	EXPECT_INT(l.nunsaved, 0);
	EXPECT_INT(l.n, 4);
	EXPECT_STR(l.items[2], "other");
	EXPECT_STR(l.items[3], "mine");
	state_list_free(&l);
	free(path);
	remove_dir(dir);
}

TEST(state_read_refuses)
{
	char *dir = private_dir(), *p, *data;
	size_t len;
	int fd;

	if (dir == NULL)
		return;
	if (asprintf(&p, "%s/x", dir) == -1)
		abort();
	put(dir, "x", "0123456789");
	data = state_read(p, 10, &len);
	EXPECT(data != NULL && len == 10);
	free(data);
	EXPECT(state_read(p, 9, &len) == NULL && errno == EFBIG);
	chmod(p, 0620);
	EXPECT(state_read(p, 100, &len) == NULL && errno == EPERM);
	EXPECT_STR(state_why(), "x is writable by group or others");
	unlink(p);
	EXPECT(symlink("/dev/zero", p) == 0);
	EXPECT(state_read(p, 100, &len) == NULL && errno == ELOOP);
	unlink(p);
	EXPECT(mkfifo(p, 0600) == 0);
	EXPECT(state_read(p, 100, &len) == NULL && errno == EINVAL);
	EXPECT_STR(state_why(), "x is not a regular file");
	/* A lock held elsewhere: the wait ends. */
	unlink(p);
	fd = state_lock(p);
	EXPECT(fd >= 0);
	if (fd >= 0) {
		static volatile sig_atomic_t flag = 1;
		struct timespec t0, t1;
		long ms;

		state_set_cancel(&flag);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		EXPECT(state_lock(p) == -1 && errno == EWOULDBLOCK);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec -
		    t0.tv_nsec) / 1000000;
		/* The lock counts whole milliseconds from a start it
		 * truncates: it may give up a fraction of one early. */
		if (ms < STATE_CANCEL_MS - 1 || ms >= STATE_LOCK_MS - 500)
			UNIT_FAIL("waited %ld ms for a held lock after a "
			    "signal", ms);
		state_set_cancel(NULL);
		state_unlock(fd);
	}
	free(p);
	remove_dir(dir);
}

TEST(state_set_aside_keeps_few)
{
	char *dir = private_dir(), *p, *a, *names[5];
	struct stat st;
	int i;

	if (dir == NULL)
		return;
	if (asprintf(&p, "%s/doc-1.state", dir) == -1)
		abort();
	for (i = 0; i < 5; i++) {
		put(dir, "doc-1.state", "broken");
		names[i] = state_set_aside(p);
		EXPECT(names[i] != NULL);
		EXPECT(stat(p, &st) == -1);
	}
	for (i = 0; i < 5; i++) {
		a = names[i];
		if (a == NULL)
			continue;
		/* Each its own name, and only the newest three left. */
		EXPECT_INT(stat(a, &st) == 0, i >= 5 - STATE_CORRUPT_KEEP);
		if (i > 0 && names[i - 1] != NULL)
			EXPECT(strcmp(a, names[i - 1]) != 0);
	}
	for (i = 0; i < 5; i++)
		free(names[i]);
	free(p);
	remove_dir(dir);
}

TEST(state_write_new_file)
{
	char *dir = private_dir(), *p, *tmp;
	struct stat st;
	size_t len;
	char *data;

	if (dir == NULL)
		return;
	put(dir, "victim", "keep me");
	if (asprintf(&p, "%s/s", dir) == -1 ||
	    asprintf(&tmp, "%s/s.tmp.%ld", dir, (long)getpid()) == -1)
		abort();
	/* A link planted at the old temporary name leads nowhere. */
	EXPECT(symlink("victim", tmp) == 0);
	EXPECT_INT(state_write(p, "new", 3), 0);
	data = state_read(p, 100, &len);
	EXPECT_STR(data, "new");
	free(data);
	EXPECT(lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
	    (st.st_mode & 0777) == 0600);
	free(p);
	if (asprintf(&p, "%s/victim", dir) == -1)
		abort();
	data = state_read(p, 100, &len);
	EXPECT_STR(data, "keep me");
	free(data);
	free(p);
	free(tmp);
	remove_dir(dir);
}

TEST(anchor_odd_paragraphs)
{
	static const char src[] = "A: \0\0 starts with NUL bytes.\n\n"
	    "B: \xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF"
	    "\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF"
	    "\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF"
	    "\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF\xAF"
	    "\xAF\xAF\xAF\xAF and more.\n";
	struct doc *d = doc_new((const uint8_t *)src, sizeof src - 1, "odd",
	    DOC_BORROWED);
	struct notes_hls in = { NULL, 0, 0 }, ok = { NULL, 0, 0 };
	struct notes_hls pending = { NULL, 0, 0 }, lost = { NULL, 0, 0 };

	/* A paragraph that starts with NUL bytes, one of bytes that are
	 * not UTF-8: their highlights stand where they were made. */
	doc_parse_all(d);
	EXPECT_INT(d->nblocks, 2);
	hl_of(&in, d, 0);
	hl_of(&in, d, 1);
	EXPECT_INT(strlen(in.v[1].excerpt), NOTES_EXCERPT_BYTES);
	EXPECT(notes_anchor_stands(d, &in.v[0]));
	EXPECT(notes_anchor_stands(d, &in.v[1]));
	EXPECT_INT(notes_anchor_resolve(&in, d, &ok, &pending, &lost), 0);
	EXPECT_INT(ok.n, 2);
	notes_hls_free(&in);
	notes_hls_free(&ok);
	doc_free(d);
}

TEST(state_file_notes)
{
	/* A note after its highlight, one an older version moved to the
	 * end, one on a lost highlight, and one that matches nothing. */
	const char *in = "lectern-state 1\n"
	    "hl 2 80 110 And a third\n"
	    "note 2 80 two lines\\nand a \\x1b[31mred\\\\\n"
	    "hl 1 44 80 A second one\n"
	    "lost 9 900 950 Gone\n"
	    "note 9 900 was here\n"
	    "note 1 44 moved away\n"
	    "note 7 70 of nothing\n"
	    "end\n";
	struct notes_file f;
	char *out;

	EXPECT_INT(parse(&f, in), NOTES_FILE_OK);
	EXPECT_INT(f.hl.n, 2);
	EXPECT_STR(f.hl.v[0].note, "moved away");
	EXPECT_STR(f.hl.v[1].note, "two lines\nand a \x1b[31mred\\");
	EXPECT_STR(f.lost.v[0].note, "was here");
	EXPECT_STR(buf_str(&f.extra), "");
	out = write_file(&f);
	EXPECT_STR(out, "lectern-state 1\n"
	    "hl 1 44 80 A second one\n"
	    "note 1 44 moved away\n"
	    "hl 2 80 110 And a third\n"
	    "note 2 80 two lines\\nand a \\x1b[31mred\\\\\n"
	    "lost 9 900 950 Gone\n"
	    "note 9 900 was here\n"
	    "end\n");
	free(out);
	notes_file_free(&f);
	/* A note line of another shape is a later version's: kept. */
	EXPECT_INT(parse(&f, "lectern-state 1\nnote 2 x\nend\n"),
	    NOTES_FILE_OK);
	EXPECT_STR(buf_str(&f.extra), "note 2 x\n");
	notes_file_free(&f);
}

TEST(state_file_unmark)
{
	struct notes_file f;
	char *out;

	/* The later of a mark and its deletion stands, in either order. */
	EXPECT_INT(parse(&f, "lectern-state 1\nmark a 5 100\nunmark a 200\n"
	    "unmark b 100\nmark b 7 200\nend\n"), NOTES_FILE_OK);
	EXPECT_INT(f.marks[0].off, 0);
	EXPECT_INT(f.marks[0].time, 200);
	EXPECT_INT(f.marks[1].off, 8);
	out = write_file(&f);
	EXPECT_STR(out, "lectern-state 1\nunmark a 200\nmark b 7 200\nend\n");
	free(out);
	notes_file_free(&f);
	EXPECT_INT(parse(&f, "lectern-state 1\nunmark 1 200\nend\n"),
	    NOTES_FILE_BROKEN);
	EXPECT_INT(parse(&f, "lectern-state 1\nunmark a\nend\n"),
	    NOTES_FILE_BROKEN);
}

TEST(notes_delete_mark_merge)
{
	struct doc *d = unit_parse(talk);
	struct notes *n = xcalloc(1, sizeof *n);
	struct notes_file disk;

	/* Another reader saved mark a before this one deleted it. */
	memset(&disk, 0, sizeof disk);
	disk.marks[0].off = 3;
	disk.marks[0].time = 100;
	n->marks[0] = disk.marks[0];
	EXPECT_INT(notes_delete_mark(n, 0), 1);
	EXPECT_INT(notes_delete_mark(n, 0), 0);
	EXPECT_INT(notes_delete_mark(n, 1), 0);
	notes_merge(n, &disk, d);
	EXPECT_INT(n->marks[0].off, 0);
	/* A deletion on disk wins over an older mark here. */
	disk.marks[1].off = 0;
	disk.marks[1].time = n->marks[0].time + 1;
	n->marks[1].off = 4;
	n->marks[1].time = 100;
	notes_merge(n, &disk, d);
	EXPECT_INT(n->marks[1].off, 0);
	notes_file_free(&disk);
	notes_free(n);
	doc_free(d);
}

/* Adds to f a highlight of block b of d, as a save would have written
 * it, with note (or none). */
static void
disk_hl(struct notes_file *f, const struct doc *d, size_t b,
    const char *note)
{
	char *ex = notes_anchor_excerpt(d, b);

	notes_hls_add(&f->hl, b, d->blocks[b].start, d->blocks[b].end, ex);
	free(ex);
	if (note != NULL)
		notes_hl_set_note(&f->hl.v[f->hl.n - 1], note);
}

TEST(notes_note_merge_and_clear)
{
	struct doc *d = unit_parse(talk);
	struct notes *n = xcalloc(1, sizeof *n);
	struct notes_file disk;

	/* The file: highlights 0 and 1, another reader's note on 1. */
	memset(&disk, 0, sizeof disk);
	disk_hl(&disk, d, 0, NULL);
	disk_hl(&disk, d, 1, "theirs");
	disk.whole = 1;
	notes_merge(n, &disk, d);
	EXPECT_INT(n->hl.n, 2);
	EXPECT_STR(n->hl.v[1].note, "theirs");
	/* This reader notes 0 and 1; the file, read again, still has the
	 * old notes: this reader's stand. */
	EXPECT_INT(notes_set_note(n, 0, "mine"), 0);
	EXPECT_INT(notes_set_note(n, 1, ""), 0);
	EXPECT_INT(notes_set_note(n, 2, "none"), -1);
	notes_file_free(&disk);
	EXPECT_INT(parse(&disk, "lectern-state 1\nend\n"), NOTES_FILE_OK);
	disk_hl(&disk, d, 0, NULL);
	disk_hl(&disk, d, 1, "theirs");
	notes_merge(n, &disk, d);
	EXPECT_STR(n->hl.v[0].note, "mine");
	EXPECT(n->hl.v[1].note == NULL);
	/* Clearing removes them all, in the file too. */
	n->nnoted = 0;
	EXPECT_INT(notes_clear(n, d), 2);
	EXPECT_INT(n->hl.n, 0);
	notes_merge(n, &disk, d);
	EXPECT_INT(n->hl.n, 0);
	notes_file_free(&disk);
	notes_free(n);
	doc_free(d);
}

TEST(notes_note_outlives_other_readers)
{
	struct doc *d = unit_parse(talk);
	struct notes *n = xcalloc(1, sizeof *n);
	struct notes_file disk;

	/* Both readers had highlight 1; another removed it and saved, then
	 * this one typed a note on it: the note is the later change. */
	memset(&disk, 0, sizeof disk);
	disk_hl(&disk, d, 1, NULL);
	disk.whole = 1;
	notes_merge(n, &disk, d);
	EXPECT_INT(n->hl.n, 1);
	notes_file_free(&disk);
	EXPECT_INT(parse(&disk, "lectern-state 1\nend\n"), NOTES_FILE_OK);
	EXPECT_INT(notes_set_note(n, 1, "mine"), 0);
	notes_merge(n, &disk, d);
	EXPECT_INT(n->hl.n, 1);
	EXPECT_STR(n->hl.v[0].note, "mine");
	/* Removed here and made again without a note (before a save): the
	 * file's older note does not come back. */
	notes_file_free(&disk);
	EXPECT_INT(parse(&disk, "lectern-state 1\nend\n"), NOTES_FILE_OK);
	disk_hl(&disk, d, 1, "old");
	n->nnoted = n->nadded = n->nremoved = 0;
	EXPECT_INT(notes_toggle(n, d, 1), 0);
	EXPECT_INT(notes_toggle(n, d, 1), 1);
	notes_merge(n, &disk, d);
	EXPECT_INT(n->hl.n, 1);
	EXPECT(n->hl.v[0].note == NULL);
	notes_file_free(&disk);
	notes_free(n);
	doc_free(d);
}

TEST(notes_export_note)
{
	struct doc *d = unit_parse(talk);
	struct notes *n = xcalloc(1, sizeof *n);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	notes_toggle(n, d, 1);
	notes_set_note(n, 1, "see\nthe \x1b[2J end");
	EXPECT_INT(notes_export_times(n, d, 0, f), 0);
	fclose(f);
	EXPECT(strstr(out, "> A second one, by someone else.\n>\n"
	    "> \xE2\x80\x94 Bo Chen\n\nNote: see the ") != NULL);
	EXPECT(strchr(out, '\x1b') == NULL);
	free(out);
	notes_free(n);
	doc_free(d);
}

TEST(state_list_keys)
{
	struct state_list l;
	const char *file = "a\tforward text all\nb\na\nb\tbackward regex "
	    "section\nc\n";

	/* An item's key is its text up to a tab: the newest of a key is
	 * kept, plain lines of earlier versions too. */
	memset(&l, 0, sizeof l);
	state_list_parse(&l, file, strlen(file), 10);
	EXPECT_INT(l.n, 3);
	EXPECT_STR(l.items[0], "a");
	EXPECT_STR(l.items[1], "b\tbackward regex section");
	EXPECT_STR(l.items[2], "c");
	EXPECT_INT(state_list_add(&l, "a\tbackward text all", 10), 0);
	EXPECT_INT(l.n, 3);
	EXPECT_STR(l.items[2], "a\tbackward text all");
	EXPECT_INT(state_list_add(&l, "ab", 10), 0);
	EXPECT_INT(l.n, 4);
	state_list_free(&l);
}

/* The content hash of a mapped file, read with pread (all of a small
 * one, samples of a large one), is the one of its bytes in memory; with a
 * byte-order mark, the text after it is hashed, as in memory. Sizes: past
 * the size hashed whole; two of the pieces read at once and a bit; one
 * line. */
TEST(doc_hash_large_file)
{
	char *dir = private_dir(), *path;
	static const char *const heads[] = { "", "\xEF\xBB\xBF" };
	static const size_t sizes[] = { 17u << 20, (32u << 10) + 5, 32 };
	size_t i, k;

	if (dir == NULL)
		return;
	if (asprintf(&path, "%s/big.txt", dir) == -1)
		abort();
	for (k = 0; k < 6; k++) {
		FILE *fp = fopen(path, "w");
		struct doc *d;

		if (fp == NULL) {
			UNIT_FAIL("%s: %s", path, strerror(errno));
			break;
		}
		fputs(heads[k % 2], fp);
		/* Lines that differ, 32 bytes each. */
		for (i = 0; i < sizes[k / 2] / 32; i++)
			fprintf(fp, "Ann: line %020zu here.\n", i * 7919);
		fputs("Bob: end", fp);
		fclose(fp);
		d = doc_open(path);
		EXPECT(d != NULL);
		if (d == NULL)
			break;
		EXPECT(d->own == DOC_MAPPED);
		EXPECT(d->len >= sizes[k / 2]);
		EXPECT(notes_anchor_doc_hash(d) ==
		    notes_anchor_content_hash(d->src, d->len));
		doc_free(d);
	}
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}
