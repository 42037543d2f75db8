/* doc.c: loading a document and answering questions about its model. */
#include <sys/mman.h>
#include <poll.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unictype.h>
#include <uniwbrk.h>
#include <unistr.h>

#include "lectern/doc.h"
#include "lectern/parse.h"
#include "lectern/util.h"

#define FIFO_WAIT	10	/* seconds a FIFO waits for its writer */

static const char *kind_names[] = {
#define X(id, name) name,
	DOC_BLOCK_KINDS
#undef X
};

const char *
doc_kind_name(enum doc_block_kind kind)
{
	return kind < DOC_NKINDS ? kind_names[kind] : "?";
}

struct doc *
doc_new(const uint8_t *src, size_t len, const char *name, enum doc_own own)
{
	struct doc *d;

	d = xcalloc(1, sizeof *d);
	d->src = src;
	d->len = len;
	d->name = xstrdup(name);
	d->own = own;
	d->maplen = len;
	d->ps = parse_begin(d);
	return d;
}

/* Reads all of fd; a FIFO gets FIFO_WAIT seconds for a writer to come. */
static struct doc *
read_all(int fd, const char *name, int fifo)
{
	uint8_t *p = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;
	int waited = 0;

	for (;;) {
		if (len >= DOC_MAX_SIZE) {
			free(p);
			errno = EFBIG;
			return NULL;
		}
		UTIL_GROW(p, cap, len + 65536);
		n = read(fd, p + len, cap - len);
		if (n == 0 && fifo && len == 0 && waited < FIFO_WAIT * 20) {
			/* No writer yet (or one that wrote nothing). */
			struct timespec ts = { 0, 50000000L };

			nanosleep(&ts, NULL);
			waited++;
			continue;
		}
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN) {
				/* A FIFO whose writer has not written yet. */
				struct pollfd pfd = { fd, POLLIN, 0 };

				poll(&pfd, 1, -1);
				continue;
			}
			free(p);
			return NULL;
		}
		len += (size_t)n;
	}
	if (fifo && len == 0 && waited >= FIFO_WAIT * 20) {
		free(p);
		errno = ENXIO;
		return NULL;
	}
	return doc_new(p, len, name, DOC_MALLOCED);
}

struct doc *
doc_read_fd(int fd, const char *name)
{
	return read_all(fd, name, 0);
}

struct doc *
doc_open(const char *path)
{
	struct stat st;
	struct doc *d;
	void *map;
	int fd, saved;

	if (strcmp(path, "-") == 0)
		return doc_read_fd(STDIN_FILENO, "-");
	/* Non-blocking, so that a FIFO without a writer does not hang. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1)
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > DOC_MAX_SIZE) {
		errno = EFBIG;
		goto fail;
	}
	if (!S_ISFIFO(st.st_mode) && fcntl(fd, F_SETFL, 0) == -1)
		goto fail;
	if (S_ISREG(st.st_mode) && st.st_size > 0) {
		map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
		    fd, 0);
		if (map != MAP_FAILED) {
			close(fd);
			return doc_new(map, (size_t)st.st_size, path,
			    DOC_MAPPED);
		}
	}
	d = read_all(fd, path, S_ISFIFO(st.st_mode));
	if (d == NULL)
		goto fail;
	close(fd);
	return d;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return NULL;
}

void
doc_free(struct doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	parse_end(d);
	for (i = 0; i < d->nspeakers; i++)
		free(d->speakers[i].name);
	free(d->speakers);
	free(d->blocks);
	free(d->sections);
	free(d->turns);
	if (d->own == DOC_MALLOCED)
		free((void *)d->src);
	else if (d->own == DOC_MAPPED)
		munmap((void *)d->src, d->maplen);
	free(d->name);
	free(d);
}

int
doc_complete(const struct doc *d)
{
	return d->ps == NULL;
}

void
doc_parse_all(struct doc *d)
{
	while (doc_parse_some(d, 0))
		;
}

void
doc_parse_until(struct doc *d, size_t off)
{
	while (!doc_complete(d) && doc_parsed(d) <= off)
		doc_parse_some(d, off - doc_parsed(d) + 65536);
}

int
doc_block_section(const struct doc *d, size_t b)
{
	return b < d->nblocks ? d->blocks[b].section : -1;
}

const uint8_t *
doc_section_title(const struct doc *d, size_t i, size_t *n)
{
	const struct doc_block *h = &d->blocks[d->sections[i].heading];

	*n = h->tend - h->tstart;
	return d->src + h->tstart;
}

size_t
doc_block_at(const struct doc *d, size_t off)
{
	size_t lo = 0, hi = d->nblocks;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->blocks[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t
doc_count_words(const uint8_t *s, size_t n)
{
	char stackbrk[1024], *brk;
	size_t i, start, words = 0;
	int inword = 0;

	if (n == 0)
		return 0;
	brk = n <= sizeof stackbrk ? stackbrk : xmalloc(n);
	u8_wordbreaks(s, n, brk);
	for (i = start = 0; i < n;) {
		ucs4_t uc;
		int len;

		if (brk[i] && i > start) {
			words += inword;
			inword = 0;
			start = i;
		}
		len = u8_mbtouc(&uc, s + i, n - i);
		if (len <= 0)
			len = 1;
		if (uc_is_alnum(uc))
			inword = 1;
		i += (size_t)len;
	}
	words += inword;
	if (brk != stackbrk)
		free(brk);
	return words;
}

int
doc_looks_binary(const struct doc *d)
{
	size_t n = d->len < 65536 ? d->len : 65536, i, bad = 0;

	for (i = 0; i < n;) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, d->src + i, n - i);

		if (k <= 0)
			k = 1;
		if (uc == 0)
			return 1;
		if ((uc == 0xFFFD && !(k == 3 && d->src[i] == 0xEF)) ||
		    (uc < 0x20 && uc != '\n' && uc != '\r' && uc != '\t' &&
		    uc != '\f'))
			bad++;
		i += (size_t)k;
	}
	/* A few stray bytes are a damaged text; many are a binary. */
	return n > 0 && (bad * 100 > n * 5);
}

void
doc_count_speaker_words(struct doc *d)
{
	size_t b;

	if (d->words_counted || !doc_complete(d))
		return;
	for (b = 0; b < d->nblocks; b++)
		if (d->blocks[b].speaker >= 0)
			d->speakers[d->blocks[b].speaker].words +=
			    doc_count_words(d->src + d->blocks[b].tstart,
			    d->blocks[b].tend - d->blocks[b].tstart);
	d->words_counted = 1;
}
