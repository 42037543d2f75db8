/*
 * libmeta.c: what the library knows of each document, found out a slice
 * at a time between keys, and cached in the state directory so that a
 * library opens without reading its documents again.
 *
 * The cache, $XDG_STATE_HOME/lectern/library.cache, has a line for each
 * content (keyed by a hash of it) and one for each file (its path, with
 * what stat says of it, the hash of its content, and what its notes
 * said when they were last read), fields separated by tabs:
 *
 *	lectern-library 1
 *	m HASH TEXTLEN WORDS DURATION NSPEAKERS TITLE SPEAKERS
 *	f SIZE MTIME INO HASH NOTES_MTIME NOTES_SIZE PROGRESS HL PATH NOTES
 *
 * A file whose size, time and inode are those of its line is known
 * without being opened; one that changed is read again, and its content
 * may still be known. Its progress is read again from its notes when
 * their file changed.
 */
#include <sys/stat.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/doc.h"
#include "lectern/library.h"
#include "lectern/notes.h"
#include "lectern/notes_anchor.h"
#include "lectern/state.h"
#include "lectern/util.h"

#define CACHE_NAME	"library.cache"
#define CACHE_MAGIC	"lectern-library 1"
#define PARSE_SLICE	(1u << 20)	/* bytes parsed in one slice */
#define STAT_SLICE	64		/* notes files checked in one slice */
#define SAVE_EVERY	100		/* documents learnt between saves */

/* What is known of a content. */
struct meta_rec {
	uint64_t	 hash, textlen, words;
	uint32_t	 duration;
	size_t		 nspeakers;
	char		*title, *speakers;
};

/* What is known of a file. */
struct file_rec {
	char		*path;
	uint64_t	 size, ino, hash, notes_size;
	int64_t		 mtime, notes_mtime;
	int		 progress;
	size_t		 hl;
	char		*notes_file;
	int		 kept;		/* written again as it was */
};

struct library_cache {
	struct meta_rec	*m;
	size_t		 nm, capm;
	struct file_rec	*f;
	size_t		 nf, capf;
	size_t		 learnt;	/* documents learnt since a save */
};

/* The document being read for an entry. */
struct library_job {
	size_t		 entry;
	struct doc	*d;
	int		 notes_done;
	int		 have_place;
	size_t		 place;
};

/* Appends s with tabs, newlines and backslashes escaped. */
static void
put_field(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\\')
			buf_adds(b, "\\\\");
		else if (*s == '\t')
			buf_adds(b, "\\t");
		else if (*s == '\n')
			buf_adds(b, "\\n");
		else
			buf_addc(b, *s);
	}
}

/* Undoes put_field in place. */
static char *
unescape(char *s)
{
	char *o = s, *p;

	for (p = s; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0') {
			p++;
			*o++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
		} else
			*o++ = *p;
	}
	*o = '\0';
	return s;
}

/* Orders content records by hash. */
static int
cmp_meta(const void *x, const void *y)
{
	const struct meta_rec *a = x, *b = y;

	return a->hash < b->hash ? -1 : a->hash > b->hash;
}

/* Orders file records by path. */
static int
cmp_file(const void *x, const void *y)
{
	return strcmp(((const struct file_rec *)x)->path,
	    ((const struct file_rec *)y)->path);
}

/* Splits line at tabs into at most max fields. Returns how many. */
static size_t
fields(char *line, char **f, size_t max)
{
	size_t n = 0;

	while (n < max) {
		f[n++] = line;
		if ((line = strchr(line, '\t')) == NULL)
			break;
		*line++ = '\0';
	}
	return n;
}

/* Reads the cache file into c; a missing or broken one is empty. */
static void
load(struct library_cache *c)
{
	char *path = state_path(CACHE_NAME, 0), *data, *line, *next, *f[12];
	struct meta_rec m;
	struct file_rec r;

	if (path == NULL)
		return;
	data = state_read(path, STATE_MAX_BYTES, NULL);
	free(path);
	if (data == NULL || strncmp(data, CACHE_MAGIC "\n",
	    sizeof CACHE_MAGIC) != 0) {
		free(data);
		return;
	}
	for (line = data; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		memset(&m, 0, sizeof m);
		memset(&r, 0, sizeof r);
		if (line[0] == 'm' && line[1] == '\t' &&
		    fields(line + 2, f, 8) == 7) {
			m.hash = strtoull(f[0], NULL, 16);
			m.textlen = strtoull(f[1], NULL, 10);
			m.words = strtoull(f[2], NULL, 10);
			m.duration = (uint32_t)strtoul(f[3], NULL, 10);
			m.nspeakers = (size_t)strtoull(f[4], NULL, 10);
			m.title = xstrdup(unescape(f[5]));
			m.speakers = xstrdup(unescape(f[6]));
			UTIL_GROW(c->m, c->capm, c->nm + 1);
			c->m[c->nm++] = m;
		} else if (line[0] == 'f' && line[1] == '\t' &&
		    fields(line + 2, f, 12) == 10) {
			r.size = strtoull(f[0], NULL, 10);
			r.mtime = strtoll(f[1], NULL, 10);
			r.ino = strtoull(f[2], NULL, 10);
			r.hash = strtoull(f[3], NULL, 16);
			r.notes_mtime = strtoll(f[4], NULL, 10);
			r.notes_size = strtoull(f[5], NULL, 10);
			r.progress = atoi(f[6]);
			r.hl = (size_t)strtoull(f[7], NULL, 10);
			r.path = xstrdup(unescape(f[8]));
			r.notes_file = *f[9] != '\0' ?
			    xstrdup(unescape(f[9])) : NULL;
			UTIL_GROW(c->f, c->capf, c->nf + 1);
			c->f[c->nf++] = r;
		}
	}
	free(data);
	if (c->nm > 1)
		qsort(c->m, c->nm, sizeof *c->m, cmp_meta);
	if (c->nf > 1)
		qsort(c->f, c->nf, sizeof *c->f, cmp_file);
}

/* The content record of hash, or NULL. */
static struct meta_rec *
find_meta(struct library_cache *c, uint64_t hash)
{
	struct meta_rec key;

	if (c->nm == 0)
		return NULL;
	key.hash = hash;
	return bsearch(&key, c->m, c->nm, sizeof *c->m, cmp_meta);
}

/* The file record of path, or NULL. */
static struct file_rec *
find_file(struct library_cache *c, const char *path)
{
	struct file_rec key;

	if (c->nf == 0)
		return NULL;
	key.path = (char *)path;
	return bsearch(&key, c->f, c->nf, sizeof *c->f, cmp_file);
}

/* Fills what the content record m says into e. */
static void
from_meta(struct library *lib, size_t i, const struct meta_rec *m)
{
	struct library_entry *e = &lib->v[i];

	free(e->title);
	free(e->speakers);
	e->title = xstrdup(m->title);
	e->speakers = xstrdup(m->speakers);
	e->nspeakers = m->nspeakers;
	e->words = m->words;
	e->duration = m->duration;
	e->textlen = m->textlen;
	e->hash = m->hash;
	e->have |= LIBRARY_META;
	library_refold(lib, i);
}

void
library_meta_open(struct library *lib)
{
	lib->cache = xcalloc(1, sizeof *lib->cache);
	load(lib->cache);
}

/* Asks entry i's file its size and time, and takes what the cache knows
 * of it when they are those of the cache. Returns 0, or -1 when the
 * file is gone. */
static int
known(struct library *lib, size_t i)
{
	struct library_entry *e = &lib->v[i];
	struct library_cache *c = lib->cache;
	struct file_rec *r;
	struct meta_rec *m;

	if (e->stated)
		return 0;
	if (library_stat(lib, i) == -1)
		return -1;
	if ((r = find_file(c, e->path)) == NULL || r->size != e->size ||
	    r->mtime != e->mtime || r->ino != e->ino ||
	    (m = find_meta(c, r->hash)) == NULL)
		return 0;
	from_meta(lib, i, m);
	e->progress = r->progress;
	e->highlights = r->hl;
	e->notes_mtime = r->notes_mtime;
	e->notes_size = r->notes_size;
	e->notes_file = r->notes_file != NULL ? xstrdup(r->notes_file) : NULL;
	return 0;
}

/* Adds (or replaces) the content record of entry e. */
static void
remember(struct library_cache *c, const struct library_entry *e)
{
	struct meta_rec *m = find_meta(c, e->hash);

	if (m == NULL) {
		UTIL_GROW(c->m, c->capm, c->nm + 1);
		m = &c->m[c->nm++];
		memset(m, 0, sizeof *m);
		m->hash = e->hash;
	} else {
		free(m->title);
		free(m->speakers);
	}
	m->textlen = e->textlen;
	m->words = e->words;
	m->duration = e->duration;
	m->nspeakers = e->nspeakers;
	m->title = xstrdup(e->title != NULL ? e->title : "");
	m->speakers = xstrdup(e->speakers != NULL ? e->speakers : "");
	qsort(c->m, c->nm, sizeof *c->m, cmp_meta);
}

/* The library being saved (qsort and bsearch take no argument). */
static const struct library *saving;

/* Orders entries (by index) by path. */
static int
cmp_paths(const void *x, const void *y)
{
	return strcmp(saving->v[*(const size_t *)x].path,
	    saving->v[*(const size_t *)y].path);
}

/* The entry of lib whose path is path, with by its entries sorted by
 * path; -1 when there is none. */
static long
entry_of(const struct library *lib, const size_t *by, const char *path)
{
	size_t lo = 0, hi = lib->n;
	int c;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if ((c = strcmp(path, lib->v[by[mid]].path)) == 0)
			return (long)by[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* True when path is below the folder root. */
static int
below(const char *path, const char *root)
{
	size_t n = strlen(root);

	return strncmp(path, root, n) == 0 && (n == 0 ||
	    root[n - 1] == '/' || path[n] == '/');
}

int
library_save(struct library *lib)
{
	struct library_cache *c = lib->cache;
	struct buf b = { NULL, 0, 0 };
	char *path;
	size_t i, k, *by;
	long at;
	int rc;

	if (c == NULL || !lib->dirty)
		return 0;
	by = xreallocarray(NULL, lib->n + 1, sizeof *by);
	for (i = 0; i < lib->n; i++)
		by[i] = i;
	saving = lib;
	qsort(by, lib->n, sizeof *by, cmp_paths);
	saving = NULL;
	buf_adds(&b, CACHE_MAGIC "\n");
	/* The files of this library as they are now; other libraries'
	 * files as they were. */
	for (i = 0; i < lib->n; i++) {
		const struct library_entry *e = &lib->v[i];

		if (!(e->have & LIBRARY_META))
			continue;
		buf_printf(&b, "f\t%" PRIu64 "\t%" PRId64 "\t%" PRIu64
		    "\t%016" PRIx64 "\t%" PRId64 "\t%" PRIu64 "\t%d\t%zu\t",
		    e->size, e->mtime, e->ino, e->hash, e->notes_mtime,
		    e->notes_size, e->progress, e->highlights);
		put_field(&b, e->path);
		buf_addc(&b, '\t');
		put_field(&b, e->notes_file);
		buf_addc(&b, '\n');
	}
	for (i = 0; i < c->nf; i++) {
		struct file_rec *r = &c->f[i];

		/* Of this library, what was not learnt again is kept while
		 * the file is there. */
		r->kept = !below(r->path, lib->root) ||
		    ((at = entry_of(lib, by, r->path)) >= 0 &&
		    !(lib->v[at].have & LIBRARY_META));
		if (!r->kept)
			continue;
		buf_printf(&b, "f\t%" PRIu64 "\t%" PRId64 "\t%" PRIu64
		    "\t%016" PRIx64 "\t%" PRId64 "\t%" PRIu64 "\t%d\t%zu\t",
		    r->size, r->mtime, r->ino, r->hash, r->notes_mtime,
		    r->notes_size, r->progress, r->hl);
		put_field(&b, r->path);
		buf_addc(&b, '\t');
		put_field(&b, r->notes_file);
		buf_addc(&b, '\n');
	}
	/* The contents some file has. */
	for (i = 0; i < c->nm; i++) {
		const struct meta_rec *m = &c->m[i];
		int used = 0;

		for (k = 0; k < lib->n && !used; k++)
			used = (lib->v[k].have & LIBRARY_META) &&
			    lib->v[k].hash == m->hash;
		for (k = 0; k < c->nf && !used; k++)
			used = c->f[k].kept && c->f[k].hash == m->hash;
		if (!used)
			continue;
		buf_printf(&b, "m\t%016" PRIx64 "\t%" PRIu64 "\t%" PRIu64
		    "\t%" PRIu32 "\t%zu\t", m->hash, m->textlen, m->words,
		    m->duration, m->nspeakers);
		put_field(&b, m->title);
		buf_addc(&b, '\t');
		put_field(&b, m->speakers);
		buf_addc(&b, '\n');
	}
	if ((path = state_path(CACHE_NAME, 1)) == NULL) {
		free(by);
		buf_free(&b);
		return -1;
	}
	rc = state_write(path, b.data, b.len);
	free(path);
	free(by);
	buf_free(&b);
	if (rc == 0) {
		lib->dirty = 0;
		c->learnt = 0;
	}
	return rc;
}

/* Gives up the document in hand. */
static void
drop_job(struct library *lib)
{
	if (lib->job == NULL)
		return;
	doc_free(lib->job->d);
	free(lib->job);
	lib->job = NULL;
}

void
library_meta_close(struct library *lib)
{
	struct library_cache *c = lib->cache;
	size_t i;

	drop_job(lib);
	if (c == NULL)
		return;
	library_save(lib);
	for (i = 0; i < c->nm; i++) {
		free(c->m[i].title);
		free(c->m[i].speakers);
	}
	for (i = 0; i < c->nf; i++) {
		free(c->f[i].path);
		free(c->f[i].notes_file);
	}
	free(c->m);
	free(c->f);
	free(c);
	lib->cache = NULL;
}


/* Counts the words of n bytes quickly: runs of letters and digits (any
 * byte past ASCII but punctuation's), apostrophes within them. */
static uint64_t
count_words(const uint8_t *s, size_t n)
{
	uint64_t words = 0;
	size_t i;
	int in = 0;

	for (i = 0; i < n; i++) {
		uint8_t c = s[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || (c >= 0x80 && c < 0xC0 && in)) {
			words += !in;
			in = 1;
		} else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
			/* General punctuation: an apostrophe (U+2019) stays
			 * in the word; dashes, quotes and spaces end it. */
			in = in && s[i + 2] == 0x99;
			i += 2;
		} else if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
			in = 0;
			i++;
		} else if (c >= 0xC0) {
			words += !in;
			in = 1;
		} else if (c != '\'')
			in = 0;
	}
	return words;
}

/* The speakers with most turns, "A, B, C". Caller frees. */
static char *
top_speakers(const struct doc *d)
{
	struct buf b = { NULL, 0, 0 };
	size_t best[3], nbest = 0, i, k;
	char *s;

	for (i = 0; i < d->nspeakers; i++) {
		for (k = nbest; k > 0 && d->speakers[best[k - 1]].turns <
		    d->speakers[i].turns; k--)
			if (k < 3)
				best[k] = best[k - 1];
		if (k < 3) {
			best[k] = i;
			if (nbest < 3)
				nbest++;
		}
	}
	for (i = 0; i < nbest; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, d->speakers[best[i]].name);
	}
	s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

/* Learns what the complete document d says of entry i. */
static void
learn(struct library *lib, size_t i, const struct doc *d)
{
	struct library_entry *e = &lib->v[i];
	size_t b;

	free(e->title);
	free(e->speakers);
	e->title = xstrndup((const char *)d->src + d->meta.title.start,
	    d->meta.title.end - d->meta.title.start);
	e->speakers = top_speakers(d);
	e->nspeakers = d->nspeakers;
	e->words = 0;
	for (b = 0; b < d->nblocks; b++)
		e->words += count_words(d->src + d->blocks[b].tstart,
		    d->blocks[b].tend - d->blocks[b].tstart);
	e->duration = d->maxtime;
	e->textlen = d->len;
	e->have |= LIBRARY_META;
	remember(lib->cache, e);
	library_refold(lib, i);
}

/* Notes what the file of entry e's notes is now. */
static void
stat_notes(struct library_entry *e)
{
	struct stat st;

	if (e->notes_file != NULL && stat(e->notes_file, &st) == 0) {
		e->notes_mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 +
		    st.st_mtim.tv_nsec;
		e->notes_size = (uint64_t)st.st_size;
	} else {
		e->notes_mtime = -1;
		e->notes_size = 0;
	}
}

/* Reads the notes of the job's document: the place and highlights. */
static void
read_notes(struct library *lib, struct library_job *j)
{
	struct library_entry *e = &lib->v[j->entry];
	struct notes *n;
	char *real = realpath(e->path, NULL);

	n = notes_open(j->d, real != NULL ? real : e->path);
	free(real);
	j->have_place = n->have_place;
	j->place = n->place > n->cursor ? n->place : n->cursor;
	e->highlights = n->hl.n;
	free(e->notes_file);
	e->notes_file = n->file != NULL ? xstrdup(n->file) : NULL;
	stat_notes(e);
	notes_free(n);
	j->notes_done = 1;
}

/* The place in percent of the text. */
static int
percent(uint64_t place, uint64_t len)
{
	if (len == 0)
		return 0;
	if (place >= len)
		return 100;
	return (int)(place * 100 / len);
}

/* True when entry e's notes are as the cache says: their file has not
 * changed since. */
static int
notes_fresh(struct library_entry *e)
{
	int64_t was = e->notes_mtime;
	uint64_t size = e->notes_size;

	if (e->notes_file == NULL)
		return 0;
	stat_notes(e);
	return e->notes_mtime == was && e->notes_size == size;
}

/* True when entry e has work to do. */
static int
needs(const struct library_entry *e)
{
	return !(e->have & LIBRARY_BAD) && (e->have &
	    (LIBRARY_META | LIBRARY_NOTES)) != (LIBRARY_META | LIBRARY_NOTES);
}

/* Gives up on entry i: it cannot be read. */
static void
bad(struct library *lib, size_t i, int err)
{
	struct library_entry *e = &lib->v[i];

	e->have |= LIBRARY_BAD;
	free(e->error);
	e->error = xstrdup(strerror(err));
}

/* One step of the work on entry i. */
static void
step(struct library *lib, size_t i)
{
	struct library_entry *e = &lib->v[i];
	struct library_job *j = lib->job;
	struct meta_rec *m;
	uint64_t h;

	if (!e->stated) {
		if (known(lib, i) == -1)
			bad(lib, i, errno);
		return;
	}
	if ((e->have & LIBRARY_META) && !(e->have & LIBRARY_NOTES) &&
	    j == NULL && notes_fresh(e)) {
		e->have |= LIBRARY_NOTES;
		return;
	}
	if (j == NULL) {
		j = lib->job = xcalloc(1, sizeof *j);
		j->entry = i;
		if ((j->d = doc_open(e->path)) == NULL) {
			bad(lib, i, errno);
			drop_job(lib);
			return;
		}
		h = notes_anchor_content_hash(j->d->raw, j->d->rawlen);
		/* Changed under the same size and time: learnt again. */
		if (h != e->hash)
			e->have &= ~(unsigned)LIBRARY_META;
		e->hash = h;
		if (!(e->have & LIBRARY_META) &&
		    (m = find_meta(lib->cache, e->hash)) != NULL)
			from_meta(lib, i, m);
		/* The notes are found as the reader finds them: after its
		 * first slice. */
		doc_parse_some(j->d, LIBRARY_FIRST_CHUNK);
		return;
	}
	if (!j->notes_done) {
		read_notes(lib, j);
		return;
	}
	if (!(e->have & LIBRARY_META)) {
		if (doc_parse_some(j->d, PARSE_SLICE))
			return;
		learn(lib, i, j->d);
		lib->cache->learnt++;
	}
	e->progress = j->have_place ? percent(j->place, e->textlen) : -1;
	e->have |= LIBRARY_NOTES;
	lib->dirty = 1;
	lib->stale = 1;
	drop_job(lib);
	if (lib->cache->learnt >= SAVE_EVERY)
		library_save(lib);
}

int
library_pending(const struct library *lib)
{
	size_t i;

	if (lib->job != NULL)
		return 1;
	for (i = lib->next_work; i < lib->n; i++)
		if (needs(&lib->v[i]))
			return 1;
	return 0;
}

void
library_touch(struct library *lib, size_t i)
{
	if (i < lib->n) {
		lib->v[i].have &= ~(unsigned)LIBRARY_NOTES;
		lib->v[i].notes_mtime = -2;	/* read them again */
		if (i < lib->next_work)
			lib->next_work = i;
	}
}

/* The entry to work on: the job's, a wanted one, or the next one. */
static long
pick(struct library *lib, const size_t *want, size_t nwant)
{
	size_t k;

	for (k = 0; k < nwant; k++)
		if (want[k] < lib->n && needs(&lib->v[want[k]])) {
			/* The job in hand goes on when it is wanted too. */
			if (lib->job != NULL && lib->job->entry != want[k] &&
			    needs(&lib->v[lib->job->entry])) {
				size_t w;

				for (w = 0; w < nwant; w++)
					if (want[w] == lib->job->entry)
						return (long)want[w];
				drop_job(lib);
			}
			return (long)want[k];
		}
	if (lib->job != NULL)
		return (long)lib->job->entry;
	while (lib->next_work < lib->n && !needs(&lib->v[lib->next_work]))
		lib->next_work++;
	return lib->next_work < lib->n ? (long)lib->next_work : -1;
}

int
library_work(struct library *lib, const size_t *want, size_t nwant,
    int *news)
{
	size_t w;
	long i;
	int k;

	*news = 0;
	/* Checking files and notes is quick: a few at a time. */
	for (k = 0; k < STAT_SLICE; k++) {
		if ((i = pick(lib, want, nwant)) < 0) {
			if (lib->dirty)
				library_save(lib);
			return 0;
		}
		/* What is shown is shown before the others are begun. */
		for (w = 0; k > 0 && w < nwant && want[w] != (size_t)i; w++)
			;
		if (k > 0 && w == nwant && lib->job == NULL)
			break;
		step(lib, (size_t)i);
		*news = 1;
		/* A document opened is work enough for a slice. */
		if (lib->job != NULL)
			break;
	}
	return 1;
}
