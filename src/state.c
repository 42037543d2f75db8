/* state.c: XDG paths, trusted directories, atomic writes, locks and the
 * leftovers of readers that were killed. */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lectern/state.h"
#include "lectern/util.h"

#define TMP_AGE		60	/* seconds before a dead reader's temporary
				   file is removed */
#define LOCK_POLL_MS	10

static char *why;		/* why the last file was refused */
static volatile sig_atomic_t *cancel;

/* Says why a file or directory is refused (see state_why). */
static void UTIL_PRINTF(1, 2)
refuse(const char *fmt, ...)
{
	va_list ap;

	free(why);
	va_start(ap, fmt);
	if (vasprintf(&why, fmt, ap) == -1)
		util_fatal("out of memory");
	va_end(ap);
}

/* Forgets the last refusal, at the start of each call that may refuse. */
static void
clear_why(void)
{
	free(why);
	why = NULL;
}

const char *
state_why(void)
{
	return why != NULL ? why : "";
}

/* The last component of path. */
static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

/* Checks that st is the user's own and writable by the user alone; else
 * says why, naming it what, and returns -1 with errno EPERM. */
static int
trusted(const char *what, const struct stat *st)
{
	if (st->st_uid != geteuid()) {
		refuse("%s belongs to uid %ld, not to you", what,
		    (long)st->st_uid);
		errno = EPERM;
		return -1;
	}
	if ((st->st_mode & (S_IWGRP | S_IWOTH)) != 0) {
		refuse("%s is writable by group or others", what);
		errno = EPERM;
		return -1;
	}
	return 0;
}

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
	struct stat st;
	char *dir, *what;
	int saved;

	clear_why();
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
	if (create && make_dirs(dir, 0700) == -1)
		goto fail;
	if (stat(dir, &st) == -1) {
		if (errno == ENOENT && !create)
			return dir;	/* nothing there yet to trust */
		goto fail;
	}
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		goto fail;
	}
	home = getenv("HOME");
	if (home != NULL && home[0] == '/' && home[1] != '\0' &&
	    strncmp(dir, home, strlen(home)) == 0 && dir[strlen(home)] == '/') {
		if (asprintf(&what, "~%s", dir + strlen(home)) == -1)
			util_fatal("out of memory");
	} else
		what = xstrdup(dir);
	saved = trusted(what, &st);
	free(what);
	if (saved == -1)
		goto fail;
	return dir;
fail:
	saved = errno;
	free(dir);
	errno = saved;
	return NULL;
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

	/* The PID lets state_tidy see whose it is; the random end and
	 * O_EXCL make it a new file, never one planted there. */
	if (asprintf(&tmp, "%s.tmp.%ld.XXXXXX", path, (long)getpid()) == -1)
		util_fatal("out of memory");
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd == -1) {
		saved = errno;
		free(tmp);
		errno = saved;
		return -1;
	}
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

/* Checks what lstat or fstat said of a state file. Returns 0, or -1 with
 * errno and state_why. */
static int
acceptable(const char *path, const struct stat *st, size_t max)
{
	if (S_ISLNK(st->st_mode)) {
		refuse("%s is a symbolic link", base_name(path));
		errno = ELOOP;
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		refuse("%s is not a regular file", base_name(path));
		errno = EINVAL;
		return -1;
	}
	if (trusted(base_name(path), st) == -1)
		return -1;
	if ((uintmax_t)st->st_size > max) {
		refuse("%s is larger than %zu MB", base_name(path),
		    max >> 20);
		errno = EFBIG;
		return -1;
	}
	return 0;
}

char *
state_read(const char *path, size_t max, size_t *lenp)
{
	struct stat st, fst;
	char *data;
	size_t len = 0, cap;
	int fd, saved;

	/* Looked at before it is opened: opening a FIFO or a device can
	 * block or do things. */
	clear_why();
	if (lstat(path, &st) == -1 || acceptable(path, &st, max) == -1)
		return NULL;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1)
		return NULL;
	if (fstat(fd, &fst) == -1 || acceptable(path, &fst, max) == -1)
		goto fail;
	if (fst.st_dev != st.st_dev || fst.st_ino != st.st_ino) {
		refuse("%s changed while it was opened", base_name(path));
		errno = EAGAIN;
		goto fail;
	}
	/* Room for the NUL and a byte more than fstat said, to see the end
	 * at once. */
	cap = (size_t)fst.st_size + 2;
	data = xmalloc(cap);
	for (;;) {
		ssize_t n;

		if (len + 1 == cap) {
			/* It grew since fstat: read on, up to max. */
			if (len > max) {
				free(data);
				refuse("%s is larger than %zu MB",
				    base_name(path), max >> 20);
				errno = EFBIG;
				goto fail;
			}
			cap = cap > (max + 2) / 2 ? max + 2 : cap * 2;
			data = xrealloc(data, cap);
		}
		n = read(fd, data + len, cap - 1 - len);
		if (n == 0)
			break;
		if (n == -1) {
			if (errno == EINTR)
				continue;
			saved = errno;
			free(data);
			errno = saved;
			goto fail;
		}
		len += (size_t)n;
	}
	close(fd);
	data[len] = '\0';
	if (lenp != NULL)
		*lenp = len;
	return data;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return NULL;
}

/* Milliseconds of a monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
state_set_cancel(volatile sig_atomic_t *flag)
{
	cancel = flag;
}

int
state_lock(const char *path)
{
	const int flags = O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC;
	struct timespec poll = { 0, LOCK_POLL_MS * 1000000L };
	struct stat st;
	long long start;
	int fd, saved;

	clear_why();
	fd = open(path, flags, 0600);
	if (fd == -1 && errno == ELOOP && unlink(path) == 0) {
		/* A link at the lock's name: nobody can hold a lock through
		 * it (it is never followed), so it goes. */
		fd = open(path, flags, 0600);
	}
	if (fd == -1)
		return -1;
	if (fstat(fd, &st) == -1)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		refuse("%s is not a regular file", base_name(path));
		errno = EINVAL;
		goto fail;
	}
	start = now_ms();
	for (;;) {
		long long limit = cancel != NULL && *cancel ?
		    STATE_CANCEL_MS : STATE_LOCK_MS;

		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return fd;
		if (errno != EWOULDBLOCK && errno != EINTR)
			goto fail;
		if (now_ms() - start >= limit) {
			errno = EWOULDBLOCK;
			goto fail;
		}
		nanosleep(&poll, NULL);
	}
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

void
state_unlock(int fd)
{
	if (fd != -1)
		close(fd);
}

/* The PID in a temporary file's name, NAME.tmp.PID or NAME.tmp.PID.XXXXXX;
 * 0 when it is not one. */
static long
tmp_pid(const char *name)
{
	const char *t = NULL, *s, *p;
	long pid = 0;

	for (s = name; (s = strstr(s, ".tmp.")) != NULL; s++)
		t = s;
	if (t == NULL || t == name)
		return 0;
	for (p = t + 5; *p >= '0' && *p <= '9'; p++) {
		if (pid > (INT_MAX - 9) / 10)
			return 0;
		pid = pid * 10 + (*p - '0');
	}
	if (p == t + 5 || (*p != '\0' && (*p != '.' || strlen(p + 1) != 6)))
		return 0;
	return pid;
}

void
state_tidy(const char *dir)
{
	struct dirent *e;
	time_t now = time(NULL);
	DIR *dp;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((e = readdir(dp)) != NULL) {
		struct stat st;
		long pid = tmp_pid(e->d_name);

		if (pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;	/* its reader may be saving */
		if (fstatat(dirfd(dp), e->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) == -1 || now - st.st_mtime < TMP_AGE)
			continue;
		unlinkat(dirfd(dp), e->d_name, 0);
	}
	closedir(dp);
}

/* A copy set aside: its name's time and number, to keep the newest. */
struct aside {
	char		*name;
	long long	 t;
	long		 k;
};

/* Newest first. */
static int
aside_cmp(const void *a, const void *b)
{
	const struct aside *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? 1 : -1;
	return x->k < y->k ? 1 : x->k > y->k ? -1 : 0;
}

/* The copies of the file base set aside in the directory dp. Returns how
 * many; *out (caller frees, with the names) gets them. */
static size_t
list_aside(DIR *dp, const char *base, struct aside **out)
{
	size_t blen = strlen(base), n = 0, cap = 0;
	struct aside *v = NULL;
	struct dirent *e;

	rewinddir(dp);
	while ((e = readdir(dp)) != NULL) {
		const char *s = e->d_name + blen;
		char *end;
		long long t;
		long k = 0;

		if (strncmp(e->d_name, base, blen) != 0 ||
		    strncmp(s, ".corrupt-", 9) != 0 || s[9] < '0' || s[9] > '9')
			continue;
		errno = 0;
		t = strtoll(s + 9, &end, 10);
		if (*end == '.' && end[1] >= '0' && end[1] <= '9')
			k = strtol(end + 1, &end, 10);
		if (*end != '\0' || errno != 0)
			continue;
		UTIL_GROW(v, cap, n + 1);
		v[n].name = xstrdup(e->d_name);
		v[n].t = t;
		v[n].k = k;
		n++;
	}
	*out = v;
	return n;
}

char *
state_set_aside(const char *path)
{
	char *dir = xstrndup(path, (size_t)(base_name(path) - path));
	char *aside = NULL;
	const char *base = base_name(path);
	long long t = (long long)time(NULL);
	struct aside *v;
	size_t n, i;
	long k = 0;
	DIR *dp;
	int rc = -1, saved;

	if ((dp = opendir(*dir != '\0' ? dir : ".")) == NULL) {
		saved = errno;
		free(dir);
		errno = saved;
		return NULL;
	}
	/* A number after the seconds, past any taken in the same second:
	 * a new copy is always the newest. */
	n = list_aside(dp, base, &v);
	for (i = 0; i < n; i++)
		if (v[i].t == t && v[i].k >= k)
			k = v[i].k + 1;
	for (; rc == -1 && k < LONG_MAX; k++) {
		struct stat st;

		if ((k == 0 ? asprintf(&aside, "%s.corrupt-%lld", path, t) :
		    asprintf(&aside, "%s.corrupt-%lld.%ld", path, t, k)) == -1)
			util_fatal("out of memory");
		rc = renameat2(AT_FDCWD, path, AT_FDCWD, aside,
		    RENAME_NOREPLACE);
		if (rc == -1 && (errno == EINVAL || errno == ENOSYS)) {
			/* A file system without it: the name is free, as
			 * far as can be told. */
			if (lstat(aside, &st) == 0)
				errno = EEXIST;
			else
				rc = rename(path, aside);
		}
		if (rc == -1) {
			saved = errno;
			free(aside);
			aside = NULL;
			if (saved != EEXIST)
				break;
		}
	}
	saved = errno;
	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	if (aside != NULL) {
		/* All but the newest few go. */
		n = list_aside(dp, base, &v);
		qsort(v, n, sizeof *v, aside_cmp);
		for (i = 0; i < n; i++) {
			if (i >= STATE_CORRUPT_KEEP)
				unlinkat(dirfd(dp), v[i].name, 0);
			free(v[i].name);
		}
		free(v);
	}
	closedir(dp);
	free(dir);
	errno = saved;
	return aside;
}
