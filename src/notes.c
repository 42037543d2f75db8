/*
 * notes.c: highlights, marks and place, saved so that nothing is lost.
 *
 * A document's notes live in $XDG_STATE_HOME/lectern/doc-HASH.state, one
 * "key value" line each, ending with "end" (so a truncated file is seen):
 *
 *	lectern-state 1
 *	path /home/me/episode.txt
 *	place 12345
 *	cursor 12000
 *	mark a 2048
 *	hl 17 5120 5874 I think actually a lot of things, a lot of
 *	lost 30 9000 9100 A paragraph that is gone
 *	end
 *
 * Saving takes a lock (doc-HASH.lock), reads what is there, applies this
 * session's additions and removals to it, and replaces the file
 * atomically; two readers of one document keep each other's highlights.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "lectern/cite.h"
#include "lectern/doc.h"
#include "lectern/notes.h"
#include "lectern/state.h"
#include "lectern/text.h"
#include "lectern/util.h"

#define EXCERPT_BYTES	64

uint64_t
notes_hash(const uint8_t *p, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001B3ULL;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 33;
	return h;
}

/* The hash that names a document's state: of all of it up to 16 MB;
 * beyond, of its size, its first and last 256 KB and 32 samples of 4 KB
 * between, so that a 1 GB archive opens without reading it all (each
 * page read from a mapping costs a fault). */
static uint64_t
content_hash(const struct doc *d)
{
	const size_t full = 16u << 20, edge = 256u << 10, sample = 4096;
	uint64_t h;
	size_t i, step;

	if (d->len <= full)
		return notes_hash(d->src, d->len);
	h = notes_hash(d->src, edge) ^ d->len;
	h = h * 31 + notes_hash(d->src + d->len - edge, edge);
	step = (d->len - 2 * edge) / 32;
	for (i = 0; i < 32; i++)
		h = h * 31 + notes_hash(d->src + edge + i * step, sample);
	return h;
}

/* The excerpt that anchors block b: the start of its text. Caller frees. */
static char *
excerpt_of(const struct doc *d, size_t b)
{
	const struct doc_block *blk = &d->blocks[b];
	size_t n = blk->tend - blk->tstart;

	if (n > EXCERPT_BYTES) {
		n = EXCERPT_BYTES;
		while (n > 0 && (d->src[blk->tstart + n] & 0xC0) == 0x80)
			n--;
	}
	return xstrndup((const char *)d->src + blk->tstart, n);
}

/* Writes s with newlines, tabs, backslashes and controls escaped. */
static void
escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\')
			buf_adds(b, "\\\\");
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\x%02x", c);
		else
			buf_addc(b, (char)c);
	}
}

/* Undoes escape in place. Returns -1 for a bad escape. */
static int
unescape(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			*o++ = *s;
			continue;
		}
		s++;
		if (*s == '\\')
			*o++ = '\\';
		else if (*s == 'n')
			*o++ = '\n';
		else if (*s == 'x' && s[1] != '\0' && s[2] != '\0') {
			char hex[3] = { s[1], s[2], '\0' }, *end;
			long v = strtol(hex, &end, 16);

			if (*end != '\0' || v == 0)
				return -1;
			*o++ = (char)v;
			s += 2;
		} else
			return -1;
	}
	*o = '\0';
	return 0;
}

static void
add_hl(struct notes_highlight **arr, size_t *n, size_t *cap, size_t block,
    size_t start, size_t end, const char *excerpt)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*arr)[i].block == block)
			return;
	UTIL_GROW(*arr, *cap, *n + 1);
	for (i = *n; i > 0 && (*arr)[i - 1].block > block; i--)
		(*arr)[i] = (*arr)[i - 1];
	(*arr)[i].block = block;
	(*arr)[i].start = start;
	(*arr)[i].end = end;
	(*arr)[i].excerpt = xstrdup(excerpt);
	(*n)++;
}

static void
free_hls(struct notes_highlight *arr, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(arr[i].excerpt);
	free(arr);
}

/* Reads a number; returns -1 unless all of s is one. */
static int
number(const char *s, size_t *v)
{
	char *end;
	unsigned long long x;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	x = strtoull(s, &end, 10);
	if (errno != 0 || (*end != '\0' && *end != ' '))
		return -1;
	*v = (size_t)x;
	return 0;
}

/* Parses a state file into n. Returns -1 when it is not a whole one. */
static int
parse(struct notes *n, char *data)
{
	char *line, *save = NULL;
	int first = 1, ended = 0;

	for (line = strtok_r(data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		size_t a, b, c;
		char *p;

		if (ended)
			return -1;
		if (first) {
			if (strcmp(line, "lectern-state 1") != 0)
				return -1;
			first = 0;
		} else if (strcmp(line, "end") == 0) {
			ended = 1;
		} else if (strncmp(line, "path ", 5) == 0) {
			free(n->path);
			n->path = xstrdup(line + 5);
			if (unescape(n->path) == -1)
				return -1;
		} else if (strncmp(line, "place ", 6) == 0) {
			if (number(line + 6, &n->place) == -1)
				return -1;
			n->have_place = 1;
		} else if (strncmp(line, "cursor ", 7) == 0) {
			if (number(line + 7, &n->cursor) == -1)
				return -1;
		} else if (strncmp(line, "mark ", 5) == 0) {
			char m = line[5];
			int i = m >= 'a' && m <= 'z' ? m - 'a' :
			    m >= 'A' && m <= 'Z' ? 26 + m - 'A' : -1;

			if (i < 0 || line[6] != ' ' || number(line + 7, &a) == -1)
				return -1;
			n->marks[i] = a + 1;
		} else if (strncmp(line, "hl ", 3) == 0 ||
		    strncmp(line, "lost ", 5) == 0) {
			int lost = line[0] == 'l';

			p = line + (lost ? 5 : 3);
			if (sscanf(p, "%zu %zu %zu", &a, &b, &c) != 3)
				return -1;
			p = strchr(p, ' ');
			p = p == NULL ? NULL : strchr(p + 1, ' ');
			p = p == NULL ? NULL : strchr(p + 1, ' ');
			if (p == NULL || unescape(++p) == -1)
				return -1;
			if (lost)
				add_hl(&n->lost, &n->nlost, &n->caplost, a, b, c, p);
			else
				add_hl(&n->hl, &n->nhl, &n->caphl, a, b, c, p);
		} else if (!first && line[0] == '\0') {
			continue;
		}
		/* Unknown keys are kept for a later version to read. */
	}
	return ended ? 0 : -1;
}

/* Reads the state file at path into n; a missing file leaves n empty.
 * A broken one is moved aside and said in n->problem. */
static int
load(struct notes *n, const char *path)
{
	char *data, *aside;
	int saved;

	if ((data = state_read(path, NULL)) == NULL) {
		if (errno == ENOENT)
			return 0;
		saved = errno;
		free(n->problem);
		if (asprintf(&n->problem, "cannot read the state: %s",
		    strerror(saved)) == -1)
			util_fatal("out of memory");
		errno = saved;
		return -1;
	}
	if (parse(n, data) == 0) {
		free(data);
		return 0;
	}
	free(data);
	free_hls(n->hl, n->nhl);
	free_hls(n->lost, n->nlost);
	n->hl = n->lost = NULL;
	n->nhl = n->caphl = n->nlost = n->caplost = 0;
	n->have_place = 0;
	memset(n->marks, 0, sizeof n->marks);
	if (asprintf(&aside, "%s.corrupt-%ld", path, (long)time(NULL)) == -1)
		util_fatal("out of memory");
	free(n->problem);
	if (rename(path, aside) == 0) {
		const char *base = strrchr(aside, '/');

		if (asprintf(&n->problem, "the saved state was broken; kept "
		    "as %s", base != NULL ? base + 1 : aside) == -1)
			util_fatal("out of memory");
	} else if (asprintf(&n->problem, "the saved state was broken") == -1)
		util_fatal("out of memory");
	free(aside);
	return 0;
}

/* True when block b's text starts with the excerpt. */
static int
anchors(const struct doc *d, size_t b, const char *excerpt)
{
	const struct doc_block *blk = &d->blocks[b];
	size_t n = strlen(excerpt);

	return blk->tend - blk->tstart >= n &&
	    memcmp(d->src + blk->tstart, excerpt, n) == 0 &&
	    (n > 0 || blk->tend == blk->tstart);
}

/* Finds the highlights again in a changed document. Returns how many were
 * lost. */
static size_t
reanchor(struct notes *n, const struct doc *d)
{
	struct notes_highlight *old = n->hl;
	size_t nold = n->nhl, i, b, lost = 0;

	n->hl = NULL;
	n->nhl = n->caphl = 0;
	for (i = 0; i < nold; i++) {
		long best = -1;

		if (old[i].block < d->nblocks &&
		    anchors(d, old[i].block, old[i].excerpt))
			best = (long)old[i].block;
		/* Else the paragraph with that start nearest to where it was. */
		for (b = 0; best < 0 && b < d->nblocks; b++) {
			size_t k = old[i].block > b ? old[i].block - b :
			    b - old[i].block;

			if (anchors(d, b, old[i].excerpt) && (best < 0 ||
			    k < (size_t)labs(best - (long)old[i].block)))
				best = (long)b;
		}
		if (best >= 0) {
			const struct doc_block *blk = &d->blocks[best];

			add_hl(&n->hl, &n->nhl, &n->caphl, (size_t)best,
			    blk->start, blk->end, old[i].excerpt);
		} else {
			add_hl(&n->lost, &n->nlost, &n->caplost, old[i].block,
			    old[i].start, old[i].end, old[i].excerpt);
			lost++;
		}
	}
	free_hls(old, nold);
	return lost;
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
		struct notes probe;
		struct stat st;
		char *file, *data;
		size_t len = strlen(e->d_name);

		if (strncmp(e->d_name, "doc-", 4) != 0 || len < 10 ||
		    strcmp(e->d_name + len - 6, ".state") != 0)
			continue;
		if (asprintf(&file, "%s/%s", dir, e->d_name) == -1)
			util_fatal("out of memory");
		if (strcmp(file, own) == 0 || stat(file, &st) == -1 ||
		    (data = state_read(file, NULL)) == NULL) {
			free(file);
			continue;
		}
		memset(&probe, 0, sizeof probe);
		if (parse(&probe, data) == 0 && probe.path != NULL &&
		    strcmp(probe.path, path) == 0 && st.st_mtime >= newest) {
			newest = st.st_mtime;
			free(best);
			best = file;
			file = NULL;
		}
		free(probe.path);
		free_hls(probe.hl, probe.nhl);
		free_hls(probe.lost, probe.nlost);
		free(data);
		free(file);
	}
	closedir(dp);
	return best;
}

static void
push(size_t **arr, size_t *n, size_t *cap, size_t v)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*arr)[i] == v)
			return;
	UTIL_GROW(*arr, *cap, *n + 1);
	(*arr)[(*n)++] = v;
}

static void
drop(size_t *arr, size_t *n, size_t v)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (arr[i] == v) {
			arr[i] = arr[--*n];
			return;
		}
}

struct notes *
notes_open(struct doc *d, const char *path)
{
	struct notes *n;
	char *dir, *other;
	size_t i;

	n = xcalloc(1, sizeof *n);
	n->hash = content_hash(d);
	if ((dir = state_dir(0)) == NULL)
		return n;
	if (asprintf(&n->file, "%s/doc-%016llx.state", dir,
	    (unsigned long long)n->hash) == -1)
		util_fatal("out of memory");
	load(n, n->file);
	if (path != NULL && n->path == NULL && n->problem == NULL &&
	    (other = find_by_path(dir, path, n->file)) != NULL) {
		size_t lost;

		/* The same file, changed: find the highlights again. */
		load(n, other);
		doc_parse_all(d);
		lost = reanchor(n, d);
		for (i = 0; i < n->nhl; i++)
			push(&n->added, &n->nadded, &n->capadded,
			    n->hl[i].block);
		if (lost > 0 && asprintf(&n->problem, "the document changed: "
		    "%zu of %zu highlights no longer match (see "
		    "--export-highlights)", lost, lost + n->nhl) == -1)
			util_fatal("out of memory");
		free(other);
	} else if (n->nhl > 0) {
		size_t lost = 0, far = 0;

		/* Read as far as the highlights go, then check that they
		 * still stand where they were. */
		for (i = 0; i < n->nhl; i++)
			if (n->hl[i].end > far)
				far = n->hl[i].end;
		doc_parse_until(d, far);
		for (i = 0; i < n->nhl; i++)
			if (n->hl[i].block >= d->nblocks ||
			    d->blocks[n->hl[i].block].start != n->hl[i].start)
				break;
		if (i < n->nhl) {
			doc_parse_all(d);
			lost = reanchor(n, d);
		}
		if (lost > 0 && asprintf(&n->problem, "%zu highlights no "
		    "longer match", lost) == -1)
			util_fatal("out of memory");
	}
	free(n->path);
	n->path = path != NULL ? xstrdup(path) : NULL;
	if (n->place > d->len)
		n->place = 0;
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
	free_hls(n->hl, n->nhl);
	free_hls(n->lost, n->nlost);
	free(n->added);
	free(n->removed);
	free(n->problem);
	free(n);
}

long
notes_find(const struct notes *n, size_t b)
{
	size_t i;

	for (i = 0; i < n->nhl; i++)
		if (n->hl[i].block == b)
			return (long)i;
	return -1;
}

int
notes_toggle(struct notes *n, const struct doc *d, size_t b)
{
	long i = notes_find(n, b);
	char *ex;

	if (i >= 0) {
		free(n->hl[i].excerpt);
		memmove(n->hl + i, n->hl + i + 1, (n->nhl - (size_t)i - 1) *
		    sizeof *n->hl);
		n->nhl--;
		drop(n->added, &n->nadded, b);
		push(&n->removed, &n->nremoved, &n->capremoved, b);
		return 0;
	}
	ex = excerpt_of(d, b);
	add_hl(&n->hl, &n->nhl, &n->caphl, b, d->blocks[b].start,
	    d->blocks[b].end, ex);
	free(ex);
	drop(n->removed, &n->nremoved, b);
	push(&n->added, &n->nadded, &n->capadded, b);
	return 1;
}

/* Writes n as a state file into b. */
static void
serialize(const struct notes *n, struct buf *b)
{
	size_t i;

	buf_adds(b, "lectern-state 1\n");
	if (n->path != NULL && strchr(n->path, '\n') == NULL) {
		buf_adds(b, "path ");
		escape(b, n->path);
		buf_addc(b, '\n');
	}
	if (n->have_place)
		buf_printf(b, "place %zu\ncursor %zu\n", n->place, n->cursor);
	for (i = 0; i < NOTES_NMARKS; i++)
		if (n->marks[i] != 0)
			buf_printf(b, "mark %c %zu\n", i < 26 ? (char)('a' + i) :
			    (char)('A' + i - 26), n->marks[i] - 1);
	for (i = 0; i < n->nhl; i++) {
		buf_printf(b, "hl %zu %zu %zu ", n->hl[i].block,
		    n->hl[i].start, n->hl[i].end);
		escape(b, n->hl[i].excerpt);
		buf_addc(b, '\n');
	}
	for (i = 0; i < n->nlost; i++) {
		buf_printf(b, "lost %zu %zu %zu ", n->lost[i].block,
		    n->lost[i].start, n->lost[i].end);
		escape(b, n->lost[i].excerpt);
		buf_addc(b, '\n');
	}
	buf_adds(b, "end\n");
}

int
notes_save(struct notes *n, const struct doc *d)
{
	struct notes disk;
	struct buf b = { NULL, 0, 0 };
	char *dir, *lock;
	size_t i;
	int fd, rc, saved;

	if ((dir = state_dir(1)) == NULL) {
		n->save_failed = 1;
		return -1;
	}
	if (n->file == NULL && asprintf(&n->file, "%s/doc-%016llx.state", dir,
	    (unsigned long long)n->hash) == -1)
		util_fatal("out of memory");
	if (asprintf(&lock, "%s/doc-%016llx.lock", dir,
	    (unsigned long long)n->hash) == -1)
		util_fatal("out of memory");
	free(dir);
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	free(lock);
	if (fd == -1 || flock(fd, LOCK_EX) == -1) {
		saved = errno;
		if (fd != -1)
			close(fd);
		n->save_failed = 1;
		errno = saved;
		return -1;
	}
	/* What is on disk now, with this session's changes applied. A file
	 * that cannot be read is not written over. */
	memset(&disk, 0, sizeof disk);
	if (load(&disk, n->file) == -1) {
		saved = errno;
		free(disk.problem);
		close(fd);
		n->save_failed = 1;
		errno = saved;
		return -1;
	}
	for (i = 0; i < n->nadded; i++) {
		size_t blk = n->added[i];

		if (blk < d->nblocks && notes_find(n, blk) >= 0) {
			long k = notes_find(n, blk);

			add_hl(&disk.hl, &disk.nhl, &disk.caphl, blk,
			    n->hl[k].start, n->hl[k].end, n->hl[k].excerpt);
		}
	}
	for (i = 0; i < n->nremoved; i++) {
		long k = notes_find(&disk, n->removed[i]);

		if (k >= 0) {
			free(disk.hl[k].excerpt);
			memmove(disk.hl + k, disk.hl + k + 1, (disk.nhl -
			    (size_t)k - 1) * sizeof *disk.hl);
			disk.nhl--;
		}
	}
	for (i = 0; i < n->nlost; i++)
		add_hl(&disk.lost, &disk.nlost, &disk.caplost,
		    n->lost[i].block, n->lost[i].start, n->lost[i].end,
		    n->lost[i].excerpt);
	free_hls(n->hl, n->nhl);
	free_hls(n->lost, n->nlost);
	n->hl = disk.hl;
	n->nhl = disk.nhl;
	n->caphl = disk.caphl;
	n->lost = disk.lost;
	n->nlost = disk.nlost;
	n->caplost = disk.caplost;
	free(disk.path);
	free(disk.problem);
	serialize(n, &b);
	rc = state_write(n->file, buf_str(&b), b.len);
	saved = errno;
	buf_free(&b);
	close(fd);
	n->save_failed = rc == -1;
	if (rc == 0) {
		/* On disk now: another reader's later removals stand. */
		n->nadded = n->nremoved = 0;
	}
	errno = saved;
	return rc;
}

/* Appends the text of [s, e) as one line, white space folded. */
static void
flat(struct buf *b, const struct doc *d, size_t s, size_t e)
{
	struct buf t = { NULL, 0, 0 };
	size_t i;
	int space = 0;

	text_sanitize(&t, d->src + s, e - s);
	for (i = 0; i < t.len; i++) {
		if (t.data[i] == ' ') {
			space = 1;
			continue;
		}
		if (space && b->len > 0 && b->data[b->len - 1] != ' ')
			buf_addc(b, ' ');
		space = 0;
		buf_addc(b, t.data[i]);
	}
	buf_free(&t);
}

/* Appends "> — Speaker, in “Section” [01:02:03]" for a highlighted
 * block, when it has any of them (the time with times set). */
static void
attribution(struct buf *b, const struct doc *d, size_t blk, int times)
{
	struct buf a = { NULL, 0, 0 };

	cite_attribution(&a, d, blk, CITE_SECTION);
	if (times)
		cite_time(&a, d, doc_time_at(d, blk));
	if (a.len > 0)
		buf_printf(b, ">\n> \xE2\x80\x94 %s\n", buf_str(&a));
	buf_free(&a);
}

int
notes_export(const struct notes *n, const struct doc *d, FILE *f)
{
	return notes_export_times(n, d, 1, f);
}

int
notes_export_times(const struct notes *n, const struct doc *d, int times,
    FILE *f)
{
	struct buf b = { NULL, 0, 0 };
	size_t i;

	buf_adds(&b, "# Highlights");
	if (d->meta.title.end > d->meta.title.start) {
		buf_adds(&b, ": ");
		flat(&b, d, d->meta.title.start, d->meta.title.end);
	}
	buf_adds(&b, "\n");
	for (i = 0; i < n->nhl; i++) {
		const struct doc_block *blk;

		if (n->hl[i].block >= d->nblocks)
			continue;
		blk = &d->blocks[n->hl[i].block];
		buf_adds(&b, "\n> ");
		flat(&b, d, blk->tstart, blk->tend);
		buf_adds(&b, "\n");
		attribution(&b, d, n->hl[i].block, times);
	}
	if (n->nlost > 0) {
		buf_adds(&b, "\n## No longer found in the document\n");
		for (i = 0; i < n->nlost; i++) {
			struct buf t = { NULL, 0, 0 };

			text_sanitize(&t, (const uint8_t *)n->lost[i].excerpt,
			    strlen(n->lost[i].excerpt));
			buf_printf(&b, "\n> %s\xE2\x80\xA6\n", buf_str(&t));
			buf_free(&t);
		}
	}
	fwrite(buf_str(&b), 1, b.len, f);
	buf_free(&b);
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
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
