/* doc.c: loading a document and answering questions about its model. */
#include <sys/mman.h>
#include <poll.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unictype.h>
#include <uniwbrk.h>
#include <unistr.h>

#include "lectern/build.h"
#include "lectern/doc.h"
#include "lectern/format.h"
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

/* The mapped files, for the SIGBUS handler: a file that shrinks under
 * its mapping faults on the pages past its new end. */
#define MAX_MAPS	64

static struct {
	volatile uintptr_t base;
	volatile size_t	 len;
	volatile size_t	 gone;		/* offset from which pages are gone,
					   or SIZE_MAX */
} maps[MAX_MAPS];

/* Puts zero pages where the file's pages were, notes where, and lets the
 * faulting read go on: the reader stops reading there at its next step. */
static void
on_sigbus(int sig, siginfo_t *si, void *ctx)
{
	uintptr_t a = (uintptr_t)si->si_addr, page;
	long psz = sysconf(_SC_PAGESIZE);
	size_t i;

	(void)ctx;
	for (i = 0; i < MAX_MAPS; i++) {
		if (maps[i].base == 0 || a < maps[i].base ||
		    a >= maps[i].base + maps[i].len)
			continue;
		page = a & ~(uintptr_t)(psz - 1);
		if (mmap((void *)page, maps[i].base + maps[i].len - page,
		    PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
		    0) == MAP_FAILED)
			break;
		if (page - maps[i].base < maps[i].gone)
			maps[i].gone = page - maps[i].base;
		return;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Notes a mapping for the SIGBUS handler. Returns 0, or -1 when there is
 * no room (the file is then read, not mapped). */
static int
watch_map(const void *base, size_t len)
{
	static int installed;
	struct sigaction sa;
	size_t i;

	if (!installed) {
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = on_sigbus;
		sa.sa_flags = SA_SIGINFO | SA_NODEFER;
		sigemptyset(&sa.sa_mask);
		if (sigaction(SIGBUS, &sa, NULL) == -1)
			return -1;
		installed = 1;
	}
	for (i = 0; i < MAX_MAPS; i++)
		if (maps[i].base == 0) {
			maps[i].gone = SIZE_MAX;
			maps[i].len = len;
			maps[i].base = (uintptr_t)base;
			return 0;
		}
	return -1;
}

static void
unwatch_map(const void *base)
{
	size_t i;

	for (i = 0; i < MAX_MAPS; i++)
		if (maps[i].base == (uintptr_t)base)
			maps[i].base = 0;
}

/* Converts UTF-16 (big_endian or not) to UTF-8. Caller frees. */
static uint8_t *
from_utf16(const uint8_t *p, size_t n, int big, size_t *outlen)
{
	uint8_t *o, *q;
	size_t i;

	q = o = xmalloc(n / 2 * 3 + 4);
	for (i = 0; i + 1 < n; i += 2) {
		uint32_t c = big ? (uint32_t)p[i] << 8 | p[i + 1] :
		    (uint32_t)p[i + 1] << 8 | p[i];

		if (c >= 0xD800 && c < 0xDC00 && i + 3 < n) {
			uint32_t c2 = big ? (uint32_t)p[i + 2] << 8 | p[i + 3] :
			    (uint32_t)p[i + 3] << 8 | p[i + 2];

			if (c2 >= 0xDC00 && c2 < 0xE000) {
				c = 0x10000 + ((c - 0xD800) << 10) +
				    (c2 - 0xDC00);
				i += 2;
			} else
				c = 0xFFFD;
		} else if (c >= 0xD800 && c < 0xE000)
			c = 0xFFFD;
		q += u8_uctomb(q, c, 4);
	}
	*outlen = (size_t)(q - o);
	return o;
}

/* True when the start of p looks like UTF-16 without a byte-order mark:
 * text whose every other byte is zero. Sets *big for big-endian. */
static int
looks_utf16(const uint8_t *p, size_t n, int *big)
{
	size_t i, even = 0, odd = 0, pairs;

	if (n > 4096)
		n = 4096;
	pairs = n / 2;
	if (pairs < 8)
		return 0;
	for (i = 0; i + 1 < n; i += 2) {
		even += p[i] == 0;
		odd += p[i + 1] == 0;
	}
	*big = even > odd;
	return (even > pairs * 7 / 10 && odd < pairs / 20) ||
	    (odd > pairs * 7 / 10 && even < pairs / 20);
}

/* True when lines end in CR alone: CRs without an LF after them outnumber
 * the LFs in the first FORMAT_SNIFF_SIZE bytes. */
static int
cr_lines(const uint8_t *p, size_t n)
{
	size_t i, cr = 0, lf = 0;

	if (n > FORMAT_SNIFF_SIZE)
		n = FORMAT_SNIFF_SIZE;
	for (i = 0; i < n; i++)
		if (p[i] == '\n')
			lf++;
		else if (p[i] == '\r' && (i + 1 >= n || p[i + 1] != '\n'))
			cr++;
	return cr > lf;
}

/* Makes the input of the reader from the raw bytes: no byte-order mark,
 * UTF-8, LF line ends. */
static void
make_input(struct doc *d)
{
	const uint8_t *p = d->raw;
	size_t n = d->rawlen, i;
	int big;

	d->in = p;
	d->inlen = n;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		d->in = p + 3;
		d->inlen = n - 3;
	} else if (n >= 2 && (memcmp(p, "\xFF\xFE", 2) == 0 ||
	    memcmp(p, "\xFE\xFF", 2) == 0)) {
		big = p[0] == 0xFE;
		d->conv = from_utf16(p + 2, n - 2, big, &d->inlen);
		d->in = d->conv;
		d->encoding = big ? "UTF-16BE" : "UTF-16LE";
	} else if (looks_utf16(p, n, &big)) {
		d->conv = from_utf16(p, n, big, &d->inlen);
		d->in = d->conv;
		d->encoding = big ? "UTF-16BE" : "UTF-16LE";
	}
	if (cr_lines(d->in, d->inlen)) {
		uint8_t *c = d->conv != NULL ? d->conv : xmalloc(d->inlen + 1);

		for (i = 0; i < d->inlen; i++)
			c[i] = d->in[i] == '\r' && (i + 1 >= d->inlen ||
			    d->in[i + 1] != '\n') ? '\n' : d->in[i];
		d->conv = c;
		d->in = c;
		if (d->encoding == NULL)
			d->encoding = "CR line ends";
	}
}

struct doc *
doc_new_as(const uint8_t *src, size_t len, const char *name,
    enum doc_own own, const char *format)
{
	struct doc *d;

	d = xcalloc(1, sizeof *d);
	d->raw = src;
	d->rawlen = len;
	d->name = xstrdup(name);
	d->own = own;
	d->maplen = len;
	d->fd = -1;
	d->maxtime = DOC_NO_TIME;
	make_input(d);
	d->src = d->in;
	d->len = d->inlen;
	if (format == NULL || (d->fmt = format_find(format)) == NULL)
		d->fmt = format_sniff(d->in, d->inlen, name);
	build_begin(d);
	d->fmt->begin(d);
	return d;
}

struct doc *
doc_new(const uint8_t *src, size_t len, const char *name, enum doc_own own)
{
	return doc_new_as(src, len, name, own, NULL);
}

/* Reads all of fd; a FIFO gets FIFO_WAIT seconds for a writer to come. */
static struct doc *
read_all(int fd, const char *name, int fifo, const char *format)
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
	return doc_new_as(p, len, name, DOC_MALLOCED, format);
}

struct doc *
doc_read_fd(int fd, const char *name)
{
	return read_all(fd, name, 0, NULL);
}

struct doc *
doc_open(const char *path)
{
	return doc_open_as(path, NULL);
}

/* What the first screen reads of a file, asked for at once: the sniff
 * (64 KB), the samples that tell the format's habits and the first chunk
 * parsed (256 KB; a play's sample, 1 MB). Left to itself, the kernel
 * answers the first fault in a cold mapping by reading all around it
 * (read_ahead_kb, 8 MB on some disks) and waits for it all; asked for
 * these pieces, it reads them alone, the first soonest, and the faults
 * in them wait for nothing more. Beyond them, reading is the kernel's. */
static void
read_first(int fd, size_t size)
{
	static const size_t ends[] = { 64u << 10, 256u << 10, 1u << 20 };
	size_t i, from = 0;

	for (i = 0; i < sizeof ends / sizeof ends[0] && from < size; i++) {
		(void)posix_fadvise(fd, (off_t)from, (off_t)(ends[i] - from),
		    POSIX_FADV_WILLNEED);
		from = ends[i];
	}
}

struct doc *
doc_open_as(const char *path, const char *format)
{
	struct stat st;
	struct doc *d;
	void *map;
	int fd, saved;

	if (strcmp(path, "-") == 0)
		return read_all(STDIN_FILENO, "-", 0, format);
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
		if (map != MAP_FAILED && watch_map(map, (size_t)st.st_size) ==
		    0) {
			read_first(fd, (size_t)st.st_size);
			d = doc_new_as(map, (size_t)st.st_size, path,
			    DOC_MAPPED, format);
			d->fd = fd;
			return d;
		}
		if (map != MAP_FAILED)
			munmap(map, (size_t)st.st_size);
	}
	d = read_all(fd, path, S_ISFIFO(st.st_mode), format);
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
	if (d->fs != NULL)
		d->fmt->end(d);
	if (d->build != NULL) {
		build_prefault_end(d);
		buf_free(&d->build->text);
		free(d->build);
	}
	for (i = 0; i < d->nspeakers; i++)
		free(d->speakers[i].name);
	free(d->speakers);
	free(d->blocks);
	free(d->pages);
	free(d->sections);
	free(d->episodes);
	free(d->turns);
	free(d->spans);
	free(d->text);
	free(d->conv);
	free(d->detail);
	if (d->own == DOC_MALLOCED)
		free((void *)d->raw);
	else if (d->own == DOC_MAPPED) {
		unwatch_map(d->raw);
		munmap((void *)d->raw, d->maplen);
	}
	if (d->fd >= 0)
		close(d->fd);
	free(d->name);
	free(d);
}

int
doc_complete(const struct doc *d)
{
	return d->complete;
}

/* The offset in the mapping from which the file's pages are gone, or
 * SIZE_MAX. */
static size_t
map_gone(const struct doc *d)
{
	size_t i;

	if (d->own != DOC_MAPPED)
		return SIZE_MAX;
	for (i = 0; i < MAX_MAPS; i++)
		if (maps[i].base == (uintptr_t)d->raw)
			return maps[i].gone;
	return SIZE_MAX;
}

/* Ends the reading: the reader's state is freed and the model closed. */
static void
finish(struct doc *d)
{
	if (d->fs != NULL)
		d->fmt->end(d);
	d->fs = NULL;
	build_finish(d);
	d->complete = 1;
}

int
doc_parse_some(struct doc *d, size_t budget)
{
	int more;

	if (d->complete)
		return 0;
	/* A large text to write: its pages are made ready ahead. */
	build_prefault_begin(d);
	more = d->fmt->some(d, budget);
	if (more && map_gone(d) == SIZE_MAX)
		return 1;
	finish(d);
	return 0;
}

size_t
doc_parsed(const struct doc *d)
{
	/* A reader that builds its own text has read as far as it goes;
	 * the input it has read (d->parsed) is no offset of that text. */
	if (d->complete || d->src != d->in)
		return d->len;
	return d->parsed;
}

int
doc_check_shrunk(struct doc *d, size_t *size)
{
	size_t gone = map_gone(d);
	struct stat st;

	if (gone == SIZE_MAX || d->shrunk)
		return 0;
	d->shrunk = 1;
	*size = gone;
	if (d->fd >= 0 && fstat(d->fd, &st) == 0 &&
	    (uintmax_t)st.st_size < gone)
		*size = (size_t)st.st_size;
	if (!d->complete)
		finish(d);
	return 1;
}

void
doc_memory(const struct doc *d, struct doc_memory *m)
{
	size_t i;

	m->raw = d->own == DOC_BORROWED ? 0 : d->rawlen;
	m->conv = d->conv != NULL ? d->inlen : 0;
	m->text = d->text != NULL ? d->len : d->build != NULL &&
	    d->build->own ? d->build->text.cap : 0;
	m->model = d->capblocks * sizeof *d->blocks +
	    d->cappages * sizeof *d->pages +
	    d->capsections * sizeof *d->sections +
	    d->capepisodes * sizeof *d->episodes +
	    d->capturns * sizeof *d->turns +
	    d->capspans * sizeof *d->spans +
	    d->capspeakers * sizeof *d->speakers;
	for (i = 0; i < d->nspeakers; i++)
		m->model += strlen(d->speakers[i].name) + 1;
}

const char *
doc_format_name(const struct doc *d)
{
	return d->fmt->name;
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
doc_quote_attrib(const struct doc *d, size_t b)
{
	if (b >= d->nblocks || d->blocks[b].kind != DOC_QUOTE)
		return -1;
	while (b < d->nblocks && d->blocks[b].kind == DOC_QUOTE)
		b++;
	return b < d->nblocks && d->blocks[b].kind == DOC_ATTRIB ? (int)b : -1;
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
	size_t k = off >> DOC_PAGE_SHIFT, lo, hi;

	/* The blocks from pages[k] on start in page k or after; the one
	 * before starts before it. */
	lo = k < d->npages ? d->pages[k] : d->nblocks;
	hi = k + 1 < d->npages ? d->pages[k + 1] : d->nblocks;
	if (lo > 0)
		lo--;

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

/* True when each of the eight bytes of w is printable ASCII (0x20 to
 * 0x7E): no byte below 0x20 (the borrow of a subtraction reaches its top
 * bit) and none above 0x7E (adding one sets its top bit, or it is set). */
static int
printable8(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, tops = ones << 7;

	return (((w - 0x20 * ones) & ~w) | (w + ones) | w) & tops ? 0 : 1;
}

int
doc_looks_binary(const struct doc *d)
{
	size_t n = d->len < 65536 ? d->len : 65536, i, bad = 0;

	for (i = 0; i < n;) {
		uint64_t w;
		ucs4_t uc;
		int k;

		/* Printable ASCII and the line ends, most of any text: eight
		 * bytes at a time while none is below 0x20 or above 0x7E. */
		if (i + 8 <= n) {
			memcpy(&w, d->src + i, 8);
			if (printable8(w)) {
				i += 8;
				continue;
			}
		}
		if ((d->src[i] >= 0x20 && d->src[i] < 0x7F) ||
		    d->src[i] == '\n') {
			i++;
			continue;
		}
		k = u8_mbtouc(&uc, d->src + i, n - i);

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

uint32_t
doc_time_at(const struct doc *d, size_t b)
{
	size_t i;

	/* No block has a time: no need to look. */
	if (d->maxtime == DOC_NO_TIME)
		return DOC_NO_TIME;
	/* From b itself back. */
	for (i = b < d->nblocks ? b + 1 : d->nblocks; i-- > 0;)
		if (d->blocks[i].time != DOC_NO_TIME)
			return d->blocks[i].time;
	return DOC_NO_TIME;
}

size_t
doc_block_at_time(const struct doc *d, uint32_t ms)
{
	size_t b, best = d->nblocks;

	/* Times mostly grow through a document, but not always (cues out of
	 * order): the first block at or past ms after the last one before. */
	for (b = 0; b < d->nblocks; b++) {
		uint32_t t = d->blocks[b].time;

		if (t == DOC_NO_TIME)
			continue;
		if (t <= ms)
			best = b;
		else if (best == d->nblocks)
			return b;
		else
			break;
	}
	return best;
}

char *
doc_format_time(uint32_t ms, int hours, char *buf, size_t size)
{
	uint32_t s = ms / 1000;

	if (hours || s >= 3600)
		snprintf(buf, size, hours ? "%02u:%02u:%02u" : "%u:%02u:%02u",
		    s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(buf, size, "%02u:%02u", s / 60, s % 60);
	return buf;
}

int
doc_time_hours(const struct doc *d)
{
	return d->maxtime != DOC_NO_TIME && d->maxtime >= 3600000;
}

int
doc_parse_time(const char *s, uint32_t *ms)
{
	unsigned long v[3] = { 0, 0, 0 }, frac = 0, total = 0;
	int n = 0, units = 0, fdigits = 0;
	const char *p = s;

	if (*p == '\0')
		return -1;
	/* 1h2m3s, 83m, 90s */
	if (strpbrk(s, "hms") != NULL) {
		while (*p != '\0') {
			unsigned long x = 0;
			int digits = 0;

			while (*p >= '0' && *p <= '9' && digits < 7) {
				x = x * 10 + (unsigned long)(*p++ - '0');
				digits++;
			}
			if (digits == 0)
				return -1;
			if (*p == 'h' && units < 1)
				total += x * 3600, units = 1;
			else if (*p == 'm' && units < 2)
				total += x * 60, units = 2;
			else if (*p == 's' && units < 3)
				total += x, units = 3;
			else
				return -1;
			p++;
		}
		if (total > UINT32_MAX / 1000)
			return -1;
		*ms = (uint32_t)(total * 1000);
		return 0;
	}
	/* h:mm:ss, mm:ss or s, with .mmm or ,mmm */
	for (;;) {
		int digits = 0;

		if (n == 3)
			return -1;
		while (*p >= '0' && *p <= '9' && digits < 7) {
			v[n] = v[n] * 10 + (unsigned long)(*p++ - '0');
			digits++;
		}
		if (digits == 0)
			return -1;
		n++;
		if (*p != ':')
			break;
		p++;
	}
	if (*p == '.' || *p == ',') {
		p++;
		while (*p >= '0' && *p <= '9') {
			if (fdigits < 3) {
				frac = frac * 10 + (unsigned long)(*p - '0');
				fdigits++;
			}
			p++;
		}
		while (fdigits > 0 && fdigits < 3) {
			frac *= 10;
			fdigits++;
		}
	}
	if (*p != '\0')
		return -1;
	if (n == 3)
		total = v[0] * 3600 + v[1] * 60 + v[2];
	else if (n == 2)
		total = v[0] * 60 + v[1];
	else
		total = v[0];
	if (n > 1 && v[n - 1] >= 60)
		return -1;
	if (total > UINT32_MAX / 1000 - 1)
		return -1;
	*ms = (uint32_t)(total * 1000 + frac);
	return 0;
}

unsigned
doc_span_at(const struct doc *d, size_t off, size_t *end)
{
	size_t lo = 0, hi = d->nspans;

	/* The first span that ends after off. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->spans[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == d->nspans) {
		*end = SIZE_MAX;
		return 0;
	}
	if (d->spans[lo].start > off) {
		*end = d->spans[lo].start;
		return 0;
	}
	*end = d->spans[lo].end;
	return d->spans[lo].kinds;
}
