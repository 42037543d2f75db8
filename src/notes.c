/*
 * notes.c: highlights, marks and place, saved so that nothing is lost.
 *
 * Saving takes a lock (doc-HASH.lock, waiting at most STATE_LOCK_MS),
 * reads what is there, checks it against the document, applies this
 * session's additions and removals to it, and replaces the file
 * atomically; two readers of one document keep each other's highlights
 * and marks. The format is in notes_file.c, the anchoring in
 * notes_anchor.c.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "lectern/doc.h"
#include "lectern/notes.h"
#include "lectern/notes_anchor.h"
#include "lectern/state.h"
#include "lectern/util.h"

/* Replaces *p with a new formatted string. */
static void UTIL_PRINTF(2, 3)
say(char **p, const char *fmt, ...)
{
	va_list ap;

	free(*p);
	va_start(ap, fmt);
	if (vasprintf(p, fmt, ap) == -1)
		util_fatal("out of memory");
	va_end(ap);
}

/* The newest state file, other than this document's, read from path. */
static char *
find_by_path(const char *dir, const char *path, const char *own)
{
	struct dirent *e;
	char *best = NULL;
	time_t newest = 0;
	DIR *dp;

	if ((dp = opendir(dir)) == NULL)
		return NULL;
	while ((e = readdir(dp)) != NULL) {
		struct notes_file probe;
		struct stat st;
		char *file, *data;
		size_t len = strlen(e->d_name), n;

		if (strncmp(e->d_name, "doc-", 4) != 0 || len < 10 ||
		    strcmp(e->d_name + len - 6, ".state") != 0)
			continue;
		if (asprintf(&file, "%s/%s", dir, e->d_name) == -1)
			util_fatal("out of memory");
		if (strcmp(file, own) == 0 || lstat(file, &st) == -1 ||
		    (data = state_read(file, STATE_MAX_BYTES, &n)) == NULL) {
			free(file);
			continue;
		}
		memset(&probe, 0, sizeof probe);
		if (notes_file_parse(&probe, data, n) == NOTES_FILE_OK &&
		    probe.path != NULL && strcmp(probe.path, path) == 0 &&
		    st.st_mtime >= newest) {
			newest = st.st_mtime;
			free(best);
			best = file;
			file = NULL;
		}
		notes_file_free(&probe);
		free(data);
		free(file);
	}
	closedir(dp);
	return best;
}

/* Appends v to a list of blocks. */
static void
push(size_t **arr, size_t *n, size_t *cap, size_t v)
{
	UTIL_GROW(*arr, *cap, *n + 1);
	(*arr)[(*n)++] = v;
}

/* Removes every v from a list of blocks. */
static void
drop(size_t *arr, size_t *n, size_t v)
{
	size_t i;

	for (i = 0; i < *n;)
		if (arr[i] == v)
			arr[i] = arr[--*n];
		else
			i++;
}

/* Milliseconds since the epoch. */
static int64_t
wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Drops the marks that lie past the end of d. */
static void
check_marks(struct notes_mark *marks, const struct doc *d)
{
	int i;

	for (i = 0; i < NOTES_NMARKS; i++)
		if (marks[i].off > d->len + 1)
			marks[i].off = marks[i].time = 0;
}

/* Reads as far into d as the highlights of l go, and to its end when one
 * of them does not stand where it was (it is then looked for). */
static void
read_for(struct doc *d, const struct notes_hls *l)
{
	size_t far = 0, i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].end > far)
			far = l->v[i].end;
	doc_parse_until(d, far < d->len ? far : d->len);
	for (i = 0; i < l->n; i++)
		if (!notes_anchor_stands(d, &l->v[i])) {
			doc_parse_all(d);
			return;
		}
}

/* Takes what f holds into n, checked against d. Returns how many
 * highlights were not found. */
static size_t
take(struct notes *n, struct notes_file *f, struct doc *d)
{
	size_t lost, i;

	read_for(d, &f->hl);
	lost = notes_anchor_resolve(&f->hl, d, &n->hl, &n->pending, &n->lost);
	for (i = 0; i < f->lost.n; i++)
		notes_hls_move(&n->lost, &f->lost.v[i]);
	f->lost.n = 0;
	memcpy(n->marks, f->marks, sizeof n->marks);
	check_marks(n->marks, d);
	if (f->have_place) {
		n->have_place = 1;
		n->place = f->place <= d->len ? f->place : 0;
		n->cursor = f->cursor <= d->len ? f->cursor : n->place;
	}
	buf_free(&n->extra);
	n->extra = f->extra;
	memset(&f->extra, 0, sizeof f->extra);
	return lost;
}

struct notes *
notes_open(struct doc *d, const char *path)
{
	struct notes_file f;
	struct notes *n;
	char *dir, *other;
	size_t lost, i;
	int rc;

	n = xcalloc(1, sizeof *n);
	n->hash = notes_anchor_doc_hash(d);
	if ((dir = state_dir(0)) == NULL) {
		if (errno == EPERM) {
			n->refused = 1;
			say(&n->problem, "not using the state: %s",
			    state_why());
		}
		return n;
	}
	if (asprintf(&n->file, "%s/doc-%016llx.state", dir,
	    (unsigned long long)n->hash) == -1 ||
	    asprintf(&n->lock, "%s/doc-%016llx.lock", dir,
	    (unsigned long long)n->hash) == -1)
		util_fatal("out of memory");
	memset(&f, 0, sizeof f);
	if ((rc = notes_file_load(&f, n->file, &n->problem)) == -1) {
		/* Not read, so not to be saved over. */
		n->refused = 1;
	} else if (rc == 0 && path != NULL && n->problem == NULL &&
	    (other = find_by_path(dir, path, n->file)) != NULL) {
		/* The same file, changed: find the highlights again, and
		 * save them all under this content's name. */
		char *ignored = NULL;

		notes_file_load(&f, other, &ignored);
		free(ignored);
		doc_parse_all(d);
		lost = take(n, &f, d);
		for (i = 0; i < n->hl.n; i++)
			push(&n->added, &n->nadded, &n->capadded,
			    n->hl.v[i].block);
		if (lost > 0)
			say(&n->problem, "the document changed: %zu of %zu "
			    "highlights no longer match (see "
			    "--export-highlights)", lost, lost + n->hl.n);
		free(other);
	} else if ((lost = take(n, &f, d)) > 0) {
		say(&n->problem, "%zu highlights no longer match", lost);
	}
	notes_file_free(&f);
	free(n->path);
	n->path = path != NULL ? xstrdup(path) : NULL;
	free(dir);
	return n;
}

void
notes_free(struct notes *n)
{
	if (n == NULL)
		return;
	free(n->path);
	free(n->file);
	free(n->lock);
	notes_hls_free(&n->hl);
	notes_hls_free(&n->pending);
	notes_hls_free(&n->lost);
	buf_free(&n->extra);
	free(n->added);
	free(n->removed);
	free(n->noted);
	free(n->problem);
	free(n->error);
	free(n);
}

long
notes_find(const struct notes *n, size_t b)
{
	return notes_hls_find(&n->hl, b);
}

int
notes_toggle(struct notes *n, const struct doc *d, size_t b)
{
	long i = notes_find(n, b);
	size_t k;
	char *ex;

	if (i >= 0) {
		notes_hl_clear(&n->hl.v[i]);
		memmove(n->hl.v + i, n->hl.v + i + 1, (n->hl.n - (size_t)i -
		    1) * sizeof *n->hl.v);
		n->hl.n--;
		drop(n->added, &n->nadded, b);
		push(&n->removed, &n->nremoved, &n->capremoved, b);
		return 0;
	}
	ex = notes_anchor_excerpt(d, b);
	notes_hls_add(&n->hl, b, d->blocks[b].start, d->blocks[b].end, ex);
	free(ex);
	/* Into its place in order. */
	for (k = n->hl.n - 1; k > 0 && n->hl.v[k - 1].block > b; k--) {
		struct notes_highlight t = n->hl.v[k];

		n->hl.v[k] = n->hl.v[k - 1];
		n->hl.v[k - 1] = t;
	}
	drop(n->removed, &n->nremoved, b);
	push(&n->added, &n->nadded, &n->capadded, b);
	/* Made again without a note: an older note in the file is not
	 * brought back. */
	drop(n->noted, &n->nnoted, b);
	push(&n->noted, &n->nnoted, &n->capnoted, b);
	return 1;
}

/* A time for a change of mark i later than its last one, even should
 * the clock have gone back or another machine's be ahead: the merge
 * keeps the latest change of each letter. */
static int64_t
later(const struct notes *n, int i)
{
	int64_t now = wall_ms(), t = n->marks[i].time;

	return now > t ? now : t < INT64_MAX ? t + 1 : t;
}

void
notes_set_mark(struct notes *n, int i, size_t off)
{
	n->marks[i].time = later(n, i);
	n->marks[i].off = off + 1;
}

int
notes_delete_mark(struct notes *n, int i)
{
	if (n->marks[i].off == 0)
		return 0;
	n->marks[i].off = 0;
	n->marks[i].time = later(n, i);
	return 1;
}

size_t
notes_clear(struct notes *n, const struct doc *d)
{
	size_t k = n->hl.n;

	while (n->hl.n > 0)
		notes_toggle(n, d, n->hl.v[n->hl.n - 1].block);
	return k;
}

int
notes_set_note(struct notes *n, size_t b, const char *note)
{
	long i = notes_find(n, b);

	if (i < 0)
		return -1;
	notes_hl_set_note(&n->hl.v[i], note);
	drop(n->noted, &n->nnoted, b);
	push(&n->noted, &n->nnoted, &n->capnoted, b);
	return 0;
}

/* Sorts block numbers. */
static int
size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

void
notes_merge(struct notes *n, struct notes_file *disk, const struct doc *d)
{
	struct notes_hls ok = { NULL, 0, 0 }, pending = { NULL, 0, 0 };
	struct notes_hls lost = { NULL, 0, 0 };
	size_t i, k;
	int m, resort = 0;

	/* What is on disk, checked against this document. */
	notes_anchor_resolve(&disk->hl, d, &ok, &pending, &lost);
	/* This session's removals, then its additions. */
	if (n->nremoved > 0) {
		qsort(n->removed, n->nremoved, sizeof *n->removed, size_cmp);
		for (i = k = 0; i < ok.n; i++) {
			if (bsearch(&ok.v[i].block, n->removed, n->nremoved,
			    sizeof *n->removed, size_cmp) != NULL) {
				notes_hl_clear(&ok.v[i]);
				continue;
			}
			ok.v[k++] = ok.v[i];
		}
		ok.n = k;
	}
	for (i = 0; i < n->nadded; i++) {
		long j = notes_find(n, n->added[i]);

		if (j >= 0) {
			notes_hls_add(&ok, n->hl.v[j].block, n->hl.v[j].start,
			    n->hl.v[j].end, n->hl.v[j].excerpt);
			notes_hl_set_note(&ok.v[ok.n - 1], n->hl.v[j].note);
		}
	}
	notes_hls_sort(&ok);
	/* This session's notes, over what the file says. */
	for (i = 0; i < n->nnoted; i++) {
		long j = notes_find(n, n->noted[i]);
		long o = notes_hls_find(&ok, n->noted[i]);

		if (j < 0)
			continue;
		if (o < 0 && n->hl.v[j].note == NULL)
			continue;
		if (o < 0) {
			/* Removed by another reader since: the note typed
			 * here is the later change, and keeps it. */
			notes_hls_add(&ok, n->hl.v[j].block, n->hl.v[j].start,
			    n->hl.v[j].end, n->hl.v[j].excerpt);
			o = (long)ok.n - 1;
			resort = 1;
		}
		notes_hl_set_note(&ok.v[o], n->hl.v[j].note);
	}
	if (resort)
		notes_hls_sort(&ok);
	/* A block is found or pending, not both (a found one wins). */
	for (i = k = 0; i < pending.n; i++) {
		if (notes_hls_find(&ok, pending.v[i].block) >= 0) {
			notes_hl_clear(&pending.v[i]);
			continue;
		}
		pending.v[k++] = pending.v[i];
	}
	pending.n = k;
	/* Lost highlights: the file's, this reader's, the newly lost. */
	for (i = 0; i < disk->lost.n; i++)
		notes_hls_move(&lost, &disk->lost.v[i]);
	disk->lost.n = 0;
	for (i = 0; i < n->lost.n; i++)
		notes_hls_move(&lost, &n->lost.v[i]);
	n->lost.n = 0;
	notes_hls_unique(&lost, NOTES_LOST_MAX);
	/* The later of each mark; this reader's place. */
	check_marks(disk->marks, d);
	for (m = 0; m < NOTES_NMARKS; m++)
		if (disk->marks[m].time > n->marks[m].time)
			n->marks[m] = disk->marks[m];
	if (!n->have_place && disk->have_place && disk->place <= d->len) {
		n->have_place = 1;
		n->place = disk->place;
		n->cursor = disk->cursor <= d->len ? disk->cursor : n->place;
	}
	/* Lines for a later version: the file's, unless there was none. */
	if (disk->whole) {
		buf_free(&n->extra);
		n->extra = disk->extra;
		memset(&disk->extra, 0, sizeof disk->extra);
	}
	notes_hls_free(&n->hl);
	notes_hls_free(&n->pending);
	notes_hls_free(&n->lost);
	n->hl = ok;
	n->pending = pending;
	n->lost = lost;
}

/* The highlights to write: those found and those pending, in order.
 * Borrows their excerpts; caller frees the array. */
static struct notes_highlight *
all_hls(const struct notes *n)
{
	struct notes_highlight *v;
	size_t i = 0, j = 0, k = 0;

	v = xreallocarray(NULL, n->hl.n + n->pending.n + 1, sizeof *v);
	while (i < n->hl.n || j < n->pending.n)
		if (j == n->pending.n || (i < n->hl.n &&
		    n->hl.v[i].block <= n->pending.v[j].block))
			v[k++] = n->hl.v[i++];
		else
			v[k++] = n->pending.v[j++];
	return v;
}

void
notes_serialize(const struct notes *n, struct buf *b)
{
	struct notes_file f;

	memset(&f, 0, sizeof f);
	f.path = n->path;
	f.have_place = n->have_place;
	f.place = n->place;
	f.cursor = n->cursor;
	memcpy(f.marks, n->marks, sizeof f.marks);
	f.hl.v = all_hls(n);
	f.hl.n = n->hl.n + n->pending.n;
	f.lost = n->lost;
	f.extra = n->extra;
	notes_file_write(&f, b);
	free(f.hl.v);
}

/* Says why a save failed, when errno alone does not. */
static int
failed(struct notes *n, const char *why)
{
	int saved = errno;

	n->save_failed = 1;
	n->busy = saved == EWOULDBLOCK;
	if (why != NULL && *why != '\0')
		say(&n->error, "%s", why);
	errno = saved;
	return -1;
}

int
notes_save(struct notes *n, const struct doc *d)
{
	struct notes_file disk;
	struct buf b = { NULL, 0, 0 };
	char *dir, *problem = NULL;
	int fd, rc, saved;

	free(n->error);
	n->error = NULL;
	if (n->refused) {
		errno = EPERM;
		return failed(n, n->problem);
	}
	if ((dir = state_dir(1)) == NULL)
		return failed(n, state_why());
	if (!n->tidied) {
		state_tidy(dir);
		n->tidied = 1;
	}
	if (n->file == NULL && (asprintf(&n->file, "%s/doc-%016llx.state",
	    dir, (unsigned long long)n->hash) == -1 || asprintf(&n->lock,
	    "%s/doc-%016llx.lock", dir, (unsigned long long)n->hash) == -1))
		util_fatal("out of memory");
	free(dir);
	if ((fd = state_lock(n->lock)) == -1)
		return failed(n, state_why());
	/* What is on disk now, with this session's changes applied. A file
	 * that cannot be read is not written over. */
	memset(&disk, 0, sizeof disk);
	if (notes_file_load(&disk, n->file, &problem) == -1) {
		saved = errno;
		state_unlock(fd);
		errno = saved;
		rc = failed(n, problem);
		free(problem);
		return rc;
	}
	free(problem);
	notes_merge(n, &disk, d);
	notes_file_free(&disk);
	notes_serialize(n, &b);
	rc = state_write(n->file, buf_str(&b), b.len);
	saved = errno;
	buf_free(&b);
	state_unlock(fd);
	if (rc == -1) {
		errno = saved;
		return failed(n, NULL);
	}
	/* On disk now: another reader's later removals stand. */
	n->nadded = n->nremoved = n->nnoted = 0;
	n->save_failed = n->busy = 0;
	return 0;
}

/* True when a heading's text names a section of highlights. */
static int
highlights_heading(const struct doc *d, size_t b)
{
	static const char *names[] = {
		"highlights", "key quotes", "excerpts", "key excerpts",
		"quotes", "best quotes", "notable quotes", "selected quotes",
		"key moments", "highlights from the episode", NULL
	};
	const struct doc_block *h = &d->blocks[b];
	size_t n = h->tend - h->tstart;
	int i;

	while (n > 0 && (d->src[h->tstart + n - 1] == ':' ||
	    d->src[h->tstart + n - 1] == ' '))
		n--;
	for (i = 0; names[i] != NULL; i++)
		if (strlen(names[i]) == n && strncasecmp((const char *)d->src +
		    h->tstart, names[i], n) == 0)
			return 1;
	return 0;
}

size_t
notes_doc_highlights(const struct doc *d, int **out)
{
	size_t i, j, n = 0, cap = 0;
	int *v = NULL, kids;

	for (i = 0; i < d->nsections; i++) {
		if (!highlights_heading(d, d->sections[i].heading))
			continue;
		kids = 0;
		for (j = i + 1; j < d->nsections; j++)
			if (d->sections[j].parent == (int)i) {
				UTIL_GROW(v, cap, n + 1);
				v[n++] = (int)j;
				kids++;
			}
		if (kids == 0) {
			UTIL_GROW(v, cap, n + 1);
			v[n++] = (int)i;
		}
	}
	*out = v;
	return n;
}
