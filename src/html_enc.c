/* html_enc.c: a web page's bytes made UTF-8 for the HTML parser: the
 * declared charset honoured, invalid bytes replaced, a page encoded twice
 * repaired when the whole page is consistently so. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lectern/html.h"
#include "lectern/util.h"

#define CHARSET_SCAN	(64 * 1024)	/* where <meta charset> may be */
#define MAX_CHARSET	40

/* windows-1252's 0x80..0x9F (0: undefined, read as the C1 control). */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* Appends code point uc as UTF-8. */
static void
put_utf8(struct buf *b, uint32_t uc)
{
	char s[4];

	if (uc < 0x80) {
		buf_addc(b, (char)uc);
	} else if (uc < 0x800) {
		s[0] = (char)(0xC0 | uc >> 6);
		s[1] = (char)(0x80 | (uc & 0x3F));
		buf_add(b, s, 2);
	} else if (uc < 0x10000) {
		s[0] = (char)(0xE0 | uc >> 12);
		s[1] = (char)(0x80 | (uc >> 6 & 0x3F));
		s[2] = (char)(0x80 | (uc & 0x3F));
		buf_add(b, s, 3);
	} else {
		s[0] = (char)(0xF0 | uc >> 18);
		s[1] = (char)(0x80 | (uc >> 12 & 0x3F));
		s[2] = (char)(0x80 | (uc >> 6 & 0x3F));
		s[3] = (char)(0x80 | (uc & 0x3F));
		buf_add(b, s, 4);
	}
}

/* The length of the valid UTF-8 sequence at p (n > 0 bytes left) and its
 * code point in *uc; 0 when it is not valid. */
static size_t
utf8_at(const uint8_t *p, size_t n, uint32_t *uc)
{
	uint32_t c = p[0];
	size_t len, i;

	if (c < 0x80) {
		*uc = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, c &= 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10FFFF)))
		return 0;
	*uc = c;
	return len;
}

/* True for a byte of a charset's name. */
static int
charset_char(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	    c == ':';
}

/* Finds the charset a page declares in its first bytes (<meta charset>,
 * <meta http-equiv content="...; charset=...">) into cs; 0 when none. */
static int
declared_charset(const uint8_t *p, size_t n, char *cs, size_t size)
{
	size_t i, j, k;

	if (n > CHARSET_SCAN)
		n = CHARSET_SCAN;
	for (i = 0; i + 5 < n; i++) {
		if (p[i] != '<' || strncasecmp((const char *)p + i + 1, "meta",
		    4) != 0)
			continue;
		for (j = i + 5; j + 8 < n && p[j] != '>'; j++) {
			if (strncasecmp((const char *)p + j, "charset", 7) != 0)
				continue;
			j += 7;
			while (j < n && (p[j] == ' ' || p[j] == '='))
				j++;
			while (j < n && (p[j] == '"' || p[j] == '\''))
				j++;
			for (k = 0; j + k < n && k + 1 < size &&
			    charset_char(p[j + k]); k++)
				cs[k] = (char)p[j + k];
			cs[k] = '\0';
			if (k > 0)
				return 1;
		}
	}
	return 0;
}

/* The first byte at or after i that is not ASCII, or n: eight bytes at
 * a time, since most of a page is ASCII. */
static size_t
skip_ascii(const uint8_t *p, size_t n, size_t i)
{
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

/* Counts the valid multi-byte sequences and the invalid bytes of p. */
static void
count_utf8(const uint8_t *p, size_t n, size_t *multi, size_t *bad)
{
	size_t i = 0, len;
	uint32_t uc;

	*multi = *bad = 0;
	while ((i = skip_ascii(p, n, i)) < n) {
		len = utf8_at(p + i, n - i, &uc);
		if (len == 0) {
			(*bad)++;
			i++;
		} else {
			(*multi)++;
			i += len;
		}
	}
}

/* Appends byte c of the page as text: CR LF and CR become LF, NUL and
 * invalid bytes U+FFFD (done by the callers for the rest). */
static size_t
put_line_end(struct buf *out, const uint8_t *p, size_t n, size_t i)
{
	buf_addc(out, '\n');
	return i + 1 < n && p[i + 1] == '\n' ? 2 : 1;
}

/* Copies UTF-8 p, replacing invalid bytes and NUL. */
static void
from_utf8(const uint8_t *p, size_t n, struct buf *out)
{
	size_t i = 0, len, run;
	uint32_t uc;

	while (i < n) {
		/* Bytes that stay as they are go in runs as long as can be. */
		for (run = i; run < n && p[run] != '\r' && p[run] != 0 &&
		    p[run] < 0x80; run++)
			;
		if (run > i) {
			buf_add(out, p + i, run - i);
			i = run;
			continue;
		}
		if (p[i] == '\r') {
			i += put_line_end(out, p, n, i);
		} else if (p[i] == 0) {
			put_utf8(out, 0xFFFD);
			i++;
		} else if ((len = utf8_at(p + i, n - i, &uc)) == 0) {
			put_utf8(out, 0xFFFD);
			i++;
		} else {
			buf_add(out, p + i, len);
			i += len;
		}
	}
}

/* Converts windows-1252 (and so Latin-1) p. */
static void
from_cp1252(const uint8_t *p, size_t n, struct buf *out)
{
	size_t i = 0;

	while (i < n) {
		if (p[i] == '\r')
			i += put_line_end(out, p, n, i);
		else if (p[i] == 0)
			put_utf8(out, 0xFFFD), i++;
		else if (p[i] >= 0x80 && p[i] < 0xA0 && cp1252[p[i] - 0x80])
			put_utf8(out, cp1252[p[i] - 0x80]), i++;
		else
			put_utf8(out, p[i]), i++;
	}
}

/* Converts p from charset cs with iconv. Returns 0, or -1 when iconv
 * does not know it. */
static int
from_iconv(const char *cs, const uint8_t *p, size_t n, struct buf *out)
{
	struct buf mid = { NULL, 0, 0 };
	char chunk[8192], *ip = (char *)(uintptr_t)p, *op;
	size_t il = n, ol;
	iconv_t cd;

	if ((cd = iconv_open("UTF-8", cs)) == (iconv_t)-1)
		return -1;
	while (il > 0) {
		op = chunk;
		ol = sizeof chunk;
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 &&
		    errno != E2BIG) {
			/* A byte that is not in the charset: U+FFFD. */
			buf_add(&mid, chunk, sizeof chunk - ol);
			buf_add(&mid, "\xEF\xBF\xBD", 3);
			ip++;
			il--;
			continue;
		}
		buf_add(&mid, chunk, sizeof chunk - ol);
	}
	iconv_close(cd);
	from_utf8((const uint8_t *)mid.data, mid.len, out);
	buf_free(&mid);
	return 0;
}

/* The byte a code point stood for when UTF-8 was read as windows-1252
 * or Latin-1, or -1. */
static int
byte_of(uint32_t uc)
{
	int i;

	if (uc < 0x100)
		return (int)uc;
	for (i = 0; i < 32; i++)
		if (cp1252[i] == uc)
			return 0x80 + i;
	return -1;
}

/* When the code points at p (n bytes) are the bytes of one UTF-8
 * sequence read as windows-1252, its length in p and the bytes in seq. */
static size_t
double_at(const uint8_t *p, size_t n, uint8_t *seq, size_t *nseq)
{
	size_t off = 0, want, k, len;
	uint32_t uc, dummy;
	int b;

	len = utf8_at(p, n, &uc);
	if (len < 2 || (b = byte_of(uc)) < 0xC2 || b > 0xF4)
		return 0;
	want = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
	seq[0] = (uint8_t)b;
	off = len;
	for (k = 1; k < want; k++) {
		if (off >= n || (len = utf8_at(p + off, n - off, &uc)) == 0 ||
		    (b = byte_of(uc)) < 0x80 || b > 0xBF)
			return 0;
		seq[k] = (uint8_t)b;
		off += len;
	}
	if (utf8_at(seq, want, &dummy) != want)
		return 0;
	*nseq = want;
	return off;
}

int
html_undouble(const uint8_t *p, size_t n, struct buf *out)
{
	size_t i, len, nseq, doubled = 0, other = 0;
	uint8_t seq[4];
	uint32_t uc;

	/* Decided from counts over the whole page: many sequences that are
	 * UTF-8 read as windows-1252, and next to none that are not. */
	for (i = 0; (i = skip_ascii(p, n, i)) < n;) {
		if ((len = double_at(p + i, n - i, seq, &nseq)) > 0) {
			doubled++;
			i += len;
		} else {
			len = utf8_at(p + i, n - i, &uc);
			other++;
			i += len > 0 ? len : 1;
		}
	}
	if (doubled < 3 || other * 20 > doubled)
		return 0;
	buf_reset(out);
	for (i = 0; i < n;) {
		if (p[i] >= 0x80 &&
		    (len = double_at(p + i, n - i, seq, &nseq)) > 0) {
			buf_add(out, seq, nseq);
			i += len;
		} else {
			buf_addc(out, (char)p[i++]);
		}
	}
	return 1;
}

const char *
html_utf8(const uint8_t *in, size_t n, struct buf *out,
    const uint8_t **page, size_t *len)
{
	static char note[160];
	struct buf fixed = { NULL, 0, 0 };
	char cs[MAX_CHARSET];
	const char *what = NULL;
	size_t multi, bad;
	int single = 0, declared;

	buf_reset(out);
	declared = declared_charset(in, n, cs, sizeof cs);
	if (declared)
		single = strcasecmp(cs, "windows-1252") == 0 ||
		    strcasecmp(cs, "cp1252") == 0 ||
		    strncasecmp(cs, "iso-8859-1", 10) == 0 ||
		    strcasecmp(cs, "iso8859-1") == 0 ||
		    strcasecmp(cs, "latin1") == 0 ||
		    strcasecmp(cs, "us-ascii") == 0 ||
		    strcasecmp(cs, "ascii") == 0;
	count_utf8(in, n, &multi, &bad);
	if (declared && single && !(multi > 0 && bad == 0)) {
		from_cp1252(in, n, out);
		snprintf(note, sizeof note, "encoding: %s", cs);
		what = note;
	} else if (declared && single) {
		from_utf8(in, n, out);
		snprintf(note, sizeof note, "encoding: UTF-8 (declared %s)",
		    cs);
		what = note;
	} else if (declared && strncasecmp(cs, "utf", 3) != 0 &&
	    !(multi > 0 && bad == 0) && from_iconv(cs, in, n, out) == 0) {
		snprintf(note, sizeof note, "encoding: %s", cs);
		what = note;
	} else if (bad > 0 && bad > multi) {
		/* Not UTF-8 and nothing declared: what browsers assume. */
		buf_reset(out);
		from_cp1252(in, n, out);
		what = "encoding: windows-1252 (not UTF-8, none declared)";
	} else if (bad == 0 && memchr(in, '\r', n) == NULL &&
	    memchr(in, '\0', n) == NULL) {
		/* Clean UTF-8: read as it is, unless it is encoded twice. */
		if (html_undouble(in, n, out)) {
			*page = (const uint8_t *)out->data;
			*len = out->len;
			return "encoding: UTF-8 encoded twice, repaired";
		}
		buf_reset(out);
		*page = in;
		*len = n;
		return NULL;
	} else {
		buf_reset(out);
		from_utf8(in, n, out);
	}
	if (html_undouble((const uint8_t *)out->data, out->len, &fixed)) {
		buf_reset(out);
		buf_add(out, fixed.data, fixed.len);
		what = "encoding: UTF-8 encoded twice, repaired";
	}
	buf_free(&fixed);
	*page = (const uint8_t *)out->data;
	*len = out->len;
	return what;
}
