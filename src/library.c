/* library.c: the documents of a folder: finding them, their natural
 * order, and the list as it is sorted and filtered. What is known of
 * each is found out in libmeta.c. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "lectern/format.h"
#include "lectern/library.h"
#include "lectern/util.h"

#define MAX_DEPTH	16	/* folders below the library's */
#define MAX_ENTRIES	100000
#define SNIFF_BYTES	4096	/* read of a file whose name says nothing */

/* Extensions of transcripts lectern reads, and of what is surely none. */
static const char *const yes_ext[] = {
	"txt", "text", "vtt", "webvtt", "srt", "md", "markdown", NULL
};
static const char *const no_ext[] = {
	"json", "jpg", "jpeg", "png", "webp", "gif", "svg", "ico", "mp3",
	"mp4", "m4a", "m4v", "mkv", "webm", "opus", "ogg", "oga", "wav",
	"flac", "aac", "avi", "mov", "pdf", "epub", "zip", "gz", "xz", "bz2",
	"zst", "tar", "7z", "part", "ytdl", "description", "exe", "so", "o",
	"a", "db", "sqlite", "lock", "state", "cache", NULL
};

/* True when ext (lower case) is in the list. */
static int
in_list(const char *const *list, const char *ext)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strcasecmp(list[i], ext) == 0)
			return 1;
	return 0;
}

/* Whether the file at path (named name) is a transcript: 1 yes, 0 no. */
static int
is_transcript(const char *path, const char *name)
{
	const struct format *f;
	const char *dot = strrchr(name, '.');
	uint8_t buf[SNIFF_BYTES];
	ssize_t n;
	int fd;

	if (dot != NULL && dot != name) {
		if (in_list(yes_ext, dot + 1))
			return 1;
		if (in_list(no_ext, dot + 1))
			return 0;
	}
	/* Nothing in the name: a reader other than plain text's must claim
	 * the first bytes. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return 0;
	n = read(fd, buf, sizeof buf);
	close(fd);
	if (n <= 0 || memchr(buf, '\0', (size_t)n) != NULL)
		return 0;
	f = format_sniff(buf, (size_t)n, name);
	return f != format_find("plain");
}

/* The walk's state: the folders on the way down, against loops. */
struct walk {
	struct library	*lib;
	dev_t		 dev[MAX_DEPTH + 1];
	ino_t		 ino[MAX_DEPTH + 1];
	int		 depth;
};

/* Adds the file at path; its size and time are asked for later. */
static void
add_entry(struct library *lib, const char *path, size_t rel)
{
	struct library_entry *e;

	UTIL_GROW(lib->v, lib->cap, lib->n + 1);
	e = &lib->v[lib->n++];
	memset(e, 0, sizeof *e);
	e->path = xstrdup(path);
	e->rel = rel;
	e->progress = -1;
	e->notes_mtime = -1;
	e->duration = UINT32_MAX;
}

int
library_stat(struct library *lib, size_t i)
{
	struct library_entry *e = &lib->v[i];
	struct stat st;

	if (e->stated)
		return 0;
	e->stated = 1;
	if (stat(e->path, &st) == -1)
		return -1;
	e->size = (uint64_t)st.st_size;
	e->mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 +
	    st.st_mtim.tv_nsec;
	e->ino = (uint64_t)st.st_ino;
	return 0;
}

/* Walks the folder at path (rel: where the library's names start). The
 * names alone are read: a file is asked its size and time when it is
 * shown, or sorted by date. */
static void
walk_dir(struct walk *w, const char *path, size_t rel)
{
	struct dirent *de;
	struct stat st;
	DIR *dp;
	int i;

	if ((dp = opendir(path)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL && w->lib->n < MAX_ENTRIES) {
		char *p;

		if (de->d_name[0] == '.')
			continue;
		p = xasprintf("%s%s%s", path, path[strlen(path) - 1] == '/' ?
		    "" : "/", de->d_name);
		if (de->d_type == DT_REG) {
			if (is_transcript(p, de->d_name))
				add_entry(w->lib, p, rel);
			free(p);
			continue;
		}
		if (stat(p, &st) == -1) {
			free(p);
			continue;
		}
		if (S_ISDIR(st.st_mode) && w->depth < MAX_DEPTH) {
			for (i = 0; i <= w->depth; i++)
				if (w->dev[i] == st.st_dev &&
				    w->ino[i] == st.st_ino)
					break;
			if (i > w->depth) {
				w->depth++;
				w->dev[w->depth] = st.st_dev;
				w->ino[w->depth] = st.st_ino;
				walk_dir(w, p, rel);
				w->depth--;
			}
		} else if (S_ISREG(st.st_mode) && is_transcript(p, de->d_name))
			add_entry(w->lib, p, rel);
		free(p);
	}
	closedir(dp);
}

int
library_natcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	while (*p != '\0' && *q != '\0') {
		if (*p >= '0' && *p <= '9' && *q >= '0' && *q <= '9') {
			const unsigned char *ps, *qs;
			size_t lp, lq;
			int c;

			while (*p == '0' && p[1] >= '0' && p[1] <= '9')
				p++;
			while (*q == '0' && q[1] >= '0' && q[1] <= '9')
				q++;
			for (ps = p; *p >= '0' && *p <= '9'; p++)
				;
			for (qs = q; *q >= '0' && *q <= '9'; q++)
				;
			lp = (size_t)(p - ps);
			lq = (size_t)(q - qs);
			if (lp != lq)
				return lp < lq ? -1 : 1;
			if ((c = memcmp(ps, qs, lp)) != 0)
				return c;
			continue;
		}
		{
			int ca = *p >= 'A' && *p <= 'Z' ? *p + 32 : *p;
			int cb = *q >= 'A' && *q <= 'Z' ? *q + 32 : *q;

			if (ca != cb)
				return ca < cb ? -1 : 1;
		}
		p++;
		q++;
	}
	if (*p != *q)
		return *p == '\0' ? -1 : 1;
	return strcmp(a, b);
}

/* Orders entries by their names, naturally. */
static int
cmp_entries(const void *x, const void *y)
{
	const struct library_entry *a = x, *b = y;

	return library_natcmp(a->path + a->rel, b->path + b->rel);
}

/* Walks dir into a new library with no cache. */
static struct library *
walk(const char *dir)
{
	struct library *lib;
	struct walk w;
	struct stat st;
	size_t rel;

	if (stat(dir, &st) == -1)
		return NULL;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return NULL;
	}
	if (access(dir, R_OK | X_OK) == -1)
		return NULL;
	lib = xcalloc(1, sizeof *lib);
	lib->root = xstrdup(dir);
	memset(&w, 0, sizeof w);
	w.lib = lib;
	w.dev[0] = st.st_dev;
	w.ino[0] = st.st_ino;
	rel = strlen(dir);
	if (rel > 0 && dir[rel - 1] != '/')
		rel++;
	walk_dir(&w, dir, rel);
	if (lib->n > 0)
		qsort(lib->v, lib->n, sizeof *lib->v, cmp_entries);
	return lib;
}

long
library_list(const char *dir, char ***out)
{
	struct library *lib = walk(dir);
	size_t i;

	if (lib == NULL)
		return -1;
	*out = xreallocarray(NULL, lib->n + 1, sizeof **out);
	for (i = 0; i < lib->n; i++) {
		(*out)[i] = lib->v[i].path;
		lib->v[i].path = NULL;
	}
	i = lib->n;
	free(lib->v);
	free(lib->root);
	free(lib);
	return (long)i;
}

/* The folded text of an entry, for finding and filtering. */
static void
fold_entry(struct library_entry *e)
{
	struct buf b = { NULL, 0, 0 };

	if (e->title != NULL) {
		library_fold(&b, e->title, strlen(e->title));
		buf_addc(&b, '\n');
	}
	if (e->speakers != NULL) {
		library_fold(&b, e->speakers, strlen(e->speakers));
		buf_addc(&b, '\n');
	}
	library_fold(&b, e->path + e->rel, strlen(e->path + e->rel));
	free(e->fold);
	e->fold = xstrdup(buf_str(&b));
	buf_free(&b);
}

struct library *
library_open(const char *dir)
{
	struct library *lib = walk(dir);

	if (lib == NULL)
		return NULL;
	library_meta_open(lib);
	lib->stale = 1;
	library_refresh(lib);
	return lib;
}

void
library_free(struct library *lib)
{
	size_t i;

	if (lib == NULL)
		return;
	library_meta_close(lib);
	for (i = 0; i < lib->n; i++) {
		struct library_entry *e = &lib->v[i];

		free(e->path);
		free(e->title);
		free(e->speakers);
		free(e->notes_file);
		free(e->fold);
		free(e->error);
	}
	free(lib->v);
	free(lib->shown);
	free(lib->filter);
	free(lib->root);
	free(lib);
}

/* Appends code point uc, folded, to b. */
static void
fold_char(struct buf *b, ucs4_t uc)
{
	uint8_t one[8];
	int k;

	switch (uc) {
	case 0x2018: case 0x2019: case 0x201B: case 0x2032:
		uc = '\'';
		break;
	case 0x201C: case 0x201D: case 0x201F: case 0x2033:
		uc = '"';
		break;
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212:
		uc = '-';
		break;
	case '\t': case '\n': case '\r': case 0xA0:
		uc = ' ';
		break;
	}
	if (uc_is_general_category(uc, UC_CATEGORY_M))
		return;
	if ((k = u8_uctomb(one, uc, sizeof one)) > 0)
		buf_add(b, one, (size_t)k);
}

void
library_fold(struct buf *b, const char *s, size_t n)
{
	uint8_t *f;
	size_t len = 0, i;
	ucs4_t uc;
	int k;

	f = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKD, NULL,
	    &len);
	if (f == NULL) {
		/* Not valid UTF-8: ASCII letters folded alone. */
		for (i = 0; i < n; i++)
			buf_addc(b, s[i] >= 'A' && s[i] <= 'Z' ?
			    (char)(s[i] + 32) : s[i] == '\0' ? ' ' : s[i]);
		return;
	}
	for (i = 0; i < len; i += (size_t)k) {
		k = u8_mbtouc(&uc, f + i, len - i);
		if (k <= 0)
			k = 1;
		fold_char(b, uc == 0 ? ' ' : uc);
	}
	free(f);
}

const char *
library_title(const struct library_entry *e, size_t *n)
{
	const char *name, *dot, *slash;

	if (e->title != NULL && *e->title != '\0') {
		*n = strlen(e->title);
		return e->title;
	}
	name = e->path + e->rel;
	slash = strrchr(name, '/');
	if (slash != NULL)
		name = slash + 1;
	dot = strrchr(name, '.');
	*n = dot != NULL && dot != name ? (size_t)(dot - name) : strlen(name);
	return name;
}

int
library_matches(const struct library *lib, size_t i, const char *folded)
{
	struct library_entry *e = &lib->v[i];

	if (folded == NULL || *folded == '\0')
		return 1;
	/* Folded when first asked: a list that is not searched never is. */
	if (e->fold == NULL)
		fold_entry(e);
	return strstr(e->fold, folded) != NULL;
}

/* The library being sorted (qsort takes no argument). */
static const struct library *sorting;

/* Orders the list as it is sorted; by name, as walked. */
static int
cmp_shown(const void *x, const void *y)
{
	const struct library_entry *a = &sorting->v[*(const size_t *)x];
	const struct library_entry *b = &sorting->v[*(const size_t *)y];
	size_t ia = *(const size_t *)x, ib = *(const size_t *)y;

	if (sorting->sort == LIBRARY_BY_DATE && a->mtime != b->mtime)
		return a->mtime > b->mtime ? -1 : 1;
	if (sorting->sort == LIBRARY_BY_PROGRESS &&
	    a->progress != b->progress)
		return a->progress > b->progress ? -1 : 1;
	/* By name: the order of the walk. */
	return ia < ib ? -1 : ia > ib;
}

void
library_refresh(struct library *lib)
{
	size_t i;

	if (!lib->stale)
		return;
	lib->stale = 0;
	lib->shown = xreallocarray(lib->shown, lib->n + 1,
	    sizeof *lib->shown);
	lib->nshown = 0;
	for (i = 0; i < lib->n; i++)
		if (library_matches(lib, i, lib->filter))
			lib->shown[lib->nshown++] = i;
	if (lib->sort != LIBRARY_BY_NAME && lib->nshown > 1) {
		sorting = lib;
		qsort(lib->shown, lib->nshown, sizeof *lib->shown,
		    cmp_shown);
		sorting = NULL;
	}
}

void
library_set_sort(struct library *lib, enum library_sort s)
{
	size_t i;

	/* Sorting by date asks every file its time. */
	for (i = 0; s == LIBRARY_BY_DATE && i < lib->n; i++)
		library_stat(lib, i);
	lib->sort = s;
	lib->stale = 1;
	library_refresh(lib);
}

void
library_set_filter(struct library *lib, const char *text)
{
	struct buf b = { NULL, 0, 0 };

	free(lib->filter);
	lib->filter = NULL;
	if (text != NULL && *text != '\0') {
		library_fold(&b, text, strlen(text));
		lib->filter = xstrdup(buf_str(&b));
		buf_free(&b);
	}
	lib->stale = 1;
	library_refresh(lib);
}

void
library_refold(struct library *lib, size_t i)
{
	free(lib->v[i].fold);
	lib->v[i].fold = NULL;
	lib->stale = 1;
}
