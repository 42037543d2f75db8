/* state.c: XDG paths and atomic writes. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lectern/state.h"
#include "lectern/util.h"

/* Makes every missing directory of path, the last one with mode. */
static int
make_dirs(char *path, mode_t mode)
{
	char *p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) == -1 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(path, mode) == -1 && errno != EEXIST)
		return -1;
	return 0;
}

char *
state_dir(int create)
{
	const char *base = getenv("XDG_STATE_HOME"), *home;
	char *dir;

	if (base != NULL && base[0] == '/') {
		if (asprintf(&dir, "%s/lectern", base) == -1)
			util_fatal("out of memory");
	} else {
		home = getenv("HOME");
		if (home == NULL || home[0] != '/') {
			errno = ENOENT;
			return NULL;
		}
		if (asprintf(&dir, "%s/.local/state/lectern", home) == -1)
			util_fatal("out of memory");
	}
	if (create && make_dirs(dir, 0700) == -1) {
		int saved = errno;

		free(dir);
		errno = saved;
		return NULL;
	}
	return dir;
}

char *
state_path(const char *name, int create)
{
	char *dir = state_dir(create), *path;

	if (dir == NULL)
		return NULL;
	if (asprintf(&path, "%s/%s", dir, name) == -1)
		util_fatal("out of memory");
	free(dir);
	return path;
}

/* Waits LECTERN_SAVE_PAUSE milliseconds, when set: tests use it to kill
 * the reader in the middle of a save. */
static void
pause_for_tests(void)
{
	const char *ms = getenv("LECTERN_SAVE_PAUSE");
	struct timespec ts;
	long v;

	if (ms == NULL || (v = atol(ms)) <= 0)
		return;
	ts.tv_sec = v / 1000;
	ts.tv_nsec = v % 1000 * 1000000L;
	nanosleep(&ts, NULL);
}

int
state_write(const char *path, const void *data, size_t len)
{
	char *tmp;
	const char *p = data;
	int fd, saved;

	if (asprintf(&tmp, "%s.tmp.%ld", path, (long)getpid()) == -1)
		util_fatal("out of memory");
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1)
		goto fail;
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n == -1) {
			if (errno == EINTR)
				continue;
			goto fail_close;
		}
		p += n;
		len -= (size_t)n;
	}
	if (fsync(fd) == -1)
		goto fail_close;
	if (close(fd) == -1) {
		fd = -1;
		goto fail_close;
	}
	pause_for_tests();
	if (rename(tmp, path) == -1)
		goto fail;
	free(tmp);
	return 0;
fail_close:
	saved = errno;
	if (fd != -1)
		close(fd);
	errno = saved;
fail:
	saved = errno;
	unlink(tmp);
	free(tmp);
	errno = saved;
	return -1;
}

char *
state_read(const char *path, size_t *lenp)
{
	struct buf b = { NULL, 0, 0 };
	char chunk[8192];
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n == -1) {
			int saved = errno;

			if (errno == EINTR)
				continue;
			close(fd);
			buf_free(&b);
			errno = saved;
			return NULL;
		}
		buf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	if (b.data == NULL)
		b.data = xstrdup("");
	if (lenp != NULL)
		*lenp = b.len;
	return b.data;
}

int
state_list_load(struct state_list *l, const char *path)
{
	char *data, *line, *save = NULL;

	if ((data = state_read(path, NULL)) == NULL)
		return errno == ENOENT ? 0 : -1;
	for (line = strtok_r(data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		state_list_add(l, line, SIZE_MAX);
	free(data);
	return 0;
}

void
state_list_add(struct state_list *l, const char *s, size_t max)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i], s) == 0) {
			free(l->items[i]);
			memmove(l->items + i, l->items + i + 1,
			    (l->n - i - 1) * sizeof *l->items);
			l->n--;
			break;
		}
	UTIL_GROW(l->items, l->cap, l->n + 1);
	l->items[l->n++] = xstrdup(s);
	while (l->n > max) {
		free(l->items[0]);
		memmove(l->items, l->items + 1, (l->n - 1) * sizeof *l->items);
		l->n--;
	}
}

int
state_list_save(const struct state_list *l, const char *path)
{
	struct buf b = { NULL, 0, 0 };
	size_t i;
	int rc;

	for (i = 0; i < l->n; i++) {
		buf_adds(&b, l->items[i]);
		buf_addc(&b, '\n');
	}
	rc = state_write(path, buf_str(&b), b.len);
	buf_free(&b);
	return rc;
}

void
state_list_free(struct state_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}
