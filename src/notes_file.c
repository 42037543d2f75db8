/*
 * notes_file.c: the state file of a document's notes.
 *
 * A document's notes live in $XDG_STATE_HOME/lectern/doc-HASH.state, one
 * "key value" line each, ending with "end" (so a truncated file is seen):
 *
 *	lectern-state 1
 *	path /home/me/episode.txt
 *	place 12345
 *	cursor 12000
 *	mark a 2048 1732712345678
 *	unmark b 1732712399000
 *	hl 17 5120 5874 I think actually a lot of things, a lot of
 *	note 17 5120 Compare with chapter 3
 *	lost 30 9000 9100 A paragraph that is gone
 *	end
 *
 * A mark's last number is when it was set (milliseconds since the
 * epoch); files of earlier versions lack it. "unmark" says when a mark
 * was deleted, so that the deletion wins over an older copy of the mark.
 * A "note" line is the note typed on the highlight (or lost highlight)
 * of the same block and start, written after it. Lines of other keys are
 * kept and written back, for the later version that wrote them to read:
 * a version that knows no notes keeps them, though after its own lines.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lectern/notes_file.h"
#include "lectern/state.h"
#include "lectern/util.h"

/* Writes s with newlines, backslashes and controls escaped. */
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

/* The value of a hexadecimal digit, or -1. */
static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Undoes escape in place. Returns -1 for a bad escape (or a NUL). */
static int
unescape(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		int hi, lo;

		if (*s != '\\') {
			*o++ = *s;
			continue;
		}
		s++;
		if (*s == '\\')
			*o++ = '\\';
		else if (*s == 'n')
			*o++ = '\n';
		else if (*s == 'x' && (hi = hexval(s[1])) >= 0 &&
		    (lo = hexval(s[2])) >= 0 && (hi | lo) != 0) {
			*o++ = (char)(hi << 4 | lo);
			s += 2;
		} else
			return -1;
	}
	*o = '\0';
	return 0;
}

/* Reads a decimal number of at most max at *s, moving *s past it.
 * Returns -1 unless there is one. */
static int
number(const char **s, uint64_t max, uint64_t *v)
{
	const char *p = *s;
	uint64_t x = 0;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (x > (max - (uint64_t)(*p - '0')) / 10)
			return -1;
		x = x * 10 + (uint64_t)(*p - '0');
	}
	*s = p;
	*v = x;
	return 0;
}

/* Reads " NUMBER" (an offset) at *s. */
static int
offset(const char **s, size_t *v)
{
	uint64_t x;

	if (**s != ' ')
		return -1;
	(*s)++;
	if (number(s, SIZE_MAX, &x) == -1)
		return -1;
	*v = (size_t)x;
	return 0;
}

/* The length of the first n bytes of s or less, not cutting a UTF-8
 * sequence (invalid UTF-8 is cut where it falls). */
static size_t
cut(const char *s, size_t n)
{
	size_t len = strlen(s), k = n;

	if (len <= n)
		return len;
	while (k > 0 && k + 3 > n && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return ((unsigned char)s[k] & 0xC0) == 0x80 ? n : k;
}

void
notes_hls_add(struct notes_hls *l, size_t block, size_t start, size_t end,
    const char *excerpt)
{
	UTIL_GROW(l->v, l->cap, l->n + 1);
	l->v[l->n].block = block;
	l->v[l->n].start = start;
	l->v[l->n].end = end;
	l->v[l->n].excerpt = xstrndup(excerpt, cut(excerpt,
	    NOTES_EXCERPT_BYTES));
	l->v[l->n].note = NULL;
	l->n++;
}

void
notes_hl_set_note(struct notes_highlight *h, const char *note)
{
	free(h->note);
	h->note = note != NULL && *note != '\0' ? xstrndup(note, cut(note,
	    NOTES_NOTE_BYTES)) : NULL;
}

void
notes_hl_clear(struct notes_highlight *h)
{
	free(h->excerpt);
	free(h->note);
	h->excerpt = h->note = NULL;
}

void
notes_hls_move(struct notes_hls *l, struct notes_highlight *h)
{
	UTIL_GROW(l->v, l->cap, l->n + 1);
	l->v[l->n++] = *h;
	h->excerpt = h->note = NULL;	/* both are l's now */
}

/* By block, then the rest, so that which of two on a block is kept does
 * not depend on the order they came in. */
static int
hl_cmp(const void *a, const void *b)
{
	const struct notes_highlight *x = a, *y = b;

	if (x->block != y->block)
		return x->block < y->block ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return strcmp(x->excerpt, y->excerpt);
}

void
notes_hls_sort(struct notes_hls *l)
{
	size_t i, k = 0;

	if (l->n < 2)
		return;
	qsort(l->v, l->n, sizeof *l->v, hl_cmp);
	for (i = 0; i < l->n; i++) {
		if (k > 0 && l->v[k - 1].block == l->v[i].block) {
			/* The note of either, the one kept first. */
			if (l->v[k - 1].note == NULL) {
				l->v[k - 1].note = l->v[i].note;
				l->v[i].note = NULL;
			}
			notes_hl_clear(&l->v[i]);
			continue;
		}
		l->v[k++] = l->v[i];
	}
	l->n = k;
}

void
notes_hls_unique(struct notes_hls *l, size_t max)
{
	size_t i, k = 0;

	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, hl_cmp);
	for (i = 0; i < l->n; i++) {
		if ((k > 0 && hl_cmp(&l->v[k - 1], &l->v[i]) == 0) || k == max) {
			notes_hl_clear(&l->v[i]);
			continue;
		}
		l->v[k++] = l->v[i];
	}
	l->n = k;
}

long
notes_hls_find(const struct notes_hls *l, size_t block)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (l->v[mid].block < block)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < l->n && l->v[lo].block == block ? (long)lo : -1;
}

void
notes_hls_free(struct notes_hls *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		notes_hl_clear(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
notes_file_free(struct notes_file *f)
{
	free(f->path);
	notes_hls_free(&f->hl);
	notes_hls_free(&f->lost);
	buf_free(&f->extra);
	memset(f, 0, sizeof *f);
}

/* The index of mark letter c, or -1. */
int
notes_mark_letter(size_t i)
{
	return i < 26 ? 'a' + (int)i : 'A' + (int)i - 26;
}

static int
mark_index(char c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= 'A' && c <= 'Z')
		return 26 + c - 'A';
	return -1;
}

/* What parsing remembers from line to line: the highlight the last line
 * added (a note goes with it), and the notes that came elsewhere. */
struct parse {
	struct notes_hls *last;		/* f->hl or f->lost, or NULL */
	struct notes_hls loose;		/* block, start, and the note as
					   excerpt */
};

/* Sets mark i as a line says, unless an earlier line said something
 * later (off 0: deleted). */
static void
set_mark(struct notes_file *f, int i, size_t off, int64_t t)
{
	struct notes_mark *m = &f->marks[i];

	if (m->time > t)	/* times are never negative */
		return;
	m->off = off;
	m->time = t;
}

/* Reads "note BLOCK START TEXT" (p after "note"): for the highlight of
 * the line before when it is that one, else kept to find later. Returns
 * as parse_line does. */
static int
parse_note(struct parse *ps, const char *p, char *line)
{
	size_t a, b;
	char *text;

	/* Not of this shape: a later version's, kept as it is. */
	if (offset(&p, &a) == -1 || offset(&p, &b) == -1 || *p != ' ')
		return 0;
	text = line + (p + 1 - line);
	if (unescape(text) == -1)
		return 0;
	if (ps->last != NULL && ps->last->n > 0 &&
	    ps->last->v[ps->last->n - 1].block == a &&
	    ps->last->v[ps->last->n - 1].start == b)
		notes_hl_set_note(&ps->last->v[ps->last->n - 1], text);
	else {
		/* As many as the file holds: it is at most STATE_MAX_BYTES. */
		notes_hls_add(&ps->loose, a, b, 0, "");
		notes_hl_set_note(&ps->loose.v[ps->loose.n - 1], text);
	}
	ps->last = NULL;
	return 1;
}

/* Parses one line (NUL-terminated, without its newline) of a known key
 * into f. Returns 1 when done, 0 for a key it does not know, -1 when the
 * line is wrong. */
static int
parse_line(struct notes_file *f, struct parse *ps, char *line)
{
	const char *p;
	uint64_t t;
	size_t a, b, c;
	int i;

	if (strncmp(line, "note ", 5) == 0)
		return parse_note(ps, line + 4, line);
	ps->last = NULL;
	if (strncmp(line, "unmark ", 7) == 0) {
		if ((i = mark_index(line[7])) < 0 || line[8] != ' ')
			return -1;
		p = line + 9;
		if (number(&p, INT64_MAX, &t) == -1 || *p != '\0')
			return -1;
		set_mark(f, i, 0, (int64_t)t);
		return 1;
	}

	if (strncmp(line, "path ", 5) == 0) {
		free(f->path);
		f->path = xstrdup(line + 5);
		return unescape(f->path) == -1 ? -1 : 1;
	}
	if (strncmp(line, "place", 5) == 0 && line[5] == ' ') {
		p = line + 5;
		if (offset(&p, &f->place) == -1 || *p != '\0')
			return -1;
		f->have_place = 1;
		return 1;
	}
	if (strncmp(line, "cursor", 6) == 0 && line[6] == ' ') {
		p = line + 6;
		return offset(&p, &f->cursor) == -1 || *p != '\0' ? -1 : 1;
	}
	if (strncmp(line, "mark ", 5) == 0) {
		if ((i = mark_index(line[5])) < 0)
			return -1;
		p = line + 6;
		if (offset(&p, &a) == -1 || a == SIZE_MAX)
			return -1;
		t = 0;
		if (*p == ' ' && (p++, number(&p, INT64_MAX, &t)) == -1)
			return -1;
		if (*p != '\0')
			return -1;
		set_mark(f, i, a + 1, (int64_t)t);
		return 1;
	}
	if (strncmp(line, "hl ", 3) == 0 || strncmp(line, "lost ", 5) == 0) {
		int lost = line[0] == 'l';
		char *ex;

		p = line + (lost ? 4 : 2);
		if (offset(&p, &a) == -1 || offset(&p, &b) == -1 ||
		    offset(&p, &c) == -1 || *p != ' ')
			return -1;
		ex = line + (p + 1 - line);
		if (unescape(ex) == -1)
			return -1;
		if (!lost) {
			notes_hls_add(&f->hl, a, b, c, ex);
			ps->last = &f->hl;
		} else if (f->lost.n < NOTES_LOST_MAX) {
			notes_hls_add(&f->lost, a, b, c, ex);
			ps->last = &f->lost;
		}
		return 1;
	}
	return 0;
}

enum notes_file_status
notes_file_parse(struct notes_file *f, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	struct buf line = { NULL, 0, 0 };
	struct parse ps = { NULL, { NULL, 0, 0 } };
	size_t i;
	int first = 1, ended = 0, rc = NOTES_FILE_OK;

	notes_file_free(f);
	if (memchr(data, '\0', len) != NULL)
		return NOTES_FILE_BROKEN;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl != NULL ? nl : end) - p);
		char *s;

		buf_reset(&line);
		buf_add(&line, p, n);
		p += n + (nl != NULL);
		if (n == 0)
			continue;
		s = line.data;
		if (ended) {
			rc = NOTES_FILE_BROKEN;
			break;
		}
		if (first) {
			const char *v = s + 14;
			uint64_t version;

			first = 0;
			if (strncmp(s, "lectern-state ", 14) != 0 ||
			    number(&v, 1000000, &version) == -1 || *v != '\0' ||
			    version == 0) {
				rc = NOTES_FILE_BROKEN;
				break;
			}
			if (version > 1) {
				rc = NOTES_FILE_NEWER;
				break;
			}
			continue;
		}
		if (strcmp(s, "end") == 0) {
			ended = 1;
			continue;
		}
		switch (parse_line(f, &ps, s)) {
		case -1:
			rc = NOTES_FILE_BROKEN;
			break;
		case 0:
			ps.last = NULL;
			buf_add(&f->extra, p - n - (nl != NULL), n);
			buf_addc(&f->extra, '\n');
			continue;
		default:
			continue;
		}
		break;
	}
	buf_free(&line);
	if (rc == NOTES_FILE_OK && !ended)
		rc = NOTES_FILE_BROKEN;
	if (rc != NOTES_FILE_OK) {
		notes_hls_free(&ps.loose);
		notes_file_free(f);
		return rc;
	}
	notes_hls_sort(&f->hl);
	/* Notes that an older version moved away from their highlights. */
	for (i = 0; i < ps.loose.n; i++) {
		long k = notes_hls_find(&f->hl, ps.loose.v[i].block);

		if (k >= 0 && f->hl.v[k].start == ps.loose.v[i].start &&
		    f->hl.v[k].note == NULL) {
			f->hl.v[k].note = ps.loose.v[i].note;
			ps.loose.v[i].note = NULL;
		}
	}
	notes_hls_free(&ps.loose);
	f->whole = 1;
	return NOTES_FILE_OK;
}

/* Appends an "hl" or "lost" line for each of l. */
static void
write_hls(struct buf *b, const char *key, const struct notes_hls *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		buf_printf(b, "%s %zu %zu %zu ", key, l->v[i].block,
		    l->v[i].start, l->v[i].end);
		escape(b, l->v[i].excerpt);
		buf_addc(b, '\n');
		if (l->v[i].note == NULL)
			continue;
		buf_printf(b, "note %zu %zu ", l->v[i].block, l->v[i].start);
		escape(b, l->v[i].note);
		buf_addc(b, '\n');
	}
}

void
notes_file_write(const struct notes_file *f, struct buf *b)
{
	size_t i;

	buf_adds(b, "lectern-state 1\n");
	if (f->path != NULL) {
		buf_adds(b, "path ");
		escape(b, f->path);
		buf_addc(b, '\n');
	}
	if (f->have_place)
		buf_printf(b, "place %zu\ncursor %zu\n", f->place, f->cursor);
	for (i = 0; i < NOTES_NMARKS; i++)
		if (f->marks[i].off != 0)
			buf_printf(b, "mark %c %zu %lld\n",
			    notes_mark_letter(i), f->marks[i].off - 1,
			    (long long)f->marks[i].time);
		else if (f->marks[i].time != 0)
			buf_printf(b, "unmark %c %lld\n", notes_mark_letter(i),
			    (long long)f->marks[i].time);
	write_hls(b, "hl", &f->hl);
	write_hls(b, "lost", &f->lost);
	buf_add(b, f->extra.data, f->extra.len);
	buf_adds(b, "end\n");
}

int
notes_file_load(struct notes_file *f, const char *path, char **problem)
{
	enum notes_file_status st;
	char *data, *aside;
	size_t len;
	int saved;

	notes_file_free(f);
	if ((data = state_read(path, STATE_MAX_BYTES, &len)) == NULL) {
		if (errno == ENOENT)
			return 0;
		saved = errno;
		free(*problem);
		if (asprintf(problem, "not using the state: %s",
		    *state_why() != '\0' ? state_why() : strerror(saved)) == -1)
			util_fatal("out of memory");
		errno = saved;
		return -1;
	}
	st = notes_file_parse(f, data, len);
	free(data);
	if (st == NOTES_FILE_OK)
		return 1;
	free(*problem);
	if (st == NOTES_FILE_NEWER) {
		if (asprintf(problem, "not using the state: %s is from a "
		    "newer lectern", strrchr(path, '/') != NULL ?
		    strrchr(path, '/') + 1 : path) == -1)
			util_fatal("out of memory");
		errno = EPROTO;
		return -1;
	}
	if ((aside = state_set_aside(path)) != NULL) {
		const char *base = strrchr(aside, '/');

		if (asprintf(problem, "the saved state was broken; kept as %s",
		    base != NULL ? base + 1 : aside) == -1)
			util_fatal("out of memory");
		free(aside);
	} else if (asprintf(problem, "the saved state was broken") == -1)
		util_fatal("out of memory");
	return 0;
}
