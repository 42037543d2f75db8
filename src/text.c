/* text.c: decoding UTF-8 into safe, measured glyphs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "lectern/text.h"
#include "lectern/util.h"

static const uint8_t replacement[] = "\xEF\xBF\xBD";
static int ascii;

void
text_set_ascii(int on)
{
	ascii = on;
}

int
text_ascii(void)
{
	return ascii;
}

/* An ASCII stand-in for a character a non-UTF-8 terminal cannot show:
 * typography by a table, letters without their marks, else '?'s. */
static void
transliterate(struct text_glyph *g)
{
	static const struct {
		uint32_t	 uc;
		const char	*s;
	} table[] = {
		{ 0x2018, "'" }, { 0x2019, "'" }, { 0x201A, "," },
		{ 0x201C, "\"" }, { 0x201D, "\"" }, { 0x201E, "\"" },
		{ 0x2013, "-" }, { 0x2014, "--" }, { 0x2212, "-" },
		{ 0x2026, "..." }, { 0x2022, "*" }, { 0x00B7, "." },
		{ 0x00AB, "<<" }, { 0x00BB, ">>" }, { 0x00A0, " " },
		{ 0x258C, ">" }, { 0x2503, "|" }, { 0x25B8, ">" },
		{ 0x2605, "*" }, { 0x00A7, "S" }, { 0x00DF, "ss" },
		{ 0x00C6, "AE" }, { 0x00E6, "ae" }, { 0x0152, "OE" },
		{ 0x0153, "oe" }, { 0x00D8, "O" }, { 0x00F8, "o" },
		{ 0x0141, "L" }, { 0x0142, "l" }, { 0x00D0, "D" },
		{ 0x00F0, "d" }, { 0x00DE, "Th" }, { 0x00FE, "th" },
	};
	uint8_t nfd[32], *r, tmp[8];
	size_t i, n = sizeof nfd, o = 0;
	int len;

	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].uc == g->uc) {
			snprintf(g->buf, sizeof g->buf, "%s", table[i].s);
			goto done;
		}
	if (g->width == 0) {
		/* A combining mark: dropped with its letter's accents. */
		g->buf[0] = '\0';
		goto done;
	}
	len = u8_uctomb(tmp, g->uc, sizeof tmp);
	r = len > 0 ? u8_normalize(UNINORM_NFD, tmp, (size_t)len, nfd, &n) :
	    NULL;
	if (r != NULL) {
		for (i = 0; i < n && o < 4; i++)
			if (r[i] >= 0x20 && r[i] < 0x7F)
				g->buf[o++] = (char)r[i];
			else if (r[i] < 0x80 || r[i] >= 0xC0)
				break;	/* a character other than a mark */
		if (i < n && o > 0 && r[i] >= 0xC0) {
			/* letters and marks only: keep the letters */
			size_t j;

			for (j = i; j < n; j++)
				if (r[j] == 0xCC || r[j] == 0xCD)
					j++;	/* U+0300..U+036F */
				else if (r[j] >= 0xC0)
					break;
			if (j < n)
				o = 0;
		}
		if (r != nfd)
			free(r);
	}
	if (o == 0) {
		for (o = 0; o < (size_t)g->width && o < 2; o++)
			g->buf[o] = '?';
		g->kind = TEXT_PLACEHOLDER;
	}
	g->buf[o] = '\0';
done:
	g->show = (const uint8_t *)g->buf;
	g->nshow = strlen(g->buf);
	g->width = (int)g->nshow;
}

/* True for invisible characters that could reorder or hide text. */
static int
is_hostile_format(uint32_t uc)
{
	return (uc >= 0x202A && uc <= 0x202E) ||	/* bidi embeddings, overrides */
	    (uc >= 0x2066 && uc <= 0x2069) ||		/* bidi isolates */
	    uc == 0x200E || uc == 0x200F || uc == 0x061C ||	/* bidi marks */
	    (uc >= 0xFFF9 && uc <= 0xFFFB) ||		/* interlinear annotation */
	    (uc >= 0xE0000 && uc <= 0xE007F);		/* tag characters */
}

static int
is_space(uint32_t uc)
{
	return uc == ' ' || uc == '\t' || uc == '\n' || uc == '\r' ||
	    uc == '\v' || uc == '\f' || uc == 0x2028 || uc == 0x2029 ||
	    uc == 0x85;
}

size_t
text_glyph(const uint8_t *s, size_t n, struct text_glyph *g)
{
	ucs4_t uc;
	int len, w;

	len = u8_mbtouc(&uc, s, n);
	if (len <= 0)
		len = 1;
	g->srclen = (size_t)len;
	g->uc = uc;
	if (uc == 0xFFFD && !(len == 3 && memcmp(s, replacement, 3) == 0)) {
		/* An invalid sequence: u8_mbtouc consumed what it could. */
		g->kind = TEXT_PLACEHOLDER;
		g->show = ascii ? (const uint8_t *)"?" : replacement;
		g->nshow = ascii ? 1 : 3;
		g->width = 1;
		return g->srclen;
	}
	if (is_space(uc)) {
		g->kind = TEXT_SPACE;
		g->show = (const uint8_t *)" ";
		g->nshow = 1;
		g->width = 1;
		return g->srclen;
	}
	if (uc < 0x20 || uc == 0x7F) {
		g->kind = TEXT_PLACEHOLDER;
		g->buf[0] = '^';
		g->buf[1] = uc == 0x7F ? '?' : (char)(uc + 64);
		g->show = (const uint8_t *)g->buf;
		g->nshow = 2;
		g->width = 2;
		return g->srclen;
	}
	w = (uc >= 0x80 && uc < 0xA0) || is_hostile_format(uc) ? -1 :
	    uc_width(uc, "UTF-8");
	if (w < 0) {
		g->kind = TEXT_PLACEHOLDER;
		snprintf(g->buf, sizeof g->buf, "<U+%04X>", (unsigned)uc);
		g->show = (const uint8_t *)g->buf;
		g->nshow = strlen(g->buf);
		g->width = (int)g->nshow;
		return g->srclen;
	}
	g->kind = TEXT_PRINT;
	g->show = s;
	g->nshow = g->srclen;
	g->width = w;
	if (ascii && uc >= 0x80)
		transliterate(g);
	return g->srclen;
}

size_t
text_width(const uint8_t *s, size_t n)
{
	struct text_glyph g;
	size_t i, w;

	for (i = w = 0; i < n;) {
		i += text_glyph(s + i, n - i, &g);
		w += (size_t)g.width;
	}
	return w;
}

size_t
text_fit(const uint8_t *s, size_t n, int cols, int *width)
{
	struct text_glyph g;
	size_t i = 0, k;
	int w = 0;

	while (i < n) {
		k = text_glyph(s + i, n - i, &g);
		if (g.width > 0 && w + g.width > cols)
			break;
		w += g.width;
		i += k;
	}
	if (width != NULL)
		*width = w;
	return i;
}

void
text_sanitize(struct buf *b, const uint8_t *s, size_t n)
{
	struct text_glyph g;
	size_t i;
	int marks = 0;

	for (i = 0; i < n;) {
		i += text_glyph(s + i, n - i, &g);
		marks = g.width == 0 ? marks + 1 : 0;
		if (marks <= TEXT_MAX_MARKS)
			buf_add(b, g.show, g.nshow);
	}
}

int
text_is_letter(uint32_t uc)
{
	return uc_is_alpha(uc);
}

int
text_is_upper(uint32_t uc)
{
	return uc_is_upper(uc) || uc_is_property_titlecase(uc) ||
	    (uc_is_alpha(uc) && uc_tolower(uc) != (ucs4_t)uc);
}

int
text_add_cut(struct buf *b, const void *s, size_t n, int cols)
{
	int w = (int)text_width(s, n);

	if (w <= cols) {
		buf_add(b, s, n);
		return w;
	}
	if (cols < 1)
		return 0;
	buf_add(b, s, text_fit(s, n, cols - 1, &w));
	buf_adds(b, "\xE2\x80\xA6");
	return w + 1;
}

int
text_add_key(struct buf *b, int key, size_t max)
{
	uint8_t mb[8];
	int n;

	if (key < 0x20 || key == 0x7f || key >= 0x110000 ||
	    (key >= 0x80 && key < 0xA0))
		return 0;
	n = u8_uctomb(mb, (ucs4_t)key, sizeof mb);
	if (n <= 0 || b->len + (size_t)n > max)
		return 0;
	buf_add(b, mb, (size_t)n);
	return 1;
}

void
text_erase_word(struct buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	while (b->len > 0 && b->data[b->len - 1] != ' ')
		b->len--;
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

void
text_erase_char(struct buf *b)
{
	while (b->len > 0) {
		b->len--;
		if (((unsigned char)b->data[b->len] & 0xC0) != 0x80)
			break;
	}
	if (b->data != NULL)
		b->data[b->len] = '\0';
}
