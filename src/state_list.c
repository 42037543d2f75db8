/* state_list.c: lists of strings kept in the state directory, such as the
 * search history: read in linear time, merged with other readers' under a
 * lock. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/state.h"
#include "lectern/state_list.h"
#include "lectern/util.h"

/* FNV-1a of n bytes. */
static uint64_t
fnv(const char *s, size_t n)
{
	uint64_t h = 0xCBF29CE484222325ULL;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 0x100000001B3ULL;
	return h;
}

/* The length of the key of n bytes of an item: up to a tab. */
static size_t
key_len(const char *s, size_t n)
{
	const char *t = memchr(s, '\t', n);

	return t != NULL ? (size_t)(t - s) : n;
}

/* A line of a list file, in the file's buffer (n: its key's length). */
struct line {
	const char	*s;
	size_t		 n, len;
	uint64_t	 h;
};

void
state_list_parse(struct state_list *l, const char *data, size_t len,
    size_t max)
{
	struct line *kept, *slot, **table;
	const char *p, *e;
	size_t lines = 1, nkept = 0, size = 16, i;

	for (p = data; (p = memchr(p, '\n', (size_t)(data + len - p))) != NULL;
	    p++)
		lines++;
	if (max > lines)
		max = lines;
	while (size < 2 * max + 1)
		size *= 2;
	kept = xreallocarray(NULL, max + 1, sizeof *kept);
	table = xcalloc(size, sizeof *table);
	/* From the newest line back: the first copy of each is kept, so
	 * that this is linear however long the file is. */
	for (e = data + len; e > data && nkept < max; e = p) {
		const char *s;
		uint64_t h;
		size_t k;

		for (p = e; p > data && p[-1] != '\n'; p--)
			;
		s = p;
		if (p > data)
			p--;	/* the newline before the line */
		if (e == s || memchr(s, '\0', (size_t)(e - s)) != NULL)
			continue;
		k = key_len(s, (size_t)(e - s));
		h = fnv(s, k);
		for (i = h & (size - 1); (slot = table[i]) != NULL;
		    i = (i + 1) & (size - 1))
			if (slot->h == h && slot->n == k &&
			    memcmp(slot->s, s, k) == 0)
				break;
		if (slot != NULL)
			continue;
		kept[nkept].s = s;
		kept[nkept].n = k;
		kept[nkept].len = (size_t)(e - s);
		kept[nkept].h = h;
		table[i] = &kept[nkept++];
	}
	free(table);
	for (i = 0; i < l->n; i++)
		free(l->items[i]);
	l->n = 0;
	UTIL_GROW(l->items, l->cap, nkept);
	for (i = nkept; i > 0; i--)
		l->items[l->n++] = xstrndup(kept[i - 1].s, kept[i - 1].len);
	free(kept);
}

int
state_list_load(struct state_list *l, const char *path, size_t max)
{
	char *data;
	size_t len;

	if ((data = state_read(path, STATE_MAX_BYTES, &len)) == NULL)
		return errno == ENOENT ? 0 : -1;
	state_list_parse(l, data, len, max);
	free(data);
	return 0;
}

/* Adds s at the end of the items, removing an older one of its key. */
static void
add_item(struct state_list *l, const char *s, size_t max)
{
	size_t i, k = key_len(s, strlen(s));

	for (i = 0; i < l->n; i++)
		if (strcspn(l->items[i], "\t") == k &&
		    memcmp(l->items[i], s, k) == 0) {
			free(l->items[i]);
			memmove(l->items + i, l->items + i + 1,
			    (l->n - i - 1) * sizeof *l->items);
			l->n--;
			break;
		}
	UTIL_GROW(l->items, l->cap, l->n + 1);
	l->items[l->n++] = xstrdup(s);
	if (l->n > max) {
		for (i = 0; i < l->n - max; i++)
			free(l->items[i]);
		memmove(l->items, l->items + (l->n - max),
		    max * sizeof *l->items);
		l->n = max;
	}
}

int
state_list_add(struct state_list *l, const char *s, size_t max)
{
	if (*s == '\0' || strchr(s, '\n') != NULL)
		return -1;
	add_item(l, s, max);
	UTIL_GROW(l->unsaved, l->capunsaved, l->nunsaved + 1);
	l->unsaved[l->nunsaved++] = xstrdup(s);
	return 0;
}

int
state_list_save(struct state_list *l, const char *path, size_t max)
{
	struct state_list disk;
	struct buf b = { NULL, 0, 0 };
	char *lock;
	size_t i;
	int fd, rc, saved;

	if (asprintf(&lock, "%s.lock", path) == -1)
		util_fatal("out of memory");
	fd = state_lock(lock);
	free(lock);
	if (fd == -1)
		return -1;
	/* What another reader saved meanwhile, with this one's added: a
	 * file that cannot be read is not written over. */
	memset(&disk, 0, sizeof disk);
	if (state_list_load(&disk, path, max) == -1) {
		saved = errno;
		state_unlock(fd);
		state_list_free(&disk);
		errno = saved;
		return -1;
	}
	for (i = 0; i < l->nunsaved; i++)
		add_item(&disk, l->unsaved[i], max);
	for (i = 0; i < disk.n; i++) {
		buf_adds(&b, disk.items[i]);
		buf_addc(&b, '\n');
	}
	rc = state_write(path, buf_str(&b), b.len);
	saved = errno;
	state_unlock(fd);
	buf_free(&b);
	if (rc == 0) {
		for (i = 0; i < l->nunsaved; i++)
			free(l->unsaved[i]);
		l->nunsaved = 0;
		for (i = 0; i < l->n; i++)
			free(l->items[i]);
		free(l->items);
		l->items = disk.items;
		l->n = disk.n;
		l->cap = disk.cap;
		disk.items = NULL;
		disk.n = disk.cap = 0;
	}
	state_list_free(&disk);
	errno = saved;
	return rc;
}

void
state_list_free(struct state_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	for (i = 0; i < l->nunsaved; i++)
		free(l->unsaved[i]);
	free(l->unsaved);
	memset(l, 0, sizeof *l);
}
