/* unit_state.c: unit tests of the state files: the history list, and the
 * guards around the state directory. */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lectern/state.h"
#include "lectern/state_list.h"
#include "lectern/util.h"
#include "unit.h"

/* A private state directory for a test; caller frees. */
static char *
private_dir(void)
{
	char *dir = xstrdup("/tmp/lectern-unit.XXXXXX");

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
		if (ms < STATE_CANCEL_MS || ms >= STATE_LOCK_MS - 500)
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
